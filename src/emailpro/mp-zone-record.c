/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "emailpro/mp-zone-record.h"

static char *
strip_dot (const char *name)
{
  gsize length = strlen (name);

  if (length > 1 && name[length - 1] == '.')
    length--;
  return g_strndup (name, length);
}

gboolean
mp_zone_record_name_in_zone (const char *name,
                             const char *zone)
{
  g_autofree char *bare_name = strip_dot (name);
  g_autofree char *bare_zone = strip_dot (zone);
  gsize name_length = strlen (bare_name);
  gsize zone_length = strlen (bare_zone);

  if (mp_dns_name_equal (bare_name, bare_zone))
    return TRUE;

  return name_length > zone_length + 1 &&
         bare_name[name_length - zone_length - 1] == '.' &&
         g_ascii_strcasecmp (bare_name + name_length - zone_length, bare_zone) == 0;
}

/* The provider shows multi-string TXT targets as quoted strings ("a" "b"); one record's
 * text is their concatenation. */
static char *
unquote_text (const char *target)
{
  GString *text;
  const char *p = target;

  while (g_ascii_isspace (*p))
    p++;
  if (*p != '"')
    return g_strdup (target);

  text = g_string_new (NULL);
  while (*p == '"')
    {
      for (p++; *p != '\0' && *p != '"'; p++)
        {
          if (*p == '\\' && p[1] != '\0')
            p++;
          g_string_append_c (text, *p);
        }
      if (*p == '"')
        p++;
      while (g_ascii_isspace (*p))
        p++;
    }
  return g_string_free (text, FALSE);
}

/* The blank-separated words of a target. */
static GStrv
split_words (const char *target)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) raw = g_strsplit_set (target, " \t", -1);

  for (guint i = 0; raw[i] != NULL; i++)
    if (*raw[i] != '\0')
      g_strv_builder_add (builder, raw[i]);
  return g_strv_builder_end (builder);
}

static gboolean
parse_numbers (char        **fields,
               guint         count,
               guint16      *numbers)
{
  for (guint i = 0; i < count; i++)
    {
      guint64 value;

      if (fields[i] == NULL || !g_ascii_string_to_unsigned (fields[i], 10, 0, G_MAXUINT16, &value, NULL))
        return FALSE;
      numbers[i] = value;
    }
  return TRUE;
}

MpDnsRecord *
mp_zone_record_to_dns_record (const char  *zone,
                              const char  *field_type,
                              const char  *sub_domain,
                              const char  *target,
                              guint32      ttl,
                              GError     **error)
{
  g_autofree char *name = NULL;
  g_auto(GStrv) fields = NULL;
  g_autofree char *host = NULL;
  guint16 numbers[3];

  g_return_val_if_fail (zone != NULL && field_type != NULL && target != NULL, NULL);

  name = sub_domain != NULL && *sub_domain != '\0'
         ? g_strdup_printf ("%s.%s", sub_domain, zone)
         : g_strdup (zone);

  if (g_str_equal (field_type, "TXT") || g_str_equal (field_type, "SPF") ||
      g_str_equal (field_type, "DKIM") || g_str_equal (field_type, "DMARC"))
    {
      g_autofree char *text = unquote_text (target);

      return mp_dns_record_new_txt (name, ttl, text);
    }

  fields = split_words (target);
  host = g_strv_length (fields) == 1 ? strip_dot (fields[0]) : NULL;

  if (g_str_equal (field_type, "A") && host != NULL)
    return mp_dns_record_new_a (name, ttl, host);
  if (g_str_equal (field_type, "AAAA") && host != NULL)
    return mp_dns_record_new_aaaa (name, ttl, host);
  if (g_str_equal (field_type, "CNAME") && host != NULL)
    return mp_dns_record_new_cname (name, ttl, host);
  if (g_str_equal (field_type, "NS") && host != NULL)
    return mp_dns_record_new_ns (name, ttl, host);
  if (g_str_equal (field_type, "MX") && g_strv_length (fields) == 2 && parse_numbers (fields, 1, numbers))
    {
      g_autofree char *mx_host = strip_dot (fields[1]);

      return mp_dns_record_new_mx (name, ttl, numbers[0], mx_host);
    }
  if (g_str_equal (field_type, "SRV") && g_strv_length (fields) == 4 && parse_numbers (fields, 3, numbers))
    {
      g_autofree char *srv_target = strip_dot (fields[3]);

      return mp_dns_record_new_srv (name, ttl, numbers[0], numbers[1], numbers[2], srv_target);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               "Invalid target “%s” for a %s record", target, field_type);
  return NULL;
}

gboolean
mp_zone_record_from_dns_record (const char         *zone,
                                const MpDnsRecord  *record,
                                char              **field_type,
                                char              **sub_domain,
                                char              **target)
{
  g_autofree char *bare_zone = NULL;
  g_autofree char *bare_name = NULL;
  const char *type;

  g_return_val_if_fail (zone != NULL && record != NULL, FALSE);

  type = mp_dns_record_type_to_string (record->type);
  if (type == NULL || record->type == MP_DNS_RECORD_TYPE_SOA ||
      !mp_zone_record_name_in_zone (record->name, zone))
    return FALSE;

  bare_zone = strip_dot (zone);
  bare_name = strip_dot (record->name);

  *field_type = g_strdup (type);
  *sub_domain = mp_dns_name_equal (bare_name, bare_zone)
                ? g_strdup ("")
                : g_strndup (bare_name, strlen (bare_name) - strlen (bare_zone) - 1);

  switch (record->type)
    {
    case MP_DNS_RECORD_TYPE_CNAME:
    case MP_DNS_RECORD_TYPE_NS:
      *target = g_strdup_printf ("%s.", record->target);
      break;
    case MP_DNS_RECORD_TYPE_MX:
      *target = g_strdup_printf ("%u %s.", record->priority, record->target);
      break;
    case MP_DNS_RECORD_TYPE_SRV:
      *target = g_strdup_printf ("%u %u %u %s.", record->priority, record->weight, record->port,
                                 record->target);
      break;
    case MP_DNS_RECORD_TYPE_A:
    case MP_DNS_RECORD_TYPE_AAAA:
    case MP_DNS_RECORD_TYPE_TXT:
    case MP_DNS_RECORD_TYPE_SOA:
    default:
      *target = g_strdup (record->data);
      break;
    }
  return TRUE;
}
