/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sim-accounts.h: the mailbox routes of /email/pro/{service}/account — listing, configure
 * (rename) as a setAccount task, password, aliases, reset and diagnostics — with what the
 * provider keeps about a mailbox that its AccountNative does not show (aliases, password,
 * failed sign-ins, last diagnosis). */
#pragma once

#include "sim-server.h"

G_BEGIN_DECLS

void        sim_accounts_register      (SimRouter  *router);
/* Seed-only "aliases": full addresses, attached to account without tasks. */
void        sim_accounts_seed_aliases  (SimState   *state,
                                        JsonObject *account,
                                        JsonArray  *aliases);
/* Gives a mailbox a new primary address, keeping the service's index right. */
void        sim_accounts_rename        (SimService *service,
                                        JsonObject *account,
                                        const char *new_address);
/* A new placeholder "…@configureme.me" (what an order delivers), added to service. */
JsonObject *sim_accounts_add_placeholder (SimState   *state,
                                          SimService *service);

G_END_DECLS
