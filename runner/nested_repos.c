/* nested_repos.c - repositories the profile's denies of $WORKDIR/.git/...
 * do not name, and files a protected git configuration takes settings
 * from (docs/linux.md, "Repositories beneath the working directory").
 *
 * A working directory that holds checkouts (~/work with frontend/.git and
 * backend/.git) leaves their hooks and configuration in the write grant of
 * $WORKDIR: git runs them at the next commit or status there, outside any
 * sandbox.  A configuration that includes a file the command may write
 * (include.path = ../.gitconfig) is as writable as that file.  Both are
 * looked for when the command starts, on every run (they are the user's
 * files, not the profile's), and only when the plan keeps the project's
 * own configuration of that kind from the command: such a run is refused,
 * naming the repository or the include and the deny that would hold it. */
#define _GNU_SOURCE
#include "nested_repos.h"
#include "env_files.h"
#include "git_dir.h"
#include "hook_runners.h"
#include "option_file.h"
#include "path_text.h"
#include "run_profile.h"
#include "../backend/path_links.h"
#include "../seatbelt/ops.h"
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

enum { INCLUDE_DEPTH_MAX = 10, CONFIG_BYTES_MAX = 1 << 20 };

/* A name beneath a repository's entry that git (or hg, jj) takes what it
 * runs from, or that sends it elsewhere for that: a profile holds it with
 * a deny of that form ("" names the entry itself).  The same names as
 * std/agent's denies for the working directory's own repository
 * (tests/cli/landlock_nested_repos.sh holds the two together). */
typedef enum { HELD_LITERAL, HELD_SUBPATH, HELD_GLOB } held_form;
typedef struct held_name {
    const char *name;
    const char *probe;           /* a path beneath the entry the deny holds, asked of the plan (NULL:
                                  * a directory's own name, which a deny pins: its files are asked) */
    held_form form;
} held_name;

static const held_name git_held[] = {
    { .name = "config", .probe = "config", .form = HELD_LITERAL },
    { .name = "hooks", .probe = "hooks/pre-commit", .form = HELD_SUBPATH },
    { .name = "config.worktree", .probe = "config.worktree", .form = HELD_LITERAL },
    { .name = "", .form = HELD_LITERAL },
    { .name = "worktrees", .probe = "worktrees/w/commondir", .form = HELD_SUBPATH },
    { .name = "commondir", .probe = "commondir", .form = HELD_LITERAL },
    /* std/agent holds .git/modules whole on Linux (a read-only mount: no
     * directory there granted entry by entry) and by the globs below on
     * macOS; either holds a submodule's hooks */
    { .name = "modules", .probe = "modules/m/hooks/pre-commit", .form = HELD_SUBPATH },
    { .name = "modules/**/hooks", .probe = "modules/m/hooks/pre-commit", .form = HELD_GLOB },
    { .name = "modules/**/config", .probe = "modules/m/config", .form = HELD_GLOB },
    { .name = "modules/**/config.worktree", .probe = "modules/m/config.worktree", .form = HELD_GLOB },
    { .name = "modules/**/commondir", .probe = "modules/m/commondir", .form = HELD_GLOB },
};
static const held_name hg_held[] = {
    { .name = "hgrc", .probe = "hgrc", .form = HELD_LITERAL },
    { .name = "hgrc-not-shared", .probe = "hgrc-not-shared", .form = HELD_LITERAL },
    { .name = "sharedpath", .probe = "sharedpath", .form = HELD_LITERAL },
    { .name = "", .form = HELD_LITERAL },
};
static const held_name jj_held[] = {
    { .name = "repo/config.toml", .probe = "repo/config.toml", .form = HELD_LITERAL },
    { .name = "repo", .form = HELD_LITERAL },
};

/* the kinds of repository: the entry in a work tree, its names that run
 * code at a later command when written (held[0] the configuration, whose
 * being kept from the command at the top says the profile keeps them) */
typedef struct vcs_kind {
    const char *entry;
    const held_name *held;
    size_t nheld;
    const char *tool;
} vcs_kind;

#define HELD(v) .held = v, .nheld = sizeof v / sizeof v[0]
static const vcs_kind kinds[] = {
    { .entry = ".git", HELD(git_held), .tool = "git" },
    { .entry = ".hg", HELD(hg_held), .tool = "Mercurial" },
    { .entry = ".jj", HELD(jj_held), .tool = "Jujutsu" },
};
enum { NKINDS = sizeof kinds / sizeof kinds[0] };

static int at_or_above(const char *a, const char *b)
{
    size_t n = strlen(a);
    return (n == 1 && a[0] == '/') || (!strncmp(a, b, n) && (b[n] == '/' || !b[n]));
}

/* How the plan lets the command change path (write it, or make or replace
 * it), in words, or NULL when it does not, or when the path is checked
 * after the run (the run fails when the command made it: class
 * new-paths). */
static const char *writable(arena *a, const ll_plan *p, const char *path)
{
    return runner_plan_checked_after(p, path) ? NULL : runner_plan_write_why(a, p, path);
}

int runner_plan_checked_after(const ll_plan *p, const char *path)
{
    for (size_t i = 0; i < p->nchk; i++)
        if (at_or_above(p->chk[i].path, path)) return 1;
    return 0;
}

const char *runner_plan_write_why(arena *a, const ll_plan *p, const char *path)
{
    sb_request q;
    memset(&q, 0, sizeof q);
    q.kind = OBJ_PATH;
    q.obj = path;
    q.len = strlen(path);
    const char *why = NULL;
    struct stat st;
    if (lstat(path, &st) == 0 && !S_ISDIR(st.st_mode)) {
        q.op = op_lookup("file-write-data", NULL);
        if (ll_plan_decide(p, &q, path, a, &why) == 0) return why;
    }
    q.op = op_lookup("file-write-create", NULL);
    if (ll_plan_decide(p, &q, path, a, &why) == 0) return why;
    return NULL;
}

/* ---- git's configuration: the files it includes ------------------------ */

typedef struct include_ctx {
    arena *a;
    const ll_plan *plan;
    const char *cwd, *home;
    const char *worktree;        /* where a relative core.hooksPath is taken from, when not the file's */
    int hook;                    /* reading a hook (a shell script), not a setting */
    const char *hooks_dir;       /* the last core.hooksPath read, resolved, or NULL */
    const char *hook_path;       /* the PATH a hook set for the rest of it (PATH=..., export PATH=...), or NULL */
    int accept_hooks;            /* a hook that runs a program the command may write is accepted */
    const char *user_path;       /* the PATH buckle was started with: the user's shell's, which runs the hooks */
    const char *hook_text;       /* the hook being read, whole (the commands its variables are run as) */
    int word_quoted;             /* the word being looked at began inside quotes */
    int word_script;             /* the word being looked at is the script an interpreter runs (sh x.sh) */
    const char *found;           /* the first problem */
} include_ctx;

static void check_config(include_ctx *x, const char *file, const char *top, int depth);

/* A value as git's parser reads it, from just after the '=' to the newline
 * that ends it: leading and trailing blanks dropped, a quoted part kept as
 * it is, ; and # outside quotes start a comment, \t \b \n \\ \" are
 * escapes, and a backslash before the newline goes on on the next line
 * (both dropped).  NULL where git rejects the file (another escape, a
 * newline inside quotes).  *next: where the next line starts, or NULL at
 * the end. */
static const char *config_value(arena *a, const char *s, const char *end, const char **next)
{
    char *out = arena_alloc(a, (size_t)(end - s) + 1);
    size_t n = 0, trim = 0;
    int quote = 0, comment = 0, trimming = 0;
    for (;;) {
        /* the end of the file reads as a newline, and CR LF as LF */
        char c = s < end ? *s++ : '\n';
        if (c == '\r' && s < end && *s == '\n') c = *s++;
        if (c == '\n') {
            *next = s < end ? s : NULL;
            if (quote) return NULL;
            if (trimming) n = trim;
            out[n] = 0;
            return out;
        }
        if (comment) continue;
        if (!quote && (c == ' ' || c == '\t' || c == '\r')) {   /* git's own isspace */
            if (!trimming) { trimming = 1; trim = n; }
            if (n) out[n++] = c;
            continue;
        }
        if (!quote && (c == ';' || c == '#')) { comment = 1; continue; }
        trimming = 0;
        if (c == '\\') {
            c = s < end ? *s++ : '\n';
            if (c == '\r' && s < end && *s == '\n') c = *s++;
            if (c == '\n') continue;
            if (c == 't') c = '\t';
            else if (c == 'b') c = '\b';
            else if (c == 'n') c = '\n';
            else if (c != '\\' && c != '"') { *next = NULL; return NULL; }
            out[n++] = c;
            continue;
        }
        if (c == '"') { quote = !quote; continue; }
        out[n++] = c;
    }
}

/* A section header at s (its '['), in the line that ends at end, read as
 * git reads it: the section and subsection ([include], [includeIf
 * "gitdir:..."], [core], [filter "lfs"], [filter.lfs]: the name before a
 * blank, a quote or a dot, then the subsection, NULL when none; a quoted
 * one ends at its closing quote, with \" and \\ in it and a backslash
 * before another character dropped, so a ']' or a blank inside it is the
 * subsection's: [url "ext::sh tools/x].sh"]); where a key may follow on
 * the same line, or NULL when git rejects the header (then the section is
 * none). */
static const char *config_section(arena *a, const char *s, const char *end, const char **section, const char **sub)
{
    const char *p = s + 1;
    while (p < end && *p != ']' && *p != ' ' && *p != '\t' && *p != '"' && *p != '.') p++;
    *section = arena_strndup(a, s + 1, (size_t)(p - s - 1));
    *sub = NULL;
    if (p < end && *p == '.') {                       /* [filter.lfs] */
        const char *b = ++p;
        while (p < end && *p != ']') p++;
        *sub = arena_strndup(a, b, (size_t)(p - b));
    } else if (p < end && *p != ']') {               /* [filter "lfs"] */
        while (p < end && (*p == ' ' || *p == '\t')) p++;
        char *out = arena_alloc(a, (size_t)(end - p) + 1);
        size_t n = 0;
        if (p < end && *p == '"')
            for (p++; p < end && *p != '"'; p++) {
                if (*p == '\\' && p + 1 < end) p++;
                out[n++] = *p;
            }
        out[n] = 0;
        *sub = out;
        if (p < end && *p == '"') p++;
        else p = end;
    }
    if (p >= end || *p != ']') {
        *section = "";
        *sub = NULL;
        return NULL;
    }
    s = p + 1;
    while (s < end && isspace((unsigned char)*s)) s++;
    return s;
}

