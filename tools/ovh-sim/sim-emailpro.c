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
      !sim_validate_length (body, "displayName", 5, 250, &message))
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
