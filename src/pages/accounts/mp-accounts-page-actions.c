/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-accounts-page-actions.c: what the accounts page opens: the configure, password, aliases,
 * diagnostics and order windows, the reset confirmation and "Add an address". */
#include "config.h"

#include <glib/gi18n.h>

#include "emailpro/mp-account.h"
#include "mp-account-dialog.h"
#include "mp-accounts-page-private.h"
#include "mp-aliases-dialog.h"
#include "mp-diagnostics-dialog.h"
#include "mp-order-dialog.h"
#include "mp-password-dialog.h"

static void
on_applied (MpAccountsPage *self,
            const char     *message)
{
  if (message != NULL)
    _mp_accounts_page_add_toast (self, message);
  /* The changed row is already up to date; the header's counts come with the listing. */
  mp_accounts_page_reload (self);
}

static GtkWindow *
parent_window (MpAccountsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static GtkWidget *
present (MpAccountsPage *self,
         gpointer        window)
{
  gtk_window_set_transient_for (GTK_WINDOW (window), parent_window (self));
  if (MP_IS_ACCOUNT_WINDOW (window))
    g_signal_connect_object (window, "applied", G_CALLBACK (on_applied), self,
                             G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

GtkWidget *
mp_accounts_page_configure (MpAccountsPage *self,
                            MpAccount      *account)
{
  g_return_val_if_fail (MP_IS_ACCOUNTS_PAGE (self), NULL);
  g_return_val_if_fail (MP_IS_ACCOUNT (account), NULL);

  if (self->session == NULL)
    return NULL;
  return present (self, mp_account_dialog_new (self->session, account));
}

GtkWidget *
mp_accounts_page_change_password (MpAccountsPage *self,
                                  MpAccount      *account)
{
  g_return_val_if_fail (MP_IS_ACCOUNTS_PAGE (self), NULL);
  g_return_val_if_fail (MP_IS_ACCOUNT (account), NULL);

  if (self->session == NULL)
    return NULL;
  return present (self, mp_password_dialog_new (self->session, account));
}

GtkWidget *
mp_accounts_page_show_aliases (MpAccountsPage *self,
                               MpAccount      *account)
{
  g_return_val_if_fail (MP_IS_ACCOUNTS_PAGE (self), NULL);
  g_return_val_if_fail (MP_IS_ACCOUNT (account), NULL);

  if (self->session == NULL)
    return NULL;
  return present (self, mp_aliases_dialog_new (self->session, account));
}

GtkWidget *
mp_accounts_page_diagnose (MpAccountsPage *self,
                           MpAccount      *account)
{
  g_return_val_if_fail (MP_IS_ACCOUNTS_PAGE (self), NULL);
  g_return_val_if_fail (MP_IS_ACCOUNT (account), NULL);

  if (self->session == NULL)
    return NULL;
  return present (self, mp_diagnostics_dialog_new (self->session, account));
}

GtkWidget *
mp_accounts_page_order (MpAccountsPage *self)
{
  GtkWidget *dialog;

  g_return_val_if_fail (MP_IS_ACCOUNTS_PAGE (self), NULL);

  if (self->session == NULL)
    return NULL;
  dialog = present (self, mp_order_dialog_new (self->session));
  g_signal_connect_object (dialog, "applied", G_CALLBACK (_mp_accounts_page_watch_order), self,
                           G_CONNECT_SWAPPED);
  return dialog;
}

/* Reset */

static void
reset_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(MpAccountsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mp_session_reset_account_finish (MP_SESSION (object), result, &error))
    {
      _mp_accounts_page_report_error (self, error);
      return;
    }
  _mp_accounts_page_add_toast (self, _("The address is reset and free to configure again"));
  mp_accounts_page_reload (self);
}

static void
on_reset_response (AdwMessageDialog *dialog,
                   const char       *response,
                   MpAccountsPage   *self)
{
  MpAccount *account = g_object_get_data (G_OBJECT (dialog), "account");

  if (g_strcmp0 (response, "reset") != 0 || self->session == NULL || account == NULL)
    return;

  mp_session_reset_account_async (self->session, account, self->cancellable,
                                  reset_cb, g_object_ref (self));
}

GtkWidget *
mp_accounts_page_confirm_reset (MpAccountsPage *self,
                                MpAccount      *account)
{
  AdwMessageDialog *dialog;

  g_return_val_if_fail (MP_IS_ACCOUNTS_PAGE (self), NULL);
  g_return_val_if_fail (MP_IS_ACCOUNT (account), NULL);

  if (self->session == NULL)
    return NULL;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), NULL, NULL));
  /* Translators: %s is an e-mail address */
  adw_message_dialog_format_heading (dialog, _("Reset %s?"),
                                     mp_account_get_primary_email_address (account));
  adw_message_dialog_set_body (dialog,
                               _("Every message, contact and calendar entry of this mailbox is erased for good, and the address becomes a free placeholder again. Billing continues: the mailbox stays paid for until you cancel it in your OVHcloud customer area."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "reset", _("_Erase and Reset"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "reset", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "account", g_object_ref (account), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reset_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

/* Add an address */

static void
on_no_placeholder_response (AdwMessageDialog *dialog,
                            const char       *response,
                            MpAccountsPage   *self)
{
  if (g_strcmp0 (response, "order") == 0)
    mp_accounts_page_order (self);
}

GtkWidget *
mp_accounts_page_add_address (MpAccountsPage *self)
{
  AdwMessageDialog *dialog;
  MpAccount *placeholder;

  g_return_val_if_fail (MP_IS_ACCOUNTS_PAGE (self), NULL);

  if (self->session == NULL)
    return NULL;

  placeholder = mp_session_find_free_placeholder (self->session);
  if (placeholder != NULL)
    return mp_accounts_page_configure (self, placeholder);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self),
                                                       _("Every Address Is in Use"),
                                                       NULL));
  adw_message_dialog_set_body (dialog,
                               _("This service has no free mailbox left to configure. Order more: they appear here as placeholders once the order is paid."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "order", _("_Order More…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "order", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "order");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_no_placeholder_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}
