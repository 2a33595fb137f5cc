/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-task-tracker-wait.c: waiting for one followed task to end. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "emailpro/mp-task-tracker-private.h"

typedef struct
{
  MpTaskTrackerEntry *entry;
  GTask        *task;
  GCancellable *cancellable;
  gulong        cancelled_id;
  guint         cancelled_idle;
} Waiter;

static void
waiter_free (Waiter *waiter)
{
  if (waiter->cancelled_id != 0)
    g_signal_handler_disconnect (waiter->cancellable, waiter->cancelled_id);
  g_clear_handle_id (&waiter->cancelled_idle, g_source_remove);
  g_clear_object (&waiter->cancellable);
  g_clear_object (&waiter->task);
  g_free (waiter);
}

/* Completes one waiter with the entry's outcome. */
static void
waiter_complete (Waiter *waiter)
{
  MpTaskTrackerEntry *entry = waiter->entry;
  GTask *task = g_steal_pointer (&waiter->task);
  MpTaskStatus status = mp_task_get_status (entry->task);

  waiter_free (waiter);

  if (entry->poll_error != NULL)
    g_task_return_error (task, g_error_copy (entry->poll_error));
  else if (status == MP_TASK_STATUS_DONE)
    g_task_return_boolean (task, TRUE);
  else if (status == MP_TASK_STATUS_CANCELLED)
    g_task_return_new_error (task, MP_TASK_ERROR, MP_TASK_ERROR_CANCELLED,
                             /* Translators: %s is what the task did, e.g. "Add a domain" */
                             _("The provider cancelled this change (%s). Nothing was changed; try again if you still want it."),
                             mp_task_get_function_label (entry->task));
  else
    g_task_return_new_error (task, MP_TASK_ERROR, MP_TASK_ERROR_FAILED,
                             /* Translators: %s is what the task did, e.g. "Add a domain" */
                             _("The provider could not carry out this change (%s). Check the settings and try again, or contact the provider's support."),
                             mp_task_get_function_label (entry->task));
  g_object_unref (task);
}

void
mp_task_tracker_entry_complete_waiters (MpTaskTrackerEntry *entry)
{
  GList *waiters = g_steal_pointer (&entry->waiters);

  for (GList *l = waiters; l != NULL; l = l->next)
    waiter_complete (l->data);
  g_list_free (waiters);
}

void
mp_task_tracker_entry_abandon_waiters (MpTaskTrackerEntry *entry)
{
  /* Waiters outlive the tracker only as cancelled operations. */
  for (GList *l = entry->waiters; l != NULL; l = l->next)
    {
      Waiter *waiter = l->data;
      GTask *task = g_steal_pointer (&waiter->task);

      waiter_free (waiter);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "The task tracker was disposed");
      g_object_unref (task);
    }
  g_clear_pointer (&entry->waiters, g_list_free);
}

/* Waiting for one task.  A cancelled wait ends from an idle: GCancellable handlers run inside
 * g_cancellable_cancel(), where the waiter cannot be disconnected. */

static gboolean
waiter_cancelled_idle (gpointer data)
{
  Waiter *waiter = data;
  MpTaskTrackerEntry *entry = waiter->entry;
  GTask *task;

  waiter->cancelled_idle = 0;
  entry->waiters = g_list_remove (entry->waiters, waiter);
  task = g_steal_pointer (&waiter->task);
  waiter_free (waiter);
  g_task_return_error_if_cancelled (task);
  g_object_unref (task);

  return G_SOURCE_REMOVE;
}

static void
waiter_cancelled (GCancellable *cancellable,
                  gpointer      data)
{
  Waiter *waiter = data;

  if (waiter->cancelled_idle == 0)
    waiter->cancelled_idle = g_idle_add (waiter_cancelled_idle, waiter);
}

void
mp_task_tracker_wait_async (MpTaskTracker       *self,
                            gint64               task_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Waiter *waiter;
  MpTaskTrackerEntry *entry;

  g_return_if_fail (MP_IS_TASK_TRACKER (self));
  g_return_if_fail (task_id > 0);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp_task_tracker_wait_async);

  if (g_task_return_error_if_cancelled (task))
    return;

  mp_task_tracker_follow_id (self, task_id);
  entry = mp_task_tracker_get_entry (self, task_id);

  waiter = g_new0 (Waiter, 1);
  waiter->entry = entry;
  waiter->task = g_steal_pointer (&task);

  if (entry->finished)
    {
      waiter_complete (waiter);
      return;
    }

  if (cancellable != NULL)
    {
      waiter->cancellable = g_object_ref (cancellable);
      waiter->cancelled_id = g_signal_connect (cancellable, "cancelled",
                                               G_CALLBACK (waiter_cancelled), waiter);
    }
  entry->waiters = g_list_append (entry->waiters, waiter);
}

gboolean
mp_task_tracker_wait_finish (MpTaskTracker  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (MP_IS_TASK_TRACKER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mp_task_tracker_wait_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
