/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-order-dialog.h: order more mailboxes: how many (1 to 100) and for which billing period
 * (those the provider offers for that number); the purchase order opens in the browser, and
 * the new placeholders show up once it is paid. */
#pragma once

#include "mp-account-window.h"

G_BEGIN_DECLS

#define MP_TYPE_ORDER_DIALOG (mp_order_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MpOrderDialog, mp_order_dialog, MP, ORDER_DIALOG, MpAccountWindow)

MpOrderDialog *mp_order_dialog_new (MpSession *session);

G_END_DECLS
