/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "api/mp-ovh-error.h"
#include "emailpro/mp-client-config.h"
#include "mp-client-setup-window.h"
#include "mp-overview-page.h"
#include "mp-setup-checklist-group.h"
#include "mp-window.h"
#include "widgets/mp-copyable-row.h"

/* Guide step 5: the ports and security of E-Mail Pro's mail servers. */
#define IMAP_PORT     G_STRINGIFY (MP_CLIENT_CONFIG_IMAP_PORT)
#define IMAP_SECURITY MP_CLIENT_CONFIG_IMAP_SECURITY
#define SMTP_PORT     G_STRINGIFY (MP_CLIENT_CONFIG_SMTP_PORT)
#define SMTP_SECURITY MP_CLIENT_CONFIG_SMTP_SECURITY

/* Disk usage colours, as the provider's panel shows them: green below 51 %, orange up to
 * 80 %, red above. */
#define DISK_OK_BELOW       0.51
#define DISK_WARNING_BELOW  0.80

struct _MpOverviewPage
{
  AdwBin          parent_instance;

  /* Template widgets */
  MpSetupChecklistGroup *checklist_group;
  AdwPreferencesGroup *mail_programs_group;
  AdwEntryRow    *display_name_row;
  GtkButton      *display_name_apply_button;
  GtkLabel       *display_name_error;
  MpCopyableRow  *service_name_row;
  AdwActionRow   *state_row;
  AdwActionRow   *offer_row;
  MpCopyableRow  *hostname_row;
  AdwActionRow   *webmail_row;
  AdwActionRow   *domains_row;
  AdwActionRow   *accounts_row;
  GtkLevelBar    *disk_level;
  GtkLabel       *disk_label;
  AdwActionRow   *password_policy_row;
  AdwActionRow   *lockout_policy_row;
  MpCopyableRow  *imap_host_row;
  MpCopyableRow  *imap_port_row;
  MpCopyableRow  *imap_security_row;
  MpCopyableRow  *smtp_host_row;
  MpCopyableRow  *smtp_port_row;
  MpCopyableRow  *smtp_security_row;

  /* Owned references */
  MpSession      *session;
  MpService      *service;   /* the session's, watched for changes */
  MpServer       *server;    /* the session's, watched for changes */
  GCancellable   *cancellable;
  GSettings      *settings;  /* where the checklist remembers exports */
  MpSetupChecklist *checklist;

  /* The user has typed a display name that differs from the service's. */
  guint           display_name_edited : 1;
  guint           saving_display_name : 1;
  guint           updating : 1;
};

G_DEFINE_FINAL_TYPE (MpOverviewPage, mp_overview_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

enum {
  ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
add_toast (MpOverviewPage *self,
           const char     *message)
{
  AdwToast *toast = adw_toast_new (message);

  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
  g_object_unref (toast);
}

static void
report_error (MpOverviewPage *self,
              const GError   *error)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), MP_TYPE_WINDOW);

  /* A revoked key is the window's business (its banner); the rest is said here. */
  if (window != NULL && mp_ovh_error_needs_sign_in (error))
    mp_window_report_error (MP_WINDOW (window), error);
  else
    add_toast (self, error->message);
}

static void
set_subtitle (AdwActionRow *row,
              const char   *text)
{
  adw_action_row_set_subtitle (row, text != NULL && *text != '\0' ? text : _("Unknown"));
}

static const char *
get_display_name (MpOverviewPage *self)
{
  const char *name = self->service != NULL ? mp_service_get_display_name (self->service) : NULL;

  return name != NULL ? name : "";
}

static void
update_display_name_state (MpOverviewPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->display_name_row));
  g_autofree char *reason = NULL;

  self->display_name_edited = self->service != NULL
                              && g_strcmp0 (text, get_display_name (self)) != 0;
  if (self->display_name_edited)
    reason = mp_service_check_display_name (text);

  gtk_label_set_text (self->display_name_error, reason != NULL ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->display_name_error), reason != NULL);
  if (reason != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->display_name_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->display_name_row), "error");

  gtk_widget_set_visible (GTK_WIDGET (self->display_name_apply_button),
                          self->display_name_edited);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.apply-display-name",
                                 self->display_name_edited && reason == NULL
                                 && !self->saving_display_name);
}

