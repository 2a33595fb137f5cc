/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-add-domain-window-choice.c: the wizard's first step, which domain: one of the account's
 * (GET /domain, searchable, attached ones marked and not choosable) or one typed in. */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-add-domain-window-private.h"
#include "rules/mp-domain-rules.h"

static void
on_account_check_toggled (GtkCheckButton    *check,
                          MpAddDomainWindow *self)
{
  if (!gtk_check_button_get_active (check))
    return;

  g_set_object (&self->chosen, g_object_get_data (G_OBJECT (check), "mp-account-domain"));
  _mp_add_domain_window_update (self);
}

static GtkWidget *
create_account_row (gpointer item,
                    gpointer user_data)
{
  MpAddDomainWindow *self = user_data;
  MpAccountDomain *domain = MP_ACCOUNT_DOMAIN (item);
  const char *name = mp_account_domain_get_name (domain);
  const char *unicode_name = mp_account_domain_get_unicode_name (domain);
  gboolean attached = mp_account_domain_get_attached (domain);
  GtkWidget *row;
  GtkWidget *check;

  row = g_object_new (ADW_TYPE_ACTION_ROW,
                      "use-markup", FALSE,
                      "title", unicode_name,
                      "subtitle-lines", 0,
                      NULL);
  if (attached)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Already added to this service"));
  else if (g_strcmp0 (name, unicode_name) != 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), name);

  check = gtk_check_button_new ();
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->other_check);
  gtk_widget_set_sensitive (check, !attached);
  g_object_set_data_full (G_OBJECT (check), "mp-account-domain", g_object_ref (domain), g_object_unref);
  g_object_set_data (G_OBJECT (row), "mp-check", check);
  if (self->chosen == domain)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_account_check_toggled), self, 0);

  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  if (!attached)
    adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  else
    gtk_widget_add_css_class (row, "dim-label");

  return row;
}

static gboolean
account_domain_matches (gpointer item,
                        gpointer user_data)
{
  MpAddDomainWindow *self = user_data;
  MpAccountDomain *domain = MP_ACCOUNT_DOMAIN (item);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->account_search));
  g_autofree char *needle = NULL;
  g_autofree char *unicode_name = NULL;

  if (*text == '\0')
    return TRUE;

  needle = g_utf8_casefold (text, -1);
  unicode_name = g_utf8_casefold (mp_account_domain_get_unicode_name (domain), -1);
  return strstr (unicode_name, needle) != NULL
         || strstr (mp_account_domain_get_name (domain), needle) != NULL;
}

static void
on_account_search_changed (MpAddDomainWindow *self)
{
  gtk_filter_changed (GTK_FILTER (self->account_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Enter in the search picks the first domain it shows that can be chosen, and goes on. */
static void
on_account_search_activate (MpAddDomainWindow *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->account_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = g_object_get_data (G_OBJECT (row), "mp-check");

      if (check != NULL && gtk_widget_get_sensitive (check))
        {
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
          gtk_widget_activate_action (GTK_WIDGET (self), "wizard.next", NULL);
          return;
        }
    }
}

gboolean
mp_add_domain_window_choose_account_domain (MpAddDomainWindow *self,
                                            const char        *name)
{
  g_return_val_if_fail (MP_IS_ADD_DOMAIN_WINDOW (self), FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->account_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = g_object_get_data (G_OBJECT (row), "mp-check");
      MpAccountDomain *domain;

      if (check == NULL)
        continue;
      domain = g_object_get_data (G_OBJECT (check), "mp-account-domain");
      if (g_strcmp0 (mp_account_domain_get_name (domain), name) != 0
          && g_strcmp0 (mp_account_domain_get_unicode_name (domain), name) != 0)
        continue;
      if (!gtk_widget_get_sensitive (check))
        return FALSE;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      return TRUE;
    }

  return FALSE;
}

static void
on_choice_toggled (MpAddDomainWindow *self)
{
  if (gtk_check_button_get_active (self->other_check))
    {
      g_clear_object (&self->chosen);
      _mp_add_domain_window_update (self);
    }
}


static char *
check_typed (MpAddDomainWindow  *self,
             char              **ascii_name)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->other_row));
  g_autofree char *ascii = NULL;
  char *reason;

  reason = mp_domain_rules_check_name (text, &ascii);
  if (reason != NULL)
    return reason;

  if (mp_session_find_domain (self->session, ascii) != NULL)
    return g_strdup (_("This domain is already added to this service."));

  if (ascii_name != NULL)
    *ascii_name = g_steal_pointer (&ascii);
  return NULL;
}

