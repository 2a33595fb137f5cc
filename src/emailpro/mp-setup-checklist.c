/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "emailpro/mp-setup-checklist-private.h"

/* Entries "SERVICE ADDRESS": a space is in neither. */
#define EXPORTED_KEY "exported-accounts"

G_DEFINE_FINAL_TYPE (MpSetupChecklist, mp_setup_checklist, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CURRENT_STEP,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

const char *
mp_setup_state_to_label (MpSetupState state)
{
  switch (state)
    {
    case MP_SETUP_STATE_DONE:
      return _("Done");
    case MP_SETUP_STATE_CHECKING:
      return _("Checking");
    case MP_SETUP_STATE_TO_DO:
    default:
      return _("To do");
    }
}

/* ---- the steps ---------------------------------------------------------------------------- */

static MpSetupState
step_domain (MpSetupChecklist *self,
             char            **detail)
{
  guint n = g_list_model_get_n_items (mp_session_get_domains (self->session));

  if (n == 0)
    {
      *detail = g_strdup (_("Add the domain your e-mail addresses will use."));
      return MP_SETUP_STATE_TO_DO;
    }
  *detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u domain is attached to the service.",
                                          "%u domains are attached to the service.", n), n);
  return MP_SETUP_STATE_DONE;
}

typedef enum
{
  DNS_PASSED,
  DNS_CHECKING,
  DNS_WAITING,
  DNS_UNCHECKED,
  DNS_FAILED,
} DnsVerdict;

static DnsVerdict
judge_domain (MpSetupChecklist *self,
              MpDomain         *domain)
{
  const char *name = mp_domain_get_name (domain);
  MpDomainDiagnosis *diagnosis = g_hash_table_lookup (self->diagnoses, name);
  MpCheckStatus status;

  if (diagnosis == NULL)
    return g_hash_table_contains (self->running, name) ? DNS_CHECKING : DNS_UNCHECKED;

  status = mp_domain_diagnosis_get_status (diagnosis);
  if (status == MP_CHECK_STATUS_ERROR)
    return DNS_FAILED;
  if (status == MP_CHECK_STATUS_UNKNOWN)
    return DNS_UNCHECKED;
  /* The provider is still setting the domain up, or the name servers still disagree. */
  if (mp_domain_get_task_pending_id (domain) != 0
      || mp_domain_get_state (domain) == MP_OBJECT_STATE_CREATING
      || status == MP_CHECK_STATUS_IN_PROGRESS
      || mp_domain_diagnosis_is_pending (diagnosis))
    return DNS_WAITING;
  return DNS_PASSED;
}

static MpSetupState
step_dns (MpSetupChecklist *self,
          char            **detail)
{
  GListModel *domains = mp_session_get_domains (self->session);
  guint n = g_list_model_get_n_items (domains);
  guint counts[DNS_FAILED + 1] = { 0, };
  const char *focus[DNS_FAILED + 1] = { NULL, };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpDomain) domain = g_list_model_get_item (domains, i);
      DnsVerdict verdict = judge_domain (self, domain);

      counts[verdict]++;
      if (focus[verdict] == NULL)
        focus[verdict] = mp_domain_get_name (domain);
    }

  g_free (self->dns_focus);
  self->dns_focus = g_strdup (focus[DNS_FAILED] != NULL ? focus[DNS_FAILED]
                              : focus[DNS_UNCHECKED] != NULL ? focus[DNS_UNCHECKED]
                              : focus[DNS_WAITING] != NULL ? focus[DNS_WAITING]
                              : focus[DNS_CHECKING] != NULL ? focus[DNS_CHECKING]
                              : focus[DNS_PASSED]);

  if (n == 0)
    {
      *detail = g_strdup (_("Once a domain is attached, Mailpost checks its DNS records."));
      return MP_SETUP_STATE_TO_DO;
    }
  if (counts[DNS_FAILED] > 0)
    {
      *detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u domain needs changes to its DNS records. Open the diagnosis to see which.",
                                              "%u domains need changes to their DNS records. Open the diagnosis to see which.",
                                              counts[DNS_FAILED]),
                                 counts[DNS_FAILED]);
      return MP_SETUP_STATE_TO_DO;
    }
  if (counts[DNS_UNCHECKED] > 0)
    {
      *detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "The DNS records of %u domain could not be checked. Open the diagnosis to try again.",
                                              "The DNS records of %u domains could not be checked. Open the diagnosis to try again.",
                                              counts[DNS_UNCHECKED]),
                                 counts[DNS_UNCHECKED]);
      return MP_SETUP_STATE_TO_DO;
    }
  if (counts[DNS_CHECKING] > 0)
    {
      *detail = g_strdup (_("Checking the DNS records of your domains…"));
      return MP_SETUP_STATE_CHECKING;
    }
  if (counts[DNS_WAITING] > 0)
    {
      *detail = g_strdup (_("Waiting for the provider and the name servers to take the changes. Mailpost checks again on every refresh."));
      return MP_SETUP_STATE_CHECKING;
    }
  *detail = g_strdup (g_dngettext (GETTEXT_PACKAGE,
                                   "The DNS records of your domain are correct.",
                                   "The DNS records of all your domains are correct.", n));
  return MP_SETUP_STATE_DONE;
}

