/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "api/mp-ovh-endpoint.h"
#include "dns/mp-dns-resolver.h"
#include "mp-preferences-window.h"

struct _MpPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  AdwComboRow          *region_row;
  GtkStringList        *region_model;
  AdwEntryRow          *endpoint_row;
  GtkLabel             *endpoint_error;
  AdwPreferencesGroup  *dns_group;
  AdwEntryRow          *dns_server_row;
  GtkLabel             *dns_server_error;
  GtkSpinButton        *recheck_spin;

  GSettings            *settings;
  /* Filling the fields from the settings must not write them back. */
  gboolean              filling;
};

G_DEFINE_FINAL_TYPE (MpPreferencesWindow, mp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

char *
mp_preferences_dup_default_endpoint (GSettings *settings)
{
  g_autofree char *stored = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  stored = g_settings_get_string (settings, "default-endpoint");
  if (*stored == '\0')
    return NULL;
  return mp_ovh_endpoint_resolve (stored, NULL);
}

static void
show_reason (GtkLabel   *label,
             const char *reason)
{
  gtk_label_set_text (label, reason != NULL ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (label), reason != NULL);
}

static MpOvhRegion
selected_region (MpPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->region_row);

  return selected <= MP_OVH_REGION_CUSTOM ? (MpOvhRegion) selected : MP_OVH_REGION_EU;
}

/* Stores the custom address when it is valid; otherwise keeps it in the field with the
 * reason and leaves the setting alone. */
static void
store_custom_endpoint (MpPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->endpoint_row));
  g_autofree char *resolved = NULL;
  g_autoptr(GError) error = NULL;

  if (*text == '\0')
    {
      show_reason (self->endpoint_error, _("Type the address of the API, for example https://eu.api.ovh.com/1.0."));
      return;
    }
  resolved = mp_ovh_endpoint_resolve (text, &error);
  show_reason (self->endpoint_error, resolved == NULL ? error->message : NULL);
  if (resolved != NULL)
    g_settings_set_string (self->settings, "default-endpoint", resolved);
}

static void
on_region_changed (MpPreferencesWindow *self)
{
  MpOvhRegion region = selected_region (self);

  gtk_widget_set_visible (GTK_WIDGET (self->endpoint_row), region == MP_OVH_REGION_CUSTOM);
  if (region != MP_OVH_REGION_CUSTOM)
    show_reason (self->endpoint_error, NULL);
  if (self->filling)
    return;

  if (region == MP_OVH_REGION_CUSTOM)
    store_custom_endpoint (self);
  else if (region == MP_OVH_REGION_EU)
    g_settings_reset (self->settings, "default-endpoint");
  else
    g_settings_set_string (self->settings, "default-endpoint", mp_ovh_region_get_base_url (region));
}

static void
on_endpoint_changed (MpPreferencesWindow *self)
{
  /* A half-typed address is not wrong yet: the reason waits for Apply. */
  show_reason (self->endpoint_error, NULL);
}

static void
on_endpoint_apply (MpPreferencesWindow *self)
{
  store_custom_endpoint (self);
}

static void
on_dns_server_changed (MpPreferencesWindow *self)
{
  show_reason (self->dns_server_error, NULL);
}

static void
on_dns_server_apply (MpPreferencesWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->dns_server_row))));
  g_autofree char *address = NULL;
  g_autoptr(GError) error = NULL;
  guint16 port;

  if (*text != '\0' && !mp_dns_parse_server (text, &address, &port, &error))
    {
      show_reason (self->dns_server_error, error->message);
      return;
    }
  show_reason (self->dns_server_error, NULL);
  g_settings_set_string (self->settings, "dns-server", text);
}

static void
on_recheck_changed (MpPreferencesWindow *self)
{
  if (self->filling)
    return;
  g_settings_set_uint (self->settings, "recheck-interval",
                       (guint) gtk_spin_button_get_value_as_int (self->recheck_spin));
}

static void
fill (MpPreferencesWindow *self)
{
  g_autofree char *endpoint = g_settings_get_string (self->settings, "default-endpoint");
  g_autofree char *dns_server = g_settings_get_string (self->settings, "dns-server");
  MpOvhRegion region = *endpoint != '\0' ? mp_ovh_endpoint_get_region (endpoint) : MP_OVH_REGION_EU;

  self->filling = TRUE;
  adw_combo_row_set_selected (self->region_row, region);
  if (region == MP_OVH_REGION_CUSTOM)
    gtk_editable_set_text (GTK_EDITABLE (self->endpoint_row), endpoint);
  gtk_editable_set_text (GTK_EDITABLE (self->dns_server_row), dns_server);
  gtk_spin_button_set_value (self->recheck_spin, g_settings_get_uint (self->settings, "recheck-interval"));
  self->filling = FALSE;

  /* The variable of the tests and the demo wins over the setting: say so rather than
   * let a change here seem to do nothing. */
  if (g_getenv ("MAILPOST_DNS_SERVER") != NULL && *g_getenv ("MAILPOST_DNS_SERVER") != '\0')
    adw_preferences_group_set_description (self->dns_group,
                                           _("MAILPOST_DNS_SERVER is set, so every check asks the server it names and this setting is not used."));
}

static void
mp_preferences_window_dispose (GObject *object)
{
  MpPreferencesWindow *self = MP_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (object), MP_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (mp_preferences_window_parent_class)->dispose (object);
}

static void
mp_preferences_window_class_init (MpPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mailpost/Mailpost/mp-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MpPreferencesWindow, region_row);
  gtk_widget_class_bind_template_child (widget_class, MpPreferencesWindow, region_model);
  gtk_widget_class_bind_template_child (widget_class, MpPreferencesWindow, endpoint_row);
  gtk_widget_class_bind_template_child (widget_class, MpPreferencesWindow, endpoint_error);
  gtk_widget_class_bind_template_child (widget_class, MpPreferencesWindow, dns_group);
  gtk_widget_class_bind_template_child (widget_class, MpPreferencesWindow, dns_server_row);
  gtk_widget_class_bind_template_child (widget_class, MpPreferencesWindow, dns_server_error);
  gtk_widget_class_bind_template_child (widget_class, MpPreferencesWindow, recheck_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_region_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_endpoint_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_endpoint_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_dns_server_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_dns_server_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_recheck_changed);
}

static void
mp_preferences_window_init (MpPreferencesWindow *self)
{
  /* The combo row selects its first region as the list fills: not a choice of the user. */
  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  for (MpOvhRegion region = MP_OVH_REGION_EU; region <= MP_OVH_REGION_CUSTOM; region++)
    gtk_string_list_append (self->region_model, mp_ovh_region_get_label (region));
  fill (self);
}

MpPreferencesWindow *
mp_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (MP_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
}
