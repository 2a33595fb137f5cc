/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mp-ovh-client-private.h"
#include "mp-ovh-error-private.h"

/* A server that keeps saying "there is more" must not keep Mailpost paging forever. */
#define LIST_MAX_PAGES 100
/* Pages handed over one by one are kept small: the parsed tree of one account object takes
 * about 7 KB, and under GLib < 2.76 the slice allocator keeps the peak of those nodes after
 * they are freed.  1,000 objects is still a single request for most services. */
#define LIST_STREAM_PAGE_SIZE 1000

typedef struct
{
  char         *path;        /* as given, query included */
  char         *object_path; /* without the query: the per-object GETs hang below it */

  /* Cancelled on the first failure so the GETs still on the wire stop; a source on the
   * caller's cancellable passes its cancellation on from the main loop. */
  GCancellable *cancellable;
  GSource      *caller_cancel_source;
  gboolean      done;

  guint         page;
  JsonArray    *objects;     /* NULL when pages go to page_func */
  guint         n_received;  /* objects of all pages so far */
  MpOvhListPageFunc page_func;
  gpointer      page_data;

  /* The fallback: one GET per id, answers kept in the order of the ids. */
  JsonArray    *ids;
  GPtrArray    *answers;
  guint         next;
  guint         outstanding;
} ListData;

/* Slots of vanished objects, and slots already moved to the result, hold NULL. */
static void
answer_free (gpointer data)
{
  if (data != NULL)
    json_node_unref (data);
}

static void
list_data_free (gpointer data)
{
  ListData *list = data;

  if (list->caller_cancel_source != NULL)
    {
      g_source_destroy (list->caller_cancel_source);
      g_source_unref (list->caller_cancel_source);
    }
  g_clear_object (&list->cancellable);
  g_free (list->path);
  g_free (list->object_path);
  g_clear_pointer (&list->objects, json_array_unref);
  g_clear_pointer (&list->ids, json_array_unref);
  g_clear_pointer (&list->answers, g_ptr_array_unref);
  g_free (list);
}

static void
list_return_error (GTask  *task,
                   GError *error)
{
  ListData *list = g_task_get_task_data (task);

  if (list->done)
    {
      g_error_free (error);
      return;
    }

  list->done = TRUE;
  g_cancellable_cancel (list->cancellable);
  g_task_return_error (task, error);
}

/* Takes array: the whole collection, or with page_func, its last part still to hand over. */
static void
list_return_array (GTask     *task,
                   JsonArray *array)
{
  ListData *list = g_task_get_task_data (task);

  g_assert (!list->done);

  list->done = TRUE;
  if (list->page_func != NULL)
    {
      g_autoptr(JsonArray) objects = array;

      if (objects != NULL && json_array_get_length (objects) > 0)
        list->page_func (objects, list->page_data);
      g_task_return_boolean (task, TRUE);
      return;
    }
  g_task_return_pointer (task, array, (GDestroyNotify) json_array_unref);
}

typedef enum
{
  ELEMENTS_EMPTY,
  ELEMENTS_OBJECTS,
  ELEMENTS_IDS,
  ELEMENTS_MIXED,
} ElementKind;

static ElementKind
classify_elements (JsonArray *array)
{
  guint n_objects = 0;
  guint n_ids = 0;
  guint length = json_array_get_length (array);

  for (guint i = 0; i < length; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_OBJECT (element))
        n_objects++;
      else if (JSON_NODE_HOLDS_VALUE (element) &&
               (json_node_get_value_type (element) == G_TYPE_STRING ||
                json_node_get_value_type (element) == G_TYPE_INT64))
        n_ids++;
    }

  if (length == 0)
    return ELEMENTS_EMPTY;
  if (n_objects == length)
    return ELEMENTS_OBJECTS;
  if (n_ids == length)
    return ELEMENTS_IDS;

  return ELEMENTS_MIXED;
}

/* --- per-object fallback ------------------------------------------------------------------ */

typedef struct
{
  GTask *task;
  guint  index;
} ItemCall;

static void list_fetch_more (GTask *task);

