/* above_names.c - files that tools take from the directories above the
 * project (above_names.h).  Cargo reads .cargo/config.toml, rustup
 * rust-toolchain.toml and Yarn .yarnrc.yml in every directory above the
 * one they are run in; npm, pnpm, Cargo and uv take a workspace's root
 * (package.json, Cargo.toml, pyproject.toml) from above it and run what it
 * names.  A profile that keeps such a file at the project's top from the
 * command (std/agent's final denies) but lets it write a directory above
 * the project ($TMPDIR there, a parent granted whole) would let it make
 * one there that the user's next cargo or npm in the project runs.  So
 * each such name in each directory above the working directory that the
 * plan lets the command write is looked at after the run: the names of the
 * profile's own denies beneath the working directory (one table: the
 * profile), and those of the table below, which a project may write at its
 * own top but which a directory above it should not get. */
#define _GNU_SOURCE
#include "above_names.h"
#include "run_profile.h"
#include "../support/arena.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* the workspace roots and per-directory settings tools look for above the
 * directory they run in, and run what they name */
static const char *const workspace_names[] = {
    "package.json",           /* npm, Yarn: a workspace root's scripts */
    "pnpm-workspace.yaml",    /* pnpm: the workspace root */
    "Cargo.toml",             /* Cargo: a [workspace] root's [patch] */
    "pyproject.toml",         /* uv: a workspace root, its settings */
    "uv.toml",                /* uv: its settings */
    "go.work",                /* go: the workspace's replacements */
    ".envrc",                 /* direnv */
};
/* (asdf's .tool-versions and mise's configurations come from the
 * profile's own denies: std/agent's final denies beneath $WORKDIR) */

/* the name p has beneath cwd (strictly), or NULL */
static const char *beneath(const char *p, const char *cwd)
{
    size_t n = strlen(cwd);
    if (n == 1 && cwd[0] == '/') return p[0] == '/' && p[1] ? p + 1 : NULL;
    return !strncmp(p, cwd, n) && p[n] == '/' && p[n + 1] ? p + n + 1 : NULL;
}

static void add(above_watch *w, size_t *cap, const char *path)
{
    for (size_t i = 0; i < w->n; i++)
        if (!strcmp(w->v[i].path, path)) return;
    if (w->n == *cap) {
        *cap = *cap ? 2 * *cap : 32;
        w->v = xrealloc(w->v, *cap * sizeof *w->v);
    }
    above_entry *e = &w->v[w->n++];
    memset(e, 0, sizeof *e);
    e->path = xstrdup(path);
    struct stat st;
    if (lstat(path, &st) == 0) {
        e->had = 1;
        e->dev = (unsigned long long)st.st_dev;
        e->ino = (unsigned long long)st.st_ino;
        e->cs = (long long)st.st_ctim.tv_sec;
        e->cns = (long long)st.st_ctim.tv_nsec;
    }
}

void runner_above_begin(above_watch *w, arena *a, const ll_plan *plan, const char *cwd)
{
    memset(w, 0, sizeof *w);
    size_t nn = sizeof workspace_names / sizeof *workspace_names;
    const char **names = arena_alloc(a, (plan->nm + plan->nchk + nn + 1) * sizeof *names);
    size_t k = 0;
    for (size_t i = 0; i < plan->nm; i++) {
        const char *r = plan->m[i].ro ? beneath(plan->m[i].path, cwd) : NULL;
        if (r) names[k++] = r;
    }
    for (size_t i = 0; i < plan->nchk; i++) {
        const char *r = beneath(plan->chk[i].path, cwd);
        if (r) names[k++] = r;
    }
    for (size_t i = 0; i < nn; i++) names[k++] = workspace_names[i];
    /* .git and HEAD themselves: git's repositories above the project,
     * checked on their own (run_landlock.c) */
    size_t kept = 0;
    for (size_t j = 0; j < k; j++)
        if (strcmp(names[j], ".git") && strcmp(names[j], "HEAD")) names[kept++] = names[j];
    k = kept;
    sb_request q;
    memset(&q, 0, sizeof q);
    q.kind = OBJ_PATH;
    const int create = op_lookup("file-write-create", NULL), data = op_lookup("file-write-data", NULL);
    size_t cap = 0;
    size_t len = strlen(cwd);
    while (len > 1) {
        while (len > 1 && cwd[len - 1] != '/') len--;          /* the parent's end */
        size_t dl = len > 1 ? len - 1 : len;                    /* "/a/b/" -> "/a/b"; "/" stays */
        for (size_t j = 0; j < k; j++) {
            const char *path = arena_printf(a, "%.*s/%s", dl == 1 ? 0 : (int)dl, cwd, names[j]);
            const char *why;
            struct stat st;
            q.op = lstat(path, &st) == 0 && !S_ISDIR(st.st_mode) ? data : create;
            q.obj = path;
            q.len = strlen(path);
            if (ll_plan_decide(plan, &q, path, a, &why) == 0) add(w, &cap, path);
        }
        len = dl;
    }
}

size_t runner_above_list(const above_watch *w, arena *a, const char ***out)
{
    const char **v = arena_alloc(a, (w->n + 1) * sizeof *v);
    for (size_t i = 0; i < w->n; i++) v[i] = w->v[i].path;
    *out = v;
    return w->n;
}

size_t runner_above_end(above_watch *w)
{
    w->found = w->n ? xcalloc(w->n, sizeof *w->found) : NULL;
    for (size_t i = 0; i < w->n; i++) {
        above_entry *e = &w->v[i];
        struct stat st;
        if (lstat(e->path, &st) != 0) {
            if ((errno == ENOENT || errno == ENOTDIR) && !e->had) continue;
            e->err = errno == ENOENT || errno == ENOTDIR ? 0 : errno;
            if (!e->err) continue;              /* removed: nothing there for a tool to take */
        } else if (e->had && (unsigned long long)st.st_dev == e->dev && (unsigned long long)st.st_ino == e->ino &&
                   (long long)st.st_ctim.tv_sec == e->cs && (long long)st.st_ctim.tv_nsec == e->cns)
            continue;                           /* as it was */
        w->found[w->nfound++] = i;
    }
    return w->nfound;
}

size_t runner_above_paths(const above_watch *w, const char **out)
{
    for (size_t j = 0; j < w->nfound; j++) out[j] = w->v[w->found[j]].path;
    return w->nfound;
}

void runner_above_say(const above_watch *w, diag_sink *sink, int exit_status)
{
    for (size_t j = 0; j < w->nfound; j++) {
        const above_entry *e = &w->v[w->found[j]];
        if (e->err)
            run_say(sink, SEV_ERROR, "%s cannot be looked at after the run (%s): it is in a directory above the working "
                                     "directory that the profile lets the command write, where tools run in the project "
                                     "take it from; look at it before running them (the command exited %d)",
                    e->path, strerror(e->err), exit_status);
        else
            run_say(sink, SEV_ERROR, "%s %s: it is in a directory above the working directory that the profile lets "
                                     "the command write, and tools run in the project (cargo, rustup, npm, yarn, "
                                     "direnv) take it from there and run what it names, outside any sandbox; look at it "
                                     "and remove it before running them (the command exited %d)", e->path,
                    e->had ? "changed during the run" : "exists after the run: it did not exist when the command "
                                                         "started", exit_status);
    }
}

void runner_above_free(above_watch *w)
{
    for (size_t i = 0; i < w->n; i++) free(w->v[i].path);
    free(w->v);
    free(w->found);
    memset(w, 0, sizeof *w);
}
