/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-accounts-page-columns.c: the accounts page's columns, their cells and their sorters.
 *
 * Cells are built once per recycled row (setup) and only filled on bind: no allocation
 * there beyond GTK's own, numbers are formatted on the stack, and what is long to compute
 * (a status's explanation, sizes in words) waits for a tooltip query.  Accounts change in
 * place (a rename, a task ending), so each bound cell follows its account's notify until it
 * is unbound. */
#include "config.h"

#include <glib/gi18n.h>

#include "emailpro/mp-account.h"
#include "mp-accounts-page-private.h"
#include "widgets/mp-usage-bar.h"

#define SECONDS_PER_DAY (24 * 60 * 60)

typedef void (*CellSetup) (MpAccountsPage *self,
                           GtkListItem    *list_item);
typedef void (*CellBind)  (MpAccountsPage *self,
                           GtkListItem    *list_item,
                           MpAccount      *account);

typedef struct
{
  MpAccountsPage *page;   /* unowned: the page owns the column view */
  CellSetup       setup;
  CellBind        bind;
} ColumnInfo;

static GQuark column_info_quark;

static MpAccount *
list_item_get_account (GtkListItem *list_item)
{
  return gtk_list_item_get_item (list_item);
}

static GtkWidget *
new_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  return label;
}

static void
set_label_text (GtkLabel   *label,
                const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (label), text) != 0)
    gtk_label_set_text (label, text);
}

static void
set_css_class (GtkWidget  *widget,
               const char *css_class,
               gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

/* Address */


/* A shortened text shows whole in its tooltip, made only when asked for. */
static gboolean
on_label_query_tooltip (GtkLabel   *label,
                        int         x,
                        int         y,
                        gboolean    keyboard,
                        GtkTooltip *tooltip)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_text (label));
  return TRUE;
}

static void
label_setup (MpAccountsPage *self,
             GtkListItem    *list_item)
{
  GtkWidget *label = new_label ();

  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (on_label_query_tooltip), NULL);
  gtk_list_item_set_child (list_item, label);
}

static void
address_setup (MpAccountsPage *self,
               GtkListItem    *list_item)
{
  GtkWidget *label = new_label ();

  /* However narrow the window, the address stays readable; the view scrolls instead. */
  gtk_label_set_width_chars (GTK_LABEL (label), 18);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (on_label_query_tooltip), NULL);
  gtk_list_item_set_child (list_item, label);
}

static void
address_bind (MpAccountsPage *self,
              GtkListItem    *list_item,
              MpAccount      *account)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);

  set_label_text (GTK_LABEL (label), mp_account_get_primary_email_address (account));
  set_css_class (label, "mp-placeholder", mp_account_get_is_placeholder (account));
}

/* Display name */

static void
display_name_bind (MpAccountsPage *self,
                   GtkListItem    *list_item,
                   MpAccount      *account)
{
  const char *name = mp_account_get_display_name (account);

  set_label_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                  name != NULL && *name != '\0' ? name : "—");
}

/* Status: an icon and a word, never a colour alone; what to do is in the tooltip and, for
 * spam, the ticket to answer right under the word. */

static const char *
status_icon_name (MpAccountStatus status)
{
  switch (status)
    {
    case MP_ACCOUNT_STATUS_SPAM_DETECTED:
      return "dialog-warning-symbolic";
    case MP_ACCOUNT_STATUS_SUSPENDED:
      return "action-unavailable-symbolic";
    case MP_ACCOUNT_STATUS_LOCKED:
      return "system-lock-screen-symbolic";
    case MP_ACCOUNT_STATUS_TASK_RUNNING:
      return "emblem-synchronizing-symbolic";
    case MP_ACCOUNT_STATUS_PLACEHOLDER:
      return "document-edit-symbolic";
    case MP_ACCOUNT_STATUS_READY:
    default:
      return "object-select-symbolic";
    }
}

