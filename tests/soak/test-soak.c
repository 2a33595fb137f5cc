/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The fault soak (issue 7): the simulator answers slowly (--latency-ms 30) and wrongly on
 * every route one time in ten (500, 503, 429, cut connections), while Mailpost's operations
 * run in a loop for MAILPOST_SOAK_SECONDS (30 by default; `build-aux/dev soak` runs 300).
 *
 * What must hold: nothing crashes, nothing hangs (a watchdog thread aborts when no operation
 * ends for WATCHDOG_SECONDS), and no write is lost silently.  Every write is written into a
 * ledger as confirmed (its call and its task succeeded) or failed (an error was reported).
 * At the end the faults are lifted, the tasks left are let finish, and what the simulator
 * holds is compared with the ledger: each value must be the last confirmed one, or one of the
 * failed attempts after it (a failure may come after the provider applied the change, e.g.
 * while reading it back, so the change may or may not be there — but it was reported).
 */
#include "config.h"

#include "api/mp-ovh-client.h"
#include "emailpro/mp-session.h"
#include "mp-test-sim.h"

#define SERVICE           "emailpro-acc-1"
#define OP_TIMEOUT_MS     60000
#define WATCHDOG_SECONDS  90
#define SOAK_DOMAINS      3
#define SOAK_ALIASES      3
/* The secret-leak gate of build-aux/dev looks for this in every log. */
#define SOAK_PASSWORD_PREFIX "SoakPw-"

typedef enum
{
  OP_REFRESH,
  OP_DISPLAY_NAME,
  OP_DOMAIN_ADD,
  OP_DOMAIN_MODE,
  OP_DOMAIN_REMOVE,
  OP_ACCOUNT_NAME,
  OP_PASSWORD,
  OP_ALIAS_ADD,
  OP_ALIAS_REMOVE,
  OP_DKIM,
  N_OPS
} Op;

static const char * const op_names[N_OPS] = {
  "session refresh", "service display name", "domain add", "domain mode", "domain remove",
  "account display name", "account password", "alias add", "alias remove", "DKIM set-up",
};

typedef struct
{
  char     *value;
  gboolean  confirmed;
} Entry;

typedef struct
{
  MpTestSim   *sim;
  MpOvhClient *client;
  MpSession   *session;
  GRand       *rand;
  GHashTable  *ledger;     /* key → GPtrArray of Entry, in order */
  GHashTable  *initial;    /* key → the simulator's value before the loop */
  guint        attempted[N_OPS];
  guint        confirmed[N_OPS];
  guint        failed[N_OPS];
  guint        serial;
} Soak;

/* The watchdog's view: when the last operation ended and which one runs. */
static gint last_progress;      /* monotonic seconds */
static const char *current_op;  /* atomic */

static gpointer
watchdog_thread (gpointer data)
{
  for (;;)
    {
      g_usleep (G_USEC_PER_SEC);
      if (g_get_monotonic_time () / G_USEC_PER_SEC - g_atomic_int_get (&last_progress) >
          WATCHDOG_SECONDS)
        {
          g_printerr ("soak: no progress for %d s, stuck in: %s\n", WATCHDOG_SECONDS,
                      (const char *) g_atomic_pointer_get (&current_op));
          abort ();
        }
    }
  return NULL;
}

static void
progress (const char *op)
{
  g_atomic_int_set (&last_progress, (gint) (g_get_monotonic_time () / G_USEC_PER_SEC));
  g_atomic_pointer_set (&current_op, op);
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->value);
  g_free (entry);
}

static void
ledger_add (Soak       *soak,
            const char *key,
            const char *value,
            gboolean    confirmed)
{
  GPtrArray *entries = g_hash_table_lookup (soak->ledger, key);
  Entry *entry = g_new0 (Entry, 1);

  if (entries == NULL)
    {
      entries = g_ptr_array_new_with_free_func (entry_free);
      g_hash_table_insert (soak->ledger, g_strdup (key), entries);
    }
  entry->value = g_strdup (value);
  entry->confirmed = confirmed;
  g_ptr_array_add (entries, entry);
}

/* Counts the outcome; an operation must either succeed or say why not. */
static gboolean
outcome (Soak         *soak,
         Op            op,
         gboolean      ok,
         const GError *error)
{
  if (ok)
    {
      g_assert_null (error);
      soak->confirmed[op]++;
    }
  else
    {
      g_assert_nonnull (error);
      g_assert_nonnull (error->message);
      g_test_message ("%s failed: %s", op_names[op], error->message);
      soak->failed[op]++;
    }
  return ok;
}

