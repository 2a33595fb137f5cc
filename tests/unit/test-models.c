/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Model parsing from fixtures shaped like the provider's schema, and from hostile ones. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "api/mp-ovh-error.h"
#include "emailpro/mp-server.h"
#include "emailpro/mp-service.h"
#include "emailpro/mp-task.h"
#include "emailpro/mp-task-list.h"

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

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

/* Records the names of the properties notified on an object. */
static void
record_notify (GObject    *object,
               GParamSpec *pspec,
               GString    *log)
{
  g_string_append_printf (log, "%s%s", log->len > 0 ? " " : "", pspec->name);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The set of notified properties, whatever order GObject emitted them in. */
static void
assert_notified (GString    *log,
                 const char *expected)
{
  g_auto(GStrv) names = g_strsplit (log->str, " ", -1);
  g_autofree char *sorted = NULL;

  qsort (names, g_strv_length (names), sizeof (char *), compare_strings);
  sorted = g_strjoinv (" ", names);

  g_assert_cmpstr (sorted, ==, expected);
  g_string_truncate (log, 0);
}

static void
test_service_from_schema_fixture (void)
{
  g_autoptr(JsonNode) node = load_fixture ("service.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(MpService) service = mp_service_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (mp_service_get_name (service), ==, "emailpro-mb123456-1");
  g_assert_cmpstr (mp_service_get_display_name (service), ==, "Bäckerei Müller – Mail");
  g_assert_cmpstr (mp_service_get_title (service), ==, "Bäckerei Müller – Mail");
  g_assert_cmpstr (mp_service_get_hostname (service), ==, "pro1.mail.ovh.net");
  g_assert_cmpstr (mp_service_get_web_url (service), ==, "https://pro1.mail.ovh.net/owa/");
  g_assert_cmpstr (mp_service_get_offer (service), ==, "emailpro");
  g_assert_cmpint (mp_service_get_state (service), ==, MP_SERVICE_STATE_OK);
  g_assert_true (mp_service_get_complexity_enabled (service));
  g_assert_cmpint (mp_service_get_min_password_length (service), ==, 9);
  g_assert_cmpint (mp_service_get_min_password_age (service), ==, 1);
  g_assert_cmpint (mp_service_get_max_password_age (service), ==, 90);
  g_assert_cmpint (mp_service_get_lockout_threshold (service), ==, 5);
  g_assert_cmpint (mp_service_get_lockout_duration (service), ==, 30);
  g_assert_cmpint (mp_service_get_lockout_observation_window (service), ==, 15);
  g_assert_cmpint (mp_service_get_max_send_size (service), ==, 50);
  g_assert_cmpint (mp_service_get_max_receive_size (service), ==, 100);
  g_assert_cmpint (mp_service_get_task_pending_id (service), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&service));
}

static void
assert_service_defaults (MpService *service)
{
  g_assert_null (mp_service_get_display_name (service));
  g_assert_cmpstr (mp_service_get_title (service), ==, mp_service_get_name (service));
  g_assert_null (mp_service_get_hostname (service));
  g_assert_null (mp_service_get_web_url (service));
  g_assert_cmpstr (mp_service_get_offer (service), ==, "");
  g_assert_cmpint (mp_service_get_state (service), ==, MP_SERVICE_STATE_UNKNOWN);
  g_assert_false (mp_service_get_complexity_enabled (service));
  g_assert_cmpint (mp_service_get_min_password_length (service), ==, -1);
  g_assert_cmpint (mp_service_get_min_password_age (service), ==, -1);
  g_assert_cmpint (mp_service_get_max_password_age (service), ==, -1);
  g_assert_cmpint (mp_service_get_lockout_threshold (service), ==, -1);
  g_assert_cmpint (mp_service_get_lockout_duration (service), ==, -1);
  g_assert_cmpint (mp_service_get_lockout_observation_window (service), ==, -1);
  g_assert_cmpint (mp_service_get_max_send_size (service), ==, -1);
  g_assert_cmpint (mp_service_get_max_receive_size (service), ==, -1);
  g_assert_cmpint (mp_service_get_task_pending_id (service), ==, 0);
}

static void
test_service_hostile_defaults (gconstpointer data)
{
  const char *fixture = data;
  g_autoptr(JsonNode) node = load_fixture (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(MpService) service = mp_service_new_from_json (node, &error);
  g_autofree char *password = NULL;
  g_autofree char *lockout = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (service);
  assert_service_defaults (service);

  /* The sentences must still be whole sentences without numbers to show. */
  password = mp_service_describe_password_policy (service);
  lockout = mp_service_describe_lockout_policy (service);
  g_assert_cmpstr (password, ==, "The service sets no minimum length and no complexity rule for passwords.");
  g_assert_cmpstr (lockout, ==, "No lockout after failed sign-ins.");

  g_assert_finalize_object (g_steal_pointer (&service));
}

static void
test_service_unknown_enums (void)
{
  g_autoptr(JsonNode) node = load_fixture ("service-unknown-enums.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(MpService) service = mp_service_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_cmpint (mp_service_get_state (service), ==, MP_SERVICE_STATE_UNKNOWN);
  g_assert_cmpstr (mp_service_state_to_label (MP_SERVICE_STATE_UNKNOWN), ==, "Unknown state");
  /* The offer is kept as sent: a new offer name is still worth showing. */
  g_assert_cmpstr (mp_service_get_offer (service), ==, "emailpro-ultra");
  g_assert_cmpint (mp_service_get_min_password_length (service), ==, 9);
}

static void
test_service_malformed (gconstpointer data)
{
  const char *fixture = data;
  g_autoptr(JsonNode) node = load_fixture (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(MpService) service = mp_service_new_from_json (node, &error);

  g_assert_null (service);
  g_assert_error (error, MP_OVH_ERROR, MP_OVH_ERROR_MALFORMED);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_service_not_json_object (void)
{
  const char *texts[] = { "null", "42", "\"emailpro-x\"", "[]", "{}", "{\"domain\": \"\"}" };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(JsonNode) node = parse_json (texts[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(MpService) service = mp_service_new_from_json (node, &error);

      g_assert_null (service);
      g_assert_error (error, MP_OVH_ERROR, MP_OVH_ERROR_MALFORMED);
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_null (mp_service_new_from_json (NULL, &error));
    g_assert_error (error, MP_OVH_ERROR, MP_OVH_ERROR_MALFORMED);
  }
}

static void
test_service_deep_nesting (void)
{
  g_autoptr(JsonNode) node = load_fixture ("service-deep-nesting.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(MpService) service = mp_service_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (mp_service_get_name (service), ==, "emailpro-deep-1");
  g_assert_cmpint (mp_service_get_lockout_threshold (service), ==, 5);
}

static void
test_service_huge_strings (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MpService) service = NULL;
  g_autofree char *huge = NULL;
  gsize size = 1024 * 1024;

  /* A megabyte of multibyte text, ending in a character that must survive intact. */
  huge = g_malloc (size + 1);
  for (gsize i = 0; i < size - 2; i++)
    huge[i] = 'a' + i % 26;
  memcpy (huge + size - 2, "é", 2);
  huge[size] = '\0';

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "domain");
  json_builder_add_string_value (builder, "emailpro-huge-1");
  json_builder_set_member_name (builder, "displayName");
  json_builder_add_string_value (builder, huge);
  json_builder_set_member_name (builder, "hostname");
  json_builder_add_string_value (builder, huge);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, huge);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  service = mp_service_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (mp_service_get_display_name (service)), ==, size);
  g_assert_cmpstr (mp_service_get_display_name (service), ==, huge);
  g_assert_cmpstr (mp_service_get_title (service), ==, huge);
  g_assert_cmpstr (mp_service_get_hostname (service), ==, huge);
  g_assert_cmpint (mp_service_get_state (service), ==, MP_SERVICE_STATE_UNKNOWN);

  /* The panel's rule refuses it, with a reason rather than a crash. */
  {
    g_autofree char *reason = mp_service_check_display_name (huge);
    g_assert_cmpstr (reason, ==, "The name can have at most 250 characters.");
  }
}

static void
test_service_update_notifies_changes_only (void)
{
  g_autoptr(JsonNode) node = load_fixture ("service.json");
  g_autoptr(MpService) service = mp_service_new_from_json (node, NULL);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  JsonObject *object = json_node_get_object (node);

  g_signal_connect (service, "notify", G_CALLBACK (record_notify), log);

  g_assert_true (mp_service_update_from_json (service, node, &error));
  g_assert_no_error (error);
  assert_notified (log, "");

  json_object_set_string_member (object, "displayName", "Bäckerei Müller");
  json_object_set_string_member (object, "state", "suspended");
  json_object_set_int_member (object, "lockoutThreshold", 5);
  g_assert_true (mp_service_update_from_json (service, node, &error));
  assert_notified (log, "display-name state title");
  g_assert_cmpint (mp_service_get_state (service), ==, MP_SERVICE_STATE_SUSPENDED);

  /* An empty display name falls back to the service name in the title. */
  json_object_set_string_member (object, "displayName", "");
  g_assert_true (mp_service_update_from_json (service, node, &error));
  assert_notified (log, "display-name title");
  g_assert_cmpstr (mp_service_get_title (service), ==, "emailpro-mb123456-1");
}

static void
test_service_update_other_service_refused (void)
{
  g_autoptr(JsonNode) node = load_fixture ("service.json");
  g_autoptr(JsonNode) other = load_fixture ("service-missing-fields.json");
  g_autoptr(MpService) service = mp_service_new_from_json (node, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (mp_service_update_from_json (service, other, &error));
  g_assert_error (error, MP_OVH_ERROR, MP_OVH_ERROR_MALFORMED);
  /* Nothing of the other service leaked in. */
  g_assert_cmpstr (mp_service_get_name (service), ==, "emailpro-mb123456-1");
  g_assert_cmpint (mp_service_get_min_password_length (service), ==, 9);
}

static MpService *
service_with_policy (const char *json)
{
  g_autoptr(JsonNode) node = parse_json (json);
  g_autoptr(GError) error = NULL;
  MpService *service = mp_service_new_from_json (node, &error);

  g_assert_no_error (error);
  return service;
}

typedef struct
{
  const char *json;
  const char *password;
  const char *lockout;
} PolicyCase;

static void
test_service_policy_sentences (void)
{
  static const PolicyCase cases[] = {
    { "{\"domain\":\"s\",\"minPasswordLength\":9,\"complexityEnabled\":true,"
      "\"lockoutThreshold\":5,\"lockoutObservationWindow\":30,\"lockoutDuration\":30}",
      "Passwords need at least 9 characters and must mix upper-case letters, lower-case letters and digits.",
      "An account is locked after 5 failed sign-ins. Failed sign-ins count towards that limit for 30 minutes. "
      "A locked account opens again after 30 minutes." },
    { "{\"domain\":\"s\",\"minPasswordLength\":1,\"lockoutThreshold\":1,"
      "\"lockoutObservationWindow\":1,\"lockoutDuration\":1}",
      "Passwords need at least 1 character.",
      "An account is locked after 1 failed sign-in. Failed sign-ins count towards that limit for 1 minute. "
      "A locked account opens again after 1 minute." },
    { "{\"domain\":\"s\",\"complexityEnabled\":true,\"maxPasswordAge\":90,\"minPasswordAge\":1,"
      "\"lockoutThreshold\":3,\"lockoutDuration\":0}",
      "Passwords must mix upper-case letters, lower-case letters and digits. Passwords expire after 90 days. "
      "Once set, a password can only be changed after 1 day.",
      "An account is locked after 3 failed sign-ins. A locked account stays locked until an administrator unlocks it." },
    { "{\"domain\":\"s\",\"minPasswordLength\":0,\"maxPasswordAge\":0,\"lockoutThreshold\":0,"
      "\"lockoutObservationWindow\":30,\"lockoutDuration\":30}",
      "The service sets no minimum length and no complexity rule for passwords.",
      "No lockout after failed sign-ins." },
    { "{\"domain\":\"s\",\"minPasswordLength\":99999999999,\"lockoutThreshold\":null}",
      "Passwords need at least 2147483647 characters.",
      "No lockout after failed sign-ins." },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MpService) service = service_with_policy (cases[i].json);
      g_autofree char *password = mp_service_describe_password_policy (service);
      g_autofree char *lockout = mp_service_describe_lockout_policy (service);

      g_assert_cmpstr (password, ==, cases[i].password);
      g_assert_cmpstr (lockout, ==, cases[i].lockout);
    }
}

static char *
repeat (const char *unit,
        guint       times)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (text, unit);
  return g_string_free (text, FALSE);
}

static void
assert_display_name (const char *unit,
                     guint       times,
                     const char *reason)
{
  g_autofree char *name = repeat (unit, times);
  g_autofree char *result = mp_service_check_display_name (name);

  g_assert_cmpstr (result, ==, reason);
}

static void
test_service_display_name_rule (void)
{
  const char *too_short = "The name needs at least 5 characters.";
  const char *too_long = "The name can have at most 250 characters.";

  assert_display_name ("a", 4, too_short);
  assert_display_name ("a", 5, NULL);
  assert_display_name ("a", 250, NULL);
  assert_display_name ("a", 251, too_long);

  /* Characters, not bytes: 4 × 3 bytes is still too short, 250 × 2 bytes still fits. */
  assert_display_name ("日", 4, too_short);
  assert_display_name ("é", 5, NULL);
  assert_display_name ("ü", 250, NULL);
  assert_display_name ("ü", 251, too_long);
  assert_display_name ("👍", 250, NULL);

  assert_display_name ("", 0, too_short);
  {
    g_autofree char *reason = mp_service_check_display_name (NULL);
    g_assert_cmpstr (reason, ==, too_short);
  }
  {
    g_autofree char *reason = mp_service_check_display_name ("Line\nbreak");
    g_assert_cmpstr (reason, ==, "The name cannot contain line breaks or other control characters.");
  }
  {
    g_autofree char *reason = mp_service_check_display_name ("bad \xff bytes");
    g_assert_cmpstr (reason, ==, "The name contains bytes that are not valid text.");
  }
  {
    g_autofree char *reason = mp_service_check_display_name ("<b>Office & Co</b>");
    g_assert_null (reason);
  }
}

static void
test_server_from_schema_fixture (void)
{
  g_autoptr(JsonNode) node = load_fixture ("server.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(MpServer) server = mp_server_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_cmpint (mp_server_get_current_disk_usage (server), ==, 2048);
  g_assert_cmpint (mp_server_get_disk_size (server), ==, 51200);
  g_assert_cmpfloat_with_epsilon (mp_server_get_disk_fraction (server), 0.04, 1e-9);
  g_assert_cmpstr (mp_server_get_ip (server), ==, "198.51.100.21");
  g_assert_cmpstr (mp_server_get_ipv6 (server), ==, "2001:db8:100::21");
  g_assert_cmpstr (mp_server_get_version (server), ==, "15.1");
  g_assert_cmpint (mp_server_get_state (server), ==, MP_SERVER_STATE_CONFIGURATION_PENDING);
  g_assert_true (mp_server_get_is_a_valid (server));
  g_assert_false (mp_server_get_is_aaaa_valid (server));
  g_assert_true (mp_server_get_is_ptr_valid (server));
  g_assert_false (mp_server_get_is_ptr_v6_valid (server));

  g_assert_finalize_object (g_steal_pointer (&server));
}

static void
test_server_hostile (void)
{
  g_autoptr(JsonNode) node = load_fixture ("server-hostile.json");
  g_autoptr(JsonNode) array = parse_json ("[{\"diskSize\": 1}]");
  g_autoptr(GError) error = NULL;
  g_autoptr(MpServer) server = mp_server_new_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_cmpint (mp_server_get_current_disk_usage (server), ==, -1);
  g_assert_cmpint (mp_server_get_disk_size (server), ==, -1);
  g_assert_cmpfloat (mp_server_get_disk_fraction (server), ==, -1.0);
  g_assert_null (mp_server_get_ip (server));
  g_assert_null (mp_server_get_ipv6 (server));
  g_assert_null (mp_server_get_version (server));
  g_assert_cmpint (mp_server_get_state (server), ==, MP_SERVER_STATE_UNKNOWN);
  g_assert_false (mp_server_get_is_a_valid (server));
  g_assert_false (mp_server_get_is_aaaa_valid (server));
  g_assert_false (mp_server_get_is_ptr_valid (server));
  g_assert_false (mp_server_get_is_ptr_v6_valid (server));

  g_assert_null (mp_server_new_from_json (array, &error));
  g_assert_error (error, MP_OVH_ERROR, MP_OVH_ERROR_MALFORMED);
}

static void
test_server_update_notifies_changes_only (void)
{
  g_autoptr(JsonNode) node = load_fixture ("server.json");
  g_autoptr(MpServer) server = mp_server_new_from_json (node, NULL);
  g_autoptr(GString) log = g_string_new (NULL);

  g_signal_connect (server, "notify", G_CALLBACK (record_notify), log);

  g_assert_true (mp_server_update_from_json (server, node, NULL));
  assert_notified (log, "");

  json_object_set_int_member (json_node_get_object (node), "currentDiskUsage", 51200 * 2);
  g_assert_true (mp_server_update_from_json (server, node, NULL));
  assert_notified (log, "current-disk-usage disk-fraction");
  /* More used than the disk holds is shown as full, not as 200 %. */
  g_assert_cmpfloat (mp_server_get_disk_fraction (server), ==, 1.0);
}

static void
test_task_from_schema_fixture (void)
{
  g_autoptr(JsonNode) node = load_fixture ("tasks.json");
  JsonArray *array = json_node_get_array (node);
  static const MpTaskStatus statuses[] = {
    MP_TASK_STATUS_DONE, MP_TASK_STATUS_DOING, MP_TASK_STATUS_TODO,
    MP_TASK_STATUS_ERROR, MP_TASK_STATUS_CANCELLED,
  };

  g_assert_cmpuint (json_array_get_length (array), ==, G_N_ELEMENTS (statuses));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MpTask) task = mp_task_new_from_json (json_array_get_element (array, i), &error);

      g_assert_no_error (error);
      g_assert_cmpint (mp_task_get_id (task), ==, 1001 + i);
      g_assert_cmpint (mp_task_get_status (task), ==, statuses[i]);
      g_assert_nonnull (mp_task_get_todo_date (task));
      g_assert_true (mp_task_status_is_final (statuses[i]) == (mp_task_get_finish_date (task) != NULL));
    }

  {
    g_autoptr(MpTask) task = mp_task_new_from_json (json_array_get_element (array, 0), NULL);
    g_autoptr(GDateTime) expected = g_date_time_new_utc (2024, 5, 1, 10, 0, 0);

    g_assert_cmpstr (mp_task_get_function (task), ==, "addDomain");
    g_assert_cmpstr (mp_task_get_function_label (task), ==, "Adding a domain");
    g_assert_true (g_date_time_equal (mp_task_get_finish_date (task), expected));
  }
}

static void
test_task_every_function_has_label (void)
{
  g_autoptr(JsonNode) node = load_fixture ("tasks-all-functions.json");
  JsonArray *array = json_node_get_array (node);
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);

  /* Every value of email.pro.TaskFunctionEnum in the schema. */
  g_assert_cmpuint (json_array_get_length (array), ==, 49);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(MpTask) task = mp_task_new_from_json (json_array_get_element (array, i), NULL);
      const char *label = mp_task_get_function_label (task);

      g_assert_nonnull (label);
      g_assert_cmpstr (label, !=, mp_task_get_function (task));
      g_assert_cmpstr (label, !=, "");
      /* Two functions with one label would leave people guessing. */
      g_assert_false (g_hash_table_contains (labels, label));
      g_hash_table_add (labels, (gpointer) label);
    }
}

