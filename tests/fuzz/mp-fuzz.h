/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-fuzz.h: what every fuzz target shares.
 *
 * Each fuzz-*.c defines LLVMFuzzerTestOneInput().  With clang (meson option "fuzzing") it is
 * linked with libFuzzer; otherwise mp-fuzz-replay.c gives it a main() that feeds it every file
 * of the target's corpus, so the corpus (crash inputs included) is a regression test of the
 * normal suite.
 */
#pragma once

#include <glib.h>
#include <stdint.h>

G_BEGIN_DECLS

int  LLVMFuzzerTestOneInput (const uint8_t *data,
                             size_t         size);

/* Makes criticals and warnings abort, once: a g_return_if_fail() reached by an input is a bug
 * the fuzzer must report, not a message to scroll past. */
void mp_fuzz_init           (void);

/* Splits data at the first n - 1 newlines into n NUL-terminated strings (the last one keeps
 * the rest, newlines included; missing parts are empty).  Free with g_strfreev(). */
char **mp_fuzz_split        (const uint8_t *data,
                             size_t         size,
                             guint          n);

/* TRUE when text is one line of printable ASCII (what a zone-file line must be). */
gboolean mp_fuzz_is_one_ascii_line (const char *text);

G_END_DECLS
