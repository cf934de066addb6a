/* eval_common.c - shared by query and test. */
#include "eval_common.h"
#include <string.h>

int eval_args_parse(eval_args *ea, const char *cmd, const char *usage, int argc, char **argv)
{
    memset(ea, 0, sizeof *ea);
    arena_init(&ea->a);
    ea->incs = arena_alloc(&ea->a, ((size_t)argc + 1) * sizeof *ea->incs);
    ea->defs = arena_alloc(&ea->a, ((size_t)argc + 1) * sizeof *ea->defs);
    ea->params = arena_alloc(&ea->a, ((size_t)argc + 1) * sizeof *ea->params);
    ea->pos = arena_alloc(&ea->a, ((size_t)argc + 1) * sizeof *ea->pos);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { fputs(usage, stdout); return -1; }
        if (!strcmp(a, "--test-break-order")) { ea->break_order = 1; continue; }
        if (!strcmp(a, "-I") || !strcmp(a, "-D") || !strcmp(a, "--vnode-type")) {
            if (i + 1 >= argc) return cli_usage_error(cmd, "%s needs a value", a);
            const char *v = argv[++i];
            if (a[1] == 'I') ea->incs[ea->ninc++] = v;
            else if (a[1] == 'D') {
                const char *err = define_parse(&ea->a, v, &ea->defs[ea->ndef]);
                if (err) return cli_usage_error(cmd, "-D %s: %s", v, err);
                ea->params[ea->ndef] = (sb_param){ ea->defs[ea->ndef].name, ea->defs[ea->ndef].value };
                ea->ndef++;
            } else ea->vnode = v;
            continue;
        }
        if (!strncmp(a, "-I", 2) && a[2]) { ea->incs[ea->ninc++] = a + 2; continue; }
        if (!strncmp(a, "-D", 2) && a[2]) {
            const char *err = define_parse(&ea->a, a + 2, &ea->defs[ea->ndef]);
            if (err) return cli_usage_error(cmd, "-D %s: %s", a + 2, err);
            ea->params[ea->ndef] = (sb_param){ ea->defs[ea->ndef].name, ea->defs[ea->ndef].value };
            ea->ndef++;
            continue;
        }
        if (a[0] == '-' && a[1]) return cli_usage_error(cmd, "unknown option %s", a);
        ea->pos[ea->npos++] = a;
    }
    return 0;
}

void eval_args_free(eval_args *ea) { arena_free(&ea->a); }

crosscheck *eval_open(cli_env *env, eval_args *ea, const char *cmd, const char *file, int *rc)
{
    compile_opts o = { 0 };
    o.include_dirs = ea->incs;
    o.ninclude = ea->ninc;
    o.defines = ea->defs;
    o.ndefines = ea->ndef;
    cli_compile_opts(env, &o);
    compilation *c = compilation_new(&o);
    *rc = compile_profile(c, file);
    cli_print_diags(&c->diags, stderr);
    if (*rc) { compilation_free(c); return NULL; }
    crosscheck *x = crosscheck_new(c, ea->params, ea->ndef, ea->break_order);
    const char *missing = decider_missing(x->d);
    if (missing) {
        fprintf(stderr, "buckle %s: error: %s: parameter %s has no value; declare a default or pass -D %s=VALUE\n",
                cmd, file, missing, missing);
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

