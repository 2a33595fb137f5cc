/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-accounts-page.h: guide step 4, the service's mailboxes at any scale.
 *
 * One row per mailbox in a GtkColumnView over the session's accounts, sorted by the column
 * the user picks and filtered by the search field and the "Placeholders" toggle; a header
 * with configured / total; a row menu to configure, change the password, manage aliases,
 * diagnose or reset.  Placeholders ("…@configureme.me") stand out and carry a Configure
 * button; "Add an address" configures the next free one or offers to order more. */
#pragma once

#include <adwaita.h>

#include "emailpro/mp-session.h"

G_BEGIN_DECLS

#define MP_TYPE_ACCOUNTS_PAGE (mp_accounts_page_get_type ())
G_DECLARE_FINAL_TYPE (MpAccountsPage, mp_accounts_page, MP, ACCOUNTS_PAGE, AdwBin)

/* Property "session".  The page loads the accounts the first time it is shown. */
MpSession  *mp_accounts_page_get_session     (MpAccountsPage *self);
void        mp_accounts_page_set_session     (MpAccountsPage *self,
                                              MpSession      *session);
/* Loads the accounts again (also action "accounts.reload"). */
void        mp_accounts_page_reload          (MpAccountsPage *self);
/* Property "loading": TRUE while the accounts are being read. */
gboolean    mp_accounts_page_get_loading     (MpAccountsPage *self);
/* The rows shown, after search and sort: a GListModel of MpAccount (for tests and the
 * benchmark). */
GListModel *mp_accounts_page_get_shown       (MpAccountsPage *self);

/* Each opens its modal window, transient for the page's window, and returns it (owned by
 * GTK; tests drive it).  NULL when there is no session. */
GtkWidget  *mp_accounts_page_configure       (MpAccountsPage *self,
                                              MpAccount      *account);
GtkWidget  *mp_accounts_page_change_password (MpAccountsPage *self,
                                              MpAccount      *account);
GtkWidget  *mp_accounts_page_show_aliases    (MpAccountsPage *self,
                                              MpAccount      *account);
GtkWidget  *mp_accounts_page_diagnose        (MpAccountsPage *self,
                                              MpAccount      *account);
GtkWidget  *mp_accounts_page_confirm_reset   (MpAccountsPage *self,
                                              MpAccount      *account);
GtkWidget  *mp_accounts_page_order           (MpAccountsPage *self);
/* Configures the first free placeholder, or asks whether to order more when none is left. */
GtkWidget  *mp_accounts_page_add_address     (MpAccountsPage *self);

G_END_DECLS
