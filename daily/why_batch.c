/* why_batch.c - checking many suggested rules with one compilation.
 *
 * The profile is compiled and linted once with a batch of the suggested
 * rules added, each in its own block, and each rule's findings are the ones
 * in its block.  A rule gets the answer why_check_one would give it alone
 * unless the others can change it, and then it is checked alone:
 *  - a finding in its block (rare: the rule is checked alone, and with it
 *    every rule that shares one of the traversal rules its block implies,
 *    which the compiler writes once, at the first block that implies it);
 *  - a request a lint pass asked that one of the added rules decides: the
 *    passes ask other requests then (they stop at the first allowed), so
 *    that rule is checked alone (and the rules sharing the traversal rule
 *    that decided), and the others again without it, until no added rule
 *    decides what the passes ask: then they ask what they ask of the
 *    profile alone, and get the same answers;
 *  - a rule written alike in several blocks (merged into one);
 *  - its rule not matching its request (as written it always does);
 *  - a batch that does not compile: the blocks with an error are checked
 *    alone and the others again without them (with no such block, each
 *    half of the batch again).
 * Its request is decided by the rule of the profile that denied it and the
 * rule added (beats()), as decider_decide decides it with the rule alone. */
#include "why_check.h"
#include "../compiler/precedence.h"
#include "../lint/lint.h"
#include <stdlib.h>
#include <string.h>

#define WHY_BATCH 4096        /* rules per compilation, and */
#define WHY_BATCH_DEPTH 16384 /* path components (each makes a traversal rule): bound its memory */

typedef struct batch {
    const unit *main;              /* the profile's own file, with the blocks after it */
    const uint32_t *start, *end;   /* each block's span in its text */
    size_t n;
    unsigned char *alone;          /* 1: to be checked alone */
    const rule **mine;             /* every rule with an origin in a block (traversal rules too) */
    size_t nmine;
    const rule **taint;            /* traversal rules written once for several blocks */
    size_t ntaint, taint_cap;
    int probed;                    /* a pass asked a request an added rule decides */
} batch;

/* The block holding o, or -1 */
static long block_of(const batch *b, const origin *o)
{
    if (o->u != b->main || !b->n || o->at.start < b->start[0]) return -1;
    size_t lo = 0, hi = b->n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (b->start[mid] <= o->at.start) lo = mid; else hi = mid;
    }
    return o->at.start < b->end[lo] ? (long)lo : -1;
}

static int in_any_block(const batch *b, const rule *r)
{
    for (const origin *o = r->origins; o; o = o->next)
        if (block_of(b, o) >= 0) return 1;
    return 0;
}

static void set_alone(batch *b, const rule *r)
{
    for (const origin *o = r->origins; o; o = o->next) {
        long k = block_of(b, o);
        if (k >= 0) b->alone[k] = 1;
    }
    if (r->implied) {
        if (b->ntaint == b->taint_cap) {
            b->taint_cap = b->taint_cap ? 2 * b->taint_cap : 16;
            b->taint = xrealloc(b->taint, b->taint_cap * sizeof *b->taint);
        }
        b->taint[b->ntaint++] = r;
    }
}

/* lint asked q and an added rule decided it: the passes may ask other
 * requests than they ask of the profile alone (they stop at the first
 * request allowed), so the rule is checked alone and the batch again
 * without it */
static void on_probe(void *ctx, decider *d, const sb_request *q, const rule *r)
{
    batch *b = ctx;
    (void)d;
    (void)q;
    if (!r || !in_any_block(b, r)) return;
    b->probed = 1;
    set_alone(b, r);
}

/* Each rule whose path has a tainted traversal rule's path at or above it */
static void spread_taint(batch *b, decider *d, const rule *const *own)
{
    hashmap t;
    hm_init(&t);
    for (size_t i = 0; i < b->ntaint; i++) {
        size_t len;
        const char *v = decider_rule_value(d, b->taint[i], &len);
        if (!v) { memset(b->alone, 1, b->n); hm_free(&t); return; }
        hm_set(&t, v, len, (void *)v);
    }
    for (size_t k = 0; k < b->n && t.count; k++) {
        if (b->alone[k] || !own[k]) continue;
        size_t len;
        const char *v = decider_rule_value(d, own[k], &len);
        if (!v) { b->alone[k] = 1; continue; }
        for (size_t e = 1; e <= len && !b->alone[k]; e++)
            if ((e == 1 || e == len || v[e] == '/') && hm_get(&t, v, e)) b->alone[k] = 1;
    }
    hm_free(&t);
}

