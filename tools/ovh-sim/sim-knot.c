/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "sim-knot.h"

static char *
zone_path (SimState *state,
           SimZone  *zone)
{
  g_autofree char *file = g_strconcat (zone->name, ".zone", NULL);

  return g_build_filename (state->zones_dir, file, NULL);
}

static gboolean
write_zone (SimState  *state,
            SimZone   *zone,
            GError   **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *path = zone_path (state, zone);

  g_string_append_printf (text, "; Written by mailpost-sim: zone %s, serial %u.\n$TTL 300\n",
                          zone->name, zone->serial);
  for (guint i = 0; i < zone->published->len; i++)
    {
      g_autofree char *line = mp_dns_record_to_zone_line (g_ptr_array_index (zone->published, i));

      g_string_append_printf (text, "%s\n", line);
    }

  /* Atomic, so Knot never reads half a file. */
  return g_file_set_contents (path, text->str, text->len, error);
}

void
sim_knot_write_zone (SimState *state,
                     SimZone  *zone)
{
  g_autoptr(GError) error = NULL;

  if (state->zones_dir != NULL && !write_zone (state, zone, &error))
    g_warning ("Could not write the zone %s: %s", zone->name, error->message);
}

static void
reload_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autofree char *zone_name = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_subprocess_wait_check_finish (G_SUBPROCESS (object), result, &error))
    g_warning ("knotc could not reload %s: %s", zone_name, error->message);
  else
    g_debug ("Knot reloaded %s", zone_name);
}

void
sim_knot_reload_zone (SimState *state,
                      SimZone  *zone)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  if (state->zones_dir == NULL || state->knot_socket == NULL)
    return;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                              "knotc", "-s", state->knot_socket, "zone-reload", zone->name, NULL);
  if (process == NULL)
    {
      g_warning ("Could not run knotc: %s", error->message);
      return;
    }
  g_subprocess_wait_check_async (process, NULL, reload_done_cb, g_strdup (zone->name));
}

gboolean
sim_knot_configure (SimState    *state,
                    const char  *zones_dir,
                    const char  *knot_socket,
                    GError     **error)
{
  g_autoptr(GString) config = g_string_new ("zone:\n");
  g_autofree char *config_path = NULL;

  g_clear_pointer (&state->zones_dir, g_free);
  g_clear_pointer (&state->knot_socket, g_free);
  if (zones_dir == NULL)
    return TRUE;

  if (g_mkdir_with_parents (zones_dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "cannot create %s", zones_dir);
      return FALSE;
    }
  state->zones_dir = g_canonicalize_filename (zones_dir, NULL);
  state->knot_socket = g_strdup (knot_socket);

  for (guint i = 0; state->zones != NULL && i < state->zones->len; i++)
    {
      SimZone *zone = g_ptr_array_index (state->zones, i);
      g_autofree char *path = zone_path (state, zone);

      if (!write_zone (state, zone, error))
        return FALSE;
      g_string_append_printf (config, "  - domain: \"%s\"\n    file: \"%s\"\n", zone->name, path);
    }

  config_path = g_build_filename (state->zones_dir, "knot-zones.conf", NULL);
  return g_file_set_contents (config_path, config->str, config->len, error);
}
