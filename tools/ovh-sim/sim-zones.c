/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sim-knot.h"
#include "sim-reply.h"
#include "sim-validate.h"
#include "sim-zones.h"
#include "emailpro/mp-zone-record.h"

/* The body of POST /domain/zone/{zoneName}/record */
static const SimField record_fields[] = {
  { "fieldType", SIM_FIELD_STRING, FALSE },
  { "subDomain", SIM_FIELD_STRING, TRUE },
  { "target", SIM_FIELD_STRING, FALSE },
  { "ttl", SIM_FIELD_INTEGER, TRUE },
};

/* zone.NamedResolutionFieldTypeEnum */
static const char * const field_types[] = {
  "A", "AAAA", "CAA", "CNAME", "DKIM", "DMARC", "DNAME", "HINFO", "LOC", "MX", "NAPTR", "NS",
  "PTR", "RP", "SPF", "SRV", "SSHFP", "SVCB", "HTTPS", "TLSA", "TXT", NULL
};

/* The types the simulator serves, whose targets must have their shape. */
static const char * const served_types[] = { "A", "AAAA", "CNAME", "MX", "NS", "SRV", NULL };

/* A new zone at the provider starts with its two name servers. */
static const char * const default_records[] = {
  "@ NS dns200.anycast.me.", "@ NS ns200.anycast.me.", NULL
};

/* The provider's own hosts, so that MX targets, the SPF include, the autodiscover server and
 * the ownership CNAME's target resolve; DKIM keys are added by sim-dkim.c. */
static const char * const mail_ovh_net_records[] = {
  "@ NS dns200.anycast.me.",
  "mx0 A 192.0.2.10", "mx1 A 192.0.2.11", "mx2 A 192.0.2.12", "mx3 A 192.0.2.13",
  "mx4 A 192.0.2.14", "pro1 A 192.0.2.21", "pro2 A 192.0.2.22", "pro3 A 192.0.2.23",
  NULL
};
static const char * const ovh_com_records[] = {
  "@ NS dns200.anycast.me.", "@ A 192.0.2.1", "mx TXT \"v=spf1 ip4:192.0.2.0/24 ~all\"", NULL
};

static void
sim_zone_free (SimZone *zone)
{
  g_free (zone->name);
  g_ptr_array_unref (zone->records);
  g_ptr_array_unref (zone->published);
  g_free (zone);
}

static GPtrArray *
ensure_zones (SimState *state)
{
  if (state->zones == NULL)
    state->zones = g_ptr_array_new_with_free_func ((GDestroyNotify) sim_zone_free);
  return state->zones;
}

SimZone *
sim_zones_find (SimState   *state,
                const char *zone_name)
{
  GPtrArray *zones = ensure_zones (state);

  for (guint i = 0; zone_name != NULL && i < zones->len; i++)
    {
      SimZone *zone = g_ptr_array_index (zones, i);

      if (mp_dns_name_equal (zone->name, zone_name))
        return zone;
    }
  return NULL;
}

SimZone *
sim_zones_find_for (SimState   *state,
                    const char *name)
{
  GPtrArray *zones = ensure_zones (state);
  SimZone *best = NULL;

  for (guint i = 0; name != NULL && i < zones->len; i++)
    {
      SimZone *zone = g_ptr_array_index (zones, i);

      if (mp_zone_record_name_in_zone (name, zone->name) &&
          (best == NULL || strlen (zone->name) > strlen (best->name)))
        best = zone;
    }
  return best;
}

GPtrArray *
sim_zone_lookup (SimZone         *zone,
                 const char      *name,
                 MpDnsRecordType  type)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < zone->published->len; i++)
    {
      MpDnsRecord *record = g_ptr_array_index (zone->published, i);

      if (record->type == type && mp_dns_name_equal (record->name, name))
        g_ptr_array_add (found, record);
    }
  return found;
}

JsonObject *
sim_zone_add_record (SimState   *state,
                     SimZone    *zone,
                     const char *field_type,
                     const char *sub_domain,
                     const char *target,
                     gint64      ttl)
{
  JsonObject *record = json_object_new ();

  json_object_set_string_member (record, "fieldType", field_type);
  json_object_set_int_member (record, "id", state->next_record_id++);
  json_object_set_string_member (record, "subDomain", sub_domain != NULL ? sub_domain : "");
  json_object_set_string_member (record, "target", target);
  json_object_set_int_member (record, "ttl", ttl);
  json_object_set_string_member (record, "zone", zone->name);
  g_ptr_array_add (zone->records, record);
  return record;
}

