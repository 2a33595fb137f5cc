/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-copyable-row.h"
#include "mp-record-row.h"

struct _MpRecordRow
{
  AdwExpanderRow  parent_instance;

  /* Template widgets */
  MpCopyableRow  *name_row;
  MpCopyableRow  *type_row;
  MpCopyableRow  *value_row;

  MpDnsRecord    *record;
  char           *zone;
};

G_DEFINE_FINAL_TYPE (MpRecordRow, mp_record_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_RECORD,
  PROP_ZONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
strip_dot (const char *name)
{
  gsize len = strlen (name);

  if (len > 0 && name[len - 1] == '.')
    len--;
  return g_strndup (name, len);
}

char *
mp_record_row_dup_name (MpRecordRow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *zone = NULL;
  gsize name_len, zone_len;

  g_return_val_if_fail (MP_IS_RECORD_ROW (self), NULL);

  name = strip_dot (self->record->name);
  if (self->zone == NULL)
    return g_steal_pointer (&name);

  zone = strip_dot (self->zone);
  if (mp_dns_name_equal (name, zone))
    return g_strdup ("@");

  name_len = strlen (name);
  zone_len = strlen (zone);
  /* DNS hosts ask for the part before the zone ("_autodiscover._tcp"). */
  if (name_len > zone_len + 1
      && name[name_len - zone_len - 1] == '.'
      && mp_dns_name_equal (name + name_len - zone_len, zone))
    return g_strndup (name, name_len - zone_len - 1);

  return g_strconcat (name, ".", NULL);
}

char *
mp_record_row_dup_value (MpRecordRow *self)
{
  MpDnsRecord *record;

  g_return_val_if_fail (MP_IS_RECORD_ROW (self), NULL);

  record = self->record;
  switch (record->type)
    {
    case MP_DNS_RECORD_TYPE_MX:
      return g_strdup_printf ("%u %s.", record->priority, record->target);

    case MP_DNS_RECORD_TYPE_SRV:
      return g_strdup_printf ("%u %u %u %s.", record->priority, record->weight, record->port,
                              record->target);

    case MP_DNS_RECORD_TYPE_CNAME:
    case MP_DNS_RECORD_TYPE_NS:
      return g_strconcat (record->target, ".", NULL);

    case MP_DNS_RECORD_TYPE_A:
    case MP_DNS_RECORD_TYPE_AAAA:
    case MP_DNS_RECORD_TYPE_SOA:
    case MP_DNS_RECORD_TYPE_TXT:
    default:
      return g_strdup (record->data);
    }
}

static void
update (MpRecordRow *self)
{
  g_autofree char *line = NULL;
  g_autofree char *name = NULL;
  g_autofree char *value = NULL;
  g_autofree char *title = NULL;
  const char *type;

  if (self->record == NULL)
    return;

  line = mp_dns_record_to_zone_line (self->record);
  name = mp_record_row_dup_name (self);
  value = mp_record_row_dup_value (self);
  type = mp_dns_record_type_to_string (self->record->type);

  /* Translators: the heading of a DNS record to create, e.g. "MX record for @" */
  title = g_strdup_printf (_("%s record for %s"), type != NULL ? type : "?", name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), line);

  mp_copyable_row_set_value (self->name_row, name);
  mp_copyable_row_set_value (self->type_row, type);
  mp_copyable_row_set_value (self->value_row, value);
}

GtkWidget *
mp_record_row_new (MpDnsRecord *record,
                   const char  *zone)
{
  g_return_val_if_fail (record != NULL, NULL);

  return g_object_new (MP_TYPE_RECORD_ROW,
                       "zone", zone,
                       "record", record,
                       NULL);
}

MpDnsRecord *
mp_record_row_get_record (MpRecordRow *self)
{
  g_return_val_if_fail (MP_IS_RECORD_ROW (self), NULL);

  return self->record;
}

static void
mp_record_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MpRecordRow *self = MP_RECORD_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_boxed (value, self->record);
      break;

    case PROP_ZONE:
      g_value_set_string (value, self->zone);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_record_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  MpRecordRow *self = MP_RECORD_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      self->record = g_value_dup_boxed (value);
      update (self);
      break;

    case PROP_ZONE:
      self->zone = g_value_dup_string (value);
      update (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mp_record_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MP_TYPE_RECORD_ROW);

  G_OBJECT_CLASS (mp_record_row_parent_class)->dispose (object);
}

static void
mp_record_row_finalize (GObject *object)
{
  MpRecordRow *self = MP_RECORD_ROW (object);

  g_clear_pointer (&self->record, mp_dns_record_unref);
  g_clear_pointer (&self->zone, g_free);

  G_OBJECT_CLASS (mp_record_row_parent_class)->finalize (object);
}

static void
mp_record_row_class_init (MpRecordRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mp_record_row_dispose;
  object_class->finalize = mp_record_row_finalize;
  object_class->get_property = mp_record_row_get_property;
  object_class->set_property = mp_record_row_set_property;

  /* Both construct-only: a record row shows one record for its whole life. */
  properties[PROP_RECORD] =
    g_param_spec_boxed ("record", NULL, NULL,
                        MP_TYPE_DNS_RECORD,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZONE] =
    g_param_spec_string ("zone", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MP_TYPE_COPYABLE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mailpost/Mailpost/widgets/mp-record-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MpRecordRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, MpRecordRow, type_row);
  gtk_widget_class_bind_template_child (widget_class, MpRecordRow, value_row);
}

static void
mp_record_row_init (MpRecordRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
