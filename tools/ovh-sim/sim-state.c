/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sim-reply.h"
#include "sim-state.h"
#include "sim-tasks.h"

static void
sim_credential_free (SimCredential *credential)
{
  g_free (credential->application_key);
  /* Secrets do not linger in freed memory. */
  if (credential->application_secret != NULL)
    memset (credential->application_secret, 0, strlen (credential->application_secret));
  g_free (credential->application_secret);
  g_free (credential->consumer_key);
  g_free (credential->state);
  g_clear_pointer (&credential->rules, json_array_unref);
  g_free (credential->token);
  g_free (credential->redirection);
  g_free (credential);
}

static void
sim_service_free (SimService *service)
{
  /* Tasks first: their effects may point into the other members. */
  g_ptr_array_unref (service->tasks);
  g_free (service->name);
  json_object_unref (service->object);
  json_object_unref (service->server);
  g_hash_table_unref (service->domain_index);
  g_ptr_array_unref (service->domains);
  g_hash_table_unref (service->account_index);
  g_ptr_array_unref (service->accounts);
  g_free (service);
}

SimState *
sim_state_new (guint task_ms)
{
  SimState *state = g_new0 (SimState, 1);

  state->credentials = g_ptr_array_new_with_free_func ((GDestroyNotify) sim_credential_free);
  state->services = g_ptr_array_new_with_free_func ((GDestroyNotify) sim_service_free);
  state->service_index = g_hash_table_new (g_str_hash, g_str_equal);
  state->task_ms = task_ms;
  state->next_task_id = 1;
  state->next_account_id = 1;
  state->next_credential_id = 1;
  state->customer = json_object_new ();
  state->next_record_id = 5000000001;
  return state;
}

void
sim_state_free (SimState *state)
{
  g_hash_table_unref (state->service_index);
  g_ptr_array_unref (state->services);
  g_ptr_array_unref (state->credentials);
  json_object_unref (state->customer);
  g_clear_pointer (&state->zones, g_ptr_array_unref);
  g_clear_pointer (&state->dkim, g_hash_table_unref);
  g_free (state->zones_dir);
  g_free (state->knot_socket);
  g_free (state);
}

gint64
sim_state_now (SimState *state)
{
  return g_get_real_time () / G_USEC_PER_SEC + state->clock_skew;
}

char *
sim_state_now_string (SimState *state)
{
  return sim_format_unix (sim_state_now (state));
}

SimService *
sim_state_add_service (SimState   *state,
                       const char *name,
                       JsonObject *object,
                       JsonObject *server)
{
  SimService *service = g_new0 (SimService, 1);

  service->name = g_strdup (name);
  service->object = json_object_ref (object);
  service->server = json_object_ref (server);
  service->domains = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  service->domain_index = g_hash_table_new (g_str_hash, g_str_equal);
  service->accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  service->account_index = g_hash_table_new (g_str_hash, g_str_equal);
  service->tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) sim_task_free);

  g_ptr_array_add (state->services, service);
  g_hash_table_insert (state->service_index, service->name, service);
  return service;
}

SimService *
sim_state_find_service (SimState   *state,
                        const char *name)
{
  return g_hash_table_lookup (state->service_index, name);
}

SimCredential *
sim_state_add_credential (SimState *state)
{
  SimCredential *credential = g_new0 (SimCredential, 1);

  credential->credential_id = state->next_credential_id++;
  credential->creation = sim_state_now (state);
  g_ptr_array_add (state->credentials, credential);
  return credential;
}

SimCredential *
sim_state_find_consumer_key (SimState   *state,
                             const char *consumer_key)
{
  for (guint i = 0; i < state->credentials->len; i++)
    {
      SimCredential *credential = g_ptr_array_index (state->credentials, i);

      if (g_strcmp0 (credential->consumer_key, consumer_key) == 0)
        return credential;
    }
  return NULL;
}

SimCredential *
sim_state_find_application (SimState   *state,
                            const char *application_key)
{
  for (guint i = 0; i < state->credentials->len; i++)
    {
      SimCredential *credential = g_ptr_array_index (state->credentials, i);

      if (g_strcmp0 (credential->application_key, application_key) == 0)
        return credential;
    }
  return NULL;
}

SimCredential *
sim_state_find_token (SimState   *state,
                      const char *token)
{
  for (guint i = 0; i < state->credentials->len; i++)
    {
      SimCredential *credential = g_ptr_array_index (state->credentials, i);

      if (credential->token != NULL && g_strcmp0 (credential->token, token) == 0)
        return credential;
    }
  return NULL;
}

