/* SPDX-License-Identifier: GPL-3.0-or-later */
/* MpTaskTracker against the simulator's task engine: done, error, cancelled, the back-off
 * with a fake clock, resuming after a restart, and many tasks at once. */
#include "config.h"

#include "api/mp-ovh-error.h"
#include "emailpro/mp-task-tracker.h"
#include "mp-test-sim.h"

#define TIMEOUT_MS 15000
#define SERVICE "emailpro-test-dom-1"

typedef struct
{
  MpTestSim   *sim;
  MpOvhClient *client;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char * const args[] = { "--task-ms", "50", NULL };

  fixture->sim = mp_test_sim_start ("test-domains.json", args);
  fixture->client = mp_ovh_client_new (mp_test_sim_get_base_url (fixture->sim), "testAppKeyDom1aa");
  mp_ovh_client_set_secrets (fixture->client, "testAppSecretDom1aaaaaaaaaaaaaaa",
                             "testCkDomains0001aaaaaaaaaaaaaaa");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->sim, mp_test_sim_stop);
}

/* A raw write that answers a task, as the session's operations send them. */
static JsonNode *
start_add (Fixture    *fixture,
           const char *name)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *text = g_strdup_printf ("{\"name\": \"%s\", \"type\": \"authoritative\"}", name);
  JsonNode *node;

  body = json_from_string (text, &error);
  g_assert_no_error (error);
  mp_ovh_client_call_async (fixture->client, "POST", "/email/pro/" SERVICE "/domain", body,
                            MP_OVH_CALL_DEFAULT, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, TIMEOUT_MS);
  node = mp_ovh_client_call_finish (fixture->client, result, &error);
  g_assert_no_error (error);
  return node;
}

static void
count_finished (MpTaskTracker *tracker,
                MpTask        *task,
                guint         *count)
{
  g_assert_true (mp_task_status_is_final (mp_task_get_status (task)));
  (*count)++;
}

static gboolean
wait_task (MpTaskTracker  *tracker,
           gint64          id,
           GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  mp_task_tracker_wait_async (tracker, id, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, TIMEOUT_MS);
  return mp_task_tracker_wait_finish (tracker, result, error);
}

static void
test_done (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(MpTaskTracker) tracker = mp_task_tracker_new (fixture->client, SERVICE);
  g_autoptr(JsonNode) answer = start_add (fixture, "new-shop.test");
  g_autoptr(GError) error = NULL;
  guint finished = 0;
  MpTask *task;

  g_signal_connect (tracker, "task-finished", G_CALLBACK (count_finished), &finished);

  task = mp_task_tracker_follow_json (tracker, answer, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mp_task_get_function (task), ==, "addDomain");
  g_assert_cmpuint (mp_task_tracker_get_pending_count (tracker), ==, 1);
  /* Following it again is harmless. */
  g_assert_true (mp_task_tracker_follow_json (tracker, answer, NULL) == task);
  g_assert_true (mp_task_tracker_follow_id (tracker, mp_task_get_id (task)) == task);

  g_assert_true (wait_task (tracker, mp_task_get_id (task), &error));
  g_assert_no_error (error);
  g_assert_cmpint (mp_task_get_status (task), ==, MP_TASK_STATUS_DONE);
  g_assert_nonnull (mp_task_get_finish_date (task));
  g_assert_cmpuint (finished, ==, 1);
  g_assert_cmpuint (mp_task_tracker_get_pending_count (tracker), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (mp_task_tracker_get_tasks (tracker)), ==, 1);

  /* Waiting on a finished task answers at once, and the signal is not emitted again. */
  g_assert_true (wait_task (tracker, mp_task_get_id (task), &error));
  g_assert_cmpuint (finished, ==, 1);
}

