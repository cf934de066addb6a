/* path_ident.c - "is this directory that one, or above it" asked of the
 * files, not of their names: a home directory bind-mounted at /mnt/home is
 * the home directory (docs/linux.md, "The home directory as WORKDIR"). */
#include "path_ident.h"
#include "../backend/landlock_mounts.h"
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

static int by_name(const char *dir, const char *p)
{
    size_t n = strlen(dir);
    if (!strcmp(dir, "/")) return 1;
    return !strncmp(p, dir, n) && (p[n] == 0 || p[n] == '/');
}

int runner_same_file(const struct stat *st, unsigned long long dev, unsigned long long ino)
{
    return (unsigned long long)st->st_dev == dev && (unsigned long long)st->st_ino == ino;
}

/* the length of the ancestor of p (p itself included) that is the file
 * st, or -1 */
static long ancestor_is(const struct stat *st, const char *p)
{
    char buf[PATH_MAX];
    if (!realpath(p, buf) && snprintf(buf, sizeof buf, "%s", p) >= (int)sizeof buf) return -1;
    for (;;) {
        struct stat s;
        if (stat(buf, &s) == 0 && runner_same_file(&s, (unsigned long long)st->st_dev, (unsigned long long)st->st_ino))
            return (long)strlen(buf);
        char *slash = strrchr(buf, '/');
        if (!slash) return -1;
        if (slash == buf) {
            if (!buf[1]) return -1;
            buf[1] = 0;
        } else *slash = 0;
    }
}

int runner_at_or_above(const char *dir, const char *p)
{
    struct stat st;
    if (stat(dir, &st) != 0) return by_name(dir, p);
    return by_name(dir, p) || ancestor_is(&st, p) >= 0;
}

/* p's tail below its first len characters, once realpath'd */
static const char *tail(arena *a, const char *p, long len)
{
    char buf[PATH_MAX];
    if (!realpath(p, buf) && snprintf(buf, sizeof buf, "%s", p) >= (int)sizeof buf) return "";
    if ((size_t)len == 1 && buf[0] == '/') return arena_strdup(a, buf);
    return arena_strdup(a, buf + len);
}

const char *runner_name_beneath(arena *a, const char *dir, const char *p)
{
    struct stat st;
    if (by_name(dir, p)) return p;
    if (stat(dir, &st) == 0) {
        long n = ancestor_is(&st, p);
        if (n >= 0) return arena_printf(a, "%s%s", strcmp(dir, "/") ? dir : "", tail(a, p, n));
    }
    /* a mount point beneath dir that shows p or a directory above it */
    ll_mounts m;
    ll_mounts_read(a, &m);
    for (size_t i = 0; i < m.n; i++) {
        const char *mp = m.m[i].mp;
        if (!mp || !by_name(dir, mp) || !strcmp(mp, dir)) continue;
        struct stat ms;
        if (stat(mp, &ms) != 0) continue;
        long n = ancestor_is(&ms, p);
        if (n >= 0) return arena_printf(a, "%s%s", mp, tail(a, p, n));
    }
    return NULL;
}

int runner_grant_covered(const ll_plan *p, size_t i, uint64_t mask)
{
    const ll_grant *g = &p->g[i];
    for (size_t j = 0; j < p->ng; j++) {
        const ll_grant *o = &p->g[j];
        if (j == i || !o->is_dir || !(o->access & mask) || !runner_at_or_above(o->path, g->path)) continue;
        /* the same directory: the first one stands */
        if (j > i && g->is_dir && runner_at_or_above(g->path, o->path)) continue;
        return 1;
    }
    return 0;
}
