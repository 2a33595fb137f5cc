/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-add-domain-window.h"
#include "mp-change-mode-window.h"
#include "mp-domain-row.h"
#include "mp-domains-page.h"
#include "mp-window.h"

struct _MpDomainsPage
{
  AdwBin              parent_instance;

  /* Template widgets */
  GtkStack           *stack;
  GtkSearchEntry     *search_entry;
  GtkListBox         *list_box;

  /* Owned references */
  MpSession          *session;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  GCancellable       *cancellable;
  /* Domain name → the MpDomainType a running change will leave it in. */
  GHashTable         *pending_types;
};

G_DEFINE_FINAL_TYPE (MpDomainsPage, mp_domains_page, ADW_TYPE_BIN)

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

/* What a followed task is for, so its end can be told in words. */
typedef struct
{
  MpDomainsPage *page;
  char          *name;        /* ASCII */
  char          *done_message;
} FollowData;

static void
follow_data_free (FollowData *data)
{
  g_object_unref (data->page);
  g_free (data->name);
  g_free (data->done_message);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FollowData, follow_data_free)

static void
add_toast (MpDomainsPage *self,
           const char    *message)
{
  AdwToast *toast = adw_toast_new (message);

  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
  g_object_unref (toast);
}

static void
report_error (MpDomainsPage *self,
              const GError  *error)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), MP_TYPE_WINDOW);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (window != NULL)
    mp_window_report_error (MP_WINDOW (window), error);
  else
    add_toast (self, error->message);
}

static MpDomainRow *
find_row (MpDomainsPage *self,
          const char    *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (MP_IS_DOMAIN_ROW (child)
          && g_strcmp0 (mp_domain_get_name (mp_domain_row_get_domain (MP_DOMAIN_ROW (child))), name) == 0)
        return MP_DOMAIN_ROW (child);
    }

  return NULL;
}

static void
set_pending_type (MpDomainsPage *self,
                  const char    *name,
                  MpDomainType   type)
{
  MpDomainRow *row;

  if (type == MP_DOMAIN_TYPE_UNKNOWN)
    g_hash_table_remove (self->pending_types, name);
  else
    g_hash_table_insert (self->pending_types, g_strdup (name), GINT_TO_POINTER (type));

  row = find_row (self, name);
  if (row != NULL)
    mp_domain_row_set_pending_type (row, type);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  MpDomainsPage *self = user_data;
  MpDomainRow *row = mp_domain_row_new (MP_DOMAIN (item));
  gpointer pending = g_hash_table_lookup (self->pending_types, mp_domain_get_name (MP_DOMAIN (item)));

  mp_domain_row_set_pending_type (row, GPOINTER_TO_INT (pending));
  return GTK_WIDGET (row);
}

static gboolean
matches_search (gpointer item,
                gpointer user_data)
{
  MpDomainsPage *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = NULL;
  g_autofree char *unicode_name = NULL;

  if (*text == '\0')
    return TRUE;

  needle = g_utf8_casefold (text, -1);
  unicode_name = g_utf8_casefold (mp_domain_get_unicode_name (MP_DOMAIN (item)), -1);

  /* Either form: people may search by what they read or by the punycode they were sent. */
  return strstr (unicode_name, needle) != NULL
         || strstr (mp_domain_get_name (MP_DOMAIN (item)), needle) != NULL;
}

