/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "api/mp-ovh-error.h"
#include "emailpro/mp-json.h"
#include "emailpro/mp-task-tracker-private.h"


struct _MpTaskTracker
{
  GObject       parent_instance;

  MpOvhClient  *client;
  char         *service_name;
  MpTaskClock  *clock;
  GListStore   *tasks;
  GHashTable   *entries;    /* gint64 id → MpTaskTrackerEntry */
  guint         pending_count;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (MpTaskTracker, mp_task_tracker, G_TYPE_OBJECT)

G_DEFINE_QUARK (mp-task-error-quark, mp_task_error)

enum {
  PROP_0,
  PROP_TASKS,
  PROP_PENDING_COUNT,
  N_PROPS
};

enum {
  TASK_FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void entry_schedule (MpTaskTrackerEntry *entry,
                            guint  delay_ms);


/* The real clock: the default main context's timeouts. */

static guint
real_clock_schedule (MpTaskClock *clock,
                     guint        delay_ms,
                     GSourceFunc  fn,
                     gpointer     data)
{
  return g_timeout_add (delay_ms, fn, data);
}

static void
real_clock_cancel (MpTaskClock *clock,
                   guint        id)
{
  g_source_remove (id);
}

static MpTaskClock real_clock = { real_clock_schedule, real_clock_cancel, NULL };



static void
entry_free (gpointer data)
{
  MpTaskTrackerEntry *entry = data;

  if (entry->timer_id != 0)
    entry->tracker->clock->cancel (entry->tracker->clock, entry->timer_id);
  mp_task_tracker_entry_abandon_waiters (entry);
  g_clear_error (&entry->poll_error);
  g_clear_object (&entry->task);
  g_free (entry);
}

static void
set_pending_count (MpTaskTracker *self,
                   guint          pending_count)
{
  if (self->pending_count == pending_count)
    return;

  self->pending_count = pending_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING_COUNT]);
}

/* The task reached a final status, or polling it can no longer succeed. */
static void
entry_finish (MpTaskTrackerEntry *entry)
{
  MpTaskTracker *self = entry->tracker;

  g_assert (!entry->finished);
  entry->finished = TRUE;
  set_pending_count (self, self->pending_count - 1);

  g_debug ("Task %" G_GINT64_FORMAT " (%s) ended: %s", mp_task_get_id (entry->task),
           mp_task_get_function (entry->task),
           entry->poll_error != NULL ? entry->poll_error->message
                                     : mp_task_status_to_string (mp_task_get_status (entry->task)));

  /* Waiters first, so that a page waiting for its own change learns the outcome before the
   * owner's refresh runs. */
  g_object_ref (self);
  mp_task_tracker_entry_complete_waiters (entry);
  if (entry->poll_error == NULL)
    g_signal_emit (self, signals[TASK_FINISHED], 0, entry->task);
  g_object_unref (self);
}

static gboolean
polling_error_is_final (const GError *error)
{
  if (error->domain != MP_OVH_ERROR)
    return FALSE;

  switch (error->code)
    {
    case MP_OVH_ERROR_NETWORK:
    case MP_OVH_ERROR_SERVER:
    case MP_OVH_ERROR_RATE_LIMITED:
    case MP_OVH_ERROR_QUERY_TIME_OUT:
      return FALSE;
    default:
      return TRUE;
    }
}

/* A poll holds the tracker weakly: dropping the tracker must stop its polls at once. */
typedef struct
{
  GWeakRef tracker;
  gint64   id;
} PollData;

static void
poll_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  PollData *poll = user_data;
  g_autoptr(MpTaskTracker) self = g_weak_ref_get (&poll->tracker);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = poll->id;
  MpTaskTrackerEntry *entry;

  g_weak_ref_clear (&poll->tracker);
  g_free (poll);

  node = mp_ovh_client_call_finish (MP_OVH_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self == NULL || self->entries == NULL)
    return;

  entry = g_hash_table_lookup (self->entries, &id);
  if (entry == NULL || entry->finished)
    return;

  entry->polling = FALSE;

  if (node == NULL)
    {
      if (polling_error_is_final (error))
        {
          entry->poll_error = g_steal_pointer (&error);
          entry_finish (entry);
          return;
        }

      g_debug ("Polling task %" G_GINT64_FORMAT " failed, will retry: %s", id, error->message);
    }
  else if (!mp_task_update_from_json (entry->task, node, &error))
    {
      g_debug ("Task %" G_GINT64_FORMAT ": unreadable answer, will retry: %s", id, error->message);
    }
  else if (mp_task_status_is_final (mp_task_get_status (entry->task)))
    {
      entry_finish (entry);
      return;
    }

  entry_schedule (entry, MIN (entry->delay_ms * 2, MP_TASK_TRACKER_MAX_POLL_MS));
}

