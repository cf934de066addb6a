/* landlock_sys.c - Landlock's three system calls, called directly: the
 * ABI the kernel offers, the ruleset built from a plan, and restricting the
 * calling process.  Elsewhere than Linux, Landlock is never available. */
#define _GNU_SOURCE
#include "landlock.h"
#ifdef __linux__
#include "../support/hashmap.h"
#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

/* the same numbers on every architecture (the generic syscall table) */
#ifndef SYS_openat2
#define SYS_openat2 437
#endif
#ifndef SYS_landlock_create_ruleset
#define SYS_landlock_create_ruleset 444
#endif
#ifndef SYS_landlock_add_rule
#define SYS_landlock_add_rule 445
#endif
#ifndef SYS_landlock_restrict_self
#define SYS_landlock_restrict_self 446
#endif
#define LL_CREATE_RULESET_VERSION (1u << 0)
#define LL_RULE_PATH_BENEATH 1
#define LL_RULE_NET_PORT 2

struct ll_ruleset_attr { uint64_t handled_access_fs, handled_access_net, scoped; };
struct ll_path_beneath_attr { uint64_t allowed_access; int32_t parent_fd; } __attribute__((packed));
struct ll_net_port_attr { uint64_t allowed_access, port; };

int ll_abi_probe(void)
{
    long v = syscall(SYS_landlock_create_ruleset, NULL, (size_t)0, LL_CREATE_RULESET_VERSION);
    if (v <= 0) return 0;
    return v > LL_ABI_MAX ? LL_ABI_MAX : (int)v;
}

#ifndef SYS_close_range
#define SYS_close_range 436
#endif

/* closes the n descriptors (in the order opened, so mostly increasing):
 * one close_range per run of consecutive ones */
static void close_all(int *fds, int n)
{
    for (int k = 1; k < n; k++)
        for (int j = k; j > 0 && fds[j - 1] > fds[j]; j--) { int t = fds[j]; fds[j] = fds[j - 1]; fds[j - 1] = t; }
    for (int k = 0; k < n;) {
        int e = k;
        while (e + 1 < n && fds[e + 1] == fds[e] + 1) e++;
        if (e == k || syscall(SYS_close_range, (unsigned)fds[k], (unsigned)fds[e], 0u) != 0)
            for (int j = k; j <= e; j++) close(fds[j]);
        k = e + 1;
    }
}

/* the rights the directories granted so far (added: path -> grant) give
 * beneath them to path: the union over its ancestors, as Landlock adds
 * them up along the path */
static uint64_t inherited(const hashmap *added, const char *path)
{
    uint64_t acc = 0;
    const ll_grant *root = hm_get(added, "/", 1);
    if (root && path[1]) acc |= root->access;
    for (const char *s = strchr(path + 1, '/'); s; s = strchr(s + 1, '/')) {
        const ll_grant *g = hm_get(added, path, (size_t)(s - path));
        if (g) acc |= g->access;
    }
    return acc;
}

/* 1 when path is still the object the plan looked at (no link at its end) */
static int same_object(const ll_grant *g, const struct stat *st)
{
    return (unsigned long long)st->st_dev == g->dev && (unsigned long long)st->st_ino == g->ino &&
           (S_ISDIR(st->st_mode) != 0) == (g->is_dir != 0);
}

void ll_opened_close(ll_opened *o)
{
    close_all(o->fd, o->n);
    o->n = 0;
}

