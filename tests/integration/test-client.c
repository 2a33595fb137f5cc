/* SPDX-License-Identifier: GPL-3.0-or-later */
/* MpOvhClient against the real simulator over HTTP: every flow and every fault. */
#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "api/mp-ovh-client.h"
#include "api/mp-ovh-client-private.h"
#include "api/mp-ovh-error.h"
#include "mp-test-sim.h"

/* Keys of tools/ovh-sim/seeds/test-basic.json */
#define APP_KEY          "testAppKey0001aa"
#define APP_SECRET       "testAppSecret0001aaaaaaaaaaaaaaa"
#define CK_VALIDATED     "testCkValidated0001aaaaaaaaaaaaa"
#define CK_NARROW        "testCkNarrow0001aaaaaaaaaaaaaaaa"
#define CK_PENDING       "testCkPending0001aaaaaaaaaaaaaaa"
#define CK_REFUSED       "testCkRefused0001aaaaaaaaaaaaaaa"
#define CK_EXPIRED       "testCkExpired0001aaaaaaaaaaaaaaa"
#define APP_KEY_NO_CK    "testAppKey0002bb"
#define APP_SECRET_NO_CK "testAppSecret0002bbbbbbbbbbbbbbb"
#define SERVICE          "emailpro-test-1"

/* Keys of tools/ovh-sim/seeds/bench-1000.json */
#define BENCH_APP_KEY    "benchAppKey0001a"
#define BENCH_APP_SECRET "benchAppSecret0001aaaaaaaaaaaaaa"
#define BENCH_CK         "benchCkValidated0001aaaaaaaaaaaa"
#define BENCH_SERVICE    "emailpro-bench-1"

#define TIMEOUT_MS 15000

static MpOvhClient *
client_for (MpTestSim  *sim,
            const char *application_key,
            const char *application_secret,
            const char *consumer_key)
{
  MpOvhClient *client = mp_ovh_client_new (mp_test_sim_get_base_url (sim), application_key);

  mp_ovh_client_set_secrets (client, application_secret, consumer_key);

  return client;
}

static JsonNode *
call_sync (MpOvhClient     *client,
           const char      *method,
           const char      *path,
           const char      *body_text,
           GCancellable    *cancellable,
           GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) body = body_text != NULL ? json_from_string (body_text, NULL) : NULL;

  mp_ovh_client_call_async (client, method, path, body, MP_OVH_CALL_DEFAULT, cancellable,
                            mp_test_store_result, &result);
  mp_test_wait_for_result (&result, TIMEOUT_MS);

  return mp_ovh_client_call_finish (client, result, error);
}

static JsonArray *
list_sync (MpOvhClient   *client,
           const char    *path,
           GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mp_ovh_client_list_async (client, path, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, TIMEOUT_MS);

  return mp_ovh_client_list_finish (client, result, error);
}

static MpOvhCredentialState
credential_state_sync (MpOvhClient  *client,
                       GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mp_ovh_client_get_credential_state_async (client, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, TIMEOUT_MS);

  return mp_ovh_client_get_credential_state_finish (client, result, error);
}

static void
add_fault (MpTestSim  *sim,
           const char *method,
           const char *path,
           const char *status,
           const char *rate)
{
  g_autofree char *body = g_strdup_printf ("{\"method\":\"%s\",\"path\":\"%s\",\"status\":\"%s\",\"rate\":\"%s\"}",
                                           method, path, status, rate);
  g_autoptr(JsonNode) answer = mp_test_sim_control (sim, "POST", "/sim/fault", body);
}

static guint
sim_peak_in_flight (MpTestSim *sim)
{
  g_autoptr(JsonNode) stats = mp_test_sim_control (sim, "GET", "/sim/stats", NULL);

  return (guint) json_object_get_int_member (json_node_get_object (stats), "peak_in_flight");
}

/* Runs the main context for a while, so a second callback would have had its chance. */
static void
spin_main_context (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
}

/* --- success and authentication -------------------------------------------------------- */

static void
test_call_success (void)
{
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic.json", NULL);
  g_autoptr(MpOvhClient) client = client_for (sim, APP_KEY, APP_SECRET, CK_VALIDATED);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) services = NULL;
  g_autoptr(JsonNode) service = NULL;
  JsonArray *array;

  services = call_sync (client, "GET", "/email/pro", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (services));
  array = json_node_get_array (services);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (array, 0), ==, "emailpro-test-1");

  service = call_sync (client, "GET", "/email/pro/" SERVICE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (service), "displayName"),
                   ==, "Test Service One");

  /* One clock sync, then the two calls. */
  g_assert_cmpuint (mp_ovh_client_get_request_count (client), ==, 3);
  g_assert_cmpuint (mp_test_sim_get_request_count (sim), ==, 3);
}

