/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-account.c: the mailbox model.  The schema's many plain fields are described by tables
 * so that parsing, properties and change notification are written once for each kind. */
#include "config.h"

#include <string.h>

#include "api/mp-ovh-error-private.h"
#include "mp-enum-types.h"
#include "emailpro/mp-account.h"
#include "emailpro/mp-json.h"

struct _MpAccount
{
  GObject          parent_instance;

  char            *primary_email_address;
  char            *login;
  const char      *domain;            /* interned */
  char            *display_name;
  char            *first_name;
  char            *last_name;
  char            *initial;
  char            *sam_account_name;
  const char      *renew_period;      /* interned */

  gint64           id;
  gint64           current_usage;
  gint64           quota;
  gint64           spam_ticket_number;
  gint64           task_pending_id;

  gboolean         configured;
  gboolean         hidden_from_gal;
  gboolean         spam_detected;
  gboolean         locked;
  int              delete_at_expiration;
  int              alias_count;
  MpObjectState    state;

  /* Interned strings in an array of our own: the filter names are a short list of the
   * schema's, the same in every mailbox. */
  const char     **mailing_filter;
  /* Shared with every account that has an equal one (mp_json_dup_shared_object), and never
   * a part of the listing's tree, which would keep pages of it from being freed. */
  JsonObject      *spam_and_virus_configuration;

  GDateTime       *creation_date;
  GDateTime       *expiration_date;
  GDateTime       *expiration_outlook_date;
  GDateTime       *last_logon_date;
  GDateTime       *last_logoff_date;
  GDateTime       *last_update_date;
  GDateTime       *password_last_update;

  char            *search_text;
};

G_DEFINE_FINAL_TYPE (MpAccount, mp_account, G_TYPE_OBJECT)
G_DEFINE_QUARK (mp-account-error-quark, mp_account_error)

enum {
  PROP_0,
  /* strings */
  PROP_PRIMARY_EMAIL_ADDRESS,
  PROP_LOGIN,
  PROP_DOMAIN,
  PROP_DISPLAY_NAME,
  PROP_FIRST_NAME,
  PROP_LAST_NAME,
  PROP_INITIAL,
  PROP_SAM_ACCOUNT_NAME,
  PROP_RENEW_PERIOD,
  /* integers */
  PROP_ID,
  PROP_CURRENT_USAGE,
  PROP_QUOTA,
  PROP_SPAM_TICKET_NUMBER,
  PROP_TASK_PENDING_ID,
  /* booleans */
  PROP_CONFIGURED,
  PROP_HIDDEN_FROM_GAL,
  PROP_SPAM_DETECTED,
  /* dates */
  PROP_CREATION_DATE,
  PROP_EXPIRATION_DATE,
  PROP_EXPIRATION_OUTLOOK_DATE,
  PROP_LAST_LOGON_DATE,
  PROP_LAST_LOGOFF_DATE,
  PROP_LAST_UPDATE_DATE,
  PROP_PASSWORD_LAST_UPDATE,
  /* the rest */
  PROP_DELETE_AT_EXPIRATION,
  PROP_STATE,
  PROP_MAILING_FILTER,
  PROP_SPAM_AND_VIRUS_CONFIGURATION,
  /* derived */
  PROP_IS_PLACEHOLDER,
  PROP_STATUS,
  PROP_USAGE_FRACTION,
  PROP_ALIAS_COUNT,
  PROP_LOCKED,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  const char *member;
  guint       prop_id;
  gsize       offset;
  gint64      fallback;
  gboolean    interned;   /* strings: g_intern_string (), never freed */
} FieldSpec;

#define FIELD(member, prop, field, fallback) \
  { member, prop, G_STRUCT_OFFSET (MpAccount, field), fallback, FALSE }
/* For strings that thousands of mailboxes share (their domain, "yearly"), from a small set. */
#define INTERNED_FIELD(member, prop, field) \
  { member, prop, G_STRUCT_OFFSET (MpAccount, field), 0, TRUE }