static void
on_item_answer (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ItemCall *item = user_data;
  g_autoptr(GTask) task = item->task;
  ListData *list = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  guint index = item->index;

  g_free (item);
  list->outstanding--;

  node = mp_ovh_client_call_finish (MP_OVH_CLIENT (source), result, &error);
  if (list->done)
    return;

  if (g_error_matches (error, MP_OVH_ERROR, MP_OVH_ERROR_NOT_FOUND))
    {
      /* Deleted between the listing and this GET: it is simply not there any more. */
      g_debug ("%s: item %u vanished while listing", list->object_path, index);
    }
  else if (error != NULL)
    {
      list_return_error (task, g_steal_pointer (&error));
      return;
    }
  else if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      list_return_error (task, mp_ovh_error_new_for_code (MP_OVH_ERROR_MALFORMED));
      return;
    }
  else
    {
      g_ptr_array_index (list->answers, index) = g_steal_pointer (&node);
    }

  list_fetch_more (task);
}

static char *
id_to_segment (JsonNode *id)
{
  if (json_node_get_value_type (id) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (id));

  return mp_ovh_client_escape_segment (json_node_get_string (id));
}

static void
list_fetch_more (GTask *task)
{
  MpOvhClient *self = g_task_get_source_object (task);
  ListData *list = g_task_get_task_data (task);
  guint length = json_array_get_length (list->ids);

  /* Keeping no more than the wire allows outstanding leaves room in the client's queue for
   * the other calls of the application while a long list is fetched. */
  while (list->next < length && list->outstanding < MP_OVH_CLIENT_MAX_IN_FLIGHT)
    {
      g_autofree char *segment = id_to_segment (json_array_get_element (list->ids, list->next));
      g_autofree char *path = g_strconcat (list->object_path, "/", segment, NULL);
      ItemCall *item = g_new0 (ItemCall, 1);

      item->task = g_object_ref (task);
      item->index = list->next++;
      list->outstanding++;
      mp_ovh_client_call_async (self, "GET", path, NULL, MP_OVH_CALL_DEFAULT,
                                list->cancellable, on_item_answer, item);
    }

  if (list->next == length && list->outstanding == 0)
    {
      JsonArray *objects = json_array_sized_new (length);

      for (guint i = 0; i < length; i++)
        {
          JsonNode *node = g_steal_pointer (&g_ptr_array_index (list->answers, i));

          if (node != NULL)
            json_array_add_element (objects, node);
        }

      list_return_array (task, objects);
    }
}

static void
list_start_fallback (GTask     *task,
                     JsonArray *ids)
{
  ListData *list = g_task_get_task_data (task);
  guint length = json_array_get_length (ids);

  g_debug ("%s: the server sent %u ids, fetching each object", list->path, length);

  list->ids = json_array_ref (ids);
  list->answers = g_ptr_array_new_full (length, answer_free);
  g_ptr_array_set_size (list->answers, length);
  list_fetch_more (task);
}

/* --- expanded pages ----------------------------------------------------------------------- */

static void list_request_page (GTask *task);

static void
on_page_answer (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ListData *list = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  gint64 total = -1;
  JsonArray *page;
  guint length;

  node = mp_ovh_client_request_finish (MP_OVH_CLIENT (source), result, &total, NULL, &error);
  if (node == NULL)
    {
      list_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_debug ("%s: the listing is not an array", list->path);
      list_return_error (task, mp_ovh_error_new_for_code (MP_OVH_ERROR_MALFORMED));
      return;
    }

  page = json_node_get_array (node);
  length = json_array_get_length (page);

  switch (classify_elements (page))
    {
    case ELEMENTS_EMPTY:
      break;

    case ELEMENTS_OBJECTS:
      if (list->objects != NULL)
        for (guint i = 0; i < length; i++)
          json_array_add_element (list->objects, json_node_copy (json_array_get_element (page, i)));
      list->n_received += length;
      break;

    case ELEMENTS_IDS:
      if (list->page == 1)
        {
          list_start_fallback (task, page);
          return;
        }
      G_GNUC_FALLTHROUGH;

    case ELEMENTS_MIXED:
    default:
      g_debug ("%s: page %u mixes objects and ids", list->path, list->page);
      list_return_error (task, mp_ovh_error_new_for_code (MP_OVH_ERROR_MALFORMED));
      return;
    }

  if (length > 0 && total > (gint64) list->n_received)
    {
      if (list->page >= LIST_MAX_PAGES)
        {
          g_debug ("%s: still more after %u pages", list->path, list->page);
          list_return_error (task, mp_ovh_error_new_for_code (MP_OVH_ERROR_MALFORMED));
          return;
        }

      /* The next page is on its way while this one is read. */
      list->page++;
      list_request_page (task);
      if (list->page_func != NULL && length > 0)
        list->page_func (page, list->page_data);
      return;
    }

  if (list->page_func != NULL)
    list_return_array (task, length > 0 ? json_array_ref (page) : NULL);
  else
    list_return_array (task, g_steal_pointer (&list->objects));
}

