/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The live DNS checks against Knot on loopback (tests/zones), through the real discovery
 * path: NS and glue from the bootstrap server, then every authoritative server directly. */
#include "config.h"

#include <string.h>

#include "dns/mp-domain-diagnosis.h"
#include "mp-test-knot.h"
#include "mp-test-sim.h"

#define DKIM_TARGET_1 "ovhemp1-selector1._domainkey.1.ab.dkim.mail.ovh.net"
#define DKIM_TARGET_2 "ovhemp1-selector2._domainkey.1.ab.dkim.mail.ovh.net"

static MpTestDns *dns;

static MpDnsResolver *
make_resolver (void)
{
  MpDnsResolver *resolver = mp_dns_resolver_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (mp_dns_resolver_set_bootstrap_server (resolver, mp_test_dns_get_bootstrap (dns), &error));
  g_assert_no_error (error);
  mp_dns_resolver_set_authoritative_port (resolver, mp_test_dns_get_port (dns));
  /* The silent server must not make the test slow: short tries inside a short limit. */
  mp_dns_resolver_set_timeouts (resolver, 150, 400);
  return resolver;
}

/* What the provider's API would say for a domain with everything set up. */
static MpDiagnosisExpectations *
make_expectations (const char *domain)
{
  MpDiagnosisExpectations *expectations = mp_diagnosis_expectations_new_defaults (domain, "pro1.mail.ovh.net");

  mp_diagnosis_expectations_add_dkim_selector (expectations, "ovhemp1-selector1", "ovhemp1-selector1._domainkey",
                                               DKIM_TARGET_1, "inProduction", TRUE);
  mp_diagnosis_expectations_add_dkim_selector (expectations, "ovhemp1-selector2", "ovhemp1-selector2._domainkey",
                                               DKIM_TARGET_2, "ready", TRUE);
  mp_diagnosis_expectations_set_ownership (expectations, "a1b2c-check", "ovh.com", FALSE);
  expectations->dkim_state = g_strdup ("active");
  return expectations;
}

static MpDomainDiagnosis *
diagnose_with (MpDnsResolver           *resolver,
               MpDiagnosisExpectations *expectations)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  MpDomainDiagnosis *diagnosis;

  mp_domain_diagnosis_run_async (resolver, expectations, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, 10000);
  diagnosis = mp_domain_diagnosis_run_finish (result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (diagnosis);
  return diagnosis;
}

static MpDomainDiagnosis *
diagnose (const char *domain)
{
  g_autoptr(MpDnsResolver) resolver = make_resolver ();
  g_autoptr(MpDiagnosisExpectations) expectations = make_expectations (domain);

  return diagnose_with (resolver, expectations);
}

static MpCheckResult *
result_of (MpDomainDiagnosis *diagnosis,
           MpCheckId          id)
{
  MpCheckResult *result = mp_domain_diagnosis_get_result (diagnosis, id);

  g_assert_nonnull (result);
  g_assert_nonnull (result->summary);
  g_assert_nonnull (result->explanation);
  return result;
}

static gboolean
has_line (GPtrArray  *records,
          const char *line)
{
  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *text = mp_dns_record_to_zone_line (g_ptr_array_index (records, i));

      if (g_str_equal (text, line))
        return TRUE;
    }

  return FALSE;
}

