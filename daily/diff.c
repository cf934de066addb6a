/* diff.c - the decisions that change between two profiles. */
#include "diff.h"
#include "diff_values.h"
#include "../backend/emit.h"
#include "../support/hashmap.h"
#include "../support/utf8.h"
#include "../seatbelt/path_canonical.h"
#include "../seatbelt/regex_atoms.h"
#include "../seatbelt/regex_nfa.h"
#include "../seatbelt/regex_syntax.h"
#include <jansson.h>
#include <string.h>

/* The objects asked about, each with its kind (a path, a name, an address
 * and port, a process target, or none: the request of an operation that
 * names no object), in the order found. */
enum { K_PATH, K_NAME, K_IP, K_TARGET, K_NONE };
typedef struct obj { const char *s; size_t n; int kind; } obj;
typedef struct objset {
    hashmap seen;
    hashmap collected;        /* the filters' texts collected (collected()) */
    obj *v;
    size_t n, cap;
    const char **tails;       /* samples of unanchored path regexes */
    size_t ntails, tcap;
    const char **ntl;         /* samples of unanchored name regexes */
    size_t nntl, ntcap;
    const char **vn;          /* the vnode types rules name */
    size_t nvn, vcap;
    arena *a;
    const char *const *near;  /* only the paths near these (diff_run_near) */
    size_t nnear;
} objset;

static void add_kind(objset *s, const char *p, size_t n, int kind)
{
    if (!n && kind != K_NONE) return;
    if (kind == K_PATH && !path_canonical(p, n)) return;
    if (s->near && (kind != K_PATH || !diff_value_near(p, n, s->near, s->nnear))) return;
    char tmp[512];
    char *k = n + 2 <= sizeof tmp ? tmp : arena_alloc(s->a, n + 2);
    k[0] = (char)('0' + kind);
    memcpy(k + 1, p, n);
    k[n + 1] = 0;
    if (hm_get(&s->seen, k, n + 1)) return;
    if (k == tmp) k = arena_strndup(s->a, tmp, n + 1);
    hm_put(&s->seen, k, n + 1, k);
    s->v = arena_grow(s->a, s->v, s->n, s->cap, sizeof *s->v);
    s->cap = arena_grow_cap(s->n, s->cap);
    s->v[s->n++] = (obj){ k + 1, n, kind };
}

static void add_obj(objset *s, const char *p, size_t n) { add_kind(s, p, n, K_PATH); }

/* the length of p (n bytes) less its last character: a well-formed UTF-8
 * sequence whole (a name the kernel presents is UTF-8), another byte alone */
static size_t less_one_char(const char *p, size_t n)
{
    size_t m = n - 1;
    while (m && ((unsigned char)p[m] & 0xC0) == 0x80) m--;
    return (unsigned char)p[m] >= 0xC0 && utf8_seq(p, n, m) == n - m ? m : n - 1;
}

/* a path, its ancestors, a child, and siblings with a common prefix */
static void add_path(objset *s, const char *p, size_t n)
{
    if (!n || p[0] != '/') return;
    while (n > 1 && p[n - 1] == '/') n--;
    add_obj(s, p, n);
    for (size_t i = n; i-- > 1;) if (p[i] == '/') add_obj(s, p, i);
    add_obj(s, "/", 1);
    char *t = arena_alloc(s->a, n + 4);
    memcpy(t, p, n);
    memcpy(t + n, "/x", 2); add_obj(s, t, n + 2);
    memcpy(t + n, "x", 1); add_obj(s, t, n + 1);
    memcpy(t + n, "-x", 2); add_obj(s, t, n + 2);
    /* a shorter sibling: "/a/b" -> "/a/" + "b" minus a character */
    if (n > 2 && less_one_char(p, n) > 1) add_obj(s, p, less_one_char(p, n));
}

static void add_name(objset *s, const char *p, size_t n)
{
    if (!n) return;
    add_kind(s, p, n, K_NAME);
    char *t = arena_alloc(s->a, n + 2);
    memcpy(t, p, n);
    t[n] = 'x';
    add_kind(s, t, n + 1, K_NAME);
    if (n > 1 && less_one_char(p, n)) add_kind(s, p, less_one_char(p, n), K_NAME);
}

/* a name a local-name filter names, with its boundaries: asked as
 * "local:NAME", a per-process service (mach-lookup and mach-register only) */
static void add_local(objset *s, const char *p, size_t n)
{
    /* an empty prefix or literal start matches every local name: one of them */
    if (!n) { add_kind(s, "local:x", 7, K_NAME); return; }
    char *t = arena_alloc(s->a, n + 8);
    memcpy(t, "local:", 6);
    memcpy(t + 6, p, n);
    add_name(s, t, n + 6);
}

static void add_ip(objset *s, const char *p, size_t n)
{
    add_kind(s, p, n, K_IP);
    const char *c = memchr(p, ':', n);
    if (!c) return;
    add_kind(s, arena_printf(s->a, "*%.*s", (int)(p + n - c), c), n - (size_t)(c - p) + 1, K_IP);
    add_kind(s, arena_printf(s->a, "localhost%.*s", (int)(p + n - c), c), n - (size_t)(c - p) + 9, K_IP);
}

/* 1 when every match of the pattern starts at the subject's first byte: it
 * starts with ^ and has no '|' outside every group and class (an
 * alternative there could start anywhere) */
static int anchored(const char *p, size_t n)
{
    if (!n || p[0] != '^') return 0;
    int depth = 0, cls = 0;
    for (size_t i = 1; i < n; i++) {
        char c = p[i];
        if (c == '\\') { i++; continue; }
        if (cls) { if (c == ']') cls = 0; continue; }
        if (c == '[') { cls = 1; if (i + 1 < n && p[i + 1] == ']') i++; continue; }
        if (c == '(') depth++;
        else if (c == ')') depth--;
        else if (c == '|' && depth <= 0) return 0;
    }
    return 1;
}

static void push_tail(arena *a, const char ***v, size_t *n, size_t *cap, const char *t, size_t len)
{
    *v = arena_grow(a, *v, *n, *cap, sizeof **v);
    *cap = arena_grow_cap(*n, *cap);
    (*v)[(*n)++] = arena_strndup(a, t, len);
}

/* objects a regex matches (two samples of each alternative, and of a path
 * regex two that are paths), with their
 * boundaries: a pattern's own objects, not only its literal start, so that
 * a rule by regex that changes is seen.  A pattern that may match anywhere
 * in the subject keeps its samples to be put after every path (names)
 * asked about, and after "/x/". */
static void add_samples(objset *s, const sfilter *f, int path)
{
    enum { CAP = 1024 };
    char buf[CAP];
    int free_start = !anchored(f->str, f->len);
    for (int i = 0; i < f->nres; i++)
        for (int v = 0; v < (path ? 4 : 2); v++) {
            if (!f->res[i]) continue;
            /* a path regex also by the shortest subjects that are paths:
             * "^/a/.*" + "/c$" is shortest as "/a//c", which no request holds */
            long n = sb_regex_sample(f->res[i], v < 2 ? v : (v - 2) | SB_SAMPLE_PATH, buf, CAP);
            if (n < 0) continue;
            if (path) {
                if (n > 0) add_path(s, buf, (size_t)n);
                if (free_start && n > 0) push_tail(s->a, &s->tails, &s->ntails, &s->tcap, buf, (size_t)n);
            } else {
                if (n > 0) add_name(s, buf, (size_t)n);
                if (free_start && n > 0) push_tail(s->a, &s->ntl, &s->nntl, &s->ntcap, buf, (size_t)n);
            }
        }
}

/* 1 when a filter of the same text (and kind of object) was collected
 * before: it adds nothing new (a pattern repeated in many rules is
 * sampled once) */
static int collected(objset *s, const sfilter *f)
{
    char c;
    switch (f->kind) {
    case F_LITERAL: case F_SUBPATH: case F_PREFIX: c = 'p'; break;
    case F_REGEX: c = 'r'; break;
    case F_NAME: case F_NAME_PREFIX: c = f->ns == SNS_LOCAL ? 'l' : 'm'; break;
    case F_NAME_REGEX: c = f->ns == SNS_LOCAL ? 'k' : 'n'; break;
    default: return 0;
    }
    char tmp[256];
    char *k = f->len + 1 <= sizeof tmp ? tmp : arena_alloc(s->a, f->len + 1);
    k[0] = c;
    memcpy(k + 1, f->str, f->len);
    if (hm_get(&s->collected, k, f->len + 1)) return 1;
    if (k == tmp) k = arena_strndup(s->a, tmp, f->len + 1);
    hm_put(&s->collected, k, f->len + 1, k);
    return 0;
}

