/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-diagnosis-checks.c: the driver every check shares (each server's answer, propagation,
 * servers that failed) and the record checks MX, autodiscover SRV, ownership CNAME and DMARC.
 * SPF and DKIM, which follow names outside the domain, have files of their own. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "dns/mp-dmarc.h"
#include "dns/mp-domain-diagnosis-private.h"

void
mp_check_result_take_text (MpCheckResult *result,
                           MpCheckStatus  status,
                           char          *summary,
                           char          *explanation)
{
  result->status = status;
  g_free (result->summary);
  result->summary = summary;
  g_free (result->explanation);
  result->explanation = explanation;
}

void
mp_check_result_add_detail (MpCheckResult *result,
                            char          *detail)
{
  g_ptr_array_add (result->details, detail);
}

void
mp_diagnosis_add_records (GPtrArray *to,
                          GPtrArray *from)
{
  for (guint i = 0; i < from->len; i++)
    g_ptr_array_add (to, mp_dns_record_ref (g_ptr_array_index (from, i)));
}

void
mp_check_result_compare_api (MpCheckResult *result,
                             MpApiVerdict   verdict)
{
  if (verdict == MP_API_VERDICT_VALID && result->status == MP_CHECK_STATUS_ERROR)
    {
      result->api_disagrees = TRUE;
      mp_check_result_add_detail (result, g_strdup (_("The provider’s panel still shows this as correct: its own check is older than this one. Trust what Mailpost found here.")));
    }
  else if (verdict == MP_API_VERDICT_INVALID &&
           (result->status == MP_CHECK_STATUS_OK || result->status == MP_CHECK_STATUS_WARNING))
    {
      result->api_disagrees = TRUE;
      mp_check_result_add_detail (result, g_strdup (_("The provider’s panel still shows this as wrong because it has not checked again yet. It usually does within a few hours; there is nothing to do.")));
    }
}

static char *
describe_server_failure (const char  *host,
                         MpDnsStatus  status)
{
  switch (status)
    {
    case MP_DNS_STATUS_REFUSED:
      /* TRANSLATORS: %s is a name server, e.g. ns1.example.net */
      return g_strdup_printf (_("The name server %s refused to answer: it does not hold your domain’s records. Ask your DNS host to add the domain, or remove this server from the domain’s name servers at your registrar."), host);
    case MP_DNS_STATUS_SERVFAIL:
      /* TRANSLATORS: %s is a name server */
      return g_strdup_printf (_("The name server %s reported a failure. Ask your DNS host to check the domain’s zone."), host);
    case MP_DNS_STATUS_NOT_AUTHORITATIVE:
      /* TRANSLATORS: %s is a name server */
      return g_strdup_printf (_("The name server %s answered without being responsible for your domain. Ask your DNS host to add the domain, or remove this server from the domain’s name servers at your registrar."), host);
    case MP_DNS_STATUS_TIMEOUT:
      /* TRANSLATORS: %s is a name server */
      return g_strdup_printf (_("The name server %s did not answer. If this happens again, ask your DNS host whether the server is working."), host);
    case MP_DNS_STATUS_OK:
    case MP_DNS_STATUS_NO_DATA:
    case MP_DNS_STATUS_NXDOMAIN:
    case MP_DNS_STATUS_ERROR:
    default:
      /* TRANSLATORS: %s is a name server */
      return g_strdup_printf (_("The name server %s sent an answer Mailpost cannot read. Ask your DNS host to check the server."), host);
    }
}

static gboolean
same_records (GPtrArray *a,
              GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < b->len && !found; j++)
        found = mp_dns_record_equal_data (g_ptr_array_index (a, i), g_ptr_array_index (b, j));
      if (!found)
        return FALSE;
    }

  return TRUE;
}

