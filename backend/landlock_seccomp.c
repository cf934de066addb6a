/* landlock_seccomp.c - what Landlock cannot control, closed with a seccomp
 * filter installed with the ruleset (docs/linux.md): the terminal ioctls
 * that type into the caller's terminal or take its foreground (always), the
 * kernel's key rings (always), sockets other than TCP
 * (when the profile limits the network), System V and POSIX
 * message-queue IPC (when the profile allows no IPC), file watching (when
 * the profile denies some reading), memory files that could
 * be executed (when the profile limits exec), io_uring (always: it would
 * reach all of these without the system calls), and, always, what only
 * widens the kernel a sandboxed command can attack: new namespaces,
 * userfaultfd, perf events, BPF, personality flags; and the limits and
 * priorities of other processes.  A refused call fails
 * with EPERM (ioctl) or EACCES.  Only x86_64 and aarch64 are known; elsewhere
 * the filter cannot be built and the run is refused.  Also always: joining
 * a process group other than a new one of its own (setpgid). */
#define _GNU_SOURCE
#include "landlock.h"
#include <stddef.h>
#if defined(__linux__) && (defined(__x86_64__) || defined(__aarch64__))
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifdef __x86_64__
#define SC_ARCH AUDIT_ARCH_X86_64
#else
#define SC_ARCH AUDIT_ARCH_AARCH64
#endif
#define SC_TIOCSTI 0x5412u
#define SC_TIOCLINUX 0x541Cu
#define SC_TIOCSPGRP 0x5410u
#define SC_TIOCCONS 0x541Du
#define SC_TIOCSETD 0x5423u
#define SC_MFD_NOEXEC_SEAL 0x8u
#define SC_AF_UNIX 1u
#define SC_AF_INET 2u
#define SC_AF_INET6 10u
#define SC_SOCK_STREAM 1u
#define SC_SOCK_DGRAM 2u
#define SC_TYPE_MASK 0xfu
#define SC_IPPROTO_TCP 6u
#ifndef SYS_io_uring_setup
#define SYS_io_uring_setup 425
#endif
#ifndef SYS_memfd_create
#define SYS_memfd_create 319
#endif
#ifndef SYS_clone3
#define SYS_clone3 435
#endif
/* every CLONE_NEW* flag; CLONE_NEWTIME (0x80) is a clone() exit signal bit
 * and counts only for unshare */
#define SC_CLONE_NEW 0x7e020000u
#define SC_CLONE_NEWTIME 0x80u
#define SC_ADDR_NO_RANDOMIZE 0x0040000u
#define SC_SETID 06000u                       /* S_ISUID | S_ISGID */
#define SC_O_CREATE (0100u | 020000000u)      /* O_CREAT, __O_TMPFILE */
#ifndef SYS_openat2
#define SYS_openat2 437
#endif
#ifndef SYS_fchmodat2
#define SYS_fchmodat2 452
#endif
#define SC_PER_QUERY 0xffffffffu

#define ARG_LO(n) (offsetof(struct seccomp_data, args) + (n) * sizeof(uint64_t))   /* little-endian: the low word */
#define NR_OFF offsetof(struct seccomp_data, nr)

/* The program is assembled with labels: every jump goes forward, and the
 * whole program is shorter than 256 instructions, so every jump fits the
 * 8-bit offsets of a conditional one. */
enum { PROG_MAX = 256, LAB_MAX = 128, NEXT = -1 };
typedef struct prog {
    struct sock_filter f[PROG_MAX];
    short jt[PROG_MAX], jf[PROG_MAX];      /* a label, or NEXT */
    short at[LAB_MAX];                     /* a label's instruction, -1 until placed */
    unsigned short n, nlab;
    int full;
} prog;

static int label(prog *p)
{
    if (p->nlab == LAB_MAX) { p->full = 1; return 0; }
    p->at[p->nlab] = -1;
    return p->nlab++;
}

static void place(prog *p, int lab) { p->at[lab] = (short)p->n; }

static void put(prog *p, uint16_t code, uint32_t k, int jt, int jf)
{
    if (p->n == PROG_MAX) { p->full = 1; return; }
    p->f[p->n] = (struct sock_filter){ code, 0, 0, k };
    p->jt[p->n] = (short)jt;
    p->jf[p->n] = (short)jf;
    p->n++;
}

