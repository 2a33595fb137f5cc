/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-window-private.h: the window's state, shared by its translation units and the UI tests. */
#pragma once

#include "api/mp-ovh-client.h"
#include "emailpro/mp-session.h"
#include "secrets/mp-credential-store.h"
#include "mp-window.h"
#include "pages/accounts/mp-accounts-page.h"
#include "pages/diagnosis/mp-diagnosis-page.h"
#include "pages/domains/mp-domains-page.h"
#include "pages/overview/mp-overview-page.h"
#include "pages/services/mp-services-page.h"
#include "pages/sign-in/mp-sign-in-page.h"

G_BEGIN_DECLS

struct _MpWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  GtkRevealer          *sign_in_banner;
  GtkRevealer          *offline_banner;
  AdwStatusPage        *error_page;
  MpSignInPage         *sign_in_page;
  MpServicesPage       *services_page;
  MpOverviewPage       *overview_page;
  MpDomainsPage        *domains_page;
  MpAccountsPage       *accounts_page;
  MpDiagnosisPage      *diagnosis_page;

  /* Owned references */
  GSettings            *settings;
  GNetworkMonitor      *network_monitor;     /* borrowed singleton, signal owned */
  MpCredentialStore    *credential_store;
  /* Cancelled when the window goes away. */
  GCancellable         *cancellable;
  /* Cancelled when a new start-up, sign-out or service switch supersedes the running one. */
  GCancellable         *load_cancellable;
  MpOvhClient          *client;
  GListModel           *services;
  MpSession            *session;

  /* Keys from the OVH_* variables: neither keyring nor stored endpoint are touched. */
  guint                 from_environment : 1;
  guint                 refreshing : 1;
  /* The first refresh of a service decides the landing page (no domain: the domains page). */
  guint                 landing_pending : 1;
};

/* mp-window-session.c: start-up, services, refresh and sign-out */
void          _mp_window_start              (MpWindow     *self);
void          _mp_window_refresh            (MpWindow     *self);
void          _mp_window_sign_out           (MpWindow     *self);
void          _mp_window_sign_in_again      (MpWindow     *self);
void          _mp_window_switch_service     (MpWindow     *self);
void          _mp_window_signed_in          (MpWindow     *self,
                                             MpOvhClient  *client);
void          _mp_window_open_service       (MpWindow     *self,
                                             MpService    *service);
/* Hands the "dns-server" setting to the session (MAILPOST_DNS_SERVER, when set, wins). */
void          _mp_window_apply_dns_server   (MpWindow     *self);

/* mp-window.c */
void          _mp_window_show_page          (MpWindow     *self,
                                             const char   *name);
void          _mp_window_show_error_page    (MpWindow     *self,
                                             const GError *error);
void          _mp_window_update_actions     (MpWindow     *self);
/* The header shows the service's title, which the user may rename. */
void          _mp_window_update_switcher    (MpWindow     *self);

/* For the UI tests. */
GtkStack     *_mp_window_get_main_stack     (MpWindow     *self);
MpSignInPage *_mp_window_get_sign_in_page   (MpWindow     *self);
MpServicesPage *_mp_window_get_services_page (MpWindow    *self);
MpOverviewPage *_mp_window_get_overview_page (MpWindow    *self);
gboolean      _mp_window_get_sign_in_banner_revealed (MpWindow *self);
MpSession    *_mp_window_get_session        (MpWindow     *self);
MpDomainsPage *_mp_window_get_domains_page  (MpWindow     *self);
MpAccountsPage *_mp_window_get_accounts_page (MpWindow    *self);
AdwViewStack *_mp_window_get_view_stack     (MpWindow     *self);
MpDiagnosisPage *_mp_window_get_diagnosis_page (MpWindow  *self);

G_END_DECLS