static MpServerAnswer *
collect_server_answer (MpDiagnosisEvidence *evidence,
                       guint                server_index,
                       GArray              *questions)
{
  MpDnsServer *server = g_ptr_array_index (evidence->servers, server_index);
  g_autofree char *address = mp_dns_server_to_string (server);
  MpServerAnswer *entry = mp_server_answer_new (server->host, address);
  MpDnsAnswer *soa = mp_diagnosis_evidence_lookup (evidence, server_index, evidence->expectations->domain,
                                                   MP_DNS_RECORD_TYPE_SOA);
  g_autoptr(GPtrArray) soa_records = mp_diagnosis_records_at (soa, evidence->expectations->domain,
                                                              MP_DNS_RECORD_TYPE_SOA);

  if (soa_records->len > 0)
    {
      entry->serial = ((MpDnsRecord *) g_ptr_array_index (soa_records, 0))->serial;
      entry->has_serial = TRUE;
    }

  for (guint q = 0; q < questions->len; q++)
    {
      MpCheckQuestion *question = &g_array_index (questions, MpCheckQuestion, q);
      MpDnsAnswer *answer = mp_diagnosis_evidence_lookup (evidence, server_index, question->name, question->type);
      MpDnsStatus status = answer != NULL ? answer->status : MP_DNS_STATUS_TIMEOUT;
      g_autoptr(GPtrArray) records = mp_diagnosis_records_at (answer, question->name, question->type);

      /* The first question's status, unless a later one failed outright. */
      if (q == 0 || (mp_dns_status_is_failure (status) && !mp_dns_status_is_failure (entry->status)))
        {
          entry->status = status;
          entry->rcode = answer != NULL ? answer->rcode : -1;
        }

      mp_diagnosis_add_records (entry->records, records);
      if (question->type != MP_DNS_RECORD_TYPE_CNAME)
        {
          g_autoptr(GPtrArray) aliases = mp_diagnosis_records_at (answer, question->name, MP_DNS_RECORD_TYPE_CNAME);

          mp_diagnosis_add_records (entry->records, aliases);
        }
    }

  return entry;
}

MpCheckResult *
mp_diagnosis_run_check (MpDiagnosisEvidence *evidence,
                        MpCheckId            id,
                        GArray              *questions,
                        MpCheckJudge         judge)
{
  MpCheckResult *result = mp_check_result_new (id);
  MpServerAnswer *reference_entry = NULL;
  int reference = -1;
  guint lagging = 0;
  guint failed = 0;

  for (guint i = 0; i < evidence->servers->len; i++)
    {
      MpServerAnswer *entry = collect_server_answer (evidence, i, questions);

      g_ptr_array_add (result->answers, entry);
      if (mp_dns_status_is_failure (entry->status))
        continue;
      if (reference < 0 || (int) i == evidence->reference)
        reference = i;
    }

  if (reference < 0)
    {
      result->dns_failure = TRUE;
      mp_check_result_take_text (result, MP_CHECK_STATUS_UNKNOWN,
                                 g_strdup (_("None of the domain’s name servers answered this question, so this record could not be checked.")),
                                 g_strdup (_("Mailpost will try again at the next check. If it stays like this, the name servers of the domain need attention from your DNS host.")));
      for (guint i = 0; i < result->answers->len; i++)
        {
          MpServerAnswer *entry = g_ptr_array_index (result->answers, i);

          mp_check_result_add_detail (result, describe_server_failure (entry->host, entry->status));
        }
      return result;
    }

  judge (evidence, reference, result);

  reference_entry = g_ptr_array_index (result->answers, reference);
  result->propagation_total = result->answers->len;
  for (guint i = 0; i < result->answers->len; i++)
    {
      MpServerAnswer *entry = g_ptr_array_index (result->answers, i);

      if (mp_dns_status_is_failure (entry->status))
        {
          failed++;
          mp_check_result_add_detail (result, describe_server_failure (entry->host, entry->status));
          continue;
        }

      entry->updated = same_records (entry->records, reference_entry->records);
      if (entry->updated)
        result->propagation_updated++;
      else
        lagging++;
    }

  if (lagging > 0)
    {
      g_autofree char *sentence =
        /* TRANSLATORS: both %u are numbers of name servers, e.g. "1 of 2" */
        g_strdup_printf (ngettext ("Your latest change has reached %u of %u name server.",
                                   "Your latest change has reached %u of %u name servers.",
                                   result->propagation_total),
                         result->propagation_updated, result->propagation_total);

      if (result->status == MP_CHECK_STATUS_OK)
        mp_check_result_take_text (result, MP_CHECK_STATUS_WARNING, g_strdup (sentence),
                                   g_strdup (_("The other name servers still give the old answer. They usually catch up within a few hours, so there is nothing to do but wait. If it takes more than a day, ask your DNS host.")));
      else
        mp_check_result_add_detail (result, g_steal_pointer (&sentence));
    }

  if (failed > 0)
    {
      result->dns_failure = TRUE;
      if (result->status == MP_CHECK_STATUS_OK)
        mp_check_result_take_text (result, MP_CHECK_STATUS_WARNING,
                                   /* TRANSLATORS: both %u are numbers of name servers */
                                   g_strdup_printf (ngettext ("The records are right, but %u of %u name server could not be asked.",
                                                              "The records are right, but %u of %u name servers could not be asked.",
                                                              result->answers->len),
                                                    failed, result->answers->len),
                                   g_strdup (_("Mail servers that ask a broken name server may not find your records. The details say what each server did.")));
    }

  return result;
}


