/* shadow_rel.c - a relative or empty PATH entry before buckle's directory
 * (shadow_rel.h).  The lookup takes it from the directory the user is in
 * when starting buckle: PATH=node_modules/.bin:... started in src/ looks in
 * src/node_modules/.bin first.  The check after the run of the candidates
 * taken from the working directory (shadow_check.c) does not see those,
 * so, when PATH has such an entry, every directory beneath the working
 * directory is a candidate too: walked after the command has ended, one
 * made or changed during the run (rel_walk.c) is the command's, moved
 * aside and named like the others. */
#define _GNU_SOURCE
#include "shadow_rel.h"
#include "rel_walk.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void free_rels(shadow_rel *r)
{
    for (size_t i = 0; i < r->nrel; i++) free(r->rels[i]);
    free(r->rels);
    r->rels = NULL;
    r->nrel = 0;
}

/* the relative entries before the one buckle is found in */
static void find_rels(shadow_rel *r, const char *argv0)
{
    const char *path = getenv("PATH");
    if (!path || !*path) return;     /* the default has no relative entry */
    size_t cap = 2;
    for (const char *c = path; *c; c++) cap += *c == ':';
    r->rels = xcalloc(cap, sizeof *r->rels);
    for (;;) {
        const char *colon = strchr(path, ':');
        size_t len = colon ? (size_t)(colon - path) : strlen(path);
        char *dir = xmalloc(len + 2);
        if (len) memcpy(dir, path, len);
        else dir[len++] = '.';
        dir[len] = 0;
        size_t dl = strlen(dir);
        char *at = xmalloc(dl + strlen(argv0) + 2);
        snprintf(at, dl + strlen(argv0) + 2, "%s/%s", dir, argv0);
        struct stat st;
        int found = dir[0] == '/' && stat(at, &st) == 0 && !S_ISDIR(st.st_mode) && access(at, X_OK) == 0;
        free(at);
        if (found) { free(dir); break; }
        /* a relative one found from here ends the lookup here, not from
         * another directory: it stays a candidate there */
        if (dir[0] != '/' && r->nrel < cap) r->rels[r->nrel++] = dir;
        else free(dir);
        if (!colon) break;
        path = colon + 1;
    }
}

void runner_shadow_rel_begin(shadow_rel *r, const char *argv0, const char *cwd)
{
    memset(r, 0, sizeof *r);
    if (!argv0 || !*argv0 || strchr(argv0, '/')) return;
    find_rels(r, argv0);
    if (!r->nrel) { free_rels(r); return; }
    const char **names = xcalloc(r->nrel, sizeof *names);
    for (size_t i = 0; i < r->nrel; i++) {
        size_t n = strlen(r->rels[i]) + strlen(argv0) + 2;
        char *p = xmalloc(n);
        snprintf(p, n, "%s/%s", r->rels[i], argv0);
        names[i] = p;
    }
    r->walk = xcalloc(1, sizeof *r->walk);
    rel_walk_begin(r->walk, names, r->nrel, cwd);
    for (size_t i = 0; i < r->nrel; i++) free((char *)names[i]);
    free(names);
}

size_t runner_shadow_rel_end(shadow_rel *r, shadow_watch *w)
{
    size_t n = r->walk ? rel_walk_end(r->walk) : 0;
    for (size_t j = 0; j < n; j++) {
        /* the command's: a candidate of the watch, reached from its
         * directory as it is now (no process of the command is left to
         * change it) */
        const rel_new *f = &r->walk->found[j];
        w->v = xrealloc(w->v, (w->n + 1) * sizeof *w->v);
        w->found = xrealloc(w->found, (w->nfound + 1) * sizeof *w->found);
        shadow_entry *e = &w->v[w->n];
        memset(e, 0, sizeof *e);
        e->path = xstrdup(f->path);
        e->had = f->had;
        e->base = xstrdup(f->dir);
        e->based = 1;
        e->bdev = f->ddev;
        e->bino = f->dino;
        w->found[w->nfound++] = (shadow_found){ w->n, SH_KEPT, 0, NULL, NULL };
        w->n++;
    }
    return n;
}

void runner_shadow_rel_free(shadow_rel *r)
{
    free_rels(r);
    if (r->walk) rel_walk_free(r->walk);
    free(r->walk);
    memset(r, 0, sizeof *r);
}
