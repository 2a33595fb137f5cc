/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mp-ovh-client-private.h"
#include "mp-ovh-error-private.h"
#include "mp-ovh-signer.h"

/* Retries of idempotent calls: at most this many attempts in all, and no retry that would
 * start later than the budget after the first attempt. */
#define RETRY_MAX_ATTEMPTS      5
#define RETRY_BASE_DELAY_MS     300
#define RETRY_MAX_DELAY_MS      8000
#define RETRY_BUDGET_MS         60000

typedef enum
{
  REQUEST_STARTING,
  REQUEST_WAITING_FOR_TIME,
  REQUEST_QUEUED,
  REQUEST_SENDING,
  REQUEST_BACKING_OFF,
  REQUEST_DONE,
} RequestState;

/* One call, through its retries.  It is the data of its GTask; while the call waits in
 * time_waiters or queue, that list holds a reference on the task. */
typedef struct
{
  char           *method;
  char           *path;
  char           *body;
  MpOvhCallFlags  flags;
  GStrv           headers;

  RequestState    state;
  GList           link;
  GSource        *cancel_source;

  guint           attempts;
  gboolean        resynced;
  guint           signed_generation;
  gint64          first_sent_us;
  gint64          sent_us;
  SoupMessage    *message;

  gint64          total_elements;
  char           *provider_code;
  char           *provider_message;
} Request;

static void request_start_attempt (GTask *task);
static void client_pump_queue     (MpOvhClient *self);

static void
request_free (gpointer data)
{
  Request *request = data;

  g_assert (request->cancel_source == NULL);

  g_free (request->method);
  g_free (request->path);
  mp_ovh_clear_secret (&request->body);
  g_strfreev (request->headers);
  g_clear_object (&request->message);
  g_free (request->provider_code);
  g_free (request->provider_message);
  g_free (request);
}

/* Waiting (for the clock or for a slot) is not an I/O operation that sees the cancellable,
 * so a cancellable source watches it for as long as the request waits. */
static gboolean
on_cancelled_while_waiting (GCancellable *cancellable,
                            gpointer      user_data);

static void
request_watch_cancellable (GTask *task)
{
  Request *request = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (cancellable == NULL || request->cancel_source != NULL)
    return;

  request->cancel_source = g_cancellable_source_new (cancellable);
  g_source_set_callback (request->cancel_source,
                         G_SOURCE_FUNC (on_cancelled_while_waiting), task, NULL);
  g_source_attach (request->cancel_source, g_task_get_context (task));
}

static void
request_unwatch_cancellable (Request *request)
{
  if (request->cancel_source != NULL)
    {
      g_source_destroy (request->cancel_source);
      g_clear_pointer (&request->cancel_source, g_source_unref);
    }
}

static void
request_return_error (GTask  *task,
                      GError *error)
{
  Request *request = g_task_get_task_data (task);

  g_assert (request->state != REQUEST_DONE);

  request->state = REQUEST_DONE;
  request_unwatch_cancellable (request);
  g_task_return_error (task, error);
}

static void
request_return_node (GTask    *task,
                     JsonNode *node)
{
  Request *request = g_task_get_task_data (task);

  g_assert (request->state != REQUEST_DONE);

  request->state = REQUEST_DONE;
  request_unwatch_cancellable (request);
  g_task_return_pointer (task, node, (GDestroyNotify) json_node_unref);
}

static gboolean
on_cancelled_while_waiting (GCancellable *cancellable,
                            gpointer      user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);
  MpOvhClient *self = g_task_get_source_object (task);

  if (request->state == REQUEST_QUEUED)
    g_queue_unlink (&self->queue, &request->link);
  else if (request->state == REQUEST_WAITING_FOR_TIME)
    g_queue_unlink (&self->time_waiters, &request->link);
  else
    return G_SOURCE_REMOVE;

  request_return_error (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                   "Operation was cancelled"));
  /* The reference the waiting list held. */
  g_object_unref (task);

  return G_SOURCE_REMOVE;
}