/* Questions. */

MpCheckQuestions *
mp_check_questions_new (void)
{
  return g_array_new (FALSE, TRUE, sizeof (MpCheckQuestion));
}

void
mp_check_questions_free (MpCheckQuestions *questions)
{
  for (guint i = 0; i < questions->len; i++)
    g_free (g_array_index (questions, MpCheckQuestion, i).name);
  g_array_unref (questions);
}

void
mp_check_questions_add (MpCheckQuestions *questions,
                        char             *name,
                        MpDnsRecordType   type)
{
  MpCheckQuestion question = { name, type };

  g_array_append_val (questions, question);
}


/* MX */

static gboolean
is_expected_host (GPtrArray  *expected,
                  const char *host)
{
  for (guint i = 0; i < expected->len; i++)
    if (mp_dns_name_equal (((MpDnsRecord *) g_ptr_array_index (expected, i))->target, host))
      return TRUE;

  return FALSE;
}

static guint16
expected_priority (GPtrArray  *expected,
                   const char *host)
{
  for (guint i = 0; i < expected->len; i++)
    {
      MpDnsRecord *record = g_ptr_array_index (expected, i);

      if (mp_dns_name_equal (record->target, host))
        return record->priority;
    }

  return 0;
}

/* How the bootstrap resolvers see one MX host: a CNAME, no address, or fine (also when they
 * could not be asked: that is no finding about the host). */
typedef enum { HOST_FINE, HOST_CNAME, HOST_NO_ADDRESS } HostState;

/* Where an MX host that is an alias points, or NULL. */
static const char *
alias_target (MpDiagnosisEvidence *evidence,
              const char          *host)
{
  MpDnsAnswer *a = mp_diagnosis_evidence_lookup_outside (evidence, host, MP_DNS_RECORD_TYPE_A);
  g_autoptr(GPtrArray) aliases = mp_diagnosis_records_at (a, host, MP_DNS_RECORD_TYPE_CNAME);

  return aliases->len > 0 ? ((MpDnsRecord *) g_ptr_array_index (aliases, 0))->target : NULL;
}

static HostState
inspect_host (MpDiagnosisEvidence *evidence,
              const char          *host)
{
  MpDnsAnswer *a = mp_diagnosis_evidence_lookup_outside (evidence, host, MP_DNS_RECORD_TYPE_A);
  MpDnsAnswer *aaaa = mp_diagnosis_evidence_lookup_outside (evidence, host, MP_DNS_RECORD_TYPE_AAAA);
  g_autoptr(GPtrArray) aliases = mp_diagnosis_records_at (a, host, MP_DNS_RECORD_TYPE_CNAME);

  if (aliases->len > 0)
    return HOST_CNAME;

  if (a != NULL && aaaa != NULL &&
      (a->status == MP_DNS_STATUS_NXDOMAIN || a->status == MP_DNS_STATUS_NO_DATA) &&
      (aaaa->status == MP_DNS_STATUS_NXDOMAIN || aaaa->status == MP_DNS_STATUS_NO_DATA))
    return HOST_NO_ADDRESS;

  return HOST_FINE;
}

