/* cmd_diff.c - `buckle diff OLD NEW`: the requests whose decision changes
 * (daily/diff.h), widenings first.  Exit 0 the same, 1 they differ. */
#include "eval_common.h"
#include "../daily/diff.h"
#include <string.h>

static const char usage[] =
    "usage: buckle diff [-I DIR]... [-D NAME=VALUE]... [--format text|json] OLD NEW\n"
    "\n"
    "Compares the decisions of two profiles (.buckle or .sb) over every object\n"
    "either one names: each path with its ancestors, a child and siblings with a\n"
    "common prefix, each name with its prefix boundary, each address and port;\n"
    "for every operation.  The requests that change are grouped by the rule that\n"
    "decided them on each side, widenings (deny -> allow) first.\n"
    "\n"
    "Exit status: 0 the same decisions, 1 they differ or a profile has errors,\n"
    "2 usage error or unreadable input.\n";

typedef struct opened { diff_side side; source *src, *imported; arena a; diag_list dl; } opened;

static int open_sb(opened *o, eval_args *ea, const char *file)
{
    arena_init(&o->a);
    diag_list_init(&o->dl, &o->a);
    const char *err;
    o->src = source_read(file, file, &err);
    if (!o->src) { fprintf(stderr, "buckle diff: error: cannot read %s: %s\n", file, err); return 2; }
    size_t ntest;
    const sb_param *tv = test_param_values(&ntest);
    sb_param *all = arena_alloc(&o->a, (ea->ndef + ntest + 1) * sizeof *all);
    size_t n = 0;
    for (size_t i = 0; i < ea->ndef; i++) all[n++] = ea->params[i];
    for (size_t i = 0; i < ntest; i++) all[n++] = tv[i];
    const char **dirs = arena_alloc(&o->a, (ea->ninc + 2) * sizeof *dirs);
    size_t nd = 0;
    for (size_t i = 0; i < ea->ninc; i++) dirs[nd++] = ea->incs[i];
    const char *slash = strrchr(file, '/');
    dirs[nd++] = slash ? arena_strndup(&o->a, file, (size_t)(slash - file)) : ".";
    size_t np;
    sb_param *pd = derive_sbpl_params(&o->a, all, n, &np);
    sbpl_eval_opts eo = { pd, np, dirs, nd, &o->imported };
    sbpl_read_opts ro = { 0, 0, 1 };
    sexp *top = sbpl_read(&o->a, &o->dl, o->src, &ro);
    sb_policy *p = o->dl.errors ? NULL : sbpl_eval(&o->a, &o->dl, o->src, top, &eo);
    cli_print_diags(&o->dl, stderr);
    if (!p || o->dl.errors) return 1;
    o->side.is_sb = 1;
    o->side.pol = p;
    o->side.a = &o->a;
    return 0;
}

static int open_side(opened *o, cli_env *env, eval_args *ea, const char *file)
{
    memset(o, 0, sizeof *o);
    if (is_sb_path(file)) return open_sb(o, env ? ea : ea, file);
    int rc;
    crosscheck *x = eval_open(env, ea, "diff", file, &rc);
    if (!x) return rc;
    o->side.c = x->c;
    o->side.x = x;
    o->side.pol = x->pol;
    o->side.a = &x->a;
    return 0;
}

static void close_side(opened *o)
{
    if (o->side.x) { eval_close(o->side.x); return; }
    while (o->imported) { source *n = o->imported->next; source_free(o->imported); o->imported = n; }
    if (o->src) source_free(o->src);
    if (o->side.is_sb || o->src) arena_free(&o->a);
}

int cmd_diff(cli_env *env, int argc, char **argv)
{
    char **rest = xcalloc((size_t)argc + 1, sizeof *rest);
    int nrest = 0, json = 0;
    for (int i = 0; i < argc; i++) {
        if (i > 0 && (!strcmp(argv[i], "--format") || !strncmp(argv[i], "--format=", 9))) {
            const char *v = argv[i][8] == '=' ? argv[i] + 9 : i + 1 < argc ? argv[++i] : NULL;
            if (!v) { free(rest); return cli_usage_error("diff", "--format needs a value (text or json)"); }
            if (!strcmp(v, "json")) json = 1;
            else if (strcmp(v, "text")) { free(rest); return cli_usage_error("diff", "unknown format %s (text or json)", v); }
            continue;
        }
        rest[nrest++] = argv[i];
    }
    eval_args ea;
    int rc = eval_args_parse(&ea, "diff", usage, nrest, rest);
    free(rest);
    if (rc) { eval_args_free(&ea); return rc < 0 ? 0 : rc; }
    if (ea.npos != 2) { eval_args_free(&ea); return cli_usage_error("diff", "expected OLD NEW"); }
    opened o, n;
    rc = open_side(&o, env, &ea, ea.pos[0]);
    if (rc) { close_side(&o); eval_args_free(&ea); return rc; }
    rc = open_side(&n, env, &ea, ea.pos[1]);
    if (rc) { close_side(&n); close_side(&o); eval_args_free(&ea); return rc; }
    diff_result r;
    diff_run(&r, &o.side, &n.side);
    if (json) {
        char *out = diff_render_json(&r, ea.pos[0], ea.pos[1]);
        rc = !out || cli_write_file("-", out, strlen(out)) || cli_write_file("-", "\n", 1) ? 2 : r.n ? 1 : 0;
        free(out);
    } else {
        strbuf b;
        sb_init(&b);
        diff_render_text(&b, &r, ea.pos[0], ea.pos[1]);
        rc = cli_write_file("-", b.data, b.len) ? 2 : r.n ? 1 : 0;
        sb_free(&b);
    }
    diff_result_free(&r);
    close_side(&n);
    close_side(&o);
    eval_args_free(&ea);
    return rc;
}
