/* cmd_diff.c - `buckle diff OLD NEW`: the requests whose decision changes
 * (daily/diff.h), widenings first.  Exit 0 the same, 1 they differ. */
#include "eval_common.h"
#include "../daily/diff.h"
#include "../backend/sbpl_file.h"
#include "git_rev.h"
#include <limits.h>
#include <string.h>

static const char usage[] =
    "usage: buckle diff [-I DIR]... [-D NAME=VALUE]... [-U NAME]... [--format text|json]\n"
    "                   [--old-as sbpl|buckle] [--new-as sbpl|buckle] OLD NEW\n"
    "\n"
    "OLD (or NEW) may be REV:PATH: PATH as it was at git revision REV, with the\n"
    "files beside it (its bases), PATH relative to the current directory.\n"
    "A file named .sb or .sbpl is SBPL, .buckle is buckle; any other name is read\n"
    "as SBPL when its text starts with '(', ';' or #| (after blanks), else as\n"
    "buckle; --old-as and --new-as say it instead.\n"
    "\n"
    "The sbpl verbatim blocks of a .buckle side are compared too when every\n"
    "parameter they read has a value (-D, or a declared default) or is said not\n"
    "to be passed (-U NAME), and the SBPL evaluator decides them.  Otherwise they\n"
    "are left out, with the forms of an SBPL side that the other side keeps in\n"
    "them (the same text; definitions excepted), and standard error says why.\n"
    "\n"
    "Compares the decisions of two profiles (.buckle or .sb) over every object\n"
    "either one names: each path with its ancestors, a child and siblings with a\n"
    "common prefix, each name with its prefix boundary, each address and port;\n"
    "for every operation.  The requests that change are grouped by the rule that\n"
    "decided them on each side, widenings (deny -> allow) first.\n"
    "\n"
    "Exit status: 0 the same decisions, 1 they differ or a profile has errors,\n"
    "2 usage error or unreadable input.\n";

enum { OPT_OLD_AS = OPT_OWN + 1, OPT_NEW_AS, DIFF_MAX_UNSET = 64 };
typedef struct diff_flags {
    int json;
    int as[2];                 /* -1 by name or text, 1 sbpl, 0 buckle */
    const char *unset[DIFF_MAX_UNSET];   /* -U: parameters the program does not pass */
    size_t nunset;
} diff_flags;

typedef struct opened { diff_side side; sbpl_file f; int sb_live; vb_eval vb; } opened;

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

/* the text of each top-level form of the sbpl verbatim blocks of a .buckle
 * side: the forms an SBPL side leaves out of the comparison */
typedef struct verbatim_forms { const char **text; size_t *len; size_t n; } verbatim_forms;

static void collect_verbatim(verbatim_forms *v, arena *a, const compilation *c)
{
    for (size_t i = 0; i < c->pol.nraw; i++) {
        const raw_block *b = &c->pol.raw[i];
        if (!b->ast->verbatim) continue;
        const source *src = b->ast->text.at.src ? b->ast->text.at.src : b->u->src;
        sbpl_read_opts ro = { .start = b->ast->text.at.start, .end = b->ast->text.at.start + (uint32_t)b->ast->text.len };
        diag_list quiet;   /* the compiler read it without errors */
        diag_list_init(&quiet, a);
        for (const sexp *x = sbpl_read(a, &quiet, src, &ro); x; x = x->next) {
            v->text = arena_grow(a, v->text, v->n, v->n, sizeof *v->text);
            v->len = arena_grow(a, v->len, v->n, v->n, sizeof *v->len);
            v->text[v->n] = src->text + x->at.start;
            v->len[v->n++] = x->at.end - x->at.start;
        }
    }
}

static int kept_verbatim(const verbatim_forms *v, const source *src, const sexp *x)
{
    if (!v || (x->kind == SX_LIST && x->child && sexp_is_sym(x->child, "define"))) return 0;
    size_t l = x->at.end - x->at.start;
    for (size_t i = 0; i < v->n; i++)
        if (v->len[i] == l && !memcmp(v->text[i], src->text + x->at.start, l)) return 1;
    return 0;
}

