/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The domains page, the add-domain wizard, change mode, remove and the tasks view, in the real
 * window against the simulator (test-domains.json, tasks of 500 ms per step). */
#include "config.h"

#include "mp-test-sim.h"
#include "mp-test-ui.h"
#include "mp-window-private.h"
#include "pages/domains/mp-add-domain-window.h"
#include "pages/domains/mp-change-mode-window.h"
#include "pages/domains/mp-domain-mode-group.h"
#include "pages/domains/mp-domain-row.h"
#include "pages/tasks/mp-task-row.h"
#include "pages/tasks/mp-tasks-window.h"

#define WAIT_MS 15000

typedef struct
{
  const char *seed;
  const char *application_key;
  const char *application_secret;
  const char *consumer_key;
} Seed;

static const Seed domains_seed = {
  "test-domains.json",
  "testAppKeyDom1aa", "testAppSecretDom1aaaaaaaaaaaaaaa", "testCkDomains0001aaaaaaaaaaaaaaa",
};

static const Seed new_customer_seed = {
  NULL,   /* tests/ui/seed-new-customer.json */
  "testAppKeyNew1aa", "testAppSecretNew1aaaaaaaaaaaaaaa", "testCkNewCustomer001aaaaaaaaaaaa",
};

typedef struct
{
  MpTestSim *sim;
  MpWindow  *window;
  GPtrArray *toasts;     /* what the domains page said */
  const char *name;      /* the domain a condition waits for */
} Fixture;

static MpSession *
session (Fixture *fixture)
{
  return _mp_window_get_session (fixture->window);
}

static MpDomainsPage *
page (Fixture *fixture)
{
  return _mp_window_get_domains_page (fixture->window);
}

static GtkWidget *
page_child (Fixture    *fixture,
            const char *name)
{
  return mp_test_ui_child (page (fixture), MP_TYPE_DOMAINS_PAGE, name);
}

static gboolean
loaded (gpointer data)
{
  Fixture *fixture = data;
  MpSession *current = session (fixture);
  GtkStack *stack = GTK_STACK (page_child (fixture, "stack"));

  return current != NULL
         && !mp_session_get_loading (current)
         && g_strcmp0 (gtk_stack_get_visible_child_name (stack), "loading") != 0;
}

static void
on_page_toast (Fixture  *fixture,
               AdwToast *toast)
{
  g_ptr_array_add (fixture->toasts, g_strdup (adw_toast_get_title (toast)));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const Seed *seed = data;
  const char * const args[] = { "--task-ms", "500", NULL };
  g_autofree char *seed_path = NULL;

  if (seed->seed == NULL)
    seed_path = g_test_build_filename (G_TEST_DIST, "ui", "seed-new-customer.json", NULL);
  fixture->sim = mp_test_sim_start (seed->seed != NULL ? seed->seed : seed_path, args);
  fixture->toasts = g_ptr_array_new_with_free_func (g_free);

  g_setenv ("OVH_ENDPOINT", mp_test_sim_get_base_url (fixture->sim), TRUE);
  g_setenv ("OVH_APPLICATION_KEY", seed->application_key, TRUE);
  g_setenv ("OVH_APPLICATION_SECRET", seed->application_secret, TRUE);
  g_setenv ("OVH_CONSUMER_KEY", seed->consumer_key, TRUE);

  fixture->window = g_object_ref_sink (mp_window_new (NULL));
  g_signal_connect_swapped (page (fixture), "add-toast", G_CALLBACK (on_page_toast), fixture);
  gtk_window_present (GTK_WINDOW (fixture->window));
  mp_test_ui_wait_until (loaded, fixture, WAIT_MS, "the service and its domains are loaded");

  /* With domains the window opens on the overview; the new customer test checks the landing. */
  if (seed->seed != NULL)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-domains", NULL));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* Dialogs first, then the window they belong to. */
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
  g_clear_pointer (&fixture->toasts, g_ptr_array_unref);
  g_clear_pointer (&fixture->sim, mp_test_sim_stop);
}

