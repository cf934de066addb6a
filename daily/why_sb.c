/* why_sb.c - explaining denials by a hand-written .sb profile: Seatbelt's
 * precedence model decides, and the narrowest rule is written in SBPL. */
#include "why_sb_check.h"
#include "../backend/sbpl_file.h"
#include "../compiler/decide.h"
#include "../grammar/sexp.h"
#include "../lint/lint.h"
#include <string.h>

/* why_ask over the evaluated policy */
typedef struct sb_asker { const sb_policy *p; arena *scratch; const char *vnode; } sb_asker;
static int ask_sbpl(void *ctx, const sb_request *r, void *answer)
{
    const sb_asker *k = ctx;
    sb_answer *an = answer;
    sb_request q = *r;
    if (q.kind == OBJ_PATH && k->vnode) q.vnode = k->vnode;
    *an = sbpl_decide(k->p, &q, k->scratch);
    return an->decision;
}

static const char *rule_source(arena *a, const sb_rule *r, const char **where);

/* A path the profile cannot decide without its file type (a vnode-type
 * filter), which a log does not name: asked as each type.  When every type
 * is decided, *an, *q and the returned operation become the first denied
 * type's (the first type's when none or all are) and g names the types
 * on each side where they differ. */
static int by_file_type(why_log *w, why_group *g, const sb_policy *p, arena *a, sb_answer *an, sb_request *q,
                        int chosen)
{
    sb_answer ans[WHY_TYPES];
    sb_request qs[WHY_TYPES];
    int ops[WHY_TYPES];
    unsigned denied = 0;
    for (int i = 0; i < WHY_TYPES; i++) {
        sb_asker ak = { p, a, why_file_type_at(i)->vnode };
        memset(&ans[i], 0, sizeof ans[i]);
        ops[i] = why_pick_request(w, g, ask_sbpl, &ak, &ans[i], sizeof ans[i], &qs[i]);
        if (ops[i] < 0 || ans[i].decision < 0) return chosen;
        qs[i].vnode = ak.vnode;
        if (ans[i].decision == 1) denied |= 1u << i;
    }
    int first = 0, other = 0;
    if (denied && denied != (1u << WHY_TYPES) - 1) {
        while (!(denied >> first & 1)) first++;
        while (denied >> other & 1) other++;
        why_set_types(w, g, denied);
        g->else_verdict = ans[other].decision == 0 ? WHY_ALLOWED : WHY_DENIED;
        g->else_rule_chain = "";
        if (ans[other].rule) g->else_rule_text = rule_source(&w->a, ans[other].rule, &g->else_rule_where);
        else { g->else_by_default = 1; g->else_rule_text = ans[other].decision == 0 ? "default allow" : "default deny"; }
    }
    *an = ans[first];
    *q = qs[first];
    return ops[first];
}

sb_policy *why_sb_eval(arena *a, diag_list *dl, const source *src, const why_sb_ctx *x, source **keep)
{
    source *imported = NULL;
    sb_policy *p = sbpl_file_eval(a, dl, src, x->path, x->params, x->nparams, x->dirs, x->ndirs, NULL, NULL, &imported);
    while (imported) { source *n = imported->next; imported->next = *keep; *keep = imported; imported = n; }
    return p;
}

static void sbpl_string(strbuf *b, const char *s)
{
    sb_putc(b, '"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') { sb_putc(b, '\\'); sb_putc(b, (char)c); }
        else if (c < 0x20 || c == 0x7f) sb_printf(b, "\\x%02x", c);
        else sb_putc(b, (char)c);
    }
    sb_putc(b, '"');
}

