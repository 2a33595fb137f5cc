/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real window against the simulator: sign-in, picker, overview, banner and sign-out.
 * Each test starts its own simulator from test-basic.json and its own window. */
#include "config.h"

#include <libsoup/soup.h>

#include "api/mp-ovh-endpoint.h"
#include "mp-test-sim.h"
#include "mp-window-private.h"
#include "widgets/mp-copyable-row.h"

#define WAIT_MS 15000

#define BROWSER_KEY     "testAppKey0002bb"
#define BROWSER_SECRET  "testAppSecret0002bbbbbbbbbbbbbbb"
#define KEY             "testAppKey0001aa"
#define SECRET          "testAppSecret0001aaaaaaaaaaaaaaa"
#define CONSUMER_KEY    "testCkValidated0001aaaaaaaaaaaaa"

typedef struct
{
  MpTestSim *sim;
  GSettings *settings;
  MpWindow  *window;
} Fixture;

typedef gboolean (*Condition) (Fixture *fixture);

/* Runs the main context until condition holds; fails the test after WAIT_MS. */
static void
wait_until (Fixture    *fixture,
            Condition   condition,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_MS * G_TIME_SPAN_MILLISECOND;

  while (!condition (fixture))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting until %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static GtkWidget *
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static GtkWidget *
overview_child (Fixture    *fixture,
                const char *name)
{
  return child (_mp_window_get_overview_page (fixture->window), MP_TYPE_OVERVIEW_PAGE, name);
}

static GtkWidget *
sign_in_child (Fixture    *fixture,
               const char *name)
{
  return child (_mp_window_get_sign_in_page (fixture->window), MP_TYPE_SIGN_IN_PAGE, name);
}

static const char *
visible_page (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (_mp_window_get_main_stack (fixture->window));
}

static gboolean
on_sign_in_page (Fixture *fixture)
{
  return g_strcmp0 (visible_page (fixture), "sign-in") == 0;
}

static gboolean
on_services_page (Fixture *fixture)
{
  return g_strcmp0 (visible_page (fixture), "services") == 0;
}

static gboolean
on_main_page (Fixture *fixture)
{
  return g_strcmp0 (visible_page (fixture), "main") == 0;
}

/* The overview has shown what a refresh loaded. */
static gboolean
overview_loaded (Fixture *fixture)
{
  MpSession *session = _mp_window_get_session (fixture->window);

  return on_main_page (fixture)
         && session != NULL
         && !mp_session_get_loading (session)
         && mp_session_get_server (session) != NULL;
}

static gboolean
has_validation_url (Fixture *fixture)
{
  return mp_sign_in_page_get_validation_url (_mp_window_get_sign_in_page (fixture->window)) != NULL;
}

static gboolean
sign_in_idle_with_error (Fixture *fixture)
{
  gboolean busy;

  g_object_get (_mp_window_get_sign_in_page (fixture->window), "busy", &busy, NULL);
  return !busy && gtk_widget_get_visible (sign_in_child (fixture, "error_label"));
}

static gboolean
sign_in_banner_revealed (Fixture *fixture)
{
  return _mp_window_get_sign_in_banner_revealed (fixture->window);
}

static void
set_text (GtkWidget  *editable,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

static const char *
get_text (GtkWidget *editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static const char *
row_subtitle (GtkWidget *row)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static const char *
row_value (Fixture    *fixture,
           const char *name)
{
  return mp_copyable_row_get_value (MP_COPYABLE_ROW (overview_child (fixture, name)));
}

static MpCredentials *
lookup_credentials (Fixture     *fixture,
                    const char  *application_key,
                    GError     **error)
{
  g_autoptr(MpCredentialStore) store = mp_credential_store_new ();
  g_autoptr(GAsyncResult) result = NULL;

  mp_credential_store_lookup_async (store, mp_test_sim_get_base_url (fixture->sim),
                                    application_key, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, WAIT_MS);
  return mp_credential_store_lookup_finish (store, result, error);
}

static void
store_credentials (Fixture    *fixture,
                   const char *last_service)
{
  g_autoptr(MpCredentialStore) store = mp_credential_store_new ();
  g_autoptr(MpCredentials) credentials = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  credentials = mp_credentials_new (mp_test_sim_get_base_url (fixture->sim),
                                    KEY, SECRET, CONSUMER_KEY);
  mp_credential_store_save_async (store, credentials, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, WAIT_MS);
  g_assert_true (mp_credential_store_save_finish (store, result, &error));
  g_assert_no_error (error);

  g_settings_set_string (fixture->settings, "endpoint", mp_test_sim_get_base_url (fixture->sim));
  g_settings_set_string (fixture->settings, "application-key", KEY);
  g_settings_set_string (fixture->settings, "last-service", last_service);
}

static void
open_window (Fixture *fixture)
{
  fixture->window = g_object_ref_sink (mp_window_new (NULL));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char * const keys[] = { "endpoint", "application-key", "last-service" };

  fixture->sim = mp_test_sim_start ("test-basic.json", NULL);
  fixture->settings = g_settings_new (APP_ID);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (fixture->settings, keys[i]);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      g_clear_object (&fixture->window);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->settings);
  g_clear_pointer (&fixture->sim, mp_test_sim_stop);
}

/* The validation page a person would open in the browser. */
static void
allow_in_browser (const char *url)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  /* The simulator is another process: a synchronous call cannot deadlock. */
  body = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, SOUP_STATUS_OK);
}

