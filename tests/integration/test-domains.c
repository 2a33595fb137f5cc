/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The session's domain operations against the simulator over real HTTP: every domain route,
 * the customer's domains and zones, and every refusal, local and from the provider. */
#include "config.h"

#include <string.h>

#include "api/mp-ovh-error.h"
#include "emailpro/mp-session.h"
#include "emailpro/mp-session-domains-private.h"
#include "mp-test-sim.h"

#define TIMEOUT_MS 15000
#define SERVICE "emailpro-test-dom-1"

typedef struct
{
  MpTestSim   *sim;
  MpOvhClient *client;
  MpSession   *session;
} Fixture;

static MpSession *
new_session (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(MpService) service = NULL;
  g_autoptr(GError) error = NULL;

  mp_ovh_client_call_async (fixture->client, "GET", "/email/pro/" SERVICE, NULL,
                            MP_OVH_CALL_DEFAULT, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, TIMEOUT_MS);
  node = mp_ovh_client_call_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  service = mp_service_new_from_json (node, &error);
  g_assert_no_error (error);
  return mp_session_new (fixture->client, service);
}

static void
refresh (MpSession *session)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  mp_session_refresh_async (session, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, TIMEOUT_MS);
  g_assert_true (mp_session_refresh_finish (session, result, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char * const args[] = { "--task-ms", "300", NULL };

  fixture->sim = mp_test_sim_start ("test-domains.json", args);
  fixture->client = mp_ovh_client_new (mp_test_sim_get_base_url (fixture->sim), "testAppKeyDom1aa");
  mp_ovh_client_set_secrets (fixture->client, "testAppSecretDom1aaaaaaaaaaaaaaa",
                             "testCkDomains0001aaaaaaaaaaaaaaa");
  fixture->session = new_session (fixture);
  refresh (fixture->session);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->sim, mp_test_sim_stop);
}

/* Runs the main loop until the domain's state is reached (or it is gone, for NULL). */
static MpDomain *
wait_for_domain (MpSession     *session,
                 const char    *name,
                 MpObjectState  state)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_MS * 1000;
  MpDomain *domain;

  for (;;)
    {
      domain = mp_session_find_domain (session, name);
      if (state == MP_OBJECT_STATE_UNKNOWN ? domain == NULL
                                           : domain != NULL && mp_domain_get_state (domain) == state &&
                                             !mp_domain_get_busy (domain))
        return domain;
      if (g_get_monotonic_time () > deadline)
        g_error ("Domain %s did not reach the expected state", name);
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
wait_task (MpSession  *session,
           MpTask     *task,
           GError    **error)
{
  MpTaskTracker *tracker = mp_session_get_task_tracker (session);
  g_autoptr(GAsyncResult) result = NULL;

  mp_task_tracker_wait_async (tracker, mp_task_get_id (task), NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, TIMEOUT_MS);
  return mp_task_tracker_wait_finish (tracker, result, error);
}

static MpTask *
add_domain (MpSession                *session,
            const MpDomainAddOptions *options,
            GError                  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mp_session_add_domain_async (session, options, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, TIMEOUT_MS);
  return mp_session_add_domain_finish (session, result, error);
}

static MpTask *
set_mode (MpSession     *session,
          const char    *name,
          MpDomainType   type,
          const char    *relay,
          GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mp_session_set_domain_mode_async (session, name, type, relay, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, TIMEOUT_MS);
  return mp_session_set_domain_mode_finish (session, result, error);
}

static MpTask *
remove_domain (MpSession   *session,
               const char  *name,
               GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mp_session_remove_domain_async (session, name, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, TIMEOUT_MS);
  return mp_session_remove_domain_finish (session, result, error);
}

static JsonArray *
list_all (Fixture    *fixture,
          const char *path)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *array;

  mp_ovh_client_list_async (fixture->client, path, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, TIMEOUT_MS);
  array = mp_ovh_client_list_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  return array;
}

/* A session whose client can reach nothing: whatever it refuses, it refused without asking
 * (a request would fail as MP_OVH_ERROR_NETWORK).  It knows the live domains and, when
 * asked, their accounts. */
