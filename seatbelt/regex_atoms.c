/* regex_atoms.c - one subject of each atom of a set of regexes
 * (regex_atoms.h): a breadth-first walk over the product of their automata.
 *
 * A product state is, for each regex still undecided, the set of its
 * automaton's states live inside the subject (interned: a "component
 * state"), the regexes that have matched already (a search stops at its
 * first match, so they stay matched), and, in path mode, where the subject
 * is in its last component.  Bytes are walked by class: two bytes that no
 * state of any regex (nor the path rules) tells apart lead to the same
 * state, so one of them stands for the class. */
#include "regex_atoms.h"
#include "regex_nfa.h"
#include "path_canonical.h"
#include "../support/arena.h"
#include "../support/hashmap.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { T_UNKNOWN = -2, T_DEAD = -1, T_MATCHED = -3 };

typedef struct cstate {       /* a regex's live states inside the subject */
    int re;
    const int *v;
    int n;
} cstate;

typedef struct pnode {        /* a product state */
    const int *key;           /* [pc, nlive, live cstates (by regex)] */
    size_t klen;
    const int *m;             /* the regexes matched on the way there (sorted) */
    size_t nm;
    int parent;
    unsigned char byte;       /* the byte from the parent */
    unsigned short depth;
} pnode;

typedef struct walk {
    const sb_regex *const *res;
    size_t nre;
    arena a;
    hashmap cmap, nmap, amap;
    cstate *cs;
    size_t ncs, cscap;
    int *trans;               /* [cstate * ncls + class] */
    signed char *endm;        /* [cstate * ncls + class]: a match when the subject ends after that byte */
    size_t tcap;              /* cstates the two arrays have room for */
    pnode *nodes;
    size_t nn, ncap;
    int ncls;
    unsigned char cls_of[256];
    unsigned char rep[256];   /* a byte of each class */
    sb_nfa_set work;
    int *stack, *seeds;
    int *ckey;                /* a cstate's key, looked up before it is kept */
    size_t maxst;             /* the largest automaton */
} walk;

static int cmp_int(const void *x, const void *y)
{
    int a = *(const int *)x, b = *(const int *)y;
    return (a > b) - (a < b);
}

/* ---- byte classes ---- */
static const char prefer[] = "xyabcdefghijklmnopqrstuvwz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ._-~+=,:@%/!#&'()*;<>?[]^`{|}\"$\\";

static void refine(walk *w, const unsigned char *bm)
{
    int map[512];
    for (int i = 0; i < 2 * w->ncls; i++) map[i] = -1;
    int n = 0;
    unsigned char nc[256];
    for (int c = 1; c < 256; c++) {
        int in = bm[c >> 3] >> (c & 7) & 1;
        int k = w->cls_of[c] * 2 + in;
        if (map[k] < 0) map[k] = n++;
        nc[c] = (unsigned char)map[k];
    }
    memcpy(w->cls_of + 1, nc + 1, 255);
    w->ncls = n;
}

static void byte_classes(walk *w, int path)
{
    memset(w->cls_of, 0, sizeof w->cls_of);
    w->ncls = 1;
    hashmap seen;
    hm_init(&seen);
    unsigned char one[32];
    if (path)
        for (const char *p = "/."; *p; p++) {
            memset(one, 0, sizeof one);
            one[(unsigned char)*p >> 3] |= (unsigned char)(1u << (*p & 7));
            refine(w, one);
        }
    for (size_t r = 0; r < w->nre; r++) {
        const sb_regex *re = w->res[r];
        for (int k = 0; k < re->n; k++) {
            const nstate *st = &re->st[k];
            const unsigned char *bm;
            if (st->op == N_CHAR) {
                memset(one, 0, sizeof one);
                one[st->c >> 3] |= (unsigned char)(1u << (st->c & 7));
                bm = one;
            } else if (st->op == N_CLASS) bm = re->cls[st->cls].b;
            else continue;
            if (hm_get(&seen, (const char *)bm, 32)) continue;
            const char *key = arena_strndup(&w->a, (const char *)bm, 32);
            hm_put(&seen, key, 32, (void *)1);
            if (w->ncls < 255) refine(w, bm);
        }
    }
    hm_free(&seen);
    int have[256] = { 0 };
    for (const char *p = prefer; *p; p++) {
        int c = (unsigned char)*p;
        if (!have[w->cls_of[c]]) { have[w->cls_of[c]] = 1; w->rep[w->cls_of[c]] = (unsigned char)c; }
    }
    for (int c = 1; c < 256; c++)
        if (!have[w->cls_of[c]]) { have[w->cls_of[c]] = 1; w->rep[w->cls_of[c]] = (unsigned char)c; }
}

