/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-test-knot.h: Knot DNS (knotd) on loopback for tests, and a name server that never answers.
 *
 * The zones come from tests/zones ($MAILPOST_ZONES): every "NAME.zone" there is served as
 * zone NAME, and "secondary/NAME.zone" is the other server's copy.  mp_test_dns_start()
 * starts the set-up every DNS test shares, on one free port P:
 *
 *   127.0.0.1:P and 127.0.0.2:P  knotd A — every zone (the bootstrap server and each test
 *                                domain's ns1)
 *   127.0.0.3:P                  knotd B — good.test and secondary/lagging.test only (ns2);
 *                                it refuses everything else (refused.test is delegated to it)
 *   127.0.0.4:P                  a UDP socket that never answers (silent.test's server)
 *
 * A resolver with bootstrap-server 127.0.0.1:P and authoritative-port P then runs the real
 * discovery path.  knotd runs as the current user with a temporary config and is stopped by
 * its PID; it dies with the test process.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _MpTestDns MpTestDns;

/* Aborts the test (g_error) when knotd does not start answering within a few seconds. */
MpTestDns  *mp_test_dns_start             (void);
/* The same set-up for another zones directory (laid out like tests/zones, with a
 * good.test.zone and a secondary/ folder), e.g. zones a benchmark generates. */
MpTestDns  *mp_test_dns_start_for_zones   (const char *zones);
void        mp_test_dns_stop              (MpTestDns *dns);
guint16     mp_test_dns_get_port          (MpTestDns *dns);
/* "127.0.0.1:P": the bootstrap server, also usable as the override (--nameserver). */
const char *mp_test_dns_get_bootstrap     (MpTestDns *dns);

/* A port free for UDP and TCP on 127.0.0.1 to 127.0.0.4. */
guint16     mp_test_dns_pick_port         (void);

/* The zones directory. */
const char *mp_test_zones_dir             (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpTestDns, mp_test_dns_stop)

G_END_DECLS
