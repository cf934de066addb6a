/* rel_walk.c - a relative name in every directory beneath the working
 * directory (rel_walk.h): one whose change time is after the command
 * started was made, replaced or written during the run (only the kernel
 * sets change times), so one walk, after the run, tells the command's from
 * the user's.  What was there before is noted by the one walk of the
 * project before the run (shared_inodes.c). */
#define _GNU_SOURCE
#include "rel_walk.h"
#include "../support/arena.h"
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

typedef struct walker { rel_walk *r; size_t entries; } walker;

static int since(long long s, long long ns, const struct timespec *t)
{
    return s > (long long)t->tv_sec || (s == (long long)t->tv_sec && ns >= (long long)t->tv_nsec);
}

/* whether the file (dev, ino) was one of them before the run, at any of
 * its paths (`../agent.buckle` reaches one file from every directory, new
 * ones too); with path: whether that path was one */
static int was_there(const rel_walk *r, const char *path, unsigned long long dev, unsigned long long ino)
{
    for (size_t i = 0; i < r->nbefore; i++)
        if (path ? !strcmp(r->before[i].path, path) : r->before[i].dev == dev && r->before[i].ino == ino) return 1;
    return 0;
}

/* before the run (before): each name there, by path and file; after
 * it: each name in the directory dir (dirfd) that changed since the start
 * (made, replaced, renamed there or written: the change time, which only
 * the kernel sets) or that was no such file before the run (renaming a directory changes no change time of the files in it, so
 * `mv stash/x stash/node_modules` brings in one made in an earlier run
 * with its old change time) */
static void look(rel_walk *r, int before, int dirfd, const char *dir)
{
    for (size_t i = 0; i < r->nnames; i++) {
        const char *name = r->names[i];
        int made, changed;
        unsigned long long dev, ino;
#ifdef STATX_BTIME
        struct statx sx;
        if (statx(dirfd, name, AT_SYMLINK_NOFOLLOW, STATX_CTIME | STATX_BTIME | STATX_INO, &sx) != 0) continue;
        changed = since(sx.stx_ctime.tv_sec, sx.stx_ctime.tv_nsec, &r->start);
        made = !(sx.stx_mask & STATX_BTIME) || since(sx.stx_btime.tv_sec, sx.stx_btime.tv_nsec, &r->start);
        dev = makedev(sx.stx_dev_major, sx.stx_dev_minor);
        ino = sx.stx_ino;
#else
        struct stat st;
        if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
        changed = since(st.st_ctim.tv_sec, st.st_ctim.tv_nsec, &r->start);
        made = 1;
        dev = st.st_dev;
        ino = st.st_ino;
#endif
        const char *shown = name;
        while (shown[0] == '.' && shown[1] == '/') shown += 2;
        size_t n = strlen(dir) + strlen(shown) + 2;
        char *path = xmalloc(n);
        snprintf(path, n, "%s/%s", dir, shown);
        if (before) {
            r->before = xrealloc(r->before, (r->nbefore + 1) * sizeof *r->before);
            r->before[r->nbefore++] = (rel_had){ path, dev, ino };
            continue;
        }
        if (!changed) {
            if (was_there(r, NULL, dev, ino)) { free(path); continue; }
            made = !was_there(r, path, 0, 0);     /* brought there */
        }
        struct stat ds;
        if (fstat(dirfd, &ds) != 0) memset(&ds, 0, sizeof ds);
        if (r->nfound == r->capfound) {
            r->capfound = r->capfound ? 2 * r->capfound : 8;
            r->found = xrealloc(r->found, r->capfound * sizeof *r->found);
        }
        r->found[r->nfound++] = (rel_new){ path, xstrdup(dir), !made, (unsigned long long)ds.st_dev,
                                           (unsigned long long)ds.st_ino };
    }
}

static void walk(walker *k, int dirfd, const char *dir, int depth)
{
    if (depth) look(k->r, 0, dirfd, dir);      /* the working directory's own: its callers' */
    DIR *d = fdopendir(dirfd);
    if (!d) { close(dirfd); return; }
    struct dirent *e;
    while ((e = readdir(d)) && k->entries < REL_WALK_ENTRIES_MAX) {
        k->entries++;
        const char *n = e->d_name;
        if (!strcmp(n, ".") || !strcmp(n, "..")) continue;
        if ((e->d_type != DT_DIR && e->d_type != DT_UNKNOWN) || depth + 1 >= REL_WALK_DEPTH_MAX) continue;
        int fd = openat(dirfd, n, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0) continue;
        size_t len = strlen(dir) + strlen(n) + 2;
        char *sub = xmalloc(len);
        snprintf(sub, len, "%s/%s", strcmp(dir, "/") ? dir : "", n);
        walk(k, fd, sub, depth + 1);
        free(sub);
    }
    closedir(d);
}

void rel_walk_begin(rel_walk *r, const char *const *names, size_t n, const char *cwd)
{
    memset(r, 0, sizeof *r);
    if (!n) return;
    r->names = xcalloc(n, sizeof *r->names);
    for (size_t i = 0; i < n; i++) r->names[i] = xstrdup(names[i]);
    r->nnames = n;
    r->cwd = xstrdup(cwd);
}

void rel_walk_note(rel_walk *r, int dirfd, const char *dir)
{
    if (r->nnames) look(r, 1, dirfd, dir);
}

void rel_walk_start(rel_walk *r)
{
    /* the clock file times are taken from: a name changed in this tick is the run's */
    clock_gettime(CLOCK_REALTIME_COARSE, &r->start);
}

size_t rel_walk_end(rel_walk *r)
{
    if (!r->nnames) return 0;
    walker k = { r, 0 };
    int fd = open(r->cwd, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) walk(&k, fd, r->cwd, 0);
    return r->nfound;
}

void rel_walk_free(rel_walk *r)
{
    for (size_t i = 0; i < r->nnames; i++) free(r->names[i]);
    free(r->names);
    for (size_t i = 0; i < r->nfound; i++) { free(r->found[i].path); free(r->found[i].dir); }
    free(r->found);
    for (size_t i = 0; i < r->nbefore; i++) free(r->before[i].path);
    free(r->before);
    free(r->cwd);
    memset(r, 0, sizeof *r);
}
