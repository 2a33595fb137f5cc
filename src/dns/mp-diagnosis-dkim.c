/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-diagnosis-dkim.c: the DKIM check — each selector's CNAME in the customer's zone, the key
 * the provider publishes at its target and that key's length, and the provider's own
 * progress (selector status, dkimDiagnostics). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "dns/mp-dkim.h"
#include "dns/mp-domain-diagnosis-private.h"

/* One selector's finding, worst first within a status. */
typedef struct
{
  MpCheckStatus  status;
  char          *summary;
  char          *explanation;
} Finding;

static void
keep_worst (Finding       *worst,
            MpCheckStatus  status,
            char          *summary,
            char          *explanation)
{
  if (worst->summary == NULL ||
      (mp_check_status_worst (worst->status, status) == status && worst->status != status))
    {
      g_free (worst->summary);
      g_free (worst->explanation);
      worst->status = status;
      worst->summary = summary;
      worst->explanation = explanation;
      return;
    }

  g_free (summary);
  g_free (explanation);
}

/* The key at the CNAME's target, judged. */
static void
judge_key (MpDiagnosisEvidence       *evidence,
           MpDkimSelectorExpectation *selector,
           const char                *target,
           gboolean                   target_expected,
           Finding                   *worst)
{
  MpDnsAnswer *answer = mp_diagnosis_evidence_lookup_outside (evidence, target, MP_DNS_RECORD_TYPE_TXT);
  g_autoptr(GPtrArray) texts = mp_diagnosis_records_at (answer, target, MP_DNS_RECORD_TYPE_TXT);
  g_autoptr(MpDkimKey) key = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = NULL;

  /* The bootstrap resolvers could not be asked: that says nothing about the key. */
  if (answer == NULL || mp_dns_status_is_failure (answer->status))
    {
      keep_worst (worst, MP_CHECK_STATUS_OK, NULL, NULL);
      return;
    }

  for (guint i = 0; i < texts->len && text == NULL; i++)
    if (mp_dkim_is_key_record (((MpDnsRecord *) g_ptr_array_index (texts, i))->data))
      text = ((MpDnsRecord *) g_ptr_array_index (texts, i))->data;

  if (text == NULL)
    {
      if (target_expected)
        keep_worst (worst, MP_CHECK_STATUS_ERROR,
                    /* TRANSLATORS: %s is a DKIM selector name */
                    g_strdup_printf (_("The record for the DKIM key %s is right, but the provider has not published the key behind it."), selector->selector_name),
                    g_strdup (_("This is on the provider’s side. Wait a few hours; if it stays like this, contact the provider’s support.")));
      else
        keep_worst (worst, MP_CHECK_STATUS_ERROR,
                    /* TRANSLATORS: %s is a DKIM selector name */
                    g_strdup_printf (_("The DKIM record %s points to a name without a DKIM key."), selector->selector_name),
                    g_strdup (_("Compare the record with the one the provider shows for this domain and correct it at your DNS host.")));
      return;
    }

  key = mp_dkim_key_parse (text, &error);
  if (key == NULL)
    {
      keep_worst (worst, MP_CHECK_STATUS_ERROR,
                  /* TRANSLATORS: %s is a DKIM selector name */
                  g_strdup_printf (_("The DKIM key %s cannot be used."), selector->selector_name),
                  g_strdup (error->message));
      return;
    }

  if (key->bits < 1024)
    keep_worst (worst, MP_CHECK_STATUS_ERROR,
                /* TRANSLATORS: %s is a DKIM selector name, %u a number of bits */
                g_strdup_printf (_("The DKIM key %s is only %u bits long; receiving servers reject signatures this weak."), selector->selector_name, key->bits),
                g_strdup (_("Set up DKIM again so that the provider makes a new, longer key.")));
  else if (key->bits < 2048)
    keep_worst (worst, MP_CHECK_STATUS_WARNING,
                /* TRANSLATORS: %s is a DKIM selector name, %u a number of bits */
                g_strdup_printf (_("The DKIM key %s is %u bits long; 2048 bits is recommended today."), selector->selector_name, key->bits),
                g_strdup (_("Signatures still work. When convenient, set up DKIM again so that the provider makes a longer key.")));
  else if (key->testing)
    keep_worst (worst, MP_CHECK_STATUS_WARNING,
                /* TRANSLATORS: %s is a DKIM selector name */
                g_strdup_printf (_("The DKIM key %s is marked as a test, so receiving servers do not rely on it."), selector->selector_name),
                g_strdup (_("This is on the provider’s side; it usually ends by itself. If it stays, contact the provider’s support.")));
  else
    keep_worst (worst, MP_CHECK_STATUS_OK, NULL, NULL);
}

