/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mp-ovh-client-private.h"

#define REQUEST_TIMEOUT_SECONDS 30

G_DEFINE_FINAL_TYPE (MpOvhClient, mp_ovh_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_APPLICATION_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Secrets are wiped before their memory goes back to the allocator. */
void
mp_ovh_clear_secret (char **secret)
{
  if (*secret != NULL)
    {
      explicit_bzero (*secret, strlen (*secret));
      g_clear_pointer (secret, g_free);
    }
}

static void
mp_ovh_client_dispose (GObject *object)
{
  MpOvhClient *self = MP_OVH_CLIENT (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->resume_source_id, g_source_remove);

  G_OBJECT_CLASS (mp_ovh_client_parent_class)->dispose (object);
}

static void
mp_ovh_client_finalize (GObject *object)
{
  MpOvhClient *self = MP_OVH_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_free (self->base_url);
  g_free (self->application_key);
  mp_ovh_clear_secret (&self->application_secret);
  mp_ovh_clear_secret (&self->consumer_key);

  G_OBJECT_CLASS (mp_ovh_client_parent_class)->finalize (object);
}

static void
mp_ovh_client_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MpOvhClient *self = MP_OVH_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    case PROP_APPLICATION_KEY:
      g_value_set_string (value, self->application_key);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_ovh_client_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  MpOvhClient *self = MP_OVH_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      {
        const char *url = g_value_get_string (value);
        gsize len = url != NULL ? strlen (url) : 0;

        /* Paths start with "/", so a trailing one would give "//" in every signed URL. */
        while (len > 0 && url[len - 1] == '/')
          len--;
        self->base_url = g_strndup (url != NULL ? url : "", len);
      }
      break;

    case PROP_APPLICATION_KEY:
      self->application_key = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_ovh_client_class_init (MpOvhClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mp_ovh_client_dispose;
  object_class->finalize = mp_ovh_client_finalize;
  object_class->get_property = mp_ovh_client_get_property;
  object_class->set_property = mp_ovh_client_set_property;

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_APPLICATION_KEY] =
    g_param_spec_string ("application-key", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_ovh_client_init (MpOvhClient *self)
{
  self->session = soup_session_new_with_options ("user-agent", "Mailpost/" PACKAGE_VERSION,
                                                 "timeout", REQUEST_TIMEOUT_SECONDS,
                                                 "max-conns", 2 * MP_OVH_CLIENT_MAX_IN_FLIGHT,
                                                 "max-conns-per-host", MP_OVH_CLIENT_MAX_IN_FLIGHT,
                                                 NULL);
  self->cancellable = g_cancellable_new ();
  /* The provider's own manager asks for 5000 objects per page (ovh-api.md §3.1). */
  self->list_page_size = 5000;
  g_queue_init (&self->queue);
  g_queue_init (&self->time_waiters);
}

MpOvhClient *
mp_ovh_client_new (const char *base_url,
                   const char *application_key)
{
  g_return_val_if_fail (base_url != NULL, NULL);
  g_return_val_if_fail (application_key != NULL, NULL);

  return g_object_new (MP_TYPE_OVH_CLIENT,
                       "base-url", base_url,
                       "application-key", application_key,
                       NULL);
}

const char *
mp_ovh_client_get_base_url (MpOvhClient *self)
{
  g_return_val_if_fail (MP_IS_OVH_CLIENT (self), NULL);

  return self->base_url;
}

const char *
mp_ovh_client_get_application_key (MpOvhClient *self)
{
  g_return_val_if_fail (MP_IS_OVH_CLIENT (self), NULL);

  return self->application_key;
}

void
mp_ovh_client_set_secrets (MpOvhClient *self,
                           const char  *application_secret,
                           const char  *consumer_key)
{
  g_return_if_fail (MP_IS_OVH_CLIENT (self));

  mp_ovh_clear_secret (&self->application_secret);
  self->application_secret = g_strdup (application_secret);
  mp_ovh_client_set_consumer_key (self, consumer_key);
}

void
mp_ovh_client_set_consumer_key (MpOvhClient *self,
                                const char  *consumer_key)
{
  g_return_if_fail (MP_IS_OVH_CLIENT (self));

  if (consumer_key == self->consumer_key)
    return;

  mp_ovh_clear_secret (&self->consumer_key);
  self->consumer_key = g_strdup (consumer_key);
}

const char *
mp_ovh_client_get_consumer_key (MpOvhClient *self)
{
  g_return_val_if_fail (MP_IS_OVH_CLIENT (self), NULL);

  return self->consumer_key;
}

gboolean
mp_ovh_client_has_secrets (MpOvhClient *self)
{
  g_return_val_if_fail (MP_IS_OVH_CLIENT (self), FALSE);

  return self->application_secret != NULL && *self->application_secret != '\0' &&
         self->consumer_key != NULL && *self->consumer_key != '\0';
}

guint
mp_ovh_client_get_request_count (MpOvhClient *self)
{
  g_return_val_if_fail (MP_IS_OVH_CLIENT (self), 0);

  return self->request_count;
}

guint
mp_ovh_client_get_peak_in_flight (MpOvhClient *self)
{
  g_return_val_if_fail (MP_IS_OVH_CLIENT (self), 0);

  return self->peak_in_flight;
}

void
mp_ovh_client_reset_statistics (MpOvhClient *self)
{
  g_return_if_fail (MP_IS_OVH_CLIENT (self));

  self->request_count = 0;
  self->peak_in_flight = self->in_flight;
}

char *
mp_ovh_client_escape_segment (const char *segment)
{
  g_return_val_if_fail (segment != NULL, NULL);

  return g_uri_escape_string (segment, NULL, FALSE);
}

void
mp_ovh_client_call_async (MpOvhClient         *self,
                          const char          *method,
                          const char          *path,
                          JsonNode            *body,
                          MpOvhCallFlags       flags,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  mp_ovh_client_request_async (self, method, path, body, flags, NULL,
                               cancellable, callback, user_data);
}

JsonNode *
mp_ovh_client_call_finish (MpOvhClient   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return mp_ovh_client_request_finish (self, result, NULL, NULL, error);
}
