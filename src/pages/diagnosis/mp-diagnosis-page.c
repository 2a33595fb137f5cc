/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-check-dialog.h"
#include "mp-diagnosis-page.h"

struct _MpDiagnosisPage
{
  AdwBin          parent_instance;

  /* Template widgets */
  GtkStack       *stack;
  AdwStatusPage  *failed_page;
  GtkWidget      *retry_button;
  GtkListBox     *list_box;

  /* Owned references */
  MpSession      *session;
  /* Domain name (ASCII) → MpDomainCheck: kept while the domain is attached, so a row made
   * again after the domain list changed keeps its last result. */
  GHashTable     *checks;
};

G_DEFINE_FINAL_TYPE (MpDiagnosisPage, mp_diagnosis_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

enum {
  ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* DNS "could not be checked" for the whole page: every domain's check ended without any
 * name server answering (or without reaching the provider), and none is running. */
static const char *
get_page_problem (MpDiagnosisPage *self)
{
  GHashTableIter iter;
  gpointer value;
  const char *problem = NULL;

  if (g_hash_table_size (self->checks) == 0)
    return NULL;

  g_hash_table_iter_init (&iter, self->checks);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      MpDomainCheck *check = value;
      MpDomainDiagnosis *diagnosis = mp_domain_check_get_diagnosis (check);

      if (mp_domain_check_get_checking (check))
        return NULL;
      if (mp_domain_check_get_error (check) != NULL)
        problem = mp_domain_check_get_error (check);
      else if (diagnosis != NULL && !mp_domain_diagnosis_could_check (diagnosis))
        problem = mp_domain_diagnosis_get_problem (diagnosis);
      else
        return NULL;
    }

  return problem;
}

static void
update_stack (MpDiagnosisPage *self)
{
  const char *problem;

  if (self->session == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      return;
    }

  if (g_list_model_get_n_items (mp_session_get_domains (self->session)) == 0)
    {
      gtk_stack_set_visible_child_name (self->stack,
                                        mp_session_get_loading (self->session) ? "loading" : "empty");
      return;
    }

  problem = get_page_problem (self);
  if (problem != NULL)
    {
      adw_status_page_set_description (self->failed_page, problem);
      gtk_stack_set_visible_child_name (self->stack, "failed");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "list");
}

static MpDomainCheck *
ensure_check (MpDiagnosisPage *self,
              MpDomain        *domain)
{
  MpDomainCheck *check = g_hash_table_lookup (self->checks, mp_domain_get_name (domain));

  if (check != NULL && mp_domain_check_get_domain (check) == domain)
    return check;

  check = mp_domain_check_new (self->session, domain);
  {
    /* The preferences' interval for pending checks; following a fix keeps its own pace. */
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    mp_domain_check_set_intervals (check, g_settings_get_uint (settings, "recheck-interval") * 1000,
                                   MP_DOMAIN_CHECK_FIX_INTERVAL_MS);
  }
  g_signal_connect_object (check, "notify::checking", G_CALLBACK (update_stack), self,
                           G_CONNECT_SWAPPED);
  g_hash_table_replace (self->checks, g_strdup (mp_domain_get_name (domain)), check);
  return check;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  MpDiagnosisPage *self = user_data;

  return GTK_WIDGET (mp_diagnosis_row_new (ensure_check (self, MP_DOMAIN (item))));
}

static void
on_domains_changed (MpDiagnosisPage *self)
{
  GListModel *domains = mp_session_get_domains (self->session);
  g_autoptr(GHashTable) attached = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < g_list_model_get_n_items (domains); i++)
    {
      g_autoptr(MpDomain) domain = g_list_model_get_item (domains, i);

      g_hash_table_add (attached, (gpointer) mp_domain_get_name (domain));
    }

  /* Removed domains: nothing about them may keep running. */
  g_hash_table_iter_init (&iter, self->checks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (attached, key))
      {
        mp_domain_check_cancel (value);
        g_hash_table_iter_remove (&iter);
      }

  update_stack (self);
}

static void
forget_checks (MpDiagnosisPage *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->checks);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    mp_domain_check_cancel (value);
  g_hash_table_remove_all (self->checks);
}

static void
check_all_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MpDiagnosisPage *self = MP_DIAGNOSIS_PAGE (widget);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->checks);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    mp_domain_check_run (value);
  update_stack (self);
}

