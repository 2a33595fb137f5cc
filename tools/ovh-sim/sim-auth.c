/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sim-auth.h"
#include "sim-reply.h"

char *
sim_auth_signature (const char *application_secret,
                    const char *consumer_key,
                    const char *method,
                    const char *url,
                    GBytes     *body,
                    const char *timestamp)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  const char * const before_body[] = { application_secret, consumer_key, method, url };
  gsize body_len = 0;
  const guchar *body_data = body ? g_bytes_get_data (body, &body_len) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (before_body); i++)
    {
      g_checksum_update (checksum, (const guchar *) before_body[i], -1);
      g_checksum_update (checksum, (const guchar *) "+", 1);
    }
  if (body_len > 0)
    g_checksum_update (checksum, body_data, body_len);
  g_checksum_update (checksum, (const guchar *) "+", 1);
  g_checksum_update (checksum, (const guchar *) timestamp, -1);

  return g_strconcat ("$1$", g_checksum_get_string (checksum), NULL);
}

gboolean
sim_auth_rule_matches (const char *rule_path,
                       const char *path)
{
  if (*rule_path == '\0')
    return *path == '\0';

  if (*rule_path == '*')
    {
      for (const char *rest = path; ; rest++)
        {
          if (sim_auth_rule_matches (rule_path + 1, rest))
            return TRUE;
          if (*rest == '\0')
            return FALSE;
        }
    }

  return *rule_path == *path && sim_auth_rule_matches (rule_path + 1, path + 1);
}

static gboolean
rules_grant (JsonArray  *rules,
             const char *method,
             const char *path)
{
  for (guint i = 0; rules != NULL && i < json_array_get_length (rules); i++)
    {
      JsonNode *node = json_array_get_element (rules, i);
      JsonObject *rule;
      const char *rule_method, *rule_path;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      rule = json_node_get_object (node);
      rule_method = json_object_get_string_member_with_default (rule, "method", "");
      rule_path = json_object_get_string_member_with_default (rule, "path", "");
      if (g_ascii_strcasecmp (rule_method, method) == 0 && sim_auth_rule_matches (rule_path, path))
        return TRUE;
    }
  return FALSE;
}

/* scheme://Host + the path and query as received, not re-encoded: any client that signs
 * what it sends must match byte for byte. */
static char *
received_url (SimRequest *request)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (request->msg);
  GUri *uri = soup_server_message_get_uri (request->msg);
  const char *host = soup_message_headers_get_one (headers, "Host");
  const char *query = g_uri_get_query (uri);

  if (request->target != NULL)
    return g_strconcat (sim_server_is_tls (request->server) ? "https" : "http", "://",
                        host ? host : "", request->target, NULL);

  /* Not seen on the wire (see sim-wire.h): libsoup's parse is the best there is. */
  return g_strconcat (sim_server_is_tls (request->server) ? "https" : "http", "://",
                      host ? host : "", g_uri_get_path (uri),
                      query ? "?" : "", query ? query : "", NULL);
}

gboolean
sim_auth_authenticate (SimRequest *request)
{
  SoupServerMessage *msg = request->msg;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *application_key = soup_message_headers_get_one (headers, "X-Ovh-Application");
  const char *consumer_key = soup_message_headers_get_one (headers, "X-Ovh-Consumer");
  const char *timestamp = soup_message_headers_get_one (headers, "X-Ovh-Timestamp");
  const char *signature = soup_message_headers_get_one (headers, "X-Ovh-Signature");
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autofree char *url = NULL;
  g_autofree char *expected = NULL;
  SimCredential *application;
  SimCredential *credential;
  gint64 sent_time;
  gint64 now = sim_state_now (request->state);

  if (application_key == NULL || consumer_key == NULL)
    {
      sim_reply_auth_error (msg, SOUP_STATUS_UNAUTHORIZED, "NOT_AUTHENTICATED",
                            "You must login first");
      return FALSE;
    }

  application = sim_state_find_application (request->state, application_key);
  if (application == NULL)
    {
      sim_reply_auth_error (msg, SOUP_STATUS_FORBIDDEN, "INVALID_KEY",
                            "This application key is invalid");
      return FALSE;
    }

  if (signature == NULL)
    {
      sim_reply_auth_error (msg, SOUP_STATUS_BAD_REQUEST, "INVALID_SIGNATURE",
                            "Invalid signature");
      return FALSE;
    }

  if (timestamp == NULL ||
      !g_ascii_string_to_signed (timestamp, 10, 0, G_MAXINT64, &sent_time, NULL) ||
      ABS (sent_time - now) > SIM_AUTH_TIME_WINDOW)
    {
      sim_reply_auth_error (msg, SOUP_STATUS_BAD_REQUEST, "QUERY_TIME_OUT",
                            "Query out of time");
      return FALSE;
    }

  credential = sim_state_find_consumer_key (request->state, consumer_key);
  if (credential == NULL || g_strcmp0 (credential->application_key, application_key) != 0)
    {
      sim_reply_auth_error (msg, SOUP_STATUS_FORBIDDEN, "NOT_CREDENTIAL",
                            "This credential does not exist");
      return FALSE;
    }

  url = received_url (request);
  expected = sim_auth_signature (application->application_secret, consumer_key,
                                 request->method, url, body, timestamp);
  if (strcmp (expected, signature) != 0)
    {
      g_debug ("signature mismatch for %s %s (body %zu bytes, target %s)", request->method, url, body ? g_bytes_get_size (body) : 0, request->target ? request->target : "(none)");
      sim_reply_auth_error (msg, SOUP_STATUS_BAD_REQUEST, "INVALID_SIGNATURE",
                            "Invalid signature");
      return FALSE;
    }

  if (g_str_equal (credential->state, "validated") &&
      credential->expiration != 0 && credential->expiration <= now)
    {
      g_free (credential->state);
      credential->state = g_strdup ("expired");
    }

  if (!g_str_equal (credential->state, "validated"))
    {
      const char *message = "This credential is not valid";

      if (g_str_equal (credential->state, "refused"))
        message = "This credential has been refused";
      else if (g_str_equal (credential->state, "expired"))
        message = "This credential has expired";
      sim_reply_auth_error (msg, SOUP_STATUS_FORBIDDEN, "INVALID_CREDENTIAL", message);
      return FALSE;
    }

  /* The /auth routes describe the credential itself; every validated key may call them. */
  if (!g_str_has_prefix (request->path, "/auth/") &&
      !rules_grant (credential->rules, request->method, request->path))
    {
      sim_reply_auth_error (msg, SOUP_STATUS_FORBIDDEN, "NOT_GRANTED_CALL",
                            "This call has not been granted");
      return FALSE;
    }

  credential->last_use = now;
  request->credential = credential;
  return TRUE;
}

