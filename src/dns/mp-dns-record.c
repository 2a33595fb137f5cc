/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "dns/mp-dns-record.h"

G_DEFINE_BOXED_TYPE (MpDnsRecord, mp_dns_record, mp_dns_record_ref, mp_dns_record_unref)

/* Names are kept without the trailing dot so they compare and print one way. */
static char *
normalize_name (const char *name)
{
  gsize length;

  if (name == NULL)
    return g_strdup ("");

  length = strlen (name);
  if (length > 1 && name[length - 1] == '.' && (length < 2 || name[length - 2] != '\\'))
    length--;

  return g_strndup (name, length);
}

static MpDnsRecord *
record_new (const char      *name,
            guint32          ttl,
            MpDnsRecordType  type)
{
  MpDnsRecord *self = g_new0 (MpDnsRecord, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->name = normalize_name (name);
  self->ttl = ttl;
  self->type = type;

  return self;
}

MpDnsRecord *
mp_dns_record_new_a (const char *name,
                     guint32     ttl,
                     const char *address)
{
  MpDnsRecord *self = record_new (name, ttl, MP_DNS_RECORD_TYPE_A);

  self->data = g_strdup (address);
  return self;
}

MpDnsRecord *
mp_dns_record_new_aaaa (const char *name,
                        guint32     ttl,
                        const char *address)
{
  MpDnsRecord *self = record_new (name, ttl, MP_DNS_RECORD_TYPE_AAAA);

  self->data = g_strdup (address);
  return self;
}

static MpDnsRecord *
record_new_target (const char      *name,
                   guint32          ttl,
                   MpDnsRecordType  type,
                   const char      *target)
{
  MpDnsRecord *self = record_new (name, ttl, type);

  self->target = normalize_name (target);
  self->data = g_strdup (self->target);
  return self;
}

MpDnsRecord *
mp_dns_record_new_cname (const char *name,
                         guint32     ttl,
                         const char *target)
{
  return record_new_target (name, ttl, MP_DNS_RECORD_TYPE_CNAME, target);
}

MpDnsRecord *
mp_dns_record_new_ns (const char *name,
                      guint32     ttl,
                      const char *target)
{
  return record_new_target (name, ttl, MP_DNS_RECORD_TYPE_NS, target);
}

MpDnsRecord *
mp_dns_record_new_mx (const char *name,
                      guint32     ttl,
                      guint16     priority,
                      const char *host)
{
  MpDnsRecord *self = record_new (name, ttl, MP_DNS_RECORD_TYPE_MX);

  self->priority = priority;
  self->target = normalize_name (host);
  self->data = g_strdup_printf ("%u %s", priority, self->target);
  return self;
}

MpDnsRecord *
mp_dns_record_new_srv (const char *name,
                       guint32     ttl,
                       guint16     priority,
                       guint16     weight,
                       guint16     port,
                       const char *target)
{
  MpDnsRecord *self = record_new (name, ttl, MP_DNS_RECORD_TYPE_SRV);

  self->priority = priority;
  self->weight = weight;
  self->port = port;
  self->target = normalize_name (target);
  self->data = g_strdup_printf ("%u %u %u %s", priority, weight, port, self->target);
  return self;
}

MpDnsRecord *
mp_dns_record_new_txt (const char *name,
                       guint32     ttl,
                       const char *text)
{
  MpDnsRecord *self = record_new (name, ttl, MP_DNS_RECORD_TYPE_TXT);

  self->data = g_strdup (text != NULL ? text : "");
  return self;
}

MpDnsRecord *
mp_dns_record_new_soa (const char *name,
                       guint32     ttl,
                       const char *mname,
                       const char *rname,
                       guint32     serial,
                       guint32     refresh,
                       guint32     retry,
                       guint32     expire,
                       guint32     minimum)
{
  MpDnsRecord *self = record_new (name, ttl, MP_DNS_RECORD_TYPE_SOA);
  g_autofree char *m = normalize_name (mname);
  g_autofree char *r = normalize_name (rname);

  self->serial = serial;
  self->target = g_strdup (m);
  self->data = g_strdup_printf ("%s %s %u %u %u %u %u", m, r, serial, refresh, retry, expire, minimum);
  return self;
}

MpDnsRecord *
mp_dns_record_ref (MpDnsRecord *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
mp_dns_record_unref (MpDnsRecord *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->name);
  g_free (self->data);
  g_free (self->target);
  g_free (self);
}

const char *
mp_dns_record_type_to_string (MpDnsRecordType type)
{
  switch (type)
    {
    case MP_DNS_RECORD_TYPE_A:     return "A";
    case MP_DNS_RECORD_TYPE_NS:    return "NS";
    case MP_DNS_RECORD_TYPE_CNAME: return "CNAME";
    case MP_DNS_RECORD_TYPE_SOA:   return "SOA";
    case MP_DNS_RECORD_TYPE_MX:    return "MX";
    case MP_DNS_RECORD_TYPE_TXT:   return "TXT";
    case MP_DNS_RECORD_TYPE_AAAA:  return "AAAA";
    case MP_DNS_RECORD_TYPE_SRV:   return "SRV";
    default:                       return NULL;
    }
}

/* A name in a zone line: absolute, and nothing in it may end the line, start a comment or
 * break the quoting, whatever the server or the API sent. */
static void
append_name (GString    *line,
             const char *name)
{
  if (name == NULL || *name == '\0' || g_str_equal (name, "."))
    {
      g_string_append_c (line, '.');
      return;
    }

  for (const guchar *p = (const guchar *) name; *p != '\0'; p++)
    {
      if (*p <= 0x20 || *p >= 0x7f || *p == '"' || *p == ';' || *p == '(' || *p == ')')
        g_string_append_printf (line, "\\%03u", *p);
      else
        g_string_append_c (line, *p);
    }

  g_string_append_c (line, '.');
}

static void
append_txt (GString    *line,
            const char *text)
{
  gsize length = strlen (text);
  gsize offset = 0;

  /* One empty string is still a string: TXT data is never empty. */
  do
    {
      gsize chunk = MIN (length - offset, 255);

      if (offset > 0)
        g_string_append_c (line, ' ');
      g_string_append_c (line, '"');
      for (gsize i = offset; i < offset + chunk; i++)
        {
          guchar c = text[i];

          if (c == '"' || c == '\\')
            g_string_append_printf (line, "\\%c", c);
          else if (c < 0x20 || c >= 0x7f)
            g_string_append_printf (line, "\\%03u", c);
          else
            g_string_append_c (line, c);
        }
      g_string_append_c (line, '"');
      offset += chunk;
    }
  while (offset < length);
}

char *
mp_dns_record_to_zone_line (const MpDnsRecord *self)
{
  GString *line;
  const char *type_name;

  g_return_val_if_fail (self != NULL, NULL);

  type_name = mp_dns_record_type_to_string (self->type);
  line = g_string_new (NULL);

  append_name (line, self->name);
  if (self->ttl != 0)
    g_string_append_printf (line, " %u", self->ttl);
  if (type_name != NULL)
    g_string_append_printf (line, " IN %s ", type_name);
  else
    g_string_append_printf (line, " IN TYPE%u ", (guint) self->type);

  switch (self->type)
    {
    case MP_DNS_RECORD_TYPE_CNAME:
    case MP_DNS_RECORD_TYPE_NS:
      append_name (line, self->target);
      break;

    case MP_DNS_RECORD_TYPE_MX:
      g_string_append_printf (line, "%u ", self->priority);
      append_name (line, self->target);
      break;

    case MP_DNS_RECORD_TYPE_SRV:
      g_string_append_printf (line, "%u %u %u ", self->priority, self->weight, self->port);
      append_name (line, self->target);
      break;

    case MP_DNS_RECORD_TYPE_TXT:
      append_txt (line, self->data != NULL ? self->data : "");
      break;

    case MP_DNS_RECORD_TYPE_SOA:
      {
        g_auto(GStrv) parts = g_strsplit (self->data != NULL ? self->data : "", " ", 3);

        if (g_strv_length (parts) == 3)
          {
            append_name (line, parts[0]);
            g_string_append_c (line, ' ');
            append_name (line, parts[1]);
            g_string_append_printf (line, " %s", parts[2]);
          }
        break;
      }

    case MP_DNS_RECORD_TYPE_A:
    case MP_DNS_RECORD_TYPE_AAAA:
    default:
      /* An address is digits, dots, colons and hex: escaping is only a safety net. */
      for (const guchar *p = (const guchar *) (self->data != NULL ? self->data : ""); *p != '\0'; p++)
        {
          if (*p <= 0x20 || *p >= 0x7f)
            g_string_append_printf (line, "\\%03u", *p);
          else
            g_string_append_c (line, *p);
        }
      break;
    }

  return g_string_free (line, FALSE);
}

gboolean
mp_dns_name_equal (const char *a,
                   const char *b)
{
  gsize la, lb;

  if (a == NULL || b == NULL)
    return a == b;

  la = strlen (a);
  lb = strlen (b);
  if (la > 1 && a[la - 1] == '.')
    la--;
  if (lb > 1 && b[lb - 1] == '.')
    lb--;

  return la == lb && g_ascii_strncasecmp (a, b, la) == 0;
}

gboolean
mp_dns_record_equal_data (const MpDnsRecord *a,
                          const MpDnsRecord *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->type != b->type || !mp_dns_name_equal (a->name, b->name))
    return FALSE;

  switch (a->type)
    {
    case MP_DNS_RECORD_TYPE_CNAME:
    case MP_DNS_RECORD_TYPE_NS:
      return mp_dns_name_equal (a->target, b->target);
    case MP_DNS_RECORD_TYPE_MX:
      return a->priority == b->priority && mp_dns_name_equal (a->target, b->target);
    case MP_DNS_RECORD_TYPE_SRV:
      return a->priority == b->priority && a->weight == b->weight && a->port == b->port &&
             mp_dns_name_equal (a->target, b->target);
    case MP_DNS_RECORD_TYPE_A:
    case MP_DNS_RECORD_TYPE_AAAA:
    case MP_DNS_RECORD_TYPE_TXT:
    case MP_DNS_RECORD_TYPE_SOA:
    default:
      return g_strcmp0 (a->data, b->data) == 0;
    }
}


