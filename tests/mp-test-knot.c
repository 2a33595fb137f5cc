/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "mp-test-knot.h"

#define READY_TIMEOUT_MS 8000

typedef struct
{
  GSubprocess *process;
  char        *directory;
} Knot;

struct _MpTestDns
{
  guint16  port;
  char    *bootstrap;
  Knot     primary;
  Knot     secondary;
  GSocket *silent;
};

const char *
mp_test_zones_dir (void)
{
  static char *directory = NULL;

  if (directory == NULL)
    {
      const char *env = g_getenv ("MAILPOST_ZONES");

      directory = env != NULL ? g_strdup (env)
                              : g_build_filename (g_getenv ("G_TEST_SRCDIR") != NULL ? g_getenv ("G_TEST_SRCDIR") : ".",
                                                  "zones", NULL);
    }

  return directory;
}

guint16
mp_test_dns_pick_port (void)
{
  for (int attempt = 0; attempt < 50; attempt++)
    {
      g_autoptr(GSocket) probe = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM, G_SOCKET_PROTOCOL_UDP, NULL);
      g_autoptr(GInetAddress) any = g_inet_address_new_from_string ("127.0.0.1");
      g_autoptr(GSocketAddress) address = g_inet_socket_address_new (any, 0);
      g_autoptr(GSocketAddress) bound = NULL;
      gboolean free_everywhere = TRUE;
      guint16 port;

      if (!g_socket_bind (probe, address, FALSE, NULL) ||
          (bound = g_socket_get_local_address (probe, NULL)) == NULL)
        continue;
      port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
      g_socket_close (probe, NULL);

      for (int host = 1; host <= 4 && free_everywhere; host++)
        for (int type = 0; type < 2 && free_everywhere; type++)
          {
            g_autofree char *text = g_strdup_printf ("127.0.0.%d", host);
            g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (text);
            g_autoptr(GSocketAddress) target = g_inet_socket_address_new (inet, port);
            g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4,
                                                      type == 0 ? G_SOCKET_TYPE_DATAGRAM : G_SOCKET_TYPE_STREAM,
                                                      G_SOCKET_PROTOCOL_DEFAULT, NULL);

            free_everywhere = socket != NULL && g_socket_bind (socket, target, FALSE, NULL);
          }

      if (free_everywhere)
        return port;
    }

  g_error ("No free port on 127.0.0.1–4 for the test DNS servers");
}

static void
die_with_parent (gpointer user_data)
{
#ifdef __linux__
  /* An aborted test must not leave a knotd behind. */
  prctl (PR_SET_PDEATHSIG, SIGTERM);
#endif
}

static void
add_zone (GString    *config,
          const char *file)
{
  g_autofree char *base = g_path_get_basename (file);

  base[strlen (base) - strlen (".zone")] = '\0';
  g_string_append_printf (config, "  - domain: \"%s\"\n    file: \"%s\"\n", base, file);
}

static void
knot_start (Knot               *knot,
            const char         *zones,
            const char * const *addresses,
            guint16             port,
            gboolean            secondary)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) config = g_string_new (NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *config_path = NULL;
  g_autofree char *log_path = NULL;
  const char *name;

  knot->directory = g_dir_make_tmp ("mailpost-knot-XXXXXX", &error);
  g_assert_no_error (error);
  for (const char *sub = "run"; sub != NULL; sub = g_str_equal (sub, "run") ? "db" : NULL)
    {
      g_autofree char *path = g_build_filename (knot->directory, sub, NULL);

      g_mkdir (path, 0700);
    }

  g_string_append_printf (config, "server:\n  rundir: \"%s/run\"\n", knot->directory);
  for (guint i = 0; addresses[i] != NULL; i++)
    g_string_append_printf (config, "  listen: %s@%u\n", addresses[i], port);
  g_string_append_printf (config,
                          "log:\n  - target: stderr\n    any: warning\n"
                          "database:\n  storage: \"%s/db\"\n"
                          "template:\n  - id: default\n    storage: \"%s\"\n"
                          "    zonefile-sync: -1\n    zonefile-load: whole\n    journal-content: none\n"
                          "zone:\n",
                          knot->directory, knot->directory);

  if (secondary)
    {
      g_autofree char *good = g_build_filename (zones, "good.test.zone", NULL);
      g_autofree char *subdir = g_build_filename (zones, "secondary", NULL);

      add_zone (config, good);
      dir = g_dir_open (subdir, 0, &error);
      g_assert_no_error (error);
      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".zone"))
          {
            g_autofree char *file = g_build_filename (subdir, name, NULL);

            add_zone (config, file);
          }
    }
  else
    {
      dir = g_dir_open (zones, 0, &error);
      g_assert_no_error (error);
      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".zone"))
          {
            g_autofree char *file = g_build_filename (zones, name, NULL);

            add_zone (config, file);
          }
    }

  config_path = g_build_filename (knot->directory, "knot.conf", NULL);
  g_file_set_contents (config_path, config->str, -1, &error);
  g_assert_no_error (error);

  log_path = g_build_filename (knot->directory, "knotd.log", NULL);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_set_stderr_file_path (launcher, log_path);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  knot->process = g_subprocess_launcher_spawn (launcher, &error, "knotd", "-c", config_path, NULL);
  if (knot->process == NULL)
    g_error ("Could not start knotd (install the package knot): %s", error->message);
}

