/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-spf.h: SPF records (RFC 7208) — recognising, parsing with positions, counting the DNS
 * lookups a record costs, and merging the provider's include into an existing record.
 *
 * Pure functions, no DNS: following includes is the diagnosis's job (it asks the TXT of each
 * include and parses it again here).
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MP_SPF_ERROR (mp_spf_error_quark ())

typedef enum
{
  MP_SPF_ERROR_NOT_SPF,             /* the text does not start with "v=spf1" */
  MP_SPF_ERROR_UNKNOWN_TERM,        /* a mechanism or modifier name SPF does not know */
  MP_SPF_ERROR_MISSING_VALUE,       /* include:, exists:, redirect= … without a domain */
  MP_SPF_ERROR_INVALID_VALUE,       /* a bad ip4/ip6 address, prefix length or domain */
  MP_SPF_ERROR_DUPLICATE_MODIFIER,  /* redirect= or exp= twice */
  MP_SPF_ERROR_SYNTAX,              /* anything else, e.g. "ip4:1.2.3.4~all" */
} MpSpfError;

typedef enum
{
  MP_SPF_QUALIFIER_PASS     = '+',
  MP_SPF_QUALIFIER_FAIL     = '-',
  MP_SPF_QUALIFIER_SOFTFAIL = '~',
  MP_SPF_QUALIFIER_NEUTRAL  = '?',
} MpSpfQualifier;

typedef enum
{
  MP_SPF_TERM_ALL,
  MP_SPF_TERM_INCLUDE,
  MP_SPF_TERM_A,
  MP_SPF_TERM_MX,
  MP_SPF_TERM_PTR,
  MP_SPF_TERM_IP4,
  MP_SPF_TERM_IP6,
  MP_SPF_TERM_EXISTS,
  MP_SPF_TERM_REDIRECT,   /* modifier redirect= */
  MP_SPF_TERM_EXP,        /* modifier exp= */
  MP_SPF_TERM_MODIFIER,   /* an unknown modifier name=value (allowed, ignored) */
} MpSpfTermKind;

/* One term of a record.  offset and length are byte positions in the record's text. */
typedef struct
{
  MpSpfTermKind   kind;
  MpSpfQualifier  qualifier;   /* '+' when none was written; meaningless for modifiers */
  char           *value;       /* the domain-spec / address / modifier value, or NULL */
  gsize           offset;
  gsize           length;
} MpSpfTerm;

#define MP_TYPE_SPF_RECORD (mp_spf_record_get_type ())

typedef struct _MpSpfRecord MpSpfRecord;
struct _MpSpfRecord
{
  /*< private >*/
  gatomicrefcount  ref_count;
  /*< public >*/
  char            *text;
  GPtrArray       *terms;      /* MpSpfTerm *, in order */
};

GQuark       mp_spf_error_quark            (void);
GType        mp_spf_record_get_type        (void) G_GNUC_CONST;

/* TRUE when a TXT record's text is an SPF record: "v=spf1" (any case) alone or followed by a
 * space.  "v=spf10" is not. */
gboolean     mp_spf_is_spf_record          (const char *text);

/* Parses text.  On a syntax error returns NULL, sets *error_offset (may be NULL) to the byte
 * where the problem starts and error to a translated sentence that names the position and the
 * term ("The sender policy has an unknown part “foo” at character 17."). */
MpSpfRecord *mp_spf_record_parse           (const char   *text,
                                            gsize        *error_offset,
                                            GError      **error);
MpSpfRecord *mp_spf_record_ref             (MpSpfRecord  *self);
void         mp_spf_record_unref           (MpSpfRecord  *self);

/* The DNS lookups this record costs by itself (include, a, mx, ptr, exists, redirect),
 * without those of its includes. */
guint        mp_spf_record_count_lookups   (MpSpfRecord  *self);
/* The first "all" term, NULL when there is none. */
const MpSpfTerm *mp_spf_record_get_all     (MpSpfRecord  *self);
/* The redirect= modifier's term, NULL when there is none. */
const MpSpfTerm *mp_spf_record_get_redirect (MpSpfRecord *self);
/* The include: domains, in order (transfer full, NULL-terminated). */
GStrv        mp_spf_record_get_includes    (MpSpfRecord  *self);
/* TRUE when the record includes domain (compared without case and trailing dot). */
gboolean     mp_spf_record_has_include     (MpSpfRecord  *self,
                                            const char   *domain);

/* The record that keeps everything existing says and adds what expected requires: each
 * include: of expected that existing lacks is inserted before existing's first all / redirect
 * term (at the end when there is none); an existing "+all", "?all" or a missing all is replaced
 * by expected's all term.  existing must parse; returns NULL when it does not.  When existing
 * is NULL or empty the result is expected. */
char        *mp_spf_merge                  (const char   *existing,
                                            const char   *expected);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpSpfRecord, mp_spf_record_unref)

G_END_DECLS
