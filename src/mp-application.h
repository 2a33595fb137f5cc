/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-application.h: the Mailpost application: actions, windows, the signed-in session. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MP_TYPE_APPLICATION (mp_application_get_type ())
G_DECLARE_FINAL_TYPE (MpApplication, mp_application, MP, APPLICATION, AdwApplication)

MpApplication *mp_application_new (void);

G_END_DECLS
