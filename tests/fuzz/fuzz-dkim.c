/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-dkim: DKIM key records, and the DER reader behind the key length on the raw bytes. */
#include "config.h"

#include "dns/mp-dkim.h"
#include "mp-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(MpDkimKey) key = NULL;
  g_autoptr(GError) error = NULL;

  mp_fuzz_init ();
  mp_dkim_is_key_record (text);
  key = mp_dkim_key_parse (text, &error);
  g_assert_true ((key == NULL) != (error == NULL));
  g_clear_error (&error);
  mp_dkim_rsa_key_bits (data, size, &error);
  mp_dkim_selector_status_is_pending (text);
  return 0;
}
