/* why.c - grouping the denials of a log and explaining each by a profile. */
#include "why.h"
#include "why_check.h"
#include "../backend/crosscheck.h"
#include "../backend/emit.h"
#include "../compiler/verbs.h"
#include "../grammar/sexp.h"
#include "../lint/lint.h"
#include "../support/suggest.h"
#include <stdlib.h>
#include <string.h>

/* ---- reading ---- */

static void on_denial(void *ctx, const denial *d, unsigned long line)
{
    why_log *w = ctx;
    w->lines_denied += d->repeat;
    if (d->landlock) w->landlock += d->repeat;
    char stackkey[512];
    size_t klen = d->op_len + 1 + d->obj_len;
    char *key = klen <= sizeof stackkey ? stackkey : xmalloc(klen);
    memcpy(key, d->op, d->op_len);
    key[d->op_len] = 0;
    memcpy(key + d->op_len + 1, d->obj, d->obj_len);
    why_group *g = hm_get(&w->by_key, key, klen);
    if (!g) {
        if (w->ngroups >= WHY_MAX_GROUPS) {
            w->dropped += d->repeat;
            if (key != stackkey) free(key);
            return;
        }
        g = arena_alloc(&w->a, sizeof *g);
        char *k = arena_alloc(&w->a, klen + 1);
        memcpy(k, key, klen);
        g->op = k;
        g->obj = k + d->op_len + 1;
        g->first_line = line;
        hm_put(&w->by_key, k, klen, g);
        w->groups = arena_grow(&w->a, w->groups, w->ngroups, w->cap, sizeof *w->groups);
        w->cap = arena_grow_cap(w->ngroups, w->cap);
        w->groups[w->ngroups++] = g;
    }
    if (key != stackkey) free(key);
    if (d->landlock) g->landlock = 1;
    g->count += d->repeat;
    int i;
    for (i = 0; i < g->nprocs; i++)
        if (strlen(g->procs[i].name) == d->proc_len && !memcmp(g->procs[i].name, d->proc, d->proc_len)) break;
    if (i == g->nprocs) {
        if (g->nprocs == WHY_MAX_PROCS) { g->more_procs += d->repeat; return; }
        if (!(g->nprocs & (g->nprocs - 1))) {    /* 0, 1, 2, 4: full */
            why_proc *np = arena_alloc(&w->a, (size_t)(g->nprocs ? 2 * g->nprocs : 1) * sizeof *np);
            if (g->nprocs) memcpy(np, g->procs, (size_t)g->nprocs * sizeof *np);
            g->procs = np;
        }
        g->procs[i].name = arena_strndup(&w->a, d->proc, d->proc_len);
        g->procs[i].pid = d->pid;
        g->nprocs++;
    }
    g->procs[i].count += d->repeat;
}

static void on_unparsed(void *ctx, unsigned long line, const char *text, size_t n, const char *why)
{
    why_log *w = ctx;
    if (!why) { w->other++; return; }
    w->unparsed++;
    if (w->nshown < WHY_MAX_SHOWN)
        w->shown[w->nshown++] = (why_unparsed){ line, arena_strndup(&w->a, text, n > 300 ? 300 : n), arena_strdup(&w->a, why) };
}

void why_log_init(why_log *w)
{
    memset(w, 0, sizeof *w);
    arena_init(&w->a);
    hm_init(&w->by_key);
}

void why_log_free(why_log *w)
{
    hm_free(&w->by_key);
    arena_free(&w->a);
}

int why_log_read(why_log *w, FILE *f)
{
    denial_sink s = { on_denial, on_unparsed, w };
    return denial_log_read(f, &s);
}

static int by_count(const void *x, const void *y)
{
    const why_group *a = *(const why_group *const *)x, *b = *(const why_group *const *)y;
    if (a->count != b->count) return a->count > b->count ? -1 : 1;
    return a->first_line < b->first_line ? -1 : a->first_line > b->first_line;
}

void why_log_sort(why_log *w)
{
    if (w->ngroups > 1) qsort(w->groups, w->ngroups, sizeof *w->groups, by_count);
}

/* ---- parameter values from the log ---- */

static const char *given(const sb_param *p, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++) if (!strcmp(p[i].name, name)) return p[i].value;
    return NULL;
}

/* The length of o's home directory ("/Users/NAME", "/home/NAME", "/root"),
 * or 0 */
