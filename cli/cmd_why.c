/* cmd_why.c - `buckle why PROFILE [LOG|-]`: the denials of a log explained
 * by a profile, each with the narrowest rule that allows it (daily/why.h). */
#include "eval_common.h"
#include "../runner/runner.h"
#include "../daily/why.h"
#include "../lint/lint.h"
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

static const char usage[] =
    "usage: buckle why [-I DIR]... [-D NAME=VALUE]... [-v] [--format text|json] PROFILE [LOG|-]\n"
    "\n"
    "Reads sandbox denials from LOG (standard input when it is - or missing), as\n"
    "`log show` and `log stream` print them: plain lines, --style ndjson or\n"
    "--style json.  For each distinct denial (operation and object, with its\n"
    "count and processes) it prints the rule of PROFILE (.buckle or .sb) that\n"
    "decided it, or the default, whether that rule is final, and the narrowest\n"
    "rule that would allow it, checked by compiling and linting the profile with\n"
    "that rule added.  A denial the profile allows came from another layer.\n"
    "\n"
    "HOME, USER and TMPDIR are taken from the log's paths unless -D gives them;\n"
    "for Landlock's records (Linux) HOME, USER, TMPDIR and WORKDIR are the ones\n"
    "`buckle run` takes here (the environment's, the current directory), unless\n"
    "the log's paths name another /home/NAME.  The report names every value it chose.\n"
    "Lines that are not denials are counted; -v lists the ones that look like\n"
    "denials but cannot be read.\n"
    "\n"
    "Exit status: 0 explained, 1 the profile has errors, 2 usage error or unreadable input.\n";

typedef struct why_cli { int verbose, json; } why_cli;

/* Landlock's plan for the profile, as `buckle query --platform linux` makes it */
typedef struct why_linux { cli_env *env; const eval_args *ea; const char *file; int abi; } why_linux;

static int linux_decide(void *ctx, compilation *c, decider *d, const sb_request *q, arena *a, const char **why)
{
    const why_linux *l = ctx;
    return eval_linux_decide(l->env, l->ea, l->file, c, d, l->abi, q, a, why);
}

static int to_stdout(void *ctx, const char *data, size_t len)
{
    (void)ctx;
    return cli_write_file("-", data, len);
}

static int own_option(void *ud, int key, const char *arg, int choice)
{
    why_cli *w = ud;
    (void)arg;
    if (key == 'v') { w->verbose = 1; return 0; }
    if (key == OPT_FORMAT) { w->json = choice == 1; return 0; }
    return -1;
}

