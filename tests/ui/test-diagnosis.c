/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The diagnosis page, its indicators and the check dialog, in the real window against the
 * simulator (tests/ui/seed-diagnosis.json) and Knot serving tests/zones on loopback; and
 * "Fix Automatically" end to end: the simulator owns the zones of test-dns.json, writes them
 * as zone files that a Knot of this test serves, and reloads it after the fix. */
#include "config.h"

#include <signal.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <glib/gstdio.h>

#include "mp-test-knot.h"
#include "mp-test-sim.h"
#include "mp-test-ui.h"
#include "mp-window-private.h"
#include "pages/diagnosis/mp-check-dialog.h"
#include "widgets/mp-record-row.h"
#include "widgets/mp-status-indicator.h"

#define WAIT_MS 20000

typedef struct
{
  const char *seed;       /* NULL: tests/ui/seed-diagnosis.json */
  const char *application_key;
  const char *application_secret;
  const char *consumer_key;
  const char *dns;        /* "zones": tests/zones; "silent": nobody answers; "sim": the
                           * simulator's own zones */
  const char *domains[3];
} Setup;

static const Setup zones_setup = {
  NULL, "testAppKeyDiag1a", "testAppSecretDiag1aaaaaaaaaaaaaa", "testCkDiagnosis001aaaaaaaaaaaaaa",
  "zones", { "good.test", "nomx.test", NULL },
};

static const Setup silent_setup = {
  NULL, "testAppKeyDiag1a", "testAppSecretDiag1aaaaaaaaaaaaaa", "testCkDiagnosis001aaaaaaaaaaaaaa",
  "silent", { "good.test", "nomx.test", NULL },
};

static const Setup hosted_setup = {
  "test-dns.json", "testAppKeyDns1aa", "testAppSecretDns1aaaaaaaaaaaaaaa", "testCkDnsFix00001aaaaaaaaaaaaaaa",
  "sim", { "fixme.test", "moved.test", NULL },
};

typedef struct
{
  const Setup *setup;
  MpTestDns   *dns;
  MpTestSim   *sim;
  MpWindow    *window;
  /* "sim": a knotd serving the simulator's zone files, and its folder. */
  char        *directory;
  GSubprocess *knot;
} Fixture;

static MpDiagnosisPage *
page (Fixture *fixture)
{
  return _mp_window_get_diagnosis_page (fixture->window);
}

static GtkWidget *
page_child (Fixture    *fixture,
            const char *name)
{
  return mp_test_ui_child (page (fixture), MP_TYPE_DIAGNOSIS_PAGE, name);
}

static gboolean
domains_loaded (gpointer data)
{
  Fixture *fixture = data;
  MpSession *session = _mp_window_get_session (fixture->window);

  return session != NULL && !mp_session_get_loading (session)
         && mp_diagnosis_page_find_row (page (fixture), fixture->setup->domains[0]) != NULL
         && mp_diagnosis_page_find_row (page (fixture), fixture->setup->domains[1]) != NULL;
}

static gboolean
all_checked (gpointer data)
{
  Fixture *fixture = data;

  for (guint i = 0; fixture->setup->domains[i] != NULL; i++)
    {
      MpDomainCheck *check = mp_diagnosis_page_get_check (page (fixture), fixture->setup->domains[i]);

      if (check == NULL || mp_domain_check_get_checking (check)
          || (mp_domain_check_get_diagnosis (check) == NULL && mp_domain_check_get_error (check) == NULL))
        return FALSE;
    }

  return TRUE;
}

static void
die_with_parent (gpointer user_data)
{
#ifdef __linux__
  /* An aborted test must not leave a knotd behind. */
  prctl (PR_SET_PDEATHSIG, SIGTERM);
#endif
}

/* The simulator writes its zone files and knot-zones.conf into DIR/zones and reloads this
 * knotd through DIR/knot.sock after each /refresh (tools/ovh-sim/README.md). */
