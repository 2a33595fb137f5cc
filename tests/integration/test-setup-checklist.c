/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The setup checklist against seeded services in each stage of the guide: the simulator over
 * real HTTP and its zones served by a real Knot, so the DNS step is the live diagnosis. */
#include "config.h"

#include "emailpro/mp-setup-checklist.h"
#include "mp-test-sim-dns.h"

#define TIMEOUT_MS 15000
#define SCHEMA_ID "io.github.mailpost.Mailpost"

typedef struct
{
  const char *seed;
  const char *service;
  const char *application_key;
  const char *application_secret;
  const char *consumer_key;
} Stage;

#define STAGE(n, name) \
  { "test-stage-" name ".json", "emailpro-stage-" #n, "stageAppKey" #n "aaaa", \
    "stageAppSecret" #n "aaaaaaaaaaaaaaaaa", "stageCk" #n "aaaaaaaaaaaaaaaaaaaaaaaa" }

static const Stage stage_new = STAGE (1, "new");
static const Stage stage_domain = STAGE (2, "domain");
static const Stage stage_dns = STAGE (3, "dns");
static const Stage stage_accounts = STAGE (4, "accounts");

typedef struct
{
  MpTestSimDns     *dns;
  MpOvhClient      *client;
  MpSession        *session;
  GSettings        *settings;
  MpSetupChecklist *checklist;
  guint             changes;
} Fixture;

static void
on_changed (MpSetupChecklist *checklist,
            Fixture          *fixture)
{
  fixture->changes++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const Stage *stage = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) services = NULL;

  fixture->dns = mp_test_sim_dns_start (stage->seed, NULL);
  fixture->client = mp_ovh_client_new (mp_test_sim_get_base_url (mp_test_sim_dns_get_sim (fixture->dns)),
                                       stage->application_key);
  mp_ovh_client_set_secrets (fixture->client, stage->application_secret, stage->consumer_key);

  mp_session_list_services_async (fixture->client, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, TIMEOUT_MS);
  services = mp_session_list_services_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (services), ==, 1);
  g_clear_object (&result);

  {
    g_autoptr(MpService) service = g_list_model_get_item (services, 0);

    g_assert_cmpstr (mp_service_get_name (service), ==, stage->service);
    fixture->session = mp_session_new (fixture->client, service);
  }
  g_assert_true (mp_session_set_dns_server (fixture->session,
                                            mp_test_sim_dns_get_nameserver (fixture->dns), &error));
  g_assert_no_error (error);

  mp_session_refresh_async (fixture->session, NULL, mp_test_store_result, &result);
  mp_test_wait_for_result (&result, TIMEOUT_MS);
  g_assert_true (mp_session_refresh_finish (fixture->session, result, &error));
  g_assert_no_error (error);

  fixture->settings = g_settings_new (SCHEMA_ID);
  g_settings_reset (fixture->settings, "exported-accounts");
  fixture->checklist = mp_setup_checklist_new (fixture->session, fixture->settings);
  g_signal_connect (fixture->checklist, "changed", G_CALLBACK (on_changed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->checklist);
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->dns, mp_test_sim_dns_stop);
}