static void
judge_dkim (MpDiagnosisEvidence *evidence,
            guint                server,
            MpCheckResult       *result)
{
  MpDiagnosisExpectations *expectations = evidence->expectations;
  const char *domain = expectations->domain;
  Finding worst = { MP_CHECK_STATUS_OK, NULL, NULL };
  gboolean pending = FALSE;
  gboolean signing = FALSE;
  gboolean known_status = FALSE;
  const char *code_sentence = mp_dkim_error_code_to_sentence (expectations->dkim_error_code);

  for (guint i = 0; i < expectations->dkim_selectors->len; i++)
    {
      MpDkimSelectorExpectation *selector = g_ptr_array_index (expectations->dkim_selectors, i);
      g_autofree char *name = mp_diagnosis_expectations_dkim_record_name (expectations, selector);
      MpDnsAnswer *answer = mp_diagnosis_evidence_lookup (evidence, server, name, MP_DNS_RECORD_TYPE_CNAME);
      g_autoptr(GPtrArray) found = mp_diagnosis_records_at (answer, name, MP_DNS_RECORD_TYPE_CNAME);
      g_autoptr(MpDnsRecord) expected = NULL;

      pending |= mp_dkim_selector_status_is_pending (selector->status);
      signing |= g_strcmp0 (selector->status, "inProduction") == 0;
      known_status |= selector->status != NULL;
      mp_diagnosis_add_records (result->found, found);

      /* Named on the command line without the API: the CNAME must exist, and its key is judged
       * wherever it points. */
      if ((selector->target_record == NULL || *selector->target_record == '\0') && selector->status == NULL)
        {
          if (found->len == 0)
            keep_worst (&worst, MP_CHECK_STATUS_ERROR,
                        /* TRANSLATORS: %s is a domain name */
                        g_strdup_printf (_("A DKIM record is missing, so mail from %s is not signed."), domain),
                        g_strdup (_("Add the DKIM CNAME records the provider shows for this domain at your DNS host.")));
          else
            judge_key (evidence, selector, ((MpDnsRecord *) g_ptr_array_index (found, 0))->target, FALSE, &worst);
          continue;
        }

      if (selector->target_record == NULL || *selector->target_record == '\0')
        {
          keep_worst (&worst, MP_CHECK_STATUS_IN_PROGRESS,
                      /* TRANSLATORS: %s is a domain name */
                      g_strdup_printf (_("The provider is still preparing the DKIM records for %s."), domain),
                      g_strdup (_("There is nothing to do yet. Mailpost shows the records to add as soon as the provider has made them.")));
          continue;
        }

      expected = mp_dns_record_new_cname (name, 3600, selector->target_record);
      g_ptr_array_add (result->expected, mp_dns_record_ref (expected));

      if (found->len == 0)
        {
          g_ptr_array_add (result->fix_add, mp_dns_record_ref (expected));
          keep_worst (&worst, MP_CHECK_STATUS_ERROR,
                      /* TRANSLATORS: %s is a domain name */
                      g_strdup_printf (_("A DKIM record is missing, so mail from %s is not signed."), domain),
                      g_strdup (_("Add the CNAME records below at your DNS host. Signed mail is less likely to be taken for spam.")));
          continue;
        }

      if (!mp_dns_name_equal (((MpDnsRecord *) g_ptr_array_index (found, 0))->target, expected->target))
        {
          mp_diagnosis_add_records (result->fix_remove, found);
          g_ptr_array_add (result->fix_add, mp_dns_record_ref (expected));
          keep_worst (&worst, MP_CHECK_STATUS_ERROR,
                      g_strdup (_("A DKIM record points to the wrong place, so receiving servers cannot check your signature.")),
                      g_strdup (_("Replace the records below with the provider’s.")));
          continue;
        }

      judge_key (evidence, selector, selector->target_record, TRUE, &worst);
    }

  if (code_sentence != NULL)
    mp_check_result_add_detail (result, g_strdup (code_sentence));

  if (pending && worst.status != MP_CHECK_STATUS_OK)
    {
      /* The provider waits for the records or works on them: say so, keep the fix. */
      mp_check_result_take_text (result, MP_CHECK_STATUS_IN_PROGRESS,
                                 /* TRANSLATORS: %s is a domain name */
                                 g_strdup_printf (_("The provider is setting up DKIM for %s."), domain),
                                 result->fix_add->len > 0
                                 ? g_strdup (_("It waits for the records below. Add them at your DNS host; the provider checks for them regularly and then switches signing on."))
                                 : g_strdup (_("There is nothing to do; this usually takes a few hours.")));
      mp_check_result_add_detail (result, g_steal_pointer (&worst.summary));
      g_free (worst.explanation);
      return;
    }

  if (pending)
    {
      mp_check_result_take_text (result, MP_CHECK_STATUS_IN_PROGRESS,
                                 /* TRANSLATORS: %s is a domain name */
                                 g_strdup_printf (_("The DKIM records of %s are right; the provider is finishing the setup."), domain),
                                 g_strdup (_("There is nothing to do; this usually takes a few hours.")));
      return;
    }

  if (worst.status != MP_CHECK_STATUS_OK)
    {
      mp_check_result_take_text (result, worst.status, worst.summary, worst.explanation);
      if (worst.status == MP_CHECK_STATUS_ERROR && g_strcmp0 (expectations->dkim_state, "active") == 0)
        {
          result->api_disagrees = TRUE;
          mp_check_result_add_detail (result, g_strdup (_("The provider’s panel still shows DKIM as working: its own check is older than this one. Trust what Mailpost found here.")));
        }
      return;
    }

  g_free (worst.summary);
  g_free (worst.explanation);

  if ((known_status && !signing) || g_strcmp0 (expectations->dkim_state, "disabled") == 0)
    {
      mp_check_result_take_text (result, MP_CHECK_STATUS_WARNING,
                                 /* TRANSLATORS: %s is a domain name */
                                 g_strdup_printf (_("The DKIM records of %s are right, but signing is switched off."), domain),
                                 g_strdup (_("Switch DKIM on in the DKIM dialog so that your mail is signed.")));
      return;
    }

  mp_check_result_take_text (result, MP_CHECK_STATUS_OK,
                             /* TRANSLATORS: %s is a domain name */
                             g_strdup_printf (_("Mail from %s is signed with DKIM."), domain),
                             g_strdup (_("Both DKIM records are in place and the keys are strong. Nothing to do.")));

  if (g_strcmp0 (expectations->dkim_state, "error") == 0)
    {
      result->api_disagrees = TRUE;
      mp_check_result_add_detail (result, g_strdup (_("The provider’s panel still shows a DKIM problem because it has not checked again yet. It usually does within a few hours; there is nothing to do.")));
    }
}

