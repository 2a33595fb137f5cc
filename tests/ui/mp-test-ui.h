/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-test-ui.h: waiting on the real window's state and finding its widgets, for UI tests. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*MpTestUiCondition) (gpointer data);

/* Runs the default main context until condition (data) holds; fails the test after timeout_ms. */
void        mp_test_ui_wait_until    (MpTestUiCondition  condition,
                                      gpointer           data,
                                      guint              timeout_ms,
                                      const char        *what);
/* A template child of widget (as bound by its class type); fails the test when missing. */
GtkWidget  *mp_test_ui_child         (gpointer           widget,
                                      GType              type,
                                      const char        *name);
/* The first visible GtkLabel below root whose text contains text, or NULL. */
GtkLabel   *mp_test_ui_find_label    (GtkWidget         *root,
                                      const char        *text);
/* The first visible GtkButton below root whose label contains label, or NULL. */
GtkButton  *mp_test_ui_find_button   (GtkWidget         *root,
                                      const char        *label);
/* The first toplevel window of that type, or NULL. */
GtkWindow  *mp_test_ui_find_window   (GType              type);
/* With $MAILPOST_TEST_SCREENSHOTS set to a folder, saves the screen there as NAME.png after
 * letting the windows draw (at $MAILPOST_TEST_SCREENSHOT_WIDTH pixels when set); does nothing
 * otherwise. */
void        mp_test_ui_screenshot    (const char        *name);

G_END_DECLS