static const char *
status_css_class (MpAccountStatus status)
{
  switch (status)
    {
    case MP_ACCOUNT_STATUS_SPAM_DETECTED:
      return "error";
    case MP_ACCOUNT_STATUS_SUSPENDED:
    case MP_ACCOUNT_STATUS_LOCKED:
      return "warning";
    case MP_ACCOUNT_STATUS_PLACEHOLDER:
      return "accent";
    case MP_ACCOUNT_STATUS_READY:
      return "success";
    case MP_ACCOUNT_STATUS_TASK_RUNNING:
    default:
      return "dim-label";
    }
}

static gboolean
on_status_query_tooltip (GtkWidget   *box,
                         int          x,
                         int          y,
                         gboolean     keyboard,
                         GtkTooltip  *tooltip,
                         GtkListItem *list_item)
{
  MpAccount *account = list_item_get_account (list_item);
  g_autofree char *text = NULL;

  if (account == NULL)
    return FALSE;

  text = mp_account_describe_status (account);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
status_setup (MpAccountsPage *self,
              GtkListItem    *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *label = new_label ();
  GtkWidget *detail = new_label ();

  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (texts), label);
  gtk_box_append (GTK_BOX (texts), detail);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_widget_add_css_class (box, "mp-account-status");
  gtk_widget_set_has_tooltip (box, TRUE);
  g_signal_connect (box, "query-tooltip", G_CALLBACK (on_status_query_tooltip), list_item);
  gtk_list_item_set_child (list_item, box);
}

static void
status_bind (MpAccountsPage *self,
             GtkListItem    *list_item,
             MpAccount      *account)
{
  static const MpAccountStatus all[] = {
    MP_ACCOUNT_STATUS_SPAM_DETECTED, MP_ACCOUNT_STATUS_SUSPENDED, MP_ACCOUNT_STATUS_LOCKED,
    MP_ACCOUNT_STATUS_TASK_RUNNING, MP_ACCOUNT_STATUS_PLACEHOLDER, MP_ACCOUNT_STATUS_READY,
  };
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *texts = gtk_widget_get_next_sibling (icon);
  GtkWidget *label = gtk_widget_get_first_child (texts);
  GtkWidget *detail = gtk_widget_get_next_sibling (label);
  MpAccountStatus status = mp_account_get_status (account);
  gint64 ticket = mp_account_get_spam_ticket_number (account);

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), status_icon_name (status));
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    set_css_class (icon, status_css_class (all[i]), all[i] == status);
  set_label_text (GTK_LABEL (label), mp_account_status_to_label (status));

  if (status == MP_ACCOUNT_STATUS_SPAM_DETECTED && ticket > 0)
    {
      char number[32];
      char text[96];

      g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, ticket);
      /* Translators: under "Spam detected": the support ticket to answer to unblock the
       * mailbox, e.g. "Answer ticket 123456" */
      g_snprintf (text, sizeof text, _("Answer ticket %s"), number);
      set_label_text (GTK_LABEL (detail), text);
      gtk_widget_set_visible (detail, TRUE);
    }
  else
    gtk_widget_set_visible (detail, FALSE);
}

/* Usage */

static void
usage_setup (MpAccountsPage *self,
             GtkListItem    *list_item)
{
  gtk_list_item_set_child (list_item, mp_usage_bar_new ());
}

static void
usage_bind (MpAccountsPage *self,
            GtkListItem    *list_item,
            MpAccount      *account)
{
  gint64 used = mp_account_get_current_usage (account);
  gint64 quota = mp_account_get_quota (account);

  /* The API counts in MB. */
  mp_usage_bar_set_usage (MP_USAGE_BAR (gtk_list_item_get_child (list_item)),
                          used >= 0 ? used * 1000 * 1000 : -1,
                          quota > 0 ? quota * 1000 * 1000 : 0);
}

/* Aliases */

