/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "api/mp-ovh-endpoint.h"
#include "mp-sign-in-page-private.h"

G_DEFINE_FINAL_TYPE (MpSignInPage, mp_sign_in_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_VALIDATION_URL,
  PROP_LAUNCH_BROWSER,
  PROP_PERSIST,
  PROP_METHOD,
  PROP_BUSY,
  N_PROPS
};

enum {
  SIGNED_IN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
_mp_sign_in_page_emit_signed_in (MpSignInPage *self,
                                 MpOvhClient  *client)
{
  g_signal_emit (self, signals[SIGNED_IN], 0, client);
}

/* g_set_str() is GLib 2.76. */
static gboolean
replace_str (char       **str_pointer,
             const char  *new_str)
{
  if (g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  g_free (*str_pointer);
  *str_pointer = g_strdup (new_str);
  return TRUE;
}

gboolean
_mp_sign_in_page_is_keys_method (MpSignInPage *self)
{
  return g_strcmp0 (self->method, "keys") == 0;
}

static MpOvhRegion
get_region (MpSignInPage *self)
{
  guint selected = adw_combo_row_get_selected (self->region_row);

  return selected <= MP_OVH_REGION_CUSTOM ? (MpOvhRegion) selected : MP_OVH_REGION_EU;
}

static const char *
get_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* Keys are pasted from web pages: stray blanks around them are never meant. */
char *
_mp_sign_in_page_get_key (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (get_text (row)));
}

/* The base URL of the chosen region, or NULL with the reason. */
char *
_mp_sign_in_page_resolve_endpoint (MpSignInPage  *self,
                                   GError       **error)
{
  MpOvhRegion region = get_region (self);
  g_autofree char *url = NULL;

  if (region != MP_OVH_REGION_CUSTOM)
    return g_strdup (mp_ovh_region_get_base_url (region));

  url = _mp_sign_in_page_get_key (self->custom_url_row);
  if (*url == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Enter the address of the API."));
      return NULL;
    }

  return mp_ovh_endpoint_resolve (url, error);
}

gboolean
_mp_sign_in_page_is_complete (MpSignInPage *self)
{
  g_autofree char *endpoint = _mp_sign_in_page_resolve_endpoint (self, NULL);
  g_autofree char *application_key = _mp_sign_in_page_get_key (self->application_key_row);
  g_autofree char *application_secret = _mp_sign_in_page_get_key (self->application_secret_row);
  g_autofree char *consumer_key = _mp_sign_in_page_get_key (self->consumer_key_row);

  return endpoint != NULL
         && *application_key != '\0'
         && *application_secret != '\0'
         && (!_mp_sign_in_page_is_keys_method (self) || *consumer_key != '\0');
}

static void
update_continue (MpSignInPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.continue",
                                 !self->busy && _mp_sign_in_page_is_complete (self));
}

void
_mp_sign_in_page_show_error (MpSignInPage *self,
                             const char   *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

void
_mp_sign_in_page_set_validation_url (MpSignInPage *self,
                                     const char   *url)
{
  if (replace_str (&self->validation_url, url))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALIDATION_URL]);
}

void
_mp_sign_in_page_set_busy (MpSignInPage *self,
                           gboolean      busy)
{
  busy = !!busy;
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->keys_group), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->region_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->custom_url_row), !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.method", !busy);
  update_continue (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_method (MpSignInPage *self)
{
  gboolean keys = _mp_sign_in_page_is_keys_method (self);
  MpOvhRegion region = get_region (self);
  const char *url = keys ? mp_ovh_region_get_create_token_url (region)
                         : mp_ovh_region_get_create_app_url (region);

  gtk_widget_set_visible (GTK_WIDGET (self->consumer_key_row), keys);
  gtk_widget_set_visible (GTK_WIDGET (self->create_keys_row), url != NULL);

  if (keys)
    {
      adw_preferences_group_set_title (self->keys_group, _("Existing Keys"));
      adw_preferences_group_set_description (self->keys_group,
                                             _("Paste the three keys made on the provider's token page."));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->create_keys_row),
                                     _("Create Keys With Access Rights"));
    }
  else
    {
      adw_preferences_group_set_title (self->keys_group, _("Application Keys"));
      adw_preferences_group_set_description (self->keys_group,
                                             _("Mailpost then opens your browser, where you allow it to manage your E-Mail Pro services."));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->create_keys_row),
                                     _("Create Application Keys"));
    }

  update_continue (self);
}

