/* test_overlap_random.c - an independent check of the overlap analysis.
 *
 * Random profiles of path rules of every kind (literal, subpath, prefix;
 * globs with *, **, ?, bracket expressions with negation and ranges,
 * escapes; regexes with top-level alternatives; parameters at the start)
 * are compiled by the real pipeline.  The test keeps its own model of each
 * rule: how to draw paths from its language, its own glob matcher, and the
 * rule's depth by docs/language.md.  Objects are drawn from every rule (the
 * fixed part itself, its parent, the fixed part plus "/", a child, a
 * sibling with a common prefix, and instances of the pattern), and for
 * every object:
 *   - the compiler's matcher (decide.c) and the model agree on every rule;
 *   - a pattern rule only matches paths that start with its fixed part;
 *   - whenever two rules both match it, matcher_relation did not call them
 *     disjoint, the check of two final rules counts them as meeting, and
 *     the overlap index hands each to the other;
 * and every rule is ranked at the depth the model computes. */
#include "unit.h"
#include "../../compiler/decide.h"
#include "../../compiler/overlap.h"
#include "../../compiler/patterns.h"
#include "../../seatbelt/regex.h"
#include <stdlib.h>

static uint64_t rnd(uint64_t *s)
{
    *s ^= *s << 13; *s ^= *s >> 7; *s ^= *s << 17;
    return *s;
}
#define PICK(s, arr) (arr)[rnd(s) % (sizeof (arr) / sizeof (arr)[0])]

static const char *const HOME_V = "/Users/test", *const WORK_V = "/Users/test/project";

/* ---- the model ------------------------------------------------------------ */

/* A bracket expression as written, and the characters it matches (for a
 * negated one, the characters it does not match besides '/'). */
typedef struct bclass { const char *glob, *chars; int neg; } bclass;
static const bclass classes[] = {
    { "[ab]", "ab", 0 }, { "[!a]", "a", 1 }, { "[+-0]", "+,-.0", 0 }, { "[!+-0]", "+,-.0", 1 },
    { "[]a]", "]a", 0 }, { "[a-c]", "abc", 0 }, { "[!.]", ".", 1 }, { "[-a]", "-a", 0 },
    { "[!]-]", "]-", 1 }, { "[^x]", "x", 1 },
};
static int class_has(const bclass *b, char c)
{
    if (c == '/' || c == 0) return 0;
    return b->neg ? strchr(b->chars, c) == NULL : strchr(b->chars, c) != NULL;
}

enum { G_LIT, G_STAR, G_QMARK, G_CLASS, G_ESC };            /* atoms of a glob component */
typedef struct gatom { int k; char c[8]; const bclass *b; } gatom;
typedef struct gcomp { int globstar; gatom a[4]; int n; } gcomp;

enum { R_LIT, R_ESCDOT, R_DOT, R_NOSLASH, R_DOTSTAR, R_CLASS, R_GROUP, R_OPT, R_SUBTREE, R_END, R_BARE, R_DOTCLASS };
typedef struct ralt { int anchored; int param; int k[8]; const char *lit[8]; int n; } ralt;

typedef struct mrule {
    matcher_kind kind;
    int param;                 /* 0 none, 1 HOME, 2 WORKDIR: at the start */
    char path[96];             /* literal/subpath/prefix: the rest after the parameter */
    gcomp g[6];                /* glob components after the parameter */
    int ng;
    ralt alt[3];               /* regex alternatives */
    int nalt;
} mrule;

static const char *pval(int p) { return p == 1 ? HOME_V : p == 2 ? WORK_V : ""; }
static const char *pname(int p) { return p == 1 ? "HOME" : "WORKDIR"; }

/* -- glob matching: components, "**" as any number of whole components,
 * and like subpath everything below a match */
static int atoms_match(const gatom *a, int n, const char *s, size_t len)
{
    if (n == 0) return len == 0;
    switch (a->k) {
    case G_LIT: case G_ESC: {
        size_t l = strlen(a->c);
        return len >= l && memcmp(s, a->c, l) == 0 && atoms_match(a + 1, n - 1, s + l, len - l);
    }
    case G_QMARK: return len > 0 && s[0] != '/' && atoms_match(a + 1, n - 1, s + 1, len - 1);
    case G_CLASS: return len > 0 && class_has(a->b, s[0]) && atoms_match(a + 1, n - 1, s + 1, len - 1);
    default:
        for (size_t k = 0; k <= len; k++) {
            if (atoms_match(a + 1, n - 1, s + k, len - k)) return 1;
            if (k < len && s[k] == '/') break;
        }
        return 0;
    }
}

