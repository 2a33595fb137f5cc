/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-zone-file: what the zone-file renderer is given.  Input: "zone\nfieldType\nsubDomain\n
 * target" (the target keeps any further newlines), as the zone API answers a record; also the
 * provider's expectedMX / expectedAutodiscoverSRV strings and a TXT record holding the target.
 * Whatever comes in, a rendered line is one line of printable ASCII. */
#include "config.h"

#include "dns/mp-dns-record.h"
#include "emailpro/mp-zone-record.h"
#include "mp-fuzz.h"

static void
render (MpDnsRecord *record,
        const char  *zone)
{
  g_autofree char *line = NULL;
  g_autofree char *field_type = NULL;
  g_autofree char *sub_domain = NULL;
  g_autofree char *target = NULL;

  if (record == NULL)
    return;
  line = mp_dns_record_to_zone_line (record);
  g_assert_true (mp_fuzz_is_one_ascii_line (line));
  mp_zone_record_from_dns_record (zone, record, &field_type, &sub_domain, &target);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_auto(GStrv) parts = NULL;
  const char *zone, *field_type, *sub_domain, *target;

  mp_fuzz_init ();
  parts = mp_fuzz_split (data, size, 4);
  zone = parts[0];
  field_type = parts[1];
  sub_domain = parts[2];
  target = parts[3];

  {
    g_autoptr(MpDnsRecord) record =
      mp_zone_record_to_dns_record (zone, field_type, sub_domain, target, 3600, NULL);
    render (record, zone);
  }
  {
    g_autoptr(MpDnsRecord) record = mp_dns_record_new_txt (zone, 0, target);
    render (record, zone);
  }
  {
    g_autoptr(MpDnsRecord) record = mp_dns_record_parse_mx_expectation (target, zone, 3600, NULL);
    render (record, zone);
  }
  {
    g_autoptr(MpDnsRecord) record = mp_dns_record_parse_srv_expectation (target, zone, 3600, NULL);
    render (record, zone);
  }
  mp_zone_record_name_in_zone (sub_domain, zone);
  return 0;
}
