/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-password-dialog.h: change an account's password on its own, with the same live checklist
 * as the configure dialog; a refusal keeps both fields as typed. */
#pragma once

#include "mp-account-window.h"

G_BEGIN_DECLS

#define MP_TYPE_PASSWORD_DIALOG (mp_password_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MpPasswordDialog, mp_password_dialog, MP, PASSWORD_DIALOG, MpAccountWindow)

MpPasswordDialog *mp_password_dialog_new (MpSession *session,
                                          MpAccount *account);

G_END_DECLS
