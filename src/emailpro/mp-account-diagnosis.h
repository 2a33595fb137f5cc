/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-account-diagnosis.h: the provider's check of one mailbox (email.pro.AccountDiagnosis),
 * with a plain-words meaning for each field and what to do when it fails.
 *
 * The provider runs the check as a task (POST …/diagnostics {password}) and keeps the last
 * result (GET …/diagnostics); mp_session_diagnose_account_async does both. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One per boolean field of the schema, in the order a dialog lists them. */
typedef enum
{
  MP_ACCOUNT_CHECK_CONNECTIVE_WEBMAIL,  /* connectiveWebmail */
  MP_ACCOUNT_CHECK_CAN_SEND_EMAIL,      /* canSendEmail */
  MP_ACCOUNT_CHECK_CAN_RECEIVE_EMAIL,   /* canReceiveEmail */
  MP_ACCOUNT_CHECK_MX_VALID,            /* isMxValid */
  MP_ACCOUNT_CHECK_SRV_VALID,           /* isSrvValid */
  MP_ACCOUNT_CHECK_NOT_LOCKED,          /* isLocked, inverted */
  MP_ACCOUNT_CHECK_NOT_SUSPENDED,       /* isSuspended, inverted */
  MP_ACCOUNT_CHECK_NOT_SPAMMER,         /* isSpammer, inverted */
} MpAccountCheck;

#define MP_ACCOUNT_N_CHECKS (MP_ACCOUNT_CHECK_NOT_SPAMMER + 1)

/* One line of the diagnosis.  passed says whether the mailbox is fine on that point
 * (isLocked = false passes).  The strings are static and translated. */
typedef struct
{
  MpAccountCheck  check;
  const char     *field;     /* the schema's name, "isMxValid" */
  gboolean        passed;
  gboolean        known;     /* FALSE when the provider's answer lacked the field */
  const char     *title;     /* "Signs in to webmail" */
  const char     *meaning;   /* what was tested, in plain words */
  const char     *remedy;    /* what to do when it fails (also set when it passed) */
} MpAccountCheckResult;

#define MP_TYPE_ACCOUNT_DIAGNOSIS (mp_account_diagnosis_get_type ())
G_DECLARE_FINAL_TYPE (MpAccountDiagnosis, mp_account_diagnosis, MP, ACCOUNT_DIAGNOSIS, GObject)

/* Tolerant: a missing field reads as not known (known = FALSE, passed = FALSE).  Fails with
 * MP_OVH_ERROR_MALFORMED only when node is not an object. */
MpAccountDiagnosis *mp_account_diagnosis_new_from_json (JsonNode            *node,
                                                        GError             **error);
/* The schema's fields. */
gboolean            mp_account_diagnosis_get_can_receive_email   (MpAccountDiagnosis *self);
gboolean            mp_account_diagnosis_get_can_send_email      (MpAccountDiagnosis *self);
gboolean            mp_account_diagnosis_get_connective_webmail  (MpAccountDiagnosis *self);
gboolean            mp_account_diagnosis_get_is_locked           (MpAccountDiagnosis *self);
gboolean            mp_account_diagnosis_get_is_mx_valid         (MpAccountDiagnosis *self);
gboolean            mp_account_diagnosis_get_is_spammer          (MpAccountDiagnosis *self);
gboolean            mp_account_diagnosis_get_is_srv_valid        (MpAccountDiagnosis *self);
gboolean            mp_account_diagnosis_get_is_suspended        (MpAccountDiagnosis *self);
GDateTime          *mp_account_diagnosis_get_last_check          (MpAccountDiagnosis *self);  /* may be NULL */

/* The fields as checklist lines, MP_ACCOUNT_N_CHECKS of them in MpAccountCheck order. */
const MpAccountCheckResult *mp_account_diagnosis_get_check      (MpAccountDiagnosis *self,
                                                                 MpAccountCheck      check);
/* TRUE when every known check passed. */
gboolean            mp_account_diagnosis_get_all_passed          (MpAccountDiagnosis *self);

G_END_DECLS