/* ~/ from HOME and ~USER/ from the password database, as git and the
 * shell expand them; NULL when there is no such home */
static const char *tilde(include_ctx *x, const char *v)
{
    const char *slash = strchr(v, '/');
    size_t ul = slash ? (size_t)(slash - v - 1) : strlen(v) - 1;
    const char *home = x->home;
    if (ul && run_named_user_home(x->a, arena_strndup(x->a, v + 1, ul), &home) != 0) return NULL;
    if (!home || home[0] != '/') return NULL;
    return arena_printf(x->a, "%s%s", strcmp(home, "/") ? home : "", slash ? slash : "");
}

/* where git takes an include's path from: ~/ from HOME, ~USER/ from that
 * user's home, a relative path from the including file's directory */
static const char *include_target(include_ctx *x, const char *file, const char *v)
{
    if (!*v) return NULL;
    if (v[0] == '~') return tilde(x, v);
    if (v[0] == '/') return v;
    if (v[0] == '%') return NULL;                    /* %(prefix)/: the installation's */
    const char *slash = strrchr(file, '/');
    if (!slash) return NULL;                         /* a setting of the environment: no file */
    return arena_printf(x->a, "%.*s/%s", (int)(slash - file), file, v);
}

static const char *normal(arena *a, const char *path) { return runner_path_by_name(a, path); }

const char *runner_path_by_name(arena *a, const char *path)
{
    char *out = arena_alloc(a, strlen(path) + 2);
    size_t n = 0;
    out[0] = 0;
    for (const char *s = path;;) {
        size_t l = runner_path_step(&s, out, &n);
        if (!l) break;
        out[n++] = '/';
        memcpy(out + n, s, l);
        n += l;
        out[n] = 0;
        s += l;
    }
    if (!n) out[n++] = '/';
    out[n] = 0;
    return out;
}

const char *runner_path_kernel(arena *a, const char *path)
{
    const char *r = ll_resolve_links(a, path, 1);
    return r ? r : path;
}

/* path as a profile names it: $WORKDIR/... inside the working directory */
static const char *as_written(include_ctx *x, const char *path)
{
    size_t cl = strlen(x->cwd);
    if (!at_or_above(x->cwd, path) || strlen(path) <= cl) return path;
    return arena_printf(x->a, "$WORKDIR%s", path + (cl == 1 ? 0 : cl));
}

static void include_found(include_ctx *x, const char *file, const char *top, const char *key, const char *v,
                          const char *target, int depth)
{
    const char *how = writable(x->a, x->plan, target);
    if (!how) {
        /* a file it includes in turn */
        struct stat st;
        if (stat(target, &st) == 0 && S_ISREG(st.st_mode)) check_config(x, target, top, depth + 1);
        return;
    }
    const char *shown = as_written(x, target);
    x->found = arena_printf(x->a, "%s%s%s takes settings from %s (%s = %s), which the plan lets the command write "
                                  "(%s): git takes the settings there (core.fsmonitor, core.pager, aliases) as its "
                                  "configuration's own and runs them outside any sandbox, while the profile keeps %s "
                                  "itself from the command; deny writing that file too (deny final write literal "
                                  "\"%s\";), or remove the include",
                            file, strcmp(file, top) ? ", included by " : "", strcmp(file, top) ? top : "", target, key,
                            v, how, top, shown);
}

/* The configuration keys whose value git runs as a program: a shell
 * command (its first word the program, or a script a later word names), or
 * with bang only after a leading '!' (an alias; credential.helper runs
 * "git credential-NAME" otherwise, or an absolute path as it is).  A
 * relative program is run from the work tree's top.  section: the name
 * before a space, quote or dot in the section header; key NULL: every key
 * of the section. */
typedef struct program_key {
    const char *section, *key;
    int bang;                    /* 1: '!' first; 2: '!' first, or an absolute path */
    int maybe_bool;              /* a boolean value runs nothing (core.fsmonitor: git's own daemon) */
    const char *prefix;          /* only a value that starts so runs, the rest (a URL's "ext::" transport) */
    int in_sub;                  /* the program is in the subsection, not the value (url.<base>.insteadOf) */
} program_key;

static const program_key program_keys[] = {
    { .section = "core", .key = "fsmonitor", .maybe_bool = 1 },
    { .section = "core", .key = "pager" },
    { .section = "core", .key = "editor" },
    { .section = "core", .key = "sshCommand" },
    { .section = "core", .key = "askPass" },
    { .section = "core", .key = "gitProxy" },
    { .section = "sequence", .key = "editor" },
    { .section = "diff", .key = "external" },
    { .section = "diff", .key = "textconv" },
    { .section = "diff", .key = "command" },
    { .section = "filter", .key = "clean" },
    { .section = "filter", .key = "smudge" },
    { .section = "filter", .key = "process" },
    { .section = "merge", .key = "driver" },
    { .section = "gpg", .key = "program" },
    { .section = "gpg", .key = "defaultKeyCommand" },
    { .section = "credential", .key = "helper", .bang = 2 },
    { .section = "interactive", .key = "diffFilter" },
    { .section = "difftool", .key = "cmd" },
    { .section = "mergetool", .key = "cmd" },
    { .section = "pager", .key = NULL, .maybe_bool = 1 },
    { .section = "alias", .key = NULL, .bang = 1 },
    { .section = "uploadpack", .key = "packObjectsHook" },
    { .section = "remote", .key = "uploadpack" },
    { .section = "remote", .key = "receivepack" },
    { .section = "core", .key = "alternateRefsCommand" },
    { .section = "trailer", .key = "cmd" },
    { .section = "trailer", .key = "command" },
    { .section = "difftool", .key = "path" },
    { .section = "mergetool", .key = "path" },
    { .section = "sendemail", .key = "smtpServer" },
    { .section = "sendemail", .key = "sendmailCmd" },
    { .section = "sendemail", .key = "toCmd" },
    { .section = "sendemail", .key = "ccCmd" },
    { .section = "sendemail", .key = "headerCmd" },
    { .section = "imap", .key = "tunnel" },
    { .section = "browser", .key = "cmd" },
    { .section = "browser", .key = "path" },
    { .section = "man", .key = "cmd" },
    { .section = "man", .key = "path" },
    { .section = "hook", .key = "command" },
    { .section = "submodule", .key = "update", .bang = 1 },
    { .section = "guitool", .key = "cmd" },
    { .section = "instaweb", .key = "httpd" },
    { .section = "tar", .key = "command" },
    /* git's ext:: transport runs the rest of the URL as a command (when
     * protocol.ext.allow lets it: checked whatever that says) */
    { .section = "remote", .key = "url", .prefix = "ext::" },
    { .section = "remote", .key = "pushurl", .prefix = "ext::" },
    { .section = "submodule", .key = "url", .prefix = "ext::" },
    /* url.<base>.insteadOf = <prefix>: git fetches and pushes <base>
     * where a URL starts with <prefix>, so an ext:: base runs */
    { .section = "url", .key = "insteadOf", .prefix = "ext::", .in_sub = 1 },
    { .section = "url", .key = "pushInsteadOf", .prefix = "ext::", .in_sub = 1 },
};
enum { NPROGRAM_KEYS = sizeof program_keys / sizeof program_keys[0] };

static const program_key *program_key_of(const char *section, const char *k, size_t kl)
{
    for (size_t i = 0; i < NPROGRAM_KEYS; i++) {
        const program_key *p = &program_keys[i];
        if (strcasecmp(section, p->section) != 0) continue;
        if (!p->key || (strlen(p->key) == kl && !strncasecmp(k, p->key, kl))) return p;
    }
    return NULL;
}

static int is_bool(const char *v)
{
    static const char *const words[] = { "true", "false", "yes", "no", "on", "off", "1", "0", "" };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (!strcasecmp(v, words[i])) return 1;
    return 0;
}

/* Where a reading of a shell command is: at the start of a command, and
 * whether the expansion last opened ($(, `) started one; sep, a command
 * ended before the word last read (an operator, a parenthesis, a brace);
 * dropped, an expansion was left out of that word's NAME=VALUE value */
typedef struct shell_pos {
    int cmd, exp_cmd, in_bq, sep, dropped;
    char q;                      /* the quote open ('\'', '"') where the reading is, or 0 */
    char qs[8];                  /* the quotes open around each $( ... ) the reading is in */
    int nq;
    int quoted;                  /* the word last read began inside quotes ("fix it; npm test") */
    int subst;                   /* the reading stopped at the '(' of a "$(" */
    int depth;                   /* how many words a parameter may take this one is inside */
} shell_pos;

/* The '}' that ends the parameter expansion whose '{' is at p (nested
 * ones, quotes and escapes inside), or NULL */
static const char *brace_end(const char *p)
{
    int depth = 0;
    char q = 0;
    for (; *p; p++) {
        if (*p == '\\' && p[1] && q != '\'') { p++; continue; }
        if (q) { if (*p == q) q = 0; continue; }
        if (*p == '\'' || *p == '"') q = *p;
        else if (*p == '{') depth++;
        else if (*p == '}' && --depth == 0) return p;
    }
    return NULL;
}

/* The parameter expansion ${...} from p (at the '$') to its '}' e: the
 * parameter's name in *name (empty for ${#NAME}, a length), and the word
 * it may take in its place ("${X:-word}", "${X=word}", "${X:+word}") in
 * *word, or NULL */
static void brace_parts(arena *a, const char *p, const char *e, const char **name, const char **word)
{
    const char *n = p + 2, *q = n;
    *word = NULL;
    if (*q == '#' && q + 1 < e) { *name = ""; return; }
    if (strchr("@*#?$!-", *q) && q < e) q++;
    else
        while (q < e && (isalnum((unsigned char)*q) || *q == '_')) q++;
    *name = arena_strndup(a, n, (size_t)(q - n));
    if (q < e && *q == ':') q++;
    if (q < e && strchr("-=+", *q)) *word = arena_strndup(a, q + 1, (size_t)(e - q - 1));
}

