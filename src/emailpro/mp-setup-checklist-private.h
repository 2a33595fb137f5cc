/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-setup-checklist-private.h: the checklist's state, shared by its translation units. */
#pragma once

#include "emailpro/mp-setup-checklist.h"

G_BEGIN_DECLS

struct _MpSetupChecklist
{
  GObject       parent_instance;

  MpSession    *session;
  GSettings    *settings;         /* may be NULL */
  GCancellable *cancellable;      /* of the running DNS checks */

  /* ASCII domain name → MpDomainDiagnosis, the last one finished. */
  GHashTable   *diagnoses;
  /* ASCII domain names whose check is running. */
  GHashTable   *running;
  /* Addresses of this service exported for a mail program. */
  GPtrArray    *exported;

  MpSetupState  states[MP_SETUP_N_STEPS];
  char         *details[MP_SETUP_N_STEPS];
  char         *dns_focus;
  int           current_step;

  /* The session has finished loading at least once: before, an empty list means nothing. */
  guint         loaded : 1;
  guint         was_loading : 1;
};

/* mp-setup-checklist.c: recomputes every step, emits "changed" and notifies "current-step"
 * on real change. */
void _mp_setup_checklist_update_states (MpSetupChecklist *self);

/* mp-setup-checklist-dns.c: forgets the diagnoses of domains that are gone and checks the
 * others (only those without a diagnosis unless every is TRUE). */
void _mp_setup_checklist_sync_domains  (MpSetupChecklist *self,
                                        gboolean          every);

G_END_DECLS
