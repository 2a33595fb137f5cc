/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sim-dkim-private.h"
#include "sim-reply.h"
#include "sim-tasks.h"
#include "sim-zones.h"

/* A real 2048-bit RSA public key, published behind every targetRecord. */
#define DKIM_KEY "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAq9fhjUFPGtYZkAwZNapyzzHT6boXOjy/XZ0CVedFS7FrpQgGd0I60e5/ld7gxfezk6hTr9aiKrQ+WuLEVeTjAsS4mk64tw/J/2Ht7zH0BDiXOl/i0TLNnQff+ZXbOhiCUJ/fB0qhPRUQ9VMhB8YO4hsKBPsyOIvfd1B7iXL4F6bPpplqBSjtlGAiRCgIsoJt2fTeYDtDpjfqd35Z0NHGEzTwufEbK0JjhaoqKAKRXuqBiJ6/TzdTuCphYJv2q7dcuprJyCJqM+QbiPHZEaAc6nzA36VxOKDuDNNZGoIZwkDDUW8GOcP3UPsz9BHu5u/DLlZxzMMV+K6Z4tVSoH7QlwIDAQAB"
#define PROVIDER_ZONE "mail.ovh.net"

static void
sim_dkim_free (SimDkim *dkim)
{
  json_object_unref (dkim->object);
  g_free (dkim);
}

static void
sim_dkim_domain_free (SimDkimDomain *domain)
{
  g_ptr_array_unref (domain->allowed);
  g_ptr_array_unref (domain->selectors);
  g_free (domain);
}

/* ovhemp123456-selector1 / -selector2, stable for a service. */
SimDkimDomain *
sim_dkim_domain_get (SimState   *state,
                     SimService *service,
                     const char *domain_name)
{
  g_autofree char *key = g_strdup_printf ("%s/%s", service->name, domain_name);
  SimDkimDomain *domain;

  if (state->dkim == NULL)
    state->dkim = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) sim_dkim_domain_free);

  domain = g_hash_table_lookup (state->dkim, key);
  if (domain == NULL)
    {
      guint number = g_str_hash (service->name) % 900000 + 100000;

      domain = g_new0 (SimDkimDomain, 1);
      domain->allowed = g_ptr_array_new_with_free_func (g_free);
      domain->selectors = g_ptr_array_new_with_free_func ((GDestroyNotify) sim_dkim_free);
      g_ptr_array_add (domain->allowed, g_strdup_printf ("ovhemp%u-selector1", number));
      g_ptr_array_add (domain->allowed, g_strdup_printf ("ovhemp%u-selector2", number));
      g_hash_table_insert (state->dkim, g_steal_pointer (&key), domain);
    }
  return domain;
}

SimDkim *
sim_dkim_find (SimDkimDomain *domain,
               const char    *name)
{
  for (guint i = 0; name != NULL && i < domain->selectors->len; i++)
    {
      SimDkim *dkim = g_ptr_array_index (domain->selectors, i);

      if (g_str_equal (json_object_get_string_member (dkim->object, "selectorName"), name))
        return dkim;
    }
  return NULL;
}

const char *
sim_dkim_status (SimDkim *dkim)
{
  return json_object_get_string_member (dkim->object, "status");
}

void
sim_dkim_set_status (SimState   *state,
                     SimDkim    *dkim,
                     const char *status)
{
  g_autofree char *now = sim_state_now_string (state);

  json_object_set_string_member (dkim->object, "status", status);
  json_object_set_string_member (dkim->object, "lastUpdate", now);
}

static char *
target_record_for (const char *selector,
                   const char *domain_name)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_MD5, domain_name, -1);

  return g_strdup_printf ("%s._domainkey.%u.%c%c.dkim." PROVIDER_ZONE, selector,
                          (guint) (strlen (domain_name) % 9) + 1,
                          'a' + hash[0] % 26, 'a' + hash[1] % 26);
}

/* The key behind a targetRecord, in the provider's own zone. */
static void
publish_key (SimState   *state,
             const char *target_record)
{
  SimZone *zone = sim_zones_find (state, PROVIDER_ZONE);
  g_autoptr(GPtrArray) existing = NULL;
  g_autofree char *sub_domain = NULL;

  if (zone == NULL || target_record == NULL ||
      !g_str_has_suffix (target_record, "." PROVIDER_ZONE))
    return;

  existing = sim_zone_lookup (zone, target_record, MP_DNS_RECORD_TYPE_TXT);
  if (existing->len > 0)
    return;

  sub_domain = g_strndup (target_record, strlen (target_record) - strlen ("." PROVIDER_ZONE));
  sim_zone_add_record (state, zone, "TXT", sub_domain, DKIM_KEY, 0);
  sim_zone_publish (state, zone);
}

