/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mp-account-checks.h"

gboolean
mp_account_checks_show (MpRuleChecklist *checklist,
                        GPtrArray       *results)
{
  g_autofree MpChecklistRule *rules = NULL;
  gboolean all_met = TRUE;

  g_return_val_if_fail (MP_IS_RULE_CHECKLIST (checklist), FALSE);
  g_return_val_if_fail (results != NULL, FALSE);

  rules = g_new0 (MpChecklistRule, MAX (results->len, 1));
  for (guint i = 0; i < results->len; i++)
    {
      const MpRuleResult *result = g_ptr_array_index (results, i);

      rules[i].text = result->description;
      rules[i].met = result->met;
      all_met = all_met && result->met;
    }
  mp_rule_checklist_set_rules (checklist, rules, results->len);

  return all_met;
}

void
mp_account_checks_password_context (MpSession         *session,
                                    const char        *login,
                                    const char        *display_name,
                                    const char        *confirmation,
                                    MpPasswordContext *context)
{
  MpService *service = session != NULL ? mp_session_get_service (session) : NULL;

  g_return_if_fail (context != NULL);

  context->login = login;
  context->display_name = display_name;
  context->confirmation = confirmation;
  context->min_length = service != NULL ? mp_service_get_min_password_length (service) : -1;
  context->complexity_enabled = service != NULL && mp_service_get_complexity_enabled (service);
}

GtkStringList *
mp_account_checks_domain_list (MpSession  *session,
                               const char *extra,
                               guint      *position)
{
  g_auto(GStrv) domains = mp_session_dup_address_domains (session);
  GtkStringList *list = gtk_string_list_new ((const char * const *) domains);

  if (position != NULL)
    *position = 0;

  if (extra == NULL || *extra == '\0'
      || g_ascii_strcasecmp (extra, MP_ACCOUNT_PLACEHOLDER_DOMAIN) == 0)
    return list;

  for (guint i = 0; domains[i] != NULL; i++)
    if (g_ascii_strcasecmp (domains[i], extra) == 0)
      {
        if (position != NULL)
          *position = i;
        return list;
      }

  /* Keep the account's own domain choosable even when it is not validated (any more). */
  gtk_string_list_append (list, extra);
  if (position != NULL)
    *position = g_list_model_get_n_items (G_LIST_MODEL (list)) - 1;
  return list;
}

const char *
mp_account_checks_selected_domain (AdwComboRow *row)
{
  gpointer item = adw_combo_row_get_selected_item (row);

  return GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (item) : NULL;
}

void
mp_account_checks_fill_domains (AdwComboRow *row,
                                MpSession   *session,
                                const char  *extra)
{
  g_autoptr(GtkStringList) domains = NULL;
  guint position;

  domains = mp_account_checks_domain_list (session, extra, &position);
  adw_combo_row_set_model (row, G_LIST_MODEL (domains));
  adw_combo_row_set_selected (row, g_list_model_get_n_items (G_LIST_MODEL (domains)) > 0
                                   ? position : GTK_INVALID_LIST_POSITION);
}

void
mp_account_checks_show_message (GtkWidget  *message_box,
                                const char *kind,
                                const char *text)
{
  static const char * const kinds[] = { "error", "warning", "success" };
  GtkWidget *icon = gtk_widget_get_first_child (message_box);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);

  gtk_widget_set_visible (message_box, text != NULL);
  if (text == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i], kind) == 0)
      gtk_widget_add_css_class (message_box, kinds[i]);
    else
      gtk_widget_remove_css_class (message_box, kinds[i]);
  gtk_image_set_from_icon_name (GTK_IMAGE (icon),
                                g_strcmp0 (kind, "success") == 0 ? "object-select-symbolic"
                                : g_strcmp0 (kind, "error") == 0 ? "dialog-error-symbolic"
                                : "dialog-warning-symbolic");
  gtk_label_set_text (GTK_LABEL (label), text);
}
