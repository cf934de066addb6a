/* run_profile.h - what `buckle run` runs: the compiled profile and the values
 * of its parameters, from the run cache when nothing it depends on changed,
 * otherwise linted and compiled here (and stored for the next run). */
#ifndef BUCKLE_RUN_PROFILE_H
#define BUCKLE_RUN_PROFILE_H
#include "cli.h"
#include "../compiler/sbpl_eval.h"
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
    const char *protect_dir;      /* the profile directory the output must protect, or NULL */
    const char *cache_dir;        /* where the run cache is (the same directory), or NULL */
} run_request;

typedef struct run_profile {
    const char *text;             /* the SBPL to run, protection rules included */
    size_t len;
    int fd;                       /* from the run cache: text is NULL and the SBPL is */
    uint64_t off;                 /* the len bytes at off in fd (the caller closes it) */
    sb_param *params;             /* the -D values sandbox-exec gets (before NAME.re etc.) */
    size_t nparams;
    int cached;                   /* 1: from the run cache */
} run_profile;

/* 0, or 125 after printing why not (lint errors, compile errors, a parameter
 * without a value, an unreadable profile). */
int run_profile_obtain(const run_request *rq, arena *a, run_profile *out);
#endif
