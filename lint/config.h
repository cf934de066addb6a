/* config.h - rule selection (--select/--ignore) and the lint configuration
 * file, .buckle-lint.conf, found upward from each linted file. */
#ifndef BUCKLE_LINT_CONFIG_H
#define BUCKLE_LINT_CONFIG_H
#include "rules_table.h"
#include "../support/source.h"

#define LINT_CONFIG_NAME ".buckle-lint.conf"

typedef struct lint_sel {        /* a list of codes, slugs and code prefixes */
    const char **items;
    size_t n, cap;
} lint_sel;

typedef struct lint_pfi {        /* per-file-ignores: a glob and its rules */
    const char *glob;
    lint_sel rules;
} lint_pfi;

typedef struct lint_config {
    const char *path;            /* the file; NULL: none found (all defaults) */
    const char *dir;             /* its directory (real path) */
    lint_sel select, ignore;
    int has_select;
    severity show, fail_on;
    int show_set, fail_set;
    const char **includes;       /* absolute or relative to the working directory */
    size_t ninclude, cap_inc;
    lint_pfi *pfi;
    size_t npfi, cap_pfi;
    struct lint_config *next;    /* the cache of loaded files */
} lint_config;

/* Adds the comma-separated items of s to sel; an item must be a rule's code
 * or slug or a prefix of codes ("BK3").  Returns NULL, or the bad item. */
const char *lint_sel_add(arena *a, lint_sel *sel, const char *s);
int lint_sel_has(const lint_sel *sel, const char *code);
/* The configuration that applies to path (the nearest .buckle-lint.conf in
 * its directory or above), loaded once into *cache.  Errors in the file are
 * added to dl with file:line:col; *bad is set then. */
const lint_config *lint_config_for(arena *a, lint_config **cache, const char *path, diag_list *dl,
                                   source **keep, int *bad);
/* Whether a finding of code in path is reported under c (select, ignore,
 * per-file-ignores).  Errors of the language are always reported. */
int lint_config_selects(const lint_config *c, const char *path, const char *code);
#endif
