/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-credential-store.h: the provider keys in the desktop keyring (libsecret).
 *
 * One libsecret schema "io.github.mailpost.Mailpost.Credentials" with the attributes
 * "endpoint" (base URL), "application-key" and "version" (integer, 1).  The secret value is a
 * small JSON object {"application_secret", "consumer_key"}.  There is no plaintext fallback:
 * when the keyring cannot be reached, the operation fails with MP_CREDENTIAL_ERROR_UNAVAILABLE.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define MP_CREDENTIAL_ERROR (mp_credential_error_quark ())

typedef enum
{
  MP_CREDENTIAL_ERROR_NOT_FOUND,     /* nothing stored for that endpoint and key */
  MP_CREDENTIAL_ERROR_UNAVAILABLE,   /* no keyring, locked and not unlocked, D-Bus failure */
  MP_CREDENTIAL_ERROR_CORRUPT,       /* the stored value is not what we wrote */
} MpCredentialError;

GQuark mp_credential_error_quark (void);

/* The four values that open an account's API.  Secrets are wiped from memory on free. */
typedef struct
{
  char *endpoint;            /* base URL, e.g. https://eu.api.ovh.com/1.0 */
  char *application_key;
  char *application_secret;
  char *consumer_key;
} MpCredentials;

#define MP_TYPE_CREDENTIALS (mp_credentials_get_type ())
GType          mp_credentials_get_type (void) G_GNUC_CONST;
MpCredentials *mp_credentials_new      (const char          *endpoint,
                                        const char          *application_key,
                                        const char          *application_secret,
                                        const char          *consumer_key);
MpCredentials *mp_credentials_copy     (const MpCredentials *self);
void           mp_credentials_free     (MpCredentials       *self);
/* From OVH_ENDPOINT, OVH_APPLICATION_KEY, OVH_APPLICATION_SECRET, OVH_CONSUMER_KEY (the official
 * clients' variables); NULL when any is missing.  OVH_ENDPOINT goes through
 * mp_ovh_endpoint_resolve() (error when refused). */
MpCredentials *mp_credentials_new_from_environment (GError **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpCredentials, mp_credentials_free)

#define MP_TYPE_CREDENTIAL_STORE (mp_credential_store_get_type ())
G_DECLARE_FINAL_TYPE (MpCredentialStore, mp_credential_store, MP, CREDENTIAL_STORE, GObject)

MpCredentialStore *mp_credential_store_new           (void);

void               mp_credential_store_save_async    (MpCredentialStore    *self,
                                                      const MpCredentials  *credentials,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean           mp_credential_store_save_finish   (MpCredentialStore    *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

void               mp_credential_store_lookup_async  (MpCredentialStore    *self,
                                                      const char           *endpoint,
                                                      const char           *application_key,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
/* NULL with MP_CREDENTIAL_ERROR_NOT_FOUND when nothing is stored. */
MpCredentials     *mp_credential_store_lookup_finish (MpCredentialStore    *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* Removes the keys of that endpoint and application key (sign out).  Not finding any is
 * not an error. */
void               mp_credential_store_clear_async   (MpCredentialStore    *self,
                                                      const char           *endpoint,
                                                      const char           *application_key,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean           mp_credential_store_clear_finish  (MpCredentialStore    *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

G_END_DECLS
