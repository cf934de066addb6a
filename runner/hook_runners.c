/* hook_runners.c - the project files a command of a git hook runs by
 * design (hook_runners.h).  A package runner runs the project's
 * node_modules/.bin/NAME (npx, and the exec of npm, pnpm, yarn and bun:
 * the project's own first) or the scripts of its package.json (npm run,
 * test, start, install and the like; yarn, pnpm and bun run a script or a
 * bin of that name for any command not their own); make runs the
 * Makefile of its directory (-C) or the file -f names; python's -m runs
 * the module from the directory it runs in first. */
#include "hook_runners.h"
#include <ctype.h>
#include <string.h>

#define BIN "node_modules/.bin/"

/* What a package runner's command runs: program, its first argument sub
 * (NULL: one not in quiet, a script's or a bin's name), and whether the
 * next argument (or sub itself, for sub NULL) is a bin, and whether the
 * scripts of package.json run */
typedef struct pkg_runner {
    const char *program, *sub;
    int bin, scripts;
} pkg_runner;

static const pkg_runner runners[] = {
    { "npx", "", 1, 0 },  { "pnpx", "", 1, 0 },  { "bunx", "", 1, 0 },
    { "npm", "exec", 1, 0 }, { "npm", "x", 1, 0 },
    { "npm", "run", 0, 1 }, { "npm", "run-script", 0, 1 }, { "npm", "rum", 0, 1 }, { "npm", "urn", 0, 1 },
    { "npm", "test", 0, 1 }, { "npm", "t", 0, 1 }, { "npm", "tst", 0, 1 }, { "npm", "start", 0, 1 },
    { "npm", "stop", 0, 1 }, { "npm", "restart", 0, 1 }, { "npm", "install", 0, 1 }, { "npm", "i", 0, 1 },
    { "npm", "ci", 0, 1 }, { "npm", "rebuild", 0, 1 }, { "npm", "pack", 0, 1 }, { "npm", "publish", 0, 1 },
    { "pnpm", "exec", 1, 0 }, { "pnpm", "run", 1, 1 }, { "pnpm", NULL, 1, 1 },
    { "yarn", "exec", 1, 0 }, { "yarn", "run", 1, 1 }, { "yarn", NULL, 1, 1 },
    { "bun", "x", 1, 0 }, { "bun", "run", 1, 1 }, { "bun", NULL, 1, 1 },
};
enum { NRUNNERS = sizeof runners / sizeof runners[0] };

/* the commands of yarn, pnpm and bun that run nothing of the project's */
static const char *const quiet[] = { "help", "info", "view", "why", "list", "ls", "outdated", "config", "cache",
                                     "audit", "login", "logout", "whoami", "owner", "search", "store", "bin",
                                     "root", "licenses", "env", "version", "dlx", "create" };

static int is_quiet(const char *s)
{
    if (s[0] == '-') return 1;
    for (size_t i = 0; i < sizeof quiet / sizeof quiet[0]; i++)
        if (!strcmp(s, quiet[i])) return 1;
    return 0;
}

static const char *base_of(const char *w)
{
    const char *b = strrchr(w, '/');
    return b ? b + 1 : w;
}

/* the first argument from i on that is no option ("--" and -p VALUE,
 * --package VALUE of npx left out), or NULL */
static const char *operand(const char *const *w, size_t n, size_t i)
{
    for (; i < n; i++) {
        if (!strcmp(w[i], "-p") || !strcmp(w[i], "--package") || !strcmp(w[i], "-c") || !strcmp(w[i], "--call")) {
            i++;
            continue;
        }
        if (w[i][0] != '-' && w[i][0]) return w[i];
    }
    return NULL;
}

static size_t pkg_runs(arena *a, const char *prog, const char *const *w, size_t n, hook_run out[HOOK_RUNS_MAX])
{
    const char *first = operand(w, n, 1);
    for (size_t i = 0; i < NRUNNERS; i++) {
        const pkg_runner *r = &runners[i];
        if (strcmp(prog, r->program)) continue;
        const char *name = NULL;
        if (r->sub && !r->sub[0]) name = first;                         /* npx NAME */
        else if (r->sub && (!first || strcmp(first, r->sub))) continue;
        else if (r->sub) {
            size_t k = 1;
            while (k < n && strcmp(w[k], r->sub)) k++;
            name = operand(w, n, k + 1);
        } else if (first && is_quiet(first))
            return 0;
        else
            name = first;                                               /* yarn NAME; NULL: yarn (install) */
        size_t m = 0;
        if (r->bin && name && !strchr(name, '/') && strcmp(name, "..") && strcmp(name, "."))
            out[m++] = (hook_run){ .path = arena_printf(a, BIN "%s", name) };
        if (r->scripts) out[m++] = (hook_run){ .path = "package.json" };
        return m;
    }
    return 0;
}

