/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-diagnosis-expectations.h: what the provider expects to find in a domain's DNS.
 *
 * A plain boxed struct the caller fills, from the API's domain (expectedMX, expectedSPF,
 * expectedAutodiscoverSRV, cnameToCheck, domainValidated, dkimDiagnostics, mxIsValid, …) and
 * its DKIM selectors, or from the provider's documented defaults.  It keeps the DNS layer free
 * of the domain model: src/emailpro fills it, src/dns reads it.
 *
 * Anything left unset (NULL, empty) means "not known": its check is then UNKNOWN, never a
 * guess.
 */
#pragma once

#include <glib-object.h>

#include "dns/mp-dns-record.h"

G_BEGIN_DECLS

/* The API's own verdict (mxIsValid, spfIsValid, srvIsValid), to show beside the live one. */
typedef enum
{
  MP_API_VERDICT_UNKNOWN,   /* the API did not say */
  MP_API_VERDICT_VALID,
  MP_API_VERDICT_INVALID,
} MpApiVerdict;

/* One DKIM selector as GET …/dkim/{selectorName} returns it. */
typedef struct
{
  char     *selector_name;    /* selectorName, e.g. "ovhemp123456-selector1" */
  char     *customer_record;  /* customerRecord: the name in the customer's zone (relative or
                               * absolute), e.g. "ovhemp123456-selector1._domainkey" */
  char     *target_record;    /* targetRecord: what the CNAME must point to; NULL while the
                               * provider has not made it */
  char     *status;           /* the API's status string as is: todo, waitingRecord, ready,
                               * inProduction, enabling, disabling, deleting */
  gboolean  cname_is_valid;   /* cnameIsValid */
} MpDkimSelectorExpectation;

#define MP_TYPE_DIAGNOSIS_EXPECTATIONS (mp_diagnosis_expectations_get_type ())

typedef struct _MpDiagnosisExpectations MpDiagnosisExpectations;
struct _MpDiagnosisExpectations
{
  /*< private >*/
  gatomicrefcount  ref_count;

  /*< public >*/
  char            *domain;              /* ASCII (punycode), no trailing dot */

  /* MX records (MpDnsRecord, type MX) the provider expects; empty = not known. */
  GPtrArray       *mx;

  /* The whole expected SPF record (expectedSPF, e.g. "v=spf1 include:mx.ovh.com ~all") or
   * NULL.  spf_includes are the include domains that must appear in the domain's record; when
   * left empty they are taken from spf. */
  char            *spf;
  GPtrArray       *spf_includes;        /* char * */

  /* The autodiscover SRV record (from expectedAutodiscoverSRV) or NULL. */
  MpDnsRecord     *autodiscover_srv;

  /* The DKIM selectors (MpDkimSelectorExpectation *); empty = DKIM not known. */
  GPtrArray       *dkim_selectors;
  /* dkimDiagnostics: state (active, disabled, error, inProgress, toConfigure) or NULL, and the
   * errorCode (501–504) or 0. */
  char            *dkim_state;
  int              dkim_error_code;

  /* The ownership CNAME: cnameToCheck (the label only, e.g. "a1bcd-check"), the provider's
   * target (ovh.com, or ex-mail.biz for the PROVIDER offer) and domainValidated.  NULL label =
   * no ownership check. */
  char            *cname_label;
  char            *cname_target;
  gboolean         domain_validated;

  /* The API's booleans, compared with the live result. */
  MpApiVerdict     mx_is_valid;
  MpApiVerdict     spf_is_valid;
  MpApiVerdict     srv_is_valid;

  /* Whether to check DMARC (on by default: it needs no expectation). */
  gboolean         check_dmarc;
};

GType                    mp_diagnosis_expectations_get_type (void) G_GNUC_CONST;

/* Empty expectations for domain (every check UNKNOWN except DMARC). */
MpDiagnosisExpectations *mp_diagnosis_expectations_new      (const char *domain);
/* The provider's documented defaults for E-Mail Pro (reference/dns-checks.md §4): MX
 * mx0–mx4.mail.ovh.net with priorities 1, 5, 50, 100, 200, SPF "v=spf1 include:mx.ovh.com
 * ~all", and, when server_host is not NULL (e.g. "pro1.mail.ovh.net"), the autodiscover SRV
 * "0 0 443 server_host". */
MpDiagnosisExpectations *mp_diagnosis_expectations_new_defaults (const char *domain,
                                                                 const char *server_host);
MpDiagnosisExpectations *mp_diagnosis_expectations_ref      (MpDiagnosisExpectations *self);
void                     mp_diagnosis_expectations_unref    (MpDiagnosisExpectations *self);

void     mp_diagnosis_expectations_add_mx            (MpDiagnosisExpectations *self,
                                                      guint16                  priority,
                                                      const char              *host);
/* Adds one expectedMX string (see mp_dns_record_parse_mx_expectation()). */
gboolean mp_diagnosis_expectations_add_mx_string     (MpDiagnosisExpectations *self,
                                                      const char              *text,
                                                      GError                 **error);
/* Sets spf and fills spf_includes from its include: terms. */
void     mp_diagnosis_expectations_set_spf           (MpDiagnosisExpectations *self,
                                                      const char              *spf);
/* Parses expectedAutodiscoverSRV (see mp_dns_record_parse_srv_expectation()). */
gboolean mp_diagnosis_expectations_set_srv_string    (MpDiagnosisExpectations *self,
                                                      const char              *text,
                                                      GError                 **error);
void     mp_diagnosis_expectations_set_srv           (MpDiagnosisExpectations *self,
                                                      guint16                  priority,
                                                      guint16                  weight,
                                                      guint16                  port,
                                                      const char              *target);
/* customer_record may be NULL ("<selector>._domainkey" is used); target_record and status may
 * be NULL (not known). */
void     mp_diagnosis_expectations_add_dkim_selector (MpDiagnosisExpectations *self,
                                                      const char              *selector_name,
                                                      const char              *customer_record,
                                                      const char              *target_record,
                                                      const char              *status,
                                                      gboolean                 cname_is_valid);
void     mp_diagnosis_expectations_set_ownership     (MpDiagnosisExpectations *self,
                                                      const char              *cname_label,
                                                      const char              *cname_target,
                                                      gboolean                 domain_validated);

/* The absolute owner name of a selector's CNAME in this domain. */
char    *mp_diagnosis_expectations_dkim_record_name  (MpDiagnosisExpectations   *self,
                                                      MpDkimSelectorExpectation *selector);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpDiagnosisExpectations, mp_diagnosis_expectations_unref)

G_END_DECLS
