/* rules_mistakes.c - mistakes that otherwise pass silently: BK2014 a
 * parameter declared twice in one file, BK2015 a name filter with a `*`
 * (a service literally named so; the author meant a prefix), BK2016 an
 * empty profile. */
#include "rules.h"
#include <string.h>

static void duplicate_params(lint_ctx *lc)
{
    compilation *c = lc->v->c;
    if (!c) return;
    for (size_t i = 0; i < c->nunits; i++) {
        const ast_file *f = c->units[i]->ast;
        for (const ast_param *p = f->params; p; p = p->next)
            for (const ast_param *q = p->next; q; q = q->next) {
                if (strcmp(p->name, q->name) != 0) continue;
                /* the list is newest first: q is the earlier declaration */
                diag *d = lint_report(lc, BK2014, p->at, "parameter %s is declared twice in this file", p->name);
                diag_note_add(lc->dl, d, q->at, "the first declaration is here");
                break;
            }
    }
}

static void star_names(lint_ctx *lc)
{
    for (size_t i = 0; i < lc->v->n; i++) {
        const lrule *r = &lc->v->rules[i];
        if (r->kind != LK_NAME || !r->value || !strchr(r->value, '*')) continue;
        const char *star = strchr(r->value, '*');
        if (star == r->value)
            lint_report(lc, BK2015, r->at, "\"%s\" names a service literally called that: `*` is no wildcard in a name",
                        r->value);
        else
            lint_report(lc, BK2015, r->at, "\"%s\" names a service literally called that: for every name starting with "
                        "\"%.*s\" use prefix \"%.*s\"", r->value, (int)(star - r->value), r->value,
                        (int)(star - r->value), r->value);
    }
}

static void empty(lint_ctx *lc)
{
    if (lc->v->c) {
        const compilation *c = lc->v->c;
        if (c->nunits == 1 && c->units[0]->ast->nstmts == 0)
            lint_report(lc, BK2016, (span){ lc->v->main, 0, 0 }, "the profile is empty: it allows nothing");
        return;
    }
    /* an import or a form that could not be evaluated may have added rules */
    if (lc->v->pol && lc->v->pol->n == 0 && !lc->v->pol->undecidable)
        lint_report(lc, BK2016, (span){ lc->v->main, 0, 0 }, "the profile has no rules");
}

void lint_pass_mistakes(lint_ctx *lc)
{
    duplicate_params(lc);
    star_names(lc);
    empty(lc);
}
