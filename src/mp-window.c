/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "api/mp-ovh-error.h"
#include "mp-resources.h"
#include "mp-window-private.h"
#include "pages/security/mp-security-window.h"
#include "pages/tasks/mp-tasks-window.h"
#include "widgets/mp-copyable-row.h"

/* The provider's page for ordering a service; the same for every region. */
#define MP_ORDER_URL "https://www.ovhcloud.com/en/emails/email-pro/"

G_DEFINE_FINAL_TYPE (MpWindow, mp_window, ADW_TYPE_APPLICATION_WINDOW)

void
_mp_window_update_actions (MpWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->main_stack);
  gboolean signed_in = self->client != NULL;
  gboolean several = self->services != NULL && g_list_model_get_n_items (self->services) > 1;

  /* On the error page, refresh is the way to retry the start-up. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.refresh",
                                 g_strcmp0 (page, "error") == 0
                                 || (signed_in && g_strcmp0 (page, "loading") != 0));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out", signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.switch-service",
                                 several && g_strcmp0 (page, "main") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-tasks", self->session != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-domains", self->session != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-accounts", self->session != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-diagnosis", self->session != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.security-policy", self->session != NULL);
}

void
_mp_window_update_switcher (MpWindow *self)
{
  gboolean on_main = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "main") == 0;

  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, on_main);
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    on_main && adw_view_switcher_title_get_title_visible (self->switcher_title));

  if (on_main && self->session != NULL)
    {
      MpService *service = mp_session_get_service (self->session);

      adw_view_switcher_title_set_title (self->switcher_title, mp_service_get_title (service));
      adw_view_switcher_title_set_subtitle (self->switcher_title, mp_service_get_name (service));
    }
  else
    {
      adw_view_switcher_title_set_title (self->switcher_title, _("Mailpost"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
    }
}

static void
on_main_stack_page_changed (MpWindow *self)
{
  _mp_window_update_switcher (self);
  _mp_window_update_actions (self);
}

void
_mp_window_show_page (MpWindow   *self,
                      const char *name)
{
  gtk_stack_set_visible_child_name (self->main_stack, name);
  /* Signing in again makes the banner moot. */
  if (g_str_equal (name, "sign-in"))
    gtk_revealer_set_reveal_child (self->sign_in_banner, FALSE);
}

void
_mp_window_show_error_page (MpWindow     *self,
                            const GError *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  if (mp_ovh_error_needs_sign_in (error))
    gtk_revealer_set_reveal_child (self->sign_in_banner, TRUE);
  _mp_window_show_page (self, "error");
}

void
mp_window_add_toast (MpWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (MP_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
mp_window_report_error (MpWindow     *self,
                        const GError *error)
{
  g_return_if_fail (MP_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_debug ("Reported error: %s", error->message);
  if (mp_ovh_error_needs_sign_in (error))
    gtk_revealer_set_reveal_child (self->sign_in_banner, TRUE);
  else
    mp_window_add_toast (self, adw_toast_new (error->message));
}

static void
on_page_add_toast (MpWindow *self,
                   AdwToast *toast)
{
  mp_window_add_toast (self, g_object_ref (toast));
}

static void
on_signed_in (MpWindow    *self,
              MpOvhClient *client)
{
  _mp_window_signed_in (self, client);
}

static void
on_service_activated (MpWindow  *self,
                      MpService *service)
{
  _mp_window_open_service (self, service);
}

static void
on_network_changed (MpWindow *self)
{
  gboolean available = g_network_monitor_get_network_available (self->network_monitor);

  gtk_revealer_set_reveal_child (self->offline_banner, !available);
}

static void
save_window_size (MpWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
}

static gboolean
mp_window_close_request (GtkWindow *window)
{
  save_window_size (MP_WINDOW (window));

  return GTK_WINDOW_CLASS (mp_window_parent_class)->close_request (window);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _mp_window_refresh (MP_WINDOW (widget));
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  _mp_window_sign_out (MP_WINDOW (widget));
}

static void
sign_in_again_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _mp_window_sign_in_again (MP_WINDOW (widget));
}

static void
switch_service_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _mp_window_switch_service (MP_WINDOW (widget));
}

static void
order_service_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), MP_ORDER_URL, GDK_CURRENT_TIME);
}

static void
on_security_policy_saved (MpWindow *self)
{
  mp_window_add_toast (self, adw_toast_new (_("The security policy was saved.")));
}

static void
security_policy_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  MpWindow *self = MP_WINDOW (widget);
  MpSecurityWindow *dialog;

  if (self->session == NULL)
    return;

  dialog = mp_security_window_new (GTK_WINDOW (self), self->session);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_security_policy_saved), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* One tasks window per main window: asking again raises it. */
static void
show_tasks_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MpWindow *self = MP_WINDOW (widget);
  MpTaskTracker *tracker;
  GListModel *windows;

  if (self->session == NULL)
    return;

  tracker = mp_session_get_task_tracker (self->session);
  windows = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (windows, i);

      if (MP_IS_TASKS_WINDOW (window)
          && mp_tasks_window_get_tracker (MP_TASKS_WINDOW (window)) == tracker)
        {
          gtk_window_present (window);
          return;
        }
    }

  gtk_window_present (GTK_WINDOW (mp_tasks_window_new (GTK_WINDOW (self), tracker)));
}

static void
show_domains_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  adw_view_stack_set_visible_child_name (MP_WINDOW (widget)->view_stack, "domains");
}

static void
show_accounts_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  adw_view_stack_set_visible_child_name (MP_WINDOW (widget)->view_stack, "accounts");
}

