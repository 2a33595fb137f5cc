/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "api/mp-ovh-error-private.h"
#include "emailpro/mp-dkim-selector.h"
#include "mp-enum-types.h"
#include "emailpro/mp-json.h"

static const struct
{
  MpDkimStatus  status;
  const char   *name;
} status_names[] = {
  { MP_DKIM_STATUS_TODO, "todo" },
  { MP_DKIM_STATUS_WAITING_RECORD, "waitingRecord" },
  { MP_DKIM_STATUS_READY, "ready" },
  { MP_DKIM_STATUS_ENABLING, "enabling" },
  { MP_DKIM_STATUS_IN_PRODUCTION, "inProduction" },
  { MP_DKIM_STATUS_DISABLING, "disabling" },
  { MP_DKIM_STATUS_DELETING, "deleting" },
};

MpDkimStatus
mp_dkim_status_from_string (const char *value)
{
  if (value == NULL)
    return MP_DKIM_STATUS_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_str_equal (status_names[i].name, value))
      return status_names[i].status;
  return MP_DKIM_STATUS_UNKNOWN;
}

const char *
mp_dkim_status_to_string (MpDkimStatus status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (status_names[i].status == status)
      return status_names[i].name;
  return status == MP_DKIM_STATUS_NONE ? "none" : "unknown";
}

const char *
mp_dkim_status_to_label (MpDkimStatus status)
{
  switch (status)
    {
    case MP_DKIM_STATUS_NONE:
      return _("Not set up");
    case MP_DKIM_STATUS_TODO:
      return _("Being created");
    case MP_DKIM_STATUS_WAITING_RECORD:
      return _("Waiting for the DNS record");
    case MP_DKIM_STATUS_READY:
      return _("Ready to sign");
    case MP_DKIM_STATUS_ENABLING:
      return _("Being switched on");
    case MP_DKIM_STATUS_IN_PRODUCTION:
      return _("Signing mail");
    case MP_DKIM_STATUS_DISABLING:
      return _("Being switched off");
    case MP_DKIM_STATUS_DELETING:
      return _("Being removed");
    case MP_DKIM_STATUS_UNKNOWN:
    default:
      return _("Unknown");
    }
}


struct _MpDkimSelector
{
  GObject       parent_instance;

  char         *selector_name;
  gboolean      created;
  MpDkimStatus  status;
  char         *customer_record;
  char         *target_record;
  gboolean      cname_is_valid;
  gint64        task_pending_id;
};