/* Runs the main loop until the DNS step is no longer being checked. */
static void
wait_for_dns (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + TIMEOUT_MS * 1000;

  while (mp_setup_checklist_get_state (fixture->checklist, MP_SETUP_STEP_DNS) == MP_SETUP_STATE_CHECKING)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
assert_states (Fixture            *fixture,
               const MpSetupState  expected[MP_SETUP_N_STEPS])
{
  for (guint i = 0; i < MP_SETUP_N_STEPS; i++)
    {
      g_autofree char *detail = mp_setup_checklist_dup_detail (fixture->checklist, i);

      g_test_message ("step %u: %s — %s", i + 1,
                      mp_setup_state_to_label (mp_setup_checklist_get_state (fixture->checklist, i)),
                      detail);
      g_assert_cmpint (mp_setup_checklist_get_state (fixture->checklist, i), ==, expected[i]);
      g_assert_nonnull (detail);
    }
}

static void
test_new_service (Fixture       *fixture,
                  gconstpointer  data)
{
  const MpSetupState expected[] = { MP_SETUP_STATE_DONE, MP_SETUP_STATE_TO_DO,
                                    MP_SETUP_STATE_TO_DO, MP_SETUP_STATE_TO_DO,
                                    MP_SETUP_STATE_TO_DO };

  wait_for_dns (fixture);
  assert_states (fixture, expected);
  g_assert_cmpint (mp_setup_checklist_get_current_step (fixture->checklist), ==, MP_SETUP_STEP_DOMAIN);
  g_assert_null (mp_setup_checklist_get_dns_focus (fixture->checklist));
}

static void
test_domain_with_wrong_dns (Fixture       *fixture,
                            gconstpointer  data)
{
  const MpSetupState expected[] = { MP_SETUP_STATE_DONE, MP_SETUP_STATE_DONE,
                                    MP_SETUP_STATE_TO_DO, MP_SETUP_STATE_TO_DO,
                                    MP_SETUP_STATE_TO_DO };
  g_autofree char *detail = NULL;

  wait_for_dns (fixture);
  assert_states (fixture, expected);
  g_assert_cmpint (mp_setup_checklist_get_current_step (fixture->checklist), ==, MP_SETUP_STEP_DNS);
  g_assert_cmpstr (mp_setup_checklist_get_dns_focus (fixture->checklist), ==, "bakery.test");
  detail = mp_setup_checklist_dup_detail (fixture->checklist, MP_SETUP_STEP_DNS);
  g_assert_cmpstr (detail, ==, "1 domain needs changes to its DNS records. Open the diagnosis to see which.");
}

static void
test_dns_done_placeholders_left (Fixture       *fixture,
                                 gconstpointer  data)
{
  const MpSetupState expected[] = { MP_SETUP_STATE_DONE, MP_SETUP_STATE_DONE,
                                    MP_SETUP_STATE_DONE, MP_SETUP_STATE_TO_DO,
                                    MP_SETUP_STATE_TO_DO };
  g_autofree char *detail = NULL;

  wait_for_dns (fixture);
  assert_states (fixture, expected);
  g_assert_cmpint (mp_setup_checklist_get_current_step (fixture->checklist), ==, MP_SETUP_STEP_ACCOUNTS);
  detail = mp_setup_checklist_dup_detail (fixture->checklist, MP_SETUP_STEP_ACCOUNTS);
  g_assert_cmpstr (detail, ==, "2 mailboxes still wait for their addresses and passwords.");

  /* Exporting a placeholder's slot would not count; a configured account does, in any order. */
  mp_setup_checklist_note_export (fixture->checklist, "a1b2c3d4e5@configureme.me");
  g_assert_cmpint (mp_setup_checklist_get_state (fixture->checklist, MP_SETUP_STEP_MAIL_CLIENT), ==,
                   MP_SETUP_STATE_TO_DO);
  mp_setup_checklist_note_export (fixture->checklist, "anna@bakery.test");
  g_assert_cmpint (mp_setup_checklist_get_state (fixture->checklist, MP_SETUP_STEP_MAIL_CLIENT), ==,
                   MP_SETUP_STATE_DONE);
  g_assert_cmpint (mp_setup_checklist_get_current_step (fixture->checklist), ==, MP_SETUP_STEP_ACCOUNTS);
}

static void
test_accounts_done_then_export (Fixture       *fixture,
                                gconstpointer  data)
{
  const MpSetupState expected[] = { MP_SETUP_STATE_DONE, MP_SETUP_STATE_DONE,
                                    MP_SETUP_STATE_DONE, MP_SETUP_STATE_DONE,
                                    MP_SETUP_STATE_TO_DO };
  g_auto(GStrv) exported = NULL;
  g_autoptr(MpSetupChecklist) again = NULL;
  guint changes;

  wait_for_dns (fixture);
  assert_states (fixture, expected);
  g_assert_cmpint (mp_setup_checklist_get_current_step (fixture->checklist), ==,
                   MP_SETUP_STEP_MAIL_CLIENT);

  /* An address the service does not have changes nothing. */
  changes = fixture->changes;
  mp_setup_checklist_note_export (fixture->checklist, "nobody@bakery.test");
  g_assert_cmpuint (fixture->changes, ==, changes);
  g_assert_cmpint (mp_setup_checklist_get_current_step (fixture->checklist), ==,
                   MP_SETUP_STEP_MAIL_CLIENT);

  mp_setup_checklist_note_export (fixture->checklist, "ben@bakery.test");
  g_assert_cmpuint (fixture->changes, ==, changes + 1);
  g_assert_cmpint (mp_setup_checklist_get_current_step (fixture->checklist), ==, MP_SETUP_STEP_NONE);

  /* Remembered in the settings, for this service only, without any secret. */
  exported = g_settings_get_strv (fixture->settings, "exported-accounts");
  g_assert_true (g_strv_contains ((const char * const *) exported, "emailpro-stage-4 ben@bakery.test"));
  again = mp_setup_checklist_new (fixture->session, fixture->settings);
  g_assert_cmpint (mp_setup_checklist_get_state (again, MP_SETUP_STEP_MAIL_CLIENT), ==,
                   MP_SETUP_STATE_DONE);
  mp_setup_checklist_cancel (again);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/mailpost/setup-checklist/stage/new-service", Fixture, &stage_new,
              fixture_set_up, test_new_service, fixture_tear_down);
  g_test_add ("/mailpost/setup-checklist/stage/domain-with-wrong-dns", Fixture, &stage_domain,
              fixture_set_up, test_domain_with_wrong_dns, fixture_tear_down);
  g_test_add ("/mailpost/setup-checklist/stage/dns-done-placeholders-left", Fixture, &stage_dns,
              fixture_set_up, test_dns_done_placeholders_left, fixture_tear_down);
  g_test_add ("/mailpost/setup-checklist/stage/accounts-done-then-export", Fixture, &stage_accounts,
              fixture_set_up, test_accounts_done_then_export, fixture_tear_down);

  return g_test_run ();
}
