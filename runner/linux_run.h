/* linux_run.h - `buckle run` on Linux: the command in a child restricted by
 * the Landlock ruleset, buckle its supervisor (linux_run.c). */
#ifndef BUCKLE_LINUX_RUN_H
#define BUCKLE_LINUX_RUN_H
#include "../backend/landlock.h"
#include <signal.h>
#include <sys/types.h>

typedef struct ll_supervise {
    pid_t parent, child;          /* buckle; the command (0 in the child) */
    sigset_t mask;                /* the signal mask before the fork */
    struct sigaction chld;        /* SIGCHLD's action before the fork */
    unsigned killed;              /* processes killed after the command ended */
} ll_supervise;

/* Forks: buckle becomes the subreaper of the command's processes and blocks
 * the signals it forwards; in the child (s->child == 0) everything is as it
 * was, and the child is killed if buckle dies.  Returns 0 or an errno value. */
int runner_landlock_fork(ll_supervise *s);
/* In buckle: waits for the command, forwarding SIGINT, SIGTERM, SIGHUP and
 * SIGQUIT sent to buckle alone; then kills and reaps every process the
 * command left behind.  Returns the command's status (128+N for signal N). */
int runner_landlock_supervise(ll_supervise *s);
/* In the child: applies the plan's Landlock ruleset to this process
 * (no_new_privs first), drops capabilities, installs the seccomp filter and
 * executes path in its place; returns only on failure: 125 (the ruleset),
 * 126 or 127 (the exec), with *why. */
int runner_landlock_exec(const ll_plan *p, int kernel_abi, const char *path, char *const argv[], arena *a,
                         const char **why);
#endif