static MpDomainRow *
find_row (Fixture    *fixture,
          const char *name)
{
  GtkWidget *list_box = page_child (fixture, "list_box");

  for (GtkWidget *child = gtk_widget_get_first_child (list_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (MP_IS_DOMAIN_ROW (child)
        && g_strcmp0 (mp_domain_get_name (mp_domain_row_get_domain (MP_DOMAIN_ROW (child))), name) == 0)
      return MP_DOMAIN_ROW (child);

  return NULL;
}

static GtkWidget *
row_child (Fixture    *fixture,
           const char *domain,
           const char *name)
{
  MpDomainRow *row = find_row (fixture, domain);

  g_assert_nonnull (row);
  return mp_test_ui_child (row, MP_TYPE_DOMAIN_ROW, name);
}

static const char *
row_subtitle (gpointer row)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static gboolean
said (Fixture    *fixture,
      const char *text)
{
  for (guint i = 0; i < fixture->toasts->len; i++)
    if (strstr (g_ptr_array_index (fixture->toasts, i), text) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
domain_ready (gpointer data)
{
  Fixture *fixture = data;
  MpDomain *domain = mp_session_find_domain (session (fixture), fixture->name);

  return domain != NULL && !mp_domain_get_busy (domain)
         && mp_domain_get_state (domain) == MP_OBJECT_STATE_OK;
}

static gboolean
domain_gone (gpointer data)
{
  Fixture *fixture = data;

  return mp_session_find_domain (session (fixture), fixture->name) == NULL
         && find_row (fixture, fixture->name) == NULL;
}

static void
wait_for_ready_domain (Fixture    *fixture,
                       const char *name)
{
  fixture->name = name;
  mp_test_ui_wait_until (domain_ready, fixture, WAIT_MS, "the domain is ready");
}

/* ---- the wizard ---------------------------------------------------------------------------- */

static MpAddDomainWindow *
wizard (void)
{
  return MP_ADD_DOMAIN_WINDOW (mp_test_ui_find_window (MP_TYPE_ADD_DOMAIN_WINDOW));
}

static GtkWidget *
wizard_child (const char *name)
{
  return mp_test_ui_child (wizard (), MP_TYPE_ADD_DOMAIN_WINDOW, name);
}

static GtkWidget *
mode_child (GtkWidget  *mode_group,
            const char *name)
{
  return mp_test_ui_child (mode_group, MP_TYPE_DOMAIN_MODE_GROUP, name);
}

static const char *
wizard_step (void)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (wizard_child ("steps")));
}

static gboolean
account_domains_read (gpointer data)
{
  GtkStack *stack = GTK_STACK (wizard_child ("account_stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "loading") != 0;
}

static gboolean
wizard_closed (gpointer data)
{
  return wizard () == NULL;
}

static gboolean
wizard_idle_with_refusal (gpointer data)
{
  return gtk_widget_get_visible (wizard_child ("refusal_box"))
         && !gtk_widget_get_visible (wizard_child ("spinner"));
}

static void
open_wizard (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page (fixture)), "domains.add", NULL));
  g_assert_nonnull (wizard ());
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (wizard ())));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (wizard ())) == GTK_WINDOW (fixture->window));
  mp_test_ui_wait_until (account_domains_read, NULL, WAIT_MS, "the account's domains are read");
  g_assert_cmpstr (wizard_step (), ==, "domain");
}

static gboolean
can_go_next (void)
{
  return gtk_widget_get_sensitive (wizard_child ("next_button"));
}

static void
next (const char *expected_step)
{
  g_assert_true (can_go_next ());
  gtk_widget_activate_action (GTK_WIDGET (wizard ()), "wizard.next", NULL);
  g_assert_cmpstr (wizard_step (), ==, expected_step);
}

static void
confirm (void)
{
  g_assert_true (gtk_widget_get_visible (wizard_child ("confirm_button")));
  g_assert_true (gtk_widget_get_sensitive (wizard_child ("confirm_button")));
  gtk_widget_activate_action (GTK_WIDGET (wizard ()), "wizard.confirm", NULL);
}