/* The Domains page's "Check DNS": the domain's row on the Diagnosis page, checked now. */
static void
show_diagnosis_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MpWindow *self = MP_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "diagnosis");
  gtk_widget_activate_action_variant (GTK_WIDGET (self->diagnosis_page), "diagnosis.show-domain",
                                      parameter);
}

static void
mp_window_dispose (GObject *object)
{
  MpWindow *self = MP_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->load_cancellable);
  if (self->network_monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->network_monitor, self);
  self->network_monitor = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_WINDOW);

  g_clear_object (&self->session);
  g_clear_object (&self->services);
  g_clear_object (&self->client);
  g_clear_object (&self->credential_store);
  g_clear_object (&self->settings);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (mp_window_parent_class)->dispose (object);
}

static void load_style (void);

static void
mp_window_constructed (GObject *object)
{
  G_OBJECT_CLASS (mp_window_parent_class)->constructed (object);

  if (gtk_window_get_application (GTK_WINDOW (object)) == NULL)
    load_style ();
}

static void
mp_window_class_init (MpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = mp_window_constructed;
  object_class->dispose = mp_window_dispose;
  window_class->close_request = mp_window_close_request;

  /* Referencing the resource keeps it in the link of this static library; the generated
   * constructor registers it. */
  (void) mp_get_resource ();

  g_type_ensure (MP_TYPE_SIGN_IN_PAGE);
  g_type_ensure (MP_TYPE_SERVICES_PAGE);
  g_type_ensure (MP_TYPE_OVERVIEW_PAGE);
  g_type_ensure (MP_TYPE_DOMAINS_PAGE);
  g_type_ensure (MP_TYPE_ACCOUNTS_PAGE);
  g_type_ensure (MP_TYPE_DIAGNOSIS_PAGE);
  g_type_ensure (MP_TYPE_COPYABLE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mailpost/Mailpost/mp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, sign_in_banner);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, offline_banner);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, sign_in_page);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, services_page);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, domains_page);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, accounts_page);
  gtk_widget_class_bind_template_child (widget_class, MpWindow, diagnosis_page);
  gtk_widget_class_bind_template_callback (widget_class, on_main_stack_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_page_add_toast);
  gtk_widget_class_bind_template_callback (widget_class, on_signed_in);
  gtk_widget_class_bind_template_callback (widget_class, on_service_activated);

  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.sign-in-again", NULL, sign_in_again_action);
  gtk_widget_class_install_action (widget_class, "win.switch-service", NULL, switch_service_action);
  gtk_widget_class_install_action (widget_class, "win.order-service", NULL, order_service_action);
  gtk_widget_class_install_action (widget_class, "win.show-tasks", NULL, show_tasks_action);
  gtk_widget_class_install_action (widget_class, "win.show-domains", NULL, show_domains_action);
  gtk_widget_class_install_action (widget_class, "win.show-accounts", NULL, show_accounts_action);
  gtk_widget_class_install_action (widget_class, "win.show-diagnosis", "s", show_diagnosis_action);
  gtk_widget_class_install_action (widget_class, "win.security-policy", NULL, security_policy_action);
}

static void
load_style (void)
{
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      /* AdwApplication loads style.css by itself; a window without one (tests) does it here. */
      gtk_css_provider_load_from_resource (provider, "/io/github/mailpost/Mailpost/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&loaded, 1);
    }
}

static void
mp_window_init (MpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  self->credential_store = mp_credential_store_new ();

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* The diagnosis page checks the domains of the service the domains page shows. */
  g_object_bind_property (self->domains_page, "session", self->diagnosis_page, "session",
                          G_BINDING_SYNC_CREATE);

  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (_mp_window_update_switcher), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->settings, "changed::dns-server",
                           G_CALLBACK (_mp_window_apply_dns_server), self, G_CONNECT_SWAPPED);

  self->network_monitor = g_network_monitor_get_default ();
  g_signal_connect_object (self->network_monitor, "notify::network-available",
                           G_CALLBACK (on_network_changed), self, G_CONNECT_SWAPPED);
  on_network_changed (self);

  _mp_window_update_switcher (self);
  _mp_window_update_actions (self);
  _mp_window_start (self);
}

MpWindow *
mp_window_new (MpApplication *application)
{
  return g_object_new (MP_TYPE_WINDOW, "application", application, NULL);
}

GtkStack *
_mp_window_get_main_stack (MpWindow *self)
{
  return self->main_stack;
}

MpSignInPage *
_mp_window_get_sign_in_page (MpWindow *self)
{
  return self->sign_in_page;
}

MpServicesPage *
_mp_window_get_services_page (MpWindow *self)
{
  return self->services_page;
}

MpOverviewPage *
_mp_window_get_overview_page (MpWindow *self)
{
  return self->overview_page;
}

gboolean
_mp_window_get_sign_in_banner_revealed (MpWindow *self)
{
  return gtk_revealer_get_reveal_child (self->sign_in_banner);
}

MpSession *
_mp_window_get_session (MpWindow *self)
{
  return self->session;
}

MpDomainsPage *
_mp_window_get_domains_page (MpWindow *self)
{
  return self->domains_page;
}

MpAccountsPage *
_mp_window_get_accounts_page (MpWindow *self)
{
  return self->accounts_page;
}

AdwViewStack *
_mp_window_get_view_stack (MpWindow *self)
{
  return self->view_stack;
}

MpDiagnosisPage *
_mp_window_get_diagnosis_page (MpWindow *self)
{
  return self->diagnosis_page;
}
