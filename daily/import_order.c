/* import_order.c - which operations of each rule decide anything: a rule
 * that a rule with precedence covers wholly never decides there, which is
 * how the import keeps the original's order. */
#include "import_model.h"
#include <ctype.h>
#include <string.h>
#include <stdlib.h>

/* ---- which rules decide ---------------------------------------------------- */

static int covers_path(const sfilter *h, const sfilter *r)
{
    if (h->kind == F_SUBPATH && (r->kind == F_LITERAL || r->kind == F_SUBPATH || r->kind == F_PREFIX)) {
        if (h->len == 1 && h->str[0] == '/') return r->len && r->str[0] == '/';
        if (r->kind != F_PREFIX && r->len == h->len && !memcmp(r->str, h->str, h->len)) return 1;
        return r->len > h->len && !memcmp(r->str, h->str, h->len) && r->str[h->len] == '/';
    }
    if (h->kind == F_PREFIX && (r->kind == F_LITERAL || r->kind == F_SUBPATH || r->kind == F_PREFIX))
        return r->len >= h->len && !memcmp(r->str, h->str, h->len);
    if (h->kind == F_NAME_PREFIX && (r->kind == F_NAME || r->kind == F_NAME_PREFIX) && h->ns == r->ns)
        return r->len >= h->len && !memcmp(r->str, h->str, h->len);
    return 0;
}

/* 1 when every object r matches, h matches (known cases only) */
static int contains(const sfilter *h, const sfilter *r)
{
    if (!h) return 1;
    if (!r) return 0;
    if (r->kind == F_ANY) {
        for (int i = 0; i < r->nkids; i++) if (!contains(h, r->kids[i])) return 0;
        return r->nkids > 0;
    }
    if (h->kind == F_ANY) {
        for (int i = 0; i < h->nkids; i++) if (contains(h->kids[i], r)) return 1;
        return 0;
    }
    if (h->kind == r->kind && h->ns == r->ns && h->remote == r->remote && h->str && r->str && h->len == r->len &&
        !memcmp(h->str, r->str, h->len) && h->kind != F_UNKNOWN && h->nres <= 1 && r->nres <= 1)
        return 1;
    return covers_path(h, r);
}

/* the concrete operations of r that no rule with precedence covers wholly */
void liveness(imp *m)
{
    sb_policy *p = m->sym;
    for (size_t i = 0; i < m->nrules; i++) {
        const sb_rule *r = m->rules[i].r;
        opset live;
        memset(&live, 0, sizeof live);
        const op_info *ri = op_get(r->op);
        for (int c = 0; c < ops_count(); c++) {
            if (!opset_has(&ri->covers, c)) continue;
            int dead = 0;
            for (size_t k = 0; k < p->n && !dead; k++) {
                const sb_rule *h = p->rules[k];
                if (h == r || !opset_has(&op_get(h->op)->covers, c)) continue;
                int higher;
                if (h->op == r->op) {
                    if (r->filter) higher = h->filter && h->index > r->index;
                    else higher = h->filter || h->index > r->index;
                } else {
                    /* h on an operation between c and r's: more concrete */
                    higher = 0;
                    for (int l = c; l >= 0 && l != r->op; l = op_get(l)->parent) if (l == h->op) { higher = 1; break; }
                }
                if (higher && contains(h->filter, r->filter)) dead = 1;
            }
            if (!dead) opset_add(&live, c);
        }
        m->rules[i].live = live;
    }
}


/* ---- the order of the forms kept verbatim ------------------------------------ */

/* the operations the rules of x may have, by action, from the names in its
 * text (following the definitions it uses); 0 when they cannot be known (an
 * (import ...), an operation named by a variable) */
static int verbatim_ops(const imp *m, const sexp *x, opset *allow, opset *deny, hashmap *walked, int depth)
{
    if (!x || depth > SBPL_MAX_DEPTH) return 1;
    if (x->kind == SX_SYMBOL) {
        const sexp *d = hm_get(&m->defined, x->text, x->len);
        if (!d || hm_get(walked, x->text, x->len)) return 1;
        hm_put(walked, x->text, x->len, (void *)d);
        for (const sexp *c = d->child->next->next; c; c = c->next)
            if (!verbatim_ops(m, c, allow, deny, walked, depth + 1)) return 0;
        return 1;
    }
    if (x->kind != SX_LIST && x->kind != SX_QUOTE) return 1;
    const sexp *h = x->kind == SX_LIST ? x->child : NULL;
    if (h && sexp_is_sym_nocase(h, "import")) return 0;
    if (h && (sexp_is_sym_nocase(h, "allow") || sexp_is_sym_nocase(h, "deny"))) {
        opset *s = sexp_is_sym_nocase(h, "allow") ? allow : deny;
        const sexp *o = h->next;
        for (; o && o->kind == SX_SYMBOL; o = o->next) {
            char name[128];
            if (o->len >= sizeof name) return 0;
            /* Seatbelt's reader lower-cases symbols: FILE-READ* is file-read* */
            for (size_t i = 0; i < o->len; i++) name[i] = (char)tolower((unsigned char)o->text[i]);
            name[o->len] = 0;
            int op = op_lookup(name, NULL);
            if (op < 0) return 0;
            const opset *cv = &op_get(op)->covers;
            for (size_t w = 0; w < sizeof s->w / sizeof *s->w; w++) s->w[w] |= cv->w[w];
        }
        for (; o; o = o->next) if (!verbatim_ops(m, o, allow, deny, walked, depth + 1)) return 0;
        return 1;
    }
    for (const sexp *c = x->child; c; c = c->next)
        if (!verbatim_ops(m, c, allow, deny, walked, depth + 1)) return 0;
    return 1;
}

/* The sbpl verbatim blocks come before every rule buckle writes, and of two
 * rules of one operation Seatbelt applies the later: a form before a
 * verbatim form in the original, with a rule that one of the verbatim
 * form's could meet with the other action, would win where the original
 * lets the verbatim form win.  Such a form is kept verbatim too, so that the
 * two stay in the original's order.  Returns it (its reason in *why), or -1.
 * A verbatim form whose operations cannot be known is left as it is (what
 * it decides is Seatbelt's, docs/daily.md). */
int verbatim_order(imp *m, const char **why)
{
    for (size_t v = 0; v < m->nforms; v++) {
        const iform *vf = &m->forms[v];
        if (!vf->verbatim) continue;
        opset allow, deny;
        memset(&allow, 0, sizeof allow);
        memset(&deny, 0, sizeof deny);
        hashmap walked;
        hm_init(&walked);
        int known = verbatim_ops(m, vf->x, &allow, &deny, &walked, 0);
        hm_free(&walked);
        if (!known) continue;
        for (size_t i = 0; i < m->nrules; i++) {
            const irule *ir = &m->rules[i];
            if (ir->form < 0 || (size_t)ir->form >= v || m->forms[ir->form].verbatim) continue;
            const iform *f = &m->forms[ir->form];
            if (f->kind == FK_DEFAULT || f->kind == FK_VERSION) continue;
            const opset *cv = &op_get(ir->r->op)->covers;
            if (!opset_intersects(cv, ir->r->action == ACT_ALLOW ? &deny : &allow)) continue;
            unsigned line = source_position(m->src, vf->x->at.start).line;
            *why = arena_printf(m->a, "the form kept verbatim at line %u comes after it and may decide some of its "
                                "requests the other way: kept verbatim too, so that Seatbelt applies the two in the "
                                "original's order", line);
            return ir->form;
        }
    }
    return -1;
}
