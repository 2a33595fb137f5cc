/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mp-check-guide.h"

/* docs.ovhcloud.com publishes each ovh/docs page at guides/<section>/<page>.md (the CNAME
 * guide's address in features.md); the DKIM guide's address is the one features.md gives. */
#define GUIDES "https://docs.ovhcloud.com/en/guides/web-cloud/"

#define GUIDE_EMAIL_PRO_SETUP GUIDES "email-and-collaborative-solutions/email-pro/first-config.md"
#define GUIDE_CNAME GUIDES "email-and-collaborative-solutions/microsoft-exchange/exchange-dns-cname.md"
#define GUIDE_DKIM "https://help.ovhcloud.com/csm/en-dns-zone-dkim?id=kb_article_view&sysparm_article=KB0058258"
#define GUIDE_ZONE_MX GUIDES "domains/dns-zone-mx.md"
#define GUIDE_ZONE_SPF GUIDES "domains/dns-zone-spf.md"
#define GUIDE_ZONE_EDIT GUIDES "domains/dns-zone-edit.md"
#define GUIDE_ZONE_RECORDS GUIDES "domains/dns-zone-records.md"

const char *
mp_check_guide_get_url (MpCheckId id,
                        gboolean  zone_hosted)
{
  switch (id)
    {
    case MP_CHECK_ID_MX:
      return zone_hosted ? GUIDE_ZONE_MX : GUIDE_EMAIL_PRO_SETUP;

    case MP_CHECK_ID_SPF:
      return zone_hosted ? GUIDE_ZONE_SPF : GUIDE_EMAIL_PRO_SETUP;

    case MP_CHECK_ID_SRV:
      return zone_hosted ? GUIDE_ZONE_EDIT : GUIDE_EMAIL_PRO_SETUP;

    case MP_CHECK_ID_DKIM:
      /* One guide covers both: it has a section for zones elsewhere. */
      return GUIDE_DKIM;

    case MP_CHECK_ID_CNAME:
      return GUIDE_CNAME;

    case MP_CHECK_ID_DMARC:
    default:
      return GUIDE_ZONE_RECORDS;
    }
}
