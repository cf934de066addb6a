/* decide.c - the decision procedure of docs/reference.md: the most specific covering rule decides, deny wins ties,
 * no candidate means the default. */
#include "decide.h"
#include "param_defaults.h"
#include "expand.h"
#include "overlap.h"
#include "decide_index.h"
#include "patterns.h"
#include "precedence.h"
#include "regex_literals.h"
#include "verbs.h"
#include "../grammar/builtin_params.h"
#include <string.h>

struct decider {
    compilation *c;
    arena a;
    hashmap values;           /* name -> value */
    sb_param *sbpl;
    size_t nsbpl;
    sb_regex **re;            /* per rule id, compiled on first use */
    char *re_done;
    const char **retext;      /* per rule id: a glob's or regex's pattern, values filled in */
    size_t *relen;
    const char **expanded;    /* per rule id: the value with parameters filled in */
    size_t *explen;
    const char **fixed;       /* per rule id: the text every match of a glob or regex starts with, or NULL */
    size_t *fixedlen;
    /* which rules can decide a request (built on the first decision) */
    decide_index *paths;      /* for a path: rules filed under the texts they name */
    size_t *not_path;         /* for another object: the positions of the rules that can match one */
    size_t nnot_path;
    size_t indexed;           /* how many rules the two were built for */
    /* per rule id: whether its glob or regex matches the path hpath, when
     * hit_gen[id] == hgen (every operation on one path asks it again) */
    unsigned *hit_gen;
    unsigned char *hit;
    size_t nhit;              /* their length */
    char *hpath;
    size_t hlen, hcap;
    unsigned hgen;
};

#define TEST_VALUE(name, is_path, value) { name, value },
static const sb_param test_values[] = { BUILTIN_PARAMS(TEST_VALUE) };
#undef TEST_VALUE

const sb_param *test_param_values(size_t *n)
{
    *n = sizeof test_values / sizeof test_values[0];
    return test_values;
}


decider *decider_new(compilation *c, const sb_param *extra, size_t nextra)
{
    decider *d = xcalloc(1, sizeof *d);
    d->c = c;
    arena_init(&d->a);
    hm_init(&d->values);
    for (size_t i = 0; i < 4; i++)
        hm_set(&d->values, test_values[i].name, strlen(test_values[i].name), (void *)test_values[i].value);
    /* the values given (-D, the caller's extra) first: the declared defaults
     * are expanded with them ("~/.cache" under -D HOME=...) and never
     * replace them */
    hashmap given;
    hm_init(&given);
    for (size_t i = 0; i < c->defines.cap; i++) {
        hm_slot *s = &c->defines.slots[i];
        if (s->hash) { hm_set(&d->values, s->key, s->klen, s->val); hm_set(&given, s->key, s->klen, s->val); }
    }
    for (size_t i = 0; i < nextra; i++) {    /* spelled the target's way, like -D */
        const char *v = platform_path(&d->a, compile_platform(c), extra[i].value);
        hm_set(&d->values, extra[i].name, strlen(extra[i].name), (void *)v);
        hm_set(&given, extra[i].name, strlen(extra[i].name), (void *)v);
    }
    /* declared defaults, each parameter they name resolved to any depth
     * (param_defaults.c): from the values above, else its own default */
    for (size_t i = 0; i < c->params.cap; i++) {
        hm_slot *s = &c->params.slots[i];
        if (!s->hash) continue;
        param_decl *p = s->val;
        if (!p->def || hm_gets(&given, p->name)) continue;
        const char *v = param_default_value(&d->a, c, p, &d->values, compile_platform(d->c) == PLAT_LINUX ? TPL_LINUX : 0);
        if (v) hm_set(&d->values, p->name, strlen(p->name), (void *)v);
    }
    hm_free(&given);
    /* parameters for the compiled SBPL */
    sb_param *plain = arena_alloc(&d->a, (d->values.count + 1) * sizeof *plain);
    size_t np = 0;
    for (size_t i = 0; i < d->values.cap; i++) {
        hm_slot *s = &d->values.slots[i];
        if (s->hash) plain[np++] = (sb_param){ arena_strndup(&d->a, s->key, s->klen), s->val };
    }
    d->sbpl = derive_sbpl_params(&d->a, plain, np, &d->nsbpl);
    size_t n = c->pol.rules.n + 1;
    d->re = arena_alloc(&d->a, n * sizeof *d->re);
    d->re_done = arena_alloc(&d->a, n);
    d->retext = arena_alloc(&d->a, n * sizeof *d->retext);
    d->relen = arena_alloc(&d->a, n * sizeof *d->relen);
    d->expanded = arena_alloc(&d->a, n * sizeof *d->expanded);
    d->explen = arena_alloc(&d->a, n * sizeof *d->explen);
    d->fixed = arena_alloc(&d->a, n * sizeof *d->fixed);
    d->fixedlen = arena_alloc(&d->a, n * sizeof *d->fixedlen);
    d->hit_gen = arena_alloc(&d->a, n * sizeof *d->hit_gen);
    d->hit = arena_alloc(&d->a, n);
    d->nhit = n;
    return d;
}

