/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "emailpro/mp-emailpro-enums.h"

/* One row per value: the provider's spelling and the label people see.  Row 0 of every
 * table is the …_UNKNOWN value, which is what an unlisted spelling maps to. */
typedef struct
{
  int         value;
  const char *api_name;
  const char *label;
} EnumEntry;

static const EnumEntry service_states[] = {
  { MP_SERVICE_STATE_UNKNOWN,        "unknown",       N_("Unknown state") },
  { MP_SERVICE_STATE_CREATING,       "creating",      N_("Being created") },
  { MP_SERVICE_STATE_DELETING,       "deleting",      N_("Being deleted") },
  { MP_SERVICE_STATE_IN_MAINTENANCE, "inMaintenance", N_("In maintenance") },
  { MP_SERVICE_STATE_OK,             "ok",            N_("Active") },
  { MP_SERVICE_STATE_REOPENING,      "reopening",     N_("Being reopened") },
  { MP_SERVICE_STATE_SUSPENDED,      "suspended",     N_("Suspended") },
  { MP_SERVICE_STATE_SUSPENDING,     "suspending",    N_("Being suspended") },
};

static const EnumEntry server_states[] = {
  { MP_SERVER_STATE_UNKNOWN,               "unknown",              N_("Unknown state") },
  { MP_SERVER_STATE_CONFIGURATION_PENDING, "configurationPending", N_("Configuration pending") },
  { MP_SERVER_STATE_NOT_CONFIGURED,        "notConfigured",        N_("Not configured") },
  { MP_SERVER_STATE_OK,                    "ok",                   N_("Ready") },
};

static const EnumEntry object_states[] = {
  { MP_OBJECT_STATE_UNKNOWN,    "unknown",    N_("Unknown state") },
  { MP_OBJECT_STATE_CREATING,   "creating",   N_("Being created") },
  { MP_OBJECT_STATE_DELETING,   "deleting",   N_("Being deleted") },
  { MP_OBJECT_STATE_OK,         "ok",         N_("Active") },
  { MP_OBJECT_STATE_REOPENING,  "reopening",  N_("Being reopened") },
  { MP_OBJECT_STATE_SUSPENDED,  "suspended",  N_("Suspended") },
  { MP_OBJECT_STATE_SUSPENDING, "suspending", N_("Being suspended") },
};

static const EnumEntry task_statuses[] = {
  { MP_TASK_STATUS_UNKNOWN,   "unknown",   N_("Unknown status") },
  { MP_TASK_STATUS_TODO,      "todo",      N_("Waiting") },
  { MP_TASK_STATUS_DOING,     "doing",     N_("In progress") },
  { MP_TASK_STATUS_DONE,      "done",      N_("Done") },
  { MP_TASK_STATUS_ERROR,     "error",     N_("Failed") },
  { MP_TASK_STATUS_CANCELLED, "cancelled", N_("Cancelled") },
};

static const EnumEntry *
find_by_name (const EnumEntry *table,
              gsize            n_entries,
              const char      *api_name)
{
  if (api_name != NULL)
    {
      for (gsize i = 1; i < n_entries; i++)
        if (strcmp (table[i].api_name, api_name) == 0)
          return &table[i];
    }

  return &table[0];
}

static const EnumEntry *
find_by_value (const EnumEntry *table,
               gsize            n_entries,
               int              value)
{
  for (gsize i = 0; i < n_entries; i++)
    if (table[i].value == value)
      return &table[i];

  return &table[0];
}

#define FROM_STRING(table, name) \
  (find_by_name ((table), G_N_ELEMENTS (table), (name))->value)
#define TO_STRING(table, value) \
  (find_by_value ((table), G_N_ELEMENTS (table), (value))->api_name)
#define TO_LABEL(table, value) \
  (_(find_by_value ((table), G_N_ELEMENTS (table), (value))->label))

MpServiceState
mp_service_state_from_string (const char *value)
{
  return FROM_STRING (service_states, value);
}

const char *
mp_service_state_to_string (MpServiceState state)
{
  return TO_STRING (service_states, state);
}

const char *
mp_service_state_to_label (MpServiceState state)
{
  return TO_LABEL (service_states, state);
}

MpServerState
mp_server_state_from_string (const char *value)
{
  return FROM_STRING (server_states, value);
}

const char *
mp_server_state_to_string (MpServerState state)
{
  return TO_STRING (server_states, state);
}

const char *
mp_server_state_to_label (MpServerState state)
{
  return TO_LABEL (server_states, state);
}

MpObjectState
mp_object_state_from_string (const char *value)
{
  return FROM_STRING (object_states, value);
}

const char *
mp_object_state_to_string (MpObjectState state)
{
  return TO_STRING (object_states, state);
}

const char *
mp_object_state_to_label (MpObjectState state)
{
  return TO_LABEL (object_states, state);
}

MpTaskStatus
mp_task_status_from_string (const char *value)
{
  return FROM_STRING (task_statuses, value);
}

const char *
mp_task_status_to_string (MpTaskStatus status)
{
  return TO_STRING (task_statuses, status);
}

const char *
mp_task_status_to_label (MpTaskStatus status)
{
  return TO_LABEL (task_statuses, status);
}

gboolean
mp_task_status_is_final (MpTaskStatus status)
{
  return status == MP_TASK_STATUS_DONE ||
         status == MP_TASK_STATUS_ERROR ||
         status == MP_TASK_STATUS_CANCELLED;
}