static void
start_sim_with_knot (Fixture *fixture)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                                                       | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GError) error = NULL;
  g_autofree char *zones_dir = NULL;
  g_autofree char *socket_path = NULL;
  g_autofree char *config_path = NULL;
  g_autofree char *config = NULL;
  g_autofree char *server = NULL;
  guint16 port = mp_test_dns_pick_port ();

  fixture->directory = g_dir_make_tmp ("mailpost-ui-diagnosis-XXXXXX", &error);
  g_assert_no_error (error);
  zones_dir = g_build_filename (fixture->directory, "zones", NULL);
  socket_path = g_build_filename (fixture->directory, "knot.sock", NULL);

  {
    const char * const args[] = {
      "--task-ms", "100", "--zones-dir", zones_dir, "--knot-socket", socket_path, NULL
    };

    fixture->sim = mp_test_sim_start (fixture->setup->seed, args);
  }

  config = g_strdup_printf ("server:\n  rundir: \"%1$s\"\n  listen: 127.0.0.1@%2$u\n"
                            "control:\n  listen: \"%1$s/knot.sock\"\n"
                            "database:\n  storage: \"%1$s\"\n"
                            "template:\n  - id: default\n    storage: \"%1$s\"\n"
                            "    zonefile-sync: -1\n    zonefile-load: whole\n    journal-content: none\n"
                            "include: \"%1$s/zones/knot-zones.conf\"\n",
                            fixture->directory, port);
  config_path = g_build_filename (fixture->directory, "knot.conf", NULL);
  g_file_set_contents (config_path, config, -1, &error);
  g_assert_no_error (error);

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  fixture->knot = g_subprocess_launcher_spawn (launcher, &error, "knotd", "-c", config_path, NULL);
  if (fixture->knot == NULL)
    g_error ("Could not start knotd (install the package knot): %s", error->message);

  server = g_strdup_printf ("127.0.0.1:%u", port);
  g_setenv ("MAILPOST_DNS_SERVER", server, TRUE);
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

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const Setup *setup = data;

  fixture->setup = setup;

  if (g_str_equal (setup->dns, "sim"))
    start_sim_with_knot (fixture);
  else
    {
      g_autofree char *seed = g_test_build_filename (G_TEST_DIST, "ui", "seed-diagnosis.json", NULL);

      fixture->dns = mp_test_dns_start ();
      fixture->sim = mp_test_sim_start (seed, NULL);

      /* The silent server never answers: DNS cannot be checked at all. */
      if (g_str_equal (setup->dns, "silent"))
        {
          g_autofree char *silent = g_strdup_printf ("127.0.0.4:%u", mp_test_dns_get_port (fixture->dns));

          g_setenv ("MAILPOST_DNS_SERVER", silent, TRUE);
        }
      else
        g_setenv ("MAILPOST_DNS_SERVER", mp_test_dns_get_bootstrap (fixture->dns), TRUE);
    }

  g_setenv ("OVH_ENDPOINT", mp_test_sim_get_base_url (fixture->sim), TRUE);
  g_setenv ("OVH_APPLICATION_KEY", setup->application_key, TRUE);
  g_setenv ("OVH_APPLICATION_SECRET", setup->application_secret, TRUE);
  g_setenv ("OVH_CONSUMER_KEY", setup->consumer_key, TRUE);

  fixture->window = g_object_ref_sink (mp_window_new (NULL));
  gtk_window_present (GTK_WINDOW (fixture->window));
  mp_test_ui_wait_until (domains_loaded, fixture, WAIT_MS, "the service and its domains are loaded");

  /* A silent server would take the resolver's full 4 s per question. */
  mp_dns_resolver_set_timeouts (mp_session_get_resolver (_mp_window_get_session (fixture->window)),
                                200, 600);

  adw_view_stack_set_visible_child_name (_mp_window_get_view_stack (fixture->window), "diagnosis");
  mp_test_ui_wait_until (all_checked, fixture, WAIT_MS, "every domain is checked");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* Dialogs first: a later test must not find this one's. */
  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) other = g_list_model_get_item (toplevels, i - 1);

      if (other != GTK_WINDOW (fixture->window))
        gtk_window_destroy (other);
    }
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_pointer (&fixture->sim, mp_test_sim_stop);
  g_clear_pointer (&fixture->dns, mp_test_dns_stop);
  if (fixture->knot != NULL)
    {
      g_subprocess_send_signal (fixture->knot, SIGTERM);
      g_subprocess_wait (fixture->knot, NULL, NULL);
      g_clear_object (&fixture->knot);
    }
  if (fixture->directory != NULL)
    remove_tree (fixture->directory);
  g_clear_pointer (&fixture->directory, g_free);
  g_unsetenv ("MAILPOST_DNS_SERVER");
}

static MpCheckStatus
indicator_status (Fixture    *fixture,
                  const char *name,
                  MpCheckId   id)
{
  MpDiagnosisRow *row = mp_diagnosis_page_find_row (page (fixture), name);
  GtkWidget *indicator;

  g_assert_nonnull (row);
  indicator = mp_diagnosis_row_get_indicator (row, id);
  g_assert_nonnull (indicator);
  return mp_status_indicator_get_status (MP_STATUS_INDICATOR (indicator));
}

