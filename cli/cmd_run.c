/* cmd_run.c - `buckle run [-D NAME=VALUE]... PROFILE -- COMMAND [ARG...]`. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "../compiler/decide.h"
#include "../compiler/emit.h"
#include "../compiler/patterns.h"
#include "../lint/lint.h"
#include "../runner/runner.h"
#include "run_profile.h"
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char usage[] =
    "usage: buckle run [-D NAME=VALUE]... [-I DIR]... [--dry-run] [--keep-profile] [--no-fallback]\n"
    "                  [--force] [--no-cache] [-v] PROFILE -- COMMAND [ARG...]\n"
    "\n"
    "Compiles PROFILE (.buckle; an .sb file is taken as it is), writes it to a file\n"
    "in $TMPDIR/buckle-profiles-UID that the profile itself forbids the sandbox to\n"
    "touch, and runs /usr/bin/sandbox-exec -f FILE [-D NAME=VALUE]... COMMAND ARG...\n"
    "Parameters: HOME, TMPDIR, USER, WORKDIR (the current directory), declared\n"
    "defaults and -D, canonicalized; NAME.re and NAME.ancestors are derived.\n"
    "\n"
    "  --dry-run       print the argv and the profile path, run nothing\n"
    "  --keep-profile  leave the profile file for inspection\n"
    "  --no-fallback   fail instead of passing the profile inline when the profile\n"
    "                  directory is not exclusively ours\n"
    "  --force         run even when lint finds errors\n"
    "  --no-cache      lint and compile even when the run cache has the profile\n"
    "  -v              print timings\n"
    "\n"
    "Exit status: the command's (128+N for signal N); 125 buckle failed; 126 the\n"
    "command cannot be executed; 127 it was not found.\n";

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int cmd_run(cli_env *env, int argc, char **argv)
{
    int dry = 0, keep = 0, verbose = 0, no_fallback = 0, force = 0, no_cache = 0;
    arena a;
    arena_init(&a);
    sb_param *defs = arena_alloc(&a, ((size_t)argc + 1) * sizeof *defs);
    define *cdefs = arena_alloc(&a, ((size_t)argc + 1) * sizeof *cdefs);
    const char **incs = arena_alloc(&a, ((size_t)argc + 1) * sizeof *incs);
    size_t ndef = 0, ninc = 0;
    const char *profile = NULL;
    int i = 1, rc = 125;
    for (; i < argc; i++) {
        const char *x = argv[i];
        if (!strcmp(x, "--")) { i++; break; }
        if (!strcmp(x, "--help") || !strcmp(x, "-h")) { fputs(usage, stdout); rc = 0; goto out; }
        if (!strcmp(x, "--dry-run")) dry = 1;
        else if (!strcmp(x, "--keep-profile")) keep = 1;
        else if (!strcmp(x, "--no-fallback")) no_fallback = 1;
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
    const char *sx = getenv("BUCKLE_SANDBOX_EXEC");
    if (!sx || !*sx) {
#ifdef __APPLE__
        sx = RUNNER_SANDBOX_EXEC;
#else
        fprintf(stderr, "buckle run: error: Seatbelt (sandbox-exec) exists only on macOS; there is no Linux back end yet.\n"
                        "  (Tests set BUCKLE_SANDBOX_EXEC to a stand-in.)\n");
        rc = 125;
        goto out;
#endif
    }

    /* built-in parameters from the environment, canonicalized */
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd)) { fprintf(stderr, "buckle run: error: cannot read the current directory\n"); goto out; }
    const char *home = getenv("HOME");
    const char *user = getenv("USER");
    /* the password database only when the environment lacks HOME; USER is
     * looked up only if the profile needs it (run_profile.c) */
    if ((!home || !*home) && cli_user_entry(&a, &home, NULL) != 0) home = "/";
    const char *tmp = getenv("TMPDIR");
    if (!tmp || !*tmp) tmp = "/tmp";
    if (user && !*user) user = NULL;
    sb_param builtin[4] = { { "HOME", cli_canonical(&a, home) }, { "TMPDIR", cli_canonical(&a, tmp) },
                            { "WORKDIR", cli_canonical(&a, cwd) }, { "USER", user } };

    /* the directory first: the run cache lives in it */
    char dir[PATH_MAX], file[PATH_MAX];
    const char *why = NULL;
    int use_file = profile_dir_prepare(builtin[1].value, dir, sizeof dir, &why) == 0;
    if (!use_file && no_fallback) {
        fprintf(stderr, "buckle run: error: the profile directory %s/buckle-profiles-%lu is not safe: %s\n",
                builtin[1].value, (unsigned long)geteuid(), why);
        goto out;
    }
    if (!use_file)
        fprintf(stderr, "buckle run: warning: the profile directory is not safe (%s); passing the profile inline with -p\n", why);
    else
        profile_dir_sweep(dir, RUNNER_STALE_SECONDS, CACHE_MAX_AGE_SECONDS);

    /* the profile: from the cache, or linted and compiled */
    run_request rq = { env, profile, incs, ninc, defs, ndef, builtin, 4, force,
                       use_file ? dir : NULL, use_file && !no_cache ? dir : NULL };
    run_profile rp;
    if (run_profile_obtain(&rq, &a, &rp) != 0) { rc = 125; goto out; }
    double t1 = now_ms();
    if (use_file) {
        int w = rp.fd >= 0 ? profile_file_copy(dir, rp.fd, rp.off, rp.len, file, sizeof file)
                           : profile_file_write(dir, rp.text, rp.len, file, sizeof file);
        int e = errno;
        if (rp.fd >= 0) close(rp.fd);
        if (w != 0) {
            fprintf(stderr, "buckle run: error: cannot write the profile in %s: %s\n", dir, strerror(e));
            goto out;
        }
    }
    double t2 = now_ms();

    /* argv: sandbox-exec -f FILE [-D K=V]... CMD ARGS */
    size_t nder;
    sb_param *all = derive_sbpl_params(&a, rp.params, rp.nparams, &nder);
    size_t ncmd = 0;
    while (cmd[ncmd]) ncmd++;
    char **av = arena_alloc(&a, (nder * 2 + ncmd + 8) * sizeof *av);
    size_t n = 0;
    av[n++] = (char *)sx;
    av[n++] = use_file ? "-f" : "-p";
    av[n++] = use_file ? file : (char *)rp.text;
    for (size_t k = 0; k < nder; k++) {
        av[n++] = "-D";
        av[n++] = arena_printf(&a, "%s=%s", all[k].name, all[k].value);
    }
    char resolved[PATH_MAX];
    int found = runner_find_command(cmd[0], resolved, sizeof resolved);
    for (size_t k = 0; k < ncmd; k++) av[n++] = cmd[k];
    av[n] = NULL;
    if (dry) {
        for (size_t k = 0; k < n; k++) {
            const char *s = av[k];
            int plain = *s && strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./=:,+@%") == strlen(s);
            if (plain) printf("%s%s", k ? " " : "", s);
            else {
                printf("%s'", k ? " " : "");
                for (; *s; s++) { if (*s == '\'') fputs("'\\''", stdout); else putchar(*s); }
                putchar('\'');
            }
        }
        printf("\nprofile: %s\n", use_file ? file : "(inline)");
        rc = 0;
        if (use_file && !keep) unlink(file);
        goto out;
    }
    if (found) {
        fprintf(stderr, "buckle run: error: %s: %s\n", cmd[0], found == 127 ? "command not found" : "not executable");
        if (use_file && !keep) unlink(file);
        rc = found;
        goto out;
    }
    fflush(NULL);
    rc = runner_spawn(av);
    double t3 = now_ms();
    if (use_file && !keep) unlink(file);
    else if (use_file) fprintf(stderr, "buckle run: kept %s\n", file);
    if (verbose)
        fprintf(stderr, "buckle run: %s %.3f ms, write %.3f ms, run %.3f ms\n",
                rp.cached ? "cached profile" : "lint and compile", t1 - t0, t2 - t1, t3 - t2);
    if (rc < 0) { fprintf(stderr, "buckle run: error: cannot run %s: %s\n", sx, strerror(errno)); rc = 125; }
out:
    arena_free(&a);
    return rc;
}
