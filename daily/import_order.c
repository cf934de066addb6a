/* import_order.c - which operations of each rule decide anything: a rule
 * that a rule with precedence covers wholly never decides there, which is
 * how the import keeps the original's order. */
#include "import_model.h"
#include "../compiler/overlap.h"
#include "../compiler/precedence.h"
#include "../compiler/patterns.h"
#include "../support/param_marks.h"
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


/* ---- the order sections would give ------------------------------------------ */

/* buckle's matcher for a leaf filter (parameters as buckle's markers);
 * 0 when buckle has none */
static int leaf_matcher(const imp *m, const sfilter *f, matcher *out)
{
    memset(out, 0, sizeof *out);
    static const struct { sf_kind f; matcher_kind k; } kinds[] = {
        { F_LITERAL, MK_LITERAL }, { F_SUBPATH, MK_SUBPATH }, { F_PREFIX, MK_PREFIX }, { F_REGEX, MK_REGEX },
        { F_NAME, MK_NAME }, { F_NAME_PREFIX, MK_NAME_PREFIX }, { F_NAME_REGEX, MK_NAME_REGEX },
        { F_IP, MK_IP }, { F_TARGET, MK_TARGET },
    };
    size_t k = 0;
    while (k < sizeof kinds / sizeof *kinds && kinds[k].f != f->kind) k++;
    if (k == sizeof kinds / sizeof *kinds || !f->str) return 0;
    if ((f->kind == F_REGEX || f->kind == F_NAME_REGEX) && f->nres != 1) return 0;
    static const struct { sf_ns s; name_ns n; } nss[] = {
        { SNS_GLOBAL, NS_GLOBAL }, { SNS_LOCAL, NS_LOCAL }, { SNS_SYSCTL, NS_SYSCTL }, { SNS_IPC, NS_IPC },
        { SNS_IOKIT, NS_IOKIT },
    };
    out->kind = kinds[k].k;
    if (mk_family(out->kind) == FAM_NAME) {
        size_t n = 0;
        while (n < sizeof nss / sizeof *nss && nss[n].s != f->ns) n++;
        if (n == sizeof nss / sizeof *nss) return 0;
        out->ns = nss[n].n;
    }
    out->outbound = f->remote;
    /* the import's parameter markers as buckle's */
    strbuf b;
    sb_init(&b);
    size_t sl = strlen(SENT);
    for (size_t i = 0; i < f->len; i++) {
        if (f->len - i > sl && !strncmp(f->str + i, SENT, sl)) {
            size_t j = i + sl, v = 0;
            while (j < f->len && f->str[j] >= '0' && f->str[j] <= '9') v = v * 10 + (size_t)(f->str[j++] - '0');
            if (j + 2 <= f->len && f->str[j] == '_' && f->str[j + 1] == '_' && v < m->np) {
                sb_putc(&b, PARAM_OPEN);
                sb_puts(&b, m->pnames[v]);
                sb_putc(&b, PARAM_CLOSE);
                i = j + 1;
                continue;
            }
        }
        if (f->len - i >= strlen(SENT_ANC) && !strncmp(f->str + i, SENT_ANC, strlen(SENT_ANC))) { sb_free(&b); return 0; }
        sb_putc(&b, f->str[i]);
    }
    out->value = arena_strndup(m->a, b.data ? b.data : "", b.len);
    out->len = b.len;
    out->plain = !memchr(out->value, PARAM_OPEN, out->len);
    sb_free(&b);
    matcher_finish(m->a, out);
    return 1;
}

/* 1 when every object o matches, x matches (o a conjunction: one of its parts) */
static int held(const sfilter *x, const sfilter *o, int depth)
{
    if (contains(x, o)) return 1;
    if (!x || !o || depth > SBPL_MAX_DEPTH) return 0;
    if (x->kind == F_ANY)
        for (int i = 0; i < x->nkids; i++) if (held(x->kids[i], o, depth + 1)) return 1;
    if (x->kind == F_ALL && x->nkids) {
        int all = 1;
        for (int i = 0; i < x->nkids && all; i++) all = held(x->kids[i], o, depth + 1);
        if (all) return 1;
    }
    if (o->kind == F_ALL)
        for (int i = 0; i < o->nkids; i++) if (o->kids[i]->kind != F_NOT && held(x, o->kids[i], depth + 1)) return 1;
    return 0;
}

/* a literal or subpath not spelled as the kernel spells paths (a trailing
 * "/", "//", a "." or ".." component): Seatbelt compares the string as
 * written, where it may match nothing, but the author meant the path, and
 * either reading may be Seatbelt's */
