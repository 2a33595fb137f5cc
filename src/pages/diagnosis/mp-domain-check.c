/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-domain-check.h"

struct _MpDomainCheck
{
  GObject            parent_instance;

  MpSession         *session;
  MpDomain          *domain;
  MpDomainDiagnosis *diagnosis;
  char              *error;
  GCancellable      *cancellable;

  guint              holds;
  guint              timeout_id;
  guint              pending_ms;
  guint              fix_ms;

  /* The check a fix was applied for, and until when it is followed (monotonic µs). */
  MpCheckId          fix_check;
  gint64             fix_deadline;

  guint              checking : 1;
  guint              again : 1;
  guint              following_fix : 1;
};

G_DEFINE_FINAL_TYPE (MpDomainCheck, mp_domain_check, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOMAIN,
  PROP_DIAGNOSIS,
  PROP_CHECKING,
  PROP_ERROR,
  PROP_FOLLOWING_FIX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule (MpDomainCheck *self);

static void
set_checking (MpDomainCheck *self,
              gboolean       checking)
{
  if (self->checking == !!checking)
    return;

  self->checking = !!checking;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKING]);
}

static void
set_error (MpDomainCheck *self,
           const char    *error)
{
  if (g_strcmp0 (self->error, error) == 0)
    return;

  g_free (self->error);
  self->error = g_strdup (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
set_following_fix (MpDomainCheck *self,
                   gboolean       following)
{
  if (self->following_fix == !!following)
    return;

  self->following_fix = !!following;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLLOWING_FIX]);
}

static gboolean
fix_is_done (MpDomainCheck *self)
{
  MpCheckResult *result;

  if (self->diagnosis == NULL)
    return FALSE;

  result = mp_domain_diagnosis_get_result (self->diagnosis, self->fix_check);
  /* A check that left the diagnosis (the ownership CNAME once validated) is done too. */
  return result == NULL || result->status == MP_CHECK_STATUS_OK;
}

static void
diagnose_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(MpDomainCheck) self = user_data;
  g_autoptr(MpDomainDiagnosis) diagnosis = NULL;
  g_autoptr(GError) error = NULL;

  diagnosis = mp_session_diagnose_domain_finish (MP_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (diagnosis != NULL)
    {
      g_set_object (&self->diagnosis, diagnosis);
      set_error (self, NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIAGNOSIS]);
    }
  else
    {
      g_debug ("Could not diagnose %s: %s", mp_domain_get_name (self->domain), error->message);
      set_error (self, error->message);
    }

  if (self->following_fix
      && (fix_is_done (self) || g_get_monotonic_time () > self->fix_deadline))
    set_following_fix (self, FALSE);

  set_checking (self, FALSE);

  if (self->again)
    {
      self->again = FALSE;
      mp_domain_check_run (self);
      return;
    }

  schedule (self);
}

void
mp_domain_check_run (MpDomainCheck *self)
{
  g_return_if_fail (MP_IS_DOMAIN_CHECK (self));

  if (self->checking)
    {
      self->again = TRUE;
      return;
    }

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  set_checking (self, TRUE);
  mp_session_diagnose_domain_async (self->session, self->domain, self->cancellable,
                                    diagnose_cb, g_object_ref (self));
}

void
mp_domain_check_cancel (MpDomainCheck *self)
{
  g_return_if_fail (MP_IS_DOMAIN_CHECK (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->again = FALSE;
  set_checking (self, FALSE);
  set_following_fix (self, FALSE);
}

gboolean
mp_domain_check_is_pending (MpDomainCheck *self)
{
  g_return_val_if_fail (MP_IS_DOMAIN_CHECK (self), FALSE);

  return self->following_fix
         || mp_domain_get_busy (self->domain)
         || (self->diagnosis != NULL && mp_domain_diagnosis_is_pending (self->diagnosis));
}

static gboolean
on_timeout (gpointer user_data)
{
  MpDomainCheck *self = user_data;

  self->timeout_id = 0;
  mp_domain_check_run (self);
  return G_SOURCE_REMOVE;
}

static void
schedule (MpDomainCheck *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (self->holds == 0 || self->checking || g_cancellable_is_cancelled (self->cancellable)
      || !mp_domain_check_is_pending (self))
    return;

  self->timeout_id = g_timeout_add (self->following_fix ? self->fix_ms : self->pending_ms,
                                    on_timeout, self);
}

void
mp_domain_check_hold (MpDomainCheck *self)
{
  g_return_if_fail (MP_IS_DOMAIN_CHECK (self));

  if (self->holds++ == 0)
    schedule (self);
}

void
mp_domain_check_release (MpDomainCheck *self)
{
  g_return_if_fail (MP_IS_DOMAIN_CHECK (self));
  g_return_if_fail (self->holds > 0);

  if (--self->holds == 0)
    g_clear_handle_id (&self->timeout_id, g_source_remove);
}

void
mp_domain_check_follow_fix (MpDomainCheck *self,
                            MpCheckId      check_id)
{
  g_return_if_fail (MP_IS_DOMAIN_CHECK (self));

  self->fix_check = check_id;
  self->fix_deadline = g_get_monotonic_time () + MP_DOMAIN_CHECK_FIX_PATIENCE_MS * G_TIME_SPAN_MILLISECOND;
  set_following_fix (self, TRUE);
  mp_domain_check_run (self);
}

char *
mp_domain_check_dup_checked_label (MpDomainCheck *self,
                                   GDateTime     *now)
{
  GDateTime *checked_at;
  GTimeSpan age;
  gint64 minutes;

  g_return_val_if_fail (MP_IS_DOMAIN_CHECK (self), NULL);

  if (self->diagnosis == NULL)
    return NULL;

  checked_at = mp_domain_diagnosis_get_checked_at (self->diagnosis);
  age = g_date_time_difference (now, checked_at);
  minutes = MAX (age, 0) / G_TIME_SPAN_MINUTE;

  if (minutes < 1)
    return g_strdup (_("Checked just now"));
  if (minutes < 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Checked %d minute ago",
                                         "Checked %d minutes ago", minutes),
                            (int) minutes);
  else
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (checked_at);
      g_autofree char *time = g_date_time_format (local, "%X");

      /* Translators: %s is a time of day, e.g. "14:05:00" */
      return g_strdup_printf (_("Checked at %s"), time);
    }
}