static void collect(objset *s, const sfilter *f)
{
    if (!f) return;
    switch (collected(s, f) ? F_UNKNOWN : f->kind) {
    case F_LITERAL: case F_SUBPATH: case F_PREFIX: add_path(s, f->str, f->len); break;
    case F_REGEX: {
        char *t = arena_alloc(s->a, f->len + 1);
        size_t k = diff_literal_start(f->str, f->len, t);
        if (k && t[0] == '/') add_path(s, t, k);
        add_samples(s, f, 1);
        break;
    }
    case F_NAME: case F_NAME_PREFIX:
        if (f->ns == SNS_LOCAL) add_local(s, f->str, f->len);
        else add_name(s, f->str, f->len);
        break;
    case F_NAME_REGEX: {
        char *t = arena_alloc(s->a, f->len + 1);
        size_t k = diff_literal_start(f->str, f->len, t);
        if (f->ns == SNS_LOCAL) {   /* its literal start and shortest subject, as a local name */
            add_local(s, t, k);
            char buf[1024];
            long n = f->nres && f->res[0] ? sb_regex_sample(f->res[0], 0, buf, sizeof buf) : -1;
            if (n >= 0) add_local(s, buf, (size_t)n);
            break;
        }
        if (k) add_name(s, t, k);
        add_samples(s, f, 0);
        break;
    }
    case F_IP: add_ip(s, f->str, f->len); break;
    case F_TARGET: add_kind(s, f->str, f->len, K_TARGET); break;
    case F_VNODE: {
        /* the type as a request names it, in upper case (the reader
         * folded the filter's symbol: (vnode-type REGULAR-FILE) reads as
         * regular-file) */
        char *t = arena_strndup(s->a, f->str, f->len);
        for (size_t i = 0; i < f->len; i++) t[i] = t[i] >= 'a' && t[i] <= 'z' ? (char)(t[i] - 32) : t[i];
        size_t v = 0;
        while (v < s->nvn && (strlen(s->vn[v]) != f->len || memcmp(s->vn[v], t, f->len))) v++;
        if (v == s->nvn) push_tail(s->a, &s->vn, &s->nvn, &s->vcap, t, f->len);
        break;
    }
    default: break;
    }
    for (int i = 0; i < f->nkids; i++) collect(s, f->kids[i]);
}

/* the samples of unanchored patterns after each path and name already
 * found (a path: as its child, "P/" + sample, or "P" + sample when the
 * sample starts with '/'), and after "/x/": the objects such a pattern
 * matches inside the trees the rules name */
static void add_tails(objset *s)
{
    size_t n0 = s->n;
    strbuf b;                 /* each object is written here; add_kind keeps a copy of a new one */
    sb_init(&b);
    for (size_t t = 0; t < s->ntails; t++) {
        const char *tl = s->tails[t];
        const char *sep = tl[0] == '/' ? "" : "/";
        const char *x = arena_printf(s->a, "/x%s%s", sep, tl);
        add_path(s, x, strlen(x));
        for (size_t i = 0; i < n0; i++) {
            const obj *o = &s->v[i];
            if (o->kind != K_PATH) continue;
            size_t on = o->n == 1 ? 0 : o->n;          /* "/" + "/" + tail is "/" + tail */
            sb_reset(&b);
            sb_add(&b, o->s, strnlen(o->s, on));
            sb_puts(&b, sep);
            sb_puts(&b, tl);
            add_obj(s, sb_cstr(&b), b.len);
        }
    }
    for (size_t t = 0; t < s->nntl; t++)
        for (size_t i = 0; i < n0; i++) {
            if (s->v[i].kind != K_NAME) continue;
            sb_reset(&b);
            sb_add(&b, s->v[i].s, strnlen(s->v[i].s, s->v[i].n));
            sb_puts(&b, s->ntl[t]);
            add_kind(s, sb_cstr(&b), b.len, K_NAME);
        }
    sb_free(&b);
}

/* vb: rule is an sb_rule of d->vb */
typedef struct verdict { int action; const void *rule; int no_sandbox; const char *why; int vb; } verdict;

static int vb_live(const diff_side *d) { return d->vb && d->vb->nblocks && !d->vb->why_not; }

static int runs_unsandboxed(action_t act, const sb_rule *r) { return act == ACT_ALLOW && r && r->leaves; }

static verdict ask(diff_side *d, const sb_request *q)
{
    if (vb_live(d)) {
        /* with the verbatim blocks: a rule of theirs decides, or the rules
         * buckle sees (by buckle's answer, which names the .buckle rule) */
        sb_answer v = vb_ask(d->vb, q);
        verdict fromvb = { v.decision, v.rule, runs_unsandboxed(v.decision, v.rule), v.why, 1 };
        if (v.decision == ACT_UNDECIDED || vb_from_block(d->vb, v.rule)) return fromvb;
        cc_answer an = crosscheck_ask(d->x, q);
        action_t act = an.raw ? an.sbpl.decision : an.prof.action;
        if (act != v.decision || (v.rule && v.rule->leaves)) return fromvb;
        if (an.raw) return (verdict){ an.sbpl.decision, an.sbpl.rule, 0, an.sbpl.why, 0 };
        return (verdict){ an.prof.action, an.prof.r, 0, NULL, 0 };
    }
    if (!d->is_sb && !crosscheck_has_raw(d->x)) {   /* buckle's answer: the compiled SBPL's is not asked */
        decision p = decider_decide(d->x->d, q);
        return (verdict){ p.action, p.r, 0, NULL, 0 };
    }
    if (!d->is_sb) {
        cc_answer an = crosscheck_ask(d->x, q);
        if (an.raw)
            return (verdict){ an.sbpl.decision, an.sbpl.rule, runs_unsandboxed(an.sbpl.decision, an.sbpl.rule), an.sbpl.why, 0 };
        return (verdict){ an.prof.action, an.prof.r, 0, NULL, 0 };
    }
    sb_answer an = sbpl_decide(d->pol, q, d->a);
    return (verdict){ an.decision, an.rule, runs_unsandboxed(an.decision, an.rule), an.why, 0 };
}

static const char *describe(arena *a, diff_side *d, const void *who, int from_vb)
{
    if (who && from_vb && vb_from_block(d->vb, who)) return vb_describe(a, d->vb, who);
    if (who && from_vb) {
        const sb_rule *r = who;
        source_pos p = source_position(r->at.src, r->at.start);
        size_t len;
        const char *line = source_line(r->at.src, r->at.start, &len);
        return arena_printf(a, "<compiled>:%u:%u: %.*s", p.line, p.col, (int)(len > 200 ? 200 : len), line);
    }
    if (!who) {
        if (d->is_sb) return "the default";
        return arena_printf(a, "the default (%s)", action_name(d->c->pol.default_action));
    }
    if (d->is_sb || (d->x && ((const sb_rule *)who)->at.src == d->x->sbpl_src)) {
        const sb_rule *r = who;
        source_pos p = source_position(r->at.src, r->at.start);
        size_t len;
        const char *line = source_line(r->at.src, r->at.start, &len);
        while (len && (line[len - 1] == ' ' || line[len - 1] == '\r')) len--;
        return arena_printf(a, "%s:%u:%u: %.*s", r->at.src->name, p.line, p.col, (int)(len > 200 ? 200 : len), line);
    }
    const rule *r = who;
    strbuf b;
    sb_init(&b);
    ir_rule_text(&b, r);
    source_pos p = source_position(r->origins->u->src, r->origins->at.start);
    const char *s = arena_printf(a, "%s:%u:%u: %s%s", r->origins->u->display, p.line, p.col, sb_cstr(&b),
                                 unit_provenance(d->c, r->origins->u));
    sb_free(&b);
    return s;
}

/* the kind of object an operation is asked about (K_NONE: a name, which
 * operations without names are asked with the empty one) */
static int op_kind(int op)
{
    sb_request q = { op, "", 0, OBJ_PATH, SNS_OTHER, NULL };
    request_kind_for_op(op, "", &q);
    if (!strncmp(op_get(op)->name, "network", 7)) return K_IP;   /* and paths: sockets */
    switch (q.kind) {
    case OBJ_PATH: return K_PATH;
    case OBJ_TARGET: return K_TARGET;
    default: return K_NAME;
    }
}

static const char *example(arena *a, int op, const obj *o, const char *vnode)
{
    if (!o->n) return arena_printf(a, "%s (no object)", op_get(op)->name);
    if (vnode) return arena_printf(a, "%s %.*s (vnode-type %s)", op_get(op)->name, (int)o->n, o->s, vnode);
    return arena_printf(a, "%s %.*s", op_get(op)->name, (int)o->n, o->s);
}

