/* decide_index.c - the decider's index of decide_index.h: a hash table from
 * each key's text to the rules filed under it, and the lengths keys have.
 * A path is read once, its hash carried along byte by byte (FNV-1a), and
 * the table is asked at each length a key has; a pattern's entry also
 * names a text the path must contain. */
#include "decide_index.h"
#include "../support/arena.h"
#include <stdint.h>
#include <string.h>

typedef struct entry { size_t rule; dx_kind kind; const char *need; size_t nlen; } entry;
typedef struct bucket {
    const char *key;
    size_t len;
    uint64_t hash;           /* 0: an empty slot */
    entry *v;
    size_t n, cap;
} bucket;

struct decide_index {
    bucket *slots;           /* open addressing, a power of two */
    size_t cap, count;
    unsigned char *has_len;  /* has_len[l]: bit k, a key of kind k is l bytes long (l <= maxlen) */
    size_t maxlen, lcap;
    entry *always;
    size_t nalways, acap;
    size_t *out, ocap;       /* the last answer */
    size_t nout;             /* its length */
    char *last;              /* the path it is for (every operation on one path
                              * asks the same); valid while last_ok */
    size_t lastlen, lastcap;
    int last_ok;             /* no key has been filed since */
};

#define FNV_OFFSET 1469598103934665603ull
#define FNV_PRIME 1099511628211ull

static uint64_t hash_of(const char *s, size_t n)
{
    uint64_t h = FNV_OFFSET;
    for (size_t i = 0; i < n; i++) { h ^= (unsigned char)s[i]; h *= FNV_PRIME; }
    return h ? h : 1;
}

decide_index *decide_index_new(void)
{
    return xcalloc(1, sizeof(decide_index));
}

void decide_index_free(decide_index *x)
{
    if (!x) return;
    for (size_t i = 0; i < x->cap; i++) free(x->slots[i].v);
    free(x->slots);
    free(x->has_len);
    free(x->always);
    free(x->out);
    free(x->last);
    free(x);
}

static bucket *find(const decide_index *x, const char *s, size_t len, uint64_t h)
{
    size_t mask = x->cap - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        bucket *b = &x->slots[i];
        if (!b->hash || (b->hash == h && b->len == len && memcmp(b->key, s, len) == 0)) return b;
    }
}

static void grow(decide_index *x)
{
    bucket *old = x->slots;
    size_t ocap = x->cap;
    x->cap = ocap ? ocap * 2 : 64;
    x->slots = xcalloc(x->cap, sizeof *x->slots);
    for (size_t i = 0; i < ocap; i++)
        if (old[i].hash) *find(x, old[i].key, old[i].len, old[i].hash) = old[i];
    free(old);
}

static void push_entry(entry **v, size_t *n, size_t *cap, entry e)
{
    if (*n == *cap) { *cap = *cap ? *cap * 2 : 4; *v = xrealloc(*v, *cap * sizeof **v); }
    (*v)[(*n)++] = e;
}

static void file_key(decide_index *x, const char *s, size_t len, entry e)
{
    x->last_ok = 0;
    if ((x->count + 1) * 4 >= x->cap * 3) grow(x);
    uint64_t h = hash_of(s, len);
    bucket *b = find(x, s, len, h);
    if (!b->hash) {
        b->hash = h;
        b->key = s;
        b->len = len;
        x->count++;
        if (len >= x->lcap) {
            size_t ncap = x->lcap ? x->lcap : 64;
            while (ncap <= len) ncap *= 2;
            x->has_len = xrealloc(x->has_len, ncap);
            memset(x->has_len + x->lcap, 0, ncap - x->lcap);
            x->lcap = ncap;
        }
        if (len > x->maxlen) x->maxlen = len;
    }
    x->has_len[len] |= (unsigned char)(1u << e.kind);
    push_entry(&b->v, &b->n, &b->cap, e);
}

void decide_index_key(decide_index *x, const char *s, size_t len, dx_kind kind, size_t rule)
{
    file_key(x, s, len, (entry){ rule, kind, NULL, 0 });
}

