/* path_index.h - which rules of an SBPL policy can match a given path,
 * found through the paths their filters name instead of a scan of every
 * rule.  The evaluator decides path requests through it (sbpl_decide), and
 * lint's BK4005 asks it about each rule's own path: scans made lint of a
 * 10k-rule .sb file take seconds. */
#ifndef BUCKLE_PATH_INDEX_H
#define BUCKLE_PATH_INDEX_H
#include "sbpl_eval.h"

typedef struct path_index path_index;

/* Indexes p's rules by a condition every path they match must meet: equal
 * to a literal, under a subpath, starting with a prefix or with an anchored
 * regex's literal text.  A rule without such a condition (unfiltered,
 * require-not, a regex without a literal start...) is a candidate for
 * every path; a rule that no path can match (a name, an address) is none.
 * Lives in a. */
path_index *path_index_build(arena *a, const sb_policy *p);

/* The positions in p->sorted of the indexed rules whose filter may match
 * the path q: every rule whose filter does match is among them.  Ascending,
 * without duplicates, in *out (grown with xrealloc; the caller frees it);
 * returns how many. */
size_t path_index_candidates(const path_index *x, const char *q, size_t len, size_t **out, size_t *cap);

/* The same into a fixed buffer of cap entries; PATH_INDEX_MANY when there
 * are more candidates than that (the caller then scans every rule). */
#define PATH_INDEX_MANY ((size_t)-1)
size_t path_index_fill(const path_index *x, const char *q, size_t len, size_t *buf, size_t cap);

/* The first of the n ascending positions in c that is >= k (n if none):
 * where the candidates of one operation's range of p->sorted begin. */
size_t path_index_lower_bound(const size_t *c, size_t n, size_t k);
#endif
