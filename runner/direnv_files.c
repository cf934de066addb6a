/* direnv_files.c - the files a project's .envrc loads (direnv_files.h).
 * direnv runs .envrc in the user's shell at each `cd` into the project,
 * once the user has allowed it, and its allow covers .envrc alone (its
 * content): the files .envrc loads (dotenv's .env, exported into the
 * shell: BASH_ENV, LD_PRELOAD, PATH; source_env's .envrc.local and a
 * sourced script, run there; use flake's flake.nix, whose shellHook runs
 * there; a script run with bash or python) run whatever they say now.  No
 * list of shell idioms is complete, so the rule is about words: each word
 * of an .envrc direnv would load (the working directory's, each one above
 * it, each one beneath it the user has allowed, each one direnv's
 * configuration trusts) that names a file, there or not yet (the parent
 * directory there), is watched, and the shell code it sources is read the
 * same way (four deep), and so are the NAME=value lines of a dotenv file
 * it loads (direnv exports them as its own); the directories it and
 * direnv's layouts put first in PATH are kept, and a program it runs by
 * name from one is watched.  Each such file the plan lets the command write is
 * looked at after the run like the tools' files above the project
 * (above_names.c): made or changed during the run, it fails the run and is
 * remembered.  A word the shell builds (a variable, a command's output)
 * cannot be followed: the first one in a loading place is said once. */
#define _GNU_SOURCE
#include "direnv_files.h"
#include "direnv_config.h"
#include "env_files.h"
#include "nested_repos.h"
#include "option_file.h"
#include "path_text.h"
#include "run_profile.h"
#include "text_file.h"
#include <ctype.h>
#include <dirent.h>
#include <fnmatch.h>
#include <glob.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { ENVRC_MAX = 1 << 16, ENVRC_DEPTH = 4, LAYOUT_MAX = 4096, WORDS_MAX = 1024, BRACES_MAX = 1024 };

/* the commands of direnv's standard library and the shell that load a
 * file, and the file each loads by default (NULL: none) */
typedef struct loader {
    const char *cmd;
    const char *dflt;
    int sources;                  /* bash code: what it names is read too */
    int envrc;                    /* a directory given: its .envrc */
    int values;                   /* NAME=value lines direnv exports: read as an .envrc's assignments */
} loader;
static const loader loaders[] = {
    { .cmd = "dotenv", .dflt = ".env", .values = 1 },
    { .cmd = "dotenv_if_exists", .dflt = ".env", .values = 1 },
    { .cmd = "source_env", .sources = 1, .envrc = 1 },
    { .cmd = "source_env_if_exists", .sources = 1, .envrc = 1 },
    { .cmd = "source", .sources = 1 },
    { .cmd = ".", .sources = 1 },
    { .cmd = "eval", .sources = 1 },
    { .cmd = "bash", .sources = 1 },
    { .cmd = "sh", .sources = 1 },
    { .cmd = "zsh", .sources = 1 },
    { .cmd = "dash", .sources = 1 },
    { .cmd = "ksh", .sources = 1 },
};

/* direnv's `use` and the files each takes from the project by default */
typedef struct use_files {
    const char *what;
    const char *files[4];
    int cached;                   /* nix-direnv: the environment it evaluated, kept in direnv's layout directory */
} use_files;
static const use_files uses[] = {
    { .what = "flake", .files = { "flake.nix", "flake.lock" }, .cached = 1 },
    { .what = "nix", .files = { "shell.nix", "default.nix" }, .cached = 1 },
    { .what = "devenv", .files = { "devenv.nix", "devenv.yaml", "devenv.lock", "devenv.local.nix" }, .cached = 1 },
    { .what = "guix", .files = { "manifest.scm", "guix.scm" } },
};

/* the tools whose output .envrc evaluates (eval "$(devbox generate
 * direnv --print-envrc)"), and the files of the project each evaluates:
 * their hooks run in the shell at each cd */
static const use_files printers[] = {
    { .what = "devbox", .files = { "devbox.json", "devbox.lock" } },
    { .what = "lorri", .files = { "shell.nix", "default.nix" } },
    { .what = "flox", .files = { ".flox/env/manifest.toml", ".flox/env/manifest.lock" } },
    { .what = "devenv", .files = { "devenv.nix", "devenv.yaml", "devenv.lock", "devenv.local.nix" } },
    { .what = "nix", .files = { "flake.nix", "flake.lock", "shell.nix", "default.nix" } },
};

/* direnv's layouts and the directories each puts first in PATH: beneath
 * the .envrc's directory, or ("@/") beneath direnv's layout directory;
 * one named with a '*' (layout python's python-VERSION) is each there
 * now, and an entry made in the layout directory fails the run, since the
 * version is known only when direnv runs (layout ruby's ruby-VERSION, for
 * a rubygems older than 2.2, is not taken: a gem install would make its
 * .direnv/ruby there) */