void decider_free(decider *d)
{
    if (!d) return;
    hm_free(&d->values);
    decide_index_free(d->paths);
    free(d->hpath);
    arena_free(&d->a);
    free(d);
}

const char *decider_value(const decider *d, const char *name) { return hm_gets(&d->values, name); }

const char *decider_missing(const decider *d)
{
    const char *first = NULL;
    for (size_t i = 0; i < d->c->params.cap; i++) {
        hm_slot *s = &d->c->params.slots[i];
        if (!s->hash) continue;
        param_decl *p = s->val;
        if (p->used && !hm_gets(&d->values, p->name) && (!first || strcmp(p->name, first) < 0)) first = p->name;
    }
    return first;
}

const sb_param *decider_sbpl_params(const decider *d, size_t *n)
{
    *n = d->nsbpl;
    return d->sbpl;
}

const char *decider_rule_value(decider *d, const rule *r, size_t *len)
{
    if (!d->expanded[r->id]) {
        strbuf b;
        sb_init(&b);
        param_expand(&b, r->m.value, r->m.len, &d->values,
                     (compile_platform(d->c) == PLAT_LINUX ? TPL_LINUX : 0) | (r->m.kind == MK_PREFIX ? TPL_PREFIX : 0));
        d->explen[r->id] = b.len;
        d->expanded[r->id] = arena_strndup(&d->a, b.data ? b.data : "", b.len);
        sb_free(&b);
    }
    *len = d->explen[r->id];
    return d->expanded[r->id];
}

/* A glob's or regex's pattern with this decider's values (cached). */
static const char *regex_text(decider *d, const rule *r, size_t *len)
{
    if (!d->retext[r->id]) {
        strbuf b;
        sb_init(&b);
        if (r->m.kind == MK_GLOB)       /* a value may put it under /private (macOS) */
            template_regex(&b, r->m.value, r->m.len, &d->values,
                           TPL_GLOB | (compile_platform(d->c) == PLAT_LINUX ? TPL_LINUX : 0));
        else param_expand(&b, r->m.value, r->m.len, &d->values, TPL_REGEX);
        d->relen[r->id] = b.len;
        d->retext[r->id] = arena_strndup(&d->a, b.data ? b.data : "", b.len);
        sb_free(&b);
    }
    *len = d->relen[r->id];
    return d->retext[r->id];
}


/* Compiled on first use: the index keeps a pattern away from the paths
 * that lack its literal texts, so most patterns are never compiled. */
static const sb_regex *regex_of(decider *d, const rule *r)
{
    if (d->re_done[r->id]) return d->re[r->id];
    d->re_done[r->id] = 1;
    size_t len;
    const char *text = regex_text(d, r, &len), *err;
    d->re[r->id] = sb_regex_compile(&d->a, text, len, &err);
    return d->re[r->id];
}

/* 1 when rule r's glob or regex matches the path q (kept for the last
 * path asked about) */
