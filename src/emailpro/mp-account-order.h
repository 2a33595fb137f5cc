/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-account-order.h: the purchase order the provider returns when more mailboxes are
 * ordered (order.Order): where to pay, and the price.  The new mailboxes appear later as
 * placeholders; a refresh of the accounts picks them up. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define MP_ACCOUNT_ORDER_MIN_NUMBER 1
#define MP_ACCOUNT_ORDER_MAX_NUMBER 100

typedef struct
{
  gint64  order_id;          /* "orderId" */
  char   *url;               /* "url": the page where the order is paid; open it in a browser */
  char   *price_text;        /* "prices.withTax.text", e.g. "€4.20", or NULL */
  char   *price_without_tax_text;  /* "prices.withoutTax.text", or NULL */
} MpAccountOrder;

#define MP_TYPE_ACCOUNT_ORDER (mp_account_order_get_type ())
GType           mp_account_order_get_type      (void) G_GNUC_CONST;
/* Fails with MP_OVH_ERROR_MALFORMED when node is not an object or has no "url". */
MpAccountOrder *mp_account_order_new_from_json (JsonNode             *node,
                                                GError              **error);
MpAccountOrder *mp_account_order_copy          (const MpAccountOrder *order);
void            mp_account_order_free          (MpAccountOrder       *order);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpAccountOrder, mp_account_order_free)

/* "P1M" / "P1Y" and the like as translated words ("1 month"); unknown text is returned as
 * is.  Newly allocated. */
char           *mp_account_order_describe_duration (const char *duration);

G_END_DECLS
