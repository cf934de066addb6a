/* lint.c - building a view of a .buckle or .sb file and running the passes. */
#include "lint.h"
#include "../compiler/patterns.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static char *vfmt(arena *a, const char *fmt, va_list ap)
{
    char probe[1];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(probe, sizeof probe, fmt, ap2);
    va_end(ap2);
    char *p = arena_alloc(a, (size_t)(n > 0 ? n : 0) + 1);
    vsnprintf(p, (size_t)(n > 0 ? n : 0) + 1, fmt, ap);
    return p;
}

diag *lint_report(lint_ctx *lc, const char *code, span at, const char *fmt, ...)
{
    const lint_rule *r = lint_rule_find(code);
    va_list ap;
    va_start(ap, fmt);
    char *msg = vfmt(lc->a, fmt, ap);
    va_end(ap);
    diag *d = diag_add(lc->dl, r ? r->info.default_sev : SEV_WARNING, code, at, "%s", msg);
    if (r && r->fix) diag_help(lc->dl, d, "%s", r->fix);
    return d;
}

diag *lint_report_sev(lint_ctx *lc, severity sev, const char *code, span at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = vfmt(lc->a, fmt, ap);
    va_end(ap);
    const lint_rule *r = lint_rule_find(code);
    diag *d = diag_add(lc->dl, sev, code, at, "%s", msg);
    if (r && r->fix) diag_help(lc->dl, d, "%s", r->fix);
    return d;
}

diag *lint_report_at_rule(lint_ctx *lc, const char *code, const lrule *who, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = vfmt(lc->a, fmt, ap);
    va_end(ap);
    span at = who ? who->at : lc->v->default_at;
    if (!at.src) at = (span){ lc->v->main, 0, 0 };
    diag *d = lint_report(lc, code, at, "%s%s", msg, who ? "" : " (by the default)");
    if (who && who->provenance && *who->provenance)
        diag_note_add(lc->dl, d, (span){ 0 }, "the rule is inherited%s", who->provenance);
    return d;
}

int lint_decide(lint_ctx *lc, const char *opname, const char *obj, const lrule **who)
{
    int op = op_lookup(opname, NULL);
    sb_request q;
    memset(&q, 0, sizeof q);
    q.op = op;
    q.obj = obj;
    q.len = strlen(obj);
    request_kind_for_op(op, obj, &q);
    *who = NULL;
    return lc->v->decide(lc->v, &q, who);
}

/* ---- .buckle ------------------------------------------------------------ */

typedef struct bview { compilation *c; lrule **by_id; } bview;

static int buckle_decide(lint_view *v, const sb_request *q, const lrule **who)
{
    bview *b = v->impl;
    decision dd = decider_decide(v->d, q);
    *who = dd.r ? b->by_id[dd.r->id] : NULL;
    return dd.action;
}

static void lint_raw_blocks(lint_ctx *lc, compilation *c);

static void keep_sources(source **keep, source *list)
{
    while (list) {
        source *n = list->next;
        list->next = *keep;
        *keep = list;
        list = n;
    }
}

static int lint_buckle(const lint_opts *o, const char *path, arena *a, diag_list *dl, source **keep)
{
    compile_opts co = { 0 };
    co.include_dirs = o->include_dirs;
    co.ninclude = o->ninclude;
    memcpy(co.std_dirs, o->std_dirs, sizeof co.std_dirs);
    co.buckle_path = o->buckle_path;
    co.stdin_name = o->stdin_name;
    co.pool = o->pool;
    compilation *c = compilation_new(&co);
    int rc = o->text ? compile_profile_text(c, path, o->text, o->text_len) : compile_profile(c, path);
    lint_compilation(c, rc, a, dl);
    /* the diagnostics point into the sources: the caller frees them after rendering */
    int io = c->io_error;
    keep_sources(keep, c->sources);
    c->sources = NULL;
    compilation_free(c);
    return io ? 2 : 0;
}

