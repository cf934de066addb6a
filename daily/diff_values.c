/* diff_values.c - values of the parameters lined up with the paths a profile
 * hard-codes (diff_values.h). */
#include "diff_values.h"
#include "../seatbelt/path_canonical.h"
#include "../compiler/expand.h"
#include "../support/hashmap.h"
#include "../support/strbuf.h"
#include "diff.h"
#include <string.h>
#include <strings.h>
#include <stdlib.h>

/* the literal start (diff_literal_start); *at: where it stops in p */
static size_t literal_start_at(const char *p, size_t n, char *out, size_t *at)
{
    size_t i = 0, k = 0;
    if (i < n && p[i] == '^') i++;
    for (; i < n; i++) {
        char c = p[i];
        if (strchr(".[]()*+?{}|$^", c)) break;
        if (c == '\\') { if (i + 1 < n && !strchr("dDsSwWbB", p[i + 1])) { out[k++] = p[++i]; continue; } break; }
        out[k++] = c;
    }
    /* a quantifier applies to the last byte: it is not literal */
    if (i < n && strchr("*+?{", p[i]) && k) k--;
    *at = i;
    return k;
}

size_t diff_literal_start(const char *p, size_t n, char *out)
{
    size_t at;
    return literal_start_at(p, n, out, &at);
}

/* a path built on a parameter: A + value + S; after a wildcard (float), A
 * is the text between the wildcard and the value, found anywhere in a path */
typedef struct use { size_t param; const char *a; size_t alen; const char *s; size_t slen; int chg; int flt; int wild; } use;

/* where a name or a "host:port" holds a parameter's value, or a hard-coded
 * one: a name (of a service, a notification, ...), a host, a port */
enum { NK_NAME, NK_HOST, NK_PORT };
typedef struct nuse { size_t param; int kind; const char *a; size_t alen; const char *s; size_t slen; int chg; } nuse;
typedef struct nfixed { int kind; const char *s; int chg; } nfixed;

/* a value a parameter may take, and how telling it is: 0 a path built on
 * the parameter lands exactly on a hard-coded one; 1 just above one, or
 * a value away from every path, or a value with regex metacharacters for a parameter spliced into a
 * regex; 2 the parameter's own path is a hard-coded one; 3 its paths lie
 * below one, or it is another parameter's value; 4 its own path is above
 * one */
typedef struct cand { size_t param; const char *v; int tier; } cand;
/* two values that line up only together ("/q/$X-$Y" on "/q/a-b") */
typedef struct duo { cand c[2]; } duo;

/* added to a tier: the value is for a name, host or port, not checked as a
 * path or a word of one */
#define NAME_TIER 100

typedef struct dv {
    arena *a;
    const sb_param *base;
    size_t nbase;
    const char **name;        /* the parameters that vary, */
    const char **val;         /* their base values (a path without its last '/') */
    size_t *vlen;
    int *path;                /* the value is a path */
    size_t nv;
    use *uses;
    size_t nuses, ucap;
    const char **fixed;       /* the hard-coded paths */
    size_t nfixed, fcap;
    const char **built;       /* the paths built on parameters */
    unsigned char *bchg;      /* per built path: one of a changed rule */
    size_t nbuilt, bcap;
    hashmap seen;             /* uses and fixed paths, deduplicated */
    unsigned char *rx;        /* the parameter is spliced into a regex */
    int in_regex;             /* classify: the path is a regex's literal start */
    int flt;                  /* classify: the path follows a wildcard */
    int wild;                 /* classify: a wildcard follows the path in its
                                 last component (a regex's literal start) */
    int raw;                  /* walk: the profile reads values as passed */
    unsigned char *rawuse;    /* the parameter starts a path of such a profile */
    nuse *nu;              /* names and hosts:ports built on parameters */
    size_t nnuses, nucap;
    nfixed *nfix;             /* the hard-coded names, hosts and ports */
    size_t nnfix, nfcap;
    unsigned char *named;     /* the parameter is in a name (1), a port (2) */
    cand *cands;
    size_t ncands, ccap;
    duo *duos;
    size_t nduos, dcap;
    hashmap cseen;
    int changed_only;         /* candidates from the rules one side has and the
                                 other has not (a use or a path of one) only */
    int chg;                  /* walk: the rule is such a rule */
    unsigned char *fchg;      /* per hard-coded path: one of such a rule */
    unsigned char *pchg;      /* per parameter: used in such a rule */
} dv;

static int boundary(const char *s, size_t n, size_t at) { return at == n || s[at] == '/'; }

/* s holds the n bytes of t */
static int has_text(const char *s, const char *t, size_t n)
{
    for (size_t l = strlen(s), i = 0; i + n <= l; i++) if (!memcmp(s + i, t, n)) return 1;
    return 0;
}

static void add_use(dv *d, size_t p, const char *s, size_t n, size_t from, size_t vl)
{
    const char *k = arena_printf(d->a, "u%zu:%d:%.*s\x01%.*s", p, d->flt, (int)from, s, (int)(n - from - vl), s + from + vl);
    if (d->in_regex) d->rx[p] = 1;
    if (d->raw && !from) d->rawuse[p] = 1;
    d->pchg[p] |= (unsigned char)d->chg;
    size_t had = (size_t)hm_put(&d->seen, k, strlen(k), (void *)(d->nuses + 1));
    int wild = d->wild && !memchr(s + from + vl, '/', n - from - vl);
    if (had) { d->uses[had - 1].chg |= d->chg; d->uses[had - 1].wild |= wild; return; }
    d->uses = arena_grow(d->a, d->uses, d->nuses, d->ucap, sizeof *d->uses);
    d->ucap = arena_grow_cap(d->nuses, d->ucap);
    d->uses[d->nuses++] = (use){ p, arena_strndup(d->a, s, from), from, arena_strndup(d->a, s + from + vl, n - from - vl),
                                 n - from - vl, d->chg, d->flt, wild };
}

/* keeps the path S (N bytes) in a list once, TAG telling the lists apart
 * in d->seen; a path seen again is only marked one of a changed rule too */
