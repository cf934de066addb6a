/* run.c - `buckle run` behind one call (run.h, docs/runner.md): from the
 * environment and the request to the child's exit status. */
#define _POSIX_C_SOURCE 200809L
#include "run.h"
#include "run_profile.h"
#include "runner.h"
#include "profile_siblings.h"
#include "search_dirs.h"
#include "../grammar/builtin_params.h"
#include "../support/digest.h"
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* ---- the platform --------------------------------------------------------
 * The one place where the platform is chosen: Seatbelt through sandbox-exec
 * on macOS, or the stand-in a test names; elsewhere there is no sandbox yet
 * (a dry run still prints what would run on macOS). */
typedef enum run_platform { PLATFORM_SEATBELT, PLATFORM_LANDLOCK, PLATFORM_NONE } run_platform;

static run_platform choose_platform(const run_request *rq, const char **sandbox_exec)
{
    *sandbox_exec = rq->sandbox_exec ? rq->sandbox_exec : RUNNER_SANDBOX_EXEC;
    if (rq->sandbox_exec) return PLATFORM_SEATBELT;
#if defined(__APPLE__)
    return PLATFORM_SEATBELT;
#elif defined(__linux__)
    return PLATFORM_LANDLOCK;
#else
    return PLATFORM_NONE;
#endif
}

typedef struct unlink_ctx { int dirfd; const char *name; int done; } unlink_ctx;

static void remove_profile(void *p)
{
    unlink_ctx *u = p;
    if (u->done) return;
    unlinkat(u->dirfd, u->name, 0);
    u->done = 1;
}

/* Every parameter value that is an absolute path is walked like the
 * sources: the directories and links on its way cannot be removed, renamed
 * or replaced, nor the value itself when it exists; a missing component
 * cannot be created as a link (or be renamed or linked onto), so the next
 * run's value leads to the same place.  raw: the -D values as typed,
 * walked too (their links). */
static void protect_params(protect_list *pl, const run_profile *rp, const char *const *raw, size_t ndef)
{
    for (size_t k = 0; k < ndef; k++)
        if (raw[k][0] == '/') protect_value(pl, raw[k]);
    for (size_t k = 0; k < rp->nparams; k++) {
        const char *v = rp->params[k].value;
        if (v[0] != '/') continue;
#ifndef __APPLE__
        /* values are canonicalized the macOS way (/tmp is /private/tmp);
         * elsewhere (the tests' stand-in) the physical path is without it */
        struct stat st;
        if (!strncmp(v, "/private/", 9) && lstat(v, &st) != 0 && lstat(v + 8, &st) == 0) v += 8;
#endif
        protect_value(pl, v);
    }
}

/* The built-in parameters as a run takes them (runner_builtin_values;
 * checked where used), paths canonical the macOS way; USER is looked up
 * later, only if the profile needs it (run_profile.c).  NULL: not
 * available. */
static int read_builtins(arena *a, diag_sink *sink, const char *cwd, sb_param *out)
{
    run_builtins rb;
    runner_builtin_values(a, cwd, 0, &rb);
    for (size_t i = 0; i < NBUILTIN_PARAMS; i++) {
        const char *name = builtin_params[i].name, *v = NULL;
        for (int k = 0; k < RB_COUNT; k++)
            if (!strcmp(rb.name[k], name)) v = rb.value[k];
        if (v && builtin_params[i].is_path) v = run_canonical(a, v);
        out[i] = (sb_param){ name, v };
    }
    /* TMPDIR is used right away (the profile directory lives there) */
    for (size_t i = 0; i < NBUILTIN_PARAMS; i++) {
        if (strcmp(out[i].name, "TMPDIR") != 0) continue;
        const char *why = runner_builtin_problem("TMPDIR", out[i].value);
        if (why) {
            const char *raw = getenv("TMPDIR");
            run_say(sink, SEV_ERROR, "the built-in parameter TMPDIR cannot be used: %s (\"%s\")", why, raw && *raw ? raw : "/tmp");
            return -1;
        }
    }
    return 0;
}

