/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "mp-test-sim.h"

#define START_TIMEOUT_MS 10000
#define STOP_TIMEOUT_MS 5000

struct _MpTestSim
{
  GSubprocess *process;
  SoupSession *session;
  char        *base_url;
  char        *root_url;
};

/* Runs a private main context until *done or the timeout, so waiting for the simulator
 * never dispatches the test's own sources. */
static gboolean
on_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
iterate_until (GMainContext *context,
               gboolean     *done,
               guint         timeout_ms)
{
  gboolean timed_out = FALSE;
  GSource *timeout = g_timeout_source_new (timeout_ms);

  g_source_set_callback (timeout, on_timeout, &timed_out, NULL);
  g_source_attach (timeout, context);

  while (!*done && !timed_out)
    g_main_context_iteration (context, TRUE);

  g_source_destroy (timeout);
  g_source_unref (timeout);
  return *done;
}

typedef struct
{
  gboolean  done;
  char     *line;
  GError   *error;
} LineRead;

static void
on_line_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LineRead *read = user_data;

  read->line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result,
                                                          NULL, &read->error);
  read->done = TRUE;
}

static void
die_with_parent (gpointer user_data)
{
#ifdef __linux__
  /* An aborted test must not leave a simulator behind. */
  prctl (PR_SET_PDEATHSIG, SIGTERM);
#endif
}

static char *
seed_path (const char *seed)
{
  const char *seeds = g_getenv ("MAILPOST_SEEDS");
  g_autofree char *file = g_str_has_suffix (seed, ".json") ? g_strdup (seed)
                                                           : g_strconcat (seed, ".json", NULL);

  if (g_path_is_absolute (seed))
    return g_strdup (seed);
  if (seeds == NULL)
    g_error ("MAILPOST_SEEDS is not set; run the tests with meson test");
  return g_build_filename (seeds, file, NULL);
}

MpTestSim *
mp_test_sim_start (const char         *seed,
                   const char * const *extra_args)
{
  const char *binary = g_getenv ("MAILPOST_SIM");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDataInputStream) stdout_lines = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GError) error = NULL;
  LineRead read = { 0, };
  MpTestSim *sim;

  if (binary == NULL)
    g_error ("MAILPOST_SIM is not set; run the tests with meson test");

  g_ptr_array_add (argv, g_strdup (binary));
  g_ptr_array_add (argv, g_strdup ("--listen"));
  g_ptr_array_add (argv, g_strdup ("127.0.0.1:0"));
  g_ptr_array_add (argv, g_strdup ("--seed"));
  g_ptr_array_add (argv, seed_path (seed));
  for (guint i = 0; extra_args != NULL && extra_args[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (extra_args[i]));
  g_ptr_array_add (argv, NULL);

  sim = g_new0 (MpTestSim, 1);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  sim->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  if (sim->process == NULL)
    g_error ("Could not start %s: %s", binary, error->message);

  stdout_lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (sim->process));
  g_main_context_push_thread_default (context);
  g_data_input_stream_read_line_async (stdout_lines, G_PRIORITY_DEFAULT, NULL, on_line_read, &read);
  iterate_until (context, &read.done, START_TIMEOUT_MS);
  g_main_context_pop_thread_default (context);

  if (!read.done || read.line == NULL || !g_str_has_suffix (read.line, "/1.0"))
    g_error ("The simulator did not start: %s",
             read.error ? read.error->message : read.done ? "no base URL" : "timed out");

  sim->base_url = g_steal_pointer (&read.line);
  sim->root_url = g_strndup (sim->base_url, strlen (sim->base_url) - strlen ("/1.0"));
  sim->session = soup_session_new ();
  g_test_message ("simulator at %s", sim->base_url);

  return sim;
}

static void
on_process_exited (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *(gboolean *) user_data = TRUE;
}

void
mp_test_sim_stop (MpTestSim *sim)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  gboolean exited = FALSE;

  if (sim == NULL)
    return;

  g_main_context_push_thread_default (context);
  g_subprocess_send_signal (sim->process, SIGTERM);
  g_subprocess_wait_async (sim->process, NULL, on_process_exited, &exited);
  if (!iterate_until (context, &exited, STOP_TIMEOUT_MS))
    {
      g_test_message ("the simulator ignored SIGTERM; killing it");
      g_subprocess_force_exit (sim->process);
      iterate_until (context, &exited, STOP_TIMEOUT_MS);
    }
  g_main_context_pop_thread_default (context);

  g_clear_object (&sim->session);
  g_clear_object (&sim->process);
  g_free (sim->base_url);
  g_free (sim->root_url);
  g_free (sim);
}

const char *
mp_test_sim_get_base_url (MpTestSim *sim)
{
  return sim->base_url;
}

const char *
mp_test_sim_get_root_url (MpTestSim *sim)
{
  return sim->root_url;
}

JsonNode *
mp_test_sim_control (MpTestSim  *sim,
                     const char *method,
                     const char *path,
                     const char *body)
{
  g_autofree char *url = g_strconcat (sim->root_url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  const char *data;

  g_assert_true (g_str_has_prefix (path, "/sim/"));
  g_assert_nonnull (msg);

  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }

  /* Synchronous is fine here: the simulator is another process. */
  answer = soup_session_send_and_read (sim->session, msg, NULL, &error);
  if (answer == NULL)
    g_error ("%s %s: %s", method, path, error->message);
  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (msg)))
    g_error ("%s %s: HTTP %u", method, path, soup_message_get_status (msg));

  data = g_bytes_get_data (answer, &len);
  if (len == 0)
    return json_node_new (JSON_NODE_NULL);
  if (!json_parser_load_from_data (parser, data, len, &error))
    g_error ("%s %s: %s", method, path, error->message);
  return json_node_copy (json_parser_get_root (parser));
}

guint
mp_test_sim_get_request_count (MpTestSim *sim)
{
  g_autoptr(JsonNode) stats = mp_test_sim_control (sim, "GET", "/sim/stats", NULL);

  return json_object_get_int_member (json_node_get_object (stats), "requests");
}

void
mp_test_sim_reset_stats (MpTestSim *sim)
{
  g_autoptr(JsonNode) answer = mp_test_sim_control (sim, "POST", "/sim/reset-stats", NULL);
}

void
mp_test_wait_for_result (GAsyncResult **result,
                         guint          timeout_ms)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add (timeout_ms, on_timeout, &timed_out);

  while (*result == NULL && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (source);
  if (*result == NULL)
    g_error ("no result within %u ms", timeout_ms);
}

void
mp_test_store_result (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GAsyncResult **store = user_data;

  g_assert_null (*store);
  *store = g_object_ref (result);
}