static void keep_path(dv *d, char tag, const char *s, size_t n, const char ***list,
                      unsigned char **chg, size_t *len, size_t *cap)
{
    const char *k = arena_printf(d->a, "%c%.*s", tag, (int)n, s);
    size_t had = (size_t)hm_put(&d->seen, k, strlen(k), (void *)(*len + 1));
    if (had) { (*chg)[had - 1] |= (unsigned char)d->chg; return; }
    size_t old = *cap;
    *list = arena_grow(d->a, *list, *len, old, sizeof **list);
    *chg = arena_grow(d->a, *chg, *len, old, sizeof **chg);
    *cap = arena_grow_cap(*len, old);
    (*chg)[*len] = (unsigned char)d->chg;
    (*list)[(*len)++] = k + 1;
}

/* a path of a rule: built on parameters (each use kept), or hard-coded */
static void classify(dv *d, const char *s, size_t n)
{
    while (n > 1 && s[n - 1] == '/') n--;
    if (!n || s[0] != '/') return;
    size_t root = 0, rootp = 0;          /* the longest value the path starts with */
    for (size_t p = 0; p < d->nv; p++)
        if (d->path[p] && d->vlen[p] > root && d->vlen[p] <= n && !memcmp(s, d->val[p], d->vlen[p]) &&
            boundary(s, n, d->vlen[p])) { root = d->vlen[p]; rootp = p; }
    int used = 0;
    if (root) { add_use(d, rootp, s, n, 0, root); used = 1; }
    /* a value further in: "/Volumes/" + DISK, "/Users/" + USER + "/x" */
    for (size_t p = 0; p < d->nv; p++) {
        size_t vl = d->vlen[p];
        for (size_t i = root; i + vl < n + 1; i++) {
            if (s[i] != '/' || i == 0) continue;
            size_t at = d->path[p] ? i : i + 1;
            if (at + vl > n || memcmp(s + at, d->val[p], vl) || !boundary(s, n, at + vl)) continue;
            add_use(d, p, s, n, at, vl);
            used = 1;
        }
    }
    /* a value glued to text ("/x/a${S}/y", "${P}c/k"): a use, and the path
     * stays hard-coded when it has no other (the text may hold the value
     * by chance) */
    for (size_t p = 0; p < d->nv; p++) {
        size_t vl = d->vlen[p];
        for (size_t at = 0; at + vl <= n; at++)
            /* not inside the value the path starts with (a longer one glued: yes) */
            if ((at >= root || (!at && vl > root)) && !memcmp(s + at, d->val[p], vl)) add_use(d, p, s, n, at, vl);
    }
    if (d->flt) return;
    if (used) {
        /* where a relative parameter lines up with it ("~/$X" on "~/.ssh") */
        keep_path(d, 'b', s, n, &d->built, &d->bchg, &d->nbuilt, &d->bcap);
        return;
    }
    keep_path(d, 'f', s, n, &d->fixed, &d->fchg, &d->nfixed, &d->fcap);
}

static int word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; }

static void add_nfixed(dv *d, int kind, const char *s, size_t n)
{
    if (!n || (n == 1 && s[0] == '*')) return;
    const char *k = arena_printf(d->a, "n%d%.*s", kind, (int)n, s);
    size_t had = (size_t)hm_put(&d->seen, k, strlen(k), (void *)(d->nnfix + 1));
    if (had) { d->nfix[had - 1].chg |= d->chg; return; }
    d->nfix = arena_grow(d->a, d->nfix, d->nnfix, d->nfcap, sizeof *d->nfix);
    d->nfcap = arena_grow_cap(d->nnfix, d->nfcap);
    d->nfix[d->nnfix++] = (nfixed){ kind, k + 2, d->chg };
}

/* a name, host or port (s, n) of a rule: each parameter's value in it kept
 * as a use; the text kept as hard-coded unless a value in it is a whole
 * word (not inside a longer run of letters and digits) */
static void classify_name(dv *d, int kind, const char *s, size_t n)
{
    int used = 0;
    for (size_t p = 0; p < d->nv; p++) {
        size_t vl = d->vlen[p];
        for (size_t at = 0; at + vl <= n; at++) {
            if (memcmp(s + at, d->val[p], vl)) continue;
            /* glued to text ("com.${SVC}x"): a use, the text hard-coded too */
            int glued = (at && word_char(s[at - 1]) && word_char(s[at])) ||
                        (at + vl < n && word_char(s[at + vl]) && word_char(s[at + vl - 1]));
            if (!glued) used = 1;
            const char *k = arena_printf(d->a, "v%zu:%d:%.*s\x01%.*s", p, kind, (int)at, s, (int)(n - at - vl), s + at + vl);
            if (d->in_regex) d->rx[p] = 1;
            if (!d->named[p] || kind == NK_PORT) d->named[p] = kind == NK_PORT ? 2 : 1;
            d->pchg[p] |= (unsigned char)d->chg;
            size_t had = (size_t)hm_put(&d->seen, k, strlen(k), (void *)(d->nnuses + 1));
            if (had) { d->nu[had - 1].chg |= d->chg; continue; }
            d->nu = arena_grow(d->a, d->nu, d->nnuses, d->nucap, sizeof *d->nu);
            d->nucap = arena_grow_cap(d->nnuses, d->nucap);
            d->nu[d->nnuses++] = (nuse){ p, kind, arena_strndup(d->a, s, at), at,
                                            arena_strndup(d->a, s + at + vl, n - at - vl), n - at - vl, d->chg };
        }
    }
    if (!used) add_nfixed(d, kind, s, n);
}

