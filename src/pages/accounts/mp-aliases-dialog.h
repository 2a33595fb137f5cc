/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-aliases-dialog.h: the aliases of one mailbox: the list, adding one (a name, "@" and one of
 * the service's validated domains, checked against the provider's character rules and its
 * limit of 1,000) and removing one. */
#pragma once

#include "mp-account-window.h"

G_BEGIN_DECLS

#define MP_TYPE_ALIASES_DIALOG (mp_aliases_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MpAliasesDialog, mp_aliases_dialog, MP, ALIASES_DIALOG, MpAccountWindow)

MpAliasesDialog *mp_aliases_dialog_new        (MpSession       *session,
                                               MpAccount       *account);
/* The aliases shown (MpAccountAlias items), NULL until loaded; property "busy" is TRUE while
 * a list, add or remove runs. */
GListModel      *mp_aliases_dialog_get_aliases (MpAliasesDialog *self);
gboolean         mp_aliases_dialog_get_busy    (MpAliasesDialog *self);

G_END_DECLS
