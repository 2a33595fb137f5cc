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
/* While a change runs: form greyed out and progress (a box whose first child is a GtkSpinner)
 * shown.  The focus leaves the form first: GTK 4.8 would otherwise keep the cursor of a
 * focused entry blinking in a field that no longer has it. */
void          mp_account_window_show_busy       (MpAccountWindow *self,
                                                 GtkWidget       *form,
                                                 GtkWidget       *progress,
                                                 gboolean         busy);
/* Emits "applied" with message, then closes the window. */
void          mp_account_window_applied         (MpAccountWindow *self,
                                                 const char      *message);

G_END_DECLS
