/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sim-router.h: a table of (method, path pattern) → handler.  Patterns are written as in the
 * provider's schema, "/email/pro/{service}/account/{email}"; a request path is split on "/"
 * while still percent-encoded, so an encoded "/" inside an address stays in its segment. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SIM_ROUTE_SIGNED   = 0,
  /* No signature, like /auth/time and /auth/credential */
  SIM_ROUTE_UNSIGNED = 1 << 0,
} SimRouteFlags;

typedef struct _SimRouter  SimRouter;
typedef struct _SimRoute   SimRoute;
typedef struct _SimRequest SimRequest;

typedef void (*SimHandler) (SimRequest *request);

SimRouter     *sim_router_new      (void);
void           sim_router_free     (SimRouter     *router);
void           sim_router_add      (SimRouter     *router,
                                    const char    *method,
                                    const char    *pattern,
                                    SimRouteFlags  flags,
                                    SimHandler     handler);
/* Returns the route, and the decoded {param} values in *params (free with
 * g_hash_table_unref).  NULL when nothing matches; *path_known then says whether
 * another method would have matched. */
const SimRoute *sim_router_match   (SimRouter     *router,
                                    const char    *method,
                                    const char    *encoded_path,
                                    GHashTable   **params,
                                    gboolean      *path_known);
SimHandler     sim_route_get_handler (const SimRoute *route);
SimRouteFlags  sim_route_get_flags   (const SimRoute *route);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SimRouter, sim_router_free)

G_END_DECLS
