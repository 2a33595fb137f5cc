/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-task-row.h"
#include "mp-tasks-window.h"

/* How often "2 minutes ago" is brought up to date. */
#define AGE_REFRESH_SECONDS 30

struct _MpTasksWindow
{
  AdwWindow      parent_instance;

  /* Template widgets */
  GtkStack      *stack;
  GtkListBox    *list_box;

  MpTaskTracker *tracker;
  guint          age_source;
};

G_DEFINE_FINAL_TYPE (MpTasksWindow, mp_tasks_window, ADW_TYPE_WINDOW)

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  return GTK_WIDGET (mp_task_row_new (MP_TASK (item)));
}

static void
update_stack (MpTasksWindow *self)
{
  GListModel *tasks = mp_task_tracker_get_tasks (self->tracker);

  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (tasks) > 0 ? "list" : "empty");
}

static gboolean
refresh_ages (gpointer user_data)
{
  MpTasksWindow *self = user_data;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (MP_IS_TASK_ROW (row))
      mp_task_row_update (MP_TASK_ROW (row));

  return G_SOURCE_CONTINUE;
}

MpTaskTracker *
mp_tasks_window_get_tracker (MpTasksWindow *self)
{
  g_return_val_if_fail (MP_IS_TASKS_WINDOW (self), NULL);

  return self->tracker;
}

static void
mp_tasks_window_dispose (GObject *object)
{
  MpTasksWindow *self = MP_TASKS_WINDOW (object);

  g_clear_handle_id (&self->age_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_TASKS_WINDOW);
  g_clear_object (&self->tracker);

  G_OBJECT_CLASS (mp_tasks_window_parent_class)->dispose (object);
}

static void
mp_tasks_window_class_init (MpTasksWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_tasks_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mailpost/Mailpost/pages/tasks/mp-tasks-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MpTasksWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, MpTasksWindow, list_box);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mp_tasks_window_init (MpTasksWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

MpTasksWindow *
mp_tasks_window_new (GtkWindow     *parent,
                     MpTaskTracker *tracker)
{
  MpTasksWindow *self;
  GListModel *tasks;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MP_IS_TASK_TRACKER (tracker), NULL);

  self = g_object_new (MP_TYPE_TASKS_WINDOW, "transient-for", parent, NULL);
  self->tracker = g_object_ref (tracker);

  tasks = mp_task_tracker_get_tasks (tracker);
  gtk_list_box_bind_model (self->list_box, tasks, create_row, NULL, NULL);
  g_signal_connect_object (tasks, "items-changed", G_CALLBACK (update_stack), self,
                           G_CONNECT_SWAPPED);
  update_stack (self);
  self->age_source = g_timeout_add_seconds (AGE_REFRESH_SECONDS, refresh_ages, self);

  return self;
}
