/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sim-control.h"
#include "sim-reply.h"

static void
handle_validate (SimRequest *request)
{
  const char *token = sim_request_get_query (request, "credentialToken");
  gboolean refuse = g_strcmp0 (sim_request_get_query (request, "refuse"), "1") == 0;
  SimCredential *credential = token ? sim_state_find_token (request->state, token) : NULL;

  if (credential == NULL)
    {
      sim_reply_html (request->msg, SOUP_STATUS_NOT_FOUND, "Unknown credential",
                      "This validation link is not valid.");
      return;
    }

  g_free (credential->state);
  credential->state = g_strdup (refuse ? "refused" : "validated");
  g_message ("credential %" G_GINT64_FORMAT " %s", credential->credential_id, credential->state);

  /* No redirect to credential->redirection: whoever opens this page (often a test's
   * HTTP session) must never be sent off the loopback interface. */
  sim_reply_html (request->msg, SOUP_STATUS_OK,
                  refuse ? "Access refused" : "Access granted",
                  refuse ? "The application was refused access. You can close this page."
                         : "The application may now use your account. You can close this page.");
}

static void
handle_credential_state (SimRequest *request)
{
  const char *consumer_key = sim_request_get_param (request, "consumerKey");
  SimCredential *credential = sim_state_find_consumer_key (request->state, consumer_key);
  g_autoptr(JsonObject) body = NULL;
  const char *state;

  if (credential == NULL)
    {
      sim_reply_class_error (request->msg, SOUP_STATUS_NOT_FOUND, "Client::NotFound",
                             "This credential does not exist");
      return;
    }
  if ((body = sim_request_body_object (request->msg)) == NULL)
    return;

  state = json_object_get_string_member_with_default (body, "state", NULL);
  if (!sim_credential_state_is_valid (state))
    {
      sim_reply_bad_request (request->msg, "state must be one of validated, pendingValidation, refused, expired");
      return;
    }

  g_free (credential->state);
  credential->state = g_strdup (state);
  if (g_str_equal (state, "expired"))
    credential->expiration = sim_state_now (request->state);
  else
    credential->expiration = 0;
  sim_reply_void (request->msg);
}

static void
handle_clock_skew (SimRequest *request)
{
  g_autoptr(JsonObject) body = sim_request_body_object (request->msg);
  JsonNode *seconds;

  if (body == NULL)
    return;

  seconds = json_object_get_member (body, "seconds");
  if (seconds == NULL || json_node_get_value_type (seconds) != G_TYPE_INT64)
    {
      sim_reply_bad_request (request->msg, "seconds must be an integer");
      return;
    }
  request->state->clock_skew = json_node_get_int (seconds);
  sim_reply_void (request->msg);
}

static void
handle_add_fault (SimRequest *request)
{
  g_autoptr(JsonObject) body = sim_request_body_object (request->msg);
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  g_autofree char *rate = NULL;
  JsonNode *node;

  if (body == NULL)
    return;

  /* status and rate may be given as numbers or as text ("cut", "x3") */
  node = json_object_get_member (body, "status");
  if (node != NULL && json_node_get_value_type (node) == G_TYPE_INT64)
    status = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  else if (node != NULL && json_node_get_value_type (node) == G_TYPE_STRING)
    status = g_strdup (json_node_get_string (node));

  node = json_object_get_member (body, "rate");
  if (node == NULL)
    rate = g_strdup ("1");
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    rate = g_strdup (json_node_get_string (node));
  else if (JSON_NODE_HOLDS_VALUE (node))
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      rate = g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
    }

  if (!sim_faults_add (sim_server_get_faults (request->server),
                       json_object_get_string_member_with_default (body, "method", "*"),
                       json_object_get_string_member_with_default (body, "path", NULL),
                       status, rate, &error))
    {
      sim_reply_bad_request (request->msg, error->message);
      return;
    }
  sim_reply_void (request->msg);
}

static void
handle_clear_faults (SimRequest *request)
{
  sim_faults_clear (sim_server_get_faults (request->server));
  sim_reply_void (request->msg);
}

static void
handle_stats (SimRequest *request)
{
  g_autoptr(JsonObject) stats = sim_server_get_stats (request->server);

  sim_reply_json_object (request->msg, stats);
}

static void
handle_reset_stats (SimRequest *request)
{
  sim_server_reset_stats (request->server);
  sim_reply_void (request->msg);
}

static void
handle_state (SimRequest *request)
{
  g_autoptr(JsonNode) node = sim_state_to_json (request->state);

  sim_reply_json (request->msg, SOUP_STATUS_OK, node);
}

void
sim_control_register (SimRouter *router)
{
  sim_router_add (router, "GET", "/sim/validate", SIM_ROUTE_UNSIGNED, handle_validate);
  sim_router_add (router, "POST", "/sim/credential/{consumerKey}/state", SIM_ROUTE_UNSIGNED, handle_credential_state);
  sim_router_add (router, "POST", "/sim/clock-skew", SIM_ROUTE_UNSIGNED, handle_clock_skew);
  sim_router_add (router, "POST", "/sim/fault", SIM_ROUTE_UNSIGNED, handle_add_fault);
  sim_router_add (router, "DELETE", "/sim/fault", SIM_ROUTE_UNSIGNED, handle_clear_faults);
  sim_router_add (router, "GET", "/sim/stats", SIM_ROUTE_UNSIGNED, handle_stats);
  sim_router_add (router, "POST", "/sim/reset-stats", SIM_ROUTE_UNSIGNED, handle_reset_stats);
  sim_router_add (router, "GET", "/sim/state", SIM_ROUTE_UNSIGNED, handle_state);
}
