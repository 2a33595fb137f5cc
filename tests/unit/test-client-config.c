/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The files a mail program imports and the employee's instructions (guide step 5): well-formed
 * XML parsed back with GMarkup, the service's values where each format wants them, hostile
 * values escaped, and no password anywhere. */
#include "config.h"

#include <string.h>

#include "emailpro/mp-client-config.h"

#define SERVICE  "emailpro-ab12345-1"
#define ADDRESS  "anna.schmidt@schmidt-bakery.example"
#define HOSTNAME "pro1.mail.ovh.net"

/* ---- a small GMarkup tree ------------------------------------------------------------------ */

typedef struct _Node Node;
struct _Node
{
  char      *name;
  GHashTable *attributes;
  GString   *text;
  GPtrArray *children;
  Node      *parent;
};

static void
node_free (Node *node)
{
  g_free (node->name);
  g_hash_table_unref (node->attributes);
  g_string_free (node->text, TRUE);
  g_ptr_array_unref (node->children);
  g_free (node);
}

static Node *
node_new (const char  *name,
          const char **attribute_names,
          const char **attribute_values)
{
  Node *node = g_new0 (Node, 1);

  node->name = g_strdup (name);
  node->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; attribute_names[i] != NULL; i++)
    g_hash_table_insert (node->attributes, g_strdup (attribute_names[i]),
                         g_strdup (attribute_values[i]));
  node->text = g_string_new (NULL);
  node->children = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);
  return node;
}

typedef struct
{
  Node *root;
  Node *current;
} Builder;

static void
start_element (GMarkupParseContext  *context,
               const char           *name,
               const char          **attribute_names,
               const char          **attribute_values,
               gpointer              user_data,
               GError              **error)
{
  Builder *builder = user_data;
  Node *node = node_new (name, attribute_names, attribute_values);

  if (builder->current == NULL)
    {
      g_assert_null (builder->root);
      builder->root = node;
    }
  else
    {
      node->parent = builder->current;
      g_ptr_array_add (builder->current->children, node);
    }
  builder->current = node;
}

static void
end_element (GMarkupParseContext  *context,
             const char           *name,
             gpointer              user_data,
             GError              **error)
{
  Builder *builder = user_data;

  builder->current = builder->current->parent;
}

static void
text (GMarkupParseContext  *context,
      const char           *content,
      gsize                 length,
      gpointer              user_data,
      GError              **error)
{
  Builder *builder = user_data;

  if (builder->current != NULL)
    g_string_append_len (builder->current->text, content, length);
}

