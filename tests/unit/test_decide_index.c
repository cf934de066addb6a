/* test_decide_index.c - the decider finds the rules that can match a
 * request through an index (compiler/decide.c): a literal, subpath or
 * prefix by its value, an anchored glob or regex by its literal start, a
 * name matcher never for a path.  Random .buckle profiles (every matcher
 * kind, ~ and parameters, final rules, mach names, equal rules that tie)
 * and random objects: the decision and the deciding rule are those of a
 * scan of every rule in rule order with the decider's own matcher, for
 * every operation the profile's verbs cover. */
#include "unit.h"
#include "../../compiler/decide.h"
#include "../../seatbelt/ops.h"
#include "../../compiler/precedence.h"
#include "../../support/strbuf.h"
#include <stdlib.h>

static uint64_t rnd(uint64_t *s)
{
    *s ^= *s << 13; *s ^= *s >> 7; *s ^= *s << 17;
    return *s;
}

static const char *const comp[] = { "a", "b", "ab", "c.d", "Users", "test", "x" };

static void put_path(strbuf *o, uint64_t *s, int min)
{
    int k = min + (int)(rnd(s) % 4);
    if (!k) { sb_putc(o, '/'); return; }
    for (int i = 0; i < k; i++) { sb_putc(o, '/'); sb_puts(o, comp[rnd(s) % 7]); }
}

static void put_rule(strbuf *o, uint64_t *s)
{
    unsigned r = (unsigned)(rnd(s) % 100);
    int deny = rnd(s) % 2;
    sb_puts(o, deny ? "    deny " : "    allow ");
    if (deny && r % 23 == 0) sb_puts(o, "final ");
    sb_puts(o, rnd(s) % 3 ? "read " : "write ");
    unsigned k = (unsigned)(rnd(s) % 100);
    const char *home = rnd(s) % 4 == 0 ? "~" : rnd(s) % 8 == 0 ? "${WORKDIR}" : "";
    if (k < 25) { sb_printf(o, "\"%s", home); put_path(o, s, *home ? 0 : 1); sb_puts(o, "\""); }
    else if (k < 45) { sb_printf(o, "literal \"%s", home); put_path(o, s, 1); sb_puts(o, "\""); }
    else if (k < 60) { sb_printf(o, "prefix \"%s", home); put_path(o, s, 1); sb_puts(o, comp[rnd(s) % 7]); sb_puts(o, "\""); }
    else if (k < 80) {
        static const char *const globs[] = { "/**/x", "/a/*/b", "/Users/*/ab", "/a/**", "/**/c.d", "/a/b*" };
        const char *g = globs[rnd(s) % 6];
        sb_printf(o, "glob \"%s%s\"", home, g);
    } else {
        static const char *const res[] = { "^/a/.*", "^/Users/test/(a|b)$", "ab$", "^/[ab]/x", "^${HOME}/a" };
        sb_printf(o, "regex \"%s\"", res[rnd(s) % 5]);
    }
    sb_puts(o, ";\n");
}

/* the decision procedure written out again: every rule, in rule order */
static decision scan(decider *d, compilation *c, const sb_request *q)
{
    decision res = { c->pol.default_action == ACT_ALLOW ? 0 : 1, NULL };
    const rule *best = NULL;
    int odepth = q->kind == OBJ_PATH ? path_depth(q->obj, q->len) : 0, bdepth = 0;
    for (size_t i = 0; i < c->pol.rules.n; i++) {
        const rule *r = c->pol.rules.v[i];
        if (!opset_has(r->covers, q->op) || !decider_matches(d, r, q)) continue;
        int rd = r->implied == 1 ? odepth : r->m.spec_a;
        int better = !best || (r->final && !best->final) ||
                     (r->final == best->final &&
                      (rd > bdepth || (rd == bdepth && (r->m.spec_b > best->m.spec_b ||
                                                        (r->m.spec_b == best->m.spec_b && r->action == ACT_DENY &&
                                                         best->action == ACT_ALLOW)))));
        if (better) { best = r; bdepth = rd; }
    }
    if (best) { res.action = best->action == ACT_ALLOW ? 0 : 1; res.r = best; }
    return res;
}

void test_decide_index(void)
{
    unit_case("decide_index: the indexed decider decides every request as a scan of every rule does");
    static const char *const opnames[] = { "file-read-data", "file-read-metadata", "file-write-data", "file-write-unlink",
                                           "mach-lookup" };
    long queries = 0, by_rule = 0, bad = 0, rejected = 0;
    for (uint64_t round = 1; round <= 120; round++) {
        uint64_t seed = round * 0x9E3779B97F4A7C15ull;
        strbuf src;
        sb_init(&src);
        sb_puts(&src, "default deny;\nfiles {\n");
        int n = 5 + (int)(rnd(&seed) % 40);
        for (int i = 0; i < n; i++) put_rule(&src, &seed);
        sb_puts(&src, "}\nmach {\n    allow lookup \"com.apple.a\";\n    deny lookup prefix \"com.apple\";\n}\n");
        compile_opts o = { 0 };
        compilation *c = compilation_new(&o);
        if (compile_profile_text(c, "random.buckle", src.data, src.len) != 0) {
            rejected++;
            compilation_free(c);
            sb_free(&src);
            continue;
        }
        decider *d = decider_new(c, NULL, 0);
        for (int k = 0; k < 300; k++) {
            strbuf obj;
            sb_init(&obj);
            int op = op_lookup(opnames[rnd(&seed) % 5], NULL);
            if (!strcmp(op_get(op)->name, "mach-lookup")) {
                sb_puts(&obj, rnd(&seed) % 2 ? "com.apple.a" : "com.apple.b");
            } else {
                if (rnd(&seed) % 3 == 0) sb_puts(&obj, "/Users/test");
                put_path(&obj, &seed, 0);
            }
            sb_request q;
            memset(&q, 0, sizeof q);
            q.op = op;
            q.obj = sb_cstr(&obj);
            q.len = obj.len;
            request_kind_for_op(op, q.obj, &q);
            decision got = decider_decide(d, &q), want = scan(d, c, &q);
            queries++;
            if (want.r) by_rule++;
            if (got.action != want.action || got.r != want.r) {
                if (bad++ < 3)
                    CHECK(0, "%s %s: the index decides %s by rule %p, a scan %s by rule %p, in\n%s", op_get(op)->name,
                          q.obj, action_name(got.action), (const void *)got.r, action_name(want.action),
                          (const void *)want.r, sb_cstr(&src));
            }
            sb_free(&obj);
        }
        decider_free(d);
        compilation_free(c);
        sb_free(&src);
    }
    CHECK(bad == 0, "%ld of %ld requests decided differently", bad, queries);
    /* the profiles exercise the index: most compile, most requests meet a rule */
    CHECK(rejected < 40 && by_rule * 3 > queries, "%ld profiles rejected, %ld of %ld requests decided by a rule",
          rejected, by_rule, queries);
}
