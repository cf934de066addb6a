/* run_landlock.c - `buckle run` on Linux (runner_run's choice there): the
 * profile compiled for Landlock, every rule judged (exact, narrower, weaker,
 * without meaning), refused when something would be weaker and the user did
 * not accept that class, then the command in a child under the ruleset and
 * the seccomp filter, buckle its supervisor (docs/linux.md). */
#define _POSIX_C_SOURCE 200809L
#include "run.h"
#include "../backend/emit.h"
#include "../backend/landlock.h"
#include "../lint/lint.h"
#include "../support/codes.h"
#include "elf_interp.h"
#include "above_names.h"
#include "direnv_config.h"
#include "direnv_files.h"
#include "module_shadows.h"
#include "path_shadows.h"
#include "grant_repos_made.h"
#include "tool_configs.h"
#include "env_files.h"
#include "home_guard.h"
#include "link_scan.h"
#include "linked_git.h"
#include "nested_repos.h"
#include "grant_repos.h"
#include "shared_inodes.h"
#include "path_ident.h"
#include "source_modes.h"
#include "stdio_guard.h"
#include "landlock_cache.h"
#include "linux_run.h"
#include "planted.h"
#include "made_by.h"
#include "rebase_todo.h"
#include "shadow_check.h"
#include "shadow_rel.h"
#include "path_rel.h"
#include "profile_rel.h"
#include "runner.h"
#include "run_profile.h"
#include "run_tmpdir.h"
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

extern char **environ;      /* the environment git later sees: its GIT_CONFIG_* (nested_repos.c) */

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The refusal: the flag that runs it anyway first, then the rules, grouped
 * by file and class ("54 rules of std/agent.buckle, class files", with the
 * first as an example; up to GROUP_FROM of them each on its line) unless
 * verbose lists each (ll_plan_refusals).
 * Returns how many rules are refused. */
enum { GROUP_FROM = 3 };   /* more rules than this of one file and class are one line */

static size_t refusals(const ll_plan *p, compilation *c, int verbose, arena *a, strbuf *out)
{
    for (int k = 0; k < LLC_COUNT; k++)
        if (p->rep.weaker & (1u << k))
            sb_printf(out, "  --linux-accept=%s runs it anyway: %s\n", ll_class_get(k)->name, ll_class_get(k)->what);
    size_t n = 0;
    for (size_t i = 0; i < p->rep.n; i++)
        if (p->rep.v[i].v == BV_WEAKER && (p->rep.weaker & (1u << p->rep.v[i].cls))) n++;
    if (verbose) {
        strbuf all;
        sb_init(&all);
        ll_plan_refusals(p, c, &all);
        /* its lines without the flags, said above */
        for (const char *l = sb_cstr(&all); *l;) {
            const char *e = strchr(l, '\n');
            size_t len = e ? (size_t)(e - l) + 1 : strlen(l);
            if (strncmp(l, "  --linux-accept=", 17)) sb_add(out, l, len);
            l += len;
        }
        sb_free(&all);
        return n;
    }
    /* each file and class once, in the order of their first rule */
    const char **where = arena_alloc(a, (p->rep.n + 1) * sizeof *where);
    char *done = arena_alloc(a, p->rep.n + 1);
    for (size_t i = 0; i < p->rep.n; i++) {
        const backend_rule_verdict *v = &p->rep.v[i];
        done[i] = !(v->v == BV_WEAKER && (p->rep.weaker & (1u << v->cls)));
        where[i] = done[i] ? "" : v->where ? v->where : ll_rule_where(a, c, v->r);
    }
    for (size_t i = 0; i < p->rep.n; i++) {
        if (done[i]) continue;
        const backend_rule_verdict *v = &p->rep.v[i];
        const char *colon = strrchr(where[i], ':');
        size_t flen = colon ? (size_t)(colon - where[i]) : strlen(where[i]);
        size_t same = 0;
        for (size_t j = i; j < p->rep.n; j++)
            if (!done[j] && p->rep.v[j].cls == v->cls && !strncmp(where[j], where[i], flen) &&
                (where[j][flen] == ':' || !where[j][flen])) same++;
        if (same <= GROUP_FROM) same = 1;      /* a few rules: each with its line */
        else
            for (size_t j = i + 1; j < p->rep.n; j++)
                if (!done[j] && p->rep.v[j].cls == v->cls && !strncmp(where[j], where[i], flen) &&
                    (where[j][flen] == ':' || !where[j][flen])) done[j] = 1;
        const char *text = v->text;
        if (!text) {
            strbuf t;
            sb_init(&t);
            if (v->r) ir_rule_text(&t, v->r);
            else sb_puts(&t, c->pol.default_action == ACT_ALLOW ? "default allow" : "default deny");
            text = arena_strdup(a, sb_cstr(&t));
            sb_free(&t);
        }
        if (same == 1) sb_printf(out, "  %s: %s: %s (class %s)\n", where[i], text, v->why, ll_class_get(v->cls)->name);
        else
            sb_printf(out, "  %zu rules of %.*s, class %s; the first, %s: %s: %s\n", same, (int)flen, where[i],
                      ll_class_get(v->cls)->name, where[i], text, v->why);
    }
    if (n > GROUP_FROM) sb_puts(out, "  (-v lists each rule)\n");
    return n;
}

/* Everything up to the command's start, in buckle: the command's process
 * is started last (linux_run.c), and the plan is made before it exists:
 * its own /proc/PID is planned on buckle's as a stand-in
 * (ll_plan_detach_own). */
/* The checks of the plan (class new-paths), kept past the plan: each
 * path that exists now, or that cannot be looked at (a directory on its
 * way whose modes the command changed: chmod is metadata, which Landlock
 * does not control), is taken once (the path of several rules): its index
 * in which, what lstat said in err (0: it exists); the number taken. */
typedef struct after_check { char *path, *where, *rule; } after_check;

static size_t find_existing(const after_check *c, size_t n, size_t *which, int *err)
{
    size_t found = 0;
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        size_t k = 0;
        while (k < i && strcmp(c[k].path, c[i].path) != 0) k++;
        if (k < i) continue;
        if (lstat(c[i].path, &st) == 0) err[found] = 0;
        else if (errno != ENOENT && errno != ENOTDIR) err[found] = errno;
        else continue;
        which[found++] = i;
    }
    return found;
}

static void say_existing(diag_sink *sink, const after_check *c, const size_t *which, const int *err, size_t n,
                         int exit_status)
{
    for (size_t j = 0; j < n; j++) {
        const after_check *x = &c[which[j]];
        if (!x->where)
            run_say(sink, SEV_ERROR, "%s %s after the run: it did not exist when the command started, and git takes "
                                     "a repository there for that of every directory beneath it without one of its own "
                                     "(the project's too, when the project's own .git is missing or broken), and runs "
                                     "what its configuration names (core.fsmonitor) at the next git command; look at it "
                                     "and remove it before running git in %s (the command exited %d)",
                    x->path, err[j] ? "cannot be looked at" : "exists", x->rule, exit_status);
        else if (!err[j])
            run_say(sink, SEV_ERROR, "%s exists after the run, and the profile denies writing it (%s: %s): it did not "
                                     "exist when the command started, and Landlock cannot refuse a new path inside a "
                                     "directory the command may write (--linux-accept=new-paths); look at it and remove "
                                     "it before anything runs it%s (the command exited %d)", x->path, x->where,
                    x->rule, runner_made_by(x->path), exit_status);
        else
            run_say(sink, SEV_ERROR, "%s cannot be looked at after the run (%s), and the profile denies writing it "
                                     "(%s: %s): the command may have changed the modes of a directory on its way to "
                                     "hide it; look at those modes and at it before anything runs it (the command "
                                     "exited %d)", x->path, strerror(err[j]), x->where, x->rule, exit_status);
    }
}

