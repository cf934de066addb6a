/* implied_walk.h - the walk over the ancestors of a rule's paths
 * (implied.c), shared by the traversal rules and the final denies of
 * moving a final path (final_ancestors.c). */
#ifndef BUCKLE_IMPLIED_WALK_H
#define BUCKLE_IMPLIED_WALK_H
#include "compile.h"
#include <string.h>

typedef struct implied_ctx {
    compilation *c;
    int op;                /* the operation of the rules added */
    action_t action;
    int final;             /* final denies of moving (IMPL_MOVE): the fixed part's ancestors only */
    int inner;             /* with final: instead, the ancestors inside a pattern's
                            * wildcards (a glob's, a regex's components) */
    int holder;            /* the rules added take directories and symbolic links only */
    rule_vec var;          /* traversal rules whose depth depends on the object */
    rule_set mine;         /* final: the rules added, by identity */
} implied_ctx;

/* The rule to look up or add: action, operation and matcher, the rest zero. */
static inline rule implied_probe(action_t action, int op, const matcher *m)
{
    rule p;
    memset(&p, 0, sizeof p);
    p.action = action;
    p.op = op;
    if (m) p.m = *m;
    return p;
}
/* Adds the implied rule probe (action, op, matcher) made from rule from:
 * final as ic is, with from's first origin, indexed unless a rule of the
 * same matcher is, and in ic->mine when final. */
rule *implied_rule_add(implied_ctx *ic, const rule *probe, const rule *from, int implied);
/* the proper ancestors of the path v[0..len) */
void implied_add_ancestors(implied_ctx *ic, const rule *r, const char *v, size_t len);
/* those of every match of a prefix or pattern (its fixed part's, and for
 * traversal also those inside a glob) */
void implied_add_pattern_ancestors(implied_ctx *ic, const rule *r, const matcher *m);
/* those of every path r's matcher matches */
void implied_walk_rule(implied_ctx *ic, const rule *r);
/* 1 when a final deny of probe's action, with probe's matcher, covers
 * probe's operation (final_ancestors.c) */
int final_deny_covers(compilation *c, const rule *probe);

#endif
