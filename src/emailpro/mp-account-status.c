/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-account-status.c: what the accounts page derives from a mailbox — placeholder or not,
 * one status, the usage — and the words for each status. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "emailpro/mp-account.h"

gboolean
mp_account_address_is_placeholder (const char *address)
{
  const char *at;

  if (address == NULL || (at = strrchr (address, '@')) == NULL)
    return FALSE;
  return g_ascii_strcasecmp (at + 1, MP_ACCOUNT_PLACEHOLDER_DOMAIN) == 0;
}

gboolean
mp_account_get_is_placeholder (MpAccount *self)
{
  g_return_val_if_fail (MP_IS_ACCOUNT (self), FALSE);

  return !mp_account_get_configured (self) ||
         mp_account_address_is_placeholder (mp_account_get_primary_email_address (self));
}

MpAccountStatus
mp_account_get_status (MpAccount *self)
{
  MpObjectState state;

  g_return_val_if_fail (MP_IS_ACCOUNT (self), MP_ACCOUNT_STATUS_READY);

  state = mp_account_get_state (self);
  if (mp_account_get_spam_detected (self))
    return MP_ACCOUNT_STATUS_SPAM_DETECTED;
  if (state == MP_OBJECT_STATE_SUSPENDED || state == MP_OBJECT_STATE_SUSPENDING)
    return MP_ACCOUNT_STATUS_SUSPENDED;
  if (mp_account_get_locked (self))
    return MP_ACCOUNT_STATUS_LOCKED;
  if (mp_account_get_task_pending_id (self) != 0 ||
      state == MP_OBJECT_STATE_CREATING ||
      state == MP_OBJECT_STATE_DELETING ||
      state == MP_OBJECT_STATE_REOPENING)
    return MP_ACCOUNT_STATUS_TASK_RUNNING;
  if (mp_account_get_is_placeholder (self))
    return MP_ACCOUNT_STATUS_PLACEHOLDER;
  return MP_ACCOUNT_STATUS_READY;
}

double
mp_account_get_usage_fraction (MpAccount *self)
{
  gint64 usage, quota;

  g_return_val_if_fail (MP_IS_ACCOUNT (self), -1.0);

  usage = mp_account_get_current_usage (self);
  quota = mp_account_get_quota (self);
  if (usage < 0 || quota <= 0)
    return -1.0;
  return MIN (1.0, (double) usage / (double) quota);
}

const char *
mp_account_status_to_label (MpAccountStatus status)
{
  switch (status)
    {
    case MP_ACCOUNT_STATUS_SPAM_DETECTED:
      return _("Spam detected");
    case MP_ACCOUNT_STATUS_SUSPENDED:
      return _("Suspended");
    case MP_ACCOUNT_STATUS_LOCKED:
      return _("Locked");
    case MP_ACCOUNT_STATUS_TASK_RUNNING:
      return _("Change in progress");
    case MP_ACCOUNT_STATUS_PLACEHOLDER:
      return _("Not set up");
    case MP_ACCOUNT_STATUS_READY:
    default:
      return _("Ready");
    }
}

const char *
mp_account_status_to_string (MpAccountStatus status)
{
  switch (status)
    {
    case MP_ACCOUNT_STATUS_SPAM_DETECTED:
      return "spamDetected";
    case MP_ACCOUNT_STATUS_SUSPENDED:
      return "suspended";
    case MP_ACCOUNT_STATUS_LOCKED:
      return "locked";
    case MP_ACCOUNT_STATUS_TASK_RUNNING:
      return "taskRunning";
    case MP_ACCOUNT_STATUS_PLACEHOLDER:
      return "placeholder";
    case MP_ACCOUNT_STATUS_READY:
    default:
      return "ready";
    }
}

char *
mp_account_describe_status (MpAccount *self)
{
  g_return_val_if_fail (MP_IS_ACCOUNT (self), NULL);

  switch (mp_account_get_status (self))
    {
    case MP_ACCOUNT_STATUS_SPAM_DETECTED:
      if (mp_account_get_spam_ticket_number (self) > 0)
        {
          g_autofree char *ticket = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                     mp_account_get_spam_ticket_number (self));

          /* TRANSLATORS: %s is the number of a support ticket, e.g. 1234567. */
          return g_strdup_printf (_("This mailbox sent spam, so the provider blocked the mail it sends. Answer ticket %s in your OVHcloud customer area, then give the address a new password."),
                                  ticket);
        }
      return g_strdup (_("This mailbox sent spam, so the provider blocked the mail it sends. Contact OVHcloud support from your customer area, then give the address a new password."));
    case MP_ACCOUNT_STATUS_SUSPENDED:
      return g_strdup (_("This mailbox is suspended: it neither sends nor receives mail. This usually follows an unpaid bill; check your bills in the OVHcloud customer area."));
    case MP_ACCOUNT_STATUS_LOCKED:
      return g_strdup (_("This mailbox is locked after too many wrong passwords. It unlocks by itself after the lockout time of the service; then sign in with the right password or set a new one."));
    case MP_ACCOUNT_STATUS_TASK_RUNNING:
      return g_strdup (_("A change to this mailbox is being carried out. This usually takes a few minutes; the list updates by itself."));
    case MP_ACCOUNT_STATUS_PLACEHOLDER:
      return g_strdup (_("This mailbox is paid for but has no address yet. Choose Configure to give it an address and a password."));
    case MP_ACCOUNT_STATUS_READY:
    default:
      return g_strdup (_("This mailbox is ready to send and receive mail."));
    }
}