typedef struct comps { const char *s[32]; size_t l[32]; int n; } comps;

static void split(const char *p, comps *c)
{
    c->n = 0;
    if (!*p) return;             /* "/" is one empty component, as for fnmatch */
    const char *q = p + 1;
    for (;;) {
        const char *e = strchr(q, '/');
        size_t l = e ? (size_t)(e - q) : strlen(q);
        if (c->n < 32) { c->s[c->n] = q; c->l[c->n] = l; c->n++; }
        if (!e) break;
        q = e + 1;
    }
}

static int comps_match(const gcomp *g, int ng, const comps *o, int at, int upto)
{
    if (ng == 0) return at == upto;
    if (g->globstar) {
        for (int k = at; k <= upto; k++) if (comps_match(g + 1, ng - 1, o, k, upto)) return 1;
        return 0;
    }
    /* a component that is one star names an entry: never the empty one */
    if (at < upto && g->n == 1 && g->a[0].k == G_STAR && o->l[at] == 0) return 0;
    return at < upto && atoms_match(g->a, g->n, o->s[at], o->l[at]) && comps_match(g + 1, ng - 1, o, at + 1, upto);
}

static int glob_matches(const mrule *m, const char *obj)
{
    const char *v = pval(m->param);
    size_t vl = strlen(v);
    if (strncmp(obj, v, vl) != 0 || (vl && obj[vl] && obj[vl] != '/')) return 0;
    comps o;
    split(obj + vl, &o);
    if (m->param && obj[vl] == 0) o.n = 0;
    for (int upto = 0; upto <= o.n; upto++)            /* the glob, or below a match */
        if (comps_match(m->g, m->ng, &o, 0, upto)) return 1;
    return 0;
}

static int model_matches(const mrule *m, const char *obj, sb_regex *const *alts)
{
    char v[160];
    snprintf(v, sizeof v, "%s%s", pval(m->param), m->path);
    size_t vl = strlen(v), ol = strlen(obj);
    switch (m->kind) {
    case MK_LITERAL: return strcmp(obj, v) == 0;
    case MK_PREFIX: return strncmp(obj, v, vl) == 0;
    case MK_SUBPATH: return strncmp(obj, v, vl) == 0 && (obj[vl] == 0 || obj[vl] == '/' || strcmp(v, "/") == 0);
    case MK_GLOB: return glob_matches(m, obj);
    default:
        for (int i = 0; i < m->nalt; i++) if (alts[i] && sb_regex_search(alts[i], obj, ol)) return 1;
        return 0;
    }
}

/* -- drawing rules */
static const char *const words[] = { "a", "b", "ab", "a.b", "x-0", "+", "c]", "a,b" };

