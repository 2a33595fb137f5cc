/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-cli-diagnose.c: `mailpost diagnose DOMAIN` — the live DNS checks of one domain, as text
 * or as one JSON object, with an exit status scripts can test. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cli/mp-cli-private.h"
#include "dns/mp-domain-diagnosis.h"
#include "emailpro/mp-domain.h"
#include "emailpro/mp-json.h"

/* The exit statuses of this command (DESIGN: 0 ok, 1 warnings, 2 errors, 3 could not check). */
enum
{
  DIAGNOSE_EXIT_OK          = 0,
  DIAGNOSE_EXIT_WARNINGS    = 1,
  DIAGNOSE_EXIT_ERRORS      = 2,
  DIAGNOSE_EXIT_NOT_CHECKED = 3,
};

/* A synchronous API call for the command line (a main loop runs while waiting). */
static JsonNode *
call_api (MpOvhClient  *client,
          const char   *path,
          GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  MpCliWaiter waiter;

  mp_cli_waiter_init (&waiter);
  mp_ovh_client_call_async (client, "GET", path, NULL, MP_OVH_CALL_DEFAULT, NULL,
                            mp_cli_waiter_callback, &waiter);
  result = mp_cli_waiter_run (&waiter);

  return mp_ovh_client_call_finish (client, result, error);
}

static void
add_api_dkim_selectors (MpDiagnosisExpectations *expectations,
                        MpOvhClient             *client,
                        const char              *base)
{
  g_autofree char *list_path = g_strdup_printf ("%s/dkimSelector", base);
  g_autoptr(JsonNode) names = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *array;

  /* No DKIM routes, or none configured: DKIM is then judged from dkimDiagnostics alone. */
  names = call_api (client, list_path, &error);
  if (names == NULL || !JSON_NODE_HOLDS_ARRAY (names))
    {
      if (error != NULL)
        g_debug ("No DKIM selectors: %s", error->message);
      return;
    }

  array = json_node_get_array (names);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *escaped = NULL;
      g_autofree char *path = NULL;
      g_autoptr(JsonNode) dkim = NULL;
      g_autoptr(GError) dkim_error = NULL;
      const char *name;
      JsonObject *object;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        continue;
      name = json_node_get_string (element);
      escaped = mp_ovh_client_escape_segment (name);
      path = g_strdup_printf ("%s/dkim/%s", base, escaped);

      /* A selector the provider lists but has not set up yet has no dkim object. */
      dkim = call_api (client, path, &dkim_error);
      if (dkim == NULL || !JSON_NODE_HOLDS_OBJECT (dkim))
        continue;

      object = json_node_get_object (dkim);
      mp_diagnosis_expectations_add_dkim_selector (expectations, name,
                                                   mp_json_get_string (object, "customerRecord"),
                                                   mp_json_get_string (object, "targetRecord"),
                                                   mp_json_get_string (object, "status"),
                                                   mp_json_get_boolean (object, "cnameIsValid", FALSE));
    }
}

static MpApiVerdict
verdict (gboolean valid)
{
  return valid ? MP_API_VERDICT_VALID : MP_API_VERDICT_INVALID;
}

/* The provider's own expectations for the domain; its documented defaults fill what the API
 * leaves empty (an older API without expectedMX, …). */
