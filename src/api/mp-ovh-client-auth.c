/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mp-ovh-client-private.h"
#include "mp-ovh-error-private.h"

/* The provider does not tell a pending consumer key from a dead one: both answer
 * INVALID_CREDENTIAL "This credential is not valid" (ovh-api.md §1.4).  A validation page is
 * valid for a limited time, so after this long the wait ends as expired whatever the answer. */
#define VALIDATION_TIMEOUT_US (15 * 60 * G_USEC_PER_SEC)

/* Everything Mailpost does, and nothing more: reading the credential itself, the E-Mail Pro
 * services, the domains and their zones (for the one-click DNS fixes), and ordering accounts. */
static const char * const access_rules[] = {
  "GET",    "/auth/currentCredential",
  "GET",    "/email/pro",
  "GET",    "/email/pro/*",
  "POST",   "/email/pro/*",
  "PUT",    "/email/pro/*",
  "DELETE", "/email/pro/*",
  "GET",    "/domain",
  "GET",    "/domain/*",
  "POST",   "/domain/zone/*",
  "DELETE", "/domain/zone/*",
  "GET",    "/order/email/pro/*",
  "POST",   "/order/email/pro/*",
  NULL
};

const char * const *
mp_ovh_client_get_access_rules (void)
{
  return access_rules;
}

/* --- request_credential ------------------------------------------------------------------- */

typedef struct
{
  char *consumer_key;
  char *validation_url;
} Credential;

static void
credential_free (gpointer data)
{
  Credential *credential = data;

  mp_ovh_clear_secret (&credential->consumer_key);
  g_free (credential->validation_url);
  g_free (credential);
}

