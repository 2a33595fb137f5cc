/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mp-application.h"
#include "mp-window.h"

struct _MpApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (MpApplication, mp_application, ADW_TYPE_APPLICATION)

static void
mp_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (mp_window_new (MP_APPLICATION (app)));
  gtk_window_present (window);
}

static void
mp_application_class_init (MpApplicationClass *klass)
{
  G_APPLICATION_CLASS (klass)->activate = mp_application_activate;
}

static void
mp_application_init (MpApplication *self)
{
}

MpApplication *
mp_application_new (void)
{
  return g_object_new (MP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/mailpost/Mailpost",
                       NULL);
}
