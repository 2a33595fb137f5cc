/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-setup-checklist.h: the five steps of the provider's guide, each with its state computed
 * from a session, so the overview can walk a new service through them in order.
 *
 * 1 signed in; 2 at least one domain attached; 3 the live DNS checks of every attached domain
 * pass (warnings count as passed: the guide asks for no more); 4 every placeholder mailbox
 * configured; 5 at least one account exported for a mail program (remembered in the
 * "exported-accounts" setting, and counted only while that address is still a configured
 * account of the service).
 *
 * The DNS step runs mp_session_diagnose_domain_async for every domain when the checklist is
 * made, after every session refresh and when domains come; results seen elsewhere can be
 * handed in with mp_setup_checklist_note_diagnosis().
 */
#pragma once

#include <gio/gio.h>

#include "emailpro/mp-session.h"

G_BEGIN_DECLS

typedef enum
{
  MP_SETUP_STEP_SIGN_IN,
  MP_SETUP_STEP_DOMAIN,
  MP_SETUP_STEP_DNS,
  MP_SETUP_STEP_ACCOUNTS,
  MP_SETUP_STEP_MAIL_CLIENT,
} MpSetupStep;

#define MP_SETUP_N_STEPS 5
/* What "current-step" is once every step is done. */
#define MP_SETUP_STEP_NONE (-1)

typedef enum
{
  MP_SETUP_STATE_TO_DO,
  MP_SETUP_STATE_CHECKING,   /* being checked, or waiting for the provider */
  MP_SETUP_STATE_DONE,
} MpSetupState;

#define MP_TYPE_SETUP_CHECKLIST (mp_setup_checklist_get_type ())
G_DECLARE_FINAL_TYPE (MpSetupChecklist, mp_setup_checklist, MP, SETUP_CHECKLIST, GObject)

/* settings: the app's GSettings, where exports are remembered; NULL keeps them in memory
 * only.  Signal "changed" comes once per real change of any state or detail; property
 * "current-step" (int: the first step not done, or MP_SETUP_STEP_NONE) is notified on real
 * change. */
MpSetupChecklist *mp_setup_checklist_new              (MpSession        *session,
                                                       GSettings        *settings);
MpSession        *mp_setup_checklist_get_session      (MpSetupChecklist *self);
MpSetupState      mp_setup_checklist_get_state        (MpSetupChecklist *self,
                                                       MpSetupStep       step);
/* A translated sentence about the step as it stands, e.g. "1 of 2 domains needs DNS
 * changes." */
char             *mp_setup_checklist_dup_detail       (MpSetupChecklist *self,
                                                       MpSetupStep       step);
int               mp_setup_checklist_get_current_step (MpSetupChecklist *self);
/* The first domain (by name) whose DNS is not passed yet, else the first domain, else NULL:
 * where the diagnosis page should open. */
const char       *mp_setup_checklist_get_dns_focus    (MpSetupChecklist *self);

/* Checks the DNS of every attached domain again. */
void              mp_setup_checklist_check_dns        (MpSetupChecklist *self);
/* A diagnosis made elsewhere (the diagnosis page), newer than what the checklist holds. */
void              mp_setup_checklist_note_diagnosis   (MpSetupChecklist  *self,
                                                       MpDomainDiagnosis *diagnosis);
/* The account with that address was exported for a mail program. */
void              mp_setup_checklist_note_export      (MpSetupChecklist *self,
                                                       const char       *address);

/* Stops the running checks for good (the session goes away). */
void              mp_setup_checklist_cancel           (MpSetupChecklist *self);

/* The state as one word for people ("Done", "To do", "Checking"). */
const char       *mp_setup_state_to_label             (MpSetupState      state);

G_END_DECLS
