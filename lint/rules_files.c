/* rules_files.c - file grants: BK3001 (profile directory), BK3003 (broad
 * write), BK3004 (files that run code later), BK4004 (sockets), BK4008
 * (root unreadable), BK4009 (traversal), BK4006 (a regex at /tmp, /var or
 * /etc). */
#include "../compiler/expand.h"
#include "../grammar/builtin_params.h"
#include "rules.h"
#include <stdio.h>
#include <string.h>

static const char *const write_ops[] = {
    "file-write-data", "file-write-create", "file-write-unlink", "file-write-mode", "file-write-owner",
    "file-write-times", "file-write-xattr", "file-write-flags", "file-write-acl", "file-write-setugid",
    "file-link", "file-clone", "fs-rename",
};

static int is_write_rule(const lrule *r, int wd)   /* wd: file-write-data */
{
    return r->action == ACT_ALLOW && opset_has(&op_get(r->op)->covers, wd);
}

/* BK3001: where the runner keeps profiles (docs/runner.md): $TMPDIR and
 * /private/tmp, directory buckle-profiles-UID. */
static void profile_dir(lint_ctx *lc)
{
    /* buckle run adds these denies to every profile it runs; a profile that
     * buckle compiled is made for buckle run, as its source is */
    if (!lc->v->is_sb || lc->v->generated) return;
    static const char *const dirs[] = {
        "/private/var/folders/zz/test/T/buckle-profiles-501", "/private/tmp/buckle-profiles-501",
    };
    for (size_t d = 0; d < 2; d++) {
        char file[256];
        snprintf(file, sizeof file, "%s/buckle-1-2-3.sb", dirs[d]);
        const char *objs[] = { file, dirs[d] };
        for (size_t o = 0; o < 2; o++) {
            for (size_t k = 0; k < sizeof write_ops / sizeof write_ops[0]; k++) {
                const lrule *who;
                if (lint_decide(lc, write_ops[k], objs[o], &who) != 0) continue;
                lint_report_at_rule(lc, BK3001, who,
                    "%s is allowed on %s, where buckle run keeps the profile of the next command: a sandboxed "
                    "process could replace it with (allow default), a sandbox escape", write_ops[k], objs[o]);
                return;
            }
        }
        /* renames of an ancestor move the directory away */
        char anc[256];
        snprintf(anc, sizeof anc, "%s", dirs[d]);
        for (char *slash = strrchr(anc, '/'); slash && slash != anc; slash = strrchr(anc, '/')) {
            const lrule *who;
            if (lint_decide(lc, "file-write-unlink", anc, &who) == 0) {
                lint_report_at_rule(lc, BK3001, who,
                    "%s can be renamed (file-write-unlink), so the profile directory inside it can be moved away and "
                    "replaced: a sandbox escape", anc);
                return;
            }
            *slash = 0;
        }
    }
}

/* the file types an object asked about may have: a vnode-type filter
 * beside another one in a rule is an alternative, so it grants its type
 * everywhere (docs/sbpl.md) */
static const char *const any_type[] = { "REGULAR-FILE", "DIRECTORY", "SYMLINK", NULL };
static const char *const dir_type[] = { "DIRECTORY", NULL };
static const char *const file_type[] = { "REGULAR-FILE", "SYMLINK", NULL };

static int seen(const lrule *const *v, size_t n, const lrule *r)
{
    for (size_t i = 0; i < n; i++) if (v[i] == r) return 1;
    return 0;
}

/* BK3003: any write operation allowed at a broad path, on a child of it or
 * deeper (names no profile lists, so a grant of ~/project stays out) */
