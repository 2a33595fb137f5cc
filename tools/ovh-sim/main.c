/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mailpost-sim: a stand-in for the provider's API v1 (see README.md). */
#include "config.h"

#include <glib-unix.h>
#include <locale.h>
#include <stdio.h>

#include "sim-knot.h"
#include "sim-server.h"

static gboolean
on_stop_signal (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SimServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *seed = NULL;
  g_autofree char *tls_cert = NULL;
  g_autofree char *tls_key = NULL;
  g_autofree char *zones_dir = NULL;
  g_autofree char *knot_socket = NULL;
  g_auto(GStrv) faults = NULL;
  int latency_ms = 0;
  int rate_limit = 0;
  int task_ms = 1000;
  gint64 clock_skew = 0;
  gint64 random_seed = -1;
  gboolean no_expand = FALSE;
  SimOptions options = { 0, };
  const GOptionEntry entries[] = {
    { "listen", 0, 0, G_OPTION_ARG_STRING, &listen, "Address to listen on (port 0: any free port)", "HOST:PORT" },
    { "seed", 0, 0, G_OPTION_ARG_FILENAME, &seed, "Seed JSON file", "FILE" },
    { "latency-ms", 0, 0, G_OPTION_ARG_INT, &latency_ms, "Delay every answer", "N" },
    { "no-expand", 0, 0, G_OPTION_ARG_NONE, &no_expand, "Ignore X-Pagination-Mode (ids only, like the US API)", NULL },
    { "clock-skew", 0, 0, G_OPTION_ARG_INT64, &clock_skew, "Offset of the simulator's clock", "SECONDS" },
    { "rate-limit", 0, 0, G_OPTION_ARG_INT, &rate_limit, "Requests per minute and consumer key before 429", "N_PER_MINUTE" },
    { "fault", 0, 0, G_OPTION_ARG_STRING_ARRAY, &faults, "Inject a failure (repeatable)", "METHOD:PATH-GLOB=STATUS:RATE" },
    { "task-ms", 0, 0, G_OPTION_ARG_INT, &task_ms, "Duration of each task step (default 1000)", "N" },
    { "random-seed", 0, 0, G_OPTION_ARG_INT64, &random_seed, "Seed for random faults and keys", "N" },
    { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &tls_cert, "Serve HTTPS with this certificate", "FILE" },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &tls_key, "Private key of --tls-cert", "FILE" },
    { "zones-dir", 0, 0, G_OPTION_ARG_FILENAME, &zones_dir, "Write the DNS zones here, with knot-zones.conf for Knot", "DIR" },
    { "knot-socket", 0, 0, G_OPTION_ARG_FILENAME, &knot_socket, "Reload changed zones through this Knot control socket", "PATH" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  /* stdout carries only the base URL; every log line, debug included, goes to stderr. */
  g_log_writer_default_set_use_stderr (TRUE);

  context = g_option_context_new ("- a stand-in for the OVHcloud API v1");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("mailpost-sim: %s\n", error->message);
      return 2;
    }
  if (listen == NULL || seed == NULL)
    {
      g_printerr ("mailpost-sim: --listen and --seed are required\n");
      return 2;
    }
  if (latency_ms < 0 || rate_limit < 0 || task_ms < 1)
    {
      g_printerr ("mailpost-sim: --latency-ms, --rate-limit and --task-ms take positive numbers\n");
      return 2;
    }

  options.listen = listen;
  options.seed = seed;
  options.latency_ms = latency_ms;
  options.no_expand = no_expand;
  options.clock_skew = clock_skew;
  options.rate_limit = rate_limit;
  options.faults = faults;
  options.task_ms = task_ms;
  options.random_seed = random_seed >= 0 ? (guint32) random_seed : g_random_int ();
  options.tls_cert = tls_cert;
  options.tls_key = tls_key;

  server = sim_server_new (&options, &error);
  if (server == NULL ||
      !sim_knot_configure (sim_server_get_state (server), zones_dir, knot_socket, &error) ||
      !sim_server_listen (server, &error))
    {
      g_printerr ("mailpost-sim: %s\n", error->message);
      return 1;
    }

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGTERM, on_stop_signal, loop);
  g_unix_signal_add (SIGINT, on_stop_signal, loop);

  /* The first line of stdout is the contract with whoever started us. */
  g_print ("%s\n", sim_server_get_base_url (server));
  fflush (stdout);
  g_message ("serving %s from %s", sim_server_get_base_url (server), seed);

  g_main_loop_run (loop);
  return 0;
}
