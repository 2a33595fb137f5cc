/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The accounts page in the real window against the simulator: the password checklist ticking
 * as one types, Save held back until everything holds, a placeholder configured end to end,
 * refusals that keep what was typed, and 10,000 accounts searched. */
#include "config.h"

#include "emailpro/mp-account.h"
#include "mp-test-sim.h"
#include "mp-test-ui.h"
#include "mp-window-private.h"
#include "pages/accounts/mp-account-dialog.h"
#include "rules/mp-account-rules.h"
#include "widgets/mp-rule-checklist.h"

#define WAIT_MS 20000

/* Keys of test-accounts.json and bench-10000.json. */
#define ACC_KEY       "accAppKey0001aaa"
#define ACC_SECRET    "accAppSecret0001aaaaaaaaaaaaaaaa"
#define ACC_CONSUMER  "accCkValidated0001aaaaaaaaaaaaaa"
#define BENCH_KEY      "benchAppKey0001a"
#define BENCH_SECRET   "benchAppSecret0001aaaaaaaaaaaaaa"
#define BENCH_CONSUMER "benchCkValidated0001aaaaaaaaaaaa"
#define BENCH_ACCOUNTS      10000
#define BENCH_PLACEHOLDERS  300

#define NEW_LOGIN     "lena.vogel"
#define NEW_ADDRESS   "lena.vogel@shop.example"
#define GOOD_PASSWORD "Sommer2024x"

typedef struct
{
  MpTestSim *sim;
  MpWindow  *window;
} Fixture;

typedef gboolean (*Condition) (Fixture *fixture);

static void
wait_until (Fixture    *fixture,
            Condition   condition,
            const char *what)
{
  mp_test_ui_wait_until ((MpTestUiCondition) condition, fixture, WAIT_MS, what);
}

static MpAccountsPage *
page (Fixture *fixture)
{
  return _mp_window_get_accounts_page (fixture->window);
}

static GtkWidget *
page_child (Fixture    *fixture,
            const char *name)
{
  return mp_test_ui_child (page (fixture), MP_TYPE_ACCOUNTS_PAGE, name);
}

static guint
shown (Fixture *fixture)
{
  return g_list_model_get_n_items (mp_accounts_page_get_shown (page (fixture)));
}

static gboolean
accounts_loaded (Fixture *fixture)
{
  MpSession *session = _mp_window_get_session (fixture->window);

  return session != NULL
         && !mp_session_get_loading (session)
         && !mp_accounts_page_get_loading (page (fixture))
         && shown (fixture) > 0
         && g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (page_child (fixture, "content_stack"))),
                       "list") == 0;
}

static gboolean
service_open (Fixture *fixture)
{
  return _mp_window_get_session (fixture->window) != NULL;
}

static void
open_accounts (Fixture    *fixture,
               const char *seed,
               const char *key,
               const char *secret,
               const char *consumer_key)
{
  const char * const args[] = { "--task-ms", "30", NULL };

  fixture->sim = mp_test_sim_start (seed, args);
  g_setenv ("OVH_ENDPOINT", mp_test_sim_get_base_url (fixture->sim), TRUE);
  g_setenv ("OVH_APPLICATION_KEY", key, TRUE);
  g_setenv ("OVH_APPLICATION_SECRET", secret, TRUE);
  g_setenv ("OVH_CONSUMER_KEY", consumer_key, TRUE);

  fixture->window = g_object_ref_sink (mp_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));

  wait_until (fixture, service_open, "the service opens");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-accounts", NULL);
  wait_until (fixture, accounts_loaded, "the accounts are shown");
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

  if (fixture->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      g_clear_object (&fixture->window);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_pointer (&fixture->sim, mp_test_sim_stop);
  g_unsetenv ("OVH_ENDPOINT");
  g_unsetenv ("OVH_APPLICATION_KEY");
  g_unsetenv ("OVH_APPLICATION_SECRET");
  g_unsetenv ("OVH_CONSUMER_KEY");
}

/* Configure dialog helpers */

static GtkWidget *
dialog_child (MpAccountDialog *dialog,
              const char      *name)
{
  return mp_test_ui_child (dialog, MP_TYPE_ACCOUNT_DIALOG, name);
}

static void
type_into (MpAccountDialog *dialog,
           const char      *name,
           const char      *text)
{
  gtk_editable_set_text (GTK_EDITABLE (dialog_child (dialog, name)), text);
}

static const char *
text_in (MpAccountDialog *dialog,
         const char      *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, name)));
}

static gboolean
can_save (MpAccountDialog *dialog)
{
  return gtk_widget_get_sensitive (dialog_child (dialog, "save_button"));
}