/* Clicked at once, where gtk_widget_activate() would wait for the press animation. */
static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
set_text (GtkWidget  *editable,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

static void
check (const char *name,
       gboolean    active)
{
  gtk_check_button_set_active (GTK_CHECK_BUTTON (wizard_child (name)), active);
}

/* The search applies after a short pause in typing (GtkSearchEntry's search-changed). */
static gboolean
row_filtered_out (gpointer data)
{
  Fixture *fixture = data;

  return find_row (fixture, fixture->name) == NULL;
}

static gboolean
row_shown (gpointer data)
{
  Fixture *fixture = data;

  return find_row (fixture, fixture->name) != NULL;
}

static void
test_lists_domains (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *search = page_child (fixture, "search_entry");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (page_child (fixture, "stack"))), ==, "list");
  g_assert_cmpstr (row_subtitle (find_row (fixture, "bakery.test")), ==, "Authoritative");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (row_child (fixture, "bakery.test", "accounts_label"))),
                   ==, "2 accounts");
  g_assert_nonnull (strstr (row_subtitle (find_row (fixture, "relay.test")),
                            "Non-authoritative — unknown addresses go to mx1.mail.ovh.net"));
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (find_row (fixture, "relay.test"))));

  /* Ctrl+F's action, then a search by name. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page (fixture)), "domains.search", NULL));
  set_text (search, "rel");
  fixture->name = "bakery.test";
  mp_test_ui_wait_until (row_filtered_out, fixture, WAIT_MS, "the search leaves bakery.test out");
  g_assert_nonnull (find_row (fixture, "relay.test"));
  set_text (search, "");
  mp_test_ui_wait_until (row_shown, fixture, WAIT_MS, "bakery.test is back");
  mp_test_ui_screenshot ("domains-page");
}

static void
test_new_customer_lands_on_domains (Fixture       *fixture,
                                    gconstpointer  data)
{
  AdwViewStack *view_stack = _mp_window_get_view_stack (fixture->window);
  GtkWidget *empty;
  GtkButton *button;

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack), ==, "domains");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (page_child (fixture, "stack"))), ==, "empty");
  mp_test_ui_screenshot ("domains-empty");

  /* The status page's button is the wizard. */
  empty = gtk_stack_get_child_by_name (GTK_STACK (page_child (fixture, "stack")), "empty");
  button = mp_test_ui_find_button (empty, "Add Domain");
  g_assert_nonnull (button);
  click (GTK_WIDGET (button));
  g_assert_nonnull (wizard ());
}

static void
test_add_account_domain_with_options (Fixture       *fixture,
                                      gconstpointer  data)
{
  MpDomain *domain;

  open_wizard (fixture);
  g_assert_false (can_go_next ());
  /* Attached domains are marked and cannot be chosen. */
  g_assert_false (mp_add_domain_window_choose_account_domain (wizard (), "bakery.test"));
  g_assert_true (mp_add_domain_window_choose_account_domain (wizard (), "shop.test"));
  mp_test_ui_screenshot ("wizard-1-domain");
  next ("mode");
  g_assert_true (mp_domain_mode_group_get_authoritative (MP_DOMAIN_MODE_GROUP (wizard_child ("mode_group"))));
  g_assert_false (gtk_widget_get_visible (wizard_child ("external_note")));
  next ("options");

  /* DKIM is ticked from the start; MX warns about mail received elsewhere. */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (wizard_child ("dkim_check"))));
  g_assert_false (gtk_widget_get_visible (wizard_child ("mx_warning")));
  check ("mx_check", TRUE);
  check ("srv_check", TRUE);
  check ("spf_check", TRUE);
  g_assert_true (gtk_widget_get_visible (wizard_child ("mx_warning")));
  mp_test_ui_screenshot ("wizard-3-options");
  next ("review");

  g_assert_cmpstr (row_subtitle (wizard_child ("review_name_row")), ==, "shop.test");
  g_assert_false (gtk_widget_get_visible (wizard_child ("review_ascii_row")));
  g_assert_cmpstr (row_subtitle (wizard_child ("review_mode_row")), ==, "Authoritative");
  g_assert_cmpstr (row_subtitle (wizard_child ("review_mx_row")), ==, "The provider sets it up.");
  g_assert_cmpstr (row_subtitle (wizard_child ("review_dkim_row")), ==,
                   "The provider sets it up and switches it on.");
  mp_test_ui_screenshot ("wizard-4-review");
  confirm ();
  mp_test_ui_wait_until (wizard_closed, NULL, WAIT_MS, "the wizard closes");

  /* The provider accepted: the row is there, still being created. */
  domain = mp_session_find_domain (session (fixture), "shop.test");
  g_assert_nonnull (domain);
  g_assert_true (mp_domain_get_busy (domain));
  g_assert_true (gtk_widget_get_visible (row_child (fixture, "shop.test", "spinner")));
  g_assert_false (gtk_widget_get_sensitive (row_child (fixture, "shop.test", "change_mode_button")));
  mp_test_ui_screenshot ("domains-creating");

  wait_for_ready_domain (fixture, "shop.test");
  g_assert_false (gtk_widget_get_visible (row_child (fixture, "shop.test", "spinner")));
  g_assert_true (said (fixture, "shop.test is added and ready."));
}