static void
test_all_good (void)
{
  g_autoptr(MpDnsResolver) resolver = make_resolver ();
  g_autoptr(MpDiagnosisExpectations) expectations = make_expectations ("good.test");
  g_autoptr(MpDomainDiagnosis) diagnosis = NULL;
  GPtrArray *nameservers, *results;

  MpDkimSelectorExpectation *second = g_ptr_array_index (expectations->dkim_selectors, 1);

  g_free (second->status);
  second->status = g_strdup ("inProduction");
  expectations->domain_validated = TRUE;
  diagnosis = diagnose_with (resolver, expectations);

  g_assert_true (mp_domain_diagnosis_could_check (diagnosis));
  g_assert_cmpint (mp_domain_diagnosis_get_status (diagnosis), ==, MP_CHECK_STATUS_OK);
  g_assert_null (mp_domain_diagnosis_get_problem (diagnosis));
  g_assert_false (mp_domain_diagnosis_is_pending (diagnosis));
  g_assert_cmpuint (mp_domain_diagnosis_get_depth (diagnosis), <=, 3);

  nameservers = mp_domain_diagnosis_get_nameservers (diagnosis);
  g_assert_cmpuint (nameservers->len, ==, 2);
  for (guint i = 0; i < nameservers->len; i++)
    {
      MpServerAnswer *server = g_ptr_array_index (nameservers, i);
      g_autofree char *address = g_strdup_printf ("127.0.0.%u:%u", i + 2, mp_test_dns_get_port (dns));

      g_assert_cmpstr (server->host, ==, i == 0 ? "ns1.good.test" : "ns2.good.test");
      g_assert_cmpstr (server->address, ==, address);
      g_assert_true (server->has_serial);
      g_assert_cmpuint (server->serial, ==, 2026010101);
      g_assert_cmpint (server->status, ==, MP_DNS_STATUS_OK);
    }

  /* Validated: no ownership check; the rest all fine on both servers. */
  results = mp_domain_diagnosis_get_results (diagnosis);
  g_assert_cmpuint (results->len, ==, 5);
  g_assert_null (mp_domain_diagnosis_get_result (diagnosis, MP_CHECK_ID_CNAME));
  for (guint i = 0; i < results->len; i++)
    {
      MpCheckResult *result = g_ptr_array_index (results, i);

      g_assert_cmpint (result->status, ==, MP_CHECK_STATUS_OK);
      g_assert_cmpuint (result->propagation_updated, ==, 2);
      g_assert_cmpuint (result->propagation_total, ==, 2);
      g_assert_cmpuint (result->answers->len, ==, 2);
      g_assert_cmpuint (result->fix_add->len, ==, 0);
      g_assert_cmpuint (result->fix_remove->len, ==, 0);
      g_assert_false (result->dns_failure);
    }
  g_assert_cmpuint (result_of (diagnosis, MP_CHECK_ID_MX)->found->len, ==, 5);
}

static void
test_ownership_awaited (void)
{
  g_autoptr(MpDomainDiagnosis) diagnosis = diagnose ("good.test");
  MpCheckResult *cname = result_of (diagnosis, MP_CHECK_ID_CNAME);

  /* The record is there; the provider has not confirmed yet. */
  g_assert_cmpint (cname->status, ==, MP_CHECK_STATUS_IN_PROGRESS);
  g_assert_true (has_line (cname->found, "a1b2c-check.good.test. 300 IN CNAME ovh.com."));
  g_assert_true (mp_domain_diagnosis_is_pending (diagnosis));
}

static void
test_no_mx (void)
{
  g_autoptr(MpDomainDiagnosis) diagnosis = diagnose ("nomx.test");
  MpCheckResult *mx = result_of (diagnosis, MP_CHECK_ID_MX);

  g_assert_cmpint (mx->status, ==, MP_CHECK_STATUS_ERROR);
  g_assert_false (mx->dns_failure);
  g_assert_cmpuint (mx->found->len, ==, 0);
  g_assert_cmpuint (mx->fix_add->len, ==, 5);
  g_assert_true (has_line (mx->fix_add, "nomx.test. 3600 IN MX 1 mx0.mail.ovh.net."));
  g_assert_cmpint (mp_domain_diagnosis_get_status (diagnosis), ==, MP_CHECK_STATUS_ERROR);
}

static void
test_mx_cname (void)
{
  g_autoptr(MpDomainDiagnosis) diagnosis = diagnose ("mxcname.test");
  MpCheckResult *mx = result_of (diagnosis, MP_CHECK_ID_MX);

  g_assert_cmpint (mx->status, ==, MP_CHECK_STATUS_WARNING);
  g_assert_nonnull (strstr (mx->summary, "mail.mxcname.test"));
}

static void
test_mixed_mx (void)
{
  g_autoptr(MpDomainDiagnosis) diagnosis = diagnose ("mixedmx.test");
  MpCheckResult *mx = result_of (diagnosis, MP_CHECK_ID_MX);

  g_assert_cmpint (mx->status, ==, MP_CHECK_STATUS_WARNING);
  g_assert_cmpuint (mx->fix_remove->len, ==, 1);
  g_assert_true (has_line (mx->fix_remove, "mixedmx.test. 300 IN MX 10 mx.other-provider.test."));
}

