/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-session-domain-ops.c: attaching, changing and removing a domain.
 *
 * Each write is checked locally first, then sent; a refusal of the provider becomes an
 * MP_DOMAIN_ERROR the pages can recognise, with the provider's own words kept after our
 * sentence.  Each finishes once the provider accepted the task and the domain list shows it. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "api/mp-ovh-error.h"
#include "emailpro/mp-session-domains-private.h"
#include "rules/mp-domain-rules.h"

typedef enum
{
  OPERATION_ADD,
  OPERATION_SET,
  OPERATION_REMOVE,
} Operation;

typedef struct
{
  Operation  operation;
  char      *name;          /* ASCII */
  MpTask    *task;
} OpData;

static void
op_data_free (OpData *data)
{
  g_free (data->name);
  g_clear_object (&data->task);
  g_free (data);
}

static gboolean
contains (const char *haystack,
          const char *needle)
{
  return haystack != NULL && strstr (haystack, needle) != NULL;
}

static GError *
already_attached_error (const char *name)
{
  g_autofree char *unicode = mp_domain_rules_to_unicode (name);

  return g_error_new (MP_DOMAIN_ERROR, MP_DOMAIN_ERROR_ALREADY_ATTACHED,
                      _("%s is already attached to this service. Choose it in the list of domains instead of adding it again."),
                      unicode);
}

/* The provider's refusal, as one of ours.  Only refusals are classified: a network, key or
 * server failure keeps its MP_OVH_ERROR, which already says what to do. */
static GError *
classify_refusal (Operation     operation,
                  const char   *name,
                  GError       *error,
                  const char   *provider_message)
{
  g_autofree char *lower = provider_message != NULL ? g_utf8_strdown (provider_message, -1) : NULL;
  g_autofree char *unicode = mp_domain_rules_to_unicode (name);
  GError *mapped = NULL;

  if (error->domain != MP_OVH_ERROR)
    return error;

  switch (error->code)
    {
    case MP_OVH_ERROR_BAD_REQUEST:
    case MP_OVH_ERROR_CONFLICT:
    case MP_OVH_ERROR_FAILED:
      break;
    case MP_OVH_ERROR_NOT_FOUND:
      if (operation != OPERATION_ADD)
        mapped = g_error_new (MP_DOMAIN_ERROR, MP_DOMAIN_ERROR_NOT_ATTACHED,
                              _("%s is no longer attached to this service. Reload the list to see the current domains."),
                              unicode);
      break;
    default:
      return error;
    }

  if (mapped == NULL && operation != OPERATION_REMOVE &&
      (contains (lower, "authoritative domain detected") ||
       (contains (lower, "authoritative") &&
        (contains (lower, "another") || contains (lower, "other platform") || contains (lower, "already")))))
    {
      if (provider_message != NULL)
        mapped = g_error_new (MP_DOMAIN_ERROR, MP_DOMAIN_ERROR_AUTHORITATIVE_ELSEWHERE,
                              /* Translators: the second %s is the provider's own message, untranslated */
                              _("%s is set up as authoritative on another of the provider's e-mail platforms, so both would claim every address of the domain. Add it here as non-authoritative, and switch the other platform to non-authoritative too. The provider said: “%s”"),
                              unicode, provider_message);
      else
        mapped = g_error_new (MP_DOMAIN_ERROR, MP_DOMAIN_ERROR_AUTHORITATIVE_ELSEWHERE,
                              _("%s is set up as authoritative on another of the provider's e-mail platforms, so both would claim every address of the domain. Add it here as non-authoritative, and switch the other platform to non-authoritative too."),
                              unicode);
    }
  else if (mapped == NULL && operation == OPERATION_ADD &&
           (error->code == MP_OVH_ERROR_CONFLICT || contains (lower, "already")))
    mapped = already_attached_error (name);
  else if (mapped == NULL && operation == OPERATION_REMOVE && contains (lower, "account"))
    mapped = g_error_new (MP_DOMAIN_ERROR, MP_DOMAIN_ERROR_HAS_ACCOUNTS,
                          _("Accounts still use %s. Move them to another domain or delete them first, then remove the domain."),
                          unicode);
  else if (mapped == NULL && operation == OPERATION_ADD &&
           (contains (lower, "invalid") || contains (lower, "not valid")))
    mapped = g_error_new (MP_DOMAIN_ERROR, MP_DOMAIN_ERROR_INVALID_NAME,
                          _("The provider does not accept “%s” as a domain name. Check the spelling and try again."),
                          unicode);
  else if (mapped == NULL && provider_message != NULL)
    mapped = g_error_new (MP_DOMAIN_ERROR, MP_DOMAIN_ERROR_REFUSED,
                          /* Translators: %s is the provider's own message, untranslated */
                          _("The provider refused this change. Check your choices and try again. The provider said: “%s”"),
                          provider_message);
  else if (mapped == NULL)
    mapped = g_error_new_literal (MP_DOMAIN_ERROR, MP_DOMAIN_ERROR_REFUSED,
                                  _("The provider refused this change without giving a reason. Check your choices and try again."));

  g_error_free (error);
  return mapped;
}

