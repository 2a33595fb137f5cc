/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-task-tracker.h: follows the provider's tasks until they end.
 *
 * Every write that answers an email.pro.Task hands it to the tracker, which polls
 * GET /email/pro/{service}/task/{id} — first after 1 s, then backing off to every 10 s — until
 * the task is done, error or cancelled, and then emits "task-finished" so the owner can refresh
 * what the task touched.  Pending tasks found at start (GET …/task and the objects'
 * taskPendingId) are followed the same way, which is how tracking survives a restart.
 *
 * The tracker's notion of time comes from an MpTaskClock so tests can drive the back-off with
 * a fake clock instead of sleeping.
 */
#pragma once

#include <gio/gio.h>

#include "api/mp-ovh-client.h"
#include "emailpro/mp-task.h"

G_BEGIN_DECLS

/* Schedules fn after delay_ms; returns an id for cancel.  The default clock uses
 * g_timeout_add; a test clock records the requests and fires them when told. */
typedef struct _MpTaskClock MpTaskClock;
struct _MpTaskClock
{
  guint    (*schedule) (MpTaskClock *clock, guint delay_ms, GSourceFunc fn, gpointer data);
  void     (*cancel)   (MpTaskClock *clock, guint id);
  gpointer   user_data;
};

#define MP_TASK_TRACKER_FIRST_POLL_MS 1000
#define MP_TASK_TRACKER_MAX_POLL_MS   10000

#define MP_TYPE_TASK_TRACKER (mp_task_tracker_get_type ())
G_DECLARE_FINAL_TYPE (MpTaskTracker, mp_task_tracker, MP, TASK_TRACKER, GObject)

MpTaskTracker *mp_task_tracker_new          (MpOvhClient   *client,
                                             const char    *service_name);
/* clock may be NULL for the real main-loop clock; the tracker does not own it. */
void           mp_task_tracker_set_clock    (MpTaskTracker *self,
                                             MpTaskClock   *clock);
/* Recent tasks, newest first: followed ones and finished ones (MpTask items, updated in place).
 * Failed tasks stay in it until the tracker is disposed. */
GListModel    *mp_task_tracker_get_tasks    (MpTaskTracker *self);
/* Number of tasks still being followed (property "pending-count"). */
guint          mp_task_tracker_get_pending_count (MpTaskTracker *self);

/* Starts following a task the API just returned (the JSON answer of a write), or
 * one known only by id (from taskPendingId).  Following a task twice is harmless.
 * Returns the MpTask that will be updated (owned by the tracker). */
MpTask        *mp_task_tracker_follow_json  (MpTaskTracker *self,
                                             JsonNode      *task_json,
                                             GError       **error);
MpTask        *mp_task_tracker_follow_id    (MpTaskTracker *self,
                                             gint64         task_id);
/* The task with that id in the tracker's list, or NULL. */
MpTask        *mp_task_tracker_lookup       (MpTaskTracker *self,
                                             gint64         task_id);

/* Reads GET /email/pro/{service}/task (expanded) and follows every pending one. */
void           mp_task_tracker_resume_async  (MpTaskTracker       *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean       mp_task_tracker_resume_finish (MpTaskTracker       *self,
                                              GAsyncResult        *result,
                                              GError             **error);

/* Waits until that task ends: TRUE when done; FALSE with an MP_TASK_ERROR when it ended in
 * error or was cancelled, or with the client's error when polling failed for good. */
void           mp_task_tracker_wait_async    (MpTaskTracker       *self,
                                              gint64               task_id,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean       mp_task_tracker_wait_finish   (MpTaskTracker       *self,
                                              GAsyncResult        *result,
                                              GError             **error);

#define MP_TASK_ERROR (mp_task_error_quark ())
typedef enum
{
  MP_TASK_ERROR_FAILED,     /* the provider ended the task in "error" */
  MP_TASK_ERROR_CANCELLED,  /* the provider cancelled the task */
} MpTaskError;
GQuark mp_task_error_quark (void);

/* Signals:
 *   "task-finished" (MpTask *task): status is done, error or cancelled.  Emitted once per task. */

G_END_DECLS
