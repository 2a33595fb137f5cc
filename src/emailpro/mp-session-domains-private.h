/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-session-domains-private.h: how the session's refresh hands its answers to the domains
 * part (mp-session-domains.c), which keeps the domain store and the task tracker. */
#pragma once

#include "emailpro/mp-session.h"

G_BEGIN_DECLS

/* What the session keeps for its domains, attached to it as qdata so that the session's own
 * struct stays as it is.  Created on first use, freed with the session. */
typedef struct
{
  MpSession     *session;         /* not owned */
  GListStore    *store;           /* MpDomain, sorted by name */
  MpTaskTracker *tracker;
  GHashTable    *account_counts;  /* ASCII domain name → GUINT_TO_POINTER (count) */
  GCancellable  *cancellable;     /* refreshes started by finished tasks */
} MpSessionDomains;

MpSessionDomains *mp_session_domains_get (MpSession *self);

/* The escaped path of the session's service with sub_path appended, and of one domain. */
char *mp_session_domains_service_path (MpSession  *self,
                                       const char *sub_path);
char *mp_session_domains_domain_path  (MpSession  *self,
                                       const char *name);

/* The expanded GET …/domain answer: updates the store in place and follows every domain's
 * taskPendingId. */
void mp_session_domains_apply_list     (MpSession *self,
                                        JsonArray *domains);
/* The expanded GET …/account answer: each domain's "account-count". */
void mp_session_domains_apply_accounts (MpSession *self,
                                        JsonArray *accounts);
/* The expanded GET …/task answer: every pending task is followed by the tracker, which is how
 * tracking resumes after a restart. */
void mp_session_domains_follow_tasks   (MpSession *self,
                                        JsonArray *tasks);

G_END_DECLS
