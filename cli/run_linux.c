/* run_linux.c - `buckle run` on Linux: the profile compiled for Landlock,
 * every rule judged (exact, narrower, weaker, without meaning), refused when
 * something would be weaker and the user did not accept that class, then
 * the command in buckle's place under the ruleset (docs/linux.md). */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "run_linux.h"
#include "../backend/landlock.h"
#include "../lint/lint.h"
#include "../support/codes.h"
#include "../runner/elf_interp.h"
#include "../runner/linux_run.h"
#include "../runner/runner.h"
#include "../runner/run_profile.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char usage[] =
    "usage: buckle run [-D NAME=VALUE]... [-I DIR]... [--force] [-v] [--linux-accept=CLASS[,CLASS]...]\n"
    "                  [--linux-network=ports] [--landlock-abi=N] PROFILE -- COMMAND [ARG...]\n"
    "\n"
    "On Linux: compiles PROFILE (.buckle) for Landlock, judges every rule (exact,\n"
    "narrower, weaker, without meaning on Linux), and runs COMMAND in buckle's place\n"
    "under the ruleset.  A rule Landlock would enforce weaker is refused, naming it,\n"
    "unless its class is accepted:\n"
    "  files    file operations Landlock does not control (metadata, modes, xattrs, links)\n"
    "  ports    a network rule naming a host becomes that TCP port on every host\n"
    "  network  UDP, inbound, unix sockets by path, \"every port but\"\n"
    "  process  fork, process information, signals inside the sandbox\n"
    "  ipc      System V and POSIX IPC\n"
    "  --linux-network=ports is --linux-accept=ports.\n"
    "  --landlock-abi=N  plan for ABI N (at most the kernel's)\n"
    "  -v       list every rule's verdict and what Landlock does not control\n"
    "\n"
    "Exit status: the command's; 125 buckle failed or refused; 126 the command\n"
    "cannot be executed (inside the sandbox too); 127 it was not found.\n";

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int run_linux_wanted(int argc, char **argv)
{
    const char *sx = getenv("BUCKLE_SANDBOX_EXEC");
    if (sx && *sx) return 0;                      /* the tests' stand-in for sandbox-exec */
    for (int i = 1; i < argc && strcmp(argv[i], "--"); i++)
        if (!strcmp(argv[i], "--dry-run")) return 0;   /* shows what would run on macOS */
    return 1;
}

/* --linux-accept=a,b into *set; 0, or an exit code after a usage error */
static int parse_accept(const char *list, unsigned *set)
{
    const char *p = list;
    while (*p) {
        const char *e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char name[32];
        if (n == 0 || n >= sizeof name) return cli_usage_error("run", "--linux-accept: empty or unknown class in \"%s\"", list);
        memcpy(name, p, n);
        name[n] = 0;
        int cls = ll_class_lookup(name);
        if (cls < 0) return cli_usage_error("run", "--linux-accept: unknown class %s (files, ports, network, process, ipc)", name);
        *set |= 1u << cls;
        p += n + (e ? 1 : 0);
    }
    return 0;
}

/* The value of a declared default with the run's values (one level, as
 * the macOS runner resolves them); *why when the result is not canonical or
 * passes through a link. */
static const char *expand_default(arena *a, const char *def, const sb_param *vals, size_t n, const char **why)
{
    strbuf b;
    sb_init(&b);
    for (const char *q = def; *q; q++) {
        const char *end = *q == PARAM_OPEN ? strchr(q, PARAM_CLOSE) : NULL;
        if (!end) { sb_putc(&b, *q); continue; }
        size_t len = (size_t)(end - q - 1);
        const char *v = NULL;
        for (size_t i = n; i > 0 && !v; i--)
            if (!strncmp(vals[i - 1].name, q + 1, len) && !vals[i - 1].name[len]) v = vals[i - 1].value;
        if (!v) { sb_free(&b); return NULL; }
        sb_puts(&b, v);
        q = end;
    }
    *why = runner_path_value_problem(a, sb_cstr(&b));
    const char *out = *why ? arena_strdup(a, sb_cstr(&b)) : run_canonical(a, sb_cstr(&b));
    sb_free(&b);
    return out;
}

