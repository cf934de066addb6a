/* landlock_seccomp.c - what Landlock cannot control, closed with a seccomp
 * filter installed with the ruleset (docs/linux.md): the terminal ioctls
 * that type into the caller's terminal or take its foreground (always), the
 * kernel's key rings (always), sockets other than TCP
 * (when the profile limits the network), bind (when no port may be bound
 * and UDP sockets can be made), System V and POSIX
 * message-queue IPC (when the profile allows no IPC), file watching (when
 * the profile denies some reading), memory files that could
 * be executed (when the profile limits exec), io_uring (always: it would
 * reach all of these without the system calls), and, always, what only
 * widens the kernel a sandboxed command can attack: new namespaces,
 * userfaultfd, perf events, BPF, personality flags; and the limits and
 * priorities of other processes; a file given to another user or group.
 * A refused call fails
 * with EPERM (ioctl) or EACCES.  Only x86_64 and aarch64 are known; elsewhere
 * the filter cannot be built and the run is refused.  Also always: joining
 * a process group other than a new one of its own (setpgid).  And, when
 * Landlock's signal scope does not hold (the profile allows signals to
 * others), every way to signal the supervising buckle, which must outlive
 * the command to check the run and kill what it left (LL_SC_GUARD).
 *
 * Every refusal is one row of the table rules[] below (the call's number on
 * each architecture, when it applies, what it checks); the filter is a
 * binary search on the system call number over the rows that apply, each
 * leaf running the checks of its call in the table's order.  The program
 * is built anywhere (the unit test runs it in an interpreter for both
 * architectures); installing it needs Linux. */
#define _GNU_SOURCE
#include "landlock.h"
#include <stddef.h>

/* the kernel's values, the same on every architecture */
enum {
    BPF_LD_W_ABS = 0x20, BPF_JMP_JA = 0x05, BPF_JEQ_K = 0x15, BPF_JGE_K = 0x35, BPF_JSET_K = 0x45,
    BPF_AND_K = 0x54, BPF_RET_K = 0x06
};
#define RET_ALLOW 0x7fff0000u                 /* SECCOMP_RET_ALLOW */
#define RET_ERRNO(e) (0x00050000u | (e))      /* SECCOMP_RET_ERRNO */
enum { X_EPERM = 1, X_EACCES = 13, X_ENOSYS = 38, X_EOPNOTSUPP = 95 };   /* Linux's errno values */
/* struct seccomp_data: nr, arch, ip, args[6]; little-endian: an argument's
 * low word first */
#define OFF_NR 0u
#define OFF_ARCH 4u
#define ARG_LO(n) (16u + 8u * (n))
#define ARG_HI(n) (ARG_LO(n) + 4u)
#define ARCH_X86_64 0xc000003eu               /* AUDIT_ARCH_X86_64 */
#define ARCH_AARCH64 0xc00000b7u              /* AUDIT_ARCH_AARCH64 */
#define X32_BIT 0x40000000u                   /* __X32_SYSCALL_BIT */

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
#define SC_SOCK_SEQPACKET 5u
#define SC_TYPE_MASK 0xfu
#define SC_IPPROTO_TCP 6u
/* every CLONE_NEW* flag; CLONE_NEWTIME (0x80) is a clone() exit signal bit
 * and counts only for unshare */
#define SC_CLONE_NEW 0x7e020000u
#define SC_CLONE_NEWTIME 0x80u
#define SC_ADDR_NO_RANDOMIZE 0x0040000u
#define SC_PER_QUERY 0xffffffffu
#define SC_SETID 06000u                       /* S_ISUID | S_ISGID */
#define SC_OTHER_WRITE 02u                    /* S_IWOTH */
#define SC_GROUP_WRITE 020u                   /* S_IWGRP */
#define SC_O_CREATE (0100u | 020000000u)      /* O_CREAT, __O_TMPFILE */
#define SC_O_TRUNC 01000u
#define SC_O_ACCMODE 3u
#define SC_F_SETOWN 8u
#define SC_F_SETOWN_EX 15u
#define SC_FIOSETOWN 0x8901u
#define SC_SIOCSPGRP 0x8902u

/* what a row checks; every check either refuses the call or passes it on
 * to the next row of the same call (none left: allowed) */
