/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-session-dns-private.h: what the session keeps for the DNS diagnosis and DKIM
 * (mp-session-dns.c, mp-session-dkim.c), attached to it as qdata like its domains. */
#pragma once

#include "emailpro/mp-session.h"

G_BEGIN_DECLS

typedef struct
{
  MpDnsResolver *resolver;
  gboolean       from_environment;  /* MAILPOST_DNS_SERVER set: the setting does not apply */
  GHashTable    *dkim;              /* ASCII domain name → GListStore of MpDkimSelector */
  GStrv          zones;             /* the account's DNS zones, NULL until read */
} MpSessionDns;

MpSessionDns *mp_session_dns_get          (MpSession  *self);
/* The store of the domain's selectors (created empty on first use). */
GListStore   *mp_session_dns_dkim_store   (MpSession  *self,
                                           const char *domain);
/* The account's zone holding domain, NULL when it is not hosted (or not known yet). */
const char   *mp_session_dns_hosted_zone  (MpSession  *self,
                                           const char *domain);
/* Remembers the zone list (GET /domain/zone answered). */
void          mp_session_dns_set_zones    (MpSession  *self,
                                           GStrv       zones);

G_END_DECLS