static void draw_rule(uint64_t *s, mrule *m)
{
    memset(m, 0, sizeof *m);
    static const matcher_kind kinds[] = { MK_LITERAL, MK_SUBPATH, MK_PREFIX, MK_GLOB, MK_GLOB, MK_REGEX, MK_REGEX };
    m->kind = PICK(s, kinds);
    m->param = rnd(s) % 5 == 0 ? 1 + (int)(rnd(s) % 2) : 0;
    int depth = 1 + (int)(rnd(s) % 3);
    if (m->kind == MK_LITERAL || m->kind == MK_SUBPATH || m->kind == MK_PREFIX) {
        for (int i = 0; i < depth; i++) { strcat(m->path, "/"); strcat(m->path, PICK(s, words)); }
        size_t pl = strlen(m->path);
        if (m->kind == MK_PREFIX && rnd(s) % 3 == 0 && pl > 2 && m->path[pl - 2] != '/') m->path[pl - 1] = 0;
        return;
    }
    if (m->kind == MK_GLOB) {
        for (int i = 0; i < depth; i++) {
            gcomp *c = &m->g[m->ng++];
            if (rnd(s) % 6 == 0) { c->globstar = 1; continue; }
            int na = 1 + (int)(rnd(s) % 3);
            for (int k = 0; k < na; k++) {
                gatom *a = &c->a[c->n++];
                int r = (int)(rnd(s) % 10);
                a->k = r < 4 ? G_LIT : r < 5 ? G_STAR : r < 6 ? G_QMARK : r < 8 ? G_CLASS : G_ESC;
                if (a->k == G_LIT) snprintf(a->c, sizeof a->c, "%s", PICK(s, words));
                if (a->k == G_ESC) { static const char esc[] = "*?[]"; a->c[0] = esc[rnd(s) % 4]; }
                if (a->k == G_CLASS) a->b = &PICK(s, classes);
                if (a->k == G_STAR && k > 0 && c->a[k - 1].k == G_STAR) a->k = G_QMARK;   /* no "**" inside */
            }
            if (c->n == 1 && c->a[0].k == G_LIT && strcmp(c->a[0].c, "a.b") == 0 && rnd(s) % 2) strcpy(c->a[0].c, "b");
        }
        /* trailing and repeated "**" (the shapes of issue 17) */
        int t = (int)(rnd(s) % 4);
        if (t >= 2) m->g[m->ng++].globstar = 1;
        if (t == 3) m->g[m->ng++].globstar = 1;
        return;
    }
    m->nalt = 1 + (int)(rnd(s) % 3);
    for (int i = 0; i < m->nalt; i++) {
        ralt *a = &m->alt[i];
        a->anchored = rnd(s) % 6 != 0;
        a->param = a->anchored && i == 0 ? m->param : 0;
        int n = 1 + (int)(rnd(s) % 5);
        for (int k = 0; k < n && a->n < 7; k++) {
            int r = (int)(rnd(s) % 12);
            int kind = r < 5 ? R_LIT : r - 4;                   /* R_ESCDOT .. R_SUBTREE */
            if (kind > R_SUBTREE) kind = R_LIT;
            a->k[a->n] = kind;
            a->lit[a->n] = PICK(s, words);
            if (kind == R_LIT && strchr(a->lit[a->n], '.')) a->lit[a->n] = "ab";
            if (kind == R_LIT && strchr(a->lit[a->n], '+')) a->lit[a->n] = "x-0";
            if (kind == R_LIT && strchr(a->lit[a->n], ']')) a->lit[a->n] = "c";
            a->n++;
        }
        /* an unanchored alternative may start anywhere in a component:
         * with an escape, a class or plain text ("\\.key$", "[.]key$") */
        if (!a->anchored && rnd(s) % 2) {
            static const int starts[] = { R_ESCDOT, R_DOTCLASS, R_BARE, R_CLASS };
            a->k[0] = PICK(s, starts);
            a->lit[0] = PICK(s, words);
            if (strchr(a->lit[0], '+')) a->lit[0] = "key";
            if (a->n > 1 && rnd(s) % 2) { a->k[1] = R_BARE; a->lit[1] = rnd(s) % 2 ? "key" : "a.b"; }
            if (rnd(s) % 2) a->k[a->n++] = R_END;
            continue;
        }
        if (a->k[0] != R_LIT) { memmove(&a->k[1], &a->k[0], sizeof(int) * 7); memmove(&a->lit[1], &a->lit[0], sizeof(char *) * 7); a->k[0] = R_LIT; a->lit[0] = "a"; a->n++; }
        if (rnd(s) % 3 == 0) a->k[a->n++] = R_END;
    }
}

/* The rule in .buckle syntax (backslashes doubled). */
static void rule_source(const mrule *m, strbuf *b)
{
    static const char *const kn[] = { [MK_LITERAL] = "literal", [MK_SUBPATH] = "subpath", [MK_PREFIX] = "prefix",
                                      [MK_GLOB] = "glob", [MK_REGEX] = "regex" };
    sb_printf(b, "%s \"", kn[m->kind]);
    if (m->param && m->kind != MK_REGEX) sb_printf(b, "${%s}", pname(m->param));
    if (m->kind == MK_GLOB) {
        for (int i = 0; i < m->ng; i++) {
            sb_putc(b, '/');
            if (m->g[i].globstar) { sb_puts(b, "**"); continue; }
            for (int k = 0; k < m->g[i].n; k++) {
                const gatom *a = &m->g[i].a[k];
                if (a->k == G_LIT) sb_puts(b, a->c);
                else if (a->k == G_ESC) { sb_puts(b, "\\\\"); sb_puts(b, a->c); }
                else if (a->k == G_STAR) sb_putc(b, '*');
                else if (a->k == G_QMARK) sb_putc(b, '?');
                else sb_puts(b, a->b->glob);
            }
        }
    } else if (m->kind == MK_REGEX) {
        for (int i = 0; i < m->nalt; i++) {
            const ralt *a = &m->alt[i];
            if (i) sb_putc(b, '|');
            if (a->anchored) sb_putc(b, '^');
            if (a->param) sb_printf(b, "${%s}", pname(a->param));
            for (int k = 0; k < a->n; k++) {
                switch (a->k[k]) {
                case R_LIT: sb_printf(b, "/%s", a->lit[k]); break;
                case R_ESCDOT: sb_puts(b, "\\\\."); break;
                case R_DOT: sb_putc(b, '.'); break;
                case R_NOSLASH: sb_puts(b, "[^/]*"); break;
                case R_DOTSTAR: sb_puts(b, ".*"); break;
                case R_CLASS: sb_puts(b, "[a-c]"); break;
                case R_GROUP: sb_puts(b, "(a|/b)"); break;
                case R_OPT: sb_puts(b, "x?"); break;
                case R_SUBTREE: sb_puts(b, "(/.*)?"); break;
                case R_END: sb_putc(b, '$'); break;
                case R_BARE: sb_puts(b, a->lit[k]); break;
                case R_DOTCLASS: sb_puts(b, "[.]"); break;
                }
            }
        }
    } else {
        sb_puts(b, m->path);
    }
    sb_putc(b, '"');
}

