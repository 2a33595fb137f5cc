/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

/* The malformed-answer sentence is the API layer's: say it once. */
#include "api/mp-ovh-error-private.h"
#include "mp-enum-types.h"
#include "emailpro/mp-domain.h"
#include "emailpro/mp-json.h"
#include "rules/mp-domain-rules.h"

struct _MpDomain
{
  GObject            parent_instance;

  char              *name;
  char              *unicode_name;
  MpDomainType       type;
  char              *mx_relay;
  MpObjectState      state;
  gint64             task_pending_id;
  gboolean           domain_validated;
  char              *cname_to_check;
  gboolean           is_alias_domain;
  GStrv              domain_aliases;
  gboolean           mx_is_valid;
  gboolean           srv_is_valid;
  gboolean           spf_is_valid;
  GStrv              mx_record;
  GStrv              srv_record;
  GStrv              spf_record;
  GStrv              expected_mx;
  char              *expected_spf;
  char              *expected_autodiscover_srv;
  MpDomainDkimState  dkim_state;
  gint64             dkim_error_code;
  char              *dkim_message;
  guint              account_count;
};

G_DEFINE_FINAL_TYPE (MpDomain, mp_domain, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_UNICODE_NAME,
  PROP_TYPE,
  PROP_MX_RELAY,
  PROP_STATE,
  PROP_TASK_PENDING_ID,
  PROP_BUSY,
  PROP_DOMAIN_VALIDATED,
  PROP_CNAME_TO_CHECK,
  PROP_IS_ALIAS_DOMAIN,
  PROP_DOMAIN_ALIASES,
  PROP_MX_IS_VALID,
  PROP_SRV_IS_VALID,
  PROP_SPF_IS_VALID,
  PROP_MX_RECORD,
  PROP_SRV_RECORD,
  PROP_SPF_RECORD,
  PROP_EXPECTED_MX,
  PROP_EXPECTED_SPF,
  PROP_EXPECTED_AUTODISCOVER_SRV,
  PROP_DKIM_STATE,
  PROP_DKIM_ERROR_CODE,
  PROP_DKIM_MESSAGE,
  PROP_ACCOUNT_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mp_domain_finalize (GObject *object)
{
  MpDomain *self = (MpDomain *) object;

  g_free (self->name);
  g_free (self->unicode_name);
  g_free (self->mx_relay);
  g_free (self->cname_to_check);
  g_strfreev (self->domain_aliases);
  g_strfreev (self->mx_record);
  g_strfreev (self->srv_record);
  g_strfreev (self->spf_record);
  g_strfreev (self->expected_mx);
  g_free (self->expected_spf);
  g_free (self->expected_autodiscover_srv);
  g_free (self->dkim_message);

  G_OBJECT_CLASS (mp_domain_parent_class)->finalize (object);
}

static void
mp_domain_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MpDomain *self = MP_DOMAIN (object);

  switch (prop_id)
    {
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_UNICODE_NAME: g_value_set_string (value, self->unicode_name); break;
    case PROP_TYPE: g_value_set_enum (value, self->type); break;
    case PROP_MX_RELAY: g_value_set_string (value, self->mx_relay); break;
    case PROP_STATE: g_value_set_enum (value, self->state); break;
    case PROP_TASK_PENDING_ID: g_value_set_int64 (value, self->task_pending_id); break;
    case PROP_BUSY: g_value_set_boolean (value, mp_domain_get_busy (self)); break;
    case PROP_DOMAIN_VALIDATED: g_value_set_boolean (value, self->domain_validated); break;
    case PROP_CNAME_TO_CHECK: g_value_set_string (value, self->cname_to_check); break;
    case PROP_IS_ALIAS_DOMAIN: g_value_set_boolean (value, self->is_alias_domain); break;
    case PROP_DOMAIN_ALIASES: g_value_set_boxed (value, self->domain_aliases); break;
    case PROP_MX_IS_VALID: g_value_set_boolean (value, self->mx_is_valid); break;
    case PROP_SRV_IS_VALID: g_value_set_boolean (value, self->srv_is_valid); break;
    case PROP_SPF_IS_VALID: g_value_set_boolean (value, self->spf_is_valid); break;
    case PROP_MX_RECORD: g_value_set_boxed (value, self->mx_record); break;
    case PROP_SRV_RECORD: g_value_set_boxed (value, self->srv_record); break;
    case PROP_SPF_RECORD: g_value_set_boxed (value, self->spf_record); break;
    case PROP_EXPECTED_MX: g_value_set_boxed (value, self->expected_mx); break;
    case PROP_EXPECTED_SPF: g_value_set_string (value, self->expected_spf); break;
    case PROP_EXPECTED_AUTODISCOVER_SRV: g_value_set_string (value, self->expected_autodiscover_srv); break;
    case PROP_DKIM_STATE: g_value_set_enum (value, self->dkim_state); break;
    case PROP_DKIM_ERROR_CODE: g_value_set_int64 (value, self->dkim_error_code); break;
    case PROP_DKIM_MESSAGE: g_value_set_string (value, self->dkim_message); break;
    case PROP_ACCOUNT_COUNT: g_value_set_uint (value, self->account_count); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define READABLE (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
mp_domain_class_init (MpDomainClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mp_domain_finalize;
  object_class->get_property = mp_domain_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, READABLE);
  properties[PROP_UNICODE_NAME] = g_param_spec_string ("unicode-name", NULL, NULL, NULL, READABLE);
  properties[PROP_TYPE] =
    g_param_spec_enum ("type", NULL, NULL, MP_TYPE_DOMAIN_TYPE, MP_DOMAIN_TYPE_UNKNOWN, READABLE);
  properties[PROP_MX_RELAY] = g_param_spec_string ("mx-relay", NULL, NULL, NULL, READABLE);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, MP_TYPE_OBJECT_STATE, MP_OBJECT_STATE_UNKNOWN, READABLE);
  properties[PROP_TASK_PENDING_ID] =
    g_param_spec_int64 ("task-pending-id", NULL, NULL, 0, G_MAXINT64, 0, READABLE);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, READABLE);
  properties[PROP_DOMAIN_VALIDATED] =
    g_param_spec_boolean ("domain-validated", NULL, NULL, FALSE, READABLE);
  properties[PROP_CNAME_TO_CHECK] = g_param_spec_string ("cname-to-check", NULL, NULL, NULL, READABLE);
  properties[PROP_IS_ALIAS_DOMAIN] =
    g_param_spec_boolean ("is-alias-domain", NULL, NULL, FALSE, READABLE);
  properties[PROP_DOMAIN_ALIASES] =
    g_param_spec_boxed ("domain-aliases", NULL, NULL, G_TYPE_STRV, READABLE);
  properties[PROP_MX_IS_VALID] = g_param_spec_boolean ("mx-is-valid", NULL, NULL, FALSE, READABLE);
  properties[PROP_SRV_IS_VALID] = g_param_spec_boolean ("srv-is-valid", NULL, NULL, FALSE, READABLE);
  properties[PROP_SPF_IS_VALID] = g_param_spec_boolean ("spf-is-valid", NULL, NULL, FALSE, READABLE);
  properties[PROP_MX_RECORD] = g_param_spec_boxed ("mx-record", NULL, NULL, G_TYPE_STRV, READABLE);
  properties[PROP_SRV_RECORD] = g_param_spec_boxed ("srv-record", NULL, NULL, G_TYPE_STRV, READABLE);
  properties[PROP_SPF_RECORD] = g_param_spec_boxed ("spf-record", NULL, NULL, G_TYPE_STRV, READABLE);
  properties[PROP_EXPECTED_MX] = g_param_spec_boxed ("expected-mx", NULL, NULL, G_TYPE_STRV, READABLE);
  properties[PROP_EXPECTED_SPF] = g_param_spec_string ("expected-spf", NULL, NULL, NULL, READABLE);
  properties[PROP_EXPECTED_AUTODISCOVER_SRV] =
    g_param_spec_string ("expected-autodiscover-srv", NULL, NULL, NULL, READABLE);
  properties[PROP_DKIM_STATE] =
    g_param_spec_enum ("dkim-state", NULL, NULL, MP_TYPE_DOMAIN_DKIM_STATE,
                       MP_DOMAIN_DKIM_STATE_NONE, READABLE);
  properties[PROP_DKIM_ERROR_CODE] =
    g_param_spec_int64 ("dkim-error-code", NULL, NULL, -1, G_MAXINT64, -1, READABLE);
  properties[PROP_DKIM_MESSAGE] = g_param_spec_string ("dkim-message", NULL, NULL, NULL, READABLE);
  properties[PROP_ACCOUNT_COUNT] =
    g_param_spec_uint ("account-count", NULL, NULL, 0, G_MAXUINT, 0, READABLE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_domain_init (MpDomain *self)
{
  self->domain_aliases = g_new0 (char *, 1);
  self->expected_mx = g_new0 (char *, 1);
  self->dkim_error_code = -1;
}


/* Field setters: each notifies only on a real change. */

static void
update_string (MpDomain   *self,
               char      **field,
               const char *value,
               guint       prop_id)
{
  if (mp_json_set_string_field (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
update_boolean (MpDomain *self,
                gboolean *field,
                gboolean  value,
                guint     prop_id)
{
  value = !!value;
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
update_int (MpDomain *self,
            gint64   *field,
            gint64    value,
            guint     prop_id)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
update_enum (MpDomain *self,
             int      *field,
             int       value,
             guint     prop_id)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* A string array member: NULL when absent, null or not an array (when nullable), else its
 * string elements (others skipped). */
static GStrv
get_strv (JsonObject *object,
          const char *member,
          gboolean    nullable)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return nullable ? NULL : g_new0 (char *, 1);

  builder = g_strv_builder_new ();
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (element));
    }
  return g_strv_builder_end (builder);
}

static void
update_strv (MpDomain   *self,
             GStrv      *field,
             JsonObject *object,
             const char *member,
             gboolean    nullable,
             guint       prop_id)
{
  g_auto(GStrv) value = get_strv (object, member, nullable);

  if (*field == value ||
      (*field != NULL && value != NULL && g_strv_equal ((const char * const *) *field,
                                                         (const char * const *) value)))
    return;

  g_strfreev (*field);
  *field = g_steal_pointer (&value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static gboolean
check_node (JsonNode    *node,
            const char **name,
            GError     **error)
{
  *name = JSON_NODE_HOLDS_OBJECT (node)
          ? mp_json_get_string (json_node_get_object (node), "name") : NULL;
  if (*name == NULL || **name == '\0')
    {
      g_debug ("A domain answer is no object with a name");
      g_propagate_error (error, mp_ovh_error_new_for_code (MP_OVH_ERROR_MALFORMED));
      return FALSE;
    }
  return TRUE;
}

static void
apply_json (MpDomain   *self,
            JsonObject *object)
{
  gboolean was_busy = mp_domain_get_busy (self);
  JsonObject *dkim = NULL;
  JsonNode *dkim_node;
  const char *cname;

  g_object_freeze_notify (G_OBJECT (self));

  update_enum (self, (int *) &self->type,
               mp_domain_type_from_string (mp_json_get_string (object, "type")), PROP_TYPE);
  update_string (self, &self->mx_relay, mp_json_get_string (object, "mxRelay"), PROP_MX_RELAY);
  update_enum (self, (int *) &self->state,
               mp_object_state_from_string (mp_json_get_string (object, "state")), PROP_STATE);
  update_int (self, &self->task_pending_id, MAX (mp_json_get_int (object, "taskPendingId", 0), 0),
              PROP_TASK_PENDING_ID);
  update_boolean (self, &self->domain_validated,
                  mp_json_get_boolean (object, "domainValidated", FALSE), PROP_DOMAIN_VALIDATED);
  /* An empty label proves nothing: treat it as none. */
  cname = mp_json_get_string (object, "cnameToCheck");
  update_string (self, &self->cname_to_check, cname != NULL && *cname != '\0' ? cname : NULL,
                 PROP_CNAME_TO_CHECK);
  update_boolean (self, &self->is_alias_domain,
                  mp_json_get_boolean (object, "isAliasDomain", FALSE), PROP_IS_ALIAS_DOMAIN);
  update_strv (self, &self->domain_aliases, object, "domainAliases", FALSE, PROP_DOMAIN_ALIASES);
  update_boolean (self, &self->mx_is_valid, mp_json_get_boolean (object, "mxIsValid", FALSE),
                  PROP_MX_IS_VALID);
  update_boolean (self, &self->srv_is_valid, mp_json_get_boolean (object, "srvIsValid", FALSE),
                  PROP_SRV_IS_VALID);
  update_boolean (self, &self->spf_is_valid, mp_json_get_boolean (object, "spfIsValid", FALSE),
                  PROP_SPF_IS_VALID);
  update_strv (self, &self->mx_record, object, "mxRecord", TRUE, PROP_MX_RECORD);
  update_strv (self, &self->srv_record, object, "srvRecord", TRUE, PROP_SRV_RECORD);
  update_strv (self, &self->spf_record, object, "spfRecord", TRUE, PROP_SPF_RECORD);
  update_strv (self, &self->expected_mx, object, "expectedMX", FALSE, PROP_EXPECTED_MX);
  update_string (self, &self->expected_spf, mp_json_get_string (object, "expectedSPF"),
                 PROP_EXPECTED_SPF);
  update_string (self, &self->expected_autodiscover_srv,
                 mp_json_get_string (object, "expectedAutodiscoverSRV"),
                 PROP_EXPECTED_AUTODISCOVER_SRV);

  dkim_node = json_object_get_member (object, "dkimDiagnostics");
  if (dkim_node != NULL && JSON_NODE_HOLDS_OBJECT (dkim_node))
    dkim = json_node_get_object (dkim_node);
  update_enum (self, (int *) &self->dkim_state,
               dkim != NULL ? mp_domain_dkim_state_from_string (mp_json_get_string (dkim, "state"))
                            : MP_DOMAIN_DKIM_STATE_NONE,
               PROP_DKIM_STATE);
  update_int (self, &self->dkim_error_code,
              dkim != NULL ? mp_json_get_int (dkim, "errorCode", -1) : -1, PROP_DKIM_ERROR_CODE);
  update_string (self, &self->dkim_message,
                 dkim != NULL ? mp_json_get_string (dkim, "message") : NULL, PROP_DKIM_MESSAGE);

  if (was_busy != mp_domain_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  g_object_thaw_notify (G_OBJECT (self));
}

MpDomain *
mp_domain_new_from_json (JsonNode  *node,
                         GError   **error)
{
  g_autoptr(MpDomain) self = NULL;
  const char *name;

  g_return_val_if_fail (node != NULL, NULL);

  if (!check_node (node, &name, error))
    return NULL;

  self = g_object_new (MP_TYPE_DOMAIN, NULL);
  self->name = g_ascii_strdown (name, -1);
  self->unicode_name = mp_domain_rules_to_unicode (self->name);
  apply_json (self, json_node_get_object (node));

  return g_steal_pointer (&self);
}

gboolean
mp_domain_update_from_json (MpDomain  *self,
                            JsonNode  *node,
                            GError   **error)
{
  const char *name;

  g_return_val_if_fail (MP_IS_DOMAIN (self), FALSE);
  g_return_val_if_fail (node != NULL, FALSE);

  if (!check_node (node, &name, error))
    return FALSE;

  if (g_ascii_strcasecmp (name, self->name) != 0)
    {
      g_debug ("An answer for domain %s was given to domain %s", name, self->name);
      g_propagate_error (error, mp_ovh_error_new_for_code (MP_OVH_ERROR_MALFORMED));
      return FALSE;
    }

  apply_json (self, json_node_get_object (node));
  return TRUE;
}

#define GETTER(type, fn, field, fallback) \
  type \
  mp_domain_get_##fn (MpDomain *self) \
  { \
    g_return_val_if_fail (MP_IS_DOMAIN (self), fallback); \
    return (type) self->field; \
  }

GETTER (const char *, name, name, NULL)
GETTER (const char *, unicode_name, unicode_name, NULL)
GETTER (MpDomainType, domain_type, type, MP_DOMAIN_TYPE_UNKNOWN)
GETTER (const char *, mx_relay, mx_relay, NULL)
GETTER (MpObjectState, state, state, MP_OBJECT_STATE_UNKNOWN)
GETTER (gint64, task_pending_id, task_pending_id, 0)
GETTER (gboolean, domain_validated, domain_validated, FALSE)
GETTER (const char *, cname_to_check, cname_to_check, NULL)
GETTER (gboolean, is_alias_domain, is_alias_domain, FALSE)
GETTER (const char * const *, domain_aliases, domain_aliases, NULL)
GETTER (gboolean, mx_is_valid, mx_is_valid, FALSE)
GETTER (gboolean, srv_is_valid, srv_is_valid, FALSE)
GETTER (gboolean, spf_is_valid, spf_is_valid, FALSE)
GETTER (const char * const *, mx_record, mx_record, NULL)
GETTER (const char * const *, srv_record, srv_record, NULL)
GETTER (const char * const *, spf_record, spf_record, NULL)
GETTER (const char * const *, expected_mx, expected_mx, NULL)
GETTER (const char *, expected_spf, expected_spf, NULL)
GETTER (const char *, expected_autodiscover_srv, expected_autodiscover_srv, NULL)
GETTER (MpDomainDkimState, dkim_state, dkim_state, MP_DOMAIN_DKIM_STATE_NONE)
GETTER (gint64, dkim_error_code, dkim_error_code, -1)
GETTER (const char *, dkim_message, dkim_message, NULL)
GETTER (guint, account_count, account_count, 0)

#undef GETTER

gboolean
mp_domain_get_busy (MpDomain *self)
{
  g_return_val_if_fail (MP_IS_DOMAIN (self), FALSE);

  return self->task_pending_id != 0 ||
         self->state == MP_OBJECT_STATE_CREATING ||
         self->state == MP_OBJECT_STATE_DELETING;
}

char *
mp_domain_dup_cname_record (MpDomain *self)
{
  g_return_val_if_fail (MP_IS_DOMAIN (self), NULL);

  if (self->cname_to_check == NULL)
    return NULL;

  return g_strconcat (self->cname_to_check, ".", self->name, NULL);
}

void
mp_domain_set_account_count (MpDomain *self,
                             guint     account_count)
{
  g_return_if_fail (MP_IS_DOMAIN (self));

  if (self->account_count == account_count)
    return;

  self->account_count = account_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_COUNT]);
}

char *
mp_domain_dup_remove_blocker (MpDomain *self)
{
  g_return_val_if_fail (MP_IS_DOMAIN (self), NULL);

  if (self->account_count > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u account still uses this domain. Move it to another domain or delete it first.",
                                         "%u accounts still use this domain. Move them to another domain or delete them first.",
                                         self->account_count),
                            self->account_count);

  if (mp_domain_get_busy (self))
    return g_strdup (_("A change to this domain is still being carried out. Wait until it is finished."));

  return NULL;
}
