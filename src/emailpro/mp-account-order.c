/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "api/mp-ovh-error-private.h"
#include "emailpro/mp-account-order.h"
#include "emailpro/mp-json.h"

G_DEFINE_BOXED_TYPE (MpAccountOrder, mp_account_order, mp_account_order_copy, mp_account_order_free)

static char *
dup_price_text (JsonObject *prices,
                const char *member)
{
  JsonNode *node = prices != NULL ? json_object_get_member (prices, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return g_strdup (mp_json_get_string (json_node_get_object (node), "text"));
}

MpAccountOrder *
mp_account_order_new_from_json (JsonNode  *node,
                                GError   **error)
{
  MpAccountOrder *order;
  JsonObject *object;
  JsonNode *prices;
  const char *url = NULL;

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    url = mp_json_get_string (json_node_get_object (node), "url");
  if (url == NULL || *url == '\0')
    {
      g_debug ("Order answer is not an object with a \"url\" string");
      g_propagate_error (error, mp_ovh_error_new_for_code (MP_OVH_ERROR_MALFORMED));
      return NULL;
    }

  object = json_node_get_object (node);
  prices = json_object_get_member (object, "prices");
  order = g_new0 (MpAccountOrder, 1);
  order->order_id = mp_json_get_int (object, "orderId", 0);
  order->url = g_strdup (url);
  if (prices != NULL && JSON_NODE_HOLDS_OBJECT (prices))
    {
      order->price_text = dup_price_text (json_node_get_object (prices), "withTax");
      order->price_without_tax_text = dup_price_text (json_node_get_object (prices), "withoutTax");
    }
  return order;
}

MpAccountOrder *
mp_account_order_copy (const MpAccountOrder *order)
{
  MpAccountOrder *copy = g_new0 (MpAccountOrder, 1);

  copy->order_id = order->order_id;
  copy->url = g_strdup (order->url);
  copy->price_text = g_strdup (order->price_text);
  copy->price_without_tax_text = g_strdup (order->price_without_tax_text);
  return copy;
}

void
mp_account_order_free (MpAccountOrder *order)
{
  if (order == NULL)
    return;
  g_free (order->url);
  g_free (order->price_text);
  g_free (order->price_without_tax_text);
  g_free (order);
}

/* The order API names durations as ISO 8601 periods ("P1M", "P12M", "P1Y"); older answers
 * use a bare number of months ("01", "12"). */
char *
mp_account_order_describe_duration (const char *duration)
{
  guint64 number = 0;
  char unit = 'M';
  const char *digits;
  g_autofree char *number_text = NULL;

  if (duration == NULL)
    return g_strdup ("");

  digits = duration[0] == 'P' ? duration + 1 : duration;
  number_text = g_strndup (digits, strspn (digits, "0123456789"));
  if (*number_text == '\0' ||
      !g_ascii_string_to_unsigned (number_text, 10, 1, 1200, &number, NULL))
    return g_strdup (duration);

  if (duration[0] == 'P')
    {
      unit = digits[strlen (number_text)];
      if ((unit != 'M' && unit != 'Y') || digits[strlen (number_text) + 1] != '\0')
        return g_strdup (duration);
    }
  else if (digits[strlen (number_text)] != '\0')
    return g_strdup (duration);

  if (unit == 'M' && number % 12 == 0)
    {
      unit = 'Y';
      number /= 12;
    }

  if (unit == 'Y')
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u year", "%u years", number), (guint) number);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month", "%u months", number), (guint) number);
}
