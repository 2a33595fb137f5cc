/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "api/mp-ovh-error-private.h"
#include "emailpro/mp-account-diagnosis.h"
#include "emailpro/mp-json.h"

typedef struct
{
  const char *field;
  gboolean    inverted;   /* TRUE when the field being true is the problem (isLocked) */
  const char *title;
  const char *meaning;
  const char *remedy;
} CheckInfo;

/* In MpAccountCheck order. */
static const CheckInfo check_info[MP_ACCOUNT_N_CHECKS] = {
  { "connectiveWebmail", FALSE,
    N_("Signs in with its password"),
    N_("The provider could sign in to webmail with this address and the password you gave."),
    N_("Check the password. If nobody knows it any more, set a new one with Change Password and use it in every mail program.") },
  { "canSendEmail", FALSE,
    N_("Sends mail"),
    N_("A test message sent from this address was delivered."),
    N_("Check that the mailbox is neither blocked for spam nor suspended, and that the domain’s SPF record is in place (see the domain’s diagnosis).") },
  { "canReceiveEmail", FALSE,
    N_("Receives mail"),
    N_("A test message sent to this address arrived in the mailbox."),
    N_("Check the domain’s MX records on the domain’s diagnosis page, and that the mailbox is not full.") },
  { "isMxValid", FALSE,
    N_("Incoming mail reaches the provider"),
    N_("The domain’s MX records send incoming mail to the provider’s servers."),
    N_("Open the domain’s diagnosis and add the MX records it lists at your DNS host. Changes can take a few hours to be seen everywhere.") },
  { "isSrvValid", FALSE,
    N_("Mail programs set themselves up"),
    N_("The domain’s autodiscover record lets mail programs find their settings by themselves."),
    N_("Open the domain’s diagnosis and add the SRV record it lists. Until then, enter the server settings in mail programs by hand.") },
  { "isLocked", TRUE,
    N_("Not locked"),
    N_("The mailbox is not locked after too many wrong passwords."),
    N_("Wait for the lockout time of the service to pass, then sign in with the right password or set a new one. Check phones and computers that may still try an old password.") },
  { "isSuspended", TRUE,
    N_("Not suspended"),
    N_("The provider has not suspended this mailbox."),
    N_("Check your bills in the OVHcloud customer area: a suspended mailbox usually follows an unpaid bill.") },
  { "isSpammer", TRUE,
    N_("Not flagged for spam"),
    N_("The provider has not caught this mailbox sending spam."),
    N_("Change the password now, check the computers that use this address for viruses, and answer the spam ticket in your OVHcloud customer area.") },
};

struct _MpAccountDiagnosis
{
  GObject               parent_instance;

  gboolean              values[MP_ACCOUNT_N_CHECKS];   /* the schema's fields as sent */
  MpAccountCheckResult  checks[MP_ACCOUNT_N_CHECKS];
  GDateTime            *last_check;
};

G_DEFINE_FINAL_TYPE (MpAccountDiagnosis, mp_account_diagnosis, G_TYPE_OBJECT)

static void
mp_account_diagnosis_finalize (GObject *object)
{
  MpAccountDiagnosis *self = (MpAccountDiagnosis *) object;

  g_clear_pointer (&self->last_check, g_date_time_unref);

  G_OBJECT_CLASS (mp_account_diagnosis_parent_class)->finalize (object);
}

static void
mp_account_diagnosis_class_init (MpAccountDiagnosisClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mp_account_diagnosis_finalize;
}

static void
mp_account_diagnosis_init (MpAccountDiagnosis *self)
{
}

MpAccountDiagnosis *
mp_account_diagnosis_new_from_json (JsonNode  *node,
                                    GError   **error)
{
  MpAccountDiagnosis *self;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_debug ("Account diagnosis answer is not an object");
      g_propagate_error (error, mp_ovh_error_new_for_code (MP_OVH_ERROR_MALFORMED));
      return NULL;
    }

  object = json_node_get_object (node);
  self = g_object_new (MP_TYPE_ACCOUNT_DIAGNOSIS, NULL);
  self->last_check = mp_json_get_date_time (object, "lastCheck");

  for (guint i = 0; i < MP_ACCOUNT_N_CHECKS; i++)
    {
      const CheckInfo *info = &check_info[i];
      MpAccountCheckResult *check = &self->checks[i];
      JsonNode *member = json_object_get_member (object, info->field);

      check->check = i;
      check->field = info->field;
      check->known = member != NULL && JSON_NODE_HOLDS_VALUE (member) &&
                     json_node_get_value_type (member) == G_TYPE_BOOLEAN;
      self->values[i] = mp_json_get_boolean (object, info->field, FALSE);
      check->passed = check->known && (info->inverted ? !self->values[i] : self->values[i]);
      check->title = _(info->title);
      check->meaning = _(info->meaning);
      check->remedy = _(info->remedy);
    }

  return self;
}

#define FIELD_GETTER(name, check) \
  gboolean mp_account_diagnosis_get_##name (MpAccountDiagnosis *self) \
  { \
    g_return_val_if_fail (MP_IS_ACCOUNT_DIAGNOSIS (self), FALSE); \
    return self->values[check]; \
  }

FIELD_GETTER (can_receive_email, MP_ACCOUNT_CHECK_CAN_RECEIVE_EMAIL)
FIELD_GETTER (can_send_email, MP_ACCOUNT_CHECK_CAN_SEND_EMAIL)
FIELD_GETTER (connective_webmail, MP_ACCOUNT_CHECK_CONNECTIVE_WEBMAIL)
FIELD_GETTER (is_locked, MP_ACCOUNT_CHECK_NOT_LOCKED)
FIELD_GETTER (is_mx_valid, MP_ACCOUNT_CHECK_MX_VALID)
FIELD_GETTER (is_spammer, MP_ACCOUNT_CHECK_NOT_SPAMMER)
FIELD_GETTER (is_srv_valid, MP_ACCOUNT_CHECK_SRV_VALID)
FIELD_GETTER (is_suspended, MP_ACCOUNT_CHECK_NOT_SUSPENDED)

GDateTime *
mp_account_diagnosis_get_last_check (MpAccountDiagnosis *self)
{
  g_return_val_if_fail (MP_IS_ACCOUNT_DIAGNOSIS (self), NULL);
  return self->last_check;
}

const MpAccountCheckResult *
mp_account_diagnosis_get_check (MpAccountDiagnosis *self,
                                MpAccountCheck      check)
{
  g_return_val_if_fail (MP_IS_ACCOUNT_DIAGNOSIS (self), NULL);
  g_return_val_if_fail (check < MP_ACCOUNT_N_CHECKS, NULL);
  return &self->checks[check];
}

gboolean
mp_account_diagnosis_get_all_passed (MpAccountDiagnosis *self)
{
  g_return_val_if_fail (MP_IS_ACCOUNT_DIAGNOSIS (self), FALSE);

  for (guint i = 0; i < MP_ACCOUNT_N_CHECKS; i++)
    if (self->checks[i].known && !self->checks[i].passed)
      return FALSE;
  return TRUE;
}