static size_t home_len(const char *o)
{
    const char *e;
    if (!strncmp(o, "/Users/", 7) && o[7] && o[7] != '/') e = strchr(o + 7, '/');
    else if (!strncmp(o, "/home/", 6) && o[6] && o[6] != '/') e = strchr(o + 6, '/');
    else return !strncmp(o, "/root", 5) && (o[5] == '/' || !o[5]) ? 5 : 0;
    return e ? (size_t)(e - o) : strlen(o);
}

/* The length of o's "/private/var/folders/X/Y/T" with the T that starts
 * the component after Y (every $TMPDIR o starts with), or 0 */
static size_t tmp_len(const char *o)
{
    if (strncmp(o, "/private/var/folders/", 21)) return 0;
    const char *p = o + 21;
    const char *s1 = strchr(p, '/');
    const char *s2 = s1 ? strchr(s1 + 1, '/') : NULL;
    if (!s1 || !s2 || s1 == p || s2 == s1 + 1 || s2[1] != 'T') return 0;
    return (size_t)(s2 + 2 - o);
}

/* The denials of the log under each prefix that len gives its paths
 * (counts, in a; the caller frees the map) */
static void count_by_prefix(why_log *w, size_t (*len)(const char *), arena *a, hashmap *m)
{
    hm_init(m);
    for (size_t j = 0; j < w->ngroups; j++) {
        const char *o = w->groups[j]->obj;
        size_t n = len(o);
        if (!n) continue;
        unsigned long *cnt = hm_get(m, o, n);
        if (!cnt) {
            cnt = arena_alloc(a, sizeof *cnt);
            *cnt = 0;
            hm_set(m, o, n, cnt);
        }
        *cnt += w->groups[j]->count;
    }
}

/* The most frequent home directory among the log's paths: "/Users/NAME"
 * (macOS), or for Landlock's records "/home/NAME" and "/root"; ties go to
 * the first in the log. */
static const char *log_home(why_log *w, int landlock, unsigned long *count)
{
    const char *home = NULL;
    unsigned long home_n = 0;
    arena a;
    arena_init(&a);
    hashmap by;
    count_by_prefix(w, home_len, &a, &by);
    for (size_t i = 0; i < w->ngroups && i <= 4096; i++) {     /* enough to guess from */
        const char *o = w->groups[i]->obj;
        size_t len = home_len(o);
        if (!len || (o[1] == 'U' && (!strcmp(o + 7, "Shared") || !strncmp(o + 7, "Shared/", 7))) || (!landlock && o[1] != 'U')) continue;
        unsigned long cnt = *(unsigned long *)hm_get(&by, o, len);
        if (cnt > home_n) { home_n = cnt; home = arena_strndup(&w->a, o, len); }
    }
    hm_free(&by);
    arena_free(&a);
    *count = home_n;
    return home;
}

/* 1 when some path of the log is dir or below it */
static int log_has_under(const why_log *w, const char *dir)
{
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/') n--;
    if (n < 2) return 0;
    for (size_t i = 0; i < w->ngroups; i++) {
        const char *o = w->groups[i]->obj;
        if (!strncmp(o, dir, n) && (o[n] == '/' || !o[n])) return 1;
    }
    return 0;
}

static size_t put_value(why_value *out, size_t k, size_t max, const char *name, const char *value, const char *from)
{
    if (k < max && value && value[0]) out[k++] = (why_value){ name, value, from };
    return k;
}

