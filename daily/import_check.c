/* import_check.c - the import compiled and compared with the original as
 * `buckle diff` does, under each set of values (the base sets, then those
 * lined up with the original's paths); the families of operations that
 * decide differently go to SBPL for the next round. */
#include "import_model.h"
#include "diff.h"
#include <string.h>
#include <stdlib.h>

/* ---- checking -------------------------------------------------------------- */

int op_family(int op)
{
    int d = op_default();
    if (op == d) return -1;
    while (op_get(op)->parent >= 0 && op_get(op)->parent != d) op = op_get(op)->parent;
    return op;
}

int mark_family(imp *m, int fam, const char *why)
{
    int changed = 0;
    for (size_t i = 0; i < m->nrules; i++) {
        int rf = op_family(m->rules[i].r->op);
        if (fam != -2 && rf != fam && rf != -1) continue;
        iform *f = &m->forms[m->rules[i].form];
        if (f->raw) continue;
        f->raw = 1;
        f->why = why;
        changed = 1;
    }
    return changed;
}

static int has_regex(const sfilter *f, int depth)
{
    if (!f || depth > SBPL_MAX_DEPTH) return 0;
    if (f->kind == F_REGEX || f->kind == F_NAME_REGEX) return 1;
    for (int i = 0; i < f->nkids; i++) if (has_regex(f->kids[i], depth + 1)) return 1;
    return 0;
}

/* the import b does not compile (d) although form fi (or none, -1) is
 * already SBPL: said at the form, and where it is copied verbatim, at the
 * very place in it */
static void refused(imp *m, const strbuf *b, int fi, const diag *d)
{
    span at = { m->src, 0, 0 };
    if (fi >= 0) {
        const sexp *x = m->forms[fi].x;
        at = x->at;
        size_t fl = x->at.end - x->at.start;
        const char *ft = m->src->text + x->at.start;
        for (size_t off = 0; fl && off + fl <= b->len; off++) {
            if (memcmp(b->data + off, ft, fl)) continue;
            if (d->at.start >= off && d->at.end <= off + fl)
                at = (span){ m->src, x->at.start + (uint32_t)(d->at.start - off), x->at.start + (uint32_t)(d->at.end - off) };
            break;
        }
    }
    diag *e = diag_add(m->dl, SEV_ERROR, NULL, at, "cannot import: buckle keeps this form in SBPL, where it is refused: %s",
                       d->msg);
    if (d->help) diag_help(m->dl, e, "%s", d->help);
}

/* no import decides like the original under the current values: said at
 * the original's rule whose decision the import changes, each change a
 * note */
static void differs(imp *m, const diff_result *r, const char *with)
{
    unsigned long wide = 0, narrow = 0;
    for (size_t g = 0; g < r->n; g++) *(r->groups[g]->widening ? &wide : &narrow) += r->groups[g]->count;
    span at = { m->src, 0, 0 };
    for (size_t g = 0; g < r->n && !at.end; g++)
        if (r->groups[g]->old_rule) at = ((const sb_rule *)r->groups[g]->old_rule)->at;
    diag *e = diag_add(m->dl, SEV_ERROR, NULL, at, "no import decides like the original%s: %lu request%s narrowed "
                       "(allow -> deny), %lu widened (deny -> allow)", with, narrow, narrow == 1 ? "" : "s", wide);
    for (size_t g = 0; g < r->n && g < 4; g++) {
        const diff_group *dg = r->groups[g];
        strbuf t;
        sb_init(&t);
        for (int k = 0; k < dg->nex; k++) sb_printf(&t, "%s%s", k ? ", " : "", dg->examples[k]);
        if (dg->count > (unsigned long)dg->nex) sb_printf(&t, " and %lu more", dg->count - (unsigned long)dg->nex);
        span nat = dg->old_rule ? ((const sb_rule *)dg->old_rule)->at : (span){ NULL, 0, 0 };
        diag_note_add(m->dl, e, nat, "the original %s%s, the import %s (%s): %s", dg->widening ? "denies" : "allows",
                      dg->old_rule ? " here" : arena_printf(m->a, " (%s)", dg->old_text),
                      dg->widening ? "allows" : "denies", dg->new_text, sb_cstr(&t));
        sb_free(&t);
    }
    if (m->label[m->cur])
        diag_help(m->dl, e, "the check gives the parameters values that line up with the paths, names and ports the profile names "
                  "(here %s); when the program passes known values, import for them with -D NAME=VALUE", m->label[m->cur]);
}

/* the comparison with the original stopped short although every form is
 * already SBPL: never taken as the same */
static int incomplete(imp *m, const char *what, const char *with)
{
    diag_add(m->dl, SEV_ERROR, NULL, (span){ m->src, 0, 0 }, "cannot import: the comparison with the original %s%s", what, with);
    return -1;
}

/* compiles b and compares it with the original: 0 the same, 1 differences
 * (families made raw), -1 when nothing more can be done (said in m->dl) */
/* the operation a diff example ("OP OBJECT") names; -1 when none */
static int example_op(const char *ex)
{
    char opn[128];
    size_t l = ex ? strcspn(ex, " ") : sizeof opn;
    if (l >= sizeof opn) return -1;
    memcpy(opn, ex, l);
    opn[l] = 0;
    return op_lookup(opn, NULL);
}

