/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-ovh-client.h: one signed-in connection to the provider's API.
 *
 * MpOvhClient owns one long-lived SoupSession.  It signs every call, keeps the delta between
 * the local and the server clock (from /auth/time, resynced once on QUERY_TIME_OUT), maps
 * failures into MP_OVH_ERROR, retries idempotent calls on network errors, 5xx and 429 with
 * backoff (honouring Retry-After), keeps at most MP_OVH_CLIENT_MAX_IN_FLIGHT requests on the
 * wire, and lists collections with the expanded "CachedObjectList-Pages" mode, falling back to
 * ids + one GET per object when the server answers with ids.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define MP_OVH_CLIENT_MAX_IN_FLIGHT 8

typedef enum
{
  MP_OVH_CALL_DEFAULT    = 0,
  MP_OVH_CALL_NO_AUTH    = 1 << 0,  /* unauthenticated route: /auth/time, POST /auth/credential */
  MP_OVH_CALL_NO_RETRY   = 1 << 1,  /* never retry, even a GET */
  MP_OVH_CALL_NO_CACHE   = 1 << 2,  /* send "Pragma: no-cache" (bypass the provider's list cache) */
} MpOvhCallFlags;

typedef enum
{
  MP_OVH_CREDENTIAL_STATE_UNKNOWN,
  MP_OVH_CREDENTIAL_STATE_PENDING_VALIDATION,
  MP_OVH_CREDENTIAL_STATE_VALIDATED,
  MP_OVH_CREDENTIAL_STATE_REFUSED,
  MP_OVH_CREDENTIAL_STATE_EXPIRED,
} MpOvhCredentialState;

#define MP_TYPE_OVH_CLIENT (mp_ovh_client_get_type ())
G_DECLARE_FINAL_TYPE (MpOvhClient, mp_ovh_client, MP, OVH_CLIENT, GObject)

/* base_url as returned by mp_ovh_endpoint_resolve(), e.g. "https://eu.api.ovh.com/1.0". */
MpOvhClient *mp_ovh_client_new                    (const char     *base_url,
                                                   const char     *application_key);
const char  *mp_ovh_client_get_base_url           (MpOvhClient    *self);
const char  *mp_ovh_client_get_application_key    (MpOvhClient    *self);
/* The secret and the consumer key are held in memory only, never logged. */
void         mp_ovh_client_set_secrets            (MpOvhClient    *self,
                                                   const char     *application_secret,
                                                   const char     *consumer_key);
const char  *mp_ovh_client_get_consumer_key       (MpOvhClient    *self);
gboolean     mp_ovh_client_has_secrets            (MpOvhClient    *self);

/* Figures for tests and benchmarks: requests put on the wire (retries and per-object GETs
 * included), and the highest number in flight at once since the last reset. */
guint        mp_ovh_client_get_request_count      (MpOvhClient    *self);
guint        mp_ovh_client_get_peak_in_flight     (MpOvhClient    *self);
void         mp_ovh_client_reset_statistics       (MpOvhClient    *self);

/* One call.  path is relative to the base URL, starts with "/", and has its path segments
 * already escaped (use mp_ovh_client_escape_segment for e-mail addresses and domains); it may
 * carry a query string.  body may be NULL.  The result is the parsed JSON answer; an empty
 * answer (204, or 200 with no body) gives a JSON null node, never NULL without an error. */
void         mp_ovh_client_call_async             (MpOvhClient         *self,
                                                   const char          *method,
                                                   const char          *path,
                                                   JsonNode            *body,
                                                   MpOvhCallFlags       flags,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
JsonNode    *mp_ovh_client_call_finish            (MpOvhClient         *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
/* The same, and on a refusal also the provider's errorCode (or class) and its own "message"
 * (NULL when it sent none), so that an operation can tell refusals apart that share a status
 * (e.g. "authoritative domain detected") and show the provider's words after its own
 * sentence.  The message is the provider's text, never a secret; it is still not logged. */
JsonNode    *mp_ovh_client_call_finish_full       (MpOvhClient         *self,
                                                   GAsyncResult        *result,
                                                   char               **provider_code,
                                                   char               **provider_message,
                                                   GError             **error);

/* A whole collection as full objects: one expanded request (all pages), or, when the server
 * answers with ids (no expansion), one GET per id, at most MP_OVH_CLIENT_MAX_IN_FLIGHT at once.
 * Returns an array whose elements are JSON objects. */
void         mp_ovh_client_list_async             (MpOvhClient         *self,
                                                   const char          *path,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
JsonArray   *mp_ovh_client_list_finish            (MpOvhClient         *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

/* The same listing handed over page by page, for collections too large to hold twice: page_func
 * gets each page's objects in order (borrowed, only for the call; the fallback's objects come
 * as one page) and the page's JSON is freed when it returns.  Pages are smaller than for
 * mp_ovh_client_list_async.  On failure the pages already handed over were not the whole
 * collection. */
typedef void (*MpOvhListPageFunc) (JsonArray *objects,
                                   gpointer   page_data);

void         mp_ovh_client_list_pages_async       (MpOvhClient         *self,
                                                   const char          *path,
                                                   MpOvhListPageFunc    page_func,
                                                   gpointer             page_data,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean     mp_ovh_client_list_pages_finish      (MpOvhClient         *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

/* Consumer-key flow.  request_credential POSTs /auth/credential with Mailpost's access rules
 * (mp_ovh_client_get_access_rules) and returns the new consumer key and the validation URL
 * to open in the browser; the consumer key is also set on the client.  */
void         mp_ovh_client_request_credential_async  (MpOvhClient         *self,
                                                      const char          *redirection,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean     mp_ovh_client_request_credential_finish (MpOvhClient         *self,
                                                      GAsyncResult        *result,
                                                      char               **consumer_key,
                                                      char               **validation_url,
                                                      GError             **error);

/* GET /auth/currentCredential.  A pending key answers 403 INVALID_CREDENTIAL: that is reported
 * as state PENDING_VALIDATION with no error, as the caller is polling for exactly that. */
void         mp_ovh_client_get_credential_state_async  (MpOvhClient         *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
MpOvhCredentialState
             mp_ovh_client_get_credential_state_finish (MpOvhClient         *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);

/* Polls the credential state every interval_ms until it is validated (TRUE), or refused /
 * expired (FALSE with MP_OVH_ERROR_CREDENTIAL_REFUSED / _EXPIRED), or cancelled. */
void         mp_ovh_client_wait_for_validation_async  (MpOvhClient         *self,
                                                       guint                interval_ms,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean     mp_ovh_client_wait_for_validation_finish (MpOvhClient         *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/* The rights Mailpost asks for, as {method, path} pairs, NULL-terminated: "GET", "/email/pro", … */
const char * const *mp_ovh_client_get_access_rules (void);

/* Percent-escapes one path segment ("a@b.example" → "a%40b.example"). */
char        *mp_ovh_client_escape_segment         (const char *segment);

G_END_DECLS
