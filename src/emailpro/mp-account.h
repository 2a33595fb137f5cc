/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-account.h: one mailbox of a service (email.pro.AccountNative), with what the accounts
 * page derives from it: placeholder or not, one status, the usage fraction.
 *
 * Ordered mailboxes arrive as placeholders "…@configureme.me" with configured = false; the
 * configure dialog turns one into a real address.  Every field of the schema is kept so a
 * page or the command line never has to go back to the JSON.  Nullable numbers of the schema
 * read as -1 when absent; nullable strings and dates as NULL.
 *
 * Units: currentUsage and quota are both megabytes (the provider's panel computes
 * currentUsage / quota; the simulator seeds quota = 10240 for the 10 GB of E-Mail Pro).
 */
#pragma once

#include <json-glib/json-glib.h>

#include "emailpro/mp-emailpro-enums.h"

G_BEGIN_DECLS

#define MP_ACCOUNT_PLACEHOLDER_DOMAIN "configureme.me"

/* What one status column shows, from the most to the least urgent: when several hold, the
 * first one listed wins (a suspended spammer shows as spam detected). */
typedef enum
{
  MP_ACCOUNT_STATUS_SPAM_DETECTED,  /* spamDetected; spamTicketNumber says which ticket to answer */
  MP_ACCOUNT_STATUS_SUSPENDED,      /* state suspended or suspending */
  MP_ACCOUNT_STATUS_LOCKED,         /* a diagnosis said isLocked (the listing cannot say it) */
  MP_ACCOUNT_STATUS_TASK_RUNNING,   /* taskPendingId set, or state creating/deleting/reopening */
  MP_ACCOUNT_STATUS_PLACEHOLDER,    /* an ordered slot not configured yet */
  MP_ACCOUNT_STATUS_READY,
} MpAccountStatus;

#define MP_TYPE_ACCOUNT (mp_account_get_type ())
G_DECLARE_FINAL_TYPE (MpAccount, mp_account, MP, ACCOUNT, GObject)

/* Tolerant like mp_service_new_from_json: a missing or wrongly typed field takes its
 * default, an unknown state becomes MP_OBJECT_STATE_UNKNOWN.  Fails with
 * MP_OVH_ERROR_MALFORMED only when node is not an object or "primaryEmailAddress" (the key
 * of every account route) is missing or empty. */
MpAccount      *mp_account_new_from_json              (JsonNode   *node,
                                                       GError    **error);
/* Updates in place from a newer answer (also after a rename: the address may change),
 * notifying only the properties whose value changed, derived ones included. */
gboolean        mp_account_update_from_json           (MpAccount  *self,
                                                       JsonNode   *node,
                                                       GError    **error);

/* Schema fields.  Properties of the same names in kebab case ("primary-email-address",
 * "display-name", "current-usage", "spam-ticket-number", "task-pending-id", …). */
const char     *mp_account_get_primary_email_address  (MpAccount *self);
const char     *mp_account_get_login                  (MpAccount *self);
const char     *mp_account_get_domain                 (MpAccount *self);
const char     *mp_account_get_display_name           (MpAccount *self);   /* may be NULL */
const char     *mp_account_get_first_name             (MpAccount *self);   /* may be NULL */
const char     *mp_account_get_last_name              (MpAccount *self);   /* may be NULL */
const char     *mp_account_get_initial                (MpAccount *self);   /* may be NULL */
const char     *mp_account_get_sam_account_name       (MpAccount *self);   /* may be NULL */
gint64          mp_account_get_id                     (MpAccount *self);
gboolean        mp_account_get_configured             (MpAccount *self);
gboolean        mp_account_get_hidden_from_gal        (MpAccount *self);
gint64          mp_account_get_current_usage          (MpAccount *self);   /* MB, -1: unknown */
gint64          mp_account_get_quota                  (MpAccount *self);   /* MB, -1: unknown */
MpObjectState   mp_account_get_state                  (MpAccount *self);
gboolean        mp_account_get_spam_detected          (MpAccount *self);
gint64          mp_account_get_spam_ticket_number     (MpAccount *self);   /* -1: none */
gint64          mp_account_get_task_pending_id        (MpAccount *self);   /* 0: none */
/* "deleteAtExpiration": -1 unknown (null), else 0 or 1 */
int             mp_account_get_delete_at_expiration   (MpAccount *self);
const char     *mp_account_get_renew_period           (MpAccount *self);   /* "monthly", "yearly" or NULL */
/* "mailingFilter": NULL-terminated, possibly empty, never NULL */
const char * const *mp_account_get_mailing_filter     (MpAccount *self);
/* "spamAndVirusConfiguration" as received (an object), or NULL */
JsonObject     *mp_account_get_spam_and_virus_configuration (MpAccount *self);
/* Dates; NULL when the provider sent none.  Owned by the account. */
GDateTime      *mp_account_get_creation_date          (MpAccount *self);
GDateTime      *mp_account_get_expiration_date        (MpAccount *self);
GDateTime      *mp_account_get_expiration_outlook_date (MpAccount *self);
GDateTime      *mp_account_get_last_logon_date        (MpAccount *self);   /* "last-logon-date" */
GDateTime      *mp_account_get_last_logoff_date       (MpAccount *self);
GDateTime      *mp_account_get_last_update_date       (MpAccount *self);
GDateTime      *mp_account_get_password_last_update   (MpAccount *self);

