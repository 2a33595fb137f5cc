/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-client-config.h: what a mail program needs to use an address (guide step 5), as files it
 * imports and as a short text for the employee.
 *
 * Everything comes from the service's server name and the address; no function here takes a
 * password, so none can end up in a file.  Values are escaped for the format they go into.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The ports and security of E-Mail Pro's mail servers, as the guide lists them. */
#define MP_CLIENT_CONFIG_IMAP_PORT      993
#define MP_CLIENT_CONFIG_IMAP_SECURITY  "SSL/TLS"
#define MP_CLIENT_CONFIG_SMTP_PORT      587
#define MP_CLIENT_CONFIG_SMTP_SECURITY  "STARTTLS"

/* The file names the exports are offered under. */
#define MP_CLIENT_CONFIG_AUTOCONFIG_NAME "config-v1.1.xml"

/* Thunderbird's autoconfig file (clientConfig version 1.1): the address's domain, IMAP on
 * hostname port 993 over SSL, SMTP port 587 with STARTTLS, the full address as user name.
 * NULL with G_IO_ERROR_INVALID_ARGUMENT (a sentence) when the server name is not known or the
 * address has no domain. */
char *mp_client_config_render_autoconfig    (const char  *address,
                                             const char  *hostname,
                                             GError     **error);

/* An Apple configuration profile (.mobileconfig plist) with one com.apple.mail.managed
 * payload for the address: IMAP + SMTP as above, no password (the device asks for it).  Its
 * UUIDs are derived from service_name and address, so exporting again replaces the profile
 * instead of adding a second one.  account_name is the name shown on sent mail; may be NULL. */
char *mp_client_config_render_mobileconfig  (const char  *service_name,
                                             const char  *address,
                                             const char  *account_name,
                                             const char  *hostname,
                                             GError     **error);
/* "anna.schmidt@example.com.mobileconfig" */
char *mp_client_config_dup_mobileconfig_name (const char *address);

/* The translated text to hand an employee: the address (left out when NULL), the incoming and
 * outgoing servers with ports and security, the user name, the webmail link (when known) and
 * the guide's note about the first sign-in to webmail. */
char *mp_client_config_render_instructions  (const char  *address,
                                             const char  *hostname,
                                             const char  *webmail_url,
                                             GError     **error);

/* The guide's first-login note as one translated sentence. */
const char *mp_client_config_get_first_login_note (void);

/* A name-based UUID (version 5 layout, SHA-1) of the given parts, upper case as Apple's tools
 * write them. */
char *mp_client_config_dup_uuid             (const char *kind,
                                             const char *service_name,
                                             const char *address);

G_END_DECLS
