/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-add-domain-window.h: the add-domain wizard (guide step 2).
 *
 * A modal window with one step per question: which domain (one of the account's, or one typed
 * in), which mode (and the other mail server for non-authoritative), which DNS records the
 * provider should write (only for a zone hosted in the account), and a review.  Enter goes on
 * where the step is complete; Escape closes, after asking when something was chosen or typed.
 *
 * A refusal keeps the window open with every choice; "authoritative domain detected" comes with
 * the guide's way out (add as non-authoritative).  Once the provider has accepted the domain, the
 * window emits "domain-added" (MpTask *task or NULL, const char *name in ASCII form) and closes.
 */
#pragma once

#include <adwaita.h>

#include "emailpro/mp-session.h"

G_BEGIN_DECLS

#define MP_TYPE_ADD_DOMAIN_WINDOW (mp_add_domain_window_get_type ())
G_DECLARE_FINAL_TYPE (MpAddDomainWindow, mp_add_domain_window, MP, ADD_DOMAIN_WINDOW, AdwWindow)

MpAddDomainWindow *mp_add_domain_window_new                  (GtkWindow         *parent,
                                                              MpSession         *session);
/* Picks one of the account's domains, as clicking its row does.  FALSE when it is not in the
 * list (yet) or already attached. */
gboolean           mp_add_domain_window_choose_account_domain (MpAddDomainWindow *self,
                                                              const char        *name);

G_END_DECLS
