/* landlock_ns.c - the command's own user and mount namespace, where a deny
 * of writing inside a directory the profile lets it write is a read-only
 * mount (Landlock has no deny: docs/linux.md, "Denies inside a writable
 * directory").  The child that becomes the command calls these after
 * clone(CLONE_NEWUSER | CLONE_NEWNS), before it restricts itself: system
 * calls only (it shares buckle's memory), every path opened without
 * following a link and checked against what the plan looked at, and mounted
 * through /proc/self/fd/N, never by walking the path again. */
#define _GNU_SOURCE
#include "landlock.h"
#include <errno.h>
#include <stddef.h>
#include <sys/stat.h>
#ifdef __linux__
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SYS_mount_setattr
#define SYS_mount_setattr 442
#endif
#ifndef MS_REC
#define MS_REC 16384
#endif
#ifndef SYS_open_tree
#define SYS_open_tree 428
#endif
#ifndef SYS_move_mount
#define SYS_move_mount 429
#endif
#define LL_OPEN_TREE_CLONE 1
#define LL_MOVE_MOUNT_F_EMPTY_PATH 0x4
#define LL_MOVE_MOUNT_T_EMPTY_PATH 0x40
#define LL_AT_RECURSIVE 0x8000
#define LL_AT_EMPTY_PATH 0x1000
#define LL_MOUNT_ATTR_RDONLY 0x1ull
struct ll_mount_attr { uint64_t attr_set, attr_clr, propagation, userns_fd; };

/* the first line of a small file, as a number; -1 when it cannot be read */
static long sysctl_value(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    char buf[32];
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0) return -1;
    buf[n] = 0;
    return strtol(buf, NULL, 10);
}

int ll_userns_usable(void)
{
    if (sysctl_value("/proc/sys/user/max_user_namespaces") == 0) return 0;
    if (geteuid() != 0) {
        /* Debian's switch, and Ubuntu's AppArmor restriction (the namespace
         * is made, but without the right to mount) */
        if (sysctl_value("/proc/sys/kernel/unprivileged_userns_clone") == 0) return 0;
        if (sysctl_value("/proc/sys/kernel/apparmor_restrict_unprivileged_userns") == 1) return 0;
    }
    return 1;
}

/* writes s to the file path of this process (no stdio) */
static int put_file(const char *path, const char *s, size_t n)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) return errno;
    ssize_t w = write(fd, s, n);
    int e = errno;
    close(fd);
    return w == (ssize_t)n ? 0 : w < 0 ? e : EIO;
}

/* "ID ID 1\n" into buf; its length */
static size_t id_map(char *buf, unsigned id)
{
    char d[16];
    size_t n = 0, k = 0;
    do d[n++] = (char)('0' + id % 10); while ((id /= 10) != 0);
    for (int twice = 0; twice < 2; twice++) {
        for (size_t i = n; i > 0; i--) buf[k++] = d[i - 1];
        buf[k++] = ' ';
    }
    buf[k++] = '1';
    buf[k++] = '\n';
    return k;
}

int ll_ns_enter(unsigned uid, unsigned gid)
{
    char buf[48];
    /* an unprivileged user maps its own IDs only, and the group's only once
     * setgroups is refused (the groups the process has stay as they are) */
    int e = put_file("/proc/self/setgroups", "deny", 4);
    if (e && e != ENOENT) return e;
    if ((e = put_file("/proc/self/uid_map", buf, id_map(buf, uid))) != 0) return e;
    if ((e = put_file("/proc/self/gid_map", buf, id_map(buf, gid))) != 0) return e;
    /* nothing mounted here reaches the namespace buckle runs in */
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0) return errno;
    return 0;
}

/* "/proc/self/fd/N" into buf */
static void fd_path(char *buf, int fd)
{
    static const char pre[] = "/proc/self/fd/";
    size_t k = sizeof pre - 1;
    memcpy(buf, pre, k);
    char d[12];
    size_t n = 0;
    do d[n++] = (char)('0' + fd % 10); while ((fd /= 10) != 0);
    while (n) buf[k++] = d[--n];
    buf[k] = 0;
}

