/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "emailpro/mp-json.h"

static JsonNode *
get_value_member (JsonObject *object,
                  const char *member)
{
  JsonNode *node;

  if (object == NULL || member == NULL)
    return NULL;

  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  return node;
}

const char *
mp_json_get_string (JsonObject *object,
                    const char *member)
{
  JsonNode *node = get_value_member (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

gint64
mp_json_get_int (JsonObject *object,
                 const char *member,
                 gint64      default_value)
{
  JsonNode *node = get_value_member (object, member);
  GType type;

  if (node == NULL)
    return default_value;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    return json_node_get_int (node);

  /* Some serialisers write whole numbers as 12.0; anything fractional or out of range
   * is not the integer the schema promises. */
  if (type == G_TYPE_DOUBLE)
    {
      double value = json_node_get_double (node);

      if (isfinite (value) &&
          value >= (double) G_MININT64 && value < (double) G_MAXINT64 &&
          (double) (gint64) value == value)
        return (gint64) value;
    }

  return default_value;
}

gboolean
mp_json_get_boolean (JsonObject *object,
                     const char *member,
                     gboolean    default_value)
{
  JsonNode *node = get_value_member (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return default_value;

  return json_node_get_boolean (node);
}

GDateTime *
mp_json_get_date_time (JsonObject *object,
                       const char *member)
{
  const char *text = mp_json_get_string (object, member);
  g_autoptr(GTimeZone) utc = NULL;

  if (text == NULL || *text == '\0')
    return NULL;

  utc = g_time_zone_new_utc ();
  return g_date_time_new_from_iso8601 (text, utc);
}

/* Keyed by content; the key is the value.  Distinct objects are few in practice (the schema's
 * spamAndVirusConfiguration is seven booleans); past the cap, copies are no longer shared,
 * so a server sending a different object every time cannot grow the table without end. */
#define SHARED_OBJECTS_MAX 256

G_LOCK_DEFINE_STATIC (shared_objects);
static GHashTable *shared_objects;

static guint
object_hash (gconstpointer key)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  guint hash = 0;

  /* json_object_hash () wants a sealed object, and the parser's are not. */
  json_object_iter_init (&iter, (JsonObject *) key);
  while (json_object_iter_next (&iter, &name, &node))
    hash ^= g_str_hash (name) ^ (JSON_NODE_HOLDS_VALUE (node) ? json_node_hash (node)
                                                              : (guint) json_node_get_node_type (node));
  return hash;
}

static gboolean
object_equal (gconstpointer a,
              gconstpointer b)
{
  return json_object_equal ((gpointer) a, (gpointer) b);
}

/* A deep copy, so that the shared object keeps nothing of the parser's tree alive. */
static JsonObject *
object_copy_sealed (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
  g_autofree char *text = json_to_string (node, FALSE);
  g_autoptr(JsonNode) copy = json_from_string (text, NULL);

  g_assert (copy != NULL && JSON_NODE_HOLDS_OBJECT (copy));
  json_node_seal (copy);
  return json_object_ref (json_node_get_object (copy));
}

JsonObject *
mp_json_dup_shared_object (JsonObject *object)
{
  JsonObject *shared;

  g_return_val_if_fail (object != NULL, NULL);

  G_LOCK (shared_objects);
  if (shared_objects == NULL)
    shared_objects = g_hash_table_new_full (object_hash, object_equal,
                                            (GDestroyNotify) json_object_unref, NULL);
  shared = g_hash_table_lookup (shared_objects, object);
  if (shared == NULL)
    {
      shared = object_copy_sealed (object);
      if (g_hash_table_size (shared_objects) < SHARED_OBJECTS_MAX)
        g_hash_table_add (shared_objects, json_object_ref (shared));
      G_UNLOCK (shared_objects);
      return shared;
    }
  G_UNLOCK (shared_objects);
  return json_object_ref (shared);
}

gboolean
mp_json_set_string_field (char       **field,
                          const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}
