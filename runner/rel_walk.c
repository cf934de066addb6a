/* rel_walk.c - a relative name in every directory beneath the working
 * directory (rel_walk.h): what is there before the command starts is the
 * user's, what is new after it has ended is the command's. */
#define _GNU_SOURCE
#include "rel_walk.h"
#include "../support/arena.h"
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct walker { rel_walk *r; int after; size_t entries; } walker;

/* 1 when path was there at the start as st, -1 when something else was, 0 when nothing */
static int seen_as(const rel_walk *r, const char *path, const struct stat *st)
{
    for (size_t i = 0; i < r->nseen; i++)
        if (!strcmp(r->seen[i].path, path))
            return r->seen[i].dev == (unsigned long long)st->st_dev && r->seen[i].ino == (unsigned long long)st->st_ino &&
                   r->seen[i].mode == (unsigned)st->st_mode ? 1 : -1;
    return 0;
}

static void look(walker *k, int dirfd, const char *dir)
{
    rel_walk *r = k->r;
    for (size_t i = 0; i < r->nnames; i++) {
        const char *name = r->names[i];
        struct stat st;
        if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
        const char *shown = name;
        while (shown[0] == '.' && shown[1] == '/') shown += 2;
        size_t n = strlen(dir) + strlen(shown) + 2;
        char *path = xmalloc(n);
        snprintf(path, n, "%s/%s", dir, shown);
        if (!k->after) {
            if (r->nseen == r->capseen) {
                r->capseen = r->capseen ? 2 * r->capseen : 8;
                r->seen = xrealloc(r->seen, r->capseen * sizeof *r->seen);
            }
            r->seen[r->nseen++] = (rel_seen){ path, (unsigned long long)st.st_dev, (unsigned long long)st.st_ino,
                                              (unsigned)st.st_mode };
            continue;
        }
        int was = seen_as(r, path, &st);
        if (was == 1) { free(path); continue; }
        struct stat ds;
        if (fstat(dirfd, &ds) != 0) memset(&ds, 0, sizeof ds);
        if (r->nfound == r->capfound) {
            r->capfound = r->capfound ? 2 * r->capfound : 8;
            r->found = xrealloc(r->found, r->capfound * sizeof *r->found);
        }
        r->found[r->nfound++] = (rel_new){ path, xstrdup(dir), was != 0, (unsigned long long)ds.st_dev,
                                           (unsigned long long)ds.st_ino };
    }
}

static void walk(walker *k, int dirfd, const char *dir, int depth)
{
    if (depth) look(k, dirfd, dir);      /* the working directory's own: its callers' */
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

static void walk_all(rel_walk *r, int after)
{
    walker k = { r, after, 0 };
    int fd = open(r->cwd, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) walk(&k, fd, r->cwd, 0);
}

void rel_walk_begin(rel_walk *r, const char *const *names, size_t n, const char *cwd)
{
    memset(r, 0, sizeof *r);
    if (!n) return;
    r->names = xcalloc(n, sizeof *r->names);
    for (size_t i = 0; i < n; i++) r->names[i] = xstrdup(names[i]);
    r->nnames = n;
    r->cwd = xstrdup(cwd);
    walk_all(r, 0);
}

size_t rel_walk_end(rel_walk *r)
{
    if (r->nnames) walk_all(r, 1);
    return r->nfound;
}

void rel_walk_free(rel_walk *r)
{
    for (size_t i = 0; i < r->nnames; i++) free(r->names[i]);
    free(r->names);
    for (size_t i = 0; i < r->nseen; i++) free(r->seen[i].path);
    free(r->seen);
    for (size_t i = 0; i < r->nfound; i++) { free(r->found[i].path); free(r->found[i].dir); }
    free(r->found);
    free(r->cwd);
    memset(r, 0, sizeof *r);
}