typedef struct layout_bins {
    const char *what;
    const char *bins[3];
} layout_bins;
static const layout_bins layouts[] = {
    { .what = "node", .bins = { "node_modules/.bin" } },
    { .what = "php", .bins = { "vendor/bin" } },
    { .what = "go", .bins = { "@/go/bin" } },
    { .what = "perl", .bins = { "@/perl5/bin" } },
    { .what = "ruby", .bins = { "@/ruby/bin", "@/bin" } },
    { .what = "python", .bins = { "@/python-*/bin", "@/virtualenv/bin" } },
    { .what = "python2", .bins = { "@/python-*/bin" } },
    { .what = "python3", .bins = { "@/python-*/bin" } },
    { .what = "pyenv", .bins = { "@/python-*/bin" } },
    { .what = "pipenv", .bins = { ".venv/bin" } },
    { .what = "poetry", .bins = { ".venv/bin" } },
    { .what = "pdm", .bins = { ".venv/bin" } },
    { .what = "uv", .bins = { ".venv/bin" } },
};

/* the shell's builtins and keywords, and direnv's functions, which a
 * PATH directory cannot shadow */
static const char *const builtins[] = { "use", "layout", "has", "PATH_add", "path_add", "source_up",
                                        "source_up_if_exists", "strict_env", "log_status", "log_error", "export",
                                        "unset", "set", "local", "declare", "typeset", "readonly", "echo", "printf",
                                        "test", "[", "[[", "true", "false", ":", "cd", "pwd", "read", "return",
                                        "exit", "shift", "trap", "alias", "type", "hash", "let", "fi", "done",
                                        "esac", "case", "for", "in", "}", ")", "]]", "shopt", "unalias" };

/* words before a command's own name: the shell's keywords and the
 * builtins that run the command after them */
static const char *const prefixes[] = { "if", "then", "else", "elif", "do", "while", "until", "!", "{", "(", "((",
                                        "builtin", "command", "exec", "time", "function" };

/* commands whose words name files direnv only watches for changes */
static const char *const watchers[] = { "watch_file", "watch_dir" };

/* The scan of the .envrc files: where what they name is kept. */
typedef struct scan {
    above_watch *w;
    arena *a;
    const ll_plan *plan;
    direnv_scan *out;
    const char **read;            /* the files read so far */
    size_t nread, capread;
    size_t nwords;                /* the words watched so far */
    size_t nbraces;               /* the words brace expansion made so far */
    const char *layout;           /* direnv's layout directory an .envrc sets (DIRENV_LAYOUT_DIR=...) */
    size_t nbyname;               /* the programs run by name looked for so far */
    const char *laid[16];         /* the directory each of layouts[] was taken in last */
    const char *cached;           /* the layout directory layout_cache took last */
} scan;
_Static_assert(sizeof layouts / sizeof *layouts <= sizeof ((scan *)0)->laid / sizeof *((scan *)0)->laid,
               "one laid per layout");

static int in_list(const char *w, const char *const *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(w, v[i])) return 1;
    return 0;
}

/* The variables whose value a program runs or loads: those
 * env_files.c's table names (BASH_ENV, PAGER, PYTHONPATH, CC), and
 * direnv's own rule by the start or end of the name (RUSTC_WRAPPER,
 * AIDER_LINT_CMD, GIT_CONFIG_GLOBAL, CARGO_HOME, LD_LIBRARY_PATH); the
 * value of another environment variable (FLASK_APP=app/main.py,
 * DATABASE_URL=sqlite:db.sqlite3, DATA_PATH=db/data.csv) is the project's
 * data, which the command may change; a shell's own (lower case:
 * f=.env.local; dotenv "$f") may name what a loader takes, and counts. */
static const char *const code_var_ends[] = { "_CMD", "_COMMAND", "_HOOK", "_HOOKS", "_WRAPPER", "_EDITOR", "_PAGER",
                                             "_ASKPASS", "_CONFIG", "_CONFIG_PATH", "_CONFIG_FILE", "_CONFIG_HOME",
                                             "_CONFIG_DIR", "_CONFIG_GLOBAL", "_CONFIG_SYSTEM", "_RC", "_RCFILE",
                                             "_OPTIONS", "_OPTS", "_SHELL", "_PRELOAD", "_STARTUP", "_HOME", "_ENV",
                                             "STARTUP", "_CONF", "_CONF_FILE", "_CONF_DIR", "_PROFILE" };
/* (and a name that configures an interpreter or a build tool: its
 * settings are where it takes its code from, PYTHONHOME, RUBYOPT,
 * PERL5DB, OPENSSL_MODULES, GRADLE_USER_HOME) */