/* The next word of a shell command at *s, quotes taken off: shell syntax
 * (operators, parentheses, braces, backquotes) and blanks end words, and
 * are no words, even inside quotes (a word-splitter cannot tell what a
 * shell runs: every piece is looked at).  *starts: the word starts a
 * command (the first, after an operator, a parenthesis or a brace, or
 * the rest of an expansion that did).  *expanded: 1, the word came right
 * after an expansion ($(...), ${...}, $NAME, `...`), which this is the
 * rest of ("$(git rev-parse --show-toplevel)/tools/x.sh"); 2, an
 * expansion is inside it, kept as written ("x/lefthook-${os}/bin/lefthook":
 * whatever it takes, a name in that directory).  A parameter expansion is
 * read whole as the shell reads it ("${XDG_CONFIG_HOME:-$HOME/.config}"),
 * and $HOME first is ~.  *alt: the word with the word a parameter
 * expansion first in it may take in its place ("${HOOK:-tools/x}"), read
 * the same way, or NULL; *alt_expanded its *expanded.  NULL at the end. */
static const char *shell_word(arena *a, const char **s, shell_pos *ps, int *starts, int *expanded, const char **alt,
                              int *alt_expanded)
{
    static const char stops[] = " \t\n;|&<>(){}`";
    const char *p = *s;
    int st = ps->cmd;
    *expanded = 0;
    *alt = NULL;
    ps->sep = 0;
    ps->dropped = 0;
    int subst = ps->subst;
    ps->subst = 0;
    while (*p && strchr(stops, *p)) {
        /* a command substitution's quotes are its own */
        if (*p == '(' && (!ps->q || subst)) {
            if (ps->nq < (int)sizeof ps->qs) ps->qs[ps->nq] = ps->q;
            ps->nq++;
            ps->q = 0;
        } else if (*p == ')' && !ps->q && ps->nq > 0 && --ps->nq < (int)sizeof ps->qs)
            ps->q = ps->qs[ps->nq];
        int closes = (*p == ')' || *p == '}' || (*p == '`' && ps->in_bq)) && p[1] && !strchr(stops, p[1]);
        if (*p == '`' && !ps->in_bq) ps->exp_cmd = st;
        if (*p == '`') ps->in_bq = !ps->in_bq;
        if (closes) {
            /* the rest of an expansion: a command where the expansion began one */
            *expanded = 1;
            st = ps->exp_cmd;
        } else if (strchr(";|&(){}`", *p))
            st = ps->sep = 1;
        p++;
    }
    if (!*p) { *s = p; return NULL; }
    ps->quoted = ps->q != 0;
    char *out = arena_alloc(a, strlen(p) + 3);
    size_t n = 0;
    const char *alt_head = NULL;
    size_t alt_from = 0;             /* where the rest of the word after that expansion starts */
    while (*p && !strchr(stops, *p)) {
        if (*p == '\'' || *p == '"') {
            if (!ps->q) ps->q = *p;
            else if (ps->q == *p) ps->q = 0;
            p++;
            continue;
        }
        if (*p == '\\' && p[1]) p++;
        if (*p != '$') { out[n++] = *p++; continue; }
        /* $NAME or ${...} or $(: what follows is the rest of an expansion */
        const char *d = p++;
        const char *e = *p == '{' ? brace_end(p) : NULL;
        if (*p == '(' || (*p == '{' && !e)) {
            ps->exp_cmd = st && !n;
            ps->subst = *p == '(';
            break;
        }
        const char *name = NULL, *word = NULL;
        if (e) {
            brace_parts(a, d, e, &name, &word);
            p = e + 1;
        } else if (strchr("@*#?$!-", *p) && *p) {
            p++;
        } else {
            const char *n0 = p;
            while (isalnum((unsigned char)*p) || *p == '_') p++;
            name = arena_strndup(a, n0, (size_t)(p - n0));
        }
        /* in NAME=VALUE the value goes on (PATH=tools:$PATH) */
        size_t k = 0;
        while (k < n && (isalnum((unsigned char)out[k]) || out[k] == '_')) k++;
        if (k && k < n && out[k] == '=') { ps->dropped = 1; continue; }
        if (n) {
            /* inside a word: kept as written */
            memcpy(out + n, d, (size_t)(p - d));
            n += (size_t)(p - d);
            *expanded |= 2;
            continue;
        }
        if (word && !alt_head && ps->depth < 4) {
            /* the word it may take: read as a word of its own (to a
             * depth of 4: ${A:-${B:-x}}) */
            const char *ws = word;
            shell_pos wp = { .depth = ps->depth + 1 };
            int wst, wex;
            const char *wa;
            alt_head = shell_word(a, &ws, &wp, &wst, &wex, &wa, alt_expanded);
            if (!alt_head) alt_head = "", wex = 1;
            *alt_expanded = wex;
        }
        if (name && !strcmp(name, "HOME") && !(*expanded & 1))
            out[n++] = '~';
        else
            *expanded |= 1;
        if (alt_head && !alt_from) alt_from = n;
    }
    out[n] = 0;
    if (alt_head) *alt = arena_printf(a, "%s%s", alt_head, out + alt_from);
    *s = p;
    *starts = st;
    ps->cmd = 0;
    return out;
}

/* A program git runs from key = v (program_keys), a shell command: each
 * word with a '/' is a path (relative ones from the work tree's top, wt,
 * and so is the rest of a word after an expansion: "$(git rev-parse
 * --show-toplevel)/x"); one that starts a command is the program whether
 * or not it exists.  A later relative one (not an option) counts whether
 * or not it exists yet, unless it is a directory (`sh tools/lint.sh`: the
 * command may make the script), and so does a later word without '/' that
 * looks like a file name (`node x.js`); an absolute later one counts when
 * it names a file.  The later words of a git command are its arguments
 * (refs, paths), counted only when they name a file.  A word without '/'
 * that starts a command is looked up in PATH.  The first one the plan lets
 * the command write is the problem */
static void program_writable(include_ctx *x, const char *file, const char *top, const char *key, const char *v,
                             const char *t)
{
    const char *how = writable(x->a, x->plan, t);
    if (!how) return;
    if (x->hook) {
        if (x->accept_hooks) return;
        x->found = arena_printf(x->a, "%s is a git hook that runs the program %s (%s), which the plan lets the "
                                      "command write (%s): git runs the hook at your next git command that it hooks "
                                      "(a commit), outside any sandbox, while the profile keeps the hook itself from "
                                      "the command; run that git command in the sandbox too (buckle run PROFILE -- "
                                      "git commit), deny writing that file too (deny final write literal \"%s\";), "
                                      "remove the hook, or --linux-accept=hooks runs it anyway",
                                file, t, v, how, as_written(x, t));
        return;
    }
    x->found = arena_printf(x->a, "%s%s%s names the program %s (%s = %s), which the plan lets the command write "
                                  "(%s): git runs it outside any sandbox at the next git command that uses that "
                                  "setting, while the profile keeps %s itself from the command; deny writing that "
                                  "file too (deny final write literal \"%s\";), or remove the setting",
                            file, strcmp(file, top) ? ", included by " : "", strcmp(file, top) ? top : "", t, key, v,
                            how, top, as_written(x, t));
}

/* a program without '/' that starts a command, found through the
 * relative entries of a PATH=... before it (an expansion in it is left
 * out: PATH=tools:$PATH reads as tools:) */
static void path_found(include_ctx *x, const char *file, const char *top, const char *wt, const char *key,
                       const char *v, const char *path, const char *w)
{
    for (const char *e = path; e && !x->found;) {
        const char *c = strchr(e, ':');
        size_t l = c ? (size_t)(c - e) : strlen(e);
        if (l && e[0] != '/' && e[0] != '~')
            program_writable(x, file, top, key, v, normal(x->a, arena_printf(x->a, "%s%.*s/%s", wt, (int)l, e, w)));
        e = c ? c + 1 : NULL;
    }
}

/* One word of a program's command line: starts, it is the program;
 * expanded, it came after a shell expansion; git_cmd, the program is git */
static void word_found(include_ctx *x, const char *file, const char *top, const char *wt, const char *key,
                       const char *v, const char *w, int starts, int expanded, int git_cmd)
{
    /* a later word without '/': a file of the work tree when it looks
     * like one (a name, a dot, an extension) */
    if (!starts && w[0] == '-') {
        /* what an option names in its own word (node --require=./x.js,
         * java -javaagent:./a.jar): the file, when it is a path */
        const char *f[OPTION_FILES_MAX];
        size_t n = runner_option_files(x->a, w, f);
        for (size_t i = 1; i < n && !x->found; i++)
            if (f[i][0] != '-' && strchr(f[i], '/')) word_found(x, file, top, wt, key, v, f[i], starts, expanded, git_cmd);
        if (x->found) return;
        if (f[0][0] != '-' && strchr(f[0], '/')) w = f[0];
    }
    int inner = expanded & 2;
    expanded &= 1;
    int named = !starts && !expanded && !inner && !git_cmd && w[0] != '-' && w[0] != '.' && strchr(w + 1, '.') &&
                w[strlen(w) - 1] != '.' && !strchr(w, '=');
    if (!strchr(w, '/') && !named) return;
    const char *t = NULL;
    int absolute = (w[0] == '~' || w[0] == '/') && !expanded;
    if (w[0] == '~' && !expanded) t = tilde(x, w);
    else if (w[0] == '/' && !expanded) t = w;
    else if (wt) t = arena_printf(x->a, "%s%s", wt, w + (w[0] == '/'));
    if (!t) return;
    t = normal(x->a, t);
    struct stat st;
    int exists = !inner && stat(t, &st) == 0;
    /* an expansion inside (".../lefthook-${os}/bin/lefthook"): a later
     * word is nothing known, a program whatever the expansion takes, in
     * the directory before it when that is there */
    if (inner && !starts) return;
    if (inner) {
        const char *cut = strchr(t, '$');
        while (cut && cut > t && cut[-1] != '/') cut--;
        if (x->hook && (!cut || cut <= t + 1 || stat(arena_strndup(x->a, t, (size_t)(cut - t - 1)), &st) != 0))
            return;
        program_writable(x, file, top, key, v, t);
        return;
    }
    if (!starts && exists && !S_ISREG(st.st_mode)) return;
    int script = x->hook && x->word_script && !expanded && !git_cmd;
    if (!starts && !exists && !script &&
        (absolute || expanded || git_cmd || w[0] == '-' || strchr(w, '=') || strchr(w, ':')))
        return;
    /* a hook's later words: only a file there now (a script is mostly
     * arguments: sed's s/a/b/, messages), but the script an interpreter
     * runs (sh newdir/x.sh), which the command may make */
    if (!starts && !exists && x->hook && !script) return;
    /* and a program missing from a directory that is missing too, in
     * quotes: a quoted word the reading split (sed "s/a/b/;s/c/d/"); one
     * outside quotes counts (./newdir/x.sh: the command may make both) */
    if (starts && !exists && x->hook && x->word_quoted) {
        const char *slash = strrchr(t, '/');
        if (slash && slash > t && stat(arena_strndup(x->a, t, (size_t)(slash - t)), &st) != 0) return;
    }
    program_writable(x, file, top, key, v, t);
}

