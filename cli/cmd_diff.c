/* cmd_diff.c - `buckle diff OLD NEW`: the requests whose decision changes
 * (daily/diff.h), widenings first.  Exit 0 the same, 1 they differ. */
#include "eval_common.h"
#include "../daily/diff.h"
#include "../backend/sbpl_file.h"
#include "git_rev.h"
#include <limits.h>
#include <string.h>

static const char usage[] =
    "usage: buckle diff [-I DIR]... [-D NAME=VALUE]... [--format text|json] OLD NEW\n"
    "\n"
    "OLD (or NEW) may be REV:PATH: PATH as it was at git revision REV, with the\n"
    "files beside it (its bases), PATH relative to the current directory.\n"
    "\n"
    "Compares the decisions of two profiles (.buckle or .sb) over every object\n"
    "either one names: each path with its ancestors, a child and siblings with a\n"
    "common prefix, each name with its prefix boundary, each address and port;\n"
    "for every operation.  The requests that change are grouped by the rule that\n"
    "decided them on each side, widenings (deny -> allow) first.\n"
    "\n"
    "Exit status: 0 the same decisions, 1 they differ or a profile has errors,\n"
    "2 usage error or unreadable input.\n";

typedef struct opened { diff_side side; sbpl_file f; int sb_live; } opened;

/* out with every "DIR/" of an unpacked revision written "REV:" (the
 * temporary directory's name is not part of the answer) */
static void unrev(strbuf *out, const char *text, const char *dir, const char *spec)
{
    strbuf fb;
    sb_init(&fb);
    sb_printf(&fb, "%s/", dir);
    const char *from = sb_cstr(&fb);
    size_t fl = fb.len, rl = (size_t)(strchr(spec, ':') - spec);
    for (const char *p = text; *p;) {
        const char *m = strstr(p, from);
        if (!m) { sb_puts(out, p); break; }
        sb_add(out, p, (size_t)(m - p));
        sb_add(out, spec, rl + 1);
        p = m + fl;
    }
    sb_free(&fb);
}

static int open_sb(opened *o, eval_args *ea, const char *file)
{
    const char *err;
    o->sb_live = 1;
    if (sbpl_file_open(&o->f, file, ea->params, ea->ndef, ea->incs, ea->ninc, &err) != 0) {
        cli_error("diff", "cannot read %s: %s", file, err);
        return 2;
    }
    cli_print_diags(&o->f.dl, stderr);
    if (!o->f.pol) return 1;
    o->side.is_sb = 1;
    o->side.pol = o->f.pol;
    o->side.a = &o->f.a;
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
    if (o->sb_live) sbpl_file_close(&o->f);
}

/* --format: json is choice 1 */
static int format_option(void *ud, int key, const char *arg, int choice)
{
    (void)arg;
    if (key != OPT_FORMAT) return -1;
    *(int *)ud = choice == 1;
    return 0;
}

int cmd_diff(cli_env *env, int argc, char **argv)
{
    static const cli_opt own[] = { { "format", OPT_FORMAT, 1, "text|json" }, { NULL, 0, 0, NULL } };
    int json = 0;
    eval_args ea;
    int rc = eval_args_parse(&ea, "diff", usage, argc, argv, own, format_option, &json);
    if (rc) { eval_args_free(&ea); return rc < 0 ? 0 : rc; }
    if (ea.npos != 2) { eval_args_free(&ea); return cli_usage_error("diff", "expected OLD NEW"); }
    /* REV:PATH sides are unpacked first */
    char dirs[2][PATH_MAX], paths[2][PATH_MAX];
    const char *files[2];
    int made[2] = { 0, 0 };
    for (int k = 0; k < 2; k++) {
        files[k] = ea.pos[k];
        if (!git_rev_spec(ea.pos[k])) continue;
        if (git_rev_checkout(ea.pos[k], dirs[k], paths[k], PATH_MAX) != 0) {
            if (k) git_rev_remove(dirs[0]);
            eval_args_free(&ea);
            return 2;
        }
        made[k] = 1;
        files[k] = paths[k];
    }
    opened o, n;
    rc = open_side(&o, env, &ea, files[0]);
    if (!rc) rc = open_side(&n, env, &ea, files[1]);
    else memset(&n, 0, sizeof n);
    if (rc) {
        close_side(&n);
        close_side(&o);
        for (int k = 0; k < 2; k++) if (made[k]) git_rev_remove(dirs[k]);
        eval_args_free(&ea);
        return rc;
    }
    diff_result r;
    diff_run(&r, &o.side, &n.side);
    strbuf b;
    sb_init(&b);
    if (json) {
        char *out = diff_render_json(&r, ea.pos[0], ea.pos[1]);
        if (out) { sb_puts(&b, out); sb_putc(&b, '\n'); }
        free(out);
    } else {
        diff_render_text(&b, &r, ea.pos[0], ea.pos[1]);
    }
    for (int k = 0; k < 2; k++) {
        if (!made[k]) continue;
        strbuf t;
        sb_init(&t);
        unrev(&t, sb_cstr(&b), dirs[k], ea.pos[k]);
        sb_free(&b);
        b = t;
    }
    rc = !b.len || cli_write_file("-", b.data, b.len) ? 2 : r.n ? 1 : 0;
    sb_free(&b);
    diff_result_free(&r);
    close_side(&n);
    close_side(&o);
    for (int k = 0; k < 2; k++) if (made[k]) git_rev_remove(dirs[k]);
    eval_args_free(&ea);
    return rc;
}