/* 1 when the rule has a filter */
static int sbpl_rule(strbuf *b, int op, const sb_request *q)
{
    const char *name = op_get(op)->emit_name ? op_get(op)->emit_name : op_get(op)->name;
    sb_printf(b, "(allow %s", name);
    int filtered = 0;
    if (q->len) {
        const char *f = NULL;
        switch (q->kind) {
        case OBJ_PATH: f = "literal"; break;
        case OBJ_IP: f = strcmp(op_get(op)->name, "network-outbound") ? "local ip" : "remote ip"; break;
        case OBJ_TARGET: f = NULL; break;
        default:
            f = q->ns == SNS_GLOBAL ? "global-name" : q->ns == SNS_LOCAL ? "local-name" : q->ns == SNS_SYSCTL ? "sysctl-name"
              : q->ns == SNS_IPC ? "ipc-posix-name" : q->ns == SNS_IOKIT ? "iokit-user-client-class" : NULL;
        }
        if (f) {
            strbuf o;
            sb_init(&o);
            if (q->kind == OBJ_IP) why_port_only(&o, q->obj, q->len);
            else sb_add(&o, q->obj, q->len);
            sb_printf(b, " (%s ", f);
            sbpl_string(b, sb_cstr(&o));
            sb_putc(b, ')');
            sb_free(&o);
        }
        filtered = f != NULL;
    }
    sb_putc(b, ')');
    return filtered;
}

static const char *rule_source(arena *a, const sb_rule *r, const char **where)
{
    source_pos p = source_position(r->at.src, r->at.start);
    size_t len;
    const char *line = source_line(r->at.src, r->at.start, &len);
    *where = arena_printf(a, "%s:%u:%u", r->at.src->name, p.line, p.col);
    while (len && (line[len - 1] == ' ' || line[len - 1] == '\r')) len--;
    return arena_strndup(a, line, len > 200 ? 200 : len);
}

uint32_t why_sb_text(strbuf *t, const source *src)
{
    uint32_t rs = 0, re = (uint32_t)src->len;
    sbpl_cxx_raw_string(src, &rs, &re);   /* the profile inside a C++ raw string, with the rules after it */
    sb_add(t, src->text + rs, re - rs);
    uint32_t from = (uint32_t)t->len;
    if (t->len && t->data[t->len - 1] != '\n') sb_putc(t, '\n');
    return from;
}

void why_sb_lint(const why_sb_ctx *x, const source *src, const strbuf *t, arena *a, diag_list *dl, source **keep,
                 lint_sb_probe_fn *probe, void *pctx, const source **linted)
{
    lint_opts lo;
    memset(&lo, 0, sizeof lo);
    lo.include_dirs = x->dirs;
    lo.ninclude = x->ndirs;
    lo.text = t->data;
    lo.text_len = t->len;
    lo.sb_probe = probe;
    lo.probe_ctx = pctx;
    lo.linted = linted;
    lint_file(&lo, src->path, a, dl, keep);
}

int why_sb_counted(const diag *d, const source *src, uint32_t from)
{
    return d->code && !d->suppressed && d->at.src && d->at.start >= from && !strcmp(d->at.src->path, src->path);
}

why_finding why_sb_finding(why_log *w, const diag *d)
{
    const diag_code_info *ci = lint_code_info(d->code);
    return (why_finding){ arena_strdup(&w->a, d->code), ci ? arena_strdup(&w->a, ci->slug) : "",
                          severity_name(d->sev), arena_strdup(&w->a, d->msg), "" };
}

void why_sb_check_one(why_log *w, why_group *g, const source *src, const why_sb_ctx *x, const sb_request *q)
{
    strbuf t;
    sb_init(&t);
    uint32_t from = why_sb_text(&t, src);
    sb_puts(&t, g->suggestion_block);
    w->checks_compiled++;
    w->checks_one++;
    arena a;
    arena_init(&a);
    diag_list dl;
    diag_list_init(&dl, &a);
    source *keep = NULL;
    why_sb_lint(x, src, &t, &a, &dl, &keep, NULL, NULL, NULL);
    size_t n = 0;
    for (const diag *d = dl.head; d; d = d->next) n += why_sb_counted(d, src, from);
    g->findings = arena_alloc(&w->a, (n + 1) * sizeof *g->findings);
    g->nfindings = 0;
    for (const diag *d = dl.head; d; d = d->next)
        if (why_sb_counted(d, src, from)) g->findings[g->nfindings++] = why_sb_finding(w, d);
    char *copy = xmalloc(t.len + 1);
    memcpy(copy, t.data, t.len + 1);
    source *s2 = source_new(src->name, src->path, copy, t.len);
    diag_list dl2;
    diag_list_init(&dl2, &a);
    sb_policy *p = why_sb_eval(&a, &dl2, s2, x, &keep);
    if (!p) g->suggestion_problem = WHY_SB_NO_EVAL;
    else {
        sb_answer an = sbpl_decide(p, q, &a);
        g->suggestion_allows = an.decision == 0;
        if (!g->suggestion_allows) g->suggestion_problem = WHY_SB_STILL_DENIED;
    }
    source_free(s2);
    while (keep) { source *nx = keep->next; source_free(keep); keep = nx; }
    arena_free(&a);
    sb_free(&t);
}