static void
select_custom_region (Fixture *fixture)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (sign_in_child (fixture, "region_row")),
                              MP_OVH_REGION_CUSTOM);
  set_text (sign_in_child (fixture, "custom_url_row"), mp_test_sim_get_base_url (fixture->sim));
}

static void
assert_overview_of_service_one (Fixture *fixture)
{
  g_assert_cmpstr (get_text (overview_child (fixture, "display_name_row")), ==, "Test Service One");
  g_assert_cmpstr (row_value (fixture, "service_name_row"), ==, "emailpro-test-1");
  g_assert_cmpstr (row_value (fixture, "hostname_row"), ==, "pro1.mail.ovh.net");
  g_assert_cmpstr (row_subtitle (overview_child (fixture, "domains_row")), ==, "2");
  g_assert_cmpstr (row_subtitle (overview_child (fixture, "accounts_row")), ==, "3 of 5 configured");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (overview_child (fixture, "disk_label"))), ==,
                   "2.0\u00a0GB of 51.2\u00a0GB used");

  /* Guide step 5 */
  g_assert_cmpstr (row_value (fixture, "imap_host_row"), ==, "pro1.mail.ovh.net");
  g_assert_cmpstr (row_value (fixture, "imap_port_row"), ==, "993");
  g_assert_cmpstr (row_value (fixture, "imap_security_row"), ==, "SSL/TLS");
  g_assert_cmpstr (row_value (fixture, "smtp_host_row"), ==, "pro1.mail.ovh.net");
  g_assert_cmpstr (row_value (fixture, "smtp_port_row"), ==, "587");
  g_assert_cmpstr (row_value (fixture, "smtp_security_row"), ==, "STARTTLS");
}

static void
test_browser_sign_in (Fixture       *fixture,
                      gconstpointer  data)
{
  MpSignInPage *page;
  g_autofree char *endpoint = NULL;
  g_autofree char *application_key = NULL;
  g_autofree char *last_service = NULL;
  g_autoptr(MpCredentials) stored = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *services;

  open_window (fixture);
  wait_until (fixture, on_sign_in_page, "the sign-in page shows");

  page = _mp_window_get_sign_in_page (fixture->window);
  mp_sign_in_page_set_launch_browser (page, FALSE);
  select_custom_region (fixture);
  set_text (sign_in_child (fixture, "application_key_row"), BROWSER_KEY);
  g_assert_false (gtk_widget_get_sensitive (sign_in_child (fixture, "continue_button")));
  set_text (sign_in_child (fixture, "application_secret_row"), BROWSER_SECRET);
  g_assert_true (gtk_widget_get_sensitive (sign_in_child (fixture, "continue_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sign-in.continue", NULL));

  wait_until (fixture, has_validation_url, "the validation URL is known");
  allow_in_browser (mp_sign_in_page_get_validation_url (page));

  wait_until (fixture, on_services_page, "the picker shows");
  services = mp_services_page_get_services (_mp_window_get_services_page (fixture->window));
  g_assert_cmpuint (g_list_model_get_n_items (services), ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (_mp_window_get_services_page (fixture->window)),
                                             "services.open", "s", "emailpro-test-1"));
  wait_until (fixture, overview_loaded, "the overview is loaded");
  assert_overview_of_service_one (fixture);

  /* What is kept: the endpoint and key in GSettings, the secrets in the keyring only. */
  endpoint = g_settings_get_string (fixture->settings, "endpoint");
  application_key = g_settings_get_string (fixture->settings, "application-key");
  last_service = g_settings_get_string (fixture->settings, "last-service");
  g_assert_cmpstr (endpoint, ==, mp_test_sim_get_base_url (fixture->sim));
  g_assert_cmpstr (application_key, ==, BROWSER_KEY);
  g_assert_cmpstr (last_service, ==, "emailpro-test-1");

  stored = lookup_credentials (fixture, BROWSER_KEY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->application_secret, ==, BROWSER_SECRET);
  g_assert_nonnull (stored->consumer_key);
  g_assert_cmpstr (get_text (sign_in_child (fixture, "application_secret_row")), ==, "");
}

