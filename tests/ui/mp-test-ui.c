/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "mp-test-ui.h"

void
mp_test_ui_wait_until (MpTestUiCondition  condition,
                       gpointer           data,
                       guint              timeout_ms,
                       const char        *what)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * G_TIME_SPAN_MILLISECOND;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting until %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

GtkWidget *
mp_test_ui_child (gpointer    widget,
                  GType       type,
                  const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  if (object == NULL)
    g_error ("%s has no template child %s", G_OBJECT_TYPE_NAME (widget), name);
  return GTK_WIDGET (object);
}

GtkLabel *
mp_test_ui_find_label (GtkWidget  *root,
                       const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root)
      && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = mp_test_ui_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkButton *
mp_test_ui_find_button (GtkWidget  *root,
                        const char *label)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_visible (root)
      && gtk_button_get_label (GTK_BUTTON (root)) != NULL
      && strstr (gtk_button_get_label (GTK_BUTTON (root)), label) != NULL)
    return GTK_BUTTON (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkButton *found = mp_test_ui_find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWindow *
mp_test_ui_find_window (GType type)
{
  GListModel *windows = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (windows, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

static gboolean
on_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
mp_test_ui_screenshot (const char *name)
{
  const char *folder = g_getenv ("MAILPOST_TEST_SCREENSHOTS");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gboolean drawn = FALSE;
  const char *argv[] = { "import", "-window", "root", NULL, NULL };

  if (folder == NULL)
    return;

  /* $MAILPOST_TEST_SCREENSHOT_WIDTH narrows every window, to look at phone sizes. */
  if (g_getenv ("MAILPOST_TEST_SCREENSHOT_WIDTH") != NULL)
    {
      GListModel *windows = gtk_window_get_toplevels ();
      int width = atoi (g_getenv ("MAILPOST_TEST_SCREENSHOT_WIDTH"));

      for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
        {
          g_autoptr(GtkWindow) window = g_list_model_get_item (windows, i);

          gtk_window_set_default_size (window, width, 700);
        }
    }

  /* Transitions and the first frames of new windows take a moment. */
  g_timeout_add (600, on_timeout, &drawn);
  while (!drawn)
    g_main_context_iteration (NULL, TRUE);

  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (folder, file, NULL);
  argv[3] = path;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     NULL, NULL, NULL, &error))
    g_test_message ("no screenshot: %s", error->message);
}
