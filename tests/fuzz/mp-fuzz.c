/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-fuzz.c: helpers shared by the fuzz targets. */
#include "config.h"

#include <string.h>

#include "mp-fuzz.h"

void
mp_fuzz_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      g_once_init_leave (&done, 1);
    }
}

char **
mp_fuzz_split (const uint8_t *data,
               size_t         size,
               guint          n)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_null_terminated (n, g_free, TRUE);
  const char *p = (const char *) data;
  const char *end = p + size;

  g_return_val_if_fail (n > 0, NULL);

  for (guint i = 0; i < n; i++)
    {
      const char *nl = i + 1 < n ? memchr (p, '\n', end - p) : NULL;
      const char *stop = nl != NULL ? nl : end;

      g_ptr_array_add (parts, g_strndup (p, stop - p));
      p = nl != NULL ? nl + 1 : end;
    }
  return (char **) g_ptr_array_free (g_steal_pointer (&parts), FALSE);
}

gboolean
mp_fuzz_is_one_ascii_line (const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (*p < 0x20 || *p > 0x7e)
      return FALSE;
  return TRUE;
}
