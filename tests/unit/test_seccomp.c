/* test_seccomp.c - the seccomp filter of `buckle run` on Linux
 * (backend/landlock_seccomp.c), run in a small classic-BPF interpreter: for
 * x86_64 and aarch64, every system call number 0..511 (and the x32 and
 * out-of-range ones), every combination of what the plan closes (LL_SC_*)
 * and, for each call a rule checks, pairs of representative argument values:
 * the filter's action is the one of the reference decisions below, written
 * by call name with the system's own constants.  Also: the program is
 * well formed, and finding a call's number is a short search, not a chain. */
#define _GNU_SOURCE
#include "unit.h"
#include "../../backend/landlock.h"
#ifdef __linux__
#include <asm/unistd.h>
#define SC_NUMBERS
#include "seccomp_names.h"
#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/personality.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <signal.h>
#include <linux/sockios.h>
#include <unistd.h>

#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x80
#endif
#ifndef CLONE_NEWCGROUP
#define CLONE_NEWCGROUP 0x02000000
#endif
#ifndef MFD_NOEXEC_SEAL
#define MFD_NOEXEC_SEAL 8u
#endif
#define IOPRIO_WHO_PROCESS 1
#define ALLOW SECCOMP_RET_ALLOW
#define DENY(e) (SECCOMP_RET_ERRNO | (e))
#define ALL_WHAT 0x7ffu    /* every LL_SC_* bit */

/* the caller's user and group the filters are built for, and the
 * supervising buckle's pid and process group */
static const uint32_t caller_uid = 1000, caller_gid = 100, guard = 4242, guard_pgid = 4200;

/* what the filter must decide for call id (SCN_*) with arguments a under
 * what: the filter sees the low word of an argument, but all of it where
 * it requires 0 */