int why_explain_sb(why_log *w, const char *path, const char *const *import_dirs, size_t nimport,
                   const sb_param *params, size_t nparams, diag_list *dl, source **keep)
{
    const char *err;
    source *src = source_read(path, path, &err);
    if (!src) {
        diag_add(dl, SEV_ERROR, NULL, (span){ 0 }, "cannot read %s: %s", path, err);
        return 2;
    }
    src->next = *keep;
    *keep = src;
    why_sb_ctx x = { path, import_dirs, nimport, params, nparams };
    arena a;
    arena_init(&a);
    /* a parameter read in a filter with no value is said as a .buckle's
     * is, in place of the evaluator's errors on the value it lacks (#f) */
    diag *last = dl->tail;
    source *imported = NULL;
    sb_policy *p = sbpl_file_eval(&w->a, dl, src, path, params, nparams, import_dirs, nimport, NULL, NULL, &imported);
    diag *said = last ? last->next : dl->head, *end = dl->tail;
    if (sbpl_file_unvalued(&a, dl, src, imported, params, nparams)) {
        for (diag *d = said; d && d != end->next; d = d->next) d->suppressed |= d->sev == SEV_ERROR && strstr(d->msg, "#f");
        p = NULL;
    }
    while (imported) { source *n = imported->next; imported->next = *keep; *keep = imported; imported = n; }
    if (!p) { arena_free(&a); return 1; }
    why_sb_pending *pend = NULL;
    size_t npend = 0, pcap = 0;
    for (size_t i = 0; i < w->ngroups; i++) {
        why_group *g = w->groups[i];
        sb_answer an = { 0 };
        sb_request q = { 0 };
        sb_asker ak = { p, &a, NULL };
        int chosen = why_pick_request(w, g, ask_sbpl, &ak, &an, sizeof an, &q);
        if (chosen < 0) continue;
        if (an.decision < 0 && q.kind == OBJ_PATH && !g->landlock) chosen = by_file_type(w, g, p, &a, &an, &q, chosen);
        g->op_checked = op_get(chosen)->name;
        g->verdict = an.decision == 0 ? WHY_ALLOWED : an.decision == 1 ? WHY_DENIED : WHY_UNDECIDABLE;
        g->rule_chain = "";
        if (an.rule) g->rule_text = rule_source(&w->a, an.rule, &g->rule_where);
        else { g->by_default = 1; g->rule_text = an.decision == 0 ? "default allow" : "default deny"; }
        if (an.decision < 0 && an.why) g->note = arena_strdup(&w->a, an.why);
        if (g->verdict != WHY_DENIED) continue;
        strbuf b;
        sb_init(&b);
        int filtered = sbpl_rule(&b, chosen, &q);
        g->suggestion = arena_strdup(&w->a, sb_cstr(&b));
        g->suggestion_block = arena_printf(&w->a, "%s\n", g->suggestion);
        if (!g->note && q.kind == OBJ_IP && strstr(g->suggestion, "\"*:") && strncmp(g->obj, "*:", 2))
            g->note = why_port_only_note;
        sb_free(&b);
        /* a rule with a filter: checked with many others at once */
        if (!w->one_by_one && filtered) {
            if (npend == pcap) { pcap = pcap ? 2 * pcap : 256; pend = xrealloc(pend, pcap * sizeof *pend); }
            pend[npend++] = (why_sb_pending){ g, q };
        } else {
            why_sb_check_one(w, g, src, &x, &q);
        }
    }
    why_sb_check_many(w, src, &x, pend, npend);
    free(pend);
    arena_free(&a);
    return 0;
}
