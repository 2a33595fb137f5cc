/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-account-checks.h"
#include "mp-password-dialog.h"

struct _MpPasswordDialog
{
  MpAccountWindow      parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkWidget           *message_box;
  GtkWidget           *progress_box;
  AdwPreferencesGroup *password_group;
  AdwPasswordEntryRow *password_row;
  AdwPasswordEntryRow *confirm_row;
  MpRuleChecklist     *password_checklist;

  guint                busy : 1;
};

G_DEFINE_FINAL_TYPE (MpPasswordDialog, mp_password_dialog, MP_TYPE_ACCOUNT_WINDOW)

static void
validate (MpPasswordDialog *self)
{
  MpAccount *account = mp_account_window_get_account (MP_ACCOUNT_WINDOW (self));
  g_autoptr(GPtrArray) results = NULL;
  MpPasswordContext context;
  gboolean ok;

  mp_account_checks_password_context (mp_account_window_get_session (MP_ACCOUNT_WINDOW (self)),
                                      mp_account_get_login (account),
                                      mp_account_get_display_name (account),
                                      gtk_editable_get_text (GTK_EDITABLE (self->confirm_row)),
                                      &context);
  results = mp_account_rules_check_password (gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                                             &context);
  ok = mp_account_checks_show (self->password_checklist, results);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "password.save", ok && !self->busy);
}

static void
on_input_changed (MpPasswordDialog *self)
{
  validate (self);
}

static void
on_entry_activated (MpPasswordDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "password.save", NULL);
}

static void
set_busy (MpPasswordDialog *self,
          gboolean          busy)
{
  self->busy = !!busy;
  mp_account_window_show_busy (MP_ACCOUNT_WINDOW (self), GTK_WIDGET (self->password_group),
                               self->progress_box, busy);
  validate (self);
}

static void
change_password_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(MpPasswordDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  MpAccount *account;

  if (!mp_session_change_password_finish (MP_SESSION (object), result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (error != NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: %s is the provider's or our reason; the password is not shown */
      text = g_strdup_printf (_("The password was not changed: %s"), error->message);
      mp_account_checks_show_message (self->message_box, "error", text);
      return;
    }

  account = mp_account_window_get_account (MP_ACCOUNT_WINDOW (self));
  /* Translators: e.g. "The password of anna@example.com is changed" */
  message = g_strdup_printf (_("The password of %s is changed"),
                             mp_account_get_primary_email_address (account));
  mp_account_window_applied (MP_ACCOUNT_WINDOW (self), message);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MpPasswordDialog *self = MP_PASSWORD_DIALOG (widget);
  MpAccountWindow *window = MP_ACCOUNT_WINDOW (self);

  if (self->busy)
    return;

  mp_account_checks_show_message (self->message_box, NULL, NULL);
  set_busy (self, TRUE);
  mp_session_change_password_async (mp_account_window_get_session (window),
                                    mp_account_window_get_account (window),
                                    gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                                    mp_account_window_get_cancellable (window),
                                    change_password_cb, g_object_ref (self));
}

MpPasswordDialog *
mp_password_dialog_new (MpSession *session,
                        MpAccount *account)
{
  g_return_val_if_fail (MP_IS_SESSION (session), NULL);
  g_return_val_if_fail (MP_IS_ACCOUNT (account), NULL);

  return g_object_new (MP_TYPE_PASSWORD_DIALOG,
                       "session", session,
                       "account", account,
                       NULL);
}

static void
mp_password_dialog_constructed (GObject *object)
{
  MpPasswordDialog *self = MP_PASSWORD_DIALOG (object);
  MpAccount *account;

  G_OBJECT_CLASS (mp_password_dialog_parent_class)->constructed (object);

  account = mp_account_window_get_account (MP_ACCOUNT_WINDOW (self));
  adw_window_title_set_subtitle (self->window_title, mp_account_get_primary_email_address (account));
  validate (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
mp_password_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MP_TYPE_PASSWORD_DIALOG);

  G_OBJECT_CLASS (mp_password_dialog_parent_class)->dispose (object);
}

static void
mp_password_dialog_class_init (MpPasswordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mp_password_dialog_constructed;
  object_class->dispose = mp_password_dialog_dispose;

  g_type_ensure (MP_TYPE_RULE_CHECKLIST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mailpost/Mailpost/pages/accounts/mp-password-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MpPasswordDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, MpPasswordDialog, message_box);
  gtk_widget_class_bind_template_child (widget_class, MpPasswordDialog, progress_box);
  gtk_widget_class_bind_template_child (widget_class, MpPasswordDialog, password_group);
  gtk_widget_class_bind_template_child (widget_class, MpPasswordDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, MpPasswordDialog, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, MpPasswordDialog, password_checklist);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);

  gtk_widget_class_install_action (widget_class, "password.save", NULL, save_action);
}

static void
mp_password_dialog_init (MpPasswordDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
