/* env_files.c - files the user's environment has programs run at their
 * start (env_files.h).  The environment buckle is started with is the
 * shell's, which the user's later commands get too: a BASH_ENV naming a
 * file the command may write has every bash script the user runs later,
 * anywhere, run what the command put there, outside any sandbox.  Such a
 * run is refused before it starts, as for GIT_EXEC_PATH
 * (nested_repos.c). */
#define _GNU_SOURCE
#include "env_files.h"
#include "nested_repos.h"
#include "option_file.h"
#include <stdlib.h>
#include <string.h>

/* how a variable names its files: a path; the words of node's options
 * that load a module; a list of paths (blanks or colons between); a
 * directory a program takes its start-up files from (probes: those);
 * a shell command, whose words with a '/' in them (less's input filter
 * after its leading | or ||); a program's options (opts) whose value, put
 * right after the option, names a file it loads: one ending in ':' any
 * (java's -javaagent:agent.jar=options, up to the '='), another one
 * starting with '/' or '.' (ruby's -r./x: a bare one is a library looked
 * for elsewhere), or the next word when nothing is put after it; or
 * (EF_ENVRC) one whose files are the project's own code more often than
 * not (PYTHONPATH=src, CC=./tools/cc): the environment's value is left to
 * the user, an .envrc's is watched (direnv_files.c), with the start-up
 * files a program takes from a directory it names (probes: python's
 * sitecustomize.py and usercustomize.py, from each PYTHONPATH directory) */
typedef enum { EF_PATH, EF_NODE, EF_LIST, EF_DIR, EF_CMD, EF_OPTS, EF_ENVRC } env_form;

enum { PROBES_MAX = 4 };

typedef struct env_file {
    const char *var;
    env_form form;
    const char *probes[PROBES_MAX];
    const char *runs;            /* who runs it, and when */
    const char *const *opts;     /* EF_OPTS, EF_NODE: the options */
} env_file;

static const char *const java_loads[] = { "-javaagent:", "-agentpath:", NULL };
static const char *const ruby_loads[] = { "-r", NULL };
/* node's options whose value is a module it loads first */
static const char *const node_loads[] = { "--require", "-r", "--import", "--loader", "--experimental-loader", NULL };