/* sbpl_file_open's filter: a form the other side keeps verbatim is left out */
static int drop_verbatim(void *ud, const source *src, const sexp *x, diag_list *dl)
{
    if (!kept_verbatim(ud, src, x)) return 0;
    diag_add(dl, SEV_INFO, NULL, x->at, "left out of the comparison: the other profile keeps this form in an sbpl "
             "verbatim block, which buckle does not evaluate");
    return 1;
}

static int open_sb(opened *o, eval_args *ea, const char *file, const verbatim_forms *vf)
{
    const char *err;
    o->sb_live = 1;
    if (sbpl_file_open(&o->f, file, ea->params, ea->ndef, ea->incs, ea->ninc, vf ? drop_verbatim : NULL, (void *)vf, &err) != 0) {
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

/* 1 SBPL, 0 buckle, -1 unreadable: by the name, else by the text */
static int reads_as_sbpl(const char *file)
{
    size_t n = strlen(file);
    if ((n > 3 && !strcmp(file + n - 3, ".sb")) || (n > 5 && !strcmp(file + n - 5, ".sbpl"))) return 1;
    if (n > 7 && !strcmp(file + n - 7, ".buckle")) return 0;
    const char *err;
    source *s = source_read(file, file, &err);
    if (!s) { cli_error("diff", "cannot read %s: %s", file, err); return -1; }
    size_t i = 0;
    while (i < s->len && (s->text[i] == ' ' || s->text[i] == '\t' || s->text[i] == '\r' || s->text[i] == '\n')) i++;
    int sb = i < s->len && (s->text[i] == '(' || s->text[i] == ';' ||
                            (s->text[i] == '#' && i + 1 < s->len && s->text[i + 1] == '|') ||
                            (s->text[i] == 'R' && i + 1 < s->len && s->text[i + 1] == '"'));
    source_free(s);
    return sb;
}

static int open_side(opened *o, cli_env *env, eval_args *ea, const char *file, int sbpl, const verbatim_forms *vf)
{
    memset(o, 0, sizeof *o);
    if (sbpl) return open_sb(o, env ? ea : ea, file, vf);
    int rc;
    crosscheck *x = eval_open(env, ea, "diff", file, &rc);
    if (!x) return rc;
    o->side.c = x->c;
    o->side.x = x;
    o->side.pol = x->pol;
    o->side.a = &x->a;
    /* its sbpl verbatim blocks, evaluated when the values are known; the
     * (import ...) in them are looked for in -I, then beside the file */
    const char **dirs = arena_alloc(&ea->a, (ea->ninc + 2) * sizeof *dirs);
    size_t nd = 0;
    for (size_t i = 0; i < ea->ninc; i++) dirs[nd++] = ea->incs[i];
    const char *slash = strrchr(file, '/');
    dirs[nd++] = slash ? arena_strndup(&ea->a, file, (size_t)(slash - file)) : ".";
    const diff_flags *fl = ea->ud;
    vb_open(&o->vb, x, fl->unset, fl->nunset, dirs, nd);
    o->side.vb = &o->vb;
    if (o->vb.nblocks && o->vb.why_not) {
        diag_list dl;
        diag_list_init(&dl, &ea->a);
        diag_add(&dl, SEV_INFO, NULL, o->vb.why_at, "the sbpl verbatim blocks of %s are left out of the comparison: %s",
                 file, o->vb.why_not);
        cli_print_diags(&dl, stderr);
    }
    return 0;
}

static void close_side(opened *o)
{
    if (o->side.x) { vb_close(&o->vb); eval_close(o->side.x); return; }
    if (o->sb_live) sbpl_file_close(&o->f);
}


/* --format: json is choice 1; --old-as, --new-as: sbpl is choice 0 */
static int format_option(void *ud, int key, const char *arg, int choice)
{
    (void)arg;
    diff_flags *f = ud;
    if (key == OPT_FORMAT) { f->json = choice == 1; return 0; }
    if (key == OPT_OLD_AS || key == OPT_NEW_AS) { f->as[key - OPT_OLD_AS] = choice == 0; return 0; }
    if (key == 'U') {
        if (!*arg) return cli_usage_error("diff", "-U needs a parameter name");
        for (const char *c = arg; *c; c++)
            if (!((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || strchr("_-", *c)) || c - arg > 200)
                return cli_usage_error("diff", "-U %s: not a parameter name", arg);
        if (f->nunset == DIFF_MAX_UNSET) return cli_usage_error("diff", "more than %d -U options", DIFF_MAX_UNSET);
        f->unset[f->nunset++] = arg;
        return 0;
    }
    return -1;
}

int cmd_diff(cli_env *env, int argc, char **argv)
{
    static const cli_opt own[] = { { "format", OPT_FORMAT, 1, "text|json" }, { "old-as", OPT_OLD_AS, 1, "sbpl|buckle" },
                                   { "new-as", OPT_NEW_AS, 1, "sbpl|buckle" }, { NULL, 'U', 1, NULL }, { NULL, 0, 0, NULL } };
    diff_flags fl;
    memset(&fl, 0, sizeof fl);
    fl.as[0] = fl.as[1] = -1;
    eval_args ea;
    int rc = eval_args_parse(&ea, "diff", usage, argc, argv, own, format_option, &fl);
    int json = fl.json;
    if (rc) { eval_args_free(&ea); return rc < 0 ? 0 : rc; }
    if (ea.npos != 2) { eval_args_free(&ea); return cli_usage_error("diff", "expected OLD NEW"); }
    for (size_t i = 0; i < fl.nunset; i++)
        for (size_t k = 0; k < ea.ndef; k++)
            if (!strcmp(fl.unset[i], ea.defs[k].name)) {
                eval_args_free(&ea);
                return cli_usage_error("diff", "-U %s and -D %s=...: the parameter is either passed or not", fl.unset[i], fl.unset[i]);
            }
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
    int sbpl[2];
    for (int k = 0; k < 2; k++) {
        sbpl[k] = fl.as[k] >= 0 ? fl.as[k] : reads_as_sbpl(files[k]);
        if (sbpl[k] < 0) {
            for (int j = 0; j < 2; j++) if (made[j]) git_rev_remove(dirs[j]);
            eval_args_free(&ea);
            return 2;
        }
    }
    /* a .buckle side first: an SBPL side leaves out what it keeps verbatim */
    opened sides[2];
    memset(sides, 0, sizeof sides);
    int first = sbpl[0] && !sbpl[1] ? 1 : 0;
    verbatim_forms vf = { NULL, NULL, 0 };
    arena va;
    arena_init(&va);
    rc = open_side(&sides[first], env, &ea, files[first], sbpl[first], NULL);
    if (!rc && !sbpl[first] && sides[first].vb.why_not) collect_verbatim(&vf, &va, sides[first].side.c);
    if (!rc) rc = open_side(&sides[!first], env, &ea, files[!first], sbpl[!first], vf.n ? &vf : NULL);
    opened *o = &sides[0], *n = &sides[1];
    if (rc) {
        close_side(n);
        close_side(o);
        arena_free(&va);
        for (int k = 0; k < 2; k++) if (made[k]) git_rev_remove(dirs[k]);
        eval_args_free(&ea);
        return rc;
    }
    diff_result r;
    diff_run(&r, &o->side, &n->side);
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
    close_side(n);
    close_side(o);
    arena_free(&va);
    for (int k = 0; k < 2; k++) if (made[k]) git_rev_remove(dirs[k]);
    eval_args_free(&ea);
    return rc;
}
