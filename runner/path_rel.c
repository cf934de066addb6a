/* path_rel.c - a relative or empty PATH entry (`.`, `bin`,
 * `node_modules/.bin`, the empty one that is `.`) names a directory beneath
 * whichever directory the user is in when a program is looked up: with
 * PATH=bin:$PATH, the user's `git` in src/ runs src/bin/git if there is
 * one.  path_shadows.c looks at the entry taken from the working
 * directory; this looks at it in every directory beneath it, as
 * shadow_rel.c does for `buckle`: after the run, a program there made
 * during the run (its change time, or no such file before it: rel_walk.c)
 * whose name a later absolute PATH directory holds another program of
 * fails the run and is moved aside (path_rel.h).  Only a file a lookup
 * could run counts there (executable, or a link that does not lead to a
 * directory): a whole project holds many a data file or directory named
 * `test` or `env`. */
#define _GNU_SOURCE
#include "path_rel.h"
#include "rel_walk.h"
#include "../support/arena.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* PATH's entries: an empty one is ".", one with a leading ~ NULL (which
 * directory it names depends on the shell: shadow_check.c's) */
static void split_path(path_rel *p, const char *path)
{
    size_t cap = 1;
    for (const char *c = path; *c; c++) cap += *c == ':';
    p->entries = xcalloc(cap, sizeof *p->entries);
    for (const char *e = path; e;) {
        const char *colon = strchr(e, ':');
        size_t l = colon ? (size_t)(colon - e) : strlen(e);
        p->entries[p->nentries++] = !l ? xstrdup(".") : e[0] == '~' ? NULL : strndup(e, l);
        e = colon ? colon + 1 : NULL;
    }
}

/* the names in the absolute entries from index from on (each directory's
 * entries; which are programs is decided after the run, for those found) */
static size_t later_names(const path_rel *p, size_t from, char ***out)
{
    size_t n = 0, cap = 0;
    char **v = NULL;
    for (size_t k = from; k < p->nentries; k++) {
        if (!p->entries[k] || p->entries[k][0] != '/') continue;
        DIR *d = opendir(p->entries[k]);
        if (!d) continue;
        struct dirent *e;
        while ((e = readdir(d))) {
            if (e->d_name[0] == '.' && (!e->d_name[1] || (e->d_name[1] == '.' && !e->d_name[2]))) continue;
            if (n == cap) v = xrealloc(v, (cap = cap ? 2 * cap : 256) * sizeof *v);
            v[n++] = xstrdup(e->d_name);
        }
        closedir(d);
    }
    *out = v;
    return n;
}

void runner_path_rel_begin(path_rel *p, const char *cwd)
{
    memset(p, 0, sizeof *p);
    const char *path = getenv("PATH");
    if (!path || !*path) return;
    split_path(p, path);
    size_t first = p->nentries, nrel = 0;
    for (size_t k = 0; k < p->nentries; k++)
        if (p->entries[k] && p->entries[k][0] != '/') {
            if (first == p->nentries) first = k;
            nrel++;
        }
    if (!nrel) return;
    char **only;
    size_t nonly = later_names(p, first + 1, &only);
    if (nonly) {
        const char **names = xcalloc(nrel, sizeof *names);
        p->at = xcalloc(nrel, sizeof *p->at);
        size_t n = 0;
        for (size_t k = 0; k < p->nentries; k++)
            if (p->entries[k] && p->entries[k][0] != '/') {
                p->at[n] = k;
                names[n++] = p->entries[k];
            }
        p->walk = xcalloc(1, sizeof *p->walk);
        rel_walk_begin(p->walk, names, n, cwd);
        rel_walk_entries(p->walk, (const char *const *)only, nonly);
        free(names);
    }
    for (size_t i = 0; i < nonly; i++) free(only[i]);
    free(only);
}

size_t runner_path_rel_end(path_rel *p, shadow_watch *w)
{
    size_t n = p->walk ? rel_walk_end(p->walk) : 0, found = 0;
    for (size_t j = 0; j < n; j++) {
        const rel_new *f = &p->walk->found[j];
        /* one that was there before is the project's (path_shadows.c);
         * a directory, or a file no one may run (src/test, a file of
         * data), is no program a lookup runs; a link that leads nowhere
         * yet counts */
        struct stat ms, ls;
        if (f->had || lstat(f->path, &ls) != 0) continue;
        int runs = S_ISLNK(ls.st_mode) ? stat(f->path, &ms) != 0 || !S_ISDIR(ms.st_mode)
                                        : S_ISREG(ls.st_mode) && (ls.st_mode & 0111);
        if (!runs) continue;
        const char *name = strrchr(f->path, '/') + 1;
        for (size_t k = p->at[f->name] + 1; k < p->nentries; k++) {
            if (!p->entries[k] || p->entries[k][0] != '/') continue;
            size_t l = strlen(p->entries[k]) + strlen(name) + 2;
            char *prog = xmalloc(l);
            snprintf(prog, l, "%s/%s", strcmp(p->entries[k], "/") ? p->entries[k] : "", name);
            struct stat st;
            int is = stat(prog, &st) == 0 && S_ISREG(st.st_mode) && access(prog, X_OK) == 0;
            /* (a link to that same program runs what it would) */
            if (is && (stat(f->path, &ms) != 0 || ms.st_dev != st.st_dev || ms.st_ino != st.st_ino)) {
                runner_shadow_add_found(w, f->path, f->dir, 1, f->ddev, f->dino, prog);
                found++;
            }
            free(prog);
            if (is) break;
        }
    }
    return found;
}

void runner_path_rel_free(path_rel *p)
{
    for (size_t i = 0; i < p->nentries; i++) free(p->entries[i]);
    free(p->entries);
    free(p->at);
    if (p->walk) rel_walk_free(p->walk);
    free(p->walk);
    memset(p, 0, sizeof *p);
}
