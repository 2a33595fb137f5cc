/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-dns-answer: the DNS message walker.  The first byte picks the question's type and
 * whether the answer must be authoritative; the rest is the message as a server sent it.
 * Every record read must render as one zone-file line. */
#include "config.h"

#include "dns/mp-dns-resolver.h"
#include "mp-fuzz.h"

static const MpDnsRecordType types[] = {
  MP_DNS_RECORD_TYPE_A, MP_DNS_RECORD_TYPE_AAAA, MP_DNS_RECORD_TYPE_CNAME,
  MP_DNS_RECORD_TYPE_NS, MP_DNS_RECORD_TYPE_MX, MP_DNS_RECORD_TYPE_SRV,
  MP_DNS_RECORD_TYPE_TXT, MP_DNS_RECORD_TYPE_SOA,
};

static void
check_records (GPtrArray *records)
{
  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *line = mp_dns_record_to_zone_line (g_ptr_array_index (records, i));

      g_assert_true (mp_fuzz_is_one_ascii_line (line));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(MpDnsServer) server = NULL;
  g_autoptr(MpDnsAnswer) answer = NULL;
  MpDnsRecordType type;

  mp_fuzz_init ();
  if (size < 1)
    return 0;
  type = types[(data[0] & 0x7f) % G_N_ELEMENTS (types)];
  server = mp_dns_server_new ("ns1.example", "127.0.0.1", 53);
  answer = mp_dns_answer_new_from_message (server, "example.com", type, (data[0] & 0x80) != 0,
                                           data + 1, size - 1);
  g_assert_nonnull (answer);
  check_records (answer->records);
  check_records (answer->authority);
  check_records (answer->additional);
  g_ptr_array_unref (mp_dns_answer_get_records_of_type (answer, type));
  return 0;
}
