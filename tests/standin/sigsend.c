/* sigsend.c - sends signals the way the tests of `buckle run` need them
 * (tests/cli/run_signals.sh):
 *   sigsend thread PID SIG     one thread-directed signal from another
 *                              process (Linux tgkill: si_code SI_TKILL, not
 *                              SI_USER; like XNU's kill, whose si_code is 0)
 *   sigsend tty READY -- CMD   runs CMD as the foreground job of a new
 *                              terminal, waits until the file READY exists,
 *                              types Ctrl-C once, and exits with CMD's status
 *                              (128+N for signal N) */
#define _XOPEN_SOURCE 600
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#ifndef _DARWIN_C_SOURCE
#define _DARWIN_C_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/syscall.h>
#endif

static int usage(void)
{
    fprintf(stderr, "usage: sigsend thread PID SIG | sigsend tty READY -- CMD [ARG...]\n");
    return 2;
}

static void nap(void)
{
    struct timespec ts = { 0, 20 * 1000 * 1000 };
    nanosleep(&ts, NULL);
}

int main(int argc, char **argv)
{
    if (argc >= 4 && !strcmp(argv[1], "thread")) {
#ifdef SYS_tgkill
        pid_t pid = (pid_t)atol(argv[2]);
        return syscall(SYS_tgkill, pid, pid, atoi(argv[3])) == 0 ? 0 : 1;
#else
        return 3;                /* no thread-directed signal here: the caller skips */
#endif
    }
    if (argc >= 5 && !strcmp(argv[1], "tty") && !strcmp(argv[3], "--")) {
        int m = posix_openpt(O_RDWR | O_NOCTTY);
        if (m < 0 || grantpt(m) != 0 || unlockpt(m) != 0) { perror("sigsend: pty"); return 1; }
        const char *sname = ptsname(m);
        if (!sname) { perror("sigsend: ptsname"); return 1; }
        pid_t pid = fork();
        if (pid < 0) { perror("sigsend: fork"); return 1; }
        if (pid == 0) {
            setsid();
            int s = open(sname, O_RDWR);
            if (s < 0) _exit(120);
#ifdef TIOCSCTTY
            ioctl(s, TIOCSCTTY, 0);
#endif
            dup2(s, 0);
            dup2(s, 1);
            dup2(s, 2);
            if (s > 2) close(s);
            signal(SIGINT, SIG_DFL);
            execvp(argv[4], argv + 4);
            _exit(127);
        }
        struct stat st;
        for (int i = 0; i < 500 && stat(argv[2], &st) != 0; i++) nap();
        for (int i = 0; i < 10; i++) nap();
        struct termios t;
        char intr = 3;
        if (tcgetattr(m, &t) == 0) intr = (char)t.c_cc[VINTR];
        if (write(m, &intr, 1) != 1) perror("sigsend: write");
        int status = 0;
        char buf[256];
        /* drain the terminal so the job never blocks on output */
        int fl = fcntl(m, F_GETFL);
        fcntl(m, F_SETFL, fl | O_NONBLOCK);
        for (;;) {
            pid_t r = waitpid(pid, &status, WNOHANG);
            if (r == pid) break;
            if (r < 0 && errno != EINTR) return 1;
            while (read(m, buf, sizeof buf) > 0) { /* discard */ }
            nap();
        }
        if (WIFEXITED(status)) return WEXITSTATUS(status);
        return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 1;
    }
    return usage();
}
