/* dir_guard.c - a WORKDIR or TMPDIR whose write grant would reach files
 * other programs run outside any sandbox, beyond the home directory
 * (home_guard.c): a git repository's own directory (a bare repository, or
 * the working directory inside .git), whose hooks and config git runs; a
 * directory every user may write (/tmp, /dev/shm); a system directory
 * (/etc, /usr/bin, /usr/local/lib, /run ...) or a directory on PATH, whose
 * files every later program may run or read.  std/agent's
 * denies name $WORKDIR/.git/hooks and its like, which name nothing there.
 * Such a run is refused (docs/linux.md, "The home directory as WORKDIR"). */
#include "dir_guard.h"
#include "git_dir.h"
#include "path_ident.h"
#include "../backend/emit.h"
#include "../backend/landlock.h"
#include "../support/param_marks.h"
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* the system directories whose files programs outside any sandbox run or
 * read at start: a value at, above or inside one is refused; with
 * at_or_above, only at or above (add-on packages keep programs in
 * /opt/VENDOR/bin, while a project may live in /opt/app) */
typedef struct system_dir {
    const char *dir;
    int at_or_above;
} system_dir;

static const system_dir system_dirs[] = {
    /* /usr's first: where /bin is a link to /usr/bin, /usr is above
     * /usr/bin, as said */
    { .dir = "/usr/bin" }, { .dir = "/usr/sbin" }, { .dir = "/usr/lib" }, { .dir = "/usr/lib32" },
    { .dir = "/usr/lib64" }, { .dir = "/usr/libexec" }, { .dir = "/usr/share" }, { .dir = "/usr/games" },
    { .dir = "/usr/include" }, { .dir = "/usr/local/bin" }, { .dir = "/usr/local/sbin" },
    { .dir = "/usr/local/lib" }, { .dir = "/usr/local/etc" }, { .dir = "/usr/local/share" },
    { .dir = "/usr/local/games" }, { .dir = "/usr/local/include" }, { .dir = "/etc" }, { .dir = "/bin" },
    { .dir = "/sbin" }, { .dir = "/lib" }, { .dir = "/lib32" }, { .dir = "/lib64" }, { .dir = "/libx32" },
    { .dir = "/boot" }, { .dir = "/var/lib" }, { .dir = "/var/spool" },
    /* systemd's runtime units and drop-ins (/run/systemd/system.control,
     * $XDG_RUNTIME_DIR/systemd/user.control), which come before /etc's
     * and ~/.config's */
    { .dir = "/run" }, { .dir = "/var/run" },
    /* other package managers' programs: snap's launchers, Nix's store and
     * profiles, Homebrew on Linux's prefix */
    { .dir = "/snap" }, { .dir = "/nix" }, { .dir = "/home/linuxbrew/.linuxbrew" },
    { .dir = "/opt", .at_or_above = 1 }, { .dir = "/var/opt", .at_or_above = 1 },
};

/* the rule that decides a write of a new file in dir, when it allows it
 * and names the parameter (a rule that names the directory itself, or the
 * default, says what the profile means) */
static const rule *param_grant(arena *a, decider *d, const char *dir, const char *name)
{
    sb_request q;
    memset(&q, 0, sizeof q);
    q.op = op_lookup("file-write-data", NULL);
    q.kind = OBJ_PATH;
    q.obj = arena_printf(a, "%s/buckle-dir-check", strcmp(dir, "/") ? dir : "");
    q.len = strlen(q.obj);
    decision dc = decider_decide(d, &q);
    const rule *r = dc.r;
    size_t n = strlen(name);
    if (dc.action != ACT_ALLOW || !r || !r->m.value || r->m.len < n + 2 || r->m.value[0] != PARAM_OPEN ||
        memcmp(r->m.value + 1, name, n) != 0 || r->m.value[n + 1] != PARAM_CLOSE)
        return NULL;
    return r;
}

static const char *rule_text(arena *a, compilation *c, const rule *r)
{
    strbuf b;
    sb_init(&b);
    ir_rule_text(&b, r);
    const char *text = arena_printf(a, "%s (%s)", ll_rule_where(a, c, r), sb_cstr(&b));
    sb_free(&b);
    return text;
}

/* the git directory value is or is inside (a component named .git, or an
 * ancestor that holds HEAD, objects/ and refs/), or NULL */
static const char *git_dir_of(arena *a, const char *value)
{
    char *p = arena_strdup(a, value);
    for (;;) {
        const char *base = strrchr(p, '/');
        if (runner_git_dir_at(AT_FDCWD, p) || (base && !strcmp(base + 1, ".git"))) return p;
        char *slash = strrchr(p, '/');
        if (!slash || slash == p) return NULL;
        *slash = 0;
    }
}