static void walk(dv *d, const sfilter *f, int depth)
{
    if (!f || depth > 64) return;
    switch (f->kind) {
    case F_LITERAL: case F_SUBPATH: case F_PREFIX: classify(d, f->str, f->len); break;
    case F_REGEX: {
        /* anchored, or a path that may match anywhere: the value lines up
         * where the text puts it */
        if (!f->len || (f->str[0] != '^' && f->str[0] != '/')) break;
        char *t = arena_alloc(d->a, f->len + 1);
        size_t stop;
        size_t k = literal_start_at(f->str, f->len, t, &stop);
        d->in_regex = 1;
        /* "^/q/tX[^/]": a value there may be followed by more of its component */
        d->wild = k && t[k - 1] != '/' && stop < f->len && f->str[stop] != '$' && f->str[stop] != '/';
        classify(d, t, k);
        d->wild = 0;
        /* a value after a wildcard (glob "/a/ * /$P"): the literal text around
         * it, found anywhere in a path */
        d->flt = 1;
        for (size_t p = 0; p < d->nv; p++) {
            size_t vl = d->vlen[p];
            for (size_t at = 1; at + vl <= f->len; at++) {
                if (memcmp(f->str + at, d->val[p], vl)) continue;
                size_t b = at;
                while (b > 0 && !strchr(".[]()*+?{}|$^\\", f->str[b - 1])) b--;
                if (b == 0 || (b == 1 && f->str[0] == '^')) continue;   /* the literal start has it */
                char *u = arena_alloc(d->a, f->len - b + 1);
                size_t ul = diff_literal_start(f->str + b, f->len - b, u);
                if (ul < at - b + vl) continue;
                classify(d, u, ul);
            }
        }
        d->flt = 0;
        d->in_regex = 0;
        break;
    }
    case F_NAME: case F_NAME_PREFIX: classify_name(d, NK_NAME, f->str, f->len); break;
    case F_NAME_REGEX: {
        char *t = arena_alloc(d->a, f->len + 1);
        d->in_regex = 1;
        classify_name(d, NK_NAME, t, diff_literal_start(f->str, f->len, t));
        d->in_regex = 0;
        break;
    }
    case F_IP: {
        /* "host:port": each part on its own ("*" is no value) */
        if (!f->str) break;
        const char *c = memchr(f->str, ':', f->len);
        for (const char *q = c; q; q = memchr(q + 1, ':', f->len - (size_t)(q + 1 - f->str))) c = q;
        if (!c) break;
        classify_name(d, NK_HOST, f->str, (size_t)(c - f->str));
        classify_name(d, NK_PORT, c + 1, f->len - (size_t)(c + 1 - f->str));
        break;
    }
    default: break;
    }
    for (int i = 0; i < f->nkids; i++) walk(d, f->kids[i], depth + 1);
}

static void add_cand(dv *d, size_t p, const char *v, size_t n, int tier)
{
    /* a value that puts a path where no request is (not canonical, "/":
     * see below, or in /tmp, /var or /etc, whose paths the kernel asks
     * about under /private) shows only how buckle spells paths */
    if (tier >= NAME_TIER) {
        /* a value for a name, host or port: any text of one line */
        tier -= NAME_TIER;
        if (!n || memchr(v, '\n', n) || memchr(v, 0, n)) return;
    } else if (d->path[p]) {
        while (n > 1 && v[n - 1] == '/') n--;
        int root = d->changed_only && n == 1 && v[0] == '/';
        if ((n < 2 && !root) || !path_canonical(v, n) || private_alias(v, n, "")) return;
    } else if (!path_component(v, n)) {
        /* a relative value of several components ("a/b") */
        if (!n || v[0] == '/' || !path_canonical(arena_printf(d->a, "/%.*s", (int)n, v), n + 1)) return;
    }
    if (n == d->vlen[p] && !memcmp(v, d->val[p], n)) return;   /* the base value */
    const char *k = arena_printf(d->a, "%zu:%.*s", p, (int)n, v);
    size_t had = (size_t)hm_get(&d->cseen, k, strlen(k));
    if (had) { if (tier < d->cands[had - 1].tier) d->cands[had - 1].tier = tier; return; }
    d->cands = arena_grow(d->a, d->cands, d->ncands, d->ccap, sizeof *d->cands);
    d->ccap = arena_grow_cap(d->ncands, d->ccap);
    /* the map holds indexes: the array moves as it grows */
    d->cands[d->ncands] = (cand){ p, arena_strndup(d->a, v, n), tier };
    hm_put(&d->cseen, k, strlen(k), (void *)(size_t)(d->ncands + 1));
    d->ncands++;
}

/* two values that line up together: relative ones of one component each,
 * or a root one (a canonical path) glued to a relative one */
static void add_duo(dv *d, size_t p, const char *v, size_t n, size_t q, const char *w, size_t wn)
{
    if (d->path[p] ? n < 2 || !path_canonical(v, n) || private_alias(v, n, "") : !path_component(v, n)) return;
    if (!path_component(w, wn)) return;
    if (n == d->vlen[p] && !memcmp(v, d->val[p], n) && wn == d->vlen[q] && !memcmp(w, d->val[q], wn)) return;
    const char *k = arena_printf(d->a, "d%zu:%.*s\x01%zu:%.*s", p, (int)n, v, q, (int)wn, w);
    if (hm_get(&d->cseen, k, strlen(k))) return;
    hm_put(&d->cseen, k, strlen(k), (void *)1);
    d->duos = arena_grow(d->a, d->duos, d->nduos, d->dcap, sizeof *d->duos);
    d->dcap = arena_grow_cap(d->nduos, d->dcap);
    d->duos[d->nduos++] = (duo){ { { p, arena_strndup(d->a, v, n), 0 }, { q, arena_strndup(d->a, w, wn), 0 } } };
}

/* values with regex metacharacters (Seatbelt reads a value spliced into a
 * regex as regex syntax): any byte, a group and a quantifier, an alternation */
static const char *const rx_meta[] = { "j.doe", "x(y)+z", "j|z" };
#define NMETA (sizeof rx_meta / sizeof *rx_meta)

/* the values of u's parameter that put its path on, above or below f, with
 * u's text before the value ending at r (rl bytes of f after it) */