/* "SUB TYPE TARGET…", "@" for the apex: the seeds' short form of a record. */
static gboolean
add_record_line (SimState    *state,
                 SimZone     *zone,
                 const char  *line,
                 GError     **error)
{
  g_auto(GStrv) parts = g_strsplit_set (line, " ", 3);

  if (g_strv_length (parts) != 3 || !g_strv_contains (field_types, parts[1]))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "zone %s: “%s” is not “SUBDOMAIN TYPE TARGET”", zone->name, line);
      return FALSE;
    }
  sim_zone_add_record (state, zone, parts[1], g_str_equal (parts[0], "@") ? "" : parts[0],
                       parts[2], 0);
  return TRUE;
}

static SimZone *
add_zone (SimState           *state,
          const char         *name,
          gboolean            in_account,
          guint32             serial,
          const char * const *lines)
{
  SimZone *zone = g_new0 (SimZone, 1);

  zone->name = g_ascii_strdown (name, -1);
  zone->in_account = in_account;
  zone->serial = serial != 0 ? serial : 2026010101;
  zone->records = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  zone->published = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_dns_record_unref);
  g_ptr_array_add (ensure_zones (state), zone);

  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    add_record_line (state, zone, lines[i], NULL);
  return zone;
}

/* The records as DNS serves them: the SOA first, then every record Mailpost can read. */
static void
rebuild_published (SimZone *zone)
{
  g_autofree char *hostmaster = g_strdup_printf ("hostmaster.%s", zone->name);

  g_ptr_array_set_size (zone->published, 0);
  g_ptr_array_add (zone->published,
                   mp_dns_record_new_soa (zone->name, 0, "dns200.anycast.me", hostmaster,
                                          zone->serial, 86400, 3600, 3600000, 60));
  for (guint i = 0; i < zone->records->len; i++)
    {
      JsonObject *object = g_ptr_array_index (zone->records, i);
      g_autoptr(GError) error = NULL;
      MpDnsRecord *record;

      record = mp_zone_record_to_dns_record (zone->name,
                                             json_object_get_string_member (object, "fieldType"),
                                             json_object_get_string_member (object, "subDomain"),
                                             json_object_get_string_member (object, "target"),
                                             json_object_get_int_member (object, "ttl"),
                                             &error);
      if (record != NULL)
        g_ptr_array_add (zone->published, record);
      else
        g_debug ("zone %s: record not served: %s", zone->name, error->message);
    }
}

void
sim_zone_publish (SimState *state,
                  SimZone  *zone)
{
  zone->serial++;
  rebuild_published (zone);
  sim_knot_write_zone (state, zone);
  sim_knot_reload_zone (state, zone);
}

static void
add_to_customer_zones (SimState   *state,
                       const char *name)
{
  JsonNode *node = json_object_get_member (state->customer, "zones");
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    json_object_set_array_member (state->customer, "zones", json_array_new ());
  array = json_object_get_array_member (state->customer, "zones");

  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_ascii_strcasecmp (json_array_get_string_element (array, i), name) == 0)
      return;
  json_array_add_string_element (array, name);
}

gboolean
sim_zones_load_seed (SimState    *state,
                     JsonObject  *root,
                     GError     **error)
{
  JsonNode *dns_node = json_object_get_member (root, "dns");
  JsonArray *zones = NULL;

  ensure_zones (state);
  if (dns_node != NULL && JSON_NODE_HOLDS_OBJECT (dns_node) &&
      json_object_has_member (json_node_get_object (dns_node), "zones"))
    zones = json_object_get_array_member (json_node_get_object (dns_node), "zones");

  for (guint i = 0; zones != NULL && i < json_array_get_length (zones); i++)
    {
      JsonObject *seed = json_array_get_object_element (zones, i);
      const char *name = seed != NULL ? json_object_get_string_member_with_default (seed, "name", NULL) : NULL;
      gboolean in_account = seed != NULL && json_object_get_boolean_member_with_default (seed, "in_account", TRUE);
      JsonArray *records;
      SimZone *zone;

      if (name == NULL || sim_zones_find (state, name) != NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "every DNS zone needs a name of its own");
          return FALSE;
        }
      zone = add_zone (state, name, in_account,
                       json_object_get_int_member_with_default (seed, "serial", 0),
                       json_object_has_member (seed, "records") ? NULL : default_records);
      records = json_object_has_member (seed, "records") ? json_object_get_array_member (seed, "records") : NULL;
      for (guint j = 0; records != NULL && j < json_array_get_length (records); j++)
        if (!add_record_line (state, zone, json_array_get_string_element (records, j), error))
          return FALSE;
      if (in_account)
        add_to_customer_zones (state, zone->name);
    }

  if (sim_zones_find (state, "mail.ovh.net") == NULL)
    add_zone (state, "mail.ovh.net", FALSE, 0, mail_ovh_net_records);
  if (sim_zones_find (state, "ovh.com") == NULL)
    add_zone (state, "ovh.com", FALSE, 0, ovh_com_records);

  for (guint i = 0; i < state->zones->len; i++)
    rebuild_published (g_ptr_array_index (state->zones, i));
  return TRUE;
}

