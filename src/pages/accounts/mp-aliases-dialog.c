/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "emailpro/mp-account-alias.h"
#include "mp-account-checks.h"
#include "mp-aliases-dialog.h"

struct _MpAliasesDialog
{
  MpAccountWindow      parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkWidget           *message_box;
  AdwPreferencesGroup *add_group;
  AdwEntryRow         *alias_row;
  AdwComboRow         *domain_row;
  GtkLabel            *alias_error_label;
  AdwPreferencesGroup *list_group;
  GtkStack            *list_stack;
  GtkSpinner          *list_spinner;
  GtkListBox          *list_box;

  GListModel          *aliases;
  guint                busy : 1;
};

G_DEFINE_FINAL_TYPE (MpAliasesDialog, mp_aliases_dialog, MP_TYPE_ACCOUNT_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load_aliases (MpAliasesDialog *self);

static MpSession *
get_session (MpAliasesDialog *self)
{
  return mp_account_window_get_session (MP_ACCOUNT_WINDOW (self));
}

static MpAccount *
get_account (MpAliasesDialog *self)
{
  return mp_account_window_get_account (MP_ACCOUNT_WINDOW (self));
}

static guint
alias_count (MpAliasesDialog *self)
{
  return self->aliases != NULL ? g_list_model_get_n_items (self->aliases) : 0;
}

/* The full address typed, or NULL with the reason it cannot be added. */
static char *
typed_alias (MpAliasesDialog  *self,
             char            **reason)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->alias_row));
  const char *domain = mp_account_checks_selected_domain (self->domain_row);
  g_autofree char *address = NULL;

  *reason = NULL;
  if (*name == '\0')
    return NULL;
  if (domain == NULL)
    {
      *reason = g_strdup (_("No domain of this service is ready for addresses yet. Add a domain on the Domains page and wait until it is validated."));
      return NULL;
    }
  if (alias_count (self) >= MP_ACCOUNT_MAX_ALIASES)
    {
      *reason = g_strdup_printf (_("A mailbox can have at most %d aliases. Remove one before adding another."),
                                 MP_ACCOUNT_MAX_ALIASES);
      return NULL;
    }

  address = g_strdup_printf ("%s@%s", name, domain);
  *reason = mp_account_rules_address_error (address);
  if (*reason != NULL)
    return NULL;
  return g_steal_pointer (&address);
}

static void
validate (MpAliasesDialog *self)
{
  g_autofree char *reason = NULL;
  g_autofree char *address = typed_alias (self, &reason);

  gtk_label_set_text (self->alias_error_label, reason != NULL ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->alias_error_label), reason != NULL);
  if (reason != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->alias_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->alias_row), "error");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "aliases.add",
                                 address != NULL && !self->busy);
}

static void
on_input_changed (MpAliasesDialog *self)
{
  validate (self);
}

static void
on_entry_activated (MpAliasesDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "aliases.add", NULL);
}