static void line_up_at(dv *d, const use *u, const char *r, size_t rl)
{
    if (!d->path[u->param]) {
        /* the value's components up to each later '/' (or glued text):
         * "/x/$S/y" on "/x/a/b/y" is S=a/b */
        size_t c = strcspn(r, "/");
        int on = rl >= c + u->slen && !memcmp(r + c, u->s, u->slen) && boundary(r, rl, c + u->slen);
        add_cand(d, u->param, r, c, on ? 0 : 3);
        /* a wildcard after the value (and u's text) in its component
         * ("/q/t$X?" on "/q/tary"): the component less its last byte */
        if (u->wild && c > u->slen + 1 && !memcmp(r + c - 1 - u->slen, u->s, u->slen))
            add_cand(d, u->param, r, c - 1 - u->slen, 3);
        for (size_t x = 1; x <= rl; x++) {
            if (u->slen ? rl - x < u->slen || memcmp(r + x, u->s, u->slen) || !boundary(r, rl, x + u->slen)
                        : !boundary(r, rl, x))
                continue;
            add_cand(d, u->param, r, x, x + u->slen == rl ? 0 : 1);
        }
        /* another relative parameter in the text after it, in the same
         * component ("/q/$X-$Y"): X and Y that make the component together */
        for (size_t q = 0; q < d->nv; q++) {
            if (q == u->param || d->path[q]) continue;
            const char *at = NULL;
            for (size_t i = 0; !at && i + d->vlen[q] <= u->slen; i++)
                if (!memcmp(u->s + i, d->val[q], d->vlen[q])) at = u->s + i;
            if (!at || memchr(u->s, '/', (size_t)(at - u->s))) continue;
            size_t pl = (size_t)(at - u->s);
            const char *post = at + d->vlen[q];
            size_t ql = u->slen - pl - d->vlen[q];
            for (size_t x = 1; x + pl < c; x++) {
                if (memcmp(r + x, u->s, pl)) continue;
                for (size_t y = x + pl + 1; y <= c && y + ql <= rl; y++)
                    if (!memcmp(r + y, post, ql) && boundary(r, rl, y + ql))
                        add_duo(d, u->param, r, x, q, r + x + pl, y - x - pl);
            }
        }
        return;
    }
    if (!rl || r[0] != '/') return;
    /* spliced into a regex: values with metacharacters below f */
    if (d->rx[u->param])
        for (size_t i = 0; i < NMETA; i++) {
            const char *v = arena_printf(d->a, "%.*s/%s", (int)rl, r, rx_meta[i]);
            add_cand(d, u->param, v, strlen(v), 3);
        }
    add_cand(d, u->param, r, rl, u->slen ? 3 : 2);             /* the path below f, or on it */
    for (size_t x = rl; x > 0; x--) {                        /* r's ancestors, r itself */
        if (x < rl && r[x] != '/') continue;
        if (u->slen) {
            /* S starts with '/' (a value ends before one) */
            if (x > u->slen && !memcmp(r + x - u->slen, u->s, u->slen))
                add_cand(d, u->param, r, x - u->slen, x == rl ? 0 : 1);
            /* "$P/opt" on "/opt": P=/ */
            else if (d->changed_only && x == u->slen && !u->alen && !memcmp(r, u->s, u->slen))
                add_cand(d, u->param, "/", 1, x == rl ? 0 : 1);
        } else {
            add_cand(d, u->param, r, x, x == rl ? 2 : 4);
        }
    }
    /* the value below f: a rule of f then covers the parameter's paths,
     * and the traversal their allows imply meets f's */
    const char *in = arena_printf(d->a, "%.*s/x", (int)rl, r);
    add_cand(d, u->param, in, rl + 2, 3);
    /* a sibling sharing f's text as a prefix ("/a/b" -> "/a/bx"): what a
     * prefix or a regex without a '/' after f matches */
    if (d->changed_only && !u->slen) add_cand(d, u->param, arena_printf(d->a, "%.*sx", (int)rl, r), rl + 1, 3);
}

/* the values of u's parameter that put its path on, above or below f */
static void line_up(dv *d, const use *u, const char *f)
{
    size_t fl = strlen(f);
    if (!u->flt) {
        if (fl >= u->alen && !memcmp(f, u->a, u->alen)) line_up_at(d, u, f + u->alen, fl - u->alen);
        /* text before the value in the first component ("/t$X" on
         * "/private/tmp/x"): f as its link spells it, in any case ("/T$X"
         * with X=mp is /Tmp, the /tmp link too) */
        else if (u->alen > 1 && u->alen <= 4 && !memchr(u->a + 1, '/', u->alen - 1) && fl > 9 &&
                 !memcmp(f, "/private/", 9) && private_alias(f + 8, fl - 8, "") && !strncasecmp(f + 8, u->a, u->alen))
            line_up_at(d, u, f + 8 + u->alen, fl - 8 - u->alen);
        return;
    }
    for (size_t i = 1; i + u->alen <= fl; i++)
        if (!memcmp(f + i, u->a, u->alen)) line_up_at(d, u, f + i + u->alen, fl - i - u->alen);
}

/* the values of u's parameter that put its name on, above or below the
 * hard-coded f: f itself (or f's text before u's rest), f with more after
 * it (a prefix inside f), f cut after each '.' (a prefix holding f); for a
 * host or port, f */
static void line_up_name(dv *d, const nuse *u, const nfixed *f)
{
    if (u->kind != f->kind) return;
    size_t fl = strlen(f->s);
    if (u->kind != NK_NAME) {
        int digits = 1;
        for (size_t i = 0; i < fl; i++) digits &= f->s[i] >= '0' && f->s[i] <= '9';
        if (u->kind == NK_HOST || digits) add_cand(d, u->param, f->s, fl, NAME_TIER + 0);
        return;
    }
    if (fl < u->alen || memcmp(f->s, u->a, u->alen)) return;
    const char *r = f->s + u->alen;
    size_t rl = fl - u->alen;
    if (u->slen && has_text(u->s, d->val[u->param], d->vlen[u->param])) {
        /* the parameter again after it ("com.$X.${X}x" on "com.a.ax"):
         * the value that makes both */
        strbuf t;
        sb_init(&t);
        for (size_t x = 1; x < rl; x++) {
            t.len = 0;
            for (const char *q = u->s; *q;)
                if (!strncmp(q, d->val[u->param], d->vlen[u->param])) { sb_add(&t, r, x); q += d->vlen[u->param]; }
                else sb_putc(&t, *q++);
            if (t.len == rl - x && !memcmp(r + x, t.data, t.len)) { add_cand(d, u->param, r, x, NAME_TIER + 0); break; }
        }
        sb_free(&t);
    }
    if (u->slen) {
        for (size_t x = rl; x-- > 0;)
            if (rl - x >= u->slen && !memcmp(r + x, u->s, u->slen)) { add_cand(d, u->param, r, x, NAME_TIER + 0); break; }
        return;
    }
    add_cand(d, u->param, r, rl, NAME_TIER + 0);
    const char *in = arena_printf(d->a, "%.*sx", (int)rl, r);
    add_cand(d, u->param, in, rl + 1, NAME_TIER + 3);
    for (size_t x = rl; x-- > 1;)
        if (r[x - 1] == '.') add_cand(d, u->param, r, x, NAME_TIER + 1);
    if (rl > 1 && r[rl - 1] == '.') add_cand(d, u->param, r, rl - 1, NAME_TIER + 4);
}

