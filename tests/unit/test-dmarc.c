/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dns/mp-dmarc.h"

static void
test_parses_policies (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDmarcRecord) record =
    mp_dmarc_record_parse ("v=DMARC1; p=reject; sp=none; pct=50; rua=mailto:a@example.com,mailto:b@example.com; fo=1:d", NULL, &error);
  g_autoptr(MpDmarcRecord) plain = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (record->policy, ==, MP_DMARC_POLICY_REJECT);
  g_assert_cmpint (record->subdomain_policy, ==, MP_DMARC_POLICY_NONE);
  g_assert_cmpuint (record->percent, ==, 50);
  g_assert_cmpstr (record->report_aggregate, ==, "mailto:a@example.com,mailto:b@example.com");

  plain = mp_dmarc_record_parse (mp_dmarc_suggested_record (), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (plain->policy, ==, MP_DMARC_POLICY_QUARANTINE);
  g_assert_cmpint (plain->subdomain_policy, ==, MP_DMARC_POLICY_QUARANTINE);
}

static void
test_reports_errors (void)
{
  static const struct { const char *text; MpDmarcError code; gsize offset; } cases[] = {
    { "v=spf1 -all", MP_DMARC_ERROR_NOT_DMARC, 0 },
    { "v=DMARC1; p=maybe", MP_DMARC_ERROR_INVALID_VALUE, 10 },
    { "v=DMARC1; p=none; pct=101", MP_DMARC_ERROR_INVALID_VALUE, 18 },
    { "v=DMARC1; p=none; p=reject", MP_DMARC_ERROR_DUPLICATE_TAG, 18 },
    { "v=DMARC1; rua=mailto:a@example.com", MP_DMARC_ERROR_MISSING_POLICY, 0 },
    { "v=DMARC1; p=none; justtext", MP_DMARC_ERROR_SYNTAX, 18 },
    { "v=DMARC1; p=none; rua=nowhere", MP_DMARC_ERROR_INVALID_VALUE, 18 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MpDmarcRecord) record = NULL;
      gsize offset = 999;

      record = mp_dmarc_record_parse (cases[i].text, &offset, &error);
      g_assert_null (record);
      g_assert_error (error, MP_DMARC_ERROR, cases[i].code);
      g_assert_cmpuint (offset, ==, cases[i].offset);
    }
}

static void
test_hostile_input (void)
{
  static const char *hostile[] = {
    "v=DMARC1", "v=DMARC1;;;;", "v = DMARC1 ; p = none", "v=DMARC1; p=none; \x01=\x02",
    "v=DMARC1; p=none; fo=", "v=DMARC1; p=none; rua=,", "\xff\xfe", "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(MpDmarcRecord) record = mp_dmarc_record_parse (hostile[i], NULL, NULL);

      (void) record;
    }

  g_assert_true (mp_dmarc_is_dmarc_record ("v = DMARC1 ; p = none"));
  g_assert_false (mp_dmarc_is_dmarc_record ("v=DMARC10"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mailpost/dns/dmarc/parses-policies", test_parses_policies);
  g_test_add_func ("/mailpost/dns/dmarc/reports-errors", test_reports_errors);
  g_test_add_func ("/mailpost/dns/dmarc/hostile-input", test_hostile_input);

  return g_test_run ();
}
