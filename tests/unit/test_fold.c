/* test_fold.c - fold_paths (backend/emit_fold.c): the same filters whether
 * the values come tokenized (fold_prepare, as the SBPL back end hands a
 * rule's value to every set it is folded in) or not, and whatever their
 * order; bodies whose token order differs from their byte order ("a" sorts
 * before "a*" as a token, after it as bytes). */
#include "unit.h"
#include "../../backend/emit.h"
#include <stdlib.h>

static const char *const bodies[] = {
    "/Users/bench/a", "/Users/bench/a*", "/Users/bench/ab", "/Users/bench/a(/.*)?",
    "/Users/bench/b(x)?", "/Users/bench/b", "/Users/bench/bx", "/Users/bench/\\.env",
    "/Users/bench/\\.env(/.*)?", "/Users/bench/c[0-9]+", "/Users/bench/c1", "/Users/bench/c",
    "/Users/q\"x/y", "/Users/t\\tx", "/Library/Caches/a", "/Library/Caches/b", "/Library/Caches/c",
    "/Library/Caches/d(/.*)?", "/private/tmp/x/(.*/)?\\.git", "/private/tmp/y/(.*/)?\\.git",
    "/a", "/a/b", "/a/b/c", "/a/b/c/d", "/a/b/c/d/e",
};
#define NB (sizeof bodies / sizeof bodies[0])

static size_t fold(strbuf *out, const size_t *perm, size_t n, int prepare, arena *a)
{
    fold_value *v = xcalloc(n + 1, sizeof *v);
    for (size_t i = 0; i < n; i++) {
        v[i].s = bodies[perm[i]];
        v[i].len = strlen(bodies[perm[i]]);
        if (prepare) fold_prepare(a, &v[i]);
    }
    size_t c = fold_paths(out, v, n, "\n", 1);
    free(v);
    return c;
}

void test_fold(void)
{
    unit_case("fold: prepared values and any order give the same filters");
    uint64_t seed = 0x9e3779b97f4a7c15ull;
    size_t perm[NB];
    for (size_t i = 0; i < NB; i++) perm[i] = i;
    arena a;
    arena_init(&a);
    strbuf ref;
    sb_init(&ref);
    size_t nref = fold(&ref, perm, NB, 0, &a);
    CHECK(nref > 0 && nref < NB, "%zu filters for %zu bodies", nref, (size_t)NB);
    size_t lines = 1;
    for (size_t i = 0; i < ref.len; i++) lines += ref.data[i] == '\n';
    CHECK(lines == nref, "%zu filters counted, %zu written", nref, lines);
    for (int round = 0; round < 40; round++) {
        for (size_t i = NB - 1; i > 0; i--) {            /* a shuffle */
            seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17;
            size_t j = (size_t)(seed % (i + 1)), t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        strbuf b;
        sb_init(&b);
        size_t nb = fold(&b, perm, NB, round % 2, &a);
        CHECK(nb == nref && b.len == ref.len && memcmp(b.data, ref.data, b.len) == 0,
              "round %d (%s): %zu filters\n%s\nagainst %zu\n%s", round, round % 2 ? "prepared" : "raw", nb, b.data, nref,
              ref.data);
        sb_free(&b);
    }
    sb_free(&ref);

    unit_case("fold: a token before the longer token it begins");
    size_t three[3] = { 2, 1, 0 };     /* "/Users/bench/ab", "/Users/bench/a*", "/Users/bench/a" */
    static const char *const want[] = { "", "", "(regex \"^/Users/bench/(a|a*)$\")",
                                        "(regex \"^/Users/bench/(a|a*|ab)$\")" };
    for (size_t n = 2; n <= 3; n++) {
        strbuf t;
        sb_init(&t);
        size_t c = fold(&t, three + 3 - n, n, n == 3, &a);
        CHECK(c == 1 && t.data && strcmp(t.data, want[n]) == 0, "%zu bodies: %zu filters: %s", n, c, t.data);
        sb_free(&t);
    }
    arena_free(&a);
}
