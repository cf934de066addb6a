/* overlap.c - matcher relations and the candidate index.
 *
 * Matchers are grouped by family (paths, each name namespace) and by root
 * token (a leading parameter, or "" for a literal start).  Within a group,
 * every matched string starts with the matcher's key (its fixed part, cut at
 * the first parameter after the root), so two matchers can only be related
 * when one key is a prefix of the other: ancestors are found through each
 * key's nearest prefix (computed once on the sorted keys), descendants by a
 * range of the sorted keys.  Across
 * groups the relation depends on parameter values, so every rule of another
 * group is a candidate.  A fold (letters in both cases, ir.h) is keyed by
 * its fixed part read on, in lower case, in a list of its group's folds;
 * a group with folds also lists its other rules by their keys in lower
 * case: one text then finds, in some case, what it may meet. */
#include "overlap.h"
#include "expand.h"
#include "../seatbelt/request.h"
#include "../support/keysort.h"
#include "../support/prefetch.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int spec_cmp(const matcher *a, const matcher *b)
{
    if (a->spec_a != b->spec_a) return a->spec_a < b->spec_a ? -1 : 1;
    if (a->spec_b != b->spec_b) return a->spec_b < b->spec_b ? -1 : 1;
    return 0;
}

int matcher_identical(const matcher *a, const matcher *b)
{
    if (a->kind != b->kind || a->ns != b->ns || a->outbound != b->outbound) return 0;
    if (a->banded != b->banded || (a->banded && (a->band_lo != b->band_lo || a->band_hi != b->band_hi))) return 0;
    if (a->holder != b->holder) return 0;
    if (!a->value || !b->value) return a->value == b->value;
    return a->len == b->len && memcmp(a->value, b->value, a->len) == 0;
}

static name_ns ns_class(name_ns n) { return n == NS_IOKIT_REG ? NS_IOKIT : n; }

/* Walks two templates: REL_DISJOINT at a literal mismatch, REL_UNKNOWN when
 * a parameter meets something else, otherwise REL_OVERLAP with *common set
 * when one is a prefix of the other (and *a_end / *b_end saying who ended). */
/* Eight bytes at a time while both texts agree and hold no parameter. */
static size_t same_plain_prefix(const char *a, const char *b, size_t n)
{
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    size_t i = 0;
    while (i + 8 <= n) {
        uint64_t x, y;
        memcpy(&x, a + i, 8);
        memcpy(&y, b + i, 8);
        uint64_t p = x ^ (ones * (unsigned char)PARAM_OPEN);     /* a zero byte marks a parameter */
        if (x != y || ((p - ones) & ~p & highs)) break;
        i += 8;
    }
    return i;
}

/* Letters in both cases: a fold's (ir.h, ffixed) are lower-case and marked
 * in its mask (NULL: none), so two bytes meet when they are the same or
 * either is marked and they are one letter. */
static int letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

static int meet(char x, const char *mx, size_t i, char y, const char *my, size_t j)
{
    return x == y || (((mx && mx[i]) || (my && my[j])) && letter(x) && (x | 32) == (y | 32));
}

/* x[0, n) and y[0, n) are one text in some case of their marked letters */
static inline int same_text(const char *x, const char *mx, const char *y, const char *my, size_t n)
{
    if (!mx && !my) return memcmp(x, y, n) == 0;
    for (size_t i = 0; i < n; i++)
        if (!meet(x[i], mx, i, y[i], my, i)) return 0;
    return 1;
}

/* The mask of a text: the fold's when s is its fixed part read on. */
static const char *mask_of(const matcher *m, const char *s)
{
    return m->ffixed && s == m->ffixed ? m->ffold : NULL;
}

static relation walk(const char *a, const char *ma, size_t la, const char *b, const char *mb, size_t lb,
                     size_t *ia, size_t *ib)
{
    size_t i = same_plain_prefix(a, b, la < lb ? la : lb), j = i;
    while (i < la && j < lb) {
        int pa = a[i] == PARAM_OPEN, pb = b[j] == PARAM_OPEN;
        if (pa || pb) {
            if (!(pa && pb)) return REL_UNKNOWN;
            size_t ei = i, ej = j;
            while (ei < la && a[ei] != PARAM_CLOSE) ei++;
            while (ej < lb && b[ej] != PARAM_CLOSE) ej++;
            if (ei - i != ej - j || memcmp(a + i, b + j, ei - i) != 0) return REL_UNKNOWN;
            i = ei + 1;
            j = ej + 1;
            /* "$P/x" joins through P.dir: with P = "/" it is "/x", so after
             * the same parameter a '/' on one side only ("$P/b.c" and
             * "${P}b") may still meet */
            if (i < la && j < lb && (a[i] == '/') != (b[j] == '/')) return REL_UNKNOWN;
            continue;
        }
        if (!meet(a[i], ma, i, b[j], mb, j)) return REL_DISJOINT;
        i++, j++;
    }
    *ia = i;
    *ib = j;
    return REL_OVERLAP;
}

static int has_param(const char *s, size_t n) { return memchr(s, PARAM_OPEN, n) != NULL; }

/* A path template whose first component holds a parameter ("/t$X",
 * "/$D"): a value may make it /tmp, /var or /etc, which the kernel sees
 * under /private, so its fixed part says nothing past the root. */
