/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-sign-in-page.h: region and keys, checked against the provider before they are kept.
 *
 * Two ways in: the browser flow (application key + secret, a consumer key validated by the
 * user in the browser) and existing keys (all three pasted).  Either way the keys are
 * verified, then stored in the keyring and GSettings (unless persist is FALSE), and
 * "signed-in" is emitted with a client that holds them.
 */
#pragma once

#include <adwaita.h>

#include "api/mp-ovh-client.h"

G_BEGIN_DECLS

#define MP_TYPE_SIGN_IN_PAGE (mp_sign_in_page_get_type ())
G_DECLARE_FINAL_TYPE (MpSignInPage, mp_sign_in_page, MP, SIGN_IN_PAGE, AdwBin)

/* Empties every field and cancels a sign-in in progress. */
void        mp_sign_in_page_reset              (MpSignInPage *self);
/* Selects the region of endpoint (a base URL) and fills in the application key. */
void        mp_sign_in_page_prefill            (MpSignInPage *self,
                                                const char   *endpoint,
                                                const char   *application_key);
/* The URL the browser flow asks the user to open; NULL outside that flow. */
const char *mp_sign_in_page_get_validation_url (MpSignInPage *self);
gboolean    mp_sign_in_page_get_launch_browser (MpSignInPage *self);
void        mp_sign_in_page_set_launch_browser (MpSignInPage *self,
                                                gboolean      launch_browser);
gboolean    mp_sign_in_page_get_persist        (MpSignInPage *self);
void        mp_sign_in_page_set_persist        (MpSignInPage *self,
                                                gboolean      persist);

G_END_DECLS
