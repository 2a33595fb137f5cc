/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sim-seed.h: builds the simulator's state from a seed JSON file (format in README.md).
 * Every model field missing from the seed gets a sensible default. */
#pragma once

#include "sim-state.h"

G_BEGIN_DECLS

SimState *sim_seed_load (const char  *path,
                         guint        task_ms,
                         GError     **error);
/* A domain object with every email.pro.DomainNative field, its DNS exactly as expected. */
JsonObject *sim_seed_new_domain (const char *name,
                                 const char *hostname);

/* An account object with every email.pro.AccountNative field (a placeholder when address is
 * on configureme.me); the caller adds it to a service. */
JsonObject *sim_seed_new_account (SimState   *state,
                                  const char *address,
                                  gint64      id);

G_END_DECLS