static void
on_counted_call (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(JsonNode) node = mp_ovh_client_call_finish (MP_OVH_CLIENT (source), result, NULL);

  g_assert_nonnull (node);
  (*(guint *) user_data)++;
}

static void
test_one_clock_sync_for_concurrent_calls (void)
{
  const char * const args[] = { "--latency-ms", "100", NULL };
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic.json", args);
  g_autoptr(MpOvhClient) client = client_for (sim, APP_KEY, APP_SECRET, CK_VALIDATED);
  guint done = 0;

  for (guint i = 0; i < 5; i++)
    mp_ovh_client_call_async (client, "GET", "/email/pro", NULL, MP_OVH_CALL_DEFAULT, NULL,
                              on_counted_call, &done);
  while (done < 5)
    g_main_context_iteration (NULL, TRUE);

  /* Five calls waited for the same /auth/time. */
  g_assert_cmpuint (mp_ovh_client_get_request_count (client), ==, 1 + 5);
  g_assert_cmpuint (mp_test_sim_get_request_count (sim), ==, 1 + 5);
}

static void
assert_call_fails (MpOvhClient *client,
                   const char  *method,
                   const char  *path,
                   MpOvhError   code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = call_sync (client, method, path, NULL, NULL, &error);

  g_assert_error (error, MP_OVH_ERROR, code);
  g_assert_null (node);
}

static void
test_unknown_application_key (void)
{
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic.json", NULL);
  g_autoptr(MpOvhClient) client = client_for (sim, "noSuchAppKey0000", APP_SECRET, CK_VALIDATED);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = call_sync (client, "GET", "/email/pro", NULL, NULL, &error);

  g_assert_error (error, MP_OVH_ERROR, MP_OVH_ERROR_INVALID_KEY);
  g_assert_true (mp_ovh_error_needs_sign_in (error));
}

static void
test_bad_signature (void)
{
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic.json", NULL);
  g_autoptr(MpOvhClient) client = client_for (sim, APP_KEY, "notTheRightSecret000000000000000", CK_VALIDATED);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = call_sync (client, "GET", "/email/pro", NULL, NULL, &error);

  g_assert_error (error, MP_OVH_ERROR, MP_OVH_ERROR_INVALID_SIGNATURE);
  /* Not retried: a wrong secret stays wrong. */
  g_assert_cmpuint (mp_ovh_client_get_request_count (client), ==, 2);
}

/* A consumer key in a given state: calls fail with code, and the state is read as such. */
static void
check_consumer_key (const char           *consumer_key,
                    MpOvhError            code,
                    MpOvhCredentialState  state)
{
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic.json", NULL);
  g_autoptr(MpOvhClient) client = client_for (sim, APP_KEY, APP_SECRET, consumer_key);
  g_autoptr(GError) error = NULL;

  assert_call_fails (client, "GET", "/email/pro", code);
  g_assert_cmpint (credential_state_sync (client, &error), ==, state);
  g_assert_no_error (error);
}

static void
test_consumer_key_pending (void)
{
  check_consumer_key (CK_PENDING, MP_OVH_ERROR_INVALID_CREDENTIAL, MP_OVH_CREDENTIAL_STATE_PENDING_VALIDATION);
}

static void
test_consumer_key_refused (void)
{
  check_consumer_key (CK_REFUSED, MP_OVH_ERROR_CREDENTIAL_REFUSED, MP_OVH_CREDENTIAL_STATE_REFUSED);
}

static void
test_consumer_key_expired (void)
{
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic.json", NULL);
  g_autoptr(MpOvhClient) later = client_for (sim, APP_KEY, APP_SECRET, CK_VALIDATED);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) answer = NULL;

  check_consumer_key (CK_EXPIRED, MP_OVH_ERROR_CREDENTIAL_EXPIRED, MP_OVH_CREDENTIAL_STATE_EXPIRED);

  /* A key that worked and expires later says so, with the sentence that asks to sign in. */
  node = call_sync (later, "GET", "/email/pro", NULL, NULL, &error);
  g_assert_no_error (error);
  answer = mp_test_sim_control (sim, "POST", "/sim/credential/" CK_VALIDATED "/state", "{\"state\":\"expired\"}");
  g_clear_pointer (&node, json_node_unref);
  node = call_sync (later, "GET", "/email/pro", NULL, NULL, &error);
  g_assert_error (error, MP_OVH_ERROR, MP_OVH_ERROR_CREDENTIAL_EXPIRED);
  g_assert_cmpstr (error->message, ==, "Your sign-in has expired or was revoked. Sign in again.");
  g_assert_true (mp_ovh_error_needs_sign_in (error));
}