static void
show_check_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MpDiagnosisPage *self = MP_DIAGNOSIS_PAGE (widget);
  const char *name, *id_string;
  MpDomainCheck *check;
  GtkRoot *root;

  g_variant_get (parameter, "(&s&s)", &name, &id_string);
  check = g_hash_table_lookup (self->checks, name);
  if (check == NULL || mp_domain_check_get_diagnosis (check) == NULL)
    return;

  for (MpCheckId id = MP_CHECK_ID_MX; id <= MP_CHECK_ID_DMARC; id++)
    if (g_str_equal (mp_check_id_to_string (id), id_string))
      {
        root = gtk_widget_get_root (widget);
        gtk_window_present (GTK_WINDOW (mp_check_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                             check, id)));
        return;
      }
}

static void
show_domain_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MpDiagnosisPage *self = MP_DIAGNOSIS_PAGE (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  MpDiagnosisRow *row = mp_diagnosis_page_find_row (self, name);

  if (row == NULL)
    return;

  mp_domain_check_run (mp_diagnosis_row_get_check (row));
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

MpDomainCheck *
mp_diagnosis_page_get_check (MpDiagnosisPage *self,
                             const char      *name)
{
  g_return_val_if_fail (MP_IS_DIAGNOSIS_PAGE (self), NULL);

  return g_hash_table_lookup (self->checks, name);
}

MpDiagnosisRow *
mp_diagnosis_page_find_row (MpDiagnosisPage *self,
                            const char      *name)
{
  g_return_val_if_fail (MP_IS_DIAGNOSIS_PAGE (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      MpDomain *domain;

      if (!MP_IS_DIAGNOSIS_ROW (child))
        continue;
      domain = mp_domain_check_get_domain (mp_diagnosis_row_get_check (MP_DIAGNOSIS_ROW (child)));
      if (g_strcmp0 (mp_domain_get_name (domain), name) == 0)
        return MP_DIAGNOSIS_ROW (child);
    }

  return NULL;
}

MpSession *
mp_diagnosis_page_get_session (MpDiagnosisPage *self)
{
  g_return_val_if_fail (MP_IS_DIAGNOSIS_PAGE (self), NULL);

  return self->session;
}

void
mp_diagnosis_page_set_session (MpDiagnosisPage *self,
                               MpSession       *session)
{
  g_return_if_fail (MP_IS_DIAGNOSIS_PAGE (self));
  g_return_if_fail (session == NULL || MP_IS_SESSION (session));

  if (self->session == session)
    return;

  gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  forget_checks (self);
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (mp_session_get_domains (self->session), self);
    }
  g_set_object (&self->session, session);

  if (session != NULL)
    {
      g_signal_connect_object (session, "notify::loading", G_CALLBACK (update_stack), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (mp_session_get_domains (session), "items-changed",
                               G_CALLBACK (on_domains_changed), self, G_CONNECT_SWAPPED);
      gtk_list_box_bind_model (self->list_box, mp_session_get_domains (session),
                               create_row, self, NULL);
    }
  update_stack (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
mp_diagnosis_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MpDiagnosisPage *self = MP_DIAGNOSIS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_diagnosis_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MpDiagnosisPage *self = MP_DIAGNOSIS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      mp_diagnosis_page_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_diagnosis_page_dispose (GObject *object)
{
  MpDiagnosisPage *self = MP_DIAGNOSIS_PAGE (object);

  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (mp_session_get_domains (self->session), self);
    }
  if (self->checks != NULL)
    forget_checks (self);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_DIAGNOSIS_PAGE);

  g_clear_object (&self->session);
  g_clear_pointer (&self->checks, g_hash_table_unref);

  G_OBJECT_CLASS (mp_diagnosis_page_parent_class)->dispose (object);
}

static void
mp_diagnosis_page_class_init (MpDiagnosisPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_diagnosis_page_dispose;
  object_class->get_property = mp_diagnosis_page_get_property;
  object_class->set_property = mp_diagnosis_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         MP_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ADD_TOAST] =
    g_signal_new ("add-toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  g_type_ensure (MP_TYPE_DIAGNOSIS_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mailpost/Mailpost/pages/diagnosis/mp-diagnosis-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MpDiagnosisPage, stack);
  gtk_widget_class_bind_template_child (widget_class, MpDiagnosisPage, failed_page);
  gtk_widget_class_bind_template_child (widget_class, MpDiagnosisPage, retry_button);
  gtk_widget_class_bind_template_child (widget_class, MpDiagnosisPage, list_box);

  gtk_widget_class_install_action (widget_class, "diagnosis.check-all", NULL, check_all_action);
  gtk_widget_class_install_action (widget_class, "diagnosis.show-check", "(ss)", show_check_action);
  gtk_widget_class_install_action (widget_class, "diagnosis.show-domain", "s", show_domain_action);
}

static void
mp_diagnosis_page_init (MpDiagnosisPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  update_stack (self);
}