size_t why_guess_params(why_log *w, const sb_param *gp, size_t n, const sb_param *env, size_t nenv,
                        why_value *out, size_t max)
{
    size_t k = 0;
    const char *tmp = NULL;
    unsigned long tmp_n = 0, home_n;
    int landlock = w->landlock != 0;
    const char *home = log_home(w, landlock, &home_n);
    /* the most frequent candidate wins; ties go to the first in the log */
    arena a;
    arena_init(&a);
    hashmap by;
    count_by_prefix(w, tmp_len, &a, &by);
    for (size_t i = 0; i < w->ngroups && i <= 4096; i++) {
        const char *o = w->groups[i]->obj;
        size_t len = tmp_len(o);
        if (!len || (o[len] != '/' && o[len])) continue;
        unsigned long cnt = *(unsigned long *)hm_get(&by, o, len);
        if (cnt > tmp_n) { tmp_n = cnt; tmp = arena_strndup(&w->a, o, len); }
    }
    hm_free(&by);
    arena_free(&a);
    if (!landlock) {
        if (home && !given(gp, n, "HOME")) k = put_value(out, k, max, "HOME", home, WHY_FROM_LOG);
        if (home && !given(gp, n, "USER") && !given(gp, n, "HOME")) k = put_value(out, k, max, "USER", home + 7, WHY_FROM_LOG);
        if (tmp && !given(gp, n, "TMPDIR")) k = put_value(out, k, max, "TMPDIR", tmp, WHY_FROM_LOG);
        return k;
    }
    /* Landlock's records come from `buckle run` on Linux, which takes the
     * values from the environment: those, unless the log's paths show
     * another user's home (the log was written elsewhere) */
    const char *ehome = given(env, nenv, "HOME"), *euser = given(env, nenv, "USER");
    if (ehome && ehome[0] != '/') ehome = NULL;
    if (!given(gp, n, "HOME")) {
        if (ehome && (log_has_under(w, ehome) || !home)) {
            k = put_value(out, k, max, "HOME", ehome, WHY_FROM_ENV);
            if (!given(gp, n, "USER")) k = put_value(out, k, max, "USER", euser, WHY_FROM_ENV);
        } else if (home) {
            k = put_value(out, k, max, "HOME", home, WHY_FROM_LOG);
            if (!given(gp, n, "USER")) k = put_value(out, k, max, "USER", !strcmp(home, "/root") ? "root" : strrchr(home, '/') + 1, WHY_FROM_LOG);
        }
    } else if (!given(gp, n, "USER")) {
        k = put_value(out, k, max, "USER", euser, WHY_FROM_ENV);
    }
    if (!given(gp, n, "TMPDIR")) k = put_value(out, k, max, "TMPDIR", given(env, nenv, "TMPDIR"), WHY_FROM_ENV);
    if (!given(gp, n, "WORKDIR")) k = put_value(out, k, max, "WORKDIR", given(env, nenv, "WORKDIR"), WHY_FROM_CWD);
    return k;
}

/* ---- writing a rule ---- */

/* The parameter whose value is the longest directory the path s starts
 * with: its name and value length, or NULL.  Every parameter the profile
 * declares (and the built-in ones) counts, with the value the decider uses
 * (-D, guessed from the log, the declared default, the test value); a tie
 * goes to HOME, then to the first name in byte order. */
static const char *longest_param(const char *s, decider *d, const compilation *c, size_t *len)
{
    const char *best = NULL;
    size_t blen = 0;
    for (size_t i = 0; i < c->params.cap; i++) {
        const hm_slot *sl = &c->params.slots[i];
        if (!sl->hash) continue;
        const param_decl *p = sl->val;
        const char *v = decider_value(d, p->name);
        size_t vl = v ? strlen(v) : 0;
        while (vl > 1 && v[vl - 1] == '/') vl--;
        if (vl < 2 || v[0] != '/' || strncmp(s, v, vl) || (s[vl] != '/' && s[vl])) continue;
        int better = vl > blen;
        if (vl == blen && best && strcmp(best, "HOME"))
            better = !strcmp(p->name, "HOME") || strcmp(p->name, best) < 0;
        if (better) { best = p->name; blen = vl; }
    }
    *len = blen;
    return best;
}

/* s in buckle string syntax, with ~ for HOME and $NAME for the longest
 * parameter value it starts with (paths only). */
static void buckle_string(strbuf *b, const char *s, int is_path, decider *d, const compilation *comp)
{
    sb_putc(b, '"');
    if (is_path) {
        size_t blen;
        const char *best = longest_param(s, d, comp, &blen);
        if (best && !strcmp(best, "HOME")) { sb_putc(b, '~'); s += blen; }
        else if (best) { sb_printf(b, "$%s", best); s += blen; }   /* a '/' or the end follows */
    }
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') { sb_putc(b, '\\'); sb_putc(b, (char)c); }
        else if (c == '$') sb_puts(b, "$$");
        else if (c == '\n') sb_puts(b, "\\n");
        else if (c == '\t') sb_puts(b, "\\t");
        else if (c < 0x20 || c == 0x7f) sb_printf(b, "\\x%02x", c);
        else sb_putc(b, (char)c);
    }
    sb_putc(b, '"');
}

static unsigned kinds_for(const sb_request *q)
{
    switch (q->kind) {
    case OBJ_PATH: return KS_PATH;
    case OBJ_IP: return KS_IP;
    case OBJ_TARGET: return KS_TARGET;
    default: return q->ns == SNS_IOKIT ? KS_IOKIT : KS_NAME | KS_MACH;
    }
}

