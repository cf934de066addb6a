/* above_names.c - files that tools take from the directories above the
 * project (above_names.h).  Cargo reads .cargo/config.toml, rustup
 * rust-toolchain.toml, ESLint eslint.config.js, Prettier its configuration
 * and pytest conftest.py in the directories above the one they are run in;
 * npm, pnpm, Cargo, uv and Bundler take a workspace's root (package.json,
 * Cargo.toml, pyproject.toml, Gemfile) from above it and run what it names.
 * A profile that lets the command write a directory above the project (a
 * parent granted whole, `default allow`) would let it make one there that
 * the user's next tool in the project runs.  No list of such names is
 * complete, so in each directory above the working directory where the plan
 * lets the command make a new entry, every entry made during the run, and
 * every file replaced or written, is named after the run.  Names deeper in
 * such a directory (.cargo/config.toml in a .cargo that was there), and in
 * the home directory and in a directory every user may write (which are
 * the user's own places, or anyone's), are looked at by name: those of the
 * profile's own denies beneath the working directory (one table: the
 * profile), and those of the table below, which a project may write at its
 * own top but which a directory above it should not get. */
#define _GNU_SOURCE
#include "above_names.h"
#include "dir_entries.h"
#include "path_ident.h"
#include "run_profile.h"
#include "../support/arena.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* the workspace roots and per-directory settings tools look for above the
 * directory they run in, and run what they name (the one list of them) */
