/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The checklist's DNS step: one live diagnosis per attached domain through the session. */
#include "config.h"

#include "emailpro/mp-setup-checklist-private.h"

typedef struct
{
  MpSetupChecklist *self;
  char             *name;
  GCancellable     *cancellable;
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->cancellable);
  g_free (data->name);
  g_free (data);
}

static void
diagnose_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  CheckData *data = user_data;
  MpSetupChecklist *self = data->self;
  g_autoptr(MpDomainDiagnosis) diagnosis = NULL;
  g_autoptr(GError) error = NULL;

  diagnosis = mp_session_diagnose_domain_finish (MP_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || data->cancellable != self->cancellable)
    {
      check_data_free (data);
      return;
    }

  g_hash_table_remove (self->running, data->name);
  if (diagnosis != NULL)
    g_hash_table_replace (self->diagnoses, g_strdup (data->name), g_steal_pointer (&diagnosis));
  else
    /* The provider could not be asked: the page that checks again will say why. */
    g_debug ("DNS check of %s for the checklist failed: %s", data->name, error->message);

  _mp_setup_checklist_update_states (self);
  check_data_free (data);
}

static void
check_domain (MpSetupChecklist *self,
              MpDomain         *domain)
{
  CheckData *data;
  const char *name = mp_domain_get_name (domain);

  if (g_hash_table_contains (self->running, name))
    return;

  data = g_new0 (CheckData, 1);
  data->self = g_object_ref (self);
  data->name = g_strdup (name);
  data->cancellable = g_object_ref (self->cancellable);
  g_hash_table_add (self->running, g_strdup (name));
  mp_session_diagnose_domain_async (self->session, domain, self->cancellable, diagnose_cb, data);
}

void
_mp_setup_checklist_sync_domains (MpSetupChecklist *self,
              gboolean          every)
{
  GListModel *domains = mp_session_get_domains (self->session);
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  const char *name;

  for (guint i = 0; i < g_list_model_get_n_items (domains); i++)
    {
      g_autoptr(MpDomain) domain = g_list_model_get_item (domains, i);

      g_hash_table_add (present, (gpointer) mp_domain_get_name (domain));
      if (every || !g_hash_table_contains (self->diagnoses, mp_domain_get_name (domain)))
        check_domain (self, domain);
    }

  g_hash_table_iter_init (&iter, self->diagnoses);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    if (!g_hash_table_contains (present, name))
      g_hash_table_iter_remove (&iter);
}

void
mp_setup_checklist_check_dns (MpSetupChecklist *self)
{
  g_return_if_fail (MP_IS_SETUP_CHECKLIST (self));

  if (self->session == NULL)
    return;

  _mp_setup_checklist_sync_domains (self, TRUE);
  _mp_setup_checklist_update_states (self);
}

void
mp_setup_checklist_note_diagnosis (MpSetupChecklist  *self,
                                   MpDomainDiagnosis *diagnosis)
{
  g_return_if_fail (MP_IS_SETUP_CHECKLIST (self));
  g_return_if_fail (MP_IS_DOMAIN_DIAGNOSIS (diagnosis));

  g_hash_table_replace (self->diagnoses,
                        g_strdup (mp_domain_diagnosis_get_domain (diagnosis)),
                        g_object_ref (diagnosis));
  _mp_setup_checklist_update_states (self);
}