/* The narrowest section and verb for a concrete operation and object kind. */
static int choose_verb(int op, const sb_request *q, verb_info *out)
{
    const verb_info *best = NULL;
    int bestc = OPS_MAX + 1;
    unsigned want = kinds_for(q);
    for (size_t i = 0; verb_at(i); i++) {
        const verb_info *t = verb_at(i);
        int vop = op_lookup(t->op, NULL);
        if (vop < 0 || !opset_has(&op_get(vop)->covers, op)) continue;
        if (q->len ? !(t->kinds & want) : t->kinds != KS_NONE) continue;
        int c = opset_count(&op_get(vop)->covers);
        if (c < bestc) { best = t; bestc = c; }
    }
    const char *name = op_get(op)->name;
    if (!strncmp(name, "file", 4) && q->kind == OBJ_PATH && bestc > 1 && verb_resolve(SEC_FILES, name, out)) return 1;
    if (best) { *out = *best; return 1; }
    if (verb_resolve(SEC_MISC, name, out)) return 1;
    return 0;
}

/* choose_verb's answers so far: a log has few operations and object kinds */
typedef struct verb_memo {
    struct { int op, ok, has_obj, path; unsigned want; verb_info v; } e[32];
    size_t n;
} verb_memo;

static int choose_verb_memo(verb_memo *m, int op, const sb_request *q, verb_info *out)
{
    unsigned want = kinds_for(q);
    int has_obj = q->len != 0, path = q->kind == OBJ_PATH;
    for (size_t i = 0; i < m->n; i++)
        if (m->e[i].op == op && m->e[i].want == want && m->e[i].has_obj == has_obj && m->e[i].path == path) {
            *out = m->e[i].v;
            return m->e[i].ok;
        }
    memset(out, 0, sizeof *out);
    int ok = choose_verb(op, q, out);
    if (m->n < sizeof m->e / sizeof m->e[0]) {
        m->e[m->n].op = op;
        m->e[m->n].want = want;
        m->e[m->n].has_obj = has_obj;
        m->e[m->n].path = path;
        m->e[m->n].ok = ok;
        m->e[m->n].v = *out;
        m->n++;
    }
    return ok;
}

const char *const why_port_only_note =
    "Seatbelt filters remote addresses by port only (on localhost or any host): the narrowest rule names the port on any host";

void why_port_only(strbuf *b, const char *obj, size_t len)
{
    size_t hl = ip_host_len(obj, len);
    if (hl < len && !(hl == 1 && obj[0] == '*')) {
        sb_puts(b, ip_host_is_local(obj, hl) ? "localhost" : "*");
        sb_add(b, obj + hl, len - hl);
    } else sb_add(b, obj, len);
}

static void rule_line(strbuf *b, const verb_info *v, const sb_request *q, decider *d, const compilation *c, int below)
{
    sb_printf(b, "allow %s", v->verb);
    if (v->kinds == KS_NONE || !q->len) return;
    sb_putc(b, ' ');
    if (v->kinds & KS_PATH && q->kind == OBJ_PATH) {
        sb_puts(b, below ? "subpath " : "literal ");
        buckle_string(b, q->obj, 1, d, c);
    } else if (q->kind == OBJ_IP) {
        strbuf t;
        sb_init(&t);
        why_port_only(&t, q->obj, q->len);
        buckle_string(b, sb_cstr(&t), 0, d, c);
        sb_free(&t);
    } else {
        buckle_string(b, q->obj, 0, d, c);
    }
}

/* ---- explaining by a .buckle profile ---- */

const char *why_rule_where(arena *a, const rule *r, compilation *c, const char **chain)
{
    source_pos p = source_position(r->origins->u->src, r->origins->at.start);
    *chain = arena_strdup(a, unit_provenance(c, r->origins->u));
    return arena_printf(a, "%s:%u:%u", r->origins->u->display, p.line, p.col);
}

/* The extends hops that brought r's file in, as a list */
static void chain_of(arena *a, const rule *r, why_group *g)
{
    size_t n = 0;
    for (const unit *x = r->origins->u; x && x->via; x = x->via) n++;
    g->chain = arena_alloc(a, (n + 1) * sizeof *g->chain);
    g->nchain = 0;
    for (const unit *x = r->origins->u; x && x->via; x = x->via) {
        source_pos p = source_position(x->via->src, x->via_at.start);
        g->chain[g->nchain++] = arena_printf(a, "%s:%u:%u", x->via->display, p.line, p.col);
    }
}