static MpSession *
offline_session (Fixture  *fixture,
                 gboolean  with_accounts)
{
  g_autoptr(MpOvhClient) dead = mp_ovh_client_new ("http://127.0.0.1:9/1.0", "testAppKeyDom1aa");
  g_autoptr(JsonArray) domains = list_all (fixture, "/email/pro/" SERVICE "/domain");
  MpSession *session;

  mp_ovh_client_set_secrets (dead, "testAppSecretDom1aaaaaaaaaaaaaaa", "testCkDomains0001aaaaaaaaaaaaaaa");
  session = mp_session_new (dead, mp_session_get_service (fixture->session));
  mp_session_domains_apply_list (session, domains);
  if (with_accounts)
    {
      g_autoptr(JsonArray) accounts = list_all (fixture, "/email/pro/" SERVICE "/account");

      mp_session_domains_apply_accounts (session, accounts);
    }
  return session;
}

/* The simulator's own copy of a domain, to check what the provider was really asked. */
static JsonObject *
sim_domain (Fixture    *fixture,
            const char *name)
{
  g_autoptr(JsonNode) state = mp_test_sim_control (fixture->sim, "GET", "/sim/state", NULL);
  JsonArray *services = json_object_get_array_member (json_node_get_object (state), "services");
  JsonObject *service = json_array_get_object_element (services, 0);
  JsonArray *domains = json_object_get_array_member (service, "domains");

  for (guint i = 0; i < json_array_get_length (domains); i++)
    {
      JsonObject *domain = json_array_get_object_element (domains, i);

      if (g_strcmp0 (json_object_get_string_member (domain, "name"), name) == 0)
        return json_object_ref (domain);
    }
  return NULL;
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  GListModel *domains = mp_session_get_domains (fixture->session);
  g_autoptr(MpDomain) first = NULL;
  g_autofree char *cname = NULL;
  MpDomain *relay;

  g_assert_cmpuint (g_list_model_get_n_items (domains), ==, 3);
  first = g_list_model_get_item (domains, 0);
  g_assert_cmpstr (mp_domain_get_name (first), ==, "bakery.test");
  g_assert_cmpuint (mp_domain_get_account_count (first), ==, 2);
  g_assert_cmpint (mp_domain_get_domain_type (first), ==, MP_DOMAIN_TYPE_AUTHORITATIVE);
  g_assert_true (mp_domain_get_mx_is_valid (first));
  g_assert_cmpstr (mp_domain_get_expected_mx (first)[0], ==, "IN MX 1 mx0.mail.ovh.net");
  g_assert_false (mp_domain_get_busy (first));
  g_assert_cmpuint (mp_domain_get_account_count (mp_session_find_domain (fixture->session, "empty.test")), ==, 0);

  relay = mp_session_find_domain (fixture->session, "RELAY.test");
  g_assert_nonnull (relay);
  g_assert_cmpint (mp_domain_get_domain_type (relay), ==, MP_DOMAIN_TYPE_NON_AUTHORITATIVE);
  g_assert_cmpstr (mp_domain_get_mx_relay (relay), ==, "mx1.mail.ovh.net");
  g_assert_false (mp_domain_get_domain_validated (relay));
  cname = mp_domain_dup_cname_record (relay);
  g_assert_cmpstr (cname, ==, "b12cd-check.relay.test");
  g_assert_cmpint (mp_domain_get_dkim_state (relay), ==, MP_DOMAIN_DKIM_STATE_TO_CONFIGURE);
  g_assert_cmpuint (mp_domain_get_account_count (relay), ==, 1);

  /* The refresh's task list resumed tracking of the seeded pending tasks. */
  g_assert_nonnull (mp_task_tracker_lookup (mp_session_get_task_tracker (fixture->session), 9002));

  /* A second refresh updates in place: the same objects stay in the store. */
  refresh (fixture->session);
  {
    g_autoptr(MpDomain) again = g_list_model_get_item (domains, 0);
    g_assert_true (again == first);
  }
}

