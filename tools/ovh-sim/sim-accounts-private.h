/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sim-accounts-private.h: what sim-accounts.c shares with sim-account-extras.c (aliases and
 * diagnostics). */
#pragma once

#include "sim-accounts.h"

G_BEGIN_DECLS

/* What the provider knows of a mailbox beyond its AccountNative.  Keyed by the account's
 * JSON object, which lives as long as the simulator. */
typedef struct
{
  GPtrArray  *aliases;          /* email.pro.AccountAlias objects */
  char       *password;         /* NULL: seeded, any password signs in */
  guint       failed_sign_ins;
  JsonObject *diagnosis;        /* email.pro.AccountDiagnosis, NULL before the first one */
} AccountExtra;

/* The mailbox's extra record, created on first use. */
AccountExtra *sim_accounts_get_extra           (JsonObject  *account);
const char   *sim_accounts_address_of          (JsonObject  *account);
gboolean      sim_accounts_has_pending_task    (JsonObject  *account);
/* 409 Client::Conflict "A task is already pending on this account" */
void          sim_accounts_reply_task_pending  (SimRequest  *request);
/* The request's {service} and {email}; NULL after answering the provider's 404. */
JsonObject   *sim_accounts_lookup_account      (SimRequest  *request,
                                                SimService **service_out);
/* The same, for a POST whose body is {"password": …} on a mailbox without a running task
 * (changePassword, diagnostics): NULL after answering the 404, 400 or 409 itself. */
JsonObject   *sim_accounts_lookup_for_password (SimRequest  *request,
                                                SimService **service_out,
                                                char       **password_out);
/* Letters, digits and "._-", no dot first, last or twice; 1 to 64 characters. */
gboolean      sim_accounts_local_part_is_valid (const char  *local,
                                                gsize        length);
/* Taken on the service, as a primary address or an alias. */
gboolean      sim_accounts_address_is_taken    (SimService  *service,
                                                const char  *address);
void          sim_account_extras_register      (SimRouter   *router);

G_END_DECLS
