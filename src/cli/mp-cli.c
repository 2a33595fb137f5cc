/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cli/mp-cli.h"

gboolean
mp_cli_is_command (int    argc,
                   char **argv)
{
  return FALSE;
}

int
mp_cli_run (int    argc,
            char **argv)
{
  return 1;
}
