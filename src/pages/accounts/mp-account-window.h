/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-account-window.h: what every account dialog is: a modal AdwWindow about one account of
 * a session (none for ordering), with a cancellable that dies with it, Escape to close, and
 * an "applied" signal carrying the sentence the page shows as a toast once a change is done. */
#pragma once

#include <adwaita.h>

#include "emailpro/mp-account.h"
#include "emailpro/mp-session.h"

G_BEGIN_DECLS

#define MP_TYPE_ACCOUNT_WINDOW (mp_account_window_get_type ())
G_DECLARE_DERIVABLE_TYPE (MpAccountWindow, mp_account_window, MP, ACCOUNT_WINDOW, AdwWindow)

struct _MpAccountWindowClass
{
  AdwWindowClass parent_class;
};

/* Construct-only properties "session" and "account" (may be NULL). */
MpSession    *mp_account_window_get_session     (MpAccountWindow *self);
MpAccount    *mp_account_window_get_account     (MpAccountWindow *self);
GCancellable *mp_account_window_get_cancellable (MpAccountWindow *self);
/* Makes form (in)sensitive while a change runs.  The focus leaves it first: GTK 4.8 would
 * otherwise keep the cursor of a focused entry blinking in a field that no longer has it. */
void          mp_account_window_set_form_sensitive (MpAccountWindow *self,
                                                    GtkWidget       *form,
                                                    gboolean         sensitive);
/* Emits "applied" with message, then closes the window. */
void          mp_account_window_applied         (MpAccountWindow *self,
                                                 const char      *message);

G_END_DECLS