static int spelled_oddly(const sfilter *f)
{
    if ((f->kind != F_LITERAL && f->kind != F_SUBPATH) || !f->str || f->len < 2) return 0;
    const char *p = f->str, *e = f->str + f->len;
    if (e[-1] == '/') return 1;
    for (const char *q = p; q < e; q++) {
        if (*q != '/') continue;
        size_t l = (size_t)(e - q);
        if ((l >= 2 && q[1] == '/') || (l >= 2 && q[1] == '.' && (l == 2 || q[2] == '/')) ||
            (l >= 3 && q[1] == '.' && q[2] == '.' && (l == 3 || q[3] == '/'))) return 1;
    }
    return 0;
}

/* a path spelled oddly anywhere in f */
static int holds_odd_spelling(const sfilter *f, int depth)
{
    if (!f || depth > SBPL_MAX_DEPTH) return 0;
    if (spelled_oddly(f)) return 1;
    for (int i = 0; i < f->nkids; i++) if (holds_odd_spelling(f->kids[i], depth + 1)) return 1;
    return 0;
}

/* 0 only when no object matches both filters (a filter buckle cannot
 * analyse, or a path spelled oddly, may meet anything) */
static int filters_may_meet(const imp *m, const sfilter *a, const sfilter *b, int depth)
{
    if (!a || !b || depth > SBPL_MAX_DEPTH) return 1;
    if (spelled_oddly(a) || spelled_oddly(b)) return 1;
    if (a->kind == F_ANY || b->kind == F_ANY) {
        const sfilter *any = a->kind == F_ANY ? a : b, *o = any == a ? b : a;
        for (int i = 0; i < any->nkids; i++) if (filters_may_meet(m, any->kids[i], o, depth + 1)) return 1;
        return 0;
    }
    for (int side = 0; side < 2; side++) {
        const sfilter *x = side ? b : a, *o = side ? a : b;
        if (x->kind != F_ALL) continue;
        for (int i = 0; i < x->nkids; i++)
            if (x->kids[i]->kind == F_NOT && x->kids[i]->nkids == 1 && held(x->kids[i]->kids[0], o, 0)) return 0;
    }
    if (a->kind == F_ALL || b->kind == F_ALL) {
        const sfilter *all = a->kind == F_ALL ? a : b, *o = all == a ? b : a;
        for (int i = 0; i < all->nkids; i++) {
            const sfilter *k = all->kids[i];
            /* (require-not X) where X holds all of the other */
            if (k->kind == F_NOT && k->nkids == 1 && held(k->kids[0], o, 0)) return 0;
            if (k->kind != F_NOT && !filters_may_meet(m, k, o, depth + 1)) return 0;
        }
        return 1;
    }
    matcher ma, mb;
    if (!leaf_matcher(m, a, &ma) || !leaf_matcher(m, b, &mb)) return 1;
    return matcher_relation(&ma, &mb) != REL_DISJOINT;
}

/* 1 when op a is c or lies between c and b (more concrete than b, or b) */
static int between(int a, int c, int b)
{
    for (int l = c; l >= 0; l = op_get(l)->parent) {
        if (l == a) return 1;
        if (l == b) return 0;
    }
    return 0;
}

/* the rule buckle writes no rule for (its comment says why) */
static int unwritten(const imp *m, const sb_rule *r)
{
    const sfilter *f = written_filter(r->filter);
    if (f && f->kind == F_REGEX && f->str && !strncmp(f->str, SENT_ANC, strlen(SENT_ANC))) return 1;
    return f && f->kind == F_NOT && r->action == ACT_DENY && m->dflt && !strcmp(m->dflt, "deny");
}

/* in sections, does w (section) decide over l (section) wherever their
 * matchers meet?  buckle's precedence, matcher by matcher */
static int sections_keep(const imp *m, const sb_rule *w, const sb_rule *l)
{
    const sfilter *wf = written_filter(w->filter), *lf = written_filter(l->filter);
    const sfilter *const *wk = &wf, *const *lk = &lf;
    int nw = 1, nl = 1;
    if (wf && wf->kind == F_ANY) { wk = (const sfilter *const *)wf->kids; nw = wf->nkids; }
    if (lf && lf->kind == F_ANY) { lk = (const sfilter *const *)lf->kids; nl = lf->nkids; }
    for (int i = 0; i < nw; i++)
        for (int j = 0; j < nl; j++) {
            matcher a, b;
            memset(&a, 0, sizeof a);
            memset(&b, 0, sizeof b);
            a.spec_a = b.spec_a = -1;
            if (wk[i] && !leaf_matcher(m, wk[i], &a)) return 0;
            if (lk[j] && !leaf_matcher(m, lk[j], &b)) return 0;
            if (wk[i] && lk[j] && matcher_relation(&a, &b) == REL_DISJOINT) continue;
            rule ra, rb;
            memset(&ra, 0, sizeof ra);
            memset(&rb, 0, sizeof rb);
            ra.action = w->action; ra.m = a;
            rb.action = l->action; rb.m = b;
            if (!rule_beats(&ra, &rb)) return 0;
        }
    return 1;
}

