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
#define SC_TIOCEXCL 0x540Cu
#define SC_IOC_TYPE_MASK 0xff00u
#define SC_IOC_TYPE_BTRFS 0x9400u
#define SC_IOC_TYPE_BCACHEFS 0xbc00u
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
#define SC_OTHER_WRITE 02u                    /* S_IWOTH */
#define SC_O_CREATE (0100u | 020000000u)      /* O_CREAT, __O_TMPFILE */
#define SC_O_TRUNC 01000u
#define SC_O_ACCMODE 3u
#ifndef SYS_openat2
#define SYS_openat2 437
#endif
#ifndef SYS_fchmodat2
#define SYS_fchmodat2 452
#endif
#define SC_PER_QUERY 0xffffffffu
#define SC_SYS_setxattrat 463       /* Linux 6.13, the same number on x86_64 and aarch64 */
#define SC_SYS_removexattrat 466

#define ARG_LO(n) (offsetof(struct seccomp_data, args) + (n) * sizeof(uint64_t))   /* little-endian: the low word */
#define LD(off) BPF_STMT(BPF_LD | BPF_W | BPF_ABS, (off))
#define RET(v) BPF_STMT(BPF_RET | BPF_K, (v))
#define DENY(e) RET(SECCOMP_RET_ERRNO | ((e) & SECCOMP_RET_DATA))
#define ALLOW RET(SECCOMP_RET_ALLOW)

enum { PROG_MAX = 384 };
typedef struct prog { struct sock_filter f[PROG_MAX]; unsigned short n; int full; } prog;

static void put(prog *p, struct sock_filter s)
{
    if (p->n < PROG_MAX) p->f[p->n++] = s;
    else p->full = 1;
}
/* "if A == k, go on; else skip the next skip instructions" */
static void jeq(prog *p, uint32_t k, unsigned char skip) { put(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, k, 0, skip)); }

/* one system call refused outright */
static void refuse_nr(prog *p, long nr, int err)
{
    put(p, (struct sock_filter)LD(offsetof(struct seccomp_data, nr)));
    jeq(p, (uint32_t)nr, 1);
    put(p, (struct sock_filter)DENY(err));
}

/* one system call refused when its argument arg has any bit of mask */
static void refuse_nr_bits(prog *p, long nr, unsigned arg, uint32_t mask, int err)
{
    put(p, (struct sock_filter)LD(offsetof(struct seccomp_data, nr)));
    jeq(p, (uint32_t)nr, 3);
    put(p, (struct sock_filter)LD(ARG_LO(arg)));
    put(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, mask, 0, 1));
    put(p, (struct sock_filter)DENY(err));
}

/* one system call refused unless its argument arg is 0 (all 64 bits) */
static void refuse_nr_nonzero(prog *p, long nr, unsigned arg, int err)
{
    put(p, (struct sock_filter)LD(offsetof(struct seccomp_data, nr)));
    jeq(p, (uint32_t)nr, 5);
    put(p, (struct sock_filter)LD(ARG_LO(arg)));
    put(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 2));
    put(p, (struct sock_filter)LD(ARG_LO(arg) + sizeof(uint32_t)));
    put(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 1, 0));
    put(p, (struct sock_filter)DENY(err));
}

/* an open that creates (flags in arg flags_arg with O_CREAT or O_TMPFILE)
 * refused when its mode (arg mode_arg) has any bit of mask */
static void refuse_create_bits(prog *p, long nr, unsigned flags_arg, unsigned mode_arg, uint32_t mask, int err)
{
    put(p, (struct sock_filter)LD(offsetof(struct seccomp_data, nr)));
    jeq(p, (uint32_t)nr, 5);
    put(p, (struct sock_filter)LD(ARG_LO(flags_arg)));
    put(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, SC_O_CREATE, 0, 3));
    put(p, (struct sock_filter)LD(ARG_LO(mode_arg)));
    put(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, mask, 0, 1));
    put(p, (struct sock_filter)DENY(err));
}

/* an open (flags in arg flags_arg) refused when it truncates a file it
 * opens for reading only: O_TRUNC with O_RDONLY */