static void
test_call_not_granted (void)
{
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic.json", NULL);
  g_autoptr(MpOvhClient) client = client_for (sim, APP_KEY, APP_SECRET, CK_NARROW);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  node = call_sync (client, "GET", "/email/pro/" SERVICE "/account/alice%40one.example", NULL, NULL, &error);

  g_assert_error (error, MP_OVH_ERROR, MP_OVH_ERROR_NOT_GRANTED);
  /* The sentence names the call, as a person reads it. */
  g_assert_nonnull (strstr (error->message, "GET /email/pro/" SERVICE "/account/alice@one.example"));
  g_assert_false (mp_ovh_error_needs_sign_in (error));
}

/* --- business errors -------------------------------------------------------------------- */

static void
test_not_found (void)
{
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic.json", NULL);
  g_autoptr(MpOvhClient) client = client_for (sim, APP_KEY, APP_SECRET, CK_VALIDATED);

  assert_call_fails (client, "GET", "/email/pro/emailpro-nosuch-9", MP_OVH_ERROR_NOT_FOUND);
  /* 404 is an answer, not a failure to retry. */
  g_assert_cmpuint (mp_ovh_client_get_request_count (client), ==, 2);
}

static void
test_conflict (void)
{
  const char * const args[] = { "--fault", "PUT:/email/pro/*=409:x1", NULL };
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic.json", args);
  g_autoptr(MpOvhClient) client = client_for (sim, APP_KEY, APP_SECRET, CK_VALIDATED);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  node = call_sync (client, "PUT", "/email/pro/" SERVICE, "{\"displayName\":\"Zoë’s shop\"}", NULL, &error);

  g_assert_error (error, MP_OVH_ERROR, MP_OVH_ERROR_CONFLICT);
  g_assert_cmpuint (mp_test_sim_get_request_count (sim), ==, 2);
}

static void
test_status_codes (void)
{
  static const struct {
    const char *status;
    MpOvhError  code;
  } cases[] = {
    { "400", MP_OVH_ERROR_BAD_REQUEST },
    { "401", MP_OVH_ERROR_INVALID_CREDENTIAL },
    { "403", MP_OVH_ERROR_FORBIDDEN },
    { "404", MP_OVH_ERROR_NOT_FOUND },
    { "409", MP_OVH_ERROR_CONFLICT },
    { "460", MP_OVH_ERROR_SERVICE_EXPIRED },
    { "418", MP_OVH_ERROR_FAILED },
  };
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic.json", NULL);
  g_autoptr(MpOvhClient) client = client_for (sim, APP_KEY, APP_SECRET, CK_VALIDATED);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;

      add_fault (sim, "GET", "/email/pro/" SERVICE, cases[i].status, "x1");
      node = call_sync (client, "GET", "/email/pro/" SERVICE, NULL, NULL, &error);

      g_assert_error (error, MP_OVH_ERROR, cases[i].code);
      /* A sentence of ours, not the provider's words or a bare status. */
      g_assert_cmpuint (strlen (error->message), >, 30);
      g_assert_null (strstr (error->message, cases[i].status));
      g_assert_null (strstr (error->message, "Client::"));
    }
}

static void
test_malformed_json (void)
{
  const char * const args[] = { "--fault", "GET:/email/pro=malformed:x1", NULL };
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic.json", args);
  g_autoptr(MpOvhClient) client = client_for (sim, APP_KEY, APP_SECRET, CK_VALIDATED);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) list = NULL;

  assert_call_fails (client, "GET", "/email/pro", MP_OVH_ERROR_MALFORMED);

  add_fault (sim, "GET", "/email/pro/" SERVICE "/account", "malformed", "x1");
  list = list_sync (client, "/email/pro/" SERVICE "/account", &error);
  g_assert_error (error, MP_OVH_ERROR, MP_OVH_ERROR_MALFORMED);
  g_assert_null (list);
}

/* --- retries ---------------------------------------------------------------------------- */

static void
test_get_after_429 (void)
{
  const char * const args[] = { "--fault", "GET:/email/pro=429:x1", NULL };
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic.json", args);
  g_autoptr(MpOvhClient) client = client_for (sim, APP_KEY, APP_SECRET, CK_VALIDATED);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  gint64 start = g_get_monotonic_time ();

  node = call_sync (client, "GET", "/email/pro", NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  g_assert_cmpuint (mp_ovh_client_get_request_count (client), ==, 3);
  /* The simulator's Retry-After is 1 second; no earlier second try. */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC);
}

