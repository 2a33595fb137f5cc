/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-record-row.h: one DNS record to create or delete, as the fields a DNS host's form asks
 * for — name (relative to the zone, "@" for the zone itself), type and value — each with its
 * own copy button (the rows are MpCopyableRows), under a header that shows the record as one
 * zone-file line. */
#pragma once

#include <adwaita.h>

#include "dns/mp-dns-record.h"

G_BEGIN_DECLS

#define MP_TYPE_RECORD_ROW (mp_record_row_get_type ())
G_DECLARE_FINAL_TYPE (MpRecordRow, mp_record_row, MP, RECORD_ROW, AdwExpanderRow)

/* zone: the domain the record lives in, so the name can be shown relative to it. */
GtkWidget   *mp_record_row_new          (MpDnsRecord *record,
                                         const char  *zone);
MpDnsRecord *mp_record_row_get_record   (MpRecordRow *self);
/* What the DNS host's form wants in each field: the name relative to the zone ("@" for the
 * zone itself), the type ("MX") and the value (TXT text unquoted, MX "1 mx0.mail.ovh.net."). */
char        *mp_record_row_dup_name     (MpRecordRow *self);
char        *mp_record_row_dup_value    (MpRecordRow *self);

G_END_DECLS
