/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-session-services.c: what comes before a session exists — checking freshly entered keys
 * and listing the services they can see. */
#include "config.h"

#include "api/mp-ovh-error-private.h"
#include "emailpro/mp-session.h"


static int
compare_services_by_title (gconstpointer a,
                           gconstpointer b)
{
  MpService *service_a = *(MpService **) a;
  MpService *service_b = *(MpService **) b;
  int result;

  result = g_utf8_collate (mp_service_get_title (service_a), mp_service_get_title (service_b));
  if (result == 0)
    result = g_strcmp0 (mp_service_get_name (service_a), mp_service_get_name (service_b));

  return result;
}

static void
list_services_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) array = NULL;
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GListStore) store = NULL;
  guint length;

  array = mp_ovh_client_list_finish (MP_OVH_CLIENT (object), result, &error);
  if (array == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  length = json_array_get_length (array);
  services = g_ptr_array_new_full (length, g_object_unref);

  for (guint i = 0; i < length; i++)
    {
      g_autoptr(GError) item_error = NULL;
      MpService *service;

      /* One unreadable service must not hide the others. */
      service = mp_service_new_from_json (json_array_get_element (array, i), &item_error);
      if (service == NULL)
        {
          g_debug ("Skipping service %u of the list: %s", i, item_error->message);
          continue;
        }

      g_ptr_array_add (services, service);
    }

  g_ptr_array_sort (services, compare_services_by_title);

  store = g_list_store_new (MP_TYPE_SERVICE);
  g_list_store_splice (store, 0, 0, services->pdata, services->len);

  g_task_return_pointer (task, g_steal_pointer (&store), g_object_unref);
}

void
mp_session_list_services_async (MpOvhClient         *client,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MP_IS_OVH_CLIENT (client));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp_session_list_services_async);

  mp_ovh_client_list_async (client, "/email/pro", cancellable,
                            list_services_cb, g_steal_pointer (&task));
}

GListModel *
mp_session_list_services_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mp_session_list_services_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
verify_keys_list_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  node = mp_ovh_client_call_finish (MP_OVH_CLIENT (object), result, &error);
  if (node == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (!JSON_NODE_HOLDS_ARRAY (node))
    g_task_return_error (task, mp_ovh_error_new_for_code (MP_OVH_ERROR_MALFORMED));
  else
    g_task_return_boolean (task, TRUE);
}

static MpOvhError
credential_state_to_error (MpOvhCredentialState state)
{
  switch (state)
    {
    case MP_OVH_CREDENTIAL_STATE_PENDING_VALIDATION:
      return MP_OVH_ERROR_CREDENTIAL_PENDING;
    case MP_OVH_CREDENTIAL_STATE_REFUSED:
      return MP_OVH_ERROR_CREDENTIAL_REFUSED;
    case MP_OVH_CREDENTIAL_STATE_EXPIRED:
      return MP_OVH_ERROR_CREDENTIAL_EXPIRED;
    case MP_OVH_CREDENTIAL_STATE_UNKNOWN:
    case MP_OVH_CREDENTIAL_STATE_VALIDATED:
    default:
      return MP_OVH_ERROR_INVALID_CREDENTIAL;
    }
}

static void
verify_keys_state_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  MpOvhClient *client = MP_OVH_CLIENT (object);
  MpOvhCredentialState state;
  GCancellable *cancellable;

  state = mp_ovh_client_get_credential_state_finish (client, result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (state != MP_OVH_CREDENTIAL_STATE_VALIDATED)
    {
      g_debug ("Consumer key is in credential state %d, not validated", state);
      g_task_return_error (task, mp_ovh_error_new_for_code (credential_state_to_error (state)));
      return;
    }

  /* A validated key can still lack the rights Mailpost needs: try the first call it makes. */
  cancellable = g_task_get_cancellable (task);
  mp_ovh_client_call_async (client, "GET", "/email/pro", NULL, MP_OVH_CALL_DEFAULT,
                            cancellable, verify_keys_list_cb, g_steal_pointer (&task));
}

void
mp_session_verify_keys_async (MpOvhClient         *client,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MP_IS_OVH_CLIENT (client));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp_session_verify_keys_async);

  mp_ovh_client_get_credential_state_async (client, cancellable,
                                            verify_keys_state_cb, g_steal_pointer (&task));
}

gboolean
mp_session_verify_keys_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mp_session_verify_keys_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
