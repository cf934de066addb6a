/* raw_view.c - the rules of a .buckle file's raw sbpl text (sbpl blocks,
 * `allow OP sbpl "(...)"` in misc, sbpl verbatim blocks) in its lint view:
 * evaluated as lint evaluates an .sb file, added to the view's rules, and
 * ordered against the generated rules as Seatbelt orders the compiled output
 * (docs/lint.md): verbatim blocks come before the generated rules, raw
 * rules after them. */
#include "raw_view.h"
#include <stdlib.h>
#include <string.h>

typedef struct raw_eval {
    sb_policy *p;
    int verbatim;
    lrule **by_index;       /* the lrule of each rule of p, by its index */
} raw_eval;

struct raw_view {
    raw_eval *blocks;
    size_t n;
    lrule *rules;           /* every block's rules, in order */
    size_t nrules;
    arena *a;
};

/* A rule of a misc filter was read from the text buckle built around the
 * string's value ("(allow OP " VALUE ...): its place in the .buckle string,
 * through the string's escapes (\\ \" \n \t \xHH); the whole string when
 * the text does not hold the value. */
static span in_unit(const raw_block *b, span at)
{
    const source *us = b->u->src;
    if (!at.src || at.src == us || b->ast->at.src != us) return at;
    const source *fs = at.src;
    span str = b->ast->at;
    const char *open = fs->len > 1 ? memchr(fs->text + 1, '(', fs->len - 1) : NULL;
    if (!open || str.end < str.start + 2 || us->text[str.start] != '"') return str;
    uint32_t j = (uint32_t)(open - fs->text), from = 0, to = 0;
    for (uint32_t i = str.start + 1; i < str.end - 1; j++) {
        if (j == at.start) from = i;
        if (j == at.end) to = i;
        uint32_t step = us->text[i] != '\\' ? 1 : us->text[i + 1] == 'x' ? 4 : 2;
        char ch = us->text[i];
        if (step == 2) ch = us->text[i + 1] == 'n' ? '\n' : us->text[i + 1] == 't' ? '\t' : us->text[i + 1];
        if (step == 4) {
            char hex[3] = { us->text[i + 2], us->text[i + 3], 0 };
            ch = (char)strtol(hex, NULL, 16);
        }
        if (j >= fs->len || fs->text[j] != ch) return str;
        i += step;
    }
    if (j == at.end) to = str.end - 1;
    return from && to > from ? (span){ us, from, to } : str;
}

static lrule_kind kind_of(const sfilter *f)
{
    if (!f) return LK_NONE;
    switch (f->kind) {
    case F_LITERAL: return LK_LITERAL;
    case F_SUBPATH: return LK_SUBPATH;
    case F_PREFIX: case F_NAME_PREFIX: return LK_PREFIX;
    case F_NAME: return LK_NAME;
    case F_REGEX: case F_NAME_REGEX: return LK_PATTERN;
    default: return LK_OTHER;
    }
}

