/* diff.h - `buckle diff OLD NEW`: the requests whose decision changes
 * between two profiles (.buckle or .sb), over the objects they distinguish:
 * every path either names (rules' literals, subpaths, prefixes and the
 * literal start of their patterns), its ancestors, a child, a sibling with
 * a common prefix; every name with its prefix boundary; every address and
 * port.  Changes are grouped by the rule responsible on each side. */
#ifndef BUCKLE_DIFF_H
#define BUCKLE_DIFF_H
#include "../backend/crosscheck.h"
#include "diff_verbatim.h"
#include "../support/strbuf.h"

#define DIFF_EXAMPLES 5

typedef struct diff_side {
    int is_sb;
    compilation *c;          /* .buckle (the caller's) */
    crosscheck *x;
    sb_policy *pol;          /* .sb, or the compiled SBPL of a .buckle */
    arena *a;
    vb_eval *vb;             /* a .buckle's sbpl verbatim blocks, evaluated; NULL
                                (or why_not set): left out, as buckle does */
} diff_side;

typedef struct diff_group {
    int widening;            /* deny -> allow */
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
} diff_result;

/* Compares every request over the objects either side names. */
void diff_run(diff_result *r, diff_side *old, diff_side *nw);
void diff_result_free(diff_result *r);
void diff_render_text(strbuf *b, const diff_result *r, const char *old_name, const char *new_name);
char *diff_render_json(const diff_result *r, const char *old_name, const char *new_name);
#endif
