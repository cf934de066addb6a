/* eval_common.c - shared by query, test, diff and why. */
#include "eval_common.h"
#include "../runner/elf_interp.h"
#include "../runner/landlock_cache.h"
#include "../runner/runner.h"
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { OPT_VNODE = OPT_OWN + 0x80, OPT_BREAK_ORDER };

static int eval_option(void *ud, int key, const char *arg, int choice)
{
    eval_args *ea = ud;
    if (key == OPT_VNODE) {
        ea->vnode = sb_vnode_type_named(arg);
        if (ea->vnode) return 0;
        strbuf b;
        sb_init(&b);
        for (size_t i = 0; sb_vnode_type_at(i); i++)
            sb_printf(&b, "%s%s", i == 0 ? "" : sb_vnode_type_at(i + 1) ? ", " : " or ", sb_vnode_type_at(i));
        int rc = cli_usage_error(ea->cmd, "--vnode-type takes %s, not %.100s%s", sb_cstr(&b), arg, strlen(arg) > 100 ? "..." : "");
        sb_free(&b);
        return rc;
    }
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
    ea->cmd = cmd;
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
    const sb_param *vals = ea->params;
    if (ea->nrun) {
        sb_param *all = arena_alloc(&ea->a, (ea->ndef + ea->nrun) * sizeof *all);
        if (ea->ndef) memcpy(all, ea->params, ea->ndef * sizeof *all);
        memcpy(all + ea->ndef, ea->run_vals, ea->nrun * sizeof *all);
        vals = all;
    }
    crosscheck *x = crosscheck_new(c, vals, ea->ndef + ea->nrun, ea->break_order);
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

int eval_linux_plan(const eval_args *ea, crosscheck *x, int abi, arena *a, ll_plan *p)
{
    /* this process stands for the command: its /proc/PID is planned as the
     * command's own, /proc/self maps to it (landlock_proc.c); the classes
     * accepted as in a run */
    char ld[PATH_MAX];
    const char *interp = eval_system_loader(ld, sizeof ld);
    backend_in in = { .c = x->c, .d = x->d, .abi = abi, .accept = ea->co.linux_accept,
                      .host_map = compile_platform(x->c) == PLAT_MACOS, .interp = interp ? arena_strdup(a, interp) : NULL,
                      .run_pid = (long)getpid(), .mounts = ll_userns_usable() };
    ll_plan_build(a, &in, p);
    return in.host_map;
}

size_t eval_run_builtins(arena *a, sb_param *out)
{
    run_builtins rb;
    runner_builtin_values(a, NULL, RB_OWN_TMPDIR | RB_LOOKUP_USER, &rb);
    static const int order[] = { RB_HOME, RB_USER, RB_TMPDIR, RB_WORKDIR };
    size_t n = 0;
    for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
        int k = order[i];
        const char *v = rb.value[k];
        if (!v || !*v) continue;
        /* a value the run would refuse (not canonical, a link on its way):
         * the path it names */
        char real[PATH_MAX];
        if (k != RB_USER && runner_builtin_linux_problem(a, &rb, k) && realpath(v, real)) v = arena_strdup(a, real);
        out[n++] = (sb_param){ rb.name[k], v };
    }
    return n;
}

size_t eval_run_values(eval_args *ea, const char **said)
{
    sb_param *out = arena_alloc(&ea->a, RB_COUNT * sizeof *out);
    sb_param all[RB_COUNT];
    size_t nall = eval_run_builtins(&ea->a, all), n = 0;
    strbuf b;
    sb_init(&b);
    for (size_t i = 0; i < nall; i++) {
        int given = 0;
        for (size_t k = 0; k < ea->ndef; k++) given |= !strcmp(ea->params[k].name, all[i].name);
        if (given) continue;
        out[n++] = all[i];
        sb_printf(&b, "%s%s=%s", b.len ? ", " : "", all[i].name, all[i].value);
    }
    *said = arena_strdup(&ea->a, b.len ? b.data : "");
    sb_free(&b);
    ea->run_vals = out;
    ea->nrun = n;
    return n;
}

/* The paths `buckle run FILE` keeps unwritable (its sources, the extends
 * candidates, -I and $BUCKLE_PATH, the run cache: docs/linux.md), worked
 * out as the run does: the plan then grants what the run's does. */
const char **eval_run_protected(cli_env *env, arena *a, const eval_args *ea, const compilation *c, const char *file,
                                size_t *n, const char *const **hide, size_t *nhide)
{
    compile_opts co = { 0 };
    cli_compile_opts(env, &co);
    run_request rq;
    memset(&rq, 0, sizeof rq);
    rq.profile = file;
    rq.incs = ea->incs;
    rq.ninc = ea->ninc;
    rq.std_dirs = co.std_dirs;
    rq.buckle_path = co.buckle_path;
    rq.exe_path = env->exe_path;
    rq.no_cache = 1;                  /* the cache is only named, not opened */
    const char *dirs[2];
    int fd;
    size_t nd = ll_cache_dirs(a, &rq, dirs, &fd, NULL);
    *hide = ll_hidden_paths(a, dirs, nd, nhide);
    return ll_protected_paths(a, &rq, c->deps, c->ndeps, c->probes, c->nprobes, dirs, nd, 0, n);
}

const char *eval_protected_near(const char *const *prot, size_t nprot, const char *host)
{
    if (host[0] != '/') return NULL;
    const char *sl = strrchr(host, '/');
    size_t dl = sl == host ? 1 : (size_t)(sl - host), hl = strlen(host);
    for (size_t i = 0; i < nprot; i++) {
        size_t pl = strlen(prot[i]);
        int below = (pl >= hl && !strncmp(prot[i], host, hl) && (pl == hl || prot[i][hl] == '/' || hl == 1)) ||
                    (pl >= dl && !strncmp(prot[i], host, dl) && (pl == dl || prot[i][dl] == '/' || dl == 1));
        if (below) return prot[i];
    }
    return NULL;
}

int eval_linux_decide(cli_env *env, const eval_args *ea, const char *file, compilation *c, decider *d, int abi,
                      const sb_request *q, arena *out, const char **why)
{
    arena a;
    arena_init(&a);
    size_t nprot, nhide;
    const char *const *hide;
    const char **prot = eval_run_protected(env, &a, ea, c, file, &nprot, &hide, &nhide);
    char ld[PATH_MAX];
    const char *interp = eval_system_loader(ld, sizeof ld);
    backend_in in = { .c = c, .d = d, .abi = abi, .accept = ea->co.linux_accept, .protect = prot, .nprotect = nprot,
                      .host_map = compile_platform(c) == PLAT_MACOS, .interp = interp ? arena_strdup(&a, interp) : NULL,
                      .run_pid = (long)getpid(), .hide = hide, .nhide = nhide, .mounts = ll_userns_usable() };
    ll_plan p;
    ll_plan_build(&a, &in, &p);
    const char *host = q->kind == OBJ_PATH ? ll_host_path(&a, q->obj, in.host_map) : q->obj;
    const char *w = "";
    int ans = ll_plan_decide(&p, q, host, &a, &w);
    const char *near = ans == 1 && !strncmp(op_get(q->op)->name, "file-write", 10) ? eval_protected_near(prot, nprot, host) : NULL;
    if (near)
        *why = arena_printf(out, "%s; buckle run keeps its own files unwritable: %s (%s)", w ? w : "", near,
                            EVAL_PROTECT_HOW);
    else *why = arena_strdup(out, w ? w : "");
    ll_plan_free(&p);
    arena_free(&a);
    return ans;
}
