/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sim-account-extras.c: a mailbox's aliases and the provider's diagnosis of it. */
#include "config.h"

#include <string.h>

#include "sim-accounts-private.h"
#include "sim-reply.h"
#include "sim-tasks.h"

#define MAX_ALIASES 1000

/* ---- aliases ---------------------------------------------------------------------------- */

static JsonObject *
find_alias (AccountExtra *extra,
            const char   *alias,
            guint        *index)
{
  for (guint i = 0; i < extra->aliases->len; i++)
    {
      JsonObject *object = g_ptr_array_index (extra->aliases, i);

      if (g_ascii_strcasecmp (json_object_get_string_member (object, "alias"), alias) == 0)
        {
          if (index != NULL)
            *index = i;
          return object;
        }
    }
  return NULL;
}

static void
handle_list_aliases (SimRequest *request)
{
  JsonObject *account = sim_accounts_lookup_account (request, NULL);
  AccountExtra *extra;
  g_autoptr(JsonArray) ids = json_array_new ();
  g_autoptr(JsonArray) objects = json_array_new ();

  if (account == NULL)
    return;

  extra = sim_accounts_get_extra (account);
  for (guint i = 0; i < extra->aliases->len; i++)
    {
      JsonObject *alias = g_ptr_array_index (extra->aliases, i);

      json_array_add_string_element (ids, json_object_get_string_member (alias, "alias"));
      json_array_add_object_element (objects, json_object_ref (alias));
    }
  sim_request_reply_list (request, ids, objects);
}

static void
handle_get_alias (SimRequest *request)
{
  JsonObject *account = sim_accounts_lookup_account (request, NULL);
  const char *alias = sim_request_get_param (request, "alias");

  if (account != NULL)
    sim_reply_object_or_missing (request->msg, find_alias (sim_accounts_get_extra (account), alias, NULL), "alias", alias);
}

typedef struct
{
  JsonObject *account;
  JsonObject *alias;
  gboolean    add;
} AliasChange;

static void
alias_change_free (gpointer data)
{
  AliasChange *change = data;

  json_object_unref (change->account);
  json_object_unref (change->alias);
  g_free (change);
}

static void
apply_alias_change (SimService *service,
                    gpointer    user_data)
{
  AliasChange *change = user_data;
  AccountExtra *extra = sim_accounts_get_extra (change->account);

  if (change->add)
    g_ptr_array_add (extra->aliases, json_object_ref (change->alias));
  else
    g_ptr_array_remove (extra->aliases, change->alias);
}

static void
handle_add_alias (SimRequest *request)
{
  SimService *service = NULL;
  JsonObject *account = sim_accounts_lookup_account (request, &service);
  g_autoptr(JsonObject) body = NULL;
  g_autofree char *now = NULL;
  const char *alias;
  const char *at;
  AliasChange *change;
  SimTask *task;

  if (account == NULL)
    return;
  if ((body = sim_request_body_object (request->msg)) == NULL)
    return;

  alias = json_object_get_string_member_with_default (body, "alias", NULL);
  if (alias == NULL)
    {
      sim_reply_bad_request (request->msg, "[alias] Missing parameter: a string was expected");
      return;
    }
  at = strrchr (alias, '@');
  if (at == NULL || !sim_accounts_local_part_is_valid (alias, at - alias))
    {
      sim_reply_bad_request (request->msg, "[alias] Invalid alias: a full address with letters, digits, '.', '-' or '_' before the @ was expected");
      return;
    }
  if (sim_service_find_domain (service, at + 1) == NULL)
    {
      sim_reply_bad_request (request->msg, "[alias] This domain is not installed on this service");
      return;
    }
  if (sim_accounts_address_is_taken (service, alias))
    {
      sim_reply_class_error (request->msg, SOUP_STATUS_CONFLICT, "Client::Conflict",
                             "This email address is already used by another account");
      return;
    }
  if (sim_accounts_get_extra (account)->aliases->len >= MAX_ALIASES)
    {
      sim_reply_class_error (request->msg, SOUP_STATUS_FORBIDDEN, "Client::Forbidden",
                             "The maximum number of aliases for this account has been reached");
      return;
    }
  if (sim_accounts_has_pending_task (account))
    {
      sim_accounts_reply_task_pending (request);
      return;
    }

  now = sim_state_now_string (request->state);
  change = g_new0 (AliasChange, 1);
  change->account = json_object_ref (account);
  change->alias = json_object_new ();
  change->add = TRUE;
  json_object_set_string_member (change->alias, "alias", alias);
  json_object_set_string_member (change->alias, "creationDate", now);
  json_object_set_int_member (change->alias, "taskPendingId", 0);
  task = sim_task_start (request->state, service, "addAlias", account,
                         apply_alias_change, change, alias_change_free);
  sim_reply_json_object (request->msg, task->object);
}

static void
handle_delete_alias (SimRequest *request)
{
  SimService *service = NULL;
  JsonObject *account = sim_accounts_lookup_account (request, &service);
  const char *alias = sim_request_get_param (request, "alias");
  JsonObject *object;
  AliasChange *change;
  SimTask *task;

  if (account == NULL)
    return;
  if ((object = find_alias (sim_accounts_get_extra (account), alias, NULL)) == NULL)
    {
      sim_reply_object_missing (request->msg, "alias", alias);
      return;
    }
  if (json_object_get_int_member (object, "taskPendingId") != 0)
    {
      sim_accounts_reply_task_pending (request);
      return;
    }

  change = g_new0 (AliasChange, 1);
  change->account = json_object_ref (account);
  change->alias = json_object_ref (object);
  task = sim_task_start (request->state, service, "deleteAlias", object,
                         apply_alias_change, change, alias_change_free);
  sim_reply_json_object (request->msg, task->object);
}

