/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-session-dns-fix.c: applying an MpDnsFixPlan through the provider's zone API —
 * find the records (…/record?fieldType=&subDomain=, then each by id), delete the planned
 * removals, create the planned additions, then …/refresh to publish the zone. */
#include "config.h"

#include "emailpro/mp-session-dns-private.h"
#include "emailpro/mp-zone-record.h"

typedef enum
{
  PHASE_FIND,
  PHASE_DELETE,
  PHASE_CREATE,
  PHASE_REFRESH,
} ApplyPhase;

typedef struct
{
  gint64       id;
  MpDnsRecord *record;
} ZoneRecord;

typedef struct
{
  MpDnsFixPlan *plan;
  char         *zone_path;   /* "/domain/zone/{zone}", escaped */
  ApplyPhase    phase;
  guint         n_pending;
  GArray       *existing;    /* ZoneRecord */
  GError       *error;
} ApplyData;

static void
zone_record_clear (ZoneRecord *record)
{
  g_clear_pointer (&record->record, mp_dns_record_unref);
}

static void
apply_data_free (ApplyData *data)
{
  mp_dns_fix_plan_unref (data->plan);
  g_free (data->zone_path);
  g_array_unref (data->existing);
  g_clear_error (&data->error);
  g_free (data);
}

static void apply_advance (GTask *task);

static void
keep_error (ApplyData *data,
            GError    *error)
{
  if (data->error == NULL)
    data->error = error;
  else
    g_error_free (error);
}

/* Every call of a phase holds one reference to task; the last one moves to the next phase. */
static void
apply_part_done (GTask *task)
{
  ApplyData *data = g_task_get_task_data (task);

  if (--data->n_pending == 0)
    apply_advance (task);
  g_object_unref (task);
}

static void
call (GTask               *task,
      const char          *method,
      const char          *path,
      JsonNode            *body,
      GAsyncReadyCallback  callback)
{
  MpSession *self = g_task_get_source_object (task);
  ApplyData *data = g_task_get_task_data (task);

  data->n_pending++;
  mp_ovh_client_call_async (mp_session_get_client (self), method, path, body, MP_OVH_CALL_DEFAULT,
                            g_task_get_cancellable (task), callback, g_object_ref (task));
}

static void
get_record_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  ApplyData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;

  node = mp_ovh_client_call_finish (MP_OVH_CLIENT (object), result, &error);
  if (node == NULL)
    keep_error (data, error);
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object_json = json_node_get_object (node);
      const char *field_type = json_object_get_string_member_with_default (object_json, "fieldType", NULL);
      const char *target = json_object_get_string_member_with_default (object_json, "target", NULL);
      ZoneRecord record = { 0, };

      record.id = json_object_get_int_member_with_default (object_json, "id", 0);
      if (field_type != NULL && target != NULL)
        record.record = mp_zone_record_to_dns_record (data->plan->zone, field_type,
                                                      json_object_get_string_member_with_default (object_json, "subDomain", ""),
                                                      target, 0, NULL);
      /* Records of types Mailpost does not read are left alone. */
      if (record.record != NULL)
        g_array_append_val (data->existing, record);
    }
  apply_part_done (task);
}

static void
list_records_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  ApplyData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;

  node = mp_ovh_client_call_finish (MP_OVH_CLIENT (object), result, &error);
  if (node == NULL)
    keep_error (data, error);
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *ids = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (ids); i++)
        {
          g_autofree char *path = g_strdup_printf ("%s/record/%" G_GINT64_FORMAT, data->zone_path,
                                                   json_array_get_int_element (ids, i));

          call (task, "GET", path, NULL, get_record_cb);
        }
    }
  apply_part_done (task);
}

static void
find_records (GTask     *task,
              GPtrArray *records,
              GHashTable *asked)
{
  ApplyData *data = g_task_get_task_data (task);

  for (guint i = 0; i < records->len; i++)
    {
      MpDnsRecord *record = g_ptr_array_index (records, i);
      g_autofree char *field_type = NULL;
      g_autofree char *sub_domain = NULL;
      g_autofree char *target = NULL;

      if (!mp_zone_record_from_dns_record (data->plan->zone, record, &field_type, &sub_domain, &target))
        continue;

      /* The provider's zone editor writes SPF records with its own type SPF. */
      for (guint j = 0; j < 2; j++)
        {
          const char *type = j == 0 ? field_type : "SPF";
          g_autofree char *escaped = g_uri_escape_string (sub_domain, NULL, TRUE);
          g_autofree char *path = g_strdup_printf ("%s/record?fieldType=%s&subDomain=%s",
                                                   data->zone_path, type, escaped);

          if (j == 1 && record->type != MP_DNS_RECORD_TYPE_TXT)
            break;
          if (!g_hash_table_add (asked, g_strdup (path)))
            continue;
          call (task, "GET", path, NULL, list_records_cb);
        }
    }
}

