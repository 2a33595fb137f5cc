/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sim-dkim.h"
#include "sim-domains.h"
#include "sim-zones.h"
#include "sim-reply.h"
#include "sim-accounts.h"
#include "sim-seed.h"
#include "sim-tasks.h"

#define PLACEHOLDER_DOMAIN "configureme.me"

static const char * const service_seed_only[] = {
  "server", "domains", "accounts", "tasks", "generate_accounts", NULL
};
static const char * const task_seed_only[] = { "ends_in", "step_ms", NULL };
static const char * const no_seed_only[] = { NULL };
/* Seed-only members of an account, handed to sim-accounts.c */
static const char * const account_seed_only[] = { "aliases", NULL };

/* Seed members replace defaults; objects merge member by member, so a seed can set one
 * flag of spamAndVirusConfiguration.  Members that are no schema field are dropped so the
 * answers keep the schema's exact shape. */
static void
overlay (JsonObject         *target,
         JsonObject         *seed,
         const char * const *seed_only,
         const char         *what)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  json_object_iter_init (&iter, seed);
  while (json_object_iter_next (&iter, &member, &value))
    {
      JsonNode *current = json_object_get_member (target, member);

      if (g_strv_contains (seed_only, member))
        continue;

      if (current == NULL)
        {
          g_warning ("Seed: %s has no field “%s”; ignored", what, member);
          continue;
        }

      if (JSON_NODE_HOLDS_OBJECT (current) && JSON_NODE_HOLDS_OBJECT (value))
        overlay (json_node_get_object (current), json_node_get_object (value), no_seed_only, what);
      else
        json_object_set_member (target, member, json_node_copy (value));
    }
}

static JsonArray *
string_array (const char * const *strings)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    json_array_add_string_element (array, strings[i]);
  return array;
}

static JsonObject *
default_spam_and_virus (void)
{
  JsonObject *object = json_object_new ();

  json_object_set_boolean_member (object, "checkDKIM", FALSE);
  json_object_set_boolean_member (object, "checkSPF", TRUE);
  json_object_set_boolean_member (object, "deleteSpam", FALSE);
  json_object_set_boolean_member (object, "deleteVirus", TRUE);
  json_object_set_boolean_member (object, "putInJunk", TRUE);
  json_object_set_boolean_member (object, "tagSpam", TRUE);
  json_object_set_boolean_member (object, "tagVirus", FALSE);
  return object;
}

/* A stable UUID-shaped id, so the same seed always gives the same answers */
static char *
stable_uuid (const char *text)
{
  g_autofree char *hex = g_compute_checksum_for_string (G_CHECKSUM_SHA1, text, -1);

  return g_strdup_printf ("%.8s-%.4s-4%.3s-a%.3s-%.12s", hex, hex + 8, hex + 12, hex + 15, hex + 18);
}

static JsonObject *
default_service (const char *name,
                 const char *now)
{
  JsonObject *object = json_object_new ();
  JsonObject *iam = json_object_new ();
  g_autofree char *uuid = stable_uuid (name);
  g_autofree char *urn = g_strdup_printf ("urn:v1:eu:resource:emailPro:%s", name);

  json_object_set_string_member (iam, "displayName", name);
  json_object_set_string_member (iam, "id", uuid);
  json_object_set_object_member (iam, "tags", json_object_new ());
  json_object_set_string_member (iam, "urn", urn);

  json_object_set_boolean_member (object, "complexityEnabled", FALSE);
  json_object_set_string_member (object, "displayName", name);
  json_object_set_string_member (object, "domain", name);
  json_object_set_string_member (object, "hostname", "pro1.mail.ovh.net");
  json_object_set_object_member (object, "iam", iam);
  json_object_set_string_member (object, "lastUpdateDate", now);
  json_object_set_int_member (object, "lockoutDuration", 30);
  json_object_set_int_member (object, "lockoutObservationWindow", 30);
  json_object_set_int_member (object, "lockoutThreshold", 0);
  json_object_set_int_member (object, "maxPasswordAge", 0);
  json_object_set_int_member (object, "maxReceiveSize", 100);
  json_object_set_int_member (object, "maxSendSize", 100);
  json_object_set_int_member (object, "minPasswordAge", 0);
  json_object_set_int_member (object, "minPasswordLength", 0);
  json_object_set_string_member (object, "offer", "emailpro");
  json_object_set_object_member (object, "spamAndVirusConfiguration", default_spam_and_virus ());
  json_object_set_string_member (object, "state", "ok");
  json_object_set_int_member (object, "taskPendingId", 0);
  json_object_set_string_member (object, "webUrl", "https://pro1.mail.ovh.net/owa/");
  return object;
}

