/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sim-wire.h: accepts connections itself (plain or TLS) and hands them to the SoupServer
 * through a stream that notes each request target exactly as it came over the wire.
 * libsoup gives handlers a parsed URI whose path is already percent-decoded, but the
 * provider signs the URL as sent, so "%40" and "@" must not look the same to us. */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct _SimWire SimWire;

SimWire    *sim_wire_new          (SoupServer         *soup,
                                   GTlsCertificate    *certificate);
void        sim_wire_free         (SimWire            *wire);
/* Returns the port actually bound (address may have port 0) */
gboolean    sim_wire_listen       (SimWire            *wire,
                                   GSocketAddress     *address,
                                   guint16            *bound_port,
                                   GError            **error);
/* The raw request target ("/1.0/a%40b?x=1") of msg, or NULL when it was not seen (for
 * example a chunked request body made the connection's framing unknown). */
char       *sim_wire_take_target  (SimWire            *wire,
                                   SoupServerMessage  *msg);
/* The connection under a stream stolen from the SoupServer, to close it for real */
GIOStream  *sim_wire_get_base     (GIOStream          *stolen);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SimWire, sim_wire_free)

G_END_DECLS