static const FieldSpec string_fields[] = {
  FIELD ("primaryEmailAddress", PROP_PRIMARY_EMAIL_ADDRESS, primary_email_address, 0),
  FIELD ("login", PROP_LOGIN, login, 0),
  INTERNED_FIELD ("domain", PROP_DOMAIN, domain),
  FIELD ("displayName", PROP_DISPLAY_NAME, display_name, 0),
  FIELD ("firstName", PROP_FIRST_NAME, first_name, 0),
  FIELD ("lastName", PROP_LAST_NAME, last_name, 0),
  FIELD ("initial", PROP_INITIAL, initial, 0),
  FIELD ("SAMAccountName", PROP_SAM_ACCOUNT_NAME, sam_account_name, 0),
  INTERNED_FIELD ("renewPeriod", PROP_RENEW_PERIOD, renew_period),
};

static const FieldSpec int_fields[] = {
  FIELD ("id", PROP_ID, id, 0),
  FIELD ("currentUsage", PROP_CURRENT_USAGE, current_usage, -1),
  FIELD ("quota", PROP_QUOTA, quota, -1),
  FIELD ("spamTicketNumber", PROP_SPAM_TICKET_NUMBER, spam_ticket_number, -1),
  /* The schema allows null or 0 for "no task"; both read as 0. */
  FIELD ("taskPendingId", PROP_TASK_PENDING_ID, task_pending_id, 0),
};

static const FieldSpec boolean_fields[] = {
  FIELD ("configured", PROP_CONFIGURED, configured, TRUE),
  FIELD ("hiddenFromGAL", PROP_HIDDEN_FROM_GAL, hidden_from_gal, FALSE),
  FIELD ("spamDetected", PROP_SPAM_DETECTED, spam_detected, FALSE),
};

static const FieldSpec date_fields[] = {
  FIELD ("creationDate", PROP_CREATION_DATE, creation_date, 0),
  FIELD ("expirationDate", PROP_EXPIRATION_DATE, expiration_date, 0),
  FIELD ("expirationOutlookDate", PROP_EXPIRATION_OUTLOOK_DATE, expiration_outlook_date, 0),
  FIELD ("lastLogonDate", PROP_LAST_LOGON_DATE, last_logon_date, 0),
  FIELD ("lastLogoffDate", PROP_LAST_LOGOFF_DATE, last_logoff_date, 0),
  FIELD ("lastUpdateDate", PROP_LAST_UPDATE_DATE, last_update_date, 0),
  FIELD ("passwordLastUpdate", PROP_PASSWORD_LAST_UPDATE, password_last_update, 0),
};

#define STRING_AT(self, spec)   G_STRUCT_MEMBER_P (self, (spec)->offset)
#define INT_AT(self, spec)      ((gint64 *) G_STRUCT_MEMBER_P (self, (spec)->offset))
#define BOOLEAN_AT(self, spec)  ((gboolean *) G_STRUCT_MEMBER_P (self, (spec)->offset))
#define DATE_AT(self, spec)     ((GDateTime **) G_STRUCT_MEMBER_P (self, (spec)->offset))

static const FieldSpec *
find_field (const FieldSpec *fields,
            gsize            n_fields,
            guint            prop_id)
{
  for (gsize i = 0; i < n_fields; i++)
    if (fields[i].prop_id == prop_id)
      return &fields[i];
  return NULL;
}

static void
mp_account_finalize (GObject *object)
{
  MpAccount *self = (MpAccount *) object;

  for (gsize i = 0; i < G_N_ELEMENTS (string_fields); i++)
    if (!string_fields[i].interned)
      g_clear_pointer ((char **) STRING_AT (self, &string_fields[i]), g_free);
  for (gsize i = 0; i < G_N_ELEMENTS (date_fields); i++)
    g_clear_pointer (DATE_AT (self, &date_fields[i]), g_date_time_unref);
  g_clear_pointer (&self->mailing_filter, g_free);
  g_clear_pointer (&self->spam_and_virus_configuration, json_object_unref);
  g_clear_pointer (&self->search_text, g_free);

  G_OBJECT_CLASS (mp_account_parent_class)->finalize (object);
}

