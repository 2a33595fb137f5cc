/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rules of step 4 of the guide: every rule on its own, its message, and the limits. */
#include "config.h"

#include <string.h>

#include "rules/mp-account-rules.h"

static const MpRuleResult *
find_rule (GPtrArray *results,
           int        id)
{
  for (guint i = 0; i < results->len; i++)
    {
      const MpRuleResult *result = g_ptr_array_index (results, i);

      if (result->id == id)
        return result;
    }
  g_assert_not_reached ();
  return NULL;
}

/* Asserts the rule's outcome; a failed rule must carry a sentence, a met one none. */
static void
assert_login_rule (const char *login,
                   MpLoginRule id,
                   gboolean    met)
{
  g_autoptr(GPtrArray) results = mp_account_rules_check_login (login);
  const MpRuleResult *result = find_rule (results, id);

  g_assert_nonnull (result->description);
  g_assert_cmpstr (result->description, !=, "");
  g_assert_cmpint (result->met, ==, met);
  if (met)
    g_assert_null (result->reason);
  else
    g_assert_true (g_str_has_suffix (result->reason, "."));
}

static void
assert_password_rule (const char              *password,
                      const MpPasswordContext *context,
                      MpPasswordRule           id,
                      gboolean                 met)
{
  g_autoptr(GPtrArray) results = mp_account_rules_check_password (password, context);
  const MpRuleResult *result = find_rule (results, id);

  g_assert_cmpint (result->met, ==, met);
  if (met)
    g_assert_null (result->reason);
  else
    g_assert_nonnull (result->reason);
  /* The password never shows up in what a dialog displays. */
  if (password != NULL && *password != '\0')
    {
      g_assert_null (strstr (result->description, password));
      g_assert_true (result->reason == NULL || strstr (result->reason, password) == NULL);
    }
}

static void
test_login_accepts_plain (void)
{
  const char *good[] = { "anna", "anna.schmidt", "a-b_c.9", "ab", "info", "A1" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *error = mp_account_rules_login_error (good[i]);

      g_assert_null (error);
    }
}

static void
test_login_length_limits (void)
{
  g_autofree char *thirty_two = g_strnfill (32, 'a');
  g_autofree char *thirty_three = g_strnfill (33, 'a');
  g_autofree char *error = NULL;

  assert_login_rule ("ab", MP_LOGIN_RULE_LENGTH, TRUE);
  assert_login_rule (thirty_two, MP_LOGIN_RULE_LENGTH, TRUE);
  assert_login_rule ("a", MP_LOGIN_RULE_LENGTH, FALSE);
  assert_login_rule (thirty_three, MP_LOGIN_RULE_LENGTH, FALSE);

  error = mp_account_rules_login_error ("a");
  g_assert_cmpstr (error, ==, "The name before the @ is too short: use at least 2 characters.");
  g_clear_pointer (&error, g_free);
  error = mp_account_rules_login_error (thirty_three);
  g_assert_cmpstr (error, ==, "The name before the @ is too long: use at most 32 characters.");
}

static void
test_login_empty (void)
{
  g_autofree char *error = mp_account_rules_login_error ("");
  g_autofree char *error_null = mp_account_rules_login_error (NULL);

  assert_login_rule ("", MP_LOGIN_RULE_NOT_EMPTY, FALSE);
  g_assert_cmpstr (error, ==, "Enter the name of the address, the part before the @.");
  g_assert_cmpstr (error_null, ==, error);
}

static void
test_login_rejects_comma (void)
{
  g_autofree char *error = mp_account_rules_login_error ("anna,schmidt");

  assert_login_rule ("anna,schmidt", MP_LOGIN_RULE_CHARACTERS, FALSE);
  g_assert_true (g_str_has_prefix (error, "A comma is not allowed in an address."));
}

static void
test_login_rejects_accents (void)
{
  g_autofree char *error = mp_account_rules_login_error ("jürgen");

  assert_login_rule ("jürgen", MP_LOGIN_RULE_CHARACTERS, FALSE);
  g_assert_true (g_str_has_prefix (error, "Letters with accents"));
}

