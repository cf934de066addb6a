/* implied.c - traversal rules (docs/language.md): every proper ancestor of a
 * path allowed by read, write or exec gets "allow metadata literal", ranked
 * as a literal at the ancestor's own depth; a final rule of the other action
 * always decides over it. */
#include "compile.h"
#include "expand.h"
#include "implied_walk.h"
#include "overlap.h"
#include "patterns.h"
#include "../seatbelt/regex.h"
#include "../seatbelt/regex_syntax.h"
#include <stdlib.h>
#include <string.h>

static int all_defined(compilation *c, const char *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (v[i] != PARAM_OPEN) continue;
        size_t j = i + 1;
        while (j < n && v[j] != PARAM_CLOSE) j++;
        const char *dot = memchr(v + i + 1, '.', j - i - 1);      /* NAME.up: NAME's value */
        if (!hm_get(&c->defines, v + i + 1, (dot ? (size_t)(dot - v) : j) - i - 1)) return 0;
        i = j;
    }
    return 1;
}

/* v holds "//" (a literal no path matches). */
static int memmem_slash2(const char *v, size_t n)
{
    for (size_t i = 1; i < n; i++) if (v[i] == '/' && v[i - 1] == '/') return 1;
    return 0;
}

/* The first component of template v (after a root parameter and "/", as
 * "$P/t$X" with P=/ reads) holds a parameter glued to text ("/t$X",
 * "${P}p"): no value alone says whether it makes an alias, so nothing is
 * traversed through /private for it (docs/language.md).  final_case.c's
 * may_alias asks a wider question (may any value put the path under
 * /private) and is 1 here too, and also where one whole value says it
 * ("/$D/x", D=tmp; "$P/etc/x", P=/; "$P"), which traversal takes through
 * the values themselves. */
static int glued_first(const char *v, size_t n)
{
    size_t s = 1;
    if (n && v[0] == PARAM_OPEN) {
        const char *close = memchr(v, PARAM_CLOSE, n);
        if (!close || (size_t)(close - v) + 1 >= n) return 0;
        s = (size_t)(close - v) + 1;
        if (v[s] != '/') return 1;                       /* "${P}p" */
        s++;
    } else if (!n || v[0] != '/') {
        return 0;
    }
    size_t end = s;
    while (end < n && v[end] != '/') end++;
    const char *p = end > s ? memchr(v + s, PARAM_OPEN, end - s) : NULL;
    if (!p) return 0;
    return !(p == v + s && v[end - 1] == PARAM_CLOSE && !memchr(v + s + 1, PARAM_OPEN, end - s - 1));
}

rule *implied_rule_add(implied_ctx *ic, const rule *probe, const rule *from, int implied)
{
    compilation *c = ic->c;
    rule *r = arena_alloc(&c->a, sizeof *r);
    *r = *probe;
    r->implied = implied;
    r->final = ic->final;
    r->section = SEC_FILES;
    r->verb = ic->final ? op_get(probe->op)->name : "metadata";
    r->covers = &op_get(probe->op)->covers;
    r->origins = arena_alloc(&c->a, sizeof *r->origins);
    *r->origins = *from->origins;
    r->origins->next = NULL;
    r->id = (unsigned)c->pol.rules.n;
    rule_vec_push(&c->pol.rules, r);
    if (!rs_get(&c->pol.rule_index, r)) rs_put(&c->pol.rule_index, r);   /* the index holds one rule per matcher */
    if (ic->final) rs_put(&ic->mine, r);
    return r;
}

/* Adds "allow metadata KIND v" unless the policy has that rule; depth: its
 * depth when every object it matches has the same one, -1 otherwise.  With
 * -D values the rule is written on the values.  Returns 1 when an implied
 * literal was already there: its ancestors are too. */