static void
test_two_spf (void)
{
  g_autoptr(MpDomainDiagnosis) diagnosis = diagnose ("twospf.test");
  MpCheckResult *spf = result_of (diagnosis, MP_CHECK_ID_SPF);

  g_assert_cmpint (spf->status, ==, MP_CHECK_STATUS_ERROR);
  g_assert_cmpuint (spf->found->len, ==, 2);
  g_assert_cmpuint (spf->fix_remove->len, ==, 2);
  g_assert_cmpuint (spf->fix_add->len, ==, 1);
}

static void
test_spf_without_include (void)
{
  g_autoptr(MpDomainDiagnosis) diagnosis = diagnose ("spfnoinclude.test");
  MpCheckResult *spf = result_of (diagnosis, MP_CHECK_ID_SPF);

  /* The fix merges: one record, the owner's terms kept. */
  g_assert_cmpint (spf->status, ==, MP_CHECK_STATUS_ERROR);
  g_assert_true (has_line (spf->fix_remove, "spfnoinclude.test. 300 IN TXT \"v=spf1 a mx -all\""));
  g_assert_true (has_line (spf->fix_add, "spfnoinclude.test. 3600 IN TXT \"v=spf1 a mx include:mx.ovh.com -all\""));
}

static void
test_spf_over_ten_lookups (void)
{
  g_autoptr(MpDomainDiagnosis) diagnosis = diagnose ("spftoomany.test");
  MpCheckResult *spf = result_of (diagnosis, MP_CHECK_ID_SPF);

  g_assert_cmpint (spf->status, ==, MP_CHECK_STATUS_ERROR);
  g_assert_nonnull (strstr (spf->summary, "10"));
}

static void
test_spf_void_lookups (void)
{
  g_autoptr(MpDomainDiagnosis) diagnosis = diagnose ("spfvoid.test");

  g_assert_cmpint (result_of (diagnosis, MP_CHECK_ID_SPF)->status, ==, MP_CHECK_STATUS_ERROR);
}

static void
test_spf_split_strings (void)
{
  g_autoptr(MpDomainDiagnosis) diagnosis = diagnose ("spfsplit.test");
  MpCheckResult *spf = result_of (diagnosis, MP_CHECK_ID_SPF);
  MpDnsRecord *record;

  g_assert_cmpint (spf->status, ==, MP_CHECK_STATUS_OK);
  g_assert_cmpuint (spf->found->len, ==, 1);
  record = g_ptr_array_index (spf->found, 0);
  g_assert_cmpstr (record->data, ==, "v=spf1 ip4:198.51.100.0/24 ip4:203.0.113.0/24 include:mx.ovh.com ~all");
}

static void
test_spf_plus_all (void)
{
  g_autoptr(MpDomainDiagnosis) diagnosis = diagnose ("spfplusall.test");
  MpCheckResult *spf = result_of (diagnosis, MP_CHECK_ID_SPF);

  g_assert_cmpint (spf->status, ==, MP_CHECK_STATUS_ERROR);
  g_assert_true (has_line (spf->fix_add, "spfplusall.test. 3600 IN TXT \"v=spf1 include:mx.ovh.com ~all\""));
}

static void
test_dkim_missing (void)
{
  g_autoptr(MpDomainDiagnosis) diagnosis = diagnose ("dkimmissing.test");
  MpCheckResult *dkim = result_of (diagnosis, MP_CHECK_ID_DKIM);

  g_assert_cmpint (dkim->status, ==, MP_CHECK_STATUS_ERROR);
  g_assert_cmpuint (dkim->fix_add->len, ==, 2);
  g_assert_true (has_line (dkim->fix_add, "ovhemp1-selector1._domainkey.dkimmissing.test. 3600 IN CNAME " DKIM_TARGET_1 "."));
}

