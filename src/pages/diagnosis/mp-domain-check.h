/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-domain-check.h: the live DNS check of one attached domain, shared by its row on the
 * diagnosis page and the dialogs opened from it.
 *
 * Holds the last MpDomainDiagnosis and runs a new one on demand (one at a time: asking while
 * one runs asks again once it ends).  While something is pending — a check in progress,
 * name servers not in agreement, a task running on the domain, a fix just applied — it checks
 * again by itself, but only while someone holds it (the row while it is on screen, a dialog
 * while it is open), so nothing runs for a hidden page or a closed window.
 */
#pragma once

#include <gio/gio.h>

#include "emailpro/mp-session.h"

G_BEGIN_DECLS

#define MP_TYPE_DOMAIN_CHECK (mp_domain_check_get_type ())
G_DECLARE_FINAL_TYPE (MpDomainCheck, mp_domain_check, MP, DOMAIN_CHECK, GObject)

/* Between two automatic checks while something is pending (the issue asks for 30–60 s), and
 * while following a fix just applied, in milliseconds. */
#define MP_DOMAIN_CHECK_PENDING_INTERVAL_MS 45000
#define MP_DOMAIN_CHECK_FIX_INTERVAL_MS     5000
/* How long a fix is followed before the dialog says what is still pending. */
#define MP_DOMAIN_CHECK_FIX_PATIENCE_MS     (3 * 60 * 1000)

/* Properties (read-only, notified on real change): "domain" (MpDomain, construct-only),
 * "diagnosis" (MpDomainDiagnosis, NULL until the first check ends), "checking" (a check is
 * running), "error" (a translated sentence when the last check could not run, else NULL),
 * "following-fix" (a fix was applied and is re-checked until its checks are OK). */
MpDomainCheck     *mp_domain_check_new            (MpSession     *session,
                                                   MpDomain      *domain);
MpDomain          *mp_domain_check_get_domain     (MpDomainCheck *self);
MpSession         *mp_domain_check_get_session    (MpDomainCheck *self);
MpDomainDiagnosis *mp_domain_check_get_diagnosis  (MpDomainCheck *self);
gboolean           mp_domain_check_get_checking   (MpDomainCheck *self);
const char        *mp_domain_check_get_error      (MpDomainCheck *self);
gboolean           mp_domain_check_get_following_fix (MpDomainCheck *self);

/* "Check now". */
void               mp_domain_check_run            (MpDomainCheck *self);
/* Stops everything running for good (the session is going away). */
void               mp_domain_check_cancel         (MpDomainCheck *self);

/* Automatic re-checks run while the hold count is above zero. */
void               mp_domain_check_hold           (MpDomainCheck *self);
void               mp_domain_check_release        (MpDomainCheck *self);

/* TRUE when the next check should come by itself (see above). */
gboolean           mp_domain_check_is_pending     (MpDomainCheck *self);

/* After a fix of check_id was applied: checks now, then every few seconds until that check is
 * OK or MP_DOMAIN_CHECK_FIX_PATIENCE_MS have passed. */
void               mp_domain_check_follow_fix     (MpDomainCheck *self,
                                                   MpCheckId      check_id);

/* "Checked just now", "Checked 2 minutes ago", … relative to now; NULL before the first
 * check. */
char              *mp_domain_check_dup_checked_label (MpDomainCheck *self,
                                                      GDateTime     *now);

/* For the tests: the intervals of the automatic checks, in milliseconds. */
void               mp_domain_check_set_intervals  (MpDomainCheck *self,
                                                   guint          pending_ms,
                                                   guint          fix_ms);

G_END_DECLS