/* The command of git's ext:: transport (no shell: git splits it at
 * blanks itself, "% " a blank, "%%" a '%', %s and %S the service without
 * and with "git-", an argument that starts %G or %V none), with service
 * svc, each word checked as a program's */
static void ext_found(include_ctx *x, const char *file, const char *top, const char *wt, const char *key,
                      const char *v, const char *s, const char *svc)
{
    size_t sl = strlen(svc) + 4;               /* %S: "git-" and the service */
    char *w = arena_alloc(x->a, strlen(s) * sl + 1);
    int git_cmd = 0;
    for (int first = 1; !x->found && *s; first = 0) {
        size_t n = 0;
        int special = s[0] == '%' && (s[1] == 'G' || s[1] == 'V');
        for (; *s && *s != ' '; s++) {
            if (*s != '%' || !s[1]) { w[n++] = *s; continue; }
            s++;
            if (*s == 's' || *s == 'S')
                n += (size_t)sprintf(w + n, "%s%s", *s == 'S' ? "git-" : "", svc);
            else
                w[n++] = *s;                   /* "% ", "%%" (another escape: git refuses the URL) */
        }
        if (*s == ' ') s++;
        w[n] = 0;
        if (special || !n) continue;
        if (first) {
            const char *base = strrchr(w, '/');
            git_cmd = !strcmp(base ? base + 1 : w, "git");
        }
        /* no shell: a '~' is a name like another */
        word_found(x, file, top, wt, key, v, w[0] == '~' ? arena_printf(x->a, "./%s", w) : arena_strdup(x->a, w),
                   first, 0, git_cmd);
    }
}

/* 1 when the hook text runs the variable name as a command: "$NAME" or
 * ${NAME} first in a command (at a line's start, after ; & | ( { or after
 * exec, then, do, else, command) */
static int variable_run(const char *text, const char *name, size_t nl)
{
    static const char *const before[] = { "exec", "then", "do", "else", "command", "time", "!" };
    for (const char *p = text; p && (p = strchr(p, '$')) != NULL; p++) {
        const char *n = p + 1 + (p[1] == '{');
        if (strncmp(n, name, nl) || isalnum((unsigned char)n[nl]) || n[nl] == '_') continue;
        const char *b = p;
        while (b > text && (b[-1] == '"' || b[-1] == ' ' || b[-1] == '\t')) b--;
        if (b == text || strchr("\n;&|({", b[-1])) return 1;
        const char *e = b;
        while (b > text && !isspace((unsigned char)b[-1]) && !strchr(";&|({", b[-1])) b--;
        for (size_t i = 0; i < sizeof before / sizeof before[0]; i++)
            if (strlen(before[i]) == (size_t)(e - b) && !strncmp(b, before[i], (size_t)(e - b))) return 1;
    }
    return 0;
}

/* NAME=VALUE in a hook, the value a path (relative ones from the work
 * tree wt): a program when it is an executable file, or when it is not
 * there yet and the hook runs $NAME (pre-commit's INSTALL_PYTHON naming a
 * .venv the command may make) */
static void hook_variable(include_ctx *x, const char *file, const char *top, const char *wt, const char *key,
                          const char *v, const char *name, size_t nl, const char *value)
{
    const char *t = value[0] == '/' ? value : value[0] == '~' ? tilde(x, value)
                  : wt ? arena_printf(x->a, "%s%s", wt, value) : NULL;
    if (!t) return;
    t = normal(x->a, t);
    struct stat st;
    if (stat(t, &st) == 0 ? S_ISREG(st.st_mode) && access(t, X_OK) == 0
                          : errno == ENOENT && x->hook_text && variable_run(x->hook_text, name, nl))
        program_writable(x, file, top, key, v, t);
}

/* A program w (no '/') that starts a hook's command, looked up as the
 * user's shell that runs the hook does: through the PATH buckle was
 * started with (a relative or empty entry from the work tree wt).  The
 * first entry that holds an executable file of that name is what runs:
 * one the plan lets the command write (an activated .venv/bin's ruff,
 * node_modules/.bin, a PATH_add'ed bin of the project) runs the command's
 * code at the next commit.  A new file of that name in an entry before
 * it is the after-run check's (path_shadows.c: it fails the run and is
 * moved aside); with none on PATH at all, an entry where the command may
 * make it is what the next commit finds. */
static void user_path_found(include_ctx *x, const char *file, const char *top, const char *wt, const char *key,
                            const char *v, const char *w)
{
    const char *makes = NULL;
    for (const char *e = x->user_path; e && !x->found;) {
        const char *c = strchr(e, ':');
        size_t l = c ? (size_t)(c - e) : strlen(e);
        const char *dir = e[0] == '/' ? arena_strndup(x->a, e, l) : arena_printf(x->a, "%s%.*s", wt, (int)l, e);
        e = c ? c + 1 : NULL;
        const char *t = normal(x->a, arena_printf(x->a, "%s/%s", dir, w));
        struct stat st;
        if (stat(t, &st) == 0 && S_ISREG(st.st_mode) && access(t, X_OK) == 0) {
            if (writable(x->a, x->plan, t)) program_writable(x, file, top, key, v, t);
            return;
        }
        if (!makes && writable(x->a, x->plan, t)) makes = t;
    }
    if (makes && !x->found) program_writable(x, file, top, key, v, makes);
}

/* the shell's own words: reserved words, after which a command starts,
 * and builtins, which no PATH lookup finds (1: a command starts after) */
static const struct { const char *name; int starts; } shell_own[] = {
    { "if", 1 }, { "then", 1 }, { "else", 1 }, { "elif", 1 }, { "do", 1 }, { "while", 1 }, { "until", 1 },
    { "!", 1 }, { "time", 1 }, { "exec", 1 }, { "command", 1 }, { "builtin", 1 }, { "fi", 0 }, { "done", 0 },
    { "esac", 0 }, { "case", 0 }, { "for", 0 }, { "in", 0 }, { "function", 0 }, { "select", 0 }, { "[[", 0 },
    { ".", 0 }, { ":", 0 }, { "[", 0 }, { "alias", 0 }, { "bg", 0 }, { "break", 0 }, { "cd", 0 },
    { "continue", 0 }, { "echo", 0 }, { "eval", 0 }, { "exit", 0 }, { "export", 0 }, { "false", 0 },
    { "fg", 0 }, { "getopts", 0 }, { "hash", 0 }, { "jobs", 0 }, { "kill", 0 }, { "local", 0 }, { "printf", 0 },
    { "pwd", 0 }, { "read", 0 }, { "readonly", 0 }, { "return", 0 }, { "set", 0 }, { "shift", 0 },
    { "test", 0 }, { "times", 0 }, { "trap", 0 }, { "true", 0 }, { "type", 0 }, { "ulimit", 0 }, { "umask", 0 },
    { "unalias", 0 }, { "unset", 0 }, { "wait", 0 }, { "declare", 0 }, { "typeset", 0 }, { "source", 0 },
    { "let", 0 }, { "shopt", 0 },
};

/* -1: not the shell's own word; else whether a command starts after it */
static int shell_own_word(const char *w)
{
    for (size_t i = 0; i < sizeof shell_own / sizeof shell_own[0]; i++)
        if (!strcmp(w, shell_own[i].name)) return shell_own[i].starts;
    return -1;
}

enum { HOOK_WORDS_MAX = 16 };

/* the files a hook's command w[0..n) runs by design (hook_runners.c):
 * npx NAME, npm test, make, python -m */
static void hook_runs(include_ctx *x, const char *file, const char *top, const char *wt, const char *key,
                      const char *v, const char *const *w, size_t n)
{
    hook_run r[HOOK_RUNS_MAX];
    size_t m = wt ? runner_hook_runs(x->a, w, n, r) : 0;
    for (size_t i = 0; i < m && !x->found; i++) {
        const char *t = normal(x->a, arena_printf(x->a, "%s%s", wt, r[i].path));
        struct stat st;
        if (r[i].there_now && (stat(t, &st) != 0 || !S_ISREG(st.st_mode))) continue;
        program_writable(x, file, top, key, v, t);
    }
}

