/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The add-domain wizard in the real window against the simulator: every step, the refusals and
 * the way out of "authoritative domain detected". */
#include "config.h"

#include "mp-test-domains.h"

static void
test_add_account_domain_with_options (Fixture       *fixture,
                                      gconstpointer  data)
{
  MpDomain *domain;

  open_wizard (fixture);
  g_assert_false (wizard_can_go_next ());
  /* Attached domains are marked and cannot be chosen. */
  g_assert_false (mp_add_domain_window_choose_account_domain (wizard (), "bakery.test"));
  g_assert_true (mp_add_domain_window_choose_account_domain (wizard (), "shop.test"));
  mp_test_ui_screenshot ("wizard-1-domain");
  wizard_next ("mode");
  g_assert_true (mp_domain_mode_group_get_authoritative (MP_DOMAIN_MODE_GROUP (wizard_child ("mode_group"))));
  g_assert_false (gtk_widget_get_visible (wizard_child ("external_note")));
  wizard_next ("options");

  /* DKIM is ticked from the start; MX warns about mail received elsewhere. */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (wizard_child ("dkim_check"))));
  g_assert_false (gtk_widget_get_visible (wizard_child ("mx_warning")));
  wizard_tick ("mx_check", TRUE);
  wizard_tick ("srv_check", TRUE);
  wizard_tick ("spf_check", TRUE);
  g_assert_true (gtk_widget_get_visible (wizard_child ("mx_warning")));
  mp_test_ui_screenshot ("wizard-3-options");
  wizard_next ("review");

  g_assert_cmpstr (row_subtitle (wizard_child ("review_name_row")), ==, "shop.test");
  g_assert_false (gtk_widget_get_visible (wizard_child ("review_ascii_row")));
  g_assert_cmpstr (row_subtitle (wizard_child ("review_mode_row")), ==, "Authoritative");
  g_assert_cmpstr (row_subtitle (wizard_child ("review_mx_row")), ==, "The provider sets it up.");
  g_assert_cmpstr (row_subtitle (wizard_child ("review_dkim_row")), ==,
                   "The provider sets it up and switches it on.");
  mp_test_ui_screenshot ("wizard-4-review");
  wizard_confirm ();
  mp_test_ui_wait_until (wizard_closed, NULL, WAIT_MS, "the wizard closes");

  /* The provider accepted: the row is there, still being created. */
  domain = mp_session_find_domain (fixture_session (fixture), "shop.test");
  g_assert_nonnull (domain);
  g_assert_true (mp_domain_get_busy (domain));
  g_assert_true (gtk_widget_get_visible (domain_row_child (fixture, "shop.test", "spinner")));
  g_assert_false (gtk_widget_get_sensitive (domain_row_child (fixture, "shop.test", "change_mode_button")));
  mp_test_ui_screenshot ("domains-creating");

  wait_for_ready_domain (fixture, "shop.test");
  g_assert_false (gtk_widget_get_visible (domain_row_child (fixture, "shop.test", "spinner")));
  g_assert_true (page_said (fixture, "shop.test is added and ready."));
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
  wizard_next ("mode");

  /* Non-authoritative is preset, and it needs the other server. */
  mode_group = wizard_child ("mode_group");
  g_assert_false (mp_domain_mode_group_get_authoritative (MP_DOMAIN_MODE_GROUP (mode_group)));
  g_assert_true (gtk_widget_get_visible (wizard_child ("external_note")));
  g_assert_false (wizard_can_go_next ());
  set_text (mode_group_child (mode_group, "relay_row"), "mx.other-provider.example");
  mp_test_ui_screenshot ("wizard-2-mode");
  wizard_next ("review");

  g_assert_cmpstr (row_subtitle (wizard_child ("review_name_row")), ==, "bäckerei-neu.example");
  g_assert_true (gtk_widget_get_visible (wizard_child ("review_ascii_row")));
  g_assert_cmpstr (row_subtitle (wizard_child ("review_ascii_row")), ==, "xn--bckerei-neu-l8a.example");
  g_assert_cmpstr (row_subtitle (wizard_child ("review_mode_row")), ==,
                   "Non-authoritative — unknown addresses go to mx.other-provider.example");
  g_assert_true (gtk_widget_get_visible (wizard_child ("review_setup_row")));
  g_assert_false (gtk_widget_get_visible (wizard_child ("review_mx_row")));
  wizard_confirm ();
  mp_test_ui_wait_until (wizard_closed, NULL, WAIT_MS, "the wizard closes");

  wait_for_ready_domain (fixture, "xn--bckerei-neu-l8a.example");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (find_domain_row (fixture, "xn--bckerei-neu-l8a.example"))),
                   ==, "bäckerei-neu.example");
  g_assert_nonnull (strstr (row_subtitle (find_domain_row (fixture, "xn--bckerei-neu-l8a.example")),
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
  wizard_next ("mode");
  wizard_next ("options");
  wizard_next ("review");
  wizard_confirm ();
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
  g_assert_false (wizard_can_go_next ());
  click (mode_group_child (mode_group, "use_suggestion_button"));
  g_assert_cmpstr (mp_domain_mode_group_get_relay (MP_DOMAIN_MODE_GROUP (mode_group)), ==, "mx1.mail.ovh.net");
  wizard_next ("options");
  wizard_next ("review");
  g_assert_false (gtk_widget_get_visible (wizard_child ("non_authoritative_button")));
  wizard_confirm ();
  mp_test_ui_wait_until (wizard_closed, NULL, WAIT_MS, "the wizard closes");

  wait_for_ready_domain (fixture, "other-platform.test");
  domain = mp_session_find_domain (fixture_session (fixture), "other-platform.test");
  g_assert_cmpint (mp_domain_get_domain_type (domain), ==, MP_DOMAIN_TYPE_NON_AUTHORITATIVE);
  g_assert_cmpstr (mp_domain_get_mx_relay (domain), ==, "mx1.mail.ovh.net");
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
  wizard_next ("mode");
  mode_group = wizard_child ("mode_group");
  assert_relay_refused (mode_group, wizard_child ("next_button"), "pro1.mail.ovh.net", "loop");
  mp_test_ui_screenshot ("wizard-relay-loop");
  assert_relay_refused (mode_group, wizard_child ("next_button"), too_long, "255");
  set_text (mode_group_child (mode_group, "relay_row"), "mx1.mail.ovh.net");
  g_assert_true (wizard_can_go_next ());
  g_assert_false (gtk_widget_get_visible (mode_group_child (mode_group, "relay_error")));
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

/* Enter as a person presses it: the wizard's own key handler sees it before the focused field. */
static void
press_enter (void)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (wizard ()));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller)
          && gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        {
          g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Return, 0, 0, &handled);
          return;
        }
    }

  g_error ("the wizard has no key handler");
}

