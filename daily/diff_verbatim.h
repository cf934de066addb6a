/* diff_verbatim.h - the sbpl verbatim blocks of a .buckle profile,
 * evaluated: its compiled SBPL with the blocks in, read by the SBPL
 * evaluator with the parameters' values.  buckle's own answers leave the
 * blocks out (backend/crosscheck.c); `buckle diff` and `buckle query` use
 * this when every parameter the blocks read has a value (-D, a declared
 * default, or -U for one the program does not pass) and the evaluator
 * decides them, and say why not otherwise (docs/daily.md). */
#ifndef BUCKLE_DIFF_VERBATIM_H
#define BUCKLE_DIFF_VERBATIM_H
#include "../backend/crosscheck.h"

typedef struct vb_block {
    uint32_t from, to;       /* its text in the compiled SBPL */
    const source *src;       /* and in the .buckle file */
    uint32_t at;
} vb_block;

typedef struct vb_eval {
    size_t nblocks;          /* 0: the profile has none */
    const char *why_not;     /* NULL: evaluated (pol) */
    span why_at;             /* the block (or the form in it) why_not is about */
    arena a;
    diag_list dl;
    source *src;             /* the compiled SBPL with the blocks */
    sb_policy *pol;
    vb_block *blk;
    source *imported;        /* the files its (import ...) read */
} vb_eval;

/* unset: the parameters the program does not pass (-U); dirs: where an
 * (import ...) in a block is looked for.  Always fills v (vb_close it). */
void vb_open(vb_eval *v, crosscheck *x, const char *const *unset, size_t nunset, const char *const *dirs, size_t ndirs);
void vb_close(vb_eval *v);
/* the forms of one sbpl verbatim block (diagnostics dropped: the compiler
 * read it without errors); *src, when not NULL, gets the source they point into */
sexp *vb_block_forms(arena *a, const raw_block *b, const source **src);
/* The first parameter the blocks of x's profile (or the files they import)
 * read in a condition, (when (param "X") ...) or (if (equal? (param "X")
 * "1") ...), that is neither given (-D) nor unset (-U): a declared default
 * or a test value is one case of it, and the program may pass another.
 * NULL when none. */
const char *vb_unfixed(vb_eval *v, const crosscheck *x, const sb_param *given, size_t ngiven, const char *const *unset,
                       size_t nunset);
/* the answer with the blocks in (v->why_not must be NULL) */
sb_answer vb_ask(vb_eval *v, const sb_request *q);
/* 1 when a rule of v->pol comes from a block (or a file a block imports) */
int vb_from_block(const vb_eval *v, const sb_rule *r);
/* "FILE:LINE:COL: the line (sbpl verbatim)" for such a rule */
const char *vb_describe(arena *a, const vb_eval *v, const sb_rule *r);
#endif