static void
on_display_name_changed (MpOverviewPage *self)
{
  if (!self->updating)
    update_display_name_state (self);
}

static void
on_display_name_activated (MpOverviewPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "overview.apply-display-name", NULL);
}

static void
update_service (MpOverviewPage *self)
{
  MpService *service = self->service;
  g_autofree char *password_policy = NULL;
  g_autofree char *lockout_policy = NULL;
  const char *hostname;
  const char *web_url;

  if (service == NULL)
    return;

  /* What the user is typing wins over what the server says. */
  if (!self->display_name_edited)
    {
      self->updating = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->display_name_row), get_display_name (self));
      self->updating = FALSE;
    }
  update_display_name_state (self);

  hostname = mp_service_get_hostname (service);
  web_url = mp_service_get_web_url (service);

  mp_copyable_row_set_value (self->service_name_row, mp_service_get_name (service));
  set_subtitle (self->state_row, mp_service_state_to_label (mp_service_get_state (service)));
  set_subtitle (self->offer_row, mp_service_get_offer (service));
  mp_copyable_row_set_value (self->hostname_row, hostname);
  set_subtitle (self->webmail_row, web_url);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.open-webmail", web_url != NULL);

  password_policy = mp_service_describe_password_policy (service);
  lockout_policy = mp_service_describe_lockout_policy (service);
  set_subtitle (self->password_policy_row, password_policy);
  set_subtitle (self->lockout_policy_row, lockout_policy);

  mp_copyable_row_set_value (self->imap_host_row, hostname);
  mp_copyable_row_set_value (self->imap_port_row, IMAP_PORT);
  mp_copyable_row_set_value (self->imap_security_row, IMAP_SECURITY);
  mp_copyable_row_set_value (self->smtp_host_row, hostname);
  mp_copyable_row_set_value (self->smtp_port_row, SMTP_PORT);
  mp_copyable_row_set_value (self->smtp_security_row, SMTP_SECURITY);
}

/* The API counts in MB. */
static char *
format_megabytes (gint64 megabytes)
{
  return g_format_size ((guint64) megabytes * 1000 * 1000);
}

static void
update_figures (MpOverviewPage *self)
{
  MpServer *server;
  guint accounts, configured;
  g_autofree char *domains = NULL;
  g_autofree char *accounts_text = NULL;

  if (self->session == NULL)
    return;

  domains = g_strdup_printf ("%u", mp_session_get_domain_count (self->session));
  adw_action_row_set_subtitle (self->domains_row, domains);

  accounts = mp_session_get_account_count (self->session);
  configured = mp_session_get_configured_account_count (self->session);
  /* Translators: accounts configured out of the accounts the service has, e.g. "3 of 5 configured" */
  accounts_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u of %u configured",
                                                "%u of %u configured",
                                                accounts),
                                   configured, accounts);
  adw_action_row_set_subtitle (self->accounts_row, accounts_text);

  server = mp_session_get_server (self->session);
  if (server != NULL && mp_server_get_disk_fraction (server) >= 0)
    {
      g_autofree char *used = format_megabytes (mp_server_get_current_disk_usage (server));
      g_autofree char *size = format_megabytes (mp_server_get_disk_size (server));
      g_autofree char *text = NULL;

      /* Translators: disk usage, e.g. "1.2 GB of 5.0 GB used" */
      text = g_strdup_printf (_("%s of %s used"), used, size);
      gtk_label_set_text (self->disk_label, text);
      gtk_level_bar_set_value (self->disk_level, mp_server_get_disk_fraction (server));
      gtk_widget_set_visible (GTK_WIDGET (self->disk_level), TRUE);
    }
  else
    {
      gtk_label_set_text (self->disk_label, _("Not known yet"));
      gtk_widget_set_visible (GTK_WIDGET (self->disk_level), FALSE);
    }
}

/* Drops the watches on the session, its service and its server. */
static void
unwatch_session (MpOverviewPage *self)
{
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (self->service != NULL)
    g_signal_handlers_disconnect_by_data (self->service, self);
  if (self->server != NULL)
    g_signal_handlers_disconnect_by_data (self->server, self);
  g_clear_object (&self->service);
  g_clear_object (&self->server);
}