static void
test_indicator_states (Fixture       *fixture,
                       gconstpointer  data)
{
  MpDiagnosisRow *row = mp_diagnosis_page_find_row (page (fixture), "nomx.test");
  GtkWidget *indicator;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (page_child (fixture, "stack"))), ==, "list");

  /* Everything right on good.test; its ownership CNAME is there but not yet confirmed. */
  g_assert_cmpint (indicator_status (fixture, "good.test", MP_CHECK_ID_MX), ==, MP_CHECK_STATUS_OK);
  g_assert_cmpint (indicator_status (fixture, "good.test", MP_CHECK_ID_SPF), ==, MP_CHECK_STATUS_OK);
  g_assert_cmpint (indicator_status (fixture, "good.test", MP_CHECK_ID_SRV), ==, MP_CHECK_STATUS_OK);
  g_assert_cmpint (indicator_status (fixture, "good.test", MP_CHECK_ID_CNAME), ==, MP_CHECK_STATUS_IN_PROGRESS);
  g_assert_true (mp_domain_check_is_pending (mp_diagnosis_page_get_check (page (fixture), "good.test")));

  /* No MX on nomx.test, which is validated: no ownership indicator. */
  g_assert_cmpint (indicator_status (fixture, "nomx.test", MP_CHECK_ID_MX), ==, MP_CHECK_STATUS_ERROR);
  g_assert_cmpint (indicator_status (fixture, "nomx.test", MP_CHECK_ID_SPF), ==, MP_CHECK_STATUS_OK);
  g_assert_null (mp_diagnosis_row_get_indicator (row, MP_CHECK_ID_CNAME));

  /* Never colour alone: the word and the accessible name say it too. */
  indicator = mp_diagnosis_row_get_indicator (row, MP_CHECK_ID_MX);
  g_assert_nonnull (mp_test_ui_find_label (indicator, "Problem"));
  g_assert_nonnull (mp_test_ui_find_label (indicator, "MX"));
  g_assert_cmpstr (mp_status_indicator_get_accessible_name (MP_STATUS_INDICATOR (indicator)), ==,
                   "Incoming mail (MX): Problem");
  g_assert_true (gtk_widget_has_css_class (indicator, "mp-status-error"));

  /* The provider's own mxIsValid still says true: the row says it has not re-checked. */
  g_assert_nonnull (mp_test_ui_find_label (GTK_WIDGET (row), "has not re-checked yet"));
  g_assert_nonnull (mp_test_ui_find_label (GTK_WIDGET (row), "Checked just now"));

  mp_test_ui_screenshot ("diagnosis-page");

  /* The Domains page's "Check DNS" comes here and checks that domain now. */
  adw_view_stack_set_visible_child_name (_mp_window_get_view_stack (fixture->window), "domains");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-diagnosis",
                                             "s", "nomx.test"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (_mp_window_get_view_stack (fixture->window)), ==,
                   "diagnosis");
  g_assert_true (mp_domain_check_get_checking (mp_diagnosis_page_get_check (page (fixture), "nomx.test")));
  mp_test_ui_wait_until (all_checked, fixture, WAIT_MS, "nomx.test is checked again");
}

static MpCheckDialog *
open_dialog (Fixture    *fixture,
             const char *name,
             const char *check_id)
{
  MpCheckDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page (fixture)), "diagnosis.show-check",
                                             "(ss)", name, check_id));
  dialog = MP_CHECK_DIALOG (mp_test_ui_find_window (MP_TYPE_CHECK_DIALOG));
  g_assert_nonnull (dialog);
  return dialog;
}

static GtkWidget *
dialog_child (MpCheckDialog *dialog,
              const char    *name)
{
  return mp_test_ui_child (dialog, MP_TYPE_CHECK_DIALOG, name);
}

