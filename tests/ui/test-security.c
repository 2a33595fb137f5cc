/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The security policy dialog and the preferences against the simulator: values read from
 * the service, reasons shown live, only changes sent, a refusal keeps every value. */
#include "config.h"

#include "mp-test-sim.h"
#include "mp-test-ui.h"
#include "mp-preferences-window.h"
#include "mp-window-private.h"
#include "pages/security/mp-security-window.h"

#define WAIT_MS 15000

typedef struct
{
  MpTestSim        *sim;
  MpWindow         *window;
  MpSecurityWindow *dialog;
} Fixture;

static gboolean
service_loaded (gpointer data)
{
  Fixture *fixture = data;
  MpSession *session = _mp_window_get_session (fixture->window);

  return session != NULL && !mp_session_get_loading (session) && mp_session_get_server (session) != NULL;
}

static gboolean
dialog_loaded (gpointer data)
{
  Fixture *fixture = data;

  return mp_security_window_get_loaded (fixture->dialog);
}

static GtkWidget *
dialog_child (Fixture    *fixture,
              const char *name)
{
  return mp_test_ui_child (fixture->dialog, MP_TYPE_SECURITY_WINDOW, name);
}

static void
set_number (Fixture    *fixture,
            const char *name,
            double      value)
{
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (dialog_child (fixture, name)), value);
}

static const char *
subtitle_of (Fixture    *fixture,
             const char *row)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (dialog_child (fixture, row)));
}

static gboolean
can_save (Fixture *fixture)
{
  gboolean enabled = FALSE;

  g_object_get (dialog_child (fixture, "save_button"), "sensitive", &enabled, NULL);
  return enabled && gtk_widget_is_sensitive (dialog_child (fixture, "save_button"));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char * const args[] = { "--task-ms", "30", NULL };

  fixture->sim = mp_test_sim_start ("demo.json", args);
  g_setenv ("OVH_ENDPOINT", mp_test_sim_get_base_url (fixture->sim), TRUE);
  g_setenv ("OVH_APPLICATION_KEY", "demoAppKey7Qx2Lm", TRUE);
  g_setenv ("OVH_APPLICATION_SECRET", "demoAppSecret4Vb9Kp2Wn8Rt6Yc3Hj5", TRUE);
  g_setenv ("OVH_CONSUMER_KEY", "demoConsumerKey8Ht3Nq6Zp1Xw5Ls9D", TRUE);

  fixture->window = g_object_ref_sink (mp_window_new (NULL));
  gtk_window_present (GTK_WINDOW (fixture->window));
  mp_test_ui_wait_until (service_loaded, fixture, WAIT_MS, "the service is loaded");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.security-policy", NULL);
  fixture->dialog = MP_SECURITY_WINDOW (mp_test_ui_find_window (MP_TYPE_SECURITY_WINDOW));
  g_assert_nonnull (fixture->dialog);
  g_object_ref (fixture->dialog);
  mp_test_ui_wait_until (dialog_loaded, fixture, WAIT_MS, "the policy is read");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != (gpointer) fixture->window)
      gtk_window_destroy (l->data);
  g_list_free (toplevels);
  g_clear_object (&fixture->dialog);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_pointer (&fixture->sim, mp_test_sim_stop);
  g_unsetenv ("OVH_ENDPOINT");
  g_unsetenv ("OVH_APPLICATION_KEY");
  g_unsetenv ("OVH_APPLICATION_SECRET");
  g_unsetenv ("OVH_CONSUMER_KEY");
}

static void
test_reads_service_values (Fixture       *fixture,
                           gconstpointer  data)
{
  MpServicePolicy policy;

  mp_security_window_get_policy (fixture->dialog, &policy);
  /* demo.json */
  g_assert_true (policy.complexity_enabled);
  g_assert_cmpint (policy.min_password_length, ==, 9);
  g_assert_cmpint (policy.max_password_age, ==, 90);
  g_assert_cmpint (policy.lockout_threshold, ==, 5);
  g_assert_cmpint (policy.lockout_duration, ==, 30);
  g_assert_cmpint (policy.max_send_size, ==, 100);
  /* Nothing changed yet: nothing to save. */
  g_assert_false (can_save (fixture));
}

static void
test_reasons_shown_live (Fixture       *fixture,
                         gconstpointer  data)
{
  set_number (fixture, "min_length_spin", 2);
  g_assert_nonnull (strstr (subtitle_of (fixture, "min_length_row"), "between 3 and 14"));
  g_assert_false (can_save (fixture));

  set_number (fixture, "min_length_spin", 12);
  g_assert_null (strstr (subtitle_of (fixture, "min_length_row"), "between 3 and 14"));
  g_assert_true (can_save (fixture));

  /* Cross-checks: the window longer than the lock, the maximum age not above the minimum. */
  set_number (fixture, "window_spin", 45);
  g_assert_nonnull (strstr (subtitle_of (fixture, "window_row"), "at most 30 minutes"));
  g_assert_false (can_save (fixture));
  set_number (fixture, "duration_spin", 60);
  g_assert_null (strstr (subtitle_of (fixture, "window_row"), "at most"));

  set_number (fixture, "min_age_spin", 90);
  g_assert_nonnull (strstr (subtitle_of (fixture, "max_age_row"), "minimum age of 90 days"));
  g_assert_false (can_save (fixture));

  /* Without a threshold the lockout minutes are not used. */
  set_number (fixture, "min_age_spin", 1);
  set_number (fixture, "threshold_spin", 0);
  g_assert_false (gtk_widget_get_sensitive (dialog_child (fixture, "window_row")));
  g_assert_true (can_save (fixture));

  /* Deleting both spam and viruses leaves nothing for the Junk folder. */
  gtk_switch_set_active (GTK_SWITCH (dialog_child (fixture, "delete_spam_switch")), TRUE);
  gtk_switch_set_active (GTK_SWITCH (dialog_child (fixture, "delete_virus_switch")), TRUE);
  g_assert_false (gtk_widget_get_sensitive (dialog_child (fixture, "put_in_junk_row")));
}

