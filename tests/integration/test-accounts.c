/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The session's accounts against the simulator over real HTTP: the store, configuring a
 * placeholder (rename task, then password), refusals at each step, a password change during
 * a running rename, aliases, reset, order and diagnostics. */
#include "config.h"

#include <string.h>

#include "api/mp-ovh-error.h"
#include "emailpro/mp-session.h"
#include "mp-test-sim.h"

#define TIMEOUT_MS 15000
#define SERVICE "emailpro-acc-1"
#define GOOD_PASSWORD "Brot4Kuchen!"

typedef struct
{
  MpTestSim   *sim;
  MpOvhClient *client;
  MpSession   *session;
  MpTaskClock  clock;
} Fixture;

/* The tracker's polls come 20 times sooner than its real 1 s to 10 s back-off, so a test
 * follows tasks of the simulator (100 ms a step) without waiting for seconds. */
static guint
fast_schedule (MpTaskClock *clock,
               guint        delay_ms,
               GSourceFunc  fn,
               gpointer     data)
{
  return g_timeout_add (MAX (delay_ms / 20, 1), fn, data);
}

static void
fast_cancel (MpTaskClock *clock,
             guint        id)
{
  g_source_remove (id);
}

static gpointer
wait_result (GAsyncResult **result)
{
  mp_test_wait_for_result (result, TIMEOUT_MS);
  return *result;
}

static void
refresh_accounts (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  mp_session_refresh_accounts_async (fixture->session, NULL, mp_test_store_result, &result);
  mp_session_refresh_accounts_finish (fixture->session, wait_result (&result), &error);
  g_assert_no_error (error);
}

/* The alias counts are read after the list, one request per mailbox: let them land so that
 * a test starts with no request in flight. */
static void
wait_for_alias_counts (Fixture *fixture)
{
  GListModel *accounts = mp_session_get_accounts (fixture->session);
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_MS * 1000;

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(MpAccount) account = g_list_model_get_item (accounts, i);

      while (mp_account_get_alias_count (account) < 0 && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (mp_account_get_alias_count (account), >=, 0);
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char * const args[] = { "--task-ms", "100", NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) services = NULL;
  g_autoptr(MpService) service = NULL;
  g_autoptr(GError) error = NULL;

  fixture->sim = mp_test_sim_start ("test-accounts.json", args);
  fixture->client = mp_ovh_client_new (mp_test_sim_get_base_url (fixture->sim), "accAppKey0001aaa");
  mp_ovh_client_set_secrets (fixture->client, "accAppSecret0001aaaaaaaaaaaaaaaa",
                             "accCkValidated0001aaaaaaaaaaaaaa");

  mp_session_list_services_async (fixture->client, NULL, mp_test_store_result, &result);
  services = mp_session_list_services_finish (wait_result (&result), &error);
  g_assert_no_error (error);
  service = g_list_model_get_item (services, 0);
  fixture->session = mp_session_new (fixture->client, service);

  fixture->clock.schedule = fast_schedule;
  fixture->clock.cancel = fast_cancel;
  mp_task_tracker_set_clock (mp_session_get_task_tracker (fixture->session), &fixture->clock);

  g_clear_object (&result);
  mp_session_refresh_async (fixture->session, NULL, mp_test_store_result, &result);
  mp_session_refresh_finish (fixture->session, wait_result (&result), &error);
  g_assert_no_error (error);
  wait_for_alias_counts (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->sim, mp_test_sim_stop);
}

static MpAccount *
find (Fixture    *fixture,
      const char *address)
{
  MpAccount *account = mp_session_find_account (fixture->session, address);

  g_assert_nonnull (account);
  return account;
}

static gboolean
configure (Fixture                 *fixture,
           MpAccount               *account,
           const MpAccountSettings *settings,
           GError                 **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mp_session_configure_account_async (fixture->session, account, settings, NULL,
                                      mp_test_store_result, &result);
  return mp_session_configure_account_finish (fixture->session, wait_result (&result), error);
}

static gboolean
change_password (Fixture    *fixture,
                 MpAccount  *account,
                 const char *password,
                 GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mp_session_change_password_async (fixture->session, account, password, NULL,
                                    mp_test_store_result, &result);
  return mp_session_change_password_finish (fixture->session, wait_result (&result), error);
}

static MpAccountDiagnosis *
diagnose (Fixture    *fixture,
          MpAccount  *account,
          const char *password)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  MpAccountDiagnosis *diagnosis;

  mp_session_diagnose_account_async (fixture->session, account, password, NULL,
                                     mp_test_store_result, &result);
  diagnosis = mp_session_diagnose_account_finish (fixture->session, wait_result (&result), &error);
  g_assert_no_error (error);
  return diagnosis;
}

