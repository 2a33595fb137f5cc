/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sim-accounts.h"
#include "sim-diagnostics.h"
#include "sim-dkim.h"
#include "sim-emailpro.h"
#include "sim-orders.h"
#include "sim-reply.h"
#include "sim-tasks.h"
#include "sim-validate.h"

/* email.pro.Service: what PUT /email/pro/{service} may change */
static const SimField service_writable[] = {
  { "complexityEnabled", SIM_FIELD_BOOLEAN, FALSE },
  { "displayName", SIM_FIELD_STRING, TRUE },
  { "lockoutDuration", SIM_FIELD_INTEGER, FALSE },
  { "lockoutObservationWindow", SIM_FIELD_INTEGER, FALSE },
  { "lockoutThreshold", SIM_FIELD_INTEGER, TRUE },
  { "maxPasswordAge", SIM_FIELD_INTEGER, TRUE },
  { "maxReceiveSize", SIM_FIELD_INTEGER, FALSE },
  { "maxSendSize", SIM_FIELD_INTEGER, FALSE },
  { "minPasswordAge", SIM_FIELD_INTEGER, TRUE },
  { "minPasswordLength", SIM_FIELD_INTEGER, TRUE },
  { "spamAndVirusConfiguration", SIM_FIELD_OBJECT, FALSE },
};

static SimService *
lookup_service (SimRequest *request)
{
  SimService *service = sim_state_find_service (request->state,
                                                sim_request_get_param (request, "service"));

  if (service == NULL)
    sim_reply_class_error (request->msg, SOUP_STATUS_NOT_FOUND, "Client::NotFound",
                           "This service does not exist");
  return service;
}

SimService *
sim_emailpro_lookup_service (SimRequest *request)
{
  return lookup_service (request);
}

/* ---- services -------------------------------------------------------------------------- */

static void
handle_list_services (SimRequest *request)
{
  g_autoptr(JsonArray) ids = json_array_new ();
  g_autoptr(JsonArray) objects = json_array_new ();

  for (guint i = 0; i < request->state->services->len; i++)
    {
      SimService *service = g_ptr_array_index (request->state->services, i);

      json_array_add_string_element (ids, service->name);
      json_array_add_object_element (objects, json_object_ref (service->object));
    }
  sim_request_reply_list (request, ids, objects);
}

static void
handle_get_service (SimRequest *request)
{
  SimService *service = lookup_service (request);

  if (service != NULL)
    sim_reply_json_object (request->msg, service->object);
}

/* The ranges of the provider's security policy dialog (features.md §1.8), checked on the
 * values the service would have after the PUT, so that a cross-check sees both sides. */
