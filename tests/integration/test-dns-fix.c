/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The automatic DNS fix end to end: the simulator owns the zones and writes them as zone
 * files, a real Knot serves them, the session diagnoses through real DNS, plans the fix,
 * applies it through the zone API, Knot reloads, and the checks turn green.  Also the zone
 * routes and their refusals, the SPF merge, and DKIM from configure to inProduction. */
#include "config.h"

#include <string.h>

#include "api/mp-ovh-error.h"
#include "emailpro/mp-session.h"
#include "mp-test-sim-dns.h"

#define TIMEOUT_MS 15000
#define SERVICE "emailpro-test-dns-1"

typedef struct
{
  MpTestSimDns *dns;
  MpOvhClient  *client;
  MpSession    *session;
} Fixture;

/* ---- the simulator and Knot ---------------------------------------------------------------- */

/* Runs the main loop until the SOA of zone answers with at least serial (0: any). */
static guint32
wait_for_serial (Fixture    *fixture,
                 const char *zone,
                 guint32     serial)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_MS * 1000;
  MpDnsResolver *resolver = mp_session_get_resolver (fixture->session);

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(MpDnsServer) server = mp_dns_resolver_dup_bootstrap (resolver);
      g_autoptr(MpDnsAnswer) answer = NULL;
      g_autoptr(GError) error = NULL;

      mp_dns_resolver_query_async (resolver, server, zone, MP_DNS_RECORD_TYPE_SOA, 1, NULL,
                                   mp_test_store_result, &result);
      mp_test_wait_for_result (&result, TIMEOUT_MS);
      answer = mp_dns_resolver_query_finish (resolver, result, &error);
      g_assert_no_error (error);
      if (answer->status == MP_DNS_STATUS_OK && answer->records->len > 0)
        {
          guint32 found = ((MpDnsRecord *) g_ptr_array_index (answer->records, 0))->serial;

          if (found >= serial)
            return found;
        }
      g_main_context_iteration (NULL, FALSE);
    }
  g_error ("Knot never served %s with serial %u", zone, serial);
}

/* ---- the session --------------------------------------------------------------------------- */

static JsonNode *
call (Fixture     *fixture,
      const char  *method,
      const char  *path,
      const char  *body,
      char       **provider_message,
      GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) body_node = body != NULL ? json_from_string (body, NULL) : NULL;

  mp_ovh_client_call_async (fixture->client, method, path, body_node, MP_OVH_CALL_DEFAULT, NULL,
                            mp_test_store_result, &result);
  mp_test_wait_for_result (&result, TIMEOUT_MS);
  return mp_ovh_client_call_finish_full (fixture->client, result, NULL, provider_message, error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(MpService) service = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  const char * const args[] = { "--task-ms", "100", NULL };

  fixture->dns = mp_test_sim_dns_start ("test-dns.json", args);
  fixture->client = mp_ovh_client_new (mp_test_sim_get_base_url (mp_test_sim_dns_get_sim (fixture->dns)),
                                       "testAppKeyDns1aa");
  mp_ovh_client_set_secrets (fixture->client, "testAppSecretDns1aaaaaaaaaaaaaaa",
                             "testCkDnsFix00001aaaaaaaaaaaaaaa");
  node = call (fixture, "GET", "/email/pro/" SERVICE, NULL, NULL, &error);
  g_assert_no_error (error);
  service = mp_service_new_from_json (node, &error);
  g_assert_no_error (error);
  fixture->session = mp_session_new (fixture->client, service);
  g_assert_true (mp_session_set_dns_server (fixture->session,
                                            mp_test_sim_dns_get_nameserver (fixture->dns), &error));
  g_assert_no_error (error);

  mp_session_refresh_async (fixture->session, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, TIMEOUT_MS);
  g_assert_true (mp_session_refresh_finish (fixture->session, result, &error));
  g_assert_no_error (error);

  wait_for_serial (fixture, "fixme.test", 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->dns, mp_test_sim_dns_stop);
}

