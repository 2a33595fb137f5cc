/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-setup-checklist-group.h"

typedef struct
{
  const char *title;
  const char *button;    /* NULL: nothing to open */
  const char *tooltip;
  const char *action;
} StepInfo;

static const StepInfo steps[MP_SETUP_N_STEPS] = {
  { N_("1. Sign in to your service"), NULL, NULL, NULL },
  { N_("2. Add your domain"), N_("Add Domain"), N_("Open the Domains page"), "win.show-domains" },
  { N_("3. Set up your domain’s DNS"), N_("Check DNS"), N_("Open the Diagnosis page"), "win.show-diagnosis" },
  { N_("4. Set up the accounts"), N_("Accounts"), N_("Open the Accounts page"), "win.show-accounts" },
  { N_("5. Use the addresses"), N_("Mail Client"), N_("Set up a mail client"), "overview.set-up-client" },
};

struct _MpSetupChecklistGroup
{
  AdwBin            parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *group;

  AdwActionRow     *rows[MP_SETUP_N_STEPS];
  GtkImage         *icons[MP_SETUP_N_STEPS];
  GtkLabel         *words[MP_SETUP_N_STEPS];
  GtkButton        *buttons[MP_SETUP_N_STEPS];

  MpSetupChecklist *checklist;
};

