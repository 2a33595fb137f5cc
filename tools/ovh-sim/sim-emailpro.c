/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sim-emailpro.h"
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

/* email.pro.Account: what PUT …/account/{email} may change */
static const SimField account_writable[] = {
  { "deleteAtExpiration", SIM_FIELD_BOOLEAN, TRUE },
  { "displayName", SIM_FIELD_STRING, TRUE },
  { "domain", SIM_FIELD_STRING, FALSE },
  { "firstName", SIM_FIELD_STRING, TRUE },
  { "hiddenFromGAL", SIM_FIELD_BOOLEAN, FALSE },
  { "initial", SIM_FIELD_STRING, TRUE },
  { "lastName", SIM_FIELD_STRING, TRUE },
  { "login", SIM_FIELD_STRING, FALSE },
  { "mailingFilter", SIM_FIELD_STRING_ARRAY, TRUE },
  { "quota", SIM_FIELD_INTEGER, FALSE },
  { "renewPeriod", SIM_FIELD_STRING, TRUE },
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

/* SQL "like": "%" stands for any run of characters; case does not matter. */
static gboolean
like_matches (const char *pattern,
              const char *text)
{
  if (*pattern == '\0')
    return *text == '\0';

  if (*pattern == '%')
    {
      for (const char *rest = text; ; rest++)
        {
          if (like_matches (pattern + 1, rest))
            return TRUE;
          if (*rest == '\0')
            return FALSE;
        }
    }

  return *text != '\0' &&
         g_ascii_tolower (*pattern) == g_ascii_tolower (*text) &&
         like_matches (pattern + 1, text + 1);
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
  sim_reply_object_or_missing (request->msg, domain, "domainName", name);
}

/* ---- accounts -------------------------------------------------------------------------- */

static void
handle_list_accounts (SimRequest *request)
{
  SimService *service = lookup_service (request);
  const char *address_filter = sim_request_get_query (request, "primaryEmailAddress");
  const char *id_filter = sim_request_get_query (request, "id");
  g_autoptr(JsonArray) ids = json_array_new ();
  g_autoptr(JsonArray) objects = json_array_new ();

  if (service == NULL)
    return;

  for (guint i = 0; i < service->accounts->len; i++)
    {
      JsonObject *account = g_ptr_array_index (service->accounts, i);
      const char *address = json_object_get_string_member (account, "primaryEmailAddress");

      if (address_filter != NULL && !like_matches (address_filter, address))
        continue;
      if (id_filter != NULL)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                 json_object_get_int_member (account, "id"));
          if (!like_matches (id_filter, id))
            continue;
        }
      json_array_add_string_element (ids, address);
      json_array_add_object_element (objects, json_object_ref (account));
    }
  sim_request_reply_list (request, ids, objects);
}

static void
handle_get_account (SimRequest *request)
{
  SimService *service = lookup_service (request);
  const char *address = sim_request_get_param (request, "email");
  JsonObject *account;

  if (service == NULL)
    return;

  account = sim_service_find_account (service, address);
  sim_reply_object_or_missing (request->msg, account, "primaryEmailAddress", address);
}

typedef struct
{
  JsonObject *account;
  JsonObject *changes;
} AccountChange;

static void
account_change_free (gpointer data)
{
  AccountChange *change = data;

  json_object_unref (change->account);
  json_object_unref (change->changes);
  g_free (change);
}

/* The effect of a setAccount task: a new login or domain renames the mailbox, which is how a
 * placeholder becomes a configured address. */
static void
apply_account_change (SimService *service,
                      gpointer    user_data)
{
  AccountChange *change = user_data;
  JsonObject *account = change->account;
  g_autofree char *old_address = g_strdup (json_object_get_string_member (account, "primaryEmailAddress"));
  g_autofree char *new_address = NULL;

  sim_apply_writable (account, change->changes, account_writable, G_N_ELEMENTS (account_writable));
  new_address = g_strdup_printf ("%s@%s", json_object_get_string_member (account, "login"),
                                 json_object_get_string_member (account, "domain"));

  if (g_strcmp0 (old_address, new_address) != 0)
    {
      g_hash_table_remove (service->account_index, old_address);
      json_object_set_string_member (account, "primaryEmailAddress", new_address);
      g_hash_table_insert (service->account_index,
                           (gpointer) json_object_get_string_member (account, "primaryEmailAddress"),
                           account);
      json_object_set_boolean_member (account, "configured", TRUE);
    }
}

static void
handle_put_account (SimRequest *request)
{
  SimService *service = lookup_service (request);
  const char *address = sim_request_get_param (request, "email");
  g_autoptr(JsonObject) body = NULL;
  g_autofree char *message = NULL;
  g_autofree char *new_address = NULL;
  JsonObject *account;
  AccountChange *change;

  if (service == NULL)
    return;

  account = sim_service_find_account (service, address);
  if (account == NULL)
    {
      sim_reply_object_missing (request->msg, "primaryEmailAddress", address);
      return;
    }
  if ((body = sim_request_body_object (request->msg)) == NULL)
    return;

  if (!sim_validate_writable (body, account_writable, G_N_ELEMENTS (account_writable),
                              account, &message) ||
      !sim_validate_length (body, "login", 1, 64, &message))
    {
      sim_reply_bad_request (request->msg, message);
      return;
    }

  new_address = g_strdup_printf ("%s@%s",
                                 json_object_get_string_member_with_default (body, "login",
                                   json_object_get_string_member (account, "login")),
                                 json_object_get_string_member_with_default (body, "domain",
                                   json_object_get_string_member (account, "domain")));
  if (json_object_has_member (body, "domain") &&
      sim_service_find_domain (service, json_object_get_string_member (body, "domain")) == NULL)
    {
      sim_reply_bad_request (request->msg, "[domain] This domain is not installed on this service");
      return;
    }
  if (g_strcmp0 (new_address, address) != 0 && sim_service_find_account (service, new_address) != NULL)
    {
      sim_reply_class_error (request->msg, SOUP_STATUS_CONFLICT, "Client::Conflict",
                             "This email address is already used by another account");
      return;
    }
  if (json_object_get_int_member_with_default (account, "taskPendingId", 0) != 0)
    {
      sim_reply_class_error (request->msg, SOUP_STATUS_CONFLICT, "Client::Conflict",
                             "A task is already pending on this account");
      return;
    }

  change = g_new0 (AccountChange, 1);
  change->account = json_object_ref (account);
  change->changes = json_object_ref (body);
  sim_task_start (request->state, service, "setAccount", account,
                  apply_account_change, change, account_change_free);
  sim_reply_void (request->msg);
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
  sim_router_add (router, "GET", "/email/pro/{service}/account", SIM_ROUTE_SIGNED, handle_list_accounts);
  sim_router_add (router, "GET", "/email/pro/{service}/account/{email}", SIM_ROUTE_SIGNED, handle_get_account);
  sim_router_add (router, "PUT", "/email/pro/{service}/account/{email}", SIM_ROUTE_SIGNED, handle_put_account);
  sim_router_add (router, "GET", "/email/pro/{service}/task", SIM_ROUTE_SIGNED, handle_list_tasks);
  sim_router_add (router, "GET", "/email/pro/{service}/task/{id}", SIM_ROUTE_SIGNED, handle_get_task);
}