int cmd_why(cli_env *env, int argc, char **argv)
{
    static const cli_opt own[] = { { NULL, 'v', 0, NULL }, { "format", OPT_FORMAT, 1, "text|json" }, { NULL, 0, 0, NULL } };
    why_cli w0 = { 0, 0 };
    eval_args ea;
    int rc = eval_args_parse(&ea, "why", usage, argc, argv, own, own_option, &w0);
    if (rc) { eval_args_free(&ea); return rc < 0 ? 0 : rc; }
    int verbose = w0.verbose, json = w0.json;
    if (ea.npos < 1 || ea.npos > 2) {
        eval_args_free(&ea);
        return cli_usage_error("why", ea.npos ? "too many arguments" : "expected PROFILE [LOG|-]");
    }
    const char *profile = ea.pos[0];
    const char *logname = ea.npos == 2 ? ea.pos[1] : "-";
    if (!strcmp(profile, "-")) { eval_args_free(&ea); return cli_usage_error("why", "the profile cannot be standard input"); }
    FILE *f = strcmp(logname, "-") ? fopen(logname, "rb") : stdin;
    if (!f) {
        cli_error("why", "cannot read %s: %s", logname, strerror(errno));
        eval_args_free(&ea);
        return 2;
    }
    why_log w;
    why_log_init(&w);
    /* for tests: check each suggested rule with its own compilation, and
     * count the compilations (standard error) */
    const char *dbg = getenv("BUCKLE_WHY_DEBUG");
    w.one_by_one = dbg && strstr(dbg, "one-by-one") != NULL;
    int rd = why_log_read(&w, f);
    int err = errno;
    if (f != stdin) fclose(f);
    if (rd) {
        cli_error("why", "cannot read %s: %s", logname, strerror(err));
        why_log_free(&w);
        eval_args_free(&ea);
        return 2;
    }
    why_log_sort(&w);
    /* the values `buckle run` takes (for Landlock's records) */
    sb_param runenv[RB_COUNT];
    size_t nenv = eval_run_builtins(&ea.a, runenv);
    why_value guessed[4];
    size_t ng = why_guess_params(&w, ea.params, ea.ndef, runenv, nenv, guessed, 4);
    sb_param *params = arena_alloc(&ea.a, (ea.ndef + ng + 1) * sizeof *params);
    for (size_t i = 0; i < ea.ndef; i++) params[i] = ea.params[i];
    for (size_t i = 0; i < ng; i++) params[ea.ndef + i] = (sb_param){ guessed[i].name, guessed[i].value };
    const char *shown_log = strcmp(logname, "-") ? logname : "<stdin>";
    /* the query command a Landlock denial names: with every value why used */
    strbuf qc;
    sb_init(&qc);
    sb_puts(&qc, "buckle query --platform linux");
    for (size_t i = 0; i < ea.ninc; i++) { sb_puts(&qc, " -I "); sb_sh_word(&qc, ea.incs[i]); }
    for (size_t i = 0; i < ea.ndef + ng; i++) {
        sb_puts(&qc, " -D ");
        sb_sh_word(&qc, arena_printf(&ea.a, "%s=%s", params[i].name, params[i].value));
    }
    sb_putc(&qc, ' ');
    sb_sh_word(&qc, profile);
    w.query_cmd = arena_strdup(&w.a, sb_cstr(&qc));
    sb_free(&qc);
    rc = 0;
    if (is_sb_path(profile)) {
        arena a;
        arena_init(&a);
        diag_list dl;
        diag_list_init(&dl, &a);
        source *keep = NULL;
        rc = why_explain_sb(&w, profile, ea.incs, ea.ninc, params, ea.ndef + ng, &dl, &keep);
        cli_print_diags_as(&dl, stderr, "buckle why");
        while (keep) { source *n = keep->next; source_free(keep); keep = n; }
        arena_free(&a);
    } else {
        compile_opts o = { 0 };
        o.include_dirs = ea.incs;
        o.ninclude = ea.ninc;
        o.defines = ea.defs;
        o.ndefines = ea.ndef;
        cli_compile_opts(env, &o);
        if (w.landlock) o.platform = PLAT_LINUX;   /* Landlock's denials: the profile as Linux reads it */
        compilation *c = compilation_new(&o);
        rc = compile_profile(c, profile);
        cli_print_diags_as(&c->diags, stderr, "buckle why");
        if (rc == 0) {
            const char *missing = NULL;
            int abi = ll_abi_probe();
            why_linux l = { env, &ea, profile, abi ? abi : LL_ABI_MAX };
            if (why_explain_buckle(&w, c, params, ea.ndef + ng, w.landlock ? linux_decide : NULL, &l, &missing)) {
                cli_error("why", "%s: parameter %s has no value; declare a default or pass -D %s=VALUE", profile, missing, missing);
                rc = 1;
            }
        }
        compilation_free(c);
    }
    if (dbg && strstr(dbg, "stats"))
        fprintf(stderr, "buckle why: %zu distinct, %lu compilations of the profile to check suggested rules, %lu of them for one rule\n",
                w.ngroups, w.checks_compiled, w.checks_one);
    if (rc == 0) {
        if ((json ? why_render_json : why_render_text)(to_stdout, NULL, &w, profile, shown_log, guessed, ng, verbose)) rc = 2;
    }
    why_log_free(&w);
    eval_args_free(&ea);
    return rc;
}
