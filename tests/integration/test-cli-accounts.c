/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `mailpost accounts SERVICE` as a script uses it: the real binary against the simulator. */
#include "config.h"

#include <string.h>

#include "mp-test-sim.h"

#define TIMEOUT_MS 20000

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
run_mailpost (MpTestSim          *sim,
              const char * const *args,
              Run                *run)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "OVH_ENDPOINT");
  g_subprocess_launcher_setenv (launcher, "OVH_APPLICATION_KEY", "accAppKey0001aaa", TRUE);
  g_subprocess_launcher_setenv (launcher, "OVH_APPLICATION_SECRET", "accAppSecret0001aaaaaaaaaaaaaaaa", TRUE);
  g_subprocess_launcher_setenv (launcher, "OVH_CONSUMER_KEY", "accCkValidated0001aaaaaaaaaaaaaa", TRUE);

  g_ptr_array_add (argv, (gpointer) g_getenv ("MAILPOST_EXE"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, (gpointer) "--endpoint");
  g_ptr_array_add (argv, (gpointer) mp_test_sim_get_base_url (sim));
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

static JsonObject *
find_account (JsonArray  *accounts,
              const char *address)
{
  for (guint i = 0; i < json_array_get_length (accounts); i++)
    {
      JsonObject *account = json_array_get_object_element (accounts, i);

      if (g_strcmp0 (json_object_get_string_member (account, "primaryEmailAddress"), address) == 0)
        return account;
    }
  g_error ("%s is not listed", address);
}

static void
test_json (void)
{
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-accounts.json", NULL);
  const char *args[] = { "accounts", "emailpro-acc-1", "--json", NULL };
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *accounts;
  JsonObject *anna, *promo, *placeholder;

  run_mailpost (sim, args, &run);
  g_assert_cmpint (run.status, ==, 0);
  root = json_from_string (run.out, &error);
  g_assert_no_error (error);
  accounts = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (accounts), ==, 10);

  anna = find_account (accounts, "anna.schmidt@shop.example");
  g_assert_cmpstr (json_object_get_string_member (anna, "displayName"), ==, "Anna Schmidt");
  g_assert_cmpstr (json_object_get_string_member (anna, "status"), ==, "ready");
  g_assert_cmpint (json_object_get_int_member (anna, "aliases"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (anna, "currentUsage"), ==, 2560);
  g_assert_cmpint (json_object_get_int_member (anna, "quota"), ==, 10240);
  g_assert_nonnull (json_object_get_string_member (anna, "lastLogonDate"));

  promo = find_account (accounts, "promo@shop.example");
  g_assert_cmpstr (json_object_get_string_member (promo, "status"), ==, "spamDetected");
  g_assert_cmpint (json_object_get_int_member (promo, "spamTicketNumber"), ==, 9876543);

  placeholder = find_account (accounts, "a1b2c3d4e5@configureme.me");
  g_assert_cmpstr (json_object_get_string_member (placeholder, "status"), ==, "placeholder");
  g_assert_false (json_object_get_boolean_member (placeholder, "configured"));
}

static void
test_table (void)
{
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-accounts.json", NULL);
  const char *args[] = { "accounts", "emailpro-acc-1", NULL };
  g_auto(Run) run = { 0 };

  run_mailpost (sim, args, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Address"));
  g_assert_nonnull (strstr (run.out, "anna.schmidt@shop.example"));
  g_assert_nonnull (strstr (run.out, "2.5 / 10.0 GB (25 %)"));
  g_assert_nonnull (strstr (run.out, "Spam detected"));
  g_assert_nonnull (strstr (run.out, "Not set up"));
}

static void
test_usage_errors (void)
{
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-accounts.json", NULL);
  const char *no_service[] = { "accounts", NULL };
  const char *unknown[] = { "accounts", "emailpro-nope-1", NULL };
  g_auto(Run) missing = { 0 };
  g_auto(Run) wrong = { 0 };

  run_mailpost (sim, no_service, &missing);
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_nonnull (strstr (missing.err, "mailpost services"));

  run_mailpost (sim, unknown, &wrong);
  g_assert_cmpint (wrong.status, ==, 1);
  g_assert_cmpstr (wrong.out, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mailpost/cli/accounts/json", test_json);
  g_test_add_func ("/mailpost/cli/accounts/table", test_table);
  g_test_add_func ("/mailpost/cli/accounts/usage-errors", test_usage_errors);

  return g_test_run ();
}