static const char *const code_var_starts[] = { "LD_", "DYLD_", "GIT_", "NPM_CONFIG_", "npm_config_", "PYTHON",
                                               "PERL5", "RUBY", "NODE_", "JAVA_", "_JAVA_", "JDK_", "OPENSSL_",
                                               "GCONV_", "CARGO_", "RUSTUP_", "GRADLE_", "MAVEN_", "GEM_",
                                               "BUNDLE_", "YARN_", "MISE_", "ASDF_" };

static int code_var(const char *name)
{
    if (runner_env_var_runs(name)) return 1;
    for (size_t i = 0; i < sizeof code_var_starts / sizeof *code_var_starts; i++)
        if (!strncmp(name, code_var_starts[i], strlen(code_var_starts[i]))) return 1;
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof code_var_ends / sizeof *code_var_ends; i++) {
        size_t e = strlen(code_var_ends[i]);
        if (n >= e && !strcmp(name + n - e, code_var_ends[i])) return 1;
    }
    return 0;
}

/* dir/w, or w when absolute (in a) */
static const char *resolve(arena *a, const char *dir, const char *w)
{
    while (w[0] == '.' && w[1] == '/') w += 2;
    if (!strcmp(w, ".") || !*w) return dir;
    return w[0] == '/' ? w : arena_printf(a, "%s/%s", strcmp(dir, "/") ? dir : "", w);
}

/* the directory of path (in a) */
static const char *dir_of(arena *a, const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash && slash != path ? arena_strndup(a, path, (size_t)(slash - path)) : "/";
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
    const char *to = runner_path_follow(a, path);
    if (to && strcmp(to, path)) watch_one(w, a, plan, to);
}

/* a directory each entry of which a program takes (PYTHONHOME's
 * lib/python3.11: a sitecustomize.py made there), where the plan lets the
 * command make one: each entry made, replaced or written is named, not
 * the directory (a directory replaced whole has every entry another) */
static void watch_dir_whole(above_watch *w, arena *a, const ll_plan *plan, const char *dir)
{
    sb_request q;
    memset(&q, 0, sizeof q);
    q.kind = OBJ_PATH;
    q.op = op_lookup("file-write-create", NULL);
    const char *probe = arena_printf(a, "%s/buckle-new-entry-%ld", strcmp(dir, "/") ? dir : "", (long)getpid());
    q.obj = probe;
    q.len = strlen(probe);
    const char *why;
    if (ll_plan_decide(plan, &q, probe, a, &why) == 0) runner_above_add_dir(w, dir);
}

/* The path a word of an .envrc in dir names, or NULL: punctuation of a
 * redirection or a command's output taken off (`<(cat f)`, `"$(cat f)"`,
 * `>f`), and $PWD, ${PWD}, $(pwd) and ~+ put in; *built set when what is left
 * is made by the shell (a variable, a command's output). */
static const char *word_path(arena *a, const char *dir, const char *wd, int *built)
{
    for (;;) {
        if (!strncmp(wd, "$PWD", 4) && (wd[4] == '/' || !wd[4])) return resolve(a, dir, wd[4] ? wd + 5 : ".");
        if (!strncmp(wd, "${PWD}", 6) && (wd[6] == '/' || !wd[6])) return resolve(a, dir, wd[6] ? wd + 7 : ".");
        if (!strncmp(wd, "$(pwd)", 6) && (wd[6] == '/' || !wd[6])) return resolve(a, dir, wd[6] ? wd + 7 : ".");
        if (!strncmp(wd, "~+", 2) && (wd[2] == '/' || !wd[2])) return resolve(a, dir, wd[2] ? wd + 3 : ".");
        if (wd[0] == '$' && wd[1] == '(') wd += 2;
        else if (wd[0] && strchr("<>(`", wd[0])) wd++;
        else if (isdigit((unsigned char)wd[0]) && wd[1] == '>') wd += 2;
        else break;
    }
    size_t n = strlen(wd);
    /* a name the kernel refuses to open (PATH_MAX bytes or more, or a
     * part of more than NAME_MAX): no shell loads a file by it */
    if (n >= PATH_MAX) return NULL;
    for (const char *c = wd; *c; c += strspn(c, "/")) {
        size_t part = strcspn(c, "/");
        if (part > NAME_MAX) return NULL;
        c += part;
    }
    while (n && (wd[n - 1] == ')' || wd[n - 1] == '`' || wd[n - 1] == '}')) n--;
    wd = arena_strndup(a, wd, n);
    if (strchr(wd, '$') || strchr(wd, '`')) {
        *built = 1;
        return NULL;
    }
    int named = 0;
    for (const char *c = wd; *c && !named; c++) named = isalnum((unsigned char)*c);
    if (!named || wd[0] == '-' || wd[0] == '~' || strpbrk(wd, "*?[=") || strstr(wd, "://")) return NULL;
    return resolve(a, dir, wd);
}