static void
test_enter_goes_on (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *mode_group;

  open_wizard (fixture);

  /* Not yet complete: Enter stays. */
  gtk_widget_grab_focus (wizard_child ("other_row"));
  press_enter ();
  g_assert_cmpstr (wizard_step (), ==, "domain");

  set_text (wizard_child ("other_row"), "keyboard.example");
  press_enter ();
  g_assert_cmpstr (wizard_step (), ==, "mode");

  /* The relay field has the focus; Enter waits for a valid server. */
  mode_group = wizard_child ("mode_group");
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (wizard ())),
                                         mode_group_child (mode_group, "relay_row")));
  press_enter ();
  g_assert_cmpstr (wizard_step (), ==, "mode");
  set_text (mode_group_child (mode_group, "relay_row"), "mx.keyboard.example");
  press_enter ();
  g_assert_cmpstr (wizard_step (), ==, "review");

  /* On the review Confirm has the focus, so Enter is its own. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (wizard ())) == wizard_child ("confirm_button"));
  click (wizard_child ("confirm_button"));
  mp_test_ui_wait_until (wizard_closed, NULL, WAIT_MS, "the wizard closes");
  g_assert_nonnull (mp_session_find_domain (fixture_session (fixture), "keyboard.example"));
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

  ADD ("/mailpost/ui/domains/add/account-domain-all-options", domains_seed,
       test_add_account_domain_with_options);
  ADD ("/mailpost/ui/domains/add/external-idn-domain", domains_seed, test_add_external_idn_domain);
  ADD ("/mailpost/ui/domains/add/authoritative-detected", domains_seed, test_authoritative_detected);
  ADD ("/mailpost/ui/domains/add/relay-loop-and-length-refused", domains_seed, test_relay_refusals);
  ADD ("/mailpost/ui/domains/add/enter-goes-on", domains_seed, test_enter_goes_on);
  ADD ("/mailpost/ui/domains/add/close-asks-before-discarding", domains_seed,
       test_close_asks_before_discarding);

#undef ADD

  return g_test_run ();
}