typedef struct cmp_ctx {
    diff_result *r;
    hashmap *groups;
    diff_side *old, *nw;
    int und;                  /* the last request compared was undecidable */
    int why_new;              /* and the side that could not decide (1: new) */
    const char *why;          /* and why (written out for the first only: why_text) */
} cmp_ctx;

/* asks both sides; 1 when either cannot decide (cx->why says which, why) */
static int compare(cmp_ctx *cx, const sb_request *q, const obj *o)
{
    diff_result *r = cx->r;
    verdict a = ask(cx->old, q), b = ask(cx->nw, q);
    cx->und = a.action == ACT_UNDECIDED || b.action == ACT_UNDECIDED;
    if (cx->und) {
        const verdict *u = a.action == ACT_UNDECIDED ? &a : &b;
        cx->why_new = a.action != ACT_UNDECIDED;
        cx->why = u->why ? u->why : "undecidable";
        return 1;
    }
    int mod = a.action == b.action && a.action == ACT_ALLOW && a.no_sandbox != b.no_sandbox;
    if (a.action == b.action && !mod) return 0;
    int wide = mod ? b.no_sandbox : (a.action != ACT_ALLOW && b.action == ACT_ALLOW);
    const void *key[4] = { a.rule, b.rule, (const void *)(size_t)wide, (const void *)(size_t)mod };
    diff_group *g = hm_get(cx->groups, (const char *)key, sizeof key);
    if (!g) {
        g = arena_alloc(&r->a, sizeof *g);
        g->widening = wide;
        g->no_sandbox = mod;
        g->old_rule = a.rule;
        g->new_rule = b.rule;
        g->old_text = describe(&r->a, cx->old, a.rule, a.vb);
        g->new_text = describe(&r->a, cx->nw, b.rule, b.vb);
        char *kk = arena_alloc(&r->a, sizeof key);
        memcpy(kk, key, sizeof key);
        hm_put(cx->groups, kk, sizeof key, g);
        r->groups = arena_grow(&r->a, r->groups, r->n, r->cap, sizeof *r->groups);
        r->cap = arena_grow_cap(r->n, r->cap);
        r->groups[r->n++] = g;
    }
    g->count++;
    if (g->nex < DIFF_EXAMPLES) g->examples[g->nex++] = example(&r->a, q->op, o, q->vnode);
    return 0;
}

/* ---- atoms -------------------------------------------------------------
 * An SBPL policy decides a path (a name) from which of its filters match
 * it.  The objects above (each path a rule names, with its boundaries, and
 * samples of each pattern) miss a change between two regexes whose samples
 * agree: "^/a/s.*t$" -> "^/a/s[^x]*t$" changes /a/sxt only.  So the
 * patterns found on one side only (regexes, scopes, literals), with those
 * of either side whose literal starts could meet theirs, are walked
 * together (seatbelt/regex_atoms.h), and a shortest path (name) of each
 * combination of them that holds a changed one is asked too (add_atoms).
 *
 * A regex and a subpath or prefix whose scopes meet, on either side (the
 * same on both, so not among the changed ones), decide differently by
 * order in SBPL than by depth in buckle: "(allow (subpath "/u/me/p"))" then
 * "(deny (regex "^/u/[^/]+/.*\\.pem$"))" denies /u/me/p/k.pem, and a
 * translation that lets the subpath win allows it.  So each such pair is
 * walked too: a path in both, in one only, in the other only (add_pairs). */
#define ATOM_REGEXES_MAX 160
#define ATOM_GROUP_MAX 256     /* scopes walked with one regex at a time */
#define ATOM_WALKS_MAX 20000

/* A pattern of either side, once for each kind and text: a regex (of paths
 * or names), or a scope (subpath, prefix, name prefix) with its text as a
 * regex.  start: what every subject it matches starts with (empty for a
 * regex that may match anywhere). */
typedef struct pattern {
    const sfilter *f;
    int is_scope;             /* a scope, not a regex */
    int exact;                /* a scope of one path (name): a literal */
    int tried;                /* scope_of compiled its regex (NULL: it cannot be) */
    const sb_regex *scope;    /* a scope's regex, made when first walked (scope_of) */
    int name;                 /* 0 of paths, 1 of names, 2 of local names (asked as "local:NAME") */
    int sides;                /* bit k: side k has it */
    int in_changed;           /* it is in a rule that the other side has not */
    int loose;                /* and that rule has no anchors */
    int anchor;               /* every object a rule that the other side has not
                               * matches is one this pattern matches, or one of the
                               * other anchors of that rule (add_anchor_cells) */
    int free_use;             /* used outside a require-all with a literal (which
                               * decides nothing but that literal path) */
    const char *start;
    size_t nstart;
} pattern;
typedef struct patterns { pattern *v; size_t n, cap; hashmap at; } patterns;

static int is_regex(const sfilter *f) { return f->kind == F_REGEX || f->kind == F_NAME_REGEX; }

/* a literal text as a regex: "^" TEXT, then tail */
static const sb_regex *text_regex(arena *a, const char *t, size_t n, const char *tail)
{
    strbuf b;
    sb_init(&b);
    sb_putc(&b, '^');
    regex_quote(&b, t, n);
    sb_puts(&b, tail);
    const char *err;
    const sb_regex *re = sb_regex_compile(a, b.data, b.len, &err);
    sb_free(&b);
    return re;
}

static int is_pattern(const sfilter *f)
{
    return is_regex(f) || f->kind == F_SUBPATH || f->kind == F_PREFIX || f->kind == F_LITERAL || f->kind == F_NAME ||
           f->kind == F_NAME_PREFIX;
}

/* f as a pattern of l (added when new): its index + 1, or 0 when f is not a pattern */
static size_t add_pattern(arena *a, patterns *l, const sfilter *f, int side, int changed, int confined)
{
    int name = f->kind == F_NAME || f->kind == F_NAME_PREFIX || f->kind == F_NAME_REGEX;
    if (!is_pattern(f)) return 0;
    if (name && f->ns == SNS_LOCAL) name = 2;
    /* the key: the kind in decimal, then the text (looked up in a buffer
     * on the stack, kept only when new) */
    char tmp[256];
    size_t kl = f->len + 4;
    char *key = kl <= sizeof tmp ? tmp : arena_alloc(a, kl);
    size_t kp = 0;
    if (name == 2) key[kp++] = 'l';      /* a local name's pattern is not a global one's */
    if ((int)f->kind >= 10) key[kp++] = (char)('0' + (int)f->kind / 10);
    key[kp++] = (char)('0' + (int)f->kind % 10);
    size_t tl = f->len ? strnlen(f->str, f->len) : 0;      /* as "%.*s" would */
    if (tl) memcpy(key + kp, f->str, tl);
    kl = kp + tl;
    size_t had = (size_t)hm_get(&l->at, key, kl);
    if (had) {
        l->v[had - 1].sides |= 1 << side;
        l->v[had - 1].in_changed |= changed;
        l->v[had - 1].free_use |= !confined;
        return had;
    }
    if (key == tmp) key = arena_strndup(a, tmp, kl);
    pattern p = { f, 0, f->kind == F_LITERAL || f->kind == F_NAME, 0, NULL, name, 1 << side, changed, 0, 0, !confined, NULL, 0 };
    if (is_regex(f)) {
        char *st = arena_alloc(a, f->len + 1);
        p.nstart = anchored(f->str, f->len) ? diff_literal_start(f->str, f->len, st) : 0;
        p.start = st;
    } else {
        p.is_scope = 1;       /* its regex is made when a walk needs it */
        p.start = f->str;     /* the filter's text, which outlives the walk */
        p.nstart = f->len;
    }
    l->v = arena_grow(a, l->v, l->n, l->cap, sizeof *l->v);
    l->cap = arena_grow_cap(l->n, l->cap);
    l->v[l->n++] = p;
    hm_put(&l->at, key, kl, (void *)l->n);   /* an index: the array moves as it grows */
    return l->n;
}

/* confined: f is inside a require-all with a literal */
/* a scope's text as a regex: a subpath's also matches below it; NULL when
 * it cannot be compiled (the scope is then not walked) */
static const sb_regex *scope_of(arena *a, pattern *p)
{
    if (!p->tried) {
        const sfilter *f = p->f;
        int sub = f->kind == F_SUBPATH && !(f->len == 1 && f->str[0] == '/');
        p->scope = text_regex(a, f->str, f->len, p->exact ? "$" : sub ? "(/|$)" : "");
        p->tried = 1;
    }
    return p->scope;
}

