/* rules_sbpl.c - checks on SBPL text (.sb files and raw sbpl blocks):
 * BK4006 alias paths, BK2008 relative ones, BK4007 long strings, BK4011
 * (version 1) first; and
 * BK4005 on .sb files: an allow and a deny of one concrete operation that
 * match the same object, and in raw sbpl blocks of .buckle files: a raw rule
 * and a generated rule of the other action that match the same object;
 * BK4013 on every sbpl verbatim block; BK2006 unknown modifiers in .sb
 * files; BK2011 a (remote ip "HOST:PORT") or (local ...) whose host is
 * neither localhost nor *. */
#include "rules.h"
#include "../sbpl/path_index.h"
#include "../compiler/expand.h"
#include "../seatbelt/filters.h"
#include "../seatbelt/request.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int path_filter(const char *h)
{
    return !strcmp(h, "literal") || !strcmp(h, "path") || !strcmp(h, "subpath") || !strcmp(h, "prefix") ||
           !strcmp(h, "path-prefix") || !strcmp(h, "regex") || !strcmp(h, "path-regex");
}

/* a filter that takes a path as it is (not a regex) */
static int plain_path_filter(const char *h)
{
    return path_filter(h) && strcmp(h, "regex") && strcmp(h, "path-regex");
}

/* BK2011: (remote PROTO "HOST:PORT") or (local ...) with a host other
 * than localhost or *, which Seatbelt refuses to load */
static void address_host(lint_ctx *lc, const sexp *x)
{
    const sexp *h = x->child, *proto = h ? h->next : NULL, *addr = proto ? proto->next : NULL;
    if (!h || !(sexp_is_sym(h, "remote") || sexp_is_sym(h, "local")) || !proto || proto->kind != SX_SYMBOL ||
        !addr || addr->kind != SX_STRING)
        return;
    size_t len = strlen(addr->text), hl = ip_host_len(addr->text, len);
    if (hl >= len || (hl == 1 && addr->text[0] == '*') || (hl == 9 && !strncmp(addr->text, "localhost", 9))) return;
    diag *d = lint_report(lc, BK2011, addr->at, "Seatbelt cannot filter network access by host \"%.*s\"", (int)hl,
                          addr->text);
    diag_help(lc->dl, d, "only \"localhost\" and \"*\" can be expressed (\"*:%s\" names the port on any host); to "
              "allow specific hosts, allow \"localhost:PORT\" for a filtering proxy", addr->text + hl + 1);
}

/* in_path: 1 inside a path filter (a regex), 2 inside one that takes a
 * path as it is, 3 inside a literal one (literal, path) */
static void walk(lint_ctx *lc, const sexp *x, int depth, int in_path)
{
    if (depth > SBPL_MAX_DEPTH) return;
    for (; x; x = x->next) {
        if (x->kind == SX_STRING) {
            if (x->at.end - x->at.start > 1026)
                lint_report(lc, BK4007, x->at, "string literal of %u bytes: sandbox-exec rejects literals over 1024 bytes",
                            x->at.end - x->at.start - 2);
            if (in_path >= 2 && x->text[0] != '/') {
                diag *d = lint_report(lc, BK2008, x->at, "relative path \"%s\": a path filter must name an absolute path "
                                      "(the kernel checks resolved absolute paths)", x->text);
                diag_help(lc->dl, d, "write the absolute path, or (param \"NAME\") for one chosen at run time");
            }
            if (in_path) {
                const char *s = x->text;
                if (s[0] == '^') s++;
                const char *al = private_alias(s, strlen(s), "$(");
                /* exactly the link (literal "/var", regex #"^/var$"): it
                 * matches the link itself, which lstat and readlink look at */
                size_t sl = strlen(s), alen = al ? strlen(al) : 0;
                if (al && ((in_path == 3 && sl == alen) || (in_path == 1 && x->text[0] == '^' && sl == alen + 1 && s[alen] == '$')))
                    al = NULL;
                if (al) {
                    diag *d = lint_report(lc, BK4006, x->at,
                        "%s is a symlink; the sandbox sees /private%s, so this filter never matches", al, al);
                    diag_help(lc->dl, d, "write /private%s", al);
                }
            }
            continue;
        }
        if (x->kind == SX_LIST) {
            const char *h = x->child && x->child->kind == SX_SYMBOL ? x->child->text : NULL;
            address_host(lc, x);
            int p = h && path_filter(h) ? (!strcmp(h, "literal") || !strcmp(h, "path") ? 3 : 1 + plain_path_filter(h)) : 0;
            walk(lc, x->child, depth + 1, p);
        }
        if (x->kind == SX_QUOTE) walk(lc, x->child, depth + 1, 0);
    }
}

/* BK2006: (with NAME) where NAME, in any case, is no modifier of the
 * table (in a raw sbpl block of a .buckle file the compiler's error) */
