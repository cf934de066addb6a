/* run_profile.h - what `buckle run` runs: the compiled profile, the paths the
 * compilation used (which the run protects) and the values of its
 * parameters; from the run cache when nothing it depends on changed,
 * otherwise linted and compiled here (and stored for the next run).
 * Internal to runner/ (run.c is its one user). */
#ifndef BUCKLE_RUN_PROFILE_H
#define BUCKLE_RUN_PROFILE_H
#include "run.h"
#include "profile_cache.h"
#include "../sbpl/sbpl_eval.h"

typedef struct profile_request {
    const run_request *rq;        /* profile, -I, options, this executable */
    const char *identity;         /* run_binary_identity, worked out once per run */
    const char *cwd;              /* the current directory */
    const sb_param *defs;         /* -D, canonicalized */
    size_t ndef;
    const sb_param *builtin;      /* HOME, TMPDIR, WORKDIR, USER (value NULL: not in the environment) */
    size_t nbuiltin;
    int cache_fd;                 /* the run cache directory, or -1 */
    int skip_load;                /* compile (and store) even if an entry exists */
    diag_sink *sink;
} profile_request;

typedef struct run_profile {
    const char *text;             /* the compiled SBPL, without the protection */
    size_t len;
    int fd;                       /* from the run cache: text is NULL and the SBPL is */
    uint64_t off;                 /* the len bytes at off in fd (the caller closes it), */
    uint64_t digest;              /* digesting to this */
    uint64_t state;               /* the cache entry file's state (its "vb-" mark) */
    const char **walk;            /* every path the compilation used or looked for */
    size_t nwalk;
    size_t nsources;              /* the first of them: the profile and every file read */
    const char **import_dirs;     /* where an .sb's imports are looked for */
    size_t nimport;
    sb_param *params;             /* the -D values sandbox-exec gets (before NAME.re etc.) */
    size_t nparams;
    int cached;                   /* 1: from the run cache */
} run_profile;

/* 0, or -1 after saying why not (lint errors, compile errors, a parameter
 * without a value, an unreadable profile). */
int run_profile_obtain(const profile_request *pr, arena *a, run_profile *out);
/* This buckle: its version and executable (path, device, inode, size,
 * mtime), for the run cache key and the verdict mark. */
const char *run_binary_identity(const run_request *rq, arena *a);
/* A digest of what each path holds now: a file's contents, a directory, or
 * nothing (an .sb's imports are read by the evaluator, not the cache). */
uint64_t run_files_digest(const char *const *paths, size_t n, uint64_t seed);
/* The sandbox-exec parameters for params: NAME, and NAME.re and
 * NAME.ancestors for the values that are absolute paths. */
sb_param *run_sbpl_params(arena *a, const sb_param *params, size_t n, size_t *out_n);

/* ---- shared by run.c and run_profile.c (run_say.c) ---- */

/* One message without a location, to the sink. */
void run_say(diag_sink *sink, severity sev, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* The whole list to the sink (then it is empty). */
void run_put(diag_sink *sink, diag_list *l);
/* .sb: an SBPL profile, taken as it is */
int run_is_sb(const char *path);
/* realpath of an absolute path that exists, else the value itself with "//"
 * collapsed and a trailing "/" dropped. */
const char *run_canonical(arena *a, const char *v);
/* A parameter's value by name (len bytes, not terminated), for the
 * declared defaults: NULL when there is none (*failed set when that is an
 * error already reported). */
typedef const char *(*run_param_lookup)(void *ctx, const char *name, size_t len, int *failed);
/* The value of a declared default: each ${NAME} in def replaced by look's
 * value (one level); NULL when look gives none for one.  The one expansion
 * of defaults (macOS runs and Linux runs, cold and from the run cache). */
const char *run_expand_default(arena *a, const char *def, run_param_lookup look, void *ctx, int *failed);
/* run_param_lookup over a list, the last value of a name winning */
typedef struct run_param_list { const sb_param *v; size_t n; } run_param_list;
const char *run_param_in(void *ctx, const char *name, size_t len, int *failed);
/* The home directory and login name of the user running buckle, from the
 * password database (copies in a; either pointer may be NULL); 0, or -1. */
int run_user_entry(arena *a, const char **home, const char **name);
/* The home directory of the user named user in the password database (a
 * copy in a, *home); 0, or -1 when there is none. */
int run_named_user_home(arena *a, const char *user, const char **home);
#endif