static int add_one(implied_ctx *ic, const rule *from, matcher_kind kind, const char *v, size_t n, int depth)
{
    compilation *c = ic->c;
    if (kind == MK_ANCESTORS && !memchr(v, PARAM_OPEN, n)) {
        const char *val = hm_get(&c->defines, v, n);
        if (val) {                       /* the value's proper ancestors, one literal each */
            size_t vl = strlen(val);
            if (vl > 1) add_one(ic, from, MK_LITERAL, "/", 1, 0);
            for (size_t k = 1; k < vl; k++)
                if (val[k] == '/') add_one(ic, from, MK_LITERAL, val, k, template_depth(val, k));
            return 0;
        }
    } else if (kind == MK_ANCESTORS && all_defined(c, v, n)) {
        /* "T$N" with the values known: T's expansion and N's value up to
         * each of its '/', as the kernel sees the path (/private) */
        size_t i = n - 1;
        while (i > 0 && v[i] != PARAM_OPEN) i--;
        const char *val = hm_get(&c->defines, v + i + 1, n - i - 2);
        strbuf e;
        sb_init(&e);
        param_expand(&e, v, n, &c->defines, compile_platform(c) == PLAT_LINUX ? TPL_LINUX : 0);
        size_t vl = strlen(val), base = e.len >= vl ? e.len - vl : 0;
        for (size_t k = 1; k < vl; k++)
            if (val[k] == '/') add_one(ic, from, MK_LITERAL, e.data, base + k, template_depth(e.data, base + k));
        sb_free(&e);
        return 0;
    }
    strbuf b;
    sb_init(&b);
    const char *tv = v;                  /* the template, before the values */
    size_t tn = n;
    /* a prefix whose values end inside /tmp, /var or /etc ("/$U" with
     * U=var) stands for its text and the alias under /private: kept as
     * the template, which the back end and the evaluator spell with the
     * values as a written prefix "/$U" is (template_prefix_alias), not
     * as the literal path /private/var that leaves /varx out */
    int keep = kind == MK_PREFIX && compile_platform(c) == PLAT_MACOS && all_defined(c, v, n) &&
               template_prefix_alias(v, n, &c->defines);
    if (kind != MK_ANCESTORS && !keep && memchr(v, PARAM_OPEN, n)) {
        if (all_defined(c, v, n)) {
            param_expand(&b, v, n, &c->defines, (kind == MK_REGEX ? TPL_REGEX : kind == MK_GLOB ? TPL_GLOB : 0) |
                                                      (compile_platform(c) == PLAT_LINUX ? TPL_LINUX : 0));
            v = b.data ? b.data : "";
            n = b.len;
            if (kind == MK_LITERAL && n > 1 && memmem_slash2(v, n)) { sb_free(&b); return 0; }   /* "/private//": no path */
            /* the values moved it under /private ("~/etc" with HOME=/):
             * /private is an ancestor too, as symbolically, unless a value
             * glued to text makes the first component ("/t$X", "${P}p") */
            if (kind == MK_LITERAL && n > 9 && !memcmp(v, "/private/", 9) && compile_platform(c) == PLAT_MACOS &&
                !glued_first(tv, tn)) {
                /* and its ancestor "/": the walk stops at a /private
                 * that is there already ("/private/$D/y" with D=a) */
                add_one(ic, from, MK_LITERAL, "/", 1, 0);
                add_one(ic, from, MK_LITERAL, "/private", 8, 1);
            }
            if (kind == MK_LITERAL) depth = template_depth(v, n);
        } else {
            depth = -1;
        }
    }
    if (kind == MK_ANCESTORS) depth = -1;
    rule probe = implied_probe(ic->action, ic->op, NULL);
    probe.m.kind = kind;
    probe.m.value = v;
    probe.m.len = n;
    probe.m.holder = ic->holder;
    rule *old = rs_get(&c->pol.rule_index, &probe);
    int beside_written = 0;
    if (ic->final) {
        /* a final deny of the move: one per path and operation (its own
         * set, since a written rule of the same matcher that is not final
         * does not stand in); a written final deny that covers the
         * operation there does */
        int again = rs_get(&ic->mine, &probe) != NULL;
        if (again || final_deny_covers(c, &probe)) {
            int ret = again && kind == MK_LITERAL && !(n > 9 && !memcmp(v, "/private/", 9));
            sb_free(&b);                 /* v may be its text */
            return ret;
        }
        beside_written = old != NULL;       /* beside a written rule: not indexed */
        old = NULL;
    }
    /* a written rule of the same matcher stands in for the traversal rule
     * only where it ranks as high: final, or a literal at the object's own
     * depth.  "allow metadata literal "~/b"" ranks at depth 2 (a parameter
     * is one component) while the traversal of /Users/test/b ranks at 3:
     * then the traversal rule is added beside it (not to the index, which
     * holds one rule per matcher). */
    int beside = beside_written || (old && !old->implied && !old->final &&
                 !(old->m.kind == MK_LITERAL && old->m.spec_b >= 3 && depth >= 0 && old->m.spec_a >= depth));
    if (old && !beside) {
        /* the walk that added it added its ancestors too, unless a value
         * moved it under /private ("/$D" with D=tmp/x gives /private/tmp
         * as the ancestor of the value's /private/tmp/x, while "$Q/x" with
         * Q=/private/tmp has Q's own ancestors above it): go on there */
        int ret = old->implied == 1 && kind == MK_LITERAL && !(n > 9 && !memcmp(v, "/private/", 9));
        sb_free(&b);
        return ret;
    }
    probe.m.value = arena_strndup(&c->a, v, n);
    sb_free(&b);
    matcher_finish(&c->a, &probe.m);
    if (!ic->final) {                         /* a final deny ranks as written (an ancestor: as a literal) */
        probe.m.spec_a = depth >= 0 ? depth : 0; /* variable: set by band() */
        probe.m.spec_b = 3;                      /* a literal, whatever its matcher */
    } else if (kind == MK_PREFIX && depth > probe.m.spec_a) {
        probe.m.spec_a = depth;                  /* the directories below a prefix "/q/" */
    }
    rule *r = implied_rule_add(ic, &probe, from, ic->final ? IMPL_MOVE : IMPL_TRAVERSAL);
    if (!ic->final && depth < 0) rule_vec_push(&ic->var, r);
    return 0;
}

/* The ancestors that the parameters of the component v[k..len) put inside
 * it: above "$P" at the root (alone or with text glued to it), the value's
 * own ancestors; a value after other text may hold '/' ("/x/$SUB" with
 * SUB=a/b), and each of its '/' ends an ancestor inside the component
 * (/x/a). */
