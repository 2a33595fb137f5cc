/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-task-row.h"

struct _MpTaskRow
{
  AdwActionRow  parent_instance;

  GtkImage     *status_icon;
  GtkSpinner   *spinner;
  GtkLabel     *status_label;

  MpTask       *task;
};

G_DEFINE_FINAL_TYPE (MpTaskRow, mp_task_row, ADW_TYPE_ACTION_ROW)

typedef enum
{
  TASK_TIME_STARTED,
  TASK_TIME_FINISHED,
} TaskTime;

/* Whole sentences for each case, so translators never glue fragments. */
static char *
describe_time (TaskTime   which,
               GDateTime *when)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) local = g_date_time_to_local (when);
  GTimeSpan age = g_date_time_difference (now, local);
  g_autofree char *formatted = NULL;
  gint64 minutes;

  if (age < G_TIME_SPAN_MINUTE)
    return g_strdup (which == TASK_TIME_STARTED ? _("Started just now") : _("Finished just now"));

  minutes = age / G_TIME_SPAN_MINUTE;
  if (minutes < 60)
    {
      if (which == TASK_TIME_STARTED)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Started %d minute ago",
                                             "Started %d minutes ago", minutes), (int) minutes);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Finished %d minute ago",
                                           "Finished %d minutes ago", minutes), (int) minutes);
    }

  if (g_date_time_get_year (local) == g_date_time_get_year (now)
      && g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    {
      formatted = g_date_time_format (local, "%X");
      /* Translators: %s is a time of day */
      return g_strdup_printf (which == TASK_TIME_STARTED ? _("Started today at %s")
                                                         : _("Finished today at %s"), formatted);
    }

  formatted = g_date_time_format (local, "%x %X");
  /* Translators: %s is a date and time */
  return g_strdup_printf (which == TASK_TIME_STARTED ? _("Started on %s") : _("Finished on %s"),
                          formatted);
}

static const char *
status_icon_name (MpTaskStatus status)
{
  switch (status)
    {
    case MP_TASK_STATUS_DONE:
      return "emblem-ok-symbolic";
    case MP_TASK_STATUS_ERROR:
      return "dialog-error-symbolic";
    case MP_TASK_STATUS_CANCELLED:
      return "process-stop-symbolic";
    case MP_TASK_STATUS_TODO:
    case MP_TASK_STATUS_DOING:
      return "content-loading-symbolic";
    case MP_TASK_STATUS_UNKNOWN:
    default:
      return "dialog-question-symbolic";
    }
}

void
mp_task_row_update (MpTaskRow *self)
{
  MpTaskStatus status;
  GDateTime *started;
  GDateTime *finished;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  gboolean running;
  gboolean failed;

  g_return_if_fail (MP_IS_TASK_ROW (self));

  status = mp_task_get_status (self->task);
  running = status == MP_TASK_STATUS_TODO || status == MP_TASK_STATUS_DOING;
  failed = status == MP_TASK_STATUS_ERROR;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), mp_task_get_function_label (self->task));

  started = mp_task_get_todo_date (self->task);
  finished = mp_task_get_finish_date (self->task);
  if (started != NULL)
    g_ptr_array_add (lines, describe_time (TASK_TIME_STARTED, started));
  if (finished != NULL && !running)
    g_ptr_array_add (lines, describe_time (TASK_TIME_FINISHED, finished));
  if (failed)
    g_ptr_array_add (lines, g_strdup (_("The provider could not carry this out. Try the change again; "
                                        "if it fails again, contact the provider's support.")));
  g_ptr_array_add (lines, NULL);
  subtitle = g_strjoinv ("\n", (char **) lines->pdata);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  gtk_image_set_from_icon_name (self->status_icon, status_icon_name (status));
  gtk_widget_set_visible (GTK_WIDGET (self->status_icon), !running);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), running);
  gtk_spinner_set_spinning (self->spinner, running);
  gtk_label_set_text (self->status_label, mp_task_status_to_label (status));

  if (failed)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
    }
  if (status == MP_TASK_STATUS_DONE)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), "success");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "success");
}

MpTask *
mp_task_row_get_task (MpTaskRow *self)
{
  g_return_val_if_fail (MP_IS_TASK_ROW (self), NULL);

  return self->task;
}

MpTaskRow *
mp_task_row_new (MpTask *task)
{
  MpTaskRow *self;

  g_return_val_if_fail (MP_IS_TASK (task), NULL);

  self = g_object_new (MP_TYPE_TASK_ROW, NULL);
  self->task = g_object_ref (task);
  g_signal_connect_object (task, "notify", G_CALLBACK (mp_task_row_update), self,
                           G_CONNECT_SWAPPED);
  mp_task_row_update (self);

  return self;
}

static void
mp_task_row_dispose (GObject *object)
{
  MpTaskRow *self = MP_TASK_ROW (object);

  g_clear_object (&self->task);

  G_OBJECT_CLASS (mp_task_row_parent_class)->dispose (object);
}

static void
mp_task_row_class_init (MpTaskRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mp_task_row_dispose;
}

static void
mp_task_row_init (MpTaskRow *self)
{
  GtkWidget *box;

  /* Labels come from the server for unknown functions: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 0);

  self->status_icon = GTK_IMAGE (gtk_image_new ());
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), GTK_WIDGET (self->status_icon));
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), GTK_WIDGET (self->spinner));

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_use_markup (self->status_label, FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status_label));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), box);
}
