/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dns/mp-diagnosis-expectations.h"
#include "dns/mp-spf.h"

#define EXPECTED_TTL 3600

G_DEFINE_BOXED_TYPE (MpDiagnosisExpectations, mp_diagnosis_expectations,
                     mp_diagnosis_expectations_ref, mp_diagnosis_expectations_unref)

static void
dkim_selector_free (MpDkimSelectorExpectation *selector)
{
  g_free (selector->selector_name);
  g_free (selector->customer_record);
  g_free (selector->target_record);
  g_free (selector->status);
  g_free (selector);
}

MpDiagnosisExpectations *
mp_diagnosis_expectations_new (const char *domain)
{
  MpDiagnosisExpectations *self;
  gsize length;

  g_return_val_if_fail (domain != NULL, NULL);

  self = g_new0 (MpDiagnosisExpectations, 1);
  g_atomic_ref_count_init (&self->ref_count);
  length = strlen (domain);
  if (length > 1 && domain[length - 1] == '.')
    length--;
  self->domain = g_ascii_strdown (domain, length);
  self->mx = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_dns_record_unref);
  self->spf_includes = g_ptr_array_new_with_free_func (g_free);
  self->dkim_selectors = g_ptr_array_new_with_free_func ((GDestroyNotify) dkim_selector_free);
  self->check_dmarc = TRUE;
  return self;
}

MpDiagnosisExpectations *
mp_diagnosis_expectations_new_defaults (const char *domain,
                                        const char *server_host)
{
  static const struct { guint16 priority; const char *host; } mx[] = {
    { 1, "mx0.mail.ovh.net" }, { 5, "mx1.mail.ovh.net" }, { 50, "mx2.mail.ovh.net" },
    { 100, "mx3.mail.ovh.net" }, { 200, "mx4.mail.ovh.net" },
  };
  MpDiagnosisExpectations *self = mp_diagnosis_expectations_new (domain);

  for (guint i = 0; i < G_N_ELEMENTS (mx); i++)
    mp_diagnosis_expectations_add_mx (self, mx[i].priority, mx[i].host);
  mp_diagnosis_expectations_set_spf (self, "v=spf1 include:mx.ovh.com ~all");
  if (server_host != NULL && *server_host != '\0')
    mp_diagnosis_expectations_set_srv (self, 0, 0, 443, server_host);

  return self;
}

MpDiagnosisExpectations *
mp_diagnosis_expectations_ref (MpDiagnosisExpectations *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
mp_diagnosis_expectations_unref (MpDiagnosisExpectations *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->domain);
  g_ptr_array_unref (self->mx);
  g_free (self->spf);
  g_ptr_array_unref (self->spf_includes);
  g_clear_pointer (&self->autodiscover_srv, mp_dns_record_unref);
  g_ptr_array_unref (self->dkim_selectors);
  g_free (self->dkim_state);
  g_free (self->cname_label);
  g_free (self->cname_target);
  g_free (self);
}

void
mp_diagnosis_expectations_add_mx (MpDiagnosisExpectations *self,
                                  guint16                  priority,
                                  const char              *host)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (host != NULL);

  g_ptr_array_add (self->mx, mp_dns_record_new_mx (self->domain, EXPECTED_TTL, priority, host));
}

gboolean
mp_diagnosis_expectations_add_mx_string (MpDiagnosisExpectations  *self,
                                         const char               *text,
                                         GError                  **error)
{
  MpDnsRecord *record;

  g_return_val_if_fail (self != NULL, FALSE);

  record = mp_dns_record_parse_mx_expectation (text, self->domain, EXPECTED_TTL, error);
  if (record == NULL)
    return FALSE;

  g_ptr_array_add (self->mx, record);
  return TRUE;
}