static void gather(arena *a, const sfilter *f, int side, int changed, patterns *l, int confined)
{
    if (!f) return;
    add_pattern(a, l, f, side, changed, confined);
    if (f->kind == F_ALL)
        for (int i = 0; i < f->nkids && !confined; i++) confined = f->kids[i] && f->kids[i]->kind == F_LITERAL;
    for (int i = 0; i < f->nkids; i++) gather(a, f->kids[i], side, changed, l, confined);
}

/* The anchors of a filter: patterns such that every object it matches is
 * matched by one of them (out[0..*n), at most cap).  A pattern is its own
 * anchor; a require-all is anchored by any one of its parts that is, a
 * require-any by the anchors of all of its parts.  0 when there are none
 * (no filter, a require-not, a vnode type, an address: objects no pattern
 * bounds). */
#define ANCHORS_MAX 64

static int anchors(const sfilter *f, const sfilter **out, size_t *n, size_t cap, int depth)
{
    if (!f || depth > 64) return 0;
    if (is_pattern(f)) {
        if (*n == cap) return 0;
        out[(*n)++] = f;
        return 1;
    }
    size_t n0 = *n;
    if (f->kind == F_ALL) {
        /* the part with the fewest anchors */
        size_t best = 0, bn = 0;
        const sfilter *tmp[ANCHORS_MAX];
        for (int i = 0; i < f->nkids; i++) {
            size_t k = 0;
            if (!anchors(f->kids[i], tmp, &k, cap - n0 < ANCHORS_MAX ? cap - n0 : ANCHORS_MAX, depth + 1)) continue;
            if (!bn || k < bn) { bn = k; best = (size_t)i; }
        }
        if (!bn) return 0;
        return anchors(f->kids[best], out, n, cap, depth + 1);
    }
    if (f->kind == F_ANY && f->nkids) {
        for (int i = 0; i < f->nkids; i++)
            if (!anchors(f->kids[i], out, n, cap, depth + 1)) { *n = n0; return 0; }
        return 1;
    }
    return 0;
}

/* A rule as text: its action, operation and filter tree.  Two sides that
 * hold the same regexes may still use them differently (a deny by
 * "^/a/[bc][^/]*$" dropped while an allow by it stays): the regexes of a
 * rule one side has and the other has not are changed too. */
static void key_int(strbuf *b, long v) { sb_add(b, (const char *)&v, sizeof v); }

/* written as bytes, each text after its length: two keys are equal when
 * the rules are */
static void filter_key(strbuf *b, const sfilter *f, int depth)
{
    if (!f || depth > 64) { sb_putc(b, '-'); return; }
    sb_putc(b, '(');
    key_int(b, (long)f->kind);
    key_int(b, (long)f->ns);
    key_int(b, (long)f->remote);
    key_int(b, (long)f->len);
    sb_add(b, f->str ? f->str : "", f->len);
    key_int(b, f->proto ? (long)f->nproto : -1);
    if (f->proto) sb_add(b, f->proto, f->nproto);
    /* the text is the first regex's; the others by their automata */
    key_int(b, (long)f->nres);
    for (int i = 1; i < f->nres; i++) {
        const sb_regex *re = f->res[i];
        if (!re) { key_int(b, -1); continue; }
        key_int(b, (long)re->n);
        key_int(b, (long)re->start);
        for (int k = 0; k < re->n; k++) {
            const nstate *st = &re->st[k];
            key_int(b, (long)st->op << 8 | st->c);
            if (st->op == N_CLASS) sb_add(b, (const char *)re->cls[st->cls].b, sizeof re->cls[st->cls].b);
            key_int(b, (long)st->x);
            key_int(b, (long)st->y);
        }
    }
    for (int i = 0; i < f->nkids; i++) filter_key(b, f->kids[i], depth + 1);
    sb_putc(b, ')');
}

static void rule_key_in(strbuf *b, const sb_rule *r)
{
    sb_reset(b);
    key_int(b, (long)r->action);
    key_int(b, (long)r->op);
    size_t ll = r->leaves ? strlen(r->leaves) : 0;
    key_int(b, (long)ll);
    if (ll) sb_add(b, r->leaves, ll);
    filter_key(b, r->filter, 0);
}

void diff_rule_key(strbuf *b, const sb_rule *r) { rule_key_in(b, r); }

static int has_pattern(const sfilter *f, int depth)
{
    if (!f || depth > 64) return 0;
    if (is_regex(f)) return 1;
    for (int i = 0; i < f->nkids; i++) if (has_pattern(f->kids[i], depth + 1)) return 1;
    return 0;
}

/* 1 when both sides decide by the same rules in the same order for each
 * operation: the SBPL evaluator decides a request by the last rule of its
 * operation (then of the operation above) that matches, so two such
 * policies decide every request alike, and no walk can find a path that
 * tells them apart.  A side answered by buckle's decider is read through
 * its compiled SBPL, as by the walks; a side with raw or verbatim SBPL
 * blocks answers from more than its policy, and is never the same here. */
static int same_rules(diff_side *const *sides)
{
    for (int k = 0; k < 2; k++) {
        const diff_side *d = sides[k];
        if (vb_live(d) || (!d->is_sb && (!d->x || crosscheck_has_raw(d->x)))) return 0;
        if (!d->pol->by_op_start || d->pol->nops != sides[0]->pol->nops) return 0;
    }
    const sb_policy *a = sides[0]->pol, *b = sides[1]->pol;
    if (a->n != b->n) return 0;
    strbuf ka, kb;
    sb_init(&ka);
    sb_init(&kb);
    int same = 1;
    for (int op = 0; op < a->nops && same; op++) {
        size_t ab = a->by_op_start[op], ae = a->by_op_start[op + 1], bb = b->by_op_start[op];
        if (ae - ab != b->by_op_start[op + 1] - bb) { same = 0; break; }
        for (size_t i = 0; i < ae - ab && same; i++) {
            rule_key_in(&ka, a->sorted[ab + i]);
            rule_key_in(&kb, b->sorted[bb + i]);
            same = ka.len == kb.len && !memcmp(ka.data, kb.data, ka.len);
        }
    }
    sb_free(&ka);
    sb_free(&kb);
    return same;
}

/* the patterns of f (gathered already) are in a rule with no anchors */
static void mark_loose(arena *a, patterns *l, const sfilter *f, int side, int depth)
{
    if (!f || depth > 64) return;
    size_t i = add_pattern(a, l, f, side, 0, 1);
    if (i) l->v[i - 1].loose = 1;
    for (int k = 0; k < f->nkids; k++) mark_loose(a, l, f->kids[k], side, depth + 1);
}

/* 1 when filter_key writes the same bytes for a and b (at this depth),
 * without writing them */
static int same_filter(const sfilter *a, const sfilter *b, int depth)
{
    int ea = !a || depth > 64, eb = !b || depth > 64;
    if (ea || eb) return ea && eb;
    if (a->kind != b->kind || a->ns != b->ns || a->remote != b->remote || a->len != b->len) return 0;
    if ((a->len && memcmp(a->str ? a->str : "", b->str ? b->str : "", a->len)) || !a->proto != !b->proto) return 0;
    if (a->proto && (a->nproto != b->nproto || memcmp(a->proto, b->proto, a->nproto))) return 0;
    if (a->nres != b->nres || a->nkids != b->nkids) return 0;
    for (int i = 1; i < a->nres; i++) {
        const sb_regex *x = a->res[i], *y = b->res[i];
        if (!x || !y) { if (x || y) return 0; continue; }
        if (x == y) continue;
        if (x->n != y->n || x->start != y->start) return 0;
        for (int k = 0; k < x->n; k++) {
            const nstate *s = &x->st[k], *t = &y->st[k];
            if (s->op != t->op || s->c != t->c || s->x != t->x || s->y != t->y) return 0;
            if (s->op == N_CLASS && memcmp(x->cls[s->cls].b, y->cls[t->cls].b, sizeof x->cls[s->cls].b)) return 0;
        }
    }
    for (int i = 0; i < a->nkids; i++) if (!same_filter(a->kids[i], b->kids[i], depth + 1)) return 0;
    return 1;
}

/* 1 when rule_key_in writes the same bytes for a and b */
static int same_rule(const sb_rule *a, const sb_rule *b)
{
    size_t la = a->leaves ? strlen(a->leaves) : 0, lb = b->leaves ? strlen(b->leaves) : 0;
    return a->action == b->action && a->op == b->op && la == lb && (!la || !memcmp(a->leaves, b->leaves, la)) &&
           same_filter(a->filter, b->filter, 0);
}

/* 1 when rule i of side k (one with a pattern) is also a rule of the other
 * side: one whose key hashes alike and that same_rule says is */