gboolean
_mp_add_domain_window_get_choice (MpAddDomainWindow  *self,
                                  char              **ascii_name,
                                  char              **unicode_name,
                                  char              **reason)
{
  g_autofree char *ascii = NULL;
  g_autofree char *why = NULL;

  if (self->chosen != NULL)
    {
      ascii = g_strdup (mp_account_domain_get_name (self->chosen));
    }
  else if (gtk_check_button_get_active (self->other_check))
    {
      why = check_typed (self, &ascii);
    }
  else
    {
      why = g_strdup (_("Choose one of your domains or type another one."));
    }

  if (ascii_name != NULL)
    *ascii_name = g_strdup (ascii);
  if (unicode_name != NULL)
    *unicode_name = ascii != NULL ? mp_domain_rules_to_unicode (ascii) : NULL;
  if (reason != NULL)
    *reason = g_steal_pointer (&why);

  return ascii != NULL;
}

/* The typed name's two forms and its problems, as it is typed. */
static void
update_typed (MpAddDomainWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->other_row));
  g_autofree char *reason = NULL;
  g_autofree char *ascii = NULL;
  gboolean typed = *text != '\0';

  if (typed)
    reason = check_typed (self, &ascii);

  gtk_label_set_text (self->other_error, reason != NULL ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->other_error), reason != NULL);
  if (reason != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->other_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->other_row), "error");

  if (ascii != NULL && mp_domain_rules_is_idn (ascii))
    {
      g_autofree char *unicode_name = mp_domain_rules_to_unicode (ascii);
      g_autofree char *forms = NULL;

      /* Translators: both forms of an international domain name, e.g.
       * "bäckerei.example is written xn--bckerei-wxa.example on the internet." */
      forms = g_strdup_printf (_("%s is written %s on the internet."), unicode_name, ascii);
      gtk_label_set_text (self->other_forms_label, forms);
      gtk_widget_set_visible (GTK_WIDGET (self->other_forms_label), TRUE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->other_forms_label), FALSE);
    }
}

gboolean
_mp_add_domain_window_has_input (MpAddDomainWindow *self)
{
  return self->chosen != NULL
         || *gtk_editable_get_text (GTK_EDITABLE (self->other_row)) != '\0'
         || *mp_domain_mode_group_get_relay (self->mode_group) != '\0';
}

static void
list_account_domains_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(MpAddDomainWindow) self = user_data;
  g_autoptr(GListModel) domains = NULL;
  g_autoptr(GError) error = NULL;

  domains = mp_session_list_account_domains_finish (MP_SESSION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (domains == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: the first %s is why the list could not be read, a sentence */
      message = g_strdup_printf (_("%s You can still type your domain below."), error->message);
      gtk_label_set_text (self->account_message, message);
      gtk_stack_set_visible_child_name (self->account_stack, "message");
      gtk_check_button_set_active (self->other_check, TRUE);
      return;
    }

  g_set_object (&self->account_domains, domains);
  if (g_list_model_get_n_items (domains) == 0)
    {
      gtk_label_set_text (self->account_message,
                          _("Your OVHcloud account has no domain of its own. Type your domain below."));
      gtk_stack_set_visible_child_name (self->account_stack, "message");
      gtk_widget_set_visible (GTK_WIDGET (self->account_search), FALSE);
      gtk_check_button_set_active (self->other_check, TRUE);
      return;
    }

  gtk_filter_list_model_set_model (self->account_filtered, domains);
  gtk_stack_set_visible_child_name (self->account_stack, "list");
}

void
_mp_add_domain_window_load_choice (MpAddDomainWindow *self)
{
  gtk_stack_set_visible_child_name (self->account_stack, "loading");
  mp_session_list_account_domains_async (self->session, self->cancellable,
                                         list_account_domains_cb, g_object_ref (self));
}

static void
on_other_changed (MpAddDomainWindow *self)
{
  /* Typing a name means choosing it. */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->other_row)) != '\0')
    gtk_check_button_set_active (self->other_check, TRUE);
  update_typed (self);
  _mp_add_domain_window_update (self);
}

void
_mp_add_domain_window_init_choice (MpAddDomainWindow *self)
{
  self->account_filter = gtk_custom_filter_new (account_domain_matches, self, NULL);
  self->account_filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->account_filter));
  gtk_list_box_bind_model (self->account_list, G_LIST_MODEL (self->account_filtered),
                           create_account_row, self, NULL);
  g_signal_connect_object (self->account_search, "search-changed",
                           G_CALLBACK (on_account_search_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->account_search, "activate",
                           G_CALLBACK (on_account_search_activate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->other_row, "changed",
                           G_CALLBACK (on_other_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->other_check, "toggled",
                           G_CALLBACK (on_choice_toggled), self, G_CONNECT_SWAPPED);
}