static void
test_dkim_waiting_for_records (void)
{
  g_autoptr(MpDnsResolver) resolver = make_resolver ();
  g_autoptr(MpDiagnosisExpectations) expectations = make_expectations ("dkimmissing.test");
  g_autoptr(MpDomainDiagnosis) diagnosis = NULL;
  MpCheckResult *dkim;

  for (guint i = 0; i < expectations->dkim_selectors->len; i++)
    {
      MpDkimSelectorExpectation *selector = g_ptr_array_index (expectations->dkim_selectors, i);

      g_free (selector->status);
      selector->status = g_strdup ("waitingRecord");
    }
  g_free (expectations->dkim_state);
  expectations->dkim_state = g_strdup ("error");
  expectations->dkim_error_code = 504;
  diagnosis = diagnose_with (resolver, expectations);
  dkim = result_of (diagnosis, MP_CHECK_ID_DKIM);

  /* In progress, but the records to add are still shown, and 504 in words. */
  g_assert_cmpint (dkim->status, ==, MP_CHECK_STATUS_IN_PROGRESS);
  g_assert_cmpuint (dkim->fix_add->len, ==, 2);
  g_assert_cmpuint (dkim->details->len, >=, 1);
}

static void
test_dkim_wrong (void)
{
  g_autoptr(MpDomainDiagnosis) diagnosis = diagnose ("dkimwrong.test");
  MpCheckResult *dkim = result_of (diagnosis, MP_CHECK_ID_DKIM);

  g_assert_cmpint (dkim->status, ==, MP_CHECK_STATUS_ERROR);
  g_assert_true (has_line (dkim->fix_remove, "ovhemp1-selector2._domainkey.dkimwrong.test. 300 IN CNAME selector2.other-provider.test."));
  g_assert_cmpuint (dkim->fix_add->len, ==, 1);
}

static void
test_dkim_target_without_txt (void)
{
  g_autoptr(MpDnsResolver) resolver = make_resolver ();
  g_autoptr(MpDiagnosisExpectations) expectations = make_expectations ("dkimnotxt.test");
  g_autoptr(MpDomainDiagnosis) diagnosis = NULL;
  MpDkimSelectorExpectation *first = g_ptr_array_index (expectations->dkim_selectors, 0);

  g_free (first->target_record);
  first->target_record = g_strdup ("notxt-selector1._domainkey.1.ab.dkim.mail.ovh.net");
  diagnosis = diagnose_with (resolver, expectations);

  g_assert_cmpint (result_of (diagnosis, MP_CHECK_ID_DKIM)->status, ==, MP_CHECK_STATUS_ERROR);
  g_assert_cmpuint (result_of (diagnosis, MP_CHECK_ID_DKIM)->fix_add->len, ==, 0);
}

static void
test_dkim_1024_bit_key (void)
{
  g_autoptr(MpDnsResolver) resolver = make_resolver ();
  g_autoptr(MpDiagnosisExpectations) expectations = make_expectations ("dkimweak.test");
  g_autoptr(MpDomainDiagnosis) diagnosis = NULL;
  MpCheckResult *dkim;

  for (guint i = 0; i < expectations->dkim_selectors->len; i++)
    {
      MpDkimSelectorExpectation *selector = g_ptr_array_index (expectations->dkim_selectors, i);

      g_free (selector->target_record);
      selector->target_record = g_strdup_printf ("weak-selector%u._domainkey.1.ab.dkim.mail.ovh.net", i + 1);
      g_free (selector->status);
      selector->status = g_strdup ("inProduction");
    }
  diagnosis = diagnose_with (resolver, expectations);
  dkim = result_of (diagnosis, MP_CHECK_ID_DKIM);

  g_assert_cmpint (dkim->status, ==, MP_CHECK_STATUS_WARNING);
  g_assert_nonnull (strstr (dkim->summary, "1024"));
}

static void
test_ownership_missing (void)
{
  g_autoptr(MpDomainDiagnosis) diagnosis = diagnose ("noownership.test");
  MpCheckResult *cname = result_of (diagnosis, MP_CHECK_ID_CNAME);
  MpCheckResult *dmarc = result_of (diagnosis, MP_CHECK_ID_DMARC);

  g_assert_cmpint (cname->status, ==, MP_CHECK_STATUS_ERROR);
  g_assert_nonnull (strstr (cname->explanation, "48"));
  g_assert_true (has_line (cname->fix_add, "a1b2c-check.noownership.test. 3600 IN CNAME ovh.com."));
  g_assert_cmpint (dmarc->status, ==, MP_CHECK_STATUS_WARNING);
  g_assert_cmpuint (dmarc->fix_add->len, ==, 1);
}