enum check {
    CK_REFUSE,        /* always refused */
    CK_BITS,          /* refused when argument arg has any bit of k */
    CK_NONZERO,       /* refused unless argument arg is 0 (all 64 bits) */
    CK_CREATE_BITS,   /* refused when flags (arg) create (O_CREAT, O_TMPFILE) and the mode (arg2) has any bit of k */
    CK_RDONLY_TRUNC,  /* refused when flags (arg) have O_TRUNC with O_RDONLY */
    CK_SELF,          /* refused unless argument 0 is k and argument 1 is 0: the caller itself */
    CK_IOCTL,         /* the terminal's commands and the filesystems' types below */
    CK_PERSONALITY,   /* refused unless the default, the query or ADDR_NO_RANDOMIZE */
    CK_SOCKET_IP,     /* TCP and UDP (stream, datagram) over IPv4 and IPv6; unix with LL_SC_UNIX */
    CK_SOCKET_TCP,    /* TCP only (stream, protocol 0 or TCP); unix with LL_SC_UNIX */
    CK_MEMFD,         /* refused without MFD_NOEXEC_SEAL (argument 1) */
    CK_OWNER,         /* refused unless the owner (arg) and the group (arg2) are each -1 or the caller's own */
    CK_SOCKETPAIR,    /* AF_UNIX only; without LL_SC_UNIX a stream or seqpacket pair only */
    CK_KILL,          /* refused when argument 0 is the guard's pid, minus its process group, -1 or 0 */
    CK_GUARD,         /* refused when argument arg (k 2: or arg + 1) is the guard's pid */
    CK_SETOWN,        /* fcntl (command arg): F_SETOWN to the guard's pid or minus its process group (arg2), F_SETOWN_EX */
    CK_OWN_IOCTL      /* ioctl (command arg): FIOSETOWN, SIOCSPGRP (the owner in memory) */
};

/* One row: the call's number on x86_64 and aarch64 (-1: no such call);
 * applies when the plan's LL_SC_* bits have all of when and none of unless */
typedef struct sc_rule {
    short nr[2];
    unsigned short when, unless;
    unsigned char check, err, arg, arg2;
    uint32_t k;
} sc_rule;

#define ROW(x, a, w, u, c, e, r, r2, kk) { .nr = { (x), (a) }, .when = (w), .unless = (u), .check = (c), .err = (e), .arg = (r), .arg2 = (r2), .k = (kk) }
#define REFUSE(x, a, w, e) ROW(x, a, w, 0, CK_REFUSE, e, 0, 0, 0)
#define BITS(x, a, arg, mask, e) ROW(x, a, 0, 0, CK_BITS, e, arg, 0, mask)
#define NONZERO(x, a, arg) ROW(x, a, 0, 0, CK_NONZERO, X_EPERM, arg, 0, 0)
#define SELF(x, a, kind) ROW(x, a, 0, 0, CK_SELF, X_EPERM, 0, 0, kind)
#define GUARD(x, a, arg, n) ROW(x, a, LL_SC_GUARD, 0, CK_GUARD, X_EPERM, arg, 0, n)

/* In the table's order for one call (open, openat: the set-ID check, then
 * the truncation). */