static MpDiagnosisExpectations *
expectations_from_api (const char  *domain,
                       const char  *service,
                       const char  *endpoint,
                       int         *exit_status,
                       GError     **error)
{
  g_autoptr(MpOvhClient) client = NULL;
  g_autoptr(MpDiagnosisExpectations) expectations = NULL;
  g_autoptr(JsonNode) service_node = NULL;
  g_autoptr(JsonNode) domain_node = NULL;
  g_autoptr(MpDomain) model = NULL;
  g_autofree char *service_escaped = mp_ovh_client_escape_segment (service);
  g_autofree char *domain_escaped = mp_ovh_client_escape_segment (domain);
  g_autofree char *service_path = g_strdup_printf ("/email/pro/%s", service_escaped);
  g_autofree char *base = g_strdup_printf ("%s/domain/%s", service_path, domain_escaped);
  const char * const *expected_mx;
  const char *hostname = NULL;
  MpCliExit client_exit;

  *exit_status = DIAGNOSE_EXIT_NOT_CHECKED;

  client = mp_cli_open_client (endpoint, &client_exit, error);
  if (client == NULL)
    return NULL;

  service_node = call_api (client, service_path, error);
  if (service_node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_OBJECT (service_node))
    hostname = mp_json_get_string (json_node_get_object (service_node), "hostname");

  domain_node = call_api (client, base, error);
  if (domain_node == NULL || (model = mp_domain_new_from_json (domain_node, error)) == NULL)
    return NULL;

  expectations = mp_diagnosis_expectations_new_defaults (domain, hostname);

  expected_mx = mp_domain_get_expected_mx (model);
  if (expected_mx[0] != NULL)
    {
      g_ptr_array_set_size (expectations->mx, 0);
      for (guint i = 0; expected_mx[i] != NULL; i++)
        {
          g_autoptr(GError) mx_error = NULL;

          if (!mp_diagnosis_expectations_add_mx_string (expectations, expected_mx[i], &mx_error))
            g_printerr ("%s\n", mx_error->message);
        }
    }

  if (mp_domain_get_expected_spf (model) != NULL)
    mp_diagnosis_expectations_set_spf (expectations, mp_domain_get_expected_spf (model));

  if (mp_domain_get_expected_autodiscover_srv (model) != NULL)
    {
      g_autoptr(GError) srv_error = NULL;

      if (!mp_diagnosis_expectations_set_srv_string (expectations, mp_domain_get_expected_autodiscover_srv (model), &srv_error))
        g_printerr ("%s\n", srv_error->message);
    }

  mp_diagnosis_expectations_set_ownership (expectations, mp_domain_get_cname_to_check (model), NULL,
                                           mp_domain_get_domain_validated (model));
  expectations->mx_is_valid = verdict (mp_domain_get_mx_is_valid (model));
  expectations->spf_is_valid = verdict (mp_domain_get_spf_is_valid (model));
  expectations->srv_is_valid = verdict (mp_domain_get_srv_is_valid (model));

  if (mp_domain_get_dkim_state (model) != MP_DOMAIN_DKIM_STATE_NONE)
    expectations->dkim_state = g_strdup (mp_domain_dkim_state_to_string (mp_domain_get_dkim_state (model)));
  expectations->dkim_error_code = MAX (mp_domain_get_dkim_error_code (model), 0);

  add_api_dkim_selectors (expectations, client, base);

  *exit_status = DIAGNOSE_EXIT_OK;
  return g_steal_pointer (&expectations);
}


/* Output. */

static void
add_record_lines (JsonBuilder *builder,
                  GPtrArray   *records)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *line = mp_dns_record_to_zone_line (g_ptr_array_index (records, i));

      json_builder_add_string_value (builder, line);
    }
  json_builder_end_array (builder);
}

static JsonNode *
diagnosis_to_json (MpDomainDiagnosis *diagnosis)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GPtrArray *nameservers = mp_domain_diagnosis_get_nameservers (diagnosis);
  GPtrArray *results = mp_domain_diagnosis_get_results (diagnosis);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "domain");
  json_builder_add_string_value (builder, mp_domain_diagnosis_get_domain (diagnosis));
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, mp_check_status_to_string (mp_domain_diagnosis_get_status (diagnosis)));

  json_builder_set_member_name (builder, "nameservers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < nameservers->len; i++)
    {
      MpServerAnswer *server = g_ptr_array_index (nameservers, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "host");
      json_builder_add_string_value (builder, server->host);
      json_builder_set_member_name (builder, "address");
      json_builder_add_string_value (builder, server->address);
      json_builder_set_member_name (builder, "serial");
      if (server->has_serial)
        json_builder_add_int_value (builder, server->serial);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, mp_dns_status_to_string (server->status));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "checks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < results->len; i++)
    {
      MpCheckResult *result = g_ptr_array_index (results, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, mp_check_id_to_string (result->id));
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, mp_check_status_to_string (result->status));
      json_builder_set_member_name (builder, "summary");
      json_builder_add_string_value (builder, result->summary);
      json_builder_set_member_name (builder, "expected");
      add_record_lines (builder, result->expected);
      json_builder_set_member_name (builder, "found");
      add_record_lines (builder, result->found);
      json_builder_set_member_name (builder, "fix");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "add");
      add_record_lines (builder, result->fix_add);
      json_builder_set_member_name (builder, "remove");
      add_record_lines (builder, result->fix_remove);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "propagation");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "updated");
      json_builder_add_int_value (builder, result->propagation_updated);
      json_builder_set_member_name (builder, "total");
      json_builder_add_int_value (builder, result->propagation_total);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
