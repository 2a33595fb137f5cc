/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-accounts-page: part (2) of the accounts benchmark — the accounts page under a display
 * (build-aux/dev bench runs it under Xvfb) with 10 and with 10,000 accounts from the simulator:
 *
 * - resident memory once the page shows them and has settled, each size in its own process
 *   (this program runs itself twice); budget: at most 40 MB more with 10,000 than with 10;
 * - a filter keystroke with 10,000 accounts: the time from setting the search text until the
 *   filter model has announced its new rows (GTK filters synchronously), plus the frame that
 *   shows them (before-paint to after-paint, not the wait for the frame clock's tick); the
 *   median of the keystrokes below, typing and deleting.  Budget: 16 ms. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "emailpro/mp-session.h"
#include "mp-test-sim.h"
#include "pages/accounts/mp-accounts-page.h"

#define MAX_EXTRA_MB     40.0
#define MAX_KEYSTROKE_MS 16.0
#define SETTLE_MS        1500
#define WAIT_MS          120000

typedef struct
{
  const char *seed;
  const char *service_path;
  const char *key;
  const char *secret;
  const char *consumer_key;
  guint       accounts;
} Setup;

static const Setup setups[] = {
  { "test-accounts.json", "/email/pro/emailpro-acc-1", "accAppKey0001aaa",
    "accAppSecret0001aaaaaaaaaaaaaaaa", "accCkValidated0001aaaaaaaaaaaaaa", 10 },
  { "bench-10000.json", "/email/pro/emailpro-bench-1", "benchAppKey0001a",
    "benchAppSecret0001aaaaaaaaaaaaaa", "benchCkValidated0001aaaaaaaaaaaa", 10000 },
};

/* Typed one character at a time, then deleted again: both directions of the filter. */
static const char * const keystrokes[] = {
  "a", "an", "ann", "anna", "anna.", "anna.m", "anna.mü",
  "anna.m", "anna.", "anna", "ann", "an", "a", "",
  "s", "sc", "sch", "schm", "schmi", "schmid", "schmidt",
  "schmid", "schmi", "schm", "sch", "sc", "s", "",
};

/* Wall-clock and this thread's processor time, in µs: on a shared machine the wall clock also
 * counts the time other programs had the processor. */
typedef struct
{
  gint64 wall;
  gint64 cpu;
} Instant;

static Instant before_paint;
static Instant after_paint;
static gboolean watching_frame;

static Instant
now (void)
{
  struct timespec cpu;
  Instant instant;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &cpu);
  instant.wall = g_get_monotonic_time ();
  instant.cpu = cpu.tv_sec * G_USEC_PER_SEC + cpu.tv_nsec / 1000;
  return instant;
}

static void
on_before_paint (GdkFrameClock *clock)
{
  if (watching_frame && before_paint.wall == 0)
    before_paint = now ();
}

static void
on_after_paint (GdkFrameClock *clock)
{
  if (watching_frame && before_paint.wall != 0 && after_paint.wall == 0)
    after_paint = now ();
}

static double
resident_mb (void)
{
  g_autofree char *statm = NULL;
  unsigned long size = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL)
      || sscanf (statm, "%lu %lu", &size, &resident) != 2)
    g_error ("Cannot read /proc/self/statm");
  return resident * (double) sysconf (_SC_PAGESIZE) / (1024.0 * 1024.0);
}

static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static MpSession *
open_session (MpTestSim   *sim,
              const Setup *setup)
{
  g_autoptr(MpOvhClient) client = mp_ovh_client_new (mp_test_sim_get_base_url (sim), setup->key);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(MpService) service = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MpSession) session = NULL;

  mp_ovh_client_set_secrets (client, setup->secret, setup->consumer_key);
  mp_ovh_client_call_async (client, "GET", setup->service_path, NULL, MP_OVH_CALL_DEFAULT, NULL,
                            mp_test_store_result, &result);
  mp_test_wait_for_result (&result, WAIT_MS);
  node = mp_ovh_client_call_finish (client, result, &error);
  if (node == NULL || (service = mp_service_new_from_json (node, &error)) == NULL)
    g_error ("Reading the service failed: %s", error->message);
  g_clear_object (&result);

  session = mp_session_new (client, service);
  mp_session_refresh_accounts_async (session, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, WAIT_MS);
  if (!mp_session_refresh_accounts_finish (session, result, &error))
    g_error ("Loading the accounts failed: %s", error->message);
  return g_steal_pointer (&session);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* As a key press does: one character added at the end, or the last one taken away.  (Setting
 * the whole text would empty the field first, and an empty search entry reports at once.) */