static gboolean
plan_removes (ApplyData   *data,
              MpDnsRecord *record)
{
  for (guint i = 0; i < data->plan->remove->len; i++)
    if (mp_dns_record_equal_data (g_ptr_array_index (data->plan->remove, i), record))
      return TRUE;
  return FALSE;
}

/* An addition already in the zone (and staying) is not made twice. */
static gboolean
zone_keeps (ApplyData   *data,
            MpDnsRecord *record)
{
  for (guint i = 0; i < data->existing->len; i++)
    {
      ZoneRecord *existing = &g_array_index (data->existing, ZoneRecord, i);

      if (mp_dns_record_equal_data (existing->record, record) && !plan_removes (data, existing->record))
        return TRUE;
    }
  return FALSE;
}

static JsonNode *
record_body (ApplyData   *data,
             MpDnsRecord *record)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *field_type = NULL;
  g_autofree char *sub_domain = NULL;
  g_autofree char *target = NULL;

  if (!mp_zone_record_from_dns_record (data->plan->zone, record, &field_type, &sub_domain, &target))
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "fieldType");
  json_builder_add_string_value (builder, field_type);
  json_builder_set_member_name (builder, "subDomain");
  json_builder_add_string_value (builder, sub_domain);
  json_builder_set_member_name (builder, "target");
  json_builder_add_string_value (builder, target);
  json_builder_set_member_name (builder, "ttl");
  json_builder_add_int_value (builder, record->ttl);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
write_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;

  node = mp_ovh_client_call_finish (MP_OVH_CLIENT (object), result, &error);
  if (node == NULL)
    keep_error (g_task_get_task_data (task), error);
  apply_part_done (task);
}

/* Runs the next phase that has something to do; returns the task's value after the last. */
static void
apply_advance (GTask *task)
{
  ApplyData *data = g_task_get_task_data (task);

  while (data->n_pending == 0)
    {
      if (data->error != NULL)
        {
          g_task_return_error (task, g_steal_pointer (&data->error));
          return;
        }

      switch (data->phase)
        {
        case PHASE_FIND:
          data->phase = PHASE_DELETE;
          for (guint i = 0; i < data->existing->len; i++)
            {
              ZoneRecord *existing = &g_array_index (data->existing, ZoneRecord, i);
              g_autofree char *path = NULL;

              if (!plan_removes (data, existing->record))
                continue;
              path = g_strdup_printf ("%s/record/%" G_GINT64_FORMAT, data->zone_path, existing->id);
              call (task, "DELETE", path, NULL, write_cb);
            }
          break;

        case PHASE_DELETE:
          /* After the deletions: a CNAME may only be added where no other record is left. */
          data->phase = PHASE_CREATE;
          for (guint i = 0; i < data->plan->add->len; i++)
            {
              MpDnsRecord *record = g_ptr_array_index (data->plan->add, i);
              g_autoptr(JsonNode) body = NULL;
              g_autofree char *path = NULL;

              if (zone_keeps (data, record) || (body = record_body (data, record)) == NULL)
                continue;
              path = g_strconcat (data->zone_path, "/record", NULL);
              call (task, "POST", path, body, write_cb);
            }
          break;

        case PHASE_CREATE:
          {
            g_autofree char *path = g_strconcat (data->zone_path, "/refresh", NULL);

            data->phase = PHASE_REFRESH;
            call (task, "POST", path, NULL, write_cb);
          }
          break;

        case PHASE_REFRESH:
        default:
          g_task_return_boolean (task, TRUE);
          return;
        }
    }
}

void
mp_session_apply_dns_fix_async (MpSession           *self,
                                MpDnsFixPlan        *plan,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) asked = NULL;
  g_autofree char *segment = NULL;
  ApplyData *data;

  g_return_if_fail (MP_IS_SESSION (self));
  g_return_if_fail (plan != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp_session_apply_dns_fix_async);
  data = g_new0 (ApplyData, 1);
  data->plan = mp_dns_fix_plan_ref (plan);
  segment = mp_ovh_client_escape_segment (plan->zone);
  data->zone_path = g_strconcat ("/domain/zone/", segment, NULL);
  data->existing = g_array_new (FALSE, TRUE, sizeof (ZoneRecord));
  g_array_set_clear_func (data->existing, (GDestroyNotify) zone_record_clear);
  g_task_set_task_data (task, data, (GDestroyNotify) apply_data_free);

  /* Holds the phase open while the first questions are sent. */
  data->n_pending = 1;
  asked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  find_records (task, plan->remove, asked);
  find_records (task, plan->add, asked);
  apply_part_done (g_object_ref (task));
}

gboolean
mp_session_apply_dns_fix_finish (MpSession     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (MP_IS_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == mp_session_apply_dns_fix_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
