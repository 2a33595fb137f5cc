/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-dns-answer.c: servers, answers, and reading a raw DNS message into an MpDnsAnswer.
 *
 * The record data of the answer section is read with c-ares' own parsers (MX, SRV, TXT, SOA).
 * c-ares 1.18 has none for CNAME, none that reads NS from a referral's authority section or
 * glue from the additional section, and its parsers give neither the owner name nor the TTL:
 * a small walker of our own reads the header bits, every record's owner, type, TTL and place,
 * and the data c-ares cannot (CNAME, NS, A, AAAA).  Both check every length against the
 * message: a hostile message makes an ERROR answer, never a read out of bounds.
 */
#include "config.h"

#include <ares.h>
#include <arpa/inet.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "dns/mp-dns-private.h"

#define HEADER_SIZE 12

G_DEFINE_QUARK (mp-dns-error-quark, mp_dns_error)
G_DEFINE_BOXED_TYPE (MpDnsServer, mp_dns_server, mp_dns_server_ref, mp_dns_server_unref)
G_DEFINE_BOXED_TYPE (MpDnsAnswer, mp_dns_answer, mp_dns_answer_ref, mp_dns_answer_unref)

const char *
mp_dns_status_to_string (MpDnsStatus status)
{
  switch (status)
    {
    case MP_DNS_STATUS_OK:                return "ok";
    case MP_DNS_STATUS_NO_DATA:           return "nodata";
    case MP_DNS_STATUS_NXDOMAIN:          return "nxdomain";
    case MP_DNS_STATUS_SERVFAIL:          return "servfail";
    case MP_DNS_STATUS_REFUSED:           return "refused";
    case MP_DNS_STATUS_TIMEOUT:           return "timeout";
    case MP_DNS_STATUS_NOT_AUTHORITATIVE: return "not-authoritative";
    case MP_DNS_STATUS_ERROR:
    default:                              return "error";
    }
}

const char *
mp_dns_status_to_label (MpDnsStatus status)
{
  switch (status)
    {
    case MP_DNS_STATUS_OK:                return _("Answered");
    case MP_DNS_STATUS_NO_DATA:           return _("No such record");
    case MP_DNS_STATUS_NXDOMAIN:          return _("Name does not exist");
    case MP_DNS_STATUS_SERVFAIL:          return _("Server failure");
    case MP_DNS_STATUS_REFUSED:           return _("Refused to answer");
    case MP_DNS_STATUS_TIMEOUT:           return _("Did not answer");
    case MP_DNS_STATUS_NOT_AUTHORITATIVE: return _("Not responsible for this domain");
    case MP_DNS_STATUS_ERROR:
    default:                              return _("Unreadable answer");
    }
}

gboolean
mp_dns_status_is_failure (MpDnsStatus status)
{
  return status != MP_DNS_STATUS_OK &&
         status != MP_DNS_STATUS_NO_DATA &&
         status != MP_DNS_STATUS_NXDOMAIN;
}

gboolean
mp_dns_parse_server (const char  *text,
                     char       **address,
                     guint16     *port,
                     GError     **error)
{
  g_autofree char *host = NULL;
  const char *port_text = NULL;
  guint64 number = 53;
  guint8 buffer[16];

  if (text != NULL && text[0] == '[')
    {
      const char *end = strchr (text, ']');

      if (end != NULL)
        {
          host = g_strndup (text + 1, end - text - 1);
          if (end[1] == ':')
            port_text = end + 2;
          else if (end[1] != '\0')
            g_clear_pointer (&host, g_free);
        }
    }
  else if (text != NULL)
    {
      const char *colon = strchr (text, ':');

      /* One colon is a port; more than one is a bare IPv6 address. */
      if (colon != NULL && strchr (colon + 1, ':') == NULL)
        {
          host = g_strndup (text, colon - text);
          port_text = colon + 1;
        }
      else
        host = g_strdup (text);
    }

  if (host == NULL ||
      (inet_pton (AF_INET, host, buffer) != 1 && inet_pton (AF_INET6, host, buffer) != 1) ||
      (port_text != NULL &&
       !g_ascii_string_to_unsigned (port_text, 10, 1, G_MAXUINT16, &number, NULL)))
    {
      /* TRANSLATORS: %s is what the user gave, e.g. "localhost:5353" */
      g_set_error (error, MP_DNS_ERROR, MP_DNS_ERROR_INVALID_SERVER,
                   _("“%s” is not a name server address Mailpost can use. Give an IP address and optionally a port, for example 192.0.2.53:53 or [2001:db8::53]:53."),
                   text != NULL ? text : "");
      return FALSE;
    }

  if (address != NULL)
    *address = g_steal_pointer (&host);
  if (port != NULL)
    *port = number;
  return TRUE;
}


