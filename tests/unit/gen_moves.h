/* gen_moves.h - "a final path cannot be moved away" (docs/language.md),
 * read a second time from the text: for a final path deny as the generator
 * wrote it (gen_move) and a set of values, the requests that must be denied
 * (moving, cloning, linking, mounting over the path, each proper ancestor
 * of the paths it matches, and the directories inside a glob's wildcards).
 * diff-check --generate asks the compiled outputs about them. */
#ifndef BUCKLE_GEN_MOVES_H
#define BUCKLE_GEN_MOVES_H
#include "gen_profile.h"

/* Which promise a request comes from (each a check of its own, --skip) */
enum {
    MQ_DOC,                    /* docs/language.md says so */
    MQ_SELF,                   /* the final path itself renamed away or into place when
                                * only another write operation is denied (not promised) */
    MQ_GLOB,                   /* a directory inside a glob's wildcards (not promised:
                                * "of a prefix or pattern, those of its fixed part only") */
};

typedef struct move_query {
    const char *op;            /* a concrete operation */
    const char *obj;           /* a path as the kernel presents it */
    const char *vnode;         /* asked about as this file type (the kernel always knows it) */
    int cls;                   /* MQ_* */
    const char *what;          /* "the path", "an ancestor", "a directory inside a wildcard" */
} move_query;

typedef struct move_queries { move_query *v; size_t n, cap; } move_queries;

/* Appends the requests that m's final deny must deny with values v (HOME,
 * USER, P, Q, WORKDIR, TMPDIR: as given, canonicalized here) to out; its
 * strings live in a. */
void moves_expect(arena *a, const gen_move *m, const sb_param *v, size_t nv, move_queries *out);
void moves_free(move_queries *q);
#endif
