/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-dns-record.h: one DNS resource record, as found in an answer or as a record to add or
 * remove, and the one function that writes it as a zone-file line.
 *
 * Every record Mailpost shows or copies (expected, found, fix) is an MpDnsRecord, and every
 * zone-file line comes from mp_dns_record_to_zone_line(), so the diagnosis dialog, "Copy as
 * zone file", the command line's JSON and the simulator's zones all read the same.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The record types the checks use.  Values are the wire type codes (RFC 1035 and later). */
typedef enum
{
  MP_DNS_RECORD_TYPE_A     = 1,
  MP_DNS_RECORD_TYPE_NS    = 2,
  MP_DNS_RECORD_TYPE_CNAME = 5,
  MP_DNS_RECORD_TYPE_SOA   = 6,
  MP_DNS_RECORD_TYPE_MX    = 15,
  MP_DNS_RECORD_TYPE_TXT   = 16,
  MP_DNS_RECORD_TYPE_AAAA  = 28,
  MP_DNS_RECORD_TYPE_SRV   = 33,
} MpDnsRecordType;

#define MP_TYPE_DNS_RECORD (mp_dns_record_get_type ())

/* A plain boxed struct; records are immutable once made, so they are shared by reference.
 *
 * name:   the owner name, absolute, without the trailing dot, as received (or as given).
 * ttl:    seconds; 0 when unknown (then the zone line leaves the TTL out).
 * type:   one of MpDnsRecordType.
 * data:   the record's data in presentation form without the trailing dots of names:
 *         A/AAAA the address, CNAME/NS the target, MX "PRIORITY HOST", SRV "PRIORITY WEIGHT
 *         PORT TARGET", SOA "MNAME RNAME SERIAL REFRESH RETRY EXPIRE MINIMUM", TXT the text of
 *         all character-strings joined, unquoted and unescaped (may hold any byte but NUL).
 * The typed fields repeat what data says for the types that have them, so callers never parse
 * data again: priority (MX, SRV), weight and port (SRV), target (CNAME, NS, MX, SRV), serial
 * (SOA).  Unused fields are 0 / NULL. */
typedef struct _MpDnsRecord MpDnsRecord;
struct _MpDnsRecord
{
  /*< private >*/
  gatomicrefcount  ref_count;

  /*< public >*/
  char            *name;
  guint32          ttl;
  MpDnsRecordType  type;
  char            *data;

  guint16          priority;
  guint16          weight;
  guint16          port;
  char            *target;
  guint32          serial;
};

GType        mp_dns_record_get_type       (void) G_GNUC_CONST;

MpDnsRecord *mp_dns_record_new_a          (const char   *name,
                                           guint32       ttl,
                                           const char   *address);
MpDnsRecord *mp_dns_record_new_aaaa       (const char   *name,
                                           guint32       ttl,
                                           const char   *address);
MpDnsRecord *mp_dns_record_new_cname      (const char   *name,
                                           guint32       ttl,
                                           const char   *target);
MpDnsRecord *mp_dns_record_new_ns         (const char   *name,
                                           guint32       ttl,
                                           const char   *target);
MpDnsRecord *mp_dns_record_new_mx         (const char   *name,
                                           guint32       ttl,
                                           guint16       priority,
                                           const char   *host);
MpDnsRecord *mp_dns_record_new_srv        (const char   *name,
                                           guint32       ttl,
                                           guint16       priority,
                                           guint16       weight,
                                           guint16       port,
                                           const char   *target);
MpDnsRecord *mp_dns_record_new_txt        (const char   *name,
                                           guint32       ttl,
                                           const char   *text);
MpDnsRecord *mp_dns_record_new_soa        (const char   *name,
                                           guint32       ttl,
                                           const char   *mname,
                                           const char   *rname,
                                           guint32       serial,
                                           guint32       refresh,
                                           guint32       retry,
                                           guint32       expire,
                                           guint32       minimum);

MpDnsRecord *mp_dns_record_ref            (MpDnsRecord  *self);
void         mp_dns_record_unref          (MpDnsRecord  *self);

/* The one zone-file line for this record, e.g.
 *   "example.com. 3600 IN MX 1 mx0.mail.ovh.net."
 *   "_autodiscover._tcp.example.com. 3600 IN SRV 0 0 443 pro1.mail.ovh.net."
 *   "example.com. 3600 IN TXT \"v=spf1 include:mx.ovh.com ~all\""
 * Names are absolute (trailing dot); TXT text is quoted, split into character-strings of at
 * most 255 bytes, with '"' and '\' escaped and bytes outside printable ASCII written as \DDD, so
 * the line is always one line of plain ASCII whatever the record holds.  A ttl of 0 is left out. */
char        *mp_dns_record_to_zone_line   (const MpDnsRecord *self);

/* "MX", "TXT", … ; NULL for a type not in MpDnsRecordType. */
const char  *mp_dns_record_type_to_string (MpDnsRecordType type);

/* TRUE when both records say the same thing: same type, same name and the same data, names
 * compared without case and trailing dot.  The TTL does not count. */
gboolean     mp_dns_record_equal_data     (const MpDnsRecord *a,
                                           const MpDnsRecord *b);

/* Compares two host names the DNS way: case-insensitive, a trailing dot ignored. */
gboolean     mp_dns_name_equal            (const char   *a,
                                           const char   *b);

/* The provider's expectedAutodiscoverSRV string, "<name> IN SRV <prio> <weight> <port>
 * <target>" (e.g. "_autodiscover._tcp.example.com. IN SRV 0 0 443 pro1.mail.ovh.net."), as an
 * SRV record with the given ttl.  A relative name is taken relative to domain.  NULL and
 * G_IO_ERROR_INVALID_DATA (with a sentence) when the string does not have that shape. */
MpDnsRecord *mp_dns_record_parse_srv_expectation (const char  *text,
                                                  const char  *domain,
                                                  guint32      ttl,
                                                  GError     **error);

/* One of the provider's expectedMX strings: "IN MX <prio> <host>" (the form the provider's
 * manager parses), "<prio> <host>" or a bare "<host>" (priority 0).  NULL and
 * G_IO_ERROR_INVALID_DATA when it is none of these. */
MpDnsRecord *mp_dns_record_parse_mx_expectation  (const char  *text,
                                                  const char  *domain,
                                                  guint32      ttl,
                                                  GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpDnsRecord, mp_dns_record_unref)

G_END_DECLS
