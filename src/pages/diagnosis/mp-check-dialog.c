/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-check-dialog.h"
#include "mp-check-guide.h"
#include "mp-dkim-dialog.h"
#include "mp-fix-confirmation.h"
#include "widgets/mp-record-row.h"
#include "widgets/mp-status-indicator.h"

struct _MpCheckDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkButton            *recheck_button;
  MpStatusIndicator    *indicator;
  GtkLabel             *summary_label;
  GtkLabel             *explanation_label;
  GtkBox               *details_box;
  GtkWidget            *fix_button;
  GtkWidget            *dkim_button;
  GtkWidget            *guide_button;
  GtkWidget            *fix_status_box;
  GtkSpinner           *fix_spinner;
  GtkLabel             *fix_status_label;
  AdwPreferencesGroup  *compare_group;
  GtkBox               *expected_box;
  GtkBox               *found_box;
  AdwPreferencesGroup  *add_group;
  GtkWidget            *copy_zone_button;
  AdwPreferencesGroup  *remove_group;
  AdwPreferencesGroup  *servers_group;

  /* Owned references */
  MpDomainCheck        *check;
  MpCheckId             id;
  GCancellable         *cancellable;
  /* The rows added to the groups above, removed on the next rebuild. */
  GPtrArray            *group_rows;

  guint                 held : 1;
  guint                 applying : 1;
  guint                 fix_applied : 1;
};

G_DEFINE_FINAL_TYPE (MpCheckDialog, mp_check_dialog, ADW_TYPE_WINDOW)

static MpCheckResult *
get_result (MpCheckDialog *self)
{
  MpDomainDiagnosis *diagnosis = mp_domain_check_get_diagnosis (self->check);

  return diagnosis != NULL ? mp_domain_diagnosis_get_result (diagnosis, self->id) : NULL;
}

static const char *
get_domain_name (MpCheckDialog *self)
{
  return mp_domain_get_name (mp_domain_check_get_domain (self->check));
}

static gboolean
zone_is_hosted (MpCheckDialog *self)
{
  return mp_session_zone_is_hosted (mp_domain_check_get_session (self->check),
                                    get_domain_name (self));
}

static GtkWidget *
new_label (const char *text,
           const char *style_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (style_class != NULL)
    gtk_widget_add_css_class (label, style_class);
  return label;
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
fill_records (GtkBox     *box,
              GPtrArray  *records,
              const char *none)
{
  clear_box (box);

  if (records == NULL || records->len == 0)
    {
      gtk_box_append (box, new_label (none, "dim-label"));
      return;
    }

  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *line = mp_dns_record_to_zone_line (g_ptr_array_index (records, i));

      GtkWidget *label = new_label (line, "monospace");

      /* Narrow enough that expected and found fit side by side in a wide dialog. */
      gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
      gtk_box_append (box, label);
    }
}

static void
add_group_row (MpCheckDialog       *self,
               AdwPreferencesGroup *group,
               GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->group_rows, g_object_ref (row));
}

static void
clear_group_rows (MpCheckDialog *self)
{
  for (guint i = 0; i < self->group_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->group_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->group_rows, 0);
}

static void
fill_fix_group (MpCheckDialog       *self,
                AdwPreferencesGroup *group,
                GPtrArray           *records)
{
  gtk_widget_set_visible (GTK_WIDGET (group), records->len > 0);
  for (guint i = 0; i < records->len; i++)
    {
      GtkWidget *row = mp_record_row_new (g_ptr_array_index (records, i), get_domain_name (self));

      /* Five MX records unfolded would bury the rest; each header still shows its line. */
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), records->len <= 2);
      add_group_row (self, group, row);
    }
}

static char *
describe_server (MpServerAnswer *answer)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  /* With the nameserver override the host is the address already. */
  if (g_strcmp0 (answer->host, answer->address) != 0)
    g_ptr_array_add (lines, g_strdup (answer->address));
  if (answer->has_serial)
    /* Translators: the version number (SOA serial) of a DNS zone on one name server */
    g_ptr_array_add (lines, g_strdup_printf (_("Zone version %u"), answer->serial));
  else
    g_ptr_array_add (lines, g_strdup (_("Zone version unknown")));

  if (mp_dns_status_is_failure (answer->status))
    g_ptr_array_add (lines, g_strdup (mp_dns_status_to_label (answer->status)));
  else if (answer->updated)
    g_ptr_array_add (lines, g_strdup (_("Has your latest change")));
  else
    g_ptr_array_add (lines, g_strdup (_("Does not have your latest change yet")));
  g_ptr_array_add (lines, NULL);

  return g_strjoinv ("\n", (char **) lines->pdata);
}

