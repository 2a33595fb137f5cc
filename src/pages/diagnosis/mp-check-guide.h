/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-check-guide.h: the provider's guide for one check, for the user's kind of DNS host.
 *
 * A zone hosted in the same OVHcloud account is edited in the provider's control panel, so
 * its guides are the "DNS zone" ones; a zone elsewhere gets the E-Mail Pro set-up guide, which
 * explains the records to create at another DNS host.  Sources: reference/ovh-api.md
 * ([DOC-EMP], [DOC-CNAME], [DOC-DKIM], [DOC-MX], [DOC-SPF]) and features.md.
 */
#pragma once

#include "dns/mp-check-result.h"

G_BEGIN_DECLS

const char *mp_check_guide_get_url (MpCheckId id,
                                    gboolean  zone_hosted);

G_END_DECLS
