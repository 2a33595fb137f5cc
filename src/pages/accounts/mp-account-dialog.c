/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-account-checks.h"
#include "mp-account-dialog.h"

struct _MpAccountDialog
{
  MpAccountWindow  parent_instance;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  GtkWidget       *save_button;
  GtkWidget       *message_box;
  GtkWidget       *progress_box;
  GtkLabel        *progress_label;
  GtkWidget       *form_box;
  AdwEntryRow     *login_row;
  AdwComboRow     *domain_row;
  GtkWidget       *domains_missing_label;
  MpRuleChecklist *login_checklist;
  AdwEntryRow     *first_name_row;
  AdwEntryRow     *last_name_row;
  AdwEntryRow     *display_name_row;
  GtkSwitch       *hidden_switch;
  GtkLabel        *names_error_label;
  AdwPreferencesGroup *password_group;
  AdwPasswordEntryRow *password_row;
  AdwPasswordEntryRow *confirm_row;
  MpRuleChecklist *password_checklist;

  /* Borrowed from MpAccountWindow */
  MpSession       *session;
  MpAccount       *account;

  /* A placeholder needs a password; an account being edited keeps its own when left empty. */
  guint            password_required : 1;
  /* Until the user types a display name, it follows first + last name. */
  guint            display_name_edited : 1;
  guint            updating : 1;
  guint            busy : 1;
};

G_DEFINE_FINAL_TYPE (MpAccountDialog, mp_account_dialog, MP_TYPE_ACCOUNT_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
text_of (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static void
set_text (gpointer    editable,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text != NULL ? text : "");
}

static void
mark_error (gpointer widget,
            gboolean error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (widget), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (widget), "error");
}

static gboolean
differs (const char *typed,
         const char *current)
{
  return g_strcmp0 (typed, current != NULL ? current : "") != 0;
}

/* Whether Save would change anything at all. */
static gboolean
has_changes (MpAccountDialog *self)
{
  const char *domain = mp_account_checks_selected_domain (self->domain_row);

  return self->password_required
         || *text_of (self->password_row) != '\0'
         || differs (text_of (self->login_row), mp_account_get_login (self->account))
         || (domain != NULL && g_ascii_strcasecmp (domain, mp_account_get_domain (self->account)) != 0)
         || differs (text_of (self->first_name_row), mp_account_get_first_name (self->account))
         || differs (text_of (self->last_name_row), mp_account_get_last_name (self->account))
         || differs (text_of (self->display_name_row), mp_account_get_display_name (self->account))
         || gtk_switch_get_active (self->hidden_switch) != mp_account_get_hidden_from_gal (self->account);
}

/* The first reason a name is refused, marking the row it belongs to. */
static char *
check_names (MpAccountDialog *self)
{
  g_autofree char *first = mp_account_rules_person_name_error (text_of (self->first_name_row));
  g_autofree char *last = mp_account_rules_person_name_error (text_of (self->last_name_row));
  g_autofree char *display = mp_account_rules_display_name_error (text_of (self->display_name_row));

  mark_error (self->first_name_row, first != NULL);
  mark_error (self->last_name_row, last != NULL);
  mark_error (self->display_name_row, display != NULL);

  if (first != NULL)
    return g_steal_pointer (&first);
  if (last != NULL)
    return g_steal_pointer (&last);
  return g_steal_pointer (&display);
}

static void
validate (MpAccountDialog *self)
{
  const char *login = text_of (self->login_row);
  const char *password = text_of (self->password_row);
  const char *domain = mp_account_checks_selected_domain (self->domain_row);
  g_autoptr(GPtrArray) login_results = mp_account_rules_check_login (login);
  g_autoptr(GPtrArray) password_results = NULL;
  g_autofree char *names_error = NULL;
  MpPasswordContext context;
  gboolean login_ok, password_ok = TRUE, check_password;

  login_ok = mp_account_checks_show (self->login_checklist, login_results);
  mark_error (self->login_row, !login_ok && *login != '\0');

  names_error = check_names (self);
  gtk_label_set_text (self->names_error_label, names_error != NULL ? names_error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->names_error_label), names_error != NULL);

  /* The rules compare the password with the address and names being saved, not the old ones. */
  check_password = self->password_required || *password != '\0';
  mp_account_checks_password_context (self->session, login, text_of (self->display_name_row),
                                      text_of (self->confirm_row), &context);
  password_results = mp_account_rules_check_password (password, &context);
  gtk_widget_set_visible (GTK_WIDGET (self->password_checklist), check_password);
  if (check_password)
    password_ok = mp_account_checks_show (self->password_checklist, password_results);

  gtk_widget_set_visible (self->domains_missing_label, domain == NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "account.save",
                                 !self->busy && login_ok && domain != NULL
                                 && names_error == NULL && password_ok && has_changes (self));
}

static void
on_input_changed (MpAccountDialog *self)
{
  if (!self->updating)
    validate (self);
}

