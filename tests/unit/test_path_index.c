/* test_path_index.c - the path index (sbpl/path_index.c) never leaves
 * out a rule that matches: random .sb policies over a small tree of names
 * (literals, subpaths, prefixes, anchored and unanchored regexes, nested
 * require-all/any/not, unfiltered rules, trailing slashes, names and vnode
 * types), random paths; every rule whose filter matches the path is among
 * the candidates, and the candidates are ascending and distinct.  The evaluator decides through
 * the index exactly as by a scan of every rule (decision, deciding rule,
 * reason, whether both actions match; with and without a vnode type).  And a policy whose every rule
 * names a path gives few candidates (the point of the index). */
#include "unit.h"
#include "../../sbpl/sbpl_eval.h"
#include "../../sbpl/path_index.h"
#include "../../support/strbuf.h"
#include <stdlib.h>

static uint64_t rng(uint64_t *s)
{
    *s ^= *s << 13; *s ^= *s >> 7; *s ^= *s << 17;
    return *s;
}

static const char *const comp[] = { "a", "b", "ab", "c.d", "Users", "x" };

static void put_path(strbuf *o, uint64_t *s, int regex)
{
    int k = (int)(rng(s) % 5);
    if (!k) sb_putc(o, '/');
    for (int i = 0; i < k; i++) {
        sb_putc(o, '/');
        const char *c = comp[rng(s) % 6];
        for (; *c; c++) {
            if (*c == '.' && regex) sb_puts(o, "\\\\");
            sb_putc(o, *c);
        }
    }
    if (k && rng(s) % 10 == 0) sb_putc(o, '/');
}

static void put_filter(strbuf *o, uint64_t *s, int depth)
{
    unsigned r = (unsigned)(rng(s) % 100);
    if (depth < 2 && r < 24) {
        const char *how = r < 10 ? "require-all" : r < 20 ? "require-any" : "require-not";
        int n = r >= 20 ? 1 : (int)(rng(s) % 4);
        sb_printf(o, "(%s", how);
        for (int i = 0; i < n; i++) { sb_putc(o, ' '); put_filter(o, s, depth + 1); }
        sb_putc(o, ')');
        return;
    }
    r = (unsigned)(rng(s) % 100);
    const char *kind = r < 30 ? "literal" : r < 60 ? "subpath" : r < 70 ? "prefix" : r < 95 ? "regex" : NULL;
    if (!kind) {
        sb_puts(o, r < 97 ? "(global-name \"com.apple.x\")" : "(vnode-type DIRECTORY)");
        return;
    }
    int rx = kind[0] == 'r';
    sb_printf(o, "(%s %s\"", kind, rx ? "#" : "");
    if (rx && r < 90) sb_putc(o, '^');          /* some unanchored */
    put_path(o, s, rx);
    if (rx && r % 3 == 0) sb_puts(o, "(/.*)?$");
    sb_puts(o, "\")");
}

/* An .sb text evaluated: the policy (NULL on errors) and what it lives in. */
typedef struct evald {
    arena a;
    diag_list dl;
    source *src;
    sb_policy *p;
} evald;

static void eval_text(evald *e, const char *text)
{
    arena_init(&e->a);
    diag_list_init(&e->dl, &e->a);
    e->src = source_new("t.sb", "t.sb", xstrdup(text), strlen(text));
    sexp *top = sbpl_read(&e->a, &e->dl, e->src, NULL);
    sbpl_eval_opts eo = { 0 };
    e->p = e->dl.errors ? NULL : sbpl_eval(&e->a, &e->dl, e->src, top, &eo);
}

static void eval_free(evald *e)
{
    arena_free(&e->a);
    source_free(e->src);
}

/* The evaluator's answers through p's index and by a walk over every rule. */
static int same_answers(sb_policy *p, const sb_request *rq, arena *a)
{
    struct path_index *ix = p->index;
    sb_answer x = sbpl_decide(p, rq, a);
    int cx = sbpl_conflict(p, rq, a);
    p->index = NULL;
    sb_answer y = sbpl_decide(p, rq, a);
    int cy = sbpl_conflict(p, rq, a);
    p->index = ix;
    return x.decision == y.decision && x.rule == y.rule && x.why == y.why && cx == cy;
}

