/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-diagnosis-row.h: one attached domain on the diagnosis page.
 *
 * One indicator per check (MX, SPF, autodiscover, DKIM, the ownership CNAME while the domain
 * is not validated, DMARC) that wraps at narrow widths, the time of the last check, "Check
 * now", the domain-wide DNS problem when there is one, and the checks on which the provider's
 * own verdict still disagrees with the live one.  Clicking an indicator activates
 * diagnosis.show-check with (domain name, check id).  The row holds its MpDomainCheck while it
 * is on screen, so automatic re-checks stop when the page is hidden.
 */
#pragma once

#include <adwaita.h>

#include "mp-domain-check.h"

G_BEGIN_DECLS

#define MP_TYPE_DIAGNOSIS_ROW (mp_diagnosis_row_get_type ())
G_DECLARE_FINAL_TYPE (MpDiagnosisRow, mp_diagnosis_row, MP, DIAGNOSIS_ROW, GtkListBoxRow)

MpDiagnosisRow *mp_diagnosis_row_new        (MpDomainCheck  *check);
MpDomainCheck  *mp_diagnosis_row_get_check  (MpDiagnosisRow *self);
/* The indicator of check id, NULL when the diagnosis has no such check (for the tests). */
GtkWidget      *mp_diagnosis_row_get_indicator (MpDiagnosisRow *self,
                                                MpCheckId       id);

/* "MX", "SPF", "Autodiscover", … : the short name beside an indicator. */
const char     *mp_diagnosis_check_short_label (MpCheckId id);

G_END_DECLS
