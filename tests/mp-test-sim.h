/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-test-sim.h: start the simulator (mailpost-sim) from a test and talk to its /sim/ routes.
 *
 * The binary comes from $MAILPOST_SIM, seeds by name from $MAILPOST_SEEDS (or an absolute
 * path).  The simulator runs as a child process on 127.0.0.1 with a free port; it is stopped
 * with SIGTERM by mp_test_sim_stop().
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _MpTestSim MpTestSim;

/* extra_args: more command-line arguments, e.g. {"--latency-ms", "50", NULL}; may be NULL.
 * Aborts the test (g_error) when the simulator does not start. */
MpTestSim  *mp_test_sim_start         (const char         *seed,
                                       const char * const *extra_args);
void        mp_test_sim_stop          (MpTestSim          *sim);
/* "http://127.0.0.1:PORT/1.0" */
const char *mp_test_sim_get_base_url  (MpTestSim          *sim);
/* "http://127.0.0.1:PORT" */
const char *mp_test_sim_get_root_url  (MpTestSim          *sim);

/* A synchronous call to one of the simulator's unsigned control routes (path starts with
 * "/sim/"); body is JSON text or NULL.  Returns the parsed answer (JSON null when empty);
 * aborts the test on a transport error or a non-2xx status. */
JsonNode   *mp_test_sim_control       (MpTestSim          *sim,
                                       const char         *method,
                                       const char         *path,
                                       const char         *body);
/* Number of API requests the simulator answered since start or the last reset. */
guint       mp_test_sim_get_request_count (MpTestSim      *sim);
void        mp_test_sim_reset_stats   (MpTestSim          *sim);

/* Runs the default main context until *result is set (by an async callback that stores its
 * GAsyncResult there) or timeout_ms passes (then the test fails). */
void        mp_test_wait_for_result   (GAsyncResult      **result,
                                       guint               timeout_ms);
/* A GAsyncReadyCallback that stores a reference to the result in *(GAsyncResult **)user_data. */
void        mp_test_store_result      (GObject            *source,
                                       GAsyncResult       *result,
                                       gpointer            user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpTestSim, mp_test_sim_stop)

G_END_DECLS