void lint_compilation(compilation *c, int rc, arena *a, diag_list *dl)
{
    /* compile diagnostics join the lint findings */
    for (diag *d = c->diags.head; d; d = d->next) {
        diag *n = diag_add(dl, d->sev, d->code, d->at, "%s", d->msg);
        if (d->help) diag_help(dl, n, "%s", d->help);
        for (diag_note *k = d->notes; k; k = k->next) diag_note_add(dl, n, k->at, "%s", k->msg);
    }
    lint_view v;
    memset(&v, 0, sizeof v);
    v.a = a;
    v.main = c->nunits ? c->units[c->nunits - 1]->src : NULL;
    lint_ctx lc = { a, dl, &v };
    if (rc == 0) {
        decider *dec = decider_new(c, NULL, 0);
        if (!decider_missing(dec)) {
            bview bv = { c, arena_alloc(a, (c->pol.rules.n + 1) * sizeof(lrule *)) };
            v.c = c;
            v.d = dec;
            v.impl = &bv;
            v.decide = buckle_decide;
            v.rules = arena_alloc(a, (c->pol.rules.n + 1) * sizeof *v.rules);
            for (size_t i = 0; i < c->pol.rules.n; i++) {
                const rule *r = c->pol.rules.v[i];
                lrule *l = &v.rules[v.n++];
                bv.by_id[r->id] = l;
                l->action = r->action == ACT_ALLOW ? 0 : 1;
                l->op = r->op;
                switch (r->m.kind) {
                case MK_NONE: l->kind = LK_NONE; break;
                case MK_LITERAL: l->kind = LK_LITERAL; break;
                case MK_SUBPATH: l->kind = LK_SUBPATH; break;
                case MK_PREFIX: case MK_NAME_PREFIX: l->kind = LK_PREFIX; break;
                case MK_NAME: l->kind = LK_NAME; break;
                case MK_IP: case MK_TARGET: l->kind = LK_OTHER; break;
                default: l->kind = LK_PATTERN;
                }
                size_t vlen;
                l->value = r->m.value ? decider_rule_value(dec, r, &vlen) : NULL;
                l->at = origin_primary(r);
                l->provenance = arena_strdup(a, unit_provenance(c, r->origins->u));
                l->implied = r->implied;
            }
            v.default_action = c->pol.default_action == ACT_ALLOW ? 0 : 1;
            if (c->pol.default_unit) {
                v.default_at = c->pol.default_at;
                v.default_note = arena_strdup(a, unit_provenance(c, c->pol.default_unit));
            }
            /* default allow, or a child loosening an inherited default deny */
            const unit *denier = NULL;
            for (size_t i = 0; i < c->nunits; i++) {
                const ast_file *f = c->units[i]->ast;
                if (!f->has_default) continue;
                if (f->default_action == ACT_DENY) { denier = c->units[i]; continue; }
                diag *d = denier
                    ? lint_report(&lc, "BK3005", f->default_at, "default allow loosens the default deny of %s", denier->display)
                    : lint_report(&lc, "BK3005", f->default_at, "default allow: everything not listed is allowed");
                (void)d;
            }
            lint_pass_keychain(&lc);
            lint_pass_mach(&lc);
            lint_pass_files(&lc);
            lint_pass_policy(&lc);
            lint_raw_blocks(&lc, c);
        }
        decider_free(dec);
    }
    /* suppressions, file by file: they never cover another file's lines */
    for (size_t i = 0; i < c->nunits; i++) {
        const unit *u = c->units[i];
        uint32_t *s = arena_alloc(a, (u->ast->nstmts + 1) * sizeof *s), *e = arena_alloc(a, (u->ast->nstmts + 1) * sizeof *e);
        for (size_t k = 0; k < u->ast->nstmts; k++) { s[k] = u->ast->stmts[k].start; e[k] = u->ast->stmts[k].end; }
        lint_apply_suppressions(&lc, u->src, s, e, u->ast->nstmts, '#');
    }
}

/* Raw sbpl blocks: the text checks of .sb files, and BK4005 where a raw rule
 * meets a generated rule of the other action (the outcome then depends on
 * Seatbelt's precedence). */