static void
test_add_external_idn_domain (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *mode_group;
  const char *forms;

  open_wizard (fixture);
  set_text (wizard_child ("other_row"), "bäckerei-neu.example");
  forms = gtk_label_get_text (GTK_LABEL (wizard_child ("other_forms_label")));
  g_assert_true (gtk_widget_get_visible (wizard_child ("other_forms_label")));
  g_assert_nonnull (strstr (forms, "bäckerei-neu.example"));
  g_assert_nonnull (strstr (forms, "xn--bckerei-neu-l8a.example"));
  mp_test_ui_screenshot ("wizard-1-external");
  next ("mode");

  /* Non-authoritative is preset, and it needs the other server. */
  mode_group = wizard_child ("mode_group");
  g_assert_false (mp_domain_mode_group_get_authoritative (MP_DOMAIN_MODE_GROUP (mode_group)));
  g_assert_true (gtk_widget_get_visible (wizard_child ("external_note")));
  g_assert_false (can_go_next ());
  set_text (mode_child (mode_group, "relay_row"), "mx.other-provider.example");
  mp_test_ui_screenshot ("wizard-2-mode");
  next ("review");

  g_assert_cmpstr (row_subtitle (wizard_child ("review_name_row")), ==, "bäckerei-neu.example");
  g_assert_true (gtk_widget_get_visible (wizard_child ("review_ascii_row")));
  g_assert_cmpstr (row_subtitle (wizard_child ("review_ascii_row")), ==, "xn--bckerei-neu-l8a.example");
  g_assert_cmpstr (row_subtitle (wizard_child ("review_mode_row")), ==,
                   "Non-authoritative — unknown addresses go to mx.other-provider.example");
  g_assert_true (gtk_widget_get_visible (wizard_child ("review_setup_row")));
  g_assert_false (gtk_widget_get_visible (wizard_child ("review_mx_row")));
  confirm ();
  mp_test_ui_wait_until (wizard_closed, NULL, WAIT_MS, "the wizard closes");

  wait_for_ready_domain (fixture, "xn--bckerei-neu-l8a.example");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (find_row (fixture, "xn--bckerei-neu-l8a.example"))),
                   ==, "bäckerei-neu.example");
  g_assert_nonnull (strstr (row_subtitle (find_row (fixture, "xn--bckerei-neu-l8a.example")),
                            "xn--bckerei-neu-l8a.example"));
}

