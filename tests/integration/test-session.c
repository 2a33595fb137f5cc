/* SPDX-License-Identifier: GPL-3.0-or-later */
/* MpSession against the simulator over real HTTP: listing services, checking keys, the
 * overview's figures compared with the seed, and the display name round trip. */
#include "config.h"

#include "api/mp-ovh-error.h"
#include "emailpro/mp-session.h"
#include "mp-test-sim.h"

#define TIMEOUT_MS 10000

typedef struct
{
  MpTestSim  *sim;
  JsonObject *seed;
  JsonNode   *seed_root;
} Fixture;

static JsonNode *
load_seed (const char *name)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("MAILPOST_SEEDS"), name, NULL);

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *seed = data != NULL ? data : "test-basic.json";
  /* Seeded tasks stay where they are for the length of a test. */
  const char * const args[] = { "--task-ms", "600000", NULL };

  fixture->seed_root = load_seed (seed);
  fixture->seed = json_node_get_object (fixture->seed_root);
  fixture->sim = mp_test_sim_start (seed, args);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->sim, mp_test_sim_stop);
  g_clear_pointer (&fixture->seed_root, json_node_unref);
}

/* A client with the seed's keys for a consumer key in the given state (and, for "narrow",
 * the validated key whose rules reach only /auth). */
static MpOvhClient *
client_for (Fixture    *fixture,
            const char *state,
            gboolean    narrow)
{
  JsonArray *credentials = json_object_get_array_member (fixture->seed, "credentials");

  for (guint i = 0; i < json_array_get_length (credentials); i++)
    {
      JsonObject *entry = json_array_get_object_element (credentials, i);
      MpOvhClient *client;

      if (g_strcmp0 (json_object_get_string_member_with_default (entry, "state", NULL), state) != 0 ||
          json_object_has_member (entry, "rules") != narrow)
        continue;

      client = mp_ovh_client_new (mp_test_sim_get_base_url (fixture->sim),
                                  json_object_get_string_member (entry, "application_key"));
      mp_ovh_client_set_secrets (client,
                                 json_object_get_string_member (entry, "application_secret"),
                                 json_object_get_string_member (entry, "consumer_key"));
      return client;
    }

  g_error ("The seed has no %s credential", state);
}

static JsonObject *
seed_service (Fixture    *fixture,
              const char *name)
{
  JsonArray *services = json_object_get_array_member (fixture->seed, "services");

  for (guint i = 0; i < json_array_get_length (services); i++)
    {
      JsonObject *service = json_array_get_object_element (services, i);

      if (g_strcmp0 (json_object_get_string_member (service, "domain"), name) == 0)
        return service;
    }

  g_error ("The seed has no service %s", name);
}

static GListModel *
list_services (MpOvhClient  *client,
               GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mp_session_list_services_async (client, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, TIMEOUT_MS);
  return mp_session_list_services_finish (result, error);
}

static MpSession *
open_session (Fixture    *fixture,
              const char *service_name)
{
  g_autoptr(MpOvhClient) client = client_for (fixture, "validated", FALSE);
  g_autoptr(GListModel) services = list_services (client, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(MpService) service = g_list_model_get_item (services, i);

      if (g_strcmp0 (mp_service_get_name (service), service_name) == 0)
        return mp_session_new (client, service);
    }

  g_error ("The simulator does not list %s", service_name);
}

static void
test_list_services_sorted (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(MpOvhClient) client = client_for (fixture, "validated", FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) services = list_services (client, &error);
  JsonArray *seeded = json_object_get_array_member (fixture->seed, "services");
  g_autoptr(MpService) first = NULL;
  g_autoptr(MpService) second = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_item_type (services), ==, MP_TYPE_SERVICE);
  g_assert_cmpuint (g_list_model_get_n_items (services), ==, json_array_get_length (seeded));
  g_assert_cmpuint (g_list_model_get_n_items (services), ==, 2);

  first = g_list_model_get_item (services, 0);
  second = g_list_model_get_item (services, 1);
  g_assert_cmpint (g_utf8_collate (mp_service_get_title (first), mp_service_get_title (second)), <, 0);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(MpService) service = g_list_model_get_item (services, i);
      JsonObject *expected = seed_service (fixture, mp_service_get_name (service));

      g_assert_cmpstr (mp_service_get_display_name (service), ==,
                       json_object_get_string_member (expected, "displayName"));
      g_assert_cmpstr (mp_service_get_hostname (service), ==,
                       json_object_get_string_member (expected, "hostname"));
      g_assert_cmpint (mp_service_get_state (service), ==, MP_SERVICE_STATE_OK);
    }
}

static void
test_list_services_empty (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(MpOvhClient) client = client_for (fixture, "validated", FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) services = list_services (client, &error);

  g_assert_no_error (error);
  g_assert_nonnull (services);
  g_assert_cmpuint (g_list_model_get_n_items (services), ==, 0);
}