static const sc_rule rules[] = {
    /* ioctl on a terminal: typing into it (TIOCSTI, TIOCLINUX), taking its
     * foreground (TIOCSPGRP: a process left behind by the command could
     * read what the user types next), redirecting the console (TIOCCONS),
     * changing its line discipline (TIOCSETD), making it exclusive
     * (TIOCEXCL: it stays so after the run, and no later open of the
     * terminal by the user's programs succeeds); and the filesystems'
     * ioctls that make, copy or remove entries without a Landlock check, by
     * their type: btrfs's subvolumes and snapshots and the reflink and
     * dedupe calls that share its type (0x94), bcachefs's subvolumes (0xbc).
     * The command is an unsigned int: the low word. */
    ROW(16, 29, 0, 0, CK_IOCTL, X_EPERM, 1, 0, 0),                              /* ioctl */
    /* joining another process group: a command left in the background
     * (`buckle run ... &`, or Ctrl-Z then bg) could join the caller's shell's
     * group, the terminal's foreground, and read what the user types to the
     * shell without TIOCSPGRP.  Only setpgid(pid, 0), a group of its own */
    NONZERO(109, 154, 1),                                                       /* setpgid */
    REFUSE(425, 425, 0, X_EPERM),                                               /* io_uring_setup */
    /* the kernel's key rings hold the user's secrets and no rule of a
     * profile names them */
    REFUSE(250, 219, 0, X_EACCES),                                              /* keyctl */
    REFUSE(248, 217, 0, X_EACCES),                                              /* add_key */
    REFUSE(249, 218, 0, X_EACCES),                                              /* request_key */
    /* New namespaces: Landlock still holds inside them (it refuses mounts),
     * but a new user namespace hands the command every capability over new
     * network, IPC and mount namespaces, the kernel code most privilege
     * escalations go through; nothing a profile allows needs one.  clone3
     * passes its flags in memory the filter cannot read: ENOSYS makes the C
     * library fall back to clone. */
    BITS(272, 97, 0, SC_CLONE_NEW | SC_CLONE_NEWTIME, X_EPERM),                 /* unshare */
    BITS(56, 220, 0, SC_CLONE_NEW, X_EPERM),                                    /* clone */
    REFUSE(435, 435, 0, X_ENOSYS),                                              /* clone3 */
    REFUSE(308, 268, 0, X_EPERM),                                               /* setns */
    /* kernel attack surface no rule names: page faults handled in user
     * space (a race-widening tool), perf events (reading other processes
     * and the kernel), BPF programs */
    REFUSE(323, 282, 0, X_EPERM),                                               /* userfaultfd */
    REFUSE(298, 241, 0, X_EACCES),                                              /* perf_event_open */
    REFUSE(321, 280, 0, X_EPERM),                                               /* bpf */
    /* other processes' limits and priorities: Landlock confines signals
     * (ABI 6), but not prlimit or setpriority, with which a command could
     * set the user's other processes' resource limits (no open files, a
     * core size that dumps their memory to disk) or niceness.  Only its own
     * (pid 0, the C library's setrlimit and nice); likewise scheduling,
     * CPUs and I/O priority (ioprio_set only for IOPRIO_WHO_PROCESS 0: who
     * 0 of IOPRIO_WHO_USER is every process of root) */
    NONZERO(302, 261, 0),                                                       /* prlimit64 */
    SELF(141, 140, 0),                                                          /* setpriority, PRIO_PROCESS */
    NONZERO(144, 119, 0),                                                       /* sched_setscheduler */
    NONZERO(142, 118, 0),                                                       /* sched_setparam */
    NONZERO(314, 274, 0),                                                       /* sched_setattr */
    NONZERO(203, 122, 0),                                                       /* sched_setaffinity */
    SELF(251, 30, 1),                                                           /* ioprio_set, IOPRIO_WHO_PROCESS */
    /* set-user-ID and set-group-ID bits: Landlock controls no metadata,
     * so a command could make any program it may not even read run as the
     * caller (as root: as root) for every other user.  Refused wherever a
     * mode is set: chmod and its kin, and a create (open, openat, creat,
     * mknod).  openat2 carries its mode in memory the filter cannot read:
     * ENOSYS, so that the C library falls back to openat.  And, by chmod,
     * write for every other user (S_IWOTH): a file the sandbox may not
     * write (buckle's sources, as root any root-owned file) would become
     * writable to every local user outside it.  A create's mode is not
     * checked for it: the umask takes it off */
    BITS(90, -1, 1, SC_SETID | SC_OTHER_WRITE, X_EPERM),                        /* chmod */
    BITS(91, 52, 1, SC_SETID | SC_OTHER_WRITE, X_EPERM),                        /* fchmod */
    BITS(268, 53, 2, SC_SETID | SC_OTHER_WRITE, X_EPERM),                       /* fchmodat */
    BITS(452, 452, 2, SC_SETID | SC_OTHER_WRITE, X_EPERM),                      /* fchmodat2 */
    /* and write for the group, where the caller's primary group has other
     * members (a shared "users" group): the same exposure to them
     * (LL_SC_GROUPW, set by the runner) */
    ROW(90, -1, LL_SC_GROUPW, 0, CK_BITS, X_EPERM, 1, 0, SC_GROUP_WRITE),       /* chmod */
    ROW(91, 52, LL_SC_GROUPW, 0, CK_BITS, X_EPERM, 1, 0, SC_GROUP_WRITE),       /* fchmod */
    ROW(268, 53, LL_SC_GROUPW, 0, CK_BITS, X_EPERM, 2, 0, SC_GROUP_WRITE),      /* fchmodat */
    ROW(452, 452, LL_SC_GROUPW, 0, CK_BITS, X_EPERM, 2, 0, SC_GROUP_WRITE),     /* fchmodat2 */
    BITS(85, -1, 1, SC_SETID, X_EPERM),                                         /* creat */
    BITS(133, -1, 1, SC_SETID, X_EPERM),                                        /* mknod */
    BITS(259, 33, 2, SC_SETID, X_EPERM),                                        /* mknodat */
    ROW(2, -1, 0, 0, CK_CREATE_BITS, X_EPERM, 1, 2, SC_SETID),                  /* open */
    ROW(257, 56, 0, 0, CK_CREATE_BITS, X_EPERM, 2, 3, SC_SETID),                /* openat */
    REFUSE(437, 437, 0, X_ENOSYS),                                              /* openat2 */
    /* a file's owner or group given away: Landlock controls no metadata,
     * so a command could hand a file it owns (its profile, the directory
     * it is in) to a group other users belong to, then make it writable
     * for the group, and another user would choose what the next run
     * enforces.  Only the caller's own user and group (cp -p, tar); uid_t
     * and gid_t are 32 bits: the low word */
    ROW(92, -1, 0, 0, CK_OWNER, X_EPERM, 1, 2, 0),                              /* chown */
    ROW(94, -1, 0, 0, CK_OWNER, X_EPERM, 1, 2, 0),                              /* lchown */
    ROW(93, 55, 0, 0, CK_OWNER, X_EPERM, 1, 2, 0),                              /* fchown */
    ROW(260, 54, 0, 0, CK_OWNER, X_EPERM, 2, 3, 0),                             /* fchownat */
    /* personality: only the default, the query, and no address
     * randomization (READ_IMPLIES_EXEC would make every readable mapping
     * executable) */
    ROW(135, 92, 0, 0, CK_PERSONALITY, X_EPERM, 0, 0, 0),                       /* personality */
    /* sockets: "*:*" allows TCP and UDP (any protocol of a stream or
     * datagram socket) to any IP address, otherwise TCP only; no raw or
     * packet socket, no netlink; unix sockets only when the profile allows
     * them */
    ROW(41, 198, LL_SC_NET | LL_SC_IPANY, 0, CK_SOCKET_IP, X_EACCES, 0, 0, 0),  /* socket */
    ROW(41, 198, LL_SC_NET, LL_SC_IPANY, CK_SOCKET_TCP, X_EACCES, 0, 0, 0),     /* socket */
    /* socketpair: only AF_UNIX (another family would reach its module's
     * code, which socket() keeps closed), and, unless the profile allows
     * unix sockets, only a stream or seqpacket pair: a datagram socket is
     * never connected for good, and sendto or connect with a path reaches
     * any datagram socket by path (/dev/log, the journal), which Landlock
     * does not check.  A connected stream pair refuses connect (EISCONN)
     * and an address in sendto; a seqpacket pair ignores the address */
    ROW(53, 199, LL_SC_NET, 0, CK_SOCKETPAIR, X_EACCES, 0, 0, 0),               /* socketpair */
    REFUSE(50, 201, LL_SC_LISTEN, X_EACCES),                                    /* listen */
    /* bind, when no port may be bound but UDP sockets can be made ("*:*"):
     * Landlock checks a TCP socket's bind only, and a UDP socket bound to a
     * port of its choosing takes datagrams from anywhere.  The filter
     * cannot read the address nor tell the socket's type, so every bind is
     * refused; a UDP socket that sends gets a port of the kernel's choosing
     * without one */
    REFUSE(49, 200, LL_SC_BIND, X_EACCES),                                      /* bind */
    /* The mounts of the command's own namespace (LL_SC_MOUNT,
     * landlock_ns.c) stay as they are: every call that mounts, unmounts,
     * moves or changes a mount, or makes one to attach later, is refused.
     * Landlock refuses the mount changes too and the command holds no
     * capability; this keeps it so should either be missing
     * (mount_setattr has no Landlock check) */
    REFUSE(165, 40, LL_SC_MOUNT, X_EPERM),                                      /* mount */
    REFUSE(166, 39, LL_SC_MOUNT, X_EPERM),                                      /* umount2 */
    REFUSE(155, 41, LL_SC_MOUNT, X_EPERM),                                      /* pivot_root */
    REFUSE(161, 51, LL_SC_MOUNT, X_EPERM),                                      /* chroot */
    REFUSE(428, 428, LL_SC_MOUNT, X_EPERM),                                     /* open_tree */
    REFUSE(429, 429, LL_SC_MOUNT, X_EPERM),                                     /* move_mount */
    REFUSE(430, 430, LL_SC_MOUNT, X_EPERM),                                     /* fsopen */
    REFUSE(431, 431, LL_SC_MOUNT, X_EPERM),                                     /* fsconfig */
    REFUSE(432, 432, LL_SC_MOUNT, X_EPERM),                                     /* fsmount */
    REFUSE(433, 433, LL_SC_MOUNT, X_EPERM),                                     /* fspick */
    REFUSE(442, 442, LL_SC_MOUNT, X_EPERM),                                     /* mount_setattr */
    REFUSE(467, 467, LL_SC_MOUNT, X_EPERM),                                     /* open_tree_attr */
    /* IPC: every call, not only the get: an identifier can be guessed */
    REFUSE(29, 194, LL_SC_IPC, X_EACCES),                                       /* shmget */
    REFUSE(30, 196, LL_SC_IPC, X_EACCES),                                       /* shmat */
    REFUSE(31, 195, LL_SC_IPC, X_EACCES),                                       /* shmctl */
    REFUSE(68, 186, LL_SC_IPC, X_EACCES),                                       /* msgget */
    REFUSE(69, 189, LL_SC_IPC, X_EACCES),                                       /* msgsnd */
    REFUSE(70, 188, LL_SC_IPC, X_EACCES),                                       /* msgrcv */
    REFUSE(71, 187, LL_SC_IPC, X_EACCES),                                       /* msgctl */
    REFUSE(64, 190, LL_SC_IPC, X_EACCES),                                       /* semget */
    REFUSE(65, 193, LL_SC_IPC, X_EACCES),                                       /* semop */
    REFUSE(66, 191, LL_SC_IPC, X_EACCES),                                       /* semctl */
    REFUSE(220, 192, LL_SC_IPC, X_EACCES),                                      /* semtimedop */
    REFUSE(240, 180, LL_SC_IPC, X_EACCES),                                      /* mq_open */
    REFUSE(241, 181, LL_SC_IPC, X_EACCES),                                      /* mq_unlink */
    /* a watch reports the names and activity of files in a directory the
     * sandbox may not list: Landlock does not check it */
    REFUSE(254, 27, LL_SC_WATCH, X_EACCES),                                     /* inotify_add_watch */
    REFUSE(300, 262, LL_SC_WATCH, X_EPERM),                                     /* fanotify_init */
    REFUSE(301, 263, LL_SC_WATCH, X_EACCES),                                    /* fanotify_mark */
    /* truncation by path, and an open for reading with O_TRUNC (which
     * empties the file): before ABI 3 Landlock checks only reading there
     * (for writing, it checks writing) */
    REFUSE(76, 45, LL_SC_TRUNC, X_EACCES),                                      /* truncate */
    ROW(2, -1, LL_SC_TRUNC, 0, CK_RDONLY_TRUNC, X_EACCES, 1, 0, 0),             /* open */
    ROW(257, 56, LL_SC_TRUNC, 0, CK_RDONLY_TRUNC, X_EACCES, 2, 0, 0),           /* openat */
    /* an ACL (system.posix_acl_access, a name in memory the filter cannot
     * read) would give another user write to a file the sandbox may not
     * write: no extended attribute is set or removed, with the error of a
     * filesystem without them (tools go on without) */
    REFUSE(188, 5, LL_SC_XATTR, X_EOPNOTSUPP),                                  /* setxattr */
    REFUSE(189, 6, LL_SC_XATTR, X_EOPNOTSUPP),                                  /* lsetxattr */
    REFUSE(190, 7, LL_SC_XATTR, X_EOPNOTSUPP),                                  /* fsetxattr */
    REFUSE(197, 14, LL_SC_XATTR, X_EOPNOTSUPP),                                 /* removexattr */
    REFUSE(198, 15, LL_SC_XATTR, X_EOPNOTSUPP),                                 /* lremovexattr */
    REFUSE(199, 16, LL_SC_XATTR, X_EOPNOTSUPP),                                 /* fremovexattr */
    REFUSE(463, 463, LL_SC_XATTR, X_EOPNOTSUPP),                                /* setxattrat */
    REFUSE(466, 466, LL_SC_XATTR, X_EOPNOTSUPP),                                /* removexattrat */
    /* memory files that could be executed, when the profile limits exec */
    ROW(319, 279, LL_SC_EXEC, 0, CK_MEMFD, X_EACCES, 1, 0, 0),                  /* memfd_create */
    /* The supervising buckle (LL_SC_GUARD: the profile allows signals to
     * others, so no Landlock scope keeps them in): killed or stopped, it
     * would not check the paths of the run (a planted .husky would stay for
     * the next git commit outside) nor kill what the command left.  Every
     * call that names a process to signal: by its pid (kill, tkill, tgkill
     * by process or thread, rt_sigqueueinfo, rt_tgsigqueueinfo), by its
     * process group (kill of minus the group, and of 0, the caller's own
     * group, which the command shares with buckle until it makes one of its
     * own: seccomp cannot tell), every process (kill of -1), and the owner
     * that gets SIGIO, or any signal F_SETSIG names, when a file is ready
     * (fcntl F_SETOWN; F_SETOWN_EX and the ioctls FIOSETOWN and SIOCSPGRP
     * carry it in memory the filter cannot read).  pidfd_send_signal takes
     * a descriptor, which may be a pidfd of buckle or buckle's /proc/PID
     * directory: ENOSYS, so that a program falls back to kill.  pidfd_open
     * stays: a pidfd of buckle only tells when it ends.  The low word: pid_t
     * is 32 bits */
    ROW(62, 129, LL_SC_GUARD, 0, CK_KILL, X_EPERM, 0, 0, 0),                    /* kill */
    GUARD(200, 130, 0, 1),                                                      /* tkill */
    GUARD(234, 131, 0, 2),                                                      /* tgkill */
    GUARD(129, 138, 0, 1),                                                      /* rt_sigqueueinfo */
    GUARD(297, 240, 0, 2),                                                      /* rt_tgsigqueueinfo */
    REFUSE(424, 424, LL_SC_GUARD, X_ENOSYS),                                    /* pidfd_send_signal */
    ROW(72, 25, LL_SC_GUARD, 0, CK_SETOWN, X_EPERM, 1, 2, 0),                   /* fcntl */
    ROW(16, 29, LL_SC_GUARD, 0, CK_OWN_IOCTL, X_EPERM, 1, 0, 0),                /* ioctl */
};
enum { NRULES = sizeof rules / sizeof rules[0] };
_Static_assert(NRULES < 256, "a rule index is a byte");