/* dir = realpath(parent)/name, for a directory that is not safe to open but
 * is protected by path all the same */
static int dir_by_path(diag_sink *sink, const char *parent, const char *name, char *dir, size_t n)
{
    char real[PATH_MAX];
    if (!realpath(parent, real)) snprintf(real, sizeof real, "%s", parent);
    int dn = snprintf(dir, n, "%s/%s", strcmp(real, "/") ? real : "", name);
    if (dn < 0 || (size_t)dn >= n) { run_say(sink, SEV_ERROR, "%s: path too long", real); return -1; }
    return 0;
}

/* Reads the profile text of a run cache entry into memory, its digest
 * verified; -1 when it does not match (the entry is not used). */
static int load_text(arena *a, run_profile *rp)
{
    char *body = arena_alloc(a, rp->len + 1);
    size_t got = 0;
    while (got < rp->len) {
        ssize_t r = pread(rp->fd, body + got, rp->len - got, (off_t)(rp->off + got));
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        got += (size_t)r;
    }
    close(rp->fd);
    rp->fd = -1;
    if (got != rp->len || digest_wide(body, rp->len) != rp->digest) return -1;
    rp->text = body;
    return 0;
}

/* The evaluator's check of the whole profile (text and protection); 0 when
 * it holds, -1 after saying why not. */
static int check_profile(const run_request *rq, diag_sink *sink, arena *a, const run_profile *rp, const strbuf *prot,
                         const sb_param *all, size_t nder, const char *const *pdirs, size_t npdirs,
                         const protect_list *pl, const char *exec_path)
{
    strbuf whole, msg;
    sb_init(&whole);
    sb_init(&msg);
    sb_add(&whole, rp->text, rp->len);
    sb_add(&whole, prot->data, prot->len);
    diag_list dl;
    diag_list_init(&dl, a);
    source *vsrc = NULL;
    const char *prof = rq->profile;
    verify_req vr = { whole.data, whole.len, run_is_sb(prof) ? prof : arena_printf(a, "%s (compiled)", prof),
                      all, nder, rp->import_dirs, rp->nimport, pdirs, npdirs, pl, exec_path };
    int v = runner_verify(&vr, &dl, &msg, &vsrc);
    sb_free(&whole);
    if (v != VERIFY_OK) run_put(sink, &dl);
    if (v == VERIFY_UNREADABLE)
        run_say(sink, SEV_ERROR, "%s (or an import) does not read as SBPL text; not running it", prof);
    else if (v == VERIFY_REDEFINES)
        run_say(sink, SEV_ERROR, "%s redefines a name the protection rules depend on; not running it", prof);
    else if (v == VERIFY_INCOMPLETE)
        run_say(sink, SEV_ERROR, "%s cannot be evaluated completely, so the protection of the next run "
                                 "cannot be checked; not running it", prof);
    else if (v == VERIFY_UNPROTECTED)
        run_say(sink, SEV_ERROR, "the protection of the next run does not hold in this profile: %s", sb_cstr(&msg));
    else if (v == VERIFY_EXEC_DENIED)
        run_say(sink, SEV_ERROR, "%s", sb_cstr(&msg));
    sb_free(&msg);
    while (vsrc) { source *nx = vsrc->next; source_free(vsrc); vsrc = nx; }
    return v == VERIFY_OK ? 0 : -1;
}

/* The mark of the evaluator's verdict: this very text and protection, these
 * values and this command, judged by this buckle (another one may judge
 * otherwise), with what an .sb's imports hold now (the compiled text of a
 * .buckle holds its bases already). */
/* A run cache entry that does not match its digest: said (--verbose), and
 * the profile compiled instead at the next attempt. */
