/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-dkim-dialog.h"
#include "widgets/mp-record-row.h"

struct _MpDkimDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkSpinner          *spinner;
  GtkLabel            *status_label;
  GtkWidget           *configure_button;
  GtkWidget           *enable_button;
  GtkWidget           *disable_button;
  AdwPreferencesGroup *selectors_group;
  AdwPreferencesGroup *records_group;

  /* Owned references */
  MpDomainCheck       *check;
  GListModel          *selectors;
  GCancellable        *cancellable;
  GPtrArray           *group_rows;
  /* An error to show instead of the state, until the next action. */
  char                *error;

  guint                poll_id;
  guint                loading : 1;
  guint                working : 1;
};

G_DEFINE_FINAL_TYPE (MpDkimDialog, mp_dkim_dialog, ADW_TYPE_WINDOW)

static void load (MpDkimDialog *self);

static MpSession *
get_session (MpDkimDialog *self)
{
  return mp_domain_check_get_session (self->check);
}

static MpDomain *
get_domain (MpDkimDialog *self)
{
  return mp_domain_check_get_domain (self->check);
}

/* The first selector in that status, or NULL. */
static MpDkimSelector *
find_selector (MpDkimDialog *self,
               MpDkimStatus  status)
{
  for (guint i = 0; self->selectors != NULL && i < g_list_model_get_n_items (self->selectors); i++)
    {
      g_autoptr(MpDkimSelector) selector = g_list_model_get_item (self->selectors, i);

      if (mp_dkim_selector_get_status (selector) == status)
        return selector;
    }

  return NULL;
}

static gboolean
any_selector (MpDkimDialog *self,
              gboolean      (*test) (MpDkimSelector *selector))
{
  for (guint i = 0; self->selectors != NULL && i < g_list_model_get_n_items (self->selectors); i++)
    {
      g_autoptr(MpDkimSelector) selector = g_list_model_get_item (self->selectors, i);

      if (test (selector))
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_moving (MpDkimSelector *selector)
{
  return mp_dkim_selector_get_busy (selector)
         || mp_dkim_selector_get_status (selector) == MP_DKIM_STATUS_WAITING_RECORD;
}

static MpDnsRecord *
new_cname (MpDkimDialog   *self,
           MpDkimSelector *selector)
{
  const char *domain = mp_domain_get_name (get_domain (self));
  const char *customer = mp_dkim_selector_get_customer_record (selector);
  const char *target = mp_dkim_selector_get_target_record (selector);
  g_autofree char *name = NULL;
  g_autofree char *bare_customer = NULL;
  g_autofree char *bare_target = NULL;

  if (customer == NULL || target == NULL)
    return NULL;

  bare_customer = g_strdup (customer);
  if (g_str_has_suffix (bare_customer, "."))
    bare_customer[strlen (bare_customer) - 1] = '\0';
  bare_target = g_strdup (target);
  if (g_str_has_suffix (bare_target, "."))
    bare_target[strlen (bare_target) - 1] = '\0';

  /* The provider gives the customer record relative to the domain ("…._domainkey"). */
  if (mp_dns_name_equal (bare_customer, domain)
      || (g_str_has_suffix (bare_customer, domain)
          && bare_customer[strlen (bare_customer) - strlen (domain) - 1] == '.'))
    name = g_steal_pointer (&bare_customer);
  else
    name = g_strconcat (bare_customer, ".", domain, NULL);

  return mp_dns_record_new_cname (name, 0, bare_target);
}

static void
clear_rows (MpDkimDialog *self)
{
  for (guint i = 0; i < self->group_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->group_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->group_rows, 0);
}

static void
add_row (MpDkimDialog        *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->group_rows, g_object_ref (row));
}

static const char *
describe_state (MpDkimDialog *self)
{
  if (self->error != NULL)
    return self->error;
  if (self->selectors == NULL)
    return _("Reading the DKIM settings…");
  if (find_selector (self, MP_DKIM_STATUS_IN_PRODUCTION) != NULL)
    return _("DKIM is on: your mail is signed.");
  if (any_selector (self, mp_dkim_selector_get_busy))
    return _("The provider is working on DKIM. This page updates by itself.");
  if (find_selector (self, MP_DKIM_STATUS_WAITING_RECORD) != NULL)
    return _("The provider is waiting for the DNS records below.");
  if (find_selector (self, MP_DKIM_STATUS_READY) != NULL)
    return _("DKIM is ready but off: your mail is not signed yet.");
  if (!any_selector (self, mp_dkim_selector_get_created))
    return _("DKIM is not set up: your mail is not signed.");
  return _("DKIM is off: your mail is not signed.");
}

static void
update (MpDkimDialog *self)
{
  gboolean hosted = mp_session_zone_is_hosted (get_session (self), mp_domain_get_name (get_domain (self)));
  gboolean loaded = self->selectors != NULL;
  gboolean busy = self->working || self->loading;
  gboolean any_cname = FALSE;

  gtk_label_set_text (self->status_label, describe_state (self));
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);

  /* At most one of the three fits the state at a time. */
  gtk_widget_set_visible (self->configure_button,
                          loaded && g_list_model_get_n_items (self->selectors) > 0
                          && !any_selector (self, mp_dkim_selector_get_created));
  gtk_widget_set_visible (self->enable_button,
                          loaded && find_selector (self, MP_DKIM_STATUS_READY) != NULL
                          && find_selector (self, MP_DKIM_STATUS_IN_PRODUCTION) == NULL);
  gtk_widget_set_visible (self->disable_button,
                          loaded && find_selector (self, MP_DKIM_STATUS_IN_PRODUCTION) != NULL);
  gtk_widget_set_sensitive (self->configure_button, !self->working);
  gtk_widget_set_sensitive (self->enable_button, !self->working);
  gtk_widget_set_sensitive (self->disable_button, !self->working);

  clear_rows (self);
  for (guint i = 0; loaded && i < g_list_model_get_n_items (self->selectors); i++)
    {
      g_autoptr(MpDkimSelector) selector = g_list_model_get_item (self->selectors, i);
      g_autoptr(MpDnsRecord) cname = NULL;
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     mp_dkim_selector_get_selector_name (selector));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   mp_dkim_selector_get_created (selector)
                                   ? mp_dkim_status_to_label (mp_dkim_selector_get_status (selector))
                                   : _("Not created"));
      add_row (self, self->selectors_group, row);

      if (!hosted && (cname = new_cname (self, selector)) != NULL)
        {
          add_row (self, self->records_group, mp_record_row_new (cname, mp_domain_get_name (get_domain (self))));
          any_cname = TRUE;
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->records_group), any_cname);
}

