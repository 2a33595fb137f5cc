/* SPDX-License-Identifier: GPL-3.0-or-later */
/* dns-relay.c: a loopback DNS relay that delays every answer, to measure round trips.
 *
 * For each address it listens on ADDRESS:listen_port (UDP and TCP) and forwards to
 * ADDRESS:upstream_port.  Questions go through at once; each answer is held for delay_ms before
 * it is sent back.  It runs in a thread of its own with its own main context, so its timing
 * does not depend on the loop being measured.
 */
#include "config.h"

#include <gio/gio.h>

#include "dns-relay.h"

struct _DnsRelay
{
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  GPtrArray    *sockets;       /* GSocket: listening UDP sockets */
  GPtrArray    *services;      /* GSocketService: TCP */
  guint16       listen_port;
  guint16       upstream_port;
  guint         delay_ms;
  char        **addresses;
};

typedef struct
{
  DnsRelay       *relay;
  GSocket        *listener;    /* where the client asked */
  GSocketAddress *client;
  GSocket        *upstream;
  GSource        *source;
  GBytes         *answer;
} UdpExchange;

static void
udp_exchange_free (UdpExchange *exchange)
{
  if (exchange->source != NULL)
    {
      g_source_destroy (exchange->source);
      g_source_unref (exchange->source);
    }
  g_clear_object (&exchange->client);
  g_clear_object (&exchange->upstream);
  g_clear_pointer (&exchange->answer, g_bytes_unref);
  g_free (exchange);
}

static gboolean
on_udp_delay_over (gpointer user_data)
{
  UdpExchange *exchange = user_data;
  gsize size;
  const char *data = g_bytes_get_data (exchange->answer, &size);

  g_socket_send_to (exchange->listener, exchange->client, data, size, NULL, NULL);
  udp_exchange_free (exchange);
  return G_SOURCE_REMOVE;
}

static gboolean
on_upstream_answer (GSocket      *socket,
                    GIOCondition  condition,
                    gpointer      user_data)
{
  UdpExchange *exchange = user_data;
  char buffer[65536];
  gssize size = g_socket_receive (socket, buffer, sizeof buffer, NULL, NULL);
  GSource *delay;

  g_clear_pointer (&exchange->source, g_source_unref);
  if (size <= 0)
    {
      udp_exchange_free (exchange);
      return G_SOURCE_REMOVE;
    }

  exchange->answer = g_bytes_new (buffer, size);
  delay = g_timeout_source_new (exchange->relay->delay_ms);
  g_source_set_callback (delay, on_udp_delay_over, exchange, NULL);
  g_source_attach (delay, exchange->relay->context);
  g_source_unref (delay);
  return G_SOURCE_REMOVE;
}

static gboolean
on_udp_question (GSocket      *socket,
                 GIOCondition  condition,
                 gpointer      user_data)
{
  DnsRelay *relay = user_data;
  char buffer[65536];
  GSocketAddress *client = NULL;
  gssize size = g_socket_receive_from (socket, &client, buffer, sizeof buffer, NULL, NULL);
  GInetSocketAddress *local;
  g_autoptr(GSocketAddress) target = NULL;
  UdpExchange *exchange;

  if (size <= 0)
    {
      g_clear_object (&client);
      return G_SOURCE_CONTINUE;
    }

  local = G_INET_SOCKET_ADDRESS (g_socket_get_local_address (socket, NULL));
  target = g_inet_socket_address_new (g_inet_socket_address_get_address (local), relay->upstream_port);
  g_object_unref (local);

  exchange = g_new0 (UdpExchange, 1);
  exchange->relay = relay;
  exchange->listener = socket;
  exchange->client = client;
  exchange->upstream = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM, G_SOCKET_PROTOCOL_UDP, NULL);
  g_socket_set_blocking (exchange->upstream, FALSE);
  g_socket_send_to (exchange->upstream, target, buffer, size, NULL, NULL);

  exchange->source = g_socket_create_source (exchange->upstream, G_IO_IN, NULL);
  g_source_set_callback (exchange->source, (GSourceFunc) on_upstream_answer, exchange, NULL);
  g_source_attach (exchange->source, relay->context);
  return G_SOURCE_CONTINUE;
}

/* TCP: one blocking thread per connection, enough for truncation fallbacks. */
static gboolean
read_all (GInputStream *input,
          void         *buffer,
          gsize         size)
{
  gsize done = 0;

  return g_input_stream_read_all (input, buffer, size, &done, NULL, NULL) && done == size;
}

