/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-tasks-window.h: the recent tasks of the service, as the task tracker knows them: what
 * each does, its status, start and finish.  Failed tasks stay listed until the session ends. */
#pragma once

#include <adwaita.h>

#include "emailpro/mp-task-tracker.h"

G_BEGIN_DECLS

#define MP_TYPE_TASKS_WINDOW (mp_tasks_window_get_type ())
G_DECLARE_FINAL_TYPE (MpTasksWindow, mp_tasks_window, MP, TASKS_WINDOW, AdwWindow)

MpTasksWindow *mp_tasks_window_new         (GtkWindow     *parent,
                                            MpTaskTracker *tracker);
MpTaskTracker *mp_tasks_window_get_tracker (MpTasksWindow *self);

G_END_DECLS
