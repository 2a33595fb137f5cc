/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-dns-nameservers.c: finding the servers authoritative for a domain.
 *
 * One NS question to the bootstrap resolvers gives the names (from the answer, or from the
 * authority section of a referral) and usually their addresses as glue; only names without
 * glue are looked up, in parallel.  A name typed below the zone apex (NODATA for NS) is walked
 * up one label at a time.
 */
#include "config.h"

#include <string.h>

#include "dns/mp-dns-private.h"

typedef struct
{
  char        *domain;     /* the name currently asked for NS */
  GPtrArray   *servers;    /* MpDnsServer */
  MpDnsAnswer *ns_answer;
  guint        pending;
  guint        depth;
  gboolean     returned;   /* g_task_had_error() is TRUE as soon as the cancellable fires */
} FindData;

static void
find_data_free (FindData *data)
{
  g_free (data->domain);
  g_ptr_array_unref (data->servers);
  g_clear_pointer (&data->ns_answer, mp_dns_answer_unref);
  g_free (data);
}

static int
compare_servers (gconstpointer a,
                 gconstpointer b)
{
  const MpDnsServer *sa = *(MpDnsServer * const *) a;
  const MpDnsServer *sb = *(MpDnsServer * const *) b;

  return g_ascii_strcasecmp (sa->host != NULL ? sa->host : sa->address,
                             sb->host != NULL ? sb->host : sb->address);
}

static void
find_return (GTask *task)
{
  FindData *data = g_task_get_task_data (task);

  data->returned = TRUE;
  g_ptr_array_sort (data->servers, compare_servers);
  g_task_return_pointer (task, g_ptr_array_ref (data->servers), (GDestroyNotify) g_ptr_array_unref);
}

static void ask_ns (GTask *task);