static MpDomainDiagnosis *
diagnose (Fixture    *fixture,
          const char *name)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  MpDomain *domain = mp_session_find_domain (fixture->session, name);
  MpDomainDiagnosis *diagnosis;

  g_assert_nonnull (domain);
  mp_session_diagnose_domain_async (fixture->session, domain, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, TIMEOUT_MS);
  diagnosis = mp_session_diagnose_domain_finish (fixture->session, result, &error);
  g_assert_no_error (error);
  return diagnosis;
}

static MpCheckStatus
status_of (MpDomainDiagnosis *diagnosis,
           MpCheckId          id)
{
  MpCheckResult *result = mp_domain_diagnosis_get_result (diagnosis, id);

  g_assert_nonnull (result);
  return result->status;
}

/* Re-diagnoses until every check of ids is OK (Knot reloads a moment after /refresh). */
static MpDomainDiagnosis *
diagnose_until_ok (Fixture         *fixture,
                   const char      *name,
                   const MpCheckId *ids,
                   guint            n_ids)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_MS * 1000;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(MpDomainDiagnosis) diagnosis = diagnose (fixture, name);
      gboolean all_ok = TRUE;

      for (guint i = 0; i < n_ids; i++)
        all_ok &= status_of (diagnosis, ids[i]) == MP_CHECK_STATUS_OK;
      if (all_ok)
        return g_steal_pointer (&diagnosis);
    }
  g_error ("%s never turned green", name);
}

static void
apply (Fixture      *fixture,
       MpDnsFixPlan *plan)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  mp_session_apply_dns_fix_async (fixture->session, plan, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, TIMEOUT_MS);
  g_assert_true (mp_session_apply_dns_fix_finish (fixture->session, result, &error));
  g_assert_no_error (error);
}

static gboolean
records_contain (GPtrArray       *records,
                 MpDnsRecordType  type,
                 const char      *data)
{
  for (guint i = 0; i < records->len; i++)
    {
      MpDnsRecord *record = g_ptr_array_index (records, i);

      if (record->type == type && g_str_equal (record->data, data))
        return TRUE;
    }
  return FALSE;
}