const char *runner_dir_write_problem(arena *a, compilation *c, decider *d, const char *name, const char *called,
                                     const char *instead)
{
    const param_decl *p = hm_gets(&c->params, name);
    const char *v = decider_value(d, name);
    if (!p || !p->used || !v || v[0] != '/') return NULL;
    const rule *r;
    const char *g = git_dir_of(a, v);
    if (g && (r = param_grant(a, d, v, name)))
        return arena_printf(a, "%s %s %s the git directory %s, and %s would let the command write there: a "
                               "repository's hooks and config, which git runs outside any sandbox, and which "
                               "std/agent's denies of $WORKDIR/.git/... do not name from there; %s (the repository's "
                               "work tree; a profile meant to write a repository's own directory names it: allow "
                               "write \"%s\")", called, v, strcmp(g, v) ? "is inside" : "is", g, rule_text(a, c, r),
                            instead, g);
    /* a directory every user may write (/tmp, /dev/shm): what every
     * program keeps there; a TMPDIR like it is set aside before this
     * (builtin_values.c) */
    struct stat st;
    if (stat(v, &st) == 0 && S_ISDIR(st.st_mode) && (st.st_mode & S_IWOTH) && (r = param_grant(a, d, v, name)))
        return arena_printf(a, "%s %s may be written by every user, and %s would let the command write every file "
                               "other programs keep there (their sockets, shared memory, temporary files); %s (a "
                               "directory of its own: mkdir %s/NAME, and run buckle there)", called, v,
                            rule_text(a, c, r), instead, strcmp(v, "/") ? v : "");
    for (size_t k = 0; k < sizeof system_dirs / sizeof system_dirs[0]; k++) {
        const char *s = system_dirs[k].dir;
        const char *seen = runner_name_beneath(a, v, s);     /* at or above it */
        int inside = !seen && runner_at_or_above(s, v);
        if (!seen && (!inside || system_dirs[k].at_or_above)) continue;
        if (!(r = param_grant(a, d, inside ? v : seen, name))) continue;
        return arena_printf(a, "%s %s is %s%s, a system directory whose files programs outside any sandbox run or "
                               "read, and %s would let the command write there; %s (a profile meant to write there "
                               "names it: allow write \"%s\")", called, v,
                            inside ? (strcmp(s, v) ? "inside " : "") : strcmp(seen, v) ? "above " : "", s,
                            rule_text(a, c, r), instead, s);
    }
    /* a directory on PATH: at it or inside it; for TMPDIR above it too (a
     * project may hold its own PATH entries, node_modules/.bin, .venv/bin:
     * WORKDIR above one is the project's business) */
    const char *path = getenv("PATH");
    for (const char *e = path; e && *e;) {
        const char *colon = strchr(e, ':');
        size_t n = colon ? (size_t)(colon - e) : strlen(e);
        const char *dir = arena_printf(a, "%.*s", (int)n, e);
        e += n + (colon != NULL);
        if (dir[0] != '/' || !strcmp(dir, "/")) continue;
        const char *seen = !strcmp(name, "TMPDIR") && !runner_at_or_above(dir, v) ? runner_name_beneath(a, v, dir) : NULL;
        if (!seen && !runner_at_or_above(dir, v)) continue;
        if (!(r = param_grant(a, d, seen ? seen : v, name))) continue;
        return arena_printf(a, "%s %s is %sthe directory %s of PATH, whose programs later commands run outside any "
                               "sandbox, and %s would let the command write there; %s (a profile meant to write "
                               "there names it: allow write \"%s\")", called, v,
                            seen ? "above " : strcmp(dir, v) ? "inside " : "", dir, rule_text(a, c, r), instead, dir);
    }
    return NULL;
}

int runner_dir_guarded(arena *a, const char *v)
{
    if (!v || v[0] != '/') return 0;
    if (git_dir_of(a, v)) return 1;
    for (size_t k = 0; k < sizeof system_dirs / sizeof system_dirs[0]; k++) {
        const char *s = system_dirs[k].dir;
        if (runner_name_beneath(a, v, s) || (!system_dirs[k].at_or_above && runner_at_or_above(s, v))) return 1;
    }
    /* at, inside or above a directory of PATH */
    const char *path = getenv("PATH");
    for (const char *e = path; e && *e;) {
        const char *colon = strchr(e, ':');
        size_t n = colon ? (size_t)(colon - e) : strlen(e);
        const char *dir = arena_printf(a, "%.*s", (int)n, e);
        e += n + (colon != NULL);
        if (dir[0] != '/' || !strcmp(dir, "/")) continue;
        if (runner_at_or_above(dir, v) || runner_name_beneath(a, v, dir)) return 1;
    }
    return 0;
}