static void
test_login_rejects_spaces (void)
{
  g_autofree char *error = mp_account_rules_login_error ("anna schmidt");

  assert_login_rule ("anna schmidt", MP_LOGIN_RULE_CHARACTERS, FALSE);
  g_assert_true (g_str_has_prefix (error, "Spaces are not allowed in an address."));
}

static void
test_login_rejects_symbols (void)
{
  g_autofree char *error = mp_account_rules_login_error ("anna+news");

  g_assert_cmpstr (error, ==,
                   "The character “+” is not allowed in an address. Use only letters, digits, dots, hyphens and underscores.");
}

static void
test_login_dots (void)
{
  g_autofree char *leading = mp_account_rules_login_error (".anna");
  g_autofree char *trailing = mp_account_rules_login_error ("anna.");
  g_autofree char *doubled = mp_account_rules_login_error ("anna..schmidt");

  assert_login_rule ("anna.schmidt", MP_LOGIN_RULE_DOTS, TRUE);
  assert_login_rule (".anna", MP_LOGIN_RULE_DOTS, FALSE);
  assert_login_rule ("anna.", MP_LOGIN_RULE_DOTS, FALSE);
  assert_login_rule ("anna..schmidt", MP_LOGIN_RULE_DOTS, FALSE);
  g_assert_cmpstr (leading, ==, "An address cannot start with a dot. Remove the first dot.");
  g_assert_cmpstr (trailing, ==, "An address cannot end with a dot before the @. Remove the last dot.");
  g_assert_cmpstr (doubled, ==, "An address cannot contain two dots in a row. Remove one of them.");
}

static void
test_login_reports_every_rule (void)
{
  g_autoptr(GPtrArray) results = mp_account_rules_check_login (".a,");

  g_assert_cmpuint (results->len, ==, 4);
  for (guint i = 0; i < results->len; i++)
    g_assert_cmpint (((MpRuleResult *) g_ptr_array_index (results, i))->id, ==, i);
  g_assert_true (find_rule (results, MP_LOGIN_RULE_NOT_EMPTY)->met);
  g_assert_true (find_rule (results, MP_LOGIN_RULE_LENGTH)->met);
  g_assert_false (find_rule (results, MP_LOGIN_RULE_CHARACTERS)->met);
  g_assert_false (find_rule (results, MP_LOGIN_RULE_DOTS)->met);
}

static void
test_address (void)
{
  g_autofree char *ok = mp_account_rules_address_error ("sales@example.com");
  g_autofree char *no_at = mp_account_rules_address_error ("sales");
  g_autofree char *no_domain = mp_account_rules_address_error ("sales@");
  g_autofree char *comma = mp_account_rules_address_error ("sa,les@example.com");

  g_assert_null (ok);
  g_assert_cmpstr (no_at, ==, "Enter a full address with an @ and a domain, for example anna@example.com.");
  g_assert_cmpstr (no_domain, ==, no_at);
  g_assert_true (g_str_has_prefix (comma, "A comma is not allowed in an address."));
}

static void
test_password_accepts_good (void)
{
  MpPasswordContext context = { "anna.schmidt", "Anna Schmidt", NULL, 9, TRUE };
  g_autofree char *error = mp_account_rules_password_error ("Brot4Kuchen!", &context);
  g_autofree char *error_no_context = mp_account_rules_password_error ("Brot4Kuchen!", NULL);

  g_assert_null (error);
  g_assert_null (error_no_context);
}

static void
test_password_length_limits (void)
{
  g_autofree char *error_short = mp_account_rules_password_error ("Abcdef12", NULL);
  g_autofree char *error_long = NULL;
  g_autofree char *thirty = g_strconcat ("Ab1", "xxxxxxxxxxxxxxxxxxxxxxxxxxx", NULL);
  g_autofree char *thirty_one = g_strconcat (thirty, "x", NULL);
  g_autoptr(GPtrArray) results = mp_account_rules_check_password ("", NULL);

  g_assert_cmpuint (strlen (thirty), ==, 30);
  assert_password_rule ("Abcdef123", NULL, MP_PASSWORD_RULE_LENGTH, TRUE);
  assert_password_rule ("Abcdef12", NULL, MP_PASSWORD_RULE_LENGTH, FALSE);
  assert_password_rule (thirty, NULL, MP_PASSWORD_RULE_LENGTH, TRUE);
  assert_password_rule (thirty_one, NULL, MP_PASSWORD_RULE_LENGTH, FALSE);
  g_assert_cmpstr (error_short, ==, "The password is too short: use at least 9 characters.");
  error_long = mp_account_rules_password_error (thirty_one, NULL);
  g_assert_cmpstr (error_long, ==, "The password is too long: use at most 30 characters.");
  g_assert_cmpstr (find_rule (results, MP_PASSWORD_RULE_LENGTH)->description, ==, "9 to 30 characters");
}

