/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "api/mp-ovh-signer.h"

/* Every expected value was computed outside this code, e.g.
 *   printf '%s' 'EXAMPLEsecret+EXAMPLEconsumer+GET+https://eu.api.ovh.com/1.0/email/pro++1700000000' | sha1sum
 * so a mistake in the signer cannot hide in the test. */

static void
test_get_without_body (void)
{
  g_autofree char *signature = NULL;

  signature = mp_ovh_sign ("EXAMPLEsecret", "EXAMPLEconsumer", "GET",
                           "https://eu.api.ovh.com/1.0/email/pro", NULL, 1700000000);

  g_assert_cmpstr (signature, ==, "$1$4739bb72a642de2ab7ab9c71f37acb9dffde8153");
}

static void
test_null_body_is_empty_body (void)
{
  g_autofree char *with_null = NULL;
  g_autofree char *with_empty = NULL;

  with_null = mp_ovh_sign ("EXAMPLEsecret", "EXAMPLEconsumer", "GET",
                           "https://eu.api.ovh.com/1.0/email/pro", NULL, 1700000000);
  with_empty = mp_ovh_sign ("EXAMPLEsecret", "EXAMPLEconsumer", "GET",
                            "https://eu.api.ovh.com/1.0/email/pro", "", 1700000000);

  g_assert_cmpstr (with_null, ==, with_empty);
}

static void
test_query_and_escaped_at (void)
{
  g_autofree char *signature = NULL;

  /* printf '%s' 'AS1+CK1+GET+http://127.0.0.1:40123/1.0/email/pro/emailpro-ab1/account/jo%40example.com?state=ok++1700000123' | sha1sum */
  signature = mp_ovh_sign ("AS1", "CK1", "GET",
                           "http://127.0.0.1:40123/1.0/email/pro/emailpro-ab1/account/jo%40example.com?state=ok",
                           NULL, 1700000123);

  g_assert_cmpstr (signature, ==, "$1$f2143624c642bacffa4dbda1e22b415b489426f3");
}

static void
test_non_ascii_body (void)
{
  g_autofree char *signature = NULL;

  /* The body is UTF-8 "Zoë Brontë ✓", hashed as its bytes:
   * printf 'AS1+CK1+PUT+http://127.0.0.1:40123/1.0/email/pro/emailpro-ab1/account/jo%%40example.com+{"displayName":"Zo\xc3\xab Bront\xc3\xab \xe2\x9c\x93"}+1700000456' | sha1sum */
  signature = mp_ovh_sign ("AS1", "CK1", "PUT",
                           "http://127.0.0.1:40123/1.0/email/pro/emailpro-ab1/account/jo%40example.com",
                           "{\"displayName\":\"Zo\xc3\xab Bront\xc3\xab \xe2\x9c\x93\"}",
                           1700000456);

  g_assert_cmpstr (signature, ==, "$1$8ff23e92418b518e2bd089cbc636fd9270ff705e");
}

static void
test_without_consumer_key (void)
{
  g_autofree char *signature = NULL;

  /* printf '%s' 'AS1++POST+https://ca.api.ovh.com/1.0/auth/logout++0' | sha1sum */
  signature = mp_ovh_sign ("AS1", NULL, "POST", "https://ca.api.ovh.com/1.0/auth/logout", NULL, 0);

  g_assert_cmpstr (signature, ==, "$1$89eb1895befedb0eeabebd04750bb8ecfa25cc70");
}

static void
test_every_input_counts (void)
{
  g_autofree char *reference = NULL;
  g_autofree char *other_secret = NULL;
  g_autofree char *other_method = NULL;
  g_autofree char *other_time = NULL;

  reference = mp_ovh_sign ("AS1", "CK1", "GET", "https://eu.api.ovh.com/1.0/me", NULL, 42);
  other_secret = mp_ovh_sign ("AS2", "CK1", "GET", "https://eu.api.ovh.com/1.0/me", NULL, 42);
  other_method = mp_ovh_sign ("AS1", "CK1", "DELETE", "https://eu.api.ovh.com/1.0/me", NULL, 42);
  other_time = mp_ovh_sign ("AS1", "CK1", "GET", "https://eu.api.ovh.com/1.0/me", NULL, 43);

  g_assert_true (g_str_has_prefix (reference, "$1$"));
  g_assert_cmpuint (strlen (reference), ==, 3 + 40);
  g_assert_cmpstr (reference, !=, other_secret);
  g_assert_cmpstr (reference, !=, other_method);
  g_assert_cmpstr (reference, !=, other_time);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mailpost/signer/get-without-body", test_get_without_body);
  g_test_add_func ("/mailpost/signer/null-body-is-empty-body", test_null_body_is_empty_body);
  g_test_add_func ("/mailpost/signer/query-and-escaped-at", test_query_and_escaped_at);
  g_test_add_func ("/mailpost/signer/non-ascii-body", test_non_ascii_body);
  g_test_add_func ("/mailpost/signer/without-consumer-key", test_without_consumer_key);
  g_test_add_func ("/mailpost/signer/every-input-counts", test_every_input_counts);

  return g_test_run ();
}
