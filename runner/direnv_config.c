/* direnv_config.c - what direnv and the shell's dotenv plugins load
 * without looking at it (direnv_config.h): direnv's configuration
 * (direnv.toml's whitelist and load_dotenv), the .envrc files direnv's
 * allow records name, and the directories oh-my-zsh's dotenv plugin
 * allows. */
#define _GNU_SOURCE
#include "direnv_config.h"
#include "nested_repos.h"
#include "path_text.h"
#include "run_profile.h"
#include "text_file.h"
#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

enum { CONF_MAX = 1 << 16, ALLOW_MAX = 4096 };

/* $DIRENV_CONFIG, or $XDG_CONFIG_HOME/direnv, or ~/.config/direnv:
 * direnv.toml, or config.toml.  Its [whitelist] prefix and exact (one
 * line or several, dotted whitelist.prefix too) and load_dotenv. */
void runner_direnv_conf(arena *a, const char *home, direnv_conf *c)
{
    memset(c, 0, sizeof *c);
    const char *dir = getenv("DIRENV_CONFIG"), *x = getenv("XDG_CONFIG_HOME");
    if (!dir || !*dir)
        dir = x && *x == '/' ? arena_printf(a, "%s/direnv", x)
              : home        ? arena_printf(a, "%s/.config/direnv", home)
                            : NULL;
    if (!dir) return;
    const char *text = runner_read_text(a, c->file = arena_printf(a, "%s/direnv.toml", dir), CONF_MAX);
    if (!text) text = runner_read_text(a, c->file = arena_printf(a, "%s/config.toml", dir), CONF_MAX);
    if (!text) {
        c->file = NULL;
        return;
    }
    const char *section = "";
    const char ***list = NULL;
    size_t *n = NULL, *cap = NULL;
    for (const char *p = text; *p;) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
        if (!*p) break;
        if (*p == '#') { p += strcspn(p, "\n"); continue; }
        if (list) {                        /* inside an array */
            if (*p == ']') { list = NULL; p++; continue; }
            if (*p == ',') { p++; continue; }
            if (*p == '"' || *p == '\'') {
                char q = *p++;
                size_t l = strcspn(p, q == '"' ? "\"\n" : "'\n");
                const char *v = arena_strndup(a, p, l);
                p += l + (p[l] == q);
                if (v[0] == '~' && (v[1] == '/' || !v[1]) && home) v = arena_printf(a, "%s%s", home, v + 1);
                /* as direnv cleans it, and as the kernel takes it */
                const char *to = v[0] == '/' ? runner_path_follow(a, v) : NULL;
                if (to) v = to;
                *list = arena_grow(a, *list, *n, *cap, sizeof **list);
                *cap = arena_grow_cap(*n, *cap);
                (*list)[(*n)++] = v;
                continue;
            }
            p++;
            continue;
        }
        size_t l = strcspn(p, "\n");
        const char *line = arena_strndup(a, p, l);
        p += l;
        if (line[0] == '[') {
            size_t e = strcspn(line + 1, "]");
            section = arena_strndup(a, line + 1, e);
            while (*section == ' ') section++;
            continue;
        }
        const char *eq = strchr(line, '=');
        if (!eq) continue;
        size_t kl = (size_t)(eq - line);
        while (kl && (line[kl - 1] == ' ' || line[kl - 1] == '\t')) kl--;
        char *key = arena_printf(a, "%s%s%.*s", section, *section ? "." : "", (int)kl, line);
        size_t kn = 0;                     /* blanks and quotes out: "whitelist" . prefix */
        for (const char *k = key; *k; k++)
            if (*k != ' ' && *k != '"' && *k != '\t') key[kn++] = *k;
        key[kn] = 0;
        const char *v = eq + 1;
        while (*v == ' ' || *v == '\t') v++;
        if (!strcmp(key, "global.load_dotenv") || !strcmp(key, "load_dotenv")) c->load_dotenv = !strncmp(v, "true", 4);
        int pre = !strcmp(key, "whitelist.prefix"), ex = !strcmp(key, "whitelist.exact");
        if ((pre || ex) && *v == '[') {
            list = pre ? &c->prefix : &c->exact;
            n = pre ? &c->nprefix : &c->nexact;
            cap = pre ? &c->capprefix : &c->capexact;
            p = p - l + (v + 1 - line);    /* back in text, to the array's first value */
        }
    }
}

