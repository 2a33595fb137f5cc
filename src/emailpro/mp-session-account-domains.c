/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-session-account-domains.c: the customer's domain names and DNS zones, for the add-domain
 * wizard (GET /domain, GET /domain/zone). */
#include "config.h"

#include "emailpro/mp-session-domains-private.h"

/* A JSON array of strings as a lower-case GStrv; other elements are skipped. */
static GStrv
names_from_node (JsonNode *node)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            {
              g_autofree char *name = g_ascii_strdown (json_node_get_string (element), -1);

              g_strv_builder_add (builder, name);
            }
        }
    }

  return g_strv_builder_end (builder);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static GStrv
names_from_node_sorted (JsonNode *node)
{
  GStrv names = names_from_node (node);

  g_qsort_with_data (names, g_strv_length (names), sizeof (char *), compare_strings, NULL);
  return names;
}

static void
list_zones_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;

  node = mp_ovh_client_call_finish (MP_OVH_CLIENT (object), result, &error);
  if (node == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, names_from_node_sorted (node), (GDestroyNotify) g_strfreev);
}

void
mp_session_list_dns_zones_async (MpSession           *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MP_IS_SESSION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp_session_list_dns_zones_async);
  mp_ovh_client_call_async (mp_session_get_client (self), "GET", "/domain/zone", NULL,
                            MP_OVH_CALL_DEFAULT, cancellable, list_zones_cb, g_steal_pointer (&task));
}

char **
mp_session_list_dns_zones_finish (MpSession     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (MP_IS_SESSION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mp_session_list_dns_zones_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  guint   n_pending;
  GStrv   names;
  GStrv   zones;
  GError *error;
} AccountDomainsData;

static void
account_domains_data_free (AccountDomainsData *data)
{
  g_strfreev (data->names);
  g_strfreev (data->zones);
  g_clear_error (&data->error);
  g_free (data);
}

static void
account_domains_part_done (GTask *task)
{
  MpSession *self = g_task_get_source_object (task);
  AccountDomainsData *data = g_task_get_task_data (task);
  g_autoptr(GListStore) store = NULL;

  if (--data->n_pending > 0)
    return;

  if (data->error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&data->error));
      return;
    }

  store = g_list_store_new (MP_TYPE_ACCOUNT_DOMAIN);
  for (guint i = 0; data->names[i] != NULL; i++)
    {
      const char *name = data->names[i];
      g_autoptr(MpAccountDomain) item = NULL;

      item = mp_account_domain_new (name,
                                    mp_session_find_domain (self, name) != NULL,
                                    data->zones != NULL && g_strv_contains ((const char * const *) data->zones, name));
      g_list_store_append (store, item);
    }

  g_task_return_pointer (task, g_steal_pointer (&store), g_object_unref);
}

static void
account_domains_names_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AccountDomainsData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  node = mp_ovh_client_call_finish (MP_OVH_CLIENT (object), result, &error);
  if (node != NULL)
    data->names = names_from_node_sorted (node);
  else if (data->error == NULL)
    data->error = g_steal_pointer (&error);
  account_domains_part_done (task);
}

static void
account_domains_zones_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AccountDomainsData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  /* Without the zones the names are still worth showing: nothing is marked as hosted. */
  node = mp_ovh_client_call_finish (MP_OVH_CLIENT (object), result, &error);
  if (node != NULL)
    data->zones = names_from_node_sorted (node);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && data->error == NULL)
    data->error = g_steal_pointer (&error);
  else
    g_debug ("The DNS zones of the account could not be read: %s", error->message);
  account_domains_part_done (task);
}

void
mp_session_list_account_domains_async (MpSession           *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AccountDomainsData *data;
  MpOvhClient *client;

  g_return_if_fail (MP_IS_SESSION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp_session_list_account_domains_async);
  data = g_new0 (AccountDomainsData, 1);
  data->n_pending = 2;
  g_task_set_task_data (task, data, (GDestroyNotify) account_domains_data_free);

  client = mp_session_get_client (self);
  mp_ovh_client_call_async (client, "GET", "/domain", NULL, MP_OVH_CALL_DEFAULT, cancellable,
                            account_domains_names_cb, g_object_ref (task));
  mp_ovh_client_call_async (client, "GET", "/domain/zone", NULL, MP_OVH_CALL_DEFAULT, cancellable,
                            account_domains_zones_cb, g_object_ref (task));
}

GListModel *
mp_session_list_account_domains_finish (MpSession     *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (MP_IS_SESSION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mp_session_list_account_domains_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
