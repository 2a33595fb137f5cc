/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-dns-resolver.h: live DNS questions on c-ares, in the GLib main loop, without threads.
 *
 * Why not GResolver: it cannot choose the server or the port, has no CNAME lookup and reports
 * NXDOMAIN and NODATA alike (reference/dns-checks.md §2).  Here every question goes to one
 * known server over its own c-ares channel, so each answer is known to come from that server,
 * with its rcode and AA bit.
 *
 * Where questions go (three modes, one code path):
 *
 *  - Normal: a domain's name servers are found through the *bootstrap* resolvers (the system's,
 *    from /etc/resolv.conf, asked with recursion), then each authoritative server is asked
 *    directly, without recursion (RD=0), on port 53.
 *  - Override (property #MpDnsResolver:nameserver, env MAILPOST_DNS_SERVER, `--nameserver`):
 *    "HOST:PORT" receives every question, bootstrap ones included, and is taken as the domain's
 *    only authoritative server.  The app's setting, the demo and quick tests use this with Knot.
 *  - Loopback discovery (properties #MpDnsResolver:bootstrap-server and
 *    #MpDnsResolver:authoritative-port): the bootstrap questions go to one server instead of
 *    the system's, and the authoritative servers found are asked on that port instead of 53.
 *    A test serves `ns1.example.test A 127.0.0.2` and `ns2… A 127.0.0.3` from a Knot on
 *    127.0.0.1:PORT and the real discovery path then asks 127.0.0.2:PORT and 127.0.0.3:PORT
 *    (the whole 127.0.0.0/8 is loopback on Linux, no setup needed).
 *
 * Each try waits #MpDnsResolver:try-timeout-ms (1 s); c-ares retries inside the overall
 * #MpDnsResolver:timeout-ms.  EDNS is on (1232 bytes); a truncated UDP answer is asked again
 * over TCP by c-ares itself.  A DNS failure (NXDOMAIN, SERVFAIL, REFUSED, timeout, an answer
 * without authority) is not a GError: it is the #MpDnsAnswer's status, because the checks
 * report it to the user.  GErrors are for bad arguments and cancellation only.
 */
#pragma once

#include <gio/gio.h>

#include "dns/mp-dns-record.h"

G_BEGIN_DECLS

#define MP_DNS_ERROR (mp_dns_error_quark ())

typedef enum
{
  MP_DNS_ERROR_INVALID_SERVER,   /* not "IP", "IP:PORT" or "[IPv6]:PORT" */
  MP_DNS_ERROR_INVALID_NAME,     /* not a domain name that can be asked */
  MP_DNS_ERROR_FAILED,           /* c-ares could not start (no memory, no resolv.conf) */
} MpDnsError;

/* What one server said to one question. */
typedef enum
{
  MP_DNS_STATUS_OK,                  /* NOERROR with records of the type asked */
  MP_DNS_STATUS_NO_DATA,             /* NOERROR, the name exists, no record of that type */
  MP_DNS_STATUS_NXDOMAIN,            /* the name does not exist */
  MP_DNS_STATUS_SERVFAIL,
  MP_DNS_STATUS_REFUSED,             /* typically: the server does not host this zone */
  MP_DNS_STATUS_TIMEOUT,             /* no answer within the overall limit */
  MP_DNS_STATUS_NOT_AUTHORITATIVE,   /* asked as authoritative, answered without the AA bit */
  MP_DNS_STATUS_ERROR,               /* anything else: malformed answer, network error, other rcode */
} MpDnsStatus;

GQuark       mp_dns_error_quark       (void);

/* "ok", "nodata", "nxdomain", "servfail", "refused", "timeout", "not-authoritative", "error":
 * stable words for JSON. */
const char  *mp_dns_status_to_string  (MpDnsStatus status);
/* A short translated phrase for a table cell, e.g. "Did not answer". */
const char  *mp_dns_status_to_label   (MpDnsStatus status);
/* TRUE for the statuses that say the server could not be asked properly (SERVFAIL, REFUSED,
 * TIMEOUT, NOT_AUTHORITATIVE, ERROR), as opposed to a real answer (OK, NO_DATA, NXDOMAIN). */
gboolean     mp_dns_status_is_failure (MpDnsStatus status);

/* Parses "IP", "IP:PORT" or "[IPv6]:PORT" (port 53 when left out).  Host names are refused:
 * the server must be reachable without asking DNS first.  On success *address is the IP text
 * (transfer full) and *port the port. */
gboolean     mp_dns_parse_server      (const char  *text,
                                       char       **address,
                                       guint16     *port,
                                       GError     **error);


/* MpDnsServer: one server questions go to.  host is its name (NULL for an override given as an
 * address), address the IP text, port the UDP/TCP port. */
#define MP_TYPE_DNS_SERVER (mp_dns_server_get_type ())

typedef struct _MpDnsServer MpDnsServer;
struct _MpDnsServer
{
  /*< private >*/
  gatomicrefcount  ref_count;
  /*< public >*/
  char            *host;
  char            *address;
  guint16          port;
};

GType        mp_dns_server_get_type   (void) G_GNUC_CONST;
MpDnsServer *mp_dns_server_new        (const char  *host,
                                       const char  *address,
                                       guint16      port);
MpDnsServer *mp_dns_server_ref        (MpDnsServer *self);
void         mp_dns_server_unref      (MpDnsServer *self);
/* "IP:PORT", or "[IPv6]:PORT": the form c-ares and the override take. */
char        *mp_dns_server_to_string  (const MpDnsServer *self);


/* MpDnsAnswer: the outcome of one question to one server. */
#define MP_TYPE_DNS_ANSWER (mp_dns_answer_get_type ())

typedef struct _MpDnsAnswer MpDnsAnswer;
struct _MpDnsAnswer
{
  /*< private >*/
  gatomicrefcount  ref_count;
  /*< public >*/
  MpDnsServer     *server;        /* NULL when the system's resolvers were asked */
  char            *name;          /* the question */
  MpDnsRecordType  type;
  MpDnsStatus      status;
  int              rcode;         /* -1 when no answer came */
  gboolean         authoritative; /* the AA bit */
  gboolean         truncated;     /* the TC bit of the answer finally used */
  GPtrArray       *records;       /* MpDnsRecord: the answer section, every type (CNAMEs too) */
  GPtrArray       *authority;     /* MpDnsRecord: the authority section (NS, SOA) */
  GPtrArray       *additional;    /* MpDnsRecord: the additional section (glue A/AAAA) */
  guint            depth;         /* round trips from the start of the diagnosis, 1 = first */
};

GType        mp_dns_answer_get_type   (void) G_GNUC_CONST;
MpDnsAnswer *mp_dns_answer_ref        (MpDnsAnswer *self);
void         mp_dns_answer_unref      (MpDnsAnswer *self);
/* The records of the answer section whose type is type, in the order received.  Transfer
 * container: the records belong to the answer. */
GPtrArray   *mp_dns_answer_get_records_of_type (const MpDnsAnswer *self,
                                                MpDnsRecordType    type);

/* Reads a raw DNS message (header, question, answer, authority and additional sections) into
 * an MpDnsAnswer with the status computed from the rcode, the AA bit (only checked when
 * expect_authority) and whether records of the asked type were found.  Every length and
 * offset is bounds-checked: a hostile or broken message gives status ERROR, never a crash.
 * Exposed for the fuzz target and the tests. */
MpDnsAnswer *mp_dns_answer_new_from_message (MpDnsServer      *server,
                                             const char       *name,
                                             MpDnsRecordType   type,
                                             gboolean          expect_authority,
                                             const guint8     *message,
                                             gsize             length);


#define MP_TYPE_DNS_RESOLVER (mp_dns_resolver_get_type ())
G_DECLARE_FINAL_TYPE (MpDnsResolver, mp_dns_resolver, MP, DNS_RESOLVER, GObject)

MpDnsResolver *mp_dns_resolver_new                  (void);
/* A resolver with the override from MAILPOST_DNS_SERVER when it is set (NULL and an error
 * when it is set but wrong). */
MpDnsResolver *mp_dns_resolver_new_from_environment (GError        **error);

/* #MpDnsResolver:nameserver, "IP:PORT" or NULL.  Setting a wrong value fails with an error
 * and keeps the old value; the property setter itself ignores a wrong value with a warning. */
const char    *mp_dns_resolver_get_nameserver       (MpDnsResolver  *self);
gboolean       mp_dns_resolver_set_nameserver       (MpDnsResolver  *self,
                                                     const char     *nameserver,
                                                     GError        **error);
/* #MpDnsResolver:bootstrap-server, "IP:PORT" or NULL for the system's resolvers. */
const char    *mp_dns_resolver_get_bootstrap_server (MpDnsResolver  *self);
gboolean       mp_dns_resolver_set_bootstrap_server (MpDnsResolver  *self,
                                                     const char     *server,
                                                     GError        **error);
/* #MpDnsResolver:authoritative-port, 53 unless a test says otherwise. */
guint          mp_dns_resolver_get_authoritative_port (MpDnsResolver *self);
void           mp_dns_resolver_set_authoritative_port (MpDnsResolver *self,
                                                       guint          port);
/* #MpDnsResolver:try-timeout-ms (1000) and #MpDnsResolver:timeout-ms (4000, the overall
 * limit of one question including its retries). */
void           mp_dns_resolver_set_timeouts         (MpDnsResolver  *self,
                                                     guint           try_timeout_ms,
                                                     guint           timeout_ms);

/* The bootstrap server as an MpDnsServer, the override when there is one, NULL for the
 * system's resolvers. */
MpDnsServer   *mp_dns_resolver_dup_bootstrap        (MpDnsResolver  *self);

/* Asks one question.  server NULL asks the bootstrap resolvers with recursion (RD=1);
 * otherwise server is asked as an authoritative server (RD=0) and an answer without the AA bit
 * gets status NOT_AUTHORITATIVE.  depth is copied into the answer (see MpDnsAnswer.depth).
 * Finishes with an MpDnsAnswer for every DNS outcome; fails only when cancelled
 * (G_IO_ERROR_CANCELLED) or for a bad name / server (MP_DNS_ERROR). */
void           mp_dns_resolver_query_async          (MpDnsResolver       *self,
                                                     MpDnsServer         *server,
                                                     const char          *name,
                                                     MpDnsRecordType      type,
                                                     guint                depth,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
MpDnsAnswer   *mp_dns_resolver_query_finish         (MpDnsResolver       *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

/* The servers authoritative for domain, with addresses: the override alone when there is
 * one; otherwise the NS set from the bootstrap resolvers (answer or referral), addresses from
 * the glue in the same answer, and A/AAAA lookups only for names without glue (so one or two
 * round trips).  The result's status says what went wrong when the list is empty (NXDOMAIN:
 * the domain does not exist).  Finishes with a GPtrArray of MpDnsServer (transfer full),
 * sorted by host name, and the NS answer in *ns_answer (may be NULL). */
void           mp_dns_resolver_find_nameservers_async  (MpDnsResolver       *self,
                                                        const char          *domain,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
GPtrArray     *mp_dns_resolver_find_nameservers_finish (MpDnsResolver       *self,
                                                        GAsyncResult        *result,
                                                        MpDnsAnswer        **ns_answer,
                                                        guint               *depth,
                                                        GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpDnsServer, mp_dns_server_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpDnsAnswer, mp_dns_answer_unref)

G_END_DECLS