static int alias_by_value(const char *s, size_t n)
{
    if (!n || s[0] != '/') return 0;
    for (size_t i = 1; i < n && s[i] != '/'; i++)
        if (s[i] == PARAM_OPEN) return 1;
    return 0;
}

/* The aliases (bit k: private_alias_name(k)) that the first component of
 * template c (from its '/') may be in some case of its letters through a
 * value: written, the one it names ("/Etc" after a root value); with a
 * parameter inside ("/T$X", "/$D"), each whose name the text around the
 * parameter starts and ends (a macOS volume finds the link whatever the
 * case: "/T$X" with X=mp is /private/tmp). */
static unsigned component_alias(const char *c, size_t n)
{
    size_t e = 1;
    while (e < n && c[e] != '/') e++;
    const char *open = memchr(c + 1, PARAM_OPEN, e - 1), *close = NULL;
    for (size_t i = 1; i < e; i++) if (c[i] == PARAM_CLOSE) close = c + i;
    if (open && (!close || close < open)) return 7;
    size_t pre = open ? (size_t)(open - (c + 1)) : e - 1, suf = open ? (size_t)(c + e - (close + 1)) : 0;
    unsigned mask = 0;
    for (size_t k = 0; private_alias_name(k); k++) {
        const char *name = private_alias_name(k) + 1;
        if (open ? pre + suf <= 3 : pre == 3)
            if (!strncasecmp(c + 1, name, pre) && !strncasecmp(c + e - suf, name + 3 - suf, suf)) mask |= 1u << k;
    }
    return mask;
}

/* The aliases a value may make of template s's first component: after a
 * root parameter the component that follows it ("$P/Etc/s" with P=/), or
 * any where text is glued to it ("${P}P/s" with P=/tm); a first component
 * that holds a parameter as above.  A written alias was put under /private
 * when the profile was read. */
static unsigned value_alias(const char *s, size_t n)
{
    if (!n) return 0;
    if (s[0] == PARAM_OPEN) {
        const char *close = memchr(s, PARAM_CLOSE, n);
        if (!close || close + 1 == s + n) return 0;
        if (close[1] != '/') return 7;
        return component_alias(close + 1, n - (size_t)(close + 1 - s));
    }
    if (s[0] != '/') return 0;
    size_t e = 1;
    while (e < n && s[e] != '/') e++;
    return memchr(s + 1, PARAM_OPEN, e - 1) ? component_alias(s, n) : 0;
}

/* the text up to the end of the component value_alias reads */
static size_t first_len(const char *s, size_t n)
{
    size_t e = 1;
    if (s[0] == PARAM_OPEN) {
        const char *close = memchr(s, PARAM_CLOSE, n);
        e = close ? (size_t)(close - s) + 2 : n;
    }
    while (e < n && s[e] != '/') e++;
    return e < n ? e : n;
}

int template_has_derived(const char *s, size_t n)
{
    for (const char *p = s; (p = memchr(p, PARAM_OPEN, n - (size_t)(p - s))); p++) {
        const char *e = memchr(p, PARAM_CLOSE, n - (size_t)(p - s));
        if (!e) return 0;
        if (memchr(p, '.', (size_t)(e - p))) return 1;
    }
    return 0;
}

/* x is s itself or below it (component boundary); both parameter-free or
 * sharing the same parameter tokens. */
static int within(const char *x, const char *mx, size_t lx, const char *s, const char *ms, size_t ls)
{
    if (ls == 1 && s[0] == '/') return 1;
    if (lx < ls || !same_text(x, mx, s, ms, ls)) return 0;
    return lx == ls || x[ls] == '/';
}

/* A parameter-free literal x can only lie in a literal or subpath template t
 * whose value has parameters if x contains the literal text after t's last
 * parameter (a parameter's value cannot make that text disappear).  So too
 * for a fold read on (ir.h), whatever it is: every string it matches starts
 * with that part, in some case of its letters. */
static int literal_excluded(const matcher *x, const matcher *t)
{
    if (x->kind != MK_LITERAL || has_param(x->value, x->len)) return 0;
    int fold = t->ffixed && t->fixed == t->ffixed;
    if (t->kind != MK_LITERAL && t->kind != MK_SUBPATH && !fold) return 0;
    const char *v = fold ? t->fixed : t->value;
    size_t n = fold ? t->fixed_len : t->len;
    const char *close = NULL;
    for (size_t i = 0; i < n; i++) if (v[i] == PARAM_CLOSE) close = v + i;
    if (!close) return 0;
    size_t at = (size_t)(close + 1 - v), sl = n - at;
    if (sl == 0) return 0;
    /* under /private the value made an alias of the first component, whose
     * link name the kernel spells in lower case ("$P/Etc" with P=/ is
     * /private/etc): the text after the value is compared in any case */
    if (value_alias(v, n) && x->len >= 9 && !memcmp(x->value, "/private/", 9)) {
        for (size_t i = 0; i + sl <= x->len; i++)
            if (!strncasecmp(x->value + i, close + 1, sl)) return 0;
        return 1;
    }
    const char *suf = close + 1, *ms = mask_of(t, v), *mx = mask_of(x, x->value);
    if (!ms && !mx) {
        for (size_t i = 0; i + sl <= x->len; i++)
            if (memcmp(x->value + i, suf, sl) == 0) return 0;
        return 1;
    }
    for (size_t i = 0; i + sl <= x->len; i++)
        if (same_text(x->value + i, mx ? mx + i : NULL, suf, ms ? ms + at : NULL, sl)) return 0;
    return 1;
}

