/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-diagnose: 20 domains, each with 2 name servers, behind a relay that delays every DNS
 * answer by 50 ms.  Budget (DESIGN.md): ≤ 3 round trips deep, ≤ 0.25 s per domain, all 20
 * in ≤ 0.5 s. */
#include "config.h"

#include <glib/gstdio.h>

#include "dns/mp-domain-diagnosis.h"
#include "dns-relay.h"
#include "mp-test-knot.h"

#define N_DOMAINS       20
#define DELAY_MS        50
#define MAX_DEPTH       3
#define MAX_ONE_SECONDS 0.25
#define MAX_ALL_SECONDS 0.5

static void
copy_zone (const char *from_dir,
           const char *name,
           const char *to_dir)
{
  g_autofree char *from = g_build_filename (from_dir, name, NULL);
  g_autofree char *to = g_build_filename (to_dir, name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (from, &text, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, text, -1, &error);
  g_assert_no_error (error);
}

/* bench00.test … bench19.test: good.test's zone under new names, on both servers. */
static char *
make_zones (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("mailpost-bench-zones-XXXXXX", &error);
  g_autofree char *secondary = g_build_filename (dir, "secondary", NULL);
  g_autofree char *good_path = g_build_filename (MP_TEST_ZONES, "good.test.zone", NULL);
  g_autofree char *good = NULL;
  const char *shared[] = { "test.zone", "mail.ovh.net.zone", "ovh.com.zone", "good.test.zone" };

  g_assert_no_error (error);
  g_mkdir (secondary, 0700);
  for (guint i = 0; i < G_N_ELEMENTS (shared); i++)
    copy_zone (MP_TEST_ZONES, shared[i], dir);

  g_file_get_contents (good_path, &good, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < N_DOMAINS; i++)
    {
      g_autofree char *domain = g_strdup_printf ("bench%02u.test", i);
      g_autofree char *file = g_strdup_printf ("%s.zone", domain);
      g_autoptr(GString) zone = g_string_new (good);
      g_autofree char *primary_path = g_build_filename (dir, file, NULL);
      g_autofree char *secondary_path = g_build_filename (secondary, file, NULL);

      g_string_replace (zone, "good.test", domain, 0);
      g_file_set_contents (primary_path, zone->str, -1, &error);
      g_assert_no_error (error);
      g_file_set_contents (secondary_path, zone->str, -1, &error);
      g_assert_no_error (error);
    }

  return dir;
}

static void
remove_zones (const char *dir)
{
  g_autofree char *secondary = g_build_filename (dir, "secondary", NULL);
  const char *dirs[] = { secondary, dir };

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autoptr(GDir) handle = g_dir_open (dirs[d], 0, NULL);
      const char *name;

      while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
        {
          g_autofree char *path = g_build_filename (dirs[d], name, NULL);

          if (!g_file_test (path, G_FILE_TEST_IS_DIR))
            g_remove (path);
        }
      g_rmdir (dirs[d]);
    }
}

static MpDiagnosisExpectations *
make_expectations (const char *domain)
{
  MpDiagnosisExpectations *expectations = mp_diagnosis_expectations_new_defaults (domain, "pro1.mail.ovh.net");

  mp_diagnosis_expectations_add_dkim_selector (expectations, "ovhemp1-selector1", NULL,
                                               "ovhemp1-selector1._domainkey.1.ab.dkim.mail.ovh.net", "inProduction", TRUE);
  mp_diagnosis_expectations_add_dkim_selector (expectations, "ovhemp1-selector2", NULL,
                                               "ovhemp1-selector2._domainkey.1.ab.dkim.mail.ovh.net", "inProduction", TRUE);
  mp_diagnosis_expectations_set_ownership (expectations, "a1b2c-check", "ovh.com", TRUE);
  return expectations;
}

typedef struct
{
  guint              pending;
  GPtrArray         *diagnoses;
} Batch;

