/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sim-dkim-private.h"
#include "sim-emailpro.h"
#include "sim-reply.h"
#include "sim-validate.h"
#include "sim-zones.h"

#define MESSAGE_PENDING "A task is already pending on this DKIM selector"

/* The body of POST …/domain/{domainName}/dkim */
static const SimField create_fields[] = {
  { "autoEnableDKIM", SIM_FIELD_BOOLEAN, FALSE },
  { "configureDkim", SIM_FIELD_BOOLEAN, FALSE },
  { "selectorName", SIM_FIELD_STRING, FALSE },
};

/* The service and domain of the route, or NULL after answering 404. */
static JsonObject *
lookup_domain (SimRequest  *request,
               SimService **service_out)
{
  SimService *service = sim_emailpro_lookup_service (request);
  const char *name = sim_request_get_param (request, "domainName");
  JsonObject *domain;

  if (service == NULL)
    return NULL;
  domain = sim_service_find_domain (service, name);
  if (domain == NULL)
    {
      sim_reply_object_missing (request->msg, "domainName", name);
      return NULL;
    }
  *service_out = service;
  sim_dkim_update_domain (request->state, service, domain);
  return domain;
}

static SimDkim *
lookup_selector (SimRequest  *request,
                 SimService **service_out,
                 JsonObject **domain_out)
{
  JsonObject *domain = lookup_domain (request, service_out);
  const char *name = sim_request_get_param (request, "selectorName");
  SimDkim *dkim;

  if (domain == NULL)
    return NULL;
  dkim = sim_dkim_find (sim_dkim_domain_get (request->state, *service_out,
                                             json_object_get_string_member (domain, "name")),
                        name);
  if (dkim == NULL)
    sim_reply_object_missing (request->msg, "selectorName", name);
  *domain_out = domain;
  return dkim;
}

static void
handle_list_allowed (SimRequest *request)
{
  SimService *service;
  JsonObject *domain = lookup_domain (request, &service);
  g_autoptr(JsonArray) names = json_array_new ();
  SimDkimDomain *dkim;

  if (domain == NULL)
    return;
  dkim = sim_dkim_domain_get (request->state, service, json_object_get_string_member (domain, "name"));
  for (guint i = 0; i < dkim->allowed->len; i++)
    json_array_add_string_element (names, g_ptr_array_index (dkim->allowed, i));
  sim_reply_json_array (request->msg, names);
}

static void
handle_list (SimRequest *request)
{
  SimService *service;
  JsonObject *domain = lookup_domain (request, &service);
  g_autoptr(JsonArray) ids = json_array_new ();
  g_autoptr(JsonArray) objects = json_array_new ();
  SimDkimDomain *dkim;

  if (domain == NULL)
    return;
  dkim = sim_dkim_domain_get (request->state, service, json_object_get_string_member (domain, "name"));
  for (guint i = 0; i < dkim->selectors->len; i++)
    {
      SimDkim *selector = g_ptr_array_index (dkim->selectors, i);

      json_array_add_string_element (ids, json_object_get_string_member (selector->object, "selectorName"));
      json_array_add_object_element (objects, json_object_ref (selector->object));
    }
  sim_request_reply_list (request, ids, objects);
}

static void
handle_create (SimRequest *request)
{
  SimService *service;
  JsonObject *domain = lookup_domain (request, &service);
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonObject) none = json_object_new ();
  g_autofree char *message = NULL;
  g_autofree char *now = NULL;
  SimDkimDomain *dkim_domain;
  const char *domain_name;
  const char *selector;
  SimZone *zone;
  SimDkim *dkim;
  SimTask *task;

  if (domain == NULL || (body = sim_request_body_object (request->msg)) == NULL)
    return;

  if (!sim_validate_writable (body, create_fields, G_N_ELEMENTS (create_fields), none, &message))
    {
      sim_reply_bad_request (request->msg, message);
      return;
    }

  domain_name = json_object_get_string_member (domain, "name");
  dkim_domain = sim_dkim_domain_get (request->state, service, domain_name);
  selector = json_object_get_string_member_with_default (body, "selectorName", NULL);
  zone = sim_zones_find_for (request->state, domain_name);

  if (selector == NULL)
    {
      sim_reply_bad_request (request->msg, "[selectorName] Missing parameter");
      return;
    }
  if (!sim_dkim_is_allowed (dkim_domain, selector))
    {
      message = g_strdup_printf ("Selector %s is not available for domain %s", selector, domain_name);
      sim_reply_bad_request (request->msg, message);
      return;
    }
  if (sim_dkim_find (dkim_domain, selector) != NULL)
    {
      message = g_strdup_printf ("DKIM selector %s already exists for domain %s", selector, domain_name);
      sim_reply_class_error (request->msg, SOUP_STATUS_CONFLICT, "Client::Conflict::AlreadyExists", message);
      return;
    }
  if (json_object_get_boolean_member_with_default (body, "configureDkim", FALSE) &&
      (zone == NULL || !zone->in_account))
    {
      message = g_strdup_printf ("The DNS zone of %s is not in this account: DKIM cannot be configured automatically", domain_name);
      sim_reply_bad_request (request->msg, message);
      return;
    }

  now = sim_state_now_string (request->state);
  dkim = g_new0 (SimDkim, 1);
  dkim->object = sim_dkim_new_object (selector, domain_name, now);
  dkim->auto_enable = json_object_get_boolean_member_with_default (body, "autoEnableDKIM", FALSE);
  dkim->configure = json_object_get_boolean_member_with_default (body, "configureDkim", FALSE);
  g_ptr_array_add (dkim_domain->selectors, dkim);

  task = sim_dkim_start_create (request->state, service, domain, dkim);
  sim_reply_json_object (request->msg, task->object);
}