static const uint32_t tty_cmds[] = { SC_TIOCSTI, SC_TIOCLINUX, SC_TIOCSPGRP, SC_TIOCCONS, SC_TIOCSETD, SC_TIOCEXCL };
static const uint32_t fs_types[] = { SC_IOC_TYPE_BTRFS, SC_IOC_TYPE_BCACHEFS };
enum { NTTY = sizeof tty_cmds / sizeof tty_cmds[0], NFS = sizeof fs_types / sizeof fs_types[0] };

/* The program being written; with f NULL only counted (the size of a
 * subtree, to know how far to jump over it). */
typedef struct prog { ll_bpf *f; size_t n, cap; int full; } prog;

static void put(prog *p, uint16_t code, unsigned jt, unsigned jf, uint32_t k)
{
    if (p->f) {
        if (p->n < p->cap && jt < 256 && jf < 256) p->f[p->n] = (ll_bpf){ .code = code, .jt = (uint8_t)jt, .jf = (uint8_t)jf, .k = k };
        else p->full = 1;
    }
    p->n++;
}
#define LD(p, off) put(p, BPF_LD_W_ABS, 0, 0, (off))
#define RET(p, v) put(p, BPF_RET_K, 0, 0, (v))

/* One row's check: it refuses, or goes on after its last instruction. */
static void check(prog *p, const sc_rule *r, const ll_seccomp_in *in)
{
    unsigned what = in->what;
    uint32_t deny = RET_ERRNO(r->err);
    switch (r->check) {
    case CK_REFUSE:
        RET(p, deny);
        break;
    case CK_BITS:
        LD(p, ARG_LO(r->arg));
        put(p, BPF_JSET_K, 0, 1, r->k);
        RET(p, deny);
        break;
    case CK_NONZERO:
        LD(p, ARG_LO(r->arg));
        put(p, BPF_JEQ_K, 0, 2, 0);
        LD(p, ARG_HI(r->arg));
        put(p, BPF_JEQ_K, 1, 0, 0);
        RET(p, deny);
        break;
    case CK_CREATE_BITS:
        LD(p, ARG_LO(r->arg));
        put(p, BPF_JSET_K, 0, 3, SC_O_CREATE);
        LD(p, ARG_LO(r->arg2));
        put(p, BPF_JSET_K, 0, 1, r->k);
        RET(p, deny);
        break;
    case CK_RDONLY_TRUNC:
        LD(p, ARG_LO(r->arg));
        put(p, BPF_JSET_K, 0, 3, SC_O_TRUNC);
        put(p, BPF_AND_K, 0, 0, SC_O_ACCMODE);
        put(p, BPF_JEQ_K, 0, 1, 0);
        RET(p, deny);
        break;
    case CK_SELF:
        LD(p, ARG_LO(0));
        put(p, BPF_JEQ_K, 0, 2, r->k);
        LD(p, ARG_LO(1));
        put(p, BPF_JEQ_K, 1, 0, 0);
        RET(p, deny);
        break;
    case CK_IOCTL:
        /* each match jumps to the refusal, the last mismatch over it */
        LD(p, ARG_LO(r->arg));
        for (unsigned i = 0; i < NTTY; i++) put(p, BPF_JEQ_K, NTTY - i + NFS, 0, tty_cmds[i]);
        put(p, BPF_AND_K, 0, 0, SC_IOC_TYPE_MASK);
        for (unsigned i = 0; i < NFS; i++) put(p, BPF_JEQ_K, NFS - 1 - i, i + 1 == NFS, fs_types[i]);
        RET(p, deny);
        break;
    case CK_PERSONALITY:
        LD(p, ARG_LO(0));
        put(p, BPF_JEQ_K, 3, 0, 0);
        put(p, BPF_JEQ_K, 2, 0, SC_PER_QUERY);
        put(p, BPF_JEQ_K, 1, 0, SC_ADDR_NO_RANDOMIZE);
        RET(p, deny);
        break;
    case CK_SOCKET_IP:
        LD(p, ARG_LO(0));
        put(p, BPF_JEQ_K, 1, 0, SC_AF_INET);
        put(p, BPF_JEQ_K, 0, 4, SC_AF_INET6);
        LD(p, ARG_LO(1));
        put(p, BPF_AND_K, 0, 0, SC_TYPE_MASK);
        put(p, BPF_JEQ_K, 3, 0, SC_SOCK_STREAM);
        put(p, BPF_JEQ_K, 2, 1, SC_SOCK_DGRAM);
        put(p, BPF_JEQ_K, (what & LL_SC_UNIX) ? 1 : 0, 0, SC_AF_UNIX);   /* A is the family here */
        RET(p, deny);
        break;
    case CK_SOCKET_TCP:
        LD(p, ARG_LO(0));
        put(p, BPF_JEQ_K, 1, 0, SC_AF_INET);
        put(p, BPF_JEQ_K, 0, 6, SC_AF_INET6);
        LD(p, ARG_LO(1));
        put(p, BPF_AND_K, 0, 0, SC_TYPE_MASK);
        put(p, BPF_JEQ_K, 0, 4, SC_SOCK_STREAM);
        LD(p, ARG_LO(2));
        put(p, BPF_JEQ_K, 3, 0, 0);
        put(p, BPF_JEQ_K, 2, 1, SC_IPPROTO_TCP);
        put(p, BPF_JEQ_K, (what & LL_SC_UNIX) ? 1 : 0, 0, SC_AF_UNIX);   /* A is the family here */
        RET(p, deny);
        break;
    case CK_MEMFD:
        LD(p, ARG_LO(r->arg));
        put(p, BPF_JSET_K, 1, 0, SC_MFD_NOEXEC_SEAL);
        RET(p, deny);
        break;
    case CK_SOCKETPAIR:
        LD(p, ARG_LO(0));
        if (what & LL_SC_UNIX) {
            put(p, BPF_JEQ_K, 1, 0, SC_AF_UNIX);
        } else {
            put(p, BPF_JEQ_K, 0, 4, SC_AF_UNIX);
            LD(p, ARG_LO(1));
            put(p, BPF_AND_K, 0, 0, SC_TYPE_MASK);
            put(p, BPF_JEQ_K, 2, 0, SC_SOCK_STREAM);
            put(p, BPF_JEQ_K, 1, 0, SC_SOCK_SEQPACKET);
        }
        RET(p, deny);
        break;
    case CK_KILL:
        LD(p, ARG_LO(0));
        put(p, BPF_JEQ_K, 3, 0, in->guard);
        put(p, BPF_JEQ_K, 2, 0, 0u - in->guard_pgid);
        put(p, BPF_JEQ_K, 1, 0, 0xffffffffu);
        put(p, BPF_JEQ_K, 0, 1, 0);
        RET(p, deny);
        break;
    case CK_GUARD:
        LD(p, ARG_LO(r->arg));
        if (r->k == 2) {
            put(p, BPF_JEQ_K, 2, 0, in->guard);
            LD(p, ARG_LO(r->arg + 1));
        }
        put(p, BPF_JEQ_K, 0, 1, in->guard);
        RET(p, deny);
        break;
    case CK_SETOWN:
        LD(p, ARG_LO(r->arg));
        put(p, BPF_JEQ_K, 4, 0, SC_F_SETOWN_EX);
        put(p, BPF_JEQ_K, 0, 4, SC_F_SETOWN);
        LD(p, ARG_LO(r->arg2));
        put(p, BPF_JEQ_K, 1, 0, in->guard);
        put(p, BPF_JEQ_K, 0, 1, 0u - in->guard_pgid);
        RET(p, deny);
        break;
    case CK_OWN_IOCTL:
        LD(p, ARG_LO(r->arg));
        put(p, BPF_JEQ_K, 1, 0, SC_FIOSETOWN);
        put(p, BPF_JEQ_K, 0, 1, SC_SIOCSPGRP);
        RET(p, deny);
        break;
    case CK_OWNER:
        LD(p, ARG_LO(r->arg));
        put(p, BPF_JEQ_K, 1, 0, 0xffffffffu);
        put(p, BPF_JEQ_K, 0, 3, in->uid);
        LD(p, ARG_LO(r->arg2));
        put(p, BPF_JEQ_K, 2, 0, 0xffffffffu);
        put(p, BPF_JEQ_K, 1, 0, in->gid);
        RET(p, deny);
        break;
    }
}

