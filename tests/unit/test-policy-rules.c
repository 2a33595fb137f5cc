/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The security policy's ranges and cross-checks, and the "only what changed" PUT body. */
#include "config.h"

#include <string.h>

#include "emailpro/mp-session.h"
#include "rules/mp-policy-rules.h"

/* The demo service's policy: valid. */
static MpServicePolicy
valid_policy (void)
{
  MpServicePolicy policy = {
    .complexity_enabled = TRUE,
    .min_password_length = 9,
    .min_password_age = 1,
    .max_password_age = 90,
    .lockout_threshold = 5,
    .lockout_observation_window = 30,
    .lockout_duration = 30,
    .max_send_size = 100,
    .max_receive_size = 100,
    .spam = { .check_dkim = TRUE, .check_spf = TRUE, .put_in_junk = TRUE, .tag_spam = TRUE },
  };

  return policy;
}

static void
assert_field_valid (const MpServicePolicy *policy,
                    MpPolicyField          field)
{
  g_autofree char *reason = mp_policy_rules_check_field (policy, field);

  g_assert_null (reason);
}

static void
assert_field_refused (const MpServicePolicy *policy,
                      MpPolicyField          field,
                      const char            *fragment)
{
  g_autofree char *reason = mp_policy_rules_check_field (policy, field);

  g_assert_nonnull (reason);
  if (fragment != NULL)
    g_assert_nonnull (strstr (reason, fragment));
  /* A sentence, never a fragment. */
  g_assert_true (g_str_has_suffix (reason, "."));
}

static void
test_valid_policy_passes (void)
{
  MpServicePolicy policy = valid_policy ();
  MpPolicyField field = MP_POLICY_N_FIELDS;
  g_autofree char *reason = mp_policy_rules_check (&policy, &field);

  g_assert_null (reason);
  g_assert_cmpint (field, ==, MP_POLICY_N_FIELDS);
}

static void
test_min_length_zero_or_3_to_14 (void)
{
  MpServicePolicy policy = valid_policy ();
  const gint64 good[] = { 0, 3, 8, 14 };
  const gint64 bad[] = { -1, 1, 2, 15, 30 };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      policy.min_password_length = good[i];
      assert_field_valid (&policy, MP_POLICY_FIELD_MIN_PASSWORD_LENGTH);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      policy.min_password_length = bad[i];
      assert_field_refused (&policy, MP_POLICY_FIELD_MIN_PASSWORD_LENGTH, "between 3 and 14");
    }
}

static void
test_max_age_above_min_age (void)
{
  MpServicePolicy policy = valid_policy ();

  policy.min_password_age = 30;
  policy.max_password_age = 30;
  assert_field_refused (&policy, MP_POLICY_FIELD_MAX_PASSWORD_AGE, "minimum age of 30 days");
  /* The minimum age itself is fine: the cross-check is reported once, on the maximum. */
  assert_field_valid (&policy, MP_POLICY_FIELD_MIN_PASSWORD_AGE);

  policy.max_password_age = 31;
  assert_field_valid (&policy, MP_POLICY_FIELD_MAX_PASSWORD_AGE);

  /* 0: passwords never expire, whatever the minimum. */
  policy.max_password_age = 0;
  assert_field_valid (&policy, MP_POLICY_FIELD_MAX_PASSWORD_AGE);

  policy.max_password_age = 91;
  assert_field_refused (&policy, MP_POLICY_FIELD_MAX_PASSWORD_AGE, "between 1 and 90");
}

static void
test_min_age_in_range (void)
{
  MpServicePolicy policy = valid_policy ();

  policy.max_password_age = 0;
  policy.min_password_age = 0;
  assert_field_valid (&policy, MP_POLICY_FIELD_MIN_PASSWORD_AGE);
  policy.min_password_age = 90;
  assert_field_valid (&policy, MP_POLICY_FIELD_MIN_PASSWORD_AGE);
  policy.min_password_age = 91;
  assert_field_refused (&policy, MP_POLICY_FIELD_MIN_PASSWORD_AGE, "between 0 and 90");
  policy.min_password_age = -1;
  assert_field_refused (&policy, MP_POLICY_FIELD_MIN_PASSWORD_AGE, NULL);
}

static void
test_threshold_zero_or_1_to_14 (void)
{
  MpServicePolicy policy = valid_policy ();

  policy.lockout_threshold = 14;
  assert_field_valid (&policy, MP_POLICY_FIELD_LOCKOUT_THRESHOLD);
  policy.lockout_threshold = 15;
  assert_field_refused (&policy, MP_POLICY_FIELD_LOCKOUT_THRESHOLD, "between 1 and 14");
  policy.lockout_threshold = -3;
  assert_field_refused (&policy, MP_POLICY_FIELD_LOCKOUT_THRESHOLD, NULL);
}

static void
test_window_not_longer_than_duration (void)
{
  MpServicePolicy policy = valid_policy ();
  MpPolicyField field = MP_POLICY_N_FIELDS;
  g_autofree char *reason = NULL;

  policy.lockout_observation_window = 45;
  policy.lockout_duration = 30;
  assert_field_refused (&policy, MP_POLICY_FIELD_LOCKOUT_OBSERVATION_WINDOW, "at most 30 minutes");
  assert_field_valid (&policy, MP_POLICY_FIELD_LOCKOUT_DURATION);

  reason = mp_policy_rules_check (&policy, &field);
  g_assert_nonnull (reason);
  g_assert_cmpint (field, ==, MP_POLICY_FIELD_LOCKOUT_OBSERVATION_WINDOW);

  policy.lockout_duration = 45;
  assert_field_valid (&policy, MP_POLICY_FIELD_LOCKOUT_OBSERVATION_WINDOW);
}