static void
test_authoritative_detected (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *mode_group;
  MpDomain *domain;

  open_wizard (fixture);
  g_assert_true (mp_add_domain_window_choose_account_domain (wizard (), "other-platform.test"));
  next ("mode");
  next ("options");
  next ("review");
  confirm ();
  mp_test_ui_wait_until (wizard_idle_with_refusal, NULL, WAIT_MS, "the provider refuses");

  /* Still open, on the review, every choice kept, with the meaning and the way out. */
  g_assert_nonnull (wizard ());
  g_assert_cmpstr (wizard_step (), ==, "review");
  g_assert_cmpstr (row_subtitle (wizard_child ("review_name_row")), ==, "other-platform.test");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (wizard_child ("dkim_check"))));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (wizard_child ("refusal_title"))),
                            "already claims this domain"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (wizard_child ("refusal_label"))),
                            "non-authoritative"));
  g_assert_true (gtk_widget_get_visible (wizard_child ("refusal_hint")));
  g_assert_true (gtk_widget_get_visible (wizard_child ("non_authoritative_button")));
  mp_test_ui_screenshot ("wizard-authoritative-detected");

  /* The way out asks for the other server first. */
  click (wizard_child ("non_authoritative_button"));
  g_assert_cmpstr (wizard_step (), ==, "mode");
  mode_group = wizard_child ("mode_group");
  g_assert_false (mp_domain_mode_group_get_authoritative (MP_DOMAIN_MODE_GROUP (mode_group)));
  g_assert_false (can_go_next ());
  click (mode_child (mode_group, "use_suggestion_button"));
  g_assert_cmpstr (mp_domain_mode_group_get_relay (MP_DOMAIN_MODE_GROUP (mode_group)), ==, "mx1.mail.ovh.net");
  next ("options");
  next ("review");
  g_assert_false (gtk_widget_get_visible (wizard_child ("non_authoritative_button")));
  confirm ();
  mp_test_ui_wait_until (wizard_closed, NULL, WAIT_MS, "the wizard closes");

  wait_for_ready_domain (fixture, "other-platform.test");
  domain = mp_session_find_domain (session (fixture), "other-platform.test");
  g_assert_cmpint (mp_domain_get_domain_type (domain), ==, MP_DOMAIN_TYPE_NON_AUTHORITATIVE);
  g_assert_cmpstr (mp_domain_get_mx_relay (domain), ==, "mx1.mail.ovh.net");
}

static void
assert_relay_refused (GtkWidget  *mode_group,
                      GtkWidget  *go_on_button,
                      const char *relay,
                      const char *reason_part)
{
  GtkWidget *error = mode_child (mode_group, "relay_error");

  set_text (mode_child (mode_group, "relay_row"), relay);
  g_assert_false (gtk_widget_get_sensitive (go_on_button));
  g_assert_true (gtk_widget_get_visible (error));
  g_test_message ("reason shown: %s", gtk_label_get_text (GTK_LABEL (error)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), reason_part));
}

static void
test_relay_refusals (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *too_long = NULL;
  GtkWidget *mode_group;
  GString *name = g_string_new (NULL);

  /* 256 characters of valid labels. */
  while (name->len < 256)
    g_string_append (name, "abcdefghi.");
  g_string_truncate (name, 252);
  g_string_append (name, ".net");
  too_long = g_string_free (name, FALSE);
  g_assert_cmpuint (strlen (too_long), ==, 256);

  open_wizard (fixture);
  set_text (wizard_child ("other_row"), "neu.example");
  next ("mode");
  mode_group = wizard_child ("mode_group");
  assert_relay_refused (mode_group, wizard_child ("next_button"), "pro1.mail.ovh.net", "loop");
  mp_test_ui_screenshot ("wizard-relay-loop");
  assert_relay_refused (mode_group, wizard_child ("next_button"), too_long, "255");
  set_text (mode_child (mode_group, "relay_row"), "mx1.mail.ovh.net");
  g_assert_true (can_go_next ());
  g_assert_false (gtk_widget_get_visible (mode_child (mode_group, "relay_error")));
}

