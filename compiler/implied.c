/* implied.c - traversal rules (docs/reference.md): every proper ancestor of a
 * path allowed by read, write or exec gets "allow metadata literal". */
#include "compile.h"
#include "patterns.h"
#include <string.h>

/* Adds "allow metadata KIND v" unless the policy has that rule.  Returns 1
 * when an implied literal was already there: its ancestors are too. */
static int add_one(compilation *c, const rule *from, matcher_kind kind, const char *v, size_t n, int meta_op)
{
    rule probe;
    memset(&probe, 0, sizeof probe);
    probe.action = ACT_ALLOW;
    probe.op = meta_op;
    probe.m.kind = kind;
    probe.m.value = v;
    probe.m.len = n;
    rule *old = rs_get(&c->pol.rule_index, &probe);
    if (old) return old->implied == 1 && kind == MK_LITERAL;
    rule *r = arena_alloc(&c->a, sizeof *r);
    *r = probe;
    r->implied = 1;
    r->section = SEC_FILES;
    r->verb = "metadata";
    r->covers = &op_get(meta_op)->covers;
    r->m.value = arena_strndup(&c->a, v, n);
    matcher_finish(&c->a, &r->m);
    r->origins = arena_alloc(&c->a, sizeof *r->origins);
    *r->origins = *from->origins;
    r->origins->next = NULL;
    r->id = (unsigned)c->pol.rules.n;
    rule_vec_push(&c->pol.rules, r);
    rs_put(&c->pol.rule_index, r);      /* new: rs_get found none */
    return 0;
}

void add_implied(compilation *c)
{
    int meta = op_lookup("file-read-metadata", NULL);
    opset grant = { { 0 } };
    const char *const fams[] = { "file-read*", "file-write*", "process-exec*" };
    for (size_t i = 0; i < 3; i++) {
        const opset *s = &op_get(op_lookup(fams[i], NULL))->covers;
        for (size_t w = 0; w < OPS_MAX / 64; w++) grant.w[w] |= s->w[w];
    }
    size_t n = c->pol.rules.n;
    for (size_t i = 0; i < n; i++) {
        rule *r = c->pol.rules.v[i];
        if (r->action != ACT_ALLOW || r->implied || mk_family(r->m.kind) != FAM_PATH) continue;
        if (r->m.kind == MK_ANCESTORS || !opset_intersects(r->covers, &grant)) continue;
        const char *v;
        size_t len;
        if (r->m.kind == MK_LITERAL || r->m.kind == MK_SUBPATH) {
            v = r->m.value;
            len = r->m.len;
        } else {
            /* a pattern: every match lies below the directory of its fixed part */
            v = r->m.fixed;
            len = r->m.fixed_len;
            if (len == 0) continue;
            if (r->m.dir) {
                add_one(c, r, MK_LITERAL, v, len, meta);   /* "/a/b" of a glob "/a/b" + globstar */
            } else {
                while (len > 0 && v[len - 1] != '/') len--;
                if (len == 0) continue;
                if (len > 1) len--;                         /* "/a/b/" -> "/a/b" */
                else { add_one(c, r, MK_LITERAL, "/", 1, meta); continue; }
                add_one(c, r, MK_LITERAL, v, len, meta);
            }
        }
        /* proper ancestors of v[0..len) */
        while (len > 0) {
            if (v[len - 1] == PARAM_CLOSE) {
                size_t s = len;
                while (s > 0 && v[s - 1] != PARAM_OPEN) s--;
                if (s == 1) {                 /* "$P": above it, the value's own ancestors */
                    add_one(c, r, MK_ANCESTORS, v + 1, len - 2, meta);
                    break;
                }
            }
            size_t k = len;
            while (k > 0 && v[k - 1] != '/') k--;
            if (k == 0) break;
            if (k == 1) {                      /* parent is "/" */
                if (len > 1) add_one(c, r, MK_LITERAL, "/", 1, meta);
                break;
            }
            len = k - 1;
            if (add_one(c, r, MK_LITERAL, v, len, meta)) break;   /* the rest is there */
        }
    }
}

/* Under default deny, explicit denies for the operations that several sources
 * report (deny default) does not cover: process-info*, nvram*,
 * iokit-get-properties, file-map-executable (docs/sbpl.md).  They are
 * unfiltered, so every written rule beats them, and they change no decision
 * of the decision procedure: where no rule decides, the default would have said deny. */
void add_default_denies(compilation *c)
{
    if (c->pol.default_action != ACT_DENY || !c->nunits) return;
    static const char *const ops[] = { "process-info*", "nvram*", "iokit-get-properties", "file-map-executable" };
    const unit *main_unit = c->units[c->nunits - 1];
    opset unfiltered = { { 0 } };      /* the operations of the unfiltered rules */
    for (size_t i = 0; i < c->pol.rules.n; i++) {
        const rule *r = c->pol.rules.v[i];
        if (r->m.kind == MK_NONE)
            for (size_t w = 0; w < OPS_MAX / 64; w++) unfiltered.w[w] |= r->covers->w[w];
    }
    for (size_t k = 0; k < 4; k++) {
        int op = op_lookup(ops[k], NULL);
        const opset *cv = &op_get(op)->covers;
        if (opset_intersects(&unfiltered, cv)) continue;
        rule *r = arena_alloc(&c->a, sizeof *r);
        r->action = ACT_DENY;
        r->implied = 2;
        r->section = !strncmp(ops[k], "file", 4) ? SEC_FILES : !strncmp(ops[k], "iokit", 5) ? SEC_IOKIT :
                     !strncmp(ops[k], "process", 7) ? SEC_PROCESS : SEC_MISC;
        r->verb = ops[k];
        r->op = op;
        r->covers = cv;
        r->m.kind = MK_NONE;
        matcher_finish(&c->a, &r->m);
        r->origins = arena_alloc(&c->a, sizeof *r->origins);
        r->origins->u = c->pol.default_unit ? c->pol.default_unit : main_unit;
        r->origins->at = c->pol.default_unit ? c->pol.default_at : (span){ main_unit->src, 0, 0 };
        r->id = (unsigned)c->pol.rules.n;
        rule_vec_push(&c->pol.rules, r);
    }
}