/* A section rule written without its (require-all M (require-not X)):
 * buckle's precedence makes the carve-out again only when every matcher of
 * X is that of a section rule of the other action of its family (buckle
 * implies metadata from a write allow) that decides over M.  Returns 1 when r's is not. */
static int carveout_lost(const imp *m, const irule *ir)
{
    const sb_rule *r = ir->r;
    const sfilter *wf = written_filter(r->filter);
    /* a rule held to a band of depths, with a parameter (how it ranks
     * depends on the value), or of paths (buckle's traversal and implied
     * metadata make carve-outs of their own) is left to the comparison */
    const sfilter *const *ls = &wf;
    int nls = 1;
    if (wf && wf->kind == F_ANY) { ls = (const sfilter *const *)wf->kids; nls = wf->nkids; }
    for (int i = 0; i < nls; i++) {
        matcher lm;
        if (ls[i] && leaf_matcher(m, ls[i], &lm) && (!lm.plain || mk_family(lm.kind) == FAM_PATH)) return 0;
    }
    for (const sfilter *f = r->filter; f && f != wf && f->kind == F_ALL; f = f->kids[0])
        for (int i = 1; i < f->nkids; i++) if (f->kids[i]->kind != F_NOT) return 0;
    for (const sfilter *f = r->filter; f && f != wf && f->kind == F_ALL; f = f->kids[0])
        for (int i = 1; i < f->nkids; i++) {
            if (f->kids[i]->kind != F_NOT) continue;
            if (f->kids[i]->nkids != 1) return 1;
            const sfilter *x = f->kids[i]->kids[0];
            const sfilter *const *xs = &x;
            int nx = 1;
            if (x->kind == F_ANY) { xs = (const sfilter *const *)x->kids; nx = x->nkids; }
            for (int k = 0; k < nx; k++) {
                matcher xm;
                const sfilter *xl = xs[k];
                while (xl->kind == F_ALL && xl->nkids) xl = xl->kids[0];   /* made for more, made for it */
                if (!leaf_matcher(m, xl, &xm)) return 1;
                if (!xm.plain) continue;   /* with a parameter: the comparison's, with values lined up */
                /* where X meets M only through a parameter's value, a rule of
                 * the other action with X's matcher is enough here: how the
                 * two rank then depends on the value (the comparison's) */
                int by_value = 1, meets = 0;
                for (int t = 0; t < (wf && wf->kind == F_ANY ? wf->nkids : 1); t++) {
                    matcher wm;
                    const sfilter *wl = wf && wf->kind == F_ANY ? wf->kids[t] : wf;
                    if (!wl || !leaf_matcher(m, wl, &wm)) { meets = 1; continue; }
                    relation rel = matcher_relation(&wm, &xm);
                    if (rel != REL_DISJOINT) meets = 1;
                    if (rel == REL_OVERLAP) by_value = 0;
                }
                if (!meets) continue;
                int made = 0;
                for (size_t j = 0; j < m->nrules && !made; j++) {
                    const sb_rule *o = m->rules[j].r;
                    if (o->action == r->action || m->forms[m->rules[j].form].raw || op_family(o->op) != op_family(r->op)) continue;
                    const sfilter *of = written_filter(o->filter);
                    const sfilter *const *os = &of;
                    int no = 1;
                    if (of && of->kind == F_ANY) { os = (const sfilter *const *)of->kids; no = of->nkids; }
                    for (int q = 0; q < no && !made; q++) {
                        matcher om;
                        if (!os[q] || !leaf_matcher(m, os[q], &om) || !matcher_identical(&om, &xm)) continue;
                        const sfilter *const *ws = &wf;
                        int nw = 1, beats = 1;
                        if (wf && wf->kind == F_ANY) { ws = (const sfilter *const *)wf->kids; nw = wf->nkids; }
                        for (int t = 0; t < nw && beats; t++) {
                            rule ra, rb;
                            memset(&ra, 0, sizeof ra);
                            memset(&rb, 0, sizeof rb);
                            ra.action = o->action; ra.m = om;
                            rb.action = r->action;
                            if (!ws[t] || !leaf_matcher(m, ws[t], &rb.m)) { beats = 0; break; }
                            beats = rule_beats(&ra, &rb);
                        }
                        made = beats || by_value;
                    }
                }
                if (!made) return 1;
            }
        }
    return 0;
}