static void add_inner(implied_ctx *ic, const rule *r, const char *v, size_t k, size_t len)
{
    /* a value that makes the path's first component ("/$D" with D=tmp,
     * "$P/$D" with P=/): the kernel sees it under /private, which is then
     * an ancestor too: "/private" and NAME.ifalias ("" for tmp, var or etc,
     * "//" for anything else, a path no object has), after NAME.ifroot ("" for
     * the value "/") of the root parameter */
    if (compile_platform(ic->c) == PLAT_MACOS && len > k + 2 && v[k] == PARAM_OPEN && v[len - 1] == PARAM_CLOSE &&
        !memchr(v + k + 1, PARAM_OPEN, len - k - 1)) {
        const char *root_close = v[0] == PARAM_OPEN ? memchr(v, PARAM_CLOSE, len) : NULL;
        if (k == 1 || (root_close && k == (size_t)(root_close - v) + 2 && v[k - 1] == '/')) {
            strbuf t;
            sb_init(&t);
            sb_puts(&t, "/private");
            if (k > 1) {
                sb_add(&t, v, k - 2);
                sb_puts(&t, ".ifroot");
                sb_putc(&t, PARAM_CLOSE);
            }
            sb_add(&t, v + k, len - k - 1);
            sb_puts(&t, ".ifalias");
            sb_putc(&t, PARAM_CLOSE);
            add_one(ic, r, MK_LITERAL, t.data, t.len, 1);
            sb_free(&t);
        }
    }
    for (size_t i = k; i < len; i++) {
        if (v[i] != PARAM_OPEN) continue;
        size_t j = i + 1;
        while (j < len && v[j] != PARAM_CLOSE) j++;
        if (j >= len) break;
        if (i == 0) add_one(ic, r, MK_ANCESTORS, v + 1, j - 1, -1);
        else add_one(ic, r, MK_ANCESTORS, v, j + 1, -1);
        i = j;
    }
}

/* The proper ancestors of the path v[0..len). */
void implied_add_ancestors(implied_ctx *ic, const rule *r, const char *v, size_t len)
{
    /* a value glued to text in the first component ("/t$X", "${P}p"): no
     * value alone says whether the kernel sees the path under /private, so
     * traversal does not go there, but a final deny of moving the path
     * away denies moving /private for every value, as the values make
     * the path /private/tmp/x (denying to move /private costs nothing) */
    if (ic->final && compile_platform(ic->c) == PLAT_MACOS && glued_first(v, len))
        add_one(ic, r, MK_LITERAL, "/private", 8, 1);
    /* "$P/etc/x": with P=/ the kernel sees /private/etc/x, whose ancestor
     * /private is "/private" then NAME.ifroot ("" for the root, "//", a
     * path no object has, otherwise) */
    const char *rc = len && v[0] == PARAM_OPEN ? memchr(v, PARAM_CLOSE, len) : NULL;
    if (rc && compile_platform(ic->c) == PLAT_MACOS && !memchr(v + 1, '.', (size_t)(rc - v) - 1)) {
        size_t c1 = (size_t)(rc - v) + 1;
        if (c1 < len && v[c1] == '/' && private_alias(v + c1, len - c1, "")) {
            strbuf t;
            sb_init(&t);
            sb_puts(&t, "/private");
            sb_add(&t, v, c1 - 1);
            sb_puts(&t, ".ifroot");
            sb_putc(&t, PARAM_CLOSE);
            add_one(ic, r, MK_LITERAL, t.data, t.len, 1);
            sb_free(&t);
        }
    }
    while (len > 0) {
        size_t k = len;
        while (k > 0 && v[k - 1] != '/') k--;
        add_inner(ic, r, v, k, len);
        if (k == 0) return;
        if (k == 1) {                      /* parent is "/" */
            if (len > 1) add_one(ic, r, MK_LITERAL, "/", 1, 0);
            return;
        }
        len = k - 1;
        if (add_one(ic, r, MK_LITERAL, v, len, template_depth(v, len))) return;   /* the rest is there */
    }
}

/* TPL_LINUX, or for macOS the /private rewrite of a glob's inner
 * traversal regexes, where the symbolic output can spell it (a written
 * "/tmp" after a root parameter: NAME.pre; "/$D": NAME.rootre).  Where values
 * make the first component otherwise ("$P/$D", "/t$X", "${P}p") the
 * regex stays as written, with -D as symbolically, so both decide alike. */
static int glob_inner_flags(compilation *c, const char *g, size_t len)
{
    if (compile_platform(c) == PLAT_LINUX) return TPL_LINUX;
    size_t s = 1;
    if (g[0] == PARAM_OPEN) {
        const char *e = memchr(g, PARAM_CLOSE, len);
        if (!e || (size_t)(e - g) + 1 >= len || e[1] != '/') return TPL_LINUX;
        s = (size_t)(e - g) + 2;
    }
    size_t end = s;
    while (end < len && g[end] != '/') end++;
    const char *p = memchr(g + s, PARAM_OPEN, end - s);
    if (!p) return 0;
    if (g[0] == PARAM_OPEN || p != g + s || g[end - 1] != PARAM_CLOSE ||
        memchr(g + s + 1, PARAM_OPEN, end - s - 1)) return TPL_LINUX;
    return 0;
}