G_DEFINE_FINAL_TYPE (MpSetupChecklistGroup, mp_setup_checklist_group, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CHECKLIST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* An empty circle to fill, a tick when done; libadwaita's colours repeat what the word says. */
static void
describe_state (MpSetupState   state,
                const char   **icon_name,
                const char   **style_class)
{
  switch (state)
    {
    case MP_SETUP_STATE_DONE:
      *icon_name = "emblem-ok-symbolic";
      *style_class = "success";
      break;
    case MP_SETUP_STATE_CHECKING:
      *icon_name = "emblem-synchronizing-symbolic";
      *style_class = "accent";
      break;
    case MP_SETUP_STATE_TO_DO:
    default:
      *icon_name = "radio-symbolic";
      *style_class = "dim-label";
      break;
    }
}

static void
update_step (MpSetupChecklistGroup *self,
             MpSetupStep            step,
             gboolean               current)
{
  MpSetupState state = mp_setup_checklist_get_state (self->checklist, step);
  g_autofree char *detail = mp_setup_checklist_dup_detail (self->checklist, step);
  g_autofree char *accessible = NULL;
  const char *icon_name = NULL;
  const char *style_class = NULL;
  const char *word = mp_setup_state_to_label (state);
  GtkWidget *icon = GTK_WIDGET (self->icons[step]);
  GtkWidget *row = GTK_WIDGET (self->rows[step]);

  describe_state (state, &icon_name, &style_class);
  gtk_image_set_from_icon_name (self->icons[step], icon_name);
  gtk_widget_set_css_classes (icon, (const char *[]) { style_class, NULL });
  gtk_label_set_text (self->words[step], word);
  adw_action_row_set_subtitle (self->rows[step], detail);

  /* Translators: the accessible name of a checklist step, e.g. "2. Add your domain: Done" */
  accessible = g_strdup_printf (_("%s: %s"), _(steps[step].title), word);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  if (current)
    gtk_widget_add_css_class (row, "mp-current-step");
  else
    gtk_widget_remove_css_class (row, "mp-current-step");

  if (self->buttons[step] != NULL)
    {
      GtkWidget *button = GTK_WIDGET (self->buttons[step]);

      gtk_widget_set_visible (button, state != MP_SETUP_STATE_DONE);
      if (current)
        gtk_widget_add_css_class (button, "suggested-action");
      else
        gtk_widget_remove_css_class (button, "suggested-action");
      if (step == MP_SETUP_STEP_DNS)
        {
          const char *focus = mp_setup_checklist_get_dns_focus (self->checklist);

          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", focus ? focus : "");
          gtk_widget_set_sensitive (button, focus != NULL);
        }
    }
}

static void
update (MpSetupChecklistGroup *self)
{
  int current;

  if (self->checklist == NULL)
    return;

  current = mp_setup_checklist_get_current_step (self->checklist);
  for (guint i = 0; i < MP_SETUP_N_STEPS; i++)
    update_step (self, i, (int) i == current);

  adw_preferences_group_set_description (self->group,
                                         current == MP_SETUP_STEP_NONE
                                         ? _("Every step of the provider’s guide is done. Your addresses are ready to use.")
                                         : _("The five steps of the provider’s guide. Mailpost checks each one for you."));
}

MpSetupChecklist *
mp_setup_checklist_group_get_checklist (MpSetupChecklistGroup *self)
{
  g_return_val_if_fail (MP_IS_SETUP_CHECKLIST_GROUP (self), NULL);

  return self->checklist;
}

void
mp_setup_checklist_group_set_checklist (MpSetupChecklistGroup *self,
                                        MpSetupChecklist      *checklist)
{
  g_return_if_fail (MP_IS_SETUP_CHECKLIST_GROUP (self));
  g_return_if_fail (checklist == NULL || MP_IS_SETUP_CHECKLIST (checklist));

  if (self->checklist == checklist)
    return;

  if (self->checklist != NULL)
    g_signal_handlers_disconnect_by_data (self->checklist, self);
  g_set_object (&self->checklist, checklist);
  if (checklist != NULL)
    {
      g_signal_connect_object (checklist, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (checklist, "notify::current-step", G_CALLBACK (update), self,
                               G_CONNECT_SWAPPED);
      update (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKLIST]);
}

AdwActionRow *
mp_setup_checklist_group_get_row (MpSetupChecklistGroup *self,
                                  MpSetupStep            step)
{
  g_return_val_if_fail (MP_IS_SETUP_CHECKLIST_GROUP (self), NULL);
  g_return_val_if_fail (step < MP_SETUP_N_STEPS, NULL);

  return self->rows[step];
}

GtkButton *
mp_setup_checklist_group_get_button (MpSetupChecklistGroup *self,
                                     MpSetupStep            step)
{
  g_return_val_if_fail (MP_IS_SETUP_CHECKLIST_GROUP (self), NULL);
  g_return_val_if_fail (step < MP_SETUP_N_STEPS, NULL);

  return self->buttons[step];
}

static void
mp_setup_checklist_group_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  MpSetupChecklistGroup *self = MP_SETUP_CHECKLIST_GROUP (object);

  switch (prop_id)
    {
    case PROP_CHECKLIST:
      g_value_set_object (value, self->checklist);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_setup_checklist_group_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  MpSetupChecklistGroup *self = MP_SETUP_CHECKLIST_GROUP (object);

  switch (prop_id)
    {
    case PROP_CHECKLIST:
      mp_setup_checklist_group_set_checklist (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_setup_checklist_group_dispose (GObject *object)
{
  MpSetupChecklistGroup *self = MP_SETUP_CHECKLIST_GROUP (object);

  if (self->checklist != NULL)
    g_signal_handlers_disconnect_by_data (self->checklist, self);
  g_clear_object (&self->checklist);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_SETUP_CHECKLIST_GROUP);

  G_OBJECT_CLASS (mp_setup_checklist_group_parent_class)->dispose (object);
}

static void
mp_setup_checklist_group_class_init (MpSetupChecklistGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_setup_checklist_group_dispose;
  object_class->get_property = mp_setup_checklist_group_get_property;
  object_class->set_property = mp_setup_checklist_group_set_property;

  properties[PROP_CHECKLIST] =
    g_param_spec_object ("checklist", NULL, NULL,
                         MP_TYPE_SETUP_CHECKLIST,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mailpost/Mailpost/pages/overview/mp-setup-checklist-group.ui");
  gtk_widget_class_bind_template_child (widget_class, MpSetupChecklistGroup, group);
}

static void
mp_setup_checklist_group_init (MpSetupChecklistGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < MP_SETUP_N_STEPS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new ();
      GtkWidget *word = gtk_label_new (NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(steps[i].title));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_add_css_class (word, "caption");
      gtk_widget_add_css_class (word, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), word);

      if (steps[i].button != NULL)
        {
          GtkWidget *button = gtk_button_new_with_label (_(steps[i].button));

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (button, _(steps[i].tooltip));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), steps[i].action);
          /* win.show-diagnosis takes the domain to open. */
          if (i == MP_SETUP_STEP_DNS)
            gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", "");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
          self->buttons[i] = GTK_BUTTON (button);
        }

      adw_preferences_group_add (self->group, row);
      self->rows[i] = ADW_ACTION_ROW (row);
      self->icons[i] = GTK_IMAGE (icon);
      self->words[i] = GTK_LABEL (word);
    }
}
