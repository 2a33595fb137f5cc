/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "emailpro/mp-dns-fix-plan.h"

G_DEFINE_BOXED_TYPE (MpDnsFixPlan, mp_dns_fix_plan, mp_dns_fix_plan_ref, mp_dns_fix_plan_unref)

MpDnsFixPlan *
mp_dns_fix_plan_new (const char *domain,
                     const char *zone)
{
  MpDnsFixPlan *self = g_new0 (MpDnsFixPlan, 1);

  g_return_val_if_fail (domain != NULL && zone != NULL, NULL);

  g_atomic_ref_count_init (&self->ref_count);
  self->domain = g_strdup (domain);
  self->zone = g_strdup (zone);
  self->checks = g_ptr_array_new ();
  self->remove = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_dns_record_unref);
  self->add = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_dns_record_unref);
  return self;
}

MpDnsFixPlan *
mp_dns_fix_plan_ref (MpDnsFixPlan *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
mp_dns_fix_plan_unref (MpDnsFixPlan *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->domain);
  g_free (self->zone);
  g_ptr_array_unref (self->checks);
  g_ptr_array_unref (self->remove);
  g_ptr_array_unref (self->add);
  g_free (self);
}

gboolean
mp_dns_fix_plan_is_empty (MpDnsFixPlan *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->remove->len == 0 && self->add->len == 0;
}

static void
add_unique (GPtrArray *records,
            GPtrArray *more)
{
  for (guint i = 0; i < more->len; i++)
    {
      MpDnsRecord *record = g_ptr_array_index (more, i);
      gboolean known = FALSE;

      for (guint j = 0; j < records->len && !known; j++)
        known = mp_dns_record_equal_data (g_ptr_array_index (records, j), record);
      if (!known)
        g_ptr_array_add (records, mp_dns_record_ref (record));
    }
}

void
mp_dns_fix_plan_add_check (MpDnsFixPlan  *self,
                           MpCheckResult *result)
{
  g_return_if_fail (self != NULL && result != NULL);

  g_ptr_array_add (self->checks, GUINT_TO_POINTER (result->id));
  add_unique (self->remove, result->fix_remove);
  add_unique (self->add, result->fix_add);
}

char *
mp_dns_fix_plan_to_zone_file (MpDnsFixPlan *self)
{
  g_autoptr(MpCheckResult) all = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  /* One way to write a fix: the check result's. */
  all = mp_check_result_new (MP_CHECK_ID_MX);
  add_unique (all->fix_remove, self->remove);
  add_unique (all->fix_add, self->add);
  return mp_check_result_fix_to_zone_file (all);
}
