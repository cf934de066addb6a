/* final.c - final rules checked on the merged policy (docs/reference.md):
 * no rule of the other action that is as specific or more specific may
 * cover objects inside a final rule's scope. */
#include "compile.h"
#include "overlap.h"
#include "patterns.h"
#include "regex.h"
#include <string.h>

typedef struct final_ctx {
    compilation *c;
    rule *f;
} final_ctx;

static int is_pattern(matcher_kind k) { return k == MK_GLOB || k == MK_REGEX || k == MK_NAME_REGEX; }

static void no_param(strbuf *out, const char *name, size_t len, void *ud)
{
    (void)out, (void)name, (void)len, (void)ud;   /* only parameter-free globs come here */
}

/* matcher_relation leaves a pattern against a string-based matcher
 * undecided when the fixed parts cannot tell.  Both free of parameters: if
 * the pattern matches the other's own string, which the other matches too
 * (a literal, subpath or prefix its value; a name or name prefix its name),
 * they certainly overlap. */
static relation refine(compilation *c, const matcher *a, const matcher *b)
{
    if (is_pattern(a->kind) == is_pattern(b->kind)) return REL_UNKNOWN;
    const matcher *p = is_pattern(a->kind) ? a : b, *x = p == a ? b : a;
    if (x->kind == MK_ANCESTORS || !x->value || !p->value) return REL_UNKNOWN;
    if (memchr(p->value, PARAM_OPEN, p->len) || memchr(x->value, PARAM_OPEN, x->len)) return REL_UNKNOWN;
    strbuf re;
    sb_init(&re);
    if (p->kind == MK_GLOB) glob_to_regex(&re, p->value, p->len, no_param, NULL);
    else sb_add(&re, p->value, p->len);
    const char *err = NULL;
    sb_regex *rx = sb_regex_compile(&c->a, re.data ? re.data : "", re.len, &err);
    sb_free(&re);
    return rx && sb_regex_search(rx, x->value, x->len) ? REL_OVERLAP : REL_UNKNOWN;
}

static void check_one(void *ud, rule *r)
{
    final_ctx *fc = ud;
    rule *f = fc->f;
    if (r->action == f->action || r->implied) return;
    if (!opset_intersects(r->covers, f->covers)) return;
    if (spec_cmp(&r->m, &f->m) < 0) return;
    /* Only a certain overlap is an error: whether rules with different
     * parameter roots meet depends on values that differ per machine. */
    compilation *c = fc->c;
    relation rel = matcher_relation(&r->m, &f->m);
    if (rel == REL_UNKNOWN) rel = refine(c, &r->m, &f->m);
    if (rel != REL_OVERLAP) return;
    diag *d = diag_add(&c->diags, SEV_ERROR, "BK2005", origin_primary(r),
                       "%s contradicts a final %s%s",
                       r->action == ACT_ALLOW ? "allow" : "deny",
                       f->action == ACT_ALLOW ? "allow" : "deny",
                       unit_provenance(c, r->origins->u));
    diag_note_add(&c->diags, d, origin_primary(f), "final %s is here%s",
                  f->action == ACT_ALLOW ? "allow" : "deny", unit_provenance(c, f->origins->u));
    diag_help(&c->diags, d, "a final rule cannot be overridden by a rule as specific or more specific; "
              "remove this rule or make it not overlap");
}

void check_finals(compilation *c, void *index, rule *const *finals, size_t nfinals)
{
    ovl_index *ix = index;
    final_ctx fc = { c, NULL };
    if (ix) {
        for (size_t i = 0; i < nfinals; i++) {
            fc.f = finals[i];
            ovl_query(ix, finals[i], 1, check_one, &fc);
        }
        return;
    }
    /* one pass over the rules, each against every final (diagnostics are
     * sorted by place before they are shown, so the loop order is free) */
    for (size_t j = 0; j < c->pol.rules.n; j++) {
        rule *r = c->pol.rules.v[j];
        for (size_t i = 0; i < nfinals; i++) {
            if (finals[i] == r) continue;
            fc.f = finals[i];
            check_one(&fc, r);
        }
    }
}
