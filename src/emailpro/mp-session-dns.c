/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-session-dns.c: the session's resolver, the expectations of a domain, its live diagnosis
 * and the plan of an automatic fix.  Applying the plan is in mp-session-dns-fix.c, DKIM in
 * mp-session-dkim.c. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "emailpro/mp-session-dns-private.h"
#include "emailpro/mp-session-domains-private.h"
#include "emailpro/mp-zone-record.h"
#include "rules/mp-domain-rules.h"

static GQuark
dns_quark (void)
{
  return g_quark_from_static_string ("mp-session-dns");
}

static void
dns_free (gpointer data)
{
  MpSessionDns *dns = data;

  g_clear_object (&dns->resolver);
  g_clear_pointer (&dns->dkim, g_hash_table_unref);
  g_clear_pointer (&dns->zones, g_strfreev);
  g_free (dns);
}

MpSessionDns *
mp_session_dns_get (MpSession *self)
{
  MpSessionDns *dns = g_object_get_qdata (G_OBJECT (self), dns_quark ());
  g_autoptr(GError) error = NULL;

  if (dns != NULL)
    return dns;

  dns = g_new0 (MpSessionDns, 1);
  dns->resolver = mp_dns_resolver_new_from_environment (&error);
  if (dns->resolver == NULL)
    {
      g_warning ("MAILPOST_DNS_SERVER is ignored: %s", error->message);
      dns->resolver = mp_dns_resolver_new ();
    }
  dns->from_environment = mp_dns_resolver_get_nameserver (dns->resolver) != NULL;
  dns->dkim = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_object_set_qdata_full (G_OBJECT (self), dns_quark (), dns, dns_free);
  return dns;
}

gboolean
mp_session_set_dns_server (MpSession   *self,
                           const char  *server,
                           GError     **error)
{
  MpSessionDns *dns;

  g_return_val_if_fail (MP_IS_SESSION (self), FALSE);

  dns = mp_session_dns_get (self);
  if (dns->from_environment)
    return TRUE;
  return mp_dns_resolver_set_nameserver (dns->resolver, server != NULL && *server != '\0' ? server : NULL,
                                         error);
}

MpDnsResolver *
mp_session_get_resolver (MpSession *self)
{
  g_return_val_if_fail (MP_IS_SESSION (self), NULL);

  return mp_session_dns_get (self)->resolver;
}

GListStore *
mp_session_dns_dkim_store (MpSession  *self,
                           const char *domain)
{
  MpSessionDns *dns = mp_session_dns_get (self);
  GListStore *store = g_hash_table_lookup (dns->dkim, domain);

  if (store == NULL)
    {
      store = g_list_store_new (MP_TYPE_DKIM_SELECTOR);
      g_hash_table_insert (dns->dkim, g_strdup (domain), store);
    }
  return store;
}

void
mp_session_dns_set_zones (MpSession *self,
                          GStrv      zones)
{
  MpSessionDns *dns = mp_session_dns_get (self);

  g_strfreev (dns->zones);
  dns->zones = zones;
}

const char *
mp_session_dns_hosted_zone (MpSession  *self,
                            const char *domain)
{
  MpSessionDns *dns = mp_session_dns_get (self);
  const char *best = NULL;

  for (guint i = 0; dns->zones != NULL && dns->zones[i] != NULL; i++)
    if (mp_zone_record_name_in_zone (domain, dns->zones[i]) &&
        (best == NULL || strlen (dns->zones[i]) > strlen (best)))
      best = dns->zones[i];
  return best;
}

