/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-dkim-dialog.h: DKIM, the signature the provider adds to every mail, for one domain.
 *
 * Lists both selectors with what the provider is doing with each, and offers what fits:
 * "Set Up DKIM" (both selectors created, the first turned on), "Turn On Signing" for a ready
 * selector, "Turn Off Signing" for the one in production.  For a zone hosted elsewhere it
 * shows the two CNAME records (customer record → target) as soon as the provider has made
 * them, with copy buttons.  While the provider is still working, it looks again every few
 * seconds.
 */
#pragma once

#include <adwaita.h>

#include "mp-domain-check.h"

G_BEGIN_DECLS

#define MP_TYPE_DKIM_DIALOG (mp_dkim_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MpDkimDialog, mp_dkim_dialog, MP, DKIM_DIALOG, AdwWindow)

/* How often the selectors are read again while one is still moving, in milliseconds. */
#define MP_DKIM_DIALOG_POLL_MS 5000

MpDkimDialog *mp_dkim_dialog_new          (GtkWindow     *parent,
                                           MpDomainCheck *check);
/* The selectors as last loaded (MpDkimSelector), NULL before the first load. */
GListModel   *mp_dkim_dialog_get_selectors (MpDkimDialog *self);

G_END_DECLS