static gboolean
verify_keys (MpOvhClient  *client,
             GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mp_session_verify_keys_async (client, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, TIMEOUT_MS);
  return mp_session_verify_keys_finish (result, error);
}

static void
test_verify_keys_validated (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(MpOvhClient) client = client_for (fixture, "validated", FALSE);
  g_autoptr(GError) error = NULL;

  g_assert_true (verify_keys (client, &error));
  g_assert_no_error (error);
}

static void
test_verify_keys_pending (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(MpOvhClient) client = client_for (fixture, "pendingValidation", FALSE);
  g_autoptr(GError) error = NULL;

  g_assert_false (verify_keys (client, &error));
  g_assert_error (error, MP_OVH_ERROR, MP_OVH_ERROR_CREDENTIAL_PENDING);
}

static void
test_verify_keys_not_granted (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(MpOvhClient) client = client_for (fixture, "validated", TRUE);
  g_autoptr(GError) error = NULL;

  g_assert_false (verify_keys (client, &error));
  g_assert_error (error, MP_OVH_ERROR, MP_OVH_ERROR_NOT_GRANTED);
}

static void
test_verify_keys_refused_or_expired (Fixture       *fixture,
                                     gconstpointer  data)
{
  const char *states[] = { "refused", "expired" };

  for (gsize i = 0; i < G_N_ELEMENTS (states); i++)
    {
      g_autoptr(MpOvhClient) client = client_for (fixture, states[i], FALSE);
      g_autoptr(GError) error = NULL;

      g_assert_false (verify_keys (client, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == MP_OVH_ERROR);
      g_assert_true (mp_ovh_error_needs_sign_in (error));
    }
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              GHashTable *counts)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, pspec->name));

  g_hash_table_insert (counts, (gpointer) pspec->name, GUINT_TO_POINTER (count + 1));
}

static guint
notify_count (GHashTable *counts,
              const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));
}

static gboolean
refresh (MpSession  *session,
         GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mp_session_refresh_async (session, NULL, mp_test_store_result, &result);
  g_assert_true (mp_session_get_loading (session));
  mp_test_wait_for_result (&result, TIMEOUT_MS);
  return mp_session_refresh_finish (session, result, error);
}

static gboolean
is_placeholder (JsonObject *account)
{
  return g_str_has_suffix (json_object_get_string_member (account, "primaryEmailAddress"),
                           "@configureme.me");
}