/* An alternative's regex with the parameter's value quoted in. */
static void alt_regex(const ralt *a, strbuf *b)
{
    strbuf src;
    sb_init(&src);
    mrule one;
    memset(&one, 0, sizeof one);
    one.kind = MK_REGEX;
    one.nalt = 1;
    one.alt[0] = *a;
    one.alt[0].param = 0;
    rule_source(&one, &src);
    /* from .buckle text back to the regex: strip 'regex "', the quote, undouble */
    const char *t = sb_cstr(&src) + 7;
    size_t n = strlen(t) - 1;
    if (a->anchored) { sb_putc(b, '^'); t++; n--; }
    if (a->param) regex_quote(b, pval(a->param), strlen(pval(a->param)));
    for (size_t i = 0; i < n; i++) {
        if (t[i] == '\\' && t[i + 1] == '\\') i++;
        sb_putc(b, t[i]);
    }
    sb_free(&src);
}

/* Depth by docs/reference.md: components of the fixed part, a parameter one. */
static int count_components(const char *t)
{
    int d = 0, in = 0;
    for (; *t; t++) {
        if (*t == '/') { in = 0; continue; }
        if (!in) { d++; in = 1; }
    }
    return d;
}

static int glob_depth(const mrule *m)
{
    strbuf f;
    sb_init(&f);
    if (m->param) sb_putc(&f, 'P');
    int stop = 0;
    for (int i = 0; i < m->ng && !stop; i++) {
        sb_putc(&f, '/');
        if (m->g[i].globstar) break;
        for (int k = 0; k < m->g[i].n && !stop; k++) {
            const gatom *a = &m->g[i].a[k];
            if (a->k == G_LIT || a->k == G_ESC) sb_puts(&f, a->c);   /* an escaped character is fixed */
            else stop = 1;
        }
    }
    int d = count_components(sb_cstr(&f));
    sb_free(&f);
    return d;
}

static int alt_depth(const ralt *a)
{
    if (!a->anchored) return 0;
    strbuf f;
    sb_init(&f);
    if (a->param) sb_putc(&f, 'P');
    /* an escaped character ("\\.") is fixed, as in a glob */
    for (int k = 0; k < a->n && (a->k[k] == R_LIT || a->k[k] == R_ESCDOT); k++) {
        if (a->k[k] == R_LIT) sb_printf(&f, "/%s", a->lit[k]);
        else sb_putc(&f, '.');
        if (k + 1 < a->n && a->k[k + 1] == R_OPT) break;
    }
    int d = count_components(sb_cstr(&f));
    sb_free(&f);
    return d;
}

/* -- drawing objects from a rule's language */
static void draw_glob_path(uint64_t *s, const mrule *m, strbuf *b)
{
    sb_puts(b, pval(m->param));
    for (int i = 0; i < m->ng; i++) {
        if (m->g[i].globstar) {
            int n = (int)(rnd(s) % 3);
            for (int k = 0; k < n; k++) { sb_putc(b, '/'); sb_puts(b, PICK(s, words)); }
            continue;
        }
        sb_putc(b, '/');
        for (int k = 0; k < m->g[i].n; k++) {
            const gatom *a = &m->g[i].a[k];
            static const char *const stars[] = { "", "a", "b.c", ".h", "]" };
            static const char pool[] = "abcx.-+0],";
            switch (a->k) {
            case G_LIT: case G_ESC: sb_puts(b, a->c); break;
            case G_STAR: sb_puts(b, PICK(s, stars)); break;
            case G_QMARK: sb_putc(b, pool[rnd(s) % (sizeof pool - 1)]); break;
            default: {
                char c;
                do c = pool[rnd(s) % (sizeof pool - 1)]; while (!class_has(a->b, c));
                sb_putc(b, c);
            }
            }
        }
    }
    if (b->len == 0) sb_putc(b, '/');
}

