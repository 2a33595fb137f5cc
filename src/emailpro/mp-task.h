/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-task.h: one provider task (email.pro.Task): an asynchronous change and its progress. */
#pragma once

#include <json-glib/json-glib.h>

#include "emailpro/mp-emailpro-enums.h"

G_BEGIN_DECLS

#define MP_TYPE_TASK (mp_task_get_type ())
G_DECLARE_FINAL_TYPE (MpTask, mp_task, MP, TASK, GObject)

MpTask       *mp_task_new_from_json     (JsonNode  *node,
                                         GError   **error);
gboolean      mp_task_update_from_json  (MpTask    *self,
                                         JsonNode  *node,
                                         GError   **error);
gint64        mp_task_get_id            (MpTask *self);
/* The raw "function" value (e.g. "addDomain"), kept as is so unknown values survive. */
const char   *mp_task_get_function      (MpTask *self);
/* A translated label for every email.pro.TaskFunctionEnum value; an unknown value is
 * returned as it is. */
const char   *mp_task_get_function_label (MpTask *self);
/* The same label for a raw function name, for callers that have no MpTask. */
const char   *mp_task_function_get_label (const char *function);
MpTaskStatus  mp_task_get_status        (MpTask *self);
GDateTime    *mp_task_get_todo_date     (MpTask *self);   /* may be NULL */
GDateTime    *mp_task_get_finish_date   (MpTask *self);   /* may be NULL */

G_END_DECLS
