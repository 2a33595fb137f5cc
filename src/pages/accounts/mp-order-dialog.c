/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "emailpro/mp-account-order.h"
#include "mp-account-checks.h"
#include "mp-order-dialog.h"

struct _MpOrderDialog
{
  MpAccountWindow      parent_instance;

  /* Template widgets */
  GtkWidget           *message_box;
  AdwPreferencesGroup *form_group;
  GtkSpinButton       *number_spin;
  AdwComboRow         *duration_row;
  GtkWidget           *progress_box;
  GtkLabel            *progress_label;

  /* The provider's durations ("P1M"), in the combo row's order. */
  GStrv                durations;
  /* Cancels a durations request made for a number since changed. */
  GCancellable        *durations_cancellable;
  guint                busy : 1;
};

G_DEFINE_FINAL_TYPE (MpOrderDialog, mp_order_dialog, MP_TYPE_ACCOUNT_WINDOW)

static void
update_submit (MpOrderDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->duration_row);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order.submit",
                                 !self->busy && self->durations != NULL
                                 && selected < g_strv_length (self->durations));
}

static void
set_busy (MpOrderDialog *self,
          const char    *progress)
{
  self->busy = progress != NULL;
  mp_account_window_show_busy (MP_ACCOUNT_WINDOW (self), GTK_WIDGET (self->form_group),
                               self->progress_box, progress != NULL);
  if (progress != NULL)
    gtk_label_set_text (self->progress_label, progress);
  update_submit (self);
}

static void
list_durations_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(MpOrderDialog) self = user_data;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) durations = NULL;

  durations = mp_session_list_order_durations_finish (MP_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, NULL);
  if (durations == NULL)
    {
      mp_account_checks_show_message (self->message_box, "error", error->message);
      return;
    }
  if (durations[0] == NULL)
    mp_account_checks_show_message (self->message_box, "warning",
                                    _("The provider offers no billing period for this number of addresses. Try another number, or order in your OVHcloud customer area."));
  else
    mp_account_checks_show_message (self->message_box, NULL, NULL);

  for (guint i = 0; durations[i] != NULL; i++)
    {
      g_autofree char *label = mp_account_order_describe_duration (durations[i]);

      gtk_string_list_append (labels, label);
    }
  g_strfreev (self->durations);
  self->durations = g_steal_pointer (&durations);
  adw_combo_row_set_model (self->duration_row, G_LIST_MODEL (labels));
  update_submit (self);
}

static void
load_durations (MpOrderDialog *self)
{
  g_cancellable_cancel (self->durations_cancellable);
  g_clear_object (&self->durations_cancellable);
  /* Closing the window cancels this one too (dispose). */
  self->durations_cancellable = g_cancellable_new ();

  g_clear_pointer (&self->durations, g_strfreev);
  set_busy (self, _("Asking the provider for its billing periods…"));
  mp_session_list_order_durations_async (mp_account_window_get_session (MP_ACCOUNT_WINDOW (self)),
                                         gtk_spin_button_get_value_as_int (self->number_spin),
                                         self->durations_cancellable,
                                         list_durations_cb, g_object_ref (self));
}

static void
on_number_changed (MpOrderDialog *self)
{
  load_durations (self);
}

static void
on_duration_changed (MpOrderDialog *self)
{
  update_submit (self);
}

static void
order_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(MpOrderDialog) self = user_data;
  g_autoptr(MpAccountOrder) order = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GtkWindow *parent;
  char number[32];

  order = mp_session_order_accounts_finish (MP_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, NULL);
  if (order == NULL)
    {
      mp_account_checks_show_message (self->message_box, "error", error->message);
      return;
    }

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gtk_show_uri (parent != NULL ? parent : GTK_WINDOW (self), order->url, GDK_CURRENT_TIME);

  g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, order->order_id);
  /* Translators: %s is the order's number */
  message = g_strdup_printf (_("Order %s is waiting for payment in your browser. The new addresses appear here once it is paid."),
                             number);
  mp_account_window_applied (MP_ACCOUNT_WINDOW (self), message);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MpOrderDialog *self = MP_ORDER_DIALOG (widget);
  guint selected = adw_combo_row_get_selected (self->duration_row);

  if (self->busy || self->durations == NULL || selected >= g_strv_length (self->durations))
    return;

  mp_account_checks_show_message (self->message_box, NULL, NULL);
  set_busy (self, _("Creating the order…"));
  mp_session_order_accounts_async (mp_account_window_get_session (MP_ACCOUNT_WINDOW (self)),
                                   self->durations[selected],
                                   gtk_spin_button_get_value_as_int (self->number_spin),
                                   mp_account_window_get_cancellable (MP_ACCOUNT_WINDOW (self)),
                                   order_cb, g_object_ref (self));
}

MpOrderDialog *
mp_order_dialog_new (MpSession *session)
{
  g_return_val_if_fail (MP_IS_SESSION (session), NULL);

  return g_object_new (MP_TYPE_ORDER_DIALOG, "session", session, NULL);
}

static void
mp_order_dialog_constructed (GObject *object)
{
  MpOrderDialog *self = MP_ORDER_DIALOG (object);

  G_OBJECT_CLASS (mp_order_dialog_parent_class)->constructed (object);

  load_durations (self);
}

static void
mp_order_dialog_dispose (GObject *object)
{
  MpOrderDialog *self = MP_ORDER_DIALOG (object);

  g_cancellable_cancel (self->durations_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_ORDER_DIALOG);
  g_clear_object (&self->durations_cancellable);
  g_clear_pointer (&self->durations, g_strfreev);

  G_OBJECT_CLASS (mp_order_dialog_parent_class)->dispose (object);
}

static void
mp_order_dialog_class_init (MpOrderDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mp_order_dialog_constructed;
  object_class->dispose = mp_order_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mailpost/Mailpost/pages/accounts/mp-order-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MpOrderDialog, message_box);
  gtk_widget_class_bind_template_child (widget_class, MpOrderDialog, form_group);
  gtk_widget_class_bind_template_child (widget_class, MpOrderDialog, number_spin);
  gtk_widget_class_bind_template_child (widget_class, MpOrderDialog, duration_row);
  gtk_widget_class_bind_template_child (widget_class, MpOrderDialog, progress_box);
  gtk_widget_class_bind_template_child (widget_class, MpOrderDialog, progress_label);
  gtk_widget_class_bind_template_callback (widget_class, on_number_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_duration_changed);

  gtk_widget_class_install_action (widget_class, "order.submit", NULL, submit_action);
}

static void
mp_order_dialog_init (MpOrderDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
