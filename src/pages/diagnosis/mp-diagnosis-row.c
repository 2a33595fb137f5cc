/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-diagnosis-row.h"
#include "widgets/mp-status-indicator.h"

/* How often "Checked 2 minutes ago" is brought up to date. */
#define LABEL_REFRESH_SECONDS 30

#define N_CHECK_IDS (MP_CHECK_ID_DMARC + 1)

struct _MpDiagnosisRow
{
  GtkListBoxRow   parent_instance;

  /* Template widgets */
  GtkLabel       *name_label;
  GtkLabel       *checked_label;
  GtkSpinner     *spinner;
  GtkButton      *check_button;
  GtkFlowBox     *indicators;
  GtkLabel       *problem_label;
  GtkLabel       *api_label;

  MpDomainCheck  *check;
  /* Borrowed: the indicators in the flow box, by MpCheckId. */
  GtkWidget      *indicator_by_id[N_CHECK_IDS];
  guint           label_timeout_id;
};

G_DEFINE_FINAL_TYPE (MpDiagnosisRow, mp_diagnosis_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_CHECK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
mp_diagnosis_check_short_label (MpCheckId id)
{
  switch (id)
    {
    case MP_CHECK_ID_MX:    return C_("check", "MX");
    case MP_CHECK_ID_SPF:   return C_("check", "SPF");
    case MP_CHECK_ID_SRV:   return C_("check", "Autodiscover");
    case MP_CHECK_ID_DKIM:  return C_("check", "DKIM");
    case MP_CHECK_ID_CNAME: return C_("check", "Ownership");
    case MP_CHECK_ID_DMARC: return C_("check", "DMARC");
    default:                g_return_val_if_reached (NULL);
    }
}

static void
update_checked_label (MpDiagnosisRow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *label = mp_domain_check_dup_checked_label (self->check, now);

  if (label == NULL)
    label = g_strdup (mp_domain_check_get_checking (self->check)
                      ? _("Checking the DNS…") : _("Not checked yet"));
  gtk_label_set_text (self->checked_label, label);
}

static void
on_indicator_clicked (GtkButton      *button,
                      MpDiagnosisRow *self)
{
  MpCheckId id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "mp-check-id"));

  gtk_widget_activate_action (GTK_WIDGET (self), "diagnosis.show-check", "(ss)",
                              mp_domain_get_name (mp_domain_check_get_domain (self->check)),
                              mp_check_id_to_string (id));
}

static void
update_indicators (MpDiagnosisRow *self)
{
  MpDomainDiagnosis *diagnosis = mp_domain_check_get_diagnosis (self->check);
  GPtrArray *results;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->indicators))) != NULL)
    gtk_flow_box_remove (self->indicators, child);
  memset (self->indicator_by_id, 0, sizeof self->indicator_by_id);

  if (diagnosis == NULL)
    return;

  results = mp_domain_diagnosis_get_results (diagnosis);
  for (guint i = 0; i < results->len; i++)
    {
      MpCheckResult *result = g_ptr_array_index (results, i);
      GtkWidget *indicator;
      GtkWidget *button;

      indicator = mp_status_indicator_new (mp_diagnosis_check_short_label (result->id),
                                           mp_check_id_to_title (result->id),
                                           result->status);
      button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (button), indicator);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "mp-indicator-button");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      mp_status_indicator_get_accessible_name (MP_STATUS_INDICATOR (indicator)),
                                      -1);
      g_object_set_data (G_OBJECT (button), "mp-check-id", GUINT_TO_POINTER (result->id));
      g_signal_connect (button, "clicked", G_CALLBACK (on_indicator_clicked), self);
      gtk_flow_box_append (self->indicators, button);
      /* The flow box's own child must not take the focus before the button does. */
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);

      if (result->id < N_CHECK_IDS)
        self->indicator_by_id[result->id] = indicator;
    }
}

static void
update_notes (MpDiagnosisRow *self)
{
  MpDomainDiagnosis *diagnosis = mp_domain_check_get_diagnosis (self->check);
  const char *problem = mp_domain_check_get_error (self->check);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  if (problem == NULL && diagnosis != NULL)
    problem = mp_domain_diagnosis_get_problem (diagnosis);
  gtk_label_set_text (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);

  if (diagnosis != NULL)
    {
      GPtrArray *results = mp_domain_diagnosis_get_results (diagnosis);

      for (guint i = 0; i < results->len; i++)
        {
          MpCheckResult *result = g_ptr_array_index (results, i);

          if (!result->api_disagrees)
            continue;

          if (result->status == MP_CHECK_STATUS_OK)
            g_ptr_array_add (lines,
                             /* Translators: %s is a check, e.g. "Incoming mail (MX)" */
                             g_strdup_printf (_("%s: the records are right, but the provider has not re-checked yet and still shows a problem."),
                                              mp_check_id_to_title (result->id)));
          else
            g_ptr_array_add (lines,
                             /* Translators: %s is a check, e.g. "Incoming mail (MX)" */
                             g_strdup_printf (_("%s: the provider has not re-checked yet and still shows it as correct."),
                                              mp_check_id_to_title (result->id)));
        }
    }
  g_ptr_array_add (lines, NULL);

  if (lines->len > 1)
    {
      g_autofree char *text = g_strjoinv ("\n", (char **) lines->pdata);

      gtk_label_set_text (self->api_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->api_label), lines->len > 1);
}

