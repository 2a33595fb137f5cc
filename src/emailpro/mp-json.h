/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-json.h: type-checked reads of the provider's JSON.
 *
 * The provider's answers are trusted for nothing: each getter checks that the member exists
 * and has the expected type, and hands back the caller's default otherwise, so a model never
 * crashes on a missing field, a null or a number sent as a string.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* NULL unless the member is a JSON string. */
const char *mp_json_get_string   (JsonObject *object,
                                  const char *member);
/* The member as an integer when it is a JSON integer (or a whole, in-range double),
 * else default_value. */
gint64      mp_json_get_int      (JsonObject *object,
                                  const char *member,
                                  gint64      default_value);
gboolean    mp_json_get_boolean  (JsonObject *object,
                                  const char *member,
                                  gboolean    default_value);
/* An ISO 8601 date-time string as a GDateTime (UTC when the string has no offset), or NULL. */
GDateTime  *mp_json_get_date_time (JsonObject *object,
                                   const char *member);

/* A sealed copy of object, shared with every caller that asked for an equal one: thousands
 * of accounts carry the same few spamAndVirusConfiguration objects.  Unref when done.  Only
 * value members are compared when hashing, so nested objects still work but share less. */
JsonObject *mp_json_dup_shared_object (JsonObject *object);

/* Replaces *field with a copy of value; TRUE when the text changed. */
gboolean    mp_json_set_string_field (char       **field,
                                      const char  *value);

G_END_DECLS
