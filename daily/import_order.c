/* import_order.c - which operations of each rule decide anything: a rule
 * that a rule with precedence covers wholly never decides there, which is
 * how the import keeps the original's order. */
#include "import_model.h"
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

