/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-spf: the SPF parser and the merge.  Input: "existing\nexpected". */
#include "config.h"

#include <string.h>

#include "dns/mp-spf.h"
#include "mp-fuzz.h"

static void
read_record (const char *text)
{
  g_autoptr(MpSpfRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  gsize error_offset = 0;

  mp_spf_is_spf_record (text);
  record = mp_spf_record_parse (text, &error_offset, &error);
  if (record == NULL)
    {
      g_assert_nonnull (error);
      g_assert_cmpuint (error_offset, <=, strlen (text));
      return;
    }
  mp_spf_record_count_lookups (record);
  mp_spf_record_get_all (record);
  mp_spf_record_get_redirect (record);
  g_strfreev (mp_spf_record_get_includes (record));
  mp_spf_record_has_include (record, "mx.ovh.com");
  for (guint i = 0; i < record->terms->len; i++)
    {
      const MpSpfTerm *term = g_ptr_array_index (record->terms, i);

      g_assert_cmpuint (term->offset + term->length, <=, strlen (text));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *merged = NULL;

  mp_fuzz_init ();
  parts = mp_fuzz_split (data, size, 2);
  read_record (parts[0]);
  read_record (parts[1]);
  merged = mp_spf_merge (parts[0], parts[1]);
  if (merged != NULL)
    read_record (merged);
  return 0;
}
