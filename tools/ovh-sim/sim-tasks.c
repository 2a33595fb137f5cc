/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sim-tasks.h"

gint64
sim_task_get_id (SimTask *task)
{
  return json_object_get_int_member (task->object, "id");
}

gboolean
sim_task_is_pending (SimTask *task)
{
  const char *status = json_object_get_string_member (task->object, "status");

  return g_strcmp0 (status, "todo") == 0 || g_strcmp0 (status, "doing") == 0;
}

void
sim_task_free (SimTask *task)
{
  g_clear_handle_id (&task->source_id, g_source_remove);
  if (task->effect_destroy != NULL)
    task->effect_destroy (task->effect_data);
  g_clear_pointer (&task->target, json_object_unref);
  json_object_unref (task->object);
  g_free (task->final_status);
  g_free (task);
}

static void
sim_task_finish (SimTask *task)
{
  g_autofree char *now = sim_state_now_string (task->state);

  json_object_set_string_member (task->object, "status", task->final_status);
  json_object_set_string_member (task->object, "finishDate", now);

  if (g_strcmp0 (task->final_status, "done") == 0 && task->effect != NULL)
    task->effect (task->service, task->effect_data);
  else if (g_strcmp0 (task->final_status, "error") == 0 && task->error_effect != NULL)
    task->error_effect (task->service, task->effect_data);

  if (task->target != NULL &&
      json_object_get_int_member_with_default (task->target, "taskPendingId", 0) == sim_task_get_id (task))
    json_object_set_int_member (task->target, "taskPendingId", 0);

  g_debug ("task %" G_GINT64_FORMAT " (%s) %s", sim_task_get_id (task),
           json_object_get_string_member (task->object, "function"), task->final_status);
}

static gboolean
sim_task_step (gpointer user_data)
{
  SimTask *task = user_data;
  const char *status = json_object_get_string_member (task->object, "status");

  if (g_strcmp0 (status, "todo") == 0)
    {
      json_object_set_string_member (task->object, "status", "doing");
      return G_SOURCE_CONTINUE;
    }

  task->source_id = 0;
  sim_task_finish (task);
  return G_SOURCE_REMOVE;
}

static void
sim_task_schedule (SimTask *task)
{
  if (sim_task_is_pending (task))
    task->source_id = g_timeout_add (MAX (task->step_ms ? task->step_ms : task->state->task_ms, 1),
                                     sim_task_step, task);
}

SimTask *
sim_task_start (SimState       *state,
                SimService     *service,
                const char     *function,
                JsonObject     *target,
                SimTaskEffect   effect,
                gpointer        effect_data,
                GDestroyNotify  effect_destroy)
{
  SimTask *task = g_new0 (SimTask, 1);
  g_autofree char *now = sim_state_now_string (state);

  task->state = state;
  task->service = service;
  task->final_status = g_strdup ("done");
  task->effect = effect;
  task->effect_data = effect_data;
  task->effect_destroy = effect_destroy;
  task->object = json_object_new ();
  json_object_set_null_member (task->object, "finishDate");
  json_object_set_string_member (task->object, "function", function);
  json_object_set_int_member (task->object, "id", state->next_task_id++);
  json_object_set_string_member (task->object, "status", "todo");
  json_object_set_string_member (task->object, "todoDate", now);

  if (target != NULL)
    {
      task->target = json_object_ref (target);
      json_object_set_int_member (target, "taskPendingId", sim_task_get_id (task));
    }

  g_ptr_array_add (service->tasks, task);
  sim_task_schedule (task);
  return task;
}

SimTask *
sim_task_adopt (SimState   *state,
                SimService *service,
                JsonObject *object,
                const char *final_status,
                guint       step_ms)
{
  SimTask *task = g_new0 (SimTask, 1);
  gint64 id = json_object_get_int_member_with_default (object, "id", 0);

  if (id <= 0)
    {
      id = state->next_task_id;
      json_object_set_int_member (object, "id", id);
    }
  state->next_task_id = MAX (state->next_task_id, id + 1);

  task->state = state;
  task->service = service;
  task->object = json_object_ref (object);
  task->final_status = g_strdup (final_status != NULL ? final_status : "done");
  task->step_ms = step_ms;

  g_ptr_array_add (service->tasks, task);
  sim_task_schedule (task);
  return task;
}