/* Every pair of rules of the original with opposite actions that both
 * decide some concrete operation and whose filters may meet: the one the
 * original's order lets decide (the more concrete operation, then the
 * later filtered rule, then the later unfiltered one) must decide in the
 * import too: by buckle's precedence when both are in sections, by
 * position when one is raw (raw rules come after the sections).  Where
 * not, the family of that operation goes to SBPL, with the reason.
 * Returns 1 when it made a family raw. */
int order_conflicts(imp *m)
{
    int changed = 0;
    for (size_t i = 0; i < m->nrules; i++)
        if (!m->forms[m->rules[i].form].raw && !unwritten(m, m->rules[i].r) && carveout_lost(m, &m->rules[i]))
            changed |= mark_family(m, op_family(m->rules[i].r->op), arena_printf(m->a,
                "in sections, the %s at line %u would lose its require-not (no rule of the other action makes it again)",
                action_name(m->rules[i].r->action), source_position(m->rules[i].r->at.src, m->rules[i].r->at.start).line));
    for (size_t i = 0; i < m->nrules; i++)
        for (size_t j = 0; j < m->nrules; j++) {
            const irule *ia = &m->rules[i], *ib = &m->rules[j];
            const sb_rule *a = ia->r, *b = ib->r;
            if (a->index >= b->index || a->action == b->action) continue;
            const iform *fa = &m->forms[ia->form], *fb = &m->forms[ib->form];
            if (fa->raw && fb->raw) continue;
            if (unwritten(m, a) || unwritten(m, b)) {
                /* a deny left to buckle's default ("where nothing allows
                 * it") beside an allow whose path is spelled oddly: under
                 * one reading of that spelling the allow does allow there,
                 * and where the original lets the deny win, it must stay */
                const sb_rule *u = unwritten(m, a) ? a : b, *x = u == a ? b : a;
                const irule *iu = u == a ? ia : ib, *ix = u == a ? ib : ia;
                if (unwritten(m, x) || x->action != ACT_ALLOW || !holds_odd_spelling(x->filter, 0)) continue;
                for (int c = 0; c < ops_count(); c++) {
                    if (!opset_has(&iu->live, c) || !opset_has(&ix->live, c)) continue;
                    int deny_wins = u->op != x->op ? between(u->op, c, x->op) : u->index > x->index;
                    if (!deny_wins) continue;
                    changed |= mark_family(m, op_family(c), arena_printf(m->a,
                        "the deny at line %u decides %s where the allow at line %u, whose path is spelled as the "
                        "kernel never spells one, may allow it; buckle's default would not keep it",
                        source_position(u->at.src, u->at.start).line, op_get(c)->name,
                        source_position(x->at.src, x->at.start).line));
                    break;
                }
                continue;
            }
            if (!opset_intersects(&ia->live, &ib->live) || !filters_may_meet(m, a->filter, b->filter, 0)) continue;
            for (int c = 0; c < ops_count(); c++) {
                if (!opset_has(&ia->live, c) || !opset_has(&ib->live, c)) continue;
                /* the original's winner w and loser l on c */
                const sb_rule *w = b, *l = a;
                const iform *fw = fb, *fl = fa;
                if (a->op != b->op ? between(a->op, c, b->op) : (a->filter && !b->filter)) {
                    w = a; l = b; fw = fa; fl = fb;
                }
                int keeps;
                /* a raw winner comes after every section rule, but a
                 * section rule may be written on c itself where the
                 * compiler splits its operations for a carve-out, and a
                 * rule on a more concrete operation wins whatever its place */
                if (fw->raw) keeps = w->op == c;
                else if (fl->raw) keeps = w->op != l->op && between(w->op, c, l->op);
                else keeps = sections_keep(m, w, l);
                if (keeps) continue;
                unsigned lw = source_position(w->at.src, w->at.start).line;
                unsigned ll = source_position(l->at.src, l->at.start).line;
                changed |= mark_family(m, op_family(c), arena_printf(m->a,
                    "in sections, the %s at line %u would decide %s where the original lets the %s at line %u "
                    "decide (it decides by the order of its rules)", action_name(l->action), ll, op_get(c)->name,
                    action_name(w->action), lw));
                break;
            }
        }
    return changed;
}
