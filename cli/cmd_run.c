/* cmd_run.c - `buckle run [-D NAME=VALUE]... PROFILE -- COMMAND [ARG...]`
 * (docs/runner.md). */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "../compiler/decide.h"
#include "../backend/emit.h"
#include "../compiler/patterns.h"
#include "../lint/lint.h"
#include "../runner/runner.h"
#include "../support/digest.h"
#include "run_profile.h"
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char usage[] =
    "usage: buckle run [-D NAME=VALUE]... [-I DIR]... [--dry-run] [--keep-profile] [--allow-inline]\n"
    "                  [--force] [--no-cache] [-v] PROFILE -- COMMAND [ARG...]\n"
    "\n"
    "Compiles PROFILE (.buckle; an .sb file is taken as it is), writes it to a file\n"
    "in $TMPDIR/buckle-profiles-UID that the profile itself forbids the sandbox to\n"
    "touch, and runs /usr/bin/sandbox-exec -f FILE [-D NAME=VALUE]... COMMAND ARG...\n"
    "Parameters: HOME, TMPDIR, USER, WORKDIR (the current directory), declared\n"
    "defaults and -D, canonicalized; NAME.re, NAME.dir and (for paths) NAME.ancestors are derived.\n"
    "\n"
    "  --dry-run       print the argv and the profile path, run nothing (keeps the file)\n"
    "  --keep-profile  leave the profile file for inspection\n"
    "  --allow-inline  when the profile directory is not safe, pass the profile\n"
    "                  inline with -p instead of refusing\n"
    "  --force         run even when lint finds errors\n"
    "  --no-cache      lint and compile even when the run cache has the profile\n"
    "  -v              print timings\n"
    "\n"
    "Exit status: the command's (128+N for signal N); 125 buckle failed or refused;\n"
    "126 the command cannot be executed; 127 it was not found.\n";

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The test hooks: on Linux, where there is no Seatbelt, a test stand-in for
 * sandbox-exec and a run cache of the test's own; on macOS only in a test
 * build (make builds one for the test suite), never in the buckle that is
 * installed. */
#if !defined(__APPLE__) || defined(BUCKLE_TEST_BUILD)
static const char *test_hook(const char *name)
{
    const char *v = getenv(name);
    return v && *v ? v : NULL;
}
#else
static const char *test_hook(const char *name) { (void)name; return NULL; }
#endif

typedef struct unlink_ctx { int dirfd; const char *name; int done; } unlink_ctx;

static void remove_profile(void *p)
{
    unlink_ctx *u = p;
    if (u->done) return;
    unlinkat(u->dirfd, u->name, 0);
    u->done = 1;
}

