/* home_guard.c - a profile that lets the command write its working directory
 * (std/agent: allow write "$WORKDIR") is meant for a project, and one that
 * lets it write the temporary directory ("$TMPDIR") for scratch files.  Run
 * from the home directory, or from a directory above it (or with TMPDIR
 * there), the same rule hands the command every file of the home that no
 * deny names: shell and editor start-up files, the programs of PATH
 * directories (~/.cargo/bin, ~/go/bin), tools' configurations that name
 * programs.  No list of denies can name them all, so such a run is refused
 * (docs/linux.md, "The home directory as WORKDIR").  A profile that means to
 * write the home directory says so with its own rule (allow write "~"),
 * which this does not look at. */
#include "home_guard.h"
#include "dir_guard.h"
#include "path_ident.h"
#include "../backend/emit.h"
#include "../backend/landlock.h"
#include "../support/param_marks.h"
#include <string.h>

/* the directories of the home whose files other programs run or read at
 * start, outside any sandbox: a WORKDIR inside one is refused like the home
 * itself.  Besides the configuration, PATH and key directories: the
 * coding-agent harnesses' user settings (their hooks and MCP servers run
 * outside any sandbox), the shell and terminal frameworks every shell
 * sources, the version managers and toolchain homes whose programs the
 * shims and proxies run, the build tools' init scripts and plugins, git's
 * template directory (hooks copied into each new repository) and the
 * editors' start-up and extension directories */
static const char *const startup_dirs[] = {
    ".config", ".local", ".cache", ".ssh", ".gnupg", "bin", ".cargo", "go/bin", ".npm-global", ".bun", ".deno",
    ".claude", ".codex", ".gemini", ".cursor", ".continue", ".aider", ".copilot", ".opencode", ".qwen",
    ".oh-my-zsh", ".zsh", ".zprezto", ".bash_it", ".tmux",
    ".rustup", ".pyenv", ".rbenv", ".asdf", ".nvm", ".sdkman", ".volta", ".yarn", ".ghcup", ".cabal", ".dotnet",
    ".gradle", ".m2", ".ipython", ".git-templates", ".vim", ".emacs.d", ".vscode", ".vscode-server",
    ".aws", ".kube", ".docker",
};

/* the parameters whose directory a rule may grant: what the message calls
 * each, and how to run it otherwise */
static const struct guarded {
    const char *name, *called, *instead;
} guarded[] = {
    { .name = "WORKDIR", .called = "the working directory",
      .instead = "run it from the project's directory" },
    { .name = "TMPDIR", .called = "the temporary directory (TMPDIR)",
      .instead = "give it a TMPDIR of its own (or leave TMPDIR unset)" },
};

/* 1 when the rule's path starts with the parameter name */
static int names_param(const rule *r, const char *name)
{
    size_t n = strlen(name);
    return r->m.value && r->m.len >= n + 2 && r->m.value[0] == PARAM_OPEN && !memcmp(r->m.value + 1, name, n) &&
           r->m.value[n + 1] == PARAM_CLOSE;
}

/* the first rule that names the parameter and lets the command write obj */
static const rule *param_write_rule(arena *a, compilation *c, decider *d, const char *obj, const char *name)
{
    int wop = op_lookup("file-write-data", NULL);
    sb_request q;
    memset(&q, 0, sizeof q);
    q.op = wop;
    q.kind = OBJ_PATH;
    q.obj = arena_printf(a, "%s/buckle-home-check", strcmp(obj, "/") ? obj : "");
    q.len = strlen(q.obj);
    for (size_t k = 0; k < c->pol.rules.n; k++) {
        const rule *r = c->pol.rules.v[k];
        if (r->action != ACT_ALLOW || r->implied || !r->covers || !opset_has(r->covers, wop) || !names_param(r, name))
            continue;
        if (decider_matches(d, r, &q)) return r;
    }
    return NULL;
}

static const char *rule_text(arena *a, const rule *r)
{
    strbuf b;
    sb_init(&b);
    ir_rule_text(&b, r);
    const char *text = arena_strdup(a, sb_cstr(&b));
    sb_free(&b);
    return text;
}

static const char *dir_home_problem(arena *a, compilation *c, decider *d, const struct guarded *gd,
                                    const char *const *homes, size_t nhomes)
{
    const param_decl *p = hm_gets(&c->params, gd->name);
    const char *workdir = decider_value(d, gd->name);
    if (!p || !p->used || !workdir || workdir[0] != '/') return NULL;
    for (size_t h = 0; h < nhomes; h++) {
        const char *home = homes[h];
        if (!home || home[0] != '/') continue;
        /* the home's name beneath the working directory: itself, or
         * through a bind mount of it (the same device and inode) */
        const char *seen = runner_name_beneath(a, workdir, home);
        if (!seen) continue;
        /* a file of the home that no rule names: granted by a rule that
         * names WORKDIR? */
        const rule *r = param_write_rule(a, c, d, seen, gd->name);
        if (!r) continue;
        const char *how = strcmp(seen, home) ? arena_printf(a, " (as %s)", seen) : "";
        return arena_printf(a, "%s %s is %s home directory %s%s, and %s (%s) would let the "
                               "command write every file of the home that no deny names (shell and editor start-up "
                               "files, the programs in PATH directories such as ~/.cargo/bin); %s (a profile meant "
                               "to write the home directory names it: allow write \"~\")",
                            gd->called, workdir, !strcmp(seen, workdir) ? "the" : "above the",
                            home, how, ll_rule_where(a, c, r), rule_text(a, r), gd->instead);
    }
    /* inside a directory of the home whose files other programs run or read
     * at start (~/.config, ~/.local/bin, ~/.ssh, ...) */
    for (size_t h = 0; h < nhomes; h++) {
        const char *home = homes[h];
        if (!home || home[0] != '/') continue;
        for (size_t k = 0; k < sizeof startup_dirs / sizeof startup_dirs[0]; k++) {
            const char *sd = arena_printf(a, "%s/%s", strcmp(home, "/") ? home : "", startup_dirs[k]);
            if (!runner_at_or_above(sd, workdir)) continue;
            const rule *r = param_write_rule(a, c, d, workdir, gd->name);
            if (!r) return NULL;
            return arena_printf(a, "%s %s is inside %s, and %s (%s) would let the command write "
                                   "the files there that no deny names, which other programs run or read at start "
                                   "(start-up configuration, programs on PATH, keys); %s (a profile meant to write "
                                   "there names it: allow write \"~/%s\")",
                                gd->called, workdir, sd, ll_rule_where(a, c, r), rule_text(a, r), gd->instead,
                                startup_dirs[k]);
        }
    }
    return NULL;
}

const char *runner_home_write_problem(arena *a, compilation *c, decider *d, const char *const *homes, size_t nhomes)
{
    for (size_t k = 0; k < sizeof guarded / sizeof guarded[0]; k++) {
        const char *why = dir_home_problem(a, c, d, &guarded[k], homes, nhomes);
        if (!why) why = runner_dir_write_problem(a, c, d, guarded[k].name, guarded[k].called, guarded[k].instead);
        if (why) return why;
    }
    return NULL;
}

int runner_home_guarded(arena *a, const char *v, const char *home)
{
    if (!v || v[0] != '/' || !home || home[0] != '/') return 0;
    if (runner_at_or_above(v, home)) return 1;
    for (size_t k = 0; k < sizeof startup_dirs / sizeof startup_dirs[0]; k++)
        if (runner_at_or_above(arena_printf(a, "%s/%s", strcmp(home, "/") ? home : "", startup_dirs[k]), v)) return 1;
    return 0;
}