static gboolean
request_is_retryable (Request *request)
{
  return g_str_equal (request->method, "GET") && !(request->flags & MP_OVH_CALL_NO_RETRY);
}

static gboolean
request_needs_auth (Request *request)
{
  return !(request->flags & MP_OVH_CALL_NO_AUTH);
}

/* --- sending ------------------------------------------------------------------------------ */

static void on_answer (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data);

static void
client_dispatch (MpOvhClient *self,
                 GTask       *task)
{
  Request *request = g_task_get_task_data (task);
  SoupMessageHeaders *headers;
  g_autoptr(GError) error = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *url = NULL;

  request->state = REQUEST_SENDING;

  /* Signed out while this call waited. */
  if (request_needs_auth (request) && !mp_ovh_client_has_secrets (self))
    {
      request_return_error (task, mp_ovh_error_new_for_code (MP_OVH_ERROR_INVALID_CREDENTIAL));
      return;
    }

  url = g_strconcat (self->base_url, request->path, NULL);
  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, &error);
  if (uri == NULL)
    {
      g_debug ("%s %s: not a URL: %s", request->method, request->path, error->message);
      request_return_error (task, mp_ovh_error_new_for_code (MP_OVH_ERROR_FAILED));
      return;
    }

  g_clear_object (&request->message);
  request->message = soup_message_new_from_uri (request->method, uri);
  headers = soup_message_get_request_headers (request->message);
  soup_message_headers_replace (headers, "Accept", "application/json");
  soup_message_headers_replace (headers, "X-Ovh-Application", self->application_key);

  if (request_needs_auth (request))
    {
      /* What is signed must be byte for byte what goes on the wire, so sign the URL as the
       * session will send it, not as it was written. */
      g_autofree char *sent_url = g_uri_to_string (uri);
      g_autofree char *timestamp = NULL;
      g_autofree char *signature = NULL;
      gint64 now = g_get_real_time () / G_USEC_PER_SEC + self->time_delta;

      timestamp = g_strdup_printf ("%" G_GINT64_FORMAT, now);
      signature = mp_ovh_sign (self->application_secret, self->consumer_key,
                               request->method, sent_url, request->body, now);
      soup_message_headers_replace (headers, "X-Ovh-Consumer", self->consumer_key);
      soup_message_headers_replace (headers, "X-Ovh-Timestamp", timestamp);
      soup_message_headers_replace (headers, "X-Ovh-Signature", signature);
      request->signed_generation = self->time_generation;
    }

  if (request->flags & MP_OVH_CALL_NO_CACHE)
    soup_message_headers_replace (headers, "Pragma", "no-cache");

  for (guint i = 0; request->headers != NULL && request->headers[i] != NULL && request->headers[i + 1] != NULL; i += 2)
    soup_message_headers_replace (headers, request->headers[i], request->headers[i + 1]);

  if (request->body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (request->body, strlen (request->body));

      soup_message_set_request_body_from_bytes (request->message, "application/json", bytes);
      /* libsoup 3.2 quietly resends a message whose kept-alive connection turns out to be
       * closed, and the resent copy goes out with an empty body while its signature still
       * covers the real one: the provider then answers INVALID_SIGNATURE ("wrong secret").
       * A write on a fresh connection is never resent behind our back. */
      soup_message_add_flags (request->message, SOUP_MESSAGE_NEW_CONNECTION);
    }

  self->in_flight++;
  self->peak_in_flight = MAX (self->peak_in_flight, self->in_flight);
  self->request_count++;
  request->attempts++;
  request->sent_us = g_get_monotonic_time ();
  if (request->first_sent_us == 0)
    request->first_sent_us = request->sent_us;

  soup_session_send_and_read_async (self->session, request->message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task),
                                    on_answer, g_object_ref (task));
}

static gboolean
client_is_paused (MpOvhClient *self)
{
  return self->paused_until > g_get_monotonic_time ();
}

