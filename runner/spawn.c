/* spawn.c - run sandbox-exec as our child, forward signals, remove the
 * profile once applied, pass the status through (docs/runner.md, "Signals"
 * and "The profile file").  A signal handler can only reach the child
 * through process-wide state: the one static below, written before the
 * handlers can run and read only by them. */
#define _POSIX_C_SOURCE 200809L
#include "runner.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#ifdef __APPLE__
#include <libproc.h>
#include <limits.h>
#include <sys/event.h>
#include <sys/time.h>
#endif

#ifndef O_CLOEXEC
#define O_CLOEXEC 0
#endif

static struct {
    volatile pid_t child;           /* where to forward */
    volatile int tty;               /* our controlling terminal, or -1 */
} fwd = { 0, -1 };

/* A terminal sends SIGINT, SIGQUIT and SIGHUP to its whole foreground
 * process group, the child included: forwarding such a signal would deliver
 * it twice.  Linux says so in si_code (SI_KERNEL).  XNU does not (its
 * si_code is 0 for everything, and si_pid names whichever process was
 * running, such as the terminal emulator that wrote the ^C): there a signal
 * of those three is taken as the terminal's when our process group is the
 * terminal's foreground group. */
static int from_terminal(int sig, const siginfo_t *info)
{
#ifdef SI_KERNEL
    (void)sig;
    return info && info->si_code == SI_KERNEL;
#else
    (void)info;
    int tty = fwd.tty;
    return (sig == SIGINT || sig == SIGQUIT || sig == SIGHUP) && tty >= 0 && tcgetpgrp(tty) == getpgrp();
#endif
}

/* Forwards what was sent to buckle alone (a supervisor, timeout, kill),
 * whatever si_code says; not what the terminal sent to the whole group, nor
 * what the child sent itself. */
static void forward(int sig, siginfo_t *info, void *ctx)
{
    (void)ctx;
    pid_t child = fwd.child;
    if (child <= 0) return;
    if (info && info->si_pid == child) return;
    if (from_terminal(sig, info)) return;
    kill(child, sig);
}

static const int forwarded[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };

extern char **environ;

#ifdef __APPLE__
/* Calls applied() when the child has executed the command (sandbox-exec has
 * applied the profile and replaced itself) or has exited, whichever kqueue
 * reports first; an exec event while the child is still sandbox-exec is not
 * the one awaited.  Returns 1 when it called applied (0: the child could not
 * be watched, it was gone already). */
static int watch_exec(pid_t pid, const char *sx, void (*applied)(void *), void *ctx)
{
    char sx_real[PATH_MAX];
    if (!realpath(sx, sx_real)) snprintf(sx_real, sizeof sx_real, "%s", sx);
    int kq = kqueue();
    if (kq < 0) return 0;
    struct kevent ev;
    EV_SET(&ev, (uintptr_t)pid, EVFILT_PROC, EV_ADD | EV_CLEAR, NOTE_EXEC | NOTE_EXIT, 0, NULL);
    int called = 0;
    if (kevent(kq, &ev, 1, NULL, 0, NULL) == 0) {
        for (;;) {
            struct kevent got;
            int r = kevent(kq, NULL, 0, &got, 1, NULL);
            if (r < 0 && errno == EINTR) continue;
            if (r != 1) break;
            if (!(got.fflags & NOTE_EXIT)) {
                char now[PROC_PIDPATHINFO_MAXSIZE];
                if (proc_pidpath(pid, now, sizeof now) > 0 && !strcmp(now, sx_real)) continue;
            }
            applied(ctx);
            called = 1;
            break;
        }
    }
    close(kq);
    return called;
}
#endif