/* the rows that apply, in order of number (the table's order for one
 * number): sorted indexes into rules[] */
typedef struct applied { unsigned char at[NRULES]; size_t n; int arch; } applied;

static long nr_of(const applied *a, size_t i) { return rules[a->at[i]].nr[a->arch]; }

/* one call's rows: from rule index i to the first of the next number */
static size_t call_end(const applied *a, size_t i)
{
    size_t j = i + 1;
    while (j < a->n && nr_of(a, j) == nr_of(a, i)) j++;
    return j;
}

/* the checks of the call at i, then allowed (unless the last refuses
 * outright) */
static void call_checks(prog *p, const applied *a, size_t i, const ll_seccomp_in *in)
{
    size_t end = call_end(a, i);
    for (size_t j = i; j < end; j++) check(p, &rules[a->at[j]], in);
    if (rules[a->at[end - 1]].check != CK_REFUSE) RET(p, RET_ALLOW);
}

/* The search over calls [lo, hi) (indexes of their first rows in calls[]),
 * A holding the number: a few compared one by one, or split at the middle
 * (JGE to the upper half, over the lower one: JA where that is beyond a
 * conditional jump's 255) */
static void search(prog *p, const applied *a, const size_t *calls, size_t lo, size_t hi, const ll_seccomp_in *in)
{
    enum { LINEAR = 3 };
    if (hi - lo <= LINEAR) {
        for (size_t c = lo; c < hi; c++) {
            prog size = { .f = NULL };
            call_checks(&size, a, calls[c], in);
            put(p, BPF_JEQ_K, 0, (unsigned)size.n, (uint32_t)nr_of(a, calls[c]));
            call_checks(p, a, calls[c], in);
        }
        RET(p, RET_ALLOW);
        return;
    }
    size_t mid = lo + (hi - lo) / 2;
    prog left = { .f = NULL };
    search(&left, a, calls, lo, mid, in);
    if (left.n < 256) put(p, BPF_JGE_K, (unsigned)left.n, 0, (uint32_t)nr_of(a, calls[mid]));
    else {
        put(p, BPF_JGE_K, 0, 1, (uint32_t)nr_of(a, calls[mid]));
        put(p, BPF_JMP_JA, 0, 0, (uint32_t)left.n);
    }
    search(p, a, calls, lo, mid, in);
    search(p, a, calls, mid, hi, in);
}

