/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-overview-page.h: the service at a glance (guide steps 1 and 5): name, state, server,
 * usage, policies and the connection settings a mail client needs. */
#pragma once

#include <adwaita.h>

#include "emailpro/mp-session.h"
#include "emailpro/mp-setup-checklist.h"

G_BEGIN_DECLS

#define MP_TYPE_OVERVIEW_PAGE (mp_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (MpOverviewPage, mp_overview_page, MP, OVERVIEW_PAGE, AdwBin)

MpSession *mp_overview_page_get_session (MpOverviewPage *self);
void       mp_overview_page_set_session (MpOverviewPage *self,
                                         MpSession      *session);
/* The setup checklist of the session's service, NULL without a session. */
MpSetupChecklist *mp_overview_page_get_checklist (MpOverviewPage *self);

G_END_DECLS
