/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The simulator itself, over real HTTP: it must be the provider's stand-in the other
 * tests believe it is. */
#include "config.h"

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "mp-test-sim.h"

#define APP_KEY "testAppKey0001aa"
#define APP_SECRET "testAppSecret0001aaaaaaaaaaaaaaa"
#define CK_VALIDATED "testCkValidated0001aaaaaaaaaaaaa"
#define CK_NARROW "testCkNarrow0001aaaaaaaaaaaaaaaa"
#define CK_PENDING "testCkPending0001aaaaaaaaaaaaaaa"
#define CK_REFUSED "testCkRefused0001aaaaaaaaaaaaaaa"
#define CK_EXPIRED "testCkExpired0001aaaaaaaaaaaaaaa"
#define OTHER_APP_KEY "testAppKey0002bb"
#define OTHER_APP_SECRET "testAppSecret0002bbbbbbbbbbbbbbb"

/* Vectors computed by hand (sha1sum of the joined string), timestamp 1700000000 */
#define VECTOR_TIME 1700000000
#define VECTOR_LIST_SIGNATURE "$1$c32cbf7190d5017cc275a896fceb4494ac0b4abf"
#define VECTOR_ENCODED_SIGNATURE "$1$2f17580723eeb4158f264bd2a2da8e083e095d42"
#define VECTOR_DECODED_SIGNATURE "$1$85b48869716cbb7ac944779cfaa22a12ba56431e"

typedef struct
{
  guint       status;
  char       *body;
  char       *retry_after;
  char       *elements;
  JsonNode   *json;
} Answer;

static void
answer_free (Answer *answer)
{
  g_free (answer->body);
  g_free (answer->retry_after);
  g_free (answer->elements);
  g_clear_pointer (&answer->json, json_node_unref);
  g_free (answer);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Answer, answer_free)

static char *
sign (const char *secret,
      const char *consumer_key,
      const char *method,
      const char *url,
      const char *body,
      gint64      timestamp)
{
  g_autofree char *joined = g_strdup_printf ("%s+%s+%s+%s+%s+%" G_GINT64_FORMAT, secret,
                                             consumer_key, method, url, body ? body : "", timestamp);
  g_autofree char *hex = g_compute_checksum_for_string (G_CHECKSUM_SHA1, joined, -1);

  return g_strconcat ("$1$", hex, NULL);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;
  return json_node_copy (json_parser_get_root (parser));
}

static Answer *
send_message (SoupMessage *msg)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  Answer *answer = g_new0 (Answer, 1);

  bytes = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);

  headers = soup_message_get_response_headers (msg);
  answer->status = soup_message_get_status (msg);
  answer->body = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  answer->retry_after = g_strdup (soup_message_headers_get_one (headers, "Retry-After"));
  answer->elements = g_strdup (soup_message_headers_get_one (headers, "X-Pagination-Elements"));
  answer->json = parse_json (answer->body);
  if (g_str_has_prefix (g_uri_get_path (soup_message_get_uri (msg)), "/1.0/"))
    g_assert_nonnull (soup_message_headers_get_one (headers, "X-Ovh-Queryid"));
  return answer;
}

