/* report.c - how a lint pass reports a finding and asks for a decision. */
#include "view.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static char *vfmt(arena *a, const char *fmt, va_list ap)
{
    char probe[1];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(probe, sizeof probe, fmt, ap2);
    va_end(ap2);
    char *p = arena_alloc(a, (size_t)(n > 0 ? n : 0) + 1);
    vsnprintf(p, (size_t)(n > 0 ? n : 0) + 1, fmt, ap);
    return p;
}

diag *lint_report(lint_ctx *lc, const char *code, span at, const char *fmt, ...)
{
    const lint_rule *r = lint_rule_find(code);
    va_list ap;
    va_start(ap, fmt);
    char *msg = vfmt(lc->a, fmt, ap);
    va_end(ap);
    diag *d = diag_add(lc->dl, r ? r->info.default_sev : SEV_WARNING, code, at, "%s", msg);
    if (r && r->fix) diag_help(lc->dl, d, "%s", r->fix);
    return d;
}

diag *lint_report_sev(lint_ctx *lc, severity sev, const char *code, span at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = vfmt(lc->a, fmt, ap);
    va_end(ap);
    const lint_rule *r = lint_rule_find(code);
    diag *d = diag_add(lc->dl, sev, code, at, "%s", msg);
    if (r && r->fix) diag_help(lc->dl, d, "%s", r->fix);
    return d;
}

diag *lint_report_at_rule(lint_ctx *lc, const char *code, const lrule *who, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = vfmt(lc->a, fmt, ap);
    va_end(ap);
    span at = who ? who->at : lc->v->default_at;
    if (!at.src) at = (span){ lc->v->main, 0, 0 };
    /* an inherited rule gets its extends chain as notes (lint_compilation) */
    return lint_report(lc, code, at, "%s%s", msg, who ? "" : " (by the default)");
}

/* the request of operation op on obj */
static void request_of(sb_request *q, int op, const char *obj)
{
    memset(q, 0, sizeof *q);
    q->op = op;
    q->obj = obj;
    q->len = strlen(obj);
    request_kind_for_op(op, obj, q);
}

int lint_decide(lint_ctx *lc, const char *opname, const char *obj, const lrule **who)
{
    sb_request q;
    request_of(&q, op_lookup(opname, NULL), obj);
    *who = NULL;
    return lc->v->decide(lc->v, &q, who);
}

int lint_decide_typed(lint_ctx *lc, const char *opname, const char *obj, const char *const *vnodes, const lrule **who,
                      const char **vnode)
{
    *vnode = NULL;
    int d = lint_decide(lc, opname, obj, who);
    if (d == 0 || !vnodes) return d;
    int op = op_lookup(opname, NULL);
    for (size_t i = 0; vnodes[i]; i++) {
        sb_request q;
        request_of(&q, op, obj);
        q.vnode = vnodes[i];
        const lrule *w = NULL;
        if (lc->v->decide(lc->v, &q, &w) == 0) { *who = w; *vnode = vnodes[i]; return 0; }
    }
    return d;
}