static gboolean
password_rule_met (MpAccountDialog *dialog,
                   MpPasswordRule   rule)
{
  MpRuleChecklist *checklist = MP_RULE_CHECKLIST (dialog_child (dialog, "password_checklist"));

  g_assert_cmpuint (rule, <, mp_rule_checklist_get_n_rules (checklist));
  return mp_rule_checklist_get_rule_met (checklist, rule);
}

/* "Add an address" opens the configure dialog on the first free placeholder. */
static MpAccountDialog *
add_address (Fixture    *fixture,
             MpAccount **placeholder)
{
  MpSession *session = _mp_window_get_session (fixture->window);
  GtkWidget *dialog;

  *placeholder = mp_session_find_free_placeholder (session);
  g_assert_nonnull (*placeholder);
  g_assert_true (mp_account_get_is_placeholder (*placeholder));

  dialog = mp_accounts_page_add_address (page (fixture));
  g_assert_true (MP_IS_ACCOUNT_DIALOG (dialog));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  return MP_ACCOUNT_DIALOG (dialog);
}

static void
choose_domain (MpAccountDialog *dialog,
               const char      *domain)
{
  AdwComboRow *row = ADW_COMBO_ROW (dialog_child (dialog, "domain_row"));
  GListModel *domains = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (domains); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (domains, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), domain) == 0)
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
  g_error ("%s is not offered", domain);
}

static void
fill_in (MpAccountDialog *dialog)
{
  choose_domain (dialog, "shop.example");
  type_into (dialog, "login_row", NEW_LOGIN);
  type_into (dialog, "first_name_row", "Lena");
  type_into (dialog, "last_name_row", "Vogel");
  type_into (dialog, "password_row", GOOD_PASSWORD);
  type_into (dialog, "confirm_row", GOOD_PASSWORD);
}

static void
test_checklist_ticks (Fixture       *fixture,
                      gconstpointer  data)
{
  MpAccountDialog *dialog;
  MpAccount *placeholder;

  open_accounts (fixture, "test-accounts.json", ACC_KEY, ACC_SECRET, ACC_CONSUMER);
  dialog = add_address (fixture, &placeholder);

  /* A placeholder's made-up login is not offered; nothing holds yet. */
  g_assert_cmpstr (text_in (dialog, "login_row"), ==, "");
  g_assert_false (can_save (dialog));
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "password_checklist")));
  g_assert_false (mp_rule_checklist_get_all_met (MP_RULE_CHECKLIST (dialog_child (dialog, "password_checklist"))));

  type_into (dialog, "login_row", NEW_LOGIN);
  g_assert_true (mp_rule_checklist_get_all_met (MP_RULE_CHECKLIST (dialog_child (dialog, "login_checklist"))));

  /* The display name follows first and last name until someone types one. */
  type_into (dialog, "first_name_row", "Lena");
  type_into (dialog, "last_name_row", "Vogel");
  g_assert_cmpstr (text_in (dialog, "display_name_row"), ==, "Lena Vogel");

  type_into (dialog, "password_row", "s");
  g_assert_false (password_rule_met (dialog, MP_PASSWORD_RULE_LENGTH));
  g_assert_true (password_rule_met (dialog, MP_PASSWORD_RULE_LOWER_CASE));
  g_assert_false (password_rule_met (dialog, MP_PASSWORD_RULE_UPPER_CASE));
  g_assert_false (password_rule_met (dialog, MP_PASSWORD_RULE_DIGIT));
  g_assert_false (can_save (dialog));

  type_into (dialog, "password_row", "Sommer");
  g_assert_true (password_rule_met (dialog, MP_PASSWORD_RULE_UPPER_CASE));
  g_assert_false (password_rule_met (dialog, MP_PASSWORD_RULE_DIGIT));

  type_into (dialog, "password_row", "Sommer 2024");
  g_assert_true (password_rule_met (dialog, MP_PASSWORD_RULE_DIGIT));
  g_assert_true (password_rule_met (dialog, MP_PASSWORD_RULE_LENGTH));
  g_assert_false (password_rule_met (dialog, MP_PASSWORD_RULE_NO_SPACES));

  /* A part of the address inside the password is refused. */
  type_into (dialog, "password_row", "Vogel2024x");
  g_assert_true (password_rule_met (dialog, MP_PASSWORD_RULE_NO_SPACES));
  g_assert_false (password_rule_met (dialog, MP_PASSWORD_RULE_NO_NAME_PARTS));

  type_into (dialog, "password_row", GOOD_PASSWORD);
  g_assert_true (password_rule_met (dialog, MP_PASSWORD_RULE_NO_NAME_PARTS));
  g_assert_false (password_rule_met (dialog, MP_PASSWORD_RULE_CONFIRMED));
  g_assert_false (can_save (dialog));

  type_into (dialog, "confirm_row", GOOD_PASSWORD);
  g_assert_true (mp_rule_checklist_get_all_met (MP_RULE_CHECKLIST (dialog_child (dialog, "password_checklist"))));
  g_assert_true (can_save (dialog));

  /* A comma in the address takes Save away again, with its reason in the list. */
  type_into (dialog, "login_row", "lena,vogel");
  g_assert_false (mp_rule_checklist_get_all_met (MP_RULE_CHECKLIST (dialog_child (dialog, "login_checklist"))));
  g_assert_false (can_save (dialog));
}

