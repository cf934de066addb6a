/* gen_oracle.c - glob coverage and matcher depth, straight from the words
 * of docs/language.md (see gen_oracle.h).  Written apart from
 * compiler/patterns.c on purpose: a bug shared by the decider and the SBPL
 * back end shows up only against a second reading. */
#include "gen_oracle.h"
#include <stdlib.h>
#include <string.h>

/* the value of the parameter that starts at t[i] (PARAM_OPEN) in a
 * template of len bytes, NULL when d knows none; *end is set to its
 * PARAM_CLOSE */
static const char *param_value_at(const decider *d, const char *t, size_t i, size_t len, size_t *end)
{
    size_t e = i + 1;
    while (e < len && t[e] != PARAM_CLOSE) e++;
    char name[128];
    size_t nl = e - i - 1 < sizeof name - 1 ? e - i - 1 : sizeof name - 1;
    memcpy(name, t + i + 1, nl);
    name[nl] = 0;
    *end = e;
    return decider_value(d, name);
}

/* the glob with its parameters replaced by their values, each character of a
 * value escaped (a value is matched literally) */
static void glob_text(strbuf *b, const decider *d, const char *g, size_t gl)
{
    for (size_t i = 0; i < gl; i++) {
        if (g[i] != PARAM_OPEN) { sb_putc(b, g[i]); continue; }
        size_t e;
        const char *v = param_value_at(d, g, i, gl, &e);
        if (v && !(v[0] == '/' && v[1] == 0 && e + 1 < gl && g[e + 1] == '/'))   /* "/" then "/x" is /x */
            for (; *v; v++) {                   /* a value's "/" stays a separator */
                if (*v != '/') sb_putc(b, '\\');
                sb_putc(b, *v);
            }
        i = e;
    }
}

/* one bracket expression at p (after '['): does it match c?  *end is set
 * after the closing ']' */
static int bracket(const char *p, const char *pe, unsigned char c, const char **end)
{
    int neg = 0, hit = 0;
    if (p < pe && (*p == '!' || *p == '^')) { neg = 1; p++; }
    const char *start = p;
    while (p < pe && (*p != ']' || p == start)) {
        unsigned char lo = (unsigned char)*p, hi = lo;
        if (p + 2 < pe && p[1] == '-' && p[2] != ']') { hi = (unsigned char)p[2]; p += 3; }
        else p++;
        if (c >= lo && c <= hi) hit = 1;
    }
    *end = p < pe ? p + 1 : pe;
    return c != '/' && (hit != neg);        /* one character of one component: never '/' */
}

/* a UTF-8 continuation byte: part of the character before it */
static int is_cont(char c) { return ((unsigned char)c & 0xC0) == 0x80; }

/* does pattern [p, pe) match all of [s, se)? */
static int gmatch(const char *p, const char *pe, const char *s, const char *se)
{
    while (p < pe) {
        /* ** as a whole component: zero or more components */
        if (p[0] == '*' && p + 1 < pe && p[1] == '*') {
            const char *rest = p + 2;
            if (rest == pe) return 1;                /* trailing: anything below */
            if (*rest == '/') {
                rest++;
                for (const char *t = s;; t++) {       /* rest at every component start */
                    if ((t == s || t[-1] == '/') && gmatch(rest, pe, t, se)) return 1;
                    if (t >= se) return 0;
                }
            }
        }
        switch (*p) {
        case '*': {
            /* a component that is one star names an entry: at least one
             * character (a glob starts with '/', so p[-1] exists) */
            int whole = p[-1] == '/' && (p + 1 == pe || p[1] == '/');
            if (whole && (s >= se || *s == '/')) return 0;
            for (const char *t = whole ? s + 1 : s;; t++) {
                if (gmatch(p + 1, pe, t, se)) return 1;
                if (t >= se || *t == '/') return 0;
            }
        }
        case '?':                                /* one character: a UTF-8 sequence is one */
            if (s >= se || *s == '/' || is_cont(*s)) return 0;
            p++; s++;
            while (s < se && is_cont(*s)) s++;
            continue;
        case '[': {
            const char *end;
            if (s >= se || is_cont(*s) || !bracket(p + 1, pe, (unsigned char)*s, &end)) return 0;
            int multi = (unsigned char)*s >= 0x80;   /* only a negated class takes one */
            p = end; s++;
            while (multi && s < se && is_cont(*s)) s++;
            continue;
        }
        case '\\':
            if (p + 1 < pe) p++;
            /* fall through */
        default:
            if (s >= se || *s != *p) return 0;
            p++; s++;
        }
    }
    return s == se;
}