static void
test_task_hostile (void)
{
  g_autoptr(JsonNode) node = load_fixture ("tasks-hostile.json");
  JsonArray *array = json_node_get_array (node);

  /* No id, id as a string, negative id, an array, null: no task. */
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (mp_task_new_from_json (json_array_get_element (array, i), &error));
      g_assert_error (error, MP_OVH_ERROR, MP_OVH_ERROR_MALFORMED);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(MpTask) task = mp_task_new_from_json (json_array_get_element (array, 5), &error);

    g_assert_no_error (error);
    g_assert_cmpint (mp_task_get_id (task), ==, 1012);
    g_assert_cmpint (mp_task_get_status (task), ==, MP_TASK_STATUS_UNKNOWN);
    g_assert_cmpstr (mp_task_get_function (task), ==, "teleportMailbox");
    g_assert_cmpstr (mp_task_get_function_label (task), ==, "teleportMailbox");
    g_assert_null (mp_task_get_todo_date (task));
    g_assert_null (mp_task_get_finish_date (task));
  }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(MpTask) task = mp_task_new_from_json (json_array_get_element (array, 6), &error);

    g_assert_no_error (error);
    g_assert_cmpint (mp_task_get_id (task), ==, 1013);
    g_assert_null (mp_task_get_function (task));
    g_assert_cmpstr (mp_task_get_function_label (task), ==, "An operation the provider does not name");
    g_assert_cmpint (mp_task_get_status (task), ==, MP_TASK_STATUS_UNKNOWN);
  }
}

