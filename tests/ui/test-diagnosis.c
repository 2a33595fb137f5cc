/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The diagnosis page, its indicators and the check dialog, in the real window against the
 * simulator (tests/ui/seed-diagnosis.json) and Knot serving tests/zones on loopback. */
#include "config.h"

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
  MpTestDns *dns;
  MpTestSim *sim;
  MpWindow  *window;
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
         && g_list_model_get_n_items (mp_session_get_domains (session)) == 2
         && mp_diagnosis_page_find_row (page (fixture), "nomx.test") != NULL;
}

static gboolean
all_checked (gpointer data)
{
  Fixture *fixture = data;
  const char *names[] = { "good.test", "nomx.test" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      MpDomainCheck *check = mp_diagnosis_page_get_check (page (fixture), names[i]);

      if (check == NULL || mp_domain_check_get_checking (check)
          || (mp_domain_check_get_diagnosis (check) == NULL && mp_domain_check_get_error (check) == NULL))
        return FALSE;
    }

  return TRUE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *server = data;
  g_autofree char *seed = g_test_build_filename (G_TEST_DIST, "ui", "seed-diagnosis.json", NULL);

  fixture->dns = mp_test_dns_start ();
  fixture->sim = mp_test_sim_start (seed, NULL);

  /* The silent server never answers: DNS cannot be checked at all. */
  if (server != NULL && g_str_equal (server, "silent"))
    {
      g_autofree char *silent = g_strdup_printf ("127.0.0.4:%u", mp_test_dns_get_port (fixture->dns));

      g_setenv ("MAILPOST_DNS_SERVER", silent, TRUE);
    }
  else
    g_setenv ("MAILPOST_DNS_SERVER", mp_test_dns_get_bootstrap (fixture->dns), TRUE);

  g_setenv ("OVH_ENDPOINT", mp_test_sim_get_base_url (fixture->sim), TRUE);
  g_setenv ("OVH_APPLICATION_KEY", "testAppKeyDiag1a", TRUE);
  g_setenv ("OVH_APPLICATION_SECRET", "testAppSecretDiag1aaaaaaaaaaaaaa", TRUE);
  g_setenv ("OVH_CONSUMER_KEY", "testCkDiagnosis001aaaaaaaaaaaaaa", TRUE);

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
  GtkWindow *other;

  while ((other = mp_test_ui_find_window (GTK_TYPE_WINDOW)) != NULL
         && other != GTK_WINDOW (fixture->window))
    gtk_window_destroy (other);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_pointer (&fixture->sim, mp_test_sim_stop);
  g_clear_pointer (&fixture->dns, mp_test_dns_stop);
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

  g_test_add ("/mailpost/ui/diagnosis/indicator-states", Fixture, NULL,
              fixture_set_up, test_indicator_states, fixture_tear_down);
  g_test_add ("/mailpost/ui/diagnosis/check-dialog", Fixture, NULL,
              fixture_set_up, test_check_dialog, fixture_tear_down);
  g_test_add ("/mailpost/ui/diagnosis/copy-zone-file", Fixture, NULL,
              fixture_set_up, test_copy_zone_file, fixture_tear_down);
  g_test_add ("/mailpost/ui/diagnosis/dns-unreachable", Fixture, "silent",
              fixture_set_up, test_dns_unreachable, fixture_tear_down);

  return g_test_run ();
}