static JsonObject *
default_server (void)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "currentDiskUsage", 0);
  json_object_set_int_member (object, "diskSize", 51200);
  json_object_set_string_member (object, "ip", "198.51.100.21");
  json_object_set_string_member (object, "ipV6", "2001:db8:100::21");
  json_object_set_boolean_member (object, "isAValid", TRUE);
  json_object_set_boolean_member (object, "isAaaaValid", TRUE);
  json_object_set_boolean_member (object, "isPtrV6Valid", TRUE);
  json_object_set_boolean_member (object, "isPtrValid", TRUE);
  json_object_set_string_member (object, "state", "ok");
  json_object_set_int_member (object, "taskPendingId", 0);
  json_object_set_string_member (object, "version", "15.1");
  return object;
}

/* A domain whose DNS is exactly as expected; seeds say what is broken. */
static JsonObject *
default_domain (const char *name,
                const char *hostname);

JsonObject *
sim_seed_new_domain (const char *name,
                     const char *hostname)
{
  return default_domain (name, hostname);
}

static JsonObject *
default_domain (const char *name,
                const char *hostname)
{
  static const char * const expected_mx[] = {
    "IN MX 1 mx0.mail.ovh.net", "IN MX 5 mx1.mail.ovh.net",
    "IN MX 50 mx2.mail.ovh.net", "IN MX 100 mx3.mail.ovh.net", NULL
  };
  static const char * const found_mx[] = {
    "1 mx0.mail.ovh.net", "5 mx1.mail.ovh.net", "50 mx2.mail.ovh.net", "100 mx3.mail.ovh.net", NULL
  };
  static const char * const found_spf[] = { "v=spf1 include:mx.ovh.com ~all", NULL };
  JsonObject *object = json_object_new ();
  JsonObject *dkim = json_object_new ();
  g_autofree char *srv = g_strdup_printf ("_autodiscover._tcp.%s IN SRV 0 0 443 %s", name, hostname);
  g_autofree char *found_srv = g_strdup_printf ("0 0 443 %s", hostname);
  const char * const found_srv_list[] = { found_srv, NULL };

  json_object_set_null_member (dkim, "errorCode");
  json_object_set_null_member (dkim, "message");
  json_object_set_string_member (dkim, "state", "disabled");

  json_object_set_null_member (object, "cnameToCheck");
  json_object_set_object_member (object, "dkimDiagnostics", dkim);
  json_object_set_array_member (object, "domainAliases", json_array_new ());
  json_object_set_boolean_member (object, "domainValidated", TRUE);
  json_object_set_string_member (object, "expectedAutodiscoverSRV", srv);
  json_object_set_array_member (object, "expectedMX", string_array (expected_mx));
  json_object_set_string_member (object, "expectedSPF", "IN TXT v=spf1 include:mx.ovh.com ~all");
  json_object_set_boolean_member (object, "isAliasDomain", FALSE);
  json_object_set_boolean_member (object, "mxIsValid", TRUE);
  json_object_set_array_member (object, "mxRecord", string_array (found_mx));
  json_object_set_null_member (object, "mxRelay");
  json_object_set_string_member (object, "name", name);
  json_object_set_boolean_member (object, "spfIsValid", TRUE);
  json_object_set_array_member (object, "spfRecord", string_array (found_spf));
  json_object_set_boolean_member (object, "srvIsValid", TRUE);
  json_object_set_array_member (object, "srvRecord", string_array (found_srv_list));
  json_object_set_string_member (object, "state", "ok");
  json_object_set_int_member (object, "taskPendingId", 0);
  json_object_set_string_member (object, "type", "authoritative");
  return object;
}

