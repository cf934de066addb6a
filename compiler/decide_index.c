/* decide_index.c - the decider's index of decide_index.h: a map from each
 * key's text to the rules filed under it, and the lengths keys have; a path
 * is looked up at each of those lengths that it reaches. */
#include "decide_index.h"
#include "../support/arena.h"
#include "../support/hashmap.h"
#include <stdlib.h>
#include <string.h>

typedef struct entry { size_t rule; dx_kind kind; } entry;
typedef struct bucket { entry *v; size_t n, cap; } bucket;

struct decide_index {
    hashmap keys;            /* text -> bucket */
    size_t *lens, nlens, lcap;   /* the lengths of the keys, ascending, distinct */
    size_t *always, nalways, acap;
    size_t *out, ocap;       /* the last answer */
};

decide_index *decide_index_new(void)
{
    decide_index *x = xcalloc(1, sizeof *x);
    hm_init(&x->keys);
    return x;
}

void decide_index_free(decide_index *x)
{
    if (!x) return;
    for (size_t i = 0; i < x->keys.cap; i++) {
        bucket *b = x->keys.slots[i].hash ? x->keys.slots[i].val : NULL;
        if (b) { free(b->v); free(b); }
    }
    hm_free(&x->keys);
    free(x->lens);
    free(x->always);
    free(x->out);
    free(x);
}

static void push_size(size_t **v, size_t *n, size_t *cap, size_t k)
{
    if (*n == *cap) { *cap = *cap ? *cap * 2 : 16; *v = xrealloc(*v, *cap * sizeof **v); }
    (*v)[(*n)++] = k;
}

void decide_index_key(decide_index *x, const char *s, size_t len, dx_kind kind, size_t rule)
{
    bucket *b = hm_get(&x->keys, s, len);
    if (!b) {
        b = xcalloc(1, sizeof *b);
        hm_put(&x->keys, s, len, b);
        size_t i = 0;
        while (i < x->nlens && x->lens[i] < len) i++;
        if (i == x->nlens || x->lens[i] != len) {
            push_size(&x->lens, &x->nlens, &x->lcap, 0);
            memmove(x->lens + i + 1, x->lens + i, (x->nlens - 1 - i) * sizeof *x->lens);
            x->lens[i] = len;
        }
    }
    if (b->n == b->cap) { b->cap = b->cap ? b->cap * 2 : 4; b->v = xrealloc(b->v, b->cap * sizeof *b->v); }
    b->v[b->n++] = (entry){ rule, kind };
}

void decide_index_always(decide_index *x, size_t rule)
{
    push_size(&x->always, &x->nalways, &x->acap, rule);
}

static int cmp_size(const void *a, const void *b)
{
    size_t p = *(const size_t *)a, q = *(const size_t *)b;
    return p < q ? -1 : p > q;
}

size_t decide_index_paths(decide_index *x, const char *q, size_t len, const size_t **out)
{
    size_t n = 0;
    for (size_t i = 0; i < x->nalways; i++) push_size(&x->out, &n, &x->ocap, x->always[i]);
    int sorted = 1;
    for (size_t l = 0; l < x->nlens && x->lens[l] <= len; l++) {
        size_t kl = x->lens[l];
        const bucket *b = hm_get(&x->keys, q, kl);
        if (!b) continue;
        for (size_t i = 0; i < b->n; i++) {
            /* a subpath takes the path itself, below a '/', or all of "/" */
            int ok = b->v[i].kind == DX_START ||
                     (b->v[i].kind == DX_EXACT ? kl == len
                                               : kl == len || q[kl] == '/' || (kl == 1 && q[0] == '/'));
            if (!ok) continue;
            if (n && x->out[n - 1] >= b->v[i].rule) sorted = 0;
            push_size(&x->out, &n, &x->ocap, b->v[i].rule);
        }
    }
    if (!sorted) {
        qsort(x->out, n, sizeof *x->out, cmp_size);
        size_t w = 0;
        for (size_t i = 0; i < n; i++) if (!w || x->out[w - 1] != x->out[i]) x->out[w++] = x->out[i];
        n = w;
    }
    *out = x->out;
    return n;
}