int ll_ruleset_create(const ll_plan *p, arena *a, const char **why, size_t *changed, ll_opened *keep)
{
    *changed = 0;
    struct ll_ruleset_attr attr = { p->handled_fs, p->handled_net, p->scoped };
    /* older kernels know a shorter structure */
    size_t size = p->abi >= 6 ? sizeof attr : p->abi >= 4 ? 2 * sizeof(uint64_t) : sizeof(uint64_t);
    int rs = (int)syscall(SYS_landlock_create_ruleset, &attr, size, 0u);
    if (rs < 0) { *why = arena_printf(a, "landlock_create_ruleset: %s", strerror(errno)); return -1; }
    /* the descriptors of the rules added, closed together (one close_range
     * when they are consecutive, as they are when nothing else opens one),
     * a batch at a time; the last batch is left to the caller with keep */
    ll_opened batch;
    ll_opened *o = keep ? keep : &batch;
    o->n = 0;
    int failed = 0;
    hashmap added;                   /* the directories granted: their rights hold beneath them */
    hm_init(&added);
    for (size_t i = 0; i < p->ng && !failed; i++) {
        const ll_grant *g = &p->g[i];
        uint64_t access = g->is_dir ? g->access : g->access & LL_FS_FILE_RIGHTS;
        struct stat st;
        /* every right already granted beneath a directory above it (the
         * plan keeps each rule's own grant; /usr/lib under /usr): no rule
         * of its own, which would only add the same rights to this object
         * wherever else it is reached (a bind mount, a hard link).  Still
         * checked, so that a change since the planning is noticed as for
         * any grant */
        if ((access & ~inherited(&added, g->path)) == 0) {
            if (lstat(g->path, &st) != 0 || !same_object(g, &st)) (*changed)++;
            continue;
        }
        /* no symbolic link anywhere on the way (the plan grants only paths
         * that are their own realpath): a link swapped in since cannot
         * redirect the grant */
        int fd = ll_open_nolinks(g->path, 0);
        if (fd < 0 || fstat(fd, &st) != 0 || !same_object(g, &st)) {
            /* changed since it was planned: not granted (narrower, never another object) */
            if (fd >= 0) close(fd);
            (*changed)++;
            continue;
        }
        struct ll_path_beneath_attr pb = { access, fd };
        long r = syscall(SYS_landlock_add_rule, rs, LL_RULE_PATH_BENEATH, &pb, 0u);
        int e = errno;
        o->fd[o->n++] = fd;
        if (r != 0) {
            *why = arena_printf(a, "landlock_add_rule %s: %s", g->path, strerror(e));
            failed = 1;
        }
        if (g->is_dir) hm_put(&added, g->path, strlen(g->path), (void *)g);
        if (o->n == LL_OPENED_MAX) ll_opened_close(o);
    }
    hm_free(&added);
    if (!keep || failed) ll_opened_close(o);
    if (failed) { close(rs); return -1; }
    for (size_t i = 0; i < p->np; i++) {
        struct ll_net_port_attr np = { p->p[i].access, p->p[i].port };
        if (syscall(SYS_landlock_add_rule, rs, LL_RULE_NET_PORT, &np, 0u) != 0) {
            *why = arena_printf(a, "landlock_add_rule port %llu: %s", (unsigned long long)p->p[i].port, strerror(errno));
            ll_opened_close(o);
            close(rs);
            return -1;
        }
    }
    return rs;
}

int ll_ruleset_add_own_proc(int rs, uint64_t access)
{
    /* "/proc/PID" without stdio: this may run in a child sharing buckle's memory */
    char path[32] = "/proc/";
    char digits[24];
    size_t n = 0;
    for (unsigned long v = (unsigned long)syscall(SYS_getpid); n == 0 || v; v /= 10) digits[n++] = (char)('0' + v % 10);
    size_t at = 6;
    while (n) path[at++] = digits[--n];
    path[at] = 0;
    int fd = ll_open_nolinks(path, 1);
    if (fd < 0) return 0;               /* not granted: narrower */
    struct ll_path_beneath_attr pb = { access, fd };
    long r = syscall(SYS_landlock_add_rule, rs, LL_RULE_PATH_BENEATH, &pb, 0u);
    int e = errno;
    close(fd);
    return r != 0 ? e : 0;
}

int ll_open_nolinks(const char *path, int dir)
{
    int flags = O_PATH | O_CLOEXEC | O_NOFOLLOW | (dir ? O_DIRECTORY : 0);
    struct open_how how;
    memset(&how, 0, sizeof how);
    how.flags = (uint64_t)flags;
    how.resolve = RESOLVE_NO_SYMLINKS;
    int fd = (int)syscall(SYS_openat2, AT_FDCWD, path, &how, sizeof how);
    if (fd < 0 && errno == ENOSYS) fd = (int)syscall(SYS_openat, AT_FDCWD, path, flags);
    return fd;
}

int ll_restrict_self(int ruleset_fd, unsigned flags)
{
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return errno;
    if (syscall(SYS_landlock_restrict_self, ruleset_fd, flags) != 0) return errno;
    return 0;
}

/* The capabilities Landlock does not confine, dropped from the bounding
 * set (so that a command run as root does not get them back at execve), the
 * ambient set, and this process's own sets; the rest (reading and writing
 * files beyond their modes, binding low ports...) act only inside what
 * Landlock allows.  Dropped: loading kernel code (modules, BPF, perf), raw
 * I/O, the host's configuration (name, time, network, mounts, audit, MAC
 * policy), chroot, device nodes (a block device node would read a whole disk),
 * immutable flags, file capabilities, opening files by handle, and what acts
 * on any file's metadata, which Landlock does not control: owners, others'
 * modes, set-ID bits; becoming another user or group (which makes every
 * file of that user its own: chmod, chgrp); another user's IPC objects and
 * file leases; and packet and raw sockets.  Kept: DAC_OVERRIDE (reading,
 * writing and searching beyond modes, which Landlock checks where it
 * matters), KILL, SYS_PTRACE (Landlock's scopes), NET_BIND_SERVICE,
 * SYS_NICE and SYS_RESOURCE (the filter keeps them to the process itself),
 * IPC_LOCK, AUDIT_WRITE. */
