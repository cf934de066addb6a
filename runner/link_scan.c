/* link_scan.c - symbolic links the command made in the working directory
 * that lead out of it (docs/linux.md, "Links out of the working
 * directory").  A directory of the project replaced by a link into a
 * directory the command may write elsewhere ($TMPDIR) is what git and the
 * user's shell enter after `cd sub`: git looks for the repository from the
 * physical directory upwards, and takes one the command made there (its
 * core.fsmonitor, its hooks) for the project's.  Landlock cannot refuse
 * making a link, so the working directory is walked after the run (without
 * following links) for links whose change time is the run's, and each that
 * leads out of it is named: the run fails. */
#define _GNU_SOURCE
#include "link_scan.h"
#include "run_profile.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { SCAN_DEPTH_MAX = 64, SAID_MAX = 20 };

/* 1 when a is b or above it, by name */
static int at_or_above(const char *a, const char *b)
{
    size_t n = strlen(a);
    return (n == 1 && a[0] == '/') || (!strncmp(a, b, n) && (b[n] == '/' || !b[n]));
}

static void add_root(link_scan *s, const char *path)
{
    for (size_t i = 0; i < s->nroots; i++)
        if (at_or_above(s->roots[i], path)) return;
    /* a root beneath the new one gives way to it */
    size_t k = 0;
    for (size_t i = 0; i < s->nroots; i++) {
        if (at_or_above(path, s->roots[i])) free(s->roots[i]);
        else s->roots[k++] = s->roots[i];
    }
    s->nroots = k;
    s->roots[s->nroots++] = strdup(path);
    if (!s->roots[s->nroots - 1]) s->nroots--;
}

void runner_link_scan_begin(link_scan *s, const ll_grant *g, size_t ng, const char *cwd)
{
    memset(s, 0, sizeof *s);
    /* the clock file times are taken from: a link made in this tick is
     * the run's */
    clock_gettime(CLOCK_REALTIME_COARSE, &s->start);
    /* only where the command may make a link (or move or link one in): a
     * grant of make_sym at or above the working directory is all of it,
     * one beneath it that directory */
    int whole = 0;
    for (size_t i = 0; i < ng && !whole; i++) {
        if (!g[i].is_dir || !(g[i].access & LL_FS_MAKE_SYM) || !g[i].path) continue;
        if (at_or_above(g[i].path, cwd)) whole = 1;
        else if (at_or_above(cwd, g[i].path)) {
            if (s->nroots == LINK_SCAN_ROOTS_MAX) whole = 1;
            else add_root(s, g[i].path);
        }
    }
    if (whole) {
        runner_link_scan_free(s);
        add_root(s, cwd);
    }
}

void runner_link_scan_free(link_scan *s)
{
    for (size_t i = 0; i < s->nroots; i++) free(s->roots[i]);
    s->nroots = 0;
}

/* 1 when the link at dirfd/name leads out of root: where it leads now, or
 * where its text would lead when that is missing */
static int leads_out(int dirfd, const char *name, const char *root, char *to, size_t tolen)
{
    int fd = openat(dirfd, name, O_PATH | O_CLOEXEC);
    if (fd >= 0) {
        char proc[64];
        snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
        ssize_t n = readlink(proc, to, tolen - 1);
        close(fd);
        if (n > 0) {
            to[n] = 0;
            size_t rl = strlen(root);
            return !(rl == 1 || (!strncmp(to, root, rl) && (to[rl] == '/' || !to[rl])));
        }
    }
    /* dangling: out when absolute or climbing */
    ssize_t n = readlinkat(dirfd, name, to, tolen - 1);
    if (n <= 0) return 0;
    to[n] = 0;
    return to[0] == '/' || strstr(to, "..") != NULL;
}

static size_t walk(link_scan *s, diag_sink *sink, int dirfd, const char *rel, int depth, size_t *said, int exit_status)
{
    DIR *d = fdopendir(dirfd);
    if (!d) { close(dirfd); return 0; }
    size_t found = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        const char *n = e->d_name;
        if (!strcmp(n, ".") || !strcmp(n, "..")) continue;
        if (e->d_type == DT_DIR && depth + 1 < SCAN_DEPTH_MAX) {
            int sub = openat(dirfd, n, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (sub < 0) continue;
            char next[PATH_MAX];
            if ((size_t)snprintf(next, sizeof next, "%s%s/", rel, n) >= sizeof next) { close(sub); continue; }
            found += walk(s, sink, sub, next, depth + 1, said, exit_status);
            continue;
        }
        if (e->d_type != DT_LNK && e->d_type != DT_UNKNOWN) continue;
        struct stat st;
        if (fstatat(dirfd, n, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISLNK(st.st_mode)) continue;
        if (st.st_ctim.tv_sec < s->start.tv_sec ||
            (st.st_ctim.tv_sec == s->start.tv_sec && st.st_ctim.tv_nsec < s->start.tv_nsec))
            continue;
        char to[PATH_MAX];
        if (!leads_out(dirfd, n, s->root, to, sizeof to)) continue;
        found++;
        if ((*said)++ < SAID_MAX)
            run_say(sink, SEV_ERROR, "%s/%s%s is a symbolic link the command made, to %s, outside the working "
                                     "directory: git run there, or from a directory entered through it, takes a "
                                     "repository above %s for the project's and runs what its configuration "
                                     "names (core.fsmonitor, hooks) outside any sandbox; look at it and remove it "
                                     "before running anything there (the command exited %d)",
                    strcmp(s->root, "/") ? s->root : "", rel, n, to, to, exit_status);
    }
    closedir(d);
    return found;
}

size_t runner_link_scan_end(link_scan *s, diag_sink *sink, int exit_status)
{
    if (!s->nroots) return 0;
    /* buckle's working directory is the command's (the same directory,
     * whatever the command renamed) */
    char *cwd = getcwd(NULL, 0);
    if (!cwd) return 0;
    s->root = cwd;
    size_t said = 0, found = 0;
    size_t cl = strlen(cwd);
    for (size_t i = 0; i < s->nroots; i++) {
        int fd = open(s->roots[i], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0) continue;
        /* its name below the working directory, as the messages say it */
        const char *r = s->roots[i];
        char rel[PATH_MAX];
        if (!strncmp(r, cwd, cl) && r[cl] == '/') snprintf(rel, sizeof rel, "%s/", r + cl + 1);
        else rel[0] = 0;
        found += walk(s, sink, fd, rel, 0, &said, exit_status);
    }
    if (said > SAID_MAX)
        run_say(sink, SEV_ERROR, "%zu more such links in %s", said - SAID_MAX, cwd);
    s->root = NULL;
    free(cwd);
    return found;
}
