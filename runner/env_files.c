/* env_files.c - files the user's environment has programs run at their
 * start (env_files.h).  The environment buckle is started with is the
 * shell's, which the user's later commands get too: a BASH_ENV naming a
 * file the command may write has every bash script the user runs later,
 * anywhere, run what the command put there, outside any sandbox.  Such a
 * run is refused before it starts, as for GIT_EXEC_PATH
 * (nested_repos.c).  The table below gives the forms and messages of the
 * variables known to do so; every other variable counts by what its value
 * names (any_problem), since no table of them is complete. */
#define _GNU_SOURCE
#include "env_files.h"
#include "nested_repos.h"
#include "option_file.h"
#include "path_text.h"
#include "text_file.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* how a variable names its files: a path; the words of node's options
 * that load a module; a list of paths (blanks or colons between); a
 * directory a program takes its start-up files from (probes: those, a
 * '*' in one standing for each name there: an .envrc's are watched after
 * the run, each file the pattern matches then, and each entry of a
 * directory one ending in '/' matches, direnv_files.c);
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
 * sitecustomize.py and usercustomize.py, from each PYTHONPATH directory);
 * or (EF_ANY) options whose every path may name what a program loads or
 * runs (GOFLAGS's -toolexec=, RUSTFLAGS's -C linker=): the rule for every
 * variable not listed (any_problem). */
typedef enum { EF_PATH, EF_NODE, EF_LIST, EF_DIR, EF_CMD, EF_OPTS, EF_ENVRC, EF_ANY } env_form;

enum { PROBES_MAX = 8 };

typedef struct env_file {
    const char *var;
    env_form form;
    const char *probes[PROBES_MAX];
    const char *runs;            /* who runs it, and when */
    const char *const *opts;     /* EF_OPTS, EF_NODE: the options */
    const char *dflt;            /* EF_ANY: the tool's own place, beneath the home directory, which the
                                  * variable naming it changes nothing about (npm run's npm_config_cache) */
    int argfiles;                /* EF_OPTS: a word @FILE is a file of more options the program reads
                                  * (the java launcher's; @@ an '@' as it is) */
} env_file;

static const char *const java_loads[] = { "-javaagent:", "-agentpath:", NULL };
static const char *const ruby_loads[] = { "-r", NULL };
static const char *const perl_loads[] = { "-M", "-m", NULL };
/* node's options whose value is a module it loads first, or a file that
 * names one (an OpenSSL configuration's provider module) */
static const char *const node_loads[] = { "--require", "-r", "--import", "--loader", "--experimental-loader",
                                          "--openssl-config", NULL };

