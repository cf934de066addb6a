/* test_sorting.c - keysort against qsort with the order it promises, on
 * keys with long shared prefixes, prefixes of each other, embedded NULs,
 * duplicates and classes. */
#include "unit.h"
#include "../../support/keysort.h"
#include <stdlib.h>

static int ref_cmp(const void *pa, const void *pb)
{
    const keysort_item *a = pa, *b = pb;
    if (a->w != b->w) return a->w < b->w ? -1 : 1;
    size_t m = a->len < b->len ? a->len : b->len;
    int c = m ? memcmp(a->key, b->key, m) : 0;
    if (c) return c;
    if (a->len != b->len) return a->len < b->len ? -1 : 1;
    return a->id < b->id ? -1 : a->id > b->id;
}

static uint64_t rng(uint64_t *s)
{
    *s ^= *s << 13; *s ^= *s >> 7; *s ^= *s << 17;
    return *s;
}

static void one_round(uint64_t seed, size_t n, int alphabet, int classes)
{
    char *pool = xmalloc(n * 40 + 1);
    keysort_item *v = xmalloc((n + 1) * sizeof *v), *ref = xmalloc((n + 1) * sizeof *ref);
    static const char prefix[] = "/Users/bench/src/repo";
    for (size_t i = 0; i < n; i++) {
        char *k = pool + i * 40;
        size_t len = rng(&seed) % 38;
        size_t shared = rng(&seed) % 3 ? rng(&seed) % (sizeof prefix) : 0;
        if (shared > len) shared = len;
        memcpy(k, prefix, shared);
        for (size_t j = shared; j < len; j++) k[j] = (char)(rng(&seed) % (unsigned)alphabet);   /* NUL included */
        if (i && rng(&seed) % 5 == 0) { size_t o = rng(&seed) % i; memcpy(k, pool + o * 40, 40); len = v[o].len; }
        v[i] = (keysort_item){ classes ? rng(&seed) % (unsigned)classes : 0, k, (uint32_t)len, (uint32_t)(n - i), k };
    }
    memcpy(ref, v, n * sizeof *v);
    qsort(ref, n, sizeof *ref, ref_cmp);
    keysort(v, n);
    int same = 1;
    for (size_t i = 0; i < n && same; i++)
        if (ref[i].p != v[i].p || ref[i].id != v[i].id) same = 0;
    CHECK(same, "keysort order differs from the reference (seed %llu, n %zu, alphabet %d)",
          (unsigned long long)seed, n, alphabet);
    free(pool);
    free(v);
    free(ref);
}

void test_sorting(void)
{
    unit_case("sorting: keysort matches qsort on shared prefixes, NULs, duplicates");
    for (uint64_t seed = 1; seed <= 40; seed++) {
        one_round(seed * 7919, 1 + (size_t)(seed * 37) % 600, seed % 2 ? 3 : 256, (int)(seed % 4));
    }
    one_round(12345, 20000, 2, 0);      /* two letters: deep equal runs */
    /* sizes of the index at 1M rules: deep recursion, heapsort fallbacks */
    one_round(777, 200000, 256, 3);
    one_round(778, 150000, 2, 0);
    one_round(999, 0, 4, 0);
    one_round(998, 1, 4, 0);

    unit_case("sorting: keysort on all-equal keys orders by id");
    {
        keysort_item v[300];
        for (int i = 0; i < 300; i++) v[i] = (keysort_item){ 5, "same-key", 8, (uint32_t)(299 - i), NULL };
        keysort(v, 300);
        int ok = 1;
        for (int i = 0; i < 300; i++) if (v[i].id != (uint32_t)i) ok = 0;
        CHECK(ok, "ids not ascending");
    }
}