size_t ll_seccomp_build(const ll_seccomp_in *in, ll_bpf *out, size_t cap)
{
    int arch = in->arch;
    unsigned what = in->what;
    if (arch != LL_ARCH_X86_64 && arch != LL_ARCH_AARCH64) return 0;
    applied a = { .n = 0, .arch = arch == LL_ARCH_X86_64 ? 0 : 1 };
    for (size_t i = 0; i < NRULES; i++) {
        const sc_rule *r = &rules[i];
        if (r->nr[a.arch] < 0 || (what & r->when) != r->when || (what & r->unless)) continue;
        /* insertion by number, after the rows of the same number */
        size_t j = a.n++;
        for (; j > 0 && nr_of(&a, j - 1) > r->nr[a.arch]; j--) a.at[j] = a.at[j - 1];
        a.at[j] = (unsigned char)i;
    }
    size_t calls[NRULES], ncalls = 0;
    for (size_t i = 0; i < a.n; i = call_end(&a, i)) calls[ncalls++] = i;
    prog p = { .f = out, .cap = cap };
    LD(&p, OFF_ARCH);
    put(&p, BPF_JEQ_K, 1, 0, arch == LL_ARCH_X86_64 ? ARCH_X86_64 : ARCH_AARCH64);
    RET(&p, RET_ERRNO(X_EPERM));       /* another ABI's system calls */
    LD(&p, OFF_NR);
    if (arch == LL_ARCH_X86_64) {
        put(&p, BPF_JGE_K, 0, 1, X32_BIT);   /* x32 */
        RET(&p, RET_ERRNO(X_EPERM));
    }
    search(&p, &a, calls, 0, ncalls, in);
    return p.full ? 0 : p.n;
}