/* A signed call as any client would make it; time_offset shifts our clock. */
static Answer *
call_full (MpTestSim   *sim,
           const char  *method,
           const char  *path,
           const char  *body,
           const char  *app_key,
           const char  *secret,
           const char  *consumer_key,
           gint64       time_offset,
           const char  *pagination_size,
           const char  *pagination_number)
{
  g_autofree char *url = g_strconcat (mp_test_sim_get_base_url (sim), path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC + time_offset;
  g_autofree char *signature = sign (secret, consumer_key, method, url, body, now);
  g_autofree char *timestamp = g_strdup_printf ("%" G_GINT64_FORMAT, now);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);

  soup_message_headers_replace (headers, "X-Ovh-Application", app_key);
  soup_message_headers_replace (headers, "X-Ovh-Consumer", consumer_key);
  soup_message_headers_replace (headers, "X-Ovh-Timestamp", timestamp);
  soup_message_headers_replace (headers, "X-Ovh-Signature", signature);
  if (pagination_size != NULL)
    {
      soup_message_headers_replace (headers, "X-Pagination-Mode", "CachedObjectList-Pages");
      soup_message_headers_replace (headers, "X-Pagination-Size", pagination_size);
      soup_message_headers_replace (headers, "X-Pagination-Number", pagination_number);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  return send_message (msg);
}

static Answer *
call (MpTestSim  *sim,
      const char *method,
      const char *path,
      const char *body)
{
  return call_full (sim, method, path, body, APP_KEY, APP_SECRET, CK_VALIDATED, 0, NULL, NULL);
}

static Answer *
call_unsigned (MpTestSim  *sim,
               const char *method,
               const char *url,
               const char *app_key,
               const char *body)
{
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);

  if (app_key != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Ovh-Application", app_key);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  return send_message (msg);
}

static const char *
member_string (JsonNode   *node,
               const char *member)
{
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_get_string_member_with_default (json_node_get_object (node), member, NULL);
}

static void
assert_auth_error (Answer     *answer,
                   guint       status,
                   const char *error_code,
                   const char *message)
{
  g_autofree char *http_code = g_strdup_printf ("%u %s", status,
                                                status == 400 ? "Bad Request" :
                                                status == 401 ? "Unauthorized" : "Forbidden");

  g_assert_cmpuint (answer->status, ==, status);
  g_assert_cmpstr (member_string (answer->json, "errorCode"), ==, error_code);
  g_assert_cmpstr (member_string (answer->json, "httpCode"), ==, http_code);
  g_assert_cmpstr (member_string (answer->json, "message"), ==, message);
}

static void
assert_class_error (Answer     *answer,
                    guint       status,
                    const char *error_class)
{
  g_assert_cmpuint (answer->status, ==, status);
  g_assert_cmpstr (member_string (answer->json, "class"), ==, error_class);
  g_assert_nonnull (member_string (answer->json, "message"));
}

/* Sends bytes we wrote ourselves, so Host and the request target are exactly ours. */
static char *
raw_request (MpTestSim  *sim,
             const char *target,
             const char *signature)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GUri) uri = g_uri_parse (mp_test_sim_get_root_url (sim), G_URI_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *request = NULL;
  g_autoptr(GByteArray) answer = g_byte_array_new ();
  guint8 buffer[4096];
  gssize n;

  connection = g_socket_client_connect_to_host (client, g_uri_get_host (uri), g_uri_get_port (uri),
                                                NULL, &error);
  g_assert_no_error (error);

  request = g_strdup_printf ("GET %s HTTP/1.1\r\n"
                             "Host: eu.api.ovh.com\r\n"
                             "X-Ovh-Application: " APP_KEY "\r\n"
                             "X-Ovh-Consumer: " CK_VALIDATED "\r\n"
                             "X-Ovh-Timestamp: %d\r\n"
                             "X-Ovh-Signature: %s\r\n"
                             "Connection: close\r\n\r\n",
                             target, VECTOR_TIME, signature);
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                             request, strlen (request), NULL, NULL, &error);
  g_assert_no_error (error);

  while ((n = g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (connection)),
                                   buffer, sizeof buffer, NULL, &error)) > 0)
    g_byte_array_append (answer, buffer, n);
  g_assert_no_error (error);
  g_byte_array_append (answer, (const guint8 *) "", 1);

  return g_strdup ((const char *) answer->data);
}

/* The simulator's clock set to the vectors' timestamp */
static MpTestSim *
start_at_vector_time (void)
{
  g_autofree char *skew = g_strdup_printf ("%" G_GINT64_FORMAT,
                                           (gint64) VECTOR_TIME - g_get_real_time () / G_USEC_PER_SEC);
  const char * const args[] = { "--clock-skew", skew, NULL };

  return mp_test_sim_start ("test-basic", args);
}

static void
test_signature_vector_accepted (void)
{
  g_autoptr(MpTestSim) sim = start_at_vector_time ();
  g_autofree char *answer = raw_request (sim, "/1.0/email/pro", VECTOR_LIST_SIGNATURE);

  g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 200"));
  g_assert_nonnull (strstr (answer, "[\"emailpro-test-1\",\"emailpro-test-2\"]"));
}

