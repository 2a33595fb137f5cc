/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-session-accounts.c: the session's mailboxes — one GListStore of MpAccount updated in
 * place by every listing, the overview's counts, and what tasks on accounts trigger. */
#include "config.h"

#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <glib/gi18n-lib.h>

#include "emailpro/mp-json.h"
#include "emailpro/mp-session-accounts-private.h"
#include "emailpro/mp-session-domains-private.h"

typedef struct
{
  GListStore   *store;        /* MpAccount, in the provider's order */
  GHashTable   *by_id;        /* id → MpAccount (borrowed from the store) */
  GHashTable   *claimed;      /* task ids followed by an operation */
  GCancellable *cancellable;  /* reloads started by finished tasks */
} MpSessionAccounts;

static GQuark
accounts_quark (void)
{
  return g_quark_from_static_string ("mp-session-accounts");
}

static void
accounts_free (gpointer data)
{
  MpSessionAccounts *accounts = data;

  g_cancellable_cancel (accounts->cancellable);
  g_clear_object (&accounts->cancellable);
  g_clear_pointer (&accounts->by_id, g_hash_table_unref);
  g_clear_pointer (&accounts->claimed, g_hash_table_unref);
  g_clear_object (&accounts->store);
  g_free (accounts);
}

static void
reload_after_task_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!mp_session_refresh_accounts_finish (MP_SESSION (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Reloading the accounts after a task failed: %s", error->message);
}

static MpSessionAccounts *get_accounts (MpSession *self);

/* A task on an account that no operation of ours waits for (found by a refresh, or started
 * elsewhere) changed something: reload the list so the page shows it. */
static void
task_finished_cb (MpTaskTracker *tracker,
                  MpTask        *task,
                  MpSession     *self)
{
  static const char * const account_functions[] = {
    "addAccount", "setAccount", "deleteAccount", "changePassword", "addAlias", "deleteAlias",
    "suspendAccount", "unsuspendAccount", "reOpenAccount", NULL
  };
  MpSessionAccounts *accounts = get_accounts (self);

  if (g_hash_table_remove (accounts->claimed, &(gint64) { mp_task_get_id (task) }))
    return;
  if (g_strv_contains (account_functions, mp_task_get_function (task)))
    mp_session_refresh_accounts_async (self, accounts->cancellable, reload_after_task_cb, NULL);
}

static MpSessionAccounts *
get_accounts (MpSession *self)
{
  MpSessionAccounts *accounts = g_object_get_qdata (G_OBJECT (self), accounts_quark ());

  if (accounts != NULL)
    return accounts;

  accounts = g_new0 (MpSessionAccounts, 1);
  accounts->store = g_list_store_new (MP_TYPE_ACCOUNT);
  accounts->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  accounts->claimed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  accounts->cancellable = g_cancellable_new ();
  g_object_set_qdata_full (G_OBJECT (self), accounts_quark (), accounts, accounts_free);

  g_signal_connect_object (mp_session_get_task_tracker (self), "task-finished",
                           G_CALLBACK (task_finished_cb), self, G_CONNECT_DEFAULT);
  return accounts;
}

void
mp_session_accounts_claim_task (MpSession *self,
                                gint64     task_id)
{
  g_hash_table_add (get_accounts (self)->claimed, g_memdup2 (&task_id, sizeof task_id));
}

GListModel *
mp_session_get_accounts (MpSession *self)
{
  g_return_val_if_fail (MP_IS_SESSION (self), NULL);
  return G_LIST_MODEL (get_accounts (self)->store);
}

MpAccount *
mp_session_find_account (MpSession  *self,
                         const char *address)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (MP_IS_SESSION (self), NULL);
  g_return_val_if_fail (address != NULL, NULL);

  model = mp_session_get_accounts (self);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpAccount) account = g_list_model_get_item (model, i);

      if (g_ascii_strcasecmp (mp_account_get_primary_email_address (account), address) == 0)
        return account;
    }
  return NULL;
}

MpAccount *
mp_session_find_free_placeholder (MpSession *self)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (MP_IS_SESSION (self), NULL);

  model = mp_session_get_accounts (self);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpAccount) account = g_list_model_get_item (model, i);

      if (mp_account_get_status (account) == MP_ACCOUNT_STATUS_PLACEHOLDER)
        return account;
    }
  return NULL;
}

