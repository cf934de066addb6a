/* test_rule_set.c - merged rules by identity: found by action, operation
 * and matcher, forgotten when removed, found again when added back. */
#include "unit.h"

static rule *mk(arena *a, action_t act, int op, matcher_kind k, const char *v)
{
    rule *r = arena_alloc(a, sizeof *r);
    r->action = act;
    r->op = op;
    r->m.kind = k;
    r->m.value = v;
    r->m.len = v ? strlen(v) : 0;
    return r;
}

void test_rule_set(void)
{
    unit_case("rule_set: finds identical rules, forgets removed ones");
    {
        arena a;
        arena_init(&a);
        rule_set s;
        rs_init(&s);
        char names[3000][24];
        rule *rs[3000];
        for (int i = 0; i < 3000; i++) {
            snprintf(names[i], sizeof names[i], "/p/%d", i);
            rs[i] = mk(&a, (action_t)(i % 2), i % 7, MK_SUBPATH, names[i]);
            CHECK(rs_get(&s, rs[i]) == NULL, "fresh rule %d found", i);
            CHECK(rs_put(&s, rs[i]) == NULL, "fresh rule %d was there", i);
        }
        for (int i = 0; i < 3000; i++) {
            rule *probe = mk(&a, (action_t)(i % 2), i % 7, MK_SUBPATH, names[i]);
            CHECK(rs_get(&s, probe) == rs[i], "rule %d not found", i);
            probe->action = (action_t)!(i % 2);
            CHECK(rs_get(&s, probe) == NULL, "rule %d found with the other action", i);
            probe->action = (action_t)(i % 2);
            probe->m.kind = MK_LITERAL;
            CHECK(rs_get(&s, probe) == NULL, "rule %d found with another kind", i);
        }
        for (int i = 0; i < 3000; i += 3) rs_del(&s, rs[i]);
        for (int i = 0; i < 3000; i++)
            CHECK((rs_get(&s, rs[i]) == NULL) == (i % 3 == 0), "rule %d after removals", i);
        for (int i = 0; i < 3000; i += 3) CHECK(rs_put(&s, rs[i]) == NULL, "removed rule %d still there", i);
        for (int i = 0; i < 3000; i++) CHECK(rs_get(&s, rs[i]) == rs[i], "rule %d re-added", i);
        rule *none = mk(&a, ACT_ALLOW, 1, MK_NONE, NULL);
        CHECK(rs_get(&s, none) == NULL, "unfiltered rule found");
        CHECK(rs_put(&s, none) == NULL, "unfiltered rule was there");
        CHECK(rs_put(&s, mk(&a, ACT_ALLOW, 1, MK_NONE, NULL)) == none, "rs_put does not return the identical rule");
        CHECK(rs_get(&s, mk(&a, ACT_ALLOW, 1, MK_NONE, NULL)) == none, "unfiltered rule not found");
        rs_free(&s);
        arena_free(&a);
    }
    unit_case("rule_set: adding with a hash computed ahead is adding");
    {
        arena a;
        arena_init(&a);
        rule_set s;
        rs_init(&s);
        rs_prefetch(&s, 12345);                   /* empty: nothing to load */
        char names[500][24];
        rule *rs[500];
        uint32_t hs[500];
        for (int i = 0; i < 500; i++) {
            snprintf(names[i], sizeof names[i], "/q/%d", i % 250);   /* each twice */
            rs[i] = mk(&a, ACT_DENY, 3, MK_LITERAL, names[i]);
            hs[i] = rs_hash(rs[i]);
        }
        for (int i = 0; i < 500; i++) {
            if (i + 4 < 500) rs_prefetch(&s, hs[i + 4]);
            rule *old = rs_put_hashed(&s, rs[i], hs[i]);
            CHECK(old == (i < 250 ? NULL : rs[i - 250]), "rule %d: wrong answer from rs_put_hashed", i);
        }
        for (int i = 0; i < 250; i++) CHECK(rs_get(&s, rs[i + 250]) == rs[i], "rule %d not found", i);
        CHECK(s.used == 250, "%zu rules held, not 250", s.used);
        rs_free(&s);
        arena_free(&a);
    }
}
