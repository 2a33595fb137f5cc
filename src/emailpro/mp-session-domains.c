/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-session-domains.c: the session's domain list and its task tracker.  The customer's
 * domain names and zones are in mp-session-account-domains.c, the writes in
 * mp-session-domain-ops.c. */
#include "config.h"

#include <string.h>

#include "emailpro/mp-json.h"
#include "emailpro/mp-session-domains-private.h"
#include "rules/mp-domain-rules.h"

static GQuark
domains_quark (void)
{
  return g_quark_from_static_string ("mp-session-domains");
}

static void
domains_free (gpointer data)
{
  MpSessionDomains *domains = data;

  g_cancellable_cancel (domains->cancellable);
  /* Ends pending waits and polls now rather than when their last reference goes. */
  g_object_run_dispose (G_OBJECT (domains->tracker));
  g_clear_object (&domains->tracker);
  g_clear_object (&domains->store);
  g_clear_object (&domains->cancellable);
  g_clear_pointer (&domains->account_counts, g_hash_table_unref);
  g_free (domains);
}

static void
refresh_after_task_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!mp_session_refresh_domains_finish (MP_SESSION (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Reloading the domains after a task failed: %s", error->message);
}

static void
task_finished_cb (MpTaskTracker *tracker,
                  MpTask        *task,
                  MpSession     *self)
{
  static const char * const domain_functions[] = {
    "addDomain", "setDomain", "deleteDomain",
    "addDomainDKIM", "deleteDomainDKIM", "enableDKIM", "disableDKIM", "setDns",
    NULL
  };
  MpSessionDomains *domains = mp_session_domains_get (self);

  if (g_strv_contains (domain_functions, mp_task_get_function (task)))
    mp_session_refresh_domains_async (self, domains->cancellable, refresh_after_task_cb, NULL);
}

MpSessionDomains *
mp_session_domains_get (MpSession *self)
{
  MpSessionDomains *domains = g_object_get_qdata (G_OBJECT (self), domains_quark ());

  if (domains != NULL)
    return domains;

  domains = g_new0 (MpSessionDomains, 1);
  domains->session = self;
  domains->store = g_list_store_new (MP_TYPE_DOMAIN);
  domains->tracker = mp_task_tracker_new (mp_session_get_client (self),
                                          mp_service_get_name (mp_session_get_service (self)));
  domains->account_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  domains->cancellable = g_cancellable_new ();
  g_object_set_qdata_full (G_OBJECT (self), domains_quark (), domains, domains_free);

  g_signal_connect_object (domains->tracker, "task-finished",
                           G_CALLBACK (task_finished_cb), self, G_CONNECT_DEFAULT);
  return domains;
}

char *
mp_session_domains_service_path (MpSession  *self,
                                 const char *sub_path)
{
  g_autofree char *segment =
    mp_ovh_client_escape_segment (mp_service_get_name (mp_session_get_service (self)));

  return g_strconcat ("/email/pro/", segment, sub_path, NULL);
}

char *
mp_session_domains_domain_path (MpSession  *self,
                                const char *name)
{
  g_autofree char *segment = mp_ovh_client_escape_segment (name);
  g_autofree char *sub_path = g_strconcat ("/domain/", segment, NULL);

  return mp_session_domains_service_path (self, sub_path);
}

GListModel *
mp_session_get_domains (MpSession *self)
{
  g_return_val_if_fail (MP_IS_SESSION (self), NULL);
  return G_LIST_MODEL (mp_session_domains_get (self)->store);
}

MpTaskTracker *
mp_session_get_task_tracker (MpSession *self)
{
  g_return_val_if_fail (MP_IS_SESSION (self), NULL);
  return mp_session_domains_get (self)->tracker;
}

MpDomain *
mp_session_find_domain (MpSession  *self,
                        const char *name)
{
  GListModel *model;
  g_autofree char *ascii = NULL;
  guint n_items;

  g_return_val_if_fail (MP_IS_SESSION (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if ((ascii = mp_domain_rules_to_ascii (name)) == NULL)
    return NULL;

  model = mp_session_get_domains (self);
  n_items = g_list_model_get_n_items (model);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(MpDomain) domain = g_list_model_get_item (model, i);

      if (g_str_equal (mp_domain_get_name (domain), ascii))
        return domain;  /* the store keeps it alive */
    }
  return NULL;
}

static int
compare_domains (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (mp_domain_get_name (*(MpDomain **) a), mp_domain_get_name (*(MpDomain **) b));
}

static void
apply_account_count (MpSessionDomains *domains,
                     MpDomain         *domain)
{
  gpointer count = g_hash_table_lookup (domains->account_counts, mp_domain_get_name (domain));

  mp_domain_set_account_count (domain, GPOINTER_TO_UINT (count));
}

void
mp_session_domains_apply_list (MpSession *self,
                               JsonArray *array)
{
  MpSessionDomains *domains = mp_session_domains_get (self);
  GListModel *model = G_LIST_MODEL (domains->store);
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_known = g_list_model_get_n_items (model);
  gboolean same;

  for (guint i = 0; i < n_known; i++)
    {
      MpDomain *domain = g_list_model_get_item (model, i);

      g_hash_table_insert (known, (gpointer) mp_domain_get_name (domain), domain);
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *name = NULL;
      MpDomain *domain;

      if (JSON_NODE_HOLDS_OBJECT (node) &&
          mp_json_get_string (json_node_get_object (node), "name") != NULL)
        name = g_ascii_strdown (mp_json_get_string (json_node_get_object (node), "name"), -1);

      if (name != NULL && (domain = g_hash_table_lookup (known, name)) != NULL)
        {
          /* One unreadable answer must not hide the domain that was there. */
          if (!mp_domain_update_from_json (domain, node, &error))
            g_debug ("Keeping domain %s as it was: %s", name, error->message);
          g_ptr_array_add (items, g_object_ref (domain));
        }
      else if ((domain = mp_domain_new_from_json (node, &error)) != NULL)
        g_ptr_array_add (items, domain);
      else
        g_debug ("Skipping domain %u of the list: %s", i, error->message);
    }

  g_ptr_array_sort (items, compare_domains);

  same = items->len == n_known;
  for (guint i = 0; same && i < items->len; i++)
    {
      g_autoptr(MpDomain) current = g_list_model_get_item (model, i);

      same = current == g_ptr_array_index (items, i);
    }
  if (!same)
    g_list_store_splice (domains->store, 0, n_known, items->pdata, items->len);

  for (guint i = 0; i < items->len; i++)
    {
      MpDomain *domain = g_ptr_array_index (items, i);

      apply_account_count (domains, domain);
      if (mp_domain_get_task_pending_id (domain) > 0)
        mp_task_tracker_follow_id (domains->tracker, mp_domain_get_task_pending_id (domain));
    }
}

void
mp_session_domains_apply_accounts (MpSession *self,
                                   JsonArray *accounts)
{
  MpSessionDomains *domains = mp_session_domains_get (self);
  GListModel *model = G_LIST_MODEL (domains->store);
  guint n_items;

  g_hash_table_remove_all (domains->account_counts);

  for (guint i = 0; i < json_array_get_length (accounts); i++)
    {
      JsonNode *node = json_array_get_element (accounts, i);
      const char *address = NULL;
      const char *at;
      char *domain_name;

      if (JSON_NODE_HOLDS_OBJECT (node))
        address = mp_json_get_string (json_node_get_object (node), "primaryEmailAddress");
      if (address == NULL || (at = strrchr (address, '@')) == NULL)
        continue;

      domain_name = g_ascii_strdown (at + 1, -1);
      g_hash_table_insert (domains->account_counts, domain_name,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (domains->account_counts,
                                                                                    domain_name)) + 1));
    }

  n_items = g_list_model_get_n_items (model);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(MpDomain) domain = g_list_model_get_item (model, i);

      apply_account_count (domains, domain);
    }
}

