/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-session-accounts-private.h: the session's account store (mp-session-accounts.c), shared
 * with the account operations (mp-session-account-ops.c) and the session's refresh. */
#pragma once

#include "emailpro/mp-session.h"

G_BEGIN_DECLS

/* Alias counts are read one request per mailbox, so only for services up to this size. */
#define MP_SESSION_ALIAS_COUNT_LIMIT 100

/* The expanded GET …/account answer: updates the store in place (by id), the overview's
 * counts, and follows every account's taskPendingId. */
void     mp_session_accounts_apply_list   (MpSession *self,
                                           JsonArray *accounts);
/* A fresh answer about one account (after a task): updates its item in place. */
void     mp_session_accounts_apply_one    (MpSession *self,
                                           JsonNode  *account);
/* Task ids the account operations wait for themselves, so the tracker's "task-finished" does
 * not reload the whole list for them. */
void     mp_session_accounts_claim_task   (MpSession *self,
                                           gint64     task_id);
/* In mp-session.c: sets "account-count" and "configured-account-count". */
void     mp_session_set_account_counts    (MpSession *self,
                                           guint      total,
                                           guint      configured);

/* The state of one account operation (mp-session-account-ops.c and -extras.c), the task
 * data of its GTask. */
typedef struct
{
  MpAccount *account;
  char      *old_address;
  char      *new_address;
  JsonNode  *changes;        /* the PUT body, NULL when nothing but the password changes */
  char      *password;       /* wiped when freed */
  char      *alias;
  char      *duration;
  guint      number;
  gboolean   renamed;
} MpAccountOp;

GTask    *mp_session_accounts_new_op          (MpSession           *self,
                                               MpAccount           *account,
                                               gpointer             source_tag,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
/* The escaped path of one account, with sub_path ("/alias", "") appended. */
char     *mp_session_accounts_path            (MpSession  *self,
                                               const char *address,
                                               const char *sub_path);
JsonNode *mp_session_accounts_password_body   (const char *password);
/* Returns G_IO_ERROR_INVALID_ARGUMENT with reason (taken) on task when reason is set. */
gboolean  mp_session_accounts_return_if_invalid (GTask *task,
                                                 char  *reason);
/* Appends the provider's own words to error's sentence; returns error. */
GError   *mp_session_accounts_add_provider_words (GError     *error,
                                                  const char *provider_message);
/* Follows the task of task_json (or task_id) and waits for it: callback gets the tracker's
 * wait result, with task (a reference handed over) as user data. */
void      mp_session_accounts_wait_for_task   (MpSession           *self,
                                               JsonNode            *task_json,
                                               gint64               task_id,
                                               GTask               *task,
                                               GAsyncReadyCallback  callback);
/* Reads the operation's account back (by id), then returns TRUE on task (consumed). */
void      mp_session_accounts_reread_then_finish (GTask *task);

/* Overwrites a secret before freeing it, and clears the pointer. */
void      mp_session_accounts_wipe_string     (char **text);

/* GET …/account?id=N (the address may have changed): updates account in place; the
 * callback's result is a GTask of ours, read with g_task_propagate_boolean. */
void      mp_session_accounts_reread          (MpSession           *self,
                                               MpAccount           *account,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);

G_END_DECLS
