/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The overview's setup checklist and "Set up a mail client" in the real window, against the
 * simulator with its zones served by Knot: a new service is walked through the steps in
 * order, each button opens the page that finishes its step, a saved file completes step 5,
 * and nothing is wider than a 360 px window. */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "emailpro/mp-client-config.h"
#include "mp-test-sim-dns.h"
#include "mp-test-ui.h"
#include "mp-window-private.h"
#include "pages/overview/mp-client-setup-window.h"
#include "pages/overview/mp-setup-checklist-group.h"

#define WAIT_MS 15000

typedef struct
{
  const char *seed;
  const char *application_key;
  const char *application_secret;
  const char *consumer_key;
} Stage;

#define STAGE(n, name) \
  { "test-stage-" name ".json", "stageAppKey" #n "aaaa", \
    "stageAppSecret" #n "aaaaaaaaaaaaaaaaa", "stageCk" #n "aaaaaaaaaaaaaaaaaaaaaaaa" }

static const Stage stage_new = STAGE (1, "new");
static const Stage stage_domain = STAGE (2, "domain");
static const Stage stage_accounts = STAGE (4, "accounts");

typedef struct
{
  MpTestSimDns *dns;
  MpWindow     *window;
  MpSetupStep   step;      /* what a condition waits for */
} Fixture;

static MpOverviewPage *
overview (Fixture *fixture)
{
  return _mp_window_get_overview_page (fixture->window);
}

static MpSetupChecklist *
checklist (Fixture *fixture)
{
  return mp_overview_page_get_checklist (overview (fixture));
}

static MpSetupChecklistGroup *
checklist_group (Fixture *fixture)
{
  return MP_SETUP_CHECKLIST_GROUP (mp_test_ui_child (overview (fixture), MP_TYPE_OVERVIEW_PAGE,
                                                     "checklist_group"));
}

static gboolean
loaded (gpointer data)
{
  Fixture *fixture = data;
  MpSession *session = _mp_window_get_session (fixture->window);

  return session != NULL && !mp_session_get_loading (session) && checklist (fixture) != NULL;
}

/* Neither reading the service nor checking DNS. */
static gboolean
settled (gpointer data)
{
  Fixture *fixture = data;

  if (!loaded (fixture))
    return FALSE;
  for (guint i = 0; i < MP_SETUP_N_STEPS; i++)
    if (mp_setup_checklist_get_state (checklist (fixture), i) == MP_SETUP_STATE_CHECKING)
      return FALSE;
  return TRUE;
}

static gboolean
step_done (gpointer data)
{
  Fixture *fixture = data;

  return mp_setup_checklist_get_state (checklist (fixture), fixture->step) == MP_SETUP_STATE_DONE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const Stage *stage = data;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "exported-accounts");
  fixture->dns = mp_test_sim_dns_start (stage->seed, NULL);
  g_setenv ("MAILPOST_DNS_SERVER", mp_test_sim_dns_get_nameserver (fixture->dns), TRUE);
  g_setenv ("OVH_ENDPOINT", mp_test_sim_get_base_url (mp_test_sim_dns_get_sim (fixture->dns)), TRUE);
  g_setenv ("OVH_APPLICATION_KEY", stage->application_key, TRUE);
  g_setenv ("OVH_APPLICATION_SECRET", stage->application_secret, TRUE);
  g_setenv ("OVH_CONSUMER_KEY", stage->consumer_key, TRUE);

  fixture->window = g_object_ref_sink (mp_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 960, 720);
  gtk_window_present (GTK_WINDOW (fixture->window));
  mp_test_ui_wait_until (settled, fixture, WAIT_MS, "the service is read and its DNS checked");
  adw_view_stack_set_visible_child_name (_mp_window_get_view_stack (fixture->window), "overview");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (window != GTK_WINDOW (fixture->window))
        gtk_window_destroy (window);
    }
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_pointer (&fixture->dns, mp_test_sim_dns_stop);
  g_unsetenv ("MAILPOST_DNS_SERVER");
}

static const char *
visible_page (Fixture *fixture)
{
  return adw_view_stack_get_visible_child_name (_mp_window_get_view_stack (fixture->window));
}

