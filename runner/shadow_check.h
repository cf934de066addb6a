/* shadow_check.h - a `buckle` the command made in a PATH directory looked
 * in before the one buckle was found in (shadow_check.c): Landlock cannot
 * refuse one name in a directory the command may write, so each such
 * candidate is looked at after the run, and one that appeared is moved
 * aside (docs/runner.md, "What is protected"; docs/linux.md). */
#ifndef BUCKLE_SHADOW_CHECK_H
#define BUCKLE_SHADOW_CHECK_H
#include "run.h"
#include "../backend/landlock.h"
#include <stddef.h>

/* One candidate, as it was when the command started. */
typedef struct shadow_entry {
    char *path;                   /* DIR/NAME, absolute (malloc'd) */
    char *base;                   /* the longest start of DIR that existed then (malloc'd) */
    int had;                      /* path existed then */
    int based;                    /* base could be looked at then */
    unsigned long long dev, ino, bdev, bino;
    unsigned mode;                /* path's, with its type */
    int led;                      /* a link there led to something then (what the lookup sees) */
    unsigned long long tdev, tino;
    unsigned tmode;               /* that, with its type */
    int npm;                      /* found in a node_modules/.bin, which npm run puts first in PATH */
    char *shadows;                /* the program of a later PATH directory it shadows (malloc'd), or NULL */
    char *module;                 /* the Python module it makes importable at the top of the working
                                   * directory (malloc'd), or NULL */
} shadow_entry;

typedef enum { SH_MOVED, SH_KEPT, SH_UNREAD } shadow_kind;
typedef struct shadow_found {
    size_t which;                 /* in v */
    shadow_kind kind;
    int err;                      /* SH_UNREAD: what lstat said; SH_KEPT: why it was not moved (errno, or 0) */
    const char *why;              /* SH_KEPT without errno: why it was not moved */
    char *aside;                  /* SH_MOVED: where it is now (malloc'd) */
} shadow_found;

typedef struct shadow_watch {
    shadow_entry *v;
    size_t n;
    char *found_in;               /* where PATH found buckle (malloc'd), or NULL */
    shadow_found *found;          /* after runner_shadow_end */
    size_t nfound;
} shadow_watch;

/* Right before the command starts: each of paths (runner_launch_shadows)
 * as it is now, and the directory of it that exists. */
void runner_shadow_begin(shadow_watch *w, const char *const *paths, size_t n, const char *found_in);
/* After every process of the command has ended: each candidate that is
 * there and was not (or is not the file that was there), or that cannot
 * be looked at, kept in w->found; how many.  Moves nothing, says nothing. */
size_t runner_shadow_end(shadow_watch *w);
/* One found after the run beside the candidates: a `buckle` the walk
 * found in a node_modules/.bin of the project (link_scan.h, LS_BUCKLE;
 * shadows NULL), or a program made in a PATH directory that PATH finds
 * before the program shadows (path_shadows.h); reached from base, the
 * directory (bdev, bino; based: known) as it was when the command
 * started: kept in w->found, to be moved aside and named, unless found
 * already. */
void runner_shadow_add_found(shadow_watch *w, const char *path, const char *base, int based, unsigned long long bdev,
                             unsigned long long bino, const char *shadows);
/* One found after the run at the top of the working directory (base),
 * which makes the Python module named importable there (module_shadows.h):
 * kept as runner_shadow_add_found keeps one. */
void runner_shadow_add_module(shadow_watch *w, const char *path, const char *base, int based, unsigned long long bdev,
                              unsigned long long bino, const char *module);
/* Their paths into out (room for w->nfound), to be remembered
 * (planted.h) while each is still there; how many. */
size_t runner_shadow_paths(const shadow_watch *w, const char **out);
/* Moves each one found aside in its own directory (NAME.planted-PID),
 * reached as it was when the command started: not through a directory
 * or link that was not there then; what cannot be moved so stays. */
void runner_shadow_move(shadow_watch *w);
/* Names each one found as an error, with the command's exit status. */
void runner_shadow_say(const shadow_watch *w, diag_sink *sink, int exit_status);
void runner_shadow_free(shadow_watch *w);
/* The grant of the plan through which the command could end buckle, so
 * that nothing is looked at after the run (writing a control group's
 * files: cgroup.kill, a memory limit; as root, /proc: buckle's
 * oom_score_adj), or NULL. */
const char *runner_shadow_unchecked(const ll_plan *p);
#endif
