/* why_check.h - checking the rules `buckle why` suggests: the profile with
 * a rule added is compiled, linted and asked the denied request again.
 * why.c checks one rule with its own compilation; why_batch.c checks many
 * with one, and each rule whose answer the others could change by itself. */
#ifndef BUCKLE_WHY_CHECK_H
#define BUCKLE_WHY_CHECK_H
#include "why.h"

/* A group with its suggestion written, the request it must allow and the
 * rule of the profile that denies it (NULL: the default) */
typedef struct why_pending { why_group *g; sb_request q; const rule *decided; } why_pending;

/* FILE:LINE:COL of r in c; *chain: its extends chain as text */
const char *why_rule_where(arena *a, const rule *r, compilation *c, const char **chain);
/* The problem of a suggested rule when r (NULL: the default) still denies */
const char *why_still_denied(arena *a, const rule *r, compilation *c);
/* Checks g's suggestion: the profile of c with it added, compiled and
 * linted; q decided with it (and by pd for Landlock's denials) */
void why_check_one(why_log *w, why_group *g, compilation *c, const sb_param *extra, size_t nextra,
                   const sb_request *q, why_platform_decide *pd, void *pctx);
/* The same for n groups (none of Landlock's) with the answers of
 * why_check_one, compiling the profile with many of the rules at once */
void why_check_many(why_log *w, compilation *c, const sb_param *extra, size_t nextra, const why_pending *p, size_t n);
#endif