static int path_regex_hit(decider *d, const rule *r, const sb_request *q)
{
    if (!d->hgen || q->len != d->hlen || (q->len && memcmp(q->obj, d->hpath, q->len) != 0)) {
        if (q->len + 1 > d->hcap) { d->hcap = q->len + 1; d->hpath = xrealloc(d->hpath, d->hcap); }
        if (q->len) memcpy(d->hpath, q->obj, q->len);
        d->hlen = q->len;
        if (++d->hgen == 0) {
            memset(d->hit_gen, 0, d->nhit * sizeof *d->hit_gen);
            d->hgen = 1;
        }
    }
    if (d->hit_gen[r->id] == d->hgen) return d->hit[r->id];
    const sb_regex *re = regex_of(d, r);
    int h = re && sb_regex_search(re, q->obj, q->len);
    d->hit_gen[r->id] = d->hgen;
    d->hit[r->id] = (unsigned char)h;
    return h;
}

static sf_ns ns_of(name_ns n)
{
    switch (n) {
    case NS_GLOBAL: return SNS_GLOBAL;
    case NS_LOCAL: return SNS_LOCAL;
    case NS_SYSCTL: return SNS_SYSCTL;
    case NS_IPC: return SNS_IPC;
    case NS_IOKIT: case NS_IOKIT_REG: return SNS_IOKIT;
    default: return SNS_OTHER;
    }
}

/* The object has lo to hi components (hi < 0: at least lo), read as the
 * band's regex reads it: "/" has none, each component is "/" and at least
 * one other byte; past lo with no upper bound anything may follow. */
static int in_band(const char *p, size_t n, int lo, int hi)
{
    if (n == 1 && p[0] == '/') return lo == 0;
    size_t i = 0;
    int k = 0;
    while (i < n && (hi < 0 ? k < lo : 1)) {
        if (p[i] != '/' || i + 1 >= n || p[i + 1] == '/') return 0;
        i++;
        while (i < n && p[i] != '/') i++;
        k++;
    }
    if (hi < 0) return k >= lo && (lo > 0 || n > 0);
    return i == n && k >= (lo ? lo : 1) && k <= hi;
}

