/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-domain.h: one domain attached to an E-Mail Pro service (email.pro.DomainNative), the
 * domain names of the customer's account (MpAccountDomain), the options of an attach, and the
 * MP_DOMAIN_ERROR codes the domain operations fail with.
 *
 * Every field of the schema is kept with the provider's meaning; parsing is tolerant like the
 * other models (a missing or wrongly typed field takes its default, an unknown enum value
 * becomes …_UNKNOWN).  "account-count" is not part of the provider's object: the session fills
 * it from the account list so that a page can tell whether the domain may be removed.
 *
 * Properties (all read-only, notified only on real change):
 *   "name"                      char*   the provider's (ASCII, punycode) name, the route key
 *   "unicode-name"              char*   the same name for people (IDN decoded), == name otherwise
 *   "type"                      MpDomainType
 *   "mx-relay"                  char*   NULL when none
 *   "state"                     MpObjectState
 *   "task-pending-id"           gint64  0 when no task is running on the domain
 *   "busy"                      gboolean  task-pending-id != 0 or state creating/deleting:
 *                                       the domain shows a spinner and must not be edited
 *   "domain-validated"          gboolean
 *   "cname-to-check"            char*   the label only, NULL when ownership is proven
 *   "is-alias-domain"           gboolean
 *   "domain-aliases"            GStrv
 *   "mx-is-valid" / "srv-is-valid" / "spf-is-valid"   gboolean
 *   "mx-record" / "srv-record" / "spf-record"         GStrv, NULL when the provider sent null
 *   "expected-mx"               GStrv   e.g. { "IN MX 1 mx1.mail.ovh.net", … }
 *   "expected-spf"              char*
 *   "expected-autodiscover-srv" char*
 *   "dkim-state"                MpDomainDkimState (MP_DOMAIN_DKIM_STATE_NONE when no diagnostics)
 *   "dkim-error-code"           gint64  -1 when none (501…504, see ovh-api.md)
 *   "dkim-message"              char*   the provider's DKIM diagnostic text, NULL when none
 *   "account-count"             guint   accounts whose address is in this domain
 */
#pragma once

#include <json-glib/json-glib.h>

#include "emailpro/mp-emailpro-enums.h"

G_BEGIN_DECLS

/* email.pro.DomainTypeEnum */
typedef enum
{
  MP_DOMAIN_TYPE_UNKNOWN,
  MP_DOMAIN_TYPE_AUTHORITATIVE,
  MP_DOMAIN_TYPE_NON_AUTHORITATIVE,
} MpDomainType;

/* email.pro.DomainDkimDiagnosticsStateEnum; NONE when dkimDiagnostics or its state is null. */
typedef enum
{
  MP_DOMAIN_DKIM_STATE_NONE,
  MP_DOMAIN_DKIM_STATE_UNKNOWN,
  MP_DOMAIN_DKIM_STATE_ACTIVE,
  MP_DOMAIN_DKIM_STATE_DISABLED,
  MP_DOMAIN_DKIM_STATE_ERROR,
  MP_DOMAIN_DKIM_STATE_IN_PROGRESS,
  MP_DOMAIN_DKIM_STATE_TO_CONFIGURE,
} MpDomainDkimState;

MpDomainType       mp_domain_type_from_string       (const char *value);
/* "authoritative" / "nonAuthoritative" (the provider's spelling), "unknown" */
const char        *mp_domain_type_to_string         (MpDomainType type);
/* Translated: "Authoritative", "Non-authoritative" */
const char        *mp_domain_type_to_label          (MpDomainType type);
MpDomainDkimState  mp_domain_dkim_state_from_string (const char *value);
/* "active", "inProgress", … ; "none" and "unknown" for the two extra values */
const char        *mp_domain_dkim_state_to_string   (MpDomainDkimState state);
/* Translated, e.g. "Active", "Being set up", "Not set up" */
const char        *mp_domain_dkim_state_to_label    (MpDomainDkimState state);


#define MP_TYPE_DOMAIN (mp_domain_get_type ())
G_DECLARE_FINAL_TYPE (MpDomain, mp_domain, MP, DOMAIN, GObject)

/* Fails with MP_OVH_ERROR_MALFORMED only when node is not an object or "name" is missing. */
MpDomain          *mp_domain_new_from_json          (JsonNode   *node,
                                                     GError    **error);
/* Updates in place from a newer answer for the same name, notifying only what changed. */
gboolean           mp_domain_update_from_json       (MpDomain   *self,
                                                     JsonNode   *node,
                                                     GError    **error);

const char        *mp_domain_get_name               (MpDomain *self);
const char        *mp_domain_get_unicode_name       (MpDomain *self);
MpDomainType       mp_domain_get_domain_type        (MpDomain *self);
const char        *mp_domain_get_mx_relay           (MpDomain *self);   /* may be NULL */
MpObjectState      mp_domain_get_state              (MpDomain *self);
gint64             mp_domain_get_task_pending_id    (MpDomain *self);   /* 0: none */
gboolean           mp_domain_get_busy               (MpDomain *self);
gboolean           mp_domain_get_domain_validated   (MpDomain *self);
const char        *mp_domain_get_cname_to_check     (MpDomain *self);   /* may be NULL */
/* The full record to create to prove ownership: "<cnameToCheck>.<name>", or NULL when
 * there is nothing to prove.  Free with g_free. */
