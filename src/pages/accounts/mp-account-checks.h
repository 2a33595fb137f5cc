/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-account-checks.h: what the account dialogs share: the rules of src/rules/ shown as live
 * checklists, and the choice of domains an address or alias can take. */
#pragma once

#include <adwaita.h>

#include "emailpro/mp-account.h"
#include "emailpro/mp-session.h"
#include "rules/mp-account-rules.h"
#include "widgets/mp-rule-checklist.h"

G_BEGIN_DECLS

/* Shows every rule of results (a GPtrArray of MpRuleResult) in the checklist; returns TRUE
 * when all of them are met. */
gboolean       mp_account_checks_show             (MpRuleChecklist         *checklist,
                                                   GPtrArray               *results);
/* The password context of a service (its minimum length and complexity) for an account
 * about to be called login / display_name.  confirmation may be NULL. */
void           mp_account_checks_password_context (MpSession               *session,
                                                   const char              *login,
                                                   const char              *display_name,
                                                   const char              *confirmation,
                                                   MpPasswordContext       *context);
/* A string list of the domains an address can take (mp_session_dup_address_domains), with
 * extra appended when it is set and missing (an account's current domain); fills *position
 * with extra's index, or 0. */
GtkStringList *mp_account_checks_domain_list      (MpSession               *session,
                                                   const char              *extra,
                                                   guint                   *position);
/* The domain the combo row shows, or NULL when it has none. */
const char    *mp_account_checks_selected_domain  (AdwComboRow             *row);
/* Fills row with the domains an address can take, selecting extra (see above). */
void           mp_account_checks_fill_domains     (AdwComboRow             *row,
                                                   MpSession               *session,
                                                   const char              *extra);

G_END_DECLS

G_BEGIN_DECLS

/* The dialogs' message strip: a box holding an image then a label (message_box in their
 * templates).  kind is "error", "warning" or "success"; text NULL hides the strip. */
void           mp_account_checks_show_message     (GtkWidget               *message_box,
                                                   const char              *kind,
                                                   const char              *text);

G_END_DECLS