static void
add_fault (Fixture    *fixture,
           const char *method,
           const char *path,
           int         status)
{
  g_autofree char *body = g_strdup_printf ("{\"method\":\"%s\",\"path\":\"%s\",\"status\":%d,\"rate\":\"x1\"}",
                                           method, path, status);
  g_autoptr(JsonNode) answer = mp_test_sim_control (fixture->sim, "POST", "/sim/fault", body);
}

static void
test_store (Fixture       *fixture,
            gconstpointer  data)
{
  GListModel *accounts = mp_session_get_accounts (fixture->session);
  MpAccount *anna = find (fixture, "anna.schmidt@shop.example");
  MpAccount *promo = find (fixture, "promo@shop.example");
  g_autofree char *spam_text = mp_account_describe_status (promo);
  g_auto(GStrv) domains = mp_session_dup_address_domains (fixture->session);
  const char *expected_domains[] = { "other.example", "shop.example", NULL };

  g_assert_cmpuint (g_list_model_get_item_type (accounts), ==, MP_TYPE_ACCOUNT);
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 10);
  g_assert_cmpuint (mp_session_get_account_count (fixture->session), ==, 10);
  g_assert_cmpuint (mp_session_get_configured_account_count (fixture->session), ==, 6);

  g_assert_cmpint (mp_account_get_status (anna), ==, MP_ACCOUNT_STATUS_READY);
  g_assert_cmpfloat_with_epsilon (mp_account_get_usage_fraction (anna), 0.25, 1e-9);
  g_assert_nonnull (mp_account_get_last_logon_date (anna));
  g_assert_cmpint (mp_account_get_status (find (fixture, "old.shop@shop.example")), ==, MP_ACCOUNT_STATUS_SUSPENDED);
  g_assert_cmpint (mp_account_get_status (promo), ==, MP_ACCOUNT_STATUS_SPAM_DETECTED);
  g_assert_nonnull (strstr (spam_text, "9876543"));
  g_assert_cmpint (mp_account_get_status (mp_session_find_free_placeholder (fixture->session)), ==,
                   MP_ACCOUNT_STATUS_PLACEHOLDER);
  g_assert_cmpstrv (domains, expected_domains);

  g_assert_cmpint (mp_account_get_alias_count (find (fixture, "info@shop.example")), ==, 3);
  g_assert_cmpint (mp_account_get_alias_count (anna), ==, 2);

  /* A reload updates the same items in place. */
  refresh_accounts (fixture);
  g_assert_true (find (fixture, "anna.schmidt@shop.example") == anna);
}

static void
test_configure_placeholder (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(MpAccount) account = g_object_ref (mp_session_find_free_placeholder (fixture->session));
  MpAccountSettings settings = MP_ACCOUNT_SETTINGS_INIT;
  g_autoptr(MpAccountDiagnosis) right = NULL;
  g_autoptr(GError) error = NULL;

  settings.login = "sales";
  settings.domain = "shop.example";
  settings.first_name = "Sam";
  settings.last_name = "Seller";
  settings.display_name = "Sam Seller";
  settings.password = GOOD_PASSWORD;
  g_assert_true (configure (fixture, account, &settings, &error));
  g_assert_no_error (error);

  /* The same item now is the configured address, in the store too. */
  g_assert_cmpstr (mp_account_get_primary_email_address (account), ==, "sales@shop.example");
  g_assert_cmpstr (mp_account_get_display_name (account), ==, "Sam Seller");
  g_assert_false (mp_account_get_is_placeholder (account));
  g_assert_cmpint (mp_account_get_task_pending_id (account), ==, 0);
  g_assert_nonnull (mp_account_get_password_last_update (account));
  g_assert_true (mp_session_find_account (fixture->session, "sales@shop.example") == account);

  /* The password really is the one set: the provider signs in with it. */
  right = diagnose (fixture, account, GOOD_PASSWORD);
  g_assert_true (mp_account_diagnosis_get_connective_webmail (right));

  refresh_accounts (fixture);
  g_assert_cmpuint (mp_session_get_configured_account_count (fixture->session), ==, 7);
}

