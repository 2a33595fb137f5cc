/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sim-auth.h: the provider's authentication, checked the way the provider checks it, with
 * code of our own (not the client's signer): application key, timestamp window, consumer
 * key and its state, "$1$" SHA-1 signature over the URL exactly as received, access rules.
 * Also the /auth routes: time, credential (the consumer-key flow) and currentCredential. */
#pragma once

#include "sim-server.h"

G_BEGIN_DECLS

/* Seconds a timestamp may be away from the simulator's clock */
#define SIM_AUTH_TIME_WINDOW 180

void      sim_auth_register     (SimRouter  *router);
/* Checks the request's signature and rights.  On success sets request->credential; on
 * failure answers with the provider's error and returns FALSE. */
gboolean  sim_auth_authenticate (SimRequest *request);
/* "$1$" + hex SHA-1 of AS+CK+METHOD+URL+BODY+TIMESTAMP joined with "+" */
char     *sim_auth_signature    (const char *application_secret,
                                 const char *consumer_key,
                                 const char *method,
                                 const char *url,
                                 GBytes     *body,
                                 const char *timestamp);
/* Whether an access rule path ("*" matches anything, "/" included) covers path */
gboolean  sim_auth_rule_matches (const char *rule_path,
                                 const char *path);

G_END_DECLS
