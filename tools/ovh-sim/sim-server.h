/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sim-server.h: the simulator's HTTP front: one SoupServer serving the API under /1.0 and the
 * unsigned control routes under /sim.  Every API request goes through the same pipeline:
 * query id → stats → faults → signature and rights → rate limit → route → latency. */
#pragma once

#include <libsoup/soup.h>

#include "sim-faults.h"
#include "sim-router.h"
#include "sim-state.h"

G_BEGIN_DECLS

typedef struct
{
  char     *listen;
  char     *seed;
  guint     latency_ms;
  gboolean  no_expand;
  gint64    clock_skew;
  guint     rate_limit;
  char    **faults;
  guint     task_ms;
  guint32   random_seed;
  char     *tls_cert;
  char     *tls_key;
} SimOptions;

#define SIM_TYPE_SERVER (sim_server_get_type ())
G_DECLARE_FINAL_TYPE (SimServer, sim_server, SIM, SERVER, GObject)

struct _SimRequest
{
  SimServer         *server;
  SimState          *state;
  SoupServerMessage *msg;
  const char        *method;
  /* Decoded; after "/1.0" for API routes, whole for /sim routes */
  const char        *path;
  /* Path and query exactly as received, or NULL when unknown */
  const char        *target;
  GHashTable        *params;
  /* Decoded query arguments, or NULL */
  GHashTable        *query;
  /* The signed-in credential, NULL on unsigned routes */
  SimCredential     *credential;
};

SimServer  *sim_server_new              (const SimOptions  *options,
                                         GError           **error);
gboolean    sim_server_listen           (SimServer         *self,
                                         GError           **error);
/* "http://127.0.0.1:PORT/1.0" once listening */
const char *sim_server_get_base_url     (SimServer         *self);
/* "http://127.0.0.1:PORT" */
const char *sim_server_get_root_url     (SimServer         *self);
SimState   *sim_server_get_state        (SimServer         *self);
SimFaults  *sim_server_get_faults       (SimServer         *self);
gboolean    sim_server_is_tls           (SimServer         *self);
void        sim_server_reset_stats      (SimServer         *self);
JsonObject *sim_server_get_stats        (SimServer         *self);
/* Random text for keys and tokens (alphanumeric) */
char       *sim_server_random_string    (SimServer         *self,
                                         guint              length);

const char *sim_request_get_param       (SimRequest        *request,
                                         const char        *name);
const char *sim_request_get_query       (SimRequest        *request,
                                         const char        *name);
/* Answers a list route: ids, or with X-Pagination-Mode: CachedObjectList-Pages (unless
 * --no-expand) one page of the full objects and X-Pagination-Elements.  objects[i] is
 * the object whose id is ids[i]. */
void        sim_request_reply_list      (SimRequest        *request,
                                         JsonArray         *ids,
                                         JsonArray         *objects);

G_END_DECLS