MpDnsServer *
mp_dns_server_new (const char *host,
                   const char *address,
                   guint16     port)
{
  MpDnsServer *self = g_new0 (MpDnsServer, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->host = g_strdup (host);
  self->address = g_strdup (address);
  self->port = port;
  return self;
}

MpDnsServer *
mp_dns_server_ref (MpDnsServer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
mp_dns_server_unref (MpDnsServer *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->host);
  g_free (self->address);
  g_free (self);
}

char *
mp_dns_server_to_string (const MpDnsServer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (strchr (self->address, ':') != NULL)
    return g_strdup_printf ("[%s]:%u", self->address, self->port);
  return g_strdup_printf ("%s:%u", self->address, self->port);
}


MpDnsAnswer *
mp_dns_answer_ref (MpDnsAnswer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
mp_dns_answer_unref (MpDnsAnswer *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->server, mp_dns_server_unref);
  g_free (self->name);
  g_ptr_array_unref (self->records);
  g_ptr_array_unref (self->authority);
  g_ptr_array_unref (self->additional);
  g_free (self);
}

GPtrArray *
mp_dns_answer_get_records_of_type (const MpDnsAnswer *self,
                                   MpDnsRecordType    type)
{
  GPtrArray *records = g_ptr_array_new ();

  g_return_val_if_fail (self != NULL, records);

  for (guint i = 0; i < self->records->len; i++)
    {
      MpDnsRecord *record = g_ptr_array_index (self->records, i);

      if (record->type == type)
        g_ptr_array_add (records, record);
    }

  return records;
}

MpDnsAnswer *
mp_dns_answer_new_empty (MpDnsServer     *server,
                         const char      *name,
                         MpDnsRecordType  type,
                         MpDnsStatus      status)
{
  MpDnsAnswer *self = g_new0 (MpDnsAnswer, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->server = server != NULL ? mp_dns_server_ref (server) : NULL;
  self->name = g_strdup (name);
  self->type = type;
  self->status = status;
  self->rcode = -1;
  self->records = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_dns_record_unref);
  self->authority = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_dns_record_unref);
  self->additional = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_dns_record_unref);
  return self;
}


/* The walker. */

typedef enum
{
  SECTION_ANSWER,
  SECTION_AUTHORITY,
  SECTION_ADDITIONAL,
} Section;

typedef struct
{
  Section  section;
  char    *name;
  guint16  type;
  guint16  klass;
  guint32  ttl;
  gsize    rdata;
  guint16  rdlength;
} RawRecord;

static void
raw_record_clear (RawRecord *record)
{
  g_free (record->name);
}

static guint16
read_u16 (const guint8 *p)
{
  return (guint16) ((p[0] << 8) | p[1]);
}

static guint32
read_u32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* A name at offset, expanded by c-ares (which follows compression pointers within the
 * message only and refuses loops).  *next is the offset after the name's own bytes. */
