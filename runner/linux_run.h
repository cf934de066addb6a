/* linux_run.h - `buckle run` on Linux: the command in a child restricted by
 * the Landlock ruleset, buckle its supervisor (linux_run.c). */
#ifndef BUCKLE_LINUX_RUN_H
#define BUCKLE_LINUX_RUN_H
#include "../backend/landlock.h"
#include "../support/arena.h"
#include <signal.h>
#include <sys/types.h>

typedef struct ll_supervise {
    pid_t parent, child;          /* buckle; the command */
    int dumpable;                 /* buckle's PR_GET_DUMPABLE before (not dumpable while it supervises) */
    sigset_t mask;                /* the signal mask before the command started */
    struct sigaction chld;        /* SIGCHLD's action before the command started */
    unsigned killed;              /* processes killed after the command ended */
    int forced;                   /* the command was killed at a second SIGTERM or SIGINT */
} ll_supervise;

/* What the child needs to become the command, prepared by buckle. */
enum { LL_STAGE_NONE, LL_STAGE_PARENT, LL_STAGE_RULESET, LL_STAGE_CAPS, LL_STAGE_SECCOMP, LL_STAGE_EXEC,
       LL_STAGE_USERNS, LL_STAGE_MOUNT, LL_STAGE_CWD };
typedef struct ll_launch {
    int ruleset;                  /* the plan's ruleset (ll_ruleset_create), closed in the child */
    uint64_t own_proc;            /* the rights on the command's own /proc/PID (ll_plan_detach_own) */
    unsigned restrict_flags, seccomp;
    const char *path;             /* the command, resolved */
    char *const *argv;
    const ll_bind *binds;         /* the plan's mounts: with any, the child is made in a user
                                   * and mount namespace of its own (landlock_ns.c) */
    size_t nbinds;
    unsigned uid, gid;            /* buckle's, mapped to themselves there */
    const char *cwd;              /* with mounts: the working directory's path, entered again
                                   * after them (the inherited one would bypass them), or NULL */
    ll_supervise *sup;
    int stage, err;               /* out: where the child failed (LL_STAGE_*), the errno value */
    size_t bind_failed;           /* LL_STAGE_MOUNT: which mount */
} ll_launch;

/* Starts the command: buckle becomes the subreaper of the command's
 * processes and blocks the signals it forwards; the child (sharing buckle's
 * memory, system calls only) restores them, is killed if buckle dies, with
 * mounts maps its IDs in its new user namespace and makes them, adds
 * its own /proc/PID to the ruleset, restricts itself (no_new_privs first),
 * drops capabilities, installs the seccomp filter, closes every descriptor
 * above 2 and executes the command.  Returns once the child has executed it
 * or failed (l->stage, l->err; its exit status then 125, or 126 and 127 for
 * the exec); 0, or an errno value when no child was started (with
 * mounts: the namespaces could not be made). */
int runner_landlock_start(ll_supervise *s, ll_launch *l);
/* In buckle: waits for the command, forwarding SIGINT, SIGTERM, SIGHUP and
 * SIGQUIT sent to buckle alone; then kills and reaps every process the
 * command left behind.  Returns the command's status (128+N for signal N). */
int runner_landlock_supervise(ll_supervise *s);
#endif