static void
test_get_after_500 (void)
{
  const char * const args[] = { "--fault", "GET:/email/pro=500:x2", NULL };
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic.json", args);
  g_autoptr(MpOvhClient) client = client_for (sim, APP_KEY, APP_SECRET, CK_VALIDATED);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  node = call_sync (client, "GET", "/email/pro", NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  g_assert_cmpuint (mp_test_sim_get_request_count (sim), ==, 4);
}

static void
test_get_gives_up_after_retries (void)
{
  const char * const args[] = { "--fault", "GET:/email/pro=503:1", NULL };
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic.json", args);
  g_autoptr(MpOvhClient) client = client_for (sim, APP_KEY, APP_SECRET, CK_VALIDATED);

  assert_call_fails (client, "GET", "/email/pro", MP_OVH_ERROR_SERVER);
  /* The clock sync, then a bounded number of attempts. */
  g_assert_cmpuint (mp_ovh_client_get_request_count (client), >, 2);
  g_assert_cmpuint (mp_ovh_client_get_request_count (client), <=, 6);
}

static void
test_no_retry_for_post (void)
{
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic.json", NULL);
  g_autoptr(MpOvhClient) client = client_for (sim, APP_KEY, APP_SECRET, CK_VALIDATED);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  const char *path = "/email/pro/" SERVICE "/account/alice%40one.example/changePassword";

  node = call_sync (client, "GET", "/email/pro", NULL, NULL, &error);
  g_assert_no_error (error);

  add_fault (sim, "POST", "/email/pro/*", "500", "x1");
  mp_test_sim_reset_stats (sim);
  mp_ovh_client_reset_statistics (client);

  g_clear_pointer (&node, json_node_unref);
  node = call_sync (client, "POST", path, "{\"password\":\"Secr3t-Passw0rd\"}", NULL, &error);

  g_assert_error (error, MP_OVH_ERROR, MP_OVH_ERROR_SERVER);
  g_assert_cmpuint (mp_test_sim_get_request_count (sim), ==, 1);
  g_assert_cmpuint (mp_ovh_client_get_request_count (client), ==, 1);
}

static void
test_cut_connection (void)
{
  const char * const args[] = { "--fault", "GET:/email/pro=cut:x1", NULL };
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic.json", args);
  g_autoptr(MpOvhClient) client = client_for (sim, APP_KEY, APP_SECRET, CK_VALIDATED);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  /* A GET is sent again and succeeds. */
  node = call_sync (client, "GET", "/email/pro", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));

  /* A POST may have reached the server: it is never sent twice. */
  add_fault (sim, "POST", "/email/pro/*", "cut", "x1");
  mp_test_sim_reset_stats (sim);
  g_clear_pointer (&node, json_node_unref);
  node = call_sync (client, "POST", "/email/pro/" SERVICE "/account/alice%40one.example/changePassword",
                    "{\"password\":\"Secr3t-Passw0rd\"}", NULL, &error);
  g_assert_error (error, MP_OVH_ERROR, MP_OVH_ERROR_NETWORK);
  g_assert_cmpuint (mp_test_sim_get_request_count (sim), <=, 1);
}

static void
test_network_down (void)
{
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic.json", NULL);
  g_autofree char *base_url = g_strdup (mp_test_sim_get_base_url (sim));
  g_autoptr(MpOvhClient) client = NULL;

  /* Nothing listens there any more once the simulator is gone. */
  g_clear_pointer (&sim, mp_test_sim_stop);
  client = mp_ovh_client_new (base_url, APP_KEY);
  mp_ovh_client_set_secrets (client, APP_SECRET, CK_VALIDATED);

  assert_call_fails (client, "GET", "/email/pro", MP_OVH_ERROR_NETWORK);
}

/* --- clock ------------------------------------------------------------------------------ */

static void
check_clock_resync (const char *initial_skew,
                    const char *new_skew_body)
{
  const char * const args[] = { "--clock-skew", initial_skew, NULL };
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic.json", args);
  g_autoptr(MpOvhClient) client = client_for (sim, APP_KEY, APP_SECRET, CK_VALIDATED);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) answer = NULL;

  /* The client learns the server's clock first, an hour off from ours. */
  node = call_sync (client, "GET", "/email/pro", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mp_ovh_client_get_request_count (client), ==, 2);

  /* The server's clock jumps; the next call is refused as out of time, resyncs, succeeds. */
  answer = mp_test_sim_control (sim, "POST", "/sim/clock-skew", new_skew_body);
  g_clear_pointer (&node, json_node_unref);
  node = call_sync (client, "GET", "/email/pro", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  g_assert_cmpuint (mp_ovh_client_get_request_count (client), ==, 5);
}

static void
test_clock_ahead (void)
{
  check_clock_resync ("3600", "{\"seconds\":-3600}");
}

static void
test_clock_behind (void)
{
  check_clock_resync ("-3600", "{\"seconds\":3600}");
}

