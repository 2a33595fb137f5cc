/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-dmarc.h: DMARC records (RFC 7489): recognising, parsing with positions, and the record
 * Mailpost suggests. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MP_DMARC_ERROR (mp_dmarc_error_quark ())

typedef enum
{
  MP_DMARC_ERROR_NOT_DMARC,       /* does not start with v=DMARC1 */
  MP_DMARC_ERROR_SYNTAX,          /* a tag list that cannot be read */
  MP_DMARC_ERROR_MISSING_POLICY,  /* no p= (or not right after v=) */
  MP_DMARC_ERROR_INVALID_VALUE,   /* p=, sp=, pct=, adkim=, aspf= … with a value not allowed */
  MP_DMARC_ERROR_DUPLICATE_TAG,
} MpDmarcError;

typedef enum
{
  MP_DMARC_POLICY_NONE,
  MP_DMARC_POLICY_QUARANTINE,
  MP_DMARC_POLICY_REJECT,
} MpDmarcPolicy;

#define MP_TYPE_DMARC_RECORD (mp_dmarc_record_get_type ())

typedef struct _MpDmarcRecord MpDmarcRecord;
struct _MpDmarcRecord
{
  /*< private >*/
  gatomicrefcount  ref_count;
  /*< public >*/
  MpDmarcPolicy    policy;
  MpDmarcPolicy    subdomain_policy;   /* sp=, the same as policy when absent */
  guint            percent;            /* pct=, 100 when absent */
  char            *report_aggregate;   /* rua= or NULL */
  char            *report_failure;     /* ruf= or NULL */
};

GQuark         mp_dmarc_error_quark     (void);
GType          mp_dmarc_record_get_type (void) G_GNUC_CONST;

/* TRUE when a TXT record's text starts with "v=DMARC1" (white space allowed around '='). */
gboolean       mp_dmarc_is_dmarc_record (const char     *text);
/* Parses text; on an error returns NULL, sets *error_offset (may be NULL) and error to a
 * translated sentence naming the position. */
MpDmarcRecord *mp_dmarc_record_parse    (const char     *text,
                                         gsize          *error_offset,
                                         GError        **error);
MpDmarcRecord *mp_dmarc_record_ref      (MpDmarcRecord  *self);
void           mp_dmarc_record_unref    (MpDmarcRecord  *self);

/* "none", "quarantine", "reject" */
const char    *mp_dmarc_policy_to_string (MpDmarcPolicy policy);

/* The text of the DMARC record Mailpost suggests for a domain that has none or p=none:
 * quarantine what fails, relaxed alignment — safe once SPF and DKIM are right. */
const char    *mp_dmarc_suggested_record (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpDmarcRecord, mp_dmarc_record_unref)

G_END_DECLS