char **
mp_session_dup_address_domains (MpSession *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GListModel *domains;
  guint n;

  g_return_val_if_fail (MP_IS_SESSION (self), NULL);

  /* The domain store is already sorted by name. */
  domains = mp_session_get_domains (self);
  n = g_list_model_get_n_items (domains);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpDomain) domain = g_list_model_get_item (domains, i);

      if (mp_domain_get_domain_validated (domain) &&
          mp_domain_get_state (domain) == MP_OBJECT_STATE_OK)
        g_strv_builder_add (builder, mp_domain_get_name (domain));
    }
  return g_strv_builder_end (builder);
}

static void
follow_pending_task (MpSession *self,
                     MpAccount *account)
{
  gint64 task_id = mp_account_get_task_pending_id (account);

  if (task_id > 0)
    mp_task_tracker_follow_id (mp_session_get_task_tracker (self), task_id);
}

/* ---- alias counts ------------------------------------------------------------------------ */

static void
alias_count_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(MpAccount) account = user_data;
  g_autoptr(JsonArray) aliases = NULL;
  g_autoptr(GError) error = NULL;

  aliases = mp_ovh_client_list_finish (MP_OVH_CLIENT (object), result, &error);
  if (aliases != NULL)
    mp_account_set_alias_count (account, json_array_get_length (aliases));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Alias count of %s unknown: %s", mp_account_get_primary_email_address (account),
             error->message);
}

static void
load_alias_counts (MpSession *self,
                   guint      n_configured)
{
  MpSessionAccounts *accounts = get_accounts (self);
  GListModel *model = G_LIST_MODEL (accounts->store);
  guint n = g_list_model_get_n_items (model);

  if (n_configured > MP_SESSION_ALIAS_COUNT_LIMIT)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpAccount) account = g_list_model_get_item (model, i);
      g_autofree char *escaped = NULL;
      g_autofree char *sub_path = NULL;
      g_autofree char *path = NULL;

      if (mp_account_get_is_placeholder (account))
        {
          mp_account_set_alias_count (account, 0);
          continue;
        }
      escaped = mp_ovh_client_escape_segment (mp_account_get_primary_email_address (account));
      sub_path = g_strconcat ("/account/", escaped, "/alias", NULL);
      path = mp_session_domains_service_path (self, sub_path);
      mp_ovh_client_list_async (mp_session_get_client (self), path, accounts->cancellable,
                                alias_count_cb, g_object_ref (account));
    }
}

/* ---- applying answers ------------------------------------------------------------------- */

void
mp_session_accounts_apply_one (MpSession *self,
                               JsonNode  *node)
{
  MpSessionAccounts *accounts = get_accounts (self);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  MpAccount *account;

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    id = mp_json_get_int (json_node_get_object (node), "id", 0);

  account = g_hash_table_lookup (accounts->by_id, &id);
  if (account == NULL)
    return;
  if (!mp_account_update_from_json (account, node, &error))
    g_debug ("Account answer not applied: %s", error->message);
}

/* A listing being read, page by page: the accounts it holds so far, in order.  Nothing of
 * the store changes until it is committed, only accounts already known are updated in place. */
typedef struct
{
  MpSession  *session;
  GPtrArray  *items;
  GHashTable *by_id;       /* id → MpAccount (borrowed from items) */
  guint       configured;
} AccountsUpdate;

/* Past this many accounts a listing's parse leaves enough freed heap to hand back at once. */
#define TRIM_AFTER_ACCOUNTS 1000

static AccountsUpdate *
accounts_update_new (MpSession *self)
{
  AccountsUpdate *update = g_new0 (AccountsUpdate, 1);

  update->session = g_object_ref (self);
  update->items = g_ptr_array_new_with_free_func (g_object_unref);
  update->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  return update;
}

static void
accounts_update_free (AccountsUpdate *update)
{
  g_clear_object (&update->session);
  g_clear_pointer (&update->items, g_ptr_array_unref);
  g_clear_pointer (&update->by_id, g_hash_table_unref);
  g_free (update);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccountsUpdate, accounts_update_free)