static const unsigned caps_dropped[] = {
    0,  /* CHOWN: giving any file to another user */
    2,  /* DAC_READ_SEARCH: open_by_handle_at */
    3,  /* FOWNER: changing the modes of files the caller does not own */
    4,  /* FSETID: keeping set-ID bits */
    6,  /* SETGID: becoming another group (then chgrp, group reads) */
    7,  /* SETUID: becoming another user (then chmod of its files) */
    8,  /* SETPCAP */
    9,  /* LINUX_IMMUTABLE */
    11, /* NET_BROADCAST */
    12, /* NET_ADMIN */
    13, /* NET_RAW: packet and raw sockets (the host's traffic) */
    15, /* IPC_OWNER: another user's IPC objects */
    16, /* SYS_MODULE */
    17, /* SYS_RAWIO */
    18, /* SYS_CHROOT: nothing Landlock needs it for (inside the mount namespace the filter refuses chroot too) */
    20, /* SYS_PACCT */
    21, /* SYS_ADMIN */
    22, /* SYS_BOOT */
    25, /* SYS_TIME */
    26, /* SYS_TTY_CONFIG */
    27, /* MKNOD */
    28, /* LEASE: a lease on another user's file (its opens then block) */
    30, /* AUDIT_CONTROL */
    31, /* SETFCAP */
    32, /* MAC_OVERRIDE */
    33, /* MAC_ADMIN */
    34, /* SYSLOG */
    35, /* WAKE_ALARM */
    36, /* BLOCK_SUSPEND */
    37, /* AUDIT_READ */
    38, /* PERFMON */
    39, /* BPF */
    40, /* CHECKPOINT_RESTORE */
};

struct ll_cap_header { uint32_t version; int pid; };
struct ll_cap_data { uint32_t effective, permitted, inheritable; };
#define LL_CAP_V3 0x20080522u

int ll_caps_drop(void)
{
    enum { N = sizeof caps_dropped / sizeof caps_dropped[0] };
    /* a process that is not root and holds no capability has none to
     * drop, and under no_new_privs (set before) execve gives it none: the
     * bounding set only limits what it could gain */
    uid_t r, e, sv;
    if (getresuid(&r, &e, &sv) != 0) return errno;
    struct ll_cap_header h = { LL_CAP_V3, 0 };
    struct ll_cap_data d[2];
    if (syscall(SYS_capget, &h, d) != 0) return errno;
    int root = r == 0 || e == 0 || sv == 0, any = 0;
    for (int k = 0; k < 2; k++) any |= d[k].effective || d[k].permitted || d[k].inheritable;
    if (!root && !any && prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 1) return 0;
    uint32_t drop[2] = { 0, 0 };
    int all_dropped = 1;
    for (unsigned i = 0; i < N; i++) {
        unsigned c = caps_dropped[i];
        drop[c / 32] |= 1u << (c % 32);
        /* EINVAL: a capability this kernel does not know; EPERM: no
         * CAP_SETPCAP, so none to drop (checked below) */
        if (prctl(PR_CAPBSET_DROP, (unsigned long)c, 0, 0, 0) != 0) {
            if (errno != EINVAL && errno != EPERM) return errno;
            all_dropped = 0;
        }
    }
    if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) != 0 && errno != EINVAL) return errno;
    for (int k = 0; k < 2; k++) {
        d[k].effective &= ~drop[k];
        d[k].permitted &= ~drop[k];
        d[k].inheritable &= ~drop[k];
    }
    if (syscall(SYS_capset, &h, d) != 0) return errno;
    /* a bounding set that kept one of them (no CAP_SETPCAP) gives it back
     * at execve to a command that runs as root (no_new_privs closes every
     * other way): refused */
    if (root && !all_dropped)
        for (unsigned i = 0; i < N; i++)
            if (prctl(PR_CAPBSET_READ, (unsigned long)caps_dropped[i], 0, 0, 0) == 1) return EPERM;
    return 0;
}

void ll_close_inherited(void)
{
    if (syscall(SYS_close_range, 3u, ~0u, 0u) == 0) return;
    long max = sysconf(_SC_OPEN_MAX);
    for (long fd = 3; fd < (max > 0 ? max : 1024); fd++) close((int)fd);
}
#else
void ll_close_inherited(void) {}

int ll_caps_drop(void) { return 0; }

int ll_abi_probe(void) { return 0; }

void ll_opened_close(ll_opened *o) { o->n = 0; }

int ll_ruleset_create(const ll_plan *p, arena *a, const char **why, size_t *changed, ll_opened *keep)
{
    (void)p; (void)a;
    if (keep) keep->n = 0;
    *changed = 0;
    *why = "Landlock exists only on Linux";
    return -1;
}

int ll_ruleset_add_own_proc(int ruleset_fd, uint64_t access)
{
    (void)ruleset_fd; (void)access;
    return 38;
}

int ll_restrict_self(int ruleset_fd, unsigned flags)
{
    (void)ruleset_fd; (void)flags;
    return 38;    /* ENOSYS on Linux; never reached elsewhere */
}
#endif