static void
test_task_update_notifies_changes_only (void)
{
  g_autoptr(JsonNode) node = load_fixture ("tasks.json");
  JsonNode *first = json_array_get_element (json_node_get_array (node), 1);
  g_autoptr(MpTask) task = mp_task_new_from_json (first, NULL);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  JsonObject *object = json_node_get_object (first);

  g_signal_connect (task, "notify", G_CALLBACK (record_notify), log);

  g_assert_true (mp_task_update_from_json (task, first, NULL));
  assert_notified (log, "");

  json_object_set_string_member (object, "status", "done");
  json_object_set_string_member (object, "finishDate", "2024-05-02T08:03:00+02:00");
  /* The same instant written in another offset is no change. */
  json_object_set_string_member (object, "todoDate", "2024-05-02T06:00:00Z");
  g_assert_true (mp_task_update_from_json (task, first, NULL));
  assert_notified (log, "finish-date status");
  g_assert_true (mp_task_status_is_final (mp_task_get_status (task)));

  json_object_set_int_member (object, "id", 9999);
  g_assert_false (mp_task_update_from_json (task, first, &error));
  g_assert_error (error, MP_OVH_ERROR, MP_OVH_ERROR_MALFORMED);
  g_assert_cmpint (mp_task_get_id (task), ==, 1002);
}

