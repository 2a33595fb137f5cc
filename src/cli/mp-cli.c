/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "api/mp-ovh-endpoint.h"
#include "cli/mp-cli.h"
#include "cli/mp-cli-private.h"
#include "secrets/mp-credential-store.h"

typedef struct
{
  const char *name;
  const char *description;
  int       (*run) (int argc, char **argv);
} Command;

static int run_help (int argc, char **argv);

static const Command commands[] = {
  { "services", N_("List the E-Mail Pro services the keys can see"), mp_cli_services },
  { "domains",  N_("List the domains attached to a service"), mp_cli_domains },
  { "accounts", N_("List the e-mail accounts of a service"), mp_cli_accounts },
  { "diagnose", N_("Check a domain’s DNS records for E-Mail Pro on every name server"), mp_cli_diagnose },
  { "help",     N_("Show the commands, or the options of one command"), run_help },
};

static const Command *
find_command (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];

  return NULL;
}

gboolean
mp_cli_is_command (int    argc,
                   char **argv)
{
  return argc >= 2 && find_command (argv[1]) != NULL;
}

int
mp_cli_run (int    argc,
            char **argv)
{
  const Command *command;

  g_return_val_if_fail (mp_cli_is_command (argc, argv), MP_CLI_EXIT_USAGE);

  /* GLib writes info and debug messages to stdout by default, which would mix
   * G_MESSAGES_DEBUG output into the table or the --json a script reads. */
  g_log_writer_default_set_use_stderr (TRUE);

  command = find_command (argv[1]);
  return command->run (argc - 1, argv + 1);
}

char *
mp_cli_describe_commands (void)
{
  g_autoptr(GString) text = g_string_new (_("Commands:"));

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "\n  %-10s %s", commands[i].name, _(commands[i].description));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static int
run_help (int    argc,
          char **argv)
{
  g_autofree char *description = NULL;

  /* "mailpost help services" is "mailpost services --help". */
  if (argc >= 2 && find_command (argv[1]) != NULL && g_strcmp0 (argv[1], "help") != 0)
    {
      char *help_argv[] = { argv[1], (char *) "--help", NULL };

      return find_command (argv[1])->run (2, help_argv);
    }

  description = mp_cli_describe_commands ();
  g_print ("%s\n  mailpost %s\n\n%s\n\n%s\n%s\n",
           _("Usage:"),
           _("COMMAND [OPTION…]"),
           description,
           _("Without a command, Mailpost opens its window."),
           _("The keys come from the variables OVH_ENDPOINT, OVH_APPLICATION_KEY, OVH_APPLICATION_SECRET and OVH_CONSUMER_KEY when they are set, and from the keyring otherwise."));

  return MP_CLI_EXIT_OK;
}

void
mp_cli_print_error (const GError *error)
{
  g_printerr ("%s\n", error->message);
}

gboolean
mp_cli_parse_options (const char    *command,
                      const char    *summary,
                      GOptionEntry  *entries,
                      int            argc,
                      char         **argv,
                      MpCliExit     *exit_status)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;

  /* The usage line then reads "mailpost services [OPTION…]". */
  args = g_new0 (char *, argc + 1);
  args[0] = g_strdup_printf ("mailpost %s", command);
  for (int i = 1; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      mp_cli_print_error (error);
      /* TRANSLATORS: %s is a command name, e.g. services */
      g_printerr (_("Run “mailpost %s --help” to see the options.\n"), command);
      *exit_status = MP_CLI_EXIT_USAGE;
      return FALSE;
    }

  if (g_strv_length (args) > 1)
    {
      /* TRANSLATORS: the first %s is what the user typed after the command, the second
       * the command's name */
      g_printerr (_("Unexpected argument “%s”. Run “mailpost %s --help” to see the options.\n"),
                  args[1], command);
      *exit_status = MP_CLI_EXIT_USAGE;
      return FALSE;
    }

  return TRUE;
}