/* Expected records from the provider's strings. */

static gboolean
parse_u16 (const char *text,
           guint16    *value)
{
  guint64 number;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT16, &number, NULL))
    return FALSE;

  *value = number;
  return TRUE;
}

/* "_autodiscover._tcp" relative to example.com; "@" is the domain itself. */
static char *
absolute_name (const char *name,
               const char *domain)
{
  gsize length = strlen (name);
  gsize domain_length = domain != NULL ? strlen (domain) : 0;

  if (g_str_equal (name, "@"))
    return g_strdup (domain);
  if (length > 0 && name[length - 1] == '.')
    return g_strndup (name, length - 1);
  if (domain == NULL || domain_length == 0 || mp_dns_name_equal (name, domain))
    return g_strdup (name);
  if (length > domain_length + 1 &&
      name[length - domain_length - 1] == '.' &&
      g_ascii_strcasecmp (name + length - domain_length, domain) == 0)
    return g_strdup (name);

  return g_strconcat (name, ".", domain, NULL);
}

static GStrv
split_words (const char *text)
{
  g_auto(GStrv) all = g_strsplit_set (text != NULL ? text : "", " \t\r\n", -1);
  GPtrArray *words = g_ptr_array_new ();

  for (guint i = 0; all[i] != NULL; i++)
    if (*all[i] != '\0')
      g_ptr_array_add (words, g_strdup (all[i]));
  g_ptr_array_add (words, NULL);

  return (GStrv) g_ptr_array_free (words, FALSE);
}

