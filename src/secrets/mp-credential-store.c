/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libsecret/secret.h>
#include <string.h>

#include "api/mp-ovh-endpoint.h"
#include "secrets/mp-credential-store.h"

#define SCHEMA_VERSION 1

struct _MpCredentialStore
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (MpCredentialStore, mp_credential_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (mp-credential-error-quark, mp_credential_error)
G_DEFINE_BOXED_TYPE (MpCredentials, mp_credentials, mp_credentials_copy, mp_credentials_free)

static const SecretSchema credentials_schema = {
  .name = "io.github.mailpost.Mailpost.Credentials",
  .flags = SECRET_SCHEMA_NONE,
  .attributes = {
    { .name = "endpoint", .type = SECRET_SCHEMA_ATTRIBUTE_STRING },
    { .name = "application-key", .type = SECRET_SCHEMA_ATTRIBUTE_STRING },
    { .name = "version", .type = SECRET_SCHEMA_ATTRIBUTE_INTEGER },
    { .name = NULL },
  },
};

/* One item per endpoint and application key, in the schema's current version. */
static GHashTable *
build_attributes (const char *endpoint,
                  const char *application_key)
{
  return secret_attributes_build (&credentials_schema,
                                  "endpoint", endpoint,
                                  "application-key", application_key,
                                  "version", SCHEMA_VERSION,
                                  NULL);
}

/* A plain memset before free may be dropped by the optimiser as a dead store. */
static void
wipe_string (char *text)
{
  if (text == NULL)
    return;

  explicit_bzero (text, strlen (text));
  g_free (text);
}

MpCredentials *
mp_credentials_new (const char *endpoint,
                    const char *application_key,
                    const char *application_secret,
                    const char *consumer_key)
{
  MpCredentials *self = g_new0 (MpCredentials, 1);

  self->endpoint = g_strdup (endpoint);
  self->application_key = g_strdup (application_key);
  self->application_secret = g_strdup (application_secret);
  self->consumer_key = g_strdup (consumer_key);

  return self;
}

MpCredentials *
mp_credentials_copy (const MpCredentials *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return mp_credentials_new (self->endpoint, self->application_key,
                             self->application_secret, self->consumer_key);
}

void
mp_credentials_free (MpCredentials *self)
{
  if (self == NULL)
    return;

  g_free (self->endpoint);
  g_free (self->application_key);
  wipe_string (self->application_secret);
  wipe_string (self->consumer_key);
  g_free (self);
}

static const char *
get_non_empty_env (const char *name)
{
  const char *value = g_getenv (name);

  return value != NULL && *value != '\0' ? value : NULL;
}

MpCredentials *
mp_credentials_new_from_environment (GError **error)
{
  const char *endpoint = get_non_empty_env ("OVH_ENDPOINT");
  const char *application_key = get_non_empty_env ("OVH_APPLICATION_KEY");
  const char *application_secret = get_non_empty_env ("OVH_APPLICATION_SECRET");
  const char *consumer_key = get_non_empty_env ("OVH_CONSUMER_KEY");
  g_autofree char *base_url = NULL;

  if (application_key == NULL || application_secret == NULL || consumer_key == NULL)
    return NULL;

  /* The official clients' default region. */
  base_url = mp_ovh_endpoint_resolve (endpoint != NULL ? endpoint : "ovh-eu", error);
  if (base_url == NULL)
    return NULL;

  return mp_credentials_new (base_url, application_key, application_secret, consumer_key);
}

static void
mp_credential_store_class_init (MpCredentialStoreClass *klass)
{
}

static void
mp_credential_store_init (MpCredentialStore *self)
{
}

MpCredentialStore *
mp_credential_store_new (void)
{
  return g_object_new (MP_TYPE_CREDENTIAL_STORE, NULL);
}

/* libsecret's errors name D-Bus objects and methods; people get a sentence they can act on,
 * the details go to the debug log.  Cancellation stays what it is. */
static GError *
map_secret_error (const GError *error,
                  const char   *operation)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  g_debug ("Keyring %s failed: %s (%s %d)", operation, error->message,
           g_quark_to_string (error->domain), error->code);

  if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    return g_error_new_literal (MP_CREDENTIAL_ERROR, MP_CREDENTIAL_ERROR_UNAVAILABLE,
                                _("The keyring that keeps your OVHcloud keys is locked. Unlock it, then try again."));

  return g_error_new_literal (MP_CREDENTIAL_ERROR, MP_CREDENTIAL_ERROR_UNAVAILABLE,
                              _("Mailpost could not reach the keyring that keeps your OVHcloud keys. Make sure a keyring service such as GNOME Keyring is running, then try again."));
}

static char *
build_secret (const MpCredentials *credentials)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "application_secret");
  json_builder_add_string_value (builder, credentials->application_secret);
  json_builder_set_member_name (builder, "consumer_key");
  json_builder_add_string_value (builder, credentials->consumer_key);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_task_return_error (task, map_secret_error (error, "store"));
  else
    g_task_return_boolean (task, TRUE);
}

