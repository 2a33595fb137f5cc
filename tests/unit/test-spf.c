/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dns/mp-spf.h"

static void
test_recognises_records (void)
{
  g_assert_true (mp_spf_is_spf_record ("v=spf1 -all"));
  g_assert_true (mp_spf_is_spf_record ("V=SPF1"));
  g_assert_false (mp_spf_is_spf_record ("v=spf10 -all"));
  g_assert_false (mp_spf_is_spf_record ("google-site-verification=abc"));
  g_assert_false (mp_spf_is_spf_record (NULL));
}

static void
test_parses_terms (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpSpfRecord) record =
    mp_spf_record_parse ("v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 a mx:mail.example.com/24//64 include:mx.ovh.com ~all", NULL, &error);
  g_auto(GStrv) includes = NULL;
  const MpSpfTerm *all;

  g_assert_no_error (error);
  g_assert_cmpuint (record->terms->len, ==, 6);
  g_assert_cmpuint (mp_spf_record_count_lookups (record), ==, 3);
  includes = mp_spf_record_get_includes (record);
  g_assert_cmpstrv (includes, ((const char *[]) { "mx.ovh.com", NULL }));
  g_assert_true (mp_spf_record_has_include (record, "MX.OVH.COM."));
  all = mp_spf_record_get_all (record);
  g_assert_nonnull (all);
  g_assert_cmpint (all->qualifier, ==, MP_SPF_QUALIFIER_SOFTFAIL);
}

static void
test_reports_error_positions (void)
{
  static const struct { const char *text; MpSpfError code; gsize offset; } cases[] = {
    { "v=spf1 foo:bar -all", MP_SPF_ERROR_UNKNOWN_TERM, 7 },
    { "v=spf1 ip4:1.2.3.4~all", MP_SPF_ERROR_INVALID_VALUE, 7 },
    { "v=spf1 a include: -all", MP_SPF_ERROR_MISSING_VALUE, 9 },
    { "v=spf1 redirect=a.example redirect=b.example", MP_SPF_ERROR_DUPLICATE_MODIFIER, 26 },
    { "v=spf1 ip4:300.1.1.1 -all", MP_SPF_ERROR_INVALID_VALUE, 7 },
    { "v=spf1 ip6:2001:db8::/129", MP_SPF_ERROR_INVALID_VALUE, 7 },
    { "v=spf1 -redirect=x.example", MP_SPF_ERROR_SYNTAX, 7 },
    { "v=spf1 all:foo", MP_SPF_ERROR_INVALID_VALUE, 7 },
    { "spf1 -all", MP_SPF_ERROR_NOT_SPF, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MpSpfRecord) record = NULL;
      gsize offset = 999;

      record = mp_spf_record_parse (cases[i].text, &offset, &error);
      g_assert_null (record);
      g_assert_error (error, MP_SPF_ERROR, cases[i].code);
      g_assert_cmpuint (offset, ==, cases[i].offset);
      g_assert_nonnull (error->message);
    }
}

static void
test_merge_keeps_existing (void)
{
  static const struct { const char *existing; const char *merged; } cases[] = {
    { "v=spf1 include:_spf.google.com ~all", "v=spf1 include:_spf.google.com include:mx.ovh.com ~all" },
    { "v=spf1 a mx -all", "v=spf1 a mx include:mx.ovh.com -all" },
    { "v=spf1 ip4:192.0.2.1 +all", "v=spf1 ip4:192.0.2.1 include:mx.ovh.com ~all" },
    { "v=spf1 a", "v=spf1 a include:mx.ovh.com ~all" },
    { "v=spf1 a ?all", "v=spf1 a include:mx.ovh.com ~all" },
    { "v=spf1 include:mx.ovh.com -all", "v=spf1 include:mx.ovh.com -all" },
    { "v=spf1 a redirect=_spf.example.com", "v=spf1 a include:mx.ovh.com redirect=_spf.example.com" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *merged = mp_spf_merge (cases[i].existing, "v=spf1 include:mx.ovh.com ~all");

      g_assert_cmpstr (merged, ==, cases[i].merged);
    }

  {
    g_autofree char *fresh = mp_spf_merge (NULL, "v=spf1 include:mx.ovh.com ~all");
    g_autofree char *broken = mp_spf_merge ("v=spf1 bogus", "v=spf1 include:mx.ovh.com ~all");

    g_assert_cmpstr (fresh, ==, "v=spf1 include:mx.ovh.com ~all");
    g_assert_null (broken);
  }
}

static void
test_hostile_input (void)
{
  g_autoptr(GString) long_record = g_string_new ("v=spf1");
  g_autoptr(MpSpfRecord) record = NULL;
  static const char *hostile[] = {
    "v=spf1 \x01\x02", "v=spf1 include:%{", "v=spf1 +", "v=spf1 =", "v=spf1 :", "v=spf1 a/",
    "v=spf1 a//", "v=spf1 mx/99", "v=spf1 include:..", "v=spf1 ip4:", "v=spf1 ip4:1.2.3.4/",
    "v=spf1 \xff\xfe", "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(MpSpfRecord) parsed = mp_spf_record_parse (hostile[i], NULL, NULL);
      g_autofree char *merged = mp_spf_merge (hostile[i], "v=spf1 include:mx.ovh.com ~all");

      (void) parsed;
      (void) merged;
    }

  for (guint i = 0; i < 2000; i++)
    g_string_append (long_record, " a");
  record = mp_spf_record_parse (long_record->str, NULL, NULL);
  g_assert_nonnull (record);
  g_assert_cmpuint (mp_spf_record_count_lookups (record), ==, 2000);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mailpost/dns/spf/recognises-records", test_recognises_records);
  g_test_add_func ("/mailpost/dns/spf/parses-terms", test_parses_terms);
  g_test_add_func ("/mailpost/dns/spf/reports-error-positions", test_reports_error_positions);
  g_test_add_func ("/mailpost/dns/spf/merge-keeps-existing", test_merge_keeps_existing);
  g_test_add_func ("/mailpost/dns/spf/hostile-input", test_hostile_input);

  return g_test_run ();
}