static const env_file env_files[] = {
    { .var = "BASH_ENV", .form = EF_PATH, .runs = "bash runs it at the start of every script" },
    { .var = "ENV", .form = EF_PATH, .runs = "sh runs it at the start of every interactive shell" },
    { .var = "PYTHONSTARTUP", .form = EF_PATH, .runs = "python runs it at the start of every interactive session" },
    { .var = "PSQLRC", .form = EF_PATH, .runs = "psql runs it at the start of every session" },
    { .var = "NODE_OPTIONS", .form = EF_NODE, .opts = node_loads, .runs = "node loads it in every process it starts" },
    { .var = "LD_PRELOAD", .form = EF_LIST, .runs = "the dynamic loader loads it into every program" },
    { .var = "ZDOTDIR", .form = EF_DIR, .probes = { ".zshenv", ".zshrc", ".zprofile", ".zlogin" },
      .runs = "zsh runs its start-up files there (.zshenv at every start)" },
    /* the tools' own homes and configuration directories: what the
     * configuration there names (a rustc-wrapper, mise's hooks and [env]
     * scripts, npm's node-options) runs at the tool's next start, anywhere */
    { .var = "CARGO_HOME", .form = EF_DIR, .probes = { "config.toml", "config" },
      .runs = "cargo takes its configuration there at every command (its rustc-wrapper, linker and runner run)" },
    { .var = "RUSTUP_HOME", .form = EF_DIR, .probes = { "settings.toml", "toolchains/buckle-probe" },
      .runs = "rustup runs the toolchains there (cargo and rustc) and takes its settings there at every command" },
    { .var = "MISE_CONFIG_DIR", .form = EF_DIR, .probes = { "config.toml", "config.local.toml", "conf.d/buckle-probe.toml" },
      .runs = "mise takes its global configuration there (its hooks and [env] scripts run at every prompt)" },
    { .var = "MISE_GLOBAL_CONFIG_FILE", .form = EF_PATH,
      .runs = "mise takes it as its global configuration (its hooks and [env] scripts run at every prompt)" },
    { .var = "MISE_DATA_DIR", .form = EF_DIR, .probes = { "installs/buckle-probe", "plugins/buckle-probe" },
      .runs = "mise runs the tools and plugins installed there" },
    { .var = "ASDF_DATA_DIR", .form = EF_DIR, .probes = { "shims/buckle-probe", "installs/buckle-probe", "plugins/buckle-probe" },
      .runs = "asdf runs the shims, tools and plugins there" },
    { .var = "ASDF_CONFIG_FILE", .form = EF_PATH, .runs = "asdf takes its settings there at every command" },
    { .var = "NPM_CONFIG_USERCONFIG", .form = EF_PATH,
      .runs = "npm takes it as your .npmrc at every command (its node-options and script-shell run)" },
    { .var = "NPM_CONFIG_GLOBALCONFIG", .form = EF_PATH,
      .runs = "npm takes it as its global npmrc at every command (its node-options and script-shell run)" },
    { .var = "PYTHONUSERBASE", .form = EF_DIR, .probes = { "lib/buckle-probe" },
      .runs = "python imports usercustomize.py and runs the .pth files of its site-packages there at every start" },
    { .var = "LESSOPEN", .form = EF_CMD, .runs = "less runs it on every file it shows (git's pager is less)" },
    { .var = "LESSCLOSE", .form = EF_CMD, .runs = "less runs it after every file it shows (git's pager is less)" },
    { .var = "PAGER", .form = EF_CMD, .runs = "git, man and others run it to show what they print" },
    { .var = "MANPAGER", .form = EF_CMD, .runs = "man runs it to show every page" },
    { .var = "BROWSER", .form = EF_CMD, .runs = "xdg-open, python's webbrowser and others run it to open a page" },
    { .var = "FCEDIT", .form = EF_CMD, .runs = "bash's fc runs it to have a command edited" },
    { .var = "VISUAL", .form = EF_CMD, .runs = "git and others run it to have a message or file edited" },
    { .var = "EDITOR", .form = EF_CMD, .runs = "git and others run it to have a message or file edited" },
    { .var = "RUSTC_WRAPPER", .form = EF_CMD, .runs = "cargo runs it at every compilation" },
    { .var = "RUSTC_WORKSPACE_WRAPPER", .form = EF_CMD, .runs = "cargo runs it at every compilation of the workspace" },
    { .var = "CARGO_BUILD_RUSTC_WRAPPER", .form = EF_CMD, .runs = "cargo runs it at every compilation" },
    { .var = "PROMPT_COMMAND", .form = EF_CMD, .runs = "bash runs it before every prompt" },
    { .var = "SSH_ASKPASS", .form = EF_CMD, .runs = "ssh runs it to ask for a passphrase" },
    { .var = "SUDO_ASKPASS", .form = EF_CMD, .runs = "sudo -A runs it to ask for a password" },
    { .var = "JAVA_TOOL_OPTIONS", .form = EF_OPTS, .opts = java_loads, .runs = "every java program loads it at its start" },
    { .var = "RUBYOPT", .form = EF_OPTS, .opts = ruby_loads, .runs = "ruby loads it at the start of every program" },
    { .var = "SHELL", .form = EF_ENVRC },
    { .var = "KUBECONFIG", .form = EF_ENVRC },
    { .var = "GNUPGHOME", .form = EF_ENVRC },
    { .var = "PERL5OPT", .form = EF_ENVRC },
    { .var = "PERL5LIB", .form = EF_ENVRC },
    { .var = "RUBYLIB", .form = EF_ENVRC },
    { .var = "PYTHONPATH", .form = EF_ENVRC, .probes = { "sitecustomize.py", "usercustomize.py" } },
    { .var = "PYTHONHOME", .form = EF_ENVRC },
    { .var = "NODE_PATH", .form = EF_ENVRC },
    { .var = "CLASSPATH", .form = EF_ENVRC },
    { .var = "GEM_PATH", .form = EF_ENVRC },
    { .var = "GOPATH", .form = EF_ENVRC },
    { .var = "FPATH", .form = EF_ENVRC },
    { .var = "PKG_CONFIG_PATH", .form = EF_ENVRC },
    { .var = "MANPATH", .form = EF_ENVRC },
    { .var = "XDG_CONFIG_DIRS", .form = EF_ENVRC },
    { .var = "CC", .form = EF_ENVRC },
    { .var = "CXX", .form = EF_ENVRC },
    { .var = "LD", .form = EF_ENVRC },
    { .var = "AR", .form = EF_ENVRC },
    { .var = "MAKE", .form = EF_ENVRC },
    { .var = "MAKEFLAGS", .form = EF_ENVRC },
    { .var = "GOFLAGS", .form = EF_ENVRC },
    { .var = "RUSTFLAGS", .form = EF_ENVRC },
    { .var = "CFLAGS", .form = EF_ENVRC },
    { .var = "LDFLAGS", .form = EF_ENVRC },
};