static int in_other(diff_side *const *sides, const hashmap *heads, uint64_t *const *khash, size_t *const *next, int k,
                    size_t i)
{
    const sb_rule *r = sides[k]->pol->rules[i];
    for (size_t j = (size_t)hm_get((hashmap *)&heads[!k], (const char *)&khash[k][i], sizeof khash[k][i]); j;
         j = next[!k][j - 1])
        if (same_rule(r, sides[!k]->pol->rules[j - 1])) return 1;
    return 0;
}

/* the patterns of both sides' rules, with those of their verbatim blocks */
static void gather_sides(arena *a, diff_side *const *sides, patterns *l)
{
    /* each rule with a pattern by the hash of its key (rule_key_in, written
     * once and dropped); a rule of one side is the same as one of the
     * other whose key hashes alike and that same_rule says is */
    hashmap heads[2];         /* a hash's 8 bytes -> 1 + the first rule with it */
    uint64_t *khash[2];
    size_t *next[2];          /* 1 + the next rule with the same hash, or 0 */
    unsigned char *has[2];
    arena ka;
    arena_init(&ka);
    strbuf kb;
    sb_init(&kb);
    for (int k = 0; k < 2; k++) {
        size_t n = sides[k]->pol->n;
        hm_init(&heads[k]);
        khash[k] = arena_alloc(&ka, (n + 1) * sizeof *khash[k]);
        next[k] = arena_alloc(&ka, (n + 1) * sizeof *next[k]);
        has[k] = arena_alloc(&ka, n + 1);
        for (size_t i = 0; i < n; i++) {
            const sb_rule *r = sides[k]->pol->rules[i];
            if (!has_pattern(r->filter, 0)) continue;
            has[k][i] = 1;
            rule_key_in(&kb, r);
            khash[k][i] = hm_hash(kb.data ? kb.data : "", kb.len);
            const char *hk = (const char *)&khash[k][i];
            next[k][i] = (size_t)hm_get(&heads[k], hk, sizeof khash[k][i]);
            hm_set(&heads[k], hk, sizeof khash[k][i], (void *)(i + 1));
        }
    }
    /* the last match decides: between two .sb sides, the rules with
     * patterns both have, in another order, from the first out of place to
     * the last, count as changed (their patterns are walked together).  A
     * .buckle's compiled order is its own (by specificity): beside an .sb
     * it would mark most rules, and the walks would reach their bound */
    unsigned char *moved[2];
    size_t *at[2], nat[2] = { 0, 0 };
    for (int k = 0; k < 2; k++) {
        size_t n = sides[k]->pol->n;
        moved[k] = arena_alloc(a, n + 1);
        at[k] = arena_alloc(a, (n + 1) * sizeof *at[k]);
        for (size_t i = 0; i < n; i++)
            if (has[k][i] && in_other(sides, heads, khash, next, k, i)) at[k][nat[k]++] = i;
    }
    size_t lo = 0, hi0 = nat[0], hi1 = nat[1];
    if (!sides[0]->is_sb || !sides[1]->is_sb) hi0 = hi1 = 0;
    while (lo < hi0 && lo < hi1 && same_rule(sides[0]->pol->rules[at[0][lo]], sides[1]->pol->rules[at[1][lo]])) lo++;
    while (hi0 > lo && hi1 > lo && same_rule(sides[0]->pol->rules[at[0][hi0 - 1]], sides[1]->pol->rules[at[1][hi1 - 1]])) { hi0--; hi1--; }
    for (size_t i = lo; i < hi0; i++) moved[0][at[0][i]] = 1;
    for (size_t i = lo; i < hi1; i++) moved[1][at[1][i]] = 1;
    for (int k = 0; k < 2; k++) {
        const diff_side *d = sides[k];
        for (size_t i = 0; i < d->pol->n; i++) {
            const sb_rule *r = d->pol->rules[i];
            int changed = has[k][i] && (moved[k][i] || !in_other(sides, heads, khash, next, k, i));
            const sfilter *anc[ANCHORS_MAX];
            size_t nanc = 0;
            int anchored = changed && anchors(r->filter, anc, &nanc, ANCHORS_MAX, 0);
            gather(a, r->filter, k, changed, l, 0);
            for (size_t j = 0; j < nanc && anchored; j++) l->v[add_pattern(a, l, anc[j], k, 0, 1) - 1].anchor = 1;
            if (changed && !anchored) mark_loose(a, l, r->filter, k, 0);
        }
        if (vb_live(d))
            for (size_t i = 0; i < d->vb->pol->n; i++)
                if (vb_from_block(d->vb, d->vb->pol->rules[i])) gather(a, d->vb->pol->rules[i]->filter, k, 0, l, 0);
    }
    hm_free(&heads[0]);
    hm_free(&heads[1]);
    sb_free(&kb);
    arena_free(&ka);
}

static void atom_path(void *ctx, const char *p, size_t n) { add_obj(ctx, p, n); }
static void atom_name(void *ctx, const char *p, size_t n) { add_kind(ctx, p, n, K_NAME); }
static void atom_local(void *ctx, const char *p, size_t n)
{
    objset *s = ctx;
    char *t = arena_alloc(s->a, n + 7);
    memcpy(t, "local:", 6);
    memcpy(t + 6, p, n);
    add_kind(s, t, n + 6, K_NAME);
}

/* where a walk over patterns of kind name (pattern.name) puts its subjects */
static void (*atom_of(int name))(void *, const char *, size_t)
{
    return name == 2 ? atom_local : name ? atom_name : atom_path;
}

/* two literal starts either of which may be the other's beginning */
static int starts_meet(const char *x, size_t nx, const char *y, size_t ny)
{
    size_t k = nx < ny ? nx : ny;
    return memcmp(x, y, k) == 0;
}

static int meet(const pattern *x, const pattern *y) { return starts_meet(x->start, x->nstart, y->start, y->nstart); }

/* A pattern is changed when the other side has none of the same kind and
 * text.  The decision of a path (name) is a function of which patterns
 * match it, so the cells of the partition that every pattern of both sides
 * induces, one subject each, compare the two exactly; a difference needs a
 * changed pattern to match (else both sides see the same patterns, which
 * add_rule_pairs covers where a rule of theirs changed).  So the changed
 * patterns (regexes, scopes and literals) are walked together with every
 * pattern whose start meets one of theirs, and a subject of each cell that
 * holds a changed one is asked (add_atoms): a third rule that decides one
 * subject of a combination alike on both sides (a prefix inside a regex's
 * class) is a pattern of the walk, so the cell without it has its own
 * subject; a scope below which nothing else is said has one subject deeper
 * than every other pattern; a regex added beside a literal it also matches
 * has a subject the literal does not.  1 when every cell was reached.
 * Under a set of values (diff_run_near) a walk that reaches its bound is
 * walked again over the paths near those the values move only, leaving out
 * patterns used in a require-all with a literal. */
typedef struct regexes { const sb_regex **v; unsigned char *changed; size_t n, cap; int all; } regexes;

#define ATOM_SCOPES_MAX 4096   /* scopes and literals walked with the changed patterns */
#define RULE_CELLS_MAX 2000    /* states of the walk of a regex in a changed rule (rule_cells) */

static void pick_one(arena *a, regexes *g, const sb_regex *re, int changed)
{
    g->changed = arena_grow(a, g->changed, g->n, g->cap, 1);
    g->v = arena_grow(a, g->v, g->n, g->cap, sizeof *g->v);
    g->cap = arena_grow_cap(g->n, g->cap);
    g->changed[g->n] = (unsigned char)changed;
    g->v[g->n++] = re;
}

/* on one side only */
static int changed_pattern(const pattern *p) { return p->sides != 3; }

/* the patterns of paths (names) walked together: those changed, with those
 * whose start meets one of theirs; free_only: those used outside a
 * require-all with a literal only.  g->all is 0 when some are left out
 * (more than the bounds, or a changed scope that cannot be made a regex) */
static void pick(arena *a, patterns *l, int name, int free_only, regexes *g)
{
    memset(g, 0, sizeof *g);
    g->all = 1;
    const pattern **ch = arena_alloc(a, (l->n + 1) * sizeof *ch);
    size_t nch = 0, nre = 0, nsc = 0;
    for (size_t i = 0; i < l->n; i++) {
        const pattern *p = &l->v[i];
        if (p->name == name && (!free_only || p->free_use) && changed_pattern(p)) ch[nch++] = p;
    }
    if (!nch) return;
    for (size_t i = 0; i < l->n && g->all; i++) {
        pattern *p = &l->v[i];
        if (p->name != name || (free_only && !p->free_use)) continue;
        int changed = changed_pattern(p), take = changed;
        for (size_t j = 0; j < nch && !take; j++) take = meet(p, ch[j]);
        if (!take) continue;
        if (p->is_scope) {
            const sb_regex *re = scope_of(a, p);
            if (!re) { if (changed) g->all = 0; continue; }
            if (nsc++ == ATOM_SCOPES_MAX) { g->all = 0; break; }
            pick_one(a, g, re, changed);
            continue;
        }
        for (int r = 0; r < p->f->nres; r++) {
            if (!p->f->res[r]) continue;
            if (nre++ == ATOM_REGEXES_MAX) { g->all = 0; break; }
            pick_one(a, g, p->f->res[r], changed);
        }
    }
}