/* Only the current step is highlighted and its button is the suggested one. */
static void
assert_current_step (Fixture *fixture,
                     int      current)
{
  MpSetupChecklistGroup *group = checklist_group (fixture);

  g_assert_cmpint (mp_setup_checklist_get_current_step (checklist (fixture)), ==, current);
  for (guint i = 0; i < MP_SETUP_N_STEPS; i++)
    {
      GtkWidget *row = GTK_WIDGET (mp_setup_checklist_group_get_row (group, i));
      GtkButton *button = mp_setup_checklist_group_get_button (group, i);

      g_assert_cmpint (gtk_widget_has_css_class (row, "mp-current-step"), ==, (int) i == current);
      if (button != NULL)
        g_assert_cmpint (gtk_widget_has_css_class (GTK_WIDGET (button), "suggested-action"), ==,
                         (int) i == current);
    }
}

static void
test_new_service_in_order (Fixture       *fixture,
                           gconstpointer  data)
{
  MpSetupChecklistGroup *group = checklist_group (fixture);
  GtkButton *button;

  assert_current_step (fixture, MP_SETUP_STEP_DOMAIN);
  g_assert_null (mp_setup_checklist_group_get_button (group, MP_SETUP_STEP_SIGN_IN));
  g_assert_nonnull (mp_test_ui_find_label (GTK_WIDGET (mp_setup_checklist_group_get_row (group, MP_SETUP_STEP_SIGN_IN)),
                                           "Done"));
  g_assert_nonnull (mp_test_ui_find_label (GTK_WIDGET (mp_setup_checklist_group_get_row (group, MP_SETUP_STEP_DOMAIN)),
                                           "To do"));
  mp_test_ui_screenshot ("overview-checklist-new");

  button = mp_setup_checklist_group_get_button (group, MP_SETUP_STEP_DOMAIN);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (visible_page (fixture), ==, "domains");
}