static gint64
merged_int (JsonObject *current,
            JsonObject *body,
            const char *member)
{
  JsonObject *source = json_object_has_member (body, member) ? body : current;
  JsonNode *node = json_object_get_member (source, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_int (node) : 0;
}

static gboolean
validate_policy (JsonObject  *current,
                 JsonObject  *body,
                 char       **message)
{
  static const char * const spam_flags[] = {
    "checkDKIM", "checkSPF", "deleteSpam", "deleteVirus", "putInJunk", "tagSpam", "tagVirus",
  };
  gint64 min_length = merged_int (current, body, "minPasswordLength");
  gint64 min_age = merged_int (current, body, "minPasswordAge");
  gint64 max_age = merged_int (current, body, "maxPasswordAge");
  gint64 threshold = merged_int (current, body, "lockoutThreshold");
  gint64 window = merged_int (current, body, "lockoutObservationWindow");
  gint64 duration = merged_int (current, body, "lockoutDuration");
  gint64 send_size = merged_int (current, body, "maxSendSize");
  gint64 receive_size = merged_int (current, body, "maxReceiveSize");
  JsonNode *spam = json_object_get_member (body, "spamAndVirusConfiguration");
  gboolean touches_policy = spam != NULL;

  /* A seed may hold values the dialog would refuse: only a PUT of the policy is judged. */
  for (guint i = 0; i < G_N_ELEMENTS (service_writable); i++)
    touches_policy |= service_writable[i].type == SIM_FIELD_INTEGER
                      && json_object_has_member (body, service_writable[i].name);
  if (!touches_policy)
    return TRUE;

  if (min_length != 0 && (min_length < 3 || min_length > 14))
    *message = g_strdup ("Invalid minPasswordLength: must be 0 or between 3 and 14");
  else if (min_age < 0 || min_age > 90)
    *message = g_strdup ("Invalid minPasswordAge: must be between 0 and 90");
  else if (max_age < 0 || max_age > 90 || (max_age != 0 && max_age <= min_age))
    *message = g_strdup ("Invalid maxPasswordAge: must be 0 or between 1 and 90, and greater than minPasswordAge");
  else if (threshold < 0 || threshold > 14)
    *message = g_strdup ("Invalid lockoutThreshold: must be 0 or between 1 and 14");
  else if (threshold > 0 && (window < 1 || window > 90 || duration < 1 || duration > 90 || window > duration))
    *message = g_strdup ("Invalid lockout settings: lockoutObservationWindow and lockoutDuration must be between 1 and 90, and lockoutObservationWindow at most lockoutDuration");
  else if (send_size < 1 || send_size > 100 || receive_size < 1 || receive_size > 100)
    *message = g_strdup ("Invalid message size: maxSendSize and maxReceiveSize must be between 1 and 100");
  else if (spam != NULL && JSON_NODE_HOLDS_OBJECT (spam))
    {
      JsonObject *flags = json_node_get_object (spam);
      g_autoptr(GList) members = json_object_get_members (flags);

      for (GList *l = members; l != NULL && *message == NULL; l = l->next)
        {
          JsonNode *node = json_object_get_member (flags, l->data);

          if (!g_strv_contains (spam_flags, l->data))
            *message = g_strdup_printf ("Unknown property spamAndVirusConfiguration.%s",
                                        (const char *) l->data);
          else if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
            *message = g_strdup_printf ("Invalid type for spamAndVirusConfiguration.%s: boolean expected",
                                        (const char *) l->data);
        }
    }
  return *message == NULL;
}

static void
handle_put_service (SimRequest *request)
{
  SimService *service = lookup_service (request);
  g_autoptr(JsonObject) body = NULL;
  g_autofree char *message = NULL;
  g_autofree char *now = NULL;
  JsonObject *iam;

  if (service == NULL || (body = sim_request_body_object (request->msg)) == NULL)
    return;

  if (!sim_validate_writable (body, service_writable, G_N_ELEMENTS (service_writable),
                              service->object, &message) ||
      !sim_validate_length (body, "displayName", 5, 250, &message) ||
      !validate_policy (service->object, body, &message))
    {
      sim_reply_bad_request (request->msg, message);
      return;
    }

  sim_apply_writable (service->object, body, service_writable, G_N_ELEMENTS (service_writable));
  now = sim_state_now_string (request->state);
  json_object_set_string_member (service->object, "lastUpdateDate", now);
  iam = json_object_get_object_member (service->object, "iam");
  if (iam != NULL && json_object_has_member (body, "displayName"))
    json_object_set_member (iam, "displayName",
                            json_node_copy (json_object_get_member (body, "displayName")));

  sim_reply_void (request->msg);
}

static void
handle_get_server (SimRequest *request)
{
  SimService *service = lookup_service (request);

  if (service != NULL)
    sim_reply_json_object (request->msg, service->server);
}

/* ---- domains --------------------------------------------------------------------------- */

static void
handle_list_domains (SimRequest *request)
{
  SimService *service = lookup_service (request);
  const char *state_filter = sim_request_get_query (request, "state");
  g_autoptr(JsonArray) ids = json_array_new ();
  g_autoptr(JsonArray) objects = json_array_new ();

  if (service == NULL)
    return;

  for (guint i = 0; i < service->domains->len; i++)
    {
      JsonObject *domain = g_ptr_array_index (service->domains, i);

      if (state_filter != NULL &&
          g_strcmp0 (json_object_get_string_member (domain, "state"), state_filter) != 0)
        continue;
      sim_diagnostics_update_domain (request->state, service, domain);
      json_array_add_string_element (ids, json_object_get_string_member (domain, "name"));
      json_array_add_object_element (objects, json_object_ref (domain));
    }
  sim_request_reply_list (request, ids, objects);
}

static void
handle_get_domain (SimRequest *request)
{
  SimService *service = lookup_service (request);
  const char *name = sim_request_get_param (request, "domainName");
  JsonObject *domain;

  if (service == NULL)
    return;

  domain = sim_service_find_domain (service, name);
  if (domain != NULL)
    sim_diagnostics_update_domain (request->state, service, domain);
  sim_reply_object_or_missing (request->msg, domain, "domainName", name);
}

/* ---- tasks ----------------------------------------------------------------------------- */

static void
handle_list_tasks (SimRequest *request)
{
  SimService *service = lookup_service (request);
  g_autoptr(JsonArray) ids = json_array_new ();
  g_autoptr(JsonArray) objects = json_array_new ();

  if (service == NULL)
    return;

  for (guint i = 0; i < service->tasks->len; i++)
    {
      SimTask *task = g_ptr_array_index (service->tasks, i);

      if (!sim_task_is_pending (task))
        continue;
      json_array_add_int_element (ids, sim_task_get_id (task));
      json_array_add_object_element (objects, json_object_ref (task->object));
    }
  sim_request_reply_list (request, ids, objects);
}

static void
handle_get_task (SimRequest *request)
{
  SimService *service = lookup_service (request);
  const char *id_text = sim_request_get_param (request, "id");
  SimTask *task = NULL;
  gint64 id;

  if (service == NULL)
    return;

  if (!g_ascii_string_to_signed (id_text, 10, 0, G_MAXINT64, &id, NULL))
    {
      sim_reply_bad_request (request->msg, "[id] Given data is not an integer");
      return;
    }

  task = sim_service_find_task (service, id);
  sim_reply_object_or_missing (request->msg, task ? task->object : NULL, "id", id_text);
}

void
sim_emailpro_register (SimRouter *router)
{
  sim_router_add (router, "GET", "/email/pro", SIM_ROUTE_SIGNED, handle_list_services);
  sim_router_add (router, "GET", "/email/pro/{service}", SIM_ROUTE_SIGNED, handle_get_service);
  sim_router_add (router, "PUT", "/email/pro/{service}", SIM_ROUTE_SIGNED, handle_put_service);
  sim_router_add (router, "GET", "/email/pro/{service}/server", SIM_ROUTE_SIGNED, handle_get_server);
  sim_router_add (router, "GET", "/email/pro/{service}/domain", SIM_ROUTE_SIGNED, handle_list_domains);
  sim_router_add (router, "GET", "/email/pro/{service}/domain/{domainName}", SIM_ROUTE_SIGNED, handle_get_domain);
  sim_router_add (router, "GET", "/email/pro/{service}/task", SIM_ROUTE_SIGNED, handle_list_tasks);
  sim_router_add (router, "GET", "/email/pro/{service}/task/{id}", SIM_ROUTE_SIGNED, handle_get_task);
  sim_accounts_register (router);
  sim_orders_register (router);
  sim_dkim_register (router);
}
