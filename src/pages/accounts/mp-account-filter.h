/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-account-filter.h: what the accounts page's search field and "Placeholders" toggle keep.
 *
 * Matches the typed text, casefolded, against each account's search text (address, display,
 * first and last name) and, when asked, keeps only placeholders.  Every change tells the
 * filter model whether it made the filter stricter or looser, so a keystroke that extends the
 * text only re-checks the rows still shown. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MP_TYPE_ACCOUNT_FILTER (mp_account_filter_get_type ())
G_DECLARE_FINAL_TYPE (MpAccountFilter, mp_account_filter, MP, ACCOUNT_FILTER, GtkFilter)

MpAccountFilter *mp_account_filter_new                   (void);
/* Properties "search-text" and "placeholders-only". */
const char      *mp_account_filter_get_search_text       (MpAccountFilter *self);
void             mp_account_filter_set_search_text       (MpAccountFilter *self,
                                                          const char      *text);
gboolean         mp_account_filter_get_placeholders_only (MpAccountFilter *self);
void             mp_account_filter_set_placeholders_only (MpAccountFilter *self,
                                                          gboolean         placeholders_only);

G_END_DECLS
