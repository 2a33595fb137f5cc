/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sim-router.h"

struct _SimRoute
{
  char          *method;
  char         **segments;
  SimRouteFlags  flags;
  SimHandler     handler;
};

struct _SimRouter
{
  GPtrArray *routes;
};

static void
sim_route_free (SimRoute *route)
{
  g_free (route->method);
  g_strfreev (route->segments);
  g_free (route);
}

SimRouter *
sim_router_new (void)
{
  SimRouter *router = g_new0 (SimRouter, 1);

  router->routes = g_ptr_array_new_with_free_func ((GDestroyNotify) sim_route_free);
  return router;
}

void
sim_router_free (SimRouter *router)
{
  g_ptr_array_unref (router->routes);
  g_free (router);
}

/* "/a/b" → {"a", "b"}; "/" → {} */
static char **
split_path (const char *path)
{
  while (*path == '/')
    path++;
  if (*path == '\0')
    return g_new0 (char *, 1);
  return g_strsplit (path, "/", -1);
}

void
sim_router_add (SimRouter     *router,
                const char    *method,
                const char    *pattern,
                SimRouteFlags  flags,
                SimHandler     handler)
{
  SimRoute *route = g_new0 (SimRoute, 1);

  route->method = g_strdup (method);
  route->segments = split_path (pattern);
  route->flags = flags;
  route->handler = handler;
  g_ptr_array_add (router->routes, route);
}

static gboolean
is_param (const char *segment)
{
  gsize len = strlen (segment);

  return len > 2 && segment[0] == '{' && segment[len - 1] == '}';
}

static gboolean
route_matches_path (const SimRoute  *route,
                    char           **decoded,
                    guint            n_decoded,
                    GHashTable      *params)
{
  if (g_strv_length (route->segments) != n_decoded)
    return FALSE;

  for (guint i = 0; i < n_decoded; i++)
    {
      const char *segment = route->segments[i];

      if (decoded[i] == NULL)
        return FALSE;

      if (is_param (segment))
        {
          if (decoded[i][0] == '\0')
            return FALSE;
          if (params != NULL)
            g_hash_table_insert (params,
                                 g_strndup (segment + 1, strlen (segment) - 2),
                                 g_strdup (decoded[i]));
        }
      else if (strcmp (segment, decoded[i]) != 0)
        return FALSE;
    }

  return TRUE;
}

const SimRoute *
sim_router_match (SimRouter   *router,
                  const char  *method,
                  const char  *encoded_path,
                  GHashTable **params,
                  gboolean    *path_known)
{
  g_auto(GStrv) raw = split_path (encoded_path);
  guint n = g_strv_length (raw);
  g_autofree char **decoded = g_new0 (char *, n + 1);
  const SimRoute *found = NULL;

  *params = NULL;
  *path_known = FALSE;

  /* A segment that does not decode (a stray "%") matches nothing. */
  for (guint i = 0; i < n; i++)
    decoded[i] = g_uri_unescape_string (raw[i], NULL);

  for (guint i = 0; i < router->routes->len && found == NULL; i++)
    {
      const SimRoute *route = g_ptr_array_index (router->routes, i);
      g_autoptr(GHashTable) route_params = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                                  g_free, g_free);

      if (!route_matches_path (route, decoded, n, route_params))
        continue;

      if (strcmp (route->method, method) != 0)
        {
          *path_known = TRUE;
          continue;
        }

      found = route;
      *params = g_steal_pointer (&route_params);
    }

  for (guint i = 0; i < n; i++)
    g_free (decoded[i]);

  return found;
}

SimHandler
sim_route_get_handler (const SimRoute *route)
{
  return route->handler;
}

SimRouteFlags
sim_route_get_flags (const SimRoute *route)
{
  return route->flags;
}
