/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The account model and its neighbours (alias, diagnosis, order) from schema-shaped fixtures,
 * and from hostile ones. */
#include "config.h"

#include <string.h>

#include "api/mp-ovh-error.h"
#include "emailpro/mp-account.h"
#include "emailpro/mp-account-alias.h"
#include "emailpro/mp-account-diagnosis.h"
#include "emailpro/mp-account-order.h"
#include "mp-enum-types.h"

static JsonNode *
load_fixture (const char *name)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *dir = g_getenv ("MAILPOST_FIXTURES");

  path = dir != NULL ? g_build_filename (dir, name, NULL)
                     : g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static MpAccount *
load_account (const char *name)
{
  g_autoptr(JsonNode) node = load_fixture (name);
  g_autoptr(GError) error = NULL;
  MpAccount *account = mp_account_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_nonnull (account);
  return account;
}

static void
record_notify (GObject    *object,
               GParamSpec *pspec,
               GString    *log)
{
  g_string_append_printf (log, " %s ", pspec->name);
}

static gboolean
was_notified (GString    *log,
              const char *name)
{
  g_autofree char *needle = g_strdup_printf (" %s ", name);

  return strstr (log->str, needle) != NULL;
}

static void
test_every_field (void)
{
  g_autoptr(MpAccount) account = load_account ("account.json");
  const char *filter[] = { "vaderetro", NULL };
  g_autofree char *logon = NULL;

  g_assert_cmpstr (mp_account_get_primary_email_address (account), ==, "anna.schmidt@schmidt-bakery.example");
  g_assert_cmpstr (mp_account_get_login (account), ==, "anna.schmidt");
  g_assert_cmpstr (mp_account_get_domain (account), ==, "schmidt-bakery.example");
  g_assert_cmpstr (mp_account_get_display_name (account), ==, "Anna Schmidt");
  g_assert_cmpstr (mp_account_get_first_name (account), ==, "Anna");
  g_assert_cmpstr (mp_account_get_last_name (account), ==, "Schmidt");
  g_assert_cmpstr (mp_account_get_initial (account), ==, "AS");
  g_assert_cmpstr (mp_account_get_sam_account_name (account), ==, "anna.schmidt_8f2");
  g_assert_cmpstr (mp_account_get_renew_period (account), ==, "yearly");
  g_assert_cmpint (mp_account_get_id (account), ==, 4711);
  g_assert_true (mp_account_get_configured (account));
  g_assert_false (mp_account_get_hidden_from_gal (account));
  g_assert_cmpint (mp_account_get_current_usage (account), ==, 2560);
  g_assert_cmpint (mp_account_get_quota (account), ==, 10240);
  g_assert_cmpint (mp_account_get_state (account), ==, MP_OBJECT_STATE_OK);
  g_assert_false (mp_account_get_spam_detected (account));
  g_assert_cmpint (mp_account_get_spam_ticket_number (account), ==, -1);
  g_assert_cmpint (mp_account_get_task_pending_id (account), ==, 0);
  g_assert_cmpint (mp_account_get_delete_at_expiration (account), ==, 0);
  g_assert_cmpstrv (mp_account_get_mailing_filter (account), filter);
  g_assert_true (json_object_get_boolean_member (mp_account_get_spam_and_virus_configuration (account),
                                                 "deleteVirus"));
  g_assert_nonnull (mp_account_get_creation_date (account));
  g_assert_nonnull (mp_account_get_expiration_date (account));
  g_assert_null (mp_account_get_expiration_outlook_date (account));
  g_assert_nonnull (mp_account_get_last_logoff_date (account));
  g_assert_nonnull (mp_account_get_last_update_date (account));
  g_assert_nonnull (mp_account_get_password_last_update (account));
  logon = g_date_time_format_iso8601 (mp_account_get_last_logon_date (account));
  g_assert_cmpstr (logon, ==, "2024-05-02T08:01:12+02");

  g_assert_false (mp_account_get_is_placeholder (account));
  g_assert_cmpint (mp_account_get_status (account), ==, MP_ACCOUNT_STATUS_READY);
  g_assert_cmpfloat_with_epsilon (mp_account_get_usage_fraction (account), 0.25, 1e-9);
  g_assert_cmpint (mp_account_get_alias_count (account), ==, -1);
  g_assert_nonnull (strstr (mp_account_get_search_text (account), "anna schmidt"));
}