static uint32_t reference(int id, const __u64 *a, unsigned w)
{
    uint32_t lo[6];
    for (int i = 0; i < 6; i++) lo[i] = (uint32_t)a[i];
    const uint32_t setid = S_ISUID | S_ISGID, create = O_CREAT | (O_TMPFILE & ~O_DIRECTORY);
    const uint32_t newns = CLONE_NEWNS | CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET;
    switch (id) {
    case SCN_ioctl: {
        uint32_t c = lo[1];
        if (c == TIOCSTI || c == TIOCLINUX || c == TIOCSPGRP || c == TIOCCONS || c == TIOCSETD || c == TIOCEXCL) return DENY(EPERM);
        if ((w & LL_SC_GUARD) && (c == FIOSETOWN || c == SIOCSPGRP)) return DENY(EPERM);
        return _IOC_TYPE(c) == 0x94 || _IOC_TYPE(c) == 0xbc ? DENY(EPERM) : ALLOW;
    }
    case SCN_setpgid: return a[1] ? DENY(EPERM) : ALLOW;
    case SCN_io_uring_setup: return DENY(EPERM);
    case SCN_keyctl: case SCN_add_key: case SCN_request_key: return DENY(EACCES);
    case SCN_unshare: return lo[0] & (newns | CLONE_NEWTIME) ? DENY(EPERM) : ALLOW;
    case SCN_clone: return lo[0] & newns ? DENY(EPERM) : ALLOW;
    case SCN_clone3: return DENY(ENOSYS);
    case SCN_setns: case SCN_userfaultfd: case SCN_bpf: return DENY(EPERM);
    case SCN_perf_event_open: return DENY(EACCES);
    case SCN_prlimit64: case SCN_sched_setscheduler: case SCN_sched_setparam: case SCN_sched_setattr:
    case SCN_sched_setaffinity: return a[0] ? DENY(EPERM) : ALLOW;
    case SCN_setpriority: return lo[0] == PRIO_PROCESS && lo[1] == 0 ? ALLOW : DENY(EPERM);
    case SCN_ioprio_set: return lo[0] == IOPRIO_WHO_PROCESS && lo[1] == 0 ? ALLOW : DENY(EPERM);
    case SCN_chmod: case SCN_fchmod: return lo[1] & (setid | S_IWOTH) ? DENY(EPERM) : ALLOW;
    case SCN_fchmodat: case SCN_fchmodat2: return lo[2] & (setid | S_IWOTH) ? DENY(EPERM) : ALLOW;
    case SCN_creat: case SCN_mknod: return lo[1] & setid ? DENY(EPERM) : ALLOW;
    case SCN_mknodat: return lo[2] & setid ? DENY(EPERM) : ALLOW;
    case SCN_open: case SCN_openat: {
        uint32_t flags = lo[id == SCN_open ? 1 : 2], mode = lo[id == SCN_open ? 2 : 3];
        if ((flags & create) && (mode & setid)) return DENY(EPERM);
        if ((w & LL_SC_TRUNC) && (flags & O_TRUNC) && (flags & O_ACCMODE) == O_RDONLY) return DENY(EACCES);
        return ALLOW;
    }
    case SCN_openat2: return DENY(ENOSYS);
    case SCN_chown: case SCN_lchown: case SCN_fchown: case SCN_fchownat: {
        uint32_t owner = lo[id == SCN_fchownat ? 2 : 1], group = lo[id == SCN_fchownat ? 3 : 2];
        return (owner == (uint32_t)-1 || owner == caller_uid) && (group == (uint32_t)-1 || group == caller_gid) ? ALLOW : DENY(EPERM);
    }
    case SCN_personality: return lo[0] == PER_LINUX || lo[0] == 0xffffffffu || lo[0] == ADDR_NO_RANDOMIZE ? ALLOW : DENY(EPERM);
    case SCN_socket: {
        if (!(w & LL_SC_NET)) return ALLOW;
        uint32_t type = lo[1] & 0xf;
        if (lo[0] == AF_INET || lo[0] == AF_INET6) {
            if (w & LL_SC_IPANY) return type == SOCK_STREAM || type == SOCK_DGRAM ? ALLOW : DENY(EACCES);
            return type == SOCK_STREAM && (lo[2] == 0 || lo[2] == IPPROTO_TCP) ? ALLOW : DENY(EACCES);
        }
        return lo[0] == AF_UNIX && (w & LL_SC_UNIX) ? ALLOW : DENY(EACCES);
    }
    case SCN_socketpair: {
        if (!(w & LL_SC_NET)) return ALLOW;
        if (lo[0] != AF_UNIX) return DENY(EACCES);
        if (w & LL_SC_UNIX) return ALLOW;
        return (lo[1] & 0xf) == SOCK_STREAM || (lo[1] & 0xf) == SOCK_SEQPACKET ? ALLOW : DENY(EACCES);
    }
    case SCN_listen: return w & LL_SC_LISTEN ? DENY(EACCES) : ALLOW;
    case SCN_bind: return w & LL_SC_BIND ? DENY(EACCES) : ALLOW;
    case SCN_mount: case SCN_umount2: case SCN_pivot_root: case SCN_chroot: case SCN_open_tree: case SCN_move_mount:
    case SCN_fsopen: case SCN_fsconfig: case SCN_fsmount: case SCN_fspick: case SCN_mount_setattr: case SCN_open_tree_attr:
        return w & LL_SC_MOUNT ? DENY(EPERM) : ALLOW;
    case SCN_shmget: case SCN_shmat: case SCN_shmctl: case SCN_msgget: case SCN_msgsnd: case SCN_msgrcv: case SCN_msgctl:
    case SCN_semget: case SCN_semop: case SCN_semctl: case SCN_semtimedop: case SCN_mq_open: case SCN_mq_unlink:
        return w & LL_SC_IPC ? DENY(EACCES) : ALLOW;
    case SCN_inotify_add_watch: case SCN_fanotify_mark: return w & LL_SC_WATCH ? DENY(EACCES) : ALLOW;
    case SCN_fanotify_init: return w & LL_SC_WATCH ? DENY(EPERM) : ALLOW;
    case SCN_truncate: return w & LL_SC_TRUNC ? DENY(EACCES) : ALLOW;
    case SCN_setxattr: case SCN_lsetxattr: case SCN_fsetxattr: case SCN_removexattr: case SCN_lremovexattr:
    case SCN_fremovexattr: case SCN_setxattrat: case SCN_removexattrat: return w & LL_SC_XATTR ? DENY(EOPNOTSUPP) : ALLOW;
    case SCN_memfd_create: return (w & LL_SC_EXEC) && !(lo[1] & MFD_NOEXEC_SEAL) ? DENY(EACCES) : ALLOW;
    /* the supervising buckle: its pid, minus its process group, the
     * caller's group (0) and every process (-1); pid_t is 32 bits */
    case SCN_kill:
        return (w & LL_SC_GUARD) && ((pid_t)lo[0] == (pid_t)guard || (pid_t)lo[0] == -(pid_t)guard_pgid || (pid_t)lo[0] == -1 || lo[0] == 0)
                   ? DENY(EPERM) : ALLOW;
    case SCN_tkill: case SCN_rt_sigqueueinfo: return (w & LL_SC_GUARD) && lo[0] == guard ? DENY(EPERM) : ALLOW;
    case SCN_tgkill: case SCN_rt_tgsigqueueinfo: return (w & LL_SC_GUARD) && (lo[0] == guard || lo[1] == guard) ? DENY(EPERM) : ALLOW;
    case SCN_pidfd_send_signal: return w & LL_SC_GUARD ? DENY(ENOSYS) : ALLOW;
    case SCN_fcntl:
        if (!(w & LL_SC_GUARD)) return ALLOW;
        return lo[1] == F_SETOWN_EX || (lo[1] == F_SETOWN && ((pid_t)lo[2] == (pid_t)guard || (pid_t)lo[2] == -(pid_t)guard_pgid)) ? DENY(EPERM) : ALLOW;
    }
    return ALLOW;
}

