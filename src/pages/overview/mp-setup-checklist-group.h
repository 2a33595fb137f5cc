/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-setup-checklist-group.h: the guide's five steps at the top of the overview, each with
 * its state as an icon and a word, what it means, and a button to the page that finishes it.
 * The first unfinished step is highlighted, so a new service is walked through in order. */
#pragma once

#include <adwaita.h>

#include "emailpro/mp-setup-checklist.h"

G_BEGIN_DECLS

#define MP_TYPE_SETUP_CHECKLIST_GROUP (mp_setup_checklist_group_get_type ())
G_DECLARE_FINAL_TYPE (MpSetupChecklistGroup, mp_setup_checklist_group, MP, SETUP_CHECKLIST_GROUP, AdwBin)

/* Property "checklist" (may be NULL). */
MpSetupChecklist *mp_setup_checklist_group_get_checklist (MpSetupChecklistGroup *self);
void              mp_setup_checklist_group_set_checklist (MpSetupChecklistGroup *self,
                                                          MpSetupChecklist      *checklist);
/* The row and the button of a step, for the tests. */
AdwActionRow     *mp_setup_checklist_group_get_row       (MpSetupChecklistGroup *self,
                                                          MpSetupStep            step);
GtkButton        *mp_setup_checklist_group_get_button    (MpSetupChecklistGroup *self,
                                                          MpSetupStep            step);

G_END_DECLS
