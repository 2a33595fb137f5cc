/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-domain-diagnosis-private.h: what the diagnosis's run (questions) and its checks
 * (judging the answers) share. */
#pragma once

#include "dns/mp-domain-diagnosis.h"

G_BEGIN_DECLS

/* Every answer one run collected. */
typedef struct
{
  MpDiagnosisExpectations *expectations;
  GPtrArray               *servers;         /* MpDnsServer, the authoritative set */
  GPtrArray               *server_answers;  /* GHashTable per server: key → MpDnsAnswer */
  GHashTable              *outside;         /* key → MpDnsAnswer from the bootstrap resolvers */
  MpDnsAnswer             *ns_answer;       /* how the servers were found, may be NULL */
  int                      reference;       /* the server with the newest zone, -1 if none */
} MpDiagnosisEvidence;

/* "MX example.com": names compared without case and trailing dot. */
char        *mp_diagnosis_key              (const char          *name,
                                            MpDnsRecordType      type);
MpDnsAnswer *mp_diagnosis_evidence_lookup  (MpDiagnosisEvidence *evidence,
                                            guint                server,
                                            const char          *name,
                                            MpDnsRecordType      type);
MpDnsAnswer *mp_diagnosis_evidence_lookup_outside (MpDiagnosisEvidence *evidence,
                                                   const char          *name,
                                                   MpDnsRecordType      type);

/* Records of type at name in an answer (transfer container), empty for NULL. */
GPtrArray   *mp_diagnosis_records_at       (MpDnsAnswer         *answer,
                                            const char          *name,
                                            MpDnsRecordType      type);

/* One question a check asks every authoritative server. */
typedef struct
{
  char            *name;
  MpDnsRecordType  type;
} MpCheckQuestion;

/* A GArray of MpCheckQuestion that owns the names. */
typedef GArray MpCheckQuestions;

MpCheckQuestions *mp_check_questions_new  (void);
/* Takes name. */
void              mp_check_questions_add  (MpCheckQuestions *questions,
                                           char             *name,
                                           MpDnsRecordType   type);
void              mp_check_questions_free (MpCheckQuestions *questions);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpCheckQuestions, mp_check_questions_free)

/* Judges the answers of one server (the reference) and fills result: status, summary,
 * explanation, details, expected, found, fix.  The driver does the rest (per-server answers,
 * propagation, DNS failures). */
typedef void (*MpCheckJudge) (MpDiagnosisEvidence *evidence,
                              guint                server,
                              MpCheckResult       *result);

MpCheckResult *mp_diagnosis_run_check      (MpDiagnosisEvidence *evidence,
                                            MpCheckId            id,
                                            GArray              *questions,
                                            MpCheckJudge         judge);

/* The checks (mp-diagnosis-checks.c, mp-diagnosis-spf.c, mp-diagnosis-dkim.c). */
MpCheckResult *mp_diagnosis_check_mx       (MpDiagnosisEvidence *evidence);
MpCheckResult *mp_diagnosis_check_spf      (MpDiagnosisEvidence *evidence);
MpCheckResult *mp_diagnosis_check_srv      (MpDiagnosisEvidence *evidence);
MpCheckResult *mp_diagnosis_check_dkim     (MpDiagnosisEvidence *evidence);
MpCheckResult *mp_diagnosis_check_cname    (MpDiagnosisEvidence *evidence);
MpCheckResult *mp_diagnosis_check_dmarc    (MpDiagnosisEvidence *evidence);

/* Helpers for judges. */
void           mp_check_result_take_text   (MpCheckResult       *result,
                                            MpCheckStatus        status,
                                            char                *summary,
                                            char                *explanation);
void           mp_check_result_add_detail  (MpCheckResult       *result,
                                            char                *detail);
void           mp_check_result_compare_api (MpCheckResult       *result,
                                            MpApiVerdict         verdict);
void           mp_diagnosis_add_records    (GPtrArray           *to,
                                            GPtrArray           *from);

/* The names the run asks about, shared so the judges look up exactly what was asked. */
char          *mp_diagnosis_srv_name       (MpDiagnosisExpectations *expectations);
char          *mp_diagnosis_dmarc_name     (MpDiagnosisExpectations *expectations);
char          *mp_diagnosis_ownership_name (MpDiagnosisExpectations *expectations);
gboolean       mp_diagnosis_wants_ownership (MpDiagnosisExpectations *expectations);

/* The SPF walk: lookups and void lookups through includes and redirects, from the outside
 * answers the run fetched. */
void           mp_diagnosis_spf_count      (MpDiagnosisEvidence *evidence,
                                            const char          *spf,
                                            guint               *lookups,
                                            guint               *voids);
/* Names an SPF record makes the run look up (include: and redirect= targets without macros).
 * Transfer full. */
GStrv          mp_diagnosis_spf_targets    (const char          *spf);

G_END_DECLS
