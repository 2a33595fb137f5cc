/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-account-rules.c: the login, password and name rules of step 4 of the guide. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "rules/mp-account-rules.h"

/* The separators the provider (like Windows' complexity rule) splits names on. */
#define NAME_PART_SEPARATORS ",.-_£"

G_DEFINE_BOXED_TYPE (MpRuleResult, mp_rule_result, mp_rule_result_copy, mp_rule_result_free)

MpRuleResult *
mp_rule_result_copy (const MpRuleResult *result)
{
  MpRuleResult *copy = g_new0 (MpRuleResult, 1);

  copy->id = result->id;
  copy->description = g_strdup (result->description);
  copy->met = result->met;
  copy->reason = g_strdup (result->reason);
  return copy;
}

void
mp_rule_result_free (MpRuleResult *result)
{
  if (result == NULL)
    return;
  g_free (result->description);
  g_free (result->reason);
  g_free (result);
}

/* Takes description and reason; reason NULL means the rule holds. */
static void
add_result (GPtrArray *results,
            int        id,
            char      *description,
            char      *reason)
{
  MpRuleResult *result = g_new0 (MpRuleResult, 1);

  result->id = id;
  result->description = description;
  result->met = reason == NULL;
  result->reason = reason;
  g_ptr_array_add (results, result);
}

static GPtrArray *
new_results (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) mp_rule_result_free);
}

static char *
first_reason (GPtrArray *results)
{
  for (guint i = 0; i < results->len; i++)
    {
      MpRuleResult *result = g_ptr_array_index (results, i);

      if (!result->met)
        return g_strdup (result->reason);
    }
  return NULL;
}

static glong
count_characters (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return (glong) strlen (text);
  return g_utf8_strlen (text, -1);
}

/* ---- login ------------------------------------------------------------------------------ */

static gboolean
is_login_character (char c)
{
  return g_ascii_isalnum (c) || c == '.' || c == '-' || c == '_';
}

static char *
login_characters_reason (const char *login)
{
  for (const char *p = login; *p != '\0'; p++)
    {
      if (is_login_character (*p))
        continue;
      if (*p == ',')
        return g_strdup (_("A comma is not allowed in an address. Use a dot, a hyphen or an underscore instead."));
      if (g_ascii_isspace (*p))
        return g_strdup (_("Spaces are not allowed in an address. Use a dot, a hyphen or an underscore instead."));
      if ((guchar) *p >= 0x80 || g_ascii_iscntrl (*p))
        return g_strdup (_("Letters with accents and other special letters are not allowed in an address. Write them without the accent, for example “a” for “ä”."));
      /* TRANSLATORS: %c is one character the user typed, such as "+" or "/". */
      return g_strdup_printf (_("The character “%c” is not allowed in an address. Use only letters, digits, dots, hyphens and underscores."),
                              *p);
    }
  return NULL;
}

static char *
login_dots_reason (const char *login)
{
  gsize len = strlen (login);

  if (len > 0 && login[0] == '.')
    return g_strdup (_("An address cannot start with a dot. Remove the first dot."));
  if (len > 0 && login[len - 1] == '.')
    return g_strdup (_("An address cannot end with a dot before the @. Remove the last dot."));
  if (strstr (login, "..") != NULL)
    return g_strdup (_("An address cannot contain two dots in a row. Remove one of them."));
  return NULL;
}

GPtrArray *
mp_account_rules_check_login (const char *login)
{
  GPtrArray *results = new_results ();
  glong length;
  char *reason = NULL;

  if (login == NULL)
    login = "";
  length = count_characters (login);

  add_result (results, MP_LOGIN_RULE_NOT_EMPTY,
              g_strdup (_("A name before the @")),
              *login == '\0' ? g_strdup (_("Enter the name of the address, the part before the @.")) : NULL);

  if (length < MP_LOGIN_MIN_LENGTH)
    /* TRANSLATORS: the name is the part of an address before the @. */
    reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The name before the @ is too short: use at least %d character.",
                                           "The name before the @ is too short: use at least %d characters.",
                                           MP_LOGIN_MIN_LENGTH),
                              MP_LOGIN_MIN_LENGTH);
  else if (length > MP_LOGIN_MAX_LENGTH)
    reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The name before the @ is too long: use at most %d character.",
                                           "The name before the @ is too long: use at most %d characters.",
                                           MP_LOGIN_MAX_LENGTH),
                              MP_LOGIN_MAX_LENGTH);
  add_result (results, MP_LOGIN_RULE_LENGTH,
              /* TRANSLATORS: a checklist line, e.g. "2 to 32 characters". */
              g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d to %d character", "%d to %d characters",
                                            MP_LOGIN_MAX_LENGTH),
                               MP_LOGIN_MIN_LENGTH, MP_LOGIN_MAX_LENGTH),
              reason);

  add_result (results, MP_LOGIN_RULE_CHARACTERS,
              g_strdup (_("Only letters without accents, digits, dots, hyphens and underscores")),
              login_characters_reason (login));

  add_result (results, MP_LOGIN_RULE_DOTS,
              g_strdup (_("No dot at the start or the end, and no two dots in a row")),
              login_dots_reason (login));

  return results;
}

