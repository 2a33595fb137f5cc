/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-preferences-window.h: the app's preferences — the region the sign-in offers first, a
 * DNS server for every check, and how often pending checks run again.
 *
 * Each value is written to GSettings as soon as it is valid; a value that is not stays in its
 * field with the reason under it and the stored one is left as it was.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MP_TYPE_PREFERENCES_WINDOW (mp_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (MpPreferencesWindow, mp_preferences_window, MP, PREFERENCES_WINDOW, AdwPreferencesWindow)

MpPreferencesWindow *mp_preferences_window_new (GtkWindow *parent);

/* The "default-endpoint" setting as a base URL for the sign-in page, or NULL when it is
 * empty or no longer valid. */
char                *mp_preferences_dup_default_endpoint (GSettings *settings);

G_END_DECLS
