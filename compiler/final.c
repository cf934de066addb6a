/* final.c - final rules checked on the merged policy (docs/reference.md):
 * no rule of the other action that is as specific or more specific may
 * cover objects inside a final rule's scope.  Raw sbpl rules against final
 * rules: raw_final.c. */
#include "compile.h"
#include "final_match.h"
#include "decide.h"
#include "expand.h"
#include "overlap.h"
#include "patterns.h"
#include "precedence.h"
#include "regex_literals.h"
#include "../seatbelt/regex.h"
#include "../seatbelt/regex_atoms.h"
#include "../seatbelt/regex_syntax.h"
#include <string.h>

typedef struct final_ctx {
    compilation *c;
    rule *f;
    const sb_regex **gen;      /* by final rule id: its scope with every parameter as .* */
    char *gen_done;
    hashmap *reported;         /* the pairs BK2005 was reported for (pair_key) */
} final_ctx;

/* A rule and a final rule by the places they were written: every rule a
 * verb expands to (one per group of operations, the final rule's implied
 * denies of moving, its folds into every case of its letters) is one pair,
 * reported once. */
typedef struct pair_key {
    const source *r_src, *f_src;
    uint32_t r_start, f_start;
} pair_key;

static pair_key pair_of(const rule *r, const rule *f)
{
    pair_key k;
    memset(&k, 0, sizeof k);
    span ra = origin_primary(r), fa = origin_primary(f);
    k.r_src = ra.src;
    k.r_start = ra.start;
    k.f_src = fa.src;
    k.f_start = fa.start;
    return k;
}

static int pair_reported(const final_ctx *fc, const rule *r, const rule *f)
{
    pair_key k = pair_of(r, f);
    return hm_get(fc->reported, (const char *)&k, sizeof k) != NULL;
}

static void pair_add(final_ctx *fc, const rule *r, const rule *f)
{
    pair_key *k = arena_alloc(&fc->c->a, sizeof *k);
    *k = pair_of(r, f);
    hm_set(fc->reported, (const char *)k, sizeof *k, k);
}

/* a and b agree on n bytes, ASCII letters in either case */
static int same_nocase(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x >= 'A' && x <= 'Z') x = (unsigned char)(x + 32);
        if (y >= 'A' && y <= 'Z') y = (unsigned char)(y + 32);
        if (x != y) return 0;
    }
    return 1;
}

static int is_pattern(matcher_kind k) { return k == MK_GLOB || k == MK_REGEX || k == MK_NAME_REGEX; }

static void no_param(strbuf *out, const char *name, size_t len, void *ud)
{
    (void)out, (void)name, (void)len, (void)ud;   /* only parameter-free globs come here */
}

/* matcher_relation leaves a pattern against a string-based matcher
 * undecided when the fixed parts cannot tell.  Both free of parameters: if
 * the pattern matches the other's own string, which the other matches too
 * (a literal, subpath or prefix its value; a name its name), or, for a name
 * regex against a name prefix, some name that starts with the prefix, they
 * certainly overlap. */
static relation refine(arena *ar, int mac, const matcher *a, const matcher *b)
{
    if (is_pattern(a->kind) == is_pattern(b->kind)) return REL_UNKNOWN;
    const matcher *p = is_pattern(a->kind) ? a : b, *x = p == a ? b : a;
    if (x->kind == MK_ANCESTORS || !x->value || !p->value) return REL_UNKNOWN;
    if (memchr(p->value, PARAM_OPEN, p->len) || memchr(x->value, PARAM_OPEN, x->len)) return REL_UNKNOWN;
    strbuf re;
    sb_init(&re);
    if (p->kind == MK_GLOB && mac) glob_to_regex_kernel(&re, p->value, p->len, no_param, NULL);   /* "/t*" meets /private/tmp */
    else if (p->kind == MK_GLOB) glob_to_regex(&re, p->value, p->len, no_param, NULL);
    else sb_add(&re, p->value, p->len);
    const char *err = NULL;
    sb_regex *rx = sb_regex_compile(ar, re.data ? re.data : "", re.len, &err);
    sb_free(&re);
    /* a name prefix: every name that starts with it ("com.apple.t" meets
     * "^com\\.apple\\.(sec|tcc)" at com.apple.tcc) */
    if (rx && p->kind == MK_NAME_REGEX && x->kind == MK_NAME_PREFIX)
        return sb_regex_meets_prefix(rx, x->value, x->len) ? REL_OVERLAP : REL_UNKNOWN;
    return rx && sb_regex_search(rx, x->value, x->len) ? REL_OVERLAP : REL_UNKNOWN;
}

/* ---- parameters: values that make two rules meet ---------------------- */

/* The declared defaults that name no other parameter, into known. */
static void add_defaults(const compilation *c, hashmap *known)
{
    for (size_t i = 0; i < c->params.cap; i++) {
        const hm_slot *sl = &c->params.slots[i];
        const param_decl *p = sl->hash ? sl->val : NULL;
        if (p && !p->builtin && p->def && !strchr(p->def, PARAM_OPEN)) hm_set(known, p->name, strlen(p->name), (void *)p->def);
    }
}

void final_known_values(const compilation *c, hashmap *known)
{
    size_t ntest;
    const sb_param *tv = test_param_values(&ntest);
    for (size_t i = 0; i < ntest; i++) hm_set(known, tv[i].name, strlen(tv[i].name), (void *)tv[i].value);
    add_defaults(c, known);
    for (size_t i = 0; i < c->defines.cap; i++) {
        const hm_slot *sl = &c->defines.slots[i];
        if (sl->hash) hm_set(known, sl->key, sl->klen, sl->val);
    }
}

void witness_add_params(witness *w, const matcher *m)
{
    if (!m->value) return;
    for (size_t i = 0; i < m->len; i++) {
        if (m->value[i] != PARAM_OPEN) continue;
        size_t j = i + 1, e;
        while (j < m->len && m->value[j] != PARAM_CLOSE) j++;
        /* a derived name (NAME.fold of a final path's case fold) stands
         * for NAME's value */
        for (e = i + 1; e < j && m->value[e] != '.'; e++) {}
        size_t k;
        for (k = 0; k < w->n; k++)
            if (w->nlen[k] == e - i - 1 && !memcmp(w->name[k], m->value + i + 1, e - i - 1)) break;
        if (k == w->n && w->n < MAX_WPARAMS) { w->name[w->n] = m->value + i + 1; w->nlen[w->n++] = e - i - 1; }
        i = j;
    }
}

void witness_add(witness *w, size_t k, const char *v)
{
    if (!v || !v[0] || w->ncand[k] >= MAX_CANDIDATES) return;
    for (size_t i = 0; i < w->ncand[k]; i++) if (!strcmp(w->cand[k][i], v)) return;
    w->cand[k][w->ncand[k]++] = v;
}

/* Candidate values from a text: "/", each prefix that ends before a "/",
 * the text itself, and each of its components. */
void witness_add_from(arena *ar, witness *w, size_t k, const char *s)
{
    size_t n = strlen(s);
    witness_add(w, k, "/");
    for (size_t i = 1; i <= n; i++)
        if (i == n || s[i] == '/') witness_add(w, k, arena_strndup(ar, s, i));
    /* and a directory below it: "${Q}b" lies inside (subpath "/a") for
     * Q=/a/x, not for Q=/a */
    if (n && s[0] == '/') witness_add(w, k, n == 1 ? "/x" : arena_printf(ar, "%s/x", s));
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '/' || (i > 0 && s[i - 1] != '/')) continue;
        size_t j = i;
        while (j < n && s[j] != '/') j++;
        witness_add(w, k, arena_strndup(ar, s + i, j - i));
    }
}

void witness_add_around_alias(arena *ar, witness *w, size_t k, const matcher *m, const char *t)
{
    witness_add_around(ar, w, k, m, t);
    static const char pre[] = "/private";
    size_t n = sizeof pre - 1, tl = strlen(t);
    if (tl > n && !memcmp(t, pre, n) && private_alias(t + n, tl - n, "")) witness_add_around(ar, w, k, m, t + n);
}

