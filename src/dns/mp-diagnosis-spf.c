/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-diagnosis-spf.c: the SPF check — exactly one record, its syntax, the provider's include,
 * the "all" policy, and the 10-lookup and 2-void-lookup limits counted through includes. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dns/mp-domain-diagnosis-private.h"
#include "dns/mp-spf.h"

#define MAX_LOOKUPS      10
#define MAX_VOID_LOOKUPS 2

static void
count_targets (MpDiagnosisEvidence *evidence,
               const char          *spf,
               GHashTable          *visited,
               guint               *lookups,
               guint               *voids)
{
  g_autoptr(MpSpfRecord) record = mp_spf_record_parse (spf, NULL, NULL);
  g_auto(GStrv) targets = NULL;

  if (record == NULL)
    return;

  *lookups += mp_spf_record_count_lookups (record);
  targets = mp_diagnosis_spf_targets (spf);

  for (guint i = 0; targets[i] != NULL && *lookups <= MAX_LOOKUPS; i++)
    {
      MpDnsAnswer *answer = mp_diagnosis_evidence_lookup_outside (evidence, targets[i], MP_DNS_RECORD_TYPE_TXT);
      g_autoptr(GPtrArray) texts = NULL;
      const char *included = NULL;
      char *key;

      /* Not fetched (the walk's bound) or not answered: no finding either way. */
      if (answer == NULL || mp_dns_status_is_failure (answer->status))
        continue;

      key = g_ascii_strdown (targets[i], -1);
      if (!g_hash_table_add (visited, key))
        continue;   /* a loop, or the same include twice: counted once, not walked again */

      texts = mp_diagnosis_records_at (answer, targets[i], MP_DNS_RECORD_TYPE_TXT);
      for (guint j = 0; j < texts->len && included == NULL; j++)
        if (mp_spf_is_spf_record (((MpDnsRecord *) g_ptr_array_index (texts, j))->data))
          included = ((MpDnsRecord *) g_ptr_array_index (texts, j))->data;

      if (included == NULL)
        (*voids)++;
      else
        count_targets (evidence, included, visited, lookups, voids);
    }
}

void
mp_diagnosis_spf_count (MpDiagnosisEvidence *evidence,
                        const char          *spf,
                        guint               *lookups,
                        guint               *voids)
{
  g_autoptr(GHashTable) visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  *lookups = 0;
  *voids = 0;
  count_targets (evidence, spf, visited, lookups, voids);
}

static const char *
expected_spf (MpDiagnosisExpectations *expectations)
{
  return expectations->spf != NULL ? expectations->spf : "v=spf1 include:mx.ovh.com ~all";
}

