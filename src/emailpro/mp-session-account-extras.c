/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-session-account-extras.c: the account operations beyond configure and password —
 * aliases, reset, ordering more mailboxes, and the provider's diagnosis of one mailbox. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "api/mp-ovh-error.h"
#include "emailpro/mp-json.h"
#include "emailpro/mp-session-accounts-private.h"
#include "emailpro/mp-session-domains-private.h"
#include "rules/mp-account-rules.h"

static gboolean
return_if_failed (GTask  *task,
                  GError *error)
{
  if (error == NULL)
    return FALSE;
  g_task_return_error (task, error);
  g_object_unref (task);
  return TRUE;
}

/* A task-returning write: the answer is followed, then the account read back. */
static void
task_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;

  if (!mp_task_tracker_wait_finish (MP_TASK_TRACKER (object), result, &error))
    {
      return_if_failed (task, error);
      return;
    }
  mp_session_accounts_reread_then_finish (task);
}

static void
write_sent_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  g_autofree char *provider_message = NULL;
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;

  node = mp_ovh_client_call_finish_full (MP_OVH_CLIENT (object), result, NULL, &provider_message, &error);
  if (node == NULL)
    {
      return_if_failed (task, mp_session_accounts_add_provider_words (error, provider_message));
      return;
    }
  mp_session_accounts_wait_for_task (g_task_get_source_object (task), node, 0, task, task_done_cb);
}

static void
send_write (GTask      *task,
            const char *method,
            const char *sub_path,
            JsonNode   *body)
{
  MpSession *self = g_task_get_source_object (task);
  MpAccountOp *data = g_task_get_task_data (task);
  g_autofree char *path = mp_session_accounts_path (self, data->old_address, sub_path);

  mp_ovh_client_call_async (mp_session_get_client (self), method, path, body, MP_OVH_CALL_DEFAULT,
                            g_task_get_cancellable (task), write_sent_cb, task);
}

static gboolean
finish_boolean (MpSession     *self,
                GAsyncResult  *result,
                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- aliases ---------------------------------------------------------------------------- */

static int
compare_aliases (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return g_ascii_strcasecmp (mp_account_alias_get_alias ((MpAccountAlias *) a),
                             mp_account_alias_get_alias ((MpAccountAlias *) b));
}

static void
list_aliases_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MpAccountOp *data = g_task_get_task_data (task);
  g_autoptr(JsonArray) list = NULL;
  g_autoptr(GListStore) store = g_list_store_new (MP_TYPE_ACCOUNT_ALIAS);
  GError *error = NULL;

  list = mp_ovh_client_list_finish (MP_OVH_CLIENT (object), result, &error);
  if (list == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      g_autoptr(GError) item_error = NULL;
      g_autoptr(MpAccountAlias) alias = mp_account_alias_new_from_json (json_array_get_element (list, i),
                                                                        &item_error);

      if (alias != NULL)
        g_list_store_insert_sorted (store, alias, compare_aliases, NULL);
      else
        g_debug ("Alias %u skipped: %s", i, item_error->message);
    }
  mp_account_set_alias_count (data->account, g_list_model_get_n_items (G_LIST_MODEL (store)));
  g_task_return_pointer (task, g_steal_pointer (&store), g_object_unref);
}

void
mp_session_list_aliases_async (MpSession           *self,
                               MpAccount           *account,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;
  g_autofree char *path = NULL;

  g_return_if_fail (MP_IS_SESSION (self));
  g_return_if_fail (MP_IS_ACCOUNT (account));

  task = mp_session_accounts_new_op (self, account, mp_session_list_aliases_async,
                                     cancellable, callback, user_data);
  path = mp_session_accounts_path (self, mp_account_get_primary_email_address (account), "/alias");
  mp_ovh_client_list_async (mp_session_get_client (self), path, cancellable, list_aliases_cb, task);
}

GListModel *
mp_session_list_aliases_finish (MpSession     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static char *
check_alias (MpSession  *self,
             MpAccount  *account,
             const char *alias)
{
  g_auto(GStrv) domains = NULL;
  const char *at;
  char *reason;

  if ((reason = mp_account_rules_address_error (alias)) != NULL)
    return reason;

  at = strrchr (alias, '@');
  domains = mp_session_dup_address_domains (self);
  if (domains[0] != NULL && !g_strv_contains ((const char * const *) domains, at + 1))
    return g_strdup_printf (_("The domain %s cannot be used for addresses yet. Choose a domain whose set-up is finished."),
                            at + 1);
  return NULL;
}

static void
aliases_recounted_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GListModel) aliases = NULL;
  GError *error = NULL;

  aliases = mp_session_list_aliases_finish (MP_SESSION (object), result, &error);
  if (aliases == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
alias_changed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  MpAccountOp *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!mp_task_tracker_wait_finish (MP_TASK_TRACKER (object), result, &error))
    {
      return_if_failed (task, error);
      return;
    }
  /* The count shown in the list follows what the provider now holds. */
  mp_session_list_aliases_async (g_task_get_source_object (task), data->account,
                                 g_task_get_cancellable (task), aliases_recounted_cb, task);
}

