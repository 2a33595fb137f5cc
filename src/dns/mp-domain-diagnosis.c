/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-domain-diagnosis.c: asking every question of one domain in parallel, then handing the
 * answers to the checks. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dns/mp-domain-diagnosis-private.h"
#include "dns/mp-spf.h"

/* Bounds the SPF walk: it follows names a stranger's DNS chooses. */
#define MAX_SPF_FOLLOWS 24

struct _MpDomainDiagnosis
{
  GObject                  parent_instance;

  MpDiagnosisExpectations *expectations;
  MpCheckStatus            status;
  gboolean                 could_check;
  char                    *problem;
  GPtrArray               *nameservers;   /* MpServerAnswer */
  GPtrArray               *results;       /* MpCheckResult */
  GDateTime               *checked_at;
  guint                    depth;
  gboolean                 pending;
};

G_DEFINE_FINAL_TYPE (MpDomainDiagnosis, mp_domain_diagnosis, G_TYPE_OBJECT)


/* Evidence helpers. */

char *
mp_diagnosis_key (const char      *name,
                  MpDnsRecordType  type)
{
  gsize length = strlen (name);
  g_autofree char *lower = NULL;

  if (length > 1 && name[length - 1] == '.')
    length--;
  lower = g_ascii_strdown (name, length);

  return g_strdup_printf ("%u %s", (guint) type, lower);
}

MpDnsAnswer *
mp_diagnosis_evidence_lookup (MpDiagnosisEvidence *evidence,
                              guint                server,
                              const char          *name,
                              MpDnsRecordType      type)
{
  g_autofree char *key = mp_diagnosis_key (name, type);

  if (server >= evidence->server_answers->len)
    return NULL;

  return g_hash_table_lookup (g_ptr_array_index (evidence->server_answers, server), key);
}

MpDnsAnswer *
mp_diagnosis_evidence_lookup_outside (MpDiagnosisEvidence *evidence,
                                      const char          *name,
                                      MpDnsRecordType      type)
{
  g_autofree char *key = mp_diagnosis_key (name, type);

  return g_hash_table_lookup (evidence->outside, key);
}

GPtrArray *
mp_diagnosis_records_at (MpDnsAnswer     *answer,
                         const char      *name,
                         MpDnsRecordType  type)
{
  GPtrArray *records = g_ptr_array_new ();

  if (answer == NULL)
    return records;

  for (guint i = 0; i < answer->records->len; i++)
    {
      MpDnsRecord *record = g_ptr_array_index (answer->records, i);

      if (record->type == type && mp_dns_name_equal (record->name, name))
        g_ptr_array_add (records, record);
    }

  return records;
}

char *
mp_diagnosis_srv_name (MpDiagnosisExpectations *expectations)
{
  if (expectations->autodiscover_srv != NULL)
    return g_strdup (expectations->autodiscover_srv->name);

  return g_strconcat ("_autodiscover._tcp.", expectations->domain, NULL);
}

char *
mp_diagnosis_dmarc_name (MpDiagnosisExpectations *expectations)
{
  return g_strconcat ("_dmarc.", expectations->domain, NULL);
}

gboolean
mp_diagnosis_wants_ownership (MpDiagnosisExpectations *expectations)
{
  return expectations->cname_label != NULL && *expectations->cname_label != '\0' &&
         !expectations->domain_validated;
}

char *
mp_diagnosis_ownership_name (MpDiagnosisExpectations *expectations)
{
  return g_strconcat (expectations->cname_label, ".", expectations->domain, NULL);
}