static gboolean
on_poll (gpointer user_data)
{
  MpDkimDialog *self = user_data;

  self->poll_id = 0;
  load (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_poll (MpDkimDialog *self)
{
  g_clear_handle_id (&self->poll_id, g_source_remove);
  if (self->selectors != NULL && !self->working && any_selector (self, is_moving))
    self->poll_id = g_timeout_add (MP_DKIM_DIALOG_POLL_MS, on_poll, self);
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(MpDkimDialog) self = user_data;
  g_autoptr(GListModel) selectors = NULL;
  g_autoptr(GError) error = NULL;

  selectors = mp_session_list_dkim_finish (MP_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = FALSE;
  if (selectors == NULL)
    {
      g_free (self->error);
      self->error = g_strdup (error->message);
    }
  else
    g_set_object (&self->selectors, selectors);

  update (self);
  schedule_poll (self);
}

static void
load (MpDkimDialog *self)
{
  if (self->loading)
    return;

  self->loading = TRUE;
  update (self);
  mp_session_list_dkim_async (get_session (self), get_domain (self), self->cancellable,
                              list_cb, g_object_ref (self));
}

static void
operation_done (MpDkimDialog *self,
                const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->working = FALSE;
  if (error != NULL)
    {
      g_free (self->error);
      self->error = g_strdup (error->message);
    }
  load (self);
  /* The indicator on the page follows. */
  mp_domain_check_run (self->check);
}

static void
configure_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(MpDkimDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  mp_session_configure_dkim_finish (MP_SESSION (object), result, &error);
  operation_done (self, error);
}

static void
enable_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(MpDkimDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  mp_session_enable_dkim_finish (MP_SESSION (object), result, &error);
  operation_done (self, error);
}

static void
disable_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(MpDkimDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  mp_session_disable_dkim_finish (MP_SESSION (object), result, &error);
  operation_done (self, error);
}

static void
start_working (MpDkimDialog *self,
               const char   *message)
{
  self->working = TRUE;
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_free (self->error);
  self->error = NULL;
  update (self);
  gtk_label_set_text (self->status_label, message);
}

static void
on_configure_clicked (MpDkimDialog *self)
{
  start_working (self, _("Setting up DKIM…"));
  mp_session_configure_dkim_async (get_session (self), get_domain (self), self->cancellable,
                                   configure_cb, g_object_ref (self));
}

static void
on_enable_clicked (MpDkimDialog *self)
{
  MpDkimSelector *selector = find_selector (self, MP_DKIM_STATUS_READY);

  if (selector == NULL)
    return;

  start_working (self, _("Turning on signing…"));
  mp_session_enable_dkim_async (get_session (self), get_domain (self),
                                mp_dkim_selector_get_selector_name (selector),
                                self->cancellable, enable_cb, g_object_ref (self));
}

static void
on_disable_response (MpDkimDialog     *self,
                     const char       *response,
                     AdwMessageDialog *dialog)
{
  MpDkimSelector *selector;

  if (!g_str_equal (response, "disable")
      || (selector = find_selector (self, MP_DKIM_STATUS_IN_PRODUCTION)) == NULL)
    return;

  start_working (self, _("Turning off signing…"));
  mp_session_disable_dkim_async (get_session (self), get_domain (self),
                                 mp_dkim_selector_get_selector_name (selector),
                                 self->cancellable, disable_cb, g_object_ref (self));
}

static void
on_disable_clicked (MpDkimDialog *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Turn Off DKIM Signing?"),
                                   _("Mail from this domain will no longer be signed, so other mail "
                                     "services are more likely to treat it as spam. You can turn it "
                                     "on again at any time."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "disable", _("Turn _Off"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "disable",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_disable_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

MpDkimDialog *
mp_dkim_dialog_new (GtkWindow     *parent,
                    MpDomainCheck *check)
{
  MpDkimDialog *self;

  g_return_val_if_fail (MP_IS_DOMAIN_CHECK (check), NULL);

  self = g_object_new (MP_TYPE_DKIM_DIALOG, "transient-for", parent, NULL);
  self->check = g_object_ref (check);
  adw_window_title_set_subtitle (self->window_title,
                                 mp_domain_get_unicode_name (get_domain (self)));
  load (self);
  return self;
}

GListModel *
mp_dkim_dialog_get_selectors (MpDkimDialog *self)
{
  g_return_val_if_fail (MP_IS_DKIM_DIALOG (self), NULL);

  return self->selectors;
}

static void
mp_dkim_dialog_dispose (GObject *object)
{
  MpDkimDialog *self = MP_DKIM_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_pointer (&self->group_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_DKIM_DIALOG);

  g_clear_object (&self->selectors);
  g_clear_object (&self->check);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (mp_dkim_dialog_parent_class)->dispose (object);
}

static void
mp_dkim_dialog_finalize (GObject *object)
{
  MpDkimDialog *self = MP_DKIM_DIALOG (object);

  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (mp_dkim_dialog_parent_class)->finalize (object);
}

static void
mp_dkim_dialog_class_init (MpDkimDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_dkim_dialog_dispose;
  object_class->finalize = mp_dkim_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mailpost/Mailpost/pages/diagnosis/mp-dkim-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MpDkimDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, MpDkimDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, MpDkimDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, MpDkimDialog, configure_button);
  gtk_widget_class_bind_template_child (widget_class, MpDkimDialog, enable_button);
  gtk_widget_class_bind_template_child (widget_class, MpDkimDialog, disable_button);
  gtk_widget_class_bind_template_child (widget_class, MpDkimDialog, selectors_group);
  gtk_widget_class_bind_template_child (widget_class, MpDkimDialog, records_group);
  gtk_widget_class_bind_template_callback (widget_class, on_configure_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_enable_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_disable_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mp_dkim_dialog_init (MpDkimDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->group_rows = g_ptr_array_new_with_free_func (g_object_unref);
}