static gboolean
on_resume (gpointer user_data)
{
  MpOvhClient *self = user_data;

  self->resume_source_id = 0;
  client_pump_queue (self);

  return G_SOURCE_REMOVE;
}

static void
client_pump_queue (MpOvhClient *self)
{
  while (self->in_flight < MP_OVH_CLIENT_MAX_IN_FLIGHT &&
         !g_queue_is_empty (&self->queue) &&
         !client_is_paused (self))
    {
      GList *link = g_queue_pop_head_link (&self->queue);
      g_autoptr(GTask) task = link->data;
      Request *request = g_task_get_task_data (task);

      request_unwatch_cancellable (request);
      client_dispatch (self, task);
    }

  if (!g_queue_is_empty (&self->queue) && client_is_paused (self) && self->resume_source_id == 0)
    {
      gint64 wait_ms = (self->paused_until - g_get_monotonic_time ()) / 1000 + 1;

      self->resume_source_id = g_timeout_add ((guint) CLAMP (wait_ms, 1, G_MAXINT), on_resume, self);
    }
}

static void
client_enqueue (MpOvhClient *self,
                GTask       *task)
{
  Request *request = g_task_get_task_data (task);

  request->state = REQUEST_QUEUED;
  request->link.data = g_object_ref (task);
  g_queue_push_tail_link (&self->queue, &request->link);
  request_watch_cancellable (task);

  client_pump_queue (self);
}

/* --- the server clock --------------------------------------------------------------------- */

static void
on_time_answer (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  MpOvhClient *self = MP_OVH_CLIENT (source);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  GList *link;

  self->time_sync_running = FALSE;

  node = mp_ovh_client_request_finish (self, result, NULL, NULL, &error);
  if (node != NULL &&
      (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64))
    error = mp_ovh_error_new_for_code (MP_OVH_ERROR_MALFORMED);

  if (error == NULL)
    {
      self->time_delta = json_node_get_int (node) - g_get_real_time () / G_USEC_PER_SEC;
      self->time_valid = TRUE;
      self->time_generation++;
      g_debug ("Server clock is %" G_GINT64_FORMAT " s ahead of this computer", self->time_delta);
    }

  while ((link = g_queue_pop_head_link (&self->time_waiters)) != NULL)
    {
      g_autoptr(GTask) task = link->data;
      Request *request = g_task_get_task_data (task);

      request_unwatch_cancellable (request);
      if (error != NULL)
        request_return_error (task, g_error_copy (error));
      else
        client_enqueue (self, task);
    }
}

static void
client_wait_for_time (MpOvhClient *self,
                      GTask       *task)
{
  Request *request = g_task_get_task_data (task);

  request->state = REQUEST_WAITING_FOR_TIME;
  request->link.data = g_object_ref (task);
  g_queue_push_tail_link (&self->time_waiters, &request->link);
  request_watch_cancellable (task);

  /* One /auth/time in flight, shared by every call that needs it. */
  if (!self->time_sync_running)
    {
      self->time_sync_running = TRUE;
      mp_ovh_client_request_async (self, "GET", "/auth/time", NULL, MP_OVH_CALL_NO_AUTH, NULL,
                                   self->cancellable, on_time_answer, NULL);
    }
}

/* --- retries ------------------------------------------------------------------------------ */

static void
on_backoff_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!mp_ovh_sleep_finish (result, &error))
    request_return_error (task, g_steal_pointer (&error));
  else
    request_start_attempt (task);
}

