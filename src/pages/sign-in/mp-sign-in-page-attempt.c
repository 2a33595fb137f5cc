/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-sign-in-page-attempt.c: one sign-in attempt.  Browser flow: request a consumer key, open
 * its validation URL, wait until the user allows it; existing keys: straight on.  Then the
 * keys are verified, stored and handed on with "signed-in". */
#include "config.h"

#include "api/mp-ovh-error.h"
#include "emailpro/mp-session.h"
#include "mp-sign-in-page-private.h"

/* How often the browser flow asks whether the user has allowed access. */
#define VALIDATION_POLL_MS 2000

/* Ends an attempt, whatever its outcome: every field stays as typed. */
void
_mp_sign_in_page_back_to_form (MpSignInPage *self,
                               const char   *error_message)
{
  gtk_spinner_stop (self->waiting_spinner);
  gtk_stack_set_visible_child_name (self->stack, "form");
  _mp_sign_in_page_set_validation_url (self, NULL);
  _mp_sign_in_page_show_error (self, error_message);
  _mp_sign_in_page_set_busy (self, FALSE);
}

static void
fail_attempt (MpSignInPage *self,
              const GError *error)
{
  g_debug ("Sign-in failed: %s", error->message);
  _mp_sign_in_page_back_to_form (self, error->message);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(MpSignInPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MpOvhClient) client = NULL;

  if (!mp_credential_store_save_finish (MP_CREDENTIAL_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fail_attempt (self, error);
      return;
    }

  g_settings_delay (self->settings);
  g_settings_set_string (self->settings, "endpoint", mp_ovh_client_get_base_url (self->client));
  g_settings_set_string (self->settings, "application-key",
                         mp_ovh_client_get_application_key (self->client));
  g_settings_apply (self->settings);

  client = g_steal_pointer (&self->client);
  /* The secrets now live in the keyring and the client; the form need not keep them. */
  gtk_editable_set_text (GTK_EDITABLE (self->application_secret_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->consumer_key_row), "");
  _mp_sign_in_page_back_to_form (self, NULL);

  _mp_sign_in_page_emit_signed_in (self, client);
}

static void
finish_attempt (MpSignInPage *self)
{
  g_autoptr(MpCredentials) credentials = NULL;
  g_autofree char *application_secret = NULL;

  if (!self->persist)
    {
      g_autoptr(MpOvhClient) client = g_steal_pointer (&self->client);

      _mp_sign_in_page_back_to_form (self, NULL);
      _mp_sign_in_page_emit_signed_in (self, client);
      return;
    }

  application_secret = _mp_sign_in_page_get_key (self->application_secret_row);
  credentials = mp_credentials_new (mp_ovh_client_get_base_url (self->client),
                                    mp_ovh_client_get_application_key (self->client),
                                    application_secret,
                                    mp_ovh_client_get_consumer_key (self->client));
  mp_credential_store_save_async (self->store, credentials, self->attempt_cancellable,
                                  save_cb, g_object_ref (self));
}

static void
verify_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(MpSignInPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mp_session_verify_keys_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fail_attempt (self, error);
      return;
    }

  finish_attempt (self);
}

static void
verify_keys (MpSignInPage *self)
{
  mp_session_verify_keys_async (self->client, self->attempt_cancellable,
                                verify_cb, g_object_ref (self));
}

static void
wait_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(MpSignInPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mp_ovh_client_wait_for_validation_finish (MP_OVH_CLIENT (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fail_attempt (self, error);
      return;
    }

  verify_keys (self);
}

static void
request_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(MpSignInPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *consumer_key = NULL;
  g_autofree char *validation_url = NULL;

  if (!mp_ovh_client_request_credential_finish (MP_OVH_CLIENT (object), result,
                                                &consumer_key, &validation_url, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fail_attempt (self, error);
      return;
    }

  _mp_sign_in_page_set_validation_url (self, validation_url);
  gtk_spinner_start (self->waiting_spinner);
  gtk_stack_set_visible_child_name (self->stack, "waiting");
  if (self->launch_browser)
    _mp_sign_in_page_open_uri (self, validation_url);

  mp_ovh_client_wait_for_validation_async (self->client, VALIDATION_POLL_MS,
                                           self->attempt_cancellable,
                                           wait_cb, g_object_ref (self));
}

void
_mp_sign_in_page_cancel_attempt (MpSignInPage *self)
{
  g_cancellable_cancel (self->attempt_cancellable);
  g_clear_object (&self->attempt_cancellable);
  g_clear_object (&self->client);
}

void
_mp_sign_in_page_continue_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  MpSignInPage *self = MP_SIGN_IN_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *endpoint = NULL;
  g_autofree char *application_key = NULL;
  g_autofree char *application_secret = NULL;

  if (self->busy || !_mp_sign_in_page_is_complete (self))
    return;

  endpoint = _mp_sign_in_page_resolve_endpoint (self, &error);
  if (endpoint == NULL)
    {
      _mp_sign_in_page_show_error (self, error->message);
      return;
    }

  _mp_sign_in_page_cancel_attempt (self);
  self->attempt_cancellable = g_cancellable_new ();

  application_key = _mp_sign_in_page_get_key (self->application_key_row);
  application_secret = _mp_sign_in_page_get_key (self->application_secret_row);
  self->client = mp_ovh_client_new (endpoint, application_key);

  _mp_sign_in_page_show_error (self, NULL);
  _mp_sign_in_page_set_busy (self, TRUE);

  if (_mp_sign_in_page_is_keys_method (self))
    {
      g_autofree char *consumer_key = _mp_sign_in_page_get_key (self->consumer_key_row);

      mp_ovh_client_set_secrets (self->client, application_secret, consumer_key);
      verify_keys (self);
    }
  else
    {
      mp_ovh_client_set_secrets (self->client, application_secret, NULL);
      mp_ovh_client_request_credential_async (self->client, NULL, self->attempt_cancellable,
                                              request_cb, g_object_ref (self));
    }
}

void
_mp_sign_in_page_cancel_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  MpSignInPage *self = MP_SIGN_IN_PAGE (widget);

  _mp_sign_in_page_cancel_attempt (self);
  _mp_sign_in_page_back_to_form (self, NULL);
}

void
_mp_sign_in_page_reopen_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  MpSignInPage *self = MP_SIGN_IN_PAGE (widget);

  if (self->validation_url != NULL)
    _mp_sign_in_page_open_uri (self, self->validation_url);
}
