/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sim-wire.h"

/* ---- what one connection has said so far ----------------------------------------------- */

typedef enum {
  FRAMING_HEAD,
  FRAMING_BODY,
  /* A chunked body: we stop tracking this connection rather than guess */
  FRAMING_LOST,
} Framing;

typedef struct
{
  gatomicrefcount ref_count;
  Framing         framing;
  GString        *head;
  guint64         body_left;
  /* char *, oldest first */
  GQueue          targets;
} WireLog;

static WireLog *
wire_log_new (void)
{
  WireLog *log = g_new0 (WireLog, 1);

  g_atomic_ref_count_init (&log->ref_count);
  log->head = g_string_new (NULL);
  g_queue_init (&log->targets);
  return log;
}

static WireLog *
wire_log_ref (WireLog *log)
{
  g_atomic_ref_count_inc (&log->ref_count);
  return log;
}

static void
wire_log_unref (WireLog *log)
{
  if (!g_atomic_ref_count_dec (&log->ref_count))
    return;
  g_string_free (log->head, TRUE);
  g_queue_clear_full (&log->targets, g_free);
  g_free (log);
}

static void
wire_log_parse_head (WireLog *log)
{
  g_auto(GStrv) lines = g_strsplit (log->head->str, "\r\n", -1);
  g_auto(GStrv) request_line = NULL;

  log->body_left = 0;
  if (lines[0] == NULL)
    return;

  request_line = g_strsplit (lines[0], " ", 3);
  if (g_strv_length (request_line) == 3)
    g_queue_push_tail (&log->targets, g_strdup (request_line[1]));

  for (guint i = 1; lines[i] != NULL; i++)
    {
      const char *colon = strchr (lines[i], ':');
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;

      if (colon == NULL)
        continue;
      name = g_strndup (lines[i], colon - lines[i]);
      value = g_strstrip (g_strdup (colon + 1));

      if (g_ascii_strcasecmp (name, "Content-Length") == 0)
        log->body_left = g_ascii_strtoull (value, NULL, 10);
      else if (g_ascii_strcasecmp (name, "Transfer-Encoding") == 0 &&
               g_ascii_strcasecmp (value, "identity") != 0)
        log->framing = FRAMING_LOST;
    }
}

static void
wire_log_feed (WireLog      *log,
               const guint8 *data,
               gsize         len)
{
  while (len > 0 && log->framing != FRAMING_LOST)
    {
      if (log->framing == FRAMING_BODY)
        {
          gsize skip = MIN (len, log->body_left);

          log->body_left -= skip;
          data += skip;
          len -= skip;
          if (log->body_left == 0)
            log->framing = FRAMING_HEAD;
          continue;
        }

      /* Blank lines between requests are allowed. */
      if (log->head->len == 0 && (*data == '\r' || *data == '\n'))
        {
          data++;
          len--;
          continue;
        }

      g_string_append_c (log->head, *data);
      data++;
      len--;

      if (g_str_has_suffix (log->head->str, "\r\n\r\n"))
        {
          wire_log_parse_head (log);
          g_string_truncate (log->head, 0);
          if (log->framing != FRAMING_LOST && log->body_left > 0)
            log->framing = FRAMING_BODY;
        }
    }
}

/* ---- an input stream that reports what it reads ---------------------------------------- */

#define SIM_TYPE_WIRE_INPUT_STREAM (sim_wire_input_stream_get_type ())
G_DECLARE_FINAL_TYPE (SimWireInputStream, sim_wire_input_stream, SIM, WIRE_INPUT_STREAM, GFilterInputStream)

struct _SimWireInputStream
{
  GFilterInputStream  parent_instance;
  WireLog            *log;
};

static void sim_wire_input_stream_pollable_init (GPollableInputStreamInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SimWireInputStream, sim_wire_input_stream, G_TYPE_FILTER_INPUT_STREAM,
                               G_IMPLEMENT_INTERFACE (G_TYPE_POLLABLE_INPUT_STREAM,
                                                      sim_wire_input_stream_pollable_init))

static GInputStream *
base_of (gpointer stream)
{
  return g_filter_input_stream_get_base_stream (G_FILTER_INPUT_STREAM (stream));
}

static gssize
sim_wire_input_stream_read (GInputStream  *stream,
                            void          *buffer,
                            gsize          count,
                            GCancellable  *cancellable,
                            GError       **error)
{
  gssize n = g_input_stream_read (base_of (stream), buffer, count, cancellable, error);

  if (n > 0)
    wire_log_feed (SIM_WIRE_INPUT_STREAM (stream)->log, buffer, n);
  return n;
}

static gboolean
sim_wire_input_stream_can_poll (GPollableInputStream *stream)
{
  GInputStream *base = base_of (stream);

  return G_IS_POLLABLE_INPUT_STREAM (base) &&
         g_pollable_input_stream_can_poll (G_POLLABLE_INPUT_STREAM (base));
}