static void
on_names_changed (MpAccountDialog *self)
{
  g_autofree char *suggestion = NULL;

  if (self->updating)
    return;

  if (!self->display_name_edited)
    {
      suggestion = mp_account_rules_suggest_display_name (text_of (self->first_name_row),
                                                          text_of (self->last_name_row));
      self->updating = TRUE;
      set_text (self->display_name_row, suggestion);
      self->updating = FALSE;
    }
  validate (self);
}

static void
on_display_name_changed (MpAccountDialog *self)
{
  g_autofree char *suggestion = NULL;

  if (self->updating)
    return;

  /* Emptying the field hands it back to first + last name. */
  suggestion = mp_account_rules_suggest_display_name (text_of (self->first_name_row),
                                                      text_of (self->last_name_row));
  self->display_name_edited = *text_of (self->display_name_row) != '\0'
                              && g_strcmp0 (text_of (self->display_name_row), suggestion) != 0;
  validate (self);
}

static void
on_entry_activated (MpAccountDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "account.save", NULL);
}

static void
set_busy (MpAccountDialog *self,
          gboolean         busy)
{
  if (self->busy == !!busy)
    return;

  self->busy = !!busy;
  mp_account_window_show_busy (MP_ACCOUNT_WINDOW (self), self->form_box, self->progress_box, busy);
  validate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The tracker lists the newest task first: once the password task shows up, the rename is
 * done. */
static void
on_tasks_changed (MpAccountDialog *self,
                  guint            position,
                  guint            removed,
                  guint            added,
                  GListModel      *tasks)
{
  g_autoptr(MpTask) newest = g_list_model_get_item (tasks, 0);

  if (newest != NULL && g_strcmp0 (mp_task_get_function (newest), "changePassword") == 0)
    gtk_label_set_text (self->progress_label,
                        _("The address is saved. Setting the password…"));
}

static void
unwatch_tasks (MpAccountDialog *self)
{
  MpTaskTracker *tracker = mp_session_get_task_tracker (self->session);

  if (tracker != NULL)
    g_signal_handlers_disconnect_by_func (mp_task_tracker_get_tasks (tracker),
                                          on_tasks_changed, self);
}

static const char *
what_to_do (const GError *error)
{
  if (g_error_matches (error, MP_ACCOUNT_ERROR, MP_ACCOUNT_ERROR_PASSWORD_NOT_SET))
    return _("The address and names are saved; only the password is missing. Correct it if needed and save again: only the password will be sent.");
  if (g_error_matches (error, MP_ACCOUNT_ERROR, MP_ACCOUNT_ERROR_NOT_APPLIED)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT))
    return _("Nothing was changed. Correct what the message says and save again.");
  return _("Everything you typed is still here: save again once the problem is solved.");
}

static void
configure_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(MpAccountDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!mp_session_configure_account_finish (MP_SESSION (object), result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  unwatch_tasks (self);

  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s\n%s", error->message, what_to_do (error));

      /* What was applied is now the account's own state, so the next Save only sends the
       * rest; a former placeholder still needs its password. */
      mp_account_checks_show_message (self->message_box,
                                      g_error_matches (error, MP_ACCOUNT_ERROR,
                                                       MP_ACCOUNT_ERROR_PASSWORD_NOT_SET)
                                      ? "warning" : "error",
                                      text);
      set_busy (self, FALSE);
      return;
    }

  /* Translators: after configuring or editing an address, e.g. "anna@example.com is ready" */
  message = g_strdup_printf (_("%s is ready"), mp_account_get_primary_email_address (self->account));
  set_busy (self, FALSE);
  mp_account_window_applied (MP_ACCOUNT_WINDOW (self), message);
}

static const char *
changed_or_null (const char *typed,
                 const char *current)
{
  return differs (typed, current) ? typed : NULL;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MpAccountDialog *self = MP_ACCOUNT_DIALOG (widget);
  MpAccountSettings settings = MP_ACCOUNT_SETTINGS_INIT;
  MpTaskTracker *tracker;

  if (self->busy)
    return;

  settings.login = text_of (self->login_row);
  settings.domain = mp_account_checks_selected_domain (self->domain_row);
  settings.first_name = changed_or_null (text_of (self->first_name_row),
                                         mp_account_get_first_name (self->account));
  settings.last_name = changed_or_null (text_of (self->last_name_row),
                                        mp_account_get_last_name (self->account));
  settings.display_name = changed_or_null (text_of (self->display_name_row),
                                           mp_account_get_display_name (self->account));
  settings.hidden_from_gal = gtk_switch_get_active (self->hidden_switch);
  settings.password = text_of (self->password_row);

  mp_account_checks_show_message (self->message_box, NULL, NULL);
  gtk_label_set_text (self->progress_label,
                      _("Saving the address and names. The provider applies them within a minute or two…"));
  set_busy (self, TRUE);

  tracker = mp_session_get_task_tracker (self->session);
  if (tracker != NULL)
    g_signal_connect_object (mp_task_tracker_get_tasks (tracker), "items-changed",
                             G_CALLBACK (on_tasks_changed), self, G_CONNECT_SWAPPED);

  mp_session_configure_account_async (self->session, self->account, &settings,
                                      mp_account_window_get_cancellable (MP_ACCOUNT_WINDOW (self)), configure_cb, g_object_ref (self));
}