/* Derived properties. */
/* "is-placeholder": the address is on configureme.me or configured is false. */
gboolean        mp_account_get_is_placeholder         (MpAccount *self);
/* "status" (MpAccountStatus GType from mp-enum-types.h) */
MpAccountStatus mp_account_get_status                 (MpAccount *self);
/* "usage-fraction": currentUsage / quota in [0, 1], or -1 when either is unknown or the
 * quota is 0.  A mailbox over its quota reads 1. */
double          mp_account_get_usage_fraction         (MpAccount *self);
/* "alias-count": filled by the session (expanded alias listings); -1 until known. */
int             mp_account_get_alias_count            (MpAccount *self);
void            mp_account_set_alias_count            (MpAccount *self,
                                                       int        count);
/* "locked": only a diagnosis can tell (AccountDiagnosis.isLocked); the session sets it. */
gboolean        mp_account_get_locked                 (MpAccount *self);
void            mp_account_set_locked                 (MpAccount *self,
                                                       gboolean   locked);
/* "search-text": address, display, first and last name, casefolded and joined, so a filter
 * over thousands of rows does one strstr per row instead of four casefolds. */
const char     *mp_account_get_search_text            (MpAccount *self);

/* Translated, one per status, e.g. "Placeholder"; and a sentence saying what the status
 * means and what to do about it, e.g. for spam detected "This mailbox sent spam and is
 * blocked. Answer ticket 123456 in your OVHcloud customer area to unblock it." */
const char     *mp_account_status_to_label            (MpAccountStatus status);
char           *mp_account_describe_status            (MpAccount *self);
/* For scripts (mailpost accounts --json): "spamDetected", "suspended", "locked",
 * "taskRunning", "placeholder", "ready". */
const char     *mp_account_status_to_string           (MpAccountStatus status);

/* "anna@example.com" → TRUE when the domain part is configureme.me (case-insensitive). */
gboolean        mp_account_address_is_placeholder     (const char *address);

/* What the configure dialog asks for (mp_session_configure_account_async).  Each field holds
 * the value wanted; the session sends only those that differ from the account.  NULL string
 * fields and hidden_from_gal = -1 mean "leave as is"; password NULL or "" keeps the current
 * password. */
typedef struct
{
  const char *login;
  const char *domain;
  const char *first_name;
  const char *last_name;
  const char *display_name;
  int         hidden_from_gal;   /* -1, 0 or 1 */
  const char *password;
} MpAccountSettings;

#define MP_ACCOUNT_SETTINGS_INIT { NULL, NULL, NULL, NULL, NULL, -1, NULL }

/* Errors of the account operations that a dialog must tell apart.  The message is a complete
 * translated sentence that also carries the provider's reason. */
#define MP_ACCOUNT_ERROR (mp_account_error_quark ())
typedef enum
{
  MP_ACCOUNT_ERROR_NOT_APPLIED,        /* the change of address or names was refused: nothing changed */
  MP_ACCOUNT_ERROR_PASSWORD_NOT_SET,   /* address and names were applied, the password was not */
  MP_ACCOUNT_ERROR_TOO_MANY_ALIASES,   /* the mailbox already has MP_ACCOUNT_MAX_ALIASES */
} MpAccountError;
GQuark          mp_account_error_quark                (void);

G_END_DECLS