/* Values for parameter k that make m's first component, around the text
 * written there before and after it, one of the /private links in the case
 * of those letters ("/T$X": X=mp, /Tmp; "/${D}MP": D=t): two rules glued
 * so may both be /private/tmp, whatever their texts' cases. */
void witness_add_alias_parts(arena *ar, witness *w, size_t k, const matcher *m)
{
    const char *v = m->value;
    if (!v || !m->len || v[0] != '/') return;
    size_t e = 1;
    while (e < m->len && v[e] != '/') e++;
    const char *p = memchr(v + 1, PARAM_OPEN, e - 1);
    if (!p || p[1 + w->nlen[k]] != PARAM_CLOSE || (size_t)(p + 2 + w->nlen[k] - v) > e ||
        memcmp(p + 1, w->name[k], w->nlen[k]))
        return;
    const char *b = p + 2 + w->nlen[k];
    size_t al = (size_t)(p - v) - 1, bl = (size_t)(v + e - b);
    if (memchr(b, PARAM_OPEN, bl)) bl = 0;                    /* another value after it: only the start */
    for (size_t i = 0; private_alias_name(i); i++) {
        const char *n = private_alias_name(i) + 1;
        size_t nl = strlen(n);
        if (al + bl >= nl || !same_nocase(v + 1, n, al) || !same_nocase(b, n + nl - bl, bl)) continue;
        witness_add(w, k, arena_strndup(ar, n + al, nl - al - bl));
    }
}

/* The matcher with the parameters replaced: a glob gets each value with its
 * wildcards escaped, a regex each value quoted.  on_linux: no /private alias
 * (on Linux /var/x is /var/x, not macOS's /private/var/x). */
void final_instantiate(arena *ar, int on_linux, const matcher *m, const hashmap *vals, matcher *out)
{
    *out = *m;
    if (!m->value || !memchr(m->value, PARAM_OPEN, m->len)) return;
    strbuf b;
    sb_init(&b);
    if (m->kind == MK_GLOB) {
        for (size_t i = 0; i < m->len; i++) {
            if (m->value[i] != PARAM_OPEN) { sb_putc(&b, m->value[i]); continue; }
            size_t j = i + 1;
            while (j < m->len && m->value[j] != PARAM_CLOSE) j++;
            const char *v = hm_get(vals, m->value + i + 1, j - i - 1);
            size_t vl = v ? strlen(v) : 0;
            if (vl && v[vl - 1] == '/' && j + 1 < m->len && m->value[j + 1] == '/') vl--;
            for (size_t k = 0; k < vl; k++) {
                if (strchr("*?[]\\", v[k])) sb_putc(&b, '\\');
                sb_putc(&b, v[k]);
            }
            i = j;
        }
    } else {
        param_expand(&b, m->value, m->len, vals, (m->kind == MK_REGEX || m->kind == MK_NAME_REGEX ? TPL_REGEX : 0) | (on_linux ? TPL_LINUX : 0));
    }
    out->value = arena_strndup(ar, b.data ? b.data : "", b.len);
    out->len = b.len;
    sb_free(&b);
    matcher_finish(ar, out);
}

size_t final_instances(arena *ar, int on_linux, const matcher *m, const hashmap *vals, matcher out[4])
{
    final_instantiate(ar, on_linux, m, vals, &out[0]);
    unsigned mask = on_linux || m->kind != MK_PREFIX || !m->value ? 0 : template_prefix_alias(m->value, m->len, vals);
    if (!mask) return 1;
    /* the text as written ("/tmp" covers /tmpx), and each alias it ends
     * inside under /private, as the output writes it (emit_sbpl.c) */
    strbuf b;
    sb_init(&b);
    param_expand(&b, m->value, m->len, vals, TPL_PREFIX);
    out[0] = *m;
    out[0].value = arena_strndup(ar, b.data ? b.data : "", b.len);
    out[0].len = b.len;
    sb_free(&b);
    matcher_finish(ar, &out[0]);
    size_t n = 1;
    for (unsigned k = 0; k < 3; k++) {
        if (!(mask >> k & 1)) continue;
        out[n] = *m;
        out[n].kind = MK_SUBPATH;
        out[n].value = arena_printf(ar, "/private/%s", glob_alias_name(k));
        out[n].len = strlen(out[n].value);
        matcher_finish(ar, &out[n]);
        n++;
    }
    return n;
}

/* A glob whose first component is /tmp, /var or /etc as plain text: one
 * that values made ("/t$X" with X=mp stays as written, and the output
 * matches it under /private too, as the kernel presents it). */
static int alias_glob(const matcher *m)
{
    return m->kind == MK_GLOB && m->value && private_alias(m->value, m->len, "") != NULL;
}

/* A path template whose first component a value makes or helps make
 * ("/T$X", "/$D"): with X=mp or D=TMP it is /tmp in some case of its
 * letters, which the kernel sees as /private/tmp. */
static int first_by_value(const matcher *m)
{
    if (mk_family(m->kind) != FAM_PATH || !m->value || !m->len || m->value[0] != '/') return 0;
    for (size_t i = 1; i < m->len && m->value[i] != '/'; i++)
        if (m->value[i] == PARAM_OPEN) return 1;
    return 0;
}

relation final_relate(arena *ar, int mac, const matcher *a, const matcher *b)
{
    relation rel = matcher_relation(a, b);
    /* the texts differ, the paths as the kernel sees them may not (the
     * texts compare case by case: "/T$X" and "/t$X" are both /private/tmp
     * with X=mp) */
    if (rel == REL_DISJOINT && mac && (alias_glob(a) || alias_glob(b) || first_by_value(a) || first_by_value(b))) rel = REL_UNKNOWN;
    if (rel == REL_UNKNOWN) rel = refine(ar, mac, a, b);
    return rel;
}

/* Every path a matches lies inside f's scope (both without parameters):
 * what "the allow falls inside the final rule" means for a value. */
static int starts_dir(const char *v, size_t n, const char *d, size_t dn)
{
    if (dn == 1 && d[0] == '/') return n >= 1 && v[0] == '/';
    return n >= dn && memcmp(v, d, dn) == 0 && (n == dn || v[dn] == '/');
}

int final_inside(arena *ar, int mac, const matcher *a, const matcher *f)
{
    if (mk_family(a->kind) != FAM_PATH || mk_family(f->kind) != FAM_PATH)
        return final_relate(ar, mac, a, f) == REL_OVERLAP;
    int a_str = a->kind == MK_LITERAL || a->kind == MK_SUBPATH;
    const char *v = a_str ? a->value : a->fixed;
    size_t n = a_str ? a->len : a->fixed_len;
    /* a prefix or a pattern: every match starts with its fixed part; it is
     * inside a directory only when that part reaches below it */
    int open_end = !a_str;
    switch (f->kind) {
    case MK_SUBPATH:
        if (!open_end) return starts_dir(v, n, f->value, f->len);
        return n > f->len && starts_dir(v, n, f->value, f->len) && (f->len == 1 || v[f->len] == '/');
    case MK_PREFIX:
        return n >= f->len && memcmp(v, f->value, f->len) == 0;
    case MK_LITERAL:
        return a->kind == MK_LITERAL && a->len == f->len && memcmp(a->value, f->value, f->len) == 0;
    case MK_GLOB: case MK_REGEX:
        /* a glob covers everything below a path it matches, a regex only
         * what it matches */
        if (a->kind != MK_LITERAL && !(a->kind == MK_SUBPATH && f->kind == MK_GLOB)) return 0;
        return refine(ar, mac, a, f) == REL_OVERLAP;
    default:
        return 0;
    }
}

/* ---- two final rules: a certain overlap ------------------------------- *
 * Between two final rules the usual order applies, so one that outranks
 * the other contradicts it wherever they overlap, not only where it falls
 * wholly inside.  Overlap is certain when some path both match is found:
 * each rule's own string, samples of each pattern, and a string of one
 * completed by the literal tail of the other ("~/proj/.e" and "/.env"). */
#define MAX_OBJS 48