static void
test_dmarc_none (void)
{
  g_autoptr(MpDomainDiagnosis) diagnosis = diagnose ("dmarcnone.test");
  MpCheckResult *dmarc = result_of (diagnosis, MP_CHECK_ID_DMARC);

  g_assert_cmpint (dmarc->status, ==, MP_CHECK_STATUS_WARNING);
  g_assert_true (has_line (dmarc->fix_add,
                           "_dmarc.dmarcnone.test. 3600 IN TXT \"v=DMARC1; p=quarantine; adkim=r; aspf=r; rua=mailto:reports@dmarcnone.test\""));
}

static void
test_servers_with_different_serials (void)
{
  g_autoptr(MpDomainDiagnosis) diagnosis = diagnose ("lagging.test");
  GPtrArray *nameservers = mp_domain_diagnosis_get_nameservers (diagnosis);
  MpCheckResult *mx = result_of (diagnosis, MP_CHECK_ID_MX);
  MpCheckResult *spf = result_of (diagnosis, MP_CHECK_ID_SPF);

  g_assert_cmpuint (nameservers->len, ==, 2);
  g_assert_cmpuint (((MpServerAnswer *) g_ptr_array_index (nameservers, 0))->serial, ==, 2026010102);
  g_assert_cmpuint (((MpServerAnswer *) g_ptr_array_index (nameservers, 1))->serial, ==, 2026010101);
  g_assert_true (((MpServerAnswer *) g_ptr_array_index (nameservers, 0))->updated);
  g_assert_false (((MpServerAnswer *) g_ptr_array_index (nameservers, 1))->updated);

  /* The newest zone is right; the lagging server still has the old MX. */
  g_assert_cmpint (mx->status, ==, MP_CHECK_STATUS_WARNING);
  g_assert_cmpuint (mx->propagation_updated, ==, 1);
  g_assert_cmpuint (mx->propagation_total, ==, 2);
  g_assert_true (has_line (((MpServerAnswer *) g_ptr_array_index (mx->answers, 1))->records,
                           "lagging.test. 300 IN MX 10 mx.old-provider.test."));
  g_assert_cmpint (spf->status, ==, MP_CHECK_STATUS_OK);
  g_assert_cmpuint (spf->propagation_updated, ==, 2);
  g_assert_true (mp_domain_diagnosis_is_pending (diagnosis));
}

static void
test_domain_does_not_exist (void)
{
  g_autoptr(MpDomainDiagnosis) diagnosis = diagnose ("nonexistent.test");
  MpCheckResult *mx = result_of (diagnosis, MP_CHECK_ID_MX);

  g_assert_true (mp_domain_diagnosis_could_check (diagnosis));
  g_assert_cmpint (mp_domain_diagnosis_get_status (diagnosis), ==, MP_CHECK_STATUS_ERROR);
  g_assert_nonnull (strstr (mp_domain_diagnosis_get_problem (diagnosis), "does not exist"));
  g_assert_true (mx->dns_failure);
  g_assert_cmpuint (mx->fix_add->len, ==, 0);
}

static void
test_server_refuses (void)
{
  g_autoptr(MpDomainDiagnosis) diagnosis = diagnose ("refused.test");
  GPtrArray *nameservers = mp_domain_diagnosis_get_nameservers (diagnosis);

  g_assert_false (mp_domain_diagnosis_could_check (diagnosis));
  g_assert_cmpint (mp_domain_diagnosis_get_status (diagnosis), ==, MP_CHECK_STATUS_UNKNOWN);
  g_assert_cmpuint (nameservers->len, ==, 1);
  g_assert_cmpint (((MpServerAnswer *) g_ptr_array_index (nameservers, 0))->status, ==, MP_DNS_STATUS_REFUSED);
  g_assert_cmpint (((MpServerAnswer *) g_ptr_array_index (nameservers, 0))->rcode, ==, 5);
  g_assert_true (result_of (diagnosis, MP_CHECK_ID_MX)->dns_failure);
}