void
mp_session_domains_follow_tasks (MpSession *self,
                                 JsonArray *tasks)
{
  MpSessionDomains *domains = mp_session_domains_get (self);

  for (guint i = 0; i < json_array_get_length (tasks); i++)
    {
      JsonNode *node = json_array_get_element (tasks, i);
      const char *status = NULL;

      if (JSON_NODE_HOLDS_OBJECT (node))
        status = mp_json_get_string (json_node_get_object (node), "status");
      if (status != NULL && !mp_task_status_is_final (mp_task_status_from_string (status)))
        mp_task_tracker_follow_json (domains->tracker, node, NULL);
    }
}


/* Refresh of the domains alone: the domain list and the account list in parallel. */

typedef struct
{
  guint   n_pending;
  GError *error;
} RefreshData;

static void
refresh_data_free (RefreshData *data)
{
  g_clear_error (&data->error);
  g_free (data);
}

static void
refresh_part_done (GTask  *task,
                   GError *error)
{
  RefreshData *data = g_task_get_task_data (task);

  if (error != NULL && data->error == NULL)
    data->error = error;
  else if (error != NULL)
    g_error_free (error);

  if (--data->n_pending > 0)
    return;

  if (data->error != NULL)
    g_task_return_error (task, g_steal_pointer (&data->error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
refresh_domains_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonArray) array = NULL;
  GError *error = NULL;

  array = mp_ovh_client_list_finish (MP_OVH_CLIENT (object), result, &error);
  if (array != NULL)
    mp_session_domains_apply_list (g_task_get_source_object (task), array);
  refresh_part_done (task, error);
}

static void
refresh_accounts_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonArray) array = NULL;
  GError *error = NULL;

  array = mp_ovh_client_list_finish (MP_OVH_CLIENT (object), result, &error);
  if (array != NULL)
    mp_session_domains_apply_accounts (g_task_get_source_object (task), array);
  refresh_part_done (task, error);
}

void
mp_session_refresh_domains_async (MpSession           *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *domains_path = NULL;
  g_autofree char *accounts_path = NULL;
  MpOvhClient *client;
  RefreshData *data;

  g_return_if_fail (MP_IS_SESSION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp_session_refresh_domains_async);
  data = g_new0 (RefreshData, 1);
  data->n_pending = 2;
  g_task_set_task_data (task, data, (GDestroyNotify) refresh_data_free);

  client = mp_session_get_client (self);
  domains_path = mp_session_domains_service_path (self, "/domain");
  accounts_path = mp_session_domains_service_path (self, "/account");
  mp_ovh_client_list_async (client, domains_path, cancellable,
                            refresh_domains_cb, g_object_ref (task));
  mp_ovh_client_list_async (client, accounts_path, cancellable,
                            refresh_accounts_cb, g_object_ref (task));
}

gboolean
mp_session_refresh_domains_finish (MpSession     *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (MP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mp_session_refresh_domains_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