static void
test_close_asks_before_discarding (Fixture       *fixture,
                                   gconstpointer  data)
{
  AdwMessageDialog *dialog;

  /* Nothing chosen or typed: Escape simply closes. */
  open_wizard (fixture);
  gtk_widget_activate_action (GTK_WIDGET (wizard ()), "window.close", NULL);
  mp_test_ui_wait_until (wizard_closed, NULL, WAIT_MS, "the wizard closes");

  open_wizard (fixture);
  set_text (wizard_child ("other_row"), "typed.example");
  gtk_widget_activate_action (GTK_WIDGET (wizard ()), "window.close", NULL);
  dialog = ADW_MESSAGE_DIALOG (mp_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_nonnull (wizard ());

  /* Keep editing: nothing is lost. */
  adw_message_dialog_response (dialog, "cancel");
  g_assert_nonnull (wizard ());
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (wizard_child ("other_row"))), ==, "typed.example");

  gtk_widget_activate_action (GTK_WIDGET (wizard ()), "window.close", NULL);
  dialog = ADW_MESSAGE_DIALOG (mp_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (dialog, "discard");
  mp_test_ui_wait_until (wizard_closed, NULL, WAIT_MS, "the wizard closes");
}

/* ---- change mode and remove ------------------------------------------------------------------ */

static MpChangeModeWindow *
change_mode_window (void)
{
  return MP_CHANGE_MODE_WINDOW (mp_test_ui_find_window (MP_TYPE_CHANGE_MODE_WINDOW));
}

static gboolean
change_mode_closed (gpointer data)
{
  return change_mode_window () == NULL;
}

static void
test_change_mode (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *save;
  GtkWidget *mode_group;
  MpDomain *domain;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page (fixture)), "domains.change-mode",
                                             "s", "empty.test"));
  g_assert_nonnull (change_mode_window ());
  save = mp_test_ui_child (change_mode_window (), MP_TYPE_CHANGE_MODE_WINDOW, "save_button");
  mode_group = mp_test_ui_child (change_mode_window (), MP_TYPE_CHANGE_MODE_WINDOW, "mode_group");

  /* Nothing changed yet; then the same relay rules as the wizard. */
  g_assert_false (gtk_widget_get_sensitive (save));
  mp_domain_mode_group_set_authoritative (MP_DOMAIN_MODE_GROUP (mode_group), FALSE);
  g_assert_false (gtk_widget_get_sensitive (save));
  assert_relay_refused (mode_group, save, "pro1.mail.ovh.net", "loop");
  set_text (mode_child (mode_group, "relay_row"), "mx2.mail.ovh.net");
  g_assert_true (gtk_widget_get_sensitive (save));
  mp_test_ui_screenshot ("change-mode");

  click (save);
  mp_test_ui_wait_until (change_mode_closed, NULL, WAIT_MS, "the dialog closes");
  g_assert_true (gtk_widget_get_visible (row_child (fixture, "empty.test", "spinner")));
  g_assert_nonnull (strstr (row_subtitle (find_row (fixture, "empty.test")), "Changing to non-authoritative"));

  wait_for_ready_domain (fixture, "empty.test");
  domain = mp_session_find_domain (session (fixture), "empty.test");
  g_assert_cmpint (mp_domain_get_domain_type (domain), ==, MP_DOMAIN_TYPE_NON_AUTHORITATIVE);
  g_assert_cmpstr (row_subtitle (find_row (fixture, "empty.test")), ==,
                   "Non-authoritative — unknown addresses go to mx2.mail.ovh.net");
}