static void
on_session_notify (MpOverviewPage *self)
{
  MpService *service = mp_session_get_service (self->session);
  MpServer *server;

  if (service != self->service)
    {
      if (self->service != NULL)
        g_signal_handlers_disconnect_by_data (self->service, self);
      g_set_object (&self->service, service);
      if (service != NULL)
        g_signal_connect_object (service, "notify", G_CALLBACK (update_service), self,
                                 G_CONNECT_SWAPPED);
      self->display_name_edited = FALSE;
    }

  server = mp_session_get_server (self->session);
  if (server != self->server)
    {
      if (self->server != NULL)
        g_signal_handlers_disconnect_by_data (self->server, self);
      g_set_object (&self->server, server);
      if (server != NULL)
        g_signal_connect_object (server, "notify", G_CALLBACK (update_figures), self,
                                 G_CONNECT_SWAPPED);
    }

  update_service (self);
  update_figures (self);
}

static void
set_display_name_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(MpOverviewPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = mp_session_set_display_name_finish (MP_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->saving_display_name = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->display_name_row), TRUE);

  if (!ok)
    {
      /* The typed name stays, so it can be corrected and applied again. */
      report_error (self, error);
      update_display_name_state (self);
      return;
    }

  self->display_name_edited = FALSE;
  update_service (self);
  add_toast (self, _("Display name changed"));
}

static void
apply_display_name_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  MpOverviewPage *self = MP_OVERVIEW_PAGE (widget);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->display_name_row));
  g_autofree char *reason = NULL;

  if (self->session == NULL || self->saving_display_name || !self->display_name_edited)
    return;

  reason = mp_service_check_display_name (text);
  if (reason != NULL)
    return;

  self->saving_display_name = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->display_name_row), FALSE);
  update_display_name_state (self);
  mp_session_set_display_name_async (self->session, text, self->cancellable,
                                     set_display_name_cb, g_object_ref (self));
}

static void
open_webmail_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MpOverviewPage *self = MP_OVERVIEW_PAGE (widget);
  const char *url = self->service != NULL ? mp_service_get_web_url (self->service) : NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (url != NULL)
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url, GDK_CURRENT_TIME);
}

static void
set_up_client_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MpOverviewPage *self = MP_OVERVIEW_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  MpClientSetupWindow *window;

  if (self->checklist == NULL)
    return;

  window = mp_client_setup_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       self->checklist, NULL);
  gtk_window_present (GTK_WINDOW (window));
}

/* The servers for everyone, without an address: each employee knows their own. */
static void
copy_instructions_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  MpOverviewPage *self = MP_OVERVIEW_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->service == NULL)
    return;

  text = mp_client_config_render_instructions (NULL, mp_service_get_hostname (self->service),
                                               mp_service_get_web_url (self->service), &error);
  if (text == NULL)
    {
      add_toast (self, error->message);
      return;
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  add_toast (self, _("Instructions copied. Paste them into a message to your employees."));
}

MpSetupChecklist *
mp_overview_page_get_checklist (MpOverviewPage *self)
{
  g_return_val_if_fail (MP_IS_OVERVIEW_PAGE (self), NULL);

  return self->checklist;
}

MpSession *
mp_overview_page_get_session (MpOverviewPage *self)
{
  g_return_val_if_fail (MP_IS_OVERVIEW_PAGE (self), NULL);

  return self->session;
}

