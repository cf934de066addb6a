/* path_index.h - which rules of an SBPL policy can match a given path,
 * found through the paths their filters name instead of a scan of every
 * rule (BK4005 asks this of each rule's own path: a scan made lint of a
 * 10k-rule .sb file take seconds). */
#ifndef BUCKLE_PATH_INDEX_H
#define BUCKLE_PATH_INDEX_H
#include "../compiler/sbpl_eval.h"

typedef struct path_index path_index;

/* Indexes the rules of one action (0 allow, 1 deny) by a condition every
 * path they match must meet: equal to a literal, under a subpath, starting
 * with a prefix or with an anchored regex's literal text.  A rule without
 * such a condition (unfiltered, require-not, a regex without a literal
 * start...) is a candidate for every path; a rule that no path can match
 * (a name, an address) is none.  Lives in a. */
path_index *path_index_build(arena *a, const sb_policy *p, int action);

/* The positions in p->sorted of the indexed rules whose filter may match
 * the path q: every rule whose filter does match is among them.  Ascending,
 * without duplicates, in *out (grown with xrealloc; the caller frees it);
 * returns how many. */
size_t path_index_candidates(const path_index *x, const char *q, size_t len, size_t **out, size_t *cap);
#endif
