/* rules_policy.c - whole-policy rules: BK3006 escape operations, BK3007
 * unfiltered sensitive grants, BK4010 deny-default leaks, and on merged
 * profiles BK2009 shadowed rules and BK2010 deny-wins ties. */
#include "rules.h"
#include "../compiler/overlap.h"
#include <stdio.h>
#include <string.h>

static void escapes(lint_ctx *lc)
{
    static const char *const ops[] = { "lsopen", "appleevent-send", "job-creation" };
    for (size_t i = 0; i < 3; i++) {
        const lrule *who;
        if (lint_decide(lc, ops[i], "com.example.any", &who) != 0) continue;
        if (who && who->kind != LK_NONE) continue;    /* filtered: scoped to something */
        lint_report_at_rule(lc, BK3006, who, "%s is allowed without a filter: it launches code outside the sandbox", ops[i]);
    }
    for (size_t i = 0; i < lc->v->n; i++) {
        const lrule *r = &lc->v->rules[i];
        if (r->action == ACT_ALLOW && r->no_sandbox && (r->kind == LK_NONE || r->kind == LK_SUBPATH || r->kind == LK_PREFIX || r->kind == LK_PATTERN))
            lint_report(lc, BK3006, r->at, "exec with no-sandbox%s: the program runs without any sandbox",
                        r->kind == LK_NONE ? " for every program" : " for a whole tree of programs");
    }
}

static void unfiltered(lint_ctx *lc)
{
    static const char *const ops[] = { "sysctl-read", "mach-lookup", "mach-register", "iokit-open-user-client", "network-outbound" };
    static const char *const why[] = {
        "kern.procargs2 leaks other processes' arguments and environment",
        "every daemon on the system becomes reachable",
        "any service name can be squatted",
        "every IOKit user client becomes reachable",
        "any host and port can be reached",
    };
    for (size_t i = 0; i < lc->v->n; i++) {
        const lrule *r = &lc->v->rules[i];
        if (r->action != ACT_ALLOW || r->kind != LK_NONE || r->op == op_default()) continue;
        for (size_t k = 0; k < 5; k++) {
            if (!opset_has(&op_get(r->op)->covers, op_lookup(ops[k], NULL))) continue;
            lint_report(lc, BK3007, r->at, "unfiltered grant of %s: %s", op_get(r->op)->name, why[k]);
            break;
        }
    }
}

static void default_leaks(lint_ctx *lc)
{
    if (lc->v->default_action != ACT_DENY || !lc->v->is_sb) return;
    static const char *const ops[] = { "process-info*", "nvram*", "iokit-get-properties", "file-map-executable" };
    char missing[200] = "";
    for (size_t k = 0; k < 4; k++) {
        const opset *want = &op_get(op_lookup(ops[k], NULL))->covers;
        int found = 0;
        for (size_t i = 0; i < lc->v->n && !found; i++) {
            const lrule *r = &lc->v->rules[i];
            if (r->action == ACT_DENY && r->op != op_default() && opset_intersects(&op_get(r->op)->covers, want)) found = 1;
        }
        if (!found) { strcat(missing, missing[0] ? ", " : ""); strcat(missing, ops[k]); }
    }
    if (missing[0])
        lint_report(lc, BK4010, lc->v->default_at,
                    "(deny default) without explicit denies for %s: several sources report that deny default does not cover them",
                    missing);
}

typedef struct shadow_ctx { const rule *r; const rule *cover; int opposed; } shadow_ctx;

static void shadow_cb(void *ud, rule *o)
{
    shadow_ctx *s = ud;
    const rule *r = s->r;
    if (o->implied || !opset_intersects(o->covers, r->covers)) return;
    relation rel = matcher_relation(&o->m, &r->m);
    if (rel == REL_DISJOINT) return;
    if (o->action != r->action) { s->opposed = 1; return; }
    if (s->cover || rel != REL_OVERLAP || !opset_subset(r->covers, o->covers)) return;
    /* o covers everything r covers: subpath over a subpath or literal below it */
    int covers = 0;
    if (o->m.kind == MK_SUBPATH && (r->m.kind == MK_SUBPATH || r->m.kind == MK_LITERAL)) {
        size_t n = o->m.len;
        covers = r->m.len >= n && memcmp(r->m.value, o->m.value, n) == 0 &&
                 (r->m.len == n || r->m.value[n] == '/' || (n == 1 && o->m.value[0] == '/'));
    }
    if (o->m.kind == MK_NONE) covers = 1;
    if (o->m.kind == MK_NAME_PREFIX && (r->m.kind == MK_NAME || r->m.kind == MK_NAME_PREFIX) && o->m.ns == r->m.ns)
        covers = r->m.len >= o->m.len && memcmp(r->m.value, o->m.value, o->m.len) == 0;
    if (covers) s->cover = o;
}