/* g[k..len) is one or more globstar components ("/" then "**"). */
static int trailing_globstars(const char *g, size_t k, size_t len)
{
    if (k >= len) return 0;
    for (; k < len; k += 3)
        if (k + 3 > len || g[k] != '/' || g[k + 1] != '*' || g[k + 2] != '*') return 0;
    return 1;
}

/* A fixed part that is a root: "/" (or none), or a parameter alone
 * ("$WORKDIR/", "~/"). */
static int fixed_is_root(const char *v, size_t len)
{
    while (len && v[len - 1] == '/') len--;
    if (!len) return 1;
    const char *close = v[0] == PARAM_OPEN ? memchr(v, PARAM_CLOSE, len) : NULL;
    return close && (size_t)(close - v) + 1 == len;
}

/* Ancestors inside a glob: at each "/" after its first wildcard, the
 * directories the glob's prefix matches (exactly: a regex anchored at both
 * ends).  A prefix ending in "**" matches every directory below its fixed
 * part, so nothing deeper is needed.  no_globstar: a globstar directly
 * below the root (the fixed part a root) is left out. */
/* Adds regex re[0..n) (it starts with "^") for a directory inside glob g's
 * wildcards; for a final deny of moving, where a value glued to text makes
 * g's first component ("/t$X", which glob_inner_flags leaves as written),
 * also under /private, for every value as the ancestors are
 * (implied_add_ancestors) */
static void add_inner_regex(implied_ctx *ic, const rule *r, const char *g, size_t len, const char *re, size_t n, int depth)
{
    add_one(ic, r, MK_REGEX, re, n, depth);
    if (!ic->final || g[0] != '/' || n < 2 || compile_platform(ic->c) != PLAT_MACOS ||
        glob_inner_flags(ic->c, g, len) != TPL_LINUX)
        return;
    /* the first component there is the link's name as the volume spells it
     * ("/T$X" with X=MP is /private/tmp): its letters in lower case, a
     * value there as NAME.fold (it may be written in any case) */
    strbuf t;
    sb_init(&t);
    sb_puts(&t, "^/private/");
    size_t i = 2;
    for (; i < n && re[i] != '/'; i++) {
        if (re[i] == PARAM_OPEN) {
            const char *e = memchr(re + i, PARAM_CLOSE, n - i);
            size_t j = e ? (size_t)(e - re) : n - 1;
            if (j - i > 3 && !memcmp(re + j - 3, ".re", 3)) {
                sb_add(&t, re + i, j - 3 - i);
                sb_puts(&t, ".fold");
                sb_putc(&t, PARAM_CLOSE);
            } else sb_add(&t, re + i, j + 1 - i);
            i = j;
            continue;
        }
        sb_putc(&t, re[i] >= 'A' && re[i] <= 'Z' ? (char)(re[i] + 32) : re[i]);
    }
    sb_add(&t, re + i, n - i);
    add_one(ic, r, MK_REGEX, t.data, t.len, -1);
    sb_free(&t);
}

static void add_glob_inner(implied_ctx *ic, const rule *r, const char *g, size_t len, int no_globstar)
{
    int wild = 0, var = 0, comps = 0;
    for (size_t k = 0; k < len; k++) {
        char ch = g[k];
        if (ch == PARAM_OPEN) {
            size_t open = k;
            while (k < len && g[k] != PARAM_CLOSE) k++;
            var = 1;
            if (wild && k < len) {
                /* after a wildcard, a value holding '/' (glob "/a/x*y/$SUB"
                 * with SUB=b/c) ends an ancestor at each of its '/': the
                 * prefix's regex, then NAME.up */
                strbuf re;
                sb_init(&re);
                template_regex(&re, g, open, &ic->c->defines, TPL_GLOB | TPL_KEEP | TPL_NOALIAS | glob_inner_flags(ic->c, g, len));
                static const char tl[] = "(/.*)?$";
                if (re.len >= sizeof tl - 1 && !memcmp(re.data + re.len - (sizeof tl - 1), tl, sizeof tl - 1)) {
                    re.len -= sizeof tl - 1;
                    sb_putc(&re, PARAM_OPEN);
                    sb_add(&re, g + open + 1, k - open - 1);
                    sb_puts(&re, ".up");
                    sb_putc(&re, PARAM_CLOSE);
                    sb_putc(&re, '$');
                    add_inner_regex(ic, r, g, len, re.data, re.len, -1);
                }
                sb_free(&re);
            }
            continue;
        }
        if (ch == '\\') { k++; continue; }
        if (ch == '[') { wild = 1; while (k < len && g[k] != ']') k++; continue; }
        if (ch == '*' || ch == '?') {
            wild = 1;
            if (ch == '*' && k + 1 < len && g[k + 1] == '*') var = 2;
        }
        if (ch != '/') continue;
        if (k > 0 && g[k - 1] != '/') comps++;
        if (!wild || k == 0) continue;
        /* a trailing globstar: the glob matches its prefix's directories
         * themselves and all below them, so their metadata is the allow's
         * own (ranked as the allow), as for subpath */
        if (trailing_globstars(g, k, len)) return;
        strbuf re;
        sb_init(&re);
        /* as the kernel sees it: "~/tmp/[a-c]*" with HOME=/ is under /private */
        template_regex(&re, g, k, &ic->c->defines, TPL_GLOB | TPL_KEEP | TPL_NOALIAS | glob_inner_flags(ic->c, g, len));
        static const char tail[] = "(/.*)?$";
        size_t tl = sizeof tail - 1;
        int globstar = k >= 2 && g[k - 1] == '*' && g[k - 2] == '*';
        /* a globstar directly below the root (its prefix the root
         * alone) is left out; one after another wildcard is not */
        if (globstar && no_globstar && fixed_is_root(g, k - 2)) {
            sb_free(&re);
            return;
        }
        if (re.len >= tl && memcmp(re.data + re.len - tl, tail, tl) == 0) {
            if (!globstar) { re.len -= tl; sb_putc(&re, '$'); }
            add_inner_regex(ic, r, g, len, re.data, re.len, var ? -1 : comps);
        }
        sb_free(&re);
        if (globstar) return;
    }
}

