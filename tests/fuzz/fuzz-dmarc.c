/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-dmarc: the DMARC parser. */
#include "config.h"

#include <string.h>

#include "dns/mp-dmarc.h"
#include "mp-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(MpDmarcRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  gsize error_offset = 0;

  mp_fuzz_init ();
  mp_dmarc_is_dmarc_record (text);
  record = mp_dmarc_record_parse (text, &error_offset, &error);
  if (record == NULL)
    {
      g_assert_nonnull (error);
      g_assert_cmpuint (error_offset, <=, strlen (text));
    }
  return 0;
}
