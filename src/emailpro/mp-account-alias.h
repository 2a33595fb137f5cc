/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-account-alias.h: one alias of a mailbox (email.pro.AccountAlias): another full address
 * that delivers into the same mailbox. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The provider refuses more aliases than this on one mailbox. */
#define MP_ACCOUNT_MAX_ALIASES 1000

#define MP_TYPE_ACCOUNT_ALIAS (mp_account_alias_get_type ())
G_DECLARE_FINAL_TYPE (MpAccountAlias, mp_account_alias, MP, ACCOUNT_ALIAS, GObject)

/* Tolerant; fails with MP_OVH_ERROR_MALFORMED only when node is not an object or "alias"
 * is missing. */
MpAccountAlias *mp_account_alias_new_from_json         (JsonNode       *node,
                                                        GError        **error);
/* Properties "alias" (the full address), "creation-date", "task-pending-id" (0: none). */
const char     *mp_account_alias_get_alias             (MpAccountAlias *self);
GDateTime      *mp_account_alias_get_creation_date     (MpAccountAlias *self);  /* may be NULL */
gint64          mp_account_alias_get_task_pending_id   (MpAccountAlias *self);

G_END_DECLS