static void merged_checks(lint_ctx *lc)
{
    if (!lc->v->c) return;
    compilation *c = lc->v->c;
    ovl_index *ix = ovl_build(lc->a, c->pol.rules.v, c->pol.rules.n);
    const unit *main_unit = c->units[c->nunits - 1];
    for (size_t i = 0; i < c->pol.rules.n; i++) {
        const rule *r = c->pol.rules.v[i];
        if (r->implied) continue;
        /* only the file being linted: a base's rule that a child makes dead is
         * the child's choice, not something to fix in the base */
        int mine = 0;
        for (const origin *o = r->origins; o; o = o->next) if (o->u == main_unit) mine = 1;
        if (!mine) continue;
        /* BK2010: an identical rule of the other action */
        if (r->action == ACT_ALLOW) {
            rule probe = *r;
            probe.action = ACT_DENY;
            const rule *d = rs_get(&c->pol.rule_index, &probe);
            if (d) {
                diag *dg = lint_report(lc, BK2010, origin_primary(r),
                                       "an allow and a deny of equal specificity cover the same objects; the deny wins");
                diag_note_add(lc->dl, dg, origin_primary(d), "the deny is here%s", unit_provenance(c, d->origins->u));
                continue;
            }
        }
        /* BK2009: a broader rule with the same action and no rule of the other action in between */
        shadow_ctx s = { r, NULL, 0 };
        ovl_query(ix, r, 0, shadow_cb, &s);
        if (s.cover && !s.opposed) {
            diag *dg = lint_report(lc, BK2009, origin_primary(r), "this rule never decides anything: a broader rule with the same action covers it");
            diag_note_add(lc->dl, dg, origin_primary(s.cover), "the broader rule%s", unit_provenance(c, s.cover->origins->u));
        }
    }
    ovl_free(ix);
}

/* BK4012: buckle run (and sandbox-exec) start the command with exec inside
 * the sandbox, so a profile made for it that allows no process-exec at all
 * cannot start anything.  A .buckle profile is taken to be made for buckle
 * run when its extends chain says `default deny` (a complete profile, not a
 * fragment such as std/keychain). */
static void no_exec(lint_ctx *lc)
{
    if (lc->v->is_sb || !lc->v->c || !lc->v->c->pol.default_unit || lc->v->default_action != ACT_DENY) return;
    int exec = op_lookup("process-exec*", NULL);
    for (size_t i = 0; i < lc->v->n; i++) {
        const lrule *r = &lc->v->rules[i];
        if (r->action == ACT_ALLOW && r->op != op_default() && opset_has(&op_get(r->op)->covers, exec)) return;
    }
    lint_report(lc, BK4012, (span){ lc->v->main, 0, 0 }, "no process-exec is allowed: buckle run cannot start the command under this profile");
}

/* BK3005: default allow, or a child loosening an inherited default deny */
void lint_pass_default(lint_ctx *lc)
{
    const lint_view *v = lc->v;
    if (v->is_sb) {
        if (v->default_action == ACT_ALLOW)
            lint_report(lc, BK3005, v->default_at, "(allow default): everything not listed is allowed");
        return;
    }
    const compilation *c = v->c;
    const unit *denier = NULL;
    for (size_t i = 0; i < c->nunits; i++) {
        const ast_file *f = c->units[i]->ast;
        if (!f->has_default) continue;
        if (f->default_action == ACT_DENY) { denier = c->units[i]; continue; }
        if (denier) lint_report(lc, BK3005, f->default_at, "default allow loosens the default deny of %s", denier->display);
        else lint_report(lc, BK3005, f->default_at, "default allow: everything not listed is allowed");
    }
}

void lint_pass_policy(lint_ctx *lc)
{
    no_exec(lc);
    escapes(lc);
    unfiltered(lc);
    default_leaks(lc);
    merged_checks(lc);
}
