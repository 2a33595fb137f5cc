/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <string.h>

#include "mp-ovh-client.h"
#include "mp-ovh-endpoint.h"

typedef struct
{
  const char *id;
  const char *base_url;
  const char *label;
  const char *create_app_url;
  const char *create_token_url;
} RegionInfo;

/* Indexed by MpOvhRegion; the URLs are the ones the official clients use (ovh-api.md §1.1). */
static const RegionInfo regions[] = {
  [MP_OVH_REGION_EU] = {
    "ovh-eu", "https://eu.api.ovh.com/1.0", N_("Europe"),
    "https://eu.api.ovh.com/createApp/", "https://eu.api.ovh.com/createToken/",
  },
  [MP_OVH_REGION_CA] = {
    "ovh-ca", "https://ca.api.ovh.com/1.0", N_("Canada"),
    "https://ca.api.ovh.com/createApp/", "https://ca.api.ovh.com/createToken/",
  },
  [MP_OVH_REGION_US] = {
    "ovh-us", "https://api.us.ovhcloud.com/1.0", N_("United States"),
    "https://api.us.ovhcloud.com/createApp/", "https://api.us.ovhcloud.com/createToken/",
  },
  [MP_OVH_REGION_CUSTOM] = {
    NULL, NULL, N_("Custom URL"), NULL, NULL,
  },
};

static const RegionInfo *
region_info (MpOvhRegion region)
{
  g_return_val_if_fail (region <= MP_OVH_REGION_CUSTOM, &regions[MP_OVH_REGION_CUSTOM]);

  return &regions[region];
}

const char *
mp_ovh_region_get_id (MpOvhRegion region)
{
  return region_info (region)->id;
}

const char *
mp_ovh_region_get_base_url (MpOvhRegion region)
{
  return region_info (region)->base_url;
}

const char *
mp_ovh_region_get_label (MpOvhRegion region)
{
  return _(region_info (region)->label);
}

const char *
mp_ovh_region_get_create_app_url (MpOvhRegion region)
{
  return region_info (region)->create_app_url;
}

/* The token page accepts "?GET=/path&POST=/path…" to prefill the rights (ovh-api.md §1.1), so
 * a person who makes the three keys there grants exactly what Mailpost asks for itself. */
static char *
build_create_token_url (const char *page)
{
  const char * const *rules = mp_ovh_client_get_access_rules ();
  GString *url = g_string_new (page);

  for (guint i = 0; rules[i] != NULL && rules[i + 1] != NULL; i += 2)
    g_string_append_printf (url, "%c%s=%s", i == 0 ? '?' : '&', rules[i], rules[i + 1]);

  return g_string_free (url, FALSE);
}

const char *
mp_ovh_region_get_create_token_url (MpOvhRegion region)
{
  static char *urls[MP_OVH_REGION_CUSTOM];
  static gsize initialized;

  if (region_info (region)->create_token_url == NULL)
    return NULL;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
        urls[i] = build_create_token_url (regions[i].create_token_url);
      g_once_init_leave (&initialized, 1);
    }

  return urls[region];
}

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);

  return address != NULL && g_inet_address_get_is_loopback (address);
}

char *
mp_ovh_endpoint_resolve (const char  *endpoint,
                         GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GUri) clean = NULL;
  g_autofree char *path = NULL;
  const char *scheme;
  const char *host;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = g_strstrip (g_strdup (endpoint != NULL ? endpoint : ""));

  for (guint i = 0; i < MP_OVH_REGION_CUSTOM; i++)
    {
      if (g_ascii_strcasecmp (text, regions[i].id) == 0)
        return g_strdup (regions[i].base_url);
    }

  uri = g_uri_parse (text, G_URI_FLAGS_ENCODED | G_URI_FLAGS_SCHEME_NORMALIZE, NULL);
  host = uri != NULL ? g_uri_get_host (uri) : NULL;
  if (uri == NULL || host == NULL || *host == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is the address the person typed. */
                   _("“%s” is not an API address. Choose a region, or enter an address that starts with https://."),
                   text);
      return NULL;
    }

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "https") != 0 &&
      !(g_ascii_strcasecmp (scheme, "http") == 0 && host_is_loopback (host)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is the address the person typed. */
                   _("“%s” is not a secure address. Enter an address that starts with https:// (plain http:// is only allowed on this computer)."),
                   text);
      return NULL;
    }

  /* Credentials in the URL or a query would end up in every signed URL and in logs. */
  if (g_uri_get_userinfo (uri) != NULL || g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is the address the person typed. */
                   _("“%s” is not an API address: it must not contain a user name, “?” or “#”."),
                   text);
      return NULL;
    }

  path = g_strdup (g_uri_get_path (uri));
  while (*path != '\0' && path[strlen (path) - 1] == '/')
    path[strlen (path) - 1] = '\0';

  /* Built back with the scheme normalised, so an explicit default port (":443") is dropped
   * just as the session drops it when sending, and the signed URL matches. */
  clean = g_uri_build (G_URI_FLAGS_ENCODED | G_URI_FLAGS_SCHEME_NORMALIZE, g_uri_get_scheme (uri),
                       NULL, host, g_uri_get_port (uri), path, NULL, NULL);

  return g_uri_to_string (clean);
}

MpOvhRegion
mp_ovh_endpoint_get_region (const char *base_url)
{
  g_autofree char *trimmed = NULL;

  if (base_url == NULL)
    return MP_OVH_REGION_CUSTOM;

  trimmed = g_strdup (base_url);
  while (*trimmed != '\0' && trimmed[strlen (trimmed) - 1] == '/')
    trimmed[strlen (trimmed) - 1] = '\0';

  for (guint i = 0; i < MP_OVH_REGION_CUSTOM; i++)
    {
      if (g_ascii_strcasecmp (trimmed, regions[i].base_url) == 0)
        return (MpOvhRegion) i;
    }

  return MP_OVH_REGION_CUSTOM;
}
