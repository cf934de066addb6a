/* test_seccomp.c - the seccomp filter of `buckle run` on Linux
 * (backend/landlock_seccomp.c), run by a classic BPF interpreter on every
 * system call number with the argument values that matter, for each set of
 * what it closes, against the policy stated here on its own: the same
 * answer for every input.  Also checks what the kernel's cache of
 * always-allowed numbers needs: a number the filter answers without its
 * arguments is answered in a few instructions. */
#include "unit.h"
#include "../../backend/landlock.h"
#if defined(__linux__) && (defined(__x86_64__) || defined(__aarch64__))
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/syscall.h>

#ifdef __x86_64__
#define ARCH AUDIT_ARCH_X86_64
#else
#define ARCH AUDIT_ARCH_AARCH64
#endif
#define ALLOW SECCOMP_RET_ALLOW
#define ERR(e) (SECCOMP_RET_ERRNO | (uint32_t)(e))

typedef struct data { uint32_t nr, arch; uint64_t args[6]; } data;

/* runs the program; *steps: the instructions run; *args: 1 when an
 * argument was loaded.  0xdead on a malformed program. */
static uint32_t run(const ll_bpf *f, int n, const data *d, int *steps, int *args)
{
    uint32_t a = 0;
    *steps = 0;
    *args = 0;
    for (int pc = 0; pc >= 0 && pc < n; pc++) {
        const ll_bpf *i = &f[pc];
        (*steps)++;
        switch (i->code) {
        case BPF_LD | BPF_W | BPF_ABS:
            if (i->k == offsetof(struct seccomp_data, nr)) a = d->nr;
            else if (i->k == offsetof(struct seccomp_data, arch)) a = d->arch;
            else {
                size_t off = i->k - offsetof(struct seccomp_data, args);
                if (i->k < offsetof(struct seccomp_data, args) || off % 4 || off / 8 >= 6) return 0xdead;
                uint64_t v = d->args[off / 8];
                a = (uint32_t)(off % 8 ? v >> 32 : v);
                *args = 1;
            }
            break;
        case BPF_ALU | BPF_AND | BPF_K: a &= i->k; break;
        case BPF_JMP | BPF_JA: pc += (int)i->k; break;
        case BPF_JMP | BPF_JEQ | BPF_K: pc += a == i->k ? i->jt : i->jf; break;
        case BPF_JMP | BPF_JGE | BPF_K: pc += a >= i->k ? i->jt : i->jf; break;
        case BPF_JMP | BPF_JGT | BPF_K: pc += a > i->k ? i->jt : i->jf; break;
        case BPF_JMP | BPF_JSET | BPF_K: pc += (a & i->k) ? i->jt : i->jf; break;
        case BPF_RET | BPF_K: return i->k;
        default: return 0xdead;
        }
    }
    return 0xdead;     /* ran off the end */
}

static uint32_t lo(uint64_t v) { return (uint32_t)v; }