/* --- listing ---------------------------------------------------------------------------- */

static void
assert_bench_accounts (JsonArray *accounts)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (json_array_get_length (accounts), ==, 1000);
  for (guint i = 0; i < 1000; i++)
    {
      JsonObject *account = json_array_get_object_element (accounts, i);
      const char *address = json_object_get_string_member_with_default (account, "primaryEmailAddress", NULL);

      g_assert_nonnull (address);
      g_assert_true (json_object_has_member (account, "state"));
      g_assert_true (g_hash_table_add (seen, (gpointer) address));
    }
}

static void
test_list_expanded (void)
{
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("bench-1000.json", NULL);
  g_autoptr(MpOvhClient) client = client_for (sim, BENCH_APP_KEY, BENCH_APP_SECRET, BENCH_CK);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) accounts = NULL;

  accounts = list_sync (client, "/email/pro/" BENCH_SERVICE "/account", &error);

  g_assert_no_error (error);
  assert_bench_accounts (accounts);
  /* The clock sync and one expanded page. */
  g_assert_cmpuint (mp_ovh_client_get_request_count (client), <=, 2);
  g_assert_cmpuint (mp_test_sim_get_request_count (sim), <=, 2);
}

static void
test_list_expanded_pages (void)
{
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("bench-1000.json", NULL);
  g_autoptr(MpOvhClient) client = client_for (sim, BENCH_APP_KEY, BENCH_APP_SECRET, BENCH_CK);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) accounts = NULL;

  /* 1000 objects at 300 a page: pages 1 to 4, following X-Pagination-Elements. */
  client->list_page_size = 300;
  accounts = list_sync (client, "/email/pro/" BENCH_SERVICE "/account", &error);

  g_assert_no_error (error);
  assert_bench_accounts (accounts);
  g_assert_cmpuint (mp_ovh_client_get_request_count (client), ==, 1 + 4);
}

static void
test_list_fallback (void)
{
  const char * const args[] = { "--no-expand", NULL };
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("bench-1000.json", args);
  g_autoptr(MpOvhClient) client = client_for (sim, BENCH_APP_KEY, BENCH_APP_SECRET, BENCH_CK);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) accounts = NULL;
  g_autoptr(JsonNode) ids = NULL;

  accounts = list_sync (client, "/email/pro/" BENCH_SERVICE "/account", &error);

  g_assert_no_error (error);
  assert_bench_accounts (accounts);
  g_assert_cmpuint (mp_ovh_client_get_request_count (client), ==, 1 + 1 + 1000);
  g_assert_cmpuint (mp_ovh_client_get_peak_in_flight (client), <=, MP_OVH_CLIENT_MAX_IN_FLIGHT);
  g_assert_cmpuint (sim_peak_in_flight (sim), <=, MP_OVH_CLIENT_MAX_IN_FLIGHT);

  /* In the order of the ids. */
  ids = call_sync (client, "GET", "/email/pro/" BENCH_SERVICE "/account", NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 1000; i += 97)
    g_assert_cmpstr (json_array_get_string_element (json_node_get_array (ids), i), ==,
                     json_object_get_string_member (json_array_get_object_element (accounts, i),
                                                    "primaryEmailAddress"));
}

static void
test_list_fallback_failure (void)
{
  const char * const args[] = { "--no-expand", "--fault", "GET:/email/pro/*/account/*=403:x1", NULL };
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("bench-1000.json", args);
  g_autoptr(MpOvhClient) client = client_for (sim, BENCH_APP_KEY, BENCH_APP_SECRET, BENCH_CK);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) accounts = NULL;

  accounts = list_sync (client, "/email/pro/" BENCH_SERVICE "/account", &error);

  g_assert_error (error, MP_OVH_ERROR, MP_OVH_ERROR_FORBIDDEN);
  g_assert_null (accounts);
  /* The rest was stopped, not fetched to be thrown away. */
  g_assert_cmpuint (mp_ovh_client_get_request_count (client), <, 100);
}

/* --- the consumer-key flow -------------------------------------------------------------- */

static void
open_validation_url (const char *url)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  /* The simulator is another process: a blocking GET here cannot deadlock it. */
  bytes = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, 200);
}

static char *
request_credential (MpOvhClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *consumer_key = NULL;
  char *validation_url = NULL;

  mp_ovh_client_request_credential_async (client, NULL, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, TIMEOUT_MS);
  g_assert_true (mp_ovh_client_request_credential_finish (client, result, &consumer_key,
                                                          &validation_url, &error));
  g_assert_no_error (error);
  g_assert_nonnull (consumer_key);
  g_assert_cmpstr (mp_ovh_client_get_consumer_key (client), ==, consumer_key);
  g_assert_true (g_str_has_prefix (validation_url, "http://127.0.0.1:"));

  return validation_url;
}

