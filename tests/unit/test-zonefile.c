/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "dns/mp-check-result.h"
#include "dns/mp-dns-record.h"
#include "dns/mp-dns-resolver.h"

static void
test_renders_each_type (void)
{
  g_autoptr(MpDnsRecord) mx = mp_dns_record_new_mx ("example.com", 3600, 1, "mx0.mail.ovh.net.");
  g_autoptr(MpDnsRecord) srv = mp_dns_record_new_srv ("_autodiscover._tcp.example.com", 3600, 0, 0, 443, "pro1.mail.ovh.net");
  g_autoptr(MpDnsRecord) cname = mp_dns_record_new_cname ("a1bcd-check.example.com.", 0, "ovh.com");
  g_autoptr(MpDnsRecord) txt = mp_dns_record_new_txt ("example.com", 300, "v=spf1 include:mx.ovh.com ~all");
  g_autoptr(MpDnsRecord) soa = mp_dns_record_new_soa ("example.com", 300, "ns1.example.com", "hostmaster.example.com",
                                                       2026010101, 3600, 600, 1209600, 300);
  g_autofree char *mx_line = mp_dns_record_to_zone_line (mx);
  g_autofree char *srv_line = mp_dns_record_to_zone_line (srv);
  g_autofree char *cname_line = mp_dns_record_to_zone_line (cname);
  g_autofree char *txt_line = mp_dns_record_to_zone_line (txt);
  g_autofree char *soa_line = mp_dns_record_to_zone_line (soa);

  g_assert_cmpstr (mx_line, ==, "example.com. 3600 IN MX 1 mx0.mail.ovh.net.");
  g_assert_cmpstr (srv_line, ==, "_autodiscover._tcp.example.com. 3600 IN SRV 0 0 443 pro1.mail.ovh.net.");
  g_assert_cmpstr (cname_line, ==, "a1bcd-check.example.com. IN CNAME ovh.com.");
  g_assert_cmpstr (txt_line, ==, "example.com. 300 IN TXT \"v=spf1 include:mx.ovh.com ~all\"");
  g_assert_cmpstr (soa_line, ==, "example.com. 300 IN SOA ns1.example.com. hostmaster.example.com. 2026010101 3600 600 1209600 300");
}

static void
test_txt_is_split_and_escaped (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(MpDnsRecord) long_txt = NULL;
  g_autoptr(MpDnsRecord) hostile = mp_dns_record_new_txt ("x.example\n.com", 0, "a\"b\\c\nd\x7f" "é");
  g_autofree char *long_line = NULL;
  g_autofree char *hostile_line = NULL;

  for (guint i = 0; i < 300; i++)
    g_string_append_c (text, 'k');
  long_txt = mp_dns_record_new_txt ("example.com", 0, text->str);
  long_line = mp_dns_record_to_zone_line (long_txt);
  /* 255 + 45 bytes: two character-strings */
  g_assert_nonnull (strstr (long_line, "\" \""));
  g_assert_cmpuint (strlen (long_line), ==, strlen ("example.com. IN TXT ") + 300 + 5);

  hostile_line = mp_dns_record_to_zone_line (hostile);
  g_assert_cmpstr (hostile_line, ==, "x.example\\010.com. IN TXT \"a\\\"b\\\\c\\010d\\127\\195\\169\"");
  g_assert_null (strchr (hostile_line, '\n'));
}

