/* cmd_run.c - `buckle run [-D NAME=VALUE]... PROFILE -- COMMAND [ARG...]`
 * (docs/runner.md): the flags, the printing and the exit status; the run
 * itself is runner_run (runner/run.c). */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "options.h"
#include "../runner/run.h"
#include "../backend/landlock.h"
#include "../compiler/expand.h"
#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: buckle run [-D NAME=VALUE]... [-I DIR]... [--dry-run] [--keep-profile] [--allow-inline]\n"
    "                  [--force] [--no-cache] [-v] PROFILE -- COMMAND [ARG...]\n"
    "\n"
    "Runs COMMAND under PROFILE: with sandbox-exec on macOS, with Landlock and a\n"
    "seccomp filter on Linux (below).  On macOS it compiles PROFILE (.buckle; an\n"
    ".sb file is taken as it is), writes it to a file in $TMPDIR/buckle-profiles-UID\n"
    "that the profile itself forbids the sandbox to touch, and runs\n"
    "/usr/bin/sandbox-exec -f FILE [-D NAME=VALUE]... COMMAND ARG...\n"
    "Parameters: HOME, TMPDIR, USER, WORKDIR (the current directory), declared\n"
    "defaults and -D, canonicalized; derived from each (docs/runner.md):\n";
/* (the derived names go here) */
static const char usage_tail[] =
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
    "126 the command cannot be executed; 127 it was not found.\n"
    "\n"
    "On Linux (docs/linux.md): compiles PROFILE (.buckle) for Landlock, judges every\n"
    "rule (exact, narrower, weaker, without meaning on Linux), and runs COMMAND in\n"
    "buckle's place under the ruleset and a seccomp filter.  A rule Landlock would\n"
    "enforce weaker is refused, naming it, unless its class is accepted:\n"
    "  --linux-accept=CLASS[,CLASS]...\n"
    "    files    file operations Landlock does not control (metadata, modes, xattrs,\n"
    "             links); exec through the dynamic loader\n"
    "    ports    a network rule naming a host becomes that TCP port on every host\n"
    "    network  inbound, unix sockets by path, \"every port but\"\n"
    "    process  fork, process information, signals inside the sandbox\n"
    "    ipc      System V and POSIX IPC, when the profile allows some\n"
    "    links    a deny written through a symbolic link a grant reaches past\n"
    "    sbpl     raw SBPL rules: Landlock enforces none, a raw deny protects nothing\n"
    "    new-paths  a deny of writing a path that does not exist at launch inside a\n"
    "             directory the command may write: the directory is granted whole,\n"
    "             and the run fails when the path exists after the command ends\n"
    "    hardlinks  a file the command may write that has another name (a hard\n"
    "             link) where it may not: a write reaches the file under every name\n"
    "    hooks    a git hook the profile keeps that runs a program the command may\n"
    "             write (node_modules/.bin, a project script): it runs at your next\n"
    "             commit, outside any sandbox\n"
    "  --linux-network=ports  is --linux-accept=ports\n"
    "  --landlock-abi=N       plan for ABI N (at most the kernel's)\n"
    "  -v                     list every rule's verdict and what Landlock does not control\n"
    "--dry-run shows what would run on macOS; on Linux, compile --target landlock\n"
    "shows the ruleset, and -v every rule's verdict.\n";

static void print_text(const char *text) { fputs(text, stderr); }

/* The test hooks: a test stand-in for sandbox-exec, a run cache of the
 * test's own and a machine without user namespaces, honoured only by the test build (make builds build/buckle-test
 * for the test suite), on every platform: in the buckle that is installed,
 * one environment variable must not be able to run a command without its
 * sandbox or move the cache it trusts. */
#if defined(BUCKLE_TEST_BUILD)
static const char *test_hook(const char *name)
{
    const char *v = getenv(name);
    return v && *v ? v : NULL;
}
#else
static const char *test_hook(const char *name) { (void)name; return NULL; }
#endif

static void put_word(const char *s, int first)
{
    int plain = *s && strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./=:,+@%") == strlen(s);
    if (plain) { printf("%s%s", first ? "" : " ", s); return; }
    printf("%s'", first ? "" : " ");
    for (; *s; s++) { if (*s == '\'') fputs("'\\''", stdout); else putchar(*s); }
    putchar('\'');
}

enum { OPT_DRY_RUN = OPT_OWN, OPT_KEEP, OPT_INLINE, OPT_FORCE, OPT_NO_CACHE, OPT_ACCEPT, OPT_NETWORK, OPT_ABI };

static const cli_opt run_opts_table[] = {
    { "dry-run", OPT_DRY_RUN, 0, NULL },
    { "keep-profile", OPT_KEEP, 0, NULL },
    { "allow-inline", OPT_INLINE, 0, NULL },
    { "force", OPT_FORCE, 0, NULL },
    { "no-cache", OPT_NO_CACHE, 0, NULL },
    { NULL, 'v', 0, NULL },
    { "linux-accept", OPT_ACCEPT, 1, NULL },
    { "linux-network", OPT_NETWORK, 1, "ports" },
    { "landlock-abi", OPT_ABI, 1, NULL },
    { NULL, 0, 0, NULL },
};

