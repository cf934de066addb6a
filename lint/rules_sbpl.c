/* rules_sbpl.c - checks on SBPL text (.sb files and raw sbpl blocks):
 * BK4006 alias paths, BK4007 long strings; and BK4005 on .sb files: an allow
 * and a deny of one concrete operation that match the same object. */
#include "lint.h"
#include "../sbpl/path_index.h"
#include "../compiler/expand.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int path_filter(const char *h)
{
    return !strcmp(h, "literal") || !strcmp(h, "path") || !strcmp(h, "subpath") || !strcmp(h, "prefix") ||
           !strcmp(h, "path-prefix") || !strcmp(h, "regex") || !strcmp(h, "path-regex");
}

static void walk(lint_ctx *lc, const sexp *x, int depth, int in_path)
{
    if (depth > SBPL_MAX_DEPTH) return;
    for (; x; x = x->next) {
        if (x->kind == SX_STRING) {
            if (x->at.end - x->at.start > 1026)
                lint_report(lc, "BK4007", x->at, "string literal of %u bytes: sandbox-exec rejects literals over 1024 bytes",
                            x->at.end - x->at.start - 2);
            if (in_path) {
                const char *s = x->text;
                if (s[0] == '^') s++;
                const char *al = private_alias(s, strlen(s), "$(");
                if (al) {
                    diag *d = lint_report(lc, "BK4006", x->at,
                        "%s is a symlink; the sandbox sees /private%s, so this filter never matches", al, al);
                    diag_help(lc->dl, d, "write /private%s", al);
                }
            }
            continue;
        }
        if (x->kind == SX_LIST) {
            int p = x->child && x->child->kind == SX_SYMBOL && path_filter(x->child->text);
            walk(lc, x->child, depth + 1, p);
        }
        if (x->kind == SX_QUOTE) walk(lc, x->child, depth + 1, 0);
    }
}

void lint_pass_sbpl_text(lint_ctx *lc, const sexp *top, int in_block)
{
    (void)in_block;
    walk(lc, top, 0, 0);
}

/* BK4005: objects taken from the rules themselves, every concrete
 * operation; report each pair of rules once.  The rules that may match an
 * object come from a path index (each operation's rules
 * are a range of p->sorted, so the candidates of one level are a range of
 * the ascending candidate list): the same findings in the same order as a
 * scan of every rule, without its n * n. */
void lint_pass_overlap(lint_ctx *lc)
{
    sb_policy *p = lc->v->pol;
    if (!p) return;
    int def = op_default();
    size_t reported = 0;
    hashmap seen;
    hm_init(&seen);
    const path_index *ix = p->index ? p->index : path_index_build(lc->a, p);   /* the evaluator's, when it made one */
    size_t *cand = NULL, cap = 0;
    for (size_t i = 0; i < p->n && reported < 50; i++) {
        const sb_rule *r = p->rules[i];
        const sfilter *f = r->filter;
        if (!f || (f->kind != F_LITERAL && f->kind != F_SUBPATH && f->kind != F_PREFIX)) continue;
        const char *objs[2] = { arena_strndup(lc->a, f->str, f->len), arena_printf(lc->a, "%.*s/x", (int)f->len, f->str) };
        for (int oi = 0; oi < 2; oi++) {
            size_t nc = path_index_candidates(ix, objs[oi], strlen(objs[oi]), &cand, &cap);
            for (int op = 0; op < ops_count(); op++) {
                if (!opset_has(&op_get(r->op)->covers, op)) continue;
                sb_request q;
                memset(&q, 0, sizeof q);
                q.op = op;
                q.obj = objs[oi];
                q.len = strlen(objs[oi]);
                q.kind = OBJ_PATH;
                if (sfilter_match(f, &q) != 1) continue;
                /* the rules of the other action that also match, at any level */
                for (int lv = op; lv >= 0 && lv != def; lv = op_get(lv)->parent) {
                    for (size_t c = path_index_lower_bound(cand, nc, p->by_op_start[lv]); c < nc && cand[c] < p->by_op_start[lv + 1]; c++) {
                        const sb_rule *o = p->sorted[cand[c]];
                        if (o->action == r->action || o == r) continue;
                        if (o->filter && sfilter_match(o->filter, &q) != 1) continue;
                        const sb_rule *later = o->index > r->index ? o : r, *earlier = later == o ? r : o;
                        char key[64];
                        snprintf(key, sizeof key, "%u-%u", earlier->index, later->index);
                        if (hm_gets(&seen, key)) continue;
                        const char *k2 = arena_strdup(lc->a, key);
                        hm_set(&seen, k2, strlen(k2), (void *)k2);
                        const char *how = later->op != earlier->op ? "operation specificity" :
                                          (!later->filter || !earlier->filter) ? "filtered-before-unfiltered" : "rule order";
                        diag *d = lint_report(lc, "BK4005", later->at,
                            "this rule and an earlier %s rule both match %s for %s; the answer depends on Seatbelt's %s",
                            earlier->action == 0 ? "allow" : "deny", objs[oi], op_get(op)->name, how);
                        diag_note_add(lc->dl, d, earlier->at, "the other rule");
                        reported++;
                    }
                }
            }
        }
    }
    hm_free(&seen);
    free(cand);
}
