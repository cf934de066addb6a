/* landlock.h - the Landlock back end: the profile as a Landlock ruleset
 * (access rights beneath paths, TCP ports, scopes) and a verdict for every
 * rule (docs/linux.md).  The plan is computed anywhere; applying it needs
 * Linux (landlock_sys.c). */
#ifndef BUCKLE_LANDLOCK_H
#define BUCKLE_LANDLOCK_H
#include "backend.h"
#include <stdint.h>

/* The kernel's values (include/uapi/linux/landlock.h); defined here since
 * distribution headers lag behind the kernels they run on. */
#define LL_FS_EXECUTE     (1ull << 0)
#define LL_FS_WRITE_FILE  (1ull << 1)
#define LL_FS_READ_FILE   (1ull << 2)
#define LL_FS_READ_DIR    (1ull << 3)
#define LL_FS_REMOVE_DIR  (1ull << 4)
#define LL_FS_REMOVE_FILE (1ull << 5)
#define LL_FS_MAKE_CHAR   (1ull << 6)
#define LL_FS_MAKE_DIR    (1ull << 7)
#define LL_FS_MAKE_REG    (1ull << 8)
#define LL_FS_MAKE_SOCK   (1ull << 9)
#define LL_FS_MAKE_FIFO   (1ull << 10)
#define LL_FS_MAKE_BLOCK  (1ull << 11)
#define LL_FS_MAKE_SYM    (1ull << 12)
#define LL_FS_REFER       (1ull << 13)    /* ABI 2 */
#define LL_FS_TRUNCATE    (1ull << 14)    /* ABI 3 */
#define LL_FS_IOCTL_DEV   (1ull << 15)    /* ABI 5 */
/* rights that apply to a file itself (the others need a directory) */
#define LL_FS_FILE_RIGHTS (LL_FS_EXECUTE | LL_FS_WRITE_FILE | LL_FS_READ_FILE | LL_FS_TRUNCATE | LL_FS_IOCTL_DEV)
#define LL_NET_BIND_TCP    (1ull << 0)    /* ABI 4 */
#define LL_NET_CONNECT_TCP (1ull << 1)
#define LL_SCOPE_ABSTRACT_UNIX (1ull << 0) /* ABI 6 */
#define LL_SCOPE_SIGNAL        (1ull << 1)
#define LL_LOG_NEW_EXEC_ON     (1u << 1)   /* ABI 7: landlock_restrict_self flag */
#define LL_ABI_MAX 7

/* What the seccomp filter closes besides the terminal ioctls (TIOCSTI,
 * TIOCLINUX) and io_uring, which it always refuses (landlock_seccomp.c). */
#define LL_SC_NET  (1u << 0)   /* socket(): TCP only (IPv4, IPv6) ... */
#define LL_SC_UNIX (1u << 1)   /* ... and unix sockets */
#define LL_SC_IPC  (1u << 2)   /* shmget, msgget, semget, mq_open */
#define LL_SC_EXEC (1u << 3)   /* memfd_create without MFD_NOEXEC_SEAL */
#define LL_SC_WATCH (1u << 4)  /* inotify_add_watch, fanotify_init, fanotify_mark */
#define LL_SC_TRUNC (1u << 5)  /* truncate(2) by path: Landlock checks it from ABI 3 on */
#define LL_SC_LISTEN (1u << 7) /* listen(2): no port may be bound */
#define LL_SC_XATTR (1u << 8)  /* setxattr, removexattr and kin: an ACL would give other users write */
#define LL_SC_IPANY (1u << 6)  /* with LL_SC_NET: UDP too ("*:*" allowed), not only TCP */
#define LL_SC_MOUNT (1u << 9)  /* mount, umount and the new mount API: the plan's mounts stay (landlock_ns.c) */
#define LL_SC_GUARD (1u << 10) /* signals to buckle, its process group, 0 and -1: no signal scope holds them */
#define LL_SC_GROUPW (1u << 11) /* chmod adding group write: the caller's primary group has other members */
#define LL_SC_BIND (1u << 12)  /* bind(2): no port may be bound, and a UDP socket (LL_SC_IPANY) would bind any */

/* The widening classes a user can accept (--linux-accept=NAME). */
enum { LLC_FILES, LLC_PORTS, LLC_NETWORK, LLC_PROCESS, LLC_IPC, LLC_LINKS, LLC_SBPL, LLC_NEW_PATHS, LLC_HARDLINKS, LLC_HOOKS, LLC_COUNT };
typedef struct ll_class { const char *name; const char *what; } ll_class;
const ll_class *ll_class_get(int cls);
int ll_class_lookup(const char *name);

typedef struct ll_grant {
    const char *path;         /* host path, opened O_PATH|O_NOFOLLOW at launch */
    const char *ppath;        /* the same in the profile's spelling */
    uint64_t access;
    int is_dir;
    unsigned long long dev, ino;   /* what was looked at while planning */
} ll_grant;

typedef struct ll_port { uint64_t port; uint64_t access; } ll_port;