static void
test_server_silent (void)
{
  g_autoptr(MpDomainDiagnosis) diagnosis = diagnose ("silent.test");
  GPtrArray *nameservers = mp_domain_diagnosis_get_nameservers (diagnosis);

  g_assert_false (mp_domain_diagnosis_could_check (diagnosis));
  g_assert_cmpuint (nameservers->len, ==, 1);
  g_assert_cmpint (((MpServerAnswer *) g_ptr_array_index (nameservers, 0))->status, ==, MP_DNS_STATUS_TIMEOUT);
  g_assert_nonnull (mp_domain_diagnosis_get_problem (diagnosis));
}

static void
test_server_without_authority (void)
{
  g_autoptr(MpDomainDiagnosis) diagnosis = diagnose ("lame.test");
  GPtrArray *nameservers = mp_domain_diagnosis_get_nameservers (diagnosis);

  g_assert_false (mp_domain_diagnosis_could_check (diagnosis));
  g_assert_cmpint (((MpServerAnswer *) g_ptr_array_index (nameservers, 0))->status, ==, MP_DNS_STATUS_NOT_AUTHORITATIVE);
}

static void
test_override_asks_one_server (void)
{
  g_autoptr(MpDnsResolver) resolver = mp_dns_resolver_new ();
  g_autoptr(MpDiagnosisExpectations) expectations = make_expectations ("good.test");
  g_autoptr(MpDomainDiagnosis) diagnosis = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *nameservers;

  g_assert_true (mp_dns_resolver_set_nameserver (resolver, mp_test_dns_get_bootstrap (dns), &error));
  diagnosis = diagnose_with (resolver, expectations);
  nameservers = mp_domain_diagnosis_get_nameservers (diagnosis);

  g_assert_cmpuint (nameservers->len, ==, 1);
  g_assert_cmpstr (((MpServerAnswer *) g_ptr_array_index (nameservers, 0))->address, ==, mp_test_dns_get_bootstrap (dns));
  g_assert_cmpint (result_of (diagnosis, MP_CHECK_ID_MX)->status, ==, MP_CHECK_STATUS_OK);
  g_assert_cmpint (result_of (diagnosis, MP_CHECK_ID_DKIM)->status, ==, MP_CHECK_STATUS_OK);
}

static void
test_api_disagrees (void)
{
  g_autoptr(MpDnsResolver) resolver = make_resolver ();
  g_autoptr(MpDiagnosisExpectations) expectations = make_expectations ("good.test");
  g_autoptr(MpDomainDiagnosis) diagnosis = NULL;

  expectations->mx_is_valid = MP_API_VERDICT_INVALID;
  expectations->srv_is_valid = MP_API_VERDICT_VALID;
  diagnosis = diagnose_with (resolver, expectations);

  g_assert_true (result_of (diagnosis, MP_CHECK_ID_MX)->api_disagrees);
  g_assert_false (result_of (diagnosis, MP_CHECK_ID_SRV)->api_disagrees);
}

static void
test_without_expectations_is_unknown (void)
{
  g_autoptr(MpDnsResolver) resolver = make_resolver ();
  g_autoptr(MpDiagnosisExpectations) expectations = mp_diagnosis_expectations_new ("good.test");
  g_autoptr(MpDomainDiagnosis) diagnosis = diagnose_with (resolver, expectations);

  g_assert_cmpint (result_of (diagnosis, MP_CHECK_ID_MX)->status, ==, MP_CHECK_STATUS_UNKNOWN);
  g_assert_cmpint (result_of (diagnosis, MP_CHECK_ID_SPF)->status, ==, MP_CHECK_STATUS_UNKNOWN);
  g_assert_cmpint (result_of (diagnosis, MP_CHECK_ID_SRV)->status, ==, MP_CHECK_STATUS_UNKNOWN);
  g_assert_cmpint (result_of (diagnosis, MP_CHECK_ID_DKIM)->status, ==, MP_CHECK_STATUS_UNKNOWN);
  /* DMARC needs no expectation, so the domain is judged by it alone. */
  g_assert_cmpint (mp_domain_diagnosis_get_status (diagnosis), ==, MP_CHECK_STATUS_OK);
}

