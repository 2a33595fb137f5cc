/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-enum-types.h"
#include "mp-status-indicator.h"

struct _MpStatusIndicator
{
  GtkWidget      parent_instance;

  /* Template widgets */
  GtkImage      *icon;
  GtkLabel      *name_label;
  GtkLabel      *word_label;

  MpCheckStatus  status;
  char          *title;
  char          *accessible_name;
};

G_DEFINE_FINAL_TYPE (MpStatusIndicator, mp_status_indicator, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATUS,
  PROP_LABEL,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
mp_status_indicator_describe (MpCheckStatus   status,
                              const char    **icon_name,
                              const char    **word,
                              const char    **style_class)
{
  const char *icon;
  const char *css;

  switch (status)
    {
    case MP_CHECK_STATUS_OK:
      icon = "emblem-ok-symbolic";
      css = "mp-status-ok";
      break;

    case MP_CHECK_STATUS_WARNING:
      icon = "dialog-warning-symbolic";
      css = "mp-status-warning";
      break;

    case MP_CHECK_STATUS_ERROR:
      icon = "dialog-error-symbolic";
      css = "mp-status-error";
      break;

    case MP_CHECK_STATUS_IN_PROGRESS:
      icon = "emblem-synchronizing-symbolic";
      css = "mp-status-in-progress";
      break;

    case MP_CHECK_STATUS_UNKNOWN:
    default:
      icon = "dialog-question-symbolic";
      css = "mp-status-unknown";
      break;
    }

  if (icon_name != NULL)
    *icon_name = icon;
  if (word != NULL)
    *word = mp_check_status_to_label (status);
  if (style_class != NULL)
    *style_class = css;
}

static void
update (MpStatusIndicator *self)
{
  static const MpCheckStatus all[] = {
    MP_CHECK_STATUS_OK, MP_CHECK_STATUS_WARNING, MP_CHECK_STATUS_ERROR,
    MP_CHECK_STATUS_IN_PROGRESS, MP_CHECK_STATUS_UNKNOWN,
  };
  const char *icon_name, *word, *style_class;
  const char *title;

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      mp_status_indicator_describe (all[i], NULL, NULL, &style_class);
      gtk_widget_remove_css_class (GTK_WIDGET (self), style_class);
    }

  mp_status_indicator_describe (self->status, &icon_name, &word, &style_class);
  gtk_image_set_from_icon_name (self->icon, icon_name);
  gtk_label_set_text (self->word_label, word);
  gtk_widget_add_css_class (GTK_WIDGET (self), style_class);

  title = self->title != NULL ? self->title : gtk_label_get_text (self->name_label);
  g_free (self->accessible_name);
  /* Translators: the accessible name of a check's indicator, e.g. "Incoming mail (MX): Problem" */
  self->accessible_name = g_strdup_printf (_("%s: %s"), title, word);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->accessible_name,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->accessible_name);
}

GtkWidget *
mp_status_indicator_new (const char    *label,
                         const char    *title,
                         MpCheckStatus  status)
{
  return g_object_new (MP_TYPE_STATUS_INDICATOR,
                       "label", label,
                       "title", title,
                       "status", status,
                       NULL);
}

MpCheckStatus
mp_status_indicator_get_status (MpStatusIndicator *self)
{
  g_return_val_if_fail (MP_IS_STATUS_INDICATOR (self), MP_CHECK_STATUS_UNKNOWN);

  return self->status;
}

void
mp_status_indicator_set_status (MpStatusIndicator *self,
                                MpCheckStatus      status)
{
  g_return_if_fail (MP_IS_STATUS_INDICATOR (self));

  if (self->status == status)
    return;

  self->status = status;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
mp_status_indicator_get_label (MpStatusIndicator *self)
{
  g_return_val_if_fail (MP_IS_STATUS_INDICATOR (self), NULL);

  return gtk_label_get_text (self->name_label);
}

void
mp_status_indicator_set_label (MpStatusIndicator *self,
                               const char        *label)
{
  g_return_if_fail (MP_IS_STATUS_INDICATOR (self));

  if (g_strcmp0 (gtk_label_get_text (self->name_label), label != NULL ? label : "") == 0)
    return;

  gtk_label_set_text (self->name_label, label != NULL ? label : "");
  gtk_widget_set_visible (GTK_WIDGET (self->name_label), label != NULL && *label != '\0');
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

const char *
mp_status_indicator_get_title (MpStatusIndicator *self)
{
  g_return_val_if_fail (MP_IS_STATUS_INDICATOR (self), NULL);

  return self->title;
}

void
mp_status_indicator_set_title (MpStatusIndicator *self,
                               const char        *title)
{
  g_return_if_fail (MP_IS_STATUS_INDICATOR (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
mp_status_indicator_get_accessible_name (MpStatusIndicator *self)
{
  g_return_val_if_fail (MP_IS_STATUS_INDICATOR (self), NULL);

  return self->accessible_name;
}

static void
mp_status_indicator_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  MpStatusIndicator *self = MP_STATUS_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_LABEL:
      g_value_set_string (value, mp_status_indicator_get_label (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_status_indicator_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  MpStatusIndicator *self = MP_STATUS_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      mp_status_indicator_set_status (self, g_value_get_enum (value));
      break;

    case PROP_LABEL:
      mp_status_indicator_set_label (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      mp_status_indicator_set_title (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_status_indicator_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MP_TYPE_STATUS_INDICATOR);

  G_OBJECT_CLASS (mp_status_indicator_parent_class)->dispose (object);
}

static void
mp_status_indicator_finalize (GObject *object)
{
  MpStatusIndicator *self = MP_STATUS_INDICATOR (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->accessible_name, g_free);

  G_OBJECT_CLASS (mp_status_indicator_parent_class)->finalize (object);
}

static void
mp_status_indicator_class_init (MpStatusIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_status_indicator_dispose;
  object_class->finalize = mp_status_indicator_finalize;
  object_class->get_property = mp_status_indicator_get_property;
  object_class->set_property = mp_status_indicator_set_property;

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       MP_TYPE_CHECK_STATUS, MP_CHECK_STATUS_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mp-status-indicator");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mailpost/Mailpost/widgets/mp-status-indicator.ui");
  gtk_widget_class_bind_template_child (widget_class, MpStatusIndicator, icon);
  gtk_widget_class_bind_template_child (widget_class, MpStatusIndicator, name_label);
  gtk_widget_class_bind_template_child (widget_class, MpStatusIndicator, word_label);
}

static void
mp_status_indicator_init (MpStatusIndicator *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);
  gtk_widget_set_visible (GTK_WIDGET (self->name_label), FALSE);
  self->status = MP_CHECK_STATUS_UNKNOWN;
  update (self);
}