/* The proper ancestors of $P's value never start with that value. */
static int ancestors_excluded(const matcher *anc, const matcher *t)
{
    if (t->kind == MK_ANCESTORS || t->fixed_len < anc->len + 2) return 0;
    if (memchr(anc->value, PARAM_OPEN, anc->len)) return 0;      /* "T$N": not one parameter's value */
    return t->fixed[0] == PARAM_OPEN && t->fixed[anc->len + 1] == PARAM_CLOSE &&
           memcmp(t->fixed + 1, anc->value, anc->len) == 0 &&
           (t->kind == MK_LITERAL || t->kind == MK_SUBPATH || t->kind == MK_PREFIX);
}

/* a and b, of one family, have fixed parts of which one starts with the
 * other (walk said so), and they are not both exact (a literal or name, a
 * subpath) or exact against a prefix.  A pattern (glob, regex) matches only
 * strings that start with its fixed part, and is assumed to match at least
 * one string under it.  REL_OVERLAP where that decides it, and for two
 * different patterns, which are not analysed: the final check reports
 * REL_OVERLAP, and a final rule must never be overridden unnoticed, so there
 * the answer errs towards an error (docs/language.md, final checks). */
static relation pattern_relation(const matcher *a, const matcher *b, matcher_kind exact,
                                 matcher_kind prefix, matcher_kind subpath)
{
    if (matcher_identical(a, b)) return REL_OVERLAP;
    int pa = a->kind != exact && a->kind != prefix && a->kind != subpath;
    int pb = b->kind != exact && b->kind != prefix && b->kind != subpath;
    if (!pa && !pb) return REL_OVERLAP;            /* prefixes: the longer within the shorter */
    if (pa && pb) return REL_OVERLAP;              /* two patterns: not analysed, see above */
    const matcher *p = pa ? a : b, *x = pa ? b : a;
    size_t fl = p->fixed_len;
    /* a glob ending in "**" matches its fixed part and what lies below it:
     * a string that continues the fixed part other than with '/' is beside
     * it (glob "/a/b" + globstar never meets literal /a/bc) */
    if (p->dir && !(fl == 1 && p->fixed[0] == '/') && x->fixed_len > fl && x->fixed[fl] != '/' && x->fixed[fl] != PARAM_OPEN)
        return REL_DISJOINT;   /* ("/" + globstar is everything below the root) */
    /* and it matches its fixed part itself: x's own string when they agree
     * to the end (parameters included) */
    if (p->dir && x->fixed_len == fl) return REL_OVERLAP;
    /* "$P" and a pattern "$P/...": with P = "/" the "/" after it is P's own
     * (the regex reads "/?"), so the pattern may match P's value */
    int root_join = fl == x->len + 1 && p->fixed[fl - 1] == '/' && x->len && x->value[x->len - 1] == PARAM_CLOSE;
    if (x->kind == exact)                          /* one string, or a longer one */
        return fl > x->len && !root_join ? REL_DISJOINT : REL_UNKNOWN;
    if (x->kind == prefix) return fl >= x->len ? REL_OVERLAP : REL_UNKNOWN;
    /* a subpath: p's strings lie below it, beside it, or are undecided */
    if (fl <= x->len) return REL_UNKNOWN;
    if (x->len == 1 && x->value[0] == '/') return REL_OVERLAP;
    return p->fixed[x->len] == '/' ? REL_OVERLAP : REL_DISJOINT;
}

/* What overlap compares of m: a fold read on (ir.h) as the literal,
 * subpath or prefix it then is, or as its pattern with the longer fixed
 * part; any other matcher as it is. */
static const matcher *fold_view(const matcher *m, matcher *tmp)
{
    if (!m->ffixed) return m;
    *tmp = *m;
    tmp->fixed = m->ffixed;
    tmp->fixed_len = m->ffixed_len;
    tmp->dir = m->fdir;
    if (m->fkind != m->kind) {
        tmp->kind = m->fkind;
        tmp->value = m->ffixed;
        tmp->len = m->ffixed_len;
    }
    return tmp;
}

