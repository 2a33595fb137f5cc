/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-add-domain-window.c: the wizard's steps, review and confirmation. */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-add-domain-window-private.h"
#include "mp-domain-row.h"
#include "mp-window.h"

G_DEFINE_FINAL_TYPE (MpAddDomainWindow, mp_add_domain_window, ADW_TYPE_WINDOW)

enum {
  DOMAIN_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
zone_in_account (MpAddDomainWindow *self)
{
  return self->chosen != NULL && mp_account_domain_get_zone_in_account (self->chosen);
}

static MpDomainType
chosen_type (MpAddDomainWindow *self)
{
  return mp_domain_mode_group_get_authoritative (self->mode_group)
         ? MP_DOMAIN_TYPE_AUTHORITATIVE : MP_DOMAIN_TYPE_NON_AUTHORITATIVE;
}

/* The steps this choice goes through: the options only where the provider can apply them. */
static GPtrArray *
list_steps (MpAddDomainWindow *self)
{
  GPtrArray *steps = g_ptr_array_new ();

  g_ptr_array_add (steps, (gpointer) "domain");
  g_ptr_array_add (steps, (gpointer) "mode");
  if (zone_in_account (self))
    g_ptr_array_add (steps, (gpointer) "options");
  g_ptr_array_add (steps, (gpointer) "review");

  return steps;
}

static guint
current_step_index (MpAddDomainWindow *self,
                    GPtrArray         *steps)
{
  const char *current = gtk_stack_get_visible_child_name (self->steps);

  for (guint i = 0; i < steps->len; i++)
    if (g_strcmp0 (g_ptr_array_index (steps, i), current) == 0)
      return i;

  return 0;
}

static gboolean
step_is_complete (MpAddDomainWindow *self,
                  const char        *step)
{
  if (g_str_equal (step, "domain"))
    return _mp_add_domain_window_get_choice (self, NULL, NULL, NULL);
  if (g_str_equal (step, "mode"))
    return mp_domain_mode_group_get_valid (self->mode_group);

  return TRUE;
}

static gboolean
all_complete (MpAddDomainWindow *self)
{
  return step_is_complete (self, "domain") && step_is_complete (self, "mode");
}

static void
set_review_option (AdwActionRow   *row,
                   GtkCheckButton *check,
                   const char     *when_ticked)
{
  adw_action_row_set_subtitle (row, gtk_check_button_get_active (check)
                                    ? when_ticked : _("Not set up by the provider."));
}

static void
update_review (MpAddDomainWindow *self)
{
  g_autofree char *ascii_name = NULL;
  g_autofree char *unicode_name = NULL;
  g_autofree char *relay = NULL;
  g_autofree char *mode = NULL;
  gboolean options = zone_in_account (self);

  if (!_mp_add_domain_window_get_choice (self, &ascii_name, &unicode_name, NULL))
    return;

  adw_action_row_set_subtitle (self->review_name_row, unicode_name);
  adw_action_row_set_subtitle (self->review_ascii_row, ascii_name);
  gtk_widget_set_visible (GTK_WIDGET (self->review_ascii_row), g_strcmp0 (ascii_name, unicode_name) != 0);

  relay = mp_domain_mode_group_dup_ascii_relay (self->mode_group);
  mode = mp_domain_describe_mode (chosen_type (self), relay);
  adw_action_row_set_subtitle (self->review_mode_row, mode);

  gtk_widget_set_visible (GTK_WIDGET (self->review_setup_row), !options);
  adw_action_row_set_subtitle (self->review_setup_row,
                               _("You add them to the domain's DNS zone yourself. Mailpost shows which ones once the domain is added."));
  gtk_widget_set_visible (GTK_WIDGET (self->review_mx_row), options);
  gtk_widget_set_visible (GTK_WIDGET (self->review_srv_row), options);
  gtk_widget_set_visible (GTK_WIDGET (self->review_spf_row), options);
  gtk_widget_set_visible (GTK_WIDGET (self->review_dkim_row), options);
  set_review_option (self->review_mx_row, self->mx_check, _("The provider sets it up."));
  set_review_option (self->review_srv_row, self->srv_check, _("The provider sets it up."));
  set_review_option (self->review_spf_row, self->spf_check, _("The provider sets it up."));
  set_review_option (self->review_dkim_row, self->dkim_check,
                     _("The provider sets it up and switches it on."));

  /* The way out of "authoritative elsewhere" is only offered while it is not taken. */
  gtk_widget_set_visible (self->non_authoritative_button,
                          gtk_widget_get_visible (self->refusal_hint)
                          && chosen_type (self) == MP_DOMAIN_TYPE_AUTHORITATIVE);
}

void
_mp_add_domain_window_update (MpAddDomainWindow *self)
{
  g_autoptr(GPtrArray) steps = list_steps (self);
  guint index = current_step_index (self, steps);
  const char *step = g_ptr_array_index (steps, index);
  gboolean last = index == steps->len - 1;
  g_autofree char *subtitle = NULL;

  /* Translators: the wizard's progress, e.g. "Step 2 of 4" */
  subtitle = g_strdup_printf (_("Step %u of %u"), index + 1, steps->len);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  gtk_widget_set_visible (self->cancel_button, index == 0);
  gtk_widget_set_visible (self->back_button, index > 0);
  gtk_widget_set_visible (self->next_button, !last);
  gtk_widget_set_visible (self->confirm_button, last);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back", index > 0 && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next",
                                 !last && !self->busy && step_is_complete (self, step));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.confirm",
                                 last && !self->busy && all_complete (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.use-non-authoritative", !self->busy);

  gtk_widget_set_visible (GTK_WIDGET (self->mx_warning), gtk_check_button_get_active (self->mx_check));
  if (last)
    update_review (self);
}

static void
on_step_changed (MpAddDomainWindow *self)
{
  _mp_add_domain_window_update (self);
}

static void
on_mode_group_changed (MpAddDomainWindow *self)
{
  _mp_add_domain_window_update (self);
}

static void
on_option_toggled (MpAddDomainWindow *self)
{
  _mp_add_domain_window_update (self);
}

/* As the guide says: a domain the account does not manage is non-authoritative unless the
 * user says otherwise; one of the account's starts authoritative. */
static void
preset_mode (MpAddDomainWindow *self)
{
  g_autofree char *ascii_name = NULL;
  gboolean external = self->chosen == NULL;

  if (!_mp_add_domain_window_get_choice (self, &ascii_name, NULL, NULL)
      || g_strcmp0 (ascii_name, self->preset_for) == 0)
    return;

  g_free (self->preset_for);
  self->preset_for = g_steal_pointer (&ascii_name);
  mp_domain_mode_group_set_authoritative (self->mode_group, !external);
  gtk_widget_set_visible (GTK_WIDGET (self->external_note), external);
  /* A refusal was about the previous domain. */
  gtk_widget_set_visible (self->refusal_box, FALSE);
  gtk_widget_set_visible (self->refusal_hint, FALSE);
}

static void
focus_step (MpAddDomainWindow *self,
            const char        *step)
{
  if (g_str_equal (step, "domain"))
    {
      if (gtk_check_button_get_active (self->other_check))
        gtk_widget_grab_focus (GTK_WIDGET (self->other_row));
    }
  else if (g_str_equal (step, "mode"))
    {
      if (!mp_domain_mode_group_get_authoritative (self->mode_group))
        mp_domain_mode_group_focus_relay (self->mode_group);
    }
  else if (g_str_equal (step, "review"))
    {
      gtk_widget_grab_focus (self->confirm_button);
    }
}

static void
show_step (MpAddDomainWindow *self,
           const char        *step)
{
  gtk_stack_set_visible_child_name (self->steps, step);
  _mp_add_domain_window_update (self);
  focus_step (self, step);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MpAddDomainWindow *self = MP_ADD_DOMAIN_WINDOW (widget);
  g_autoptr(GPtrArray) steps = list_steps (self);
  guint index = current_step_index (self, steps);

  if (self->busy || index + 1 >= steps->len
      || !step_is_complete (self, g_ptr_array_index (steps, index)))
    return;

  if (index == 0)
    preset_mode (self);
  show_step (self, g_ptr_array_index (steps, index + 1));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MpAddDomainWindow *self = MP_ADD_DOMAIN_WINDOW (widget);
  g_autoptr(GPtrArray) steps = list_steps (self);
  guint index = current_step_index (self, steps);

  if (!self->busy && index > 0)
    show_step (self, g_ptr_array_index (steps, index - 1));
}

static void
set_busy (MpAddDomainWindow *self,
          gboolean           busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->steps), !busy);
  _mp_add_domain_window_update (self);
}

