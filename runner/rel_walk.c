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

/* before the run (before): the file path (name in dirfd) by path and
 * file; after it: the file if it changed since the start (made, replaced,
 * renamed there or written: the change time, which only the kernel sets)
 * or was no such file before the run (renaming a directory changes no
 * change time of the files in it, so `mv stash/x stash/node_modules`
 * brings in one made in an earlier run with its old change time); dir
 * (walked, open as walked) is where it is reached from, which the name at
 * index k in r->names leads from */
static void look_one(rel_walk *r, int before, int dirfd, const char *name, char *path, int walked,
                     const char *dir, size_t k)
{
    int made, changed;
    unsigned long long dev, ino;
#ifdef STATX_BTIME
    struct statx sx;
    if (statx(dirfd, name, AT_SYMLINK_NOFOLLOW, STATX_CTIME | STATX_BTIME | STATX_INO, &sx) != 0) { free(path); return; }
    changed = since(sx.stx_ctime.tv_sec, sx.stx_ctime.tv_nsec, &r->start);
    made = !(sx.stx_mask & STATX_BTIME) || since(sx.stx_btime.tv_sec, sx.stx_btime.tv_nsec, &r->start);
    dev = makedev(sx.stx_dev_major, sx.stx_dev_minor);
    ino = sx.stx_ino;
#else
    struct stat st;
    if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) { free(path); return; }
    changed = since(st.st_ctim.tv_sec, st.st_ctim.tv_nsec, &r->start);
    made = 1;
    dev = st.st_dev;
    ino = st.st_ino;
#endif
    if (before) {
        r->before = xrealloc(r->before, (r->nbefore + 1) * sizeof *r->before);
        r->before[r->nbefore++] = (rel_had){ path, dev, ino };
        return;
    }
    if (!changed) {
        if (was_there(r, NULL, dev, ino)) { free(path); return; }
        made = !was_there(r, path, 0, 0);     /* brought there */
    }
    struct stat ds;
    if (fstat(walked, &ds) != 0) memset(&ds, 0, sizeof ds);
    if (r->nfound == r->capfound) {
        r->capfound = r->capfound ? 2 * r->capfound : 8;
        r->found = xrealloc(r->found, r->capfound * sizeof *r->found);
    }
    r->found[r->nfound++] = (rel_new){ path, xstrdup(dir), !made, (unsigned long long)ds.st_dev,
                                       (unsigned long long)ds.st_ino, k };
}

static int name_cmp(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* each name in the directory dir (dirfd); with r->entries, each entry of
 * the directory each name leads to that r->only holds */
static void look(rel_walk *r, int before, int dirfd, const char *dir)
{
    for (size_t i = 0; i < r->nnames; i++) {
        const char *shown = r->names[i];
        while (shown[0] == '.' && shown[1] == '/') shown += 2;
        if (!r->entries) {
            size_t n = strlen(dir) + strlen(shown) + 2;
            char *path = xmalloc(n);
            snprintf(path, n, "%s/%s", dir, shown);
            look_one(r, before, dirfd, r->names[i], path, dirfd, dir, i);
            continue;
        }
        /* (the directory as a lookup reaches it, through links) */
        int fd = openat(dirfd, r->names[i], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0) continue;
        int in = fd;
        DIR *d = fdopendir(fd);
        if (!d) { close(fd); continue; }
        int here = !*shown || !strcmp(shown, ".");
        struct dirent *e;
        while ((e = readdir(d))) {
            const char *n = e->d_name;
            if (!bsearch(&n, r->only, r->nonly, sizeof *r->only, name_cmp)) continue;
            size_t l = strlen(dir) + strlen(shown) + strlen(n) + 3;
            char *path = xmalloc(l);
            snprintf(path, l, here ? "%s/%.0s%s" : "%s/%s/%s", dir, shown, n);
            look_one(r, before, in, n, path, dirfd, dir, i);
        }
        closedir(d);
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

void rel_walk_entries(rel_walk *r, const char *const *only, size_t n)
{
    r->entries = 1;
    r->only = xcalloc(n ? n : 1, sizeof *r->only);
    for (size_t i = 0; i < n; i++) r->only[i] = xstrdup(only[i]);
    r->nonly = n;
    qsort(r->only, n, sizeof *r->only, name_cmp);
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
    for (size_t i = 0; i < r->nonly; i++) free(r->only[i]);
    free(r->only);
    free(r->cwd);
    memset(r, 0, sizeof *r);
}
