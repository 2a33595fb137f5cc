/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sim-auth.h"
#include "sim-control.h"
#include "sim-domains.h"
#include "sim-emailpro.h"
#include "sim-reply.h"
#include "sim-seed.h"
#include "sim-server.h"
#include "sim-wire.h"

#define API_PREFIX "/1.0"
#define RATE_WINDOW_USEC (60 * G_USEC_PER_SEC)

struct _SimServer
{
  GObject      parent_instance;

  SoupServer  *soup;
  SimWire     *wire;
  SimState    *state;
  SimFaults   *faults;
  SimRouter   *api_router;
  SimRouter   *control_router;
  GRand       *rand;
  GTlsCertificate *certificate;

  char        *listen;
  char        *base_url;
  char        *root_url;
  guint        latency_ms;
  gboolean     no_expand;
  guint        rate_limit;

  /* consumer key → GQueue of monotonic times of its accepted requests */
  GHashTable  *rate_windows;

  guint64      query_counter;
  guint        requests;
  guint        in_flight;
  guint        peak_in_flight;
};

G_DEFINE_FINAL_TYPE (SimServer, sim_server, G_TYPE_OBJECT)

typedef struct
{
  SimServer *self;
  gboolean   in_flight;
  gboolean   finished;
} SimMessageData;

static void
free_time_queue (gpointer data)
{
  g_queue_free (data);
}

static void
sim_server_finalize (GObject *object)
{
  SimServer *self = SIM_SERVER (object);

  g_clear_pointer (&self->wire, sim_wire_free);
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  g_clear_object (&self->certificate);
  g_clear_pointer (&self->state, sim_state_free);
  g_clear_pointer (&self->faults, sim_faults_free);
  g_clear_pointer (&self->api_router, sim_router_free);
  g_clear_pointer (&self->control_router, sim_router_free);
  g_clear_pointer (&self->rand, g_rand_free);
  g_clear_pointer (&self->rate_windows, g_hash_table_unref);
  g_free (self->listen);
  g_free (self->base_url);
  g_free (self->root_url);

  G_OBJECT_CLASS (sim_server_parent_class)->finalize (object);
}

static void
sim_server_class_init (SimServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sim_server_finalize;
}

static void
sim_server_init (SimServer *self)
{
  self->rate_windows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_time_queue);
  self->api_router = sim_router_new ();
  self->control_router = sim_router_new ();
}

/* ---- per-message bookkeeping ---------------------------------------------------------- */

static void
on_message_finished (SoupServerMessage *msg,
                     SimMessageData    *data)
{
  data->finished = TRUE;
  if (data->in_flight)
    {
      data->in_flight = FALSE;
      data->self->in_flight--;
    }
}

static SimMessageData *
track_message (SimServer         *self,
               SoupServerMessage *msg)
{
  SimMessageData *data = g_new0 (SimMessageData, 1);
  g_autofree char *query_id = g_strdup_printf ("EU.ext-sim.%08" G_GINT64_MODIFIER "x.%08x",
                                               ++self->query_counter, g_rand_int (self->rand));

  data->self = self;
  data->in_flight = TRUE;
  g_object_set_data_full (G_OBJECT (msg), "sim-message-data", data, g_free);
  g_signal_connect (msg, "finished", G_CALLBACK (on_message_finished), data);

  self->requests++;
  self->in_flight++;
  self->peak_in_flight = MAX (self->peak_in_flight, self->in_flight);

  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "X-Ovh-Queryid", query_id);
  return data;
}

static gboolean
release_delayed_message (gpointer user_data)
{
  SoupServerMessage *msg = user_data;
  SimMessageData *data = g_object_get_data (G_OBJECT (msg), "sim-message-data");

  if (data != NULL && !data->finished)
    soup_server_message_unpause (msg);
  return G_SOURCE_REMOVE;
}

/* The answer is ready; it leaves after the configured latency without holding up any
 * other request (the message is paused, not the main loop). */
