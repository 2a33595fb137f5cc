/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "emailpro/mp-account.h"
#include "mp-account-filter.h"

struct _MpAccountFilter
{
  GtkFilter  parent_instance;

  char      *search_text;   /* as typed */
  char      *needle;        /* casefolded and trimmed; NULL when empty */
  guint      placeholders_only : 1;
};

G_DEFINE_FINAL_TYPE (MpAccountFilter, mp_account_filter, GTK_TYPE_FILTER)

enum {
  PROP_0,
  PROP_SEARCH_TEXT,
  PROP_PLACEHOLDERS_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
mp_account_filter_match (GtkFilter *filter,
                         gpointer   item)
{
  MpAccountFilter *self = MP_ACCOUNT_FILTER (filter);
  MpAccount *account = item;

  if (self->placeholders_only && !mp_account_get_is_placeholder (account))
    return FALSE;
  if (self->needle == NULL)
    return TRUE;

  return strstr (mp_account_get_search_text (account), self->needle) != NULL;
}

static GtkFilterMatch
mp_account_filter_get_strictness (GtkFilter *filter)
{
  MpAccountFilter *self = MP_ACCOUNT_FILTER (filter);

  if (self->needle == NULL && !self->placeholders_only)
    return GTK_FILTER_MATCH_ALL;
  return GTK_FILTER_MATCH_SOME;
}

static char *
make_needle (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*trimmed == '\0')
    return NULL;
  /* Folded like mp_account_get_search_text, so "MÜLLER" finds "Müller". */
  return g_utf8_casefold (trimmed, -1);
}

const char *
mp_account_filter_get_search_text (MpAccountFilter *self)
{
  g_return_val_if_fail (MP_IS_ACCOUNT_FILTER (self), NULL);

  return self->search_text != NULL ? self->search_text : "";
}

void
mp_account_filter_set_search_text (MpAccountFilter *self,
                                   const char      *text)
{
  g_autofree char *needle = NULL;
  GtkFilterChange change;

  g_return_if_fail (MP_IS_ACCOUNT_FILTER (self));

  if (g_strcmp0 (text, self->search_text) == 0)
    return;

  g_free (self->search_text);
  self->search_text = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);

  needle = make_needle (text);
  if (g_strcmp0 (needle, self->needle) == 0)
    return;

  /* Whatever contains the longer text also contains the shorter one. */
  if (self->needle == NULL || (needle != NULL && strstr (needle, self->needle) != NULL))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (needle == NULL || strstr (self->needle, needle) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  gtk_filter_changed (GTK_FILTER (self), change);
}

gboolean
mp_account_filter_get_placeholders_only (MpAccountFilter *self)
{
  g_return_val_if_fail (MP_IS_ACCOUNT_FILTER (self), FALSE);

  return self->placeholders_only;
}

void
mp_account_filter_set_placeholders_only (MpAccountFilter *self,
                                         gboolean         placeholders_only)
{
  g_return_if_fail (MP_IS_ACCOUNT_FILTER (self));

  placeholders_only = !!placeholders_only;
  if (self->placeholders_only == placeholders_only)
    return;

  self->placeholders_only = placeholders_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACEHOLDERS_ONLY]);
  gtk_filter_changed (GTK_FILTER (self),
                      placeholders_only ? GTK_FILTER_CHANGE_MORE_STRICT
                                        : GTK_FILTER_CHANGE_LESS_STRICT);
}

MpAccountFilter *
mp_account_filter_new (void)
{
  return g_object_new (MP_TYPE_ACCOUNT_FILTER, NULL);
}

static void
mp_account_filter_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MpAccountFilter *self = MP_ACCOUNT_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, mp_account_filter_get_search_text (self));
      break;

    case PROP_PLACEHOLDERS_ONLY:
      g_value_set_boolean (value, self->placeholders_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_account_filter_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MpAccountFilter *self = MP_ACCOUNT_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH_TEXT:
      mp_account_filter_set_search_text (self, g_value_get_string (value));
      break;

    case PROP_PLACEHOLDERS_ONLY:
      mp_account_filter_set_placeholders_only (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_account_filter_finalize (GObject *object)
{
  MpAccountFilter *self = MP_ACCOUNT_FILTER (object);

  g_free (self->search_text);
  g_free (self->needle);

  G_OBJECT_CLASS (mp_account_filter_parent_class)->finalize (object);
}

static void
mp_account_filter_class_init (MpAccountFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->finalize = mp_account_filter_finalize;
  object_class->get_property = mp_account_filter_get_property;
  object_class->set_property = mp_account_filter_set_property;
  filter_class->match = mp_account_filter_match;
  filter_class->get_strictness = mp_account_filter_get_strictness;

  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACEHOLDERS_ONLY] =
    g_param_spec_boolean ("placeholders-only", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mp_account_filter_init (MpAccountFilter *self)
{
}
