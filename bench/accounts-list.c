/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-accounts-list: part (1) of the accounts benchmark — the simulator with 1,000 accounts
 * at a 50 ms round trip: the time from asking the session for its accounts until its store
 * holds them all, as the accounts page shows them.  Also the same for 10,000 accounts, for the
 * record (no budget). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "emailpro/mp-session.h"
#include "mp-test-sim.h"

/* Keys and service of tools/ovh-sim/seeds/bench-1000.json and bench-10000.json */
#define BENCH_APP_KEY    "benchAppKey0001a"
#define BENCH_APP_SECRET "benchAppSecret0001aaaaaaaaaaaaaa"
#define BENCH_CK         "benchCkValidated0001aaaaaaaaaaaa"
#define BENCH_SERVICE    "/email/pro/emailpro-bench-1"

#define RUNS        3
#define MAX_SECONDS 0.3

typedef struct
{
  double seconds;
  guint  requests;
  guint  items;
} Figures;

static MpService *
load_service (MpOvhClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  MpService *service;

  mp_ovh_client_call_async (client, "GET", BENCH_SERVICE, NULL, MP_OVH_CALL_DEFAULT, NULL,
                            mp_test_store_result, &result);
  mp_test_wait_for_result (&result, 60000);
  node = mp_ovh_client_call_finish (client, result, &error);
  if (node == NULL || (service = mp_service_new_from_json (node, &error)) == NULL)
    g_error ("Reading the service failed: %s", error->message);
  return service;
}

/* A fresh client and session each time; the clock is learnt before timing (reading the
 * service), as the window has done by the time the accounts page is opened. */
static Figures
load_once (MpTestSim *sim,
           guint      expected)
{
  g_autoptr(MpOvhClient) client = mp_ovh_client_new (mp_test_sim_get_base_url (sim), BENCH_APP_KEY);
  g_autoptr(MpService) service = NULL;
  g_autoptr(MpSession) session = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *accounts;
  Figures figures = { 0, };
  gint64 start;

  mp_ovh_client_set_secrets (client, BENCH_APP_SECRET, BENCH_CK);
  service = load_service (client);
  session = mp_session_new (client, service);
  accounts = mp_session_get_accounts (session);
  mp_ovh_client_reset_statistics (client);

  start = g_get_monotonic_time ();
  mp_session_refresh_accounts_async (session, NULL, mp_test_store_result, &result);
  while (g_list_model_get_n_items (accounts) < expected && result == NULL)
    g_main_context_iteration (NULL, TRUE);
  figures.seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  figures.items = g_list_model_get_n_items (accounts);
  figures.requests = mp_ovh_client_get_request_count (client);

  mp_test_wait_for_result (&result, 60000);
  if (!mp_session_refresh_accounts_finish (session, result, &error))
    g_error ("Loading the accounts failed: %s", error->message);
  if (figures.items != expected)
    g_error ("The store holds %u accounts instead of %u", figures.items, expected);
  return figures;
}

static int
compare_seconds (gconstpointer a,
                 gconstpointer b)
{
  const Figures *fa = a;
  const Figures *fb = b;

  return (fa->seconds > fb->seconds) - (fa->seconds < fb->seconds);
}

static Figures
measure (const char *seed,
         guint       expected)
{
  const char * const args[] = { "--latency-ms", "50", NULL };
  g_autoptr(MpTestSim) sim = mp_test_sim_start (seed, args);
  Figures runs[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      runs[i] = load_once (sim, expected);
      printf ("%6u accounts, run %u   %u requests  %.3f s\n", expected, i + 1,
              runs[i].requests, runs[i].seconds);
    }
  qsort (runs, RUNS, sizeof runs[0], compare_seconds);
  printf ("%6u accounts, median   %u requests  %.3f s\n", expected,
          runs[RUNS / 2].requests, runs[RUNS / 2].seconds);
  return runs[RUNS / 2];
}

int
main (int   argc,
      char *argv[])
{
  Figures thousand;
  gboolean ok;

  if (g_getenv ("MAILPOST_SIM") == NULL || g_getenv ("MAILPOST_SEEDS") == NULL)
    {
      fprintf (stderr, "Set MAILPOST_SIM and MAILPOST_SEEDS (build-aux/dev bench does).\n");
      return 2;
    }

  printf ("Accounts in the session's store, expanded listing, 50 ms per round trip\n");
  thousand = measure ("bench-1000.json", 1000);
  ok = thousand.seconds <= MAX_SECONDS;
  printf ("  %s at most 0.3 s for 1,000 accounts\n", ok ? "ok  " : "OVER");

  measure ("bench-10000.json", 10000);

  return ok ? 0 : 1;
}
