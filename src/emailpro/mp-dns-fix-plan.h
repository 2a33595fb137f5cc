/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-dns-fix-plan.h: the exact change "Fix automatically" makes in a DNS zone hosted in the
 * customer's account — shown to the user first, then applied as it is.
 *
 * Made by mp_session_plan_dns_fix() from the fix records of the diagnosis's MpCheckResults
 * (so the dialog's "records to add / remove" and what is applied are the same records), and
 * applied by mp_session_apply_dns_fix_async() through /domain/zone/{zone}/record and
 * /domain/zone/{zone}/refresh.  Read-only once made.
 */
#pragma once

#include <glib-object.h>

#include "dns/mp-check-result.h"
#include "dns/mp-dns-record.h"

G_BEGIN_DECLS

#define MP_TYPE_DNS_FIX_PLAN (mp_dns_fix_plan_get_type ())

typedef struct _MpDnsFixPlan MpDnsFixPlan;
struct _MpDnsFixPlan
{
  /*< private >*/
  gatomicrefcount  ref_count;

  /*< public >*/
  char            *domain;       /* ASCII, no trailing dot */
  char            *zone;         /* the hosted zone holding the records (domain or a parent) */
  GPtrArray       *checks;       /* MpCheckId as GUINT_TO_POINTER: the checks it fixes */
  GPtrArray       *remove;       /* MpDnsRecord: removed first */
  GPtrArray       *add;          /* MpDnsRecord */

  /* The plan removes MX records of another mail host: incoming mail then stops going there.
   * The dialog must say so before applying. */
  gboolean         replaces_mx;
  /* The SPF record is rewritten with the provider's include merged into it (its other
   * mechanisms are kept), not added a second time. */
  gboolean         merges_spf;
};

GType         mp_dns_fix_plan_get_type (void) G_GNUC_CONST;
MpDnsFixPlan *mp_dns_fix_plan_new      (const char   *domain,
                                        const char   *zone);
MpDnsFixPlan *mp_dns_fix_plan_ref      (MpDnsFixPlan *self);
void          mp_dns_fix_plan_unref    (MpDnsFixPlan *self);
/* TRUE when there is nothing to remove or add. */
gboolean      mp_dns_fix_plan_is_empty (MpDnsFixPlan *self);
/* Appends one check's fix records (skipping records already in the plan). */
void          mp_dns_fix_plan_add_check (MpDnsFixPlan  *self,
                                         MpCheckResult *result);
/* The plan as zone-file lines, removals first as "; remove: …" comments: what the dialog
 * shows and copies.  NULL when the plan is empty. */
char         *mp_dns_fix_plan_to_zone_file (MpDnsFixPlan *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpDnsFixPlan, mp_dns_fix_plan_unref)

G_END_DECLS