/* opens path without following a link anywhere on the way, and checks it
 * is still what the plan looked at: the descriptor, or -errno (ESTALE: it
 * is something else now) */
static int open_checked(const ll_bind *m)
{
    int fd = ll_open_nolinks(m->path, 0);
    if (fd < 0) return errno == ENOENT || errno == ELOOP ? -ESTALE : -errno;
    struct stat st;
    if (fstat(fd, &st) != 0 || (unsigned long long)st.st_dev != m->dev || (unsigned long long)st.st_ino != m->ino ||
        (S_ISDIR(st.st_mode) != 0) != (m->is_dir != 0) || (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode))) {
        close(fd);
        return -ESTALE;
    }
    return fd;
}

/* Before Linux 5.12: bound onto itself through /proc/self/fd/N, then made
 * read-only; the remount needs the new mount, which the old descriptor
 * (beneath it) does not name: the path is opened again and checked. */
static int mount_one_classic(const ll_bind *m, int fd)
{
    char p[32];
    fd_path(p, fd);
    if (mount(p, p, NULL, MS_BIND | MS_REC, NULL) != 0) return errno;
    if (!m->ro) return 0;
    int nfd = open_checked(m);
    if (nfd < 0) return -nfd;
    fd_path(p, nfd);
    int r = mount(NULL, p, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL);
    int e = errno;
    close(nfd);
    return r != 0 ? e : 0;
}

static int mount_one(const ll_bind *m)
{
    int fd = open_checked(m);
    if (fd < 0) return -fd;
    /* a copy of the tree at the path, with what is mounted beneath it
     * (a directory above, mounted later, copies this mount with it), made
     * read-only, every mount of it, before it is attached over the path */
    int tree = (int)syscall(SYS_open_tree, fd, "", LL_OPEN_TREE_CLONE | O_CLOEXEC | LL_AT_RECURSIVE | LL_AT_EMPTY_PATH);
    if (tree < 0 && errno == ENOSYS) {
        int e = mount_one_classic(m, fd);
        close(fd);
        return e;
    }
    int e = tree < 0 ? errno : 0;
    if (!e && m->ro) {
        struct ll_mount_attr at = { LL_MOUNT_ATTR_RDONLY, 0, 0, 0 };
        if (syscall(SYS_mount_setattr, tree, "", LL_AT_EMPTY_PATH | LL_AT_RECURSIVE, &at, sizeof at) != 0) e = errno;
    }
    if (!e && syscall(SYS_move_mount, tree, "", fd, "", LL_MOVE_MOUNT_F_EMPTY_PATH | LL_MOVE_MOUNT_T_EMPTY_PATH) != 0)
        e = errno;
    if (tree >= 0) close(tree);
    close(fd);
    return e;
}

int ll_ns_mount(const ll_bind *m, size_t n, size_t *failed)
{
    for (size_t i = 0; i < n; i++) {
        int e = mount_one(&m[i]);
        if (e) { *failed = i; return e; }
    }
    return 0;
}

int ll_caps_drop_all(void)
{
    for (unsigned long c = 0; c < 64; c++)
        if (prctl(PR_CAPBSET_DROP, c, 0, 0, 0) != 0) {
            if (errno == EINVAL) break;      /* past the last capability this kernel knows */
            return errno;
        }
    if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) != 0 && errno != EINVAL) return errno;
    struct { uint32_t version; int pid; } h = { 0x20080522u, 0 };
    struct { uint32_t effective, permitted, inheritable; } d[2];
    memset(d, 0, sizeof d);
    if (syscall(SYS_capset, &h, d) != 0) return errno;
    return 0;
}
#else
int ll_userns_usable(void) { return 0; }
int ll_ns_enter(unsigned uid, unsigned gid)
{
    (void)uid; (void)gid;
    return 38;
}
int ll_ns_mount(const ll_bind *m, size_t n, size_t *failed)
{
    (void)m; (void)n;
    *failed = 0;
    return 38;
}
int ll_caps_drop_all(void) { return 38; }
#endif