static void
test_error (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(MpTaskTracker) tracker = mp_task_tracker_new (fixture->client, SERVICE);
  /* The seed makes every task on broken.test end in error. */
  g_autoptr(JsonNode) answer = start_add (fixture, "broken.test");
  g_autoptr(GError) error = NULL;
  guint finished = 0;
  MpTask *task;

  g_signal_connect (tracker, "task-finished", G_CALLBACK (count_finished), &finished);
  task = mp_task_tracker_follow_json (tracker, answer, &error);
  g_assert_no_error (error);

  g_assert_false (wait_task (tracker, mp_task_get_id (task), &error));
  g_assert_error (error, MP_TASK_ERROR, MP_TASK_ERROR_FAILED);
  g_assert_cmpint (mp_task_get_status (task), ==, MP_TASK_STATUS_ERROR);
  g_assert_cmpuint (finished, ==, 1);
  /* A failed task stays in the list so that it can be shown. */
  g_assert_cmpuint (g_list_model_get_n_items (mp_task_tracker_get_tasks (tracker)), ==, 1);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(MpTaskTracker) tracker = mp_task_tracker_new (fixture->client, SERVICE);
  g_autoptr(GError) error = NULL;
  MpTask *task;

  /* Seeded: "doing", cancelled by the provider after 300 ms. */
  task = mp_task_tracker_follow_id (tracker, 9001);
  g_assert_false (wait_task (tracker, 9001, &error));
  g_assert_error (error, MP_TASK_ERROR, MP_TASK_ERROR_CANCELLED);
  g_assert_cmpint (mp_task_get_status (task), ==, MP_TASK_STATUS_CANCELLED);
  /* Known only by id at first, filled in by the poll. */
  g_assert_cmpstr (mp_task_get_function (task), ==, "setDomain");
}

