/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mp-window.h"

struct _MpWindow
{
  AdwApplicationWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (MpWindow, mp_window, ADW_TYPE_APPLICATION_WINDOW)

static void
mp_window_class_init (MpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mailpost/Mailpost/mp-window.ui");
}

static void
mp_window_init (MpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

MpWindow *
mp_window_new (MpApplication *application)
{
  return g_object_new (MP_TYPE_WINDOW, "application", application, NULL);
}
