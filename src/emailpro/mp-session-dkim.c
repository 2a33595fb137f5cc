/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-session-dkim.c: a domain's DKIM selectors and their set-up, enabling and disabling,
 * each write followed to the end of its task with the session's tracker. */
#include "config.h"

#include "api/mp-ovh-error.h"
#include "emailpro/mp-json.h"
#include "emailpro/mp-session-dns-private.h"
#include "emailpro/mp-session-domains-private.h"

/* The provider makes two selectors per domain and recommends using both. */
#define SELECTORS_TO_CREATE 2

static char *
dkim_path (MpSession  *self,
           const char *domain,
           const char *sub_path)
{
  g_autofree char *base = mp_session_domains_domain_path (self, domain);

  return g_strconcat (base, sub_path, NULL);
}

static char *
selector_path (MpSession  *self,
               const char *domain,
               const char *selector,
               const char *action)
{
  g_autofree char *segment = mp_ovh_client_escape_segment (selector);
  g_autofree char *sub_path = g_strconcat ("/dkim/", segment, action, NULL);

  return dkim_path (self, domain, sub_path);
}

/* ---- list -------------------------------------------------------------------------------- */

typedef struct
{
  char      *domain;
  guint      n_pending;
  JsonNode  *allowed;     /* dkimSelector's answer */
  JsonArray *created;     /* …/dkim, expanded */
  GError    *error;
} ListData;

static void
list_data_free (ListData *data)
{
  g_free (data->domain);
  g_clear_pointer (&data->allowed, json_node_unref);
  g_clear_pointer (&data->created, json_array_unref);
  g_clear_error (&data->error);
  g_free (data);
}

static MpDkimSelector *
find_selector (GListStore *store,
               const char *name,
               guint      *position)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(MpDkimSelector) selector = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (g_str_equal (mp_dkim_selector_get_selector_name (selector), name))
        {
          if (position != NULL)
            *position = i;
          return selector;  /* the store keeps it alive */
        }
    }
  return NULL;
}

static int
compare_selectors (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  return g_strcmp0 (mp_dkim_selector_get_selector_name ((MpDkimSelector *) a),
                    mp_dkim_selector_get_selector_name ((MpDkimSelector *) b));
}

/* Updates the store in place: rows bound to a selector follow it. */
static void
apply_selectors (GListStore *store,
                 JsonNode   *allowed,
                 JsonArray  *created)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) objects = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *names = allowed != NULL && JSON_NODE_HOLDS_ARRAY (allowed) ? json_node_get_array (allowed) : NULL;
  g_autoptr(GPtrArray) all_names = g_ptr_array_new ();

  for (guint i = 0; created != NULL && i < json_array_get_length (created); i++)
    {
      JsonNode *node = json_array_get_element (created, i);
      const char *name = JSON_NODE_HOLDS_OBJECT (node) ? mp_json_get_string (json_node_get_object (node), "selectorName") : NULL;

      if (name != NULL)
        {
          g_hash_table_insert (objects, (gpointer) name, node);
          g_ptr_array_add (all_names, (gpointer) name);
        }
    }
  for (guint i = 0; names != NULL && i < json_array_get_length (names); i++)
    {
      JsonNode *node = json_array_get_element (names, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_ptr_array_add (all_names, (gpointer) json_node_get_string (node));
    }

  for (guint i = 0; i < all_names->len; i++)
    {
      const char *name = g_ptr_array_index (all_names, i);
      MpDkimSelector *selector;
      JsonNode *object;

      if (!g_hash_table_add (seen, (gpointer) name))
        continue;
      selector = find_selector (store, name, NULL);
      if (selector == NULL)
        {
          g_autoptr(MpDkimSelector) added = mp_dkim_selector_new (name);

          g_list_store_insert_sorted (store, added, compare_selectors, NULL);
          selector = added;
        }
      object = g_hash_table_lookup (objects, name);
      if (object != NULL)
        mp_dkim_selector_update_from_json (selector, object, NULL);
      else if (mp_dkim_selector_get_created (selector))
        mp_dkim_selector_forget (selector);
    }

  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (store)); i > 0; i--)
    {
      g_autoptr(MpDkimSelector) selector = g_list_model_get_item (G_LIST_MODEL (store), i - 1);

      if (!g_hash_table_contains (seen, mp_dkim_selector_get_selector_name (selector)))
        g_list_store_remove (store, i - 1);
    }
}

/* A service without DKIM (no such route, or no selectors yet) answers 404: an empty list. */
static gboolean
is_absent (GError *error)
{
  return g_error_matches (error, MP_OVH_ERROR, MP_OVH_ERROR_NOT_FOUND);
}

static void
list_part_done (GTask *task)
{
  ListData *data = g_task_get_task_data (task);
  MpSession *self = g_task_get_source_object (task);
  GListStore *store;

  if (--data->n_pending > 0)
    {
      g_object_unref (task);
      return;
    }

  if (data->error != NULL)
    g_task_return_error (task, g_steal_pointer (&data->error));
  else
    {
      store = mp_session_dns_dkim_store (self, data->domain);
      apply_selectors (store, data->allowed, data->created);
      g_task_return_pointer (task, g_object_ref (store), g_object_unref);
    }
  g_object_unref (task);
}

