/* direnv_files.c - the files a project's .envrc loads (direnv_files.h).
 * direnv runs .envrc in the user's shell at each `cd` into the project,
 * once the user has allowed it, and its allow covers .envrc alone: the
 * files .envrc loads (dotenv's .env, exported into the shell: BASH_ENV,
 * LD_PRELOAD, PATH; source_env's .envrc.local and a sourced script, run
 * there; use flake's flake.nix, whose shellHook runs there) run whatever
 * they say now.  So each such file the plan lets the command write is
 * looked at after the run like the tools' files above the project
 * (above_names.c): made or changed during the run, it fails the run and is
 * remembered. */
#define _GNU_SOURCE
#include "direnv_files.h"
#include "run_profile.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

enum { ENVRC_MAX = 1 << 16, ENVRC_DEPTH = 4 };

/* the commands of direnv's standard library that load a file, and the
 * file each loads by default (NULL: none) */
typedef struct loader {
    const char *cmd;
    const char *dflt;
    int sources;                  /* bash code: what it loads in turn is read too */
} loader;
static const loader loaders[] = {
    { .cmd = "dotenv", .dflt = ".env" },
    { .cmd = "dotenv_if_exists", .dflt = ".env" },
    { .cmd = "source_env", .sources = 1 },
    { .cmd = "source_env_if_exists", .sources = 1 },
    { .cmd = "source", .sources = 1 },
    { .cmd = ".", .sources = 1 },
};

/* dir/w, or w when absolute (in a) */
static const char *resolve(arena *a, const char *dir, const char *w)
{
    while (w[0] == '.' && w[1] == '/') w += 2;
    if (!strcmp(w, ".")) return dir;
    return w[0] == '/' ? w : arena_printf(a, "%s/%s", strcmp(dir, "/") ? dir : "", w);
}

/* the next word of line at *s, quotes taken off; NULL at the end of a
 * command (';', '&', '|' or the line's end), *s then past it */
static const char *word(arena *a, const char **s, int *end)
{
    const char *p = *s;
    while (*p == ' ' || *p == '\t') p++;
    *end = 0;
    if (!*p || *p == '#' || *p == ';' || *p == '&' || *p == '|' || *p == '\n') {
        *end = 1;
        while (*p == ';' || *p == '&' || *p == '|') p++;
        *s = p;
        return NULL;
    }
    char *out = arena_alloc(a, strlen(p) + 1);
    size_t n = 0;
    while (*p && !strchr(" \t\n;&|", *p)) {
        if (*p == '\'' || *p == '"') { p++; continue; }
        if (*p == '\\' && p[1]) p++;
        out[n++] = *p++;
    }
    out[n] = 0;
    *s = p;
    return out;
}

/* Where the kernel takes path (absolute) to: every link on the way
 * followed, the last one too (direnv reads through it), and past the first
 * name that is not there the rest as written.  So a dangling .env ->
 * .env.local leads to .env.local, which the command may make.  NULL: more
 * than 40 links, or too long. */
static const char *follow(arena *a, const char *path)
{
    char cur[PATH_MAX];            /* resolved so far ("" is /) */
    size_t n = 0;
    int hops = 0, gone = 0;
    cur[0] = 0;
    for (const char *r = path;;) {
        while (*r == '/') r++;
        if (!*r) break;
        size_t len = strcspn(r, "/");
        if (len == 1 && r[0] == '.') { r += len; continue; }
        if (len == 2 && r[0] == '.' && r[1] == '.') {
            while (n && cur[n - 1] != '/') n--;
            if (n) n--;
            cur[n] = 0;
            r += len;
            continue;
        }
        if (n + 1 + len >= sizeof cur) return NULL;
        cur[n++] = '/';
        memcpy(cur + n, r, len);
        n += len;
        cur[n] = 0;
        r += len;
        struct stat st;
        if (gone || lstat(cur, &st) != 0) { gone = 1; continue; }
        if (!S_ISLNK(st.st_mode)) continue;
        char t[PATH_MAX];
        ssize_t k = ++hops > 40 ? -1 : readlink(cur, t, sizeof t - 1);
        if (k <= 0) return NULL;
        t[k] = 0;
        /* the link's text in its place, taken from its directory */
        while (n && cur[n - 1] != '/') n--;
        if (n) n--;
        if (t[0] == '/') n = 0;
        cur[n] = 0;
        r = arena_printf(a, "%s/%s", t, r);
    }
    return n ? arena_strdup(a, cur) : "/";
}

/* path, when the plan lets the command write or make it */
static void watch_one(above_watch *w, arena *a, const ll_plan *plan, const char *path)
{
    sb_request q;
    memset(&q, 0, sizeof q);
    q.kind = OBJ_PATH;
    struct stat st;
    q.op = op_lookup(lstat(path, &st) == 0 && !S_ISDIR(st.st_mode) ? "file-write-data" : "file-write-create", NULL);
    q.obj = path;
    q.len = strlen(path);
    const char *why;
    if (ll_plan_decide(plan, &q, path, a, &why) == 0) runner_above_add(w, path);
}

