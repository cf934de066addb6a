/* merge.c - per-field merge of the linearized chain (docs/reference.md). */
#include "compile.h"
#include "overlap.h"
#include <string.h>


static int has_origin(const rule *r, const unit *u, span at)
{
    for (const origin *o = r->origins; o; o = o->next)
        if (o->u == u && o->at.start == at.start) return 1;
    return 0;
}

static void add_origin(compilation *c, rule *r, const origin *from)
{
    if (has_origin(r, from->u, from->at)) return;
    origin *o = arena_alloc(&c->a, sizeof *o);
    *o = *from;
    o->next = NULL;
    origin **p = &r->origins;
    while (*p) p = &(*p)->next;
    *p = o;
}

span origin_primary(const rule *r)
{
    return r->origins ? r->origins->at : (span){ 0 };
}

static void remove_rule(compilation *c, unit *u, rule *rm)
{
    policy *pol = &c->pol;
    rule *hit = rs_get(&pol->rule_index, rm);
    if (!hit) {
        diag *d = diag_add(&c->diags, SEV_ERROR, BK2004, rm->origins->at,
                           "remove matches no inherited rule");
        /* did-you-mean: an inherited rule of the same operation whose value
         * is the same, a near miss (a few edits, relative to its length), or
         * a path above or below it; an unrelated rule is never offered */
        rule *best = NULL;
        int bd = 1 << 30;
        size_t vl = rm->m.value ? strlen(rm->m.value) : 0;
        int near = vl >= 12 ? (int)(vl / 6) : vl >= 4 ? 1 : 0;
        for (size_t i = 0; i < pol->rules.n; i++) {
            rule *r = pol->rules.v[i];
            if (!r || r->op != rm->op || r->implied) continue;
            int dv = 0;
            if (r->m.value && rm->m.value) dv = edit_distance(r->m.value, rm->m.value, near);
            else if (r->m.value || rm->m.value) dv = near + 1;
            if (dv > near) {
                /* or a path above or below it: the rule that covers it, or one it covers */
                const char *a = r->m.value, *b = rm->m.value;
                if (!a || !b || a[0] != '/' || b[0] != '/') continue;
                size_t al = strlen(a), bl = strlen(b), l = al < bl ? al : bl;
                if (memcmp(a, b, l) || (al != bl && (al > bl ? a : b)[l] != '/')) continue;
                dv = near + 1;
            }
            int d2 = dv * 4 + (r->action != rm->action) * 2 + (r->m.kind != rm->m.kind);
            if (d2 < bd) { bd = d2; best = r; }
        }
        if (best) {
            const unit *bu = best->origins->u;
            diag_note_add(&c->diags, d, origin_primary(best), "did you mean this rule?%s",
                          unit_provenance(c, bu));
        } else if (u->index == 0) {
            diag_help(&c->diags, d, "this file extends nothing, so there is nothing to remove");
        }
        return;
    }
    if (hit->final) {
        diag *d = diag_add(&c->diags, SEV_ERROR, BK2005, rm->origins->at, "cannot remove a final rule");
        diag_note_add(&c->diags, d, origin_primary(hit), "final rule is here%s",
                      unit_provenance(c, hit->origins->u));
        return;
    }
    if (hit->origins && hit->origins->next) {
        /* rules written alike merged into one: the remove drops them all */
        diag *d = diag_add(&c->diags, SEV_WARNING, BK2017, rm->origins->at,
                           "remove drops this rule from every place that writes it");
        for (const origin *o = hit->origins; o; o = o->next)
            diag_note_add(&c->diags, d, o->at, "written here%s", unit_provenance(c, o->u));
        diag_help(&c->diags, d, "write again in this file what one of them should keep");
    }
    rs_del(&pol->rule_index, rm);
    for (size_t i = 0; i < pol->rules.n; i++)
        if (pol->rules.v[i] == hit) { pol->rules.v[i] = NULL; break; }
}

