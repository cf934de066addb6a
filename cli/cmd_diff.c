/* cmd_diff.c - `buckle diff OLD NEW`: the requests whose decision changes
 * (daily/diff.h), widenings first.  Exit 0 the same, 1 they differ. */
#include "eval_common.h"
#include "../daily/diff.h"
#include "../daily/diff_values.h"
#include "../daily/diff_verbatim.h"
#include "../backend/sbpl_file.h"
#include "../backend/emit.h"
#include "../grammar/builtin_params.h"
#include "../compiler/expand.h"
#include "git_rev.h"
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
    "usage: buckle diff [-I DIR]... [-D NAME=VALUE]... [-U NAME]... [--format text|json]\n"
    "                   [--old-as sbpl|buckle] [--new-as sbpl|buckle] [--canonical-values]\n"
    "                   OLD NEW\n"
    "\n"
    "OLD (or NEW) may be REV:PATH: PATH, relative to the current directory, as\n"
    "it was at git revision REV, with every file of the repository as it was\n"
    "then (its bases and imports, an -I or $BUCKLE_PATH directory inside the\n"
    "repository).\n"
    "A file named .sb or .sbpl is SBPL, .buckle is buckle; any other name is read\n"
    "as SBPL when its text starts with '(', ';' or #| (after blanks), else as\n"
    "buckle; --old-as and --new-as say it instead.\n"
    "\n"
    "Compares the decisions of two profiles (.buckle or .sb) over every object\n"
    "either one names: each path with its ancestors, a child and siblings with a\n"
    "common prefix, samples of each regex (an unanchored one also below every\n"
    "path), a path (name) of each combination of patterns (regexes, globs,\n"
    "scopes, literals) that holds one only one side has, each name with its\n"
    "prefix boundary, each address and port, every process target, and the\n"
    "request without an object; for every operation.\n"
    "An allow that gains or loses (with no-sandbox) is a change too.  The\n"
    "requests that change are grouped by the rule that decided them on each\n"
    "side, widenings (deny -> allow, or with no-sandbox added) first.\n"
    "\n"
    "The sbpl verbatim blocks of a .buckle side are compared where Seatbelt reads\n"
    "them when every parameter they read has a value (-D, or a declared default)\n"
    "or is said not to be passed (-U NAME), and the SBPL evaluator decides them.\n"
    "Otherwise they are left out, with the forms of an SBPL side that the other\n"
    "side keeps in them, standard error says why, and the answer is at best\n"
    "\"cannot compare\" (exit 3).  An (import \"NAME\") that cannot be\n"
    "read here is left out when both sides import NAME (said on standard error\n"
    "and in the answer); -I DIR gives its directory.  A parameter either side\n"
    "reads without a value (a .buckle's param, an .sb's (param \"NAME\")) is\n"
    "given one (named on standard error), the same on both sides;\n"
    "-D NAME=VALUE chooses it.\n"
    "An .sb compares a parameter's value as the program passes it, a .buckle\n"
    "the canonical path (buckle run passes that): beside a .buckle, the\n"
    "parameters that start an .sb's paths are also tried spelled through /tmp,\n"
    "/var or /etc, where the .sb's rules on them match no path the kernel asks\n"
    "about.  --canonical-values says the program passes every value canonically\n"
    "and leaves that out.\n"
    "\n"
    "Exit status: 0 the same decisions; 1 they differ, or a profile has errors;\n"
    "2 usage error or unreadable input; 3 cannot compare: no request differs,\n"
    "but some could not be decided on one side or both (a form the evaluator\n"
    "cannot evaluate, an import only one side makes and that cannot be read),\n"
    "or a walk over the patterns stopped at its bound (also under a set of\n"
    "values lined up with the paths), or, with both sides read the same way,\n"
    "values of the parameters lined up with the rules that changed were more\n"
    "than the sets of values compared (up to 32).\n";

enum { OPT_OLD_AS = OPT_OWN + 1, OPT_NEW_AS, OPT_CANONICAL, DIFF_MAX_UNSET = 64 };
typedef struct diff_flags {
    int json;
    int canonical;             /* --canonical-values: an .sb's values are passed canonically */
    int as[2];                 /* -1 by name or text, 1 sbpl, 0 buckle */
    const char *unset[DIFF_MAX_UNSET];   /* -U: parameters the program does not pass */
    size_t nunset;
} diff_flags;

typedef struct opened {
    diff_side side;
    sbpl_file f;
    int sb_live;
    arena va;
    diag_list notes;          /* said once the sides are open */
    vb_eval vb;
    int vb_live;
    const char *vb_unfixed;   /* a parameter its blocks read in a condition, with no -D or -U */
    const char **dropped;     /* the (import "NAME") forms left out: NAME */
    size_t ndropped;
    int dropping;             /* they are left out (both sides import them) */
    arena *pool;              /* memory its policy takes first and gives back, or NULL */
    arena *scratch;           /* memory a .buckle side's compiled SBPL borrows while it is
                                 read and evaluated (the pool of the side opened after
                                 it, idle until then), or NULL */
    const git_rev *rev;       /* REV:PATH: the revision unpacked, or NULL */
} opened;

/* the text of each top-level form of the sbpl verbatim blocks of a .buckle
 * side: the forms an SBPL side leaves out of the comparison */
typedef struct verbatim_forms { const char **text; size_t *len; size_t n; } verbatim_forms;

static void collect_verbatim(verbatim_forms *v, arena *a, const compilation *c)
{
    for (size_t i = 0; i < c->pol.nraw; i++) {
        const raw_block *b = &c->pol.raw[i];
        if (!b->ast->verbatim) continue;
        const source *src;
        for (const sexp *x = vb_block_forms(a, b, &src); x; x = x->next) {
            v->text = arena_grow(a, v->text, v->n, v->n, sizeof *v->text);
            v->len = arena_grow(a, v->len, v->n, v->n, sizeof *v->len);
            v->text[v->n] = src->text + x->at.start;
            v->len[v->n++] = x->at.end - x->at.start;
        }
    }
}