static void
alias_sent_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GTask *task = user_data;
  g_autofree char *provider_message = NULL;
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;

  node = mp_ovh_client_call_finish_full (MP_OVH_CLIENT (object), result, NULL, &provider_message, &error);
  if (node == NULL)
    {
      return_if_failed (task, mp_session_accounts_add_provider_words (error, provider_message));
      return;
    }
  mp_session_accounts_wait_for_task (g_task_get_source_object (task), node, 0, task, alias_changed_cb);
}

void
mp_session_add_alias_async (MpSession           *self,
                            MpAccount           *account,
                            const char          *alias,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *path = NULL;

  g_return_if_fail (MP_IS_SESSION (self));
  g_return_if_fail (MP_IS_ACCOUNT (account));

  task = mp_session_accounts_new_op (self, account, mp_session_add_alias_async,
                                     cancellable, callback, user_data);
  if (mp_session_accounts_return_if_invalid (task, check_alias (self, account, alias)))
    return;
  if (mp_account_get_alias_count (account) >= MP_ACCOUNT_MAX_ALIASES)
    {
      g_task_return_new_error (task, MP_ACCOUNT_ERROR, MP_ACCOUNT_ERROR_TOO_MANY_ALIASES,
                               g_dngettext (GETTEXT_PACKAGE,
                                            "This address already has %d alias, the most a mailbox can have. Remove one before adding another.",
                                            "This address already has %d aliases, the most a mailbox can have. Remove one before adding another.",
                                            MP_ACCOUNT_MAX_ALIASES),
                               MP_ACCOUNT_MAX_ALIASES);
      return;
    }

  json_object_set_string_member (object, "alias", alias);
  json_node_set_object (body, object);
  path = mp_session_accounts_path (self, mp_account_get_primary_email_address (account), "/alias");
  mp_ovh_client_call_async (mp_session_get_client (self), "POST", path, body, MP_OVH_CALL_DEFAULT,
                            cancellable, alias_sent_cb, g_steal_pointer (&task));
}

gboolean
mp_session_add_alias_finish (MpSession     *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return finish_boolean (self, result, error);
}

void
mp_session_remove_alias_async (MpSession           *self,
                               MpAccount           *account,
                               const char          *alias,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;
  g_autofree char *escaped = NULL;
  g_autofree char *sub_path = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (MP_IS_SESSION (self));
  g_return_if_fail (MP_IS_ACCOUNT (account));
  g_return_if_fail (alias != NULL);

  task = mp_session_accounts_new_op (self, account, mp_session_remove_alias_async,
                                     cancellable, callback, user_data);
  escaped = mp_ovh_client_escape_segment (alias);
  sub_path = g_strconcat ("/alias/", escaped, NULL);
  path = mp_session_accounts_path (self, mp_account_get_primary_email_address (account), sub_path);
  mp_ovh_client_call_async (mp_session_get_client (self), "DELETE", path, NULL, MP_OVH_CALL_DEFAULT,
                            cancellable, alias_sent_cb, task);
}

gboolean
mp_session_remove_alias_finish (MpSession     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return finish_boolean (self, result, error);
}

/* ---- reset ------------------------------------------------------------------------------ */

void
mp_session_reset_account_async (MpSession           *self,
                                MpAccount           *account,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (MP_IS_SESSION (self));
  g_return_if_fail (MP_IS_ACCOUNT (account));

  send_write (mp_session_accounts_new_op (self, account, mp_session_reset_account_async,
                                          cancellable, callback, user_data),
              "DELETE", "", NULL);
}

gboolean
mp_session_reset_account_finish (MpSession     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return finish_boolean (self, result, error);
}

/* ---- order ------------------------------------------------------------------------------ */

static char *
order_path (MpSession  *self,
            const char *duration)
{
  g_autofree char *service = mp_ovh_client_escape_segment (mp_service_get_name (mp_session_get_service (self)));
  g_autofree char *escaped = duration ? mp_ovh_client_escape_segment (duration) : NULL;

  return g_strconcat ("/order/email/pro/", service, "/account", escaped ? "/" : "", escaped ? escaped : "", NULL);
}

static char *
check_number (guint number)
{
  if (number >= MP_ACCOUNT_ORDER_MIN_NUMBER && number <= MP_ACCOUNT_ORDER_MAX_NUMBER)
    return NULL;
  return g_strdup_printf (_("Order between %d and %d addresses at a time."),
                          MP_ACCOUNT_ORDER_MIN_NUMBER, MP_ACCOUNT_ORDER_MAX_NUMBER);
}

static void
durations_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GError *error = NULL;

  node = mp_ovh_client_call_finish (MP_OVH_CLIENT (object), result, &error);
  if (node == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_task_return_new_error (task, MP_OVH_ERROR, MP_OVH_ERROR_MALFORMED, "%s",
                               _("The provider’s answer could not be understood. Try again later."));
      return;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (node), i);

      if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (element));
    }
  g_task_return_pointer (task, g_strv_builder_end (builder), (GDestroyNotify) g_strfreev);
}