static JsonNode *
build_credential_request (const char *redirection)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "accessRules");
  json_builder_begin_array (builder);
  for (guint i = 0; access_rules[i] != NULL; i += 2)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "method");
      json_builder_add_string_value (builder, access_rules[i]);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, access_rules[i + 1]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (redirection != NULL)
    {
      json_builder_set_member_name (builder, "redirection");
      json_builder_add_string_value (builder, redirection);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
on_credential_answer (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  MpOvhClient *self = MP_OVH_CLIENT (source);
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  Credential *credential;
  const char *consumer_key;
  const char *validation_url;

  node = mp_ovh_client_call_finish (self, result, &error);
  if (node == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  consumer_key = mp_ovh_json_get_string (node, "consumerKey");
  validation_url = mp_ovh_json_get_string (node, "validationUrl");
  if (consumer_key == NULL || *consumer_key == '\0' || validation_url == NULL || *validation_url == '\0')
    {
      g_debug ("POST /auth/credential: the answer has no consumer key or validation URL");
      g_task_return_error (task, mp_ovh_error_new_for_code (MP_OVH_ERROR_MALFORMED));
      return;
    }

  mp_ovh_client_set_consumer_key (self, consumer_key);

  credential = g_new0 (Credential, 1);
  credential->consumer_key = g_strdup (consumer_key);
  credential->validation_url = g_strdup (validation_url);
  g_task_return_pointer (task, credential, credential_free);
}

void
mp_ovh_client_request_credential_async (MpOvhClient         *self,
                                        const char          *redirection,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonNode) body = NULL;

  g_return_if_fail (MP_IS_OVH_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp_ovh_client_request_credential_async);

  body = build_credential_request (redirection);
  mp_ovh_client_call_async (self, "POST", "/auth/credential", body, MP_OVH_CALL_NO_AUTH,
                            cancellable, on_credential_answer, g_steal_pointer (&task));
}

gboolean
mp_ovh_client_request_credential_finish (MpOvhClient   *self,
                                         GAsyncResult  *result,
                                         char         **consumer_key,
                                         char         **validation_url,
                                         GError       **error)
{
  Credential *credential;

  g_return_val_if_fail (MP_IS_OVH_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  credential = g_task_propagate_pointer (G_TASK (result), error);
  if (credential == NULL)
    return FALSE;

  if (consumer_key != NULL)
    *consumer_key = g_steal_pointer (&credential->consumer_key);
  if (validation_url != NULL)
    *validation_url = g_steal_pointer (&credential->validation_url);
  credential_free (credential);

  return TRUE;
}

/* --- get_credential_state ----------------------------------------------------------------- */

static MpOvhCredentialState
parse_credential_state (const char *status)
{
  if (g_strcmp0 (status, "validated") == 0)
    return MP_OVH_CREDENTIAL_STATE_VALIDATED;
  if (g_strcmp0 (status, "pendingValidation") == 0)
    return MP_OVH_CREDENTIAL_STATE_PENDING_VALIDATION;
  if (g_strcmp0 (status, "refused") == 0)
    return MP_OVH_CREDENTIAL_STATE_REFUSED;
  if (g_strcmp0 (status, "expired") == 0)
    return MP_OVH_CREDENTIAL_STATE_EXPIRED;

  return MP_OVH_CREDENTIAL_STATE_UNKNOWN;
}

static void
on_current_credential_answer (GObject      *source,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *provider_code = NULL;
  const char *status;

  node = mp_ovh_client_request_finish (MP_OVH_CLIENT (source), result, NULL, &provider_code, &error);

  /* A key that is not validated yet answers like a dead one; the mapping already told refused
   * and expired apart by the provider's words, so what is left of INVALID_CREDENTIAL here is
   * the pending key the caller is polling for.  NOT_CREDENTIAL (unknown key) stays an error. */
  if (g_error_matches (error, MP_OVH_ERROR, MP_OVH_ERROR_CREDENTIAL_REFUSED))
    g_task_return_int (task, MP_OVH_CREDENTIAL_STATE_REFUSED);
  else if (g_error_matches (error, MP_OVH_ERROR, MP_OVH_ERROR_CREDENTIAL_EXPIRED))
    g_task_return_int (task, MP_OVH_CREDENTIAL_STATE_EXPIRED);
  else if (g_error_matches (error, MP_OVH_ERROR, MP_OVH_ERROR_INVALID_CREDENTIAL) &&
           g_strcmp0 (provider_code, "INVALID_CREDENTIAL") == 0)
    g_task_return_int (task, MP_OVH_CREDENTIAL_STATE_PENDING_VALIDATION);
  else if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if ((status = mp_ovh_json_get_string (node, "status")) == NULL)
    g_task_return_error (task, mp_ovh_error_new_for_code (MP_OVH_ERROR_MALFORMED));
  else
    g_task_return_int (task, parse_credential_state (status));
}

void
mp_ovh_client_get_credential_state_async (MpOvhClient         *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MP_IS_OVH_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp_ovh_client_get_credential_state_async);

  mp_ovh_client_request_async (self, "GET", "/auth/currentCredential", NULL, MP_OVH_CALL_NO_CACHE,
                               NULL, cancellable, on_current_credential_answer,
                               g_steal_pointer (&task));
}

MpOvhCredentialState
mp_ovh_client_get_credential_state_finish (MpOvhClient   *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  gssize state;

  g_return_val_if_fail (MP_IS_OVH_CLIENT (self), MP_OVH_CREDENTIAL_STATE_UNKNOWN);
  g_return_val_if_fail (g_task_is_valid (result, self), MP_OVH_CREDENTIAL_STATE_UNKNOWN);

  state = g_task_propagate_int (G_TASK (result), error);

  return state < 0 ? MP_OVH_CREDENTIAL_STATE_UNKNOWN : (MpOvhCredentialState) state;
}

/* --- wait_for_validation ------------------------------------------------------------------ */

typedef struct
{
  guint  interval_ms;
  gint64 deadline;
} Wait;

static void wait_poll (GTask *task);

static void
on_wait_slept (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!mp_ovh_sleep_finish (result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    wait_poll (task);
}

static void
on_wait_state (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Wait *wait = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  MpOvhCredentialState state;

  state = mp_ovh_client_get_credential_state_finish (MP_OVH_CLIENT (source), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  switch (state)
    {
    case MP_OVH_CREDENTIAL_STATE_VALIDATED:
      g_task_return_boolean (task, TRUE);
      return;

    case MP_OVH_CREDENTIAL_STATE_REFUSED:
      g_task_return_error (task, mp_ovh_error_new_for_code (MP_OVH_ERROR_CREDENTIAL_REFUSED));
      return;

    case MP_OVH_CREDENTIAL_STATE_EXPIRED:
      g_task_return_error (task, mp_ovh_error_new_for_code (MP_OVH_ERROR_CREDENTIAL_EXPIRED));
      return;

    case MP_OVH_CREDENTIAL_STATE_UNKNOWN:
    case MP_OVH_CREDENTIAL_STATE_PENDING_VALIDATION:
    default:
      break;
    }

  if (g_get_monotonic_time () >= wait->deadline)
    {
      g_task_return_error (task, mp_ovh_error_new_for_code (MP_OVH_ERROR_CREDENTIAL_EXPIRED));
      return;
    }

  mp_ovh_sleep_async (wait->interval_ms, g_task_get_cancellable (task),
                      on_wait_slept, g_object_ref (task));
}

static void
wait_poll (GTask *task)
{
  mp_ovh_client_get_credential_state_async (g_task_get_source_object (task),
                                            g_task_get_cancellable (task),
                                            on_wait_state, g_object_ref (task));
}

void
mp_ovh_client_wait_for_validation_async (MpOvhClient         *self,
                                         guint                interval_ms,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Wait *wait;

  g_return_if_fail (MP_IS_OVH_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp_ovh_client_wait_for_validation_async);

  wait = g_new0 (Wait, 1);
  wait->interval_ms = MAX (interval_ms, 1);
  wait->deadline = g_get_monotonic_time () + VALIDATION_TIMEOUT_US;
  g_task_set_task_data (task, wait, g_free);

  wait_poll (task);
}

gboolean
mp_ovh_client_wait_for_validation_finish (MpOvhClient   *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  g_return_val_if_fail (MP_IS_OVH_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