static void program_found(include_ctx *x, const char *file, const char *top, const char *wt, const program_key *pk,
                          const char *key, const char *v, const char *sub)
{
    if (pk->maybe_bool && is_bool(v)) return;
    const char *s = pk->in_sub ? sub : v;
    if (!s) return;
    if (pk->prefix) {
        if (strncasecmp(s, pk->prefix, strlen(pk->prefix)) != 0) return;
        /* the command runs for a fetch (upload-pack) or a push
         * (receive-pack): a word with %s in it names either */
        s += strlen(pk->prefix);
        ext_found(x, file, top, wt, key, v, s, "upload-pack");
        ext_found(x, file, top, wt, key, v, s, "receive-pack");
        return;
    } else if (s[0] == '!') s++;
    else if (pk->bang == 1 || (pk->bang == 2 && s[0] != '/')) return;
    shell_pos ps = { .cmd = 1 };
    int starts, expanded, alt_expanded, git_cmd = 0;
    const char *path = NULL;         /* a PATH=... before the program */
    int after_opt = 0;               /* the word before was an option without a value of its own (-o) */
    int exported = 0;                /* the command is export (or the like): its PATH=... lasts */
    int script_next = 0;             /* the program is an interpreter whose script is still to come (its kind) */
    const char *cmd[HOOK_WORDS_MAX]; /* a hook's command so far, for what it runs by design */
    size_t ncmd = 0;
    const char *alt;
    for (const char *w; !x->found && (w = shell_word(x->a, &s, &ps, &starts, &expanded, &alt, &alt_expanded)) != NULL;) {
        if (x->hook && starts && ncmd) {
            hook_runs(x, file, top, wt, key, v, cmd, ncmd);
            ncmd = 0;
            if (x->found) break;
        }
        /* a PATH=... alone (its command ended): the shell's from then on */
        if (x->hook && path && ps.sep) x->hook_path = path, path = NULL;
        /* the word a parameter expansion may take in its place */
        if (alt) word_found(x, file, top, wt, key, v, alt, starts, alt_expanded, git_cmd);
        if (x->found) break;
        /* NAME=VALUE before the program: its environment; a variable a
         * program runs what it names by (env_files.c: LESSOPEN,
         * LD_PRELOAD, BASH_ENV) names a program of the work tree */
        const char *eq = strchr(w, '=');
        if ((starts || (exported && x->hook)) && eq && eq > w) {
            size_t k = 0;
            while (w + k < eq && (isalnum((unsigned char)w[k]) || w[k] == '_')) k++;
            if (w + k == eq) {
                int is_path = k == 4 && !strncmp(w, "PATH", 4);
                if (is_path && !starts) x->hook_path = eq + 1;
                if (!starts) continue;
                if (is_path) path = eq + 1;
                if (runner_env_var_runs(arena_strndup(x->a, w, k)) && strchr(eq + 1, '/'))
                    word_found(x, file, top, wt, key, v, eq + 1, 1, expanded, 0);
                ps.cmd = 1;
                /* a hook's variable that names a program it runs later
                 * (pre-commit's INSTALL_PYTHON=.../.venv/bin/python3);
                 * one with an expansion in it is not known */
                if (x->hook && strchr(eq + 1, '/') && !ps.dropped)
                    hook_variable(x, file, top, wt, key, v, w, k, eq + 1);
                continue;
            }
        }
        /* an option's NAME=VALUE in the word after it (ssh -o
         * ProxyCommand=x): the value, as the glued -oProxyCommand=x's */
        if (!starts && after_opt && !git_cmd && w[0] != '-' && eq && eq > w && strchr(eq + 1, '/'))
            word_found(x, file, top, wt, key, v, eq + 1, 0, expanded, git_cmd);
        after_opt = w[0] == '-' && !strchr(w, '=');
        int own = starts ? shell_own_word(w) : -1;
        if (starts && *w && !strchr(w, '/') && wt && own < 0 && w[0] != '-' && !expanded) {
            if (path) path_found(x, file, top, wt, key, v, path, w);
            /* a hook's lasting PATH (husky's node_modules/.bin); not a word
         * in quotes that the reading split ("hint (run make)") */
            if (x->hook && x->hook_path && !ps.quoted && !x->found) path_found(x, file, top, wt, key, v, x->hook_path, w);
            /* the user's PATH, which the shell running the hook has */
            if (x->hook && !ps.quoted && !x->found) user_path_found(x, file, top, wt, key, v, w);
            if (x->found) break;
        }
        if (starts) path = NULL;
        if (starts) exported = own == 0 && (!strcmp(w, "export") || !strcmp(w, "readonly") || !strcmp(w, "declare") ||
                                            !strcmp(w, "typeset") || !strcmp(w, "local"));
        if (starts && !*w) ps.cmd = 1;     /* an expansion's start: a command is inside it */
        /* a reserved word (then, !) or exec before the program, in a hook */
        if (x->hook && own == 1 && !ps.quoted) ps.cmd = 1;
        if (starts) {
            const char *base = strrchr(w, '/');
            git_cmd = !strcmp(base ? base + 1 : w, "git");
        }
        if (x->hook && own != 1 && ncmd < HOOK_WORDS_MAX && (ncmd || (starts && !ps.quoted))) cmd[ncmd++] = w;
        /* the script an interpreter runs: its first word that is no
         * option (none after -c, -e, -m: code or a module follows) */
        x->word_script = 0;
        if (starts) script_next = x->hook && !ps.quoted ? runner_hook_interpreter(w) : 0;
        else if (script_next && (!strcmp(w, "-c") || !strncmp(w, "-m", 2) || (script_next == 2 && !strcmp(w, "-e"))))
            script_next = 0;
        else if (script_next && w[0] != '-')
            x->word_script = 1, script_next = 0;
        x->word_quoted = ps.quoted;
        word_found(x, file, top, wt, key, v, w, starts, expanded, git_cmd);
        x->word_script = x->word_quoted = 0;
    }
    if (x->hook && ncmd && !x->found) hook_runs(x, file, top, wt, key, v, cmd, ncmd);
    /* a PATH=... alone on the line lasts */
    if (x->hook && path) x->hook_path = path;
}

static void check_config_text(include_ctx *x, const char *file, const char *top, const char *buf, size_t got,
                              int depth);

static void check_config(include_ctx *x, const char *file, const char *top, int depth)
{
    if (depth > INCLUDE_DEPTH_MAX || x->found) return;
    int fd = open(file, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > CONFIG_BYTES_MAX) { close(fd); return; }
    char *buf = arena_alloc(x->a, (size_t)st.st_size + 1);
    size_t got = 0;
    while (got < (size_t)st.st_size) {
        ssize_t r = read(fd, buf + got, (size_t)st.st_size - got);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        got += (size_t)r;
    }
    close(fd);
    buf[got] = 0;
    check_config_text(x, file, top, buf, got, depth);
}

/* the settings of a configuration's text, file: where it comes from */
static void check_config_text(include_ctx *x, const char *file, const char *top, const char *buf, size_t got,
                              int depth)
{
    const char *bend = buf + got;
    /* where a relative program or core.hooksPath is taken from: the work
     * tree (the directory above .git) */
    size_t tl = strlen(top);
    const char *wt = x->worktree ? arena_printf(x->a, "%s/", strcmp(x->worktree, "/") ? x->worktree : "")
                   : tl > 12 && !strcmp(top + tl - 12, "/.git/config") ? arena_strndup(x->a, top, tl - 11)
                   : NULL;
    const char *section = "", *sub = NULL;
    for (const char *line = buf; line && line < bend && !x->found;) {
        const char *nl = memchr(line, '\n', (size_t)(bend - line));
        const char *end = nl ? nl : bend;
        const char *s = line;
        line = nl ? nl + 1 : NULL;
        while (s < end && isspace((unsigned char)*s)) s++;
        if (s < end && *s == '[' && !(s = config_section(x->a, s, end, &section, &sub))) continue;
        if (s >= end || *s == '#' || *s == ';') continue;
        const char *k = s;
        while (s < end && (isalnum((unsigned char)*s) || *s == '-')) s++;
        size_t kl = (size_t)(s - k);
        while (s < end && (*s == ' ' || *s == '\t')) s++;
        if (s >= end || *s != '=') continue;
        int include = (!strcasecmp(section, "include") || !strcasecmp(section, "includeIf")) && kl == 4 &&
                      !strncasecmp(k, "path", 4);
        /* init.templateDir: git init and git clone copy its hooks into
         * the repositories they make */
        int tmpl = !strcasecmp(section, "init") && kl == 11 && !strncasecmp(k, "templateDir", 11);
        int hooks = tmpl || (!strcasecmp(section, "core") && kl == 9 && !strncasecmp(k, "hooksPath", 9));
        const program_key *pk = include || hooks ? NULL : program_key_of(section, k, kl);
        /* the value, to the line that ends it (a backslash-newline goes on) */
        const char *v = config_value(x->a, s + 1, bend, &line);
        if (!v) return;              /* git rejects the file: it runs nothing of it */
        if (!include && !hooks && !pk) continue;
        if (pk) {
            const char *key = arena_printf(x->a, "%s%s%s.%.*s", section, sub ? "." : "", sub ? sub : "", (int)kl, k);
            program_found(x, file, top, wt, pk, key, v, sub);
            continue;
        }
        /* core.hooksPath: a relative one is taken from where hooks run,
         * the work tree */
        const char *from = hooks && wt ? wt : file;
        const char *t = include_target(x, from, v);
        if (!t) continue;
        t = normal(x->a, t);
        if (include) {
            include_found(x, file, top, !strcasecmp(section, "include") ? "include.path" : "includeIf.path", v, t,
                          depth);
            continue;
        }
        /* core.hooksPath: git runs the hooks of that directory */
        const char *probe = arena_printf(x->a, "%s/%spre-commit", strcmp(t, "/") ? t : "", tmpl ? "hooks/" : "");
        const char *how = writable(x->a, x->plan, probe);
        if (how && tmpl)
            x->found = arena_printf(x->a, "%s names the template directory %s (init.templateDir = %s), where the plan "
                                          "lets the command make hooks (%s): git init and git clone copy them into "
                                          "the repositories they make, where git runs them outside any sandbox, "
                                          "while the profile keeps %s itself from the command; deny writing that "
                                          "directory too (deny final write \"%s\";)",
                                    file, t, v, how, top, as_written(x, t));
        else if (how)
            x->found = arena_printf(x->a, "%s names the hooks directory %s (core.hooksPath = %s), where the plan lets "
                                          "the command make hooks (%s): git runs them at the next commit, outside any "
                                          "sandbox, while the profile keeps %s itself from the command; deny writing "
                                          "that directory too (deny final write \"%s\";)",
                                    file, t, v, how, top, as_written(x, t));
        else if (!tmpl)
            x->hooks_dir = t;
    }
}

/* ---- the repository a work tree belongs to -------------------------------- */