static int add_atoms(objset *s, patterns *l)
{
    int whole = 1;
    for (int name = 0; name < 3; name++) {
        if (s->near && name) break;            /* only paths are asked there */
        regexes g;
        /* under a set of values, over the paths near those the values
         * move only (no other is asked), leaving out patterns used in a
         * require-all with a literal */
        pick(s->a, l, name, s->near != NULL, &g);
        sb_atoms_opts o = { .path = !name, .max_states = 50000, .must = g.changed, .near = s->near, .nnear = s->nnear };
        if (g.n && !sb_regex_atoms(g.v, g.n, &o, atom_of(name), s)) g.all = 0;
        if (!g.all) whole = 0;
    }
    return whole;
}

/* one of start and a path of s->near begins the other */
static int meets_near(const objset *s, const pattern *p)
{
    for (size_t i = 0; i < s->nnear; i++)
        if (starts_meet(p->start, p->nstart, s->near[i], strlen(s->near[i]))) return 1;
    return 0;
}

/* Two sides that hold the same regexes may use them differently: a deny
 * by "^/a/[bc][^/]*$" dropped while an allow by it stays.  A regex in a
 * rule one side has and the other has not (and that add_atoms did not
 * walk) is walked with each regex its literal start meets, two at a time:
 * a path both match, one only, the other only.  1 when every pair was
 * walked within the bound */
/* p with every pattern of its kind that meets it (regexes, scopes,
 * literals), in one walk: a subject of each combination that holds p.  1
 * when every one was reached */
static int rule_cells(objset *s, patterns *l, pattern *p, size_t max_states)
{
    if (p->is_scope && !scope_of(s->a, p)) return 0;
    regexes g;
    memset(&g, 0, sizeof g);
    size_t nre = 0, nsc = 0;
    for (size_t j = 0; j < l->n; j++) {
        pattern *q = &l->v[j];
        if (q->name != p->name || (q != p && !meet(p, q))) continue;
        if (q->is_scope) {
            const sb_regex *re = scope_of(s->a, q);
            if (!re) continue;
            if (nsc++ == ATOM_SCOPES_MAX) return 0;
            pick_one(s->a, &g, re, q == p);
            continue;
        }
        for (int r = 0; r < q->f->nres; r++) {
            if (!q->f->res[r]) continue;
            if (nre++ == ATOM_REGEXES_MAX) return 0;
            pick_one(s->a, &g, q->f->res[r], q == p);
        }
    }
    sb_atoms_opts o = { .path = !p->name, .max_states = max_states, .must = g.changed, .near = s->near, .nnear = s->nnear };
    return sb_regex_atoms(g.v, g.n, &o, atom_of(p->name), s);
}

static int add_rule_pairs(objset *s, patterns *l, int anchored, int strict)
{
    size_t walks = 0;
    int whole = 1;
    const sb_regex *grp[2];
    for (size_t i = 0; i < l->n; i++) {
        pattern *p = &l->v[i];
        if (p->is_scope || !p->in_changed || p->sides != 3) continue;
        if (!p->loose && anchored) continue;      /* its rules' anchors were walked whole */
        if (s->near && (p->name || (p->nstart && !meets_near(s, p)))) continue;
        /* cut at its bound: the pairs below still; for a rule with no
         * anchors a combination of three patterns or more is not ruled
         * out then */
        if (rule_cells(s, l, p, RULE_CELLS_MAX)) continue;
        if (p->loose) whole = 0;
        else if (strict) continue;      /* the answer is "cannot compare" at best */
        for (size_t j = 0; j < l->n; j++) {
            const pattern *g = &l->v[j];
            if (j == i || g->is_scope || g->name != p->name || !meet(p, g)) continue;
            if (g->in_changed && g->sides == 3 && j < i) continue;     /* that pair was walked from g */
            for (int a = 0; a < p->f->nres; a++)
                for (int b = 0; b < g->f->nres; b++) {
                    if (!p->f->res[a] || !g->f->res[b]) continue;
                    if (++walks > ATOM_WALKS_MAX) return 0;
                    grp[0] = p->f->res[a];
                    grp[1] = g->f->res[b];
                    sb_atoms_opts o = { .path = !p->name, .max_states = 20000 };
                    if (!sb_regex_atoms(grp, 2, &o, atom_of(p->name), s)) return 0;
                }
        }
    }
    return whole;
}

#define ANCHOR_CELLS_MAX 20000   /* states of the walks of a changed rule (add_anchor_cells, loose_cells) */

/* A rule that the other side has not and that has no anchors may decide
 * any object: every pattern of the kind it uses is walked, one object of
 * each combination asked.  1 when each such walk reached all of them. */
static int loose_cells(objset *s, patterns *l)
{
    int whole = 1;
    for (int name = 0; name < 3; name++) {
        if (s->near && name) break;            /* only paths are asked there */
        size_t i = 0;
        while (i < l->n && !(l->v[i].loose && l->v[i].name == name)) i++;
        if (i == l->n) continue;
        regexes g;
        memset(&g, 0, sizeof g);
        size_t nre = 0, nsc = 0;
        int all = 1;
        for (size_t j = 0; j < l->n && all; j++) {
            pattern *q = &l->v[j];
            if (q->name != name) continue;
            if (q->is_scope) {
                const sb_regex *re = scope_of(s->a, q);
                if (!re || nsc++ == ATOM_SCOPES_MAX) all = 0;
                else pick_one(s->a, &g, re, 0);
                continue;
            }
            for (int r = 0; r < q->f->nres && all; r++) {
                if (!q->f->res[r]) continue;
                if (nre++ == ATOM_REGEXES_MAX) all = 0;
                else pick_one(s->a, &g, q->f->res[r], 0);
            }
        }
        sb_atoms_opts o = { .path = !name, .max_states = ANCHOR_CELLS_MAX, .near = s->near, .nnear = s->nnear };
        if (!all || (g.n && !sb_regex_atoms(g.v, g.n, &o, atom_of(name), s))) whole = 0;
    }
    return whole;
}

/* A rule that the other side has not decides, if anything, only objects
 * its anchors match: each anchor is walked with every pattern that meets
 * it, and an object of each combination that holds the anchor is asked.
 * Inside an anchor the patterns that do not meet it never match, so those
 * combinations are every way the two sides can tell its objects apart.  1
 * when every walk reached all of them within the bound. */
static int add_anchor_cells(objset *s, patterns *l)
{
    for (size_t i = 0; i < l->n; i++) {
        pattern *p = &l->v[i];
        /* a pattern on one side only is walked with the changed ones
         * (add_atoms), every combination that holds it */
        if (!p->anchor || changed_pattern(p)) continue;
        if (s->near && (p->name || (p->nstart && !meets_near(s, p)))) continue;
        /* past the bound the walks of every changed rule's regexes run
         * (add_rule_pairs): no other anchor needs its own */
        if (!rule_cells(s, l, p, ANCHOR_CELLS_MAX)) return 0;
    }
    return 1;
}

/* each regex with every subpath and prefix that meets it, in one walk:
 * scopes along one path nest, so the regexes matched on the way form a
 * chain and the walk stays small; regexes with each other only where one
 * changed (add_atoms).  diff_run_near asks only paths near its own: a
 * pattern whose start meets none of them adds nothing. */
