/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "dns/mp-check-result.h"

G_DEFINE_BOXED_TYPE (MpServerAnswer, mp_server_answer, mp_server_answer_ref, mp_server_answer_unref)
G_DEFINE_BOXED_TYPE (MpCheckResult, mp_check_result, mp_check_result_ref, mp_check_result_unref)

const char *
mp_check_id_to_string (MpCheckId id)
{
  switch (id)
    {
    case MP_CHECK_ID_MX:    return "mx";
    case MP_CHECK_ID_SPF:   return "spf";
    case MP_CHECK_ID_SRV:   return "srv";
    case MP_CHECK_ID_DKIM:  return "dkim";
    case MP_CHECK_ID_CNAME: return "cname";
    case MP_CHECK_ID_DMARC: return "dmarc";
    default:                g_return_val_if_reached (NULL);
    }
}

const char *
mp_check_id_to_title (MpCheckId id)
{
  switch (id)
    {
    case MP_CHECK_ID_MX:    return _("Incoming mail (MX)");
    case MP_CHECK_ID_SPF:   return _("Sender policy (SPF)");
    case MP_CHECK_ID_SRV:   return _("Automatic mail setup (autodiscover)");
    case MP_CHECK_ID_DKIM:  return _("Mail signature (DKIM)");
    case MP_CHECK_ID_CNAME: return _("Domain ownership");
    case MP_CHECK_ID_DMARC: return _("Forgery protection (DMARC)");
    default:                g_return_val_if_reached (NULL);
    }
}

const char *
mp_check_status_to_string (MpCheckStatus status)
{
  switch (status)
    {
    case MP_CHECK_STATUS_OK:          return "ok";
    case MP_CHECK_STATUS_WARNING:     return "warning";
    case MP_CHECK_STATUS_ERROR:       return "error";
    case MP_CHECK_STATUS_IN_PROGRESS: return "in-progress";
    case MP_CHECK_STATUS_UNKNOWN:
    default:                          return "unknown";
    }
}

const char *
mp_check_status_to_label (MpCheckStatus status)
{
  switch (status)
    {
    case MP_CHECK_STATUS_OK:          return C_("check status", "OK");
    case MP_CHECK_STATUS_WARNING:     return C_("check status", "Warning");
    case MP_CHECK_STATUS_ERROR:       return C_("check status", "Problem");
    case MP_CHECK_STATUS_IN_PROGRESS: return C_("check status", "In progress");
    case MP_CHECK_STATUS_UNKNOWN:
    default:                          return C_("check status", "Unknown");
    }
}

static int
status_rank (MpCheckStatus status)
{
  switch (status)
    {
    case MP_CHECK_STATUS_OK:          return 0;
    case MP_CHECK_STATUS_UNKNOWN:     return 1;
    case MP_CHECK_STATUS_IN_PROGRESS: return 2;
    case MP_CHECK_STATUS_WARNING:     return 3;
    case MP_CHECK_STATUS_ERROR:
    default:                          return 4;
    }
}

MpCheckStatus
mp_check_status_worst (MpCheckStatus a,
                       MpCheckStatus b)
{
  return status_rank (a) >= status_rank (b) ? a : b;
}


MpServerAnswer *
mp_server_answer_new (const char *host,
                      const char *address)
{
  MpServerAnswer *self = g_new0 (MpServerAnswer, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->host = g_strdup (host != NULL ? host : address);
  self->address = g_strdup (address);
  self->status = MP_DNS_STATUS_OK;
  self->rcode = -1;
  self->records = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_dns_record_unref);
  return self;
}

MpServerAnswer *
mp_server_answer_ref (MpServerAnswer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
mp_server_answer_unref (MpServerAnswer *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->host);
  g_free (self->address);
  g_ptr_array_unref (self->records);
  g_free (self);
}


MpCheckResult *
mp_check_result_new (MpCheckId id)
{
  MpCheckResult *self = g_new0 (MpCheckResult, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->id = id;
  self->status = MP_CHECK_STATUS_UNKNOWN;
  self->details = g_ptr_array_new_with_free_func (g_free);
  self->expected = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_dns_record_unref);
  self->found = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_dns_record_unref);
  self->answers = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_server_answer_unref);
  self->fix_add = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_dns_record_unref);
  self->fix_remove = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_dns_record_unref);
  return self;
}

MpCheckResult *
mp_check_result_ref (MpCheckResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
mp_check_result_unref (MpCheckResult *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->summary);
  g_free (self->explanation);
  g_ptr_array_unref (self->details);
  g_ptr_array_unref (self->expected);
  g_ptr_array_unref (self->found);
  g_ptr_array_unref (self->answers);
  g_ptr_array_unref (self->fix_add);
  g_ptr_array_unref (self->fix_remove);
  g_free (self);
}

char *
mp_check_result_fix_to_zone_file (MpCheckResult *self)
{
  GString *text;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->fix_add->len == 0 && self->fix_remove->len == 0)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < self->fix_remove->len; i++)
    {
      g_autofree char *line = mp_dns_record_to_zone_line (g_ptr_array_index (self->fix_remove, i));

      /* TRANSLATORS: a zone-file comment before a record to delete; keep the leading "; " */
      g_string_append_printf (text, _("; remove: %s\n"), line);
    }
  for (guint i = 0; i < self->fix_add->len; i++)
    {
      g_autofree char *line = mp_dns_record_to_zone_line (g_ptr_array_index (self->fix_add, i));

      g_string_append_printf (text, "%s\n", line);
    }

  return g_string_free (text, FALSE);
}