/* a use whose value makes or completes the first component ("${P}tc",
 * "/t$X", "/${A}$Q"): the values that make it one of the links into
 * /private (P=/e, X=mp, A=t Q=mp).  An SBPL side compares the path as
 * written, which no request is; a .buckle side reads the path under
 * /private, so a rule there differs only under such a value. */
static void alias_first(dv *d, const use *u)
{
    size_t p = u->param;
    int root = d->path[p];
    if (u->flt) return;
    if (root ? u->alen != 0 : u->alen < 1 || u->a[0] != '/' || memchr(u->a + 1, '/', u->alen - 1)) return;
    const char *pre = root ? "" : u->a + 1;
    size_t pl = root ? 0 : u->alen - 1;
    size_t cl = strcspn(u->s, "/");          /* the text after the value in its component */
    if (root && !cl) return;                 /* "$P/x": the value's own component */
    int last = !u->s[cl];                    /* a prefix may stop inside the component */
    const char *pick = NULL;
    size_t pickl = 0;
    int two = 0;                             /* one link is enough to tell */
    for (size_t k = 0; private_alias_name(k); k++) {
        const char *l = private_alias_name(k) + 1;
        size_t ll = strlen(l);
        if (pl >= ll || strncasecmp(pre, l, pl)) continue;
        /* the whole component, else (the path ends there) its start */
        for (size_t j = pl + 1; j + cl <= ll && !pick; j++)
            if (!strncasecmp(u->s, l + j, cl) && j + cl == ll) { pick = l + pl; pickl = j - pl; }
        for (size_t j = pl + 1; last && j + cl < ll && !pick; j++)
            if (!strncasecmp(u->s, l + j, cl)) { pick = l + pl; pickl = j - pl; }
        /* another relative parameter's value in the text after it: the
         * two values that make the component together */
        for (size_t q = 0; q < d->nv && !two; q++) {
            size_t ql = d->vlen[q], o = 0;
            if (q == p || d->path[q] || ql > cl) continue;
            while (o + ql <= cl && memcmp(u->s + o, d->val[q], ql)) o++;
            if (o + ql > cl) continue;
            size_t tl = cl - o - ql;             /* text between is o bytes, after is tl */
            for (size_t x = 1; pl + x + o + 1 + tl <= ll; x++) {
                size_t y = ll - tl - (pl + x + o);
                if (strncasecmp(l + pl + x, u->s, o) || strncasecmp(l + ll - tl, u->s + o + ql, tl)) continue;
                const char *v = root ? arena_printf(d->a, "/%.*s", (int)x, l + pl) : arena_strndup(d->a, l + pl, x);
                add_duo(d, p, v, strlen(v), q, l + pl + x + o, y);
                two = 1;
                break;
            }
        }
    }
    if (!pick) return;
    const char *v = root ? arena_printf(d->a, "/%.*s", (int)pickl, pick) : arena_strndup(d->a, pick, pickl);
    add_cand(d, p, v, strlen(v), 0);
}

static int by_tier(const void *x, const void *y)
{
    const cand *a = x, *b = y;
    if (a->tier != b->tier) return a->tier - b->tier;
    return a < b ? -1 : a > b;
}

/* a rule as its action, operation and filters with the values filled in
 * (diff_rule_key), and its text: the same on both sides when the two hold
 * the same rule */
static void rule_key(strbuf *b, const sb_rule *r)
{
    diff_rule_key(b, r);
    /* and its text: a value a parameter gives is not the same as the text */
    if (r->at.src && r->at.end <= r->at.src->len && r->at.start < r->at.end)
        sb_add(b, r->at.src->text + r->at.start, r->at.end - r->at.start);
}

/* per rule of pols[0] and pols[1]: 1 when the other has no such rule */
static unsigned char **changed_rules(arena *a, const sb_policy *const *pols)
{
    unsigned char **chg = arena_alloc(a, 2 * sizeof *chg);
    hashmap keys[2];
    strbuf b;
    sb_init(&b);
    for (int k = 0; k < 2; k++) {
        hm_init(&keys[k]);
        size_t n = pols[k] ? pols[k]->n : 0;
        chg[k] = arena_alloc(a, n + 1);
        for (size_t i = 0; i < n; i++) {
            rule_key(&b, pols[k]->rules[i]);
            const char *key = arena_strndup(a, b.data, b.len);
            hm_put(&keys[k], key, b.len, (void *)key);
        }
    }
    const char **key[2];
    size_t *at[2], nat[2] = { 0, 0 };     /* the rules both have, in order */
    for (int k = 0; k < 2; k++) {
        size_t n = pols[k] ? pols[k]->n : 0;
        key[k] = arena_alloc(a, (n + 1) * sizeof *key[k]);
        at[k] = arena_alloc(a, (n + 1) * sizeof *at[k]);
        for (size_t i = 0; i < n; i++) {
            rule_key(&b, pols[k]->rules[i]);
            key[k][i] = hm_get(&keys[0], b.data, b.len);   /* one spelling for both sides */
            chg[k][i] = !hm_get(&keys[!k], b.data, b.len);
            if (!chg[k][i]) at[k][nat[k]++] = i;
        }
    }
    /* the last match decides: the rules both have but in another order,
     * from the first out of place to the last, count as changed */
    size_t lo = 0, hi0 = nat[0], hi1 = nat[1];
    while (lo < hi0 && lo < hi1 && key[0][at[0][lo]] == key[1][at[1][lo]]) lo++;
    while (hi0 > lo && hi1 > lo && key[0][at[0][hi0 - 1]] == key[1][at[1][hi1 - 1]]) { hi0--; hi1--; }
    for (size_t i = lo; i < hi0; i++) chg[0][at[0][i]] = 1;
    for (size_t i = lo; i < hi1; i++) chg[1][at[1][i]] = 1;
    sb_free(&b);
    hm_free(&keys[0]);
    hm_free(&keys[1]);
    return chg;
}

int diff_value_near(const char *path, size_t n, const char *const *near, size_t nnear)
{
    for (size_t i = 0; i < nnear; i++) {
        size_t l = strlen(near[i]);
        size_t m = l < n ? l : n;
        if (memcmp(path, near[i], m)) continue;
        if (l == n) return 1;
        if (l < n && (near[i][l - 1] == '/' || path[l] == '/')) return 1;   /* below near[i] */
        if (n < l && (path[n - 1] == '/' || near[i][n] == '/')) return 1;   /* above it */
    }
    return 0;
}