MpDnsRecord *
mp_dns_record_parse_srv_expectation (const char  *text,
                                     const char  *domain,
                                     guint32      ttl,
                                     GError     **error)
{
  g_auto(GStrv) words = split_words (text);
  guint n_words = g_strv_length (words);
  g_autofree char *name = NULL;
  guint16 priority, weight, port;
  guint first = 0;

  /* "<name> IN SRV p w port target", the name possibly left out. */
  if (n_words == 7)
    {
      name = absolute_name (words[0], domain);
      first = 1;
    }
  else if (n_words == 6)
    name = absolute_name ("_autodiscover._tcp", domain);

  if (name == NULL ||
      g_ascii_strcasecmp (words[first], "IN") != 0 ||
      g_ascii_strcasecmp (words[first + 1], "SRV") != 0 ||
      !parse_u16 (words[first + 2], &priority) ||
      !parse_u16 (words[first + 3], &weight) ||
      !parse_u16 (words[first + 4], &port))
    {
      /* TRANSLATORS: %s is the text the provider sent, e.g.
       * "_autodiscover._tcp.example.com. IN SRV 0 0 443 pro1.mail.ovh.net." */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The provider described the expected autodiscover record as “%s”, which Mailpost cannot read, so this record cannot be checked."),
                   text != NULL ? text : "");
      return NULL;
    }

  return mp_dns_record_new_srv (name, ttl, priority, weight, port, words[first + 5]);
}

MpDnsRecord *
mp_dns_record_parse_mx_expectation (const char  *text,
                                    const char  *domain,
                                    guint32      ttl,
                                    GError     **error)
{
  g_auto(GStrv) words = split_words (text);
  guint n_words = g_strv_length (words);
  guint first = 0;
  guint16 priority = 0;

  for (guint i = 0; i < n_words; i++)
    if (g_ascii_strcasecmp (words[i], "MX") == 0)
      first = i + 1;

  if (n_words - first == 2 && parse_u16 (words[first], &priority))
    return mp_dns_record_new_mx (domain, ttl, priority, words[first + 1]);

  if (n_words - first == 1 && strchr (words[first], '.') != NULL)
    return mp_dns_record_new_mx (domain, ttl, 0, words[first]);

  /* TRANSLATORS: %s is the text the provider sent, e.g. "IN MX 1 mx0.mail.ovh.net." */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("The provider described an expected mail server record as “%s”, which Mailpost cannot read, so it is left out of the check."),
               text != NULL ? text : "");
  return NULL;
}
