/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-client-setup-window.h: "Set up a mail client" (guide step 5): choose an account, then
 * save a Thunderbird autoconfig file or an Apple profile for it, or copy the instructions for
 * the employee.  A saved file counts as step 5 of the setup checklist. */
#pragma once

#include <adwaita.h>

#include "emailpro/mp-setup-checklist.h"

G_BEGIN_DECLS

typedef enum
{
  MP_CLIENT_SETUP_THUNDERBIRD,
  MP_CLIENT_SETUP_APPLE,
} MpClientSetupFormat;

#define MP_TYPE_CLIENT_SETUP_WINDOW (mp_client_setup_window_get_type ())
G_DECLARE_FINAL_TYPE (MpClientSetupWindow, mp_client_setup_window, MP, CLIENT_SETUP_WINDOW, AdwWindow)

/* The configured accounts of the checklist's session are offered; address (may be NULL)
 * is chosen first when it is one of them. */
MpClientSetupWindow *mp_client_setup_window_new              (GtkWindow           *parent,
                                                              MpSetupChecklist    *checklist,
                                                              const char          *address);
/* The chosen account's address, NULL when the service has no configured account. */
const char          *mp_client_setup_window_get_address      (MpClientSetupWindow *self);
gboolean             mp_client_setup_window_select_address   (MpClientSetupWindow *self,
                                                              const char          *address);
/* Writes the chosen account's file to file (what the file chooser's answer does; the tests
 * call it directly), then says so in a toast and notes the export in the checklist. */
void                 mp_client_setup_window_save_to_file     (MpClientSetupWindow *self,
                                                              MpClientSetupFormat  format,
                                                              GFile               *file);

G_END_DECLS
