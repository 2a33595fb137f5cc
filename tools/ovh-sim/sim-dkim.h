/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sim-dkim.h: DKIM of the service's domains — …/domain/{d}/dkimSelector, …/dkim (list,
 * POST {selectorName, autoEnableDKIM, configureDkim}), …/dkim/{selectorName} (GET, DELETE),
 * …/enable and …/disable — with the selector life cycle of the real platform:
 *
 *   todo ─addDomainDKIM─▶ waitingRecord ─CNAME in the zone─▶ ready ─enableDKIM─▶ enabling
 *   ─▶ inProduction ─disableDKIM─▶ disabling ─▶ ready;  deleteDomainDKIM: deleting ─▶ gone
 *
 * Tasks move the statuses; whether the customer's CNAME → targetRecord is published in the
 * simulator's zones decides waitingRecord → ready (and cnameIsValid), each time a selector or
 * its domain is read.  Every targetRecord gets its TXT key in the provider's zone
 * mail.ovh.net, so the key behind the CNAME is real DNS too.
 */
#pragma once

#include "sim-server.h"

G_BEGIN_DECLS

void     sim_dkim_register      (SimRouter   *router);
/* Seed "dns": {"dkim": [{"domain", "selectors": [{selectorName, status, …}]}]} */
gboolean sim_dkim_load_seed     (SimState    *state,
                                 JsonObject  *root,
                                 GError     **error);
/* Brings the domain's selectors up to date with its zone, then sets the domain's
 * dkimDiagnostics from them (left as it is when the domain has no selector). */
void     sim_dkim_update_domain (SimState    *state,
                                 SimService  *service,
                                 JsonObject  *domain);

G_END_DECLS
