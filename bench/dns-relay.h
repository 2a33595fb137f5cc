/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dns-relay.h: a loopback UDP/TCP DNS relay that holds every answer for a while. */
#pragma once

#include <glib.h>

typedef struct _DnsRelay DnsRelay;

/* Listens on each of addresses at listen_port and forwards to the same address at
 * upstream_port, delaying each answer by delay_ms. */
DnsRelay *dns_relay_start (const char * const *addresses,
                           guint16             listen_port,
                           guint16             upstream_port,
                           guint               delay_ms);
void      dns_relay_stop  (DnsRelay           *relay);
