/* sbpl_eval.h - evaluates SBPL text into rules and decides requests under
 * Seatbelt's precedence model (docs/sbpl.md):
 *   concrete operation before its wildcard parents; within one operation,
 *   filtered rules before unfiltered ones; among filtered rules the last
 *   match wins; among unfiltered ones the last; then the parent; `default`
 *   is the root.
 * What cannot be evaluated is reported with its location and makes the
 * answers that depend on it undecidable, never a guess. */
#ifndef BUCKLE_SBPL_EVAL_H
#define BUCKLE_SBPL_EVAL_H
#include "../grammar/sexp.h"
#include "../support/hashmap.h"
#include "../seatbelt/request.h"
#include "../seatbelt/regex.h"

typedef enum {
    F_LITERAL, F_SUBPATH, F_PREFIX, F_REGEX,          /* path */
    F_NAME, F_NAME_PREFIX, F_NAME_REGEX,              /* names: ns says which */
    F_IP, F_TARGET, F_VNODE, F_ALL, F_ANY, F_NOT,
    F_UNKNOWN                                         /* a filter we cannot decide */
} sf_kind;

typedef struct sfilter {
    sf_kind kind;
    sf_ns ns;
    int remote;                 /* F_IP */
    const char *proto;          /* (remote tcp4 ...): the protocol word (ip, tcp,
                                   tcp4, udp6, unix-socket, ...), which answers
                                   do not tell apart; NULL for other filters */
    size_t nproto;
    const char *str;            /* value (path, name, "host:port", target, vnode type) */
    size_t len;
    sb_regex **res;             /* F_REGEX / F_NAME_REGEX: alternatives */
    int nres;
    struct sfilter **kids;
    int nkids;
    span at;
} sfilter;

typedef struct sb_rule {
    action_t action;            /* ACT_ALLOW or ACT_DENY */
    int op;
    sfilter *filter;            /* NULL: unfiltered */
    span at;
    unsigned index;             /* evaluation order */
    const char *leaves;         /* the modifier that runs the program outside
                                   the profile (no-sandbox, no-profile,
                                   default-sandbox, in any case: the modifier
                                   table's name), or NULL */
} sb_rule;

#define SBPL_INDEX_MIN_RULES 256
typedef struct sb_policy {
    sb_rule **rules;
    size_t n, cap;
    size_t *by_op_start;        /* rules sorted by (op, index): ranges per op */
    sb_rule **sorted;
    struct path_index *index;   /* the rules by the paths they name (path_index.h); NULL
                                   below SBPL_INDEX_MIN_RULES rules, and then every
                                   rule is walked (the unit tests compare the two) */
    int has_version;
    int version_first;
    const char *undecidable;    /* set when an import or form could not be evaluated */
    span undecidable_at;
    const char *incomplete;     /* the first form that could not be evaluated (a warning) */
    span incomplete_at;
    int nops;
    struct sbpl_memo *memo;     /* NULL, or the regex results and index candidates for
                                   the last path asked about (sbpl_memo_new; the
                                   caller owns it) */
} sb_policy;

typedef struct sbpl_eval_opts {
    const sb_param *params;
    size_t nparams;
    const char *const *import_dirs;
    size_t nimport;
    source **sources;           /* imported sources are added here (freed by caller) */
    int unknown_params;         /* a (param) without a value is an unknown string, not #f (lint) */
} sbpl_eval_opts;

sb_policy *sbpl_eval(arena *a, diag_list *dl, const source *src, const sexp *top, sbpl_eval_opts *o);
/* The same, calling on_import for every path an import looked at, read or
 * not (the runner protects them all: docs/runner.md). */
typedef void sbpl_import_fn(void *ctx, const char *path, int found);
sb_policy *sbpl_eval_probed(arena *a, diag_list *dl, const source *src, const sexp *top, sbpl_eval_opts *o,
                            sbpl_import_fn *on_import, void *ctx);

typedef struct sb_answer {
    action_t decision;          /* ACT_ALLOW, ACT_DENY or ACT_UNDECIDED */
    const sb_rule *rule;        /* deciding rule, NULL = nothing (no default) */
    const char *why;            /* for undecidable */
    span why_at;
} sb_answer;

/* 1 when a (define NAME ...) of name would change what the evaluator (and
 * Seatbelt) make of a profile: a special form, a built-in function, a filter
 * or an operation name. */
int sbpl_reserved_name(const char *name);
/* The names the evaluator handles itself (special forms and builtins), in
 * the order of its table; NULL past the end. */
const char *sbpl_form_at(size_t i);

sb_answer sbpl_decide(const sb_policy *p, const sb_request *q, arena *scratch);
/* 1 when an allow rule and a deny rule that both apply to q->op (at any
 * level of the hierarchy below default) match the object. */
int sbpl_conflict(const sb_policy *p, const sb_request *q, arena *scratch);
/* 1 match, 0 no match, -1 cannot tell */
int sfilter_match(const sfilter *f, const sb_request *q);

/* A cache of regex results for one path at a time: set p->memo to one and
 * sbpl_decide and sbpl_conflict search each regex (ask the path index, and
 * match each rule's require-all, -any or -not for each vnode type) once per
 * path, however many operations are asked about it in a row (the
 * differential check asks every operation of every object).  It keeps a
 * copy of the path it holds results for and starts over when asked about
 * another, so it never answers for a path it has not searched; the
 * policy's rules must not change while it is set. */
typedef struct sbpl_memo sbpl_memo;
sbpl_memo *sbpl_memo_new(void);
void sbpl_memo_free(sbpl_memo *m);
#endif
