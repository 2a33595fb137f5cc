/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-session-account-ops.c: the writes on mailboxes.  Each one checks its input with the
 * rules first, sends one request, follows the task the provider starts until it ends, and
 * reads the mailbox back so the store shows what the provider now holds.  Nothing is retried
 * blindly: a password is only sent once the rename before it is done. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "api/mp-ovh-error.h"
#include "emailpro/mp-json.h"
#include "emailpro/mp-session-accounts-private.h"
#include "emailpro/mp-session-domains-private.h"
#include "rules/mp-account-rules.h"

/* ---- password (shared by configure and change password) --------------------------------- */

static void password_sent_cb (GObject *object, GAsyncResult *result, gpointer user_data);
static void password_task_done_cb (GObject *object, GAsyncResult *result, gpointer user_data);

/* The error of a failed password step: what was applied before it is said first. */
static GError *
password_step_error (MpAccountOp *data,
                     GError *cause)
{
  GError *error;

  if (data->renamed)
    error = g_error_new (MP_ACCOUNT_ERROR, MP_ACCOUNT_ERROR_PASSWORD_NOT_SET,
                         /* TRANSLATORS: %s is an e-mail address, then the reason, a sentence. */
                         _("The address was renamed to %s, but the password was not set: %s"),
                         data->new_address, cause->message);
  else if (data->changes != NULL)
    error = g_error_new (MP_ACCOUNT_ERROR, MP_ACCOUNT_ERROR_PASSWORD_NOT_SET,
                         _("The names were saved, but the password was not set: %s"),
                         cause->message);
  else
    error = g_error_new (MP_ACCOUNT_ERROR, MP_ACCOUNT_ERROR_PASSWORD_NOT_SET,
                         _("The password was not set: %s"), cause->message);
  g_error_free (cause);
  return error;
}

static void
send_password (GTask *task)
{
  MpSession *self = g_task_get_source_object (task);
  MpAccountOp *data = g_task_get_task_data (task);
  g_autofree char *path = mp_session_accounts_path (self, mp_account_get_primary_email_address (data->account),
                                        "/changePassword");
  g_autoptr(JsonNode) body = mp_session_accounts_password_body (data->password);

  mp_ovh_client_call_async (mp_session_get_client (self), "POST", path, body, MP_OVH_CALL_DEFAULT,
                            g_task_get_cancellable (task), password_sent_cb, task);
}

static void
password_sent_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  MpAccountOp *data = g_task_get_task_data (task);
  g_autofree char *provider_message = NULL;
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;

  mp_session_accounts_wipe_string (&data->password);
  node = mp_ovh_client_call_finish_full (MP_OVH_CLIENT (object), result, NULL, &provider_message, &error);
  if (node == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, error);
      else
        g_task_return_error (task, password_step_error (data, mp_session_accounts_add_provider_words (error, provider_message)));
      g_object_unref (task);
      return;
    }
  mp_session_accounts_wait_for_task (g_task_get_source_object (task), node, 0, task, password_task_done_cb);
}

static void
password_task_done_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  GTask *task = user_data;
  MpAccountOp *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!mp_task_tracker_wait_finish (MP_TASK_TRACKER (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, error);
      else
        g_task_return_error (task, password_step_error (data, error));
      g_object_unref (task);
      return;
    }
  mp_session_accounts_reread_then_finish (task);
}

static MpPasswordContext
password_context (MpSession  *self,
                  const char *login,
                  const char *display_name)
{
  MpService *service = mp_session_get_service (self);
  MpPasswordContext context = {
    login, display_name, NULL,
    mp_service_get_min_password_length (service),
    mp_service_get_complexity_enabled (service),
  };

  return context;
}

/* ---- configure -------------------------------------------------------------------------- */

static void configure_put_cb (GObject *object, GAsyncResult *result, gpointer user_data);
static void configure_pending_cb (GObject *object, GAsyncResult *result, gpointer user_data);
static void configure_task_done_cb (GObject *object, GAsyncResult *result, gpointer user_data);
static void configure_reread_cb (GObject *object, GAsyncResult *result, gpointer user_data);

static GError *
not_applied_error (MpAccountOp *data,
                   GError *cause)
{
  GError *error = g_error_new (MP_ACCOUNT_ERROR, MP_ACCOUNT_ERROR_NOT_APPLIED,
                               /* TRANSLATORS: %s is an e-mail address, then the reason, a sentence. */
                               _("Nothing was changed on %s: %s"),
                               data->old_address, cause->message);

  g_error_free (cause);
  return error;
}

