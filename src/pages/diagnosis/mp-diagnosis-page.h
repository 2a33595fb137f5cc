/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-diagnosis-page.h: guide step 3 — the live DNS check of every attached domain.
 *
 * One MpDiagnosisRow per domain of the session; a status page when there is no domain yet
 * (pointing to the Domains page) and one when the DNS could not be asked at all (offline, no
 * name server answering) with a Retry.  Actions: diagnosis.check-all, diagnosis.show-check
 * (ss: domain name, check id such as "mx") which opens the check's dialog, and
 * diagnosis.show-domain (s) which checks one domain now and moves it into view.
 */
#pragma once

#include <adwaita.h>

#include "emailpro/mp-session.h"
#include "mp-diagnosis-row.h"
#include "mp-domain-check.h"

G_BEGIN_DECLS

#define MP_TYPE_DIAGNOSIS_PAGE (mp_diagnosis_page_get_type ())
G_DECLARE_FINAL_TYPE (MpDiagnosisPage, mp_diagnosis_page, MP, DIAGNOSIS_PAGE, AdwBin)

MpSession      *mp_diagnosis_page_get_session (MpDiagnosisPage *self);
void            mp_diagnosis_page_set_session (MpDiagnosisPage *self,
                                               MpSession       *session);
/* The live check of an attached domain (ASCII name), NULL when there is none. */
MpDomainCheck  *mp_diagnosis_page_get_check   (MpDiagnosisPage *self,
                                               const char      *name);
MpDiagnosisRow *mp_diagnosis_page_find_row    (MpDiagnosisPage *self,
                                               const char      *name);

G_END_DECLS