raw_view *raw_view_build(arena *a, compilation *c, const decider *d)
{
    if (!c->pol.nraw) return NULL;
    raw_view *rv = arena_alloc(a, sizeof *rv);
    rv->blocks = arena_alloc(a, c->pol.nraw * sizeof *rv->blocks);
    rv->n = 0;
    rv->a = a;
    rv->rules = NULL;
    rv->nrules = 0;
    size_t cap = 0;
    size_t np;
    const sb_param *params = decider_sbpl_params(d, &np);
    for (size_t i = 0; i < c->pol.nraw; i++) {
        const raw_block *b = &c->pol.raw[i];
        const source *bsrc = b->ast->text.at.src ? b->ast->text.at.src : b->u->src;
        sbpl_read_opts ro = { .start = b->ast->text.at.start, .end = b->ast->text.at.start + (uint32_t)b->ast->text.len };
        diag_list scratch;       /* the compiler reported what is wrong in the text */
        diag_list_init(&scratch, a);
        sexp *top = sbpl_read(a, &scratch, bsrc, &ro);
        sbpl_eval_opts eo = { .params = params, .nparams = np, .unknown_params = 1 };
        sb_policy *p = sbpl_eval(a, &scratch, bsrc, top, &eo);
        raw_eval *e = &rv->blocks[rv->n++];
        e->p = p;
        e->verbatim = b->ast->verbatim;
        e->by_index = arena_alloc(a, (p->n + 1) * sizeof *e->by_index);
        if (rv->nrules + p->n > cap) {
            size_t ncap = (rv->nrules + p->n) * 2 + 8;
            lrule *nr = arena_alloc(a, ncap * sizeof *nr);
            if (rv->nrules) memcpy(nr, rv->rules, rv->nrules * sizeof *nr);
            for (size_t j = 0; j + 1 < rv->n; j++)      /* the earlier blocks' rules moved */
                for (size_t k = 0; k < rv->blocks[j].p->n; k++)
                    rv->blocks[j].by_index[k] = nr + (rv->blocks[j].by_index[k] - rv->rules);
            rv->rules = nr;
            cap = ncap;
        }
        for (size_t k = 0; k < p->n; k++) {
            const sb_rule *r = p->rules[k];
            lrule *l = &rv->rules[rv->nrules++];
            memset(l, 0, sizeof *l);
            e->by_index[r->index] = l;
            l->action = r->action;
            l->op = r->op;
            l->kind = kind_of(r->filter);
            if (r->filter && r->filter->str) l->value = arena_strndup(a, r->filter->str, r->filter->len);
            l->at = in_unit(b, r->filter && r->filter->at.src ? r->filter->at : r->at);
            l->provenance = arena_printf(a, " (%s)", b->ast->verbatim ? "sbpl verbatim" : "raw sbpl");
            l->leaves = r->leaves;
            l->raw = 1;
        }
    }
    return rv;
}

size_t raw_view_place(raw_view *rv, lrule *dst)
{
    if (!rv) return 0;
    if (rv->nrules) memcpy(dst, rv->rules, rv->nrules * sizeof *dst);
    for (size_t j = 0; j < rv->n; j++)
        for (size_t k = 0; k < rv->blocks[j].p->n; k++)
            rv->blocks[j].by_index[k] = dst + (rv->blocks[j].by_index[k] - rv->rules);
    rv->rules = dst;
    return rv->nrules;
}

size_t raw_view_size(const raw_view *rv)
{
    return rv ? rv->nrules : 0;
}

/* x decides before y at the same request: a more concrete operation, or the
 * same operation with a filter against none */
static int more_specific(const lrule *x, const lrule *y)
{
    if (x->op != y->op) return opset_has(&op_get(y->op)->covers, x->op);
    return x->kind != LK_NONE && y->kind == LK_NONE;
}

/* the last rule of the blocks of one kind that matches q */
static const lrule *last_match(raw_view *rv, int verbatim, const sb_request *q, int *act)
{
    const lrule *w = NULL;
    for (size_t i = 0; i < rv->n; i++) {
        raw_eval *e = &rv->blocks[i];
        if (e->verbatim != verbatim || !e->p->n) continue;
        sb_answer an = sbpl_decide(e->p, q, rv->a);
        if (an.decision == ACT_UNDECIDED || !an.rule || an.rule->op == op_default()) continue;
        w = e->by_index[an.rule->index];
        *act = an.decision;
    }
    return w;
}

int raw_view_decide(raw_view *rv, const sb_request *q, int act, const lrule **who)
{
    if (!rv) return act;
    int vact = act, ract = act;
    const lrule *vb = last_match(rv, 1, q, &vact);
    const lrule *rw = last_match(rv, 0, q, &ract);
    /* a verbatim rule comes first: it decides where the generated rule
     * (or the default) does not come before it */
    if (vb && (!*who || more_specific(vb, *who))) { *who = vb; act = vact; }
    /* a raw rule comes last: it decides unless the rule so far is more specific */
    if (rw && (!*who || !more_specific(*who, rw))) { *who = rw; act = ract; }
    return act;
}