static void
on_diagnosed (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Batch *batch = user_data;
  g_autoptr(GError) error = NULL;
  MpDomainDiagnosis *diagnosis = mp_domain_diagnosis_run_finish (result, &error);

  g_assert_no_error (error);
  g_ptr_array_add (batch->diagnoses, diagnosis);
  batch->pending--;
}

/* Runs the domains from first to first + count in parallel; returns the seconds taken. */
static double
run_batch (MpDnsResolver *resolver,
           guint          first,
           guint          count,
           GPtrArray     *diagnoses)
{
  Batch batch = { count, diagnoses };
  gint64 start = g_get_monotonic_time ();

  for (guint i = first; i < first + count; i++)
    {
      g_autofree char *domain = g_strdup_printf ("bench%02u.test", i);
      g_autoptr(MpDiagnosisExpectations) expectations = make_expectations (domain);

      mp_domain_diagnosis_run_async (resolver, expectations, NULL, on_diagnosed, &batch);
    }

  while (batch.pending > 0)
    g_main_context_iteration (NULL, TRUE);

  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int argc, char **argv)
{
  static const char * const addresses[] = { "127.0.0.1", "127.0.0.2", "127.0.0.3", NULL };
  g_autofree char *zones = make_zones ();
  g_autoptr(MpTestDns) dns = mp_test_dns_start_for_zones (zones);
  guint16 relay_port = mp_test_dns_pick_port ();
  DnsRelay *relay = dns_relay_start (addresses, relay_port, mp_test_dns_get_port (dns), DELAY_MS);
  g_autoptr(MpDnsResolver) resolver = mp_dns_resolver_new ();
  g_autofree char *bootstrap = g_strdup_printf ("127.0.0.1:%u", relay_port);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  double slowest = 0, total, all_seconds;
  guint deepest = 0;
  gboolean over = FALSE;

  mp_dns_resolver_set_bootstrap_server (resolver, bootstrap, NULL);
  mp_dns_resolver_set_authoritative_port (resolver, relay_port);

  g_print ("Diagnosing %u domains with 2 name servers each, %u ms per DNS answer\n", N_DOMAINS, DELAY_MS);
  for (guint i = 0; i < N_DOMAINS; i++)
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func (g_object_unref);
      double seconds = run_batch (resolver, i, 1, one);
      MpDomainDiagnosis *diagnosis = g_ptr_array_index (one, 0);
      guint depth = mp_domain_diagnosis_get_depth (diagnosis);

      g_print ("%-14s %-8s %u round trips deep  %.3f s\n", mp_domain_diagnosis_get_domain (diagnosis),
               mp_check_status_to_string (mp_domain_diagnosis_get_status (diagnosis)), depth, seconds);
      if (mp_domain_diagnosis_get_status (diagnosis) != MP_CHECK_STATUS_OK)
        over = TRUE;
      slowest = MAX (slowest, seconds);
      deepest = MAX (deepest, depth);
    }

  all_seconds = run_batch (resolver, 0, N_DOMAINS, all);
  total = all_seconds;
  for (guint i = 0; i < all->len; i++)
    deepest = MAX (deepest, mp_domain_diagnosis_get_depth (g_ptr_array_index (all, i)));

  g_print ("all %u at once                            %.3f s\n", N_DOMAINS, total);
  g_print ("  %s  at most %u round trips deep (%u)\n", deepest <= MAX_DEPTH ? "ok  " : "OVER", MAX_DEPTH, deepest);
  g_print ("  %s  at most %.2f s per domain (slowest %.3f s)\n", slowest <= MAX_ONE_SECONDS ? "ok  " : "OVER", MAX_ONE_SECONDS, slowest);
  g_print ("  %s  all %u in at most %.2f s (%.3f s)\n", total <= MAX_ALL_SECONDS ? "ok  " : "OVER", N_DOMAINS, MAX_ALL_SECONDS, total);

  over |= deepest > MAX_DEPTH || slowest > MAX_ONE_SECONDS || total > MAX_ALL_SECONDS;

  dns_relay_stop (relay);
  g_clear_pointer (&dns, mp_test_dns_stop);
  remove_zones (zones);

  return over ? 1 : 0;
}