static void
judge_mx (MpDiagnosisEvidence *evidence,
          guint                server,
          MpCheckResult       *result)
{
  MpDiagnosisExpectations *expectations = evidence->expectations;
  const char *domain = expectations->domain;
  MpDnsAnswer *answer = mp_diagnosis_evidence_lookup (evidence, server, domain, MP_DNS_RECORD_TYPE_MX);
  g_autoptr(GPtrArray) found = mp_diagnosis_records_at (answer, domain, MP_DNS_RECORD_TYPE_MX);
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  guint provider_hosts = 0;
  gboolean priorities_differ = FALSE;
  gboolean warned = FALSE;

  mp_diagnosis_add_records (result->expected, expectations->mx);
  mp_diagnosis_add_records (result->found, found);

  if (expectations->mx->len == 0)
    {
      mp_check_result_take_text (result, MP_CHECK_STATUS_UNKNOWN,
                                 g_strdup (_("Mailpost does not know which mail servers to expect, so it cannot judge these records.")),
                                 g_strdup (_("Check the domain from its E-Mail Pro service to compare with the provider’s values.")));
      return;
    }

  for (guint i = 0; i < found->len; i++)
    {
      MpDnsRecord *record = g_ptr_array_index (found, i);

      /* A null MX ("0 .") says the domain receives no mail at all. */
      if (record->target == NULL || *record->target == '\0' || g_str_equal (record->target, "."))
        g_ptr_array_add (others, record);
      else if (is_expected_host (expectations->mx, record->target))
        {
          provider_hosts++;
          priorities_differ |= record->priority != expected_priority (expectations->mx, record->target);
        }
      /* An alias of the provider's host still delivers there; it is warned about below. */
      else if (alias_target (evidence, record->target) != NULL &&
               is_expected_host (expectations->mx, alias_target (evidence, record->target)))
        provider_hosts++;
      else
        g_ptr_array_add (others, record);
    }

  if (found->len == 0)
    {
      mp_diagnosis_add_records (result->fix_add, expectations->mx);
      mp_check_result_take_text (result, MP_CHECK_STATUS_ERROR,
                                 /* TRANSLATORS: %s is a domain name */
                                 g_strdup_printf (_("No mail server is set for %s, so no mail can arrive."), domain),
                                 g_strdup (_("Add the MX records below at your DNS host. Mail starts arriving in E-Mail Pro once they are in place.")));
      return;
    }

  if (provider_hosts == 0)
    {
      mp_diagnosis_add_records (result->fix_remove, found);
      mp_diagnosis_add_records (result->fix_add, expectations->mx);
      mp_check_result_take_text (result, MP_CHECK_STATUS_ERROR,
                                 /* TRANSLATORS: %s is a domain name */
                                 g_strdup_printf (_("Mail for %s goes to another mail server, not to E-Mail Pro."), domain),
                                 g_strdup (_("Replace the MX records below with the provider’s. Until then, mail for your addresses does not reach E-Mail Pro.")));
      return;
    }

  mp_check_result_take_text (result, MP_CHECK_STATUS_OK,
                             /* TRANSLATORS: %s is a domain name */
                             g_strdup_printf (_("Incoming mail for %s reaches your E-Mail Pro service."), domain),
                             g_strdup (_("The MX records point to the provider’s mail servers. Nothing to do.")));

  if (others->len > 0)
    {
      mp_diagnosis_add_records (result->fix_remove, others);
      mp_check_result_take_text (result, MP_CHECK_STATUS_WARNING,
                                 /* TRANSLATORS: %s is a domain name */
                                 g_strdup_printf (_("Some mail for %s goes to another mail server instead of E-Mail Pro."), domain),
                                 g_strdup (_("Sending servers pick any of the MX records, so some mail ends up elsewhere. Remove the records below unless you really want to share your mail between two providers.")));
      warned = TRUE;
    }

  for (guint i = 0; i < found->len; i++)
    {
      MpDnsRecord *record = g_ptr_array_index (found, i);
      HostState state = inspect_host (evidence, record->target);
      g_autofree char *summary = NULL;
      g_autofree char *explanation = NULL;

      if (state == HOST_FINE)
        continue;

      if (state == HOST_CNAME)
        {
          /* TRANSLATORS: %s is a host name from an MX record */
          summary = g_strdup_printf (_("The mail server %s is an alias (CNAME), which mail servers may refuse to follow."), record->target);
          explanation = g_strdup (_("An MX record must name a server directly. Replace it with the name the alias points to, or with the provider’s MX records."));
        }
      else
        {
          /* TRANSLATORS: %s is a host name from an MX record */
          summary = g_strdup_printf (_("The mail server %s has no address, so mail sent to it is lost."), record->target);
          explanation = g_strdup (_("Remove this MX record, or correct the name it points to."));
        }

      if (!warned)
        {
          mp_check_result_take_text (result, MP_CHECK_STATUS_WARNING, g_steal_pointer (&summary),
                                     g_steal_pointer (&explanation));
          warned = TRUE;
        }
      else
        mp_check_result_add_detail (result, g_steal_pointer (&summary));
    }

  if (priorities_differ)
    mp_check_result_add_detail (result, g_strdup (_("The priorities of the MX records differ from the provider’s suggestion. Mail still arrives, so this is only for your information.")));
}