GStrv
mp_diagnosis_spf_targets (const char *spf)
{
  g_autoptr(MpSpfRecord) record = mp_spf_record_parse (spf, NULL, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (record != NULL)
    for (guint i = 0; i < record->terms->len; i++)
      {
        MpSpfTerm *term = g_ptr_array_index (record->terms, i);

        /* Macros expand per message: there is nothing fixed to look up. */
        if ((term->kind == MP_SPF_TERM_INCLUDE || term->kind == MP_SPF_TERM_REDIRECT) &&
            strchr (term->value, '%') == NULL)
          g_strv_builder_add (builder, term->value);
      }

  return g_strv_builder_end (builder);
}


/* The run. */

typedef struct
{
  MpDnsResolver       *resolver;
  MpDiagnosisEvidence  evidence;
  GHashTable          *requested;    /* keys asked of the bootstrap resolvers */
  GHashTable          *spf_names;    /* keys of outside TXT answers that are SPF includes */
  guint                pending;
  guint                depth;
  guint                spf_follows;
  /* Not g_task_had_error(): that is already TRUE once the cancellable fires, before the
   * task has returned. */
  gboolean             returned;
} Run;

typedef struct
{
  GTask *task;
  int    server;                     /* -1: the bootstrap resolvers */
} Asked;

static void
run_free (Run *run)
{
  g_clear_object (&run->resolver);
  g_clear_pointer (&run->evidence.expectations, mp_diagnosis_expectations_unref);
  g_clear_pointer (&run->evidence.servers, g_ptr_array_unref);
  g_clear_pointer (&run->evidence.server_answers, g_ptr_array_unref);
  g_clear_pointer (&run->evidence.outside, g_hash_table_unref);
  g_clear_pointer (&run->evidence.ns_answer, mp_dns_answer_unref);
  g_clear_pointer (&run->requested, g_hash_table_unref);
  g_clear_pointer (&run->spf_names, g_hash_table_unref);
  g_free (run);
}

static void on_answer (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data);

static void
ask (GTask           *task,
     int              server,
     const char      *name,
     MpDnsRecordType  type,
     guint            depth)
{
  Run *run = g_task_get_task_data (task);
  Asked *asked;

  if (server < 0)
    {
      char *key = mp_diagnosis_key (name, type);

      if (!g_hash_table_add (run->requested, key))
        return;
    }

  asked = g_new0 (Asked, 1);
  asked->task = g_object_ref (task);
  asked->server = server;
  run->pending++;
  mp_dns_resolver_query_async (run->resolver,
                               server >= 0 ? g_ptr_array_index (run->evidence.servers, server) : NULL,
                               name, type, depth, g_task_get_cancellable (task), on_answer, asked);
}

static void
ask_spf_targets (GTask      *task,
                 MpDnsAnswer *answer)
{
  Run *run = g_task_get_task_data (task);

  for (guint i = 0; i < answer->records->len; i++)
    {
      MpDnsRecord *record = g_ptr_array_index (answer->records, i);
      g_auto(GStrv) targets = NULL;

      if (record->type != MP_DNS_RECORD_TYPE_TXT || !mp_spf_is_spf_record (record->data))
        continue;

      targets = mp_diagnosis_spf_targets (record->data);
      for (guint j = 0; targets[j] != NULL && run->spf_follows < MAX_SPF_FOLLOWS; j++)
        {
          char *key = mp_diagnosis_key (targets[j], MP_DNS_RECORD_TYPE_TXT);

          if (g_hash_table_add (run->spf_names, key))
            {
              run->spf_follows++;
              ask (task, -1, targets[j], MP_DNS_RECORD_TYPE_TXT, answer->depth + 1);
            }
        }
    }
}

static void
ask_host_addresses (GTask       *task,
                    const char  *host,
                    guint        depth)
{
  if (host == NULL || *host == '\0' || g_str_equal (host, "."))
    return;

  ask (task, -1, host, MP_DNS_RECORD_TYPE_A, depth);
  ask (task, -1, host, MP_DNS_RECORD_TYPE_AAAA, depth);
}

/* Follow-up questions an answer makes necessary (names only known from the answer). */
static void
follow_up (GTask       *task,
           int          server,
           MpDnsAnswer *answer)
{
  Run *run = g_task_get_task_data (task);
  const char *domain = run->evidence.expectations->domain;
  g_autofree char *key = mp_diagnosis_key (answer->name, answer->type);

  if (server >= 0 && answer->type == MP_DNS_RECORD_TYPE_MX && mp_dns_name_equal (answer->name, domain))
    {
      for (guint i = 0; i < answer->records->len; i++)
        {
          MpDnsRecord *record = g_ptr_array_index (answer->records, i);

          if (record->type == MP_DNS_RECORD_TYPE_MX)
            ask_host_addresses (task, record->target, answer->depth + 1);
        }
    }
  else if (server >= 0 && answer->type == MP_DNS_RECORD_TYPE_CNAME)
    {
      MpDiagnosisExpectations *expectations = run->evidence.expectations;

      /* A selector without a known target: its key is wherever the CNAME points. */
      for (guint i = 0; i < expectations->dkim_selectors->len; i++)
        {
          MpDkimSelectorExpectation *selector = g_ptr_array_index (expectations->dkim_selectors, i);
          g_autofree char *name = mp_diagnosis_expectations_dkim_record_name (expectations, selector);

          if ((selector->target_record != NULL && *selector->target_record != '\0') ||
              !mp_dns_name_equal (name, answer->name))
            continue;

          for (guint j = 0; j < answer->records->len; j++)
            {
              MpDnsRecord *record = g_ptr_array_index (answer->records, j);

              if (record->type == MP_DNS_RECORD_TYPE_CNAME && mp_dns_name_equal (record->name, name))
                ask (task, -1, record->target, MP_DNS_RECORD_TYPE_TXT, answer->depth + 1);
            }
        }
    }
  else if (answer->type == MP_DNS_RECORD_TYPE_TXT &&
           ((server >= 0 && mp_dns_name_equal (answer->name, domain)) ||
            (server < 0 && g_hash_table_contains (run->spf_names, key))))
    ask_spf_targets (task, answer);
}

static void finish_run (GTask *task);

static void
on_answer (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Asked *asked = user_data;
  g_autoptr(GTask) task = g_steal_pointer (&asked->task);
  Run *run = g_task_get_task_data (task);
  int server = asked->server;
  g_autoptr(MpDnsAnswer) answer = NULL;
  g_autoptr(GError) error = NULL;

  g_free (asked);
  run->pending--;

  answer = mp_dns_resolver_query_finish (MP_DNS_RESOLVER (source), result, &error);

  if (run->returned)
    return;

  if (answer == NULL)
    {
      /* Cancelled, or a name from a stranger's record that cannot be asked: only the first
       * matters for the run. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          run->returned = TRUE;
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_debug ("Skipping a DNS question: %s", error->message);
    }
  else
    {
      GHashTable *table = server >= 0 ? g_ptr_array_index (run->evidence.server_answers, server)
                                      : run->evidence.outside;

      run->depth = MAX (run->depth, answer->depth);
      g_hash_table_insert (table, mp_diagnosis_key (answer->name, answer->type), mp_dns_answer_ref (answer));
      follow_up (task, server, answer);
    }

  if (run->pending == 0)
    finish_run (task);
}

static void
ask_servers (GTask *task,
             guint  depth)
{
  Run *run = g_task_get_task_data (task);
  MpDiagnosisExpectations *expectations = run->evidence.expectations;
  const char *domain = expectations->domain;
  g_autofree char *srv_name = mp_diagnosis_srv_name (expectations);
  g_autofree char *dmarc_name = mp_diagnosis_dmarc_name (expectations);

  for (guint i = 0; i < run->evidence.servers->len; i++)
    {
      ask (task, i, domain, MP_DNS_RECORD_TYPE_SOA, depth);
      ask (task, i, domain, MP_DNS_RECORD_TYPE_MX, depth);
      ask (task, i, domain, MP_DNS_RECORD_TYPE_TXT, depth);
      ask (task, i, srv_name, MP_DNS_RECORD_TYPE_SRV, depth);
      if (expectations->check_dmarc)
        ask (task, i, dmarc_name, MP_DNS_RECORD_TYPE_TXT, depth);

      if (mp_diagnosis_wants_ownership (expectations))
        {
          g_autofree char *name = mp_diagnosis_ownership_name (expectations);

          ask (task, i, name, MP_DNS_RECORD_TYPE_CNAME, depth);
        }

      for (guint j = 0; j < expectations->dkim_selectors->len; j++)
        {
          g_autofree char *name =
            mp_diagnosis_expectations_dkim_record_name (expectations,
                                                        g_ptr_array_index (expectations->dkim_selectors, j));

          ask (task, i, name, MP_DNS_RECORD_TYPE_CNAME, depth);
        }
    }
}

static void
on_nameservers (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  g_autoptr(GPtrArray) servers = NULL;
  g_autoptr(GError) error = NULL;
  guint depth = 0;

  run->pending--;
  servers = mp_dns_resolver_find_nameservers_finish (MP_DNS_RESOLVER (source), result,
                                                     &run->evidence.ns_answer, &depth, &error);
  if (run->returned)
    return;

  if (servers == NULL)
    {
      run->returned = TRUE;
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  run->depth = MAX (run->depth, depth);
  for (guint i = 0; i < servers->len; i++)
    {
      g_ptr_array_add (run->evidence.servers, mp_dns_server_ref (g_ptr_array_index (servers, i)));
      g_ptr_array_add (run->evidence.server_answers,
                       g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) mp_dns_answer_unref));
    }

  ask_servers (task, depth + 1);

  if (run->pending == 0)
    finish_run (task);
}

/* Names outside the domain that are known before any answer: asked at once, so they cost no
 * round trip of their own. */
static void
ask_known_outside_names (GTask *task)
{
  Run *run = g_task_get_task_data (task);
  MpDiagnosisExpectations *expectations = run->evidence.expectations;

  for (guint i = 0; i < expectations->mx->len; i++)
    ask_host_addresses (task, ((MpDnsRecord *) g_ptr_array_index (expectations->mx, i))->target, 1);

  for (guint i = 0; i < expectations->spf_includes->len; i++)
    {
      const char *include = g_ptr_array_index (expectations->spf_includes, i);

      g_hash_table_add (run->spf_names, mp_diagnosis_key (include, MP_DNS_RECORD_TYPE_TXT));
      run->spf_follows++;
      ask (task, -1, include, MP_DNS_RECORD_TYPE_TXT, 1);
    }

  for (guint i = 0; i < expectations->dkim_selectors->len; i++)
    {
      MpDkimSelectorExpectation *selector = g_ptr_array_index (expectations->dkim_selectors, i);

      if (selector->target_record != NULL && *selector->target_record != '\0')
        ask (task, -1, selector->target_record, MP_DNS_RECORD_TYPE_TXT, 1);
    }
}

void
mp_domain_diagnosis_run_async (MpDnsResolver            *resolver,
                               MpDiagnosisExpectations  *expectations,
                               GCancellable             *cancellable,
                               GAsyncReadyCallback       callback,
                               gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  Run *run;

  g_return_if_fail (MP_IS_DNS_RESOLVER (resolver));
  g_return_if_fail (expectations != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp_domain_diagnosis_run_async);

  if (expectations->domain == NULL || *expectations->domain == '\0' ||
      strchr (expectations->domain, '.') == NULL || strlen (expectations->domain) > 253 ||
      strspn (expectations->domain, "abcdefghijklmnopqrstuvwxyz0123456789-._") != strlen (expectations->domain))
    {
      /* TRANSLATORS: %s is what was given as a domain name */
      g_task_return_new_error (task, MP_DNS_ERROR, MP_DNS_ERROR_INVALID_NAME,
                               _("“%s” is not a domain name Mailpost can check. Give it like example.com, without spaces; write names with accents in their xn-- form."),
                               expectations->domain != NULL ? expectations->domain : "");
      return;
    }

  run = g_new0 (Run, 1);
  run->resolver = g_object_ref (resolver);
  run->evidence.expectations = mp_diagnosis_expectations_ref (expectations);
  run->evidence.servers = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_dns_server_unref);
  run->evidence.server_answers = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  run->evidence.outside = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) mp_dns_answer_unref);
  run->evidence.reference = -1;
  run->requested = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run->spf_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);

  run->pending++;
  mp_dns_resolver_find_nameservers_async (resolver, expectations->domain, cancellable,
                                          on_nameservers, g_object_ref (task));
  ask_known_outside_names (task);
}