/* make: -C DIR and -f FILE (glued or not), the last of each */
static size_t make_runs(arena *a, const char *const *w, size_t n, hook_run out[HOOK_RUNS_MAX])
{
    const char *dir = NULL, *file = NULL;
    for (size_t i = 1; i < n; i++) {
        const char **to = !strncmp(w[i], "-C", 2) || !strncmp(w[i], "--directory=", 12) ? &dir
                        : !strncmp(w[i], "-f", 2) || !strncmp(w[i], "--file=", 7) || !strncmp(w[i], "--makefile=", 11)
                        ? &file : NULL;
        if (!to) continue;
        const char *eq = w[i][1] == '-' ? strchr(w[i], '=') : NULL;
        if (eq) *to = eq + 1;
        else if (w[i][2]) *to = w[i] + 2;
        else if (i + 1 < n) *to = w[++i];
    }
    const char *d = dir && dir[0] != '/' ? arena_printf(a, "%s/", dir) : "";
    if (file) {
        if (file[0] == '/') return 0;                 /* named as it is: the hook's own reading counts it */
        out[0] = (hook_run){ .path = arena_printf(a, "%s%s", d, file) };
        return 1;
    }
    if (dir && dir[0] == '/') return 0;
    out[0] = (hook_run){ .path = arena_printf(a, "%sGNUmakefile", d), .there_now = 1 };
    out[1] = (hook_run){ .path = arena_printf(a, "%smakefile", d), .there_now = 1 };
    out[2] = (hook_run){ .path = arena_printf(a, "%sMakefile", d) };
    return 3;
}

/* python -m MOD (or -mMOD): MOD.py or MOD/__main__.py of the directory it
 * runs in, when there (sys.path's first entry); the same name elsewhere
 * on sys.path is python's own or an installed one */
static size_t python_runs(arena *a, const char *const *w, size_t n, hook_run out[HOOK_RUNS_MAX])
{
    for (size_t i = 1; i < n; i++) {
        const char *mod = !strcmp(w[i], "-m") && i + 1 < n ? w[i + 1] : !strncmp(w[i], "-m", 2) ? w[i] + 2 : NULL;
        if (!mod && w[i][0] != '-') return 0;         /* a script: the hook's own reading counts it */
        if (!mod || !*mod || strchr(mod, '/')) continue;
        char *p = arena_strdup(a, mod);
        for (char *c = p; *c; c++)
            if (*c == '.') *c = '/';
        out[0] = (hook_run){ .path = arena_printf(a, "%s.py", p), .there_now = 1 };
        out[1] = (hook_run){ .path = arena_printf(a, "%s/__main__.py", p), .there_now = 1 };
        return 2;
    }
    return 0;
}

size_t runner_hook_runs(arena *a, const char *const *w, size_t n, hook_run out[HOOK_RUNS_MAX])
{
    if (!n) return 0;
    const char *prog = base_of(w[0]);
    if (!strcmp(prog, "make") || !strcmp(prog, "gmake")) return make_runs(a, w, n, out);
    if (!strncmp(prog, "python", 6) && (!prog[6] || prog[6] == '3' || prog[6] == '2')) return python_runs(a, w, n, out);
    return pkg_runs(a, prog, w, n, out);
}

/* the programs that run the script their first operand names: 1, a
 * shell (-e is an option like another), 2, one whose -e runs code */
static const struct { const char *name; int kind; } interpreters[] = {
    { "sh", 1 }, { "bash", 1 }, { "dash", 1 }, { "zsh", 1 }, { "ksh", 1 }, { "ash", 1 }, { "mksh", 1 },
    { "fish", 1 }, { ".", 1 }, { "source", 1 }, { "node", 2 }, { "nodejs", 2 }, { "deno", 2 }, { "bun", 2 },
    { "perl", 2 }, { "ruby", 2 }, { "php", 2 }, { "lua", 2 }, { "tclsh", 2 }, { "Rscript", 2 }, { "pwsh", 2 },
};

int runner_hook_interpreter(const char *w)
{
    const char *b = strrchr(w, '/');
    b = b ? b + 1 : w;
    if (!strncmp(b, "python", 6)) {
        for (const char *c = b + 6; *c; c++)
            if (!isdigit((unsigned char)*c) && *c != '.') return 0;
        return 2;
    }
    for (size_t i = 0; i < sizeof interpreters / sizeof interpreters[0]; i++)
        if (!strcmp(b, interpreters[i].name)) return interpreters[i].kind;
    return 0;
}
