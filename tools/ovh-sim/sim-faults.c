/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>

#include "sim-faults.h"

typedef struct
{
  char         *method;
  GPatternSpec *glob;
  SimFaultKind  kind;
  guint         status;
  /* Either a probability, or a count of requests still to fail (count >= 0) */
  double        probability;
  gint64        count;
} SimFault;

struct _SimFaults
{
  GPtrArray *faults;
  GRand     *rand;
};

static void
sim_fault_free (SimFault *fault)
{
  g_free (fault->method);
  g_pattern_spec_free (fault->glob);
  g_free (fault);
}

SimFaults *
sim_faults_new (guint32 random_seed)
{
  SimFaults *faults = g_new0 (SimFaults, 1);

  faults->faults = g_ptr_array_new_with_free_func ((GDestroyNotify) sim_fault_free);
  faults->rand = g_rand_new_with_seed (random_seed);
  return faults;
}

void
sim_faults_free (SimFaults *faults)
{
  g_ptr_array_unref (faults->faults);
  g_rand_free (faults->rand);
  g_free (faults);
}

static gboolean
invalid (GError     **error,
         const char  *what,
         const char  *value)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               "invalid fault %s “%s”", what, value);
  return FALSE;
}

gboolean
sim_faults_add (SimFaults   *faults,
                const char  *method,
                const char  *path_glob,
                const char  *status,
                const char  *rate,
                GError     **error)
{
  SimFault fault = { 0, };
  guint64 number;

  if (method == NULL || *method == '\0')
    return invalid (error, "method", "");
  if (path_glob == NULL || path_glob[0] != '/')
    return invalid (error, "path", path_glob ? path_glob : "");

  if (g_strcmp0 (status, "cut") == 0)
    fault.kind = SIM_FAULT_CUT;
  else if (g_strcmp0 (status, "malformed") == 0)
    fault.kind = SIM_FAULT_MALFORMED;
  else if (status != NULL &&
           g_ascii_string_to_unsigned (status, 10, 100, 599, &number, NULL))
    {
      fault.kind = SIM_FAULT_STATUS;
      fault.status = number;
    }
  else
    return invalid (error, "status", status ? status : "");

  fault.count = -1;
  if (rate != NULL && rate[0] == 'x')
    {
      if (!g_ascii_string_to_unsigned (rate + 1, 10, 1, G_MAXINT32, &number, NULL))
        return invalid (error, "rate", rate);
      fault.count = number;
    }
  else
    {
      char *end = NULL;

      fault.probability = rate ? g_ascii_strtod (rate, &end) : -1;
      if (rate == NULL || end == rate || *end != '\0' ||
          fault.probability < 0 || fault.probability > 1)
        return invalid (error, "rate", rate ? rate : "");
    }

  fault.method = g_ascii_strup (method, -1);
  fault.glob = g_pattern_spec_new (path_glob);
  g_ptr_array_add (faults->faults, g_memdup2 (&fault, sizeof fault));
  return TRUE;
}

gboolean
sim_faults_add_spec (SimFaults   *faults,
                     const char  *spec,
                     GError     **error)
{
  const char *colon = strchr (spec, ':');
  const char *equals = strrchr (spec, '=');
  const char *rate_colon;
  g_autofree char *method = NULL;
  g_autofree char *path = NULL;
  g_autofree char *status = NULL;

  if (colon == NULL || equals == NULL || equals < colon)
    return invalid (error, "specification", spec);

  rate_colon = strchr (equals, ':');
  if (rate_colon == NULL)
    return invalid (error, "specification", spec);

  method = g_strndup (spec, colon - spec);
  path = g_strndup (colon + 1, equals - colon - 1);
  status = g_strndup (equals + 1, rate_colon - equals - 1);
  return sim_faults_add (faults, method, path, status, rate_colon + 1, error);
}

void
sim_faults_clear (SimFaults *faults)
{
  g_ptr_array_set_size (faults->faults, 0);
}

SimFaultKind
sim_faults_check (SimFaults  *faults,
                  const char *method,
                  const char *path,
                  guint      *status)
{
  for (guint i = 0; i < faults->faults->len; i++)
    {
      SimFault *fault = g_ptr_array_index (faults->faults, i);
      gboolean fires;

      if (strcmp (fault->method, "*") != 0 && strcmp (fault->method, method) != 0)
        continue;
      if (!g_pattern_spec_match_string (fault->glob, path))
        continue;

      if (fault->count >= 0)
        {
          fires = fault->count > 0;
          if (fires)
            fault->count--;
        }
      else
        fires = g_rand_double (faults->rand) < fault->probability;

      if (fires)
        {
          *status = fault->status;
          return fault->kind;
        }
    }

  *status = 0;
  return SIM_FAULT_NONE;
}
