/* sysprobe.c - system calls for the Landlock hardening tests
 * (tests/cli/landlock_harden.sh).  Each prints "allowed" (exit 0) or
 * "refused: ERROR" (exit 1):
 *   sysprobe hostname          sethostname() to the current name (no change)
 *   sysprobe unshare NAME      unshare() of one namespace: user, net, mount, pid
 *   sysprobe clone-user        clone(CLONE_NEWUSER), the child exits at once
 *   sysprobe clone3            clone3() of a plain child
 *   sysprobe userfaultfd       userfaultfd(UFFD_USER_MODE_ONLY)
 *   sysprobe perf              perf_event_open() of a software clock on itself
 *   sysprobe bpf               bpf(BPF_MAP_CREATE) of a one-entry array
 *   sysprobe personality       personality(READ_IMPLIES_EXEC)
 *   sysprobe vmread PID        process_vm_readv() of one byte of PID's stack
 *   sysprobe prlimit PID       prlimit(PID, RLIMIT_CORE) set to what it is
 *   sysprobe sched PID         sched_setscheduler(PID) to the policy it has
 *   sysprobe affinity PID      sched_setaffinity(PID) to the CPUs it has
 *   sysprobe ioprio PID        ioprio_set(IOPRIO_WHO_PROCESS, PID) to what it has
 *   sysprobe ioprio-user       ioprio_set(IOPRIO_WHO_USER, 0) (every process of root)
 *   sysprobe renice PID        setpriority(PRIO_PROCESS, PID) to what it is
 *   sysprobe watch DIR         inotify_add_watch(DIR); "allowed" also
 *                              prints the first event's name within 2 s
 *   sysprobe open PATH         open(PATH, O_RDONLY): a file or a directory
 *   sysprobe ioctl PATH        ioctl(FIONREAD) on PATH opened O_RDONLY (fails
 *                              when it cannot be opened)
 *   sysprobe truncate PATH     truncate(PATH) to the size it has (no change)
 *   sysprobe open-trunc PATH   open(PATH, O_RDONLY|O_TRUNC) (empties the file)
 *   sysprobe excl              ioctl(0, TIOCEXCL), then TIOCNXCL at once
 *   sysprobe ttystop FD        clears IXON on the terminal FD (Ctrl-Q does
 *                              nothing), then tcflow(FD, TCOOFF): its
 *                              output stops (says nothing when allowed)
 *   sysprobe setxattr PATH     setxattr(PATH, "user.buckle-probe", "x")
 *   sysprobe setacl PATH UID   setxattr(PATH, "system.posix_acl_access") of
 *                              an ACL that lets user UID read and write
 *                              (user::rwx, user:UID:rw-, group::r-x,
 *                              mask::rwx, other::r-x)
 *   sysprobe fsioctl DIR TYPE  ioctl(DIR opened read-only, a command of type
 *                              TYPE (hex): 94 btrfs's SNAP_CREATE, bc
 *                              bcachefs's SUBVOLUME_CREATE) with zeroed
 *                              arguments; "refused: ERROR" names the error
 *   sysprobe chmod PATH MODE   chmod(PATH, MODE) (MODE in octal)
 *   sysprobe create PATH MODE  open(PATH, O_CREAT|O_EXCL|O_WRONLY, MODE)
 *   sysprobe chown PATH UID    chown(PATH, UID, -1)
 *   sysprobe chroot DIR        chroot(DIR)
 *   sysprobe nonblock FD       fcntl(FD, F_SETFL) adding O_NONBLOCK
 *   sysprobe packet            socket(AF_PACKET, SOCK_RAW, 0)
 *   sysprobe pgid-own          setpgid(0, 0): a process group of its own
 *   sysprobe pgid-join         setpgid(0, 0), then setpgid(0, getsid(0)): joins
 *                              the session leader's process group (the
 *                              caller's shell), reported
 *   sysprobe setuid UID        setgroups(0), setresgid(UID), setresuid(UID)
 *                              (the gid is the uid's number)
 *   sysprobe socketpair FAMILY TYPE   socketpair(FAMILY, TYPE, 0) (numbers)
 *   sysprobe pair-send TYPE PATH  socketpair(AF_UNIX, TYPE), then sendto()
 *                              PATH, then connect() to PATH and send():
 *                              "allowed" when either reached it
 *   sysprobe dgram-recv PATH CMD...  binds a unix datagram socket at PATH,
 *                              runs CMD and waits for it, then prints
 *                              "received N" (datagrams queued) or "nothing"
 *   sysprobe daemon FILE       forks a child that leaves the session, writes
 *                              its pid to FILE, then appends a line to
 *                              FILE.log every 50 ms for 30 s; returns at once */