static gboolean
cname_published (SimState *state,
                 SimDkim  *dkim)
{
  const char *customer = json_object_get_string_member (dkim->object, "customerRecord");
  const char *target = json_object_get_string_member_with_default (dkim->object, "targetRecord", NULL);
  SimZone *zone = sim_zones_find_for (state, customer);
  g_autoptr(GPtrArray) cnames = NULL;

  if (zone == NULL || target == NULL)
    return FALSE;

  cnames = sim_zone_lookup (zone, customer, MP_DNS_RECORD_TYPE_CNAME);
  for (guint i = 0; i < cnames->len; i++)
    if (mp_dns_name_equal (((MpDnsRecord *) g_ptr_array_index (cnames, i))->target, target))
      return TRUE;
  return FALSE;
}

gboolean
sim_dkim_has_pending_task (SimDkim *dkim)
{
  return json_object_get_int_member_with_default (dkim->object, "taskPendingId", 0) != 0;
}

/* ---- tasks ------------------------------------------------------------------------------- */

typedef struct
{
  SimState   *state;
  JsonObject *domain;
  char       *selector;
} SelectorRef;

static void
selector_ref_free (gpointer data)
{
  SelectorRef *ref = data;

  json_object_unref (ref->domain);
  g_free (ref->selector);
  g_free (ref);
}

static SimDkim *
selector_ref_resolve (SelectorRef   *ref,
                      SimService    *service,
                      SimDkimDomain **domain_out)
{
  SimDkimDomain *domain = sim_dkim_domain_get (ref->state, service,
                                               json_object_get_string_member (ref->domain, "name"));

  if (domain_out != NULL)
    *domain_out = domain;
  return sim_dkim_find (domain, ref->selector);
}


static void
update_selectors (SimState      *state,
                  SimService    *service,
                  JsonObject    *domain_object,
                  SimDkimDomain *domain)
{
  for (guint i = 0; i < domain->selectors->len; i++)
    {
      SimDkim *dkim = g_ptr_array_index (domain->selectors, i);
      gboolean present = cname_published (state, dkim);

      json_object_set_boolean_member (dkim->object, "cnameIsValid", present);
      if (present && g_strcmp0 (sim_dkim_status (dkim), "waitingRecord") == 0)
        {
          sim_dkim_set_status (state, dkim, "ready");
          if (dkim->auto_enable)
            {
              dkim->auto_enable = FALSE;
              sim_dkim_start_enable (state, service, domain_object, dkim);
            }
        }
    }
}

static void
add_done (SimService *service,
          gpointer    user_data)
{
  SelectorRef *ref = user_data;
  SimDkimDomain *domain;
  SimDkim *dkim = selector_ref_resolve (ref, service, &domain);
  const char *domain_name = json_object_get_string_member (ref->domain, "name");
  g_autofree char *target = NULL;
  SimZone *zone;

  if (dkim == NULL)
    return;

  target = target_record_for (ref->selector, domain_name);
  json_object_set_string_member (dkim->object, "targetRecord", target);
  publish_key (ref->state, target);

  zone = sim_zones_find_for (ref->state, domain_name);
  if (dkim->configure && zone != NULL && zone->in_account)
    {
      const char *customer = json_object_get_string_member (dkim->object, "customerRecord");
      g_autofree char *sub_domain = mp_dns_name_equal (customer, zone->name)
        ? g_strdup ("")
        : g_strndup (customer, strlen (customer) - strlen (zone->name) - 1);
      g_autofree char *cname = g_strconcat (target, ".", NULL);

      sim_zone_add_record (ref->state, zone, "CNAME", sub_domain, cname, 0);
      sim_zone_publish (ref->state, zone);
    }

  sim_dkim_set_status (ref->state, dkim, "waitingRecord");
  update_selectors (ref->state, service, ref->domain, domain);
}

static void
forget_selector (SimService *service,
                        gpointer    user_data)
{
  SelectorRef *ref = user_data;
  SimDkimDomain *domain;
  SimDkim *dkim = selector_ref_resolve (ref, service, &domain);

  if (dkim != NULL)
    g_ptr_array_remove (domain->selectors, dkim);
}

static void
enable_done (SimService *service,
             gpointer    user_data)
{
  SelectorRef *ref = user_data;
  SimDkimDomain *domain;
  SimDkim *dkim = selector_ref_resolve (ref, service, &domain);

  if (dkim == NULL)
    return;

  /* Enabling one selector switches signing to it. */
  for (guint i = 0; i < domain->selectors->len; i++)
    {
      SimDkim *other = g_ptr_array_index (domain->selectors, i);

      if (other != dkim && g_strcmp0 (sim_dkim_status (other), "inProduction") == 0)
        sim_dkim_set_status (ref->state, other, "ready");
    }
  sim_dkim_set_status (ref->state, dkim, "inProduction");
}

