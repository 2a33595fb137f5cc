/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sim-validate.h"

static const SimField *
find_field (const SimField *fields,
            guint           n_fields,
            const char     *name)
{
  for (guint i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].name, name))
      return &fields[i];
  return NULL;
}

static gboolean
value_has_type (JsonNode     *value,
                SimFieldType  type)
{
  switch (type)
    {
    case SIM_FIELD_BOOLEAN:
      return JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_BOOLEAN;
    case SIM_FIELD_INTEGER:
      return JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_INT64;
    case SIM_FIELD_STRING:
      return JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING;
    case SIM_FIELD_OBJECT:
      return JSON_NODE_HOLDS_OBJECT (value);
    case SIM_FIELD_STRING_ARRAY:
      if (!JSON_NODE_HOLDS_ARRAY (value))
        return FALSE;
      for (guint i = 0; i < json_array_get_length (json_node_get_array (value)); i++)
        {
          JsonNode *element = json_array_get_element (json_node_get_array (value), i);
          if (!value_has_type (element, SIM_FIELD_STRING))
            return FALSE;
        }
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
sim_validate_writable (JsonObject      *body,
                       const SimField  *fields,
                       guint            n_fields,
                       JsonObject      *current,
                       char           **message)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *value;

  json_object_iter_init (&iter, body);
  while (json_object_iter_next (&iter, &member, &value))
    {
      const SimField *field = find_field (fields, n_fields, member);

      if (field == NULL)
        {
          if (json_object_has_member (current, member))
            continue;
          *message = g_strdup_printf ("Invalid property: %s is not a property of this object", member);
          return FALSE;
        }

      if (JSON_NODE_HOLDS_NULL (value) ? !field->nullable : !value_has_type (value, field->type))
        {
          *message = g_strdup_printf ("[%s] Given data is not of the expected type", member);
          return FALSE;
        }
    }

  return TRUE;
}

void
sim_apply_writable (JsonObject     *target,
                    JsonObject     *body,
                    const SimField *fields,
                    guint           n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      JsonNode *value = json_object_get_member (body, fields[i].name);
      JsonNode *current = json_object_get_member (target, fields[i].name);

      if (value == NULL)
        continue;

      if (JSON_NODE_HOLDS_OBJECT (value) && current != NULL && JSON_NODE_HOLDS_OBJECT (current))
        {
          JsonObjectIter iter;
          const char *member;
          JsonNode *member_value;

          json_object_iter_init (&iter, json_node_get_object (value));
          while (json_object_iter_next (&iter, &member, &member_value))
            if (json_object_has_member (json_node_get_object (current), member))
              json_object_set_member (json_node_get_object (current), member,
                                      json_node_copy (member_value));
        }
      else
        {
          json_object_set_member (target, fields[i].name, json_node_copy (value));
        }
    }
}

gboolean
sim_validate_length (JsonObject  *body,
                     const char  *member,
                     guint        min,
                     guint        max,
                     char       **message)
{
  JsonNode *value = json_object_get_member (body, member);
  const char *text;
  glong length;

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return TRUE;

  text = json_node_get_string (value);
  length = g_utf8_validate (text, -1, NULL) ? g_utf8_strlen (text, -1) : -1;
  if (length < (glong) min || length > (glong) max)
    {
      *message = g_strdup_printf ("[%s] Given data (%s) must be between %u and %u characters long",
                                  member, text, min, max);
      return FALSE;
    }
  return TRUE;
}