static void refuse_rdonly_trunc(prog *p, long nr, unsigned flags_arg)
{
    put(p, (struct sock_filter)LD(offsetof(struct seccomp_data, nr)));
    jeq(p, (uint32_t)nr, 5);
    put(p, (struct sock_filter)LD(ARG_LO(flags_arg)));
    put(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, SC_O_TRUNC, 0, 3));
    put(p, (struct sock_filter)BPF_STMT(BPF_ALU | BPF_AND | BPF_K, SC_O_ACCMODE));
    put(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 0, 1));
    put(p, (struct sock_filter)DENY(EACCES));
}

/* nr allowed only as (arg0 == kind, arg1 == 0): a call about the calling
 * process itself (setpriority's PRIO_PROCESS 0, ioprio_set's
 * IOPRIO_WHO_PROCESS 0); anything else is refused with EPERM */
static void refuse_unless_self(prog *p, long nr, uint32_t kind)
{
    put(p, (struct sock_filter)LD(offsetof(struct seccomp_data, nr)));
    jeq(p, (uint32_t)nr, 5);
    put(p, (struct sock_filter)LD(ARG_LO(0)));
    put(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, kind, 0, 2));
    put(p, (struct sock_filter)LD(ARG_LO(1)));
    put(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 1, 0));
    put(p, (struct sock_filter)DENY(EPERM));
}

/* The mounts of the command's own namespace (LL_SC_MOUNT, landlock_ns.c)
 * stay as they are: every call that mounts, unmounts, moves or changes a
 * mount, or makes one to attach later, is refused.  Landlock refuses the
 * mount changes too and the command holds no capability; this keeps it so
 * should either be missing (mount_setattr has no Landlock check). */
#ifndef SYS_open_tree
#define SYS_open_tree 428
#endif
#ifndef SYS_move_mount
#define SYS_move_mount 429
#endif
#ifndef SYS_fsopen
#define SYS_fsopen 430
#endif
#ifndef SYS_fsconfig
#define SYS_fsconfig 431
#endif
#ifndef SYS_fsmount
#define SYS_fsmount 432
#endif
#ifndef SYS_fspick
#define SYS_fspick 433
#endif
#ifndef SYS_mount_setattr
#define SYS_mount_setattr 442
#endif
#define SC_SYS_open_tree_attr 467   /* Linux 6.15, the same number on x86_64 and aarch64 */
static void refuse_mounts(prog *p)
{
    static const long nr[] = { SYS_mount, SYS_umount2, SYS_pivot_root, SYS_open_tree, SYS_move_mount, SYS_fsopen,
                               SYS_fsconfig, SYS_fsmount, SYS_fspick, SYS_mount_setattr, SC_SYS_open_tree_attr,
                               SYS_chroot };
    for (size_t i = 0; i < sizeof nr / sizeof nr[0]; i++) refuse_nr(p, nr[i], EPERM);
}

static void build(prog *p, unsigned what)
{
    p->n = 0;
    p->full = 0;
    put(p, (struct sock_filter)LD(offsetof(struct seccomp_data, arch)));
    put(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SC_ARCH, 1, 0));
    put(p, (struct sock_filter)DENY(EPERM));       /* another ABI's system calls */
    put(p, (struct sock_filter)LD(offsetof(struct seccomp_data, nr)));
#ifdef __x86_64__
    put(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, 0x40000000u, 0, 1));   /* x32 */
    put(p, (struct sock_filter)DENY(EPERM));