int oracle_alias_text(const char *t, size_t n, int escaped)
{
    /* the first component, read as plain text (escapes dropped), up to a
     * '/' or a wildcard */
    char first[8];
    size_t k = 0, i = 1;
    if (!n || t[0] != '/') return 0;
    for (; i < n && k < sizeof first - 1; i++) {
        char c = t[i];
        if (escaped && c == '\\' && i + 1 < n && t[i + 1] != '/') c = t[++i];
        else if (c == '/' || (escaped && (c == '*' || c == '?' || c == '[' || c == '\\'))) break;
        first[k++] = c;
    }
    first[k] = 0;
    int at_end = i >= n || t[i] == '/';
    /* in any case of its letters: a case-insensitive volume finds the link */
    for (size_t j = 0; j < k; j++) if (first[j] >= 'A' && first[j] <= 'Z') first[j] = (char)(first[j] + 32);
    return at_end && (!strcmp(first, "tmp") || !strcmp(first, "var") || !strcmp(first, "etc"));
}

void oracle_private(strbuf *out, const char *t, size_t n)
{
    sb_puts(out, "/private");
    /* the link's name (the first component, escapes and all) as the
     * volume spells it */
    size_t first = 1;
    while (first < n && t[first] != '/') first++;
    for (size_t i = 0; i < n; i++)
        sb_putc(out, i >= 1 && i < first && t[i] >= 'A' && t[i] <= 'Z' ? (char)(t[i] + 32) : t[i]);
}

/* does glob text [p, pe) cover path s (s itself or an ancestor of it)? */
static int covers(const char *p, const char *pe, const char *s, size_t n)
{
    /* trailing double-star components cover what the rest covers: it and everything below */
    while (pe - p >= 3 && !memcmp(pe - 3, "/**", 3)) pe -= 3;
    if (pe == p) pe = p + 1;                     /* a glob of only stars under the root: "/" */
    int hit = 0;
    for (size_t k = 1; k <= n && !hit; k++)
        if ((k == n || s[k] == '/') && gmatch(p, pe, s, s + k)) hit = 1;
    if (!hit && pe - p == 1 && p[0] == '/') hit = n > 0 && s[0] == '/';
    return hit;
}

int oracle_glob_covers(const decider *d, const char *g, size_t gl, const char *s, size_t n)
{
    strbuf b;
    sb_init(&b);
    glob_text(&b, d, g, gl);
    int hit;
    if (oracle_alias_text(b.data, b.len, 1)) {     /* the kernel sees it under /private */
        strbuf c;
        sb_init(&c);
        oracle_private(&c, b.data, b.len);
        hit = covers(c.data, c.data + c.len, s, n);
        sb_free(&c);
    } else {
        hit = covers(b.data, b.data + b.len, s, n);
        /* a path the kernel sees under /private/tmp (/var, /etc) is the
         * path /tmp/... the glob was written for ("/t*" + "/x" covers
         * /private/tmp/x), the link's name in any case of its letters (a
         * case-insensitive volume finds the link: "/T*" + "/x" covers it
         * too) */
        if (!hit && n > 8 && !memcmp(s, "/private/", 9) && oracle_alias_text(s + 8, n - 8, 0)) {
            char *t = malloc(n - 8);
            if (!t) abort();
            memcpy(t, s + 8, n - 8);
            for (unsigned m = 0; m < 8 && !hit; m++) {
                for (unsigned j = 0; j < 3; j++)
                    t[1 + j] = (char)(m >> j & 1 ? s[9 + j] & ~0x20 : s[9 + j] | 0x20);
                hit = covers(b.data, b.data + b.len, t, n - 8);
            }
            free(t);
        }
    }
    sb_free(&b);
    return hit;
}

int oracle_regex_has_top_alt(const char *re, size_t n)
{
    int depth = 0, cls = 0;
    for (size_t i = 0; i < n; i++) {
        if (re[i] == '\\') { i++; continue; }
        if (cls) { if (re[i] == ']') cls = 0; continue; }
        if (re[i] == '[') { cls = 1; if (i + 1 < n && re[i + 1] == ']') i++; }
        else if (re[i] == '(') depth++;
        else if (re[i] == ')') depth--;
        else if (re[i] == '|' && depth == 0) return 1;
    }
    return 0;
}

/* components of [s, s+n): each parameter is one component; -1 when a
 * parameter shares a component with other text */