/* What git takes for the working directory's repository when the
 * project's own .git is missing or broken (the command may write .git/HEAD,
 * or move .git/objects away): the first DIR/.git, or DIR itself as a bare
 * repository (DIR/HEAD), in the directories above it.  A directory above
 * the project the profile lets the command write (TMPDIR above it, a
 * parent granted whole) would let it make one whose configuration git runs
 * (core.fsmonitor) at the user's next git command there.  So would one at
 * the top of a directory the command may write outside the project
 * ($TMPDIR, where the user's other programs make directories of their
 * own): git in any of them would take it.  The ones that do not exist now
 * and the plan lets the command make, to be checked after the run; how
 * many (in *out), with the directory git would be taken in (in *in). */
static size_t git_above(arena *a, const ll_plan *plan, const char *cwd, const char ***out, const char ***in)
{
    sb_request q;
    memset(&q, 0, sizeof q);
    q.op = op_lookup("file-write-create", NULL);
    q.kind = OBJ_PATH;
    size_t depth = 0;
    for (const char *p = cwd; *p; p++) depth += *p == '/';
    const char **v = arena_alloc(a, (2 * depth + 2 * plan->ng + 1) * sizeof *v);
    const char **w = arena_alloc(a, (2 * depth + 2 * plan->ng + 1) * sizeof *w);
    size_t n = 0;
    size_t len = strlen(cwd);
    while (len > 1) {
        while (len > 1 && cwd[len - 1] != '/') len--;          /* the parent's end */
        size_t dl = len > 1 ? len - 1 : len;                    /* "/a/b/" -> "/a/b"; "/" stays */
        static const char *const names[] = { ".git", "HEAD" };
        for (int k = 0; k < 2; k++) {
            const char *path = arena_printf(a, "%.*s/%s", dl == 1 ? 0 : (int)dl, cwd, names[k]);
            struct stat st;
            if (lstat(path, &st) == 0 || (errno != ENOENT && errno != ENOTDIR)) continue;
            /* only where the plan lets the command make it */
            const char *why;
            q.obj = path;
            q.len = strlen(path);
            if (ll_plan_decide(plan, &q, path, a, &why) == 0) { w[n] = cwd; v[n++] = path; }
        }
        len = dl;
    }
    /* the top of each directory granted outside the project (not beneath
     * another one) */
    for (size_t i = 0; i < plan->ng; i++) {
        const ll_grant *g = &plan->g[i];
        if (!g->is_dir || !(g->access & (LL_FS_MAKE_DIR | LL_FS_MAKE_REG)) || runner_at_or_above(g->path, cwd) ||
            runner_at_or_above(cwd, g->path))
            continue;
        if (runner_grant_covered(plan, i, LL_FS_MAKE_DIR | LL_FS_MAKE_REG)) continue;
        static const char *const names[] = { ".git", "HEAD" };
        for (int k = 0; k < 2; k++) {
            const char *path = arena_printf(a, "%s/%s", strcmp(g->path, "/") ? g->path : "", names[k]);
            struct stat st;
            if (lstat(path, &st) == 0 || (errno != ENOENT && errno != ENOTDIR)) continue;
            const char *why;
            q.obj = path;
            q.len = strlen(path);
            if (ll_plan_decide(plan, &q, path, a, &why) == 0) { w[n] = arena_printf(a, "%s or beneath it", g->path); v[n++] = path; }
        }
    }
    *out = v;
    *in = w;
    return n;
}

/* Before buckle writes to the standard descriptors the command shared: a
 * terminal's output the command stopped (TCOOFF, with IXON cleared so that
 * Ctrl-Q does nothing) would block that write forever, TOSTOP would stop
 * buckle at it when it runs in the background, and a pipe whose reader
 * has gone would kill it (SIGPIPE) */
static void unblock_terminal(void)
{
    signal(SIGTTOU, SIG_IGN);
    /* a reader the command made go away (it printed enough for `head`):
     * the write fails, and buckle still exits 125 */
    signal(SIGPIPE, SIG_IGN);
    for (int fd = 0; fd < 3; fd++)
        if (isatty(fd)) tcflow(fd, TCOON);
}

/* userns: the command may run in a user and mount namespace of its own (a
 * deny of writing inside a writable directory is a read-only mount there);
 * *retry: it could not be made after all, and nothing was run */
/* close_shadows: buckle's name in the PATH directories looked in before
 * its own is protected (closing them to new entries), not looked at after
 * the run; *reclose: the plan lets the command end buckle before that
 * check, and nothing was run (shadow_check.c) */