static const char *const workspace_names[] = {
    "package.json",           /* npm, Yarn: a workspace root's scripts */
    "pnpm-workspace.yaml",    /* pnpm: the workspace root */
    "Cargo.toml",             /* Cargo: a [workspace] root's [patch] */
    "pyproject.toml",         /* uv, pytest: a workspace root, its settings */
    "uv.toml",                /* uv: its settings */
    "go.work",                /* go: the workspace's replacements */
    ".envrc",                 /* direnv */
    /* ESLint's flat and cascading configurations (JavaScript it loads) */
    "eslint.config.js", "eslint.config.mjs", "eslint.config.cjs", "eslint.config.ts", "eslint.config.mts",
    "eslint.config.cts", ".eslintrc.js", ".eslintrc.cjs", ".eslintrc.yaml", ".eslintrc.yml", ".eslintrc.json",
    ".eslintrc",
    /* Prettier's (its plugins, JavaScript configurations) */
    "prettier.config.js", "prettier.config.mjs", "prettier.config.cjs", "prettier.config.ts", ".prettierrc",
    ".prettierrc.js", ".prettierrc.mjs", ".prettierrc.cjs", ".prettierrc.ts", ".prettierrc.json", ".prettierrc.yaml",
    ".prettierrc.yml", ".prettierrc.json5", ".prettierrc.toml",
    /* pytest: the nearest ini file is the root, conftest.py from there down */
    "pytest.ini", ".pytest.ini", "tox.ini", "setup.cfg", "conftest.py",
    /* Bundler's Gemfile and settings, rake's Rakefile */
    "Gemfile", "gems.rb", ".bundle/config", "Rakefile", "rakefile", "Rakefile.rb",
    /* Deno's tasks and imports */
    "deno.json", "deno.jsonc",
    /* Bazel's workspace root, its options, Bazelisk's version and wrapper */
    ".bazelrc", ".bazelversion", "WORKSPACE", "WORKSPACE.bazel", "MODULE.bazel", "tools/bazel",
    /* Maven's project extensions and options, found upward */
    ".mvn/extensions.xml", ".mvn/maven.config", ".mvn/jvm.config",
    /* task runners that look upward for their file: just, Task */
    "justfile", "Justfile", ".justfile", "Taskfile.yml", "Taskfile.yaml",
    /* monorepo roots that run tasks: Turborepo, Nx, Lerna, Rush */
    "turbo.json", "nx.json", "lerna.json", "rush.json",
    /* Pipenv's Pipfile (its scripts), Poetry's settings, Nix's flake */
    "Pipfile", "poetry.toml", "flake.nix",
    /* a buckle that npm run or a relative PATH entry finds first */
    "node_modules/.bin/buckle",
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

enum { TEXT_MAX = 1 << 16, KEPT_MAX = 1 << 22 };

/* the bytes of the regular file path, the file st describes, when it has
 * at most max (malloc'd, in *len); NULL otherwise */
static char *file_bytes(const char *path, const struct stat *st, size_t max, size_t *len)
{
    if (!S_ISREG(st->st_mode) || st->st_size < 0 || (unsigned long long)st->st_size > max) return NULL;
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return NULL;
    size_t n = (size_t)st->st_size, got = 0;
    char *b = xmalloc(n + 1);
    ssize_t r = 1;
    while (got <= n && (r = read(fd, b + got, n + 1 - got)) > 0) got += (size_t)r;
    struct stat now;
    int same = r == 0 && got == n && fstat(fd, &now) == 0 && now.st_dev == st->st_dev && now.st_ino == st->st_ino;
    close(fd);
    if (!same) { free(b); return NULL; }
    *len = n;
    return b;
}

void runner_above_add(above_watch *w, const char *path)
{
    for (size_t i = 0; i < w->n; i++)
        if (!strcmp(w->v[i].path, path)) return;
    if (w->n == w->cap) {
        w->cap = w->cap ? 2 * w->cap : 32;
        w->v = xrealloc(w->v, w->cap * sizeof *w->v);
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
        e->mode = (unsigned)st.st_mode;
        e->nlink = (unsigned long long)st.st_nlink;
        if (w->kept < KEPT_MAX && (e->text = file_bytes(path, &st, TEXT_MAX, &e->len)) != NULL) w->kept += e->len;
    }
}

/* 1 when path (st now) holds what e's file held when the command started:
 * a regular file of the same type, modes and number of names with the
 * same bytes, which
 * whatever reads it takes as it took them then */
static int same_bytes(const above_entry *e, const char *path, const struct stat *st)
{
    /* (as many names as then: not one that shares its file with a name
     * elsewhere, which a later write there would change) */
    if (!e->text || (unsigned)st->st_mode != e->mode || (unsigned long long)st->st_nlink != e->nlink ||
        (unsigned long long)st->st_size != e->len)
        return 0;
    size_t n;
    char *b = file_bytes(path, st, e->len, &n);
    int same = b && n == e->len && !memcmp(b, e->text, n);
    free(b);
    return same;
}

/* the entries of dir now, but skip (the way to the working directory) and
 * git's .git and HEAD (checked on their own, run_landlock.c), sorted by
 * name; -1 when dir cannot be read */
static int read_dir(const char *dir, const char *skip, dir_entry **out, size_t *n)
{
    const char *const skips[] = { skip, ".git", "HEAD", NULL };
    return runner_dir_entries(dir, DIR_ENTRIES_STAT, skips, 0, out, n);
}

void runner_above_begin(above_watch *w, arena *a, const ll_plan *plan, const char *cwd, const char *home)
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
    /* the files the standard descriptors write (`> ../log`): the caller's */
    for (int fd = 0; fd < 3; fd++) {
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
            w->std_dev[w->nstd] = (unsigned long long)st.st_dev;
            w->std_ino[w->nstd++] = (unsigned long long)st.st_ino;
        }
    }
    struct stat hs;
    int have_home = home && *home && stat(home, &hs) == 0;
    sb_request q;
    memset(&q, 0, sizeof q);
    q.kind = OBJ_PATH;
    const int create = op_lookup("file-write-create", NULL), data = op_lookup("file-write-data", NULL);
    size_t dcap = 0;
    size_t len = strlen(cwd);
    while (len > 1) {
        size_t end = len;                                       /* the way down: cwd[len+1 .. end) */
        while (len > 1 && cwd[len - 1] != '/') len--;          /* the parent's end */
        size_t dl = len > 1 ? len - 1 : len;                    /* "/a/b/" -> "/a/b"; "/" stays */
        const char *dir = dl == 1 ? "/" : arena_printf(a, "%.*s", (int)dl, cwd);
        for (size_t j = 0; j < k; j++) {
            const char *path = arena_printf(a, "%.*s/%s", dl == 1 ? 0 : (int)dl, cwd, names[j]);
            const char *why;
            struct stat st;
            q.op = lstat(path, &st) == 0 && !S_ISDIR(st.st_mode) ? data : create;
            q.obj = path;
            q.len = strlen(path);
            if (ll_plan_decide(plan, &q, path, a, &why) == 0) runner_above_add(w, path);
        }
        /* every entry, where the plan lets the command make one: not in the
         * home directory, nor where every user may (their own places) */
        struct stat ds;
        const char *probe = arena_printf(a, "%s/buckle-new-entry-%ld", dl == 1 ? "" : dir, (long)getpid());
        const char *why;
        q.op = create;
        q.obj = probe;
        q.len = strlen(probe);
        if (stat(dir, &ds) == 0 && !(ds.st_mode & S_IWOTH) &&
            !(have_home && runner_same_file(&ds, (unsigned long long)hs.st_dev, (unsigned long long)hs.st_ino)) &&
            ll_plan_decide(plan, &q, probe, a, &why) == 0) {
            if (w->nd == dcap) {
                dcap = dcap ? 2 * dcap : 8;
                w->d = xrealloc(w->d, dcap * sizeof *w->d);
            }
            above_dir *ad = &w->d[w->nd];
            memset(ad, 0, sizeof *ad);
            ad->path = xstrdup(dir);
            ad->skip = xmalloc(end - len + 1);
            memcpy(ad->skip, cwd + len, end - len);
            ad->skip[end - len] = 0;
            if (read_dir(ad->path, ad->skip, &ad->v, &ad->n) == 0) w->nd++;
            else { free(ad->path); free(ad->skip); }
        }
        len = dl;
    }
}