static int add_pairs(objset *s, patterns *l)
{
    pattern **v = arena_alloc(s->a, (l->n + 1) * sizeof *v);
    size_t n = 0;
    for (size_t i = 0; i < l->n; i++)
        if (!s->near || (!l->v[i].name && (!l->v[i].nstart || meets_near(s, &l->v[i])))) v[n++] = &l->v[i];
    int whole = 1;
    size_t walks = 0;
    const sb_regex **grp = arena_alloc(s->a, (ATOM_GROUP_MAX + 1) * sizeof *grp);
    for (size_t i = 0; i < n && whole; i++) {
        if (v[i]->is_scope) continue;
        for (int r = 0; r < v[i]->f->nres && whole; r++) {
            if (!v[i]->f->res[r]) continue;
            size_t ng = 0;
            grp[ng++] = v[i]->f->res[r];
            for (size_t j = 0; j <= n; j++) {
                int last = j == n;
                if (!last) {
                    if (!v[j]->is_scope || v[j]->exact || v[j]->name != v[i]->name || !meet(v[i], v[j]) || !scope_of(s->a, v[j])) continue;
                    grp[ng++] = v[j]->scope;
                }
                if ((last && ng > 1) || ng == ATOM_GROUP_MAX + 1) {
                    if (++walks > ATOM_WALKS_MAX) { whole = 0; break; }
                    sb_atoms_opts o = { .path = !v[i]->name, .max_states = 20000 };
                    if (!sb_regex_atoms(grp, ng, &o, atom_of(v[i]->name), s)) whole = 0;
                    ng = 1;
                }
            }
        }
    }
    return whole;
}

/* The addresses of one protocol ((remote tcp4 "*:443"), (local udp ...),
 * (remote unix-socket ...)): a request carries no protocol, so such a rule
 * on one side only is a change no request shows.  The first, or NULL. */
static void proto_keys(arena *a, const sfilter *f, hashmap *h, const char **first, int depth)
{
    if (!f || depth > 64) return;
    if (f->proto && !(f->nproto == 2 && !memcmp(f->proto, "ip", 2))) {
        char *k = arena_printf(a, "(%s %.*s \"%.*s\")", f->remote ? "remote" : "local", (int)f->nproto, f->proto,
                               (int)f->len, f->str);
        hm_put(h, k, strlen(k), k);
        if (!*first) *first = k;
    }
    for (int i = 0; i < f->nkids; i++) proto_keys(a, f->kids[i], h, first, depth + 1);
}

static const char *proto_only(arena *a, diff_side *const *sides)
{
    hashmap h[2];
    const char *first[2] = { NULL, NULL };
    const char *res = NULL;
    for (int k = 0; k < 2; k++) {
        hm_init(&h[k]);
        for (size_t i = 0; i < sides[k]->pol->n; i++) proto_keys(a, sides[k]->pol->rules[i]->filter, &h[k], &first[k], 0);
    }
    for (int k = 0; k < 2 && !res; k++)
        for (size_t i = 0; i < h[k].cap && !res; i++) {
            const hm_slot *sl = &h[k].slots[i];
            if (!sl->hash || hm_get(&h[!k], sl->key, sl->klen)) continue;
            res = arena_printf(a, "the %s side has %.*s, an address of one protocol, which the other has not, and "
                               "requests do not say their protocol", k ? "new" : "old", (int)sl->klen, sl->key);
        }
    hm_free(&h[0]);
    hm_free(&h[1]);
    return res;
}

void diff_run(diff_result *r, diff_side *old, diff_side *nw) { diff_run_near(r, old, nw, NULL, 0); }

/* The policies the requests go to, each once, given a memo of its regex
 * results for the path asked about (every operation of one object is
 * asked in a row): pols[0..n) are those that had none, for memo_end. */
typedef struct memos { sb_policy *pols[6]; size_t n; } memos;

static void memo_one(memos *m, sb_policy *p)
{
    if (!p || p->memo) return;
    p->memo = sbpl_memo_new();
    m->pols[m->n++] = p;
}

static void memo_begin(memos *m, diff_side *const *sides)
{
    m->n = 0;
    for (int k = 0; k < 2; k++) {
        memo_one(m, sides[k]->pol);
        if (sides[k]->x) memo_one(m, sides[k]->x->pol);
        if (sides[k]->vb) memo_one(m, sides[k]->vb->pol);
    }
}

static void memo_end(memos *m)
{
    for (size_t i = 0; i < m->n; i++) {
        sbpl_memo_free(m->pols[i]->memo);
        m->pols[i]->memo = NULL;
    }
    m->n = 0;
}

void diff_run_near(diff_result *r, diff_side *old, diff_side *nw, const char *const *near, size_t nnear)
{
    memset(r, 0, sizeof *r);
    arena_init(&r->a);
    /* the objects and patterns in an arena of their own, freed before the
     * answer is returned: the answer keeps its texts (r->a) only */
    arena work;
    arena_init(&work);
    objset s;
    memset(&s, 0, sizeof s);
    s.a = &work;
    s.near = near;
    s.nnear = nnear;
    hm_init(&s.seen);
    hm_init(&s.collected);
    diff_side *sides[2] = { old, nw };
    for (int k = 0; k < 2; k++) {
        for (size_t i = 0; i < sides[k]->pol->n; i++) collect(&s, sides[k]->pol->rules[i]->filter);
        if (vb_live(sides[k]))
            for (size_t i = 0; i < sides[k]->vb->pol->n; i++)
                if (vb_from_block(sides[k]->vb, sides[k]->vb->pol->rules[i])) collect(&s, sides[k]->vb->pol->rules[i]->filter);
    }
    hm_free(&s.collected);
    add_path(&s, "/", 1);
    add_tails(&s);
    /* the same rules in the same order: no path tells the sides apart,
     * and nothing is walked (the objects they name are asked still) */
    if (!same_rules(sides)) {
        patterns pats = { 0 };
        hm_init(&pats.at);
        gather_sides(s.a, sides, &pats);
        hm_free(&pats.at);
        if (!add_atoms(&s, &pats)) r->atoms_partial = 1;
        if (!loose_cells(&s, &pats)) r->rules_partial = 1;
        /* an anchor's walk cut at its bound: the walks of the changed
         * rules' regexes below may still find a change, but a combination
         * past the bound is not ruled out (for diff, never "the same";
         * import's check keeps its walks two at a time) */
        int anchored = add_anchor_cells(&s, &pats), strict = old->strict || nw->strict;
        if (!anchored && strict) r->rules_partial = 1;
        if (!add_rule_pairs(&s, &pats, anchored, strict)) r->rules_partial = 1;
        if (!add_pairs(&s, &pats)) r->atoms_partial = 1;
    }
    r->protocols = proto_only(&r->a, sides);
    /* what every profile can be asked whatever it names: each process
     * target, an address and port no rule is likely to name, and the
     * request with no object (an unfiltered rule's, for the operations that
     * take names or nothing) */
    for (size_t i = 0; sb_target_at(i); i++) add_kind(&s, sb_target_at(i), strlen(sb_target_at(i)), K_TARGET);
    add_kind(&s, "localhost:9", 11, K_IP);
    add_kind(&s, "192.0.2.9:9", 11, K_IP);
    add_kind(&s, "", 0, K_NONE);
    r->objects = s.n;
    int nops = ops_count();
    int *kinds = arena_alloc(s.a, (size_t)nops * sizeof *kinds);
    for (int op = 0; op < nops; op++) kinds[op] = op_get(op)->concrete ? op_kind(op) : -1;
    hashmap groups;
    hm_init(&groups);
    if (s.nvn) {   /* and a type no rule names */
        for (size_t t = 0; sb_vnode_type_at(t); t++) {
            const char *type = sb_vnode_type_at(t);
            size_t v = 0;
            while (v < s.nvn && strcmp(s.vn[v], type)) v++;
            if (v == s.nvn) { push_tail(s.a, &s.vn, &s.nvn, &s.vcap, type, strlen(type)); break; }
        }
    }
    /* rules of directories and symbolic links only (a final pattern's
     * ancestors): every path is asked as a directory too, for their
     * operations */
    opset hops = { { 0 } };
    const diff_side *both[2] = { old, nw };
    for (int i = 0; i < 2; i++) {
        const diff_side *d = both[i];
        if (d->is_sb || !d->x || !d->x->holders) continue;
        for (size_t k = 0; k < d->x->c->pol.rules.n; k++) {
            const rule *hr = d->x->c->pol.rules.v[k];
            if (!hr->m.holder) continue;
            for (size_t w = 0; w < OPS_MAX / 64; w++) hops.w[w] |= hr->covers->w[w];
        }
    }
    cmp_ctx cx = { r, &groups, old, nw, 0, 0, NULL };
    memos mm;
    memo_begin(&mm, sides);
    for (size_t i = 0; i < s.n; i++) {
        const obj *o = &s.v[i];
        for (int op = 0; op < nops; op++) {
            int k = kinds[op];
            if (k < 0) continue;
            int asked = o->kind == k || (o->kind == K_PATH && k == K_IP) || (o->kind == K_NONE && k == K_NAME);
            if (!asked) continue;
            sb_request q = { op, o->s, o->n, OBJ_PATH, SNS_OTHER, NULL };
            request_kind_for_op(op, o->n ? o->s : "", &q);
            if (o->kind == K_NAME && o->n > 6 && !memcmp(o->s, "local:", 6)) {
                if (q.ns != SNS_LOCAL) continue;    /* only mach services are local */
                q.obj = o->s + 6;
                q.len = o->n - 6;
            }
            r->requests++;
            if (q.kind == OBJ_PATH && !q.vnode && opset_has(&hops, op)) {
                sb_request qd = q;
                qd.vnode = "DIRECTORY";
                r->requests++;
                if (compare(&cx, &qd, o) && !r->undecided++) {
                    r->undecided_example = example(&r->a, op, o, qd.vnode);
                    r->undecided_why = arena_printf(&r->a, "%s: %s", cx.why_new ? "new" : "old", cx.why);
                }
            }
            if (compare(&cx, &q, o) && s.nvn && q.kind == OBJ_PATH) {
                /* a vnode-type filter decides: asked for each type named
                 * and one more, each answer compared */
                int und = 0;
                for (size_t v = 0; v < s.nvn && !und; v++) {
                    q.vnode = s.vn[v];
                    und = compare(&cx, &q, o);
                }
                q.vnode = NULL;
                if (!und) continue;
            } else if (!cx.und) {
                continue;
            }
            if (!r->undecided++) {
                r->undecided_example = example(&r->a, op, o, q.vnode);
                r->undecided_why = arena_printf(&r->a, "%s: %s", cx.why_new ? "new" : "old", cx.why);
            }
        }
    }
    memo_end(&mm);
    hm_free(&groups);
    hm_free(&s.seen);
    arena_free(&work);
    /* widenings first; then as found (the objects' order is the rules') */
    for (size_t i = 1; i < r->n; i++) {
        diff_group *g = r->groups[i];
        size_t j = i;
        while (j > 0 && g->widening && !r->groups[j - 1]->widening) { r->groups[j] = r->groups[j - 1]; j--; }
        r->groups[j] = g;
    }
}