typedef struct objs {
    const char *v[MAX_OBJS];
    size_t n;
} objs;

static void obj_add(objs *o, const char *v)
{
    if (v && o->n < MAX_OBJS) o->v[o->n++] = v;
}

/* the matcher (without parameters) as a regex, NULL for a string kind */
static const sb_regex *pattern_of(arena *ar, int mac, const matcher *m)
{
    if (!is_pattern(m->kind) || !m->value) return NULL;
    strbuf re;
    sb_init(&re);
    if (m->kind == MK_GLOB && mac) glob_to_regex_kernel(&re, m->value, m->len, no_param, NULL);
    else if (m->kind == MK_GLOB) glob_to_regex(&re, m->value, m->len, no_param, NULL);
    else sb_add(&re, m->value, m->len);
    const char *err;
    const sb_regex *rx = sb_regex_compile(ar, re.data ? re.data : "", re.len, &err);
    sb_free(&re);
    return rx;
}

static int obj_matches(const matcher *m, const sb_regex *rx, const char *v)
{
    size_t n = strlen(v);
    switch (m->kind) {
    case MK_LITERAL: case MK_NAME: return n == m->len && !memcmp(v, m->value, n);
    case MK_SUBPATH: return starts_dir(v, n, m->value, m->len);
    case MK_PREFIX: case MK_NAME_PREFIX: return n >= m->len && !memcmp(v, m->value, m->len);
    case MK_GLOB: case MK_REGEX: case MK_NAME_REGEX: return rx && sb_regex_search(rx, v, n);
    default: return 0;
    }
}

/* the literal text a pattern ends with (after its last metacharacter) */
static const char *literal_tail(arena *ar, const matcher *m)
{
    size_t e = m->len;
    if (m->kind != MK_GLOB && e && m->value[e - 1] == '$') e--;
    size_t i = e;
    const char *meta = m->kind == MK_GLOB ? "*?[]\\" : ".[]()*+?{}|^$\\";
    while (i > 0 && !strchr(meta, m->value[i - 1])) i--;
    return arena_strndup(ar, m->value + i, e - i);
}

/* base completed by tail: base + tail, and base + the part of tail that
 * base does not end with already */
static void complete(arena *ar, objs *o, const char *base, size_t bl, const char *tail)
{
    size_t tl = strlen(tail);
    if (!tl) return;
    obj_add(o, arena_printf(ar, "%.*s%s", (int)bl, base, tail));
    if (tail[0] != '/') obj_add(o, arena_printf(ar, "%.*s/%s", (int)bl, base, tail));
    for (size_t k = tl < bl ? tl : bl; k > 0; k--)
        if (!memcmp(base + bl - k, tail, k)) {
            obj_add(o, arena_printf(ar, "%.*s%s", (int)bl, base, tail + k));
            break;
        }
}

/* The strings a matcher without parameters matches, as a regex (search
 * semantics); NULL for a kind that has none here. */
static const sb_regex *language_of(arena *ar, int mac, const matcher *m)
{
    if (is_pattern(m->kind)) return pattern_of(ar, mac, m);
    if (!m->value) return NULL;
    strbuf re;
    sb_init(&re);
    sb_putc(&re, '^');
    regex_quote(&re, m->value, m->len);
    switch (m->kind) {
    case MK_LITERAL: case MK_NAME: sb_putc(&re, '$'); break;
    case MK_SUBPATH: if (!(m->len == 1 && m->value[0] == '/')) sb_puts(&re, "(/.*)?$"); break;
    case MK_PREFIX: case MK_NAME_PREFIX: break;
    default: sb_free(&re); return NULL;
    }
    const char *err;
    const sb_regex *rx = sb_regex_compile(ar, re.data, re.len, &err);
    sb_free(&re);
    return rx;
}

typedef struct meet_ctx { const sb_regex *a, *b; int met; } meet_ctx;

static void meet_emit(void *ud, const char *s, size_t len)
{
    meet_ctx *m = ud;
    if (!m->met && sb_regex_search(m->a, s, len) && sb_regex_search(m->b, s, len)) m->met = 1;
}

/* Two matchers without parameters, of one family: REL_OVERLAP when some
 * object (a path as the kernel presents one, or a name) matches both,
 * REL_DISJOINT when none does, REL_UNKNOWN when the search over the product
 * of their automata stops before it is complete. */
static relation exact_meet(arena *ar, int mac, const matcher *a, const matcher *b)
{
    matcher_family fa = mk_family(a->kind);
    if (fa != mk_family(b->kind) || (fa != FAM_PATH && fa != FAM_NAME)) return REL_UNKNOWN;
    if (!a->value || !b->value || memchr(a->value, PARAM_OPEN, a->len) || memchr(b->value, PARAM_OPEN, b->len)) return REL_UNKNOWN;
    meet_ctx m = { language_of(ar, mac, a), language_of(ar, mac, b), 0 };
    if (!m.a || !m.b) return REL_UNKNOWN;
    const sb_regex *res[2] = { m.a, m.b };
    sb_atoms_opts o = { .path = fa == FAM_PATH, .max_states = 20000, .max_len = 1024 };
    int complete = sb_regex_atoms(res, 2, &o, meet_emit, &m);
    return m.met ? REL_OVERLAP : complete ? REL_DISJOINT : REL_UNKNOWN;
}

static int certain_overlap(arena *ar, int mac, const matcher *a, const matcher *b)
{
    relation rel = final_relate(ar, mac, a, b);
    if (rel != REL_UNKNOWN) return rel == REL_OVERLAP;
    if (!a->value || !b->value || memchr(a->value, PARAM_OPEN, a->len) || memchr(b->value, PARAM_OPEN, b->len)) return 0;
    /* without parameters whether they meet is decided on their automata;
     * a search that stops first counts as meeting (a final rule must never
     * be overridden unnoticed) */
    rel = exact_meet(ar, mac, a, b);
    if (rel != REL_UNKNOWN) return rel == REL_OVERLAP;
    if (mk_family(a->kind) == mk_family(b->kind) && (mk_family(a->kind) == FAM_PATH || mk_family(a->kind) == FAM_NAME)) return 1;
    const matcher *m[2] = { a, b };
    const sb_regex *rx[2] = { pattern_of(ar, mac, a), pattern_of(ar, mac, b) };
    objs o = { { 0 }, 0 };
    const char *tails[2][3];
    size_t nt[2] = { 0, 0 };
    for (int i = 0; i < 2; i++) {
        if (!rx[i]) {
            obj_add(&o, arena_strndup(ar, m[i]->value, m[i]->len));
            size_t sl = m[i]->len;
            while (sl > 0 && m[i]->value[sl - 1] != '/') sl--;
            tails[i][nt[i]++] = arena_strndup(ar, m[i]->value + sl, m[i]->len - sl);
            continue;
        }
        tails[i][nt[i]++] = literal_tail(ar, m[i]);
        for (int v = 0; v < 2; v++) {
            char buf[512];
            if (sb_regex_sample(rx[i], v, buf, sizeof buf) < 0) continue;
            obj_add(&o, arena_strdup(ar, buf));
            const char *sl = strrchr(buf, '/');
            if (sl && nt[i] < 3) tails[i][nt[i]++] = arena_strdup(ar, sl + 1);
        }
    }
    for (int i = 0; i < 2; i++) {
        const char *base = rx[i] ? m[i]->fixed : m[i]->value;
        size_t bl = rx[i] ? m[i]->fixed_len : m[i]->len;
        for (size_t t = 0; t < nt[!i]; t++) complete(ar, &o, base, bl, tails[!i][t]);
    }
    for (size_t k = 0; k < o.n; k++)
        if (obj_matches(a, rx[0], o.v[k]) && obj_matches(b, rx[1], o.v[k])) return 1;
    return 0;
}

int final_matchers_meet(compilation *c, const matcher *a, const matcher *b)
{
    return certain_overlap(&c->a, compile_platform(c) == PLAT_MACOS, a, b);
}

/* f's scope as one regex with every parameter as ".*": a rule without
 * parameters can fall inside f for some value only if its path (or its
 * fixed part) matches it.  Compiled once per final rule. */
