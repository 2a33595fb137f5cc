/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-accounts-page.c: the page itself: models, loading, header, search and narrow layout.
 * Columns are in mp-accounts-page-columns.c, the dialogs it opens in
 * mp-accounts-page-actions.c. */
#include "config.h"

#include <glib/gi18n.h>

#include "api/mp-ovh-error.h"
#include "emailpro/mp-account.h"
#include "mp-accounts-page-private.h"
#include "mp-window.h"

/* A paid order is delivered within minutes: look once a minute, for half an hour at most. */
#define ORDER_WATCH_INTERVAL_S 60
#define ORDER_WATCH_ROUNDS     30

G_DEFINE_FINAL_TYPE (MpAccountsPage, mp_accounts_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_LOADING,
  N_PROPS
};

enum {
  ADD_TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
_mp_accounts_page_add_toast (MpAccountsPage *self,
                             const char     *message)
{
  AdwToast *toast = adw_toast_new (message);

  g_signal_emit (self, signals[ADD_TOAST], 0, toast);
  g_object_unref (toast);
}

void
_mp_accounts_page_report_error (MpAccountsPage *self,
                                const GError   *error)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), MP_TYPE_WINDOW);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* A revoked key is the window's business (its banner); the rest is said here. */
  if (window != NULL && mp_ovh_error_needs_sign_in (error))
    mp_window_report_error (MP_WINDOW (window), error);
  else
    _mp_accounts_page_add_toast (self, error->message);
}

static void
take_now (MpAccountsPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->now_unix = g_date_time_to_unix (now);
  self->utc_offset_seconds = g_date_time_get_utc_offset (now) / G_TIME_SPAN_SECOND;
}

static void
update_counts (MpAccountsPage *self)
{
  g_autofree char *count = NULL;
  guint total = 0, configured = 0;

  if (self->session != NULL)
    {
      total = mp_session_get_account_count (self->session);
      configured = mp_session_get_configured_account_count (self->session);
    }

  /* Translators: the accounts page's header, e.g. "20 of 25 addresses configured" */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u of %u address configured",
                                        "%u of %u addresses configured",
                                        total),
                           configured, total);
  gtk_label_set_text (self->count_label, count);
}

static gboolean
is_filtering (MpAccountsPage *self)
{
  return gtk_filter_get_strictness (GTK_FILTER (self->filter)) != GTK_FILTER_MATCH_ALL;
}

/* Only O(1) work here: it runs on every keystroke. */
static void
update_shown (MpAccountsPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  const char *page;

  if (is_filtering (self))
    {
      char text[128];

      /* Translators: how many rows the search shows, e.g. "12 shown" */
      g_snprintf (text, sizeof text,
                  g_dngettext (GETTEXT_PACKAGE, "%u shown", "%u shown", shown), shown);
      gtk_label_set_text (self->shown_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->shown_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->shown_label), FALSE);

  if (self->load_failed && total == 0)
    page = "error";
  else if (total == 0 && !self->loaded)
    page = "loading";
  else if (total == 0)
    page = "empty";
  else if (shown == 0)
    page = "no-match";
  else
    page = "list";
  gtk_stack_set_visible_child_name (self->content_stack, page);
}

