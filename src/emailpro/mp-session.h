/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-session.h: one signed-in E-Mail Pro service and everything the pages show of it.
 *
 * MpSession owns the client and the models of one service: the service itself, its server,
 * and the figures of the overview (domains, accounts configured / total, pending tasks).
 * Pages bind to its properties; operations are _async/_finish pairs that update the models
 * when they succeed.  It never touches GTK.
 */
#pragma once

#include <gio/gio.h>

#include "api/mp-ovh-client.h"
#include "emailpro/mp-account.h"
#include "emailpro/mp-account-alias.h"
#include "emailpro/mp-account-diagnosis.h"
#include "emailpro/mp-account-order.h"
#include "emailpro/mp-dkim-selector.h"
#include "emailpro/mp-dns-fix-plan.h"
#include "emailpro/mp-domain.h"
#include "emailpro/mp-server.h"
#include "emailpro/mp-service.h"
#include "emailpro/mp-task.h"
#include "emailpro/mp-task-tracker.h"
#include "dns/mp-domain-diagnosis.h"
#include "rules/mp-policy-rules.h"

G_BEGIN_DECLS

#define MP_TYPE_SESSION (mp_session_get_type ())
G_DECLARE_FINAL_TYPE (MpSession, mp_session, MP, SESSION, GObject)

/* The services the signed-in keys can see: GET /email/pro, expanded (fallback per object).
 * Returns a GListModel of MpService, sorted by title. */