static void
test_refresh_fills_properties (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(MpSession) session = open_session (fixture, "emailpro-test-1");
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  JsonObject *seed = seed_service (fixture, "emailpro-test-1");
  JsonObject *seed_server = json_object_get_object_member (seed, "server");
  JsonObject *generated = json_object_get_object_member (seed, "generate_accounts");
  JsonArray *accounts = json_object_get_array_member (seed, "accounts");
  JsonArray *tasks = json_object_get_array_member (seed, "tasks");
  MpService *service = mp_session_get_service (session);
  MpServer *server;
  GListModel *task_model;
  guint expected_accounts, expected_configured = 0;
  guint n_pending = 0;

  g_assert_null (mp_session_get_server (session));
  g_signal_connect (session, "notify", G_CALLBACK (count_notify), counts);

  g_assert_true (refresh (session, &error));
  g_assert_no_error (error);
  g_assert_false (mp_session_get_loading (session));
  g_assert_cmpuint (notify_count (counts, "loading"), ==, 2);

  g_assert_cmpstr (mp_service_get_display_name (service), ==,
                   json_object_get_string_member (seed, "displayName"));
  g_assert_cmpstr (mp_service_get_hostname (service), ==,
                   json_object_get_string_member (seed, "hostname"));
  g_assert_cmpint (mp_service_get_complexity_enabled (service), ==,
                   json_object_get_boolean_member (seed, "complexityEnabled"));
  g_assert_cmpint (mp_service_get_min_password_length (service), ==,
                   json_object_get_int_member (seed, "minPasswordLength"));
  g_assert_cmpint (mp_service_get_lockout_threshold (service), ==,
                   json_object_get_int_member (seed, "lockoutThreshold"));

  server = mp_session_get_server (session);
  g_assert_nonnull (server);
  g_assert_cmpuint (notify_count (counts, "server"), ==, 1);
  g_assert_cmpint (mp_server_get_current_disk_usage (server), ==,
                   json_object_get_int_member (seed_server, "currentDiskUsage"));
  g_assert_cmpint (mp_server_get_disk_size (server), ==,
                   json_object_get_int_member (seed_server, "diskSize"));

  g_assert_cmpuint (mp_session_get_domain_count (session), ==,
                    json_array_get_length (json_object_get_array_member (seed, "domains")));
  g_assert_cmpuint (notify_count (counts, "domain-count"), ==, 1);

  /* Seeded accounts plus generated ones, of which "placeholders" wait in configureme.me. */
  expected_accounts = json_array_get_length (accounts) + json_object_get_int_member (generated, "count");
  for (guint i = 0; i < json_array_get_length (accounts); i++)
    if (!is_placeholder (json_array_get_object_element (accounts, i)))
      expected_configured++;
  expected_configured += json_object_get_int_member (generated, "count") -
                         json_object_get_int_member (generated, "placeholders");
  g_assert_cmpuint (mp_session_get_account_count (session), ==, expected_accounts);
  g_assert_cmpuint (mp_session_get_configured_account_count (session), ==, expected_configured);
  g_assert_cmpuint (mp_session_get_configured_account_count (session), <,
                    mp_session_get_account_count (session));

  /* The pending tasks are the seeded ones that are not finished, in order. */
  task_model = mp_session_get_tasks (session);
  for (guint i = 0; i < json_array_get_length (tasks); i++)
    {
      JsonObject *seeded = json_array_get_object_element (tasks, i);
      MpTaskStatus status = mp_task_status_from_string (json_object_get_string_member (seeded, "status"));
      g_autoptr(MpTask) task = NULL;

      if (mp_task_status_is_final (status))
        continue;

      task = g_list_model_get_item (task_model, n_pending++);
      g_assert_nonnull (task);
      g_assert_cmpint (mp_task_get_id (task), ==, json_object_get_int_member (seeded, "id"));
      g_assert_cmpstr (mp_task_get_function (task), ==, json_object_get_string_member (seeded, "function"));
      g_assert_cmpint (mp_task_get_status (task), ==, status);
    }
  g_assert_cmpuint (n_pending, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (task_model), ==, n_pending);

  /* A second refresh with nothing changed notifies nothing but loading. */
  g_hash_table_remove_all (counts);
  g_assert_true (refresh (session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 1);
  g_assert_cmpuint (notify_count (counts, "loading"), ==, 2);
  g_assert_true (mp_session_get_server (session) == server);
}

static gboolean
set_display_name (MpSession   *session,
                  const char  *name,
                  GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mp_session_set_display_name_async (session, name, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, TIMEOUT_MS);
  return mp_session_set_display_name_finish (session, result, error);
}

static void
test_set_display_name_round_trip (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(MpSession) session = open_session (fixture, "emailpro-test-2");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) services = NULL;
  const char *name = "<b>Müller & Söhne</b> &amp; Co";
  gboolean found = FALSE;
  gboolean ok;

  ok = set_display_name (session, name, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpstr (mp_service_get_display_name (mp_session_get_service (session)), ==, name);
  g_assert_cmpstr (mp_service_get_title (mp_session_get_service (session)), ==, name);

  /* What the provider stores, read back on a fresh listing, is the same text. */
  services = list_services (mp_session_get_client (session), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (services); i++)
    {
      g_autoptr(MpService) service = g_list_model_get_item (services, i);

      if (g_strcmp0 (mp_service_get_name (service), "emailpro-test-2") == 0)
        {
          g_assert_cmpstr (mp_service_get_display_name (service), ==, name);
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static void
test_set_display_name_short_refused (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(MpSession) session = open_session (fixture, "emailpro-test-1");
  g_autoptr(GError) error = NULL;
  const char *before = json_object_get_string_member (seed_service (fixture, "emailpro-test-1"),
                                                      "displayName");

  mp_test_sim_reset_stats (fixture->sim);
  g_assert_false (set_display_name (session, "Shop", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, "The name needs at least 5 characters.");

  /* Refused before any request. */
  g_assert_cmpuint (mp_test_sim_get_request_count (fixture->sim), ==, 0);
  g_assert_cmpstr (mp_service_get_display_name (mp_session_get_service (session)), ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, seed, func) \
  g_test_add (path, Fixture, seed, fixture_set_up, func, fixture_tear_down)

  ADD ("/mailpost/session/list-services/two-sorted-by-title", NULL, test_list_services_sorted);
  ADD ("/mailpost/session/list-services/none", "test-empty.json", test_list_services_empty);
  ADD ("/mailpost/session/verify-keys/validated", NULL, test_verify_keys_validated);
  ADD ("/mailpost/session/verify-keys/pending-fails", NULL, test_verify_keys_pending);
  ADD ("/mailpost/session/verify-keys/not-granted-fails", NULL, test_verify_keys_not_granted);
  ADD ("/mailpost/session/verify-keys/refused-or-expired-needs-sign-in", NULL,
       test_verify_keys_refused_or_expired);
  ADD ("/mailpost/session/refresh/fills-every-property-from-seed", NULL, test_refresh_fills_properties);
  ADD ("/mailpost/session/display-name/round-trip-keeps-markup-literal", NULL,
       test_set_display_name_round_trip);
  ADD ("/mailpost/session/display-name/short-name-refused", NULL, test_set_display_name_short_refused);

#undef ADD

  return g_test_run ();
}