static MpAccountDialog *watched_dialog;

static gboolean
dialog_closed (Fixture *fixture)
{
  return watched_dialog == NULL;
}

static gboolean
dialog_idle (Fixture *fixture)
{
  return !mp_account_dialog_get_busy (watched_dialog);
}

static void
save_and_wait (MpAccountDialog *dialog,
               Fixture         *fixture,
               Condition        condition)
{
  watched_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &watched_dialog);
  g_assert_true (can_save (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "account.save", NULL);
  g_assert_true (mp_account_dialog_get_busy (dialog));
  wait_until (fixture, condition, "the save ends");
  if (watched_dialog != NULL)
    g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &watched_dialog);
}

static guint expected_configured;

static gboolean
configured_count_reached (Fixture *fixture)
{
  return mp_session_get_configured_account_count (_mp_window_get_session (fixture->window))
         == expected_configured;
}

static void
test_configure_placeholder (Fixture       *fixture,
                            gconstpointer  data)
{
  MpSession *session;
  g_autoptr(MpAccount) placeholder = NULL;
  MpAccountDialog *dialog;
  MpAccount *account;
  guint configured;

  open_accounts (fixture, "test-accounts.json", ACC_KEY, ACC_SECRET, ACC_CONSUMER);
  session = _mp_window_get_session (fixture->window);
  configured = mp_session_get_configured_account_count (session);

  dialog = add_address (fixture, &account);
  placeholder = g_object_ref (account);
  fill_in (dialog);
  save_and_wait (dialog, fixture, dialog_closed);

  /* The same row now is the new address: renamed, then given its password. */
  g_assert_cmpstr (mp_account_get_primary_email_address (placeholder), ==, NEW_ADDRESS);
  g_assert_false (mp_account_get_is_placeholder (placeholder));
  g_assert_cmpstr (mp_account_get_display_name (placeholder), ==, "Lena Vogel");
  g_assert_true (mp_session_find_account (session, NEW_ADDRESS) == placeholder);
  expected_configured = configured + 1;
  wait_until (fixture, configured_count_reached, "the header counts the new address");

  /* And the search finds it by the name just given. */
  gtk_editable_set_text (GTK_EDITABLE (page_child (fixture, "search_entry")), "VOGEL");
  g_signal_emit_by_name (page_child (fixture, "search_entry"), "search-changed");
  g_assert_cmpuint (shown (fixture), ==, 1);
}

static void
add_fault (Fixture    *fixture,
           const char *method,
           const char *path)
{
  g_autofree char *body = g_strdup_printf ("{\"method\":\"%s\",\"path\":\"%s\",\"status\":\"400\",\"rate\":\"x1\"}",
                                           method, path);
  g_autoptr(JsonNode) answer = mp_test_sim_control (fixture->sim, "POST", "/sim/fault", body);
}

static void
assert_input_kept (MpAccountDialog *dialog)
{
  g_assert_cmpstr (text_in (dialog, "login_row"), ==, NEW_LOGIN);
  g_assert_cmpstr (text_in (dialog, "first_name_row"), ==, "Lena");
  g_assert_cmpstr (text_in (dialog, "last_name_row"), ==, "Vogel");
  g_assert_cmpstr (text_in (dialog, "display_name_row"), ==, "Lena Vogel");
  g_assert_cmpstr (text_in (dialog, "password_row"), ==, GOOD_PASSWORD);
  g_assert_cmpstr (text_in (dialog, "confirm_row"), ==, GOOD_PASSWORD);
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "message_box")));
  g_assert_true (gtk_widget_get_sensitive (dialog_child (dialog, "form_box")));
  g_assert_true (can_save (dialog));
}