static void any_param(strbuf *out, const char *name, size_t len, void *ud)
{
    (void)name, (void)len, (void)ud;
    sb_puts(out, ".*");
}

static const sb_regex *general_scope(final_ctx *fc, const rule *f)
{
    if (fc->gen_done[f->id]) return fc->gen[f->id];
    fc->gen_done[f->id] = 1;
    const matcher *m = &f->m;
    strbuf re;
    sb_init(&re);
    if (m->kind == MK_GLOB) {
        if (compile_platform(fc->c) == PLAT_MACOS) glob_to_regex_kernel(&re, m->value, m->len, any_param, NULL);
        else glob_to_regex(&re, m->value, m->len, any_param, NULL);
    } else if (m->kind == MK_REGEX) {
        for (size_t i = 0; i < m->len; i++) {
            if (m->value[i] != PARAM_OPEN) { sb_putc(&re, m->value[i]); continue; }
            while (i < m->len && m->value[i] != PARAM_CLOSE) i++;
            sb_puts(&re, ".*");
        }
    } else if (m->kind == MK_LITERAL || m->kind == MK_SUBPATH || m->kind == MK_PREFIX) {
        sb_putc(&re, '^');
        for (size_t i = 0; i < m->len; i++) {
            if (m->value[i] != PARAM_OPEN) { regex_quote(&re, m->value + i, 1); continue; }
            while (i < m->len && m->value[i] != PARAM_CLOSE) i++;
            sb_puts(&re, ".*");
        }
        /* the path itself or below (what an inside rule's path or fixed part
         * must start with) */
        if (m->kind != MK_PREFIX) sb_puts(&re, m->kind == MK_LITERAL ? "$" : "(/.*)?$");
    } else {
        sb_free(&re);
        return NULL;
    }
    const char *err;
    fc->gen[f->id] = sb_regex_compile(&fc->c->a, re.data ? re.data : "", re.len, &err);
    sb_free(&re);
    return fc->gen[f->id];
}

/* a value makes (or helps make) m's first component: "$P/x", "/t$X" */
static int value_in_first(const matcher *m)
{
    if (!m->value || !m->len) return 0;
    if (m->value[0] == PARAM_OPEN) return 1;
    for (size_t i = 1; i < m->len && m->value[i] != '/'; i++)
        if (m->value[i] == PARAM_OPEN) return 1;
    return 0;
}

/* 0 when r, without parameters, can fall inside f for no value at all. */
static int may_fall_inside(final_ctx *fc, const rule *r, const rule *f)
{
    const matcher *m = &r->m;
    if (mk_family(m->kind) != FAM_PATH || mk_family(f->m.kind) != FAM_PATH || !m->value) return 1;
    if (memchr(m->value, PARAM_OPEN, m->len)) return 1;
    /* a path under /private/tmp (/var, /etc) where a value makes f's first
     * component: the value may make it that link, in any case of the
     * letters written around it ("/T$X" with X=mp is /private/tmp) */
    if (compile_platform(fc->c) == PLAT_MACOS && m->len > 9 && !memcmp(m->value, "/private/", 9) &&
        private_alias(m->value + 8, m->len - 8, "") && value_in_first(&f->m))
        return 1;
    const sb_regex *g = general_scope(fc, f);
    if (!g) return 1;
    int str = m->kind == MK_LITERAL || m->kind == MK_SUBPATH;
    if (!str && (f->m.kind == MK_GLOB || f->m.kind == MK_REGEX || f->m.kind == MK_LITERAL)) return 0;  /* see final_inside() */
    const char *v = str ? m->value : m->fixed;
    size_t n = str ? m->len : m->fixed_len;
    if (!str && f->m.kind == MK_SUBPATH) {
        /* the fixed part must reach below the subpath: any prefix of it
         * that ends before a "/" may be the subpath's path */
        for (size_t k = 1; k <= n; k++)
            if ((k == n || v[k] == '/') && sb_regex_search(g, v, k)) return 1;
        return 0;
    }
    if (!str) {                          /* a final prefix: some prefix of the fixed part */
        return 1;
    }
    return sb_regex_search(g, v, n);
}

/* 1 when the matcher's text names the parameter. */
static int names_param(const matcher *m, const char *name, size_t len)
{
    for (size_t i = 0; i + len + 1 < m->len; i++)
        if (m->value[i] == PARAM_OPEN && m->value[i + len + 1] == PARAM_CLOSE && memcmp(m->value + i + 1, name, len) == 0)
            return 1;
    return 0;
}

/* Looks for parameter values (the -D ones where given) under which r
 * certainly falls inside f; writes them as "NAME=VALUE ..." into why.  With every
 * value given this decides on the values. */
/* Values for parameter k of m that make its text, around the text written
 * before and after the parameter, the other rule's text t
 * ("/s" + P against "/s/t": P=/t; P + "/t" against "/s/t": P=/s;
 * "com." + S + "d" against the prefix "com.apple.sec": S=apple.sec). */
void witness_add_around(arena *ar, witness *w, size_t k, const matcher *m, const char *t)
{
    const char *v = m->value, *p = NULL;
    for (size_t i = 0; i < m->len; i++)
        if (v[i] == PARAM_OPEN && i + 1 + w->nlen[k] < m->len && !memcmp(v + i + 1, w->name[k], w->nlen[k]) &&
            v[i + 1 + w->nlen[k]] == PARAM_CLOSE) { p = v + i; break; }
    if (!p || memchr(v, PARAM_OPEN, (size_t)(p - v))) return;
    size_t bl = (size_t)(p - v), tl = strlen(t);
    /* the text around it in another case of its letters too: "/T$X"
     * against "/tmp" (X=mp makes /Tmp, the /tmp link; "/${X}MP": X=t) */
    if (tl <= bl || !same_nocase(t, v, bl)) return;
    const char *after = p + w->nlen[k] + 2, *end = v + m->len;
    const char *stop = memchr(after, PARAM_OPEN, (size_t)(end - after));
    size_t al = (size_t)((stop ? stop : end) - after);
    /* a glob's text after it up to its first wildcard ("/q/t$X/" then "*") */
    if (m->kind == MK_GLOB) al = strcspn(after, "*?[\\") < al ? strcspn(after, "*?[\\") : al;
    const char *rest = t + bl;
    size_t rl = tl - bl;
    witness_add(w, k, arena_strndup(ar, rest, rl));
    /* cut where the text after it appears, or where t ends inside it (t
     * a pattern's fixed start: "/t$X/a/" + globstar against "/tmp/a": X=mp) */
    for (size_t at = 1; al && at < rl; at++)
        if (same_nocase(rest + at, after, at + al <= rl ? al : rl - at)) witness_add(w, k, arena_strndup(ar, rest, at));
}

/* The text a value can be taken from: a glob's or regex's fixed start
 * (text is m's value with the known values in), any other matcher's text. */
static const char *pattern_start(arena *ar, const matcher *m, const char *text)
{
    if (m->kind != MK_GLOB && m->kind != MK_REGEX && m->kind != MK_NAME_REGEX) return text;
    if (memchr(text, PARAM_OPEN, strlen(text))) return text;
    matcher t = *m;
    t.value = text;
    t.len = strlen(text);
    matcher_finish(ar, &t);
    return t.fixed && t.fixed_len ? arena_strndup(ar, t.fixed, t.fixed_len) : text;
}

/* The strings a value can be read off for a matcher whose text (its value
 * with the other values in) has no parameter left: a string kind's text; a
 * pattern's fixed start and two short strings it matches. */
static size_t strings_of(arena *ar, int mac, const matcher *m, const char *text, const char **out)
{
    size_t n = 0;
    if (!is_pattern(m->kind)) { out[n++] = text; return n; }
    matcher t = *m;
    t.value = text;
    t.len = strlen(text);
    matcher_finish(ar, &t);
    if (t.fixed_len) out[n++] = arena_strndup(ar, t.fixed, t.fixed_len);
    const sb_regex *rx = pattern_of(ar, mac, &t);
    for (int v = 0; rx && v < 2; v++) {
        char buf[512];
        if (sb_regex_sample(rx, v | (mk_family(m->kind) == FAM_PATH ? SB_SAMPLE_PATH : 0), buf, sizeof buf) >= 0)
            out[n++] = arena_strdup(ar, buf);
    }
    return n;
}