/* the text an alternative's atoms match, as drawn */
static void draw_alt_atoms(uint64_t *s, const ralt *a, strbuf *b)
{
    for (int k = 0; k < a->n; k++) {
        static const char *const any[] = { "", "/a", "x/y", "b" };
        switch (a->k[k]) {
        case R_LIT: sb_printf(b, "/%s", a->lit[k]); break;
        case R_ESCDOT: sb_putc(b, '.'); break;
        case R_DOT: sb_putc(b, "a/."[rnd(s) % 3]); break;
        case R_NOSLASH: sb_puts(b, rnd(s) % 2 ? "" : "b.c"); break;
        case R_DOTSTAR: sb_puts(b, PICK(s, any)); break;
        case R_CLASS: sb_putc(b, "abc"[rnd(s) % 3]); break;
        case R_GROUP: sb_puts(b, rnd(s) % 2 ? "a" : "/b"); break;
        case R_OPT: if (rnd(s) % 2) sb_putc(b, 'x'); break;
        case R_SUBTREE: if (rnd(s) % 2) sb_puts(b, "/z"); break;
        case R_BARE: sb_puts(b, a->lit[k]); break;
        case R_DOTCLASS: sb_putc(b, '.'); break;
        default: break;
        }
    }
}

static void draw_alt_path(uint64_t *s, const ralt *a, strbuf *b)
{
    if (!a->anchored && rnd(s) % 2) sb_puts(b, "/q");
    if (a->param) sb_puts(b, pval(a->param));
    draw_alt_atoms(s, a, b);
    if (b->len == 0 || b->data[0] != '/') { strbuf t; sb_init(&t); sb_putc(&t, '/'); sb_add(&t, b->data, b->len); sb_reset(b); sb_add(b, t.data, t.len); sb_free(&t); }
}

/* The model's fixed text: the literal start of the rule, expanded. */
static void model_fixed(const mrule *m, int alt, strbuf *b)
{
    if (m->kind == MK_GLOB) {
        sb_puts(b, pval(m->param));
        for (int i = 0; i < m->ng; i++) {
            if (m->g[i].globstar) return;
            sb_putc(b, '/');
            for (int k = 0; k < m->g[i].n; k++) {
                if (m->g[i].a[k].k != G_LIT && m->g[i].a[k].k != G_ESC) return;
                sb_puts(b, m->g[i].a[k].c);
            }
        }
        return;
    }
    if (m->kind == MK_REGEX) {
        const ralt *a = &m->alt[alt];
        sb_puts(b, pval(a->param));
        for (int k = 0; k < a->n && a->k[k] == R_LIT; k++) sb_printf(b, "/%s", a->lit[k]);
        return;
    }
    sb_printf(b, "%s%s", pval(m->param), m->path);
}

typedef struct pool { char **v; size_t n, cap; } pool;
static void add_obj(pool *p, const char *s, size_t n)
{
    if (n == 0 || s[0] != '/') return;
    while (n > 1 && s[n - 1] == '/' && n >= 2 && s[n - 2] == '/') n--;
    for (size_t i = 0; i < p->n; i++) if (strlen(p->v[i]) == n && memcmp(p->v[i], s, n) == 0) return;
    if (p->n == p->cap) { p->cap = p->cap ? p->cap * 2 : 64; p->v = xrealloc(p->v, p->cap * sizeof *p->v); }
    char *c = xmalloc(n + 1);
    memcpy(c, s, n);
    c[n] = 0;
    p->v[p->n++] = c;
}

/* The fixed part, its parent, plus "/", a child, a sibling with a common prefix. */
static void add_boundary(pool *p, const char *f)
{
    size_t n = strlen(f);
    char buf[512];
    add_obj(p, f, n);
    const char *sl = strrchr(f, '/');
    if (sl) add_obj(p, f, sl == f ? 1 : (size_t)(sl - f));
    snprintf(buf, sizeof buf, "%s/", f); add_obj(p, buf, strlen(buf));
    snprintf(buf, sizeof buf, "%s/a", f); add_obj(p, buf, strlen(buf));
    snprintf(buf, sizeof buf, "%sb", f); add_obj(p, buf, strlen(buf));
    if (n > 2) add_obj(p, f, n - 1);
}

/* ---- the test ----------------------------------------------------------- */

/* a path as the kernel presents one: no empty, "." or ".." component, no
 * '/' at the end but for "/" itself */
