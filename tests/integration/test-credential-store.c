/* SPDX-License-Identifier: GPL-3.0-or-later */
/* MpCredentialStore against a real Secret Service (gnome-keyring on a private D-Bus, suite
 * "keyring") and against libsecret's file backend (suite "unit").  Every log message of the
 * run is recorded, and no secret may ever show up in it. */
#include "config.h"

#include <glib/gstdio.h>
#include <libsecret/secret.h>

#include "secrets/mp-credential-store.h"

#define WAIT_TIMEOUT_MS 15000

static GString *log_text;
static char *run_id;

static GLogWriterOutput
record_log (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].key, "MESSAGE") != 0)
        continue;

      if (fields[i].length < 0)
        g_string_append (log_text, fields[i].value);
      else
        g_string_append_len (log_text, fields[i].value, fields[i].length);
      g_string_append_c (log_text, '\n');
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* Secrets unique to this run, so that a match in the log can only come from this test. */
static char *
make_secret (const char *kind)
{
  return g_strdup_printf ("%s-%s-Secret", kind, run_id);
}

static void
assert_not_logged (const char *secret)
{
  g_assert_null (strstr (log_text->str, secret));
}

static gboolean
keyring_reachable (void)
{
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("DBUS_SESSION_BUS_ADDRESS is unset: run the keyring suite inside dbus-run-session "
                   "with an unlocked gnome-keyring");
      return FALSE;
    }

  return TRUE;
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
on_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add (WAIT_TIMEOUT_MS, on_timeout, &timed_out);

  while (*result == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("The keyring did not answer within %d ms", WAIT_TIMEOUT_MS);

  g_source_remove (timeout_id);
  return *result;
}

static gboolean
save (MpCredentialStore    *store,
      const MpCredentials  *credentials,
      GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mp_credential_store_save_async (store, credentials, NULL, store_result, &result);
  return mp_credential_store_save_finish (store, wait_for (&result), error);
}

static MpCredentials *
lookup (MpCredentialStore  *store,
        const char         *endpoint,
        const char         *application_key,
        GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mp_credential_store_lookup_async (store, endpoint, application_key, NULL, store_result, &result);
  return mp_credential_store_lookup_finish (store, wait_for (&result), error);
}

static gboolean
clear (MpCredentialStore  *store,
       const char         *endpoint,
       const char         *application_key,
       GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mp_credential_store_clear_async (store, endpoint, application_key, NULL, store_result, &result);
  return mp_credential_store_clear_finish (store, wait_for (&result), error);
}

static MpCredentials *
make_credentials (const char *endpoint,
                  const char *tag)
{
  g_autofree char *application_key = g_strdup_printf ("ak-%s-%s", tag, run_id);
  g_autofree char *secret = make_secret ("AS");
  g_autofree char *consumer_key = make_secret ("CK");

  return mp_credentials_new (endpoint, application_key, secret, consumer_key);
}

static void
assert_same_credentials (const MpCredentials *found,
                         const MpCredentials *expected)
{
  g_assert_nonnull (found);
  g_assert_cmpstr (found->endpoint, ==, expected->endpoint);
  g_assert_cmpstr (found->application_key, ==, expected->application_key);
  g_assert_true (g_str_equal (found->application_secret, expected->application_secret));
  g_assert_true (g_str_equal (found->consumer_key, expected->consumer_key));
}

static void
test_save_and_lookup (void)
{
  g_autoptr(MpCredentialStore) store = mp_credential_store_new ();
  g_autoptr(MpCredentials) credentials = make_credentials ("https://eu.api.ovh.com/1.0", "save");
  g_autoptr(MpCredentials) found = NULL;
  g_autoptr(GError) error = NULL;

  if (!keyring_reachable ())
    return;

  g_assert_true (save (store, credentials, &error));
  g_assert_no_error (error);

  found = lookup (store, credentials->endpoint, credentials->application_key, &error);
  g_assert_no_error (error);
  assert_same_credentials (found, credentials);

  g_assert_true (clear (store, credentials->endpoint, credentials->application_key, &error));
  g_assert_no_error (error);
}

static void
test_overwrite (void)
{
  g_autoptr(MpCredentialStore) store = mp_credential_store_new ();
  g_autoptr(MpCredentials) first = make_credentials ("https://ca.api.ovh.com/1.0", "overwrite");
  g_autoptr(MpCredentials) second = mp_credentials_copy (first);
  g_autoptr(MpCredentials) found = NULL;
  g_autoptr(GError) error = NULL;

  if (!keyring_reachable ())
    return;

  g_free (second->consumer_key);
  second->consumer_key = make_secret ("CK2");

  g_assert_true (save (store, first, &error));
  g_assert_true (save (store, second, &error));
  g_assert_no_error (error);

  found = lookup (store, first->endpoint, first->application_key, &error);
  g_assert_no_error (error);
  assert_same_credentials (found, second);

  /* One item per endpoint and key: after a clear, the first value is not found again. */
  g_assert_true (clear (store, first->endpoint, first->application_key, &error));
  g_clear_pointer (&found, mp_credentials_free);
  found = lookup (store, first->endpoint, first->application_key, &error);
  g_assert_error (error, MP_CREDENTIAL_ERROR, MP_CREDENTIAL_ERROR_NOT_FOUND);
  g_assert_null (found);
}

