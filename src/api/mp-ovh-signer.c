/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mp-ovh-signer.h"

char *
mp_ovh_sign (const char *application_secret,
             const char *consumer_key,
             const char *method,
             const char *url,
             const char *body,
             gint64      timestamp)
{
  g_autoptr(GChecksum) checksum = NULL;
  g_autofree char *timestamp_text = NULL;
  const char *parts[6];

  g_return_val_if_fail (application_secret != NULL, NULL);
  g_return_val_if_fail (method != NULL, NULL);
  g_return_val_if_fail (url != NULL, NULL);

  timestamp_text = g_strdup_printf ("%" G_GINT64_FORMAT, timestamp);
  parts[0] = application_secret;
  parts[1] = consumer_key != NULL ? consumer_key : "";
  parts[2] = method;
  parts[3] = url;
  parts[4] = body != NULL ? body : "";
  parts[5] = timestamp_text;

  /* Fed piece by piece so that no joined copy of the secret is left in freed memory. */
  checksum = g_checksum_new (G_CHECKSUM_SHA1);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (i > 0)
        g_checksum_update (checksum, (const guchar *) "+", 1);
      g_checksum_update (checksum, (const guchar *) parts[i], strlen (parts[i]));
    }

  return g_strconcat ("$1$", g_checksum_get_string (checksum), NULL);
}
