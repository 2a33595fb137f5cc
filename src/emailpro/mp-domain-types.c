/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-domain-types.c: the small things around MpDomain — its enums' spellings and labels, the
 * account's domain names, the options of an attach and the error domain. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "emailpro/mp-domain.h"
#include "rules/mp-domain-rules.h"

G_DEFINE_QUARK (mp-domain-error-quark, mp_domain_error)

typedef struct
{
  int         value;
  const char *string;
  const char *label;
} EnumRow;

/* Row 0 of each table is the value for anything unknown. */
static const EnumRow type_rows[] = {
  { MP_DOMAIN_TYPE_UNKNOWN,           "unknown",          N_("Unknown mode") },
  { MP_DOMAIN_TYPE_AUTHORITATIVE,     "authoritative",    N_("Authoritative") },
  { MP_DOMAIN_TYPE_NON_AUTHORITATIVE, "nonAuthoritative", N_("Non-authoritative") },
};

static const EnumRow dkim_rows[] = {
  { MP_DOMAIN_DKIM_STATE_UNKNOWN,      "unknown",     N_("Unknown state") },
  { MP_DOMAIN_DKIM_STATE_NONE,         "none",        N_("No information yet") },
  { MP_DOMAIN_DKIM_STATE_ACTIVE,       "active",      N_("Active") },
  { MP_DOMAIN_DKIM_STATE_DISABLED,     "disabled",    N_("Turned off") },
  { MP_DOMAIN_DKIM_STATE_ERROR,        "error",       N_("Not working") },
  { MP_DOMAIN_DKIM_STATE_IN_PROGRESS,  "inProgress",  N_("Being set up") },
  { MP_DOMAIN_DKIM_STATE_TO_CONFIGURE, "toConfigure", N_("Not set up") },
};

static const EnumRow *
row_for_string (const EnumRow *rows,
                gsize          n_rows,
                const char    *value)
{
  /* "none" is ours, never the provider's. */
  for (gsize i = 1; value != NULL && i < n_rows; i++)
    if (g_str_equal (rows[i].string, value) && !g_str_equal (value, "none"))
      return &rows[i];
  return &rows[0];
}

static const EnumRow *
row_for_value (const EnumRow *rows,
               gsize          n_rows,
               int            value)
{
  for (gsize i = 0; i < n_rows; i++)
    if (rows[i].value == value)
      return &rows[i];
  return &rows[0];
}

MpDomainType
mp_domain_type_from_string (const char *value)
{
  return row_for_string (type_rows, G_N_ELEMENTS (type_rows), value)->value;
}

const char *
mp_domain_type_to_string (MpDomainType type)
{
  return row_for_value (type_rows, G_N_ELEMENTS (type_rows), type)->string;
}

const char *
mp_domain_type_to_label (MpDomainType type)
{
  return _(row_for_value (type_rows, G_N_ELEMENTS (type_rows), type)->label);
}

MpDomainDkimState
mp_domain_dkim_state_from_string (const char *value)
{
  if (value == NULL)
    return MP_DOMAIN_DKIM_STATE_NONE;
  return row_for_string (dkim_rows, G_N_ELEMENTS (dkim_rows), value)->value;
}

const char *
mp_domain_dkim_state_to_string (MpDomainDkimState state)
{
  return row_for_value (dkim_rows, G_N_ELEMENTS (dkim_rows), state)->string;
}

const char *
mp_domain_dkim_state_to_label (MpDomainDkimState state)
{
  return _(row_for_value (dkim_rows, G_N_ELEMENTS (dkim_rows), state)->label);
}


/* MpAccountDomain: plain values, set once. */

struct _MpAccountDomain
{
  GObject   parent_instance;

  char     *name;
  char     *unicode_name;
  gboolean  attached;
  gboolean  zone_in_account;
};

G_DEFINE_FINAL_TYPE (MpAccountDomain, mp_account_domain, G_TYPE_OBJECT)

enum {
  ACCOUNT_DOMAIN_PROP_0,
  ACCOUNT_DOMAIN_PROP_NAME,
  ACCOUNT_DOMAIN_PROP_UNICODE_NAME,
  ACCOUNT_DOMAIN_PROP_ATTACHED,
  ACCOUNT_DOMAIN_PROP_ZONE_IN_ACCOUNT,
  ACCOUNT_DOMAIN_N_PROPS
};

static GParamSpec *account_domain_properties[ACCOUNT_DOMAIN_N_PROPS];

static void
mp_account_domain_finalize (GObject *object)
{
  MpAccountDomain *self = (MpAccountDomain *) object;

  g_free (self->name);
  g_free (self->unicode_name);

  G_OBJECT_CLASS (mp_account_domain_parent_class)->finalize (object);
}