/* ---- routes ------------------------------------------------------------------------------ */

/* Zones of the customer's account only; others answer like a zone that is not theirs. */
static SimZone *
lookup_zone (SimRequest *request)
{
  SimZone *zone = sim_zones_find (request->state, sim_request_get_param (request, "zoneName"));

  if (zone == NULL || !zone->in_account)
    {
      sim_reply_class_error (request->msg, SOUP_STATUS_NOT_FOUND, "Client::NotFound",
                             "This service does not exist");
      return NULL;
    }
  return zone;
}

static JsonObject *
find_record (SimZone    *zone,
             const char *id_text)
{
  gint64 id;

  if (!g_ascii_string_to_signed (id_text, 10, 1, G_MAXINT64, &id, NULL))
    return NULL;
  for (guint i = 0; i < zone->records->len; i++)
    if (json_object_get_int_member (g_ptr_array_index (zone->records, i), "id") == id)
      return g_ptr_array_index (zone->records, i);
  return NULL;
}

static void
handle_get_zone (SimRequest *request)
{
  SimZone *zone = lookup_zone (request);
  g_autoptr(JsonObject) object = NULL;
  JsonArray *servers;

  if (zone == NULL)
    return;

  object = json_object_new ();
  servers = json_array_new ();
  json_array_add_string_element (servers, "dns200.anycast.me");
  json_array_add_string_element (servers, "ns200.anycast.me");
  json_object_set_boolean_member (object, "dnssecSupported", TRUE);
  json_object_set_boolean_member (object, "hasDnsAnycast", FALSE);
  json_object_set_null_member (object, "lastUpdate");
  json_object_set_string_member (object, "name", zone->name);
  json_object_set_array_member (object, "nameServers", servers);
  sim_reply_json_object (request->msg, object);
}

static void
handle_list_records (SimRequest *request)
{
  SimZone *zone = lookup_zone (request);
  const char *field_type = sim_request_get_query (request, "fieldType");
  const char *sub_domain = sim_request_get_query (request, "subDomain");
  g_autoptr(JsonArray) ids = json_array_new ();

  if (zone == NULL)
    return;

  if (field_type != NULL && !g_strv_contains (field_types, field_type))
    {
      g_autofree char *message = g_strdup_printf ("[fieldType] Given data (%s) does not belong to the NamedResolutionFieldTypeEnum enumeration", field_type);

      sim_reply_bad_request (request->msg, message);
      return;
    }

  for (guint i = 0; i < zone->records->len; i++)
    {
      JsonObject *record = g_ptr_array_index (zone->records, i);

      if (field_type != NULL && !g_str_equal (json_object_get_string_member (record, "fieldType"), field_type))
        continue;
      if (sub_domain != NULL && g_ascii_strcasecmp (json_object_get_string_member (record, "subDomain"), sub_domain) != 0)
        continue;
      json_array_add_int_element (ids, json_object_get_int_member (record, "id"));
    }
  sim_reply_json_array (request->msg, ids);
}

static void
handle_get_record (SimRequest *request)
{
  SimZone *zone = lookup_zone (request);
  const char *id = sim_request_get_param (request, "id");

  if (zone != NULL)
    sim_reply_object_or_missing (request->msg, find_record (zone, id), "id", id);
}

static gboolean
sub_domain_is_valid (const char *sub_domain)
{
  if (strlen (sub_domain) > 253 || strstr (sub_domain, "..") != NULL ||
      sub_domain[0] == '.' || (*sub_domain != '\0' && sub_domain[strlen (sub_domain) - 1] == '.'))
    return FALSE;
  for (const char *p = sub_domain; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("-_.*", *p) == NULL)
      return FALSE;
  return TRUE;
}

