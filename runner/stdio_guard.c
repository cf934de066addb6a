/* stdio_guard.c - the standard descriptors the command inherits
 * (docs/linux.md, "Denies inside a writable directory").  A deny of writing
 * inside a directory the command may write is a read-only mount in the
 * command's namespace; a file or directory the caller opened before the
 * mounts (`< .git/config`, `< .`) stays on the mount below, and the command
 * could reach it for writing from there: open /proc/self/fd/N again, or a
 * path relative to the directory descriptor.  Such a run is refused. */
#define _GNU_SOURCE
#include "stdio_guard.h"
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const fd_names[3] = { "standard input", "standard output", "standard error" };

/* 1 when dir is p or above it, by name */
static int name_at_or_above(const char *dir, const char *p)
{
    size_t n = strlen(dir);
    if (n == 1 && dir[0] == '/') return 1;
    return !strncmp(dir, p, n) && (p[n] == '/' || !p[n]);
}

const char *runner_stdio_mount_problem(arena *a, const ll_bind *m, size_t nm)
{
    for (int fd = 0; fd < 3; fd++) {
        struct stat st;
        if (fstat(fd, &st) != 0 || !(S_ISREG(st.st_mode) || S_ISDIR(st.st_mode))) continue;
        /* a file the caller opened for writing: the caller gave the
         * command that file to write */
        int fl = fcntl(fd, F_GETFL);
        if (S_ISREG(st.st_mode) && fl >= 0 && (fl & O_ACCMODE) != O_RDONLY) continue;
        char link[64], path[PATH_MAX];
        snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
        ssize_t len = readlink(link, path, sizeof path - 1);
        path[len > 0 ? len : 0] = 0;
        for (size_t i = 0; i < nm; i++) {
            if (!m[i].ro) continue;
            int same = m[i].dev == (unsigned long long)st.st_dev && m[i].ino == (unsigned long long)st.st_ino;
            int beneath = path[0] == '/' && name_at_or_above(m[i].path, path);
            int above = path[0] == '/' && S_ISDIR(st.st_mode) && name_at_or_above(path, m[i].path);
            if (!same && !beneath && !above) continue;
            if (S_ISREG(st.st_mode))
                return arena_printf(a, "%s (descriptor %d) is %s, which the profile does not let the command write: "
                                       "a read-only mount in the command's namespace holds that deny, and a file "
                                       "opened before the mounts is not under them, so the command could open "
                                       "/proc/self/fd/%d again for writing; give it through a pipe instead "
                                       "(cat FILE | buckle run ...)", fd_names[fd], fd, path[0] ? path : m[i].path, fd);
            return arena_printf(a, "%s (descriptor %d) is the directory %s, and a read-only mount of %s in the "
                                   "command's namespace holds a deny of writing there: a directory opened before the "
                                   "mounts is not under them, so paths relative to that descriptor could write what "
                                   "the mount holds; start buckle without it (< /dev/null)",
                                fd_names[fd], fd, path[0] ? path : "(unknown)", m[i].path);
        }
    }
    return NULL;
}