static GError *
busy_error (const char *name)
{
  g_autofree char *unicode = mp_domain_rules_to_unicode (name);

  return g_error_new (MP_DOMAIN_ERROR, MP_DOMAIN_ERROR_BUSY,
                      _("A change to %s is still being carried out. Wait until it is finished, then try again."),
                      unicode);
}

static GError *
not_attached_error (const char *name)
{
  g_autofree char *unicode = mp_domain_rules_to_unicode (name);

  return g_error_new (MP_DOMAIN_ERROR, MP_DOMAIN_ERROR_NOT_ATTACHED,
                      _("%s is not attached to this service. Reload the list to see the current domains."),
                      unicode);
}

/* The last step of every write: the list shows the task before the operation finishes. */
static void
op_refreshed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* The change is accepted whatever the reload says; a failed reload is retried by the next. */
  if (!mp_session_refresh_domains_finish (MP_SESSION (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Reloading the domains after a change failed: %s", error->message);

  g_task_return_pointer (task, data->task != NULL ? g_object_ref (data->task) : NULL,
                         g_object_unref);
}

static void
op_accepted (GTask *task)
{
  MpSession *self = g_task_get_source_object (task);

  mp_session_refresh_domains_async (self, g_task_get_cancellable (task),
                                    op_refreshed_cb, task);
}

/* POST and DELETE answer the task itself. */
static void
op_task_answer_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MpSession *self = g_task_get_source_object (task);
  OpData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *provider_message = NULL;
  GError *error = NULL;
  MpTask *followed;

  node = mp_ovh_client_call_finish_full (MP_OVH_CLIENT (object), result, NULL,
                                         &provider_message, &error);
  if (node == NULL)
    {
      g_task_return_error (task, classify_refusal (data->operation, data->name, error,
                                                   provider_message));
      return;
    }

  followed = mp_task_tracker_follow_json (mp_session_get_task_tracker (self), node, &error);
  if (followed == NULL)
    {
      /* Accepted, but we cannot follow it: the next refresh will show what happened. */
      g_debug ("The answer to a domain change is no task: %s", error->message);
      g_clear_error (&error);
    }
  else
    data->task = g_object_ref (followed);

  op_accepted (g_steal_pointer (&task));
}

static MpTask *
op_finish (MpSession     *self,
           GAsyncResult  *result,
           gpointer       source_tag,
           GError       **error)
{
  g_return_val_if_fail (MP_IS_SESSION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static GTask *
op_task_new (MpSession           *self,
             Operation            operation,
             gpointer             source_tag,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  OpData *data = g_new0 (OpData, 1);

  g_task_set_source_tag (task, source_tag);
  data->operation = operation;
  g_task_set_task_data (task, data, (GDestroyNotify) op_data_free);
  return task;
}

static char *
service_hostname (MpSession *self)
{
  return g_strdup (mp_service_get_hostname (mp_session_get_service (self)));
}


/* Add */

void
mp_session_add_domain_async (MpSession                *self,
                             const MpDomainAddOptions *options,
                             GCancellable             *cancellable,
                             GAsyncReadyCallback       callback,
                             gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(MpDomainAddOptions) sent = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *path = NULL;
  OpData *data;

  g_return_if_fail (MP_IS_SESSION (self));
  g_return_if_fail (options != NULL);
  g_return_if_fail (options->type == MP_DOMAIN_TYPE_AUTHORITATIVE ||
                    options->type == MP_DOMAIN_TYPE_NON_AUTHORITATIVE);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = op_task_new (self, OPERATION_ADD, mp_session_add_domain_async,
                      cancellable, callback, user_data);
  data = g_task_get_task_data (task);
  sent = mp_domain_add_options_copy (options);
  g_clear_pointer (&sent->name, g_free);
  g_clear_pointer (&sent->mx_relay, g_free);

  if ((reason = mp_domain_rules_check_name (options->name, &sent->name)) != NULL)
    {
      g_task_return_new_error (task, MP_DOMAIN_ERROR, MP_DOMAIN_ERROR_INVALID_NAME, "%s", reason);
      return;
    }
  data->name = g_strdup (sent->name);

  if (options->type == MP_DOMAIN_TYPE_NON_AUTHORITATIVE)
    {
      g_autofree char *own_host = service_hostname (self);

      if ((reason = mp_domain_rules_check_relay (options->mx_relay, own_host, &sent->mx_relay)) != NULL)
        {
          g_task_return_new_error (task, MP_DOMAIN_ERROR, MP_DOMAIN_ERROR_INVALID_RELAY, "%s", reason);
          return;
        }
    }

  if (mp_session_find_domain (self, sent->name) != NULL)
    {
      g_task_return_error (task, already_attached_error (sent->name));
      return;
    }

  body = mp_domain_add_options_to_json (sent);
  path = mp_session_domains_service_path (self, "/domain");
  mp_ovh_client_call_async (mp_session_get_client (self), "POST", path, body,
                            MP_OVH_CALL_DEFAULT, cancellable, op_task_answer_cb,
                            g_steal_pointer (&task));
}

MpTask *
mp_session_add_domain_finish (MpSession     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return op_finish (self, result, mp_session_add_domain_async, error);
}


/* Change mode: PUT answers nothing, the domain's taskPendingId names the task, which is read
 * once so that the caller gets it with its function and status, not only its id. */

static void
set_mode_task_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  OpData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  node = mp_ovh_client_call_finish (MP_OVH_CLIENT (object), result, &error);
  if (node == NULL || !mp_task_update_from_json (data->task, node, &error))
    g_debug ("Reading the task of %s failed; the tracker will: %s", data->name, error->message);

  op_accepted (g_steal_pointer (&task));
}

static void
set_mode_reread_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MpSession *self = g_task_get_source_object (task);
  OpData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;
  MpDomain *domain;

  node = mp_ovh_client_call_finish (MP_OVH_CLIENT (object), result, &error);
  if (node == NULL)
    {
      /* The change was accepted; only our view of it is late. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_debug ("Reading %s back after the change failed: %s", data->name, error->message);
    }
  else if ((domain = mp_session_find_domain (self, data->name)) != NULL &&
           mp_domain_update_from_json (domain, node, &error) &&
           mp_domain_get_task_pending_id (domain) > 0)
    {
      g_autofree char *sub_path = NULL;
      g_autofree char *path = NULL;

      data->task = g_object_ref (mp_task_tracker_follow_id (mp_session_get_task_tracker (self),
                                                            mp_domain_get_task_pending_id (domain)));
      sub_path = g_strdup_printf ("/task/%" G_GINT64_FORMAT, mp_task_get_id (data->task));
      path = mp_session_domains_service_path (self, sub_path);
      /* The task is stolen in the same call: take what is needed from it first. */
      cancellable = g_task_get_cancellable (task);
      mp_ovh_client_call_async (MP_OVH_CLIENT (object), "GET", path, NULL, MP_OVH_CALL_NO_CACHE,
                                cancellable, set_mode_task_cb, g_steal_pointer (&task));
      return;
    }

  op_accepted (g_steal_pointer (&task));
}

static void
set_mode_put_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MpSession *self = g_task_get_source_object (task);
  OpData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *provider_message = NULL;
  g_autofree char *path = NULL;
  GCancellable *cancellable;
  GError *error = NULL;

  node = mp_ovh_client_call_finish_full (MP_OVH_CLIENT (object), result, NULL,
                                         &provider_message, &error);
  if (node == NULL)
    {
      g_task_return_error (task, classify_refusal (OPERATION_SET, data->name, error,
                                                   provider_message));
      return;
    }

  path = mp_session_domains_domain_path (self, data->name);
  cancellable = g_task_get_cancellable (task);
  mp_ovh_client_call_async (MP_OVH_CLIENT (object), "GET", path, NULL, MP_OVH_CALL_NO_CACHE,
                            cancellable, set_mode_reread_cb, g_steal_pointer (&task));
}

