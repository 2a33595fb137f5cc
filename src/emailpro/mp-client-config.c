/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "emailpro/mp-client-config.h"

/* Apple's payload identifiers are reverse-DNS names of the app that made them. */
#define PAYLOAD_PREFIX "io.github.mailpost.Mailpost"

static const char *
address_domain (const char *address)
{
  const char *at = address != NULL ? strrchr (address, '@') : NULL;

  return at != NULL && at != address && at[1] != '\0' ? at + 1 : NULL;
}

/* The inputs every export needs; a sentence that says what to do otherwise. */
static gboolean
check_inputs (const char  *address,
              const char  *hostname,
              GError     **error)
{
  if (hostname == NULL || *hostname == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The service’s mail server is not known yet. Refresh, then try again."));
      return FALSE;
    }
  if (address != NULL && address_domain (address) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("This account has no complete e-mail address yet. Set it up on the Accounts page first."));
      return FALSE;
    }
  return TRUE;
}

static void
append_indent (GString *out,
               guint    depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

/* <name>value</name>, value escaped. */
static void
append_element (GString    *out,
                guint       depth,
                const char *name,
                const char *value)
{
  g_autofree char *escaped = g_markup_escape_text (value, -1);

  append_indent (out, depth);
  g_string_append_printf (out, "<%s>%s</%s>\n", name, escaped, name);
}

static void
append_server (GString    *out,
               const char *kind,
               const char *type,
               const char *hostname,
               guint       port,
               const char *socket_type,
               const char *address)
{
  g_autofree char *port_text = g_strdup_printf ("%u", port);

  append_indent (out, 2);
  g_string_append_printf (out, "<%s type=\"%s\">\n", kind, type);
  append_element (out, 3, "hostname", hostname);
  append_element (out, 3, "port", port_text);
  append_element (out, 3, "socketType", socket_type);
  append_element (out, 3, "authentication", "password-cleartext");
  append_element (out, 3, "username", address);
  append_indent (out, 2);
  g_string_append_printf (out, "</%s>\n", kind);
}

char *
mp_client_config_render_autoconfig (const char  *address,
                                    const char  *hostname,
                                    GError     **error)
{
  g_autoptr(GString) out = NULL;
  g_autofree char *domain = NULL;

  g_return_val_if_fail (address != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_inputs (address, hostname, error))
    return NULL;

  domain = g_markup_escape_text (address_domain (address), -1);
  out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<clientConfig version=\"1.1\">\n");
  g_string_append_printf (out, "  <emailProvider id=\"%s\">\n", domain);
  append_element (out, 2, "domain", address_domain (address));
  append_element (out, 2, "displayName", address_domain (address));
  append_element (out, 2, "displayShortName", address_domain (address));
  append_server (out, "incomingServer", "imap", hostname,
                 MP_CLIENT_CONFIG_IMAP_PORT, "SSL", address);
  append_server (out, "outgoingServer", "smtp", hostname,
                 MP_CLIENT_CONFIG_SMTP_PORT, "STARTTLS", address);
  g_string_append (out, "  </emailProvider>\n"
                        "</clientConfig>\n");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
mp_client_config_dup_uuid (const char *kind,
                           const char *service_name,
                           const char *address)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;

  g_return_val_if_fail (kind != NULL, NULL);

  /* NUL separators keep ("ab", "c") and ("a", "bc") apart. */
  g_checksum_update (checksum, (const guchar *) PAYLOAD_PREFIX, sizeof PAYLOAD_PREFIX);
  g_checksum_update (checksum, (const guchar *) kind, strlen (kind) + 1);
  g_checksum_update (checksum, (const guchar *) (service_name ? service_name : ""),
                     strlen (service_name ? service_name : "") + 1);
  g_checksum_update (checksum, (const guchar *) (address ? address : ""),
                     strlen (address ? address : "") + 1);
  g_checksum_get_digest (checksum, digest, &length);

  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02X%02X%02X%02X-%02X%02X-%02X%02X-%02X%02X-"
                          "%02X%02X%02X%02X%02X%02X",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

static void
append_key_string (GString    *out,
                   guint       depth,
                   const char *key,
                   const char *value)
{
  append_element (out, depth, "key", key);
  append_element (out, depth, "string", value);
}

static void
append_key_integer (GString    *out,
                    guint       depth,
                    const char *key,
                    gint64      value)
{
  append_element (out, depth, "key", key);
  append_indent (out, depth);
  g_string_append_printf (out, "<integer>%" G_GINT64_FORMAT "</integer>\n", value);
}

static void
append_key_boolean (GString    *out,
                    guint       depth,
                    const char *key,
                    gboolean    value)
{
  append_element (out, depth, "key", key);
  append_indent (out, depth);
  g_string_append (out, value ? "<true/>\n" : "<false/>\n");
}

char *
mp_client_config_dup_mobileconfig_name (const char *address)
{
  g_return_val_if_fail (address != NULL, NULL);

  return g_strconcat (address, ".mobileconfig", NULL);
}

char *
mp_client_config_render_mobileconfig (const char  *service_name,
                                      const char  *address,
                                      const char  *account_name,
                                      const char  *hostname,
                                      GError     **error)
{
  g_autoptr(GString) out = NULL;
  g_autofree char *profile_uuid = NULL;
  g_autofree char *mail_uuid = NULL;
  g_autofree char *profile_id = NULL;
  g_autofree char *mail_id = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (service_name != NULL, NULL);
  g_return_val_if_fail (address != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_inputs (address, hostname, error))
    return NULL;

  profile_uuid = mp_client_config_dup_uuid ("profile", service_name, address);
  mail_uuid = mp_client_config_dup_uuid ("mail", service_name, address);
  profile_id = g_strconcat (PAYLOAD_PREFIX ".profile.", profile_uuid, NULL);
  mail_id = g_strconcat (PAYLOAD_PREFIX ".mail.", mail_uuid, NULL);
  /* Translators: shown by the device when the profile is installed; %s is an e-mail address */
  description = g_strdup_printf (_("Sets up the mail account %s. The device asks for its password."),
                                 address);
  if (account_name == NULL || *account_name == '\0')
    account_name = address;

  out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                      "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                      "<plist version=\"1.0\">\n"
                      "<dict>\n");
  append_element (out, 1, "key", "PayloadContent");
  g_string_append (out, "  <array>\n"
                        "    <dict>\n");
  append_key_string (out, 3, "EmailAccountDescription", address);
  append_key_string (out, 3, "EmailAccountName", account_name);
  append_key_string (out, 3, "EmailAccountType", "EmailTypeIMAP");
  append_key_string (out, 3, "EmailAddress", address);
  append_key_string (out, 3, "IncomingMailServerAuthentication", "EmailAuthPassword");
  append_key_string (out, 3, "IncomingMailServerHostName", hostname);
  append_key_integer (out, 3, "IncomingMailServerPortNumber", MP_CLIENT_CONFIG_IMAP_PORT);
  append_key_boolean (out, 3, "IncomingMailServerUseSSL", TRUE);
  append_key_string (out, 3, "IncomingMailServerUsername", address);
  append_key_string (out, 3, "OutgoingMailServerAuthentication", "EmailAuthPassword");
  append_key_string (out, 3, "OutgoingMailServerHostName", hostname);
  append_key_integer (out, 3, "OutgoingMailServerPortNumber", MP_CLIENT_CONFIG_SMTP_PORT);
  /* On 587 Apple's clients read "SSL" as STARTTLS. */
  append_key_boolean (out, 3, "OutgoingMailServerUseSSL", TRUE);
  append_key_string (out, 3, "OutgoingMailServerUsername", address);
  append_key_boolean (out, 3, "OutgoingPasswordSameAsIncomingPassword", TRUE);
  append_key_string (out, 3, "PayloadDescription", description);
  append_key_string (out, 3, "PayloadDisplayName", address);
  append_key_string (out, 3, "PayloadIdentifier", mail_id);
  append_key_string (out, 3, "PayloadType", "com.apple.mail.managed");
  append_key_string (out, 3, "PayloadUUID", mail_uuid);
  append_key_integer (out, 3, "PayloadVersion", 1);
  g_string_append (out, "    </dict>\n"
                        "  </array>\n");
  append_key_string (out, 1, "PayloadDescription", description);
  append_key_string (out, 1, "PayloadDisplayName", address);
  append_key_string (out, 1, "PayloadIdentifier", profile_id);
  append_key_boolean (out, 1, "PayloadRemovalDisallowed", FALSE);
  append_key_string (out, 1, "PayloadType", "Configuration");
  append_key_string (out, 1, "PayloadUUID", profile_uuid);
  append_key_integer (out, 1, "PayloadVersion", 1);
  g_string_append (out, "</dict>\n"
                        "</plist>\n");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

const char *
mp_client_config_get_first_login_note (void)
{
  return _("The first time you sign in to webmail, it asks for your language and time zone: choose them, then click Save.");
}

/* One "Label: value" line; each format is a whole line for the translators. */
G_GNUC_PRINTF (2, 3)
static void
append_line (GString    *out,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (out, format, args);
  va_end (args);
  g_string_append_c (out, '\n');
}

char *
mp_client_config_render_instructions (const char  *address,
                                      const char  *hostname,
                                      const char  *webmail_url,
                                      GError     **error)
{
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_inputs (address, hostname, error))
    return NULL;

  out = g_string_new (NULL);
  if (address != NULL)
    {
      /* Translators: %s is the employee's e-mail address */
      append_line (out, _("Your e-mail address: %s"), address);
      g_string_append_c (out, '\n');
    }

  append_line (out, "%s", _("Incoming mail (IMAP)"));
  /* Translators: %s is a server name like pro1.mail.ovh.net */
  append_line (out, _("Server: %s"), hostname);
  /* Translators: %u is a port number like 993 */
  append_line (out, _("Port: %u"), MP_CLIENT_CONFIG_IMAP_PORT);
  /* Translators: %s is a kind of encryption, SSL/TLS or STARTTLS */
  append_line (out, _("Security: %s"), MP_CLIENT_CONFIG_IMAP_SECURITY);
  g_string_append_c (out, '\n');

  append_line (out, "%s", _("Outgoing mail (SMTP)"));
  append_line (out, _("Server: %s"), hostname);
  append_line (out, _("Port: %u"), MP_CLIENT_CONFIG_SMTP_PORT);
  append_line (out, _("Security: %s"), MP_CLIENT_CONFIG_SMTP_SECURITY);
  g_string_append_c (out, '\n');

  append_line (out, "%s", _("For both, the user name is your full e-mail address, with your password."));
  if (webmail_url != NULL && *webmail_url != '\0')
    {
      /* Translators: %s is the address of the webmail site */
      append_line (out, _("Webmail: %s"), webmail_url);
    }
  append_line (out, "%s", mp_client_config_get_first_login_note ());

  return g_string_free (g_steal_pointer (&out), FALSE);
}
