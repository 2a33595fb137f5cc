/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-accounts-page-private.h: the accounts page's state, shared by its translation units
 * (the page, its columns and its actions). */
#pragma once

#include "mp-account-filter.h"
#include "mp-accounts-page.h"

G_BEGIN_DECLS

struct _MpAccountsPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkLabel           *count_label;
  GtkLabel           *shown_label;
  GtkSearchEntry     *search_entry;
  GtkToggleButton    *placeholders_button;
  GtkStack           *content_stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *error_page;
  GMenuModel         *row_menu;

  /* Columns that step aside as the window narrows, so nothing important is pushed out of
   * sight. */
  GtkColumnViewColumn *display_name_column;
  GtkColumnViewColumn *usage_column;
  GtkColumnViewColumn *aliases_column;
  GtkColumnViewColumn *last_logon_column;

  /* Owned references */
  MpSession          *session;
  GtkSortListModel   *sort_model;
  MpAccountFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkSingleSelection *selection;
  GCancellable       *cancellable;

  /* "Now" for the relative dates, taken when the accounts were loaded: rebinding a row must
   * not ask the clock. */
  gint64              now_unix;
  gint64              utc_offset_seconds;

  guint               fit_idle_id;
  /* After an order: reload now and then until the new placeholders arrive. */
  guint               order_watch_id;
  guint               order_watch_left;
  guint               order_watch_count;
  guint               loading : 1;
  guint               loaded : 1;
  guint               load_failed : 1;
  guint               width_tier : 2;   /* MpAccountsWidthTier */
};

/* How much room the columns have: the narrower, the fewer secondary columns. */
typedef enum
{
  MP_ACCOUNTS_WIDTH_WIDE,     /* every column */
  MP_ACCOUNTS_WIDTH_MEDIUM,   /* without aliases and last logon */
  MP_ACCOUNTS_WIDTH_NARROW,   /* address, status and actions only */
} MpAccountsWidthTier;

/* mp-accounts-page-columns.c */
void _mp_accounts_page_add_columns    (MpAccountsPage *self);
MpAccountsWidthTier
     _mp_accounts_page_width_tier     (int             width);
void _mp_accounts_page_fit_columns    (MpAccountsPage *self,
                                       MpAccountsWidthTier tier);

/* mp-accounts-page.c */
void _mp_accounts_page_add_toast      (MpAccountsPage *self,
                                       const char     *message);
void _mp_accounts_page_report_error   (MpAccountsPage *self,
                                       const GError   *error);
void _mp_accounts_page_watch_order    (MpAccountsPage *self);

G_END_DECLS