gboolean
mp_session_zone_is_hosted (MpSession  *self,
                           const char *domain)
{
  g_autofree char *ascii = NULL;

  g_return_val_if_fail (MP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (domain != NULL, FALSE);

  ascii = mp_domain_rules_to_ascii (domain);
  return ascii != NULL && mp_session_dns_hosted_zone (self, ascii) != NULL;
}

/* ---- expectations ------------------------------------------------------------------------ */

static MpApiVerdict
verdict (gboolean valid)
{
  return valid ? MP_API_VERDICT_VALID : MP_API_VERDICT_INVALID;
}

MpDiagnosisExpectations *
mp_session_get_expectations (MpSession *self,
                             MpDomain  *domain)
{
  g_autoptr(MpDiagnosisExpectations) expectations = NULL;
  const char * const *expected_mx;
  const char *name;
  GListModel *selectors;
  guint n_selectors;

  g_return_val_if_fail (MP_IS_SESSION (self), NULL);
  g_return_val_if_fail (MP_IS_DOMAIN (domain), NULL);

  name = mp_domain_get_name (domain);
  expectations = mp_diagnosis_expectations_new_defaults (name, mp_service_get_hostname (mp_session_get_service (self)));

  expected_mx = mp_domain_get_expected_mx (domain);
  if (expected_mx[0] != NULL)
    {
      g_ptr_array_set_size (expectations->mx, 0);
      for (guint i = 0; expected_mx[i] != NULL; i++)
        {
          g_autoptr(GError) error = NULL;

          if (!mp_diagnosis_expectations_add_mx_string (expectations, expected_mx[i], &error))
            g_debug ("%s", error->message);
        }
    }

  if (mp_domain_get_expected_spf (domain) != NULL)
    mp_diagnosis_expectations_set_spf (expectations, mp_domain_get_expected_spf (domain));

  if (mp_domain_get_expected_autodiscover_srv (domain) != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!mp_diagnosis_expectations_set_srv_string (expectations, mp_domain_get_expected_autodiscover_srv (domain), &error))
        g_debug ("%s", error->message);
    }

  mp_diagnosis_expectations_set_ownership (expectations, mp_domain_get_cname_to_check (domain), NULL,
                                           mp_domain_get_domain_validated (domain));
  expectations->mx_is_valid = verdict (mp_domain_get_mx_is_valid (domain));
  expectations->spf_is_valid = verdict (mp_domain_get_spf_is_valid (domain));
  expectations->srv_is_valid = verdict (mp_domain_get_srv_is_valid (domain));

  if (mp_domain_get_dkim_state (domain) != MP_DOMAIN_DKIM_STATE_NONE)
    expectations->dkim_state = g_strdup (mp_domain_dkim_state_to_string (mp_domain_get_dkim_state (domain)));
  expectations->dkim_error_code = MAX (mp_domain_get_dkim_error_code (domain), 0);

  selectors = G_LIST_MODEL (mp_session_dns_dkim_store (self, name));
  n_selectors = g_list_model_get_n_items (selectors);
  for (guint i = 0; i < n_selectors; i++)
    {
      g_autoptr(MpDkimSelector) selector = g_list_model_get_item (selectors, i);

      /* A name the provider allows but nobody created has nothing to check yet. */
      if (!mp_dkim_selector_get_created (selector))
        continue;
      mp_diagnosis_expectations_add_dkim_selector (expectations,
                                                   mp_dkim_selector_get_selector_name (selector),
                                                   mp_dkim_selector_get_customer_record (selector),
                                                   mp_dkim_selector_get_target_record (selector),
                                                   mp_dkim_status_to_string (mp_dkim_selector_get_status (selector)),
                                                   mp_dkim_selector_get_cname_is_valid (selector));
    }

  return g_steal_pointer (&expectations);
}

/* ---- diagnose ---------------------------------------------------------------------------- */

typedef struct
{
  MpDomain *domain;
  guint     n_pending;
  GError   *error;      /* the first failure that counts */
} DiagnoseData;

static void
diagnose_data_free (DiagnoseData *data)
{
  g_clear_object (&data->domain);
  g_clear_error (&data->error);
  g_free (data);
}

static void
diagnose_run_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  MpDomainDiagnosis *diagnosis;

  diagnosis = mp_domain_diagnosis_run_finish (result, &error);
  if (diagnosis == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, diagnosis, g_object_unref);
}

/* The domain, its selectors and the zones are read: now the live checks. */
static void
diagnose_part_done (GTask *task)
{
  DiagnoseData *data = g_task_get_task_data (task);
  MpSession *self = g_task_get_source_object (task);
  g_autoptr(MpDiagnosisExpectations) expectations = NULL;

  if (--data->n_pending > 0)
    {
      g_object_unref (task);
      return;
    }

  if (data->error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&data->error));
      g_object_unref (task);
      return;
    }

  expectations = mp_session_get_expectations (self, data->domain);
  mp_domain_diagnosis_run_async (mp_session_get_resolver (self), expectations,
                                 g_task_get_cancellable (task), diagnose_run_cb, task);
}

static void
diagnose_domain_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GTask *task = user_data;
  DiagnoseData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;

  node = mp_ovh_client_call_finish (MP_OVH_CLIENT (object), result, &error);
  if (node == NULL || !mp_domain_update_from_json (data->domain, node, &error))
    {
      if (data->error == NULL)
        data->error = error;
      else
        g_error_free (error);
    }
  diagnose_part_done (task);
}

static void
diagnose_dkim_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GListModel) selectors = NULL;
  g_autoptr(GError) error = NULL;

  /* Without DKIM rights the other checks still run; DKIM is judged from dkimDiagnostics. */
  selectors = mp_session_list_dkim_finish (MP_SESSION (object), result, &error);
  if (selectors == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      DiagnoseData *data = g_task_get_task_data (task);

      if (data->error == NULL)
        data->error = g_steal_pointer (&error);
    }
  else if (selectors == NULL)
    g_debug ("No DKIM selectors: %s", error->message);
  diagnose_part_done (task);
}

