/* rules_policy.c - whole-policy rules: BK3006 escape operations, BK3007
 * unfiltered sensitive grants, BK4010 deny-default leaks, and on merged
 * profiles BK2009 shadowed rules and BK2010 deny-wins ties. */
#include "rules.h"
#include "../compiler/overlap.h"
#include "../grammar/builtin_params.h"
#include <stdio.h>
#include <string.h>

/* BK3006: an escape operation allowed on every object probed (unfiltered,
 * or a filter that matches anything, such as a require-not), and exec with
 * no-sandbox on more than the paths a rule names */
static void escapes(lint_ctx *lc)
{
    static const char *const ops[] = { "lsopen", "appleevent-send", "job-creation" };
    static const char *const any[] = { "com.example.any", "/Applications/buckle-probe.app", "/buckle-probe" };
    for (size_t i = 0; i < 3; i++) {
        const lrule *who = NULL, *first = NULL;
        size_t k;
        for (k = 0; k < 3; k++) {
            if (lint_decide(lc, ops[i], any[k], &who) != 0) break;
            if (k == 0) first = who;
        }
        if (k < 3) continue;
        lint_report_at_rule(lc, BK3006, first, "%s is allowed without a filter: it launches code outside the sandbox", ops[i]);
    }
    /* programs no rule names: a rule that runs one of them runs a tree */
    static const char *const progs[] = {
        "/buckle-probe", "/bin/buckle-probe", "/usr/bin/buckle-probe", "/usr/local/bin/buckle-probe",
        "/opt/homebrew/bin/buckle-probe", "/Applications/buckle-probe.app/Contents/MacOS/buckle-probe",
        "/private/tmp/buckle-probe", BUILTIN_TEST_HOME "/buckle-probe", BUILTIN_TEST_WORKDIR "/buckle-probe",
    };
    for (size_t i = 0; i < lc->v->n; i++) {
        const lrule *r = &lc->v->rules[i];
        if (r->action != ACT_ALLOW || !r->leaves) continue;
        int tree = r->kind == LK_NONE || r->kind == LK_SUBPATH || r->kind == LK_PREFIX || r->kind == LK_PATTERN;
        for (size_t k = 0; k < sizeof progs / sizeof progs[0] && !tree && r->kind != LK_LITERAL; k++) {
            const lrule *who;
            tree = lint_decide(lc, "process-exec", progs[k], &who) == 0 && who == r;
        }
        if (!tree && r->value && r->value[0] == '/' && r->kind != LK_LITERAL) {
            const lrule *who;
            const char *below = arena_printf(lc->a, "%s/buckle-probe", r->value);
            tree = lint_decide(lc, "process-exec", below, &who) == 0 && who == r;
        }
        if (tree)
            lint_report(lc, BK3006, r->at, "exec with %s%s: the program runs %s", r->leaves,
                        r->kind == LK_NONE ? " for every program" : " for a whole tree of programs",
                        strcmp(r->leaves, "default-sandbox") ? "without any sandbox" : "under another profile");
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

/* o covers everything r covers: subpath over a subpath or literal below it,
 * an unfiltered rule, a name prefix over a name or name prefix below it */
static int covers(const rule *o, const rule *r)
{
    if (o->m.kind == MK_SUBPATH && (r->m.kind == MK_SUBPATH || r->m.kind == MK_LITERAL)) {
        size_t n = o->m.len;
        return r->m.len >= n && memcmp(r->m.value, o->m.value, n) == 0 &&
               (r->m.len == n || r->m.value[n] == '/' || (n == 1 && o->m.value[0] == '/'));
    }
    if (o->m.kind == MK_NONE) return 1;
    if (o->m.kind == MK_NAME_PREFIX && (r->m.kind == MK_NAME || r->m.kind == MK_NAME_PREFIX) && o->m.ns == r->m.ns)
        return r->m.len >= o->m.len && memcmp(r->m.value, o->m.value, o->m.len) == 0;
    return 0;
}

static void shadow_cb(void *ud, rule *o)
{
    shadow_ctx *s = ud;
    const rule *r = s->r;
    if (o->implied || !opset_intersects(o->covers, r->covers)) return;
    relation rel = matcher_relation(&o->m, &r->m);
    if (rel == REL_DISJOINT) return;
    if (o->action != r->action) { s->opposed = 1; return; }
    if (s->cover || rel != REL_OVERLAP || !opset_subset(r->covers, o->covers)) return;
    if (covers(o, r)) s->cover = o;
}

/* The rules that could cover another (covers()), found by value: BK2009
 * asks the overlap index about a rule only when one of them may cover it
 * and no subpath of the other action above it is known to overlap it
 * (which shadow_cb would see), which most rules are not. */
typedef struct cover_node { const rule *o; struct cover_node *next; } cover_node;
typedef struct cover_index {
    hashmap subpaths, name_prefixes;   /* value -> cover_node list */
    unsigned char *sub_len;            /* sub_len[k]: a subpath value is k bytes long (k <= max_sub) */
    size_t max_sub;
    cover_node *unfiltered;
    opset unfiltered_ops[2];           /* by action: what the unfiltered rules cover together */
} cover_index;

static void cover_add(arena *a, hashmap *m, cover_node **head, const rule *o)
{
    cover_node *n = arena_alloc(a, sizeof *n);
    n->o = o;
    if (m) {
        n->next = hm_get(m, o->m.value, o->m.len);
        hm_set(m, o->m.value, o->m.len, n);
    } else {
        n->next = *head;
        *head = n;
    }
}

static void cover_build(arena *a, cover_index *ci, rule *const *v, size_t n)
{
    memset(ci, 0, sizeof *ci);
    hm_init(&ci->subpaths);
    hm_init(&ci->name_prefixes);
    size_t nsub = 0;
    for (size_t i = 0; i < n; i++) nsub += !v[i]->implied && v[i]->m.kind == MK_SUBPATH;
    hm_reserve(&ci->subpaths, nsub);
    for (size_t i = 0; i < n; i++) {
        const rule *o = v[i];
        if (o->implied) continue;
        if (o->m.kind == MK_SUBPATH) {
            cover_add(a, &ci->subpaths, NULL, o);
            if (o->m.len > ci->max_sub) ci->max_sub = o->m.len;
        } else if (o->m.kind == MK_NAME_PREFIX) {
            cover_add(a, &ci->name_prefixes, NULL, o);
        } else if (o->m.kind == MK_NONE) {
            cover_add(a, NULL, &ci->unfiltered, o);
            for (int w = 0; w < OPS_MAX / 64; w++) ci->unfiltered_ops[o->action].w[w] |= o->covers->w[w];
        }
    }
    ci->sub_len = arena_alloc(a, ci->max_sub + 1);
    for (size_t i = 0; i < n; i++)
        if (!v[i]->implied && v[i]->m.kind == MK_SUBPATH) ci->sub_len[v[i]->m.len] = 1;
}

static void cover_free(cover_index *ci)
{
    hm_free(&ci->subpaths);
    hm_free(&ci->name_prefixes);
}

/* What shadow_cb asks of a cover, short of the overlap relation (which
 * covers() implies for the values it compares). */
static int may_cover(const rule *o, const rule *r)
{
    return o != r && o->action == r->action && opset_intersects(o->covers, r->covers) &&
           opset_subset(r->covers, o->covers) && covers(o, r);
}

/* A rule shadow_cb would count as opposed: of the other action, sharing an
 * operation, not disjoint (ovl_query hands every such rule to it). */
static int opposes(const rule *o, const rule *r)
{
    return o->action != r->action && opset_intersects(o->covers, r->covers) && matcher_relation(&o->m, &r->m) != REL_DISJOINT;
}

/* 0 when BK2009 cannot report r: no rule can be its cover, or a subpath of
 * the other action that contains it overlaps it. */
static int may_be_shadowed(const cover_index *ci, const rule *r)
{
    int cover = 0, opposed = 0;
    if (opset_subset(r->covers, &ci->unfiltered_ops[r->action]))
        for (const cover_node *n = ci->unfiltered; n && !cover; n = n->next) cover = may_cover(n->o, r);
    const char *v = r->m.value;
    size_t len = r->m.len;
    if (r->m.kind == MK_SUBPATH || r->m.kind == MK_LITERAL) {
        /* a subpath of k bytes covers r when r's value starts with it and
         * ends there, goes on with '/', or it is "/" */
        for (size_t k = 0; k <= len && k <= ci->max_sub && !opposed; k++) {
            if (!ci->sub_len[k] || !(k == len || v[k] == '/' || k == 1)) continue;
            for (const cover_node *n = hm_get(&ci->subpaths, v, k); n && !opposed; n = n->next) {
                if (n->o == r) continue;
                if (!cover) cover = may_cover(n->o, r);
                opposed = opposes(n->o, r);
            }
        }
    }
    if ((r->m.kind == MK_NAME || r->m.kind == MK_NAME_PREFIX) && ci->name_prefixes.count)
        for (size_t k = 0; k <= len && !cover; k++)
            for (const cover_node *n = hm_get(&ci->name_prefixes, v, k); n && !cover; n = n->next) cover = may_cover(n->o, r);
    return cover && !opposed;
}

static void merged_checks(lint_ctx *lc)
{
    if (!lc->v->c) return;
    compilation *c = lc->v->c;
    ovl_index *ix = NULL;         /* built for the first rule that may have a cover */
    cover_index ci;
    cover_build(lc->a, &ci, c->pol.rules.v, c->pol.rules.n);
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
        if (!may_be_shadowed(&ci, r)) continue;
        if (!ix) ix = ovl_build(lc->a, c->pol.rules.v, c->pol.rules.n);
        shadow_ctx s = { r, NULL, 0 };
        ovl_query(ix, r, 0, shadow_cb, &s);
        if (s.cover && !s.opposed) {
            diag *dg = lint_report(lc, BK2009, origin_primary(r), "this rule never decides anything: a broader rule with the same action covers it");
            diag_note_add(lc->dl, dg, origin_primary(s.cover), "the broader rule%s", unit_provenance(c, s.cover->origins->u));
        }
    }
    if (ix) ovl_free(ix);
    cover_free(&ci);
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