static void
set_if_changed (JsonObject *body,
                const char *member,
                const char *wanted,
                const char *current)
{
  if (wanted != NULL && g_strcmp0 (wanted, current) != 0)
    json_object_set_string_member (body, member, wanted);
}

static char *
check_settings (MpSession               *self,
                MpAccount               *account,
                const MpAccountSettings *settings)
{
  const char *login = settings->login ? settings->login : mp_account_get_login (account);
  const char *display_name = settings->display_name ? settings->display_name
                                                    : mp_account_get_display_name (account);
  char *reason;

  if (settings->login != NULL && (reason = mp_account_rules_login_error (settings->login)) != NULL)
    return reason;
  if (settings->domain != NULL &&
      g_strcmp0 (settings->domain, mp_account_get_domain (account)) != 0)
    {
      g_auto(GStrv) domains = mp_session_dup_address_domains (self);

      /* The domain list may not be loaded yet; the provider checks the domain then. */
      if (domains[0] != NULL && !g_strv_contains ((const char * const *) domains, settings->domain))
        /* TRANSLATORS: %s is a domain name. */
        return g_strdup_printf (_("The domain %s cannot be used for addresses yet. Choose a domain whose set-up is finished."),
                                settings->domain);
    }
  if ((reason = mp_account_rules_person_name_error (settings->first_name)) != NULL ||
      (reason = mp_account_rules_person_name_error (settings->last_name)) != NULL ||
      (reason = mp_account_rules_display_name_error (settings->display_name)) != NULL)
    return reason;
  if (settings->password != NULL && *settings->password != '\0')
    {
      MpPasswordContext context = password_context (self, login, display_name);

      return mp_account_rules_password_error (settings->password, &context);
    }
  return NULL;
}

void
mp_session_configure_account_async (MpSession               *self,
                                    MpAccount               *account,
                                    const MpAccountSettings *settings,
                                    GCancellable            *cancellable,
                                    GAsyncReadyCallback      callback,
                                    gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonObject) body = json_object_new ();
  MpAccountOp *data;

  g_return_if_fail (MP_IS_SESSION (self));
  g_return_if_fail (MP_IS_ACCOUNT (account));
  g_return_if_fail (settings != NULL);

  task = mp_session_accounts_new_op (self, account, mp_session_configure_account_async, cancellable, callback, user_data);
  data = g_task_get_task_data (task);
  if (mp_session_accounts_return_if_invalid (task, check_settings (self, account, settings)))
    return;

  set_if_changed (body, "login", settings->login, mp_account_get_login (account));
  set_if_changed (body, "domain", settings->domain, mp_account_get_domain (account));
  set_if_changed (body, "firstName", settings->first_name, mp_account_get_first_name (account));
  set_if_changed (body, "lastName", settings->last_name, mp_account_get_last_name (account));
  set_if_changed (body, "displayName", settings->display_name, mp_account_get_display_name (account));
  if (settings->hidden_from_gal >= 0 &&
      !!settings->hidden_from_gal != mp_account_get_hidden_from_gal (account))
    json_object_set_boolean_member (body, "hiddenFromGAL", !!settings->hidden_from_gal);

  data->new_address = g_strdup_printf ("%s@%s",
                                       settings->login ? settings->login : mp_account_get_login (account),
                                       settings->domain ? settings->domain : mp_account_get_domain (account));
  if (settings->password != NULL && *settings->password != '\0')
    data->password = g_strdup (settings->password);

  if (json_object_get_size (body) == 0)
    {
      if (data->password != NULL)
        send_password (g_steal_pointer (&task));
      else
        g_task_return_boolean (task, TRUE);
      return;
    }

  data->renamed = g_ascii_strcasecmp (data->new_address, data->old_address) != 0;
  data->changes = json_node_init_object (json_node_alloc (), body);
  {
    g_autofree char *path = mp_session_accounts_path (self, data->old_address, "");

    mp_ovh_client_call_async (mp_session_get_client (self), "PUT", path, data->changes,
                              MP_OVH_CALL_DEFAULT, cancellable, configure_put_cb,
                              g_steal_pointer (&task));
  }
}

