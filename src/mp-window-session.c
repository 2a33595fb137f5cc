/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-window-session.c: how the window gets from start-up to a service: keys from the
 * environment or the keyring, the list of services, the picker, refresh and sign-out. */
#include "config.h"

#include <glib/gi18n.h>

#include "api/mp-ovh-error.h"
#include "mp-preferences-window.h"
#include "mp-window-private.h"
#include "pages/tasks/mp-tasks-window.h"

static GCancellable *
restart_load (MpWindow *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  return self->load_cancellable;
}

/* The tasks view shows one service's tracker: it goes with the service. */
static void
close_tasks_windows (MpWindow *self)
{
  GListModel *windows = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (windows); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (windows, i - 1);

      if (MP_IS_TASKS_WINDOW (window) && gtk_window_get_transient_for (window) == GTK_WINDOW (self))
        gtk_window_destroy (window);
    }
}

static void
forget_service (MpWindow *self)
{
  if (self->session != NULL)
    close_tasks_windows (self);
  mp_overview_page_set_session (self->overview_page, NULL);
  mp_domains_page_set_session (self->domains_page, NULL);
  mp_accounts_page_set_session (self->accounts_page, NULL);
  g_clear_object (&self->session);
  self->refreshing = FALSE;
}

static void
show_sign_in (MpWindow   *self,
              const char *endpoint,
              const char *application_key)
{
  forget_service (self);
  g_clear_object (&self->services);
  g_clear_object (&self->client);
  mp_sign_in_page_reset (self->sign_in_page);
  if (endpoint != NULL && *endpoint != '\0')
    mp_sign_in_page_prefill (self->sign_in_page, endpoint, application_key);
  else
    {
      g_autofree char *default_endpoint = mp_preferences_dup_default_endpoint (self->settings);

      if (default_endpoint != NULL)
        mp_sign_in_page_prefill (self->sign_in_page, default_endpoint, NULL);
    }
  _mp_window_show_page (self, "sign-in");
  _mp_window_update_actions (self);
}

static void
session_refresh_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(MpWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mp_session_refresh_finish (MP_SESSION (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      mp_window_report_error (self, error);
    }

  if (MP_SESSION (object) != self->session)
    return;

  self->refreshing = FALSE;
  /* A new customer's first step is the domain (guide step 2). */
  if (self->landing_pending && error == NULL)
    {
      self->landing_pending = FALSE;
      if (mp_session_get_domain_count (self->session) == 0)
        adw_view_stack_set_visible_child_name (self->view_stack, "domains");
    }
}

static void
refresh_session (MpWindow *self)
{
  if (self->refreshing)
    return;

  self->refreshing = TRUE;
  mp_session_refresh_async (self->session, self->load_cancellable,
                            session_refresh_cb, g_object_ref (self));
}

/* A failed task raises a toast wherever the user is; the tasks view keeps it listed. */
static void
on_task_finished (MpWindow *self,
                  MpTask   *task)
{
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (mp_task_get_status (task) != MP_TASK_STATUS_ERROR)
    return;

  /* Translators: %s is what the task did, e.g. "Add domain" */
  message = g_strdup_printf (_("The provider could not carry out “%s”."),
                             mp_task_get_function_label (task));
  toast = adw_toast_new (message);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (toast, _("_Show Tasks"));
  adw_toast_set_action_name (toast, "win.show-tasks");
  mp_window_add_toast (self, toast);
}

void
_mp_window_apply_dns_server (MpWindow *self)
{
  g_autofree char *server = NULL;
  g_autoptr(GError) error = NULL;

  if (self->session == NULL)
    return;

  server = g_settings_get_string (self->settings, "dns-server");
  /* The preferences store only valid servers; one edited by hand is skipped, not fatal. */
  if (!mp_session_set_dns_server (self->session, server, &error))
    g_warning ("The dns-server setting is ignored: %s", error->message);
}

void
_mp_window_open_service (MpWindow  *self,
                         MpService *service)
{
  g_return_if_fail (MP_IS_SERVICE (service));
  g_return_if_fail (self->client != NULL);

  restart_load (self);
  forget_service (self);

  g_settings_set_string (self->settings, "last-service", mp_service_get_name (service));

  self->session = mp_session_new (self->client, service);
  _mp_window_apply_dns_server (self);
  g_signal_connect_object (mp_session_get_service (self->session), "notify::title",
                           G_CALLBACK (_mp_window_update_switcher), self, G_CONNECT_SWAPPED);
  mp_overview_page_set_session (self->overview_page, self->session);
  mp_domains_page_set_session (self->domains_page, self->session);
  mp_accounts_page_set_session (self->accounts_page, self->session);
  g_signal_connect_object (mp_session_get_task_tracker (self->session), "task-finished",
                           G_CALLBACK (on_task_finished), self, G_CONNECT_SWAPPED);
  self->landing_pending = TRUE;
  adw_view_stack_set_visible_child_name (self->view_stack, "overview");
  _mp_window_show_page (self, "main");
  _mp_window_update_actions (self);

  refresh_session (self);
}

static void
show_services (MpWindow *self)
{
  guint n_items = g_list_model_get_n_items (self->services);
  g_autofree char *last = g_settings_get_string (self->settings, "last-service");

  mp_services_page_set_services (self->services_page, self->services);

  if (n_items == 0)
    {
      _mp_window_show_page (self, "no-service");
      _mp_window_update_actions (self);
      return;
    }

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(MpService) service = g_list_model_get_item (self->services, i);

      if (n_items == 1 || g_strcmp0 (mp_service_get_name (service), last) == 0)
        {
          _mp_window_open_service (self, service);
          return;
        }
    }

  _mp_window_show_page (self, "services");
  _mp_window_update_actions (self);
}

