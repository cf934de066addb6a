/* lint.h - `buckle lint` on .buckle profiles (after extends and merge) and on
 * hand-written .sb files (read and evaluated by the SBPL evaluator): the
 * driver (lint.c) builds a view of the file (view.h) and runs the passes of
 * the registry (rules.h) on it. */
#ifndef BUCKLE_LINT_H
#define BUCKLE_LINT_H

#include "view.h"
#include "rules.h"

typedef struct lint_opts {
    const char *const *include_dirs;
    size_t ninclude;
    const char *std_dirs[STD_DIRS_MAX];
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
    platform_t platform;          /* the policy linted: macOS (0) or Linux's */
    /* .sb: told of every request a pass decides, with the rule that decided
     * it (NULL: none) and the source linted (`buckle why` learns from it
     * which requests a rule it added could change), or NULL */
    lint_sb_probe_fn *sb_probe;
    void *probe_ctx;
    const source **linted;        /* .sb: set to the source linted, when not NULL */
} lint_opts;

enum { LINT_LANG_AUTO, LINT_LANG_SBPL, LINT_LANG_BUCKLE };

/* Lints one file into dl.  Returns 2 when it cannot be read, else 0. */
int lint_file(const lint_opts *o, const char *path, arena *a, diag_list *dl, source **keep);
/* Lints a .buckle compilation (rc: what compile_profile returned) into dl,
 * its own diagnostics included; c stays usable (buckle run emits it next).
 * The findings point into c's sources. */
void lint_compilation(compilation *c, int rc, arena *a, diag_list *dl);
/* The same, telling probe of every request the passes decide, with the
 * decider they ask and the IR rule that decided it (NULL: the default);
 * `buckle why` learns from it which requests a rule it added could change. */
typedef void lint_probe_fn(void *ctx, decider *d, const sb_request *q, const rule *r);
void lint_compilation_probed(compilation *c, int rc, arena *a, diag_list *dl, lint_probe_fn *probe, void *ctx);

#endif