static void random_policies(void)
{
    static const char *const ops[] = { "file-read*", "file-write*", "file-read-data", "file-write-data", "file*" };
    uint64_t seed = 0x9e3779b97f4a7c15ull;
    size_t checked = 0, matched = 0, decided = 0;
    for (int round = 0; round < 150 && !unit_failed; round++) {
        strbuf t;
        sb_init(&t);
        sb_puts(&t, "(version 1)\n(deny default)\n");
        int n = 5 + (int)(rng(&seed) % 40);
        for (int i = 0; i < n; i++) {
            sb_printf(&t, "(%s %s", rng(&seed) % 2 ? "allow" : "deny", ops[rng(&seed) % 5]);
            if (rng(&seed) % 25) { sb_putc(&t, ' '); put_filter(&t, &seed, 0); }
            sb_puts(&t, ")\n");
        }
        evald e;
        eval_text(&e, sb_cstr(&t));
        sb_policy *p = e.p;
        CHECK(p, "policy %d did not evaluate:\n%s", round, sb_cstr(&t));
        size_t *cand = NULL, cap = 0;
        /* these policies are below SBPL_INDEX_MIN_RULES: index them anyway,
         * so that sbpl_decide takes the indexed way */
        if (p) p->index = path_index_build(&e.a, p);
        if (p) {
            const path_index *ix = p->index;
            for (int q = 0; q < 120; q++) {
                strbuf path;
                sb_init(&path);
                put_path(&path, &seed, 0);
                if (rng(&seed) % 4 == 0) sb_puts(&path, "/x");
                sb_request rq;
                memset(&rq, 0, sizeof rq);
                rq.obj = sb_cstr(&path);
                rq.len = strlen(rq.obj);
                rq.kind = OBJ_PATH;
                size_t nc = path_index_candidates(ix, rq.obj, rq.len, &cand, &cap);
                if (q % 2 == 0) {         /* the evaluator's answer through the index and by a scan */
                    static const char *const qops[] = { "file-read-data", "file-write-data", "file-read-metadata",
                                                        "file-write-create", "file-ioctl" };
                    rq.op = op_lookup(qops[rng(&seed) % 5], NULL);
                    rq.vnode = rng(&seed) % 3 ? NULL : rng(&seed) % 2 ? "DIRECTORY" : "REGULAR-FILE";
                    CHECK(same_answers(p, &rq, &e.a), "round %d: %s %s (vnode %s): the indexed answer differs:\n%s",
                          round, op_get(rq.op)->name, rq.obj, rq.vnode ? rq.vnode : "-", sb_cstr(&t));
                    decided++;
                    rq.vnode = NULL;
                }
                for (size_t i = 1; i < nc; i++) CHECK(cand[i - 1] < cand[i], "candidates not ascending and distinct");
                for (size_t i = 0; i < nc; i++) CHECK(cand[i] < p->n, "a candidate out of range");
                for (size_t k = 0; k < p->n && !unit_failed; k++) {
                    const sb_rule *r = p->sorted[k];
                    rq.op = r->op;
                    if (r->filter && sfilter_match(r->filter, &rq) != 1) continue;
                    matched++;
                    size_t lo = 0;
                    while (lo < nc && cand[lo] < k) lo++;
                    CHECK(lo < nc && cand[lo] == k, "round %d: rule %zu matches %s but is no candidate:\n%s",
                          round, k, rq.obj, sb_cstr(&t));
                }
                checked++;
                sb_free(&path);
            }
        }
        free(cand);
        eval_free(&e);
        sb_free(&t);
    }
    CHECK(checked > 10000 && matched > 10000 && decided > 5000, "too few cases: %zu paths, %zu matching rules, %zu decisions",
          checked, matched, decided);
}

/* 2,000 rules, each naming its own path: a path meets a handful of them */
static void few_candidates(void)
{
    strbuf t;
    sb_init(&t);
    sb_puts(&t, "(version 1)\n(deny default)\n");
    for (int i = 0; i < 1000; i++) {
        sb_printf(&t, "(deny file-write* (subpath \"/Users/u/p%d\"))\n", i);
        sb_printf(&t, "(deny file-read* (require-all (subpath \"/Users/u/p%d\") (require-not (literal \"/Users/u/p%d/k\"))))\n", i, i);
    }
    sb_puts(&t, "(deny file-read* (regex #\"^/Users/u/p1[0-9]/\"))\n");
    evald e;
    eval_text(&e, sb_cstr(&t));
    sb_policy *p = e.p;
    CHECK(p, "policy did not evaluate");
    if (p) {
        CHECK(p->index, "a policy of 2,001 rules is indexed");
        const path_index *ix = p->index;
        size_t *cand = NULL, cap = 0;
        /* (deny default) is unfiltered: a candidate for every path */
        size_t nc = path_index_candidates(ix, "/Users/u/p12/a", 14, &cand, &cap);
        CHECK(nc == 4 && !p->sorted[cand[0]]->filter, "4 candidates (default, two subpaths, the regex), got %zu", nc);
        /* the regex's literal start "/Users/u/p1" is a condition, not a match */
        nc = path_index_candidates(ix, "/Users/u/p1", 11, &cand, &cap);
        CHECK(nc == 4, "4 candidates for /Users/u/p1 (p12 is not under it), got %zu", nc);
        nc = path_index_candidates(ix, "/Users/u/q", 10, &cand, &cap);
        CHECK(nc == 1, "only the default for /Users/u/q, got %zu", nc);
        static const char *const paths[] = { "/Users/u/p12/a", "/Users/u/p7/k", "/Users/u/p7", "/Users/u/q", "/" };
        for (size_t i = 0; i < 5; i++) {
            sb_request rq = { 0 };
            rq.op = op_lookup("file-read-data", NULL);
            rq.obj = paths[i];
            rq.len = strlen(paths[i]);
            rq.kind = OBJ_PATH;
            CHECK(same_answers(p, &rq, &e.a), "%s: indexed and scanned answers differ", paths[i]);
        }
        free(cand);
    }
    eval_free(&e);
    sb_free(&t);
}

void test_path_index(void)
{
    unit_case("path_index: no matching rule left out (random policies)");
    random_policies();
    unit_case("path_index: a path meets few of 2,000 path rules");
    few_candidates();
}
