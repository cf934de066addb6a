/* view.h - what a lint pass sees: one "view" of a policy (a .buckle file
 * after extends and merge, or an .sb file as evaluated), with a decide
 * function and a rule list; and how a pass reports (report.c). */
#ifndef BUCKLE_LINT_VIEW_H
#define BUCKLE_LINT_VIEW_H
#include "../backend/crosscheck.h"
#include "rules_table.h"

typedef enum { LK_NONE, LK_LITERAL, LK_SUBPATH, LK_PREFIX, LK_PATTERN, LK_NAME, LK_OTHER } lrule_kind;

typedef struct lrule {
    action_t action;          /* ACT_ALLOW or ACT_DENY */
    int op;
    lrule_kind kind;
    const char *value;        /* expanded with the test values */
    span at;
    const char *provenance;   /* " (extended from ...)" or "" */
    int implied, raw;
    const char *leaves;       /* (with no-sandbox) and the like: sb_rule */
} lrule;

typedef struct lint_view lint_view;
/* .sb: a request a pass decided, the rule that decided it (NULL: none) and
 * the file linted */
typedef void lint_sb_probe_fn(void *ctx, const source *main, const sb_request *q, const sb_rule *r);
struct lint_view {
    int is_sb;
    int generated;            /* .sb written by buckle compile (its header says so) */
    lrule *rules;
    size_t n;
    int default_action;       /* -1: none */
    span default_at;
    const char *default_note;
    const source *main;       /* the file being linted */
    /* 0 allow, 1 deny, -1 cannot tell; *who = deciding rule (NULL: default) */
    int (*decide)(lint_view *v, const sb_request *q, const lrule **who);
    void *impl;
    compilation *c;           /* .buckle: the merged policy */
    lrule **by_rule_id;       /* .buckle: the lrule of each IR rule, by its id */
    decider *d;               /* .buckle: its semantics (docs/reference.md) */
    sb_policy *pol;           /* .sb */
    const sexp *top;          /* .sb: the forms read */
    arena *a;
    /* .buckle: told of every request a pass asks, with the IR rule that
     * decided it (NULL: the default), or NULL */
    void (*probe)(void *ctx, decider *d, const sb_request *q, const rule *r);
    lint_sb_probe_fn *sb_probe;   /* .sb: the same, or NULL */
    void *probe_ctx;
};

typedef struct lint_ctx {
    arena *a;
    diag_list *dl;
    lint_view *v;
} lint_ctx;

/* Adds a finding with the rule's default severity. */
diag *lint_report(lint_ctx *lc, const char *code, span at, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
diag *lint_report_sev(lint_ctx *lc, severity sev, const char *code, span at, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
/* Where a deciding rule is (or the default), with its provenance as a note. */
diag *lint_report_at_rule(lint_ctx *lc, const char *code, const lrule *who, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
int lint_decide(lint_ctx *lc, const char *op, const char *obj, const lrule **who);
/* The same, 0 (allow) also when a vnode-type filter allows it for one of the
 * file types the object may have (vnodes: NULL-terminated, "REGULAR-FILE",
 * "DIRECTORY", ...), which an answer for an unknown type leaves open;
 * *vnode: that type, or NULL when the answer holds for every type */
int lint_decide_typed(lint_ctx *lc, const char *op, const char *obj, const char *const *vnodes, const lrule **who,
                      const char **vnode);
#endif
