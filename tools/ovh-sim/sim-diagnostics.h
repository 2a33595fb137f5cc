/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sim-diagnostics.h: the provider's own check of a domain's DNS (email.pro.DomainNative's
 * mxIsValid, mxRecord, spfIsValid, spfRecord, srvIsValid, srvRecord, domainValidated,
 * cnameToCheck, dkimDiagnostics), computed from the simulator's published zones against the
 * domain's expectedMX, expectedSPF and expectedAutodiscoverSRV.  A domain whose zone the
 * simulator does not hold keeps the values of its seed. */
#pragma once

#include "sim-state.h"

G_BEGIN_DECLS

void sim_diagnostics_update_domain (SimState   *state,
                                    SimService *service,
                                    JsonObject *domain);

G_END_DECLS
