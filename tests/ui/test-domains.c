/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The domains page, change mode, remove and the tasks view, in the real window against the
 * simulator. */
#include "config.h"

#include "mp-test-domains.h"

/* The search applies after a short pause in typing (GtkSearchEntry's search-changed). */
static gboolean
row_filtered_out (gpointer data)
{
  Fixture *fixture = data;

  return find_domain_row (fixture, fixture->name) == NULL;
}

static gboolean
row_shown (gpointer data)
{
  Fixture *fixture = data;

  return find_domain_row (fixture, fixture->name) != NULL;
}

static void
test_lists_domains (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *search = page_child (fixture, "search_entry");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (page_child (fixture, "stack"))), ==, "list");
  g_assert_cmpstr (row_subtitle (find_domain_row (fixture, "bakery.test")), ==, "Authoritative");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (domain_row_child (fixture, "bakery.test", "accounts_label"))),
                   ==, "2 accounts");
  g_assert_nonnull (strstr (row_subtitle (find_domain_row (fixture, "relay.test")),
                            "Non-authoritative — unknown addresses go to mx1.mail.ovh.net"));
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (find_domain_row (fixture, "relay.test"))));

  /* Ctrl+F's action, then a search by name. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture_page (fixture)), "domains.search", NULL));
  set_text (search, "rel");
  fixture->name = "bakery.test";
  mp_test_ui_wait_until (row_filtered_out, fixture, WAIT_MS, "the search leaves bakery.test out");
  g_assert_nonnull (find_domain_row (fixture, "relay.test"));
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

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture_page (fixture)), "domains.change-mode",
                                             "s", "empty.test"));
  g_assert_nonnull (change_mode_window ());
  save = mp_test_ui_child (change_mode_window (), MP_TYPE_CHANGE_MODE_WINDOW, "save_button");
  mode_group = mp_test_ui_child (change_mode_window (), MP_TYPE_CHANGE_MODE_WINDOW, "mode_group");

  /* Nothing changed yet; then the same relay rules as the wizard. */
  g_assert_false (gtk_widget_get_sensitive (save));
  mp_domain_mode_group_set_authoritative (MP_DOMAIN_MODE_GROUP (mode_group), FALSE);
  g_assert_false (gtk_widget_get_sensitive (save));
  assert_relay_refused (mode_group, save, "pro1.mail.ovh.net", "loop");
  set_text (mode_group_child (mode_group, "relay_row"), "mx2.mail.ovh.net");
  g_assert_true (gtk_widget_get_sensitive (save));
  mp_test_ui_screenshot ("change-mode");

  click (save);
  mp_test_ui_wait_until (change_mode_closed, NULL, WAIT_MS, "the dialog closes");
  g_assert_true (gtk_widget_get_visible (domain_row_child (fixture, "empty.test", "spinner")));
  g_assert_nonnull (strstr (row_subtitle (find_domain_row (fixture, "empty.test")), "Changing to non-authoritative"));

  wait_for_ready_domain (fixture, "empty.test");
  domain = mp_session_find_domain (fixture_session (fixture), "empty.test");
  g_assert_cmpint (mp_domain_get_domain_type (domain), ==, MP_DOMAIN_TYPE_NON_AUTHORITATIVE);
  g_assert_cmpstr (row_subtitle (find_domain_row (fixture, "empty.test")), ==,
                   "Non-authoritative — unknown addresses go to mx2.mail.ovh.net");
}

static void
test_remove_blocked_then_allowed (Fixture       *fixture,
                                  gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkLabel *blocker;

  /* Accounts use bakery.test: remove is off and says why. */
  g_assert_false (gtk_widget_get_sensitive (domain_row_child (fixture, "bakery.test", "remove_button")));
  blocker = GTK_LABEL (domain_row_child (fixture, "bakery.test", "blocker_label"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (blocker)));
  g_test_message ("blocker: %s", gtk_label_get_text (blocker));
  g_assert_nonnull (strstr (gtk_label_get_text (blocker), "2"));
  gtk_menu_button_popup (GTK_MENU_BUTTON (domain_row_child (fixture, "bakery.test", "menu_button")));
  mp_test_ui_screenshot ("remove-blocked");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (domain_row_child (fixture, "bakery.test", "menu_button")));

  /* No account uses empty.test: a confirmation that names it. */
  g_assert_true (gtk_widget_get_sensitive (domain_row_child (fixture, "empty.test", "remove_button")));
  click (domain_row_child (fixture, "empty.test", "remove_button"));
  dialog = ADW_MESSAGE_DIALOG (mp_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "empty.test"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "remove"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  mp_test_ui_screenshot ("remove-confirmation");
  adw_message_dialog_response (dialog, "remove");

  fixture->name = "empty.test";
  mp_test_ui_wait_until (domain_gone, fixture, WAIT_MS, "the domain is removed");
  g_assert_true (page_said (fixture, "empty.test is removed."));
}

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
  wizard_next ("mode");
  wizard_next ("options");
  wizard_next ("review");
  wizard_confirm ();
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

  /* It shows this service's tasks only: signing out closes it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.sign-out", NULL));
  g_assert_null (mp_test_ui_find_window (MP_TYPE_TASKS_WINDOW));
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
  ADD ("/mailpost/ui/domains/change-mode", domains_seed, test_change_mode);
  ADD ("/mailpost/ui/domains/remove/blocked-by-accounts-then-allowed", domains_seed,
       test_remove_blocked_then_allowed);
  ADD ("/mailpost/ui/tasks/failed-task-toast-and-listed", domains_seed, test_failed_task);

#undef ADD

  return g_test_run ();
}
