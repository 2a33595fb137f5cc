/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-copyable-row.h: a row that shows one value (a host name, a port, a record) as plain text
 * with a button that copies it to the clipboard and says so in a toast. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MP_TYPE_COPYABLE_ROW (mp_copyable_row_get_type ())
G_DECLARE_FINAL_TYPE (MpCopyableRow, mp_copyable_row, MP, COPYABLE_ROW, AdwActionRow)

GtkWidget  *mp_copyable_row_new       (const char    *title,
                                       const char    *value);
const char *mp_copyable_row_get_value (MpCopyableRow *self);
/* value may be NULL: the row then shows "Unknown" and cannot copy. */
void        mp_copyable_row_set_value (MpCopyableRow *self,
                                       const char    *value);

G_END_DECLS
