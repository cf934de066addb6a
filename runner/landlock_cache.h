/* landlock_cache.h - the run cache of `buckle run` on Linux (docs/runner.md,
 * "The run cache"; docs/linux.md): the Landlock plan of a profile that was
 * linted, compiled and planned before, kept with everything it depended on,
 * so that a warm run neither lints nor compiles nor plans.  An entry is used
 * only when every input is as it was: the profile's files (as the macOS
 * entries: profile_cache.c), the run's values, the protected paths, and every
 * path the plan looked at (present or not, its type and inode, and for each
 * directory whose entries were granted or matched one by one, its mtime and
 * ctime).  Anything else is a miss, and the run plans from the start. */
#ifndef BUCKLE_LANDLOCK_CACHE_H
#define BUCKLE_LANDLOCK_CACHE_H
#include "../backend/landlock.h"
#include "profile_cache.h"
#include "run.h"

/* The run cache directories (runner_cache_where): the one this run uses,
 * then the user's own when the test hook names another; their paths in
 * dirs (2 at most), *fd the first one opened (runner_dir_open), or -1 when
 * the run does not use the cache (--no-cache, a profile from stdin) or it
 * is not safe (then *why, when why is not NULL, says why; NULL for a run
 * that does not use it).  Returns how many. */
size_t ll_cache_dirs(arena *a, const run_request *rq, const char **dirs, int *fd, const char **why);

/* The paths the sandbox must not write (backend_in.protect), walked as the
 * macOS runner walks them (path_walk.c): the profile as named, each file it
 * was read from, each extends candidate looked for (relative ones too), the
 * -I and $BUCKLE_PATH directories, the run cache directories; of each,
 * every symbolic link met on the way, the file at its end and a missing
 * component. */
/* With close_shadows, also buckle's name in each PATH directory looked in
 * before the one it was found in (runner_launch_shadows), which then
 * closes its directory to new entries: for a plan that lets the command
 * end buckle, whose check after the run would not happen. */
/* The paths the sandbox may not read either: the run cache directories
 * (as named, and where they are now), whose plans name other runs' paths,
 * parameter values and the entries of directories they listed. */
const char **ll_hidden_paths(arena *a, const char *const *cache_dirs, size_t ncache, size_t *n);
const char **ll_protected_paths(arena *a, const run_request *rq, const char *const *files, size_t nfiles,
                                const file_probe *probes, size_t nprobes, const char *const *cache_dirs,
                                size_t ncache, int close_shadows, size_t *n);

/* The value of a declared default with the run's values (one level);
 * *why when the result is not canonical or passes through a link; NULL
 * when it names a value the run does not have. */
const char *ll_expand_default(arena *a, const char *def, const sb_param *vals, size_t n, const char **why);

/* Everything besides the files that decides a run's plan and verdicts. */
typedef struct ll_cache_in {
    const run_request *rq;
    const char *identity;         /* this buckle (run_binary_identity) */
    const char *cwd;
    const define *defs;           /* -D, checked */
    size_t ndef;
    const char *const *bname, *const *braw, *const *bwhy;   /* the built-in parameters (4) */
    const sb_param *vals;         /* the built-ins that are usable, then -D */
    size_t nvals;
    int abi, kernel_abi;
    const char *interp;           /* the command's loader (the command itself is checked on every run) */
    const char *const *cache_dirs;   /* ll_cache_dirs */
    size_t ncache;
    int userns;                   /* the plan may hold denies as mounts (backend_in.mounts) */
    int close_shadows;            /* ll_protected_paths */
} ll_cache_in;

uint64_t ll_cache_key(const ll_cache_in *in);

/* A warm run: 0 with *p (ll_plan_free) and the summary lines the cold run
 * printed (*vsummary with -v), when the entry for key is there and valid;
 * -1 otherwise, with *why saying what changed since the plan was made when
 * the entry is there (NULL: none, or it cannot be read). */
int ll_cache_lookup(int dirfd, uint64_t key, const ll_cache_in *in, arena *a, ll_plan *p, const char **summary,
                    const char **vsummary, const char **why);

/* After a cold run that planned p from c (lint-clean) with these values
 * (all, nall) and protected paths: stores the entry, unless the plan read a
 * directory that changed in the last seconds (*why says so) or is
 * uncacheable.  0 stored, -1 not. */
int ll_cache_store(int dirfd, uint64_t key, arena *a, compilation *c, const ll_plan *p, const sb_param *all, size_t nall,
                   const char *const *prot, size_t nprot, const char **why);
#endif
