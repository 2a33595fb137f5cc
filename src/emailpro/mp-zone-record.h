/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-zone-record.h: the provider's DNS zone records (domain.zone.Record: fieldType,
 * subDomain, target, ttl) ↔ MpDnsRecord.
 *
 * One translation, used by the session to find and create records through
 * /domain/zone/{zone}/record and by the simulator to write its zone files, so both read the
 * provider's targets the same way: MX "PRIORITY HOST.", SRV "PRIORITY WEIGHT PORT TARGET.",
 * CNAME / NS "HOST.", TXT and SPF the text (the provider's own type SPF is published as TXT;
 * a target written in quotes is taken without them).
 */
#pragma once

#include <gio/gio.h>

#include "dns/mp-dns-record.h"

G_BEGIN_DECLS

/* The record as DNS serves it, with the absolute name "<subDomain>.<zone>" (or the zone for an
 * empty subDomain).  NULL and G_IO_ERROR_INVALID_DATA for a type Mailpost does not read or a
 * target of the wrong shape. */
MpDnsRecord *mp_zone_record_to_dns_record   (const char         *zone,
                                             const char         *field_type,
                                             const char         *sub_domain,
                                             const char         *target,
                                             guint32             ttl,
                                             GError            **error);
/* The fieldType, subDomain and target to POST for record, which must lie in zone (FALSE
 * otherwise, or for a type the zone API does not take).  TXT targets are sent unquoted. */
gboolean     mp_zone_record_from_dns_record (const char         *zone,
                                             const MpDnsRecord  *record,
                                             char              **field_type,
                                             char              **sub_domain,
                                             char              **target);
/* TRUE when name is zone or lies under it (DNS comparison, trailing dots ignored). */
gboolean     mp_zone_record_name_in_zone    (const char         *name,
                                             const char         *zone);

G_END_DECLS