/* Judging. */

/* RFC 1982: serial a is newer than b. */
static gboolean
serial_newer (guint32 a,
              guint32 b)
{
  return a != b && (gint32) (a - b) > 0;
}

static void
collect_nameservers (MpDomainDiagnosis   *self,
                     MpDiagnosisEvidence *evidence)
{
  guint32 newest = 0;

  for (guint i = 0; i < evidence->servers->len; i++)
    {
      MpDnsServer *server = g_ptr_array_index (evidence->servers, i);
      g_autofree char *address = mp_dns_server_to_string (server);
      MpServerAnswer *entry = mp_server_answer_new (server->host, address);
      MpDnsAnswer *soa = mp_diagnosis_evidence_lookup (evidence, i, evidence->expectations->domain,
                                                       MP_DNS_RECORD_TYPE_SOA);
      g_autoptr(GPtrArray) records = mp_diagnosis_records_at (soa, evidence->expectations->domain,
                                                              MP_DNS_RECORD_TYPE_SOA);

      entry->status = soa != NULL ? soa->status : MP_DNS_STATUS_TIMEOUT;
      entry->rcode = soa != NULL ? soa->rcode : -1;
      if (records->len > 0)
        {
          MpDnsRecord *record = g_ptr_array_index (records, 0);

          entry->serial = record->serial;
          entry->has_serial = TRUE;
          g_ptr_array_add (entry->records, mp_dns_record_ref (record));

          if (evidence->reference < 0 || serial_newer (record->serial, newest))
            {
              evidence->reference = i;
              newest = record->serial;
            }
        }
      g_ptr_array_add (self->nameservers, entry);
    }

  for (guint i = 0; i < self->nameservers->len; i++)
    {
      MpServerAnswer *entry = g_ptr_array_index (self->nameservers, i);

      entry->updated = entry->has_serial && entry->serial == newest;
    }
}

