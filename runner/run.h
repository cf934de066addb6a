/* run.h - `buckle run` behind one call (docs/runner.md): the built-in
 * parameters from the environment, the profile and run cache directories,
 * the profile (from the cache, or linted and compiled), the protection of the
 * next run, the evaluator's check, the profile file, sandbox-exec's argv and
 * the child.  The caller parses flags, prints and maps the status to an exit
 * code; everything the runner has to say goes to a diagnostic sink. */
#ifndef BUCKLE_RUN_H
#define BUCKLE_RUN_H
#include "../compiler/compile.h"
#include "../support/arena.h"
#include "../support/diag.h"

/* Receives the runner's diagnostics in the order they are to be read (lint
 * findings, then the refusal they cause, ...).  put renders l; l is gone
 * after the call. */
typedef struct diag_sink {
    void (*put)(struct diag_sink *self, diag_list *l);
} diag_sink;

typedef struct run_request {
    const char *profile;          /* .buckle (compiled) or .sb (taken as it is); "-" stdin */
    char *const *cmd;             /* the command and its arguments, NULL-terminated */
    const char *const *incs;      /* -I */
    size_t ninc;
    const define *defs;           /* -D, canonicalized by define_parse */
    const char *const *raw_defs;  /* the same values as typed (their links are protected too) */
    size_t ndef;
    const char *const *std_dirs;  /* the standard library's directories, NULL-terminated */
    const char *buckle_path;      /* $BUCKLE_PATH, or NULL */
    const char *exe_path;         /* this executable, resolved ("" unknown): part of every cache key */
    const char *argv0;            /* the name buckle was started by (a link to it, a wrapper's
                                   * path): protected as typed, or as the PATH lookup found it */
    const char *sandbox_exec;     /* NULL: /usr/bin/sandbox-exec; else a stand-in (tests only) */
    const char *cache_parent;     /* where the run cache lives: NULL is /tmp (tests set their own) */
    int dry_run;                  /* prepare everything, run nothing, keep the profile file */
    int keep_profile;
    int allow_inline;             /* an unsafe profile directory: pass the profile with -p */
    int force;                    /* run despite lint errors */
    int no_cache;
    int no_userns;                /* the test hook: plan and run as where user namespaces are off */
    int verbose;                  /* notes about the cache; on Linux every rule's verdict */
    unsigned linux_accept;        /* Linux: the widening classes accepted (1 << LLC_*) */
    int landlock_abi;             /* Linux: plan for this ABI (0: the kernel's) */
    void (*print)(const char *text);   /* Linux: the summary and refusal lines, as they are */
} run_request;

typedef enum run_status {
    RUN_DONE,                     /* the command ran: exit_status is its status */
    RUN_DRY,                      /* dry run: argv is what would run */
    RUN_REFUSED,                  /* nothing ran: buckle failed or refused (the sink says why) */
    RUN_NOT_FOUND,                /* the command was not found */
    RUN_NOT_EXECUTABLE            /* the command cannot be executed */
} run_status;

typedef struct run_result {
    arena a;                      /* holds argv and file; the caller may keep the request's
                                   * strings in it too (one arena: fewer fresh pages) */
    int exit_status;              /* RUN_DONE: the command's (128+N for signal N) */
    char **argv;                  /* RUN_DONE, RUN_DRY: sandbox-exec's argv, NULL-terminated */
    size_t argc;
    const char *file;             /* the profile file, or NULL when passed inline */
    int kept;                     /* the file was left in place */
    int cached;                   /* the profile came from the run cache */
    int landlock;                 /* Linux: the command ran under Landlock (no profile file) */
    unsigned killed;              /* Linux: processes left behind by the command, killed */
    int checked;                  /* the evaluator's verdict came from the run cache */
    int body_checked;             /* the cache entry's profile matched its digest before */
    double ms_profile, ms_check, ms_write, ms_run;   /* where the time went */
} run_result;

/* Runs rq->cmd under rq->profile.  res, set up by run_result_init before,
 * is filled in every case; release it with run_result_free. */
run_status runner_run(const run_request *rq, diag_sink *sink, run_result *res);
void run_result_init(run_result *res);
void run_result_free(run_result *res);
/* `buckle run` on Linux (run_landlock.c): RUN_DONE with the command's
 * status in res (in buckle, the command's supervisor), or nothing was run
 * (RUN_REFUSED, RUN_NOT_FOUND, RUN_NOT_EXECUTABLE: in the child that was to
 * become the command, or in buckle before it forked). */
run_status runner_run_landlock(const run_request *rq, diag_sink *sink, run_result *res);
#endif