static void
mp_account_domain_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MpAccountDomain *self = MP_ACCOUNT_DOMAIN (object);

  switch (prop_id)
    {
    case ACCOUNT_DOMAIN_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case ACCOUNT_DOMAIN_PROP_UNICODE_NAME:
      g_value_set_string (value, self->unicode_name);
      break;
    case ACCOUNT_DOMAIN_PROP_ATTACHED:
      g_value_set_boolean (value, self->attached);
      break;
    case ACCOUNT_DOMAIN_PROP_ZONE_IN_ACCOUNT:
      g_value_set_boolean (value, self->zone_in_account);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_account_domain_class_init (MpAccountDomainClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mp_account_domain_finalize;
  object_class->get_property = mp_account_domain_get_property;

  account_domain_properties[ACCOUNT_DOMAIN_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);
  account_domain_properties[ACCOUNT_DOMAIN_PROP_UNICODE_NAME] =
    g_param_spec_string ("unicode-name", NULL, NULL, NULL, flags);
  account_domain_properties[ACCOUNT_DOMAIN_PROP_ATTACHED] =
    g_param_spec_boolean ("attached", NULL, NULL, FALSE, flags);
  account_domain_properties[ACCOUNT_DOMAIN_PROP_ZONE_IN_ACCOUNT] =
    g_param_spec_boolean ("zone-in-account", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, ACCOUNT_DOMAIN_N_PROPS, account_domain_properties);
}

static void
mp_account_domain_init (MpAccountDomain *self)
{
}

MpAccountDomain *
mp_account_domain_new (const char *name,
                       gboolean    attached,
                       gboolean    zone_in_account)
{
  MpAccountDomain *self;

  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (MP_TYPE_ACCOUNT_DOMAIN, NULL);
  self->name = g_ascii_strdown (name, -1);
  self->unicode_name = mp_domain_rules_to_unicode (self->name);
  self->attached = !!attached;
  self->zone_in_account = !!zone_in_account;
  return self;
}

const char *
mp_account_domain_get_name (MpAccountDomain *self)
{
  g_return_val_if_fail (MP_IS_ACCOUNT_DOMAIN (self), NULL);
  return self->name;
}

const char *
mp_account_domain_get_unicode_name (MpAccountDomain *self)
{
  g_return_val_if_fail (MP_IS_ACCOUNT_DOMAIN (self), NULL);
  return self->unicode_name;
}

gboolean
mp_account_domain_get_attached (MpAccountDomain *self)
{
  g_return_val_if_fail (MP_IS_ACCOUNT_DOMAIN (self), FALSE);
  return self->attached;
}

gboolean
mp_account_domain_get_zone_in_account (MpAccountDomain *self)
{
  g_return_val_if_fail (MP_IS_ACCOUNT_DOMAIN (self), FALSE);
  return self->zone_in_account;
}


/* MpDomainAddOptions */

G_DEFINE_BOXED_TYPE (MpDomainAddOptions, mp_domain_add_options,
                     mp_domain_add_options_copy, mp_domain_add_options_free)

MpDomainAddOptions *
mp_domain_add_options_new (const char   *name,
                           MpDomainType  type)
{
  MpDomainAddOptions *options = g_new0 (MpDomainAddOptions, 1);

  options->name = g_strdup (name);
  options->type = type;
  return options;
}

MpDomainAddOptions *
mp_domain_add_options_copy (const MpDomainAddOptions *options)
{
  MpDomainAddOptions *copy;

  g_return_val_if_fail (options != NULL, NULL);

  copy = g_memdup2 (options, sizeof *options);
  copy->name = g_strdup (options->name);
  copy->mx_relay = g_strdup (options->mx_relay);
  return copy;
}

void
mp_domain_add_options_free (MpDomainAddOptions *options)
{
  if (options == NULL)
    return;

  g_free (options->name);
  g_free (options->mx_relay);
  g_free (options);
}

JsonNode *
mp_domain_add_options_to_json (const MpDomainAddOptions *options)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (options != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, options->name);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, mp_domain_type_to_string (options->type));
  /* The provider's own manager drops the relay for authoritative domains. */
  if (options->type == MP_DOMAIN_TYPE_NON_AUTHORITATIVE && options->mx_relay != NULL)
    {
      json_builder_set_member_name (builder, "mxRelay");
      json_builder_add_string_value (builder, options->mx_relay);
    }
  json_builder_set_member_name (builder, "configureMx");
  json_builder_add_boolean_value (builder, options->configure_mx);
  json_builder_set_member_name (builder, "configureAutodiscover");
  json_builder_add_boolean_value (builder, options->configure_autodiscover);
  json_builder_set_member_name (builder, "configureSPF");
  json_builder_add_boolean_value (builder, options->configure_spf);
  json_builder_set_member_name (builder, "configureDKIM");
  json_builder_add_boolean_value (builder, options->configure_dkim);
  json_builder_set_member_name (builder, "autoEnableDKIM");
  json_builder_add_boolean_value (builder, options->auto_enable_dkim);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