/* The sentence for a domain whose DNS could not be asked at all, or NULL when it could. */
static char *
describe_domain_problem (MpDiagnosisEvidence *evidence,
                         gboolean            *could_check)
{
  const char *domain = evidence->expectations->domain;
  MpDnsAnswer *ns = evidence->ns_answer;
  gboolean any_answer = FALSE;
  gboolean nxdomain = FALSE;

  *could_check = TRUE;

  for (guint i = 0; i < evidence->servers->len; i++)
    {
      MpDnsAnswer *soa = mp_diagnosis_evidence_lookup (evidence, i, domain, MP_DNS_RECORD_TYPE_SOA);

      if (soa != NULL && !mp_dns_status_is_failure (soa->status))
        {
          any_answer = TRUE;
          nxdomain |= soa->status == MP_DNS_STATUS_NXDOMAIN;
        }
    }

  if (evidence->servers->len == 0 && ns != NULL && ns->status == MP_DNS_STATUS_NXDOMAIN)
    nxdomain = TRUE;

  if (nxdomain && (evidence->reference < 0))
    /* TRANSLATORS: %s is a domain name */
    return g_strdup_printf (_("The domain %s does not exist in DNS. Check its spelling; if it is right, the domain is not registered or has expired — renew it at your registrar."),
                            domain);

  if (evidence->servers->len == 0 && ns != NULL && ns->status == MP_DNS_STATUS_NO_DATA)
    /* TRANSLATORS: %s is a domain name */
    return g_strdup_printf (_("The domain %s has no name servers, so nobody can find its mail server. Set its name servers at your registrar."),
                            domain);

  if (evidence->servers->len == 0 || !any_answer)
    {
      *could_check = FALSE;
      /* TRANSLATORS: %s is a domain name */
      return g_strdup_printf (_("Mailpost could not ask the name servers of %s: they did not answer, refused or are not responsible for the domain. Check your internet connection and try again; if it stays like this, ask your DNS host."),
                              domain);
    }

  return NULL;
}

