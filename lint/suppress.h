/* suppress.h - suppressions (suppress.c). */
#ifndef BUCKLE_LINT_SUPPRESS_H
#define BUCKLE_LINT_SUPPRESS_H
#include "view.h"

/* suppressions: applied after all passes (BK0001-BK0003).  aliases: the
 * bases src brings in, each with the offset in src of the extends string
 * through which it came: their findings count as findings on that line. */
typedef struct lint_alias { const source *src; uint32_t at; } lint_alias;
/* off: the spans [start, end) of src's rules for another platform than the
 * one linted (a `platform macos` block under --platform linux): a
 * suppression on their lines is not reported unused (BK0001), since what it
 * silences is not linted here. */
typedef struct lint_spans { const uint32_t *start, *end; size_t n; } lint_spans;
void lint_apply_suppressions(lint_ctx *lc, const source *src, const uint32_t *stmt_starts,
                             const uint32_t *stmt_ends, size_t nstmts, char comment_char,
                             const lint_alias *aliases, size_t naliases, const lint_spans *off);
#endif