static void lint_raw_blocks(lint_ctx *lc, compilation *c)
{
    for (size_t i = 0; i < c->pol.nraw; i++) {
        const raw_block *b = &c->pol.raw[i];
        sbpl_read_opts ro = { b->ast->text.at.start, b->ast->text.at.start + (uint32_t)b->ast->text.len, 0 };
        diag_list scratch;
        diag_list_init(&scratch, lc->a);
        const source *bsrc = b->ast->text.at.src ? b->ast->text.at.src : b->u->src;
        sexp *top = sbpl_read(lc->a, &scratch, bsrc, &ro);
        lint_pass_sbpl_text(lc, top, 1);
        sbpl_eval_opts eo = { NULL, 0, NULL, 0, NULL };
        size_t np;
        const sb_param *params = decider_sbpl_params(lc->v->d, &np);
        eo.params = params;
        eo.nparams = np;
        sb_policy *p = sbpl_eval(lc->a, &scratch, bsrc, top, &eo);
        for (size_t k = 0; k < p->n; k++) {
            const sb_rule *r = p->rules[k];
            if (!r->filter || (r->filter->kind != F_LITERAL && r->filter->kind != F_SUBPATH && r->filter->kind != F_PREFIX))
                continue;
            const char *objs[3];
            objs[0] = arena_strndup(lc->a, r->filter->str, r->filter->len);
            objs[1] = arena_printf(lc->a, "%s/x", objs[0]);
            objs[2] = NULL;
            for (int oi = 0; objs[oi]; oi++) {
                sb_request q;
                memset(&q, 0, sizeof q);
                q.op = r->op;
                q.obj = objs[oi];
                q.len = strlen(objs[oi]);
                request_kind_for_op(r->op, objs[oi], &q);
                int hit = 0;
                for (int op = 0; op < ops_count() && !hit; op++) {
                    if (!opset_has(&op_get(r->op)->covers, op)) continue;
                    q.op = op;
                    if (sfilter_match(r->filter, &q) != 1) continue;
                    decision dd = decider_decide(lc->v->d, &q);
                    if (!dd.r || (dd.action == 0) == (r->action == 0)) continue;
                    bview *bv = lc->v->impl;
                    const lrule *who = bv->by_id[dd.r->id];
                    diag *d = lint_report(lc, "BK4005", r->at,
                        "this raw rule and a generated %s rule both match %s for %s; which one wins depends on Seatbelt's precedence",
                        dd.action == 0 ? "allow" : "deny", objs[oi], op_get(op)->name);
                    diag_note_add(lc->dl, d, who->at, "the generated rule%s", who->provenance);
                    hit = 1;
                }
                if (hit) break;
            }
        }
    }
}

/* ---- .sb ---------------------------------------------------------------- */

typedef struct sview { sb_policy *p; lrule **by_index; arena *a; } sview;

static int sb_decide(lint_view *v, const sb_request *q, const lrule **who)
{
    sview *s = v->impl;
    sb_answer an = sbpl_decide(s->p, q, s->a);
    *who = an.rule ? s->by_index[an.rule->index] : NULL;
    return an.decision;
}