char              *mp_domain_dup_cname_record       (MpDomain *self);
gboolean           mp_domain_get_is_alias_domain    (MpDomain *self);
const char * const *mp_domain_get_domain_aliases    (MpDomain *self);   /* never NULL */
gboolean           mp_domain_get_mx_is_valid        (MpDomain *self);
gboolean           mp_domain_get_srv_is_valid       (MpDomain *self);
gboolean           mp_domain_get_spf_is_valid       (MpDomain *self);
const char * const *mp_domain_get_mx_record         (MpDomain *self);   /* may be NULL */
const char * const *mp_domain_get_srv_record        (MpDomain *self);   /* may be NULL */
const char * const *mp_domain_get_spf_record        (MpDomain *self);   /* may be NULL */
const char * const *mp_domain_get_expected_mx       (MpDomain *self);   /* never NULL */
const char        *mp_domain_get_expected_spf       (MpDomain *self);   /* may be NULL */
const char        *mp_domain_get_expected_autodiscover_srv (MpDomain *self); /* may be NULL */
MpDomainDkimState  mp_domain_get_dkim_state         (MpDomain *self);
gint64             mp_domain_get_dkim_error_code    (MpDomain *self);   /* -1: none */
const char        *mp_domain_get_dkim_message       (MpDomain *self);   /* may be NULL */
guint              mp_domain_get_account_count      (MpDomain *self);
/* Set by the session from its account list; not part of the provider's object. */
void               mp_domain_set_account_count      (MpDomain *self,
                                                     guint     account_count);

/* Why this domain cannot be removed now, as a translated sentence ("3 accounts still use
 * this domain. Move or delete them first."), or NULL when it can. */
char              *mp_domain_dup_remove_blocker     (MpDomain *self);


/* One domain name of the customer's account (GET /domain), for the add-domain wizard.
 * Properties "name" (ASCII), "unicode-name", "attached" (already attached to this service:
 * not choosable) and "zone-in-account" (its DNS zone is hosted in the same account: the
 * provider can configure MX, SRV, SPF and DKIM itself). */
#define MP_TYPE_ACCOUNT_DOMAIN (mp_account_domain_get_type ())
G_DECLARE_FINAL_TYPE (MpAccountDomain, mp_account_domain, MP, ACCOUNT_DOMAIN, GObject)

MpAccountDomain   *mp_account_domain_new                 (const char *name,
                                                          gboolean    attached,
                                                          gboolean    zone_in_account);
const char        *mp_account_domain_get_name            (MpAccountDomain *self);
const char        *mp_account_domain_get_unicode_name    (MpAccountDomain *self);
gboolean           mp_account_domain_get_attached        (MpAccountDomain *self);
gboolean           mp_account_domain_get_zone_in_account (MpAccountDomain *self);


/* What POST /email/pro/{service}/domain is asked to do.  name may be typed in Unicode: the
 * session sends its punycode form.  mx_relay is sent only when type is non-authoritative.
 * The five flags are sent as they are (all FALSE by mp_domain_add_options_new); the provider
 * honours them only for a domain whose DNS zone is in the same account. */
typedef struct
{
  char         *name;
  MpDomainType  type;
  char         *mx_relay;
  gboolean      configure_mx;
  gboolean      configure_autodiscover;
  gboolean      configure_spf;
  gboolean      configure_dkim;
  gboolean      auto_enable_dkim;
} MpDomainAddOptions;

#define MP_TYPE_DOMAIN_ADD_OPTIONS (mp_domain_add_options_get_type ())
GType               mp_domain_add_options_get_type (void) G_GNUC_CONST;
MpDomainAddOptions *mp_domain_add_options_new      (const char               *name,
                                                    MpDomainType              type);
MpDomainAddOptions *mp_domain_add_options_copy     (const MpDomainAddOptions *options);
void                mp_domain_add_options_free     (MpDomainAddOptions       *options);
/* The request body exactly as the schema names it. */
JsonNode           *mp_domain_add_options_to_json  (const MpDomainAddOptions *options);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpDomainAddOptions, mp_domain_add_options_free)


/* The refusals of the domain operations that a page must tell apart.  The message is always a
 * translated sentence saying what to do; for REFUSED (a refusal we cannot classify) and for
 * AUTHORITATIVE_ELSEWHERE it is followed by the provider's own words as plain text, e.g.
 * "The provider refused this change. It said: “…”".  Network, key and server failures keep
 * their MP_OVH_ERROR code. */
#define MP_DOMAIN_ERROR (mp_domain_error_quark ())
typedef enum
{
  MP_DOMAIN_ERROR_REFUSED,                  /* the provider said no, for a reason we don't know */
  MP_DOMAIN_ERROR_AUTHORITATIVE_ELSEWHERE,  /* "authoritative domain detected": declared
                                             * authoritative on another of the provider's
                                             * e-mail platforms; attach as non-authoritative
                                             * and switch the other platform too */
  MP_DOMAIN_ERROR_ALREADY_ATTACHED,         /* the domain is already attached to this service */
  MP_DOMAIN_ERROR_INVALID_NAME,             /* not a valid domain name (checked locally first) */
  MP_DOMAIN_ERROR_INVALID_RELAY,            /* the relay host is refused (checked locally first) */
  MP_DOMAIN_ERROR_HAS_ACCOUNTS,             /* accounts still use the domain (checked locally first) */
  MP_DOMAIN_ERROR_NOT_ATTACHED,             /* no such domain on this service */
  MP_DOMAIN_ERROR_BUSY,                     /* a task is still running on the domain */
} MpDomainError;

GQuark mp_domain_error_quark (void);

G_END_DECLS