/* Adds the final deny of the directories that match regex template
 * g[0..n) + "$" (g starts with "^"). */
static void add_regex_dirs(implied_ctx *ic, const rule *r, const char *g, size_t n, int anchored)
{
    strbuf re;
    sb_init(&re);
    sb_add(&re, g, n);
    if (anchored) sb_putc(&re, '$');
    add_one(ic, r, MK_REGEX, re.data, re.len, -1);
    sb_free(&re);
}

/* The bracket class or '.' at g[k] (*end: its last byte) may be a '/' of a
 * path the regex matches: it matches '/' (read as the matcher reads a
 * class, ranges included: "[+-0]" holds '/'), and it is repeated, or
 * neither follows a '/' nor comes before a '/' or the final "$" (a path
 * the kernel presents has no "//" and no "/" at its end). */
static int atom_may_be_slash(const char *g, size_t k, size_t len, size_t *end)
{
    *end = k;
    if (g[k] == '[') {
        unsigned char set[32];
        size_t e = regex_class_read(g, len, k, set);
        if (!e) { *end = len; return 1; }
        *end = e - 1;
        if (!(set['/' >> 3] >> ('/' & 7) & 1)) return 0;
    }
    size_t n = *end + 1;
    if (n < len && strchr("*+?{", g[n])) return 1;
    return !(g[k - 1] == '/' || (n < len && g[n] == '/') || (n + 1 == len && g[n] == '$'));
}

/* Ancestors inside a final regex (holder rules): component by component,
 * at each top-level "/" after the first wildcard, the directories the
 * regex up to there matches whole; where a part may match "/" itself (a
 * "." or class that may stand for one, a "/" in a group or repeated, a
 * parameter after the root), the
 * directories below the last such "/" (every directory that starts with
 * the fixed part when there is none; none at all when that is a root, as
 * for a globstar).  A regex that does not end in "$" matches every
 * directory below a match itself. */
static void add_regex_inner(implied_ctx *ic, const rule *r, const matcher *m, int root)
{
    const char *g = m->value;
    size_t len = m->len, last = 0;           /* last: the "/" of the last whole component, 0 none */
    int depth = 0, wild = 0, wild_last = 0;  /* wild_last: a wildcard before it */
    if (!len || g[0] != '^') goto rest;
    for (size_t k = 1; k < len; k++) {
        char ch = g[k];
        if (ch == PARAM_OPEN) {
            if (k > 1) goto rest;            /* its value may hold "/" */
            while (k < len && g[k] != PARAM_CLOSE) k++;
            continue;
        }
        if (ch == '\\') {
            if (k + 1 < len && g[k + 1] == '/') goto rest;
            k++;
            continue;
        }
        if (ch == '[' || ch == '.') {
            size_t e;
            if (atom_may_be_slash(g, k, len, &e)) goto rest;
            k = e;
            wild = 1;
            continue;
        }
        if (ch == '|' && depth == 0) goto rest;
        if (ch == '(') { depth++; wild = 1; continue; }
        if (ch == ')') { depth--; continue; }
        if (ch == '*' || ch == '+' || ch == '?' || ch == '{') { wild = 1; continue; }
        if (ch == '$') {
            if (k + 1 == len) return;        /* the last component: nothing below it */
            goto rest;
        }
        if (ch != '/') continue;
        if (depth > 0 || (k + 1 < len && strchr("*+?{", g[k + 1]))) goto rest;
        if (wild) add_regex_dirs(ic, r, g, k, 1);
        last = k;
        wild_last = wild;
    }
    return;                                  /* not anchored at the end: below a match, matches */
rest:
    if (last && wild_last) add_regex_dirs(ic, r, g, last + 1, 0);
    else if (!root) {
        /* a fixed part that ends in "/" ("/q/" of "^/q/[^a-c]+/y") stands
         * for directories one component below it (a path has no "//"): it
         * ranks there, not as the directory above */
        const char *fx = m->fixed;
        size_t fl = m->fixed_len;
        int below = fl > 1 && fx[fl - 1] == '/' && fx[fl - 2] != PARAM_CLOSE;
        add_one(ic, r, MK_PREFIX, fx, fl, below ? template_depth(fx, fl) + 1 : -1);
    }
}

