/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-task-functions.c: what each email.pro.TaskFunctionEnum value means, in words. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "emailpro/mp-task.h"

typedef struct
{
  const char *function;
  const char *label;
} FunctionLabel;

/* Sorted by function name, as in the schema, for bsearch. */
static const FunctionLabel function_labels[] = {
  { "addAccount",                N_("Adding an account") },
  { "addAlias",                  N_("Adding an alias") },
  { "addDomain",                 N_("Adding a domain") },
  { "addDomainDKIM",             N_("Adding a DKIM key to a domain") },
  { "addDomainDisclaimer",       N_("Adding a domain disclaimer") },
  { "addExternalContact",        N_("Adding an external contact") },
  { "addFullAccess",             N_("Granting full access to a mailbox") },
  { "addSendAs",                 N_("Granting the right to send as another account") },
  { "addSendOnBehalfTo",         N_("Granting the right to send on behalf of another account") },
  { "addServiceAuthorizedIp",    N_("Authorizing an IP address") },
  { "changeHostname",            N_("Changing the host name") },
  { "changePassword",            N_("Changing a password") },
  { "configureCustomer",         N_("Setting up the customer") },
  { "deleteAccount",             N_("Deleting an account") },
  { "deleteAlias",               N_("Deleting an alias") },
  { "deleteDomain",              N_("Removing a domain") },
  { "deleteDomainDKIM",          N_("Removing a DKIM key from a domain") },
  { "deleteDomainDisclaimer",    N_("Removing a domain disclaimer") },
  { "deleteExternalContact",     N_("Deleting an external contact") },
  { "deleteFullAccess",          N_("Revoking full access to a mailbox") },
  { "deleteSendAs",              N_("Revoking the right to send as another account") },
  { "deleteSendOnBehalfTo",      N_("Revoking the right to send on behalf of another account") },
  { "deleteService",             N_("Deleting the service") },
  { "deleteServiceAuthorizedIp", N_("Removing an authorized IP address") },
  { "diagnoseAccount",           N_("Diagnosing an account") },
  { "disableDKIM",               N_("Turning DKIM signing off") },
  { "enableDKIM",                N_("Turning DKIM signing on") },
  { "expandDrive",               N_("Expanding the storage") },
  { "installServer",             N_("Installing the server") },
  { "maintenance",               N_("Maintenance by the provider") },
  { "migrateAccountViaOMM",      N_("Migrating an account with the migration tool") },
  { "migrationAccount",          N_("Migrating an account") },
  { "migrationDisclaimer",       N_("Migrating a disclaimer") },
  { "migrationExternalContact",  N_("Migrating an external contact") },
  { "migrationHistory",          N_("Migrating the history") },
  { "migrationService",          N_("Migrating the service") },
  { "reOpenAccount",             N_("Reopening an account") },
  { "setAccount",                N_("Changing an account") },
  { "setAlias",                  N_("Changing an alias") },
  { "setDns",                    N_("Updating DNS records") },
  { "setDomain",                 N_("Changing a domain") },
  { "setDomainDisclaimer",       N_("Changing a domain disclaimer") },
  { "setExternalContact",        N_("Changing an external contact") },
  { "setService",                N_("Changing the service settings") },
  { "suspendAccount",            N_("Suspending an account") },
  { "suspendService",            N_("Suspending the service") },
  { "unknown",                   N_("An operation the provider does not name") },
  { "unsuspendAccount",          N_("Reactivating an account") },
  { "unsuspendService",          N_("Reactivating the service") },
};

static int
compare_function (const void *key,
                  const void *entry)
{
  return strcmp (key, ((const FunctionLabel *) entry)->function);
}

const char *
mp_task_function_get_label (const char *function)
{
  const FunctionLabel *found;

  if (function == NULL)
    function = "unknown";

  found = bsearch (function, function_labels, G_N_ELEMENTS (function_labels),
                   sizeof function_labels[0], compare_function);

  /* The provider adds functions over time; its own name beats no label at all. */
  if (found == NULL)
    return function;

  return _(found->label);
}