static void
test_cancelled (void)
{
  g_autoptr(MpDnsResolver) resolver = make_resolver ();
  g_autoptr(MpDiagnosisExpectations) expectations = make_expectations ("good.test");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(MpDomainDiagnosis) diagnosis = NULL;
  g_autoptr(GError) error = NULL;

  mp_domain_diagnosis_run_async (resolver, expectations, cancellable, mp_test_store_result, &result);
  g_cancellable_cancel (cancellable);
  mp_test_wait_for_result (&result, 5000);
  diagnosis = mp_domain_diagnosis_run_finish (result, &error);
  g_assert_null (diagnosis);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_invalid_domain (void)
{
  g_autoptr(MpDnsResolver) resolver = make_resolver ();
  g_autoptr(MpDiagnosisExpectations) expectations = mp_diagnosis_expectations_new ("not a domain");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDomainDiagnosis) diagnosis = NULL;

  mp_domain_diagnosis_run_async (resolver, expectations, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, 5000);
  diagnosis = mp_domain_diagnosis_run_finish (result, &error);
  g_assert_error (error, MP_DNS_ERROR, MP_DNS_ERROR_INVALID_NAME);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mailpost/dns/diagnose/all-good", test_all_good);
  g_test_add_func ("/mailpost/dns/diagnose/ownership-awaited", test_ownership_awaited);
  g_test_add_func ("/mailpost/dns/diagnose/no-mx", test_no_mx);
  g_test_add_func ("/mailpost/dns/diagnose/mx-to-cname", test_mx_cname);
  g_test_add_func ("/mailpost/dns/diagnose/mixed-mx", test_mixed_mx);
  g_test_add_func ("/mailpost/dns/diagnose/two-spf-records", test_two_spf);
  g_test_add_func ("/mailpost/dns/diagnose/spf-without-include-merges", test_spf_without_include);
  g_test_add_func ("/mailpost/dns/diagnose/spf-over-ten-lookups", test_spf_over_ten_lookups);
  g_test_add_func ("/mailpost/dns/diagnose/spf-void-lookups", test_spf_void_lookups);
  g_test_add_func ("/mailpost/dns/diagnose/spf-split-strings", test_spf_split_strings);
  g_test_add_func ("/mailpost/dns/diagnose/spf-plus-all", test_spf_plus_all);
  g_test_add_func ("/mailpost/dns/diagnose/dkim-cname-missing", test_dkim_missing);
  g_test_add_func ("/mailpost/dns/diagnose/dkim-waiting-for-records", test_dkim_waiting_for_records);
  g_test_add_func ("/mailpost/dns/diagnose/dkim-cname-wrong", test_dkim_wrong);
  g_test_add_func ("/mailpost/dns/diagnose/dkim-target-without-txt", test_dkim_target_without_txt);
  g_test_add_func ("/mailpost/dns/diagnose/dkim-1024-bit-key", test_dkim_1024_bit_key);
  g_test_add_func ("/mailpost/dns/diagnose/ownership-cname-missing", test_ownership_missing);
  g_test_add_func ("/mailpost/dns/diagnose/dmarc-none", test_dmarc_none);
  g_test_add_func ("/mailpost/dns/diagnose/servers-with-different-serials", test_servers_with_different_serials);
  g_test_add_func ("/mailpost/dns/diagnose/domain-does-not-exist", test_domain_does_not_exist);
  g_test_add_func ("/mailpost/dns/diagnose/server-refuses", test_server_refuses);
  g_test_add_func ("/mailpost/dns/diagnose/server-does-not-answer", test_server_silent);
  g_test_add_func ("/mailpost/dns/diagnose/server-without-authority", test_server_without_authority);
  g_test_add_func ("/mailpost/dns/diagnose/override-asks-one-server", test_override_asks_one_server);
  g_test_add_func ("/mailpost/dns/diagnose/api-disagrees", test_api_disagrees);
  g_test_add_func ("/mailpost/dns/diagnose/without-expectations-is-unknown", test_without_expectations_is_unknown);
  g_test_add_func ("/mailpost/dns/diagnose/cancelled", test_cancelled);
  g_test_add_func ("/mailpost/dns/diagnose/invalid-domain", test_invalid_domain);

  dns = mp_test_dns_start ();
  status = g_test_run ();
  mp_test_dns_stop (dns);

  return status;
}