static char *
expand_name (const guint8 *message,
             gsize         length,
             gsize         offset,
             gsize        *next)
{
  char *expanded = NULL;
  char *name;
  long encoded_length = 0;

  if (offset >= length ||
      ares_expand_name (message + offset, message, (int) length, &expanded, &encoded_length) != ARES_SUCCESS)
    return NULL;

  if (encoded_length <= 0 || (gsize) encoded_length > length - offset)
    {
      ares_free_string (expanded);
      return NULL;
    }

  name = g_strdup (expanded);
  ares_free_string (expanded);
  if (next != NULL)
    *next = offset + encoded_length;
  return name;
}

static gboolean
walk_message (const guint8 *message,
              gsize         length,
              GArray       *records)
{
  guint counts[3];
  guint n_questions;
  gsize offset = HEADER_SIZE;

  n_questions = read_u16 (message + 4);
  counts[SECTION_ANSWER] = read_u16 (message + 6);
  counts[SECTION_AUTHORITY] = read_u16 (message + 8);
  counts[SECTION_ADDITIONAL] = read_u16 (message + 10);

  for (guint i = 0; i < n_questions; i++)
    {
      g_autofree char *name = expand_name (message, length, offset, &offset);

      if (name == NULL || length - offset < 4)
        return FALSE;
      offset += 4;
    }

  for (Section section = SECTION_ANSWER; section <= SECTION_ADDITIONAL; section++)
    for (guint i = 0; i < counts[section]; i++)
      {
        RawRecord record = { section, NULL, 0, 0, 0, 0, 0 };

        record.name = expand_name (message, length, offset, &offset);
        if (record.name == NULL || length - offset < 10)
          {
            g_free (record.name);
            return FALSE;
          }

        record.type = read_u16 (message + offset);
        record.klass = read_u16 (message + offset + 2);
        record.ttl = read_u32 (message + offset + 4);
        record.rdlength = read_u16 (message + offset + 8);
        offset += 10;

        if (length - offset < record.rdlength)
          {
            g_free (record.name);
            return FALSE;
          }

        record.rdata = offset;
        offset += record.rdlength;
        g_array_append_val (records, record);
      }

  return TRUE;
}

/* TXT text is shown and put into JSON: keep it one valid UTF-8 C string. */
static char *
clean_text (const guint8 *bytes,
            gsize         length)
{
  g_autofree char *copy = g_malloc (length + 1);

  for (gsize i = 0; i < length; i++)
    copy[i] = bytes[i] != '\0' ? (char) bytes[i] : '?';
  copy[length] = '\0';

  return g_utf8_make_valid (copy, length);
}

/* The nth record of a type in the answer section, for the owner and TTL c-ares leaves out. */
static const RawRecord *
nth_answer_of_type (GArray  *raw,
                    guint16  type,
                    guint    n)
{
  for (guint i = 0; i < raw->len; i++)
    {
      const RawRecord *record = &g_array_index (raw, RawRecord, i);

      if (record->section != SECTION_ANSWER || record->type != type || record->klass != 1)
        continue;
      if (n-- == 0)
        return record;
    }

  return NULL;
}

#define OWNER(raw_record, fallback) ((raw_record) != NULL ? (raw_record)->name : (fallback))
#define TTL(raw_record) ((raw_record) != NULL ? (raw_record)->ttl : 0)

