/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-sign-in-page-private.h: shared by the form (mp-sign-in-page.c) and the sign-in attempt
 * it starts (mp-sign-in-page-attempt.c). */
#pragma once

#include "secrets/mp-credential-store.h"
#include "mp-sign-in-page.h"

G_BEGIN_DECLS

struct _MpSignInPage
{
  AdwBin               parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  AdwComboRow         *region_row;
  GtkStringList       *region_model;
  AdwEntryRow         *custom_url_row;
  GtkLabel            *custom_url_error;
  AdwPreferencesGroup *keys_group;
  AdwEntryRow         *application_key_row;
  AdwEntryRow         *application_secret_row;
  AdwEntryRow         *consumer_key_row;
  AdwActionRow        *create_keys_row;
  GtkLabel            *error_label;
  GtkButton           *continue_button;
  GtkSpinner          *busy_spinner;
  GtkSpinner          *waiting_spinner;

  /* Owned references */
  /* One sign-in attempt; cancelled by Cancel, a new attempt, reset and dispose. */
  GCancellable        *attempt_cancellable;
  MpOvhClient         *client;
  MpCredentialStore   *store;
  GSettings           *settings;
  char                *method;
  char                *validation_url;

  guint                launch_browser : 1;
  guint                persist : 1;
  guint                busy : 1;
};

/* mp-sign-in-page.c: the form */
gboolean  _mp_sign_in_page_is_keys_method     (MpSignInPage  *self);
/* A key as typed, without the blanks pasting brings along. */
char     *_mp_sign_in_page_get_key            (AdwEntryRow   *row);
/* The base URL of the chosen region, or NULL with the reason. */
char     *_mp_sign_in_page_resolve_endpoint   (MpSignInPage  *self,
                                               GError       **error);
gboolean  _mp_sign_in_page_is_complete        (MpSignInPage  *self);
void      _mp_sign_in_page_show_error         (MpSignInPage  *self,
                                               const char    *message);
void      _mp_sign_in_page_set_validation_url (MpSignInPage  *self,
                                               const char    *url);
void      _mp_sign_in_page_set_busy           (MpSignInPage  *self,
                                               gboolean       busy);
void      _mp_sign_in_page_open_uri           (MpSignInPage  *self,
                                               const char    *uri);
void      _mp_sign_in_page_emit_signed_in     (MpSignInPage  *self,
                                               MpOvhClient   *client);

/* mp-sign-in-page-attempt.c: one attempt, from Continue to "signed-in" */
void      _mp_sign_in_page_back_to_form       (MpSignInPage  *self,
                                               const char    *error_message);
void      _mp_sign_in_page_cancel_attempt     (MpSignInPage  *self);
void      _mp_sign_in_page_continue_action    (GtkWidget     *widget,
                                               const char    *action_name,
                                               GVariant      *parameter);
void      _mp_sign_in_page_cancel_action      (GtkWidget     *widget,
                                               const char    *action_name,
                                               GVariant      *parameter);
void      _mp_sign_in_page_reopen_action      (GtkWidget     *widget,
                                               const char    *action_name,
                                               GVariant      *parameter);

G_END_DECLS
