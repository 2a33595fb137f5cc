/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dns/mp-dkim.h"

G_DEFINE_QUARK (mp-dkim-error-quark, mp_dkim_error)
G_DEFINE_BOXED_TYPE (MpDkimKey, mp_dkim_key, mp_dkim_key_ref, mp_dkim_key_unref)

/* DER tags */
#define TAG_INTEGER    0x02
#define TAG_BIT_STRING 0x03
#define TAG_NULL       0x05
#define TAG_OID        0x06
#define TAG_SEQUENCE   0x30

/* 1.2.840.113549.1.1.1 */
static const guint8 rsa_encryption_oid[] = { 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01 };

typedef struct
{
  const guint8 *data;
  gsize         length;
} Span;

/* Reads one DER element at the start of *in: its tag and content, and moves *in past it.
 * Only definite lengths up to 4 bytes; every length is checked against what is left. */
static gboolean
read_element (Span   *in,
              guint8  expected_tag,
              Span   *content)
{
  gsize offset = 2;
  gsize length;

  if (in->length < 2 || in->data[0] != expected_tag)
    return FALSE;

  length = in->data[1];
  if (length & 0x80)
    {
      gsize n_bytes = length & 0x7f;

      if (n_bytes == 0 || n_bytes > 4 || in->length < 2 + n_bytes)
        return FALSE;

      length = 0;
      for (gsize i = 0; i < n_bytes; i++)
        length = (length << 8) | in->data[2 + i];
      offset += n_bytes;
    }

  if (length > in->length - offset)
    return FALSE;

  content->data = in->data + offset;
  content->length = length;
  in->data += offset + length;
  in->length -= offset + length;
  return TRUE;
}

/* RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } */
static guint
rsa_public_key_bits (Span in)
{
  Span sequence, modulus, exponent;
  guint8 first;

  if (!read_element (&in, TAG_SEQUENCE, &sequence) ||
      !read_element (&sequence, TAG_INTEGER, &modulus) ||
      !read_element (&sequence, TAG_INTEGER, &exponent) ||
      modulus.length == 0 || exponent.length == 0 ||
      (modulus.data[0] & 0x80) != 0)   /* a negative modulus */
    return 0;

  while (modulus.length > 0 && modulus.data[0] == 0)
    {
      modulus.data++;
      modulus.length--;
    }
  if (modulus.length == 0 || modulus.length > G_MAXUINT / 8)
    return 0;

  first = modulus.data[0];
  return (guint) (modulus.length - 1) * 8 + g_bit_storage (first);
}

guint
mp_dkim_rsa_key_bits (const guint8  *der,
                      gsize          length,
                      GError       **error)
{
  Span in = { der, length };
  Span outer, algorithm, oid, key;
  guint bits = 0;

  if (der != NULL && length >= 2)
    {
      Span probe = in;

      if (read_element (&probe, TAG_SEQUENCE, &outer) && outer.length >= 2 && outer.data[0] == TAG_INTEGER)
        {
          /* A bare PKCS#1 key. */
          bits = rsa_public_key_bits (in);
        }
      else if (read_element (&in, TAG_SEQUENCE, &outer) &&
               read_element (&outer, TAG_SEQUENCE, &algorithm) &&
               read_element (&algorithm, TAG_OID, &oid) &&
               oid.length == sizeof rsa_encryption_oid &&
               memcmp (oid.data, rsa_encryption_oid, sizeof rsa_encryption_oid) == 0 &&
               read_element (&outer, TAG_BIT_STRING, &key) &&
               key.length > 1 && key.data[0] == 0)
        {
          key.data++;
          key.length--;
          bits = rsa_public_key_bits (key);
        }
    }

  if (bits == 0)
    g_set_error_literal (error, MP_DKIM_ERROR, MP_DKIM_ERROR_BAD_KEY,
                         _("The DKIM record’s key is damaged: it is not an RSA public key. Copy the record again exactly as the provider shows it."));
  return bits;
}


gboolean
mp_dkim_is_key_record (const char *text)
{
  g_autofree char *compact = NULL;

  if (text == NULL)
    return FALSE;

  compact = g_strdelimit (g_strdup (text), " \t\r\n", ' ');
  g_strstrip (compact);
  return g_ascii_strncasecmp (compact, "v=DKIM1", 7) == 0 ||
         g_str_has_prefix (compact, "p=") || strstr (compact, ";p=") != NULL ||
         strstr (compact, "; p=") != NULL;
}

MpDkimKey *
mp_dkim_key_ref (MpDkimKey *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
mp_dkim_key_unref (MpDkimKey *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->key_type);
  g_free (self->public_key);
  g_free (self);
}

static char *
strip_white_space (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

static gboolean
is_base64 (const char *text)
{
  gsize length = strlen (text);
  gsize padding = 0;

  if (length == 0 || length % 4 != 0)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '=')
        padding++;
      else if (padding > 0 || !(g_ascii_isalnum (c) || c == '+' || c == '/'))
        return FALSE;
    }

  return padding <= 2;
}