static relation path_relation(const matcher *a, const matcher *b)
{
    matcher va, vb;
    a = fold_view(a, &va);
    b = fold_view(b, &vb);
    if (a->kind == MK_ANCESTORS || b->kind == MK_ANCESTORS) {
        if (matcher_identical(a, b)) return REL_OVERLAP;
        if (a->kind == MK_ANCESTORS && ancestors_excluded(a, b)) return REL_DISJOINT;
        if (b->kind == MK_ANCESTORS && ancestors_excluded(b, a)) return REL_DISJOINT;
        return REL_UNKNOWN;
    }
    if (alias_by_value(a->fixed, a->fixed_len) || alias_by_value(b->fixed, b->fixed_len)) {
        const matcher *o = alias_by_value(a->fixed, a->fixed_len) ? b : a;
        if (o->fixed_len >= 8 && !memcmp(o->fixed, "/private", 8)) return REL_UNKNOWN;
    }
    /* two first components that values may make one alias ("/T$X" and
     * "/t$X", both /private/tmp with X=mp) say nothing past the root
     * unless they are one text */
    if (value_alias(a->fixed, a->fixed_len) & value_alias(b->fixed, b->fixed_len)) {
        size_t fa = first_len(a->fixed, a->fixed_len), fb = first_len(b->fixed, b->fixed_len);
        if (fa != fb || memcmp(a->fixed, b->fixed, fa)) return REL_UNKNOWN;
    }
    size_t ia, ib;
    int folds = a->ffixed || b->ffixed;
    relation r = walk(a->fixed, folds ? mask_of(a, a->fixed) : NULL, a->fixed_len,
                      b->fixed, folds ? mask_of(b, b->fixed) : NULL, b->fixed_len, &ia, &ib);
    if (r == REL_UNKNOWN && (literal_excluded(a, b) || literal_excluded(b, a))) return REL_DISJOINT;
    if (r != REL_OVERLAP) return r;
    int exact_a = a->kind == MK_LITERAL || a->kind == MK_SUBPATH;
    int exact_b = b->kind == MK_LITERAL || b->kind == MK_SUBPATH;
    if (exact_a && exact_b) {
        /* templates with identical parameter structure compare as text */
        const char *x = a->value, *y = b->value, *mx = folds ? mask_of(a, x) : NULL, *my = folds ? mask_of(b, y) : NULL;
        size_t lx = a->len, ly = b->len;
        if (a->kind == MK_LITERAL && b->kind == MK_LITERAL) {
            if (lx == ly && same_text(x, mx, y, my, lx)) return REL_OVERLAP;
            /* a derived parameter may be empty ("/private" + P.ifroot +
             * D.ifalias is "/private" for P=/, D=tmp): undecided */
            return template_has_derived(x, lx) || template_has_derived(y, ly) ? REL_UNKNOWN : REL_DISJOINT;
        }
        if (a->kind == MK_LITERAL) return within(x, mx, lx, y, my, ly) ? REL_OVERLAP : REL_DISJOINT;
        if (b->kind == MK_LITERAL) return within(y, my, ly, x, mx, lx) ? REL_OVERLAP : REL_DISJOINT;
        return within(x, mx, lx, y, my, ly) || within(y, my, ly, x, mx, lx) ? REL_OVERLAP : REL_DISJOINT;
    }
    if ((a->kind == MK_PREFIX && exact_b) || (b->kind == MK_PREFIX && exact_a)) {
        const matcher *p = a->kind == MK_PREFIX ? a : b, *e = p == a ? b : a;
        /* walk agreed token by token, parameters included, up to the shorter */
        if (p->len <= e->len) return REL_OVERLAP;   /* e's strings start with p */
        /* prefix "$P/" is "/" when P is "/": it meets literal "$P" there */
        if (p->len == e->len + 1 && p->value[e->len] == '/' && e->value[e->len - 1] == PARAM_CLOSE)
            return REL_UNKNOWN;
        if (e->kind == MK_LITERAL) return REL_DISJOINT;   /* p's are all longer */
        /* the texts agree token by token up to e's end, so p's text after
         * it decides ("~/b.cb" is beside subpath "~/b" for every HOME),
         * unless e ends with a parameter, whose value may be "/" */
        if (e->len && e->value[e->len - 1] == PARAM_CLOSE) return REL_OVERLAP;
        return within(p->value, mask_of(p, p->value), p->len, e->value, mask_of(e, e->value), e->len) && p->value[e->len] == '/'
               ? REL_OVERLAP : (e->len == 1 ? REL_OVERLAP : REL_DISJOINT);
    }
    return pattern_relation(a, b, MK_LITERAL, MK_PREFIX, MK_SUBPATH);
}

static relation name_relation(const matcher *a, const matcher *b)
{
    if (ns_class(a->ns) != ns_class(b->ns)) return REL_DISJOINT;
    size_t ia, ib;
    relation r = walk(a->fixed, NULL, a->fixed_len, b->fixed, NULL, b->fixed_len, &ia, &ib);
    if (r != REL_OVERLAP) return r;
    if (a->kind == MK_NAME && b->kind == MK_NAME)
        return a->len == b->len && memcmp(a->value, b->value, a->len) == 0 ? REL_OVERLAP : REL_DISJOINT;
    if (a->kind == MK_NAME && b->kind == MK_NAME_PREFIX) return b->len <= a->len ? REL_OVERLAP : REL_DISJOINT;
    if (b->kind == MK_NAME && a->kind == MK_NAME_PREFIX) return a->len <= b->len ? REL_OVERLAP : REL_DISJOINT;
    return pattern_relation(a, b, MK_NAME, MK_NAME_PREFIX, MK_NONE);
}

