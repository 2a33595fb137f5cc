/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-emailpro-enums.h: the provider's enums (reference/emailpro-openapi.json) as C enums.
 *
 * Parsing is tolerant: a value the schema does not list becomes …_UNKNOWN, never an error,
 * because the provider adds values over time.  GTypes come from mkenums (mp-enum-types.h).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* email.pro.ServiceStateEnum */
typedef enum
{
  MP_SERVICE_STATE_UNKNOWN,
  MP_SERVICE_STATE_CREATING,
  MP_SERVICE_STATE_DELETING,
  MP_SERVICE_STATE_IN_MAINTENANCE,
  MP_SERVICE_STATE_OK,
  MP_SERVICE_STATE_REOPENING,
  MP_SERVICE_STATE_SUSPENDED,
  MP_SERVICE_STATE_SUSPENDING,
} MpServiceState;

/* email.pro.ServerStateEnum */
typedef enum
{
  MP_SERVER_STATE_UNKNOWN,
  MP_SERVER_STATE_CONFIGURATION_PENDING,
  MP_SERVER_STATE_NOT_CONFIGURED,
  MP_SERVER_STATE_OK,
} MpServerState;

/* email.pro.ObjectStateEnum */
typedef enum
{
  MP_OBJECT_STATE_UNKNOWN,
  MP_OBJECT_STATE_CREATING,
  MP_OBJECT_STATE_DELETING,
  MP_OBJECT_STATE_OK,
  MP_OBJECT_STATE_REOPENING,
  MP_OBJECT_STATE_SUSPENDED,
  MP_OBJECT_STATE_SUSPENDING,
} MpObjectState;

/* email.pro.TaskStatusEnum */
typedef enum
{
  MP_TASK_STATUS_UNKNOWN,
  MP_TASK_STATUS_TODO,
  MP_TASK_STATUS_DOING,
  MP_TASK_STATUS_DONE,
  MP_TASK_STATUS_ERROR,
  MP_TASK_STATUS_CANCELLED,
} MpTaskStatus;

MpServiceState  mp_service_state_from_string  (const char *value);
const char     *mp_service_state_to_label     (MpServiceState state);   /* translated */
MpServerState   mp_server_state_from_string   (const char *value);
const char     *mp_server_state_to_label      (MpServerState state);    /* translated */
MpObjectState   mp_object_state_from_string   (const char *value);
const char     *mp_object_state_to_label      (MpObjectState state);    /* translated */
MpTaskStatus    mp_task_status_from_string    (const char *value);
const char     *mp_task_status_to_label       (MpTaskStatus status);    /* translated */

/* The provider's own spelling ("inMaintenance"), for scripts (mailpost --json);
 * "unknown" for …_UNKNOWN. */
const char     *mp_service_state_to_string    (MpServiceState state);
const char     *mp_server_state_to_string     (MpServerState state);
const char     *mp_object_state_to_string     (MpObjectState state);
const char     *mp_task_status_to_string      (MpTaskStatus status);
gboolean        mp_task_status_is_final       (MpTaskStatus status);

G_END_DECLS