/* ---- component states ---- */
/* the hash of the maps of ints below (hm_get_hashed): a word at a time */
static uint64_t ints_hash(const int *v, size_t n)
{
    uint64_t h = 0x9e3779b97f4a7c15ull ^ n;
    for (size_t i = 0; i < n; i++) {
        h = (h ^ (uint32_t)v[i]) * 0xff51afd7ed558ccdull;
        h ^= h >> 29;
    }
    return h ? h : 1;
}


/* the cstate of regex re with live states v[0..n) (sorted), made when new */
static int intern_cstate(walk *w, int re, const int *v, int n)
{
    size_t klen = (size_t)(n + 1) * sizeof(int);
    w->ckey[0] = re;
    memcpy(w->ckey + 1, v, (size_t)n * sizeof(int));
    uint64_t h = ints_hash(w->ckey, (size_t)n + 1);
    void *got = hm_get_hashed(&w->cmap, (const char *)w->ckey, klen, h);
    if (got) return (int)((uintptr_t)got - 1);
    int *key = arena_alloc(&w->a, klen);
    memcpy(key, w->ckey, klen);
    int id = (int)w->ncs;
    w->cs = arena_grow(&w->a, w->cs, w->ncs, w->cscap, sizeof *w->cs);
    w->cscap = arena_grow_cap(w->ncs, w->cscap);
    w->cs[w->ncs++] = (cstate){ re, key + 1, n };
    hm_put_hashed(&w->cmap, (const char *)key, klen, h, (void *)(uintptr_t)(id + 1));
    if (w->ncs > w->tcap) {
        size_t nc = w->tcap ? 2 * w->tcap : 256, per = (size_t)w->ncls;
        w->trans = xrealloc(w->trans, nc * per * sizeof *w->trans);
        w->endm = xrealloc(w->endm, nc * per);
        for (size_t i = w->tcap * per; i < nc * per; i++) { w->trans[i] = T_UNKNOWN; w->endm[i] = -1; }
        w->tcap = nc;
    }
    return id;
}

/* the closure of w->seeds[0..ns) of regex re at (pos, len), into w->work,
 * sorted; 1 when it holds MATCH */
static int close_seeds(walk *w, int re, int ns, size_t pos, size_t len)
{
    const sb_regex *r = w->res[re];
    sb_nfa_set *s = &w->work;
    s->n = 0;
    if (++s->gen == 0) { memset(s->mark, 0, (w->maxst + 1) * sizeof *s->mark); s->gen = 1; }
    for (int i = 0; i < ns; i++) sb_nfa_add(r, s, w->seeds[i], pos, len, w->stack);
    int m = 0;
    for (int i = 0; i < s->n; i++) if (r->st[s->v[i]].op == N_MATCH) m = 1;
    if (s->n <= 32) {             /* a few states: sorted in place, without qsort's calls */
        for (int i = 1; i < s->n; i++) {
            int v = s->v[i], j = i;
            while (j > 0 && s->v[j - 1] > v) { s->v[j] = s->v[j - 1]; j--; }
            s->v[j] = v;
        }
    } else {
        qsort(s->v, (size_t)s->n, sizeof(int), cmp_int);
    }
    return m;
}

/* the step of cstate c on class k: T_DEAD, T_MATCHED or the next cstate;
 * and whether the subject matches when it ends after that byte */
