/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-dkim-selector.h: one DKIM selector of a domain (email.pro.Dkim), or a selector name the
 * provider allows but that is not created yet (GET …/dkimSelector lists those names).
 *
 * The DKIM dialog binds to these: the status says what the provider is doing, and
 * customer-record → target-record is the CNAME an external zone must hold.
 *
 * Properties (read-only, notified only on real change):
 *   "selector-name"   char*           e.g. "ovhemp123456-selector1"
 *   "created"         gboolean        FALSE for a name of dkimSelector without a dkim object
 *   "status"          MpDkimStatus    NONE while not created
 *   "customer-record" char*           the name to create in the customer's zone, or NULL
 *   "target-record"   char*           what it must point to; NULL until the provider made it
 *   "cname-is-valid"  gboolean
 *   "task-pending-id" gint64          0: none
 *   "busy"            gboolean        a status that is still moving (todo, enabling, …)
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* email.pro.DkimStatusEnum, plus NONE (not created) and UNKNOWN (a value the schema does not
 * list). */
typedef enum
{
  MP_DKIM_STATUS_NONE,
  MP_DKIM_STATUS_UNKNOWN,
  MP_DKIM_STATUS_TODO,
  MP_DKIM_STATUS_WAITING_RECORD,
  MP_DKIM_STATUS_READY,
  MP_DKIM_STATUS_ENABLING,
  MP_DKIM_STATUS_IN_PRODUCTION,
  MP_DKIM_STATUS_DISABLING,
  MP_DKIM_STATUS_DELETING,
} MpDkimStatus;

MpDkimStatus  mp_dkim_status_from_string (const char   *value);
/* The provider's spelling ("waitingRecord", …); "none" and "unknown" for the extra values. */
const char   *mp_dkim_status_to_string   (MpDkimStatus  status);
/* Translated, e.g. "Waiting for the DNS record", "Signing mail" */
const char   *mp_dkim_status_to_label    (MpDkimStatus  status);

#define MP_TYPE_DKIM_SELECTOR (mp_dkim_selector_get_type ())
G_DECLARE_FINAL_TYPE (MpDkimSelector, mp_dkim_selector, MP, DKIM_SELECTOR, GObject)

/* A name from dkimSelector, not created yet. */
MpDkimSelector *mp_dkim_selector_new                 (const char     *selector_name);
/* Updates from GET …/dkim/{selectorName}; a node that is not an object is
 * MP_OVH_ERROR_MALFORMED and changes nothing. */
gboolean        mp_dkim_selector_update_from_json    (MpDkimSelector *self,
                                                      JsonNode       *node,
                                                      GError        **error);
/* Back to a name that is not created (the selector was deleted). */
void            mp_dkim_selector_forget              (MpDkimSelector *self);

const char     *mp_dkim_selector_get_selector_name   (MpDkimSelector *self);
gboolean        mp_dkim_selector_get_created         (MpDkimSelector *self);
MpDkimStatus    mp_dkim_selector_get_status          (MpDkimSelector *self);
const char     *mp_dkim_selector_get_customer_record (MpDkimSelector *self);
const char     *mp_dkim_selector_get_target_record   (MpDkimSelector *self);
gboolean        mp_dkim_selector_get_cname_is_valid  (MpDkimSelector *self);
gint64          mp_dkim_selector_get_task_pending_id (MpDkimSelector *self);
gboolean        mp_dkim_selector_get_busy            (MpDkimSelector *self);

G_END_DECLS