static gboolean
entry_poll_due (gpointer data)
{
  MpTaskTrackerEntry *entry = data;
  MpTaskTracker *self = entry->tracker;
  g_autofree char *service = mp_ovh_client_escape_segment (self->service_name);
  g_autofree char *path = NULL;
  PollData *poll;

  entry->timer_id = 0;
  entry->polling = TRUE;

  path = g_strdup_printf ("/email/pro/%s/task/%" G_GINT64_FORMAT, service,
                          mp_task_get_id (entry->task));
  poll = g_new0 (PollData, 1);
  g_weak_ref_init (&poll->tracker, self);
  poll->id = mp_task_get_id (entry->task);
  mp_ovh_client_call_async (self->client, "GET", path, NULL, MP_OVH_CALL_NO_CACHE,
                            self->cancellable, poll_cb, poll);

  return G_SOURCE_REMOVE;
}

static gboolean
entry_finish_due (gpointer data)
{
  MpTaskTrackerEntry *entry = data;

  entry->timer_id = 0;
  entry_finish (entry);
  return G_SOURCE_REMOVE;
}

/* A task learnt to be over without a poll is reported from the clock, never from inside
 * the caller's follow call. */
static void
entry_finish_soon (MpTaskTrackerEntry *entry)
{
  MpTaskClock *clock = entry->tracker->clock;

  if (entry->timer_id != 0)
    clock->cancel (clock, entry->timer_id);
  entry->timer_id = clock->schedule (clock, 0, entry_finish_due, entry);
}

static void
entry_schedule (MpTaskTrackerEntry *entry,
                guint  delay_ms)
{
  MpTaskClock *clock = entry->tracker->clock;

  g_assert (entry->timer_id == 0);
  entry->delay_ms = delay_ms;
  entry->timer_id = clock->schedule (clock, delay_ms, entry_poll_due, entry);
}

/* Takes task; the entry is new and not finished. */
static MpTaskTrackerEntry *
add_entry (MpTaskTracker *self,
           MpTask        *task)
{
  MpTaskTrackerEntry *entry = g_new0 (MpTaskTrackerEntry, 1);
  gint64 *key = g_new (gint64, 1);

  *key = mp_task_get_id (task);
  entry->tracker = self;
  entry->task = task;
  g_hash_table_insert (self->entries, key, entry);
  g_list_store_insert (self->tasks, 0, task);
  set_pending_count (self, self->pending_count + 1);

  if (mp_task_status_is_final (mp_task_get_status (task)))
    entry_finish_soon (entry);
  else
    entry_schedule (entry, MP_TASK_TRACKER_FIRST_POLL_MS);

  return entry;
}

