/* tcpprobe.c - TCP for the Landlock tests (tests/cli/landlock.sh):
 *   tcpprobe serve FILE SECONDS  listens on two free ports of 127.0.0.1,
 *                                writes "PORT1 PORT2" to FILE, accepts (and
 *                                closes) connections for SECONDS, then exits
 *   tcpprobe connect PORT        connects to 127.0.0.1:PORT; exit 0, or 1
 *                                after printing the error (EACCES: "denied")
 *   tcpprobe socket FAM TYPE PROTO  socket(2) with these numbers: "created",
 *                                or "denied" (EACCES/EPERM) and exit 1
 *   tcpprobe listen              a TCP socket listening without bind (the
 *                                kernel picks a port): "listening", or
 *                                "denied" (EACCES/EPERM) and exit 1
 *   tcpprobe udpbind PORT        a UDP socket bound to 127.0.0.1:PORT:
 *                                "bound", or "denied" (EACCES/EPERM) and exit 1
 *   tcpprobe udpsend PORT        a UDP datagram to 127.0.0.1:PORT (the kernel
 *                                picks the sender's port): "sent", or
 *                                "denied" and exit 1
 *   tcpprobe sysv                shmget(IPC_PRIVATE): "created" or "denied"
 *   tcpprobe memfd               memfd_create("x", 0): "created" or "denied"
 *   tcpprobe tiocsti TEXT        types TEXT into the terminal on fd 0:
 *                                "injected", or "denied" and exit 1
 *   tcpprobe fdwrite N TEXT      writes TEXT to descriptor N: "written", or
 *                                the error and exit 1
 *   tcpprobe pty CMD [ARG...]    runs CMD in a new session whose controlling
 *                                terminal (its fd 0) is a new pseudo-terminal,
 *                                like a shell in a terminal; afterwards prints
 *                                "typed: " and what is waiting as input there */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 600
#endif
#include <arpa/inet.h>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static int listener(unsigned *port)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t n = sizeof a;
    if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof a) != 0 || listen(s, 16) != 0 ||
        getsockname(s, (struct sockaddr *)&a, &n) != 0) { perror("tcpprobe: listen"); exit(2); }
    *port = ntohs(a.sin_port);
    return s;
}

