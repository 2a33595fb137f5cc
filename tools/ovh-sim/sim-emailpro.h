/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sim-emailpro.h: the /email/pro routes, with the shapes of the provider's schema. */
#pragma once

#include "sim-server.h"

G_BEGIN_DECLS

void sim_emailpro_register (SimRouter *router);

G_END_DECLS