MpCheckResult *
mp_diagnosis_check_dkim (MpDiagnosisEvidence *evidence)
{
  MpDiagnosisExpectations *expectations = evidence->expectations;
  g_autoptr(MpCheckQuestions) questions = NULL;
  MpCheckResult *result;

  if (expectations->dkim_selectors->len == 0)
    {
      result = mp_check_result_new (MP_CHECK_ID_DKIM);

      if (g_strcmp0 (expectations->dkim_state, "toConfigure") == 0 ||
          g_strcmp0 (expectations->dkim_state, "disabled") == 0)
        mp_check_result_take_text (result, MP_CHECK_STATUS_WARNING,
                                   /* TRANSLATORS: %s is a domain name */
                                   g_strdup_printf (_("DKIM is not set up for %s, so your mail is not signed."), expectations->domain),
                                   g_strdup (_("Set up DKIM in the DKIM dialog. The provider then prepares two records for you to add; signed mail is less likely to be taken for spam.")));
      else
        mp_check_result_take_text (result, MP_CHECK_STATUS_UNKNOWN,
                                   g_strdup (_("Mailpost does not know the names of the DKIM records, so it cannot check them.")),
                                   g_strdup (_("Check the domain from its E-Mail Pro service, or give the DKIM selector names.")));
      return result;
    }

  questions = mp_check_questions_new ();
  for (guint i = 0; i < expectations->dkim_selectors->len; i++)
    mp_check_questions_add (questions,
                            mp_diagnosis_expectations_dkim_record_name (expectations,
                                                                        g_ptr_array_index (expectations->dkim_selectors, i)),
                            MP_DNS_RECORD_TYPE_CNAME);

  return mp_diagnosis_run_check (evidence, MP_CHECK_ID_DKIM, questions, judge_dkim);
}
