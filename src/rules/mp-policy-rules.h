/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-policy-rules.h: the ranges and cross-checks of a service's security policy.
 *
 * Pure functions, no I/O: the security policy dialog checks every value as it changes and
 * shows the reason under it, and the session checks the whole policy again before its PUT.
 * The ranges are those of the provider's "Manage security policy" dialog (features.md §1.8):
 *
 * - minPasswordLength: 0 (no minimum) or 3 to 14 characters;
 * - minPasswordAge: 0 to 90 days; maxPasswordAge: 0 (never expires) or 1 to 90 days, and
 *   longer than the minimum age when both are set;
 * - lockoutThreshold: 0 (never lock) or 1 to 14 failed attempts;
 * - lockoutObservationWindow and lockoutDuration: 1 to 90 minutes, the window no longer than
 *   the duration; they matter (and are sent) only with a threshold;
 * - maxSendSize and maxReceiveSize: 1 to 100 MB, the largest message E-Mail Pro carries.
 *
 * Each refusal is one translated sentence that says what to change; NULL means valid.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MP_POLICY_MIN_PASSWORD_LENGTH_MIN 3
#define MP_POLICY_MIN_PASSWORD_LENGTH_MAX 14
#define MP_POLICY_PASSWORD_AGE_MAX        90
#define MP_POLICY_LOCKOUT_THRESHOLD_MAX   14
#define MP_POLICY_LOCKOUT_MINUTES_MIN     1
#define MP_POLICY_LOCKOUT_MINUTES_MAX     90
#define MP_POLICY_MESSAGE_SIZE_MIN        1
#define MP_POLICY_MESSAGE_SIZE_MAX        100

/* The fields that have a range, in the order the dialog shows them. */
typedef enum
{
  MP_POLICY_FIELD_MIN_PASSWORD_LENGTH,
  MP_POLICY_FIELD_MIN_PASSWORD_AGE,
  MP_POLICY_FIELD_MAX_PASSWORD_AGE,
  MP_POLICY_FIELD_LOCKOUT_THRESHOLD,
  MP_POLICY_FIELD_LOCKOUT_OBSERVATION_WINDOW,
  MP_POLICY_FIELD_LOCKOUT_DURATION,
  MP_POLICY_FIELD_MAX_SEND_SIZE,
  MP_POLICY_FIELD_MAX_RECEIVE_SIZE,
  MP_POLICY_N_FIELDS
} MpPolicyField;

/* email.pro.spamAndVirusConfiguration.  put_in_junk is overridden by delete_spam and
 * delete_virus on the provider's side. */
typedef struct
{
  gboolean check_dkim;
  gboolean check_spf;
  gboolean delete_spam;
  gboolean delete_virus;
  gboolean put_in_junk;
  gboolean tag_spam;
  gboolean tag_virus;
} MpSpamPolicy;

/* The writable settings of email.pro.Service apart from the display name.  A field the
 * provider left null reads as 0 ("not set"). */
typedef struct
{
  gboolean     complexity_enabled;
  gint64       min_password_length;
  gint64       min_password_age;
  gint64       max_password_age;
  gint64       lockout_threshold;
  gint64       lockout_observation_window;
  gint64       lockout_duration;
  gint64       max_send_size;
  gint64       max_receive_size;
  MpSpamPolicy spam;
} MpServicePolicy;

/* The reason field of policy is refused, NULL when it is valid.  Cross-checks are reported
 * on one field only: "longer than the minimum age" under the maximum age, "no longer than
 * the lockout duration" under the observation window. */
char     *mp_policy_rules_check_field   (const MpServicePolicy *policy,
                                         MpPolicyField          field);
/* The first refused field's reason (its field in *field when asked), NULL when the whole
 * policy is valid. */
char     *mp_policy_rules_check         (const MpServicePolicy *policy,
                                         MpPolicyField         *field);
/* Whether the lockout window and duration are in effect (and sent): a threshold is set. */
gboolean  mp_policy_rules_uses_lockout  (const MpServicePolicy *policy);
/* Whether put_in_junk still decides anything: FALSE when both spam and viruses are
 * deleted, which overrides it. */
gboolean  mp_policy_rules_junk_matters  (const MpSpamPolicy *spam);

G_END_DECLS