/* the policy (docs/linux.md, "What Landlock cannot control") */
static uint32_t expect(unsigned what, const data *d)
{
    const uint64_t *g = d->args;
    if (d->arch != ARCH) return ERR(EPERM);
#ifdef __x86_64__
    if (d->nr >= 0x40000000u) return ERR(EPERM);
#endif
    long nr = (long)d->nr;
    const uint32_t setid = 06000;
    if (nr == SYS_ioctl) {
        uint32_t c = lo(g[1]);
        return c == 0x5412 || c == 0x541C || c == 0x5410 || c == 0x541D || c == 0x5423 ? ERR(EPERM) : ALLOW;
    }
    if (nr == SYS_setpgid) return g[1] ? ERR(EPERM) : ALLOW;
    if (nr == SYS_io_uring_setup || nr == SYS_setns || nr == SYS_userfaultfd || nr == SYS_bpf) return ERR(EPERM);
    if (nr == SYS_keyctl || nr == SYS_add_key || nr == SYS_request_key || nr == SYS_perf_event_open) return ERR(EACCES);
    if (nr == SYS_clone3 || nr == SYS_openat2) return ERR(ENOSYS);
    if (nr == SYS_unshare) return lo(g[0]) & (0x7e020000u | 0x80u) ? ERR(EPERM) : ALLOW;
    if (nr == SYS_clone) return lo(g[0]) & 0x7e020000u ? ERR(EPERM) : ALLOW;
    if (nr == SYS_prlimit64 || nr == SYS_sched_setscheduler || nr == SYS_sched_setparam || nr == SYS_sched_setattr ||
        nr == SYS_sched_setaffinity)
        return g[0] ? ERR(EPERM) : ALLOW;
    if (nr == SYS_setpriority) return lo(g[0]) == 0 && lo(g[1]) == 0 ? ALLOW : ERR(EPERM);
    if (nr == SYS_ioprio_set) return lo(g[0]) == 1 && lo(g[1]) == 0 ? ALLOW : ERR(EPERM);
#ifdef SYS_chmod
    if (nr == SYS_chmod) return lo(g[1]) & setid ? ERR(EPERM) : ALLOW;
#endif
#ifdef SYS_creat
    if (nr == SYS_creat) return lo(g[1]) & setid ? ERR(EPERM) : ALLOW;
#endif
#ifdef SYS_mknod
    if (nr == SYS_mknod) return lo(g[1]) & setid ? ERR(EPERM) : ALLOW;
#endif
    if (nr == SYS_fchmod) return lo(g[1]) & setid ? ERR(EPERM) : ALLOW;
    if (nr == SYS_fchmodat || nr == 452 /* fchmodat2 */ || nr == SYS_mknodat) return lo(g[2]) & setid ? ERR(EPERM) : ALLOW;
#ifdef SYS_open
    if (nr == SYS_open) return (lo(g[1]) & (0100u | 020000000u)) && (lo(g[2]) & setid) ? ERR(EPERM) : ALLOW;
#endif
    if (nr == SYS_openat) return (lo(g[2]) & (0100u | 020000000u)) && (lo(g[3]) & setid) ? ERR(EPERM) : ALLOW;
    if (nr == SYS_personality) {
        uint32_t p = lo(g[0]);
        return p == 0 || p == 0xffffffffu || p == 0x0040000u ? ALLOW : ERR(EPERM);
    }
    if (nr == SYS_socket && (what & LL_SC_NET)) {
        uint32_t fam = lo(g[0]), type = lo(g[1]) & 0xf, proto = lo(g[2]);
        if (fam == 2 || fam == 10) {
            if (what & LL_SC_IPANY) return type == 1 || type == 2 ? ALLOW : ERR(EACCES);
            return type == 1 && (proto == 0 || proto == 6) ? ALLOW : ERR(EACCES);
        }
        return fam == 1 && (what & LL_SC_UNIX) ? ALLOW : ERR(EACCES);
    }
    if (nr == SYS_listen && (what & LL_SC_LISTEN)) return ERR(EACCES);
    if (what & LL_SC_IPC) {
        static const long ipc[] = { SYS_shmget, SYS_shmat, SYS_shmctl, SYS_msgget, SYS_msgsnd, SYS_msgrcv, SYS_msgctl,
                                    SYS_semget, SYS_semop, SYS_semctl, SYS_semtimedop, SYS_mq_open, SYS_mq_unlink };
        for (size_t i = 0; i < sizeof ipc / sizeof ipc[0]; i++)
            if (nr == ipc[i]) return ERR(EACCES);
    }
    if (what & LL_SC_WATCH) {
        if (nr == SYS_inotify_add_watch || nr == SYS_fanotify_mark) return ERR(EACCES);
        if (nr == SYS_fanotify_init) return ERR(EPERM);
    }
    if ((what & LL_SC_TRUNC) && nr == SYS_truncate) return ERR(EACCES);
    if ((what & LL_SC_EXEC) && nr == SYS_memfd_create) return lo(g[1]) & 0x8u ? ALLOW : ERR(EACCES);
    return ALLOW;
}