static void watch(above_watch *w, arena *a, const ll_plan *plan, const char *path)
{
    watch_one(w, a, plan, path);
    /* through a link (.env -> .env.development, or a directory on the
     * way): direnv reads what it leads to, which the command may change or,
     * when the link dangles (.env -> .env.local, git-ignored), make without
     * touching the link */
    const char *to = follow(a, path);
    if (to && strcmp(to, path)) watch_one(w, a, plan, to);
}

static void read_envrc(above_watch *w, arena *a, const ll_plan *plan, const char *file, const char *dir, int depth)
{
    FILE *f = fopen(file, "r");
    if (!f) return;
    char *buf = arena_alloc(a, ENVRC_MAX + 1);
    size_t got = fread(buf, 1, ENVRC_MAX, f);
    fclose(f);
    buf[got] = 0;
    for (char *line = buf; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl) *nl = 0;
        const char *s = line;
        while (*s) {
            int end;
            const char *cmd;
            /* a command's first word, past the shell's keywords */
            do cmd = word(a, &s, &end);
            while (cmd && (!strcmp(cmd, "if") || !strcmp(cmd, "then") || !strcmp(cmd, "else") || !strcmp(cmd, "elif") ||
                           !strcmp(cmd, "do") || !strcmp(cmd, "!") || !strcmp(cmd, "{") || !strcmp(cmd, "(")));
            if (!cmd) {
                if (!end || !*s || *s == '#') break;
                continue;
            }
            const char *arg = word(a, &s, &end), *arg2 = arg ? word(a, &s, &end) : NULL;
            const loader *l = NULL;
            for (size_t i = 0; i < sizeof loaders / sizeof *loaders; i++)
                if (!strcmp(cmd, loaders[i].cmd)) l = &loaders[i];
            const char *t = NULL;
            if (l) t = arg && arg[0] != '-' && arg[0] != '$' ? arg : l->dflt;
            else if (!strcmp(cmd, "use") && arg && !strcmp(arg, "flake")) {
                const char *at = arg2 && arg2[0] != '-' && arg2[0] != '$' && !strchr(arg2, '#') ? arg2 : ".";
                if (!strchr(at, ':')) {
                    watch(w, a, plan, resolve(a, resolve(a, dir, at), "flake.nix"));
                    watch(w, a, plan, resolve(a, resolve(a, dir, at), "flake.lock"));
                }
            } else if (!strcmp(cmd, "use") && arg && !strcmp(arg, "nix")) {
                watch(w, a, plan, resolve(a, dir, "shell.nix"));
                watch(w, a, plan, resolve(a, dir, "default.nix"));
            } else if (strchr(cmd, '/') && cmd[0] != '$')
                t = cmd;                        /* a script it runs by path */
            if (t) {
                const char *path = resolve(a, dir, t);
                struct stat st;
                /* source_env DIR loads DIR/.envrc */
                if (l && l->sources && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) path = resolve(a, path, ".envrc");
                watch(w, a, plan, path);
                if (l && l->sources && depth < ENVRC_DEPTH) {
                    char *copy = arena_strdup(a, path);
                    char *slash = strrchr(copy, '/');
                    if (slash && slash != copy) *slash = 0;
                    read_envrc(w, a, plan, path, copy, depth + 1);
                }
            }
            /* the rest of this command */
            while (!end && word(a, &s, &end)) {}
        }
        line = nl ? nl + 1 : NULL;
    }
}

void runner_direnv_begin(above_watch *w, arena *a, const ll_plan *plan, const char *cwd)
{
    memset(w, 0, sizeof *w);
    const char *envrc = resolve(a, cwd, ".envrc");
    struct stat st;
    if (lstat(envrc, &st) != 0 || !S_ISREG(st.st_mode)) return;
    read_envrc(w, a, plan, envrc, cwd, 0);
}

void runner_direnv_say(const above_watch *w, diag_sink *sink, int exit_status)
{
    for (size_t j = 0; j < w->nfound; j++) {
        const above_entry *e = &w->v[w->found[j]];
        if (e->err)
            run_say(sink, SEV_ERROR, "%s cannot be looked at after the run (%s): the project's .envrc loads it, and "
                                     "direnv runs it in your shell at the next cd into the project; look at it before "
                                     "entering the project again (the command exited %d)",
                    e->path, strerror(e->err), exit_status);
        else
            run_say(sink, SEV_ERROR, "%s %s: the project's .envrc loads it, and direnv runs or exports it in your "
                                     "shell at the next cd into the project, outside any sandbox (its allow covers "
                                     ".envrc alone); look at it before entering the project again (the command "
                                     "exited %d)", e->path,
                    e->had ? "changed during the run" : "exists after the run: it did not exist when the command "
                                                         "started", exit_status);
    }
}
