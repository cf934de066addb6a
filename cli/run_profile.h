/* run_profile.h - what `buckle run` runs: the compiled profile, the paths the
 * compilation used (which the run protects) and the values of its
 * parameters; from the run cache when nothing it depends on changed,
 * otherwise linted and compiled here (and stored for the next run). */
#ifndef BUCKLE_RUN_PROFILE_H
#define BUCKLE_RUN_PROFILE_H
#include "cli.h"
#include "../sbpl/sbpl_eval.h"
#include "../runner/profile_cache.h"

typedef struct run_request {
    cli_env *env;
    const char *profile;
    const char *const *incs;
    size_t ninc;
    const sb_param *defs;         /* -D, canonicalized */
    size_t ndef;
    const sb_param *builtin;      /* HOME, TMPDIR, WORKDIR, USER (value NULL: not in the environment) */
    size_t nbuiltin;
    int force;
    int cache_fd;                 /* the run cache directory, or -1 */
    int skip_load;                /* compile (and store) even if an entry exists */
} run_request;

typedef struct run_profile {
    const char *text;             /* the compiled SBPL, without the protection */
    size_t len;
    int fd;                       /* from the run cache: text is NULL and the SBPL is */
    uint64_t off;                 /* the len bytes at off in fd (the caller closes it), */
    uint64_t digest;              /* digesting to this */
    const char **walk;            /* every path the compilation used or looked for */
    size_t nwalk;
    const char **import_dirs;     /* where an .sb's imports are looked for */
    size_t nimport;
    sb_param *params;             /* the -D values sandbox-exec gets (before NAME.re etc.) */
    size_t nparams;
    int cached;                   /* 1: from the run cache */
} run_profile;

/* 0, or 125 after printing why not (lint errors, compile errors, a parameter
 * without a value, an unreadable profile). */
int run_profile_obtain(const run_request *rq, arena *a, run_profile *out);
/* The sandbox-exec parameters for params: NAME, and NAME.re and
 * NAME.ancestors for the values that are absolute paths. */
/* This buckle: its version and executable (path, device, inode, size,
 * mtime), for the run cache key and the verdict mark. */
const char *run_binary_identity(const cli_env *env, arena *a);
/* A digest of what each path holds now: a file's contents, a directory, or
 * nothing (an .sb's imports are read by the evaluator, not the cache). */
uint64_t run_files_digest(const char *const *paths, size_t n, uint64_t seed);
sb_param *run_sbpl_params(arena *a, const sb_param *params, size_t n, size_t *out_n);
#endif