static gboolean
read_cares_records (const guint8 *message,
                    gsize         length,
                    guint16       type,
                    const char   *question,
                    GArray       *raw,
                    GPtrArray    *out)
{
  guint n = 0;

  switch (type)
    {
    case MP_DNS_RECORD_TYPE_MX:
      {
        struct ares_mx_reply *replies = NULL;

        if (ares_parse_mx_reply (message, (int) length, &replies) != ARES_SUCCESS)
          return FALSE;
        for (struct ares_mx_reply *r = replies; r != NULL; r = r->next, n++)
          {
            const RawRecord *rr = nth_answer_of_type (raw, type, n);

            g_ptr_array_add (out, mp_dns_record_new_mx (OWNER (rr, question), TTL (rr), r->priority, r->host));
          }
        ares_free_data (replies);
        return TRUE;
      }

    case MP_DNS_RECORD_TYPE_SRV:
      {
        struct ares_srv_reply *replies = NULL;

        if (ares_parse_srv_reply (message, (int) length, &replies) != ARES_SUCCESS)
          return FALSE;
        for (struct ares_srv_reply *r = replies; r != NULL; r = r->next, n++)
          {
            const RawRecord *rr = nth_answer_of_type (raw, type, n);

            g_ptr_array_add (out, mp_dns_record_new_srv (OWNER (rr, question), TTL (rr),
                                                         r->priority, r->weight, r->port, r->host));
          }
        ares_free_data (replies);
        return TRUE;
      }

    case MP_DNS_RECORD_TYPE_TXT:
      {
        struct ares_txt_ext *replies = NULL;
        g_autoptr(GByteArray) text = NULL;

        if (ares_parse_txt_reply_ext (message, (int) length, &replies) != ARES_SUCCESS)
          return FALSE;

        /* record_start marks where a record begins: the strings after it until the next
         * start belong to the same record and are joined (RFC 7208 §3.3). */
        for (struct ares_txt_ext *r = replies; ; r = r->next)
          {
            if (r == NULL || r->record_start)
              {
                if (text != NULL)
                  {
                    const RawRecord *rr = nth_answer_of_type (raw, type, n++);
                    g_autofree char *joined = clean_text (text->data, text->len);

                    g_ptr_array_add (out, mp_dns_record_new_txt (OWNER (rr, question), TTL (rr), joined));
                    g_clear_pointer (&text, g_byte_array_unref);
                  }
                if (r == NULL)
                  break;
                text = g_byte_array_new ();
              }
            if (text == NULL)
              text = g_byte_array_new ();
            if (r->txt != NULL && r->length > 0)
              g_byte_array_append (text, r->txt, r->length);
          }
        ares_free_data (replies);
        return TRUE;
      }

    case MP_DNS_RECORD_TYPE_SOA:
      {
        struct ares_soa_reply *soa = NULL;
        const RawRecord *rr = nth_answer_of_type (raw, type, 0);

        if (ares_parse_soa_reply (message, (int) length, &soa) != ARES_SUCCESS)
          return FALSE;
        g_ptr_array_add (out, mp_dns_record_new_soa (OWNER (rr, question), TTL (rr), soa->nsname, soa->hostmaster,
                                                     soa->serial, soa->refresh, soa->retry,
                                                     soa->expire, soa->minttl));
        ares_free_data (soa);
        return TRUE;
      }

    default:
      return TRUE;
    }
}

/* The data c-ares has no parser for (or none that sees every section). */
static MpDnsRecord *
read_own_record (const guint8    *message,
                 gsize            length,
                 const RawRecord *raw)
{
  char address[INET6_ADDRSTRLEN];

  if (raw->klass != 1)
    return NULL;

  switch (raw->type)
    {
    case MP_DNS_RECORD_TYPE_CNAME:
    case MP_DNS_RECORD_TYPE_NS:
      {
        gsize end;
        g_autofree char *target = expand_name (message, length, raw->rdata, &end);

        if (target == NULL || end > raw->rdata + raw->rdlength)
          return NULL;
        if (raw->type == MP_DNS_RECORD_TYPE_CNAME)
          return mp_dns_record_new_cname (raw->name, raw->ttl, target);
        return mp_dns_record_new_ns (raw->name, raw->ttl, target);
      }

    case MP_DNS_RECORD_TYPE_A:
      if (raw->rdlength != 4 || inet_ntop (AF_INET, message + raw->rdata, address, sizeof address) == NULL)
        return NULL;
      return mp_dns_record_new_a (raw->name, raw->ttl, address);

    case MP_DNS_RECORD_TYPE_AAAA:
      if (raw->rdlength != 16 || inet_ntop (AF_INET6, message + raw->rdata, address, sizeof address) == NULL)
        return NULL;
      return mp_dns_record_new_aaaa (raw->name, raw->ttl, address);

    default:
      return NULL;
    }
}