#define _GNU_SOURCE
#ifdef __linux__
#include <errno.h>
#include <fcntl.h>
#include <linux/perf_event.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static int say(long r)
{
    if (r >= 0) { puts("allowed"); fflush(stdout); return 0; }
    printf("refused: %s\n", strerror(errno));
    fflush(stdout);
    return 1;
}

int main(int argc, char **argv)
{
    if (argc == 2 && !strcmp(argv[1], "hostname")) {
        char h[256];
        if (gethostname(h, sizeof h) != 0) return say(-1);
        return say(sethostname(h, strlen(h)));
    }
    if (argc == 3 && !strcmp(argv[1], "unshare")) {
        int f = !strcmp(argv[2], "user") ? CLONE_NEWUSER : !strcmp(argv[2], "net") ? CLONE_NEWNET
              : !strcmp(argv[2], "mount") ? CLONE_NEWNS : !strcmp(argv[2], "pid") ? CLONE_NEWPID : 0;
        return say(unshare(f));
    }
    if (argc == 2 && !strcmp(argv[1], "clone-user")) {
        long r = syscall(SYS_clone, (unsigned long)(CLONE_NEWUSER | SIGCHLD), NULL, NULL, NULL, NULL);
        if (r == 0) _exit(0);
        if (r > 0) waitpid((pid_t)r, NULL, 0);
        return say(r);
    }
    if (argc == 2 && !strcmp(argv[1], "clone3")) {
        uint64_t args[11];
        memset(args, 0, sizeof args);
        args[4] = SIGCHLD;   /* exit_signal */
        long r = syscall(435, args, sizeof args);
        if (r == 0) _exit(0);
        if (r > 0) waitpid((pid_t)r, NULL, 0);
        return say(r);
    }
    if (argc == 2 && !strcmp(argv[1], "userfaultfd")) return say(syscall(SYS_userfaultfd, 1 /* UFFD_USER_MODE_ONLY */));
    if (argc == 2 && !strcmp(argv[1], "perf")) {
        struct perf_event_attr a;
        memset(&a, 0, sizeof a);
        a.size = sizeof a;
        a.type = PERF_TYPE_SOFTWARE;
        a.config = PERF_COUNT_SW_TASK_CLOCK;
        a.exclude_kernel = 1;
        a.exclude_hv = 1;
        return say(syscall(SYS_perf_event_open, &a, 0, -1, -1, 0));
    }
    if (argc == 2 && !strcmp(argv[1], "bpf")) {
        uint32_t attr[32];
        memset(attr, 0, sizeof attr);
        attr[0] = 2;   /* BPF_MAP_TYPE_ARRAY */
        attr[1] = 4;   /* key size */
        attr[2] = 4;   /* value size */
        attr[3] = 1;   /* entries */
        return say(syscall(SYS_bpf, 0 /* BPF_MAP_CREATE */, attr, sizeof attr));
    }
    if (argc == 2 && !strcmp(argv[1], "personality")) {
        long r = syscall(SYS_personality, 0x0400000UL);
        return say(r < 0 ? r : syscall(SYS_personality, 0xffffffffUL) & 0x0400000 ? 0 : -1);
    }
    if (argc == 3 && !strcmp(argv[1], "vmread")) {
        char local, *remote = NULL;
        /* any mapped address of the other process: its stack's start */
        char path[64], line[512];
        snprintf(path, sizeof path, "/proc/%s/stat", argv[2]);
        FILE *f = fopen(path, "r");
        unsigned long start = 0;
        if (f && fgets(line, sizeof line, f)) {
            const char *p = strrchr(line, ')');
            for (int field = 2; p && field < 28; field++) p = strchr(p + 1, ' ');
            if (p) start = strtoul(p + 1, NULL, 10);
        }
        if (f) fclose(f);
        remote = (char *)start;
        struct iovec l = { &local, 1 }, r = { remote, 1 };
        long n = process_vm_readv((pid_t)atoi(argv[2]), &l, 1, &r, 1, 0);
        if (n < 0 && errno == EFAULT) { puts("allowed"); return 0; }   /* reached the process */
        return say(n);
    }
    if (argc == 3 && !strcmp(argv[1], "prlimit")) {
        struct rlimit r;
        if (prlimit((pid_t)atoi(argv[2]), RLIMIT_CORE, NULL, &r) != 0) return say(-1);
        return say(prlimit((pid_t)atoi(argv[2]), RLIMIT_CORE, &r, NULL));
    }
    if (argc == 3 && !strcmp(argv[1], "sched")) {
        struct sched_param sp;
        int pol = sched_getscheduler((pid_t)atoi(argv[2]));
        if (pol < 0 || sched_getparam((pid_t)atoi(argv[2]), &sp) != 0) return say(-1);
        return say(sched_setscheduler((pid_t)atoi(argv[2]), pol, &sp));
    }
    if (argc == 3 && !strcmp(argv[1], "affinity")) {
        cpu_set_t cs;
        if (sched_getaffinity((pid_t)atoi(argv[2]), sizeof cs, &cs) != 0) return say(-1);
        return say(sched_setaffinity((pid_t)atoi(argv[2]), sizeof cs, &cs));
    }
    if (argc == 3 && !strcmp(argv[1], "ioprio")) {
        long prio = syscall(SYS_ioprio_get, 1, atoi(argv[2]));
        if (prio < 0) return say(-1);
        return say((int)syscall(SYS_ioprio_set, 1, atoi(argv[2]), prio));
    }
    if (argc == 2 && !strcmp(argv[1], "ioprio-user")) {
        long prio = syscall(SYS_ioprio_get, 3, 0);
        if (prio < 0) return say(-1);
        return say((int)syscall(SYS_ioprio_set, 3, 0, prio));
    }
    if (argc == 3 && !strcmp(argv[1], "renice")) {
        errno = 0;
        int n = getpriority(PRIO_PROCESS, (id_t)atoi(argv[2]));
        if (errno) return say(-1);
        return say(setpriority(PRIO_PROCESS, (id_t)atoi(argv[2]), n));
    }
    if (argc == 3 && !strcmp(argv[1], "watch")) {
        int fd = inotify_init1(IN_CLOEXEC);
        if (fd < 0 || inotify_add_watch(fd, argv[2], IN_CREATE | IN_MODIFY | IN_OPEN) < 0) return say(-1);
        puts("allowed");
        fflush(stdout);
        struct pollfd pf = { fd, POLLIN, 0 };
        char buf[4096] __attribute__((aligned(8)));
        if (poll(&pf, 1, 2000) == 1) {
            ssize_t n = read(fd, buf, sizeof buf);
            const struct inotify_event *e = (const struct inotify_event *)buf;
            if (n > (ssize_t)sizeof *e && e->len) printf("event: %s\n", e->name);
        }
        return 0;
    }
    if (argc == 3 && !strcmp(argv[1], "open")) return say(open(argv[2], O_RDONLY | O_CLOEXEC));
    if (argc == 3 && !strcmp(argv[1], "ioctl")) {
        int fd = open(argv[2], O_RDONLY | O_CLOEXEC);
        if (fd < 0) return say(-1);
        int avail = 0;
        return say(ioctl(fd, FIONREAD, &avail));
    }
    if (argc == 4 && !strcmp(argv[1], "chmod")) return say(chmod(argv[2], (mode_t)strtol(argv[3], NULL, 8)));
    if (argc == 4 && !strcmp(argv[1], "create")) {
        int fd = open(argv[2], O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, (mode_t)strtol(argv[3], NULL, 8));
        if (fd >= 0) close(fd);
        return say(fd);
    }
    if (argc == 4 && !strcmp(argv[1], "chown")) return say(chown(argv[2], (uid_t)strtol(argv[3], NULL, 10), (gid_t)-1));
    if (argc == 3 && !strcmp(argv[1], "chroot")) return say(chroot(argv[2]));
    if (argc == 3 && !strcmp(argv[1], "nonblock")) {
        int fd = atoi(argv[2]), fl = fcntl(fd, F_GETFL);
        return say(fl < 0 ? fl : fcntl(fd, F_SETFL, fl | O_NONBLOCK));
    }
    if (argc == 2 && !strcmp(argv[1], "packet")) {
        int fd = socket(17 /* AF_PACKET */, SOCK_RAW, 0);
        if (fd >= 0) close(fd);
        return say(fd);
    }
    if (argc == 3 && !strcmp(argv[1], "truncate")) {
        struct stat st;
        if (stat(argv[2], &st) != 0) return say(-1);
        return say(truncate(argv[2], st.st_size));
    }
    if (argc == 3 && !strcmp(argv[1], "open-trunc")) return say(open(argv[2], O_RDONLY | O_TRUNC | O_CLOEXEC));
    if (argc == 3 && !strcmp(argv[1], "setxattr")) return say(setxattr(argv[2], "user.buckle-probe", "x", 1, 0));
    if (argc == 4 && !strcmp(argv[1], "setacl")) {
        /* version 2, then (tag, permissions, ID) little endian: USER_OBJ,
         * USER, GROUP_OBJ, MASK, OTHER */
        unsigned long uid = strtoul(argv[3], NULL, 10);
        unsigned char acl[4 + 5 * 8] = { 2 };
        const unsigned entries[5][3] = { { 0x01, 7, 0xffffffffu }, { 0x02, 6, (unsigned)uid }, { 0x04, 5, 0xffffffffu },
                                         { 0x10, 7, 0xffffffffu }, { 0x20, 5, 0xffffffffu } };
        for (int e = 0; e < 5; e++)
            for (int b = 0; b < 8; b++) {
                unsigned v = b < 2 ? entries[e][0] : b < 4 ? entries[e][1] : entries[e][2];
                acl[4 + e * 8 + b] = (unsigned char)(v >> (8 * (b < 2 ? b : b < 4 ? b - 2 : b - 4)));
            }
        return say(setxattr(argv[2], "system.posix_acl_access", acl, sizeof acl, 0));
    }
    if (argc == 4 && !strcmp(argv[1], "fsioctl")) {
        int fd = open(argv[2], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0) return say(-1);
        static char args[4096];
        unsigned long cmd = !strcmp(argv[3], "bc") ? 0x4020bc10ul : 0x50009401ul;
        return say(ioctl(fd, cmd, args));
    }
    if (argc == 3 && !strcmp(argv[1], "ttystop")) {
        int fd = atoi(argv[2]);
        struct termios t;
        if (tcgetattr(fd, &t) != 0) return say(-1);
        t.c_iflag &= ~(tcflag_t)IXON;
        if (tcsetattr(fd, TCSANOW, &t) != 0) return say(-1);
        if (tcflow(fd, TCOOFF) != 0) return say(-1);
        return 0;
    }
    if (argc == 2 && !strcmp(argv[1], "excl")) {
        int r = ioctl(0, TIOCEXCL);
        if (r == 0) ioctl(0, TIOCNXCL);
        return say(r);
    }
    if (argc == 2 && !strcmp(argv[1], "pgid-own")) return say(setpgid(0, 0));
    if (argc == 2 && !strcmp(argv[1], "pgid-join")) {
        if (setpgid(0, 0) != 0) { printf("cannot leave the group: %s\n", strerror(errno)); return 2; }
        pid_t sid = getsid(0);
        if (sid <= 0 || sid == getpid()) { puts("no session leader to join"); return 2; }
        return say(setpgid(0, sid));
    }
    if (argc == 3 && !strcmp(argv[1], "setuid")) {
        long id = strtol(argv[2], NULL, 10);
        if (syscall(SYS_setgroups, 0, NULL) != 0 || syscall(SYS_setresgid, id, id, id) != 0) return say(-1);
        return say(syscall(SYS_setresuid, id, id, id));
    }
    if (argc == 4 && !strcmp(argv[1], "socketpair")) {
        int sv[2];
        return say(socketpair(atoi(argv[2]), atoi(argv[3]), 0, sv));
    }
    if (argc == 4 && !strcmp(argv[1], "pair-send")) {
        int sv[2];
        if (socketpair(AF_UNIX, atoi(argv[2]), 0, sv) != 0) return say(-1);
        struct sockaddr_un a = { .sun_family = AF_UNIX };
        snprintf(a.sun_path, sizeof a.sun_path, "%s", argv[3]);
        long r = sendto(sv[0], "p1", 2, MSG_DONTWAIT | MSG_NOSIGNAL, (struct sockaddr *)&a, sizeof a);
        int e = errno;
        if (r < 0 && connect(sv[0], (struct sockaddr *)&a, sizeof a) == 0)
            r = send(sv[0], "p2", 2, MSG_DONTWAIT | MSG_NOSIGNAL);
        else if (r < 0) errno = e;
        /* a seqpacket pair sends to its peer, whatever the address: only
         * what the peer did not get counts */
        char c[2];
        if (r >= 0 && recv(sv[1], c, sizeof c, MSG_DONTWAIT) == 2) { errno = EISCONN; r = -1; }
        return say(r);
    }
    if (argc >= 4 && !strcmp(argv[1], "dgram-recv")) {
        int s = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        struct sockaddr_un a = { .sun_family = AF_UNIX };
        snprintf(a.sun_path, sizeof a.sun_path, "%s", argv[2]);
        unlink(argv[2]);
        if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof a) != 0) return say(-1);
        chmod(argv[2], 0777);
        pid_t p = fork();
        if (p == 0) { execv(argv[3], argv + 3); _exit(127); }
        int st;
        waitpid(p, &st, 0);
        int n = 0;
        char buf[64];
        while (recv(s, buf, sizeof buf, MSG_DONTWAIT) >= 0) n++;
        unlink(argv[2]);
        if (n) printf("received %d\n", n); else puts("nothing");
        return 0;
    }
    if (argc == 3 && !strcmp(argv[1], "daemon")) {
        pid_t p = fork();
        if (p < 0) return say(-1);
        if (p > 0) { waitpid(p, NULL, 0); puts("started"); return 0; }
        if (fork() != 0) _exit(0);     /* the grandchild is an orphan */
        setsid();
        FILE *f = fopen(argv[2], "w");
        if (!f) _exit(1);
        fprintf(f, "%ld\n", (long)getpid());
        fclose(f);
        char log[4096];
        snprintf(log, sizeof log, "%s.log", argv[2]);
        for (int i = 0; i < 600; i++) {
            int fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0644);
            if (fd >= 0) { (void)!write(fd, "x\n", 2); close(fd); }
            struct timespec ts = { 0, 50 * 1000 * 1000 };
            nanosleep(&ts, NULL);
        }
        _exit(0);
    }
    fprintf(stderr, "usage: sysprobe hostname|unshare NS|clone-user|clone3|userfaultfd|perf|bpf|personality|vmread PID|prlimit PID|sched PID|affinity PID|ioprio PID|ioprio-user|renice PID|watch DIR|open PATH|open-trunc PATH|excl|fsioctl DIR TYPE|setxattr PATH|setacl PATH UID|chroot DIR|nonblock FD|pgid-own|pgid-join|setuid UID|socketpair F T|pair-send T PATH|dgram-recv PATH CMD...|daemon FILE\n");
    return 2;
}
#else
#include <stdio.h>
int main(void)
{
    fprintf(stderr, "sysprobe: Linux only\n");
    return 2;
}
#endif
