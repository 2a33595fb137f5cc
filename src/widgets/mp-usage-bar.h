/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-usage-bar.h: how full a mailbox is, as a bar coloured like the provider's panel (green
 * below 51 %, orange up to 80 %, red above) with the percentage written next to it, so the
 * colour is never the only sign.  Cheap to update: list cells rebind it many times a second. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Thresholds shared with every usage bar of the app. */
#define MP_USAGE_OK_BELOW       0.51
#define MP_USAGE_WARNING_BELOW  0.80

#define MP_TYPE_USAGE_BAR (mp_usage_bar_get_type ())
G_DECLARE_FINAL_TYPE (MpUsageBar, mp_usage_bar, MP, USAGE_BAR, GtkWidget)

GtkWidget *mp_usage_bar_new          (void);
/* Sizes in bytes; total 0 (or less) means not known: the bar then says so. */
void       mp_usage_bar_set_usage    (MpUsageBar *self,
                                      gint64      used,
                                      gint64      total);
double     mp_usage_bar_get_fraction (MpUsageBar *self);   /* -1 when not known */
/* Adds the three colour offsets to any level bar (the overview's disk bar uses them too). */
void       mp_usage_bar_setup_level_bar (GtkLevelBar *level_bar);

G_END_DECLS