static void
send_with_latency (SimServer         *self,
                   SoupServerMessage *msg)
{
  if (self->latency_ms == 0)
    return;

  soup_server_message_pause (msg);
  g_timeout_add_full (G_PRIORITY_DEFAULT, self->latency_ms, release_delayed_message,
                      g_object_ref (msg), g_object_unref);
}

static void
cut_connection (SimMessageData    *data,
                SoupServerMessage *msg)
{
  g_autoptr(GIOStream) stream = NULL;

  if (data->in_flight)
    {
      data->in_flight = FALSE;
      data->self->in_flight--;
    }
  stream = soup_server_message_steal_connection (msg);
  if (stream != NULL)
    {
      GIOStream *base = sim_wire_get_base (stream);

      g_io_stream_close (stream, NULL, NULL);
      if (base != NULL)
        g_io_stream_close (base, NULL, NULL);
    }
}

static void
reply_malformed (SoupServerMessage *msg)
{
  static const char broken[] = "{\"broken\": [1, 2, \"unterminated";

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json; charset=utf-8",
                                    SOUP_MEMORY_STATIC, broken, strlen (broken));
}

/* ---- rate limit ------------------------------------------------------------------------ */

/* A sliding minute per consumer key; refused requests do not count, so a client that
 * waits Retry-After seconds gets through. */
static gboolean
rate_limit_allows (SimServer  *self,
                   const char *consumer_key,
                   guint      *retry_after)
{
  gint64 now = g_get_monotonic_time ();
  GQueue *times;

  if (self->rate_limit == 0 || consumer_key == NULL)
    return TRUE;

  times = g_hash_table_lookup (self->rate_windows, consumer_key);
  if (times == NULL)
    {
      times = g_queue_new ();
      g_hash_table_insert (self->rate_windows, g_strdup (consumer_key), times);
    }

  while (!g_queue_is_empty (times) &&
         now - *(gint64 *) g_queue_peek_head (times) >= RATE_WINDOW_USEC)
    g_free (g_queue_pop_head (times));

  if (g_queue_get_length (times) >= self->rate_limit)
    {
      gint64 oldest = *(gint64 *) g_queue_peek_head (times);
      gint64 wait = oldest + RATE_WINDOW_USEC - now;

      *retry_after = (wait + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
      return FALSE;
    }

  g_queue_push_tail (times, g_memdup2 (&now, sizeof now));
  return TRUE;
}

/* ---- handlers -------------------------------------------------------------------------- */

static void
reply_no_route (SoupServerMessage *msg,
                gboolean           path_known)
{
  if (path_known)
    sim_reply_class_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED,
                           "Client::MethodNotAllowed", "Method not allowed");
  else
    sim_reply_class_error (msg, SOUP_STATUS_NOT_FOUND,
                           "Client::NotFound", "Got an invalid (or empty) URL");
}

static void
api_handler (SoupServer        *soup,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  SimServer *self = user_data;
  SimMessageData *data = track_message (self, msg);
  const char *method = soup_server_message_get_method (msg);
  g_autofree char *target = sim_wire_take_target (self->wire, msg);
  g_autofree char *encoded_path = NULL;
  const char *encoded;
  g_autofree char *decoded = NULL;
  g_autoptr(GHashTable) params = NULL;
  const SimRoute *route;
  gboolean path_known = FALSE;
  SimRequest request = { 0, };
  guint status = 0;
  guint retry_after = 0;

  /* Route on the path as sent, so an encoded "/" inside a segment stays in it. */
  if (target != NULL)
    encoded_path = g_strndup (target, strcspn (target, "?"));
  else
    encoded_path = g_strdup (path);
  if (!g_str_has_prefix (encoded_path, API_PREFIX))
    {
      reply_no_route (msg, FALSE);
      goto out;
    }
  encoded = encoded_path + strlen (API_PREFIX);

  if (*encoded != '\0' && *encoded != '/')
    {
      reply_no_route (msg, FALSE);
      goto out;
    }
  if (*encoded == '\0')
    encoded = "/";

  decoded = g_uri_unescape_string (encoded, NULL);
  if (decoded == NULL)
    {
      sim_reply_bad_request (msg, "Invalid URL encoding");
      goto out;
    }

  switch (sim_faults_check (self->faults, method, decoded, &status))
    {
    case SIM_FAULT_CUT:
      g_debug ("fault: cutting %s %s", method, decoded);
      cut_connection (data, msg);
      return;
    case SIM_FAULT_MALFORMED:
      reply_malformed (msg);
      goto out;
    case SIM_FAULT_STATUS:
      sim_reply_status (msg, status);
      goto out;
    case SIM_FAULT_NONE:
    default:
      break;
    }

  route = sim_router_match (self->api_router, method, encoded, &params, &path_known);

  request.server = self;
  request.state = self->state;
  request.msg = msg;
  request.method = method;
  request.path = decoded;
  request.target = target;
  request.params = params;
  request.query = query;

  if (route == NULL || !(sim_route_get_flags (route) & SIM_ROUTE_UNSIGNED))
    {
      if (!sim_auth_authenticate (&request))
        goto out;
      if (!rate_limit_allows (self, request.credential->consumer_key, &retry_after))
        {
          sim_reply_too_many (msg, retry_after);
          goto out;
        }
    }

  if (route == NULL)
    reply_no_route (msg, path_known);
  else
    sim_route_get_handler (route) (&request);

out:
  g_debug ("%s %s → %u", method, path, soup_server_message_get_status (msg));
  send_with_latency (self, msg);
}