/* the table's entry for the name of n bytes at name, or NULL */
static const env_file *lookup(const char *name, size_t n)
{
    for (size_t k = 0; k < sizeof env_files / sizeof env_files[0]; k++)
        if (strlen(env_files[k].var) == n && !strncmp(name, env_files[k].var, n)) return &env_files[k];
    return NULL;
}

int runner_env_var_runs(const char *name)
{
    return lookup(name, strlen(name)) != NULL;
}

const char *runner_env_var_probe(const char *name, size_t k)
{
    const env_file *e = lookup(name, strlen(name));
    return e && k < PROBES_MAX ? e->probes[k] : NULL;
}

/* whether an option's value v names a file: a path ('/' or '.' first; a
 * bare one is a module or library looked for elsewhere), or, for node, a
 * file: URL */
static int names_file(const env_file *e, const char *v)
{
    return v[0] == '/' || v[0] == '.' || (e->form == EF_NODE && runner_file_url(v));
}

static const char *problem_probe(arena *a, const ll_plan *plan, const char *cwd, const env_file *e,
                                 const char *value, const char *path, const char *probe_name)
{
    /* one the shell that reads it expands (ENV=$HOME/.shrc), or a
     * literal ~ that names no home: left to that shell */
    if (!*path || strpbrk(path, "$`") || path[0] == '~') return NULL;
    const char *p = runner_path_by_name(a, path[0] == '/' ? path : arena_printf(a, "%s/%s", cwd, path));
    const char *probe = probe_name ? arena_printf(a, "%s/%s", strcmp(p, "/") ? p : "", probe_name) : p;
    const char *kp = runner_path_kernel(a, probe);
    if (runner_plan_checked_after(plan, kp)) return NULL;
    const char *how = runner_plan_write_why(a, plan, probe);
    if (!how) return NULL;
    if (probe_name) kp = runner_path_kernel(a, p);
    return arena_printf(a, "the environment's %s names %s%s (%s = %s), which the plan lets the command write (%s): %s, "
                           "outside any sandbox, in the later commands of the shell buckle was started from; keep %s "
                           "out of the directories the command may write, or deny writing %s too (deny final write "
                           "%s\"%s\";)",
                        e->var, probe_name ? "the directory " : "", p, e->var, value, how, e->runs, e->var,
                        probe_name ? "that directory" : "it", probe_name ? "" : "literal ", kp);
}

/* the file path names, or each start-up file in the directory it names */
static const char *problem(arena *a, const ll_plan *plan, const char *cwd, const env_file *e, const char *value,
                           const char *path)
{
    if (!e->probes[0]) return problem_probe(a, plan, cwd, e, value, path, NULL);
    const char *why = NULL;
    for (size_t k = 0; k < PROBES_MAX && e->probes[k] && !why; k++)
        why = problem_probe(a, plan, cwd, e, value, path, e->probes[k]);
    return why;
}

