/* test_regex_literals.c - the texts regex_literals_of reads off a pattern
 * hold for every subject the pattern matches: written-out cases, then
 * random patterns of the whole dialect (bytes, escapes, '.', classes,
 * groups with alternatives, quantifiers, anchors, top-level '|') against
 * every short subject over a small alphabet, matched by the NFA itself.
 * glob_literals_of, which reads a glob directly, gives what the reading of
 * its regex gives. */
#include "unit.h"
#include "../../compiler/regex_literals.h"
#include "../../compiler/expand.h"
#include "../../compiler/patterns.h"
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

static void put_glob(strbuf *o, uint64_t *s, int brackets)
{
    int n = 1 + (int)(rnd(s) % 5);
    if (rnd(s) % 4 == 0) sb_puts(o, "\x01HOME\x02");
    for (int i = 0; i < n; i++) {
        unsigned k = (unsigned)(rnd(s) % 12);
        if (k < 2) sb_puts(o, "/**");
        else if (k < 4) { sb_putc(o, '/'); sb_puts(o, rnd(s) % 2 ? "a*" : "*.b"); }
        else if (k < 5) sb_puts(o, "/a?");
        else if (k < 6 && brackets) sb_puts(o, rnd(s) % 2 ? "/[a]b" : "/[!a]");
        else if (k < 7) sb_puts(o, "/\\*a");
        else if (k < 8) sb_puts(o, "\x01R\x02");
        else { sb_putc(o, '/'); sb_puts(o, rnd(s) % 2 ? "ab" : "b.a"); }
    }
}

static void glob_param_quoted(strbuf *out, const char *name, size_t len, void *ud)
{
    const char *v = hm_get(ud, name, len);
    if (v) param_regex_quote(out, v, strlen(v));
}

void test_glob_literals(void)
{
    unit_case("glob_literals: a glob read directly gives what its regex gives; with bracket expressions, what holds for its paths");
    arena a;
    arena_init(&a);
    hashmap vals;
    hm_init(&vals);
    hm_set(&vals, "HOME", 4, (void *)"/Users/test");
    hm_set(&vals, "R", 1, (void *)"/");
    long same = 0, bad = 0, sound_bad = 0, with_text = 0;
    for (uint64_t round = 1; round <= 4000; round++) {
        uint64_t seed = round * 0x9E3779B97F4A7C15ull;
        strbuf g, re;
        sb_init(&g);
        sb_init(&re);
        int brackets = round > 2000;
        put_glob(&g, &seed, brackets);
        glob_to_regex(&re, g.data, g.len, glob_param_quoted, &vals);
        regex_literals want, got;
        regex_literals_of(&a, re.data, re.len, &want);
        glob_literals_of(&a, g.data, g.len, &vals, &got);
        if (got.prefix || got.need) with_text++;
        if (!brackets) {
            int eq = text_is(got.prefix, got.prefix_len, want.prefix ? arena_strndup(&a, want.prefix, want.prefix_len) : NULL) &&
                     text_is(got.need, got.need_len, want.need ? arena_strndup(&a, want.need, want.need_len) : NULL);
            if (eq) same++;
            else if (bad++ < 3)
                CHECK(0, "glob %s (regex %s): prefix [%.*s] need [%.*s], the regex gives [%.*s] [%.*s]", sb_cstr(&g), sb_cstr(&re),
                      (int)got.prefix_len, got.prefix ? got.prefix : "", (int)got.need_len, got.need ? got.need : "",
                      (int)want.prefix_len, want.prefix ? want.prefix : "", (int)want.need_len, want.need ? want.need : "");
        } else {
            /* with brackets: what it reads must still hold for the paths the regex matches */
            const char *err;
            sb_regex *cre = sb_regex_compile(&a, re.data, re.len, &err);
            static const char *const subjects[] = { "/Users/test/ab", "/Users/test/a/ab/b.a", "/ab/a/b", "/*a/ab", "/ab/b.a/x",
                                                    "/Users/test/*a/[a]b", "/ab/xb", "/ab", "/b.a/ab/ab/ab" };
            for (size_t k = 0; cre && k < sizeof subjects / sizeof subjects[0]; k++) {
                const char *sj = subjects[k];
                size_t sl = strlen(sj);
                if (!sb_regex_search(cre, sj, sl)) continue;
                int ok = (!got.prefix || (sl >= got.prefix_len && memcmp(sj, got.prefix, got.prefix_len) == 0)) &&
                         (!got.need || contains(sj, sl, got.need, got.need_len));
                if (!ok && sound_bad++ < 3) CHECK(0, "glob %s matches %s, which lacks what was read off it", sb_cstr(&g), sj);
            }
        }
        sb_free(&g);
        sb_free(&re);
    }
    CHECK(bad == 0 && sound_bad == 0, "%ld globs read differently from their regex, %ld unsound", bad, sound_bad);
    CHECK(same > 1500 && with_text > 3000, "%ld read the same, %ld with a text", same, with_text);
    hm_free(&vals);
    arena_free(&a);
}

/* A regex template: a parameter token is plain text of the prefix (the
 * compiler quotes its value), one a quantifier follows ends it; a pattern
 * that is "^", the prefix and "$" is whole. */
void test_regex_literals_params(void)
{
    unit_case("regex_literals: a parameter token is plain text of a template's prefix");
    static const struct { const char *re; const char *prefix; int whole; } cases[] = {
        { "^/a/\x01X\x02/b", "/a/\x01X\x02/b", 0 },
        { "^/a/\x01X\x02$", "/a/\x01X\x02", 1 },
        { "^com\\.\x01S\x02\\.d$", "com.\x01S\x02.d", 1 },
        { "^/a/\x01X\x02*b", "/a/", 0 },
        { "^/a\x01X\x02|/b", NULL, 0 },
        { "^/t\x01X\x02.*$", "/t\x01X\x02", 0 },
        { "^/q/[^a-c]+\x01X\x02$", "/q/", 0 },
        { "^$", NULL, 1 },
    };
    arena a;
    arena_init(&a);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        regex_literals l;
        regex_literals_read(&a, cases[i].re, strlen(cases[i].re), REGEX_LIT_PARAMS, &l);
        CHECK(text_is(l.prefix, l.prefix_len, cases[i].prefix) && l.whole == cases[i].whole,
              "case %zu: prefix [%.*s] whole %d, want [%s] %d", i, (int)l.prefix_len, l.prefix ? l.prefix : "", l.whole,
              cases[i].prefix ? cases[i].prefix : "", cases[i].whole);
    }
    arena_free(&a);
}
