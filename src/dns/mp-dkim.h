/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-dkim.h: DKIM key records (RFC 6376 §3.6.1) and the length of the RSA key they publish.
 *
 * The key length comes from the base64 p= value, a DER SubjectPublicKeyInfo (or a bare
 * RSAPublicKey) read by a minimal, bounds-checked DER reader of our own: the record is
 * untrusted input from DNS, and pulling a TLS library into core for one integer is not worth
 * it.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MP_DKIM_ERROR (mp_dkim_error_quark ())

typedef enum
{
  MP_DKIM_ERROR_NOT_DKIM,          /* v= is present and is not DKIM1, or it is not tag=value */
  MP_DKIM_ERROR_SYNTAX,            /* a tag list that cannot be read */
  MP_DKIM_ERROR_NO_KEY,            /* p= is missing */
  MP_DKIM_ERROR_REVOKED,           /* p= is empty: the key was withdrawn */
  MP_DKIM_ERROR_BAD_KEY,           /* p= is not base64 or not an RSA public key */
  MP_DKIM_ERROR_UNSUPPORTED_KEY,   /* k= other than rsa (ed25519 has no length to judge) */
} MpDkimError;

#define MP_TYPE_DKIM_KEY (mp_dkim_key_get_type ())

typedef struct _MpDkimKey MpDkimKey;
struct _MpDkimKey
{
  /*< private >*/
  gatomicrefcount  ref_count;
  /*< public >*/
  char            *key_type;    /* k=, "rsa" when absent */
  char            *public_key;  /* p= with white space removed (base64) */
  gboolean         testing;     /* t= contains "y" */
  guint            bits;        /* the RSA modulus length in bits */
};

GQuark       mp_dkim_error_quark       (void);
GType        mp_dkim_key_get_type      (void) G_GNUC_CONST;

/* TRUE when a TXT record looks like a DKIM key record (starts with "v=DKIM1" or holds a p=
 * tag). */
gboolean     mp_dkim_is_key_record     (const char  *text);
/* Parses a DKIM key record and reads its RSA key length.  Errors are translated sentences. */
MpDkimKey   *mp_dkim_key_parse         (const char  *text,
                                        GError     **error);
MpDkimKey   *mp_dkim_key_ref           (MpDkimKey   *self);
void         mp_dkim_key_unref         (MpDkimKey   *self);

/* The modulus length in bits of a DER SubjectPublicKeyInfo with an rsaEncryption key, or of a
 * bare PKCS#1 RSAPublicKey.  0 and MP_DKIM_ERROR_BAD_KEY when der is anything else. */
guint        mp_dkim_rsa_key_bits      (const guint8 *der,
                                        gsize         length,
                                        GError      **error);

/* The provider's dkimDiagnostics.errorCode (501–504) in plain words with what to do, or NULL
 * for a code it does not document. */
const char  *mp_dkim_error_code_to_sentence (int code);
/* TRUE for the selector statuses in which the provider is still working (todo, waitingRecord,
 * enabling, disabling, deleting). */
gboolean     mp_dkim_selector_status_is_pending (const char *status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpDkimKey, mp_dkim_key_unref)

G_END_DECLS
