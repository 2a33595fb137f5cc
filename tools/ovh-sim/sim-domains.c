/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sim-domains.h"
#include "sim-emailpro.h"
#include "sim-reply.h"
#include "sim-seed.h"
#include "sim-tasks.h"
#include "sim-validate.h"
#include "sim-zones.h"

/* The body of POST /email/pro/{service}/domain */
static const SimField add_fields[] = {
  { "autoEnableDKIM", SIM_FIELD_BOOLEAN, FALSE },
  { "configureAutodiscover", SIM_FIELD_BOOLEAN, FALSE },
  { "configureDKIM", SIM_FIELD_BOOLEAN, FALSE },
  { "configureMx", SIM_FIELD_BOOLEAN, FALSE },
  { "configureSPF", SIM_FIELD_BOOLEAN, FALSE },
  { "mxRelay", SIM_FIELD_STRING, FALSE },
  { "name", SIM_FIELD_STRING, FALSE },
  { "type", SIM_FIELD_STRING, FALSE },
};

/* email.pro.Domain: what PUT …/domain/{domainName} may change */
static const SimField domain_writable[] = {
  { "mxRelay", SIM_FIELD_STRING, TRUE },
  { "type", SIM_FIELD_STRING, FALSE },
};

/* The provider's wording for each refusal (README "Domains"). */
#define MESSAGE_AUTHORITATIVE "authoritative domain detected: %s is already declared as authoritative on another email platform. Set it to non-authoritative on both platforms."
#define MESSAGE_INVALID_NAME  "Invalid domain name: %s"
#define MESSAGE_ATTACHED      "Domain %s already exists on this service"
#define MESSAGE_HAS_ACCOUNTS  "Domain %s cannot be deleted: accounts still use it"
#define MESSAGE_PENDING       "A task is already pending on this domain"
#define MESSAGE_NEEDS_RELAY   "[mxRelay] A target server is required for a non-authoritative domain"
#define MESSAGE_BAD_TYPE      "[type] Invalid value for email.pro.DomainTypeEnum"

/* One of the customer's lists ("domains", "zones", …); NULL when the seed has none. */
static JsonArray *
customer_list (SimState   *state,
               const char *member)
{
  JsonNode *node = json_object_get_member (state->customer, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
customer_list_contains (SimState   *state,
                        const char *member,
                        const char *name)
{
  JsonArray *array = customer_list (state, member);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING &&
          g_ascii_strcasecmp (json_node_get_string (element), name) == 0)
        return TRUE;
    }
  return FALSE;
}

/* ASCII host name rules as the provider applies them to a domain to install. */
static gboolean
name_is_valid (const char *name)
{
  g_auto(GStrv) labels = NULL;
  guint n_labels;

  if (name == NULL || strlen (name) > 253 || !g_str_is_ascii (name))
    return FALSE;

  labels = g_strsplit (name, ".", -1);
  n_labels = g_strv_length (labels);
  if (n_labels < 2)
    return FALSE;

  /* Names that can never exist in the public DNS (RFC 6761). */
  if (g_ascii_strcasecmp (labels[n_labels - 1], "invalid") == 0 ||
      g_ascii_strcasecmp (labels[n_labels - 1], "localhost") == 0)
    return FALSE;

  for (guint i = 0; i < n_labels; i++)
    {
      gsize length = strlen (labels[i]);

      if (length == 0 || length > 63 || labels[i][0] == '-' || labels[i][length - 1] == '-')
        return FALSE;
      for (gsize j = 0; j < length; j++)
        if (!g_ascii_isalnum (labels[i][j]) && labels[i][j] != '-')
          return FALSE;
    }
  return TRUE;
}

static gboolean
type_is_valid (const char *type)
{
  return g_strcmp0 (type, "authoritative") == 0 || g_strcmp0 (type, "nonAuthoritative") == 0;
}

static void reply_refused (SimRequest *request,
                           const char *format,
                           ...) G_GNUC_PRINTF (2, 3);

static void
reply_refused (SimRequest *request,
               const char *format,
               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  sim_reply_bad_request (request->msg, message);
}

static void
service_remove_domain (SimService *service,
                       JsonObject *domain)
{
  g_hash_table_remove (service->domain_index, json_object_get_string_member (domain, "name"));
  g_ptr_array_remove (service->domains, domain);
}