void decide_index_key_need(decide_index *x, const char *s, size_t len, const char *need, size_t nlen, size_t rule)
{
    file_key(x, s, len, (entry){ rule, DX_START, nlen ? need : NULL, nlen });
}

void decide_index_always(decide_index *x, size_t rule)
{
    x->last_ok = 0;
    push_entry(&x->always, &x->nalways, &x->acap, (entry){ rule, DX_START, NULL, 0 });
}

void decide_index_always_need(decide_index *x, const char *need, size_t nlen, size_t rule)
{
    x->last_ok = 0;
    push_entry(&x->always, &x->nalways, &x->acap, (entry){ rule, DX_START, nlen ? need : NULL, nlen });
}

/* 1 when q[0, len) contains n[0, nl) (nl > 0) */
static int contains(const char *q, size_t len, const char *n, size_t nl)
{
    for (const char *p = q, *end = q + len; (size_t)(end - p) >= nl;) {
        const char *f = memchr(p, n[0], (size_t)(end - p) - nl + 1);
        if (!f) return 0;
        if (memcmp(f + 1, n + 1, nl - 1) == 0) return 1;
        p = f + 1;
    }
    return 0;
}

static void push_rule(decide_index *x, size_t *n, size_t rule)
{
    if (*n == x->ocap) { x->ocap = x->ocap ? x->ocap * 2 : 16; x->out = xrealloc(x->out, x->ocap * sizeof *x->out); }
    x->out[(*n)++] = rule;
}

size_t decide_index_paths(decide_index *x, const char *q, size_t len, const size_t **out)
{
    if (x->last_ok && len == x->lastlen && (!len || memcmp(q, x->last, len) == 0)) {
        *out = x->out;
        return x->nout;
    }
    size_t n = 0;
    for (size_t i = 0; i < x->nalways; i++)
        if (!x->always[i].need || contains(q, len, x->always[i].need, x->always[i].nlen)) push_rule(x, &n, x->always[i].rule);
    int sorted = 1;
    uint64_t h = FNV_OFFSET;
    size_t top = x->count && len > x->maxlen ? x->maxlen : len;
    for (size_t kl = 0; x->count && kl <= top; kl++) {
        if (kl) { h ^= (unsigned char)q[kl - 1]; h *= FNV_PRIME; }
        /* only where a key of this length could take the path: a literal
         * at its end, a subpath there or at a '/' (or "/"), a start anywhere */
        unsigned kinds = x->has_len[kl];
        if (!(kinds & (1u << DX_START)) && !((kinds & (1u << DX_EXACT)) && kl == len) &&
            !((kinds & (1u << DX_UNDER)) && (kl == len || q[kl] == '/' || kl == 1)))
            continue;
        const bucket *b = find(x, q, kl, h ? h : 1);
        if (!b->hash) continue;
        for (size_t i = 0; i < b->n; i++) {
            const entry *e = &b->v[i];
            /* a subpath takes the path itself, below a '/', or all of "/" */
            int ok = e->kind == DX_START ||
                     (e->kind == DX_EXACT ? kl == len : kl == len || q[kl] == '/' || (kl == 1 && q[0] == '/'));
            if (!ok || (e->need && !contains(q, len, e->need, e->nlen))) continue;
            if (n && x->out[n - 1] >= e->rule) sorted = 0;
            push_rule(x, &n, e->rule);
        }
    }
    if (!sorted) {          /* a few runs, each ascending: an insertion sort, dropping repeats */
        size_t *v = x->out, w = 0;
        for (size_t i = 0; i < n; i++) {
            size_t r = v[i], k = w;
            while (k && v[k - 1] > r) k--;
            if (k && v[k - 1] == r) continue;
            memmove(v + k + 1, v + k, (w - k) * sizeof *v);
            v[k] = r;
            w++;
        }
        n = w;
    }
    if (len + 1 > x->lastcap) {
        x->lastcap = len + 1;
        x->last = xrealloc(x->last, x->lastcap);
    }
    if (len) memcpy(x->last, q, len);
    x->lastlen = len;
    x->nout = n;
    x->last_ok = 1;
    *out = x->out;
    return n;
}
