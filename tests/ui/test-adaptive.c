/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window at 360 px, the narrowest a phone gives: every page of the main view stack, and
 * the dialogs of this window, without a widget wider than the window. */
#include "config.h"

#include "mp-test-sim.h"
#include "mp-test-ui.h"
#include "mp-preferences-window.h"
#include "mp-window-private.h"
#include "pages/security/mp-security-window.h"

#define WAIT_MS   15000
#define NARROW_PX 360
/* The pages load, and labels wrap, over a few frames; long enough for the header squeezer
 * and the bottom bar to finish their transitions on a loaded 2-core machine: a width
 * measured mid-cross-fade counts both children. */
#define SETTLE_MS 1500

typedef struct
{
  MpTestSim *sim;
  MpWindow  *window;
} Fixture;

static gboolean
service_loaded (gpointer data)
{
  Fixture *fixture = data;
  MpSession *session = _mp_window_get_session (fixture->window);

  return session != NULL && !mp_session_get_loading (session) && mp_session_get_server (session) != NULL;
}

static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + SETTLE_MS * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static char *
describe (GtkWidget *widget)
{
  const char *text = NULL;

  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_BUTTON (widget))
    text = gtk_button_get_label (GTK_BUTTON (widget));
  else if (ADW_IS_PREFERENCES_ROW (widget))
    text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  return g_strdup_printf ("%s \"%s\"", G_OBJECT_TYPE_NAME (widget), text != NULL ? text : "");
}

/* Children of a horizontally scrolling view may be wide: they scroll, they are not clipped. */
static gboolean
scrolls_sideways (GtkWidget *widget)
{
  GtkPolicyType policy;

  if (!GTK_IS_SCROLLED_WINDOW (widget))
    return FALSE;
  gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (widget), &policy, NULL);
  return policy != GTK_POLICY_NEVER && policy != GTK_POLICY_EXTERNAL;
}

static int
minimum_width (GtkWidget *widget)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

/* The innermost widget below widget that asks for more than width: the one to fix. */
static GtkWidget *
innermost_too_wide (GtkWidget *widget,
                    int        width)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child) && minimum_width (child) > width)
      return innermost_too_wide (child, width);
  return widget;
}

static void
assert_fits (GtkWidget  *widget,
             GtkWidget  *toplevel,
             int         width,
             const char *where)
{
  graphene_rect_t bounds;
  int minimum;

  /* Overlay scrollbars hang over the edge by design. */
  if (!gtk_widget_get_mapped (widget) || GTK_IS_SCROLLBAR (widget))
    return;

  minimum = minimum_width (widget);
  if (minimum > width)
    {
      g_autofree char *what = describe (innermost_too_wide (widget, width));
      g_error ("%s: %s needs more than the %d px of the window (%d px for all)", where, what,
               width, minimum);
    }

  if (gtk_widget_compute_bounds (widget, toplevel, &bounds)
      && (bounds.origin.x < -1 || bounds.origin.x + bounds.size.width > width + 1))
    {
      g_autofree char *what = describe (widget);

      g_error ("%s: %s spans %.0f to %.0f px in a window of %d px", where, what,
               bounds.origin.x, bounds.origin.x + bounds.size.width, width);
    }

  if (scrolls_sideways (widget))
    return;
  /* A squeezer shows the child that fits; the others stay mapped while it cross-fades. */
  if (ADW_IS_SQUEEZER (widget))
    {
      GtkWidget *shown = adw_squeezer_get_visible_child (ADW_SQUEEZER (widget));

      if (shown != NULL)
        assert_fits (shown, toplevel, width, where);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_fits (child, toplevel, width, where);
}

static void
assert_window_fits (GtkWindow  *window,
                    const char *where)
{
  GtkWidget *content = gtk_window_get_child (window);
  int width = gtk_widget_get_width (content);

  /* The content is what the person sees; the toplevel adds the client-side shadow. */
  if (width > NARROW_PX)
    assert_fits (content, content, NARROW_PX, where);
  assert_fits (content, content, width, where);
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
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), NARROW_PX, 720);
  gtk_window_present (GTK_WINDOW (fixture->window));
  mp_test_ui_wait_until (service_loaded, fixture, WAIT_MS, "the service is loaded");
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

static gboolean
switcher_bar_revealed (gpointer data)
{
  Fixture *fixture = data;

  return adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (
    mp_test_ui_child (fixture->window, MP_TYPE_WINDOW, "switcher_bar")));
}

static void
test_every_page_fits (Fixture       *fixture,
                      gconstpointer  data)
{
  AdwViewStack *stack = _mp_window_get_view_stack (fixture->window);
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);
  guint n_pages = g_list_model_get_n_items (G_LIST_MODEL (pages));

  g_assert_cmpuint (n_pages, >=, 4);
  /* Narrow, the page switcher moves to the bottom bar. */
  mp_test_ui_wait_until (switcher_bar_revealed, fixture, WAIT_MS, "the bottom bar shows");
  for (guint i = 0; i < n_pages; i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      const char *name = adw_view_stack_page_get_name (page);
      g_autofree char *shot = g_strdup_printf ("adaptive-%s", name);

      adw_view_stack_set_visible_child_name (stack, name);
      settle ();
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, name);
      assert_window_fits (GTK_WINDOW (fixture->window), name);
      mp_test_ui_screenshot (shot);
    }

}

static gboolean
security_loaded (gpointer data)
{
  return mp_security_window_get_loaded (data);
}

static void
test_dialogs_fit (Fixture       *fixture,
                  gconstpointer  data)
{
  MpSecurityWindow *security;
  MpPreferencesWindow *preferences;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.security-policy", NULL);
  security = MP_SECURITY_WINDOW (mp_test_ui_find_window (MP_TYPE_SECURITY_WINDOW));
  g_assert_nonnull (security);
  gtk_window_set_default_size (GTK_WINDOW (security), NARROW_PX, 640);
  mp_test_ui_wait_until (security_loaded, security, WAIT_MS, "the policy is read");
  settle ();
  assert_window_fits (GTK_WINDOW (security), "security policy");
  mp_test_ui_screenshot ("adaptive-security");
  gtk_window_destroy (GTK_WINDOW (security));

  preferences = mp_preferences_window_new (GTK_WINDOW (fixture->window));
  gtk_window_set_default_size (GTK_WINDOW (preferences), NARROW_PX, 640);
  gtk_window_present (GTK_WINDOW (preferences));
  settle ();
  assert_window_fits (GTK_WINDOW (preferences), "preferences");
  mp_test_ui_screenshot ("adaptive-preferences");
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

  /* Nothing listens there: the diagnosis page's checks fail fast instead of leaving the
   * machine. */
  g_setenv ("MAILPOST_DNS_SERVER", "127.0.0.1:9", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/mailpost/ui/adaptive/every-page-fits-360px", Fixture, NULL,
              fixture_set_up, test_every_page_fits, fixture_tear_down);
  g_test_add ("/mailpost/ui/adaptive/dialogs-fit-360px", Fixture, NULL,
              fixture_set_up, test_dialogs_fit, fixture_tear_down);

  return g_test_run ();
}
