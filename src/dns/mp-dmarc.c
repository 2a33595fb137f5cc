/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dns/mp-dmarc.h"

G_DEFINE_QUARK (mp-dmarc-error-quark, mp_dmarc_error)
G_DEFINE_BOXED_TYPE (MpDmarcRecord, mp_dmarc_record, mp_dmarc_record_ref, mp_dmarc_record_unref)

gboolean
mp_dmarc_is_dmarc_record (const char *text)
{
  const char *p = text;

  if (p == NULL)
    return FALSE;

  while (*p == ' ' || *p == '\t')
    p++;
  if (*p != 'v' && *p != 'V')
    return FALSE;
  p++;
  while (*p == ' ' || *p == '\t')
    p++;
  if (*p != '=')
    return FALSE;
  p++;
  while (*p == ' ' || *p == '\t')
    p++;

  return strncmp (p, "DMARC1", 6) == 0 && (p[6] == '\0' || p[6] == ';' || p[6] == ' ' || p[6] == '\t');
}

MpDmarcRecord *
mp_dmarc_record_ref (MpDmarcRecord *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
mp_dmarc_record_unref (MpDmarcRecord *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->report_aggregate);
  g_free (self->report_failure);
  g_free (self);
}

const char *
mp_dmarc_policy_to_string (MpDmarcPolicy policy)
{
  switch (policy)
    {
    case MP_DMARC_POLICY_QUARANTINE: return "quarantine";
    case MP_DMARC_POLICY_REJECT:     return "reject";
    case MP_DMARC_POLICY_NONE:
    default:                         return "none";
    }
}

const char *
mp_dmarc_suggested_record (void)
{
  return "v=DMARC1; p=quarantine; adkim=r; aspf=r";
}

static gboolean
parse_policy (const char    *value,
              MpDmarcPolicy *policy)
{
  if (g_ascii_strcasecmp (value, "none") == 0)
    *policy = MP_DMARC_POLICY_NONE;
  else if (g_ascii_strcasecmp (value, "quarantine") == 0)
    *policy = MP_DMARC_POLICY_QUARANTINE;
  else if (g_ascii_strcasecmp (value, "reject") == 0)
    *policy = MP_DMARC_POLICY_REJECT;
  else
    return FALSE;

  return TRUE;
}

/* rua=/ruf=: a comma-separated list of URIs, each "scheme:…" (mailto: in practice). */
static gboolean
is_uri_list (const char *value)
{
  g_auto(GStrv) uris = g_strsplit (value, ",", -1);

  if (uris[0] == NULL)
    return FALSE;

  for (guint i = 0; uris[i] != NULL; i++)
    {
      g_autofree char *uri = g_strstrip (g_strdup (uris[i]));
      char *colon = strchr (uri, ':');

      if (colon == NULL || colon == uri || colon[1] == '\0')
        return FALSE;
      for (char *p = uri; *p != '\0'; p++)
        if ((guchar) *p <= 0x20 || (guchar) *p >= 0x7f)
          return FALSE;
    }

  return TRUE;
}

static gboolean
is_value_valid (const char *name,
                const char *value)
{
  MpDmarcPolicy policy;
  guint64 number;

  if (g_str_equal (name, "p") || g_str_equal (name, "sp"))
    return parse_policy (value, &policy);
  if (g_str_equal (name, "pct"))
    return g_ascii_string_to_unsigned (value, 10, 0, 100, &number, NULL);
  if (g_str_equal (name, "ri"))
    return g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT32, &number, NULL);
  if (g_str_equal (name, "adkim") || g_str_equal (name, "aspf"))
    return g_ascii_strcasecmp (value, "r") == 0 || g_ascii_strcasecmp (value, "s") == 0;
  if (g_str_equal (name, "rua") || g_str_equal (name, "ruf"))
    return is_uri_list (value);
  if (g_str_equal (name, "fo"))
    {
      g_auto(GStrv) options = g_strsplit (value, ":", -1);

      for (guint i = 0; options[i] != NULL; i++)
        {
          g_autofree char *option = g_strstrip (g_strdup (options[i]));

          if (!g_str_equal (option, "0") && !g_str_equal (option, "1") &&
              !g_str_equal (option, "d") && !g_str_equal (option, "s"))
            return FALSE;
        }
      return options[0] != NULL;
    }

  /* Tags this parser does not know are ignored, as RFC 7489 §6.3 asks. */
  return TRUE;
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void
set_error (GError      **error,
           gsize        *error_offset,
           MpDmarcError  code,
           gsize         offset,
           const char   *tag,
           const char   *format)
{
  if (error_offset != NULL)
    *error_offset = offset;

  g_set_error (error, MP_DMARC_ERROR, code, format, tag, (guint) offset + 1);
}
#pragma GCC diagnostic pop