static void broad_write(lint_ctx *lc)
{
    static const char *const broad[] = { "/", "/Users", BUILTIN_TEST_HOME, "/private", "/Library", "/System" };
    const size_t nops = sizeof write_ops / sizeof write_ops[0];
    const lrule *reported[8];
    size_t nr = 0;
    for (size_t b = 0; b < sizeof broad / sizeof broad[0]; b++) {
        const char *sep = broad[b][1] ? "/" : "";
        const char *objs[] = { broad[b], arena_printf(lc->a, "%s%sbuckle-probe", broad[b], sep),
                               arena_printf(lc->a, "%s%sbuckle-probe/x", broad[b], sep) };
        int done = 0;
        for (size_t o = 0; o < 3 && !done; o++) {
            for (size_t k = 0; k < nops && !done; k++) {
                const lrule *who;
                const char *vt;
                if (lint_decide_typed(lc, write_ops[k], objs[o], o ? any_type : dir_type, &who, &vt) != 0) continue;
                if (who ? who->implied : lc->v->is_sb) continue;   /* an .sb default is BK3005's */
                if (seen(reported, nr, who)) continue;
                if (nr < sizeof reported / sizeof reported[0]) reported[nr++] = who;
                done = 1;
                const char *what = k == 0 ? "write" : write_ops[k];
                if (!who || who->kind == LK_NONE) {
                    lint_report_at_rule(lc, BK3003, who, "%s is allowed on every path", what);
                    continue;
                }
                int named = (who->kind == LK_SUBPATH || who->kind == LK_PREFIX) && who->value;
                const char *where = named ? who->value : broad[b];
                if (vt) {
                    lint_report_at_rule(lc, BK3003, who, "%s is allowed on every %s, %s included: a vnode-type filter "
                                        "beside another filter is an alternative, not a condition", what, vt, objs[o]);
                    continue;
                }
                lint_report_at_rule(lc, BK3003, who, "%s is allowed on %s%s", what, where,
                                    strcmp(where, BUILTIN_TEST_HOME) == 0 ? " (the home directory)" : "");
            }
        }
    }
}

/* BK3004: the operations that put other content at a path: writing it,
 * creating it, or replacing it (unlink or rename, then create or link) */
static void protected_files(lint_ctx *lc)
{
    static const char *const content_ops[] = {
        "file-write-data", "file-write-create", "file-write-unlink", "file-link", "file-clone", "fs-rename",
    };
    static const char *const files[] = {
        BUILTIN_TEST_HOME "/.zshrc", BUILTIN_TEST_HOME "/.zshenv", BUILTIN_TEST_HOME "/.zprofile", BUILTIN_TEST_HOME "/.bashrc",
        BUILTIN_TEST_HOME "/.bash_profile", BUILTIN_TEST_HOME "/.profile", BUILTIN_TEST_HOME "/.gitconfig",
        BUILTIN_TEST_HOME "/Library/LaunchAgents/evil.plist", BUILTIN_TEST_WORKDIR "/.git/hooks/pre-commit",
        BUILTIN_TEST_WORKDIR "/.git/config", BUILTIN_TEST_WORKDIR "/.vscode/tasks.json",
        BUILTIN_TEST_WORKDIR "/.idea/workspace.xml",
        /* where git also takes hooks and config from: a submodule's, a
         * linked worktree's, the .git file that names the directory, the
         * commondir file that names another, and the HEAD that makes the
         * project a bare repository of its own when .git is broken */
        BUILTIN_TEST_WORKDIR "/.git", BUILTIN_TEST_WORKDIR "/.git/config.worktree",
        BUILTIN_TEST_WORKDIR "/.git/modules/lib/hooks/post-checkout", BUILTIN_TEST_WORKDIR "/.git/modules/lib/config",
        BUILTIN_TEST_WORKDIR "/.git/worktrees/w/commondir", BUILTIN_TEST_WORKDIR "/.git/commondir",
        BUILTIN_TEST_WORKDIR "/HEAD",
        BUILTIN_TEST_HOME "/.config/git/config", BUILTIN_TEST_HOME "/.local/bin/git",
        /* the PATH directories in the home that tools' installers put
         * first (a git of the command's own there runs instead of git),
         * and rustup's env, which the shell start-up files source */
        BUILTIN_TEST_HOME "/bin/git", BUILTIN_TEST_HOME "/.cargo/bin/git", BUILTIN_TEST_HOME "/.cargo/env",
        BUILTIN_TEST_HOME "/go/bin/git", BUILTIN_TEST_HOME "/.bun/bin/git", BUILTIN_TEST_HOME "/.deno/bin/git",
        BUILTIN_TEST_HOME "/.npm-global/bin/git", BUILTIN_TEST_HOME "/.volta/bin/git", BUILTIN_TEST_HOME "/.pyenv/shims/git",
    };
    const size_t nops = sizeof content_ops / sizeof content_ops[0];
    const lrule *reported[24];
    size_t nr = 0;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        for (size_t k = 0; k < nops; k++) {
            const lrule *who;
            /* .git may be a directory or the file that names one */
            const char *const *types = strcmp(files[i] + strlen(files[i]) - 5, "/.git") ? file_type : any_type;
            const char *vt;
            if (lint_decide_typed(lc, content_ops[k], files[i], types, &who, &vt) != 0 || seen(reported, nr, who)) continue;
            if (nr < sizeof reported / sizeof reported[0]) reported[nr++] = who;
            if (vt)
                lint_report_at_rule(lc, BK3004, who, "%s is allowed on every %s, %s included (a vnode-type filter beside "
                                    "another filter is an alternative, not a condition); it runs code outside the "
                                    "sandbox later", content_ops[k], vt, files[i]);
            else if (k == 0)
                lint_report_at_rule(lc, BK3004, who, "%s is writable; it runs code outside the sandbox later", files[i]);
            else
                lint_report_at_rule(lc, BK3004, who, "%s is allowed on %s, so other content can be put there; it runs "
                                    "code outside the sandbox later", content_ops[k], files[i]);
            break;
        }
    }
}