char *
mp_account_rules_login_error (const char *login)
{
  g_autoptr(GPtrArray) results = mp_account_rules_check_login (login);

  return first_reason (results);
}

char *
mp_account_rules_address_error (const char *address)
{
  const char *at;

  if (address == NULL || (at = strrchr (address, '@')) == NULL || at[1] == '\0')
    return g_strdup (_("Enter a full address with an @ and a domain, for example anna@example.com."));

  {
    g_autofree char *login = g_strndup (address, at - address);

    return mp_account_rules_login_error (login);
  }
}

/* ---- password --------------------------------------------------------------------------- */

guint
mp_account_rules_password_min_length (const MpPasswordContext *context)
{
  if (context != NULL && context->min_length > MP_PASSWORD_MIN_LENGTH)
    return (guint) MIN (context->min_length, G_MAXUINT16);
  return MP_PASSWORD_MIN_LENGTH;
}

guint
mp_account_rules_password_max_length (const MpPasswordContext *context)
{
  return MAX (MP_PASSWORD_MAX_LENGTH, mp_account_rules_password_min_length (context));
}

static gboolean
is_name_separator (gunichar c)
{
  return g_unichar_isspace (c) || g_utf8_strchr (NAME_PART_SEPARATORS, -1, c) != NULL;
}

static void
collect_name_parts (GPtrArray  *parts,
                    const char *name)
{
  g_autoptr(GString) part = g_string_new (NULL);

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return;

  for (const char *p = name; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && !is_name_separator (c))
        {
          g_string_append_unichar (part, c);
          continue;
        }

      if (g_utf8_strlen (part->str, -1) >= MP_NAME_PART_MIN_LENGTH)
        {
          g_autofree char *folded = g_utf8_casefold (part->str, -1);

          if (!g_ptr_array_find_with_equal_func (parts, folded, g_str_equal, NULL))
            g_ptr_array_add (parts, g_steal_pointer (&folded));
        }
      g_string_truncate (part, 0);

      if (c == 0)
        break;
    }
}

GStrv
mp_account_rules_name_parts (const char *login,
                             const char *display_name)
{
  GPtrArray *parts = g_ptr_array_new ();

  collect_name_parts (parts, login);
  collect_name_parts (parts, display_name);
  g_ptr_array_add (parts, NULL);
  return (GStrv) g_ptr_array_free (parts, FALSE);
}