MpCheckResult *
mp_diagnosis_check_mx (MpDiagnosisEvidence *evidence)
{
  g_autoptr(MpCheckQuestions) questions = mp_check_questions_new ();
  MpCheckResult *result;

  mp_check_questions_add (questions, g_strdup (evidence->expectations->domain), MP_DNS_RECORD_TYPE_MX);
  result = mp_diagnosis_run_check (evidence, MP_CHECK_ID_MX, questions, judge_mx);
  mp_check_result_compare_api (result, evidence->expectations->mx_is_valid);
  return result;
}


/* Autodiscover SRV */

static void
judge_srv (MpDiagnosisEvidence *evidence,
           guint                server,
           MpCheckResult       *result)
{
  MpDiagnosisExpectations *expectations = evidence->expectations;
  MpDnsRecord *expected = expectations->autodiscover_srv;
  g_autofree char *name = mp_diagnosis_srv_name (expectations);
  MpDnsAnswer *answer = mp_diagnosis_evidence_lookup (evidence, server, name, MP_DNS_RECORD_TYPE_SRV);
  g_autoptr(GPtrArray) found = mp_diagnosis_records_at (answer, name, MP_DNS_RECORD_TYPE_SRV);
  MpDnsRecord *same_server = NULL;

  mp_diagnosis_add_records (result->found, found);

  if (expected == NULL)
    {
      mp_check_result_take_text (result, MP_CHECK_STATUS_UNKNOWN,
                                 g_strdup (_("Mailpost does not know which server mail programs should find, so it cannot judge this record.")),
                                 g_strdup (_("Check the domain from its E-Mail Pro service, or give the server’s name, to compare with the provider’s values.")));
      return;
    }

  g_ptr_array_add (result->expected, mp_dns_record_ref (expected));

  if (found->len == 0)
    {
      g_ptr_array_add (result->fix_add, mp_dns_record_ref (expected));
      mp_check_result_take_text (result, MP_CHECK_STATUS_ERROR,
                                 /* TRANSLATORS: %s is a domain name */
                                 g_strdup_printf (_("Mail programs cannot set themselves up automatically for %s."), expectations->domain),
                                 g_strdup (_("Add the SRV record below at your DNS host. Outlook and other mail programs then find the right server on their own.")));
      return;
    }

  for (guint i = 0; i < found->len && same_server == NULL; i++)
    {
      MpDnsRecord *record = g_ptr_array_index (found, i);

      if (mp_dns_name_equal (record->target, expected->target) && record->port == expected->port)
        same_server = record;
    }

  if (same_server == NULL)
    {
      mp_diagnosis_add_records (result->fix_remove, found);
      g_ptr_array_add (result->fix_add, mp_dns_record_ref (expected));
      mp_check_result_take_text (result, MP_CHECK_STATUS_ERROR,
                                 g_strdup (_("The automatic setup record sends mail programs to the wrong server.")),
                                 g_strdup (_("Replace the SRV record below with the provider’s, so that mail programs set themselves up with your E-Mail Pro server.")));
      return;
    }

  if (found->len > 1 || same_server->priority != expected->priority || same_server->weight != expected->weight)
    {
      mp_diagnosis_add_records (result->fix_remove, found);
      g_ptr_array_add (result->fix_add, mp_dns_record_ref (expected));
      mp_check_result_take_text (result, MP_CHECK_STATUS_WARNING,
                                 found->len > 1
                                 ? g_strdup (_("There are several automatic setup records; mail programs may pick the wrong one."))
                                 : g_strdup (_("The automatic setup record names the right server, but with a different priority or weight.")),
                                 g_strdup (_("Mail programs probably still work. To be sure, replace the records below with the provider’s single record.")));
      return;
    }

  mp_check_result_take_text (result, MP_CHECK_STATUS_OK,
                             g_strdup (_("Mail programs can set themselves up automatically.")),
                             g_strdup (_("The autodiscover SRV record points to your E-Mail Pro server. Nothing to do.")));
}