static void
on_region_changed (MpSignInPage *self)
{
  gboolean custom = get_region (self) == MP_OVH_REGION_CUSTOM;

  gtk_widget_set_visible (GTK_WIDGET (self->custom_url_row), custom);
  if (!custom)
    gtk_widget_set_visible (GTK_WIDGET (self->custom_url_error), FALSE);
  update_method (self);
}

static void
on_custom_url_changed (MpSignInPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = _mp_sign_in_page_get_key (self->custom_url_row);
  g_autofree char *resolved = NULL;

  if (*url != '\0')
    resolved = mp_ovh_endpoint_resolve (url, &error);

  gtk_label_set_text (self->custom_url_error, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->custom_url_error), error != NULL);
  if (error != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->custom_url_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->custom_url_row), "error");

  update_continue (self);
}

static void
on_field_changed (MpSignInPage *self)
{
  update_continue (self);
}

static void
on_entry_activated (MpSignInPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "sign-in.continue", NULL);
}

void
_mp_sign_in_page_open_uri (MpSignInPage *self,
                           const char   *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
on_create_keys_activated (MpSignInPage *self)
{
  MpOvhRegion region = get_region (self);
  const char *url = _mp_sign_in_page_is_keys_method (self) ? mp_ovh_region_get_create_token_url (region)
                                          : mp_ovh_region_get_create_app_url (region);

  if (url != NULL)
    _mp_sign_in_page_open_uri (self, url);
}

static void
set_method (MpSignInPage *self,
            const char   *method)
{
  if (g_strcmp0 (method, "keys") != 0)
    method = "browser";

  if (replace_str (&self->method, method))
    {
      _mp_sign_in_page_show_error (self, NULL);
      update_method (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_METHOD]);
    }
}

void
mp_sign_in_page_reset (MpSignInPage *self)
{
  g_return_if_fail (MP_IS_SIGN_IN_PAGE (self));

  _mp_sign_in_page_cancel_action (GTK_WIDGET (self), NULL, NULL);
  adw_combo_row_set_selected (self->region_row, MP_OVH_REGION_EU);
  gtk_editable_set_text (GTK_EDITABLE (self->custom_url_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->application_key_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->application_secret_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->consumer_key_row), "");
  set_method (self, "browser");
  _mp_sign_in_page_show_error (self, NULL);
}

void
mp_sign_in_page_prefill (MpSignInPage *self,
                         const char   *endpoint,
                         const char   *application_key)
{
  MpOvhRegion region;

  g_return_if_fail (MP_IS_SIGN_IN_PAGE (self));
  g_return_if_fail (endpoint != NULL);

  region = mp_ovh_endpoint_get_region (endpoint);
  adw_combo_row_set_selected (self->region_row, region);
  if (region == MP_OVH_REGION_CUSTOM)
    gtk_editable_set_text (GTK_EDITABLE (self->custom_url_row), endpoint);
  gtk_editable_set_text (GTK_EDITABLE (self->application_key_row),
                         application_key != NULL ? application_key : "");
}

const char *
mp_sign_in_page_get_validation_url (MpSignInPage *self)
{
  g_return_val_if_fail (MP_IS_SIGN_IN_PAGE (self), NULL);

  return self->validation_url;
}

gboolean
mp_sign_in_page_get_launch_browser (MpSignInPage *self)
{
  g_return_val_if_fail (MP_IS_SIGN_IN_PAGE (self), FALSE);

  return self->launch_browser;
}

void
mp_sign_in_page_set_launch_browser (MpSignInPage *self,
                                    gboolean      launch_browser)
{
  g_return_if_fail (MP_IS_SIGN_IN_PAGE (self));

  launch_browser = !!launch_browser;
  if (self->launch_browser == launch_browser)
    return;

  self->launch_browser = launch_browser;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAUNCH_BROWSER]);
}

gboolean
mp_sign_in_page_get_persist (MpSignInPage *self)
{
  g_return_val_if_fail (MP_IS_SIGN_IN_PAGE (self), FALSE);

  return self->persist;
}

void
mp_sign_in_page_set_persist (MpSignInPage *self,
                             gboolean      persist)
{
  g_return_if_fail (MP_IS_SIGN_IN_PAGE (self));

  persist = !!persist;
  if (self->persist == persist)
    return;

  self->persist = persist;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSIST]);
}

