/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mp-account-window.h"

typedef struct
{
  MpSession    *session;
  MpAccount    *account;
  GCancellable *cancellable;
} MpAccountWindowPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (MpAccountWindow, mp_account_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_ACCOUNT,
  N_PROPS
};

enum {
  APPLIED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

MpSession *
mp_account_window_get_session (MpAccountWindow *self)
{
  MpAccountWindowPrivate *priv = mp_account_window_get_instance_private (self);

  g_return_val_if_fail (MP_IS_ACCOUNT_WINDOW (self), NULL);

  return priv->session;
}

MpAccount *
mp_account_window_get_account (MpAccountWindow *self)
{
  MpAccountWindowPrivate *priv = mp_account_window_get_instance_private (self);

  g_return_val_if_fail (MP_IS_ACCOUNT_WINDOW (self), NULL);

  return priv->account;
}

GCancellable *
mp_account_window_get_cancellable (MpAccountWindow *self)
{
  MpAccountWindowPrivate *priv = mp_account_window_get_instance_private (self);

  g_return_val_if_fail (MP_IS_ACCOUNT_WINDOW (self), NULL);

  return priv->cancellable;
}

void
mp_account_window_show_busy (MpAccountWindow *self,
                             GtkWidget       *form,
                             GtkWidget       *progress,
                             gboolean         busy)
{
  GtkWidget *focus;

  g_return_if_fail (MP_IS_ACCOUNT_WINDOW (self));
  g_return_if_fail (GTK_IS_WIDGET (form));

  focus = gtk_window_get_focus (GTK_WINDOW (self));
  if (busy && focus != NULL && gtk_widget_is_ancestor (focus, form))
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_set_sensitive (form, !busy);

  if (progress != NULL)
    {
      GtkWidget *spinner = gtk_widget_get_first_child (progress);

      gtk_widget_set_visible (progress, busy);
      if (GTK_IS_SPINNER (spinner))
        gtk_spinner_set_spinning (GTK_SPINNER (spinner), busy);
    }
}

void
mp_account_window_applied (MpAccountWindow *self,
                           const char      *message)
{
  g_return_if_fail (MP_IS_ACCOUNT_WINDOW (self));

  g_signal_emit (self, signals[APPLIED], 0, message);
  /* A focused entry destroyed with its window would keep blinking its cursor. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
mp_account_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MpAccountWindowPrivate *priv = mp_account_window_get_instance_private (MP_ACCOUNT_WINDOW (object));

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, priv->session);
      break;

    case PROP_ACCOUNT:
      g_value_set_object (value, priv->account);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_account_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MpAccountWindowPrivate *priv = mp_account_window_get_instance_private (MP_ACCOUNT_WINDOW (object));

  switch (prop_id)
    {
    case PROP_SESSION:
      priv->session = g_value_dup_object (value);
      break;

    case PROP_ACCOUNT:
      priv->account = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_account_window_dispose (GObject *object)
{
  MpAccountWindowPrivate *priv = mp_account_window_get_instance_private (MP_ACCOUNT_WINDOW (object));

  /* Closing the window stops waiting; a change the provider accepted still goes on. */
  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->account);
  g_clear_object (&priv->session);

  G_OBJECT_CLASS (mp_account_window_parent_class)->dispose (object);
}

static void
mp_account_window_finalize (GObject *object)
{
  MpAccountWindowPrivate *priv = mp_account_window_get_instance_private (MP_ACCOUNT_WINDOW (object));

  g_clear_object (&priv->cancellable);

  G_OBJECT_CLASS (mp_account_window_parent_class)->finalize (object);
}

static void
mp_account_window_class_init (MpAccountWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_account_window_dispose;
  object_class->finalize = mp_account_window_finalize;
  object_class->get_property = mp_account_window_get_property;
  object_class->set_property = mp_account_window_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         MP_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL,
                         MP_TYPE_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[APPLIED] =
    g_signal_new ("applied",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mp_account_window_init (MpAccountWindow *self)
{
  MpAccountWindowPrivate *priv = mp_account_window_get_instance_private (self);

  priv->cancellable = g_cancellable_new ();
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
}