static void
test_remove_blocked_then_allowed (Fixture       *fixture,
                                  gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkLabel *blocker;

  /* Accounts use bakery.test: remove is off and says why. */
  g_assert_false (gtk_widget_get_sensitive (row_child (fixture, "bakery.test", "remove_button")));
  blocker = GTK_LABEL (row_child (fixture, "bakery.test", "blocker_label"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (blocker)));
  g_test_message ("blocker: %s", gtk_label_get_text (blocker));
  g_assert_nonnull (strstr (gtk_label_get_text (blocker), "2"));
  gtk_menu_button_popup (GTK_MENU_BUTTON (row_child (fixture, "bakery.test", "menu_button")));
  mp_test_ui_screenshot ("remove-blocked");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (row_child (fixture, "bakery.test", "menu_button")));

  /* No account uses empty.test: a confirmation that names it. */
  g_assert_true (gtk_widget_get_sensitive (row_child (fixture, "empty.test", "remove_button")));
  click (row_child (fixture, "empty.test", "remove_button"));
  dialog = ADW_MESSAGE_DIALOG (mp_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "empty.test"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "remove"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  mp_test_ui_screenshot ("remove-confirmation");
  adw_message_dialog_response (dialog, "remove");

  fixture->name = "empty.test";
  mp_test_ui_wait_until (domain_gone, fixture, WAIT_MS, "the domain is removed");
  g_assert_true (said (fixture, "empty.test is removed."));
}

/* ---- tasks ---------------------------------------------------------------------------------- */

static gboolean
failure_toast_shown (gpointer data)
{
  Fixture *fixture = data;

  return mp_test_ui_find_label (GTK_WIDGET (fixture->window), "could not carry out") != NULL;
}

static void
test_failed_task (Fixture       *fixture,
                  gconstpointer  data)
{
  MpTasksWindow *tasks_window;
  GtkWidget *list_box;
  gboolean listed = FALSE;

  open_wizard (fixture);
  g_assert_true (mp_add_domain_window_choose_account_domain (wizard (), "broken.test"));
  next ("mode");
  next ("options");
  next ("review");
  confirm ();
  mp_test_ui_wait_until (wizard_closed, NULL, WAIT_MS, "the wizard closes");
  mp_test_ui_wait_until (failure_toast_shown, fixture, WAIT_MS, "the failure toast shows");
  mp_test_ui_screenshot ("task-failed-toast");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-tasks", NULL));
  tasks_window = MP_TASKS_WINDOW (mp_test_ui_find_window (MP_TYPE_TASKS_WINDOW));
  g_assert_nonnull (tasks_window);
  list_box = mp_test_ui_child (tasks_window, MP_TYPE_TASKS_WINDOW, "list_box");
  for (GtkWidget *row = gtk_widget_get_first_child (list_box); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      MpTask *task;

      if (!MP_IS_TASK_ROW (row))
        continue;
      task = mp_task_row_get_task (MP_TASK_ROW (row));
      if (g_strcmp0 (mp_task_get_function (task), "addDomain") == 0
          && mp_task_get_status (task) == MP_TASK_STATUS_ERROR)
        {
          listed = TRUE;
          g_assert_nonnull (mp_test_ui_find_label (row, "Failed"));
        }
    }
  g_assert_true (listed);
  mp_test_ui_screenshot ("tasks-window");
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

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, seed, test) \
  g_test_add (path, Fixture, &seed, fixture_set_up, test, fixture_tear_down)

  ADD ("/mailpost/ui/domains/list/mode-accounts-and-search", domains_seed, test_lists_domains);
  ADD ("/mailpost/ui/domains/list/new-customer-lands-here", new_customer_seed,
       test_new_customer_lands_on_domains);
  ADD ("/mailpost/ui/domains/add/account-domain-all-options", domains_seed,
       test_add_account_domain_with_options);
  ADD ("/mailpost/ui/domains/add/external-idn-domain", domains_seed, test_add_external_idn_domain);
  ADD ("/mailpost/ui/domains/add/authoritative-detected", domains_seed, test_authoritative_detected);
  ADD ("/mailpost/ui/domains/add/relay-loop-and-length-refused", domains_seed, test_relay_refusals);
  ADD ("/mailpost/ui/domains/add/close-asks-before-discarding", domains_seed,
       test_close_asks_before_discarding);
  ADD ("/mailpost/ui/domains/change-mode", domains_seed, test_change_mode);
  ADD ("/mailpost/ui/domains/remove/blocked-by-accounts-then-allowed", domains_seed,
       test_remove_blocked_then_allowed);
  ADD ("/mailpost/ui/tasks/failed-task-toast-and-listed", domains_seed, test_failed_task);

#undef ADD

  return g_test_run ();
}