static void
list_request_page (GTask *task)
{
  MpOvhClient *self = g_task_get_source_object (task);
  ListData *list = g_task_get_task_data (task);
  g_autofree char *number = g_strdup_printf ("%u", list->page);
  g_autofree char *size = g_strdup_printf ("%u", list->page_func != NULL
                                                    ? MIN (self->list_page_size, LIST_STREAM_PAGE_SIZE)
                                                    : self->list_page_size);
  const char * const headers[] = {
    "X-Pagination-Mode", "CachedObjectList-Pages",
    "X-Pagination-Size", size,
    "X-Pagination-Number", number,
    NULL
  };

  mp_ovh_client_request_async (self, "GET", list->path, NULL, MP_OVH_CALL_DEFAULT, headers,
                               list->cancellable, on_page_answer, g_object_ref (task));
}

static gboolean
on_caller_cancelled (GCancellable *caller_cancellable,
                     gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));

  return G_SOURCE_REMOVE;
}

static void
list_start (MpOvhClient         *self,
            const char          *path,
            MpOvhListPageFunc    page_func,
            gpointer             page_data,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ListData *list;
  const char *query;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  query = strchr (path, '?');
  list = g_new0 (ListData, 1);
  list->path = g_strdup (path);
  list->object_path = query != NULL ? g_strndup (path, query - path) : g_strdup (path);
  list->cancellable = g_cancellable_new ();
  list->page = 1;
  list->page_func = page_func;
  list->page_data = page_data;
  if (page_func == NULL)
    list->objects = json_array_new ();
  g_task_set_task_data (task, list, list_data_free);

  if (cancellable != NULL)
    {
      list->caller_cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (list->caller_cancel_source, G_SOURCE_FUNC (on_caller_cancelled),
                             g_object_ref (list->cancellable), g_object_unref);
      g_source_attach (list->caller_cancel_source, g_task_get_context (task));
    }

  /* Already cancelled: fail now rather than send a request for nothing. */
  if (g_task_return_error_if_cancelled (task))
    {
      list->done = TRUE;
      return;
    }

  list_request_page (task);
}

void
mp_ovh_client_list_async (MpOvhClient         *self,
                          const char          *path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (MP_IS_OVH_CLIENT (self));
  g_return_if_fail (path != NULL && path[0] == '/');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  list_start (self, path, NULL, NULL, mp_ovh_client_list_async, cancellable, callback, user_data);
}

void
mp_ovh_client_list_pages_async (MpOvhClient         *self,
                                const char          *path,
                                MpOvhListPageFunc    page_func,
                                gpointer             page_data,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (MP_IS_OVH_CLIENT (self));
  g_return_if_fail (path != NULL && path[0] == '/');
  g_return_if_fail (page_func != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  list_start (self, path, page_func, page_data, mp_ovh_client_list_pages_async, cancellable,
              callback, user_data);
}

gboolean
mp_ovh_client_list_pages_finish (MpOvhClient   *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (MP_IS_OVH_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

JsonArray *
mp_ovh_client_list_finish (MpOvhClient   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (MP_IS_OVH_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
