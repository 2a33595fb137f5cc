/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-usage-bar.h"

struct _MpUsageBar
{
  GtkWidget    parent_instance;

  GtkLevelBar *level_bar;
  GtkLabel    *label;

  gint64       used;
  gint64       total;
  int          percent;   /* -1: not known */
};

G_DEFINE_FINAL_TYPE (MpUsageBar, mp_usage_bar, GTK_TYPE_WIDGET)

void
mp_usage_bar_setup_level_bar (GtkLevelBar *level_bar)
{
  g_return_if_fail (GTK_IS_LEVEL_BAR (level_bar));

  gtk_level_bar_set_min_value (level_bar, 0);
  gtk_level_bar_set_max_value (level_bar, 1);
  gtk_level_bar_remove_offset_value (level_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (level_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (level_bar, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_add_offset_value (level_bar, "mp-ok", MP_USAGE_OK_BELOW);
  gtk_level_bar_add_offset_value (level_bar, "mp-warning", MP_USAGE_WARNING_BELOW);
  gtk_level_bar_add_offset_value (level_bar, "mp-critical", 1.0);
  gtk_widget_add_css_class (GTK_WIDGET (level_bar), "mp-disk-usage");
}

double
mp_usage_bar_get_fraction (MpUsageBar *self)
{
  g_return_val_if_fail (MP_IS_USAGE_BAR (self), -1);

  if (self->total <= 0 || self->used < 0)
    return -1;
  return MIN (1.0, (double) self->used / (double) self->total);
}

void
mp_usage_bar_set_usage (MpUsageBar *self,
                        gint64      used,
                        gint64      total)
{
  double fraction;
  int percent;

  g_return_if_fail (MP_IS_USAGE_BAR (self));

  self->used = used;
  self->total = total;
  fraction = mp_usage_bar_get_fraction (self);
  percent = fraction < 0 ? -1 : (int) (fraction * 100 + 0.5);

  gtk_level_bar_set_value (self->level_bar, MAX (fraction, 0));
  gtk_widget_set_visible (GTK_WIDGET (self->level_bar), fraction >= 0);

  /* Rebinding a cell to an equally full mailbox costs nothing. */
  if (percent == self->percent && gtk_label_get_text (self->label)[0] != '\0')
    return;
  self->percent = percent;

  if (percent < 0)
    gtk_label_set_text (self->label, _("Not known"));
  else
    {
      char text[16];

      /* Translators: a mailbox's usage in percent, e.g. "42 %"; keep it short */
      g_snprintf (text, sizeof text, C_("usage", "%d %%"), percent);
      gtk_label_set_text (self->label, text);
    }
}

/* The sizes are only formatted when someone asks, not on every rebind. */
static gboolean
on_query_tooltip (MpUsageBar *self,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  g_autofree char *used = NULL;
  g_autofree char *total = NULL;
  g_autofree char *text = NULL;

  if (self->total <= 0 || self->used < 0)
    return FALSE;

  used = g_format_size ((guint64) self->used);
  total = g_format_size ((guint64) self->total);
  /* Translators: a mailbox's usage, e.g. "1.2 GB of 5.0 GB used" */
  text = g_strdup_printf (_("%s of %s used"), used, total);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

GtkWidget *
mp_usage_bar_new (void)
{
  return g_object_new (MP_TYPE_USAGE_BAR, NULL);
}

static void
mp_usage_bar_dispose (GObject *object)
{
  MpUsageBar *self = MP_USAGE_BAR (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->level_bar = NULL;
  self->label = NULL;

  G_OBJECT_CLASS (mp_usage_bar_parent_class)->dispose (object);
}

static void
mp_usage_bar_class_init (MpUsageBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_usage_bar_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mp-usage-bar");
}

static void
mp_usage_bar_init (MpUsageBar *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->level_bar = GTK_LEVEL_BAR (gtk_level_bar_new ());
  mp_usage_bar_setup_level_bar (self->level_bar);
  gtk_widget_set_hexpand (GTK_WIDGET (self->level_bar), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->level_bar), GTK_ALIGN_CENTER);
  gtk_widget_set_parent (GTK_WIDGET (self->level_bar), GTK_WIDGET (self));

  self->label = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_width_chars (self->label, 5);
  gtk_label_set_xalign (self->label, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (self->label), "caption");
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));

  self->percent = -2;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
}
