/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dns/mp-dkim.h"

/* Real RSA public keys (SubjectPublicKeyInfo), made once with openssl genrsa. */
#define KEY_2048 "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAq9fhjUFPGtYZkAwZNapyzzHT6boXOjy/XZ0CVedFS7FrpQgGd0I60e5/ld7gxfezk6hTr9aiKrQ+WuLEVeTjAsS4mk64tw/J/2Ht7zH0BDiXOl/i0TLNnQff+ZXbOhiCUJ/fB0qhPRUQ9VMhB8YO4hsKBPsyOIvfd1B7iXL4F6bPpplqBSjtlGAiRCgIsoJt2fTeYDtDpjfqd35Z0NHGEzTwufEbK0JjhaoqKAKRXuqBiJ6/TzdTuCphYJv2q7dcuprJyCJqM+QbiPHZEaAc6nzA36VxOKDuDNNZGoIZwkDDUW8GOcP3UPsz9BHu5u/DLlZxzMMV+K6Z4tVSoH7QlwIDAQAB"
#define KEY_1024 "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC6CuikT14spcsAyu+8OZWUiYRno51ZtBaXtlEhDVutOueEhtASsBRiR+CvLfozzf370rJY6q9cINO5W5yfk9TatBYgK5i4cuYpZIS9/FelbR9o4IeXUt7pCGolGmiMdzhLgF0fT79nr1Yjt7h7Shp7XuzgxFt50xoiOWPCbHH2iQIDAQAB"

static void
test_reads_key_lengths (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDkimKey) strong = mp_dkim_key_parse ("v=DKIM1; k=rsa; p=" KEY_2048, &error);
  g_autoptr(MpDkimKey) weak = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (strong->bits, ==, 2048);
  g_assert_false (strong->testing);

  weak = mp_dkim_key_parse ("v=DKIM1;p=" KEY_1024 ";t=y", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (weak->bits, ==, 1024);
  g_assert_true (weak->testing);
}

static void
test_reads_bare_pkcs1 (void)
{
  /* SEQUENCE { INTEGER 0x00 0xC0 <15 bytes>, INTEGER 65537 } — a 128-bit modulus */
  static const guint8 der[] = {
    0x30, 0x18, 0x02, 0x11, 0x00, 0xc0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
    0x02, 0x03, 0x01, 0x00, 0x01,
  };

  g_assert_cmpuint (mp_dkim_rsa_key_bits (der, sizeof der, NULL), ==, 128);
}

static void
test_errors (void)
{
  static const struct { const char *text; MpDkimError code; } cases[] = {
    { "v=DKIM2; p=abcd", MP_DKIM_ERROR_NOT_DKIM },
    { "v=DKIM1; k=rsa", MP_DKIM_ERROR_NO_KEY },
    { "v=DKIM1; p=", MP_DKIM_ERROR_REVOKED },
    { "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=", MP_DKIM_ERROR_UNSUPPORTED_KEY },
    { "v=DKIM1; p=!!!!", MP_DKIM_ERROR_BAD_KEY },
    { "v=DKIM1; p=AAAA", MP_DKIM_ERROR_BAD_KEY },
    { "k=rsa; v=DKIM1; p=AAAA", MP_DKIM_ERROR_SYNTAX },
    { "v=DKIM1; p=AAAA; p=BBBB", MP_DKIM_ERROR_SYNTAX },
    { "garbage", MP_DKIM_ERROR_SYNTAX },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MpDkimKey) key = mp_dkim_key_parse (cases[i].text, &error);

      g_assert_null (key);
      g_assert_error (error, MP_DKIM_ERROR, cases[i].code);
    }
}

static void
test_hostile_der (void)
{
  g_autofree guint8 *der = NULL;
  gsize length = 0;

  der = g_base64_decode (KEY_2048, &length);

  /* Every truncation and every single-byte change must be refused or read, never crash. */
  for (gsize cut = 0; cut < length; cut++)
    mp_dkim_rsa_key_bits (der, cut, NULL);
  for (gsize i = 0; i < length; i++)
    for (guint value = 0; value < 256; value += 51)
      {
        g_autofree guint8 *copy = g_memdup2 (der, length);

        copy[i] = value;
        mp_dkim_rsa_key_bits (copy, length, NULL);
      }

  {
    static const guint8 huge_length[] = { 0x30, 0x84, 0xff, 0xff, 0xff, 0xff, 0x02 };
    static const guint8 indefinite[] = { 0x30, 0x80, 0x02, 0x01, 0x01, 0x00, 0x00 };

    g_assert_cmpuint (mp_dkim_rsa_key_bits (huge_length, sizeof huge_length, NULL), ==, 0);
    g_assert_cmpuint (mp_dkim_rsa_key_bits (indefinite, sizeof indefinite, NULL), ==, 0);
    g_assert_cmpuint (mp_dkim_rsa_key_bits (NULL, 0, NULL), ==, 0);
  }
}

static void
test_provider_words (void)
{
  for (int code = 501; code <= 504; code++)
    g_assert_nonnull (mp_dkim_error_code_to_sentence (code));
  g_assert_null (mp_dkim_error_code_to_sentence (500));
  g_assert_true (mp_dkim_selector_status_is_pending ("waitingRecord"));
  g_assert_false (mp_dkim_selector_status_is_pending ("inProduction"));
  g_assert_false (mp_dkim_selector_status_is_pending (NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mailpost/dns/dkim/reads-key-lengths", test_reads_key_lengths);
  g_test_add_func ("/mailpost/dns/dkim/reads-bare-pkcs1", test_reads_bare_pkcs1);
  g_test_add_func ("/mailpost/dns/dkim/errors", test_errors);
  g_test_add_func ("/mailpost/dns/dkim/hostile-der", test_hostile_der);
  g_test_add_func ("/mailpost/dns/dkim/provider-words", test_provider_words);

  return g_test_run ();
}