/* a value -D would take as written: no empty, "." or ".." component and
 * no "/" at the end (but "/" itself) */
static int plain_value(const char *v, size_t n)
{
    if (n == 1 && v[0] == '/') return 1;
    if (!n || v[n - 1] == '/') return 0;
    for (size_t i = 0; i < n;) {
        size_t e = i;
        while (e < n && v[e] != '/') e++;
        size_t l = e - i;
        if ((l == 0 && i > 0) || (l == 1 && v[i] == '.') || (l == 2 && v[i] == '.' && v[i + 1] == '.')) return 0;
        i = e + 1;
    }
    return 1;
}

static void add_plain_cand(arena *ar, witness *w, size_t k, const char *v, size_t n)
{
    if (plain_value(v, n)) witness_add(w, k, arena_strndup(ar, v, n));
}

/* A value for parameter k that makes template text t (its first parameter
 * k, between written text A and B) read as string o, for a matcher of kind
 * kind: what follows A in o; where t is one string (a literal, a name),
 * what lies between A and B ("${S}d" against "secd": S=sec); for a path,
 * that cut where o ends with B up to one of B's "/" ("/a/${D}c/x" against
 * "/a/bc": D=b), and what follows A with a component below it (the rest of
 * t then lies inside o: "/a/b${D}x/k" against "/a/bc": D=c/x). */
static void solve_cand(arena *ar, witness *w, size_t k, matcher_kind kind, const char *t, const char *o)
{
    const char *p = strchr(t, PARAM_OPEN);
    if (!p || strncmp(p + 1, w->name[k], w->nlen[k]) || p[1 + w->nlen[k]] != PARAM_CLOSE) return;
    size_t al = (size_t)(p - t), ol = strlen(o);
    if (kind == MK_GLOB && strcspn(t, "*?[\\") < al) {
        /* a wildcard before it ("/q/" globstar "/${D}p/x"): its component
         * on from each component of o ("/q/mp/x": D=m), when no wildcard
         * stands in that component before it */
        const char *c0 = p;
        while (c0 > t && c0[-1] != '/') c0--;
        if (c0 == t || strcspn(c0, "*?[\\") < (size_t)(p - c0)) return;
        for (const char *s = o; *s; s++)
            if (*s == '/') solve_cand(ar, w, k, kind, c0 - 1, s);
        return;
    }
    if (ol <= al || !same_nocase(o, t, al)) return;
    const char *b = p + 2 + w->nlen[k];
    size_t bl = strlen(b);
    if ((kind == MK_LITERAL || kind == MK_NAME) && bl && !strchr(b, PARAM_OPEN) &&
        ol > al + bl && !memcmp(o + ol - bl, b, bl))
        add_plain_cand(ar, w, k, o + al, ol - al - bl);
    add_plain_cand(ar, w, k, o + al, ol - al);
    if (mk_family(kind) != FAM_PATH) return;
    size_t fixed = 0;                    /* B up to a wildcard or parameter */
    while (fixed < bl && b[fixed] != PARAM_OPEN && !(kind == MK_GLOB && strchr("*?[\\", b[fixed]))) fixed++;
    for (size_t c = 1; c <= fixed && al + c < ol; c++)
        if ((c == bl || b[c] == '/') && !memcmp(o + ol - c, b, c)) add_plain_cand(ar, w, k, o + al, ol - al - c);
    /* B's written text up to its first "/" (or all of it, before a
     * wildcard) found inside o, a pattern's text going on below it: cut
     * there ("/q/t${X}/" then "*" against "/q/tar/secret": X=ar; "/${X}c/x" "*"
     * against "/arc/xx": X=ar; "/${X}c?" against "/scy": X=s) */
    size_t cut = 0;
    while (cut < fixed && b[cut] != '/') cut++;
    if (cut < fixed) cut++;
    if (cut && (cut < bl || kind != MK_LITERAL))
        for (size_t e = al + 1; e + cut <= ol; e++)
            if (!memcmp(o + e, b, cut)) add_plain_cand(ar, w, k, o + al, e - al);
    /* a glob's "?" right after it: one character of the component
     * ("/t${X}?" against "/tary/z": X=ar) */
    if (kind == MK_GLOB && bl && b[0] == '?')
        for (size_t e = al + 2; e <= ol; e++)
            if (e == ol || o[e] == '/') add_plain_cand(ar, w, k, o + al, e - 1 - al);
    if (bl && b[0] != '/') {
        const char *below = arena_printf(ar, "%.*s/x", (int)(ol - al), o + al);
        add_plain_cand(ar, w, k, below, strlen(below));
    }
}

/* A regex template (its parameters as written, the known values in) read
 * as a string kind for solve_cand: its plain start after the "^" (the
 * parameters as written; regex_literals.c reads it), a literal when the
 * regex ends there in "$", otherwise a prefix (a name's for a name regex).
 * NULL when it does not start with "^" or no parameter is in that text. */
static const char *regex_plain(arena *ar, const char *re, matcher_kind *kind)
{
    regex_literals lit;
    regex_literals_read(ar, re, strlen(re), REGEX_LIT_PARAMS, &lit);
    if (!lit.prefix || !memchr(lit.prefix, PARAM_OPEN, lit.prefix_len)) return NULL;
    int name = *kind == MK_NAME_REGEX;
    *kind = lit.whole ? (name ? MK_NAME : MK_LITERAL) : (name ? MK_NAME_PREFIX : MK_PREFIX);
    return lit.prefix;
}

void witness_solve(arena *ar, int on_linux, witness *w, size_t k, const matcher *m, const hashmap *known, const char *o)
{
    hashmap vals;
    hm_init(&vals);
    for (size_t i = 0; i < known->cap; i++) {
        const hm_slot *sl = &known->slots[i];
        if (sl->hash && !(sl->klen == w->nlen[k] && !memcmp(sl->key, w->name[k], sl->klen))) hm_set(&vals, sl->key, sl->klen, sl->val);
    }
    strbuf tx;
    sb_init(&tx);
    param_expand(&tx, m->value, m->len, &vals, TPL_KEEP | (on_linux ? TPL_LINUX : 0));
    matcher_kind kind = m->kind;
    const char *t = sb_cstr(&tx);
    if (kind == MK_REGEX || kind == MK_NAME_REGEX) t = regex_plain(ar, t, &kind);
    if (t) solve_cand(ar, w, k, kind, t, o);
    sb_free(&tx);
    hm_free(&vals);
}

typedef struct first_ctx { arena *ar; const sb_regex *a, *b; const char *s; } first_ctx;

static void first_emit(void *ud, const char *s, size_t len)
{
    first_ctx *f = ud;
    if (!f->s && sb_regex_search(f->a, s, len) && sb_regex_search(f->b, s, len)) f->s = arena_strndup(f->ar, s, len);
}

/* A string that pattern o (its text without parameters) matches and that
 * template text t of a string kind can read as, whatever its parameters
 * are (each any text): NULL when none is found. */
static const char *meet_string(arena *ar, int mac, const matcher *m, const char *t, const matcher *o, const char *ot)
{
    if (!is_pattern(o->kind) || is_pattern(m->kind)) return NULL;
    strbuf re;
    sb_init(&re);
    sb_putc(&re, '^');
    for (const char *p = t; *p; p++) {
        if (*p != PARAM_OPEN) { regex_quote(&re, p, 1); continue; }
        while (*p && *p != PARAM_CLOSE) p++;
        sb_puts(&re, ".+");
        if (!*p) break;
    }
    if (m->kind == MK_LITERAL || m->kind == MK_NAME) sb_putc(&re, '$');
    else if (m->kind == MK_SUBPATH) sb_puts(&re, "(/.*)?$");
    const char *err;
    first_ctx fc = { ar, sb_regex_compile(ar, re.data, re.len, &err), NULL, NULL };
    sb_free(&re);
    matcher oi = *o;
    oi.value = ot;
    oi.len = strlen(ot);
    fc.b = pattern_of(ar, mac, &oi);
    if (!fc.a || !fc.b) return NULL;
    const sb_regex *res[2] = { fc.a, fc.b };
    sb_atoms_opts so = { .path = mk_family(m->kind) == FAM_PATH, .max_states = 5000, .max_len = 256 };
    sb_regex_atoms(res, 2, &so, first_emit, &fc);
    return fc.s;
}