/* retry_after_ms is the server's Retry-After, or 0.  Takes the error. */
static void
request_retry_or_fail (GTask  *task,
                       GError *error,
                       gint64  retry_after_ms)
{
  Request *request = g_task_get_task_data (task);
  gint64 delay_ms;
  gint64 elapsed_ms;

  if (!request_is_retryable (request) || request->attempts >= RETRY_MAX_ATTEMPTS)
    {
      request_return_error (task, error);
      return;
    }

  /* Exponential backoff with "equal jitter", so that many clients failing together do not
   * all come back at the same instant; the server's own Retry-After comes first. */
  delay_ms = MIN ((gint64) RETRY_BASE_DELAY_MS << (request->attempts - 1), RETRY_MAX_DELAY_MS);
  delay_ms = delay_ms / 2 + g_random_int_range (0, (gint32) delay_ms / 2 + 1);
  if (retry_after_ms > 0)
    delay_ms = retry_after_ms + g_random_int_range (0, 250);

  elapsed_ms = (g_get_monotonic_time () - request->first_sent_us) / 1000;
  if (elapsed_ms + delay_ms > RETRY_BUDGET_MS)
    {
      request_return_error (task, error);
      return;
    }

  g_debug ("%s %s: retrying in %" G_GINT64_FORMAT " ms (%s)",
           request->method, request->path, delay_ms, error->message);
  g_error_free (error);

  request->state = REQUEST_BACKING_OFF;
  mp_ovh_sleep_async ((guint) delay_ms, g_task_get_cancellable (task),
                      on_backoff_done, g_object_ref (task));
}

/* Retry-After in seconds, or as an HTTP date; 0 when absent or unreadable. */
static gint64
parse_retry_after (SoupMessage *message)
{
  const char *value;
  guint64 seconds;

  value = soup_message_headers_get_one (soup_message_get_response_headers (message), "Retry-After");
  if (value == NULL)
    return 0;

  if (g_ascii_string_to_unsigned (value, 10, 0, 24 * 3600, &seconds, NULL))
    return (gint64) seconds * 1000;

  {
    g_autoptr(GDateTime) when = soup_date_time_new_from_http_string (value);
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

    if (when != NULL && g_date_time_compare (when, now) > 0)
      return g_date_time_difference (when, now) / 1000;
  }

  return 0;
}

/* --- answers ------------------------------------------------------------------------------ */

/* NULL when the body is not JSON; an empty body is JSON null. */
static JsonNode *
parse_body (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = NULL;
  gsize size = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;

  if (size == 0)
    return json_node_new (JSON_NODE_NULL);

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize) size, NULL))
    return NULL;

  return json_parser_steal_root (parser);
}

static void
request_handle_answer (MpOvhClient *self,
                       GTask       *task,
                       GBytes      *bytes)
{
  Request *request = g_task_get_task_data (task);
  SoupMessageHeaders *response_headers = soup_message_get_response_headers (request->message);
  guint status = soup_message_get_status (request->message);
  const char *query_id = soup_message_headers_get_one (response_headers, "X-Ovh-Queryid");
  g_autoptr(JsonNode) node = parse_body (bytes);
  GError *error;

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      const char *elements = soup_message_headers_get_one (response_headers, "X-Pagination-Elements");
      gint64 total;

      if (node == NULL)
        {
          g_debug ("%s %s: the answer is not JSON (query id %s)",
                   request->method, request->path, query_id != NULL ? query_id : "none");
          request_return_error (task, mp_ovh_error_new_for_code (MP_OVH_ERROR_MALFORMED));
          return;
        }

      if (elements != NULL && g_ascii_string_to_signed (elements, 10, 0, G_MAXINT64, &total, NULL))
        request->total_elements = total;

      request_return_node (task, g_steal_pointer (&node));
      return;
    }

  g_clear_pointer (&request->provider_code, g_free);
  g_free (request->provider_message);
  request->provider_message = g_strdup (mp_ovh_json_get_string (node, "message"));
  error = mp_ovh_error_new_for_response (status, request->method, request->path, node, query_id,
                                         &request->provider_code);

  if (g_error_matches (error, MP_OVH_ERROR, MP_OVH_ERROR_QUERY_TIME_OUT) &&
      request_needs_auth (request) && !request->resynced)
    {
      /* The clock moved (or the first sync was off): learn it again and retry this call once,
       * unless another call already did so since this one was signed. */
      request->resynced = TRUE;
      if (request->signed_generation == self->time_generation)
        self->time_valid = FALSE;
      g_error_free (error);
      request_start_attempt (task);
      return;
    }

  if (status == 429 || (status >= 500 && status <= 599))
    {
      gint64 retry_after_ms = parse_retry_after (request->message);

      /* Everyone waits, not only this call: sending more before then only earns more 429s. */
      if (status == 429 && retry_after_ms > 0)
        self->paused_until = MAX (self->paused_until, g_get_monotonic_time () + retry_after_ms * 1000);

      request_retry_or_fail (task, error, retry_after_ms);
      return;
    }

  request_return_error (task, error);
}

