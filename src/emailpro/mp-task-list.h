/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-task-list.h: keeping a list store of MpTask in step with the provider's task list.
 *
 * Tasks already in the store are updated in place, so rows bound to them follow their
 * status; the store is spliced only when tasks came or went.  Elements that are not
 * readable tasks are skipped (g_debug).
 */
#pragma once

#include <gio/gio.h>

#include "emailpro/mp-task.h"

G_BEGIN_DECLS

void mp_task_list_sync (GListStore *store,
                        JsonArray  *array);

G_END_DECLS