int decider_matches(decider *d, const rule *r, const sb_request *q)
{
    const matcher *m = &r->m;
    size_t vl;
    const char *v;
    if (m->banded && (q->kind != OBJ_PATH || !in_band(q->obj, q->len, m->band_lo, m->band_hi))) return 0;
    /* a request that names no file type asks about a file that holds no path */
    if (m->holder && (q->kind != OBJ_PATH || !vnode_holds(q->vnode))) return 0;
    switch (m->kind) {
    case MK_NONE: return 1;
    case MK_LITERAL: case MK_SUBPATH: case MK_PREFIX:
        if (q->kind != OBJ_PATH) return 0;
        v = decider_rule_value(d, r, &vl);
        if (m->kind == MK_LITERAL) return q->len == vl && memcmp(q->obj, v, vl) == 0;
        if (m->kind == MK_PREFIX && compile_platform(d->c) == PLAT_MACOS && q->len >= 12 &&
            !memcmp(q->obj, "/private/", 9) && (q->len == 12 || q->obj[12] == '/')) {
            /* "/t$X" with X=m: /private/tmp and below too */
            static const char *const names[] = { "tmp", "var", "etc" };
            unsigned mask = template_prefix_alias(m->value, m->len, &d->values);
            for (unsigned k = 0; k < 3; k++)
                if ((mask >> k & 1) && !memcmp(q->obj + 9, names[k], 3)) return 1;
        }
        if (m->kind == MK_PREFIX && compile_platform(d->c) == PLAT_MACOS && q->len >= 4 && private_alias(q->obj, q->len, "") &&
            template_prefix_alias(m->value, m->len, &d->values))
            return 0;               /* the text as written, but never on /tmp itself or below (emit_sbpl.c) */
        if (q->len < vl || memcmp(q->obj, v, vl) != 0) return 0;
        if (m->kind == MK_PREFIX) return 1;
        return q->len == vl || q->obj[vl] == '/' || (vl == 1 && v[0] == '/');
    case MK_GLOB: case MK_REGEX: {
        if (q->kind != OBJ_PATH) return 0;
        return path_regex_hit(d, r, q);
    }
    case MK_ANCESTORS: {
        if (q->kind != OBJ_PATH) return 0;
        if (memchr(m->value, PARAM_OPEN, m->len)) {      /* "T$N": the path to each '/' of N's value */
            size_t i = m->len - 1;
            while (i > 0 && m->value[i] != PARAM_OPEN) i--;
            const char *nv = hm_get(&d->values, m->value + i + 1, m->len - i - 2);
            if (!nv) return 0;
            v = decider_rule_value(d, r, &vl);
            size_t nl = strlen(nv);
            if (vl < nl || q->len >= vl || q->len + nl <= vl || memcmp(q->obj, v, q->len) != 0) return 0;
            return nv[q->len + nl - vl] == '/';
        }
        const char *val = hm_get(&d->values, m->value, m->len);
        if (!val) return 0;
        size_t n = strlen(val);
        if (q->len == 1 && q->obj[0] == '/') return n > 1;
        return q->len < n && memcmp(val, q->obj, q->len) == 0 && val[q->len] == '/';
    }
    case MK_NAME: case MK_NAME_PREFIX: case MK_NAME_REGEX:
        if (q->kind != OBJ_NAME || q->ns != ns_of(m->ns)) return 0;
        if (m->kind == MK_NAME_REGEX) {
            const sb_regex *re = regex_of(d, r);
            return re && sb_regex_search(re, q->obj, q->len);
        }
        v = decider_rule_value(d, r, &vl);
        if (m->kind == MK_NAME) return q->len == vl && memcmp(q->obj, v, vl) == 0;
        return q->len >= vl && memcmp(q->obj, v, vl) == 0;
    case MK_TARGET:
        return q->kind == OBJ_TARGET && sb_target_matches(m->value, m->len, q->obj, q->len);
    case MK_IP: {
        if (q->kind != OBJ_IP) return 0;
        v = decider_rule_value(d, r, &vl);
        const char *fc = strrchr(v, ':');
        size_t qh = ip_host_len(q->obj, q->len);
        if (!fc || qh >= q->len) return 0;
        const char *qc = q->obj + qh;
        size_t fh = (size_t)(fc - v);
        int host = ip_host_matches(v, fh, q->obj, qh);
        size_t qp = q->len - qh - 1;
        int port = strcmp(fc + 1, "*") == 0 || ip_port_equal(fc + 1, strlen(fc + 1), qc + 1, qp);
        return host && port;
    }
    }
    return 0;
}

/* Files each rule by what an object must be for it to match (see
 * decider_matches): a literal, subpath or prefix matches only paths that
 * start with its value, a glob or regex only those that start with its
 * literal start (when it is anchored) and contain the literal text every
 * match has (regex_literals.h; read off the pattern's text, so that the
 * index compiles nothing), a name, target or address matcher never a path, and no
 * path matcher anything but a path. */
static void build_index(decider *d)
{
    const rule_vec *rv = &d->c->pol.rules;
    decide_index_free(d->paths);
    decide_index *x = d->paths = decide_index_new();
    d->not_path = arena_alloc(&d->a, (rv->n + 1) * sizeof *d->not_path);
    d->nnot_path = 0;
    for (size_t i = 0; i < rv->n; i++) {
        const rule *r = rv->v[i];
        int path_only = r->m.banded || r->m.holder;
        switch (r->m.kind) {
        case MK_LITERAL: case MK_SUBPATH: case MK_PREFIX: {
            size_t vl;
            const char *v = decider_rule_value(d, r, &vl);
            if (r->m.kind == MK_PREFIX && compile_platform(d->c) == PLAT_MACOS &&
                template_prefix_alias(r->m.value, r->m.len, &d->values))
                decide_index_always(x, i);         /* under /private too */
            else
                decide_index_key(x, v, vl, r->m.kind == MK_LITERAL ? DX_EXACT : r->m.kind == MK_SUBPATH ? DX_UNDER : DX_START, i);
            path_only = 1;
            break;
        }
        case MK_GLOB: case MK_REGEX: {
            /* an anchored pattern's literal start, and a text every match contains */
            regex_literals lit;
            if (r->m.kind == MK_GLOB &&
                !(compile_platform(d->c) == PLAT_MACOS && (template_private_alias(r->m.value, r->m.len, &d->values) ||
                                                           template_glob_alias(r->m.value, r->m.len, &d->values)))) {
                glob_literals_of(&d->a, r->m.value, r->m.len, &d->values, &lit);
            } else {                    /* a regex, or a glob a value moves (or that reaches) under /private */
                size_t len;
                const char *text = regex_text(d, r, &len);
                regex_literals_of(&d->a, text, len, &lit);
            }
            if (lit.prefix && lit.prefix_len) {
                d->fixed[r->id] = lit.prefix;
                d->fixedlen[r->id] = lit.prefix_len;
            }
            if (lit.prefix) decide_index_key_need(x, lit.prefix, lit.prefix_len, lit.need, lit.need_len, i);
            else decide_index_always_need(x, lit.need, lit.need_len, i);
            path_only = 1;
            break;
        }
        case MK_ANCESTORS:
            decide_index_always(x, i);
            path_only = 1;
            break;
        case MK_NAME: case MK_NAME_PREFIX: case MK_NAME_REGEX: case MK_TARGET: case MK_IP:
            break;
        default:
            decide_index_always(x, i);
            break;
        }
        if (!path_only) d->not_path[d->nnot_path++] = i;
    }
    d->indexed = rv->n;
}