static void
test_configure_refused_before_sending (Fixture       *fixture,
                                       gconstpointer  data)
{
  MpAccount *account = mp_session_find_free_placeholder (fixture->session);
  MpAccountSettings settings = MP_ACCOUNT_SETTINGS_INIT;
  g_autoptr(GError) error = NULL;
  guint requests;

  mp_test_sim_reset_stats (fixture->sim);
  settings.login = "sales,team";
  settings.domain = "shop.example";
  g_assert_false (configure (fixture, account, &settings, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_true (g_str_has_prefix (error->message, "A comma is not allowed in an address."));
  g_clear_error (&error);

  settings.login = "sales";
  settings.password = "sales2024X";
  g_assert_false (configure (fixture, account, &settings, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  settings.password = NULL;
  settings.domain = "pending.example";
  g_assert_false (configure (fixture, account, &settings, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);

  requests = mp_test_sim_get_request_count (fixture->sim);
  g_assert_cmpuint (requests, ==, 0);
  g_assert_true (mp_account_get_is_placeholder (account));
}

static void
test_configure_refused_rename (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(MpAccount) account = g_object_ref (mp_session_find_free_placeholder (fixture->session));
  g_autofree char *address = g_strdup (mp_account_get_primary_email_address (account));
  MpAccountSettings settings = MP_ACCOUNT_SETTINGS_INIT;
  g_autoptr(GError) error = NULL;

  /* The address is taken: the provider refuses the PUT, nothing is applied. */
  settings.login = "info";
  settings.domain = "shop.example";
  settings.password = GOOD_PASSWORD;
  g_assert_false (configure (fixture, account, &settings, &error));
  g_assert_error (error, MP_ACCOUNT_ERROR, MP_ACCOUNT_ERROR_NOT_APPLIED);
  g_assert_nonnull (strstr (error->message, address));
  g_assert_cmpstr (mp_account_get_primary_email_address (account), ==, address);
  g_assert_true (mp_account_get_is_placeholder (account));
}

static void
test_configure_refused_password (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(MpAccount) account = g_object_ref (mp_session_find_free_placeholder (fixture->session));
  MpAccountSettings settings = MP_ACCOUNT_SETTINGS_INIT;
  g_autoptr(GError) error = NULL;

  add_fault (fixture, "POST", "/email/pro/*/changePassword", 403);
  settings.login = "team";
  settings.domain = "shop.example";
  settings.password = GOOD_PASSWORD;
  g_assert_false (configure (fixture, account, &settings, &error));

  /* The rename was applied, the password was not, and the sentence says both. */
  g_assert_error (error, MP_ACCOUNT_ERROR, MP_ACCOUNT_ERROR_PASSWORD_NOT_SET);
  g_assert_true (g_str_has_prefix (error->message, "The address was renamed to team@shop.example, but the password was not set"));
  g_assert_cmpstr (mp_account_get_primary_email_address (account), ==, "team@shop.example");
  g_assert_null (mp_account_get_password_last_update (account));

  /* Setting it again on its own works. */
  g_clear_error (&error);
  g_assert_true (change_password (fixture, account, GOOD_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_nonnull (mp_account_get_password_last_update (account));
}

static void
test_password_waits_for_rename (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(MpAccount) account = g_object_ref (mp_session_find_free_placeholder (fixture->session));
  g_autofree char *old_path = NULL;
  g_autofree char *escaped = mp_ovh_client_escape_segment (mp_account_get_primary_email_address (account));
  g_autoptr(JsonNode) body = json_from_string ("{\"login\":\"desk\",\"domain\":\"shop.example\"}", NULL);
  g_autoptr(JsonNode) password = json_from_string ("{\"password\":\"" GOOD_PASSWORD "\"}", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(MpAccountDiagnosis) diagnosis = NULL;
  g_autoptr(GError) error = NULL;

  /* Someone (the provider's panel, another Mailpost) starts a rename … */
  old_path = g_strdup_printf ("/email/pro/" SERVICE "/account/%s", escaped);
  mp_ovh_client_call_async (fixture->client, "PUT", old_path, body, MP_OVH_CALL_DEFAULT, NULL,
                            mp_test_store_result, &result);
  answer = mp_ovh_client_call_finish (fixture->client, wait_result (&result), &error);
  g_assert_no_error (error);

  /* … which the provider does not let a password change interrupt … */
  {
    g_autofree char *path = g_strconcat (old_path, "/changePassword", NULL);
    g_autoptr(JsonNode) refused = NULL;

    g_clear_object (&result);
    mp_ovh_client_call_async (fixture->client, "POST", path, password, MP_OVH_CALL_DEFAULT, NULL,
                              mp_test_store_result, &result);
    refused = mp_ovh_client_call_finish (fixture->client, wait_result (&result), &error);
    g_assert_error (error, MP_OVH_ERROR, MP_OVH_ERROR_CONFLICT);
    g_clear_error (&error);
  }

  /* … so the session waits for it, then sets the password on the new address. */
  g_assert_true (change_password (fixture, account, GOOD_PASSWORD, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (mp_account_get_primary_email_address (account), ==, "desk@shop.example");
  g_assert_nonnull (mp_account_get_password_last_update (account));

  diagnosis = diagnose (fixture, account, GOOD_PASSWORD);
  g_assert_true (mp_account_diagnosis_get_connective_webmail (diagnosis));
}

static GListModel *
list_aliases (Fixture   *fixture,
              MpAccount *account)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *aliases;

  mp_session_list_aliases_async (fixture->session, account, NULL, mp_test_store_result, &result);
  aliases = mp_session_list_aliases_finish (fixture->session, wait_result (&result), &error);
  g_assert_no_error (error);
  return aliases;
}

static gboolean
change_alias (Fixture    *fixture,
              MpAccount  *account,
              const char *alias,
              gboolean    add,
              GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  if (add)
    {
      mp_session_add_alias_async (fixture->session, account, alias, NULL, mp_test_store_result, &result);
      return mp_session_add_alias_finish (fixture->session, wait_result (&result), error);
    }
  mp_session_remove_alias_async (fixture->session, account, alias, NULL, mp_test_store_result, &result);
  return mp_session_remove_alias_finish (fixture->session, wait_result (&result), error);
}

static void
test_aliases (Fixture       *fixture,
              gconstpointer  data)
{
  MpAccount *anna = find (fixture, "anna.schmidt@shop.example");
  g_autoptr(GListModel) before = list_aliases (fixture, anna);
  g_autoptr(GListModel) after = NULL;
  g_autoptr(MpAccountAlias) first = g_list_model_get_item (before, 0);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (before), ==, 2);
  g_assert_cmpstr (mp_account_alias_get_alias (first), ==, "a.schmidt@shop.example");
  g_assert_cmpint (mp_account_get_alias_count (anna), ==, 2);

  g_assert_true (change_alias (fixture, anna, "anna.s@other.example", TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mp_account_get_alias_count (anna), ==, 3);
  after = list_aliases (fixture, anna);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 3);

  /* Taken elsewhere on the service: the provider refuses. */
  g_assert_false (change_alias (fixture, anna, "contact@shop.example", TRUE, &error));
  g_assert_error (error, MP_OVH_ERROR, MP_OVH_ERROR_CONFLICT);
  g_clear_error (&error);
  /* A domain not validated yet, or a comma: refused before sending. */
  g_assert_false (change_alias (fixture, anna, "anna@pending.example", TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (change_alias (fixture, anna, "an,na@shop.example", TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_true (change_alias (fixture, anna, "anna@shop.example", FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mp_account_get_alias_count (anna), ==, 2);
}

static void
test_reset (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(MpAccount) ben = g_object_ref (find (fixture, "ben.weber@shop.example"));
  gint64 id = mp_account_get_id (ben);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  mp_session_reset_account_async (fixture->session, ben, NULL, mp_test_store_result, &result);
  g_assert_true (mp_session_reset_account_finish (fixture->session, wait_result (&result), &error));
  g_assert_no_error (error);

  /* The slot stays, as a new placeholder with the same id. */
  g_assert_cmpint (mp_account_get_id (ben), ==, id);
  g_assert_true (mp_account_get_is_placeholder (ben));
  g_assert_true (g_str_has_suffix (mp_account_get_primary_email_address (ben), "@configureme.me"));
  g_assert_null (mp_account_get_display_name (ben));
  g_assert_null (mp_session_find_account (fixture->session, "ben.weber@shop.example"));

  refresh_accounts (fixture);
  g_assert_cmpuint (mp_session_get_account_count (fixture->session), ==, 10);
  g_assert_cmpuint (mp_session_get_configured_account_count (fixture->session), ==, 5);
}

static void
test_order (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) durations = NULL;
  g_autoptr(MpAccountOrder) order = NULL;
  const char *expected[] = { "01", "12", NULL };
  gint64 deadline;

  mp_session_list_order_durations_async (fixture->session, 3, NULL, mp_test_store_result, &result);
  durations = mp_session_list_order_durations_finish (fixture->session, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (durations, expected);

  g_clear_object (&result);
  mp_session_order_accounts_async (fixture->session, "12", 0, NULL, mp_test_store_result, &result);
  g_assert_null (mp_session_order_accounts_finish (fixture->session, wait_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_clear_object (&result);
  mp_session_order_accounts_async (fixture->session, "12", 3, NULL, mp_test_store_result, &result);
  order = mp_session_order_accounts_finish (fixture->session, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (order->order_id, >, 0);
  g_assert_true (g_str_has_prefix (order->url, mp_test_sim_get_root_url (fixture->sim)));
  g_assert_nonnull (order->price_text);

  /* The placeholders arrive a little later; a reload picks them up. */
  deadline = g_get_monotonic_time () + TIMEOUT_MS * 1000;
  while (mp_session_get_account_count (fixture->session) < 13 && g_get_monotonic_time () < deadline)
    {
      g_usleep (100 * 1000);
      refresh_accounts (fixture);
    }
  g_assert_cmpuint (mp_session_get_account_count (fixture->session), ==, 13);
  g_assert_cmpuint (mp_session_get_configured_account_count (fixture->session), ==, 6);
}

static void
test_diagnostics (Fixture       *fixture,
                  gconstpointer  data)
{
  MpAccount *clara = find (fixture, "clara@other.example");
  g_autoptr(MpAccountDiagnosis) first = NULL;
  g_autoptr(GError) error = NULL;

  /* Give Clara a known password, then check with a wrong one until the service locks her. */
  g_assert_true (change_password (fixture, clara, GOOD_PASSWORD, &error));
  g_assert_no_error (error);

  first = diagnose (fixture, clara, GOOD_PASSWORD);
  g_assert_true (mp_account_diagnosis_get_connective_webmail (first));
  g_assert_true (mp_account_diagnosis_get_can_send_email (first));
  /* other.example has no MX or SRV record in the seed. */
  g_assert_false (mp_account_diagnosis_get_is_mx_valid (first));
  g_assert_false (mp_account_diagnosis_get_is_srv_valid (first));
  g_assert_false (mp_account_diagnosis_get_can_receive_email (first));
  g_assert_false (mp_account_diagnosis_get_check (first, MP_ACCOUNT_CHECK_MX_VALID)->passed);
  g_assert_nonnull (mp_account_diagnosis_get_last_check (first));

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(MpAccountDiagnosis) wrong = diagnose (fixture, clara, "Wrong4Password");

      g_assert_false (mp_account_diagnosis_get_connective_webmail (wrong));
    }
  g_assert_true (mp_account_get_locked (clara));
  g_assert_cmpint (mp_account_get_status (clara), ==, MP_ACCOUNT_STATUS_LOCKED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) \
  g_test_add ("/mailpost/accounts/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)

  ADD ("store/listing-and-counts", test_store);
  ADD ("configure/placeholder-end-to-end", test_configure_placeholder);
  ADD ("configure/refused-before-sending", test_configure_refused_before_sending);
  ADD ("configure/refused-rename-applies-nothing", test_configure_refused_rename);
  ADD ("configure/refused-password-keeps-rename", test_configure_refused_password);
  ADD ("password/waits-for-running-rename", test_password_waits_for_rename);
  ADD ("aliases/list-add-remove", test_aliases);
  ADD ("reset/back-to-placeholder", test_reset);
  ADD ("order/durations-and-placeholders", test_order);
  ADD ("diagnostics/checks-and-lockout", test_diagnostics);

  return g_test_run ();
}