static gboolean
wait_task (Soak    *soak,
           MpTask  *task,
           GError **error)
{
  MpTaskTracker *tracker = mp_session_get_task_tracker (soak->session);
  g_autoptr(GAsyncResult) result = NULL;

  if (task == NULL)
    return TRUE;
  mp_task_tracker_wait_async (tracker, mp_task_get_id (task), NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, OP_TIMEOUT_MS);
  return mp_task_tracker_wait_finish (tracker, result, error);
}

static JsonObject *
sim_service (JsonNode *state)
{
  JsonArray *services = json_object_get_array_member (json_node_get_object (state), "services");

  for (guint i = 0; i < json_array_get_length (services); i++)
    {
      JsonObject *service = json_array_get_object_element (services, i);

      if (g_str_equal (json_object_get_string_member (service, "name"), SERVICE))
        return service;
    }
  g_assert_not_reached ();
}

static JsonObject *
find_by (JsonArray  *array,
         const char *member,
         const char *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (object, member, NULL), value) == 0)
        return object;
    }
  return NULL;
}

static char *
domain_key (guint i)
{
  return g_strdup_printf ("domain:soak-%u.test", i);
}

static char *
alias_address (guint i)
{
  return g_strdup_printf ("soak-%u@shop.example", i);
}

/* The simulator's value for a ledger key ("absent" for a domain it does not hold). */
static char *
sim_value (JsonNode   *state,
           GHashTable *aliases,
           const char *key)
{
  JsonObject *service = sim_service (state);

  if (g_str_equal (key, "service:displayName"))
    return g_strdup (json_object_get_string_member (json_object_get_object_member (service, "service"),
                                                    "displayName"));
  if (g_str_has_prefix (key, "domain:"))
    {
      JsonObject *domain = find_by (json_object_get_array_member (service, "domains"), "name",
                                    key + strlen ("domain:"));

      return g_strdup (domain != NULL ? json_object_get_string_member (domain, "type") : "absent");
    }
  if (g_str_has_prefix (key, "account:"))
    {
      JsonObject *account = find_by (json_object_get_array_member (service, "accounts"),
                                     "primaryEmailAddress", key + strlen ("account:"));

      g_assert_nonnull (account);
      return g_strdup (json_object_get_string_member (account, "displayName"));
    }
  if (g_str_has_prefix (key, "alias:"))
    return g_strdup (g_hash_table_contains (aliases, key + strlen ("alias:")) ? "present" : "absent");
  g_assert_not_reached ();
}

static JsonNode *
sim_state (Soak *soak)
{
  return mp_test_sim_control (soak->sim, "GET", "/sim/state", NULL);
}

/* Each operation: pick its target from the session's view, run it to its end, write the
 * ledger.  Reads (refresh, lists) may fail too; they only count. */

static void
op_refresh (Soak *soak)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) accounts_result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  mp_session_refresh_async (soak->session, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, OP_TIMEOUT_MS);
  ok = mp_session_refresh_finish (soak->session, result, &error);
  if (ok)
    {
      mp_session_refresh_accounts_async (soak->session, NULL, mp_test_store_result, &accounts_result);
      mp_test_wait_for_result (&accounts_result, OP_TIMEOUT_MS);
      ok = mp_session_refresh_accounts_finish (soak->session, accounts_result, &error);
    }
  outcome (soak, OP_REFRESH, ok, error);
}

static void
op_display_name (Soak *soak)
{
  g_autofree char *name = g_strdup_printf ("Soak service %u", ++soak->serial);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  mp_session_set_display_name_async (soak->session, name, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, OP_TIMEOUT_MS);
  ok = mp_session_set_display_name_finish (soak->session, result, &error);
  ledger_add (soak, "service:displayName", name, outcome (soak, OP_DISPLAY_NAME, ok, error));
}

static void
op_domain_add (Soak *soak,
               guint i)
{
  g_autofree char *key = domain_key (i);
  const char *name = key + strlen ("domain:");
  g_autoptr(MpDomainAddOptions) options = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(MpTask) task = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  options = mp_domain_add_options_new (name, MP_DOMAIN_TYPE_NON_AUTHORITATIVE);
  options->mx_relay = g_strdup ("mx1.mail.ovh.net");
  mp_session_add_domain_async (soak->session, options, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, OP_TIMEOUT_MS);
  task = mp_session_add_domain_finish (soak->session, result, &error);
  ok = task != NULL && wait_task (soak, task, &error);
  ledger_add (soak, key, "nonAuthoritative", outcome (soak, OP_DOMAIN_ADD, ok, error));
}

