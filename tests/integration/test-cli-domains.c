/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `mailpost domains SERVICE [--json]` as a script uses it: the real binary ($MAILPOST_EXE) in a
 * child process, keys from the OVH_* variables, against the simulator's test-domains seed. */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "mp-test-sim.h"

#define TIMEOUT_MS 15000
#define SERVICE "emailpro-test-dom-1"

typedef struct
{
  MpTestSim *sim;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->sim = mp_test_sim_start ("test-domains.json", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->sim, mp_test_sim_stop);
}

static void
run_mailpost (const char          *secret,
              const char * const  *args,
              Run                 *run)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "OVH_ENDPOINT");
  g_subprocess_launcher_setenv (launcher, "OVH_APPLICATION_KEY", "testAppKeyDom1aa", TRUE);
  g_subprocess_launcher_setenv (launcher, "OVH_APPLICATION_SECRET",
                                secret != NULL ? secret : "testAppSecretDom1aaaaaaaaaaaaaaa", TRUE);
  g_subprocess_launcher_setenv (launcher, "OVH_CONSUMER_KEY", "testCkDomains0001aaaaaaaaaaaaaaa", TRUE);

  g_ptr_array_add (argv, (gpointer) g_getenv ("MAILPOST_EXE"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8_async (process, NULL, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, TIMEOUT_MS);
  g_subprocess_communicate_utf8_finish (process, result, &run->out, &run->err, &error);
  g_assert_no_error (error);

  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  const char *args[] = { "domains", SERVICE, "--json", "--endpoint", mp_test_sim_get_base_url (fixture->sim), NULL };
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *bakery;
  JsonObject *relay;
  JsonArray *array;

  run_mailpost (NULL, args, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  root = json_from_string (run.out, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 3);

  bakery = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (bakery, "name"), ==, "bakery.test");
  g_assert_cmpstr (json_object_get_string_member (bakery, "type"), ==, "authoritative");
  g_assert_cmpstr (json_object_get_string_member (bakery, "state"), ==, "ok");
  g_assert_cmpint (json_object_get_int_member (bakery, "accountCount"), ==, 2);
  g_assert_true (json_object_get_boolean_member (bakery, "domainValidated"));

  relay = json_array_get_object_element (array, 2);
  g_assert_cmpstr (json_object_get_string_member (relay, "name"), ==, "relay.test");
  g_assert_cmpstr (json_object_get_string_member (relay, "type"), ==, "nonAuthoritative");
  g_assert_cmpstr (json_object_get_string_member (relay, "mxRelay"), ==, "mx1.mail.ovh.net");
  g_assert_false (json_object_get_boolean_member (relay, "domainValidated"));
}

static void
test_table (Fixture       *fixture,
            gconstpointer  data)
{
  const char *args[] = { "domains", SERVICE, "--endpoint", mp_test_sim_get_base_url (fixture->sim), NULL };
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;

  run_mailpost (NULL, args, &run);
  g_assert_cmpint (run.status, ==, 0);

  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);   /* header, three domains, final "" */
  g_assert_true (g_str_has_prefix (lines[0], "Domain"));
  g_assert_true (g_str_has_prefix (lines[1], "bakery.test"));
  g_assert_nonnull (strstr (lines[1], "Authoritative"));
  g_assert_true (g_str_has_prefix (lines[3], "relay.test"));
  g_assert_nonnull (strstr (lines[3], "Non-authoritative"));
  g_assert_nonnull (strstr (lines[3], "Not proven yet"));
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  const char *no_service[] = { "domains", "--endpoint", mp_test_sim_get_base_url (fixture->sim), NULL };
  const char *unknown[] = { "domains", "emailpro-nothing-9", "--endpoint", mp_test_sim_get_base_url (fixture->sim), NULL };
  const char *wrong_args[] = { "domains", SERVICE, "--endpoint", mp_test_sim_get_base_url (fixture->sim), NULL };
  const char *wrong = "wrongSecretNeverToBeShown0001aaa";
  g_auto(Run) usage = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) refused = { 0 };

  mp_test_sim_reset_stats (fixture->sim);
  run_mailpost (NULL, no_service, &usage);
  g_assert_cmpint (usage.status, ==, 2);
  g_assert_cmpstr (usage.out, ==, "");
  g_assert_nonnull (strstr (usage.err, "mailpost services"));
  g_assert_cmpuint (mp_test_sim_get_request_count (fixture->sim), ==, 0);

  run_mailpost (NULL, unknown, &missing);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_cmpstr (missing.out, ==, "");
  g_assert_true (g_str_has_suffix (missing.err, ".\n"));

  run_mailpost (wrong, wrong_args, &refused);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_null (strstr (refused.err, wrong));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/mailpost/cli/domains/json", test_json);
  ADD ("/mailpost/cli/domains/table", test_table);
  ADD ("/mailpost/cli/domains/errors", test_errors);
#undef ADD

  return g_test_run ();
}