static void
count_items_changed (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *count)
{
  (*count)++;
}

static void
test_task_list_sync (void)
{
  g_autoptr(JsonNode) node = load_fixture ("tasks.json");
  g_autoptr(JsonNode) hostile = load_fixture ("tasks-hostile.json");
  JsonArray *array = json_node_get_array (node);
  g_autoptr(GListStore) store = g_list_store_new (MP_TYPE_TASK);
  g_autoptr(MpTask) second = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  guint changes = 0;

  g_signal_connect (store, "items-changed", G_CALLBACK (count_items_changed), &changes);

  mp_task_list_sync (store, array);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 5);
  g_assert_cmpuint (changes, ==, 1);

  /* Same tasks, one of them further along: updated in place, the list is left alone. */
  second = g_list_model_get_item (G_LIST_MODEL (store), 1);
  g_signal_connect (second, "notify", G_CALLBACK (record_notify), log);
  json_object_set_string_member (json_array_get_object_element (array, 1), "status", "done");
  mp_task_list_sync (store, array);
  g_assert_cmpuint (changes, ==, 1);
  assert_notified (log, "status");
  g_assert_cmpint (mp_task_get_status (second), ==, MP_TASK_STATUS_DONE);

  /* A task gone: the store follows, and the remaining objects are the same ones. */
  json_array_remove_element (array, 0);
  mp_task_list_sync (store, array);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 4);
  {
    g_autoptr(MpTask) first = g_list_model_get_item (G_LIST_MODEL (store), 0);
    g_assert_true (first == second);
  }

  /* Unreadable entries are skipped, the readable ones kept. */
  mp_task_list_sync (store, json_node_get_array (hostile));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
}