static void
op_domain_mode (Soak     *soak,
                MpDomain *domain)
{
  g_autofree char *key = g_strconcat ("domain:", mp_domain_get_name (domain), NULL);
  gboolean to_authoritative = mp_domain_get_domain_type (domain) != MP_DOMAIN_TYPE_AUTHORITATIVE;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(MpTask) task = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  mp_session_set_domain_mode_async (soak->session, mp_domain_get_name (domain),
                                    to_authoritative ? MP_DOMAIN_TYPE_AUTHORITATIVE
                                                     : MP_DOMAIN_TYPE_NON_AUTHORITATIVE,
                                    to_authoritative ? NULL : "mx1.mail.ovh.net",
                                    NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, OP_TIMEOUT_MS);
  task = mp_session_set_domain_mode_finish (soak->session, result, &error);
  ok = error == NULL && wait_task (soak, task, &error);
  ledger_add (soak, key, to_authoritative ? "authoritative" : "nonAuthoritative",
              outcome (soak, OP_DOMAIN_MODE, ok, error));
}

static void
op_domain_remove (Soak     *soak,
                  MpDomain *domain)
{
  g_autofree char *key = g_strconcat ("domain:", mp_domain_get_name (domain), NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(MpTask) task = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  mp_session_remove_domain_async (soak->session, mp_domain_get_name (domain), NULL,
                                  mp_test_store_result, &result);
  mp_test_wait_for_result (&result, OP_TIMEOUT_MS);
  task = mp_session_remove_domain_finish (soak->session, result, &error);
  ok = task != NULL && wait_task (soak, task, &error);
  ledger_add (soak, key, "absent", outcome (soak, OP_DOMAIN_REMOVE, ok, error));
}

static void
op_account_name (Soak      *soak,
                 MpAccount *account)
{
  g_autofree char *name = g_strdup_printf ("Anna Soak %u", ++soak->serial);
  g_autofree char *key = g_strconcat ("account:", mp_account_get_primary_email_address (account), NULL);
  MpAccountSettings settings = { .hidden_from_gal = -1, .display_name = name };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  mp_session_configure_account_async (soak->session, account, &settings, NULL,
                                      mp_test_store_result, &result);
  mp_test_wait_for_result (&result, OP_TIMEOUT_MS);
  ok = mp_session_configure_account_finish (soak->session, result, &error);
  ledger_add (soak, key, name, outcome (soak, OP_ACCOUNT_NAME, ok, error));
}

static void
op_password (Soak      *soak,
             MpAccount *account)
{
  g_autofree char *password = g_strdup_printf (SOAK_PASSWORD_PREFIX "%u-Qx7!zr", ++soak->serial);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  mp_session_change_password_async (soak->session, account, password, NULL,
                                    mp_test_store_result, &result);
  mp_test_wait_for_result (&result, OP_TIMEOUT_MS);
  ok = mp_session_change_password_finish (soak->session, result, &error);
  outcome (soak, OP_PASSWORD, ok, error);
}

static void
op_alias (Soak      *soak,
          MpAccount *account,
          guint      i,
          gboolean   add)
{
  g_autofree char *alias = alias_address (i);
  g_autofree char *key = g_strconcat ("alias:", alias, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (add)
    mp_session_add_alias_async (soak->session, account, alias, NULL, mp_test_store_result, &result);
  else
    mp_session_remove_alias_async (soak->session, account, alias, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, OP_TIMEOUT_MS);
  ok = add ? mp_session_add_alias_finish (soak->session, result, &error)
           : mp_session_remove_alias_finish (soak->session, result, &error);
  ledger_add (soak, key, add ? "present" : "absent",
              outcome (soak, add ? OP_ALIAS_ADD : OP_ALIAS_REMOVE, ok, error));
}

static void
op_dkim (Soak     *soak,
         MpDomain *domain)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  mp_session_configure_dkim_async (soak->session, domain, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, OP_TIMEOUT_MS);
  ok = mp_session_configure_dkim_finish (soak->session, result, &error);
  outcome (soak, OP_DKIM, ok, error);
}

static void
run_one (Soak *soak)
{
  Op op = g_rand_int_range (soak->rand, 0, N_OPS);
  guint i = g_rand_int_range (soak->rand, 0, SOAK_DOMAINS);
  g_autofree char *key = domain_key (i);
  MpDomain *domain = mp_session_find_domain (soak->session, key + strlen ("domain:"));
  MpAccount *anna = mp_session_find_account (soak->session, "anna.schmidt@shop.example");
  MpAccount *ben = mp_session_find_account (soak->session, "ben.weber@shop.example");
  MpAccount *info = mp_session_find_account (soak->session, "info@shop.example");
  MpDomain *shop = mp_session_find_domain (soak->session, "shop.example");

  /* Without the lists (a refresh failed) or with the target busy, refresh instead. */
  if ((op == OP_DOMAIN_ADD && domain != NULL) ||
      ((op == OP_DOMAIN_MODE || op == OP_DOMAIN_REMOVE) && (domain == NULL || mp_domain_get_busy (domain))) ||
      (op == OP_ACCOUNT_NAME && anna == NULL) ||
      (op == OP_PASSWORD && ben == NULL) ||
      ((op == OP_ALIAS_ADD || op == OP_ALIAS_REMOVE) && info == NULL) ||
      (op == OP_DKIM && (shop == NULL || mp_domain_get_busy (shop))) ||
      (op != OP_REFRESH && op != OP_DOMAIN_ADD && mp_session_get_domains (soak->session) == NULL))
    op = OP_REFRESH;

  progress (op_names[op]);
  soak->attempted[op]++;
  switch (op)
    {
    case OP_REFRESH:       op_refresh (soak); break;
    case OP_DISPLAY_NAME:  op_display_name (soak); break;
    case OP_DOMAIN_ADD:    op_domain_add (soak, i); break;
    case OP_DOMAIN_MODE:   op_domain_mode (soak, domain); break;
    case OP_DOMAIN_REMOVE: op_domain_remove (soak, domain); break;
    case OP_ACCOUNT_NAME:  op_account_name (soak, anna); break;
    case OP_PASSWORD:      op_password (soak, ben); break;
    case OP_ALIAS_ADD:     op_alias (soak, info, i % SOAK_ALIASES, TRUE); break;
    case OP_ALIAS_REMOVE:  op_alias (soak, info, i % SOAK_ALIASES, FALSE); break;
    case OP_DKIM:          op_dkim (soak, shop); break;
    case N_OPS:
    default:               g_assert_not_reached ();
    }
  progress ("between operations");
}

/* The first service read, retried through the faults (the client retries GETs itself too). */
static MpSession *
new_session (Soak *soak)
{
  for (guint attempt = 0; attempt < 20; attempt++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(MpService) service = NULL;
      g_autoptr(GError) error = NULL;

      mp_ovh_client_call_async (soak->client, "GET", "/email/pro/" SERVICE, NULL,
                                MP_OVH_CALL_DEFAULT, NULL, mp_test_store_result, &result);
      mp_test_wait_for_result (&result, OP_TIMEOUT_MS);
      node = mp_ovh_client_call_finish (soak->client, result, &error);
      if (node != NULL)
        service = mp_service_new_from_json (node, &error);
      if (service != NULL)
        return mp_session_new (soak->client, service);
      g_test_message ("first read failed (%s), again", error->message);
    }
  g_error ("the service could not be read in 20 attempts");
}

/* The aliases the provider holds for info@, read through the API with the faults lifted. */
static GHashTable *
list_aliases (Soak *soak)
{
  GHashTable *aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  MpAccount *info = mp_session_find_account (soak->session, "info@shop.example");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (info);
  mp_session_list_aliases_async (soak->session, info, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, OP_TIMEOUT_MS);
  model = mp_session_list_aliases_finish (soak->session, result, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MpAccountAlias) alias = g_list_model_get_item (model, i);

      g_hash_table_add (aliases, g_strdup (mp_account_alias_get_alias (alias)));
    }
  return aliases;
}

