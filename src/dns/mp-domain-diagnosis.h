/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-domain-diagnosis.h: one live diagnosis of one domain — expectations + what every
 * authoritative name server answers → one MpCheckResult per check.
 *
 * All questions of one domain run in parallel, at most three round trips deep when the records
 * are right: (1) the NS set with glue from the bootstrap resolvers, plus the records outside
 * the domain whose names are known in advance (the expected DKIM targets, the expected SPF
 * include, the expected MX hosts); (2) addresses of name servers without glue; (3) SOA, MX,
 * TXT, SRV, _dmarc TXT, the ownership CNAME and the DKIM CNAMEs on every server.  Only names
 * that are found to be wrong (an unexpected MX host, an unexpected SPF include, a DKIM CNAME to
 * an unexpected target) cost more round trips.
 *
 * The object is immutable once finished; a new check makes a new object.  The ownership
 * CNAME's result is absent once the domain is validated.
 */
#pragma once

#include <gio/gio.h>

#include "dns/mp-check-result.h"
#include "dns/mp-diagnosis-expectations.h"
#include "dns/mp-dns-resolver.h"

G_BEGIN_DECLS

#define MP_TYPE_DOMAIN_DIAGNOSIS (mp_domain_diagnosis_get_type ())
G_DECLARE_FINAL_TYPE (MpDomainDiagnosis, mp_domain_diagnosis, MP, DOMAIN_DIAGNOSIS, GObject)

/* Runs every check for expectations->domain with resolver.  Finishes with a diagnosis for every
 * DNS outcome (a domain that does not exist, servers that do not answer: they are results);
 * fails only when cancelled (G_IO_ERROR_CANCELLED) or for an invalid domain name
 * (MP_DNS_ERROR_INVALID_NAME). */
void               mp_domain_diagnosis_run_async     (MpDnsResolver            *resolver,
                                                      MpDiagnosisExpectations  *expectations,
                                                      GCancellable             *cancellable,
                                                      GAsyncReadyCallback       callback,
                                                      gpointer                  user_data);
MpDomainDiagnosis *mp_domain_diagnosis_run_finish    (GAsyncResult             *result,
                                                      GError                  **error);

const char        *mp_domain_diagnosis_get_domain    (MpDomainDiagnosis *self);
MpDiagnosisExpectations *mp_domain_diagnosis_get_expectations (MpDomainDiagnosis *self);
/* The worst status of the checks that could be judged (a check without expectations does not
 * count); UNKNOWN when none could, or when no name server could be asked (then
 * mp_domain_diagnosis_could_check() is FALSE). */
MpCheckStatus      mp_domain_diagnosis_get_status    (MpDomainDiagnosis *self);
gboolean           mp_domain_diagnosis_could_check   (MpDomainDiagnosis *self);
/* A translated sentence about the domain as a whole when its DNS failed (e.g. "The domain
 * example.com does not exist in DNS. Check its spelling, or register it."), else NULL. */
const char        *mp_domain_diagnosis_get_problem   (MpDomainDiagnosis *self);
/* MpServerAnswer per authoritative name server, with the SOA serial and the status of the SOA
 * question (records hold the SOA). */
GPtrArray         *mp_domain_diagnosis_get_nameservers (MpDomainDiagnosis *self);
/* MpCheckResult, in the order MX, SPF, SRV, DKIM, CNAME, DMARC (CNAME left out when the
 * domain is validated or has no cnameToCheck). */
GPtrArray         *mp_domain_diagnosis_get_results   (MpDomainDiagnosis *self);
/* The result of one check, NULL when it is not part of this diagnosis. */
MpCheckResult     *mp_domain_diagnosis_get_result    (MpDomainDiagnosis *self,
                                                      MpCheckId          id);
/* When the answers were complete (wall clock). */
GDateTime         *mp_domain_diagnosis_get_checked_at (MpDomainDiagnosis *self);
/* The deepest chain of round trips the diagnosis needed (for the benchmark and the tests). */
guint              mp_domain_diagnosis_get_depth     (MpDomainDiagnosis *self);
/* TRUE while something is still changing on the provider's side (a check IN_PROGRESS, the
 * ownership CNAME awaited, name servers not yet in agreement): the UI re-checks then. */
gboolean           mp_domain_diagnosis_is_pending    (MpDomainDiagnosis *self);

G_END_DECLS