static int step(walk *w, int c, int k, int *end_match)
{
    size_t at = (size_t)c * (size_t)w->ncls + (size_t)k;
    if (w->trans[at] != T_UNKNOWN) { *end_match = w->endm[at]; return w->trans[at]; }
    const cstate cs = w->cs[c];
    const sb_regex *r = w->res[cs.re];
    unsigned char ch = w->rep[k];
    int ns = 0;
    for (int i = 0; i < cs.n; i++) if (sb_nfa_accepts(r, cs.v[i], ch)) w->seeds[ns++] = r->st[cs.v[i]].x;
    w->seeds[ns++] = r->start;
    int em = close_seeds(w, cs.re, ns, 1, 1);
    int m = close_seeds(w, cs.re, ns, 1, 2), t;
    if (m) t = T_MATCHED;
    else if (!w->work.n) t = T_DEAD;
    else {
        t = intern_cstate(w, cs.re, w->work.v, w->work.n);
        at = (size_t)c * (size_t)w->ncls + (size_t)k;   /* the arrays may have moved */
    }
    w->trans[at] = t;
    w->endm[at] = (signed char)(em || m);
    *end_match = em || m;
    return t;
}

/* x[0..nx) and y[0..ny), ascending and apart, into out ascending */
static size_t merge(const int *x, size_t nx, const int *y, size_t ny, int *out)
{
    size_t i = 0, j = 0, n = 0;
    while (i < nx && j < ny) out[n++] = x[i] < y[j] ? x[i++] : y[j++];
    while (i < nx) out[n++] = x[i++];
    while (j < ny) out[n++] = y[j++];
    return n;
}

/* A state is its live states and the regexes matched on the way (a
 * subject that goes on from it keeps them): two ways to the same live
 * states with different regexes matched lead to different atoms. */
static int add_node(walk *w, int *key, size_t klen, const int *m, size_t nm, int parent, unsigned char byte,
                    unsigned short depth)
{
    /* key has room for m after it: the state is looked up there, and
     * copied only when it is new (most steps lead to a state seen before) */
    memcpy(key + klen / sizeof(int), m, nm * sizeof(int));
    size_t full = klen + nm * sizeof(int);
    uint64_t h = ints_hash(key, full / sizeof(int));
    if (hm_get_hashed(&w->nmap, (const char *)key, full, h)) return 0;
    int *k = arena_alloc(&w->a, full + 1);
    memcpy(k, key, full);
    hm_put_hashed(&w->nmap, (const char *)k, full, h, (void *)1);
    w->nodes = arena_grow(&w->a, w->nodes, w->nn, w->ncap, sizeof *w->nodes);
    w->ncap = arena_grow_cap(w->nn, w->ncap);
    w->nodes[w->nn++] = (pnode){ k, klen, k + klen / sizeof(int), nm, parent, byte, depth };
    return 1;
}

/* ---- near paths (sb_atoms_opts.near) ----
 * A subject's place among the near paths: 0 when there are none; NEAR_FREE
 * below one (every subject that goes on from it is near too); else
 * 1 + i * (longest + 1) + d for a subject that is the first d bytes of
 * near[i] (the first such i). */
enum { NEAR_FREE = -1, NEAR_DEAD = -2 };

typedef struct nearset { const char *const *p; size_t n, longest; } nearset;

static int near_start(nearset *ns, const sb_atoms_opts *o)
{
    memset(ns, 0, sizeof *ns);
    if (!o->path || !o->nnear) return 0;
    for (size_t i = 0; i < o->nnear; i++) {
        size_t l = strlen(o->near[i]);
        if (!l) return 0;                       /* no restriction: every subject */
        if (l > ns->longest) ns->longest = l;
    }
    if (ns->longest > 65536 || o->nnear > 4096) return 0;   /* the state would not fit an int */
    ns->p = o->near;
    ns->n = o->nnear;
    return 1;
}

