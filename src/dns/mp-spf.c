/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <arpa/inet.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "dns/mp-dns-record.h"
#include "dns/mp-spf.h"

G_DEFINE_QUARK (mp-spf-error-quark, mp_spf_error)
G_DEFINE_BOXED_TYPE (MpSpfRecord, mp_spf_record, mp_spf_record_ref, mp_spf_record_unref)

static const struct
{
  const char    *name;
  MpSpfTermKind  kind;
} mechanisms[] = {
  { "all",     MP_SPF_TERM_ALL },
  { "include", MP_SPF_TERM_INCLUDE },
  { "a",       MP_SPF_TERM_A },
  { "mx",      MP_SPF_TERM_MX },
  { "ptr",     MP_SPF_TERM_PTR },
  { "ip4",     MP_SPF_TERM_IP4 },
  { "ip6",     MP_SPF_TERM_IP6 },
  { "exists",  MP_SPF_TERM_EXISTS },
};

gboolean
mp_spf_is_spf_record (const char *text)
{
  return text != NULL &&
         g_ascii_strncasecmp (text, "v=spf1", 6) == 0 &&
         (text[6] == '\0' || text[6] == ' ');
}

static void
term_free (MpSpfTerm *term)
{
  g_free (term->value);
  g_free (term);
}

MpSpfRecord *
mp_spf_record_ref (MpSpfRecord *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
mp_spf_record_unref (MpSpfRecord *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->text);
  g_ptr_array_unref (self->terms);
  g_free (self);
}

/* A domain-spec: printable ASCII, macros allowed, no empty label. */
static gboolean
is_domain_spec (const char *value)
{
  gsize length;

  if (value == NULL || *value == '\0' || *value == '.')
    return FALSE;

  length = strlen (value);
  if (length > 253 + 1)
    return FALSE;

  for (const char *p = value; *p != '\0'; p++)
    if ((guchar) *p <= 0x20 || (guchar) *p >= 0x7f)
      return FALSE;

  return strstr (value, "..") == NULL;
}

/* "/24" style prefixes on a/mx (optionally "/24//64"), ip4 (≤ 32) and ip6 (≤ 128). */
static gboolean
is_prefix (const char *text,
           guint       max)
{
  guint64 number;

  return text != NULL && *text != '\0' &&
         g_ascii_string_to_unsigned (text, 10, 0, max, &number, NULL);
}

static gboolean
is_dual_cidr (const char *text)
{
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return TRUE;

  /* text starts after the first '/'. "24", "24//64", "/64" (after "//"). */
  if (text[0] == '/')
    return is_prefix (text + 1, 128);

  parts = g_strsplit (text, "//", 2);
  return is_prefix (parts[0], 32) && (parts[1] == NULL || is_prefix (parts[1], 128));
}

static gboolean
is_ip (const char *value,
       int         family)
{
  g_autofree char *address = NULL;
  const char *slash;
  guint8 buffer[16];

  if (value == NULL)
    return FALSE;

  slash = strchr (value, '/');
  address = slash != NULL ? g_strndup (value, slash - value) : g_strdup (value);
  if (inet_pton (family, address, buffer) != 1)
    return FALSE;

  return slash == NULL || is_prefix (slash + 1, family == AF_INET ? 32 : 128);
}

/* The sentences are chosen among a few literals by the caller; each has the same %s %u. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void
set_error (GError     **error,
           gsize       *error_offset,
           MpSpfError   code,
           gsize        offset,
           const char  *term,
           const char  *format)
{
  if (error_offset != NULL)
    *error_offset = offset;

  /* format has a %s for the term and a %u for the position (1-based, as people count). */
  g_set_error (error, MP_SPF_ERROR, code, format, term, (guint) offset + 1);
}
#pragma GCC diagnostic pop