static int kernel_path(const char *p)
{
    if (p[0] != '/') return 0;
    if (!p[1]) return 1;
    for (const char *c = p + 1;; ) {
        const char *e = strchr(c, '/');
        size_t l = e ? (size_t)(e - c) : strlen(c);
        if (l == 0 || (l == 1 && c[0] == '.') || (l == 2 && c[0] == '.' && c[1] == '.')) return 0;
        if (!e) return 1;
        c = e + 1;
    }
}

typedef struct hit { rule **v; size_t n; } hit;
static void note_hit(void *ud, rule *r) { hit *h = ud; h->v[h->n++] = r; }

void test_overlap_random(void)
{
    unit_case("overlap (independent check): rules that both match an object are never called disjoint");
    size_t finals = 0, unmet = 0;
    size_t pairs = 0, objects = 0, mismatches = 0, disjoint = 0, missed = 0, unfixed = 0, depth_bad = 0, alt_bad = 0;
    int shown = 0;
    for (uint64_t round = 1; round <= 150; round++) {
        uint64_t seed = round * 0x9E3779B97F4A7C15ull;
        enum { NR = 24 };
        mrule mr[NR];
        strbuf src;
        sb_init(&src);
        sb_puts(&src, "files {\n");
        for (int i = 0; i < NR; i++) {
            draw_rule(&seed, &mr[i]);
            sb_puts(&src, rnd(&seed) % 2 ? "allow read " : "deny read ");
            rule_source(&mr[i], &src);
            sb_puts(&src, ";\n");
        }
        sb_puts(&src, "}\n");
        compile_opts o = { 0 };
        compilation *c = compilation_new(&o);
        int rc = compile_profile_text(c, "random.buckle", src.data, src.len);
        CHECK(rc == 0, "round %llu: the profile compiles:\n%s", (unsigned long long)round, sb_cstr(&src));
        if (rc != 0) { compilation_free(c); sb_free(&src); continue; }
        decider *d = decider_new(c, NULL, 0);
        /* the compiled regexes of every model alternative */
        sb_regex *alts[NR][3];
        arena ra;
        arena_init(&ra);
        for (int i = 0; i < NR; i++)
            for (int k = 0; k < 3; k++) {
                alts[i][k] = NULL;
                if (mr[i].kind != MK_REGEX || k >= mr[i].nalt) continue;
                strbuf re;
                sb_init(&re);
                alt_regex(&mr[i].alt[k], &re);
                const char *err;
                alts[i][k] = sb_regex_compile(&ra, re.data, re.len, &err);
                sb_free(&re);
            }
        /* the written rules, each with its model (its line) */
        rule **rs = xmalloc((c->pol.rules.n + 1) * sizeof *rs);
        int *which = xmalloc((c->pol.rules.n + 1) * sizeof *which), *walt = xmalloc((c->pol.rules.n + 1) * sizeof *walt);
        size_t nr = 0;
        for (size_t i = 0; i < c->pol.rules.n; i++) {
            rule *r = c->pol.rules.v[i];
            if (r->implied || mk_family(r->m.kind) != FAM_PATH) continue;
            unsigned line = r->origins->line ? r->origins->line : source_position(r->origins->u->src, r->origins->at.start).line;
            int mi = (int)line - 2;
            if (mi < 0 || mi >= NR) continue;
            /* a regex rule is one alternative of the model's regex */
            int ai = -1;
            if (r->m.kind == MK_REGEX) {
                for (int k = 0; k < mr[mi].nalt && ai < 0; k++) {
                    ralt one = mr[mi].alt[k];
                    strbuf t, want;
                    sb_init(&t);
                    sb_init(&want);
                    mrule solo;
                    memset(&solo, 0, sizeof solo);
                    solo.kind = MK_REGEX;
                    solo.nalt = 1;
                    solo.alt[0] = one;
                    solo.alt[0].param = 0;
                    rule_source(&solo, &t);
                    const char *q = sb_cstr(&t) + 7;
                    size_t ql = strlen(q) - 1;
                    if (one.anchored) { sb_putc(&want, '^'); q++; ql--; }
                    if (one.param) sb_printf(&want, "%c%s%c", PARAM_OPEN, pname(one.param), PARAM_CLOSE);
                    for (size_t j = 0; j < ql; j++) { if (q[j] == '\\' && q[j + 1] == '\\') j++; sb_putc(&want, q[j]); }
                    if (want.len == r->m.len && memcmp(want.data, r->m.value, want.len) == 0) ai = k;
                    sb_free(&t);
                    sb_free(&want);
                }
                if (ai < 0) {
                    alt_bad++;
                    if (shown++ < 6) printf("  regex rule %.*s is not one alternative of the regex as written\n", (int)r->m.len, r->m.value);
                    continue;
                }
            }
            /* ranked by its own fixed part */
            int want_depth = r->m.kind == MK_GLOB ? glob_depth(&mr[mi]) : r->m.kind == MK_REGEX ? alt_depth(&mr[mi].alt[ai])
                                                                           : count_components(mr[mi].path) + (mr[mi].param ? 1 : 0);
            if (r->m.spec_a != want_depth) {
                depth_bad++;
                if (shown++ < 6) printf("  %s %.*s: depth %d, want %d\n", mk_name(r->m.kind, r->m.ns), (int)r->m.len, r->m.value, r->m.spec_a, want_depth);
            }
            which[nr] = mi;
            walt[nr] = ai;
            rs[nr++] = r;
        }
        /* objects */
        pool p = { 0 };
        for (int i = 0; i < NR; i++) {
            int nalt = mr[i].kind == MK_REGEX ? mr[i].nalt : 1;
            for (int k = 0; k < nalt; k++) {
                strbuf f;
                sb_init(&f);
                model_fixed(&mr[i], k, &f);
                if (f.len) add_boundary(&p, sb_cstr(&f));
                sb_free(&f);
            }
            for (int j = 0; j < 4; j++) {
                strbuf x;
                sb_init(&x);
                if (mr[i].kind == MK_GLOB) draw_glob_path(&seed, &mr[i], &x);
                else if (mr[i].kind == MK_REGEX) draw_alt_path(&seed, &mr[i].alt[rnd(&seed) % mr[i].nalt], &x);
                else { sb_puts(&x, pval(mr[i].param)); sb_puts(&x, mr[i].path); if (mr[i].kind == MK_PREFIX) sb_puts(&x, PICK(&seed, words)); }
                add_obj(&p, x.data, x.len);
                add_boundary(&p, sb_cstr(&x));
                sb_free(&x);
            }
            /* an unanchored alternative matches inside other rules' paths:
             * below each one's fixed part, and glued to it */
            for (int k = 0; k < (mr[i].kind == MK_REGEX ? mr[i].nalt : 0); k++) {
                if (mr[i].alt[k].anchored) continue;
                for (int j = 0; j < NR; j++) {
                    strbuf f, x;
                    sb_init(&f);
                    sb_init(&x);
                    model_fixed(&mr[j], 0, &f);
                    draw_alt_atoms(&seed, &mr[i].alt[k], &x);
                    const char *tail = sb_cstr(&x);
                    strbuf ob;
                    sb_init(&ob);
                    sb_printf(&ob, "%s/%s", sb_cstr(&f), tail[0] == '/' ? tail + 1 : tail);
                    add_obj(&p, ob.data, ob.len);
                    sb_reset(&ob);
                    sb_printf(&ob, "%s%s", sb_cstr(&f), tail);
                    add_obj(&p, ob.data, ob.len);
                    sb_free(&ob);
                    sb_free(&f);
                    sb_free(&x);
                }
            }
        }
        ovl_index *ix = ovl_build(&c->a, rs, nr);
        hit *cand = xcalloc(nr + 1, sizeof *cand);
        for (size_t i = 0; i < nr; i++) {
            cand[i].v = xmalloc((nr + 1) * sizeof(rule *));
            ovl_query(ix, rs[i], 0, note_hit, &cand[i]);
        }
        size_t *on = xmalloc((nr + 1) * sizeof *on);
        for (size_t oi = 0; oi < p.n; oi++) {
            const char *obj = p.v[oi];
            sb_request q = { 0 };
            q.kind = OBJ_PATH;
            q.obj = obj;
            q.len = strlen(obj);
            q.op = rs[0] ? rs[0]->op : 0;
            size_t non = 0;
            objects++;
            for (size_t i = 0; i < nr; i++) {
                const mrule *m = &mr[which[i]];
                int model;
                if (rs[i]->m.kind == MK_REGEX) model = alts[which[i]][walt[i]] && sb_regex_search(alts[which[i]][walt[i]], obj, q.len);
                else model = model_matches(m, obj, alts[which[i]]);
                int got = decider_matches(d, rs[i], &q);
                if (got != model) {
                    mismatches++;
                    if (shown++ < 6) printf("  %s %.*s on %s: the compiler says %d, the model %d\n", mk_name(rs[i]->m.kind, NS_NONE),
                                            (int)rs[i]->m.len, rs[i]->m.value, obj, got, model);
                }
                if (!model) continue;
                on[non++] = i;
                /* a pattern only matches paths that start with its fixed part */
                if (rs[i]->m.kind == MK_GLOB || rs[i]->m.kind == MK_REGEX) {
                    const char *fx = rs[i]->m.fixed;
                    strbuf e;
                    sb_init(&e);
                    for (size_t k = 0; k < rs[i]->m.fixed_len; k++) {
                        if (fx[k] == PARAM_OPEN) {
                            size_t j = k + 1;
                            while (j < rs[i]->m.fixed_len && fx[j] != PARAM_CLOSE) j++;
                            char name[32];
                            snprintf(name, sizeof name, "%.*s", (int)(j - k - 1), fx + k + 1);
                            const char *val = decider_value(d, name);
                            sb_puts(&e, val ? val : "");
                            k = j;
                        } else sb_putc(&e, fx[k]);
                    }
                    size_t fl = e.len;
                    if (q.len < fl || (fl && memcmp(obj, e.data, fl) != 0)) {
                        unfixed++;
                        if (shown++ < 6) printf("  %.*s matches %s, which does not start with its fixed part %s\n",
                                                (int)rs[i]->m.len, rs[i]->m.value, obj, sb_cstr(&e));
                    }
                    sb_free(&e);
                }
            }
            for (size_t x = 0; x < non; x++)
                for (size_t y = x + 1; y < non; y++) {
                    rule *a = rs[on[x]], *b = rs[on[y]];
                    pairs++;
                    if (matcher_relation(&a->m, &b->m) == REL_DISJOINT || matcher_relation(&b->m, &a->m) == REL_DISJOINT) {
                        disjoint++;
                        if (shown++ < 6) printf("  %s %.*s and %s %.*s both match %s, called disjoint\n",
                                                mk_name(a->m.kind, NS_NONE), (int)a->m.len, a->m.value,
                                                mk_name(b->m.kind, NS_NONE), (int)b->m.len, b->m.value, obj);
                    }
                    /* the check of two final rules (BK2005) counts them as meeting (on a
                     * path the kernel can ask about) */
                    if (kernel_path(obj) && !memchr(a->m.value, PARAM_OPEN, a->m.len) && !memchr(b->m.value, PARAM_OPEN, b->m.len)) {
                        finals++;
                        if (!final_matchers_meet(c, &a->m, &b->m) || !final_matchers_meet(c, &b->m, &a->m)) {
                            unmet++;
                            if (shown++ < 6) printf("  %s %.*s and %s %.*s both match %s, but as final rules they do not meet\n",
                                                    mk_name(a->m.kind, NS_NONE), (int)a->m.len, a->m.value,
                                                    mk_name(b->m.kind, NS_NONE), (int)b->m.len, b->m.value, obj);
                        }
                    }
                    int found = 0;
                    for (size_t k = 0; k < cand[on[x]].n; k++) if (cand[on[x]].v[k] == b) found = 1;
                    if (!found) {
                        missed++;
                        if (shown++ < 6) printf("  the index does not hand %.*s to %.*s (both match %s)\n",
                                                (int)b->m.len, b->m.value, (int)a->m.len, a->m.value, obj);
                    }
                }
        }
        for (size_t i = 0; i < nr; i++) free(cand[i].v);
        free(cand);
        free(on);
        for (size_t i = 0; i < p.n; i++) free(p.v[i]);
        free(p.v);
        free(rs);
        free(which);
        free(walt);
        ovl_free(ix);
        arena_free(&ra);
        decider_free(d);
        compilation_free(c);
        sb_free(&src);
    }
    CHECK(mismatches == 0, "%zu matches where the compiler's matcher and the model disagree", mismatches);
    CHECK(unfixed == 0, "%zu matches outside the rule's fixed part", unfixed);
    CHECK(disjoint == 0, "%zu pairs that both match an object were called disjoint", disjoint);
    CHECK(unmet == 0, "%zu pairs that both match an object do not meet as final rules", unmet);
    CHECK(finals > 10000, "too few pairs without parameters: %zu", finals);
    CHECK(missed == 0, "%zu such pairs the overlap index does not hand over", missed);
    CHECK(depth_bad == 0, "%zu rules ranked at the wrong depth", depth_bad);
    CHECK(alt_bad == 0, "%zu regex rules that are not one alternative", alt_bad);
    CHECK(pairs > 20000 && objects > 10000, "too few cases to mean anything: %zu pairs on %zu objects", pairs, objects);
    printf("  %zu objects, %zu pairs of rules matching one object\n", objects, pairs);
}