print_lines (const char *heading,
             GPtrArray  *records)
{
  if (records->len == 0)
    return;

  g_print ("  %s\n", heading);
  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *line = mp_dns_record_to_zone_line (g_ptr_array_index (records, i));

      g_print ("    %s\n", line);
    }
}

static void
print_diagnosis (MpDomainDiagnosis *diagnosis)
{
  const char *headers[] = { _("Name server"), _("Address"), _("Serial"), _("Answer"), NULL };
  const char *check_headers[] = { _("Check"), _("Status"), _("Summary"), NULL };
  GPtrArray *nameservers = mp_domain_diagnosis_get_nameservers (diagnosis);
  GPtrArray *results = mp_domain_diagnosis_get_results (diagnosis);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) serials = g_ptr_array_new_with_free_func (g_free);

  if (nameservers->len > 0)
    {
      for (guint i = 0; i < nameservers->len; i++)
        {
          MpServerAnswer *server = g_ptr_array_index (nameservers, i);
          const char **row = g_new0 (const char *, 4);
          char *serial = server->has_serial ? g_strdup_printf ("%u", server->serial) : NULL;

          g_ptr_array_add (serials, serial);
          row[0] = server->host;
          row[1] = server->address;
          row[2] = serial;
          row[3] = mp_dns_status_to_label (server->status);
          g_ptr_array_add (rows, row);
        }
      mp_cli_print_table (headers, rows);
      g_print ("\n");
      g_ptr_array_set_size (rows, 0);
    }

  for (guint i = 0; i < results->len; i++)
    {
      MpCheckResult *result = g_ptr_array_index (results, i);
      const char **row = g_new0 (const char *, 3);

      row[0] = mp_check_id_to_title (result->id);
      row[1] = mp_check_status_to_label (result->status);
      row[2] = result->summary;
      g_ptr_array_add (rows, row);
    }
  mp_cli_print_table (check_headers, rows);

  for (guint i = 0; i < results->len; i++)
    {
      MpCheckResult *result = g_ptr_array_index (results, i);

      if (result->status == MP_CHECK_STATUS_OK)
        continue;

      g_print ("\n%s — %s\n", mp_check_id_to_title (result->id), mp_check_status_to_label (result->status));
      if (result->explanation != NULL)
        g_print ("  %s\n", result->explanation);
      for (guint j = 0; j < result->details->len; j++)
        g_print ("  %s\n", (const char *) g_ptr_array_index (result->details, j));
      print_lines (_("Remove:"), result->fix_remove);
      print_lines (_("Add:"), result->fix_add);
    }
}

static int
exit_status_for (MpDomainDiagnosis *diagnosis)
{
  if (!mp_domain_diagnosis_could_check (diagnosis))
    return DIAGNOSE_EXIT_NOT_CHECKED;

  switch (mp_domain_diagnosis_get_status (diagnosis))
    {
    case MP_CHECK_STATUS_OK:          return DIAGNOSE_EXIT_OK;
    case MP_CHECK_STATUS_WARNING:
    case MP_CHECK_STATUS_IN_PROGRESS: return DIAGNOSE_EXIT_WARNINGS;
    case MP_CHECK_STATUS_ERROR:       return DIAGNOSE_EXIT_ERRORS;
    case MP_CHECK_STATUS_UNKNOWN:
    default:                          return DIAGNOSE_EXIT_NOT_CHECKED;
    }
}