static void modifiers(lint_ctx *lc, const sexp *x, int depth)
{
    for (; x && depth <= SBPL_MAX_DEPTH; x = x->next) {
        if (x->kind != SX_LIST || !x->child) continue;
        if (!sexp_is_sym_nocase(x->child, "with")) { modifiers(lc, x->child, depth + 1); continue; }
        const sexp *m = x->child->next;
        if (!m || m->kind != SX_SYMBOL || modifier_find_nocase(m->text)) continue;
        diag *d = diag_add(lc->dl, SEV_ERROR, BK2006, m->at, "unknown SBPL modifier \"%s\"", m->text);
        const char *s = modifier_suggest(m->text);
        if (s) diag_help(lc->dl, d, "did you mean \"%s\"?", s);
    }
}

void lint_sbpl_text(lint_ctx *lc, const sexp *top, int in_block)
{
    walk(lc, top, 0, 0);
    if (!in_block) modifiers(lc, top, 0);
}

void lint_pass_sbpl_forms(lint_ctx *lc)
{
    lint_sbpl_text(lc, lc->v->top, 0);
}

/* BK4011: (version 1) must come first */
void lint_pass_version(lint_ctx *lc)
{
    const sexp *first = lc->v->top;
    if (!first || !(first->kind == SX_LIST && sexp_is_sym(first->child, "version")))
        lint_report(lc, BK4011, first ? first->at : (span){ lc->v->main, 0, 0 },
                    "the profile does not start with (version 1)");
}

/* Raw sbpl blocks: the text checks of .sb files, and BK4005 where a raw rule
 * meets a generated rule of the other action (the outcome then depends on
 * Seatbelt's precedence). */
void lint_pass_raw_blocks(lint_ctx *lc)
{
    compilation *c = lc->v->c;
    for (size_t i = 0; i < c->pol.nraw; i++) {
        const raw_block *b = &c->pol.raw[i];
        sbpl_read_opts ro = { .start = b->ast->text.at.start, .end = b->ast->text.at.start + (uint32_t)b->ast->text.len };
        diag_list scratch;
        diag_list_init(&scratch, lc->a);
        const source *bsrc = b->ast->text.at.src ? b->ast->text.at.src : b->u->src;
        sexp *top = sbpl_read(lc->a, &scratch, bsrc, &ro);
        lint_sbpl_text(lc, top, 1);
        if (b->ast->verbatim) {
            /* BK4013: not evaluated, so not compared with anything */
            size_t nfinal = 0;
            for (size_t k = 0; k < c->pol.rules.n; k++) nfinal += c->pol.rules.v[k]->final != 0;
            diag *d = lint_report(lc, BK4013, b->ast->at,
                                  "buckle does not check what this sbpl verbatim block decides; an allow in it (or in a "
                                  "file it imports) can widen any rule%s",
                                  nfinal ? ", the profile's final rules included" : "");
            if (d) diag_help(lc->dl, d, "query, test, diff and why answer without it: review it by hand");
            continue;
        }
        sbpl_eval_opts eo = { .params = NULL, .nparams = 0, .unknown_params = 1 };
        size_t np;
        const sb_param *params = decider_sbpl_params(lc->v->d, &np);
        eo.params = params;
        eo.nparams = np;
        sb_policy *p = sbpl_eval(lc->a, &scratch, bsrc, top, &eo);
        for (size_t k = 0; k < p->n; k++) {
            const sb_rule *r = p->rules[k];
            if (!r->filter || (r->filter->kind != F_LITERAL && r->filter->kind != F_SUBPATH && r->filter->kind != F_PREFIX))
                continue;
            const char *objs[3];
            objs[0] = arena_strndup(lc->a, r->filter->str, r->filter->len);
            objs[1] = arena_printf(lc->a, "%s/x", objs[0]);
            objs[2] = NULL;
            for (int oi = 0; objs[oi]; oi++) {
                sb_request q;
                memset(&q, 0, sizeof q);
                q.op = r->op;
                q.obj = objs[oi];
                q.len = strlen(objs[oi]);
                request_kind_for_op(r->op, objs[oi], &q);
                int hit = 0;
                for (int op = 0; op < ops_count() && !hit; op++) {
                    if (!opset_has(&op_get(r->op)->covers, op)) continue;
                    q.op = op;
                    if (sfilter_match(r->filter, &q) != 1) continue;
                    decision dd = decider_decide(lc->v->d, &q);
                    if (lc->v->probe) lc->v->probe(lc->v->probe_ctx, lc->v->d, &q, dd.r);
                    if (!dd.r || (dd.action == ACT_ALLOW) == (r->action == ACT_ALLOW)) continue;
                    const lrule *who = lc->v->by_rule_id[dd.r->id];
                    diag *d = lint_report(lc, BK4005, r->at,
                        "this raw rule and a generated %s rule both match %s for %s; which one wins depends on Seatbelt's precedence",
                        action_name(dd.action), objs[oi], op_get(op)->name);
                    diag_note_add(lc->dl, d, who->at, "the generated rule%s", who->provenance);
                    hit = 1;
                }
                if (hit) break;
            }
        }
    }
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
                        diag *d = lint_report(lc, BK4005, later->at,
                            "this rule and an earlier %s rule both match %s for %s; the answer depends on Seatbelt's %s",
                            action_name(earlier->action), objs[oi], op_get(op)->name, how);
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