static int components(const char *s, size_t n)
{
    int count = 0;
    for (size_t i = 0; i < n;) {
        if (s[i] == '/') { i++; continue; }
        size_t e = i;
        int params = 0, text = 0;
        while (e < n && s[e] != '/') {
            if (s[e] == PARAM_OPEN) {
                params++;
                while (e < n && s[e] != PARAM_CLOSE) e++;
            } else {
                text = 1;
            }
            e++;
        }
        if (params && (text || params > 1)) return -1;
        count++;
        i = e;
    }
    return count;
}

int oracle_depth(const matcher *m)
{
    const char *v = m->value;
    size_t n = m->len, f = n;
    switch (m->kind) {
    case MK_LITERAL: case MK_SUBPATH: case MK_PREFIX: break;
    case MK_GLOB:
        for (f = 0; f < n && !strchr("*?[", v[f]); f++) {
            if (v[f] == PARAM_OPEN) { while (f < n && v[f] != PARAM_CLOSE) f++; }
            else if (v[f] == '\\') f++;             /* an escaped character is fixed */
        }
        if (f > n) f = n;
        break;
    case MK_REGEX:
        if (n == 0 || v[0] != '^') return 0;
        v++; n--;
    {
        /* an escaped character ("\\." a dot) is fixed, as in a glob */
        size_t lastlen = 1;
        for (f = 0; f < n; f++) {
            if (v[f] == PARAM_OPEN) { while (f < n && v[f] != PARAM_CLOSE) f++; continue; }
            if (v[f] == '\\' && f + 1 < n && !strchr("dDsSwWbB", v[f + 1])) { lastlen = 2; f++; continue; }
            if (strchr(".[]()*+?{}|$^\\", v[f])) break;
            lastlen = 1;
        }
        if (f > n) f = n;
        if (f < n && f > 0 && strchr("*?{", v[f]) && v[f - 1] != PARAM_CLOSE) f -= lastlen;
        break;
    }
    default: return -1;
    }
    return components(v, f);
}

/* a proper ancestor of path [e, e + el), "/" included */
static int proper_ancestor(const char *s, size_t n, const char *e, size_t el)
{
    if (n == 1 && s[0] == '/') return el > 1 && e[0] == '/';
    return n < el && !memcmp(s, e, n) && e[n] == '/';
}

/* s is the directory h (the holding directory of a fixed part) or one of
 * its ancestors */
static int at_or_above(const char *s, size_t n, const char *h, size_t hl)
{
    return (n == hl && !memcmp(s, h, n)) || proper_ancestor(s, n, h, hl);
}

/* template v with its values, "/" before a "/" dropped (both are one
 * separator); 0 when a value is unknown */
static int plain_text(strbuf *b, const decider *d, const char *v, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (v[i] != PARAM_OPEN) { sb_putc(b, v[i]); continue; }
        size_t e;
        const char *val = param_value_at(d, v, i, len, &e);
        if (!val) return 0;
        size_t vl = strlen(val);
        if (e + 1 < len && v[e + 1] == '/') while (vl > 0 && val[vl - 1] == '/') vl--;
        sb_add(b, val, vl);
        i = e;
    }
    return 1;
}

/* the length of the holding directory of fixed text f ("/" for "/x"); 0
 * when f holds no '/' */
static size_t holding(const char *f, size_t fl)
{
    size_t k = fl;
    while (k > 0 && f[k - 1] != '/') k--;
    return k == 0 ? 0 : k == 1 ? 1 : k - 1;
}

