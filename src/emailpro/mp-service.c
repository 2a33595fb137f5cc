/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

/* The malformed-answer sentence is the API layer's: say it once. */
#include "api/mp-ovh-error-private.h"
#include "mp-enum-types.h"
#include "emailpro/mp-json.h"
#include "emailpro/mp-service.h"


struct _MpService
{
  GObject        parent_instance;

  char          *name;
  char          *display_name;
  char          *hostname;
  char          *web_url;
  char          *offer;
  MpServiceState state;
  gboolean       complexity_enabled;
  gint64         min_password_length;
  gint64         min_password_age;
  gint64         max_password_age;
  gint64         lockout_threshold;
  gint64         lockout_duration;
  gint64         lockout_observation_window;
  gint64         max_send_size;
  gint64         max_receive_size;
  gint64         task_pending_id;
};

G_DEFINE_FINAL_TYPE (MpService, mp_service, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DISPLAY_NAME,
  PROP_TITLE,
  PROP_HOSTNAME,
  PROP_WEB_URL,
  PROP_OFFER,
  PROP_STATE,
  PROP_COMPLEXITY_ENABLED,
  PROP_MIN_PASSWORD_LENGTH,
  PROP_MIN_PASSWORD_AGE,
  PROP_MAX_PASSWORD_AGE,
  PROP_LOCKOUT_THRESHOLD,
  PROP_LOCKOUT_DURATION,
  PROP_LOCKOUT_OBSERVATION_WINDOW,
  PROP_MAX_SEND_SIZE,
  PROP_MAX_RECEIVE_SIZE,
  PROP_TASK_PENDING_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mp_service_finalize (GObject *object)
{
  MpService *self = (MpService *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->hostname, g_free);
  g_clear_pointer (&self->web_url, g_free);
  g_clear_pointer (&self->offer, g_free);

  G_OBJECT_CLASS (mp_service_parent_class)->finalize (object);
}

static void
mp_service_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MpService *self = MP_SERVICE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case PROP_TITLE:
      g_value_set_string (value, mp_service_get_title (self));
      break;
    case PROP_HOSTNAME:
      g_value_set_string (value, self->hostname);
      break;
    case PROP_WEB_URL:
      g_value_set_string (value, self->web_url);
      break;
    case PROP_OFFER:
      g_value_set_string (value, self->offer);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_COMPLEXITY_ENABLED:
      g_value_set_boolean (value, self->complexity_enabled);
      break;
    case PROP_MIN_PASSWORD_LENGTH:
      g_value_set_int64 (value, self->min_password_length);
      break;
    case PROP_MIN_PASSWORD_AGE:
      g_value_set_int64 (value, self->min_password_age);
      break;
    case PROP_MAX_PASSWORD_AGE:
      g_value_set_int64 (value, self->max_password_age);
      break;
    case PROP_LOCKOUT_THRESHOLD:
      g_value_set_int64 (value, self->lockout_threshold);
      break;
    case PROP_LOCKOUT_DURATION:
      g_value_set_int64 (value, self->lockout_duration);
      break;
    case PROP_LOCKOUT_OBSERVATION_WINDOW:
      g_value_set_int64 (value, self->lockout_observation_window);
      break;
    case PROP_MAX_SEND_SIZE:
      g_value_set_int64 (value, self->max_send_size);
      break;
    case PROP_MAX_RECEIVE_SIZE:
      g_value_set_int64 (value, self->max_receive_size);
      break;
    case PROP_TASK_PENDING_ID:
      g_value_set_int64 (value, self->task_pending_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
int64_param (const char *name,
             gint64      default_value)
{
  return g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, default_value,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
string_param (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
mp_service_class_init (MpServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mp_service_finalize;
  object_class->get_property = mp_service_get_property;

  properties[PROP_NAME] = string_param ("name");
  properties[PROP_DISPLAY_NAME] = string_param ("display-name");
  properties[PROP_TITLE] = string_param ("title");
  properties[PROP_HOSTNAME] = string_param ("hostname");
  properties[PROP_WEB_URL] = string_param ("web-url");
  properties[PROP_OFFER] = string_param ("offer");
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       MP_TYPE_SERVICE_STATE, MP_SERVICE_STATE_UNKNOWN,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPLEXITY_ENABLED] =
    g_param_spec_boolean ("complexity-enabled", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MIN_PASSWORD_LENGTH] = int64_param ("min-password-length", -1);
  properties[PROP_MIN_PASSWORD_AGE] = int64_param ("min-password-age", -1);
  properties[PROP_MAX_PASSWORD_AGE] = int64_param ("max-password-age", -1);
  properties[PROP_LOCKOUT_THRESHOLD] = int64_param ("lockout-threshold", -1);
  properties[PROP_LOCKOUT_DURATION] = int64_param ("lockout-duration", -1);
  properties[PROP_LOCKOUT_OBSERVATION_WINDOW] = int64_param ("lockout-observation-window", -1);
  properties[PROP_MAX_SEND_SIZE] = int64_param ("max-send-size", -1);
  properties[PROP_MAX_RECEIVE_SIZE] = int64_param ("max-receive-size", -1);
  properties[PROP_TASK_PENDING_ID] = int64_param ("task-pending-id", 0);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_service_init (MpService *self)
{
  self->offer = g_strdup ("");
  self->min_password_length = -1;
  self->min_password_age = -1;
  self->max_password_age = -1;
  self->lockout_threshold = -1;
  self->lockout_duration = -1;
  self->lockout_observation_window = -1;
  self->max_send_size = -1;
  self->max_receive_size = -1;
}

static void
set_string (MpService   *self,
            char       **field,
            const char  *value,
            guint        prop_id)
{
  if (mp_json_set_string_field (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_int (MpService *self,
         gint64    *field,
         gint64     value,
         guint      prop_id)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static const char *
get_service_name (JsonNode  *node,
                  GError   **error)
{
  const char *name = NULL;

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    name = mp_json_get_string (json_node_get_object (node), "domain");

  if (name == NULL || *name == '\0')
    {
      g_debug ("Service answer is not an object with a \"domain\" string");
      g_propagate_error (error, mp_ovh_error_new_for_code (MP_OVH_ERROR_MALFORMED));
      return NULL;
    }

  return name;
}

MpService *
mp_service_new_from_json (JsonNode  *node,
                          GError   **error)
{
  g_autoptr(MpService) self = NULL;

  if (get_service_name (node, error) == NULL)
    return NULL;

  self = g_object_new (MP_TYPE_SERVICE, NULL);
  if (!mp_service_update_from_json (self, node, error))
    return NULL;

  return g_steal_pointer (&self);
}

gboolean
mp_service_update_from_json (MpService  *self,
                             JsonNode   *node,
                             GError    **error)
{
  g_autofree char *old_title = NULL;
  const char *name;
  const char *offer;
  JsonObject *object;

  g_return_val_if_fail (MP_IS_SERVICE (self), FALSE);

  if ((name = get_service_name (node, error)) == NULL)
    return FALSE;

  /* A service's name is its identity: an answer about another one is not an update. */
  if (self->name != NULL && g_strcmp0 (self->name, name) != 0)
    {
      g_debug ("Service answer for another service than %s", self->name);
      g_propagate_error (error, mp_ovh_error_new_for_code (MP_OVH_ERROR_MALFORMED));
      return FALSE;
    }

  object = json_node_get_object (node);
  old_title = g_strdup (mp_service_get_title (self));

  g_object_freeze_notify (G_OBJECT (self));

  set_string (self, &self->name, name, PROP_NAME);
  set_string (self, &self->display_name, mp_json_get_string (object, "displayName"), PROP_DISPLAY_NAME);
  set_string (self, &self->hostname, mp_json_get_string (object, "hostname"), PROP_HOSTNAME);
  set_string (self, &self->web_url, mp_json_get_string (object, "webUrl"), PROP_WEB_URL);
  offer = mp_json_get_string (object, "offer");
  set_string (self, &self->offer, offer != NULL ? offer : "", PROP_OFFER);

  if (g_strcmp0 (old_title, mp_service_get_title (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);

  {
    MpServiceState state = mp_service_state_from_string (mp_json_get_string (object, "state"));
    gboolean complexity = mp_json_get_boolean (object, "complexityEnabled", FALSE);

    if (self->state != state)
      {
        self->state = state;
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
      }

    if (self->complexity_enabled != complexity)
      {
        self->complexity_enabled = complexity;
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLEXITY_ENABLED]);
      }
  }

  set_int (self, &self->min_password_length,
           mp_json_get_int (object, "minPasswordLength", -1), PROP_MIN_PASSWORD_LENGTH);
  set_int (self, &self->min_password_age,
           mp_json_get_int (object, "minPasswordAge", -1), PROP_MIN_PASSWORD_AGE);
  set_int (self, &self->max_password_age,
           mp_json_get_int (object, "maxPasswordAge", -1), PROP_MAX_PASSWORD_AGE);
  set_int (self, &self->lockout_threshold,
           mp_json_get_int (object, "lockoutThreshold", -1), PROP_LOCKOUT_THRESHOLD);
  set_int (self, &self->lockout_duration,
           mp_json_get_int (object, "lockoutDuration", -1), PROP_LOCKOUT_DURATION);
  set_int (self, &self->lockout_observation_window,
           mp_json_get_int (object, "lockoutObservationWindow", -1), PROP_LOCKOUT_OBSERVATION_WINDOW);
  set_int (self, &self->max_send_size,
           mp_json_get_int (object, "maxSendSize", -1), PROP_MAX_SEND_SIZE);
  set_int (self, &self->max_receive_size,
           mp_json_get_int (object, "maxReceiveSize", -1), PROP_MAX_RECEIVE_SIZE);
  set_int (self, &self->task_pending_id,
           mp_json_get_int (object, "taskPendingId", 0), PROP_TASK_PENDING_ID);

  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
}

const char *
mp_service_get_name (MpService *self)
{
  g_return_val_if_fail (MP_IS_SERVICE (self), NULL);
  return self->name;
}

const char *
mp_service_get_display_name (MpService *self)
{
  g_return_val_if_fail (MP_IS_SERVICE (self), NULL);
  return self->display_name;
}

const char *
mp_service_get_title (MpService *self)
{
  g_return_val_if_fail (MP_IS_SERVICE (self), NULL);

  if (self->display_name != NULL && *self->display_name != '\0')
    return self->display_name;

  return self->name;
}

const char *
mp_service_get_hostname (MpService *self)
{
  g_return_val_if_fail (MP_IS_SERVICE (self), NULL);
  return self->hostname;
}

const char *
mp_service_get_web_url (MpService *self)
{
  g_return_val_if_fail (MP_IS_SERVICE (self), NULL);
  return self->web_url;
}

const char *
mp_service_get_offer (MpService *self)
{
  g_return_val_if_fail (MP_IS_SERVICE (self), NULL);
  return self->offer;
}

MpServiceState
mp_service_get_state (MpService *self)
{
  g_return_val_if_fail (MP_IS_SERVICE (self), MP_SERVICE_STATE_UNKNOWN);
  return self->state;
}

gboolean
mp_service_get_complexity_enabled (MpService *self)
{
  g_return_val_if_fail (MP_IS_SERVICE (self), FALSE);
  return self->complexity_enabled;
}

gint64
mp_service_get_min_password_length (MpService *self)
{
  g_return_val_if_fail (MP_IS_SERVICE (self), -1);
  return self->min_password_length;
}

gint64
mp_service_get_min_password_age (MpService *self)
{
  g_return_val_if_fail (MP_IS_SERVICE (self), -1);
  return self->min_password_age;
}

gint64
mp_service_get_max_password_age (MpService *self)
{
  g_return_val_if_fail (MP_IS_SERVICE (self), -1);
  return self->max_password_age;
}

gint64
mp_service_get_lockout_threshold (MpService *self)
{
  g_return_val_if_fail (MP_IS_SERVICE (self), -1);
  return self->lockout_threshold;
}

gint64
mp_service_get_lockout_duration (MpService *self)
{
  g_return_val_if_fail (MP_IS_SERVICE (self), -1);
  return self->lockout_duration;
}

gint64
mp_service_get_lockout_observation_window (MpService *self)
{
  g_return_val_if_fail (MP_IS_SERVICE (self), -1);
  return self->lockout_observation_window;
}

gint64
mp_service_get_max_send_size (MpService *self)
{
  g_return_val_if_fail (MP_IS_SERVICE (self), -1);
  return self->max_send_size;
}

gint64
mp_service_get_max_receive_size (MpService *self)
{
  g_return_val_if_fail (MP_IS_SERVICE (self), -1);
  return self->max_receive_size;
}

gint64
mp_service_get_task_pending_id (MpService *self)
{
  g_return_val_if_fail (MP_IS_SERVICE (self), 0);
  return self->task_pending_id;
}