static void
test_signature_vector_wrong_refused (void)
{
  g_autoptr(MpTestSim) sim = start_at_vector_time ();
  g_autofree char *wrong = sign ("not-the-secret", CK_VALIDATED, "GET",
                                 "http://eu.api.ovh.com/1.0/email/pro", NULL, VECTOR_TIME);
  g_autofree char *answer = raw_request (sim, "/1.0/email/pro", wrong);

  g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 400"));
  g_assert_nonnull (strstr (answer, "{\"errorCode\":\"INVALID_SIGNATURE\",\"httpCode\":\"400 Bad Request\","
                                    "\"message\":\"Invalid signature\"}"));
}

static void
test_signature_uses_url_as_sent (void)
{
  g_autoptr(MpTestSim) sim = start_at_vector_time ();
  const char *target = "/1.0/email/pro/emailpro-test-1/account/alice%40one.example";
  g_autofree char *as_sent = raw_request (sim, target, VECTOR_ENCODED_SIGNATURE);
  g_autofree char *decoded = raw_request (sim, target, VECTOR_DECODED_SIGNATURE);

  g_assert_true (g_str_has_prefix (as_sent, "HTTP/1.1 200"));
  g_assert_nonnull (strstr (as_sent, "\"primaryEmailAddress\":\"alice@one.example\""));
  g_assert_true (g_str_has_prefix (decoded, "HTTP/1.1 400"));
}

static void
test_auth_errors (void)
{
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic", NULL);
  g_autofree char *list_url = g_strconcat (mp_test_sim_get_base_url (sim), "/email/pro", NULL);
  struct {
    const char *consumer_key;
    guint status;
    const char *code;
    const char *message;
  } cases[] = {
    { "unknownConsumerKey000000000000000", 403, "NOT_CREDENTIAL", "This credential does not exist" },
    { CK_PENDING, 403, "INVALID_CREDENTIAL", "This credential is not valid" },
    { CK_REFUSED, 403, "INVALID_CREDENTIAL", "This credential has been refused" },
    { CK_EXPIRED, 403, "INVALID_CREDENTIAL", "This credential has expired" },
    { CK_NARROW, 403, "NOT_GRANTED_CALL", "This call has not been granted" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(Answer) answer = call_full (sim, "GET", "/email/pro", NULL, APP_KEY, APP_SECRET,
                                            cases[i].consumer_key, 0, NULL, NULL);
      assert_auth_error (answer, cases[i].status, cases[i].code, cases[i].message);
    }

  {
    /* The narrow key may still describe itself. */
    g_autoptr(Answer) answer = call_full (sim, "GET", "/auth/currentCredential", NULL, APP_KEY, APP_SECRET,
                                          CK_NARROW, 0, NULL, NULL);
    g_assert_cmpuint (answer->status, ==, 200);
    g_assert_cmpstr (member_string (answer->json, "status"), ==, "validated");
  }
  {
    g_autoptr(Answer) answer = call_unsigned (sim, "GET", list_url, APP_KEY, NULL);

    assert_auth_error (answer, 401, "NOT_AUTHENTICATED", "You must login first");
  }
  {
    g_autoptr(SoupMessage) msg = soup_message_new ("GET", list_url);
    g_autoptr(Answer) answer = NULL;

    soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Ovh-Application", "unknownAppKey000");
    soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Ovh-Consumer", CK_VALIDATED);
    soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Ovh-Timestamp", "0");
    soup_message_headers_replace (soup_message_get_request_headers (msg), "X-Ovh-Signature", "$1$0");
    answer = send_message (msg);
    assert_auth_error (answer, 403, "INVALID_KEY", "This application key is invalid");
  }
  {
    g_autoptr(Answer) answer = call (sim, "GET", "/email/pro/emailpro-nope", NULL);
    assert_class_error (answer, 404, "Client::NotFound");
    g_assert_cmpstr (member_string (answer->json, "message"), ==, "This service does not exist");
  }
}

static void
test_expansion_pages (void)
{
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic", NULL);
  g_autoptr(Answer) ids = call (sim, "GET", "/email/pro/emailpro-test-1/account", NULL);
  g_autoptr(Answer) page = call_full (sim, "GET", "/email/pro/emailpro-test-1/account", NULL,
                                      APP_KEY, APP_SECRET, CK_VALIDATED, 0, "2", "3");
  g_autoptr(Answer) all = call_full (sim, "GET", "/email/pro", NULL,
                                     APP_KEY, APP_SECRET, CK_VALIDATED, 0, "5000", "1");
  g_autoptr(Answer) filtered = call (sim, "GET", "/email/pro/emailpro-test-1/account?primaryEmailAddress=%25%40one.example", NULL);
  JsonArray *array;

  g_assert_cmpuint (ids->status, ==, 200);
  array = json_node_get_array (ids->json);
  g_assert_cmpuint (json_array_get_length (array), ==, 5);
  g_assert_cmpstr (json_array_get_string_element (array, 0), ==, "alice@one.example");
  g_assert_null (ids->elements);

  g_assert_cmpuint (page->status, ==, 200);
  g_assert_cmpstr (page->elements, ==, "5");
  array = json_node_get_array (page->json);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (array, 0), "configured"));

  g_assert_cmpstr (all->elements, ==, "2");
  array = json_node_get_array (all->json);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "displayName"),
                   ==, "Test Service Two");

  array = json_node_get_array (filtered->json);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
}

