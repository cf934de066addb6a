/* lint.h - `buckle lint` on .buckle profiles (after extends and merge) and on
 * hand-written .sb files (read and evaluated by the SBPL evaluator).  Every
 * pass sees one "view" of a policy: a decide function and a rule list. */
#ifndef BUCKLE_LINT_H
#define BUCKLE_LINT_H
#include "../backend/crosscheck.h"
#include "rules_table.h"

typedef enum { LK_NONE, LK_LITERAL, LK_SUBPATH, LK_PREFIX, LK_PATTERN, LK_NAME, LK_OTHER } lrule_kind;

typedef struct lrule {
    int action;               /* 0 allow, 1 deny */
    int op;
    lrule_kind kind;
    const char *value;        /* expanded with the test values */
    span at;
    const char *provenance;   /* " (extended from ...)" or "" */
    int implied, no_sandbox, raw;
} lrule;

typedef struct lint_view lint_view;
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
    decider *d;               /* .buckle: its semantics (docs/reference.md) */
    sb_policy *pol;           /* .sb */
    const sexp *top;          /* .sb: the forms read */
    arena *a;
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

typedef struct lint_opts {
    const char *const *include_dirs;
    size_t ninclude;
    const char *std_dirs[5];
    const char *buckle_path;
    const char *stdin_name;
    const sb_param *params;       /* -D, for .sb files that use (param ...) */
    size_t nparams;
    const define *defines;        /* the same -D values, for .buckle files */
    size_t ndefines;
    const char *text;             /* lint this text instead of reading the file (fuzzers, editors) */
    size_t text_len;
    arena *pool;                  /* memory kept between files (compile_opts.pool), or NULL */
    int lang;                     /* LINT_LANG_*: how to read the files */
} lint_opts;

enum { LINT_LANG_AUTO, LINT_LANG_SBPL, LINT_LANG_BUCKLE };

/* Lints one file into dl.  Returns 2 when it cannot be read, else 0. */
int lint_file(const lint_opts *o, const char *path, arena *a, diag_list *dl, source **keep);
/* Lints a .buckle compilation (rc: what compile_profile returned) into dl,
 * its own diagnostics included; c stays usable (buckle run emits it next).
 * The findings point into c's sources. */
void lint_compilation(compilation *c, int rc, arena *a, diag_list *dl);

/* BK3002's table of risky mach services: the reason a service is risky
 * (with its risk class and severity), or NULL when it is not listed. */
const char *lint_mach_risk(const char *name, const char **risk, severity *sev);
const char *lint_mach_service_at(size_t i);   /* NULL past the end */

/* passes */
void lint_pass_keychain(lint_ctx *lc);
void lint_pass_mach(lint_ctx *lc);
void lint_pass_files(lint_ctx *lc);
void lint_pass_policy(lint_ctx *lc);
void lint_pass_sbpl_text(lint_ctx *lc, const sexp *top, int in_block);
void lint_pass_overlap(lint_ctx *lc);
void lint_pass_mistakes(lint_ctx *lc);
/* suppressions: applied after all passes (BK0001-BK0003).  aliases: the
 * bases src brings in, each with the offset in src of the extends string
 * through which it came: their findings count as findings on that line. */
typedef struct lint_alias { const source *src; uint32_t at; } lint_alias;
void lint_apply_suppressions(lint_ctx *lc, const source *src, const uint32_t *stmt_starts,
                             const uint32_t *stmt_ends, size_t nstmts, char comment_char,
                             const lint_alias *aliases, size_t naliases);
#endif
