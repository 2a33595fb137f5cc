/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-fuzz-replay.c: main() for a fuzz target built without libFuzzer.  Runs the target on
 * every file named on the command line or found in a directory named there, as one TAP test
 * per file, so each crash input kept in the corpus stays a regression test. */
#include "config.h"

#include <gio/gio.h>

#include "mp-fuzz.h"

static void
test_one_input (gconstpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  /* A copy of exactly length bytes, so ASan sees any read past the input's end. */
  {
    g_autofree guint8 *copy = g_memdup2 (contents, length);
    LLVMFuzzerTestOneInput (copy, length);
  }
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static void
add_file (const char *target,
          const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf ("/mailpost/fuzz/%s/%s", target, base);

  g_test_add_data_func_full (name, g_strdup (path), test_one_input, g_free);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *target = NULL;

  g_test_init (&argc, &argv, NULL);
  mp_fuzz_init ();
  target = g_path_get_basename (argv[0]);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GDir) dir = NULL;
      g_autoptr(GPtrArray) names = NULL;
      const char *entry;

      if (!g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          add_file (target, argv[i]);
          continue;
        }
      dir = g_dir_open (argv[i], 0, NULL);
      if (dir == NULL)
        continue;
      /* Sorted, so the TAP output is the same on every machine. */
      names = g_ptr_array_new_with_free_func (g_free);
      while ((entry = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_build_filename (argv[i], entry, NULL));
      g_ptr_array_sort (names, compare_paths);
      for (guint j = 0; j < names->len; j++)
        add_file (target, g_ptr_array_index (names, j));
    }
  return g_test_run ();
}