/* the first line of a small file, its newline dropped, or NULL */
static const char *first_line(arena *a, const char *file)
{
    int fd = open(file, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return NULL;
    char buf[PATH_MAX + 16];
    struct stat st;
    ssize_t r = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? read(fd, buf, sizeof buf - 1) : -1;
    close(fd);
    if (r <= 0) return NULL;
    buf[r] = 0;
    size_t n = strcspn(buf, "\r\n");
    return n ? arena_strndup(a, buf, n) : NULL;
}

/* ---- the repository's hooks --------------------------------------------- */

enum { HOOK_BYTES_MAX = 1 << 16 };

/* The hook file (open as fd, st its status), run in the work tree wt, read
 * as the shell reads it, line by line (check_hooks); path, the PATH it
 * starts with (set by what runs it), or NULL.  The PATH it leaves is in
 * x->hook_path. */
static void read_hook(include_ctx *x, const char *file, int fd, const struct stat *st, const char *wt,
                      const char *path)
{
    static const program_key hook_key = { .section = "hook", .key = "" };
    if (st->st_size > HOOK_BYTES_MAX) {
        close(fd);
        if (!x->accept_hooks)
            x->found = arena_printf(x->a, "%s is a git hook longer than %d bytes, more than buckle reads for the "
                                          "programs it runs (one the command may write would run outside any sandbox "
                                          "at your next commit)", file, HOOK_BYTES_MAX);
        return;
    }
    char *buf = arena_alloc(x->a, (size_t)st->st_size + 1);
    size_t got = 0;
    for (ssize_t r; got < (size_t)st->st_size; got += (size_t)r)
        if ((r = read(fd, buf + got, (size_t)st->st_size - got)) <= 0) break;
    close(fd);
    buf[got] = 0;
    /* a line continued: one line */
    for (char *c = buf; (c = strstr(c, "\\\n")) != NULL;) c[0] = c[1] = ' ';
    x->hook = 1;
    x->hook_path = path;
    x->hook_text = arena_strdup(x->a, buf);
    for (char *line = buf, *next; line && !x->found; line = next) {
        next = strchr(line, '\n');
        if (next) *next++ = 0;
        if (line == buf && line[0] == '#' && line[1] == '!') {
            /* the interpreter, and its first argument (env's program) */
            program_found(x, file, file, wt, &hook_key, "", line + 2, NULL);
            /* #!/usr/bin/env bash: env finds bash through the user's PATH */
            const char *i = line + 2;
            i += strspn(i, " \t");
            size_t il = strcspn(i, " \t");
            if (!x->found && il >= 3 && !strncmp(i + il - 3, "env", 3) && (il == 3 || i[il - 4] == '/')) {
                const char *r = i + il;
                for (r += strspn(r, " \t"); *r == '-'; r += strspn(r, " \t")) r += strcspn(r, " \t");
                size_t rl = strcspn(r, " \t");
                if (rl && !memchr(r, '/', rl) && !memchr(r, '=', rl))
                    user_path_found(x, file, file, wt, "", "", arena_strndup(x->a, r, rl));
            }
            continue;
        }
        while (*line == ' ' || *line == '\t') line++;
        if (*line == '#') continue;
        /* a comment after a blank ends the line */
        for (char *c = line; *c; c++)
            if (*c == '#' && c > line && (c[-1] == ' ' || c[-1] == '\t')) { *c = 0; break; }
        program_found(x, file, file, wt, &hook_key, "", line, NULL);
    }
    x->hook = 0;
    x->hook_text = NULL;
}

/* file opened as a regular file (executable, unless any), its status in st */
static int open_hook(const char *file, struct stat *st, int any)
{
    int fd = open(file, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return -1;
    if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode) || (!any && !(st->st_mode & 0111))) { close(fd); return -1; }
    return fd;
}

/* husky's hooks: in its hooks directory DIR/_ each hook sources _/h,
 * which sets PATH (node_modules/.bin first) and runs DIR/NAME, the
 * project's hook file, with sh (executable or not).  Those files, each
 * with the PATH _/h sets, before the hooks directory's own. */
static void husky_hooks(include_ctx *x, const char *hooks, const char *wt)
{
    size_t hl = strlen(hooks);
    if (hl < 3 || strcmp(hooks + hl - 2, "/_")) return;
    struct stat st;
    int fd = open_hook(arena_printf(x->a, "%s/h", hooks), &st, 1);
    if (fd < 0) return;
    /* the PATH of _/h: its reading, nothing refused */
    int accept = x->accept_hooks;
    x->accept_hooks = 1;
    read_hook(x, arena_printf(x->a, "%s/h", hooks), fd, &st, wt, NULL);
    x->accept_hooks = accept;
    const char *path = x->hook_path;
    DIR *d = opendir(hooks);
    if (!d) return;
    const char *dir = arena_strndup(x->a, hooks, hl - 2);
    struct dirent *e;
    while (!x->found && (e = readdir(d))) {
        if (e->d_name[0] == '.' || !strcmp(e->d_name, "h") || strchr(e->d_name, '.')) continue;
        struct stat hs;
        int hfd = open_hook(arena_printf(x->a, "%s/%s", hooks, e->d_name), &hs, 0);
        if (hfd < 0) continue;
        close(hfd);
        const char *file = arena_printf(x->a, "%s/%s", dir, e->d_name);
        struct stat fs;
        if ((fd = open_hook(file, &fs, 1)) >= 0) read_hook(x, file, fd, &fs, wt, path);
    }
    closedir(d);
    /* _/h itself, sourced whether or not it is executable (an executable
     * one is read with the other hooks) */
    if (!x->found && !(st.st_mode & 0111) && (fd = open_hook(arena_printf(x->a, "%s/h", hooks), &st, 1)) >= 0)
        read_hook(x, arena_printf(x->a, "%s/h", hooks), fd, &st, wt, NULL);
}

/* The hooks in the directory hooks (the user's own: the profile keeps
 * them from the command; dir the work tree they run in), each read as the
 * shell reads it, line by line: its interpreter (#!), each command's
 * program and the files named, as for a setting that runs a program
 * (program_found), a variable naming a program it runs (pre-commit's
 * INSTALL_PYTHON, which it then execs, there or not), a bare program
 * found through a PATH the hook sets with a relative entry
 * (node_modules/.bin) or through the user's PATH (an activated
 * .venv/bin), the script an interpreter runs, and the files a package
 * runner, make or python -m runs (hook_runners.c).  A hook that
 * runs a program the command may write runs the command's code at the
 * next commit, outside any sandbox.  A sample (NAME.sample) never runs; a
 * hook too long to read whole is refused. */
static void check_hooks(include_ctx *x, const char *hooks, const char *dir)
{
    const char *wt = arena_printf(x->a, "%s/", strcmp(dir, "/") ? dir : "");
    husky_hooks(x, hooks, wt);
    DIR *d = opendir(hooks);
    if (!d) return;
    struct dirent *e;
    while (!x->found && (e = readdir(d))) {
        size_t nl = strlen(e->d_name);
        if (e->d_name[0] == '.' || (nl > 7 && !strcmp(e->d_name + nl - 7, ".sample"))) continue;
        const char *file = arena_printf(x->a, "%s/%s", hooks, e->d_name);
        struct stat st;
        int fd = open_hook(file, &st, 0);
        if (fd >= 0) read_hook(x, file, fd, &st, wt, NULL);
    }
    closedir(d);
}

/* Every configuration file git reads for the work tree dir as that
 * repository's own: the repository's config (the common directory's, for
 * a linked worktree or a submodule whose .git is a file "gitdir: ...",
 * and a commondir file there) and the work tree's config.worktree (read
 * when extensions.worktreeConfig is set; looked at whenever it exists).
 * Relative programs and hooks directories are taken from dir. */
static void check_repo(include_ctx *x, const char *dir)
{
    const char *d = strcmp(dir, "/") ? dir : "";
    const char *gitdir = arena_printf(x->a, "%s/.git", d);
    struct stat st;
    if (stat(gitdir, &st) != 0) return;
    if (S_ISREG(st.st_mode)) {
        const char *l = first_line(x->a, gitdir);
        if (!l || strncmp(l, "gitdir:", 7)) return;
        l += 7;
        while (*l == ' ' || *l == '\t') l++;
        if (!*l) return;
        gitdir = normal(x->a, l[0] == '/' ? l : arena_printf(x->a, "%s/%s", d, l));
    }
    const char *g = strcmp(gitdir, "/") ? gitdir : "";
    const char *common = gitdir;
    const char *c = first_line(x->a, arena_printf(x->a, "%s/commondir", g));
    if (c) common = normal(x->a, c[0] == '/' ? c : arena_printf(x->a, "%s/%s", g, c));
    const char *saved = x->worktree;
    x->worktree = dir;
    const char *files[2] = {
        arena_printf(x->a, "%s/config", strcmp(common, "/") ? common : ""),
        arena_printf(x->a, "%s/config.worktree", g),
    };
    /* the hooks: those of core.hooksPath when the repository's
     * configuration sets it, else those of the git directory */
    const char *hooks_dir = x->hooks_dir;
    x->hooks_dir = NULL;
    for (size_t i = 0; i < 2 && !x->found; i++) check_config(x, files[i], files[i], 0);
    if (!x->found)
        check_hooks(x, x->hooks_dir ? x->hooks_dir : arena_printf(x->a, "%s/hooks", strcmp(common, "/") ? common : ""),
                    dir);
    x->hooks_dir = hooks_dir;
    x->worktree = saved;
}

/* ---- settings given through the environment ----------------------------- */

/* the value of name in vars ("NAME=VALUE", NULL-terminated), or NULL */
static const char *env_get(const char *const *vars, const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 0; vars && vars[i]; i++)
        if (!strncmp(vars[i], name, n) && vars[i][n] == '=') return vars[i] + n + 1;
    return NULL;
}

/* s[0..len) with \\, " and newlines escaped, as in a quoted value */
static const char *quoted(arena *a, const char *s, size_t len)
{
    char *v = arena_alloc(a, 2 * len + 1);
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\n') { v[n++] = '\\'; v[n++] = 'n'; continue; }
        if (s[i] == '\\' || s[i] == '"') v[n++] = '\\';
        v[n++] = s[i];
    }
    v[n] = 0;
    return v;
}