static gboolean
wait_for_validation (MpOvhClient  *client,
                     GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mp_ovh_client_wait_for_validation_async (client, 50, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, TIMEOUT_MS);

  return mp_ovh_client_wait_for_validation_finish (client, result, error);
}

static gboolean
on_open_later (gpointer user_data)
{
  open_validation_url (user_data);

  return G_SOURCE_REMOVE;
}

static void
test_consumer_key_flow (void)
{
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic.json", NULL);
  g_autoptr(MpOvhClient) client = client_for (sim, APP_KEY_NO_CK, APP_SECRET_NO_CK, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *validation_url = NULL;
  g_autoptr(JsonNode) services = NULL;
  g_autoptr(JsonNode) credential = NULL;
  const char * const *rules = mp_ovh_client_get_access_rules ();
  JsonArray *granted;
  guint n;

  g_assert_false (mp_ovh_client_has_secrets (client));
  validation_url = request_credential (client);
  g_assert_true (mp_ovh_client_has_secrets (client));
  g_assert_cmpint (credential_state_sync (client, &error), ==, MP_OVH_CREDENTIAL_STATE_PENDING_VALIDATION);
  g_assert_no_error (error);

  /* The person confirms in the browser while Mailpost is polling. */
  g_timeout_add (300, on_open_later, validation_url);
  g_assert_true (wait_for_validation (client, &error));
  g_assert_no_error (error);

  services = call_sync (client, "GET", "/email/pro", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (services));

  /* The provider granted exactly the rights Mailpost asked for. */
  credential = call_sync (client, "GET", "/auth/currentCredential", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (credential), "status"), ==, "validated");
  granted = json_object_get_array_member (json_node_get_object (credential), "rules");
  for (n = 0; rules[n] != NULL; n += 2)
    {
      JsonObject *rule = json_array_get_object_element (granted, n / 2);

      g_assert_cmpstr (json_object_get_string_member (rule, "method"), ==, rules[n]);
      g_assert_cmpstr (json_object_get_string_member (rule, "path"), ==, rules[n + 1]);
    }
  g_assert_cmpuint (json_array_get_length (granted), ==, n / 2);
}

static void
test_consumer_key_flow_refused (void)
{
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic.json", NULL);
  g_autoptr(MpOvhClient) client = client_for (sim, APP_KEY_NO_CK, APP_SECRET_NO_CK, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *validation_url = NULL;
  g_autofree char *refuse_url = NULL;

  validation_url = request_credential (client);
  refuse_url = g_strconcat (validation_url, "&refuse=1", NULL);
  open_validation_url (refuse_url);

  g_assert_false (wait_for_validation (client, &error));
  g_assert_error (error, MP_OVH_ERROR, MP_OVH_ERROR_CREDENTIAL_REFUSED);
}

/* --- cancellation ----------------------------------------------------------------------- */

typedef struct
{
  guint         calls;
  GAsyncResult *result;
} Counted;

static void
on_counted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Counted *counted = user_data;

  counted->calls++;
  g_set_object (&counted->result, result);
}

static gboolean
on_cancel_later (gpointer user_data)
{
  g_cancellable_cancel (user_data);

  return G_SOURCE_REMOVE;
}

/* Cancels after delay_ms; the call must end with CANCELLED within a second of that, well
 * before the simulator's latency would have brought the answer, and call back exactly once. */