void
mp_diagnosis_expectations_set_spf (MpDiagnosisExpectations *self,
                                   const char              *spf)
{
  g_autoptr(MpSpfRecord) record = NULL;
  g_auto(GStrv) includes = NULL;
  const char *start;

  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->spf, g_free);
  g_ptr_array_set_size (self->spf_includes, 0);
  if (spf == NULL)
    return;

  /* The provider's manager reads expectedSPF as "IN TXT v=spf1 …": keep the record only. */
  start = strstr (spf, "v=spf1");
  if (start == NULL)
    start = spf;
  self->spf = g_strdup (start);

  record = mp_spf_record_parse (self->spf, NULL, NULL);
  if (record == NULL)
    return;

  includes = mp_spf_record_get_includes (record);
  for (guint i = 0; includes[i] != NULL; i++)
    g_ptr_array_add (self->spf_includes, g_strdup (includes[i]));
}

gboolean
mp_diagnosis_expectations_set_srv_string (MpDiagnosisExpectations  *self,
                                          const char               *text,
                                          GError                  **error)
{
  MpDnsRecord *record;

  g_return_val_if_fail (self != NULL, FALSE);

  record = mp_dns_record_parse_srv_expectation (text, self->domain, EXPECTED_TTL, error);
  if (record == NULL)
    return FALSE;

  g_clear_pointer (&self->autodiscover_srv, mp_dns_record_unref);
  self->autodiscover_srv = record;
  return TRUE;
}

void
mp_diagnosis_expectations_set_srv (MpDiagnosisExpectations *self,
                                   guint16                  priority,
                                   guint16                  weight,
                                   guint16                  port,
                                   const char              *target)
{
  g_autofree char *name = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (target != NULL);

  name = g_strconcat ("_autodiscover._tcp.", self->domain, NULL);
  g_clear_pointer (&self->autodiscover_srv, mp_dns_record_unref);
  self->autodiscover_srv = mp_dns_record_new_srv (name, EXPECTED_TTL, priority, weight, port, target);
}

void
mp_diagnosis_expectations_add_dkim_selector (MpDiagnosisExpectations *self,
                                             const char              *selector_name,
                                             const char              *customer_record,
                                             const char              *target_record,
                                             const char              *status,
                                             gboolean                 cname_is_valid)
{
  MpDkimSelectorExpectation *selector;

  g_return_if_fail (self != NULL);
  g_return_if_fail (selector_name != NULL);

  selector = g_new0 (MpDkimSelectorExpectation, 1);
  selector->selector_name = g_strdup (selector_name);
  selector->customer_record = g_strdup (customer_record);
  selector->target_record = g_strdup (target_record);
  selector->status = g_strdup (status);
  selector->cname_is_valid = cname_is_valid;
  g_ptr_array_add (self->dkim_selectors, selector);
}

void
mp_diagnosis_expectations_set_ownership (MpDiagnosisExpectations *self,
                                         const char              *cname_label,
                                         const char              *cname_target,
                                         gboolean                 domain_validated)
{
  g_return_if_fail (self != NULL);

  g_free (self->cname_label);
  self->cname_label = g_strdup (cname_label);
  g_free (self->cname_target);
  self->cname_target = g_strdup (cname_target);
  self->domain_validated = domain_validated;
}

char *
mp_diagnosis_expectations_dkim_record_name (MpDiagnosisExpectations   *self,
                                            MpDkimSelectorExpectation *selector)
{
  g_autofree char *relative = NULL;
  const char *record;
  gsize length, domain_length;

  g_return_val_if_fail (self != NULL && selector != NULL, NULL);

  record = selector->customer_record;
  if (record == NULL || *record == '\0')
    record = relative = g_strconcat (selector->selector_name, "._domainkey", NULL);

  length = strlen (record);
  domain_length = strlen (self->domain);
  if (length > 0 && record[length - 1] == '.')
    return g_strndup (record, length - 1);
  /* The API gives the name relative to the domain, but accept it absolute too. */
  if (length > domain_length && record[length - domain_length - 1] == '.' &&
      g_ascii_strcasecmp (record + length - domain_length, self->domain) == 0)
    return g_strdup (record);

  return g_strconcat (record, ".", self->domain, NULL);
}
