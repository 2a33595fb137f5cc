/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-domain-mode-group.h: authoritative or non-authoritative, and the other mail server.
 *
 * The add-domain wizard and the change-mode dialog ask the same question with the same rules
 * (mp_domain_rules_check_relay), so both use this group.  It explains both modes in plain words,
 * checks the relay host as it is typed and offers the provider's relay for the region.
 *
 * Properties: "authoritative" (gboolean), "relay" (the text as typed), "valid" (read-only:
 * authoritative, or the relay is accepted).  Signals: "changed" after any edit, "activate" when
 * Enter is pressed in the relay entry.
 */
#pragma once

#include <adwaita.h>

#include "api/mp-ovh-endpoint.h"
#include "emailpro/mp-session.h"

G_BEGIN_DECLS

#define MP_TYPE_DOMAIN_MODE_GROUP (mp_domain_mode_group_get_type ())
G_DECLARE_FINAL_TYPE (MpDomainModeGroup, mp_domain_mode_group, MP, DOMAIN_MODE_GROUP, AdwBin)

gboolean    mp_domain_mode_group_get_authoritative (MpDomainModeGroup *self);
void        mp_domain_mode_group_set_authoritative (MpDomainModeGroup *self,
                                                    gboolean           authoritative);
const char *mp_domain_mode_group_get_relay         (MpDomainModeGroup *self);
void        mp_domain_mode_group_set_relay         (MpDomainModeGroup *self,
                                                    const char        *relay);
/* The relay in the ASCII form the provider wants, or NULL when authoritative or not valid. */
char       *mp_domain_mode_group_dup_ascii_relay   (MpDomainModeGroup *self);
gboolean    mp_domain_mode_group_get_valid         (MpDomainModeGroup *self);
/* Why the relay is refused, or NULL. */
const char *mp_domain_mode_group_get_reason        (MpDomainModeGroup *self);

/* The service's own host: a relay to it would send the mail straight back. */
void        mp_domain_mode_group_set_service_hostname (MpDomainModeGroup *self,
                                                       const char        *hostname);
/* Which provider relay to suggest (and whether to say it is the European one). */
void        mp_domain_mode_group_set_region        (MpDomainModeGroup *self,
                                                    MpOvhRegion        region);
/* Both of the above, from the signed-in service and the client's region. */
void        mp_domain_mode_group_set_session       (MpDomainModeGroup *self,
                                                    MpSession         *session);
void        mp_domain_mode_group_focus_relay       (MpDomainModeGroup *self);

G_END_DECLS