/* key = value (section.name, section.sub.name) as a configuration's text,
 * the subsection quoted as git reads it back (url.ext::sh x].sh.insteadOf),
 * or NULL when it is no such key */
static const char *as_config(arena *a, const char *key, const char *value)
{
    const char *d1 = strchr(key, '.'), *d2 = strrchr(key, '.');
    if (!d1 || d1 == key || !d2[1] || strchr(key, '\n') || strpbrk(d2, "\"]\\") ||
        memchr(key, '"', (size_t)(d1 - key)) || memchr(key, ']', (size_t)(d1 - key)))
        return NULL;
    const char *v = quoted(a, value, strlen(value));
    if (d1 == d2) return arena_printf(a, "[%.*s]\n%s = \"%s\"\n", (int)(d1 - key), key, d2 + 1, v);
    return arena_printf(a, "[%.*s \"%s\"]\n%s = \"%s\"\n", (int)(d1 - key), key,
                        quoted(a, d1 + 1, (size_t)(d2 - d1 - 1)), d2 + 1, v);
}

static void env_setting(include_ctx *x, const char *var, const char *key, const char *value)
{
    const char *text = x->found ? NULL : as_config(x->a, key, value);
    if (!text) return;
    const char *label = arena_printf(x->a, "the environment's %s", var);
    check_config_text(x, label, label, text, strlen(text), 0);
}

/* a shell-quoted word of GIT_CONFIG_PARAMETERS at *p ('...' pieces, \X),
 * to a blank, an '=' outside quotes, or the end */
static char *sq_word(arena *a, const char **p)
{
    const char *s = *p;
    char *out = arena_alloc(a, strlen(s) + 1);
    size_t n = 0;
    while (*s && *s != ' ' && *s != '=') {
        if (*s == '\'') {
            for (s++; *s && *s != '\''; ) out[n++] = *s++;
            if (*s) s++;
        } else if (*s == '\\' && s[1]) {
            out[n++] = s[1];
            s += 2;
        } else
            out[n++] = *s++;
    }
    out[n] = 0;
    *p = s;
    return out;
}

/* The settings git takes from its environment, which the user's later git
 * commands in that shell see too: GIT_CONFIG_COUNT with GIT_CONFIG_KEY_n
 * and GIT_CONFIG_VALUE_n, GIT_CONFIG_PARAMETERS (git -c), and the
 * variables that name a program, each as the setting it stands for */
static void check_env(include_ctx *x, const char *const *vars)
{
    static const struct { const char *var, *key; } progs[] = {
        { .var = "GIT_EXTERNAL_DIFF", .key = "diff.external" },
        { .var = "GIT_PAGER", .key = "core.pager" },
        { .var = "GIT_EDITOR", .key = "core.editor" },
        { .var = "GIT_SEQUENCE_EDITOR", .key = "sequence.editor" },
        { .var = "GIT_SSH_COMMAND", .key = "core.sshCommand" },
        { .var = "GIT_SSH", .key = "core.sshCommand" },
        { .var = "GIT_ASKPASS", .key = "core.askPass" },
        { .var = "GIT_PROXY_COMMAND", .key = "core.gitProxy" },
        { .var = "GIT_TEMPLATE_DIR", .key = "init.templateDir" },   /* its hooks, copied by git init and clone */
    };
    for (size_t i = 0; i < sizeof progs / sizeof progs[0]; i++) {
        const char *v = env_get(vars, progs[i].var);
        if (v && *v) env_setting(x, progs[i].var, progs[i].key, v);
    }
    /* GIT_EXEC_PATH: git runs its helpers from there (git-remote-https at
     * every fetch), and puts it first in the PATH of every program it
     * starts, so a program it runs by name (ssh, the pager, a hook's sh)
     * is looked for there first; each colon-separated piece counts, a
     * relative one (an empty one: the current directory) from here */
    const char *ep = env_get(vars, "GIT_EXEC_PATH");
    for (const char *e = ep && *ep ? ep : NULL; e && !x->found;) {
        const char *c = strchr(e, ':');
        size_t l = c ? (size_t)(c - e) : strlen(e);
        const char *dir = normal(x->a, e[0] == '/' ? arena_strndup(x->a, e, l)
                                                 : arena_printf(x->a, "%s/%.*s", x->cwd, (int)l, e));
        const char *probe = arena_printf(x->a, "%s/git-remote-https", strcmp(dir, "/") ? dir : "");
        const char *how = writable(x->a, x->plan, probe);
        if (how)
            x->found = arena_printf(x->a, "the environment's GIT_EXEC_PATH names the directory %s (GIT_EXEC_PATH = %s), "
                                          "where the plan lets the command make programs (%s): git runs its helpers "
                                          "from there (git-remote-https at every fetch) and looks there first for "
                                          "every program it starts by name (ssh, the pager), outside any sandbox, "
                                          "in this shell's later git commands; keep GIT_EXEC_PATH out of the "
                                          "directories the command may write, or deny writing that directory too "
                                          "(deny final write \"%s\";)",
                                    dir, ep, how, as_written(x, dir));
        e = c ? c + 1 : NULL;
    }
    const char *cnt = env_get(vars, "GIT_CONFIG_COUNT");
    long n = cnt ? strtol(cnt, NULL, 10) : 0;
    for (long i = 0; i < n && i < 10000 && !x->found; i++) {
        const char *kv = arena_printf(x->a, "GIT_CONFIG_KEY_%ld", i);
        const char *k = env_get(vars, kv), *v = env_get(vars, arena_printf(x->a, "GIT_CONFIG_VALUE_%ld", i));
        if (k && v) env_setting(x, kv, k, v);
    }
    const char *params = env_get(vars, "GIT_CONFIG_PARAMETERS");
    for (const char *p = params; p && *p && !x->found;) {
        while (*p == ' ') p++;
        if (!*p) break;
        char *k = sq_word(x->a, &p);
        const char *v = NULL;
        if (*p == '=') {
            p++;
            v = sq_word(x->a, &p);
        } else if (strchr(k, '=')) {
            v = strchr(k, '=') + 1;
            *strchr(k, '=') = 0;
        }
        if (v) env_setting(x, "GIT_CONFIG_PARAMETERS", k, v);
    }
}

/* ---- repositories beneath the working directory ------------------------- */

struct nest_search {
    arena *a;
    const ll_plan *plan;
    const char *cwd, *home;
    int top_kept[NKINDS];        /* the plan keeps the project's own of that kind from the command */
    const char *found;
};

/* ---- a repository that runs nothing ---------------------------------------- */

/* The settings git init and git clone write, and the identity a test
 * fixture sets: none names a program, a file or a directory git takes
 * programs from (section, subsection or not, key; compared without case) */
typedef struct inert_key { const char *section; int sub; const char *key; } inert_key;
static const inert_key inert_keys[] = {
    { .section = "core", .key = "repositoryformatversion" }, { .section = "core", .key = "filemode" },
    { .section = "core", .key = "bare" }, { .section = "core", .key = "logallrefupdates" },
    { .section = "core", .key = "ignorecase" }, { .section = "core", .key = "precomposeunicode" },
    { .section = "core", .key = "symlinks" }, { .section = "extensions", .key = "objectformat" },
    { .section = "extensions", .key = "refstorage" }, { .section = "remote", .sub = 1, .key = "url" },
    { .section = "remote", .sub = 1, .key = "fetch" }, { .section = "remote", .sub = 1, .key = "pushurl" },
    { .section = "remote", .sub = 1, .key = "tagopt" }, { .section = "branch", .sub = 1, .key = "remote" },
    { .section = "branch", .sub = 1, .key = "merge" }, { .section = "user", .key = "name" },
    { .section = "user", .key = "email" }, { .section = "init", .key = "defaultbranch" },
};

static int inert_setting(const char *section, const char *sub, const char *k, size_t kl, const char *v)
{
    for (size_t i = 0; i < sizeof inert_keys / sizeof inert_keys[0]; i++) {
        const inert_key *ik = &inert_keys[i];
        if (strcasecmp(section, ik->section) || (sub != NULL) != ik->sub || strlen(ik->key) != kl ||
            strncasecmp(k, ik->key, kl))
            continue;
        /* a URL of the form TRANSPORT::ADDRESS runs git-remote-TRANSPORT (ext:: a command) */
        return !(ik->sub && strstr(v, "::"));
    }
    return 0;
}