static void
accounts_update_add (JsonArray *list,
                     gpointer   user_data)
{
  AccountsUpdate *update = user_data;
  MpSession *self = update->session;
  MpSessionAccounts *accounts = get_accounts (self);
  guint n_new = json_array_get_length (list);

  for (guint i = 0; i < n_new; i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      g_autoptr(GError) error = NULL;
      MpAccount *account = NULL;
      gint64 id = 0;

      if (JSON_NODE_HOLDS_OBJECT (node))
        id = mp_json_get_int (json_node_get_object (node), "id", 0);

      if ((account = g_hash_table_lookup (accounts->by_id, &id)) != NULL &&
          g_hash_table_lookup (update->by_id, &id) == NULL &&
          mp_account_update_from_json (account, node, &error))
        g_object_ref (account);
      else if ((account = mp_account_new_from_json (node, &error)) == NULL)
        {
          g_debug ("Account %u of the listing skipped: %s", update->items->len + i, error->message);
          continue;
        }

      g_ptr_array_add (update->items, account);
      g_hash_table_insert (update->by_id, g_memdup2 (&id, sizeof id), account);
      if (!mp_account_get_is_placeholder (account))
        update->configured++;
      follow_pending_task (self, account);
    }
}

static void
accounts_update_commit (AccountsUpdate *update)
{
  MpSession *self = update->session;
  MpSessionAccounts *accounts = get_accounts (self);
  GPtrArray *items = update->items;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (accounts->store));
  gboolean same_items;

  same_items = items->len == n_old;
  for (guint i = 0; same_items && i < n_old; i++)
    {
      g_autoptr(MpAccount) old = g_list_model_get_item (G_LIST_MODEL (accounts->store), i);

      same_items = old == g_ptr_array_index (items, i);
    }

  g_hash_table_unref (accounts->by_id);
  accounts->by_id = g_hash_table_ref (update->by_id);

  if (!same_items)
    g_list_store_splice (accounts->store, 0, n_old, items->pdata, items->len);

  mp_session_set_account_counts (self, items->len, update->configured);
  load_alias_counts (self, update->configured);
}

void
mp_session_accounts_apply_list (MpSession *self,
                                JsonArray *list)
{
  g_autoptr(AccountsUpdate) update = accounts_update_new (self);

  accounts_update_add (list, update);
  accounts_update_commit (update);
}

/* ---- what the account operations share --------------------------------------------- */

void
mp_session_accounts_wipe_string (char **text)
{
  if (*text != NULL)
    {
      memset (*text, 0, strlen (*text));
      g_clear_pointer (text, g_free);
    }
}

static void
mp_account_op_free (MpAccountOp *data)
{
  g_clear_object (&data->account);
  g_free (data->old_address);
  g_free (data->new_address);
  g_clear_pointer (&data->changes, json_node_unref);
  mp_session_accounts_wipe_string (&data->password);
  g_free (data->alias);
  g_free (data->duration);
  g_free (data);
}

GTask *
mp_session_accounts_new_op (MpSession           *self,
        MpAccount           *account,
        gpointer             source_tag,
        GCancellable        *cancellable,
        GAsyncReadyCallback  callback,
        gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  MpAccountOp *data = g_new0 (MpAccountOp, 1);

  g_task_set_source_tag (task, source_tag);
  if (account != NULL)
    {
      data->account = g_object_ref (account);
      data->old_address = g_strdup (mp_account_get_primary_email_address (account));
    }
  g_task_set_task_data (task, data, (GDestroyNotify) mp_account_op_free);
  return task;
}

char *
mp_session_accounts_path (MpSession  *self,
              const char *address,
              const char *sub_path)
{
  g_autofree char *escaped = mp_ovh_client_escape_segment (address);
  g_autofree char *account_sub_path = g_strconcat ("/account/", escaped, sub_path, NULL);

  return mp_session_domains_service_path (self, account_sub_path);
}

static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

JsonNode *
mp_session_accounts_password_body (const char *password)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "password", password);
  return object_node (object);
}

gboolean
mp_session_accounts_return_if_invalid (GTask *task,
                   char  *reason)
{
  if (reason == NULL)
    return FALSE;
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "%s", reason);
  g_free (reason);
  return TRUE;
}

/* Our sentence for the failure, followed by the provider's own words when it gave some. */
GError *
mp_session_accounts_add_provider_words (GError     *error,
                           const char *provider_message)
{
  if (provider_message != NULL && *provider_message != '\0')
    {
      /* TRANSLATORS: %s is the provider's own explanation, in English. */
      g_autofree char *words = g_strdup_printf (_("The provider said: “%s”."), provider_message);
      g_autofree char *message = g_strconcat (error->message, " ", words, NULL);

      g_free (error->message);
      error->message = g_steal_pointer (&message);
    }
  return error;
}

