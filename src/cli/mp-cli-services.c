/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-cli-services.c: `mailpost services` — the services the keys can see, as a table or JSON. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cli/mp-cli-private.h"
#include "emailpro/mp-session.h"

static JsonNode *
services_to_json (GListModel *services)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n_items = g_list_model_get_n_items (services);

  json_builder_begin_array (builder);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(MpService) service = g_list_model_get_item (services, i);

      /* The provider's field names and spellings, so scripts can use both alike. */
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, mp_service_get_name (service));
      json_builder_set_member_name (builder, "displayName");
      json_builder_add_string_value (builder, mp_service_get_display_name (service));
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, mp_service_state_to_string (mp_service_get_state (service)));
      json_builder_set_member_name (builder, "hostname");
      json_builder_add_string_value (builder, mp_service_get_hostname (service));
      json_builder_set_member_name (builder, "webUrl");
      json_builder_add_string_value (builder, mp_service_get_web_url (service));
      json_builder_set_member_name (builder, "offer");
      json_builder_add_string_value (builder, mp_service_get_offer (service));
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

static void
print_services_table (GListModel *services)
{
  const char *headers[] = { _("Name"), _("Display name"), _("State"), _("Host name"), NULL };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  guint n_items = g_list_model_get_n_items (services);

  if (n_items == 0)
    {
      g_print ("%s\n", _("These keys see no E-Mail Pro service. Order one in the OVHcloud control panel."));
      return;
    }

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(MpService) service = g_list_model_get_item (services, i);
      const char **row = g_new0 (const char *, 4);

      /* The strings stay alive in the list model until the table is printed. */
      row[0] = mp_service_get_name (service);
      row[1] = mp_service_get_display_name (service);
      row[2] = mp_service_state_to_label (mp_service_get_state (service));
      row[3] = mp_service_get_hostname (service);
      g_ptr_array_add (rows, row);
    }

  mp_cli_print_table (headers, rows);
}

int
mp_cli_services (int    argc,
                 char **argv)
{
  gboolean json = FALSE;
  g_autofree char *endpoint = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the services as a JSON array"), NULL },
    { "endpoint", 0, 0, G_OPTION_ARG_STRING, &endpoint,
      N_("Use this API endpoint: ovh-eu, ovh-ca, ovh-us or an https URL"), N_("URL") },
    { NULL }
  };
  g_autoptr(MpOvhClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) services = NULL;
  g_autoptr(GError) error = NULL;
  MpCliExit exit_status;
  MpCliWaiter waiter;

  if (!mp_cli_parse_options ("services",
                             _("Lists the E-Mail Pro services that the OVHcloud keys can manage."),
                             entries, argc, argv, &exit_status))
    return exit_status;

  client = mp_cli_open_client (endpoint, &exit_status, &error);
  if (client == NULL)
    {
      mp_cli_print_error (error);
      return exit_status;
    }

  mp_cli_waiter_init (&waiter);
  mp_session_list_services_async (client, NULL, mp_cli_waiter_callback, &waiter);
  result = mp_cli_waiter_run (&waiter);

  services = mp_session_list_services_finish (result, &error);
  if (services == NULL)
    {
      mp_cli_print_error (error);
      return MP_CLI_EXIT_FAILED;
    }

  if (json)
    {
      g_autoptr(JsonNode) node = services_to_json (services);

      mp_cli_print_json (node);
    }
  else
    print_services_table (services);

  return MP_CLI_EXIT_OK;
}