static void copy_findings(why_log *w, why_group *g, const diag_list *dl, const source *main, uint32_t from)
{
    size_t n = 0;
    for (const diag *x = dl->head; x; x = x->next)
        if (x->code && !x->suppressed && x->at.src == main && x->at.start >= from) n++;
    g->findings = arena_alloc(&w->a, (n + 1) * sizeof *g->findings);
    for (const diag *x = dl->head; x; x = x->next) {
        if (!x->code || x->suppressed || x->at.src != main || x->at.start < from) continue;
        const diag_code_info *ci = lint_code_info(x->code);
        why_finding *f = &g->findings[g->nfindings++];
        f->code = arena_strdup(&w->a, x->code);
        f->name = ci ? arena_strdup(&w->a, ci->slug) : "";
        f->severity = severity_name(x->sev);
        f->message = arena_strdup(&w->a, x->msg);
        f->where = "";
        for (const diag_note *k = x->notes; k; k = k->next) {
            if (!k->at.src) continue;
            /* the added lines are not in the user's file: named as what they are */
            if (k->at.src == main && k->at.start >= from) f->where = arena_printf(&w->a, "%s (the suggested rule)", k->msg);
            else {
                source_pos p = source_position(k->at.src, k->at.start);
                f->where = arena_printf(&w->a, "%s (%s:%u:%u)", k->msg, k->at.src->name, p.line, p.col);
            }
            break;
        }
    }
}

/* Compiles and lints the profile with the suggested rule added, and
 * decides q with it: by the profile, and for Landlock's denials by pd. */
const char *why_still_denied(arena *a, const rule *r, compilation *c)
{
    const char *chain;
    return !r ? "still denied by the default"
         : r->final ? arena_printf(a, "still denied by %s, a final rule: no rule added after it can allow this",
                                   why_rule_where(a, r, c, &chain))
         : arena_printf(a, "still denied by %s", why_rule_where(a, r, c, &chain));
}

void why_check_one(why_log *w, why_group *g, compilation *c, const sb_param *extra, size_t nextra,
                   const sb_request *q, why_platform_decide *pd, void *pctx)
{
    w->checks_compiled++;
    w->checks_one++;
    const unit *u = c->units[c->nunits - 1];
    strbuf t;
    sb_init(&t);
    sb_add(&t, u->src->text, u->src->len);
    uint32_t from = (uint32_t)t.len;
    if (t.len && t.data[t.len - 1] != '\n') sb_putc(&t, '\n');
    sb_puts(&t, g->suggestion_block);
    compile_opts o = c->opts;
    o.pool = NULL;
    compilation *c2 = compilation_new(&o);
    int rc = compile_profile_text(c2, u->src->path, t.data, t.len);
    arena la;
    arena_init(&la);
    diag_list dl;
    diag_list_init(&dl, &la);
    lint_compilation(c2, rc, &la, &dl);
    const source *main = c2->nunits ? c2->units[c2->nunits - 1]->src : NULL;
    copy_findings(w, g, &dl, main, from);
    if (rc) {
        g->suggestion_problem = "the profile does not compile with this rule (see the findings)";
    } else {
        decider *d2 = decider_new(c2, extra, nextra);
        decision dd = decider_decide(d2, q);
        g->suggestion_allows = dd.action == ACT_ALLOW;
        if (!g->suggestion_allows) {
            g->suggestion_problem = why_still_denied(&w->a, dd.r, c2);
        } else if (g->landlock && pd) {
            /* Landlock's denial: the kernel's answer with the rule, as the
             * plan of `buckle run` gives it */
            const char *why = "";
            if (pd(pctx, c2, d2, q, &w->a, &why) == 1) {
                g->suggestion_allows = 0;
                size_t ol = strlen(q->obj), el = strlen("/" WHY_NEW_ENTRY);
                const char *what = ol >= el && !strcmp(q->obj + ol - el, "/" WHY_NEW_ENTRY)
                                       ? arena_printf(&w->a, "a new entry in %.*s", (int)(ol > el ? ol - el : 1), ol > el ? q->obj : "/")
                                       : q->obj;
                g->suggestion_problem = arena_printf(&w->a, "Landlock would still deny %s with this rule: %s", what, why);
            }
        }
        decider_free(d2);
    }
    arena_free(&la);
    compilation_free(c2);
    sb_free(&t);
}

/* why_ask over the profile and its compiled output, for a file of type
 * vnode (NULL: a regular file) */
typedef struct typed_ask { crosscheck *x; const char *vnode; } typed_ask;

