/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sim-zones.h: the DNS zones the simulator owns (seed "dns"), and the provider's zone API:
 * /domain/zone/{zoneName}, …/record (list with fieldType / subDomain, GET, POST, DELETE) and
 * …/refresh.  Edits change a zone's records; only /refresh publishes them — bumps the SOA
 * serial, rewrites the zone file and reloads Knot (sim-knot.c) — as on the real platform.
 *
 * Zones "in_account" are the customer's (listed by GET /domain/zone, editable); the others
 * are served by Knot only, like a zone at another DNS host.
 */
#pragma once

#include "sim-server.h"
#include "dns/mp-dns-record.h"

G_BEGIN_DECLS

typedef struct
{
  char      *name;
  gboolean   in_account;
  guint32    serial;
  /* domain.zone.Record objects, as the API shows them */
  GPtrArray *records;
  /* MpDnsRecord: what DNS serves since the last refresh (SOA and NS included) */
  GPtrArray *published;
} SimZone;

/* Reads the seed's "dns" member (see README "DNS zones"); TRUE when there is none. */
gboolean   sim_zones_load_seed   (SimState    *state,
                                  JsonObject  *root,
                                  GError     **error);
void       sim_zones_register    (SimRouter   *router);

/* The zone that holds name (the longest one), or NULL when the simulator has none. */
SimZone   *sim_zones_find_for    (SimState    *state,
                                  const char  *name);
SimZone   *sim_zones_find        (SimState    *state,
                                  const char  *zone_name);
/* The published records of owner name and type (transfer container). */
GPtrArray *sim_zone_lookup       (SimZone          *zone,
                                  const char       *name,
                                  MpDnsRecordType   type);
/* Adds a record to the zone's current records, as POST …/record does; returns it. */
JsonObject *sim_zone_add_record  (SimState    *state,
                                  SimZone     *zone,
                                  const char  *field_type,
                                  const char  *sub_domain,
                                  const char  *target,
                                  gint64       ttl);
/* What /refresh does: publish the current records with the next serial and reload Knot. */
void       sim_zone_publish      (SimState    *state,
                                  SimZone     *zone);

G_END_DECLS