void          mp_session_list_services_async   (MpOvhClient         *client,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
GListModel   *mp_session_list_services_finish  (GAsyncResult        *result,
                                                GError             **error);

/* Checks freshly entered keys as the sign-in does before storing them:
 * /auth/currentCredential must say "validated" and GET /email/pro must be granted. */
void          mp_session_verify_keys_async     (MpOvhClient         *client,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean      mp_session_verify_keys_finish    (GAsyncResult        *result,
                                                GError             **error);

MpSession    *mp_session_new                   (MpOvhClient  *client,
                                                MpService    *service);
MpOvhClient  *mp_session_get_client            (MpSession *self);
MpService    *mp_session_get_service           (MpSession *self);
MpServer     *mp_session_get_server            (MpSession *self);   /* NULL until loaded */
guint         mp_session_get_domain_count      (MpSession *self);
guint         mp_session_get_account_count     (MpSession *self);
guint         mp_session_get_configured_account_count (MpSession *self);
/* Pending tasks of the service (GET /email/pro/{service}/task, expanded): MpTask items. */
GListModel   *mp_session_get_tasks             (MpSession *self);
gboolean      mp_session_get_loading           (MpSession *self);

/* Reloads the service, its server, the domain and account counts and the pending tasks, in
 * parallel.  Properties are notified as values change. */
void          mp_session_refresh_async         (MpSession           *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean      mp_session_refresh_finish        (MpSession           *self,
                                                GAsyncResult        *result,
                                                GError             **error);

/* PUT /email/pro/{service} {displayName}, checked first with mp_service_check_display_name
 * (G_IO_ERROR_INVALID_ARGUMENT with the reason); the service is re-read afterwards. */
void          mp_session_set_display_name_async  (MpSession           *self,
                                                  const char          *display_name,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean      mp_session_set_display_name_finish (MpSession           *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

/* Domains (mp-session-domains.c).
 *
 * The session owns one MpTaskTracker (property "task-tracker") that follows every task its
 * writes start and the pending ones found by a refresh.  When a task ends, the session reloads
 * what it touched: addDomain / setDomain / deleteDomain → the domain list (other functions are
 * hooked in by their parts, e.g. setAccount → the accounts).  A failed task stays in the
 * tracker's list, so a page can show it. */

/* The attached domains (GET …/domain, expanded): MpDomain items sorted by name, updated in
 * place by every refresh (rows bound to an item follow it; the store is spliced only when
 * domains came or went).  Also property "domains".  Filled by mp_session_refresh_async and
 * mp_session_refresh_domains_async. */
GListModel    *mp_session_get_domains               (MpSession *self);
/* The attached domain with that name (ASCII or Unicode form), or NULL. */
MpDomain      *mp_session_find_domain               (MpSession  *self,
                                                     const char *name);
MpTaskTracker *mp_session_get_task_tracker          (MpSession *self);

/* Reloads only the domain list (and their account counts), then follows every domain's
 * taskPendingId. */
void           mp_session_refresh_domains_async     (MpSession           *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean       mp_session_refresh_domains_finish    (MpSession           *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* The domain names of the customer's account (GET /domain) with their DNS zones
 * (GET /domain/zone) read in parallel: a GListModel of MpAccountDomain sorted by name, each
 * marked "attached" when it already is on this service and "zone-in-account" when its zone
 * is hosted in the account.  Keys without the right to read zones still get the names (no
 * zone marked). */
void           mp_session_list_account_domains_async  (MpSession           *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
GListModel    *mp_session_list_account_domains_finish (MpSession           *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/* The DNS zones hosted in the customer's account (GET /domain/zone), as a NULL-terminated
 * sorted array of names (free with g_strfreev). */
void           mp_session_list_dns_zones_async      (MpSession           *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
char         **mp_session_list_dns_zones_finish     (MpSession           *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* The three writes below all finish as soon as the provider has ACCEPTED the change, with the
 * MpTask that the tracker now follows (a new reference; the tracker keeps it updated).  By
 * then the domain list has been reloaded, so its row already shows the task ("creating",
 * busy).  To know when the change is really carried out, pass mp_task_get_id() to
 * mp_task_tracker_wait_async(), or watch the tracker's "task-finished"; the domain list is
 * reloaded again when the task ends.
 *
 * Every input is checked locally first (mp-domain-rules.h) and the provider's refusals are
 * mapped to MP_DOMAIN_ERROR codes (see mp-domain.h); other failures keep their MP_OVH_ERROR
 * code.  Nothing is changed when an operation fails, so a dialog can keep its fields. */

/* POST …/domain with the options' body. */
void           mp_session_add_domain_async          (MpSession                *self,
                                                     const MpDomainAddOptions *options,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data);
MpTask        *mp_session_add_domain_finish         (MpSession                *self,
                                                     GAsyncResult             *result,
                                                     GError                  **error);

/* PUT …/domain/{name} {type, mxRelay} (mx_relay is ignored for authoritative, and cleared on
 * the provider's side).  The PUT answers nothing: the task is the domain's taskPendingId,
 * read back right after.  Finishes with NULL and no error when the provider applied the
 * change at once (no task pending). */
void           mp_session_set_domain_mode_async     (MpSession           *self,
                                                     const char          *name,
                                                     MpDomainType         type,
                                                     const char          *mx_relay,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
MpTask        *mp_session_set_domain_mode_finish    (MpSession           *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* DELETE …/domain/{name}.  Refused locally with MP_DOMAIN_ERROR_HAS_ACCOUNTS (the sentence
 * of mp_domain_dup_remove_blocker) while accounts of the last refresh use the domain, and
 * with MP_DOMAIN_ERROR_BUSY while a task runs on it. */
void           mp_session_remove_domain_async       (MpSession           *self,
                                                     const char          *name,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
MpTask        *mp_session_remove_domain_finish      (MpSession           *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* Accounts (mp-session-accounts.c).
 *
 * Every operation below checks its input with mp-account-rules.h first (a refusal is
 * G_IO_ERROR_INVALID_ARGUMENT with the rule's reason, and nothing is sent), follows the
 * provider's task to its end through the session's task tracker, and finishes only then, with
 * the accounts store already updated.  Failures keep their MP_OVH_ERROR / MP_TASK_ERROR code
 * except where MP_ACCOUNT_ERROR says which part of a two-step change was applied. */

/* The service's mailboxes (GET …/account, expanded; per-object GETs where the API cannot
 * expand): MpAccount items in the provider's order, placeholders included.  Items are updated
 * in place by every reload, keyed by the account's id, so a row bound to an item follows a
 * rename; the store is spliced only when mailboxes come or go.  Also property "accounts".
 * The overview's counts (mp_session_get_account_count / _configured_account_count) are set
 * from the same listing whenever it is reloaded. */
GListModel    *mp_session_get_accounts               (MpSession *self);
/* The account with that primary address, or NULL. */
MpAccount     *mp_session_find_account               (MpSession  *self,
                                                      const char *address);
/* The first placeholder in the store (what "Add an address" configures), or NULL. */
MpAccount     *mp_session_find_free_placeholder      (MpSession *self);
/* The domains an address can be given: the attached domains that are validated and in state
 * ok, sorted (from mp_session_get_domains; recompute when that model changes).  Free with
 * g_strfreev; never NULL. */
char         **mp_session_dup_address_domains        (MpSession *self);

/* Reloads the account list (and the counts), then follows every account's taskPendingId. */
void           mp_session_refresh_accounts_async     (MpSession           *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean       mp_session_refresh_accounts_finish    (MpSession           *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* Configure (a placeholder) or edit an account: PUT …/account/{current address} with only
 * the fields of settings that differ from the account (login, domain, firstName, lastName,
 * displayName, hiddenFromGAL), follow the account's setAccount task to done, then, when
 * settings->password is set, POST …/account/{new address}/changePassword and follow that
 * task.  No blind retries: the password is sent only once the rename is done.
 *
 * A refusal at the first step is MP_ACCOUNT_ERROR_NOT_APPLIED (nothing changed); at the
 * password step MP_ACCOUNT_ERROR_PASSWORD_NOT_SET, with a sentence that names the address
 * now in effect ("The address was renamed to anna@example.com but the password was not set:
 * …").  settings is copied; the password is wiped from memory when the operation ends. */
void           mp_session_configure_account_async    (MpSession               *self,
                                                      MpAccount               *account,
                                                      const MpAccountSettings *settings,
                                                      GCancellable            *cancellable,
                                                      GAsyncReadyCallback      callback,
                                                      gpointer                 user_data);
gboolean       mp_session_configure_account_finish   (MpSession               *self,
                                                      GAsyncResult            *result,
                                                      GError                 **error);

/* POST …/changePassword {password}, checked first against the rules with the account's login
 * and display name and the service's policy.  When a rename of that account is still running
 * (its taskPendingId is a setAccount task), waits for it to finish instead of failing. */
void           mp_session_change_password_async      (MpSession           *self,
                                                      MpAccount           *account,
                                                      const char          *password,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean       mp_session_change_password_finish     (MpSession           *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* GET …/alias, expanded: a new GListModel of MpAccountAlias sorted by address.  Also sets
 * the account's alias-count. */
void           mp_session_list_aliases_async         (MpSession           *self,
                                                      MpAccount           *account,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GListModel    *mp_session_list_aliases_finish        (MpSession           *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* POST …/alias {alias} with a full address "name@domain": the login rules on the name, the
 * domain one of mp_session_dup_address_domains, at most MP_ACCOUNT_MAX_ALIASES per account
 * (MP_ACCOUNT_ERROR_TOO_MANY_ALIASES).  Follows the addAlias task. */
void           mp_session_add_alias_async            (MpSession           *self,
                                                      MpAccount           *account,
                                                      const char          *alias,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean       mp_session_add_alias_finish           (MpSession           *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
/* DELETE …/alias/{alias}; follows the deleteAlias task. */
void           mp_session_remove_alias_async         (MpSession           *self,
                                                      MpAccount           *account,
                                                      const char          *alias,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean       mp_session_remove_alias_finish        (MpSession           *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* DELETE …/account/{address}: erases the mailbox's content; the slot stays (and is still
 * billed) as a new placeholder "…@configureme.me".  Follows the deleteAccount task; the
 * account item is then updated in place to the placeholder. */
void           mp_session_reset_account_async        (MpSession           *self,
                                                      MpAccount           *account,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean       mp_session_reset_account_finish       (MpSession           *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* GET /order/email/pro/{service}/account?number=N: the durations the provider offers for N
 * more mailboxes (1–100), as a NULL-terminated array (g_strfreev); describe each with
 * mp_account_order_describe_duration. */
void           mp_session_list_order_durations_async  (MpSession           *self,
                                                       guint                number,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
char         **mp_session_list_order_durations_finish (MpSession           *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/* POST /order/email/pro/{service}/account/{duration} {number}: the purchase order, whose url
 * the caller opens in the browser.  The new placeholders appear once the order is paid and
 * delivered; mp_session_refresh_accounts_async picks them up. */
void           mp_session_order_accounts_async       (MpSession           *self,
                                                      const char          *duration,
                                                      guint                number,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
MpAccountOrder *mp_session_order_accounts_finish     (MpSession           *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* POST …/diagnostics {password} (the mailbox's own password: the provider signs in with it),
 * follows the diagnoseAccount task, then GET …/diagnostics.  Also sets the account's
 * "locked" from the answer. */
void           mp_session_diagnose_account_async     (MpSession           *self,
                                                      MpAccount           *account,
                                                      const char          *password,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
MpAccountDiagnosis *mp_session_diagnose_account_finish (MpSession         *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* DNS: the diagnosis, the automatic fix and DKIM (mp-session-dns.c).
 *
 * The session owns one MpDnsResolver.  It sends every question to one server when
 * MAILPOST_DNS_SERVER is set (tests, the demo) or, failing that, when the app's "dns-server"
 * setting is passed to mp_session_set_dns_server(); otherwise it asks each domain's own
 * authoritative name servers. */

/* "IP:PORT" from the "dns-server" setting; NULL or "" for none.  MAILPOST_DNS_SERVER, when
 * set, wins.  A malformed value is MP_DNS_ERROR_INVALID_SERVER and changes nothing. */
gboolean       mp_session_set_dns_server            (MpSession   *self,
                                                     const char  *server,
                                                     GError     **error);
MpDnsResolver *mp_session_get_resolver              (MpSession   *self);

/* The DKIM selectors of a domain: every name GET …/dkimSelector allows, each filled from
 * GET …/dkim/{selectorName} when it is created (GET …/dkim lists those).  A new GListModel of
 * MpDkimSelector sorted by name; the session keeps it as the domain's selectors for
 * mp_session_get_expectations() and updates its items in place on the next load.  A service
 * without DKIM routes gives an empty list, not an error. */
void           mp_session_list_dkim_async           (MpSession           *self,
                                                     MpDomain            *domain,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
GListModel    *mp_session_list_dkim_finish          (MpSession           *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* What the provider expects in the domain's DNS, from the domain (expectedMX, expectedSPF,
 * expectedAutodiscoverSRV, cnameToCheck, domainValidated, dkimDiagnostics, mxIsValid,
 * spfIsValid, srvIsValid) and the selectors of its last mp_session_list_dkim_async; the
 * provider's documented defaults fill what the API left empty.  Never NULL. */
MpDiagnosisExpectations *mp_session_get_expectations (MpSession *self,
                                                      MpDomain  *domain);

/* Re-reads the domain (updated in place in the domain store), its DKIM selectors and, once
 * per session, the account's DNS zones, then runs the live diagnosis with the session's
 * resolver.  Fails only when cancelled, or when the provider could not be asked
 * (MP_OVH_ERROR); DNS failures are part of the diagnosis. */
void           mp_session_diagnose_domain_async     (MpSession           *self,
                                                     MpDomain            *domain,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
MpDomainDiagnosis *mp_session_diagnose_domain_finish (MpSession          *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* TRUE when the DNS zone of domain (the domain itself or a parent of it) is hosted in the
 * customer's account (GET /domain/zone), so "Fix automatically" can be offered.  Known after
 * the first mp_session_diagnose_domain_async or mp_session_list_dkim_async; FALSE before. */
gboolean       mp_session_zone_is_hosted            (MpSession  *self,
                                                     const char *domain);

/* The exact change that fixes check_id ("mx", "spf", "srv", "dkim", "cname"; NULL for every
 * check that has a fix) in the domain's hosted zone, from the fix records of the diagnosis:
 * records to remove and to add.  SPF is merged into the existing record; MX records of
 * another host are removed only when the check's fix says so, and the plan's replaces_mx then
 * tells the dialog to warn.  NULL with G_IO_ERROR_NOT_SUPPORTED (a sentence) when the zone is
 * not hosted in the account, G_IO_ERROR_NOT_FOUND when there is nothing to fix. */
MpDnsFixPlan  *mp_session_plan_dns_fix              (MpSession          *self,
                                                     MpDomainDiagnosis  *diagnosis,
                                                     const char         *check_id,
                                                     GError            **error);

/* Applies a plan: each record to remove is found in GET /domain/zone/{zone}/record
 * (?fieldType=&subDomain=) and deleted, each record to add is created with POST, then
 * POST /domain/zone/{zone}/refresh publishes the zone.  Records already as planned are left
 * alone, so applying twice is harmless.  Re-run mp_session_diagnose_domain_async afterwards:
 * the name servers need a moment. */
void           mp_session_apply_dns_fix_async       (MpSession           *self,
                                                     MpDnsFixPlan        *plan,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean       mp_session_apply_dns_fix_finish      (MpSession           *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* DKIM set-up as the provider recommends: POST …/dkim for both selectors of dkimSelector
 * (autoEnableDKIM on the first only; configureDkim only when the zone is hosted in the
 * account, so the provider writes the CNAMEs itself), each addDomainDKIM task followed to its
 * end with the tracker.  For an external zone the selectors then wait for their CNAMEs
 * (status waitingRecord): the dialog shows them from mp_session_list_dkim_async. */
void           mp_session_configure_dkim_async      (MpSession           *self,
                                                     MpDomain            *domain,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean       mp_session_configure_dkim_finish     (MpSession           *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
/* POST …/dkim/{selector}/enable (the selector must be ready; enabling one selector switches
 * signing to it), follows the enableDKIM task to its end. */
void           mp_session_enable_dkim_async         (MpSession           *self,
                                                     MpDomain            *domain,
                                                     const char          *selector_name,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean       mp_session_enable_dkim_finish        (MpSession           *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
/* POST …/dkim/{selector}/disable, follows the disableDKIM task to its end. */
void           mp_session_disable_dkim_async        (MpSession           *self,
                                                     MpDomain            *domain,
                                                     const char          *selector_name,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean       mp_session_disable_dkim_finish       (MpSession           *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* Security policy, message sizes and spam and virus settings (mp-session-policy.c). */

/* GET /email/pro/{service}, fresh (no cache): the writable settings in *policy.  The service
 * model is updated from the same answer. */
void           mp_session_load_policy_async         (MpSession           *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean       mp_session_load_policy_finish        (MpSession           *self,
                                                     GAsyncResult        *result,
                                                     MpServicePolicy     *policy,
                                                     GError             **error);

/* PUT /email/pro/{service} with only the members of policy that differ from original (the
 * lockout window and duration only while a threshold is set; the spam settings as one
 * object), then the service is read back.  Checked first with mp_policy_rules_check
 * (G_IO_ERROR_INVALID_ARGUMENT with the reason, nothing sent); nothing changed sends
 * nothing.  Refusals keep their MP_OVH_ERROR code and change nothing. */
void           mp_session_set_policy_async          (MpSession             *self,
                                                     const MpServicePolicy *original,
                                                     const MpServicePolicy *policy,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
gboolean       mp_session_set_policy_finish         (MpSession           *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
/* The body mp_session_set_policy_async sends, or NULL when nothing changed. */
JsonNode      *mp_session_build_policy_changes      (const MpServicePolicy *original,
                                                     const MpServicePolicy *policy);

G_END_DECLS
