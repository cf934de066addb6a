/* eval_common.c - shared by query, test, diff and why. */
#include "eval_common.h"
#include "../runner/elf_interp.h"
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { OPT_VNODE = OPT_OWN + 0x80, OPT_BREAK_ORDER };

static int eval_option(void *ud, int key, const char *arg, int choice)
{
    eval_args *ea = ud;
    if (key == OPT_VNODE) { ea->vnode = arg; return 0; }
    if (key == OPT_BREAK_ORDER) { ea->break_order = 1; return 0; }
    return ea->fn ? ea->fn(ea->ud, key, arg, choice) : -1;
}

int eval_args_parse(eval_args *ea, const char *cmd, const char *usage, int argc, char **argv,
                    const cli_opt *own, cli_opt_fn fn, void *ud)
{
    return eval_args_parse_with(ea, cmd, usage, 0, argc, argv, own, fn, ud);
}

int eval_args_parse_with(eval_args *ea, const char *cmd, const char *usage, unsigned extra, int argc, char **argv,
                         const cli_opt *own, cli_opt_fn fn, void *ud)
{
    static const cli_opt eval_rows[] = {
        { "vnode-type", OPT_VNODE, 1, NULL },
        { "test-break-order", OPT_BREAK_ORDER, 0, NULL },
    };
    memset(ea, 0, sizeof *ea);
    arena_init(&ea->a);
    ea->fn = fn;
    ea->ud = ud;
    size_t nown = 0;
    while (own && own[nown].key) nown++;
    size_t ne = sizeof eval_rows / sizeof eval_rows[0];
    cli_opt *rows = arena_alloc(&ea->a, (ne + nown + 1) * sizeof *rows);
    memcpy(rows, eval_rows, sizeof eval_rows);
    if (nown) memcpy(rows + ne, own, nown * sizeof *own);
    cli_spec spec = { cmd, usage, CLI_INCLUDE | CLI_DEFINE | extra, rows, eval_option, ea, 0, 0 };
    int rc = cli_opts_parse(&ea->co, &spec, argc, argv);
    ea->incs = ea->co.incs;
    ea->ninc = ea->co.ninc;
    ea->defs = ea->co.defs;
    ea->ndef = ea->co.ndef;
    ea->params = ea->co.params;
    ea->pos = ea->co.pos;
    ea->npos = ea->co.npos;
    if (extra & CLI_PLATFORM) {
        ea->platform = ea->co.platform;
        ea->ll_abi = ea->co.ll_abi;
    }
    return rc;
}

void eval_args_free(eval_args *ea)
{
    cli_opts_free(&ea->co);
    arena_free(&ea->a);
}

crosscheck *eval_open(cli_env *env, eval_args *ea, const char *cmd, const char *file, int *rc)
{
    compile_opts o = { 0 };
    o.include_dirs = ea->incs;
    o.ninclude = ea->ninc;
    o.defines = ea->defs;
    o.ndefines = ea->ndef;
    o.platform = ea->platform;
    cli_compile_opts(env, &o);
    compilation *c = compilation_new(&o);
    *rc = compile_profile(c, file);
    char who[64];
    snprintf(who, sizeof who, "buckle %s", cmd);
    cli_print_diags_as(&c->diags, stderr, who);
    if (*rc) { compilation_free(c); return NULL; }
    crosscheck *x = crosscheck_new(c, ea->params, ea->ndef, ea->break_order);
    const char *missing = decider_missing(x->d);
    if (missing) {
        cli_error(cmd, "%s: parameter %s has no value; declare a default or pass -D %s=VALUE", file, missing, missing);
        eval_close(x);
        *rc = 1;
        return NULL;
    }
    return x;
}

void eval_close(crosscheck *x)
{
    if (!x) return;
    compilation *c = x->c;
    crosscheck_free(x);
    compilation_free(c);
}


const char *eval_system_loader(char *buf, size_t n)
{
    char named[PATH_MAX];
    if (elf_interp("/bin/sh", named, sizeof named) != 0) return NULL;
    char *rp = realpath(named, NULL);
    int ok = rp && strlen(rp) < n;
    if (ok) strcpy(buf, rp);
    free(rp);
    return ok ? buf : NULL;
}

int eval_linux_plan(crosscheck *x, int abi, arena *a, ll_plan *p)
{
    /* this process stands for the command: its /proc/PID is planned as the
     * command's own, /proc/self maps to it (landlock_proc.c) */
    char ld[PATH_MAX];
    const char *interp = eval_system_loader(ld, sizeof ld);
    backend_in in = { .c = x->c, .d = x->d, .abi = abi, .host_map = compile_platform(x->c) == PLAT_MACOS,
                      .interp = interp ? arena_strdup(a, interp) : NULL, .run_pid = (long)getpid() };
    ll_plan_build(a, &in, p);
    return in.host_map;
}
