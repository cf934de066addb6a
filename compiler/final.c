/* final.c - final rules checked on the merged policy (language.md §7):
 * no rule of the other action that is as specific or more specific may
 * cover objects inside a final rule's scope. */
#include "compile.h"
#include "overlap.h"

typedef struct final_ctx {
    compilation *c;
    rule *f;
} final_ctx;

static void check_one(void *ud, rule *r)
{
    final_ctx *fc = ud;
    rule *f = fc->f;
    if (r->action == f->action || r->implied) return;
    if (!opset_intersects(r->covers, f->covers)) return;
    if (spec_cmp(&r->m, &f->m) < 0) return;
    /* Only a certain overlap is an error: whether rules with different
     * parameter roots meet depends on values that differ per machine. */
    if (matcher_relation(&r->m, &f->m) != REL_OVERLAP) return;
    compilation *c = fc->c;
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
