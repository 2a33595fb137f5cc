/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-domain-mode-group.h"
#include "rules/mp-domain-rules.h"

struct _MpDomainModeGroup
{
  AdwBin          parent_instance;

  /* Template widgets */
  GtkCheckButton *authoritative_check;
  GtkCheckButton *non_authoritative_check;
  GtkWidget      *relay_box;
  AdwEntryRow    *relay_row;
  AdwActionRow   *suggestion_row;
  GtkWidget      *use_suggestion_button;
  GtkLabel       *relay_error;

  char           *service_hostname;
  char           *suggested_relay;
  char           *reason;
  gboolean        valid;
};

G_DEFINE_FINAL_TYPE (MpDomainModeGroup, mp_domain_mode_group, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_AUTHORITATIVE,
  PROP_RELAY,
  PROP_VALID,
  N_PROPS
};

enum {
  CHANGED,
  ACTIVATE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_validity (MpDomainModeGroup *self)
{
  gboolean authoritative = mp_domain_mode_group_get_authoritative (self);
  const char *relay = mp_domain_mode_group_get_relay (self);
  g_autofree char *reason = NULL;
  gboolean valid;

  if (!authoritative)
    reason = mp_domain_rules_check_relay (relay, self->service_hostname, NULL);
  valid = reason == NULL;

  /* An empty field is not wrong yet: it only keeps the dialog from going on. */
  gtk_label_set_text (self->relay_error, reason != NULL ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->relay_error), reason != NULL && *relay != '\0');
  if (reason != NULL && *relay != '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->relay_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->relay_row), "error");

  /* The suggestion is offered while the field does not hold it already. */
  gtk_widget_set_sensitive (self->use_suggestion_button,
                            g_ascii_strcasecmp (relay, self->suggested_relay) != 0);

  g_free (self->reason);
  self->reason = g_steal_pointer (&reason);
  if (valid != self->valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
}

static void
on_mode_toggled (MpDomainModeGroup *self,
                 GtkCheckButton    *check)
{
  /* Both radios toggle on a switch; react once, on the one that became active. */
  if (!gtk_check_button_get_active (check))
    return;

  gtk_widget_set_visible (self->relay_box, !mp_domain_mode_group_get_authoritative (self));
  update_validity (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHORITATIVE]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_relay_changed (MpDomainModeGroup *self)
{
  update_validity (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELAY]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_relay_activated (MpDomainModeGroup *self)
{
  g_signal_emit (self, signals[ACTIVATE], 0);
}

static void
on_use_suggestion (MpDomainModeGroup *self)
{
  mp_domain_mode_group_set_relay (self, self->suggested_relay);
  gtk_widget_grab_focus (GTK_WIDGET (self->relay_row));
}

gboolean
mp_domain_mode_group_get_authoritative (MpDomainModeGroup *self)
{
  g_return_val_if_fail (MP_IS_DOMAIN_MODE_GROUP (self), TRUE);

  return gtk_check_button_get_active (self->authoritative_check);
}

void
mp_domain_mode_group_set_authoritative (MpDomainModeGroup *self,
                                        gboolean           authoritative)
{
  g_return_if_fail (MP_IS_DOMAIN_MODE_GROUP (self));

  gtk_check_button_set_active (authoritative ? self->authoritative_check
                                             : self->non_authoritative_check, TRUE);
}

const char *
mp_domain_mode_group_get_relay (MpDomainModeGroup *self)
{
  g_return_val_if_fail (MP_IS_DOMAIN_MODE_GROUP (self), "");

  return gtk_editable_get_text (GTK_EDITABLE (self->relay_row));
}

void
mp_domain_mode_group_set_relay (MpDomainModeGroup *self,
                                const char        *relay)
{
  g_return_if_fail (MP_IS_DOMAIN_MODE_GROUP (self));

  gtk_editable_set_text (GTK_EDITABLE (self->relay_row), relay != NULL ? relay : "");
}

char *
mp_domain_mode_group_dup_ascii_relay (MpDomainModeGroup *self)
{
  g_autofree char *ascii = NULL;
  g_autofree char *reason = NULL;

  g_return_val_if_fail (MP_IS_DOMAIN_MODE_GROUP (self), NULL);

  if (mp_domain_mode_group_get_authoritative (self))
    return NULL;

  reason = mp_domain_rules_check_relay (mp_domain_mode_group_get_relay (self),
                                        self->service_hostname, &ascii);
  return reason == NULL ? g_steal_pointer (&ascii) : NULL;
}

gboolean
mp_domain_mode_group_get_valid (MpDomainModeGroup *self)
{
  g_return_val_if_fail (MP_IS_DOMAIN_MODE_GROUP (self), FALSE);

  return self->valid;
}

const char *
mp_domain_mode_group_get_reason (MpDomainModeGroup *self)
{
  g_return_val_if_fail (MP_IS_DOMAIN_MODE_GROUP (self), NULL);

  return self->reason;
}

void
mp_domain_mode_group_set_service_hostname (MpDomainModeGroup *self,
                                           const char        *hostname)
{
  g_return_if_fail (MP_IS_DOMAIN_MODE_GROUP (self));

  g_free (self->service_hostname);
  self->service_hostname = g_strdup (hostname);
  update_validity (self);
}

void
mp_domain_mode_group_set_region (MpDomainModeGroup *self,
                                 MpOvhRegion        region)
{
  g_return_if_fail (MP_IS_DOMAIN_MODE_GROUP (self));

  g_free (self->suggested_relay);
  self->suggested_relay = g_strdup (mp_domain_rules_get_provider_relay (region));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->suggestion_row), self->suggested_relay);
  if (region == MP_OVH_REGION_US)
    adw_action_row_set_subtitle (self->suggestion_row,
                                 _("The provider names no mail server of its own for the United States. "
                                   "This is its European one, for addresses hosted with OVHcloud MX Plan or Exchange."));
  else
    adw_action_row_set_subtitle (self->suggestion_row,
                                 _("The provider's mail server, for addresses hosted with OVHcloud MX Plan or Exchange."));
  update_validity (self);
}

void
mp_domain_mode_group_set_session (MpDomainModeGroup *self,
                                  MpSession         *session)
{
  const char *base_url;

  g_return_if_fail (MP_IS_DOMAIN_MODE_GROUP (self));
  g_return_if_fail (MP_IS_SESSION (session));

  base_url = mp_ovh_client_get_base_url (mp_session_get_client (session));
  mp_domain_mode_group_set_region (self, mp_ovh_endpoint_get_region (base_url));
  mp_domain_mode_group_set_service_hostname (self,
                                             mp_service_get_hostname (mp_session_get_service (session)));
}

void
mp_domain_mode_group_focus_relay (MpDomainModeGroup *self)
{
  g_return_if_fail (MP_IS_DOMAIN_MODE_GROUP (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->relay_row));
}

static void
mp_domain_mode_group_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  MpDomainModeGroup *self = MP_DOMAIN_MODE_GROUP (object);

  switch (prop_id)
    {
    case PROP_AUTHORITATIVE:
      g_value_set_boolean (value, mp_domain_mode_group_get_authoritative (self));
      break;

    case PROP_RELAY:
      g_value_set_string (value, mp_domain_mode_group_get_relay (self));
      break;

    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_domain_mode_group_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  MpDomainModeGroup *self = MP_DOMAIN_MODE_GROUP (object);

  switch (prop_id)
    {
    case PROP_AUTHORITATIVE:
      mp_domain_mode_group_set_authoritative (self, g_value_get_boolean (value));
      break;

    case PROP_RELAY:
      mp_domain_mode_group_set_relay (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_domain_mode_group_dispose (GObject *object)
{
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), MP_TYPE_DOMAIN_MODE_GROUP);

  G_OBJECT_CLASS (mp_domain_mode_group_parent_class)->dispose (object);
}

static void
mp_domain_mode_group_finalize (GObject *object)
{
  MpDomainModeGroup *self = MP_DOMAIN_MODE_GROUP (object);

  g_free (self->service_hostname);
  g_free (self->suggested_relay);
  g_free (self->reason);

  G_OBJECT_CLASS (mp_domain_mode_group_parent_class)->finalize (object);
}

static void
mp_domain_mode_group_class_init (MpDomainModeGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_domain_mode_group_dispose;
  object_class->finalize = mp_domain_mode_group_finalize;
  object_class->get_property = mp_domain_mode_group_get_property;
  object_class->set_property = mp_domain_mode_group_set_property;

  properties[PROP_AUTHORITATIVE] =
    g_param_spec_boolean ("authoritative", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RELAY] =
    g_param_spec_string ("relay", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mailpost/Mailpost/pages/domains/mp-domain-mode-group.ui");
  gtk_widget_class_bind_template_child (widget_class, MpDomainModeGroup, authoritative_check);
  gtk_widget_class_bind_template_child (widget_class, MpDomainModeGroup, non_authoritative_check);
  gtk_widget_class_bind_template_child (widget_class, MpDomainModeGroup, relay_box);
  gtk_widget_class_bind_template_child (widget_class, MpDomainModeGroup, relay_row);
  gtk_widget_class_bind_template_child (widget_class, MpDomainModeGroup, suggestion_row);
  gtk_widget_class_bind_template_child (widget_class, MpDomainModeGroup, use_suggestion_button);
  gtk_widget_class_bind_template_child (widget_class, MpDomainModeGroup, relay_error);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_relay_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_relay_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_use_suggestion);
}

static void
mp_domain_mode_group_init (MpDomainModeGroup *self)
{
  self->valid = TRUE;
  self->suggested_relay = g_strdup ("");
  gtk_widget_init_template (GTK_WIDGET (self));
  mp_domain_mode_group_set_region (self, MP_OVH_REGION_EU);
}