static int ask_profile(void *ctx, const sb_request *r, void *answer)
{
    typed_ask *t = ctx;
    cc_answer *an = answer;
    sb_request q = *r;
    if (q.kind == OBJ_PATH) q.vnode = t->vnode;
    *an = crosscheck_ask(t->x, &q);
    return an->raw ? an->sbpl.decision : an->prof.action;
}

static int answer_action(const cc_answer *an) { return an->raw ? an->sbpl.decision : an->prof.action; }

/* What decided an: the rule's text, FILE:LINE:COL and extends chain */
typedef struct why_decided { const char *text, *where, *chain; int by_default, final; } why_decided;

static why_decided decided_by(why_log *w, crosscheck *x, compilation *c, const cc_answer *an)
{
    why_decided d = { 0 };
    if (an->raw) {
        d.text = "a raw sbpl rule";
        d.where = arena_strdup(&w->a, crosscheck_where(x, an->sbpl.rule ? an->sbpl.rule->at : an->sbpl.why_at));
        d.chain = " (in the compiled output)";
    } else if (an->prof.r) {
        strbuf b;
        sb_init(&b);
        ir_rule_text(&b, an->prof.r);
        d.text = arena_strdup(&w->a, sb_cstr(&b));
        sb_free(&b);
        d.where = why_rule_where(&w->a, an->prof.r, c, &d.chain);
        d.final = an->prof.r->final;
    } else {
        d.by_default = 1;
        d.text = c->pol.default_action == ACT_ALLOW ? "default allow" : "default deny";
        d.chain = "";
    }
    return d;
}

static const why_file_type file_types[WHY_TYPES] = {
    { .vnode = "REGULAR-FILE", .name = "a regular file" },
    { .vnode = "DIRECTORY", .name = "a directory" },
    { .vnode = "SYMLINK", .name = "a symbolic link" },
};

const why_file_type *why_file_type_at(int i) { return &file_types[i]; }

/* The types of mask (bit i: file_types[i]) as "a directory or a symbolic
 * link" (names) or "DIRECTORY SYMLINK" */
static const char *types_text(arena *a, unsigned mask, int names)
{
    strbuf b;
    sb_init(&b);
    int n = 0, left = 0;
    for (int i = 0; i < WHY_TYPES; i++) left += (mask >> i) & 1;
    for (int i = 0; i < WHY_TYPES; i++) {
        if (!(mask >> i & 1)) continue;
        if (n) sb_puts(&b, names ? (n == left - 1 ? " or " : ", ") : " ");
        sb_puts(&b, names ? file_types[i].name : file_types[i].vnode);
        n++;
    }
    const char *t = arena_strdup(a, sb_cstr(&b));
    sb_free(&b);
    return t;
}

void why_set_types(why_log *w, why_group *g, unsigned denied)
{
    unsigned rest = ((1u << WHY_TYPES) - 1) & ~denied;
    g->if_type = types_text(&w->a, denied, 1);
    g->if_vnodes = types_text(&w->a, denied, 0);
    g->else_type = types_text(&w->a, rest, 1);
    g->else_vnodes = types_text(&w->a, rest, 0);
}

/* A profile with rules that take directories and symbolic links only may
 * decide a path by its type, which a log does not name: each type asked.
 * When they differ, *an, *q and the returned operation become the first
 * denying type's, and g names the types on each side. */
