/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sim-validate.h: checks a PUT body against the writable fields of a schema model, the way
 * the provider refuses unknown properties and wrong types with a 400. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  SIM_FIELD_BOOLEAN,
  SIM_FIELD_INTEGER,
  SIM_FIELD_STRING,
  SIM_FIELD_OBJECT,
  SIM_FIELD_STRING_ARRAY,
} SimFieldType;

typedef struct
{
  const char   *name;
  SimFieldType  type;
  gboolean      nullable;
} SimField;

/* Fields of body that are not writable but exist in current (read-only ones) are ignored;
 * anything else unknown, or of the wrong type, is an error with the provider's wording. */
gboolean sim_validate_writable (JsonObject      *body,
                                const SimField  *fields,
                                guint            n_fields,
                                JsonObject      *current,
                                char           **message);
/* Copies the writable members of body into target (objects merge member by member). */
void     sim_apply_writable    (JsonObject      *target,
                                JsonObject      *body,
                                const SimField  *fields,
                                guint            n_fields);
/* Whether a string member, when present and not null, has min..max characters */
gboolean sim_validate_length   (JsonObject      *body,
                                const char      *member,
                                guint            min,
                                guint            max,
                                char           **message);

G_END_DECLS