MpDmarcRecord *
mp_dmarc_record_parse (const char  *text,
                       gsize       *error_offset,
                       GError     **error)
{
  g_autoptr(MpDmarcRecord) self = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean has_policy = FALSE;
  gboolean has_subdomain_policy = FALSE;
  gsize offset = 0;
  gsize length;

  if (!mp_dmarc_is_dmarc_record (text))
    {
      if (error_offset != NULL)
        *error_offset = 0;
      g_set_error_literal (error, MP_DMARC_ERROR, MP_DMARC_ERROR_NOT_DMARC,
                           _("This text is not a DMARC record: it must start with “v=DMARC1”."));
      return NULL;
    }

  self = g_new0 (MpDmarcRecord, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->percent = 100;
  length = strlen (text);

  while (offset < length)
    {
      gsize tag_length = strcspn (text + offset, ";");
      g_autofree char *tag = g_strndup (text + offset, tag_length);
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;
      char *equals;
      gsize tag_offset = offset;

      offset += tag_length + 1;
      while (tag[0] == ' ' || tag[0] == '\t')
        {
          memmove (tag, tag + 1, strlen (tag));
          tag_offset++;
        }
      g_strchomp (tag);
      if (*tag == '\0')
        continue;

      equals = strchr (tag, '=');
      if (equals == NULL)
        {
          set_error (error, error_offset, MP_DMARC_ERROR_SYNTAX, tag_offset, tag,
                     /* TRANSLATORS: the first %s is a part of a DMARC record, %u a position */
                     _("The DMARC record has a part “%s” at character %u that is not of the form name=value."));
          return NULL;
        }

      name = g_ascii_strdown (tag, equals - tag);
      g_strchomp (name);
      value = g_strstrip (g_strdup (equals + 1));

      if (g_hash_table_contains (seen, name))
        {
          set_error (error, error_offset, MP_DMARC_ERROR_DUPLICATE_TAG, tag_offset, tag,
                     /* TRANSLATORS: the first %s is a part of a DMARC record, %u a position */
                     _("The DMARC record repeats “%s” at character %u; each part may appear only once."));
          return NULL;
        }
      g_hash_table_add (seen, g_strdup (name));

      if (g_str_equal (name, "v"))
        continue;

      if (!is_value_valid (name, value))
        {
          set_error (error, error_offset, MP_DMARC_ERROR_INVALID_VALUE, tag_offset, tag,
                     /* TRANSLATORS: the first %s is a part of a DMARC record, %u a position */
                     _("The DMARC record part “%s” at character %u has a value that is not allowed."));
          return NULL;
        }

      if (g_str_equal (name, "p"))
        {
          parse_policy (value, &self->policy);
          has_policy = TRUE;
        }
      else if (g_str_equal (name, "sp"))
        {
          parse_policy (value, &self->subdomain_policy);
          has_subdomain_policy = TRUE;
        }
      else if (g_str_equal (name, "pct"))
        self->percent = (guint) g_ascii_strtoull (value, NULL, 10);
      else if (g_str_equal (name, "rua"))
        self->report_aggregate = g_steal_pointer (&value);
      else if (g_str_equal (name, "ruf"))
        self->report_failure = g_steal_pointer (&value);
    }

  if (!has_policy)
    {
      if (error_offset != NULL)
        *error_offset = 0;
      g_set_error_literal (error, MP_DMARC_ERROR, MP_DMARC_ERROR_MISSING_POLICY,
                           _("The DMARC record has no policy (“p=”), so receiving servers ignore it."));
      return NULL;
    }

  if (!has_subdomain_policy)
    self->subdomain_policy = self->policy;

  return g_steal_pointer (&self);
}