/* Copies of one rule merge, and so do their modifiers: report with
 * no-report, or two different messages, would leave the rule two answers,
 * an error at the later copy as within one rule. */
static void merge_mods(compilation *c, rule *old, const rule *r)
{
    unsigned mods = old->mods | r->mods;
    const char *clash = NULL;
    if ((mods & MODF_REPORT) && (mods & MODF_NO_REPORT) && old->mods != r->mods)
        clash = "report and no-report contradict each other";
    else if (old->message && r->message && strcmp(old->message, r->message))
        clash = "a rule can carry one message";
    if (clash) {
        diag *d = diag_add(&c->diags, SEV_ERROR, BK1001, r->origins->at,
                           "%s: this rule is written alike with other modifiers", clash);
        diag_note_add(&c->diags, d, origin_primary(old), "written here%s", unit_provenance(c, old->origins->u));
        diag_help(&c->diags, d, "rules written alike are one rule: give its copies the same modifiers "
                                "(to change an inherited one's, remove it and write it again)");
        return;
    }
    old->mods = mods;
    if (!old->message) old->message = r->message;
}

void merge_chain(compilation *c)
{
    policy *pol = &c->pol;
    pol->default_action = ACT_DENY;
    size_t total = 0;
    for (size_t ui = 0; ui < c->nunits; ui++) total += c->units[ui]->rules.n;
    rs_reserve(&pol->rule_index, total);
    for (size_t ui = 0; ui < c->nunits; ui++) {
        unit *u = c->units[ui];
        if (u->ast->has_default) {
            pol->default_action = u->ast->default_action;
            pol->default_unit = u;
            pol->default_at = u->ast->default_at;
        }
        for (size_t i = 0; i < u->removes.n; i++) remove_rule(c, u, u->removes.v[i]);
        /* hashed a few rules ahead, so that each slot is on its way in
         * by the time it is probed (the table is far larger than a cache) */
        enum { AHEAD = 8 };
        uint32_t hs[AHEAD];
        for (size_t i = 0; i < u->rules.n && i < AHEAD; i++) {
            hs[i] = rs_hash(u->rules.v[i]);
            rs_prefetch(&pol->rule_index, hs[i]);
        }
        for (size_t i = 0; i < u->rules.n; i++) {
            rule *r = u->rules.v[i];
            uint32_t h = hs[i % AHEAD];
            if (i + AHEAD < u->rules.n) {
                hs[i % AHEAD] = rs_hash(u->rules.v[i + AHEAD]);
                rs_prefetch(&pol->rule_index, hs[i % AHEAD]);
            }
            rule *old = rs_put_hashed(&pol->rule_index, r, h);     /* adds r when new */
            if (old) {
                add_origin(c, old, r->origins);
                old->final |= r->final;
                merge_mods(c, old, r);
                continue;
            }
            if (pol->rules.n >= BUCKLE_MAX_RULES) {
                diag_add(&c->diags, SEV_ERROR, BK1001, r->origins->at,
                         "more than %d rules: profile too large", BUCKLE_MAX_RULES);
                return;
            }
            r->id = (unsigned)pol->rules.n;
            rule_vec_push(&pol->rules, r);
        }
        for (ast_sbpl *b = u->ast->sbpl; b; b = b->next) {
            raw_block *nr = arena_alloc(&c->a, (pol->nraw + 1) * sizeof *nr);
            if (pol->nraw) memcpy(nr, pol->raw, pol->nraw * sizeof *nr);
            nr[pol->nraw].u = u;
            nr[pol->nraw].ast = b;
            pol->raw = nr;
            pol->nraw++;
        }
    }
    /* compact removed rules, keeping ids in order */
    size_t w = 0;
    for (size_t i = 0; i < pol->rules.n; i++) {
        if (!pol->rules.v[i]) continue;
        pol->rules.v[i]->id = (unsigned)w;
        pol->rules.v[w++] = pol->rules.v[i];
    }
    pol->rules.n = w;
}
