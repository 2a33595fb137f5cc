/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "api/mp-ovh-client.h"
#include "api/mp-ovh-endpoint.h"

static void
assert_resolves (const char *endpoint,
                 const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base_url = NULL;

  base_url = mp_ovh_endpoint_resolve (endpoint, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (base_url, ==, expected);
}

static void
assert_refused (const char *endpoint)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base_url = NULL;

  base_url = mp_ovh_endpoint_resolve (endpoint, &error);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_null (base_url);
  g_assert_nonnull (error->message);
  g_assert_cmpuint (strlen (error->message), >, 20);
}

static void
test_region_names (void)
{
  assert_resolves ("ovh-eu", "https://eu.api.ovh.com/1.0");
  assert_resolves ("ovh-ca", "https://ca.api.ovh.com/1.0");
  assert_resolves ("ovh-us", "https://api.us.ovhcloud.com/1.0");
  assert_resolves ("  OVH-EU\n", "https://eu.api.ovh.com/1.0");
}

static void
test_https_urls (void)
{
  assert_resolves ("https://eu.api.ovh.com/1.0", "https://eu.api.ovh.com/1.0");
  assert_resolves ("https://api.example.com/1.0/", "https://api.example.com/1.0");
  assert_resolves ("https://api.example.com:8443/v1//", "https://api.example.com:8443/v1");
  assert_resolves ("HTTPS://api.example.com/1.0", "https://api.example.com/1.0");
  assert_resolves ("https://eu.api.ovh.com:443/1.0", "https://eu.api.ovh.com/1.0");
}

static void
test_plain_http_on_loopback (void)
{
  assert_resolves ("http://127.0.0.1:40123/1.0", "http://127.0.0.1:40123/1.0");
  assert_resolves ("http://127.0.0.1:40123/1.0/", "http://127.0.0.1:40123/1.0");
  assert_resolves ("http://127.45.6.7/1.0", "http://127.45.6.7/1.0");
  assert_resolves ("http://[::1]:9000/1.0", "http://[::1]:9000/1.0");
  assert_resolves ("http://localhost:8080/1.0", "http://localhost:8080/1.0");
  assert_resolves ("http://LocalHost/1.0", "http://LocalHost/1.0");
}

static void
test_refuses_plain_http_elsewhere (void)
{
  assert_refused ("http://eu.api.ovh.com/1.0");
  assert_refused ("http://192.168.1.10:8080/1.0");
  assert_refused ("http://10.0.0.1/1.0");
  assert_refused ("http://127.0.0.1.example.com/1.0");
  assert_refused ("http://localhost.example.com/1.0");
  assert_refused ("http://[::2]/1.0");
}

static void
test_refuses_what_is_not_an_api_address (void)
{
  assert_refused ("");
  assert_refused ("ovh-moon");
  assert_refused ("eu.api.ovh.com");
  assert_refused ("ftp://eu.api.ovh.com/1.0");
  assert_refused ("https:///1.0");
  assert_refused ("https://user:pass@api.example.com/1.0");
  assert_refused ("https://api.example.com/1.0?debug=1");
}

static void
test_region_of_base_url (void)
{
  g_assert_cmpint (mp_ovh_endpoint_get_region ("https://eu.api.ovh.com/1.0"), ==, MP_OVH_REGION_EU);
  g_assert_cmpint (mp_ovh_endpoint_get_region ("https://eu.api.ovh.com/1.0/"), ==, MP_OVH_REGION_EU);
  g_assert_cmpint (mp_ovh_endpoint_get_region ("https://ca.api.ovh.com/1.0"), ==, MP_OVH_REGION_CA);
  g_assert_cmpint (mp_ovh_endpoint_get_region ("https://api.us.ovhcloud.com/1.0"), ==, MP_OVH_REGION_US);
  g_assert_cmpint (mp_ovh_endpoint_get_region ("http://127.0.0.1:4000/1.0"), ==, MP_OVH_REGION_CUSTOM);
  g_assert_cmpint (mp_ovh_endpoint_get_region (NULL), ==, MP_OVH_REGION_CUSTOM);
}

static void
test_regions_round_trip (void)
{
  for (MpOvhRegion region = MP_OVH_REGION_EU; region < MP_OVH_REGION_CUSTOM; region++)
    {
      g_autofree char *base_url = mp_ovh_endpoint_resolve (mp_ovh_region_get_id (region), NULL);

      g_assert_cmpstr (base_url, ==, mp_ovh_region_get_base_url (region));
      g_assert_cmpint (mp_ovh_endpoint_get_region (base_url), ==, region);
    }

  g_assert_null (mp_ovh_region_get_id (MP_OVH_REGION_CUSTOM));
  g_assert_null (mp_ovh_region_get_base_url (MP_OVH_REGION_CUSTOM));
}