static void sockets(lint_ctx *lc)
{
    int out = op_lookup("network-outbound", NULL);
    for (size_t i = 0; i < lc->v->n; i++) {
        const lrule *r = &lc->v->rules[i];
        if (r->action != ACT_ALLOW || !r->value || (r->kind != LK_LITERAL && r->kind != LK_SUBPATH)) continue;
        if (opset_has(&op_get(r->op)->covers, out)) continue;
        if (strncmp(op_get(r->op)->name, "file", 4) != 0) continue;
        size_t n = strlen(r->value);
        const char *base = strrchr(r->value, '/');
        const char *ext = base ? strrchr(base, '.') : NULL;
        /* /private/var/run holds sockets, but also resolv.conf and pid files */
        int plain_file = ext && (!strcmp(ext, ".conf") || !strcmp(ext, ".pid") || !strcmp(ext, ".plist") || !strcmp(ext, ".db"));
        int sockish = (n > 5 && strcmp(r->value + n - 5, ".sock") == 0) ||
                      (strncmp(r->value, "/private/var/run/", 17) == 0 && !plain_file) || strstr(r->value, "unix_socket") != NULL;
        if (!sockish) continue;
        const lrule *who;
        if (lint_decide(lc, "network-outbound", r->value, &who) != 1) continue;
        lint_report(lc, BK4004, r->at,
                    "%s looks like a socket: connect() to it is network-outbound, which is not allowed", r->value);
    }
}

static void root_readable(lint_ctx *lc)
{
    int rd = op_lookup("file-read-data", NULL), rm = op_lookup("file-read-metadata", NULL);
    for (size_t i = 0; i < lc->v->n; i++) {
        const lrule *r = &lc->v->rules[i];
        if (r->action != ACT_DENY || r->op == op_default()) continue;
        const opset *cv = &op_get(r->op)->covers;
        if (!opset_has(cv, rd) && !opset_has(cv, rm)) continue;
        int root = r->kind == LK_NONE || ((r->kind == LK_SUBPATH || r->kind == LK_PREFIX) && r->value && !strcmp(r->value, "/"));
        if (!root) continue;
        const lrule *who;
        if (lint_decide(lc, "file-read-metadata", "/", &who) == 1 || lint_decide(lc, "file-read-data", "/", &who) == 1) {
            lint_report(lc, BK4008, r->at, "this deny covers / and (literal \"/\") is not readable: dyld aborts");
            return;
        }
    }
}