static guint
count_accounts_on (SimService *service,
                   const char *name)
{
  guint count = 0;

  for (guint i = 0; i < service->accounts->len; i++)
    {
      JsonObject *account = g_ptr_array_index (service->accounts, i);
      const char *address = json_object_get_string_member_with_default (account, "primaryEmailAddress", "");
      const char *at = strrchr (address, '@');

      if (at != NULL && g_ascii_strcasecmp (at + 1, name) == 0)
        count++;
    }
  return count;
}

/* A task on a domain of the seed's "failing_domains" ends in error. */
static void
maybe_fail (SimState   *state,
            SimTask    *task,
            const char *name)
{
  if (customer_list_contains (state, "failing_domains", name))
    {
      g_free (task->final_status);
      task->final_status = g_strdup ("error");
    }
}

static void
set_string_array (JsonObject         *object,
                  const char         *member,
                  const char * const *values)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_array_add_string_element (array, values[i]);
  json_object_set_array_member (object, member, array);
}

/* ---- POST ------------------------------------------------------------------------------ */

typedef struct
{
  JsonObject *domain;
  gboolean    auto_enable_dkim;
} AddData;

static void
add_data_free (gpointer data)
{
  AddData *add = data;

  json_object_unref (add->domain);
  g_free (add);
}

static void
add_done (SimService *service,
          gpointer    user_data)
{
  AddData *add = user_data;
  JsonObject *dkim = json_object_get_object_member (add->domain, "dkimDiagnostics");

  json_object_set_string_member (add->domain, "state", "ok");
  if (g_strcmp0 (json_object_get_string_member (dkim, "state"), "inProgress") == 0)
    json_object_set_string_member (dkim, "state", add->auto_enable_dkim ? "active" : "disabled");
}

/* The provider leaves no half-installed domain behind a failed addDomain. */
static void
add_failed (SimService *service,
            gpointer    user_data)
{
  AddData *add = user_data;

  service_remove_domain (service, add->domain);
}

/* The new domain as the provider shows it while it is being created: what the flags asked
 * for is configured only in a zone of the same account; elsewhere ownership must be proven
 * with the CNAME and every record is still missing. */
static JsonObject *
new_domain (SimState   *state,
            SimService *service,
            JsonObject *body)
{
  const char *name = json_object_get_string_member (body, "name");
  const char *hostname = json_object_get_string_member_with_default (service->object, "hostname",
                                                                     "pro1.mail.ovh.net");
  gboolean in_account = customer_list_contains (state, "zones", name);
  JsonObject *domain = sim_seed_new_domain (name, hostname);
  JsonObject *dkim = json_object_get_object_member (domain, "dkimDiagnostics");

  json_object_set_string_member (domain, "type", json_object_get_string_member (body, "type"));
  if (g_str_equal (json_object_get_string_member (body, "type"), "nonAuthoritative"))
    json_object_set_string_member (domain, "mxRelay", json_object_get_string_member (body, "mxRelay"));
  json_object_set_string_member (domain, "state", "creating");

  if (!in_account)
    {
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, name, -1);
      g_autofree char *label = g_strdup_printf ("%.5s-check", hash);

      json_object_set_boolean_member (domain, "domainValidated", FALSE);
      json_object_set_string_member (domain, "cnameToCheck", label);
    }

#define CONFIGURED(flag) (in_account && json_object_get_boolean_member_with_default (body, flag, FALSE))
  if (!CONFIGURED ("configureMx"))
    {
      json_object_set_boolean_member (domain, "mxIsValid", FALSE);
      set_string_array (domain, "mxRecord", NULL);
    }
  if (!CONFIGURED ("configureAutodiscover"))
    {
      json_object_set_boolean_member (domain, "srvIsValid", FALSE);
      set_string_array (domain, "srvRecord", NULL);
    }
  if (!CONFIGURED ("configureSPF"))
    {
      json_object_set_boolean_member (domain, "spfIsValid", FALSE);
      set_string_array (domain, "spfRecord", NULL);
    }
  json_object_set_string_member (dkim, "state", CONFIGURED ("configureDKIM") ? "inProgress" : "toConfigure");
#undef CONFIGURED

  return domain;
}

