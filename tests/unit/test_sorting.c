/* test_sorting.c - keysort against qsort with the order it promises, on
 * keys with long shared prefixes, prefixes of each other, embedded NULs,
 * duplicates and classes; and rule_set identity with removals. */
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

static rule *mk(arena *a, action_t act, int op, matcher_kind k, const char *v)
{
    rule *r = arena_alloc(a, sizeof *r);
    r->action = act;
    r->op = op;
    r->m.kind = k;
    r->m.value = v;
    r->m.len = v ? strlen(v) : 0;
    return r;
}

void test_sorting(void)
{
    unit_case("sorting: keysort matches qsort on shared prefixes, NULs, duplicates");
    for (uint64_t seed = 1; seed <= 40; seed++) {
        one_round(seed * 7919, 1 + (size_t)(seed * 37) % 600, seed % 2 ? 3 : 256, (int)(seed % 4));
    }
    one_round(12345, 20000, 2, 0);      /* two letters: deep equal runs */
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

    unit_case("sorting: rule_set finds identical rules, forgets removed ones");
    {
        arena a;
        arena_init(&a);
        rule_set s;
        rs_init(&s);
        char names[3000][24];
        rule *rs[3000];
        for (int i = 0; i < 3000; i++) {
            snprintf(names[i], sizeof names[i], "/p/%d", i);
            rs[i] = mk(&a, (action_t)(i % 2), i % 7, MK_SUBPATH, names[i]);
            CHECK(rs_get(&s, rs[i]) == NULL, "fresh rule %d found", i);
            rs_add(&s, rs[i]);
        }
        for (int i = 0; i < 3000; i++) {
            rule *probe = mk(&a, (action_t)(i % 2), i % 7, MK_SUBPATH, names[i]);
            CHECK(rs_get(&s, probe) == rs[i], "rule %d not found", i);
            probe->action = (action_t)!(i % 2);
            CHECK(rs_get(&s, probe) == NULL, "rule %d found with the other action", i);
            probe->action = (action_t)(i % 2);
            probe->m.kind = MK_LITERAL;
            CHECK(rs_get(&s, probe) == NULL, "rule %d found with another kind", i);
        }
        for (int i = 0; i < 3000; i += 3) rs_del(&s, rs[i]);
        for (int i = 0; i < 3000; i++)
            CHECK((rs_get(&s, rs[i]) == NULL) == (i % 3 == 0), "rule %d after removals", i);
        for (int i = 0; i < 3000; i += 3) rs_add(&s, rs[i]);   /* added again after a remove */
        for (int i = 0; i < 3000; i++) CHECK(rs_get(&s, rs[i]) == rs[i], "rule %d re-added", i);
        rule *none = mk(&a, ACT_ALLOW, 1, MK_NONE, NULL);
        CHECK(rs_get(&s, none) == NULL, "unfiltered rule found");
        rs_add(&s, none);
        CHECK(rs_get(&s, mk(&a, ACT_ALLOW, 1, MK_NONE, NULL)) == none, "unfiltered rule not found");
        rs_free(&s);
        arena_free(&a);
    }
}