#if defined(__linux__) && (defined(__x86_64__) || defined(__aarch64__))
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <unistd.h>

_Static_assert(sizeof(ll_bpf) == sizeof(struct sock_filter) && offsetof(ll_bpf, k) == offsetof(struct sock_filter, k), "ll_bpf is struct sock_filter");
_Static_assert(BPF_LD_W_ABS == (BPF_LD | BPF_W | BPF_ABS) && BPF_JMP_JA == (BPF_JMP | BPF_JA) && BPF_JEQ_K == (BPF_JMP | BPF_JEQ | BPF_K)
                   && BPF_JGE_K == (BPF_JMP | BPF_JGE | BPF_K) && BPF_JSET_K == (BPF_JMP | BPF_JSET | BPF_K)
                   && BPF_AND_K == (BPF_ALU | BPF_AND | BPF_K) && BPF_RET_K == (BPF_RET | BPF_K), "classic BPF opcodes");
_Static_assert(RET_ALLOW == SECCOMP_RET_ALLOW && RET_ERRNO(0) == SECCOMP_RET_ERRNO, "seccomp actions");
_Static_assert(X_EPERM == EPERM && X_EACCES == EACCES && X_ENOSYS == ENOSYS && X_EOPNOTSUPP == EOPNOTSUPP, "errno values");
_Static_assert(OFF_NR == offsetof(struct seccomp_data, nr) && OFF_ARCH == offsetof(struct seccomp_data, arch)
                   && ARG_LO(2) == offsetof(struct seccomp_data, args[2]), "struct seccomp_data");