gboolean
mp_cli_parse_options_with_operand (const char    *command,
                                   const char    *operand_name,
                                   const char    *summary,
                                   GOptionEntry  *entries,
                                   int            argc,
                                   char         **argv,
                                   char         **operand,
                                   MpCliExit     *exit_status)
{
  g_autofree char **rest = g_new0 (char *, argc + 1);
  int n_rest = 0;
  gboolean after_dashes = FALSE;

  /* The operand is the one argument that is neither an option nor an option's value; it is
   * taken out so the shared parser sees options only. */
  for (int i = 0; i < argc; i++)
    {
      const char *arg = argv[i];
      gboolean takes_value = FALSE;

      if (i > 0 && *operand == NULL && (after_dashes || arg[0] != '-'))
        {
          *operand = g_strdup (arg);
          continue;
        }
      if (g_str_equal (arg, "--"))
        {
          after_dashes = TRUE;
          continue;
        }

      rest[n_rest++] = argv[i];
      for (GOptionEntry *entry = entries; entry->long_name != NULL && i > 0; entry++)
        if (entry->arg != G_OPTION_ARG_NONE && g_str_has_prefix (arg, "--") &&
            g_str_equal (arg + 2, entry->long_name))
          takes_value = TRUE;
      if (takes_value && i + 1 < argc)
        rest[n_rest++] = argv[++i];
    }

  if (!mp_cli_parse_options (command, summary, entries, n_rest, rest, exit_status))
    {
      g_clear_pointer (operand, g_free);
      return FALSE;
    }

  if (*operand == NULL)
    {
      /* TRANSLATORS: the first %s is what is missing (e.g. DOMAIN), the second the command */
      g_printerr (_("Give the %s to check. Run “mailpost %s --help” to see the options.\n"),
                  operand_name, command);
      *exit_status = MP_CLI_EXIT_USAGE;
      return FALSE;
    }

  return TRUE;
}


void
mp_cli_waiter_init (MpCliWaiter *waiter)
{
  waiter->loop = g_main_loop_new (NULL, FALSE);
  waiter->result = NULL;
}

void
mp_cli_waiter_callback (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  MpCliWaiter *waiter = user_data;

  waiter->result = g_object_ref (result);
  g_main_loop_quit (waiter->loop);
}

GAsyncResult *
mp_cli_waiter_run (MpCliWaiter *waiter)
{
  if (waiter->result == NULL)
    g_main_loop_run (waiter->loop);

  g_clear_pointer (&waiter->loop, g_main_loop_unref);
  return g_steal_pointer (&waiter->result);
}


static gboolean
any_key_variable_set (void)
{
  static const char * const names[] = {
    "OVH_APPLICATION_KEY", "OVH_APPLICATION_SECRET", "OVH_CONSUMER_KEY",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *value = g_getenv (names[i]);

      if (value != NULL && *value != '\0')
        return TRUE;
    }

  return FALSE;
}

static MpCredentials *
lookup_stored_credentials (MpCliExit  *exit_status,
                           GError    **error)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(MpCredentialStore) store = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *endpoint = NULL;
  g_autofree char *application_key = NULL;
  MpCliWaiter waiter;

  *exit_status = MP_CLI_EXIT_FAILED;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      /* TRANSLATORS: %s is the schema id, io.github.mailpost.Mailpost */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Mailpost’s settings schema (%s) is not installed, so Mailpost cannot tell which keys in the keyring to use. Set the variables OVH_APPLICATION_KEY, OVH_APPLICATION_SECRET and OVH_CONSUMER_KEY instead."),
                   APP_ID);
      return NULL;
    }

  settings = g_settings_new_full (schema, NULL, NULL);
  endpoint = g_settings_get_string (settings, "endpoint");
  application_key = g_settings_get_string (settings, "application-key");

  if (*endpoint == '\0' || *application_key == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("Mailpost is not signed in. Sign in in the Mailpost window, or set the variables OVH_APPLICATION_KEY, OVH_APPLICATION_SECRET and OVH_CONSUMER_KEY."));
      return NULL;
    }

  store = mp_credential_store_new ();
  mp_cli_waiter_init (&waiter);
  mp_credential_store_lookup_async (store, endpoint, application_key, NULL,
                                    mp_cli_waiter_callback, &waiter);
  result = mp_cli_waiter_run (&waiter);

  return mp_credential_store_lookup_finish (store, result, error);
}