static void
diagnose_zones_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;
  char **zones;

  zones = mp_session_list_dns_zones_finish (MP_SESSION (object), result, &error);
  if (zones != NULL)
    mp_session_dns_set_zones (MP_SESSION (object), zones);
  else
    g_debug ("The account's DNS zones could not be read: %s", error->message);
  diagnose_part_done (task);
}

void
mp_session_diagnose_domain_async (MpSession           *self,
                                  MpDomain            *domain,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;
  DiagnoseData *data;
  g_autofree char *path = NULL;

  g_return_if_fail (MP_IS_SESSION (self));
  g_return_if_fail (MP_IS_DOMAIN (domain));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp_session_diagnose_domain_async);
  data = g_new0 (DiagnoseData, 1);
  data->domain = g_object_ref (domain);
  data->n_pending = mp_session_dns_get (self)->zones == NULL ? 3 : 2;
  g_task_set_task_data (task, data, (GDestroyNotify) diagnose_data_free);

  /* Each part holds one reference to the task, dropped by diagnose_part_done(). */
  path = mp_session_domains_domain_path (self, mp_domain_get_name (domain));
  mp_ovh_client_call_async (mp_session_get_client (self), "GET", path, NULL, MP_OVH_CALL_DEFAULT,
                            cancellable, diagnose_domain_cb, g_object_ref (task));
  mp_session_list_dkim_async (self, domain, cancellable, diagnose_dkim_cb, g_object_ref (task));
  if (mp_session_dns_get (self)->zones == NULL)
    mp_session_list_dns_zones_async (self, cancellable, diagnose_zones_cb, g_object_ref (task));
  g_object_unref (task);
}

MpDomainDiagnosis *
mp_session_diagnose_domain_finish (MpSession     *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (MP_IS_SESSION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mp_session_diagnose_domain_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- plan -------------------------------------------------------------------------------- */

static gboolean
is_expected_mx (MpDiagnosisExpectations *expectations,
                MpDnsRecord             *record)
{
  for (guint i = 0; i < expectations->mx->len; i++)
    if (mp_dns_name_equal (((MpDnsRecord *) g_ptr_array_index (expectations->mx, i))->target, record->target))
      return TRUE;
  return FALSE;
}

static gboolean
has_txt (GPtrArray *records)
{
  for (guint i = 0; i < records->len; i++)
    if (((MpDnsRecord *) g_ptr_array_index (records, i))->type == MP_DNS_RECORD_TYPE_TXT)
      return TRUE;
  return FALSE;
}

MpDnsFixPlan *
mp_session_plan_dns_fix (MpSession          *self,
                         MpDomainDiagnosis  *diagnosis,
                         const char         *check_id,
                         GError            **error)
{
  g_autoptr(MpDnsFixPlan) plan = NULL;
  MpDiagnosisExpectations *expectations;
  const char *domain;
  const char *zone;
  GPtrArray *results;

  g_return_val_if_fail (MP_IS_SESSION (self), NULL);
  g_return_val_if_fail (MP_IS_DOMAIN_DIAGNOSIS (diagnosis), NULL);

  domain = mp_domain_diagnosis_get_domain (diagnosis);
  expectations = mp_domain_diagnosis_get_expectations (diagnosis);
  zone = mp_session_dns_hosted_zone (self, domain);
  if (zone == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   /* TRANSLATORS: %s is a domain name */
                   _("The DNS zone of %s is not managed in your OVHcloud account, so Mailpost cannot change it for you. Add the records shown at the company that hosts your DNS."),
                   domain);
      return NULL;
    }

  plan = mp_dns_fix_plan_new (domain, zone);
  results = mp_domain_diagnosis_get_results (diagnosis);
  for (guint i = 0; i < results->len; i++)
    {
      MpCheckResult *result = g_ptr_array_index (results, i);
      gboolean all_records_in_zone = TRUE;

      /* DMARC goes beyond what the provider asks for: only when asked for by name. */
      if (check_id != NULL ? g_strcmp0 (mp_check_id_to_string (result->id), check_id) != 0
                           : result->id == MP_CHECK_ID_DMARC)
        continue;

      for (guint j = 0; j < result->fix_add->len; j++)
        all_records_in_zone &= mp_zone_record_name_in_zone (((MpDnsRecord *) g_ptr_array_index (result->fix_add, j))->name, zone);
      if (!all_records_in_zone)
        continue;

      mp_dns_fix_plan_add_check (plan, result);
      if (result->id == MP_CHECK_ID_MX)
        for (guint j = 0; j < result->fix_remove->len; j++)
          plan->replaces_mx |= !is_expected_mx (expectations, g_ptr_array_index (result->fix_remove, j));
      if (result->id == MP_CHECK_ID_SPF)
        plan->merges_spf = has_txt (result->fix_remove) && has_txt (result->fix_add);
    }

  if (mp_dns_fix_plan_is_empty (plan))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("Nothing needs to change in the DNS zone for this check."));
      return NULL;
    }
  return g_steal_pointer (&plan);
}
