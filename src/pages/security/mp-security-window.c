/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-security-window.h"

/* The number fields of the form, in MpPolicyField order. */
typedef struct
{
  AdwActionRow  *row;
  GtkSpinButton *spin;
  char          *explanation;   /* the row's subtitle while the value is valid */
} NumberRow;

struct _MpSecurityWindow
{
  AdwWindow       parent_instance;

  /* Template widgets */
  GtkStack       *stack;
  AdwStatusPage  *failed_page;
  GtkSpinner     *spinner;
  GtkLabel       *error_label;
  GtkSwitch      *complexity_switch;
  GtkSwitch      *check_spf_switch;
  GtkSwitch      *check_dkim_switch;
  GtkSwitch      *tag_spam_switch;
  GtkSwitch      *tag_virus_switch;
  GtkSwitch      *put_in_junk_switch;
  GtkSwitch      *delete_spam_switch;
  GtkSwitch      *delete_virus_switch;
  AdwActionRow   *put_in_junk_row;

  NumberRow       numbers[MP_POLICY_N_FIELDS];
  char           *junk_explanation;

  MpSession      *session;
  GCancellable   *cancellable;
  MpServicePolicy original;
  gboolean        loaded;
  gboolean        saving;
  /* Filling the form from the provider's values must not count as the user's edits. */
  gboolean        filling;
};

G_DEFINE_FINAL_TYPE (MpSecurityWindow, mp_security_window, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64 *
policy_number (MpServicePolicy *policy,
               MpPolicyField    field)
{
  switch (field)
    {
    case MP_POLICY_FIELD_MIN_PASSWORD_LENGTH:
      return &policy->min_password_length;
    case MP_POLICY_FIELD_MIN_PASSWORD_AGE:
      return &policy->min_password_age;
    case MP_POLICY_FIELD_MAX_PASSWORD_AGE:
      return &policy->max_password_age;
    case MP_POLICY_FIELD_LOCKOUT_THRESHOLD:
      return &policy->lockout_threshold;
    case MP_POLICY_FIELD_LOCKOUT_OBSERVATION_WINDOW:
      return &policy->lockout_observation_window;
    case MP_POLICY_FIELD_LOCKOUT_DURATION:
      return &policy->lockout_duration;
    case MP_POLICY_FIELD_MAX_SEND_SIZE:
      return &policy->max_send_size;
    case MP_POLICY_FIELD_MAX_RECEIVE_SIZE:
      return &policy->max_receive_size;
    case MP_POLICY_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

void
mp_security_window_get_policy (MpSecurityWindow *self,
                               MpServicePolicy  *policy)
{
  g_return_if_fail (MP_IS_SECURITY_WINDOW (self));
  g_return_if_fail (policy != NULL);

  /* Fields the form does not show keep the provider's values. */
  *policy = self->original;
  policy->complexity_enabled = gtk_switch_get_active (self->complexity_switch);
  for (guint i = 0; i < MP_POLICY_N_FIELDS; i++)
    *policy_number (policy, i) = gtk_spin_button_get_value_as_int (self->numbers[i].spin);

  policy->spam.check_spf = gtk_switch_get_active (self->check_spf_switch);
  policy->spam.check_dkim = gtk_switch_get_active (self->check_dkim_switch);
  policy->spam.tag_spam = gtk_switch_get_active (self->tag_spam_switch);
  policy->spam.tag_virus = gtk_switch_get_active (self->tag_virus_switch);
  policy->spam.put_in_junk = gtk_switch_get_active (self->put_in_junk_switch);
  policy->spam.delete_spam = gtk_switch_get_active (self->delete_spam_switch);
  policy->spam.delete_virus = gtk_switch_get_active (self->delete_virus_switch);
}

static void
fill_form (MpSecurityWindow      *self,
           const MpServicePolicy *policy)
{
  MpServicePolicy copy = *policy;

  self->filling = TRUE;
  gtk_switch_set_active (self->complexity_switch, policy->complexity_enabled);
  for (guint i = 0; i < MP_POLICY_N_FIELDS; i++)
    gtk_spin_button_set_value (self->numbers[i].spin, (double) *policy_number (&copy, i));

  gtk_switch_set_active (self->check_spf_switch, policy->spam.check_spf);
  gtk_switch_set_active (self->check_dkim_switch, policy->spam.check_dkim);
  gtk_switch_set_active (self->tag_spam_switch, policy->spam.tag_spam);
  gtk_switch_set_active (self->tag_virus_switch, policy->spam.tag_virus);
  gtk_switch_set_active (self->put_in_junk_switch, policy->spam.put_in_junk);
  gtk_switch_set_active (self->delete_spam_switch, policy->spam.delete_spam);
  gtk_switch_set_active (self->delete_virus_switch, policy->spam.delete_virus);
  self->filling = FALSE;
}

static gboolean
policies_equal (const MpServicePolicy *a,
                const MpServicePolicy *b)
{
  g_autoptr(JsonNode) changes = mp_session_build_policy_changes (a, b);

  return changes == NULL;
}

/* Shows each refused value's reason in place of its explanation, and the lockout minutes
 * only as what they are: unused without a threshold. */
static gboolean
update_reasons (MpSecurityWindow      *self,
                const MpServicePolicy *policy)
{
  gboolean valid = TRUE;

  for (guint i = 0; i < MP_POLICY_N_FIELDS; i++)
    {
      NumberRow *number = &self->numbers[i];
      g_autofree char *reason = mp_policy_rules_check_field (policy, i);

      adw_action_row_set_subtitle (number->row, reason != NULL ? reason : number->explanation);
      if (reason != NULL)
        {
          gtk_widget_add_css_class (GTK_WIDGET (number->row), "error");
          valid = FALSE;
        }
      else
        gtk_widget_remove_css_class (GTK_WIDGET (number->row), "error");
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->numbers[MP_POLICY_FIELD_LOCKOUT_OBSERVATION_WINDOW].row),
                            mp_policy_rules_uses_lockout (policy));
  gtk_widget_set_sensitive (GTK_WIDGET (self->numbers[MP_POLICY_FIELD_LOCKOUT_DURATION].row),
                            mp_policy_rules_uses_lockout (policy));

  gtk_widget_set_sensitive (GTK_WIDGET (self->put_in_junk_row),
                            mp_policy_rules_junk_matters (&policy->spam));
  adw_action_row_set_subtitle (self->put_in_junk_row,
                               mp_policy_rules_junk_matters (&policy->spam)
                               ? self->junk_explanation
                               : _("Spam and viruses are both deleted, so nothing is left to move to the Junk folder."));
  return valid;
}

static void
update_form (MpSecurityWindow *self)
{
  MpServicePolicy policy;
  gboolean valid;

  if (!self->loaded)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "security.save", FALSE);
      return;
    }

  mp_security_window_get_policy (self, &policy);
  valid = update_reasons (self, &policy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "security.save",
                                 valid && !self->saving && !policies_equal (&self->original, &policy));
}

