/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-dns-resolver.c: c-ares channels driven by the GLib main loop.
 *
 * c-ares tells us which sockets it wants watched through its socket-state callback; each one
 * becomes a GUnixFdSource that calls ares_process_fd().  Retransmissions and timeouts are driven
 * by one timer per channel, always re-armed to what ares_timeout() says is the next deadline,
 * so nothing polls and nothing runs in another thread.
 */
#include "config.h"

#include <ares.h>
#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "dns/mp-dns-private.h"

#define DEFAULT_TRY_TIMEOUT_MS 1000
#define DEFAULT_TIMEOUT_MS     4000
#define EDNS_PAYLOAD_SIZE      1232

typedef struct
{
  MpDnsResolver *resolver;     /* unowned: the resolver owns the channel */
  ares_channel   channel;
  GHashTable    *watches;      /* fd → GSource */
  GSource       *timer;
} Channel;

struct _MpDnsResolver
{
  GObject        parent_instance;

  GMainContext  *context;
  GHashTable    *channels;     /* "ADDRESS:PORT/rd" or "system/rd" → Channel */

  char          *nameserver;
  char          *bootstrap_server;
  guint          authoritative_port;
  guint          try_timeout_ms;
  guint          timeout_ms;
};

G_DEFINE_FINAL_TYPE (MpDnsResolver, mp_dns_resolver, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAMESERVER,
  PROP_BOOTSTRAP_SERVER,
  PROP_AUTHORITATIVE_PORT,
  PROP_TRY_TIMEOUT_MS,
  PROP_TIMEOUT_MS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


/* Channels. */

static void channel_update_timer (Channel *self);

static gboolean
on_channel_fd (int          fd,
               GIOCondition condition,
               gpointer     user_data)
{
  Channel *self = user_data;

  ares_process_fd (self->channel,
                   (condition & (G_IO_IN | G_IO_HUP | G_IO_ERR)) ? fd : ARES_SOCKET_BAD,
                   (condition & G_IO_OUT) ? fd : ARES_SOCKET_BAD);
  channel_update_timer (self);

  return G_SOURCE_CONTINUE;
}

static void
on_socket_state (void          *data,
                 ares_socket_t  fd,
                 int            readable,
                 int            writable)
{
  Channel *self = data;
  GSource *source;

  g_hash_table_remove (self->watches, GINT_TO_POINTER (fd));

  if (!readable && !writable)
    return;

  source = g_unix_fd_source_new (fd, (readable ? G_IO_IN : 0) | (writable ? G_IO_OUT : 0));
  g_source_set_callback (source, (GSourceFunc) on_channel_fd, self, NULL);
  g_source_set_static_name (source, "[mailpost] dns socket");
  g_source_attach (source, self->resolver->context);
  g_hash_table_insert (self->watches, GINT_TO_POINTER (fd), source);
}

static void
destroy_source (gpointer data)
{
  GSource *source = data;

  g_source_destroy (source);
  g_source_unref (source);
}

static gboolean
on_channel_timer (gpointer user_data)
{
  Channel *self = user_data;

  g_clear_pointer (&self->timer, g_source_unref);
  ares_process_fd (self->channel, ARES_SOCKET_BAD, ARES_SOCKET_BAD);
  channel_update_timer (self);

  return G_SOURCE_REMOVE;
}

static void
channel_update_timer (Channel *self)
{
  struct timeval next;
  guint64 ms;

  g_clear_pointer (&self->timer, destroy_source);

  if (ares_timeout (self->channel, NULL, &next) == NULL)
    return;

  ms = (guint64) next.tv_sec * 1000 + (next.tv_usec + 999) / 1000;
  self->timer = g_timeout_source_new (MIN (ms, G_MAXUINT));
  g_source_set_callback (self->timer, on_channel_timer, self, NULL);
  g_source_set_static_name (self->timer, "[mailpost] dns timer");
  g_source_attach (self->timer, self->resolver->context);
}

static void
channel_free (Channel *self)
{
  /* Pending queries finish with ARES_EDESTRUCTION and the socket callback still runs, so the
   * table must outlive ares_destroy(). */
  ares_destroy (self->channel);
  g_clear_pointer (&self->timer, destroy_source);
  g_hash_table_unref (self->watches);
  g_free (self);
}

/* How many tries fit in the overall limit: c-ares doubles the wait of each round. */
static int
count_tries (guint try_timeout_ms,
             guint timeout_ms)
{
  guint64 total = 0;
  guint64 wait = MAX (try_timeout_ms, 1);
  int tries = 0;

  while (total + wait <= timeout_ms && tries < 8)
    {
      total += wait;
      wait *= 2;
      tries++;
    }

  return MAX (tries, 1);
}

static gpointer
init_library (gpointer data)
{
  return GINT_TO_POINTER (ares_library_init (ARES_LIB_INIT_ALL));
}

/* The channel for one server (NULL: the system's resolvers), made on first use. */
static Channel *
get_channel (MpDnsResolver  *self,
             MpDnsServer    *server,
             gboolean        recurse,
             GError        **error)
{
  static GOnce library_once = G_ONCE_INIT;
  g_autofree char *address = server != NULL ? mp_dns_server_to_string (server) : NULL;
  g_autofree char *key = g_strdup_printf ("%s/%s", address != NULL ? address : "system",
                                          recurse ? "rd" : "nord");
  struct ares_options options = { 0, };
  Channel *channel;
  int status;

  channel = g_hash_table_lookup (self->channels, key);
  if (channel != NULL)
    return channel;

  g_once (&library_once, init_library, NULL);

  channel = g_new0 (Channel, 1);
  channel->resolver = self;
  channel->watches = g_hash_table_new_full (NULL, NULL, NULL, destroy_source);

  /* NOCHECKRESP: REFUSED and SERVFAIL come back to us as answers at once instead of being
   * retried until the limit — they are findings to report. */
  options.flags = ARES_FLAG_EDNS | ARES_FLAG_NOCHECKRESP | ARES_FLAG_NOSEARCH |
                  (recurse ? 0 : ARES_FLAG_NORECURSE);
  options.ednspsz = EDNS_PAYLOAD_SIZE;
  options.timeout = self->try_timeout_ms;
  options.tries = count_tries (self->try_timeout_ms, self->timeout_ms);
  options.sock_state_cb = on_socket_state;
  options.sock_state_cb_data = channel;

  status = ares_init_options (&channel->channel, &options,
                              ARES_OPT_FLAGS | ARES_OPT_EDNSPSZ | ARES_OPT_TIMEOUTMS |
                              ARES_OPT_TRIES | ARES_OPT_SOCK_STATE_CB);
  if (status == ARES_SUCCESS && address != NULL)
    status = ares_set_servers_ports_csv (channel->channel, address);

  if (status != ARES_SUCCESS)
    {
      g_debug ("c-ares could not start a channel for %s: %s", key, ares_strerror (status));
      if (channel->channel != NULL)
        ares_destroy (channel->channel);
      g_hash_table_unref (channel->watches);
      g_free (channel);
      g_set_error_literal (error, MP_DNS_ERROR, MP_DNS_ERROR_FAILED,
                           _("Mailpost could not prepare its DNS questions. Check that this computer has a network configuration (/etc/resolv.conf)."));
      return NULL;
    }

  g_hash_table_insert (self->channels, g_steal_pointer (&key), channel);
  return channel;
}

static void
drop_channels (MpDnsResolver *self)
{
  g_hash_table_remove_all (self->channels);
}


/* One question. */

typedef struct
{
  GTask           *task;            /* NULL once the task has returned */
  MpDnsServer     *server;
  char            *name;
  MpDnsRecordType  type;
  gboolean         expect_authority;
  guint            depth;
  GSource         *limit;
  GSource         *cancelled;
} Query;

static void
query_detach (Query *query)
{
  g_clear_pointer (&query->limit, destroy_source);
  g_clear_pointer (&query->cancelled, destroy_source);
}

static void
query_return_answer (Query       *query,
                     MpDnsAnswer *answer)
{
  GTask *task = g_steal_pointer (&query->task);

  query_detach (query);
  answer->depth = query->depth;
  g_task_return_pointer (task, answer, (GDestroyNotify) mp_dns_answer_unref);
  g_object_unref (task);
}

static void
query_free (Query *query)
{
  query_detach (query);
  g_clear_object (&query->task);
  g_clear_pointer (&query->server, mp_dns_server_unref);
  g_free (query->name);
  g_free (query);
}

static void
on_ares_answer (void          *arg,
                int            status,
                int            timeouts,
                unsigned char *message,
                int            length)
{
  Query *query = arg;

  if (query->task != NULL)
    {
      if (status == ARES_EDESTRUCTION || status == ARES_ECANCELLED)
        {
          GTask *task = g_steal_pointer (&query->task);

          query_detach (query);
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                                   _("The DNS check was stopped."));
          g_object_unref (task);
        }
      else if (message != NULL && length > 0)
        query_return_answer (query, mp_dns_answer_new_from_message (query->server, query->name, query->type,
                                                                    query->expect_authority,
                                                                    message, length));
      else
        {
          /* Nothing listening (ECONNREFUSED) is, for the user, the same as silence. */
          MpDnsStatus dns_status = (status == ARES_ETIMEOUT || status == ARES_ECONNREFUSED)
                                   ? MP_DNS_STATUS_TIMEOUT : MP_DNS_STATUS_ERROR;

          g_debug ("DNS %s %s: %s", query->name,
                   mp_dns_record_type_to_string (query->type), ares_strerror (status));
          query_return_answer (query, mp_dns_answer_new_empty (query->server, query->name,
                                                               query->type, dns_status));
        }
    }

  query_free (query);
}

