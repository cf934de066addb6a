/* crosscheck.h - one request, two answers: the profile semantics and
 * the SBPL evaluator on the compiled output.  Used by query, test and the
 * differential check. */
#ifndef BUCKLE_CROSSCHECK_H
#define BUCKLE_CROSSCHECK_H
#include "../compiler/decide.h"
#include "../sbpl/sbpl_eval.h"

typedef struct crosscheck {
    compilation *c;
    decider *d;
    arena a;
    diag_list dl;             /* diagnostics from reading the compiled SBPL */
    source *sbpl_src;         /* the compiled output, as a source */
    sb_policy *pol;
    uint32_t raw_from;        /* offset where raw sbpl blocks start */
    int holders;              /* a rule takes directories and symbolic links only */
} crosscheck;

typedef struct cc_answer {
    decision prof;            /* the profile semantics */
    sb_answer sbpl;           /* compiled SBPL under the precedence model */
    int raw;                  /* a raw sbpl rule decided: the SBPL answer is the answer */
    int agree;
} cc_answer;

/* c must have compiled without errors.  flags: CC_BREAK_ORDER (test-only,
 * emits rules without carve-outs so that order decides), CC_COMPACT (checks
 * the compact form, the one buckle run hands to sandbox-exec). */
#define CC_BREAK_ORDER 1
#define CC_COMPACT 2
crosscheck *crosscheck_new(compilation *c, const sb_param *extra, size_t nextra, int flags);
void crosscheck_free(crosscheck *x);
/* The same, with the memory of the compiled SBPL's evaluation taken first
 * from pool's chunks and given back to it (arena_adopt), and the memory of
 * its forms (read, evaluated, then dropped) taken first from scratch's
 * chunks and given back to scratch once they are evaluated.  pool,
 * scratch NULL: none. */
crosscheck *crosscheck_new_from(arena *pool, arena *scratch, compilation *c, const sb_param *extra, size_t nextra, int flags);
void crosscheck_free_to(crosscheck *x, arena *pool);
/* A request that names no file type is about a regular file where a rule
 * takes directories and symbolic links only (a holder matcher). */
cc_answer crosscheck_ask(crosscheck *x, const sb_request *q);
/* 1 when the compiled output holds raw sbpl rules: without them no answer
 * of crosscheck_ask is raw, and its prof alone (decider_decide) is the
 * answer */
int crosscheck_has_raw(const crosscheck *x);
/* "file:line:col" of a rule of either side */
const char *crosscheck_where(crosscheck *x, span at);
#endif