/* Whether r, added after the profile's rules, decides q over the rule of
 * the profile that decided it (NULL: the default), as decider_decide does
 * with r alone added: of r's rules only r matches q (the traversal rules it
 * implies are above q's object), and r comes last, so it must be better
 * (decider_decide keeps the first of equals). */
static int beats(const rule *r, const rule *decided, const sb_request *q)
{
    if (!decided) return 1;
    int odepth = q->kind == OBJ_PATH ? path_depth(q->obj, q->len) : 0;
    int rd = r->implied == 1 ? odepth : r->m.spec_a, dd = decided->implied == 1 ? odepth : decided->m.spec_a;
    if (r->final != decided->final) return r->final;
    if (rd != dd) return rd > dd;
    if (r->m.spec_b != decided->m.spec_b) return r->m.spec_b > decided->m.spec_b;
    return r->action == ACT_DENY && decided->action == ACT_ALLOW;
}

static void check_batch(why_log *w, compilation *c, const sb_param *extra, size_t nextra, const why_pending *p, size_t n)
{
    const unit *u = c->units[c->nunits - 1];
    strbuf t;
    sb_init(&t);
    sb_add(&t, u->src->text, u->src->len);
    uint32_t *start = xmalloc(n * sizeof *start), *end = xmalloc(n * sizeof *end);
    if (t.len && t.data[t.len - 1] != '\n') sb_putc(&t, '\n');
    for (size_t i = 0; i < n; i++) {
        start[i] = (uint32_t)t.len;
        sb_puts(&t, p[i].g->suggestion_block);
        end[i] = (uint32_t)t.len;
    }
    compile_opts o = c->opts;
    o.pool = NULL;
    compilation *c2 = compilation_new(&o);
    w->checks_compiled++;
    int rc = compile_profile_text(c2, u->src->path, t.data, t.len);
    sb_free(&t);
    if (rc || !c2->nunits) {
        /* the blocks with an error are checked alone, the others again
         * without them; without such blocks, each half by itself */
        why_pending *rest = xmalloc(n * sizeof *rest);
        unsigned char *bad = xmalloc(n);
        memset(bad, 0, n);
        size_t nrest = 0;
        batch eb = { c2->nunits ? c2->units[c2->nunits - 1] : NULL, start, end, n, NULL, NULL, 0, NULL, 0, 0, 0 };
        for (const diag *x = c2->diags.head; x && eb.main; x = x->next) {
            if (x->sev != SEV_ERROR || x->at.src != eb.main->src) continue;
            origin og = { eb.main, x->at, NULL, 0, { 0 } };
            long k = block_of(&eb, &og);
            if (k >= 0) bad[k] = 1;
        }
        for (size_t i = 0; i < n; i++)
            if (!bad[i]) rest[nrest++] = p[i];
        compilation_free(c2);
        free(start);
        free(end);
        if (nrest == n) {
            if (n == 1) why_check_one(w, p[0].g, c, extra, nextra, &p[0].q, NULL, NULL);
            else {
                check_batch(w, c, extra, nextra, p, n / 2);
                check_batch(w, c, extra, nextra, p + n / 2, n - n / 2);
            }
        } else {
            if (nrest) check_batch(w, c, extra, nextra, rest, nrest);
            for (size_t i = 0; i < n; i++)
                if (bad[i]) why_check_one(w, p[i].g, c, extra, nextra, &p[i].q, NULL, NULL);
        }
        free(rest);
        free(bad);
        return;
    }
    arena la;
    arena_init(&la);
    batch b = { c2->units[c2->nunits - 1], start, end, n, arena_alloc(&la, n), NULL, 0, NULL, 0, 0, 0 };
    memset(b.alone, 0, n);
    const rule **own = arena_alloc(&la, n * sizeof *own);
    memset(own, 0, n * sizeof *own);
    b.mine = arena_alloc(&la, (c2->pol.rules.n + 1) * sizeof *b.mine);
    for (size_t i = 0; i < c2->pol.rules.n; i++) {
        const rule *r = c2->pol.rules.v[i];
        if (!r || !in_any_block(&b, r)) continue;
        b.mine[b.nmine++] = r;
        if (r->implied) continue;
        size_t blocks = 0;
        for (const origin *og = r->origins; og; og = og->next) {
            long k = block_of(&b, og);
            if (k < 0) continue;
            blocks++;
            if (own[k] && own[k] != r) b.alone[k] = 1;
            own[k] = r;
        }
        if (blocks > 1) set_alone(&b, r);     /* written alike in several blocks */
    }
    diag_list dl;
    diag_list_init(&dl, &la);
    lint_compilation_probed(c2, rc, &la, &dl, on_probe, &b);
    /* a finding in a block: checked alone, and so is each block sharing a
     * traversal rule this block implies */
    for (const diag *x = dl.head; x; x = x->next) {
        if (!x->code || x->suppressed || x->at.src != b.main->src) continue;
        origin og = { b.main, x->at, NULL, 0, { 0 } };
        long k = block_of(&b, &og);
        if (k >= 0) b.alone[k] = 1;
    }
    for (size_t i = 0; i < b.nmine; i++) {
        const rule *r = b.mine[i];
        if (!r->implied) continue;
        for (const origin *og = r->origins; og; og = og->next) {
            long k = block_of(&b, og);
            if (k >= 0 && b.alone[k] && own[k]) { set_alone(&b, r); break; }
        }
    }
    decider *d = decider_new(c2, extra, nextra);
    if (decider_missing(d)) memset(b.alone, 1, n);
    if (b.ntaint) spread_taint(&b, d, own);
    if (b.probed) {
        /* the others again, without the rules that changed what lint asks */
        why_pending *rest = xmalloc(n * sizeof *rest);
        size_t nrest = 0;
        for (size_t i = 0; i < n; i++)
            if (!b.alone[i]) rest[nrest++] = p[i];
        decider_free(d);
        compilation_free(c2);
        if (nrest) check_batch(w, c, extra, nextra, rest, nrest);
        for (size_t i = 0; i < n; i++)
            if (b.alone[i]) why_check_one(w, p[i].g, c, extra, nextra, &p[i].q, NULL, NULL);
        free(rest);
        free(b.taint);
        arena_free(&la);
        free(start);
        free(end);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        why_group *g = p[i].g;
        const sb_request *q = &p[i].q;
        const rule *r = own[i];
        if (!r || !opset_has(r->covers, q->op) || !decider_matches(d, r, q)) b.alone[i] = 1;
        if (b.alone[i]) continue;
        if (beats(r, p[i].decided, q)) g->suggestion_allows = 1;
        else g->suggestion_problem = why_still_denied(&w->a, p[i].decided, c);
        g->findings = arena_alloc(&w->a, sizeof *g->findings);
        g->nfindings = 0;
    }
    decider_free(d);
    compilation_free(c2);
    for (size_t i = 0; i < n; i++)
        if (b.alone[i]) why_check_one(w, p[i].g, c, extra, nextra, &p[i].q, NULL, NULL);
    free(b.taint);
    arena_free(&la);
    free(start);
    free(end);
}

void why_check_many(why_log *w, compilation *c, const sb_param *extra, size_t nextra, const why_pending *p, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t k = 0, depth = 0;
        while (i + k < n && k < WHY_BATCH && (!k || depth < WHY_BATCH_DEPTH)) {
            const sb_request *q = &p[i + k].q;
            depth += q->kind == OBJ_PATH ? (size_t)path_depth(q->obj, q->len) + 1 : 1;
            k++;
        }
        check_batch(w, c, extra, nextra, p + i, k);
        i += k;
    }
}