/* Runs the program on d; -1 when it is malformed (a jump or a load out of
 * range, an unknown instruction, no return), else 0 with *ret and the
 * instructions executed in *steps. */
static int run(const ll_bpf *f, size_t n, const struct seccomp_data *d, uint32_t *ret, size_t *steps)
{
    uint32_t words[sizeof *d / 4], A = 0;
    memcpy(words, d, sizeof words);
    size_t pc = 0;
    for (*steps = 1; pc < n; ++*steps) {
        ll_bpf in = f[pc++];
        switch (in.code) {
        case BPF_LD | BPF_W | BPF_ABS:
            if (in.k % 4 || in.k >= sizeof *d) return -1;
            A = words[in.k / 4];
            break;
        case BPF_ALU | BPF_AND | BPF_K: A &= in.k; break;
        case BPF_JMP | BPF_JA: pc += in.k; break;
        case BPF_JMP | BPF_JEQ | BPF_K: pc += A == in.k ? in.jt : in.jf; break;
        case BPF_JMP | BPF_JGE | BPF_K: pc += A >= in.k ? in.jt : in.jf; break;
        case BPF_JMP | BPF_JSET | BPF_K: pc += A & in.k ? in.jt : in.jf; break;
        case BPF_RET | BPF_K: *ret = in.k; return 0;
        default: return -1;
        }
    }
    return -1;
}

#if defined(__x86_64__) || defined(__aarch64__)
/* The kernel's own check of the filter for what on this machine: a child
 * installs it, then makes calls it refuses whose effect would be none
 * anyway, and one it allows: 0 when the kernel decided each as the filter
 * says, else which one it did not (or 1, 2: the install failed). */