int
mp_cli_diagnose (int    argc,
                 char **argv)
{
  gboolean json = FALSE;
  g_autofree char *service = NULL;
  g_autofree char *nameserver = NULL;
  g_autofree char *server = NULL;
  g_autofree char *cname_check = NULL;
  g_autofree char *endpoint = NULL;
  g_auto(GStrv) selectors = NULL;
  GOptionEntry entries[] = {
    { "service", 0, 0, G_OPTION_ARG_STRING, &service,
      N_("Take the expected records from this E-Mail Pro service (needs the keys)"), N_("SERVICE") },
    { "nameserver", 0, 0, G_OPTION_ARG_STRING, &nameserver,
      N_("Ask only this name server, e.g. 192.0.2.53:53"), N_("HOST:PORT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the result as one JSON object"), NULL },
    { "server", 0, 0, G_OPTION_ARG_STRING, &server,
      N_("Without --service: the E-Mail Pro server for the autodiscover record, e.g. pro1.mail.ovh.net"), N_("HOST") },
    { "dkim-selector", 0, 0, G_OPTION_ARG_STRING_ARRAY, &selectors,
      N_("Without --service: a DKIM selector to check (repeat for each)"), N_("NAME") },
    { "cname-check", 0, 0, G_OPTION_ARG_STRING, &cname_check,
      N_("Without --service: the label of the ownership CNAME, e.g. a1bcd-check"), N_("LABEL") },
    { "endpoint", 0, 0, G_OPTION_ARG_STRING, &endpoint,
      N_("Use this API endpoint: ovh-eu, ovh-ca, ovh-us or an https URL"), N_("URL") },
    { NULL }
  };
  g_autofree char *domain = NULL;
  g_autofree char *lower = NULL;
  g_autoptr(MpDiagnosisExpectations) expectations = NULL;
  g_autoptr(MpDnsResolver) resolver = NULL;
  g_autoptr(MpDomainDiagnosis) diagnosis = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  MpCliExit usage_status;
  MpCliWaiter waiter;
  int exit_status = DIAGNOSE_EXIT_OK;

  if (!mp_cli_parse_options_with_operand ("diagnose", _("DOMAIN"),
                                          _("Checks the DNS records of DOMAIN for E-Mail Pro on each of its name servers.\n\nExit status: 0 all is well, 1 warnings or work in progress, 2 errors, 3 the domain could not be checked."),
                                          entries, argc, argv, &domain, &usage_status))
    return usage_status == MP_CLI_EXIT_OK ? DIAGNOSE_EXIT_OK : DIAGNOSE_EXIT_NOT_CHECKED;

  lower = g_ascii_strdown (domain, -1);

  resolver = mp_dns_resolver_new_from_environment (&error);
  if (resolver == NULL ||
      (nameserver != NULL && !mp_dns_resolver_set_nameserver (resolver, nameserver, &error)))
    {
      mp_cli_print_error (error);
      return DIAGNOSE_EXIT_NOT_CHECKED;
    }

  if (service != NULL)
    {
      expectations = expectations_from_api (lower, service, endpoint, &exit_status, &error);
      if (expectations == NULL)
        {
          mp_cli_print_error (error);
          return exit_status;
        }
    }
  else
    {
      expectations = mp_diagnosis_expectations_new_defaults (lower, server);
      for (guint i = 0; selectors != NULL && selectors[i] != NULL; i++)
        mp_diagnosis_expectations_add_dkim_selector (expectations, selectors[i], NULL, NULL, NULL, FALSE);
      if (cname_check != NULL)
        mp_diagnosis_expectations_set_ownership (expectations, cname_check, NULL, FALSE);
    }

  mp_cli_waiter_init (&waiter);
  mp_domain_diagnosis_run_async (resolver, expectations, NULL, mp_cli_waiter_callback, &waiter);
  result = mp_cli_waiter_run (&waiter);

  diagnosis = mp_domain_diagnosis_run_finish (result, &error);
  if (diagnosis == NULL)
    {
      mp_cli_print_error (error);
      return DIAGNOSE_EXIT_NOT_CHECKED;
    }

  if (json)
    {
      g_autoptr(JsonNode) node = diagnosis_to_json (diagnosis);

      mp_cli_print_json (node);
    }
  else
    {
      if (mp_domain_diagnosis_get_problem (diagnosis) != NULL)
        g_print ("%s\n\n", mp_domain_diagnosis_get_problem (diagnosis));
      print_diagnosis (diagnosis);
    }

  return exit_status_for (diagnosis);
}
