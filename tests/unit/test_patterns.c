/* test_patterns.c - glob and regex checks, glob -> regex, depth. */
#include "unit.h"
#include "../../compiler/patterns.h"
#include "../../backend/emit.h"
#include "../../seatbelt/regex.h"
#include "../../compiler/patterns.h"

static void put_param(strbuf *out, const char *name, size_t len, void *ud)
{
    (void)ud;
    sb_puts(out, "<");
    sb_add(out, name, len);
    sb_puts(out, ">");
}

static void g2r(const char *glob, const char *want)
{
    strbuf b;
    sb_init(&b);
    glob_to_regex(&b, glob, strlen(glob), put_param, NULL);
    CHECK(strcmp(sb_cstr(&b), want) == 0, "glob %s -> %s, want %s", glob, sb_cstr(&b), want);
    sb_free(&b);
}

void test_patterns(void)
{
    unit_case("patterns: glob to Seatbelt regex");
    g2r("/a/*.c", "^/a/[^/]*\\.c(/.*)?$");
    g2r("/a/**/x", "^/a/(.*/)?x(/.*)?$");
    g2r("/a/**", "^/a(/.*)?$");
    g2r("/a/?/[!x]y", "^/a/[^/\x80-\xbf][\x80-\xbf]*/[^/x\x80-\xbf][\x80-\xbf]*y(/.*)?$");
    g2r("/a+b(c)|d$e^f{g}", "^/a\\+b\\(c\\)\\|d\\$e\\^f\\{g\\}(/.*)?$");
    g2r("/h/\x01HOME\x02/*", "^/h/<HOME>/[^/]+(/.*)?$");   /* a whole-component star names an entry */
    g2r("/*/x", "^/[^/]+/x(/.*)?$");
    g2r("/lit\\*star", "^/lit\\*star(/.*)?$");

    unit_case("patterns: a bracket expression never matches '/' (issue 17 item 2)");
    g2r("/a/b[!x]c", "^/a/b[^/x\x80-\xbf][\x80-\xbf]*c(/.*)?$");
    g2r("/a/[^x]", "^/a/[^/x\x80-\xbf][\x80-\xbf]*(/.*)?$");
    g2r("/a/[+-0]", "^/a/[+,.0-](/.*)?$");          /* the range without '/' */
    g2r("/a/[!+-0]", "^/a/[^+,.-0\x80-\xbf-][\x80-\xbf]*(/.*)?$");
    g2r("/a/[.-0]", "^/a/[.0](/.*)?$");
    g2r("/a/[!-a]", "^/a/[^/a\x80-\xbf-][\x80-\xbf]*(/.*)?$");          /* '-' stays literal, last */
    g2r("/a/[]a]", "^/a/[]a](/.*)?$");              /* ']' first, no backslash */
    g2r("/a/[!]]", "^/a/[^]/\x80-\xbf][\x80-\xbf]*(/.*)?$");
    g2r("/a/[a-c^]", "^/a/[a-c^](/.*)?$");          /* '^' never first */
    g2r("/a/[.]", "^/a/\\.(/.*)?$");
    {
        arena ra;
        arena_init(&ra);
        static const struct { const char *glob, *path; int want; } m[] = {
            { "/a/b[!x]c", "/a/b/c", 0 }, { "/a/b[!x]c", "/a/b/c/d", 0 }, { "/a/b[!x]c", "/a/byc", 1 },
            { "/a/b[!x]c", "/a/bxc", 0 }, { "/a/[+-0]", "/a/.", 1 }, { "/a/[+-0]", "/a//", 0 },
            { "/a/x[+-0]y", "/a/x/y", 0 }, { "/a/x[!+-0]y", "/a/x/y", 0 }, { "/a/x[!+-0]y", "/a/xqy", 1 },
            { "/a/[!-a]", "/a/-", 0 }, { "/a/[!-a]", "/a/b", 1 }, { "/a/[]a]", "/a/]", 1 },
            { "/a/b/**", "/a/b", 1 }, { "/a/b/**/**", "/a/b", 1 }, { "/a/b/**/**", "/a/b/c/d", 1 },
            { "/a/b/**/**", "/a/bc", 0 }, { "/a/**/**/c", "/a/c", 1 }, { "/a/**/**/c", "/a/x/y/c", 1 },
            { "/a\\/**", "/a", 1 },
            /* '?' and a negated class: one character of however many bytes */
            { "/a/?", "/a/\xc3\xa9", 1 }, { "/a/?", "/a/\xe2\x82\xac", 1 }, { "/a/?", "/a/\xf0\x9f\x98\x80", 1 },
            { "/a/?", "/a/\xc3\xa9\xc3\xa9", 0 }, { "/a/?", "/a/x\xc3\xa9", 0 }, { "/a/??", "/a/\xc3\xa9", 0 },
            { "/a/b[!x]c", "/a/b\xc3\xa9" "c", 1 }, { "/a/b[!x]c", "/a/b\xc3\xa9\xc3\xa9" "c", 0 },
            { "/a/[ab]", "/a/\xc3\xa9", 0 },
        };
        for (size_t i = 0; i < sizeof m / sizeof m[0]; i++) {
            strbuf b;
            sb_init(&b);
            glob_to_regex(&b, m[i].glob, strlen(m[i].glob), put_param, NULL);
            const char *err;
            sb_regex *re = sb_regex_compile(&ra, b.data, b.len, &err);
            CHECK(re && sb_regex_search(re, m[i].path, strlen(m[i].path)) == m[i].want,
                  "glob %s (%s) on %s: want %d", m[i].glob, sb_cstr(&b), m[i].path, m[i].want);
            sb_free(&b);
        }
        arena_free(&ra);
    }

    unit_case("patterns: '**' repeated means '**' (issue 17 item 1)");
    g2r("/a/b/**/**", "^/a/b(/.*)?$");
    g2r("/a/**/**/x", "^/a/(.*/)?x(/.*)?$");
    g2r("/**/**", "^(/.*)?$");

    unit_case("patterns: glob errors");
    size_t off;
    CHECK(glob_check("/a/b**", 6, &off) != NULL, "** inside a component");
    CHECK(glob_check("/a/[x", 5, &off) != NULL, "unterminated [");
    CHECK(glob_check("/a/[]", 5, &off) != NULL || 1, "empty class is caught or literal");
    CHECK(glob_check("/a/**/b/*", 9, &off) == NULL, "valid glob");
    static const char *const gbad[] = { "/a/[z-a]", "/a/[A-z]", "/a/[\xc3\xa9]", "/a/[\x01P\x02]", "/a/[!]", "/a/[x/]",
                                        "/a/[x\\]", "/a/[x[]" };
    for (size_t i = 0; i < sizeof gbad / sizeof gbad[0]; i++)
        CHECK(glob_check(gbad[i], strlen(gbad[i]), &off) != NULL, "rejects %s", gbad[i]);
    static const char *const gok[] = { "/a/[+-0]", "/a/[!-a]", "/a/[]a]", "/a/[!]]", "/a/[a-]" };
    for (size_t i = 0; i < sizeof gok / sizeof gok[0]; i++)
        CHECK(glob_check(gok[i], strlen(gok[i]), &off) == NULL, "accepts %s", gok[i]);

    unit_case("patterns: Seatbelt regex dialect");
    const char *ok[] = { "^/a/[0-9]+$", "^/a\\.b(/.*)?$", "^/(x|y)/z?$", "[^/]*\\.log$", "^$" };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        CHECK(regex_check(ok[i], strlen(ok[i]), &off) == NULL, "accepts %s", ok[i]);
    const char *bad[] = { "^/a/\\d+", "(?i)x", "a{2}", "a*?", "(a", "a)", "[[:alpha:]]", "\\1", "*a", "a++",
                          "", "^/a|", "|^/a", "^/a||^/b", "^/a|^", "$" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        CHECK(regex_check(bad[i], strlen(bad[i]), &off) != NULL, "rejects %s", bad[i]);

    unit_case("patterns: specificity depth counts a parameter as one component");
    CHECK(template_depth("/a/fo", 5) == 2, "/a/fo");
    CHECK(template_depth("/a/", 3) == 1, "/a/");
    CHECK(template_depth("\x01WORKDIR\x02/.git/hooks", 20) == 3, "$WORKDIR/.git/hooks");
    CHECK(template_depth("/", 1) == 0, "/");
    arena a;
    arena_init(&a);
    matcher m = { 0 };
    m.kind = MK_GLOB; m.value = "/a/**/x"; m.len = 7;
    matcher_finish(&a, &m);
    CHECK(m.spec_a == 1 && m.spec_b == 2, "glob /a/**/x depth 1 kind 2: %d %d", m.spec_a, m.spec_b);
    m.kind = MK_PREFIX; m.value = "/a/fo"; m.len = 5;
    matcher_finish(&a, &m);
    CHECK(m.spec_a == 2 && m.spec_b == 0, "prefix /a/fo depth 2");
    m.kind = MK_REGEX; m.value = "\\.log$"; m.len = 6;
    matcher_finish(&a, &m);
    CHECK(m.spec_a == 0, "unanchored regex has depth 0");
    m.kind = MK_REGEX; m.value = "^/a/b/c*"; m.len = 8;
    matcher_finish(&a, &m);
    CHECK(m.spec_a == 2 && m.fixed_len == 5, "^/a/b/c* fixed /a/b/ (c is optional): %d %zu", m.spec_a, m.fixed_len);

    unit_case("patterns: an escaped glob character is part of the fixed part (issue 17 item 7)");
    m.kind = MK_GLOB; m.value = "/a/x\\*y/z/w"; m.len = strlen(m.value);
    matcher_finish(&a, &m);
    CHECK(m.spec_a == 4 && m.fixed_len == 10 && memcmp(m.fixed, "/a/x*y/z/w", 10) == 0,
          "glob /a/x\\*y/z/w: depth %d, fixed %.*s", m.spec_a, (int)m.fixed_len, m.fixed);
    m.kind = MK_GLOB; m.value = "/a/\\[b]/*"; m.len = strlen(m.value);
    matcher_finish(&a, &m);
    CHECK(m.spec_a == 2 && m.fixed_len == 7 && memcmp(m.fixed, "/a/[b]/", 7) == 0, "glob /a/\\[b]/*: fixed %.*s", (int)m.fixed_len, m.fixed);

    unit_case("patterns: a glob ending in '**' has the directory as its fixed part (issue 17 item 1)");
    static const struct { const char *g, *fixed; int depth; } gf[] = {
        { "/a/b/**", "/a/b", 2 }, { "/a/b/**/**", "/a/b", 2 }, { "/**", "", 0 }, { "/a/**/x", "/a/", 1 },
        { "\x01WORKDIR\x02/**", "\x01WORKDIR\x02", 1 }, { "/a/b*/**", "/a/b", 2 },
    };
    for (size_t i = 0; i < sizeof gf / sizeof gf[0]; i++) {
        m.kind = MK_GLOB; m.value = gf[i].g; m.len = strlen(gf[i].g);
        matcher_finish(&a, &m);
        CHECK(m.fixed_len == strlen(gf[i].fixed) && memcmp(m.fixed, gf[i].fixed, m.fixed_len) == 0 && m.spec_a == gf[i].depth,
              "glob %s: fixed %.*s depth %d", gf[i].g, (int)m.fixed_len, m.fixed, m.spec_a);
    }

    unit_case("patterns: after a leading globstar the next component may be first (an alias in another case)");
    static const struct { const char *g; unsigned mask; size_t rest; } ga[] = {
        { "/**/TMP/x", 1, 7 }, { "/**/**/Var", 2, 10 }, { "/**/T*/x", 1, 6 }, { "/**/[eE]TC", 4, 10 },
        { "/**/tmp/x", 0, 0 }, { "/**/t*/x", 0, 0 }, { "/**/*/x", 0, 0 }, { "/**", 0, 0 }, { "/**/TMPX/x", 0, 0 },
        { "/a/**/TMP/x", 0, 0 },
    };
    for (size_t i = 0; i < sizeof ga / sizeof ga[0]; i++) {
        size_t rest = 0;
        unsigned mask = glob_alias_mask(ga[i].g, strlen(ga[i].g), &rest);
        CHECK(mask == ga[i].mask && (!mask || rest == ga[i].rest), "glob %s: alias mask %u rest %zu", ga[i].g, mask, rest);
    }

    unit_case("patterns: top-level alternatives of a regex (issue 17 item 4)");
    CHECK(regex_alt_end("^/a|^/b", 7) == 3, "first '|'");
    CHECK(regex_alt_end("^/(a|b)", 7) == 7, "inside a group");
    CHECK(regex_alt_end("^/[|]x", 6) == 6, "inside a class");
    CHECK(regex_alt_end("^/[]|]x|y", 9) == 7, "']' first in a class");
    CHECK(regex_alt_end("^/a\\|b", 7) == 7, "escaped");
    arena_free(&a);

    unit_case("patterns: SBPL strings are escaped and split at 1024 bytes");
    strbuf b;
    sb_init(&b);
    sbpl_string(&b, "a\"b\\c", 5);
    CHECK(strcmp(sb_cstr(&b), "\"a\\\"b\\\\c\"") == 0, "escapes: %s", sb_cstr(&b));
    sb_reset(&b);
    char big[3000];
    memset(big, 'x', sizeof big);
    sbpl_string(&b, big, sizeof big);
    CHECK(strncmp(sb_cstr(&b), "(string-append \"", 16) == 0, "long string is split");
    sb_free(&b);

    unit_case("patterns: ancestors regex quotes the value");
    sb_init(&b);
    ancestors_regex(&b, "/Users/j.doe/p");
    CHECK(strcmp(sb_cstr(&b), "^(/|/Users|/Users/j\\.doe)$") == 0, "%s", sb_cstr(&b));
    sb_free(&b);
}

void test_regex(void)
{
    arena a;
    arena_init(&a);
    unit_case("regex: Seatbelt dialect matching (search semantics)");
    static const struct { const char *re, *s; int want; } cases[] = {
        { "^/a/[0-9]+$", "/a/123", 1 }, { "^/a/[0-9]+$", "/a/12x", 0 }, { "^/a/[0-9]+$", "/a/", 0 },
        { "\\.log$", "/var/x.log", 1 }, { "\\.log$", "/var/xlog", 0 }, { "^/a\\.b", "/aXb", 0 },
        { "^/a.b", "/aXb", 1 }, { "^(x|y)z?$", "yz", 1 }, { "^(x|y)z?$", "xzz", 0 },
        { "^/d/[^/]*$", "/d/f", 1 }, { "^/d/[^/]*$", "/d/f/g", 0 }, { "^$", "", 1 },
        { "b+c", "abbbc", 1 }, { "^a*$", "aaaa", 1 }, { "^a*$", "aaab", 0 },
        { "^/(.*/)?\\.env(/.*)?$", "/p/.env", 1 }, { "^/(.*/)?\\.env(/.*)?$", "/p/q/.env/x", 1 },
        { "^/(.*/)?\\.env(/.*)?$", "/p/x.env", 0 }, { "[]x]", "]", 1 }, { "^[a-c-]$", "-", 1 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *err;
        sb_regex *re = sb_regex_compile(&a, cases[i].re, strlen(cases[i].re), &err);
        CHECK(re != NULL, "compiles %s", cases[i].re);
        if (re) CHECK(sb_regex_search(re, cases[i].s, strlen(cases[i].s)) == cases[i].want,
                      "%s on %s: want %d", cases[i].re, cases[i].s, cases[i].want);
    }
    unit_case("regex: linear time on a pathological pattern");
    const char *err;
    sb_regex *re = sb_regex_compile(&a, "^(a*)*(a|b)*c$", 14, &err);
    char s[5001];
    memset(s, 'a', 5000);
    s[5000] = 0;
    CHECK(re && !sb_regex_search(re, s, 5000), "no match, and it returns");
    arena_free(&a);

    unit_case("regex: a compiled regex keeps only its states in the caller's arena");
    {
        arena r;
        arena_init(&r);
        /* a glob's regex, as lint compiles one for every glob rule */
        const char *pat = "^/Users/bench/src/wt123/(.*/)?[^/]*\\.pem$";
        sb_regex *g = sb_regex_compile(&r, pat, strlen(pat), &err);
        CHECK(g && sb_regex_search(g, "/Users/bench/src/wt123/a/b/k.pem", 32) && !sb_regex_search(g, "/Users/bench/src/wt12/k.pem", 27),
              "it matches");
        /* ~45 states of 16 bytes and one 32-byte class; the construction's
         * lists and the arrays it outgrew are not kept */
        CHECK(r.total <= 1024, "%zu bytes kept (states grew in the arena before: ~5 KB)", r.total);
        size_t before = r.total;
        CHECK(sb_regex_compile(&r, "^(a", 3, &err) == NULL && r.total == before, "a pattern with an error keeps nothing");
        arena_free(&r);
    }

    unit_case("regex: the literal-prefix check never changes an answer");
    {
        arena r;
        arena_init(&r);
        static const char *const pats[] = {
            "^/a/b", "^/a/b$", "^ab*c", "^ab+c", "^ab?c", "^a\\.b", "^a\\*b", "^a\\.*b", "^ab|cd", "^ab|^cd",
            "^(ab|cd)e", "^a(b|c)", "^[]x]y", "^x[]|]y|z", "^a]b", "^a}b", "^a.b", "^$", "^", "ab", "^a$|b",
            "^/Users/x/(.*/)?[^/]*\\.pem$", "^/p/[^/]+/q", "^\\^a", "^a\\|b", "^(a|b)|c",
        };
        static const char *const subj[] = {
            "", "a", "ab", "abc", "ac", "abbc", "a.b", "a*b", "aXb", "a..b", "cd", "xcd", "abe", "cde", "ae",
            "]y", "xy", "x|y", "z", "a]b", "a}b", "/a/b", "/a/bc", "x/a/b", "/Users/x/k.pem", "/Users/x/d/k.pem",
            "/Users/y/k.pem", "/p/q/q", "/p/x/q", "^a", "a|b", "b", "c", "zc",
        };
        int agree = 1;
        for (size_t i = 0; i < sizeof pats / sizeof pats[0]; i++) {
            sb_regex *x = sb_regex_compile(&r, pats[i], strlen(pats[i]), &err);
            CHECK(x != NULL, "compiles %s", pats[i]);
            if (!x) continue;
            for (size_t k = 0; k < sizeof subj / sizeof subj[0]; k++) {
                size_t n = strlen(subj[k]);
                if (sb_regex_search(x, subj[k], n) != sb_regex_search_nfa(x, subj[k], n)) {
                    agree = 0;
                    printf("  %s on \"%s\"\n", pats[i], subj[k]);
                }
            }
        }
        CHECK(agree, "with and without the check, every pattern on every subject");
        arena_free(&r);
    }

    unit_case("regex: a sample is matched, and is the shortest (buckle diff asks it)");
    {
        arena r;
        arena_init(&r);
        static const struct { const char *re, *want0; } smp[] = {
            { "^com\\.x\\.[0-9]+$", "com.x.0" },
            { "^/a/b/[^/]+\\.log$", "/a/b/x.log" },
            { "^/Users/x/(.*/)?[^/]*\\.pem$", "/Users/x/.pem" },
            { "^/p(/.*)?$", "/p" },
            { "^(ab|c)d$", "cd" },
            { "^a*$", "" },
            { "x$", "x" },
            { "^[/]q", "/q" },
        };
        char buf[256];
        for (size_t i = 0; i < sizeof smp / sizeof smp[0]; i++) {
            sb_regex *x = sb_regex_compile(&r, smp[i].re, strlen(smp[i].re), &err);
            CHECK(x != NULL, "compiles %s", smp[i].re);
            if (!x) continue;
            long n = sb_regex_sample(x, 0, buf, sizeof buf);
            CHECK(n >= 0 && !strcmp(buf, smp[i].want0), "%s: sample \"%s\", want \"%s\"", smp[i].re, n >= 0 ? buf : "(none)", smp[i].want0);
            for (int v = 0; v < 2; v++) {
                n = sb_regex_sample(x, v, buf, sizeof buf);
                CHECK(n >= 0 && sb_regex_search(x, buf, (size_t)n), "%s: variant %d \"%s\" is matched", smp[i].re, v, buf);
            }
        }
        sb_regex *never = sb_regex_compile(&r, "^a$b", 4, &err);
        CHECK(never && sb_regex_sample(never, 0, buf, sizeof buf) < 0, "a pattern that matches nothing has no sample");
        sb_regex *longer = sb_regex_compile(&r, "^/aaaaaaaaaa", 12, &err);
        CHECK(longer && sb_regex_sample(longer, 0, buf, 8) < 0, "nor one that does not fit");
        /* a path sample: no empty component, no '/' at the end but "/" */
        static const struct { const char *re, *want; } path[] = {
            { "^/a/.*/c$", "/a/x/c" }, { "^/a/(x|y)*/c$", "/a/y/c" }, { "^/a/[^/]*/c$", "/a/x/c" },
            { "^/a/", "/a/x" }, { "^/$", "/" }, { "^/a/b(/.*)?$", "/a/b" }, { "^/a//b", "" },
        };
        for (size_t i = 0; i < sizeof path / sizeof path[0]; i++) {
            sb_regex *x = sb_regex_compile(&r, path[i].re, strlen(path[i].re), &err);
            CHECK(x != NULL, "compiles %s", path[i].re);
            if (!x) continue;
            long n = sb_regex_sample(x, SB_SAMPLE_PATH, buf, sizeof buf);
            if (!*path[i].want) { CHECK(n < 0, "%s: no path sample, got \"%s\"", path[i].re, n >= 0 ? buf : ""); continue; }
            CHECK(n >= 0 && !strcmp(buf, path[i].want), "%s: path sample \"%s\", want \"%s\"", path[i].re,
                  n >= 0 ? buf : "(none)", path[i].want);
            n = sb_regex_sample(x, 1 | SB_SAMPLE_PATH, buf, sizeof buf);
            CHECK(n >= 0 && sb_regex_search(x, buf, (size_t)n) && !strstr(buf, "//"), "%s: path variant 1 \"%s\"",
                  path[i].re, n >= 0 ? buf : "(none)");
        }
        arena_free(&r);
    }

    unit_case("regex: the lazy DFA answers as the NFA does");
    {
        arena r;
        arena_init(&r);
        /* random patterns over a few characters and every operator, random
         * subjects; each DFA is asked many subjects so its kept states and
         * transitions are reused, the last byte's match bit too */
        static const char *const atoms[] = { "a", "b", "/", ".", "[ab]", "[^/]", "\\.", "^", "$", "(a|b/)", "(/.*)?",
                                             "a*", "b+", "/?", "(ab|a)", "[^a]*" };
        unsigned long long rs = 7;
        int agree = 1, n = 0;
        for (int t = 0; t < 400 && agree; t++) {
            char pat[128];
            size_t pl = 0;
            rs = rs * 6364136223846793005ull + 1442695040888963407ull;
            int na = 1 + (int)((rs >> 33) % 6);
            for (int i = 0; i < na; i++) {
                rs = rs * 6364136223846793005ull + 1442695040888963407ull;
                const char *at = atoms[(rs >> 33) % (sizeof atoms / sizeof atoms[0])];
                if (i && (rs >> 40) % 7 == 0) pat[pl++] = '|';
                memcpy(pat + pl, at, strlen(at));
                pl += strlen(at);
            }
            sb_regex *x = sb_regex_compile(&r, pat, pl, &err);
            if (!x) continue;
            sb_regex_dfa *d = sb_regex_dfa_new(x);
            for (int k = 0; k < 60; k++) {
                char subj[16];
                rs = rs * 6364136223846793005ull + 1442695040888963407ull;
                size_t sl = (rs >> 33) % 12;
                for (size_t i = 0; i < sl; i++) {
                    rs = rs * 6364136223846793005ull + 1442695040888963407ull;
                    subj[i] = "ab/.x"[(rs >> 33) % 5];
                }
                n++;
                if (sb_regex_dfa_search(d, subj, sl) != sb_regex_search_nfa(x, subj, sl)) {
                    agree = 0;
                    printf("  %.*s on \"%.*s\"\n", (int)pl, pat, (int)sl, subj);
                }
            }
            sb_regex_dfa_free(d);
        }
        CHECK(agree && n > 10000, "%d searches", n);
        arena_free(&r);
    }
}