#endif
    /* ioctl on a terminal: typing into it (TIOCSTI, TIOCLINUX), taking its
     * foreground (TIOCSPGRP: a process left behind by the command could
     * read what the user types next), redirecting the console (TIOCCONS),
     * changing its line discipline (TIOCSETD), making it exclusive
     * (TIOCEXCL: it stays so after the run, and no later open of the
     * terminal by the user's programs succeeds).  The command is an
     * unsigned int: the low word. */
    static const uint32_t tty[] = { SC_TIOCSTI, SC_TIOCLINUX, SC_TIOCSPGRP, SC_TIOCCONS, SC_TIOCSETD, SC_TIOCEXCL };
    enum { NTTY = sizeof tty / sizeof tty[0] };
    /* and the filesystems' ioctls that make, copy or remove entries without
     * a Landlock check, by their type (the command's second byte): btrfs's
     * subvolumes and snapshots and the reflink and dedupe calls that share
     * its type (0x94: FICLONE, FICLONERANGE, FIDEDUPERANGE; cp falls back to
     * copying), bcachefs's subvolumes (0xbc) */
    static const uint32_t fs_types[] = { SC_IOC_TYPE_BTRFS, SC_IOC_TYPE_BCACHEFS };
    enum { NFS = sizeof fs_types / sizeof fs_types[0] };
    jeq(p, SYS_ioctl, NTTY + NFS + 4);
    put(p, (struct sock_filter)LD(ARG_LO(1)));
    for (unsigned i = 0; i < NTTY; i++)
        put(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, tty[i], (unsigned char)(NTTY + NFS + 1 - i), 0));
    put(p, (struct sock_filter)BPF_STMT(BPF_ALU | BPF_AND | BPF_K, SC_IOC_TYPE_MASK));
    for (unsigned i = 0; i < NFS; i++)
        put(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, fs_types[i], (unsigned char)(NFS - i), 0));
    put(p, (struct sock_filter)ALLOW);
    put(p, (struct sock_filter)DENY(EPERM));
    /* joining another process group: a command left in the background
     * (`buckle run ... &`, or Ctrl-Z then bg) could join the caller's shell's
     * group, the terminal's foreground, and read what the user types to the
     * shell without TIOCSPGRP.  Only setpgid(pid, 0), a group of its own */
    refuse_nr_nonzero(p, SYS_setpgid, 1, EPERM);
    refuse_nr(p, SYS_io_uring_setup, EPERM);
    /* the kernel's key rings hold the user's secrets and no rule of a
     * profile names them */
    refuse_nr(p, SYS_keyctl, EACCES);
    refuse_nr(p, SYS_add_key, EACCES);
    refuse_nr(p, SYS_request_key, EACCES);
    /* New namespaces: Landlock still holds inside them (it refuses mounts),
     * but a new user namespace hands the command every capability over new
     * network, IPC and mount namespaces, the kernel code most privilege
     * escalations go through; nothing a profile allows needs one.  clone3
     * passes its flags in memory the filter cannot read: ENOSYS makes the C
     * library fall back to clone. */
    refuse_nr_bits(p, SYS_unshare, 0, SC_CLONE_NEW | SC_CLONE_NEWTIME, EPERM);
    refuse_nr_bits(p, SYS_clone, 0, SC_CLONE_NEW, EPERM);
    refuse_nr(p, SYS_clone3, ENOSYS);
    refuse_nr(p, SYS_setns, EPERM);
    /* kernel attack surface no rule names: page faults handled in user
     * space (a race-widening tool), perf events (reading other processes
     * and the kernel), BPF programs */
    refuse_nr(p, SYS_userfaultfd, EPERM);
    refuse_nr(p, SYS_perf_event_open, EACCES);
    refuse_nr(p, SYS_bpf, EPERM);
    /* other processes' limits and priorities: Landlock confines signals
     * (ABI 6), but not prlimit or setpriority, with which a command could
     * set the user's other processes' resource limits (no open files, a
     * core size that dumps their memory to disk) or niceness.  Only its own
     * (pid 0, the C library's setrlimit and nice) */
    refuse_nr_nonzero(p, SYS_prlimit64, 0, EPERM);
    refuse_unless_self(p, SYS_setpriority, 0);          /* PRIO_PROCESS */
    /* other processes' scheduling, CPUs and I/O priority, likewise: only
     * its own (pid 0); ioprio_set only for IOPRIO_WHO_PROCESS 0 (who 0 of
     * IOPRIO_WHO_USER is every process of root) */
    refuse_nr_nonzero(p, SYS_sched_setscheduler, 0, EPERM);
    refuse_nr_nonzero(p, SYS_sched_setparam, 0, EPERM);
    refuse_nr_nonzero(p, SYS_sched_setattr, 0, EPERM);
    refuse_nr_nonzero(p, SYS_sched_setaffinity, 0, EPERM);
    refuse_unless_self(p, SYS_ioprio_set, 1);           /* IOPRIO_WHO_PROCESS */
    /* set-user-ID and set-group-ID bits: Landlock controls no metadata,
     * so a command could make any program it may not even read run as the
     * caller (as root: as root) for every other user.  Refused wherever a
     * mode is set: chmod and its kin, and a create (open, openat, creat,
     * mknod).  openat2 carries its mode in memory the filter cannot read:
     * ENOSYS, so that the C library falls back to openat. */
    /* and, by chmod, write for every other user (S_IWOTH): a file the
     * sandbox may not write (buckle's sources, as root any root-owned file)
     * would become writable to every local user outside it.  A create's
     * mode is not checked for it: the umask takes it off */
