/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sim-reply.h"

/* libsoup has no name for 429 */
#define SIM_STATUS_TOO_MANY_REQUESTS 429

static const char *
status_phrase (guint status)
{
  if (status == SIM_STATUS_TOO_MANY_REQUESTS)
    return "Too Many Requests";
  return soup_status_get_phrase (status);
}

void
sim_reply_json (SoupServerMessage *msg,
                guint              status,
                JsonNode          *node)
{
  g_autofree char *text = json_to_string (node, FALSE);
  gsize len = strlen (text);

  soup_server_message_set_status (msg, status, status_phrase (status));
  soup_server_message_set_response (msg, "application/json; charset=utf-8",
                                    SOUP_MEMORY_TAKE, g_steal_pointer (&text), len);
}

void
sim_reply_json_object (SoupServerMessage *msg,
                       JsonObject        *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  sim_reply_json (msg, SOUP_STATUS_OK, node);
}

void
sim_reply_json_array (SoupServerMessage *msg,
                      JsonArray         *array)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);

  json_node_set_array (node, array);
  sim_reply_json (msg, SOUP_STATUS_OK, node);
}

void
sim_reply_void (SoupServerMessage *msg)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_NULL);

  sim_reply_json (msg, SOUP_STATUS_OK, node);
}

void
sim_reply_auth_error (SoupServerMessage *msg,
                      guint              status,
                      const char        *error_code,
                      const char        *message)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *http_code = g_strdup_printf ("%u %s", status, status_phrase (status));

  json_object_set_string_member (object, "errorCode", error_code);
  json_object_set_string_member (object, "httpCode", http_code);
  json_object_set_string_member (object, "message", message);
  json_node_set_object (node, object);
  sim_reply_json (msg, status, node);
}

void
sim_reply_class_error (SoupServerMessage *msg,
                       guint              status,
                       const char        *error_class,
                       const char        *message)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (object, "class", error_class);
  json_object_set_string_member (object, "message", message);
  json_node_set_object (node, object);
  sim_reply_json (msg, status, node);
}

void
sim_reply_object_missing (SoupServerMessage *msg,
                          const char        *key,
                          const char        *value)
{
  g_autofree char *message = g_strdup_printf ("The requested object (%s = %s) does not exist",
                                              key, value);

  sim_reply_class_error (msg, SOUP_STATUS_NOT_FOUND, "Client::NotFound", message);
}

void
sim_reply_object_or_missing (SoupServerMessage *msg,
                             JsonObject        *object,
                             const char        *key,
                             const char        *value)
{
  if (object == NULL)
    sim_reply_object_missing (msg, key, value);
  else
    sim_reply_json_object (msg, object);
}

void
sim_reply_bad_request (SoupServerMessage *msg,
                       const char        *message)
{
  sim_reply_class_error (msg, SOUP_STATUS_BAD_REQUEST, "Client::BadRequest", message);
}

void
sim_reply_too_many (SoupServerMessage *msg,
                    guint              retry_after_seconds)
{
  g_autofree char *retry_after = g_strdup_printf ("%u", MAX (retry_after_seconds, 1));

  sim_reply_class_error (msg, SIM_STATUS_TOO_MANY_REQUESTS,
                         "Client::TooManyRequests", "Too many requests");
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Retry-After", retry_after);
}

void
sim_reply_status (SoupServerMessage *msg,
                  guint              status)
{
  const char *phrase = status_phrase (status);
  g_autoptr(GString) error_class = g_string_new (status >= 500 ? "Server::" : "Client::");
  gboolean upper = TRUE;

  if (status == SIM_STATUS_TOO_MANY_REQUESTS)
    {
      sim_reply_too_many (msg, 1);
      return;
    }

  /* "Service Unavailable" → "ServiceUnavailable", the provider's class naming */
  for (const char *p = phrase; *p; p++)
    {
      if (!g_ascii_isalnum (*p))
        {
          upper = TRUE;
          continue;
        }
      g_string_append_c (error_class, upper ? g_ascii_toupper (*p) : *p);
      upper = FALSE;
    }

  sim_reply_class_error (msg, status, error_class->str, phrase);
}

void
sim_reply_html (SoupServerMessage *msg,
                guint              status,
                const char        *title,
                const char        *text)
{
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped_text = g_markup_escape_text (text, -1);
  char *page = g_strdup_printf ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                                "<title>%s</title></head>\n<body><h1>%s</h1><p>%s</p></body></html>\n",
                                escaped_title, escaped_title, escaped_text);

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8",
                                    SOUP_MEMORY_TAKE, page, strlen (page));
}

char *
sim_format_date (GDateTime *date)
{
  return g_date_time_format (date, "%Y-%m-%dT%H:%M:%S%:z");
}

char *
sim_format_unix (gint64 unix_seconds)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (unix_seconds);

  return sim_format_date (date);
}

JsonObject *
sim_request_body_object (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  if (len == 0 || !json_parser_load_from_data (parser, data, len, &error))
    {
      sim_reply_bad_request (msg, "Invalid JSON received");
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      sim_reply_bad_request (msg, "Invalid JSON received: an object was expected");
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}
