/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cli/mp-cli.h"
#include "mp-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(MpApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Subcommands run without a display, so decide before GTK starts. */
  if (mp_cli_is_command (argc, argv))
    return mp_cli_run (argc, argv);

  app = mp_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
