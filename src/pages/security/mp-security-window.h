/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-security-window.h: the service's security policy, message sizes and spam and virus
 * settings in one dialog.
 *
 * The settings are read fresh when the window opens.  Every value is checked as it changes
 * (mp-policy-rules.h) and a refused one shows its reason in place of its explanation; Save is
 * off until something changed and everything is valid, and sends only what changed.  A
 * refusal keeps the window open with every value as typed and the provider's reason on top;
 * once the provider has stored the change the window emits "saved" and closes.
 */
#pragma once

#include <adwaita.h>

#include "emailpro/mp-session.h"

G_BEGIN_DECLS

#define MP_TYPE_SECURITY_WINDOW (mp_security_window_get_type ())
G_DECLARE_FINAL_TYPE (MpSecurityWindow, mp_security_window, MP, SECURITY_WINDOW, AdwWindow)

MpSecurityWindow *mp_security_window_new            (GtkWindow        *parent,
                                                     MpSession        *session);
/* TRUE once the settings have been read and the form is shown. */
gboolean          mp_security_window_get_loaded     (MpSecurityWindow *self);
/* The values as the form holds them now. */
void              mp_security_window_get_policy     (MpSecurityWindow *self,
                                                     MpServicePolicy  *policy);

G_END_DECLS
