/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-domain-rules.h: what a domain name and a relay host name must look like.
 *
 * Pure functions, no I/O: the add-domain wizard and the change-mode dialog check as the user
 * types, and the session checks again before it sends anything.  Each refusal is one translated
 * sentence that says what to change; NULL means valid.
 *
 * Names may be typed in Unicode (IDN, "bäckerei-schmidt.de"): they are converted with
 * g_hostname_to_ascii (punycode, "xn--bckerei-schmidt-0kb.de") and the limits apply to that
 * ASCII form, which is what the provider and the DNS see.  A single trailing dot is accepted
 * and dropped; surrounding white space is ignored; the result is lower-case.
 */
#pragma once

#include <glib.h>

#include "api/mp-ovh-endpoint.h"

G_BEGIN_DECLS

#define MP_DOMAIN_RULES_MAX_NAME_LENGTH  253   /* ASCII form, without the trailing dot */
#define MP_DOMAIN_RULES_MAX_LABEL_LENGTH 63
#define MP_DOMAIN_RULES_MAX_RELAY_LENGTH 255   /* what the provider accepts for mxRelay */

/* Checks a domain name to attach.  It needs at least two labels, each 1–63 characters of
 * letters, digits and hyphens (not at either end), a top-level label that is not all digits,
 * and at most 253 characters in ASCII form.  On success returns NULL and, when asked, the
 * ASCII (punycode) form in *ascii_name; otherwise returns the reason and sets *ascii_name to
 * NULL. */
char     *mp_domain_rules_check_name     (const char  *input,
                                          char       **ascii_name);

/* Checks the target mail server of a non-authoritative domain: a valid host name as above,
 * at most 255 characters, and not this service's own host (service_hostname, may be NULL),
 * to which the mail would come straight back ("that would loop").  An IP address is refused
 * with its own reason: the provider wants a host name.  On success returns NULL and the ASCII
 * form in *ascii_host when asked. */
char     *mp_domain_rules_check_relay    (const char  *input,
                                          const char  *service_hostname,
                                          char       **ascii_host);

/* The ASCII form, or NULL when the input is not a valid host name.  Free with g_free. */
char     *mp_domain_rules_to_ascii       (const char  *input);
/* The form for people: IDN labels decoded (g_hostname_to_unicode), else the input lower-cased.
 * Never NULL for non-NULL input.  Free with g_free. */
char     *mp_domain_rules_to_unicode     (const char  *input);
/* TRUE when the name has a punycode form different from what people read, i.e. when both
 * forms should be shown. */
gboolean  mp_domain_rules_is_idn         (const char  *input);

/* The provider's own relay host to suggest for non-authoritative mode in a region:
 * "mx1.mail.ovh.ca" for Canada (features.md: the CA manager wrongly offered the .net one);
 * "mx1.mail.ovh.net" for Europe, for a custom endpoint and for the United States, where the
 * provider documents no relay of its own (a page should say so). */
const char *mp_domain_rules_get_provider_relay (MpOvhRegion region);

G_END_DECLS
