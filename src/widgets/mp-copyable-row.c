/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-copyable-row.h"

struct _MpCopyableRow
{
  AdwActionRow  parent_instance;

  /* Template widgets */
  GtkButton    *copy_button;

  char         *value;
};

G_DEFINE_FINAL_TYPE (MpCopyableRow, mp_copyable_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_accessible_label (MpCopyableRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  /* Translators: the accessible name of a copy button; %s is what it copies, e.g. "Port" */
  g_autofree char *label = g_strdup_printf (_("Copy “%s”"), title != NULL ? title : "");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->copy_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MpCopyableRow *self = MP_COPYABLE_ROW (widget);
  GtkWidget *overlay;

  if (self->value == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->value);

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (_("Copied"));

      adw_toast_set_timeout (toast, 2);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
}

GtkWidget *
mp_copyable_row_new (const char *title,
                     const char *value)
{
  return g_object_new (MP_TYPE_COPYABLE_ROW,
                       "title", title,
                       "value", value,
                       NULL);
}

const char *
mp_copyable_row_get_value (MpCopyableRow *self)
{
  g_return_val_if_fail (MP_IS_COPYABLE_ROW (self), NULL);

  return self->value;
}

void
mp_copyable_row_set_value (MpCopyableRow *self,
                           const char    *value)
{
  g_return_if_fail (MP_IS_COPYABLE_ROW (self));

  if (g_strcmp0 (self->value, value) == 0)
    return;

  g_free (self->value);
  self->value = g_strdup (value);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), value != NULL ? value : _("Unknown"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.copy", value != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

static void
mp_copyable_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MpCopyableRow *self = MP_COPYABLE_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_string (value, self->value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_copyable_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  MpCopyableRow *self = MP_COPYABLE_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      mp_copyable_row_set_value (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_copyable_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MP_TYPE_COPYABLE_ROW);

  G_OBJECT_CLASS (mp_copyable_row_parent_class)->dispose (object);
}

static void
mp_copyable_row_finalize (GObject *object)
{
  MpCopyableRow *self = MP_COPYABLE_ROW (object);

  g_clear_pointer (&self->value, g_free);

  G_OBJECT_CLASS (mp_copyable_row_parent_class)->finalize (object);
}

static void
mp_copyable_row_class_init (MpCopyableRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_copyable_row_dispose;
  object_class->finalize = mp_copyable_row_finalize;
  object_class->get_property = mp_copyable_row_get_property;
  object_class->set_property = mp_copyable_row_set_property;

  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mailpost/Mailpost/widgets/mp-copyable-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MpCopyableRow, copy_button);

  gtk_widget_class_install_action (widget_class, "row.copy", NULL, copy_action);
}

static void
mp_copyable_row_init (MpCopyableRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), _("Unknown"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.copy", FALSE);

  g_signal_connect (self, "notify::title", G_CALLBACK (update_accessible_label), NULL);
  update_accessible_label (self);
}