static void
test_password_rejects_accents (void)
{
  g_autofree char *error = mp_account_rules_password_error ("Bäckerei123", NULL);

  assert_password_rule ("Bäckerei123", NULL, MP_PASSWORD_RULE_NO_ACCENTS, FALSE);
  assert_password_rule ("Baeckerei123", NULL, MP_PASSWORD_RULE_NO_ACCENTS, TRUE);
  assert_password_rule ("Bread€1234x", NULL, MP_PASSWORD_RULE_NO_ACCENTS, FALSE);
  g_assert_true (g_str_has_prefix (error, "The password contains a letter with an accent"));
}

static void
test_password_rejects_spaces (void)
{
  g_autofree char *error = mp_account_rules_password_error ("Brot 4 Kuchen", NULL);

  assert_password_rule ("Brot 4 Kuchen", NULL, MP_PASSWORD_RULE_NO_SPACES, FALSE);
  assert_password_rule ("Brot\t4Kuchen", NULL, MP_PASSWORD_RULE_NO_SPACES, FALSE);
  assert_password_rule ("Brot4Kuchen", NULL, MP_PASSWORD_RULE_NO_SPACES, TRUE);
  g_assert_cmpstr (error, ==, "The password contains a space. Remove the spaces.");
}

static void
test_password_character_classes (void)
{
  g_autofree char *no_upper = mp_account_rules_password_error ("brot4kuchen", NULL);
  g_autofree char *no_lower = mp_account_rules_password_error ("BROT4KUCHEN", NULL);
  g_autofree char *no_digit = mp_account_rules_password_error ("BrotKuchen!", NULL);

  assert_password_rule ("brot4kuchen", NULL, MP_PASSWORD_RULE_UPPER_CASE, FALSE);
  assert_password_rule ("BROT4KUCHEN", NULL, MP_PASSWORD_RULE_LOWER_CASE, FALSE);
  assert_password_rule ("BrotKuchen!", NULL, MP_PASSWORD_RULE_DIGIT, FALSE);
  assert_password_rule ("Brot4Kuchen", NULL, MP_PASSWORD_RULE_UPPER_CASE, TRUE);
  assert_password_rule ("Brot4Kuchen", NULL, MP_PASSWORD_RULE_LOWER_CASE, TRUE);
  assert_password_rule ("Brot4Kuchen", NULL, MP_PASSWORD_RULE_DIGIT, TRUE);
  g_assert_cmpstr (no_upper, ==, "Add at least one upper-case letter (A–Z) to the password.");
  g_assert_cmpstr (no_lower, ==, "Add at least one lower-case letter (a–z) to the password.");
  g_assert_cmpstr (no_digit, ==, "Add at least one digit (0–9) to the password.");
}

static void
test_password_rejects_login_parts (void)
{
  MpPasswordContext context = { "anna.schmidt", NULL, NULL, -1, FALSE };
  g_autofree char *error = mp_account_rules_password_error ("XSchmidt2024", &context);

  assert_password_rule ("XSchmidt2024", &context, MP_PASSWORD_RULE_NO_NAME_PARTS, FALSE);
  assert_password_rule ("ANNAbread42", &context, MP_PASSWORD_RULE_NO_NAME_PARTS, FALSE);
  assert_password_rule ("Brot4Kuchen", &context, MP_PASSWORD_RULE_NO_NAME_PARTS, TRUE);
  g_assert_cmpstr (error, ==,
                   "The password contains a part of the address or of the display name. Choose a password without them.");
}

