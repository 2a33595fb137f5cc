/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-account-checks.h"
#include "mp-diagnostics-dialog.h"

struct _MpDiagnosticsDialog
{
  MpAccountWindow      parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkWidget           *message_box;
  AdwPreferencesGroup *password_group;
  AdwPasswordEntryRow *password_row;
  GtkWidget           *progress_box;
  AdwPreferencesGroup *results_group;
  GtkListBox          *results_list;

  MpAccountDiagnosis  *diagnosis;
  guint                busy : 1;
};

G_DEFINE_FINAL_TYPE (MpDiagnosticsDialog, mp_diagnostics_dialog, MP_TYPE_ACCOUNT_WINDOW)

enum {
  PROP_0,
  PROP_DIAGNOSIS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_run_action (MpDiagnosticsDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "diagnostics.run",
                                 !self->busy
                                 && *gtk_editable_get_text (GTK_EDITABLE (self->password_row)) != '\0');
}

static void
on_password_changed (MpDiagnosticsDialog *self)
{
  update_run_action (self);
}

static void
on_entry_activated (MpDiagnosticsDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "diagnostics.run", NULL);
}

static void
set_busy (MpDiagnosticsDialog *self,
          gboolean             busy)
{
  self->busy = !!busy;
  mp_account_window_show_busy (MP_ACCOUNT_WINDOW (self), GTK_WIDGET (self->password_group),
                               self->progress_box, busy);
  update_run_action (self);
}

static GtkWidget *
create_check_row (const MpAccountCheckResult *check)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (!check->known ? "dialog-question-symbolic"
                                                  : check->passed ? "object-select-symbolic"
                                                  : "dialog-error-symbolic");
  GtkWidget *word = gtk_label_new (!check->known ? _("Not known")
                                   : check->passed ? _("Passed")
                                   : _("Failed"));
  const char *css_class = !check->known ? "dim-label" : check->passed ? "success" : "error";

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), check->title);
  /* What was tested while it passed; what to do once it failed. */
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               check->known && !check->passed ? check->remedy : check->meaning);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (icon, css_class);
  gtk_widget_add_css_class (word, css_class);
  gtk_widget_set_valign (word, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), word);
  return row;
}

static void
show_diagnosis (MpDiagnosticsDialog *self)
{
  GtkWidget *child;
  GDateTime *last_check;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);

  for (guint i = 0; i < MP_ACCOUNT_N_CHECKS; i++)
    gtk_list_box_append (self->results_list,
                         create_check_row (mp_account_diagnosis_get_check (self->diagnosis, i)));

  last_check = mp_account_diagnosis_get_last_check (self->diagnosis);
  if (last_check != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (last_check);
      g_autofree char *when = g_date_time_format (local, "%x %X");
      g_autofree char *text = NULL;

      /* Translators: %s is a date and time */
      text = g_strdup_printf (_("Checked on %s"), when);
      adw_preferences_group_set_description (self->results_group, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->results_group), TRUE);

  mp_account_checks_show_message (self->message_box,
                                  mp_account_diagnosis_get_all_passed (self->diagnosis)
                                  ? "success" : "warning",
                                  mp_account_diagnosis_get_all_passed (self->diagnosis)
                                  ? _("This mailbox works: every check passed.")
                                  : _("Some checks failed. Each one below says what to do."));
}

static void
diagnose_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(MpDiagnosticsDialog) self = user_data;
  g_autoptr(MpAccountDiagnosis) diagnosis = NULL;
  g_autoptr(GError) error = NULL;

  diagnosis = mp_session_diagnose_account_finish (MP_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (diagnosis == NULL)
    {
      mp_account_checks_show_message (self->message_box, "error", error->message);
      return;
    }

  g_set_object (&self->diagnosis, diagnosis);
  show_diagnosis (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIAGNOSIS]);
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  MpDiagnosticsDialog *self = MP_DIAGNOSTICS_DIALOG (widget);
  MpAccountWindow *window = MP_ACCOUNT_WINDOW (self);

  if (self->busy)
    return;

  mp_account_checks_show_message (self->message_box, NULL, NULL);
  set_busy (self, TRUE);
  mp_session_diagnose_account_async (mp_account_window_get_session (window),
                                     mp_account_window_get_account (window),
                                     gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                                     mp_account_window_get_cancellable (window),
                                     diagnose_cb, g_object_ref (self));
}

MpDiagnosticsDialog *
mp_diagnostics_dialog_new (MpSession *session,
                           MpAccount *account)
{
  g_return_val_if_fail (MP_IS_SESSION (session), NULL);
  g_return_val_if_fail (MP_IS_ACCOUNT (account), NULL);

  return g_object_new (MP_TYPE_DIAGNOSTICS_DIALOG,
                       "session", session,
                       "account", account,
                       NULL);
}

MpAccountDiagnosis *
mp_diagnostics_dialog_get_diagnosis (MpDiagnosticsDialog *self)
{
  g_return_val_if_fail (MP_IS_DIAGNOSTICS_DIALOG (self), NULL);

  return self->diagnosis;
}

static void
mp_diagnostics_dialog_constructed (GObject *object)
{
  MpDiagnosticsDialog *self = MP_DIAGNOSTICS_DIALOG (object);
  MpAccount *account;

  G_OBJECT_CLASS (mp_diagnostics_dialog_parent_class)->constructed (object);

  account = mp_account_window_get_account (MP_ACCOUNT_WINDOW (self));
  adw_window_title_set_subtitle (self->window_title, mp_account_get_primary_email_address (account));
  update_run_action (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
mp_diagnostics_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  MpDiagnosticsDialog *self = MP_DIAGNOSTICS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DIAGNOSIS:
      g_value_set_object (value, self->diagnosis);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_diagnostics_dialog_dispose (GObject *object)
{
  MpDiagnosticsDialog *self = MP_DIAGNOSTICS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_DIAGNOSTICS_DIALOG);
  g_clear_object (&self->diagnosis);

  G_OBJECT_CLASS (mp_diagnostics_dialog_parent_class)->dispose (object);
}

static void
mp_diagnostics_dialog_class_init (MpDiagnosticsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mp_diagnostics_dialog_constructed;
  object_class->dispose = mp_diagnostics_dialog_dispose;
  object_class->get_property = mp_diagnostics_dialog_get_property;

  properties[PROP_DIAGNOSIS] =
    g_param_spec_object ("diagnosis", NULL, NULL,
                         MP_TYPE_ACCOUNT_DIAGNOSIS,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mailpost/Mailpost/pages/accounts/mp-diagnostics-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MpDiagnosticsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, MpDiagnosticsDialog, message_box);
  gtk_widget_class_bind_template_child (widget_class, MpDiagnosticsDialog, password_group);
  gtk_widget_class_bind_template_child (widget_class, MpDiagnosticsDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, MpDiagnosticsDialog, progress_box);
  gtk_widget_class_bind_template_child (widget_class, MpDiagnosticsDialog, results_group);
  gtk_widget_class_bind_template_child (widget_class, MpDiagnosticsDialog, results_list);
  gtk_widget_class_bind_template_callback (widget_class, on_password_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);

  gtk_widget_class_install_action (widget_class, "diagnostics.run", NULL, run_action);
}

static void
mp_diagnostics_dialog_init (MpDiagnosticsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
