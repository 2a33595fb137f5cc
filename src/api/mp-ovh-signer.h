/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-ovh-signer.h: the provider's request signature ("$1$" + SHA-1). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "$1$" + lowercase hex SHA-1 of AS+"+"+CK+"+"+METHOD+"+"+URL+"+"+BODY+"+"+TIMESTAMP.
 * url is the absolute URL exactly as sent (query included); body may be NULL (= ""). */
char *mp_ovh_sign (const char *application_secret,
                   const char *consumer_key,
                   const char *method,
                   const char *url,
                   const char *body,
                   gint64      timestamp);

G_END_DECLS