static void
handle_add_domain (SimRequest *request)
{
  SimService *service = sim_emailpro_lookup_service (request);
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonObject) none = json_object_new ();
  g_autoptr(JsonObject) domain = NULL;
  g_autofree char *message = NULL;
  const char *name;
  const char *type;
  AddData *add;
  SimTask *task;

  if (service == NULL || (body = sim_request_body_object (request->msg)) == NULL)
    return;

  if (!sim_validate_writable (body, add_fields, G_N_ELEMENTS (add_fields), none, &message))
    {
      sim_reply_bad_request (request->msg, message);
      return;
    }

  name = json_object_get_string_member_with_default (body, "name", NULL);
  type = json_object_get_string_member_with_default (body, "type", NULL);
  if (name == NULL)
    {
      sim_reply_bad_request (request->msg, "[name] Missing parameter");
      return;
    }
  if (type == NULL)
    {
      sim_reply_bad_request (request->msg, "[type] Missing parameter");
      return;
    }
  if (!type_is_valid (type))
    {
      sim_reply_bad_request (request->msg, MESSAGE_BAD_TYPE);
      return;
    }
  if (!name_is_valid (name))
    {
      reply_refused (request, MESSAGE_INVALID_NAME, name);
      return;
    }
  if (sim_service_find_domain (service, name) != NULL)
    {
      reply_refused (request, MESSAGE_ATTACHED, name);
      return;
    }
  if (g_str_equal (type, "authoritative") &&
      customer_list_contains (request->state, "authoritative_elsewhere", name))
    {
      reply_refused (request, MESSAGE_AUTHORITATIVE, name);
      return;
    }
  if (g_str_equal (type, "nonAuthoritative") &&
      *json_object_get_string_member_with_default (body, "mxRelay", "") == '\0')
    {
      sim_reply_bad_request (request->msg, MESSAGE_NEEDS_RELAY);
      return;
    }

  domain = new_domain (request->state, service, body);
  sim_service_add_domain (service, domain);
  add = g_new0 (AddData, 1);
  add->domain = json_object_ref (domain);
  add->auto_enable_dkim = customer_list_contains (request->state, "zones", name) &&
                          json_object_get_boolean_member_with_default (body, "autoEnableDKIM", FALSE);
  task = sim_task_start (request->state, service, "addDomain", domain,
                         add_done, add, add_data_free);
  task->error_effect = add_failed;
  maybe_fail (request->state, task, name);

  sim_reply_json_object (request->msg, task->object);
}

/* ---- PUT ------------------------------------------------------------------------------- */

typedef struct
{
  JsonObject *domain;
  JsonObject *changes;
} DomainChange;

static void
domain_change_free (gpointer data)
{
  DomainChange *change = data;

  json_object_unref (change->domain);
  json_object_unref (change->changes);
  g_free (change);
}

static void
apply_domain_change (SimService *service,
                     gpointer    user_data)
{
  DomainChange *change = user_data;

  sim_apply_writable (change->domain, change->changes, domain_writable, G_N_ELEMENTS (domain_writable));
  if (g_strcmp0 (json_object_get_string_member (change->domain, "type"), "authoritative") == 0)
    json_object_set_null_member (change->domain, "mxRelay");
}

static void
handle_put_domain (SimRequest *request)
{
  SimService *service = sim_emailpro_lookup_service (request);
  const char *name = sim_request_get_param (request, "domainName");
  g_autoptr(JsonObject) body = NULL;
  g_autofree char *message = NULL;
  JsonObject *domain;
  DomainChange *change;
  const char *type;
  const char *relay;
  SimTask *task;

  if (service == NULL)
    return;

  if ((domain = sim_service_find_domain (service, name)) == NULL)
    {
      sim_reply_object_missing (request->msg, "domainName", name);
      return;
    }
  if ((body = sim_request_body_object (request->msg)) == NULL)
    return;

  if (!sim_validate_writable (body, domain_writable, G_N_ELEMENTS (domain_writable), domain, &message))
    {
      sim_reply_bad_request (request->msg, message);
      return;
    }

  type = json_object_get_string_member_with_default (body, "type",
                                                     json_object_get_string_member (domain, "type"));
  relay = json_object_has_member (body, "mxRelay")
          ? json_object_get_string_member_with_default (body, "mxRelay", NULL)
          : json_object_get_string_member_with_default (domain, "mxRelay", NULL);
  if (!type_is_valid (type))
    {
      sim_reply_bad_request (request->msg, MESSAGE_BAD_TYPE);
      return;
    }
  if (g_str_equal (type, "nonAuthoritative") && (relay == NULL || *relay == '\0'))
    {
      sim_reply_bad_request (request->msg, MESSAGE_NEEDS_RELAY);
      return;
    }
  if (g_str_equal (type, "authoritative") &&
      g_strcmp0 (json_object_get_string_member (domain, "type"), "authoritative") != 0 &&
      customer_list_contains (request->state, "authoritative_elsewhere", name))
    {
      reply_refused (request, MESSAGE_AUTHORITATIVE, name);
      return;
    }
  if (json_object_get_int_member_with_default (domain, "taskPendingId", 0) != 0)
    {
      sim_reply_class_error (request->msg, SOUP_STATUS_CONFLICT, "Client::Conflict", MESSAGE_PENDING);
      return;
    }

  change = g_new0 (DomainChange, 1);
  change->domain = json_object_ref (domain);
  change->changes = json_object_ref (body);
  task = sim_task_start (request->state, service, "setDomain", domain,
                         apply_domain_change, change, domain_change_free);
  maybe_fail (request->state, task, name);

  /* The schema's PUT answers nothing: the task shows only as the domain's taskPendingId. */
  sim_reply_void (request->msg);
}