static run_status run_in(const run_request *rq, diag_sink *sink, run_result *res, int userns, int close_shadows,
                         int *retry, int *reclose)
{
    run_status rc = RUN_REFUSED;
    int verbose = rq->verbose, force = rq->force, abi_want = rq->landlock_abi;
    unsigned accept = rq->linux_accept;
    arena a;
    arena_init(&a);
    const define *defs = rq->defs;
    size_t ndef = rq->ndef;
    const char *profile = rq->profile;
    char *const *cmd = rq->cmd;
    compilation *c = NULL;
    decider *d = NULL;
    planted_hold hold = { .fd = -1, .dirfd = -1, .pfd = -1 };
    link_scan links = { .nroots = 0 };   /* links out of the working directory (link_scan.c) */
    shadow_watch shadows = { .n = 0 };   /* `buckle` in a PATH directory before buckle's (shadow_check.c) */
    shadow_rel rels = { .nrel = 0 };     /* ... beneath the project, for a relative PATH entry (shadow_rel.c) */
    path_rel prels = { .nentries = 0 };  /* other programs there (path_rel.c) */
    above_watch aboves = { .n = 0 };     /* the tools' files above the project (above_names.c) */
    above_watch envrcs = { .n = 0 };     /* the files the project's .envrc loads (direnv_files.c) */
    direnv_scan dscan = { .npath = 0 };  /* ... and what else its scan found */
    path_shadows pshadows = { .nentries = 0 };   /* programs made in PATH directories (path_shadows.c) */
    module_shadows mshadows = { .had = 0 };      /* Python modules made at the top (module_shadows.c) */
    repos_made grepos = { .nd = 0 };     /* repositories made in the grants outside the project (grant_repos_made.c) */
    rel_walk profs = { .nnames = 0 };    /* a relative profile path beneath the project (profile_rel.c) */
    rel_walk envrc_walk = { .nnames = 0 };   /* the .envrc files beneath the project (direnv_files.c) */
    hashmap before = { NULL, 0, 0 };     /* the project's directories at the start, for it */
    arena kept;                          /* before's paths: until the check after the run */
    arena_init(&kept);
    strbuf named;                        /* the files with another name the walk found */
    sb_init(&named);
    nest_search *nest = NULL;            /* the search for repositories beneath the working directory */
    ll_plan plan;
    int have_plan = 0, cachefd = -1, rsfd = -1;
    ll_opened opened;                 /* the grants' descriptors, closed once the command runs */
    opened.n = 0;
    const char *summary = NULL, *vsummary = NULL;   /* from the run cache */
    double t1 = 0, t2 = 0, t3 = 0, t4 = 0;
    const char *nokeep = NULL;
    const char *stale = NULL;         /* why the plan in the run cache was not used */
    /* the -D values as given (define_parse resolved their links) */
    /* the values used are the ones checked: -D resolved its links when it
     * was read, before this check, and a link swapped in between would
     * otherwise decide what is granted; a value without links is its own
     * resolution, and every grant is opened without following links */
    define *checked = arena_alloc(&a, (ndef + 1) * sizeof *checked);
    for (size_t k = 0; k < ndef; k++) {
        const char *raw = rq->raw_defs ? rq->raw_defs[k] : defs[k].value;
        const char *bad = runner_path_value_problem(&a, raw);
        checked[k] = defs[k];
        if (!bad && rq->raw_defs)
            bad = param_value_check(&a, defs[k].name, raw, param_is_path_builtin(defs[k].name), &checked[k].value);
        if (bad) {
            run_say(sink, SEV_ERROR, "-D %s=%s: %s; nothing was run", defs[k].name, raw, bad);
            goto out;
        }
    }
    defs = checked;
    /* a relative search directory is another directory from each working
     * directory: a run started in the project protects the one it names
     * there, and a later run started in a subdirectory the first one could
     * write would take a base planted beside it (std/agent too) */
    for (size_t k = 0; k < rq->ninc; k++)
        if (rq->incs[k][0] != '/') {
            run_say(sink, SEV_ERROR, "-I %s is relative: it names another directory from each working directory, where "
                                     "an earlier run's command could have put a profile; pass it as an absolute path; "
                                     "nothing was run", rq->incs[k]);
            goto out;
        }
    for (const char *bp = rq->buckle_path; bp && *bp;) {
        const char *colon = strchr(bp, ':');
        size_t n = colon ? (size_t)(colon - bp) : strlen(bp);
        if (n && bp[0] != '/') {
            run_say(sink, SEV_ERROR, "$BUCKLE_PATH names the relative directory %.*s: it is another directory from each "
                                     "working directory, where an earlier run's command could have put a profile; make "
                                     "it absolute; nothing was run", (int)n, bp);
            goto out;
        }
        bp += n + (colon ? 1 : 0);
    }
    {
        const char *why = runner_climb_problem(&a, profile);
        if (why) {
            run_say(sink, SEV_ERROR, "%s; nothing was run", why);
            goto out;
        }
    }
    if (run_is_sb(profile)) {
        size_t pl = strlen(profile);
        int dot_sb = pl > 3 && !strcmp(profile + pl - 3, ".sb");
        run_say(sink, SEV_ERROR, "%s is SBPL, which only macOS enforces; Landlock needs a .buckle profile: "
                                 "`buckle import %s -o %.*s.buckle` writes one; nothing was run",
                profile, profile, (int)(dot_sb ? pl - 3 : pl), profile);
        goto out;
    }
    int kabi = ll_abi_probe();
    if (kabi <= 0) {
        run_say(sink, SEV_ERROR, "this kernel offers no Landlock (it is older than 5.13, or Landlock is not "
                                 "enabled); nothing was run");
        goto out;
    }
    if (abi_want > kabi) {
        run_say(sink, SEV_ERROR, "--landlock-abi=%d: this kernel offers ABI %d", abi_want, kabi);
        goto out;
    }
    int abi = abi_want ? abi_want : kabi;
    double t0 = now_ms();

    /* the command, as execvp would find it */
    /* paths are built in scratch and kept in the arena at their size: a
     * PATH_MAX buffer each in this frame would put every call below it on
     * fresh stack pages, each a page fault */
    char scratch[PATH_MAX];
    int found = runner_find_command(cmd[0], scratch, sizeof scratch);
    const char *resolved = found ? "" : arena_strdup(&a, scratch);
    if (found) {
        run_say(sink, SEV_ERROR, "%s: %s", cmd[0], found == 127 ? "command not found" : "not executable");
        rc = found == 127 ? RUN_NOT_FOUND : RUN_NOT_EXECUTABLE;
        goto out;
    }

    /* the built-in parameters, then -D, then the declared defaults with them */
    if (!getcwd(scratch, sizeof scratch)) { run_say(sink, SEV_ERROR, "cannot read the current directory"); goto out; }
    const char *cwd = arena_strdup(&a, scratch);
    /* TMPDIR unset: buckle's own directory, not /tmp, which every program
     * of the user shares; with the user's own TMPDIR, buckle's directory in
     * it; the command is given it as TMPDIR (and what reads TMPDIR below
     * sees it too) */
    run_builtins rb;
    runner_builtin_values(&a, cwd, RB_OWN_TMPDIR | RB_MAKE_TMPDIR | RB_LOOKUP_USER, &rb);
    /* and in it, one directory per sandbox: what a run leaves there, a
     * run under another profile or in another project does not find */
    if (rb.own_tmpdir && !rb.why[RB_TMPDIR]) {
        const char *why = NULL, *mine = runner_run_tmpdir(&a, rb.value[RB_TMPDIR], rq, cwd, &why);
        if (mine) rb.value[RB_TMPDIR] = mine;
        else
            rb.why[RB_TMPDIR] = arena_printf(&a, "%sbuckle's temporary directory for this profile in %s is not safe: "
                                                 "%s; set TMPDIR to a directory of your own",
                                             rb.private_tmpdir ? "" : "TMPDIR is unset and ", rb.value[RB_TMPDIR], why);
    }
    if (rb.own_tmpdir && !rb.why[RB_TMPDIR] && setenv("TMPDIR", rb.value[RB_TMPDIR], 1) != 0)
        rb.why[RB_TMPDIR] = "it cannot be put in the environment";
    if (verbose && rb.shared_tmpdir)
        run_say(sink, SEV_NOTE, "TMPDIR %s may be written by every user: the command's TMPDIR is %s", rb.shared_tmpdir,
                rb.value[RB_TMPDIR]);
    if (verbose && rb.above_tmpdir)
        run_say(sink, SEV_NOTE, "TMPDIR %s is above the working directory, where tools run in the project take their "
                                "settings from: the command's TMPDIR is %s", rb.above_tmpdir, rb.value[RB_TMPDIR]);
    if (verbose && rb.private_tmpdir && !rb.why[RB_TMPDIR])
        run_say(sink, SEV_NOTE, "TMPDIR %s is not granted, as your own programs and every run would share it: the "
                                "command's TMPDIR is %s", rb.private_tmpdir, rb.value[RB_TMPDIR]);
    sb_param *vals = arena_alloc(&a, (ndef + 8) * sizeof *vals);
    size_t nv = 0;
    const char *const *bn = rb.name;
    /* the values as they are (a link or a "..", here or above, is refused:
     * whoever can replace the link would decide what the next run grants),
     * then canonical */
    const char *const *braw = rb.value;
    const char *bv[4] = { NULL, NULL, NULL, NULL };
    const char *bwhy[4] = { NULL, NULL, NULL, NULL };
    for (int k = 0; k < 4; k++) {
        bwhy[k] = runner_builtin_linux_problem(&a, &rb, k);
        if (bwhy[k]) continue;     /* only an error when the profile uses it: checked below */
        /* an absolute value checked above is canonical and without links:
         * its own real path (and the one used: grants open it without
         * following links) */
        bv[k] = k < 3 && braw[k][0] != '/' ? run_canonical(&a, braw[k]) : braw[k];
        /* it became a link between the check and now: refused like one */
        if (k < 3 && strcmp(bv[k], braw[k]) != 0) {
            bwhy[k] = "it changed into a symbolic link while buckle read it";
            bv[k] = NULL;
            continue;
        }
        vals[nv++] = (sb_param){ bn[k], bv[k] };
    }

    /* the command's dynamic loader (docs/linux.md) */
    char *rp = realpath(resolved, NULL);
    const char *exec_path = rp ? arena_strdup(&a, rp) : resolved;
    free(rp);
    /* a script: the kernel executes the interpreter its "#!" line names
     * (and that one's, up to its limit), and maps the last one's loader */
    const char *script_named[SCRIPT_DEPTH_MAX], *script_real[SCRIPT_DEPTH_MAX], *script_of[SCRIPT_DEPTH_MAX];
    size_t nscript = 0;
    const char *elf = exec_path;
    int er = elf_interp(elf, scratch, sizeof scratch);
    while (er == -1 && nscript < SCRIPT_DEPTH_MAX && script_interp(elf, scratch, sizeof scratch) == 0) {
        script_of[nscript] = elf;
        script_named[nscript] = arena_strdup(&a, scratch);
        rp = realpath(scratch, NULL);
        if (!rp) break;
        elf = script_real[nscript++] = arena_strdup(&a, rp);
        free(rp);
        er = elf_interp(elf, scratch, sizeof scratch);
    }
    rp = er == 0 ? realpath(scratch, NULL) : NULL;
    const char *ip = rp ? arena_strdup(&a, rp) : NULL;
    free(rp);

    /* the run cache: the plan of a run with the same inputs, none of which
     * changed (landlock_cache.c) */
    size_t nbuilt = nv;
    for (size_t k = 0; k < ndef; k++) vals[nbuilt + k] = (sb_param){ defs[k].name, defs[k].value };
    const char *cdirs[2];
    const char *no_cache_why;
    size_t ncd = ll_cache_dirs(&a, rq, cdirs, &cachefd, &no_cache_why);
    if (verbose && no_cache_why) run_say(sink, SEV_NOTE, "no run cache: %s", no_cache_why);
    ll_cache_in ci = { rq, run_binary_identity(rq, &a), cwd, defs, ndef, bn, braw, bwhy, vals, nbuilt + ndef,
                       abi, kabi, ip, cdirs, ncd, userns, close_shadows };
    uint64_t key = 0;
    if (cachefd >= 0) {
        key = ll_cache_key(&ci);
        if (ll_cache_lookup(cachefd, key, &ci, &a, &plan, &summary, &vsummary, &stale) == 0) {
            have_plan = 1;
            /* the grants' paths are checked here (the lookup leaves them to
             * it): one that changed is a miss */
            const char *why = NULL;
            size_t changed = 0;
            rsfd = ll_ruleset_create(&plan, &a, &why, &changed, &opened);
            t1 = now_ms();
            if (rsfd >= 0 && !changed) goto launch;
            stale = changed ? arena_printf(&a, "%zu of the paths it grants %s not as they were", changed, changed == 1 ? "is" : "are")
                            : why;
            ll_opened_close(&opened);
            if (rsfd >= 0) close(rsfd);
            rsfd = -1;
            ll_plan_free(&plan);
            have_plan = 0;
            summary = vsummary = NULL;
        }
    }

    compile_opts co = { 0 };
    co.include_dirs = rq->incs;
    co.ninclude = rq->ninc;
    co.defines = defs;
    co.ndefines = ndef;
    for (size_t k = 0; rq->std_dirs && rq->std_dirs[k] && k + 1 < STD_DIRS_MAX; k++) co.std_dirs[k] = rq->std_dirs[k];
    co.buckle_path = rq->buckle_path;
    co.platform = PLAT_LINUX;          /* the linux blocks, Linux's spelling of paths */
    c = compilation_new(&co);
    int crc = compile_profile(c, profile);
    if (c->io_error) { run_put(sink, &c->diags); goto out; }
    t1 = now_ms();
    diag_list dl;
    diag_list_init(&dl, &a);
    lint_compilation(c, crc, &a, &dl);
    t2 = now_ms();
    int errors = 0;
    for (diag *g = dl.head; g; g = g->next) {
        if (g->suppressed || g->sev != SEV_ERROR || (g->code && !strcmp(g->code, BK3001))) g->suppressed = 1;
        else errors++;
    }
    if (errors) run_put(sink, &dl);
    if (crc != 0) goto out;
    if (errors && !force) {
        run_say(sink, SEV_ERROR, "%s has lint errors; not running it (use --force to run anyway)", profile);
        goto out;
    }
    /* a source another local user could rewrite, or buckle itself
     * (source_modes.c) */
    for (size_t k = 0; k <= c->ndeps; k++) {
        const char *f = k < c->ndeps ? c->deps[k] : rq->exe_path && rq->exe_path[0] == '/' ? rq->exe_path : NULL;
        const char *why = f ? runner_source_mode_problem(&a, f) : NULL;
        if (why) {
            run_say(sink, SEV_ERROR, "%s; nothing was run", why);
            goto out;
        }
    }
    for (size_t k = 0; k < ndef; k++) vals[nv++] = (sb_param){ defs[k].name, defs[k].value };
    /* declared defaults that name the run's values (the decider would use
     * its test values for them) */
    size_t nfixed = nv;
    sb_param *all = arena_alloc(&a, (nv + c->params.count + 1) * sizeof *all);
    memcpy(all, vals, nv * sizeof *vals);
    for (size_t k = 0; k < c->params.cap; k++) {
        hm_slot *sl = &c->params.slots[k];
        if (!sl->hash) continue;
        const param_decl *p = sl->val;
        int given = 0;
        for (size_t j = 0; j < nfixed; j++) if (!strcmp(all[j].name, p->name)) given = 1;
        if (given || !p->def || !strchr(p->def, PARAM_OPEN)) continue;
        const char *why = NULL;
        const char *v = ll_expand_default(&a, p->def, vals, nfixed, &why);
        if (why) {
            run_say(sink, SEV_ERROR, "the default of parameter %s is %s: %s; nothing was run", p->name, v, why);
            goto out;
        }
        if (v) all[nv++] = (sb_param){ p->name, v };
    }
    d = decider_new(c, all, nv);
    for (size_t k = 0; k < c->params.cap; k++) {
        hm_slot *sl = &c->params.slots[k];
        if (!sl->hash) continue;
        const param_decl *p = sl->val;
        if (!p->used || !param_is_path_builtin(p->name) ) continue;
        int given = 0;
        for (size_t j = 0; j < nv; j++) if (!strcmp(all[j].name, p->name)) given = 1;
        if (!given) {
            const char *why = NULL, *raw = NULL;
            for (int b = 0; b < 4; b++) if (!strcmp(bn[b], p->name)) { why = bwhy[b]; raw = braw[b]; }
            run_say(sink, SEV_ERROR, "the built-in parameter %s has no usable value here: %s (\"%s\"); nothing was run",
                    p->name, why ? why : "it is not set", raw ? raw : "");
            goto out;
        }
    }
    const char *missing = decider_missing(d);
    if (missing) {
        run_say(sink, SEV_ERROR, "parameter %s has no value: pass -D %s=VALUE", missing, missing);
        goto out;
    }
    /* a grant of the working or temporary directory must not be a grant of
     * the home directory (home_guard.c): the HOME value and the password
     * database's */
    {
        const char *homes[2] = { decider_value(d, "HOME"), NULL };
        run_user_entry(&a, &homes[1], NULL);
        const char *why = runner_home_write_problem(&a, c, d, homes, 2);
        if (why) {
            run_say(sink, SEV_ERROR, "%s; nothing was run", why);
            goto out;
        }
    }

    /* the profile's sources and buckle's directories stay unwritable: the
     * next run reads them */
    size_t nprot;
    const char **prot = ll_protected_paths(&a, rq, c->deps, c->ndeps, c->probes, c->nprobes, cdirs, ncd, close_shadows,
                                           &nprot);
    backend_in in = { .c = c, .d = d, .abi = abi, .accept = accept, .protect = prot, .nprotect = nprot,
                      .host_map = compile_platform(c) == PLAT_MACOS, .interp = ip, .run_pid = (long)getpid(),
                      .mounts = userns };
    in.hide = ll_hidden_paths(&a, cdirs, ncd, &in.nhide);    /* the run cache: other runs' plans */
    t3 = now_ms();
    ll_plan_build(&a, &in, &plan);
    have_plan = 1;
    t4 = now_ms();
    if (plan.rep.weaker) {
        strbuf msg;
        sb_init(&msg);
        size_t nweak = refusals(&plan, c, verbose, &a, &msg);
        run_say(sink, SEV_ERROR, "Landlock would enforce %zu rule%s of %s weaker than written; nothing was run", nweak,
                nweak == 1 ? "" : "s", profile);
        if (rq->print) rq->print(sb_cstr(&msg));
        sb_free(&msg);
        goto out;
    }
    ll_plan_detach_own(&plan, &a);
    /* a lint-clean plan is kept for the next run */
    if (cachefd >= 0 && !errors) ll_cache_store(cachefd, key, &a, c, &plan, all, nv, prot, nprot, &nokeep);
launch:
    /* repositories beneath the working directory, and files a protected
     * git configuration includes, that the plan lets the command write
     * (nested_repos.c): the user's files, looked at on every run */
    {
        const char *why;
        git_env ge = { .home = getenv("HOME"), .xdg_config = getenv("XDG_CONFIG_HOME"),
                       .config_global = getenv("GIT_CONFIG_GLOBAL"), .config_system = getenv("GIT_CONFIG_SYSTEM"),
                       .vars = (const char *const *)environ };
        nest = runner_nested_begin(&a, &plan, cwd, &ge, (accept & (1u << LLC_HOOKS)) != 0, &why);
        if (why) {
            run_say(sink, SEV_ERROR, "%s; nothing was run", why);
            goto out;
        }
    }
    /* the one walk of the working directory: those repositories, and
     * files the command may write that have another name where it may
     * not (shared_inodes.c): the user's files, looked at on every run (a
     * stat of every file beneath the grants, unless the class is accepted
     * and nothing is to be said); it keeps the project's directories for
     * the check after the run (link_scan.c), in memory that lasts until
     * then */
    int look = !(accept & (1u << LLC_HARDLINKS)) || verbose;
    /* the names watched in every directory of the project (a relative PATH
     * entry's buckle, a relative profile): noted by the same walk */
    runner_shadow_rel_begin(&rels, rq->argv0, cwd);
    runner_path_rel_begin(&prels, cwd);
    runner_profile_rel_begin(&profs, rq->profile, cwd);
    /* (and each .envrc there, whose files direnv loads at a cd into its
     * directory: direnv_files.c reads them) */
    static const char *const envrc_name[] = { ".envrc" };
    rel_walk_begin(&envrc_walk, envrc_name, 1, cwd);
    rel_walk *watched[4];
    size_t nwatched = 0;
    if (rels.walk) watched[nwatched++] = rels.walk;
    if (prels.walk) watched[nwatched++] = prels.walk;
    if (profs.nnames) watched[nwatched++] = &profs;
    watched[nwatched++] = &envrc_walk;
    const char *shared_why = runner_shared_inode_problem(&a, &plan, cwd, look, nest, watched, nwatched, &kept,
                                                         &before, verbose ? 50 : 5, &named);
    if (runner_nested_found(nest)) {
        run_say(sink, SEV_ERROR, "%s; nothing was run", runner_nested_found(nest));
        goto out;
    }
    /* the project's own repository configuration kept from the command: a
     * repository it makes in another directory of the project that was
     * there before is named after the run (link_scan.c), and one at the top
     * of a directory it may write outside the project refuses the run
     * (grant_repos.c) */
    int own_repo_kept = runner_own_repo_kept(&a, &plan, cwd);
    if (own_repo_kept) {
        const char *why = runner_grant_repo_problem(&a, &plan, cwd);
        if (why) {
            run_say(sink, SEV_ERROR, "%s; nothing was run", why);
            goto out;
        }
    }
    /* the programs the tools' configurations it keeps name (tool_configs.c),
     * the files the environment has programs run at their start
     * (env_files.c), the .envrc files direnv's configuration trusts
     * (direnv_files.c), and any other place a variable names that the
     * command may write (env_files.c) */
    {
        const char *why = runner_tool_config_problem(&a, &plan, cwd, (const char *const *)environ);
        if (!why) why = runner_env_file_problem(&a, &plan, cwd, (const char *const *)environ);
        if (!why) why = runner_direnv_problem(&a, &plan, cwd, rb.value[RB_HOME]);
        if (!why) why = runner_env_any_problem(&a, &plan, cwd, (const char *const *)environ);
        if (why) {
            run_say(sink, SEV_ERROR, "%s; nothing was run", why);
            goto out;
        }
    }
    /* a linked worktree's repository, which git writes in the main
     * checkout's .git, outside the grants: said, not refused */
    {
        const char *note = runner_linked_git_note(&a, &plan, cwd);
        if (note) run_say(sink, SEV_WARNING, "%s", note);
    }
    /* found through PATH: the name in each PATH directory looked in before
     * buckle's, which the next lookup would take (checked after the run) */
    const char **shadow;
    size_t nshadow = runner_launch_shadows(&a, rq->argv0, &shadow);
    /* what an earlier run's command made where the profile denies it, in
     * this run's working directory or a read-only mount of its plan (which
     * would take it for the user's own), or where this run's lookup of
     * buckle would find it first */
    /* and the tools' files above the project the command may write
     * (.cargo/config.toml, package.json), as they are now */
    runner_above_begin(&aboves, &a, &plan, cwd, rb.value[RB_HOME]);
    /* (and the files the project's .envrc loads, with them) */
    {
        const char **nested = arena_alloc(&a, (envrc_walk.nbefore + 1) * sizeof *nested);
        for (size_t i = 0; i < envrc_walk.nbefore; i++) nested[i] = envrc_walk.before[i].path;
        runner_direnv_begin(&envrcs, &dscan, &a, &plan, cwd, rb.value[RB_HOME], nested, envrc_walk.nbefore);
    }
    /* the project's hooks, their programs named bare looked for where the
     * project's shell looks first (PATH_add's directories) */
    {
        git_env ge = { .home = getenv("HOME"), .vars = (const char *const *)environ };
        const char *why = runner_hooks_front_path(&a, &plan, cwd, &ge, (accept & (1u << LLC_HOOKS)) != 0,
                                                  dscan.path_dirs, dscan.npath);
        if (why) {
            run_say(sink, SEV_ERROR, "%s; nothing was run", why);
            goto out;
        }
    }
    if (dscan.unread)
        run_say(sink, SEV_NOTE, "%s: a word the shell makes (a variable, a command's output) names what direnv "
                                "loads there; buckle watches the files an .envrc names in its own words, not that "
                                "one", dscan.unread);
    const char **above_files, **envrc_files;
    size_t nabovef0 = runner_above_list(&aboves, &a, &above_files);
    size_t nenvrc = runner_above_list(&envrcs, &a, &envrc_files);
    size_t nabovef = nabovef0 + nenvrc;
    if (nenvrc) {
        const char **both = arena_alloc(&a, (nabovef + 1) * sizeof *both);
        for (size_t i = 0; i < nabovef0; i++) both[i] = above_files[i];
        for (size_t i = 0; i < nenvrc; i++) both[nabovef0 + i] = envrc_files[i];
        above_files = both;
    }
    {
        const char **scope = arena_alloc(&a, (plan.nm + 1 + nshadow + nabovef) * sizeof *scope);
        scope[0] = cwd;
        for (size_t i = 0; i < plan.nm; i++) scope[i + 1] = plan.m[i].path;
        for (size_t i = 0; i < nshadow; i++) scope[plan.nm + 1 + i] = shadow[i];
        for (size_t i = 0; i < nabovef; i++) scope[plan.nm + 1 + nshadow + i] = above_files[i];
        if (planted_check(&a, rq, sink, scope, plan.nm + 1 + nshadow + nabovef)) goto out;
    }
    /* the files with another name the walk found */
    {
        const char *why = shared_why;
        if (why && !(accept & (1u << LLC_HARDLINKS))) {
            run_say(sink, SEV_ERROR, "%s; nothing was run", why);
            if (rq->print) {
                sb_puts(&named, "  give the project files of its own (git clone --no-hardlinks, git submodule add of a file:// "
                                "URL, UV_LINK_MODE=copy, pnpm's "
                                "package-import-method=copy, cp without -l), or --linux-accept=hardlinks runs it anyway\n");
                rq->print(sb_cstr(&named));
            }
            goto out;
        }
        if (why && verbose) run_say(sink, SEV_NOTE, "%s (accepted: --linux-accept=hardlinks)", why);
    }
    /* a command that could end buckle would keep it from looking: then the
     * plan protects them (planned again), and nothing is looked at */
    if (nshadow && !close_shadows) {
        const char *via = runner_shadow_unchecked(&plan);
        if (via) {
            run_say(sink, SEV_WARNING, "the plan lets the command write %s, through which it could end buckle before "
                                       "buckle looks for a `buckle` it made where PATH looks before %s (%s%s): those "
                                       "directories are closed to new entries instead; start buckle by its absolute "
                                       "path, or put its directory first in PATH, to avoid that", via,
                    runner_launch_path(&a, rq->argv0), shadow[0], nshadow > 1 ? ", ..." : "");
            *reclose = 1;
            goto out;
        }
    }
    if (close_shadows) nshadow = 0;
    /* the standard descriptors, opened before the mounts (stdio_guard.c) */
    {
        const char *why = runner_stdio_mount_problem(&a, plan.m, plan.nm);
        if (why) {
            run_say(sink, SEV_ERROR, "%s; nothing was run", why);
            goto out;
        }
    }
    /* what the command makes there must be remembered, whatever it does to
     * the disk: the record's file made and its space kept now */
    const char **above, **above_in;
    size_t nabove = git_above(&a, &plan, cwd, &above, &above_in);
    if (plan.nchk + nabove + nshadow + nabovef) {
        const char **paths = arena_alloc(&a, (plan.nchk + nabove + nshadow + nabovef) * sizeof *paths);
        for (size_t i = 0; i < plan.nchk; i++) paths[i] = plan.chk[i].path;
        for (size_t i = 0; i < nabove; i++) paths[plan.nchk + i] = above[i];
        for (size_t i = 0; i < nshadow; i++) paths[plan.nchk + nabove + i] = shadow[i];
        for (size_t i = 0; i < nabovef; i++) paths[plan.nchk + nabove + nshadow + i] = above_files[i];
        const char *why;
        /* (a buckle planted where PATH looks first is moved aside: without
         * a record, only one that cannot be is said after the run) */
        if (planted_reserve(&a, rq, paths, plan.nchk + nabove + nshadow + nabovef, &hold, &why) != 0 &&
            plan.nchk + nabove + nabovef)
            run_say(sink, SEV_WARNING, "the profile's denies of paths that do not exist yet are checked after the run "
                                       "(--linux-accept=new-paths), but what the command makes there cannot be "
                                       "remembered for the next run: %s", why);
    }
    /* the command itself must be the profile's to start */
    {
        sb_request q;
        memset(&q, 0, sizeof q);
        q.op = op_lookup("process-exec*", NULL);
        q.kind = OBJ_PATH;
        q.obj = exec_path;
        q.len = strlen(exec_path);
        const char *why;
        if (ll_plan_decide(&plan, &q, exec_path, &a, &why) != 0) {
            run_say(sink, SEV_ERROR, "the profile does not let %s start (%s); nothing was run", exec_path, why);
            goto out;
        }
        /* and, for a script, the interpreters its "#!" lines name */
        for (size_t k = 0; k < nscript; k++) {
            q.obj = script_real[k];
            q.len = strlen(script_real[k]);
            if (ll_plan_decide(&plan, &q, script_real[k], &a, &why) == 0) continue;
            run_say(sink, SEV_ERROR, "the profile does not let %s start: it is a script whose #! line names %s%s%s, which "
                                     "the kernel executes in its place and the profile may not execute (%s); add "
                                     "process { allow exec literal \"%s\"; } (or its directory); nothing was run",
                    script_of[k], script_named[k], strcmp(script_named[k], script_real[k]) ? ", that is " : "",
                    strcmp(script_named[k], script_real[k]) ? script_real[k] : "", why, script_real[k]);
            goto out;
        }
    }
    /* HOME names another directory than the user's home in the password
     * database (sudo -E, CI, a harness's scratch HOME): the profile's rules
     * on ~ are about that one, and the real home keeps only what the rest
     * of the profile leaves out (-D HOME is the caller's own choice) */
    {
        int given = 0;
        for (size_t k = 0; k < ndef; k++) given |= !strcmp(defs[k].name, "HOME");
        const char *hv = rb.value[RB_HOME], *pw = NULL;
        struct stat hs, ps;
        if (!given && hv && !bwhy[RB_HOME] && run_user_entry(&a, &pw, NULL) == 0 && pw && pw[0] == '/' &&
            stat(hv, &hs) == 0 && stat(pw, &ps) == 0 && (hs.st_dev != ps.st_dev || hs.st_ino != ps.st_ino))
            run_say(sink, SEV_WARNING, "HOME is %s, not your home directory %s (the password database's): the profile's "
                                       "rules on ~ (its denies of credentials and start-up files among them) are about %s, "
                                       "and %s keeps only what the rest of the profile leaves out", hv, pw, hv, pw);
    }
    strbuf sum;
    sb_init(&sum);
    if (summary) {
        sb_puts(&sum, verbose ? vsummary : summary);
        if (verbose)
            sb_printf(&sum, "buckle run: the plan from the run cache, %zu paths checked in %.3f ms\n", plan.nseen, t1 - t0);
    } else {
        ll_plan_summary(&plan, c, verbose, &sum);
        if (verbose)
            sb_printf(&sum, "buckle run: compile %.3f ms, lint %.3f ms, parameters %.3f ms, plan %.3f ms (%zu entries looked at)\n",
                      t1 - t0, t2 - t1, t3 - t2, t4 - t3, plan.visited);
        if (verbose && stale) sb_printf(&sum, "buckle run: the plan in the run cache was not used: %s; planned again\n", stale);
        if (verbose && nokeep) sb_printf(&sum, "buckle run: the plan is not kept in the run cache: %s\n", nokeep);
    }
    if (rq->print) rq->print(sb_cstr(&sum));
    sb_free(&sum);
    {
        const char *why = NULL;
        ll_launch l = { 0 };
        size_t changed = 0;
        if (rsfd < 0) rsfd = ll_ruleset_create(&plan, &a, &why, &changed, &opened);   /* a change: left out (narrower) */
        if (rsfd < 0) {
            run_say(sink, SEV_ERROR, "%s; nothing was run", why);
            goto out;
        }
        l.ruleset = rsfd;
        l.own_proc = plan.own_proc;
        l.restrict_flags = kabi >= 7 ? plan.restrict_flags : 0;
        l.seccomp = plan.seccomp;
        /* group write is write for other users where the primary group
         * has other members: refused like write for every user; and for
         * root, which owns files of groups it is not in (/etc/shadow is
         * root:shadow, logs root:adm), whatever its own group is */
        if (geteuid() == 0 || !runner_group_is_private((unsigned long)getgid())) l.seccomp |= LL_SC_GROUPW;
        l.path = resolved;
        l.argv = cmd;
        l.binds = plan.m;
        l.nbinds = plan.nm;
        l.uid = (unsigned)geteuid();
        l.gid = (unsigned)getegid();
        l.cwd = plan.nm ? cwd : NULL;
        if (cachefd >= 0) { close(cachefd); cachefd = -1; }    /* the child closes every other one */
        ll_supervise sup;
        int fl[3];
        for (int fd = 0; fd < 3; fd++) fl[fd] = fcntl(fd, F_GETFL);
        runner_link_scan_begin(&links, plan.g, plan.ng, cwd, own_repo_kept, &before);
        /* a stopped rebase's exec lines, which git runs at the next git
         * rebase --continue: the command may write the todo */
        char *todo_wt = own_repo_kept ? xstrdup(cwd) : NULL;      /* kept past the arena */
        const char *execs = own_repo_kept ? runner_rebase_execs(&a, cwd) : NULL;
        char *todo_before = execs ? xstrdup(execs) : NULL;
        /* and the merge strategy it, or a stopped cherry-pick, runs then */
        const char *strat = own_repo_kept ? runner_rebase_strategy(&a, cwd) : NULL;
        char *strat_before = strat ? xstrdup(strat) : NULL;
        /* the tools' configurations elsewhere in the project, of the kinds
         * the plan keeps at the top (std/agent) */
        links.tools = runner_tool_configs_walked(&a, &plan, cwd);
        runner_shadow_begin(&shadows, shadow, nshadow, runner_launch_path(&a, rq->argv0));
        if (rels.walk) rel_walk_start(rels.walk);
        if (prels.walk) rel_walk_start(prels.walk);
        runner_path_shadows_begin(&pshadows, &a, &plan, cwd, dscan.path_dirs, dscan.npath);
        runner_module_shadows_begin(&mshadows, cwd);
        if (own_repo_kept) runner_repos_made_begin(&grepos, &plan, cwd);
        rel_walk_start(&profs);
        int err = runner_landlock_start(&sup, &l);
        /* the last references to the ruleset and to the grants' paths
         * (the command's domain keeps its own): released while the command
         * runs, not before it starts */
        close(rsfd);
        rsfd = -1;
        ll_opened_close(&opened);
        if (err) {
            free(todo_wt);
            free(todo_before);
            free(strat_before);
        }
        if (err && plan.nm && err != ENOMEM && err != EAGAIN) {
            *retry = 1;      /* no user namespace here after all: planned again without */
            goto out;
        }
        if (err) {
            run_say(sink, SEV_ERROR, "cannot start the command: %s; nothing was run", strerror(err));
            goto out;
        }
        const char *e = strerror(l.err);
        switch (l.stage) {
        case LL_STAGE_NONE: break;
        case LL_STAGE_PARENT: run_say(sink, SEV_ERROR, "buckle ended before the command started"); break;
        case LL_STAGE_RULESET: run_say(sink, SEV_ERROR, "cannot apply the Landlock ruleset: %s", e); break;
        case LL_STAGE_CAPS: run_say(sink, SEV_ERROR, "cannot drop the capabilities Landlock does not confine: %s", e); break;
        case LL_STAGE_SECCOMP: run_say(sink, SEV_ERROR, "cannot apply the seccomp filter: %s", e); break;
        case LL_STAGE_USERNS: *retry = 1; break;
        case LL_STAGE_MOUNT:
            /* a security module that lets the namespace be made but not
             * mount in it: planned again without mounts */
            if (l.err == EPERM || l.err == EACCES || l.err == ENOSYS) { *retry = 1; break; }
            run_say(sink, SEV_ERROR, "cannot mount %s %s in the command's namespace: %s; nothing was run",
                    plan.m[l.bind_failed].path, plan.m[l.bind_failed].ro ? "read-only" : "onto itself",
                    l.err == ESTALE ? "it changed since buckle planned (run again)" : e);
            break;
        case LL_STAGE_CWD:
            run_say(sink, SEV_ERROR, "cannot enter the working directory %s again in the command's namespace: %s; "
                                     "nothing was run", l.cwd, l.err == ESTALE ? "it changed since buckle started" : e);
            break;
        default:
            run_say(sink, SEV_ERROR, "cannot execute %s inside the sandbox: %s%s", resolved, e,
                    l.err == EACCES ? " (Landlock checks execute on the program and on its ELF interpreter, ld.so)" : "");
        }
        fflush(NULL);
        /* what is checked after the run, kept past the plan */
        size_t nafter = plan.nchk + nabove;
        after_check *after = nafter ? xcalloc(nafter, sizeof *after) : NULL;
        for (size_t i = 0; i < plan.nchk; i++)
            after[i] = (after_check){ xstrdup(plan.chk[i].path), xstrdup(plan.chk[i].where), xstrdup(plan.chk[i].rule) };
        /* git's repositories above the project and at the top of the
         * directories granted outside it: where NULL, rule the directory
         * git would take it in */
        for (size_t i = 0; i < nabove; i++)
            after[plan.nchk + i] = (after_check){ xstrdup(above[i]), NULL, xstrdup(above_in[i]) };
        /* nothing of this is needed any more: freed while the command runs */
        if (have_plan) ll_plan_free(&plan);
        have_plan = 0;
        if (d) decider_free(d);
        d = NULL;
        if (c) compilation_free(c);
        c = NULL;
        arena_free(&a);
        arena_init(&a);
        res->exit_status = runner_landlock_supervise(&sup);
        /* the standard descriptors' file status flags as they were: the
         * command shares their open files, and O_NONBLOCK left on them
         * would lose what buckle says next on a full pipe, and make the
         * caller's shell's next read fail */
        for (int fd = 0; fd < 3; fd++) {
            int now = fcntl(fd, F_GETFL);
            if (now >= 0 && fl[fd] >= 0 && (now & O_NONBLOCK) != (fl[fd] & O_NONBLOCK))
                fcntl(fd, F_SETFL, (now & ~O_NONBLOCK) | (fl[fd] & O_NONBLOCK));
        }
        res->landlock = 1;
        res->killed = sup.killed;
        rc = RUN_DONE;
        /* every process of the sandbox is gone: what it made stays, and is
         * remembered (not to be taken for the user's own by the next run)
         * before anything is written where the command could make the
         * write block or buckle be killed at it */
        const char **made = nafter ? xcalloc(nafter, sizeof *made) : NULL;
        size_t *which = nafter ? xcalloc(nafter, sizeof *which) : NULL;
        int *errs = nafter ? xcalloc(nafter, sizeof *errs) : NULL;
        int command_status = res->exit_status;
        size_t nmade = l.stage == LL_STAGE_NONE ? find_existing(after, nafter, which, errs) : 0;
        for (size_t j = 0; j < nmade; j++) made[j] = after[which[j]].path;
        /* the links out of the working directory it made (and the
         * directories the walk could not look into) are remembered with
         * them: the next run refuses while one is still there */
        size_t nfound = l.stage == LL_STAGE_NONE ? runner_link_scan_end(&links) : 0;
        /* and a `buckle` it made where PATH looks before buckle's directory:
         * remembered while it is there, then moved aside */
        size_t nshadowed = l.stage == LL_STAGE_NONE ? runner_shadow_end(&shadows) : 0;
        if (l.stage == LL_STAGE_NONE) nshadowed += runner_shadow_rel_end(&rels, &shadows);
        /* and one the walk found in a node_modules/.bin, whatever PATH is:
         * moved aside with them (counted in nfound) */
        for (size_t j = 0; j < nfound; j++) {
            const link_found *f = &links.found[j];
            unsigned long long bdev = 0, bino = 0;
            if (f->kind != LS_BUCKLE) continue;
            int based = runner_link_scan_root_id(&links, f->root, &bdev, &bino) == 0;
            runner_shadow_add_found(&shadows, f->path, links.roots[f->root], based, bdev, bino, NULL);
        }
        /* and a program made in a PATH directory before the one of its name */
        if (l.stage == LL_STAGE_NONE) nshadowed += runner_path_shadows_end(&pshadows, &shadows);
        /* and one made beneath a relative PATH entry in a directory of the project */
        if (l.stage == LL_STAGE_NONE) nshadowed += runner_path_rel_end(&prels, &shadows);
        /* and a module of python's own made at the top, which python -m finds first */
        if (l.stage == LL_STAGE_NONE) nshadowed += runner_module_shadows_end(&mshadows, &shadows);
        /* and the tools' files it made or changed above the project */
        size_t nabovem = l.stage == LL_STAGE_NONE ? runner_above_end(&aboves) : 0;
        /* and the repositories it made directly in a directory it may write elsewhere */
        if (l.stage == LL_STAGE_NONE) nabovem += runner_repos_made_end(&grepos);
        if (l.stage == LL_STAGE_NONE) nabovem += runner_above_end(&envrcs);
        /* and a profile a later run started there would take for the given one */
        size_t nprofs = l.stage == LL_STAGE_NONE ? rel_walk_end(&profs) : 0;
        const char **keep = xcalloc(nmade + nfound + nshadowed + nabovem + nprofs + 1, sizeof *keep);
        for (size_t j = 0; j < nmade; j++) keep[j] = made[j];
        size_t nlinks = nfound ? runner_link_scan_paths(&links, keep + nmade) : 0;
        nlinks += runner_shadow_paths(&shadows, keep + nmade + nlinks);
        nlinks += runner_above_paths(&aboves, keep + nmade + nlinks);
        nlinks += runner_above_paths(&envrcs, keep + nmade + nlinks);
        nlinks += runner_repos_made_paths(&grepos, keep + nmade + nlinks);
        nlinks += runner_profile_rel_paths(&profs, keep + nmade + nlinks);
        const char *todo_after = todo_wt && l.stage == LL_STAGE_NONE ? runner_rebase_execs(&a, todo_wt) : NULL;
        int todo_new = todo_after && (!todo_before || strcmp(todo_before, todo_after));
        const char *strat_after = todo_wt && l.stage == LL_STAGE_NONE ? runner_rebase_strategy(&a, todo_wt) : NULL;
        int strat_new = strat_after && (!strat_before || strcmp(strat_before, strat_after));
        const char *lost = NULL;
        if (nmade + nfound + nshadowed + nabovem + nprofs + todo_new + strat_new) res->exit_status = 125;
        if (nmade + nlinks && planted_add(&a, rq, &hold, keep, nmade + nlinks, &lost) != 0 && !lost)
            lost = "its record cannot be written";
        free(keep);
        runner_shadow_move(&shadows);
        const char *moded = planted_restore(&a, &hold);
        if (moded) res->exit_status = 125;
        unblock_terminal();
        if (sup.forced)
            run_say(sink, SEV_NOTE, "the command did not end at the first SIGTERM or SIGINT: killed at the second");
        say_existing(sink, after, which, errs, nmade, command_status);
        if (moded)
            run_say(sink, SEV_ERROR, "the command changed %s: a command that does so means to keep buckle from "
                                     "remembering what it planted; look at what it made", moded);
        runner_link_scan_say(&links, sink, command_status);
        runner_shadow_say(&shadows, sink, command_status);
        runner_above_say(&aboves, sink, command_status);
        runner_direnv_say(&envrcs, &dscan, sink, command_status);
        runner_repos_made_say(&grepos, sink, command_status);
        if (todo_new)
            run_say(sink, SEV_ERROR, "the repository has a stopped rebase whose todo (.git/rebase-merge/"
                                     "git-rebase-todo) runs commands the command wrote there (%s): git runs them "
                                     "at your next git rebase --continue, outside any sandbox; look at them with "
                                     "git rebase --edit-todo, or git rebase --abort (the command exited %d)",
                    todo_after, command_status);
        if (strat_new)
            run_say(sink, SEV_ERROR, "the repository has a stopped rebase, cherry-pick or revert whose merge strategy "
                                     "the command set (%s): git runs it, git-merge-NAME, at your next --continue, "
                                     "outside any sandbox; look at it, or --abort (the command exited %d)",
                    strat_after, command_status);
        free(todo_wt);
        free(todo_before);
        free(strat_before);
        runner_profile_rel_say(&profs, rq->profile, sink, command_status);
        if (lost)
            run_say(sink, SEV_ERROR, "buckle cannot remember %s for the next run (%s), which would take %s for "
                                     "your own: remove %s before running anything",
                    nmade + nlinks == 1 ? "this path" : "these paths", lost, nmade + nlinks == 1 ? "it" : "them",
                    nmade + nlinks == 1 ? "it" : "them");
        free(made);
        free(which);
        free(errs);
        for (size_t i = 0; i < nafter; i++) { free(after[i].path); free(after[i].where); free(after[i].rule); }
        free(after);
        if (*retry) rc = RUN_REFUSED;
    }
out:
    planted_release(&hold);
    runner_link_scan_free(&links);
    runner_shadow_free(&shadows);
    runner_above_free(&aboves);
    runner_above_free(&envrcs);
    runner_shadow_rel_free(&rels);
    runner_path_rel_free(&prels);
    runner_path_shadows_free(&pshadows);
    runner_module_shadows_free(&mshadows);
    runner_repos_made_free(&grepos);
    rel_walk_free(&profs);
    rel_walk_free(&envrc_walk);
    runner_direnv_free(&dscan);
    hm_free(&before);
    arena_free(&kept);
    sb_free(&named);
    ll_opened_close(&opened);
    if (rsfd >= 0) close(rsfd);
    if (cachefd >= 0) close(cachefd);
    if (have_plan) ll_plan_free(&plan);
    if (d) decider_free(d);
    if (c) compilation_free(c);
    arena_free(&a);
    return rc;
}

run_status runner_run_landlock(const run_request *rq, diag_sink *sink, run_result *res)
{
    /* buckle stays as the parent of the command and of everything it
     * starts (linux_run.c) */
    int userns = !rq->no_userns && ll_userns_usable(), close_shadows = 0;
    for (;;) {
        int retry = 0, reclose = 0;
        run_status st = run_in(rq, sink, res, userns, close_shadows, &retry, &reclose);
        if (reclose && !close_shadows) {
            close_shadows = 1;          /* said by run_in */
            continue;
        }
        if (!retry || !userns) return st;
        /* the namespaces could not be made (a container, a security module):
         * the plan without mounts, which grants around each deny one by one */
        /* said always: the summary line comes again, for the other plan */
        run_say(sink, SEV_NOTE, "no user namespace can be made here: planning again without mounts");
        userns = 0;
    }
}
