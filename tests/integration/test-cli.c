/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The `mailpost` command line as a script uses it: the real binary ($MAILPOST_EXE) in a child
 * process, keys from the OVH_* variables, against the simulator. */
#include "config.h"

#include "cli/mp-cli.h"
#include "mp-test-sim.h"

#define TIMEOUT_MS 15000

typedef struct
{
  MpTestSim  *sim;
  JsonNode   *seed_root;
  JsonObject *credential;   /* the seed's first validated credential */
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
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("MAILPOST_SEEDS"), "test-basic.json", NULL);
  JsonArray *credentials;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  fixture->seed_root = json_node_copy (json_parser_get_root (parser));

  credentials = json_object_get_array_member (json_node_get_object (fixture->seed_root), "credentials");
  for (guint i = 0; i < json_array_get_length (credentials) && fixture->credential == NULL; i++)
    {
      JsonObject *entry = json_array_get_object_element (credentials, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (entry, "state", NULL), "validated") == 0 &&
          !json_object_has_member (entry, "rules"))
        fixture->credential = entry;
    }
  g_assert_nonnull (fixture->credential);

  fixture->sim = mp_test_sim_start ("test-basic.json", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->sim, mp_test_sim_stop);
  g_clear_pointer (&fixture->seed_root, json_node_unref);
}

/* Runs mailpost with the seed's keys in the OVH_* variables; secret replaces the application
 * secret when not NULL. */
static void
run_mailpost (Fixture            *fixture,
              const char         *secret,
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
  g_subprocess_launcher_setenv (launcher, "OVH_APPLICATION_KEY",
                                json_object_get_string_member (fixture->credential, "application_key"), TRUE);
  g_subprocess_launcher_setenv (launcher, "OVH_APPLICATION_SECRET",
                                secret != NULL ? secret
                                               : json_object_get_string_member (fixture->credential, "application_secret"),
                                TRUE);
  g_subprocess_launcher_setenv (launcher, "OVH_CONSUMER_KEY",
                                json_object_get_string_member (fixture->credential, "consumer_key"), TRUE);

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

static JsonObject *
seed_service (Fixture    *fixture,
              const char *name)
{
  JsonArray *services = json_object_get_array_member (json_node_get_object (fixture->seed_root), "services");

  for (guint i = 0; i < json_array_get_length (services); i++)
    {
      JsonObject *service = json_array_get_object_element (services, i);

      if (g_strcmp0 (json_object_get_string_member (service, "domain"), name) == 0)
        return service;
    }

  return NULL;
}

static void
test_services_json (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *args[] = { "services", "--json", "--endpoint", mp_test_sim_get_base_url (fixture->sim), NULL };
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  guint n_seeded;

  run_mailpost (fixture, NULL, args, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  root = json_from_string (run.out, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  array = json_node_get_array (root);

  n_seeded = json_array_get_length (json_object_get_array_member (json_node_get_object (fixture->seed_root),
                                                                  "services"));
  g_assert_cmpuint (json_array_get_length (array), ==, n_seeded);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *printed = json_array_get_object_element (array, i);
      JsonObject *seeded = seed_service (fixture, json_object_get_string_member (printed, "name"));

      g_assert_nonnull (seeded);
      g_assert_cmpstr (json_object_get_string_member (printed, "displayName"), ==,
                       json_object_get_string_member (seeded, "displayName"));
      g_assert_cmpstr (json_object_get_string_member (printed, "hostname"), ==,
                       json_object_get_string_member (seeded, "hostname"));
      g_assert_cmpstr (json_object_get_string_member (printed, "state"), ==, "ok");
    }

  /* Sorted by title, like the window's picker. */
  g_assert_cmpint (g_utf8_collate (json_object_get_string_member (json_array_get_object_element (array, 0), "displayName"),
                                   json_object_get_string_member (json_array_get_object_element (array, 1), "displayName")),
                   <, 0);
}

static void
test_services_table (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *args[] = { "services", "--endpoint", mp_test_sim_get_base_url (fixture->sim), NULL };
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;

  run_mailpost (fixture, NULL, args, &run);
  g_assert_cmpint (run.status, ==, 0);

  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);   /* header, two services, final "" */
  g_assert_true (g_str_has_prefix (lines[0], "Name"));
  g_assert_nonnull (strstr (lines[0], "Host name"));
  g_assert_true (g_str_has_prefix (lines[1], "emailpro-test-1"));
  g_assert_nonnull (strstr (lines[1], "Test Service One"));
  g_assert_nonnull (strstr (lines[1], "pro1.mail.ovh.net"));
  g_assert_true (g_str_has_prefix (lines[2], "emailpro-test-2"));
  /* Columns line up: the host names start at the same column. */
  g_assert_cmpint (strstr (lines[1], "pro1.") - lines[1], ==, strstr (lines[2], "pro2.") - lines[2]);
}

static void
test_wrong_secret (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *args[] = { "services", "--json", "--endpoint", mp_test_sim_get_base_url (fixture->sim), NULL };
  const char *wrong = "wrongSecretNeverToBeShown0001aaa";
  g_auto(Run) run = { 0 };

  run_mailpost (fixture, wrong, args, &run);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  /* A sentence for people, not a dump. */
  g_assert_cmpuint (strlen (run.err), >, 20);
  g_assert_true (g_str_has_suffix (run.err, ".\n"));
  g_assert_null (strstr (run.err, wrong));
  g_assert_null (strstr (run.err, json_object_get_string_member (fixture->credential, "consumer_key")));
}

static void
test_plain_http_endpoint_refused (Fixture       *fixture,
                                  gconstpointer  data)
{
  const char *args[] = { "services", "--endpoint", "http://example.com", NULL };
  g_auto(Run) run = { 0 };

  mp_test_sim_reset_stats (fixture->sim);
  run_mailpost (fixture, NULL, args, &run);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, !=, "");
  g_assert_cmpuint (mp_test_sim_get_request_count (fixture->sim), ==, 0);
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *unknown_option[] = { "services", "--colour", NULL };
  const char *extra_argument[] = { "services", "emailpro-test-1", NULL };
  g_auto(Run) first = { 0 };
  g_auto(Run) second = { 0 };

  run_mailpost (fixture, NULL, unknown_option, &first);
  g_assert_cmpint (first.status, ==, 2);
  g_assert_nonnull (strstr (first.err, "--colour"));

  run_mailpost (fixture, NULL, extra_argument, &second);
  g_assert_cmpint (second.status, ==, 2);
  g_assert_nonnull (strstr (second.err, "emailpro-test-1"));
}