/* Placeholders in the account list when it is loaded, else from the session's counts. */
static guint
count_placeholders (MpSetupChecklist *self,
                    guint            *total)
{
  GListModel *accounts = mp_session_get_accounts (self->session);
  guint n = g_list_model_get_n_items (accounts);
  guint placeholders = 0;

  if (n == 0)
    {
      *total = mp_session_get_account_count (self->session);
      return *total - MIN (*total, mp_session_get_configured_account_count (self->session));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MpAccount) account = g_list_model_get_item (accounts, i);

      if (mp_account_get_is_placeholder (account))
        placeholders++;
    }
  *total = n;
  return placeholders;
}

static MpSetupState
step_accounts (MpSetupChecklist *self,
               char            **detail)
{
  guint total = 0;
  guint placeholders = count_placeholders (self, &total);

  if (total == 0)
    {
      *detail = g_strdup (_("This service has no mailbox yet. Order accounts on the Accounts page."));
      return MP_SETUP_STATE_TO_DO;
    }
  if (placeholders > 0)
    {
      *detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u mailbox still waits for its address and password.",
                                              "%u mailboxes still wait for their addresses and passwords.",
                                              placeholders),
                                 placeholders);
      return MP_SETUP_STATE_TO_DO;
    }
  *detail = g_strdup (_("Every mailbox has its address and password."));
  return MP_SETUP_STATE_DONE;
}

static const char *
find_exported_account (MpSetupChecklist *self)
{
  for (guint i = 0; i < self->exported->len; i++)
    {
      const char *address = g_ptr_array_index (self->exported, i);
      MpAccount *account = mp_session_find_account (self->session, address);

      if (account != NULL && !mp_account_get_is_placeholder (account))
        return address;
    }
  return NULL;
}

static MpSetupState
step_mail_client (MpSetupChecklist *self,
                  char            **detail)
{
  const char *address = find_exported_account (self);

  if (address != NULL)
    {
      /* Translators: %s is an e-mail address */
      *detail = g_strdup_printf (_("The settings of %s were saved for a mail program."), address);
      return MP_SETUP_STATE_DONE;
    }
  *detail = g_strdup (_("Save a settings file that a mail program or phone imports, for one of the accounts."));
  return MP_SETUP_STATE_TO_DO;
}