int runner_spawn(char *const argv[], void (*applied)(void *), void *ctx)
{
    struct sigaction sa, old[4];
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = forward;
    sa.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigset_t block, prev;
    sigemptyset(&block);
    for (int i = 0; i < 4; i++) sigaddset(&block, forwarded[i]);
    sigprocmask(SIG_BLOCK, &block, &prev);
#ifndef SI_KERNEL
    fwd.tty = open("/dev/tty", O_RDONLY | O_NOCTTY | O_CLOEXEC);
#endif
    for (int i = 0; i < 4; i++) sigaction(forwarded[i], &sa, &old[i]);
    /* the child starts with our original mask and the four signals at their
     * default action (SIG_IGN inherited from our parent stays ignored) */
    sigset_t deflt;
    sigemptyset(&deflt);
    for (int i = 0; i < 4; i++)
        if (old[i].sa_handler != SIG_IGN) sigaddset(&deflt, forwarded[i]);
    posix_spawnattr_t at;
    pid_t pid = -1;
    int err = posix_spawnattr_init(&at);
    if (!err) {
        posix_spawnattr_setsigmask(&at, &prev);
        posix_spawnattr_setsigdefault(&at, &deflt);
        posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
        err = posix_spawn(&pid, argv[0], NULL, &at, argv, environ);
        posix_spawnattr_destroy(&at);
    }
    if (err) {                  /* sandbox-exec itself: the command was checked before */
        for (int i = 0; i < 4; i++) sigaction(forwarded[i], &old[i], NULL);
        if (fwd.tty >= 0) { close(fwd.tty); fwd.tty = -1; }
        sigprocmask(SIG_SETMASK, &prev, NULL);
        errno = err;
        return -1;
    }
    fwd.child = pid;
    sigprocmask(SIG_SETMASK, &prev, NULL);
    int done = 0;
#ifdef __APPLE__
    if (applied) done = watch_exec(pid, argv[0], applied, ctx);
#endif
    int status = 0;
    pid_t r;
    do r = waitpid(pid, &status, 0); while (r < 0 && errno == EINTR);
    fwd.child = 0;
    if (applied && !done) applied(ctx);
    if (fwd.tty >= 0) { close(fwd.tty); fwd.tty = -1; }
    for (int i = 0; i < 4; i++) sigaction(forwarded[i], &old[i], NULL);
    if (r < 0) return -1;
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}

int runner_find_command(const char *cmd, char *out, size_t outlen)
{
    struct stat st;
    if (strchr(cmd, '/')) {
        if (stat(cmd, &st) != 0) return 127;
        if (S_ISDIR(st.st_mode) || access(cmd, X_OK) != 0) return 126;
        snprintf(out, outlen, "%s", cmd);
        return 0;
    }
    const char *path = getenv("PATH");
    if (!path || !*path) path = "/usr/bin:/bin";
    int found_noexec = 0;
    while (*path) {
        const char *colon = strchr(path, ':');
        size_t n = colon ? (size_t)(colon - path) : strlen(path);
        char cand[4096];
        snprintf(cand, sizeof cand, "%.*s%s%s", (int)n, n ? path : ".", "/", cmd);
        if (stat(cand, &st) == 0 && !S_ISDIR(st.st_mode)) {
            if (access(cand, X_OK) == 0) { snprintf(out, outlen, "%s", cand); return 0; }
            found_noexec = 1;
        }
        path += n + (colon ? 1 : 0);
        if (!colon) break;
    }
    return found_noexec ? 126 : 127;
}

const char *runner_launch_path(arena *a, const char *argv0)
{
    if (!argv0 || !*argv0) return NULL;
    if (strchr(argv0, '/')) return argv0;
    char buf[4096];
    return runner_find_command(argv0, buf, sizeof buf) == 0 ? arena_strdup(a, buf) : NULL;
}

size_t runner_launch_shadows(arena *a, const char *argv0, const char ***out)
{
    *out = NULL;
    if (!argv0 || !*argv0 || strchr(argv0, '/')) return 0;
    const char *path = getenv("PATH");
    if (!path || !*path) path = "/usr/bin:/bin";
    size_t cap = 4;
    for (const char *c = path; *c; c++) cap += 2 * (*c == ':');
    const char **v = arena_alloc(a, cap * sizeof *v);
    size_t n = 0;
    /* bash takes a leading `~` of an entry (`~/bin`, a quoting slip in
     * `PATH="~/bin:$PATH"`) as $HOME, dash as a directory of that name:
     * both are candidates */
    const char *home = getenv("HOME");
    /* an empty entry (leading, trailing or "::") is the current directory,
     * and a relative one lies below it: each candidate as an absolute path,
     * which the protection (macOS) and the after-run check compare */
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd)) cwd[0] = 0;
    /* the lookup's own order: the one it finds ends the list */
    for (;;) {
        const char *colon = strchr(path, ':');
        size_t len = colon ? (size_t)(colon - path) : strlen(path);
        const char *dir = len ? arena_strndup(a, path, len) : ".";
        const char *at = arena_printf(a, "%s/%s", dir, argv0);
        struct stat st;
        if (stat(at, &st) == 0 && !S_ISDIR(st.st_mode) && access(at, X_OK) == 0) break;
        const char *cand = dir[0] == '/' ? at
                         : cwd[0] ? arena_printf(a, "%s/%s", cwd, len ? at : argv0)
                         : NULL;
        if (cand && n < cap) v[n++] = cand;
        if (home && home[0] == '/' && dir[0] == '~' && (dir[1] == '/' || !dir[1]) && n < cap)
            v[n++] = arena_printf(a, "%s%s/%s", home, dir + 1, argv0);
        if (!colon) break;
        path = colon + 1;
    }
    *out = v;
    return n;
}