static void
test_no_expand (void)
{
  const char * const args[] = { "--no-expand", NULL };
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic", args);
  g_autoptr(Answer) page = call_full (sim, "GET", "/email/pro/emailpro-test-1/account", NULL,
                                      APP_KEY, APP_SECRET, CK_VALIDATED, 0, "2", "1");
  JsonArray *array = json_node_get_array (page->json);

  g_assert_null (page->elements);
  g_assert_cmpuint (json_array_get_length (array), ==, 5);
  g_assert_cmpint (json_node_get_value_type (json_array_get_element (array, 0)), ==, G_TYPE_STRING);
}

static void
test_fault_first_n (void)
{
  const char * const args[] = { "--fault", "GET:/email/pro=500:x2", NULL };
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic", args);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(Answer) answer = call (sim, "GET", "/email/pro", NULL);
      assert_class_error (answer, 500, "Server::InternalServerError");
    }
  {
    g_autoptr(Answer) answer = call (sim, "GET", "/email/pro", NULL);
    g_assert_cmpuint (answer->status, ==, 200);
  }
  {
    /* Faults can also be set while running. */
    g_autoptr(JsonNode) added = mp_test_sim_control (sim, "POST", "/sim/fault",
                                                      "{\"method\":\"*\",\"path\":\"/email/pro/*\","
                                                      "\"status\":\"malformed\",\"rate\":\"x1\"}");
    g_autoptr(Answer) broken = call (sim, "GET", "/email/pro/emailpro-test-1", NULL);
    g_autoptr(Answer) fine = call (sim, "GET", "/email/pro/emailpro-test-1", NULL);

    g_assert_cmpuint (broken->status, ==, 200);
    g_assert_null (broken->json);
    g_assert_cmpuint (fine->status, ==, 200);
    g_assert_nonnull (fine->json);
  }
  {
    g_autoptr(JsonNode) added = mp_test_sim_control (sim, "POST", "/sim/fault",
                                                      "{\"method\":\"GET\",\"path\":\"/auth/time\","
                                                      "\"status\":\"cut\",\"rate\":\"x1\"}");
    g_autofree char *url = g_strconcat (mp_test_sim_get_base_url (sim), "/auth/time", NULL);
    g_autoptr(SoupSession) session = soup_session_new ();
    g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GError) error = NULL;

    bytes = soup_session_send_and_read (session, msg, NULL, &error);
    g_assert_nonnull (error);
  }
}