static void
show_refusal (MpAddDomainWindow *self,
              const GError      *error)
{
  gboolean elsewhere = g_error_matches (error, MP_DOMAIN_ERROR, MP_DOMAIN_ERROR_AUTHORITATIVE_ELSEWHERE);

  if (elsewhere)
    gtk_label_set_text (self->refusal_title, _("Another e-mail service already claims this domain."));
  else
    gtk_label_set_text (self->refusal_title, _("The domain was not added."));
  gtk_label_set_text (self->refusal_label, error->message);
  gtk_widget_set_visible (self->refusal_hint, elsewhere);
  gtk_widget_set_visible (self->refusal_box, TRUE);

  gtk_stack_set_visible_child_name (self->steps, "review");
  _mp_add_domain_window_update (self);
}

static void
add_domain_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(MpAddDomainWindow) self = user_data;
  g_autoptr(MpTask) task = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;

  task = mp_session_add_domain_finish (MP_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (error != NULL)
    {
      /* A revoked key is the main window's business too (its banner). */
      parent = gtk_window_get_transient_for (GTK_WINDOW (self));
      if (MP_IS_WINDOW (parent) && error->domain != MP_DOMAIN_ERROR)
        mp_window_report_error (MP_WINDOW (parent), error);
      show_refusal (self, error);
      return;
    }

  g_signal_emit (self, signals[DOMAIN_ADDED], 0, task, self->submitted_name);
  self->discard_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MpAddDomainWindow *self = MP_ADD_DOMAIN_WINDOW (widget);
  g_autoptr(MpDomainAddOptions) options = NULL;
  g_autofree char *ascii_name = NULL;

  if (self->busy || !all_complete (self)
      || !_mp_add_domain_window_get_choice (self, &ascii_name, NULL, NULL))
    return;

  options = mp_domain_add_options_new (ascii_name, chosen_type (self));
  options->mx_relay = mp_domain_mode_group_dup_ascii_relay (self->mode_group);
  if (zone_in_account (self))
    {
      options->configure_mx = gtk_check_button_get_active (self->mx_check);
      options->configure_autodiscover = gtk_check_button_get_active (self->srv_check);
      options->configure_spf = gtk_check_button_get_active (self->spf_check);
      options->configure_dkim = gtk_check_button_get_active (self->dkim_check);
      options->auto_enable_dkim = options->configure_dkim;
    }

  g_free (self->submitted_name);
  self->submitted_name = g_strdup (ascii_name);
  set_busy (self, TRUE);
  mp_session_add_domain_async (self->session, options, self->cancellable,
                               add_domain_cb, g_object_ref (self));
}

