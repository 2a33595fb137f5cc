/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sim-accounts.h"
#include "sim-accounts-private.h"
#include "sim-emailpro.h"
#include "sim-reply.h"
#include "sim-seed.h"
#include "sim-tasks.h"
#include "sim-validate.h"

#define PLACEHOLDER_DOMAIN "configureme.me"
#define MAX_PASSWORD_LENGTH 30

/* email.pro.Account: what PUT …/account/{email} may change */
static const SimField account_writable[] = {
  { "deleteAtExpiration", SIM_FIELD_BOOLEAN, TRUE },
  { "displayName", SIM_FIELD_STRING, TRUE },
  { "domain", SIM_FIELD_STRING, FALSE },
  { "firstName", SIM_FIELD_STRING, TRUE },
  { "hiddenFromGAL", SIM_FIELD_BOOLEAN, FALSE },
  { "initial", SIM_FIELD_STRING, TRUE },
  { "lastName", SIM_FIELD_STRING, TRUE },
  { "login", SIM_FIELD_STRING, FALSE },
  { "mailingFilter", SIM_FIELD_STRING_ARRAY, TRUE },
  { "quota", SIM_FIELD_INTEGER, FALSE },
  { "renewPeriod", SIM_FIELD_STRING, TRUE },
  { "spamAndVirusConfiguration", SIM_FIELD_OBJECT, FALSE },
};


static GHashTable *extras;

static void
account_extra_free (gpointer data)
{
  AccountExtra *extra = data;

  g_ptr_array_unref (extra->aliases);
  g_free (extra->password);
  g_clear_pointer (&extra->diagnosis, json_object_unref);
  g_free (extra);
}

AccountExtra *
sim_accounts_get_extra (JsonObject *account)
{
  AccountExtra *extra;

  if (extras == NULL)
    extras = g_hash_table_new_full (NULL, NULL, NULL, account_extra_free);

  extra = g_hash_table_lookup (extras, account);
  if (extra == NULL)
    {
      extra = g_new0 (AccountExtra, 1);
      extra->aliases = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
      g_hash_table_insert (extras, account, extra);
    }
  return extra;
}

const char *
sim_accounts_address_of (JsonObject *account)
{
  return json_object_get_string_member (account, "primaryEmailAddress");
}

gboolean
sim_accounts_has_pending_task (JsonObject *account)
{
  return json_object_get_int_member_with_default (account, "taskPendingId", 0) != 0;
}

/* The provider's answer to a write on a mailbox whose previous change is still running. */
void
sim_accounts_reply_task_pending (SimRequest *request)
{
  sim_reply_class_error (request->msg, SOUP_STATUS_CONFLICT, "Client::Conflict",
                         "A task is already pending on this account");
}

JsonObject *
sim_accounts_lookup_for_password (SimRequest  *request,
                                  SimService **service_out,
                                  char       **password_out)
{
  JsonObject *account = sim_accounts_lookup_account (request, service_out);
  g_autoptr(JsonObject) body = NULL;
  const char *password;

  if (account == NULL)
    return NULL;
  if ((body = sim_request_body_object (request->msg)) == NULL)
    return NULL;

  password = json_object_get_string_member_with_default (body, "password", NULL);
  if (password == NULL)
    {
      sim_reply_bad_request (request->msg, "[password] Missing parameter: a string was expected");
      return NULL;
    }
  if (sim_accounts_has_pending_task (account))
    {
      sim_accounts_reply_task_pending (request);
      return NULL;
    }

  *password_out = g_strdup (password);
  return account;
}

JsonObject *
sim_accounts_lookup_account (SimRequest  *request,
                SimService **service_out)
{
  SimService *service = sim_emailpro_lookup_service (request);
  const char *address = sim_request_get_param (request, "email");
  JsonObject *account;

  if (service == NULL)
    return NULL;

  account = sim_service_find_account (service, address);
  if (account == NULL)
    sim_reply_object_missing (request->msg, "primaryEmailAddress", address);
  if (service_out != NULL)
    *service_out = service;
  return account;
}

/* An alias or account name: letters, digits and "._-", no dot first, last or twice. */
gboolean
sim_accounts_local_part_is_valid (const char *local,
                     gsize       length)
{
  if (length == 0 || length > 64 || local[0] == '.' || local[length - 1] == '.')
    return FALSE;
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isalnum (local[i]) && local[i] != '.' && local[i] != '-' && local[i] != '_')
        return FALSE;
      if (local[i] == '.' && i + 1 < length && local[i + 1] == '.')
        return FALSE;
    }
  return TRUE;
}

