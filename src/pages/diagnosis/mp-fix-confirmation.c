/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mp-fix-confirmation.h"

static GtkWidget *
new_label (const char *text,
           const char *style_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (style_class != NULL)
    gtk_widget_add_css_class (label, style_class);
  return label;
}

static void
add_records (GtkBox     *box,
             const char *heading,
             GPtrArray  *records)
{
  if (records->len == 0)
    return;

  gtk_box_append (box, new_label (heading, "heading"));
  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *line = mp_dns_record_to_zone_line (g_ptr_array_index (records, i));

      gtk_box_append (box, new_label (line, "monospace"));
    }
}

AdwMessageDialog *
mp_fix_confirmation_new (GtkWindow    *parent,
                         MpDnsFixPlan *plan)
{
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  GtkWidget *box;

  g_return_val_if_fail (plan != NULL, NULL);

  /* Translators: %s is a DNS zone, e.g. "example.com" */
  heading = g_strdup_printf (_("Change the DNS Zone %s?"), plan->zone);
  dialog = adw_message_dialog_new (parent, heading,
                                   _("Mailpost will make exactly the changes below in your DNS zone "
                                     "at OVHcloud, then check the name servers until they show them."));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  if (plan->replaces_mx)
    gtk_box_append (GTK_BOX (box),
                    new_label (_("Your current incoming mail servers will be replaced. From then on, "
                                 "mail to this domain is delivered to E-Mail Pro only, not to the "
                                 "servers that receive it today."),
                               "warning"));
  if (plan->merges_spf)
    gtk_box_append (GTK_BOX (box),
                    new_label (_("Your SPF record is kept and the provider's servers are added to "
                                 "it, so the other services that send your mail still may."),
                               NULL));
  add_records (GTK_BOX (box), _("Records that will be deleted"), plan->remove);
  add_records (GTK_BOX (box), _("Records that will be created"), plan->add);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "apply", plan->replaces_mx ? _("_Replace and Fix") : _("_Fix"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply",
                                              plan->replaces_mx ? ADW_RESPONSE_DESTRUCTIVE
                                                                : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  return ADW_MESSAGE_DIALOG (dialog);
}
