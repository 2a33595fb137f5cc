/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sim-dkim-private.h: the DKIM selectors of the simulator (sim-dkim.c: their life cycle and
 * seed) shared with their routes (sim-dkim-routes.c). */
#pragma once

#include "sim-dkim.h"
#include "sim-tasks.h"

G_BEGIN_DECLS

typedef struct
{
  JsonObject *object;          /* email.pro.Dkim */
  gboolean    auto_enable;
  gboolean    configure;
} SimDkim;

typedef struct
{
  GPtrArray *allowed;          /* char *: what dkimSelector lists */
  GPtrArray *selectors;        /* SimDkim, created ones */
} SimDkimDomain;

/* The selectors of one domain of one service (created on first use). */
SimDkimDomain *sim_dkim_domain_get       (SimState      *state,
                                          SimService    *service,
                                          const char    *domain_name);
SimDkim       *sim_dkim_find             (SimDkimDomain *domain,
                                          const char    *name);
gboolean       sim_dkim_is_allowed       (SimDkimDomain *domain,
                                          const char    *name);
/* A new email.pro.Dkim in status todo. */
JsonObject    *sim_dkim_new_object       (const char    *selector,
                                          const char    *domain_name,
                                          const char    *now);
const char    *sim_dkim_status           (SimDkim       *dkim);
void           sim_dkim_set_status       (SimState      *state,
                                          SimDkim       *dkim,
                                          const char    *status);
gboolean       sim_dkim_has_pending_task (SimDkim       *dkim);

/* The tasks of the life cycle (see sim-dkim.h); each sets the status it starts from. */
SimTask       *sim_dkim_start_create     (SimState      *state,
                                          SimService    *service,
                                          JsonObject    *domain,
                                          SimDkim       *dkim);
SimTask       *sim_dkim_start_enable     (SimState      *state,
                                          SimService    *service,
                                          JsonObject    *domain,
                                          SimDkim       *dkim);
SimTask       *sim_dkim_start_disable    (SimState      *state,
                                          SimService    *service,
                                          JsonObject    *domain,
                                          SimDkim       *dkim);
SimTask       *sim_dkim_start_delete     (SimState      *state,
                                          SimService    *service,
                                          JsonObject    *domain,
                                          SimDkim       *dkim);

G_END_DECLS
