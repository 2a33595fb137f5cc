/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "rules/mp-domain-rules.h"

typedef enum
{
  KIND_DOMAIN,
  KIND_RELAY,
} NameKind;

/* White space around, one trailing dot: what people paste from a zone file or a mail. */
static char *
normalize_input (const char *input)
{
  char *text = g_strstrip (g_strdup (input != NULL ? input : ""));
  gsize length = strlen (text);

  if (length > 1 && text[length - 1] == '.' && text[length - 2] != '.')
    text[length - 1] = '\0';

  return text;
}

static char *
to_ascii_lower (const char *text)
{
  g_autofree char *ascii = g_hostname_to_ascii (text);

  return ascii != NULL ? g_ascii_strdown (ascii, -1) : NULL;
}

static gboolean
is_ldh (char c)
{
  return g_ascii_isalnum (c) || c == '-';
}

static char *
invalid_reason (NameKind    kind,
                const char *text)
{
  if (kind == KIND_DOMAIN)
    return g_strdup_printf (_("“%s” is not a valid domain name. Use letters, digits and hyphens, with dots between the parts, for example bakery-schmidt.de."),
                            text);
  return g_strdup_printf (_("“%s” is not a valid server name. Use letters, digits and hyphens, with dots between the parts, for example mx1.mail.ovh.net."),
                          text);
}

/* Checks the ASCII form label by label; text is what the person typed, for the sentences. */
static char *
check_ascii (NameKind    kind,
             const char *text,
             const char *ascii,
             gsize       max_length)
{
  g_auto(GStrv) labels = NULL;
  gsize length = strlen (ascii);
  guint n_labels;
  const char *top;

  if (length > max_length)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "This name is %u character long in its international form, but at most %u are allowed. Use a shorter name.",
                                         "This name is %u characters long in its international form, but at most %u are allowed. Use a shorter name.",
                                         (gulong) length),
                            (guint) length, (guint) max_length);

  labels = g_strsplit (ascii, ".", -1);
  n_labels = g_strv_length (labels);

  if (n_labels < 2)
    {
      if (kind == KIND_DOMAIN)
        return g_strdup_printf (_("“%s” has no ending. Enter the whole domain name, for example %s.de or %s.com."),
                                text, text, text);
      return g_strdup_printf (_("“%s” is not a full server name. Enter it with its domain, for example mx1.mail.ovh.net."),
                              text);
    }

  for (guint i = 0; i < n_labels; i++)
    {
      const char *label = labels[i];
      gsize label_length = strlen (label);

      if (label_length == 0)
        return g_strdup (_("A name cannot start or end with a dot or have two dots in a row. Remove the extra dot."));

      if (label_length > MP_DOMAIN_RULES_MAX_LABEL_LENGTH)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "The part “%s” is %u character long, but each part between dots may have at most %u. Use a shorter name.",
                                             "The part “%s” is %u characters long, but each part between dots may have at most %u. Use a shorter name.",
                                             (gulong) label_length),
                                label, (guint) label_length, (guint) MP_DOMAIN_RULES_MAX_LABEL_LENGTH);

      for (gsize j = 0; j < label_length; j++)
        if (!is_ldh (label[j]))
          return invalid_reason (kind, text);

      if (label[0] == '-' || label[label_length - 1] == '-')
        return g_strdup_printf (_("The part “%s” starts or ends with a hyphen, which names may not do. Remove or move the hyphen."),
                                label);
    }

  top = labels[n_labels - 1];
  if (strspn (top, "0123456789") == strlen (top))
    return g_strdup_printf (_("“%s” does not end like a domain name: the last part cannot be only digits. Check the name."),
                            text);

  return NULL;
}

