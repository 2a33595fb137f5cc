/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-ovh-client-private.h: what the parts of MpOvhClient (calls, listing, sign-in) share. */
#pragma once

#include <libsoup/soup.h>

#include "mp-ovh-client.h"

G_BEGIN_DECLS

struct _MpOvhClient
{
  GObject       parent_instance;

  SoupSession  *session;
  char         *base_url;
  char         *application_key;
  char         *application_secret;
  char         *consumer_key;

  /* Server clock minus local clock, in seconds, learnt from /auth/time; the generation is
   * bumped at each sync so a call signed before it knows a resync already happened. */
  gint64        time_delta;
  guint         time_generation;
  gboolean      time_valid;
  gboolean      time_sync_running;
  GQueue        time_waiters;

  /* Calls waiting for a slot on the wire; a 429 with Retry-After pauses them all. */
  GQueue        queue;
  guint         in_flight;
  gint64        paused_until;
  guint         resume_source_id;

  guint         request_count;
  guint         peak_in_flight;

  /* Objects per expanded page; only tests change it, to see the paging work. */
  guint         list_page_size;

  GCancellable *cancellable;
};

/* Overwrites a secret before freeing it. */
void      mp_ovh_clear_secret           (char               **secret);

/* A call with extra request headers (NULL-terminated name, value pairs).  Beside the answer,
 * the finish function gives the X-Pagination-Elements header (-1 when absent) and, on a
 * failed call, the provider's errorCode or class (NULL when there was none). */
void      mp_ovh_client_request_async   (MpOvhClient         *self,
                                         const char          *method,
                                         const char          *path,
                                         JsonNode            *body,
                                         MpOvhCallFlags       flags,
                                         const char * const  *headers,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
JsonNode *mp_ovh_client_request_finish  (MpOvhClient         *self,
                                         GAsyncResult        *result,
                                         gint64              *total_elements,
                                         char               **provider_code,
                                         GError             **error);

/* Keeps the application secret, replaces the consumer key. */
void      mp_ovh_client_set_consumer_key (MpOvhClient        *self,
                                          const char         *consumer_key);

/* A timer that ends early with G_IO_ERROR_CANCELLED. */
void      mp_ovh_sleep_async            (guint                milliseconds,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gboolean  mp_ovh_sleep_finish           (GAsyncResult        *result,
                                         GError             **error);

G_END_DECLS
