/* path_shadows.c - programs the command makes in a PATH directory it may
 * write (path_shadows.h).  An activated virtual environment puts
 * $WORKDIR/.venv/bin first in PATH, direnv's PATH_add bin the project's
 * bin, and a profile that lets the command write the project lets it
 * write those: a `git` or `sudo` it makes there is what the user's next
 * `git` or `sudo` runs, outside any sandbox.  Landlock grants a
 * directory's entries, not names, and pip and npm fill these directories,
 * so they stay writable and are looked at after the run instead: a new
 * name there that a later PATH directory holds a program of (other than a
 * link to that program) is moved aside and named like a planted `buckle`
 * (shadow_check.c).  A new name that
 * shadows nothing (a package's own command) is the project's, and so is
 * one that was there before the run (the environment's python and pip,
 * which an upgrade rewrites). */
#define _GNU_SOURCE
#include "path_shadows.h"
#include "dir_entries.h"
#include "run_profile.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void runner_path_shadows_begin(path_shadows *p, arena *a, const ll_plan *plan, const char *cwd,
                               const char *const *front, size_t nfront)
{
    memset(p, 0, sizeof *p);
    const char *path = getenv("PATH");
    if (!path || !*path) return;
    for (size_t i = nfront; i-- > 0;)
        if (front[i][0] == '/' && !strchr(front[i], ':')) path = arena_printf(a, "%s:%s", front[i], path);
    size_t cap = 1;
    for (const char *c = path; *c; c++) cap += *c == ':';
    p->entries = xcalloc(cap, sizeof *p->entries);
    p->d = xcalloc(cap, sizeof *p->d);
    sb_request q;
    memset(&q, 0, sizeof q);
    q.kind = OBJ_PATH;
    q.op = op_lookup("file-write-create", NULL);
    for (const char *e = path; e;) {
        const char *colon = strchr(e, ':');
        size_t l = colon ? (size_t)(colon - e) : strlen(e);
        char *dir = NULL;
        if (l && e[0] == '/') dir = strndup(e, l);
        else if (!l) dir = xstrdup(cwd);
        else if (e[0] != '~') {
            size_t n = strlen(cwd) + l + 2;
            dir = xmalloc(n);
            snprintf(dir, n, "%s/%.*s", strcmp(cwd, "/") ? cwd : "", (int)l, e);
        }
        e = colon ? colon + 1 : NULL;
        if (!dir) continue;
        size_t k = p->nentries++;
        p->entries[k] = dir;
        int seen = 0;
        for (size_t i = 0; i < k && !seen; i++) seen = !strcmp(p->entries[i], dir);
        /* the project's own (elsewhere the profile's denies hold the PATH
         * directories tools put first: std/agent's ~/.local/bin, ~/.cargo/bin) */
        size_t cl = strlen(cwd);
        int inside = !strncmp(dir, cwd, cl) && (dir[cl] == '/' || !dir[cl] || cl == 1);
        if (seen || !inside) continue;
        const char *probe = arena_printf(a, "%s/buckle-new-entry-%ld", dir, (long)getpid());
        const char *why;
        q.obj = probe;
        q.len = strlen(probe);
        if (ll_plan_decide(plan, &q, probe, a, &why) != 0) continue;
        path_dir *pd = &p->d[p->nd++];
        memset(pd, 0, sizeof *pd);
        pd->path = xstrdup(dir);
        pd->index = k;
        struct stat st;
        if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode) && runner_dir_entries(dir, 0, NULL, 0, &pd->names, &pd->n) == 0) {
            pd->had = 1;
            pd->dev = (unsigned long long)st.st_dev;
            pd->ino = (unsigned long long)st.st_ino;
        }
    }
}

size_t runner_path_shadows_end(path_shadows *p, shadow_watch *w)
{
    size_t found = 0;
    for (size_t i = 0; i < p->nd; i++) {
        path_dir *pd = &p->d[i];
        dir_entry *now;
        size_t n;
        if (runner_dir_entries(pd->path, 0, NULL, 0, &now, &n) != 0) continue;
        for (size_t j = 0; j < n; j++) {
            const char *name = now[j].name;
            if (!strcmp(name, "buckle")) continue;          /* shadow_check.c's */
            if (pd->n && bsearch(&now[j], pd->names, pd->n, sizeof *pd->names, runner_dir_entry_cmp)) continue;
            for (size_t k = pd->index + 1; k < p->nentries; k++) {
                size_t l = strlen(p->entries[k]) + strlen(name) + 2;
                char *prog = xmalloc(l);
                snprintf(prog, l, "%s/%s", strcmp(p->entries[k], "/") ? p->entries[k] : "", name);
                struct stat st;
                int is = stat(prog, &st) == 0 && S_ISREG(st.st_mode) && access(prog, X_OK) == 0;
                if (is) {
                    size_t pl = strlen(pd->path) + strlen(name) + 2;
                    char *made = xmalloc(pl);
                    snprintf(made, pl, "%s/%s", pd->path, name);
                    /* a link to that same program (a venv's python3) runs what it would */
                    struct stat ms;
                    if (stat(made, &ms) != 0 || ms.st_dev != st.st_dev || ms.st_ino != st.st_ino) {
                        runner_shadow_add_found(w, made, pd->path, pd->had, pd->dev, pd->ino, prog);
                        found++;
                    }
                    free(made);
                }
                free(prog);
                if (is) break;
            }
        }
        runner_dir_entries_free(now, n);
    }
    return found;
}

void runner_path_shadows_free(path_shadows *p)
{
    for (size_t i = 0; i < p->nentries; i++) free(p->entries[i]);
    free(p->entries);
    for (size_t i = 0; i < p->nd; i++) {
        free(p->d[i].path);
        runner_dir_entries_free(p->d[i].names, p->d[i].n);
    }
    free(p->d);
    memset(p, 0, sizeof *p);
}