static int check_set(imp *m, const strbuf *b, const char *name)
{
    compile_opts co = *m->o->copts;
    co.pool = NULL;
    define *defs = arena_alloc(m->a, (m->ntest + 1) * sizeof *defs);
    size_t nd = 0;
    for (size_t i = 0; i < m->np; i++) {
        if (builtin_param(m->pnames[i])) continue;
        for (size_t k = 0; k < m->ntest; k++)
            if (!strcmp(m->test[k].name, m->pnames[i])) defs[nd++] = (define){ m->test[k].name, m->test[k].value, NULL };
    }
    co.defines = defs;
    co.ndefines = nd;
    compilation *c = compilation_new(&co);
    int rc = compile_profile_text(c, name, b->data, b->len);
    int result = 0;
    if (rc) {
        int changed = 0;
        for (const diag *d = c->diags.head; d; d = d->next) {
            if (d->sev != SEV_ERROR) continue;
            int fi = -1;
            if (d->at.src && d->at.src->text == c->units[c->nunits - 1]->src->text) {
                source_pos p = source_position(d->at.src, d->at.start);
                if (p.line >= 1 && p.line <= m->nlines) fi = m->line_form[p.line - 1];
            }
            if (fi < 0 || m->forms[fi].raw) {
                refused(m, b, fi, d);
                result = -1;
                break;
            }
            m->forms[fi].raw = 1;
            m->forms[fi].why = arena_printf(m->a, "buckle refuses its translation: %s", d->msg);
            changed = 1;
        }
        compilation_free(c);
        return result ? result : changed ? 1 : -1;
    }
    /* the import's SBPL sees only the parameters it declares: a value -D
     * fixed is written in, never passed */
    sb_param *seen = arena_alloc(m->a, (m->ntest + 1) * sizeof *seen);
    size_t nseen = 0;
    for (size_t i = 0; i < m->ntest; i++) {
        const char *n = m->test[i].name;
        size_t l = strcspn(n, ".");
        int fixed = 0;
        for (size_t g = 0; g < m->o->ngiven && !fixed; g++)
            fixed = strlen(m->o->given[g].name) == l && !strncmp(m->o->given[g].name, n, l);
        if (!fixed) seen[nseen++] = m->test[i];
    }
    crosscheck *x = crosscheck_new(c, seen, nseen, 0);
    diff_side old = { 1, NULL, NULL, m->val, m->a, NULL, 0 };
    diff_side nw = { 0, c, x, x->pol, &x->a, NULL, 0 };
    diff_result r;
    if (m->near[m->cur]) diff_run_near(&r, &old, &nw, m->near[m->cur], m->nnear[m->cur]);
    else diff_run(&r, &old, &nw);
    const char *with = m->label[m->cur] ? arena_printf(m->a, " with %s", m->label[m->cur]) : "";
    if (r.n) {
        int changed = 0;
        for (size_t g = 0; g < r.n; g++)
            for (int k = 0; k < r.groups[g]->nex; k++) {
                const char *ex = r.groups[g]->examples[k];
                int op = example_op(ex);
                if (op < 0) continue;
                changed |= mark_family(m, op_family(op),
                                       arena_printf(m->a, "in sections, %s would decide %s%s (the original decides by the order of its rules)",
                                                    ex, r.groups[g]->widening ? "allow" : "deny", with));
            }
        if (!changed) changed = mark_family(m, -2, "the rules of the sections would not decide like the original");
        if (!changed) differs(m, &r, with);
        result = changed ? 1 : -1;
    }
    if (!result && (r.atoms_partial || r.rules_partial)) {
        /* equal where it looked, but a walk over the patterns stopped:
         * never taken as the same; the families of the rules by regex go
         * to SBPL, in their order */
        int changed = 0;
        for (size_t i = 0; i < m->nrules; i++)
            if (has_regex(m->rules[i].r->filter, 0))
                changed |= mark_family(m, op_family(m->rules[i].r->op), arena_printf(m->a,
                                       "its patterns are too many for the comparison to walk every path they tell apart%s", with));
        result = changed ? 1 : incomplete(m, "cannot walk every path its patterns tell apart", with);
    }
    if (!result && (r.undecided || r.protocols)) {
        /* equal where both decide: the requests one side cannot decide
         * are not the same either; their family goes to SBPL, where the
         * original's rules decide them in their order (already there: the
         * same text on both sides decides them alike) */
        int op = example_op(r.undecided_example);
        const char *why = r.protocols ? r.protocols
                        : arena_printf(m->a, "%s (%s)", r.undecided_example, r.undecided_why);
        result = mark_family(m, op >= 0 ? op_family(op) : -2,
                             arena_printf(m->a, "the comparison cannot decide %s%s", why, with));
    }
    diff_result_free(&r);
    crosscheck_free(x);
    compilation_free(c);
    return result;
}

int check(imp *m, const strbuf *b, const char *name)
{
    int r = 0;
    for (int k = 0; k < m->nset && !r; k++) { use_set(m, k); r = check_set(m, b, name); }
    use_set(m, 0);
    return r;
}