static void
control_handler (SoupServer        *soup,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  SimServer *self = user_data;
  const char *method = soup_server_message_get_method (msg);
  g_autofree char *target = sim_wire_take_target (self->wire, msg);
  g_autofree char *decoded = g_uri_unescape_string (path, NULL);
  g_autoptr(GHashTable) params = NULL;
  const SimRoute *route;
  gboolean path_known = FALSE;
  SimRequest request = { 0, };

  route = sim_router_match (self->control_router, method, path, &params, &path_known);
  if (route == NULL || decoded == NULL)
    {
      reply_no_route (msg, path_known);
      return;
    }

  request.server = self;
  request.state = self->state;
  request.msg = msg;
  request.method = method;
  request.path = decoded;
  request.params = params;
  request.query = query;
  sim_route_get_handler (route) (&request);
}

static void
default_handler (SoupServer        *soup,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  reply_no_route (msg, FALSE);
}

/* ---- public ---------------------------------------------------------------------------- */

SimServer *
sim_server_new (const SimOptions  *options,
                GError           **error)
{
  g_autoptr(SimServer) self = g_object_new (SIM_TYPE_SERVER, NULL);

  self->state = sim_seed_load (options->seed, options->task_ms, error);
  if (self->state == NULL)
    return NULL;
  self->state->clock_skew = options->clock_skew;

  self->faults = sim_faults_new (options->random_seed);
  for (guint i = 0; options->faults != NULL && options->faults[i] != NULL; i++)
    if (!sim_faults_add_spec (self->faults, options->faults[i], error))
      return NULL;

  self->rand = g_rand_new_with_seed (options->random_seed);
  self->listen = g_strdup (options->listen);
  self->latency_ms = options->latency_ms;
  self->no_expand = options->no_expand;
  self->rate_limit = options->rate_limit;

  if (options->tls_cert != NULL || options->tls_key != NULL)
    {
      if (options->tls_cert == NULL || options->tls_key == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "--tls-cert and --tls-key go together");
          return NULL;
        }
      self->certificate = g_tls_certificate_new_from_files (options->tls_cert,
                                                            options->tls_key, error);
      if (self->certificate == NULL)
        return NULL;
    }

  self->soup = g_object_new (SOUP_TYPE_SERVER, "server-header", "mailpost-sim", NULL);
  self->wire = sim_wire_new (self->soup, self->certificate);
  soup_server_add_handler (self->soup, API_PREFIX, api_handler, self, NULL);
  soup_server_add_handler (self->soup, "/sim", control_handler, self, NULL);
  soup_server_add_handler (self->soup, NULL, default_handler, self, NULL);

  sim_auth_register (self->api_router);
  sim_emailpro_register (self->api_router);
  sim_domains_register (self->api_router);
  sim_control_register (self->control_router);

  return g_steal_pointer (&self);
}