static void
test_enums_round_trip (void)
{
  g_assert_cmpint (mp_service_state_from_string ("inMaintenance"), ==, MP_SERVICE_STATE_IN_MAINTENANCE);
  g_assert_cmpstr (mp_service_state_to_string (MP_SERVICE_STATE_IN_MAINTENANCE), ==, "inMaintenance");
  g_assert_cmpint (mp_service_state_from_string ("InMaintenance"), ==, MP_SERVICE_STATE_UNKNOWN);
  g_assert_cmpint (mp_service_state_from_string (NULL), ==, MP_SERVICE_STATE_UNKNOWN);
  g_assert_cmpint (mp_server_state_from_string ("notConfigured"), ==, MP_SERVER_STATE_NOT_CONFIGURED);
  g_assert_cmpint (mp_object_state_from_string ("suspending"), ==, MP_OBJECT_STATE_SUSPENDING);
  g_assert_cmpint (mp_object_state_from_string ("unknown"), ==, MP_OBJECT_STATE_UNKNOWN);
  g_assert_cmpint (mp_task_status_from_string ("cancelled"), ==, MP_TASK_STATUS_CANCELLED);
  g_assert_cmpstr (mp_task_status_to_string (MP_TASK_STATUS_UNKNOWN), ==, "unknown");

  /* Every value has a label of its own. */
  for (int i = MP_SERVICE_STATE_UNKNOWN; i <= MP_SERVICE_STATE_SUSPENDING; i++)
    g_assert_cmpstr (mp_service_state_to_label (i), !=, mp_service_state_to_string (i));
  for (int i = MP_SERVER_STATE_UNKNOWN; i <= MP_SERVER_STATE_OK; i++)
    g_assert_cmpstr (mp_server_state_to_label (i), !=, mp_server_state_to_string (i));
  for (int i = MP_OBJECT_STATE_UNKNOWN; i <= MP_OBJECT_STATE_SUSPENDING; i++)
    g_assert_cmpstr (mp_object_state_to_label (i), !=, mp_object_state_to_string (i));
  for (int i = MP_TASK_STATUS_UNKNOWN; i <= MP_TASK_STATUS_CANCELLED; i++)
    g_assert_cmpstr (mp_task_status_to_label (i), !=, mp_task_status_to_string (i));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mailpost/models/service/from-schema-fixture", test_service_from_schema_fixture);
  g_test_add_data_func ("/mailpost/models/service/missing-fields-take-defaults",
                        "service-missing-fields.json", test_service_hostile_defaults);
  g_test_add_data_func ("/mailpost/models/service/nulls-take-defaults",
                        "service-nulls.json", test_service_hostile_defaults);
  g_test_add_data_func ("/mailpost/models/service/wrong-types-take-defaults",
                        "service-wrong-types.json", test_service_hostile_defaults);
  g_test_add_func ("/mailpost/models/service/unknown-enum-values", test_service_unknown_enums);
  g_test_add_data_func ("/mailpost/models/service/no-domain-is-malformed",
                        "service-no-domain.json", test_service_malformed);
  g_test_add_data_func ("/mailpost/models/service/domain-not-string-is-malformed",
                        "service-domain-not-string.json", test_service_malformed);
  g_test_add_data_func ("/mailpost/models/service/array-instead-of-object-is-malformed",
                        "service-array.json", test_service_malformed);
  g_test_add_func ("/mailpost/models/service/not-an-object-is-malformed", test_service_not_json_object);
  g_test_add_func ("/mailpost/models/service/deep-nesting-ignored", test_service_deep_nesting);
  g_test_add_func ("/mailpost/models/service/megabyte-strings-kept", test_service_huge_strings);
  g_test_add_func ("/mailpost/models/service/update-notifies-changes-only",
                   test_service_update_notifies_changes_only);
  g_test_add_func ("/mailpost/models/service/update-from-other-service-refused",
                   test_service_update_other_service_refused);
  g_test_add_func ("/mailpost/models/service/policy-sentences", test_service_policy_sentences);
  g_test_add_func ("/mailpost/models/service/display-name-rule", test_service_display_name_rule);
  g_test_add_func ("/mailpost/models/server/from-schema-fixture", test_server_from_schema_fixture);
  g_test_add_func ("/mailpost/models/server/hostile-values-take-defaults", test_server_hostile);
  g_test_add_func ("/mailpost/models/server/update-notifies-changes-only",
                   test_server_update_notifies_changes_only);
  g_test_add_func ("/mailpost/models/task/from-schema-fixture", test_task_from_schema_fixture);
  g_test_add_func ("/mailpost/models/task/every-function-has-a-label", test_task_every_function_has_label);
  g_test_add_func ("/mailpost/models/task/hostile-values", test_task_hostile);
  g_test_add_func ("/mailpost/models/task/update-notifies-changes-only",
                   test_task_update_notifies_changes_only);
  g_test_add_func ("/mailpost/models/task-list/sync-updates-in-place", test_task_list_sync);
  g_test_add_func ("/mailpost/models/enums/round-trip-and-labels", test_enums_round_trip);

  return g_test_run ();
}