static gboolean
sim_wire_input_stream_is_readable (GPollableInputStream *stream)
{
  return g_pollable_input_stream_is_readable (G_POLLABLE_INPUT_STREAM (base_of (stream)));
}

static GSource *
sim_wire_input_stream_create_source (GPollableInputStream *stream,
                                     GCancellable         *cancellable)
{
  g_autoptr(GSource) base_source =
    g_pollable_input_stream_create_source (G_POLLABLE_INPUT_STREAM (base_of (stream)), NULL);

  return g_pollable_source_new_full (stream, base_source, cancellable);
}

static gssize
sim_wire_input_stream_read_nonblocking (GPollableInputStream  *stream,
                                        void                  *buffer,
                                        gsize                  count,
                                        GError               **error)
{
  gssize n = g_pollable_input_stream_read_nonblocking (G_POLLABLE_INPUT_STREAM (base_of (stream)),
                                                       buffer, count, NULL, error);

  if (n > 0)
    wire_log_feed (SIM_WIRE_INPUT_STREAM (stream)->log, buffer, n);
  return n;
}

static void
sim_wire_input_stream_finalize (GObject *object)
{
  SimWireInputStream *self = SIM_WIRE_INPUT_STREAM (object);

  g_clear_pointer (&self->log, wire_log_unref);
  G_OBJECT_CLASS (sim_wire_input_stream_parent_class)->finalize (object);
}

static void
sim_wire_input_stream_class_init (SimWireInputStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GInputStreamClass *input_class = G_INPUT_STREAM_CLASS (klass);

  object_class->finalize = sim_wire_input_stream_finalize;
  input_class->read_fn = sim_wire_input_stream_read;
}

static void
sim_wire_input_stream_pollable_init (GPollableInputStreamInterface *iface)
{
  iface->can_poll = sim_wire_input_stream_can_poll;
  iface->is_readable = sim_wire_input_stream_is_readable;
  iface->create_source = sim_wire_input_stream_create_source;
  iface->read_nonblocking = sim_wire_input_stream_read_nonblocking;
}

static void
sim_wire_input_stream_init (SimWireInputStream *self)
{
}

/* ---- accepting ------------------------------------------------------------------------- */

struct _SimWire
{
  SoupServer       *soup;
  GTlsCertificate  *certificate;
  GSocketService   *service;
  /* "address:port" of the peer → WireLog */
  GHashTable       *logs;
};

static char *
peer_key (GSocketAddress *address)
{
  GInetSocketAddress *inet = G_INET_SOCKET_ADDRESS (address);
  g_autofree char *host = g_inet_address_to_string (g_inet_socket_address_get_address (inet));

  return g_strdup_printf ("%s:%u", host, g_inet_socket_address_get_port (inet));
}

typedef struct
{
  SimWire        *wire;
  GIOStream      *base;
  GSocketAddress *local;
  GSocketAddress *remote;
} PendingConnection;

static void
pending_connection_free (PendingConnection *pending)
{
  g_clear_object (&pending->base);
  g_clear_object (&pending->local);
  g_clear_object (&pending->remote);
  g_free (pending);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PendingConnection, pending_connection_free)

static void
forget_peer (gpointer  data,
             GObject  *where_the_stream_was)
{
  GHashTable *logs = ((gpointer *) data)[0];
  char *key = ((gpointer *) data)[1];

  /* A new connection may already have reused the peer's port. */
  if (g_hash_table_lookup (logs, key) == ((gpointer *) data)[2])
    g_hash_table_remove (logs, key);
  g_hash_table_unref (logs);
  g_free (key);
  g_free (data);
}

static void
hand_to_soup (PendingConnection *pending)
{
  SimWire *wire = pending->wire;
  WireLog *log = wire_log_new ();
  g_autoptr(GInputStream) input = g_object_new (SIM_TYPE_WIRE_INPUT_STREAM,
                                                "base-stream", g_io_stream_get_input_stream (pending->base),
                                                "close-base-stream", FALSE,
                                                NULL);
  g_autoptr(GIOStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  char *key = peer_key (pending->remote);
  gpointer *weak_data = g_new (gpointer, 3);

  SIM_WIRE_INPUT_STREAM (input)->log = wire_log_ref (log);
  stream = g_simple_io_stream_new (input, g_io_stream_get_output_stream (pending->base));
  /* The simple stream does not own the connection under it; this reference does. */
  g_object_set_data_full (G_OBJECT (stream), "sim-wire-base",
                          g_object_ref (pending->base), g_object_unref);

  g_hash_table_replace (wire->logs, g_strdup (key), log);
  weak_data[0] = g_hash_table_ref (wire->logs);
  weak_data[1] = key;
  weak_data[2] = log;
  g_object_weak_ref (G_OBJECT (stream), forget_peer, weak_data);

  if (!soup_server_accept_iostream (wire->soup, stream, pending->local, pending->remote, &error))
    g_warning ("Could not serve a connection: %s", error->message);
}

static void
on_handshake_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PendingConnection) pending = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_tls_connection_handshake_finish (G_TLS_CONNECTION (source), result, &error))
    {
      g_debug ("TLS handshake failed: %s", error->message);
      return;
    }
  hand_to_soup (pending);
}