static void add_near(arena *a, diff_value_set *s, const char *p)
{
    for (size_t i = 0; i < s->nnear; i++) if (!strcmp(s->near[i], p)) return;
    s->near = arena_grow(a, s->near, s->nnear, s->nnear, sizeof *s->near);
    s->near[s->nnear++] = p;
}

/* s with the first n bytes t in it replaced by w */
static const char *swap_first(arena *a, const char *s, const char *t, size_t n, const char *w)
{
    for (size_t l = strlen(s), i = 0; i + n <= l; i++)
        if (!memcmp(s + i, t, n)) return arena_printf(a, "%.*s%s%s", (int)i, s, w, s + i + n);
    return s;
}

/* p as a near path of s: cut before the component holding byte cut (its
 * directory), and under /private too where its first component is one of
 * the links there ("/Tmp/x" is /private/tmp/x) */
static void add_near_path(dv *d, diff_value_set *s, const char *p, size_t cut)
{
    size_t n = strlen(p);
    if (cut <= n) {
        while (cut > 0 && p[cut - 1] != '/') cut--;
        n = cut > 1 ? cut - 1 : 1;
    }
    while (n > 1 && p[n - 1] == '/') n--;
    if (!n || p[0] != '/') return;
    add_near(d->a, s, arena_strndup(d->a, p, n));
    /* a first component a link's name starts with ("/et"): what a prefix
     * of it matches there, under /private */
    for (size_t k = 0; n > 1 && n < 4 && !memchr(p + 1, '/', n - 1) && private_alias_name(k); k++)
        if (!strncasecmp(p, private_alias_name(k), n))
            add_near(d->a, s, arena_printf(d->a, "/private%s", private_alias_name(k)));
    if (!private_alias(p, n, "")) return;
    strbuf b;
    sb_init(&b);
    sb_add(&b, p, n);
    sb_private_alias(&b);
    add_near(d->a, s, arena_strndup(d->a, b.data, b.len));
    sb_free(&b);
}

/* a set: the base values with those of c[0..nc) */
static void make_set(dv *d, diff_value_set *s, const cand *const *c, size_t nc)
{
    memset(s, 0, sizeof *s);
    s->p = arena_alloc(d->a, (d->nbase + 1) * sizeof *s->p);
    s->n = d->nbase;
    memcpy(s->p, d->base, d->nbase * sizeof *s->p);
    const char *label = "";
    for (size_t k = 0; k < nc; k++) {
        const char *nm = d->name[c[k]->param];
        for (size_t i = 0; i < s->n; i++) if (!strcmp(s->p[i].name, nm)) s->p[i].value = c[k]->v;
        label = arena_printf(d->a, "%s%s%s=%s", label, k ? " " : "", nm, c[k]->v);
        const char *v = c[k]->v, *bv = d->val[c[k]->param];
        size_t vl = strlen(v), bl = d->vlen[c[k]->param];
        /* a value with regex metacharacters moves what a regex matches
         * anywhere in the directory around it */
        size_t m = strcspn(v, ".[]()*+?{}|$^\\");
        for (size_t u = 0; u < d->nuses; u++) {
            const use *us = &d->uses[u];
            if (us->param != c[k]->param) continue;
            /* the path at the value, with the text after it ("/q/${X}.d/k"),
             * and the path up to it; the same at the base value */
            size_t cut = m < vl ? us->alen + m : (size_t)-1;
            /* a wildcard after it in its component: the directory */
            size_t wcut = us->wild ? us->alen + vl + us->slen : (size_t)-1;
            add_near_path(d, s, arena_printf(d->a, "%s%s%s", us->a, v, us->s), cut < wcut ? cut : wcut);
            add_near_path(d, s, arena_printf(d->a, "%s%s", us->a, v), cut);
            add_near_path(d, s, arena_printf(d->a, "%s%.*s%s", us->a, (int)bl, bv, us->s),
                          us->wild ? us->alen + bl + us->slen : (size_t)-1);
            add_near_path(d, s, arena_printf(d->a, "%s%.*s", us->a, (int)bl, bv), (size_t)-1);
            /* two values at once: the path with both */
            if (nc == 2) {
                const cand *o = c[!k];
                const char *ov = d->val[o->param];
                size_t ol = d->vlen[o->param];
                add_near_path(d, s, arena_printf(d->a, "%s%s%s", swap_first(d->a, us->a, ov, ol, o->v), v,
                                                 swap_first(d->a, us->s, ov, ol, o->v)), cut < wcut ? cut : wcut);
            }
        }
    }
    /* a parameter in a name or a port moves requests that are no paths,
     * one after a wildcard paths anywhere: every request is compared */
    for (size_t k = 0; k < nc; k++) {
        int anywhere = d->named[c[k]->param] != 0;
        for (size_t u = 0; u < d->nuses && !anywhere; u++) anywhere = d->uses[u].flt && d->uses[u].param == c[k]->param;
        if (anywhere) { s->near = NULL; s->nnear = 0; }
    }
    s->label = label;
}

/* the set of aliases: each parameter that starts a path of a profile that
 * reads values as passed (rawuse[p]) with its
 * value under /tmp, /var or /etc as a program may pass it (its base value
 * without "/private" where it has one, else below /tmp), near both
 * spellings; 0 when no parameter starts a path */
static int alias_set(dv *d, diff_value_set *s)
{
    memset(s, 0, sizeof s[0]);
    s->p = arena_alloc(d->a, (d->nbase + 1) * sizeof *s->p);
    s->n = d->nbase;
    if (d->nbase) memcpy(s->p, d->base, d->nbase * sizeof *s->p);
    const char *label = "";
    int any = 0;
    for (size_t p = 0; p < d->nv; p++) {
        if (!d->rawuse[p] || !d->path[p]) continue;
        const char *v = d->val[p];
        size_t vl = d->vlen[p];
        int under = !strncmp(v, "/private/", 9) && private_alias(v + 8, vl - 8, "");
        const char *as = under ? arena_strndup(d->a, v + 8, vl - 8) : arena_printf(d->a, "/tmp%.*s", (int)vl, v);
        const char *canon = under ? arena_strndup(d->a, v, vl) : arena_printf(d->a, "/private%s", as);
        for (size_t i = 0; i < s->n; i++) if (!strcmp(s->p[i].name, d->name[p])) s->p[i].value = as;
        label = arena_printf(d->a, "%s%s%s=%s", label, any ? " " : "", d->name[p], as);
        any = 1;
        for (size_t u = 0; u < d->nuses; u++) {
            const use *us = &d->uses[u];
            if (us->param != p) continue;
            add_near(d->a, s, arena_printf(d->a, "%s%s", us->a, as));
            add_near(d->a, s, arena_printf(d->a, "%s%s", us->a, canon));
            add_near(d->a, s, arena_printf(d->a, "%s%.*s", us->a, (int)vl, v));
        }
    }
    s->label = label;
    s->alias = 1;
    return any;
}