static void put_word(const char *s, int first)
{
    int plain = *s && strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./=:,+@%") == strlen(s);
    if (plain) { printf("%s%s", first ? "" : " ", s); return; }
    printf("%s'", first ? "" : " ");
    for (; *s; s++) { if (*s == '\'') fputs("'\\''", stdout); else putchar(*s); }
    putchar('\'');
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

int cmd_run(cli_env *env, int argc, char **argv)
{
    int dry = 0, keep = 0, verbose = 0, allow_inline = 0, force = 0, no_cache = 0;
    arena a;
    arena_init(&a);
    sb_param *defs = arena_alloc(&a, ((size_t)argc + 1) * sizeof *defs);
    define *cdefs = arena_alloc(&a, ((size_t)argc + 1) * sizeof *cdefs);
    const char **incs = arena_alloc(&a, ((size_t)argc + 1) * sizeof *incs);
    const char **raws = arena_alloc(&a, ((size_t)argc + 1) * sizeof *raws);
    size_t ndef = 0, ninc = 0;
    const char *profile = NULL;
    int i = 1, rc = 125, pdfd = -1, cachefd = -1;
    run_profile rp;
    memset(&rp, 0, sizeof rp);
    rp.fd = -1;
    protect_list pl;
    int have_pl = 0;
    strbuf prot;
    sb_init(&prot);
    diag_list dl;
    diag_list_init(&dl, &a);
    source *vsrc = NULL;
    for (; i < argc; i++) {
        const char *x = argv[i];
        if (!strcmp(x, "--")) { i++; break; }
        if (!strcmp(x, "--help") || !strcmp(x, "-h")) { fputs(usage, stdout); rc = 0; goto out; }
        if (!strcmp(x, "--dry-run")) dry = 1;
        else if (!strcmp(x, "--keep-profile")) keep = 1;
        else if (!strcmp(x, "--allow-inline")) allow_inline = 1;
        else if (!strcmp(x, "--force")) force = 1;
        else if (!strcmp(x, "--no-cache")) no_cache = 1;
        else if (!strcmp(x, "-v")) verbose = 1;
        else if (!strcmp(x, "-D") || !strcmp(x, "-I")) {
            if (i + 1 >= argc) { cli_usage_error("run", "%s needs a value", x); rc = 125; goto out; }
            const char *v = argv[++i];
            if (x[1] == 'I') incs[ninc++] = v;
            else {
                const char *err = define_parse(&a, v, &cdefs[ndef]);
                if (err) { cli_usage_error("run", "-D %s: %s", v, err); rc = 125; goto out; }
                defs[ndef] = (sb_param){ cdefs[ndef].name, cdefs[ndef].value };
                raws[ndef] = strchr(v, '=') + 1;
                ndef++;
            }
        }
        else if (x[0] == '-' && x[1]) { cli_usage_error("run", "unknown option %s", x); rc = 125; goto out; }
        else if (!profile) profile = x;
        else { cli_usage_error("run", "expected PROFILE -- COMMAND (put -- before the command)"); rc = 125; goto out; }
    }
    if (!profile || i >= argc) { cli_usage_error("run", "expected PROFILE -- COMMAND [ARG...]"); rc = 125; goto out; }
    char **cmd = argv + i;
    double t0 = now_ms();

    /* the sandbox-exec to run: never a PATH lookup */
    const char *sx = test_hook("BUCKLE_SANDBOX_EXEC");
    if (!sx) {
#ifndef __APPLE__
        if (!dry) {
            fprintf(stderr, "buckle run: error: Seatbelt (sandbox-exec) exists only on macOS, and buckle has no Linux\n"
                            "  back end yet: nothing was run (buckle run --dry-run shows what would run on macOS)\n");
            goto out;
        }
#endif
        sx = RUNNER_SANDBOX_EXEC;
    }

    /* built-in parameters from the environment (checked where used) */
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd)) { fprintf(stderr, "buckle run: error: cannot read the current directory\n"); goto out; }
    const char *home = getenv("HOME");
    /* the password database only when the environment lacks HOME; USER is
     * looked up only if the profile needs it (run_profile.c) */
    if (!home && cli_user_entry(&a, &home, NULL) != 0) home = NULL;
    const char *tmp = getenv("TMPDIR");
    if (!tmp) tmp = "/tmp";
    const char *why = runner_builtin_problem("TMPDIR", cli_canonical(&a, tmp));
    if (why) { fprintf(stderr, "buckle run: error: the built-in parameter TMPDIR cannot be used: %s (\"%s\")\n", why, tmp); goto out; }
    sb_param builtin[4] = { { "HOME", home ? cli_canonical(&a, home) : NULL }, { "TMPDIR", cli_canonical(&a, tmp) },
                            { "WORKDIR", cli_canonical(&a, cwd) }, { "USER", getenv("USER") } };

    /* the profile directory; the run cache (fixed per user, whatever TMPDIR says) */
    char dir[PATH_MAX], cdir[PATH_MAX], name[128], file[PATH_MAX + 256];
    pdfd = runner_dir_open(builtin[1].value, (runner_dir_name(name, sizeof name, "profiles"), name), dir, sizeof dir, &why);
    if (pdfd < 0 && !allow_inline) {
        fprintf(stderr, "buckle run: error: the profile directory %s/%s is not safe: %s; nothing was run\n"
                        "  (--allow-inline passes the profile on sandbox-exec's command line instead)\n",
                builtin[1].value, name, why);
        goto out;
    }
    if (pdfd < 0) {
        fprintf(stderr, "buckle run: warning: the profile directory is not safe (%s); passing the profile inline with -p\n", why);
        /* still protected by path, as in file mode: a later run that finds
         * it safe must not find it prepared by this run's sandbox */
        char real[PATH_MAX];
        if (!realpath(builtin[1].value, real)) snprintf(real, sizeof real, "%s", builtin[1].value);
        int dn = snprintf(dir, sizeof dir, "%s/%s", strcmp(real, "/") ? real : "", name);
        if (dn < 0 || (size_t)dn >= sizeof dir) { fprintf(stderr, "buckle run: error: %s: path too long\n", real); goto out; }
    }
    const char *cparent = test_hook("BUCKLE_TEST_CACHE_PARENT");
    if (!cparent) cparent = "/tmp";
    const char *cwhy = NULL;
    runner_dir_name(name, sizeof name, "cache");
    cachefd = runner_dir_open(cparent, name, cdir, sizeof cdir, &cwhy);
    if (cachefd < 0) {
        /* still protected by path: nothing sandboxed may create it either */
        char real[PATH_MAX];
        if (!realpath(cparent, real)) snprintf(real, sizeof real, "%s", cparent);
        size_t rl = strlen(real);
        if (rl + strlen(name) + 2 > sizeof cdir) { fprintf(stderr, "buckle run: error: %s: path too long\n", real); goto out; }
        memcpy(cdir, real, rl);
        cdir[rl] = '/';
        strcpy(cdir + rl + 1, name);
        if (verbose) fprintf(stderr, "buckle run: no run cache: %s is not safe (%s)\n", cdir, cwhy);
    }
    /* (the run cache is swept when something is written into it: a warm run
     * should not stat every entry) */
    if (pdfd >= 0) profile_dir_sweep(pdfd, RUNNER_STALE_SECONDS, CACHE_MAX_AGE_SECONDS);

    /* the command: resolved as execvp would; a first word that starts with
     * '-' would be read as an option by sandbox-exec, so it is passed as a
     * path instead */
    char resolved[PATH_MAX], cmd_real[PATH_MAX];
    int found = runner_find_command(cmd[0], resolved, sizeof resolved);
    if (found && !dry) {
        fprintf(stderr, "buckle run: error: %s: %s\n", cmd[0], found == 127 ? "command not found" : "not executable");
        rc = found;
        goto out;
    }
    const char *cmd0 = cmd[0];
    if (cmd0[0] == '-') cmd0 = !found && resolved[0] == '/' ? arena_strdup(&a, resolved) : arena_printf(&a, "./%s", cmd0);
    const char *exec_path = !found && realpath(resolved, cmd_real) ? cmd_real : NULL;

    /* the profile: from the cache, or linted and compiled; then what protects it */
    run_request rq = { env, profile, incs, ninc, defs, ndef, builtin, 4, force, no_cache ? -1 : cachefd, 0 };
    for (int attempt = 0;; attempt++) {
        if (run_profile_obtain(&rq, &a, &rp) != 0) goto out;
        double t1 = now_ms();
        protect_init(&pl, cwd);
        have_pl = 1;
        protect_path(&pl, cwd);
        for (size_t k = 0; k < rp.nwalk; k++) protect_path(&pl, rp.walk[k]);
        protect_params(&pl, &rp, raws, ndef);
        const char *dirs[2] = { dir, cdir };
        const char *const *pdirs = dirs;      /* protected in inline mode too */
        size_t npdirs = 2;
        for (size_t k = 0; k < npdirs; k++) protect_path(&pl, pdirs[k]);   /* their ancestors */
        sb_reset(&prot);
        runner_protection(&prot, pdirs, npdirs, &pl);

        /* the parameters sandbox-exec gets */
        size_t nder;
        sb_param *all = run_sbpl_params(&a, rp.params, rp.nparams, &nder);

        /* the evaluator's check, unless this very text, these values and
         * this command passed it before */
        digest_ctx d;
        digest_begin(&d, 0, rp.digest ^ digest64(prot.data, prot.len, 0));
        uint64_t verdict = digest64(exec_path ? exec_path : "", exec_path ? strlen(exec_path) : 0, d.h);
        /* ... by this buckle (another one may judge otherwise) ... */
        const char *self = run_binary_identity(env, &a);
        verdict = digest64(self, strlen(self), verdict);
        /* ... with what an .sb's imports hold now (the compiled text of a
         * .buckle holds its bases already) */
        if (is_sb_path(profile)) verdict = run_files_digest(rp.walk, rp.nwalk, verdict);
        for (size_t k = 0; k < nder; k++) {
            verdict = digest64(all[k].name, strlen(all[k].name) + 1, verdict);
            verdict = digest64(all[k].value, strlen(all[k].value) + 1, verdict);
        }
        int checked = cachefd >= 0 && cache_verdict_has(cachefd, verdict);
        if (!checked || pdfd < 0) {
            /* the text in memory: from the cache entry, its digest verified */
            if (!rp.text) {
                char *body = arena_alloc(&a, rp.len + 1);
                size_t got = 0;
                while (got < rp.len) {
                    ssize_t r = pread(rp.fd, body + got, rp.len - got, (off_t)(rp.off + got));
                    if (r < 0 && errno == EINTR) continue;
                    if (r <= 0) break;
                    got += (size_t)r;
                }
                close(rp.fd);
                rp.fd = -1;
                if (got != rp.len || digest_wide(body, rp.len) != rp.digest) {
                    if (verbose) fprintf(stderr, "buckle run: a run cache entry does not match its digest: compiling\n");
                    rq.skip_load = 1;
                    protect_free(&pl);
                    have_pl = 0;
                    if (attempt) goto out;
                    continue;
                }
                rp.text = body;
            }
        }
        if (!checked) {
            strbuf whole, msg;
            sb_init(&whole);
            sb_init(&msg);
            sb_add(&whole, rp.text, rp.len);
            sb_add(&whole, prot.data, prot.len);
            verify_req vr = { whole.data, whole.len, is_sb_path(profile) ? profile : arena_printf(&a, "%s (compiled)", profile),
                              all, nder, rp.import_dirs, rp.nimport, pdirs, npdirs, &pl, exec_path };
            int v = runner_verify(&vr, &dl, &msg, &vsrc);
            sb_free(&whole);
            if (v == VERIFY_UNREADABLE) {
                cli_print_diags(&dl, stderr);
                fprintf(stderr, "buckle run: error: %s (or an import) does not read as SBPL text; not running it\n", profile);
            } else if (v == VERIFY_REDEFINES) {
                cli_print_diags(&dl, stderr);
                fprintf(stderr, "buckle run: error: %s redefines a name the protection rules depend on; not running it\n", profile);
            } else if (v == VERIFY_INCOMPLETE) {
                cli_print_diags(&dl, stderr);
                fprintf(stderr, "buckle run: error: %s cannot be evaluated completely, so the protection of the next run "
                                "cannot be checked; not running it\n", profile);
            } else if (v == VERIFY_UNPROTECTED) {
                fprintf(stderr, "buckle run: error: the protection of the next run does not hold in this profile: %s\n",
                        sb_cstr(&msg));
            } else if (v == VERIFY_EXEC_DENIED) {
                fprintf(stderr, "buckle run: error: %s\n", sb_cstr(&msg));
            }
            sb_free(&msg);
            if (v != VERIFY_OK) goto out;
            if (cachefd >= 0) {
                cache_verdict_put(cachefd, verdict);
                profile_dir_sweep(cachefd, RUNNER_STALE_SECONDS, CACHE_MAX_AGE_SECONDS);
            }
        }
        double t2 = now_ms();

        /* the profile file, then argv: sandbox-exec -f FILE [-D K=V]... CMD ARGS */
        if (pdfd >= 0) {
            uint64_t got = 0;
            profile_parts pp = { rp.text, rp.text ? rp.len : 0, rp.text ? -1 : rp.fd, rp.off, rp.len, &got,
                                 prot.data, prot.len };
            int w = profile_file_write(pdfd, &pp, name, sizeof name);
            int e = errno;
            if (rp.fd >= 0) { close(rp.fd); rp.fd = -1; }
            if (w != 0) {
                fprintf(stderr, "buckle run: error: cannot write the profile in %s: %s\n", dir, strerror(e));
                goto out;
            }
            if (!rp.text && got != rp.digest) {
                /* a cache entry whose body is not what its header says: never used */
                unlinkat(pdfd, name, 0);
                if (verbose) fprintf(stderr, "buckle run: a run cache entry does not match its digest: compiling\n");
                rq.skip_load = 1;
                protect_free(&pl);
                have_pl = 0;
                if (attempt) goto out;
                continue;
            }
            snprintf(file, sizeof file, "%s/%s", dir, name);
        }
        double t3 = now_ms();
        size_t ncmd = 0;
        while (cmd[ncmd]) ncmd++;
        char **av = arena_alloc(&a, (nder * 2 + ncmd + 8) * sizeof *av);
        size_t n = 0;
        av[n++] = (char *)sx;
        av[n++] = pdfd >= 0 ? "-f" : "-p";
        if (pdfd >= 0) av[n++] = file;
        else {
            strbuf inl;
            sb_init(&inl);
            sb_add(&inl, rp.text, rp.len);
            sb_add(&inl, prot.data, prot.len);
            av[n++] = arena_strdup(&a, sb_cstr(&inl));
            sb_free(&inl);
        }
        for (size_t k = 0; k < nder; k++) {
            av[n++] = "-D";
            av[n++] = arena_printf(&a, "%s=%s", all[k].name, all[k].value);
        }
        av[n++] = (char *)cmd0;
        for (size_t k = 1; k < ncmd; k++) av[n++] = cmd[k];
        av[n] = NULL;
        if (dry) {
            for (size_t k = 0; k < n; k++) put_word(av[k], k == 0);
            printf("\nprofile: %s\n", pdfd >= 0 ? file : "(inline)");
            rc = 0;
            goto out;
        }
        fflush(NULL);
        unlink_ctx uc = { pdfd, name, pdfd < 0 || keep };
        rc = runner_spawn(av, remove_profile, &uc);
        double t4 = now_ms();
        if (pdfd >= 0 && keep) fprintf(stderr, "buckle run: kept %s\n", file);
        if (verbose)
            fprintf(stderr, "buckle run: %s %.3f ms, protect and check %.3f ms%s, write %.3f ms, run %.3f ms\n",
                    rp.cached ? "cached profile" : "lint and compile", t1 - t0, t2 - t1,
                    checked ? " (checked before)" : "", t3 - t2, t4 - t3);
        if (rc < 0) { fprintf(stderr, "buckle run: error: cannot run %s: %s\n", sx, strerror(errno)); rc = 125; }
        break;
    }
out:
    if (rp.fd >= 0) close(rp.fd);
    if (have_pl) protect_free(&pl);
    sb_free(&prot);
    while (vsrc) { source *nx = vsrc->next; source_free(vsrc); vsrc = nx; }
    if (pdfd >= 0) close(pdfd);
    if (cachefd >= 0) close(cachefd);
    arena_free(&a);
    return rc;
}