void
_mp_setup_checklist_update_states (MpSetupChecklist *self)
{
  MpSetupState states[MP_SETUP_N_STEPS];
  char *details[MP_SETUP_N_STEPS];
  gboolean changed = FALSE;
  int current = MP_SETUP_STEP_NONE;

  if (self->session == NULL)
    return;

  states[MP_SETUP_STEP_SIGN_IN] = MP_SETUP_STATE_DONE;
  /* Translators: %s is the service's name, e.g. emailpro-ab12345-1 */
  details[MP_SETUP_STEP_SIGN_IN] = g_strdup_printf (_("Signed in to %s."),
                                                    mp_service_get_title (mp_session_get_service (self->session)));
  if (self->loaded)
    {
      states[MP_SETUP_STEP_DOMAIN] = step_domain (self, &details[MP_SETUP_STEP_DOMAIN]);
      states[MP_SETUP_STEP_DNS] = step_dns (self, &details[MP_SETUP_STEP_DNS]);
      states[MP_SETUP_STEP_ACCOUNTS] = step_accounts (self, &details[MP_SETUP_STEP_ACCOUNTS]);
      states[MP_SETUP_STEP_MAIL_CLIENT] = step_mail_client (self, &details[MP_SETUP_STEP_MAIL_CLIENT]);
    }
  else
    {
      for (guint i = MP_SETUP_STEP_DOMAIN; i < MP_SETUP_N_STEPS; i++)
        {
          states[i] = MP_SETUP_STATE_CHECKING;
          details[i] = g_strdup (_("Reading the service…"));
        }
    }

  for (guint i = 0; i < MP_SETUP_N_STEPS; i++)
    {
      if (states[i] != self->states[i] || g_strcmp0 (details[i], self->details[i]) != 0)
        changed = TRUE;
      self->states[i] = states[i];
      g_free (self->details[i]);
      self->details[i] = details[i];
      if (current == MP_SETUP_STEP_NONE && states[i] != MP_SETUP_STATE_DONE)
        current = (int) i;
    }

  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
  if (current != self->current_step)
    {
      self->current_step = current;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_STEP]);
    }
}

/* ---- exports ------------------------------------------------------------------------------ */

static void
load_exported (MpSetupChecklist *self)
{
  g_auto(GStrv) entries = NULL;
  g_autofree char *prefix = NULL;

  g_ptr_array_set_size (self->exported, 0);
  if (self->settings == NULL)
    return;

  prefix = g_strconcat (mp_service_get_name (mp_session_get_service (self->session)), " ", NULL);
  entries = g_settings_get_strv (self->settings, EXPORTED_KEY);
  for (guint i = 0; entries[i] != NULL; i++)
    if (g_str_has_prefix (entries[i], prefix))
      g_ptr_array_add (self->exported, g_strdup (entries[i] + strlen (prefix)));
}

void
mp_setup_checklist_note_export (MpSetupChecklist *self,
                                const char       *address)
{
  g_autofree char *entry = NULL;

  g_return_if_fail (MP_IS_SETUP_CHECKLIST (self));
  g_return_if_fail (address != NULL);

  if (self->session == NULL)
    return;

  entry = g_strconcat (mp_service_get_name (mp_session_get_service (self->session)), " ",
                       address, NULL);
  if (self->settings != NULL)
    {
      g_auto(GStrv) entries = g_settings_get_strv (self->settings, EXPORTED_KEY);

      if (!g_strv_contains ((const char * const *) entries, entry))
        {
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          g_auto(GStrv) updated = NULL;

          g_strv_builder_addv (builder, (const char **) entries);
          g_strv_builder_add (builder, entry);
          updated = g_strv_builder_end (builder);
          g_settings_set_strv (self->settings, EXPORTED_KEY, (const char * const *) updated);
        }
    }

  if (!g_ptr_array_find_with_equal_func (self->exported, address, g_str_equal, NULL))
    g_ptr_array_add (self->exported, g_strdup (address));
  _mp_setup_checklist_update_states (self);
}

/* ---- the session -------------------------------------------------------------------------- */

static void
on_session_notify (MpSetupChecklist *self)
{
  gboolean loading = mp_session_get_loading (self->session);

  /* A refresh just ended: the domains may have changed on the provider's side too. */
  if (self->was_loading && !loading)
    {
      self->loaded = TRUE;
      self->was_loading = FALSE;
      _mp_setup_checklist_sync_domains (self, TRUE);
    }
  self->was_loading = loading;
  _mp_setup_checklist_update_states (self);
}

static void
on_domains_changed (MpSetupChecklist *self)
{
  if (self->loaded)
    _mp_setup_checklist_sync_domains (self, FALSE);
  _mp_setup_checklist_update_states (self);
}