static int run_option(void *ud, int key, const char *arg, int choice)
{
    run_request *rq = ud;
    (void)choice;
    switch (key) {
    case OPT_DRY_RUN: rq->dry_run = 1; return 0;
    case OPT_KEEP: rq->keep_profile = 1; return 0;
    case OPT_INLINE: rq->allow_inline = 1; return 0;
    case OPT_FORCE: rq->force = 1; return 0;
    case OPT_NO_CACHE: rq->no_cache = 1; return 0;
    case 'v': rq->verbose = 1; return 0;
    case OPT_ACCEPT: return cli_parse_accept("run", arg, &rq->linux_accept) ? 125 : 0;
    case OPT_NETWORK: rq->linux_accept |= 1u << LLC_PORTS; return 0;
    case OPT_ABI: {
        char *end;
        long v = strtol(arg, &end, 10);
        if (!*arg || *end || v < 1 || v > LL_ABI_MAX) {
            cli_usage_error("run", "--landlock-abi takes 1 to %d, not %s", LL_ABI_MAX, arg);
            return 125;
        }
        rq->landlock_abi = (int)v;
        return 0;
    }
    case CLI_OPERAND:
        if (rq->profile) { cli_usage_error("run", "expected PROFILE -- COMMAND (put -- before the command)"); return 125; }
        rq->profile = arg;
        return 0;
    }
    return -1;
}

static void print_to_stderr(diag_sink *self, diag_list *l)
{
    (void)self;
    cli_print_diags_as(l, stderr, "buckle run");
}

int cmd_run(cli_env *env, int argc, char **argv)
{
    run_result res;                   /* its arena holds the request's strings too */
    run_result_init(&res);
    run_request rq;
    memset(&rq, 0, sizeof rq);
    int rc = 125;
    /* the derived parameters, from the table the compiler derives them by */
    strbuf names, help;
    sb_init(&names);
    sb_init(&help);
    for (size_t k = 0, col = 0; k < PARAM_DERIVED_COUNT; k++) {
        const char *sfx = param_derived_suffix(k);
        size_t w = strlen(sfx) + 5;
        if (col && col + w > 78) { sb_putc(&names, '\n'); col = 0; }
        sb_printf(&names, "%sNAME%s", col ? " " : "  ", sfx);
        col += w;
    }
    sb_puts(&help, usage);
    sb_add(&help, names.data, names.len);
    sb_putc(&help, '\n');
    sb_puts(&help, usage_tail);
    sb_free(&names);
    cli_spec spec = { "run", sb_cstr(&help), CLI_INCLUDE | CLI_DEFINE, run_opts_table, run_option, &rq, 125, 1 };
    cli_opts co_;
    int prc = cli_opts_parse(&co_, &spec, argc, argv);
    if (prc) { rc = prc < 0 ? 0 : prc; goto out; }
    if (!rq.profile || !co_.dashdash || co_.rest >= argc) {
        cli_usage_error("run", "expected PROFILE -- COMMAND [ARG...]");
        goto out;
    }
    int i = co_.rest;
    rq.incs = co_.incs;
    rq.ninc = co_.ninc;
    rq.cmd = argv + i;
    rq.defs = co_.defs;
    rq.raw_defs = co_.def_raw;
    rq.ndef = co_.ndef;
    compile_opts co = { 0 };
    cli_compile_opts(env, &co);
    rq.std_dirs = co.std_dirs;
    rq.buckle_path = co.buckle_path;
    rq.exe_path = env->exe_path;
    rq.argv0 = env->argv0;
    rq.sandbox_exec = test_hook("BUCKLE_SANDBOX_EXEC");
    rq.cache_parent = test_hook("BUCKLE_TEST_CACHE_PARENT");
    rq.no_userns = test_hook("BUCKLE_TEST_NO_USERNS") != NULL;
    rq.print = print_text;

    diag_sink sink = { print_to_stderr };
    run_status st = runner_run(&rq, &sink, &res);
    switch (st) {
    case RUN_DRY:
        for (size_t k = 0; k < res.argc; k++) put_word(res.argv[k], k == 0);
        printf("\nprofile: %s\n", res.file ? res.file : "(inline)");
        rc = 0;
        break;
    case RUN_DONE:
        if (res.kept) fprintf(stderr, "buckle run: kept %s\n", res.file);
        if (rq.verbose && res.landlock && res.killed)
            fprintf(stderr, "buckle run: %u process%s left behind by the command killed\n", res.killed,
                    res.killed == 1 ? "" : "es");
        if (rq.verbose && !res.landlock)
            fprintf(stderr, "buckle run: %s %.3f ms, protect and check %.3f ms%s, write %.3f ms%s, run %.3f ms\n",
                    res.cached ? "cached profile" : "lint and compile", res.ms_profile, res.ms_check,
                    res.checked ? " (checked before)" : "", res.ms_write,
                    res.body_checked ? " (entry matched its digest before)" : "", res.ms_run);
        rc = res.exit_status;
        break;
    case RUN_NOT_FOUND: rc = 127; break;
    case RUN_NOT_EXECUTABLE: rc = 126; break;
    case RUN_REFUSED: rc = 125; break;
    }
out:
    cli_opts_free(&co_);
    run_result_free(&res);
    sb_free(&help);
    return rc;
}