const char *decider_rule_fixed(decider *d, const rule *r, size_t *len)
{
    if (!d->paths || d->indexed != d->c->pol.rules.n) build_index(d);
    *len = d->fixedlen[r->id];
    return d->fixed[r->id];
}

decision decider_decide(decider *d, const sb_request *q)
{
    decision res = { d->c->pol.default_action == ACT_ALLOW ? 0 : 1, NULL };
    const rule *best = NULL;
    /* an implied traversal rule ranks as a literal at the object's own depth */
    int odepth = q->kind == OBJ_PATH ? path_depth(q->obj, q->len) : 0, bdepth = 0;
    if (!d->paths || d->indexed != d->c->pol.rules.n) build_index(d);
    /* the rules that can match, in rule order (the first of equals decides) */
    const size_t *cand = d->not_path;
    size_t ncand = d->nnot_path;
    if (q->kind == OBJ_PATH) {
        ncand = decide_index_paths(d->paths, q->obj, q->len, &cand);
    }
    for (size_t k = 0; k < ncand; k++) {
        const rule *r = d->c->pol.rules.v[cand[k]];
        if (!opset_has(r->covers, q->op) || !decider_matches(d, r, q)) continue;
        int rdepth = r->implied == 1 ? odepth : r->m.spec_a;
        /* a final rule decides over every rule that is not final */
        int better = !best || (r->final && !best->final) ||
                     (r->final == best->final &&
                      (rdepth > bdepth ||
                       (rdepth == bdepth && (r->m.spec_b > best->m.spec_b ||
                                             (r->m.spec_b == best->m.spec_b && r->action == ACT_DENY && best->action == ACT_ALLOW)))));
        if (better) { best = r; bdepth = rdepth; }
    }
    if (best) { res.action = best->action == ACT_ALLOW ? 0 : 1; res.r = best; }
    return res;
}

const char *decider_expand_object(decider *d, const char *s, int is_path)
{
    strbuf b;
    sb_init(&b);
    size_t n = strlen(s), i = 0;
    if (is_path && s[0] == '~' && (s[1] == 0 || s[1] == '/')) {
        const char *h = hm_gets(&d->values, "HOME");
        sb_puts(&b, h ? h : "");
        i = 1;
    }
    for (; i < n; i++) {
        if (s[i] == '$' && s[i + 1] == '$') { sb_putc(&b, '$'); i++; continue; }
        if (s[i] == '$' && (s[i + 1] == '{' || s[i + 1] == '_' || (s[i + 1] >= 'A' && s[i + 1] <= 'Z') ||
                            (s[i + 1] >= 'a' && s[i + 1] <= 'z'))) {
            size_t b0 = i + 1, e;
            if (s[b0] == '{') { b0++; e = b0; while (e < n && s[e] != '}') e++; }
            else { e = b0; while (e < n && (s[e] == '_' || (s[e] >= 'A' && s[e] <= 'Z') || (s[e] >= 'a' && s[e] <= 'z') || (s[e] >= '0' && s[e] <= '9'))) e++; }
            const char *v = hm_get(&d->values, s + b0, e - b0);
            if (v) { sb_puts(&b, v); i = (s[i + 1] == '{' ? e : e - 1); continue; }
        }
        sb_putc(&b, s[i]);
    }
    if (is_path) path_object_canonical(&b, compile_platform(d->c) == PLAT_MACOS);
    const char *r = arena_strdup(&d->a, sb_cstr(&b));
    sb_free(&b);
    return r;
}

