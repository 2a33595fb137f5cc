/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "emailpro/mp-client-config.h"
#include "mp-client-setup-window.h"

struct _MpClientSetupWindow
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwComboRow          *account_row;
  GtkLabel             *no_account_label;
  AdwPreferencesGroup  *instructions_group;

  /* Owned references */
  MpSetupChecklist     *checklist;
  GtkStringList        *addresses;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  MpClientSetupFormat   chooser_format;
};

G_DEFINE_FINAL_TYPE (MpClientSetupWindow, mp_client_setup_window, ADW_TYPE_WINDOW)

static void
add_toast (MpClientSetupWindow *self,
           const char          *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static MpService *
get_service (MpClientSetupWindow *self)
{
  return mp_session_get_service (mp_setup_checklist_get_session (self->checklist));
}

const char *
mp_client_setup_window_get_address (MpClientSetupWindow *self)
{
  GtkStringObject *item;

  g_return_val_if_fail (MP_IS_CLIENT_SETUP_WINDOW (self), NULL);

  item = adw_combo_row_get_selected_item (self->account_row);
  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

gboolean
mp_client_setup_window_select_address (MpClientSetupWindow *self,
                                       const char          *address)
{
  guint n;

  g_return_val_if_fail (MP_IS_CLIENT_SETUP_WINDOW (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->addresses));
  for (guint i = 0; address != NULL && i < n; i++)
    if (g_str_equal (gtk_string_list_get_string (self->addresses, i), address))
      {
        adw_combo_row_set_selected (self->account_row, i);
        return TRUE;
      }
  return FALSE;
}

/* The configured accounts, in the session's order. */
static void
fill_addresses (MpClientSetupWindow *self)
{
  GListModel *accounts = mp_session_get_accounts (mp_setup_checklist_get_session (self->checklist));
  g_autoptr(GPtrArray) addresses = g_ptr_array_new ();
  gboolean any;

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(MpAccount) account = g_list_model_get_item (accounts, i);

      if (!mp_account_get_is_placeholder (account))
        g_ptr_array_add (addresses, (gpointer) mp_account_get_primary_email_address (account));
    }
  g_ptr_array_add (addresses, NULL);

  self->addresses = gtk_string_list_new ((const char * const *) addresses->pdata);
  adw_combo_row_set_model (self->account_row, G_LIST_MODEL (self->addresses));

  any = addresses->len > 1;
  gtk_widget_set_visible (GTK_WIDGET (self->no_account_label), !any);
  gtk_widget_set_sensitive (GTK_WIDGET (self->account_row), any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client-setup.save-thunderbird", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client-setup.save-apple", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "client-setup.copy-instructions", any);
}

static char *
render (MpClientSetupWindow  *self,
        MpClientSetupFormat   format,
        const char           *address,
        GError              **error)
{
  MpService *service = get_service (self);
  MpSession *session = mp_setup_checklist_get_session (self->checklist);
  MpAccount *account = mp_session_find_account (session, address);
  const char *display_name = account != NULL ? mp_account_get_display_name (account) : NULL;

  if (format == MP_CLIENT_SETUP_APPLE)
    return mp_client_config_render_mobileconfig (mp_service_get_name (service), address,
                                                 display_name, mp_service_get_hostname (service),
                                                 error);
  return mp_client_config_render_autoconfig (address, mp_service_get_hostname (service), error);
}

typedef struct
{
  MpClientSetupWindow *self;
  char                *address;
  char                *file_name;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->self);
  g_free (data->address);
  g_free (data->file_name);
  g_free (data);
}

static void
replace_contents_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  SaveData *data = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = NULL;

          g_debug ("Saving %s failed: %s", data->file_name, error->message);
          /* Translators: %s is a file name */
          message = g_strdup_printf (_("The file %s could not be saved. Choose another folder and try again."),
                                     data->file_name);
          add_toast (data->self, message);
        }
      save_data_free (data);
      return;
    }

  mp_setup_checklist_note_export (data->self->checklist, data->address);
  {
    /* Translators: %s is a file name */
    g_autofree char *message = g_strdup_printf (_("Saved %s. Open it on the employee’s computer or device."),
                                                data->file_name);
    add_toast (data->self, message);
  }
  save_data_free (data);
}

