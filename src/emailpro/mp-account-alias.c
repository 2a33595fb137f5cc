/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "api/mp-ovh-error-private.h"
#include "emailpro/mp-account-alias.h"
#include "emailpro/mp-json.h"

struct _MpAccountAlias
{
  GObject    parent_instance;

  char      *alias;
  GDateTime *creation_date;
  gint64     task_pending_id;
};

G_DEFINE_FINAL_TYPE (MpAccountAlias, mp_account_alias, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ALIAS,
  PROP_CREATION_DATE,
  PROP_TASK_PENDING_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mp_account_alias_finalize (GObject *object)
{
  MpAccountAlias *self = (MpAccountAlias *) object;

  g_clear_pointer (&self->alias, g_free);
  g_clear_pointer (&self->creation_date, g_date_time_unref);

  G_OBJECT_CLASS (mp_account_alias_parent_class)->finalize (object);
}

static void
mp_account_alias_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MpAccountAlias *self = MP_ACCOUNT_ALIAS (object);

  switch (prop_id)
    {
    case PROP_ALIAS:
      g_value_set_string (value, self->alias);
      break;
    case PROP_CREATION_DATE:
      g_value_set_boxed (value, self->creation_date);
      break;
    case PROP_TASK_PENDING_ID:
      g_value_set_int64 (value, self->task_pending_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_account_alias_class_init (MpAccountAliasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mp_account_alias_finalize;
  object_class->get_property = mp_account_alias_get_property;

  properties[PROP_ALIAS] = g_param_spec_string ("alias", NULL, NULL, NULL, flags);
  properties[PROP_CREATION_DATE] =
    g_param_spec_boxed ("creation-date", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_TASK_PENDING_ID] =
    g_param_spec_int64 ("task-pending-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_account_alias_init (MpAccountAlias *self)
{
}

MpAccountAlias *
mp_account_alias_new_from_json (JsonNode  *node,
                                GError   **error)
{
  MpAccountAlias *self;
  JsonObject *object;
  const char *alias = NULL;

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    alias = mp_json_get_string (json_node_get_object (node), "alias");
  if (alias == NULL || *alias == '\0')
    {
      g_debug ("Alias answer is not an object with an \"alias\" string");
      g_propagate_error (error, mp_ovh_error_new_for_code (MP_OVH_ERROR_MALFORMED));
      return NULL;
    }

  object = json_node_get_object (node);
  self = g_object_new (MP_TYPE_ACCOUNT_ALIAS, NULL);
  self->alias = g_strdup (alias);
  self->creation_date = mp_json_get_date_time (object, "creationDate");
  self->task_pending_id = mp_json_get_int (object, "taskPendingId", 0);
  return self;
}

const char *
mp_account_alias_get_alias (MpAccountAlias *self)
{
  g_return_val_if_fail (MP_IS_ACCOUNT_ALIAS (self), NULL);
  return self->alias;
}

GDateTime *
mp_account_alias_get_creation_date (MpAccountAlias *self)
{
  g_return_val_if_fail (MP_IS_ACCOUNT_ALIAS (self), NULL);
  return self->creation_date;
}

gint64
mp_account_alias_get_task_pending_id (MpAccountAlias *self)
{
  g_return_val_if_fail (MP_IS_ACCOUNT_ALIAS (self), 0);
  return self->task_pending_id;
}
