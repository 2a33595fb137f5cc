/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-services-page.h"

struct _MpServicesPage
{
  AdwBin      parent_instance;

  /* Template widgets */
  GtkListBox *list_box;

  /* Owned references */
  GListModel *services;
};

G_DEFINE_FINAL_TYPE (MpServicesPage, mp_services_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SERVICES,
  N_PROPS
};

enum {
  SERVICE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  MpService *service = MP_SERVICE (item);
  GtkWidget *row;
  GtkWidget *state;

  /* Titles come from the server: never markup. */
  row = g_object_new (ADW_TYPE_ACTION_ROW,
                      "use-markup", FALSE,
                      "activatable", TRUE,
                      "title", mp_service_get_title (service),
                      "subtitle", mp_service_get_name (service),
                      NULL);
  g_object_set_data_full (G_OBJECT (row), "mp-service", g_object_ref (service), g_object_unref);

  state = gtk_label_new (mp_service_state_to_label (mp_service_get_state (service)));
  gtk_widget_add_css_class (state, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  return row;
}

static void
on_row_activated (MpServicesPage *self,
                  GtkListBoxRow  *row)
{
  MpService *service = g_object_get_data (G_OBJECT (row), "mp-service");

  if (service != NULL)
    g_signal_emit (self, signals[SERVICE_ACTIVATED], 0, service);
}

/* services.open("name"): opens a service by its name, as clicking its row does. */
static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MpServicesPage *self = MP_SERVICES_PAGE (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  guint n_items;

  if (self->services == NULL)
    return;

  n_items = g_list_model_get_n_items (self->services);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(MpService) service = g_list_model_get_item (self->services, i);

      if (g_strcmp0 (mp_service_get_name (service), name) == 0)
        {
          g_signal_emit (self, signals[SERVICE_ACTIVATED], 0, service);
          return;
        }
    }
}

GListModel *
mp_services_page_get_services (MpServicesPage *self)
{
  g_return_val_if_fail (MP_IS_SERVICES_PAGE (self), NULL);

  return self->services;
}

void
mp_services_page_set_services (MpServicesPage *self,
                               GListModel     *services)
{
  g_return_if_fail (MP_IS_SERVICES_PAGE (self));
  g_return_if_fail (services == NULL || G_IS_LIST_MODEL (services));

  if (!g_set_object (&self->services, services))
    return;

  gtk_list_box_bind_model (self->list_box, services, create_row, NULL, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICES]);
}

static void
mp_services_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MpServicesPage *self = MP_SERVICES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SERVICES:
      g_value_set_object (value, self->services);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_services_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MpServicesPage *self = MP_SERVICES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SERVICES:
      mp_services_page_set_services (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_services_page_dispose (GObject *object)
{
  MpServicesPage *self = MP_SERVICES_PAGE (object);

  /* AdwBin unparents its child itself; it must not find it gone already. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MP_TYPE_SERVICES_PAGE);
  g_clear_object (&self->services);

  G_OBJECT_CLASS (mp_services_page_parent_class)->dispose (object);
}

static void
mp_services_page_class_init (MpServicesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_services_page_dispose;
  object_class->get_property = mp_services_page_get_property;
  object_class->set_property = mp_services_page_set_property;

  properties[PROP_SERVICES] =
    g_param_spec_object ("services", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SERVICE_ACTIVATED] =
    g_signal_new ("service-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, MP_TYPE_SERVICE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mailpost/Mailpost/pages/services/mp-services-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MpServicesPage, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "services.open", "s", open_action);
}

static void
mp_services_page_init (MpServicesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