MpDkimKey *
mp_dkim_key_parse (const char  *text,
                   GError     **error)
{
  g_auto(GStrv) tags = NULL;
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(MpDkimKey) self = NULL;
  g_autofree guint8 *der = NULL;
  const char *version, *key_type, *key, *flags;
  gsize der_length = 0;

  if (text == NULL)
    text = "";

  tags = g_strsplit (text, ";", -1);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      g_autofree char *tag = g_strstrip (g_strdup (tags[i]));
      char *equals;
      g_autofree char *name = NULL;

      if (*tag == '\0')
        continue;   /* a trailing ';' is allowed */

      equals = strchr (tag, '=');
      if (equals == NULL)
        {
          g_set_error_literal (error, MP_DKIM_ERROR, MP_DKIM_ERROR_SYNTAX,
                               _("The DKIM record cannot be read: every part must have the form name=value, separated by semicolons."));
          return NULL;
        }

      *equals = '\0';
      name = g_ascii_strdown (g_strstrip (tag), -1);
      if (*name == '\0' || g_hash_table_contains (values, name))
        {
          g_set_error_literal (error, MP_DKIM_ERROR, MP_DKIM_ERROR_SYNTAX,
                               _("The DKIM record cannot be read: a part is empty or appears twice."));
          return NULL;
        }

      /* The first tag must be v= when it is present (RFC 6376 §3.6.1). */
      if (g_str_equal (name, "v") && g_hash_table_size (values) > 0)
        {
          g_set_error_literal (error, MP_DKIM_ERROR, MP_DKIM_ERROR_SYNTAX,
                               _("The DKIM record cannot be read: “v=DKIM1” must come first."));
          return NULL;
        }

      g_hash_table_insert (values, g_steal_pointer (&name), g_strstrip (g_strdup (equals + 1)));
    }

  version = g_hash_table_lookup (values, "v");
  if (version != NULL && !g_str_equal (version, "DKIM1"))
    {
      g_set_error_literal (error, MP_DKIM_ERROR, MP_DKIM_ERROR_NOT_DKIM,
                           _("This record is not a DKIM key: it must start with “v=DKIM1”."));
      return NULL;
    }

  key = g_hash_table_lookup (values, "p");
  if (key == NULL)
    {
      g_set_error_literal (error, MP_DKIM_ERROR, MP_DKIM_ERROR_NO_KEY,
                           _("The DKIM record has no key (no “p=” part), so no mail can be verified with it."));
      return NULL;
    }

  self = g_new0 (MpDkimKey, 1);
  g_atomic_ref_count_init (&self->ref_count);
  key_type = g_hash_table_lookup (values, "k");
  self->key_type = g_ascii_strdown (key_type != NULL ? key_type : "rsa", -1);
  self->public_key = strip_white_space (key);
  flags = g_hash_table_lookup (values, "t");
  self->testing = flags != NULL && strchr (flags, 'y') != NULL;

  if (*self->public_key == '\0')
    {
      g_set_error_literal (error, MP_DKIM_ERROR, MP_DKIM_ERROR_REVOKED,
                           _("The DKIM key has been withdrawn (its “p=” part is empty), so mail signed with it fails the check."));
      return NULL;
    }

  if (!g_str_equal (self->key_type, "rsa"))
    {
      g_set_error_literal (error, MP_DKIM_ERROR, MP_DKIM_ERROR_UNSUPPORTED_KEY,
                           _("The DKIM key is not an RSA key, so Mailpost cannot judge its strength."));
      return NULL;
    }

  if (!is_base64 (self->public_key))
    {
      g_set_error_literal (error, MP_DKIM_ERROR, MP_DKIM_ERROR_BAD_KEY,
                           _("The DKIM record’s key is damaged: it is not valid base64. Copy the record again exactly as the provider shows it."));
      return NULL;
    }

  der = g_base64_decode (self->public_key, &der_length);
  self->bits = mp_dkim_rsa_key_bits (der, der_length, error);
  if (self->bits == 0)
    return NULL;

  return g_steal_pointer (&self);
}

const char *
mp_dkim_error_code_to_sentence (int code)
{
  switch (code)
    {
    case 501:
      return _("Only one of the two DKIM keys has been prepared. Set up DKIM again so that the provider prepares both.");
    case 502:
      return _("The provider’s DKIM setup task failed. Set up DKIM again; if it fails again, contact the provider’s support.");
    case 503:
      return _("A DKIM record in your domain points to the wrong place. Replace it with the record shown here.");
    case 504:
      return _("A DKIM record is missing from your domain. Add the record shown here at your DNS host.");
    default:
      return NULL;
    }
}

gboolean
mp_dkim_selector_status_is_pending (const char *status)
{
  static const char * const pending[] = { "todo", "waitingRecord", "enabling", "disabling", "deleting" };

  for (guint i = 0; i < G_N_ELEMENTS (pending); i++)
    if (g_strcmp0 (status, pending[i]) == 0)
      return TRUE;

  return FALSE;
}