void
mp_session_set_domain_mode_async (MpSession           *self,
                                  const char          *name,
                                  MpDomainType         type,
                                  const char          *mx_relay,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *relay = NULL;
  g_autofree char *path = NULL;
  MpDomain *domain;
  OpData *data;

  g_return_if_fail (MP_IS_SESSION (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (type == MP_DOMAIN_TYPE_AUTHORITATIVE || type == MP_DOMAIN_TYPE_NON_AUTHORITATIVE);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = op_task_new (self, OPERATION_SET, mp_session_set_domain_mode_async,
                      cancellable, callback, user_data);
  data = g_task_get_task_data (task);

  if ((domain = mp_session_find_domain (self, name)) == NULL)
    {
      g_task_return_error (task, not_attached_error (name));
      return;
    }
  data->name = g_strdup (mp_domain_get_name (domain));

  if (mp_domain_get_busy (domain))
    {
      g_task_return_error (task, busy_error (data->name));
      return;
    }

  if (type == MP_DOMAIN_TYPE_NON_AUTHORITATIVE)
    {
      g_autofree char *own_host = service_hostname (self);
      g_autofree char *reason = mp_domain_rules_check_relay (mx_relay, own_host, &relay);

      if (reason != NULL)
        {
          g_task_return_new_error (task, MP_DOMAIN_ERROR, MP_DOMAIN_ERROR_INVALID_RELAY, "%s", reason);
          return;
        }
    }

  /* As the provider's manager does: both writable fields, the relay cleared when authoritative. */
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, mp_domain_type_to_string (type));
  json_builder_set_member_name (builder, "mxRelay");
  if (relay != NULL)
    json_builder_add_string_value (builder, relay);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  path = mp_session_domains_domain_path (self, data->name);
  mp_ovh_client_call_async (mp_session_get_client (self), "PUT", path, body,
                            MP_OVH_CALL_DEFAULT, cancellable, set_mode_put_cb,
                            g_steal_pointer (&task));
}

MpTask *
mp_session_set_domain_mode_finish (MpSession     *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return op_finish (self, result, mp_session_set_domain_mode_async, error);
}


/* Remove */

void
mp_session_remove_domain_async (MpSession           *self,
                                const char          *name,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  MpDomain *domain;
  OpData *data;

  g_return_if_fail (MP_IS_SESSION (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = op_task_new (self, OPERATION_REMOVE, mp_session_remove_domain_async,
                      cancellable, callback, user_data);
  data = g_task_get_task_data (task);

  if ((domain = mp_session_find_domain (self, name)) == NULL)
    {
      g_task_return_error (task, not_attached_error (name));
      return;
    }
  data->name = g_strdup (mp_domain_get_name (domain));

  if (mp_domain_get_account_count (domain) > 0)
    {
      g_autofree char *reason = mp_domain_dup_remove_blocker (domain);

      g_task_return_new_error (task, MP_DOMAIN_ERROR, MP_DOMAIN_ERROR_HAS_ACCOUNTS, "%s", reason);
      return;
    }
  if (mp_domain_get_busy (domain))
    {
      g_task_return_error (task, busy_error (data->name));
      return;
    }

  path = mp_session_domains_domain_path (self, data->name);
  mp_ovh_client_call_async (mp_session_get_client (self), "DELETE", path, NULL,
                            MP_OVH_CALL_DEFAULT, cancellable, op_task_answer_cb,
                            g_steal_pointer (&task));
}

MpTask *
mp_session_remove_domain_finish (MpSession     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return op_finish (self, result, mp_session_remove_domain_async, error);
}
