/* diff_verbatim.c - the sbpl verbatim blocks of a .buckle profile,
 * evaluated with the parameters' values (diff_verbatim.h). */
#include "diff_verbatim.h"
#include "../backend/emit.h"
#include "../backend/sbpl_file.h"
#include <string.h>

/* 1 when the parameter name has a value in p, or the program does not pass
 * it (unset; a derived NAME.sfx goes with NAME) */
static int known(const char *name, size_t len, const sb_param *p, size_t np, const char *const *unset, size_t nunset)
{
    for (size_t i = 0; i < np; i++) if (strlen(p[i].name) == len && !memcmp(p[i].name, name, len)) return 1;
    const char *dot = memchr(name, '.', len);
    size_t bl = dot ? (size_t)(dot - name) : len;
    for (size_t i = 0; i < nunset; i++) if (strlen(unset[i]) == bl && !memcmp(unset[i], name, bl)) return 1;
    return 0;
}

/* the first (param ...) in x whose value is not known: its name, or
 * "(computed)" for a name the profile computes; NULL when none */
/* the forms of one sbpl verbatim block, read from its text (the compiler
 * read it without errors); *src gets the source they point into */
sexp *vb_block_forms(arena *a, const raw_block *b, const source **src)
{
    const source *in = b->ast->text.at.src ? b->ast->text.at.src : b->u->src;
    sbpl_read_opts ro = { .start = b->ast->text.at.start, .end = b->ast->text.at.start + (uint32_t)b->ast->text.len };
    diag_list quiet;
    diag_list_init(&quiet, a);
    if (src) *src = in;
    return sbpl_read(a, &quiet, in, &ro);
}

static const sexp *unknown_param(const sexp *x, const sb_param *p, size_t np, const char *const *unset, size_t nunset,
                                 int depth)
{
    for (; x && depth <= SBPL_MAX_DEPTH; x = x->next) {
        if (x->kind == SX_LIST && x->child && sexp_is_sym(x->child, "param") && x->child->next) {
            const sexp *a = x->child->next;
            if (a->kind != SX_STRING || !known(a->text, a->len, p, np, unset, nunset)) return x;
        }
        if (x->kind == SX_LIST || x->kind == SX_QUOTE) {
            const sexp *u = unknown_param(x->child, p, np, unset, nunset, depth + 1);
            if (u) return u;
        }
    }
    return NULL;
}

static const vb_block *block_at(const vb_eval *v, uint32_t off)
{
    for (size_t i = 0; i < v->nblocks; i++) if (v->blk[i].from <= off && off < v->blk[i].to) return &v->blk[i];
    return NULL;
}

/* a span of the compiled SBPL in a block, as the span of the .buckle text */
static span in_buckle(const vb_eval *v, span at)
{
    const vb_block *b = at.src == v->src ? block_at(v, at.start) : NULL;
    if (!b) return at;
    uint32_t s = b->at + (at.start - b->from);
    uint32_t e = at.end > at.start && at.end <= b->to ? b->at + (at.end - b->from) : s;
    return (span){ b->src, s, e };
}