static void
type_key (GtkWidget  *search_entry,
          const char *text)
{
  GtkEditable *editable = GTK_EDITABLE (search_entry);
  const char *current = gtk_editable_get_text (editable);
  glong current_chars = g_utf8_strlen (current, -1);
  glong wanted_chars = g_utf8_strlen (text, -1);
  int position = (int) current_chars;

  if (wanted_chars > current_chars)
    {
      const char *added = g_utf8_offset_to_pointer (text, current_chars);

      gtk_editable_insert_text (editable, added, -1, &position);
    }
  else
    gtk_editable_delete_text (editable, (int) wanted_chars, (int) current_chars);
  g_assert_cmpstr (gtk_editable_get_text (editable), ==, text);
}

/* One keystroke: milliseconds until the rows are known (filter) and until they are drawn
 * (total), by the wall clock and in processor time. */
typedef struct
{
  double filter_ms;
  double total_ms;
  double filter_cpu_ms;
  double total_cpu_ms;
} Keystroke;

static Keystroke
keystroke (GtkWidget  *window,
           GtkWidget  *search_entry,
           const char *text)
{
  Instant start, filtered;
  Keystroke result;

  before_paint.wall = after_paint.wall = 0;
  watching_frame = FALSE;

  start = now ();
  type_key (search_entry, text);
  /* The entry waits 150 ms for more typing before it says so; that pause is for people. */
  g_signal_emit_by_name (search_entry, "search-changed");
  filtered = now ();

  watching_frame = TRUE;
  gtk_widget_queue_draw (window);
  while (after_paint.wall == 0)
    g_main_context_iteration (NULL, TRUE);
  watching_frame = FALSE;

  result.filter_ms = (filtered.wall - start.wall) / 1000.0;
  result.filter_cpu_ms = (filtered.cpu - start.cpu) / 1000.0;
  result.total_ms = result.filter_ms + (after_paint.wall - before_paint.wall) / 1000.0;
  result.total_cpu_ms = result.filter_cpu_ms + (after_paint.cpu - before_paint.cpu) / 1000.0;
  return result;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof values[0], compare_doubles);
  return values[n / 2];
}

/* Runs in a child process: prints "rss MB", "load s" and, with thousands of rows, the keystrokes. */
static int
measure (const Setup *setup)
{
  const char * const args[] = { NULL };
  g_autoptr(MpTestSim) sim = mp_test_sim_start (setup->seed, args);
  g_autoptr(MpSession) session = NULL;
  GtkWidget *window;
  MpAccountsPage *page;
  GtkWidget *search_entry;
  GListModel *shown;
  GdkFrameClock *clock;
  double totals[G_N_ELEMENTS (keystrokes)];
  double filters[G_N_ELEMENTS (keystrokes)];
  double totals_cpu[G_N_ELEMENTS (keystrokes)];
  double filters_cpu[G_N_ELEMENTS (keystrokes)];
  gint64 start;

  session = open_session (sim, setup);
  run_for (SETTLE_MS);
  /* The session's own share, before any widget exists. */
  printf ("rss-model %.1f\n", resident_mb ());

  start = g_get_monotonic_time ();
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  page = g_object_new (MP_TYPE_ACCOUNTS_PAGE, NULL);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  mp_accounts_page_set_session (page, session);
  gtk_window_present (GTK_WINDOW (window));
  shown = mp_accounts_page_get_shown (page);
  while (g_list_model_get_n_items (shown) < setup->accounts || !gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  printf ("load %.3f\n", (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  run_for (SETTLE_MS);
  printf ("rss %.1f\n", resident_mb ());

  search_entry = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), MP_TYPE_ACCOUNTS_PAGE,
                                                            "search_entry"));
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (keystrokes); i++)
    {
      Keystroke k = keystroke (window, search_entry, keystrokes[i]);

      totals[i] = k.total_ms;
      filters[i] = k.filter_ms;
      totals_cpu[i] = k.total_cpu_ms;
      filters_cpu[i] = k.filter_cpu_ms;
    }
  printf ("keystroke %.2f %.2f %.2f %.2f\n",
          median (totals, G_N_ELEMENTS (totals)), median (filters, G_N_ELEMENTS (filters)),
          median (totals_cpu, G_N_ELEMENTS (totals_cpu)),
          median (filters_cpu, G_N_ELEMENTS (filters_cpu)));

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}