size_t diff_value_sets(arena *a, const sb_policy *const *pols, size_t npols, const sb_param *base, size_t nbase,
                       const char *const *vary, size_t nvary, unsigned aliases, int changed_only, size_t *left_out,
                       diff_value_set *out, size_t max)
{
    dv d;
    memset(&d, 0, sizeof d);
    if (left_out) *left_out = 0;
    d.changed_only = changed_only && npols == 2;
    d.a = a;
    d.base = base;
    d.nbase = nbase;
    d.name = arena_alloc(a, (nvary + 1) * sizeof *d.name);
    d.val = arena_alloc(a, (nvary + 1) * sizeof *d.val);
    d.vlen = arena_alloc(a, (nvary + 1) * sizeof *d.vlen);
    d.path = arena_alloc(a, (nvary + 1) * sizeof *d.path);
    d.rx = arena_alloc(a, nvary + 1);
    d.named = arena_alloc(a, nvary + 1);
    d.rawuse = arena_alloc(a, nvary + 1);
    d.pchg = arena_alloc(a, nvary + 1);
    for (size_t i = 0; i < nvary; i++)
        for (size_t k = 0; k < nbase; k++) {
            if (strcmp(base[k].name, vary[i]) || !base[k].value) continue;
            const char *v = base[k].value;
            size_t l = strlen(v);
            while (l > 1 && v[l - 1] == '/') l--;
            if (l < 2 || strchr(v, '\n')) break;   /* "/" or one byte: it would line up with everything */
            d.name[d.nv] = vary[i];
            d.val[d.nv] = v;
            d.vlen[d.nv] = l;
            d.path[d.nv++] = v[0] == '/';
            break;
        }
    if (!d.nv || !max) return 0;
    hm_init(&d.seen);
    hm_init(&d.cseen);
    unsigned char **chg = d.changed_only ? changed_rules(a, pols) : NULL;
    for (size_t k = 0; k < npols; k++)
        for (size_t i = 0; pols[k] && i < pols[k]->n; i++) {
            d.raw = k < 8 && (aliases >> k) & 1;
            d.chg = chg ? chg[k][i] : 1;
            walk(&d, pols[k]->rules[i]->filter, 0);
        }
    d.raw = 0;
    /* the rules of one side only: a value matters where it puts a path of
     * one of them on, above or below another path, or another's on one of
     * theirs ("/" too: "$P/x" is then "/x") */
    for (size_t u = 0; d.changed_only && u < d.nuses; u++) {
        const use *us = &d.uses[u];
        if (us->chg && d.path[us->param] && !us->alen) add_cand(&d, us->param, "/", 1, 3);
    }
    /* sides read differently (an SBPL one): a value that makes the first
     * component a link into /private, first (no hard-coded path tells it) */
    for (size_t u = 0; !d.changed_only && u < d.nuses; u++) alias_first(&d, &d.uses[u]);
    unsigned char *used = arena_alloc(a, d.nv + 1);
    for (size_t u = 0; u < d.nuses; u++) used[d.uses[u].param] = 1;
    for (size_t u = 0; u < d.nuses; u++)
        for (size_t f = 0; f < d.nfixed; f++)
            if (d.uses[u].chg || d.fchg[f]) line_up(&d, &d.uses[u], d.fixed[f]);
    /* a relative parameter after another ("~/$X", "$P/$X") on the paths
     * built on the other only ("~/.ssh"), which stay where they are when
     * it changes */
    for (size_t u = 0; u < d.nuses; u++) {
        const use *us = &d.uses[u];
        if (d.path[us->param]) continue;
        for (size_t b = 0; b < d.nbuilt; b++)
            if ((us->chg || d.bchg[b]) && !has_text(d.built[b], d.val[us->param], d.vlen[us->param]))
                line_up(&d, us, d.built[b]);
    }
    for (size_t u = 0; u < d.nnuses; u++)
        for (size_t f = 0; f < d.nnfix; f++)
            if (d.nu[u].chg || d.nfix[f].chg) line_up_name(&d, &d.nu[u], &d.nfix[f]);
    for (size_t p = 0; p < d.nv; p++) {
        if (!d.named[p] || !d.pchg[p]) continue;
        /* a name or port away from every other: what one side hard-codes
         * at the base value shows (a port no rule names) */
        const char *away = d.path[p] ? arena_printf(a, "/private/elsewhere/%s", d.name[p])
                                     : arena_printf(a, "elsewhere-%s", d.name[p]);
        if (d.named[p] == 2) {
            for (unsigned port = 47101; port < 47200; port++) {
                away = arena_printf(a, "%u", port);
                size_t f = 0;
                while (f < d.nnfix && !strstr(d.nfix[f].s, away)) f++;
                if (f == d.nnfix) break;
            }
        }
        add_cand(&d, p, away, strlen(away), NAME_TIER + 1);
    }
    /* a name or a relative value spliced into a regex: values with
     * metacharacters */
    for (size_t p = 0; p < d.nv; p++) {
        if (d.path[p] || !d.rx[p] || !d.pchg[p]) continue;
        for (size_t i = 0; i < NMETA; i++)
            add_cand(&d, p, rx_meta[i], strlen(rx_meta[i]), d.named[p] ? NAME_TIER + 1 : 1);
    }
    for (size_t p = 0; p < d.nv; p++) {
        if (!used[p] || !d.path[p] || !d.pchg[p]) continue;
        /* a value away from every other path: what the base value hard-codes
         * on one side only shows (not "/": (string-append (param "HOME")
         * "/.ssh") is then "//.ssh", a path no request names, while
         * buckle's "$HOME/.ssh" is "/.ssh") */
        const char *away = arena_printf(a, "/private/elsewhere/%s", d.name[p]);
        add_cand(&d, p, away, strlen(away), 1);
        /* spliced into a regex, Seatbelt reads the value's bytes as regex
         * syntax: values with metacharacters, beside the base value */
        if (d.rx[p]) {
            int dl = (int)d.vlen[p];
            while (dl > 0 && d.val[p][dl - 1] != '/') dl--;
            if (dl > 0) dl--;
            for (size_t i = 0; i < NMETA; i++) {
                const char *v = arena_printf(a, "%.*s/%s", dl, d.val[p], rx_meta[i]);
                add_cand(&d, p, v, strlen(v), 1);
            }
        }
        /* two parameters: the same directory, or one inside the other */
        for (size_t q = 0; q < d.nv; q++) {
            if (q == p || !used[q] || !d.path[q]) continue;
            add_cand(&d, p, d.val[q], d.vlen[q], 3);
            const char *in = arena_printf(a, "%.*s/x", (int)d.vlen[q], d.val[q]);
            add_cand(&d, p, in, strlen(in), 3);
            /* on a path built on q: "$READONLY" on "$PROJECT/build" */
            for (size_t u = 0; u < d.nuses; u++) {
                const use *us = &d.uses[u];
                if (us->param != q || us->alen || !us->slen) continue;
                const char *on = arena_printf(a, "%.*s%s", (int)d.vlen[q], d.val[q], us->s);
                add_cand(&d, p, on, strlen(on), 1);
            }
        }
    }
    hm_free(&d.seen);
    hm_free(&d.cseen);
    /* the aliases last, in a place of their own: a set lined up with the
     * paths comes first */
    size_t ai = max - 1;
    size_t nalias = aliases && alias_set(&d, &out[ai]) ? 1 : 0;
    if (nalias) {
        max--;
        if (!d.ncands || !max) { if (ai) out[0] = out[ai]; return 1; }
    }
    if (!d.ncands && !d.nduos) return 0;
    /* each set is one more comparison, whose cost grows with the rules */
    size_t nrules = 0;
    for (size_t k = 0; k < npols; k++) nrules += pols[k] ? pols[k]->n : 0;
    size_t most = d.changed_only ? DIFF_MAX_CHANGED_SETS : DIFF_MAX_VALUE_SETS;
    size_t budget = nrules <= DIFF_VALUE_SETS_RULES ? most : most * DIFF_VALUE_SETS_RULES / nrules;
    if (budget < DIFF_MIN_VALUE_SETS) budget = DIFF_MIN_VALUE_SETS;
    if (max > budget) max = budget;
    if (d.ncands) qsort(d.cands, d.ncands, sizeof *d.cands, by_tier);
    /* the best of each parameter in turn, then two parameters lined up at
     * once (the best of each) when there are two */
    const cand **pick = arena_alloc(a, (d.ncands + 1) * sizeof *pick);
    unsigned char *taken = arena_alloc(a, d.ncands + 1);
    size_t np = 0, n = 0;
    size_t pairs = 0;
    const cand *best[2] = { NULL, NULL };
    for (size_t i = 0; i < d.ncands && !best[1]; i++) {
        if (!best[0]) best[0] = &d.cands[i];
        else if (d.cands[i].param != best[0]->param) best[1] = &d.cands[i];
    }
    if (best[1] && max > 2) pairs = 1;
    /* the values that line up together: up to half the sets */
    size_t nduo = d.nduos < max / 2 ? d.nduos : max / 2;
    /* changed rules: two values that each put a path exactly on another
     * (tier 0) may change a decision only together ("~/$X/k" with X=ab/k
     * and HOME=/): such pairs after every value on its own when the room
     * allows, else right after the tier-0 values on their own (the rest
     * are left out then, and counted) */
    size_t room = max - pairs - nduo, n0 = 0, nx = 0, extra = 0;
    const cand **xp = NULL;
    if (d.changed_only) {
        for (size_t i = 0; i < d.ncands; i++) n0 += d.cands[i].tier == 0;
        xp = arena_alloc(a, 2 * (max + 1) * sizeof *xp);
        for (size_t i = 0; i < d.ncands && d.cands[i].tier == 0; i++)
            for (size_t j = i + 1; j < d.ncands && d.cands[j].tier == 0; j++) {
                if (d.cands[i].param == d.cands[j].param) continue;
                if (pairs && ((best[0] == &d.cands[i] && best[1] == &d.cands[j]) ||
                              (best[0] == &d.cands[j] && best[1] == &d.cands[i])))
                    continue;
                if (nx < max) { xp[2 * nx] = &d.cands[i]; xp[2 * nx + 1] = &d.cands[j]; }
                nx++;
            }
        size_t spare = d.ncands <= room ? room - d.ncands : room > n0 ? room - n0 : 0;
        extra = nx < spare ? nx : spare;
        /* more values than room: the tier-0 ones first */
        for (size_t i = 0; d.ncands > room && i < d.ncands && np + pairs + nduo + extra < max; i++)
            if (d.cands[i].tier == 0) { taken[i] = 1; pick[np++] = &d.cands[i]; }
    }
    for (int progress = 1; progress && np + pairs + nduo + extra < max;) {
        progress = 0;
        for (size_t p = 0; p < d.nv && np + pairs + nduo + extra < max; p++)
            for (size_t i = 0; i < d.ncands; i++) {
                if (taken[i] || d.cands[i].param != p) continue;
                taken[i] = 1;
                pick[np++] = &d.cands[i];
                progress = 1;
                break;
            }
    }
    for (size_t i = 0; i < np; i++) make_set(&d, &out[n++], &pick[i], 1);
    for (size_t i = 0; i < nduo; i++) {
        const cand *two[2] = { &d.duos[i].c[0], &d.duos[i].c[1] };
        make_set(&d, &out[n++], two, 2);
    }
    if (pairs) make_set(&d, &out[n++], best, 2);
    for (size_t i = 0; i < extra; i++) make_set(&d, &out[n++], &xp[2 * i], 2);
    /* a pair of exact values not compared may hide a change too */
    if (left_out) *left_out = d.ncands - np + d.nduos - nduo + nx - extra;
    if (nalias) { diff_value_set t = out[ai]; out[n++] = t; }
    return n;
}