static void
test_password_rejects_display_name_parts (void)
{
  MpPasswordContext context = { "info", "Bakery Schmidt-Müller, Sales", NULL, -1, FALSE };

  /* "Bakery", "Schmidt", "Müller", "Sales" and the login "info" are parts; "Sa" alone is not. */
  assert_password_rule ("myBAKERY2024", &context, MP_PASSWORD_RULE_NO_NAME_PARTS, FALSE);
  assert_password_rule ("Xsales99abc", &context, MP_PASSWORD_RULE_NO_NAME_PARTS, FALSE);
  assert_password_rule ("Info2024abc", &context, MP_PASSWORD_RULE_NO_NAME_PARTS, FALSE);
  assert_password_rule ("Sa1lbxyzQ", &context, MP_PASSWORD_RULE_NO_NAME_PARTS, TRUE);
}

static void
test_name_parts (void)
{
  g_auto(GStrv) parts = mp_account_rules_name_parts ("jo.anna_x", "Jo Anna£Wood-Smith, Jr");
  const char *expected[] = { "anna", "wood", "smith", NULL };

  g_assert_cmpstrv (parts, expected);
}

static void
test_password_stricter_service_policy (void)
{
  MpPasswordContext context = { "anna", NULL, NULL, 12, TRUE };
  g_autofree char *error = mp_account_rules_password_error ("Brot4Kuchen", &context);
  g_autoptr(GPtrArray) results = mp_account_rules_check_password ("Brot4Kuchen", &context);
  MpPasswordContext looser = { "anna", NULL, NULL, 6, FALSE };
  MpPasswordContext huge = { "anna", NULL, NULL, 40, TRUE };

  g_assert_cmpuint (mp_account_rules_password_min_length (&context), ==, 12);
  g_assert_cmpstr (error, ==, "The password is too short: use at least 12 characters.");
  g_assert_cmpstr (find_rule (results, MP_PASSWORD_RULE_LENGTH)->description, ==, "12 to 30 characters");
  assert_password_rule ("Brot4Kuchen!", &context, MP_PASSWORD_RULE_LENGTH, TRUE);

  /* A looser service does not loosen the guide's rules. */
  g_assert_cmpuint (mp_account_rules_password_min_length (&looser), ==, 9);
  assert_password_rule ("Brot4Ku", &looser, MP_PASSWORD_RULE_LENGTH, FALSE);
  assert_password_rule ("brot4kuchen", &looser, MP_PASSWORD_RULE_UPPER_CASE, FALSE);

  /* A service asking for more than 30 wins over the guide's maximum. */
  g_assert_cmpuint (mp_account_rules_password_max_length (&huge), ==, 40);
}

static void
test_password_confirmation (void)
{
  MpPasswordContext same = { "anna", NULL, "Brot4Kuchen", -1, FALSE };
  MpPasswordContext other = { "anna", NULL, "Brot4Kuche", -1, FALSE };
  g_autoptr(GPtrArray) without = mp_account_rules_check_password ("Brot4Kuchen", NULL);
  g_autofree char *error = mp_account_rules_password_error ("Brot4Kuchen", &other);

  assert_password_rule ("Brot4Kuchen", &same, MP_PASSWORD_RULE_CONFIRMED, TRUE);
  assert_password_rule ("Brot4Kuchen", &other, MP_PASSWORD_RULE_CONFIRMED, FALSE);
  g_assert_cmpuint (without->len, ==, MP_PASSWORD_RULE_CONFIRMED);
  g_assert_cmpstr (error, ==, "The two passwords are different. Type the same password in both fields.");
}

static void
test_password_checklist_ticks (void)
{
  MpPasswordContext context = { "anna", "Anna Schmidt", "", 9, TRUE };
  const char *typed[] = { "b", "bR", "bR0", "bR0tkuche", "bR0tkuchen" };
  guint met_before = 0;

  /* As the user types, rules only ever get ticked, never unticked, for this input. */
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(GPtrArray) results = mp_account_rules_check_password (typed[i], &context);
      guint met = 0;

      for (guint j = 0; j < results->len; j++)
        met += ((MpRuleResult *) g_ptr_array_index (results, j))->met;
      g_assert_cmpuint (met, >=, met_before);
      met_before = met;
    }
  g_assert_cmpuint (met_before, ==, MP_PASSWORD_RULE_CONFIRMED);
}

