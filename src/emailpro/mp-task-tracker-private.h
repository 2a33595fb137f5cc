/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-task-tracker-private.h: what the tracker's polling (mp-task-tracker.c) and its waits
 * (mp-task-tracker-wait.c) share. */
#pragma once

#include "emailpro/mp-task-tracker.h"

G_BEGIN_DECLS

/* One followed task.  It lives as long as the tracker: finished tasks stay in the list. */
typedef struct
{
  MpTaskTracker *tracker;   /* not owned: entries die with the tracker */
  MpTask        *task;
  guint          delay_ms;  /* the wait before the next poll */
  guint          timer_id;  /* the clock's id, 0 when no poll is scheduled */
  gboolean       polling;   /* a GET is on the wire */
  gboolean       finished;  /* final status seen (or polling failed for good) */
  GError        *poll_error;
  GList         *waiters;   /* Waiter */
} MpTaskTrackerEntry;


/* The entry of a followed task, or NULL. */
MpTaskTrackerEntry *mp_task_tracker_get_entry              (MpTaskTracker      *self,
                                                            gint64              task_id);
/* Completes every wait with the entry's outcome (it is finished). */
void                mp_task_tracker_entry_complete_waiters (MpTaskTrackerEntry *entry);
/* Ends every wait as cancelled: the tracker goes away. */
void                mp_task_tracker_entry_abandon_waiters  (MpTaskTrackerEntry *entry);

G_END_DECLS
