/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <string.h>

#include "mp-ovh-error-private.h"

G_DEFINE_QUARK (mp-ovh-error-quark, mp_ovh_error)

gboolean
mp_ovh_error_needs_sign_in (const GError *error)
{
  if (error == NULL || error->domain != MP_OVH_ERROR)
    return FALSE;

  switch ((MpOvhError) error->code)
    {
    case MP_OVH_ERROR_INVALID_KEY:
    case MP_OVH_ERROR_INVALID_SIGNATURE:
    case MP_OVH_ERROR_CREDENTIAL_REFUSED:
    case MP_OVH_ERROR_CREDENTIAL_EXPIRED:
    case MP_OVH_ERROR_INVALID_CREDENTIAL:
      return TRUE;

    case MP_OVH_ERROR_FAILED:
    case MP_OVH_ERROR_NETWORK:
    case MP_OVH_ERROR_TLS:
    case MP_OVH_ERROR_MALFORMED:
    case MP_OVH_ERROR_CREDENTIAL_PENDING:
    case MP_OVH_ERROR_NOT_GRANTED:
    case MP_OVH_ERROR_FORBIDDEN:
    case MP_OVH_ERROR_QUERY_TIME_OUT:
    case MP_OVH_ERROR_BAD_REQUEST:
    case MP_OVH_ERROR_NOT_FOUND:
    case MP_OVH_ERROR_CONFLICT:
    case MP_OVH_ERROR_SERVICE_EXPIRED:
    case MP_OVH_ERROR_RATE_LIMITED:
    case MP_OVH_ERROR_SERVER:
    default:
      return FALSE;
    }
}

/* One sentence per code, written for a shop owner: what happened and what to do next. */
static const char *
message_for_code (MpOvhError code)
{
  switch (code)
    {
    case MP_OVH_ERROR_NETWORK:
      return _("Mailpost could not reach the OVHcloud API. Check your internet connection and try again.");
    case MP_OVH_ERROR_TLS:
      return _("The OVHcloud API server could not be verified as genuine, so Mailpost did not connect. Check your network and try again.");
    case MP_OVH_ERROR_MALFORMED:
      return _("The OVHcloud API sent an answer Mailpost could not understand. Try again later.");
    case MP_OVH_ERROR_INVALID_KEY:
      return _("OVHcloud does not know this application key. Check the application key, or create a new one, and sign in again.");
    case MP_OVH_ERROR_INVALID_SIGNATURE:
      return _("OVHcloud refused the request because the application secret is wrong. Check the application secret and sign in again.");
    case MP_OVH_ERROR_CREDENTIAL_PENDING:
      return _("The sign-in has not been confirmed yet. Confirm it on the OVHcloud page that opened in your browser.");
    case MP_OVH_ERROR_CREDENTIAL_REFUSED:
      return _("The sign-in was refused on the OVHcloud page. Sign in again and confirm the access to continue.");
    case MP_OVH_ERROR_CREDENTIAL_EXPIRED:
    case MP_OVH_ERROR_INVALID_CREDENTIAL:
      return _("Your sign-in has expired or was revoked. Sign in again.");
    case MP_OVH_ERROR_NOT_GRANTED:
      return _("Mailpost is not allowed to make this call with these keys. Sign in again to grant it.");
    case MP_OVH_ERROR_FORBIDDEN:
      return _("Your OVHcloud account does not allow this change. Ask the account’s administrator for the right, then try again.");
    case MP_OVH_ERROR_QUERY_TIME_OUT:
      return _("OVHcloud refused the request because this computer’s clock is wrong. Set the date and time correctly, then try again.");
    case MP_OVH_ERROR_BAD_REQUEST:
      return _("OVHcloud did not accept the values sent. Check what you entered and try again.");
    case MP_OVH_ERROR_NOT_FOUND:
      return _("This item does not exist at OVHcloud any more. Refresh to see the current state.");
    case MP_OVH_ERROR_CONFLICT:
      return _("Another change to this item is still in progress at OVHcloud. Wait until it is done, then try again.");
    case MP_OVH_ERROR_SERVICE_EXPIRED:
      return _("This service has expired. Renew it in the OVHcloud control panel to manage it again.");
    case MP_OVH_ERROR_RATE_LIMITED:
      return _("OVHcloud is receiving too many requests from Mailpost right now. Wait a minute, then try again.");
    case MP_OVH_ERROR_SERVER:
      return _("The OVHcloud API is having trouble right now. Try again in a few minutes.");
    case MP_OVH_ERROR_FAILED:
    default:
      return _("The OVHcloud API could not complete the request. Try again later.");
    }
}

GError *
mp_ovh_error_new_for_code (MpOvhError code)
{
  return g_error_new_literal (MP_OVH_ERROR, code, message_for_code (code));
}

static GError *
new_not_granted (const char *method,
                 const char *path)
{
  g_autofree char *plain_path = NULL;
  const char *query;

  if (method == NULL || path == NULL)
    return mp_ovh_error_new_for_code (MP_OVH_ERROR_NOT_GRANTED);

  query = strchr (path, '?');
  plain_path = g_uri_unescape_segment (path, query, NULL);
  if (plain_path == NULL)
    plain_path = query != NULL ? g_strndup (path, query - path) : g_strdup (path);

  return g_error_new (MP_OVH_ERROR, MP_OVH_ERROR_NOT_GRANTED,
                      /* Translators: the first %s is an HTTP method (GET, POST…), the second an API path. */
                      _("Mailpost is not allowed to %s %s with these keys. Sign in again to grant it."),
                      method, plain_path);
}