/* A deny of writing enforced by a mount in the command's own mount
 * namespace (docs/linux.md, "Denies inside a writable directory"): the
 * denied path bound onto itself read-only (ro), or a directory on the way
 * to one bound onto itself (a mount point cannot be renamed or removed). */
typedef struct ll_bind {
    const char *path;         /* host path, opened without following links in the namespace */
    int ro;
    int is_dir;
    unsigned long long dev, ino;   /* what was looked at while planning */
} ll_bind;

/* A deny of a path that did not exist at launch, which no mount can hold
 * (class new-paths): checked when the command has ended. */
typedef struct ll_check {
    const char *path;         /* host path: the run fails when it exists */
    const char *where;        /* the deny: "FILE:LINE" */
    const char *rule;         /* and its text */
} ll_check;

/* What the plan looked at on the filesystem, each path once: a run cache
 * entry is used only while every one of these is as it was (landlock_cache.c
 * in runner/).  For the directories whose entries were read, the entries and
 * the times: a new, removed or renamed entry moves them, and their ctime
 * only the kernel sets. */
typedef struct ll_seen {
    const char *path;
    int ok;                   /* lstat succeeded */
    int listed;               /* its entries were read (LL_LISTED_NO_PIDS: /proc's, but
                               * the processes'; read again at every use) */
    unsigned mode;            /* the S_IFMT bits */
    unsigned long long dev, ino;
    long long mtime_s, mtime_ns, ctime_s, ctime_ns;
    int list_ok;              /* listed: it could be read */
    const char *const *names; /* listed: its entries, sorted */
    size_t nnames;
} ll_seen;

#define LL_LISTED_NO_PIDS 2

typedef struct ll_plan {
    int abi;
    uint64_t handled_fs, handled_net, scoped;
    unsigned restrict_flags;
    ll_grant *g;
    size_t ng, gcap;
    ll_port *p;
    size_t np, pcap;
    const char **notes;       /* what the default deny does not cover on Linux */
    size_t nnotes, ncap;
    size_t visited;           /* directory entries looked at */
    unsigned seccomp;         /* LL_SC_*: what the seccomp filter closes */
    long own_pid;             /* the process whose /proc/PID is the command's own (0: none) */
    uint64_t own_proc;        /* ll_plan_detach_own: the rights on the command's own
                               * /proc/PID, granted once the command's process exists */
    backend_report rep;
    ll_seen *seen;            /* sorted by path */
    size_t nseen;
    long long started_s;      /* the real time the planning started (seconds) */
    const char *uncacheable;  /* why the plan cannot be reused by a later run, or NULL:
                               * a directory read on a filesystem whose times do not
                               * follow its entries (network filesystems, procfs but
                               * /proc itself) */
    uint64_t mounts_digest;   /* of the mount table the plan saw (bind mounts give a
                               * directory other names: a run cache entry is good
                               * only while it is the same) */
    const char *per_pid;      /* a rule by which one /proc/PID may be planned unlike
                               * another, or NULL: the command's own /proc/PID is then
                               * planned alike for every process, and a later run can
                               * take its plan for its own */
    ll_bind *m;              /* sorted by path, descending: a path before the directories above it */
    size_t nm, mcap;
    ll_check *chk;            /* checked after the run */
    size_t nchk, chkcap;
    const char *loader_exec;  /* the dynamic loader, when the profile lets it be
                               * executed ("LOADER FILE" runs any FILE the command
                               * may read), or NULL; for query's answers only */
    const char *cut;          /* the first place the plan left paths out (too deep, too
                               * many entries), or NULL; for query's answers only */
} ll_plan;

/* Builds the plan for in->abi.  Everything lives in a (strings) and in
 * the plan's arrays (ll_plan_free). */
void ll_plan_build(arena *a, const backend_in *in, ll_plan *p);
void ll_plan_free(ll_plan *p);
/* For `buckle run`, which plans before the command's process exists: the
 * grant on /proc/OWN_PID (planned for a stand-in, buckle itself) moves to
 * own_proc, for the command's own /proc/PID.  When that /proc/PID might be
 * planned otherwise (p->per_pid, or anything beneath it planned one by
 * one), it and everything beneath it is left out instead (narrower, with a
 * note). */
void ll_plan_detach_own(ll_plan *p, arena *a);
/* The plan as JSON (deterministic). */
void ll_plan_json(const ll_plan *p, compilation *c, strbuf *out);
/* "buckle run: landlock ABI 7: 12 rules exact, 3 narrower, ..." and, with
 * verbose, one line per rule that is not exact and the notes. */
void ll_plan_summary(const ll_plan *p, compilation *c, int verbose, strbuf *out);
/* One line per refused rule: "FILE:LINE: RULE: why (--linux-accept=CLASS)". */
void ll_plan_refusals(const ll_plan *p, compilation *c, strbuf *out);
/* How Landlock answers a request under the plan: 0 allow, 1 deny; *why says
 * what grants it or that nothing does.  host: the object's host path. */
int ll_plan_decide(const ll_plan *p, const sb_request *q, const char *host, arena *a, const char **why);
/* The host spelling of a profile path (/private/tmp/x -> /tmp/x when the
 * host has no /private), in a. */
