/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-ovh-endpoint.h: the provider's API regions and custom endpoints. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  MP_OVH_REGION_EU,
  MP_OVH_REGION_CA,
  MP_OVH_REGION_US,
  MP_OVH_REGION_CUSTOM,
} MpOvhRegion;

/* "ovh-eu" → https://eu.api.ovh.com/1.0, "ovh-ca", "ovh-us"; NULL for CUSTOM. */
const char  *mp_ovh_region_get_id            (MpOvhRegion region);
const char  *mp_ovh_region_get_base_url      (MpOvhRegion region);
/* Translated, e.g. "Europe", "Canada", "United States", "Custom URL" */
const char  *mp_ovh_region_get_label         (MpOvhRegion region);
/* The provider's page where application keys are created, for that region. */
const char  *mp_ovh_region_get_create_app_url   (MpOvhRegion region);
const char  *mp_ovh_region_get_create_token_url (MpOvhRegion region);

/* Accepts "ovh-eu" / "ovh-ca" / "ovh-us" (as the official clients' OVH_ENDPOINT does) or a URL.
 * A URL must be https, or plain http to a loopback address (127.0.0.0/8, ::1, localhost);
 * anything else is refused with G_IO_ERROR_INVALID_ARGUMENT and a translated sentence.
 * Returns the base URL without a trailing slash, e.g. "https://eu.api.ovh.com/1.0". */
char        *mp_ovh_endpoint_resolve         (const char  *endpoint,
                                              GError     **error);
/* The region whose base URL this is, or MP_OVH_REGION_CUSTOM. */
MpOvhRegion  mp_ovh_endpoint_get_region      (const char  *base_url);

G_END_DECLS
