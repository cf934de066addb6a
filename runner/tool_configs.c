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
 * (nested_repos.c).  npm, rustup, mise (its [env] scripts, hooks and
 * path: versions) and asdf likewise.  Values are read as the tools read
 * them: quoted strings with their escapes, multi-line values, comments
 * left out. */
#define _GNU_SOURCE
#include "tool_configs.h"
#include "env_files.h"
#include "nested_repos.h"
#include "option_file.h"
#include "run_profile.h"
#include "text_file.h"
#include "../support/strbuf.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <fnmatch.h>
#include <sys/stat.h>

enum { CONFIG_MAX = 1 << 16, RAW_MAX = 200, KEY_MAX = 64, UP_MAX = 64 };

/* how a configuration file is written: what its quotes, escapes and
 * comments are, and where a value may go on over several lines; LINES:
 * each line a value (.python-version); YARN1: Yarn 1's `key value` */
typedef enum { SYN_YAML, SYN_TOML, SYN_INI, SYN_LINES, SYN_YARN1 } syntax;

/* how a tool puts the environment's values into its settings: not at all;
 * npm's ${NAME} and ${NAME?} (every value); Yarn's ${NAME}, ${NAME-default}
 * and ${NAME:-default} (its settings, not a plugin's path) */
typedef enum { REFS_NONE, REFS_NPM, REFS_YARN } env_refs;

/* how a key's value names a program: COMMAND, a command line or option
 * words (a word with a '/'; a bare one is looked up on PATH); PATH, a
 * file even when it is a bare name (yarnPath: other.cjs, from the file's
 * directory); DIR, a directory of programs, even bare; FLAGS, a
 * compiler's flags (flag_programs); INCLUDE, more of the tool's
 * configuration (Cargo's include, npm's userconfig and globalconfig, and
 * its prefix, whose etc/npmrc npm takes for the global one); ENV, a table of environment variables
 * the tool exports, a variable counting when a program runs what it names
 * (runner_env_var_runs: NODE_OPTIONS, LD_PRELOAD, BASH_ENV) */
typedef enum { HOW_COMMAND, HOW_PATH, HOW_DIR, HOW_FLAGS, HOW_INCLUDE, HOW_ENV } value_how;
typedef struct key_rule {
    const char *key;
    value_how how;
    const char *under;      /* INCLUDE: the file beneath the directory the value names (npm's
                             * prefix: PREFIX/etc/npmrc); NULL: the value names the file */
} key_rule;

/* where a tool looks for a configuration file: UP, the directory it runs
 * in and each one above it (so a copy beneath the working directory
 * counts after a cd there too); HOME, the home directory; ENV_DIR, the
 * directory the variable env names; ENV_FILE, the file it names */
typedef enum { AT_UP, AT_HOME, AT_ENV_DIR, AT_ENV_FILE } config_at;

/* a configuration file's name from where it is looked for (a glob, its
 * last part's * matching any name), the keys whose values name programs
 * and how (one with key "" is every line's, SYN_LINES), the tool that
 * runs them, and where a relative one is taken from: the file's
 * directory, or the one it is looked for from (Cargo's .cargo, mise's
 * .config/mise) */
typedef struct tool_config {
    const char *file;
    config_at at;
    const char *env;                 /* ENV_DIR, ENV_FILE: the variable */
    const key_rule *keys;
    const char *tool;
    int up;
    syntax syn;
    const char *const *env_keys;     /* keys that count only after "_." (mise's [env] directives) */
    int versions;                    /* a "path:DIR" version anywhere runs that directory's programs */
    env_refs refs;
    const char *const *ref_keys;     /* keys whose values have refs taken */
    const char *hooks;               /* the table a key that is not an env_key counts in, as a table
                                      * of its own ([hooks.enter]); NULL: any */
    const char *exports;             /* an ENV table's variables: where the tool puts them */
    /* made or changed beneath the working directory (AT_UP): the file
     * whose keeping at the working directory makes copies count (NULL:
     * file itself); any: one counts whatever it says (else when it names a
     * program); the name said and when what it names runs */
    const char *gate;
    int any;
    const char *title, *when;
} tool_config;

/* path: a plugin's; plugins: the list, a plugin given as its path alone;
 * all of them paths from the file's directory, never looked up on PATH */
static const key_rule yarn_keys[] = { { "yarnPath", HOW_PATH, NULL }, { "path", HOW_PATH, NULL }, { "plugins", HOW_PATH, NULL }, { NULL, 0, NULL } };
static const char *const yarn_ref_keys[] = { "yarnPath", NULL };
/* Yarn 1's .yarnrc: the release it runs for every yarn command */
static const key_rule yarn1_keys[] = { { "yarn-path", HOW_PATH, NULL }, { NULL, 0, NULL } };
/* of Cargo's keys, the compiler's flags name a program in a linker
 * (-Clinker=), gcc's program prefix (-Clink-arg=-B), a codegen backend,
 * rustdoc's test runner (flag_programs) */
static const key_rule cargo_keys[] = { { "rustc-wrapper", HOW_COMMAND, NULL }, { "rustc-workspace-wrapper", HOW_COMMAND, NULL },
                                       { "rustc", HOW_COMMAND, NULL }, { "rustdoc", HOW_COMMAND, NULL }, { "linker", HOW_COMMAND, NULL },
                                       { "runner", HOW_COMMAND, NULL }, { "global-credential-providers", HOW_COMMAND, NULL },
                                       { "credential-provider", HOW_COMMAND, NULL }, { "env", HOW_ENV, NULL },
                                       { "credential-alias", HOW_COMMAND, NULL }, { "ar", HOW_COMMAND, NULL },
                                       { "rustflags", HOW_FLAGS, NULL }, { "rustdocflags", HOW_FLAGS, NULL },
                                       { "include", HOW_INCLUDE, NULL }, { NULL, 0, NULL } };
static const key_rule bun_keys[] = { { "preload", HOW_COMMAND, NULL }, { NULL, 0, NULL } };
/* npm's programs: node's options, the scripts' shell, git (git
 * dependencies, npm version), node-gyp (native addons), npm exec's shell,
 * npm edit's editor, npm docs' browser and viewer; pnpm's pnpmfile; and
 * the user's and the global configuration, which the project's moves
 * (npm reads it first for that) */
static const key_rule npm_keys[] = { { "node-options", HOW_COMMAND, NULL }, { "script-shell", HOW_COMMAND, NULL },
                                     { "git", HOW_COMMAND, NULL }, { "node-gyp", HOW_COMMAND, NULL }, { "shell", HOW_COMMAND, NULL },
                                     { "editor", HOW_COMMAND, NULL }, { "browser", HOW_COMMAND, NULL }, { "viewer", HOW_COMMAND, NULL },
                                     { "pnpmfile", HOW_PATH, NULL }, { "global-pnpmfile", HOW_PATH, NULL },
                                     { "userconfig", HOW_INCLUDE, NULL }, { "globalconfig", HOW_INCLUDE, NULL },
                                     { "prefix", HOW_INCLUDE, "etc/npmrc" }, { NULL, 0, NULL } };
static const char *const npm_ref_keys[] = { "node-options", "script-shell", "git", "node-gyp", "shell", "editor",
                                            "browser", "viewer", "pnpmfile", "global-pnpmfile", "userconfig",
                                            "globalconfig", "prefix", NULL };
/* pnpm's settings in its workspace file (pnpm 10): the same programs,
 * by their camelCase names */
static const key_rule pnpm_keys[] = { { "pnpmfile", HOW_PATH, NULL }, { "globalPnpmfile", HOW_PATH, NULL },
                                      { "scriptShell", HOW_COMMAND, NULL }, { "nodeOptions", HOW_COMMAND, NULL },
                                      { "npmPath", HOW_COMMAND, NULL }, { NULL, 0, NULL } };
static const key_rule toolchain_keys[] = { { "path", HOW_DIR, NULL }, { NULL, 0, NULL } };
/* uv's .python-version: a line may name an interpreter or its directory
 * by path (a version, 3.12, names an installed one) */
static const key_rule version_line[] = { { "", HOW_COMMAND, NULL }, { NULL, 0, NULL } };
/* mise: [env] _.source (a script run at every prompt of `mise activate`),
 * _.file (a dotenv file exported), _.path (directories put first on
 * PATH); [hooks] enter, leave, cd and the install hooks, or [hooks.enter]
 * script: shell commands run at a cd into the project; [env]'s variables,
 * exported at a cd into the project */
static const key_rule mise_keys[] = { { "source", HOW_PATH, NULL }, { "file", HOW_PATH, NULL }, { "path", HOW_DIR, NULL },
                                      { "script", HOW_PATH, NULL }, { "enter", HOW_COMMAND, NULL }, { "leave", HOW_COMMAND, NULL },
                                      { "cd", HOW_COMMAND, NULL }, { "preinstall", HOW_COMMAND, NULL },
                                      { "postinstall", HOW_COMMAND, NULL }, { "env", HOW_ENV, NULL }, { NULL, 0, NULL } };
