/* landlock_sys.c - Landlock's three system calls, called directly: the
 * ABI the kernel offers, the ruleset built from a plan, and restricting the
 * calling process.  Elsewhere than Linux, Landlock is never available. */
#define _GNU_SOURCE
#include "landlock.h"
#ifdef __linux__
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

int ll_ruleset_create(const ll_plan *p, arena *a, const char **why)
{
    struct ll_ruleset_attr attr = { p->handled_fs, p->handled_net, p->scoped };
    /* older kernels know a shorter structure */
    size_t size = p->abi >= 6 ? sizeof attr : p->abi >= 4 ? 2 * sizeof(uint64_t) : sizeof(uint64_t);
    int rs = (int)syscall(SYS_landlock_create_ruleset, &attr, size, 0u);
    if (rs < 0) { *why = arena_printf(a, "landlock_create_ruleset: %s", strerror(errno)); return -1; }
    for (size_t i = 0; i < p->ng; i++) {
        const ll_grant *g = &p->g[i];
        /* no symbolic link anywhere on the way (the plan grants only paths
         * that are their own realpath): a link swapped in since cannot
         * redirect the grant */
        struct open_how how;
        memset(&how, 0, sizeof how);
        how.flags = O_PATH | O_CLOEXEC | O_NOFOLLOW;
        how.resolve = RESOLVE_NO_SYMLINKS;
        int fd = (int)syscall(SYS_openat2, AT_FDCWD, g->path, &how, sizeof how);
        if (fd < 0 && errno == ENOSYS) fd = open(g->path, O_PATH | O_CLOEXEC | O_NOFOLLOW);
        struct stat st;
        if (fd < 0 || fstat(fd, &st) != 0 || (unsigned long long)st.st_dev != g->dev ||
            (unsigned long long)st.st_ino != g->ino || (S_ISDIR(st.st_mode) != 0) != (g->is_dir != 0)) {
            /* changed since it was planned: not granted (narrower, never another object) */
            if (fd >= 0) close(fd);
            continue;
        }
        struct ll_path_beneath_attr pb = { g->is_dir ? g->access : g->access & LL_FS_FILE_RIGHTS, fd };
        long r = syscall(SYS_landlock_add_rule, rs, LL_RULE_PATH_BENEATH, &pb, 0u);
        int e = errno;
        close(fd);
        if (r != 0) {
            *why = arena_printf(a, "landlock_add_rule %s: %s", g->path, strerror(e));
            close(rs);
            return -1;
        }
    }
    for (size_t i = 0; i < p->np; i++) {
        struct ll_net_port_attr np = { p->p[i].access, p->p[i].port };
        if (syscall(SYS_landlock_add_rule, rs, LL_RULE_NET_PORT, &np, 0u) != 0) {
            *why = arena_printf(a, "landlock_add_rule port %llu: %s", (unsigned long long)p->p[i].port, strerror(errno));
            close(rs);
            return -1;
        }
    }
    return rs;
}

int ll_restrict_self(int ruleset_fd, unsigned flags)
{
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return errno;
    if (syscall(SYS_landlock_restrict_self, ruleset_fd, flags) != 0) return errno;
    return 0;
}

#ifndef SYS_close_range
#define SYS_close_range 436
#endif
void ll_close_inherited(void)
{
    if (syscall(SYS_close_range, 3u, ~0u, 0u) == 0) return;
    long max = sysconf(_SC_OPEN_MAX);
    for (long fd = 3; fd < (max > 0 ? max : 1024); fd++) close((int)fd);
}
#else
void ll_close_inherited(void) {}

int ll_abi_probe(void) { return 0; }

int ll_ruleset_create(const ll_plan *p, arena *a, const char **why)
{
    (void)p; (void)a;
    *why = "Landlock exists only on Linux";
    return -1;
}

int ll_restrict_self(int ruleset_fd, unsigned flags)
{
    (void)ruleset_fd; (void)flags;
    return 38;    /* ENOSYS on Linux; never reached elsewhere */
}
#endif