static void
fill_servers (MpCheckDialog *self,
              MpCheckResult *result)
{
  g_autofree char *description = NULL;

  if (result->propagation_total > 0)
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Updated on %u of %u name server.",
                                                "Updated on %u of %u name servers.",
                                                result->propagation_total),
                                   result->propagation_updated, result->propagation_total);
  adw_preferences_group_set_description (self->servers_group, description);
  gtk_widget_set_visible (GTK_WIDGET (self->servers_group), result->answers->len > 0);

  for (guint i = 0; i < result->answers->len; i++)
    {
      MpServerAnswer *answer = g_ptr_array_index (result->answers, i);
      g_autofree char *subtitle = describe_server (answer);
      const char *icon_name;
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *icon;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), answer->host);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

      mp_status_indicator_describe (mp_dns_status_is_failure (answer->status)
                                    ? MP_CHECK_STATUS_UNKNOWN
                                    : answer->updated ? MP_CHECK_STATUS_OK : MP_CHECK_STATUS_ERROR,
                                    &icon_name, NULL, NULL);
      icon = gtk_image_new_from_icon_name (icon_name);
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);

      if (mp_dns_status_is_failure (answer->status) || answer->records->len == 0)
        {
          GtkWidget *child = adw_action_row_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (child), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child),
                                         mp_dns_status_is_failure (answer->status)
                                         ? mp_dns_status_to_label (answer->status)
                                         : _("No record"));
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
        }

      for (guint j = 0; j < answer->records->len; j++)
        {
          g_autofree char *line = mp_dns_record_to_zone_line (g_ptr_array_index (answer->records, j));
          GtkWidget *child = adw_action_row_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (child), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), line);
          adw_preferences_row_set_title_selectable (ADW_PREFERENCES_ROW (child), TRUE);
          gtk_widget_add_css_class (child, "monospace");
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
        }

      add_group_row (self, self->servers_group, row);
    }
}

/* The buttons sit in a flow box, whose own child would keep an empty slot. */
static void
set_action_visible (GtkWidget *button,
                    gboolean   visible)
{
  gtk_widget_set_visible (button, visible);
  gtk_widget_set_visible (gtk_widget_get_parent (button), visible);
}

static gboolean
result_has_fix (MpCheckResult *result)
{
  return result != NULL && (result->fix_add->len > 0 || result->fix_remove->len > 0);
}

static void
update_fix_status (MpCheckDialog *self)
{
  MpCheckResult *result = get_result (self);
  gboolean following = mp_domain_check_get_following_fix (self->check);
  gboolean busy = self->applying || following;

  gtk_widget_set_visible (self->fix_status_box, busy || self->fix_applied
                          || gtk_label_get_text (self->fix_status_label)[0] != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->fix_spinner), busy);
  gtk_spinner_set_spinning (self->fix_spinner, busy);
  gtk_widget_set_sensitive (self->fix_button, !busy);

  if (self->applying || !self->fix_applied)
    return;

  if (following)
    gtk_label_set_text (self->fix_status_label,
                        _("The change is made. Checking the name servers again…"));
  else if (result == NULL || result->status == MP_CHECK_STATUS_OK)
    gtk_label_set_text (self->fix_status_label,
                        _("Fixed. Every name server now gives the right answer."));
  else
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Still waiting: updated on %u of %u name server. A change can take a few hours to reach every name server; Mailpost keeps checking while this window is open.",
                                           "Still waiting: updated on %u of %u name servers. A change can take a few hours to reach every name server; Mailpost keeps checking while this window is open.",
                                           result->propagation_total),
                              result->propagation_updated, result->propagation_total);
      gtk_label_set_text (self->fix_status_label, text);
    }
}