static void
mp_task_tracker_dispose (GObject *object)
{
  MpTaskTracker *self = (MpTaskTracker *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_object (&self->tasks);
  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (mp_task_tracker_parent_class)->dispose (object);
}

static void
mp_task_tracker_finalize (GObject *object)
{
  MpTaskTracker *self = (MpTaskTracker *) object;

  g_free (self->service_name);

  G_OBJECT_CLASS (mp_task_tracker_parent_class)->finalize (object);
}

static void
mp_task_tracker_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MpTaskTracker *self = MP_TASK_TRACKER (object);

  switch (prop_id)
    {
    case PROP_TASKS:
      g_value_set_object (value, self->tasks);
      break;
    case PROP_PENDING_COUNT:
      g_value_set_uint (value, self->pending_count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_task_tracker_class_init (MpTaskTrackerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mp_task_tracker_dispose;
  object_class->finalize = mp_task_tracker_finalize;
  object_class->get_property = mp_task_tracker_get_property;

  properties[PROP_TASKS] =
    g_param_spec_object ("tasks", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PENDING_COUNT] =
    g_param_spec_uint ("pending-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[TASK_FINISHED] =
    g_signal_new ("task-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, MP_TYPE_TASK);
}

static void
mp_task_tracker_init (MpTaskTracker *self)
{
  self->clock = &real_clock;
  self->tasks = g_list_store_new (MP_TYPE_TASK);
  self->entries = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, entry_free);
  self->cancellable = g_cancellable_new ();
}

MpTaskTracker *
mp_task_tracker_new (MpOvhClient *client,
                     const char  *service_name)
{
  MpTaskTracker *self;

  g_return_val_if_fail (MP_IS_OVH_CLIENT (client), NULL);
  g_return_val_if_fail (service_name != NULL, NULL);

  self = g_object_new (MP_TYPE_TASK_TRACKER, NULL);
  self->client = g_object_ref (client);
  self->service_name = g_strdup (service_name);
  return self;
}

void
mp_task_tracker_set_clock (MpTaskTracker *self,
                           MpTaskClock   *clock)
{
  g_return_if_fail (MP_IS_TASK_TRACKER (self));
  /* Timers of one clock cannot be cancelled through another. */
  g_return_if_fail (self->pending_count == 0);

  self->clock = clock != NULL ? clock : &real_clock;
}

GListModel *
mp_task_tracker_get_tasks (MpTaskTracker *self)
{
  g_return_val_if_fail (MP_IS_TASK_TRACKER (self), NULL);
  return G_LIST_MODEL (self->tasks);
}

guint
mp_task_tracker_get_pending_count (MpTaskTracker *self)
{
  g_return_val_if_fail (MP_IS_TASK_TRACKER (self), 0);
  return self->pending_count;
}

MpTask *
mp_task_tracker_lookup (MpTaskTracker *self,
                        gint64         task_id)
{
  MpTaskTrackerEntry *entry;

  g_return_val_if_fail (MP_IS_TASK_TRACKER (self), NULL);

  entry = g_hash_table_lookup (self->entries, &task_id);
  return entry != NULL ? entry->task : NULL;
}

MpTaskTrackerEntry *
mp_task_tracker_get_entry (MpTaskTracker *self,
                           gint64         task_id)
{
  return g_hash_table_lookup (self->entries, &task_id);
}

MpTask *
mp_task_tracker_follow_json (MpTaskTracker  *self,
                             JsonNode       *task_json,
                             GError        **error)
{
  g_autoptr(MpTask) task = NULL;
  MpTaskTrackerEntry *entry;
  gint64 id;

  g_return_val_if_fail (MP_IS_TASK_TRACKER (self), NULL);
  g_return_val_if_fail (task_json != NULL, NULL);

  if ((task = mp_task_new_from_json (task_json, error)) == NULL)
    return NULL;

  id = mp_task_get_id (task);
  entry = g_hash_table_lookup (self->entries, &id);
  if (entry != NULL)
    {
      /* Newer news about a task already followed: the next poll would have told the same. */
      if (!entry->finished && !entry->polling &&
          mp_task_update_from_json (entry->task, task_json, NULL) &&
          mp_task_status_is_final (mp_task_get_status (entry->task)))
        entry_finish_soon (entry);
      return entry->task;
    }

  return add_entry (self, g_steal_pointer (&task))->task;
}

MpTask *
mp_task_tracker_follow_id (MpTaskTracker *self,
                           gint64         task_id)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonObject) object = NULL;
  MpTaskTrackerEntry *entry;

  g_return_val_if_fail (MP_IS_TASK_TRACKER (self), NULL);
  g_return_val_if_fail (task_id > 0, NULL);

  if ((entry = g_hash_table_lookup (self->entries, &task_id)) != NULL)
    return entry->task;

  /* Known only by id until the first poll fills it in. */
  object = json_object_new ();
  json_object_set_int_member (object, "id", task_id);
  json_object_set_string_member (object, "function", "unknown");
  json_object_set_string_member (object, "status", "todo");
  node = json_node_init_object (json_node_alloc (), object);

  return add_entry (self, mp_task_new_from_json (node, NULL))->task;
}


/* Resume: the provider's own list of pending tasks. */

static void
resume_list_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MpTaskTracker *self = g_task_get_source_object (task);
  g_autoptr(JsonArray) array = NULL;
  GError *error = NULL;
  guint length;

  array = mp_ovh_client_list_finish (MP_OVH_CLIENT (object), result, &error);
  if (array == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  length = json_array_get_length (array);
  for (guint i = 0; i < length; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(GError) item_error = NULL;
      g_autoptr(MpTask) probe = NULL;

      /* The listing may still hold tasks that just ended: those are history, not work. */
      probe = mp_task_new_from_json (node, &item_error);
      if (probe == NULL)
        {
          g_debug ("Skipping task %u of the list: %s", i, item_error->message);
          continue;
        }
      if (mp_task_status_is_final (mp_task_get_status (probe)) &&
          mp_task_tracker_lookup (self, mp_task_get_id (probe)) == NULL)
        continue;

      mp_task_tracker_follow_json (self, node, NULL);
    }

  g_task_return_boolean (task, TRUE);
}

void
mp_task_tracker_resume_async (MpTaskTracker       *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *service = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (MP_IS_TASK_TRACKER (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp_task_tracker_resume_async);

  service = mp_ovh_client_escape_segment (self->service_name);
  path = g_strdup_printf ("/email/pro/%s/task", service);
  mp_ovh_client_list_async (self->client, path, cancellable,
                            resume_list_cb, g_steal_pointer (&task));
}

gboolean
mp_task_tracker_resume_finish (MpTaskTracker  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (MP_IS_TASK_TRACKER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mp_task_tracker_resume_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
