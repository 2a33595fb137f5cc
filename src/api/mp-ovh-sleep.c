/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mp-ovh-client-private.h"

typedef struct
{
  GSource *timeout_source;
  GSource *cancel_source;
} Sleep;

static void
sleep_free (gpointer data)
{
  Sleep *sleep = data;

  if (sleep->timeout_source != NULL)
    {
      g_source_destroy (sleep->timeout_source);
      g_source_unref (sleep->timeout_source);
    }
  if (sleep->cancel_source != NULL)
    {
      g_source_destroy (sleep->cancel_source);
      g_source_unref (sleep->cancel_source);
    }
  g_free (sleep);
}

/* Whichever source fires first ends the sleep; the task's own reference goes with it. */
static void
sleep_end (GTask *task)
{
  Sleep *sleep = g_task_get_task_data (task);

  g_source_destroy (sleep->timeout_source);
  if (sleep->cancel_source != NULL)
    g_source_destroy (sleep->cancel_source);

  if (!g_task_return_error_if_cancelled (task))
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static gboolean
on_sleep_timeout (gpointer user_data)
{
  sleep_end (user_data);

  return G_SOURCE_REMOVE;
}

static gboolean
on_sleep_cancelled (GCancellable *cancellable,
                    gpointer      user_data)
{
  sleep_end (user_data);

  return G_SOURCE_REMOVE;
}

void
mp_ovh_sleep_async (guint                milliseconds,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  GTask *task;
  Sleep *sleep;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp_ovh_sleep_async);

  sleep = g_new0 (Sleep, 1);
  g_task_set_task_data (task, sleep, sleep_free);

  sleep->timeout_source = g_timeout_source_new (milliseconds);
  g_source_set_callback (sleep->timeout_source, on_sleep_timeout, task, NULL);
  g_source_attach (sleep->timeout_source, g_task_get_context (task));

  if (cancellable != NULL)
    {
      sleep->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (sleep->cancel_source, G_SOURCE_FUNC (on_sleep_cancelled), task, NULL);
      g_source_attach (sleep->cancel_source, g_task_get_context (task));
    }
}

gboolean
mp_ovh_sleep_finish (GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
