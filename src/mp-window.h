/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-window.h: the main window: sign-in, service picker and the service's pages. */
#pragma once

#include <adwaita.h>

#include "mp-application.h"

G_BEGIN_DECLS

#define MP_TYPE_WINDOW (mp_window_get_type ())
G_DECLARE_FINAL_TYPE (MpWindow, mp_window, MP, WINDOW, AdwApplicationWindow)

/* application may be NULL (tests). */
MpWindow *mp_window_new          (MpApplication *application);

/* Pages report failures here: a revoked key reveals the "Sign in again" banner, anything
 * else becomes a toast with the error's sentence. */
void      mp_window_report_error (MpWindow      *self,
                                  const GError  *error);
void      mp_window_add_toast    (MpWindow      *self,
                                  AdwToast      *toast);

G_END_DECLS