/* The guide's way out of "authoritative domain detected". */
static void
use_non_authoritative_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  MpAddDomainWindow *self = MP_ADD_DOMAIN_WINDOW (widget);

  mp_domain_mode_group_set_authoritative (self->mode_group, FALSE);
  if (mp_domain_mode_group_get_valid (self->mode_group))
    gtk_widget_activate_action (widget, "wizard.confirm", NULL);
  else
    show_step (self, "mode");
}

static void
on_discard_response (AdwMessageDialog  *dialog,
                     const char        *response,
                     MpAddDomainWindow *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  /* GTK would leave the closing dialog pointing at this window once it is gone. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  self->discard_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
mp_add_domain_window_close_request (GtkWindow *window)
{
  MpAddDomainWindow *self = MP_ADD_DOMAIN_WINDOW (window);
  GtkWidget *dialog;

  /* The provider is answering: closing now would leave its answer unseen. */
  if (self->busy)
    return TRUE;

  if (self->discard_confirmed || !_mp_add_domain_window_has_input (self))
    return GTK_WINDOW_CLASS (mp_add_domain_window_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _("Discard the New Domain?"),
                                   _("What you chose and typed here will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* Enter goes on wherever the step is complete, also from a text field or a choice row (which
 * it picks first); a focused button and the tick boxes of the options keep their own meaning. */
static gboolean
on_key_pressed (MpAddDomainWindow     *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GtkWidget *focus;
  GtkWidget *row;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return GDK_EVENT_PROPAGATE;
  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return GDK_EVENT_PROPAGATE;

  focus = gtk_root_get_focus (GTK_ROOT (self));
  row = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
  if (focus != NULL && GTK_IS_BUTTON (focus) && !GTK_IS_CHECK_BUTTON (focus) && row == NULL)
    return GDK_EVENT_PROPAGATE;
  /* The search has its own Enter: it picks the first match, then goes on. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->account_search)))
    return GDK_EVENT_PROPAGATE;

  if (row != NULL && ADW_IS_ACTION_ROW (row))
    {
      GtkWidget *choice = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));

      if (g_strcmp0 (gtk_stack_get_visible_child_name (self->steps), "options") == 0)
        return GDK_EVENT_PROPAGATE;
      if (GTK_IS_CHECK_BUTTON (choice) && gtk_widget_is_sensitive (choice))
        gtk_check_button_set_active (GTK_CHECK_BUTTON (choice), TRUE);
    }

  if (gtk_widget_get_visible (self->confirm_button))
    gtk_widget_activate_action (GTK_WIDGET (self), "wizard.confirm", NULL);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "wizard.next", NULL);

  return GDK_EVENT_STOP;
}

static void
mp_add_domain_window_dispose (GObject *object)
{
  MpAddDomainWindow *self = MP_ADD_DOMAIN_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_ADD_DOMAIN_WINDOW);

  g_clear_object (&self->chosen);
  g_clear_object (&self->account_domains);
  g_clear_object (&self->account_filtered);
  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->preset_for, g_free);
  g_clear_pointer (&self->submitted_name, g_free);

  G_OBJECT_CLASS (mp_add_domain_window_parent_class)->dispose (object);
}

static void
mp_add_domain_window_class_init (MpAddDomainWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mp_add_domain_window_dispose;
  window_class->close_request = mp_add_domain_window_close_request;

  signals[DOMAIN_ADDED] =
    g_signal_new ("domain-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, MP_TYPE_TASK, G_TYPE_STRING);

  g_type_ensure (MP_TYPE_DOMAIN_MODE_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mailpost/Mailpost/pages/domains/mp-add-domain-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, next_button);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, steps);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, account_search);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, account_stack);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, account_list);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, account_message);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, other_row);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, other_check);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, other_forms_label);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, other_error);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, external_note);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, mode_group);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, mx_check);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, srv_check);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, spf_check);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, dkim_check);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, mx_warning);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, refusal_box);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, refusal_title);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, refusal_label);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, refusal_hint);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, non_authoritative_button);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, review_name_row);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, review_ascii_row);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, review_mode_row);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, review_setup_row);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, review_mx_row);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, review_srv_row);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, review_spf_row);
  gtk_widget_class_bind_template_child (widget_class, MpAddDomainWindow, review_dkim_row);
  gtk_widget_class_bind_template_callback (widget_class, on_step_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_group_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_option_toggled);

  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "wizard.confirm", NULL, confirm_action);
  gtk_widget_class_install_action (widget_class, "wizard.use-non-authoritative", NULL,
                                   use_non_authoritative_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mp_add_domain_window_init (MpAddDomainWindow *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  _mp_add_domain_window_init_choice (self);
}

MpAddDomainWindow *
mp_add_domain_window_new (GtkWindow *parent,
                          MpSession *session)
{
  MpAddDomainWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MP_IS_SESSION (session), NULL);

  self = g_object_new (MP_TYPE_ADD_DOMAIN_WINDOW, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  mp_domain_mode_group_set_session (self->mode_group, session);
  _mp_add_domain_window_load_choice (self);
  _mp_add_domain_window_update (self);

  return self;
}