static gboolean
on_tcp_connection (GThreadedSocketService *service,
                   GSocketConnection      *connection,
                   GObject                *source_object,
                   gpointer                user_data)
{
  DnsRelay *relay = user_data;
  g_autoptr(GSocketAddress) local = g_socket_connection_get_local_address (connection, NULL);
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketAddress) target = g_inet_socket_address_new (g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (local)),
                                                                relay->upstream_port);
  g_autoptr(GSocketConnection) upstream = g_socket_client_connect (client, G_SOCKET_CONNECTABLE (target), NULL, NULL);
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));

  while (upstream != NULL)
    {
      guint8 prefix[2];
      guint16 length;
      g_autofree guint8 *message = NULL;
      GInputStream *up_in = g_io_stream_get_input_stream (G_IO_STREAM (upstream));
      GOutputStream *up_out = g_io_stream_get_output_stream (G_IO_STREAM (upstream));

      if (!read_all (in, prefix, 2))
        break;
      length = (prefix[0] << 8) | prefix[1];
      message = g_malloc (length);
      if (!read_all (in, message, length) ||
          !g_output_stream_write_all (up_out, prefix, 2, NULL, NULL, NULL) ||
          !g_output_stream_write_all (up_out, message, length, NULL, NULL, NULL) ||
          !read_all (up_in, prefix, 2))
        break;
      length = (prefix[0] << 8) | prefix[1];
      g_free (message);
      message = g_malloc (length);
      if (!read_all (up_in, message, length))
        break;
      g_usleep (relay->delay_ms * 1000);
      if (!g_output_stream_write_all (out, prefix, 2, NULL, NULL, NULL) ||
          !g_output_stream_write_all (out, message, length, NULL, NULL, NULL))
        break;
    }

  return TRUE;
}

static gpointer
relay_thread (gpointer data)
{
  DnsRelay *relay = data;

  g_main_context_push_thread_default (relay->context);
  g_main_loop_run (relay->loop);
  g_main_context_pop_thread_default (relay->context);
  return NULL;
}

DnsRelay *
dns_relay_start (const char * const *addresses,
                 guint16             listen_port,
                 guint16             upstream_port,
                 guint               delay_ms)
{
  DnsRelay *relay = g_new0 (DnsRelay, 1);

  relay->context = g_main_context_new ();
  relay->loop = g_main_loop_new (relay->context, FALSE);
  relay->sockets = g_ptr_array_new_with_free_func (g_object_unref);
  relay->services = g_ptr_array_new_with_free_func (g_object_unref);
  relay->listen_port = listen_port;
  relay->upstream_port = upstream_port;
  relay->delay_ms = delay_ms;
  relay->addresses = g_strdupv ((char **) addresses);

  g_main_context_push_thread_default (relay->context);
  for (guint i = 0; addresses[i] != NULL; i++)
    {
      g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (addresses[i]);
      g_autoptr(GSocketAddress) address = g_inet_socket_address_new (inet, listen_port);
      g_autoptr(GError) error = NULL;
      GSocket *socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM, G_SOCKET_PROTOCOL_UDP, &error);
      GSocketService *service = g_threaded_socket_service_new (4);
      GSource *source;

      if (!g_socket_bind (socket, address, TRUE, &error) ||
          !g_socket_listener_add_address (G_SOCKET_LISTENER (service), address, G_SOCKET_TYPE_STREAM,
                                          G_SOCKET_PROTOCOL_TCP, NULL, NULL, &error))
        g_error ("The relay cannot listen on %s:%u: %s", addresses[i], listen_port, error->message);

      g_socket_set_blocking (socket, FALSE);
      source = g_socket_create_source (socket, G_IO_IN, NULL);
      g_source_set_callback (source, (GSourceFunc) on_udp_question, relay, NULL);
      g_source_attach (source, relay->context);
      g_source_unref (source);
      g_ptr_array_add (relay->sockets, socket);

      g_signal_connect (service, "run", G_CALLBACK (on_tcp_connection), relay);
      g_socket_service_start (service);
      g_ptr_array_add (relay->services, service);
    }
  g_main_context_pop_thread_default (relay->context);

  relay->thread = g_thread_new ("dns-relay", relay_thread, relay);
  return relay;
}

void
dns_relay_stop (DnsRelay *relay)
{
  g_main_loop_quit (relay->loop);
  g_thread_join (relay->thread);
  for (guint i = 0; i < relay->services->len; i++)
    g_socket_service_stop (g_ptr_array_index (relay->services, i));
  g_ptr_array_unref (relay->services);
  g_ptr_array_unref (relay->sockets);
  g_main_loop_unref (relay->loop);
  g_main_context_unref (relay->context);
  g_strfreev (relay->addresses);
  g_free (relay);
}