static void
mp_sign_in_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MpSignInPage *self = MP_SIGN_IN_PAGE (object);

  switch (prop_id)
    {
    case PROP_VALIDATION_URL:
      g_value_set_string (value, self->validation_url);
      break;

    case PROP_LAUNCH_BROWSER:
      g_value_set_boolean (value, self->launch_browser);
      break;

    case PROP_PERSIST:
      g_value_set_boolean (value, self->persist);
      break;

    case PROP_METHOD:
      g_value_set_string (value, self->method);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_sign_in_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  MpSignInPage *self = MP_SIGN_IN_PAGE (object);

  switch (prop_id)
    {
    case PROP_LAUNCH_BROWSER:
      mp_sign_in_page_set_launch_browser (self, g_value_get_boolean (value));
      break;

    case PROP_PERSIST:
      mp_sign_in_page_set_persist (self, g_value_get_boolean (value));
      break;

    case PROP_METHOD:
      set_method (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_sign_in_page_dispose (GObject *object)
{
  MpSignInPage *self = MP_SIGN_IN_PAGE (object);

  _mp_sign_in_page_cancel_attempt (self);

  /* AdwBin unparents its child itself; it must not find it gone already. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_SIGN_IN_PAGE);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (mp_sign_in_page_parent_class)->dispose (object);
}

static void
mp_sign_in_page_finalize (GObject *object)
{
  MpSignInPage *self = MP_SIGN_IN_PAGE (object);

  g_clear_pointer (&self->method, g_free);
  g_clear_pointer (&self->validation_url, g_free);

  G_OBJECT_CLASS (mp_sign_in_page_parent_class)->finalize (object);
}

static void
mp_sign_in_page_class_init (MpSignInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_sign_in_page_dispose;
  object_class->finalize = mp_sign_in_page_finalize;
  object_class->get_property = mp_sign_in_page_get_property;
  object_class->set_property = mp_sign_in_page_set_property;

  properties[PROP_VALIDATION_URL] =
    g_param_spec_string ("validation-url", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Tests turn this off and open the validation URL themselves. */
  properties[PROP_LAUNCH_BROWSER] =
    g_param_spec_boolean ("launch-browser", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PERSIST] =
    g_param_spec_boolean ("persist", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* "browser" or "keys" */
  properties[PROP_METHOD] =
    g_param_spec_string ("method", NULL, NULL,
                         "browser",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNED_IN] =
    g_signal_new ("signed-in",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, MP_TYPE_OVH_CLIENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mailpost/Mailpost/pages/sign-in/mp-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MpSignInPage, stack);
  gtk_widget_class_bind_template_child (widget_class, MpSignInPage, region_row);
  gtk_widget_class_bind_template_child (widget_class, MpSignInPage, region_model);
  gtk_widget_class_bind_template_child (widget_class, MpSignInPage, custom_url_row);
  gtk_widget_class_bind_template_child (widget_class, MpSignInPage, custom_url_error);
  gtk_widget_class_bind_template_child (widget_class, MpSignInPage, keys_group);
  gtk_widget_class_bind_template_child (widget_class, MpSignInPage, application_key_row);
  gtk_widget_class_bind_template_child (widget_class, MpSignInPage, application_secret_row);
  gtk_widget_class_bind_template_child (widget_class, MpSignInPage, consumer_key_row);
  gtk_widget_class_bind_template_child (widget_class, MpSignInPage, create_keys_row);
  gtk_widget_class_bind_template_child (widget_class, MpSignInPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, MpSignInPage, continue_button);
  gtk_widget_class_bind_template_child (widget_class, MpSignInPage, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, MpSignInPage, waiting_spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_region_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_custom_url_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_create_keys_activated);

  gtk_widget_class_install_action (widget_class, "sign-in.continue", NULL,
                                   _mp_sign_in_page_continue_action);
  gtk_widget_class_install_action (widget_class, "sign-in.cancel", NULL,
                                   _mp_sign_in_page_cancel_action);
  gtk_widget_class_install_action (widget_class, "sign-in.reopen", NULL,
                                   _mp_sign_in_page_reopen_action);
  gtk_widget_class_install_property_action (widget_class, "sign-in.method", "method");
}

static void
mp_sign_in_page_init (MpSignInPage *self)
{
  self->launch_browser = TRUE;
  self->persist = TRUE;
  self->method = g_strdup ("browser");
  self->store = mp_credential_store_new ();
  self->settings = g_settings_new (APP_ID);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (MpOvhRegion region = MP_OVH_REGION_EU; region <= MP_OVH_REGION_CUSTOM; region++)
    gtk_string_list_append (self->region_model, mp_ovh_region_get_label (region));

  update_method (self);
}