static int by_file_type(why_log *w, why_group *g, crosscheck *x, compilation *c, cc_answer *an, sb_request *q,
                        int chosen)
{
    cc_answer ans[WHY_TYPES];
    sb_request qs[WHY_TYPES];
    int ops[WHY_TYPES];
    int prof_only = !crosscheck_has_raw(x);
    if (prof_only) {
        /* the profile alone answers (no raw rule), and it takes
         * directories and symbolic links alike: one pass over the
         * operations tells whether the type matters and which operation a
         * directory is denied first (the compiled SBPL is asked once, for
         * the request chosen) */
        int noop = 0, op = op_lookup(g->op, &noop), differ = 0, dop = -1;
        decision dd = { 0 };
        sb_request dq = *q;
        const opset *cov = &op_get(op)->covers;
        for (int k = 0; k < ops_count() && !(differ && dop >= 0 && dd.action == 1); k++) {
            if (!opset_has(cov, k)) continue;
            sb_request r = *q;
            r.op = k;
            r.vnode = NULL;
            request_kind_for_op(k, g->obj, &r);
            if (r.kind != OBJ_PATH) continue;
            int reg = decider_decide(x->d, &r).action;
            r.vnode = file_types[1].vnode;
            decision dir = decider_decide(x->d, &r);
            differ |= dir.action != reg;
            if (dop < 0 || (dd.action != 1 && dir.action == 1)) { dop = k; dd = dir; dq = r; }
        }
        if (!differ || dop < 0) return chosen;
        for (int i = 1; i < WHY_TYPES; i++) {
            memset(&ans[i], 0, sizeof ans[i]);
            ans[i].prof = dd;
            ans[i].agree = 1;
            qs[i] = dq;
            qs[i].vnode = file_types[i].vnode;
            ops[i] = dop;
        }
    }
    unsigned denied = 0;
    ans[0] = *an;              /* a regular file's, asked without a type */
    qs[0] = *q;
    ops[0] = chosen;
    for (int i = 0; i < WHY_TYPES; i++) {
        if (i && !prof_only) {
            typed_ask t = { x, file_types[i].vnode };
            memset(&ans[i], 0, sizeof ans[i]);
            ops[i] = why_pick_request(w, g, ask_profile, &t, &ans[i], sizeof ans[i], &qs[i]);
            if (ops[i] < 0) return chosen;
            qs[i].vnode = file_types[i].vnode;
        }
        if (answer_action(&ans[i]) == 1) denied |= 1u << i;
    }
    if (!denied || denied == (1u << WHY_TYPES) - 1) return chosen;
    int first = 0, other = 0;
    while (!(denied >> first & 1)) first++;
    while (denied >> other & 1) other++;
    why_set_types(w, g, denied);
    int act = answer_action(&ans[other]);
    g->else_verdict = act == 0 ? WHY_ALLOWED : act == 1 ? WHY_DENIED : WHY_UNDECIDABLE;
    why_decided d = decided_by(w, x, c, &ans[other]);
    g->else_rule_text = d.text;
    g->else_rule_where = d.where;
    g->else_rule_chain = d.chain;
    g->else_by_default = d.by_default;
    *an = first && prof_only ? crosscheck_ask(x, &qs[first]) : ans[first];
    *q = qs[first];
    return ops[first];
}

int why_pick_request(why_log *w, why_group *g, why_ask *ask, void *ctx, void *answer, size_t size,
                     sb_request *q)
{
    int noop = 0;
    int op = op_lookup(g->op, &noop);
    if (op < 0) {
        g->verdict = WHY_UNKNOWN_OP;
        g->note = noop ? "an operation name that does nothing in a profile" : "an operation buckle does not know";
        if (!noop) {
            const char **names = xmalloc(((size_t)ops_count() + 1) * sizeof *names);
            size_t nn = 0;
            for (int k = 0; k < ops_count(); k++) names[nn++] = op_get(k)->name;
            const char *near = suggest_closest(g->op, names, nn, 0);
            if (near) g->note = arena_printf(&w->a, "an operation buckle does not know (did you mean %s?)", near);
            free(names);
        }
        return -1;
    }
    /* a family name: the first of its operations this profile denies */
    const opset *cov = &op_get(op)->covers;
    void *cur = xmalloc(size);
    int chosen = -1;
    for (int k = 0; k < ops_count(); k++) {
        if (!opset_has(cov, k)) continue;
        sb_request r = { k, g->obj, strlen(g->obj), OBJ_PATH, SNS_OTHER, NULL };
        request_kind_for_op(k, g->obj, &r);
        if (r.kind == OBJ_NAME && r.ns == SNS_LOCAL) { r.obj += 6; r.len -= 6; }
        int act = ask(ctx, &r, cur);
        if (chosen < 0 || act != 0) { chosen = k; memcpy(answer, cur, size); *q = r; }
        if (act != 0) break;
    }
    free(cur);
    if (chosen < 0) { g->verdict = WHY_UNKNOWN_OP; g->note = "an operation with no concrete operation"; }
    return chosen;
}