static void
assert_cancelled_promptly (MpOvhClient  *client,
                           gboolean      list,
                           const char   *path,
                           guint         delay_ms)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Counted counted = { 0, };
  gint64 start = g_get_monotonic_time ();

  if (list)
    mp_ovh_client_list_async (client, path, cancellable, on_counted, &counted);
  else
    mp_ovh_client_call_async (client, "GET", path, NULL, MP_OVH_CALL_DEFAULT, cancellable, on_counted, &counted);
  g_timeout_add (delay_ms, on_cancel_later, cancellable);

  mp_test_wait_for_result (&counted.result, TIMEOUT_MS);
  g_assert_cmpint (g_get_monotonic_time () - start, <, (delay_ms + 1000) * 1000);

  if (list)
    g_assert_null (mp_ovh_client_list_finish (client, counted.result, &error));
  else
    g_assert_null (mp_ovh_client_call_finish (client, counted.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  spin_main_context (200);
  g_assert_cmpuint (counted.calls, ==, 1);
  g_clear_object (&counted.result);
}

static void
test_cancel_waiting_for_clock (void)
{
  const char * const args[] = { "--latency-ms", "1500", NULL };
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic.json", args);
  g_autoptr(MpOvhClient) client = client_for (sim, APP_KEY, APP_SECRET, CK_VALIDATED);

  /* /auth/time is still out: the call waits for it, and stops waiting when cancelled. */
  assert_cancelled_promptly (client, FALSE, "/email/pro", 100);
}

static void
test_cancel_on_the_wire_and_queued (void)
{
  const char * const args[] = { "--latency-ms", "1500", NULL };
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic.json", args);
  g_autoptr(MpOvhClient) client = client_for (sim, APP_KEY, APP_SECRET, CK_VALIDATED);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  Counted counted[MP_OVH_CLIENT_MAX_IN_FLIGHT + 2] = { { 0, }, };
  gint64 start;

  node = call_sync (client, "GET", "/auth/currentCredential", NULL, NULL, &error);
  g_assert_no_error (error);

  assert_cancelled_promptly (client, FALSE, "/email/pro", 100);

  /* Eight on the wire and two waiting for a slot, all cancelled at once. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < G_N_ELEMENTS (counted); i++)
    mp_ovh_client_call_async (client, "GET", "/email/pro", NULL, MP_OVH_CALL_DEFAULT,
                              cancellable, on_counted, &counted[i]);
  g_assert_cmpuint (mp_ovh_client_get_peak_in_flight (client), ==, MP_OVH_CLIENT_MAX_IN_FLIGHT);
  g_timeout_add (100, on_cancel_later, cancellable);

  for (guint i = 0; i < G_N_ELEMENTS (counted); i++)
    mp_test_wait_for_result (&counted[i].result, TIMEOUT_MS);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 1100 * 1000);
  spin_main_context (200);

  for (guint i = 0; i < G_N_ELEMENTS (counted); i++)
    {
      g_autoptr(JsonNode) cancelled = mp_ovh_client_call_finish (client, counted[i].result, &error);

      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_null (cancelled);
      g_assert_cmpuint (counted[i].calls, ==, 1);
      g_clear_error (&error);
      g_clear_object (&counted[i].result);
    }
}

static void
test_cancel_during_backoff (void)
{
  const char * const args[] = { "--fault", "GET:/email/pro=429:x1", NULL };
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic.json", args);
  g_autoptr(MpOvhClient) client = client_for (sim, APP_KEY, APP_SECRET, CK_VALIDATED);

  /* The 429 asks for a second of patience; the cancel comes in the middle of it. */
  assert_cancelled_promptly (client, FALSE, "/email/pro", 300);
}

static void
test_cancel_listing (void)
{
  const char * const args[] = { "--no-expand", "--latency-ms", "200", NULL };
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("bench-1000.json", args);
  g_autoptr(MpOvhClient) client = client_for (sim, BENCH_APP_KEY, BENCH_APP_SECRET, BENCH_CK);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  /* In the middle of the per-object GETs. */
  assert_cancelled_promptly (client, TRUE, "/email/pro/" BENCH_SERVICE "/account", 700);
  g_assert_cmpuint (mp_ovh_client_get_request_count (client), <, 100);

  /* The client is still usable afterwards. */
  node = call_sync (client, "GET", "/email/pro", NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
test_cancel_before_start (void)
{
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic.json", NULL);
  g_autoptr(MpOvhClient) client = client_for (sim, APP_KEY, APP_SECRET, CK_VALIDATED);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  g_cancellable_cancel (cancellable);
  node = call_sync (client, "GET", "/email/pro", NULL, cancellable, &error);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (mp_ovh_client_get_request_count (client), ==, 0);
}

/* --- logging ---------------------------------------------------------------------------- */

static GString *captured_log;

/* While a test captures, every message is kept for it. */
static GLogWriterOutput
capture_log (GLogLevelFlags   log_level,
             const GLogField *fields,
             gsize            n_fields,
             gpointer         user_data)
{
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
        message = fields[i].value;
    }

  if (captured_log != NULL && message != NULL)
    {
      g_string_append_printf (captured_log, "%s\n", message);
      if (log_level & G_LOG_LEVEL_DEBUG)
        return G_LOG_WRITER_HANDLED;
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
test_log_never_shows_secrets (void)
{
  const char * const args[] = { "--fault", "GET:/email/pro=500:x1", NULL };
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic.json", args);
  g_autoptr(MpOvhClient) client = client_for (sim, APP_KEY, APP_SECRET, CK_VALIDATED);
  g_autoptr(MpOvhClient) no_ck = client_for (sim, APP_KEY_NO_CK, APP_SECRET_NO_CK, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *validation_url = NULL;
  g_autofree char *new_consumer_key = NULL;

  captured_log = g_string_new (NULL);

  node = call_sync (client, "GET", "/email/pro", NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&node, json_node_unref);
  node = call_sync (client, "POST", "/email/pro/" SERVICE "/account/alice%40one.example/changePassword",
                    "{\"password\":\"Secr3t-Passw0rd\"}", NULL, &error);
  g_clear_error (&error);
  validation_url = request_credential (no_ck);
  new_consumer_key = g_strdup (mp_ovh_client_get_consumer_key (no_ck));

  /* The debug output is there (so this test can see it) and names the calls... */
  g_assert_nonnull (strstr (captured_log->str, "GET /email/pro"));
  /* ...but never a secret, a consumer key, a signature or a body with a password. */
  g_assert_null (strstr (captured_log->str, APP_SECRET));
  g_assert_null (strstr (captured_log->str, CK_VALIDATED));
  g_assert_null (strstr (captured_log->str, APP_SECRET_NO_CK));
  g_assert_null (strstr (captured_log->str, new_consumer_key));
  g_assert_null (strstr (captured_log->str, "$1$"));
  g_assert_null (strstr (captured_log->str, "Secr3t-Passw0rd"));

  g_string_free (g_steal_pointer (&captured_log), TRUE);
}

static void
drop_message (const char     *log_domain,
              GLogLevelFlags  log_level,
              const char     *message,
              gpointer        user_data)
{
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_log_set_writer_func (capture_log, NULL, NULL);
  /* Thousands of socket-level lines would bury the client's own debug output. */
  g_log_set_handler ("GLib-GIO", G_LOG_LEVEL_DEBUG, drop_message, NULL);

  g_test_add_func ("/mailpost/client/call/success", test_call_success);
  g_test_add_func ("/mailpost/client/auth/unknown-application-key", test_unknown_application_key);
  g_test_add_func ("/mailpost/client/auth/bad-signature", test_bad_signature);
  g_test_add_func ("/mailpost/client/auth/consumer-key-pending", test_consumer_key_pending);
  g_test_add_func ("/mailpost/client/auth/consumer-key-refused", test_consumer_key_refused);
  g_test_add_func ("/mailpost/client/auth/consumer-key-expired", test_consumer_key_expired);
  g_test_add_func ("/mailpost/client/auth/call-not-granted", test_call_not_granted);
  g_test_add_func ("/mailpost/client/errors/not-found", test_not_found);
  g_test_add_func ("/mailpost/client/errors/conflict", test_conflict);
  g_test_add_func ("/mailpost/client/errors/status-codes", test_status_codes);
  g_test_add_func ("/mailpost/client/errors/malformed-json", test_malformed_json);
  g_test_add_func ("/mailpost/client/retry/get-after-429", test_get_after_429);
  g_test_add_func ("/mailpost/client/retry/get-after-500", test_get_after_500);
  g_test_add_func ("/mailpost/client/retry/get-gives-up", test_get_gives_up_after_retries);
  g_test_add_func ("/mailpost/client/retry/no-retry-for-post", test_no_retry_for_post);
  g_test_add_func ("/mailpost/client/retry/cut-connection", test_cut_connection);
  g_test_add_func ("/mailpost/client/retry/network-down", test_network_down);
  g_test_add_func ("/mailpost/client/clock/one-sync-for-concurrent-calls", test_one_clock_sync_for_concurrent_calls);
  g_test_add_func ("/mailpost/client/clock/server-ahead-then-behind", test_clock_ahead);
  g_test_add_func ("/mailpost/client/clock/server-behind-then-ahead", test_clock_behind);
  g_test_add_func ("/mailpost/client/list/expanded", test_list_expanded);
  g_test_add_func ("/mailpost/client/list/expanded-pages", test_list_expanded_pages);
  g_test_add_func ("/mailpost/client/list/fallback-without-expansion", test_list_fallback);
  g_test_add_func ("/mailpost/client/list/fallback-stops-on-failure", test_list_fallback_failure);
  g_test_add_func ("/mailpost/client/credential/flow-validated", test_consumer_key_flow);
  g_test_add_func ("/mailpost/client/credential/flow-refused", test_consumer_key_flow_refused);
  g_test_add_func ("/mailpost/client/cancel/waiting-for-clock", test_cancel_waiting_for_clock);
  g_test_add_func ("/mailpost/client/cancel/on-the-wire-and-queued", test_cancel_on_the_wire_and_queued);
  g_test_add_func ("/mailpost/client/cancel/during-backoff", test_cancel_during_backoff);
  g_test_add_func ("/mailpost/client/cancel/listing", test_cancel_listing);
  g_test_add_func ("/mailpost/client/cancel/before-start", test_cancel_before_start);
  g_test_add_func ("/mailpost/client/logging/never-shows-secrets", test_log_never_shows_secrets);

  return g_test_run ();
}
