/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-status-indicator.h: the status of one check shown as a colour, an icon and a short word
 * together, so it never depends on colour alone ("✓ MX OK", "⚠ SPF Problem").
 *
 * mp_status_indicator_describe() is the one mapping from a status to its icon, word and style
 * class; the diagnosis rows, the check dialog and the DKIM dialog all go through it.  The
 * widget's accessible name is "<title>: <word>", e.g. "Incoming mail (MX): Problem".
 */
#pragma once

#include <adwaita.h>

#include "dns/mp-check-result.h"

G_BEGIN_DECLS

#define MP_TYPE_STATUS_INDICATOR (mp_status_indicator_get_type ())
G_DECLARE_FINAL_TYPE (MpStatusIndicator, mp_status_indicator, MP, STATUS_INDICATOR, GtkWidget)

/* Any of the out arguments may be NULL.  The word is translated; the style class is one of
 * mp-status-ok, mp-status-warning, mp-status-error, mp-status-in-progress, mp-status-unknown
 * (src/style.css colours them with libadwaita's named colours, light and dark). */
void           mp_status_indicator_describe     (MpCheckStatus       status,
                                                 const char        **icon_name,
                                                 const char        **word,
                                                 const char        **style_class);

/* label: the short name beside the icon ("MX"); title: the full name for the accessible name
 * and the tooltip ("Incoming mail (MX)"). */
GtkWidget     *mp_status_indicator_new          (const char         *label,
                                                 const char         *title,
                                                 MpCheckStatus       status);
MpCheckStatus  mp_status_indicator_get_status   (MpStatusIndicator  *self);
void           mp_status_indicator_set_status   (MpStatusIndicator  *self,
                                                 MpCheckStatus       status);
const char    *mp_status_indicator_get_label    (MpStatusIndicator  *self);
void           mp_status_indicator_set_label    (MpStatusIndicator  *self,
                                                 const char         *label);
const char    *mp_status_indicator_get_title    (MpStatusIndicator  *self);
void           mp_status_indicator_set_title    (MpStatusIndicator  *self,
                                                 const char         *title);
/* The accessible name as set, for the tests. */
const char    *mp_status_indicator_get_accessible_name (MpStatusIndicator *self);

G_END_DECLS
