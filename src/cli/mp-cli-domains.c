/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-cli-domains.c: `mailpost domains SERVICE` — the domains attached to a service, with their
 * mode, state, number of accounts and ownership, as a table or JSON. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cli/mp-cli-private.h"
#include "emailpro/mp-session.h"

static JsonNode *
domains_to_json (GListModel *domains)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n_items = g_list_model_get_n_items (domains);

  json_builder_begin_array (builder);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(MpDomain) domain = g_list_model_get_item (domains, i);

      /* The provider's field names and spellings, plus our two derived values. */
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, mp_domain_get_name (domain));
      json_builder_set_member_name (builder, "unicodeName");
      json_builder_add_string_value (builder, mp_domain_get_unicode_name (domain));
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, mp_domain_type_to_string (mp_domain_get_domain_type (domain)));
      json_builder_set_member_name (builder, "mxRelay");
      json_builder_add_string_value (builder, mp_domain_get_mx_relay (domain));
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, mp_object_state_to_string (mp_domain_get_state (domain)));
      json_builder_set_member_name (builder, "accountCount");
      json_builder_add_int_value (builder, mp_domain_get_account_count (domain));
      json_builder_set_member_name (builder, "domainValidated");
      json_builder_add_boolean_value (builder, mp_domain_get_domain_validated (domain));
      json_builder_set_member_name (builder, "taskPendingId");
      json_builder_add_int_value (builder, mp_domain_get_task_pending_id (domain));
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

static void
print_domains_table (GListModel *domains)
{
  const char *headers[] = { _("Domain"), _("Mode"), _("State"), _("Accounts"), _("Ownership"), NULL };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  guint n_items = g_list_model_get_n_items (domains);

  if (n_items == 0)
    {
      g_print ("%s\n", _("No domain is attached to this service yet. Add your domain in Mailpost to start."));
      return;
    }

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(MpDomain) domain = g_list_model_get_item (domains, i);
      const char **row = g_new0 (const char *, 5);
      char *count = g_strdup_printf ("%u", mp_domain_get_account_count (domain));

      g_ptr_array_add (texts, count);
      /* The strings stay alive in the list model until the table is printed. */
      row[0] = mp_domain_get_unicode_name (domain);
      row[1] = mp_domain_type_to_label (mp_domain_get_domain_type (domain));
      row[2] = mp_object_state_to_label (mp_domain_get_state (domain));
      row[3] = count;
      row[4] = mp_domain_get_domain_validated (domain) ? _("Proven") : _("Not proven yet");
      g_ptr_array_add (rows, row);
    }

  mp_cli_print_table (headers, rows);
}

/* The service itself, then its domains and accounts (for the counts). */
static GListModel *
load_domains (MpOvhClient  *client,
              const char   *service_name,
              GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(MpSession) session = mp_cli_open_session (client, service_name, error);
  MpCliWaiter waiter;

  if (session == NULL)
    return NULL;

  mp_cli_waiter_init (&waiter);
  mp_session_refresh_domains_async (session, NULL, mp_cli_waiter_callback, &waiter);
  result = mp_cli_waiter_run (&waiter);
  if (!mp_session_refresh_domains_finish (session, result, error))
    return NULL;

  return g_object_ref (mp_session_get_domains (session));
}

int
mp_cli_domains (int    argc,
                char **argv)
{
  gboolean json = FALSE;
  g_autofree char *endpoint = NULL;
  g_auto(GStrv) services = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the domains as a JSON array"), NULL },
    { "endpoint", 0, 0, G_OPTION_ARG_STRING, &endpoint,
      N_("Use this API endpoint: ovh-eu, ovh-ca, ovh-us or an https URL"), N_("URL") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &services, NULL, N_("SERVICE") },
    { NULL }
  };
  g_autoptr(MpOvhClient) client = NULL;
  g_autoptr(GListModel) domains = NULL;
  g_autoptr(GError) error = NULL;
  MpCliExit exit_status;

  if (!mp_cli_parse_options ("domains",
                             _("Lists the domains attached to an E-Mail Pro service (its name, as “mailpost services” shows it)."),
                             entries, argc, argv, &exit_status))
    return exit_status;

  if (services == NULL || g_strv_length (services) != 1)
    {
      g_printerr ("%s\n", _("Name one service, for example “mailpost domains emailpro-ab12345-1”. Run “mailpost services” to see their names."));
      return MP_CLI_EXIT_USAGE;
    }

  client = mp_cli_open_client (endpoint, &exit_status, &error);
  if (client == NULL)
    {
      mp_cli_print_error (error);
      return exit_status;
    }

  domains = load_domains (client, services[0], &error);
  if (domains == NULL)
    {
      mp_cli_print_error (error);
      return MP_CLI_EXIT_FAILED;
    }

  if (json)
    {
      g_autoptr(JsonNode) node = domains_to_json (domains);

      mp_cli_print_json (node);
    }
  else
    print_domains_table (domains);

  return MP_CLI_EXIT_OK;
}
