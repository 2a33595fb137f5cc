/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-account-dialog.h: configure a placeholder or edit an account: the address (login, "@",
 * a validated domain), the names, "hidden from the address book" and the password, each
 * checked live against the rules; Save runs the session's configure operation and follows it.
 * A refusal keeps everything as typed and says what was applied and what was not. */
#pragma once

#include "mp-account-window.h"

G_BEGIN_DECLS

#define MP_TYPE_ACCOUNT_DIALOG (mp_account_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MpAccountDialog, mp_account_dialog, MP, ACCOUNT_DIALOG, MpAccountWindow)

MpAccountDialog *mp_account_dialog_new       (MpSession       *session,
                                              MpAccount       *account);
/* Property "busy": TRUE while Save runs. */
gboolean         mp_account_dialog_get_busy  (MpAccountDialog *self);

G_END_DECLS