static void
test_clear (void)
{
  g_autoptr(MpCredentialStore) store = mp_credential_store_new ();
  g_autoptr(MpCredentials) credentials = make_credentials ("https://api.us.ovhcloud.com/1.0", "clear");
  g_autoptr(MpCredentials) found = NULL;
  g_autoptr(GError) error = NULL;

  if (!keyring_reachable ())
    return;

  g_assert_true (save (store, credentials, &error));
  g_assert_true (clear (store, credentials->endpoint, credentials->application_key, &error));
  g_assert_no_error (error);

  found = lookup (store, credentials->endpoint, credentials->application_key, &error);
  g_assert_null (found);
  g_assert_error (error, MP_CREDENTIAL_ERROR, MP_CREDENTIAL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Signing out twice is not an error. */
  g_assert_true (clear (store, credentials->endpoint, credentials->application_key, &error));
  g_assert_no_error (error);
}

static void
test_lookup_not_found (void)
{
  g_autoptr(MpCredentialStore) store = mp_credential_store_new ();
  g_autoptr(MpCredentials) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *application_key = g_strdup_printf ("never-stored-%s", run_id);

  if (!keyring_reachable ())
    return;

  found = lookup (store, "https://eu.api.ovh.com/1.0", application_key, &error);
  g_assert_null (found);
  g_assert_error (error, MP_CREDENTIAL_ERROR, MP_CREDENTIAL_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_endpoints_kept_apart (void)
{
  g_autoptr(MpCredentialStore) store = mp_credential_store_new ();
  g_autoptr(MpCredentials) eu = make_credentials ("https://eu.api.ovh.com/1.0", "apart");
  g_autoptr(MpCredentials) ca = mp_credentials_copy (eu);
  g_autoptr(MpCredentials) found = NULL;
  g_autoptr(GError) error = NULL;

  if (!keyring_reachable ())
    return;

  /* Same application key, another region and other secrets. */
  g_free (ca->endpoint);
  ca->endpoint = g_strdup ("https://ca.api.ovh.com/1.0");
  g_free (ca->application_secret);
  ca->application_secret = make_secret ("AS-ca");
  g_free (ca->consumer_key);
  ca->consumer_key = make_secret ("CK-ca");

  g_assert_true (save (store, eu, &error));
  g_assert_true (save (store, ca, &error));
  g_assert_no_error (error);

  found = lookup (store, eu->endpoint, eu->application_key, &error);
  assert_same_credentials (found, eu);
  g_clear_pointer (&found, mp_credentials_free);
  found = lookup (store, ca->endpoint, ca->application_key, &error);
  assert_same_credentials (found, ca);
  g_clear_pointer (&found, mp_credentials_free);

  /* Signing out of one region keeps the other. */
  g_assert_true (clear (store, eu->endpoint, eu->application_key, &error));
  found = lookup (store, ca->endpoint, ca->application_key, &error);
  g_assert_no_error (error);
  assert_same_credentials (found, ca);
  g_clear_pointer (&found, mp_credentials_free);

  found = lookup (store, eu->endpoint, eu->application_key, &error);
  g_assert_error (error, MP_CREDENTIAL_ERROR, MP_CREDENTIAL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (clear (store, ca->endpoint, ca->application_key, &error));
}

/* The schema as another program (or an older Mailpost) would see it. */
static const SecretSchema foreign_schema = {
  .name = "io.github.mailpost.Mailpost.Credentials",
  .flags = SECRET_SCHEMA_NONE,
  .attributes = {
    { .name = "endpoint", .type = SECRET_SCHEMA_ATTRIBUTE_STRING },
    { .name = "application-key", .type = SECRET_SCHEMA_ATTRIBUTE_STRING },
    { .name = "version", .type = SECRET_SCHEMA_ATTRIBUTE_INTEGER },
    { .name = NULL },
  },
};

static void
test_corrupt_value (void)
{
  g_autoptr(MpCredentialStore) store = mp_credential_store_new ();
  g_autoptr(MpCredentials) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *application_key = g_strdup_printf ("ak-corrupt-%s", run_id);
  g_autofree char *not_json = make_secret ("NotJson");

  if (!keyring_reachable ())
    return;

  secret_password_store (&foreign_schema, SECRET_COLLECTION_DEFAULT, "corrupt item", not_json,
                         NULL, store_result, &result,
                         "endpoint", "https://eu.api.ovh.com/1.0",
                         "application-key", application_key,
                         "version", 1,
                         NULL);
  g_assert_true (secret_password_store_finish (wait_for (&result), &error));
  g_assert_no_error (error);

  found = lookup (store, "https://eu.api.ovh.com/1.0", application_key, &error);
  g_assert_null (found);
  g_assert_error (error, MP_CREDENTIAL_ERROR, MP_CREDENTIAL_ERROR_CORRUPT);
  /* The recorder sees the debug messages; the value itself is never among them. */
  g_assert_nonnull (strstr (log_text->str, "is not the JSON object Mailpost stores"));
  assert_not_logged (not_json);
  g_clear_error (&error);

  g_assert_true (clear (store, "https://eu.api.ovh.com/1.0", application_key, &error));
}

static void
test_credentials_from_environment (void)
{
  g_autoptr(MpCredentials) credentials = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = make_secret ("AS-env");

  g_unsetenv ("OVH_ENDPOINT");
  g_unsetenv ("OVH_APPLICATION_KEY");
  g_unsetenv ("OVH_APPLICATION_SECRET");
  g_unsetenv ("OVH_CONSUMER_KEY");
  g_assert_null (mp_credentials_new_from_environment (&error));
  g_assert_no_error (error);

  g_setenv ("OVH_APPLICATION_KEY", "envAppKey", TRUE);
  g_setenv ("OVH_APPLICATION_SECRET", secret, TRUE);
  g_assert_null (mp_credentials_new_from_environment (&error));
  g_assert_no_error (error);

  /* The official clients' default region. */
  g_setenv ("OVH_CONSUMER_KEY", "envConsumerKey", TRUE);
  credentials = mp_credentials_new_from_environment (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (credentials->endpoint, ==, "https://eu.api.ovh.com/1.0");
  g_assert_cmpstr (credentials->application_key, ==, "envAppKey");
  g_assert_cmpstr (credentials->application_secret, ==, secret);
  g_assert_cmpstr (credentials->consumer_key, ==, "envConsumerKey");
  g_clear_pointer (&credentials, mp_credentials_free);

  g_setenv ("OVH_ENDPOINT", "http://127.0.0.1:8080/1.0", TRUE);
  credentials = mp_credentials_new_from_environment (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (credentials->endpoint, ==, "http://127.0.0.1:8080/1.0");
  g_clear_pointer (&credentials, mp_credentials_free);

  g_setenv ("OVH_ENDPOINT", "http://example.com/1.0", TRUE);
  credentials = mp_credentials_new_from_environment (&error);
  g_assert_null (credentials);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);

  g_unsetenv ("OVH_ENDPOINT");
  g_unsetenv ("OVH_APPLICATION_KEY");
  g_unsetenv ("OVH_APPLICATION_SECRET");
  g_unsetenv ("OVH_CONSUMER_KEY");
}

/* Last: everything above ran with every debug message on; none may contain a secret. */
static void
test_no_secret_in_logs (void)
{
  g_autofree char *secret_suffix = g_strdup_printf ("-%s-Secret", run_id);

  g_assert_cmpuint (log_text->len, >, 0);
  assert_not_logged (secret_suffix);
}

int
main (int   argc,
      char *argv[])
{
  const char *file_keyring = g_getenv ("SECRET_FILE_TEST_PATH");

  /* Before anything logs: every debug message of every domain goes to the writer. */
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  log_text = g_string_new (NULL);
  g_log_set_writer_func (record_log, NULL, NULL);
  /* stdout carries the TAP stream. */
  g_log_writer_default_set_use_stderr (TRUE);

  g_test_init (&argc, &argv, NULL);

  run_id = g_strdup_printf ("%08x", g_random_int ());

  /* The file backend starts from an empty keyring on every run. */
  if (file_keyring != NULL)
    g_unlink (file_keyring);

  g_test_add_func ("/mailpost/secrets/store/save-and-lookup", test_save_and_lookup);
  g_test_add_func ("/mailpost/secrets/store/overwrite", test_overwrite);
  g_test_add_func ("/mailpost/secrets/store/clear", test_clear);
  g_test_add_func ("/mailpost/secrets/store/lookup-not-found", test_lookup_not_found);
  g_test_add_func ("/mailpost/secrets/store/endpoints-kept-apart", test_endpoints_kept_apart);
  g_test_add_func ("/mailpost/secrets/store/corrupt-value", test_corrupt_value);
  g_test_add_func ("/mailpost/secrets/credentials/from-environment", test_credentials_from_environment);
  /* A suite of its own, created last, so that it runs after all the others. */
  g_test_add_func ("/mailpost/secrets/logs/no-secret-anywhere", test_no_secret_in_logs);

  return g_test_run ();
}