gboolean
sim_server_listen (SimServer  *self,
                   GError    **error)
{
  const char *colon = strrchr (self->listen, ':');
  g_autofree char *host = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  guint64 port;
  guint16 bound_port = 0;

  if (colon == NULL ||
      !g_ascii_string_to_unsigned (colon + 1, 10, 0, 65535, &port, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "--listen wants HOST:PORT, not “%s”", self->listen);
      return FALSE;
    }

  host = g_strndup (self->listen, colon - self->listen);
  if (host[0] == '[')
    {
      char *bare = g_strndup (host + 1, strlen (host) - 2);
      g_free (host);
      host = bare;
    }

  address = g_inet_socket_address_new_from_string (host, port);
  if (address == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” is not an IP address", host);
      return FALSE;
    }

  if (!sim_wire_listen (self->wire, address, &bound_port, error))
    return FALSE;

  self->root_url = g_strdup_printf ("%s://%s%s%s:%u",
                                    self->certificate ? "https" : "http",
                                    strchr (host, ':') ? "[" : "", host,
                                    strchr (host, ':') ? "]" : "", bound_port);
  self->base_url = g_strconcat (self->root_url, API_PREFIX, NULL);
  return TRUE;
}

const char *
sim_server_get_base_url (SimServer *self)
{
  return self->base_url;
}

const char *
sim_server_get_root_url (SimServer *self)
{
  return self->root_url;
}

SimState *
sim_server_get_state (SimServer *self)
{
  return self->state;
}

SimFaults *
sim_server_get_faults (SimServer *self)
{
  return self->faults;
}

gboolean
sim_server_is_tls (SimServer *self)
{
  return self->certificate != NULL;
}

void
sim_server_reset_stats (SimServer *self)
{
  self->requests = 0;
  self->peak_in_flight = self->in_flight;
}

JsonObject *
sim_server_get_stats (SimServer *self)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "requests", self->requests);
  json_object_set_int_member (object, "peak_in_flight", self->peak_in_flight);
  return object;
}

char *
sim_server_random_string (SimServer *self,
                          guint      length)
{
  static const char alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  char *text = g_new (char, length + 1);

  for (guint i = 0; i < length; i++)
    text[i] = alphabet[g_rand_int_range (self->rand, 0, sizeof alphabet - 1)];
  text[length] = '\0';
  return text;
}

const char *
sim_request_get_param (SimRequest *request,
                       const char *name)
{
  return request->params ? g_hash_table_lookup (request->params, name) : NULL;
}

const char *
sim_request_get_query (SimRequest *request,
                       const char *name)
{
  return request->query ? g_hash_table_lookup (request->query, name) : NULL;
}

static guint64
header_number (SoupMessageHeaders *headers,
               const char         *name,
               guint64             fallback)
{
  const char *value = soup_message_headers_get_one (headers, name);
  guint64 number;

  if (value != NULL && g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT32, &number, NULL))
    return number;
  return fallback;
}

void
sim_request_reply_list (SimRequest *request,
                        JsonArray  *ids,
                        JsonArray  *objects)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (request->msg);
  const char *mode = soup_message_headers_get_one (headers, "X-Pagination-Mode");
  g_autoptr(JsonArray) page = NULL;
  g_autofree char *total = NULL;
  guint64 size, number, first;
  guint length = json_array_get_length (objects);

  if (request->server->no_expand || g_strcmp0 (mode, "CachedObjectList-Pages") != 0)
    {
      sim_reply_json_array (request->msg, ids);
      return;
    }

  size = header_number (headers, "X-Pagination-Size", 5000);
  number = header_number (headers, "X-Pagination-Number", 1);
  first = (number - 1) * size;

  page = json_array_new ();
  for (guint64 i = first; i < length && i < first + size; i++)
    json_array_add_element (page, json_node_copy (json_array_get_element (objects, i)));

  total = g_strdup_printf ("%u", length);
  sim_reply_json_array (request->msg, page);
  soup_message_headers_replace (soup_server_message_get_response_headers (request->msg),
                                "X-Pagination-Elements", total);
}
