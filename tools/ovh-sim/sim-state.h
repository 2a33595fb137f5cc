/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sim-state.h: everything the simulator knows — credentials, services with their server,
 * domains, accounts and tasks — and the simulator's clock.  Model objects are kept as the
 * JSON objects the API answers with, so field names and types are the schema's by
 * construction (the seed loader fills every field). */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _SimTask SimTask;

typedef struct
{
  char      *application_key;
  char      *application_secret;
  /* NULL for an application that has no consumer key yet */
  char      *consumer_key;
  /* auth.CredentialStateEnum: validated, pendingValidation, refused, expired */
  char      *state;
  JsonArray *rules;
  /* Set for credentials asked for through POST /auth/credential */
  char      *token;
  char      *redirection;
  gint64     credential_id;
  gint64     application_id;
  gint64     creation;
  /* 0: no expiry, never used */
  gint64     expiration;
  gint64     last_use;
} SimCredential;

typedef struct
{
  char       *name;
  /* email.pro.ServiceNativeWithIAM */
  JsonObject *object;
  /* email.pro.Server */
  JsonObject *server;
  /* email.pro.DomainNative, in seed order, indexed by name */
  GPtrArray  *domains;
  GHashTable *domain_index;
  /* email.pro.AccountNative, indexed by primaryEmailAddress */
  GPtrArray  *accounts;
  GHashTable *account_index;
  /* SimTask, oldest first */
  GPtrArray  *tasks;
} SimService;

typedef struct
{
  GPtrArray  *credentials;
  GPtrArray  *services;
  GHashTable *service_index;
  gint64      clock_skew;
  guint       task_ms;
  /* The customer account around the services (seed "customer", see README): its domain
   * names, DNS zones, and the domain names that behave specially on POST …/domain. */
  JsonObject *customer;
  gint64      next_task_id;
  gint64      next_account_id;
  gint64      next_credential_id;
  /* DNS (sim-zones.c, sim-knot.c, sim-dkim.c): the zones the simulator owns (SimZone), where
   * their files go and Knot's control socket (NULL: none), and the DKIM selectors of each
   * "service/domain" (a GPtrArray of email.pro.Dkim objects). */
  GPtrArray  *zones;
  char       *zones_dir;
  char       *knot_socket;
  GHashTable *dkim;
  gint64      next_record_id;
} SimState;

SimState      *sim_state_new                (guint          task_ms);
void           sim_state_free               (SimState      *state);
/* Unix seconds on the simulator's clock: real time + clock skew */
gint64         sim_state_now                (SimState      *state);
char          *sim_state_now_string         (SimState      *state);

SimService    *sim_state_add_service        (SimState      *state,
                                             const char    *name,
                                             JsonObject    *object,
                                             JsonObject    *server);
SimService    *sim_state_find_service       (SimState      *state,
                                             const char    *name);
SimCredential *sim_state_add_credential     (SimState      *state);
SimCredential *sim_state_find_consumer_key  (SimState      *state,
                                             const char    *consumer_key);
/* Any credential carrying this application key (they all share its secret) */
SimCredential *sim_state_find_application   (SimState      *state,
                                             const char    *application_key);
SimCredential *sim_state_find_token         (SimState      *state,
                                             const char    *token);
gboolean       sim_credential_state_is_valid (const char   *state);
/* api.Credential, as GET /auth/currentCredential answers it */
JsonObject    *sim_credential_to_json       (SimCredential *credential);

void           sim_service_add_domain       (SimService    *service,
                                             JsonObject    *domain);
JsonObject    *sim_service_find_domain      (SimService    *service,
                                             const char    *name);
void           sim_service_add_account      (SimService    *service,
                                             JsonObject    *account);
JsonObject    *sim_service_find_account     (SimService    *service,
                                             const char    *primary_email_address);
SimTask       *sim_service_find_task        (SimService    *service,
                                             gint64         id);

/* The whole state for GET /sim/state (without application secrets) */
JsonNode      *sim_state_to_json            (SimState      *state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SimState, sim_state_free)

G_END_DECLS