static void
test_account_domains (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) names = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) zones = NULL;
  guint n_items;
  gboolean seen_idn = FALSE;

  mp_session_list_account_domains_async (fixture->session, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, TIMEOUT_MS);
  names = mp_session_list_account_domains_finish (fixture->session, result, &error);
  g_assert_no_error (error);

  n_items = g_list_model_get_n_items (names);
  g_assert_cmpuint (n_items, ==, 7);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(MpAccountDomain) item = g_list_model_get_item (names, i);
      const char *name = mp_account_domain_get_name (item);

      if (g_str_equal (name, "bakery.test"))
        {
          g_assert_true (mp_account_domain_get_attached (item));
          g_assert_true (mp_account_domain_get_zone_in_account (item));
        }
      else if (g_str_equal (name, "shop.test"))
        {
          g_assert_false (mp_account_domain_get_attached (item));
          g_assert_true (mp_account_domain_get_zone_in_account (item));
        }
      else if (g_str_equal (name, "xn--bckerei-schmidt-0kb.test"))
        {
          g_assert_cmpstr (mp_account_domain_get_unicode_name (item), ==, "bäckerei-schmidt.test");
          g_assert_false (mp_account_domain_get_zone_in_account (item));
          seen_idn = TRUE;
        }
    }
  g_assert_true (seen_idn);
  g_clear_object (&result);

  mp_session_list_dns_zones_async (fixture->session, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, TIMEOUT_MS);
  zones = mp_session_list_dns_zones_finish (fixture->session, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (zones), ==, 4);
  g_assert_cmpstr (zones[0], ==, "bakery.test");
}