/* of mise's keys, those of [env]'s directives, which count only as _.KEY
 * (a python venv's path = ".venv" is no _.path) */
static const char *const mise_env_keys[] = { "source", "file", "path", NULL };
static const key_rule no_keys[] = { { NULL, 0, NULL } };

#define MISE_RUNS "its [env] scripts, variables, hooks and path: versions run at your next cd into that directory"
#define MISE(f) MISE_AT(f, AT_UP, NULL)
#define MISE_AT(f, w, e) { .file = f, .at = w, .env = e, .keys = mise_keys, .env_keys = mise_env_keys, .tool = "mise", .up = 1, .syn = SYN_TOML, \
                  .versions = 1, .hooks = "hooks", .gate = "mise.toml", .any = 1, .title = "mise or asdf", \
                  .when = MISE_RUNS, .exports = "exports into your shell at a cd into the project" }
#define CARGO_RUNS "cargo takes it at your next cargo command in that directory and runs what it names (rustc-wrapper, linker, runner)"
#define CARGO(f, w, e) { .file = f, .at = w, .env = e, .keys = cargo_keys, .tool = "cargo", .up = 1, .syn = SYN_TOML, \
                         .gate = ".cargo/config.toml", .any = 1, .title = "Cargo", .when = CARGO_RUNS, \
                         .exports = "sets for the programs it runs (rustc, build scripts, cargo run and test)" }
#define YARN(f, w) { .file = f, .at = w, .keys = yarn_keys, .tool = "yarn", .syn = SYN_YAML, .refs = REFS_YARN, \
                     .ref_keys = yarn_ref_keys, .title = "Yarn", .when = "yarn runs what it names at your next yarn command in that directory" }
#define NPM(f, w, e) { .file = f, .at = w, .env = e, .keys = npm_keys, .tool = "npm", .syn = SYN_INI, .refs = REFS_NPM, \
                       .ref_keys = npm_ref_keys, .title = "npm", .when = "npm runs what it names at your next npm command in that directory" }
#define RUSTUP(f) { .file = f, .keys = toolchain_keys, .tool = "rustup", .syn = SYN_TOML, .title = "rustup", \
                    .when = "rustup runs its toolchain's programs at your next cargo or rustc command in that directory" }

static const tool_config configs[] = {
    YARN(".yarnrc.yml", AT_UP), YARN(".yarnrc.yml", AT_HOME),
    { .file = ".yarnrc", .keys = yarn1_keys, .tool = "yarn", .syn = SYN_YARN1, .title = "Yarn",
      .when = "yarn runs its yarn-path at your next yarn command in that directory" },
    { .file = ".yarnrc", .at = AT_HOME, .keys = yarn1_keys, .tool = "yarn", .syn = SYN_YARN1 },
    CARGO(".cargo/config.toml", AT_UP, NULL), CARGO(".cargo/config", AT_UP, NULL),
    CARGO(".cargo/config.toml", AT_HOME, NULL), CARGO("config.toml", AT_ENV_DIR, "CARGO_HOME"),
    CARGO("config", AT_ENV_DIR, "CARGO_HOME"),
    { .file = "bunfig.toml", .keys = bun_keys, .tool = "bun", .syn = SYN_TOML, .title = "Bun",
      .when = "bun runs what it preloads at your next bun command in that directory" },
    NPM(".npmrc", AT_UP, NULL), NPM(".npmrc", AT_HOME, NULL), NPM("", AT_ENV_FILE, "NPM_CONFIG_USERCONFIG"),
    NPM("", AT_ENV_FILE, "npm_config_userconfig"), NPM("", AT_ENV_FILE, "NPM_CONFIG_GLOBALCONFIG"),
    NPM("", AT_ENV_FILE, "npm_config_globalconfig"), NPM("etc/npmrc", AT_ENV_DIR, "NPM_CONFIG_PREFIX"),
    NPM("etc/npmrc", AT_ENV_DIR, "npm_config_prefix"),
    { .file = "pnpm-workspace.yaml", .keys = pnpm_keys, .tool = "pnpm", .syn = SYN_YAML, .title = "pnpm",
      .when = "pnpm runs what it names at your next pnpm command in that directory" },
    RUSTUP("rust-toolchain.toml"), RUSTUP("rust-toolchain"),
    { .file = ".python-version", .keys = version_line, .tool = "uv", .syn = SYN_LINES, .gate = ".tool-versions",
      .title = "uv", .when = "uv runs the interpreter it names at your next uv command in that directory" },
    MISE("mise.toml"), MISE(".mise.toml"), MISE("mise.*.toml"), MISE(".mise.*.toml"), MISE(".config/mise.toml"),
    MISE(".config/mise.*.toml"), MISE(".config/mise/config.toml"), MISE(".config/mise/config.*.toml"),
    MISE(".config/mise/conf.d/*.toml"), MISE("mise/config.toml"), MISE("mise/config.*.toml"),
    MISE(".mise/config.toml"), MISE(".mise/config.*.toml"), MISE(".rtx.toml"),
    /* the user's, read wherever the project is */
    MISE_AT(".config/mise/config.toml", AT_HOME, NULL), MISE_AT("mise/config.toml", AT_ENV_DIR, "XDG_CONFIG_HOME"),
    /* asdf's (and mise's) "TOOL path:DIR" */
    { .file = ".tool-versions", .keys = no_keys, .tool = "asdf", .syn = SYN_INI, .versions = 1,
      .gate = ".tool-versions", .title = "mise or asdf", .when = MISE_RUNS },
    { .file = ".tool-versions", .at = AT_HOME, .keys = no_keys, .tool = "asdf", .syn = SYN_INI, .versions = 1 },
};
_Static_assert(sizeof configs / sizeof *configs <= 64, "one bit of runner_tool_configs_walked for each");

/* ---- strings as the tools read them ------------------------------------ */