int cmd_run_linux(cli_env *env, int argc, char **argv)
{
    int verbose = 0, force = 0, rc = 125, abi_want = 0;
    unsigned accept = 0;
    arena a;
    arena_init(&a);
    define *defs = arena_alloc(&a, ((size_t)argc + 1) * sizeof *defs);
    const char **incs = arena_alloc(&a, ((size_t)argc + 1) * sizeof *incs);
    size_t ndef = 0, ninc = 0;
    const char *profile = NULL;
    compilation *c = NULL;
    decider *d = NULL;
    ll_plan plan;
    int have_plan = 0;
    int i = 1;
    for (; i < argc; i++) {
        const char *x = argv[i];
        if (!strcmp(x, "--")) { i++; break; }
        if (!strcmp(x, "--help") || !strcmp(x, "-h")) { fputs(usage, stdout); rc = 0; goto out; }
        if (!strcmp(x, "-v")) verbose = 1;
        else if (!strcmp(x, "--force")) force = 1;
        else if (!strcmp(x, "--no-cache") || !strcmp(x, "--keep-profile") || !strcmp(x, "--allow-inline")) continue;
        else if (!strncmp(x, "--linux-accept=", 15)) { if (parse_accept(x + 15, &accept)) goto out; }
        else if (!strcmp(x, "--linux-network=ports")) accept |= 1u << LLC_PORTS;
        else if (!strncmp(x, "--landlock-abi=", 15)) {
            char *end;
            long v = strtol(x + 15, &end, 10);
            if (*end || v < 1 || v > LL_ABI_MAX) { cli_usage_error("run", "--landlock-abi takes 1 to %d, not %s", LL_ABI_MAX, x + 15); goto out; }
            abi_want = (int)v;
        }
        else if (!strcmp(x, "-D") || !strcmp(x, "-I")) {
            if (i + 1 >= argc) { cli_usage_error("run", "%s needs a value", x); goto out; }
            const char *v = argv[++i];
            if (x[1] == 'I') incs[ninc++] = v;
            else {
                /* the value as given: define_parse resolves links */
                const char *eq = strchr(v, '=');
                const char *bad = eq ? runner_path_value_problem(&a, eq + 1) : NULL;
                if (bad) {
                    fprintf(stderr, "buckle run: error: -D %s: %s; nothing was run\n", v, bad);
                    goto out;
                }
                const char *err = define_parse(&a, v, &defs[ndef]);
                if (err) { cli_usage_error("run", "-D %s: %s", v, err); goto out; }
                ndef++;
            }
        }
        else if (x[0] == '-' && x[1]) { cli_usage_error("run", "unknown option %s", x); goto out; }
        else if (!profile) profile = x;
        else { cli_usage_error("run", "expected PROFILE -- COMMAND (put -- before the command)"); goto out; }
    }
    if (!profile || i >= argc) { cli_usage_error("run", "expected PROFILE -- COMMAND [ARG...]"); goto out; }
    char **cmd = argv + i;
    if (is_sb_path(profile)) {
        fprintf(stderr, "buckle run: error: %s is SBPL, which only macOS enforces; Landlock needs a .buckle profile\n", profile);
        goto out;
    }
    int kabi = ll_abi_probe();
    if (kabi <= 0) {
        fprintf(stderr, "buckle run: error: this kernel offers no Landlock (it is older than 5.13, or Landlock is not "
                        "enabled); nothing was run\n");
        goto out;
    }
    if (abi_want > kabi) {
        fprintf(stderr, "buckle run: error: --landlock-abi=%d: this kernel offers ABI %d\n", abi_want, kabi);
        goto out;
    }
    int abi = abi_want ? abi_want : kabi;
    double t0 = now_ms();

    /* the command, as execvp would find it */
    char resolved[PATH_MAX], cmd_real[PATH_MAX];
    int found = runner_find_command(cmd[0], resolved, sizeof resolved);
    if (found) {
        fprintf(stderr, "buckle run: error: %s: %s\n", cmd[0], found == 127 ? "command not found" : "not executable");
        rc = found;
        goto out;
    }

    /* the built-in parameters, then -D, then the declared defaults with them */
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd)) { fprintf(stderr, "buckle run: error: cannot read the current directory\n"); goto out; }
    const char *home = getenv("HOME");
    if (!home && run_user_entry(&a, &home, NULL) != 0) home = NULL;
    const char *tmp = getenv("TMPDIR");
    if (!tmp || !*tmp) tmp = "/tmp";
    const char *user = getenv("USER");
    if (!user) run_user_entry(&a, NULL, &user);
    sb_param *vals = arena_alloc(&a, (ndef + 8) * sizeof *vals);
    size_t nv = 0;
    const char *bn[4] = { "HOME", "TMPDIR", "WORKDIR", "USER" };
    /* the values as they are (a link or a "..", here or above, is refused:
     * whoever can replace the link would decide what the next run grants),
     * then canonical */
    const char *braw[4] = { home, tmp, cwd, user };
    const char *bv[4] = { NULL, NULL, NULL, NULL };
    const char *bwhy[4] = { NULL, NULL, NULL, NULL };
    for (int k = 0; k < 4; k++) {
        bwhy[k] = runner_builtin_problem(bn[k], braw[k]);
        if (!bwhy[k] && k < 3) bwhy[k] = runner_path_value_problem(&a, braw[k]);
        if (bwhy[k]) continue;     /* only an error when the profile uses it: checked below */
        bv[k] = k < 3 ? run_canonical(&a, braw[k]) : braw[k];
        vals[nv++] = (sb_param){ bn[k], bv[k] };
    }

    compile_opts co = { 0 };
    co.include_dirs = incs;
    co.ninclude = ninc;
    co.defines = defs;
    co.ndefines = ndef;
    cli_compile_opts(env, &co);
    c = compilation_new(&co);
    int crc = compile_profile(c, profile);
    if (c->io_error) { cli_print_diags(&c->diags, stderr); goto out; }
    double t1 = now_ms();
    diag_list dl;
    diag_list_init(&dl, &a);
    lint_compilation(c, crc, &a, &dl);
    double t2 = now_ms();
    int errors = 0;
    for (diag *g = dl.head; g; g = g->next) {
        if (g->suppressed || g->sev != SEV_ERROR || (g->code && !strcmp(g->code, BK3001))) g->suppressed = 1;
        else errors++;
    }
    if (errors) cli_print_diags(&dl, stderr);
    if (crc != 0) goto out;
    if (errors && !force) {
        fprintf(stderr, "buckle run: error: %s has lint errors; not running it (use --force to run anyway)\n", profile);
        goto out;
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
        const char *v = expand_default(&a, p->def, vals, nfixed, &why);
        if (why) {
            fprintf(stderr, "buckle run: error: the default of parameter %s is %s: %s; nothing was run\n", p->name, v, why);
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
            fprintf(stderr, "buckle run: error: the built-in parameter %s has no usable value here: %s (\"%s\"); nothing was run\n",
                    p->name, why ? why : "it is not set", raw ? raw : "");
            goto out;
        }
    }
    const char *missing = decider_missing(d);
    if (missing) {
        fprintf(stderr, "buckle run: error: parameter %s has no value: pass -D %s=VALUE\n", missing, missing);
        goto out;
    }

    /* the profile's sources stay unwritable: the next run reads them */
    const char **prot = arena_alloc(&a, (c->ndeps + 5) * sizeof *prot);
    size_t nprot = 0;
    for (size_t k = 0; k < c->ndeps; k++) {
        char real[PATH_MAX];
        if (realpath(c->deps[k], real)) prot[nprot++] = arena_strdup(&a, real);
    }
    /* and the directories every other run reads (the run cache in /tmp, the
     * profile directory in TMPDIR), existing or not: a run on macOS or a
     * --dry-run here trusts what it finds there */
    {
        const char *parents[2] = { "/tmp", bv[1] ? bv[1] : "/tmp" };
        const char *what[2] = { "cache", "profiles" };
        for (int k = 0; k < 2; k++)
            for (int w = 0; w < 2; w++) {
                char name[128];
                runner_dir_name(name, sizeof name, what[w]);
                const char *pth = arena_printf(&a, "%s/%s", run_canonical(&a, parents[k]), name);
                int dup = 0;
                for (size_t j = 0; j < nprot; j++) dup |= !strcmp(prot[j], pth);
                if (!dup) prot[nprot++] = pth;
            }
    }
    /* the command's dynamic loader (docs/linux.md) */
    const char *exec_path = realpath(resolved, cmd_real) ? cmd_real : resolved;
    char interp[PATH_MAX], interp_real[PATH_MAX];
    const char *ip = elf_interp(exec_path, interp, sizeof interp) == 0 && realpath(interp, interp_real) ? interp_real : NULL;
    backend_in in = { c, d, abi, accept, prot, nprot, 1, ip, (long)getpid() };
    double t3 = now_ms();
    ll_plan_build(&a, &in, &plan);
    have_plan = 1;
    double t4 = now_ms();
    if (plan.rep.weaker) {
        strbuf msg;
        sb_init(&msg);
        ll_plan_refusals(&plan, c, &msg);
        fprintf(stderr, "buckle run: error: Landlock would enforce these rules of %s weaker than written; nothing was run\n%s",
                profile, sb_cstr(&msg));
        sb_free(&msg);
        goto out;
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
            fprintf(stderr, "buckle run: error: the profile does not let %s start (%s); nothing was run\n", exec_path, why);
            goto out;
        }
    }
    strbuf sum;
    sb_init(&sum);
    ll_plan_summary(&plan, c, verbose, &sum);
    if (verbose)
        sb_printf(&sum, "buckle run: compile %.3f ms, lint %.3f ms, parameters %.3f ms, plan %.3f ms (%zu entries looked at)\n",
                  t1 - t0, t2 - t1, t3 - t2, t4 - t3, plan.visited);
    fputs(sb_cstr(&sum), stderr);
    sb_free(&sum);
    fflush(NULL);
    const char *why = NULL;
    rc = runner_landlock_exec(&plan, kabi, resolved, cmd, &a, &why);
    fprintf(stderr, "buckle run: error: %s\n", why ? why : "cannot run the command");
    if (rc == 126 || rc == 127) {
        /* restricted already: run nothing more in this process (no exit
         * handlers, no sanitizer reports from inside the sandbox) */
        fflush(NULL);
        _exit(rc);
    }
out:
    if (have_plan) ll_plan_free(&plan);
    if (d) decider_free(d);
    if (c) compilation_free(c);
    arena_free(&a);
    return rc;
}