/* the place after byte ch */
static int near_step(const nearset *ns, int at, unsigned char ch)
{
    if (!ns->n || at == NEAR_FREE) return at;
    size_t i = (size_t)(at - 1) / (ns->longest + 1), d = (size_t)(at - 1) % (ns->longest + 1);
    const char *s = ns->p[i];
    for (size_t j = 0; j < ns->n; j++) {   /* the subject is near[j]: below it from here */
        size_t l = strlen(ns->p[j]);
        if (l == d && d && !memcmp(ns->p[j], s, d) && (ns->p[j][d - 1] == '/' || ch == '/')) return NEAR_FREE;
    }
    for (size_t j = 0; j < ns->n; j++) {
        size_t l = strlen(ns->p[j]);
        if (l > d && !memcmp(ns->p[j], s, d) && (unsigned char)ns->p[j][d] == ch)
            return (int)(1 + j * (ns->longest + 1) + d + 1);
    }
    return NEAR_DEAD;
}

/* the subject at place at is near a path: at, above or below one */
static int near_here(const nearset *ns, int at)
{
    if (!ns->n || at == NEAR_FREE) return 1;
    size_t i = (size_t)(at - 1) / (ns->longest + 1), n = (size_t)(at - 1) % (ns->longest + 1);
    const char *t = ns->p[i];
    for (size_t k = 0; k < ns->n; k++) {
        size_t l = strlen(ns->p[k]);
        if (l < n || memcmp(t, ns->p[k], n)) continue;
        if (l == n || t[n - 1] == '/' || ns->p[k][n] == '/') return 1;
    }
    return 0;
}

static int has_must(const sb_atoms_opts *o, const int *re, size_t n)
{
    for (size_t i = 0; i < n; i++) if (o->must[re[i]]) return 1;
    return 0;
}

static void emit_subject(walk *w, int node, unsigned char last, void (*emit)(void *, const char *, size_t), void *ctx)
{
    size_t len = (size_t)w->nodes[node].depth + 1;
    char *s = arena_alloc(&w->a, len + 1);
    s[len - 1] = (char)last;
    size_t at = len - 1;
    for (int v = node; v > 0; v = w->nodes[v].parent) s[--at] = (char)w->nodes[v].byte;
    s[len] = 0;
    emit(ctx, s, len);
}