MpCheckResult *
mp_diagnosis_check_srv (MpDiagnosisEvidence *evidence)
{
  g_autoptr(MpCheckQuestions) questions = mp_check_questions_new ();
  MpCheckResult *result;

  mp_check_questions_add (questions, mp_diagnosis_srv_name (evidence->expectations), MP_DNS_RECORD_TYPE_SRV);
  result = mp_diagnosis_run_check (evidence, MP_CHECK_ID_SRV, questions, judge_srv);
  mp_check_result_compare_api (result, evidence->expectations->srv_is_valid);
  return result;
}


/* Ownership CNAME */

static const char *
ownership_target (MpDiagnosisExpectations *expectations)
{
  return expectations->cname_target != NULL && *expectations->cname_target != '\0'
         ? expectations->cname_target : "ovh.com";
}

static void
judge_cname (MpDiagnosisEvidence *evidence,
             guint                server,
             MpCheckResult       *result)
{
  MpDiagnosisExpectations *expectations = evidence->expectations;
  g_autofree char *name = mp_diagnosis_ownership_name (expectations);
  MpDnsAnswer *answer = mp_diagnosis_evidence_lookup (evidence, server, name, MP_DNS_RECORD_TYPE_CNAME);
  g_autoptr(GPtrArray) found = mp_diagnosis_records_at (answer, name, MP_DNS_RECORD_TYPE_CNAME);
  g_autoptr(MpDnsRecord) expected = mp_dns_record_new_cname (name, 3600, ownership_target (expectations));

  g_ptr_array_add (result->expected, mp_dns_record_ref (expected));
  mp_diagnosis_add_records (result->found, found);

  if (found->len == 0)
    {
      g_ptr_array_add (result->fix_add, mp_dns_record_ref (expected));
      mp_check_result_take_text (result, MP_CHECK_STATUS_ERROR,
                                 /* TRANSLATORS: %s is a domain name */
                                 g_strdup_printf (_("The provider is waiting for proof that %s is yours."), expectations->domain),
                                 g_strdup (_("Add the CNAME record below at your DNS host. The provider must find it within 48 hours of the domain being added; after that the domain has to be added again.")));
      return;
    }

  if (!mp_dns_name_equal (((MpDnsRecord *) g_ptr_array_index (found, 0))->target, expected->target))
    {
      mp_diagnosis_add_records (result->fix_remove, found);
      g_ptr_array_add (result->fix_add, mp_dns_record_ref (expected));
      mp_check_result_take_text (result, MP_CHECK_STATUS_ERROR,
                                 g_strdup (_("The ownership record points to the wrong place.")),
                                 g_strdup (_("Replace it with the record below. The provider must find the right record within 48 hours of the domain being added.")));
      return;
    }

  mp_check_result_take_text (result, MP_CHECK_STATUS_IN_PROGRESS,
                             /* TRANSLATORS: %s is a domain name */
                             g_strdup_printf (_("The ownership record for %s is in place; the provider will confirm the domain at its next check."), expectations->domain),
                             g_strdup (_("There is nothing to do. The provider checks regularly, usually within an hour.")));
}

MpCheckResult *
mp_diagnosis_check_cname (MpDiagnosisEvidence *evidence)
{
  g_autoptr(MpCheckQuestions) questions = NULL;

  /* Once the provider has validated the domain the record has served its purpose. */
  if (!mp_diagnosis_wants_ownership (evidence->expectations))
    return NULL;

  questions = mp_check_questions_new ();
  mp_check_questions_add (questions, mp_diagnosis_ownership_name (evidence->expectations), MP_DNS_RECORD_TYPE_CNAME);
  return mp_diagnosis_run_check (evidence, MP_CHECK_ID_CNAME, questions, judge_cname);
}


/* DMARC */