void
mp_session_list_order_durations_async (MpSession           *self,
                                       guint                number,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  g_autofree char *query = NULL;

  g_return_if_fail (MP_IS_SESSION (self));

  task = mp_session_accounts_new_op (self, NULL, mp_session_list_order_durations_async,
                                     cancellable, callback, user_data);
  if (mp_session_accounts_return_if_invalid (task, check_number (number)))
    return;

  path = order_path (self, NULL);
  query = g_strdup_printf ("%s?number=%u", path, number);
  mp_ovh_client_call_async (mp_session_get_client (self), "GET", query, NULL, MP_OVH_CALL_DEFAULT,
                            cancellable, durations_cb, g_steal_pointer (&task));
}

char **
mp_session_list_order_durations_finish (MpSession     *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
order_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autofree char *provider_message = NULL;
  g_autoptr(JsonNode) node = NULL;
  MpAccountOrder *order;
  GError *error = NULL;

  node = mp_ovh_client_call_finish_full (MP_OVH_CLIENT (object), result, NULL, &provider_message, &error);
  if (node == NULL)
    {
      g_task_return_error (task, mp_session_accounts_add_provider_words (error, provider_message));
      return;
    }
  if ((order = mp_account_order_new_from_json (node, &error)) == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, order, (GDestroyNotify) mp_account_order_free);
}

void
mp_session_order_accounts_async (MpSession           *self,
                                 const char          *duration,
                                 guint                number,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *path = NULL;

  g_return_if_fail (MP_IS_SESSION (self));
  g_return_if_fail (duration != NULL);

  task = mp_session_accounts_new_op (self, NULL, mp_session_order_accounts_async,
                                     cancellable, callback, user_data);
  if (mp_session_accounts_return_if_invalid (task, check_number (number)))
    return;

  json_object_set_int_member (object, "number", number);
  json_node_set_object (body, object);
  path = order_path (self, duration);
  mp_ovh_client_call_async (mp_session_get_client (self), "POST", path, body, MP_OVH_CALL_DEFAULT,
                            cancellable, order_cb, g_steal_pointer (&task));
}

MpAccountOrder *
mp_session_order_accounts_finish (MpSession     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- diagnosis -------------------------------------------------------------------------- */

static void
diagnosis_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MpAccountOp *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  MpAccountDiagnosis *diagnosis;
  GError *error = NULL;

  node = mp_ovh_client_call_finish (MP_OVH_CLIENT (object), result, &error);
  if (node == NULL || (diagnosis = mp_account_diagnosis_new_from_json (node, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  mp_account_set_locked (data->account, mp_account_diagnosis_get_is_locked (diagnosis));
  g_task_return_pointer (task, diagnosis, g_object_unref);
}

static void
diagnosis_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  MpSession *self = g_task_get_source_object (task);
  MpAccountOp *data = g_task_get_task_data (task);
  g_autofree char *path = NULL;
  GError *error = NULL;

  if (!mp_task_tracker_wait_finish (MP_TASK_TRACKER (object), result, &error))
    {
      return_if_failed (task, error);
      return;
    }
  path = mp_session_accounts_path (self, data->old_address, "/diagnostics");
  mp_ovh_client_call_async (mp_session_get_client (self), "GET", path, NULL, MP_OVH_CALL_NO_CACHE,
                            g_task_get_cancellable (task), diagnosis_read_cb, task);
}

static void
diagnosis_sent_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  MpAccountOp *data = g_task_get_task_data (task);
  g_autofree char *provider_message = NULL;
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;

  g_clear_pointer (&data->password, g_free);
  node = mp_ovh_client_call_finish_full (MP_OVH_CLIENT (object), result, NULL, &provider_message, &error);
  if (node == NULL)
    {
      return_if_failed (task, mp_session_accounts_add_provider_words (error, provider_message));
      return;
    }
  mp_session_accounts_wait_for_task (g_task_get_source_object (task), node, 0, task, diagnosis_done_cb);
}

void
mp_session_diagnose_account_async (MpSession           *self,
                                   MpAccount           *account,
                                   const char          *password,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (MP_IS_SESSION (self));
  g_return_if_fail (MP_IS_ACCOUNT (account));

  task = mp_session_accounts_new_op (self, account, mp_session_diagnose_account_async,
                                     cancellable, callback, user_data);
  if (password == NULL || *password == '\0')
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "%s",
                               _("Enter the password of this address: the check signs in with it."));
      return;
    }

  body = mp_session_accounts_password_body (password);
  path = mp_session_accounts_path (self, mp_account_get_primary_email_address (account), "/diagnostics");
  mp_ovh_client_call_async (mp_session_get_client (self), "POST", path, body, MP_OVH_CALL_DEFAULT,
                            cancellable, diagnosis_sent_cb, g_steal_pointer (&task));
}

MpAccountDiagnosis *
mp_session_diagnose_account_finish (MpSession     *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