/* TRUE once no task of the service is still todo or doing. */
static gboolean
tasks_settled (JsonNode *state)
{
  JsonArray *tasks = json_object_get_array_member (sim_service (state), "tasks");

  for (guint i = 0; i < json_array_get_length (tasks); i++)
    {
      const char *status = json_object_get_string_member_with_default (
        json_array_get_object_element (tasks, i), "status", "done");

      if (g_str_equal (status, "todo") || g_str_equal (status, "doing"))
        return FALSE;
    }
  return TRUE;
}

static void
check_ledger (Soak *soak)
{
  g_autoptr(JsonNode) state = NULL;
  g_autoptr(GHashTable) aliases = NULL;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  GHashTableIter iter;
  gpointer key, value;
  guint checked = 0;

  progress ("lifting the faults");
  json_node_unref (mp_test_sim_control (soak->sim, "DELETE", "/sim/fault", NULL));
  for (;;)
    {
      g_clear_pointer (&state, json_node_unref);
      state = sim_state (soak);
      if (tasks_settled (state))
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (100 * 1000);
    }
  op_refresh (soak);
  aliases = list_aliases (soak);

  g_hash_table_iter_init (&iter, soak->ledger);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *entries = value;
      g_autofree char *held = sim_value (state, aliases, key);
      g_autoptr(GPtrArray) allowed = g_ptr_array_new ();
      guint last = entries->len;

      for (guint i = entries->len; i > 0; i--)
        if (((Entry *) g_ptr_array_index (entries, i - 1))->confirmed)
          {
            last = i - 1;
            break;
          }
      g_ptr_array_add (allowed, last < entries->len ? ((Entry *) g_ptr_array_index (entries, last))->value
                                                    : g_hash_table_lookup (soak->initial, key));
      for (guint i = last < entries->len ? last + 1 : 0; i < entries->len; i++)
        g_ptr_array_add (allowed, ((Entry *) g_ptr_array_index (entries, i))->value);

      if (!g_ptr_array_find_with_equal_func (allowed, held, g_str_equal, NULL))
        {
          g_autoptr(GString) history = g_string_new (NULL);

          for (guint i = 0; i < entries->len; i++)
            {
              Entry *entry = g_ptr_array_index (entries, i);
              g_string_append_printf (history, " %s(%s)", entry->value,
                                      entry->confirmed ? "confirmed" : "failed");
            }
          g_error ("ledger: %s is “%s” at the simulator, but the writes were: initially “%s”,%s",
                   (char *) key, held, (char *) g_hash_table_lookup (soak->initial, key), history->str);
        }
      checked++;
    }
  g_test_message ("ledger: %u keys agree with the simulator", checked);
}