static void ld(prog *p, uint32_t off) { put(p, BPF_LD | BPF_W | BPF_ABS, off, NEXT, NEXT); }
static void ret(prog *p, uint32_t v) { put(p, BPF_RET | BPF_K, v, NEXT, NEXT); }
/* "if A == k go to jt, else to jf" (and the same with >= and any bit of k) */
static void jeq(prog *p, uint32_t k, int jt, int jf) { put(p, BPF_JMP | BPF_JEQ | BPF_K, k, jt, jf); }
static void jge(prog *p, uint32_t k, int jt, int jf) { put(p, BPF_JMP | BPF_JGE | BPF_K, k, jt, jf); }
static void jset(prog *p, uint32_t k, int jt, int jf) { put(p, BPF_JMP | BPF_JSET | BPF_K, k, jt, jf); }

/* the offsets of the labels; 0, or -1 when a jump goes backwards or too far */
static int resolve(prog *p)
{
    for (unsigned i = 0; i < p->n; i++) {
        short lab[2] = { p->jt[i], p->jf[i] };
        unsigned char *off[2] = { &p->f[i].jt, &p->f[i].jf };
        for (int k = 0; k < 2; k++) {
            if (lab[k] == NEXT) continue;
            int d = p->at[lab[k]] - (int)i - 1;
            if (p->at[lab[k]] < 0 || d < 0 || d > 255) return -1;
            *off[k] = (unsigned char)d;
        }
    }
    return 0;
}

/* What the filter does with one system call: refused outright, or looked
 * at more closely (its arguments). */
enum {
    H_DENY,         /* refused with err */
    H_BITS,         /* refused when argument a has any bit of mask (the low word) */
    H_NONZERO,      /* refused unless argument a is 0 (all 64 bits) */
    H_SELF,         /* allowed only as (arg0 == mask, arg1 == 0): about the caller itself */
    H_CREATE,       /* an open: refused when flags (argument a) create and the mode (argument b) has any bit of mask */
    H_IOCTL, H_PERSONALITY, H_SOCKET, H_MEMFD
};
typedef struct sc_rule { uint32_t nr; unsigned char how, a, b; int err; uint32_t mask; } sc_rule;

enum { RULES_MAX = 64 };
typedef struct sc_rules { sc_rule r[RULES_MAX]; unsigned n; int full; } sc_rules;

static void add(sc_rules *rs, long nr, unsigned char how, unsigned char a, unsigned char b, uint32_t mask, int err)
{
    if (rs->n == RULES_MAX) { rs->full = 1; return; }
    rs->r[rs->n++] = (sc_rule){ (uint32_t)nr, how, a, b, err, mask };
}

static void deny(sc_rules *rs, long nr, int err) { add(rs, nr, H_DENY, 0, 0, 0, err); }

/* The system calls the filter looks at, for LL_SC_* what (every other one
 * is allowed). */