static int writable(arena *a, const ll_plan *plan, const char *path)
{
    sb_request q;
    memset(&q, 0, sizeof q);
    q.kind = OBJ_PATH;
    q.op = op_lookup("file-write-create", NULL);
    q.obj = path;
    q.len = strlen(path);
    const char *why;
    return ll_plan_decide(plan, &q, path, a, &why) == 0;
}

/* direnv's own files, in the directories the environment names for them
 * (the home's own are the profile's denies: std/agent's ~/.config): what
 * the command writes there, direnv takes at the next cd anywhere */
typedef struct direnv_own {
    const char *var;             /* the variable that names the directory */
    const char *file;            /* beneath it */
    const char *does;
} direnv_own;
static const direnv_own owns[] = {
    { .var = "DIRENV_CONFIG", .file = "direnvrc", .does = "direnv runs it before every .envrc" },
    { .var = "DIRENV_CONFIG", .file = "lib/buckle-new.sh", .does = "direnv runs each lib/*.sh there before every .envrc" },
    { .var = "DIRENV_CONFIG", .file = "direnv.toml", .does = "its [whitelist] has direnv run .envrc files no one allowed" },
    { .var = "DIRENV_CONFIG", .file = "config.toml", .does = "its [whitelist] has direnv run .envrc files no one allowed" },
    { .var = "XDG_CONFIG_HOME", .file = "direnv/direnvrc", .does = "direnv runs it before every .envrc" },
    { .var = "XDG_CONFIG_HOME", .file = "direnv/lib/buckle-new.sh", .does = "direnv runs each lib/*.sh there before every .envrc" },
    { .var = "XDG_CONFIG_HOME", .file = "direnv/direnv.toml", .does = "its [whitelist] has direnv run .envrc files no one allowed" },
    { .var = "XDG_CONFIG_HOME", .file = "direnv/config.toml", .does = "its [whitelist] has direnv run .envrc files no one allowed" },
    { .var = "XDG_DATA_HOME", .file = "direnv/allow/buckle-new", .does = "each record there has direnv run the .envrc it names, as if you had allowed it" },
};

const char *runner_direnv_problem(arena *a, const ll_plan *plan, const char *cwd, const char *home)
{
    for (size_t i = 0; i < sizeof owns / sizeof *owns; i++) {
        const char *v = getenv(owns[i].var);
        if (!v || !*v) continue;
        /* a relative one is taken from the directory of the shell that
         * runs direnv: the project's, where buckle is started */
        const char *d = v[0] == '/' ? v : arena_printf(a, "%s/%s", strcmp(cwd, "/") ? cwd : "", v);
        const char *path = runner_path_by_name(a, arena_printf(a, "%s/%s", strcmp(d, "/") ? d : "", owns[i].file));
        if (runner_plan_checked_after(plan, runner_path_kernel(a, path))) continue;
        const char *how = runner_plan_write_why(a, plan, path);
        if (!how)
            continue;
        return arena_printf(a, "the environment's %s (%s) puts direnv's own files where the plan lets the command "
                               "write them (%s: %s): %s, at the next cd into any directory with an .envrc, outside "
                               "any sandbox; keep %s out of the directories the command may write, or deny writing "
                               "there (deny final write prefix \"%s\";)",
                            owns[i].var, v, path, how, owns[i].does, owns[i].var, runner_path_kernel(a, d));
    }
    direnv_conf c;
    runner_direnv_conf(a, home, &c);
    for (size_t i = 0; i < c.nprefix; i++) {
        const char *pre = c.prefix[i];
        if (pre[0] != '/') continue;
        /* the deeper of the two: where a new .envrc would be trusted */
        const char *where = runner_path_within(cwd, pre) ? cwd : runner_path_within(pre, cwd) ? pre : NULL;
        if (!where) continue;
        const char *sep = strcmp(where, "/") ? "/" : "";
        const char *envrc = arena_printf(a, "%s%s.envrc", where, sep);
        const char *dotenv = arena_printf(a, "%s%s.env", where, sep);
        int w_envrc = writable(a, plan, envrc), w_dotenv = c.load_dotenv && writable(a, plan, dotenv);
        if (!w_envrc && !w_dotenv) continue;
        return arena_printf(a, "direnv's configuration %s trusts every %s beneath %s (whitelist prefix), one made "
                               "later too, and the plan lets the command make %s: direnv would run it in your "
                               "shell at the next cd there, outside any sandbox, with no direnv allow; list the "
                               "project's .envrc files under whitelist exact instead",
                            c.file, c.load_dotenv ? ".envrc and .env" : ".envrc", pre, w_envrc ? envrc : dotenv);
    }
    return NULL;
}