void
mp_overview_page_set_session (MpOverviewPage *self,
                              MpSession      *session)
{
  g_return_if_fail (MP_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (session == NULL || MP_IS_SESSION (session));

  if (self->session == session)
    return;

  /* Work for the previous service must not land on this one. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->saving_display_name = FALSE;
  self->display_name_edited = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->display_name_row), TRUE);

  unwatch_session (self);
  if (self->checklist != NULL)
    mp_setup_checklist_cancel (self->checklist);
  g_clear_object (&self->checklist);
  g_set_object (&self->session, session);
  if (session != NULL)
    self->checklist = mp_setup_checklist_new (session, self->settings);
  mp_setup_checklist_group_set_checklist (self->checklist_group, self->checklist);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.set-up-client", session != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.copy-instructions", session != NULL);
  if (session != NULL)
    {
      g_signal_connect_object (session, "notify", G_CALLBACK (on_session_notify), self,
                               G_CONNECT_SWAPPED);
      on_session_notify (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
mp_overview_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MpOverviewPage *self = MP_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_overview_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MpOverviewPage *self = MP_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      mp_overview_page_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_overview_page_dispose (GObject *object)
{
  MpOverviewPage *self = MP_OVERVIEW_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  unwatch_session (self);
  if (self->checklist != NULL)
    mp_setup_checklist_cancel (self->checklist);

  /* AdwBin unparents its child itself; it must not find it gone already. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_OVERVIEW_PAGE);

  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->checklist);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mp_overview_page_parent_class)->dispose (object);
}

static void
mp_overview_page_class_init (MpOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_overview_page_dispose;
  object_class->get_property = mp_overview_page_get_property;
  object_class->set_property = mp_overview_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         MP_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ADD_TOAST] =
    g_signal_new ("add-toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  g_type_ensure (MP_TYPE_COPYABLE_ROW);
  g_type_ensure (MP_TYPE_SETUP_CHECKLIST_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mailpost/Mailpost/pages/overview/mp-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MpOverviewPage, checklist_group);
  gtk_widget_class_bind_template_child (widget_class, MpOverviewPage, mail_programs_group);
  gtk_widget_class_bind_template_child (widget_class, MpOverviewPage, display_name_row);
  gtk_widget_class_bind_template_child (widget_class, MpOverviewPage, display_name_apply_button);
  gtk_widget_class_bind_template_child (widget_class, MpOverviewPage, display_name_error);
  gtk_widget_class_bind_template_child (widget_class, MpOverviewPage, service_name_row);
  gtk_widget_class_bind_template_child (widget_class, MpOverviewPage, state_row);
  gtk_widget_class_bind_template_child (widget_class, MpOverviewPage, offer_row);
  gtk_widget_class_bind_template_child (widget_class, MpOverviewPage, hostname_row);
  gtk_widget_class_bind_template_child (widget_class, MpOverviewPage, webmail_row);
  gtk_widget_class_bind_template_child (widget_class, MpOverviewPage, domains_row);
  gtk_widget_class_bind_template_child (widget_class, MpOverviewPage, accounts_row);
  gtk_widget_class_bind_template_child (widget_class, MpOverviewPage, disk_level);
  gtk_widget_class_bind_template_child (widget_class, MpOverviewPage, disk_label);
  gtk_widget_class_bind_template_child (widget_class, MpOverviewPage, password_policy_row);
  gtk_widget_class_bind_template_child (widget_class, MpOverviewPage, lockout_policy_row);
  gtk_widget_class_bind_template_child (widget_class, MpOverviewPage, imap_host_row);
  gtk_widget_class_bind_template_child (widget_class, MpOverviewPage, imap_port_row);
  gtk_widget_class_bind_template_child (widget_class, MpOverviewPage, imap_security_row);
  gtk_widget_class_bind_template_child (widget_class, MpOverviewPage, smtp_host_row);
  gtk_widget_class_bind_template_child (widget_class, MpOverviewPage, smtp_port_row);
  gtk_widget_class_bind_template_child (widget_class, MpOverviewPage, smtp_security_row);
  gtk_widget_class_bind_template_callback (widget_class, on_display_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_display_name_activated);

  gtk_widget_class_install_action (widget_class, "overview.apply-display-name", NULL,
                                   apply_display_name_action);
  gtk_widget_class_install_action (widget_class, "overview.open-webmail", NULL,
                                   open_webmail_action);
  gtk_widget_class_install_action (widget_class, "overview.set-up-client", NULL,
                                   set_up_client_action);
  gtk_widget_class_install_action (widget_class, "overview.copy-instructions", NULL,
                                   copy_instructions_action);
}

static void
mp_overview_page_init (MpOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  adw_preferences_group_set_description (self->mail_programs_group,
                                         mp_client_config_get_first_login_note ());

  gtk_level_bar_remove_offset_value (self->disk_level, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->disk_level, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->disk_level, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_add_offset_value (self->disk_level, "mp-ok", DISK_OK_BELOW);
  gtk_level_bar_add_offset_value (self->disk_level, "mp-warning", DISK_WARNING_BELOW);
  gtk_level_bar_add_offset_value (self->disk_level, "mp-critical", 1.0);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.apply-display-name", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.open-webmail", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.set-up-client", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "overview.copy-instructions", FALSE);
  gtk_label_set_text (self->disk_label, _("Not known yet"));
}