static void
test_check_dialog (Fixture       *fixture,
                   gconstpointer  data)
{
  MpCheckDialog *dialog = open_dialog (fixture, "nomx.test", "mx");
  GtkWidget *servers = dialog_child (dialog, "servers_group");
  GtkWidget *add_group = dialog_child (dialog, "add_group");

  g_assert_cmpint (mp_check_dialog_get_check_id (dialog), ==, MP_CHECK_ID_MX);
  g_assert_cmpint (mp_status_indicator_get_status (MP_STATUS_INDICATOR (dialog_child (dialog, "indicator"))),
                   ==, MP_CHECK_STATUS_ERROR);

  /* Expected and found, side by side. */
  g_assert_nonnull (mp_test_ui_find_label (dialog_child (dialog, "expected_box"),
                                           "nomx.test. 3600 IN MX 1 mx0.mail.ovh.net."));
  g_assert_nonnull (mp_test_ui_find_label (dialog_child (dialog, "found_box"), "No record."));

  /* Each name server's answer with its zone version. */
  g_assert_true (gtk_widget_get_visible (servers));
  g_assert_nonnull (mp_test_ui_find_label (servers, "Zone version 2026010101"));
  g_assert_nonnull (mp_test_ui_find_label (servers, "of 1 name server."));

  /* The records to create, each field with its own copy button. */
  g_assert_true (gtk_widget_get_visible (add_group));
  g_assert_nonnull (mp_test_ui_find_label (add_group, "MX record for @"));
  g_assert_nonnull (mp_test_ui_find_label (add_group, "nomx.test. 3600 IN MX 1 mx0.mail.ovh.net."));
  g_assert_nonnull (mp_test_ui_find_label (add_group, "1 mx0.mail.ovh.net."));

  /* The zone is not in this account: no automatic fix, but the guide for other DNS hosts. */
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "fix_button")));
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "guide_button")));

  mp_test_ui_screenshot ("diagnosis-check-dialog");
}

static void
test_copy_zone_file (Fixture       *fixture,
                     gconstpointer  data)
{
  MpCheckDialog *dialog = open_dialog (fixture, "nomx.test", "mx");
  MpDomainCheck *check = mp_check_dialog_get_check (dialog);
  MpCheckResult *result = mp_domain_diagnosis_get_result (mp_domain_check_get_diagnosis (check), MP_CHECK_ID_MX);
  g_autofree char *expected = mp_check_result_fix_to_zone_file (result);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (dialog));

  g_assert_nonnull (expected);
  g_assert_nonnull (strstr (expected, "nomx.test. 3600 IN MX 1 mx0.mail.ovh.net."));

  g_signal_emit_by_name (dialog_child (dialog, "copy_zone_button"), "clicked");
  /* Our own content: read it back without a round trip through the X server. */
  g_assert_true (gdk_clipboard_is_local (clipboard));
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (gdk_clipboard_get_content (clipboard), &value, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (g_value_get_string (&value), ==, expected);
}

static void
test_dns_unreachable (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkStack *stack = GTK_STACK (page_child (fixture, "stack"));

  /* Nobody answers: the whole page says so, with a Retry. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "failed");
  g_assert_nonnull (adw_status_page_get_description (ADW_STATUS_PAGE (page_child (fixture, "failed_page"))));
  g_assert_true (gtk_widget_get_visible (page_child (fixture, "retry_button")));

  mp_test_ui_screenshot ("diagnosis-unreachable");

  /* Retry asks again (and shows the list while it does). */
  g_signal_emit_by_name (page_child (fixture, "retry_button"), "clicked");
  g_assert_true (mp_domain_check_get_checking (mp_diagnosis_page_get_check (page (fixture), "good.test")));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  mp_test_ui_wait_until (all_checked, fixture, WAIT_MS, "the retry ended");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "failed");
}

static gboolean
checked (gpointer data)
{
  return !mp_domain_check_get_checking (data);
}

/* knotd takes a moment to load the simulator's zones: check until it answers. */
static void
check_until_answered (MpDomainCheck *check)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_MS * G_TIME_SPAN_MILLISECOND;

  while (mp_domain_check_get_diagnosis (check) == NULL
         || !mp_domain_diagnosis_could_check (mp_domain_check_get_diagnosis (check)))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      mp_domain_check_run (check);
      mp_test_ui_wait_until (checked, check, WAIT_MS, "the check ends");
    }
}

static AdwMessageDialog *
press_fix (MpCheckDialog *dialog)
{
  AdwMessageDialog *confirmation;

  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "fix_button")));
  g_signal_emit_by_name (dialog_child (dialog, "fix_button"), "clicked");
  confirmation = ADW_MESSAGE_DIALOG (mp_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (confirmation);
  return confirmation;
}

static gboolean
mx_fixed (gpointer data)
{
  MpDomainCheck *check = data;
  MpDomainDiagnosis *diagnosis = mp_domain_check_get_diagnosis (check);

  return !mp_domain_check_get_following_fix (check) && !mp_domain_check_get_checking (check)
         && mp_domain_diagnosis_get_result (diagnosis, MP_CHECK_ID_MX)->status == MP_CHECK_STATUS_OK;
}