static void
test_validate_flow (void)
{
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic", NULL);
  g_autofree char *url = g_strconcat (mp_test_sim_get_base_url (sim), "/auth/credential", NULL);
  g_autoptr(Answer) asked = call_unsigned (sim, "POST", url, OTHER_APP_KEY,
                                           "{\"accessRules\":[{\"method\":\"GET\",\"path\":\"/email/pro*\"}]}");
  const char *consumer_key = member_string (asked->json, "consumerKey");
  const char *validation_url = member_string (asked->json, "validationUrl");
  g_autofree char *prefix = g_strconcat (mp_test_sim_get_root_url (sim), "/sim/validate?credentialToken=", NULL);

  g_assert_cmpuint (asked->status, ==, 200);
  g_assert_cmpstr (member_string (asked->json, "state"), ==, "pendingValidation");
  g_assert_cmpuint (strlen (consumer_key), ==, 32);
  g_assert_true (g_str_has_prefix (validation_url, prefix));

  {
    g_autoptr(Answer) pending = call_full (sim, "GET", "/auth/currentCredential", NULL, OTHER_APP_KEY,
                                           OTHER_APP_SECRET, consumer_key, 0, NULL, NULL);
    g_autoptr(Answer) other_app = call_full (sim, "GET", "/auth/currentCredential", NULL, APP_KEY,
                                             APP_SECRET, consumer_key, 0, NULL, NULL);

    assert_auth_error (pending, 403, "INVALID_CREDENTIAL", "This credential is not valid");
    /* A consumer key only exists for the application that asked for it. */
    assert_auth_error (other_app, 403, "NOT_CREDENTIAL", "This credential does not exist");
  }
  {
    g_autoptr(SoupMessage) page = soup_message_new ("GET", validation_url);
    g_autoptr(Answer) validated = NULL;
    g_autoptr(Answer) answer = send_message (page);
    g_autoptr(JsonNode) state = mp_test_sim_control (sim, "GET", "/sim/state", NULL);
    JsonArray *credentials = json_object_get_array_member (json_node_get_object (state), "credentials");
    gboolean found = FALSE;

    g_assert_cmpuint (answer->status, ==, 200);
    for (guint i = 0; i < json_array_get_length (credentials); i++)
      {
        JsonObject *credential = json_array_get_object_element (credentials, i);
        if (g_strcmp0 (json_object_get_string_member (credential, "consumer_key"), consumer_key) == 0)
          {
            g_assert_cmpstr (json_object_get_string_member (credential, "state"), ==, "validated");
            g_assert_cmpstr (json_object_get_string_member (credential, "application_key"), ==, OTHER_APP_KEY);
            found = TRUE;
          }
      }
    g_assert_true (found);

    validated = call_full (sim, "GET", "/auth/currentCredential", NULL, OTHER_APP_KEY,
                           OTHER_APP_SECRET, consumer_key, 0, NULL, NULL);
    g_assert_cmpuint (validated->status, ==, 200);
    g_assert_cmpstr (member_string (validated->json, "status"), ==, "validated");
  }
  {
    g_autoptr(Answer) bad_body = call_unsigned (sim, "POST", url, OTHER_APP_KEY, "{\"accessRules\":[{\"method\":\"GOT\"}]}");
    g_autoptr(Answer) bad_key = call_unsigned (sim, "POST", url, "unknownAppKey000", "{\"accessRules\":[]}");

    assert_class_error (bad_body, 400, "Client::BadRequest");
    assert_auth_error (bad_key, 403, "INVALID_KEY", "This application key is invalid");
  }
}

static void
test_credential_state_route (void)
{
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic", NULL);
  g_autoptr(JsonNode) changed = mp_test_sim_control (sim, "POST", "/sim/credential/" CK_VALIDATED "/state",
                                                      "{\"state\":\"expired\"}");
  g_autoptr(Answer) answer = call (sim, "GET", "/auth/currentCredential", NULL);

  assert_auth_error (answer, 403, "INVALID_CREDENTIAL", "This credential has expired");
}

static void
test_clock_skew (void)
{
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic", NULL);
  g_autoptr(JsonNode) skewed = mp_test_sim_control (sim, "POST", "/sim/clock-skew", "{\"seconds\":3600}");
  g_autofree char *url = g_strconcat (mp_test_sim_get_base_url (sim), "/auth/time", NULL);
  g_autoptr(Answer) time_answer = call_unsigned (sim, "GET", url, NULL, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(Answer) stale = call (sim, "GET", "/email/pro", NULL);
  g_autoptr(Answer) resynced = call_full (sim, "GET", "/email/pro", NULL, APP_KEY, APP_SECRET, CK_VALIDATED,
                                          json_node_get_int (time_answer->json) - now, NULL, NULL);

  g_assert_cmpint (ABS (json_node_get_int (time_answer->json) - (now + 3600)), <=, 5);
  assert_auth_error (stale, 400, "QUERY_TIME_OUT", "Query out of time");
  g_assert_cmpuint (resynced->status, ==, 200);
}

static void
test_rate_limit (void)
{
  const char * const args[] = { "--rate-limit", "3", NULL };
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic", args);
  g_autoptr(Answer) limited = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(Answer) answer = call (sim, "GET", "/email/pro", NULL);
      g_assert_cmpuint (answer->status, ==, 200);
    }

  limited = call (sim, "GET", "/email/pro", NULL);
  g_assert_cmpuint (limited->status, ==, 429);
  g_assert_cmpstr (member_string (limited->json, "class"), ==, "Client::TooManyRequests");
  g_assert_cmpstr (member_string (limited->json, "message"), ==, "Too many requests");
  g_assert_nonnull (limited->retry_after);
  g_assert_cmpint (g_ascii_strtoll (limited->retry_after, NULL, 10), >=, 1);
  g_assert_cmpint (g_ascii_strtoll (limited->retry_after, NULL, 10), <=, 60);

  {
    /* The limit is per consumer key. */
    g_autoptr(Answer) other = call_full (sim, "GET", "/auth/currentCredential", NULL, APP_KEY, APP_SECRET,
                                         CK_NARROW, 0, NULL, NULL);
    g_assert_cmpuint (other->status, ==, 200);
  }
}