/* Values for parameter k of two final rules read off one rule's strings
 * for the other's text, the other parameters at their known values, or
 * (where fix[j] is given) parameter j at value fix[j]: deny final read
 * literal "/s/$S" against allow final read "$P/t/x" gives S=t/x for P=/s. */
static void solve_cands(arena *ar, int on_linux, int mac, witness *w, size_t k, const hashmap *known,
                        const rule *r, const rule *f, const char *const *fix)
{
    hashmap vals;
    hm_init(&vals);
    for (size_t i = 0; i < known->cap; i++) {
        const hm_slot *sl = &known->slots[i];
        if (sl->hash && !(sl->klen == w->nlen[k] && !memcmp(sl->key, w->name[k], sl->klen))) hm_set(&vals, sl->key, sl->klen, sl->val);
    }
    for (size_t j = 0; fix && j < w->n; j++)
        if (j != k && fix[j]) hm_set(&vals, w->name[j], w->nlen[j], (void *)fix[j]);
    const matcher *ms[2] = { &r->m, &f->m };
    strbuf tx[2];
    for (int i = 0; i < 2; i++) {
        sb_init(&tx[i]);
        param_expand(&tx[i], ms[i]->value, ms[i]->len, &vals, TPL_KEEP | (on_linux ? TPL_LINUX : 0));
    }
    for (int i = 0; i < 2; i++) {
        const char *self = sb_cstr(&tx[i]), *other = sb_cstr(&tx[!i]);
        if (!strchr(self, PARAM_OPEN) || strchr(other, PARAM_OPEN)) continue;
        matcher_kind kind = ms[i]->kind;
        int regex = kind == MK_REGEX || kind == MK_NAME_REGEX;
        if (regex && !(self = regex_plain(ar, self, &kind))) continue;
        const char *strs[3];
        size_t ns = strings_of(ar, mac, ms[!i], other, strs);
        for (size_t s = 0; s < ns; s++) {
            solve_cand(ar, w, k, kind, self, strs[s]);
            /* /private/tmp/b as the kernel presents /tmp/b, which values
             * glued to text may make ("/t$X/b": X=mp) */
            if (mac && !strncmp(strs[s], "/private/", 9) && private_alias(strs[s] + 8, strlen(strs[s] + 8), ""))
                solve_cand(ar, w, k, kind, self, strs[s] + 8);
        }
        const char *both = regex ? NULL : meet_string(ar, mac, ms[i], self, ms[!i], other);
        if (both) solve_cand(ar, w, k, kind, self, both);
    }
    sb_free(&tx[0]);
    sb_free(&tx[1]);
    hm_free(&vals);
}

/* The text a path template starts with before its first parameter (of a
 * regex, its plain start after the "^" as regex_literals.c reads it): NULL
 * when that is not a path or is empty. */
static const char *written_start(arena *ar, const char *t)
{
    const char *s = t;
    size_t n = strlen(t);
    if (t[0] == '^') {
        regex_literals lit;
        regex_literals_read(ar, t, n, REGEX_LIT_PARAMS, &lit);
        s = lit.prefix ? lit.prefix : "";
        n = lit.prefix_len;
    }
    const char *p = memchr(s, PARAM_OPEN, n);
    if (p) n = (size_t)(p - s);
    return n && s[0] == '/' ? arena_strndup(ar, s, n) : NULL;
}

/* Two final rules, r as specific as f or more, with the values in
 * (matchers a and b): what check_one decides for the rules written so, an
 * error where their texts then meet and r is as specific on the values
 * ("/a/${D}c" with D=b against the final deny of moving "/a/bc" that
 * "/a/bc/s" implies is the error "/a/bc" is, though the deny takes the
 * tie; "/tmp/s" against "/T$X/x" with X=mp/s is the other rule's error),
 * otherwise where r outranks f and they certainly meet */
/* m ranked as the kernel's path: a glob that values made an alias
 * ("/Tmp/s/" then "*") as the output writes it, under /private (depth 3) */
static void kernel_rank(arena *ar, const matcher *m, matcher *out)
{
    *out = *m;
    if (!alias_glob(m)) return;
    strbuf b;
    sb_init(&b);
    sb_add(&b, m->value, m->len);
    sb_private_alias(&b);
    out->value = arena_strndup(ar, b.data, b.len);
    out->len = b.len;
    sb_free(&b);
    matcher_finish(ar, out);
}

static int pair_meets(arena *ar, int mac, const rule *r, const rule *f, const matcher *a, const matcher *b)
{
    /* ranked as written, or, where that put r below f, on the values */
    rule ri = *r, fi = *f;
    if (mac) kernel_rank(ar, a, &ri.m), kernel_rank(ar, b, &fi.m);
    else ri.m = *a, fi.m = *b;
    int as_written = spec_cmp(&r->m, &f->m) >= 0, on_values = spec_cmp(&ri.m, &fi.m) >= 0;
    if (!as_written && !on_values) return 0;
    /* and compared as the kernel's paths too ("/Tmp/s/" then "*" is
     * "/private/tmp/s/" then "*") */
    int text = final_relate(ar, mac, a, b) == REL_OVERLAP || final_relate(ar, mac, &ri.m, &fi.m) == REL_OVERLAP;
    if (on_values && text) return 1;
    if (!(as_written ? rule_outranks(r, f) : rule_outranks(&ri, &fi))) return 0;
    return certain_overlap(ar, mac, a, b) || certain_overlap(ar, mac, &ri.m, &fi.m);
}

/* 1 when, with parameter k at v[k], r falls inside f (two final rules:
 * meets it); then the values are written into why as "NAME=VALUE ...". */
static int values_meet(compilation *c, const rule *r, const rule *f, const witness *w, const char *const *v,
                       arena *scratch, strbuf *why)
{
    hashmap vals;
    hm_init(&vals);
    for (size_t k = 0; k < w->n; k++) hm_set(&vals, w->name[k], w->nlen[k], (void *)v[k]);
    int on_linux = compile_platform(c) == PLAT_LINUX, mac = compile_platform(c) == PLAT_MACOS, meet = 0;
    matcher a[4], b[4];
    size_t na = final_instances(scratch, on_linux, &r->m, &vals, a);
    size_t nb = final_instances(scratch, on_linux, &f->m, &vals, b);
    /* r falls inside f when one of the paths it stands for does: the
     * part of a prefix "/$D" (D=tmp) outside /private/tmp is /tmpx */
    for (size_t i = 0; i < na && !meet; i++)
        for (size_t j = 0; j < nb && !meet; j++)
            meet = r->final ? pair_meets(scratch, mac, r, f, &a[i], &b[j]) : final_inside(scratch, mac, &a[i], &b[j]);
    if (meet)
        for (size_t k = 0; k < w->n; k++) sb_printf(why, "%s%.*s=%s", k ? " " : "", (int)w->nlen[k], w->name[k], v[k]);
    hm_free(&vals);
    return meet;
}

/* Two final rules with three parameters or more: a value of one may need
 * two others at once ("$P/$D/${X}c" against "/a/b/mpc": P=/ D=a/b X=mp),
 * which the walk over combinations may not reach.  Here the parameters
 * are solved in turn, each with those before it fixed (the first at each
 * of its candidates), and each full set of values is tried; at most
 * budget tries.  1 when that finds values under which they meet. */
typedef struct chain {
    compilation *c;
    const rule *r, *f;
    const witness *w;
    const hashmap *known;
    arena *scratch;
    strbuf *why;
    const char *v[MAX_WPARAMS];
    size_t budget;
} chain;