static void
on_answer (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  MpOvhClient *self = g_task_get_source_object (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *query_id;

  self->in_flight--;

  bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  query_id = soup_message_headers_get_one (soup_message_get_response_headers (request->message),
                                           "X-Ovh-Queryid");
  g_debug ("%s %s -> %u (%" G_GINT64_FORMAT " ms, query id %s)",
           request->method, request->path,
           error != NULL ? 0 : soup_message_get_status (request->message),
           (g_get_monotonic_time () - request->sent_us) / 1000,
           query_id != NULL ? query_id : "none");

  if (error != NULL)
    {
      GError *mapped = mp_ovh_error_new_for_transport (error, request->method, request->path);

      if (g_error_matches (mapped, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
          g_error_matches (mapped, MP_OVH_ERROR, MP_OVH_ERROR_TLS))
        request_return_error (task, mapped);
      else
        request_retry_or_fail (task, mapped, 0);
    }
  else
    {
      request_handle_answer (self, task, bytes);
    }

  client_pump_queue (self);
}

static void
request_start_attempt (GTask *task)
{
  Request *request = g_task_get_task_data (task);
  MpOvhClient *self = g_task_get_source_object (task);
  GError *error = NULL;

  request->state = REQUEST_STARTING;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    request_return_error (task, error);
  else if (request_needs_auth (request) && !self->time_valid)
    client_wait_for_time (self, task);
  else
    client_enqueue (self, task);
}

void
mp_ovh_client_request_async (MpOvhClient         *self,
                             const char          *method,
                             const char          *path,
                             JsonNode            *body,
                             MpOvhCallFlags       flags,
                             const char * const  *headers,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_if_fail (MP_IS_OVH_CLIENT (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (path != NULL && path[0] == '/');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp_ovh_client_request_async);

  request = g_new0 (Request, 1);
  request->method = g_ascii_strup (method, -1);
  request->path = g_strdup (path);
  request->body = body != NULL ? json_to_string (body, FALSE) : NULL;
  request->flags = flags;
  request->headers = g_strdupv ((char **) headers);
  request->total_elements = -1;
  g_task_set_task_data (task, request, request_free);

  if (request_needs_auth (request) && !mp_ovh_client_has_secrets (self))
    {
      request_return_error (task, mp_ovh_error_new_for_code (MP_OVH_ERROR_INVALID_CREDENTIAL));
      return;
    }

  request_start_attempt (task);
}

JsonNode *
mp_ovh_client_request_finish (MpOvhClient   *self,
                              GAsyncResult  *result,
                              gint64        *total_elements,
                              char         **provider_code,
                              GError       **error)
{
  Request *request;

  g_return_val_if_fail (MP_IS_OVH_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  request = g_task_get_task_data (G_TASK (result));
  if (total_elements != NULL)
    *total_elements = request->total_elements;
  if (provider_code != NULL)
    *provider_code = g_strdup (request->provider_code);

  return g_task_propagate_pointer (G_TASK (result), error);
}

JsonNode *
mp_ovh_client_call_finish_full (MpOvhClient   *self,
                                GAsyncResult  *result,
                                char         **provider_code,
                                char         **provider_message,
                                GError       **error)
{
  Request *request;

  g_return_val_if_fail (MP_IS_OVH_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  request = g_task_get_task_data (G_TASK (result));
  if (provider_message != NULL)
    *provider_message = g_strdup (request->provider_message);

  return mp_ovh_client_request_finish (self, result, NULL, provider_code, error);
}
