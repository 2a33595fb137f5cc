/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-service-policy.c: the service's rules in words — password and lockout policy, and the
 * panel's rule for the display name.  Each number gets its own sentence so that every
 * plural is chosen by g_dngettext for exactly the number it counts. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "emailpro/mp-service.h"

#define DISPLAY_NAME_MIN_CHARS 5
#define DISPLAY_NAME_MAX_CHARS 250

/* The policy fields are small counts; clamping keeps absurd values from overflowing "%d". */
static int
clamp_count (gint64 value)
{
  return (int) CLAMP (value, G_MININT, G_MAXINT);
}

static void
append_sentence (GString    *text,
                 const char *sentence)
{
  if (text->len > 0)
    g_string_append_c (text, ' ');
  g_string_append (text, sentence);
}

G_GNUC_PRINTF (2, 3)
static void
append_sentence_printf (GString    *text,
                        const char *format,
                        ...)
{
  g_autofree char *sentence = NULL;
  va_list args;

  va_start (args, format);
  sentence = g_strdup_vprintf (format, args);
  va_end (args);

  append_sentence (text, sentence);
}

char *
mp_service_describe_password_policy (MpService *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  int min_length, min_age, max_age;
  gboolean complexity;

  g_return_val_if_fail (MP_IS_SERVICE (self), NULL);

  min_length = clamp_count (mp_service_get_min_password_length (self));
  min_age = clamp_count (mp_service_get_min_password_age (self));
  max_age = clamp_count (mp_service_get_max_password_age (self));
  complexity = mp_service_get_complexity_enabled (self);

  if (min_length > 0 && complexity)
    append_sentence_printf (text,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "Passwords need at least %d character and must mix upper-case letters, lower-case letters and digits.",
                                         "Passwords need at least %d characters and must mix upper-case letters, lower-case letters and digits.",
                                         min_length),
                            min_length);
  else if (min_length > 0)
    append_sentence_printf (text,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "Passwords need at least %d character.",
                                         "Passwords need at least %d characters.",
                                         min_length),
                            min_length);
  else if (complexity)
    append_sentence (text, _("Passwords must mix upper-case letters, lower-case letters and digits."));
  else
    append_sentence (text, _("The service sets no minimum length and no complexity rule for passwords."));

  if (max_age > 0)
    append_sentence_printf (text,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "Passwords expire after %d day.",
                                         "Passwords expire after %d days.",
                                         max_age),
                            max_age);

  if (min_age > 0)
    append_sentence_printf (text,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "Once set, a password can only be changed after %d day.",
                                         "Once set, a password can only be changed after %d days.",
                                         min_age),
                            min_age);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
mp_service_describe_lockout_policy (MpService *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  int threshold, window, duration;

  g_return_val_if_fail (MP_IS_SERVICE (self), NULL);

  threshold = clamp_count (mp_service_get_lockout_threshold (self));
  window = clamp_count (mp_service_get_lockout_observation_window (self));
  duration = clamp_count (mp_service_get_lockout_duration (self));

  if (threshold <= 0)
    return g_strdup (_("No lockout after failed sign-ins."));

  append_sentence_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "An account is locked after %d failed sign-in.",
                                       "An account is locked after %d failed sign-ins.",
                                       threshold),
                          threshold);

  if (window > 0)
    append_sentence_printf (text,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "Failed sign-ins count towards that limit for %d minute.",
                                         "Failed sign-ins count towards that limit for %d minutes.",
                                         window),
                            window);

  /* As in Active Directory, whose policy this is, a duration of 0 means "until an
   * administrator unlocks it". */
  if (duration > 0)
    append_sentence_printf (text,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "A locked account opens again after %d minute.",
                                         "A locked account opens again after %d minutes.",
                                         duration),
                            duration);
  else if (duration == 0)
    append_sentence (text, _("A locked account stays locked until an administrator unlocks it."));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
mp_service_check_display_name (const char *display_name)
{
  glong n_chars;

  if (display_name == NULL)
    display_name = "";

  if (!g_utf8_validate (display_name, -1, NULL))
    return g_strdup (_("The name contains bytes that are not valid text."));

  for (const char *p = display_name; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        return g_strdup (_("The name cannot contain line breaks or other control characters."));
    }

  n_chars = g_utf8_strlen (display_name, -1);

  if (n_chars < DISPLAY_NAME_MIN_CHARS)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The name needs at least %d character.",
                                         "The name needs at least %d characters.",
                                         DISPLAY_NAME_MIN_CHARS),
                            DISPLAY_NAME_MIN_CHARS);

  if (n_chars > DISPLAY_NAME_MAX_CHARS)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The name can have at most %d character.",
                                         "The name can have at most %d characters.",
                                         DISPLAY_NAME_MAX_CHARS),
                            DISPLAY_NAME_MAX_CHARS);

  return NULL;
}