static void
test_picker_remembers (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *last_service = NULL;
  MpSession *session;

  /* No remembered service: the picker. */
  store_credentials (fixture, "");
  open_window (fixture);
  wait_until (fixture, on_services_page, "the picker shows");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (_mp_window_get_services_page (fixture->window)),
                                             "services.open", "s", "emailpro-test-2"));
  wait_until (fixture, overview_loaded, "the overview is loaded");
  last_service = g_settings_get_string (fixture->settings, "last-service");
  g_assert_cmpstr (last_service, ==, "emailpro-test-2");

  /* The next start opens it straight away. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  open_window (fixture);
  wait_until (fixture, overview_loaded, "the remembered service opens");
  session = _mp_window_get_session (fixture->window);
  g_assert_cmpstr (mp_service_get_name (mp_session_get_service (session)), ==, "emailpro-test-2");
  g_assert_cmpstr (row_value (fixture, "imap_host_row"), ==, "pro2.mail.ovh.net");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.switch-service", NULL));
  g_assert_true (on_services_page (fixture));
}

static void
test_wrong_secret_keeps_fields (Fixture       *fixture,
                                gconstpointer  data)
{
  MpSignInPage *page;
  const char *message;

  open_window (fixture);
  wait_until (fixture, on_sign_in_page, "the sign-in page shows");

  page = _mp_window_get_sign_in_page (fixture->window);
  g_object_set (page, "method", "keys", NULL);
  g_assert_true (gtk_widget_get_visible (sign_in_child (fixture, "consumer_key_row")));
  select_custom_region (fixture);
  set_text (sign_in_child (fixture, "application_key_row"), KEY);
  set_text (sign_in_child (fixture, "application_secret_row"), "wrongSecret");
  set_text (sign_in_child (fixture, "consumer_key_row"), CONSUMER_KEY);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sign-in.continue", NULL));

  wait_until (fixture, sign_in_idle_with_error, "the sign-in fails");
  message = gtk_label_get_text (GTK_LABEL (sign_in_child (fixture, "error_label")));
  g_test_message ("sentence shown: %s", message);
  g_assert_cmpuint (strlen (message), >, 10);
  g_assert_null (strstr (message, "wrongSecret"));

  g_assert_true (on_sign_in_page (fixture));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (sign_in_child (fixture, "region_row"))),
                    ==, MP_OVH_REGION_CUSTOM);
  g_assert_cmpstr (get_text (sign_in_child (fixture, "custom_url_row")), ==,
                   mp_test_sim_get_base_url (fixture->sim));
  g_assert_cmpstr (get_text (sign_in_child (fixture, "application_key_row")), ==, KEY);
  g_assert_cmpstr (get_text (sign_in_child (fixture, "application_secret_row")), ==, "wrongSecret");
  g_assert_cmpstr (get_text (sign_in_child (fixture, "consumer_key_row")), ==, CONSUMER_KEY);
}

#define LITERAL_NAME "<b>Tom & Jerry</b>"

static gboolean
display_name_applied (Fixture *fixture)
{
  MpSession *session = _mp_window_get_session (fixture->window);

  return g_strcmp0 (mp_service_get_display_name (mp_session_get_service (session)),
                    LITERAL_NAME) == 0;
}

static void
test_display_name_is_literal (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *title;
  GtkWidget *entry;

  store_credentials (fixture, "emailpro-test-1");
  open_window (fixture);
  wait_until (fixture, overview_loaded, "the overview is loaded");

  entry = overview_child (fixture, "display_name_row");
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (entry)));

  /* Too short: the reason shows and apply is off. */
  set_text (entry, "abc");
  g_assert_true (gtk_widget_get_visible (overview_child (fixture, "display_name_error")));
  g_assert_false (gtk_widget_get_sensitive (overview_child (fixture, "display_name_apply_button")));

  set_text (entry, LITERAL_NAME);
  g_assert_false (gtk_widget_get_visible (overview_child (fixture, "display_name_error")));
  g_assert_true (gtk_widget_get_sensitive (overview_child (fixture, "display_name_apply_button")));
  gtk_widget_activate_action (GTK_WIDGET (_mp_window_get_overview_page (fixture->window)),
                              "overview.apply-display-name", NULL);
  wait_until (fixture, display_name_applied, "the new display name is read back");

  g_assert_cmpstr (get_text (entry), ==, LITERAL_NAME);
  title = GTK_WIDGET (fixture->window->switcher_title);
  g_assert_cmpstr (adw_view_switcher_title_get_title (ADW_VIEW_SWITCHER_TITLE (title)), ==, LITERAL_NAME);
}

