/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-cli-accounts.c: `mailpost accounts SERVICE` — the mailboxes of a service with their
 * status, usage and aliases, as a table or JSON. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cli/mp-cli-private.h"
#include "emailpro/mp-session.h"
#include "emailpro/mp-session-accounts-private.h"

/* How long to wait for the alias counts, read one request per mailbox after the list. */
#define ALIAS_COUNT_WAIT_US (10 * G_USEC_PER_SEC)

static void
add_nullable_int (JsonBuilder *builder,
                  const char  *member,
                  gint64       value)
{
  json_builder_set_member_name (builder, member);
  if (value < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, value);
}

static JsonNode *
accounts_to_json (GListModel *accounts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n_items = g_list_model_get_n_items (accounts);

  json_builder_begin_array (builder);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(MpAccount) account = g_list_model_get_item (accounts, i);
      GDateTime *logon = mp_account_get_last_logon_date (account);
      g_autofree char *logon_text = logon ? g_date_time_format_iso8601 (logon) : NULL;

      /* The provider's field names, plus the status Mailpost derives. */
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "primaryEmailAddress");
      json_builder_add_string_value (builder, mp_account_get_primary_email_address (account));
      json_builder_set_member_name (builder, "displayName");
      json_builder_add_string_value (builder, mp_account_get_display_name (account));
      json_builder_set_member_name (builder, "configured");
      json_builder_add_boolean_value (builder, !mp_account_get_is_placeholder (account));
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, mp_account_status_to_string (mp_account_get_status (account)));
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, mp_object_state_to_string (mp_account_get_state (account)));
      add_nullable_int (builder, "spamTicketNumber", mp_account_get_spam_ticket_number (account));
      add_nullable_int (builder, "currentUsage", mp_account_get_current_usage (account));
      add_nullable_int (builder, "quota", mp_account_get_quota (account));
      add_nullable_int (builder, "aliases", mp_account_get_alias_count (account));
      json_builder_set_member_name (builder, "lastLogonDate");
      json_builder_add_string_value (builder, logon_text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

static char *
format_usage (MpAccount *account)
{
  double fraction = mp_account_get_usage_fraction (account);

  if (fraction < 0)
    return NULL;
  /* TRANSLATORS: mailbox usage: used GB, total GB, percentage, e.g. "2.5 / 10.0 GB (25 %)". */
  return g_strdup_printf (_("%.1f / %.1f GB (%d %%)"),
                          mp_account_get_current_usage (account) / 1024.0,
                          mp_account_get_quota (account) / 1024.0,
                          (int) (fraction * 100 + 0.5));
}

static void
print_accounts_table (GListModel *accounts)
{
  const char *headers[] = { _("Address"), _("Display name"), _("Status"), _("Usage"), _("Aliases"),
                            _("Last sign-in"), NULL };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  guint n_items = g_list_model_get_n_items (accounts);

  if (n_items == 0)
    {
      g_print ("%s\n", _("This service has no mailboxes yet. Order some in Mailpost or the OVHcloud control panel."));
      return;
    }

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(MpAccount) account = g_list_model_get_item (accounts, i);
      GDateTime *logon = mp_account_get_last_logon_date (account);
      const char **row = g_new0 (const char *, 6);
      char *aliases = mp_account_get_alias_count (account) >= 0
                        ? g_strdup_printf ("%d", mp_account_get_alias_count (account)) : NULL;
      char *usage = format_usage (account);
      char *last = logon ? g_date_time_format (logon, "%Y-%m-%d %H:%M") : NULL;

      /* The account strings stay alive in the list model until the table is printed. */
      row[0] = mp_account_get_primary_email_address (account);
      row[1] = mp_account_get_display_name (account);
      row[2] = mp_account_status_to_label (mp_account_get_status (account));
      row[3] = usage;
      row[4] = aliases;
      row[5] = last;
      g_ptr_array_add (texts, usage);
      g_ptr_array_add (texts, aliases);
      g_ptr_array_add (texts, last);
      g_ptr_array_add (rows, row);
    }

  mp_cli_print_table (headers, rows);
}

static gboolean
alias_counts_pending (GListModel *accounts)
{
  guint n_items = g_list_model_get_n_items (accounts);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(MpAccount) account = g_list_model_get_item (accounts, i);

      if (mp_account_get_alias_count (account) < 0)
        return TRUE;
    }
  return FALSE;
}

static MpSession *
load_accounts (MpOvhClient  *client,
               const char   *service_name,
               GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(MpSession) session = mp_cli_open_session (client, service_name, error);
  MpCliWaiter waiter;
  gint64 deadline;

  if (session == NULL)
    return NULL;

  mp_cli_waiter_init (&waiter);
  mp_session_refresh_accounts_async (session, NULL, mp_cli_waiter_callback, &waiter);
  result = mp_cli_waiter_run (&waiter);
  if (!mp_session_refresh_accounts_finish (session, result, error))
    return NULL;

  /* The counts only come for services small enough to ask each mailbox. */
  if (mp_session_get_configured_account_count (session) <= MP_SESSION_ALIAS_COUNT_LIMIT)
    {
      deadline = g_get_monotonic_time () + ALIAS_COUNT_WAIT_US;
      while (alias_counts_pending (mp_session_get_accounts (session)) &&
             g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
    }

  return g_steal_pointer (&session);
}

int
mp_cli_accounts (int    argc,
                 char **argv)
{
  gboolean json = FALSE;
  g_autofree char *endpoint = NULL;
  g_auto(GStrv) services = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the accounts as a JSON array"), NULL },
    { "endpoint", 0, 0, G_OPTION_ARG_STRING, &endpoint,
      N_("Use this API endpoint: ovh-eu, ovh-ca, ovh-us or an https URL"), N_("URL") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &services, NULL, N_("SERVICE") },
    { NULL }
  };
  g_autoptr(MpOvhClient) client = NULL;
  g_autoptr(MpSession) session = NULL;
  g_autoptr(GError) error = NULL;
  MpCliExit exit_status;

  if (!mp_cli_parse_options ("accounts",
                             _("Lists the e-mail accounts of an E-Mail Pro service (its name, as “mailpost services” shows it)."),
                             entries, argc, argv, &exit_status))
    return exit_status;

  if (services == NULL || g_strv_length (services) != 1)
    {
      g_printerr ("%s\n", _("Name one service, for example “mailpost accounts emailpro-ab12345-1”. Run “mailpost services” to see their names."));
      return MP_CLI_EXIT_USAGE;
    }

  client = mp_cli_open_client (endpoint, &exit_status, &error);
  if (client == NULL)
    {
      mp_cli_print_error (error);
      return exit_status;
    }

  session = load_accounts (client, services[0], &error);
  if (session == NULL)
    {
      mp_cli_print_error (error);
      return MP_CLI_EXIT_FAILED;
    }

  if (json)
    {
      g_autoptr(JsonNode) node = accounts_to_json (mp_session_get_accounts (session));

      mp_cli_print_json (node);
    }
  else
    print_accounts_table (mp_session_get_accounts (session));

  return MP_CLI_EXIT_OK;
}