static int kept_verbatim(const verbatim_forms *v, const source *src, const sexp *x)
{
    if (!v || !v->n || (x->kind == SX_LIST && x->child && sexp_is_sym(x->child, "define"))) return 0;
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

/* sbpl_file_eval's filter, when both sides import the same files that
 * cannot be read here (bsd.sb, system.sb off macOS): a top-level
 * (import "NAME") whose file is in none of the directories it is looked up
 * in is left out, and its NAME kept to compare with the other side's. */
typedef struct import_drop {
    opened *o;
    const char *const *dirs;
    size_t ndirs;
    const char *file;          /* imports are also looked up beside it */
    int on;                    /* 0: keep every form (the lists differ) */
    const verbatim_forms *vf;  /* the other side's verbatim forms, when left out */
} import_drop;

static int readable_import(const import_drop *d, const char *name)
{
    if (name[0] == '/') return access(name, R_OK) == 0;
    strbuf b;
    sb_init(&b);
    int ok = 0;
    for (size_t i = 0; i <= d->ndirs && !ok; i++) {
        sb_reset(&b);
        if (i < d->ndirs) sb_printf(&b, "%s/%s", d->dirs[i], name);
        else {
            const char *slash = strrchr(d->file, '/');
            sb_printf(&b, "%.*s/%s", slash ? (int)(slash - d->file) : 1, slash ? d->file : ".", name);
        }
        ok = access(sb_cstr(&b), R_OK) == 0;
    }
    sb_free(&b);
    return ok;
}

static int drop_import(void *ud, const source *src, const sexp *x, diag_list *dl)
{
    import_drop *d = ud;
    if (x->kind != SX_LIST || !x->child || !sexp_is_sym(x->child, "import")) return drop_verbatim((void *)d->vf, src, x, dl);
    const sexp *arg = x->child->next;
    if (!arg || arg->next || arg->kind != SX_STRING || memchr(arg->text, 0, arg->len))
        return drop_verbatim((void *)d->vf, src, x, dl);
    char *name = arena_strndup(&d->o->va, arg->text, arg->len);
    if (readable_import(d, name)) return drop_verbatim((void *)d->vf, src, x, dl);
    opened *o = d->o;
    o->dropped = arena_grow(&o->va, o->dropped, o->ndropped, o->ndropped, sizeof *o->dropped);
    o->dropped[o->ndropped++] = name;
    if (!d->on) return drop_verbatim((void *)d->vf, src, x, dl);
    diag *g = diag_add(dl, SEV_INFO, NULL, x->at, "left out of the comparison: \"%s\" cannot be read here, and the "
                       "other profile imports it too", name);
    diag_help(dl, g, "the rest of both profiles is compared; give its directory with -I DIR to compare it too");
    return 1;
}

/* The values diff gives the parameters that a side reads and that have no
 * value (no default, no -D, no -U): the same on both sides, named on
 * standard error where the parameter is declared (read, in an .sb).  A
 * path gets a directory under the test HOME, anything else a word that is
 * also a port. */
typedef struct sb_reads {     /* what each .sb side reads, kept from one opening to the next */
    const char *file[2];
    const char **name[2];     /* the parameters it reads (fill_missing_sb) */
    unsigned char *other[2];  /* read other than inside a filter's string */
    size_t n[2], nfiles;
    sbpl_forms forms[2];      /* its text and forms (sbpl_file_open_forms), by the file's name */
    const char *fname[2];
} sb_reads;

/* the forms kept for file: read the first time it is opened */
static sbpl_forms *file_forms(sb_reads *rd, const char *file, arena *a)
{
    for (int k = 0; k < 2; k++) {
        if (!rd->fname[k]) { rd->fname[k] = arena_strdup(a, file); return &rd->forms[k]; }
        if (!strcmp(rd->fname[k], file)) return &rd->forms[k];
    }
    return NULL;
}
typedef struct extra_vals {
    define *defs; sb_param *params; size_t n; arena *a;
    sb_reads *reads;
    const git_rev *const *revs;   /* per side: the revision unpacked for REV:PATH, or NULL */
    unsigned char *symbolic;      /* per value: given to the evaluator only, the
                                     compilation keeps (param "NAME") (no value fits
                                     every use, as in "$P" beside "/a/$P") */
} extra_vals;

/* the relative value diff also compares a symbolic parameter with */
static const char *inner_value(arena *a, const char *name) { return arena_printf(a, "param-%s", name); }

static void extra_val(extra_vals *ev, diag_list *dl, span at, const char *name, int path, int symbolic)
{
    const char *v = path ? arena_printf(ev->a, BUILTIN_TEST_HOME "/param-%s", name) : "8080";
    ev->defs = arena_grow(ev->a, ev->defs, ev->n, ev->n, sizeof *ev->defs);
    ev->params = arena_grow(ev->a, ev->params, ev->n, ev->n, sizeof *ev->params);
    ev->symbolic = arena_grow(ev->a, ev->symbolic, ev->n, ev->n, sizeof *ev->symbolic);
    ev->defs[ev->n] = (define){ name, v, NULL };
    ev->symbolic[ev->n] = (unsigned char)symbolic;
    ev->params[ev->n++] = (sb_param){ name, v };
    if (symbolic) {
        /* buckle run takes no value of it; sandbox-exec takes any, and a
         * path it makes with "//" or without a leading '/' matches nothing */
        diag *g = diag_add(dl, SEV_INFO, NULL, at, "parameter %s has no value, and none fits every use (it starts a "
                           "path and stands inside one): both profiles are compared as sandbox-exec reads them, with "
                           "%s=%s and again with %s=%s", name, name, v, name, inner_value(ev->a, name));
        diag_help(dl, g, "give another value with -D %s=VALUE", name);
        return;
    }
    diag *g = diag_add(dl, SEV_INFO, NULL, at, "parameter %s has no value: both profiles are compared with %s=%s",
                       name, name, v);
    diag_help(dl, g, "give another value with -D %s=VALUE", name);
}

/* a parameter with a value (given, filled in, a test value) or said not to be passed */
static int param_known(const extra_vals *ev, const eval_args *ea, const char *nm)
{
    const diff_flags *fl = ea->ud;
    size_t ntest;
    const sb_param *tv = test_param_values(&ntest);
    for (size_t k = 0; k < ea->ndef; k++) if (!strcmp(ea->params[k].name, nm)) return 1;
    for (size_t k = 0; k < ev->n; k++) if (!strcmp(ev->params[k].name, nm)) return 1;
    for (size_t k = 0; k < ntest; k++) if (!strcmp(tv[k].name, nm)) return 1;
    for (size_t k = 0; k < fl->nunset; k++) if (!strcmp(fl->unset[k], nm)) return 1;
    return 0;
}

/* the parameters an .sb and the files it imports read (sbpl_file_params)
 * without a value.  What a file reads is kept (ev->reads): opened again
 * under other values, it is not read a second time unless one of them has
 * no value */
static int fill_missing_sb(extra_vals *ev, const eval_args *ea, const source *src, const source *imported, const char *file)
{
    sb_reads *rd = ev->reads;
    size_t at = 0;
    while (rd && at < rd->nfiles && strcmp(rd->file[at], file)) at++;
    if (rd && at < rd->nfiles) {
        int missing = 0;
        for (size_t i = 0; i < rd->n[at] && !missing; i++) missing = !rd->other[at][i] && !param_known(ev, ea, rd->name[at][i]);
        if (!missing) return 0;
    }
    arena da;
    arena_init(&da);
    diag_list dl;
    diag_list_init(&dl, &da);
    diag_list quiet;              /* read without errors before, or said then */
    diag_list_init(&quiet, &da);
    sb_param_read *pr;
    const sbpl_forms *fm = rd ? file_forms(rd, file, ev->a) : NULL;
    size_t np = sbpl_file_params_with(&da, fm && fm->live && fm->src == src ? fm->top : sbpl_file_read(&da, &quiet, src),
                                      imported, &pr);
    if (rd && at == rd->nfiles && at < 2) {
        rd->file[at] = arena_strdup(ev->a, file);
        rd->name[at] = arena_alloc(ev->a, (np + 1) * sizeof *rd->name[at]);
        rd->other[at] = arena_alloc(ev->a, np + 1);
        for (size_t i = 0; i < np; i++) {
            rd->name[at][i] = arena_strdup(ev->a, pr[i].name);
            rd->other[at][i] = (unsigned char)pr[i].other;
        }
        rd->n[at] = np;
        rd->nfiles++;
    }
    int added = 0;
    for (size_t i = 0; i < np; i++) {
        const char *nm = pr[i].name;
        /* one value would leave out what the rules do when it is not passed */
        if (pr[i].other || param_known(ev, ea, nm)) continue;
        extra_val(ev, &dl, pr[i].at, arena_strdup(ev->a, nm), pr[i].use == SB_PARAM_PATH, 0);
        added = 1;
    }
    cli_print_diags(&dl, stderr);
    arena_free(&da);
    return added;
}

/* The first parameter an .sb side reads in a condition ((when (param
 * "X") ...), (if (equal? (param "X") ...) ...), also through a helper) that
 * neither -D nor -U fixes: the answer under one value says nothing of the
 * other, so such a side is never "the same decisions".  NULL when none. */
static const char *unfixed_condition(const sb_reads *rd, const eval_args *ea, const char *const *files, arena *a)
{
    const diff_flags *fl = ea->ud;
    for (size_t at = 0; rd && at < rd->nfiles; at++)
        for (size_t i = 0; i < rd->n[at]; i++) {
            const char *nm = rd->name[at][i];
            int fixed = !rd->other[at][i];
            for (size_t k = 0; k < ea->ndef && !fixed; k++) fixed = !strcmp(ea->params[k].name, nm);
            for (size_t k = 0; k < fl->nunset && !fixed; k++) fixed = !strcmp(fl->unset[k], nm);
            if (fixed) continue;
            const char *file = rd->file[at];
            for (int k = 0; k < 2; k++) if (files[k] && !strcmp(files[k], rd->file[at])) file = files[k];
            return arena_printf(a, "%s reads the parameter \"%s\" in a condition, and no value is given for it "
                                "(compare with -D %s=VALUE, and again with -U %s: the profile is not passed it)",
                                file, nm, nm, nm);
        }
    return NULL;
}

static int open_sb(opened *o, eval_args *ea, const char *file, import_drop *drop, extra_vals *ev, int quiet)
{
    const char *err;
    o->sb_live = 1;
    /* read once: again only where what reading it says is said again */
    sbpl_forms *fm = ev->reads ? file_forms(ev->reads, file, ev->a) : NULL;
    if (fm && fm->live && !quiet) fm = NULL;
    if (sbpl_file_open_forms(&o->f, o->pool, fm, file, ea->params, ea->ndef, ea->incs, ea->ninc, drop_import, drop, &err) != 0) {
        cli_error("diff", "cannot read %s: %s", file, err);
        return 2;
    }
    if (fill_missing_sb(ev, ea, o->f.src, o->f.imported, file)) return -1;   /* again, with the values */
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


static int fill_missing(extra_vals *ev, const crosscheck *x)
{
    int added = 0;
    const compilation *c = x->c;
    arena da;
    arena_init(&da);
    diag_list dl;                 /* said now: the compilation goes before the next */
    diag_list_init(&dl, &da);
    for (size_t i = 0; i < c->params.cap; i++) {
        const hm_slot *sl = &c->params.slots[i];
        if (!sl->hash) continue;
        const param_decl *p = sl->val;
        if (!p->used || decider_value(x->d, p->name)) continue;
        extra_val(ev, &dl, p->at, arena_strdup(ev->a, p->name), p->path_root, p->path_root && p->path_inner);
        added = 1;
    }
    cli_print_diags(&dl, stderr);
    arena_free(&da);
    return added;
}

static int open_buckle(opened *o, cli_env *env, eval_args *ea, const char *file, extra_vals *ev, import_drop *drop)
{
    compile_opts co = { 0 };
    define *defs = arena_alloc(&o->va, (ea->ndef + ev->n + 1) * sizeof *defs);
    memcpy(defs, ea->defs, ea->ndef * sizeof *defs);
    size_t ndefs = ea->ndef;
    for (size_t i = 0; i < ev->n; i++) if (!ev->symbolic[i]) defs[ndefs++] = ev->defs[i];
    sb_param *params = arena_alloc(&o->va, (ea->ndef + ev->n + 1) * sizeof *params);
    memcpy(params, ea->params, ea->ndef * sizeof *params);
    if (ev->n) memcpy(params + ea->ndef, ev->params, ev->n * sizeof *params);
    co.include_dirs = ea->incs;
    co.ninclude = ea->ninc;
    co.defines = defs;
    co.ndefines = ndefs;
    co.platform = ea->platform;
    cli_compile_opts(env, &co);
    /* a REV:PATH side: its search path below here as it was at REV */
    char *bp = NULL;
    co.buckle_path = git_rev_dirs(o->rev, co.buckle_path, &bp);
    if (bp) co.buckle_path = arena_strdup(&o->va, bp);
    free(bp);
    compilation *c = compilation_new(&co);
    int rc = compile_profile(c, file);
    o->side.c = c;
    if (rc) return rc;
    crosscheck *x = crosscheck_new_from(o->pool, o->scratch, c, params, ea->ndef + ev->n, ea->break_order);
    o->side.c = c;
    o->side.x = x;
    o->side.pol = x->pol;
    o->side.a = &x->a;
    if (fill_missing(ev, x)) return -1;   /* again, with the values */
    /* its sbpl verbatim blocks, evaluated when the values are known; the
     * (import ...) in them are looked for in -I, then beside the file */
    const char **dirs = arena_alloc(&o->va, (ea->ninc + 2) * sizeof *dirs);
    size_t nd = 0;
    for (size_t i = 0; i < ea->ninc; i++) dirs[nd++] = ea->incs[i];
    const char *slash = strrchr(file, '/');
    dirs[nd++] = slash ? arena_strndup(&o->va, file, (size_t)(slash - file)) : ".";
    const diff_flags *fl = ea->ud;
    vb_open(&o->vb, x, fl->unset, fl->nunset, dirs, nd);
    o->vb_live = 1;
    o->side.vb = &o->vb;
    o->vb_unfixed = o->vb.nblocks ? vb_unfixed(&o->vb, x, ea->params, ea->ndef, fl->unset, fl->nunset) : NULL;
    if (o->vb.nblocks && o->vb.why_not) {
        diag_add(&o->notes, SEV_INFO, NULL, o->vb.why_at, "the sbpl verbatim blocks of %s are left out of the comparison: %s",
                 file, o->vb.why_not);
        /* an (import "NAME") of them that cannot be read is one the other
         * side may leave out too */
        verbatim_forms vf = { NULL, NULL, 0 };
        collect_verbatim(&vf, &o->va, c);
        for (size_t i = 0; i < vf.n; i++) {
            size_t l = vf.len[i];
            const char *t = vf.text[i];
            if (l < 12 || !sbpl_text_starts(t, l, "(import \"") || strncmp(t + l - 2, "\")", 2) || memchr(t + 9, '"', l - 11)) continue;
            char *name = arena_strndup(&o->va, t + 9, l - 11);
            if (readable_import(drop, name)) continue;
            o->dropped = arena_grow(&o->va, o->dropped, o->ndropped, o->ndropped, sizeof *o->dropped);
            o->dropped[o->ndropped++] = name;
        }
    }
    return 0;
}

static void print_side(opened *o)
{
    if (o->side.c) cli_print_diags_as(&o->side.c->diags, stderr, "buckle diff");
    if (o->sb_live) cli_print_diags_as(&o->f.dl, stderr, "buckle diff");
    cli_print_diags(&o->notes, stderr);
}

static void close_side(opened *o)
{
    if (o->vb_live) { vb_close(&o->vb); o->vb_live = 0; }
    if (o->side.x) {
        compilation *c = o->side.x->c;
        crosscheck_free_to(o->side.x, o->pool);
        compilation_free(c);
    } else if (o->side.c) {
        compilation_free(o->side.c);
    }
    if (o->sb_live) sbpl_file_close_to(&o->f, o->pool);
    if (o->vb_live) vb_close(&o->vb);
    arena_free(&o->va);
    memset(o, 0, sizeof *o);
}

/* A side's policies, which nothing asks once its requests are compared:
 * freed, so that the sides opened next (lined_up) reuse their memory; its
 * compilation too unless it has sbpl verbatim blocks (verbatim_left_out
 * reads them).  What the answer reads of the side (the blocks, the imports
 * left out) stays until close_side. */
static void shed_side(opened *o, arena *pool)
{
    if (o->side.x) {
        crosscheck_free_to(o->side.x, pool);
        o->side.x = NULL;
    }
    if (o->side.c && !(o->vb_live && o->vb.nblocks)) {
        compilation_free(o->side.c);
        o->side.c = NULL;
    }
    if (o->sb_live) {
        sbpl_file_close_to(&o->f, pool);
        o->sb_live = 0;
    }
    o->side.pol = NULL;
    o->side.a = NULL;
}

static int open_side(opened *o, cli_env *env, eval_args *ea, const char *file, int sbpl, extra_vals *ev, int drop_on,
                     const verbatim_forms *vf, arena *pool, arena *scratch, int quiet, const git_rev *rev)
{
    memset(o, 0, sizeof *o);
    o->pool = pool;
    o->scratch = scratch;
    o->rev = rev;
    arena_init(&o->va);
    diag_list_init(&o->notes, &o->va);
    /* a REV:PATH side: its -I directories below here as they were at REV */
    eval_args er = *ea;
    if (rev && ea->ninc) {
        er.incs = arena_alloc(&o->va, ea->ninc * sizeof *er.incs);
        for (size_t i = 0; i < ea->ninc; i++) {
            char *m = NULL;
            const char *dir = git_rev_dir(rev, ea->incs[i], &m);
            er.incs[i] = m ? arena_strdup(&o->va, m) : dir;
            free(m);
        }
    }
    ea = &er;
    import_drop *d = arena_alloc(&o->va, sizeof *d);
    *d = (import_drop){ o, (const char *const *)ea->incs, ea->ninc, file, drop_on, vf };
    o->dropping = drop_on;
    if (sbpl) {
        /* the values diff filled in for the other side's parameters too */
        eval_args e2 = *ea;
        if (ev->n) {
            e2.params = arena_alloc(&o->va, (ea->ndef + ev->n + 1) * sizeof *e2.params);
            memcpy(e2.params, ea->params, ea->ndef * sizeof *e2.params);
            memcpy(e2.params + ea->ndef, ev->params, ev->n * sizeof *e2.params);
            e2.ndef = ea->ndef + ev->n;
        }
        return open_sb(o, &e2, file, d, ev, quiet);
    }
    return open_buckle(o, env, ea, file, ev, d);
}

/* the two lists of imports left out hold the same names */
static int same_dropped(const opened *a, const opened *b)
{
    if (a->ndropped != b->ndropped) return 0;
    for (size_t i = 0; i < a->ndropped; i++) {
        size_t k = 0;
        while (k < b->ndropped && strcmp(a->dropped[i], b->dropped[k])) k++;
        if (k == b->ndropped) return 0;
    }
    return 1;
}

/* --format: json is choice 1; --old-as, --new-as: sbpl is choice 0 */
static int format_option(void *ud, int key, const char *arg, int choice)
{
    (void)arg;
    diff_flags *f = ud;
    if (key == OPT_FORMAT) { f->json = choice == 1; return 0; }
    if (key == OPT_OLD_AS || key == OPT_NEW_AS) { f->as[key - OPT_OLD_AS] = choice == 0; return 0; }
    if (key == OPT_CANONICAL) { f->canonical = 1; return 0; }
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

/* Why the comparison leaves out something of side o that decides requests:
 * its sbpl verbatim blocks, when they are not evaluated, unless each of
 * their forms is an (import "NAME") that both sides leave out; NULL when
 * nothing is. */
static const char *verbatim_left_out(opened *o, const opened *other, const char *file, arena *a)
{
    if (!o->vb_live || !o->vb.nblocks || !o->vb.why_not) return NULL;
    verbatim_forms vf = { NULL, NULL, 0 };
    collect_verbatim(&vf, a, o->side.c);
    for (size_t i = 0; i < vf.n; i++) {
        int excused = 0;
        for (size_t k = 0; k < other->ndropped && other->dropping && !excused; k++) {
            const char *t = arena_printf(a, "(import \"%s\")", other->dropped[k]);
            excused = strlen(t) == vf.len[i] && !memcmp(t, vf.text[i], vf.len[i]);
        }
        if (!excused) return arena_printf(a, "the sbpl verbatim blocks of %s are left out: %s", file, o->vb.why_not);
    }
    return NULL;
}

static int cmp_text(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

/* the text of every rule of another platform's block (`platform linux`)
 * of side o's profile, its bases included, sorted: *n of them */
static const char **linux_rules(const opened *o, arena *a, size_t *n)
{
    *n = 0;
    const compilation *c = o->side.c;
    if (!c) return NULL;
    size_t cap = 0;
    for (size_t u = 0; u < c->nunits; u++) cap += c->units[u]->nother;
    if (!cap) return NULL;
    const char **v = arena_alloc(a, cap * sizeof *v);
    for (size_t i = 0; i < c->nunits; i++) {
        const unit *u = c->units[i];
        for (size_t k = 0; k < u->nother; k++)
            v[(*n)++] = arena_strndup(a, u->src->text + u->other_start[k], u->other_end[k] - u->other_start[k]);
    }
    qsort(v, *n, sizeof *v, cmp_text);
    return v;
}

/* diff answers for macOS: when the rules of the two .buckle sides'
 * `platform linux` blocks are not the same, what buckle run enforces on Linux may have
 * changed, and is not compared; NULL when they are the same */
static const char *linux_left_out(const opened *o, const opened *n, arena *a)
{
    /* an SBPL side has no Linux meaning: there is nothing to compare it with */
    if (!o->side.c || !n->side.c) return NULL;
    size_t no, nn;
    const char **vo = linux_rules(o, a, &no), **vn = linux_rules(n, a, &nn);
    int same = no == nn;
    for (size_t i = 0; same && i < no; i++) same = !strcmp(vo[i], vn[i]);
    return same ? NULL : "the rules of the `platform linux` blocks differ, and diff compares the macOS decisions only";
}

static void close_both(opened *sides)
{
    close_side(&sides[1]);
    close_side(&sides[0]);
}

/* Opens both sides: with values for the parameters a .buckle side leaves
 * without one, and with the unreadable imports left out when both sides
 * import the same ones; the policy of side k in memory taken first from
 * pools[k] (pools NULL: none).  0, or the exit status. */
static int open_both(opened *sides, cli_env *env, eval_args *ea, const char *const *files, const int *sbpl,
                     extra_vals *ev, arena *va, int quiet, arena *pools)
{
    int drop_on = 1;
    for (int pass = 0;; pass++) {   /* values: once per .buckle side; imports: once */
        int rc = 0;
        /* a .buckle side first: the values it leaves out are given to both */
        int order[2] = { sbpl[0] && !sbpl[1] ? 1 : 0, sbpl[0] && !sbpl[1] ? 0 : 1 };
        verbatim_forms *vf = arena_alloc(va, sizeof *vf);
        memset(vf, 0, sizeof *vf);
        for (int j = 0; j < 2 && !rc; j++) {
            int k = order[j];
            rc = open_side(&sides[k], env, ea, files[k], sbpl[k], ev, drop_on, vf, pools ? &pools[k] : NULL,
                           pools && j == 0 ? &pools[order[1]] : NULL, quiet,
                           ev->revs ? ev->revs[k] : NULL);
            /* blocks left out: so are the same forms of an SBPL side */
            if (!rc && !sbpl[k] && sides[k].vb.nblocks && sides[k].vb.why_not) collect_verbatim(vf, va, sides[k].side.c);
        }
        if (rc < 0 && pass < 4) { close_both(sides); continue; }
        if (rc < 0) rc = 1;
        if (rc) {
            for (int k = 0; k < 2; k++) print_side(&sides[k]);
            close_both(sides);
            return rc;
        }
        if (same_dropped(&sides[0], &sides[1]) || !drop_on) break;
        drop_on = 0;   /* one side's import cannot be left out: keep both, undecidable */
        close_both(sides);
    }
    if (!quiet) for (int k = 0; k < 2; k++) print_side(&sides[k]);
    for (int k = 0; k < 2; k++) sides[k].side.strict = 1;   /* never "the same" past a bound */
    return 0;
}

/* the values of set vs: a filled-in one changed in a copy of ev, any other
 * given as -D after ea's */
static void set_values(eval_args *e2, extra_vals *ev2, const eval_args *ea, const extra_vals *ev, const diff_value_set *vs,
                       const sb_param *base, size_t cap, arena *na)
{
    *e2 = *ea;
    e2->defs = arena_alloc(na, cap * sizeof *e2->defs);
    e2->params = arena_alloc(na, cap * sizeof *e2->params);
    memcpy(e2->defs, ea->defs, ea->ndef * sizeof *e2->defs);
    memcpy(e2->params, ea->params, ea->ndef * sizeof *e2->params);
    *ev2 = *ev;
    ev2->defs = arena_alloc(na, (ev->n + 1) * sizeof *ev2->defs);
    ev2->params = arena_alloc(na, (ev->n + 1) * sizeof *ev2->params);
    if (ev->n) {
        memcpy(ev2->defs, ev->defs, ev->n * sizeof *ev2->defs);
        memcpy(ev2->params, ev->params, ev->n * sizeof *ev2->params);
    }
    for (size_t k = ea->ndef; k < vs->n; k++) {
        const sb_param *p = &vs->p[k];
        if (!strcmp(p->value, base[k].value)) continue;
        if (k < ea->ndef + ev->n) {
            ev2->defs[k - ea->ndef].value = p->value;
            ev2->params[k - ea->ndef].value = p->value;
        } else {
            e2->defs[e2->ndef] = (define){ p->name, p->value, NULL };
            e2->params[e2->ndef++] = *p;
        }
    }
}

/* When the sides decide the same under the values given (or the test
 * values): again under each set of values that lines a parameter no -D or
 * -U fixes up with the paths the profiles hard-code (daily/diff_values.h),
 * over the paths those values move; the first set under which they differ
 * is the answer (*r replaced, r->values naming the values).  Returns the
 * sides of the answer: sides, or the set's as it was run (sides closed
 * then).  wide_only: they narrow only under those values; only a set with
 * a widening is an answer, else *r stays. */
static opened *lined_up(opened *sides, cli_env *env, eval_args *ea, const char *const *files, const int *sbpl,
                        extra_vals *ev, arena *na, diff_result *r, arena *pools, int wide_only)
{
    const diff_flags *fl = ea->ud;
    size_t cap = ea->ndef + ev->n + NBUILTIN_PARAMS + 1;
    sb_param *base = arena_alloc(na, cap * sizeof *base);
    const char **vary = arena_alloc(na, cap * sizeof *vary);
    size_t nb = 0, nv = 0;
    for (size_t i = 0; i < ea->ndef; i++) base[nb++] = ea->params[i];
    for (size_t i = 0; i < ev->n; i++) { base[nb++] = ev->params[i]; vary[nv++] = ev->params[i].name; }
    for (size_t i = 0; i < NBUILTIN_PARAMS; i++) {
        const char *nm = builtin_params[i].name;
        int fixed = 0;
        for (size_t k = 0; k < nb && !fixed; k++) fixed = !strcmp(base[k].name, nm);
        for (size_t k = 0; k < fl->nunset && !fixed; k++) fixed = !strcmp(fl->unset[k], nm);
        if (fixed) continue;
        base[nb++] = (sb_param){ nm, builtin_params[i].test_value };
        vary[nv++] = nm;
    }
    /* a declared default is a value too, which -D overrides at run time */
    size_t ndecl = 0;
    for (int k = 0; k < 2; k++) if (sides[k].side.x) ndecl += sides[k].side.c->params.count;
    sb_param *nb2 = arena_alloc(na, (cap + ndecl) * sizeof *nb2);
    const char **nv2 = arena_alloc(na, (cap + ndecl) * sizeof *nv2);
    memcpy(nb2, base, nb * sizeof *nb2);
    memcpy(nv2, vary, nv * sizeof *nv2);
    base = nb2;
    vary = nv2;
    for (int k = 0; k < 2; k++) {
        if (!sides[k].side.x) continue;
        const compilation *c = sides[k].side.c;
        for (size_t i = 0; i < c->params.cap; i++) {
            const hm_slot *sl = &c->params.slots[i];
            if (!sl->hash) continue;
            const param_decl *p = sl->val;
            const char *v = p->def ? decider_value(sides[k].side.x->d, p->name) : NULL;
            int known = !v;
            for (size_t j = 0; j < nb && !known; j++) known = !strcmp(base[j].name, p->name);
            for (size_t j = 0; j < fl->nunset && !known; j++) known = !strcmp(fl->unset[j], p->name);
            if (known) continue;
            base[nb++] = (sb_param){ arena_strdup(na, p->name), arena_strdup(na, v) };
            vary[nv++] = base[nb - 1].name;
        }
    }
    cap += ndecl;
    /* a side's sbpl verbatim blocks, evaluated, read parameters too: the
     * values come from its SBPL with them in */
    const sb_policy *pols[2];
    for (int k = 0; k < 2; k++)
        pols[k] = sides[k].vb_live && sides[k].vb.nblocks && !sides[k].vb.why_not && sides[k].vb.pol ? sides[k].vb.pol
                                                                                                     : sides[k].side.pol;
    /* two sides read the same way: the values come from the rules that
     * changed, and more sets are tried */
    int changed_only = sbpl[0] == sbpl[1];
    size_t room = changed_only ? DIFF_MAX_CHANGED_SETS : DIFF_MAX_VALUE_SETS;
    diff_value_set vs[DIFF_MAX_CHANGED_SETS > DIFF_MAX_VALUE_SETS ? DIFF_MAX_CHANGED_SETS : DIFF_MAX_VALUE_SETS];
    int found = -1, narrow = -1;
    const char *cut = NULL;   /* the first set compared only in part, why */
    opened *kept = NULL;      /* the sides of the set found, and its result */
    diff_result rk;
    /* a symbolic parameter (extra_val) relative first: what its paths
     * inside others decide (under the base value they match nothing) */
    size_t nrel = 0;
    for (size_t i = 0; i < ev->n && nrel + 1 < room; i++) {
        if (!ev->symbolic[i]) continue;
        diff_value_set *s = &vs[nrel++];
        memset(s, 0, sizeof *s);
        s->p = arena_alloc(na, (nb + 1) * sizeof *s->p);
        memcpy(s->p, base, nb * sizeof *s->p);
        s->n = nb;
        s->p[ea->ndef + i].value = inner_value(na, ev->params[i].name);
        s->label = arena_printf(na, "%s=%s", ev->params[i].name, s->p[ea->ndef + i].value);
    }
    size_t left_out = 0;
    size_t ns = nrel + diff_value_sets(na, pols, 2, base, nb, vary, nv,
                                       sbpl[0] != sbpl[1] && !fl->canonical ? (unsigned)sbpl[0] | (unsigned)sbpl[1] << 1 : 0u,
                                       changed_only, &left_out, vs + nrel, room - nrel);
    if (ns) for (int k = 0; k < 2; k++) shed_side(&sides[k], &pools[k]);
    for (size_t i = 0; i < ns; i++) {
        /* the aliases (last) only where the canonical values change nothing */
        if (vs[i].alias && narrow >= 0) break;
        eval_args e2;
        extra_vals ev2;
        set_values(&e2, &ev2, ea, ev, &vs[i], base, cap, na);
        opened *s2 = arena_alloc(na, 2 * sizeof *s2);
        if (open_both(s2, env, &e2, files, sbpl, &ev2, na, 1, pools)) { close_both(s2); continue; }
        diff_result r2;
        diff_run_near(&r2, &s2[0].side, &s2[1].side, vs[i].near, vs[i].nnear);
        int differs = r2.n != 0, wide = 0;
        for (size_t g = 0; g < r2.n; g++) wide |= r2.groups[g]->widening;
        /* a set compared only in part (a walk cut at its bound, requests
         * not decided) may hide a change: never "the same decisions" */
        if (!cut && (r2.atoms_partial || r2.rules_partial))
            cut = arena_printf(&r->a, "with %s, the patterns that changed are too many to walk every path they tell "
                               "apart", vs[i].label);
        else if (!cut && r2.undecided)
            cut = arena_printf(&r->a, "with %s, %lu request%s cannot be decided, the first: %s (%s)", vs[i].label,
                               r2.undecided, r2.undecided == 1 ? "" : "s", r2.undecided_example, r2.undecided_why);
        /* a set with a widening is the answer (its sides and result
         * kept); else the first that differs */
        if (differs && !(wide_only && !wide) && (wide || i + 1 == ns)) {
            found = (int)i;
            kept = s2;
            rk = r2;
            break;
        }
        diff_result_free(&r2);
        close_both(s2);
        if (differs && !(wide_only && !wide) && narrow < 0) narrow = (int)i;
    }
    if (kept) {
        close_both(sides);
        diff_result_free(r);
        *r = rk;
        r->values = arena_strdup(&r->a, vs[found].label);
        r->values_widen = wide_only;
        r->values_alias = vs[found].alias;
        return kept;
    }
    if (found < 0) found = narrow;
    if (found < 0 && cut && !wide_only) r->incomplete = cut;
    /* values of the changed rules that no set tried may show a change */
    if (found < 0 && !cut && !wide_only && changed_only && left_out)
        r->incomplete = arena_printf(&r->a, "%zu value%s of the parameters lined up with the rules that changed %s "
                                     "left out (%zu set%s of values compared); -D NAME=VALUE compares under a value",
                                     left_out, left_out == 1 ? "" : "s", left_out == 1 ? "is" : "are", ns,
                                     ns == 1 ? "" : "s");
    if (found >= 0) {
        size_t i = (size_t)found;
        eval_args e2;
        extra_vals ev2;
        set_values(&e2, &ev2, ea, ev, &vs[i], base, cap, na);
        /* the answer: the sides hold pointers into themselves, so they are
         * opened again in place */
        close_both(sides);
        diff_result_free(r);
        memset(r, 0, sizeof *r);
        arena_init(&r->a);
        if (open_both(sides, env, &e2, files, sbpl, &ev2, na, 1, pools)) {
            r->incomplete = arena_printf(&r->a, "with %s the profiles cannot be opened again", vs[i].label);
            return sides;
        }
        diff_run_near(r, &sides[0].side, &sides[1].side, vs[i].near, vs[i].nnear);
        r->values = vs[i].label;
        r->values_widen = wide_only;
        r->values_alias = vs[i].alias;
    }
    return sides;
}

/* The values -D gives the parameters the .buckle side c declares that are
 * spelled through /tmp, /var or /etc ("XX=/tmp/w YY=/etc/x"), and the same
 * canonical: the .sb beside it reads them as they are, c canonical. */
static void given_aliases(diff_result *r, const eval_args *ea, const compilation *c, arena *na)
{
    const char *as = NULL, *canon = NULL;
    for (size_t i = 0; c && i < ea->ndef; i++) {
        const sb_param *p = &ea->params[i];
        if (!p->value || !private_alias(p->value, strlen(p->value), "") || !hm_gets(&c->params, p->name)) continue;
        as = arena_printf(na, "%s%s%s=%s", as ? as : "", as ? " " : "", p->name, p->value);
        canon = arena_printf(na, "%s%s%s=/private%s", canon ? canon : "", canon ? " -D " : "", p->name, p->value);
    }
    r->given_alias = as;
    r->given_canon = canon;
}

/* 1 when both files hold the same bytes and are read the same way: the
 * same language, and what they extend or import resolved alike (the same
 * directory, or a text that names no other file) */
static int same_text(const char *const *files, const int *sbpl)
{
    if (sbpl[0] != sbpl[1] || !strcmp(files[0], "-") || !strcmp(files[1], "-")) return 0;
    const char *err;
    source *a = source_read(files[0], files[0], &err);
    source *b = a ? source_read(files[1], files[1], &err) : NULL;
    int same = a && b && a->len == b->len && !memcmp(a->text, b->text, a->len);
    /* "import" in any case: SBPL's reader folds it (IMPORT imports) */
    if (same && (strstr(a->text, "extends") || sbpl_text_mentions(a->text, a->len, "import"))) {
        char da[PATH_MAX], db[PATH_MAX], ra[PATH_MAX], rb[PATH_MAX];
        const char *sa = strrchr(files[0], '/'), *sb = strrchr(files[1], '/');
        snprintf(da, sizeof da, "%.*s", sa ? (int)(sa - files[0]) : 1, sa ? files[0] : ".");
        snprintf(db, sizeof db, "%.*s", sb ? (int)(sb - files[1]) : 1, sb ? files[1] : ".");
        same = realpath(*da ? da : "/", ra) && realpath(*db ? db : "/", rb) && !strcmp(ra, rb);
    }
    if (a) source_free(a);
    if (b) source_free(b);
    return same;
}

int cmd_diff(cli_env *env, int argc, char **argv)
{
    static const cli_opt own[] = { { "format", OPT_FORMAT, 1, "text|json" }, { "old-as", OPT_OLD_AS, 1, "sbpl|buckle" },
                                   { "new-as", OPT_NEW_AS, 1, "sbpl|buckle" }, { "canonical-values", OPT_CANONICAL, 0, NULL },
                                   { NULL, 'U', 1, NULL }, { NULL, 0, 0, NULL } };
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
    git_rev *revs = calloc(2, sizeof *revs);
    if (!revs) { eval_args_free(&ea); return 2; }
    const char *files[2];
    int made[2] = { 0, 0 };
    for (int k = 0; k < 2; k++) {
        files[k] = ea.pos[k];
        if (!git_rev_spec(ea.pos[k])) continue;
        if (git_rev_checkout(ea.pos[k], &revs[k]) != 0) {
            if (made[0]) git_rev_remove(&revs[0]);
            free(revs);
            eval_args_free(&ea);
            return 2;
        }
        made[k] = 1;
        files[k] = revs[k].path;
    }
    int sbpl[2];
    for (int k = 0; k < 2; k++) {
        sbpl[k] = fl.as[k] >= 0 ? fl.as[k] : reads_as_sbpl(files[k]);
        if (sbpl[k] < 0) {
            for (int j = 0; j < 2; j++) if (made[j]) git_rev_remove(&revs[j]);
            free(revs);
            eval_args_free(&ea);
            return 2;
        }
    }
    opened sides[2];
    memset(sides, 0, sizeof sides);
    arena na;
    arena_init(&na);
    const git_rev *rvs[2] = { made[0] ? &revs[0] : NULL, made[1] ? &revs[1] : NULL };
    extra_vals ev = { NULL, NULL, 0, &na, arena_alloc(&na, sizeof(sb_reads)), rvs, NULL };
    arena pools[2];           /* the memory of each side's policy, which lined_up opens and closes in turn */
    arena_init(&pools[0]);
    arena_init(&pools[1]);
    rc = open_both(sides, env, &ea, files, sbpl, &ev, &na, 0, NULL);
    opened *o = &sides[0], *n = &sides[1];
    if (rc) {
        for (int k = 0; k < 2; k++) sbpl_forms_free(&ev.reads->forms[k]);
        arena_free(&na);
        for (int k = 0; k < 2; k++) if (made[k]) git_rev_remove(&revs[k]);
        free(revs);
        eval_args_free(&ea);
        return rc;
    }
    const char *linux_changed = linux_left_out(o, n, &na);   /* (before the sides are shed) */
    /* a .buckle's sbpl verbatim blocks compared under a declared default or
     * a test value of a parameter they read in a condition: one case of it */
    const char *vb_cond = NULL;
    for (int k = 0; k < 2 && !vb_cond; k++)
        if (sides[k].vb_unfixed)
            vb_cond = arena_printf(&na, "the sbpl verbatim blocks of %s read the parameter \"%s\" in a condition, and "
                                   "no value is given for it (compare with -D %s=VALUE, and again with -U %s: the "
                                   "profile is not passed it)", files[k], sides[k].vb_unfixed, sides[k].vb_unfixed,
                                   sides[k].vb_unfixed);
    diff_result r;
    opened *cur = sides;      /* the sides of the answer: the base values', or a set's (lined_up) */
    if (same_text(files, sbpl)) {
        /* the same text read the same way decides the same: nothing to ask */
        memset(&r, 0, sizeof r);
        arena_init(&r.a);
        r.identical = 1;
    } else {
        diff_run(&r, &o->side, &n->side);
        /* the same, or narrowed only: other values may show a widening */
        int wide = 0;
        for (size_t g = 0; g < r.n; g++) wide |= r.groups[g]->widening;
        if (diff_status(&r) == 0 || (r.n && !wide)) cur = lined_up(sides, env, &ea, files, sbpl, &ev, &na, &r, pools, r.n != 0);
    }
    o = &cur[0];
    if (o->dropping) { r.left_out = o->dropped; r.nleft_out = o->ndropped; }
    if (sbpl[0] != sbpl[1]) given_aliases(&r, &ea, cur[!sbpl[0] ? 0 : 1].side.c, &na);
    for (int k = 0; k < 2 && !r.incomplete; k++) r.incomplete = verbatim_left_out(&cur[k], &cur[!k], files[k], &na);
    if (!r.incomplete) r.incomplete = linux_changed;
    if (!r.incomplete && r.protocols) r.incomplete = r.protocols;
    if (!r.incomplete && !r.identical) r.incomplete = unfixed_condition(ev.reads, &ea, files, &na);
    if (!r.incomplete && !r.identical) r.incomplete = vb_cond;
    /* two .sb sides (a .buckle and its import's original differ in text by nature) */
    if (!r.incomplete && !r.identical && sbpl[0] && sbpl[1] && o->dropping && o->ndropped)
        r.incomplete = arena_printf(&na, "the profiles' texts differ, and the left-out (import \"%s\") may decide "
                                    "requests the changed rules decide (-I DIR gives its directory)", o->dropped[0]);
    if (!r.incomplete && (r.atoms_partial || r.rules_partial))
        r.incomplete = "the patterns that changed are too many to walk every path they tell apart";
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
        git_rev_names(&t, sb_cstr(&b), &revs[k], ea.pos[k]);
        sb_free(&b);
        b = t;
    }
    rc = !b.len || cli_write_file("-", b.data, b.len) ? 2 : diff_status(&r);
    sb_free(&b);
    diff_result_free(&r);
    close_both(cur);
    arena_free(&pools[0]);
    arena_free(&pools[1]);
    for (int k = 0; k < 2; k++) sbpl_forms_free(&ev.reads->forms[k]);
    arena_free(&na);
    for (int k = 0; k < 2; k++) if (made[k]) git_rev_remove(&revs[k]);
    free(revs);
    eval_args_free(&ea);
    return rc;
}
