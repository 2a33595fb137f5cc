/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "rules/mp-policy-rules.h"

static gboolean
in_range (gint64 value,
          gint64 min,
          gint64 max)
{
  return value >= min && value <= max;
}

/* Policy numbers are small; clamping keeps an absurd value from overflowing "%d". */
static int
as_int (gint64 value)
{
  return (int) CLAMP (value, G_MININT, G_MAXINT);
}

static char *
check_min_password_length (const MpServicePolicy *policy)
{
  if (policy->min_password_length == 0
      || in_range (policy->min_password_length,
                   MP_POLICY_MIN_PASSWORD_LENGTH_MIN, MP_POLICY_MIN_PASSWORD_LENGTH_MAX))
    return NULL;

  return g_strdup_printf (_("Choose a minimum length between %d and %d characters, or 0 for no minimum."),
                          MP_POLICY_MIN_PASSWORD_LENGTH_MIN, MP_POLICY_MIN_PASSWORD_LENGTH_MAX);
}

static char *
check_min_password_age (const MpServicePolicy *policy)
{
  if (in_range (policy->min_password_age, 0, MP_POLICY_PASSWORD_AGE_MAX))
    return NULL;

  return g_strdup_printf (_("Choose a minimum age between 0 and %d days."),
                          MP_POLICY_PASSWORD_AGE_MAX);
}

static char *
check_max_password_age (const MpServicePolicy *policy)
{
  int min_age = as_int (policy->min_password_age);

  if (!in_range (policy->max_password_age, 0, MP_POLICY_PASSWORD_AGE_MAX))
    return g_strdup_printf (_("Choose a maximum age between 1 and %d days, or 0 so that passwords never expire."),
                            MP_POLICY_PASSWORD_AGE_MAX);

  if (policy->max_password_age != 0 && policy->max_password_age <= policy->min_password_age)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Passwords cannot expire before they may be changed: choose a maximum age above the minimum age of %d day, or 0 so that passwords never expire.",
                                         "Passwords cannot expire before they may be changed: choose a maximum age above the minimum age of %d days, or 0 so that passwords never expire.",
                                         min_age),
                            min_age);
  return NULL;
}

static char *
check_lockout_threshold (const MpServicePolicy *policy)
{
  if (in_range (policy->lockout_threshold, 0, MP_POLICY_LOCKOUT_THRESHOLD_MAX))
    return NULL;

  return g_strdup_printf (_("Choose between 1 and %d failed attempts, or 0 so that accounts are never locked."),
                          MP_POLICY_LOCKOUT_THRESHOLD_MAX);
}

static char *
check_lockout_minutes (gint64 minutes)
{
  if (in_range (minutes, MP_POLICY_LOCKOUT_MINUTES_MIN, MP_POLICY_LOCKOUT_MINUTES_MAX))
    return NULL;

  return g_strdup_printf (_("Choose between %d and %d minutes."),
                          MP_POLICY_LOCKOUT_MINUTES_MIN, MP_POLICY_LOCKOUT_MINUTES_MAX);
}

static char *
check_lockout_observation_window (const MpServicePolicy *policy)
{
  int duration = as_int (policy->lockout_duration);
  char *reason;

  if (!mp_policy_rules_uses_lockout (policy))
    return NULL;
  if ((reason = check_lockout_minutes (policy->lockout_observation_window)) != NULL)
    return reason;

  if (in_range (policy->lockout_duration, MP_POLICY_LOCKOUT_MINUTES_MIN, MP_POLICY_LOCKOUT_MINUTES_MAX)
      && policy->lockout_observation_window > policy->lockout_duration)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Failed attempts cannot be counted for longer than an account stays locked: choose at most %d minute, or lock accounts for longer.",
                                         "Failed attempts cannot be counted for longer than an account stays locked: choose at most %d minutes, or lock accounts for longer.",
                                         duration),
                            duration);
  return NULL;
}

static char *
check_lockout_duration (const MpServicePolicy *policy)
{
  if (!mp_policy_rules_uses_lockout (policy))
    return NULL;

  return check_lockout_minutes (policy->lockout_duration);
}

static char *
check_message_size (gint64 size)
{
  if (in_range (size, MP_POLICY_MESSAGE_SIZE_MIN, MP_POLICY_MESSAGE_SIZE_MAX))
    return NULL;

  return g_strdup_printf (_("Choose a size between %d and %d MB."),
                          MP_POLICY_MESSAGE_SIZE_MIN, MP_POLICY_MESSAGE_SIZE_MAX);
}

char *
mp_policy_rules_check_field (const MpServicePolicy *policy,
                             MpPolicyField          field)
{
  g_return_val_if_fail (policy != NULL, NULL);

  switch (field)
    {
    case MP_POLICY_FIELD_MIN_PASSWORD_LENGTH:
      return check_min_password_length (policy);
    case MP_POLICY_FIELD_MIN_PASSWORD_AGE:
      return check_min_password_age (policy);
    case MP_POLICY_FIELD_MAX_PASSWORD_AGE:
      return check_max_password_age (policy);
    case MP_POLICY_FIELD_LOCKOUT_THRESHOLD:
      return check_lockout_threshold (policy);
    case MP_POLICY_FIELD_LOCKOUT_OBSERVATION_WINDOW:
      return check_lockout_observation_window (policy);
    case MP_POLICY_FIELD_LOCKOUT_DURATION:
      return check_lockout_duration (policy);
    case MP_POLICY_FIELD_MAX_SEND_SIZE:
      return check_message_size (policy->max_send_size);
    case MP_POLICY_FIELD_MAX_RECEIVE_SIZE:
      return check_message_size (policy->max_receive_size);
    case MP_POLICY_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
mp_policy_rules_check (const MpServicePolicy *policy,
                       MpPolicyField         *field)
{
  g_return_val_if_fail (policy != NULL, NULL);

  for (guint i = 0; i < MP_POLICY_N_FIELDS; i++)
    {
      char *reason = mp_policy_rules_check_field (policy, (MpPolicyField) i);

      if (reason != NULL)
        {
          if (field != NULL)
            *field = (MpPolicyField) i;
          return reason;
        }
    }
  return NULL;
}

gboolean
mp_policy_rules_uses_lockout (const MpServicePolicy *policy)
{
  g_return_val_if_fail (policy != NULL, FALSE);

  return policy->lockout_threshold > 0;
}

gboolean
mp_policy_rules_junk_matters (const MpSpamPolicy *spam)
{
  g_return_val_if_fail (spam != NULL, FALSE);

  return !(spam->delete_spam && spam->delete_virus);
}