static void
test_dns_button_opens_diagnosis (Fixture       *fixture,
                                 gconstpointer  data)
{
  MpSetupChecklistGroup *group = checklist_group (fixture);
  GtkButton *button = mp_setup_checklist_group_get_button (group, MP_SETUP_STEP_DNS);
  g_autoptr(GVariant) target = NULL;

  assert_current_step (fixture, MP_SETUP_STEP_DNS);
  /* Done steps need no button. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (mp_setup_checklist_group_get_button (group, MP_SETUP_STEP_DOMAIN))));
  g_object_get (button, "action-target", &target, NULL);
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "bakery.test");

  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (visible_page (fixture), ==, "diagnosis");
}

static MpClientSetupWindow *
open_client_setup (Fixture *fixture)
{
  GtkWindow *window;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (overview (fixture)), "overview.set-up-client", NULL));
  window = mp_test_ui_find_window (MP_TYPE_CLIENT_SETUP_WINDOW);
  g_assert_nonnull (window);
  return MP_CLIENT_SETUP_WINDOW (window);
}

static char *
read_file (GFile *file)
{
  char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

typedef struct
{
  GFile *file;
  char  *text;
} Wait;

static gboolean
file_written (gpointer data)
{
  return g_file_query_exists (((Wait *) data)->file, NULL);
}

static void
read_text_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Wait *wait = user_data;

  wait->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
}

static gboolean
text_read (gpointer data)
{
  return ((Wait *) data)->text != NULL;
}

static char *
read_clipboard (GtkWidget *widget)
{
  Wait wait = { NULL, NULL };

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, read_text_cb, &wait);
  mp_test_ui_wait_until (text_read, &wait, WAIT_MS, "the clipboard is read");
  return wait.text;
}

static void
test_saved_file_completes_checklist (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("mailpost-test-XXXXXX", NULL);
  g_autoptr(GFile) autoconfig = g_file_new_build_filename (dir, MP_CLIENT_CONFIG_AUTOCONFIG_NAME, NULL);
  g_autoptr(GFile) profile = g_file_new_build_filename (dir, "ben.mobileconfig", NULL);
  g_autofree char *xml = NULL;
  g_autofree char *plist = NULL;
  g_autofree char *instructions = NULL;
  MpClientSetupWindow *window;
  Wait wait = { NULL, NULL };

  assert_current_step (fixture, MP_SETUP_STEP_MAIL_CLIENT);
  window = open_client_setup (fixture);
  /* Only configured accounts are offered. */
  g_assert_cmpstr (mp_client_setup_window_get_address (window), ==, "anna@bakery.test");
  g_assert_false (mp_client_setup_window_select_address (window, "a1b2c3d4e5@configureme.me"));
  g_assert_true (mp_client_setup_window_select_address (window, "ben@bakery.test"));
  mp_test_ui_screenshot ("client-setup-window");

  mp_client_setup_window_save_to_file (window, MP_CLIENT_SETUP_THUNDERBIRD, autoconfig);
  fixture->step = MP_SETUP_STEP_MAIL_CLIENT;
  mp_test_ui_wait_until (step_done, fixture, WAIT_MS, "step 5 is done");
  assert_current_step (fixture, MP_SETUP_STEP_NONE);
  xml = read_file (autoconfig);
  g_assert_nonnull (strstr (xml, "<username>ben@bakery.test</username>"));
  g_assert_nonnull (strstr (xml, "<hostname>pro1.mail.ovh.net</hostname>"));

  mp_client_setup_window_save_to_file (window, MP_CLIENT_SETUP_APPLE, profile);
  wait.file = profile;
  mp_test_ui_wait_until (file_written, &wait, WAIT_MS, "the profile is written");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  plist = read_file (profile);
  g_assert_nonnull (strstr (plist, "<string>com.apple.mail.managed</string>"));
  g_assert_nonnull (strstr (plist, "<string>Ben Weber</string>"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "client-setup.copy-instructions", NULL));
  instructions = read_clipboard (GTK_WIDGET (window));
  g_assert_nonnull (strstr (instructions, "Your e-mail address: ben@bakery.test"));
  g_assert_nonnull (strstr (instructions, "Port: 587"));
  g_assert_nonnull (strstr (instructions, "Webmail: https://pro1.mail.ovh.net/owa"));

  g_file_delete (autoconfig, NULL, NULL);
  g_file_delete (profile, NULL, NULL);
  g_rmdir (dir);
}

static void
test_copy_instructions_from_overview (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autofree char *text = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (overview (fixture)), "overview.copy-instructions", NULL));
  text = read_clipboard (GTK_WIDGET (overview (fixture)));
  g_assert_nonnull (strstr (text, "Server: pro1.mail.ovh.net\nPort: 993\nSecurity: SSL/TLS"));
  g_assert_nonnull (strstr (text, mp_client_config_get_first_login_note ()));
  g_assert_null (strstr (text, "Your e-mail address:"));
}

/* The overview, with the checklist and the client set-up window, fits 360 px. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  MpClientSetupWindow *window;
  int minimum = 0;

  gtk_widget_measure (GTK_WIDGET (overview (fixture)), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  gtk_widget_measure (GTK_WIDGET (checklist_group (fixture)), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360 - 24);

  window = open_client_setup (fixture);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1,
                      &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
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

  g_test_add ("/mailpost/ui/overview/checklist/new-service-in-order", Fixture, &stage_new,
              fixture_set_up, test_new_service_in_order, fixture_tear_down);
  g_test_add ("/mailpost/ui/overview/checklist/dns-button-opens-diagnosis", Fixture, &stage_domain,
              fixture_set_up, test_dns_button_opens_diagnosis, fixture_tear_down);
  g_test_add ("/mailpost/ui/overview/client-setup/saved-file-completes-checklist", Fixture,
              &stage_accounts, fixture_set_up, test_saved_file_completes_checklist, fixture_tear_down);
  g_test_add ("/mailpost/ui/overview/copy-instructions", Fixture, &stage_accounts,
              fixture_set_up, test_copy_instructions_from_overview, fixture_tear_down);
  g_test_add ("/mailpost/ui/overview/fits-360px", Fixture, &stage_accounts,
              fixture_set_up, test_narrow, fixture_tear_down);

  return g_test_run ();
}
