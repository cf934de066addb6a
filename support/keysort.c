/* keysort.c - see keysort.h.
 *
 * A range is sorted on its cached words; each run of equal words is then
 * either finished (every key in it ended inside the word: identical keys,
 * ordered by id) or sorted again one level deeper.  Level 0 is the
 * caller's class; level k >= 1 holds key bytes 7(k-1) .. 7k-1 in the high
 * 56 bits and min(bytes left, 8) in the low 8: two keys with the same
 * bytes there compare by how many bytes they have left only when one of
 * them ends inside the word, which puts a prefix first. */
#include "keysort.h"
#include "arena.h"
#include "prefetch.h"
#include <stdlib.h>
#include <string.h>

static void swap(keysort_item *a, keysort_item *b)
{
    keysort_item t = *a;
    *a = *b;
    *b = t;
}

static uint64_t word_at(const keysort_item *it, size_t off)
{
    size_t left = it->len > off ? it->len - off : 0;
    if (left >= 8) {                /* one load: bytes 0..6 big-endian, then 8 */
        uint64_t x;
        memcpy(&x, it->key + off, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        x = __builtin_bswap64(x);
#elif !(defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__)
        const unsigned char *k = (const unsigned char *)it->key + off;
        x = 0;
        for (int i = 0; i < 8; i++) x = x << 8 | k[i];
#endif
        return (x & ~(uint64_t)0xff) | 8;
    }
    uint64_t w = 0;
    for (size_t i = 0; i < 7; i++) {
        w <<= 8;
        if (i < left) w |= (unsigned char)it->key[off + i];
    }
    return w << 8 | (left < 8 ? left : 8);
}

/* ---- sorting a range on w (or on id) ------------------------------------- */

static uint64_t field(const keysort_item *it, int by_id) { return by_id ? it->id : it->w; }

static void insertion(keysort_item *v, size_t n, int by_id)
{
    for (size_t i = 1; i < n; i++) {
        keysort_item t = v[i];
        uint64_t k = field(&t, by_id);
        size_t j = i;
        while (j > 0 && field(&v[j - 1], by_id) > k) { v[j] = v[j - 1]; j--; }
        v[j] = t;
    }
}

static void sift(keysort_item *v, size_t root, size_t n, int by_id)
{
    for (;;) {
        size_t c = 2 * root + 1;
        if (c >= n) return;
        if (c + 1 < n && field(&v[c + 1], by_id) > field(&v[c], by_id)) c++;
        if (field(&v[root], by_id) >= field(&v[c], by_id)) return;
        swap(&v[root], &v[c]);
        root = c;
    }
}

static void heapsort_items(keysort_item *v, size_t n, int by_id)
{
    for (size_t i = n / 2; i-- > 0;) sift(v, i, n, by_id);
    for (size_t i = n; i-- > 1;) {
        swap(&v[0], &v[i]);
        sift(v, 0, i, by_id);
    }
}

/* Three-way quicksort (equal keys gather in the middle: runs of equal
 * words are the common case); heapsort past a depth limit. */
static void sort_range(keysort_item *v, size_t n, int by_id, int budget)
{
    while (n > 16) {
        if (budget-- == 0) { heapsort_items(v, n, by_id); return; }
        uint64_t a = field(&v[0], by_id), b = field(&v[n / 2], by_id), c = field(&v[n - 1], by_id);
        uint64_t pivot = a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);
        /* Bentley-McIlroy: keys equal to the pivot are parked at both ends,
         * the others swapped only when on the wrong side; then the equal
         * keys are moved to the middle */
        ptrdiff_t pa = 0, pb = 0, pc = (ptrdiff_t)n - 1, pd = (ptrdiff_t)n - 1;
        for (;;) {
            while (pb <= pc) {
                uint64_t x = field(&v[pb], by_id);
                if (x > pivot) break;
                if (x == pivot) swap(&v[pa++], &v[pb]);
                pb++;
            }
            while (pb <= pc) {
                uint64_t x = field(&v[pc], by_id);
                if (x < pivot) break;
                if (x == pivot) swap(&v[pc], &v[pd--]);
                pc--;
            }
            if (pb > pc) break;
            swap(&v[pb++], &v[pc--]);
        }
        /* now [0,pa) equal, [pa,pb) less, (pc,pd] greater, (pd,n) equal */
        ptrdiff_t s1 = pa < pb - pa ? pa : pb - pa;
        for (ptrdiff_t k = 0; k < s1; k++) swap(&v[k], &v[pb - s1 + k]);
        ptrdiff_t s2 = pd - pc < (ptrdiff_t)n - 1 - pd ? pd - pc : (ptrdiff_t)n - 1 - pd;
        for (ptrdiff_t k = 0; k < s2; k++) swap(&v[pb + k], &v[(ptrdiff_t)n - s2 + k]);
        size_t lt = (size_t)(pb - pa), gt = n - (size_t)(pd - pc);
        /* recurse into the smaller side, loop on the larger */
        if (lt < n - gt) {
            sort_range(v, lt, by_id, budget);
            v += gt;
            n -= gt;
        } else {
            sort_range(v + gt, n - gt, by_id, budget);
            n = lt;
        }
    }
    insertion(v, n, by_id);
}