static void
keep_error (ListData *data,
            GError   *error)
{
  if (is_absent (error) || data->error != NULL)
    g_error_free (error);
  else
    data->error = error;
}

static void
list_allowed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  ListData *data = g_task_get_task_data (task);
  GError *error = NULL;

  data->allowed = mp_ovh_client_call_finish (MP_OVH_CLIENT (object), result, &error);
  if (data->allowed == NULL)
    keep_error (data, error);
  list_part_done (task);
}

static void
list_created_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  ListData *data = g_task_get_task_data (task);
  GError *error = NULL;

  data->created = mp_ovh_client_list_finish (MP_OVH_CLIENT (object), result, &error);
  if (data->created == NULL)
    keep_error (data, error);
  list_part_done (task);
}

void
mp_session_list_dkim_async (MpSession           *self,
                            MpDomain            *domain,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;
  ListData *data;
  g_autofree char *allowed_path = NULL;
  g_autofree char *created_path = NULL;

  g_return_if_fail (MP_IS_SESSION (self));
  g_return_if_fail (MP_IS_DOMAIN (domain));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp_session_list_dkim_async);
  data = g_new0 (ListData, 1);
  data->domain = g_strdup (mp_domain_get_name (domain));
  data->n_pending = 2;
  g_task_set_task_data (task, data, (GDestroyNotify) list_data_free);

  allowed_path = dkim_path (self, data->domain, "/dkimSelector");
  created_path = dkim_path (self, data->domain, "/dkim");
  mp_ovh_client_call_async (mp_session_get_client (self), "GET", allowed_path, NULL,
                            MP_OVH_CALL_DEFAULT, cancellable, list_allowed_cb, g_object_ref (task));
  mp_ovh_client_list_async (mp_session_get_client (self), created_path, cancellable,
                            list_created_cb, task);
}

GListModel *
mp_session_list_dkim_finish (MpSession     *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (MP_IS_SESSION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mp_session_list_dkim_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- writes ------------------------------------------------------------------------------ */

typedef struct
{
  MpDomain *domain;
  guint     n_pending;
  GError   *error;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_clear_object (&data->domain);
  g_clear_error (&data->error);
  g_free (data);
}

static GTask *
write_task_new (MpSession           *self,
                MpDomain            *domain,
                gpointer             source_tag,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  WriteData *data = g_new0 (WriteData, 1);

  g_task_set_source_tag (task, source_tag);
  data->domain = g_object_ref (domain);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  return task;
}

static void
reread_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WriteData *data = g_task_get_task_data (task);
  g_autoptr(GListModel) selectors = NULL;
  g_autoptr(GError) error = NULL;

  selectors = mp_session_list_dkim_finish (MP_SESSION (object), result, &error);
  if (data->error != NULL)
    g_task_return_error (task, g_steal_pointer (&data->error));
  else if (selectors == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* One write (or all writes of the operation) ended: the selectors are read again, so the
 * dialog shows where they stand even after a failure. */
static void
write_part_done (GTask *task)
{
  WriteData *data = g_task_get_task_data (task);

  if (--data->n_pending > 0)
    {
      g_object_unref (task);
      return;
    }

  if (g_error_matches (data->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&data->error));
      g_object_unref (task);
      return;
    }
  mp_session_list_dkim_async (g_task_get_source_object (task), data->domain,
                              g_task_get_cancellable (task), reread_cb, task);
}

static void
write_keep_error (WriteData *data,
                  GError    *error)
{
  if (data->error == NULL)
    data->error = error;
  else
    g_error_free (error);
}

static void
task_waited_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;

  if (!mp_task_tracker_wait_finish (MP_TASK_TRACKER (object), result, &error))
    write_keep_error (g_task_get_task_data (task), error);
  write_part_done (task);
}

static void
write_posted_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  MpSession *self = g_task_get_source_object (task);
  MpTaskTracker *tracker = mp_session_get_task_tracker (self);
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  MpTask *followed;

  node = mp_ovh_client_call_finish (MP_OVH_CLIENT (object), result, &error);
  if (node == NULL || (followed = mp_task_tracker_follow_json (tracker, node, &error)) == NULL)
    {
      write_keep_error (g_task_get_task_data (task), error);
      write_part_done (task);
      return;
    }
  mp_task_tracker_wait_async (tracker, mp_task_get_id (followed), g_task_get_cancellable (task),
                              task_waited_cb, task);
}

/* POSTs path (with body) and follows the task it answers; holds one reference to task. */
static void
post_and_wait (GTask      *task,
               const char *path,
               JsonNode   *body)
{
  MpSession *self = g_task_get_source_object (task);

  mp_ovh_client_call_async (mp_session_get_client (self), "POST", path, body, MP_OVH_CALL_DEFAULT,
                            g_task_get_cancellable (task), write_posted_cb, g_object_ref (task));
}

