/* overlap.h - which matchers can match a common object, and an index that
 * finds the candidates without comparing every pair. */
#ifndef BUCKLE_OVERLAP_H
#define BUCKLE_OVERLAP_H
#include "ir.h"

typedef enum { REL_DISJOINT, REL_OVERLAP, REL_UNKNOWN } relation;

/* REL_UNKNOWN: the answer depends on parameter values or on a pattern that
 * is not analysed; callers that must be sound treat it as an overlap. */
relation matcher_relation(const matcher *a, const matcher *b);
int matcher_identical(const matcher *a, const matcher *b);
/* Whether template s names a derived parameter (NAME.fold, NAME.ifroot,
 * ...): one whose name holds a '.' */
int template_has_derived(const char *s, size_t n);
/* Compares specificity keys: <0, 0, >0. */
int spec_cmp(const matcher *a, const matcher *b);

typedef struct ovl_index ovl_index;
ovl_index *ovl_build(arena *a, rule *const *rules, size_t n);
/* Calls cb for every rule other than q that shares an operation with q and
 * may overlap it (a superset of the rules with relation != REL_DISJOINT; the
 * callback checks the relation).  opposed: only rules of the other action. */
void ovl_free(ovl_index *ix);
/* Writes the rules in index order: the indexed ones group by group, each by
 * key and then id, then the others in the order given; returns how many. */
size_t ovl_order(const ovl_index *ix, rule **out);
void ovl_query(const ovl_index *ix, const rule *q, int opposed, void (*cb)(void *ud, rule *r), void *ud);
#endif
