/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

/* The malformed-answer sentence is the API layer's: say it once. */
#include "api/mp-ovh-error-private.h"
#include "mp-enum-types.h"
#include "emailpro/mp-json.h"
#include "emailpro/mp-server.h"

struct _MpServer
{
  GObject        parent_instance;

  gint64         current_disk_usage;
  gint64         disk_size;
  char          *ip;
  char          *ipv6;
  char          *version;
  MpServerState  state;
  gboolean       is_a_valid;
  gboolean       is_aaaa_valid;
  gboolean       is_ptr_valid;
  gboolean       is_ptr_v6_valid;
};

G_DEFINE_FINAL_TYPE (MpServer, mp_server, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CURRENT_DISK_USAGE,
  PROP_DISK_SIZE,
  PROP_DISK_FRACTION,
  PROP_IP,
  PROP_IPV6,
  PROP_VERSION,
  PROP_STATE,
  PROP_IS_A_VALID,
  PROP_IS_AAAA_VALID,
  PROP_IS_PTR_VALID,
  PROP_IS_PTR_V6_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mp_server_finalize (GObject *object)
{
  MpServer *self = (MpServer *) object;

  g_clear_pointer (&self->ip, g_free);
  g_clear_pointer (&self->ipv6, g_free);
  g_clear_pointer (&self->version, g_free);

  G_OBJECT_CLASS (mp_server_parent_class)->finalize (object);
}

static void
mp_server_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MpServer *self = MP_SERVER (object);

  switch (prop_id)
    {
    case PROP_CURRENT_DISK_USAGE:
      g_value_set_int64 (value, self->current_disk_usage);
      break;
    case PROP_DISK_SIZE:
      g_value_set_int64 (value, self->disk_size);
      break;
    case PROP_DISK_FRACTION:
      g_value_set_double (value, mp_server_get_disk_fraction (self));
      break;
    case PROP_IP:
      g_value_set_string (value, self->ip);
      break;
    case PROP_IPV6:
      g_value_set_string (value, self->ipv6);
      break;
    case PROP_VERSION:
      g_value_set_string (value, self->version);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_IS_A_VALID:
      g_value_set_boolean (value, self->is_a_valid);
      break;
    case PROP_IS_AAAA_VALID:
      g_value_set_boolean (value, self->is_aaaa_valid);
      break;
    case PROP_IS_PTR_VALID:
      g_value_set_boolean (value, self->is_ptr_valid);
      break;
    case PROP_IS_PTR_V6_VALID:
      g_value_set_boolean (value, self->is_ptr_v6_valid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define READABLE (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static void
mp_server_class_init (MpServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mp_server_finalize;
  object_class->get_property = mp_server_get_property;

  properties[PROP_CURRENT_DISK_USAGE] =
    g_param_spec_int64 ("current-disk-usage", NULL, NULL, G_MININT64, G_MAXINT64, -1, READABLE);
  properties[PROP_DISK_SIZE] =
    g_param_spec_int64 ("disk-size", NULL, NULL, G_MININT64, G_MAXINT64, -1, READABLE);
  properties[PROP_DISK_FRACTION] =
    g_param_spec_double ("disk-fraction", NULL, NULL, -1.0, 1.0, -1.0, READABLE);
  properties[PROP_IP] = g_param_spec_string ("ip", NULL, NULL, NULL, READABLE);
  properties[PROP_IPV6] = g_param_spec_string ("ipv6", NULL, NULL, NULL, READABLE);
  properties[PROP_VERSION] = g_param_spec_string ("version", NULL, NULL, NULL, READABLE);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, MP_TYPE_SERVER_STATE, MP_SERVER_STATE_UNKNOWN, READABLE);
  properties[PROP_IS_A_VALID] = g_param_spec_boolean ("is-a-valid", NULL, NULL, FALSE, READABLE);
  properties[PROP_IS_AAAA_VALID] = g_param_spec_boolean ("is-aaaa-valid", NULL, NULL, FALSE, READABLE);
  properties[PROP_IS_PTR_VALID] = g_param_spec_boolean ("is-ptr-valid", NULL, NULL, FALSE, READABLE);
  properties[PROP_IS_PTR_V6_VALID] = g_param_spec_boolean ("is-ptr-v6-valid", NULL, NULL, FALSE, READABLE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_server_init (MpServer *self)
{
  self->current_disk_usage = -1;
  self->disk_size = -1;
}

static void
set_string (MpServer    *self,
            char       **field,
            const char  *value,
            guint        prop_id)
{
  if (mp_json_set_string_field (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_boolean (MpServer *self,
             gboolean *field,
             gboolean  value,
             guint     prop_id)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

MpServer *
mp_server_new_from_json (JsonNode  *node,
                         GError   **error)
{
  g_autoptr(MpServer) self = g_object_new (MP_TYPE_SERVER, NULL);

  if (!mp_server_update_from_json (self, node, error))
    return NULL;

  return g_steal_pointer (&self);
}

gboolean
mp_server_update_from_json (MpServer  *self,
                            JsonNode  *node,
                            GError   **error)
{
  JsonObject *object;
  double old_fraction;
  gint64 usage, size;
  MpServerState state;

  g_return_val_if_fail (MP_IS_SERVER (self), FALSE);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_debug ("Server answer is not a JSON object");
      g_propagate_error (error, mp_ovh_error_new_for_code (MP_OVH_ERROR_MALFORMED));
      return FALSE;
    }

  object = json_node_get_object (node);
  old_fraction = mp_server_get_disk_fraction (self);

  g_object_freeze_notify (G_OBJECT (self));

  usage = mp_json_get_int (object, "currentDiskUsage", -1);
  if (usage != self->current_disk_usage)
    {
      self->current_disk_usage = usage;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_DISK_USAGE]);
    }

  size = mp_json_get_int (object, "diskSize", -1);
  if (size != self->disk_size)
    {
      self->disk_size = size;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISK_SIZE]);
    }

  if (old_fraction != mp_server_get_disk_fraction (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISK_FRACTION]);

  set_string (self, &self->ip, mp_json_get_string (object, "ip"), PROP_IP);
  set_string (self, &self->ipv6, mp_json_get_string (object, "ipV6"), PROP_IPV6);
  set_string (self, &self->version, mp_json_get_string (object, "version"), PROP_VERSION);

  state = mp_server_state_from_string (mp_json_get_string (object, "state"));
  if (state != self->state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }

  set_boolean (self, &self->is_a_valid,
               mp_json_get_boolean (object, "isAValid", FALSE), PROP_IS_A_VALID);
  set_boolean (self, &self->is_aaaa_valid,
               mp_json_get_boolean (object, "isAaaaValid", FALSE), PROP_IS_AAAA_VALID);
  set_boolean (self, &self->is_ptr_valid,
               mp_json_get_boolean (object, "isPtrValid", FALSE), PROP_IS_PTR_VALID);
  set_boolean (self, &self->is_ptr_v6_valid,
               mp_json_get_boolean (object, "isPtrV6Valid", FALSE), PROP_IS_PTR_V6_VALID);

  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
}

gint64
mp_server_get_current_disk_usage (MpServer *self)
{
  g_return_val_if_fail (MP_IS_SERVER (self), -1);
  return self->current_disk_usage;
}

gint64
mp_server_get_disk_size (MpServer *self)
{
  g_return_val_if_fail (MP_IS_SERVER (self), -1);
  return self->disk_size;
}

double
mp_server_get_disk_fraction (MpServer *self)
{
  g_return_val_if_fail (MP_IS_SERVER (self), -1.0);

  if (self->current_disk_usage < 0 || self->disk_size <= 0)
    return -1.0;

  return CLAMP ((double) self->current_disk_usage / (double) self->disk_size, 0.0, 1.0);
}

const char *
mp_server_get_ip (MpServer *self)
{
  g_return_val_if_fail (MP_IS_SERVER (self), NULL);
  return self->ip;
}

const char *
mp_server_get_ipv6 (MpServer *self)
{
  g_return_val_if_fail (MP_IS_SERVER (self), NULL);
  return self->ipv6;
}

const char *
mp_server_get_version (MpServer *self)
{
  g_return_val_if_fail (MP_IS_SERVER (self), NULL);
  return self->version;
}

MpServerState
mp_server_get_state (MpServer *self)
{
  g_return_val_if_fail (MP_IS_SERVER (self), MP_SERVER_STATE_UNKNOWN);
  return self->state;
}

gboolean
mp_server_get_is_a_valid (MpServer *self)
{
  g_return_val_if_fail (MP_IS_SERVER (self), FALSE);
  return self->is_a_valid;
}

gboolean
mp_server_get_is_aaaa_valid (MpServer *self)
{
  g_return_val_if_fail (MP_IS_SERVER (self), FALSE);
  return self->is_aaaa_valid;
}

gboolean
mp_server_get_is_ptr_valid (MpServer *self)
{
  g_return_val_if_fail (MP_IS_SERVER (self), FALSE);
  return self->is_ptr_valid;
}

gboolean
mp_server_get_is_ptr_v6_valid (MpServer *self)
{
  g_return_val_if_fail (MP_IS_SERVER (self), FALSE);
  return self->is_ptr_v6_valid;
}