static int log2_budget(size_t n)
{
    int b = 8;
    while (n > 1) { n >>= 1; b += 2; }
    return b;
}

/* ---- small runs: one comparison from the current offset ----------------------- */

static int item_cmp(const keysort_item *a, const keysort_item *b, size_t off)
{
    size_t la = a->len > off ? a->len - off : 0, lb = b->len > off ? b->len - off : 0;
    size_t m = la < lb ? la : lb;
    int c = m ? memcmp(a->key + off, b->key + off, m) : 0;
    if (c) return c;
    if (la != lb) return la < lb ? -1 : 1;
    return a->id < b->id ? -1 : a->id > b->id;
}

static void insertion_full(keysort_item *v, size_t n, size_t off)
{
    for (size_t i = 1; i < n; i++) {
        keysort_item t = v[i];
        size_t j = i;
        while (j > 0 && item_cmp(&v[j - 1], &t, off) > 0) { v[j] = v[j - 1]; j--; }
        v[j] = t;
    }
}

/* ---- levels ------------------------------------------------------------------ */

typedef struct task { size_t lo, n, level; } task;

void keysort(keysort_item *v, size_t n)
{
    if (n < 2) return;
    size_t cap = 64, sp = 0;
    task *st = xmalloc(cap * sizeof *st);
    st[sp++] = (task){ 0, n, 0 };
    while (sp) {
        task t = st[--sp];
        keysort_item *r = v + t.lo;
        uint64_t differ = 0;          /* any bit where a word differs from the first */
        if (t.level > 0) {
            size_t off = 7 * (t.level - 1);
            for (size_t i = 0; i < t.n; i++) {
                if (i + 24 < t.n && r[i + 24].len > off) PREFETCH(r[i + 24].key + off);
                r[i].w = word_at(&r[i], off);
                differ |= r[i].w ^ r[0].w;
            }
        } else {
            for (size_t i = 0; i < t.n; i++) differ |= r[i].w ^ r[0].w;
        }
        if (!differ) {                /* a shared stretch of the keys: no sort */
            if (t.level > 0 && (r[0].w & 0xff) < 8) sort_range(r, t.n, 1, log2_budget(t.n));
            else st[sp++] = (task){ t.lo, t.n, t.level + 1 };
            continue;
        }
        sort_range(r, t.n, 0, log2_budget(t.n));
        for (size_t i = 0; i < t.n;) {
            size_t j = i + 1;
            while (j < t.n && r[j].w == r[i].w) j++;
            if (j - i > 1) {
                if (t.level > 0 && (r[i].w & 0xff) < 8) {
                    sort_range(r + i, j - i, 1, log2_budget(j - i));   /* identical keys */
                } else if (j - i <= 8) {
                    insertion_full(r + i, j - i, 7 * t.level);          /* equal up to here */
                } else {
                    if (sp == cap) { cap *= 2; st = xrealloc(st, cap * sizeof *st); }
                    st[sp++] = (task){ t.lo + i, j - i, t.level + 1 };
                }
            }
            i = j;
        }
    }
    free(st);
}
