/* crosscheck.c - compile, read the output back, evaluate both ways. */
#include "crosscheck.h"
#include "emit.h"
#include <string.h>

crosscheck *crosscheck_new(compilation *c, const sb_param *extra, size_t nextra, int flags)
{
    return crosscheck_new_from(NULL, NULL, c, extra, nextra, flags);
}

crosscheck *crosscheck_new_from(arena *pool, arena *scratch, compilation *c, const sb_param *extra, size_t nextra, int flags)
{
    crosscheck *x = xcalloc(1, sizeof *x);
    x->c = c;
    arena_init(&x->a);
    if (pool) arena_adopt(&x->a, pool);
    diag_list_init(&x->dl, &x->a);
    x->d = decider_new(c, extra, nextra);
    strbuf b;
    sb_init(&b);
    /* sbpl verbatim is not evaluated: the answers are about what buckle sees
     * (docs/reference.md, "sbpl verbatim") */
    emit_opts eo = { .break_order = (flags & CC_BREAK_ORDER) != 0, .compact = (flags & CC_COMPACT) != 0, .no_verbatim = 1 };
    emit_sbpl(c, &eo, &b);
    const char *raw = strstr(sb_cstr(&b), "\n;; raw sbpl from ");
    x->raw_from = raw ? (uint32_t)(raw - b.data) : (uint32_t)b.len + 1;
    size_t len = b.len;
    x->sbpl_src = source_new("<compiled>", "<compiled>", sb_detach(&b), len);
    /* the forms' nodes in an arena of their own, freed once they are
     * evaluated: the rules keep only the atoms' texts (in x->a) */
    arena forms;
    arena_init(&forms);
    if (scratch) arena_adopt(&forms, scratch);
    sbpl_read_opts ro = { .whole = 1, .text = &x->a };
    sexp *top = sbpl_read(&forms, &x->dl, x->sbpl_src, &ro);
    size_t np;
    const sb_param *params = decider_sbpl_params(x->d, &np);
    sbpl_eval_opts o = { .params = params, .nparams = np };
    x->pol = sbpl_eval(&x->a, &x->dl, x->sbpl_src, top, &o);
    if (scratch) arena_adopt(scratch, &forms);
    else arena_free(&forms);
    for (size_t i = 0; i < c->pol.rules.n && !x->holders; i++) x->holders = c->pol.rules.v[i]->m.holder;
    return x;
}

void crosscheck_free(crosscheck *x) { crosscheck_free_to(x, NULL); }

void crosscheck_free_to(crosscheck *x, arena *pool)
{
    if (!x) return;
    decider_free(x->d);
    source_free(x->sbpl_src);
    if (pool) arena_adopt(pool, &x->a);
    else arena_free(&x->a);
    free(x);
}

cc_answer crosscheck_ask(crosscheck *x, const sb_request *q)
{
    cc_answer a;
    memset(&a, 0, sizeof a);
    sb_request typed;
    if (x->holders && !q->vnode && q->kind == OBJ_PATH) {
        typed = *q;
        typed.vnode = "REGULAR-FILE";
        q = &typed;
    }
    a.prof = decider_decide(x->d, q);
    a.sbpl = sbpl_decide(x->pol, q, &x->a);
    a.raw = a.sbpl.rule && a.sbpl.rule->at.start > x->raw_from;
    a.agree = a.raw || a.sbpl.decision == a.prof.action;
    return a;
}

int crosscheck_has_raw(const crosscheck *x) { return x->raw_from <= x->sbpl_src->len; }

const char *crosscheck_where(crosscheck *x, span at)
{
    if (!at.src) return "?";
    source_pos p = source_position(at.src, at.start);
    return arena_printf(&x->a, "%s:%u:%u", at.src->name, p.line, p.col);
}
