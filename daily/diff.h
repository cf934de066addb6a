/* diff.h - `buckle diff OLD NEW`: the requests whose decision changes
 * between two profiles (.buckle or .sb), over the objects they distinguish:
 * every path either names (rules' literals, subpaths, prefixes and the
 * literal start of their patterns), its ancestors, a child, a sibling with
 * a common prefix; every name with its prefix boundary; every address and
 * port; every process target; the request without an object.  Samples of
 * an unanchored regex are also asked below every path either names, and a
 * subject of each combination of patterns (regexes, scopes, literals, of
 * either side) that holds a pattern only one side has.  A
 * change of (with no-sandbox) on an allow is a change of its own.  Changes
 * are grouped by the rule responsible on each side; requests either side
 * cannot decide are counted, never taken as the same. */
#ifndef BUCKLE_DIFF_H
#define BUCKLE_DIFF_H
#include "../backend/crosscheck.h"
#include "diff_verbatim.h"
#include "../support/strbuf.h"

#define DIFF_EXAMPLES 5

typedef struct diff_side {
    int is_sb;               /* answers from pol alone: an .sb, or the compiled
                              * SBPL of a .buckle with sbpl verbatim blocks */
    compilation *c;          /* .buckle (the caller's) */
    crosscheck *x;
    sb_policy *pol;          /* .sb, or the compiled SBPL of a .buckle */
    arena *a;
    vb_eval *vb;             /* a .buckle's sbpl verbatim blocks, evaluated; NULL
                                (or why_not set): left out, as buckle does */
    int strict;              /* the caller's (on either side): an anchor's walk that
                              * reaches its bound makes the answer "cannot compare"
                              * at best (rules_partial), and the walks two at a time
                              * after it are not made; else (import's check) they
                              * are, and what they do not find is taken as the same */
} diff_side;

typedef struct diff_group {
    int widening;            /* deny -> allow, or allow -> allow with no-sandbox */
    int no_sandbox;          /* both allow; one runs the program without a sandbox */
    const void *old_rule, *new_rule;
    const char *old_text, *new_text;     /* "file:line:col: rule" or "the default (deny)" */
    unsigned long count;
    const char *examples[DIFF_EXAMPLES];
    int nex;
} diff_group;

typedef struct diff_result {
    arena a;
    diff_group **groups;
    size_t n, cap;
    unsigned long requests;  /* asked */
    unsigned long objects;
    int atoms_partial;       /* a walk over the rules' patterns stopped at its bound:
                              * a path or name that tells them apart may be missed */
    int rules_partial;       /* the walk of the regexes in rules one side has and the
                              * other has not (add_rule_pairs) stopped at its bound */
    const char *protocols;   /* an address of one protocol on one side only (requests
                                do not carry it): why they cannot be compared, or NULL */
    unsigned long undecided; /* requests one side cannot decide: not compared */
    const char *undecided_example, *undecided_why;   /* the first of them */
    const char **left_out;   /* the caller's: imports both sides leave out (unreadable here) */
    const char *incomplete;  /* the caller's: what of a side that decides requests is left out, or NULL */
    size_t nleft_out;
    const char *values;      /* the caller's: the parameters' values lined up with
                                the paths of the profiles it was run under, or NULL */
    int values_widen;        /* the caller's: under the values given the sides only
                                narrow; values shows a widening */
    int values_alias;        /* the caller's: values are spelled other than canonically
                                (an .sb reads them as passed, a .buckle canonical) */
    const char *given_alias; /* the caller's: the -D values of an .sb beside a .buckle
                                spelled through /tmp, /var or /etc ("XX=/tmp/w"), or NULL */
    const char *given_canon; /* the caller's: the same values, canonical */
    int identical;           /* the caller's: both sides are the same text, read the
                                same way (nothing was asked: the same decisions) */
} diff_result;

/* Compares every request over the objects either side names. */
/* The exit status of `buckle diff` for a result: 0 the same, 1 they differ,
 * 3 some requests could not be compared and none differ. */
int diff_status(const diff_result *r);
void diff_run(diff_result *r, diff_side *old, diff_side *nw);
/* The same over the paths at, above or below near[0..nnear) only: under a
 * set of values (diff_values.h) where the rest decides as under the base
 * values. */
void diff_run_near(diff_result *r, diff_side *old, diff_side *nw, const char *const *near, size_t nnear);
void diff_result_free(diff_result *r);
/* a rule as a key (b reset first): its action, operation, modifier and
 * filters; two rules with the same key decide alike */
void diff_rule_key(strbuf *b, const sb_rule *r);
void diff_render_text(strbuf *b, const diff_result *r, const char *old_name, const char *new_name);
char *diff_render_json(const diff_result *r, const char *old_name, const char *new_name);
#endif