int main(int argc, char **argv)
{
    if (argc == 4 && !strcmp(argv[1], "serve")) {
        unsigned p1, p2;
        int s1 = listener(&p1), s2 = listener(&p2);
        FILE *f = fopen(argv[2], "w");
        if (!f) { perror(argv[2]); return 2; }
        fprintf(f, "%u %u\n", p1, p2);
        fclose(f);
        time_t end = time(NULL) + atoi(argv[3]);
        struct pollfd pf[2] = { { s1, POLLIN, 0 }, { s2, POLLIN, 0 } };
        while (time(NULL) < end) {
            if (poll(pf, 2, 200) <= 0) continue;
            for (int i = 0; i < 2; i++)
                if (pf[i].revents & POLLIN) { int c = accept(pf[i].fd, NULL, NULL); if (c >= 0) close(c); }
        }
        return 0;
    }
    if (argc == 3 && !strcmp(argv[1], "connect")) {
        int s = socket(AF_INET, SOCK_STREAM, 0);
        struct sockaddr_in a;
        memset(&a, 0, sizeof a);
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = htons((unsigned short)atoi(argv[2]));
        if (s < 0) { perror("tcpprobe: socket"); return 1; }
        if (connect(s, (struct sockaddr *)&a, sizeof a) != 0) {
            int e = errno;
            printf("%s\n", e == EACCES ? "denied" : strerror(e));
            return 1;
        }
        printf("connected\n");
        close(s);
        return 0;
    }
    if (argc == 5 && !strcmp(argv[1], "socket")) {
        int s = socket(atoi(argv[2]), atoi(argv[3]), atoi(argv[4]));
        if (s < 0) { printf("%s\n", errno == EACCES || errno == EPERM ? "denied" : strerror(errno)); return 1; }
        printf("created\n");
        return 0;
    }
    if (argc == 2 && !strcmp(argv[1], "listen")) {
        int s = socket(AF_INET, SOCK_STREAM, 0);
        if (s < 0 || listen(s, 1) != 0) { printf("%s\n", errno == EACCES || errno == EPERM ? "denied" : strerror(errno)); return 1; }
        printf("listening\n");
        return 0;
    }
    if (argc == 3 && (!strcmp(argv[1], "udpbind") || !strcmp(argv[1], "udpsend"))) {
        int s = socket(AF_INET, SOCK_DGRAM, 0);
        struct sockaddr_in a;
        memset(&a, 0, sizeof a);
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        a.sin_port = htons((unsigned short)atoi(argv[2]));
        int send = !strcmp(argv[1], "udpsend");
        if (s < 0 || (send ? sendto(s, "x", 1, 0, (struct sockaddr *)&a, sizeof a) != 1
                           : bind(s, (struct sockaddr *)&a, sizeof a) != 0)) {
            printf("%s\n", errno == EACCES || errno == EPERM ? "denied" : strerror(errno));
            return 1;
        }
        printf("%s\n", send ? "sent" : "bound");
        return 0;
    }
    if (argc == 2 && !strcmp(argv[1], "sysv")) {
        int id = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
        if (id < 0) { printf("%s\n", errno == EACCES || errno == EPERM ? "denied" : strerror(errno)); return 1; }
        shmctl(id, IPC_RMID, NULL);
        printf("created\n");
        return 0;
    }
    if (argc == 2 && !strcmp(argv[1], "keyring")) {
        /* KEYCTL_GET_KEYRING_ID (0) of the user keyring (-4), created if need be */
        long id = syscall(SYS_keyctl, 0L, -4L, 1L);
        if (id < 0) { printf("%s\n", errno == EACCES || errno == EPERM ? "denied" : strerror(errno)); return 1; }
        printf("reached\n");
        return 0;
    }
    if (argc == 2 && !strcmp(argv[1], "tcsetpgrp")) {
        /* the terminal's foreground, for a process group of its own */
        signal(SIGTTOU, SIG_IGN);
        setpgid(0, 0);
        if (tcsetpgrp(0, getpgrp()) != 0) { printf("%s\n", errno == EACCES || errno == EPERM ? "denied" : strerror(errno)); return 1; }
        printf("taken\n");
        return 0;
    }
    if (argc == 2 && !strcmp(argv[1], "memfd")) {
#ifdef SYS_memfd_create
        long fd = syscall(SYS_memfd_create, "x", 0u);
#else
        long fd = -1;
        errno = ENOSYS;
#endif
        if (fd < 0) { printf("%s\n", errno == EACCES || errno == EPERM ? "denied" : strerror(errno)); return 1; }
        printf("created\n");
        return 0;
    }
    if (argc == 3 && !strcmp(argv[1], "tiocsti")) {
        for (const char *c = argv[2]; *c; c++)
            if (ioctl(0, TIOCSTI, c) != 0) { printf("%s\n", errno == EACCES || errno == EPERM ? "denied" : strerror(errno)); return 1; }
        printf("injected\n");
        return 0;
    }
    if (argc == 4 && !strcmp(argv[1], "fdwrite")) {
        if (write(atoi(argv[2]), argv[3], strlen(argv[3])) < 0) { printf("%s\n", strerror(errno)); return 1; }
        printf("written\n");
        return 0;
    }
    if (argc >= 3 && !strcmp(argv[1], "pty")) {
        int m = posix_openpt(O_RDWR | O_NOCTTY);
        if (m < 0 || grantpt(m) != 0 || unlockpt(m) != 0) { perror("tcpprobe: pty"); return 2; }
        const char *sname = ptsname(m);
        fflush(stdout);
        pid_t pid = fork();
        if (pid == 0) {
            setsid();
            int sl = open(sname, O_RDWR);
            if (sl < 0 || ioctl(sl, TIOCSCTTY, 0) != 0) _exit(2);
            dup2(sl, 0);
            close(sl);
            close(m);
            execvp(argv[2], argv + 2);
            _exit(127);
        }
        int st = 0;
        waitpid(pid, &st, 0);
        /* input waiting on the terminal: what a shell reading it would run */
        int sl = open(sname, O_RDWR | O_NOCTTY | O_NONBLOCK);
        struct termios t;
        char buf[256];
        ssize_t n = 0;
        if (sl >= 0 && tcgetattr(sl, &t) == 0) {
            t.c_lflag &= ~(tcflag_t)ICANON;
            t.c_cc[VMIN] = 0;
            t.c_cc[VTIME] = 0;
            tcsetattr(sl, TCSANOW, &t);
            n = read(sl, buf, sizeof buf - 1);
        }
        buf[n > 0 ? n : 0] = 0;
        printf("typed: %s\n", buf);
        return WIFEXITED(st) ? WEXITSTATUS(st) : 2;
    }
    fprintf(stderr, "usage: tcpprobe serve FILE SECONDS | tcpprobe connect PORT\n");
    return 2;
}