void runner_above_add_dir(above_watch *w, const char *path)
{
    for (size_t i = 0; i < w->nd; i++)
        if (!strcmp(w->d[i].path, path)) return;
    above_dir ad = { .path = xstrdup(path) };
    if (read_dir(ad.path, NULL, &ad.v, &ad.n) != 0) {
        free(ad.path);
        return;
    }
    w->d = xrealloc(w->d, (w->nd + 1) * sizeof *w->d);
    w->d[w->nd++] = ad;
}

size_t runner_above_list(const above_watch *w, arena *a, const char ***out)
{
    const char **v = arena_alloc(a, (w->n + 1) * sizeof *v);
    for (size_t i = 0; i < w->n; i++) v[i] = w->v[i].path;
    *out = v;
    return w->n;
}

/* the path dir/name (malloc'd) */
static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = xmalloc(n);
    snprintf(p, n, "%s/%s", strcmp(dir, "/") ? dir : "", name);
    return p;
}

static void found(above_watch *w, size_t i, size_t *cap)
{
    if (w->nfound == *cap) {
        *cap = *cap ? 2 * *cap : 16;
        w->found = xrealloc(w->found, *cap * sizeof *w->found);
    }
    w->found[w->nfound++] = i;
}

size_t runner_above_end(above_watch *w)
{
    size_t cap = 0;
    for (size_t i = 0; i < w->n; i++) {
        above_entry *e = &w->v[i];
        struct stat st;
        if (lstat(e->path, &st) != 0) {
            if ((errno == ENOENT || errno == ENOTDIR) && !e->had) continue;
            e->err = errno == ENOENT || errno == ENOTDIR ? 0 : errno;
            if (!e->err) continue;              /* removed: nothing there for a tool to take */
        } else if (e->had && runner_same_file(&st, e->dev, e->ino) && (long long)st.st_ctim.tv_sec == e->cs &&
                   (long long)st.st_ctim.tv_nsec == e->cns)
            continue;                           /* as it was */
        else if (e->had && same_bytes(e, e->path, &st))
            continue;                           /* written again as it was */
        found(w, i, &cap);
    }
    /* each entry of a directory watched whole: made during the run, or
     * another file than it was, or (not a directory) written or changed */
    for (size_t di = 0; di < w->nd; di++) {
        above_dir *ad = &w->d[di];
        dir_entry *now;
        size_t nnow;
        if (read_dir(ad->path, ad->skip, &now, &nnow) != 0) {
            char *p = xstrdup(ad->path);
            above_entry e = { .path = p, .had = 1, .err = errno ? errno : EIO };
            if (w->n == w->cap) { w->cap = w->cap ? 2 * w->cap : 16; w->v = xrealloc(w->v, w->cap * sizeof *w->v); }
            w->v[w->n] = e;
            found(w, w->n++, &cap);
            continue;
        }
        for (size_t j = 0; j < nnow; j++) {
            const dir_entry *x = &now[j];
            const dir_entry *was = ad->n ? bsearch(x, ad->v, ad->n, sizeof *ad->v, runner_dir_entry_cmp) : NULL;
            int std = 0;
            for (size_t t = 0; t < w->nstd; t++) std |= w->std_dev[t] == x->dev && w->std_ino[t] == x->ino;
            if (std) continue;
            if (was && was->dev == x->dev && was->ino == x->ino &&
                (x->dir || (was->cs == x->cs && was->cns == x->cns)))
                continue;                       /* as it was (a directory: what is in it, by name) */
            char *p = join(ad->path, x->name);
            size_t dup = 0;
            for (size_t i = 0; i < w->n && !dup; i++) dup = !strcmp(w->v[i].path, p);
            if (dup) { free(p); continue; }     /* looked at by name already */
            above_entry e = { .path = p, .had = was != NULL && was->dev == x->dev && was->ino == x->ino };
            if (w->n == w->cap) { w->cap = w->cap ? 2 * w->cap : 16; w->v = xrealloc(w->v, w->cap * sizeof *w->v); }
            w->v[w->n] = e;
            found(w, w->n++, &cap);
        }
        runner_dir_entries_free(now, nnow);
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
                                     "the command write, and tools run in the project (cargo, npm, eslint, pytest, "
                                     "direnv) take their settings from there and run what they name, outside any "
                                     "sandbox; look at it and remove it before running them (the command exited %d)",
                    e->path,
                    e->had ? "changed during the run" : "exists after the run: it did not exist when the command "
                                                         "started", exit_status);
    }
}

void runner_above_free(above_watch *w)
{
    for (size_t i = 0; i < w->n; i++) {
        free(w->v[i].path);
        free(w->v[i].text);
    }
    free(w->v);
    free(w->found);
    for (size_t i = 0; i < w->nd; i++) {
        free(w->d[i].path);
        free(w->d[i].skip);
        runner_dir_entries_free(w->d[i].v, w->d[i].n);
    }
    free(w->d);
    memset(w, 0, sizeof *w);
}
