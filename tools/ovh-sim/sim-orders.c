/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sim-accounts.h"
#include "sim-emailpro.h"
#include "sim-orders.h"
#include "sim-reply.h"

#define MIN_NUMBER 1
#define MAX_NUMBER 100
/* Monthly price of one mailbox, excluding tax, and the tax rate shown on the order */
#define MONTHLY_PRICE 1.69
#define TAX_RATE 0.20

/* The order API's durations for E-Mail Pro accounts: a number of months. */
static const char * const durations[] = { "01", "12", NULL };

static gint64 next_order_id = 1000001;

typedef struct
{
  SimState   *state;
  SimService *service;
  guint       number;
} Delivery;

static gboolean
deliver_placeholders (gpointer user_data)
{
  Delivery *delivery = user_data;

  for (guint i = 0; i < delivery->number; i++)
    sim_accounts_add_placeholder (delivery->state, delivery->service);
  g_debug ("order delivered %u placeholders to %s", delivery->number, delivery->service->name);
  return G_SOURCE_REMOVE;
}

static gboolean
read_number (SimRequest *request,
             const char *text,
             guint      *number)
{
  guint64 value;

  if (text == NULL ||
      !g_ascii_string_to_unsigned (text, 10, MIN_NUMBER, MAX_NUMBER, &value, NULL))
    {
      sim_reply_bad_request (request->msg, "[number] Invalid value: an integer from 1 to 100 was expected");
      return FALSE;
    }
  *number = value;
  return TRUE;
}

static JsonObject *
price (double value)
{
  JsonObject *object = json_object_new ();
  g_autofree char *text = g_strdup_printf ("%.2f €", value);

  json_object_set_string_member (object, "currencyCode", "EUR");
  json_object_set_string_member (object, "text", text);
  json_object_set_double_member (object, "value", value);
  return object;
}

/* order.Order; orderId and url are null for a quote (GET), set for a placed order. */
static JsonObject *
build_order (SimRequest *request,
             const char *duration,
             guint       number,
             gint64      order_id)
{
  JsonObject *order = json_object_new ();
  JsonObject *prices = json_object_new ();
  JsonArray *details = json_array_new ();
  JsonObject *detail = json_object_new ();
  double months = g_ascii_strtod (duration, NULL);
  double without_tax = MONTHLY_PRICE * months * number;
  g_autofree char *description = g_strdup_printf ("E-Mail Pro account x%u (%s months)", number, duration);

  json_object_set_object_member (prices, "withoutTax", price (without_tax));
  json_object_set_object_member (prices, "tax", price (without_tax * TAX_RATE));
  json_object_set_object_member (prices, "withTax", price (without_tax * (1 + TAX_RATE)));

  json_object_set_string_member (detail, "description", description);
  json_object_set_string_member (detail, "domain", request->params ? sim_request_get_param (request, "service") : "");
  json_object_set_int_member (detail, "quantity", number);
  json_object_set_object_member (detail, "totalPrice", price (without_tax));
  json_array_add_object_element (details, detail);

  json_object_set_array_member (order, "contracts", json_array_new ());
  json_object_set_array_member (order, "details", details);
  json_object_set_object_member (order, "prices", prices);
  if (order_id > 0)
    {
      g_autofree char *url = g_strdup_printf ("%s/sim-order/%" G_GINT64_FORMAT,
                                              sim_server_get_base_url (request->server), order_id);

      json_object_set_int_member (order, "orderId", order_id);
      json_object_set_string_member (order, "url", url);
    }
  else
    {
      json_object_set_null_member (order, "orderId");
      json_object_set_null_member (order, "url");
    }
  return order;
}

static gboolean
check_duration (SimRequest *request,
                const char *duration)
{
  if (g_strv_contains (durations, duration))
    return TRUE;
  sim_reply_object_missing (request->msg, "duration", duration);
  return FALSE;
}

static void
handle_list_durations (SimRequest *request)
{
  g_autoptr(JsonArray) array = json_array_new ();
  guint number;

  if (sim_emailpro_lookup_service (request) == NULL ||
      !read_number (request, sim_request_get_query (request, "number"), &number))
    return;

  for (guint i = 0; durations[i] != NULL; i++)
    json_array_add_string_element (array, durations[i]);
  sim_reply_json_array (request->msg, array);
}

static void
handle_quote (SimRequest *request)
{
  const char *duration = sim_request_get_param (request, "duration");
  g_autoptr(JsonObject) order = NULL;
  guint number;

  if (sim_emailpro_lookup_service (request) == NULL ||
      !check_duration (request, duration) ||
      !read_number (request, sim_request_get_query (request, "number"), &number))
    return;

  order = build_order (request, duration, number, 0);
  sim_reply_json_object (request->msg, order);
}

/* The order is taken as paid at once; its placeholders arrive three task steps later, as
 * the provider's delivery does some minutes after payment. */
static void
handle_order (SimRequest *request)
{
  SimService *service = sim_emailpro_lookup_service (request);
  const char *duration = sim_request_get_param (request, "duration");
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonObject) order = NULL;
  g_autofree char *number_text = NULL;
  Delivery *delivery;
  JsonNode *member;
  guint number;

  if (service == NULL || !check_duration (request, duration))
    return;
  if ((body = sim_request_body_object (request->msg)) == NULL)
    return;

  member = json_object_get_member (body, "number");
  if (member != NULL && JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_INT64)
    number_text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (member));
  if (!read_number (request, number_text, &number))
    return;

  order = build_order (request, duration, number, next_order_id++);
  delivery = g_new0 (Delivery, 1);
  delivery->state = request->state;
  delivery->service = service;
  delivery->number = number;
  g_timeout_add_full (G_PRIORITY_DEFAULT, MAX (request->state->task_ms * 3, 1),
                      deliver_placeholders, delivery, g_free);
  sim_reply_json_object (request->msg, order);
}

/* Where order.Order's url points: the simulator's stand-in for the payment page. */
static void
handle_order_page (SimRequest *request)
{
  g_autofree char *text = g_strdup_printf ("Order %s is paid. This is the simulator: the mailboxes "
                                           "appear as placeholders in a few seconds.",
                                           sim_request_get_param (request, "orderId"));

  sim_reply_html (request->msg, SOUP_STATUS_OK, "Order", text);
}

void
sim_orders_register (SimRouter *router)
{
  sim_router_add (router, "GET", "/order/email/pro/{service}/account", SIM_ROUTE_SIGNED, handle_list_durations);
  sim_router_add (router, "GET", "/order/email/pro/{service}/account/{duration}", SIM_ROUTE_SIGNED, handle_quote);
  sim_router_add (router, "POST", "/order/email/pro/{service}/account/{duration}", SIM_ROUTE_SIGNED, handle_order);
  sim_router_add (router, "GET", "/sim-order/{orderId}", SIM_ROUTE_UNSIGNED, handle_order_page);
}
