/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-domain-row.h"

struct _MpDomainRow
{
  AdwActionRow  parent_instance;

  /* Template widgets */
  GtkSpinner   *spinner;
  GtkLabel     *accounts_label;
  GtkMenuButton *menu_button;
  GtkPopover   *popover;
  GtkWidget    *change_mode_button;
  GtkWidget    *remove_button;
  GtkLabel     *blocker_label;

  MpDomain     *domain;
  MpDomainType  pending_type;
};

G_DEFINE_FINAL_TYPE (MpDomainRow, mp_domain_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_DOMAIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

char *
mp_domain_describe_mode (MpDomainType  type,
                         const char   *mx_relay)
{
  if (type == MP_DOMAIN_TYPE_NON_AUTHORITATIVE && mx_relay != NULL && *mx_relay != '\0')
    /* Translators: the mode of a domain; %s is the mail server unknown addresses go to */
    return g_strdup_printf (_("Non-authoritative — unknown addresses go to %s"), mx_relay);

  return g_strdup (mp_domain_type_to_label (type));
}

static char *
describe_pending_mode (MpDomainType type)
{
  if (type == MP_DOMAIN_TYPE_AUTHORITATIVE)
    return g_strdup (_("Changing to authoritative…"));
  return g_strdup (_("Changing to non-authoritative…"));
}

static void
update (MpDomainRow *self)
{
  MpDomain *domain = self->domain;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  g_autofree char *blocker = NULL;
  g_autofree char *accounts = NULL;
  gboolean busy;
  guint account_count;

  busy = mp_domain_get_busy (domain);
  account_count = mp_domain_get_account_count (domain);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), mp_domain_get_unicode_name (domain));

  if (g_strcmp0 (mp_domain_get_name (domain), mp_domain_get_unicode_name (domain)) != 0)
    g_ptr_array_add (lines, g_strdup (mp_domain_get_name (domain)));
  if (busy && self->pending_type != MP_DOMAIN_TYPE_UNKNOWN)
    g_ptr_array_add (lines, describe_pending_mode (self->pending_type));
  else
    g_ptr_array_add (lines, mp_domain_describe_mode (mp_domain_get_domain_type (domain),
                                                     mp_domain_get_mx_relay (domain)));
  if (mp_domain_get_state (domain) != MP_OBJECT_STATE_OK)
    g_ptr_array_add (lines, g_strdup (mp_object_state_to_label (mp_domain_get_state (domain))));
  g_ptr_array_add (lines, NULL);
  subtitle = g_strjoinv ("\n", (char **) lines->pdata);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  /* Translators: how many accounts use a domain, shown next to it */
  accounts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u account", "%u accounts", account_count),
                              account_count);
  gtk_label_set_text (self->accounts_label, accounts);

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);

  if (busy)
    blocker = g_strdup (_("The provider is still carrying out a change on this domain. Wait until it is done."));
  else
    blocker = mp_domain_dup_remove_blocker (domain);

  gtk_widget_set_sensitive (self->change_mode_button, !busy);
  gtk_widget_set_sensitive (self->remove_button, blocker == NULL);
  gtk_label_set_text (self->blocker_label, blocker != NULL ? blocker : "");
  gtk_widget_set_visible (GTK_WIDGET (self->blocker_label), blocker != NULL);
}

static void
activate_on_domain (MpDomainRow *self,
                    const char  *action)
{
  gtk_popover_popdown (self->popover);
  gtk_widget_activate_action (GTK_WIDGET (self), action, "s", mp_domain_get_name (self->domain));
}

/* The domain's row on the Diagnosis page, checked now. */
static void
on_check_dns_clicked (MpDomainRow *self)
{
  activate_on_domain (self, "win.show-diagnosis");
}

static void
on_change_mode_clicked (MpDomainRow *self)
{
  activate_on_domain (self, "domains.change-mode");
}

static void
on_remove_clicked (MpDomainRow *self)
{
  activate_on_domain (self, "domains.remove");
}

MpDomain *
mp_domain_row_get_domain (MpDomainRow *self)
{
  g_return_val_if_fail (MP_IS_DOMAIN_ROW (self), NULL);

  return self->domain;
}

void
mp_domain_row_set_pending_type (MpDomainRow  *self,
                                MpDomainType  type)
{
  g_return_if_fail (MP_IS_DOMAIN_ROW (self));

  if (self->pending_type == type)
    return;

  self->pending_type = type;
  update (self);
}

MpDomainRow *
mp_domain_row_new (MpDomain *domain)
{
  g_return_val_if_fail (MP_IS_DOMAIN (domain), NULL);

  return g_object_new (MP_TYPE_DOMAIN_ROW, "domain", domain, NULL);
}

static void
mp_domain_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MpDomainRow *self = MP_DOMAIN_ROW (object);

  switch (prop_id)
    {
    case PROP_DOMAIN:
      g_value_set_object (value, self->domain);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_domain_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  MpDomainRow *self = MP_DOMAIN_ROW (object);

  switch (prop_id)
    {
    case PROP_DOMAIN:
      /* Construct-only: the row follows the domain's changes in place. */
      self->domain = g_value_dup_object (value);
      g_signal_connect_object (self->domain, "notify", G_CALLBACK (update), self,
                               G_CONNECT_SWAPPED);
      update (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_domain_row_dispose (GObject *object)
{
  MpDomainRow *self = MP_DOMAIN_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_DOMAIN_ROW);
  g_clear_object (&self->domain);

  G_OBJECT_CLASS (mp_domain_row_parent_class)->dispose (object);
}

static void
mp_domain_row_class_init (MpDomainRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_domain_row_dispose;
  object_class->get_property = mp_domain_row_get_property;
  object_class->set_property = mp_domain_row_set_property;

  properties[PROP_DOMAIN] =
    g_param_spec_object ("domain", NULL, NULL,
                         MP_TYPE_DOMAIN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mailpost/Mailpost/pages/domains/mp-domain-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MpDomainRow, spinner);
  gtk_widget_class_bind_template_child (widget_class, MpDomainRow, accounts_label);
  gtk_widget_class_bind_template_child (widget_class, MpDomainRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, MpDomainRow, popover);
  gtk_widget_class_bind_template_child (widget_class, MpDomainRow, change_mode_button);
  gtk_widget_class_bind_template_child (widget_class, MpDomainRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, MpDomainRow, blocker_label);
  gtk_widget_class_bind_template_callback (widget_class, on_check_dns_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_change_mode_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

static void
mp_domain_row_init (MpDomainRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