static gboolean
contains_name_part (const char              *password,
                    const MpPasswordContext *context)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *folded = NULL;

  if (context == NULL || !g_utf8_validate (password, -1, NULL))
    return FALSE;

  parts = mp_account_rules_name_parts (context->login, context->display_name);
  folded = g_utf8_casefold (password, -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (strstr (folded, parts[i]) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
has_character (const char *text,
               gboolean  (*predicate) (gchar c))
{
  for (const char *p = text; *p != '\0'; p++)
    if (predicate (*p))
      return TRUE;
  return FALSE;
}

static gboolean
is_upper (gchar c)
{
  return g_ascii_isupper (c);
}

static gboolean
is_lower (gchar c)
{
  return g_ascii_islower (c);
}

static gboolean
is_digit (gchar c)
{
  return g_ascii_isdigit (c);
}

/* Outside printable ASCII: accented letters, other scripts, emoji, control characters.
 * Spaces have their own rule. */
static gboolean
is_refused_character (gchar c)
{
  guchar u = (guchar) c;

  return u >= 0x7f || (u < 0x20 && !g_ascii_isspace (c));
}

static gboolean
is_space (gchar c)
{
  return g_ascii_isspace (c);
}

GPtrArray *
mp_account_rules_check_password (const char              *password,
                                 const MpPasswordContext *context)
{
  GPtrArray *results = new_results ();
  guint min_length = mp_account_rules_password_min_length (context);
  guint max_length = mp_account_rules_password_max_length (context);
  glong length;
  char *reason = NULL;

  if (password == NULL)
    password = "";
  length = count_characters (password);

  if (length < (glong) min_length)
    reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The password is too short: use at least %u character.",
                                           "The password is too short: use at least %u characters.",
                                           min_length),
                              min_length);
  else if (length > (glong) max_length)
    reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The password is too long: use at most %u character.",
                                           "The password is too long: use at most %u characters.",
                                           max_length),
                              max_length);
  add_result (results, MP_PASSWORD_RULE_LENGTH,
              g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u to %u character", "%u to %u characters",
                                            max_length),
                               min_length, max_length),
              reason);

  add_result (results, MP_PASSWORD_RULE_NO_ACCENTS,
              g_strdup (_("No letters with accents or other special letters")),
              has_character (password, is_refused_character)
                ? g_strdup (_("The password contains a letter with an accent or another character the mail server does not accept. Use only letters without accents, digits and common symbols."))
                : NULL);

  add_result (results, MP_PASSWORD_RULE_NO_SPACES,
              g_strdup (_("No spaces")),
              has_character (password, is_space)
                ? g_strdup (_("The password contains a space. Remove the spaces."))
                : NULL);

  add_result (results, MP_PASSWORD_RULE_UPPER_CASE,
              g_strdup (_("At least one upper-case letter (A–Z)")),
              has_character (password, is_upper)
                ? NULL
                : g_strdup (_("Add at least one upper-case letter (A–Z) to the password.")));

  add_result (results, MP_PASSWORD_RULE_LOWER_CASE,
              g_strdup (_("At least one lower-case letter (a–z)")),
              has_character (password, is_lower)
                ? NULL
                : g_strdup (_("Add at least one lower-case letter (a–z) to the password.")));

  add_result (results, MP_PASSWORD_RULE_DIGIT,
              g_strdup (_("At least one digit (0–9)")),
              has_character (password, is_digit)
                ? NULL
                : g_strdup (_("Add at least one digit (0–9) to the password.")));

  add_result (results, MP_PASSWORD_RULE_NO_NAME_PARTS,
              g_strdup (_("Does not contain the name of the address or the display name")),
              contains_name_part (password, context)
                ? g_strdup (_("The password contains a part of the address or of the display name. Choose a password without them."))
                : NULL);

  if (context != NULL && context->confirmation != NULL)
    add_result (results, MP_PASSWORD_RULE_CONFIRMED,
                g_strdup (_("Both passwords are the same")),
                g_strcmp0 (password, context->confirmation) != 0
                  ? g_strdup (_("The two passwords are different. Type the same password in both fields."))
                  : NULL);

  return results;
}

char *
mp_account_rules_password_error (const char              *password,
                                 const MpPasswordContext *context)
{
  g_autoptr(GPtrArray) results = mp_account_rules_check_password (password, context);

  return first_reason (results);
}

/* ---- names ------------------------------------------------------------------------------ */

static gboolean
has_control_character (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

char *
mp_account_rules_person_name_error (const char *name)
{
  if (name == NULL)
    return NULL;
  if (!g_utf8_validate (name, -1, NULL) || has_control_character (name))
    return g_strdup (_("A name cannot contain line breaks or other invisible characters. Remove them."));
  if (g_utf8_strlen (name, -1) > MP_PERSON_NAME_MAX_LENGTH)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "A first or last name can have at most %d character. Shorten it.",
                                         "A first or last name can have at most %d characters. Shorten it.",
                                         MP_PERSON_NAME_MAX_LENGTH),
                            MP_PERSON_NAME_MAX_LENGTH);
  return NULL;
}

char *
mp_account_rules_display_name_error (const char *display_name)
{
  if (display_name == NULL)
    return NULL;
  if (!g_utf8_validate (display_name, -1, NULL) || has_control_character (display_name))
    return g_strdup (_("A name cannot contain line breaks or other invisible characters. Remove them."));
  if (g_utf8_strlen (display_name, -1) > MP_DISPLAY_NAME_MAX_LENGTH)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The display name can have at most %d character. Shorten it.",
                                         "The display name can have at most %d characters. Shorten it.",
                                         MP_DISPLAY_NAME_MAX_LENGTH),
                            MP_DISPLAY_NAME_MAX_LENGTH);
  return NULL;
}

char *
mp_account_rules_suggest_display_name (const char *first_name,
                                       const char *last_name)
{
  g_autofree char *first = g_strstrip (g_strdup (first_name != NULL ? first_name : ""));
  g_autofree char *last = g_strstrip (g_strdup (last_name != NULL ? last_name : ""));

  if (*first == '\0')
    return g_steal_pointer (&last);
  if (*last == '\0')
    return g_steal_pointer (&first);
  return g_strconcat (first, " ", last, NULL);
}
