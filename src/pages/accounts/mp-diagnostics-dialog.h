/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-diagnostics-dialog.h: the provider's check of one mailbox: asks its password, follows the
 * diagnosis task, then shows every field of the answer with an icon, a word and what to do
 * when it failed. */
#pragma once

#include "emailpro/mp-account-diagnosis.h"
#include "mp-account-window.h"

G_BEGIN_DECLS

#define MP_TYPE_DIAGNOSTICS_DIALOG (mp_diagnostics_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MpDiagnosticsDialog, mp_diagnostics_dialog, MP, DIAGNOSTICS_DIALOG, MpAccountWindow)

MpDiagnosticsDialog *mp_diagnostics_dialog_new           (MpSession           *session,
                                                          MpAccount           *account);
/* The last result shown, or NULL (property "diagnosis"). */
MpAccountDiagnosis  *mp_diagnostics_dialog_get_diagnosis (MpDiagnosticsDialog *self);

G_END_DECLS
