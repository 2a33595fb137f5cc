/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sim-emailpro.h: the /email/pro routes, with the shapes of the provider's schema. */
#pragma once

#include "sim-server.h"

G_BEGIN_DECLS

void        sim_emailpro_register       (SimRouter  *router);
/* The request's {service}, or NULL after answering the provider's 404. */
SimService *sim_emailpro_lookup_service (SimRequest *request);

G_END_DECLS
