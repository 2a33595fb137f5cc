/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-check-dialog.h: everything about one check of one domain, in plain words.
 *
 * What the check means, expected and found records side by side, each name server's answer
 * (host, address, SOA serial, its records or its failure) and the propagation ("updated on 1
 * of 2 name servers"), the records to create and delete with a copy button on every field,
 * "Copy as Zone File", and the provider's guide for the user's kind of DNS host.  When the
 * zone is hosted in the same account, "Fix Automatically" shows the exact change first, then
 * applies it and follows the re-checks until the check is green (or says what is still
 * pending).  The DKIM check also opens the DKIM dialog.  The dialog follows the domain's
 * MpDomainCheck, so it always shows the latest result.
 */
#pragma once

#include <adwaita.h>

#include "mp-domain-check.h"

G_BEGIN_DECLS

#define MP_TYPE_CHECK_DIALOG (mp_check_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MpCheckDialog, mp_check_dialog, MP, CHECK_DIALOG, AdwWindow)

MpCheckDialog *mp_check_dialog_new        (GtkWindow     *parent,
                                           MpDomainCheck *check,
                                           MpCheckId      id);
MpDomainCheck *mp_check_dialog_get_check  (MpCheckDialog *self);
MpCheckId      mp_check_dialog_get_check_id (MpCheckDialog *self);

G_END_DECLS
