/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-session.h: one signed-in E-Mail Pro service and everything the pages show of it.
 *
 * MpSession owns the client and the models of one service: the service itself, its server,
 * and the figures of the overview (domains, accounts configured / total, pending tasks).
 * Pages bind to its properties; operations are _async/_finish pairs that update the models
 * when they succeed.  It never touches GTK.
 */
#pragma once

#include <gio/gio.h>

#include "api/mp-ovh-client.h"
#include "emailpro/mp-server.h"
#include "emailpro/mp-service.h"
#include "emailpro/mp-task.h"

G_BEGIN_DECLS

#define MP_TYPE_SESSION (mp_session_get_type ())
G_DECLARE_FINAL_TYPE (MpSession, mp_session, MP, SESSION, GObject)

/* The services the signed-in keys can see: GET /email/pro, expanded (fallback per object).
 * Returns a GListModel of MpService, sorted by title. */
void          mp_session_list_services_async   (MpOvhClient         *client,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
GListModel   *mp_session_list_services_finish  (GAsyncResult        *result,
                                                GError             **error);

/* Checks freshly entered keys as the sign-in does before storing them:
 * /auth/currentCredential must say "validated" and GET /email/pro must be granted. */
void          mp_session_verify_keys_async     (MpOvhClient         *client,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean      mp_session_verify_keys_finish    (GAsyncResult        *result,
                                                GError             **error);

MpSession    *mp_session_new                   (MpOvhClient  *client,
                                                MpService    *service);
MpOvhClient  *mp_session_get_client            (MpSession *self);
MpService    *mp_session_get_service           (MpSession *self);
MpServer     *mp_session_get_server            (MpSession *self);   /* NULL until loaded */
guint         mp_session_get_domain_count      (MpSession *self);
guint         mp_session_get_account_count     (MpSession *self);
guint         mp_session_get_configured_account_count (MpSession *self);
/* Pending tasks of the service (GET /email/pro/{service}/task, expanded): MpTask items. */
GListModel   *mp_session_get_tasks             (MpSession *self);
gboolean      mp_session_get_loading           (MpSession *self);

/* Reloads the service, its server, the domain and account counts and the pending tasks, in
 * parallel.  Properties are notified as values change. */
void          mp_session_refresh_async         (MpSession           *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean      mp_session_refresh_finish        (MpSession           *self,
                                                GAsyncResult        *result,
                                                GError             **error);

/* PUT /email/pro/{service} {displayName}, checked first with mp_service_check_display_name
 * (G_IO_ERROR_INVALID_ARGUMENT with the reason); the service is re-read afterwards. */
void          mp_session_set_display_name_async  (MpSession           *self,
                                                  const char          *display_name,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean      mp_session_set_display_name_finish (MpSession           *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

G_END_DECLS