static void
list_services_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(MpWindow) self = user_data;
  g_autoptr(GListModel) services = NULL;
  g_autoptr(GError) error = NULL;

  services = mp_session_list_services_finish (result, &error);
  if (services == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      _mp_window_show_error_page (self, error);
      _mp_window_update_actions (self);
      return;
    }

  g_set_object (&self->services, services);
  show_services (self);
}

static void
list_services (MpWindow *self)
{
  GCancellable *cancellable = restart_load (self);

  forget_service (self);
  _mp_window_show_page (self, "loading");
  _mp_window_update_actions (self);
  mp_session_list_services_async (self->client, cancellable,
                                  list_services_cb, g_object_ref (self));
}

static void
use_credentials (MpWindow            *self,
                 const MpCredentials *credentials)
{
  g_clear_object (&self->client);
  self->client = mp_ovh_client_new (credentials->endpoint, credentials->application_key);
  mp_ovh_client_set_secrets (self->client,
                             credentials->application_secret,
                             credentials->consumer_key);
  list_services (self);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(MpWindow) self = user_data;
  g_autoptr(MpCredentials) credentials = NULL;
  g_autoptr(GError) error = NULL;

  credentials = mp_credential_store_lookup_finish (MP_CREDENTIAL_STORE (object), result, &error);
  if (credentials == NULL)
    {
      g_autofree char *endpoint = NULL;
      g_autofree char *application_key = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      if (!g_error_matches (error, MP_CREDENTIAL_ERROR, MP_CREDENTIAL_ERROR_NOT_FOUND))
        {
          _mp_window_show_error_page (self, error);
          return;
        }

      /* The keys were removed behind our back: ask again, keeping what is known. */
      endpoint = g_settings_get_string (self->settings, "endpoint");
      application_key = g_settings_get_string (self->settings, "application-key");
      show_sign_in (self, endpoint, application_key);
      return;
    }

  use_credentials (self, credentials);
}

void
_mp_window_start (MpWindow *self)
{
  g_autoptr(MpCredentials) credentials = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *endpoint = NULL;
  g_autofree char *application_key = NULL;
  GCancellable *cancellable;

  gtk_revealer_set_reveal_child (self->sign_in_banner, FALSE);

  credentials = mp_credentials_new_from_environment (&error);
  if (error != NULL)
    {
      _mp_window_show_error_page (self, error);
      return;
    }
  if (credentials != NULL)
    {
      self->from_environment = TRUE;
      mp_sign_in_page_set_persist (self->sign_in_page, FALSE);
      use_credentials (self, credentials);
      return;
    }

  endpoint = g_settings_get_string (self->settings, "endpoint");
  application_key = g_settings_get_string (self->settings, "application-key");
  if (*endpoint == '\0' || *application_key == '\0')
    {
      show_sign_in (self, NULL, NULL);
      return;
    }

  cancellable = restart_load (self);
  _mp_window_show_page (self, "loading");
  mp_credential_store_lookup_async (self->credential_store, endpoint, application_key,
                                    cancellable, lookup_cb, g_object_ref (self));
}

void
_mp_window_signed_in (MpWindow    *self,
                      MpOvhClient *client)
{
  g_return_if_fail (MP_IS_OVH_CLIENT (client));

  gtk_revealer_set_reveal_child (self->sign_in_banner, FALSE);
  g_set_object (&self->client, client);
  list_services (self);
}

void
_mp_window_refresh (MpWindow *self)
{
  if (self->session != NULL)
    refresh_session (self);
  else if (self->client != NULL)
    list_services (self);
  else
    _mp_window_start (self);
}

void
_mp_window_switch_service (MpWindow *self)
{
  if (self->services == NULL)
    return;

  restart_load (self);
  forget_service (self);
  _mp_window_show_page (self, "services");
  _mp_window_update_actions (self);
}

void
_mp_window_sign_in_again (MpWindow *self)
{
  g_autofree char *endpoint = NULL;
  g_autofree char *application_key = NULL;

  if (self->client != NULL)
    {
      endpoint = g_strdup (mp_ovh_client_get_base_url (self->client));
      application_key = g_strdup (mp_ovh_client_get_application_key (self->client));
    }

  restart_load (self);
  show_sign_in (self, endpoint, application_key);
}

static void
clear_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(MpWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mp_credential_store_clear_finish (MP_CREDENTIAL_STORE (object), result, &error))
    mp_window_report_error (self, error);
}

void
_mp_window_sign_out (MpWindow *self)
{
  restart_load (self);

  if (!self->from_environment && self->client != NULL)
    mp_credential_store_clear_async (self->credential_store,
                                     mp_ovh_client_get_base_url (self->client),
                                     mp_ovh_client_get_application_key (self->client),
                                     self->cancellable, clear_cb, g_object_ref (self));

  if (!self->from_environment)
    {
      g_settings_delay (self->settings);
      g_settings_reset (self->settings, "endpoint");
      g_settings_reset (self->settings, "application-key");
      g_settings_reset (self->settings, "last-service");
      g_settings_apply (self->settings);
    }

  show_sign_in (self, NULL, NULL);
}