static void
judge_all (MpDomainDiagnosis   *self,
           MpDiagnosisEvidence *evidence)
{
  MpCheckResult *(*checks[]) (MpDiagnosisEvidence *) = {
    mp_diagnosis_check_mx, mp_diagnosis_check_spf, mp_diagnosis_check_srv,
    mp_diagnosis_check_dkim, mp_diagnosis_check_cname, mp_diagnosis_check_dmarc,
  };

  gboolean any_known = FALSE;

  collect_nameservers (self, evidence);
  self->problem = describe_domain_problem (evidence, &self->could_check);
  self->status = MP_CHECK_STATUS_UNKNOWN;

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      MpCheckResult *result = checks[i] (evidence);

      if (result == NULL)
        continue;

      if (self->problem != NULL)
        {
          /* The whole domain failed: every check says so instead of "record missing". */
          g_clear_pointer (&result->summary, g_free);
          g_clear_pointer (&result->explanation, g_free);
          result->summary = g_strdup (self->problem);
          result->explanation = g_strdup (self->problem);
          g_ptr_array_set_size (result->fix_add, 0);
          g_ptr_array_set_size (result->fix_remove, 0);
          result->status = self->could_check ? MP_CHECK_STATUS_ERROR : MP_CHECK_STATUS_UNKNOWN;
          result->dns_failure = TRUE;
        }

      /* A check Mailpost has nothing to compare with says nothing about the domain. */
      if (result->status != MP_CHECK_STATUS_UNKNOWN)
        {
          self->status = any_known ? mp_check_status_worst (self->status, result->status) : result->status;
          any_known = TRUE;
        }
      self->pending |= result->status == MP_CHECK_STATUS_IN_PROGRESS;
      g_ptr_array_add (self->results, result);
    }

  if (!self->could_check)
    self->status = MP_CHECK_STATUS_UNKNOWN;

  for (guint i = 0; i < self->nameservers->len; i++)
    self->pending |= !((MpServerAnswer *) g_ptr_array_index (self->nameservers, i))->updated &&
                     self->could_check;
}