static gboolean
dialog_closed (gpointer data)
{
  return mp_test_ui_find_window (MP_TYPE_SECURITY_WINDOW) == NULL;
}

static void
test_save_sends_changes (Fixture       *fixture,
                         gconstpointer  data)
{
  MpService *service = mp_session_get_service (_mp_window_get_session (fixture->window));
  g_autoptr(MpSession) session = g_object_ref (_mp_window_get_session (fixture->window));
  MpServicePolicy stored;
  GAsyncResult *result = NULL;
  g_autoptr(GError) error = NULL;

  set_number (fixture, "min_length_spin", 12);
  gtk_switch_set_active (GTK_SWITCH (dialog_child (fixture, "delete_virus_switch")), TRUE);
  g_assert_true (can_save (fixture));
  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "security.save", NULL);
  mp_test_ui_wait_until (dialog_closed, NULL, WAIT_MS, "the dialog closes after saving");

  /* The service shown is what the provider stored. */
  g_assert_cmpint (mp_service_get_min_password_length (service), ==, 12);

  mp_session_load_policy_async (session, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, WAIT_MS);
  g_assert_true (mp_session_load_policy_finish (session, result, &stored, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpint (stored.min_password_length, ==, 12);
  g_assert_true (stored.spam.delete_virus);
  /* What was not touched stayed as it was. */
  g_assert_cmpint (stored.lockout_threshold, ==, 5);
}

static gboolean
error_shown (gpointer data)
{
  Fixture *fixture = data;

  return gtk_widget_get_visible (dialog_child (fixture, "error_label"));
}

static void
test_refusal_keeps_input (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(JsonNode) answer = NULL;

  answer = mp_test_sim_control (fixture->sim, "POST", "/sim/fault",
                                "{\"method\":\"PUT\",\"path\":\"/email/pro/*\",\"status\":\"500\",\"rate\":\"x1\"}");
  set_number (fixture, "min_length_spin", 11);
  set_number (fixture, "receive_size_spin", 50);
  gtk_widget_activate_action (GTK_WIDGET (fixture->dialog), "security.save", NULL);
  mp_test_ui_wait_until (error_shown, fixture, WAIT_MS, "the refusal is shown");

  g_assert_nonnull (mp_test_ui_find_window (MP_TYPE_SECURITY_WINDOW));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (dialog_child (fixture, "min_length_spin"))), ==, 11);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (dialog_child (fixture, "receive_size_spin"))), ==, 50);
  /* It can be sent again as it is. */
  g_assert_true (can_save (fixture));
}

static void
test_preferences_dns_server (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  MpPreferencesWindow *preferences = mp_preferences_window_new (GTK_WINDOW (fixture->window));
  GtkWidget *row = mp_test_ui_child (preferences, MP_TYPE_PREFERENCES_WINDOW, "dns_server_row");
  GtkWidget *error_label = mp_test_ui_child (preferences, MP_TYPE_PREFERENCES_WINDOW, "dns_server_error");
  MpDnsResolver *resolver = mp_session_get_resolver (_mp_window_get_session (fixture->window));

  gtk_window_present (GTK_WINDOW (preferences));
  g_settings_reset (settings, "dns-server");

  /* A host name is refused and stays in the field; the setting is left alone. */
  gtk_editable_set_text (GTK_EDITABLE (row), "ns.example:53");
  g_signal_emit_by_name (row, "apply");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "ns.example:53");
  g_assert_cmpstr (g_settings_get_string (settings, "dns-server"), ==, "");

  /* A valid one reaches the session's resolver at once. */
  gtk_editable_set_text (GTK_EDITABLE (row), "127.0.0.1:5399");
  g_signal_emit_by_name (row, "apply");
  g_assert_false (gtk_widget_get_visible (error_label));
  {
    g_autofree char *stored = g_settings_get_string (settings, "dns-server");

    g_assert_cmpstr (stored, ==, "127.0.0.1:5399");
  }
  g_assert_nonnull (mp_dns_resolver_get_nameserver (resolver));

  g_settings_reset (settings, "dns-server");
  g_assert_null (mp_dns_resolver_get_nameserver (resolver));
  gtk_window_destroy (GTK_WINDOW (preferences));
}

int
main (int    argc,
      char **argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP no display: run under xvfb-run\n");
      return 0;
    }

  /* The setting, not the caller's variable, decides the DNS server here. */
  g_unsetenv ("MAILPOST_DNS_SERVER");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/mailpost/ui/security/reads-service-values", Fixture, NULL,
              fixture_set_up, test_reads_service_values, fixture_tear_down);
  g_test_add ("/mailpost/ui/security/reasons-shown-live", Fixture, NULL,
              fixture_set_up, test_reasons_shown_live, fixture_tear_down);
  g_test_add ("/mailpost/ui/security/save-sends-changes", Fixture, NULL,
              fixture_set_up, test_save_sends_changes, fixture_tear_down);
  g_test_add ("/mailpost/ui/security/refusal-keeps-input", Fixture, NULL,
              fixture_set_up, test_refusal_keeps_input, fixture_tear_down);
  g_test_add ("/mailpost/ui/preferences/dns-server-reaches-session", Fixture, NULL,
              fixture_set_up, test_preferences_dns_server, fixture_tear_down);

  return g_test_run ();
}