static void
configure_put_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  MpSession *self = g_task_get_source_object (task);
  MpAccountOp *data = g_task_get_task_data (task);
  g_autofree char *provider_message = NULL;
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;

  node = mp_ovh_client_call_finish_full (MP_OVH_CLIENT (object), result, NULL, &provider_message, &error);
  if (node == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        error = not_applied_error (data, mp_session_accounts_add_provider_words (error, provider_message));
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  /* The PUT answers nothing: its setAccount task shows as the account's taskPendingId. */
  mp_session_accounts_reread (self, data->account, g_task_get_cancellable (task), configure_pending_cb, task);
}

static void
configure_pending_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GTask *task = user_data;
  MpAccountOp *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        error = not_applied_error (data, error);
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  /* No task pending: the provider applied the change at once, or the task is already done. */
  if (mp_account_get_task_pending_id (data->account) == 0)
    mp_session_accounts_reread (g_task_get_source_object (task), data->account, g_task_get_cancellable (task),
                    configure_reread_cb, task);
  else
    mp_session_accounts_wait_for_task (g_task_get_source_object (task), NULL,
                   mp_account_get_task_pending_id (data->account), task, configure_task_done_cb);
}

static void
configure_task_done_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  GTask *task = user_data;
  MpAccountOp *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!mp_task_tracker_wait_finish (MP_TASK_TRACKER (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        error = not_applied_error (data, error);
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  mp_session_accounts_reread (g_task_get_source_object (task), data->account, g_task_get_cancellable (task),
                  configure_reread_cb, task);
}

static void
configure_reread_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GTask *task = user_data;
  MpAccountOp *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, data->password != NULL ? password_step_error (data, error) : error);
      g_object_unref (task);
      return;
    }
  g_free (data->new_address);
  data->new_address = g_strdup (mp_account_get_primary_email_address (data->account));

  if (data->password != NULL)
    send_password (task);
  else
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
    }
}

gboolean
mp_session_configure_account_finish (MpSession     *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- change password -------------------------------------------------------------------- */

static void change_password_checked_cb (GObject *object, GAsyncResult *result, gpointer user_data);
static void change_password_waited_cb (GObject *object, GAsyncResult *result, gpointer user_data);

void
mp_session_change_password_async (MpSession           *self,
                                  MpAccount           *account,
                                  const char          *password,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  MpPasswordContext context;
  MpAccountOp *data;

  g_return_if_fail (MP_IS_SESSION (self));
  g_return_if_fail (MP_IS_ACCOUNT (account));

  task = mp_session_accounts_new_op (self, account, mp_session_change_password_async, cancellable, callback, user_data);
  context = password_context (self, mp_account_get_login (account), mp_account_get_display_name (account));
  if (mp_session_accounts_return_if_invalid (task, mp_account_rules_password_error (password, &context)))
    return;

  data = g_task_get_task_data (task);
  data->password = g_strdup (password);
  data->new_address = g_strdup (data->old_address);

  /* A change still running on the mailbox (a rename above all) would make the provider refuse
   * the password: find it first, and wait for it. */
  mp_session_accounts_reread (self, account, cancellable, change_password_checked_cb, g_steal_pointer (&task));
}

static void
change_password_checked_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  GTask *task = user_data;
  MpAccountOp *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  if (mp_account_get_task_pending_id (data->account) == 0)
    {
      send_password (task);
      return;
    }
  g_debug ("Waiting for task %" G_GINT64_FORMAT " before setting the password",
           mp_account_get_task_pending_id (data->account));
  mp_session_accounts_wait_for_task (g_task_get_source_object (task), NULL,
                 mp_account_get_task_pending_id (data->account), task, change_password_waited_cb);
}

static void
change_password_waited_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  GTask *task = user_data;
  MpAccountOp *data = g_task_get_task_data (task);
  GError *error = NULL;

  /* Whether the earlier change succeeded or not, it no longer blocks the password. */
  if (!mp_task_tracker_wait_finish (MP_TASK_TRACKER (object), result, &error) &&
      !g_error_matches (error, MP_TASK_ERROR, MP_TASK_ERROR_FAILED) &&
      !g_error_matches (error, MP_TASK_ERROR, MP_TASK_ERROR_CANCELLED))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  g_clear_error (&error);
  mp_session_accounts_reread (g_task_get_source_object (task), data->account, g_task_get_cancellable (task),
                  change_password_checked_cb, task);
}

gboolean
mp_session_change_password_finish (MpSession     *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