static int kernel_run(unsigned what)
{
    ll_bpf f[LL_SECCOMP_MAX];
    ll_seccomp_in in = { .arch = LL_ARCH_AARCH64, .what = what, .uid = (uint32_t)getuid(), .gid = (uint32_t)getgid(),
                         .guard = (uint32_t)getpid(), .guard_pgid = (uint32_t)getpgrp() };
#ifdef __x86_64__
    in.arch = LL_ARCH_X86_64;
#endif
    size_t n = ll_seccomp_build(&in, f, LL_SECCOMP_MAX);
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        struct sock_fprog fp = { .len = (unsigned short)n, .filter = (struct sock_filter *)f };
        if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) _exit(1);
        if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &fp, 0, 0) != 0) _exit(2);
        if (ioctl(-1, TIOCSTI, "x") != -1 || errno != EPERM) _exit(3);            /* refused before the descriptor */
        if (ioctl(-1, TIOCGWINSZ, NULL) != -1 || errno != EBADF) _exit(4);        /* allowed: the kernel's own error */
        if (syscall(__NR_keyctl, 0, 0, 0, 0, 0) != -1 || errno != EACCES) _exit(5);
        if (syscall(__NR_clone3, NULL, 0) != -1 || errno != ENOSYS) _exit(6);
        if (syscall(__NR_setpgid, 0, 1) != -1 || errno != EPERM) _exit(7);
        if (syscall(__NR_openat2, AT_FDCWD, "", NULL, 0) != -1 || errno != ENOSYS) _exit(8);
        /* signal 0 to the parent, the guard: refused with LL_SC_GUARD */
        if ((what & LL_SC_GUARD) ? kill(getppid(), 0) != -1 || errno != EPERM : kill(getppid(), 0) != 0) _exit(9);
        if ((what & LL_SC_GUARD) && (syscall(__NR_pidfd_send_signal, -1, 0, NULL, 0) != -1 || errno != ENOSYS)) _exit(10);
        _exit(0);
    }
    int st;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR) return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}
#endif

/* no bit, each bit, the network's combinations, all */
static int key_what(unsigned what)
{
    return what == 0 || what == ALL_WHAT || !(what & (what - 1)) || what == (LL_SC_NET | LL_SC_IPANY) ||
           what == (LL_SC_NET | LL_SC_UNIX) || what == (LL_SC_NET | LL_SC_IPANY | LL_SC_UNIX);
}

typedef struct arch_case { const char *name, *title; int arch; uint32_t audit, other; const long *nrs; int x32; } arch_case;

/* argument values that the rules tell apart */
static const uint64_t pool[] = {
    0, 1, 2, 3, 5, 6, 8, 10, 16, 17, 0x11, 0x40, 0x41, 0x42, 0x80, 0x200, 0x201, 0x202, 0x240, 0x800, 0x802, 0x80001,
    020000000, 020200000, 020200002, 02, 04000, 02000, 06755, 04755, 0755, 0777, 0775, 0666, 0x5410, 0x5411, 0x5412,
    0x5413, 0x540C, 0x540D, 0x541C, 0x541D, 0x5423, 0x9401, 0xc0049409, 0x40049409, 0xbc01, 0x9500, 0xbd00, 0x20000,
    0x10000000, 0x40000000, 0x0040000, 0x0400000, 0x7e020000, 0xffffffff, 0x100000000ull, 0x100005412ull,
    0x100000006ull, 0xffffffffffffffffull, 262, 100, 1000, 0x1000003e8ull, 15, 4242, 4200, 0xffffef98, 0xffffef6e,
    0x100001092ull, 0xffffffffffffef98ull, 0x8901, 0x8902, 0x108901ull
};
enum { NPOOL = sizeof pool / sizeof pool[0] };

/* the filter for what on c against the reference; returns the number of
 * mismatches (the first few are printed) and the longest search of a number */
