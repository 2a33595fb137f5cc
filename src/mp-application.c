/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cli/mp-cli.h"
#include "mp-application.h"
#include "mp-preferences-window.h"
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
mp_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  MpApplication *self = user_data;
  static const char *developers[] = { "Mailpost developers", NULL };
  static const char *designers[] = { "Mailpost developers", NULL };
  static const char *built_on[] = {
    "GTK https://gtk.org",
    "libadwaita https://gnome.pages.gitlab.gnome.org/libadwaita/",
    "libsoup https://libsoup.org",
    "c-ares https://c-ares.org",
    "Knot DNS https://www.knot-dns.cz",
    NULL
  };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Mailpost"),
                        "developer-name", _("Mailpost developers"),
                        "version", PACKAGE_VERSION,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/mailpost/mailpost",
                        "issue-url", "https://github.com/mailpost/mailpost/issues",
                        "developers", developers,
                        "designers", designers,
                        "support-url", "https://github.com/mailpost/mailpost/discussions",
                        /* Translators: replace with your names, one per line */
                        "translator-credits", _("translator-credits"),
                        "copyright", _("© 2024 Mailpost developers"),
                        "comments", _("Set up and look after an OVHcloud E-Mail Pro service"),
                        NULL);
  adw_about_window_add_link (ADW_ABOUT_WINDOW (about), _("_Documentation"),
                             "https://github.com/mailpost/mailpost#readme");
  adw_about_window_add_link (ADW_ABOUT_WINDOW (about), _("OVHcloud _E-Mail Pro"),
                             "https://www.ovhcloud.com/en/emails/email-pro/");
  adw_about_window_add_acknowledgement_section (ADW_ABOUT_WINDOW (about), _("Built With"), built_on);
  gtk_window_present (GTK_WINDOW (about));
}

static void
mp_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  MpApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing the windows (rather than g_application_quit) lets each save its size. */
  while (windows != NULL)
    {
      GList *next = windows->next;

      gtk_window_close (GTK_WINDOW (windows->data));
      windows = next;
    }
}

static void
mp_application_preferences_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  MpApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (mp_preferences_window_new (parent)));
}

static const GActionEntry app_actions[] = {
  { "about", mp_application_about_action },
  { "preferences", mp_application_preferences_action },
  { "quit", mp_application_quit_action },
};

static void
mp_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *refresh_accels[] = { "<Control>r", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (mp_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.refresh", refresh_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
}

static void
mp_application_class_init (MpApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = mp_application_activate;
  app_class->startup = mp_application_startup;
}

static void
mp_application_init (MpApplication *self)
{
  g_autofree char *commands = mp_cli_describe_commands ();

  /* `mailpost --help` is GApplication's; it should still tell about the subcommands. */
  g_application_set_option_context_description (G_APPLICATION (self), commands);
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