static void
on_address_answer (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  MpDnsResolver *resolver = MP_DNS_RESOLVER (source);
  g_autoptr(GTask) task = user_data;
  FindData *data = g_task_get_task_data (task);
  g_autoptr(MpDnsAnswer) answer = NULL;
  g_autoptr(GError) error = NULL;

  answer = mp_dns_resolver_query_finish (resolver, result, &error);
  data->pending--;

  if (data->returned)
    return;

  if (answer == NULL)
    {
      data->returned = TRUE;
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data->depth = MAX (data->depth, answer->depth);

  for (guint i = 0; i < answer->records->len; i++)
    {
      MpDnsRecord *record = g_ptr_array_index (answer->records, i);

      if (record->type == answer->type)
        {
          g_ptr_array_add (data->servers,
                           mp_dns_server_new (answer->name, record->data,
                                              mp_dns_resolver_get_authoritative_port (resolver)));
          break;
        }
    }

  if (data->pending == 0)
    find_return (task);
}

static const char *
find_glue (MpDnsAnswer *answer,
           const char  *host)
{
  for (guint i = 0; i < answer->additional->len; i++)
    {
      MpDnsRecord *record = g_ptr_array_index (answer->additional, i);

      if (record->type == MP_DNS_RECORD_TYPE_A && mp_dns_name_equal (record->name, host))
        return record->data;
    }
  for (guint i = 0; i < answer->additional->len; i++)
    {
      MpDnsRecord *record = g_ptr_array_index (answer->additional, i);

      if (record->type == MP_DNS_RECORD_TYPE_AAAA && mp_dns_name_equal (record->name, host))
        return record->data;
    }

  return NULL;
}

static void
on_ns_answer (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  MpDnsResolver *resolver = MP_DNS_RESOLVER (source);
  g_autoptr(GTask) task = user_data;
  FindData *data = g_task_get_task_data (task);
  g_autoptr(MpDnsAnswer) answer = NULL;
  g_autoptr(GPtrArray) hosts = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *dot;

  answer = mp_dns_resolver_query_finish (resolver, result, &error);
  if (answer == NULL)
    {
      data->returned = TRUE;
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data->depth = MAX (data->depth, answer->depth);
  g_clear_pointer (&data->ns_answer, mp_dns_answer_unref);
  data->ns_answer = mp_dns_answer_ref (answer);

  for (guint i = 0; i < answer->records->len; i++)
    {
      MpDnsRecord *record = g_ptr_array_index (answer->records, i);

      if (record->type == MP_DNS_RECORD_TYPE_NS && mp_dns_name_equal (record->name, data->domain))
        g_ptr_array_add (hosts, record->target);
    }
  /* A referral: the parent names the servers in its authority section. */
  if (hosts->len == 0)
    for (guint i = 0; i < answer->authority->len; i++)
      {
        MpDnsRecord *record = g_ptr_array_index (answer->authority, i);

        if (record->type == MP_DNS_RECORD_TYPE_NS && mp_dns_name_equal (record->name, data->domain))
          g_ptr_array_add (hosts, record->target);
      }

  if (hosts->len == 0)
    {
      /* Below the apex: ask the parent name, as long as it is not a top-level domain. */
      dot = strchr (data->domain, '.');
      if (answer->status == MP_DNS_STATUS_NO_DATA && dot != NULL && strchr (dot + 1, '.') != NULL)
        {
          char *parent = g_strdup (dot + 1);

          g_free (data->domain);
          data->domain = parent;
          ask_ns (g_steal_pointer (&task));
          return;
        }

      find_return (task);
      return;
    }

  for (guint i = 0; i < hosts->len; i++)
    {
      const char *host = g_ptr_array_index (hosts, i);
      const char *glue = find_glue (answer, host);
      gboolean duplicate = FALSE;

      for (guint j = 0; j < i; j++)
        duplicate |= mp_dns_name_equal (host, g_ptr_array_index (hosts, j));
      if (duplicate)
        continue;

      if (glue != NULL)
        {
          g_ptr_array_add (data->servers,
                           mp_dns_server_new (host, glue, mp_dns_resolver_get_authoritative_port (resolver)));
          continue;
        }

      data->pending++;
      mp_dns_resolver_query_async (resolver, NULL, host, MP_DNS_RECORD_TYPE_A, answer->depth + 1,
                                   g_task_get_cancellable (task), on_address_answer, g_object_ref (task));
    }

  if (data->pending == 0)
    find_return (task);
}

static void
ask_ns (GTask *task)
{
  FindData *data = g_task_get_task_data (task);

  mp_dns_resolver_query_async (g_task_get_source_object (task), NULL, data->domain,
                               MP_DNS_RECORD_TYPE_NS, data->depth + 1,
                               g_task_get_cancellable (task), on_ns_answer, task);
}

void
mp_dns_resolver_find_nameservers_async (MpDnsResolver       *self,
                                        const char          *domain,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  FindData *data;

  g_return_if_fail (MP_IS_DNS_RESOLVER (self));
  g_return_if_fail (domain != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mp_dns_resolver_find_nameservers_async);

  data = g_new0 (FindData, 1);
  data->domain = g_strdup (domain);
  data->servers = g_ptr_array_new_with_free_func ((GDestroyNotify) mp_dns_server_unref);
  g_task_set_task_data (task, data, (GDestroyNotify) find_data_free);

  /* The override is the whole authoritative set: nothing to discover. */
  if (mp_dns_resolver_get_nameserver (self) != NULL)
    {
      g_ptr_array_add (data->servers, mp_dns_resolver_dup_bootstrap (self));
      find_return (task);
      return;
    }

  ask_ns (g_steal_pointer (&task));
}

GPtrArray *
mp_dns_resolver_find_nameservers_finish (MpDnsResolver  *self,
                                         GAsyncResult   *result,
                                         MpDnsAnswer   **ns_answer,
                                         guint          *depth,
                                         GError        **error)
{
  FindData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  data = g_task_get_task_data (G_TASK (result));
  if (ns_answer != NULL)
    *ns_answer = data->ns_answer != NULL ? mp_dns_answer_ref (data->ns_answer) : NULL;
  if (depth != NULL)
    *depth = data->depth;

  return g_task_propagate_pointer (G_TASK (result), error);
}