static void
test_placeholder (void)
{
  g_autoptr(MpAccount) account = load_account ("account-placeholder.json");
  g_autofree char *description = mp_account_describe_status (account);

  g_assert_true (mp_account_get_is_placeholder (account));
  g_assert_cmpint (mp_account_get_status (account), ==, MP_ACCOUNT_STATUS_PLACEHOLDER);
  g_assert_cmpstr (mp_account_status_to_string (MP_ACCOUNT_STATUS_PLACEHOLDER), ==, "placeholder");
  g_assert_null (mp_account_get_display_name (account));
  g_assert_cmpint (mp_account_get_task_pending_id (account), ==, 0);
  g_assert_cmpfloat (mp_account_get_usage_fraction (account), ==, 0.0);
  g_assert_nonnull (strstr (description, "Configure"));

  g_assert_true (mp_account_address_is_placeholder ("x@CONFIGUREME.ME"));
  g_assert_false (mp_account_address_is_placeholder ("x@configureme.me.example"));
  g_assert_false (mp_account_address_is_placeholder ("configureme.me"));
  g_assert_false (mp_account_address_is_placeholder (NULL));
}

static void
test_spam_wins (void)
{
  g_autoptr(MpAccount) account = load_account ("account-spam.json");
  g_autofree char *description = mp_account_describe_status (account);

  /* Suspended too, but the spam ticket is what the owner must act on. */
  g_assert_cmpint (mp_account_get_state (account), ==, MP_OBJECT_STATE_SUSPENDED);
  g_assert_cmpint (mp_account_get_status (account), ==, MP_ACCOUNT_STATUS_SPAM_DETECTED);
  g_assert_cmpint (mp_account_get_spam_ticket_number (account), ==, 9876543);
  g_assert_nonnull (strstr (description, "9876543"));
  /* Over quota reads as full, not more. */
  g_assert_cmpfloat (mp_account_get_usage_fraction (account), ==, 1.0);
}

static void
test_status_order (void)
{
  g_autoptr(JsonNode) node = load_fixture ("account.json");
  JsonObject *object = json_node_get_object (node);
  g_autoptr(MpAccount) account = load_account ("account.json");
  g_autoptr(GString) log = g_string_new (NULL);

  g_signal_connect (account, "notify", G_CALLBACK (record_notify), log);

  json_object_set_int_member (object, "taskPendingId", 99);
  g_assert_true (mp_account_update_from_json (account, node, NULL));
  g_assert_cmpint (mp_account_get_status (account), ==, MP_ACCOUNT_STATUS_TASK_RUNNING);
  g_assert_true (was_notified (log, "status"));
  g_assert_true (was_notified (log, "task-pending-id"));

  mp_account_set_locked (account, TRUE);
  g_assert_cmpint (mp_account_get_status (account), ==, MP_ACCOUNT_STATUS_LOCKED);

  json_object_set_string_member (object, "state", "suspending");
  g_assert_true (mp_account_update_from_json (account, node, NULL));
  g_assert_cmpint (mp_account_get_status (account), ==, MP_ACCOUNT_STATUS_SUSPENDED);

  for (guint s = MP_ACCOUNT_STATUS_SPAM_DETECTED; s <= MP_ACCOUNT_STATUS_READY; s++)
    {
      g_assert_cmpstr (mp_account_status_to_label (s), !=, "");
      g_assert_cmpstr (mp_account_status_to_string (s), !=, "");
    }
}

static void
test_update_notifies_only_changes (void)
{
  g_autoptr(JsonNode) node = load_fixture ("account.json");
  g_autoptr(MpAccount) account = load_account ("account.json");
  g_autoptr(GString) log = g_string_new (NULL);

  g_signal_connect (account, "notify", G_CALLBACK (record_notify), log);
  g_assert_true (mp_account_update_from_json (account, node, NULL));
  g_assert_cmpstr (log->str, ==, "");

  json_object_set_int_member (json_node_get_object (node), "currentUsage", 5120);
  g_assert_true (mp_account_update_from_json (account, node, NULL));
  g_assert_true (was_notified (log, "current-usage"));
  g_assert_true (was_notified (log, "usage-fraction"));
  g_assert_false (was_notified (log, "status"));
  g_assert_false (was_notified (log, "display-name"));

  g_string_truncate (log, 0);
  mp_account_set_alias_count (account, 3);
  mp_account_set_alias_count (account, 3);
  g_assert_cmpstr (log->str, ==, " alias-count ");
}

