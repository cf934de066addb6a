/* rules.h - the lint passes (rules_*.c) and the pass registry (passes.c):
 * the driver (lint.c) runs the passes of lint_passes in order, each on the
 * views of the languages it names.  A new pass is a function here and a row
 * in passes.c. */
#ifndef BUCKLE_LINT_RULES_H
#define BUCKLE_LINT_RULES_H
#include "view.h"

enum { LINT_ON_BUCKLE = 1, LINT_ON_SB = 2, LINT_ON_BOTH = 3 };

typedef struct lint_pass {
    const char *name;
    unsigned on;                  /* LINT_ON_*: the views it runs on */
    void (*run)(lint_ctx *lc);
} lint_pass;

/* The passes in the order they run (that order is the order of findings
 * at one place); *n is their number. */
const lint_pass *lint_passes(size_t *n);

/* BK3002's table of risky mach services: the reason a service is risky
 * (with its risk class and severity), or NULL when it is not listed. */
const char *lint_mach_risk(const char *name, const char **risk, severity *sev);
const char *lint_mach_service_at(size_t i);   /* NULL past the end */

/* the passes */
void lint_pass_version(lint_ctx *lc);        /* BK4011, .sb */
void lint_pass_default(lint_ctx *lc);        /* BK3005 */
void lint_pass_keychain(lint_ctx *lc);
void lint_pass_mach(lint_ctx *lc);
void lint_pass_files(lint_ctx *lc);
void lint_pass_policy(lint_ctx *lc);
void lint_pass_sbpl_forms(lint_ctx *lc);     /* the text checks of an .sb file's forms */
void lint_pass_overlap(lint_ctx *lc);
void lint_pass_mistakes(lint_ctx *lc);
void lint_pass_raw_blocks(lint_ctx *lc);     /* BK4005 and the text checks in raw sbpl blocks */
/* the text checks of SBPL forms (in_block: a raw sbpl block of a .buckle file) */
void lint_sbpl_text(lint_ctx *lc, const sexp *top, int in_block);
#endif
