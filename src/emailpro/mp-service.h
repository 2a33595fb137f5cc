/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-service.h: one E-Mail Pro service (email.pro.ServiceNativeWithIAM). */
#pragma once

#include <json-glib/json-glib.h>

#include "emailpro/mp-emailpro-enums.h"

G_BEGIN_DECLS

#define MP_TYPE_SERVICE (mp_service_get_type ())
G_DECLARE_FINAL_TYPE (MpService, mp_service, MP, SERVICE, GObject)

/* Tolerant: a missing or wrongly typed optional field takes its default (numbers that the
 * schema marks nullable become -1), an unknown enum value becomes …_UNKNOWN.  Fails with
 * MP_OVH_ERROR_MALFORMED only when node is not an object or "domain" (the service's name,
 * the key of every route) is missing. */
MpService      *mp_service_new_from_json             (JsonNode   *node,
                                                      GError    **error);
/* Updates in place from a newer answer, notifying only what changed. */
gboolean        mp_service_update_from_json          (MpService  *self,
                                                      JsonNode   *node,
                                                      GError    **error);

const char     *mp_service_get_name                  (MpService *self);  /* "domain": emailpro-xx1-1 */
const char     *mp_service_get_display_name          (MpService *self);  /* may be NULL */
const char     *mp_service_get_title                 (MpService *self);  /* display name, else name */
const char     *mp_service_get_hostname              (MpService *self);  /* may be NULL */
const char     *mp_service_get_web_url               (MpService *self);  /* may be NULL */
const char     *mp_service_get_offer                 (MpService *self);
MpServiceState  mp_service_get_state                 (MpService *self);
gboolean        mp_service_get_complexity_enabled    (MpService *self);
gint64          mp_service_get_min_password_length   (MpService *self);  /* -1: not set */
gint64          mp_service_get_min_password_age      (MpService *self);  /* days, -1 */
gint64          mp_service_get_max_password_age      (MpService *self);  /* days, -1 */
gint64          mp_service_get_lockout_threshold     (MpService *self);  /* -1 */
gint64          mp_service_get_lockout_duration      (MpService *self);  /* minutes */
gint64          mp_service_get_lockout_observation_window (MpService *self); /* minutes */
gint64          mp_service_get_max_send_size         (MpService *self);  /* MB */
gint64          mp_service_get_max_receive_size      (MpService *self);  /* MB */
gint64          mp_service_get_task_pending_id       (MpService *self);  /* 0: none */

/* The password and lockout policy as translated sentences, e.g.
 * "At least 9 characters, with upper- and lower-case letters and digits." */
char           *mp_service_describe_password_policy  (MpService *self);
char           *mp_service_describe_lockout_policy   (MpService *self);

/* Rule of the provider's panel for the display name: 5 to 250 characters.  Returns a
 * translated reason or NULL when valid. */
char           *mp_service_check_display_name        (const char *display_name);

G_END_DECLS