const char **runner_direnv_allowed(arena *a, const char *home, const char *cwd, size_t *n)
{
    const char *x = getenv("XDG_DATA_HOME");
    const char *dir = x && *x == '/' ? arena_printf(a, "%s/direnv/allow", x)
                      : home ? arena_printf(a, "%s/.local/share/direnv/allow", home) : NULL;
    const char **v = NULL;
    size_t cap = 0;
    *n = 0;
    DIR *d = dir ? opendir(dir) : NULL;
    if (!d) return NULL;
    struct dirent *e;
    for (size_t k = 0; k < ALLOW_MAX && (e = readdir(d)); k++) {
        if (e->d_name[0] == '.') continue;
        char *buf = runner_read_text(a, arena_printf(a, "%s/%s", dir, e->d_name), 1024);
        if (!buf) continue;
        buf[strcspn(buf, "\n")] = 0;
        const char *base = strrchr(buf, '/');
        if (buf[0] != '/' || !base || strcmp(base, "/.envrc") || !runner_path_within(buf, cwd)) continue;
        v = arena_grow(a, v, *n, cap, sizeof *v);
        cap = arena_grow_cap(*n, cap);
        v[(*n)++] = buf;
    }
    closedir(d);
    return v;
}

const char **runner_zsh_dotenvs(arena *a, const char *home, size_t *n)
{
    const char *list = getenv("ZSH_DOTENV_ALLOWED_LIST"), *cache = getenv("ZSH_CACHE_DIR"), *zsh = getenv("ZSH");
    const char *name = getenv("ZSH_DOTENV_FILE");
    if (!name || !*name || strchr(name, '/')) name = ".env";
    if (!list || list[0] != '/')
        list = cache && cache[0] == '/' ? arena_printf(a, "%s/dotenv-allowed.list", cache)
               : zsh && zsh[0] == '/' ? arena_printf(a, "%s/cache/dotenv-allowed.list", zsh)
               : home ? arena_printf(a, "%s/.oh-my-zsh/cache/dotenv-allowed.list", home) : NULL;
    const char *text = list ? runner_read_text(a, list, CONF_MAX) : NULL;
    const char **v = NULL;
    size_t cap = 0;
    *n = 0;
    for (const char *p = text; p && *p;) {
        size_t l = strcspn(p, "\n");
        if (p[0] == '/' && l < PATH_MAX) {
            v = arena_grow(a, v, *n, cap, sizeof *v);
            cap = arena_grow_cap(*n, cap);
            v[(*n)++] = arena_printf(a, "%.*s%s%s", (int)l, p, l == 1 ? "" : "/", name);
        }
        p += l + (p[l] == '\n');
    }
    return v;
}