static void
test_revoked_key_shows_banner (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(JsonNode) answer = NULL;

  store_credentials (fixture, "emailpro-test-1");
  open_window (fixture);
  wait_until (fixture, overview_loaded, "the overview is loaded");
  g_assert_false (sign_in_banner_revealed (fixture));

  answer = mp_test_sim_control (fixture->sim, "POST",
                                "/sim/credential/" CONSUMER_KEY "/state",
                                "{\"state\":\"expired\"}");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.refresh", NULL));
  wait_until (fixture, sign_in_banner_revealed, "the sign-in banner is revealed");

  /* Its button: the sign-in page with the region and application key kept. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.sign-in-again", NULL));
  g_assert_true (on_sign_in_page (fixture));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (sign_in_child (fixture, "region_row"))),
                    ==, MP_OVH_REGION_CUSTOM);
  g_assert_cmpstr (get_text (sign_in_child (fixture, "custom_url_row")), ==,
                   mp_test_sim_get_base_url (fixture->sim));
  g_assert_cmpstr (get_text (sign_in_child (fixture, "application_key_row")), ==, KEY);
  g_assert_cmpstr (get_text (sign_in_child (fixture, "application_secret_row")), ==, "");
}

static gboolean
keyring_entry_gone (Fixture *fixture)
{
  g_autoptr(MpCredentials) credentials = NULL;
  g_autoptr(GError) error = NULL;

  credentials = lookup_credentials (fixture, KEY, &error);
  return credentials == NULL
         && g_error_matches (error, MP_CREDENTIAL_ERROR, MP_CREDENTIAL_ERROR_NOT_FOUND);
}

static void
test_sign_out_clears_keyring (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *endpoint = NULL;
  g_autofree char *application_key = NULL;
  g_autofree char *last_service = NULL;

  store_credentials (fixture, "emailpro-test-1");
  open_window (fixture);
  wait_until (fixture, overview_loaded, "the overview is loaded");
  g_assert_false (keyring_entry_gone (fixture));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.sign-out", NULL));
  g_assert_true (on_sign_in_page (fixture));
  wait_until (fixture, keyring_entry_gone, "the keyring entry is removed");

  endpoint = g_settings_get_string (fixture->settings, "endpoint");
  application_key = g_settings_get_string (fixture->settings, "application-key");
  last_service = g_settings_get_string (fixture->settings, "last-service");
  g_assert_cmpstr (endpoint, ==, "");
  g_assert_cmpstr (application_key, ==, "");
  g_assert_cmpstr (last_service, ==, "");
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

  /* Keys come from the keyring and GSettings here, never from the caller's environment. */
  g_unsetenv ("OVH_ENDPOINT");
  g_unsetenv ("OVH_APPLICATION_KEY");
  g_unsetenv ("OVH_APPLICATION_SECRET");
  g_unsetenv ("OVH_CONSUMER_KEY");

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/mailpost/ui/sign-in/browser-flow-to-overview", Fixture, NULL,
              fixture_set_up, test_browser_sign_in, fixture_tear_down);
  g_test_add ("/mailpost/ui/sign-in/wrong-secret-keeps-fields", Fixture, NULL,
              fixture_set_up, test_wrong_secret_keeps_fields, fixture_tear_down);
  g_test_add ("/mailpost/ui/services/picker-remembers-choice", Fixture, NULL,
              fixture_set_up, test_picker_remembers, fixture_tear_down);
  g_test_add ("/mailpost/ui/overview/display-name-shown-literally", Fixture, NULL,
              fixture_set_up, test_display_name_is_literal, fixture_tear_down);
  g_test_add ("/mailpost/ui/session/revoked-key-shows-banner", Fixture, NULL,
              fixture_set_up, test_revoked_key_shows_banner, fixture_tear_down);
  g_test_add ("/mailpost/ui/session/sign-out-clears-keyring", Fixture, NULL,
              fixture_set_up, test_sign_out_clears_keyring, fixture_tear_down);

  return g_test_run ();
}