static void
aliases_setup (MpAccountsPage *self,
               GtkListItem    *list_item)
{
  GtkWidget *label = new_label ();

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
aliases_bind (MpAccountsPage *self,
              GtkListItem    *list_item,
              MpAccount      *account)
{
  int count = mp_account_get_alias_count (account);
  char text[16];

  if (count < 0)
    g_strlcpy (text, "—", sizeof text);
  else
    g_snprintf (text, sizeof text, "%d", count);
  set_label_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

/* Last logon, relative to when the list was loaded. */

static gint64
local_day (MpAccountsPage *self,
           gint64          unix_time)
{
  gint64 local = unix_time + self->utc_offset_seconds;

  return local >= 0 ? local / SECONDS_PER_DAY : (local - SECONDS_PER_DAY + 1) / SECONDS_PER_DAY;
}

static void
format_last_logon (MpAccountsPage *self,
                   GDateTime      *date,
                   char           *text,
                   gsize           size)
{
  gint64 days;

  if (date == NULL)
    {
      g_strlcpy (text, _("Never"), size);
      return;
    }

  days = local_day (self, self->now_unix) - local_day (self, g_date_time_to_unix (date));
  if (days <= 0)
    g_strlcpy (text, _("Today"), size);
  else if (days == 1)
    g_strlcpy (text, _("Yesterday"), size);
  else if (days < 31)
    g_snprintf (text, size, g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", days),
                (int) days);
  else if (days < 365)
    g_snprintf (text, size, g_dngettext (GETTEXT_PACKAGE, "%d month ago", "%d months ago",
                                         days / 30),
                (int) (days / 30));
  else
    g_snprintf (text, size, g_dngettext (GETTEXT_PACKAGE, "%d year ago", "%d years ago",
                                         days / 365),
                (int) (days / 365));
}

static void
last_logon_bind (MpAccountsPage *self,
                 GtkListItem    *list_item,
                 MpAccount      *account)
{
  char text[64];

  format_last_logon (self, mp_account_get_last_logon_date (account), text, sizeof text);
  set_label_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

/* Actions: a Configure button on placeholders and the row menu.  The row's actions live in
 * one action group per recycled cell, acting on whatever account the cell shows. */

static MpAccount *
cell_get_account (GtkWidget *cell)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (cell), "list-item");

  return list_item != NULL ? list_item_get_account (list_item) : NULL;
}

#define DEFINE_ROW_ACTION(name, page_function)                                          \
  static void                                                                           \
  name (GSimpleAction *action,                                                          \
        GVariant      *parameter,                                                       \
        gpointer       cell)                                                            \
  {                                                                                     \
    GtkWidget *page = gtk_widget_get_ancestor (cell, MP_TYPE_ACCOUNTS_PAGE);            \
    MpAccount *account = cell_get_account (cell);                                       \
                                                                                        \
    if (page != NULL && account != NULL)                                                \
      page_function (MP_ACCOUNTS_PAGE (page), account);                                 \
  }

DEFINE_ROW_ACTION (row_configure, mp_accounts_page_configure)
DEFINE_ROW_ACTION (row_change_password, mp_accounts_page_change_password)
DEFINE_ROW_ACTION (row_aliases, mp_accounts_page_show_aliases)
DEFINE_ROW_ACTION (row_diagnose, mp_accounts_page_diagnose)
DEFINE_ROW_ACTION (row_reset, mp_accounts_page_confirm_reset)

static const GActionEntry row_actions[] = {
  { .name = "configure", .activate = row_configure },
  { .name = "change-password", .activate = row_change_password },
  { .name = "aliases", .activate = row_aliases },
  { .name = "diagnose", .activate = row_diagnose },
  { .name = "reset", .activate = row_reset },
};

/* The menu is built on the first click: a filter keystroke may bring dozens of fresh rows
 * into view, and a popover menu each would cost more than the rest of the row. */
static void
create_row_menu (GtkMenuButton *button,
                 gpointer       user_data)
{
  MpAccountsPage *self = user_data;

  gtk_menu_button_set_menu_model (button, self->row_menu);
}

static void
actions_setup (MpAccountsPage *self,
               GtkListItem    *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *configure = gtk_button_new_with_mnemonic (_("_Configure"));
  GtkWidget *menu = gtk_menu_button_new ();
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), row_actions,
                                   G_N_ELEMENTS (row_actions), box);
  gtk_widget_insert_action_group (box, "row", G_ACTION_GROUP (group));
  g_object_set_data (G_OBJECT (box), "list-item", list_item);
  g_object_set_data (G_OBJECT (box), "row-actions", group);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (configure), "row.configure");
  gtk_widget_set_valign (configure, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (configure, "suggested-action");
  gtk_widget_set_tooltip_text (configure, _("Give this address a name and a password"));

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "view-more-symbolic");
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (menu), create_row_menu, self, NULL);
  gtk_widget_set_valign (menu, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (menu, _("More Actions"));
  gtk_widget_add_css_class (menu, "flat");

  gtk_widget_set_halign (box, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (box), configure);
  gtk_box_append (GTK_BOX (box), menu);
  gtk_list_item_set_child (list_item, box);
}