static void
test_latency_concurrent (void)
{
  const char * const args[] = { "--latency-ms", "200", NULL };
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic", args);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *url = g_strconcat (mp_test_sim_get_base_url (sim), "/auth/time", NULL);
  g_autoptr(SoupMessage) first = soup_message_new ("GET", url);
  g_autoptr(SoupMessage) second = soup_message_new ("GET", url);
  g_autoptr(GAsyncResult) first_result = NULL;
  g_autoptr(GAsyncResult) second_result = NULL;
  g_autoptr(GBytes) first_bytes = NULL;
  g_autoptr(GBytes) second_bytes = NULL;
  g_autoptr(JsonNode) stats = NULL;
  g_autoptr(GError) error = NULL;

  mp_test_sim_reset_stats (sim);
  soup_session_send_and_read_async (session, first, G_PRIORITY_DEFAULT, NULL,
                                    mp_test_store_result, &first_result);
  soup_session_send_and_read_async (session, second, G_PRIORITY_DEFAULT, NULL,
                                    mp_test_store_result, &second_result);
  mp_test_wait_for_result (&first_result, 5000);
  mp_test_wait_for_result (&second_result, 5000);

  first_bytes = soup_session_send_and_read_finish (session, first_result, &error);
  g_assert_no_error (error);
  second_bytes = soup_session_send_and_read_finish (session, second_result, &error);
  g_assert_no_error (error);

  stats = mp_test_sim_control (sim, "GET", "/sim/stats", NULL);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (stats), "requests"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (stats), "peak_in_flight"), ==, 2);
}

static JsonObject *
find_task (Answer *tasks,
           gint64  id)
{
  JsonArray *array = json_node_get_array (tasks->json);

  for (guint i = 0; i < json_array_get_length (array); i++)
    if (json_object_get_int_member (json_array_get_object_element (array, i), "id") == id)
      return json_array_get_object_element (array, i);
  return NULL;
}