static void entry_mismatch(const run_request *rq, diag_sink *sink, profile_request *pr, protect_list *pl, int *have_pl)
{
    if (rq->verbose) run_say(sink, SEV_NOTE, "a run cache entry does not match its digest: compiling");
    pr->skip_load = 1;
    protect_free(pl);
    *have_pl = 0;
}

static uint64_t verdict_mark(const profile_request *pr, const run_profile *rp, const strbuf *prot,
                             const sb_param *all, size_t nder, const char *exec_path)
{
    digest_ctx d;
    digest_begin(&d, 0, rp->digest ^ digest64(prot->data, prot->len, 0));
    uint64_t v = digest64(exec_path ? exec_path : "", exec_path ? strlen(exec_path) : 0, d.h);
    v = digest64(pr->identity, strlen(pr->identity), v);
    if (run_is_sb(pr->rq->profile)) v = run_files_digest((const char *const *)rp->walk, rp->nwalk, v);
    for (size_t k = 0; k < nder; k++) {
        v = digest64(all[k].name, strlen(all[k].name) + 1, v);
        v = digest64(all[k].value, strlen(all[k].value) + 1, v);
    }
    return v;
}

run_status runner_run(const run_request *rq, diag_sink *sink, run_result *res)
{
    arena keep = res->a;
    memset(res, 0, sizeof *res);
    res->a = keep;
    arena *a = &res->a;
    run_status st = RUN_REFUSED;
    int pdfd = -1, cachefd = -1;
    run_profile rp;
    memset(&rp, 0, sizeof rp);
    rp.fd = -1;
    protect_list pl;
    int have_pl = 0;
    strbuf prot;
    sb_init(&prot);
    char *const *cmd = rq->cmd;
    double t0 = now_ms();

    /* a -D value of / as a built-in's, on every platform (docs/runner.md) */
    for (size_t k = 0; k < rq->ndef; k++) {
        const char *why = runner_define_problem(rq->defs[k].value);
        if (why) {
            run_say(sink, SEV_ERROR, "-D %s=%s: %s; pass the directory meant (a profile that means the whole disk "
                                     "says \"/\" itself); nothing was run", rq->defs[k].name,
                    rq->raw_defs ? rq->raw_defs[k] : rq->defs[k].value, why);
            goto out;
        }
    }
    const char *sx;
    run_platform plat = choose_platform(rq, &sx);
    /* Linux: Landlock (run_landlock.c); a dry run still shows what would run on macOS */
    if (plat == PLATFORM_LANDLOCK && !rq->dry_run) return runner_run_landlock(rq, sink, res);
    if (plat != PLATFORM_SEATBELT && !rq->dry_run) {
        run_say(sink, SEV_ERROR, "Seatbelt (sandbox-exec) exists only on macOS, and buckle has no Linux back end yet: "
                                 "nothing was run (buckle run --dry-run shows what would run on macOS)");
        goto out;
    }
    /* the search directories, the same from every working directory
     * (search_dirs.c; run_landlock.c checks its own) */
    {
        const char *why = runner_search_dirs_problem(a, rq->incs, rq->ninc, rq->buckle_path);
        if (why) {
            run_say(sink, SEV_ERROR, "%s; nothing was run", why);
            goto out;
        }
    }

    /* -D as sb_param */
    sb_param *defs = arena_alloc(a, (rq->ndef + 1) * sizeof *defs);
    for (size_t k = 0; k < rq->ndef; k++)   /* spelled as Seatbelt sees paths (/tmp is /private/tmp) */
        defs[k] = (sb_param){ rq->defs[k].name, platform_path(a, PLAT_MACOS, rq->defs[k].value) };

    /* every path is built in scratch and kept in the arena at its size: a
     * few PATH_MAX buffers in this frame would push every call below onto
     * stack pages of its own, each a page fault */
    char scratch[PATH_MAX];
    if (!getcwd(scratch, sizeof scratch)) { run_say(sink, SEV_ERROR, "cannot read the current directory"); goto out; }
    const char *cwd = arena_strdup(a, scratch);
    sb_param builtin[NBUILTIN_PARAMS];
    if (read_builtins(a, sink, cwd, builtin) != 0) goto out;
    const char *tmpdir = NULL;
    for (size_t k = 0; k < NBUILTIN_PARAMS; k++)
        if (!strcmp(builtin[k].name, "TMPDIR")) tmpdir = builtin[k].value;

    /* the profile directory; the run cache (fixed per user, whatever TMPDIR says) */
    char name[128];
    const char *why, *dir, *cdir;
    runner_dir_name(name, sizeof name, "profiles");
    pdfd = runner_dir_open(tmpdir, name, scratch, sizeof scratch, &why);
    if (pdfd < 0 && !rq->allow_inline) {
        arena da;
        arena_init(&da);
        diag_list dl;
        diag_list_init(&dl, &da);
        diag *d = diag_add(&dl, SEV_ERROR, NULL, (span){ NULL, 0, 0 },
                           "the profile directory %s/%s is not safe: %s; nothing was run", tmpdir, name, why);
        diag_help(&dl, d, "--allow-inline passes the profile on sandbox-exec's command line instead");
        run_put(sink, &dl);
        arena_free(&da);
        goto out;
    }
    if (pdfd < 0) {
        run_say(sink, SEV_WARNING, "the profile directory is not safe (%s); passing the profile inline with -p", why);
        /* still protected by path, as in file mode: a later run that finds
         * it safe must not find it prepared by this run's sandbox */
        if (dir_by_path(sink, tmpdir, name, scratch, sizeof scratch) != 0) goto out;
    }
    dir = arena_strdup(a, scratch);
    cache_where cw;
    cdir = NULL;
    if (runner_cache_where(a, rq->cache_parent, &cw) != 0) {
        if (rq->verbose) run_say(sink, SEV_NOTE, "no run cache: this user has no home directory");
    } else {
        cachefd = runner_cache_open(&cw, scratch, sizeof scratch, &why);
        if (cachefd < 0) {
            /* still protected by path: nothing sandboxed may create it either */
            if (dir_by_path(sink, cw.parent, cw.name, scratch, sizeof scratch) != 0) goto out;
            if (rq->verbose) run_say(sink, SEV_NOTE, "no run cache: %s is not safe (%s)", scratch, why);
        }
        cdir = arena_strdup(a, scratch);
    }
    /* (the run cache is swept when something is written into it: a warm run
     * should not stat every entry) */
    if (pdfd >= 0) profile_dir_sweep(pdfd, RUNNER_STALE_SECONDS, CACHE_MAX_AGE_SECONDS);

    /* the command: resolved as execvp would; a first word that starts with
     * '-' would be read as an option by sandbox-exec, so it is passed as a
     * path instead */
    int found = runner_find_command(cmd[0], scratch, sizeof scratch);
    const char *resolved = found ? "" : arena_strdup(a, scratch);
    if (found && !rq->dry_run) {
        run_say(sink, SEV_ERROR, "%s: %s", cmd[0], found == 127 ? "command not found" : "not executable");
        st = found == 127 ? RUN_NOT_FOUND : RUN_NOT_EXECUTABLE;
        goto out;
    }
    const char *cmd0 = cmd[0];
    if (cmd0[0] == '-') cmd0 = !found && resolved[0] == '/' ? resolved : arena_printf(a, "./%s", cmd0);
    const char *exec_path = !found && realpath(resolved, scratch) ? arena_strdup(a, scratch) : NULL;

    /* the profile: from the cache, or linted and compiled; then what protects it */
    profile_request pr = { rq, run_binary_identity(rq, a), cwd, defs, rq->ndef, builtin, NBUILTIN_PARAMS,
                           rq->no_cache ? -1 : cachefd, 0, sink };
    for (int attempt = 0;; attempt++) {
        if (run_profile_obtain(&pr, a, &rp) != 0) goto out;
        res->cached = rp.cached;
        double t1 = now_ms();
        protect_init(&pl, cwd, a);
        have_pl = 1;
        protect_path(&pl, cwd);
        for (size_t k = 0; k < rp.nwalk; k++) protect_path(&pl, rp.walk[k]);
        protect_params(&pl, &rp, rq->raw_defs, rq->ndef);
        /* the directories the profile and its bases are in: where the
         * project keeps its other profiles, which later runs compile */
        const char *homes[2] = { NULL, NULL };
        const char *tmp_now = tmpdir;
        for (size_t k = 0; k < NBUILTIN_PARAMS; k++)
            if (!strcmp(builtin[k].name, "HOME")) homes[0] = builtin[k].value;
        run_user_entry(a, &homes[1], NULL);
        profile_siblings sib;
        /* and the search directories (-I, $BUCKLE_PATH): the bases the
         * user's other profiles extend from them */
        const char **sdirs;
        size_t nsdirs = runner_search_dir_sources(a, (const char *const *)rp.walk, rp.nsources, rq->incs, rq->ninc,
                                                  rq->buckle_path, &sdirs);
        runner_profile_siblings(a, sdirs, nsdirs, cwd, homes, 2, tmp_now, &sib);
        for (size_t k = 0; k < sib.nfiles; k++) protect_path(&pl, sib.files[k]);
        const char **pdirs = arena_alloc(a, (2 + STD_DIRS_MAX + sib.ndirs) * sizeof *pdirs);
        pdirs[0] = dir;                                            /* protected in inline mode too */
        pdirs[1] = cdir;
        size_t npdirs = cdir ? 2 : 1;
        for (size_t k = 0; k < sib.ndirs; k++) pdirs[npdirs++] = sib.dirs[k];
        for (size_t k = 0; k < npdirs; k++) protect_path(&pl, pdirs[k]);   /* their ancestors */
        /* buckle itself and its standard library directories, existing or
         * not: every later run executes the one and looks in the others,
         * whichever profile it runs */
        if (rq->exe_path && rq->exe_path[0] == '/') protect_path(&pl, rq->exe_path);
        const char *launch = runner_launch_path(a, rq->argv0);
        if (launch) protect_path(&pl, launch);
        const char **shadows;
        size_t nshadows = runner_launch_shadows(a, rq->argv0, &shadows);
        for (size_t k = 0; k < nshadows; k++) protect_path(&pl, shadows[k]);
        for (size_t k = 0; rq->std_dirs && rq->std_dirs[k] && k + 1 < STD_DIRS_MAX; k++) {
            protect_path(&pl, rq->std_dirs[k]);
            if (realpath(rq->std_dirs[k], scratch)) pdirs[npdirs++] = arena_strdup(a, scratch);
        }
        sb_reset(&prot);
        runner_protection(&prot, pdirs, npdirs, &pl);

        /* the parameters sandbox-exec gets */
        size_t nder;
        sb_param *all = run_sbpl_params(a, rp.params, rp.nparams, &nder);

        /* the evaluator's check, unless this very text, these values and
         * this command passed it before */
        uint64_t verdict = verdict_mark(&pr, &rp, &prot, all, nder, exec_path);
        int checked = cachefd >= 0 && cache_verdict_has(cachefd, verdict);
        res->checked = checked;
        if ((!checked || pdfd < 0) && !rp.text && load_text(a, &rp) != 0) {
            entry_mismatch(rq, sink, &pr, &pl, &have_pl);
            if (attempt) goto out;
            continue;
        }
        if (!checked) {
            if (check_profile(rq, sink, a, &rp, &prot, all, nder, pdirs, npdirs, &pl, exec_path) != 0) goto out;
            if (cachefd >= 0) {
                cache_verdict_put(cachefd, verdict);
                profile_dir_sweep(cachefd, RUNNER_STALE_SECONDS, CACHE_MAX_AGE_SECONDS);
            }
        }
        double t2 = now_ms();

        /* the profile file, then argv: sandbox-exec -f FILE [-D K=V]... CMD ARGS */
        if (pdfd >= 0) {
            /* from a cache entry: digested as it is copied, unless this very
             * file matched before (its "vb-" mark) */
            uint64_t got = 0;
            int body_checked = !rp.text && cachefd >= 0 && cache_body_checked(cachefd, &(cache_entry){ .state = rp.state });
            res->body_checked = body_checked;
            profile_parts pp = { rp.text, rp.text ? rp.len : 0, rp.text ? -1 : rp.fd, rp.off, rp.len,
                                 body_checked ? NULL : &got, prot.data, prot.len };
            int w = profile_file_write(pdfd, &pp, name, sizeof name);
            int e = errno;
            if (rp.fd >= 0) { close(rp.fd); rp.fd = -1; }
            if (w != 0) {
                run_say(sink, SEV_ERROR, "cannot write the profile in %s: %s", dir, strerror(e));
                goto out;
            }
            if (!rp.text && !body_checked && got != rp.digest) {
                /* a cache entry whose body is not what its header says: never used */
                unlinkat(pdfd, name, 0);
                entry_mismatch(rq, sink, &pr, &pl, &have_pl);
                if (attempt) goto out;
                continue;
            }
            if (!rp.text && !body_checked && cachefd >= 0) cache_body_checked_put(cachefd, &(cache_entry){ .state = rp.state });
            res->file = arena_printf(a, "%s/%s", dir, name);
        }
        double t3 = now_ms();
        size_t ncmd = 0;
        while (cmd[ncmd]) ncmd++;
        char **av = arena_alloc(a, (nder * 2 + ncmd + 8) * sizeof *av);
        size_t n = 0;
        av[n++] = (char *)sx;
        av[n++] = pdfd >= 0 ? "-f" : "-p";
        if (pdfd >= 0) av[n++] = (char *)res->file;
        else {
            char *inl = arena_alloc(a, rp.len + prot.len + 1);
            memcpy(inl, rp.text, rp.len);
            memcpy(inl + rp.len, prot.data, prot.len);
            inl[rp.len + prot.len] = 0;
            av[n++] = inl;
        }
        for (size_t k = 0; k < nder; k++) {
            av[n++] = "-D";
            av[n++] = arena_printf(a, "%s=%s", all[k].name, all[k].value);
        }
        av[n++] = (char *)cmd0;
        for (size_t k = 1; k < ncmd; k++) av[n++] = cmd[k];
        av[n] = NULL;
        res->argv = av;
        res->argc = n;
        if (rq->dry_run) {
            res->kept = res->file != NULL;
            st = RUN_DRY;
            goto out;
        }
        fflush(NULL);
        unlink_ctx uc = { pdfd, name, pdfd < 0 || rq->keep_profile };
        int rc = runner_spawn(av, remove_profile, &uc);
        double t4 = now_ms();
        res->kept = pdfd >= 0 && rq->keep_profile;
        res->ms_profile = t1 - t0;
        res->ms_check = t2 - t1;
        res->ms_write = t3 - t2;
        res->ms_run = t4 - t3;
        if (rc < 0) { run_say(sink, SEV_ERROR, "cannot run %s: %s", sx, strerror(errno)); goto out; }
        res->exit_status = rc;
        st = RUN_DONE;
        break;
    }
out:
    if (rp.fd >= 0) close(rp.fd);
    if (have_pl) protect_free(&pl);
    sb_free(&prot);
    if (pdfd >= 0) close(pdfd);
    if (cachefd >= 0) close(cachefd);
    return st;
}

void run_result_init(run_result *res)
{
    memset(res, 0, sizeof *res);
    arena_init(&res->a);
}

void run_result_free(run_result *res)
{
    arena_free(&res->a);
}