static void
back_to_ready (SimService *service,
               gpointer    user_data)
{
  SelectorRef *ref = user_data;
  SimDkim *dkim = selector_ref_resolve (ref, service, NULL);

  if (dkim != NULL)
    sim_dkim_set_status (ref->state, dkim, "ready");
}

static void
back_to_production (SimService *service,
                    gpointer    user_data)
{
  SelectorRef *ref = user_data;
  SimDkim *dkim = selector_ref_resolve (ref, service, NULL);

  if (dkim != NULL)
    sim_dkim_set_status (ref->state, dkim, "inProduction");
}

static SimTask *
start_task (SimState      *state,
            SimService    *service,
            JsonObject    *domain,
            SimDkim       *dkim,
            const char    *function,
            SimTaskEffect  effect,
            SimTaskEffect  error_effect)
{
  SelectorRef *ref = g_new0 (SelectorRef, 1);
  SimTask *task;

  ref->state = state;
  ref->domain = json_object_ref (domain);
  ref->selector = g_strdup (json_object_get_string_member (dkim->object, "selectorName"));
  task = sim_task_start (state, service, function, dkim->object, effect, ref, selector_ref_free);
  task->error_effect = error_effect;
  return task;
}

SimTask *
sim_dkim_start_enable (SimState   *state,
                       SimService *service,
                       JsonObject *domain,
                       SimDkim    *dkim)
{
  sim_dkim_set_status (state, dkim, "enabling");
  return start_task (state, service, domain, dkim, "enableDKIM", enable_done, back_to_ready);
}

SimTask *
sim_dkim_start_create (SimState   *state,
                       SimService *service,
                       JsonObject *domain,
                       SimDkim    *dkim)
{
  return start_task (state, service, domain, dkim, "addDomainDKIM", add_done, forget_selector);
}

SimTask *
sim_dkim_start_delete (SimState   *state,
                       SimService *service,
                       JsonObject *domain,
                       SimDkim    *dkim)
{
  sim_dkim_set_status (state, dkim, "deleting");
  return start_task (state, service, domain, dkim, "deleteDomainDKIM", forget_selector, back_to_ready);
}

SimTask *
sim_dkim_start_disable (SimState   *state,
                        SimService *service,
                        JsonObject *domain,
                        SimDkim    *dkim)
{
  sim_dkim_set_status (state, dkim, "disabling");
  return start_task (state, service, domain, dkim, "disableDKIM", back_to_ready, back_to_production);
}

/* ---- diagnostics ------------------------------------------------------------------------- */

void
sim_dkim_update_domain (SimState   *state,
                        SimService *service,
                        JsonObject *domain_object)
{
  SimDkimDomain *domain = sim_dkim_domain_get (state, service,
                                               json_object_get_string_member (domain_object, "name"));
  JsonObject *diagnostics = json_object_get_object_member (domain_object, "dkimDiagnostics");
  guint in_production = 0, moving = 0, missing = 0, wrong = 0;
  const char *state_name = "disabled";
  int error_code = 0;
  const char *message = NULL;

  update_selectors (state, service, domain_object, domain);
  if (domain->selectors->len == 0 || diagnostics == NULL)
    return;

  for (guint i = 0; i < domain->selectors->len; i++)
    {
      SimDkim *dkim = g_ptr_array_index (domain->selectors, i);
      const char *status = sim_dkim_status (dkim);
      const char *customer = json_object_get_string_member (dkim->object, "customerRecord");
      SimZone *zone = sim_zones_find_for (state, customer);
      g_autoptr(GPtrArray) cnames = zone != NULL ? sim_zone_lookup (zone, customer, MP_DNS_RECORD_TYPE_CNAME) : NULL;

      if (g_strcmp0 (status, "inProduction") == 0)
        in_production++;
      else if (g_strcmp0 (status, "ready") != 0)
        moving++;
      if (!json_object_get_boolean_member_with_default (dkim->object, "cnameIsValid", FALSE) &&
          json_object_get_string_member_with_default (dkim->object, "targetRecord", NULL) != NULL)
        {
          if (cnames != NULL && cnames->len > 0)
            wrong++;
          else
            missing++;
        }
    }

  if (wrong > 0)
    error_code = 503, message = "CNAME record is wrong";
  else if (missing > 0)
    error_code = 504, message = "One CNAME record is missing";
  else if (domain->selectors->len == 1)
    error_code = 501, message = "Only one DKIM selector has been initialized";

  if (moving > 0)
    state_name = "inProgress";
  else if (error_code != 0)
    state_name = "error";
  else if (in_production > 0)
    state_name = "active";

  json_object_set_string_member (diagnostics, "state", state_name);
  if (error_code != 0)
    {
      json_object_set_int_member (diagnostics, "errorCode", error_code);
      json_object_set_string_member (diagnostics, "message", message);
    }
  else
    {
      json_object_set_null_member (diagnostics, "errorCode");
      json_object_set_null_member (diagnostics, "message");
    }
}