static void traversal(lint_ctx *lc)
{
    int rd = op_lookup("file-read-data", NULL), wd = op_lookup("file-write-data", NULL);
    for (size_t i = 0; i < lc->v->n; i++) {
        const lrule *r = &lc->v->rules[i];
        if (!lc->v->is_sb && !r->raw) continue;    /* the compiler writes the traversal of its own rules */
        if (r->action != ACT_ALLOW || r->implied || !r->value || (r->kind != LK_LITERAL && r->kind != LK_SUBPATH)) continue;
        const opset *cv = &op_get(r->op)->covers;
        if (!opset_has(cv, rd) && !opset_has(cv, wd) && strncmp(op_get(r->op)->name, "process-exec", 12) != 0) continue;
        char anc[4096];
        snprintf(anc, sizeof anc, "%s", r->value);
        for (;;) {
            char *slash = strrchr(anc, '/');
            if (!slash) break;
            if (slash == anc) { if (anc[1] == 0) break; anc[1] = 0; } else *slash = 0;
            const lrule *who;
            if (lint_decide(lc, "file-read-metadata", anc, &who) == 1) {
                lint_report(lc, BK4009, r->at, "the ancestor %s of %s has no file-read-metadata", anc, r->value);
                break;
            }
            if (anc[1] == 0) break;
        }
    }
}

/* BK2012: a subtree where writes are allowed and reads denied: a program
 * that writes files there cannot read them back (nor list the directory),
 * which is rarely what the author meant */
static void write_only(lint_ctx *lc)
{
    int wd = op_lookup("file-write-data", NULL);
    for (size_t i = 0; i < lc->v->n; i++) {
        const lrule *r = &lc->v->rules[i];
        if (!is_write_rule(r, wd) || r->implied || !r->value || (r->kind != LK_SUBPATH && r->kind != LK_PREFIX)) continue;
        const char *below = arena_printf(lc->a, "%s%sx", r->value, r->value[strlen(r->value) - 1] == '/' ? "" : "/");
        const char *objs[] = { r->value, below };
        for (size_t o = 0; o < 2; o++) {
            const lrule *who, *wrote;
            if (lint_decide(lc, "file-write-data", objs[o], &wrote) != 0 || wrote != r) continue;
            if (lint_decide(lc, "file-read-data", objs[o], &who) != 1) continue;
            diag *d = lint_report_at_rule(lc, BK2012, r,
                "writes are allowed under %s but reads are denied: what is written there cannot be read back", r->value);
            if (who) diag_note_add(lc->dl, d, who->at, "the read is denied by this rule%s", who->provenance ? who->provenance : "");
            else if (lc->v->default_at.src) diag_note_add(lc->dl, d, lc->v->default_at, "the read is denied by the default");
            break;
        }
    }
}

/* BK4006 in a .buckle file: paths are written under /private when read, but
 * a regex is taken as written, so "^/tmp/x" never matches a path. */
static void regex_alias(lint_ctx *lc)
{
    if (lc->v->is_sb) return;
    for (size_t i = 0; i < lc->v->n; i++) {
        const lrule *r = &lc->v->rules[i];
        if (r->implied || r->kind != LK_PATTERN || !r->value || r->value[0] != '^') continue;
        const char *al = private_alias(r->value + 1, strlen(r->value + 1), "$(");
        if (!al) continue;
        diag *d = lint_report(lc, BK4006, r->at,
                              "%s is a symlink; the sandbox sees /private%s, so this regex never matches", al, al);
        diag_help(lc->dl, d, "write ^/private%s", al);
    }
}

void lint_pass_files(lint_ctx *lc)
{
    regex_alias(lc);
    write_only(lc);
    profile_dir(lc);
    broad_write(lc);
    protected_files(lc);
    sockets(lc);
    root_readable(lc);
    traversal(lc);
}