static void
on_search_changed (MpDomainsPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
update_stack (MpDomainsPage *self)
{
  GListModel *domains;

  if (self->session == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      return;
    }

  domains = mp_session_get_domains (self->session);
  if (g_list_model_get_n_items (domains) > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (mp_session_get_loading (self->session))
    gtk_stack_set_visible_child_name (self->stack, "loading");
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
wait_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(FollowData) data = user_data;
  MpDomainsPage *self = data->page;
  g_autoptr(GError) error = NULL;

  if (!mp_task_tracker_wait_finish (MP_TASK_TRACKER (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_pending_type (self, data->name, MP_DOMAIN_TYPE_UNKNOWN);
      /* A task the provider ended in error is the window's toast already. */
      if (error->domain != MP_TASK_ERROR)
        report_error (self, error);
      return;
    }

  set_pending_type (self, data->name, MP_DOMAIN_TYPE_UNKNOWN);
  add_toast (self, data->done_message);
}

/* Tells done_message once the provider has carried the task out. */
static void
follow_task (MpDomainsPage *self,
             MpTask        *task,
             const char    *name,
             const char    *done_message)
{
  FollowData *data;

  if (task == NULL)
    {
      set_pending_type (self, name, MP_DOMAIN_TYPE_UNKNOWN);
      add_toast (self, done_message);
      return;
    }

  data = g_new0 (FollowData, 1);
  data->page = g_object_ref (self);
  data->name = g_strdup (name);
  data->done_message = g_strdup (done_message);
  mp_task_tracker_wait_async (mp_session_get_task_tracker (self->session),
                              mp_task_get_id (task), self->cancellable, wait_cb, data);
}

static void
on_domain_added (MpDomainsPage *self,
                 MpTask        *task,
                 const char    *name)
{
  MpDomain *domain = mp_session_find_domain (self->session, name);
  const char *unicode_name = domain != NULL ? mp_domain_get_unicode_name (domain) : name;
  g_autofree char *message = NULL;

  /* Translators: %s is a domain name */
  message = g_strdup_printf (_("%s is added and ready."), unicode_name);
  follow_task (self, task, domain != NULL ? mp_domain_get_name (domain) : name, message);
}

static void
on_mode_changed (MpDomainsPage *self,
                 MpTask        *task,
                 MpDomainType   type,
                 MpDomain      *domain)
{
  g_autofree char *message = NULL;

  if (type == MP_DOMAIN_TYPE_AUTHORITATIVE)
    /* Translators: %s is a domain name */
    message = g_strdup_printf (_("%s is now authoritative."), mp_domain_get_unicode_name (domain));
  else
    /* Translators: %s is a domain name */
    message = g_strdup_printf (_("%s is now non-authoritative."), mp_domain_get_unicode_name (domain));

  if (task != NULL)
    set_pending_type (self, mp_domain_get_name (domain), type);
  follow_task (self, task, mp_domain_get_name (domain), message);
}

static GtkWindow *
get_parent_window (MpDomainsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  MpDomainsPage *self = MP_DOMAINS_PAGE (widget);
  MpAddDomainWindow *window;

  if (self->session == NULL)
    return;

  window = mp_add_domain_window_new (get_parent_window (self), self->session);
  g_signal_connect_object (window, "domain-added", G_CALLBACK (on_domain_added), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
change_mode_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MpDomainsPage *self = MP_DOMAINS_PAGE (widget);
  MpChangeModeWindow *window;
  MpDomain *domain;

  if (self->session == NULL)
    return;

  domain = mp_session_find_domain (self->session, g_variant_get_string (parameter, NULL));
  if (domain == NULL || mp_domain_get_busy (domain))
    return;

  window = mp_change_mode_window_new (get_parent_window (self), self->session, domain);
  g_signal_connect_object (window, "mode-changed", G_CALLBACK (on_mode_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
remove_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(FollowData) data = user_data;
  g_autoptr(MpTask) task = NULL;
  g_autoptr(GError) error = NULL;

  task = mp_session_remove_domain_finish (MP_SESSION (object), result, &error);
  if (error != NULL)
    {
      report_error (data->page, error);
      return;
    }

  follow_task (data->page, task, data->name, data->done_message);
}

static void
on_remove_response (MpDomainsPage   *self,
                    const char      *response,
                    AdwMessageDialog *dialog)
{
  const char *name = g_object_get_data (G_OBJECT (dialog), "mp-domain-name");
  MpDomain *domain;
  FollowData *data;

  if (g_strcmp0 (response, "remove") != 0 || self->session == NULL)
    return;

  domain = mp_session_find_domain (self->session, name);
  if (domain == NULL)
    return;

  data = g_new0 (FollowData, 1);
  data->page = g_object_ref (self);
  data->name = g_strdup (mp_domain_get_name (domain));
  /* Translators: %s is a domain name */
  data->done_message = g_strdup_printf (_("%s is removed."), mp_domain_get_unicode_name (domain));
  mp_session_remove_domain_async (self->session, data->name, self->cancellable, remove_cb, data);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MpDomainsPage *self = MP_DOMAINS_PAGE (widget);
  g_autofree char *blocker = NULL;
  g_autofree char *heading = NULL;
  MpDomain *domain;
  GtkWidget *dialog;

  if (self->session == NULL)
    return;

  domain = mp_session_find_domain (self->session, g_variant_get_string (parameter, NULL));
  if (domain == NULL)
    return;

  blocker = mp_domain_dup_remove_blocker (domain);
  if (blocker != NULL)
    {
      add_toast (self, blocker);
      return;
    }

  /* Translators: %s is a domain name */
  heading = g_strdup_printf (_("Remove %s?"), mp_domain_get_unicode_name (domain));
  dialog = adw_message_dialog_new (get_parent_window (self), heading,
                                   _("Its addresses can no longer be used on this service. "
                                     "The domain itself and its DNS zone stay as they are."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "mp-domain-name",
                          g_strdup (mp_domain_get_name (domain)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MpDomainsPage *self = MP_DOMAINS_PAGE (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

MpSession *
mp_domains_page_get_session (MpDomainsPage *self)
{
  g_return_val_if_fail (MP_IS_DOMAINS_PAGE (self), NULL);

  return self->session;
}

void
mp_domains_page_set_session (MpDomainsPage *self,
                             MpSession     *session)
{
  g_return_if_fail (MP_IS_DOMAINS_PAGE (self));
  g_return_if_fail (session == NULL || MP_IS_SESSION (session));

  if (self->session == session)
    return;

  /* Work for the previous service must not land on this one. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_hash_table_remove_all (self->pending_types);

  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (mp_session_get_domains (self->session), self);
    }
  g_set_object (&self->session, session);

  gtk_filter_list_model_set_model (self->filtered,
                                   session != NULL ? mp_session_get_domains (session) : NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  if (session != NULL)
    {
      g_signal_connect_object (session, "notify::loading", G_CALLBACK (update_stack), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (mp_session_get_domains (session), "items-changed",
                               G_CALLBACK (update_stack), self, G_CONNECT_SWAPPED);
    }
  update_stack (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

static void
mp_domains_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MpDomainsPage *self = MP_DOMAINS_PAGE (object);

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
mp_domains_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  MpDomainsPage *self = MP_DOMAINS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      mp_domains_page_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_domains_page_dispose (GObject *object)
{
  MpDomainsPage *self = MP_DOMAINS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (mp_session_get_domains (self->session), self);
    }

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_DOMAINS_PAGE);

  g_clear_object (&self->filtered);
  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pending_types, g_hash_table_unref);

  G_OBJECT_CLASS (mp_domains_page_parent_class)->dispose (object);
}

static void
mp_domains_page_class_init (MpDomainsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_domains_page_dispose;
  object_class->get_property = mp_domains_page_get_property;
  object_class->set_property = mp_domains_page_set_property;

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

  g_type_ensure (MP_TYPE_DOMAIN_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mailpost/Mailpost/pages/domains/mp-domains-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MpDomainsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, MpDomainsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MpDomainsPage, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);

  gtk_widget_class_install_action (widget_class, "domains.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "domains.change-mode", "s", change_mode_action);
  gtk_widget_class_install_action (widget_class, "domains.remove", "s", remove_action);
  gtk_widget_class_install_action (widget_class, "domains.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "domains.search", NULL);
}

static void
mp_domains_page_init (MpDomainsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->pending_types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->filter = gtk_custom_filter_new (matches_search, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->filtered), create_row, self, NULL);
  update_stack (self);
}
