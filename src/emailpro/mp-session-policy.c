/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-session-policy.c: the service's security policy, message sizes and spam and virus
 * settings — read fresh from the provider, written back with only what changed. */
#include "config.h"

#include <string.h>

#include "emailpro/mp-json.h"
#include "emailpro/mp-session.h"
#include "emailpro/mp-session-domains-private.h"

/* The members of email.pro.Service that MpServicePolicy holds, by offset, so that parsing and
 * the "only what changed" body are written once. */
typedef struct
{
  const char *member;
  gsize       offset;
  gboolean    lockout;   /* sent only with a threshold */
} NumberField;

static const NumberField number_fields[] = {
  { "minPasswordLength", G_STRUCT_OFFSET (MpServicePolicy, min_password_length), FALSE },
  { "minPasswordAge", G_STRUCT_OFFSET (MpServicePolicy, min_password_age), FALSE },
  { "maxPasswordAge", G_STRUCT_OFFSET (MpServicePolicy, max_password_age), FALSE },
  { "lockoutThreshold", G_STRUCT_OFFSET (MpServicePolicy, lockout_threshold), FALSE },
  { "lockoutObservationWindow", G_STRUCT_OFFSET (MpServicePolicy, lockout_observation_window), TRUE },
  { "lockoutDuration", G_STRUCT_OFFSET (MpServicePolicy, lockout_duration), TRUE },
  { "maxSendSize", G_STRUCT_OFFSET (MpServicePolicy, max_send_size), FALSE },
  { "maxReceiveSize", G_STRUCT_OFFSET (MpServicePolicy, max_receive_size), FALSE },
};

typedef struct
{
  const char *member;
  gsize       offset;
} FlagField;

static const FlagField spam_fields[] = {
  { "checkDKIM", G_STRUCT_OFFSET (MpSpamPolicy, check_dkim) },
  { "checkSPF", G_STRUCT_OFFSET (MpSpamPolicy, check_spf) },
  { "deleteSpam", G_STRUCT_OFFSET (MpSpamPolicy, delete_spam) },
  { "deleteVirus", G_STRUCT_OFFSET (MpSpamPolicy, delete_virus) },
  { "putInJunk", G_STRUCT_OFFSET (MpSpamPolicy, put_in_junk) },
  { "tagSpam", G_STRUCT_OFFSET (MpSpamPolicy, tag_spam) },
  { "tagVirus", G_STRUCT_OFFSET (MpSpamPolicy, tag_virus) },
};

#define NUMBER_AT(policy, field) (*(gint64 *) G_STRUCT_MEMBER_P ((policy), (field)->offset))
#define FLAG_AT(spam, field)     (*(gboolean *) G_STRUCT_MEMBER_P ((spam), (field)->offset))

static void
policy_from_object (JsonObject      *object,
                    MpServicePolicy *policy)
{
  JsonObject *spam = NULL;

  memset (policy, 0, sizeof *policy);
  policy->complexity_enabled = mp_json_get_boolean (object, "complexityEnabled", FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (number_fields); i++)
    NUMBER_AT (policy, &number_fields[i]) = mp_json_get_int (object, number_fields[i].member, 0);

  if (json_object_has_member (object, "spamAndVirusConfiguration")
      && JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "spamAndVirusConfiguration")))
    spam = json_object_get_object_member (object, "spamAndVirusConfiguration");
  for (guint i = 0; spam != NULL && i < G_N_ELEMENTS (spam_fields); i++)
    FLAG_AT (&policy->spam, &spam_fields[i]) = mp_json_get_boolean (spam, spam_fields[i].member, FALSE);
}

/* The PUT body: only the members whose value differs from original, or NULL when nothing
 * does.  The spam object is sent whole when any flag changed, since the provider replaces
 * it as one value. */