static void read_file(scan *sc, const char *file, const char *dir, int depth);

static void add_path_dir(scan *sc, const char *p)
{
    sc->out->path_dirs = arena_grow(sc->a, sc->out->path_dirs, sc->out->npath, sc->out->cappath,
                                    sizeof *sc->out->path_dirs);
    sc->out->cappath = arena_grow_cap(sc->out->npath, sc->out->cappath);
    sc->out->path_dirs[sc->out->npath++] = p;
}

/* direnv's layout directories: .direnv, or $DIRENV_LAYOUT_DIR, and the
 * one an .envrc sets before its use or layout (export
 * DIRENV_LAYOUT_DIR=$PWD/.cache/direnv, direnv_layout_dir=...) */
static size_t layout_dirs(scan *sc, const char *dir, const char *out[2])
{
    const char *l = getenv("DIRENV_LAYOUT_DIR");
    size_t n = 0;
    out[n++] = l && l[0] == '/' ? l : resolve(sc->a, dir, ".direnv");
    if (sc->layout && strcmp(sc->layout, out[0])) out[n++] = sc->layout;
    return n;
}

/* each file in directory d (not a directory), watched */
static void watch_files_in(scan *sc, const char *d)
{
    DIR *dp = opendir(d);
    if (!dp) return;
    struct dirent *e;
    for (size_t k = 0; k < LAYOUT_MAX && (e = readdir(dp)); k++) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        const char *p = resolve(sc->a, d, e->d_name);
        struct stat st;
        if (lstat(p, &st) == 0 && !S_ISDIR(st.st_mode)) watch(sc->w, sc->a, sc->plan, p);
    }
    closedir(dp);
}

/* nix-direnv keeps the environment use flake and use nix evaluated in
 * direnv's layout directory and evals it at each cd while it is newer
 * than the files it came from (flake-profile-*.rc), and puts its bin
 * first in PATH, with its own programs (nix-direnv-reload, run by name):
 * the directory (an entry made or removed), each file there and in its
 * bin, and its bin as a PATH directory */
static void layout_cache(scan *sc, const char *dir)
{
    const char *lds[2];
    size_t n = layout_dirs(sc, dir, lds);
    if (sc->cached && !strcmp(sc->cached, lds[n - 1])) return;
    sc->cached = lds[n - 1];
    for (size_t i = 0; i < n; i++) {
        const char *ld = lds[i];
        watch(sc->w, sc->a, sc->plan, ld);
        add_path_dir(sc, resolve(sc->a, ld, "bin"));
        watch_files_in(sc, ld);
        watch_files_in(sc, resolve(sc->a, ld, "bin"));
    }
}

/* layout WHAT: the directories it puts first in PATH */
static void layout_path(scan *sc, const layout_bins *lb, const char *dir)
{
    arena *a = sc->a;
    const char *lds[2];
    size_t n = layout_dirs(sc, dir, lds);
    for (size_t k = 0; k < sizeof lb->bins / sizeof *lb->bins && lb->bins[k]; k++) {
        const char *b = lb->bins[k];
        if (strncmp(b, "@/", 2)) {
            add_path_dir(sc, resolve(a, dir, b));
            continue;
        }
        for (size_t i = 0; i < n; i++) {
            const char *star = strchr(b + 2, '*');
            if (!star) {
                add_path_dir(sc, resolve(a, lds[i], b + 2));
                continue;
            }
            /* python-*: each there now; a new one fails the run */
            watch(sc->w, a, sc->plan, lds[i]);
            const char *slash = strchr(star, '/');
            const char *pat = arena_strndup(a, b + 2, (size_t)((slash ? slash : star + strlen(star)) - (b + 2)));
            DIR *d = opendir(lds[i]);
            if (!d) continue;
            struct dirent *e;
            for (size_t m = 0; m < LAYOUT_MAX && (e = readdir(d)); m++)
                if (e->d_name[0] != '.' && fnmatch(pat, e->d_name, 0) == 0)
                    add_path_dir(sc, arena_printf(a, "%s/%s%s", lds[i], e->d_name, slash ? slash : ""));
            closedir(d);
        }
    }
}

/* brace expansion (.envrc.{local,private}): the first {a,b,...} of wd
 * (not a ${...}); NULL when there is none.  *range set for what is not
 * expanded here: a sequence ({1..3}), braces in braces */