static void
test_parses_expectations (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MpDnsRecord) srv = mp_dns_record_parse_srv_expectation ("_autodiscover._tcp.example.com. IN SRV 0 0 443 pro1.mail.ovh.net.", "example.com", 3600, &error);
  g_autoptr(MpDnsRecord) relative = mp_dns_record_parse_srv_expectation ("_autodiscover._tcp IN SRV 10 5 443 pro2.mail.ovh.net", "example.com", 3600, &error);
  g_autoptr(MpDnsRecord) mx = mp_dns_record_parse_mx_expectation ("IN MX 5 mx1.mail.ovh.net.", "example.com", 3600, &error);
  g_autoptr(MpDnsRecord) bare = mp_dns_record_parse_mx_expectation ("mx2.mail.ovh.net", "example.com", 3600, &error);
  g_autoptr(MpDnsRecord) bad = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (srv->name, ==, "_autodiscover._tcp.example.com");
  g_assert_cmpuint (srv->port, ==, 443);
  g_assert_cmpstr (srv->target, ==, "pro1.mail.ovh.net");
  g_assert_cmpstr (relative->name, ==, "_autodiscover._tcp.example.com");
  g_assert_cmpuint (relative->priority, ==, 10);
  g_assert_cmpuint (relative->weight, ==, 5);
  g_assert_cmpuint (mx->priority, ==, 5);
  g_assert_cmpstr (mx->target, ==, "mx1.mail.ovh.net");
  g_assert_cmpstr (bare->target, ==, "mx2.mail.ovh.net");

  bad = mp_dns_record_parse_srv_expectation ("IN SRV x y z", "example.com", 0, &error);
  g_assert_null (bad);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

static void
test_fix_as_zone_file (void)
{
  g_autoptr(MpCheckResult) result = mp_check_result_new (MP_CHECK_ID_SPF);
  g_autofree char *text = NULL;

  g_assert_null (mp_check_result_fix_to_zone_file (result));
  g_ptr_array_add (result->fix_remove, mp_dns_record_new_txt ("example.com", 300, "v=spf1 a -all"));
  g_ptr_array_add (result->fix_add, mp_dns_record_new_txt ("example.com", 300, "v=spf1 a include:mx.ovh.com -all"));
  text = mp_check_result_fix_to_zone_file (result);
  g_assert_cmpstr (text, ==,
                   "; remove: example.com. 300 IN TXT \"v=spf1 a -all\"\n"
                   "example.com. 300 IN TXT \"v=spf1 a include:mx.ovh.com -all\"\n");
}

/* A real answer: example.com MX 10 mx.example.com, with a compressed name. */
static const guint8 mx_answer[] = {
  0x12, 0x34, 0x84, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
  7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 'c', 'o', 'm', 0, 0x00, 0x0f, 0x00, 0x01,
  0xc0, 0x0c, 0x00, 0x0f, 0x00, 0x01, 0x00, 0x00, 0x0e, 0x10, 0x00, 0x07,
  0x00, 0x0a, 2, 'm', 'x', 0xc0, 0x0c,
  2, 'm', 'x', 0xc0, 0x0c, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x0e, 0x10, 0x00, 0x04, 192, 0, 2, 1,
};

static void
test_reads_messages (void)
{
  g_autoptr(MpDnsAnswer) answer = mp_dns_answer_new_from_message (NULL, "example.com", MP_DNS_RECORD_TYPE_MX, TRUE,
                                                                   mx_answer, sizeof mx_answer);
  MpDnsRecord *mx, *glue;

  g_assert_cmpint (answer->status, ==, MP_DNS_STATUS_OK);
  g_assert_true (answer->authoritative);
  g_assert_cmpuint (answer->records->len, ==, 1);
  mx = g_ptr_array_index (answer->records, 0);
  g_assert_cmpstr (mx->name, ==, "example.com");
  g_assert_cmpuint (mx->ttl, ==, 3600);
  g_assert_cmpuint (mx->priority, ==, 10);
  g_assert_cmpstr (mx->target, ==, "mx.example.com");
  g_assert_cmpuint (answer->additional->len, ==, 1);
  glue = g_ptr_array_index (answer->additional, 0);
  g_assert_cmpstr (glue->data, ==, "192.0.2.1");
}