_Static_assert(ARCH_X86_64 == AUDIT_ARCH_X86_64 && ARCH_AARCH64 == AUDIT_ARCH_AARCH64, "audit arches");

int ll_seccomp_install(unsigned what, uint32_t guard, uint32_t guard_pgid)
{
    ll_bpf f[LL_SECCOMP_MAX];
#ifdef __x86_64__
    ll_seccomp_in in = { .arch = LL_ARCH_X86_64, .what = what, .uid = (uint32_t)getuid(), .gid = (uint32_t)getgid(),
                         .guard = guard, .guard_pgid = guard_pgid };
#else
    ll_seccomp_in in = { .arch = LL_ARCH_AARCH64, .what = what, .uid = (uint32_t)getuid(), .gid = (uint32_t)getgid(),
                         .guard = guard, .guard_pgid = guard_pgid };
#endif
    size_t n = ll_seccomp_build(&in, f, LL_SECCOMP_MAX);
    if (n == 0) return E2BIG;
    struct sock_fprog fp = { .len = (unsigned short)n, .filter = (struct sock_filter *)f };
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return errno;
    if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &fp, 0, 0) != 0) return errno;
    return 0;
}
#else
int ll_seccomp_install(unsigned what, uint32_t guard, uint32_t guard_pgid)
{
    (void)what;
    (void)guard;
    (void)guard_pgid;
    return 38;    /* ENOSYS: no filter for this architecture */
}
#endif
