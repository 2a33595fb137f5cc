/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sim-faults.h: injected failures.  A fault is METHOD:PATH-GLOB=STATUS:RATE, where STATUS is
 * an HTTP status, "cut" (close the connection without an answer) or "malformed" (200 with
 * broken JSON), and RATE a probability ("0.1") or "xN" (exactly the next N matching requests). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  SIM_FAULT_NONE,
  SIM_FAULT_STATUS,
  SIM_FAULT_CUT,
  SIM_FAULT_MALFORMED,
} SimFaultKind;

typedef struct _SimFaults SimFaults;

SimFaults   *sim_faults_new      (guint32      random_seed);
void         sim_faults_free     (SimFaults   *faults);
/* The command-line form, e.g. "GET:/email/pro/{glob}=500:x2" */
gboolean     sim_faults_add_spec (SimFaults   *faults,
                                  const char  *spec,
                                  GError     **error);
/* The parts as /sim/fault takes them; status is a number, "cut" or "malformed" */
gboolean     sim_faults_add      (SimFaults   *faults,
                                  const char  *method,
                                  const char  *path_glob,
                                  const char  *status,
                                  const char  *rate,
                                  GError     **error);
void         sim_faults_clear    (SimFaults   *faults);
/* Whether this request fails, and how; path is the decoded path after /1.0 */
SimFaultKind sim_faults_check    (SimFaults   *faults,
                                  const char  *method,
                                  const char  *path,
                                  guint       *status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SimFaults, sim_faults_free)

G_END_DECLS