void diff_result_free(diff_result *r) { arena_free(&r->a); }

int diff_status(const diff_result *r) { return r->n ? 1 : r->undecided || r->incomplete ? 3 : 0; }

static const char *change_title(const diff_group *g)
{
    if (g->no_sandbox) return g->widening ? "WIDENING allow -> allow with no-sandbox:" : "narrowing allow with no-sandbox -> allow:";
    return g->widening ? "WIDENING deny -> allow:" : "narrowing allow -> deny:";
}

static void render_left_out(strbuf *b, const diff_result *r)
{
    for (size_t i = 0; i < r->nleft_out; i++)
        sb_printf(b, "  left out of both: (import \"%s\"), which cannot be read here (-I DIR gives its directory)\n",
                  r->left_out[i]);
}

void diff_render_text(strbuf *b, const diff_result *r, const char *old_name, const char *new_name)
{
    unsigned long w = 0, n = 0, ns = 0;   /* ns: of those, a change of no-sandbox */
    for (size_t i = 0; i < r->n; i++) {
        if (r->groups[i]->widening) w += r->groups[i]->count; else n += r->groups[i]->count;
        if (r->groups[i]->no_sandbox) ns += r->groups[i]->count;
    }

    if (r->identical) {
        sb_printf(b, "%s -> %s: the same decisions (the same text, read the same way)\n", old_name, new_name);
        return;
    }
    if (!r->n && !r->undecided && !r->incomplete) {
        sb_printf(b, "%s -> %s: the same decisions (%lu requests over %lu objects)\n", old_name, new_name, r->requests, r->objects);
        render_left_out(b, r);
        return;
    }
    if (!r->n && r->undecided)
        sb_printf(b, "%s -> %s: cannot compare: %lu of %lu requests are undecidable; no other request changes\n",
                  old_name, new_name, r->undecided, r->requests);
    else if (!r->n)
        sb_printf(b, "%s -> %s: cannot compare: %s; no other request changes (%lu requests over %lu objects)\n",
                  old_name, new_name, r->incomplete, r->requests, r->objects);
    else
        sb_printf(b, "%s -> %s: %lu request%s widened (%s), %lu narrowed (%s), of %lu over %lu objects\n",
                  old_name, new_name, w, w == 1 ? "" : "s", ns ? "deny -> allow, or no-sandbox added" : "deny -> allow", n,
                  ns ? "allow -> deny, or no-sandbox removed" : "allow -> deny", r->requests, r->objects);
    if (r->values && r->values_alias)
        sb_printf(b, "  with %s: a value through /tmp, /var or /etc (an .sb compares a parameter's value as the "
                  "program passes it, a .buckle the canonical path, /tmp as /private/tmp; under the values given or "
                  "the test values they %s; --canonical-values when the program passes values canonically)\n",
                  r->values, r->values_widen ? "only narrow" : "decide the same");
    else if (r->values)
        sb_printf(b, "  with %s: a value lined up with the paths, names and ports the profiles name (under the values "
                  "given or the test values they %s; -D gives them)\n", r->values,
                  r->values_widen ? "only narrow" : "decide the same");
    if (r->given_alias && r->n)
        sb_printf(b, "  with %s given: a value through /tmp, /var or /etc (an .sb compares it as the program passes "
                  "it, a .buckle as the canonical path, which buckle run passes: -D %s compares them as it runs)\n",
                  r->given_alias, r->given_canon);
    render_left_out(b, r);
    if (r->incomplete && (r->n || r->undecided)) sb_printf(b, "  not compared: %s\n", r->incomplete);
    if (r->undecided)
        sb_printf(b, "  %lu request%s not compared (undecidable), the first: %s (%s)\n", r->undecided,
                  r->undecided == 1 ? "" : "s", r->undecided_example, r->undecided_why);
    for (size_t i = 0; i < r->n; i++) {
        const diff_group *g = r->groups[i];
        sb_printf(b, "\n%s %lu request%s\n", change_title(g), g->count, g->count == 1 ? "" : "s");
        sb_printf(b, "  old: decided by %s\n  new: decided by %s\n", g->old_text, g->new_text);
        for (int k = 0; k < g->nex; k++) sb_printf(b, "    %s\n", g->examples[k]);
        if (g->count > (unsigned long)g->nex) sb_printf(b, "    ... %lu more\n", g->count - (unsigned long)g->nex);
    }
}

char *diff_render_json(const diff_result *r, const char *old_name, const char *new_name)
{
    json_t *root = json_object();
    json_object_set_new(root, "old", json_string(old_name));
    json_object_set_new(root, "new", json_string(new_name));
    json_object_set_new(root, "objects", json_integer((json_int_t)r->objects));
    json_object_set_new(root, "requests", json_integer((json_int_t)r->requests));
    json_object_set_new(root, "same", json_boolean(diff_status(r) == 0));
    if (r->identical) json_object_set_new(root, "identical", json_true());
    if (r->incomplete) json_object_set_new(root, "not_compared", json_string(r->incomplete));
    if (r->values) json_object_set_new(root, "values", json_string(r->values));
    if (r->values && r->values_alias) json_object_set_new(root, "values_alias", json_true());
    if (r->given_alias && r->n) {
        json_object_set_new(root, "given_alias", json_string(r->given_alias));
        json_object_set_new(root, "given_canonical", json_string(r->given_canon));
    }
    json_object_set_new(root, "undecidable", json_integer((json_int_t)r->undecided));
    if (r->undecided) {
        json_object_set_new(root, "undecidable_example", json_string(r->undecided_example));
        json_object_set_new(root, "undecidable_why", json_string(r->undecided_why));
    }
    json_t *lo = json_array();
    for (size_t i = 0; i < r->nleft_out; i++) json_array_append_new(lo, json_string(r->left_out[i]));
    json_object_set_new(root, "left_out_imports", lo);
    json_t *arr = json_array();
    for (size_t i = 0; i < r->n; i++) {
        const diff_group *g = r->groups[i];
        json_t *o = json_object();
        json_object_set_new(o, "change", json_string(g->widening ? "widening" : "narrowing"));
        json_object_set_new(o, "what", json_string(g->no_sandbox ? "no-sandbox" : "decision"));
        json_object_set_new(o, "count", json_integer((json_int_t)g->count));
        json_object_set_new(o, "old", json_string(g->old_text));
        json_object_set_new(o, "new", json_string(g->new_text));
        json_t *ex = json_array();
        for (int k = 0; k < g->nex; k++) json_array_append_new(ex, json_string(g->examples[k]));
        json_object_set_new(o, "examples", ex);
        json_array_append_new(arr, o);
    }
    json_object_set_new(root, "changes", arr);
    char *s = json_dumps(root, JSON_PRESERVE_ORDER | JSON_INDENT(2));
    json_decref(root);
    return s;
}
