/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sim-knot.h: the simulator's zones as zone files for Knot DNS.
 *
 * With --zones-dir DIR every zone the simulator owns is written to DIR/<zone>.zone at start,
 * with DIR/knot-zones.conf, the "zone:" section that lists them (a Knot configuration
 * includes it).  After a zone's /refresh the file is rewritten with the next SOA serial and,
 * with --knot-socket PATH, Knot is told to reload it: `knotc -s PATH zone-reload ZONE`, run
 * without waiting, as the real platform publishes a zone a moment after the call.
 */
#pragma once

#include "sim-zones.h"

G_BEGIN_DECLS

/* zones_dir may be NULL (no files, no Knot); knot_socket may be NULL (files only). */
gboolean sim_knot_configure   (SimState    *state,
                               const char  *zones_dir,
                               const char  *knot_socket,
                               GError     **error);
void     sim_knot_write_zone  (SimState    *state,
                               SimZone     *zone);
void     sim_knot_reload_zone (SimState    *state,
                               SimZone     *zone);

G_END_DECLS