static const env_file env_files[] = {
    { .var = "BASH_ENV", .form = EF_PATH, .runs = "bash runs it at the start of every script" },
    { .var = "ENV", .form = EF_PATH, .runs = "sh runs it at the start of every interactive shell" },
    { .var = "PYTHONSTARTUP", .form = EF_PATH, .runs = "python runs it at the start of every interactive session" },
    { .var = "PSQLRC", .form = EF_PATH, .runs = "psql runs it at the start of every session" },
    { .var = "NODE_OPTIONS", .form = EF_NODE, .opts = node_loads, .runs = "node loads it in every process it starts" },
    { .var = "LD_PRELOAD", .form = EF_LIST, .runs = "the dynamic loader loads it into every program" },
    { .var = "LD_AUDIT", .form = EF_LIST, .runs = "the dynamic loader loads it into every program" },
    { .var = "GCONV_PATH", .form = EF_LIST, .probes = { "*" }, .runs = "glibc loads the character set modules there into programs that convert text" },
    { .var = "OPENSSL_CONF", .form = EF_PATH,
      .runs = "OpenSSL reads it in every program that uses it (python, curl, openssl, git), and loads the modules it names" },
    { .var = "OPENSSL_MODULES", .form = EF_DIR, .probes = { "*" },
      .runs = "OpenSSL loads its provider modules from there in every program that uses it" },
    { .var = "PYTHONHOME", .form = EF_DIR,
      .probes = { "lib/python3*/", "lib/python3*/*.py", "lib/python3*/encodings/", "lib/python3*/encodings/*.py",
                  "lib/python3*/site-packages/", "lib/python3*/__pycache__/", "lib/python3*/encodings/__pycache__/" },
      .runs = "python imports its standard library (site.py) from there at every start" },
    { .var = "INPUTRC", .form = EF_PATH, .runs = "readline takes its keys and macros there in every interactive bash" },
    { .var = "IRBRC", .form = EF_PATH, .runs = "irb runs it at the start of every session" },
    { .var = "R_PROFILE_USER", .form = EF_PATH, .runs = "R runs it at every start" },
    { .var = "SHELL", .form = EF_ANY },
    { .var = "KUBECONFIG", .form = EF_LIST, .runs = "kubectl takes its configuration there (its exec commands run) at every command" },
    { .var = "XDG_CONFIG_DIRS", .form = EF_LIST, .runs = "programs take their configuration there at their start" },
    { .var = "GIT_DIR", .form = EF_DIR, .probes = { "config", "hooks/buckle-probe", "commondir" },
      .runs = "git takes its configuration and hooks there at every command (its fsmonitor, pager and hooks run)" },
    { .var = "GIT_COMMON_DIR", .form = EF_DIR, .probes = { "config", "hooks/buckle-probe" },
      .runs = "git takes its configuration and hooks there at every command (its fsmonitor, pager and hooks run)" },
    { .var = "GNUPGHOME", .form = EF_DIR, .probes = { "gpg-agent.conf", "gpg.conf" },
      .runs = "gpg takes its configuration there (its pinentry-program runs) at every signature" },
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
    { .var = "_JAVA_OPTIONS", .form = EF_OPTS, .opts = java_loads, .runs = "every java program loads it at its start" },
    { .var = "JDK_JAVA_OPTIONS", .form = EF_OPTS, .opts = java_loads, .argfiles = 1,
      .runs = "the java launcher loads it at every start" },
    { .var = "PERL5OPT", .form = EF_OPTS, .opts = perl_loads, .runs = "perl loads it at the start of every program" },
    { .var = "NPM_CONFIG_NODE_OPTIONS", .form = EF_NODE, .opts = node_loads,
      .runs = "npm has node load it in every script it runs" },
    { .var = "NPM_CONFIG_SCRIPT_SHELL", .form = EF_CMD, .runs = "npm runs every script with it" },
    { .var = "NPM_CONFIG_CACHE", .form = EF_ANY, .dflt = ".npm" },
    { .var = "RUBYOPT", .form = EF_OPTS, .opts = ruby_loads, .runs = "ruby loads it at the start of every program" },
    { .var = "PERL5LIB", .form = EF_ENVRC },
    { .var = "RUBYLIB", .form = EF_ENVRC },
    { .var = "PYTHONPATH", .form = EF_ENVRC, .probes = { "sitecustomize.py", "usercustomize.py" } },
    { .var = "NODE_PATH", .form = EF_ENVRC },
    { .var = "CLASSPATH", .form = EF_ENVRC },
    { .var = "GEM_PATH", .form = EF_ENVRC },
    { .var = "GOPATH", .form = EF_ENVRC },
    { .var = "FPATH", .form = EF_ENVRC },
    { .var = "PKG_CONFIG_PATH", .form = EF_ENVRC },
    { .var = "MANPATH", .form = EF_ENVRC },
    { .var = "CC", .form = EF_ENVRC },
    { .var = "CXX", .form = EF_ENVRC },
    { .var = "LD", .form = EF_ENVRC },
    { .var = "AR", .form = EF_ENVRC },
    { .var = "MAKE", .form = EF_ENVRC },
    { .var = "MAKEFLAGS", .form = EF_ENVRC },
    { .var = "GOFLAGS", .form = EF_ANY, .runs = "go runs the programs its options name at every build" },
    { .var = "RUSTFLAGS", .form = EF_ANY, .runs = "cargo and rustc run the programs its options name at every build" },
    { .var = "CFLAGS", .form = EF_ENVRC },
    { .var = "LDFLAGS", .form = EF_ENVRC },
};