static void
judge_dmarc (MpDiagnosisEvidence *evidence,
             guint                server,
             MpCheckResult       *result)
{
  MpDiagnosisExpectations *expectations = evidence->expectations;
  g_autofree char *name = mp_diagnosis_dmarc_name (expectations);
  MpDnsAnswer *answer = mp_diagnosis_evidence_lookup (evidence, server, name, MP_DNS_RECORD_TYPE_TXT);
  g_autoptr(GPtrArray) texts = mp_diagnosis_records_at (answer, name, MP_DNS_RECORD_TYPE_TXT);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(MpDnsRecord) suggested = mp_dns_record_new_txt (name, 3600, mp_dmarc_suggested_record ());
  g_autoptr(MpDmarcRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < texts->len; i++)
    if (mp_dmarc_is_dmarc_record (((MpDnsRecord *) g_ptr_array_index (texts, i))->data))
      g_ptr_array_add (found, g_ptr_array_index (texts, i));

  g_ptr_array_add (result->expected, mp_dns_record_ref (suggested));
  mp_diagnosis_add_records (result->found, found);

  if (found->len == 0)
    {
      g_ptr_array_add (result->fix_add, mp_dns_record_ref (suggested));
      mp_check_result_take_text (result, MP_CHECK_STATUS_WARNING,
                                 /* TRANSLATORS: %s is a domain name */
                                 g_strdup_printf (_("%s has no DMARC record, so others can more easily send mail pretending to be you."), expectations->domain),
                                 g_strdup (_("Once the sender policy (SPF) and the mail signature (DKIM) are right, add the record below. It tells receiving servers to set aside mail that fails both checks.")));
      return;
    }

  if (found->len > 1)
    {
      mp_diagnosis_add_records (result->fix_remove, found);
      g_ptr_array_add (result->fix_add, mp_dns_record_ref (suggested));
      mp_check_result_take_text (result, MP_CHECK_STATUS_ERROR,
                                 /* TRANSLATORS: %s is a domain name */
                                 g_strdup_printf (_("%s has more than one DMARC record, so receiving servers ignore all of them."), expectations->domain),
                                 g_strdup (_("Keep a single DMARC record: replace them with the record below.")));
      return;
    }

  record = mp_dmarc_record_parse (((MpDnsRecord *) g_ptr_array_index (found, 0))->data, NULL, &error);
  if (record == NULL)
    {
      mp_diagnosis_add_records (result->fix_remove, found);
      g_ptr_array_add (result->fix_add, mp_dns_record_ref (suggested));
      mp_check_result_take_text (result, MP_CHECK_STATUS_ERROR,
                                 /* TRANSLATORS: %s is a domain name */
                                 g_strdup_printf (_("The DMARC record of %s has a mistake, so receiving servers ignore it."), expectations->domain),
                                 g_strdup (_("Replace it with the record below.")));
      mp_check_result_add_detail (result, g_strdup (error->message));
      return;
    }

  if (record->policy == MP_DMARC_POLICY_NONE)
    {
      g_autoptr(MpDnsRecord) stricter = NULL;
      g_autofree char *text = NULL;

      /* Keep where the reports go: the owner set that up on purpose. */
      text = record->report_aggregate != NULL
             ? g_strdup_printf ("%s; rua=%s", mp_dmarc_suggested_record (), record->report_aggregate)
             : g_strdup (mp_dmarc_suggested_record ());
      stricter = mp_dns_record_new_txt (name, 3600, text);

      mp_diagnosis_add_records (result->fix_remove, found);
      g_ptr_array_add (result->fix_add, g_steal_pointer (&stricter));
      mp_check_result_take_text (result, MP_CHECK_STATUS_WARNING,
                                 /* TRANSLATORS: %s is a domain name */
                                 g_strdup_printf (_("The DMARC record of %s only watches: forged mail is still delivered."), expectations->domain),
                                 g_strdup (_("Once the sender policy (SPF) and the mail signature (DKIM) are right, replace it with the record below so that forged mail is set aside.")));
      return;
    }

  mp_check_result_take_text (result, MP_CHECK_STATUS_OK,
                             /* TRANSLATORS: %s is a domain name */
                             g_strdup_printf (_("DMARC protects %s against forged mail."), expectations->domain),
                             g_strdup (_("Receiving servers set aside mail that pretends to come from you. Nothing to do.")));
}

MpCheckResult *
mp_diagnosis_check_dmarc (MpDiagnosisEvidence *evidence)
{
  g_autoptr(MpCheckQuestions) questions = NULL;

  if (!evidence->expectations->check_dmarc)
    return NULL;

  questions = mp_check_questions_new ();
  mp_check_questions_add (questions, mp_diagnosis_dmarc_name (evidence->expectations), MP_DNS_RECORD_TYPE_TXT);
  return mp_diagnosis_run_check (evidence, MP_CHECK_ID_DMARC, questions, judge_dmarc);
}