static const char *brace_open(const char *wd, const char **close, int *range)
{
    *range = 0;
    for (const char *c = wd; *c; c++) {
        if (*c != '{' || (c > wd && c[-1] == '$')) continue;
        const char *e = c + 1 + strcspn(c + 1, "{}");
        if (*e != '}') {
            *range = *e == '{';
            return NULL;
        }
        const char *comma = memchr(c + 1, ',', (size_t)(e - c - 1));
        if (!comma) {
            const char *dots = strstr(c + 1, "..");
            if (dots && dots < e) *range = 1;
            if (*range) return NULL;
            c = e;
            continue;
        }
        *close = e;
        return c;
    }
    return NULL;
}

/* One word of a command: the file it names watched, and read in turn as
 * shell code when the command sources what it names; a PATH directory
 * kept. */
static void take(scan *sc, const char *file, int lineno, const char *cmd, const loader *l, const char *key,
                 const char *wd, const char *dir, int depth)
{
    arena *a = sc->a;
    int built = 0;
    const char *close = NULL;
    const char *open = brace_open(wd, &close, &built);
    /* (each word made counted as it is made, so that {a,b}{a,b}... stops
     * at BRACES_MAX; a word of PATH_MAX bytes names nothing) */
    if (open && strlen(wd) < PATH_MAX) {
        for (const char *alt = open + 1; alt <= close && !built;) {
            if (++sc->nbraces > BRACES_MAX) {
                built = 1;
                break;
            }
            size_t n = strcspn(alt, ",}");
            take(sc, file, lineno, cmd, l, key, arena_printf(a, "%.*s%.*s%s", (int)(open - wd), wd, (int)n, alt, close + 1),
                 dir, depth);
            alt += n + 1;
        }
        if (!built) return;
    }
    const char *p = built ? NULL : word_path(a, dir, wd, &built);
    /* what a command prints (eval "$(tool hook)", source <(tool)) */
    if (l && (!strncmp(wd, "$(", 2) || !strncmp(wd, "<(", 2) || wd[0] == '`')) built = 1;
    if (built && l && !sc->out->unread) sc->out->unread = arena_printf(a, "%s:%d: %s %s", file, lineno, cmd, wd);
    if (!p) return;
    struct stat st;
    int there = stat(p, &st) == 0;
    if (key && !strcmp(key, "PATH") && (!there || S_ISDIR(st.st_mode))) {
        /* as direnv's expand_path cleans it (a/../b is b, a there or
         * not), and as the kernel reaches it */
        const char *clean = runner_path_by_name(a, p);
        add_path_dir(sc, clean);
        if (strcmp(clean, p)) add_path_dir(sc, p);
        return;
    }
    if (there && S_ISDIR(st.st_mode)) {
        /* a directory a program takes its start-up files from
         * (PYTHONPATH=src: src/sitecustomize.py, src/usercustomize.py) */
        const char *probe;
        for (size_t k = 0; key && (probe = runner_env_var_probe(key, k)) != NULL; k++) {
            /* (PYTHONHOME's lib/python3*: each file there now; one
             * ending in '/', each directory it matches watched whole) */
            glob_t g;
            size_t pl = strlen(probe);
            int whole = pl > 1 && probe[pl - 1] == '/';
            if (!strchr(probe, '*') && !whole) watch(sc->w, a, sc->plan, resolve(a, p, probe));
            else if (glob(resolve(a, p, probe), 0, NULL, &g) == 0) {
                for (size_t m = 0; m < g.gl_pathc && m < LAYOUT_MAX; m++) {
                    const char *hit = g.gl_pathv[m];
                    size_t hl = strlen(hit);
                    while (hl > 1 && hit[hl - 1] == '/') hl--;
                    if (whole) watch_dir_whole(sc->w, a, sc->plan, arena_strndup(a, hit, hl));
                    else watch(sc->w, a, sc->plan, arena_strndup(a, hit, hl));
                }
                globfree(&g);
            }
        }
        if (!l || !l->envrc) return;
        p = resolve(a, p, ".envrc");      /* source_env DIR loads DIR/.envrc */
        there = stat(p, &st) == 0;
    }
    /* a name that can be made: its directory is there (a loader's file
     * is watched wherever it is) */
    if (!there && !l) {
        struct stat ds;
        if (stat(dir_of(a, p), &ds) != 0 || !S_ISDIR(ds.st_mode)) return;
    }
    if (!l && ++sc->nwords > WORDS_MAX) return;
    watch(sc->w, a, sc->plan, p);
    /* source_env runs the file in its own directory; bash, source and
     * eval in the current one; dotenv's NAME=value lines are exported
     * just as the .envrc's own (NODE_OPTIONS="--require ./tracing.js",
     * PATH=bin:...), their values used from the .envrc's directory */
    if (l && (l->sources || l->values) && there && S_ISREG(st.st_mode) && depth < ENVRC_DEPTH)
        read_file(sc, p, l->envrc ? dir_of(a, p) : dir, depth + 1);
}