void
mp_credential_store_save_async (MpCredentialStore    *self,
                                const MpCredentials  *credentials,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;
  char *secret;

  g_return_if_fail (MP_IS_CREDENTIAL_STORE (self));
  g_return_if_fail (credentials != NULL);
  g_return_if_fail (credentials->endpoint != NULL && credentials->application_key != NULL);
  g_return_if_fail (credentials->application_secret != NULL && credentials->consumer_key != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp_credential_store_save_async);

  /* TRANSLATORS: the name of the keyring item, as seen in Passwords and Keys;
   * %s is the API address, e.g. https://eu.api.ovh.com/1.0 */
  label = g_strdup_printf (_("Mailpost: OVHcloud API keys (%s)"), credentials->endpoint);
  secret = build_secret (credentials);

  /* libsecret copies the secret before this returns. */
  attributes = build_attributes (credentials->endpoint, credentials->application_key);
  secret_password_storev (&credentials_schema, attributes, SECRET_COLLECTION_DEFAULT, label, secret,
                          cancellable, save_cb, g_steal_pointer (&task));
  wipe_string (secret);
}

gboolean
mp_credential_store_save_finish (MpCredentialStore  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_return_val_if_fail (MP_IS_CREDENTIAL_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  char *endpoint;
  char *application_key;
} LookupData;

static void
lookup_data_free (LookupData *data)
{
  g_free (data->endpoint);
  g_free (data->application_key);
  g_free (data);
}

static MpCredentials *
parse_secret (const char  *secret,
              const char  *endpoint,
              const char  *application_key,
              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *object;
  const char *application_secret = NULL;
  const char *consumer_key = NULL;

  if (json_parser_load_from_data (parser, secret, -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL &&
      JSON_NODE_HOLDS_OBJECT (root))
    {
      object = json_node_get_object (root);
      if (json_object_has_member (object, "application_secret") &&
          json_object_has_member (object, "consumer_key"))
        {
          application_secret = json_object_get_string_member_with_default (object, "application_secret", NULL);
          consumer_key = json_object_get_string_member_with_default (object, "consumer_key", NULL);
        }
    }

  if (application_secret == NULL || *application_secret == '\0' ||
      consumer_key == NULL || *consumer_key == '\0')
    {
      /* Never log the value itself: it is supposed to be a secret. */
      g_debug ("Keyring item for %s is not the JSON object Mailpost stores", endpoint);
      g_set_error_literal (error, MP_CREDENTIAL_ERROR, MP_CREDENTIAL_ERROR_CORRUPT,
                           _("The OVHcloud keys in the keyring are damaged. Sign in again to replace them."));
      return NULL;
    }

  return mp_credentials_new (endpoint, application_key, application_secret, consumer_key);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  LookupData *data = g_task_get_task_data (task);
  MpCredentials *credentials;
  char *secret;

  secret = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, map_secret_error (error, "lookup"));
      return;
    }

  if (secret == NULL)
    {
      g_task_return_new_error (task, MP_CREDENTIAL_ERROR, MP_CREDENTIAL_ERROR_NOT_FOUND,
                               _("No OVHcloud keys for this account are stored in the keyring. Sign in again."));
      return;
    }

  credentials = parse_secret (secret, data->endpoint, data->application_key, &error);
  secret_password_free (secret);

  if (credentials == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, credentials, (GDestroyNotify) mp_credentials_free);
}

void
mp_credential_store_lookup_async (MpCredentialStore    *self,
                                  const char           *endpoint,
                                  const char           *application_key,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  LookupData *data;

  g_return_if_fail (MP_IS_CREDENTIAL_STORE (self));
  g_return_if_fail (endpoint != NULL);
  g_return_if_fail (application_key != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp_credential_store_lookup_async);

  data = g_new0 (LookupData, 1);
  data->endpoint = g_strdup (endpoint);
  data->application_key = g_strdup (application_key);
  g_task_set_task_data (task, data, (GDestroyNotify) lookup_data_free);

  attributes = build_attributes (endpoint, application_key);
  secret_password_lookupv (&credentials_schema, attributes, cancellable,
                           lookup_cb, g_steal_pointer (&task));
}

MpCredentials *
mp_credential_store_lookup_finish (MpCredentialStore  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  g_return_val_if_fail (MP_IS_CREDENTIAL_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
clear_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* FALSE without an error means nothing was stored: signed out already. */
  if (!secret_password_clear_finish (result, &error) && error != NULL)
    g_task_return_error (task, map_secret_error (error, "clear"));
  else
    g_task_return_boolean (task, TRUE);
}

void
mp_credential_store_clear_async (MpCredentialStore    *self,
                                 const char           *endpoint,
                                 const char           *application_key,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (MP_IS_CREDENTIAL_STORE (self));
  g_return_if_fail (endpoint != NULL);
  g_return_if_fail (application_key != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp_credential_store_clear_async);

  attributes = build_attributes (endpoint, application_key);
  secret_password_clearv (&credentials_schema, attributes, cancellable,
                          clear_cb, g_steal_pointer (&task));
}

gboolean
mp_credential_store_clear_finish (MpCredentialStore  *self,
                                  GAsyncResult       *result,
                                  GError            **error)
{
  g_return_val_if_fail (MP_IS_CREDENTIAL_STORE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