/* each file the option word w may name in itself (runner_option_files) */
static const char *option_problem(arena *a, const ll_plan *plan, const char *cwd, const env_file *e,
                                  const char *value, const char *w)
{
    const char *f[OPTION_FILES_MAX], *why = NULL;
    size_t n = runner_option_files(a, w, f);
    for (size_t i = 0; i < n && !why; i++) why = problem(a, plan, cwd, e, value, f[i]);
    return why;
}

/* the value's next word at *s, to a blank (a list: or a colon), double
 * quotes taken off (node reads NODE_OPTIONS so) */
static const char *next_word(arena *a, const char **s, int colon)
{
    const char *p = *s;
    while (*p == ' ' || *p == '\t' || *p == '\n' || (colon && *p == ':')) p++;
    if (!*p) { *s = p; return NULL; }
    char *out = arena_alloc(a, strlen(p) + 1);
    size_t n = 0;
    int quote = 0;
    for (; *p && (quote || !(*p == ' ' || *p == '\t' || *p == '\n' || (colon && *p == ':'))); p++) {
        if (*p == '"') { quote = !quote; continue; }
        if (*p == '\\' && quote && p[1]) p++;
        out[n++] = *p;
    }
    out[n] = 0;
    *s = p;
    return out;
}

const char *runner_env_file_problem(arena *a, const ll_plan *plan, const char *cwd, const char *const *vars)
{
    for (size_t i = 0; vars && vars[i]; i++) {
        const char *eq = strchr(vars[i], '=');
        if (!eq) continue;
        const env_file *e = lookup(vars[i], (size_t)(eq - vars[i]));
        if (!e || e->form == EF_ENVRC || !eq[1]) continue;
        const char *value = eq + 1, *why = NULL;
        if (e->form == EF_PATH || e->form == EF_DIR) why = problem(a, plan, cwd, e, value, value);
        const char *s = value, *w;
        int take = 0;
        while (e->form == EF_LIST && !why && (w = next_word(a, &s, 1)) != NULL)
            if (strchr(w, '/')) why = problem(a, plan, cwd, e, value, w);
        /* a shell command's words, less the separators around them, an
         * option (-o/x, --x=/y), an assignment and a redirection's file,
         * which nothing runs */
        int redirect = 0;
        while (e->form == EF_CMD && !why && (w = next_word(a, &s, 0)) != NULL) {
            int skip = redirect || w[0] == '-' || strchr(w, '=');
            redirect = *w && strpbrk(w, "<>") && strchr("<>", w[strlen(w) - 1]);
            if (skip || strpbrk(w, "<>")) continue;
            w += strspn(w, "|;&(");
            char *c = arena_strndup(a, w, strcspn(w, ";&|)"));
            if (strchr(c, '/')) why = problem(a, plan, cwd, e, value, c);
        }
        /* the option's value: the next word, or in the option's own word
         * (runner_option_files) in the form the program reads there: java's
         * after its ':', ruby's right after -r, node's after its '=' */
        while ((e->form == EF_OPTS || e->form == EF_NODE) && !why && (w = next_word(a, &s, 0)) != NULL) {
            if (take && names_file(e, w)) why = option_problem(a, plan, cwd, e, value, w);
            take = 0;
            for (size_t k = 0; e->opts[k] && !why; k++) {
                size_t l = strlen(e->opts[k]);
                int colon = e->opts[k][l - 1] == ':';
                if (strncmp(w, e->opts[k], l)) continue;
                if (!w[l]) take = !colon;
                else if (colon || (e->form == EF_NODE ? w[l] == '=' && names_file(e, w + l + 1) : names_file(e, w + l)))
                    why = option_problem(a, plan, cwd, e, value, w);
            }
        }
        if (why) return why;
    }
    return NULL;
}