static JsonObject *
default_account (const char *address,
                 gint64      id,
                 gint64      now)
{
  JsonObject *object = json_object_new ();
  const char *at = strchr (address, '@');
  g_autofree char *login = at ? g_strndup (address, at - address) : g_strdup (address);
  const char *domain = at ? at + 1 : "";
  gboolean placeholder = g_str_equal (domain, PLACEHOLDER_DOMAIN);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, address, -1);
  g_autofree char *sam = g_strdup_printf ("_%.10s", hash);
  g_autofree char *created = sim_format_unix (now - 86400 * 90);
  g_autofree char *updated = sim_format_unix (now - 86400 * 3);
  g_autofree char *expires = sim_format_unix (now + 86400 * 275);

  json_object_set_string_member (object, "SAMAccountName", sam);
  json_object_set_boolean_member (object, "configured", !placeholder);
  json_object_set_string_member (object, "creationDate", created);
  json_object_set_int_member (object, "currentUsage", 0);
  json_object_set_boolean_member (object, "deleteAtExpiration", FALSE);
  json_object_set_null_member (object, "displayName");
  json_object_set_string_member (object, "domain", domain);
  json_object_set_string_member (object, "expirationDate", expires);
  json_object_set_null_member (object, "expirationOutlookDate");
  json_object_set_null_member (object, "firstName");
  json_object_set_boolean_member (object, "hiddenFromGAL", FALSE);
  json_object_set_int_member (object, "id", id);
  json_object_set_null_member (object, "initial");
  json_object_set_null_member (object, "lastLogoffDate");
  json_object_set_null_member (object, "lastLogonDate");
  json_object_set_null_member (object, "lastName");
  json_object_set_string_member (object, "lastUpdateDate", updated);
  json_object_set_string_member (object, "login", login);
  json_object_set_array_member (object, "mailingFilter", json_array_new ());
  json_array_add_string_element (json_object_get_array_member (object, "mailingFilter"), "vaderetro");
  if (placeholder)
    json_object_set_null_member (object, "passwordLastUpdate");
  else
    json_object_set_string_member (object, "passwordLastUpdate", updated);
  json_object_set_string_member (object, "primaryEmailAddress", address);
  json_object_set_int_member (object, "quota", 10240);
  json_object_set_string_member (object, "renewPeriod", "yearly");
  json_object_set_object_member (object, "spamAndVirusConfiguration", default_spam_and_virus ());
  json_object_set_boolean_member (object, "spamDetected", FALSE);
  json_object_set_null_member (object, "spamTicketNumber");
  json_object_set_string_member (object, "state", "ok");
  json_object_set_int_member (object, "taskPendingId", 0);
  return object;
}

JsonObject *
sim_seed_new_account (SimState   *state,
                      const char *address,
                      gint64      id)
{
  return default_account (address, id, sim_state_now (state));
}

static void
add_account (SimState   *state,
             SimService *service,
             JsonObject *account)
{
  const char *address = json_object_get_string_member (account, "primaryEmailAddress");

  if (sim_service_find_account (service, address) != NULL)
    {
      g_warning ("Seed: account %s appears twice in %s; the second one is ignored",
                 address, service->name);
      return;
    }
  state->next_account_id = MAX (state->next_account_id,
                                json_object_get_int_member (account, "id") + 1);
  sim_service_add_account (service, account);
}

static void
generate_accounts (SimState   *state,
                   SimService *service,
                   JsonObject *spec)
{
  static const char * const first_names[] = {
    "Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Hannes", "Ida", "Jonas",
    "Katrin", "Lukas", "Mia", "Noah", "Olga", "Paul", "Rosa", "Simon", "Tina", "Uwe",
  };
  static const char * const last_names[] = {
    "Schmidt", "Müller", "Weber", "Fischer", "Wagner", "Becker", "Hoffmann", "Koch",
    "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger",
  };
  gint64 count = json_object_get_int_member_with_default (spec, "count", 0);
  gint64 placeholders = json_object_get_int_member_with_default (spec, "placeholders", 0);
  const char *domain = json_object_get_string_member_with_default (spec, "domain", "example.com");
  gint64 now = sim_state_now (state);

  placeholders = CLAMP (placeholders, 0, count);

  for (gint64 i = 0; i < count - placeholders; i++)
    {
      const char *first = first_names[i % G_N_ELEMENTS (first_names)];
      const char *last = last_names[(i / G_N_ELEMENTS (first_names)) % G_N_ELEMENTS (last_names)];
      guint round = i / (G_N_ELEMENTS (first_names) * G_N_ELEMENTS (last_names));
      g_autofree char *ascii_last = g_str_to_ascii (last, "C");
      g_autofree char *local = round == 0
        ? g_strdup_printf ("%s.%s", first, ascii_last)
        : g_strdup_printf ("%s.%s%u", first, ascii_last, round + 1);
      g_autofree char *lower = g_ascii_strdown (local, -1);
      g_autofree char *address = g_strdup_printf ("%s@%s", lower, domain);
      g_autofree char *display = g_strdup_printf ("%s %s", first, last);
      g_autofree char *initial = g_strndup (first, 1);
      g_autoptr(JsonObject) account = default_account (address, state->next_account_id, now);

      json_object_set_string_member (account, "displayName", display);
      json_object_set_string_member (account, "firstName", first);
      json_object_set_string_member (account, "lastName", last);
      json_object_set_string_member (account, "initial", initial);
      json_object_set_int_member (account, "currentUsage", (i * 7919) % 9000 + 12);
      add_account (state, service, account);
    }

  for (gint64 i = 0; i < placeholders; i++)
    {
      g_autofree char *seed_text = g_strdup_printf ("%s/%" G_GINT64_FORMAT, service->name, i);
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, seed_text, -1);
      g_autofree char *address = g_strdup_printf ("%.10s@" PLACEHOLDER_DOMAIN, hash);
      g_autoptr(JsonObject) account = default_account (address, state->next_account_id, now);

      add_account (state, service, account);
    }
}

