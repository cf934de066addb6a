/* linux_run.c - `buckle run` on Linux: buckle starts a child that shares
 * its memory until it executes; the child restricts
 * itself with the Landlock ruleset of the plan (no_new_privs first), drops
 * the capabilities Landlock does not confine, installs the seccomp filter for
 * what Landlock cannot control, closes every descriptor above 2 and executes
 * the command; buckle stays as the parent and the subreaper of everything
 * the command starts, forwards the signals sent to it alone, and when the
 * command ends kills whatever it left behind, so that nothing of the
 * sandbox outlives the run (docs/linux.md). */
#define _GNU_SOURCE
#include "linux_run.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __linux__
#include <sched.h>
#include <stdint.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#endif

#ifdef __linux__
/* the signals forwarded to the command when sent to buckle alone */
static const int forwarded[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
enum { NFWD = sizeof forwarded / sizeof forwarded[0] };

/* The child: it shares buckle's memory until it executes the command
 * (buckle waits meanwhile), so it makes system calls only: no allocation,
 * no stdio.  What fails is left in l->stage and l->err. */
static int child_main(void *arg)
{
    ll_launch *l = arg;
    ll_supervise *s = l->sup;
    sigaction(SIGCHLD, &s->chld, NULL);
    sigprocmask(SIG_SETMASK, &s->mask, NULL);
    /* buckle killed: so is the command (its descendants then have no
     * subreaper, see docs/linux.md) */
    prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
    if (getppid() != s->parent) { l->stage = LL_STAGE_PARENT; _exit(125); }
    int err;
    /* the plan's mounts, in the namespaces this child was made in, before
     * Landlock (which refuses every mount change once it holds) */
    if (l->nbinds) {
        err = ll_ns_enter(l->uid, l->gid);
        if (err) { l->stage = LL_STAGE_USERNS; l->err = err; _exit(125); }
        err = ll_ns_mount(l->binds, l->nbinds, &l->bind_failed);
        if (err) { l->stage = LL_STAGE_MOUNT; l->err = err; _exit(125); }
        /* the working directory was entered before the mounts: through
         * it, relative paths would reach a directory mounted read-only
         * (or one beneath it) on the mount below.  Entered again by its
         * path, through the mounts, and checked to be the same directory */
        struct stat before, after;
        if (l->cwd && (stat(".", &before) != 0 || chdir(l->cwd) != 0 || stat(".", &after) != 0)) {
            l->stage = LL_STAGE_CWD;
            l->err = errno;
            _exit(125);
        }
        if (l->cwd && (before.st_dev != after.st_dev || before.st_ino != after.st_ino)) {
            l->stage = LL_STAGE_CWD;
            l->err = ESTALE;
            _exit(125);
        }
    }
    err = l->own_proc ? ll_ruleset_add_own_proc(l->ruleset, l->own_proc) : 0;
    if (err) { l->stage = LL_STAGE_RULESET; l->err = err; _exit(125); }
    err = ll_restrict_self(l->ruleset, l->restrict_flags);
    if (err) { l->stage = LL_STAGE_RULESET; l->err = err; _exit(125); }
    close(l->ruleset);
    /* in a user namespace of its own the child holds every capability
     * there: none is kept */
    err = l->nbinds ? ll_caps_drop_all() : ll_caps_drop();
    if (err) { l->stage = LL_STAGE_CAPS; l->err = err; _exit(125); }
    /* buckle, the supervisor, must outlive the command (LL_SC_GUARD) */
    err = ll_seccomp_install(l->seccomp, (uint32_t)s->parent, (uint32_t)getpgrp());
    if (err) { l->stage = LL_STAGE_SECCOMP; l->err = err; _exit(125); }
    /* descriptors the caller left open would reach what the profile denies */
    ll_close_inherited();
    /* buckle's memory is still this child's: made not dumpable here, buckle
     * stays so until the command has ended (runner_landlock_supervise), and
     * the files of its /proc/PID belong to root meanwhile, so that the
     * command, running as the same user, cannot write them (oom_score_adj:
     * the out-of-memory killer would pick buckle, and nothing would check
     * the run); the command's own memory, after execv, is dumpable again */
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    execv(l->path, l->argv);
    l->stage = LL_STAGE_EXEC;
    l->err = errno;
    _exit(l->err == ENOENT ? 127 : 126);
}

int runner_landlock_start(ll_supervise *s, ll_launch *l)
{
    memset(s, 0, sizeof *s);
    l->sup = s;
    l->stage = LL_STAGE_NONE;
    l->err = 0;
    s->parent = getpid();
    s->dumpable = prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
    /* orphans of the command become buckle's children, not init's */
    if (prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0) return errno;
    sigset_t block;
    sigemptyset(&block);
    for (int i = 0; i < NFWD; i++) sigaddset(&block, forwarded[i]);
    sigaddset(&block, SIGCHLD);
    sigprocmask(SIG_BLOCK, &block, &s->mask);
    /* a SIGCHLD ignored by whoever started buckle would reap the command
     * before buckle could read its status */
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(SIGCHLD, &dfl, &s->chld);
    fflush(NULL);
    /* no copy of buckle's memory (a fork copies its page tables, and every
     * page either process writes afterwards): the child runs on a stack of
     * its own, here in this frame, which stays as it is while buckle waits
     * (it resumes once the child has executed the command or failed); the
     * child needs a few kilobytes (the seccomp filter is built there), and
     * these pages of buckle's stack were already in use */
    enum { STACK = 16 * 1024 };
    _Alignas(64) char stack[STACK];
    int ns = l->nbinds ? CLONE_NEWUSER | CLONE_NEWNS : 0;
    pid_t pid = clone(child_main, stack + STACK, CLONE_VM | CLONE_VFORK | SIGCHLD | ns, l);
    if (pid < 0) {
        int e = errno;
        sigaction(SIGCHLD, &s->chld, NULL);
        sigprocmask(SIG_SETMASK, &s->mask, NULL);
        prctl(PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0);
        return e;
    }
    s->child = pid;
    return 0;
}

/* pids buckle is the parent of, from /proc/self/task/TID/children or, with
 * scan (or without CONFIG_PROC_CHILDREN), every process whose parent it is */
static size_t children(pid_t self, int scan, pid_t *out, size_t max)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%ld/task/%ld/children", (long)self, (long)self);
    size_t n = 0;
    FILE *f = scan ? NULL : fopen(path, "re");
    if (f) {
        long v;
        while (n < max && fscanf(f, "%ld", &v) == 1) out[n++] = (pid_t)v;
        fclose(f);
        return n;
    }
    DIR *d = opendir("/proc");
    if (!d) return 0;
    struct dirent *e;
    while (n < max && (e = readdir(d))) {
        char *end;
        long v = strtol(e->d_name, &end, 10);
        if (*end || v <= 0) continue;
        char sp[64], buf[512];
        snprintf(sp, sizeof sp, "/proc/%ld/stat", v);
        int fd = open(sp, O_RDONLY | O_CLOEXEC);
        if (fd < 0) continue;
        ssize_t r = read(fd, buf, sizeof buf - 1);
        close(fd);
        if (r <= 0) continue;
        buf[r] = 0;
        const char *rp = strrchr(buf, ')');
        long ppid;
        char st;
        if (rp && sscanf(rp + 1, " %c %ld", &st, &ppid) == 2 && ppid == (long)self) out[n++] = (pid_t)v;
    }
    closedir(d);
    return n;
}