static relation ip_relation(const matcher *a, const matcher *b)
{
    if (a->outbound != b->outbound) return REL_DISJOINT;
    const char *ca = strrchr(a->value, ':'), *cb = strrchr(b->value, ':');
    if (!ca || !cb) return REL_OVERLAP;
    size_t ha = (size_t)(ca - a->value), hb = (size_t)(cb - b->value);
    int host_ok = (ha == 1 && a->value[0] == '*') || (hb == 1 && b->value[0] == '*') ||
                  (ha == hb && memcmp(a->value, b->value, ha) == 0);
    int port_ok = strcmp(ca + 1, "*") == 0 || strcmp(cb + 1, "*") == 0 || strcmp(ca + 1, cb + 1) == 0 ||
                  ca[1] == PARAM_OPEN || cb[1] == PARAM_OPEN;   /* a parameter may be any port */
    return host_ok && port_ok ? REL_OVERLAP : REL_DISJOINT;
}

relation matcher_relation(const matcher *a, const matcher *b)
{
    if (a->kind == MK_NONE || b->kind == MK_NONE) return REL_OVERLAP;
    matcher_family fa = mk_family(a->kind), fb = mk_family(b->kind);
    if (fa != fb) return REL_DISJOINT;
    switch (fa) {
    case FAM_PATH: return path_relation(a, b);
    case FAM_NAME: return name_relation(a, b);
    case FAM_IP: return ip_relation(a, b);
    case FAM_TARGET:        /* both certainly match a request ("self" is same-sandbox and pgrp), or unknown */
        return sb_targets_meet(a->value, a->len, b->value, b->len) ? REL_OVERLAP : REL_UNKNOWN;
    default: return REL_OVERLAP;
    }
}

/* ---- index --------------------------------------------------------------- */

typedef struct ovl_entry {
    const char *key;
    rule *r;
    const opset *covers;      /* r's, so that filtering needs no trip to r */
    uint32_t klen;
    uint32_t run;             /* first entry with the same key */
    uint32_t parent;          /* first entry of the nearest shorter key that is a
                               * prefix of this one, or NONE */
    uint32_t run_end;         /* (run's first entry) end of the equal keys */
    uint32_t sub_end;         /* (run's first entry) end of the keys it prefixes */
    action_t action;
} ovl_entry;

#define NONE UINT32_MAX

typedef struct ovl_group {
    matcher_family fam;
    name_ns ns;
    const char *root;         /* parameter name, or "" */
    size_t rootlen;
    ovl_entry *e;             /* sorted by key */
    size_t n, cap;
    ovl_entry *f;             /* the folds, by key in lower case */
    size_t nf;
    ovl_entry *l;             /* with folds: e again, by key in lower case */
    size_t first;             /* while building: the item of its first rule */
} ovl_group;

struct ovl_index {
    ovl_group *g;
    size_t ng, gcap;
    rule **other;             /* unfiltered, IP, target: compared with everything */
    size_t nother;
    opset other_ops[2];       /* by action: the operations of the other rules */
    uint32_t *pos;            /* by rule id: its entry in its group, or NONE */
    size_t nfolds;            /* the folds of all groups */
    size_t npos;
};

/* What keys a rule: a fold by its fixed part read on (fold_view). */
static const matcher *key_matcher(const rule *r, matcher *tmp)
{
    return mk_family(r->m.kind) == FAM_PATH ? fold_view(&r->m, tmp) : &r->m;
}

static void root_of(const matcher *m, const char **root, size_t *len)
{
    if (m->fixed_len && m->fixed[0] == PARAM_OPEN) {
        const char *e = memchr(m->fixed, PARAM_CLOSE, m->fixed_len);
        *root = m->fixed + 1;
        *len = e ? (size_t)(e - m->fixed - 1) : 0;
    } else {
        *root = "";
        *len = 0;
    }
}

/* Group key: the fixed part cut at the first parameter after the root. */
static void key_of(const matcher *m, const char **key, size_t *klen)
{
    size_t start = 0;
    if (m->fixed_len && m->fixed[0] == PARAM_OPEN) {
        const char *e = memchr(m->fixed, PARAM_CLOSE, m->fixed_len);
        start = e ? (size_t)(e - m->fixed) + 1 : m->fixed_len;
    }
    const char *p = memchr(m->fixed + start, PARAM_OPEN, m->fixed_len - start);
    *key = m->fixed;
    *klen = p ? (size_t)(p - m->fixed) : m->fixed_len;
    /* "/t$X" may be /private/tmp: filed under the root */
    if (mk_family(m->kind) == FAM_PATH && alias_by_value(m->fixed, m->fixed_len)) *klen = 1;
    /* "${P}p" and "${P}P/s" (P=/tm) may both be /private/tmp whatever the
     * case of the text glued to the value: filed under the value alone */
    else if (mk_family(m->kind) == FAM_PATH && start && value_alias(m->fixed, m->fixed_len) && *klen > start)
        *klen = start;
}

