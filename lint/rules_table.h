/* rules_table.h - the rule catalogue: the single source for the lint
 * passes, `buckle explain`, `buckle rules` and SARIF rules[]. */
#ifndef BUCKLE_RULES_TABLE_H
#define BUCKLE_RULES_TABLE_H
#include "../support/diag.h"

typedef struct lint_rule {
    const char *id;
    diag_code_info info;   /* slug, summary, rationale, help uri, default severity */
    const char *bad;       /* example that fires */
    const char *good;      /* example that does not */
    const char *fix;
    int unsuppressible;    /* BK1 and BK2 errors */
} lint_rule;

/* The rule whose id or slug is closest to s, ignoring case; NULL if none is
 * close.  *exact is set when s only differs in case. */
const lint_rule *lint_rule_suggest(const char *s, int *exact);
const lint_rule *lint_rule_find(const char *id_or_slug);
const diag_code_info *lint_code_info(const char *code);
const char *lint_code_at(size_t i);   /* NULL past the end */
size_t lint_rule_count(void);
const lint_rule *lint_rule_at(size_t i);
#endif