static void
set_row_action_enabled (GActionMap *group,
                        const char *name,
                        gboolean    enabled)
{
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (group, name)),
                               enabled);
}

static void
actions_bind (MpAccountsPage *self,
              GtkListItem    *list_item,
              MpAccount      *account)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GActionMap *group = g_object_get_data (G_OBJECT (box), "row-actions");
  gboolean placeholder = mp_account_get_is_placeholder (account);
  gboolean busy = mp_account_get_status (account) == MP_ACCOUNT_STATUS_TASK_RUNNING;

  gtk_widget_set_visible (gtk_widget_get_first_child (box), placeholder);
  /* A placeholder has no password and no mail yet: configuring it comes first. */
  set_row_action_enabled (group, "configure", !busy);
  set_row_action_enabled (group, "change-password", !placeholder && !busy);
  set_row_action_enabled (group, "aliases", !placeholder);
  set_row_action_enabled (group, "diagnose", !placeholder && !busy);
  set_row_action_enabled (group, "reset", !placeholder && !busy);
}

/* Sorters */

static int
compare_status (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return (int) mp_account_get_status ((MpAccount *) a)
         - (int) mp_account_get_status ((MpAccount *) b);
}

static int
compare_usage (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  double x = mp_account_get_usage_fraction ((MpAccount *) a);
  double y = mp_account_get_usage_fraction ((MpAccount *) b);

  return (x > y) - (x < y);
}

static int
compare_aliases (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  int x = mp_account_get_alias_count ((MpAccount *) a);
  int y = mp_account_get_alias_count ((MpAccount *) b);

  return (x > y) - (x < y);
}

static int
compare_last_logon (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  GDateTime *x = mp_account_get_last_logon_date ((MpAccount *) a);
  GDateTime *y = mp_account_get_last_logon_date ((MpAccount *) b);

  /* Never signed in sorts as the oldest. */
  if (x == NULL || y == NULL)
    return (x != NULL) - (y != NULL);
  return g_date_time_compare (x, y);
}

static GtkSorter *
string_sorter (const char *property)
{
  return GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (MP_TYPE_ACCOUNT, NULL,
                                                                         property)));
}

/* Factories */

static void
on_account_notify (GtkListItem *list_item)
{
  ColumnInfo *info = g_object_get_qdata (G_OBJECT (list_item), column_info_quark);
  MpAccount *account = list_item_get_account (list_item);

  if (account != NULL)
    info->bind (info->page, list_item, account);
}

static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          ColumnInfo               *info)
{
  g_object_set_qdata (G_OBJECT (list_item), column_info_quark, info);
  info->setup (info->page, list_item);
}