/* ---- diagnostics ------------------------------------------------------------------------ */

typedef struct
{
  JsonObject *account;
  SimState   *state;
  char       *password;
} Diagnosis;

static void
diagnosis_free (gpointer data)
{
  Diagnosis *diagnosis = data;

  json_object_unref (diagnosis->account);
  memset (diagnosis->password, 0, strlen (diagnosis->password));
  g_free (diagnosis->password);
  g_free (diagnosis);
}

static gboolean
domain_flag (SimService *service,
             JsonObject *account,
             const char *member)
{
  JsonObject *domain = sim_service_find_domain (service, json_object_get_string_member (account, "domain"));

  return domain != NULL && json_object_get_boolean_member_with_default (domain, member, FALSE);
}

/* The provider signs in with the given password (a seeded mailbox, whose password the
 * simulator never saw, accepts any), sends and receives a test message.  Wrong passwords
 * count towards the service's lockout threshold, as real sign-ins do. */
static void
apply_diagnosis (SimService *service,
                 gpointer    user_data)
{
  Diagnosis *diagnosis = user_data;
  JsonObject *account = diagnosis->account;
  AccountExtra *extra = sim_accounts_get_extra (account);
  gint64 threshold = json_object_get_int_member_with_default (service->object, "lockoutThreshold", 0);
  const char *state = json_object_get_string_member (account, "state");
  gboolean suspended = g_strcmp0 (state, "suspended") == 0 || g_strcmp0 (state, "suspending") == 0;
  gboolean spammer = json_object_get_boolean_member_with_default (account, "spamDetected", FALSE);
  gboolean mx = domain_flag (service, account, "mxIsValid");
  gboolean srv = domain_flag (service, account, "srvIsValid");
  gboolean password_ok = extra->password == NULL || g_str_equal (extra->password, diagnosis->password);
  gboolean locked, webmail;
  g_autofree char *now = sim_state_now_string (diagnosis->state);
  JsonObject *result = json_object_new ();

  if (!password_ok)
    extra->failed_sign_ins++;
  locked = threshold > 0 && extra->failed_sign_ins >= (guint64) threshold;
  webmail = password_ok && !locked && !suspended &&
            json_object_get_boolean_member_with_default (account, "configured", FALSE);

  json_object_set_boolean_member (result, "canReceiveEmail", mx && !suspended);
  json_object_set_boolean_member (result, "canSendEmail", webmail && !spammer);
  json_object_set_boolean_member (result, "connectiveWebmail", webmail);
  json_object_set_boolean_member (result, "isLocked", locked);
  json_object_set_boolean_member (result, "isMxValid", mx);
  json_object_set_boolean_member (result, "isSpammer", spammer);
  json_object_set_boolean_member (result, "isSrvValid", srv);
  json_object_set_boolean_member (result, "isSuspended", suspended);
  json_object_set_string_member (result, "lastCheck", now);

  g_clear_pointer (&extra->diagnosis, json_object_unref);
  extra->diagnosis = result;
}

static void
handle_post_diagnostics (SimRequest *request)
{
  SimService *service = NULL;
  g_autofree char *password = NULL;
  JsonObject *account = sim_accounts_lookup_for_password (request, &service, &password);
  Diagnosis *diagnosis;
  SimTask *task;

  if (account == NULL)
    return;

  diagnosis = g_new0 (Diagnosis, 1);
  diagnosis->account = json_object_ref (account);
  diagnosis->state = request->state;
  diagnosis->password = g_strdup (password);
  task = sim_task_start (request->state, service, "diagnoseAccount", account,
                         apply_diagnosis, diagnosis, diagnosis_free);
  sim_reply_json_object (request->msg, task->object);
}

static void
handle_get_diagnostics (SimRequest *request)
{
  JsonObject *account = sim_accounts_lookup_account (request, NULL);

  if (account != NULL)
    sim_reply_object_or_missing (request->msg, sim_accounts_get_extra (account)->diagnosis,
                                 "primaryEmailAddress", sim_accounts_address_of (account));
}

void
sim_account_extras_register (SimRouter *router)
{
  sim_router_add (router, "GET", "/email/pro/{service}/account/{email}/alias", SIM_ROUTE_SIGNED, handle_list_aliases);
  sim_router_add (router, "POST", "/email/pro/{service}/account/{email}/alias", SIM_ROUTE_SIGNED, handle_add_alias);
  sim_router_add (router, "GET", "/email/pro/{service}/account/{email}/alias/{alias}", SIM_ROUTE_SIGNED, handle_get_alias);
  sim_router_add (router, "DELETE", "/email/pro/{service}/account/{email}/alias/{alias}", SIM_ROUTE_SIGNED, handle_delete_alias);
  sim_router_add (router, "GET", "/email/pro/{service}/account/{email}/diagnostics", SIM_ROUTE_SIGNED, handle_get_diagnostics);
  sim_router_add (router, "POST", "/email/pro/{service}/account/{email}/diagnostics", SIM_ROUTE_SIGNED, handle_post_diagnostics);
}
