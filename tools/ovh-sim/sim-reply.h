/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sim-reply.h: the provider's answer shapes — JSON bodies, the two error shapes
 * (auth layer {errorCode, httpCode, message}, business {class, message}) and the
 * date format used in every model. */
#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

void  sim_reply_json           (SoupServerMessage *msg,
                                guint              status,
                                JsonNode          *node);
void  sim_reply_json_object    (SoupServerMessage *msg,
                                JsonObject        *object);
void  sim_reply_json_array     (SoupServerMessage *msg,
                                JsonArray         *array);
/* A "void" route answers a JSON null, as the provider does. */
void  sim_reply_void           (SoupServerMessage *msg);
void  sim_reply_auth_error     (SoupServerMessage *msg,
                                guint              status,
                                const char        *error_code,
                                const char        *message);
void  sim_reply_class_error    (SoupServerMessage *msg,
                                guint              status,
                                const char        *error_class,
                                const char        *message);
/* 404 "The requested object (key = value) does not exist" */
void  sim_reply_object_missing (SoupServerMessage *msg,
                                const char        *key,
                                const char        *value);
/* object, or the 404 above when it is NULL */
void  sim_reply_object_or_missing (SoupServerMessage *msg,
                                   JsonObject        *object,
                                   const char        *key,
                                   const char        *value);
void  sim_reply_bad_request    (SoupServerMessage *msg,
                                const char        *message);
/* Any status with the class the provider would use for it ("Server::BadGateway"). */
void  sim_reply_status         (SoupServerMessage *msg,
                                guint              status);
void  sim_reply_too_many       (SoupServerMessage *msg,
                                guint              retry_after_seconds);
void  sim_reply_html           (SoupServerMessage *msg,
                                guint              status,
                                const char        *title,
                                const char        *text);

/* "2024-05-01T10:00:00+00:00" */
char *sim_format_date          (GDateTime         *date);
char *sim_format_unix          (gint64             unix_seconds);

/* Parses a request body as one JSON object; NULL (and a 400 answer) otherwise. */
JsonObject *sim_request_body_object (SoupServerMessage *msg);

G_END_DECLS
