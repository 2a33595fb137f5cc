/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sim-control.h: the unsigned /sim/ routes that tests and the demo use to steer the
 * simulator: the consumer-key validation page, credential states, clock skew, faults,
 * request statistics and a dump of the whole state. */
#pragma once

#include "sim-server.h"

G_BEGIN_DECLS

void sim_control_register (SimRouter *router);

G_END_DECLS