/* The ids of a zone's records of one type at one name, through the API. */
static guint
count_zone_records (Fixture    *fixture,
                    const char *zone,
                    const char *field_type,
                    const char *sub_domain)
{
  g_autofree char *path = g_strdup_printf ("/domain/zone/%s/record?fieldType=%s&subDomain=%s",
                                           zone, field_type, sub_domain);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = call (fixture, "GET", path, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  return json_array_get_length (json_node_get_array (node));
}

/* ---- tests --------------------------------------------------------------------------------- */

static void
test_fix_red_to_green (Fixture       *fixture,
                       gconstpointer  data)
{
  static const MpCheckId fixed[] = { MP_CHECK_ID_MX, MP_CHECK_ID_SPF, MP_CHECK_ID_SRV };
  g_autoptr(MpDomainDiagnosis) before = diagnose (fixture, "fixme.test");
  g_autoptr(MpDomainDiagnosis) after = NULL;
  g_autoptr(MpDnsFixPlan) plan = NULL;
  g_autoptr(MpDnsFixPlan) again = NULL;
  g_autoptr(GError) error = NULL;
  MpDomain *domain = mp_session_find_domain (fixture->session, "fixme.test");

  g_assert_true (mp_domain_diagnosis_could_check (before));
  g_assert_cmpint (status_of (before, MP_CHECK_ID_MX), ==, MP_CHECK_STATUS_ERROR);
  g_assert_cmpint (status_of (before, MP_CHECK_ID_SPF), ==, MP_CHECK_STATUS_ERROR);
  g_assert_cmpint (status_of (before, MP_CHECK_ID_SRV), ==, MP_CHECK_STATUS_ERROR);
  /* The provider's own check, computed by the simulator from the same zone, agrees. */
  g_assert_false (mp_domain_get_mx_is_valid (domain));
  g_assert_false (mp_domain_get_spf_is_valid (domain));
  g_assert_true (mp_session_zone_is_hosted (fixture->session, "fixme.test"));

  plan = mp_session_plan_dns_fix (fixture->session, before, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plan->zone, ==, "fixme.test");
  g_assert_false (plan->replaces_mx);
  g_assert_true (plan->merges_spf);
  g_assert_true (records_contain (plan->remove, MP_DNS_RECORD_TYPE_TXT, "v=spf1 ip4:203.0.113.7 -all"));
  g_assert_true (records_contain (plan->add, MP_DNS_RECORD_TYPE_TXT, "v=spf1 ip4:203.0.113.7 include:mx.ovh.com -all"));
  g_assert_true (records_contain (plan->add, MP_DNS_RECORD_TYPE_MX, "1 mx0.mail.ovh.net"));
  g_assert_true (records_contain (plan->add, MP_DNS_RECORD_TYPE_SRV, "0 0 443 pro1.mail.ovh.net"));

  apply (fixture, plan);
  after = diagnose_until_ok (fixture, "fixme.test", fixed, G_N_ELEMENTS (fixed));
  g_assert_true (mp_domain_get_mx_is_valid (domain));
  g_assert_true (mp_domain_get_spf_is_valid (domain));
  g_assert_true (mp_domain_get_srv_is_valid (domain));

  /* Applying the same plan again changes nothing. */
  apply (fixture, plan);
  g_assert_cmpuint (count_zone_records (fixture, "fixme.test", "TXT", ""), ==, 1);
  g_assert_cmpuint (count_zone_records (fixture, "fixme.test", "MX", ""), ==, 4);

  again = mp_session_plan_dns_fix (fixture->session, after, "mx", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (again);
}

static void
test_spf_merge_keeps_mechanisms (Fixture       *fixture,
                                 gconstpointer  data)
{
  static const MpCheckId fixed[] = { MP_CHECK_ID_SPF };
  static const char merged[] = "v=spf1 ip4:203.0.113.8 a mx include:mx.ovh.com ~all";
  g_autoptr(MpDomainDiagnosis) before = diagnose (fixture, "merge.test");
  g_autoptr(MpDomainDiagnosis) after = NULL;
  g_autoptr(MpDnsFixPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  MpCheckResult *spf;

  g_assert_cmpint (status_of (before, MP_CHECK_ID_SPF), ==, MP_CHECK_STATUS_ERROR);
  g_assert_cmpint (status_of (before, MP_CHECK_ID_MX), ==, MP_CHECK_STATUS_OK);

  plan = mp_session_plan_dns_fix (fixture->session, before, "spf", &error);
  g_assert_no_error (error);
  g_assert_true (plan->merges_spf);
  g_assert_cmpuint (plan->remove->len, ==, 1);
  g_assert_cmpuint (plan->add->len, ==, 1);
  g_assert_true (records_contain (plan->add, MP_DNS_RECORD_TYPE_TXT, merged));

  /* The old record was written with the provider's own type SPF: it is found and replaced. */
  g_assert_cmpuint (count_zone_records (fixture, "merge.test", "SPF", ""), ==, 1);
  apply (fixture, plan);
  g_assert_cmpuint (count_zone_records (fixture, "merge.test", "SPF", ""), ==, 0);
  /* The other TXT record stays. */
  g_assert_cmpuint (count_zone_records (fixture, "merge.test", "TXT", ""), ==, 2);

  after = diagnose_until_ok (fixture, "merge.test", fixed, G_N_ELEMENTS (fixed));
  spf = mp_domain_diagnosis_get_result (after, MP_CHECK_ID_SPF);
  g_assert_true (records_contain (spf->found, MP_DNS_RECORD_TYPE_TXT, merged));
}

static void
test_plan_replacing_mx_says_so (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(MpDomainDiagnosis) diagnosis = diagnose (fixture, "moved.test");
  g_autoptr(MpDnsFixPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (status_of (diagnosis, MP_CHECK_ID_MX), ==, MP_CHECK_STATUS_ERROR);
  plan = mp_session_plan_dns_fix (fixture->session, diagnosis, "mx", &error);
  g_assert_no_error (error);
  g_assert_true (plan->replaces_mx);
  g_assert_false (plan->merges_spf);
  g_assert_true (records_contain (plan->remove, MP_DNS_RECORD_TYPE_MX, "10 mx.old-provider.example"));
  g_assert_cmpuint (plan->add->len, ==, 4);
}

static void
test_plan_external_zone_refused (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(MpDomainDiagnosis) diagnosis = diagnose (fixture, "outside.test");
  g_autoptr(MpDnsFixPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  MpCheckResult *cname;

  g_assert_false (mp_session_zone_is_hosted (fixture->session, "outside.test"));
  cname = mp_domain_diagnosis_get_result (diagnosis, MP_CHECK_ID_CNAME);
  g_assert_nonnull (cname);
  g_assert_cmpint (cname->status, ==, MP_CHECK_STATUS_ERROR);

  plan = mp_session_plan_dns_fix (fixture->session, diagnosis, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_null (plan);
}

static void
test_zone_routes (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) zones = call (fixture, "GET", "/domain/zone", NULL, NULL, &error);
  g_autoptr(JsonNode) created = NULL;
  g_autoptr(JsonNode) read = NULL;
  g_autofree char *path = NULL;
  JsonArray *names;
  gboolean fixme = FALSE, outside = FALSE;
  guint32 serial;

  g_assert_no_error (error);
  names = json_node_get_array (zones);
  for (guint i = 0; i < json_array_get_length (names); i++)
    {
      fixme |= g_str_equal (json_array_get_string_element (names, i), "fixme.test");
      outside |= g_str_equal (json_array_get_string_element (names, i), "outside.test");
    }
  g_assert_true (fixme);
  g_assert_false (outside);

  g_assert_cmpuint (count_zone_records (fixture, "fixme.test", "TXT", ""), ==, 1);
  g_assert_cmpuint (count_zone_records (fixture, "fixme.test", "CNAME", "www"), ==, 1);

  created = call (fixture, "POST", "/domain/zone/fixme.test/record",
                  "{\"fieldType\": \"MX\", \"subDomain\": \"\", \"target\": \"1 mx0.mail.ovh.net.\", \"ttl\": 600}",
                  NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (created), "zone"), ==, "fixme.test");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (created), "ttl"), ==, 600);
  path = g_strdup_printf ("/domain/zone/fixme.test/record/%" G_GINT64_FORMAT,
                          json_object_get_int_member (json_node_get_object (created), "id"));
  read = call (fixture, "GET", path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (read), "target"), ==, "1 mx0.mail.ovh.net.");

  /* Published only after /refresh, with the next serial. */
  serial = wait_for_serial (fixture, "fixme.test", 0);
  g_clear_pointer (&read, json_node_unref);
  read = call (fixture, "POST", "/domain/zone/fixme.test/refresh", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wait_for_serial (fixture, "fixme.test", serial + 1), ==, serial + 1);

  g_clear_pointer (&read, json_node_unref);
  read = call (fixture, "DELETE", path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&read, json_node_unref);
  read = call (fixture, "GET", path, NULL, NULL, &error);
  g_assert_error (error, MP_OVH_ERROR, MP_OVH_ERROR_NOT_FOUND);
}

static void
test_zone_refusals (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct
  {
    const char *method;
    const char *path;
    const char *body;
    MpOvhError  code;
    const char *words;
  } cases[] = {
    { "POST", "/domain/zone/fixme.test/record", "{\"fieldType\": \"BOGUS\", \"target\": \"x\"}",
      MP_OVH_ERROR_BAD_REQUEST, "does not belong to the NamedResolutionFieldTypeEnum" },
    { "POST", "/domain/zone/fixme.test/record", "{\"fieldType\": \"MX\"}",
      MP_OVH_ERROR_BAD_REQUEST, "[target] Missing parameter" },
    { "POST", "/domain/zone/fixme.test/record", "{\"fieldType\": \"MX\", \"target\": \"mx0.mail.ovh.net.\"}",
      MP_OVH_ERROR_BAD_REQUEST, "Invalid target for a MX record" },
    { "POST", "/domain/zone/fixme.test/record", "{\"fieldType\": \"A\", \"subDomain\": \"www\", \"target\": \"203.0.113.9\"}",
      MP_OVH_ERROR_BAD_REQUEST, "A CNAME record cannot share" },
    { "POST", "/domain/zone/fixme.test/record", "{\"fieldType\": \"TXT\", \"subDomain\": \"a..b\", \"target\": \"x\"}",
      MP_OVH_ERROR_BAD_REQUEST, "Invalid subdomain" },
    { "POST", "/domain/zone/fixme.test/record", "{\"fieldType\": \"TXT\", \"target\": \"x\", \"color\": \"red\"}",
      MP_OVH_ERROR_BAD_REQUEST, NULL },
    { "GET", "/domain/zone/outside.test/record", NULL,
      MP_OVH_ERROR_NOT_FOUND, "This service does not exist" },
    { "GET", "/domain/zone/fixme.test/record/42", NULL,
      MP_OVH_ERROR_NOT_FOUND, "The requested object (id = 42) does not exist" },
    { "DELETE", "/domain/zone/fixme.test/record/42", NULL,
      MP_OVH_ERROR_NOT_FOUND, NULL },
    { "POST", "/domain/zone/nowhere.test/refresh", NULL,
      MP_OVH_ERROR_NOT_FOUND, "This service does not exist" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *words = NULL;
      g_autoptr(JsonNode) node = call (fixture, cases[i].method, cases[i].path, cases[i].body, &words, &error);

      g_test_message ("%s %s %s", cases[i].method, cases[i].path, cases[i].body ? cases[i].body : "");
      g_assert_null (node);
      g_assert_error (error, MP_OVH_ERROR, cases[i].code);
      if (cases[i].words != NULL)
        g_assert_nonnull (strstr (words, cases[i].words));
    }
  /* Nothing was added by a refusal. */
  g_assert_cmpuint (count_zone_records (fixture, "fixme.test", "A", "www"), ==, 0);
}

static MpDkimSelector *
selector_at (GListModel *selectors,
             guint       position)
{
  g_autoptr(MpDkimSelector) selector = g_list_model_get_item (selectors, position);

  return selector;  /* the session's store keeps it */
}

static GListModel *
list_dkim (Fixture    *fixture,
           const char *name)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *selectors;

  mp_session_list_dkim_async (fixture->session, mp_session_find_domain (fixture->session, name), NULL,
                              mp_test_store_result, &result);
  mp_test_wait_for_result (&result, TIMEOUT_MS);
  selectors = mp_session_list_dkim_finish (fixture->session, result, &error);
  g_assert_no_error (error);
  return selectors;
}

/* Reads the selectors until the one at position has status (tasks take 2 × 100 ms). */
static void
wait_for_dkim_status (Fixture      *fixture,
                      const char   *name,
                      guint         position,
                      MpDkimStatus  status)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_MS * 1000;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GListModel) selectors = list_dkim (fixture, name);

      if (mp_dkim_selector_get_status (selector_at (selectors, position)) == status)
        return;
      g_usleep (50 * 1000);
    }
  g_error ("the selector %u of %s never reached %s", position, name, mp_dkim_status_to_string (status));
}