void
mp_client_setup_window_save_to_file (MpClientSetupWindow *self,
                                     MpClientSetupFormat  format,
                                     GFile               *file)
{
  const char *address;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SaveData *data;

  g_return_if_fail (MP_IS_CLIENT_SETUP_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  address = mp_client_setup_window_get_address (self);
  if (address == NULL)
    return;

  contents = render (self, format, address, &error);
  if (contents == NULL)
    {
      add_toast (self, error->message);
      return;
    }

  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->address = g_strdup (address);
  data->file_name = g_file_get_basename (file);
  bytes = g_bytes_new_take (contents, strlen (contents));
  contents = NULL;
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                      self->cancellable, replace_contents_cb, data);
}

static void
on_chooser_response (MpClientSetupWindow *self,
                     int                  response,
                     GtkNativeDialog     *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        mp_client_setup_window_save_to_file (self, self->chooser_format, file);
    }
  g_clear_object (&self->chooser);
}

static void
choose_file (MpClientSetupWindow *self,
             MpClientSetupFormat  format)
{
  const char *address = mp_client_setup_window_get_address (self);
  g_autofree char *name = NULL;
  const char *title;

  if (address == NULL || self->chooser != NULL)
    return;

  if (format == MP_CLIENT_SETUP_APPLE)
    {
      title = _("Save Apple Profile");
      name = mp_client_config_dup_mobileconfig_name (address);
    }
  else
    {
      title = _("Save Thunderbird File");
      name = g_strdup (MP_CLIENT_CONFIG_AUTOCONFIG_NAME);
    }

  self->chooser_format = format;
  self->chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
save_thunderbird_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  choose_file (MP_CLIENT_SETUP_WINDOW (widget), MP_CLIENT_SETUP_THUNDERBIRD);
}

static void
save_apple_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  choose_file (MP_CLIENT_SETUP_WINDOW (widget), MP_CLIENT_SETUP_APPLE);
}

static void
copy_instructions_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  MpClientSetupWindow *self = MP_CLIENT_SETUP_WINDOW (widget);
  MpService *service = get_service (self);
  const char *address = mp_client_setup_window_get_address (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (address == NULL)
    return;

  text = mp_client_config_render_instructions (address, mp_service_get_hostname (service),
                                               mp_service_get_web_url (service), &error);
  if (text == NULL)
    {
      add_toast (self, error->message);
      return;
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  add_toast (self, _("Instructions copied. Paste them into a message to the employee."));
}

static void
mp_client_setup_window_dispose (GObject *object)
{
  MpClientSetupWindow *self = MP_CLIENT_SETUP_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_CLIENT_SETUP_WINDOW);

  g_clear_object (&self->checklist);
  g_clear_object (&self->addresses);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (mp_client_setup_window_parent_class)->dispose (object);
}

static void
mp_client_setup_window_class_init (MpClientSetupWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_client_setup_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mailpost/Mailpost/pages/overview/mp-client-setup-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MpClientSetupWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MpClientSetupWindow, account_row);
  gtk_widget_class_bind_template_child (widget_class, MpClientSetupWindow, no_account_label);
  gtk_widget_class_bind_template_child (widget_class, MpClientSetupWindow, instructions_group);

  gtk_widget_class_install_action (widget_class, "client-setup.save-thunderbird", NULL,
                                   save_thunderbird_action);
  gtk_widget_class_install_action (widget_class, "client-setup.save-apple", NULL,
                                   save_apple_action);
  gtk_widget_class_install_action (widget_class, "client-setup.copy-instructions", NULL,
                                   copy_instructions_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mp_client_setup_window_init (MpClientSetupWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  adw_preferences_group_set_description (self->instructions_group,
                                         mp_client_config_get_first_login_note ());
}

MpClientSetupWindow *
mp_client_setup_window_new (GtkWindow        *parent,
                            MpSetupChecklist *checklist,
                            const char       *address)
{
  MpClientSetupWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MP_IS_SETUP_CHECKLIST (checklist), NULL);

  self = g_object_new (MP_TYPE_CLIENT_SETUP_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->checklist = g_object_ref (checklist);
  fill_addresses (self);
  mp_client_setup_window_select_address (self, address);

  return self;
}
