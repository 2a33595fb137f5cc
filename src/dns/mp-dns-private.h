/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-dns-private.h: what the resolver's files share and nobody else needs. */
#pragma once

#include "dns/mp-dns-resolver.h"

G_BEGIN_DECLS

/* An answer with no records, for an outcome without a message (timeout, network error). */
MpDnsAnswer *mp_dns_answer_new_empty (MpDnsServer     *server,
                                      const char      *name,
                                      MpDnsRecordType  type,
                                      MpDnsStatus      status);

G_END_DECLS