static void
rebuild (MpCheckDialog *self)
{
  MpCheckResult *result = get_result (self);
  MpDomain *domain = mp_domain_check_get_domain (self->check);
  gboolean hosted = zone_is_hosted (self);

  adw_window_title_set_subtitle (self->window_title, mp_domain_get_unicode_name (domain));
  clear_group_rows (self);
  clear_box (self->details_box);

  if (result == NULL)
    {
      mp_status_indicator_set_status (self->indicator,
                                      self->id == MP_CHECK_ID_CNAME ? MP_CHECK_STATUS_OK
                                                                    : MP_CHECK_STATUS_UNKNOWN);
      gtk_label_set_text (self->summary_label,
                          self->id == MP_CHECK_ID_CNAME
                          ? _("The provider has confirmed that the domain is yours. This check is no longer needed.")
                          : _("This check is not part of the latest result. Check again."));
      gtk_label_set_text (self->explanation_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->compare_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->add_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->remove_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->servers_group), FALSE);
      set_action_visible (self->fix_button, FALSE);
      update_fix_status (self);
      return;
    }

  mp_status_indicator_set_status (self->indicator, result->status);
  gtk_label_set_text (self->summary_label, result->summary != NULL ? result->summary : "");
  gtk_label_set_text (self->explanation_label, result->explanation != NULL ? result->explanation : "");
  gtk_widget_set_visible (GTK_WIDGET (self->explanation_label), result->explanation != NULL);
  for (guint i = 0; i < result->details->len; i++)
    gtk_box_append (self->details_box, new_label (g_ptr_array_index (result->details, i), NULL));

  gtk_widget_set_visible (GTK_WIDGET (self->compare_group), TRUE);
  fill_records (self->expected_box, result->expected, _("The provider did not say what it expects."));
  fill_records (self->found_box, result->found,
                result->dns_failure ? _("The name servers could not be asked.") : _("No record."));

  fill_fix_group (self, self->add_group, result->fix_add);
  fill_fix_group (self, self->remove_group, result->fix_remove);
  gtk_widget_set_visible (self->copy_zone_button, result_has_fix (result));
  adw_preferences_group_set_description (self->add_group,
                                         hosted
                                         ? _("Fix Automatically creates these records for you, or create them yourself in the OVHcloud control panel.")
                                         : _("Create these records at your DNS host, exactly as shown."));
  fill_servers (self, result);

  set_action_visible (self->fix_button,
                      hosted && result_has_fix (result)
                      && result->status != MP_CHECK_STATUS_OK
                      && result->status != MP_CHECK_STATUS_IN_PROGRESS);
  update_fix_status (self);
}

static void
on_diagnosis_changed (MpCheckDialog *self)
{
  rebuild (self);
}

static void
on_recheck_clicked (MpCheckDialog *self)
{
  mp_domain_check_run (self->check);
}

static void
on_checking_changed (MpCheckDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->recheck_button),
                            !mp_domain_check_get_checking (self->check));
}