/* 1 when the process is stopped (state T in /proc/PID/stat) */
static int stopped(pid_t pid)
{
    char path[64], buf[512];
    snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    ssize_t r = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (r <= 0) return 0;
    buf[r] = 0;
    const char *rp = strrchr(buf, ')');
    char st;
    return rp && sscanf(rp + 1, " %c", &st) == 1 && st == 'T';
}

int runner_landlock_supervise(ll_supervise *s)
{
    sigset_t wait_for;
    sigemptyset(&wait_for);
    for (int i = 0; i < NFWD; i++) sigaddset(&wait_for, forwarded[i]);
    sigaddset(&wait_for, SIGCHLD);
    int status = 0, done = 0, none = 0, asked = 0;
    while (!done) {
        siginfo_t si;
        int sig = sigwaitinfo(&wait_for, &si);
        if (sig < 0) continue;
        if (sig != SIGCHLD) {
            /* the terminal's signals reach the command's process group
             * already; the command's own signals to buckle are not echoed.
             * A stopped command is continued, so that the signal acts (a
             * command that stopped itself would otherwise keep buckle
             * waiting until it is killed, and then its processes would
             * outlive it unchecked); a second SIGTERM or SIGINT from
             * outside ends it (SIGKILL) when it did not end at the first,
             * and the run then ends as after any command */
            if (si.si_code == SI_KERNEL || si.si_pid == s->child) continue;
            if ((sig == SIGTERM || sig == SIGINT) && asked++) {
                kill(s->child, SIGKILL);
                s->forced = 1;
                continue;
            }
            kill(s->child, sig);
            if (stopped(s->child)) kill(s->child, SIGCONT);
            continue;
        }
        /* SIGCHLD: the command, or an orphan adopted from it */
        for (;;) {
            int st;
            pid_t r = waitpid(-1, &st, WNOHANG);
            /* no child at all, alive or not: the command left nothing
             * behind (its orphans are buckle's children before it can be
             * reaped) */
            none = r < 0 && errno == ECHILD;
            if (r <= 0) break;
            if (r == s->child) { status = st; done = 1; }
        }
    }
    /* The command is gone: nothing it started may act after the run.  Kill
     * every child (the orphans adopted) and reap it; the children of a
     * killed one are adopted in turn, until buckle has no child left. */
    pid_t self = getpid();
    int scan = 0;
    while (!none) {
        pid_t kids[256];
        size_t n = children(self, scan, kids, sizeof kids / sizeof kids[0]);
        for (size_t i = 0; i < n; i++) kill(kids[i], SIGKILL);
        int st;
        pid_t r = waitpid(-1, &st, n ? 0 : WNOHANG);
        if (r < 0 && errno == ECHILD) break;
        if (r > 0 && WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL) s->killed++;
        /* a child the list did not show yet (being adopted): look at every process */
        scan = r == 0;
    }
    sigaction(SIGCHLD, &s->chld, NULL);
    sigprocmask(SIG_SETMASK, &s->mask, NULL);
    prctl(PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0);
    if (s->dumpable == 1) prctl(PR_SET_DUMPABLE, 1, 0, 0, 0);
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return 125;
}
#else
int runner_landlock_start(ll_supervise *s, ll_launch *l)
{
    (void)l;
    memset(s, 0, sizeof *s);
    return 38;   /* ENOSYS: Landlock runs only on Linux */
}

int runner_landlock_supervise(ll_supervise *s)
{
    (void)s;
    return 125;
}
#endif
