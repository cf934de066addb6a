/* test_fold_set.c - protect_fold_set_regex (runner/path_walk.c): the one
 * regex the run profile writes for a set of paths matches each of them in
 * every case of its ASCII letters and nothing else, whatever starts they
 * share: every string up to five bytes over a small alphabet (with a
 * metacharacter and an upper-case letter) is asked, for random sets. */
#include "unit.h"
#include "../../runner/runner.h"
#include "../../seatbelt/regex.h"
#include <stdlib.h>
#include <strings.h>

/* the pattern of "(regex "...")", the SBPL string read back */
static size_t pattern_of(const char *s, char *o)
{
    const char *p = strchr(s, '"');
    size_t n = 0;
    for (p++; *p && *p != '"'; p++) {
        if (*p == '\\') p++;
        o[n++] = *p;
    }
    o[n] = 0;
    return n;
}

void test_fold_set(void)
{
    unit_case("protect: one regex for a set of paths matches each in every case, and nothing else");
    static const char alpha[] = "ab/Xc.";
    unsigned seed = 7;
    long wrong = 0;
    for (int t = 0; t < 3000; t++) {
        char *v[6];
        int n = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 6;
        for (int i = 0; i < n; i++) {
            int l = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 6;
            v[i] = xmalloc((size_t)l + 2);
            v[i][0] = '/';
            for (int k = 1; k <= l; k++) v[i][k] = alpha[((seed = seed * 1103515245u + 12345u) >> 16) % 6];
            v[i][l + 1] = 0;
        }
        strbuf b;
        sb_init(&b);
        protect_fold_set_regex(&b, (const char *const *)v, (size_t)n);
        char pat[4096];
        size_t pl = pattern_of(sb_cstr(&b), pat);
        arena a;
        arena_init(&a);
        const char *err = NULL;
        sb_regex *re = sb_regex_compile(&a, pat, pl, &err);
        CHECK(re != NULL, "%s does not compile: %s", pat, err ? err : "");
        char s[8] = { '/' };
        for (int len = 1; re && len <= 5; len++) {
            long total = 1;
            for (int k = 1; k < len; k++) total *= 6;
            for (long c = 0; c < total; c++) {
                long x = c;
                for (int k = 1; k < len; k++) { s[k] = alpha[x % 6]; x /= 6; }
                s[len] = 0;
                int want = 0;
                for (int i = 0; i < n; i++) want |= strlen(v[i]) == (size_t)len && !strcasecmp(v[i], s);
                if (want != sb_regex_search(re, s, (size_t)len) && wrong++ < 3)
                    CHECK(0, "%s: %s, want %s (%s)", s, want ? "not matched" : "matched", want ? "matched" : "not", pat);
            }
        }
        arena_free(&a);
        sb_free(&b);
        for (int i = 0; i < n; i++) free(v[i]);
    }
    CHECK(wrong == 0, "%ld strings decided wrong", wrong);
}