void path_object_canonical(strbuf *b, int macos)
{
    size_t w = 0;
    for (size_t k = 0; k < b->len; k++) {
        if (b->data[k] == '/' && w > 0 && b->data[w - 1] == '/') continue;
        b->data[w++] = b->data[k];
    }
    if (w > 1 && b->data[w - 1] == '/') w--;
    b->len = w;
    if (b->data) b->data[w] = 0;
    if (macos) sb_private_alias(b);
}

void request_kind_for(section_t sec, const char *verb, const char *obj, sb_request *q)
{
    verb_info v;
    q->kind = OBJ_NAME;
    q->ns = SNS_OTHER;
    if (!verb_resolve(sec, verb, &v)) return;
    if ((v.kinds & KS_PATH) || (v.kinds == KS_NONE && obj[0] == '/')) q->kind = OBJ_PATH;   /* misc: raw filters */
    if (v.kinds & KS_IP) q->kind = obj[0] == '/' ? OBJ_PATH : OBJ_IP;
    if (v.kinds & KS_TARGET) q->kind = OBJ_TARGET;
    if (v.kinds & (KS_NAME | KS_MACH | KS_IOKIT)) { q->kind = OBJ_NAME; q->ns = ns_of(v.ns); }
    if (q->kind == OBJ_NAME && !strncmp(obj, "local:", 6) && q->ns == SNS_GLOBAL) q->ns = SNS_LOCAL;
}

void request_kind_for_op(int op, const char *obj, sb_request *q)
{
    const char *n = op_get(op)->name;
    q->ns = SNS_OTHER;
    q->kind = OBJ_NAME;
    if (!strncmp(n, "file", 4) || !strncmp(n, "process-exec", 12)) q->kind = OBJ_PATH;
    else if (!strncmp(n, "network", 7)) q->kind = obj[0] == '/' ? OBJ_PATH : OBJ_IP;
    else if (!strncmp(n, "mach-lookup", 11) || !strncmp(n, "mach-register", 13)) q->ns = SNS_GLOBAL;
    else if (!strncmp(n, "sysctl", 6)) q->ns = SNS_SYSCTL;
    else if (!strncmp(n, "ipc-posix", 9)) q->ns = SNS_IPC;
    else if (!strncmp(n, "iokit", 5)) q->ns = SNS_IOKIT;
    else if (!strncmp(n, "user-preference", 15)) q->ns = SNS_PREF;
    else if (!strcmp(n, "darwin-notification-post") || !strcmp(n, "distributed-notification-post")) q->ns = SNS_NOTIF;
    else if (!strcmp(n, "signal") || !strncmp(n, "process-info", 12)) q->kind = OBJ_TARGET;
    if (q->kind == OBJ_NAME && !strncmp(obj, "local:", 6) && q->ns == SNS_GLOBAL) q->ns = SNS_LOCAL;
}

sb_param *derive_sbpl_params(arena *a, const sb_param *in, size_t n, size_t *out_n)
{
    sb_param *p = arena_alloc(a, (DERIVED_PER_PARAM * n + 1) * sizeof *p);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        p[k++] = in[i];
        strbuf b;
        sb_init(&b);
        for (size_t s = 0; s < PARAM_DERIVED_COUNT; s++) {
            const char *sfx = param_derived_suffix(s);
            sb_reset(&b);
            param_derived(&b, in[i].value, sfx, strlen(sfx));
            p[k++] = (sb_param){ arena_printf(a, "%s%s", in[i].name, sfx), arena_strndup(a, b.data ? b.data : "", b.len) };
        }
        sb_free(&b);
    }
    *out_n = k;
    return p;
}
