/* why_sb_check.h - checking the rules `buckle why` suggests for an .sb
 * profile: the profile's text with the rule after it, linted, evaluated and
 * asked the denied request again.  why_sb.c checks one rule with its own
 * evaluation; why_sb_batch.c checks many with one, and each rule whose
 * answer or findings the others could change by itself. */
#ifndef BUCKLE_WHY_SB_CHECK_H
#define BUCKLE_WHY_SB_CHECK_H
#include "why.h"
#include "../lint/lint.h"

#define WHY_SB_NO_EVAL "the profile does not evaluate with this rule"
#define WHY_SB_STILL_DENIED "still denied: a rule of a more specific operation decides first"

typedef struct why_sb_ctx {
    const char *path;                /* the profile: its directory is searched for imports */
    const char *const *dirs;         /* -I directories */
    size_t ndirs;
    const sb_param *params;          /* the values given (and guessed from the log) */
    size_t nparams;
} why_sb_ctx;

/* A group with its suggestion written and the request it must allow */
typedef struct why_sb_pending { why_group *g; sb_request q; } why_sb_pending;

/* src evaluated with x's values and imports (imported sources to *keep);
 * NULL when it has errors */
sb_policy *why_sb_eval(arena *a, diag_list *dl, const source *src, const why_sb_ctx *x, source **keep);
/* The profile's text as a check reads it (inside its C++ raw string) into
 * t, with a newline after it; returns where the rules added after it begin
 * to count (the end of the profile's text) */
uint32_t why_sb_text(strbuf *t, const source *src);
/* Lints t as the profile's text into dl (its sources to *keep); probe (or
 * NULL) is told of every request the passes decide, *linted (or NULL) set to
 * the source linted */
void why_sb_lint(const why_sb_ctx *x, const source *src, const strbuf *t, arena *a, diag_list *dl, source **keep,
                 lint_sb_probe_fn *probe, void *pctx, const source **linted);
/* Whether d counts as a finding of what was added at from (why_sb_text) */
int why_sb_counted(const diag *d, const source *src, uint32_t from);
why_finding why_sb_finding(why_log *w, const diag *d);
/* Checks g's suggestion: the profile with it added, linted, evaluated, q
 * decided */
void why_sb_check_one(why_log *w, why_group *g, const source *src, const why_sb_ctx *x, const sb_request *q);
/* The same for n groups, with the answers of why_sb_check_one, evaluating
 * the profile with many of the rules at once */
void why_sb_check_many(why_log *w, const source *src, const why_sb_ctx *x, const why_sb_pending *p, size_t n);
#endif