/* m's fixed part is "/": whether m matches the root itself (a prefix
 * "/"; a regex that matches "/", when no parameter makes it vary). */
static int matches_root(compilation *c, const matcher *m)
{
    if (m->fixed_len != 1) return 0;
    if (m->kind == MK_PREFIX) return 1;
    if (m->kind != MK_REGEX || memchr(m->value, PARAM_OPEN, m->len)) return 0;
    const char *err;
    const sb_regex *re = sb_regex_compile(&c->a, m->value, m->len, &err);
    return re && sb_regex_search(re, "/", 1) == 1;
}

/* A prefix or pattern m (r's, or one of its globs under /private): every
 * match starts with its fixed part, so the directory holding the fixed
 * part's last component and that directory's ancestors are ancestors of
 * every match. */
void implied_add_pattern_ancestors(implied_ctx *ic, const rule *r, const matcher *m)
{
    const char *v = m->fixed;
    size_t len = m->fixed_len;
    if (ic->inner) {                /* the directories inside its wildcards only */
        /* every directory below a root (a "**" or a regex there) is
         * left out: no directory of the project or the home could be
         * renamed, removed or made (docs/language.md) */
        int root = fixed_is_root(v, len);
        if (m->kind == MK_GLOB) add_glob_inner(ic, r, m->value, m->len, root);
        if (m->kind == MK_REGEX) add_regex_inner(ic, r, m, root);
        return;
    }
    if (len == 0) return;
    if (m->dir) {
        /* a glob "P/" + globstar matches P itself and all below it, as
         * subpath P does: P's metadata is the allow's own (ranked as the
         * allow), its proper ancestors are the traversal */
        implied_add_ancestors(ic, r, v, len);
        return;
    }
    size_t k = len;
    while (k > 0 && v[k - 1] != '/') k--;
    /* the parameters of the fixed part's last component ("$P..." with
     * no "/": the ancestors of P's value; "/x/${SUB}b": those inside
     * SUB's value) */
    add_inner(ic, r, v, k, len);
    if (k == 0) {
    } else if (k == 1) {
        /* the fixed part is "/" or a name in it (a star, a bracket,
         * "/x*"): every match is below the root, unless the pattern
         * matches the root itself (prefix "/", regex "^/"): its metadata
         * is then the allow's own */
        if (!matches_root(ic->c, m)) add_one(ic, r, MK_LITERAL, "/", 1, 0);
    } else {
        add_one(ic, r, MK_LITERAL, v, k - 1, template_depth(v, k - 1));
        implied_add_ancestors(ic, r, v, k - 1);
    }
    if (m->kind == MK_GLOB && !ic->final) add_glob_inner(ic, r, m->value, m->len, 0);
}

/* Depth bands (docs/language.md): an implied rule ranks at the depth of the
 * object it matches.  Where that depth varies, the rule is split into bands
 * of depths on which every deny it meets gives the same answer, each ranked
 * at its lowest depth, so that the SBPL back end's carve-outs decide as the
 * profile semantics does for every parameter value. */
static int deny_beats_at(const rule *d, int k)
{
    return d->m.spec_a > k || (d->m.spec_a == k && d->m.spec_b >= 3);
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return x < y ? -1 : x > y;
}

static void band(implied_ctx *ic)
{
    compilation *c = ic->c;
    const opset *mcov = &op_get(ic->op)->covers;
    size_t nr = c->pol.rules.n;
    rule **denies = xmalloc((nr + 1) * sizeof *denies);
    size_t nd = 0;
    for (size_t i = 0; i < nr; i++) {
        rule *d = c->pol.rules.v[i];
        if (d->action == ACT_DENY && !d->final && mk_family(d->m.kind) == FAM_PATH && opset_intersects(d->covers, mcov))
            denies[nd++] = d;
    }
    rule **mine = xmalloc((nd + 1) * sizeof *mine);
    int *cuts = xmalloc((2 * nd + 2) * sizeof *cuts);
    char *prev = xmalloc(nd + 1), *cur = xmalloc(nd + 1);
    for (size_t vi = 0; vi < ic->var.n; vi++) {
        rule *r = ic->var.v[vi];
        size_t nm = 0, nc = 0;
        for (size_t i = 0; i < nd; i++)
            if (matcher_relation(&r->m, &denies[i]->m) != REL_DISJOINT) mine[nm++] = denies[i];
        cuts[nc++] = 0;
        for (size_t i = 0; i < nm; i++) {
            if (mine[i]->m.spec_a > 0) cuts[nc++] = mine[i]->m.spec_a;
            if (mine[i]->m.spec_a >= 0) cuts[nc++] = mine[i]->m.spec_a + 1;
        }
        qsort(cuts, nc, sizeof *cuts, cmp_int);
        size_t u = 0;
        for (size_t i = 0; i < nc; i++) if (!u || cuts[u - 1] != cuts[i]) cuts[u++] = cuts[i];
        nc = u;
        /* bands [cuts[i], cuts[i+1]-1], merged while the answers agree */
        int lo = -1, nbands = 0;
        for (size_t i = 0; i <= nc; i++) {
            if (i < nc) for (size_t j = 0; j < nm; j++) cur[j] = (char)deny_beats_at(mine[j], cuts[i]);
            if (lo >= 0 && i < nc && memcmp(prev, cur, nm) == 0) continue;
            if (lo >= 0) {                 /* close the band [lo, cuts[i]-1] */
                int hi = i < nc ? cuts[i] - 1 : -1;
                rule *b = r;
                if (nbands > 0) {
                    b = arena_alloc(&c->a, sizeof *b);
                    *b = *r;
                    b->id = (unsigned)c->pol.rules.n;
                    rule_vec_push(&c->pol.rules, b);
                }
                b->m.banded = !(lo == 0 && hi < 0);
                b->m.band_lo = lo;
                b->m.band_hi = hi;
                b->m.spec_a = lo;
                nbands++;
            }
            if (i < nc) { lo = cuts[i]; memcpy(prev, cur, nm); }
        }
    }
    free(prev);
    free(cur);
    free(cuts);
    free(mine);
    free(denies);
}

