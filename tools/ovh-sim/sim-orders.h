/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sim-orders.h: /order/email/pro/{service}/account — the durations on offer, and orders that
 * deliver their placeholders a little later, as a paid order does. */
#pragma once

#include "sim-server.h"

G_BEGIN_DECLS

void sim_orders_register (SimRouter *router);

G_END_DECLS