static void
fill_from_account (MpAccountDialog *self)
{
  MpAccount *account = self->account;
  gboolean placeholder = mp_account_get_is_placeholder (account);
  g_autofree char *suggestion = NULL;

  self->updating = TRUE;
  self->password_required = placeholder;

  adw_window_title_set_title (self->window_title,
                              placeholder ? _("Configure Address") : _("Edit Address"));
  adw_window_title_set_subtitle (self->window_title, mp_account_get_primary_email_address (account));

  /* A placeholder's generated login means nothing to anyone: start from an empty field. */
  set_text (self->login_row, placeholder ? "" : mp_account_get_login (account));
  mp_account_checks_fill_domains (self->domain_row, self->session, mp_account_get_domain (account));
  set_text (self->first_name_row, mp_account_get_first_name (account));
  set_text (self->last_name_row, mp_account_get_last_name (account));
  set_text (self->display_name_row, mp_account_get_display_name (account));
  gtk_switch_set_active (self->hidden_switch, mp_account_get_hidden_from_gal (account));

  suggestion = mp_account_rules_suggest_display_name (mp_account_get_first_name (account),
                                                      mp_account_get_last_name (account));
  self->display_name_edited = *text_of (self->display_name_row) != '\0'
                              && g_strcmp0 (text_of (self->display_name_row), suggestion) != 0;

  adw_preferences_group_set_description (self->password_group,
                                         placeholder
                                         ? _("The person signs in with the address and this password.")
                                         : _("Leave empty to keep the current password."));
  self->updating = FALSE;
  validate (self);
}

MpAccountDialog *
mp_account_dialog_new (MpSession *session,
                       MpAccount *account)
{
  g_return_val_if_fail (MP_IS_SESSION (session), NULL);
  g_return_val_if_fail (MP_IS_ACCOUNT (account), NULL);

  return g_object_new (MP_TYPE_ACCOUNT_DIALOG,
                       "session", session,
                       "account", account,
                       NULL);
}

gboolean
mp_account_dialog_get_busy (MpAccountDialog *self)
{
  g_return_val_if_fail (MP_IS_ACCOUNT_DIALOG (self), FALSE);

  return self->busy;
}

static void
mp_account_dialog_constructed (GObject *object)
{
  MpAccountDialog *self = MP_ACCOUNT_DIALOG (object);

  G_OBJECT_CLASS (mp_account_dialog_parent_class)->constructed (object);

  self->session = mp_account_window_get_session (MP_ACCOUNT_WINDOW (self));
  self->account = mp_account_window_get_account (MP_ACCOUNT_WINDOW (self));
  g_return_if_fail (self->session != NULL && self->account != NULL);
  fill_from_account (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->login_row));
}

static void
mp_account_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MpAccountDialog *self = MP_ACCOUNT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_account_dialog_dispose (GObject *object)
{
  MpAccountDialog *self = MP_ACCOUNT_DIALOG (object);

  if (self->session != NULL)
    unwatch_tasks (self);
  self->session = NULL;
  self->account = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_ACCOUNT_DIALOG);

  G_OBJECT_CLASS (mp_account_dialog_parent_class)->dispose (object);
}

static void
mp_account_dialog_class_init (MpAccountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mp_account_dialog_constructed;
  object_class->dispose = mp_account_dialog_dispose;
  object_class->get_property = mp_account_dialog_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MP_TYPE_RULE_CHECKLIST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mailpost/Mailpost/pages/accounts/mp-account-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MpAccountDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, MpAccountDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, MpAccountDialog, message_box);
  gtk_widget_class_bind_template_child (widget_class, MpAccountDialog, progress_box);
  gtk_widget_class_bind_template_child (widget_class, MpAccountDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, MpAccountDialog, form_box);
  gtk_widget_class_bind_template_child (widget_class, MpAccountDialog, login_row);
  gtk_widget_class_bind_template_child (widget_class, MpAccountDialog, domain_row);
  gtk_widget_class_bind_template_child (widget_class, MpAccountDialog, domains_missing_label);
  gtk_widget_class_bind_template_child (widget_class, MpAccountDialog, login_checklist);
  gtk_widget_class_bind_template_child (widget_class, MpAccountDialog, first_name_row);
  gtk_widget_class_bind_template_child (widget_class, MpAccountDialog, last_name_row);
  gtk_widget_class_bind_template_child (widget_class, MpAccountDialog, display_name_row);
  gtk_widget_class_bind_template_child (widget_class, MpAccountDialog, hidden_switch);
  gtk_widget_class_bind_template_child (widget_class, MpAccountDialog, names_error_label);
  gtk_widget_class_bind_template_child (widget_class, MpAccountDialog, password_group);
  gtk_widget_class_bind_template_child (widget_class, MpAccountDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, MpAccountDialog, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, MpAccountDialog, password_checklist);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_names_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_display_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);

  gtk_widget_class_install_action (widget_class, "account.save", NULL, save_action);
}

static void
mp_account_dialog_init (MpAccountDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
