/* test_regex_prefix.c - sb_regex_meets_prefix: does some subject that
 * starts with a prefix hold a match?  Fixed cases, then random small
 * regexes against every subject of the prefix and a short tail. */
#include "unit.h"
#include "../../seatbelt/regex.h"

static int meets(arena *a, const char *re, const char *p)
{
    const char *err = NULL;
    sb_regex *rx = sb_regex_compile(a, re, strlen(re), &err);
    return rx ? sb_regex_meets_prefix(rx, p, strlen(p)) : -1;
}

/* a subject p + tail (tails of up to 4 bytes over "ab.c") matches */
static int some_tail(const sb_regex *rx, const char *p)
{
    static const char al[] = "ab.c";
    char buf[64];
    size_t n = strlen(p);
    memcpy(buf, p, n);
    for (int len = 0; len <= 4; len++) {
        int total = 1;
        for (int k = 0; k < len; k++) total *= 4;
        for (int t = 0; t < total; t++) {
            int x = t;
            for (int k = 0; k < len; k++) { buf[n + (size_t)k] = al[x % 4]; x /= 4; }
            if (sb_regex_search(rx, buf, n + (size_t)len)) return 1;
        }
    }
    return 0;
}

void test_regex_prefix(void)
{
    unit_case("regex prefix: names that start with a prefix and hold a match");
    arena a;
    arena_init(&a);
    static const struct { const char *re, *p; int want; } cases[] = {
        { "^com\\.apple\\.(sec|tcc)", "com.apple.t", 1 },
        { "^com\\.apple\\.(sec|tcc)", "com.apple.x", 0 },
        { "secd$", "com.", 1 },
        { "^com\\.apple\\.sec$", "com.apple.se", 1 },
        { "^com\\.apple\\.sec$", "com.apple.secd", 0 },
        { "^a$|^b", "c", 0 },
        { "^a$|^b", "", 1 },
        { "^$", "", 1 },
        { "^$", "x", 0 },
        { "x^", "", 0 },
        { "$x", "", 0 },
        { "^kern\\.(boot|os)", "kern.b", 1 },
        { "^[^k]", "kern", 0 },
        { "b[^a-z]", "ab", 1 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        CHECK(meets(&a, cases[i].re, cases[i].p) == cases[i].want, "%s against prefix \"%s\": want %d", cases[i].re,
              cases[i].p, cases[i].want);
    unit_case("regex prefix: agrees with subjects the prefix starts");
    static const char *const atoms[] = { "a", "b", ".", "[ab]", "(a|b)", "^", "$", "a*", "b+", "c?", "(ab)*" };
    static const char *const prefixes[] = { "", "a", "b", "ab", "ba", "abc", "c" };
    uint64_t s = 17;
    for (int it = 0; it < 3000; it++) {
        char re[64] = "";
        int n = 1 + (int)((s >> 33) % 4);
        for (int k = 0; k < n; k++) {
            s = s * 6364136223846793005ull + 1442695040888963407ull;
            strcat(re, atoms[(s >> 33) % (sizeof atoms / sizeof atoms[0])]);
        }
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        const char *p = prefixes[(s >> 33) % (sizeof prefixes / sizeof prefixes[0])];
        const char *err = NULL;
        sb_regex *rx = sb_regex_compile(&a, re, strlen(re), &err);
        if (!rx) continue;
        int got = sb_regex_meets_prefix(rx, p, strlen(p)), tail = some_tail(rx, p);
        /* a match with a short tail is a match; none with any tail of up to
         * 4 bytes means none at all (each atom above matches at most one
         * byte at its shortest, and there are at most 4) */
        CHECK(got == tail, "%s against prefix \"%s\": %d, a subject with a short tail says %d", re, p, got, tail);
    }
    arena_free(&a);
}