int sb_regex_atoms(const sb_regex *const *res, size_t n, const sb_atoms_opts *o,
                   void (*emit)(void *ctx, const char *s, size_t len), void *ctx)
{
    walk w;
    memset(&w, 0, sizeof w);
    w.res = res;
    w.nre = n;
    arena_init(&w.a);
    hm_init(&w.cmap);
    hm_init(&w.nmap);
    hm_init(&w.amap);
    size_t max_states = o->max_states ? o->max_states : 200000, max_len = o->max_len ? o->max_len : 1024;
    for (size_t r = 0; r < n; r++) if ((size_t)res[r]->n > w.maxst) w.maxst = (size_t)res[r]->n;
    w.work.v = xmalloc((w.maxst + 1) * sizeof(int));
    w.work.mark = xcalloc(w.maxst + 1, sizeof(unsigned));
    w.stack = xmalloc((2 * w.maxst + 2) * sizeof(int));
    w.seeds = xmalloc((w.maxst + 2) * sizeof(int));
    w.ckey = xmalloc((w.maxst + 2) * sizeof(int));
    byte_classes(&w, o->path);

    /* the first state: each regex before the subject's first byte */
    /* a state's key, then the regexes matched (add_node) */
    int *key = xmalloc((2 * n + 4) * sizeof(int)), *nkey = xmalloc((2 * n + 4) * sizeof(int));
    int *acc = xmalloc((n + 1) * sizeof(int)), *fresh = xmalloc((n + 1) * sizeof(int)), *ends_m = xmalloc((n + 1) * sizeof(int));
    size_t nlive = 0, nmatched = 0;
    int *live = key + 3, *matched = xmalloc((n + 1) * sizeof(int));
    /* a state's live cstates are in the order of their regexes (one
     * cstate each at most), as are the regexes matched: a state has one
     * key, with no sorting */
    for (size_t r = 0; r < n; r++) {
        w.seeds[0] = res[r]->start;
        int m = close_seeds(&w, (int)r, 1, 0, 2);
        if (m) { matched[nmatched++] = (int)r; continue; }
        if (!w.work.n) continue;
        live[nlive++] = intern_cstate(&w, (int)r, w.work.v, w.work.n);
    }
    nearset ns;
    key[0] = o->path ? PC_START : PC_NAME;
    key[1] = near_start(&ns, o);            /* the empty subject: the start of near[0] */
    key[2] = (int)nlive;
    add_node(&w, key, (3 + nlive) * sizeof(int), matched, nmatched, -1, 0, 0);
    int *live_re = xmalloc((n + 1) * sizeof(int));

    int complete = 1;
    for (size_t qi = 0; qi < w.nn; qi++) {
        if (w.nn >= max_states) { complete = 0; break; }
        const pnode nd = w.nodes[qi];
        if ((size_t)nd.depth + 1 > max_len) { complete = 0; continue; }
        const int *k0 = nd.key;
        int pc = k0[0], at = k0[1];
        size_t nl = (size_t)k0[2];
        const int *l0 = k0 + 3;
        size_t nm0 = nd.nm;
        const int *m0 = nd.m;
        for (int k = 0; k < w.ncls; k++) {
            unsigned char ch = w.rep[k];
            int npc = pc;
            if (o->path) { npc = path_step(pc, ch); if (npc < 0) continue; }
            int nat = near_step(&ns, at, ch);
            if (nat == NEAR_DEAD) continue;         /* neither it nor what goes on from it is near */
            size_t nnl = 0, nfresh = 0, nem = 0;
            int *nlv = nkey + 3;
            for (size_t i = 0; i < nl; i++) {
                int em;
                int t = step(&w, l0[i], k, &em);
                int re = w.cs[l0[i]].re;
                if (t == T_MATCHED) fresh[nfresh++] = re;
                else {
                    if (t >= 0) { live_re[nnl] = re; nlv[nnl++] = t; }
                    if (em) ends_m[nem++] = re;
                }
            }
            size_t nnm = merge(m0, nm0, fresh, nfresh, matched);
            nkey[0] = npc;
            nkey[1] = nat;
            nkey[2] = (int)nnl;
            /* the atom of the subject that ends here */
            int ends = (!o->path || path_ends(npc)) && near_here(&ns, nat);
            size_t na = ends ? merge(ends_m, nem, matched, nnm, acc) : 0;
            if (ends && o->must && !has_must(o, acc, na)) ends = 0;
            if (ends) {
                size_t alen = na * sizeof(int);
                uint64_t ah = ints_hash(acc, na);
                if (!hm_get_hashed(&w.amap, (const char *)acc, alen, ah)) {
                    int *ak = arena_alloc(&w.a, alen + 1);
                    memcpy(ak, acc, alen);
                    hm_put_hashed(&w.amap, (const char *)ak, alen, ah, (void *)1);
                    emit_subject(&w, (int)qi, ch, emit, ctx);
                }
            }
            /* a must regex matched or still live: else no atom wanted goes on from it */
            if (o->must && !has_must(o, matched, nnm) && !has_must(o, live_re, nnl)) continue;
            add_node(&w, nkey, (3 + nnl) * sizeof(int), matched, nnm, (int)qi, ch, (unsigned short)(nd.depth + 1));
        }
    }
    free(live_re);
    free(key);
    free(nkey);
    free(acc);
    free(fresh);
    free(ends_m);
    free(matched);
    free(w.work.v);
    free(w.work.mark);
    free(w.stack);
    free(w.seeds);
    free(w.ckey);
    free(w.trans);
    free(w.endm);
    hm_free(&w.cmap);
    hm_free(&w.nmap);
    hm_free(&w.amap);
    arena_free(&w.a);
    return complete;
}
