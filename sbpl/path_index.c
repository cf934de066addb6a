/* path_index.c - which rules of an SBPL policy can match a path (see
 * path_index.h).
 *
 * Each indexed rule is filed under the paths its filter names, as keys of
 * three kinds: EXACT (a literal), UNDER (a subpath) and START (a prefix, or
 * the literal start of an anchored regex).  Every key a path can meet is a
 * prefix of the path, so a lookup walks the path once, extending the hash a
 * byte at a time, and at each length asks the table for keys of that text,
 * then keeps those whose kind accepts the cut there (sbpl_eval.c's
 * path_match is the rule mirrored here).  What a filter names is a
 * necessary condition, never a sufficient one: the caller still matches
 * each candidate.  A rule no path can match (a mach name, an address, a
 * require-all with such a part) is left out. */
#include "path_index.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { K_EXACT, K_UNDER, K_START };

typedef struct pos_node { size_t k; struct pos_node *next; } pos_node;

typedef struct pkey {
    uint64_t h;
    const char *s;
    size_t len;
    int kind;
    pos_node *rules;        /* NULL: an empty slot */
} pkey;

struct path_index {
    pkey *slot;
    size_t mask;
    size_t *always;         /* rules without a condition, ascending */
    size_t nalways;
};

typedef struct kv { const char *s; size_t len; int kind; size_t k; } kv;
typedef struct kvec { kv *v; size_t n, cap; } kvec;

#define HASH0 0xcbf29ce484222325ull
static uint64_t hash_step(uint64_t h, unsigned char c) { return (h ^ c) * 0x100000001b3ull; }

static uint64_t hash_of(const char *s, size_t n)
{
    uint64_t h = HASH0;
    for (size_t i = 0; i < n; i++) h = hash_step(h, (unsigned char)s[i]);
    return h;
}

static void push(kvec *v, const char *s, size_t len, int kind)
{
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 16;
        v->v = xrealloc(v->v, v->cap * sizeof *v->v);
    }
    v->v[v->n++] = (kv){ s, len, kind, 0 };
}

enum { NEVER, KEYS, ANY };

/* What f asks of a path: NEVER (no path matches it: a name, an address),
 * KEYS (keys appended, of which every path f matches meets one) or ANY (no
 * condition this index can file: nothing appended). */
static int keys_of(const sfilter *f, kvec *v, int depth)
{
    size_t mark = v->n;
    if (depth > SBPL_MAX_DEPTH) return ANY;
    switch (f->kind) {
    case F_LITERAL: push(v, f->str, f->len, K_EXACT); return KEYS;
    case F_SUBPATH: push(v, f->str, f->len, K_UNDER); return KEYS;
    case F_PREFIX: push(v, f->str, f->len, K_START); return KEYS;
    case F_REGEX:                        /* any alternative may match */
        for (int i = 0; i < f->nres; i++) {
            size_t n;
            const char *pre = sb_regex_prefix(f->res[i], &n);
            if (!pre) { v->n = mark; return ANY; }
            push(v, pre, n, K_START);
        }
        return f->nres ? KEYS : NEVER;
    case F_NAME: case F_NAME_PREFIX: case F_NAME_REGEX: case F_IP: case F_TARGET:
        return NEVER;
    case F_ALL: {                        /* each kid must match: one kid's keys do */
        int got = ANY;
        for (int i = 0; i < f->nkids; i++) {
            size_t before = v->n;
            int k = keys_of(f->kids[i], v, depth + 1);
            if (k == NEVER) { v->n = mark; return NEVER; }
            if (k == KEYS && got == KEYS) v->n = before;
            if (k == KEYS) got = KEYS;
        }
        return got;
    }
    case F_ANY: {                        /* some kid must match: all kids' keys */
        int got = NEVER;
        for (int i = 0; i < f->nkids; i++) {
            int k = keys_of(f->kids[i], v, depth + 1);
            if (k == ANY) { v->n = mark; return ANY; }
            if (k == KEYS) got = KEYS;
        }
        return got;
    }
    default:                             /* require-not, vnode type, unknown */
        return ANY;
    }
}

