/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-server.h: the mail server behind a service (email.pro.Server): disk, addresses, state. */
#pragma once

#include <json-glib/json-glib.h>

#include "emailpro/mp-emailpro-enums.h"

G_BEGIN_DECLS

#define MP_TYPE_SERVER (mp_server_get_type ())
G_DECLARE_FINAL_TYPE (MpServer, mp_server, MP, SERVER, GObject)

/* Tolerant like mp_service_new_from_json; fails (MP_OVH_ERROR_MALFORMED) only when node is
 * not an object.  The server has no key field of its own. */
MpServer      *mp_server_new_from_json          (JsonNode  *node,
                                                 GError   **error);
/* Updates in place from a newer answer, notifying only what changed. */
gboolean       mp_server_update_from_json       (MpServer  *self,
                                                 JsonNode  *node,
                                                 GError   **error);
gint64         mp_server_get_current_disk_usage (MpServer *self);  /* MB, -1: unknown */
gint64         mp_server_get_disk_size          (MpServer *self);  /* MB, -1: unknown */
/* usage / size in [0, 1], or -1 when either is unknown */
double         mp_server_get_disk_fraction      (MpServer *self);
const char    *mp_server_get_ip                 (MpServer *self);
const char    *mp_server_get_ipv6               (MpServer *self);
const char    *mp_server_get_version            (MpServer *self);
MpServerState  mp_server_get_state              (MpServer *self);
gboolean       mp_server_get_is_a_valid         (MpServer *self);
gboolean       mp_server_get_is_aaaa_valid      (MpServer *self);
gboolean       mp_server_get_is_ptr_valid       (MpServer *self);
gboolean       mp_server_get_is_ptr_v6_valid    (MpServer *self);

G_END_DECLS
