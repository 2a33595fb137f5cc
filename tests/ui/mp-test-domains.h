/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-test-domains.h: what the domain UI tests share: a simulator started from a seed (tasks of
 * 500 ms per step), the real window signed in with the seed's keys through the OVH_* variables,
 * and lookups into the domains page, its rows and the add-domain wizard. */
#pragma once

#include "mp-test-sim.h"
#include "mp-test-ui.h"
#include "mp-window-private.h"
#include "pages/domains/mp-add-domain-window.h"
#include "pages/domains/mp-change-mode-window.h"
#include "pages/domains/mp-domain-mode-group.h"
#include "pages/domains/mp-domain-row.h"
#include "pages/tasks/mp-task-row.h"
#include "pages/tasks/mp-tasks-window.h"

G_BEGIN_DECLS

#define WAIT_MS 15000

typedef struct
{
  const char *seed;
  const char *application_key;
  const char *application_secret;
  const char *consumer_key;
} Seed;

typedef struct
{
  MpTestSim *sim;
  MpWindow  *window;
  GPtrArray *toasts;     /* what the domains page said */
  const char *name;      /* the domain a condition waits for */
} Fixture;

/* test-domains.json, and tests/ui/seed-new-customer.json (a service without a domain). */
extern const Seed domains_seed;
extern const Seed new_customer_seed;

void               fixture_set_up           (Fixture       *fixture,
                                             gconstpointer  seed);
void               fixture_tear_down        (Fixture       *fixture,
                                             gconstpointer  seed);
MpSession         *fixture_session          (Fixture       *fixture);
MpDomainsPage     *fixture_page             (Fixture       *fixture);
GtkWidget         *page_child               (Fixture       *fixture,
                                             const char    *name);
/* Whether the domains page raised a toast containing text. */
gboolean           page_said                (Fixture       *fixture,
                                             const char    *text);

/* The page's row for a domain (ASCII name), NULL when it is not shown. */
MpDomainRow       *find_domain_row          (Fixture       *fixture,
                                             const char    *name);
GtkWidget         *domain_row_child         (Fixture       *fixture,
                                             const char    *domain,
                                             const char    *name);
const char        *row_subtitle             (gpointer       row);
/* Conditions on fixture->name. */
gboolean           domain_ready             (gpointer       fixture);
gboolean           domain_gone              (gpointer       fixture);
void               wait_for_ready_domain    (Fixture       *fixture,
                                             const char    *name);

/* The open add-domain wizard, or NULL. */
MpAddDomainWindow *wizard                   (void);
GtkWidget         *wizard_child             (const char    *name);
GtkWidget         *mode_group_child         (GtkWidget     *mode_group,
                                             const char    *name);
const char        *wizard_step              (void);
gboolean           wizard_closed            (gpointer       unused);
gboolean           wizard_idle_with_refusal (gpointer       unused);
/* domains.add, then waits until the account's domains are read. */
void               open_wizard              (Fixture       *fixture);
gboolean           wizard_can_go_next       (void);
void               wizard_next              (const char    *expected_step);
void               wizard_confirm           (void);
void               wizard_tick              (const char    *check_name,
                                             gboolean       active);
/* Types relay and checks that go_on_button is off and the reason names reason_part. */
void               assert_relay_refused     (GtkWidget     *mode_group,
                                             GtkWidget     *go_on_button,
                                             const char    *relay,
                                             const char    *reason_part);

/* Clicked at once, where gtk_widget_activate() would wait for the press animation. */
void               click                    (GtkWidget     *button);
void               set_text                 (GtkWidget     *editable,
                                             const char    *text);

G_END_DECLS