static int chain_from(chain *ch, size_t k)
{
    const witness *w = ch->w;
    if (k == w->n) {
        if (!ch->budget) return 0;
        ch->budget--;
        return values_meet(ch->c, ch->r, ch->f, w, ch->v, ch->scratch, ch->why);
    }
    witness t = *w;                      /* k's own candidates, or those solved with the ones before it fixed */
    if (k && !hm_get(&ch->c->defines, w->name[k], w->nlen[k])) {
        t.ncand[k] = 0;
        const char *fix[MAX_WPARAMS] = { 0 };
        for (size_t j = 0; j < k; j++) fix[j] = ch->v[j];
        solve_cands(ch->scratch, compile_platform(ch->c) == PLAT_LINUX, compile_platform(ch->c) == PLAT_MACOS, &t, k, ch->known,
                    ch->r, ch->f, fix);
    }
    for (size_t i = 0; i < t.ncand[k] && ch->budget; i++) {
        ch->v[k] = t.cand[k][i];
        if (chain_from(ch, k + 1)) return 1;
    }
    return 0;
}

static int three_way(compilation *c, const rule *r, const rule *f, const witness *w, const hashmap *known, arena *scratch,
                     strbuf *why)
{
    chain ch = { c, r, f, w, known, scratch, why, { 0 }, 2048 };
    return chain_from(&ch, 0);
}

static int find_witness(compilation *c, const rule *r, const rule *f, strbuf *why)
{
    arena scratch;
    arena_init(&scratch);
    witness w;
    memset(&w, 0, sizeof w);
    witness_add_params(&w, &r->m);
    witness_add_params(&w, &f->m);
    if (!w.n) { arena_free(&scratch); return 0; }
    hashmap known;                      /* test values, declared defaults, then -D: the texts to take candidates from */
    hm_init(&known);
    final_known_values(c, &known);
    strbuf rs, fs;
    sb_init(&rs);
    sb_init(&fs);
    int on_linux = compile_platform(c) == PLAT_LINUX;
    param_expand(&rs, r->m.value, r->m.len, &known, TPL_KEEP | (on_linux ? TPL_LINUX : 0));
    param_expand(&fs, f->m.value, f->m.len, &known, TPL_KEEP | (on_linux ? TPL_LINUX : 0));
    for (size_t k = 0; k < w.n; k++) {
        const char *dv = hm_get(&c->defines, w.name[k], w.nlen[k]);
        if (dv) { witness_add(&w, k, dv); continue; }
        witness_add(&w, k, hm_get(&known, w.name[k], w.nlen[k]));
        /* a final deny of moving an ancestor (final_ancestors.c) that a
         * parameter spells, with the values the compilation knows only
         * (one written out is searched as any final rule: "/a/${D}c"
         * against the ancestor "/a/bc" of "/a/bc/s", D=b): any path is
         * an ancestor of some value ("allow write literal "/dev/ptmx""
         * would meet the home's "~" with HOME=/dev/ptmx), and there it
         * decides anyway;
         * one on the final path itself against a final allow is searched
         * as the written rule is (a value that puts "/q/s/x" under a final
         * read deny of "$P" denies linking it there) */
        if ((f->implied == IMPL_MOVE && (!f->m.value || memchr(f->m.value, PARAM_OPEN, f->m.len))) || (f->implied == IMPL_MOVE_SELF && !r->final)) continue;
        if (r->final) solve_cands(&scratch, on_linux, compile_platform(c) == PLAT_MACOS, &w, k, &known, r, f, NULL);
        /* a value that makes a first component a /private link: there two
         * texts that differ meet ("/T$X" and "/t$X", X=mp) */
        if (compile_platform(c) == PLAT_MACOS) {
            if (r->final) witness_add_alias_parts(&scratch, &w, k, &r->m);
            witness_add_alias_parts(&scratch, &w, k, &f->m);
        }
        /* for a rule that is not final, only the final rule's own
         * parameters are searched: one that names another parameter
         * ("$WORKDIR/x" beside a final "~/.ssh") falls inside for some value
         * of it, and there the final rule decides anyway (precedence.c);
         * that is no error.  Two final rules: every parameter. */
        if (!r->final && !names_param(&f->m, w.name[k], w.nlen[k])) continue;
        /* a value that puts one rule's path on the other's (a pattern's:
         * its fixed start) */
        const char *srcs[2] = { pattern_start(&scratch, &r->m, sb_cstr(&rs)), pattern_start(&scratch, &f->m, sb_cstr(&fs)) };
        for (int s = 0; s < 2; s++) {
            if (!memchr(srcs[s], PARAM_OPEN, strlen(srcs[s]))) witness_add_from(&scratch, &w, k, srcs[s]);
            else if (r->final) {
                /* two final rules: the value may put one rule on the
                 * written start of the other ("$P/bc" against
                 * "/a/b$D/x": P=/a, D=c), or be the root */
                const char *st = written_start(&scratch, srcs[s]);
                witness_add(&w, k, "/");
                if (st) witness_add_from(&scratch, &w, k, st);
            }
        }
        if (r->final) {
            if (!memchr(srcs[1], PARAM_OPEN, strlen(srcs[1]))) witness_add_around(&scratch, &w, k, &r->m, srcs[1]);
            if (!memchr(srcs[0], PARAM_OPEN, strlen(srcs[0]))) witness_add_around(&scratch, &w, k, &f->m, srcs[0]);
        } else if (mk_family(f->m.kind) == FAM_NAME && !memchr(srcs[0], PARAM_OPEN, strlen(srcs[0]))) {
            /* a name has no components to take values from: the final
             * rule's parameter as the rest of the other name ("com.$SVC"
             * against "com.apple.secd": SVC=apple.secd) */
            witness_add_around(&scratch, &w, k, &f->m, srcs[0]);
        }
    }
    /* and with each other parameter at each of its first candidates */
    if (r->final && w.n > 1)
        for (size_t k = 0; k < w.n; k++) {
            if (hm_get(&c->defines, w.name[k], w.nlen[k])) continue;
            for (size_t j = 0; j < w.n; j++) {
                size_t nc = w.ncand[j] < 12 ? w.ncand[j] : 12;
                for (size_t i = 0; j != k && i < nc; i++) {
                    const char *fix[MAX_WPARAMS] = { 0 };
                    fix[j] = w.cand[j][i];
                    solve_cands(&scratch, on_linux, compile_platform(c) == PLAT_MACOS, &w, k, &known, r, f, fix);
                }
            }
        }
    /* three parameters or more: a value of one may need two others at
     * once ("$P/$D/${X}c" against "/a/b/mpc": P=/ D=a/b X=mp), which the
     * walk over combinations below may not reach; each value solved with
     * two others fixed is tried with them at once */
    if (r->final && w.n > 2 && three_way(c, r, f, &w, &known, &scratch, why)) {
        sb_free(&rs);
        sb_free(&fs);
        hm_free(&known);
        arena_free(&scratch);
        return 1;
    }
    sb_free(&rs);
    sb_free(&fs);
    hm_free(&known);
    size_t idx[MAX_WPARAMS] = { 0 };
    int found = 0;
    for (size_t k = 0; k < w.n; k++) if (!w.ncand[k]) { arena_free(&scratch); return 0; }
    for (size_t tries = 0; tries < MAX_TRIES && !found; tries++) {
        const char *v[MAX_WPARAMS];
        for (size_t k = 0; k < w.n; k++) v[k] = w.cand[k][idx[k]];
        found = values_meet(c, r, f, &w, v, &scratch, why);
        size_t k = 0;                    /* next combination */
        while (k < w.n && ++idx[k] == w.ncand[k]) idx[k++] = 0;
        if (k == w.n) break;
    }
    arena_free(&scratch);
    return found;
}

