/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-add-domain-window-private.h: the wizard's state, shared by its two translation units:
 * mp-add-domain-window.c (steps, review, confirm) and mp-add-domain-window-choice.c (step 1). */
#pragma once

#include "mp-add-domain-window.h"
#include "mp-domain-mode-group.h"

G_BEGIN_DECLS

struct _MpAddDomainWindow
{
  AdwWindow          parent_instance;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkWidget         *cancel_button;
  GtkWidget         *back_button;
  GtkWidget         *next_button;
  GtkWidget         *confirm_button;
  GtkSpinner        *spinner;
  GtkStack          *steps;
  GtkSearchEntry    *account_search;
  GtkStack          *account_stack;
  GtkListBox        *account_list;
  GtkLabel          *account_message;
  AdwEntryRow       *other_row;
  GtkCheckButton    *other_check;
  GtkLabel          *other_forms_label;
  GtkLabel          *other_error;
  GtkLabel          *external_note;
  MpDomainModeGroup *mode_group;
  GtkCheckButton    *mx_check;
  GtkCheckButton    *srv_check;
  GtkCheckButton    *spf_check;
  GtkCheckButton    *dkim_check;
  GtkLabel          *mx_warning;
  GtkWidget         *refusal_box;
  GtkLabel          *refusal_title;
  GtkLabel          *refusal_label;
  GtkWidget         *refusal_hint;
  GtkWidget         *non_authoritative_button;
  AdwActionRow      *review_name_row;
  AdwActionRow      *review_ascii_row;
  AdwActionRow      *review_mode_row;
  AdwActionRow      *review_setup_row;
  AdwActionRow      *review_mx_row;
  AdwActionRow      *review_srv_row;
  AdwActionRow      *review_spf_row;
  AdwActionRow      *review_dkim_row;

  /* Owned references */
  MpSession         *session;
  GCancellable      *cancellable;
  GListModel        *account_domains;   /* MpAccountDomain, NULL until read */
  GtkFilterListModel *account_filtered; /* the ones matching the search */
  GtkCustomFilter   *account_filter;    /* owned by account_filtered */
  MpAccountDomain   *chosen;            /* NULL: the typed domain */
  /* The domain the mode was last preset for: going back and forth keeps the user's mode. */
  char              *preset_for;
  /* The name sent by the last confirm (once attached, the typed name no longer validates). */
  char              *submitted_name;

  guint              busy : 1;
  guint              discard_confirmed : 1;
};

/* mp-add-domain-window-choice.c: step 1 */
void      _mp_add_domain_window_init_choice      (MpAddDomainWindow  *self);
void      _mp_add_domain_window_load_choice      (MpAddDomainWindow  *self);
/* The chosen domain in ASCII and Unicode form; NULL and the reason when there is none yet. */
gboolean  _mp_add_domain_window_get_choice       (MpAddDomainWindow  *self,
                                                  char              **ascii_name,
                                                  char              **unicode_name,
                                                  char              **reason);
gboolean  _mp_add_domain_window_has_input        (MpAddDomainWindow  *self);

/* mp-add-domain-window.c */
void      _mp_add_domain_window_update           (MpAddDomainWindow  *self);

G_END_DECLS
