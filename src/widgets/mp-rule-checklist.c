/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-rule-checklist.h"

#define ICON_MET   "object-select-symbolic"
#define ICON_UNMET "window-close-symbolic"

typedef struct
{
  GtkWidget *box;
  GtkImage  *icon;
  GtkLabel  *label;
  gboolean   met;
} Row;

struct _MpRuleChecklist
{
  GtkWidget  parent_instance;

  GArray    *rows;   /* of Row */
  guint      all_met : 1;
};

G_DEFINE_FINAL_TYPE (MpRuleChecklist, mp_rule_checklist, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ALL_MET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static Row *
get_row (MpRuleChecklist *self,
         guint            index)
{
  return &g_array_index (self->rows, Row, index);
}

static void
append_row (MpRuleChecklist *self)
{
  Row row = { 0 };

  row.box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  row.icon = GTK_IMAGE (gtk_image_new ());
  row.label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row.label, 0);
  gtk_label_set_wrap (row.label, TRUE);
  gtk_label_set_use_markup (row.label, FALSE);
  gtk_widget_set_hexpand (GTK_WIDGET (row.label), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (row.icon), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (row.box), GTK_WIDGET (row.icon));
  gtk_box_append (GTK_BOX (row.box), GTK_WIDGET (row.label));
  gtk_widget_add_css_class (row.box, "mp-rule");
  gtk_widget_set_parent (row.box, GTK_WIDGET (self));

  /* A fresh row is drawn unmet; set_row() below turns it. */
  row.met = TRUE;
  g_array_append_val (self->rows, row);
}

static void
set_row (Row                   *row,
         const MpChecklistRule *rule)
{
  if (g_strcmp0 (gtk_label_get_text (row->label), rule->text) != 0)
    gtk_label_set_text (row->label, rule->text);

  if (row->met == !!rule->met && gtk_image_get_icon_name (row->icon) != NULL)
    return;

  row->met = !!rule->met;
  gtk_image_set_from_icon_name (row->icon, row->met ? ICON_MET : ICON_UNMET);
  /* The icon's shape says it; the colour only repeats it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  row->met ? _("Met") : _("Not met yet"),
                                  -1);
  if (row->met)
    {
      gtk_widget_remove_css_class (row->box, "mp-rule-unmet");
      gtk_widget_add_css_class (row->box, "mp-rule-met");
    }
  else
    {
      gtk_widget_remove_css_class (row->box, "mp-rule-met");
      gtk_widget_add_css_class (row->box, "mp-rule-unmet");
    }
}

void
mp_rule_checklist_set_rules (MpRuleChecklist       *self,
                             const MpChecklistRule *rules,
                             guint                  n_rules)
{
  gboolean all_met = TRUE;

  g_return_if_fail (MP_IS_RULE_CHECKLIST (self));
  g_return_if_fail (rules != NULL || n_rules == 0);

  while (self->rows->len > n_rules)
    {
      gtk_widget_unparent (get_row (self, self->rows->len - 1)->box);
      g_array_set_size (self->rows, self->rows->len - 1);
    }
  while (self->rows->len < n_rules)
    append_row (self);

  for (guint i = 0; i < n_rules; i++)
    {
      set_row (get_row (self, i), &rules[i]);
      all_met = all_met && rules[i].met;
    }

  if (self->all_met != all_met)
    {
      self->all_met = all_met;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALL_MET]);
    }
}

GtkWidget *
mp_rule_checklist_new (void)
{
  return g_object_new (MP_TYPE_RULE_CHECKLIST, NULL);
}

guint
mp_rule_checklist_get_n_rules (MpRuleChecklist *self)
{
  g_return_val_if_fail (MP_IS_RULE_CHECKLIST (self), 0);

  return self->rows->len;
}

const char *
mp_rule_checklist_get_rule_text (MpRuleChecklist *self,
                                 guint            index)
{
  g_return_val_if_fail (MP_IS_RULE_CHECKLIST (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return gtk_label_get_text (get_row (self, index)->label);
}

gboolean
mp_rule_checklist_get_rule_met (MpRuleChecklist *self,
                                guint            index)
{
  g_return_val_if_fail (MP_IS_RULE_CHECKLIST (self), FALSE);
  g_return_val_if_fail (index < self->rows->len, FALSE);

  return get_row (self, index)->met;
}

gboolean
mp_rule_checklist_get_all_met (MpRuleChecklist *self)
{
  g_return_val_if_fail (MP_IS_RULE_CHECKLIST (self), FALSE);

  return self->all_met;
}

static void
mp_rule_checklist_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MpRuleChecklist *self = MP_RULE_CHECKLIST (object);

  switch (prop_id)
    {
    case PROP_ALL_MET:
      g_value_set_boolean (value, self->all_met);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_rule_checklist_dispose (GObject *object)
{
  MpRuleChecklist *self = MP_RULE_CHECKLIST (object);

  if (self->rows != NULL)
    {
      for (guint i = 0; i < self->rows->len; i++)
        gtk_widget_unparent (get_row (self, i)->box);
      g_clear_pointer (&self->rows, g_array_unref);
    }

  G_OBJECT_CLASS (mp_rule_checklist_parent_class)->dispose (object);
}

static void
mp_rule_checklist_class_init (MpRuleChecklistClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_rule_checklist_dispose;
  object_class->get_property = mp_rule_checklist_get_property;

  properties[PROP_ALL_MET] =
    g_param_spec_boolean ("all-met", NULL, NULL,
                          TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mp-rule-checklist");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
mp_rule_checklist_init (MpRuleChecklist *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 4);

  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  self->all_met = TRUE;
}