static void
record_initial (Soak *soak)
{
  g_autoptr(JsonNode) state = sim_state (soak);
  g_autoptr(GHashTable) aliases = g_hash_table_new (g_str_hash, g_str_equal);
  const char *anna = "account:anna.schmidt@shop.example";

  g_hash_table_insert (soak->initial, g_strdup ("service:displayName"),
                       sim_value (state, aliases, "service:displayName"));
  g_hash_table_insert (soak->initial, g_strdup (anna), sim_value (state, aliases, anna));
  for (guint i = 0; i < SOAK_DOMAINS; i++)
    {
      g_autofree char *alias = alias_address (i);

      g_hash_table_insert (soak->initial, domain_key (i), g_strdup ("absent"));
      g_hash_table_insert (soak->initial, g_strconcat ("alias:", alias, NULL), g_strdup ("absent"));
    }
}

static void
test_soak (void)
{
  /* 10 % of all requests fail, in four ways; tasks are quick so many writes finish. */
  const char * const args[] = {
    "--latency-ms", "30", "--task-ms", "150", "--random-seed", "7",
    "--fault", "*:/*=500:0.04", "--fault", "*:/*=503:0.02",
    "--fault", "*:/*=429:0.02", "--fault", "*:/*=cut:0.02",
    NULL
  };
  const char *env = g_getenv ("MAILPOST_SOAK_SECONDS");
  guint seconds = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : 30;
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  Soak soak = { 0, };
  guint total = 0;

  progress ("start-up");
  g_thread_unref (g_thread_new ("soak-watchdog", watchdog_thread, NULL));

  soak.sim = mp_test_sim_start ("test-accounts.json", args);
  soak.rand = g_rand_new_with_seed (7);
  soak.ledger = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_ptr_array_unref);
  soak.initial = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  soak.client = mp_ovh_client_new (mp_test_sim_get_base_url (soak.sim), "accAppKey0001aaa");
  mp_ovh_client_set_secrets (soak.client, "accAppSecret0001aaaaaaaaaaaaaaaa",
                             "accCkValidated0001aaaaaaaaaaaaaa");
  record_initial (&soak);
  soak.session = new_session (&soak);

  while (g_get_monotonic_time () < end)
    run_one (&soak);

  for (Op op = 0; op < N_OPS; op++)
    {
      g_test_message ("%-22s %4u attempted, %4u confirmed, %4u failed", op_names[op],
                      soak.attempted[op], soak.confirmed[op], soak.failed[op]);
      g_assert_cmpuint (soak.attempted[op], ==, soak.confirmed[op] + soak.failed[op]);
      total += soak.attempted[op];
    }
  g_test_message ("%u operations, %u API requests", total, mp_test_sim_get_request_count (soak.sim));
  g_assert_cmpuint (total, >, 0);

  check_ledger (&soak);
  progress ("tear-down");

  g_clear_object (&soak.session);
  g_clear_object (&soak.client);
  g_clear_pointer (&soak.ledger, g_hash_table_unref);
  g_clear_pointer (&soak.initial, g_hash_table_unref);
  g_clear_pointer (&soak.rand, g_rand_free);
  g_clear_pointer (&soak.sim, mp_test_sim_stop);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/mailpost/soak/faults", test_soak);
  return g_test_run ();
}