/* ---- DELETE ---------------------------------------------------------------------------- */

static void
delete_done (SimService *service,
             gpointer    user_data)
{
  service_remove_domain (service, user_data);
}

static void
delete_failed (SimService *service,
               gpointer    user_data)
{
  json_object_set_string_member (user_data, "state", "ok");
}

static void
handle_delete_domain (SimRequest *request)
{
  SimService *service = sim_emailpro_lookup_service (request);
  const char *name = sim_request_get_param (request, "domainName");
  JsonObject *domain;
  SimTask *task;

  if (service == NULL)
    return;

  if ((domain = sim_service_find_domain (service, name)) == NULL)
    {
      sim_reply_object_missing (request->msg, "domainName", name);
      return;
    }
  if (count_accounts_on (service, name) > 0)
    {
      reply_refused (request, MESSAGE_HAS_ACCOUNTS, name);
      return;
    }
  if (json_object_get_int_member_with_default (domain, "taskPendingId", 0) != 0)
    {
      sim_reply_class_error (request->msg, SOUP_STATUS_CONFLICT, "Client::Conflict", MESSAGE_PENDING);
      return;
    }

  json_object_set_string_member (domain, "state", "deleting");
  task = sim_task_start (request->state, service, "deleteDomain", domain,
                         delete_done, json_object_ref (domain), (GDestroyNotify) json_object_unref);
  task->error_effect = delete_failed;
  maybe_fail (request->state, task, name);

  sim_reply_json_object (request->msg, task->object);
}

void
sim_domains_adopt_task (SimService *service,
                        SimTask    *task)
{
  const char *function = json_object_get_string_member (task->object, "function");

  for (guint i = 0; i < service->domains->len; i++)
    {
      JsonObject *domain = g_ptr_array_index (service->domains, i);
      AddData *add;

      if (json_object_get_int_member_with_default (domain, "taskPendingId", 0) != sim_task_get_id (task))
        continue;

      task->target = json_object_ref (domain);
      if (g_strcmp0 (function, "addDomain") == 0)
        {
          add = g_new0 (AddData, 1);
          add->domain = json_object_ref (domain);
          task->effect = add_done;
          task->error_effect = add_failed;
          task->effect_data = add;
          task->effect_destroy = add_data_free;
        }
      else if (g_strcmp0 (function, "deleteDomain") == 0)
        {
          task->effect = delete_done;
          task->error_effect = delete_failed;
          task->effect_data = json_object_ref (domain);
          task->effect_destroy = (GDestroyNotify) json_object_unref;
        }
      return;
    }
}

/* ---- the customer's domains and zones -------------------------------------------------- */

static void
reply_customer_list (SimRequest *request,
                     const char *member)
{
  JsonArray *array = customer_list (request->state, member);
  g_autoptr(JsonArray) empty = json_array_new ();

  sim_reply_json_array (request->msg, array != NULL ? array : empty);
}

static void
handle_list_account_domains (SimRequest *request)
{
  reply_customer_list (request, "domains");
}

static void
handle_list_zones (SimRequest *request)
{
  reply_customer_list (request, "zones");
}

void
sim_domains_register (SimRouter *router)
{
  sim_router_add (router, "POST", "/email/pro/{service}/domain", SIM_ROUTE_SIGNED, handle_add_domain);
  sim_router_add (router, "PUT", "/email/pro/{service}/domain/{domainName}", SIM_ROUTE_SIGNED, handle_put_domain);
  sim_router_add (router, "DELETE", "/email/pro/{service}/domain/{domainName}", SIM_ROUTE_SIGNED, handle_delete_domain);
  sim_router_add (router, "GET", "/domain", SIM_ROUTE_SIGNED, handle_list_account_domains);
  sim_router_add (router, "GET", "/domain/zone", SIM_ROUTE_SIGNED, handle_list_zones);
  sim_zones_register (router);
}