static ovl_group *group_for(ovl_index *ix, arena *a, const matcher *m, int create)
{
    const char *root;
    size_t rl;
    root_of(m, &root, &rl);
    matcher_family fam = mk_family(m->kind);
    name_ns ns = fam == FAM_NAME ? ns_class(m->ns) : NS_NONE;
    for (size_t i = 0; i < ix->ng; i++) {
        ovl_group *g = &ix->g[i];
        if (g->fam == fam && g->ns == ns && g->rootlen == rl && memcmp(g->root, root, rl) == 0) return g;
    }
    if (!create) return NULL;
    if (ix->ng == ix->gcap) {
        ix->gcap = ix->gcap ? ix->gcap * 2 : 8;
        ovl_group *n = arena_alloc(a, ix->gcap * sizeof *n);
        if (ix->ng) memcpy(n, ix->g, ix->ng * sizeof *n);
        ix->g = n;
    }
    ovl_group *g = &ix->g[ix->ng++];
    memset(g, 0, sizeof *g);
    g->fam = fam;
    g->ns = ns;
    g->root = root;
    g->rootlen = rl;
    return g;
}

/* Runs of equal keys, and each run's nearest proper prefix: in sorted
 * order the prefixes of a key form a stack (stack: room for n). */
static void link_runs(ovl_entry *e, uint32_t n, uint32_t *stack)
{
    uint32_t sp = 0;
    for (uint32_t k = 0; k < n; k++) {
        if (k + 24 < n) PREFETCH(e[k + 24].key);
        if (k && e[k].klen == e[k - 1].klen && memcmp(e[k].key, e[k - 1].key, e[k].klen) == 0) {
            e[k].run = e[k - 1].run;
            e[k].parent = e[k - 1].parent;
            e[e[k].run].run_end = k + 1;
            continue;
        }
        while (sp && !(e[stack[sp - 1]].klen < e[k].klen &&
                       memcmp(e[stack[sp - 1]].key, e[k].key, e[stack[sp - 1]].klen) == 0))
            e[stack[--sp]].sub_end = k;
        e[k].run = k;
        e[k].run_end = k + 1;
        e[k].parent = sp ? stack[sp - 1] : NONE;
        stack[sp++] = k;
    }
    while (sp) e[stack[--sp]].sub_end = n;
}

static const char *lower_copy(arena *a, const char *s, size_t n)
{
    char *d = arena_alloc(a, n + 1);
    for (size_t i = 0; i < n; i++) d[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] | 32) : s[i];
    d[n] = 0;
    return d;
}

/* The entries of items (one group's, keys in lower case), sorted and linked. */
static ovl_entry *lower_view(arena *a, keysort_item *items, size_t n)
{
    keysort(items, n);
    ovl_entry *e = arena_alloc(a, (n + 1) * sizeof *e);
    for (size_t k = 0; k < n; k++) {
        rule *r = items[k].p;
        e[k] = (ovl_entry){ .key = items[k].key, .r = r, .covers = r->covers, .klen = items[k].len, .action = r->action };
    }
    link_runs(e, (uint32_t)n, arena_alloc(a, (n + 1) * sizeof(uint32_t)));
    return e;
}

/* Each group's folds by their keys in lower case, and, in a group with
 * folds, its other rules so too. */
static void add_folds(ovl_index *ix, arena *a, rule **folds, size_t nfolds)
{
    keysort_item *items = arena_alloc(a, (nfolds + 1) * sizeof *items);
    for (size_t gi = 0; gi < ix->ng; gi++) {
        ovl_group *g = &ix->g[gi];
        if (!g->nf) continue;
        size_t m = 0;
        for (size_t i = 0; i < nfolds; i++) {
            matcher t;
            const matcher *km = key_matcher(folds[i], &t);
            if (group_for(ix, a, km, 0) != g) continue;
            const char *key;
            size_t klen;
            key_of(km, &key, &klen);
            items[m++] = (keysort_item){ 0, lower_copy(a, key, klen), (uint32_t)klen, folds[i]->id, folds[i] };
        }
        g->f = lower_view(a, items, m);
        g->nf = m;
        keysort_item *li = arena_alloc(a, (g->n + 1) * sizeof *li);
        for (size_t k = 0; k < g->n; k++)
            li[k] = (keysort_item){ 0, lower_copy(a, g->e[k].key, g->e[k].klen), g->e[k].klen, g->e[k].r->id, g->e[k].r };
        g->l = lower_view(a, li, g->n);
    }
}