static MpDnsStatus
status_from_rcode (int rcode)
{
  switch (rcode)
    {
    case 0:  return MP_DNS_STATUS_OK;
    case 2:  return MP_DNS_STATUS_SERVFAIL;
    case 3:  return MP_DNS_STATUS_NXDOMAIN;
    case 5:  return MP_DNS_STATUS_REFUSED;
    default: return MP_DNS_STATUS_ERROR;
    }
}

/* The types whose data c-ares' parsers read. */
static const guint16 cares_types[] = {
  MP_DNS_RECORD_TYPE_MX, MP_DNS_RECORD_TYPE_SRV, MP_DNS_RECORD_TYPE_TXT, MP_DNS_RECORD_TYPE_SOA,
};

MpDnsAnswer *
mp_dns_answer_new_from_message (MpDnsServer     *server,
                                const char      *name,
                                MpDnsRecordType  type,
                                gboolean         expect_authority,
                                const guint8    *message,
                                gsize            length)
{
  g_autoptr(MpDnsAnswer) self = mp_dns_answer_new_empty (server, name, type, MP_DNS_STATUS_ERROR);
  g_autoptr(GArray) raw = g_array_new (FALSE, TRUE, sizeof (RawRecord));
  gboolean has_type = FALSE;
  gboolean seen_cares_type[G_N_ELEMENTS (cares_types)] = { FALSE, };

  g_array_set_clear_func (raw, (GDestroyNotify) raw_record_clear);

  /* Messages are at most 65535 bytes (TCP length prefix); c-ares takes an int. */
  if (message == NULL || length < HEADER_SIZE || length > G_MAXUINT16)
    return g_steal_pointer (&self);

  self->rcode = message[3] & 0x0f;
  self->authoritative = (message[2] >> 2) & 1;
  self->truncated = (message[2] >> 1) & 1;

  if (!walk_message (message, length, raw))
    return g_steal_pointer (&self);

  for (guint i = 0; i < raw->len; i++)
    {
      const RawRecord *record = &g_array_index (raw, RawRecord, i);
      GPtrArray *out;
      MpDnsRecord *own;

      if (record->section == SECTION_ANSWER)
        {
          for (guint t = 0; t < G_N_ELEMENTS (cares_types); t++)
            if (record->type == cares_types[t] && record->klass == 1)
              seen_cares_type[t] = TRUE;
        }

      own = read_own_record (message, length, record);
      if (own == NULL)
        continue;

      out = record->section == SECTION_ANSWER ? self->records :
            record->section == SECTION_AUTHORITY ? self->authority : self->additional;
      g_ptr_array_add (out, own);
    }

  for (guint t = 0; t < G_N_ELEMENTS (cares_types); t++)
    if (seen_cares_type[t] &&
        !read_cares_records (message, length, cares_types[t], name, raw, self->records))
      {
        g_ptr_array_set_size (self->records, 0);
        return g_steal_pointer (&self);
      }

  for (guint i = 0; i < self->records->len; i++)
    if (((MpDnsRecord *) g_ptr_array_index (self->records, i))->type == type)
      has_type = TRUE;

  self->status = status_from_rcode (self->rcode);
  if (self->status == MP_DNS_STATUS_OK && !has_type)
    self->status = MP_DNS_STATUS_NO_DATA;

  /* A referral or an answer from a cache: that server does not hold the zone. */
  if (expect_authority && !self->authoritative &&
      (self->status == MP_DNS_STATUS_OK || self->status == MP_DNS_STATUS_NO_DATA ||
       self->status == MP_DNS_STATUS_NXDOMAIN))
    self->status = MP_DNS_STATUS_NOT_AUTHORITATIVE;

  return g_steal_pointer (&self);
}