/* The variables the rule for every other one (any_problem) leaves alone,
 * though they may name a place the command may write: the shell's and
 * npm's record of where they are and what they run (PWD, npm_package_json,
 * npm_lifecycle_script), git's index in a hook (GIT_INDEX_FILE), direnv's
 * own state (DIRENV_DIR), the home and
 * the temporary directories, whose start-up files the profile's denies
 * and buckle's own TMPDIR decide about; and the project's own programs,
 * which the user runs knowing they are the project's: PATH (its
 * directories are looked at after the run, path_shadows.c), an activated
 * virtual environment, and the search paths and compilers the table
 * leaves to the user (EF_ENVRC).  A name ending in '_' is a prefix. */
static const char *const data_vars[] = { "PWD", "OLDPWD", "_", "HOME", "TMPDIR", "TMP", "TEMP", "TEMPDIR",
                                         "HISTFILE", "MAIL", "INIT_CWD", "npm_config_local_prefix", "GIT_INDEX_FILE",
                                         "npm_package_", "npm_lifecycle_", "DIRENV_", "PATH", "VIRTUAL_ENV",
                                         "CONDA_PREFIX", "CONDA_PREFIX_" };

/* The endings of the names of variables that name a tool's home or
 * configuration directory (GRADLE_USER_HOME, GEM_HOME, JAVA_HOME,
 * DOCKER_CONFIG, GOROOT), where the tool takes code it runs at its start
 * (Gradle's init.d scripts, RubyGems' plugins, go's pkg/tool): the working directory
 * is no place the user works there, but the worst value */
static const char *const home_endings[] = { "_HOME", "_CONFIG", "GOROOT" };

static int home_var(const char *name, size_t n)
{
    for (size_t k = 0; k < sizeof home_endings / sizeof *home_endings; k++) {
        size_t l = strlen(home_endings[k]);
        if (n >= l && !strncmp(name + n - l, home_endings[k], l)) return 1;
    }
    return 0;
}

static int data_var(const char *name, size_t n)
{
    for (size_t k = 0; k < sizeof data_vars / sizeof *data_vars; k++) {
        size_t l = strlen(data_vars[k]);
        int prefix = data_vars[k][l - 1] == '_' && l > 1;
        if (prefix ? n >= l && !strncmp(name, data_vars[k], l) : n == l && !strncmp(name, data_vars[k], n)) return 1;
    }
    return 0;
}

/* the table's entry for the name of n bytes at name, or NULL; npm takes
 * its npm_config_ variables in any case (npm_config_userconfig) */