static gboolean
load_service (SimState    *state,
              JsonObject  *seed,
              GError     **error)
{
  const char *name = json_object_get_string_member_with_default (seed, "domain", NULL);
  g_autofree char *now = sim_state_now_string (state);
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonObject) server = default_server ();
  const char *hostname;
  SimService *service;

  if (name == NULL || *name == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "every service needs its name in “domain”");
      return FALSE;
    }
  if (sim_state_find_service (state, name) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "service %s appears twice", name);
      return FALSE;
    }

  object = default_service (name, now);
  overlay (object, seed, service_seed_only, "a service");
  hostname = json_object_get_string_member_with_default (object, "hostname", "pro1.mail.ovh.net");

  /* Derived values follow the seed unless it sets them itself. */
  if (!json_object_has_member (seed, "webUrl"))
    {
      g_autofree char *web_url = g_strdup_printf ("https://%s/owa/", hostname);
      json_object_set_string_member (object, "webUrl", web_url);
    }
  if (!json_object_has_member (seed, "iam") ||
      !json_object_has_member (json_object_get_object_member (seed, "iam"), "displayName"))
    json_object_set_member (json_object_get_object_member (object, "iam"), "displayName",
                            json_node_copy (json_object_get_member (object, "displayName")));

  if (json_object_has_member (seed, "server"))
    overlay (server, json_object_get_object_member (seed, "server"), no_seed_only, "the server");

  service = sim_state_add_service (state, name, object, server);

  if (json_object_has_member (seed, "domains"))
    {
      JsonArray *domains = json_object_get_array_member (seed, "domains");

      for (guint i = 0; i < json_array_get_length (domains); i++)
        {
          JsonObject *domain_seed = json_array_get_object_element (domains, i);
          const char *domain_name = json_object_get_string_member_with_default (domain_seed, "name", NULL);
          g_autoptr(JsonObject) domain = NULL;

          if (domain_name == NULL)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "a domain of %s has no name", name);
              return FALSE;
            }
          domain = default_domain (domain_name, hostname);
          overlay (domain, domain_seed, no_seed_only, "a domain");
          sim_service_add_domain (service, domain);
        }
    }

  if (json_object_has_member (seed, "accounts"))
    {
      JsonArray *accounts = json_object_get_array_member (seed, "accounts");

      for (guint i = 0; i < json_array_get_length (accounts); i++)
        {
          JsonObject *account_seed = json_array_get_object_element (accounts, i);
          const char *address = json_object_get_string_member_with_default (account_seed, "primaryEmailAddress", NULL);
          g_autoptr(JsonObject) account = NULL;

          if (address == NULL || strchr (address, '@') == NULL)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "an account of %s has no primaryEmailAddress", name);
              return FALSE;
            }
          account = default_account (address, state->next_account_id, sim_state_now (state));
          overlay (account, account_seed, account_seed_only, "an account");
          add_account (state, service, account);
          if (json_object_has_member (account_seed, "aliases"))
            sim_accounts_seed_aliases (state, account, json_object_get_array_member (account_seed, "aliases"));
        }
    }

  if (json_object_has_member (seed, "generate_accounts"))
    generate_accounts (state, service, json_object_get_object_member (seed, "generate_accounts"));

  if (json_object_has_member (seed, "tasks"))
    {
      JsonArray *tasks = json_object_get_array_member (seed, "tasks");

      for (guint i = 0; i < json_array_get_length (tasks); i++)
        {
          JsonObject *task_seed = json_array_get_object_element (tasks, i);
          g_autoptr(JsonObject) task = json_object_new ();

          json_object_set_null_member (task, "finishDate");
          json_object_set_string_member (task, "function", "setAccount");
          json_object_set_int_member (task, "id", 0);
          json_object_set_string_member (task, "status", "todo");
          json_object_set_string_member (task, "todoDate", now);
          overlay (task, task_seed, task_seed_only, "a task");
          sim_domains_adopt_task (service,
                                  sim_task_adopt (state, service, task,
                                                  json_object_get_string_member_with_default (task_seed, "ends_in", "done"),
                                                  CLAMP (json_object_get_int_member_with_default (task_seed, "step_ms", 0),
                                                         0, G_MAXINT32)));
        }
    }

  return TRUE;
}