static int glob_traversal(const decider *d, const rule *r, const char *s, size_t n)
{
    const char *g = r->m.value;
    size_t gl = r->m.len;
    /* a value after the first wildcard may hold '/' (ancestors inside it) */
    int wild = 0;
    for (size_t i = 0; i < gl; i++) {
        if (g[i] == '\\') { i++; continue; }
        if (g[i] == '*' || g[i] == '?' || g[i] == '[') wild = 1;
        if (g[i] == PARAM_OPEN && wild) return 1;
    }
    strbuf b, f;
    sb_init(&b);
    sb_init(&f);
    glob_text(&b, d, g, gl);
    const char *t = b.data ? b.data : "";
    size_t tl = b.len, i = 0;
    int hit = 0;
    /* the fixed part, unescaped; a trailing globstar right after it makes
     * the glob its subpath */
    for (; i < tl; i++) {
        if (t[i] == '/') {
            size_t j = i;
            while (j + 2 < tl && t[j] == '/' && t[j + 1] == '*' && t[j + 2] == '*' && (j + 3 == tl || t[j + 3] == '/')) j += 3;
            if (j > i && j == tl) {
                hit = proper_ancestor(s, n, f.data ? f.data : "", f.len);
                goto out;
            }
        }
        if (t[i] == '*' || t[i] == '?' || t[i] == '[') break;
        if (t[i] == '\\' && i + 1 < tl) i++;
        sb_putc(&f, t[i]);
    }
    size_t h = holding(f.data ? f.data : "", f.len);
    if (h && at_or_above(s, n, f.data, h)) { hit = 1; goto out; }
    /* inside: at each '/' after the first wildcard, the directories the
     * glob up to it matches; one ending in a globstar covers all below its
     * fixed part; a trailing globstar matches its directories itself */
    for (size_t k = i; k < tl && i < tl; k++) {
        if (t[k] == '\\') { k++; continue; }
        if (t[k] != '/') continue;
        size_t j = k;
        while (j + 2 < tl && t[j] == '/' && t[j + 1] == '*' && t[j + 2] == '*' && (j + 3 == tl || t[j + 3] == '/')) j += 3;
        if (j > k && j == tl) break;
        int star = k >= 3 && t[k - 1] == '*' && t[k - 2] == '*' && t[k - 3] == '/';
        size_t pn = n;                               /* s's parent */
        while (pn > 1 && s[pn - 1] != '/') pn--;
        if (pn > 1) pn--;
        if (covers(t, t + k, s, n) && (star || n == 1 || !covers(t, t + k, s, pn))) { hit = 1; break; }
        if (star) break;
    }
out:
    sb_free(&b);
    sb_free(&f);
    return hit;
}

int oracle_traversal(const decider *d, const rule *r, const char *s, size_t n)
{
    if (n >= 8 && !memcmp(s, "/private", 8) && (n == 8 || s[8] == '/')) return 1;   /* the aliases: not modelled */
    const char *v = r->m.value;
    size_t len = r->m.len;
    if (r->m.kind == MK_GLOB) return glob_traversal(d, r, s, n);
    strbuf b;
    sb_init(&b);
    int hit = 1;
    if (r->m.kind == MK_REGEX) {
        /* the fixed part: after '^', up to a metacharacter; one under a
         * quantifier is not part of it */
        if (memchr(v, PARAM_OPEN, len) || memchr(v, '\\', len) || memchr(v, '|', len)) goto out;
        hit = 0;
        if (!len || v[0] != '^') goto out;
        size_t i = 1;
        while (i < len && !strchr(".[]()*+?{}|$^", v[i])) i++;
        size_t fl = i - 1;
        if (i < len && strchr("*?{", v[i]) && fl > 0) fl--;
        if (fl == 1) { hit = 1; goto out; }          /* "^/": the root, when it does not match it */
        size_t h = holding(v + 1, fl);
        hit = h && at_or_above(s, n, v + 1, h);
        goto out;
    }
    if (!plain_text(&b, d, v, len) || oracle_alias_text(b.data, b.len, 0)) goto out;
    const char *e = b.data ? b.data : "";
    if (r->m.kind == MK_LITERAL || r->m.kind == MK_SUBPATH) {
        hit = proper_ancestor(s, n, e, b.len);
    } else if (r->m.kind == MK_PREFIX) {
        size_t h = holding(e, b.len);
        hit = !(b.len == 1 && e[0] == '/') && h && at_or_above(s, n, e, h);   /* "/" matches the root */
    }
out:
    sb_free(&b);
    return hit;
}

int oracle_glued_first(const char *v, size_t n)
{
    size_t i = 0;
    if (n && v[0] == PARAM_OPEN) {                   /* a root parameter: then "/" or glued text */
        while (i < n && v[i] != PARAM_CLOSE) i++;
        if (++i >= n) return 0;
        if (v[i] != '/') return 1;
    }
    if (i >= n || v[i] != '/') return 0;
    size_t s = i + 1, e = s;
    while (e < n && v[e] != '/') e++;
    int params = 0, text = 0;
    for (size_t k = s; k < e; k++) {
        if (v[k] == PARAM_OPEN) {
            params++;
            while (k < e && v[k] != PARAM_CLOSE) k++;
        } else {
            text = 1;
        }
    }
    return params && (text || params > 1);
}

int oracle_target_holds(const char *filter, const char *q)
{
    if (!strcmp(filter, q)) return 1;
    if (!strcmp(q, "self")) return !strcmp(filter, "same-sandbox") || !strcmp(filter, "pgrp");
    if (!strcmp(q, "children")) return !strcmp(filter, "same-sandbox");
    return 0;
}
