/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

/* The malformed-answer sentence is the API layer's: say it once. */
#include "api/mp-ovh-error-private.h"
#include "mp-enum-types.h"
#include "emailpro/mp-json.h"
#include "emailpro/mp-task.h"

struct _MpTask
{
  GObject       parent_instance;

  gint64        id;
  char         *function;
  MpTaskStatus  status;
  GDateTime    *todo_date;
  GDateTime    *finish_date;
};

G_DEFINE_FINAL_TYPE (MpTask, mp_task, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_FUNCTION,
  PROP_FUNCTION_LABEL,
  PROP_STATUS,
  PROP_TODO_DATE,
  PROP_FINISH_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mp_task_finalize (GObject *object)
{
  MpTask *self = (MpTask *) object;

  g_clear_pointer (&self->function, g_free);
  g_clear_pointer (&self->todo_date, g_date_time_unref);
  g_clear_pointer (&self->finish_date, g_date_time_unref);

  G_OBJECT_CLASS (mp_task_parent_class)->finalize (object);
}

static void
mp_task_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  MpTask *self = MP_TASK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_FUNCTION:
      g_value_set_string (value, self->function);
      break;
    case PROP_FUNCTION_LABEL:
      g_value_set_string (value, mp_task_get_function_label (self));
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_TODO_DATE:
      g_value_set_boxed (value, self->todo_date);
      break;
    case PROP_FINISH_DATE:
      g_value_set_boxed (value, self->finish_date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define READABLE (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
mp_task_class_init (MpTaskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mp_task_finalize;
  object_class->get_property = mp_task_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0, READABLE);
  properties[PROP_FUNCTION] = g_param_spec_string ("function", NULL, NULL, NULL, READABLE);
  properties[PROP_FUNCTION_LABEL] = g_param_spec_string ("function-label", NULL, NULL, NULL, READABLE);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, MP_TYPE_TASK_STATUS, MP_TASK_STATUS_UNKNOWN, READABLE);
  properties[PROP_TODO_DATE] = g_param_spec_boxed ("todo-date", NULL, NULL, G_TYPE_DATE_TIME, READABLE);
  properties[PROP_FINISH_DATE] = g_param_spec_boxed ("finish-date", NULL, NULL, G_TYPE_DATE_TIME, READABLE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_task_init (MpTask *self)
{
}

static void
set_date_time (MpTask     *self,
               GDateTime **field,
               GDateTime  *value,
               guint       prop_id)
{
  if (*field == value ||
      (*field != NULL && value != NULL && g_date_time_equal (*field, value)))
    return;

  g_clear_pointer (field, g_date_time_unref);
  *field = value != NULL ? g_date_time_ref (value) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static gboolean
get_task_id (JsonNode  *node,
             gint64    *id,
             GError   **error)
{
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      /* Ids are positive; 0 or a negative number is as good as no id. */
      *id = mp_json_get_int (json_node_get_object (node), "id", 0);
      if (*id > 0)
        return TRUE;
    }

  g_debug ("Task answer is not an object with a numeric \"id\"");
  g_propagate_error (error, mp_ovh_error_new_for_code (MP_OVH_ERROR_MALFORMED));
  return FALSE;
}

MpTask *
mp_task_new_from_json (JsonNode  *node,
                       GError   **error)
{
  g_autoptr(MpTask) self = NULL;
  gint64 id;

  if (!get_task_id (node, &id, error))
    return NULL;

  self = g_object_new (MP_TYPE_TASK, NULL);
  self->id = id;

  if (!mp_task_update_from_json (self, node, error))
    return NULL;

  return g_steal_pointer (&self);
}

gboolean
mp_task_update_from_json (MpTask    *self,
                          JsonNode  *node,
                          GError   **error)
{
  g_autoptr(GDateTime) todo_date = NULL;
  g_autoptr(GDateTime) finish_date = NULL;
  JsonObject *object;
  MpTaskStatus status;
  gint64 id;

  g_return_val_if_fail (MP_IS_TASK (self), FALSE);

  if (!get_task_id (node, &id, error))
    return FALSE;

  if (id != self->id)
    {
      g_debug ("Task answer for task %" G_GINT64_FORMAT " instead of %" G_GINT64_FORMAT,
               id, self->id);
      g_propagate_error (error, mp_ovh_error_new_for_code (MP_OVH_ERROR_MALFORMED));
      return FALSE;
    }

  object = json_node_get_object (node);

  g_object_freeze_notify (G_OBJECT (self));

  if (mp_json_set_string_field (&self->function, mp_json_get_string (object, "function")))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FUNCTION]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FUNCTION_LABEL]);
    }

  status = mp_task_status_from_string (mp_json_get_string (object, "status"));
  if (status != self->status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }

  todo_date = mp_json_get_date_time (object, "todoDate");
  set_date_time (self, &self->todo_date, todo_date, PROP_TODO_DATE);
  finish_date = mp_json_get_date_time (object, "finishDate");
  set_date_time (self, &self->finish_date, finish_date, PROP_FINISH_DATE);

  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
}

gint64
mp_task_get_id (MpTask *self)
{
  g_return_val_if_fail (MP_IS_TASK (self), 0);
  return self->id;
}

const char *
mp_task_get_function (MpTask *self)
{
  g_return_val_if_fail (MP_IS_TASK (self), NULL);
  return self->function;
}

const char *
mp_task_get_function_label (MpTask *self)
{
  g_return_val_if_fail (MP_IS_TASK (self), NULL);
  return mp_task_function_get_label (self->function);
}

MpTaskStatus
mp_task_get_status (MpTask *self)
{
  g_return_val_if_fail (MP_IS_TASK (self), MP_TASK_STATUS_UNKNOWN);
  return self->status;
}

GDateTime *
mp_task_get_todo_date (MpTask *self)
{
  g_return_val_if_fail (MP_IS_TASK (self), NULL);
  return self->todo_date;
}

GDateTime *
mp_task_get_finish_date (MpTask *self)
{
  g_return_val_if_fail (MP_IS_TASK (self), NULL);
  return self->finish_date;
}