static void
mp_account_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MpAccount *self = MP_ACCOUNT (object);
  const FieldSpec *spec;

  if ((spec = find_field (string_fields, G_N_ELEMENTS (string_fields), prop_id)) != NULL)
    g_value_set_string (value, *(char **) STRING_AT (self, spec));
  else if ((spec = find_field (int_fields, G_N_ELEMENTS (int_fields), prop_id)) != NULL)
    g_value_set_int64 (value, *INT_AT (self, spec));
  else if ((spec = find_field (boolean_fields, G_N_ELEMENTS (boolean_fields), prop_id)) != NULL)
    g_value_set_boolean (value, *BOOLEAN_AT (self, spec));
  else if ((spec = find_field (date_fields, G_N_ELEMENTS (date_fields), prop_id)) != NULL)
    g_value_set_boxed (value, *DATE_AT (self, spec));
  else
    switch (prop_id)
      {
      case PROP_DELETE_AT_EXPIRATION:
        g_value_set_int (value, self->delete_at_expiration);
        break;
      case PROP_STATE:
        g_value_set_enum (value, self->state);
        break;
      case PROP_MAILING_FILTER:
        g_value_set_boxed (value, self->mailing_filter);
        break;
      case PROP_SPAM_AND_VIRUS_CONFIGURATION:
        g_value_set_boxed (value, self->spam_and_virus_configuration);
        break;
      case PROP_IS_PLACEHOLDER:
        g_value_set_boolean (value, mp_account_get_is_placeholder (self));
        break;
      case PROP_STATUS:
        g_value_set_enum (value, mp_account_get_status (self));
        break;
      case PROP_USAGE_FRACTION:
        g_value_set_double (value, mp_account_get_usage_fraction (self));
        break;
      case PROP_ALIAS_COUNT:
        g_value_set_int (value, self->alias_count);
        break;
      case PROP_LOCKED:
        g_value_set_boolean (value, self->locked);
        break;
      case PROP_SEARCH_TEXT:
        g_value_set_string (value, self->search_text);
        break;
      default:
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      }
}

static void
mp_account_class_init (MpAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  static const char * const string_names[] = {
    "primary-email-address", "login", "domain", "display-name", "first-name", "last-name",
    "initial", "sam-account-name", "renew-period",
  };
  static const char * const int_names[] = {
    "id", "current-usage", "quota", "spam-ticket-number", "task-pending-id",
  };
  static const char * const boolean_names[] = {
    "configured", "hidden-from-gal", "spam-detected",
  };
  static const char * const date_names[] = {
    "creation-date", "expiration-date", "expiration-outlook-date", "last-logon-date",
    "last-logoff-date", "last-update-date", "password-last-update",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (string_names) == G_N_ELEMENTS (string_fields));
  G_STATIC_ASSERT (G_N_ELEMENTS (int_names) == G_N_ELEMENTS (int_fields));
  G_STATIC_ASSERT (G_N_ELEMENTS (boolean_names) == G_N_ELEMENTS (boolean_fields));
  G_STATIC_ASSERT (G_N_ELEMENTS (date_names) == G_N_ELEMENTS (date_fields));

  object_class->finalize = mp_account_finalize;
  object_class->get_property = mp_account_get_property;

  for (gsize i = 0; i < G_N_ELEMENTS (string_fields); i++)
    properties[string_fields[i].prop_id] =
      g_param_spec_string (string_names[i], NULL, NULL, NULL, flags);
  for (gsize i = 0; i < G_N_ELEMENTS (int_fields); i++)
    properties[int_fields[i].prop_id] =
      g_param_spec_int64 (int_names[i], NULL, NULL, G_MININT64, G_MAXINT64,
                          int_fields[i].fallback, flags);
  for (gsize i = 0; i < G_N_ELEMENTS (boolean_fields); i++)
    properties[boolean_fields[i].prop_id] =
      g_param_spec_boolean (boolean_names[i], NULL, NULL, boolean_fields[i].fallback, flags);
  for (gsize i = 0; i < G_N_ELEMENTS (date_fields); i++)
    properties[date_fields[i].prop_id] =
      g_param_spec_boxed (date_names[i], NULL, NULL, G_TYPE_DATE_TIME, flags);

  properties[PROP_DELETE_AT_EXPIRATION] =
    g_param_spec_int ("delete-at-expiration", NULL, NULL, -1, 1, -1, flags);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, MP_TYPE_OBJECT_STATE, MP_OBJECT_STATE_UNKNOWN, flags);
  properties[PROP_MAILING_FILTER] =
    g_param_spec_boxed ("mailing-filter", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_SPAM_AND_VIRUS_CONFIGURATION] =
    g_param_spec_boxed ("spam-and-virus-configuration", NULL, NULL, JSON_TYPE_OBJECT, flags);
  properties[PROP_IS_PLACEHOLDER] =
    g_param_spec_boolean ("is-placeholder", NULL, NULL, FALSE, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, MP_TYPE_ACCOUNT_STATUS, MP_ACCOUNT_STATUS_READY, flags);
  properties[PROP_USAGE_FRACTION] =
    g_param_spec_double ("usage-fraction", NULL, NULL, -1.0, 1.0, -1.0, flags);
  properties[PROP_ALIAS_COUNT] =
    g_param_spec_int ("alias-count", NULL, NULL, -1, G_MAXINT, -1, flags);
  properties[PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL, FALSE, flags);
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_account_init (MpAccount *self)
{
  self->current_usage = -1;
  self->quota = -1;
  self->spam_ticket_number = -1;
  self->delete_at_expiration = -1;
  self->alias_count = -1;
  self->configured = TRUE;
  self->mailing_filter = g_new0 (const char *, 1);
}