static void check_one(void *ud, rule *r)
{
    final_ctx *fc = ud;
    rule *f = fc->f;
    if (r->action == f->action || (r->implied && r->implied != IMPL_CASE)) return;
    /* an allow of writing inside a final read deny ("/a/b" in "/a") makes
     * a place to write into, not to read: the final deny of moving what
     * is there decides without an error; an allow of moving a directory
     * that holds the final path, or a final allow, is BK2005 */
    if (f->implied == IMPL_MOVE_SELF && !r->final) return;
    /* the fold of a final deny into every case of its letters decides over
     * every rule that is not final (precedence.c); a final allow that
     * meets it is BK2005, as one meeting the path as written */
    if (f->implied == IMPL_CASE && !r->final) return;
    if (!opset_intersects(r->covers, f->covers)) return;
    if (pair_reported(fc, r, f)) return;                 /* one error per pair */
    /* a final rule whose parameter makes its depth ("$P" with P=/q/S/x)
     * is ranked on the values (find_witness) */
    int ranked_later = r->final && f->final && r->m.value && memchr(r->m.value, PARAM_OPEN, r->m.len);
    if (spec_cmp(&r->m, &f->m) < 0 && !ranked_later) return;
    /* Only a certain overlap is an error: whether rules with different
     * parameter roots meet depends on values that differ per machine. */
    compilation *c = fc->c;
    relation rel = final_relate(&c->a, compile_platform(c) == PLAT_MACOS, &r->m, &f->m);
    strbuf why;
    sb_init(&why);
    /* with parameters: decided on the -D values; otherwise an error when
     * some values put r inside f and r would then decide over it (a tie
     * between an allow and a final deny goes to the deny) */
    /* two final rules: where they overlap at all the usual order decides */
    int both = r->final && f->final;
    if (rel == REL_OVERLAP && spec_cmp(&r->m, &f->m) < 0) rel = REL_UNKNOWN;   /* ranked on the values */
    if (both && rel == REL_UNKNOWN && rule_outranks(r, f) && !memchr(r->m.value ? r->m.value : "", PARAM_OPEN, r->m.len) &&
        !memchr(f->m.value ? f->m.value : "", PARAM_OPEN, f->m.len) && certain_overlap(&c->a, compile_platform(c) == PLAT_MACOS, &r->m, &f->m))
        rel = REL_OVERLAP;
    /* a pattern that outranks a final literal, subpath or prefix (without
     * parameters) meets it where some path matches both ("/private/tm*" +
     * "/x" against subpath "/private/tmp", on /private/tmp/x) */
    if (!both && rel == REL_UNKNOWN && is_pattern(r->m.kind) && !is_pattern(f->m.kind) && rule_outranks(r, f) &&
        exact_meet(&c->a, compile_platform(c) == PLAT_MACOS, &r->m, &f->m) == REL_OVERLAP)
        rel = REL_OVERLAP;
    if (rel != REL_OVERLAP && (rel == REL_DISJOINT || (!both && (!rule_outranks(r, f) || !may_fall_inside(fc, r, f))) ||
                               !find_witness(c, r, f, &why))) {
        sb_free(&why);
        return;
    }
    /* a final path deny holds in every case of its letters (final_case.c) */
    int cased = r->implied == IMPL_CASE || f->implied == IMPL_CASE;
    pair_add(fc, r, f);
    diag *d = diag_add(&c->diags, SEV_ERROR, BK2005, origin_primary(r),
                       "%s contradicts a final %s%s%s",
                       action_name(r->action),
                       action_name(f->action),
                       cased ? " in another case of its letters" : "",
                       unit_provenance(c, r->origins->u));
    if (why.len) diag_note_add(&c->diags, d, origin_primary(r), both ? "it meets the final rule with %s" : "it falls inside the final rule with %s",
                               sb_cstr(&why));
    sb_free(&why);
    diag_note_add(&c->diags, d, origin_primary(f), "final %s is here%s",
                  action_name(f->action), unit_provenance(c, f->origins->u));
    diag_help(&c->diags, d, "a final rule cannot be overridden by a rule as specific or more specific%s; "
              "remove this rule or make it not overlap",
              cased ? " (a macOS volume is case-insensitive: a path in another case of its letters names the same file)" : "");
}

int final_reach(const rule *f, opset *out)
{
    static const char *const data[] = { "file-read*", "file-write*" };
    static const char *const more[] = { "file-mount", "file-mount-update", "file-issue-extension" };
    *out = *f->covers;
    if (f->action != ACT_DENY) return 0;
    int reads = 0;
    for (size_t i = 0; i < sizeof data / sizeof *data && !reads; i++) {
        int op = op_lookup(data[i], NULL);
        reads = op >= 0 && opset_intersects(f->covers, &op_get(op)->covers);
    }
    if (!reads) return 0;
    for (size_t i = 0; i < sizeof more / sizeof *more; i++) {
        int op = op_lookup(more[i], NULL);
        if (op < 0) continue;
        for (size_t w = 0; w < OPS_MAX / 64; w++) out->w[w] |= op_get(op)->covers.w[w];
    }
    return !opset_eq(out, f->covers);
}

/* The rules that decide an operation a final deny reaches beyond its own
 * (final_reach), against it: the index and the loop below look by the
 * final rule's own operations */
static void check_reach(final_ctx *fc, rule *const *finals, size_t nfinals)
{
    compilation *c = fc->c;
    for (size_t i = 0; i < nfinals; i++) {
        opset reach;
        if (!final_reach(finals[i], &reach)) continue;
        rule fq = *finals[i];
        fq.covers = &reach;
        fc->f = &fq;
        for (size_t j = 0; j < c->pol.rules.n; j++) {
            rule *r = c->pol.rules.v[j];
            if (r == finals[i] || opset_intersects(r->covers, finals[i]->covers) || !opset_intersects(r->covers, &reach))
                continue;
            check_one(fc, r);
        }
    }
}

/* Whether the fold f denies an operation its written rule (one of the
 * first from rules, written where f was) denies as written, not only as
 * implied by it (final_ancestors.c) */
static int folds_written_op(const compilation *c, const rule *f, size_t from)
{
    span at = origin_primary(f);
    for (size_t i = 0; i < from; i++) {
        const rule *g = c->pol.rules.v[i];
        if (g->implied || !g->final || g->action != f->action || !opset_has(g->covers, f->op)) continue;
        span gat = origin_primary(g);
        if (gat.src == at.src && gat.start == at.start) return 1;
    }
    return 0;
}

void check_final_cases(compilation *c, size_t from, hashmap *reported)
{
    size_t n = c->pol.rules.n, nallow = 0;
    rule **allows = xmalloc((from + 1) * sizeof *allows);
    for (size_t i = 0; i < from; i++) {
        rule *r = c->pol.rules.v[i];
        if (r->final && !r->implied && r->action == ACT_ALLOW) allows[nallow++] = r;
    }
    final_ctx fc = { c, NULL, arena_alloc(&c->a, (n + 1) * sizeof *fc.gen), arena_alloc(&c->a, n + 1), reported };
    for (size_t i = from; i < n && nallow; i++) {
        rule *f = c->pol.rules.v[i];
        if (f->implied != IMPL_CASE || !fold_of_making(f)) continue;
        /* as the rule it folds: a final allow as specific or more specific
         * that meets it; and where the written rule itself denies the
         * operation, the other way too, as between two written final
         * rules (an implied deny more specific than a final allow just
         * decides, as the implied denies of the path as written do) */
        int both_ways = folds_written_op(c, f, from);
        for (size_t j = 0; j < nallow; j++) {
            fc.f = f;
            check_one(&fc, allows[j]);
            fc.f = allows[j];
            if (both_ways) check_one(&fc, f);
        }
    }
    free(allows);
}

void check_finals(compilation *c, void *index, rule *const *finals, size_t nfinals, hashmap *reported)
{
    ovl_index *ix = index;
    size_t nr = c->pol.rules.n + 1;
    final_ctx fc = { c, NULL, arena_alloc(&c->a, nr * sizeof *fc.gen), arena_alloc(&c->a, nr), reported };
    if (ix) {
        for (size_t i = 0; i < nfinals; i++) {
            fc.f = finals[i];
            ovl_query(ix, finals[i], 1, check_one, &fc);
        }
        check_reach(&fc, finals, nfinals);
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
    check_reach(&fc, finals, nfinals);
}