static long sweep(const arch_case *c, unsigned what, int full, size_t *longest)
{
    ll_bpf f[LL_SECCOMP_MAX];
    ll_seccomp_in in = { .arch = c->arch, .what = what, .uid = caller_uid, .gid = caller_gid, .guard = guard, .guard_pgid = guard_pgid };
    size_t n = ll_seccomp_build(&in, f, LL_SECCOMP_MAX);
    if (n == 0) return 1;
    int id_of[512];
    for (int i = 0; i < 512; i++) id_of[i] = -1;
    for (int id = 0; id < SCN_COUNT; id++)
        if (c->nrs[id] >= 0 && c->nrs[id] < 512) id_of[c->nrs[id]] = id;
    long bad = 0;
    struct seccomp_data d;
    uint32_t got, want;
    size_t steps;
#define TRY(expected) do { \
        want = (expected); \
        if (run(f, n, &d, &got, &steps) != 0 || got != want) { \
            if (bad++ < 5) printf("  %s what %#x nr %d args %#llx %#llx %#llx %#llx: %#x, want %#x\n", c->name, what, d.nr, \
                                  (unsigned long long)d.args[0], (unsigned long long)d.args[1], (unsigned long long)d.args[2], \
                                  (unsigned long long)d.args[3], got, want); \
        } \
    } while (0)
    memset(&d, 0, sizeof d);
    d.arch = c->audit;
    for (int nr = 0; nr < 512; nr++) {
        int id = id_of[nr];
        d.nr = nr;
        memset(d.args, 0, sizeof d.args);
        TRY(id < 0 ? ALLOW : reference(id, d.args, what));
        if (steps > *longest) *longest = steps;
        for (int v = 0; v < 6; v++) d.args[v] = ~0ull;
        TRY(id < 0 ? ALLOW : reference(id, d.args, what));
        if (id < 0) continue;
        /* pairs of values in neighbouring arguments (full), or each value
         * in each argument, the others 0 */
        for (int pos = 0; pos < 4; pos++)
            for (int i = 0; i < NPOOL; i++)
                for (int j = 0; j < (full && pos < 3 ? NPOOL : 1); j++) {
                    memset(d.args, 0, sizeof d.args);
                    d.args[pos] = pool[i];
                    if (full && pos < 3) d.args[pos + 1] = pool[j];
                    TRY(reference(id, d.args, what));
                }
        if (id == SCN_socket || id == SCN_socketpair) {
            static const uint64_t fam[] = { 0, 1, 2, 10, 16, 17, 0x100000002ull }, type[] = { 0, 1, 2, 3, 5, 10, 0x80001, 0x802, 0x800, 0x11 },
                                  proto[] = { 0, 1, 6, 17, 262, 0x100000006ull };
            for (size_t x = 0; x < sizeof fam / sizeof fam[0]; x++)
                for (size_t y = 0; y < sizeof type / sizeof type[0]; y++)
                    for (size_t z = 0; z < sizeof proto / sizeof proto[0]; z++) {
                        memset(d.args, 0, sizeof d.args);
                        d.args[0] = fam[x];
                        d.args[1] = type[y];
                        d.args[2] = proto[z];
                        TRY(reference(id, d.args, what));
                    }
        }
    }
    /* numbers beyond the table: x32's (refused on x86_64), and the rest */
    static const uint32_t high[] = { 512, 0x3fffffff, 0x40000000, 0x40000001, 0x40000010, 0x40000101, 0x7fffffff, 0x80000000, 0xffffffff };
    memset(d.args, 0, sizeof d.args);
    for (size_t i = 0; i < sizeof high / sizeof high[0]; i++) {
        d.nr = (int)high[i];
        TRY(c->x32 && high[i] >= 0x40000000u ? DENY(EPERM) : ALLOW);
    }
    /* another ABI's calls, whatever their number */
    d.arch = c->other;
    for (int nr = 0; nr < 512; nr += 7) {
        d.nr = nr;
        TRY(DENY(EPERM));
    }
#undef TRY
    return bad;
}