/* Parses document whole; fails the test when it is not well-formed. */
static Node *
parse (const char *document)
{
  static const GMarkupParser parser = { start_element, end_element, text, NULL, NULL };
  Builder builder = { NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;

  context = g_markup_parse_context_new (&parser, G_MARKUP_PREFIX_ERROR_POSITION, &builder, NULL);
  g_markup_parse_context_parse (context, document, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_assert_nonnull (builder.root);
  g_assert_null (builder.current);
  return builder.root;
}

static Node *
child (Node       *node,
       const char *name)
{
  for (guint i = 0; i < node->children->len; i++)
    {
      Node *candidate = g_ptr_array_index (node->children, i);

      if (g_str_equal (candidate->name, name))
        return candidate;
    }
  g_error ("<%s> has no <%s>", node->name, name);
}

static const char *
child_text (Node       *node,
            const char *name)
{
  return child (node, name)->text->str;
}

/* The plist <dict> as key → value node, checking that keys and values alternate. */
static GHashTable *
plist_dict (Node *dict)
{
  GHashTable *entries = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpstr (dict->name, ==, "dict");
  g_assert_cmpuint (dict->children->len % 2, ==, 0);
  for (guint i = 0; i < dict->children->len; i += 2)
    {
      Node *key = g_ptr_array_index (dict->children, i);
      Node *value = g_ptr_array_index (dict->children, i + 1);

      g_assert_cmpstr (key->name, ==, "key");
      g_assert_false (g_hash_table_contains (entries, key->text->str));
      g_hash_table_insert (entries, key->text->str, value);
    }
  return entries;
}

static void
assert_plist_string (GHashTable *dict,
                     const char *key,
                     const char *expected)
{
  Node *value = g_hash_table_lookup (dict, key);

  g_assert_nonnull (value);
  g_assert_cmpstr (value->name, ==, "string");
  g_assert_cmpstr (value->text->str, ==, expected);
}

static void
assert_plist_integer (GHashTable *dict,
                      const char *key,
                      gint64      expected)
{
  Node *value = g_hash_table_lookup (dict, key);

  g_assert_nonnull (value);
  g_assert_cmpstr (value->name, ==, "integer");
  g_assert_cmpint (g_ascii_strtoll (value->text->str, NULL, 10), ==, expected);
}

static void
assert_plist_true (GHashTable *dict,
                   const char *key)
{
  Node *value = g_hash_table_lookup (dict, key);

  g_assert_nonnull (value);
  g_assert_cmpstr (value->name, ==, "true");
}

static void
assert_no_password (const char *document)
{
  g_autofree char *folded = g_utf8_casefold (document, -1);
  const char *at = folded;

  /* The only mention allowed is how to authenticate: "password-cleartext",
   * "EmailAuthPassword" and "OutgoingPasswordSameAsIncomingPassword". */
  while ((at = strstr (at, "password")) != NULL)
    {
      gboolean allowed = g_str_has_prefix (at, "password-cleartext")
                         || (at >= folded + 9 && g_str_has_prefix (at - 9, "emailauthpassword"))
                         || g_str_has_prefix (at, "passwordsameasincomingpassword")
                         || (at >= folded + 22 && g_str_has_prefix (at - 22, "passwordsameasincomingpassword"))
                         || g_str_has_prefix (at, "password.");   /* the profile's description */
      g_assert_true (allowed);
      at++;
    }
  g_assert_null (strstr (document, "<key>IncomingPassword</key>"));
  g_assert_null (strstr (document, "<key>OutgoingPassword</key>"));
  g_assert_null (strstr (document, "<password"));
}

/* ---- Thunderbird --------------------------------------------------------------------------- */

static void
assert_server (Node       *server,
               const char *type,
               const char *hostname,
               const char *port,
               const char *socket_type,
               const char *address)
{
  g_assert_cmpstr (g_hash_table_lookup (server->attributes, "type"), ==, type);
  g_assert_cmpstr (child_text (server, "hostname"), ==, hostname);
  g_assert_cmpstr (child_text (server, "port"), ==, port);
  g_assert_cmpstr (child_text (server, "socketType"), ==, socket_type);
  g_assert_cmpstr (child_text (server, "authentication"), ==, "password-cleartext");
  g_assert_cmpstr (child_text (server, "username"), ==, address);
}

static void
test_autoconfig_values (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = mp_client_config_render_autoconfig (ADDRESS, HOSTNAME, &error);
  Node *root, *provider;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
  root = parse (xml);
  g_assert_cmpstr (root->name, ==, "clientConfig");
  g_assert_cmpstr (g_hash_table_lookup (root->attributes, "version"), ==, "1.1");
  provider = child (root, "emailProvider");
  g_assert_cmpstr (g_hash_table_lookup (provider->attributes, "id"), ==, "schmidt-bakery.example");
  g_assert_cmpstr (child_text (provider, "domain"), ==, "schmidt-bakery.example");
  assert_server (child (provider, "incomingServer"), "imap", HOSTNAME, "993", "SSL", ADDRESS);
  assert_server (child (provider, "outgoingServer"), "smtp", HOSTNAME, "587", "STARTTLS", ADDRESS);
  assert_no_password (xml);
  node_free (root);
}

static void
test_autoconfig_escapes (void)
{
  const char *address = "o'brien&<x>@\"shop\".example";
  const char *hostname = "pro1.mail.ovh.net\"><password>secret</password>";
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = mp_client_config_render_autoconfig (address, hostname, &error);
  Node *root, *provider;

  g_assert_no_error (error);
  root = parse (xml);
  provider = child (root, "emailProvider");
  g_assert_cmpstr (g_hash_table_lookup (provider->attributes, "id"), ==, "\"shop\".example");
  g_assert_cmpstr (child_text (child (provider, "incomingServer"), "hostname"), ==, hostname);
  g_assert_cmpstr (child_text (child (provider, "outgoingServer"), "username"), ==, address);
  /* The hostile value is text, never an element. */
  g_assert_cmpuint (child (provider, "incomingServer")->children->len, ==, 5);
  node_free (root);
}

static void
test_refuses_without_server (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = mp_client_config_render_autoconfig (ADDRESS, NULL, &error);

  g_assert_null (xml);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (mp_client_config_render_mobileconfig (SERVICE, "no-domain", NULL, HOSTNAME, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

/* ---- Apple --------------------------------------------------------------------------------- */

static void
test_mobileconfig_structure (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plist = mp_client_config_render_mobileconfig (SERVICE, ADDRESS, "Anna Schmidt",
                                                                 HOSTNAME, &error);
  g_autoptr(GHashTable) profile = NULL;
  g_autoptr(GHashTable) mail = NULL;
  g_autofree char *profile_uuid = NULL;
  g_autofree char *mail_uuid = NULL;
  Node *root, *content;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (plist, "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\""));
  root = parse (plist);
  g_assert_cmpstr (root->name, ==, "plist");
  g_assert_cmpstr (g_hash_table_lookup (root->attributes, "version"), ==, "1.0");
  g_assert_cmpuint (root->children->len, ==, 1);

  profile = plist_dict (g_ptr_array_index (root->children, 0));
  assert_plist_string (profile, "PayloadType", "Configuration");
  assert_plist_integer (profile, "PayloadVersion", 1);
  assert_plist_string (profile, "PayloadDisplayName", ADDRESS);
  profile_uuid = mp_client_config_dup_uuid ("profile", SERVICE, ADDRESS);
  assert_plist_string (profile, "PayloadUUID", profile_uuid);

  content = g_hash_table_lookup (profile, "PayloadContent");
  g_assert_cmpstr (content->name, ==, "array");
  g_assert_cmpuint (content->children->len, ==, 1);
  mail = plist_dict (g_ptr_array_index (content->children, 0));
  assert_plist_string (mail, "PayloadType", "com.apple.mail.managed");
  mail_uuid = mp_client_config_dup_uuid ("mail", SERVICE, ADDRESS);
  assert_plist_string (mail, "PayloadUUID", mail_uuid);
  g_assert_cmpstr (mail_uuid, !=, profile_uuid);
  assert_plist_string (mail, "EmailAccountType", "EmailTypeIMAP");
  assert_plist_string (mail, "EmailAddress", ADDRESS);
  assert_plist_string (mail, "EmailAccountName", "Anna Schmidt");
  assert_plist_string (mail, "IncomingMailServerHostName", HOSTNAME);
  assert_plist_integer (mail, "IncomingMailServerPortNumber", 993);
  assert_plist_true (mail, "IncomingMailServerUseSSL");
  assert_plist_string (mail, "IncomingMailServerUsername", ADDRESS);
  assert_plist_string (mail, "OutgoingMailServerHostName", HOSTNAME);
  assert_plist_integer (mail, "OutgoingMailServerPortNumber", 587);
  assert_plist_true (mail, "OutgoingMailServerUseSSL");
  assert_plist_string (mail, "OutgoingMailServerUsername", ADDRESS);
  g_assert_false (g_hash_table_contains (mail, "IncomingPassword"));
  g_assert_false (g_hash_table_contains (mail, "OutgoingPassword"));
  assert_no_password (plist);
  node_free (root);
}

static void
test_mobileconfig_stable_uuids (void)
{
  g_autofree char *a = mp_client_config_dup_uuid ("mail", SERVICE, ADDRESS);
  g_autofree char *b = mp_client_config_dup_uuid ("mail", SERVICE, ADDRESS);
  g_autofree char *other_address = mp_client_config_dup_uuid ("mail", SERVICE, "ben@schmidt-bakery.example");
  g_autofree char *other_service = mp_client_config_dup_uuid ("mail", "emailpro-zz9-1", ADDRESS);
  g_autofree char *first = mp_client_config_render_mobileconfig (SERVICE, ADDRESS, NULL, HOSTNAME, NULL);
  g_autofree char *again = mp_client_config_render_mobileconfig (SERVICE, ADDRESS, NULL, HOSTNAME, NULL);
  g_autoptr(GRegex) uuid = g_regex_new ("^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$",
                                        0, 0, NULL);

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, other_address);
  g_assert_cmpstr (a, !=, other_service);
  g_assert_true (g_regex_match (uuid, a, 0, NULL));
  g_assert_cmpstr (first, ==, again);
}

static void
test_mobileconfig_escapes (void)
{
  const char *name = "Anna & <Ben> \"Co\"";
  const char *address = "a&b@<shop>.example";
  g_autofree char *plist = mp_client_config_render_mobileconfig (SERVICE, address, name,
                                                                 HOSTNAME, NULL);
  g_autoptr(GHashTable) profile = NULL;
  g_autoptr(GHashTable) mail = NULL;
  Node *root, *content;

  root = parse (plist);
  profile = plist_dict (g_ptr_array_index (root->children, 0));
  content = g_hash_table_lookup (profile, "PayloadContent");
  mail = plist_dict (g_ptr_array_index (content->children, 0));
  assert_plist_string (mail, "EmailAccountName", name);
  assert_plist_string (mail, "EmailAddress", address);
  node_free (root);
}

/* ---- instructions -------------------------------------------------------------------------- */

static void
test_instructions (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = mp_client_config_render_instructions (ADDRESS, HOSTNAME,
                                                                "https://pro1.mail.ovh.net/owa",
                                                                &error);
  g_autofree char *generic = mp_client_config_render_instructions (NULL, HOSTNAME, NULL, NULL);

  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "Your e-mail address: " ADDRESS "\n"));
  g_assert_nonnull (strstr (text, "Server: " HOSTNAME "\nPort: 993\nSecurity: SSL/TLS\n"));
  g_assert_nonnull (strstr (text, "Server: " HOSTNAME "\nPort: 587\nSecurity: STARTTLS\n"));
  g_assert_nonnull (strstr (text, "Webmail: https://pro1.mail.ovh.net/owa\n"));
  g_assert_nonnull (strstr (text, mp_client_config_get_first_login_note ()));
  g_assert_nonnull (strstr (mp_client_config_get_first_login_note (), "time zone"));

  g_assert_null (strstr (generic, "Your e-mail address:"));
  g_assert_null (strstr (generic, "Webmail:"));
  g_assert_nonnull (strstr (generic, "Port: 993"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mailpost/client-config/autoconfig/values", test_autoconfig_values);
  g_test_add_func ("/mailpost/client-config/autoconfig/escapes-hostile-values", test_autoconfig_escapes);
  g_test_add_func ("/mailpost/client-config/refuses-without-server", test_refuses_without_server);
  g_test_add_func ("/mailpost/client-config/mobileconfig/structure", test_mobileconfig_structure);
  g_test_add_func ("/mailpost/client-config/mobileconfig/stable-uuids", test_mobileconfig_stable_uuids);
  g_test_add_func ("/mailpost/client-config/mobileconfig/escapes-hostile-values", test_mobileconfig_escapes);
  g_test_add_func ("/mailpost/client-config/instructions", test_instructions);

  return g_test_run ();
}