static void collect(sc_rules *rs, unsigned what)
{
    /* ioctl on a terminal: typing into it (TIOCSTI, TIOCLINUX), taking its
     * foreground (TIOCSPGRP: a process left behind by the command could
     * read what the user types next), redirecting the console (TIOCCONS),
     * changing its line discipline (TIOCSETD).  The command is an unsigned
     * int: the low word. */
    add(rs, SYS_ioctl, H_IOCTL, 1, 0, 0, EPERM);
    /* joining another process group: a command left in the background
     * (`buckle run ... &`, or Ctrl-Z then bg) could join the caller's shell's
     * group, the terminal's foreground, and read what the user types to the
     * shell without TIOCSPGRP.  Only setpgid(pid, 0), a group of its own */
    add(rs, SYS_setpgid, H_NONZERO, 1, 0, 0, EPERM);
    deny(rs, SYS_io_uring_setup, EPERM);
    /* the kernel's key rings hold the user's secrets and no rule of a
     * profile names them */
    deny(rs, SYS_keyctl, EACCES);
    deny(rs, SYS_add_key, EACCES);
    deny(rs, SYS_request_key, EACCES);
    /* New namespaces: Landlock still holds inside them (it refuses mounts),
     * but a new user namespace hands the command every capability over new
     * network, IPC and mount namespaces, the kernel code most privilege
     * escalations go through; nothing a profile allows needs one.  clone3
     * passes its flags in memory the filter cannot read: ENOSYS makes the C
     * library fall back to clone. */
    add(rs, SYS_unshare, H_BITS, 0, 0, SC_CLONE_NEW | SC_CLONE_NEWTIME, EPERM);
    add(rs, SYS_clone, H_BITS, 0, 0, SC_CLONE_NEW, EPERM);
    deny(rs, SYS_clone3, ENOSYS);
    deny(rs, SYS_setns, EPERM);
    /* kernel attack surface no rule names: page faults handled in user
     * space (a race-widening tool), perf events (reading other processes
     * and the kernel), BPF programs */
    deny(rs, SYS_userfaultfd, EPERM);
    deny(rs, SYS_perf_event_open, EACCES);
    deny(rs, SYS_bpf, EPERM);
    /* other processes' limits and priorities: Landlock confines signals
     * (ABI 6), but not prlimit or setpriority, with which a command could
     * set the user's other processes' resource limits (no open files, a
     * core size that dumps their memory to disk) or niceness.  Only its own
     * (pid 0, the C library's setrlimit and nice) */
    add(rs, SYS_prlimit64, H_NONZERO, 0, 0, 0, EPERM);
    add(rs, SYS_setpriority, H_SELF, 0, 0, 0, EPERM);          /* PRIO_PROCESS */
    /* other processes' scheduling, CPUs and I/O priority, likewise: only
     * its own (pid 0); ioprio_set only for IOPRIO_WHO_PROCESS 0 (who 0 of
     * IOPRIO_WHO_USER is every process of root) */
    add(rs, SYS_sched_setscheduler, H_NONZERO, 0, 0, 0, EPERM);
    add(rs, SYS_sched_setparam, H_NONZERO, 0, 0, 0, EPERM);
    add(rs, SYS_sched_setattr, H_NONZERO, 0, 0, 0, EPERM);
    add(rs, SYS_sched_setaffinity, H_NONZERO, 0, 0, 0, EPERM);
    add(rs, SYS_ioprio_set, H_SELF, 0, 0, 1, EPERM);           /* IOPRIO_WHO_PROCESS */
    /* set-user-ID and set-group-ID bits: Landlock controls no metadata,
     * so a command could make any program it may not even read run as the
     * caller (as root: as root) for every other user.  Refused wherever a
     * mode is set: chmod and its kin, and a create (open, openat, creat,
     * mknod).  openat2 carries its mode in memory the filter cannot read:
     * ENOSYS, so that the C library falls back to openat. */
#ifdef SYS_chmod
    add(rs, SYS_chmod, H_BITS, 1, 0, SC_SETID, EPERM);
#endif
    add(rs, SYS_fchmod, H_BITS, 1, 0, SC_SETID, EPERM);
    add(rs, SYS_fchmodat, H_BITS, 2, 0, SC_SETID, EPERM);
    add(rs, SYS_fchmodat2, H_BITS, 2, 0, SC_SETID, EPERM);
#ifdef SYS_creat
    add(rs, SYS_creat, H_BITS, 1, 0, SC_SETID, EPERM);
#endif
#ifdef SYS_mknod
    add(rs, SYS_mknod, H_BITS, 1, 0, SC_SETID, EPERM);
#endif
    add(rs, SYS_mknodat, H_BITS, 2, 0, SC_SETID, EPERM);
#ifdef SYS_open
    add(rs, SYS_open, H_CREATE, 1, 2, SC_SETID, EPERM);
#endif
    add(rs, SYS_openat, H_CREATE, 2, 3, SC_SETID, EPERM);
    deny(rs, SYS_openat2, ENOSYS);
    /* personality: only the default, the query, and no address randomization
     * (READ_IMPLIES_EXEC would make every readable mapping executable) */
    add(rs, SYS_personality, H_PERSONALITY, 0, 0, 0, EPERM);
    if (what & LL_SC_NET) add(rs, SYS_socket, H_SOCKET, 0, 0, 0, EACCES);
    if (what & LL_SC_LISTEN) deny(rs, SYS_listen, EACCES);
    if (what & LL_SC_IPC) {
        /* every call, not only the get: an identifier can be guessed */
        static const long ipc[] = { SYS_shmget, SYS_shmat, SYS_shmctl, SYS_msgget, SYS_msgsnd, SYS_msgrcv, SYS_msgctl,
                                    SYS_semget, SYS_semop, SYS_semctl, SYS_semtimedop, SYS_mq_open, SYS_mq_unlink };
        for (size_t i = 0; i < sizeof ipc / sizeof ipc[0]; i++) deny(rs, ipc[i], EACCES);
    }
    if (what & LL_SC_WATCH) {
        /* a watch reports the names and activity of files in a directory
         * the sandbox may not list: Landlock does not check it */
        deny(rs, SYS_inotify_add_watch, EACCES);
        deny(rs, SYS_fanotify_init, EPERM);
        deny(rs, SYS_fanotify_mark, EACCES);
    }
    if (what & LL_SC_TRUNC) {
        deny(rs, SYS_truncate, EACCES);
#ifdef SYS_truncate64
        deny(rs, SYS_truncate64, EACCES);
#endif
    }
    if (what & LL_SC_EXEC) add(rs, SYS_memfd_create, H_MEMFD, 0, 0, 0, EACCES);
}