ovl_index *ovl_build(arena *a, rule *const *rules, size_t n)
{
    ovl_index *ix = arena_alloc(a, sizeof *ix);
    ix->other = arena_alloc(a, (n + 1) * sizeof *ix->other);
    size_t maxid = 0;
    for (size_t i = 0; i < n; i++) if (rules[i]->id >= maxid) maxid = rules[i]->id + 1;
    ix->npos = maxid;
    ix->pos = arena_alloc(a, (maxid + 1) * sizeof *ix->pos);
    memset(ix->pos, 0xff, (maxid + 1) * sizeof *ix->pos);
    /* one pass in rule (memory) order: each rule's group and key, and the
     * prefix that all keys of a group share */
    /* in the arena, not malloc: after lowering it has the parse nodes'
     * memory to give (arena_adopt), a fresh malloc block would be new pages */
    keysort_item *items = arena_alloc(a, (n + 1) * sizeof *items);
    size_t ni = 0, lcap = 0, nfolds = 0;
    uint32_t *shared = NULL;  /* by group: bytes every key of the group starts with */
    rule **folds = arena_alloc(a, (n + 1) * sizeof *folds);
    for (size_t i = 0; i < n; i++) {
        rule *r = rules[i];
        matcher_family f = mk_family(r->m.kind);
        if (f != FAM_PATH && f != FAM_NAME) {
            ix->other[ix->nother++] = r;
            for (int w = 0; w < OPS_MAX / 64; w++) ix->other_ops[r->action].w[w] |= r->covers->w[w];
            continue;
        }
        if (r->m.ffixed && f == FAM_PATH) {   /* a fold: listed apart */
            matcher t;
            group_for(ix, a, key_matcher(r, &t), 1)->nf++;
            folds[nfolds++] = r;
            continue;
        }
        ovl_group *g = group_for(ix, a, &r->m, 1);
        size_t gi = (size_t)(g - ix->g);
        const char *key;
        size_t klen;
        key_of(&r->m, &key, &klen);
        if (gi >= lcap) {
            size_t nc = lcap ? lcap * 2 : 8;
            while (nc <= gi) nc *= 2;
            shared = xrealloc(shared, nc * sizeof *shared);
            lcap = nc;
        }
        if (g->cap == 0) {
            shared[gi] = (uint32_t)klen;
            g->first = ni;
        } else {                  /* what it shares with the group's first key */
            const char *first = items[g->first].key;
            size_t lim = shared[gi] < klen ? shared[gi] : klen;
            size_t k = same_plain_prefix(first, key, lim);
            while (k < lim && first[k] == key[k]) k++;
            shared[gi] = (uint32_t)k;
        }
        g->cap++;
        ix->pos[r->id] = (uint32_t)gi;   /* the group, until the entry is known */
        /* class: the group; then by key, then by rule id */
        items[ni++] = (keysort_item){ gi, key, (uint32_t)klen, r->id, r };
    }
    for (size_t i = 0; i < ix->ng; i++) ix->g[i].e = arena_alloc(a, (ix->g[i].cap + 1) * sizeof(ovl_entry));
    /* keys sharing a prefix sort as their rests do: the sort skips it */
    for (size_t k = 0; k < ni; k++) {
        uint32_t cut = shared[items[k].w];
        if (cut) { items[k].key += cut; items[k].len -= cut; }
    }
    keysort(items, ni);
    for (size_t k = 0; k < ni; k++) {
        if (k + 24 < ni) { PREFETCH(items[k + 24].p); PREFETCH(&ix->pos[items[k + 24].id]); }
        rule *r = items[k].p;
        uint32_t gi = ix->pos[r->id];
        ovl_group *g = &ix->g[gi];
        ovl_entry *e = &g->e[g->n];
        const char *key = shared[gi] ? items[k].key - shared[gi] : items[k].key;
        *e = (ovl_entry){ .key = key, .r = r, .covers = r->covers,
                          .klen = items[k].len + shared[gi], .action = r->action };
        ix->pos[r->id] = (uint32_t)g->n++;
    }
    free(shared);
    for (size_t i = 0; i < ix->ng; i++) link_runs(ix->g[i].e, (uint32_t)ix->g[i].n, (uint32_t *)items);   /* items are free again */
    ix->nfolds = nfolds;
    if (nfolds) add_folds(ix, a, folds, nfolds);
    return ix;
}

static size_t lower_bound(const ovl_entry *v, size_t n, const char *key, size_t klen)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const ovl_entry *e = &v[mid];
        size_t m = e->klen < klen ? e->klen : klen;
        int c = memcmp(e->key, key, m);
        if (c < 0 || (c == 0 && e->klen < klen)) lo = mid + 1; else hi = mid;
    }
    return lo;
}

/* Worth a callback: another rule sharing an operation with q, of the other
 * action when only opponents are wanted. */
static int wanted(const rule *q, const rule *r, const opset *covers, action_t action, int opposed)
{
    return r != q && (!opposed || action != q->action) && opset_intersects(covers, q->covers);
}

typedef void (*ovl_cb)(void *ud, rule *r);

static void visit(const ovl_entry *e, const rule *q, int opposed, ovl_cb cb, void *ud)
{
    if (wanted(q, e->r, e->covers, e->action, opposed)) cb(ud, e->r);
}

/* The entries of v[0, n) (sorted, linked) whose key may meet key: its
 * ancestors and, but for an exact query, its descendants, and its equals. */
static void look_up(const ovl_entry *v, size_t n, const char *key, size_t klen, int exact,
                    const rule *q, int opposed, ovl_cb cb, void *ud)
{
    if (!n) return;
    size_t lo = lower_bound(v, n, key, klen);
    /* ancestors: entries whose key is a proper prefix of ours.  Every
     * such key sorts between itself and ours, so it is a prefix of the
     * entry just before our place, or of one of that entry's parents. */
    for (uint32_t i = lo ? v[lo - 1].run : NONE; i != NONE; i = v[i].parent) {
        const ovl_entry *a = &v[i];
        if (a->klen >= klen || memcmp(a->key, key, a->klen) != 0) continue;
        for (size_t k = i; k < n && v[k].run == i; k++) visit(&v[k], q, opposed, cb, ud);
    }
    /* descendants and equals: keys starting with ours.  An exact
     * matcher (a literal or a name, nothing symbolic after the root)
     * matches one string, its key: a longer key matches only longer
     * strings, so only equal keys can relate (they sort first). */
    for (size_t k = lo; k < n; k++) {
        const ovl_entry *e = &v[k];
        if (e->klen < klen || memcmp(e->key, key, klen) != 0) break;
        if (exact && e->klen > klen) break;
        visit(e, q, opposed, cb, ud);
    }
}