static gboolean
on_incoming (GSocketService    *service,
             GSocketConnection *connection,
             GObject           *source_object,
             gpointer           user_data)
{
  SimWire *wire = user_data;
  g_autoptr(PendingConnection) pending = g_new0 (PendingConnection, 1);
  g_autoptr(GError) error = NULL;
  GTlsConnection *tls;

  pending->wire = wire;
  pending->local = g_socket_connection_get_local_address (connection, NULL);
  pending->remote = g_socket_connection_get_remote_address (connection, NULL);
  if (pending->local == NULL || pending->remote == NULL)
    return TRUE;

  if (wire->certificate == NULL)
    {
      pending->base = g_object_ref (G_IO_STREAM (connection));
      hand_to_soup (pending);
      return TRUE;
    }

  pending->base = g_tls_server_connection_new (G_IO_STREAM (connection), wire->certificate, &error);
  if (pending->base == NULL)
    {
      g_warning ("Could not start TLS: %s", error->message);
      return TRUE;
    }
  tls = G_TLS_CONNECTION (pending->base);
  g_tls_connection_handshake_async (tls, G_PRIORITY_DEFAULT, NULL,
                                    on_handshake_done, g_steal_pointer (&pending));
  return TRUE;
}

SimWire *
sim_wire_new (SoupServer      *soup,
              GTlsCertificate *certificate)
{
  SimWire *wire = g_new0 (SimWire, 1);

  wire->soup = g_object_ref (soup);
  wire->certificate = certificate ? g_object_ref (certificate) : NULL;
  wire->logs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) wire_log_unref);
  wire->service = g_socket_service_new ();
  g_signal_connect (wire->service, "incoming", G_CALLBACK (on_incoming), wire);
  return wire;
}

void
sim_wire_free (SimWire *wire)
{
  g_socket_service_stop (wire->service);
  g_socket_listener_close (G_SOCKET_LISTENER (wire->service));
  g_signal_handlers_disconnect_by_data (wire->service, wire);
  g_clear_object (&wire->service);
  g_clear_object (&wire->certificate);
  g_clear_object (&wire->soup);
  g_hash_table_unref (wire->logs);
  g_free (wire);
}

gboolean
sim_wire_listen (SimWire         *wire,
                 GSocketAddress  *address,
                 guint16         *bound_port,
                 GError         **error)
{
  g_autoptr(GSocketAddress) effective = NULL;

  if (!g_socket_listener_add_address (G_SOCKET_LISTENER (wire->service), address,
                                      G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                      NULL, &effective, error))
    return FALSE;

  *bound_port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  g_socket_service_start (wire->service);
  return TRUE;
}

/* Compares what libsoup decoded with what we saw, so a request libsoup refused before any
 * handler ran cannot shift the queue. */
static gboolean
same_path (const char *raw_target,
           const char *soup_path)
{
  const char *query = strchr (raw_target, '?');
  g_autofree char *raw_path = g_strndup (raw_target, query ? query - raw_target : strlen (raw_target));
  g_autofree char *raw_decoded = g_uri_unescape_string (raw_path, NULL);
  g_autofree char *soup_decoded = g_uri_unescape_string (soup_path, NULL);

  return raw_decoded != NULL && g_strcmp0 (raw_decoded, soup_decoded) == 0;
}

char *
sim_wire_take_target (SimWire           *wire,
                      SoupServerMessage *msg)
{
  GSocketAddress *remote = soup_server_message_get_remote_address (msg);
  g_autofree char *key = NULL;
  WireLog *log;
  const char *soup_path = g_uri_get_path (soup_server_message_get_uri (msg));

  if (remote == NULL || !G_IS_INET_SOCKET_ADDRESS (remote))
    return NULL;

  key = peer_key (remote);
  log = g_hash_table_lookup (wire->logs, key);
  if (log == NULL)
    return NULL;

  while (!g_queue_is_empty (&log->targets))
    {
      g_autofree char *target = g_queue_pop_head (&log->targets);

      if (same_path (target, soup_path))
        return g_steal_pointer (&target);
    }
  return NULL;
}

GIOStream *
sim_wire_get_base (GIOStream *stolen)
{
  return g_object_get_data (G_OBJECT (stolen), "sim-wire-base");
}