static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         ColumnInfo               *info)
{
  MpAccount *account = list_item_get_account (list_item);

  info->bind (info->page, list_item, account);
  g_signal_connect_swapped (account, "notify", G_CALLBACK (on_account_notify), list_item);
}

static void
on_unbind (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           ColumnInfo               *info)
{
  MpAccount *account = list_item_get_account (list_item);

  if (account != NULL)
    g_signal_handlers_disconnect_by_func (account, on_account_notify, list_item);
}

static void
free_column_info (gpointer  data,
                  GClosure *closure)
{
  g_free (data);
}

static GtkColumnViewColumn *
add_column (MpAccountsPage *self,
            const char     *title,
            CellSetup       setup,
            CellBind        bind,
            GtkSorter      *sorter,
            int             fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  ColumnInfo *info = g_new0 (ColumnInfo, 1);
  GtkColumnViewColumn *column;

  info->page = self;
  info->setup = setup;
  info->bind = bind;
  g_signal_connect_data (factory, "setup", G_CALLBACK (on_setup), info, free_column_info, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind), info);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind), info);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  else
    gtk_column_view_column_set_expand (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);

  g_clear_object (&sorter);
  /* The column view holds the column. */
  g_object_unref (column);
  return column;
}

void
_mp_accounts_page_add_columns (MpAccountsPage *self)
{
  GtkColumnViewColumn *address;

  if (column_info_quark == 0)
    column_info_quark = g_quark_from_static_string ("mp-accounts-page-column");

  address = add_column (self, _("Address"), address_setup, address_bind,
                        string_sorter ("primary-email-address"), 0);
  self->display_name_column = add_column (self, _("Display Name"), label_setup, display_name_bind,
                                          string_sorter ("display-name"), 180);
  add_column (self, _("Status"), status_setup, status_bind,
              GTK_SORTER (gtk_custom_sorter_new (compare_status, NULL, NULL)), 180);
  self->usage_column = add_column (self, _("Mailbox Usage"), usage_setup, usage_bind,
                                   GTK_SORTER (gtk_custom_sorter_new (compare_usage, NULL, NULL)),
                                   140);
  self->aliases_column = add_column (self, _("Aliases"), aliases_setup, aliases_bind,
                                     GTK_SORTER (gtk_custom_sorter_new (compare_aliases,
                                                                        NULL, NULL)), 70);
  self->last_logon_column = add_column (self, _("Last Logon"), label_setup, last_logon_bind,
                                        GTK_SORTER (gtk_custom_sorter_new (compare_last_logon,
                                                                           NULL, NULL)), 110);
  gtk_column_view_column_set_resizable (add_column (self, NULL, actions_setup, actions_bind,
                                                    NULL, 160),
                                        FALSE);

  gtk_column_view_sort_by_column (self->column_view, address, GTK_SORT_ASCENDING);
}

MpAccountsWidthTier
_mp_accounts_page_width_tier (int width)
{
  if (width < 700)
    return MP_ACCOUNTS_WIDTH_NARROW;
  if (width < 1000)
    return MP_ACCOUNTS_WIDTH_MEDIUM;
  return MP_ACCOUNTS_WIDTH_WIDE;
}

void
_mp_accounts_page_fit_columns (MpAccountsPage      *self,
                               MpAccountsWidthTier  tier)
{
  self->width_tier = tier;
  gtk_column_view_column_set_visible (self->display_name_column, tier != MP_ACCOUNTS_WIDTH_NARROW);
  gtk_column_view_column_set_visible (self->usage_column, tier != MP_ACCOUNTS_WIDTH_NARROW);
  gtk_column_view_column_set_visible (self->aliases_column, tier == MP_ACCOUNTS_WIDTH_WIDE);
  gtk_column_view_column_set_visible (self->last_logon_column, tier == MP_ACCOUNTS_WIDTH_WIDE);
}