/* A minimal SOA question, answered or not within 100 ms. */
static gboolean
answers (const char *address,
         guint16     port,
         const char *zone)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM, G_SOCKET_PROTOCOL_UDP, NULL);
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (address);
  g_autoptr(GSocketAddress) target = g_inet_socket_address_new (inet, port);
  g_autoptr(GByteArray) query = g_byte_array_new ();
  static const guint8 header[] = { 0x4d, 0x50, 0x00, 0x00, 0, 1, 0, 0, 0, 0, 0, 0 };
  static const guint8 question_tail[] = { 0, 0, 6, 0, 1 };
  g_auto(GStrv) labels = g_strsplit (zone, ".", -1);
  guint8 reply[512];

  g_byte_array_append (query, header, sizeof header);
  for (guint i = 0; labels[i] != NULL; i++)
    {
      guint8 length = strlen (labels[i]);

      g_byte_array_append (query, &length, 1);
      g_byte_array_append (query, (const guint8 *) labels[i], length);
    }
  g_byte_array_append (query, question_tail, sizeof question_tail);

  g_socket_set_timeout (socket, 0);
  if (g_socket_send_to (socket, target, (const char *) query->data, query->len, NULL, NULL) < 0 ||
      !g_socket_condition_timed_wait (socket, G_IO_IN, 100 * 1000, NULL, NULL))
    return FALSE;

  return g_socket_receive (socket, (char *) reply, sizeof reply, NULL, NULL) >= 12;
}

static void
wait_until_ready (const char *address,
                  guint16     port,
                  const char *zone,
                  Knot       *knot)
{
  gint64 deadline = g_get_monotonic_time () + READY_TIMEOUT_MS * 1000;

  while (!answers (address, port, zone))
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_autofree char *log_path = g_build_filename (knot->directory, "knotd.log", NULL);
          g_autofree char *log = NULL;

          g_file_get_contents (log_path, &log, NULL, NULL);
          g_error ("knotd did not answer on %s:%u:\n%s", address, port, log != NULL ? log : "");
        }
      g_usleep (10 * 1000);
    }
}

static void
knot_stop (Knot *knot)
{
  if (knot->process != NULL)
    {
      g_subprocess_send_signal (knot->process, SIGTERM);
      g_subprocess_wait (knot->process, NULL, NULL);
      g_clear_object (&knot->process);
    }

  if (knot->directory != NULL)
    {
      const char *subs[] = { "run", "db", NULL };

      /* knotd leaves a few files of its own: remove the whole directory, only ours. */
      for (guint i = 0; subs[i] != NULL; i++)
        {
          g_autofree char *path = g_build_filename (knot->directory, subs[i], NULL);
          g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
          const char *name;

          while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
            {
              g_autofree char *file = g_build_filename (path, name, NULL);

              g_remove (file);
            }
          g_rmdir (path);
        }
      {
        g_autoptr(GDir) dir = g_dir_open (knot->directory, 0, NULL);
        const char *name;

        while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
          {
            g_autofree char *file = g_build_filename (knot->directory, name, NULL);

            g_remove (file);
          }
      }
      g_rmdir (knot->directory);
      g_clear_pointer (&knot->directory, g_free);
    }
}

MpTestDns *
mp_test_dns_start (void)
{
  return mp_test_dns_start_for_zones (mp_test_zones_dir ());
}

MpTestDns *
mp_test_dns_start_for_zones (const char *zones)
{
  static const char * const primary[] = { "127.0.0.1", "127.0.0.2", NULL };
  static const char * const secondary[] = { "127.0.0.3", NULL };
  MpTestDns *dns = g_new0 (MpTestDns, 1);
  g_autoptr(GInetAddress) silent_address = g_inet_address_new_from_string ("127.0.0.4");
  g_autoptr(GSocketAddress) silent_target = NULL;
  g_autoptr(GError) error = NULL;

  dns->port = mp_test_dns_pick_port ();
  dns->bootstrap = g_strdup_printf ("127.0.0.1:%u", dns->port);

  knot_start (&dns->primary, zones, primary, dns->port, FALSE);
  knot_start (&dns->secondary, zones, secondary, dns->port, TRUE);

  /* Bound, never read: questions to it go unanswered. */
  silent_target = g_inet_socket_address_new (silent_address, dns->port);
  dns->silent = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM, G_SOCKET_PROTOCOL_UDP, &error);
  g_assert_no_error (error);
  g_socket_bind (dns->silent, silent_target, FALSE, &error);
  g_assert_no_error (error);

  wait_until_ready ("127.0.0.1", dns->port, "test", &dns->primary);
  wait_until_ready ("127.0.0.2", dns->port, "good.test", &dns->primary);
  wait_until_ready ("127.0.0.3", dns->port, "good.test", &dns->secondary);

  return dns;
}

void
mp_test_dns_stop (MpTestDns *dns)
{
  if (dns == NULL)
    return;

  knot_stop (&dns->primary);
  knot_stop (&dns->secondary);
  g_clear_object (&dns->silent);
  g_free (dns->bootstrap);
  g_free (dns);
}

guint16
mp_test_dns_get_port (MpTestDns *dns)
{
  return dns->port;
}

const char *
mp_test_dns_get_bootstrap (MpTestDns *dns)
{
  return dns->bootstrap;
}