/* Every command of a file of shell code in dir. */
static void read_file(scan *sc, const char *file, const char *dir, int depth)
{
    arena *a = sc->a;
    for (size_t i = 0; i < sc->nread; i++)
        if (!strcmp(sc->read[i], file)) return;
    sc->read = arena_grow(a, sc->read, sc->nread, sc->capread, sizeof *sc->read);
    sc->capread = arena_grow_cap(sc->nread, sc->capread);
    sc->read[sc->nread++] = file;
    char *buf = runner_read_text(a, file, ENVRC_MAX);
    if (!buf) return;
    /* a line continued (source \ NL file): one line, its number the first's */
    for (char *c = buf; (c = strstr(c, "\\\n"));) c[0] = c[1] = ' ';
    int lineno = 0;
    for (char *line = buf; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl) *nl = 0;
        lineno++;
        const char *s = line;
        while (*s) {
            int end;
            const char *cmd;
            /* a command's first word, past the shell's keywords, a
             * function's head (`load() {`) and `builtin`/`command` */
            do {
                cmd = word(a, &s, &end);
                if (cmd && !strcmp(cmd, "function")) word(a, &s, &end);
            } while (cmd && (in_list(cmd, prefixes, sizeof prefixes / sizeof *prefixes) ||
                             (strlen(cmd) > 2 && !strcmp(cmd + strlen(cmd) - 2, "()"))));
            if (!cmd) {
                if (!end || !*s || *s == '#') break;
                continue;
            }
            const loader *l = NULL;
            for (size_t i = 0; i < sizeof loaders / sizeof *loaders; i++)
                if (!strcmp(cmd, loaders[i].cmd)) l = &loaders[i];
            const char *words[64];
            size_t nw = 0;
            const char *wd;
            /* an assignment before the command (f=.env.x; BASH_ENV=./x.sh cmd) is a word of it */
            size_t ckl = strspn(cmd, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");
            if (ckl && cmd[ckl] == '=') {
                words[nw++] = cmd;
                cmd = "";
            }
            while (!end && (wd = word(a, &s, &end)))
                if (nw < sizeof words / sizeof *words) words[nw++] = wd;
            const char *arg = nw ? words[0] : NULL, *arg2 = nw > 1 ? words[1] : NULL;
            if (in_list(cmd, watchers, sizeof watchers / sizeof *watchers)) continue;
            if (l && l->dflt && (!arg || arg[0] == '-')) take(sc, file, lineno, cmd, l, NULL, l->dflt, dir, depth);
            /* use flake [DIR], use nix, use devenv (use_flake ...): the
             * files they take by default, in the directory named */
            const char *use = !strcmp(cmd, "use") ? arg : !strncmp(cmd, "use_", 4) ? cmd + 4 : NULL;
            for (size_t u = 0; use && u < sizeof uses / sizeof *uses; u++) {
                if (strcmp(use, uses[u].what)) continue;
                const char *at = cmd[3] == '_' ? arg : arg2;
                if (at && !strncmp(at, "path:", 5)) at += 5;
                if (!at || at[0] == '-' || at[0] == '$' || strchr(at, '#') || strchr(at, ':')) at = ".";
                const char *base = resolve(a, dir, at);
                struct stat bs;
                if (stat(base, &bs) != 0 || !S_ISDIR(bs.st_mode)) base = dir;
                for (size_t k = 0; k < sizeof uses[u].files / sizeof *uses[u].files && uses[u].files[k]; k++)
                    watch(sc->w, a, sc->plan, resolve(a, base, uses[u].files[k]));
                if (uses[u].cached) layout_cache(sc, dir);
            }
            /* the directories direnv puts first in PATH */
            if (!strcmp(cmd, "PATH_add") || (!strcmp(cmd, "path_add") && arg && !strcmp(arg, "PATH"))) {
                for (size_t i = !strcmp(cmd, "path_add"); i < nw; i++)
                    take(sc, file, lineno, cmd, NULL, "PATH", words[i], dir, depth);
                continue;
            }
            const char *lay = !strcmp(cmd, "layout") ? arg : !strncmp(cmd, "layout_", 7) ? cmd + 7 : NULL;
            /* layout anaconda ./env (a prefix, not a name): its bin */
            const char *prefix = !lay || strcmp(lay, "anaconda") ? NULL : cmd[6] == '_' ? arg : arg2;
            if (prefix && (prefix[0] == '.' || prefix[0] == '/'))
                take(sc, file, lineno, cmd, NULL, "PATH", arena_printf(a, "%s/bin", prefix), dir, depth);
            /* load_prefix DIR: DIR/bin first in PATH, DIR/lib first in
             * LD_LIBRARY_PATH (an entry made or removed there) */
            if (!strcmp(cmd, "load_prefix") && arg) {
                int built = 0;
                const char *pre = word_path(a, dir, arg, &built);
                if (pre) {
                    take(sc, file, lineno, cmd, NULL, "PATH", resolve(a, pre, "bin"), dir, depth);
                    watch(sc->w, a, sc->plan, resolve(a, pre, "lib"));
                }
            }
            /* layout python3 (layout_python3): its PATH directories */
            for (size_t u = 0; lay && u < sizeof layouts / sizeof *layouts; u++)
                if (!strcmp(lay, layouts[u].what) && (!sc->laid[u] || strcmp(sc->laid[u], dir))) {
                    sc->laid[u] = dir;
                    layout_path(sc, &layouts[u], dir);
                }
            /* a program run by name from a PATH directory an .envrc put
             * first (PATH_add scripts; setup.sh): the one there, or one
             * made there, as a script run by its path */
            static const loader by_path = { .cmd = "", .sources = 1 };
            if (*cmd && !strchr(cmd, '/') && !l && !in_list(cmd, builtins, sizeof builtins / sizeof *builtins))
                for (size_t i = 0; i < sc->out->npath && ++sc->nbyname <= WORDS_MAX; i++) {
                    const char *pd = sc->out->path_dirs[i];
                    struct stat ps;
                    if (pd[0] != '/' || stat(pd, &ps) != 0 || !S_ISDIR(ps.st_mode)) continue;
                    const char *prog = resolve(a, pd, cmd);
                    take(sc, file, lineno, cmd, &by_path, NULL, prog, dir, depth);
                    if (access(prog, X_OK) == 0) break;
                }
            /* a script run by path, as shell code */
            if (strchr(cmd, '/')) take(sc, file, lineno, cmd, &by_path, NULL, cmd, dir, depth);
            /* what a tool prints, evaluated: the files it reads */
            for (size_t i = 0; i < nw; i++) {
                const char *t = words[i];
                if (strncmp(t, "$(", 2) && strncmp(t, "<(", 2) && t[0] != '`') continue;
                t += t[0] == '`' ? 1 : 2;
                for (size_t u = 0; u < sizeof printers / sizeof *printers; u++)
                    if (!strcmp(t, printers[u].what))
                        for (size_t k = 0; k < sizeof printers[u].files / sizeof *printers[u].files &&
                                           printers[u].files[k]; k++)
                            watch(sc->w, a, sc->plan, resolve(a, dir, printers[u].files[k]));
            }
            /* and every word (but the name use and layout take) */
            for (size_t i = !strcmp(cmd, "use") || !strcmp(cmd, "layout"); i < nw; i++) {
                const char *key = NULL, *v = words[i], *f[OPTION_FILES_MAX];
                const char *eq = strchr(v, '=');
                size_t kl = strspn(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");
                size_t nf;
                if (eq && kl && v + kl == eq && !isdigit((unsigned char)v[0])) {
                    key = arena_strndup(a, v, (size_t)(eq - v));
                    nf = runner_option_files(a, eq + 1, f);
                    v = f[0];
                    int built = 0;
                    const char *ld = !strcmp(key, "DIRENV_LAYOUT_DIR") || !strcmp(key, "direnv_layout_dir")
                                         ? word_path(a, dir, v, &built) : NULL;
                    if (ld) sc->layout = ld;
                    /* an environment variable (upper case) that no program runs the value of */
                    if (strcmp(key, "PATH") && !strpbrk(key, "abcdefghijklmnopqrstuvwxyz") && !code_var(key))
                        continue;
                } else
                    nf = runner_option_files(a, v, f);    /* --require=./x.js */
                /* a list (PATH=bin:$PATH): each of its parts, of each reading */
                for (size_t r = 0; r < nf; r++)
                    for (const char *part = f[r]; part;) {
                        const char *colon = strstr(part, "://") ? NULL : strchr(part, ':');
                        const char *one = colon ? arena_strndup(a, part, (size_t)(colon - part)) : part;
                        take(sc, file, lineno, cmd, key ? NULL : l, key, one, dir, depth);
                        part = colon ? colon + 1 : NULL;
                    }
            }
        }
        line = nl ? nl + 1 : NULL;
    }
}
void runner_direnv_begin(above_watch *w, direnv_scan *out, arena *a, const ll_plan *plan, const char *cwd,
                         const char *home, const char *const *nested, size_t nnested)
{
    memset(w, 0, sizeof *w);
    runner_direnv_free(out);
    memset(out, 0, sizeof *out);
    scan sc = { .w = w, .a = a, .plan = plan, .out = out };
    direnv_conf c;
    runner_direnv_conf(a, home, &c);
    /* the working directory's .envrc and each one above it: direnv loads
     * the nearest, source_up the ones above.  Each is watched itself:
     * direnv keeps every allow it gave (by path and content), so the
     * command that puts back a version allowed earlier (git show
     * HEAD~1:.envrc), which may load other files than this one, has it
     * run without asking; and one the configuration trusts by name or
     * place is run whatever it says */
    for (const char *dir = cwd;;) {
        const char *envrc = resolve(a, dir, ".envrc");
        struct stat st;
        if (lstat(envrc, &st) == 0 && S_ISREG(st.st_mode)) {
            read_file(&sc, envrc, dir, 0);
            watch(w, a, plan, envrc);
        }
        for (size_t i = 0; i < c.nprefix; i++)
            if (runner_path_within(dir, c.prefix[i])) watch(w, a, plan, envrc);
        if (!strcmp(dir, "/")) break;
        dir = dir_of(a, dir);
    }
    for (size_t i = 0; i < c.nexact; i++) {
        const char *x = c.exact[i];
        struct stat st;
        if (x[0] != '/') continue;
        if (stat(x, &st) == 0 && S_ISDIR(st.st_mode)) x = resolve(a, x, ".envrc");
        watch(w, a, plan, x);
        read_file(&sc, x, dir_of(a, x), 0);
    }
    /* the ones beneath it: each the walk met (allowed or not yet), and
     * each the user has allowed */
    for (size_t i = 0; i < nnested; i++) {
        struct stat st;
        /* (one a package brings along, which an install replaces, is no
         * one's to allow: one in node_modules is taken only when allowed) */
        if (strstr(nested[i], "/node_modules/")) continue;
        if (lstat(nested[i], &st) == 0 && S_ISREG(st.st_mode)) {
            read_file(&sc, nested[i], dir_of(a, nested[i]), 0);
            watch(w, a, plan, nested[i]);
        }
    }
    /* (an allowed one that is not there now: made again with the content
     * allowed, direnv runs it) */
    size_t n;
    const char **allowed = runner_direnv_allowed(a, home, cwd, &n);
    for (size_t i = 0; i < n; i++) {
        read_file(&sc, allowed[i], dir_of(a, allowed[i]), 0);
        watch(w, a, plan, allowed[i]);
    }
    /* the .env files oh-my-zsh's dotenv plugin loads */
    const char **dotenvs = runner_zsh_dotenvs(a, home, &n);
    for (size_t i = 0; i < n; i++) {
        size_t before = w->n;
        watch(w, a, plan, dotenvs[i]);
        /* (the plugin sources it: its words count, as an .envrc's) */
        read_file(&sc, dotenvs[i], dir_of(a, dotenvs[i]), 0);
        for (size_t k = before; k < w->n; k++) {
            out->dotenvs = xrealloc(out->dotenvs, (out->ndotenvs + 1) * sizeof *out->dotenvs);
            out->dotenvs[out->ndotenvs++] = k;
        }
    }
}

void runner_direnv_say(const above_watch *w, const direnv_scan *ds, diag_sink *sink, int exit_status)
{
    for (size_t j = 0; j < w->nfound; j++) {
        const above_entry *e = &w->v[w->found[j]];
        int zsh = 0;
        for (size_t i = 0; i < ds->ndotenvs && !zsh; i++) zsh = ds->dotenvs[i] == w->found[j];
        const char *base = strrchr(e->path, '/');
        if (!zsh && !e->err && base && !strcmp(base, "/.envrc"))
            run_say(sink, SEV_ERROR, "%s %s: direnv runs it in your shell at the next cd there, outside any "
                                     "sandbox, without asking when its content is one you allowed before (direnv "
                                     "keeps every allow: an earlier version put back runs, with what it loads); "
                                     "look at it before entering the directory again (the command exited %d)",
                    e->path,
                    e->had ? "changed during the run" : "exists after the run: it did not exist when the command "
                                                         "started", exit_status);
        else if (zsh)
            run_say(sink, SEV_ERROR, "%s %s: oh-my-zsh's dotenv plugin loads it in your shell at the next cd into "
                                     "its directory, which its list allows whatever the file says, outside any "
                                     "sandbox; look at it before entering the directory again (the command exited "
                                     "%d)", e->path,
                    e->had ? "changed during the run" : "exists after the run: it did not exist when the command "
                                                         "started", exit_status);
        else if (e->err)
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

void runner_direnv_free(direnv_scan *ds)
{
    free(ds->dotenvs);
    ds->dotenvs = NULL;
    ds->ndotenvs = 0;
}
