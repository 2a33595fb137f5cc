/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-json-models: every JSON shape the client reads (service, server, task, domain,
 * account, alias, account diagnosis, order, DKIM selector), built from the input and then
 * updated from it, and each element of an array the same way (lists arrive as arrays). */
#include "config.h"

#include <json-glib/json-glib.h>

#include "emailpro/mp-account-alias.h"
#include "emailpro/mp-account-diagnosis.h"
#include "emailpro/mp-account-order.h"
#include "emailpro/mp-account.h"
#include "emailpro/mp-dkim-selector.h"
#include "emailpro/mp-domain.h"
#include "emailpro/mp-server.h"
#include "emailpro/mp-service.h"
#include "emailpro/mp-task.h"
#include "mp-fuzz.h"

/* Each model from node, then the same object updated from node again (a refresh). */
static void
read_models (JsonNode *node)
{
  {
    g_autoptr(MpService) service = mp_service_new_from_json (node, NULL);
    if (service != NULL)
      mp_service_update_from_json (service, node, NULL);
  }
  {
    g_autoptr(MpServer) server = mp_server_new_from_json (node, NULL);
    if (server != NULL)
      mp_server_update_from_json (server, node, NULL);
  }
  {
    g_autoptr(MpTask) task = mp_task_new_from_json (node, NULL);
    if (task != NULL)
      mp_task_update_from_json (task, node, NULL);
  }
  {
    g_autoptr(MpDomain) domain = mp_domain_new_from_json (node, NULL);
    if (domain != NULL)
      mp_domain_update_from_json (domain, node, NULL);
  }
  {
    g_autoptr(MpAccount) account = mp_account_new_from_json (node, NULL);
    if (account != NULL)
      mp_account_update_from_json (account, node, NULL);
  }
  {
    MpAccountAlias *alias = mp_account_alias_new_from_json (node, NULL);
    MpAccountDiagnosis *diagnosis = mp_account_diagnosis_new_from_json (node, NULL);
    MpAccountOrder *order = mp_account_order_new_from_json (node, NULL);

    g_clear_object (&alias);
    g_clear_object (&diagnosis);
    g_clear_pointer (&order, mp_account_order_free);
  }
  {
    g_autoptr(MpDkimSelector) selector = mp_dkim_selector_new ("mpsel1");
    mp_dkim_selector_update_from_json (selector, node, NULL);
  }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;

  mp_fuzz_init ();
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, (const char *) data, size, NULL))
    return 0;
  root = json_parser_get_root (parser);
  if (root == NULL)
    return 0;

  read_models (root);
  if (JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        read_models (json_array_get_element (array, i));
    }
  return 0;
}