static pkey *find_slot(const path_index *x, uint64_t h, const char *s, size_t len, int kind)
{
    for (size_t i = h & x->mask;; i = (i + 1) & x->mask) {
        pkey *e = &x->slot[i];
        if (!e->rules || (e->h == h && e->len == len && e->kind == kind && memcmp(e->s, s, len) == 0)) return e;
    }
}

path_index *path_index_build(arena *a, const sb_policy *p)
{
    path_index *x = arena_alloc(a, sizeof *x);
    kvec keys = { 0 };
    x->always = arena_alloc(a, (p->n + 1) * sizeof *x->always);
    for (size_t k = 0; k < p->n; k++) {
        const sb_rule *r = p->sorted[k];
        size_t first = keys.n;
        int how = r->filter ? keys_of(r->filter, &keys, 0) : ANY;
        if (how == ANY) x->always[x->nalways++] = k;
        for (size_t i = first; i < keys.n; i++) keys.v[i].k = k;
    }
    size_t size = 16;
    while (size < 2 * keys.n) size *= 2;
    x->slot = arena_alloc(a, size * sizeof *x->slot);
    x->mask = size - 1;
    for (size_t i = 0; i < keys.n; i++) {
        const kv *key = &keys.v[i];
        uint64_t h = hash_of(key->s, key->len);
        pkey *e = find_slot(x, h, key->s, key->len, key->kind);
        if (!e->rules) *e = (pkey){ h, key->s, key->len, key->kind, NULL };
        pos_node *n = arena_alloc(a, sizeof *n);
        *n = (pos_node){ key->k, e->rules };
        e->rules = n;
    }
    free(keys.v);
    return x;
}

/* Does a key of this kind and length accept the path q (of length n) that
 * starts with it?  sbpl_eval.c's path_match, given the shared bytes. */
static int accepts(int kind, const char *q, size_t n, size_t len)
{
    switch (kind) {
    case K_EXACT: return len == n;
    case K_UNDER: return len == n || q[len] == '/' || (len == 1 && q[0] == '/');
    default: return 1;
    }
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* Where candidates go: a caller's buffer that grows (grow set) or a fixed
 * one that may overflow. */
typedef struct sink {
    size_t *v;
    size_t n, cap;
    size_t **grow, *growcap;
} sink;

static int put(sink *s, size_t k)
{
    if (s->n == s->cap) {
        if (!s->grow) return -1;
        s->cap = s->cap ? s->cap * 2 : 64;
        *s->grow = s->v = xrealloc(s->v, s->cap * sizeof *s->v);
        *s->growcap = s->cap;
    }
    s->v[s->n++] = k;
    return 0;
}

static size_t collect(const path_index *x, const char *q, size_t len, sink *s)
{
    for (size_t i = 0; i < x->nalways; i++) if (put(s, x->always[i]) != 0) return PATH_INDEX_MANY;
    uint64_t h = HASH0;
    for (size_t l = 0;; l++) {
        for (size_t i = h & x->mask; x->slot[i].rules; i = (i + 1) & x->mask) {
            const pkey *e = &x->slot[i];
            if (e->h != h || e->len != l || memcmp(e->s, q, l) != 0 || !accepts(e->kind, q, len, l)) continue;
            for (const pos_node *r = e->rules; r; r = r->next) if (put(s, r->k) != 0) return PATH_INDEX_MANY;
        }
        if (l == len) break;
        h = hash_step(h, (unsigned char)q[l]);
    }
    size_t n = s->n;
    if (n > x->nalways) {
        qsort(s->v, n, sizeof *s->v, cmp_size);
        size_t w = 0;
        for (size_t i = 0; i < n; i++) if (!w || s->v[w - 1] != s->v[i]) s->v[w++] = s->v[i];
        n = w;
    }
    return n;
}

size_t path_index_candidates(const path_index *x, const char *q, size_t len, size_t **out, size_t *cap)
{
    sink s = { *out, 0, *cap, out, cap };
    return collect(x, q, len, &s);
}

size_t path_index_fill(const path_index *x, const char *q, size_t len, size_t *buf, size_t cap)
{
    sink s = { buf, 0, cap, NULL, NULL };
    return collect(x, q, len, &s);
}

size_t path_index_lower_bound(const size_t *c, size_t n, size_t k)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c[mid] < k) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}