static int lint_sb(const lint_opts *o, const char *path, const char *display, arena *a, diag_list *dl, source **keep)
{
    const char *err = NULL;
    source *src = NULL;
    if (o->text) {
        char *copy = xmalloc(o->text_len + 1);
        memcpy(copy, o->text, o->text_len);
        copy[o->text_len] = 0;
        src = source_new(display, path, copy, o->text_len);
    } else {
        src = source_read(display, path, &err);
    }
    if (!src) {
        diag_add(dl, SEV_ERROR, NULL, (span){ 0 }, "cannot read %s: %s", display, err);
        return 2;
    }
    src->next = *keep;
    *keep = src;
    sbpl_read_opts ro = { 0, 0, 1 };
    sexp *top = sbpl_read(a, dl, src, &ro);
    size_t ntest;
    const sb_param *tv = test_param_values(&ntest);
    const char **dirs = arena_alloc(a, (o->ninclude + 2) * sizeof *dirs);
    size_t nd = 0;
    for (size_t i = 0; i < o->ninclude; i++) dirs[nd++] = o->include_dirs[i];
    const char *slash = strrchr(path, '/');
    dirs[nd++] = slash ? arena_strndup(a, path, (size_t)(slash - path)) : ".";
    source *imported = NULL;
    sb_param *all = arena_alloc(a, (o->nparams + ntest + 1) * sizeof *all);
    size_t nall = 0;
    for (size_t i = 0; i < o->nparams; i++) all[nall++] = o->params[i];
    for (size_t i = 0; i < ntest; i++) all[nall++] = tv[i];
    size_t ntv;
    sb_param *tvd = derive_sbpl_params(a, all, nall, &ntv);
    sbpl_eval_opts eo = { tvd, ntv, dirs, nd, &imported };
    sb_policy *p = sbpl_eval(a, dl, src, top, &eo);
    keep_sources(keep, imported);
    lint_view v;
    memset(&v, 0, sizeof v);
    v.is_sb = 1;
    v.a = a;
    v.main = src;
    v.pol = p;
    v.top = top;
    sview sv = { p, arena_alloc(a, (p->n + 1) * sizeof(lrule *)), a };
    v.impl = &sv;
    v.decide = sb_decide;
    v.default_action = -1;
    v.rules = arena_alloc(a, (p->n + 1) * sizeof *v.rules);
    for (size_t i = 0; i < p->n; i++) {
        const sb_rule *r = p->rules[i];
        lrule *l = &v.rules[v.n++];
        sv.by_index[r->index] = l;
        l->action = r->action;
        l->op = r->op;
        l->at = r->at;
        l->provenance = "";
        l->no_sandbox = r->no_sandbox;
        const sfilter *f = r->filter;
        if (!f) l->kind = LK_NONE;
        else if (f->kind == F_LITERAL) l->kind = LK_LITERAL;
        else if (f->kind == F_SUBPATH) l->kind = LK_SUBPATH;
        else if (f->kind == F_PREFIX || f->kind == F_NAME_PREFIX) l->kind = LK_PREFIX;
        else if (f->kind == F_NAME) l->kind = LK_NAME;
        else if (f->kind == F_REGEX || f->kind == F_NAME_REGEX) l->kind = LK_PATTERN;
        else l->kind = LK_OTHER;
        if (f && f->str) l->value = arena_strndup(a, f->str, f->len);
        if (r->op == op_default() && !f) { v.default_action = r->action; v.default_at = r->at; }
    }
    lint_ctx lc = { a, dl, &v };
    if (!dl->errors || p->n) {
        /* BK4011: (version 1) must come first */
        const sexp *first = top;
        if (!first || !(first->kind == SX_LIST && sexp_is_sym(first->child, "version")))
            lint_report(&lc, "BK4011", first ? first->at : (span){ src, 0, 0 },
                        "the profile does not start with (version 1)");
        if (v.default_action == 0)
            lint_report(&lc, "BK3005", v.default_at, "(allow default): everything not listed is allowed");
        lint_pass_keychain(&lc);
        lint_pass_mach(&lc);
        lint_pass_files(&lc);
        lint_pass_policy(&lc);
        lint_pass_sbpl_text(&lc, top, 0);
        lint_pass_overlap(&lc);
    }
    /* top-level forms are the statements */
    size_t nf = 0;
    for (const sexp *x = top; x; x = x->next) nf++;
    uint32_t *s = arena_alloc(a, (nf + 1) * sizeof *s), *e = arena_alloc(a, (nf + 1) * sizeof *e);
    size_t k = 0;
    for (const sexp *x = top; x; x = x->next, k++) { s[k] = x->at.start; e[k] = x->at.end; }
    lint_apply_suppressions(&lc, src, s, e, nf, ';');
    return 0;
}

int lint_file(const lint_opts *o, const char *path, arena *a, diag_list *dl, source **keep)
{
    const char *display = strcmp(path, "-") == 0 ? (o->stdin_name ? o->stdin_name : "<stdin>") : path;
    size_t n = strlen(display);
    if (n > 3 && strcmp(display + n - 3, ".sb") == 0) return lint_sb(o, path, display, a, dl, keep);
    return lint_buckle(o, path, a, dl, keep);
}