static gboolean
load_credential (SimState    *state,
                 JsonObject  *seed,
                 GHashTable  *application_ids,
                 GError     **error)
{
  const char *application_key = json_object_get_string_member_with_default (seed, "application_key", NULL);
  const char *application_secret = json_object_get_string_member_with_default (seed, "application_secret", NULL);
  const char *state_name = json_object_get_string_member_with_default (seed, "state", "validated");
  SimCredential *credential;
  gpointer application_id;

  if (application_key == NULL || application_secret == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "a credential needs application_key and application_secret");
      return FALSE;
    }
  if (!sim_credential_state_is_valid (state_name))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "unknown credential state “%s”", state_name);
      return FALSE;
    }

  credential = sim_state_add_credential (state);
  credential->application_key = g_strdup (application_key);
  credential->application_secret = g_strdup (application_secret);
  credential->consumer_key = g_strdup (json_object_get_string_member_with_default (seed, "consumer_key", NULL));
  credential->state = g_strdup (state_name);
  credential->creation = sim_state_now (state) - 86400;
  if (g_str_equal (state_name, "expired"))
    credential->expiration = sim_state_now (state) - 3600;

  if (json_object_has_member (seed, "rules"))
    {
      credential->rules = json_array_ref (json_object_get_array_member (seed, "rules"));
    }
  else
    {
      static const char * const methods[] = { "GET", "POST", "PUT", "DELETE" };

      credential->rules = json_array_new ();
      for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
        {
          JsonObject *rule = json_object_new ();
          json_object_set_string_member (rule, "method", methods[i]);
          json_object_set_string_member (rule, "path", "/*");
          json_array_add_object_element (credential->rules, rule);
        }
    }

  if (!g_hash_table_lookup_extended (application_ids, application_key, NULL, &application_id))
    {
      application_id = GSIZE_TO_POINTER (100000 + g_hash_table_size (application_ids) + 1);
      g_hash_table_insert (application_ids, credential->application_key, application_id);
    }
  credential->application_id = GPOINTER_TO_SIZE (application_id);
  return TRUE;
}

static JsonArray *
get_array_member (JsonObject *object,
                  const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

SimState *
sim_seed_load (const char  *path,
               guint        task_ms,
               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SimState) state = sim_state_new (task_ms);
  g_autoptr(GHashTable) application_ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonNode *root;
  JsonArray *array;

  if (!json_parser_load_from_file (parser, path, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "the seed is not a JSON object");
      return NULL;
    }

  if ((array = get_array_member (json_node_get_object (root), "credentials")) != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      if (!load_credential (state, json_array_get_object_element (array, i), application_ids, error))
        return NULL;

  if ((array = get_array_member (json_node_get_object (root), "services")) != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      if (!load_service (state, json_array_get_object_element (array, i), error))
        return NULL;

  if (json_object_has_member (json_node_get_object (root), "customer") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (json_node_get_object (root), "customer")))
    {
      json_object_unref (state->customer);
      state->customer = json_object_ref (json_object_get_object_member (json_node_get_object (root), "customer"));
    }

  /* After the customer, whose zone list the account's zones join, and the services, whose
   * domains the DKIM selectors belong to. */
  if (!sim_zones_load_seed (state, json_node_get_object (root), error) ||
      !sim_dkim_load_seed (state, json_node_get_object (root), error))
    return NULL;

  return g_steal_pointer (&state);
}