static void
handle_time (SimRequest *request)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);

  json_node_set_int (node, sim_state_now (request->state));
  sim_reply_json (request->msg, SOUP_STATUS_OK, node);
}

static gboolean
access_rules_valid (JsonNode *node)
{
  static const char * const methods[] = { "DELETE", "GET", "POST", "PUT", NULL };
  JsonArray *rules;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;

  rules = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      JsonNode *element = json_array_get_element (rules, i);
      JsonObject *rule;
      JsonNode *method, *path;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return FALSE;
      rule = json_node_get_object (element);
      method = json_object_get_member (rule, "method");
      path = json_object_get_member (rule, "path");
      if (method == NULL || json_node_get_value_type (method) != G_TYPE_STRING ||
          !g_strv_contains (methods, json_node_get_string (method)) ||
          path == NULL || json_node_get_value_type (path) != G_TYPE_STRING ||
          json_node_get_string (path)[0] != '/')
        return FALSE;
    }
  return TRUE;
}

static void
handle_request_credential (SimRequest *request)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (request->msg);
  const char *application_key = soup_message_headers_get_one (headers, "X-Ovh-Application");
  SimCredential *application = application_key
    ? sim_state_find_application (request->state, application_key) : NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonObject) answer = NULL;
  g_autofree char *validation_url = NULL;
  SimCredential *credential;

  if (application == NULL)
    {
      sim_reply_auth_error (request->msg, SOUP_STATUS_FORBIDDEN, "INVALID_KEY",
                            "This application key is invalid");
      return;
    }

  if ((body = sim_request_body_object (request->msg)) == NULL)
    return;
  if (!access_rules_valid (json_object_get_member (body, "accessRules")))
    {
      sim_reply_bad_request (request->msg,
                             "[accessRules] Missing or invalid: a list of {method, path} was expected");
      return;
    }

  credential = sim_state_add_credential (request->state);
  credential->application_key = g_strdup (application_key);
  credential->application_secret = g_strdup (application->application_secret);
  credential->application_id = application->application_id;
  credential->consumer_key = sim_server_random_string (request->server, 32);
  credential->state = g_strdup ("pendingValidation");
  credential->rules = json_array_ref (json_object_get_array_member (body, "accessRules"));
  credential->token = sim_server_random_string (request->server, 32);
  credential->redirection = g_strdup (json_object_get_string_member_with_default (body, "redirection", NULL));

  validation_url = g_strdup_printf ("%s/sim/validate?credentialToken=%s",
                                    sim_server_get_root_url (request->server), credential->token);

  answer = json_object_new ();
  json_object_set_string_member (answer, "state", credential->state);
  json_object_set_string_member (answer, "validationUrl", validation_url);
  json_object_set_string_member (answer, "consumerKey", credential->consumer_key);
  sim_reply_json_object (request->msg, answer);
}

static void
handle_current_credential (SimRequest *request)
{
  g_autoptr(JsonObject) object = sim_credential_to_json (request->credential);

  sim_reply_json_object (request->msg, object);
}

void
sim_auth_register (SimRouter *router)
{
  sim_router_add (router, "GET", "/auth/time", SIM_ROUTE_UNSIGNED, handle_time);
  sim_router_add (router, "POST", "/auth/credential", SIM_ROUTE_UNSIGNED, handle_request_credential);
  sim_router_add (router, "GET", "/auth/currentCredential", SIM_ROUTE_SIGNED, handle_current_credential);
}
