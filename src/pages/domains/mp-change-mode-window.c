/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-change-mode-window.h"
#include "mp-domain-mode-group.h"

struct _MpChangeModeWindow
{
  AdwWindow          parent_instance;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkWidget         *save_button;
  GtkSpinner        *spinner;
  GtkLabel          *error_label;
  MpDomainModeGroup *mode_group;

  MpSession         *session;
  MpDomain          *domain;
  GCancellable      *cancellable;
  gboolean           saving;
};

G_DEFINE_FINAL_TYPE (MpChangeModeWindow, mp_change_mode_window, ADW_TYPE_WINDOW)

enum {
  MODE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static MpDomainType
chosen_type (MpChangeModeWindow *self)
{
  return mp_domain_mode_group_get_authoritative (self->mode_group)
         ? MP_DOMAIN_TYPE_AUTHORITATIVE : MP_DOMAIN_TYPE_NON_AUTHORITATIVE;
}

static gboolean
has_changes (MpChangeModeWindow *self)
{
  g_autofree char *relay = NULL;
  const char *current;

  if (chosen_type (self) != mp_domain_get_domain_type (self->domain))
    return TRUE;
  if (chosen_type (self) == MP_DOMAIN_TYPE_AUTHORITATIVE)
    return FALSE;

  relay = mp_domain_mode_group_dup_ascii_relay (self->mode_group);
  current = mp_domain_get_mx_relay (self->domain);
  return relay != NULL && g_ascii_strcasecmp (relay, current != NULL ? current : "") != 0;
}

static void
update_save (MpChangeModeWindow *self)
{
  gboolean can_save = !self->saving
                      && !mp_domain_get_busy (self->domain)
                      && mp_domain_mode_group_get_valid (self->mode_group)
                      && has_changes (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "change-mode.save", can_save);
}

static void
on_mode_group_changed (MpChangeModeWindow *self)
{
  update_save (self);
}

static void
set_saving (MpChangeModeWindow *self,
            gboolean            saving)
{
  self->saving = saving;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), saving);
  gtk_spinner_set_spinning (self->spinner, saving);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mode_group), !saving);
  update_save (self);
}

static void
set_mode_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(MpChangeModeWindow) self = user_data;
  g_autoptr(MpTask) task = NULL;
  g_autoptr(GError) error = NULL;

  task = mp_session_set_domain_mode_finish (MP_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_saving (self, FALSE);
  if (error != NULL)
    {
      /* The choices stay as they are, to be corrected and saved again. */
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  g_signal_emit (self, signals[MODE_CHANGED], 0, task, chosen_type (self), self->domain);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MpChangeModeWindow *self = MP_CHANGE_MODE_WINDOW (widget);
  g_autofree char *relay = NULL;

  if (self->saving || !mp_domain_mode_group_get_valid (self->mode_group) || !has_changes (self))
    return;

  relay = mp_domain_mode_group_dup_ascii_relay (self->mode_group);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  set_saving (self, TRUE);
  mp_session_set_domain_mode_async (self->session, mp_domain_get_name (self->domain),
                                    chosen_type (self), relay, self->cancellable,
                                    set_mode_cb, g_object_ref (self));
}

static void
on_mode_group_activate (MpChangeModeWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "change-mode.save", NULL);
}

static void
mp_change_mode_window_dispose (GObject *object)
{
  MpChangeModeWindow *self = MP_CHANGE_MODE_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->domain != NULL)
    g_signal_handlers_disconnect_by_data (self->domain, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_CHANGE_MODE_WINDOW);

  g_clear_object (&self->session);
  g_clear_object (&self->domain);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (mp_change_mode_window_parent_class)->dispose (object);
}

static void
mp_change_mode_window_class_init (MpChangeModeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_change_mode_window_dispose;

  signals[MODE_CHANGED] =
    g_signal_new ("mode-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, MP_TYPE_TASK, G_TYPE_INT, MP_TYPE_DOMAIN);

  g_type_ensure (MP_TYPE_DOMAIN_MODE_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mailpost/Mailpost/pages/domains/mp-change-mode-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MpChangeModeWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, MpChangeModeWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, MpChangeModeWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, MpChangeModeWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, MpChangeModeWindow, mode_group);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_group_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_group_activate);

  gtk_widget_class_install_action (widget_class, "change-mode.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mp_change_mode_window_init (MpChangeModeWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
}

MpChangeModeWindow *
mp_change_mode_window_new (GtkWindow *parent,
                           MpSession *session,
                           MpDomain  *domain)
{
  MpChangeModeWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MP_IS_SESSION (session), NULL);
  g_return_val_if_fail (MP_IS_DOMAIN (domain), NULL);

  self = g_object_new (MP_TYPE_CHANGE_MODE_WINDOW, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->domain = g_object_ref (domain);

  adw_window_title_set_subtitle (self->window_title, mp_domain_get_unicode_name (domain));
  mp_domain_mode_group_set_session (self->mode_group, session);
  mp_domain_mode_group_set_authoritative (self->mode_group,
                                          mp_domain_get_domain_type (domain) != MP_DOMAIN_TYPE_NON_AUTHORITATIVE);
  mp_domain_mode_group_set_relay (self->mode_group, mp_domain_get_mx_relay (domain));

  /* A task that starts meanwhile (another window, a refresh) makes the domain read-only. */
  g_signal_connect_object (domain, "notify::busy", G_CALLBACK (update_save), self,
                           G_CONNECT_SWAPPED);
  update_save (self);

  return self;
}