JsonObject *
sim_dkim_new_object (const char *selector,
                     const char *domain_name,
                     const char *now)
{
  JsonObject *object = json_object_new ();
  g_autofree char *customer = g_strdup_printf ("%s._domainkey.%s", selector, domain_name);

  json_object_set_boolean_member (object, "cnameIsValid", FALSE);
  json_object_set_string_member (object, "customerRecord", customer);
  json_object_set_string_member (object, "header", "from;to;subject;date");
  json_object_set_string_member (object, "lastUpdate", now);
  json_object_set_string_member (object, "recordType", "CNAME");
  json_object_set_string_member (object, "selectorName", selector);
  json_object_set_string_member (object, "status", "todo");
  json_object_set_null_member (object, "targetRecord");
  json_object_set_int_member (object, "taskPendingId", 0);
  return object;
}

gboolean
sim_dkim_is_allowed (SimDkimDomain *domain,
                     const char    *name)
{
  for (guint i = 0; i < domain->allowed->len; i++)
    if (g_str_equal (g_ptr_array_index (domain->allowed, i), name))
      return TRUE;
  return FALSE;
}

/* ---- seed -------------------------------------------------------------------------------- */

static gboolean
seed_domain (SimState    *state,
             JsonObject  *seed,
             GError     **error)
{
  const char *name = json_object_get_string_member_with_default (seed, "domain", NULL);
  JsonArray *selectors = json_object_has_member (seed, "selectors")
                         ? json_object_get_array_member (seed, "selectors") : NULL;
  g_autofree char *now = sim_state_now_string (state);
  gboolean found = FALSE;

  for (guint s = 0; name != NULL && s < state->services->len; s++)
    {
      SimService *service = g_ptr_array_index (state->services, s);
      SimDkimDomain *domain;

      if (sim_service_find_domain (service, name) == NULL)
        continue;
      found = TRUE;
      domain = sim_dkim_domain_get (state, service, name);
      if (selectors != NULL && json_array_get_length (selectors) > 0)
        g_ptr_array_set_size (domain->allowed, 0);

      for (guint i = 0; selectors != NULL && i < json_array_get_length (selectors); i++)
        {
          JsonObject *selector_seed = json_array_get_object_element (selectors, i);
          const char *selector = json_object_get_string_member_with_default (selector_seed, "selectorName", NULL);
          const char *status = json_object_get_string_member_with_default (selector_seed, "status", NULL);
          g_autofree char *target = NULL;
          SimDkim *dkim;

          if (selector == NULL)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "a DKIM selector of %s has no selectorName", name);
              return FALSE;
            }
          g_ptr_array_add (domain->allowed, g_strdup (selector));
          if (status == NULL)
            continue;  /* allowed, not created */

          dkim = g_new0 (SimDkim, 1);
          dkim->object = sim_dkim_new_object (selector, name, now);
          json_object_set_string_member (dkim->object, "status", status);
          target = g_strdup (json_object_get_string_member_with_default (selector_seed, "targetRecord", NULL));
          if (target == NULL && !g_str_equal (status, "todo"))
            target = target_record_for (selector, name);
          if (target != NULL)
            {
              json_object_set_string_member (dkim->object, "targetRecord", target);
              publish_key (state, target);
            }
          g_ptr_array_add (domain->selectors, dkim);
        }
    }

  if (!found)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "DKIM seeded for %s, which no service has", name != NULL ? name : "(no name)");
      return FALSE;
    }
  return TRUE;
}

gboolean
sim_dkim_load_seed (SimState    *state,
                    JsonObject  *root,
                    GError     **error)
{
  JsonNode *dns = json_object_get_member (root, "dns");
  JsonArray *domains;

  if (dns == NULL || !JSON_NODE_HOLDS_OBJECT (dns) ||
      !json_object_has_member (json_node_get_object (dns), "dkim"))
    return TRUE;

  domains = json_object_get_array_member (json_node_get_object (dns), "dkim");
  for (guint i = 0; domains != NULL && i < json_array_get_length (domains); i++)
    if (!seed_domain (state, json_array_get_object_element (domains, i), error))
      return FALSE;
  return TRUE;
}
