/* test_regex_literals.c - the texts regex_literals_of reads off a pattern
 * hold for every subject the pattern matches: written-out cases, then
 * random patterns of the whole dialect (bytes, escapes, '.', classes,
 * groups with alternatives, quantifiers, anchors, top-level '|') against
 * every short subject over a small alphabet, matched by the NFA itself. */
#include "unit.h"
#include "../../compiler/regex_literals.h"
#include "../../seatbelt/regex.h"
#include "../../support/strbuf.h"

static uint64_t rnd(uint64_t *s)
{
    *s ^= *s << 13; *s ^= *s >> 7; *s ^= *s << 17;
    return *s;
}

static int text_is(const char *got, size_t n, const char *want)
{
    if (!want) return got == NULL;
    return got && n == strlen(want) && memcmp(got, want, n) == 0;
}

static void put_atom(strbuf *o, uint64_t *s, int depth)
{
    unsigned k = (unsigned)(rnd(s) % 20);
    if (k < 9) sb_putc(o, "ab/."[rnd(s) % 3]);
    else if (k < 11) sb_puts(o, rnd(s) % 2 ? "\\." : "\\/");
    else if (k < 12) sb_putc(o, '.');
    else if (k < 14) sb_puts(o, rnd(s) % 2 ? "[ab]" : "[^/]");
    else if (k < 15) sb_puts(o, "[]a]");
    else if (k < 17 && depth < 2) {
        sb_putc(o, '(');
        int n = 1 + (int)(rnd(s) % 3);
        for (int i = 0; i < n; i++) put_atom(o, s, depth + 1);
        if (rnd(s) % 2) { sb_putc(o, '|'); put_atom(o, s, depth + 1); }
        sb_putc(o, ')');
    } else if (k < 18) sb_putc(o, '$');
    else sb_putc(o, "ab"[rnd(s) % 2]);
    unsigned q = (unsigned)(rnd(s) % 8);
    if (q == 0) sb_putc(o, '*');
    else if (q == 1) sb_putc(o, '+');
    else if (q == 2) sb_putc(o, '?');
}

static int contains(const char *h, size_t hl, const char *n, size_t nl)
{
    for (size_t i = 0; i + nl <= hl; i++) if (memcmp(h + i, n, nl) == 0) return 1;
    return 0;
}

void test_regex_literals(void)
{
    unit_case("regex_literals: the literal start and the literal text of written-out patterns");
    static const struct { const char *re, *prefix, *need; } cases[] = {
        { "^/Users/x/wt/a[^/]*/\\.github/workflows/[^/]*\\.yml(/.*)?$", "/Users/x/wt/a", "/.github/workflows/" },
        { "^/a/(.*/)?id_rsa[^/]*(/.*)?$", "/a/", "id_rsa" },
        { "^ab+c", "ab", "c" },
        { "ab+c", NULL, "ab" },
        { "^/ab*c", "/a", "c" },
        { "\\.env$", NULL, ".env" },
        { "^x\\.y$", "x.y", NULL },
        { "^(a)b", NULL, "b" },
        { "^*ab", NULL, "ab" },          /* a quantified '^' does not anchor */
        { "a|b", NULL, NULL },
        { "^abc|x", NULL, NULL },
        { "^/x(a|b)c", "/x", "c" },
        { "^[]a]b/c", NULL, "b/c" },
        { "^a(", NULL, NULL },
        { "^a\\", NULL, NULL },
        { "^a[bc", NULL, NULL },
    };
    arena a;
    arena_init(&a);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        regex_literals l;
        regex_literals_of(&a, cases[i].re, strlen(cases[i].re), &l);
        CHECK(text_is(l.prefix, l.prefix_len, cases[i].prefix) && text_is(l.need, l.need_len, cases[i].need),
              "%s: prefix [%.*s] need [%.*s], want [%s] [%s]", cases[i].re, (int)l.prefix_len, l.prefix ? l.prefix : "",
              (int)l.need_len, l.need ? l.need : "", cases[i].prefix ? cases[i].prefix : "", cases[i].need ? cases[i].need : "");
    }

    unit_case("regex_literals: every subject a random pattern matches starts with its prefix and contains its text");
    long patterns = 0, matched = 0, with_text = 0, bad = 0;
    for (uint64_t round = 1; round <= 3000; round++) {
        uint64_t seed = round * 0x9E3779B97F4A7C15ull;
        strbuf re;
        sb_init(&re);
        if (rnd(&seed) % 3) sb_putc(&re, '^');
        int n = 1 + (int)(rnd(&seed) % 7);
        for (int i = 0; i < n; i++) put_atom(&re, &seed, 0);
        if (rnd(&seed) % 10 == 0) { sb_putc(&re, '|'); put_atom(&re, &seed, 0); }
        const char *err;
        sb_regex *cre = sb_regex_compile(&a, re.data, re.len, &err);
        if (!cre) { sb_free(&re); continue; }
        patterns++;
        regex_literals l;
        regex_literals_of(&a, re.data, re.len, &l);
        if (l.prefix || l.need) with_text++;
        /* every subject of up to 5 bytes over "ab/." */
        char subj[8];
        for (int len = 0; len <= 5; len++) {
            long total = 1;
            for (int i = 0; i < len; i++) total *= 4;
            for (long v = 0; v < total; v++) {
                long x = v;
                for (int i = 0; i < len; i++) { subj[i] = "ab/."[x % 4]; x /= 4; }
                if (!sb_regex_search(cre, subj, (size_t)len)) continue;
                matched++;
                int ok = (!l.prefix || ((size_t)len >= l.prefix_len && memcmp(subj, l.prefix, l.prefix_len) == 0)) &&
                         (!l.need || contains(subj, (size_t)len, l.need, l.need_len));
                if (!ok && bad++ < 3)
                    CHECK(0, "%s matches \"%.*s\", which lacks prefix [%.*s] or text [%.*s]", sb_cstr(&re), len, subj,
                          (int)l.prefix_len, l.prefix ? l.prefix : "", (int)l.need_len, l.need ? l.need : "");
            }
        }
        sb_free(&re);
    }
    CHECK(bad == 0, "%ld subjects broke what was read off their pattern", bad);
    /* the patterns exercise the reading: most compile, many give a text, many subjects match */
    CHECK(patterns > 2000 && with_text * 2 > patterns && matched > 10000, "%ld patterns, %ld with a text, %ld matches",
          patterns, with_text, matched);
    arena_free(&a);
}