int why_explain_buckle(why_log *w, compilation *c, const sb_param *extra, size_t nextra, why_platform_decide *pd,
                       void *pctx, const char **missing)
{
    crosscheck *x = crosscheck_new(c, extra, nextra, 0);
    *missing = decider_missing(x->d);
    if (*missing) { *missing = arena_strdup(&w->a, *missing); crosscheck_free(x); return 1; }
    /* the built-in parameters left at their test value: named in the report */
    size_t ntv;
    const sb_param *tv = test_param_values(&ntv);
    w->ntest_used = 0;
    for (size_t i = 0; i < ntv && w->ntest_used < sizeof w->test_used / sizeof w->test_used[0]; i++) {
        const char *v = decider_value(x->d, tv[i].name);
        if (v && !strcmp(v, tv[i].value) && !given(extra, nextra, tv[i].name) && !hm_gets(&c->defines, tv[i].name))
            w->test_used[w->ntest_used++] = tv[i].name;
    }
    why_pending *pend = NULL;
    size_t npend = 0, pcap = 0;
    verb_memo vm;
    vm.n = 0;
    for (size_t i = 0; i < w->ngroups; i++) {
        why_group *g = w->groups[i];
        cc_answer an = { 0 };
        sb_request q = { 0 };
        typed_ask ta = { x, NULL };
        int chosen = why_pick_request(w, g, ask_profile, &ta, &an, sizeof an, &q);
        if (chosen < 0) continue;
        if (x->holders && !g->landlock && q.kind == OBJ_PATH) chosen = by_file_type(w, g, x, c, &an, &q, chosen);
        g->op_checked = op_get(chosen)->name;
        int act = answer_action(&an);
        g->verdict = act == 0 ? WHY_ALLOWED : act == 1 ? WHY_DENIED : WHY_UNDECIDABLE;
        why_decided d = decided_by(w, x, c, &an);
        g->rule_text = d.text;
        g->rule_where = d.where;
        g->rule_chain = d.chain;
        g->by_default = d.by_default;
        g->final = d.final;
        if (!an.raw && an.prof.r) chain_of(&w->a, an.prof.r, g);
        if (!an.agree)
            g->note = "the compiled SBPL decides differently: this is a compiler bug, please report it";
        /* Landlock names the directory a new entry was to be made in, not
         * the entry: the rule must allow entries in it, and Landlock grants
         * that only on the directory, for everything below it */
        int entry = g->landlock && q.kind == OBJ_PATH && !strcmp(op_get(chosen)->name, "file-write-create");
        sb_request qc = q;
        if (entry) {
            qc.obj = arena_printf(&w->a, "%s/" WHY_NEW_ENTRY, strcmp(q.obj, "/") ? q.obj : "");
            qc.len = strlen(qc.obj);
        }
        if (g->verdict == WHY_ALLOWED && g->landlock && pd) {
            /* what Landlock's plan says: the grant the rule could not get */
            const char *why = "";
            if (pd(pctx, c, x->d, &qc, &w->a, &why) == 1) g->platform_why = why;
        }
        if (g->verdict != WHY_DENIED) continue;
        verb_info v;
        if (!choose_verb_memo(&vm, chosen, &q, &v)) { g->note = "no section of the language can allow this operation"; continue; }
        if (entry) {
            if (!g->note)
                g->note = "Landlock names only the directory, not the entry: the narrowest rule it enforces allows new "
                          "entries anywhere below the directory";
        }
        strbuf b;
        sb_init(&b);
        rule_line(&b, &v, &q, x->d, c, entry);
        g->section = section_name(v.section);
        g->suggestion = arena_strdup(&w->a, sb_cstr(&b));
        g->suggestion_block = arena_printf(&w->a, "%s {\n    %s;\n}\n", g->section, g->suggestion);
        if (!g->note && q.kind == OBJ_IP && strstr(g->suggestion, "\"*:") && strncmp(g->obj, "*:", 2))
            g->note = why_port_only_note;
        sb_free(&b);
        /* a rule with an object, for a denial no final rule or raw sbpl
         * decided, outside Landlock: checked with many others at once */
        if (!w->one_by_one && !g->landlock && !an.raw && !g->final && !g->if_type && q.len && v.kinds != KS_NONE) {
            if (npend == pcap) { pcap = pcap ? 2 * pcap : 256; pend = xrealloc(pend, pcap * sizeof *pend); }
            pend[npend++] = (why_pending){ g, qc, an.prof.r };
        } else if (g->if_type && g->final && !an.raw) {
            /* a final rule on directories and symbolic links (one a final
             * rule implies): no rule added after it allows them, and the
             * profile need not be compiled again to say so */
            g->suggestion_problem = why_still_denied(&w->a, an.prof.r, c);
        } else {
            why_check_one(w, g, c, extra, nextra, &qc, pd, pctx);
        }
    }
    why_check_many(w, c, extra, nextra, pend, npend);
    free(pend);
    crosscheck_free(x);
    return 0;
}