typedef void (*DkimCall) (MpSession *, MpDomain *, const char *, GCancellable *, GAsyncReadyCallback, gpointer);
typedef gboolean (*DkimFinish) (MpSession *, GAsyncResult *, GError **);

static void
switch_dkim (Fixture    *fixture,
             const char *name,
             const char *selector,
             DkimCall    start,
             DkimFinish  finish)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  start (fixture->session, mp_session_find_domain (fixture->session, name), selector, NULL,
         mp_test_store_result, &result);
  mp_test_wait_for_result (&result, TIMEOUT_MS);
  g_assert_true (finish (fixture->session, result, &error));
  g_assert_no_error (error);
}

static void
test_dkim_configure_to_production (Fixture       *fixture,
                                   gconstpointer  data)
{
  static const MpCheckId dkim_check[] = { MP_CHECK_ID_DKIM };
  g_autoptr(GListModel) selectors = list_dkim (fixture, "signed.test");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDomainDiagnosis) diagnosis = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (selectors), ==, 2);
  g_assert_false (mp_dkim_selector_get_created (selector_at (selectors, 0)));
  first = g_strdup (mp_dkim_selector_get_selector_name (selector_at (selectors, 0)));
  second = g_strdup (mp_dkim_selector_get_selector_name (selector_at (selectors, 1)));

  mp_session_configure_dkim_async (fixture->session, mp_session_find_domain (fixture->session, "signed.test"),
                                   NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, TIMEOUT_MS);
  g_assert_true (mp_session_configure_dkim_finish (fixture->session, result, &error));
  g_assert_no_error (error);

  /* Both created; the provider wrote the CNAMEs in the hosted zone, so both are past
   * waitingRecord, and the first one switches itself on. */
  g_assert_true (mp_dkim_selector_get_created (selector_at (selectors, 0)));
  g_assert_true (mp_dkim_selector_get_created (selector_at (selectors, 1)));
  g_assert_nonnull (mp_dkim_selector_get_target_record (selector_at (selectors, 0)));
  {
    g_autofree char *sub_domain = g_strconcat (first, "._domainkey", NULL);

    g_assert_cmpuint (count_zone_records (fixture, "signed.test", "CNAME", sub_domain), ==, 1);
  }
  wait_for_dkim_status (fixture, "signed.test", 0, MP_DKIM_STATUS_IN_PRODUCTION);
  wait_for_dkim_status (fixture, "signed.test", 1, MP_DKIM_STATUS_READY);
  g_assert_true (mp_dkim_selector_get_cname_is_valid (selector_at (selectors, 1)));

  /* The CNAMEs and the keys behind them are real DNS. */
  diagnosis = diagnose_until_ok (fixture, "signed.test", dkim_check, G_N_ELEMENTS (dkim_check));

  switch_dkim (fixture, "signed.test", second, mp_session_enable_dkim_async, mp_session_enable_dkim_finish);
  g_assert_cmpint (mp_dkim_selector_get_status (selector_at (selectors, 1)), ==, MP_DKIM_STATUS_IN_PRODUCTION);
  g_assert_cmpint (mp_dkim_selector_get_status (selector_at (selectors, 0)), ==, MP_DKIM_STATUS_READY);

  switch_dkim (fixture, "signed.test", second, mp_session_disable_dkim_async, mp_session_disable_dkim_finish);
  g_assert_cmpint (mp_dkim_selector_get_status (selector_at (selectors, 1)), ==, MP_DKIM_STATUS_READY);

  /* Disabling what does not sign is refused by the provider, and nothing changes. */
  g_clear_object (&result);
  mp_session_disable_dkim_async (fixture->session, mp_session_find_domain (fixture->session, "signed.test"),
                                 first, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, TIMEOUT_MS);
  g_assert_false (mp_session_disable_dkim_finish (fixture->session, result, &error));
  g_assert_error (error, MP_OVH_ERROR, MP_OVH_ERROR_BAD_REQUEST);
}