void
mp_setup_checklist_cancel (MpSetupChecklist *self)
{
  g_return_if_fail (MP_IS_SETUP_CHECKLIST (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_hash_table_remove_all (self->running);

  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (mp_session_get_domains (self->session), self);
      g_signal_handlers_disconnect_by_data (mp_session_get_accounts (self->session), self);
    }
}

MpSetupChecklist *
mp_setup_checklist_new (MpSession *session,
                        GSettings *settings)
{
  MpSetupChecklist *self;

  g_return_val_if_fail (MP_IS_SESSION (session), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (MP_TYPE_SETUP_CHECKLIST, NULL);
  self->session = g_object_ref (session);
  if (settings != NULL)
    self->settings = g_object_ref (settings);
  load_exported (self);

  self->was_loading = mp_session_get_loading (session);
  /* The server is read by every refresh, so it tells whether one has run. */
  self->loaded = !self->was_loading && mp_session_get_server (session) != NULL;
  g_signal_connect_object (session, "notify", G_CALLBACK (on_session_notify), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (mp_session_get_domains (session), "items-changed",
                           G_CALLBACK (on_domains_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (mp_session_get_accounts (session), "items-changed",
                           G_CALLBACK (_mp_setup_checklist_update_states), self, G_CONNECT_SWAPPED);

  if (self->loaded)
    _mp_setup_checklist_sync_domains (self, TRUE);
  _mp_setup_checklist_update_states (self);

  return self;
}

MpSession *
mp_setup_checklist_get_session (MpSetupChecklist *self)
{
  g_return_val_if_fail (MP_IS_SETUP_CHECKLIST (self), NULL);

  return self->session;
}

MpSetupState
mp_setup_checklist_get_state (MpSetupChecklist *self,
                              MpSetupStep       step)
{
  g_return_val_if_fail (MP_IS_SETUP_CHECKLIST (self), MP_SETUP_STATE_TO_DO);
  g_return_val_if_fail (step < MP_SETUP_N_STEPS, MP_SETUP_STATE_TO_DO);

  return self->states[step];
}

char *
mp_setup_checklist_dup_detail (MpSetupChecklist *self,
                               MpSetupStep       step)
{
  g_return_val_if_fail (MP_IS_SETUP_CHECKLIST (self), NULL);
  g_return_val_if_fail (step < MP_SETUP_N_STEPS, NULL);

  return g_strdup (self->details[step]);
}

int
mp_setup_checklist_get_current_step (MpSetupChecklist *self)
{
  g_return_val_if_fail (MP_IS_SETUP_CHECKLIST (self), MP_SETUP_STEP_NONE);

  return self->current_step;
}

const char *
mp_setup_checklist_get_dns_focus (MpSetupChecklist *self)
{
  g_return_val_if_fail (MP_IS_SETUP_CHECKLIST (self), NULL);

  return self->dns_focus;
}

static void
mp_setup_checklist_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  MpSetupChecklist *self = MP_SETUP_CHECKLIST (object);

  switch (prop_id)
    {
    case PROP_CURRENT_STEP:
      g_value_set_int (value, self->current_step);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_setup_checklist_dispose (GObject *object)
{
  MpSetupChecklist *self = MP_SETUP_CHECKLIST (object);

  mp_setup_checklist_cancel (self);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (mp_setup_checklist_parent_class)->dispose (object);
}

static void
mp_setup_checklist_finalize (GObject *object)
{
  MpSetupChecklist *self = MP_SETUP_CHECKLIST (object);

  g_hash_table_unref (self->diagnoses);
  g_hash_table_unref (self->running);
  g_ptr_array_unref (self->exported);
  for (guint i = 0; i < MP_SETUP_N_STEPS; i++)
    g_free (self->details[i]);
  g_free (self->dns_focus);

  G_OBJECT_CLASS (mp_setup_checklist_parent_class)->finalize (object);
}

static void
mp_setup_checklist_class_init (MpSetupChecklistClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mp_setup_checklist_dispose;
  object_class->finalize = mp_setup_checklist_finalize;
  object_class->get_property = mp_setup_checklist_get_property;

  properties[PROP_CURRENT_STEP] =
    g_param_spec_int ("current-step", NULL, NULL,
                      MP_SETUP_STEP_NONE, MP_SETUP_N_STEPS - 1, MP_SETUP_STEP_SIGN_IN,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
mp_setup_checklist_init (MpSetupChecklist *self)
{
  self->cancellable = g_cancellable_new ();
  self->diagnoses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->running = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->exported = g_ptr_array_new_with_free_func (g_free);
  self->current_step = MP_SETUP_STEP_SIGN_IN;
  /* Nothing is known before the first update. */
  for (guint i = 0; i < MP_SETUP_N_STEPS; i++)
    self->states[i] = MP_SETUP_STATE_TO_DO;
}
