/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-rule-checklist.h: a live list of rules (a password's, a name's), each showing a tick once it
 * is met and a cross while it is not, so a person sees what is still missing as they type.
 *
 * The owner hands the whole list on every change; rows are reused in place, so a list that
 * keeps its shape only changes icons and words. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct
{
  const char *text;   /* a translated sentence, shown as plain text */
  gboolean    met;
} MpChecklistRule;

#define MP_TYPE_RULE_CHECKLIST (mp_rule_checklist_get_type ())
G_DECLARE_FINAL_TYPE (MpRuleChecklist, mp_rule_checklist, MP, RULE_CHECKLIST, GtkWidget)

GtkWidget  *mp_rule_checklist_new           (void);
void        mp_rule_checklist_set_rules     (MpRuleChecklist       *self,
                                             const MpChecklistRule *rules,
                                             guint                  n_rules);
guint       mp_rule_checklist_get_n_rules   (MpRuleChecklist       *self);
const char *mp_rule_checklist_get_rule_text (MpRuleChecklist       *self,
                                             guint                  index);
gboolean    mp_rule_checklist_get_rule_met  (MpRuleChecklist       *self,
                                             guint                  index);
/* TRUE when every rule is met (property "all-met"); an empty list counts as met. */
gboolean    mp_rule_checklist_get_all_met   (MpRuleChecklist       *self);

G_END_DECLS