static const env_file *lookup(const char *name, size_t n)
{
    int npm = n > 11 && !strncasecmp(name, "npm_config_", 11);
    for (size_t k = 0; k < sizeof env_files / sizeof env_files[0]; k++)
        if (strlen(env_files[k].var) == n &&
            (npm ? !strncasecmp(name, env_files[k].var, n) : !strncmp(name, env_files[k].var, n)))
            return &env_files[k];
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

/* The dynamic loader's own tokens in a path of an LD_ variable ($LIB,
 * $PLATFORM, $ORIGIN, ${LIB}): ld.so, not a shell, puts a directory in
 * their place (lib/x86_64-linux-gnu, x86_64) when it loads the library.
 * What the path can be is then anything beneath the directory before the
 * first one: that directory (absolute), or NULL (none, or relative to
 * each program's own: $ORIGIN first). */
static const char *ldso_dir(arena *a, const char *name, size_t n, const char *path)
{
    const char *dollar = strchr(path, '$');
    if (n < 3 || strncmp(name, "LD_", 3) || !dollar || path[0] != '/' || strchr(path, '`')) return NULL;
    size_t l = (size_t)(dollar - path);
    while (l > 0 && path[l - 1] != '/') l--;
    while (l > 1 && path[l - 1] == '/') l--;
    return l ? arena_strndup(a, path, l) : NULL;
}

/* a grant that lets the command write files lies beneath dir (the
 * directory a token of the loader's expands to may be one of them) */
static const char *write_grant_beneath(const ll_plan *plan, const char *dir)
{
    for (size_t i = 0; i < plan->ng; i++)
        if ((plan->g[i].access & (LL_FS_WRITE_FILE | LL_FS_MAKE_REG)) && runner_path_within(plan->g[i].path, dir))
            return plan->g[i].path;
    return NULL;
}

/* The dynamic loader's variables whose paths it loads libraries from: a
 * path there that does not start with '/' (tools/x.so, $LIB/x.so,
 * ${PLATFORM}/a.so; in LD_LIBRARY_PATH a bare lib and an empty entry,
 * which is '.') is taken from the directory each later program runs in,
 * and one that starts with $ORIGIN from the directory the program is in:
 * either may be any directory the command may make a file in.  Such a
 * value is refused when the plan lets the command make a file anywhere;
 * a bare name in LD_PRELOAD or LD_AUDIT (libfake.so) is looked for in
 * the library directories instead. */
static const char *ldso_relative_problem(arena *a, const ll_plan *plan, const char *cwd, const char *name, size_t n,
                                         const char *value)
{
    int search = n == 15 && !strncmp(name, "LD_LIBRARY_PATH", n);
    if (!search && !(n == 10 && !strncmp(name, "LD_PRELOAD", n)) && !(n == 8 && !strncmp(name, "LD_AUDIT", n)))
        return NULL;
    /* (the working directory's, said first; the kernel's own file
     * systems hold no file a program loads) */
    const char *grant = runner_plan_write_why(a, plan, arena_printf(a, "%s/buckle-probe", strcmp(cwd, "/") ? cwd : ""));
    for (size_t i = 0; i < plan->ng && !grant; i++)
        if ((plan->g[i].access & LL_FS_MAKE_REG) && !runner_path_within(plan->g[i].path, "/dev") &&
            !runner_path_within(plan->g[i].path, "/proc") && !runner_path_within(plan->g[i].path, "/sys"))
            grant = arena_printf(a, "a grant of %s", plan->g[i].path);
    if (!grant) return NULL;
    /* (LD_LIBRARY_PATH's entries are between ':' or ';', LD_PRELOAD's
     * between ':' or blanks, LD_AUDIT's between ':') */
    const char *seps = search ? ":;" : n == 8 ? ":" : ": \t";
    for (const char *e = value;;) {
        size_t l = strcspn(e, seps);
        int relative = l ? e[0] != '/' && (search || memchr(e, '/', l)) : search;
        if (relative)
            return arena_printf(a, "the environment's %.*s names %s%.*s%s (%.*s = %s), a path the dynamic loader "
                                   "takes from the directory each later program runs in (or, with $ORIGIN, the "
                                   "one it is in), which may be any directory the command may make a file in (%s): the dynamic loader loads what the command puts there into "
                                   "every program, outside any sandbox, in the later commands of the shell buckle "
                                   "was started from; give %.*s absolute paths the command may not write, or "
                                   "leave it out of the run (env -u %.*s buckle run ...)",
                                (int)n, name, l ? "" : "an empty entry (", (int)(l ? l : 1), l ? e : ".",
                                l ? "" : ")", (int)n, name, value, grant, (int)n, name, (int)n, name);
        if (!e[l]) return NULL;
        e += l + 1;
    }
}

static const char *problem_probe(arena *a, const ll_plan *plan, const char *cwd, const env_file *e,
                                 const char *value, const char *path, const char *probe_name)
{
    /* (ld.so's $LIB: any file beneath the directory before it) */
    const char *ld = ldso_dir(a, e->var, strlen(e->var), path);
    if (ld) path = ld, probe_name = "buckle-probe";
    /* one the shell that reads it expands (ENV=$HOME/.shrc), or a
     * literal ~ that names no home: left to that shell */
    if (!*path || strpbrk(path, "$`") || path[0] == '~') return NULL;
    const char *p = runner_path_by_name(a, path[0] == '/' ? path : arena_printf(a, "%s/%s", cwd, path));
    const char *probe = probe_name ? arena_printf(a, "%s/%s", strcmp(p, "/") ? p : "", probe_name) : p;
    const char *kp = runner_path_kernel(a, probe);
    if (runner_plan_checked_after(plan, kp)) return NULL;
    const char *how = runner_plan_write_why(a, plan, probe);
    const char *beneath = ld && !how ? write_grant_beneath(plan, runner_path_kernel(a, p)) : NULL;
    if (beneath) how = arena_printf(a, "a grant of %s beneath it, where the loader's %s may lead", beneath, "$LIB");
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
    for (size_t k = 0; k < PROBES_MAX && e->probes[k] && !why; k++) {
        /* (one ending in '/': a directory, whose every new entry counts) */
        const char *pr = e->probes[k];
        size_t pl = strlen(pr);
        why = problem_probe(a, plan, cwd, e, value, path,
                            pl && pr[pl - 1] == '/' ? arena_printf(a, "%sbuckle-probe", pr) : pr);
    }
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

/* the value's next word at *s, to a blank or the unit separator
 * (CARGO_ENCODED_RUSTFLAGS's) (a list: or a colon), double quotes taken
 * off (node reads NODE_OPTIONS so) */
static const char *next_word(arena *a, const char **s, int colon)
{
    const char *p = *s;
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\x1f' || (colon && *p == ':')) p++;
    if (!*p) { *s = p; return NULL; }
    char *out = arena_alloc(a, strlen(p) + 1);
    size_t n = 0;
    int quote = 0;
    for (; *p && (quote || !(*p == ' ' || *p == '\t' || *p == '\n' || *p == '\x1f' || (colon && *p == ':'))); p++) {
        if (*p == '"') { quote = !quote; continue; }
        if (*p == '\\' && quote && p[1]) p++;
        out[n++] = *p;
    }
    out[n] = 0;
    *s = p;
    return out;
}

/* The rule for a variable the table does not describe (and for EF_ANY,
 * EF_OPTS and EF_NODE ones, past their own forms): each path its value
 * names, the whole value, each word, each file an option word names
 * (runner_option_files: --x=/y, -I/y) and a NAME=VALUE word's value, each
 * part of a ':' list, that is absolute (a relative one is taken from each
 * program's own directory, and a bare word is as often a name,
 * TZ=Europe/Paris, a MIME type: the table's variables only), that is not
 * the working directory (where the user works: GITHUB_WORKSPACE,
 * PROJECT_CWD; but for a tool's home, home_endings) or one above it, and is a file, a directory or nothing yet (a device or a
 * socket, GPG_TTY, SSH_AUTH_SOCK, holds nothing a program loads): when the
 * plan lets the command write or make it, or make an entry in it, the
 * variable may have a later program load what the command put there. */
static const char *any_path(arena *a, const ll_plan *plan, const char *cwd, const char *name, size_t n,
                            const char *value, const char *path)
{
    /* (ld.so's $LIB in LD_LIBRARY_PATH: any directory beneath the one
     * before it) */
    const char *ld = ldso_dir(a, name, n, path);
    if (ld) path = ld;
    if (path[0] != '/' || strpbrk(path, "$`")) return NULL;
    const char *p = runner_path_by_name(a, path);
    /* (the kernel's own file systems: a terminal, a process's state; and
     * the working directory or one above it, which names where the user
     * works, GITHUB_WORKSPACE, PROJECT_CWD: the project's own files) */
    if (!strncmp(p, "/dev/pts/", 9) || !strncmp(p, "/proc/", 6) || !strncmp(p, "/sys/", 5)) return NULL;
    const char *wd = runner_path_by_name(a, cwd);
    size_t pl = strlen(p);
    if (!strcmp(p, "/") || (!strncmp(wd, p, pl) && (wd[pl] == '/' || (!wd[pl] && !home_var(name, n))))) return NULL;
    struct stat st;
    int dir = 0;
    if (stat(p, &st) == 0) {
        if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) return NULL;
        dir = S_ISDIR(st.st_mode);
    }
    const char *kp = runner_path_kernel(a, p);
    if (runner_plan_checked_after(plan, kp)) return NULL;
    const char *how = runner_plan_write_why(a, plan, p);
    const char *in = dir ? arena_printf(a, "%s/buckle-probe", strcmp(p, "/") ? p : "") : NULL;
    if (!how && in && !runner_plan_checked_after(plan, runner_path_kernel(a, in))) how = runner_plan_write_why(a, plan, in);
    const char *beneath = ld && !how ? write_grant_beneath(plan, kp) : NULL;
    if (beneath) how = arena_printf(a, "a grant of %s beneath it, where the loader's %s may lead", beneath, "$LIB");
    if (!how) return NULL;
    return arena_printf(a, "the environment's %.*s names %s%s (%.*s = %s), which the plan lets the command write (%s): "
                           "a program that reads %.*s may load or run what the command puts there, outside any "
                           "sandbox, in the later commands of the shell buckle was started from (every variable "
                           "that names a place the command may write counts, but a short list of ones that name "
                           "only data or the project's own programs); keep %.*s out of the directories the command "
                           "may write, leave it out of the run (env -u %.*s buckle run ...), or deny writing %s too "
                           "(deny final write %s\"%s\";)",
                        (int)n, name, dir ? "the directory " : "", p, (int)n, name, value, how, (int)n, name,
                        (int)n, name, (int)n, name, dir ? "that directory" : "it", dir ? "" : "literal ", kp);
}

static const char *any_problem(arena *a, const ll_plan *plan, const char *cwd, const char *name, size_t n,
                               const char *value)
{
    const char *why = any_path(a, plan, cwd, name, n, value, value);
    const char *s = value, *w;
    while (!why && (w = next_word(a, &s, 0)) != NULL) {
        /* (single quotes too: PERL5DB="require '/p/x.pl'") */
        size_t l = strlen(w);
        if (l >= 2 && w[0] == '\'' && w[l - 1] == '\'') w = arena_strndup(a, w + 1, l - 2);
        const char *f[OPTION_FILES_MAX + 1];
        size_t nf = runner_option_files(a, w, f);
        /* (the word itself too, and a NAME=VALUE word's value: -C
         * linker=/p/ld) */
        if (strcmp(f[0], w)) f[nf++] = w;
        else if (w[0] != '-' && strchr(w, '=')) f[nf++] = strchr(w, '=') + 1;
        for (size_t i = 0; i < nf && !why; i++)
            for (const char *part = f[i]; part && !why;) {
                const char *colon = strstr(part, "://") ? NULL : strchr(part, ':');
                why = any_path(a, plan, cwd, name, n, value, colon ? arena_strndup(a, part, (size_t)(colon - part)) : part);
                part = colon ? colon + 1 : NULL;
            }
    }
    return why;
}

/* A module a load option names by its bare name (--require hook) is
 * looked for first in each directory of the environment's NODE_PATH: one
 * the command may write has it take the command's */
static const char *node_path_problem(arena *a, const ll_plan *plan, const env_file *e,
                                     const char *value, const char *const *vars)
{
    for (size_t i = 0; vars[i]; i++) {
        if (strncmp(vars[i], "NODE_PATH=", 10)) continue;
        const char *s = vars[i] + 10, *w;
        while ((w = next_word(a, &s, 1)) != NULL) {
            if (w[0] != '/' || strpbrk(w, "$`")) continue;
            const char *p = runner_path_by_name(a, w);
            const char *kp = runner_path_kernel(a, p);
            const char *how = runner_plan_checked_after(plan, kp) ? NULL : runner_plan_write_why(a, plan, p);
            if (how)
                return arena_printf(a, "the environment's %s loads a module by its name (%s = %s), which node looks "
                                       "for first in NODE_PATH's %s, which the plan lets the command write (%s): %s, "
                                       "outside any sandbox, in the later commands of the shell buckle was started "
                                       "from; keep NODE_PATH out of the directories the command may write, or deny "
                                       "writing that directory too (deny final write \"%s\";)",
                                    e->var, e->var, value, p, how, e->runs, kp);
        }
    }
    return NULL;
}

/* Whether the .envrc direnv loaded last (DIRENV_FILE) assigns the name
 * of n bytes (NAME=, export NAME=): its value is direnv's export, which
 * the .envrc decides at every cd, and whose files direnv_files.c watches
 * by the name's kind; the rule for every other variable is not the
 * .envrc's (DATA_DIR=$PWD/data there is the project's data) */
static int envrc_assigns(arena *a, const char *const *vars, const char *name, size_t n)
{
    for (size_t i = 0; vars[i]; i++) {
        if (strncmp(vars[i], "DIRENV_FILE=/", 13)) continue;
        const char *t = runner_read_text(a, vars[i] + 12, 1 << 16);
        for (const char *c = t; c && (c = strstr(c, arena_strndup(a, name, n))); c += n)
            if ((c == t || strchr(" \t\n;", c[-1])) && c[n] == '=') return 1;
    }
    return 0;
}

const char *runner_env_file_problem(arena *a, const ll_plan *plan, const char *cwd, const char *const *vars)
{
    for (size_t i = 0; vars && vars[i]; i++) {
        const char *eq = strchr(vars[i], '=');
        if (!eq) continue;
        size_t n = (size_t)(eq - vars[i]);
        const env_file *e = lookup(vars[i], n);
        if (!eq[1] || (e && e->form == EF_ENVRC) || (!e && data_var(vars[i], n))) continue;
        const char *value = eq + 1, *why = NULL;
        if (!e || e->form == EF_ANY) {
            if ((why = ldso_relative_problem(a, plan, cwd, vars[i], n, value)) != NULL) return why;
            continue;
        }
        if (e->form == EF_PATH || e->form == EF_DIR) why = problem(a, plan, cwd, e, value, value);
        const char *s = value, *w;
        int take = 0, bare = 0;
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
            if (e->argfiles && w[0] == '@' && w[1] && w[1] != '@') why = problem(a, plan, cwd, e, value, w + 1);
            else if (take && names_file(e, w)) why = option_problem(a, plan, cwd, e, value, w);
            else if (take && e->form == EF_NODE && w[0] != '-') bare = 1;
            take = 0;
            for (size_t k = 0; e->opts[k] && !why; k++) {
                size_t l = strlen(e->opts[k]);
                int colon = e->opts[k][l - 1] == ':';
                if (strncmp(w, e->opts[k], l)) continue;
                if (!w[l]) take = !colon;
                else if (colon || (e->form == EF_NODE ? w[l] == '=' && names_file(e, w + l + 1) : names_file(e, w + l)))
                    why = option_problem(a, plan, cwd, e, value, w);
                else if (e->form == EF_NODE && w[l] == '=')
                    bare = 1;
            }
        }
        /* (a bare module found through NODE_PATH) */
        if (!why && bare) why = node_path_problem(a, plan, e, value, vars);
        if (!why) why = ldso_relative_problem(a, plan, cwd, vars[i], n, value);
        if (why) return why;
    }
    return NULL;
}