static void
test_person_names (void)
{
  g_autofree char *sixty_four = g_strnfill (64, 'a');
  g_autofree char *sixty_five = g_strnfill (65, 'a');
  g_autofree char *long_error = mp_account_rules_person_name_error (sixty_five);
  g_autofree char *control = mp_account_rules_person_name_error ("Anna\nSchmidt");
  g_autofree char *display = g_strnfill (257, 'x');
  g_autofree char *display_error = mp_account_rules_display_name_error (display);
  g_autofree char *fine = mp_account_rules_person_name_error ("Jürgen");
  g_autofree char *fine_long = mp_account_rules_person_name_error (sixty_four);

  g_assert_null (fine);
  g_assert_null (fine_long);
  g_assert_cmpstr (long_error, ==, "A first or last name can have at most 64 characters. Shorten it.");
  g_assert_cmpstr (control, ==, "A name cannot contain line breaks or other invisible characters. Remove them.");
  g_assert_cmpstr (display_error, ==, "The display name can have at most 256 characters. Shorten it.");
}

static void
test_suggest_display_name (void)
{
  g_autofree char *both = mp_account_rules_suggest_display_name (" Anna ", "Schmidt");
  g_autofree char *first = mp_account_rules_suggest_display_name ("Anna", NULL);
  g_autofree char *last = mp_account_rules_suggest_display_name ("", "Schmidt");

  g_assert_cmpstr (both, ==, "Anna Schmidt");
  g_assert_cmpstr (first, ==, "Anna");
  g_assert_cmpstr (last, ==, "Schmidt");
}

static void
test_rule_result_boxed (void)
{
  g_autoptr(GPtrArray) results = mp_account_rules_check_login ("a");
  MpRuleResult *copy = g_boxed_copy (MP_TYPE_RULE_RESULT, find_rule (results, MP_LOGIN_RULE_LENGTH));

  g_assert_false (copy->met);
  g_assert_cmpstr (copy->reason, ==, find_rule (results, MP_LOGIN_RULE_LENGTH)->reason);
  g_boxed_free (MP_TYPE_RULE_RESULT, copy);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mailpost/rules/login/accepts-plain", test_login_accepts_plain);
  g_test_add_func ("/mailpost/rules/login/length-2-to-32", test_login_length_limits);
  g_test_add_func ("/mailpost/rules/login/empty", test_login_empty);
  g_test_add_func ("/mailpost/rules/login/rejects-comma", test_login_rejects_comma);
  g_test_add_func ("/mailpost/rules/login/rejects-accents", test_login_rejects_accents);
  g_test_add_func ("/mailpost/rules/login/rejects-spaces", test_login_rejects_spaces);
  g_test_add_func ("/mailpost/rules/login/rejects-symbols", test_login_rejects_symbols);
  g_test_add_func ("/mailpost/rules/login/dots", test_login_dots);
  g_test_add_func ("/mailpost/rules/login/reports-every-rule", test_login_reports_every_rule);
  g_test_add_func ("/mailpost/rules/address", test_address);
  g_test_add_func ("/mailpost/rules/password/accepts-good", test_password_accepts_good);
  g_test_add_func ("/mailpost/rules/password/length-9-to-30", test_password_length_limits);
  g_test_add_func ("/mailpost/rules/password/rejects-accents", test_password_rejects_accents);
  g_test_add_func ("/mailpost/rules/password/rejects-spaces", test_password_rejects_spaces);
  g_test_add_func ("/mailpost/rules/password/character-classes", test_password_character_classes);
  g_test_add_func ("/mailpost/rules/password/rejects-login-parts", test_password_rejects_login_parts);
  g_test_add_func ("/mailpost/rules/password/rejects-display-name-parts", test_password_rejects_display_name_parts);
  g_test_add_func ("/mailpost/rules/password/name-parts", test_name_parts);
  g_test_add_func ("/mailpost/rules/password/stricter-service-policy", test_password_stricter_service_policy);
  g_test_add_func ("/mailpost/rules/password/confirmation", test_password_confirmation);
  g_test_add_func ("/mailpost/rules/password/checklist-ticks", test_password_checklist_ticks);
  g_test_add_func ("/mailpost/rules/names/limits", test_person_names);
  g_test_add_func ("/mailpost/rules/names/suggest-display-name", test_suggest_display_name);
  g_test_add_func ("/mailpost/rules/result-boxed", test_rule_result_boxed);

  return g_test_run ();
}
