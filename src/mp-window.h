/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-window.h: the main window: sign-in, service picker and the service's pages. */
#pragma once

#include <adwaita.h>

#include "mp-application.h"

G_BEGIN_DECLS

#define MP_TYPE_WINDOW (mp_window_get_type ())
G_DECLARE_FINAL_TYPE (MpWindow, mp_window, MP, WINDOW, AdwApplicationWindow)

MpWindow *mp_window_new (MpApplication *application);

G_END_DECLS
