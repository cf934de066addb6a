/* tool_configs.c - programs the project's tool configurations name
 * (tool_configs.h).  A profile keeps .yarnrc.yml, .cargo/config.toml and
 * bunfig.toml from the command (std/agent's final denies) because Yarn,
 * Cargo and Bun run the program they name by themselves: Yarn runs
 * yarnPath with node at every yarn command, Cargo rustc-wrapper at every
 * compilation (rust-analyzer's check when the editor opens the project),
 * Bun preload before every bun run.  When the file names a program in the
 * project (yarnPath: .yarn/releases/yarn-4.1.0.cjs, what `yarn set
 * version` writes), keeping the file protects nothing while the program
 * is writable: the run is refused, as for git's core.fsmonitor
 * (nested_repos.c). */
#define _GNU_SOURCE
#include "tool_configs.h"
#include "nested_repos.h"
#include "run_profile.h"
#include "text_file.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { CONFIG_MAX = 1 << 16 };

/* a configuration file, the keys whose values are programs (or
 * directories of them), the tool that runs them, and where a relative one
 * is taken from: the file's directory, or the one above it (Cargo's
 * .cargo) */
typedef struct tool_config {
    const char *file;
    const char *const *keys;
    const char *tool;
    int up;
} tool_config;

static const char *const yarn_keys[] = { "yarnPath", "path", NULL };     /* path: a plugin's */
static const char *const cargo_keys[] = { "rustc-wrapper", "rustc-workspace-wrapper", "rustc", "rustdoc", "linker",
                                          "runner", NULL };
static const char *const bun_keys[] = { "preload", NULL };
static const char *const npm_keys[] = { "node-options", "script-shell", NULL };
static const char *const toolchain_keys[] = { "path", NULL };

static const tool_config configs[] = {
    { .file = ".yarnrc.yml", .keys = yarn_keys, .tool = "yarn" },
    { .file = ".cargo/config.toml", .keys = cargo_keys, .tool = "cargo", .up = 1 },
    { .file = ".cargo/config", .keys = cargo_keys, .tool = "cargo", .up = 1 },
    { .file = "bunfig.toml", .keys = bun_keys, .tool = "bun" },
    { .file = ".npmrc", .keys = npm_keys, .tool = "npm" },
    { .file = "rust-toolchain.toml", .keys = toolchain_keys, .tool = "rustup" },
};


/* 1 when a key may start at at in the line s: its start, or after a dot
 * (TOML's dotted build.rustc-wrapper), or after a brace or a comma with
 * blanks between (an inline table, a YAML flow mapping) */
static int key_start(const char *s, const char *at)
{
    if (at == s) return 1;
    if (at[-1] == '.') return at - 1 > s && at[-2] != ' ' && at[-2] != '.';
    const char *p = at;
    while (p > s && (p[-1] == ' ' || p[-1] == '\t')) p--;
    return p > s && (p[-1] == '{' || p[-1] == ',');
}

/* the value of one of c's keys written at at ("key = v", "key: v", the key
 * quoted or not), its index in *k; NULL when none is there */
static const char *key_value(const tool_config *c, const char *at, size_t *k)
{
    for (*k = 0; c->keys[*k]; (*k)++) {
        size_t kl = strlen(c->keys[*k]);
        const char *r = at;
        if (*r == '"' || *r == '\'') r++;
        if (strncmp(r, c->keys[*k], kl)) continue;
        r += kl;
        if (*r == '"' || *r == '\'') r++;
        while (*r == ' ' || *r == '\t') r++;
        if (*r != '=' && *r != ':') continue;
        r++;
        while (*r == ' ' || *r == '\t') r++;
        return r;
    }
    return NULL;
}

/* the value's words that name a file (a '/' in them, an option's value
 * after '=': --require=./x.js), each checked; the first problem, or NULL */
static const char *check_value(arena *a, const ll_plan *plan, const tool_config *c, const char *file,
                               const char *base, const char *key, const char *v)
{
    const char *p = v;
    while (*p) {
        while (*p && strchr(" \t,[]\"'=", *p)) p++;
        size_t n = strcspn(p, " \t,[]\"'");
        if (!n) break;
        const char *w = arena_strndup(a, p, n);
        p += n;
        const char *eq = w[0] == '-' ? strchr(w, '=') : NULL;
        if (eq) w = eq + 1;
        if (!strchr(w, '/') || w[0] == '-' || w[0] == '$' || strstr(w, "://")) continue;
        const char *t = runner_path_by_name(a, w[0] == '/' ? w : arena_printf(a, "%s/%s", base, w));
        const char *how = runner_plan_write_why(a, plan, t);
        if (how)
            return arena_printf(a, "%s names the program %s (%s = %s), which the plan lets the command write (%s): %s "
                                   "runs it by itself, outside any sandbox, while the profile keeps %s from the "
                                   "command; deny writing it too (deny final write literal \"%s\";), or remove the "
                                   "setting",
                                file, t, key, v, how, c->tool, file, t);
    }
    return NULL;
}

static const char *check_file(arena *a, const ll_plan *plan, const tool_config *c, const char *file, const char *base)
{
    char *buf = runner_read_text(a, file, CONFIG_MAX);
    if (!buf) return NULL;
    for (char *line = buf; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl) *nl = 0;
        const char *s = line;
        while (*s == ' ' || *s == '\t') s++;
        if (s[0] == '-' && (s[1] == ' ' || s[1] == '\t')) s += 2;     /* a YAML list's item */
        while (*s == ' ' || *s == '\t') s++;
        /* a key at the line's start, or after a dot (TOML's dotted
         * build.rustc-wrapper), a brace or a comma (an inline table, a YAML
         * flow mapping) */
        for (const char *at = s; *at; at++) {
            size_t k;
            const char *r = key_start(s, at) ? key_value(c, at, &k) : NULL;
            const char *why = r ? check_value(a, plan, c, file, base, c->keys[k], r) : NULL;
            if (why) return why;
        }
        line = nl ? nl + 1 : NULL;
    }
    return NULL;
}

const char *runner_tool_config_problem(arena *a, const ll_plan *plan, const char *cwd)
{
    const char *top = strcmp(cwd, "/") ? cwd : "";
    for (size_t i = 0; i < sizeof configs / sizeof *configs; i++) {
        const tool_config *c = &configs[i];
        const char *file = arena_printf(a, "%s/%s", top, c->file);
        struct stat st;
        /* one the command may write is the profile's business */
        if (lstat(file, &st) != 0 || !S_ISREG(st.st_mode) || runner_plan_write_why(a, plan, file)) continue;
        const char *base = cwd;
        if (!c->up) {
            char *d = arena_strdup(a, file);
            *strrchr(d, '/') = 0;
            base = *d ? d : "/";
        }
        const char *why = check_file(a, plan, c, file, base);
        if (why) return why;
    }
    return NULL;
}