static void
test_dkim_external_zone_waits_for_record (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autoptr(GListModel) selectors = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* configureDkim is not sent for a zone outside the account: the simulator would refuse it. */
  mp_session_configure_dkim_async (fixture->session, mp_session_find_domain (fixture->session, "outside.test"),
                                   NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, TIMEOUT_MS);
  g_assert_true (mp_session_configure_dkim_finish (fixture->session, result, &error));
  g_assert_no_error (error);

  selectors = list_dkim (fixture, "outside.test");
  for (guint i = 0; i < 2; i++)
    {
      MpDkimSelector *selector = selector_at (selectors, i);

      g_assert_cmpint (mp_dkim_selector_get_status (selector), ==, MP_DKIM_STATUS_WAITING_RECORD);
      g_assert_false (mp_dkim_selector_get_cname_is_valid (selector));
      g_assert_true (g_str_has_suffix (mp_dkim_selector_get_customer_record (selector), "._domainkey.outside.test"));
      g_assert_true (g_str_has_suffix (mp_dkim_selector_get_target_record (selector), ".dkim.mail.ovh.net"));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add ("/mailpost/dns-fix/" path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("fix/red-to-green-through-knot", test_fix_red_to_green);
  ADD ("fix/spf-merge-keeps-mechanisms", test_spf_merge_keeps_mechanisms);
  ADD ("plan/replacing-mx-says-so", test_plan_replacing_mx_says_so);
  ADD ("plan/external-zone-refused", test_plan_external_zone_refused);
  ADD ("zone/routes-and-refresh", test_zone_routes);
  ADD ("zone/refusals", test_zone_refusals);
  ADD ("dkim/configure-to-production", test_dkim_configure_to_production);
  ADD ("dkim/external-zone-waits-for-record", test_dkim_external_zone_waits_for_record);
#undef ADD

  return g_test_run ();
}
