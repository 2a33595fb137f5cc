/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sim-tasks.h: the task engine.  A write creates an email.pro.Task that moves
 * todo → doing → done (or error, when a seed says so), one step every task_ms; its effect
 * on the state is applied only when it is done, as on the real platform. */
#pragma once

#include "sim-state.h"

G_BEGIN_DECLS

typedef void (*SimTaskEffect) (SimService *service,
                               gpointer    user_data);

struct _SimTask
{
  SimState      *state;
  SimService    *service;
  /* email.pro.Task */
  JsonObject    *object;
  /* "done" or "error" */
  char          *final_status;
  /* The object whose taskPendingId shows this task while it runs; may be NULL */
  JsonObject    *target;
  /* Duration of each step; 0: the state's task_ms */
  guint          step_ms;
  SimTaskEffect  effect;
  /* Run instead of effect when the task ends in error; may be NULL */
  SimTaskEffect  error_effect;
  gpointer       effect_data;
  GDestroyNotify effect_destroy;
  guint          source_id;
};

/* Creates, schedules and returns a task (owned by service) for function (a
 * TaskFunctionEnum value).  effect may be NULL. */
SimTask  *sim_task_start      (SimState       *state,
                               SimService     *service,
                               const char     *function,
                               JsonObject     *target,
                               SimTaskEffect   effect,
                               gpointer        effect_data,
                               GDestroyNotify  effect_destroy);
/* Takes a seeded task object; todo/doing tasks progress like new ones, one step every
 * step_ms (0: the state's task_ms). */
SimTask  *sim_task_adopt      (SimState       *state,
                               SimService     *service,
                               JsonObject     *object,
                               const char     *final_status,
                               guint           step_ms);
gint64    sim_task_get_id     (SimTask        *task);
gboolean  sim_task_is_pending (SimTask        *task);
void      sim_task_free       (SimTask        *task);

G_END_DECLS