static void
judge_spf (MpDiagnosisEvidence *evidence,
           guint                server,
           MpCheckResult       *result)
{
  MpDiagnosisExpectations *expectations = evidence->expectations;
  const char *domain = expectations->domain;
  MpDnsAnswer *answer = mp_diagnosis_evidence_lookup (evidence, server, domain, MP_DNS_RECORD_TYPE_TXT);
  g_autoptr(GPtrArray) texts = mp_diagnosis_records_at (answer, domain, MP_DNS_RECORD_TYPE_TXT);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(MpDnsRecord) expected = mp_dns_record_new_txt (domain, 3600, expected_spf (expectations));
  g_autoptr(MpSpfRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *merged = NULL;
  const MpSpfTerm *all;
  const char *missing = NULL;
  gsize error_offset = 0;
  guint lookups, voids;

  for (guint i = 0; i < texts->len; i++)
    if (mp_spf_is_spf_record (((MpDnsRecord *) g_ptr_array_index (texts, i))->data))
      g_ptr_array_add (found, g_ptr_array_index (texts, i));

  g_ptr_array_add (result->expected, mp_dns_record_ref (expected));
  mp_diagnosis_add_records (result->found, found);

  if (expectations->spf == NULL && expectations->spf_includes->len == 0)
    {
      mp_check_result_take_text (result, MP_CHECK_STATUS_UNKNOWN,
                                 g_strdup (_("Mailpost does not know which sender policy to expect, so it cannot judge this record.")),
                                 g_strdup (_("Check the domain from its E-Mail Pro service to compare with the provider’s values.")));
      return;
    }

  if (found->len == 0)
    {
      g_ptr_array_add (result->fix_add, mp_dns_record_ref (expected));
      mp_check_result_take_text (result, MP_CHECK_STATUS_ERROR,
                                 /* TRANSLATORS: %s is a domain name */
                                 g_strdup_printf (_("%s has no sender policy (SPF), so mail you send is more likely to be taken for spam."), domain),
                                 g_strdup (_("Add the TXT record below at your DNS host.")));
      return;
    }

  record = mp_spf_record_parse (((MpDnsRecord *) g_ptr_array_index (found, 0))->data, &error_offset, &error);

  if (found->len > 1)
    {
      merged = record != NULL ? mp_spf_merge (record->text, expected_spf (expectations)) : NULL;
      mp_diagnosis_add_records (result->fix_remove, found);
      g_ptr_array_add (result->fix_add, mp_dns_record_new_txt (domain, 3600, merged != NULL ? merged : expected_spf (expectations)));
      mp_check_result_take_text (result, MP_CHECK_STATUS_ERROR,
                                 /* TRANSLATORS: %s is a domain name */
                                 g_strdup_printf (_("%s has more than one sender policy (SPF), so receiving servers ignore all of them."), domain),
                                 g_strdup (_("A domain may have only one SPF record. Replace them with the single record below; if the others allowed other senders you still use, add their parts to it.")));
      return;
    }

  if (record == NULL)
    {
      mp_diagnosis_add_records (result->fix_remove, found);
      g_ptr_array_add (result->fix_add, mp_dns_record_ref (expected));
      mp_check_result_take_text (result, MP_CHECK_STATUS_ERROR,
                                 /* TRANSLATORS: %s is a domain name */
                                 g_strdup_printf (_("The sender policy (SPF) of %s has a mistake, so receiving servers cannot use it."), domain),
                                 g_strdup (_("Correct the mistake described below, or replace the record with the one below.")));
      mp_check_result_add_detail (result, g_strdup (error->message));
      return;
    }

  merged = mp_spf_merge (record->text, expected_spf (expectations));

  for (guint i = 0; i < expectations->spf_includes->len && missing == NULL; i++)
    if (!mp_spf_record_has_include (record, g_ptr_array_index (expectations->spf_includes, i)))
      missing = g_ptr_array_index (expectations->spf_includes, i);

  mp_diagnosis_spf_count (evidence, record->text, &lookups, &voids);
  all = mp_spf_record_get_all (record);

  if (missing != NULL)
    {
      mp_diagnosis_add_records (result->fix_remove, found);
      g_ptr_array_add (result->fix_add, mp_dns_record_new_txt (domain, 3600, merged));
      mp_check_result_take_text (result, MP_CHECK_STATUS_ERROR,
                                 /* TRANSLATORS: %s is a domain name */
                                 g_strdup_printf (_("The sender policy (SPF) of %s does not allow E-Mail Pro to send your mail."), domain),
                                 g_strdup (_("Mail you send through E-Mail Pro may be rejected. Replace your record with the one below: it keeps everything your record allows and adds the provider.")));
    }
  else if (lookups > MAX_LOOKUPS)
    mp_check_result_take_text (result, MP_CHECK_STATUS_ERROR,
                               /* TRANSLATORS: %s is a domain name */
                               g_strdup_printf (_("The sender policy (SPF) of %s needs more than 10 DNS lookups, so receiving servers treat it as broken."), domain),
                               g_strdup (_("Remove the include: parts of services you no longer use, or replace some of them with the ip4: and ip6: addresses they stand for.")));
  else if (voids > MAX_VOID_LOOKUPS)
    mp_check_result_take_text (result, MP_CHECK_STATUS_ERROR,
                               /* TRANSLATORS: %s is a domain name */
                               g_strdup_printf (_("The sender policy (SPF) of %s refers to more than two names that do not exist, so receiving servers treat it as broken."), domain),
                               g_strdup (_("Remove the include: parts whose names no longer exist.")));
  else if (all != NULL && all->qualifier == MP_SPF_QUALIFIER_PASS)
    {
      mp_diagnosis_add_records (result->fix_remove, found);
      g_ptr_array_add (result->fix_add, mp_dns_record_new_txt (domain, 3600, merged));
      mp_check_result_take_text (result, MP_CHECK_STATUS_ERROR,
                                 /* TRANSLATORS: %s is a domain name */
                                 g_strdup_printf (_("The sender policy (SPF) of %s lets anyone in the world send mail in your name."), domain),
                                 g_strdup (_("It ends with “+all”. Replace the record with the one below, which only allows your real senders.")));
    }
  else if ((all == NULL && mp_spf_record_get_redirect (record) == NULL) ||
           (all != NULL && all->qualifier == MP_SPF_QUALIFIER_NEUTRAL))
    {
      mp_diagnosis_add_records (result->fix_remove, found);
      g_ptr_array_add (result->fix_add, mp_dns_record_new_txt (domain, 3600, merged));
      mp_check_result_take_text (result, MP_CHECK_STATUS_WARNING,
                                 /* TRANSLATORS: %s is a domain name */
                                 g_strdup_printf (_("The sender policy (SPF) of %s does not say what to do with mail from other senders."), domain),
                                 g_strdup (_("Receiving servers then cannot tell forged mail from yours. Replace the record with the one below, which ends with “~all”.")));
    }
  else
    mp_check_result_take_text (result, MP_CHECK_STATUS_OK,
                               /* TRANSLATORS: %s is a domain name */
                               g_strdup_printf (_("The sender policy (SPF) of %s allows E-Mail Pro to send your mail."), domain),
                               g_strdup (_("Nothing to do.")));

  if (lookups > MAX_LOOKUPS && missing != NULL)
    mp_check_result_add_detail (result, g_strdup (_("The record also needs more than 10 DNS lookups; remove the include: parts of services you no longer use.")));
}

MpCheckResult *
mp_diagnosis_check_spf (MpDiagnosisEvidence *evidence)
{
  g_autoptr(MpCheckQuestions) questions = mp_check_questions_new ();
  MpCheckResult *result;

  mp_check_questions_add (questions, g_strdup (evidence->expectations->domain), MP_DNS_RECORD_TYPE_TXT);
  result = mp_diagnosis_run_check (evidence, MP_CHECK_ID_SPF, questions, judge_spf);
  mp_check_result_compare_api (result, evidence->expectations->spf_is_valid);
  return result;
}
