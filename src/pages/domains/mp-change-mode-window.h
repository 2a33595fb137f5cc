/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-change-mode-window.h: switch an attached domain between authoritative and
 * non-authoritative, with the relay rules of the add-domain wizard.
 *
 * Save is off until something changed and is valid.  A refusal keeps the window open with
 * the fields as they are and the provider's reason; once the provider has accepted the change
 * the window emits "mode-changed" (MpTask *task or NULL, MpDomainType type, MpDomain *domain)
 * and closes.
 */
#pragma once

#include <adwaita.h>

#include "emailpro/mp-session.h"

G_BEGIN_DECLS

#define MP_TYPE_CHANGE_MODE_WINDOW (mp_change_mode_window_get_type ())
G_DECLARE_FINAL_TYPE (MpChangeModeWindow, mp_change_mode_window, MP, CHANGE_MODE_WINDOW, AdwWindow)

MpChangeModeWindow *mp_change_mode_window_new (GtkWindow *parent,
                                               MpSession *session,
                                               MpDomain  *domain);

G_END_DECLS