static void
test_wait_cancelled (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(MpTaskTracker) tracker = mp_task_tracker_new (fixture->client, SERVICE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* Seeded: stays "todo" for ten minutes. */
  mp_task_tracker_wait_async (tracker, 9002, cancellable, mp_test_store_result, &result);
  g_cancellable_cancel (cancellable);
  mp_test_wait_for_result (&result, TIMEOUT_MS);
  g_assert_false (mp_task_tracker_wait_finish (tracker, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Only the wait ended: the task is still followed. */
  g_assert_cmpuint (mp_task_tracker_get_pending_count (tracker), ==, 1);
}


/* A clock that only records what it is asked to schedule. */
typedef struct
{
  MpTaskClock  clock;
  GArray      *delays;
  GSourceFunc  fn;
  gpointer     data;
  guint        next_id;
  guint        pending_id;
} FakeClock;

static guint
fake_schedule (MpTaskClock *clock,
               guint        delay_ms,
               GSourceFunc  fn,
               gpointer     data)
{
  FakeClock *fake = (FakeClock *) clock;

  g_assert_cmpuint (fake->pending_id, ==, 0);
  g_array_append_val (fake->delays, delay_ms);
  fake->fn = fn;
  fake->data = data;
  fake->pending_id = ++fake->next_id;
  return fake->pending_id;
}

static void
fake_cancel (MpTaskClock *clock,
             guint        id)
{
  FakeClock *fake = (FakeClock *) clock;

  g_assert_cmpuint (id, ==, fake->pending_id);
  fake->pending_id = 0;
}

static void
fake_fire (FakeClock *fake)
{
  g_assert_cmpuint (fake->pending_id, !=, 0);
  fake->pending_id = 0;
  fake->fn (fake->data);
}

static void
test_backoff (Fixture       *fixture,
              gconstpointer  data)
{
  static const guint expected[] = { 1000, 2000, 4000, 8000, 10000, 10000 };
  g_autoptr(MpTaskTracker) tracker = mp_task_tracker_new (fixture->client, SERVICE);
  FakeClock fake = { { fake_schedule, fake_cancel, NULL }, g_array_new (FALSE, FALSE, sizeof (guint)) };
  guint requests_before;

  mp_task_tracker_set_clock (tracker, &fake.clock);
  mp_task_tracker_follow_id (tracker, 9002);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gint64 deadline = g_get_monotonic_time () + TIMEOUT_MS * 1000;

      /* The next poll is scheduled only once the previous one was answered. */
      while (fake.pending_id == 0 && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      g_assert_cmpuint (fake.delays->len, ==, i + 1);
      g_assert_cmpuint (g_array_index (fake.delays, guint, i), ==, expected[i]);

      requests_before = mp_test_sim_get_request_count (fixture->sim);
      fake_fire (&fake);
      while (fake.pending_id == 0 &&
             mp_test_sim_get_request_count (fixture->sim) == requests_before &&
             g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
    }

  g_assert_cmpuint (mp_task_tracker_get_pending_count (tracker), ==, 1);
  /* Disposing cancels the timer through the same clock. */
  g_clear_object (&tracker);
  g_assert_cmpuint (fake.pending_id, ==, 0);
  g_array_unref (fake.delays);
}

static void
resume (MpTaskTracker *tracker)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  mp_task_tracker_resume_async (tracker, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, TIMEOUT_MS);
  g_assert_true (mp_task_tracker_resume_finish (tracker, result, &error));
  g_assert_no_error (error);
}

static void
test_resume (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(MpTaskTracker) first = mp_task_tracker_new (fixture->client, SERVICE);
  g_autoptr(MpTaskTracker) second = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  /* A task started by a first run of the app … */
  answer = start_add (fixture, "slow.test");
  id = mp_task_get_id (mp_task_tracker_follow_json (first, answer, &error));
  g_assert_no_error (error);
  g_clear_object (&first);

  /* … is picked up by the next one from the provider's task list, with the seeded one. */
  second = mp_task_tracker_new (fixture->client, SERVICE);
  resume (second);
  g_assert_nonnull (mp_task_tracker_lookup (second, 9002));
  g_assert_nonnull (mp_task_tracker_lookup (second, id));
  g_assert_cmpuint (mp_task_tracker_get_pending_count (second), >=, 2);

  g_assert_true (wait_task (second, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mp_task_get_status (mp_task_tracker_lookup (second, id)), ==, MP_TASK_STATUS_DONE);
}

static void
test_many (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(MpTaskTracker) tracker = mp_task_tracker_new (fixture->client, SERVICE);
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 ids[20];
  guint finished = 0;
  gint64 deadline;

  g_signal_connect (tracker, "task-finished", G_CALLBACK (count_finished), &finished);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *name = g_strdup_printf ("many-%02u.test", i);
      g_autoptr(JsonNode) answer = start_add (fixture, name);

      ids[i] = mp_task_get_id (mp_task_tracker_follow_json (tracker, answer, NULL));
    }
  g_assert_cmpuint (mp_task_tracker_get_pending_count (tracker), ==, G_N_ELEMENTS (ids));

  deadline = g_get_monotonic_time () + TIMEOUT_MS * 1000;
  while (finished < G_N_ELEMENTS (ids) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (finished, ==, G_N_ELEMENTS (ids));
  g_assert_cmpuint (mp_task_tracker_get_pending_count (tracker), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpint (mp_task_get_status (mp_task_tracker_lookup (tracker, ids[i])), ==,
                     MP_TASK_STATUS_DONE);
  /* Newest first. */
  {
    g_autoptr(MpTask) first = g_list_model_get_item (mp_task_tracker_get_tasks (tracker), 0);
    g_assert_cmpint (mp_task_get_id (first), ==, ids[G_N_ELEMENTS (ids) - 1]);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/mailpost/task-tracker/done", test_done);
  ADD ("/mailpost/task-tracker/error", test_error);
  ADD ("/mailpost/task-tracker/cancelled", test_cancelled);
  ADD ("/mailpost/task-tracker/wait-cancelled", test_wait_cancelled);
  ADD ("/mailpost/task-tracker/backoff", test_backoff);
  ADD ("/mailpost/task-tracker/resume", test_resume);
  ADD ("/mailpost/task-tracker/many", test_many);
#undef ADD

  return g_test_run ();
}