static void check_filters(void)
{
    unit_case("seccomp: every system call and argument answered as the policy says, each number in a few steps");
    /* values that decide something in some argument, and their neighbours */
    static const uint64_t vals[] = { 0, 1, 2, 3, 5, 6, 10, 17, 0x8, 0x80, 0100, 0101, 04000, 02000, 0755, 06755,
                                     020000000, 020200000, 0x40000, 0x5412, 0x541C, 0x5410, 0x541D, 0x5423, 0x5413,
                                     0x10000000, 0x20000, 0x7e020000, 0x80002, 0xffffffffu, 0x100000000ull,
                                     0xffffffff00000000ull, 0x100005412ull };
    enum { NV = sizeof vals / sizeof vals[0] };
    static const unsigned whats[] = { 0, LL_SC_NET, LL_SC_NET | LL_SC_UNIX, LL_SC_NET | LL_SC_IPANY,
                                      LL_SC_NET | LL_SC_IPANY | LL_SC_UNIX, LL_SC_IPC | LL_SC_EXEC | LL_SC_WATCH,
                                      LL_SC_TRUNC | LL_SC_LISTEN, 0xff };
    long mismatches = 0, checked = 0, slow = 0;
    for (size_t w = 0; w < sizeof whats / sizeof whats[0]; w++) {
        ll_bpf f[512];
        int n = ll_seccomp_program(whats[w], f, 512);
        CHECK(n > 0 && n < 256, "the filter for %#x: %d instructions", whats[w], n);
        if (n <= 0) continue;
        for (uint32_t nr = 0; nr < 470 || nr == 0x40000000u; nr = nr == 469 ? 0x40000000u + 1 : nr + 1) {
            data d = { nr, ARCH, { 0 } };
            /* a number answered without its arguments, in a few steps (the
             * kernel's cache of allowed numbers runs the filter once per number) */
            int steps, args;
            uint32_t got = run(f, n, &d, &steps, &args);
            if (!args && steps > 16) slow++;
            for (int pos = -1; pos < 4; pos++)
                for (size_t i = 0; i < (pos < 0 ? 1 : NV); i++)
                    for (size_t j = 0; j < (pos < 0 || pos == 3 ? 1 : NV); j++) {
                        data e = d;
                        if (pos >= 0) e.args[pos] = vals[i];
                        if (pos >= 0 && pos < 3) e.args[pos + 1] = vals[j];
                        got = run(f, n, &e, &steps, &args);
                        uint32_t want = expect(whats[w], &e);
                        checked++;
                        if (got != want && mismatches++ < 5)
                            CHECK(0, "what %#x nr %u args %llx %llx %llx %llx: filter %#x, policy %#x", whats[w], nr,
                                  (unsigned long long)e.args[0], (unsigned long long)e.args[1],
                                  (unsigned long long)e.args[2], (unsigned long long)e.args[3], got, want);
                    }
            if (nr == 0x40000000u + 1) break;
        }
        /* another architecture's calls */
        data o = { SYS_getpid, AUDIT_ARCH_I386, { 0 } };
        int steps, args;
        CHECK(run(f, n, &o, &steps, &args) == ERR(EPERM), "another ABI's call is refused");
    }
    CHECK(mismatches == 0, "%ld of %ld inputs answered unlike the policy", mismatches, checked);
    CHECK(slow == 0, "%ld numbers take more than 16 steps", slow);
}
#endif

void test_seccomp_filter(void)
{
#if defined(__linux__) && (defined(__x86_64__) || defined(__aarch64__))
    check_filters();
#else
    unit_case("seccomp: no filter is built where it cannot be installed");
    ll_bpf f[8];
    CHECK(ll_seccomp_program(0, f, 8) == -1, "a filter was built");
#endif
}