static void seccomp_cases(void)
{
#ifdef __x86_64__
    static const long nrs_x86_64[SCN_COUNT] = { SC_NAMES(SC_NR) };
#endif
    const arch_case arches[] = {
#ifdef __x86_64__
        { .name = "x86_64", .title = "seccomp: the x86_64 filter decides every call as the reference does, for every what", .arch = LL_ARCH_X86_64, .audit = AUDIT_ARCH_X86_64, .other = AUDIT_ARCH_I386, .nrs = nrs_x86_64, .x32 = 1 },
#endif
        { .name = "aarch64", .title = "seccomp: the aarch64 filter decides every call as the reference does, for every what", .arch = LL_ARCH_AARCH64, .audit = AUDIT_ARCH_AARCH64, .other = AUDIT_ARCH_ARM, .nrs = sc_nrs_generic, .x32 = 0 },
    };
    for (size_t ai = 0; ai < sizeof arches / sizeof arches[0]; ai++) {
        const arch_case *c = &arches[ai];
        unit_case(c->title);     /* kept by unit_case until the next case */
        size_t longest = 0;
        for (unsigned what = 0; what <= ALL_WHAT; what++) {
            /* pairs of arguments for the key combinations; single
             * arguments for the others; LL_SC_BIND with the key ones */
            long bad = sweep(c, what, key_what(what), &longest);
            if (!bad && key_what(what)) bad = sweep(c, what | LL_SC_BIND, 0, &longest);
            CHECK(bad == 0, "%s, what %#x: %ld decisions differ from the reference", c->name, what, bad);
            if (bad) break;
        }
        /* a binary search: a few instructions to any number's checks,
         * about two per halving of some 90 calls (a chain of the old kind
         * took up to 150) */
        CHECK(longest <= 26, "%s: %zu instructions for a call without arguments checked", c->name, longest);
    }

#if defined(__x86_64__) || defined(__aarch64__)
    unit_case("seccomp: the kernel takes this machine's filter for the key whats, and decides as it says");
    for (unsigned what = 0; what <= ALL_WHAT; what++) {
        if (!key_what(what)) continue;
        int r = kernel_run(what);
        CHECK(r == 0, "what %#x: %s", what, r < 0 ? "no child" : r <= 2 ? "the kernel refused the filter" : "a call decided otherwise");
        if (r) break;
    }
#endif

    unit_case("seccomp: the filter's size and the architectures it knows");
    {
        ll_bpf f[LL_SECCOMP_MAX];
        ll_seccomp_in in = { .arch = LL_ARCH_X86_64, .what = ALL_WHAT, .uid = 0, .gid = 0 };
        size_t n = ll_seccomp_build(&in, f, LL_SECCOMP_MAX);
        CHECK(n > 0 && n < LL_SECCOMP_MAX, "%zu instructions", n);
        CHECK(ll_seccomp_build(&in, f, n - 1) == 0, "a buffer one short is refused");
        CHECK(ll_seccomp_build(&in, f, n) == n, "a buffer of the size is enough");
        in.arch = LL_ARCH_AARCH64;
        CHECK(ll_seccomp_build(&in, f, LL_SECCOMP_MAX) > 0, "aarch64");
        in.arch = 0;
        CHECK(ll_seccomp_build(&in, f, LL_SECCOMP_MAX) == 0, "no filter for an unknown architecture");
    }
}
#else
static void seccomp_cases(void)
{
    unit_case("seccomp: the filter is built for the architectures it knows");
    ll_bpf f[LL_SECCOMP_MAX];
    ll_seccomp_in in = { .arch = LL_ARCH_X86_64, .what = 0x1ffu, .uid = 0, .gid = 0 };
    CHECK(ll_seccomp_build(&in, f, LL_SECCOMP_MAX) > 0, "x86_64");
    in.arch = LL_ARCH_AARCH64;
    CHECK(ll_seccomp_build(&in, f, LL_SECCOMP_MAX) > 0, "aarch64");
    in.arch = 0;
    CHECK(ll_seccomp_build(&in, f, LL_SECCOMP_MAX) == 0, "no filter for an unknown architecture");
}
#endif

void test_seccomp(void)
{
    seccomp_cases();
}