void
mp_domain_check_set_intervals (MpDomainCheck *self,
                               guint          pending_ms,
                               guint          fix_ms)
{
  g_return_if_fail (MP_IS_DOMAIN_CHECK (self));

  self->pending_ms = pending_ms;
  self->fix_ms = fix_ms;
  if (self->timeout_id != 0)
    schedule (self);
}

MpDomainCheck *
mp_domain_check_new (MpSession *session,
                     MpDomain  *domain)
{
  MpDomainCheck *self;

  g_return_val_if_fail (MP_IS_SESSION (session), NULL);
  g_return_val_if_fail (MP_IS_DOMAIN (domain), NULL);

  self = g_object_new (MP_TYPE_DOMAIN_CHECK, "domain", domain, NULL);
  self->session = g_object_ref (session);
  return self;
}

MpDomain *
mp_domain_check_get_domain (MpDomainCheck *self)
{
  g_return_val_if_fail (MP_IS_DOMAIN_CHECK (self), NULL);

  return self->domain;
}

MpSession *
mp_domain_check_get_session (MpDomainCheck *self)
{
  g_return_val_if_fail (MP_IS_DOMAIN_CHECK (self), NULL);

  return self->session;
}

MpDomainDiagnosis *
mp_domain_check_get_diagnosis (MpDomainCheck *self)
{
  g_return_val_if_fail (MP_IS_DOMAIN_CHECK (self), NULL);

  return self->diagnosis;
}

gboolean
mp_domain_check_get_checking (MpDomainCheck *self)
{
  g_return_val_if_fail (MP_IS_DOMAIN_CHECK (self), FALSE);

  return self->checking;
}

const char *
mp_domain_check_get_error (MpDomainCheck *self)
{
  g_return_val_if_fail (MP_IS_DOMAIN_CHECK (self), NULL);

  return self->error;
}

gboolean
mp_domain_check_get_following_fix (MpDomainCheck *self)
{
  g_return_val_if_fail (MP_IS_DOMAIN_CHECK (self), FALSE);

  return self->following_fix;
}

static void
on_domain_busy_changed (MpDomainCheck *self)
{
  /* A task that just ended changed the domain: look again; one that started: keep looking. */
  if (self->holds > 0 && !mp_domain_get_busy (self->domain))
    mp_domain_check_run (self);
  else
    schedule (self);
}

static void
mp_domain_check_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MpDomainCheck *self = MP_DOMAIN_CHECK (object);

  switch (prop_id)
    {
    case PROP_DOMAIN:
      g_value_set_object (value, self->domain);
      break;

    case PROP_DIAGNOSIS:
      g_value_set_object (value, self->diagnosis);
      break;

    case PROP_CHECKING:
      g_value_set_boolean (value, self->checking);
      break;

    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;

    case PROP_FOLLOWING_FIX:
      g_value_set_boolean (value, self->following_fix);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_domain_check_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  MpDomainCheck *self = MP_DOMAIN_CHECK (object);

  switch (prop_id)
    {
    case PROP_DOMAIN:
      self->domain = g_value_dup_object (value);
      g_signal_connect_object (self->domain, "notify::busy",
                               G_CALLBACK (on_domain_busy_changed), self, G_CONNECT_SWAPPED);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_domain_check_dispose (GObject *object)
{
  MpDomainCheck *self = MP_DOMAIN_CHECK (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_object (&self->diagnosis);
  g_clear_object (&self->domain);
  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (mp_domain_check_parent_class)->dispose (object);
}

static void
mp_domain_check_finalize (GObject *object)
{
  MpDomainCheck *self = MP_DOMAIN_CHECK (object);

  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (mp_domain_check_parent_class)->finalize (object);
}

static void
mp_domain_check_class_init (MpDomainCheckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mp_domain_check_dispose;
  object_class->finalize = mp_domain_check_finalize;
  object_class->get_property = mp_domain_check_get_property;
  object_class->set_property = mp_domain_check_set_property;

  properties[PROP_DOMAIN] =
    g_param_spec_object ("domain", NULL, NULL,
                         MP_TYPE_DOMAIN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIAGNOSIS] =
    g_param_spec_object ("diagnosis", NULL, NULL,
                         MP_TYPE_DOMAIN_DIAGNOSIS,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHECKING] =
    g_param_spec_boolean ("checking", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLLOWING_FIX] =
    g_param_spec_boolean ("following-fix", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_domain_check_init (MpDomainCheck *self)
{
  self->cancellable = g_cancellable_new ();
  self->pending_ms = MP_DOMAIN_CHECK_PENDING_INTERVAL_MS;
  self->fix_ms = MP_DOMAIN_CHECK_FIX_INTERVAL_MS;
}