static void
test_refusal_keeps_input (Fixture       *fixture,
                          gconstpointer  data)
{
  MpAccountDialog *dialog;
  MpAccount *placeholder;
  g_autofree char *placeholder_address = NULL;

  open_accounts (fixture, "test-accounts.json", ACC_KEY, ACC_SECRET, ACC_CONSUMER);
  dialog = add_address (fixture, &placeholder);
  placeholder_address = g_strdup (mp_account_get_primary_email_address (placeholder));
  fill_in (dialog);

  /* The rename is refused: nothing changed, everything typed is still there. */
  add_fault (fixture, "PUT", "/email/pro/*/account/*");
  save_and_wait (dialog, fixture, dialog_idle);
  g_assert_nonnull (watched_dialog);
  assert_input_kept (dialog);
  g_assert_cmpstr (mp_account_get_primary_email_address (placeholder), ==, placeholder_address);
  g_assert_true (mp_account_get_is_placeholder (placeholder));
  g_assert_true (gtk_widget_has_css_class (dialog_child (dialog, "message_box"), "error"));

  /* Now the rename goes through but the password is refused: the dialog says the address is
   * in effect and keeps the password to send again. */
  add_fault (fixture, "POST", "/email/pro/*/account/*/changePassword");
  save_and_wait (dialog, fixture, dialog_idle);
  g_assert_nonnull (watched_dialog);
  assert_input_kept (dialog);
  g_assert_cmpstr (mp_account_get_primary_email_address (placeholder), ==, NEW_ADDRESS);
  g_assert_true (gtk_widget_has_css_class (dialog_child (dialog, "message_box"), "warning"));

  /* Saving again sends only the password, and closes. */
  save_and_wait (dialog, fixture, dialog_closed);
  g_assert_cmpstr (mp_account_get_primary_email_address (placeholder), ==, NEW_ADDRESS);
}

/* Independent of the page's filter: what a search for query must show. */
static guint
count_matching (MpSession  *session,
                const char *query)
{
  GListModel *accounts = mp_session_get_accounts (session);
  g_autofree char *needle = g_utf8_casefold (query, -1);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(MpAccount) account = g_list_model_get_item (accounts, i);
      const char *fields[] = {
        mp_account_get_primary_email_address (account), mp_account_get_display_name (account),
        mp_account_get_first_name (account), mp_account_get_last_name (account),
      };

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          g_autofree char *folded = fields[f] != NULL ? g_utf8_casefold (fields[f], -1) : NULL;

          if (folded != NULL && strstr (folded, needle) != NULL)
            {
              count++;
              break;
            }
        }
    }
  return count;
}

static void
search (Fixture    *fixture,
        const char *text)
{
  GtkWidget *entry = page_child (fixture, "search_entry");

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* The entry waits a moment before it says the search changed; do not wait here. */
  g_signal_emit_by_name (entry, "search-changed");
}

static const char *
content_page (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (page_child (fixture, "content_stack")));
}

static void
test_ten_thousand_filtered (Fixture       *fixture,
                            gconstpointer  data)
{
  MpSession *session;
  guint expected;

  open_accounts (fixture, "bench-10000.json", BENCH_KEY, BENCH_SECRET, BENCH_CONSUMER);
  session = _mp_window_get_session (fixture->window);
  g_assert_cmpuint (shown (fixture), ==, BENCH_ACCOUNTS);
  g_assert_cmpuint (mp_session_get_configured_account_count (session), ==,
                    BENCH_ACCOUNTS - BENCH_PLACEHOLDERS);

  search (fixture, MP_ACCOUNT_PLACEHOLDER_DOMAIN);
  g_assert_cmpuint (shown (fixture), ==, BENCH_PLACEHOLDERS);

  /* Typing on narrows; deleting widens again. */
  expected = count_matching (session, "anna");
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, BENCH_ACCOUNTS);
  search (fixture, "an");
  search (fixture, "ann");
  search (fixture, "ANNA");
  g_assert_cmpuint (shown (fixture), ==, expected);
  search (fixture, "an");
  g_assert_cmpuint (shown (fixture), ==, count_matching (session, "an"));

  search (fixture, "no such person");
  g_assert_cmpuint (shown (fixture), ==, 0);
  g_assert_cmpstr (content_page (fixture), ==, "no-match");

  search (fixture, "");
  g_assert_cmpuint (shown (fixture), ==, BENCH_ACCOUNTS);
  g_assert_cmpstr (content_page (fixture), ==, "list");

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (page_child (fixture, "placeholders_button")), TRUE);
  g_assert_cmpuint (shown (fixture), ==, BENCH_PLACEHOLDERS);
  search (fixture, "anna");
  g_assert_cmpuint (shown (fixture), ==, 0);
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
  /* Xvfb has no window manager to move the focus between the window and its dialogs, so a
   * blinking cursor could outlive its focus and warn (fatal in tests). */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  g_test_add ("/mailpost/ui/accounts/checklist-ticks-as-password-is-typed", Fixture, NULL,
              NULL, test_checklist_ticks, fixture_tear_down);
  g_test_add ("/mailpost/ui/accounts/configure-placeholder", Fixture, NULL,
              NULL, test_configure_placeholder, fixture_tear_down);
  g_test_add ("/mailpost/ui/accounts/refusal-keeps-input", Fixture, NULL,
              NULL, test_refusal_keeps_input, fixture_tear_down);
  g_test_add ("/mailpost/ui/accounts/ten-thousand-filtered", Fixture, NULL,
              NULL, test_ten_thousand_filtered, fixture_tear_down);

  return g_test_run ();
}