void ovl_query(const ovl_index *ix, const rule *q, int opposed, ovl_cb cb, void *ud)
{
    if (opset_intersects(&ix->other_ops[!q->action], q->covers) ||
        (!opposed && opset_intersects(&ix->other_ops[q->action], q->covers)))
        for (size_t i = 0; i < ix->nother; i++) {
            rule *o = ix->other[i];
            if (wanted(q, o, o->covers, o->action, opposed)) cb(ud, o);
        }
    matcher_family qf = mk_family(q->m.kind);
    if (qf != FAM_PATH && qf != FAM_NAME) {
        if (q->m.kind != MK_NONE) {
            if (qf == FAM_IP || qf == FAM_TARGET) return;   /* only "other" can relate */
        }
        for (size_t gi = 0; gi < ix->ng; gi++) {
            for (size_t k = 0; k < ix->g[gi].n; k++) visit(&ix->g[gi].e[k], q, opposed, cb, ud);
            for (size_t k = 0; k < ix->g[gi].nf; k++) visit(&ix->g[gi].f[k], q, opposed, cb, ud);
        }
        return;
    }
    matcher t;
    const matcher *qm = key_matcher(q, &t);
    int folded = qm != &q->m;
    const char *root;
    size_t rl;
    root_of(qm, &root, &rl);
    name_ns qns = qf == FAM_NAME ? ns_class(q->m.ns) : NS_NONE;
    const char *key;
    size_t klen;
    key_of(qm, &key, &klen);
    /* the key in lower case, for the folds' lists (with none: not asked) */
    char lbuf[256], *lkey = !ix->nfolds || klen < sizeof lbuf ? lbuf : xmalloc(klen + 1);
    if (ix->nfolds)
        for (size_t i = 0; i < klen; i++) lkey[i] = key[i] >= 'A' && key[i] <= 'Z' ? (char)(key[i] | 32) : key[i];
    for (size_t gi = 0; gi < ix->ng; gi++) {
        const ovl_group *g = &ix->g[gi];
        if (g->fam != qf || g->ns != qns) continue;
        int same = g->rootlen == rl && memcmp(g->root, root, rl) == 0;
        if (!same) {           /* another root: related depending on values */
            for (size_t k = 0; k < g->n; k++) visit(&g->e[k], q, opposed, cb, ud);
            for (size_t k = 0; k < g->nf; k++) visit(&g->f[k], q, opposed, cb, ud);
            continue;
        }
        /* (not when it ends with a parameter: "$P" and "$P/..." are one
         * string when P is "/", whose "/" the next one joins) */
        int exact = (q->m.kind == MK_LITERAL || q->m.kind == MK_NAME) && klen == q->m.fixed_len &&
                    q->m.fixed_len == q->m.len && !(q->m.len && q->m.value[q->m.len - 1] == PARAM_CLOSE);
        uint32_t at = q->id < ix->npos ? ix->pos[q->id] : NONE;
        if (!folded && at != NONE && at < g->n && g->e[at].r == q) {
            /* q is in the index: its ancestors are its run's parent chain,
             * its descendants and equals the range its key prefixes */
            const ovl_entry *own = &g->e[g->e[at].run];
            for (uint32_t i = own->parent; i != NONE; i = g->e[i].parent)
                for (uint32_t k = i; k < g->e[i].run_end; k++) visit(&g->e[k], q, opposed, cb, ud);
            uint32_t end = exact ? own->run_end : own->sub_end;
            for (uint32_t k = g->e[at].run; k < end; k++) visit(&g->e[k], q, opposed, cb, ud);
            if (g->nf) look_up(g->f, g->nf, lkey, klen, exact, q, opposed, cb, ud);
            continue;
        }
        if (folded) {          /* in lower case: the folds, and the others */
            look_up(g->f, g->nf, lkey, klen, 0, q, opposed, cb, ud);
            if (g->l) look_up(g->l, g->n, lkey, klen, 0, q, opposed, cb, ud);
            else for (size_t k = 0; k < g->n; k++) visit(&g->e[k], q, opposed, cb, ud);
            continue;
        }
        look_up(g->e, g->n, key, klen, exact, q, opposed, cb, ud);
        if (g->nf) look_up(g->f, g->nf, lkey, klen, exact, q, opposed, cb, ud);
    }
    if (lkey != lbuf) free(lkey);
}

size_t ovl_order(const ovl_index *ix, rule **out)
{
    size_t n = 0;
    for (size_t gi = 0; gi < ix->ng; gi++) {
        for (size_t k = 0; k < ix->g[gi].n; k++) out[n++] = ix->g[gi].e[k].r;
        for (size_t k = 0; k < ix->g[gi].nf; k++) out[n++] = ix->g[gi].f[k].r;
    }
    for (size_t i = 0; i < ix->nother; i++) out[n++] = ix->other[i];
    return n;
}

void ovl_free(ovl_index *ix)
{
    (void)ix;                 /* everything is in the arena */
}