static void
test_hostile_messages (void)
{
  guint8 copy[sizeof mx_answer];

  /* Every truncation, every byte set to a few values, and a pointer loop: never a crash. */
  for (gsize cut = 0; cut <= sizeof mx_answer; cut++)
    {
      g_autoptr(MpDnsAnswer) answer = mp_dns_answer_new_from_message (NULL, "example.com", MP_DNS_RECORD_TYPE_MX, TRUE, mx_answer, cut);

      if (cut < sizeof mx_answer)
        g_assert_cmpint (answer->status, ==, cut < 12 ? MP_DNS_STATUS_ERROR : answer->status);
    }

  for (gsize i = 0; i < sizeof mx_answer; i++)
    for (guint value = 0; value < 256; value += 17)
      {
        g_autoptr(MpDnsAnswer) answer = NULL;

        memcpy (copy, mx_answer, sizeof copy);
        copy[i] = value;
        answer = mp_dns_answer_new_from_message (NULL, "example.com", MP_DNS_RECORD_TYPE_MX, TRUE, copy, sizeof copy);
        g_assert_nonnull (answer);
      }

  memcpy (copy, mx_answer, sizeof copy);
  copy[29] = 0xc0;
  copy[30] = 29;   /* the answer's owner points at itself */
  {
    g_autoptr(MpDnsAnswer) answer = mp_dns_answer_new_from_message (NULL, "example.com", MP_DNS_RECORD_TYPE_MX, TRUE, copy, sizeof copy);

    g_assert_cmpint (answer->status, ==, MP_DNS_STATUS_ERROR);
  }
}

static void
test_status_from_header (void)
{
  guint8 copy[sizeof mx_answer];
  g_autoptr(MpDnsAnswer) lame = NULL;
  g_autoptr(MpDnsAnswer) refused = NULL;

  memcpy (copy, mx_answer, sizeof copy);
  copy[2] &= ~0x04;   /* no AA */
  lame = mp_dns_answer_new_from_message (NULL, "example.com", MP_DNS_RECORD_TYPE_MX, TRUE, copy, sizeof copy);
  g_assert_cmpint (lame->status, ==, MP_DNS_STATUS_NOT_AUTHORITATIVE);

  copy[3] = 5;        /* REFUSED */
  refused = mp_dns_answer_new_from_message (NULL, "example.com", MP_DNS_RECORD_TYPE_MX, TRUE, copy, sizeof copy);
  g_assert_cmpint (refused->status, ==, MP_DNS_STATUS_REFUSED);
  g_assert_cmpint (refused->rcode, ==, 5);
}

static void
test_parses_servers (void)
{
  g_autofree char *address = NULL;
  guint16 port = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (mp_dns_parse_server ("127.0.0.1:5353", &address, &port, &error));
  g_assert_cmpstr (address, ==, "127.0.0.1");
  g_assert_cmpuint (port, ==, 5353);
  g_clear_pointer (&address, g_free);
  g_assert_true (mp_dns_parse_server ("[2001:db8::53]:53", &address, &port, &error));
  g_assert_cmpstr (address, ==, "2001:db8::53");
  g_clear_pointer (&address, g_free);
  g_assert_true (mp_dns_parse_server ("192.0.2.53", &address, &port, &error));
  g_assert_cmpuint (port, ==, 53);
  g_assert_false (mp_dns_parse_server ("localhost:53", NULL, NULL, &error));
  g_assert_error (error, MP_DNS_ERROR, MP_DNS_ERROR_INVALID_SERVER);
  g_clear_error (&error);
  g_assert_false (mp_dns_parse_server ("127.0.0.1:99999", NULL, NULL, &error));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mailpost/dns/zonefile/renders-each-type", test_renders_each_type);
  g_test_add_func ("/mailpost/dns/zonefile/txt-is-split-and-escaped", test_txt_is_split_and_escaped);
  g_test_add_func ("/mailpost/dns/zonefile/parses-expectations", test_parses_expectations);
  g_test_add_func ("/mailpost/dns/zonefile/fix-as-zone-file", test_fix_as_zone_file);
  g_test_add_func ("/mailpost/dns/message/reads-messages", test_reads_messages);
  g_test_add_func ("/mailpost/dns/message/hostile-messages", test_hostile_messages);
  g_test_add_func ("/mailpost/dns/message/status-from-header", test_status_from_header);
  g_test_add_func ("/mailpost/dns/resolver/parses-servers", test_parses_servers);

  return g_test_run ();
}
