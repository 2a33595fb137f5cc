/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "mp-test-sim-dns.h"

struct _MpTestSimDns
{
  char        *directory;
  MpTestSim   *sim;
  GSubprocess *knot;
  char        *nameserver;
};

/* A port free for UDP and TCP on 127.0.0.1. */
static guint16
pick_port (void)
{
  for (int attempt = 0; attempt < 50; attempt++)
    {
      g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
      g_autoptr(GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
      g_autoptr(GSocket) udp = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_DATAGRAM, G_SOCKET_PROTOCOL_UDP, NULL);
      g_autoptr(GSocket) tcp = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
      g_autoptr(GSocketAddress) bound = NULL;
      g_autoptr(GSocketAddress) same_port = NULL;
      guint16 port;

      if (!g_socket_bind (udp, any_port, FALSE, NULL) ||
          (bound = g_socket_get_local_address (udp, NULL)) == NULL)
        continue;
      port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
      same_port = g_inet_socket_address_new (loopback, port);
      if (g_socket_bind (tcp, same_port, FALSE, NULL))
        return port;
    }
  g_error ("No free port for Knot");
}

static void
die_with_parent (gpointer user_data)
{
#ifdef __linux__
  /* An aborted test must not leave a knotd behind. */
  prctl (PR_SET_PDEATHSIG, SIGTERM);
#endif
}

/* knotd answers once its control socket takes commands. */
static void
wait_for_knot (MpTestSimDns *dns)
{
  g_autofree char *socket_path = g_build_filename (dns->directory, "knot.sock", NULL);
  gint64 deadline = g_get_monotonic_time () + 8 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(GSubprocess) status = NULL;

      status = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, NULL,
                                 "knotc", "-s", socket_path, "status", NULL);
      if (status != NULL && g_subprocess_wait_check (status, NULL, NULL))
        return;
      g_usleep (20 * 1000);
    }
  g_error ("knotd did not start; see %s/knotd.log", dns->directory);
}

MpTestSimDns *
mp_test_sim_dns_start (const char         *seed,
                       const char * const *extra_args)
{
  MpTestSimDns *dns = g_new0 (MpTestSimDns, 1);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GStrvBuilder) args = g_strv_builder_new ();
  g_auto(GStrv) sim_args = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *zones_dir = NULL;
  g_autofree char *socket_path = NULL;
  g_autofree char *config_path = NULL;
  g_autofree char *log_path = NULL;
  g_autofree char *config = NULL;
  guint16 port = pick_port ();

  dns->directory = g_dir_make_tmp ("mailpost-sim-dns-XXXXXX", &error);
  g_assert_no_error (error);
  dns->nameserver = g_strdup_printf ("127.0.0.1:%u", port);
  zones_dir = g_build_filename (dns->directory, "zones", NULL);
  socket_path = g_build_filename (dns->directory, "knot.sock", NULL);

  g_strv_builder_add_many (args, "--zones-dir", zones_dir, "--knot-socket", socket_path, NULL);
  if (extra_args != NULL)
    g_strv_builder_addv (args, (const char **) extra_args);
  sim_args = g_strv_builder_end (args);
  dns->sim = mp_test_sim_start (seed, (const char * const *) sim_args);

  config = g_strdup_printf ("server:\n  rundir: \"%1$s\"\n  listen: 127.0.0.1@%2$u\n"
                            "control:\n  listen: \"%1$s/knot.sock\"\n"
                            "log:\n  - target: stderr\n    any: warning\n"
                            "database:\n  storage: \"%1$s\"\n"
                            "template:\n  - id: default\n    storage: \"%1$s\"\n"
                            "    zonefile-sync: -1\n    zonefile-load: whole\n    journal-content: none\n"
                            "include: \"%1$s/zones/knot-zones.conf\"\n",
                            dns->directory, port);
  config_path = g_build_filename (dns->directory, "knot.conf", NULL);
  g_file_set_contents (config_path, config, -1, &error);
  g_assert_no_error (error);

  log_path = g_build_filename (dns->directory, "knotd.log", NULL);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_set_stderr_file_path (launcher, log_path);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  dns->knot = g_subprocess_launcher_spawn (launcher, &error, "knotd", "-c", config_path, NULL);
  if (dns->knot == NULL)
    g_error ("Could not start knotd (install the package knot): %s", error->message);
  wait_for_knot (dns);

  return dns;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

void
mp_test_sim_dns_stop (MpTestSimDns *dns)
{
  if (dns == NULL)
    return;

  g_clear_pointer (&dns->sim, mp_test_sim_stop);
  if (dns->knot != NULL)
    {
      g_subprocess_send_signal (dns->knot, SIGTERM);
      g_subprocess_wait (dns->knot, NULL, NULL);
      g_clear_object (&dns->knot);
    }
  remove_tree (dns->directory);
  g_free (dns->directory);
  g_free (dns->nameserver);
  g_free (dns);
}

MpTestSim *
mp_test_sim_dns_get_sim (MpTestSimDns *dns)
{
  return dns->sim;
}

const char *
mp_test_sim_dns_get_nameserver (MpTestSimDns *dns)
{
  return dns->nameserver;
}