/* A name with a CNAME may hold nothing else (RFC 1034 §3.6.2). */
static gboolean
cname_conflicts (SimZone    *zone,
                 const char *field_type,
                 const char *sub_domain)
{
  for (guint i = 0; i < zone->records->len; i++)
    {
      JsonObject *record = g_ptr_array_index (zone->records, i);

      if (g_ascii_strcasecmp (json_object_get_string_member (record, "subDomain"), sub_domain) != 0)
        continue;
      if (g_str_equal (field_type, "CNAME") ||
          g_str_equal (json_object_get_string_member (record, "fieldType"), "CNAME"))
        return TRUE;
    }
  return FALSE;
}

static void
handle_create_record (SimRequest *request)
{
  SimZone *zone = lookup_zone (request);
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonObject) none = json_object_new ();
  g_autoptr(MpDnsRecord) parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *field_type;
  const char *sub_domain;
  const char *target;
  gint64 ttl;

  if (zone == NULL || (body = sim_request_body_object (request->msg)) == NULL)
    return;

  if (!sim_validate_writable (body, record_fields, G_N_ELEMENTS (record_fields), none, &message))
    {
      sim_reply_bad_request (request->msg, message);
      return;
    }

  field_type = json_object_get_string_member_with_default (body, "fieldType", NULL);
  sub_domain = json_object_get_string_member_with_default (body, "subDomain", NULL);
  target = json_object_get_string_member_with_default (body, "target", NULL);
  ttl = json_object_get_int_member_with_default (body, "ttl", 0);
  if (sub_domain == NULL)
    sub_domain = "";

  if (field_type == NULL)
    {
      sim_reply_bad_request (request->msg, "[fieldType] Missing parameter");
      return;
    }
  if (!g_strv_contains (field_types, field_type))
    {
      message = g_strdup_printf ("[fieldType] Given data (%s) does not belong to the NamedResolutionFieldTypeEnum enumeration", field_type);
      sim_reply_bad_request (request->msg, message);
      return;
    }
  if (target == NULL || *target == '\0')
    {
      sim_reply_bad_request (request->msg, "[target] Missing parameter");
      return;
    }
  if (!sub_domain_is_valid (sub_domain))
    {
      message = g_strdup_printf ("Invalid subdomain: %s", sub_domain);
      sim_reply_bad_request (request->msg, message);
      return;
    }
  if (ttl < 0)
    {
      sim_reply_bad_request (request->msg, "[ttl] Given data is not a positive integer");
      return;
    }

  parsed = mp_zone_record_to_dns_record (zone->name, field_type, sub_domain, target, ttl, &error);
  if (parsed == NULL && g_strv_contains (served_types, field_type))
    {
      message = g_strdup_printf ("Invalid target for a %s record: %s", field_type, target);
      sim_reply_bad_request (request->msg, message);
      return;
    }
  if (cname_conflicts (zone, field_type, sub_domain))
    {
      message = g_strdup_printf ("A CNAME record cannot share the subdomain “%s” with other records", sub_domain);
      sim_reply_bad_request (request->msg, message);
      return;
    }

  sim_reply_json_object (request->msg,
                         sim_zone_add_record (request->state, zone, field_type, sub_domain, target, ttl));
}

static void
handle_delete_record (SimRequest *request)
{
  SimZone *zone = lookup_zone (request);
  const char *id = sim_request_get_param (request, "id");
  JsonObject *record;

  if (zone == NULL)
    return;

  if ((record = find_record (zone, id)) == NULL)
    {
      sim_reply_object_missing (request->msg, "id", id);
      return;
    }
  g_ptr_array_remove (zone->records, record);
  sim_reply_void (request->msg);
}

static void
handle_refresh (SimRequest *request)
{
  SimZone *zone = lookup_zone (request);

  if (zone == NULL)
    return;

  sim_zone_publish (request->state, zone);
  sim_reply_void (request->msg);
}

void
sim_zones_register (SimRouter *router)
{
  sim_router_add (router, "GET", "/domain/zone/{zoneName}", SIM_ROUTE_SIGNED, handle_get_zone);
  sim_router_add (router, "GET", "/domain/zone/{zoneName}/record", SIM_ROUTE_SIGNED, handle_list_records);
  sim_router_add (router, "POST", "/domain/zone/{zoneName}/record", SIM_ROUTE_SIGNED, handle_create_record);
  sim_router_add (router, "GET", "/domain/zone/{zoneName}/record/{id}", SIM_ROUTE_SIGNED, handle_get_record);
  sim_router_add (router, "DELETE", "/domain/zone/{zoneName}/record/{id}", SIM_ROUTE_SIGNED, handle_delete_record);
  sim_router_add (router, "POST", "/domain/zone/{zoneName}/refresh", SIM_ROUTE_SIGNED, handle_refresh);
}
