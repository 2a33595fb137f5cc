/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The domain-name and relay-host rules: IDN both ways, label and length limits, the loop. */
#include "config.h"

#include <string.h>

#include "rules/mp-domain-rules.h"

static char *
repeat (char  c,
        gsize n)
{
  char *text = g_malloc (n + 1);

  memset (text, c, n);
  text[n] = '\0';
  return text;
}

/* A valid host name of exactly length characters: 60-character labels, then the rest. */
static char *
host_of_length (gsize length)
{
  GString *name = g_string_new (NULL);

  while (length - name->len > 63)
    {
      for (guint i = 0; i < 60; i++)
        g_string_append_c (name, 'a');
      g_string_append_c (name, '.');
    }
  while (name->len < length)
    g_string_append_c (name, 'b');

  return g_string_free (name, FALSE);
}

static void
test_name_valid (void)
{
  g_autofree char *ascii = NULL;
  g_autofree char *reason = NULL;

  reason = mp_domain_rules_check_name ("Bakery-Schmidt.DE", &ascii);
  g_assert_null (reason);
  g_assert_cmpstr (ascii, ==, "bakery-schmidt.de");
  g_clear_pointer (&ascii, g_free);

  /* White space and one trailing dot, as pasted from a zone file. */
  reason = mp_domain_rules_check_name ("  shop.example.com.  ", &ascii);
  g_assert_null (reason);
  g_assert_cmpstr (ascii, ==, "shop.example.com");
}

static void
test_name_idn (void)
{
  g_autofree char *ascii = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *unicode = NULL;
  g_autofree char *expected = g_hostname_to_ascii ("bäckerei-schmidt.de");

  /* The expected value is computed, not guessed, and it is the one the brief names. */
  g_assert_cmpstr (expected, ==, "xn--bckerei-schmidt-0kb.de");

  reason = mp_domain_rules_check_name ("bäckerei-schmidt.de", &ascii);
  g_assert_null (reason);
  g_assert_cmpstr (ascii, ==, expected);
  g_assert_true (mp_domain_rules_is_idn ("bäckerei-schmidt.de"));
  g_assert_true (mp_domain_rules_is_idn ("xn--bckerei-schmidt-0kb.de"));
  g_assert_false (mp_domain_rules_is_idn ("bakery-schmidt.de"));

  unicode = mp_domain_rules_to_unicode ("xn--bckerei-schmidt-0kb.de");
  g_assert_cmpstr (unicode, ==, "bäckerei-schmidt.de");
  g_clear_pointer (&unicode, g_free);
  unicode = mp_domain_rules_to_unicode ("Bakery.DE");
  g_assert_cmpstr (unicode, ==, "bakery.de");
  g_clear_pointer (&ascii, g_free);

  ascii = mp_domain_rules_to_ascii ("Café.example");
  g_assert_cmpstr (ascii, ==, "xn--caf-dma.example");
}

static void
assert_refused (const char *input,
                const char *expected_fragment)
{
  g_autofree char *ascii = NULL;
  g_autofree char *reason = mp_domain_rules_check_name (input, &ascii);

  g_assert_nonnull (reason);
  g_assert_null (ascii);
  if (expected_fragment != NULL && strstr (reason, expected_fragment) == NULL)
    g_error ("Reason for “%s” is “%s”, expected it to mention “%s”", input, reason, expected_fragment);
}

static void
test_name_refused (void)
{
  g_autofree char *long_label = repeat ('a', 64);
  g_autofree char *ok_label = repeat ('a', 63);
  g_autofree char *name = NULL;
  g_autofree char *reason = NULL;

  assert_refused ("", "Enter a domain name");
  assert_refused ("   ", "Enter a domain name");
  assert_refused ("bakery", "has no ending");
  assert_refused ("info@bakery.de", "after “@”");
  assert_refused ("bakery..de", "two dots");
  assert_refused (".bakery.de", "two dots");
  assert_refused ("-bakery.de", "hyphen");
  assert_refused ("bakery-.de", "hyphen");
  assert_refused ("bak ery.de", "not a valid domain name");
  assert_refused ("bak_ery.de", "not a valid domain name");
  assert_refused ("192.168.1.1", "only digits");

  /* 63 characters per label are fine, 64 are not. */
  name = g_strconcat (ok_label, ".de", NULL);
  reason = mp_domain_rules_check_name (name, NULL);
  g_assert_null (reason);
  g_free (name);
  name = g_strconcat (long_label, ".de", NULL);
  assert_refused (name, "64 characters");
}