/* the shared ends of the program */
typedef struct ends { int allow, eperm, eacces, enosys; } ends;

static int deny_to(const ends *e, int err) { return err == EPERM ? e->eperm : err == EACCES ? e->eacces : e->enosys; }

/* The code that looks at one system call's arguments, at label lab. */
static void handler(prog *p, const ends *e, const sc_rule *r, unsigned what, int lab)
{
    int no = deny_to(e, r->err), yes = e->allow;
    place(p, lab);
    switch (r->how) {
    case H_BITS:
        ld(p, ARG_LO(r->a));
        jset(p, r->mask, no, yes);
        break;
    case H_NONZERO: {
        int hi = label(p);
        ld(p, ARG_LO(r->a));
        jeq(p, 0, hi, no);
        place(p, hi);
        ld(p, ARG_LO(r->a) + sizeof(uint32_t));
        jeq(p, 0, yes, no);
        break;
    }
    case H_SELF: {
        int second = label(p);
        ld(p, ARG_LO(0));
        jeq(p, r->mask, second, no);
        place(p, second);
        ld(p, ARG_LO(1));
        jeq(p, 0, yes, no);
        break;
    }
    case H_CREATE: {
        int mode = label(p);
        ld(p, ARG_LO(r->a));
        jset(p, SC_O_CREATE, mode, yes);
        place(p, mode);
        ld(p, ARG_LO(r->b));
        jset(p, r->mask, no, yes);
        break;
    }
    case H_IOCTL: {
        static const uint32_t tty[] = { SC_TIOCSTI, SC_TIOCLINUX, SC_TIOCSPGRP, SC_TIOCCONS, SC_TIOCSETD };
        enum { NTTY = sizeof tty / sizeof tty[0] };
        ld(p, ARG_LO(1));
        for (unsigned i = 0; i < NTTY; i++) jeq(p, tty[i], no, i + 1 < NTTY ? NEXT : yes);
        break;
    }
    case H_PERSONALITY:
        ld(p, ARG_LO(0));
        jeq(p, 0, yes, NEXT);
        jeq(p, SC_PER_QUERY, yes, NEXT);
        jeq(p, SC_ADDR_NO_RANDOMIZE, yes, no);
        break;
    case H_SOCKET: {
        /* AF_INET, AF_INET6: TCP only, or with "*:*" (LL_SC_IPANY) any
         * protocol of a stream or datagram socket; AF_UNIX only when the
         * profile allows unix sockets; no other family (raw, packet, netlink) */
        int ip = label(p), unix_fam = label(p);
        ld(p, ARG_LO(0));
        jeq(p, SC_AF_INET, ip, NEXT);
        jeq(p, SC_AF_INET6, ip, unix_fam);
        place(p, ip);
        ld(p, ARG_LO(1));
        put(p, BPF_ALU | BPF_AND | BPF_K, SC_TYPE_MASK, NEXT, NEXT);
        if (what & LL_SC_IPANY) {
            jeq(p, SC_SOCK_STREAM, yes, NEXT);
            jeq(p, SC_SOCK_DGRAM, yes, no);
        } else {
            jeq(p, SC_SOCK_STREAM, NEXT, no);
            ld(p, ARG_LO(2));
            jeq(p, 0, yes, NEXT);
            jeq(p, SC_IPPROTO_TCP, yes, no);
        }
        place(p, unix_fam);
        /* A = the family here */
        jeq(p, SC_AF_UNIX, (what & LL_SC_UNIX) ? yes : no, no);
        break;
    }
    case H_MEMFD:
        ld(p, ARG_LO(1));
        jset(p, SC_MFD_NOEXEC_SEAL, yes, no);
        break;
    }
}