static void
test_add_all_options (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(MpDomainAddOptions) options = mp_domain_add_options_new ("shop.test", MP_DOMAIN_TYPE_AUTHORITATIVE);
  g_autoptr(MpTask) task = NULL;
  g_autoptr(JsonObject) stored = NULL;
  g_autoptr(GError) error = NULL;
  MpDomain *domain;

  options->configure_mx = TRUE;
  options->configure_autodiscover = TRUE;
  options->configure_spf = TRUE;
  options->configure_dkim = TRUE;
  options->auto_enable_dkim = TRUE;
  /* Ignored for an authoritative domain. */
  options->mx_relay = g_strdup ("mx1.mail.ovh.net");

  task = add_domain (fixture->session, options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (task);
  g_assert_cmpstr (mp_task_get_function (task), ==, "addDomain");

  /* Accepted: the row is already there, being created. */
  domain = mp_session_find_domain (fixture->session, "shop.test");
  g_assert_nonnull (domain);
  g_assert_cmpint (mp_domain_get_state (domain), ==, MP_OBJECT_STATE_CREATING);
  g_assert_true (mp_domain_get_busy (domain));
  g_assert_cmpint (mp_domain_get_task_pending_id (domain), ==, mp_task_get_id (task));

  g_assert_true (wait_task (fixture->session, task, &error));
  g_assert_no_error (error);
  domain = wait_for_domain (fixture->session, "shop.test", MP_OBJECT_STATE_OK);
  g_assert_true (mp_domain_get_mx_is_valid (domain));
  g_assert_true (mp_domain_get_srv_is_valid (domain));
  g_assert_true (mp_domain_get_spf_is_valid (domain));
  g_assert_true (mp_domain_get_domain_validated (domain));
  g_assert_cmpint (mp_domain_get_dkim_state (domain), ==, MP_DOMAIN_DKIM_STATE_ACTIVE);

  stored = sim_domain (fixture, "shop.test");
  g_assert_true (json_object_get_null_member (stored, "mxRelay"));
  g_assert_cmpstr (json_object_get_string_member (stored, "type"), ==, "authoritative");
}

static void
test_add_external_idn (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(MpDomainAddOptions) options = mp_domain_add_options_new ("Bäckerei-Schmidt.test",
                                                                     MP_DOMAIN_TYPE_NON_AUTHORITATIVE);
  g_autoptr(MpTask) task = NULL;
  g_autoptr(GError) error = NULL;
  MpDomain *domain;

  options->mx_relay = g_strdup ("MX1.mail.ovh.net");
  task = add_domain (fixture->session, options, &error);
  g_assert_no_error (error);

  /* Found by either form; sent and stored in punycode. */
  domain = mp_session_find_domain (fixture->session, "bäckerei-schmidt.test");
  g_assert_nonnull (domain);
  g_assert_cmpstr (mp_domain_get_name (domain), ==, "xn--bckerei-schmidt-0kb.test");
  g_assert_cmpstr (mp_domain_get_unicode_name (domain), ==, "bäckerei-schmidt.test");

  g_assert_true (wait_task (fixture->session, task, &error));
  domain = wait_for_domain (fixture->session, "xn--bckerei-schmidt-0kb.test", MP_OBJECT_STATE_OK);
  g_assert_cmpint (mp_domain_get_domain_type (domain), ==, MP_DOMAIN_TYPE_NON_AUTHORITATIVE);
  g_assert_cmpstr (mp_domain_get_mx_relay (domain), ==, "mx1.mail.ovh.net");
  /* Outside the account: ownership still to prove, nothing configured. */
  g_assert_false (mp_domain_get_domain_validated (domain));
  g_assert_nonnull (mp_domain_get_cname_to_check (domain));
  g_assert_false (mp_domain_get_mx_is_valid (domain));
}

static void
test_add_authoritative_detected (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(MpDomainAddOptions) options = mp_domain_add_options_new ("other-platform.test",
                                                                     MP_DOMAIN_TYPE_AUTHORITATIVE);
  g_autoptr(MpTask) task = NULL;
  g_autoptr(GError) error = NULL;

  task = add_domain (fixture->session, options, &error);
  g_assert_null (task);
  g_assert_error (error, MP_DOMAIN_ERROR, MP_DOMAIN_ERROR_AUTHORITATIVE_ELSEWHERE);
  /* Our sentence first, then the provider's own words. */
  g_assert_true (g_str_has_prefix (error->message, "other-platform.test is set up as authoritative"));
  g_assert_nonnull (strstr (error->message, "“authoritative domain detected"));
  g_assert_null (mp_session_find_domain (fixture->session, "other-platform.test"));
  g_clear_error (&error);

  /* The guide's way out: the same domain as non-authoritative. */
  options->type = MP_DOMAIN_TYPE_NON_AUTHORITATIVE;
  options->mx_relay = g_strdup ("mx1.mail.ovh.net");
  task = add_domain (fixture->session, options, &error);
  g_assert_no_error (error);
  g_assert_true (wait_task (fixture->session, task, &error));
  wait_for_domain (fixture->session, "other-platform.test", MP_OBJECT_STATE_OK);
}

static void
test_add_already_attached (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(MpDomainAddOptions) options = mp_domain_add_options_new ("bakery.test",
                                                                     MP_DOMAIN_TYPE_AUTHORITATIVE);
  g_autoptr(MpSession) offline = offline_session (fixture, FALSE);
  g_autoptr(MpSession) fresh = NULL;
  g_autoptr(MpTask) task = NULL;
  g_autoptr(GError) error = NULL;

  /* Known locally: refused without asking. */
  task = add_domain (offline, options, &error);
  g_assert_error (error, MP_DOMAIN_ERROR, MP_DOMAIN_ERROR_ALREADY_ATTACHED);
  g_clear_error (&error);

  /* A session that has not loaded its list yet learns it from the provider. */
  fresh = new_session (fixture);
  task = add_domain (fresh, options, &error);
  g_assert_null (task);
  g_assert_error (error, MP_DOMAIN_ERROR, MP_DOMAIN_ERROR_ALREADY_ATTACHED);
}

static void
test_add_invalid_name (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(MpDomainAddOptions) options = mp_domain_add_options_new ("bad..name",
                                                                     MP_DOMAIN_TYPE_AUTHORITATIVE);
  g_autoptr(MpSession) offline = offline_session (fixture, FALSE);
  g_autoptr(MpTask) task = NULL;
  g_autoptr(GError) error = NULL;

  task = add_domain (offline, options, &error);
  g_assert_error (error, MP_DOMAIN_ERROR, MP_DOMAIN_ERROR_INVALID_NAME);
  g_clear_error (&error);

  /* Well-formed, but a name the provider refuses. */
  g_free (options->name);
  options->name = g_strdup ("shop.invalid");
  task = add_domain (fixture->session, options, &error);
  g_assert_null (task);
  g_assert_error (error, MP_DOMAIN_ERROR, MP_DOMAIN_ERROR_INVALID_NAME);
  g_assert_nonnull (strstr (error->message, "shop.invalid"));
}

static void
test_add_relay_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(MpDomainAddOptions) options = mp_domain_add_options_new ("shop.test",
                                                                     MP_DOMAIN_TYPE_NON_AUTHORITATIVE);
  g_autoptr(MpTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_relay = g_string_new (NULL);
  g_autoptr(MpSession) offline = offline_session (fixture, FALSE);

  /* The service's own host would loop. */
  options->mx_relay = g_strdup ("pro1.mail.ovh.net");
  task = add_domain (offline, options, &error);
  g_assert_error (error, MP_DOMAIN_ERROR, MP_DOMAIN_ERROR_INVALID_RELAY);
  g_assert_nonnull (strstr (error->message, "loop"));
  g_clear_error (&error);

  while (long_relay->len < 250)
    g_string_append (long_relay, "abcdefghij.");
  g_string_append (long_relay, "example");
  g_free (options->mx_relay);
  options->mx_relay = g_strdup (long_relay->str);
  task = add_domain (offline, options, &error);
  g_assert_error (error, MP_DOMAIN_ERROR, MP_DOMAIN_ERROR_INVALID_RELAY);
  g_clear_error (&error);

  g_clear_pointer (&options->mx_relay, g_free);
  task = add_domain (offline, options, &error);
  g_assert_error (error, MP_DOMAIN_ERROR, MP_DOMAIN_ERROR_INVALID_RELAY);
}

static void
test_add_task_error (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(MpDomainAddOptions) options = mp_domain_add_options_new ("broken.test",
                                                                     MP_DOMAIN_TYPE_AUTHORITATIVE);
  g_autoptr(MpTask) task = NULL;
  g_autoptr(GError) error = NULL;

  task = add_domain (fixture->session, options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (mp_session_find_domain (fixture->session, "broken.test"));

  g_assert_false (wait_task (fixture->session, task, &error));
  g_assert_error (error, MP_TASK_ERROR, MP_TASK_ERROR_FAILED);
  /* The failed task stays in the tracker's list; the domain is gone once reloaded. */
  g_assert_true (mp_task_tracker_lookup (mp_session_get_task_tracker (fixture->session),
                                         mp_task_get_id (task)) == task);
  wait_for_domain (fixture->session, "broken.test", MP_OBJECT_STATE_UNKNOWN);
}

static void
test_set_mode (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(MpTask) task = NULL;
  g_autoptr(JsonObject) stored = NULL;
  g_autoptr(GError) error = NULL;
  MpDomain *domain;

  task = set_mode (fixture->session, "relay.test", MP_DOMAIN_TYPE_AUTHORITATIVE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (task);
  g_assert_cmpstr (mp_task_get_function (task), ==, "setDomain");
  domain = mp_session_find_domain (fixture->session, "relay.test");
  g_assert_true (mp_domain_get_busy (domain));
  g_clear_object (&task);

  /* Busy: a second change waits for the first. */
  task = set_mode (fixture->session, "relay.test", MP_DOMAIN_TYPE_NON_AUTHORITATIVE, "mx2.mail.ovh.net", &error);
  g_assert_error (error, MP_DOMAIN_ERROR, MP_DOMAIN_ERROR_BUSY);
  g_clear_error (&error);

  while (mp_domain_get_busy (domain) || mp_domain_get_domain_type (domain) != MP_DOMAIN_TYPE_AUTHORITATIVE)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (mp_domain_get_mx_relay (domain));

  task = set_mode (fixture->session, "relay.test", MP_DOMAIN_TYPE_NON_AUTHORITATIVE, "mx2.mail.ovh.net", &error);
  g_assert_no_error (error);
  g_assert_true (wait_task (fixture->session, task, &error));
  stored = sim_domain (fixture, "relay.test");
  g_assert_cmpstr (json_object_get_string_member (stored, "type"), ==, "nonAuthoritative");
  g_assert_cmpstr (json_object_get_string_member (stored, "mxRelay"), ==, "mx2.mail.ovh.net");

  /* The same relay rules as when adding. */
  while (mp_domain_get_busy (domain))
    g_main_context_iteration (NULL, TRUE);
  g_clear_object (&task);
  task = set_mode (fixture->session, "relay.test", MP_DOMAIN_TYPE_NON_AUTHORITATIVE, "pro1.mail.ovh.net", &error);
  g_assert_error (error, MP_DOMAIN_ERROR, MP_DOMAIN_ERROR_INVALID_RELAY);
  g_clear_error (&error);

  task = set_mode (fixture->session, "nowhere.test", MP_DOMAIN_TYPE_AUTHORITATIVE, NULL, &error);
  g_assert_error (error, MP_DOMAIN_ERROR, MP_DOMAIN_ERROR_NOT_ATTACHED);
}

static void
test_remove (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(MpTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MpSession) offline = offline_session (fixture, TRUE);
  g_autoptr(MpSession) uncounted = NULL;
  g_autoptr(JsonArray) array = NULL;
  MpDomain *domain;

  /* Accounts use it: refused locally with the reason. */
  task = remove_domain (offline, "bakery.test", &error);
  g_assert_error (error, MP_DOMAIN_ERROR, MP_DOMAIN_ERROR_HAS_ACCOUNTS);
  g_assert_nonnull (strstr (error->message, "2 accounts still use this domain"));
  g_clear_error (&error);

  /* A session that knows the domains but not the accounts is refused by the provider. */
  uncounted = new_session (fixture);
  array = list_all (fixture, "/email/pro/" SERVICE "/domain");
  mp_session_domains_apply_list (uncounted, array);
  task = remove_domain (uncounted, "bakery.test", &error);
  g_assert_null (task);
  g_assert_error (error, MP_DOMAIN_ERROR, MP_DOMAIN_ERROR_HAS_ACCOUNTS);
  g_clear_error (&error);

  /* No accounts: removed through a deleteDomain task. */
  task = remove_domain (fixture->session, "empty.test", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mp_task_get_function (task), ==, "deleteDomain");
  domain = mp_session_find_domain (fixture->session, "empty.test");
  g_assert_nonnull (domain);
  g_assert_cmpint (mp_domain_get_state (domain), ==, MP_OBJECT_STATE_DELETING);
  g_assert_true (wait_task (fixture->session, task, &error));
  wait_for_domain (fixture->session, "empty.test", MP_OBJECT_STATE_UNKNOWN);
  g_clear_object (&task);

  task = remove_domain (fixture->session, "empty.test", &error);
  g_assert_error (error, MP_DOMAIN_ERROR, MP_DOMAIN_ERROR_NOT_ATTACHED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/mailpost/domains/list", test_list);
  ADD ("/mailpost/domains/account-domains", test_account_domains);
  ADD ("/mailpost/domains/add/all-options", test_add_all_options);
  ADD ("/mailpost/domains/add/external-idn", test_add_external_idn);
  ADD ("/mailpost/domains/add/authoritative-detected", test_add_authoritative_detected);
  ADD ("/mailpost/domains/add/already-attached", test_add_already_attached);
  ADD ("/mailpost/domains/add/invalid-name", test_add_invalid_name);
  ADD ("/mailpost/domains/add/relay-refused", test_add_relay_refused);
  ADD ("/mailpost/domains/add/task-error", test_add_task_error);
  ADD ("/mailpost/domains/set-mode", test_set_mode);
  ADD ("/mailpost/domains/remove", test_remove);
#undef ADD

  return g_test_run ();
}