static void
test_help_lists_commands (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *args[] = { "help", NULL };
  g_auto(Run) run = { 0 };

  run_mailpost (fixture, NULL, args, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "services"));
  g_assert_nonnull (strstr (run.out, "help"));
  g_assert_nonnull (strstr (run.out, "OVH_APPLICATION_KEY"));
}

/* Only known subcommands bypass the window: anything else, GApplication's own options
 * included, still starts the GUI. */
static void
test_is_command_only_for_subcommands (void)
{
  struct { const char *args[3]; gboolean expected; } cases[] = {
    { { "mailpost", NULL }, FALSE },
    { { "mailpost", "--gapplication-service", NULL }, FALSE },
    { { "mailpost", "--help", NULL }, FALSE },
    { { "mailpost", "Services", NULL }, FALSE },
    { { "mailpost", "servicesx", NULL }, FALSE },
    { { "mailpost", "services", NULL }, TRUE },
    { { "mailpost", "help", NULL }, TRUE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int argc = g_strv_length ((char **) cases[i].args);

      g_assert_cmpint (mp_cli_is_command (argc, (char **) cases[i].args), ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/mailpost/cli/services/json-matches-seed", test_services_json);
  ADD ("/mailpost/cli/services/table", test_services_table);
  ADD ("/mailpost/cli/services/wrong-secret-fails-without-showing-it", test_wrong_secret);
  ADD ("/mailpost/cli/services/plain-http-endpoint-refused", test_plain_http_endpoint_refused);
  ADD ("/mailpost/cli/usage-errors", test_usage_errors);
  ADD ("/mailpost/cli/help-lists-commands", test_help_lists_commands);

#undef ADD

  g_test_add_func ("/mailpost/cli/is-command-only-for-subcommands", test_is_command_only_for_subcommands);

  return g_test_run ();
}
