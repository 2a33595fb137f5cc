/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "api/mp-ovh-error-private.h"
#include "emailpro/mp-json.h"
#include "emailpro/mp-session.h"
#include "emailpro/mp-session-accounts-private.h"
#include "emailpro/mp-session-domains-private.h"
#include "emailpro/mp-task-list.h"

/* Ordered accounts arrive as placeholder mailboxes in this domain until they are set up. */
#define PLACEHOLDER_DOMAIN "@configureme.me"

struct _MpSession
{
  GObject      parent_instance;

  MpOvhClient *client;
  MpService   *service;
  MpServer    *server;
  GListStore  *tasks;
  guint        domain_count;
  guint        account_count;
  guint        configured_account_count;
  /* Refreshes may overlap (a manual one during an automatic one): loading stays TRUE until
   * the last one is done. */
  guint        n_refreshing;
};

G_DEFINE_FINAL_TYPE (MpSession, mp_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_SERVICE,
  PROP_SERVER,
  PROP_DOMAIN_COUNT,
  PROP_ACCOUNT_COUNT,
  PROP_CONFIGURED_ACCOUNT_COUNT,
  PROP_TASKS,
  PROP_LOADING,
  PROP_DOMAINS,
  PROP_TASK_TRACKER,
  PROP_ACCOUNTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
mp_session_dispose (GObject *object)
{
  MpSession *self = (MpSession *) object;

  g_clear_object (&self->client);
  g_clear_object (&self->service);
  g_clear_object (&self->server);
  g_clear_object (&self->tasks);

  G_OBJECT_CLASS (mp_session_parent_class)->dispose (object);
}

static void
mp_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MpSession *self = MP_SESSION (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_SERVICE:
      g_value_set_object (value, self->service);
      break;
    case PROP_SERVER:
      g_value_set_object (value, self->server);
      break;
    case PROP_DOMAIN_COUNT:
      g_value_set_uint (value, self->domain_count);
      break;
    case PROP_ACCOUNT_COUNT:
      g_value_set_uint (value, self->account_count);
      break;
    case PROP_CONFIGURED_ACCOUNT_COUNT:
      g_value_set_uint (value, self->configured_account_count);
      break;
    case PROP_TASKS:
      g_value_set_object (value, self->tasks);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->n_refreshing > 0);
      break;
    case PROP_DOMAINS:
      g_value_set_object (value, mp_session_get_domains (self));
      break;
    case PROP_TASK_TRACKER:
      g_value_set_object (value, mp_session_get_task_tracker (self));
      break;
    case PROP_ACCOUNTS:
      g_value_set_object (value, mp_session_get_accounts (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MpSession *self = MP_SESSION (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    case PROP_SERVICE:
      self->service = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define READABLE (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define CONSTRUCT_ONLY (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS)

static void
mp_session_class_init (MpSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mp_session_dispose;
  object_class->get_property = mp_session_get_property;
  object_class->set_property = mp_session_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, MP_TYPE_OVH_CLIENT, CONSTRUCT_ONLY);
  properties[PROP_SERVICE] =
    g_param_spec_object ("service", NULL, NULL, MP_TYPE_SERVICE, CONSTRUCT_ONLY);
  properties[PROP_SERVER] =
    g_param_spec_object ("server", NULL, NULL, MP_TYPE_SERVER, READABLE);
  properties[PROP_DOMAIN_COUNT] =
    g_param_spec_uint ("domain-count", NULL, NULL, 0, G_MAXUINT, 0, READABLE);
  properties[PROP_ACCOUNT_COUNT] =
    g_param_spec_uint ("account-count", NULL, NULL, 0, G_MAXUINT, 0, READABLE);
  properties[PROP_CONFIGURED_ACCOUNT_COUNT] =
    g_param_spec_uint ("configured-account-count", NULL, NULL, 0, G_MAXUINT, 0, READABLE);
  properties[PROP_TASKS] =
    g_param_spec_object ("tasks", NULL, NULL, G_TYPE_LIST_MODEL, READABLE);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, READABLE);
  properties[PROP_DOMAINS] =
    g_param_spec_object ("domains", NULL, NULL, G_TYPE_LIST_MODEL, READABLE);
  properties[PROP_TASK_TRACKER] =
    g_param_spec_object ("task-tracker", NULL, NULL, MP_TYPE_TASK_TRACKER, READABLE);
  properties[PROP_ACCOUNTS] =
    g_param_spec_object ("accounts", NULL, NULL, G_TYPE_LIST_MODEL, READABLE);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_session_init (MpSession *self)
{
  self->tasks = g_list_store_new (MP_TYPE_TASK);
}

MpSession *
mp_session_new (MpOvhClient *client,
                MpService   *service)
{
  g_return_val_if_fail (MP_IS_OVH_CLIENT (client), NULL);
  g_return_val_if_fail (MP_IS_SERVICE (service), NULL);

  return g_object_new (MP_TYPE_SESSION,
                       "client", client,
                       "service", service,
                       NULL);
}

MpOvhClient *
mp_session_get_client (MpSession *self)
{
  g_return_val_if_fail (MP_IS_SESSION (self), NULL);
  return self->client;
}

MpService *
mp_session_get_service (MpSession *self)
{
  g_return_val_if_fail (MP_IS_SESSION (self), NULL);
  return self->service;
}

MpServer *
mp_session_get_server (MpSession *self)
{
  g_return_val_if_fail (MP_IS_SESSION (self), NULL);
  return self->server;
}

guint
mp_session_get_domain_count (MpSession *self)
{
  g_return_val_if_fail (MP_IS_SESSION (self), 0);
  return self->domain_count;
}

guint
mp_session_get_account_count (MpSession *self)
{
  g_return_val_if_fail (MP_IS_SESSION (self), 0);
  return self->account_count;
}

guint
mp_session_get_configured_account_count (MpSession *self)
{
  g_return_val_if_fail (MP_IS_SESSION (self), 0);
  return self->configured_account_count;
}

GListModel *
mp_session_get_tasks (MpSession *self)
{
  g_return_val_if_fail (MP_IS_SESSION (self), NULL);
  return G_LIST_MODEL (self->tasks);
}

gboolean
mp_session_get_loading (MpSession *self)
{
  g_return_val_if_fail (MP_IS_SESSION (self), FALSE);
  return self->n_refreshing > 0;
}

/* The path of the session's service with sub_path appended ("" for the service itself). */
static char *
build_service_path (MpSession  *self,
                    const char *sub_path)
{
  g_autofree char *segment = mp_ovh_client_escape_segment (mp_service_get_name (self->service));

  return g_strconcat ("/email/pro/", segment, sub_path, NULL);
}

static void
set_count (MpSession *self,
           guint     *field,
           guint      value,
           guint      prop_id)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_loading (MpSession *self,
             gboolean   loading)
{
  gboolean was_loading = self->n_refreshing > 0;

  if (loading)
    self->n_refreshing++;
  else if (self->n_refreshing > 0)
    self->n_refreshing--;

  if (was_loading != (self->n_refreshing > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}


void
mp_session_set_account_counts (MpSession *self,
                               guint      total,
                               guint      configured)
{
  g_object_freeze_notify (G_OBJECT (self));
  set_count (self, &self->account_count, total, PROP_ACCOUNT_COUNT);
  set_count (self, &self->configured_account_count, configured, PROP_CONFIGURED_ACCOUNT_COUNT);
  g_object_thaw_notify (G_OBJECT (self));
}

/* Refresh: five independent calls in parallel.  Each result is applied as it arrives, so a
 * slow list does not hold back the figures that are already known; the first error wins. */

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
  MpSession *self = g_task_get_source_object (task);
  RefreshData *data = g_task_get_task_data (task);

  if (error != NULL)
    {
      if (data->error == NULL)
        data->error = error;
      else
        {
          g_debug ("Refresh of %s: another part failed too: %s",
                   mp_service_get_name (self->service), error->message);
          g_error_free (error);
        }
    }

  g_assert (data->n_pending > 0);
  if (--data->n_pending > 0)
    return;

  set_loading (self, FALSE);

  if (data->error != NULL)
    g_task_return_error (task, g_steal_pointer (&data->error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
refresh_service_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MpSession *self = g_task_get_source_object (task);
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;

  node = mp_ovh_client_call_finish (MP_OVH_CLIENT (object), result, &error);
  if (node != NULL)
    mp_service_update_from_json (self->service, node, &error);

  refresh_part_done (task, error);
}

static void
refresh_server_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MpSession *self = g_task_get_source_object (task);
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;

  node = mp_ovh_client_call_finish (MP_OVH_CLIENT (object), result, &error);
  if (node != NULL)
    {
      /* Updated in place once known, so that bindings to the server's properties hold. */
      if (self->server != NULL)
        mp_server_update_from_json (self->server, node, &error);
      else if ((self->server = mp_server_new_from_json (node, &error)) != NULL)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER]);
    }

  refresh_part_done (task, error);
}

static void
refresh_domains_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MpSession *self = g_task_get_source_object (task);
  g_autoptr(JsonArray) domains = NULL;
  GError *error = NULL;

  domains = mp_ovh_client_list_finish (MP_OVH_CLIENT (object), result, &error);
  if (domains != NULL)
    {
      set_count (self, &self->domain_count, json_array_get_length (domains), PROP_DOMAIN_COUNT);
      mp_session_domains_apply_list (self, domains);
    }

  refresh_part_done (task, error);
}

static gboolean
account_is_configured (JsonNode *node)
{
  JsonObject *account;
  const char *address;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;

  account = json_node_get_object (node);
  if (!mp_json_get_boolean (account, "configured", FALSE))
    return FALSE;

  address = mp_json_get_string (account, "primaryEmailAddress");
  if (address != NULL)
    {
      g_autofree char *folded = g_ascii_strdown (address, -1);

      if (g_str_has_suffix (folded, PLACEHOLDER_DOMAIN))
        return FALSE;
    }

  return TRUE;
}

static void
refresh_accounts_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MpSession *self = g_task_get_source_object (task);
  g_autoptr(JsonArray) accounts = NULL;
  GError *error = NULL;

  accounts = mp_ovh_client_list_finish (MP_OVH_CLIENT (object), result, &error);
  if (accounts != NULL)
    {
      guint length = json_array_get_length (accounts);
      guint configured = 0;

      for (guint i = 0; i < length; i++)
        if (account_is_configured (json_array_get_element (accounts, i)))
          configured++;

      g_object_freeze_notify (G_OBJECT (self));
      set_count (self, &self->account_count, length, PROP_ACCOUNT_COUNT);
      set_count (self, &self->configured_account_count, configured, PROP_CONFIGURED_ACCOUNT_COUNT);
      g_object_thaw_notify (G_OBJECT (self));
      mp_session_domains_apply_accounts (self, accounts);
      mp_session_accounts_apply_list (self, accounts);
    }

  refresh_part_done (task, error);
}

static void
refresh_tasks_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MpSession *self = g_task_get_source_object (task);
  g_autoptr(JsonArray) tasks = NULL;
  GError *error = NULL;

  tasks = mp_ovh_client_list_finish (MP_OVH_CLIENT (object), result, &error);
  if (tasks != NULL)
    {
      mp_task_list_sync (self->tasks, tasks);
      mp_session_domains_follow_tasks (self, tasks);
    }

  refresh_part_done (task, error);
}

void
mp_session_refresh_async (MpSession           *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *service_path = NULL;
  g_autofree char *server_path = NULL;
  g_autofree char *domains_path = NULL;
  g_autofree char *accounts_path = NULL;
  g_autofree char *tasks_path = NULL;
  RefreshData *data;

  g_return_if_fail (MP_IS_SESSION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp_session_refresh_async);

  data = g_new0 (RefreshData, 1);
  data->n_pending = 5;
  g_task_set_task_data (task, data, (GDestroyNotify) refresh_data_free);

  set_loading (self, TRUE);

  service_path = build_service_path (self, "");
  server_path = build_service_path (self, "/server");
  domains_path = build_service_path (self, "/domain");
  accounts_path = build_service_path (self, "/account");
  tasks_path = build_service_path (self, "/task");

  mp_ovh_client_call_async (self->client, "GET", service_path, NULL, MP_OVH_CALL_DEFAULT,
                            cancellable, refresh_service_cb, g_object_ref (task));
  mp_ovh_client_call_async (self->client, "GET", server_path, NULL, MP_OVH_CALL_DEFAULT,
                            cancellable, refresh_server_cb, g_object_ref (task));
  mp_ovh_client_list_async (self->client, domains_path,
                            cancellable, refresh_domains_cb, g_object_ref (task));
  mp_ovh_client_list_async (self->client, accounts_path,
                            cancellable, refresh_accounts_cb, g_object_ref (task));
  mp_ovh_client_list_async (self->client, tasks_path,
                            cancellable, refresh_tasks_cb, g_object_ref (task));
}

gboolean
mp_session_refresh_finish (MpSession     *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (MP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mp_session_refresh_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}


/* Display name: write it, then read the service back so that what is shown is what the
 * provider stored, not what was typed. */

static void
set_display_name_reread_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MpSession *self = g_task_get_source_object (task);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  node = mp_ovh_client_call_finish (MP_OVH_CLIENT (object), result, &error);
  if (node == NULL || !mp_service_update_from_json (self->service, node, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
set_display_name_put_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MpSession *self = g_task_get_source_object (task);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GCancellable *cancellable;

  node = mp_ovh_client_call_finish (MP_OVH_CLIENT (object), result, &error);
  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The task is stolen in the same call: take what is needed from it first. */
  path = build_service_path (self, "");
  cancellable = g_task_get_cancellable (task);
  mp_ovh_client_call_async (self->client, "GET", path, NULL, MP_OVH_CALL_NO_CACHE,
                            cancellable, set_display_name_reread_cb, g_steal_pointer (&task));
}

void
mp_session_set_display_name_async (MpSession           *self,
                                   const char          *display_name,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (MP_IS_SESSION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp_session_set_display_name_async);

  if ((reason = mp_service_check_display_name (display_name)) != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "%s", reason);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "displayName");
  json_builder_add_string_value (builder, display_name);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  path = build_service_path (self, "");
  mp_ovh_client_call_async (self->client, "PUT", path, body, MP_OVH_CALL_DEFAULT,
                            cancellable, set_display_name_put_cb, g_steal_pointer (&task));
}

gboolean
mp_session_set_display_name_finish (MpSession     *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (MP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mp_session_set_display_name_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