static gboolean
parse_term (MpSpfRecord  *record,
            const char   *text,
            gsize         offset,
            gsize         length,
            gboolean     *has_redirect,
            gboolean     *has_exp,
            gsize        *error_offset,
            GError      **error)
{
  g_autofree char *term_text = g_strndup (text + offset, length);
  const char *p = term_text;
  MpSpfTerm *term;
  MpSpfQualifier qualifier = MP_SPF_QUALIFIER_PASS;
  gboolean explicit_qualifier = FALSE;
  gsize name_length;
  const char *rest;

  if (strchr ("+-~?", *p) != NULL)
    {
      qualifier = (MpSpfQualifier) *p;
      explicit_qualifier = TRUE;
      p++;
    }

  name_length = strspn (p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");
  rest = p + name_length;

  if (name_length > 0 && *rest == '=' && g_ascii_isalpha (*p))
    {
      g_autofree char *name = g_ascii_strdown (p, name_length);
      MpSpfTermKind kind = MP_SPF_TERM_MODIFIER;

      if (explicit_qualifier)
        {
          set_error (error, error_offset, MP_SPF_ERROR_SYNTAX, offset, term_text,
                     /* TRANSLATORS: the first %s is a part of an SPF record, %u a position */
                     _("The sender policy part “%s” at character %u mixes a modifier with a qualifier (+, -, ~ or ?)."));
          return FALSE;
        }

      if (g_str_equal (name, "redirect"))
        kind = MP_SPF_TERM_REDIRECT;
      else if (g_str_equal (name, "exp"))
        kind = MP_SPF_TERM_EXP;

      if ((kind == MP_SPF_TERM_REDIRECT && *has_redirect) || (kind == MP_SPF_TERM_EXP && *has_exp))
        {
          set_error (error, error_offset, MP_SPF_ERROR_DUPLICATE_MODIFIER, offset, term_text,
                     /* TRANSLATORS: the first %s is a part of an SPF record, %u a position */
                     _("The sender policy repeats “%s” at character %u; it may appear only once."));
          return FALSE;
        }

      if (kind != MP_SPF_TERM_MODIFIER && !is_domain_spec (rest + 1))
        {
          set_error (error, error_offset,
                     rest[1] == '\0' ? MP_SPF_ERROR_MISSING_VALUE : MP_SPF_ERROR_INVALID_VALUE,
                     offset, term_text,
                     /* TRANSLATORS: the first %s is a part of an SPF record, %u a position */
                     _("The sender policy part “%s” at character %u needs a valid domain name after the equals sign."));
          return FALSE;
        }

      *has_redirect |= kind == MP_SPF_TERM_REDIRECT;
      *has_exp |= kind == MP_SPF_TERM_EXP;

      term = g_new0 (MpSpfTerm, 1);
      term->kind = kind;
      term->qualifier = MP_SPF_QUALIFIER_PASS;
      term->value = g_strdup (rest + 1);
      term->offset = offset;
      term->length = length;
      g_ptr_array_add (record->terms, term);
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (mechanisms); i++)
    {
      const char *value = NULL;
      gboolean valid;

      if (strlen (mechanisms[i].name) != name_length ||
          g_ascii_strncasecmp (p, mechanisms[i].name, name_length) != 0)
        continue;

      if (*rest == ':')
        value = rest + 1;
      else if (*rest != '\0' && *rest != '/')
        break;

      switch (mechanisms[i].kind)
        {
        case MP_SPF_TERM_ALL:
          valid = *rest == '\0';
          break;
        case MP_SPF_TERM_INCLUDE:
        case MP_SPF_TERM_EXISTS:
          valid = is_domain_spec (value);
          break;
        case MP_SPF_TERM_A:
        case MP_SPF_TERM_MX:
          {
            g_autofree char *domain = NULL;
            const char *slash = strchr (rest, '/');

            if (value != NULL)
              domain = slash != NULL ? g_strndup (value, slash - value) : g_strdup (value);
            valid = (value == NULL || is_domain_spec (domain)) &&
                    (slash == NULL || is_dual_cidr (slash + 1));
            break;
          }
        case MP_SPF_TERM_PTR:
          valid = value == NULL || is_domain_spec (value);
          break;
        case MP_SPF_TERM_IP4:
          valid = is_ip (value, AF_INET);
          break;
        case MP_SPF_TERM_IP6:
          valid = is_ip (value, AF_INET6);
          break;
        default:
          valid = FALSE;
        }

      if (!valid)
        {
          gboolean missing = (value == NULL || *value == '\0') &&
                             mechanisms[i].kind != MP_SPF_TERM_ALL;

          set_error (error, error_offset,
                     missing ? MP_SPF_ERROR_MISSING_VALUE : MP_SPF_ERROR_INVALID_VALUE,
                     offset, term_text,
                     missing
                     /* TRANSLATORS: the first %s is a part of an SPF record, %u a position */
                     ? _("The sender policy part “%s” at character %u is missing its value, for example a domain name after the colon.")
                     /* TRANSLATORS: the first %s is a part of an SPF record, %u a position */
                     : _("The sender policy part “%s” at character %u has a value that is not valid."));
          return FALSE;
        }

      term = g_new0 (MpSpfTerm, 1);
      term->kind = mechanisms[i].kind;
      term->qualifier = qualifier;
      term->value = g_strdup (value);
      term->offset = offset;
      term->length = length;
      g_ptr_array_add (record->terms, term);
      return TRUE;
    }

  set_error (error, error_offset, MP_SPF_ERROR_UNKNOWN_TERM, offset, term_text,
             /* TRANSLATORS: the first %s is a part of an SPF record, %u a position */
             _("The sender policy has a part “%s” at character %u that SPF does not know."));
  return FALSE;
}

MpSpfRecord *
mp_spf_record_parse (const char  *text,
                     gsize       *error_offset,
                     GError     **error)
{
  g_autoptr(MpSpfRecord) self = NULL;
  gboolean has_redirect = FALSE;
  gboolean has_exp = FALSE;
  gsize offset = 6;
  gsize length;

  if (!mp_spf_is_spf_record (text))
    {
      if (error_offset != NULL)
        *error_offset = 0;
      g_set_error_literal (error, MP_SPF_ERROR, MP_SPF_ERROR_NOT_SPF,
                           _("This text is not a sender policy (SPF) record: it must start with “v=spf1”."));
      return NULL;
    }

  self = g_new0 (MpSpfRecord, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->text = g_strdup (text);
  self->terms = g_ptr_array_new_with_free_func ((GDestroyNotify) term_free);
  length = strlen (text);

  while (offset < length)
    {
      gsize term_length;

      if (text[offset] == ' ')
        {
          offset++;
          continue;
        }

      term_length = strcspn (text + offset, " ");
      if (!parse_term (self, text, offset, term_length, &has_redirect, &has_exp, error_offset, error))
        return NULL;
      offset += term_length;
    }

  return g_steal_pointer (&self);
}

guint
mp_spf_record_count_lookups (MpSpfRecord *self)
{
  guint count = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->terms->len; i++)
    {
      MpSpfTerm *term = g_ptr_array_index (self->terms, i);

      switch (term->kind)
        {
        case MP_SPF_TERM_INCLUDE:
        case MP_SPF_TERM_A:
        case MP_SPF_TERM_MX:
        case MP_SPF_TERM_PTR:
        case MP_SPF_TERM_EXISTS:
        case MP_SPF_TERM_REDIRECT:
          count++;
          break;
        default:
          break;
        }
    }

  return count;
}

static const MpSpfTerm *
find_term (MpSpfRecord   *self,
           MpSpfTermKind  kind)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->terms->len; i++)
    {
      MpSpfTerm *term = g_ptr_array_index (self->terms, i);

      if (term->kind == kind)
        return term;
    }

  return NULL;
}