gboolean
sim_credential_state_is_valid (const char *state)
{
  static const char * const states[] = {
    "expired", "pendingValidation", "refused", "validated", NULL
  };

  return state != NULL && g_strv_contains (states, state);
}

static void
set_date_or_null (JsonObject *object,
                  const char *member,
                  gint64      unix_seconds)
{
  if (unix_seconds == 0)
    {
      json_object_set_null_member (object, member);
    }
  else
    {
      g_autofree char *text = sim_format_unix (unix_seconds);
      json_object_set_string_member (object, member, text);
    }
}

JsonObject *
sim_credential_to_json (SimCredential *credential)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "credentialId", credential->credential_id);
  json_object_set_int_member (object, "applicationId", credential->application_id);
  json_object_set_string_member (object, "status", credential->state);
  json_object_set_array_member (object, "rules", json_array_ref (credential->rules));
  set_date_or_null (object, "creation", credential->creation);
  set_date_or_null (object, "expiration", credential->expiration);
  set_date_or_null (object, "lastUse", credential->last_use);
  json_object_set_null_member (object, "allowedIPs");
  json_object_set_boolean_member (object, "ovhSupport", FALSE);
  return object;
}

void
sim_service_add_domain (SimService *service,
                        JsonObject *domain)
{
  g_ptr_array_add (service->domains, json_object_ref (domain));
  g_hash_table_insert (service->domain_index,
                       (gpointer) json_object_get_string_member (domain, "name"), domain);
}

JsonObject *
sim_service_find_domain (SimService *service,
                         const char *name)
{
  return g_hash_table_lookup (service->domain_index, name);
}

void
sim_service_add_account (SimService *service,
                         JsonObject *account)
{
  g_ptr_array_add (service->accounts, json_object_ref (account));
  g_hash_table_insert (service->account_index,
                       (gpointer) json_object_get_string_member (account, "primaryEmailAddress"),
                       account);
}

JsonObject *
sim_service_find_account (SimService *service,
                          const char *primary_email_address)
{
  return g_hash_table_lookup (service->account_index, primary_email_address);
}

SimTask *
sim_service_find_task (SimService *service,
                       gint64      id)
{
  for (guint i = 0; i < service->tasks->len; i++)
    {
      SimTask *task = g_ptr_array_index (service->tasks, i);

      if (sim_task_get_id (task) == id)
        return task;
    }
  return NULL;
}

static JsonArray *
objects_to_array (GPtrArray *objects)
{
  JsonArray *array = json_array_sized_new (objects->len);

  for (guint i = 0; i < objects->len; i++)
    json_array_add_object_element (array, json_object_ref (g_ptr_array_index (objects, i)));
  return array;
}

JsonNode *
sim_state_to_json (SimState *state)
{
  g_autoptr(JsonObject) root = json_object_new ();
  JsonArray *credentials = json_array_new ();
  JsonArray *services = json_array_new ();
  JsonNode *node;

  json_object_set_int_member (root, "clock_skew", state->clock_skew);
  json_object_set_int_member (root, "now", sim_state_now (state));

  for (guint i = 0; i < state->credentials->len; i++)
    {
      SimCredential *credential = g_ptr_array_index (state->credentials, i);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "application_key", credential->application_key);
      json_object_set_string_member (object, "consumer_key", credential->consumer_key);
      json_object_set_string_member (object, "state", credential->state);
      json_object_set_array_member (object, "rules", json_array_ref (credential->rules));
      json_array_add_object_element (credentials, object);
    }
  json_object_set_array_member (root, "credentials", credentials);

  for (guint i = 0; i < state->services->len; i++)
    {
      SimService *service = g_ptr_array_index (state->services, i);
      JsonObject *object = json_object_new ();
      JsonArray *tasks = json_array_new ();

      json_object_set_string_member (object, "name", service->name);
      json_object_set_object_member (object, "service", json_object_ref (service->object));
      json_object_set_object_member (object, "server", json_object_ref (service->server));
      json_object_set_array_member (object, "domains", objects_to_array (service->domains));
      json_object_set_array_member (object, "accounts", objects_to_array (service->accounts));
      for (guint j = 0; j < service->tasks->len; j++)
        {
          SimTask *task = g_ptr_array_index (service->tasks, j);
          json_array_add_object_element (tasks, json_object_ref (task->object));
        }
      json_object_set_array_member (object, "tasks", tasks);
      json_array_add_object_element (services, object);
    }
  json_object_set_array_member (root, "services", services);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, root);
  return node;
}