/* ---- following tasks -------------------------------------------------------------------- */

/* Follows the task the provider answered with, or the one now pending on the account; when
 * neither exists the change was carried out at once, and the callback runs at once. */
void
mp_session_accounts_wait_for_task (MpSession           *self,
               JsonNode            *task_json,
               gint64               task_id,
               GTask               *task,
               GAsyncReadyCallback  callback)
{
  MpTaskTracker *tracker = mp_session_get_task_tracker (self);
  g_autoptr(GError) error = NULL;

  if (task_json != NULL && JSON_NODE_HOLDS_OBJECT (task_json))
    {
      MpTask *followed = mp_task_tracker_follow_json (tracker, task_json, &error);

      if (followed == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          g_object_unref (task);
          return;
        }
      task_id = mp_task_get_id (followed);
    }

  if (task_id > 0)
    {
      mp_task_tracker_follow_id (tracker, task_id);
      mp_session_accounts_claim_task (self, task_id);
    }
  mp_task_tracker_wait_async (tracker, task_id, g_task_get_cancellable (task), callback, task);
}

/* The account as the provider now holds it, found by id (its address may have changed):
 * GET …/account?id=N.  Updates the item in place. */
static void
reread_account_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MpSession *self = g_task_get_source_object (task);
  MpAccountOp *data = g_task_get_task_data (task);
  g_autoptr(JsonArray) list = NULL;
  GError *error = NULL;

  list = mp_ovh_client_list_finish (MP_OVH_CLIENT (object), result, &error);
  if (list == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);

      if (JSON_NODE_HOLDS_OBJECT (node) &&
          mp_json_get_int (json_node_get_object (node), "id", 0) == mp_account_get_id (data->account))
        {
          if (!mp_account_update_from_json (data->account, node, &error))
            {
              g_task_return_error (task, error);
              return;
            }
          mp_session_accounts_apply_one (self, node);
          break;
        }
    }
  g_task_return_boolean (task, TRUE);
}

void
mp_session_accounts_reread (MpSession           *self,
                MpAccount           *account,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_autoptr(GTask) task = mp_session_accounts_new_op (self, account, mp_session_accounts_reread, cancellable, callback, user_data);
  g_autofree char *query = g_strdup_printf ("/account?id=%" G_GINT64_FORMAT, mp_account_get_id (account));
  g_autofree char *path = mp_session_domains_service_path (self, query);

  mp_ovh_client_list_async (mp_session_get_client (self), path, cancellable,
                            reread_account_cb, g_steal_pointer (&task));
}

/* The last step of most operations: read the account back, then finish. */
static void
finish_after_reread_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
mp_session_accounts_reread_then_finish (GTask *task)
{
  MpSession *self = g_task_get_source_object (task);
  MpAccountOp *data = g_task_get_task_data (task);

  mp_session_accounts_reread (self, data->account, g_task_get_cancellable (task),
                  finish_after_reread_cb, task);
}

/* ---- refresh ---------------------------------------------------------------------------- */

static void
refresh_accounts_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AccountsUpdate *update = g_task_get_task_data (task);
  GError *error = NULL;

  if (!mp_ovh_client_list_pages_finish (MP_OVH_CLIENT (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  accounts_update_commit (update);
#ifdef __GLIBC__
  /* Every page's JSON is freed by now, but glibc keeps the freed pages among the live ones
   * (the accounts were allocated in between) until asked to hand them back. */
  if (update->items->len >= TRIM_AFTER_ACCOUNTS)
    malloc_trim (0);
#endif
  g_task_return_boolean (task, TRUE);
}

void
mp_session_refresh_accounts_async (MpSession           *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  AccountsUpdate *update;

  g_return_if_fail (MP_IS_SESSION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp_session_refresh_accounts_async);
  update = accounts_update_new (self);
  g_task_set_task_data (task, update, (GDestroyNotify) accounts_update_free);

  /* Page by page, so that the JSON of one page at most is alive while accounts are built:
   * 10,000 accounts parsed at once took some 70 MB, and the heap kept most of it. */
  path = mp_session_domains_service_path (self, "/account");
  mp_ovh_client_list_pages_async (mp_session_get_client (self), path, accounts_update_add, update,
                                  cancellable, refresh_accounts_cb, g_steal_pointer (&task));
}

gboolean
mp_session_refresh_accounts_finish (MpSession     *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (MP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
