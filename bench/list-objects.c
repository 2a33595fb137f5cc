/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-list-objects: list 1,000 accounts with all their fields from the simulator with a
 * 50 ms round trip, expanded (CachedObjectList-Pages) and without expansion (one GET per id),
 * and hold the figures against DESIGN.md's budgets. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "api/mp-ovh-client.h"
#include "mp-test-sim.h"

/* Keys and service of tools/ovh-sim/seeds/bench-1000.json */
#define BENCH_APP_KEY    "benchAppKey0001a"
#define BENCH_APP_SECRET "benchAppSecret0001aaaaaaaaaaaaaa"
#define BENCH_CK         "benchCkValidated0001aaaaaaaaaaaa"
#define ACCOUNTS_PATH    "/email/pro/emailpro-bench-1/account"
#define N_ACCOUNTS       1000

#define EXPANDED_RUNS             3
#define EXPANDED_MAX_REQUESTS     2
#define EXPANDED_MAX_SECONDS      0.3
#define FALLBACK_MAX_REQUESTS     (N_ACCOUNTS + 2)

typedef struct
{
  guint  client_requests;
  guint  server_requests;
  guint  client_peak;
  guint  server_peak;
  double seconds;
} Figures;

/* A fresh client each time, so the figures include learning the server clock, as a real
 * first listing after start does. */
static Figures
list_once (MpTestSim *sim)
{
  g_autoptr(MpOvhClient) client = mp_ovh_client_new (mp_test_sim_get_base_url (sim), BENCH_APP_KEY);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonArray) accounts = NULL;
  g_autoptr(JsonNode) stats = NULL;
  g_autoptr(GError) error = NULL;
  Figures figures = { 0, };
  gint64 start;

  mp_ovh_client_set_secrets (client, BENCH_APP_SECRET, BENCH_CK);
  mp_test_sim_reset_stats (sim);

  start = g_get_monotonic_time ();
  mp_ovh_client_list_async (client, ACCOUNTS_PATH, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, 60000);
  accounts = mp_ovh_client_list_finish (client, result, &error);
  figures.seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  if (accounts == NULL)
    g_error ("Listing failed: %s", error->message);
  if (json_array_get_length (accounts) != N_ACCOUNTS)
    g_error ("Listed %u accounts instead of %u", json_array_get_length (accounts), N_ACCOUNTS);

  stats = mp_test_sim_control (sim, "GET", "/sim/stats", NULL);
  figures.client_requests = mp_ovh_client_get_request_count (client);
  figures.client_peak = mp_ovh_client_get_peak_in_flight (client);
  figures.server_requests = (guint) json_object_get_int_member (json_node_get_object (stats), "requests");
  figures.server_peak = (guint) json_object_get_int_member (json_node_get_object (stats), "peak_in_flight");

  return figures;
}

static void
print_figures (const char    *what,
               const Figures *figures)
{
  printf ("%-22s %5u requests (server saw %u)  peak in flight %u (server saw %u)  %.3f s\n",
          what, figures->client_requests, figures->server_requests,
          figures->client_peak, figures->server_peak, figures->seconds);
}

static int
compare_seconds (gconstpointer a,
                 gconstpointer b)
{
  const Figures *fa = a;
  const Figures *fb = b;

  return (fa->seconds > fb->seconds) - (fa->seconds < fb->seconds);
}

static gboolean
check (gboolean    ok,
       const char *budget)
{
  printf ("  %s %s\n", ok ? "ok  " : "OVER", budget);

  return ok;
}

int
main (int   argc,
      char *argv[])
{
  const char * const expanded_args[] = { "--latency-ms", "50", NULL };
  const char * const fallback_args[] = { "--latency-ms", "50", "--no-expand", NULL };
  Figures runs[EXPANDED_RUNS];
  Figures median;
  Figures fallback;
  gboolean ok = TRUE;

  if (g_getenv ("MAILPOST_SIM") == NULL || g_getenv ("MAILPOST_SEEDS") == NULL)
    {
      fprintf (stderr, "Set MAILPOST_SIM and MAILPOST_SEEDS (build-aux/dev bench does).\n");
      return 2;
    }

  printf ("Listing %u accounts with all fields, 50 ms per round trip\n", N_ACCOUNTS);

  {
    g_autoptr(MpTestSim) sim = mp_test_sim_start ("bench-1000.json", expanded_args);

    for (guint i = 0; i < EXPANDED_RUNS; i++)
      {
        g_autofree char *label = g_strdup_printf ("expanded, run %u", i + 1);

        runs[i] = list_once (sim);
        print_figures (label, &runs[i]);
      }
  }

  qsort (runs, EXPANDED_RUNS, sizeof runs[0], compare_seconds);
  median = runs[EXPANDED_RUNS / 2];
  print_figures ("expanded, median", &median);
  ok &= check (median.client_requests <= EXPANDED_MAX_REQUESTS && median.server_requests <= EXPANDED_MAX_REQUESTS,
               "at most 2 requests");
  ok &= check (median.seconds <= EXPANDED_MAX_SECONDS, "at most 0.3 s");

  {
    g_autoptr(MpTestSim) sim = mp_test_sim_start ("bench-1000.json", fallback_args);

    fallback = list_once (sim);
    print_figures ("without expansion", &fallback);
  }

  ok &= check (fallback.client_requests <= FALLBACK_MAX_REQUESTS, "one request per account (+ ids and clock)");
  ok &= check (fallback.client_peak <= MP_OVH_CLIENT_MAX_IN_FLIGHT && fallback.server_peak <= MP_OVH_CLIENT_MAX_IN_FLIGHT,
               "at most 8 in flight");

  return ok ? 0 : 1;
}