const char *
mp_ovh_json_get_string (JsonNode   *node,
                        const char *member)
{
  JsonNode *value;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  value = json_object_get_member (json_node_get_object (node), member);
  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (value);
}

static gboolean
has_prefix_or_equal (const char *value,
                     const char *wanted)
{
  return value != NULL && g_str_has_prefix (value, wanted);
}

/* The provider gives INVALID_CREDENTIAL with one message per state ("not valid", "refused",
 * "expired"); the words are all there is to tell them apart. */
static MpOvhError
code_for_invalid_credential (const char *message)
{
  g_autofree char *lower = message != NULL ? g_ascii_strdown (message, -1) : NULL;

  if (lower != NULL && strstr (lower, "refused") != NULL)
    return MP_OVH_ERROR_CREDENTIAL_REFUSED;
  if (lower != NULL && strstr (lower, "expired") != NULL)
    return MP_OVH_ERROR_CREDENTIAL_EXPIRED;

  return MP_OVH_ERROR_INVALID_CREDENTIAL;
}

static MpOvhError
code_for_response (guint       status,
                   const char *error_code,
                   const char *error_class,
                   const char *message)
{
  if (error_code != NULL)
    {
      if (g_str_equal (error_code, "QUERY_TIME_OUT"))
        return MP_OVH_ERROR_QUERY_TIME_OUT;
      if (g_str_equal (error_code, "INVALID_SIGNATURE"))
        return MP_OVH_ERROR_INVALID_SIGNATURE;
      if (g_str_equal (error_code, "INVALID_KEY"))
        return MP_OVH_ERROR_INVALID_KEY;
      if (g_str_equal (error_code, "INVALID_CREDENTIAL"))
        return code_for_invalid_credential (message);
      if (g_str_equal (error_code, "NOT_CREDENTIAL"))
        return MP_OVH_ERROR_INVALID_CREDENTIAL;
      if (g_str_equal (error_code, "NOT_GRANTED_CALL"))
        return MP_OVH_ERROR_NOT_GRANTED;
      if (g_str_equal (error_code, "FORBIDDEN"))
        return MP_OVH_ERROR_FORBIDDEN;
    }

  if (has_prefix_or_equal (error_class, "Client::Forbidden"))
    return MP_OVH_ERROR_FORBIDDEN;
  if (has_prefix_or_equal (error_class, "Client::NotFound"))
    return MP_OVH_ERROR_NOT_FOUND;
  if (has_prefix_or_equal (error_class, "Client::Conflict"))
    return MP_OVH_ERROR_CONFLICT;

  switch (status)
    {
    case 400:
      return MP_OVH_ERROR_BAD_REQUEST;
    case 401:
      return MP_OVH_ERROR_INVALID_CREDENTIAL;
    case 403:
      return MP_OVH_ERROR_FORBIDDEN;
    case 404:
      return MP_OVH_ERROR_NOT_FOUND;
    case 409:
      return MP_OVH_ERROR_CONFLICT;
    case 429:
      return MP_OVH_ERROR_RATE_LIMITED;
    case 460:
      return MP_OVH_ERROR_SERVICE_EXPIRED;
    default:
      if (status >= 500 && status <= 599)
        return MP_OVH_ERROR_SERVER;
      return MP_OVH_ERROR_FAILED;
    }
}

GError *
mp_ovh_error_new_for_response (guint        status,
                               const char  *method,
                               const char  *path,
                               JsonNode    *body,
                               const char  *query_id,
                               char       **provider_code)
{
  const char *error_code = mp_ovh_json_get_string (body, "errorCode");
  const char *error_class = mp_ovh_json_get_string (body, "class");
  const char *message = mp_ovh_json_get_string (body, "message");
  MpOvhError code;

  code = code_for_response (status, error_code, error_class, message);

  /* The provider's own words are for support, not for the person in front of the window. */
  g_debug ("%s %s failed: HTTP %u, %s, \"%s\" (query id %s)",
           method, path, status,
           error_code != NULL ? error_code : error_class != NULL ? error_class : "no error code",
           message != NULL ? message : "",
           query_id != NULL ? query_id : "none");

  if (provider_code != NULL)
    *provider_code = g_strdup (error_code != NULL ? error_code : error_class);

  if (code == MP_OVH_ERROR_NOT_GRANTED)
    return new_not_granted (method, path);

  return mp_ovh_error_new_for_code (code);
}

GError *
mp_ovh_error_new_for_transport (const GError *error,
                                const char   *method,
                                const char   *path)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  g_debug ("%s %s failed without an answer: %s", method, path, error->message);

  if (error->domain == G_TLS_ERROR)
    return mp_ovh_error_new_for_code (MP_OVH_ERROR_TLS);

  return mp_ovh_error_new_for_code (MP_OVH_ERROR_NETWORK);
}