/* Dispatch on the system call's number (A): a binary search over the
 * sorted rules r[lo..hi), a few comparisons for any number; one that none
 * names is allowed.  The kernel runs the filter once per number when it is
 * installed, to know which numbers it always allows (their calls then skip
 * the filter): a search keeps that short as well. */
static void dispatch(prog *p, const ends *e, const sc_rule *r, const int *labs, unsigned lo, unsigned hi)
{
    while (hi - lo > 3) {
        unsigned mid = lo + (hi - lo) / 2;
        int right = label(p);
        jge(p, r[mid].nr, right, NEXT);
        dispatch(p, e, r, labs, lo, mid);
        place(p, right);
        lo = mid;
    }
    for (unsigned i = lo; i < hi; i++) jeq(p, r[i].nr, labs[i], i + 1 < hi ? NEXT : e->allow);
    if (lo == hi) put(p, BPF_JMP | BPF_JA, 0, NEXT, NEXT);   /* never: every range holds a rule */
}

/* by number (an insertion sort: this runs in the child that shares
 * buckle's memory, where qsort could allocate) */
static void sort_rules(sc_rule *r, unsigned n)
{
    for (unsigned i = 1; i < n; i++)
        for (unsigned j = i; j > 0 && r[j - 1].nr > r[j].nr; j--) {
            sc_rule t = r[j];
            r[j] = r[j - 1];
            r[j - 1] = t;
        }
}

/* 0 with the program in p, or -1 (too long) */
static int build(prog *p, unsigned what)
{
    memset(p, 0, sizeof *p);
    sc_rules rs;
    rs.n = 0;
    rs.full = 0;
    collect(&rs, what);
    if (rs.full) return -1;
    sort_rules(rs.r, rs.n);
    ends e = { label(p), label(p), label(p), label(p) };
    ld(p, offsetof(struct seccomp_data, arch));
    jeq(p, SC_ARCH, NEXT, e.eperm);            /* another ABI's system calls */
    ld(p, NR_OFF);
#ifdef __x86_64__
    jge(p, 0x40000000u, e.eperm, NEXT);         /* x32 */
#endif
    int labs[RULES_MAX];
    for (unsigned i = 0; i < rs.n; i++) {
        const sc_rule *r = &rs.r[i];
        labs[i] = r->how == H_DENY ? deny_to(&e, r->err) : label(p);
    }
    dispatch(p, &e, rs.r, labs, 0, rs.n);
    for (unsigned i = 0; i < rs.n; i++)
        if (rs.r[i].how != H_DENY) handler(p, &e, &rs.r[i], what, labs[i]);
    place(p, e.allow);
    ret(p, SECCOMP_RET_ALLOW);
    place(p, e.eperm);
    ret(p, SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA));
    place(p, e.eacces);
    ret(p, SECCOMP_RET_ERRNO | (EACCES & SECCOMP_RET_DATA));
    place(p, e.enosys);
    ret(p, SECCOMP_RET_ERRNO | (ENOSYS & SECCOMP_RET_DATA));
    if (p->full || resolve(p) != 0) return -1;
    return 0;
}

int ll_seccomp_program(unsigned what, ll_bpf *out, size_t max)
{
    prog p;
    if (build(&p, what) != 0 || p.n > max) return -1;
    for (unsigned i = 0; i < p.n; i++) out[i] = (ll_bpf){ p.f[i].code, p.f[i].jt, p.f[i].jf, p.f[i].k };
    return p.n;
}

int ll_seccomp_install(unsigned what)
{
    prog p;
    if (build(&p, what) != 0) return E2BIG;
    struct sock_fprog fp = { p.n, p.f };
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return errno;
    if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &fp, 0, 0) != 0) return errno;
    return 0;
}
#else
int ll_seccomp_install(unsigned what)
{
    (void)what;
    return 38;    /* ENOSYS: no filter for this architecture */
}

int ll_seccomp_program(unsigned what, ll_bpf *out, size_t max)
{
    (void)what; (void)out; (void)max;
    return -1;
}
#endif
