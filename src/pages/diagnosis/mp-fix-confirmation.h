/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-fix-confirmation.h: the question asked before "Fix Automatically" changes a DNS zone.
 *
 * Lists the exact records that will be deleted and created (as zone-file lines), says plainly
 * when the domain's current incoming mail servers will be replaced, and when the SPF record is
 * rewritten with the provider's include merged in.  Responses "cancel" and "apply".
 */
#pragma once

#include <adwaita.h>

#include "emailpro/mp-dns-fix-plan.h"

G_BEGIN_DECLS

AdwMessageDialog *mp_fix_confirmation_new (GtkWindow    *parent,
                                           MpDnsFixPlan *plan);

G_END_DECLS