const char *ll_host_path(arena *a, const char *ppath, int host_map);
/* "FILE:LINE" of a rule, and its text. */
const char *ll_rule_where(arena *a, compilation *c, const rule *r);

/* landlock_proc.c: a path under /proc/self or /proc/thread-self as the
 * kernel sees it for the process pid: 0 *out is host, or the file a link
 * (root, cwd) leads to; 1 *out is the path under /proc/PID; 2 the path is
 * a link to a file only known at run time (fd/N, exe, map_files), *why. */
int ll_proc_self(arena *a, const char *host, long pid, const char **out, const char **why);
/* 1 when the n bytes at s name a process in /proc: digits only */
int ll_pid_name(const char *s, size_t n);
/* path with /proc/pid shown as /proc/PID (answers stay the same bytes) */
const char *ll_proc_unpid(arena *a, const char *path, long pid);
/* landlock_sys.c: 0 when Landlock is unavailable (or not Linux), else the ABI. */
int ll_abi_probe(void);
/* The descriptors of the last rules added, left open by ll_ruleset_create:
 * closing them (each the last reference to its path) can wait until the
 * command runs. */
enum { LL_OPENED_MAX = 128 };
typedef struct ll_opened { int fd[LL_OPENED_MAX]; int n; } ll_opened;
void ll_opened_close(ll_opened *o);
/* Creates the ruleset (descriptors opened now, each checked against the
 * plan's device and inode; one that changed is left out, and counted in
 * *changed): returns its descriptor, or -1 with *why.  A grant whose rights
 * the directories granted above it give already gets no rule of its own
 * (it is checked all the same).  With keep, the descriptors of the last
 * rules stay open there (closed on failure). */
int ll_ruleset_create(const ll_plan *p, arena *a, const char **why, size_t *changed, ll_opened *keep);
/* Grants access on the calling process's own /proc/PID (a directory, opened
 * without following links) in the ruleset; nothing when it cannot be
 * opened as one.  System calls only (for a child sharing buckle's memory);
 * 0 or an errno value. */
int ll_ruleset_add_own_proc(int ruleset_fd, uint64_t access);
/* Opens path O_PATH (and O_DIRECTORY with dir) without following a
 * symbolic link anywhere on the way (openat2's RESOLVE_NO_SYMLINKS; only
 * the last component's where the kernel has no openat2).  System calls
 * only: the descriptor, or -1 with errno. */
int ll_open_nolinks(const char *path, int dir);
/* In the child: no_new_privs, then restrict itself with the ruleset.
 * Async-signal-safe; returns 0 or an errno value. */
int ll_restrict_self(int ruleset_fd, unsigned flags);
/* landlock_seccomp.c: no_new_privs, then the filter for LL_SC_* what, with
 * guard and guard_pgid the supervising buckle's pid and process group.
 * Returns 0 or an errno value (ENOSYS: not Linux on x86_64 or aarch64). */
int ll_seccomp_install(unsigned what, uint32_t guard, uint32_t guard_pgid);
/* One classic BPF instruction (struct sock_filter's layout). */
typedef struct ll_bpf { uint16_t code; uint8_t jt, jf; uint32_t k; } ll_bpf;
enum { LL_ARCH_X86_64 = 1, LL_ARCH_AARCH64 = 2, LL_SECCOMP_MAX = 512 };
/* what the filter depends on */
typedef struct ll_seccomp_in {
    int arch;                     /* LL_ARCH_* */
    unsigned what;                /* LL_SC_* */
    uint32_t uid, gid;            /* the caller's own: the only owner and group a chown may give */
    uint32_t guard, guard_pgid;   /* the supervising buckle's pid and process group (LL_SC_GUARD) */
} ll_seccomp_in;
/* The seccomp filter for in, on any host: its number of instructions
 * written to out (at most cap), or 0 for another arch or when cap is too
 * small. */
size_t ll_seccomp_build(const ll_seccomp_in *in, ll_bpf *out, size_t cap);
/* Drops the capabilities Landlock does not confine (bounding, ambient,
 * effective, permitted, inheritable): 0 or an errno value. */
int ll_caps_drop(void);
/* Closes every descriptor above 2 (none is passed to the command). */
void ll_close_inherited(void);
/* landlock_ns.c: 1 when this process can likely make a user and mount
 * namespace of its own to hold the plan's mounts (the sysctls that switch
 * them off say otherwise); a launch that fails anyway is retried without. */
int ll_userns_usable(void);
/* In the child, just made in a new user and mount namespace (system calls
 * only): maps uid and gid to themselves (setgroups denied first) and keeps
 * the namespace's mounts from propagating.  0 or an errno value. */
int ll_ns_enter(unsigned uid, unsigned gid);
/* Then makes the n mounts of m (in order), each path opened without
 * following links and checked against the plan's device and inode: 0, or
 * an errno value with *failed the index of the mount that failed
 * (ESTALE: the path is no longer what was planned). */
int ll_ns_mount(const ll_bind *m, size_t n, size_t *failed);
/* Drops every capability (bounding, ambient, effective, permitted,
 * inheritable): in its own user namespace the child holds all of them. */
int ll_caps_drop_all(void);
#endif