/* Whether an address is taken on the service, as a primary address or an alias. */
gboolean
sim_accounts_address_is_taken (SimService *service,
                  const char *address)
{
  if (sim_service_find_account (service, address) != NULL)
    return TRUE;

  for (guint i = 0; i < service->accounts->len; i++)
    {
      AccountExtra *extra = extras ? g_hash_table_lookup (extras, g_ptr_array_index (service->accounts, i)) : NULL;

      for (guint j = 0; extra != NULL && j < extra->aliases->len; j++)
        if (g_ascii_strcasecmp (json_object_get_string_member (g_ptr_array_index (extra->aliases, j), "alias"),
                                address) == 0)
          return TRUE;
    }
  return FALSE;
}

void
sim_accounts_rename (SimService *service,
                     JsonObject *account,
                     const char *new_address)
{
  const char *at = strrchr (new_address, '@');
  g_autofree char *login = g_strndup (new_address, at - new_address);

  g_hash_table_remove (service->account_index, sim_accounts_address_of (account));
  json_object_set_string_member (account, "primaryEmailAddress", new_address);
  json_object_set_string_member (account, "login", login);
  json_object_set_string_member (account, "domain", at + 1);
  g_hash_table_insert (service->account_index, (gpointer) sim_accounts_address_of (account), account);
}

static char *
new_placeholder_address (SimState *state)
{
  g_autofree char *seed = g_strdup_printf ("placeholder/%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                                           state->next_account_id, state->next_task_id);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, seed, -1);

  return g_strdup_printf ("%.10s@" PLACEHOLDER_DOMAIN, hash);
}

JsonObject *
sim_accounts_add_placeholder (SimState   *state,
                              SimService *service)
{
  g_autofree char *address = new_placeholder_address (state);
  g_autoptr(JsonObject) account = sim_seed_new_account (state, address, state->next_account_id);

  state->next_account_id++;
  sim_service_add_account (service, account);
  return account;
}

void
sim_accounts_seed_aliases (SimState   *state,
                           JsonObject *account,
                           JsonArray  *aliases)
{
  AccountExtra *extra = sim_accounts_get_extra (account);
  g_autofree char *now = sim_state_now_string (state);

  for (guint i = 0; aliases != NULL && i < json_array_get_length (aliases); i++)
    {
      JsonObject *alias = json_object_new ();

      json_object_set_string_member (alias, "alias", json_array_get_string_element (aliases, i));
      json_object_set_string_member (alias, "creationDate", now);
      json_object_set_int_member (alias, "taskPendingId", 0);
      g_ptr_array_add (extra->aliases, alias);
    }
}

/* ---- listing, reading ------------------------------------------------------------------- */

/* SQL "like": "%" stands for any run of characters; case does not matter. */
static gboolean
like_matches (const char *pattern,
              const char *text)
{
  if (*pattern == '\0')
    return *text == '\0';

  if (*pattern == '%')
    {
      for (const char *rest = text; ; rest++)
        {
          if (like_matches (pattern + 1, rest))
            return TRUE;
          if (*rest == '\0')
            return FALSE;
        }
    }

  return *text != '\0' &&
         g_ascii_tolower (*pattern) == g_ascii_tolower (*text) &&
         like_matches (pattern + 1, text + 1);
}


static void
handle_list_accounts (SimRequest *request)
{
  SimService *service = sim_emailpro_lookup_service (request);
  const char *address_filter = sim_request_get_query (request, "primaryEmailAddress");
  const char *id_filter = sim_request_get_query (request, "id");
  g_autoptr(JsonArray) ids = NULL;
  g_autoptr(JsonArray) objects = NULL;

  if (service == NULL)
    return;

  ids = json_array_sized_new (service->accounts->len);
  objects = json_array_sized_new (service->accounts->len);
  for (guint i = 0; i < service->accounts->len; i++)
    {
      JsonObject *account = g_ptr_array_index (service->accounts, i);
      const char *address = sim_accounts_address_of (account);

      if (address_filter != NULL && !like_matches (address_filter, address))
        continue;
      if (id_filter != NULL)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                 json_object_get_int_member (account, "id"));
          if (!like_matches (id_filter, id))
            continue;
        }
      json_array_add_string_element (ids, address);
      json_array_add_object_element (objects, json_object_ref (account));
    }
  sim_request_reply_list (request, ids, objects);
}

static void
handle_get_account (SimRequest *request)
{
  JsonObject *account = sim_accounts_lookup_account (request, NULL);

  if (account != NULL)
    sim_reply_json_object (request->msg, account);
}

