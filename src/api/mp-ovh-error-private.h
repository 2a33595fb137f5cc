/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-ovh-error-private.h: turning the provider's answers into MP_OVH_ERROR, inside src/api/ only. */
#pragma once

#include <json-glib/json-glib.h>

#include "mp-ovh-error.h"

G_BEGIN_DECLS

/* A string member of a JSON object node, or NULL when node is no object or the member is
 * missing or not a string: the provider's answers are checked, never trusted. */
const char *mp_ovh_json_get_string (JsonNode   *node,
                                    const char *member);

/* The error with the one sentence that goes with code (not for NOT_GRANTED, which names the call). */
GError *mp_ovh_error_new_for_code     (MpOvhError    code);

/* A non-2xx answer.  body is the parsed answer or NULL when it was not JSON.  The provider's
 * errorCode (or class) is returned in provider_code when asked for; details go to g_debug. */
GError *mp_ovh_error_new_for_response (guint         status,
                                       const char   *method,
                                       const char   *path,
                                       JsonNode     *body,
                                       const char   *query_id,
                                       char        **provider_code);

/* A transport failure (no answer at all).  G_IO_ERROR_CANCELLED is kept as it is. */
GError *mp_ovh_error_new_for_transport (const GError *error,
                                        const char   *method,
                                        const char   *path);

G_END_DECLS