G_DEFINE_FINAL_TYPE (MpDkimSelector, mp_dkim_selector, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SELECTOR_NAME,
  PROP_CREATED,
  PROP_STATUS,
  PROP_CUSTOMER_RECORD,
  PROP_TARGET_RECORD,
  PROP_CNAME_IS_VALID,
  PROP_TASK_PENDING_ID,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mp_dkim_selector_finalize (GObject *object)
{
  MpDkimSelector *self = (MpDkimSelector *) object;

  g_free (self->selector_name);
  g_free (self->customer_record);
  g_free (self->target_record);

  G_OBJECT_CLASS (mp_dkim_selector_parent_class)->finalize (object);
}

static void
mp_dkim_selector_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MpDkimSelector *self = MP_DKIM_SELECTOR (object);

  switch (prop_id)
    {
    case PROP_SELECTOR_NAME:
      g_value_set_string (value, self->selector_name);
      break;
    case PROP_CREATED:
      g_value_set_boolean (value, self->created);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_CUSTOMER_RECORD:
      g_value_set_string (value, self->customer_record);
      break;
    case PROP_TARGET_RECORD:
      g_value_set_string (value, self->target_record);
      break;
    case PROP_CNAME_IS_VALID:
      g_value_set_boolean (value, self->cname_is_valid);
      break;
    case PROP_TASK_PENDING_ID:
      g_value_set_int64 (value, self->task_pending_id);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, mp_dkim_selector_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_dkim_selector_class_init (MpDkimSelectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mp_dkim_selector_finalize;
  object_class->get_property = mp_dkim_selector_get_property;

  properties[PROP_SELECTOR_NAME] = g_param_spec_string ("selector-name", NULL, NULL, NULL, flags);
  properties[PROP_CREATED] = g_param_spec_boolean ("created", NULL, NULL, FALSE, flags);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, MP_TYPE_DKIM_STATUS,
                                               MP_DKIM_STATUS_NONE, flags);
  properties[PROP_CUSTOMER_RECORD] = g_param_spec_string ("customer-record", NULL, NULL, NULL, flags);
  properties[PROP_TARGET_RECORD] = g_param_spec_string ("target-record", NULL, NULL, NULL, flags);
  properties[PROP_CNAME_IS_VALID] = g_param_spec_boolean ("cname-is-valid", NULL, NULL, FALSE, flags);
  properties[PROP_TASK_PENDING_ID] =
    g_param_spec_int64 ("task-pending-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_dkim_selector_init (MpDkimSelector *self)
{
}

MpDkimSelector *
mp_dkim_selector_new (const char *selector_name)
{
  MpDkimSelector *self;

  g_return_val_if_fail (selector_name != NULL, NULL);

  self = g_object_new (MP_TYPE_DKIM_SELECTOR, NULL);
  self->selector_name = g_strdup (selector_name);
  return self;
}

static void
update_boolean (MpDkimSelector *self,
                gboolean       *field,
                gboolean        value,
                guint           prop_id)
{
  if (*field != value)
    {
      *field = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
    }
}

gboolean
mp_dkim_selector_update_from_json (MpDkimSelector  *self,
                                   JsonNode        *node,
                                   GError         **error)
{
  JsonObject *object;
  gboolean was_busy;
  MpDkimStatus status;
  gint64 task_pending_id;

  g_return_val_if_fail (MP_IS_DKIM_SELECTOR (self), FALSE);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_debug ("DKIM answer for %s is not an object", self->selector_name);
      g_propagate_error (error, mp_ovh_error_new_for_code (MP_OVH_ERROR_MALFORMED));
      return FALSE;
    }

  object = json_node_get_object (node);
  was_busy = mp_dkim_selector_get_busy (self);
  g_object_freeze_notify (G_OBJECT (self));

  update_boolean (self, &self->created, TRUE, PROP_CREATED);
  status = mp_dkim_status_from_string (mp_json_get_string (object, "status"));
  if (status == MP_DKIM_STATUS_NONE)
    status = MP_DKIM_STATUS_UNKNOWN;
  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
  if (mp_json_set_string_field (&self->customer_record, mp_json_get_string (object, "customerRecord")))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_RECORD]);
  if (mp_json_set_string_field (&self->target_record, mp_json_get_string (object, "targetRecord")))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET_RECORD]);
  update_boolean (self, &self->cname_is_valid, mp_json_get_boolean (object, "cnameIsValid", FALSE),
                  PROP_CNAME_IS_VALID);
  task_pending_id = MAX (mp_json_get_int (object, "taskPendingId", 0), 0);
  if (self->task_pending_id != task_pending_id)
    {
      self->task_pending_id = task_pending_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TASK_PENDING_ID]);
    }
  if (was_busy != mp_dkim_selector_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

void
mp_dkim_selector_forget (MpDkimSelector *self)
{
  g_autoptr(JsonNode) empty = json_node_init_object (json_node_alloc (), json_object_new ());

  g_return_if_fail (MP_IS_DKIM_SELECTOR (self));

  g_object_freeze_notify (G_OBJECT (self));
  mp_dkim_selector_update_from_json (self, empty, NULL);
  self->status = MP_DKIM_STATUS_NONE;
  self->created = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
  g_object_thaw_notify (G_OBJECT (self));
}

#define GETTER(type, name, field) \
  type \
  mp_dkim_selector_get_##name (MpDkimSelector *self) \
  { \
    g_return_val_if_fail (MP_IS_DKIM_SELECTOR (self), 0); \
    return self->field; \
  }

GETTER (const char *, selector_name, selector_name)
GETTER (gboolean, created, created)
GETTER (MpDkimStatus, status, status)
GETTER (const char *, customer_record, customer_record)
GETTER (const char *, target_record, target_record)
GETTER (gboolean, cname_is_valid, cname_is_valid)
GETTER (gint64, task_pending_id, task_pending_id)

#undef GETTER

gboolean
mp_dkim_selector_get_busy (MpDkimSelector *self)
{
  g_return_val_if_fail (MP_IS_DKIM_SELECTOR (self), FALSE);

  switch (self->status)
    {
    case MP_DKIM_STATUS_TODO:
    case MP_DKIM_STATUS_ENABLING:
    case MP_DKIM_STATUS_DISABLING:
    case MP_DKIM_STATUS_DELETING:
      return TRUE;
    case MP_DKIM_STATUS_NONE:
    case MP_DKIM_STATUS_UNKNOWN:
    case MP_DKIM_STATUS_WAITING_RECORD:
    case MP_DKIM_STATUS_READY:
    case MP_DKIM_STATUS_IN_PRODUCTION:
    default:
      return self->task_pending_id != 0;
    }
}
