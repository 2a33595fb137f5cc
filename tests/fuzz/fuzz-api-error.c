/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-api-error: the API's error bodies.  The first two bytes are the HTTP status; the rest
 * is the body, passed as JSON when it parses and as no body otherwise.  Every error must carry
 * a sentence. */
#include "config.h"

#include <json-glib/json-glib.h>

#include "api/mp-ovh-error-private.h"
#include "api/mp-ovh-error.h"
#include "mp-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *provider_code = NULL;
  JsonNode *body = NULL;
  guint status;

  mp_fuzz_init ();
  if (size < 2)
    return 0;
  /* 100–699: what libsoup can hand over. */
  status = 100 + ((data[0] << 8 | data[1]) % 600);
  parser = json_parser_new_immutable ();
  if (json_parser_load_from_data (parser, (const char *) data + 2, size - 2, NULL))
    body = json_parser_get_root (parser);

  error = mp_ovh_error_new_for_response (status, "POST", "/email/pro/emailpro-x/domain", body,
                                         "EU.ext-1.fuzz", &provider_code);
  g_assert_nonnull (error);
  g_assert_nonnull (error->message);
  g_assert_true (error->message[0] != '\0');
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_true (provider_code == NULL || g_utf8_validate (provider_code, -1, NULL));
  mp_ovh_error_needs_sign_in (error);
  return 0;
}