static void
finish_run (GTask *task)
{
  Run *run = g_task_get_task_data (task);
  g_autoptr(MpDomainDiagnosis) self = g_object_new (MP_TYPE_DOMAIN_DIAGNOSIS, NULL);

  self->expectations = mp_diagnosis_expectations_ref (run->evidence.expectations);
  self->depth = run->depth;
  judge_all (self, &run->evidence);
  self->checked_at = g_date_time_new_now_local ();
  run->returned = TRUE;

  g_task_return_pointer (task, g_steal_pointer (&self), g_object_unref);
}

MpDomainDiagnosis *
mp_domain_diagnosis_run_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}


const char *
mp_domain_diagnosis_get_domain (MpDomainDiagnosis *self)
{
  g_return_val_if_fail (MP_IS_DOMAIN_DIAGNOSIS (self), NULL);

  return self->expectations->domain;
}

MpDiagnosisExpectations *
mp_domain_diagnosis_get_expectations (MpDomainDiagnosis *self)
{
  g_return_val_if_fail (MP_IS_DOMAIN_DIAGNOSIS (self), NULL);

  return self->expectations;
}

MpCheckStatus
mp_domain_diagnosis_get_status (MpDomainDiagnosis *self)
{
  g_return_val_if_fail (MP_IS_DOMAIN_DIAGNOSIS (self), MP_CHECK_STATUS_UNKNOWN);

  return self->status;
}

gboolean
mp_domain_diagnosis_could_check (MpDomainDiagnosis *self)
{
  g_return_val_if_fail (MP_IS_DOMAIN_DIAGNOSIS (self), FALSE);

  return self->could_check;
}

const char *
mp_domain_diagnosis_get_problem (MpDomainDiagnosis *self)
{
  g_return_val_if_fail (MP_IS_DOMAIN_DIAGNOSIS (self), NULL);

  return self->problem;
}

GPtrArray *
mp_domain_diagnosis_get_nameservers (MpDomainDiagnosis *self)
{
  g_return_val_if_fail (MP_IS_DOMAIN_DIAGNOSIS (self), NULL);

  return self->nameservers;
}

GPtrArray *
mp_domain_diagnosis_get_results (MpDomainDiagnosis *self)
{
  g_return_val_if_fail (MP_IS_DOMAIN_DIAGNOSIS (self), NULL);

  return self->results;
}

MpCheckResult *
mp_domain_diagnosis_get_result (MpDomainDiagnosis *self,
                                MpCheckId          id)
{
  g_return_val_if_fail (MP_IS_DOMAIN_DIAGNOSIS (self), NULL);

  for (guint i = 0; i < self->results->len; i++)
    {
      MpCheckResult *result = g_ptr_array_index (self->results, i);

      if (result->id == id)
        return result;
    }

  return NULL;
}

GDateTime *
mp_domain_diagnosis_get_checked_at (MpDomainDiagnosis *self)
{
  g_return_val_if_fail (MP_IS_DOMAIN_DIAGNOSIS (self), NULL);

  return self->checked_at;
}

guint
mp_domain_diagnosis_get_depth (MpDomainDiagnosis *self)
{
  g_return_val_if_fail (MP_IS_DOMAIN_DIAGNOSIS (self), 0);

  return self->depth;
}

gboolean
mp_domain_diagnosis_is_pending (MpDomainDiagnosis *self)
{
  g_return_val_if_fail (MP_IS_DOMAIN_DIAGNOSIS (self), FALSE);

  return self->pending;
}

static void
mp_domain_diagnosis_finalize (GObject *object)
{
  MpDomainDiagnosis *self = (MpDomainDiagnosis *) object;

  g_clear_pointer (&self->expectations, mp_diagnosis_expectations_unref);
  g_free (self->problem);
  g_ptr_array_unref (self->nameservers);
  g_ptr_array_unref (self->results);
  g_clear_pointer (&self->checked_at, g_date_time_unref);

  G_OBJECT_CLASS (mp_domain_diagnosis_parent_class)->finalize (object);
}

static void
mp_domain_diagnosis_class_init (MpDomainDiagnosisClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mp_domain_diagnosis_finalize;
}

static void
mp_domain_diagnosis_init (MpDomainDiagnosis *self)
{
  self->status = MP_CHECK_STATUS_UNKNOWN;
  self->nameservers = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_server_answer_unref);
  self->results = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_check_result_unref);
}