/* ---- configure: PUT and its setAccount task --------------------------------------------- */

typedef struct
{
  JsonObject *account;
  JsonObject *changes;
} AccountChange;

static void
account_change_free (gpointer data)
{
  AccountChange *change = data;

  json_object_unref (change->account);
  json_object_unref (change->changes);
  g_free (change);
}

/* The effect of a setAccount task: a new login or domain renames the mailbox, which is how a
 * placeholder becomes a configured address. */
static void
apply_account_change (SimService *service,
                      gpointer    user_data)
{
  AccountChange *change = user_data;
  JsonObject *account = change->account;
  g_autofree char *new_address = NULL;

  new_address = g_strdup_printf ("%s@%s",
                                 json_object_get_string_member_with_default (change->changes, "login",
                                   json_object_get_string_member (account, "login")),
                                 json_object_get_string_member_with_default (change->changes, "domain",
                                   json_object_get_string_member (account, "domain")));
  sim_apply_writable (account, change->changes, account_writable, G_N_ELEMENTS (account_writable));

  if (g_strcmp0 (sim_accounts_address_of (account), new_address) != 0)
    {
      sim_accounts_rename (service, account, new_address);
      json_object_set_boolean_member (account, "configured",
                                      !g_str_has_suffix (new_address, "@" PLACEHOLDER_DOMAIN));
    }
}

static void
handle_put_account (SimRequest *request)
{
  SimService *service = NULL;
  JsonObject *account = sim_accounts_lookup_account (request, &service);
  g_autoptr(JsonObject) body = NULL;
  g_autofree char *message = NULL;
  g_autofree char *new_address = NULL;
  const char *login;
  AccountChange *change;

  if (account == NULL)
    return;
  if ((body = sim_request_body_object (request->msg)) == NULL)
    return;

  if (!sim_validate_writable (body, account_writable, G_N_ELEMENTS (account_writable),
                              account, &message) ||
      !sim_validate_length (body, "login", 1, 64, &message))
    {
      sim_reply_bad_request (request->msg, message);
      return;
    }

  login = json_object_get_string_member_with_default (body, "login", json_object_get_string_member (account, "login"));
  if (!sim_accounts_local_part_is_valid (login, strlen (login)))
    {
      sim_reply_bad_request (request->msg, "[login] Invalid login: only letters, digits, '.', '-' and '_' are allowed");
      return;
    }
  new_address = g_strdup_printf ("%s@%s", login,
                                 json_object_get_string_member_with_default (body, "domain",
                                   json_object_get_string_member (account, "domain")));
  if (json_object_has_member (body, "domain") &&
      sim_service_find_domain (service, json_object_get_string_member (body, "domain")) == NULL)
    {
      sim_reply_bad_request (request->msg, "[domain] This domain is not installed on this service");
      return;
    }
  if (g_strcmp0 (new_address, sim_accounts_address_of (account)) != 0 && sim_accounts_address_is_taken (service, new_address))
    {
      sim_reply_class_error (request->msg, SOUP_STATUS_CONFLICT, "Client::Conflict",
                             "This email address is already used by another account");
      return;
    }
  if (sim_accounts_has_pending_task (account))
    {
      sim_accounts_reply_task_pending (request);
      return;
    }

  change = g_new0 (AccountChange, 1);
  change->account = json_object_ref (account);
  change->changes = json_object_ref (body);
  sim_task_start (request->state, service, "setAccount", account,
                  apply_account_change, change, account_change_free);
  sim_reply_void (request->msg);
}

/* ---- password --------------------------------------------------------------------------- */

typedef struct
{
  JsonObject *account;
  SimState   *state;
  char       *password;
} PasswordChange;

static void
password_change_free (gpointer data)
{
  PasswordChange *change = data;

  json_object_unref (change->account);
  if (change->password != NULL)
    memset (change->password, 0, strlen (change->password));
  g_free (change->password);
  g_free (change);
}

static void
apply_password_change (SimService *service,
                       gpointer    user_data)
{
  PasswordChange *change = user_data;
  AccountExtra *extra = sim_accounts_get_extra (change->account);
  g_autofree char *now = sim_state_now_string (change->state);

  g_free (extra->password);
  extra->password = g_strdup (change->password);
  extra->failed_sign_ins = 0;
  json_object_set_string_member (change->account, "passwordLastUpdate", now);
}

/* The service's policy as the provider enforces it (minPasswordLength, complexityEnabled:
 * three of upper, lower, digit, symbol), plus the 30-character ceiling of the panel. */
