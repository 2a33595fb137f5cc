/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-domain-row.h: one attached domain in the domains page.
 *
 * Shows the name for people (and the punycode form when it differs), the mode in words, the
 * state while it is not ready, how many accounts use it, and a spinner while a task runs on
 * it.  Its menu activates domains.change-mode and domains.remove with the domain's name; both
 * are off while the domain is busy, and remove says why it is off while accounts use it.
 */
#pragma once

#include <adwaita.h>

#include "emailpro/mp-domain.h"

G_BEGIN_DECLS

#define MP_TYPE_DOMAIN_ROW (mp_domain_row_get_type ())
G_DECLARE_FINAL_TYPE (MpDomainRow, mp_domain_row, MP, DOMAIN_ROW, AdwActionRow)

MpDomainRow  *mp_domain_row_new              (MpDomain     *domain);
MpDomain     *mp_domain_row_get_domain       (MpDomainRow  *self);
/* The mode a running change will leave the domain in (MP_DOMAIN_TYPE_UNKNOWN: none known),
 * so the row can say "Changing to …" while the provider works on it. */
void          mp_domain_row_set_pending_type (MpDomainRow  *self,
                                              MpDomainType  type);

/* The mode in words, e.g. "Non-authoritative — unknown addresses go to relay.example". */
char         *mp_domain_describe_mode        (MpDomainType  type,
                                              const char   *mx_relay);

G_END_DECLS
