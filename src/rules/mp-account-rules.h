/* SPDX-License-Identifier: GPL-3.0-or-later */
/* mp-account-rules.h: the rules an account's address, names and password must follow.
 *
 * Pure functions, no I/O: the configure dialog runs them on every keystroke to tick a
 * checklist, and the session runs them again before any request.  The guide
 * (reference/000_6b2ba25b9e6fe79c.txt, step 4) contradicts itself in places; DESIGN.md
 * "src/rules/" settles it:
 *
 * - login (the part before "@", also an alias's): 2 to 32 characters; ASCII letters,
 *   digits, "." "-" "_"; no dot at the start, at the end or twice in a row.  The guide also
 *   lists ",", which is not valid unquoted in an address: it is refused with its own reason.
 * - password: the guide's 9 to 30 characters, or the service's minPasswordLength when that
 *   is longer; no accented letters (nothing outside printable ASCII); no spaces; at least one
 *   upper-case letter, one lower-case letter and one digit (which also satisfies the
 *   provider's complexityEnabled, 3 of 4 character classes); never containing a part of the
 *   login or of the display name, where parts are the pieces of 3 or more characters left
 *   after splitting on "," "." "-" "_" "£" and white space, compared case-insensitively.
 * - first and last name: at most 64 characters (the provider's panel); display name: at
 *   most 256; none may contain control characters.
 *
 * Every rule is reported on its own as an MpRuleResult {id, translated description, met},
 * and the *_error functions return the first failed rule's reason as one translated
 * sentence, or NULL when everything holds.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MP_LOGIN_MIN_LENGTH     2
#define MP_LOGIN_MAX_LENGTH     32
#define MP_PASSWORD_MIN_LENGTH  9
#define MP_PASSWORD_MAX_LENGTH  30
#define MP_PERSON_NAME_MAX_LENGTH   64
#define MP_DISPLAY_NAME_MAX_LENGTH  256
#define MP_NAME_PART_MIN_LENGTH 3

/* One id per rule, in the order a checklist shows them. */
typedef enum
{
  MP_LOGIN_RULE_NOT_EMPTY,
  MP_LOGIN_RULE_LENGTH,         /* 2 to 32 characters */
  MP_LOGIN_RULE_CHARACTERS,     /* letters, digits, dot, hyphen, underscore; a comma has its own reason */
  MP_LOGIN_RULE_DOTS,           /* no dot first, last or doubled */
} MpLoginRule;

typedef enum
{
  MP_PASSWORD_RULE_LENGTH,        /* 9 (or the service's minimum) to 30 characters */
  MP_PASSWORD_RULE_NO_ACCENTS,    /* only unaccented letters, digits and symbols */
  MP_PASSWORD_RULE_NO_SPACES,
  MP_PASSWORD_RULE_UPPER_CASE,
  MP_PASSWORD_RULE_LOWER_CASE,
  MP_PASSWORD_RULE_DIGIT,
  MP_PASSWORD_RULE_NO_NAME_PARTS, /* no part of the login or display name */
  MP_PASSWORD_RULE_CONFIRMED,     /* equals the confirmation; only when one is given */
} MpPasswordRule;

/* The outcome of one rule for one input.  description is the checklist line, the same
 * whether met or not ("Between 9 and 30 characters"); reason is the sentence for a refusal
 * ("The password is too short: use at least 9 characters.") and NULL when met. */
typedef struct
{
  int       id;            /* an MpLoginRule or MpPasswordRule */
  char     *description;   /* translated */
  gboolean  met;
  char     *reason;        /* translated, NULL when met */
} MpRuleResult;

#define MP_TYPE_RULE_RESULT (mp_rule_result_get_type ())
GType         mp_rule_result_get_type (void) G_GNUC_CONST;
MpRuleResult *mp_rule_result_copy     (const MpRuleResult *result);
void          mp_rule_result_free     (MpRuleResult       *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MpRuleResult, mp_rule_result_free)

/* What a password is checked against besides itself.  Any pointer may be NULL. */
typedef struct
{
  const char *login;              /* the part before "@" */
  const char *display_name;
  const char *confirmation;       /* NULL: no MP_PASSWORD_RULE_CONFIRMED line */
  gint64      min_length;         /* the service's minPasswordLength, -1 or 0: none */
  gboolean    complexity_enabled; /* the service's complexityEnabled */
} MpPasswordContext;

/* Every login rule, in MpLoginRule order: a GPtrArray of MpRuleResult (freeing the array
 * frees them).  login may be NULL (read as ""). */
GPtrArray    *mp_account_rules_check_login      (const char              *login);
/* The first failed login rule's reason, or NULL. */
char         *mp_account_rules_login_error      (const char              *login);

/* Every password rule, in MpPasswordRule order (CONFIRMED only when context->confirmation
 * is set).  context may be NULL.  The password itself never appears in a description or a
 * reason. */
GPtrArray    *mp_account_rules_check_password   (const char              *password,
                                                 const MpPasswordContext *context);
char         *mp_account_rules_password_error   (const char              *password,
                                                 const MpPasswordContext *context);

/* The length the password must at least have: the guide's 9 or the service's minimum,
 * whichever is longer; and at most: 30, or the minimum when the service asks for more. */
guint         mp_account_rules_password_min_length (const MpPasswordContext *context);
guint         mp_account_rules_password_max_length (const MpPasswordContext *context);

/* The pieces of login and display name a password must not contain (casefolded, each at
 * least 3 characters, no duplicates), for a dialog that wants to say which one matched. */
GStrv         mp_account_rules_name_parts       (const char              *login,
                                                 const char              *display_name);

/* First and last name (at most 64 characters) and display name (at most 256); empty is
 * fine.  The reason, or NULL. */
char         *mp_account_rules_person_name_error  (const char *name);
char         *mp_account_rules_display_name_error (const char *display_name);

/* A full address "login@domain" (an alias is one): the login rules on the part before the
 * "@", and a domain part that is present.  The reason, or NULL. */
char         *mp_account_rules_address_error    (const char              *address);

/* The display name the dialog proposes until the user edits it: "First Last", trimmed,
 * either part may be missing or NULL. */
char         *mp_account_rules_suggest_display_name (const char *first_name,
                                                     const char *last_name);

G_END_DECLS
