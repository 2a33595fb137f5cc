/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-check-result.h: the outcome of one check (MX, SPF, SRV, DKIM, ownership CNAME, DMARC) of
 * one domain — what the diagnosis page's indicator, its dialog and `mailpost diagnose` show.
 *
 * A boxed, reference-counted struct that is read-only once the diagnosis has made it.  Every
 * sentence in it is already translated and made for a shop owner, not a DNS expert.
 */
#pragma once

#include <glib-object.h>

#include "dns/mp-dns-record.h"
#include "dns/mp-dns-resolver.h"

G_BEGIN_DECLS

typedef enum
{
  MP_CHECK_ID_MX,
  MP_CHECK_ID_SPF,
  MP_CHECK_ID_SRV,
  MP_CHECK_ID_DKIM,
  MP_CHECK_ID_CNAME,
  MP_CHECK_ID_DMARC,
} MpCheckId;

/* Ordered from best to worst-but-known, so MAX() of two known statuses is the worse one;
 * IN_PROGRESS and UNKNOWN are not worse than ERROR (see mp_check_status_worst()). */
typedef enum
{
  MP_CHECK_STATUS_OK,
  MP_CHECK_STATUS_WARNING,
  MP_CHECK_STATUS_ERROR,
  MP_CHECK_STATUS_IN_PROGRESS,   /* the provider is still working on it (DKIM) */
  MP_CHECK_STATUS_UNKNOWN,       /* nothing to compare with, or DNS could not be asked */
} MpCheckStatus;

/* "mx", "spf", "srv", "dkim", "cname", "dmarc" */
const char    *mp_check_id_to_string      (MpCheckId      id);
/* Translated short titles: "Incoming mail (MX)", "Sender policy (SPF)", … */
const char    *mp_check_id_to_title       (MpCheckId      id);
/* "ok", "warning", "error", "in-progress", "unknown" */
const char    *mp_check_status_to_string  (MpCheckStatus  status);
/* Translated one word for beside the icon: "OK", "Warning", "Problem", "In progress",
 * "Unknown" (never colour alone). */
const char    *mp_check_status_to_label   (MpCheckStatus  status);
/* The status of a whole domain from two checks: ERROR beats WARNING beats IN_PROGRESS beats
 * UNKNOWN beats OK. */
MpCheckStatus  mp_check_status_worst      (MpCheckStatus  a,
                                           MpCheckStatus  b);

/* What one authoritative server answered for this check. */
#define MP_TYPE_SERVER_ANSWER (mp_server_answer_get_type ())

typedef struct _MpServerAnswer MpServerAnswer;
struct _MpServerAnswer
{
  /*< private >*/
  gatomicrefcount  ref_count;
  /*< public >*/
  char            *host;        /* the name server's name, or its address for an override */
  char            *address;     /* "IP:PORT" */
  guint32          serial;      /* the zone's SOA serial on that server */
  gboolean         has_serial;  /* FALSE when the SOA could not be read */
  MpDnsStatus      status;      /* the worst status of the questions of this check */
  int              rcode;       /* of that question, -1 for none */
  GPtrArray       *records;     /* MpDnsRecord: what it answered for this check */
  gboolean         updated;     /* its answer matches the server with the newest zone version:
                                 * it has the latest change (propagation), right or wrong */
};

GType           mp_server_answer_get_type (void) G_GNUC_CONST;
MpServerAnswer *mp_server_answer_new      (const char     *host,
                                           const char     *address);
MpServerAnswer *mp_server_answer_ref      (MpServerAnswer *self);
void            mp_server_answer_unref    (MpServerAnswer *self);


#define MP_TYPE_CHECK_RESULT (mp_check_result_get_type ())

typedef struct _MpCheckResult MpCheckResult;
struct _MpCheckResult
{
  /*< private >*/
  gatomicrefcount  ref_count;

  /*< public >*/
  MpCheckId        id;
  MpCheckStatus    status;

  /* One sentence for the row ("Incoming mail reaches your E-Mail Pro service."), and the
   * longer plain-words explanation for the dialog: what is wrong and what to do. */
  char            *summary;
  char            *explanation;
  /* More findings, one translated sentence each (e.g. an SPF syntax error with its position,
   * "the API has not re-checked yet"), in the order to show them. */
  GPtrArray       *details;        /* char * */

  GPtrArray       *expected;       /* MpDnsRecord */
  GPtrArray       *found;          /* MpDnsRecord: the answer of the first server that answered */
  GPtrArray       *answers;        /* MpServerAnswer: one per authoritative server */

  /* The fix: records to add and records to remove, exactly (an SPF fix removes the old record
   * and adds the merged one, never a second SPF record). */
  GPtrArray       *fix_add;        /* MpDnsRecord */
  GPtrArray       *fix_remove;     /* MpDnsRecord */

  /* "Updated on k of M name servers": servers whose answer matches the expectation. */
  guint            propagation_updated;
  guint            propagation_total;

  /* The API's own boolean (mxIsValid, spfIsValid, srvIsValid) disagrees with the live
   * result: the provider has not re-checked yet. */
  gboolean         api_disagrees;
  /* The check found a DNS failure (NXDOMAIN for the domain, SERVFAIL, REFUSED, timeout, no
   * authority) rather than wrong records; its status is then UNKNOWN or ERROR. */
  gboolean         dns_failure;
};

GType          mp_check_result_get_type (void) G_GNUC_CONST;
MpCheckResult *mp_check_result_new      (MpCheckId      id);
MpCheckResult *mp_check_result_ref      (MpCheckResult *self);
void           mp_check_result_unref    (MpCheckResult *self);
/* The fix as zone-file lines, removals first as comments ("; remove: …"), for "Copy as zone
 * file".  NULL when there is nothing to change. */
char          *mp_check_result_fix_to_zone_file (MpCheckResult *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpServerAnswer, mp_server_answer_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpCheckResult, mp_check_result_unref)

G_END_DECLS