static void
test_labels_and_pages (void)
{
  g_assert_cmpstr (mp_ovh_region_get_label (MP_OVH_REGION_EU), ==, "Europe");
  g_assert_cmpstr (mp_ovh_region_get_label (MP_OVH_REGION_CA), ==, "Canada");
  g_assert_cmpstr (mp_ovh_region_get_label (MP_OVH_REGION_US), ==, "United States");
  g_assert_cmpstr (mp_ovh_region_get_label (MP_OVH_REGION_CUSTOM), ==, "Custom URL");

  g_assert_cmpstr (mp_ovh_region_get_create_app_url (MP_OVH_REGION_EU), ==, "https://eu.api.ovh.com/createApp/");
  g_assert_cmpstr (mp_ovh_region_get_create_app_url (MP_OVH_REGION_CA), ==, "https://ca.api.ovh.com/createApp/");
  g_assert_cmpstr (mp_ovh_region_get_create_app_url (MP_OVH_REGION_US), ==, "https://api.us.ovhcloud.com/createApp/");
  g_assert_null (mp_ovh_region_get_create_app_url (MP_OVH_REGION_CUSTOM));
  g_assert_null (mp_ovh_region_get_create_token_url (MP_OVH_REGION_CUSTOM));

  /* The token page comes with Mailpost's rights filled in. */
  for (MpOvhRegion region = MP_OVH_REGION_EU; region < MP_OVH_REGION_CUSTOM; region++)
    {
      const char *url = mp_ovh_region_get_create_token_url (region);

      g_assert_true (g_str_has_prefix (url, "https://"));
      g_assert_nonnull (strstr (url, "/createToken/?GET=/auth/currentCredential&GET=/email/pro&"));
      g_assert_nonnull (strstr (url, "&DELETE=/email/pro/*"));
      g_assert_nonnull (strstr (url, "&POST=/order/email/pro/*"));
    }
}

static void
test_access_rules (void)
{
  const char * const *rules = mp_ovh_client_get_access_rules ();
  guint n = 0;
  gboolean has_current_credential = FALSE;

  for (; rules[n] != NULL; n += 2)
    {
      g_assert_nonnull (rules[n + 1]);
      g_assert_true (g_str_has_prefix (rules[n + 1], "/"));
      g_assert_true (g_strv_contains ((const char * const[]) { "GET", "POST", "PUT", "DELETE", NULL }, rules[n]));
      if (g_str_equal (rules[n], "GET") && g_str_equal (rules[n + 1], "/auth/currentCredential"))
        has_current_credential = TRUE;
      /* Never everything: Mailpost asks only for what it uses. */
      g_assert_cmpstr (rules[n + 1], !=, "/*");
    }

  g_assert_true (has_current_credential);
  g_assert_cmpuint (n / 2, ==, 12);
}

static void
test_escape_segment (void)
{
  g_autofree char *address = mp_ovh_client_escape_segment ("jo@example.com");
  g_autofree char *spaces = mp_ovh_client_escape_segment ("a b/c?d");
  g_autofree char *accents = mp_ovh_client_escape_segment ("zoë");

  g_assert_cmpstr (address, ==, "jo%40example.com");
  g_assert_cmpstr (spaces, ==, "a%20b%2Fc%3Fd");
  g_assert_cmpstr (accents, ==, "zo%C3%AB");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mailpost/endpoint/resolve/region-names", test_region_names);
  g_test_add_func ("/mailpost/endpoint/resolve/https-urls", test_https_urls);
  g_test_add_func ("/mailpost/endpoint/resolve/plain-http-on-loopback", test_plain_http_on_loopback);
  g_test_add_func ("/mailpost/endpoint/resolve/refuses-plain-http-elsewhere", test_refuses_plain_http_elsewhere);
  g_test_add_func ("/mailpost/endpoint/resolve/refuses-non-api-addresses", test_refuses_what_is_not_an_api_address);
  g_test_add_func ("/mailpost/endpoint/region-of-base-url", test_region_of_base_url);
  g_test_add_func ("/mailpost/endpoint/regions-round-trip", test_regions_round_trip);
  g_test_add_func ("/mailpost/endpoint/labels-and-pages", test_labels_and_pages);
  g_test_add_func ("/mailpost/endpoint/access-rules", test_access_rules);
  g_test_add_func ("/mailpost/endpoint/escape-segment", test_escape_segment);

  return g_test_run ();
}
