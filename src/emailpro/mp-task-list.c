/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "emailpro/mp-json.h"
#include "emailpro/mp-task-list.h"

static gboolean
task_ids_equal (GListModel *model,
                GPtrArray  *tasks)
{
  if (g_list_model_get_n_items (model) != tasks->len)
    return FALSE;

  for (guint i = 0; i < tasks->len; i++)
    {
      g_autoptr(MpTask) current = g_list_model_get_item (model, i);

      if (mp_task_get_id (current) != mp_task_get_id (g_ptr_array_index (tasks, i)))
        return FALSE;
    }

  return TRUE;
}

void
mp_task_list_sync (GListStore *store,
                   JsonArray  *array)
{
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                       g_free, g_object_unref);
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_known;
  guint length = json_array_get_length (array);

  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (array != NULL);

  n_known = g_list_model_get_n_items (G_LIST_MODEL (store));
  for (guint i = 0; i < n_known; i++)
    {
      MpTask *task = g_list_model_get_item (G_LIST_MODEL (store), i);
      gint64 id = mp_task_get_id (task);

      g_hash_table_insert (known, g_memdup2 (&id, sizeof id), task);
    }

  for (guint i = 0; i < length; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(GError) error = NULL;
      MpTask *task;
      gint64 id = 0;

      if (JSON_NODE_HOLDS_OBJECT (node))
        id = mp_json_get_int (json_node_get_object (node), "id", 0);

      task = g_hash_table_lookup (known, &id);
      if (task != NULL)
        {
          if (!mp_task_update_from_json (task, node, &error))
            g_debug ("Skipping task %" G_GINT64_FORMAT ": %s", id, error->message);
          g_ptr_array_add (tasks, g_object_ref (task));
        }
      else if ((task = mp_task_new_from_json (node, &error)) != NULL)
        g_ptr_array_add (tasks, task);
      else
        g_debug ("Skipping task %u of the list: %s", i, error->message);
    }

  if (!task_ids_equal (G_LIST_MODEL (store), tasks))
    g_list_store_splice (store, 0, n_known, tasks->pdata, tasks->len);
}