static void
test_fix_turns_green (Fixture       *fixture,
                      gconstpointer  data)
{
  MpDomainCheck *check = mp_diagnosis_page_get_check (page (fixture), "fixme.test");
  GtkWidget *extra;
  AdwMessageDialog *confirmation;
  MpCheckDialog *dialog;

  check_until_answered (check);
  g_assert_cmpint (indicator_status (fixture, "fixme.test", MP_CHECK_ID_MX), ==, MP_CHECK_STATUS_ERROR);
  g_assert_true (mp_session_zone_is_hosted (_mp_window_get_session (fixture->window), "fixme.test"));
  mp_domain_check_set_intervals (check, MP_DOMAIN_CHECK_PENDING_INTERVAL_MS, 100);

  dialog = open_dialog (fixture, "fixme.test", "mx");
  confirmation = press_fix (dialog);

  /* The exact change first. */
  extra = adw_message_dialog_get_extra_child (confirmation);
  g_assert_nonnull (mp_test_ui_find_label (extra, "Records that will be created"));
  g_assert_nonnull (mp_test_ui_find_label (extra, "fixme.test. 3600 IN MX 1 mx0.mail.ovh.net."));
  g_assert_null (mp_test_ui_find_label (extra, "will be replaced"));
  mp_test_ui_screenshot ("diagnosis-fix-confirmation");

  adw_message_dialog_response (confirmation, "apply");
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "fix_status_box")));
  mp_test_ui_wait_until (mx_fixed, check, WAIT_MS, "the fix is applied and checked again");

  /* Red to green through the zone API, Knot's reload and the live check. */
  g_assert_cmpint (indicator_status (fixture, "fixme.test", MP_CHECK_ID_MX), ==, MP_CHECK_STATUS_OK);
  g_assert_cmpint (mp_status_indicator_get_status (MP_STATUS_INDICATOR (dialog_child (dialog, "indicator"))),
                   ==, MP_CHECK_STATUS_OK);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (dialog_child (dialog, "fix_status_label"))), ==,
                   "Fixed. Every name server now gives the right answer.");
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "fix_button")));
  mp_test_ui_screenshot ("diagnosis-fixed");
}

static void
test_fix_says_mx_is_replaced (Fixture       *fixture,
                              gconstpointer  data)
{
  MpDomainCheck *check = mp_diagnosis_page_get_check (page (fixture), "moved.test");
  AdwMessageDialog *confirmation;
  MpCheckDialog *dialog;

  check_until_answered (check);
  dialog = open_dialog (fixture, "moved.test", "mx");
  confirmation = press_fix (dialog);

  /* Another host receives the mail today: said plainly, and the button says it too. */
  g_assert_nonnull (mp_test_ui_find_label (adw_message_dialog_get_extra_child (confirmation),
                                           "Your current incoming mail servers will be replaced."));
  g_assert_nonnull (mp_test_ui_find_label (adw_message_dialog_get_extra_child (confirmation),
                                           "IN MX 10 mx.old-provider.example."));
  g_assert_cmpstr (adw_message_dialog_get_response_label (confirmation, "apply"), ==, "_Replace and Fix");

  /* Cancel changes nothing. */
  adw_message_dialog_response (confirmation, "cancel");
  g_assert_false (mp_domain_check_get_following_fix (check));
  g_assert_cmpint (indicator_status (fixture, "moved.test", MP_CHECK_ID_MX), ==, MP_CHECK_STATUS_ERROR);
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display: run under xvfb-run\n");
      return 0;
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/mailpost/ui/diagnosis/indicator-states", Fixture, &zones_setup,
              fixture_set_up, test_indicator_states, fixture_tear_down);
  g_test_add ("/mailpost/ui/diagnosis/check-dialog", Fixture, &zones_setup,
              fixture_set_up, test_check_dialog, fixture_tear_down);
  g_test_add ("/mailpost/ui/diagnosis/copy-zone-file", Fixture, &zones_setup,
              fixture_set_up, test_copy_zone_file, fixture_tear_down);
  g_test_add ("/mailpost/ui/diagnosis/dns-unreachable", Fixture, &silent_setup,
              fixture_set_up, test_dns_unreachable, fixture_tear_down);
  g_test_add ("/mailpost/ui/diagnosis/fix-automatically/red-to-green", Fixture, &hosted_setup,
              fixture_set_up, test_fix_turns_green, fixture_tear_down);
  g_test_add ("/mailpost/ui/diagnosis/fix-automatically/says-mx-is-replaced", Fixture, &hosted_setup,
              fixture_set_up, test_fix_says_mx_is_replaced, fixture_tear_down);

  return g_test_run ();
}
