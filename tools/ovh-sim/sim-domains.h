/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sim-domains.h: the writes on /email/pro/{service}/domain (POST, PUT, DELETE) with their
 * tasks and refusals, and the customer's own /domain and /domain/zone lists. */
#pragma once

#include "sim-server.h"
#include "sim-tasks.h"

G_BEGIN_DECLS

void sim_domains_register    (SimRouter  *router);
/* A seeded task named by a domain's taskPendingId gets that domain as its target and the
 * effect of its function (addDomain: the domain becomes ok; deleteDomain: it goes). */
void sim_domains_adopt_task  (SimService *service,
                              SimTask    *task);

G_END_DECLS