static void
test_rename_in_place (void)
{
  g_autoptr(MpAccount) account = load_account ("account-placeholder.json");
  g_autoptr(JsonNode) node = load_fixture ("account-placeholder.json");
  JsonObject *object = json_node_get_object (node);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_signal_connect (account, "notify", G_CALLBACK (record_notify), log);
  json_object_set_string_member (object, "primaryEmailAddress", "anna@schmidt-bakery.example");
  json_object_set_string_member (object, "login", "anna");
  json_object_set_string_member (object, "domain", "schmidt-bakery.example");
  json_object_set_boolean_member (object, "configured", TRUE);
  g_assert_true (mp_account_update_from_json (account, node, NULL));
  g_assert_cmpstr (mp_account_get_primary_email_address (account), ==, "anna@schmidt-bakery.example");
  g_assert_false (mp_account_get_is_placeholder (account));
  g_assert_true (was_notified (log, "is-placeholder"));
  g_assert_true (was_notified (log, "status"));
  g_assert_true (was_notified (log, "search-text"));

  /* Another mailbox's answer is not an update of this one. */
  json_object_set_int_member (object, "id", 1);
  g_assert_false (mp_account_update_from_json (account, node, &error));
  g_assert_error (error, MP_OVH_ERROR, MP_OVH_ERROR_MALFORMED);
}