MpSession *
mp_cli_open_session (MpOvhClient  *client,
                     const char   *service_name,
                     GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(MpService) service = NULL;
  g_autofree char *segment = mp_ovh_client_escape_segment (service_name);
  g_autofree char *path = g_strconcat ("/email/pro/", segment, NULL);
  MpCliWaiter waiter;

  mp_cli_waiter_init (&waiter);
  mp_ovh_client_call_async (client, "GET", path, NULL, MP_OVH_CALL_DEFAULT, NULL,
                            mp_cli_waiter_callback, &waiter);
  result = mp_cli_waiter_run (&waiter);
  node = mp_ovh_client_call_finish (client, result, error);
  if (node == NULL || (service = mp_service_new_from_json (node, error)) == NULL)
    return NULL;

  return mp_session_new (client, service);
}

MpOvhClient *
mp_cli_open_client (const char  *endpoint_override,
                    MpCliExit   *exit_status,
                    GError     **error)
{
  g_autoptr(MpCredentials) credentials = NULL;
  g_autofree char *base_url = NULL;
  g_autoptr(GError) local_error = NULL;
  MpOvhClient *client;

  /* Arguments and variables are checked before the keyring is asked anything. */
  *exit_status = MP_CLI_EXIT_USAGE;

  if (endpoint_override != NULL &&
      (base_url = mp_ovh_endpoint_resolve (endpoint_override, error)) == NULL)
    return NULL;

  credentials = mp_credentials_new_from_environment (&local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (credentials == NULL && any_key_variable_set ())
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Set all three of OVH_APPLICATION_KEY, OVH_APPLICATION_SECRET and OVH_CONSUMER_KEY, or none of them to use the keys in the keyring."));
      return NULL;
    }

  if (credentials == NULL &&
      (credentials = lookup_stored_credentials (exit_status, error)) == NULL)
    return NULL;

  client = mp_ovh_client_new (base_url != NULL ? base_url : credentials->endpoint,
                              credentials->application_key);
  mp_ovh_client_set_secrets (client, credentials->application_secret, credentials->consumer_key);

  *exit_status = MP_CLI_EXIT_OK;
  return client;
}


/* Terminal cells a character takes: East Asian wide characters take two, combining marks
 * none. */
static guint
text_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

/* Server text on a terminal: invalid UTF-8 and control characters (escape sequences,
 * line breaks) become U+FFFD. */
static char *
sanitize_cell (const char *text)
{
  g_autofree char *valid = NULL;
  GString *clean;

  if (text == NULL || *text == '\0')
    return g_strdup ("-");

  valid = g_utf8_make_valid (text, -1);
  clean = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (clean, g_unichar_iscntrl (c) ? 0xFFFD : c);
    }

  return g_string_free (clean, FALSE);
}

void
mp_cli_print_table (const char * const *headers,
                    GPtrArray          *rows)
{
  guint n_columns = g_strv_length ((char **) headers);
  g_autofree guint *widths = g_new0 (guint, n_columns);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint column = 0; column < n_columns; column++)
    {
      g_ptr_array_add (cells, g_strdup (headers[column]));
      widths[column] = text_width (headers[column]);
    }

  for (guint row = 0; row < rows->len; row++)
    {
      const char * const *values = g_ptr_array_index (rows, row);

      for (guint column = 0; column < n_columns; column++)
        {
          char *cell = sanitize_cell (values[column]);

          widths[column] = MAX (widths[column], text_width (cell));
          g_ptr_array_add (cells, cell);
        }
    }

  for (guint i = 0; i < cells->len; i++)
    {
      const char *cell = g_ptr_array_index (cells, i);
      guint column = i % n_columns;

      g_string_append (line, cell);

      if (column + 1 < n_columns)
        {
          for (guint pad = text_width (cell); pad < widths[column] + 2; pad++)
            g_string_append_c (line, ' ');
        }
      else
        {
          g_print ("%s\n", line->str);
          g_string_truncate (line, 0);
        }
    }
}

void
mp_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);

  fputs (text, stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}