/* The overall limit: c-ares may still be waiting for a late try, but the caller is not. */
static gboolean
on_query_limit (gpointer user_data)
{
  Query *query = user_data;

  g_clear_pointer (&query->limit, g_source_unref);
  if (query->task != NULL)
    query_return_answer (query, mp_dns_answer_new_empty (query->server, query->name,
                                                         query->type, MP_DNS_STATUS_TIMEOUT));
  return G_SOURCE_REMOVE;
}

static gboolean
on_query_cancelled (GCancellable *cancellable,
                    gpointer      user_data)
{
  Query *query = user_data;
  GTask *task = g_steal_pointer (&query->task);

  g_clear_pointer (&query->cancelled, g_source_unref);
  query_detach (query);
  if (task != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s",
                               _("The DNS check was stopped."));
      g_object_unref (task);
    }
  return G_SOURCE_REMOVE;
}

static gboolean
is_askable_name (const char *name)
{
  gsize length;

  if (name == NULL)
    return FALSE;

  length = strlen (name);
  if (length == 0 || length > 253 || !g_utf8_validate (name, -1, NULL))
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    if ((guchar) *p <= 0x20 || (guchar) *p >= 0x7f)
      return FALSE;

  return TRUE;
}

void
mp_dns_resolver_query_async (MpDnsResolver       *self,
                             MpDnsServer         *server,
                             const char          *name,
                             MpDnsRecordType      type,
                             guint                depth,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(MpDnsServer) bootstrap = NULL;
  g_autoptr(GError) error = NULL;
  gboolean recurse;
  Channel *channel;
  Query *query;

  g_return_if_fail (MP_IS_DNS_RESOLVER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp_dns_resolver_query_async);

  if (!is_askable_name (name))
    {
      /* TRANSLATORS: %s is a domain name as given */
      g_task_return_new_error (task, MP_DNS_ERROR, MP_DNS_ERROR_INVALID_NAME,
                               _("“%s” is not a domain name that can be looked up."),
                               name != NULL ? name : "");
      return;
    }

  recurse = server == NULL;
  if (server == NULL)
    server = bootstrap = mp_dns_resolver_dup_bootstrap (self);

  channel = get_channel (self, server, recurse, &error);
  if (channel == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  query = g_new0 (Query, 1);
  query->task = g_steal_pointer (&task);
  query->server = server != NULL ? mp_dns_server_ref (server) : NULL;
  query->name = g_strdup (name);
  query->type = type;
  query->expect_authority = !recurse;
  query->depth = depth;

  query->limit = g_timeout_source_new (self->timeout_ms);
  g_source_set_callback (query->limit, on_query_limit, query, NULL);
  g_source_set_static_name (query->limit, "[mailpost] dns limit");
  g_source_attach (query->limit, self->context);

  if (cancellable != NULL)
    {
      query->cancelled = g_cancellable_source_new (cancellable);
      g_source_set_callback (query->cancelled, (GSourceFunc) on_query_cancelled, query, NULL);
      g_source_attach (query->cancelled, self->context);
    }

  ares_query (channel->channel, name, 1 /* IN */, type, on_ares_answer, query);
  channel_update_timer (channel);
}

MpDnsAnswer *
mp_dns_resolver_query_finish (MpDnsResolver  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}


/* Settings. */

MpDnsResolver *
mp_dns_resolver_new (void)
{
  return g_object_new (MP_TYPE_DNS_RESOLVER, NULL);
}

MpDnsResolver *
mp_dns_resolver_new_from_environment (GError **error)
{
  g_autoptr(MpDnsResolver) self = mp_dns_resolver_new ();
  const char *override = g_getenv ("MAILPOST_DNS_SERVER");

  if (override != NULL && *override != '\0' &&
      !mp_dns_resolver_set_nameserver (self, override, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Stores "ADDRESS:PORT" in canonical form, or NULL. */
static gboolean
set_server_field (MpDnsResolver  *self,
                  char          **field,
                  GParamSpec     *pspec,
                  const char     *value,
                  GError        **error)
{
  g_autofree char *canonical = NULL;

  if (value != NULL && *value != '\0')
    {
      g_autofree char *address = NULL;
      guint16 port;
      g_autoptr(MpDnsServer) server = NULL;

      if (!mp_dns_parse_server (value, &address, &port, error))
        return FALSE;
      server = mp_dns_server_new (NULL, address, port);
      canonical = mp_dns_server_to_string (server);
    }

  if (g_strcmp0 (*field, canonical) == 0)
    return TRUE;

  g_free (*field);
  *field = g_steal_pointer (&canonical);
  drop_channels (self);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  return TRUE;
}

const char *
mp_dns_resolver_get_nameserver (MpDnsResolver *self)
{
  g_return_val_if_fail (MP_IS_DNS_RESOLVER (self), NULL);

  return self->nameserver;
}

gboolean
mp_dns_resolver_set_nameserver (MpDnsResolver  *self,
                                const char     *nameserver,
                                GError        **error)
{
  g_return_val_if_fail (MP_IS_DNS_RESOLVER (self), FALSE);

  return set_server_field (self, &self->nameserver, properties[PROP_NAMESERVER], nameserver, error);
}

const char *
mp_dns_resolver_get_bootstrap_server (MpDnsResolver *self)
{
  g_return_val_if_fail (MP_IS_DNS_RESOLVER (self), NULL);

  return self->bootstrap_server;
}

gboolean
mp_dns_resolver_set_bootstrap_server (MpDnsResolver  *self,
                                      const char     *server,
                                      GError        **error)
{
  g_return_val_if_fail (MP_IS_DNS_RESOLVER (self), FALSE);

  return set_server_field (self, &self->bootstrap_server, properties[PROP_BOOTSTRAP_SERVER], server, error);
}

guint
mp_dns_resolver_get_authoritative_port (MpDnsResolver *self)
{
  g_return_val_if_fail (MP_IS_DNS_RESOLVER (self), 53);

  return self->authoritative_port;
}

void
mp_dns_resolver_set_authoritative_port (MpDnsResolver *self,
                                        guint          port)
{
  g_return_if_fail (MP_IS_DNS_RESOLVER (self));
  g_return_if_fail (port >= 1 && port <= G_MAXUINT16);

  if (self->authoritative_port == port)
    return;

  self->authoritative_port = port;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHORITATIVE_PORT]);
}

void
mp_dns_resolver_set_timeouts (MpDnsResolver *self,
                              guint          try_timeout_ms,
                              guint          timeout_ms)
{
  g_return_if_fail (MP_IS_DNS_RESOLVER (self));
  g_return_if_fail (try_timeout_ms > 0 && timeout_ms > 0);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->try_timeout_ms != try_timeout_ms)
    {
      self->try_timeout_ms = try_timeout_ms;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRY_TIMEOUT_MS]);
    }
  if (self->timeout_ms != timeout_ms)
    {
      self->timeout_ms = timeout_ms;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT_MS]);
    }
  /* The tries are a channel option: new channels pick the new values up. */
  drop_channels (self);
  g_object_thaw_notify (G_OBJECT (self));
}