static void
test_lockout_minutes_1_to_90 (void)
{
  MpServicePolicy policy = valid_policy ();

  policy.lockout_duration = 0;
  assert_field_refused (&policy, MP_POLICY_FIELD_LOCKOUT_DURATION, "between 1 and 90");
  policy.lockout_duration = 91;
  assert_field_refused (&policy, MP_POLICY_FIELD_LOCKOUT_DURATION, "between 1 and 90");
  policy.lockout_duration = 90;
  policy.lockout_observation_window = 0;
  assert_field_refused (&policy, MP_POLICY_FIELD_LOCKOUT_OBSERVATION_WINDOW, "between 1 and 90");
}

static void
test_lockout_ignored_without_threshold (void)
{
  MpServicePolicy policy = valid_policy ();
  g_autofree char *reason = NULL;

  policy.lockout_threshold = 0;
  policy.lockout_observation_window = 0;
  policy.lockout_duration = 500;
  g_assert_false (mp_policy_rules_uses_lockout (&policy));
  reason = mp_policy_rules_check (&policy, NULL);
  g_assert_null (reason);
}

static void
test_message_sizes (void)
{
  MpServicePolicy policy = valid_policy ();

  policy.max_send_size = 0;
  assert_field_refused (&policy, MP_POLICY_FIELD_MAX_SEND_SIZE, "between 1 and 100 MB");
  policy.max_receive_size = 101;
  assert_field_refused (&policy, MP_POLICY_FIELD_MAX_RECEIVE_SIZE, "between 1 and 100 MB");
  policy.max_receive_size = 1;
  assert_field_valid (&policy, MP_POLICY_FIELD_MAX_RECEIVE_SIZE);
}

static void
test_junk_overridden_by_delete (void)
{
  MpSpamPolicy spam = { .put_in_junk = TRUE };

  g_assert_true (mp_policy_rules_junk_matters (&spam));
  spam.delete_spam = TRUE;
  g_assert_true (mp_policy_rules_junk_matters (&spam));
  spam.delete_virus = TRUE;
  g_assert_false (mp_policy_rules_junk_matters (&spam));
}

static void
test_changes_only_what_changed (void)
{
  MpServicePolicy original = valid_policy ();
  MpServicePolicy policy = original;
  g_autoptr(JsonNode) none = NULL;
  g_autoptr(JsonNode) body = NULL;
  JsonObject *object, *spam;

  none = mp_session_build_policy_changes (&original, &policy);
  g_assert_null (none);

  policy.min_password_length = 12;
  policy.spam.delete_virus = TRUE;
  body = mp_session_build_policy_changes (&original, &policy);
  g_assert_nonnull (body);
  object = json_node_get_object (body);
  g_assert_cmpuint (json_object_get_size (object), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object, "minPasswordLength"), ==, 12);
  spam = json_object_get_object_member (object, "spamAndVirusConfiguration");
  g_assert_nonnull (spam);
  g_assert_cmpuint (json_object_get_size (spam), ==, 7);
  g_assert_true (json_object_get_boolean_member (spam, "deleteVirus"));
  g_assert_true (json_object_get_boolean_member (spam, "checkDKIM"));
}

static void
test_changes_lockout_only_with_threshold (void)
{
  MpServicePolicy original = valid_policy ();
  MpServicePolicy policy = original;
  g_autoptr(JsonNode) body = NULL;
  JsonObject *object;

  policy.lockout_threshold = 0;
  policy.lockout_duration = 60;
  body = mp_session_build_policy_changes (&original, &policy);
  object = json_node_get_object (body);
  g_assert_cmpuint (json_object_get_size (object), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "lockoutThreshold"), ==, 0);
  g_assert_false (json_object_has_member (object, "lockoutDuration"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mailpost/rules/policy/valid-policy-passes", test_valid_policy_passes);
  g_test_add_func ("/mailpost/rules/policy/min-length-zero-or-3-to-14", test_min_length_zero_or_3_to_14);
  g_test_add_func ("/mailpost/rules/policy/min-age-in-range", test_min_age_in_range);
  g_test_add_func ("/mailpost/rules/policy/max-age-above-min-age", test_max_age_above_min_age);
  g_test_add_func ("/mailpost/rules/policy/threshold-zero-or-1-to-14", test_threshold_zero_or_1_to_14);
  g_test_add_func ("/mailpost/rules/policy/window-not-longer-than-duration", test_window_not_longer_than_duration);
  g_test_add_func ("/mailpost/rules/policy/lockout-minutes-1-to-90", test_lockout_minutes_1_to_90);
  g_test_add_func ("/mailpost/rules/policy/lockout-ignored-without-threshold", test_lockout_ignored_without_threshold);
  g_test_add_func ("/mailpost/rules/policy/message-sizes", test_message_sizes);
  g_test_add_func ("/mailpost/rules/policy/junk-overridden-by-delete", test_junk_overridden_by_delete);
  g_test_add_func ("/mailpost/session/policy/changes-only-what-changed", test_changes_only_what_changed);
  g_test_add_func ("/mailpost/session/policy/lockout-only-with-threshold", test_changes_lockout_only_with_threshold);

  return g_test_run ();
}