/* ---- parsing ---------------------------------------------------------------------------- */

static const char *
get_address (JsonNode  *node,
             GError   **error)
{
  const char *address = NULL;

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    address = mp_json_get_string (json_node_get_object (node), "primaryEmailAddress");

  if (address == NULL || *address == '\0')
    {
      g_debug ("Account answer is not an object with a \"primaryEmailAddress\" string");
      g_propagate_error (error, mp_ovh_error_new_for_code (MP_OVH_ERROR_MALFORMED));
      return NULL;
    }
  return address;
}

static void
notify (MpAccount *self,
        guint      prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static gboolean
dates_equal (GDateTime *a,
             GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_date_time_equal (a, b);
}

/* NULL-terminated list of the array's strings, interned; anything else reads as empty.  Free
 * the array alone. */
static const char **
read_interned_string_array (JsonObject *object,
                            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  guint length = array != NULL ? json_array_get_length (array) : 0;
  const char **strings = g_new0 (const char *, length + 1);
  guint n = 0;

  for (guint i = 0; i < length; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        strings[n++] = g_intern_string (json_node_get_string (element));
    }
  return strings;
}

/* Interned strings compare by address. */
static gboolean
interned_strv_equal (const char * const *a,
                     const char * const *b)
{
  for (; *a != NULL && *a == *b; a++, b++)
    ;
  return *a == *b;
}

static char *
build_search_text (MpAccount *self)
{
  g_autofree char *joined = g_strjoin ("\n",
                                       self->primary_email_address ? self->primary_email_address : "",
                                       self->display_name ? self->display_name : "",
                                       self->first_name ? self->first_name : "",
                                       self->last_name ? self->last_name : "",
                                       NULL);

  return g_utf8_casefold (joined, -1);
}

typedef struct
{
  gboolean        is_placeholder;
  MpAccountStatus status;
  double          usage_fraction;
} Derived;

static Derived
read_derived (MpAccount *self)
{
  Derived derived = {
    mp_account_get_is_placeholder (self),
    mp_account_get_status (self),
    mp_account_get_usage_fraction (self),
  };

  return derived;
}

static void
notify_derived (MpAccount     *self,
                const Derived *before)
{
  Derived after = read_derived (self);

  if (after.is_placeholder != before->is_placeholder)
    notify (self, PROP_IS_PLACEHOLDER);
  if (after.status != before->status)
    notify (self, PROP_STATUS);
  if (after.usage_fraction != before->usage_fraction)
    notify (self, PROP_USAGE_FRACTION);
}

MpAccount *
mp_account_new_from_json (JsonNode  *node,
                          GError   **error)
{
  g_autoptr(MpAccount) self = NULL;

  if (get_address (node, error) == NULL)
    return NULL;

  self = g_object_new (MP_TYPE_ACCOUNT, NULL);
  if (!mp_account_update_from_json (self, node, error))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
mp_account_update_from_json (MpAccount  *self,
                             JsonNode   *node,
                             GError    **error)
{
  JsonObject *object;
  Derived before;
  gint64 id;

  g_return_val_if_fail (MP_IS_ACCOUNT (self), FALSE);

  if (get_address (node, error) == NULL)
    return FALSE;
  object = json_node_get_object (node);

  /* The id is the mailbox's identity across renames: an answer about another one is not
   * an update. */
  id = mp_json_get_int (object, "id", 0);
  if (self->id != 0 && id != 0 && id != self->id)
    {
      g_debug ("Account answer for another account than %" G_GINT64_FORMAT, self->id);
      g_propagate_error (error, mp_ovh_error_new_for_code (MP_OVH_ERROR_MALFORMED));
      return FALSE;
    }

  before = read_derived (self);
  g_object_freeze_notify (G_OBJECT (self));

  for (gsize i = 0; i < G_N_ELEMENTS (string_fields); i++)
    {
      const char *value = mp_json_get_string (object, string_fields[i].member);

      if (string_fields[i].interned)
        {
          const char **field = STRING_AT (self, &string_fields[i]);

          value = g_intern_string (value);
          if (*field != value)
            {
              *field = value;
              notify (self, string_fields[i].prop_id);
            }
        }
      else if (mp_json_set_string_field (STRING_AT (self, &string_fields[i]), value))
        notify (self, string_fields[i].prop_id);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (int_fields); i++)
    {
      gint64 value = mp_json_get_int (object, int_fields[i].member, int_fields[i].fallback);

      if (*INT_AT (self, &int_fields[i]) != value)
        {
          *INT_AT (self, &int_fields[i]) = value;
          notify (self, int_fields[i].prop_id);
        }
    }

  for (gsize i = 0; i < G_N_ELEMENTS (boolean_fields); i++)
    {
      gboolean fallback = boolean_fields[i].fallback;
      gboolean value;

      /* A placeholder that does not say whether it is configured is not. */
      if (boolean_fields[i].prop_id == PROP_CONFIGURED)
        fallback = !mp_account_address_is_placeholder (self->primary_email_address);
      value = mp_json_get_boolean (object, boolean_fields[i].member, fallback);

      if (*BOOLEAN_AT (self, &boolean_fields[i]) != value)
        {
          *BOOLEAN_AT (self, &boolean_fields[i]) = value;
          notify (self, boolean_fields[i].prop_id);
        }
    }

  for (gsize i = 0; i < G_N_ELEMENTS (date_fields); i++)
    {
      g_autoptr(GDateTime) value = mp_json_get_date_time (object, date_fields[i].member);
      GDateTime **field = DATE_AT (self, &date_fields[i]);

      if (!dates_equal (*field, value))
        {
          g_clear_pointer (field, g_date_time_unref);
          *field = g_steal_pointer (&value);
          notify (self, date_fields[i].prop_id);
        }
    }

  {
    JsonNode *member = json_object_get_member (object, "deleteAtExpiration");
    int value = -1;

    if (member != NULL && JSON_NODE_HOLDS_VALUE (member) &&
        json_node_get_value_type (member) == G_TYPE_BOOLEAN)
      value = json_node_get_boolean (member);
    if (value != self->delete_at_expiration)
      {
        self->delete_at_expiration = value;
        notify (self, PROP_DELETE_AT_EXPIRATION);
      }
  }

  {
    MpObjectState state = mp_object_state_from_string (mp_json_get_string (object, "state"));

    if (state != self->state)
      {
        self->state = state;
        notify (self, PROP_STATE);
      }
  }

  {
    g_autofree const char **filter = read_interned_string_array (object, "mailingFilter");

    if (!interned_strv_equal (filter, self->mailing_filter))
      {
        g_free (self->mailing_filter);
        self->mailing_filter = g_steal_pointer (&filter);
        notify (self, PROP_MAILING_FILTER);
      }
  }

  {
    JsonNode *member = json_object_get_member (object, "spamAndVirusConfiguration");
    JsonObject *value = member != NULL && JSON_NODE_HOLDS_OBJECT (member) ? json_node_get_object (member) : NULL;
    gboolean same = value == NULL || self->spam_and_virus_configuration == NULL
                      ? value == self->spam_and_virus_configuration
                      : json_object_equal (value, self->spam_and_virus_configuration);

    if (!same)
      {
        g_clear_pointer (&self->spam_and_virus_configuration, json_object_unref);
        self->spam_and_virus_configuration = value != NULL ? mp_json_dup_shared_object (value) : NULL;
        notify (self, PROP_SPAM_AND_VIRUS_CONFIGURATION);
      }
  }

  {
    g_autofree char *search_text = build_search_text (self);

    if (mp_json_set_string_field (&self->search_text, search_text))
      notify (self, PROP_SEARCH_TEXT);
  }

  notify_derived (self, &before);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

/* ---- getters ---------------------------------------------------------------------------- */

#define GETTER(type, name, field) \
  type mp_account_get_##name (MpAccount *self) \
  { \
    g_return_val_if_fail (MP_IS_ACCOUNT (self), 0); \
    return self->field; \
  }

GETTER (const char *, primary_email_address, primary_email_address)
GETTER (const char *, login, login)
GETTER (const char *, domain, domain)
GETTER (const char *, display_name, display_name)
GETTER (const char *, first_name, first_name)
GETTER (const char *, last_name, last_name)
GETTER (const char *, initial, initial)
GETTER (const char *, sam_account_name, sam_account_name)
GETTER (const char *, renew_period, renew_period)
GETTER (gint64, id, id)
GETTER (gboolean, configured, configured)
GETTER (gboolean, hidden_from_gal, hidden_from_gal)
GETTER (gint64, current_usage, current_usage)
GETTER (gint64, quota, quota)
GETTER (MpObjectState, state, state)
GETTER (gboolean, spam_detected, spam_detected)
GETTER (gint64, spam_ticket_number, spam_ticket_number)
GETTER (gint64, task_pending_id, task_pending_id)
GETTER (int, delete_at_expiration, delete_at_expiration)
GETTER (JsonObject *, spam_and_virus_configuration, spam_and_virus_configuration)
GETTER (GDateTime *, creation_date, creation_date)
GETTER (GDateTime *, expiration_date, expiration_date)
GETTER (GDateTime *, expiration_outlook_date, expiration_outlook_date)
GETTER (GDateTime *, last_logon_date, last_logon_date)
GETTER (GDateTime *, last_logoff_date, last_logoff_date)
GETTER (GDateTime *, last_update_date, last_update_date)
GETTER (GDateTime *, password_last_update, password_last_update)
GETTER (int, alias_count, alias_count)
GETTER (gboolean, locked, locked)
GETTER (const char *, search_text, search_text)

const char * const *
mp_account_get_mailing_filter (MpAccount *self)
{
  g_return_val_if_fail (MP_IS_ACCOUNT (self), NULL);
  return (const char * const *) self->mailing_filter;
}

void
mp_account_set_alias_count (MpAccount *self,
                            int        count)
{
  g_return_if_fail (MP_IS_ACCOUNT (self));

  count = MAX (count, -1);
  if (self->alias_count == count)
    return;
  self->alias_count = count;
  notify (self, PROP_ALIAS_COUNT);
}

void
mp_account_set_locked (MpAccount *self,
                       gboolean   locked)
{
  Derived before;

  g_return_if_fail (MP_IS_ACCOUNT (self));

  locked = !!locked;
  if (self->locked == locked)
    return;

  before = read_derived (self);
  self->locked = locked;
  g_object_freeze_notify (G_OBJECT (self));
  notify (self, PROP_LOCKED);
  notify_derived (self, &before);
  g_object_thaw_notify (G_OBJECT (self));
}