static JsonNode *
create_body (const char *selector,
             gboolean    auto_enable,
             gboolean    configure)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "selectorName");
  json_builder_add_string_value (builder, selector);
  json_builder_set_member_name (builder, "autoEnableDKIM");
  json_builder_add_boolean_value (builder, auto_enable);
  json_builder_set_member_name (builder, "configureDkim");
  json_builder_add_boolean_value (builder, configure);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void configure_listed_cb (GObject *object, GAsyncResult *result, gpointer user_data);

static void
configure_zones_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GTask *task = user_data;
  WriteData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  char **zones;

  /* Without the right to read zones the provider cannot write them either: external. */
  zones = mp_session_list_dns_zones_finish (MP_SESSION (object), result, &error);
  mp_session_dns_set_zones (MP_SESSION (object), zones != NULL ? zones : g_new0 (char *, 1));
  mp_session_list_dkim_async (MP_SESSION (object), data->domain, g_task_get_cancellable (task),
                              configure_listed_cb, task);
}

static void
configure_listed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GTask *task = user_data;
  MpSession *self = MP_SESSION (object);
  WriteData *data = g_task_get_task_data (task);
  g_autoptr(GListModel) selectors = NULL;
  GError *error = NULL;
  gboolean hosted;
  guint n_items;
  guint created = 0;

  selectors = mp_session_list_dkim_finish (self, result, &error);
  if (selectors == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  hosted = mp_session_dns_hosted_zone (self, mp_domain_get_name (data->domain)) != NULL;
  n_items = g_list_model_get_n_items (selectors);
  data->n_pending = 1;  /* this function's own share, dropped below */
  for (guint i = 0; i < n_items && i < SELECTORS_TO_CREATE; i++)
    {
      g_autoptr(MpDkimSelector) selector = g_list_model_get_item (selectors, i);
      g_autofree char *path = NULL;
      g_autoptr(JsonNode) body = NULL;

      if (mp_dkim_selector_get_created (selector))
        continue;
      /* Signing starts by itself only where the provider can write the CNAME. */
      body = create_body (mp_dkim_selector_get_selector_name (selector), hosted && i == 0, hosted);
      path = dkim_path (self, mp_domain_get_name (data->domain), "/dkim");
      data->n_pending++;
      created++;
      post_and_wait (task, path, body);
    }
  g_debug ("DKIM: creating %u selectors of %s", created, mp_domain_get_name (data->domain));
  write_part_done (task);
}

void
mp_session_configure_dkim_async (MpSession           *self,
                                 MpDomain            *domain,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (MP_IS_SESSION (self));
  g_return_if_fail (MP_IS_DOMAIN (domain));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = write_task_new (self, domain, mp_session_configure_dkim_async, cancellable, callback, user_data);
  if (mp_session_dns_get (self)->zones == NULL)
    mp_session_list_dns_zones_async (self, cancellable, configure_zones_cb, task);
  else
    mp_session_list_dkim_async (self, domain, cancellable, configure_listed_cb, task);
}

static void
switch_selector (MpSession           *self,
                 MpDomain            *domain,
                 const char          *selector_name,
                 const char          *action,
                 gpointer             source_tag,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  GTask *task = write_task_new (self, domain, source_tag, cancellable, callback, user_data);
  g_autofree char *path = selector_path (self, mp_domain_get_name (domain), selector_name, action);
  WriteData *data = g_task_get_task_data (task);

  data->n_pending = 1;
  post_and_wait (task, path, NULL);
  g_object_unref (task);
}

void
mp_session_enable_dkim_async (MpSession           *self,
                              MpDomain            *domain,
                              const char          *selector_name,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (MP_IS_SESSION (self));
  g_return_if_fail (MP_IS_DOMAIN (domain));
  g_return_if_fail (selector_name != NULL);

  switch_selector (self, domain, selector_name, "/enable", mp_session_enable_dkim_async,
                   cancellable, callback, user_data);
}

void
mp_session_disable_dkim_async (MpSession           *self,
                               MpDomain            *domain,
                               const char          *selector_name,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (MP_IS_SESSION (self));
  g_return_if_fail (MP_IS_DOMAIN (domain));
  g_return_if_fail (selector_name != NULL);

  switch_selector (self, domain, selector_name, "/disable", mp_session_disable_dkim_async,
                   cancellable, callback, user_data);
}

static gboolean
write_finish (MpSession     *self,
              GAsyncResult  *result,
              gpointer       source_tag,
              GError       **error)
{
  g_return_val_if_fail (MP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
mp_session_configure_dkim_finish (MpSession     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return write_finish (self, result, mp_session_configure_dkim_async, error);
}

gboolean
mp_session_enable_dkim_finish (MpSession     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return write_finish (self, result, mp_session_enable_dkim_async, error);
}

gboolean
mp_session_disable_dkim_finish (MpSession     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return write_finish (self, result, mp_session_disable_dkim_async, error);
}
