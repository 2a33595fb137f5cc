/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sim-diagnostics.h"
#include "sim-dkim.h"
#include "sim-zones.h"
#include "dns/mp-spf.h"

static void
set_strings (JsonObject *domain,
             const char *member,
             GPtrArray  *strings)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < strings->len; i++)
    json_array_add_string_element (array, g_ptr_array_index (strings, i));
  json_object_set_array_member (domain, member, array);
}

/* expectedMX entries read "IN MX 1 mx0.mail.ovh.net": the host is the last word. */
static gboolean
is_expected_mx (JsonObject *domain,
                const char *host)
{
  JsonNode *node = json_object_get_member (domain, "expectedMX");
  JsonArray *expected = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; expected != NULL && i < json_array_get_length (expected); i++)
    {
      const char *entry = json_array_get_string_element (expected, i);
      const char *last = entry != NULL ? strrchr (entry, ' ') : NULL;

      if (entry != NULL && mp_dns_name_equal (last != NULL ? last + 1 : entry, host))
        return TRUE;
    }
  return FALSE;
}

static void
update_mx (SimZone    *zone,
           JsonObject *domain,
           const char *name)
{
  g_autoptr(GPtrArray) records = sim_zone_lookup (zone, name, MP_DNS_RECORD_TYPE_MX);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  gboolean valid = records->len > 0;

  for (guint i = 0; i < records->len; i++)
    {
      MpDnsRecord *record = g_ptr_array_index (records, i);

      g_ptr_array_add (found, g_strdup (record->data));
      valid &= is_expected_mx (domain, record->target);
    }
  set_strings (domain, "mxRecord", found);
  json_object_set_boolean_member (domain, "mxIsValid", valid);
}

/* expectedSPF reads "IN TXT v=spf1 include:mx.ovh.com ~all". */
static void
update_spf (SimZone    *zone,
            JsonObject *domain,
            const char *name)
{
  g_autoptr(GPtrArray) records = sim_zone_lookup (zone, name, MP_DNS_RECORD_TYPE_TXT);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  const char *expected = json_object_get_string_member_with_default (domain, "expectedSPF", NULL);
  const char *spf = expected != NULL ? strstr (expected, "v=spf1") : NULL;
  g_autoptr(MpSpfRecord) expected_record = spf != NULL ? mp_spf_record_parse (spf, NULL, NULL) : NULL;
  g_auto(GStrv) includes = expected_record != NULL ? mp_spf_record_get_includes (expected_record) : NULL;
  gboolean valid;

  for (guint i = 0; i < records->len; i++)
    {
      MpDnsRecord *record = g_ptr_array_index (records, i);

      if (mp_spf_is_spf_record (record->data))
        g_ptr_array_add (found, g_strdup (record->data));
    }

  valid = found->len == 1;
  if (valid)
    {
      g_autoptr(MpSpfRecord) record = mp_spf_record_parse (g_ptr_array_index (found, 0), NULL, NULL);

      valid = record != NULL;
      for (guint i = 0; valid && includes != NULL && includes[i] != NULL; i++)
        valid = mp_spf_record_has_include (record, includes[i]);
    }
  set_strings (domain, "spfRecord", found);
  json_object_set_boolean_member (domain, "spfIsValid", valid);
}

static void
update_srv (SimZone    *zone,
            JsonObject *domain,
            const char *name)
{
  g_autofree char *owner = g_strdup_printf ("_autodiscover._tcp.%s", name);
  g_autoptr(GPtrArray) records = sim_zone_lookup (zone, owner, MP_DNS_RECORD_TYPE_SRV);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  const char *expected_text = json_object_get_string_member_with_default (domain, "expectedAutodiscoverSRV", NULL);
  g_autoptr(MpDnsRecord) expected = expected_text != NULL
    ? mp_dns_record_parse_srv_expectation (expected_text, name, 0, NULL) : NULL;
  gboolean valid = FALSE;

  for (guint i = 0; i < records->len; i++)
    {
      MpDnsRecord *record = g_ptr_array_index (records, i);

      g_ptr_array_add (found, g_strdup (record->data));
      valid |= expected != NULL && mp_dns_record_equal_data (record, expected);
    }
  set_strings (domain, "srvRecord", found);
  json_object_set_boolean_member (domain, "srvIsValid", valid);
}

/* A zone in the same account proves ownership by itself; elsewhere the CNAME must be there. */
static void
update_ownership (SimZone    *zone,
                  JsonObject *domain,
                  const char *name)
{
  const char *label = json_object_get_string_member_with_default (domain, "cnameToCheck", NULL);
  gboolean validated = zone->in_account;

  if (!validated && label != NULL)
    {
      g_autofree char *owner = g_strdup_printf ("%s.%s", label, name);
      g_autoptr(GPtrArray) records = sim_zone_lookup (zone, owner, MP_DNS_RECORD_TYPE_CNAME);

      for (guint i = 0; i < records->len; i++)
        validated |= mp_dns_name_equal (((MpDnsRecord *) g_ptr_array_index (records, i))->target, "ovh.com");
    }
  else if (!validated)
    validated = json_object_get_boolean_member_with_default (domain, "domainValidated", FALSE);

  json_object_set_boolean_member (domain, "domainValidated", validated);
  if (validated)
    json_object_set_null_member (domain, "cnameToCheck");
}

void
sim_diagnostics_update_domain (SimState   *state,
                               SimService *service,
                               JsonObject *domain)
{
  const char *name = json_object_get_string_member (domain, "name");
  SimZone *zone = sim_zones_find_for (state, name);

  sim_dkim_update_domain (state, service, domain);
  if (zone == NULL)
    return;

  update_mx (zone, domain, name);
  update_spf (zone, domain, name);
  update_srv (zone, domain, name);
  update_ownership (zone, domain, name);
}