typedef struct
{
  double load_s;
  double model_mb;       /* the session with its accounts, before any widget */
  double rss_mb;         /* and with the page showing them */
  double keystroke_ms;   /* medians: filter and frame, then the filter alone */
  double filter_ms;
  double keystroke_cpu_ms;
  double filter_cpu_ms;
} Figures;

static Figures
run_child (const char *self_path,
           guint       index)
{
  g_autofree char *arg = g_strdup_printf ("%u", index);
  const char *argv[] = { self_path, "--child", arg, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  Figures figures = { -1, -1, -1, -1, -1, -1, -1 };
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                     &out, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    g_error ("The %u-account run failed: %s", setups[index].accounts, error->message);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      sscanf (lines[i], "load %lf", &figures.load_s);
      sscanf (lines[i], "rss-model %lf", &figures.model_mb);
      sscanf (lines[i], "rss %lf", &figures.rss_mb);
      sscanf (lines[i], "keystroke %lf %lf %lf %lf", &figures.keystroke_ms, &figures.filter_ms,
              &figures.keystroke_cpu_ms, &figures.filter_cpu_ms);
    }
  return figures;
}

static void
print_figures (guint          accounts,
               const Figures *figures)
{
  printf ("%6u accounts  shown in %.3f s  resident %.1f MB (session alone %.1f MB)\n"
          "                keystroke %.2f ms wall, %.2f ms processor (filter %.2f ms wall, %.2f ms processor)\n",
          accounts, figures->load_s, figures->rss_mb, figures->model_mb,
          figures->keystroke_ms, figures->keystroke_cpu_ms,
          figures->filter_ms, figures->filter_cpu_ms);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *self_path = NULL;
  Figures small, large;
  double extra_mb, page_extra_mb;
  gboolean memory_ok, keystroke_ok;

  if (argc == 3 && g_str_equal (argv[1], "--child"))
    {
      gtk_init ();
      adw_init ();
      return measure (&setups[atoi (argv[2]) % G_N_ELEMENTS (setups)]);
    }

  if (g_getenv ("MAILPOST_SIM") == NULL || g_getenv ("MAILPOST_SEEDS") == NULL)
    {
      fprintf (stderr, "Set MAILPOST_SIM and MAILPOST_SEEDS (build-aux/dev bench does).\n");
      return 2;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      fprintf (stderr, "No display: run under xvfb-run (build-aux/dev bench does).\n");
      return 2;
    }

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  small = run_child (self_path, 0);
  large = run_child (self_path, 1);

  printf ("The accounts page, 1200 × 800, under a display; median of %u keystrokes\n",
          (guint) G_N_ELEMENTS (keystrokes));
  print_figures (setups[0].accounts, &small);
  print_figures (setups[1].accounts, &large);

  extra_mb = large.rss_mb - small.rss_mb;
  page_extra_mb = (large.rss_mb - large.model_mb) - (small.rss_mb - small.model_mb);
  memory_ok = extra_mb <= MAX_EXTRA_MB;
  /* The wall clock counts other programs' turns on a busy machine; the processor time is what
   * the keystroke itself costs. */
  keystroke_ok = large.keystroke_cpu_ms <= MAX_KEYSTROKE_MS;
  printf ("  %s %.1f MB more with 10,000 accounts than with 10 (at most %.0f MB); the page's own share %.1f MB\n",
          memory_ok ? "ok  " : "OVER", extra_mb, MAX_EXTRA_MB, page_extra_mb);
  printf ("  %s keystroke %.2f ms of processor time with 10,000 accounts (at most %.0f ms)\n",
          keystroke_ok ? "ok  " : "OVER", large.keystroke_cpu_ms, MAX_KEYSTROKE_MS);

  return memory_ok && keystroke_ok ? 0 : 1;
}
