/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mp-test-domains.h"

const Seed domains_seed = {
  "test-domains.json",
  "testAppKeyDom1aa", "testAppSecretDom1aaaaaaaaaaaaaaa", "testCkDomains0001aaaaaaaaaaaaaaa",
};

const Seed new_customer_seed = {
  NULL,   /* tests/ui/seed-new-customer.json */
  "testAppKeyNew1aa", "testAppSecretNew1aaaaaaaaaaaaaaa", "testCkNewCustomer001aaaaaaaaaaaa",
};

MpSession *
fixture_session (Fixture *fixture)
{
  return _mp_window_get_session (fixture->window);
}

MpDomainsPage *
fixture_page (Fixture *fixture)
{
  return _mp_window_get_domains_page (fixture->window);
}

GtkWidget *
page_child (Fixture    *fixture,
            const char *name)
{
  return mp_test_ui_child (fixture_page (fixture), MP_TYPE_DOMAINS_PAGE, name);
}

static gboolean
loaded (gpointer data)
{
  Fixture *fixture = data;
  MpSession *current = fixture_session (fixture);
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

void
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
  g_signal_connect_swapped (fixture_page (fixture), "add-toast", G_CALLBACK (on_page_toast), fixture);
  gtk_window_present (GTK_WINDOW (fixture->window));
  mp_test_ui_wait_until (loaded, fixture, WAIT_MS, "the service and its domains are loaded");

  /* With domains the window opens on the overview; the new customer test checks the landing. */
  if (seed->seed != NULL)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-domains", NULL));
}

void
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

MpDomainRow *
find_domain_row (Fixture    *fixture,
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

GtkWidget *
domain_row_child (Fixture    *fixture,
           const char *domain,
           const char *name)
{
  MpDomainRow *row = find_domain_row (fixture, domain);

  g_assert_nonnull (row);
  return mp_test_ui_child (row, MP_TYPE_DOMAIN_ROW, name);
}

const char *
row_subtitle (gpointer row)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

gboolean
page_said (Fixture    *fixture,
      const char *text)
{
  for (guint i = 0; i < fixture->toasts->len; i++)
    if (strstr (g_ptr_array_index (fixture->toasts, i), text) != NULL)
      return TRUE;
  return FALSE;
}

gboolean
domain_ready (gpointer data)
{
  Fixture *fixture = data;
  MpDomain *domain = mp_session_find_domain (fixture_session (fixture), fixture->name);

  return domain != NULL && !mp_domain_get_busy (domain)
         && mp_domain_get_state (domain) == MP_OBJECT_STATE_OK;
}

gboolean
domain_gone (gpointer data)
{
  Fixture *fixture = data;

  return mp_session_find_domain (fixture_session (fixture), fixture->name) == NULL
         && find_domain_row (fixture, fixture->name) == NULL;
}

void
wait_for_ready_domain (Fixture    *fixture,
                       const char *name)
{
  fixture->name = name;
  mp_test_ui_wait_until (domain_ready, fixture, WAIT_MS, "the domain is ready");
}

MpAddDomainWindow *
wizard (void)
{
  return MP_ADD_DOMAIN_WINDOW (mp_test_ui_find_window (MP_TYPE_ADD_DOMAIN_WINDOW));
}

GtkWidget *
wizard_child (const char *name)
{
  return mp_test_ui_child (wizard (), MP_TYPE_ADD_DOMAIN_WINDOW, name);
}

GtkWidget *
mode_group_child (GtkWidget  *mode_group,
            const char *name)
{
  return mp_test_ui_child (mode_group, MP_TYPE_DOMAIN_MODE_GROUP, name);
}

const char *
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

gboolean
wizard_closed (gpointer data)
{
  return wizard () == NULL;
}

gboolean
wizard_idle_with_refusal (gpointer data)
{
  return gtk_widget_get_visible (wizard_child ("refusal_box"))
         && !gtk_widget_get_visible (wizard_child ("spinner"));
}

void
open_wizard (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture_page (fixture)), "domains.add", NULL));
  g_assert_nonnull (wizard ());
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (wizard ())));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (wizard ())) == GTK_WINDOW (fixture->window));
  mp_test_ui_wait_until (account_domains_read, NULL, WAIT_MS, "the account's domains are read");
  g_assert_cmpstr (wizard_step (), ==, "domain");
}

gboolean
wizard_can_go_next (void)
{
  return gtk_widget_get_sensitive (wizard_child ("next_button"));
}

void
wizard_next (const char *expected_step)
{
  g_assert_true (wizard_can_go_next ());
  gtk_widget_activate_action (GTK_WIDGET (wizard ()), "wizard.next", NULL);
  g_assert_cmpstr (wizard_step (), ==, expected_step);
}

void
wizard_confirm (void)
{
  g_assert_true (gtk_widget_get_visible (wizard_child ("confirm_button")));
  g_assert_true (gtk_widget_get_sensitive (wizard_child ("confirm_button")));
  gtk_widget_activate_action (GTK_WIDGET (wizard ()), "wizard.confirm", NULL);
}

void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

void
set_text (GtkWidget  *editable,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

void
wizard_tick (const char *name,
       gboolean    active)
{
  gtk_check_button_set_active (GTK_CHECK_BUTTON (wizard_child (name)), active);
}

void
assert_relay_refused (GtkWidget  *mode_group,
                      GtkWidget  *go_on_button,
                      const char *relay,
                      const char *reason_part)
{
  GtkWidget *error = mode_group_child (mode_group, "relay_error");

  set_text (mode_group_child (mode_group, "relay_row"), relay);
  g_assert_false (gtk_widget_get_sensitive (go_on_button));
  g_assert_true (gtk_widget_get_visible (error));
  g_test_message ("reason shown: %s", gtk_label_get_text (GTK_LABEL (error)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), reason_part));
}