const char *runner_repo_inert(arena *a, const char *gitdir)
{
    struct stat st;
    if (lstat(gitdir, &st) != 0 || !S_ISDIR(st.st_mode)) return "it is not a directory of its own";
    /* files that send git elsewhere for its configuration or its hooks */
    static const char *const elsewhere[] = { "commondir", "config.worktree", "worktrees", "modules" };
    for (size_t i = 0; i < sizeof elsewhere / sizeof elsewhere[0]; i++)
        if (lstat(arena_printf(a, "%s/%s", gitdir, elsewhere[i]), &st) == 0)
            return arena_printf(a, "it has %s", elsewhere[i]);
    /* hooks: only git's samples, which never run */
    DIR *d = opendir(arena_printf(a, "%s/hooks", gitdir));
    struct dirent *e;
    while (d && (e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") || (n > 7 && !strcmp(e->d_name + n - 7, ".sample")))
            continue;
        const char *why = arena_printf(a, "it has the hook %s", e->d_name);
        closedir(d);
        return why;
    }
    if (d) closedir(d);
    const char *cfg = arena_printf(a, "%s/config", gitdir);
    int fd = open(cfg, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
    if (fd < 0) return errno == ENOENT ? NULL : "its config cannot be read";
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > CONFIG_BYTES_MAX) {
        close(fd);
        return "its config cannot be read";
    }
    char *buf = arena_alloc(a, (size_t)st.st_size + 1);
    ssize_t got = read(fd, buf, (size_t)st.st_size);
    close(fd);
    if (got != st.st_size) return "its config cannot be read";
    buf[got] = 0;
    const char *bend = buf + got, *section = "", *sub = NULL;
    for (const char *line = buf; line && line < bend;) {
        const char *nl = memchr(line, '\n', (size_t)(bend - line));
        const char *end = nl ? nl : bend;
        const char *s = line;
        line = nl ? nl + 1 : NULL;
        while (s < end && isspace((unsigned char)*s)) s++;
        if (s < end && *s == '[' && !(s = config_section(a, s, end, &section, &sub)))
            return "its config has a header git rejects";
        if (s >= end || *s == '#' || *s == ';') continue;
        const char *k = s;
        while (s < end && (isalnum((unsigned char)*s) || *s == '-')) s++;
        size_t kl = (size_t)(s - k);
        while (s < end && (*s == ' ' || *s == '\t')) s++;
        /* a key without a value is true */
        const char *v = s < end && *s == '=' ? config_value(a, s + 1, bend, &line) : "";
        if (!v) return "its config is one git rejects";
        if (!inert_setting(section, sub, k, kl, v))
            return arena_printf(a, "its config sets %s%s%s.%.*s", section, sub ? "." : "", sub ? sub : "", (int)kl, k);
    }
    return NULL;
}

/* the repository directory dir (of kind k): a problem when the plan lets
 * the command write what runs code there */
static void repo_found(nest_search *x, size_t k, const char *dir)
{
    const vcs_kind *kd = &kinds[k];
    size_t cl = strlen(x->cwd);
    const char *rel = arena_printf(x->a, "$WORKDIR%s", dir + (cl == 1 ? 0 : cl));
    for (size_t i = 0; i < kd->nheld && !x->found; i++) {
        const char *probe = kd->held[i].probe;
        if (!probe) continue;
        const char *path = arena_printf(x->a, "%s/%s", dir, probe);
        const char *how = writable(x->a, x->plan, path);
        if (!how) continue;
        static const char *const form[] = { [HELD_LITERAL] = "literal ", [HELD_SUBPATH] = "", [HELD_GLOB] = "glob " };
        const char *denies = "deny final write";
        for (size_t j = 0; j < kd->nheld; j++) {
            const held_name *h = &kd->held[j];
            denies = arena_printf(x->a, "%s%s %s\"%s%s%s\"", denies, j ? "," : "", form[h->form], rel,
                                  *h->name ? "/" : "", h->name);
        }
        x->found = arena_printf(x->a, "%s is a repository beneath the working directory, and the plan lets the command "
                                      "write %s (%s): %s runs what it says at the next command there, outside any "
                                      "sandbox, while the profile keeps the working directory's own %s from the "
                                      "command; deny it too (%s;), or run buckle in that repository",
                                dir, path, how, kd->tool, kd->entry, denies);
    }
    if (k == 0 && !x->found) {
        include_ctx ic = { .a = x->a, .plan = x->plan, .cwd = x->cwd, .home = x->home };
        const char *cfg = arena_printf(x->a, "%s/config", dir);
        check_config(&ic, cfg, cfg, 0);
        x->found = ic.found;
    }
}

/* the project's own of kind k (its configuration, held[0], beneath the
 * working directory) is kept from the command */
static int top_kept(arena *a, const ll_plan *plan, const char *cwd, size_t k)
{
    const char *top = arena_printf(a, "%s/%s/%s", strcmp(cwd, "/") ? cwd : "", kinds[k].entry, kinds[k].held[0].probe);
    return !writable(a, plan, top);
}

int runner_own_repo_kept(arena *a, const ll_plan *plan, const char *cwd) { return top_kept(a, plan, cwd, 0); }

/* The configuration files git reads in every repository, for any git the
 * user runs later (not only with this environment): the system's
 * (/etc/gitconfig, GIT_CONFIG_SYSTEM), GIT_CONFIG_GLOBAL, and for both
 * homes (HOME, and the password database's) ~/.gitconfig and
 * ~/.config/git/config, and XDG_CONFIG_HOME's; NULL-terminated, each once;
 * named[k]: the environment named the k-th (GIT_CONFIG_SYSTEM,
 * GIT_CONFIG_GLOBAL, XDG_CONFIG_HOME's), and it is none of the others */
static const char *from_cwd(arena *a, const char *cwd, const char *v)
{
    return !v || !*v || v[0] == '/' ? v : arena_printf(a, "%s/%s", strcmp(cwd, "/") ? cwd : "", v);
}

static const char *const *git_globals(arena *a, const git_env *env, const char *cwd, int *named)
{
    const char **v = arena_alloc(a, 10 * sizeof *v);
    size_t n = 0;
    const char *pw = NULL;
    if (run_user_entry(a, &pw, NULL) != 0) pw = NULL;
    const char *homes[2] = { env->home, pw };
    const char *c[9] = {
        "/etc/gitconfig",
        /* a relative one from the directory git runs in: the project's */
        from_cwd(a, cwd, env->config_system),
        from_cwd(a, cwd, env->config_global),
        env->xdg_config && *env->xdg_config ? arena_printf(a, "%s/git/config", from_cwd(a, cwd, env->xdg_config)) : NULL,
    };
    size_t nc = 4;
    for (size_t h = 0; h < 2; h++) {
        if (!homes[h] || homes[h][0] != '/') continue;
        const char *hd = strcmp(homes[h], "/") ? homes[h] : "";
        c[nc++] = arena_printf(a, "%s/.gitconfig", hd);
        c[nc++] = arena_printf(a, "%s/.config/git/config", hd);
    }
    for (size_t i = 0; i < nc; i++) {
        if (!c[i] || c[i][0] != '/') continue;
        size_t j = 0;
        while (j < n && strcmp(v[j], c[i])) j++;
        if (j == n) {
            named[n] = i >= 1 && i <= 3;
            v[n++] = c[i];
        } else if (i == 0 || i > 3)
            named[j] = 0;
    }
    v[n] = NULL;
    return v;
}

nest_search *runner_nested_begin(arena *a, const ll_plan *plan, const char *cwd, const git_env *env,
                                 int accept_hooks, const char **why)
{
    *why = NULL;
    const char *home = env->home;
    nest_search *x = arena_alloc(a, sizeof *x);
    *x = (nest_search){ .a = a, .plan = plan, .cwd = cwd, .home = home };
    int any = 0;
    for (size_t k = 0; k < NKINDS; k++) any |= x->top_kept[k] = top_kept(a, plan, cwd, k);
    if (!any) return NULL;
    /* the project's own git configuration: the files it includes */
    if (x->top_kept[0]) {
        include_ctx ic = { .a = a, .plan = plan, .cwd = cwd, .home = home, .accept_hooks = accept_hooks,
                           .user_path = env_get(env->vars, "PATH") };
        check_repo(&ic, cwd);
        if (ic.found) { *why = ic.found; return NULL; }
        /* the user's own configuration, which git reads in every
         * repository: its includes (an includeIf on gitdir:~/work/) and a
         * relative core.hooksPath, taken from the project's work tree */
        ic.worktree = cwd;
        int named[10] = { 0 };
        const char *const *globals = git_globals(a, env, cwd, named);
        for (size_t k = 0; globals[k] && !ic.found; k++) {
            /* one the environment names that the command may write itself
             * (GIT_CONFIG_GLOBAL or XDG_CONFIG_HOME in the project):
             * whatever it names then (the fixed ones are the profile's
             * denies: std/agent's ~/.gitconfig) */
            const char *how = named[k] ? writable(a, plan, globals[k]) : NULL;
            if (how)
                ic.found = arena_printf(a, "git reads %s as its configuration in every repository, and the plan lets "
                                           "the command write it (%s): git runs what it names (core.fsmonitor, "
                                           "core.pager, aliases) at your next git command, outside any sandbox; keep "
                                           "GIT_CONFIG_GLOBAL, GIT_CONFIG_SYSTEM and XDG_CONFIG_HOME out of the "
                                           "directories the command may write, or deny writing that file (deny final "
                                           "write literal \"%s\";)", globals[k], how, as_written(&ic, globals[k]));
            else
                check_config(&ic, globals[k], globals[k], 0);
        }
        if (!ic.found) check_env(&ic, env->vars);
        /* a repository the working directory lies in: its configuration
         * applies to every git command run here */
        struct stat own;
        int is_repo = stat(arena_printf(a, "%s/.git", strcmp(cwd, "/") ? cwd : ""), &own) == 0;
        for (size_t l = strlen(cwd); !is_repo && !ic.found && l > 1;) {
            while (l > 1 && cwd[l - 1] != '/') l--;
            if (l > 1) l--;                           /* the parent, without its trailing '/' */
            const char *up = arena_strndup(a, cwd, l ? l : 1);
            struct stat st;
            if (stat(arena_printf(a, "%s/.git", strcmp(up, "/") ? up : ""), &st) == 0) {
                check_repo(&ic, up);
                break;
            }
            if (l <= 1) break;
        }
        if (ic.found) { *why = ic.found; return NULL; }
    }
    return x;
}

int runner_nested_entry(nest_search *x, const char *name, const char *sub, int depth)
{
    size_t k = 0;
    while (k < NKINDS && strcmp(name, kinds[k].entry)) k++;
    if (k == NKINDS) return 0;
    /* the working directory's own: the profile's denies name them */
    if (depth > 0 && x->top_kept[k] && !x->found) repo_found(x, k, sub);
    return 1;
}

int runner_nested_bare(nest_search *x, int fd, const char *sub)
{
    if (!runner_git_dir_at(fd, ".")) return 0;
    if (x->top_kept[0] && !x->found) repo_found(x, 0, sub);
    return 1;
}

const char *runner_nested_found(const nest_search *x) { return x ? x->found : NULL; }

const char *runner_hooks_front_path(arena *a, const ll_plan *plan, const char *cwd, const git_env *env,
                                    int accept_hooks, const char *const *front, size_t nfront)
{
    if (!nfront || !top_kept(a, plan, cwd, 0)) return NULL;
    const char *path = "";
    for (size_t i = 0; i < nfront; i++) path = arena_printf(a, "%s%s:", path, front[i]);
    const char *user = env_get(env->vars, "PATH");
    include_ctx ic = { .a = a, .plan = plan, .cwd = cwd, .home = env->home, .accept_hooks = accept_hooks,
                       .user_path = user ? arena_printf(a, "%s%s", path, user) : arena_strndup(a, path, strlen(path) - 1) };
    check_repo(&ic, cwd);
    return ic.found;
}