static void
add_toast (MpCheckDialog *self,
           const char    *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 3);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_copy_zone_clicked (MpCheckDialog *self)
{
  MpCheckResult *result = get_result (self);
  g_autofree char *text = NULL;

  if (result == NULL || (text = mp_check_result_fix_to_zone_file (result)) == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  add_toast (self, _("Copied the records as a zone file"));
}

static void
on_guide_clicked (MpCheckDialog *self)
{
  gtk_show_uri (GTK_WINDOW (self), mp_check_guide_get_url (self->id, zone_is_hosted (self)),
                GDK_CURRENT_TIME);
}

static void
on_dkim_clicked (MpCheckDialog *self)
{
  gtk_window_present (GTK_WINDOW (mp_dkim_dialog_new (GTK_WINDOW (self), self->check)));
}

static void
show_fix_message (MpCheckDialog *self,
                  const char    *message)
{
  gtk_label_set_text (self->fix_status_label, message);
  update_fix_status (self);
}

static void
apply_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(MpCheckDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mp_session_apply_dns_fix_finish (MP_SESSION (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->applying = FALSE;
      show_fix_message (self, error->message);
      return;
    }

  self->applying = FALSE;
  self->fix_applied = TRUE;
  mp_domain_check_follow_fix (self->check, self->id);
  update_fix_status (self);
}

static void
on_confirmation_response (MpCheckDialog    *self,
                          const char       *response,
                          AdwMessageDialog *confirmation)
{
  MpDnsFixPlan *plan = g_object_get_data (G_OBJECT (confirmation), "mp-plan");

  if (!g_str_equal (response, "apply"))
    return;

  self->applying = TRUE;
  self->fix_applied = FALSE;
  show_fix_message (self, _("Changing the DNS zone…"));
  mp_session_apply_dns_fix_async (mp_domain_check_get_session (self->check), plan,
                                  self->cancellable, apply_cb, g_object_ref (self));
}

static void
on_fix_clicked (MpCheckDialog *self)
{
  MpDomainDiagnosis *diagnosis = mp_domain_check_get_diagnosis (self->check);
  g_autoptr(MpDnsFixPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *confirmation;

  if (diagnosis == NULL)
    return;

  plan = mp_session_plan_dns_fix (mp_domain_check_get_session (self->check), diagnosis,
                                  mp_check_id_to_string (self->id), &error);
  if (plan == NULL)
    {
      show_fix_message (self, error->message);
      return;
    }

  confirmation = mp_fix_confirmation_new (GTK_WINDOW (self), plan);
  g_object_set_data_full (G_OBJECT (confirmation), "mp-plan",
                          g_steal_pointer (&plan), (GDestroyNotify) mp_dns_fix_plan_unref);
  g_signal_connect_object (confirmation, "response", G_CALLBACK (on_confirmation_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (confirmation));
}

MpCheckDialog *
mp_check_dialog_new (GtkWindow     *parent,
                     MpDomainCheck *check,
                     MpCheckId      id)
{
  MpCheckDialog *self;

  g_return_val_if_fail (MP_IS_DOMAIN_CHECK (check), NULL);

  self = g_object_new (MP_TYPE_CHECK_DIALOG, "transient-for", parent, NULL);
  self->check = g_object_ref (check);
  self->id = id;

  adw_window_title_set_title (self->window_title, mp_check_id_to_title (id));
  gtk_window_set_title (GTK_WINDOW (self), mp_check_id_to_title (id));
  mp_status_indicator_set_title (self->indicator, mp_check_id_to_title (id));
  set_action_visible (self->dkim_button, id == MP_CHECK_ID_DKIM);

  g_signal_connect_object (check, "notify::diagnosis", G_CALLBACK (on_diagnosis_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (check, "notify::following-fix", G_CALLBACK (update_fix_status), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (check, "notify::checking", G_CALLBACK (on_checking_changed), self,
                           G_CONNECT_SWAPPED);
  /* Keeps the automatic re-checks going while the dialog is open. */
  mp_domain_check_hold (check);
  self->held = TRUE;

  on_checking_changed (self);
  rebuild (self);
  return self;
}

MpDomainCheck *
mp_check_dialog_get_check (MpCheckDialog *self)
{
  g_return_val_if_fail (MP_IS_CHECK_DIALOG (self), NULL);

  return self->check;
}

MpCheckId
mp_check_dialog_get_check_id (MpCheckDialog *self)
{
  g_return_val_if_fail (MP_IS_CHECK_DIALOG (self), MP_CHECK_ID_MX);

  return self->id;
}

static void
mp_check_dialog_dispose (GObject *object)
{
  MpCheckDialog *self = MP_CHECK_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->held)
    {
      self->held = FALSE;
      mp_domain_check_release (self->check);
    }
  if (self->check != NULL)
    g_signal_handlers_disconnect_by_data (self->check, self);

  g_clear_pointer (&self->group_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_CHECK_DIALOG);

  g_clear_object (&self->check);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (mp_check_dialog_parent_class)->dispose (object);
}

static void
mp_check_dialog_class_init (MpCheckDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_check_dialog_dispose;

  g_type_ensure (MP_TYPE_STATUS_INDICATOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mailpost/Mailpost/pages/diagnosis/mp-check-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MpCheckDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MpCheckDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, MpCheckDialog, recheck_button);
  gtk_widget_class_bind_template_child (widget_class, MpCheckDialog, indicator);
  gtk_widget_class_bind_template_child (widget_class, MpCheckDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, MpCheckDialog, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, MpCheckDialog, details_box);
  gtk_widget_class_bind_template_child (widget_class, MpCheckDialog, fix_button);
  gtk_widget_class_bind_template_child (widget_class, MpCheckDialog, dkim_button);
  gtk_widget_class_bind_template_child (widget_class, MpCheckDialog, guide_button);
  gtk_widget_class_bind_template_child (widget_class, MpCheckDialog, fix_status_box);
  gtk_widget_class_bind_template_child (widget_class, MpCheckDialog, fix_spinner);
  gtk_widget_class_bind_template_child (widget_class, MpCheckDialog, fix_status_label);
  gtk_widget_class_bind_template_child (widget_class, MpCheckDialog, compare_group);
  gtk_widget_class_bind_template_child (widget_class, MpCheckDialog, expected_box);
  gtk_widget_class_bind_template_child (widget_class, MpCheckDialog, found_box);
  gtk_widget_class_bind_template_child (widget_class, MpCheckDialog, add_group);
  gtk_widget_class_bind_template_child (widget_class, MpCheckDialog, copy_zone_button);
  gtk_widget_class_bind_template_child (widget_class, MpCheckDialog, remove_group);
  gtk_widget_class_bind_template_child (widget_class, MpCheckDialog, servers_group);
  gtk_widget_class_bind_template_callback (widget_class, on_recheck_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_fix_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_dkim_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_guide_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_zone_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mp_check_dialog_init (MpCheckDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->group_rows = g_ptr_array_new_with_free_func (g_object_unref);
}