static void
set_busy (MpAliasesDialog *self,
          gboolean         busy)
{
  if (self->busy == !!busy)
    return;

  self->busy = !!busy;
  mp_account_window_show_busy (MP_ACCOUNT_WINDOW (self), GTK_WIDGET (self->list_box), NULL, busy);
  validate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_error (MpAliasesDialog *self,
            const GError    *error)
{
  mp_account_checks_show_message (self->message_box, "error", error->message);
}

static void
update_list (MpAliasesDialog *self)
{
  guint count = alias_count (self);
  char description[128];

  /* Translators: how many aliases a mailbox has of the provider's limit, e.g. "3 of 1000" */
  g_snprintf (description, sizeof description,
              g_dngettext (GETTEXT_PACKAGE, "%u alias of at most %d", "%u aliases of at most %d", count),
              count, MP_ACCOUNT_MAX_ALIASES);
  adw_preferences_group_set_description (self->list_group, description);
  gtk_stack_set_visible_child_name (self->list_stack, count > 0 ? "list" : "empty");
  validate (self);
}

static void
remove_alias_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(MpAliasesDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mp_session_remove_alias_finish (MP_SESSION (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      show_error (self, error);
    }
  set_busy (self, FALSE);
  load_aliases (self);
}

static void
on_remove_clicked (GtkButton       *button,
                   MpAliasesDialog *self)
{
  const char *alias = g_object_get_data (G_OBJECT (button), "alias");

  if (self->busy || alias == NULL)
    return;

  mp_account_checks_show_message (self->message_box, NULL, NULL);
  set_busy (self, TRUE);
  mp_session_remove_alias_async (get_session (self), get_account (self), alias,
                                 mp_account_window_get_cancellable (MP_ACCOUNT_WINDOW (self)),
                                 remove_alias_cb, g_object_ref (self));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  MpAliasesDialog *self = user_data;
  MpAccountAlias *alias = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *label = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mp_account_alias_get_alias (alias));
  if (mp_account_alias_get_task_pending_id (alias) != 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Being applied by the provider"));

  /* Translators: the accessible name of a remove button; %s is an e-mail address */
  label = g_strdup_printf (_("Remove %s"), mp_account_alias_get_alias (alias));
  gtk_widget_set_tooltip_text (button, label);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "alias",
                          g_strdup (mp_account_alias_get_alias (alias)), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
list_aliases_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(MpAliasesDialog) self = user_data;
  g_autoptr(GListModel) aliases = NULL;
  g_autoptr(GError) error = NULL;

  aliases = mp_session_list_aliases_finish (MP_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_set_spinning (self->list_spinner, FALSE);
  set_busy (self, FALSE);
  if (aliases == NULL)
    {
      show_error (self, error);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
      return;
    }

  g_set_object (&self->aliases, aliases);
  gtk_list_box_bind_model (self->list_box, aliases, create_row, self, NULL);
  update_list (self);
}

static void
load_aliases (MpAliasesDialog *self)
{
  set_busy (self, TRUE);
  if (self->aliases == NULL)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "loading");
      gtk_spinner_set_spinning (self->list_spinner, TRUE);
    }
  mp_session_list_aliases_async (get_session (self), get_account (self),
                                 mp_account_window_get_cancellable (MP_ACCOUNT_WINDOW (self)),
                                 list_aliases_cb, g_object_ref (self));
}

static void
add_alias_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(MpAliasesDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mp_session_add_alias_finish (MP_SESSION (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* The typed name stays, to be corrected. */
      show_error (self, error);
      set_busy (self, FALSE);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->alias_row), "");
  set_busy (self, FALSE);
  load_aliases (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  MpAliasesDialog *self = MP_ALIASES_DIALOG (widget);
  g_autofree char *reason = NULL;
  g_autofree char *address = typed_alias (self, &reason);

  if (self->busy || address == NULL)
    return;

  mp_account_checks_show_message (self->message_box, NULL, NULL);
  set_busy (self, TRUE);
  mp_session_add_alias_async (get_session (self), get_account (self), address,
                              mp_account_window_get_cancellable (MP_ACCOUNT_WINDOW (self)),
                              add_alias_cb, g_object_ref (self));
}

MpAliasesDialog *
mp_aliases_dialog_new (MpSession *session,
                       MpAccount *account)
{
  g_return_val_if_fail (MP_IS_SESSION (session), NULL);
  g_return_val_if_fail (MP_IS_ACCOUNT (account), NULL);

  return g_object_new (MP_TYPE_ALIASES_DIALOG,
                       "session", session,
                       "account", account,
                       NULL);
}

GListModel *
mp_aliases_dialog_get_aliases (MpAliasesDialog *self)
{
  g_return_val_if_fail (MP_IS_ALIASES_DIALOG (self), NULL);

  return self->aliases;
}

gboolean
mp_aliases_dialog_get_busy (MpAliasesDialog *self)
{
  g_return_val_if_fail (MP_IS_ALIASES_DIALOG (self), FALSE);

  return self->busy;
}

static void
mp_aliases_dialog_constructed (GObject *object)
{
  MpAliasesDialog *self = MP_ALIASES_DIALOG (object);
  MpAccount *account;

  G_OBJECT_CLASS (mp_aliases_dialog_parent_class)->constructed (object);

  account = get_account (self);
  adw_window_title_set_subtitle (self->window_title, mp_account_get_primary_email_address (account));
  mp_account_checks_fill_domains (self->domain_row, get_session (self),
                                  mp_account_get_domain (account));

  load_aliases (self);
}

static void
mp_aliases_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MpAliasesDialog *self = MP_ALIASES_DIALOG (object);

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
mp_aliases_dialog_dispose (GObject *object)
{
  MpAliasesDialog *self = MP_ALIASES_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_ALIASES_DIALOG);
  g_clear_object (&self->aliases);

  G_OBJECT_CLASS (mp_aliases_dialog_parent_class)->dispose (object);
}

static void
mp_aliases_dialog_class_init (MpAliasesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mp_aliases_dialog_constructed;
  object_class->dispose = mp_aliases_dialog_dispose;
  object_class->get_property = mp_aliases_dialog_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mailpost/Mailpost/pages/accounts/mp-aliases-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MpAliasesDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, MpAliasesDialog, message_box);
  gtk_widget_class_bind_template_child (widget_class, MpAliasesDialog, add_group);
  gtk_widget_class_bind_template_child (widget_class, MpAliasesDialog, alias_row);
  gtk_widget_class_bind_template_child (widget_class, MpAliasesDialog, domain_row);
  gtk_widget_class_bind_template_child (widget_class, MpAliasesDialog, alias_error_label);
  gtk_widget_class_bind_template_child (widget_class, MpAliasesDialog, list_group);
  gtk_widget_class_bind_template_child (widget_class, MpAliasesDialog, list_stack);
  gtk_widget_class_bind_template_child (widget_class, MpAliasesDialog, list_spinner);
  gtk_widget_class_bind_template_child (widget_class, MpAliasesDialog, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_input_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);

  gtk_widget_class_install_action (widget_class, "aliases.add", NULL, add_action);
}

static void
mp_aliases_dialog_init (MpAliasesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
