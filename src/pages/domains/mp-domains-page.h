/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-domains-page.h: the domains attached to the service (guide step 2).
 *
 * A searchable list of the session's domains with their mode, state, accounts and running
 * tasks; with no domain yet, a status page whose button opens the add-domain wizard.  Actions:
 * domains.add, domains.change-mode("name"), domains.remove("name"), domains.search (Ctrl+F).
 * Results are told through "add-toast", as the other pages do.
 */
#pragma once

#include <adwaita.h>

#include "emailpro/mp-session.h"

G_BEGIN_DECLS

#define MP_TYPE_DOMAINS_PAGE (mp_domains_page_get_type ())
G_DECLARE_FINAL_TYPE (MpDomainsPage, mp_domains_page, MP, DOMAINS_PAGE, AdwBin)

MpSession *mp_domains_page_get_session (MpDomainsPage *self);
void       mp_domains_page_set_session (MpDomainsPage *self,
                                        MpSession     *session);

G_END_DECLS
