/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-ovh-error.h: the MP_OVH_ERROR domain.
 *
 * Every failure of a call to the provider's API ends up as one of these codes, with a
 * translated sentence a person can act on as the GError message.  Technical details (the
 * provider's own message, the query id) go to g_debug only.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MP_OVH_ERROR (mp_ovh_error_quark ())

typedef enum
{
  MP_OVH_ERROR_FAILED,              /* anything not listed below */
  MP_OVH_ERROR_NETWORK,             /* no connection, DNS failure, cut connection, timeout */
  MP_OVH_ERROR_TLS,                 /* certificate refused */
  MP_OVH_ERROR_MALFORMED,           /* the answer is not the JSON we expect */
  MP_OVH_ERROR_INVALID_KEY,         /* unknown application key (INVALID_KEY) */
  MP_OVH_ERROR_INVALID_SIGNATURE,   /* wrong application secret (INVALID_SIGNATURE) */
  MP_OVH_ERROR_CREDENTIAL_PENDING,  /* consumer key not validated yet */
  MP_OVH_ERROR_CREDENTIAL_REFUSED,  /* the user refused the consumer key */
  MP_OVH_ERROR_CREDENTIAL_EXPIRED,  /* consumer key expired or revoked: sign in again */
  MP_OVH_ERROR_INVALID_CREDENTIAL,  /* INVALID_CREDENTIAL / NOT_CREDENTIAL: sign in again */
  MP_OVH_ERROR_NOT_GRANTED,         /* NOT_GRANTED_CALL: the consumer key lacks a right */
  MP_OVH_ERROR_FORBIDDEN,           /* FORBIDDEN / Client::Forbidden (IAM) */
  MP_OVH_ERROR_QUERY_TIME_OUT,      /* clock skew still too large after a resync */
  MP_OVH_ERROR_BAD_REQUEST,         /* 400 with the provider's reason */
  MP_OVH_ERROR_NOT_FOUND,           /* 404 */
  MP_OVH_ERROR_CONFLICT,            /* 409 */
  MP_OVH_ERROR_SERVICE_EXPIRED,     /* 460 */
  MP_OVH_ERROR_RATE_LIMITED,        /* 429 after the retries */
  MP_OVH_ERROR_SERVER,              /* 5xx after the retries */
} MpOvhError;

GQuark mp_ovh_error_quark (void);

/* TRUE when the error means the stored keys are no longer usable and the
 * user has to sign in again (expired, revoked, refused or unknown credential). */
gboolean mp_ovh_error_needs_sign_in (const GError *error);

G_END_DECLS