static void
test_tasks_progress (void)
{
  const char * const args[] = { "--task-ms", "100", NULL };
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic", args);
  g_autoptr(Answer) accounts = call (sim, "GET", "/email/pro/emailpro-test-1/account?primaryEmailAddress=%25configureme.me", NULL);
  const char *placeholder = json_array_get_string_element (json_node_get_array (accounts->json), 0);
  g_autofree char *escaped = g_uri_escape_string (placeholder, NULL, FALSE);
  g_autofree char *path = g_strconcat ("/email/pro/emailpro-test-1/account/", escaped, NULL);
  g_autoptr(Answer) put = call (sim, "PUT", path, "{\"login\":\"erin\",\"domain\":\"one.example\",\"displayName\":\"Erin\"}");
  g_autoptr(Answer) busy = call (sim, "GET", path, NULL);
  gint64 task_id = json_object_get_int_member (json_node_get_object (busy->json), "taskPendingId");
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  g_autofree char *task_path = g_strdup_printf ("/email/pro/emailpro-test-1/task/%" G_GINT64_FORMAT, task_id);
  g_autofree char *status = NULL;

  g_assert_cmpuint (put->status, ==, 200);
  g_assert_true (JSON_NODE_HOLDS_NULL (put->json));
  g_assert_cmpint (task_id, >, 0);

  {
    g_autoptr(Answer) pending = call_full (sim, "GET", "/email/pro/emailpro-test-1/task", NULL,
                                           APP_KEY, APP_SECRET, CK_VALIDATED, 0, "100", "1");
    JsonObject *task = find_task (pending, task_id);

    g_assert_nonnull (task);
    g_assert_cmpstr (json_object_get_string_member (task, "function"), ==, "setAccount");
  }

  while (g_strcmp0 (status, "done") != 0 && g_get_monotonic_time () < deadline)
    {
      g_autoptr(Answer) task = call (sim, "GET", task_path, NULL);

      g_assert_cmpuint (task->status, ==, 200);
      g_free (status);
      status = g_strdup (member_string (task->json, "status"));
      g_assert_true (g_str_equal (status, "todo") || g_str_equal (status, "doing") ||
                     g_str_equal (status, "done"));
      if (!g_str_equal (status, "done"))
        g_usleep (50 * 1000);
    }
  g_assert_cmpstr (status, ==, "done");

  {
    g_autoptr(Answer) renamed = call (sim, "GET", "/email/pro/emailpro-test-1/account/erin%40one.example", NULL);
    g_autoptr(Answer) gone = call (sim, "GET", path, NULL);
    g_autoptr(Answer) seeded = call (sim, "GET", "/email/pro/emailpro-test-1/task/1003", NULL);

    g_assert_cmpuint (renamed->status, ==, 200);
    g_assert_true (json_object_get_boolean_member (json_node_get_object (renamed->json), "configured"));
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (renamed->json), "taskPendingId"), ==, 0);
    assert_class_error (gone, 404, "Client::NotFound");
    /* Seeded to fail, and it has had time to. */
    g_assert_cmpstr (member_string (seeded->json, "status"), ==, "error");
  }
}

static void
test_put_service (void)
{
  g_autoptr(MpTestSim) sim = mp_test_sim_start ("test-basic", NULL);
  g_autoptr(Answer) too_short = call (sim, "PUT", "/email/pro/emailpro-test-1", "{\"displayName\":\"abcd\"}");
  g_autoptr(Answer) unknown = call (sim, "PUT", "/email/pro/emailpro-test-1", "{\"colour\":\"red\"}");
  g_autoptr(Answer) wrong_type = call (sim, "PUT", "/email/pro/emailpro-test-1", "{\"minPasswordLength\":\"9\"}");
  g_autoptr(Answer) fine = call (sim, "PUT", "/email/pro/emailpro-test-1",
                                 "{\"displayName\":\"<b>Bakery</b> & Co\",\"state\":\"ok\"}");
  g_autoptr(Answer) after = call (sim, "GET", "/email/pro/emailpro-test-1", NULL);

  assert_class_error (too_short, 400, "Client::BadRequest");
  assert_class_error (unknown, 400, "Client::BadRequest");
  assert_class_error (wrong_type, 400, "Client::BadRequest");
  g_assert_cmpuint (fine->status, ==, 200);
  g_assert_cmpstr (member_string (after->json, "displayName"), ==, "<b>Bakery</b> & Co");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mailpost/sim/signature/hand-vector-accepted", test_signature_vector_accepted);
  g_test_add_func ("/mailpost/sim/signature/wrong-secret-refused", test_signature_vector_wrong_refused);
  g_test_add_func ("/mailpost/sim/signature/url-as-sent", test_signature_uses_url_as_sent);
  g_test_add_func ("/mailpost/sim/auth/error-bodies", test_auth_errors);
  g_test_add_func ("/mailpost/sim/auth/validate-flow", test_validate_flow);
  g_test_add_func ("/mailpost/sim/auth/credential-state-route", test_credential_state_route);
  g_test_add_func ("/mailpost/sim/auth/clock-skew", test_clock_skew);
  g_test_add_func ("/mailpost/sim/list/expansion-pages", test_expansion_pages);
  g_test_add_func ("/mailpost/sim/list/no-expand", test_no_expand);
  g_test_add_func ("/mailpost/sim/fault/first-n", test_fault_first_n);
  g_test_add_func ("/mailpost/sim/rate-limit/retry-after", test_rate_limit);
  g_test_add_func ("/mailpost/sim/latency/concurrent", test_latency_concurrent);
  g_test_add_func ("/mailpost/sim/tasks/progress", test_tasks_progress);
  g_test_add_func ("/mailpost/sim/service/put", test_put_service);

  return g_test_run ();
}
