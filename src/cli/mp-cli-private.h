/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-cli-private.h: what the subcommands share — exit statuses, keys, waiting, printing. */
#pragma once

#include <gio/gio.h>

#include "api/mp-ovh-client.h"
#include "emailpro/mp-session.h"

G_BEGIN_DECLS

typedef enum
{
  MP_CLI_EXIT_OK     = 0,
  MP_CLI_EXIT_FAILED = 1,   /* the API or the keyring failed */
  MP_CLI_EXIT_USAGE  = 2,   /* wrong arguments or variables */
} MpCliExit;

/* The subcommands: argv[0] is the command's name; they return the exit status. */
int           mp_cli_services         (int    argc,
                                       char **argv);
int           mp_cli_domains          (int    argc,
                                       char **argv);
int           mp_cli_accounts         (int    argc,
                                       char **argv);
int           mp_cli_diagnose         (int    argc,
                                       char **argv);

/* Runs a GMainLoop until the callback given by mp_cli_waiter_callback has fired. */
typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} MpCliWaiter;

void          mp_cli_waiter_init      (MpCliWaiter  *waiter);
void          mp_cli_waiter_callback  (GObject      *source,
                                       GAsyncResult *result,
                                       gpointer      user_data);
/* Returns the result (transfer full) and frees the waiter's loop. */
GAsyncResult *mp_cli_waiter_run       (MpCliWaiter  *waiter);

/* A client with keys from the OVH_* variables, else from the keyring (found through the
 * settings' endpoint and application key).  endpoint_override (--endpoint) may be NULL.
 * On failure, *exit_status says whether it was a usage error. */
MpOvhClient  *mp_cli_open_client      (const char   *endpoint_override,
                                       MpCliExit    *exit_status,
                                       GError      **error);

/* A session on one service: GET /email/pro/{service_name}, read into an MpService. */
MpSession    *mp_cli_open_session     (MpOvhClient  *client,
                                       const char   *service_name,
                                       GError      **error);

/* Prints the error's sentence to stderr. */
void          mp_cli_print_error      (const GError *error);

/* Parses a subcommand's options; argv[0] is the subcommand.  Prints usage errors itself.
 * TRUE when the command should run. */
gboolean      mp_cli_parse_options    (const char    *command,
                                       const char    *summary,
                                       GOptionEntry  *entries,
                                       int            argc,
                                       char         **argv,
                                       MpCliExit     *exit_status);

/* The same for a command that takes exactly one operand (e.g. `diagnose DOMAIN`): *operand
 * receives it (transfer full).  Options given as "--name value" are told from the operand by
 * entries; "--name=value" works too. */
gboolean      mp_cli_parse_options_with_operand (const char    *command,
                                                 const char    *operand_name,
                                                 const char    *summary,
                                                 GOptionEntry  *entries,
                                                 int            argc,
                                                 char         **argv,
                                                 char         **operand,
                                                 MpCliExit     *exit_status);

/* A plain-text table: column widths in terminal cells, server text stripped of control
 * characters (so a name cannot move the cursor or change colours).  rows holds arrays of
 * `const char *` with as many cells as headers has entries; a NULL cell prints as "-". */
void          mp_cli_print_table      (const char * const *headers,
                                       GPtrArray          *rows);

/* JSON to stdout, unconverted: scripts read UTF-8 whatever the terminal's charset. */
void          mp_cli_print_json       (JsonNode           *node);

G_END_DECLS