MpDnsServer *
mp_dns_resolver_dup_bootstrap (MpDnsResolver *self)
{
  const char *text;
  g_autofree char *address = NULL;
  guint16 port;

  g_return_val_if_fail (MP_IS_DNS_RESOLVER (self), NULL);

  text = self->nameserver != NULL ? self->nameserver : self->bootstrap_server;
  if (text == NULL || !mp_dns_parse_server (text, &address, &port, NULL))
    return NULL;

  return mp_dns_server_new (NULL, address, port);
}


static void
mp_dns_resolver_finalize (GObject *object)
{
  MpDnsResolver *self = (MpDnsResolver *) object;

  g_clear_pointer (&self->channels, g_hash_table_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->nameserver);
  g_free (self->bootstrap_server);

  G_OBJECT_CLASS (mp_dns_resolver_parent_class)->finalize (object);
}

static void
mp_dns_resolver_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MpDnsResolver *self = MP_DNS_RESOLVER (object);

  switch (prop_id)
    {
    case PROP_NAMESERVER:
      g_value_set_string (value, self->nameserver);
      break;
    case PROP_BOOTSTRAP_SERVER:
      g_value_set_string (value, self->bootstrap_server);
      break;
    case PROP_AUTHORITATIVE_PORT:
      g_value_set_uint (value, self->authoritative_port);
      break;
    case PROP_TRY_TIMEOUT_MS:
      g_value_set_uint (value, self->try_timeout_ms);
      break;
    case PROP_TIMEOUT_MS:
      g_value_set_uint (value, self->timeout_ms);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_dns_resolver_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  MpDnsResolver *self = MP_DNS_RESOLVER (object);
  g_autoptr(GError) error = NULL;

  switch (prop_id)
    {
    case PROP_NAMESERVER:
      if (!mp_dns_resolver_set_nameserver (self, g_value_get_string (value), &error))
        g_warning ("Ignoring the name server setting: %s", error->message);
      break;
    case PROP_BOOTSTRAP_SERVER:
      if (!mp_dns_resolver_set_bootstrap_server (self, g_value_get_string (value), &error))
        g_warning ("Ignoring the bootstrap server: %s", error->message);
      break;
    case PROP_AUTHORITATIVE_PORT:
      mp_dns_resolver_set_authoritative_port (self, g_value_get_uint (value));
      break;
    case PROP_TRY_TIMEOUT_MS:
      mp_dns_resolver_set_timeouts (self, g_value_get_uint (value), self->timeout_ms);
      break;
    case PROP_TIMEOUT_MS:
      mp_dns_resolver_set_timeouts (self, self->try_timeout_ms, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_dns_resolver_class_init (MpDnsResolverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = mp_dns_resolver_finalize;
  object_class->get_property = mp_dns_resolver_get_property;
  object_class->set_property = mp_dns_resolver_set_property;

  properties[PROP_NAMESERVER] =
    g_param_spec_string ("nameserver", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BOOTSTRAP_SERVER] =
    g_param_spec_string ("bootstrap-server", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHORITATIVE_PORT] =
    g_param_spec_uint ("authoritative-port", NULL, NULL, 1, G_MAXUINT16, 53,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TRY_TIMEOUT_MS] =
    g_param_spec_uint ("try-timeout-ms", NULL, NULL, 1, G_MAXUINT, DEFAULT_TRY_TIMEOUT_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMEOUT_MS] =
    g_param_spec_uint ("timeout-ms", NULL, NULL, 1, G_MAXUINT, DEFAULT_TIMEOUT_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_dns_resolver_init (MpDnsResolver *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->channels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) channel_free);
  self->authoritative_port = 53;
  self->try_timeout_ms = DEFAULT_TRY_TIMEOUT_MS;
  self->timeout_ms = DEFAULT_TIMEOUT_MS;
}