/* A final deny decides over the traversal it covers: say so where it
 * certainly does. */
static void report_withheld(compilation *c, size_t first)
{
    size_t n = c->pol.rules.n;
    for (size_t i = 0; i < first; i++) {
        const rule *f = c->pol.rules.v[i];
        /* (a fold in every case of its letters: its written rule says it) */
        if (!f->final || f->action != ACT_DENY || f->implied == IMPL_CASE || mk_family(f->m.kind) != FAM_PATH) continue;
        for (size_t j = first; j < n; j++) {
            const rule *r = c->pol.rules.v[j];
            if ((r->implied != 1 && r->implied != 3) || (r->m.banded && r->m.band_lo > 0) || !opset_intersects(r->covers, f->covers)) continue;
            if (matcher_relation(&r->m, &f->m) != REL_OVERLAP) continue;
            strbuf t;
            sb_init(&t);
            for (size_t k = 0; k < r->m.len; k++) {
                char ch = r->m.value[k];
                if (ch == PARAM_OPEN) sb_putc(&t, '$');
                else if (ch != PARAM_CLOSE) sb_putc(&t, ch);
            }
            diag *d = diag_add(&c->diags, SEV_INFO, BK4009, origin_primary(r),
                               "traversal of %s \"%s\" is withheld: a final deny covers it",
                               r->m.kind == MK_LITERAL ? "literal" : mk_name(r->m.kind, r->m.ns), sb_cstr(&t));
            diag_note_add(&c->diags, d, origin_primary(f), "final deny is here%s", unit_provenance(c, f->origins->u));
            sb_free(&t);
        }
    }
}

/* "allow metadata" with r's own matcher and rank (not a traversal literal:
 * it decides exactly where r does). */
static void add_below(implied_ctx *ic, const rule *r)
{
    compilation *c = ic->c;
    rule probe = implied_probe(ACT_ALLOW, ic->op, &r->m);
    if (rs_get(&c->pol.rule_index, &probe)) return;
    rule rd = probe;                   /* a read allow of the same matcher has metadata already */
    rd.op = op_lookup("file-read*", NULL);
    if (rs_get(&c->pol.rule_index, &rd)) return;
    /* ranked as written, unlike a traversal literal (1); a traversal rule
     * even for a final allow (ic is not final): every final rule decides
     * over it */
    implied_rule_add(ic, &probe, r, IMPL_BELOW);
}

/* The ancestors of every path r's matcher matches (docs/language.md,
 * "Implied traversal: which ancestors"). */
void implied_walk_rule(implied_ctx *ic, const rule *r)
{
    compilation *c = ic->c;
    if (r->m.kind == MK_LITERAL || r->m.kind == MK_SUBPATH) {
        if (!ic->inner) implied_add_ancestors(ic, r, r->m.value, r->m.len);
        return;
    }
    implied_add_pattern_ancestors(ic, r, &r->m);
    /* "/t*" + "/x" on macOS: its matches under /private/tmp too, each
     * alias's glob like a glob of its own (a first component a value
     * helps make is not traversed through /private, docs/language.md) */
    size_t rest;
    unsigned mask = r->m.kind == MK_GLOB && compile_platform(c) == PLAT_MACOS
                    ? glob_alias_mask(r->m.value, r->m.len, &rest) : 0;
    for (unsigned k = 0; k < 3; k++) {
        if (!(mask >> k & 1)) continue;
        strbuf t;
        sb_init(&t);
        glob_alias_text(&t, k, r->m.value, r->m.len, rest);
        matcher am = { .kind = MK_GLOB, .value = arena_strndup(&c->a, t.data, t.len), .len = t.len };
        sb_free(&t);
        matcher_finish(&c->a, &am);
        implied_add_pattern_ancestors(ic, r, &am);
    }
}