void vb_open(vb_eval *v, crosscheck *x, const char *const *unset, size_t nunset, const char *const *dirs, size_t ndirs)
{
    memset(v, 0, sizeof *v);
    arena_init(&v->a);
    diag_list_init(&v->dl, &v->a);
    compilation *c = x->c;
    for (size_t i = 0; i < c->pol.nraw; i++) v->nblocks += c->pol.raw[i].ast->verbatim != 0;
    if (!v->nblocks) return;
    /* the values: the decider's, less the parameters the program does not pass */
    size_t nall;
    const sb_param *all = decider_sbpl_params(x->d, &nall);
    sb_param *p = arena_alloc(&v->a, (nall + 1) * sizeof *p);
    size_t np = 0;
    for (size_t i = 0; i < nall; i++)
        if (!known(all[i].name, strlen(all[i].name), NULL, 0, unset, nunset)) p[np++] = all[i];
    /* every parameter a block reads has a value, or is not passed */
    for (size_t i = 0; i < c->pol.nraw && !v->why_not; i++) {
        const raw_block *b = &c->pol.raw[i];
        if (!b->ast->verbatim) continue;
        const sexp *u = unknown_param(vb_block_forms(&v->a, b, NULL), p, np, unset, nunset, 0);
        if (!u) continue;
        const sexp *a = u->child->next;
        v->why_not = a->kind == SX_STRING
            ? arena_printf(&v->a, "it reads the parameter \"%.*s\", which has no value here (give it with -D %.*s=VALUE, "
                           "or -U %.*s when the program passes none)", (int)a->len, a->text, (int)a->len, a->text,
                           (int)a->len, a->text)
            : "it reads a parameter whose name it computes";
        v->why_at = u->at;
    }
    if (v->why_not) return;
    /* the compiled SBPL with the blocks, and where each block is in it */
    strbuf b;
    sb_init(&b);
    emit_opts eo = { 0 };
    emit_sbpl(c, &eo, &b);
    size_t len = b.len;
    v->src = source_new("<compiled>", "<compiled>", sb_detach(&b), len);
    v->blk = arena_alloc(&v->a, v->nblocks * sizeof *v->blk);
    const char *t = v->src->text, *pos = t;
    size_t k = 0;
    for (size_t i = 0; i < c->pol.nraw; i++) {
        const raw_block *rb = &c->pol.raw[i];
        if (!rb->ast->verbatim) continue;
        const char *h = strstr(pos, "\n" SBPL_VERBATIM_MARK);
        const char *nl = h ? strchr(h + 1, '\n') : NULL;
        if (!nl) { v->why_not = "its text was not found in the compiled SBPL"; return; }
        vb_block *vb = &v->blk[k++];
        vb->from = (uint32_t)(nl + 1 - t);
        vb->to = vb->from + (uint32_t)rb->ast->text.len;
        vb->src = rb->ast->text.at.src ? rb->ast->text.at.src : rb->u->src;
        vb->at = rb->ast->text.at.start;
        pos = t + vb->to;
    }
    sexp *top = sbpl_read(&v->a, &v->dl, v->src, NULL);
    sbpl_eval_opts o = { .params = p, .nparams = np, .import_dirs = dirs, .nimport = ndirs, .sources = &v->imported };
    v->pol = top && !v->dl.errors ? sbpl_eval(&v->a, &v->dl, v->src, top, &o) : NULL;
    const diag *e = v->dl.head;
    while (e && e->sev != SEV_ERROR) e = e->next;
    if (!v->pol || e) {
        v->why_not = arena_printf(&v->a, "the SBPL evaluator does not accept it%s%s", e ? ": " : "", e ? e->msg : "");
        v->why_at = e ? in_buckle(v, e->at) : (span){ v->blk[0].src, v->blk[0].at, v->blk[0].at };
    } else if (v->pol->undecidable || v->pol->incomplete) {
        v->why_not = arena_printf(&v->a, "the SBPL evaluator cannot evaluate it: %s",
                                  v->pol->undecidable ? v->pol->undecidable : v->pol->incomplete);
        v->why_at = in_buckle(v, v->pol->undecidable ? v->pol->undecidable_at : v->pol->incomplete_at);
    }
}

const char *vb_unfixed(vb_eval *v, const crosscheck *x, const sb_param *given, size_t ngiven, const char *const *unset,
                       size_t nunset)
{
    const compilation *c = x->c;
    sexp *all = NULL, **at = &all;
    for (size_t i = 0; i < c->pol.nraw; i++) {
        const raw_block *b = &c->pol.raw[i];
        if (!b->ast->verbatim) continue;
        *at = vb_block_forms(&v->a, b, NULL);
        while (*at) at = &(*at)->next;
    }
    sb_param_read *pr;
    size_t np = all ? sbpl_file_params_with(&v->a, all, v->imported, &pr) : 0;
    for (size_t i = 0; i < np; i++)
        if (pr[i].other && !known(pr[i].name, strlen(pr[i].name), given, ngiven, unset, nunset)) return pr[i].name;
    return NULL;
}

void vb_close(vb_eval *v)
{
    while (v->imported) { source *n = v->imported->next; source_free(v->imported); v->imported = n; }
    source_free(v->src);
    arena_free(&v->a);
    memset(v, 0, sizeof *v);
}

sb_answer vb_ask(vb_eval *v, const sb_request *q) { return sbpl_decide(v->pol, q, &v->a); }

int vb_from_block(const vb_eval *v, const sb_rule *r)
{
    if (!r || !r->at.src) return 0;
    return r->at.src != v->src || block_at(v, r->at.start) != NULL;   /* in a block, or in a file one imports */
}

const char *vb_describe(arena *a, const vb_eval *v, const sb_rule *r)
{
    span at = in_buckle(v, r->at);
    source_pos p = source_position(at.src, at.start);
    size_t len;
    const char *line = source_line(at.src, at.start, &len);
    while (len && (line[len - 1] == ' ' || line[len - 1] == '\r')) len--;
    return arena_printf(a, "%s:%u:%u: %.*s (%s)", at.src->name, p.line, p.col, (int)(len > 200 ? 200 : len), line,
                        r->at.src == v->src ? "sbpl verbatim" : "imported by an sbpl verbatim block");
}