const MpSpfTerm *
mp_spf_record_get_all (MpSpfRecord *self)
{
  return find_term (self, MP_SPF_TERM_ALL);
}

const MpSpfTerm *
mp_spf_record_get_redirect (MpSpfRecord *self)
{
  return find_term (self, MP_SPF_TERM_REDIRECT);
}

GStrv
mp_spf_record_get_includes (MpSpfRecord *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->terms->len; i++)
    {
      MpSpfTerm *term = g_ptr_array_index (self->terms, i);

      if (term->kind == MP_SPF_TERM_INCLUDE)
        g_strv_builder_add (builder, term->value);
    }

  return g_strv_builder_end (builder);
}

gboolean
mp_spf_record_has_include (MpSpfRecord *self,
                           const char  *domain)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->terms->len; i++)
    {
      MpSpfTerm *term = g_ptr_array_index (self->terms, i);

      if (term->kind == MP_SPF_TERM_INCLUDE && mp_dns_name_equal (term->value, domain))
        return TRUE;
    }

  return FALSE;
}

char *
mp_spf_merge (const char *existing,
              const char *expected)
{
  g_autoptr(MpSpfRecord) old = NULL;
  g_autoptr(MpSpfRecord) wanted = NULL;
  g_autoptr(GString) merged = NULL;
  const MpSpfTerm *wanted_all;
  const char *all_text = "~all";
  g_autofree char *wanted_all_text = NULL;
  gboolean inserted = FALSE;
  gboolean has_all = FALSE;

  if (existing == NULL || *existing == '\0')
    return g_strdup (expected);

  old = mp_spf_record_parse (existing, NULL, NULL);
  if (old == NULL)
    return NULL;

  wanted = mp_spf_record_parse (expected, NULL, NULL);
  if (wanted == NULL)
    return g_strdup (existing);

  wanted_all = mp_spf_record_get_all (wanted);
  if (wanted_all != NULL)
    all_text = wanted_all_text = g_strndup (wanted->text + wanted_all->offset, wanted_all->length);

  merged = g_string_new ("v=spf1");

  for (guint i = 0; i <= old->terms->len; i++)
    {
      MpSpfTerm *term = i < old->terms->len ? g_ptr_array_index (old->terms, i) : NULL;

      /* The provider's includes go before the first term that ends the evaluation. */
      if (!inserted && (term == NULL || term->kind == MP_SPF_TERM_ALL || term->kind == MP_SPF_TERM_REDIRECT))
        {
          for (guint j = 0; j < wanted->terms->len; j++)
            {
              MpSpfTerm *include = g_ptr_array_index (wanted->terms, j);

              if (include->kind == MP_SPF_TERM_INCLUDE && !mp_spf_record_has_include (old, include->value))
                g_string_append_printf (merged, " include:%s", include->value);
            }
          inserted = TRUE;
        }

      if (term == NULL)
        break;

      if (term->kind == MP_SPF_TERM_ALL)
        {
          has_all = TRUE;
          /* "+all" lets anyone send as the domain and "?all" says nothing: use the provider's. */
          if (term->qualifier == MP_SPF_QUALIFIER_PASS || term->qualifier == MP_SPF_QUALIFIER_NEUTRAL)
            {
              g_string_append_printf (merged, " %s", all_text);
              continue;
            }
        }

      g_string_append_c (merged, ' ');
      g_string_append_len (merged, old->text + term->offset, term->length);
    }

  if (!has_all && mp_spf_record_get_redirect (old) == NULL)
    g_string_append_printf (merged, " %s", all_text);

  return g_string_free (g_steal_pointer (&merged), FALSE);
}