static void
update (MpDiagnosisRow *self)
{
  gboolean checking = mp_domain_check_get_checking (self->check);

  gtk_label_set_text (self->name_label,
                      mp_domain_get_unicode_name (mp_domain_check_get_domain (self->check)));
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), checking);
  gtk_spinner_set_spinning (self->spinner, checking);
  gtk_widget_set_sensitive (GTK_WIDGET (self->check_button), !checking);
  update_checked_label (self);
  update_notes (self);
}

static void
on_diagnosis_changed (MpDiagnosisRow *self)
{
  update_indicators (self);
  update (self);
}

static void
on_check_clicked (MpDiagnosisRow *self)
{
  mp_domain_check_run (self->check);
}

static gboolean
on_label_timeout (gpointer user_data)
{
  update_checked_label (MP_DIAGNOSIS_ROW (user_data));
  return G_SOURCE_CONTINUE;
}

static void
mp_diagnosis_row_map (GtkWidget *widget)
{
  MpDiagnosisRow *self = MP_DIAGNOSIS_ROW (widget);

  GTK_WIDGET_CLASS (mp_diagnosis_row_parent_class)->map (widget);

  mp_domain_check_hold (self->check);
  self->label_timeout_id = g_timeout_add_seconds (LABEL_REFRESH_SECONDS, on_label_timeout, self);
  update_checked_label (self);

  if (mp_domain_check_get_diagnosis (self->check) == NULL
      && mp_domain_check_get_error (self->check) == NULL
      && !mp_domain_check_get_checking (self->check))
    mp_domain_check_run (self->check);
}

static void
mp_diagnosis_row_unmap (GtkWidget *widget)
{
  MpDiagnosisRow *self = MP_DIAGNOSIS_ROW (widget);

  g_clear_handle_id (&self->label_timeout_id, g_source_remove);
  mp_domain_check_release (self->check);

  GTK_WIDGET_CLASS (mp_diagnosis_row_parent_class)->unmap (widget);
}

MpDiagnosisRow *
mp_diagnosis_row_new (MpDomainCheck *check)
{
  g_return_val_if_fail (MP_IS_DOMAIN_CHECK (check), NULL);

  return g_object_new (MP_TYPE_DIAGNOSIS_ROW, "check", check, NULL);
}

MpDomainCheck *
mp_diagnosis_row_get_check (MpDiagnosisRow *self)
{
  g_return_val_if_fail (MP_IS_DIAGNOSIS_ROW (self), NULL);

  return self->check;
}

GtkWidget *
mp_diagnosis_row_get_indicator (MpDiagnosisRow *self,
                                MpCheckId       id)
{
  g_return_val_if_fail (MP_IS_DIAGNOSIS_ROW (self), NULL);
  g_return_val_if_fail (id < N_CHECK_IDS, NULL);

  return self->indicator_by_id[id];
}

static void
mp_diagnosis_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MpDiagnosisRow *self = MP_DIAGNOSIS_ROW (object);

  switch (prop_id)
    {
    case PROP_CHECK:
      g_value_set_object (value, self->check);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_diagnosis_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MpDiagnosisRow *self = MP_DIAGNOSIS_ROW (object);

  switch (prop_id)
    {
    case PROP_CHECK:
      self->check = g_value_dup_object (value);
      g_signal_connect_object (self->check, "notify::diagnosis",
                               G_CALLBACK (on_diagnosis_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->check, "notify::checking",
                               G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->check, "notify::error",
                               G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (mp_domain_check_get_domain (self->check), "notify::unicode-name",
                               G_CALLBACK (update), self, G_CONNECT_SWAPPED);
      on_diagnosis_changed (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_diagnosis_row_dispose (GObject *object)
{
  MpDiagnosisRow *self = MP_DIAGNOSIS_ROW (object);

  g_clear_handle_id (&self->label_timeout_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_DIAGNOSIS_ROW);
  g_clear_object (&self->check);

  G_OBJECT_CLASS (mp_diagnosis_row_parent_class)->dispose (object);
}

static void
mp_diagnosis_row_class_init (MpDiagnosisRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_diagnosis_row_dispose;
  object_class->get_property = mp_diagnosis_row_get_property;
  object_class->set_property = mp_diagnosis_row_set_property;
  widget_class->map = mp_diagnosis_row_map;
  widget_class->unmap = mp_diagnosis_row_unmap;

  properties[PROP_CHECK] =
    g_param_spec_object ("check", NULL, NULL,
                         MP_TYPE_DOMAIN_CHECK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MP_TYPE_STATUS_INDICATOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mailpost/Mailpost/pages/diagnosis/mp-diagnosis-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MpDiagnosisRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, MpDiagnosisRow, checked_label);
  gtk_widget_class_bind_template_child (widget_class, MpDiagnosisRow, spinner);
  gtk_widget_class_bind_template_child (widget_class, MpDiagnosisRow, check_button);
  gtk_widget_class_bind_template_child (widget_class, MpDiagnosisRow, indicators);
  gtk_widget_class_bind_template_child (widget_class, MpDiagnosisRow, problem_label);
  gtk_widget_class_bind_template_child (widget_class, MpDiagnosisRow, api_label);
  gtk_widget_class_bind_template_callback (widget_class, on_check_clicked);
}

static void
mp_diagnosis_row_init (MpDiagnosisRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
