/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-test-sim-dns.h: the simulator with its DNS zones served for real by a Knot of the test.
 *
 * mp_test_sim_dns_start() makes a temporary folder DIR, starts the simulator with
 * --zones-dir DIR/zones --knot-socket DIR/knot.sock (it writes its zone files and
 * knot-zones.conf before printing its address), then a knotd on 127.0.0.1:PORT that includes
 * that zone list and listens for knotc on DIR/knot.sock — so a /refresh through the zone API
 * reloads the zone Knot serves (tools/ovh-sim/README.md).  Point a resolver at
 * mp_test_sim_dns_get_nameserver().  knotd dies with the test process.
 */
#pragma once

#include "mp-test-sim.h"

G_BEGIN_DECLS

typedef struct _MpTestSimDns MpTestSimDns;

/* extra_args go to the simulator as for mp_test_sim_start(); may be NULL.  Aborts the test
 * when the simulator or knotd does not start. */
MpTestSimDns *mp_test_sim_dns_start          (const char         *seed,
                                              const char * const *extra_args);
void          mp_test_sim_dns_stop           (MpTestSimDns       *dns);
MpTestSim    *mp_test_sim_dns_get_sim        (MpTestSimDns       *dns);
/* "127.0.0.1:PORT" */
const char   *mp_test_sim_dns_get_nameserver (MpTestSimDns       *dns);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpTestSimDns, mp_test_sim_dns_stop)

G_END_DECLS
