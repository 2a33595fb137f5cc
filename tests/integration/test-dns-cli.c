/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `mailpost diagnose` against Knot: the JSON shape of the issue and the exit statuses. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "mp-test-knot.h"

static MpTestDns *dns;

typedef struct
{
  int        status;
  char      *out;
  char      *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_diagnose (Run                *run,
              const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *) g_getenv ("MAILPOST_EXE"));
  g_ptr_array_add (argv, (char *) "diagnose");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (process);
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static JsonObject *
find_check (JsonObject *root,
            const char *id)
{
  JsonArray *checks = json_object_get_array_member (root, "checks");

  for (guint i = 0; i < json_array_get_length (checks); i++)
    {
      JsonObject *check = json_array_get_object_element (checks, i);

      if (g_str_equal (json_object_get_string_member (check, "id"), id))
        return check;
    }

  g_assert_not_reached ();
}

static void
test_json_shape (void)
{
  g_auto(Run) run = { 0, };
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *args[] = { "good.test", "--nameserver", mp_test_dns_get_bootstrap (dns), "--json",
                         "--server", "pro1.mail.ovh.net",
                         "--dkim-selector", "ovhemp1-selector1", "--dkim-selector", "ovhemp1-selector2", NULL };
  JsonObject *root, *server, *mx, *fix, *propagation;
  JsonArray *nameservers, *checks;

  run_diagnose (&run, args);
  g_assert_cmpint (run.status, ==, 0);

  root = parse_object (parser, run.out);
  g_assert_cmpstr (json_object_get_string_member (root, "domain"), ==, "good.test");
  g_assert_cmpstr (json_object_get_string_member (root, "status"), ==, "ok");

  nameservers = json_object_get_array_member (root, "nameservers");
  g_assert_cmpuint (json_array_get_length (nameservers), ==, 1);
  server = json_array_get_object_element (nameservers, 0);
  g_assert_cmpstr (json_object_get_string_member (server, "address"), ==, mp_test_dns_get_bootstrap (dns));
  g_assert_cmpint (json_object_get_int_member (server, "serial"), ==, 2026010101);
  g_assert_cmpstr (json_object_get_string_member (server, "status"), ==, "ok");
  g_assert_true (json_object_has_member (server, "host"));

  checks = json_object_get_array_member (root, "checks");
  g_assert_cmpuint (json_array_get_length (checks), ==, 5);   /* no --cname-check */
  mx = find_check (root, "mx");
  g_assert_cmpstr (json_object_get_string_member (mx, "status"), ==, "ok");
  g_assert_nonnull (json_object_get_string_member (mx, "summary"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (mx, "expected")), ==, 5);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (mx, "found"), 0), ==,
                   "good.test. 300 IN MX 1 mx0.mail.ovh.net.");
  fix = json_object_get_object_member (mx, "fix");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (fix, "add")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (fix, "remove")), ==, 0);
  propagation = json_object_get_object_member (mx, "propagation");
  g_assert_cmpint (json_object_get_int_member (propagation, "updated"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (propagation, "total"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (find_check (root, "dkim"), "status"), ==, "ok");
}

static void
test_exit_status_errors (void)
{
  g_auto(Run) run = { 0, };
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *args[] = { "nomx.test", "--nameserver", mp_test_dns_get_bootstrap (dns), "--json", NULL };
  JsonObject *root, *mx;

  run_diagnose (&run, args);
  g_assert_cmpint (run.status, ==, 2);
  root = parse_object (parser, run.out);
  g_assert_cmpstr (json_object_get_string_member (root, "status"), ==, "error");
  mx = find_check (root, "mx");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (json_object_get_object_member (mx, "fix"), "add"), 0),
                   ==, "nomx.test. 3600 IN MX 1 mx0.mail.ovh.net.");
  /* Without --server and --dkim-selector those checks have nothing to compare with. */
  g_assert_cmpstr (json_object_get_string_member (find_check (root, "srv"), "status"), ==, "unknown");
  g_assert_cmpstr (json_object_get_string_member (find_check (root, "dkim"), "status"), ==, "unknown");
}

static void
test_exit_status_warnings (void)
{
  g_auto(Run) run = { 0, };
  const char *args[] = { "dmarcnone.test", "--nameserver", mp_test_dns_get_bootstrap (dns), NULL };

  run_diagnose (&run, args);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "_dmarc.dmarcnone.test. 3600 IN TXT"));
}

static void
test_exit_status_not_checked (void)
{
  g_auto(Run) run = { 0, };
  g_autofree char *refusing = g_strdup_printf ("127.0.0.3:%u", mp_test_dns_get_port (dns));
  const char *args[] = { "refused.test", "--nameserver", refusing, "--json", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  run_diagnose (&run, args);
  g_assert_cmpint (run.status, ==, 3);
  root = parse_object (parser, run.out);
  g_assert_cmpstr (json_object_get_string_member (root, "status"), ==, "unknown");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (root, "nameservers"), 0), "status"),
                   ==, "refused");
}

static void
test_bad_arguments (void)
{
  g_auto(Run) no_domain = { 0, };
  g_auto(Run) bad_server = { 0, };
  const char *no_domain_args[] = { "--json", NULL };
  const char *bad_server_args[] = { "good.test", "--nameserver", "localhost:53", NULL };

  run_diagnose (&no_domain, no_domain_args);
  g_assert_cmpint (no_domain.status, ==, 3);
  g_assert_nonnull (strstr (no_domain.err, "DOMAIN"));

  run_diagnose (&bad_server, bad_server_args);
  g_assert_cmpint (bad_server.status, ==, 3);
  g_assert_nonnull (strstr (bad_server.err, "localhost:53"));
}

static void
test_environment_override (void)
{
  g_auto(Run) run = { 0, };
  const char *args[] = { "good.test", "--json", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_setenv ("MAILPOST_DNS_SERVER", mp_test_dns_get_bootstrap (dns), TRUE);
  run_diagnose (&run, args);
  g_unsetenv ("MAILPOST_DNS_SERVER");

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (json_object_get_string_member (parse_object (parser, run.out), "domain"), ==, "good.test");
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mailpost/cli/diagnose/json-shape", test_json_shape);
  g_test_add_func ("/mailpost/cli/diagnose/exit-status-errors", test_exit_status_errors);
  g_test_add_func ("/mailpost/cli/diagnose/exit-status-warnings", test_exit_status_warnings);
  g_test_add_func ("/mailpost/cli/diagnose/exit-status-not-checked", test_exit_status_not_checked);
  g_test_add_func ("/mailpost/cli/diagnose/bad-arguments", test_bad_arguments);
  g_test_add_func ("/mailpost/cli/diagnose/environment-override", test_environment_override);

  dns = mp_test_dns_start ();
  status = g_test_run ();
  mp_test_dns_stop (dns);

  return status;
}