static void
on_value_changed (MpSecurityWindow *self)
{
  if (self->filling)
    return;
  update_form (self);
}

static void
show_error (MpSecurityWindow *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
set_saving (MpSecurityWindow *self,
            gboolean          saving)
{
  self->saving = saving;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), saving);
  gtk_spinner_set_spinning (self->spinner, saving);
  /* The values stay on screen, untouched, while the provider answers. */
  gtk_widget_set_sensitive (gtk_stack_get_visible_child (self->stack), !saving);
  update_form (self);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(MpSecurityWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  MpServicePolicy policy;

  if (!mp_session_load_policy_finish (MP_SESSION (object), result, &policy, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      adw_status_page_set_description (self->failed_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "failed");
      return;
    }

  self->original = policy;
  fill_form (self, &policy);
  self->loaded = TRUE;
  gtk_stack_set_visible_child_name (self->stack, "form");
  update_form (self);
}

static void
reload (MpSecurityWindow *self)
{
  gtk_stack_set_visible_child_name (self->stack, "loading");
  mp_session_load_policy_async (self->session, self->cancellable, load_cb, g_object_ref (self));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  reload (MP_SECURITY_WINDOW (widget));
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(MpSecurityWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mp_session_set_policy_finish (MP_SESSION (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_saving (self, FALSE);
      show_error (self, error->message);
      return;
    }

  set_saving (self, FALSE);
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MpSecurityWindow *self = MP_SECURITY_WINDOW (widget);
  MpServicePolicy policy;

  mp_security_window_get_policy (self, &policy);
  show_error (self, NULL);
  set_saving (self, TRUE);
  mp_session_set_policy_async (self->session, &self->original, &policy, self->cancellable,
                               save_cb, g_object_ref (self));
}

static gboolean
mp_security_window_close_request (GtkWindow *window)
{
  MpSecurityWindow *self = MP_SECURITY_WINDOW (window);

  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (mp_security_window_parent_class)->close_request (window);
}

static void
mp_security_window_dispose (GObject *object)
{
  MpSecurityWindow *self = MP_SECURITY_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);

  gtk_widget_dispose_template (GTK_WIDGET (object), MP_TYPE_SECURITY_WINDOW);

  G_OBJECT_CLASS (mp_security_window_parent_class)->dispose (object);
}

static void
mp_security_window_finalize (GObject *object)
{
  MpSecurityWindow *self = MP_SECURITY_WINDOW (object);

  for (guint i = 0; i < MP_POLICY_N_FIELDS; i++)
    g_free (self->numbers[i].explanation);
  g_free (self->junk_explanation);

  G_OBJECT_CLASS (mp_security_window_parent_class)->finalize (object);
}

/* Template children that belong to the number rows, bound by name in MpPolicyField order. */
static const char * const number_ids[MP_POLICY_N_FIELDS] = {
  "min_length", "min_age", "max_age", "threshold", "window", "duration", "send_size", "receive_size",
};

static void
mp_security_window_class_init (MpSecurityWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mp_security_window_dispose;
  object_class->finalize = mp_security_window_finalize;
  window_class->close_request = mp_security_window_close_request;

  /**
   * MpSecurityWindow::saved:
   *
   * The provider has stored the change; the session's service already shows it.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mailpost/Mailpost/pages/security/mp-security-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MpSecurityWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, MpSecurityWindow, failed_page);
  gtk_widget_class_bind_template_child (widget_class, MpSecurityWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, MpSecurityWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, MpSecurityWindow, complexity_switch);
  gtk_widget_class_bind_template_child (widget_class, MpSecurityWindow, check_spf_switch);
  gtk_widget_class_bind_template_child (widget_class, MpSecurityWindow, check_dkim_switch);
  gtk_widget_class_bind_template_child (widget_class, MpSecurityWindow, tag_spam_switch);
  gtk_widget_class_bind_template_child (widget_class, MpSecurityWindow, tag_virus_switch);
  gtk_widget_class_bind_template_child (widget_class, MpSecurityWindow, put_in_junk_switch);
  gtk_widget_class_bind_template_child (widget_class, MpSecurityWindow, delete_spam_switch);
  gtk_widget_class_bind_template_child (widget_class, MpSecurityWindow, delete_virus_switch);
  gtk_widget_class_bind_template_child (widget_class, MpSecurityWindow, put_in_junk_row);
  for (guint i = 0; i < MP_POLICY_N_FIELDS; i++)
    {
      g_autofree char *row_id = g_strconcat (number_ids[i], "_row", NULL);
      g_autofree char *spin_id = g_strconcat (number_ids[i], "_spin", NULL);

      /* Registered by name only, so that init can fetch them into the numbers array. */
      gtk_widget_class_bind_template_child_full (widget_class, row_id, FALSE, 0);
      gtk_widget_class_bind_template_child_full (widget_class, spin_id, FALSE, 0);
    }
  gtk_widget_class_bind_template_child_full (widget_class, "save_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_value_changed);

  gtk_widget_class_install_action (widget_class, "security.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "security.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "security.save", NULL);
}

static void
mp_security_window_init (MpSecurityWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  for (guint i = 0; i < MP_POLICY_N_FIELDS; i++)
    {
      g_autofree char *row_id = g_strconcat (number_ids[i], "_row", NULL);
      g_autofree char *spin_id = g_strconcat (number_ids[i], "_spin", NULL);
      NumberRow *number = &self->numbers[i];

      number->row = ADW_ACTION_ROW (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                  MP_TYPE_SECURITY_WINDOW, row_id));
      number->spin = GTK_SPIN_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                    MP_TYPE_SECURITY_WINDOW, spin_id));
      number->explanation = g_strdup (adw_action_row_get_subtitle (number->row));
    }
  self->junk_explanation = g_strdup (adw_action_row_get_subtitle (self->put_in_junk_row));
  update_form (self);
}

MpSecurityWindow *
mp_security_window_new (GtkWindow *parent,
                        MpSession *session)
{
  MpSecurityWindow *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MP_IS_SESSION (session), NULL);

  self = g_object_new (MP_TYPE_SECURITY_WINDOW, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  reload (self);
  return self;
}

gboolean
mp_security_window_get_loaded (MpSecurityWindow *self)
{
  g_return_val_if_fail (MP_IS_SECURITY_WINDOW (self), FALSE);

  return self->loaded;
}