static void
handle_get (SimRequest *request)
{
  SimService *service;
  JsonObject *domain;
  SimDkim *dkim = lookup_selector (request, &service, &domain);

  if (dkim != NULL)
    sim_reply_json_object (request->msg, dkim->object);
}

static void
handle_delete (SimRequest *request)
{
  SimService *service;
  JsonObject *domain;
  SimDkim *dkim = lookup_selector (request, &service, &domain);
  g_autofree char *message = NULL;
  SimTask *task;

  if (dkim == NULL)
    return;
  if (sim_dkim_has_pending_task (dkim))
    {
      sim_reply_class_error (request->msg, SOUP_STATUS_CONFLICT, "Client::Conflict", MESSAGE_PENDING);
      return;
    }
  if (g_strcmp0 (sim_dkim_status (dkim), "inProduction") == 0)
    {
      message = g_strdup_printf ("DKIM selector %s is in production: disable it before deleting it",
                                 json_object_get_string_member (dkim->object, "selectorName"));
      sim_reply_bad_request (request->msg, message);
      return;
    }

  task = sim_dkim_start_delete (request->state, service, domain, dkim);
  sim_reply_json_object (request->msg, task->object);
}

typedef SimTask *(*SimDkimStart) (SimState *, SimService *, JsonObject *, SimDkim *);

/* Enable and disable: the selector must be idle and in the status the switch starts from. */
static void
switch_selector (SimRequest *request,
                 gboolean    enable)
{
  const char *required_status = enable ? "ready" : "inProduction";
  SimDkimStart start = enable ? sim_dkim_start_enable : sim_dkim_start_disable;
  SimService *service;
  JsonObject *domain;
  SimDkim *dkim = lookup_selector (request, &service, &domain);
  g_autofree char *message = NULL;

  if (dkim == NULL)
    return;
  if (sim_dkim_has_pending_task (dkim))
    {
      sim_reply_class_error (request->msg, SOUP_STATUS_CONFLICT, "Client::Conflict", MESSAGE_PENDING);
      return;
    }
  if (g_strcmp0 (sim_dkim_status (dkim), required_status) != 0)
    {
      const char *name = json_object_get_string_member (dkim->object, "selectorName");

      message = enable
        ? g_strdup_printf ("DKIM selector %s cannot be enabled in status %s: it must be ready", name, sim_dkim_status (dkim))
        : g_strdup_printf ("DKIM selector %s is not in production (status %s)", name, sim_dkim_status (dkim));
      sim_reply_bad_request (request->msg, message);
      return;
    }

  sim_reply_json_object (request->msg, start (request->state, service, domain, dkim)->object);
}

static void
handle_enable (SimRequest *request)
{
  switch_selector (request, TRUE);
}

static void
handle_disable (SimRequest *request)
{
  switch_selector (request, FALSE);
}

void
sim_dkim_register (SimRouter *router)
{
#define DOMAIN "/email/pro/{service}/domain/{domainName}"
  sim_router_add (router, "GET", DOMAIN "/dkimSelector", SIM_ROUTE_SIGNED, handle_list_allowed);
  sim_router_add (router, "GET", DOMAIN "/dkim", SIM_ROUTE_SIGNED, handle_list);
  sim_router_add (router, "POST", DOMAIN "/dkim", SIM_ROUTE_SIGNED, handle_create);
  sim_router_add (router, "GET", DOMAIN "/dkim/{selectorName}", SIM_ROUTE_SIGNED, handle_get);
  sim_router_add (router, "DELETE", DOMAIN "/dkim/{selectorName}", SIM_ROUTE_SIGNED, handle_delete);
  sim_router_add (router, "POST", DOMAIN "/dkim/{selectorName}/enable", SIM_ROUTE_SIGNED, handle_enable);
  sim_router_add (router, "POST", DOMAIN "/dkim/{selectorName}/disable", SIM_ROUTE_SIGNED, handle_disable);
#undef DOMAIN
}