static JsonNode *
build_changes (const MpServicePolicy *original,
               const MpServicePolicy *policy)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gboolean changed = FALSE;
  gboolean spam_changed = FALSE;

  json_builder_begin_object (builder);

  if (policy->complexity_enabled != original->complexity_enabled)
    {
      json_builder_set_member_name (builder, "complexityEnabled");
      json_builder_add_boolean_value (builder, policy->complexity_enabled);
      changed = TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (number_fields); i++)
    {
      const NumberField *field = &number_fields[i];

      if (NUMBER_AT (policy, field) == NUMBER_AT (original, field))
        continue;
      if (field->lockout && !mp_policy_rules_uses_lockout (policy))
        continue;
      json_builder_set_member_name (builder, field->member);
      json_builder_add_int_value (builder, NUMBER_AT (policy, field));
      changed = TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (spam_fields); i++)
    spam_changed |= FLAG_AT (&policy->spam, &spam_fields[i]) != FLAG_AT (&original->spam, &spam_fields[i]);
  if (spam_changed)
    {
      json_builder_set_member_name (builder, "spamAndVirusConfiguration");
      json_builder_begin_object (builder);
      for (guint i = 0; i < G_N_ELEMENTS (spam_fields); i++)
        {
          json_builder_set_member_name (builder, spam_fields[i].member);
          json_builder_add_boolean_value (builder, FLAG_AT (&policy->spam, &spam_fields[i]));
        }
      json_builder_end_object (builder);
      changed = TRUE;
    }

  json_builder_end_object (builder);
  return changed ? json_builder_get_root (builder) : NULL;
}

/* Reading: one fresh GET, which also brings the service model up to date. */

static void
load_policy_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MpSession *self = g_task_get_source_object (task);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  MpServicePolicy *policy;

  node = mp_ovh_client_call_finish (MP_OVH_CLIENT (object), result, &error);
  if (node == NULL || !mp_service_update_from_json (mp_session_get_service (self), node, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  policy = g_new0 (MpServicePolicy, 1);
  policy_from_object (json_node_get_object (node), policy);
  g_task_return_pointer (task, policy, g_free);
}

static void
reread (MpSession           *self,
        GCancellable        *cancellable,
        GAsyncReadyCallback  callback,
        GTask               *task)
{
  g_autofree char *path = mp_session_domains_service_path (self, "");

  mp_ovh_client_call_async (mp_session_get_client (self), "GET", path, NULL, MP_OVH_CALL_NO_CACHE,
                            cancellable, callback, task);
}

void
mp_session_load_policy_async (MpSession           *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (MP_IS_SESSION (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp_session_load_policy_async);
  reread (self, cancellable, load_policy_cb, task);
}

gboolean
mp_session_load_policy_finish (MpSession        *self,
                               GAsyncResult     *result,
                               MpServicePolicy  *policy,
                               GError          **error)
{
  g_autofree MpServicePolicy *loaded = NULL;

  g_return_val_if_fail (MP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mp_session_load_policy_async, FALSE);
  g_return_val_if_fail (policy != NULL, FALSE);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return FALSE;
  *policy = *loaded;
  return TRUE;
}

/* Writing: check, PUT the changes, read the service back so that what is shown is what the
 * provider stored. */

static void
set_policy_reread_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MpSession *self = g_task_get_source_object (task);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  node = mp_ovh_client_call_finish (MP_OVH_CLIENT (object), result, &error);
  if (node == NULL || !mp_service_update_from_json (mp_session_get_service (self), node, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
set_policy_put_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MpSession *self = g_task_get_source_object (task);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;

  node = mp_ovh_client_call_finish (MP_OVH_CLIENT (object), result, &error);
  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  cancellable = g_task_get_cancellable (task);
  reread (self, cancellable, set_policy_reread_cb, g_steal_pointer (&task));
}

void
mp_session_set_policy_async (MpSession             *self,
                             const MpServicePolicy *original,
                             const MpServicePolicy *policy,
                             GCancellable          *cancellable,
                             GAsyncReadyCallback    callback,
                             gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (MP_IS_SESSION (self));
  g_return_if_fail (original != NULL);
  g_return_if_fail (policy != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp_session_set_policy_async);

  if ((reason = mp_policy_rules_check (policy, NULL)) != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "%s", reason);
      return;
    }

  if ((body = build_changes (original, policy)) == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  path = mp_session_domains_service_path (self, "");
  mp_ovh_client_call_async (mp_session_get_client (self), "PUT", path, body, MP_OVH_CALL_DEFAULT,
                            cancellable, set_policy_put_cb, g_steal_pointer (&task));
}

gboolean
mp_session_set_policy_finish (MpSession     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (MP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mp_session_set_policy_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

JsonNode *
mp_session_build_policy_changes (const MpServicePolicy *original,
                                 const MpServicePolicy *policy)
{
  g_return_val_if_fail (original != NULL, NULL);
  g_return_val_if_fail (policy != NULL, NULL);

  return build_changes (original, policy);
}