static void
test_name_total_length (void)
{
  g_autofree char *ok = host_of_length (MP_DOMAIN_RULES_MAX_NAME_LENGTH);
  g_autofree char *too_long = host_of_length (MP_DOMAIN_RULES_MAX_NAME_LENGTH + 1);
  g_autofree char *reason = mp_domain_rules_check_name (ok, NULL);

  g_assert_null (reason);
  assert_refused (too_long, "254 characters");
}

static void
test_relay (void)
{
  g_autofree char *ascii = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *max = host_of_length (MP_DOMAIN_RULES_MAX_RELAY_LENGTH);
  g_autofree char *too_long = host_of_length (MP_DOMAIN_RULES_MAX_RELAY_LENGTH + 1);

  reason = mp_domain_rules_check_relay ("MX1.mail.ovh.net.", "pro1.mail.ovh.net", &ascii);
  g_assert_null (reason);
  g_assert_cmpstr (ascii, ==, "mx1.mail.ovh.net");
  g_clear_pointer (&ascii, g_free);

  /* 255 characters is the provider's limit for mxRelay; 256 is refused. */
  reason = mp_domain_rules_check_relay (max, NULL, NULL);
  g_assert_null (reason);
  reason = mp_domain_rules_check_relay (too_long, NULL, &ascii);
  g_assert_nonnull (reason);
  g_assert_null (ascii);
  g_assert_nonnull (strstr (reason, "256 characters"));
  g_clear_pointer (&reason, g_free);

  /* The service's own host: mail would come straight back. */
  reason = mp_domain_rules_check_relay ("Pro1.Mail.OVH.net", "pro1.mail.ovh.net.", &ascii);
  g_assert_nonnull (reason);
  g_assert_null (ascii);
  g_assert_nonnull (strstr (reason, "loop"));
  g_clear_pointer (&reason, g_free);

  reason = mp_domain_rules_check_relay ("198.51.100.7", NULL, NULL);
  g_assert_nonnull (strstr (reason, "IP address"));
  g_clear_pointer (&reason, g_free);

  reason = mp_domain_rules_check_relay ("", NULL, NULL);
  g_assert_nonnull (strstr (reason, "mx1.mail.ovh.net"));
  g_clear_pointer (&reason, g_free);

  reason = mp_domain_rules_check_relay ("mail_server.example", NULL, NULL);
  g_assert_nonnull (strstr (reason, "not a valid server name"));
  g_clear_pointer (&reason, g_free);

  /* A Unicode relay host is sent in its ASCII form. */
  reason = mp_domain_rules_check_relay ("mx.bäckerei-schmidt.de", NULL, &ascii);
  g_assert_null (reason);
  g_assert_cmpstr (ascii, ==, "mx.xn--bckerei-schmidt-0kb.de");
}

static void
test_provider_relay (void)
{
  g_assert_cmpstr (mp_domain_rules_get_provider_relay (MP_OVH_REGION_EU), ==, "mx1.mail.ovh.net");
  g_assert_cmpstr (mp_domain_rules_get_provider_relay (MP_OVH_REGION_CA), ==, "mx1.mail.ovh.ca");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mailpost/rules/domain/valid", test_name_valid);
  g_test_add_func ("/mailpost/rules/domain/idn", test_name_idn);
  g_test_add_func ("/mailpost/rules/domain/refused", test_name_refused);
  g_test_add_func ("/mailpost/rules/domain/total-length", test_name_total_length);
  g_test_add_func ("/mailpost/rules/relay", test_relay);
  g_test_add_func ("/mailpost/rules/relay/provider", test_provider_relay);

  return g_test_run ();
}