void add_implied(compilation *c)
{
    implied_ctx ic = { .c = c, .op = op_lookup("file-read-metadata", NULL), .action = ACT_ALLOW };
    opset grant = { { 0 } };
    const char *const fams[] = { "file-read*", "file-write*", "process-exec*" };
    for (size_t i = 0; i < 3; i++) {
        const opset *s = &op_get(op_lookup(fams[i], NULL))->covers;
        for (size_t w = 0; w < OPS_MAX / 64; w++) grant.w[w] |= s->w[w];
    }
    size_t n = c->pol.rules.n;
    /* an unfiltered final deny of metadata decides every metadata request:
     * no traversal rule could decide anywhere (none is written; the info
     * says which allow's traversal is withheld) */
    const rule *all = NULL;
    for (size_t i = 0; i < n && !all; i++) {
        const rule *f = c->pol.rules.v[i];
        if (f->final && f->action == ACT_DENY && f->m.kind == MK_NONE && opset_has(f->covers, ic.op)) all = f;
    }
    for (size_t i = 0; i < n; i++) {
        rule *r = c->pol.rules.v[i];
        if (r->action != ACT_ALLOW || r->implied || !opset_intersects(r->covers, &grant)) continue;
        if (mk_family(r->m.kind) != FAM_PATH || r->m.kind == MK_ANCESTORS) continue;
        if (all) {
            if (opset_has(r->covers, ic.op)) continue;        /* BK2005 already, or its own metadata */
            diag *d = diag_add(&c->diags, SEV_INFO, BK4009, origin_primary(r),
                               "traversal for this allow is withheld: a final deny of every metadata request covers it");
            diag_note_add(&c->diags, d, origin_primary(all), "final deny is here%s", unit_provenance(c, all->origins->u));
            continue;
        }
        /* a write or exec allow that covers what lies below its path
         * (subpath, prefix, glob, regex): every directory it allows may be
         * the ancestor of an allowed object, so it allows metadata there
         * too, ranked as the allow itself is (a more specific deny inside
         * carves both); a read allow has metadata already */
        if (r->m.kind != MK_LITERAL && !opset_has(r->covers, ic.op))
            add_below(&ic, r);
        implied_walk_rule(&ic, r);
    }
    band(&ic);
    if (!c->diags.errors) report_withheld(c, n);   /* errors first: the final rule may be what they are about */
    free(ic.var.v);
}

/* Under default deny, explicit denies for the operations that several sources
 * report (deny default) does not cover: process-info*, nvram*,
 * iokit-get-properties, file-map-executable (docs/sbpl.md).  They are
 * unfiltered, so every written rule beats them, and they change no decision
 * of docs/language.md: where no rule decides, the default would have said deny. */
static const char *const default_deny_ops[] = { "process-info*", "nvram*", "iokit-get-properties", "file-map-executable" };

int default_deny_covers(int op)
{
    for (size_t k = 0; k < sizeof default_deny_ops / sizeof *default_deny_ops; k++)
        if (opset_has(&op_get(op_lookup(default_deny_ops[k], NULL))->covers, op)) return 1;
    return 0;
}

void add_default_denies(compilation *c)
{
    if (c->pol.default_action != ACT_DENY || !c->nunits) return;
    const char *const *ops = default_deny_ops;
    const unit *main_unit = c->units[c->nunits - 1];
    opset unfiltered = { { 0 } };      /* the operations of the unfiltered rules */
    for (size_t i = 0; i < c->pol.rules.n; i++) {
        const rule *r = c->pol.rules.v[i];
        if (r->m.kind == MK_NONE)
            for (size_t w = 0; w < OPS_MAX / 64; w++) unfiltered.w[w] |= r->covers->w[w];
    }
    for (size_t k = 0; k < 4; k++) {
        int fam = op_lookup(ops[k], NULL);
        const opset *fcv = &op_get(fam)->covers;
        /* the whole family, or, where an unfiltered rule names some of it
         * (allow nvram-get), each concrete operation it leaves */
        int whole = !opset_intersects(&unfiltered, fcv);
        for (int op = whole ? fam : 0; op < ops_count(); op++) {
        if (!whole && (!opset_has(fcv, op) || !op_get(op)->concrete || opset_has(&unfiltered, op))) continue;
        const opset *cv = &op_get(op)->covers;
        rule *r = arena_alloc(&c->a, sizeof *r);
        r->action = ACT_DENY;
        r->implied = 2;
        r->section = !strncmp(ops[k], "file", 4) ? SEC_FILES : !strncmp(ops[k], "iokit", 5) ? SEC_IOKIT :
                     !strncmp(ops[k], "process", 7) ? SEC_PROCESS : SEC_MISC;
        r->verb = whole ? ops[k] : op_get(op)->name;
        r->op = op;
        r->covers = cv;
        r->m.kind = MK_NONE;
        matcher_finish(&c->a, &r->m);
        r->origins = arena_alloc(&c->a, sizeof *r->origins);
        r->origins->u = c->pol.default_unit ? c->pol.default_unit : main_unit;
        r->origins->at = c->pol.default_unit ? c->pol.default_at : (span){ main_unit->src, 0, 0 };
        r->id = (unsigned)c->pol.rules.n;
        rule_vec_push(&c->pol.rules, r);
        if (whole) break;
        }
    }
}