static gboolean
password_meets_policy (SimService *service,
                       const char *password)
{
  gint64 min_length = json_object_get_int_member_with_default (service->object, "minPasswordLength", 0);
  gboolean complexity = json_object_get_boolean_member_with_default (service->object, "complexityEnabled", FALSE);
  gsize length = strlen (password);
  guint upper = 0, lower = 0, digit = 0, other = 0;

  if ((gint64) length < MAX (min_length, 1) || length > MAX (MAX_PASSWORD_LENGTH, (gsize) min_length))
    return FALSE;
  for (const char *p = password; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x21 || (guchar) *p > 0x7e)
        return FALSE;
      upper |= g_ascii_isupper (*p);
      lower |= g_ascii_islower (*p);
      digit |= g_ascii_isdigit (*p);
      other |= !g_ascii_isalnum (*p);
    }
  return !complexity || upper + lower + digit + other >= 3;
}

/* Refused while the mailbox has a task running — in particular the setAccount of a rename:
 * on the old address with the Conflict below, and on the new one with a 404, since that
 * address only exists once the rename is done.  The provider's panel retries blindly. */
static void
handle_change_password (SimRequest *request)
{
  SimService *service = NULL;
  g_autofree char *password = NULL;
  JsonObject *account = sim_accounts_lookup_for_password (request, &service, &password);
  PasswordChange *change;
  SimTask *task;

  if (account == NULL)
    return;
  if (!password_meets_policy (service, password))
    {
      sim_reply_bad_request (request->msg, "[password] The password does not match the password policy of the service");
      return;
    }

  change = g_new0 (PasswordChange, 1);
  change->account = json_object_ref (account);
  change->state = request->state;
  change->password = g_strdup (password);
  task = sim_task_start (request->state, service, "changePassword", account,
                         apply_password_change, change, password_change_free);
  sim_reply_json_object (request->msg, task->object);
}

/* ---- reset ------------------------------------------------------------------------------ */

typedef struct
{
  JsonObject *account;
  SimState   *state;
} AccountReset;

static void
account_reset_free (gpointer data)
{
  AccountReset *reset = data;

  json_object_unref (reset->account);
  g_free (reset);
}

/* DELETE on E-Mail Pro does not give the licence back: the slot stays, billed, and comes back
 * as a fresh placeholder with a new "…@configureme.me" address, its content and aliases
 * erased.  The mailbox keeps its id, as the slot is the same. */
static void
apply_account_reset (SimService *service,
                     gpointer    user_data)
{
  AccountReset *reset = user_data;
  g_autofree char *address = new_placeholder_address (reset->state);
  g_autoptr(JsonObject) fresh = sim_seed_new_account (reset->state, address,
                                                      json_object_get_int_member (reset->account, "id"));
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  sim_accounts_rename (service, reset->account, address);
  json_object_iter_init (&iter, fresh);
  while (json_object_iter_next (&iter, &member, &value))
    if (!g_str_equal (member, "primaryEmailAddress"))
      json_object_set_member (reset->account, member, json_node_copy (value));
  if (extras != NULL)
    g_hash_table_remove (extras, reset->account);
}

static void
handle_delete_account (SimRequest *request)
{
  SimService *service = NULL;
  JsonObject *account = sim_accounts_lookup_account (request, &service);
  AccountReset *reset;
  SimTask *task;

  if (account == NULL)
    return;
  if (sim_accounts_has_pending_task (account))
    {
      sim_accounts_reply_task_pending (request);
      return;
    }

  reset = g_new0 (AccountReset, 1);
  reset->account = json_object_ref (account);
  reset->state = request->state;
  task = sim_task_start (request->state, service, "deleteAccount", account,
                         apply_account_reset, reset, account_reset_free);
  sim_reply_json_object (request->msg, task->object);
}

void
sim_accounts_register (SimRouter *router)
{
  sim_router_add (router, "GET", "/email/pro/{service}/account", SIM_ROUTE_SIGNED, handle_list_accounts);
  sim_router_add (router, "GET", "/email/pro/{service}/account/{email}", SIM_ROUTE_SIGNED, handle_get_account);
  sim_router_add (router, "PUT", "/email/pro/{service}/account/{email}", SIM_ROUTE_SIGNED, handle_put_account);
  sim_router_add (router, "DELETE", "/email/pro/{service}/account/{email}", SIM_ROUTE_SIGNED, handle_delete_account);
  sim_account_extras_register (router);
  sim_router_add (router, "POST", "/email/pro/{service}/account/{email}/changePassword", SIM_ROUTE_SIGNED, handle_change_password);
}