/* Whether the plan lets the command write the shell's own start-up files
 * or the system's programs (a default allow): then it may run code in
 * every later shell whatever the environment says, and a variable naming
 * /bin/bash (SHELL) or /opt/wheels adds nothing */
static int plan_open(arena *a, const ll_plan *plan, const char *const *vars)
{
    if (runner_plan_write_why(a, plan, "/usr/bin/buckle-probe")) return 1;
    for (size_t i = 0; vars[i]; i++)
        if (!strncmp(vars[i], "HOME=/", 6))
            return runner_plan_write_why(a, plan, arena_printf(a, "%s/.profile", vars[i] + 5)) ||
                   runner_plan_write_why(a, plan, arena_printf(a, "%s/.bashrc", vars[i] + 5));
    return 0;
}

/* whether value is HOME/dflt, the environment's HOME */
static int is_default(arena *a, const char *const *vars, const char *dflt, const char *value)
{
    for (size_t i = 0; vars[i]; i++)
        if (!strncmp(vars[i], "HOME=/", 6))
            return !strcmp(runner_path_by_name(a, value),
                           runner_path_by_name(a, arena_printf(a, "%s/%s", vars[i] + 5, dflt)));
    return 0;
}

const char *runner_env_any_problem(arena *a, const ll_plan *plan, const char *cwd, const char *const *vars)
{
    if (!vars || plan_open(a, plan, vars)) return NULL;
    for (size_t i = 0; vars[i]; i++) {
        const char *eq = strchr(vars[i], '=');
        if (!eq || !eq[1]) continue;
        size_t n = (size_t)(eq - vars[i]);
        const env_file *e = lookup(vars[i], n);
        /* (and the paths of the table's options past their own forms:
         * ruby's and perl's -I/p/lib before the -rhook that loads from it,
         * node's --env-file=) */
        if (e ? !(e->form == EF_ANY || e->form == EF_OPTS || e->form == EF_NODE)
              : data_var(vars[i], n) || envrc_assigns(a, vars, vars[i], n))
            continue;
        if (e && e->dflt && is_default(a, vars, e->dflt, eq + 1)) continue;
        const char *why = any_problem(a, plan, cwd, e ? e->var : vars[i], e ? strlen(e->var) : n, eq + 1);
        if (why) return why;
    }
    return NULL;
}