static void
test_hostile (void)
{
  g_autoptr(MpAccount) account = load_account ("account-hostile.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) array = json_from_string ("[1,2]", NULL);
  g_autoptr(JsonNode) no_address = json_from_string ("{\"login\":\"x\"}", NULL);

  g_assert_true (mp_account_get_configured (account));
  g_assert_cmpint (mp_account_get_current_usage (account), ==, -1);
  g_assert_cmpint (mp_account_get_id (account), ==, 0);
  g_assert_null (mp_account_get_display_name (account));
  g_assert_null (mp_account_get_first_name (account));
  g_assert_cmpint (mp_account_get_state (account), ==, MP_OBJECT_STATE_UNKNOWN);
  g_assert_false (mp_account_get_spam_detected (account));
  g_assert_cmpint (mp_account_get_spam_ticket_number (account), ==, -1);
  g_assert_cmpstrv (mp_account_get_mailing_filter (account), ((const char *[]) { NULL }));
  g_assert_null (mp_account_get_spam_and_virus_configuration (account));
  g_assert_null (mp_account_get_last_logon_date (account));
  g_assert_cmpint (mp_account_get_delete_at_expiration (account), ==, -1);
  g_assert_cmpint (mp_account_get_task_pending_id (account), ==, 0);
  g_assert_cmpfloat (mp_account_get_usage_fraction (account), ==, -1.0);
  g_assert_cmpint (mp_account_get_status (account), ==, MP_ACCOUNT_STATUS_READY);

  g_assert_null (mp_account_new_from_json (array, &error));
  g_assert_error (error, MP_OVH_ERROR, MP_OVH_ERROR_MALFORMED);
  g_clear_error (&error);
  g_assert_null (mp_account_new_from_json (no_address, &error));
  g_assert_error (error, MP_OVH_ERROR, MP_OVH_ERROR_MALFORMED);
  g_clear_error (&error);
  g_assert_null (mp_account_new_from_json (NULL, &error));
  g_assert_error (error, MP_OVH_ERROR, MP_OVH_ERROR_MALFORMED);
}

static void
test_properties (void)
{
  g_autoptr(MpAccount) account = load_account ("account-spam.json");
  g_autofree char *address = NULL;
  MpAccountStatus status;
  gint64 ticket;
  double fraction;

  g_object_get (account,
                "primary-email-address", &address,
                "status", &status,
                "spam-ticket-number", &ticket,
                "usage-fraction", &fraction,
                NULL);
  g_assert_cmpstr (address, ==, "shop@schmidt-bakery.example");
  g_assert_cmpint (status, ==, MP_ACCOUNT_STATUS_SPAM_DETECTED);
  g_assert_cmpint (ticket, ==, 9876543);
  g_assert_cmpfloat (fraction, ==, 1.0);
  g_assert_true (G_TYPE_IS_ENUM (MP_TYPE_ACCOUNT_STATUS));
}

static void
test_alias (void)
{
  g_autoptr(JsonNode) node = load_fixture ("account-alias.json");
  g_autoptr(JsonNode) bad = json_from_string ("{\"alias\":7}", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MpAccountAlias) alias = mp_account_alias_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (mp_account_alias_get_alias (alias), ==, "orders@schmidt-bakery.example");
  g_assert_nonnull (mp_account_alias_get_creation_date (alias));
  g_assert_cmpint (mp_account_alias_get_task_pending_id (alias), ==, 0);
  g_assert_null (mp_account_alias_new_from_json (bad, &error));
  g_assert_error (error, MP_OVH_ERROR, MP_OVH_ERROR_MALFORMED);
}

static void
test_diagnosis (void)
{
  g_autoptr(JsonNode) node = load_fixture ("account-diagnosis.json");
  g_autoptr(JsonNode) partial = json_from_string ("{\"canSendEmail\":true}", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MpAccountDiagnosis) diagnosis = mp_account_diagnosis_new_from_json (node, &error);
  g_autoptr(MpAccountDiagnosis) few = mp_account_diagnosis_new_from_json (partial, NULL);
  const MpAccountCheckResult *locked;

  g_assert_no_error (error);
  g_assert_true (mp_account_diagnosis_get_can_receive_email (diagnosis));
  g_assert_false (mp_account_diagnosis_get_can_send_email (diagnosis));
  g_assert_true (mp_account_diagnosis_get_connective_webmail (diagnosis));
  g_assert_true (mp_account_diagnosis_get_is_locked (diagnosis));
  g_assert_true (mp_account_diagnosis_get_is_mx_valid (diagnosis));
  g_assert_false (mp_account_diagnosis_get_is_spammer (diagnosis));
  g_assert_false (mp_account_diagnosis_get_is_srv_valid (diagnosis));
  g_assert_false (mp_account_diagnosis_get_is_suspended (diagnosis));
  g_assert_nonnull (mp_account_diagnosis_get_last_check (diagnosis));
  g_assert_false (mp_account_diagnosis_get_all_passed (diagnosis));

  locked = mp_account_diagnosis_get_check (diagnosis, MP_ACCOUNT_CHECK_NOT_LOCKED);
  g_assert_cmpstr (locked->field, ==, "isLocked");
  g_assert_false (locked->passed);
  g_assert_true (mp_account_diagnosis_get_check (diagnosis, MP_ACCOUNT_CHECK_NOT_SPAMMER)->passed);
  for (guint i = 0; i < MP_ACCOUNT_N_CHECKS; i++)
    {
      const MpAccountCheckResult *check = mp_account_diagnosis_get_check (diagnosis, i);

      g_assert_cmpint (check->check, ==, i);
      g_assert_true (check->known);
      g_assert_true (g_str_has_suffix (check->meaning, "."));
      g_assert_true (g_str_has_suffix (check->remedy, "."));
      g_assert_cmpstr (check->title, !=, "");
    }

  /* Unknown fields neither pass nor fail the whole. */
  g_assert_false (mp_account_diagnosis_get_check (few, MP_ACCOUNT_CHECK_NOT_LOCKED)->known);
  g_assert_true (mp_account_diagnosis_get_all_passed (few));
}

static void
test_order (void)
{
  g_autoptr(JsonNode) node = load_fixture ("account-order.json");
  g_autoptr(JsonNode) no_url = json_from_string ("{\"orderId\":1}", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MpAccountOrder) order = mp_account_order_new_from_json (node, &error);
  g_autoptr(MpAccountOrder) copy = NULL;
  const struct { const char *in, *out; } durations[] = {
    { "P1M", "1 month" }, { "P12M", "1 year" }, { "P1Y", "1 year" }, { "01", "1 month" },
    { "03", "3 months" }, { "12", "1 year" }, { "P2Y", "2 years" }, { "upfront", "upfront" },
    { "P1W", "P1W" }, { "", "" },
  };

  g_assert_no_error (error);
  g_assert_cmpint (order->order_id, ==, 123456789);
  g_assert_true (g_str_has_prefix (order->url, "https://www.ovh.com/"));
  g_assert_cmpstr (order->price_text, ==, "5.04 €");
  g_assert_cmpstr (order->price_without_tax_text, ==, "4.20 €");
  copy = mp_account_order_copy (order);
  g_assert_cmpstr (copy->url, ==, order->url);

  g_assert_null (mp_account_order_new_from_json (no_url, &error));
  g_assert_error (error, MP_OVH_ERROR, MP_OVH_ERROR_MALFORMED);

  for (guint i = 0; i < G_N_ELEMENTS (durations); i++)
    {
      g_autofree char *text = mp_account_order_describe_duration (durations[i].in);

      g_assert_cmpstr (text, ==, durations[i].out);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mailpost/accounts/model/every-field", test_every_field);
  g_test_add_func ("/mailpost/accounts/model/placeholder", test_placeholder);
  g_test_add_func ("/mailpost/accounts/model/spam-wins-over-suspended", test_spam_wins);
  g_test_add_func ("/mailpost/accounts/model/status-order", test_status_order);
  g_test_add_func ("/mailpost/accounts/model/update-notifies-only-changes", test_update_notifies_only_changes);
  g_test_add_func ("/mailpost/accounts/model/rename-in-place", test_rename_in_place);
  g_test_add_func ("/mailpost/accounts/model/hostile", test_hostile);
  g_test_add_func ("/mailpost/accounts/model/properties", test_properties);
  g_test_add_func ("/mailpost/accounts/alias", test_alias);
  g_test_add_func ("/mailpost/accounts/diagnosis", test_diagnosis);
  g_test_add_func ("/mailpost/accounts/order", test_order);

  return g_test_run ();
}
