/* test_lsp_edits.c - the language server's map from the text of the last
 * complete analysis to the document now (lsp/edits.c), against the truth:
 * random edits applied to an array that holds, for each byte of the
 * document, the offset it had in the old text (-1: typed since).  A span of
 * the old text maps exactly when its bytes are still there, together and in
 * order, and it maps to where they are. */
#include "unit.h"
#include "../../lsp/server.h"
#include <stdlib.h>

static unsigned long rnd_state = 12345;
static unsigned rnd(unsigned n)
{
    rnd_state = rnd_state * 6364136223846793005UL + 1442695040888963407UL;
    return n ? (unsigned)((rnd_state >> 33) % n) : 0;
}

/* where [b, e) of the old text is in the document, by the truth; 0 if not whole */
static int truth(const long *orig, size_t n, uint32_t b, uint32_t e, uint32_t *at)
{
    for (size_t p = 0; p + (e - b) <= n; p++) {
        if (orig[p] != (long)b) continue;
        size_t i = 0;
        while (i < e - b && orig[p + i] == (long)(b + i)) i++;
        if (i == e - b) { *at = (uint32_t)p; return 1; }
    }
    return 0;
}

void test_lsp_edits(void)
{
    unit_case("lsp edits: a span of the old text maps exactly when no change touched it, to where it is");
    int wrong = 0, mapped = 0, dropped = 0;
    for (int round = 0; round < 200; round++) {
        lsp_doc d;
        memset(&d, 0, sizeof d);
        d.len = 20 + rnd(200);
        lsp_edits_start(&d);
        size_t n = d.len, cap = d.len + 2000;
        long *orig = malloc(cap * sizeof *orig), *tmp = malloc(cap * sizeof *tmp);
        uint32_t old_len = (uint32_t)d.len;
        for (size_t i = 0; i < n; i++) orig[i] = (long)i;
        int nedits = 1 + (int)rnd(8);
        for (int k = 0; k < nedits; k++) {
            uint32_t s = rnd((unsigned)n + 1), t = s + rnd((unsigned)(n - s) < 6 ? (unsigned)(n - s) + 1 : 6);
            uint32_t ins = rnd(4);
            if (s == t && !ins) ins = 1;
            if (n - (t - s) + ins > cap) continue;
            size_t m = 0;
            for (size_t i = 0; i < s; i++) tmp[m++] = orig[i];
            for (uint32_t i = 0; i < ins; i++) tmp[m++] = -1;
            for (size_t i = t; i < n; i++) tmp[m++] = orig[i];
            memcpy(orig, tmp, m * sizeof *orig);
            n = m;
            lsp_edit(&d, s, t, ins);
        }
        for (int q = 0; q < 100; q++) {
            uint32_t b = rnd(old_len), e = b + 1 + rnd(old_len - b < 10 ? old_len - b : 10);
            if (e > old_len) e = old_len;
            uint32_t mb = b, me = e, at = 0;
            int got = lsp_map(&d, &mb, &me), want = truth(orig, n, b, e, &at);
            if (got != want || (got && (mb != at || me != at + (e - b)))) {
                if (!wrong) CHECK(0, "round %d: [%u, %u) maps %d to %u, the truth %d at %u", round, b, e, got, mb, want, at);
                wrong++;
            }
            if (got) mapped++; else dropped++;
        }
        free(orig);
        free(tmp);
        lsp_edits_stop(&d);
    }
    CHECK(!wrong, "%d spans mapped wrong", wrong);
    CHECK(mapped > 1000 && dropped > 1000, "both cases occur: %d mapped, %d dropped", mapped, dropped);

    unit_case("lsp edits: a whole-text change is the part between the common beginning and end");
    {
        lsp_doc d;
        memset(&d, 0, sizeof d);
        d.text = (char *)"files {\n    allow read \"/a\";\n}\n";
        d.len = strlen(d.text);
        lsp_edits_start(&d);
        const char *now = "# top\nfiles {\n    allow read \"/a\";\n}\n";
        lsp_edit_whole(&d, now, strlen(now));
        uint32_t b = 12, e = 26;    /* allow read "/a"; */
        CHECK(lsp_map(&d, &b, &e) && b == 18 && e == 32, "moved by the line above: %u %u", b, e);
        d.text = (char *)now;
        d.len = strlen(now);
        /* changed at both ends: one change from the first difference to the last */
        const char *then = "files {\n    allow read \"/a\";\n}\nfiles {\n";
        lsp_edit_whole(&d, then, strlen(then));
        b = 12; e = 26;
        CHECK(!lsp_map(&d, &b, &e), "changed at both ends: nothing between maps (%u)", b);
        lsp_edits_stop(&d);
        CHECK(d.segs == NULL && !d.tracking, "stopped");
        b = 0; e = 1;
        CHECK(!lsp_map(&d, &b, &e), "nothing maps once stopped");
    }
}