static int hex_digit(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* code point cp as UTF-8 at out + *n */
static void put_utf8(char *out, size_t *n, unsigned long cp)
{
    if (cp < 0x80) out[(*n)++] = (char)cp;
    else if (cp < 0x800) {
        out[(*n)++] = (char)(0xc0 | (cp >> 6));
        out[(*n)++] = (char)(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
        out[(*n)++] = (char)(0xe0 | (cp >> 12));
        out[(*n)++] = (char)(0x80 | ((cp >> 6) & 0x3f));
        out[(*n)++] = (char)(0x80 | (cp & 0x3f));
    } else {
        out[(*n)++] = (char)(0xf0 | ((cp >> 18) & 0x07));
        out[(*n)++] = (char)(0x80 | ((cp >> 12) & 0x3f));
        out[(*n)++] = (char)(0x80 | ((cp >> 6) & 0x3f));
        out[(*n)++] = (char)(0x80 | (cp & 0x3f));
    }
}

/* An escape of a double-quoted string at s (just after its backslash),
 * its character appended to out: the escapes of TOML's basic strings,
 * YAML's double-quoted ones and JSON's together (\t \n \" \\ \/ \e \xHH
 * \uHHHH \UHHHHHHHH and the rest; where they differ, the tool that does
 * not know one rejects the file).  Another is kept as written.  Where the
 * escape ends. */
static const char *put_escape(const char *s, const char *end, char *out, size_t *n)
{
    static const char simple[] = "b\bt\tn\nf\fr\r\"\"\\\\//e\033a\a0\0v\v  ";
    for (size_t i = 0; s < end && i + 1 < sizeof simple; i += 2)
        if (*s == simple[i]) {
            out[(*n)++] = simple[i + 1];
            return s + 1;
        }
    int digits = s < end ? (*s == 'x' ? 2 : *s == 'u' ? 4 : *s == 'U' ? 8 : 0) : 0;
    unsigned long cp = 0;
    for (int i = 1; digits && i <= digits; i++) {
        int d = s + i < end ? hex_digit(s[i]) : -1;
        if (d < 0) { digits = 0; break; }
        cp = cp * 16 + (unsigned long)d;
    }
    if (!digits || cp > 0x10ffff) {
        out[(*n)++] = '\\';
        return s;
    }
    put_utf8(out, n, cp);
    return s + 1 + digits;
}

/* 1 when the line at s (to end) holds only blanks or a comment */
static int blank_line(const char *s, const char *end)
{
    while (s < end && (*s == ' ' || *s == '\t' || *s == '\r')) s++;
    return s >= end || *s == '\n' || *s == '#';
}

/* the lines after the one that ends at eol that are more indented than
 * col (blank ones among them; with seq, a YAML sequence's items at col
 * too, "- x", which YAML takes as the key's value), each without that
 * much indentation, in out; where they end */
static const char *indented_lines(const char *eol, const char *bend, size_t col, int seq, char *out, size_t *n)
{
    const char *p = eol < bend ? eol + 1 : bend;
    while (p < bend) {
        const char *e = memchr(p, '\n', (size_t)(bend - p));
        if (!e) e = bend;
        size_t ind = 0;
        while (p + ind < e && (p[ind] == ' ' || p[ind] == '\t')) ind++;
        int item = seq && ind == col && p + ind < e && p[ind] == '-' && (p + ind + 1 == e || strchr(" \t\r", p[ind + 1]));
        if (!blank_line(p, e) && ind <= col && !item) break;
        memcpy(out + *n, p + ind, (size_t)(e - p - ind));
        *n += (size_t)(e - p - ind);
        out[(*n)++] = '\n';
        p = e < bend ? e + 1 : bend;
    }
    return p;
}

/* The text of a value from p to bend, as the tool reads it, appended to
 * out: quoted strings with their escapes taken (a whole .npmrc value in
 * double quotes is JSON), comments dropped; it ends at the end of the
 * line, but inside a TOML array or multi-line string or a YAML flow
 * collection or quoted string, or everywhere when multi is set.  Where it
 * ends. */
static const char *read_flow(syntax syn, const char *p, const char *bend, int multi, char *out, size_t *np)
{
    size_t n = *np;
    int depth = 0;
    const char *start = p;
    int whole_json = syn == SYN_INI && p < bend && *p == '"';
    while (p < bend) {
        char c = *p;
        if (c == '\n' || c == '\r') {
            if (!multi && (!depth || syn == SYN_INI)) break;
            out[n++] = ' ';
            p++;
            continue;
        }
        /* a comment: TOML's #, YAML's # after a blank, .npmrc's ; and # */
        if ((c == '#' && (syn != SYN_YAML || p == start || strchr(" \t\n", p[-1]))) || (c == ';' && syn == SYN_INI)) {
            while (p < bend && *p != '\n') p++;
            continue;
        }
        if (syn == SYN_INI && c == '\\' && p + 1 < bend && strchr(";#\\", p[1])) {
            out[n++] = p[1];
            p += 2;
            continue;
        }
        if (c == '"' && (syn != SYN_INI || whole_json)) {
            int triple = syn == SYN_TOML && p + 2 < bend && p[1] == '"' && p[2] == '"';
            p += triple ? 3 : 1;
            if (triple && p < bend && *p == '\n') p++;
            else if (triple && p + 1 < bend && p[0] == '\r' && p[1] == '\n') p += 2;
            while (p < bend) {
                if (triple ? p + 2 < bend && p[0] == '"' && p[1] == '"' && p[2] == '"' : *p == '"') break;
                if (*p == '\\' && p + 1 < bend) {
                    const char *q = p + 1;
                    while (q < bend && (*q == ' ' || *q == '\t' || *q == '\r')) q++;
                    if (q < bend && *q == '\n' && syn != SYN_INI) {
                        /* a line-ending backslash: the line goes on, without
                         * the blanks that follow */
                        while (q < bend && strchr(" \t\r\n", *q)) q++;
                        p = q;
                        continue;
                    }
                    p = put_escape(p + 1, bend, out, &n);
                    continue;
                }
                if (*p == '\n' && !triple) {
                    if (syn != SYN_YAML) break;       /* TOML and JSON end the string there: the tool rejects it */
                    /* YAML folds a line break into a blank */
                    while (n && (out[n - 1] == ' ' || out[n - 1] == '\t')) n--;
                    out[n++] = ' ';
                    p++;
                    while (p < bend && (*p == ' ' || *p == '\t')) p++;
                    continue;
                }
                out[n++] = *p++;
            }
            p += p < bend ? (triple ? 3 : 1) : 0;
            out[n++] = ' ';
            continue;
        }
        if (c == '\'' && syn != SYN_INI) {
            int triple = syn == SYN_TOML && p + 2 < bend && p[1] == '\'' && p[2] == '\'';
            p += triple ? 3 : 1;
            if (triple && p < bend && *p == '\n') p++;
            while (p < bend) {
                if (triple ? p + 2 < bend && p[0] == '\'' && p[1] == '\'' && p[2] == '\'' : *p == '\'') {
                    if (!triple && syn == SYN_YAML && p + 1 < bend && p[1] == '\'') {   /* YAML's '' */
                        out[n++] = '\'';
                        p += 2;
                        continue;
                    }
                    break;
                }
                if (*p == '\n' && !triple && syn != SYN_YAML) break;
                out[n++] = *p == '\n' && !triple ? ' ' : *p;
                p++;
            }
            p += p < bend ? (triple ? 3 : 1) : 0;
            out[n++] = ' ';
            continue;
        }
        if (syn != SYN_INI && (c == '[' || c == '{')) depth++;
        if (syn != SYN_INI && (c == ']' || c == '}') && depth) depth--;
        out[n++] = c;
        p++;
    }
    *np = n;
    return p;
}

/* The value at r (just after the key's '=' or ':'), as the tool reads
 * it (read_flow), in a; in YAML also a block scalar (| and >, the more
 * indented lines below, as they are) and a value on the more indented
 * lines below its key (col: the key's column).  out: room for twice
 * bend - r bytes and two, where the value is read.  *raw: the text as
 * written, on one line, its first RAW_MAX bytes. */
static const char *read_value(arena *a, syntax syn, const char *r, const char *bend, size_t col, char *out,
                              const char **raw)
{
    if (syn == SYN_YARN1 || syn == SYN_LINES) syn = SYN_TOML;     /* its quotes are JSON's */
    size_t n = 0;
    const char *p = r;
    while (p < bend && (*p == ' ' || *p == '\t')) p++;
    const char *eol = p < bend ? memchr(p, '\n', (size_t)(bend - p)) : NULL;
    if (!eol) eol = bend;
    const char *stop;
    if (syn == SYN_YAML && p < eol && (*p == '|' || *p == '>'))
        stop = indented_lines(eol, bend, col, 0, out, &n);
    else if (syn == SYN_YAML && blank_line(p, eol)) {
        char *below = out + (size_t)(bend - r) + 1;
        size_t bn = 0;
        stop = indented_lines(eol, bend, col, 1, below, &bn);
        read_flow(syn, below, below + bn, 1, out, &n);
    } else
        stop = read_flow(syn, p, bend, 0, out, &n);
    out[n] = 0;
    /* as written, on one line */
    char *w = arena_strndup(a, r, (size_t)(stop - r) < RAW_MAX ? (size_t)(stop - r) : RAW_MAX);
    size_t wl = 0;
    for (const char *q = w; *q; q++) {
        char c = strchr("\n\r\t", *q) ? ' ' : *q;
        if (c != ' ' || (wl && w[wl - 1] != ' ')) w[wl++] = c;
    }
    while (wl && w[wl - 1] == ' ') wl--;
    w[wl] = 0;
    *raw = (size_t)(stop - r) > RAW_MAX ? arena_printf(a, "%s ...", w) : w;
    return out;
}

/* ---- the environment's values in them ---------------------------------- */

/* the value of the variable named by s (n bytes) in vars, or NULL */
static const char *env_value(const char *const *vars, const char *s, size_t n)
{
    for (size_t i = 0; vars && vars[i]; i++)
        if (!strncmp(vars[i], s, n) && vars[i][n] == '=') return vars[i] + n + 1;
    return NULL;
}

/* v with its ${NAME} references replaced from vars as the tool does:
 * npm keeps an unset one as written (${NAME?}: empty) and takes a
 * backslash before it as an escape; Yarn takes ${NAME-default} when NAME
 * is unset, ${NAME:-default} when it is unset or empty, and stops at an
 * unset one without a default (NULL: nothing runs).  In a. */
static const char *expand_refs(arena *a, env_refs refs, const char *v, const char *const *vars)
{
    if (refs == REFS_NONE || !strstr(v, "${")) return v;
    strbuf b;
    sb_init(&b);
    sb_puts(&b, "");
    int failed = 0;
    for (const char *p = v; *p && !failed;) {
        const char *q = p;
        while (refs == REFS_NPM && *q == '\\') q++;
        size_t esc = (size_t)(q - p);
        const char *name = q + 2;
        size_t nl = 0;
        if (q[0] == '$' && q[1] == '{')
            while (name[nl] && (refs == REFS_NPM ? !strchr("${}?", name[nl]) : isalnum((unsigned char)name[nl]) || name[nl] == '_'))
                nl++;
        const char *after = name + nl;
        int ok = nl && q[0] == '$';
        int optional = 0, colon = 0;
        const char *dflt = NULL;
        size_t dl = 0;
        if (ok && refs == REFS_NPM) {
            optional = *after == '?';
            after += optional;
            ok = *after == '}';
        } else if (ok) {
            colon = *after == ':';
            after += colon;
            if (*after == '-') {
                dflt = after + 1;
                dl = strcspn(dflt, "}");
                after = dflt + dl;
            }
            ok = *after == '}';
        }
        if (!ok) {
            sb_add(&b, p, esc ? esc : 1);
            p += esc ? esc : 1;
            continue;
        }
        const char *val = env_value(vars, name, nl);
        if (refs == REFS_NPM && esc % 2)
            sb_add(&b, p + (esc + 1) / 2, (size_t)(after + 1 - p) - (esc + 1) / 2);
        else if (refs == REFS_NPM) {
            sb_add(&b, p, esc / 2);
            if (val) sb_puts(&b, val);
            else if (!optional) sb_add(&b, q, (size_t)(after + 1 - q));
        } else if (val && (*val || !colon))
            sb_puts(&b, val);
        else if (dflt)
            sb_add(&b, dflt, dl);
        else
            failed = 1;
        p = after + 1;
    }
    const char *out = failed ? NULL : arena_strndup(a, b.data, b.len);
    sb_free(&b);
    return out;
}

/* ---- the keys ------------------------------------------------------------- */

/* 1 when a key may start at at in the line s: its start, or after a dot
 * (TOML's dotted build.rustc-wrapper, blanks around the dot in TOML), or
 * after a brace or a comma with blanks between (an inline table, a YAML
 * flow mapping) */
static int key_start(syntax syn, const char *s, const char *at)
{
    if (at == s) return 1;
    if (at[-1] == '.') return at - 1 > s && at[-2] != ' ' && at[-2] != '.';
    const char *p = at;
    while (p > s && (p[-1] == ' ' || p[-1] == '\t')) p--;
    if (p == s) return 0;
    if (syn == SYN_TOML && p < at && p[-1] == '.' && p - 1 > s &&
        (p[-2] == '"' || p[-2] == '\'' || isalnum((unsigned char)p[-2]) || p[-2] == ' ' || p[-2] == '-' || p[-2] == '_'))
        return 1;
    return p[-1] == '{' || p[-1] == ',';
}

/* The key written at at (to eol), quoted or not, a quoted one with its
 * escapes taken: its index among c's in *k and where its value starts
 * (after "=" or ":"), or NULL when it is none of them */
/* a string that starts with one of c's keys and '=' or ':' ("linker=x"
 * among rustflags, -C's argument): where the value starts, its index in
 * *k; NULL when it is none */
static const char *key_in_string(const tool_config *c, const char *at, const char *eol, size_t *k)
{
    if (*at != '"' && *at != '\'') return NULL;
    for (*k = 0; c->keys[*k].key; (*k)++) {
        size_t kl = strlen(c->keys[*k].key);
        if (kl && (size_t)(eol - at) > kl + 1 && !strncmp(at + 1, c->keys[*k].key, kl) &&
            (at[1 + kl] == '=' || at[1 + kl] == ':'))
            return at + 2 + kl;
    }
    return NULL;
}

static const char *key_value(arena *a, const tool_config *c, const char *at, const char *eol, size_t *k)
{
    const char *r = at;
    const char *name;
    if (*r == '"' || *r == '\'') {
        /* a key is short: one whose closing quote is far is none of them */
        char q = *r++;
        const char *close = r;
        while (close < eol && *close != q && close - r < 4 * KEY_MAX) close += *close == '\\' && q == '"' ? 2 : 1;
        if (close >= eol || *close != q) return key_in_string(c, at, eol, k);
        char *out = arena_alloc(a, (size_t)(close - r) + 1);
        size_t n = 0;
        while (r < close) {
            if (q == '"' && *r == '\\' && r + 1 < close) r = put_escape(r + 1, close, out, &n);
            else out[n++] = *r++;
        }
        r++;
        out[n] = 0;
        name = out;
    } else {
        const char *b = r;
        while (r < eol && (isalnum((unsigned char)*r) || *r == '-' || *r == '_')) r++;
        name = arena_strndup(a, b, (size_t)(r - b));
    }
    for (*k = 0; c->keys[*k].key; (*k)++)
        if (*name && !strcmp(name, c->keys[*k].key)) break;
    if (!c->keys[*k].key) return key_in_string(c, at, eol, k);
    const char *name_end = r;
    /* an ini array's key (.npmrc's node-options[]=...): each value the key's */
    if (c->syn == SYN_INI && eol - r >= 2 && r[0] == '[' && r[1] == ']') r += 2;
    while (r < eol && (*r == ' ' || *r == '\t')) r++;
    /* TOML's dotted key below it (LD_PRELOAD.value, _.source.path,
     * credential-alias.NAME): the same table's values */
    while (c->syn == SYN_TOML && r < eol && *r == '.') {
        r++;
        while (r < eol && (*r == ' ' || *r == '\t')) r++;
        if (r < eol && (*r == '"' || *r == '\'')) {
            const char *close = memchr(r + 1, *r, (size_t)(eol - r - 1));
            if (!close) return NULL;
            r = close + 1;
        } else
            while (r < eol && (isalnum((unsigned char)*r) || *r == '-' || *r == '_')) r++;
        while (r < eol && (*r == ' ' || *r == '\t')) r++;
    }
    /* Yarn 1's `yarn-path "./x.js"`: the value after blanks */
    if (c->syn == SYN_YARN1 && r > name_end && r < eol && *r != '=' && *r != ':') return r;
    if (r >= eol || (*r != '=' && *r != ':')) return key_in_string(c, at, eol, k);
    return r + 1;
}

/* A TOML table's header at s ("[env._.source]", "[[env]]", with blanks
 * and quotes), its names joined by dots without them, in a; NULL when s
 * is none */
static const char *toml_header(arena *a, const char *s, const char *eol)
{
    if (s >= eol || *s != '[') return NULL;
    char *out = arena_alloc(a, (size_t)(eol - s) + 1);
    size_t n = 0;
    const char *p = s + 1 + (s + 1 < eol && s[1] == '[');
    for (; p < eol && *p != ']'; p++) {
        if (*p == '"' || *p == '\'') {
            const char *close = memchr(p + 1, *p, (size_t)(eol - p - 1));
            if (!close) return NULL;
            memcpy(out + n, p + 1, (size_t)(close - p - 1));
            n += (size_t)(close - p - 1);
            p = close;
        } else if (*p != ' ' && *p != '\t')
            out[n++] = *p;
    }
    out[n] = 0;
    return out;
}

/* The index among c's keys of the table header h names ([env.LD_PRELOAD],
 * [credential-alias], mise's [env._.source] and [hooks.enter]): every
 * value in that table is that key's; -1 for none */
static int header_key(const tool_config *c, const char *h)
{
    const char *last = strrchr(h, '.');
    const char *name = last ? last + 1 : h;
    const char *prev = h;
    for (const char *q = h; last && q < last; q++)
        if (*q == '.') prev = q + 1;
    size_t prevl = last ? (size_t)(last - prev) : 0;
    for (int k = 0; c->keys[k].key; k++) {
        if (strcmp(name, c->keys[k].key) || c->keys[k].how == HOW_ENV) continue;
        int env_key = 0;
        for (size_t e = 0; c->env_keys && c->env_keys[e]; e++) env_key |= !strcmp(c->keys[k].key, c->env_keys[e]);
        if (env_key) return last && prevl == 1 && *prev == '_' ? k : -1;
        if (c->hooks) return last && prevl == strlen(c->hooks) && !strncmp(prev, c->hooks, prevl) ? k : -1;
        return k;
    }
    return -1;
}

/* 1 when at (in the line from s) is in an inline table that is the value
 * of a key `_` (mise's [env] _ = { source = "x" }) */
static int in_underscore_table(const char *s, const char *at)
{
    const char *p = at;
    while (p > s && p[-1] != '{') p--;
    if (p == s) return 0;
    p--;
    while (p > s && (p[-1] == ' ' || p[-1] == '\t')) p--;
    if (p == s || p[-1] != '=') return 0;
    p--;
    while (p > s && (p[-1] == ' ' || p[-1] == '\t')) p--;
    if (p > s && (p[-1] == '"' || p[-1] == '\'')) {
        char q = p[-1];
        if (p - s < 3 || p[-2] != '_' || p[-3] != q) return 0;
        p -= 3;
    } else if (p > s && p[-1] == '_')
        p--;
    else
        return 0;
    return p == s || strchr(" \t.{,", p[-1]) != NULL;
}

/* The value's words that name a file (a '/' in them, what an option
 * names in its own word: --require=./x.js; with how PATH or DIR a bare
 * word too), each checked: one the plan lets the command write (or make
 * programs in, a directory) is the problem; without a plan (a file the
 * command made), any.  The first problem, or NULL. */
static const char *check_value(arena *a, const ll_plan *plan, const tool_config *c, const char *file,
                               const char *base, const char *key, value_how how, const char *v, const char *raw)
{
    static const char seps[] = " \t\n,[]{}\"'";
    int bare = how == HOW_PATH || how == HOW_DIR;
    /* a value that is a mapping (Yarn's plugins: - path: x, spec: y) names
     * its paths by its own keys */
    for (const char *q = strchr(v, ':'); bare && q; q = strchr(q + 1, ':'))
        if (!q[1] || strchr(seps, q[1])) bare = 0;
    const char *p = v;
    while (*p) {
        while (*p && (strchr(seps, *p) || *p == '=')) p++;
        size_t n = strcspn(p, seps);
        if (!n) break;
        const char *w = arena_strndup(a, p, n);
        p += n;
        /* what an option names in its own word, a file: URL's path
         * (--require=./x.js, --import=file:///x.mjs, -javaagent:./a.jar in
         * a hook's command) */
        const char *f[OPTION_FILES_MAX];
        size_t nf = runner_option_files(a, w, f);
        for (size_t r = 0; r < nf; r++) {
            w = f[r];
            /* a version "path:DIR" (mise, asdf): that directory's programs */
            int version = c->versions && !strncmp(w, "path:", 5) && w[5];
            if (version) w += 5;
            /* (a package's name, @scope/name, is looked up elsewhere) */
            if ((!strchr(w, '/') && !bare && !version) || w[0] == '-' || w[0] == '$' || w[0] == '@' ||
                strstr(w, "://") || !strcmp(w, "true") || !strcmp(w, "false"))
                continue;
            if (!plan) return raw;
            const char *t = runner_path_by_name(a, w[0] == '/' ? w : arena_printf(a, "%s/%s", base, w));
            /* where the kernel reaches it, which the deny to add names (one on
             * the link's own path would lead through a link) */
            const char *kt = runner_path_kernel(a, t);
            /* a directory of programs (a path: version, mise's _.path, rustup's
             * path, gcc's -B): what the command may make in it */
            struct stat st;
            int exists = stat(t, &st) == 0;
            int dir = exists ? S_ISDIR(st.st_mode) : version || how == HOW_DIR;
            const char *probe = dir ? arena_printf(a, "%s/%s", strcmp(t, "/") ? t : "", "buckle-probe") : t;
            if (runner_plan_checked_after(plan, dir ? arena_printf(a, "%s/buckle-probe", kt) : kt)) continue;
            const char *why = runner_plan_write_why(a, plan, probe);
            if (why)
                return arena_printf(a, "%s names the %s %s (%s = %s), which the plan lets the command %s (%s): %s "
                                       "runs %s by itself, outside any sandbox, while the profile keeps %s from the "
                                       "command; deny writing it too (deny final write %s\"%s\";), or remove the "
                                       "setting",
                                    file, dir ? "directory of programs" : "program", t, key, raw,
                                    dir ? "make programs in" : "write", why, c->tool, dir ? "what is there" : "it", file,
                                    dir ? "" : "literal ", kt);
        }
    }
    return NULL;
}

/* 1 when the word w starts with the option o; *val: what follows it */
static int opt_is(const char *w, const char *o, const char **val)
{
    size_t n = strlen(o);
    if (strncmp(w, o, n)) return 0;
    *val = w + n;
    return 1;
}

/* The programs a compiler's flags v name, each checked (check_value):
 * rustc's linker (-C linker=x, -Clinker=x, --codegen=linker=x) and codegen
 * backend (-Zcodegen-backend=x), what its link-args give the linker
 * driver (-fuse-ld=x, --ld-path=x, gcc's program prefix -Bdir, -B dir,
 * a directory even when bare, in one word or split over two link-args),
 * rustdoc's test runner and builder (--test-runtool x,
 * --test-builder=x).  The first problem, or NULL. */
static const char *check_flags(arena *a, const ll_plan *plan, const tool_config *c, const char *file,
                               const char *base, const char *key, const char *v, const char *raw)
{
    static const char seps[] = " \t\n,[]{}\"'";
    enum { NONE, NEXT_C, NEXT_PROG } pending = NONE;
    int b = 0;      /* the next link-arg (or bare word) is -B's directory */
    for (const char *p = v; *p;) {
        while (*p && strchr(seps, *p)) p++;
        size_t n = strcspn(p, seps);
        if (!n) break;
        const char *w = arena_strndup(a, p, n);
        p += n;
        const char *o = NULL, *val, *why = NULL;
        value_how how = HOW_COMMAND;
        const char *prog = NULL;
        if (pending == NEXT_PROG) prog = w;
        else if (pending == NEXT_C) o = w;
        else if (!strcmp(w, "-C") || !strcmp(w, "-Z") || !strcmp(w, "--codegen")) {
            pending = NEXT_C;
            continue;
        } else if (opt_is(w, "--codegen=", &val) || opt_is(w, "-C", &val) || opt_is(w, "-Z", &val))
            o = val;
        else if (opt_is(w, "--test-runtool", &val) || opt_is(w, "--test-builder", &val) || opt_is(w, "--runtool", &val)) {
            if (*val == '=') prog = val + 1;
            else if (!*val) { pending = NEXT_PROG; continue; }
        } else if (b && w[0] != '-')
            prog = w, how = HOW_DIR, b = 0;
        pending = NONE;
        if (o) {
            const char *larg = NULL;
            if (opt_is(o, "linker=", &val) || opt_is(o, "codegen-backend=", &val)) prog = val;
            else if (opt_is(o, "link-arg=", &val) || opt_is(o, "link-args=", &val)) larg = val;
            if (larg && b && larg[0] != '-') prog = larg, how = HOW_DIR, b = 0;
            else if (larg && (opt_is(larg, "-fuse-ld=", &val) || opt_is(larg, "--ld-path=", &val))) prog = val;
            else if (larg && opt_is(larg, "-B", &val)) {
                if (*val) prog = val, how = HOW_DIR;
                else b = 1;
            }
        }
        if (prog && *prog) why = check_value(a, plan, c, file, base, key, how, prog, raw);
        if (why) return why;
    }
    return NULL;
}

/* YAML's explicit keys, "? yarnPath" with ": VALUE" on the next line,
 * rewritten in place as "  yarnPath : VALUE" (the same length) */
static void yaml_explicit_keys(char *buf, char *end)
{
    for (char *line = buf; line < end;) {
        char *eol = memchr(line, '\n', (size_t)(end - line));
        if (!eol) break;
        char *q = line;
        while (q < eol && (*q == ' ' || *q == '\t' || *q == '-')) q++;
        if (q + 1 < eol && *q == '?' && (q[1] == ' ' || q[1] == '\t')) {
            char *next = eol + 1, *c = next;
            while (c < end && (*c == ' ' || *c == '\t')) c++;
            if (c < end && *c == ':' && (c + 1 == end || strchr(" \t\r\n", c[1]))) {
                *q = ' ';
                if (eol > line && eol[-1] == '\r') eol[-1] = ' ';
                for (char *w = eol; w < c; w++) *w = ' ';
                line = c;
                continue;
            }
        }
        line = eol + 1;
    }
}

static const char *check_file(arena *a, const ll_plan *plan, const tool_config *c, const char *file, const char *base,
                              const char *const *vars, int depth);

/* A YAML value v that is an alias (*name): the value its anchor (&name,
 * the last one before it in buf, as YAML takes it) is on, read as a key's
 * is (read_value, into out); v itself otherwise */
static const char *yaml_alias(arena *a, const char *buf, const char *bend, const char *v, char *out)
{
    while (*v == ' ' || *v == '\t') v++;
    if (*v != '*') return v;
    size_t nl = strcspn(v + 1, " \t\n,[]{}");
    if (!nl) return v;
    const char *found = NULL;
    for (const char *q = buf; (q = memchr(q, '&', (size_t)(bend - q))) != NULL; q++)
        if ((q == buf || strchr(" \t\n:[{,-", q[-1])) && (size_t)(bend - q) > nl && !strncmp(q + 1, v + 1, nl) &&
            (q + 1 + nl == bend || strchr(" \t\r\n,]}", q[1 + nl])))
            found = q + 1 + nl;
    if (!found) return v;
    const char *line = found;
    while (line > buf && line[-1] != '\n') line--;
    size_t col = 0;
    while (line + col < found && (line[col] == ' ' || line[col] == '\t' || line[col] == '-')) col++;
    const char *raw;
    return read_value(a, SYN_YAML, found, bend, col, out, &raw);
}

/* The files an include key's value v names (Cargo's include = "x.toml",
 * ["a.toml", { path = "b.toml" }], [[include]] path =: the words ending
 * in .toml; npm's userconfig = the whole value; its prefix =, the file
 * kr->under beneath that directory; from file's directory): each is the
 * tool's configuration as much as file is, so one the plan lets the
 * command write or make is the problem, and one it keeps is read as file
 * is; the first problem, or NULL */
static const char *check_include(arena *a, const ll_plan *plan, const tool_config *c, const char *file,
                                 const char *base, const key_rule *kr, const char *v, const char *raw,
                                 const char *const *vars, int depth)
{
    static const char seps[] = " \t\n,[]{}\"'=";
    const char *key = kr->key;
    char *dir = arena_strdup(a, file);
    *strrchr(dir, '/') = 0;
    int toml = c->syn == SYN_TOML;
    for (const char *p = v; *p;) {
        while (*p && strchr(toml ? seps : " \t\n", *p)) p++;
        size_t n = toml ? strcspn(p, seps) : strlen(p);
        while (!toml && n && strchr(" \t\n", p[n - 1])) n--;
        if (!n) break;
        const char *w = arena_strndup(a, p, n);
        p += toml ? n : strlen(p);
        if (toml && (n < 6 || strcmp(w + n - 5, ".toml"))) continue;
        /* (npm's ~/ is the home directory) */
        if (!toml && w[0] == '~') {
            const char *home = env_value(vars, "HOME", 4);
            if (w[1] != '/' || !home) continue;
            w = arena_printf(a, "%s%s", home, w + 1);
        }
        if (kr->under) w = arena_printf(a, "%s/%s", w, kr->under);
        if (!plan) return raw;
        const char *t = runner_path_by_name(a, w[0] == '/' ? w : arena_printf(a, "%s/%s", dir, w));
        const char *kt = runner_path_kernel(a, t);
        if (runner_plan_checked_after(plan, kt)) continue;
        const char *how = runner_plan_write_why(a, plan, t);
        /* npm takes a relative one from the directory it runs in, which
         * may be any beneath the .npmrc's: from as deep as its ".."s climb
         * back, where it names a file of the project */
        const char *from = dir;
        for (const char *q = w; !how && !toml && w[0] != '/' && (q = strstr(q, "..")) != NULL; q += 2) {
            if ((q > w && q[-1] != '/') || (q[2] && q[2] != '/')) continue;
            from = arena_printf(a, "%s/buckle-probe", from);
            const char *t2 = runner_path_by_name(a, arena_printf(a, "%s/%s", from, w));
            const char *kt2 = runner_path_kernel(a, t2);
            if (!runner_plan_checked_after(plan, kt2) && (how = runner_plan_write_why(a, plan, t2)) != NULL)
                t = t2, kt = kt2;
        }
        if (how)
            return arena_printf(a, "%s includes the configuration %s (%s = %s), which the plan lets the command "
                                   "write (%s): %s takes what it says as its own configuration's (the programs "
                                   "it names run by themselves, outside any sandbox), while the profile "
                                   "keeps %s from the command; deny writing it too (deny final write literal "
                                   "\"%s\";), or remove the setting",
                                file, t, key, raw, how, c->tool, file, kt);
        /* what it says, read as file is (its own includes too) */
        const char *why = depth < 10 ? check_file(a, plan, c, t, base, vars, depth + 1) : NULL;
        if (why) return why;
    }
    return NULL;
}

/* v with mise's {{config_root}} (blanks inside the braces or not) put as
 * root, the directory the configuration is for; in a */
static const char *mise_templates(arena *a, const char *v, const char *root)
{
    strbuf b;
    sb_init(&b);
    sb_puts(&b, "");
    for (const char *p = v; *p;) {
        const char *q = p[0] == '{' && p[1] == '{' ? p + 2 : NULL;
        while (q && (*q == ' ' || *q == '\t')) q++;
        if (q && !strncmp(q, "config_root", 11)) {
            const char *e = q + 11;
            while (*e == ' ' || *e == '\t') e++;
            if (e[0] == '}' && e[1] == '}') {
                sb_puts(&b, root);
                p = e + 2;
                continue;
            }
        }
        sb_add(&b, p, 1);
        p++;
    }
    const char *out = arena_strndup(a, b.data, b.len);
    sb_free(&b);
    return out;
}

/* The variable name (n bytes at name) of an ENV table with value v, which
 * the tool exports into the user's shell: read as the environment's
 * value is (env_files.c), the files a program runs or loads by it from
 * the directory the configuration is for; a value that is a table ({
 * value = ... }) by its words with a '/'.  The first problem, or NULL. */
static const char *check_env_var(arena *a, const ll_plan *plan, const tool_config *c, const char *file,
                                 const char *base, const char *name, size_t n, const char *v, const char *raw)
{
    const char *var = arena_strndup(a, name, n);
    if (!runner_env_var_runs(var)) return NULL;
    v = mise_templates(a, v, base);
    while (*v == ' ' || *v == '\t') v++;
    size_t vl = strlen(v);
    while (vl && strchr(" \t\n", v[vl - 1])) vl--;
    if (!plan || strchr(v, '{')) {
        /* a table ({ value = "x.so", relative = true }): its words with a
         * '/', then its value read as the environment's (relative = true
         * takes it from the project, as a relative value is read here) */
        const char *why = check_value(a, plan, c, file, base, var, HOW_COMMAND, v, raw);
        const char *val = strstr(v, "value");
        while (val && ((val > v && (isalnum((unsigned char)val[-1]) || val[-1] == '_')) ||
                       val[5 + strspn(val + 5, " \t")] != '='))
            val = strstr(val + 1, "value");
        if (why || !plan || !val) return why;
        val += 5 + strspn(val + 5, " \t") + 1;
        val += strspn(val, " \t");
        v = arena_strndup(a, val, strcspn(val, " \t,}"));
        /* relative = true: from the directory the configuration is for,
         * even a bare name (LD_AUDIT = { value = "w.so", relative = true }) */
        const char *rel = strstr(raw, "relative");
        if (rel && v[0] != '/') {
            rel += 8 + strspn(rel + 8, " \t");
            if (*rel == '=' && !strncmp(rel + 1 + strspn(rel + 1, " \t"), "true", 4))
                v = arena_printf(a, "%s/%s", base, v);
        }
        vl = strlen(v);
    }
    const char *vars[2] = { arena_printf(a, "%s=%.*s", var, (int)vl, v), NULL };
    const char *why = runner_env_file_problem(a, plan, base, vars);
    return why ? arena_printf(a, "%s sets %s, which %s %s: %s", file, var, c->tool, c->exports, why) : NULL;
}

/* An ENV key's value v that is a table (env = { NODE_OPTIONS = "..." }):
 * when a variable of a name that runs something is among its names, every
 * file v names is that variable's; the first problem, or NULL */
static const char *check_env_table(arena *a, const ll_plan *plan, const tool_config *c, const char *file,
                                   const char *base, const char *v, const char *raw)
{
    for (const char *p = v; *p; p++) {
        if (!(isalpha((unsigned char)*p) || *p == '_') || (p > v && (isalnum((unsigned char)p[-1]) || p[-1] == '_')))
            continue;
        size_t n = 0;
        while (isalnum((unsigned char)p[n]) || p[n] == '_') n++;
        const char *e = p + n;
        while (*e == ' ' || *e == '\t') e++;
        if (*e != '=') continue;
        const char *why = check_env_var(a, plan, c, file, base, p, n, v, raw);
        if (why) return why;
    }
    return NULL;
}

/* a key's value v, by how the key names a program */
static const char *check_key(arena *a, const ll_plan *plan, const tool_config *c, const char *file,
                             const char *base, const key_rule *kr, const char *v, const char *raw,
                             const char *const *vars, int depth)
{
    switch (kr->how) {
    case HOW_INCLUDE: return check_include(a, plan, c, file, base, kr, v, raw, vars, depth);
    case HOW_FLAGS: return check_flags(a, plan, c, file, base, kr->key, v, raw);
    case HOW_ENV: return check_env_table(a, plan, c, file, base, v, raw);
    default: return check_value(a, plan, c, file, base, kr->key, kr->how, v, raw);
    }
}

/* the key of an ENV table ([env]) a line's start s names: the rule, or
 * NULL */
static const key_rule *env_rule(const tool_config *c, const char *h)
{
    for (size_t k = 0; h && c->keys[k].key; k++)
        if (c->keys[k].how == HOW_ENV && !strcmp(h, c->keys[k].key)) return &c->keys[k];
    return NULL;
}

/* A line's key at s (to eol), bare or quoted: its name in *name, *n, and
 * where its value starts (after '='), or NULL */
static const char *line_key(const char *s, const char *eol, const char **name, size_t *n)
{
    const char *p = s;
    if (p < eol && (*p == '"' || *p == '\'')) {
        const char *close = memchr(p + 1, *p, (size_t)(eol - p - 1));
        if (!close) return NULL;
        *name = p + 1;
        *n = (size_t)(close - p - 1);
        p = close + 1;
    } else {
        *name = p;
        while (p < eol && (isalnum((unsigned char)*p) || *p == '_' || *p == '-')) p++;
        *n = (size_t)(p - s);
    }
    while (p < eol && (*p == ' ' || *p == '\t')) p++;
    /* NAME.value = ..., TOML's dotted form of NAME = { value = ... } */
    if (*n && p < eol && *p == '.') {
        p++;
        while (p < eol && (*p == ' ' || *p == '\t')) p++;
        if ((size_t)(eol - p) < 5 || strncmp(p, "value", 5)) return NULL;
        p += 5;
        while (p < eol && (*p == ' ' || *p == '\t')) p++;
    }
    return *n && p < eol && *p == '=' ? p + 1 : NULL;
}

static const char *check_file(arena *a, const ll_plan *plan, const tool_config *c, const char *file, const char *base,
                              const char *const *vars, int depth)
{
    char *buf = runner_read_text(a, file, CONFIG_MAX);
    if (!buf) return NULL;
    if (!strncmp(buf, "\xef\xbb\xbf", 3)) buf += 3;     /* a byte order mark, which the tools skip */
    size_t got = strlen(buf);
    const char *bend = buf + got;
    if (c->syn == SYN_YAML) yaml_explicit_keys(buf, buf + got);
    char *scratch = arena_alloc(a, 2 * got + 2);     /* each value read there in turn */
    int hk = -1, env_top = 0;                        /* the table's key ([env.LD_PRELOAD]); in [env._] */
    const key_rule *env_tab = NULL;                  /* in an ENV table ([env]) */
    const char *env_var = NULL;                      /* in a variable's own table ([env.LD_AUDIT]) */
    int env_rel = 0;                                 /* ... with relative = true */
    for (const char *line = buf; line && line < bend;) {
        const char *eol = memchr(line, '\n', (size_t)(bend - line));
        if (!eol) eol = bend;
        const char *s = line;
        while (s < eol && (*s == ' ' || *s == '\t')) s++;
        if (s + 1 < eol && s[0] == '-' && (s[1] == ' ' || s[1] == '\t')) s += 2;     /* a YAML list's item */
        while (s < eol && (*s == ' ' || *s == '\t')) s++;
        /* every line a value (.python-version), a comment left out */
        if (c->syn == SYN_LINES) {
            const char *e = s;
            while (e < eol && *e != '#') e++;
            while (e > s && strchr(" \t\r", e[-1])) e--;
            const char *w = arena_strndup(a, s, (size_t)(e - s));
            const char *why = *w ? check_key(a, plan, c, file, base, &c->keys[0], w, w, vars, depth) : NULL;
            if (why) return why;
            line = eol < bend ? eol + 1 : NULL;
            continue;
        }
        const char *h = c->syn == SYN_TOML ? toml_header(a, s, eol) : NULL;
        if (h) {
            hk = header_key(c, h);
            env_top = c->env_keys && !strcmp(h, "env._");
            env_tab = env_rule(c, h);
            /* [env.NAME]: its value = is NAME's (Cargo's) */
            env_var = NULL;
            const char *dot = strchr(h, '.');
            if (dot && !strchr(dot + 1, '.') && strcmp(dot + 1, "_") && dot[1]) {
                char *top = arena_strndup(a, h, (size_t)(dot - h));
                if (env_rule(c, top)) env_var = dot + 1;
            }
            /* its relative = true, before or after its value */
            env_rel = 0;
            for (const char *q = eol; env_var && q < bend && !env_rel;) {
                q += q < bend && *q == '\n';
                const char *qe = memchr(q, '\n', (size_t)(bend - q));
                if (!qe) qe = bend;
                const char *k = q + strspn(q, " \t"), *kn;
                size_t kl = 0;
                if (k < qe && *k == '[') break;
                const char *r = line_key(k, qe, &kn, &kl);
                if (r && kl == 8 && !strncmp(kn, "relative", 8)) env_rel = !strncmp(r + strspn(r, " \t"), "true", 4);
                q = qe;
            }
            line = eol < bend ? eol + 1 : NULL;
            continue;
        }
        if (env_var && c->syn == SYN_TOML) {
            const char *name;
            size_t n = 0;
            const char *r = line_key(s, eol, &name, &n);
            if (r && n == 5 && !strncmp(name, "value", 5)) {
                /* as the table it is: { value = ... } */
                const char *raw;
                const char *v = read_value(a, c->syn, r, bend, (size_t)(s - line), scratch, &raw);
                v = arena_printf(a, "{ value = %s }", v);
                if (env_rel) raw = arena_printf(a, "{ value = %s, relative = true }", raw);
                const char *why = check_env_var(a, plan, c, file, base, env_var, strlen(env_var), v, raw);
                if (why) return why;
            }
        }
        /* a variable of an ENV table ([env] NODE_OPTIONS = "..."), or one
         * dotted below its key (env.NODE_OPTIONS = "...") */
        {
            const char *t = s, *name;
            size_t n;
            const key_rule *er = env_tab;
            for (size_t k = 0; !er && c->keys[k].key; k++) {
                size_t kl = strlen(c->keys[k].key);
                if (c->keys[k].how == HOW_ENV && !strncmp(s, c->keys[k].key, kl) && s[kl] == '.') er = &c->keys[k], t = s + kl + 1;
            }
            const char *r = er && c->syn == SYN_TOML ? line_key(t, eol, &name, &n) : NULL;
            if (r) {
                const char *raw;
                const char *v = read_value(a, c->syn, r, bend, (size_t)(s - line), scratch, &raw);
                /* (NAME.value = ...: the table { value = ... }) */
                if (name + n < r && memchr(name + n, '.', (size_t)(r - name - n))) v = arena_printf(a, "{ value = %s }", v);
                const char *why = check_env_var(a, plan, c, file, base, name, n, v, raw);
                if (why) return why;
            }
        }
        /* every value in a table a key names ([env.LD_PRELOAD] value =,
         * [credential-alias] NAME =, [env._.source] path =) is that key's */
        if (hk >= 0 && s < eol && *s != '#') {
            const char *r = s;
            while (r < eol && *r != '=' && *r != '"' && *r != '\'') r++;
            if (r < eol && *r == '"') {
                const char *close = memchr(r + 1, '"', (size_t)(eol - r - 1));
                r = close ? close + 1 : eol;
            } else if (r < eol && *r == '\'') {
                const char *close = memchr(r + 1, '\'', (size_t)(eol - r - 1));
                r = close ? close + 1 : eol;
            }
            while (r < eol && *r != '=') r++;
            if (r < eol) {
                const char *raw;
                const char *v = read_value(a, c->syn, r + 1, bend, (size_t)(s - line), scratch, &raw);
                const char *why = check_key(a, plan, c, file, base, &c->keys[hk], v, raw, vars, depth);
                if (why) return why;
            }
        }
        /* a "path:DIR" version anywhere: [tools] python = "path:./tools",
         * .tool-versions' "python path:./tools" */
        for (const char *at = s; c->versions && at + 5 < eol; at++) {
            if (strncmp(at, "path:", 5) || (at > s && !strchr(" \t\"'[{,=", at[-1]))) continue;
            size_t l = strcspn(at, " \t\r\n\"',]}#");
            if ((size_t)(eol - at) < l) l = (size_t)(eol - at);
            const char *w = arena_strndup(a, at, l);
            const char *why = check_value(a, plan, c, file, base, "version", HOW_DIR, w, w);
            if (why) return why;
        }
        /* a key at the line's start, or after a dot (TOML's dotted
         * build.rustc-wrapper), a brace or a comma (an inline table, a YAML
         * flow mapping) */
        for (const char *at = s; at < eol; at++) {
            size_t k;
            const char *r = key_start(c->syn, s, at) ? key_value(a, c, at, eol, &k) : NULL;
            if (!r) continue;
            const key_rule *kr = &c->keys[k];
            int env_key = 0;
            for (size_t e = 0; c->env_keys && c->env_keys[e]; e++) env_key |= !strcmp(kr->key, c->env_keys[e]);
            /* mise's directives: _.source, source in [env._] (at the
             * line's start), _ = { source = ... } */
            if (env_key && !(at - s >= 2 && at[-1] == '.' && (at[-2] == '_' || (at[-2] == '"' && at - s >= 4 && at[-3] == '_'))) &&
                !(env_top && at == s) && !in_underscore_table(s, at))
                continue;
            /* env.NAME = (above) */
            if (kr->how == HOW_ENV && at[strlen(kr->key)] == '.') continue;
            const char *raw;
            const char *v = read_value(a, c->syn, r, bend, (size_t)(at - line), scratch, &raw);
            if (c->syn == SYN_YAML) v = yaml_alias(a, buf, bend, v, scratch);
            for (size_t e = 0; v && c->ref_keys && c->ref_keys[e]; e++)
                if (!strcmp(kr->key, c->ref_keys[e])) v = expand_refs(a, c->refs, v, vars);
            const char *why = v ? check_key(a, plan, c, file, base, kr, v, raw, vars, depth) : NULL;
            if (why) return why;
        }
        line = eol < bend ? eol + 1 : NULL;
    }
    return NULL;
}

/* ---- where the tools look for them ----------------------------------- */

/* the value of the variable name in vars, or NULL */
static const char *var_value(const char *const *vars, const char *name)
{
    return env_value(vars, name, strlen(name));
}

/* 1 when the path's last components match c's file (a glob); *anchor:
 * the directory it is looked for from, in a */
static int config_matches(arena *a, const tool_config *c, const char *path, const char **anchor)
{
    size_t parts = 1;
    for (const char *q = c->file; *q; q++) parts += *q == '/';
    const char *tail = path + strlen(path);
    for (size_t i = 0; i < parts; i++) {
        while (tail > path && tail[-1] != '/') tail--;
        if (tail == path) return 0;
        if (i + 1 < parts) tail--;
    }
    if (fnmatch(c->file, tail, FNM_PATHNAME) != 0) return 0;
    *anchor = arena_strndup(a, path, (size_t)(tail - path > 1 ? tail - path - 1 : 1));
    return 1;
}

/* c's files looked for from the directory dir, each the plan keeps from
 * the command read (check_file); the first problem, or NULL */
static const char *check_at(arena *a, const ll_plan *plan, const tool_config *c, const char *dir, const char *file,
                            const char *const *vars)
{
    struct stat st;
    /* one the command may write is the profile's business */
    if (lstat(file, &st) != 0 || !S_ISREG(st.st_mode) || runner_plan_write_why(a, plan, file)) return NULL;
    const char *base = dir;
    if (!c->up) {
        char *d = arena_strdup(a, file);
        *strrchr(d, '/') = 0;
        base = *d ? d : "/";
    }
    return check_file(a, plan, c, file, base, vars, 0);
}

/* c's files (its glob's matches) from the directory dir; the first
 * problem, or NULL */
static const char *check_from(arena *a, const ll_plan *plan, const tool_config *c, const char *dir,
                              const char *const *vars)
{
    const char *top = strcmp(dir, "/") ? dir : "";
    const char *file = arena_printf(a, "%s/%s", top, c->file);
    const char *star = strchr(file, '*');
    if (!star) return check_at(a, plan, c, dir, file, vars);
    /* a glob in the last part: the names in its directory */
    char *parent = arena_strdup(a, file);
    *strrchr(parent, '/') = 0;
    DIR *d = opendir(*parent ? parent : "/");
    if (!d) return NULL;
    const char *why = NULL;
    for (struct dirent *e; !why && (e = readdir(d)) != NULL;) {
        const char *path = arena_printf(a, "%s/%s", parent, e->d_name);
        const char *anchor;
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") && config_matches(a, c, path, &anchor))
            why = check_at(a, plan, c, dir, path, vars);
    }
    closedir(d);
    return why;
}

const char *runner_tool_config_problem(arena *a, const ll_plan *plan, const char *cwd, const char *const *vars)
{
    for (size_t i = 0; i < sizeof configs / sizeof *configs; i++) {
        const tool_config *c = &configs[i];
        const char *why = NULL;
        if (c->at == AT_UP) {
            /* the working directory and each one above it */
            char *dir = arena_strdup(a, cwd);
            for (int n = 0; !why && n < UP_MAX; n++) {
                why = check_from(a, plan, c, dir, vars);
                char *slash = strrchr(dir, '/');
                if (!slash || !strcmp(dir, "/")) break;
                if (slash == dir) slash[1] = 0;
                else *slash = 0;
            }
        } else {
            const char *v = var_value(vars, c->at == AT_HOME ? "HOME" : c->env);
            if (!v || !*v) continue;
            if (v[0] != '/') v = arena_printf(a, "%s/%s", cwd, v);
            if (c->at == AT_ENV_FILE) why = check_at(a, plan, c, cwd, v, vars);
            else why = check_from(a, plan, c, v, vars);
        }
        if (why) return why;
    }
    return NULL;
}

unsigned long long runner_tool_configs_walked(arena *a, const ll_plan *plan, const char *cwd)
{
    unsigned long long kinds = 0;
    const char *top = strcmp(cwd, "/") ? cwd : "";
    for (size_t i = 0; i < sizeof configs / sizeof *configs; i++) {
        if (configs[i].at != AT_UP) continue;
        const char *f = arena_printf(a, "%s/%s", top, configs[i].gate ? configs[i].gate : configs[i].file);
        if (runner_plan_checked_after(plan, f) || !runner_plan_write_why(a, plan, f)) kinds |= 1ULL << i;
    }
    return kinds;
}

/* the row of the table path is a file of (kinds' bits), or -1 */
static int config_row(arena *a, const char *path, unsigned long long kinds)
{
    /* a package manager's tree (what npm install unpacks), where no one
     * works */
    if (strstr(path, "/node_modules/") || strstr(path, "/site-packages/")) return -1;
    for (size_t i = 0; i < sizeof configs / sizeof *configs; i++) {
        const char *anchor;
        if (configs[i].at == AT_UP && (kinds >> i & 1) && config_matches(a, &configs[i], path, &anchor)) return (int)i;
    }
    return -1;
}

/* 1 when the name of n bytes at s matches the glob component pat (to
 * its end or a '/'), looked at by its first character first */
static int component_matches(const char *pat, size_t pl, const char *s, size_t n)
{
    if (!pl || !n || (pat[0] != '*' && pat[0] != s[0])) return 0;
    /* "*SUFFIX" without other wildcards: its suffix (most names pass here) */
    if (pat[0] == '*' && !memchr(pat + 1, '*', pl - 1) && !memchr(pat + 1, '?', pl - 1) && !memchr(pat + 1, '[', pl - 1))
        return n >= pl - 1 && !memcmp(s + n - (pl - 1), pat + 1, pl - 1);
    char p[256], w[256];
    if (pl >= sizeof p || n >= sizeof w) return 0;
    memcpy(p, pat, pl), p[pl] = 0;
    memcpy(w, s, n), w[n] = 0;
    return fnmatch(p, w, 0) == 0;
}

/* 1 when dir/name (nl bytes) ends with the components of pat's first pl
 * bytes, matched from the last: name's, then dir's (dl bytes) from its end */
static int tail_matches(const char *pat, size_t pl, const char *dir, size_t dl, const char *name, size_t nl)
{
    const char *pe = pat + pl, *de = dir + dl;
    int ok = 1, first = 1;
    while (ok && pe > pat) {
        const char *ps = pe;
        while (ps > pat && ps[-1] != '/') ps--;
        if (first) ok = component_matches(ps, (size_t)(pe - ps), name, nl);
        else {
            const char *ds = de;
            while (ds > dir && ds[-1] != '/') ds--;
            ok = ds > dir && component_matches(ps, (size_t)(pe - ps), ds, (size_t)(de - ds));
            de = ds > dir ? ds - 1 : dir;
        }
        first = 0;
        pe = ps > pat ? ps - 1 : pat;
    }
    return ok;
}

/* 1 when dir/name is in no package manager's tree */
static int outside_packages(const char *dir, const char *name)
{
    if (strstr(dir, "/node_modules/") || strstr(dir, "/site-packages/") || !strcmp(name, ".") || !strcmp(name, ".."))
        return 0;
    size_t dl = strlen(dir);
    return !((dl >= 13 && !strcmp(dir + dl - 13, "/node_modules")) ||
             (dl >= 14 && !strcmp(dir + dl - 14, "/site-packages")));
}

int runner_tool_config_place(const char *dir, const char *name)
{
    if (!outside_packages(dir, name)) return 0;
    for (size_t i = 0; i < sizeof configs / sizeof *configs; i++)
        if (configs[i].at == AT_UP &&
            tail_matches(configs[i].file, strlen(configs[i].file), dir, strlen(dir), name, strlen(name)))
            return 1;
    return 0;
}

int runner_tool_config_dir_place(const char *dir, const char *name)
{
    if (!outside_packages(dir, name)) return 0;
    for (size_t i = 0; i < sizeof configs / sizeof *configs; i++) {
        if (configs[i].at != AT_UP) continue;
        /* each of its directories: the components before a '/' */
        for (const char *q = strchr(configs[i].file, '/'); q; q = strchr(q + 1, '/'))
            if (tail_matches(configs[i].file, (size_t)(q - configs[i].file), dir, strlen(dir), name, strlen(name)))
                return 1;
    }
    return 0;
}

const char *runner_tool_config_key(arena *a, const char *dir, const char *name, const struct stat *st, size_t *n)
{
    char id[48];
    int il = snprintf(id, sizeof id, "%llx:%llx", (unsigned long long)st->st_dev, (unsigned long long)st->st_ino);
    const char *path = arena_printf(a, "%s/%s", strcmp(dir, "/") ? dir : "", name);
    size_t pl = strlen(path);
    char *k = arena_alloc(a, pl + 1 + (size_t)il + 1);
    memcpy(k, path, pl + 1);                  /* the path, its NUL, the file: no path has a NUL in it */
    memcpy(k + pl + 1, id, (size_t)il + 1);
    *n = pl + 1 + (size_t)il;
    return k;
}

int runner_tool_config_made(const char *dir, const char *name, unsigned long long kinds)
{
    arena a;
    arena_init(&a);
    const char *path = arena_printf(&a, "%s/%s", strcmp(dir, "/") ? dir : "", name);
    int row = config_row(&a, path, kinds), made = 0;
    for (int i = row; i >= 0 && i < (int)(sizeof configs / sizeof *configs) && !made; i++) {
        const tool_config *c = &configs[i];
        const char *anchor;
        if (c->at != AT_UP || !(kinds >> i & 1) || !config_matches(&a, c, path, &anchor)) continue;
        struct stat st;
        /* what it says, read as the tool reads it; a link, or one that
         * cannot be read whole, is named */
        if (c->any || lstat(path, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size >= CONFIG_MAX) made = 1;
        else {
            char *buf = runner_read_text(&a, path, CONFIG_MAX);
            made = !buf || strlen(buf) != (size_t)st.st_size ||
                   check_file(&a, NULL, c, path, c->up ? anchor : dir, NULL, 0) != NULL;
        }
    }
    arena_free(&a);
    return made;
}

void runner_tool_config_said(const char *path, const char **title, const char **when)
{
    arena a;
    arena_init(&a);
    int row = config_row(&a, path, ~0ULL);
    arena_free(&a);
    *title = row >= 0 && configs[row].title ? configs[row].title : "tool";
    *when = row >= 0 && configs[row].when ? configs[row].when : "what it names runs at your next command in that directory";
}
