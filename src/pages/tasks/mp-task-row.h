/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-task-row.h: one provider task in the tasks view: what it does, its status as an icon and
 * a word (a spinner while it runs), when it started and finished.  Failed tasks stand out. */
#pragma once

#include <adwaita.h>

#include "emailpro/mp-task.h"

G_BEGIN_DECLS

#define MP_TYPE_TASK_ROW (mp_task_row_get_type ())
G_DECLARE_FINAL_TYPE (MpTaskRow, mp_task_row, MP, TASK_ROW, AdwActionRow)

MpTaskRow *mp_task_row_new     (MpTask    *task);
MpTask    *mp_task_row_get_task (MpTaskRow *self);
/* Relative times ("2 minutes ago") age: the view calls this now and then. */
void       mp_task_row_update  (MpTaskRow *self);

G_END_DECLS