/* The shared part of both checks: returns the reason or NULL and the ASCII form. */
static char *
check (NameKind     kind,
       const char  *input,
       gsize        max_length,
       char       **ascii_out)
{
  g_autofree char *text = normalize_input (input);
  g_autofree char *ascii = NULL;
  char *reason;

  *ascii_out = NULL;

  if (*text == '\0')
    {
      if (kind == KIND_DOMAIN)
        return g_strdup (_("Enter a domain name, for example bakery-schmidt.de."));
      return g_strdup (_("Enter the name of the mail server that receives mail for the other addresses, for example mx1.mail.ovh.net."));
    }

  if (kind == KIND_DOMAIN && strchr (text, '@') != NULL)
    return g_strdup (_("Enter only the domain, the part after “@”, for example bakery-schmidt.de."));

  if (kind == KIND_RELAY && g_hostname_is_ip_address (text))
    return g_strdup (_("Enter the mail server's name, not its IP address, for example mx1.mail.ovh.net."));

  /* Checked on the typed text too: g_hostname_to_ascii refuses some over-long input before
   * we could say why. */
  if (strlen (text) > max_length && g_str_is_ascii (text))
    return check_ascii (kind, text, text, max_length);

  ascii = to_ascii_lower (text);
  if (ascii == NULL || strchr (text, ' ') != NULL)
    return invalid_reason (kind, text);

  if ((reason = check_ascii (kind, text, ascii, max_length)) != NULL)
    return reason;

  *ascii_out = g_steal_pointer (&ascii);
  return NULL;
}

char *
mp_domain_rules_check_name (const char  *input,
                            char       **ascii_name)
{
  g_autofree char *ascii = NULL;
  char *reason;

  reason = check (KIND_DOMAIN, input, MP_DOMAIN_RULES_MAX_NAME_LENGTH, &ascii);
  if (ascii_name != NULL)
    *ascii_name = g_steal_pointer (&ascii);
  return reason;
}

char *
mp_domain_rules_check_relay (const char  *input,
                             const char  *service_hostname,
                             char       **ascii_host)
{
  g_autofree char *ascii = NULL;
  char *reason;

  reason = check (KIND_RELAY, input, MP_DOMAIN_RULES_MAX_RELAY_LENGTH, &ascii);

  if (reason == NULL && service_hostname != NULL)
    {
      g_autofree char *own = normalize_input (service_hostname);
      g_autofree char *own_ascii = to_ascii_lower (own);

      if (own_ascii != NULL && g_str_equal (own_ascii, ascii))
        {
          g_clear_pointer (&ascii, g_free);
          reason = g_strdup_printf (_("%s is this service's own server: mail for unknown addresses would come straight back and go round in a loop. Enter the server of your other mail service."),
                                    own_ascii);
        }
    }

  if (ascii_host != NULL)
    *ascii_host = g_steal_pointer (&ascii);
  return reason;
}

char *
mp_domain_rules_to_ascii (const char *input)
{
  g_autofree char *text = normalize_input (input);
  g_autofree char *ascii = NULL;

  if (*text == '\0' || strchr (text, ' ') != NULL || (ascii = to_ascii_lower (text)) == NULL)
    return NULL;

  return g_steal_pointer (&ascii);
}

char *
mp_domain_rules_to_unicode (const char *input)
{
  g_autofree char *text = NULL;
  g_autofree char *unicode = NULL;

  g_return_val_if_fail (input != NULL, NULL);

  text = normalize_input (input);
  unicode = g_hostname_to_unicode (text);
  if (unicode == NULL)
    return g_utf8_strdown (text, -1);

  return g_utf8_strdown (unicode, -1);
}

gboolean
mp_domain_rules_is_idn (const char *input)
{
  g_autofree char *ascii = NULL;
  g_autofree char *unicode = NULL;

  if (input == NULL || (ascii = mp_domain_rules_to_ascii (input)) == NULL)
    return FALSE;

  unicode = mp_domain_rules_to_unicode (ascii);
  return g_strcmp0 (ascii, unicode) != 0;
}

const char *
mp_domain_rules_get_provider_relay (MpOvhRegion region)
{
  switch (region)
    {
    case MP_OVH_REGION_CA:
      return "mx1.mail.ovh.ca";
    case MP_OVH_REGION_EU:
    case MP_OVH_REGION_US:
    case MP_OVH_REGION_CUSTOM:
    default:
      return "mx1.mail.ovh.net";
    }
}
