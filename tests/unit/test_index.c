/* test_index.c - the overlap index's two ways to answer a query agree: a
 * rule in the index is answered from its own place (its run's parent chain
 * and the range its key prefixes); a probe with the same fields, which the
 * index does not hold, goes through a binary search and compares keys.  Both
 * must give the same candidates.  And every candidate shares an operation
 * with the query (and has the other action when only opponents are asked),
 * and no rule whose relation to the query is not disjoint is left out. */
#include "unit.h"
#include "../../compiler/overlap.h"
#include "../../compiler/patterns.h"
#include <stdlib.h>

typedef struct seen { rule **v; size_t n; } seen;

static void note(void *ud, rule *r)
{
    seen *s = ud;
    s->v[s->n++] = r;
}

static uint64_t rng(uint64_t *s)
{
    *s ^= *s << 13; *s ^= *s >> 7; *s ^= *s << 17;
    return *s;
}

/* shared: a prefix every path or name of the set starts with (the index
 * sorts the keys of a group without the bytes they all share) */
static rule *random_rule(arena *a, uint64_t *seed, unsigned id, const char *shared)
{
    static const char *const parts[] = { "Users", "bench", "cl", "a", "ab", "abc", "x", "USERS", "AB", "Cl" };
    static const matcher_kind kinds[] = { MK_LITERAL, MK_SUBPATH, MK_PREFIX, MK_GLOB, MK_NAME, MK_NAME_PREFIX, MK_REGEX };
    static const char *const tails[] = { "$", "(/.*)?$", ".*$", "/[^/]*$" };
    static const char *const ops[] = { "file-read*", "file-write*", "file-read-data", "mach-lookup" };
    rule *r = arena_alloc(a, sizeof *r);
    r->id = id;
    r->action = (action_t)(rng(seed) & 1);
    matcher_kind k = kinds[rng(seed) % 7];
    int name = k == MK_NAME || k == MK_NAME_PREFIX;
    r->op = op_lookup(name ? ops[3] : ops[rng(seed) % 3], NULL);
    r->covers = &op_get(r->op)->covers;
    char buf[512];
    size_t n = 0;
    int depth = 1 + (int)(rng(seed) % 4);
    if (shared) n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", name ? "" : "/", shared);
    if (!shared && !name && rng(seed) % 5 == 0) n += (size_t)snprintf(buf + n, sizeof buf - n, "%cHOME%c", PARAM_OPEN, PARAM_CLOSE);
    for (int i = 0; i < depth; i++) {
        const char *part = parts[rng(seed) % (shared ? 3 : 10)];
        if (name) n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", i || shared ? "." : "", part);
        else n += (size_t)snprintf(buf + n, sizeof buf - n, "/%s", part);
    }
    if (k == MK_GLOB) n += (size_t)snprintf(buf + n, sizeof buf - n, "/*");
    if (k == MK_REGEX) {               /* the path in every case of its letters */
        char re[512];
        size_t m = (size_t)snprintf(re, sizeof re, "^");
        for (size_t i = 0; i < n; i++) {
            char c = buf[i];
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
                m += (size_t)snprintf(re + m, sizeof re - m, "[%c%c]", c | 32, c & ~32);
            else m += (size_t)snprintf(re + m, sizeof re - m, c == '.' ? "\\%c" : "%c", c);
        }
        m += (size_t)snprintf(re + m, sizeof re - m, "%s", tails[rng(seed) % 4]);
        memcpy(buf, re, m);
        n = m;
    }
    r->m.kind = k;
    r->m.ns = name ? NS_GLOBAL : NS_NONE;
    r->m.value = arena_strndup(a, buf, n);
    r->m.len = n;
    matcher_finish(a, &r->m);
    return r;
}

static int has(const seen *s, const rule *r)
{
    for (size_t k = 0; k < s->n; k++) if (s->v[k] == r) return 1;
    return 0;
}

static void check_query(arena *a, const ovl_index *ix, const rule *q, int opposed, seen *fast, seen *slow, int *bad)
{
    rule *probe = arena_alloc(a, sizeof *probe);
    *probe = *q;                       /* same fields, not in the index */
    fast->n = slow->n = 0;
    ovl_query(ix, q, opposed, note, fast);
    ovl_query(ix, probe, opposed, note, slow);
    for (size_t k = 0; k < fast->n; k++) {
        const rule *r = fast->v[k];
        int ok = r != q && opset_intersects(r->covers, q->covers) && (!opposed || r->action != q->action) &&
                 has(slow, r);
        if (!ok && !*bad) {
            *bad = 1;
            printf("  fast path only: %.*s for query %.*s\n", (int)r->m.len, r->m.value, (int)q->m.len, q->m.value);
        }
    }
    for (size_t k = 0; k < slow->n; k++) {
        const rule *r = slow->v[k];
        if (r != q && !has(fast, r) && !*bad) {
            *bad = 1;
            printf("  search path only: %.*s for query %.*s\n", (int)r->m.len, r->m.value, (int)q->m.len, q->m.value);
        }
    }
}

void test_index(void)
{
    unit_case("index: a rule's own place and a key search give the same candidates");
    for (uint64_t round = 1; round <= 16; round++) {
        arena a;
        arena_init(&a);
        uint64_t seed = round * 2654435761u;
        size_t n = (round > 12 ? 200 : 20) + (size_t)(rng(&seed) % 300);
        rule **all = arena_alloc(&a, n * sizeof *all);
        /* rounds 13-16: every value starts with the same 17 bytes */
        const char *shared = round > 12 ? "Users.bench.src.a" : NULL;
        for (size_t i = 0; i < n; i++) all[i] = random_rule(&a, &seed, (unsigned)i, shared);
        ovl_index *ix = ovl_build(&a, all, n);
        seen fast = { arena_alloc(&a, (n + 1) * sizeof(rule *)), 0 };
        seen slow = { arena_alloc(&a, (n + 1) * sizeof(rule *)), 0 };
        int bad = 0;
        size_t total = 0;
        for (size_t i = 0; i < n; i++) {
            check_query(&a, ix, all[i], 0, &fast, &slow, &bad);
            total += fast.n;
            /* and nothing that may overlap is missed (every pair, the slow way) */
            for (size_t j = 0; j < n && !bad; j++) {
                const rule *r = all[j], *q = all[i];
                if (r == q || !opset_intersects(r->covers, q->covers)) continue;
                if (matcher_relation(&r->m, &q->m) != REL_DISJOINT && !has(&fast, r)) {
                    bad = 1;
                    printf("  missed: %s %.*s for query %s %.*s\n", mk_name(r->m.kind, r->m.ns), (int)r->m.len,
                           r->m.value, mk_name(q->m.kind, q->m.ns), (int)q->m.len, q->m.value);
                }
            }
            check_query(&a, ix, all[i], 1, &fast, &slow, &bad);
        }
        CHECK(!bad, "round %llu: the two ways of answering disagree", (unsigned long long)round);
        CHECK(total > n, "round %llu: the rules hardly overlap (%zu candidates): the test tests nothing",
              (unsigned long long)round, total);
        ovl_free(ix);
        arena_free(&a);
    }
}