#ifdef SYS_chmod
    refuse_nr_bits(p, SYS_chmod, 1, SC_SETID | SC_OTHER_WRITE, EPERM);
#endif
    refuse_nr_bits(p, SYS_fchmod, 1, SC_SETID | SC_OTHER_WRITE, EPERM);
    refuse_nr_bits(p, SYS_fchmodat, 2, SC_SETID | SC_OTHER_WRITE, EPERM);
    refuse_nr_bits(p, SYS_fchmodat2, 2, SC_SETID | SC_OTHER_WRITE, EPERM);
#ifdef SYS_creat
    refuse_nr_bits(p, SYS_creat, 1, SC_SETID, EPERM);
#endif
#ifdef SYS_mknod
    refuse_nr_bits(p, SYS_mknod, 1, SC_SETID, EPERM);
#endif
    refuse_nr_bits(p, SYS_mknodat, 2, SC_SETID, EPERM);
#ifdef SYS_open
    refuse_create_bits(p, SYS_open, 1, 2, SC_SETID, EPERM);
#endif
    refuse_create_bits(p, SYS_openat, 2, 3, SC_SETID, EPERM);
    refuse_nr(p, SYS_openat2, ENOSYS);
    /* personality: only the default, the query, and no address randomization
     * (READ_IMPLIES_EXEC would make every readable mapping executable) */
    put(p, (struct sock_filter)LD(offsetof(struct seccomp_data, nr)));
    jeq(p, SYS_personality, 6);
    put(p, (struct sock_filter)LD(ARG_LO(0)));
    put(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 3, 0));
    put(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SC_PER_QUERY, 2, 0));
    put(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SC_ADDR_NO_RANDOMIZE, 1, 0));
    put(p, (struct sock_filter)DENY(EPERM));
    put(p, (struct sock_filter)ALLOW);
    if ((what & LL_SC_NET) && (what & LL_SC_IPANY)) {
        /* "*:*": TCP and UDP (any protocol of a stream or datagram socket)
         * to any IP address; no raw or packet socket, no netlink */
        put(p, (struct sock_filter)LD(offsetof(struct seccomp_data, nr)));
        jeq(p, SYS_socket, 12);
        put(p, (struct sock_filter)LD(ARG_LO(0)));
        put(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SC_AF_INET, 1, 0));
        put(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SC_AF_INET6, 0, 6));
        put(p, (struct sock_filter)LD(ARG_LO(1)));
        put(p, (struct sock_filter)BPF_STMT(BPF_ALU | BPF_AND | BPF_K, SC_TYPE_MASK));
        put(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SC_SOCK_STREAM, 1, 0));
        put(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SC_SOCK_DGRAM, 0, 1));
        put(p, (struct sock_filter)ALLOW);
        put(p, (struct sock_filter)DENY(EACCES));
        /* A = family here */
        put(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SC_AF_UNIX, 0, 1));
        put(p, (struct sock_filter)((what & LL_SC_UNIX) ? (struct sock_filter)ALLOW : (struct sock_filter)DENY(EACCES)));
        put(p, (struct sock_filter)DENY(EACCES));
    } else if (what & LL_SC_NET) {
        put(p, (struct sock_filter)LD(offsetof(struct seccomp_data, nr)));
        jeq(p, SYS_socket, 14);
        put(p, (struct sock_filter)LD(ARG_LO(0)));
        /* AF_INET, AF_INET6: TCP only */
        put(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SC_AF_INET, 1, 0));
        put(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SC_AF_INET6, 0, 8));
        put(p, (struct sock_filter)LD(ARG_LO(1)));
        put(p, (struct sock_filter)BPF_STMT(BPF_ALU | BPF_AND | BPF_K, SC_TYPE_MASK));
        put(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SC_SOCK_STREAM, 0, 3));
        put(p, (struct sock_filter)LD(ARG_LO(2)));
        put(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, 0, 2, 0));
        put(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SC_IPPROTO_TCP, 1, 0));
        /* every other family (unix sockets only when the profile allows them) */
        put(p, (struct sock_filter)DENY(EACCES));
        put(p, (struct sock_filter)ALLOW);
        /* A = family here */
        put(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SC_AF_UNIX, 0, 1));
        put(p, (struct sock_filter)((what & LL_SC_UNIX) ? (struct sock_filter)ALLOW : (struct sock_filter)DENY(EACCES)));
        put(p, (struct sock_filter)DENY(EACCES));
    }
    if (what & LL_SC_LISTEN) refuse_nr(p, SYS_listen, EACCES);
    if (what & LL_SC_MOUNT) refuse_mounts(p);
    if (what & LL_SC_IPC) {
        /* every call, not only the get: an identifier can be guessed */
        static const long ipc[] = { SYS_shmget, SYS_shmat, SYS_shmctl, SYS_msgget, SYS_msgsnd, SYS_msgrcv, SYS_msgctl,
                                    SYS_semget, SYS_semop, SYS_semctl, SYS_semtimedop, SYS_mq_open, SYS_mq_unlink };
        for (size_t i = 0; i < sizeof ipc / sizeof ipc[0]; i++) refuse_nr(p, ipc[i], EACCES);
    }
    if (what & LL_SC_WATCH) {
        /* a watch reports the names and activity of files in a directory
         * the sandbox may not list: Landlock does not check it */
        refuse_nr(p, SYS_inotify_add_watch, EACCES);
        refuse_nr(p, SYS_fanotify_init, EPERM);
        refuse_nr(p, SYS_fanotify_mark, EACCES);
    }
    if (what & LL_SC_TRUNC) {
        refuse_nr(p, SYS_truncate, EACCES);
#ifdef SYS_truncate64
        refuse_nr(p, SYS_truncate64, EACCES);
#endif
        /* an open for reading with O_TRUNC empties the file, and before ABI
         * 3 Landlock checks only reading there (for writing, it checks
         * writing) */
#ifdef SYS_open
        refuse_rdonly_trunc(p, SYS_open, 1);
#endif
        refuse_rdonly_trunc(p, SYS_openat, 2);
    }
    if (what & LL_SC_XATTR) {
        /* an ACL (system.posix_acl_access, a name in memory the filter
         * cannot read) would give another user write to a file the sandbox
         * may not write: no extended attribute is set or removed, with the
         * error of a filesystem without them (tools go on without) */
        static const long xa[] = { SYS_setxattr, SYS_lsetxattr, SYS_fsetxattr, SYS_removexattr, SYS_lremovexattr,
                                   SYS_fremovexattr, SC_SYS_setxattrat, SC_SYS_removexattrat };
        for (size_t i = 0; i < sizeof xa / sizeof xa[0]; i++) refuse_nr(p, xa[i], EOPNOTSUPP);
    }
    if (what & LL_SC_EXEC) {
        put(p, (struct sock_filter)LD(offsetof(struct seccomp_data, nr)));
        jeq(p, SYS_memfd_create, 4);
        put(p, (struct sock_filter)LD(ARG_LO(1)));
        put(p, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, SC_MFD_NOEXEC_SEAL, 0, 1));
        put(p, (struct sock_filter)ALLOW);
        put(p, (struct sock_filter)DENY(EACCES));
    }
    put(p, (struct sock_filter)ALLOW);
}

int ll_seccomp_install(unsigned what)
{
    prog p;
    build(&p, what);
    if (p.full) return E2BIG;
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
#endif
