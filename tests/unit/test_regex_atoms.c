/* test_regex_atoms.c - sb_regex_atoms restricted (sb_atoms_opts.must and
 * .near): every subject it gives holds a must regex and is near a path,
 * and every atom of the short near subjects that holds a must regex is
 * given one subject, checked against all canonical paths over a small
 * alphabet. */
#include "unit.h"
#include "../../seatbelt/regex_atoms.h"
#include "../../seatbelt/path_canonical.h"

enum { NRE = 3, MAXSUB = 64 };
typedef struct got { char s[MAXSUB][16]; size_t n[MAXSUB]; int count, too_long; } got;

static void keep(void *ctx, const char *s, size_t n)
{
    got *g = ctx;
    if (g->count == MAXSUB || n >= sizeof g->s[0]) { g->too_long = 1; return; }
    memcpy(g->s[g->count], s, n);
    g->n[g->count++] = n;
}

static int atom_of(const sb_regex *const *res, const char *s, size_t n)
{
    int m = 0;
    for (int i = 0; i < NRE; i++) if (sb_regex_search(res[i], s, n)) m |= 1 << i;
    return m;
}

/* at, above or below one of near (as diff_value_near) */
static int is_near(const char *p, size_t n, const char *const *near, size_t nnear)
{
    for (size_t i = 0; i < nnear; i++) {
        size_t l = strlen(near[i]), m = l < n ? l : n;
        if (memcmp(p, near[i], m)) continue;
        if (l == n || (l < n && (near[i][l - 1] == '/' || p[l] == '/')) || (n < l && (p[n - 1] == '/' || near[i][n] == '/')))
            return 1;
    }
    return 0;
}

void test_regex_atoms(void)
{
    unit_case("regex atoms: only the combinations with a must regex, only near paths");
    arena a;
    arena_init(&a);
    static const char *const pats[NRE] = { "^/a/[bc]+$", "^/a/.*z", "^/b" };
    const sb_regex *res[NRE];
    for (int i = 0; i < NRE; i++) {
        const char *err;
        res[i] = sb_regex_compile(&a, pats[i], strlen(pats[i]), &err);
        CHECK(res[i] != NULL, "compile %s", pats[i]);
        if (!res[i]) { arena_free(&a); return; }
    }
    static const unsigned char must[NRE] = { 1, 0, 0 };
    static const char *const near[] = { "/a/b" };
    sb_atoms_opts o = { .path = 1, .max_states = 20000, .max_len = 12, .must = must, .near = near, .nnear = 1 };
    got g;
    memset(&g, 0, sizeof g);
    sb_regex_atoms(res, NRE, &o, keep, &g);
    CHECK(!g.too_long && g.count > 0, "%d subjects", g.count);
    int seen = 0;   /* the atoms given (bit mask of atom masks) */
    for (int k = 0; k < g.count; k++) {
        int m = atom_of(res, g.s[k], g.n[k]);
        CHECK(m & 1, "%.*s holds no must regex", (int)g.n[k], g.s[k]);
        CHECK(is_near(g.s[k], g.n[k], near, 1), "%.*s is not near /a/b", (int)g.n[k], g.s[k]);
        CHECK(!(seen >> m & 1), "atom %d given twice", m);
        seen |= 1 << m;
    }
    /* every canonical near path of up to 7 bytes over "/abcz" */
    static const char al[] = "/abcz";
    char buf[8];
    int want = 0;
    for (int len = 1; len <= 7; len++) {
        long total = 1;
        for (int k = 0; k < len; k++) total *= 5;
        for (long t = 0; t < total; t++) {
            long x = t;
            for (int k = 0; k < len; k++) { buf[k] = al[x % 5]; x /= 5; }
            if (!path_canonical(buf, (size_t)len) || !is_near(buf, (size_t)len, near, 1)) continue;
            int m = atom_of(res, buf, (size_t)len);
            if (m & 1) want |= 1 << m;
        }
    }
    CHECK(want && (seen & want) == want, "atoms wanted %#x, given %#x", want, seen);
    /* without the restrictions: some subject is neither */
    sb_atoms_opts all = { .path = 1, .max_states = 20000, .max_len = 12 };
    memset(&g, 0, sizeof g);
    sb_regex_atoms(res, NRE, &all, keep, &g);
    int other = 0;
    for (int k = 0; k < g.count; k++)
        other |= !(atom_of(res, g.s[k], g.n[k]) & 1) || !is_near(g.s[k], g.n[k], near, 1);
    CHECK(other, "the walk without restrictions gives only must atoms near /a/b");
    arena_free(&a);
}
