/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-cli.h: the `mailpost` command line (subcommands that run without a window). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when argv[1] names a subcommand ("services", "--help" is not one): main() then calls
 * mp_cli_run() instead of starting GTK. */
gboolean mp_cli_is_command (int argc, char **argv);
/* Runs the subcommand; returns the process exit status. */
int      mp_cli_run        (int argc, char **argv);
/* The translated list of subcommands with one line each, for `mailpost help` and for the
 * description of the application's own --help. */
char    *mp_cli_describe_commands (void);

G_END_DECLS