static void
on_search_changed (MpAccountsPage *self)
{
  mp_account_filter_set_search_text (self->filter,
                                     gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_stop_search (MpAccountsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_placeholders_toggled (MpAccountsPage *self)
{
  mp_account_filter_set_placeholders_only (self->filter,
                                           gtk_toggle_button_get_active (self->placeholders_button));
}

static void
on_column_view_activate (MpAccountsPage *self,
                         guint           position)
{
  g_autoptr(MpAccount) account = g_list_model_get_item (G_LIST_MODEL (self->filter_model),
                                                        position);

  if (account != NULL)
    mp_accounts_page_configure (self, account);
}

static void
set_loading (MpAccountsPage *self,
             gboolean        loading)
{
  if (self->loading == !!loading)
    return;

  self->loading = !!loading;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.reload", !loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
refresh_accounts_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(MpAccountsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mp_session_refresh_accounts_finish (MP_SESSION (object), result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loaded = TRUE;
  self->load_failed = error != NULL;
  if (error != NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      if (g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) > 0)
        _mp_accounts_page_report_error (self, error);
    }

  take_now (self);
  set_loading (self, FALSE);
  update_shown (self);
}

void
mp_accounts_page_reload (MpAccountsPage *self)
{
  g_return_if_fail (MP_IS_ACCOUNTS_PAGE (self));

  if (self->session == NULL || self->loading)
    return;

  set_loading (self, TRUE);
  self->load_failed = FALSE;
  update_shown (self);
  mp_session_refresh_accounts_async (self->session, self->cancellable,
                                     refresh_accounts_cb, g_object_ref (self));
}

static gboolean
order_watch_tick (gpointer user_data)
{
  MpAccountsPage *self = user_data;
  guint count = self->session != NULL ? mp_session_get_account_count (self->session) : 0;

  if (self->session == NULL || count > self->order_watch_count || self->order_watch_left == 0)
    {
      self->order_watch_id = 0;
      return G_SOURCE_REMOVE;
    }

  self->order_watch_left--;
  mp_accounts_page_reload (self);
  return G_SOURCE_CONTINUE;
}

void
_mp_accounts_page_watch_order (MpAccountsPage *self)
{
  if (self->session == NULL)
    return;

  self->order_watch_count = mp_session_get_account_count (self->session);
  self->order_watch_left = ORDER_WATCH_ROUNDS;
  if (self->order_watch_id == 0)
    self->order_watch_id = g_timeout_add_seconds (ORDER_WATCH_INTERVAL_S, order_watch_tick, self);
}

static void
mp_accounts_page_map (GtkWidget *widget)
{
  MpAccountsPage *self = MP_ACCOUNTS_PAGE (widget);

  GTK_WIDGET_CLASS (mp_accounts_page_parent_class)->map (widget);

  /* The session's refresh lists the accounts too; read them here only if it did not. */
  if (self->session != NULL && !self->loaded && !mp_session_get_loading (self->session))
    mp_accounts_page_reload (self);
}

/* A refresh of the whole session (the window's Refresh) reloads the accounts as well. */
static void
on_session_loading_notify (MpAccountsPage *self)
{
  if (mp_session_get_loading (self->session))
    return;

  self->loaded = TRUE;
  take_now (self);
  update_shown (self);
}

static gboolean
fit_columns (gpointer user_data)
{
  MpAccountsPage *self = user_data;

  self->fit_idle_id = 0;
  _mp_accounts_page_fit_columns (self,
                                 _mp_accounts_page_width_tier (gtk_widget_get_width (GTK_WIDGET (self))));
  return G_SOURCE_REMOVE;
}

/* The page lays its child out itself (no layout manager) so it learns its width. */
static void
mp_accounts_page_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size, minimum, natural,
                        minimum_baseline, natural_baseline);
}

static void
mp_accounts_page_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  MpAccountsPage *self = MP_ACCOUNTS_PAGE (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);

  /* Columns cannot change while GTK lays them out: switch right after. */
  if (_mp_accounts_page_width_tier (width) != self->width_tier && self->fit_idle_id == 0)
    self->fit_idle_id = g_idle_add (fit_columns, self);
}

static void
on_accounts_count_notify (MpAccountsPage *self)
{
  update_counts (self);
}

MpSession *
mp_accounts_page_get_session (MpAccountsPage *self)
{
  g_return_val_if_fail (MP_IS_ACCOUNTS_PAGE (self), NULL);

  return self->session;
}

void
mp_accounts_page_set_session (MpAccountsPage *self,
                              MpSession      *session)
{
  g_return_if_fail (MP_IS_ACCOUNTS_PAGE (self));
  g_return_if_fail (session == NULL || MP_IS_SESSION (session));

  if (self->session == session)
    return;

  /* Work for the previous service must not land on this one. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  g_clear_handle_id (&self->order_watch_id, g_source_remove);

  self->loaded = FALSE;
  self->load_failed = FALSE;
  set_loading (self, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_toggle_button_set_active (self->placeholders_button, FALSE);

  gtk_sort_list_model_set_model (self->sort_model,
                                 session != NULL ? mp_session_get_accounts (session) : NULL);
  if (session != NULL)
    {
      g_signal_connect_object (session, "notify::account-count",
                               G_CALLBACK (on_accounts_count_notify), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::configured-account-count",
                               G_CALLBACK (on_accounts_count_notify), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::loading",
                               G_CALLBACK (on_session_loading_notify), self, G_CONNECT_SWAPPED);
      self->loaded = g_list_model_get_n_items (mp_session_get_accounts (session)) > 0;
      if (gtk_widget_get_mapped (GTK_WIDGET (self)) && !self->loaded
          && !mp_session_get_loading (session))
        mp_accounts_page_reload (self);
    }

  take_now (self);
  update_counts (self);
  update_shown (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.add", session != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.order", session != NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

gboolean
mp_accounts_page_get_loading (MpAccountsPage *self)
{
  g_return_val_if_fail (MP_IS_ACCOUNTS_PAGE (self), FALSE);

  return self->loading;
}

GListModel *
mp_accounts_page_get_shown (MpAccountsPage *self)
{
  g_return_val_if_fail (MP_IS_ACCOUNTS_PAGE (self), NULL);

  return G_LIST_MODEL (self->filter_model);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  mp_accounts_page_reload (MP_ACCOUNTS_PAGE (widget));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  mp_accounts_page_add_address (MP_ACCOUNTS_PAGE (widget));
}

static void
order_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  mp_accounts_page_order (MP_ACCOUNTS_PAGE (widget));
}

/* While another page is shown, Ctrl+F is that page's. */
static gboolean
focus_search_shortcut (GtkWidget *widget,
                       GVariant  *args,
                       gpointer   user_data)
{
  MpAccountsPage *self = MP_ACCOUNTS_PAGE (widget);

  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
mp_accounts_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MpAccountsPage *self = MP_ACCOUNTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_accounts_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MpAccountsPage *self = MP_ACCOUNTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      mp_accounts_page_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_accounts_page_dispose (GObject *object)
{
  MpAccountsPage *self = MP_ACCOUNTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->fit_idle_id, g_source_remove);
  g_clear_handle_id (&self->order_watch_id, g_source_remove);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  /* Tearing the columns down re-sorts: nothing may reach the half-disposed page. */
  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);

  /* AdwBin unparents its child itself; it must not find it gone already. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_ACCOUNTS_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (mp_accounts_page_parent_class)->dispose (object);
}

static void
mp_accounts_page_class_init (MpAccountsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_accounts_page_dispose;
  object_class->get_property = mp_accounts_page_get_property;
  object_class->set_property = mp_accounts_page_set_property;
  widget_class->map = mp_accounts_page_map;
  widget_class->measure = mp_accounts_page_measure;
  widget_class->size_allocate = mp_accounts_page_size_allocate;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         MP_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ADD_TOAST] =
    g_signal_new ("add-toast",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mailpost/Mailpost/pages/accounts/mp-accounts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MpAccountsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, MpAccountsPage, shown_label);
  gtk_widget_class_bind_template_child (widget_class, MpAccountsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MpAccountsPage, placeholders_button);
  gtk_widget_class_bind_template_child (widget_class, MpAccountsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, MpAccountsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, MpAccountsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, MpAccountsPage, row_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_placeholders_toggled);

  gtk_widget_class_install_action (widget_class, "accounts.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "accounts.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "accounts.order", NULL, order_action);
}

static void
mp_accounts_page_init (MpAccountsPage *self)
{
  GtkShortcutController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);

  self->cancellable = g_cancellable_new ();
  self->filter = mp_account_filter_new ();
  self->sort_model = gtk_sort_list_model_new (NULL,
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->filter_model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)),
                                                  g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->column_view, "activate",
                           G_CALLBACK (on_column_view_activate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (update_shown), self, G_CONNECT_SWAPPED);

  _mp_accounts_page_add_columns (self);

  /* Ctrl+F works from anywhere in the window while this page is shown, not only once the
   * focus is already inside it. */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (focus_search_shortcut,
                                                                                   NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (shortcuts));

  take_now (self);
  update_counts (self);
  update_shown (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.add", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.order", FALSE);
}
