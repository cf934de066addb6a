/* sbpl_file.c - an .sb profile read and evaluated with parameter values. */
#include "sbpl_file.h"
#include "../grammar/sexp.h"
#include "../compiler/expand.h"
#include "../seatbelt/filters.h"
#include <string.h>

sexp *sbpl_file_read(arena *a, diag_list *dl, const source *src)
{
    sbpl_read_opts ro = { .whole = 1 };
    uint32_t rs, re;
    if (sbpl_cxx_raw_string(src, &rs, &re)) ro = (sbpl_read_opts){ .start = rs, .end = re };   /* docs/lint.md */
    return sbpl_read(a, dl, src, &ro);
}

/* NAME without a derived suffix; *derived: it had one */
static const char *param_base(arena *a, const sexp *s, int *derived)
{
    *derived = 0;
    for (size_t i = 0; param_derived_suffix(i); i++) {
        const char *sfx = param_derived_suffix(i);
        size_t sl = strlen(sfx);
        if (s->len > sl && !memcmp(s->text + s->len - sl, sfx, sl)) {
            *derived = 1;
            return arena_strndup(a, s->text, s->len - sl);
        }
    }
    return arena_strndup(a, s->text, s->len);
}

typedef struct preads {
    sb_param_read *v;
    size_t n;
    arena *a;
    const sexp **strs;      /* (define NAME "STRING"): a parameter may be named so */
    size_t nstrs;
    const sexp **binds;     /* (define NAME (param ...)), of a name bound so, or a string-append
                               starting with either: NAME */
    size_t nbinds;
    const sexp **helpers;   /* (define (NAME ARG...) ... LAST): (NAME ARG...); its value,
                               LAST, is read where it is called */
    size_t nhelpers;
    unsigned char *scanned; /* per helper, then per bound name, the uses its value was read
                               with (USE_BIT): once each, however often it is used */
} preads;

#define USE_BIT(use) (1u << ((use) + 2))

static const sexp *param_form(const preads *r, const sexp *x);

/* the bound name x is (its last definition), or -1 */
static long bound_index(const preads *r, const sexp *x)
{
    if (x->kind != SX_SYMBOL) return -1;
    long d = -1;
    for (size_t i = 0; i < r->nbinds; i++)
        if (r->binds[i]->len == x->len && !memcmp(r->binds[i]->text, x->text, x->len)) d = (long)i;
    return d;
}

/* the value of a name bound to a parameter's value, or NULL */
static const sexp *bound_value(const preads *r, const sexp *x)
{
    long d = bound_index(r, x);
    return d >= 0 ? r->binds[d]->next : NULL;
}

/* every (define NAME "STRING") in x (Chromium's profiles name their
 * parameters so: (param homedir)), and every helper (define (NAME ...)) */
static void defined_strings(preads *r, const sexp *x, int depth)
{
    for (; x && depth <= SBPL_MAX_DEPTH; x = x->next) {
        if (x->kind != SX_LIST) continue;
        const sexp *h = x->child;
        if (h && sexp_is_sym(h, "define") && h->next && h->next->kind == SX_SYMBOL && h->next->next &&
            h->next->next->kind == SX_STRING && !h->next->next->next) {
            r->strs = arena_grow(r->a, r->strs, r->nstrs, r->nstrs, sizeof *r->strs);
            r->strs[r->nstrs++] = h->next;
        }
        if (h && sexp_is_sym(h, "define") && h->next && h->next->kind == SX_LIST && h->next->child &&
            h->next->child->kind == SX_SYMBOL && h->next->next) {
            r->helpers = arena_grow(r->a, r->helpers, r->nhelpers, r->nhelpers, sizeof *r->helpers);
            r->helpers[r->nhelpers++] = h->next;
        }
        defined_strings(r, h, depth + 1);
    }
}

static const sexp *bound_value(const preads *r, const sexp *x);

/* a parameter's value, a name bound to one, or a string-append that starts
 * with either */
static int param_valued(const preads *r, const sexp *v)
{
    if (bound_value(r, v)) return 1;
    if (v->kind != SX_LIST) return 0;
    return param_form(r, v) || (v->child && sexp_is_sym(v->child, "string-append") && v->child->next &&
                                param_valued(r, v->child->next));
}

static int is_bound(const preads *r, const sexp *name)
{
    for (size_t i = 0; i < r->nbinds; i++)
        if (r->binds[i] == name) return 1;
    return 0;
}

/* every (define NAME V) in x whose V is param_valued; 1 when one was added
 * (a name bound to one defined later is found on the next pass) */
static int bound_names(preads *r, const sexp *x, int depth)
{
    int added = 0;
    for (; x && depth <= SBPL_MAX_DEPTH; x = x->next) {
        if (x->kind != SX_LIST) continue;
        const sexp *h = x->child;
        const sexp *v = h && sexp_is_sym(h, "define") && h->next && h->next->kind == SX_SYMBOL ? h->next->next : NULL;
        if (v && !v->next && !is_bound(r, h->next) && param_valued(r, v)) {
            r->binds = arena_grow(r->a, r->binds, r->nbinds, r->nbinds, sizeof *r->binds);
            r->binds[r->nbinds++] = h->next;
            added = 1;
        }
        added |= bound_names(r, h, depth + 1);
    }
    return added;
}

/* the helper x calls, or -1 */
static long helper_called(const preads *r, const sexp *x)
{
    if (x->kind != SX_LIST || !x->child || x->child->kind != SX_SYMBOL) return -1;
    long k = -1;   /* the last definition of the name */
    for (size_t i = 0; i < r->nhelpers; i++)
        if (r->helpers[i]->child->len == x->child->len &&
            !memcmp(r->helpers[i]->child->text, x->child->text, x->child->len))
            k = (long)i;
    return k;
}

/* how x is read: in a condition or definition (anything but a filter's
 * string); or not yet: a helper's value, read where the helper is called */
enum { R_OTHER = -1, R_LATER = -2 };

static void param_seen(preads *r, const char *name, int use, span at)
{
    if (use == R_LATER) return;
    size_t i = 0;
    while (i < r->n && strcmp(r->v[i].name, name)) i++;
    if (i == r->n) {
        r->v = arena_grow(r->a, r->v, r->n, r->n, sizeof *r->v);
        r->v[r->n++] = (sb_param_read){ name, SB_PARAM_WORD, 0, 0, at };
    }
    if (use == R_OTHER) { r->v[i].other = 1; return; }
    r->v[i].in_filter = 1;
    if (use > (int)r->v[i].use) r->v[i].use = (sb_param_use)use;
}

/* (param "NAME") or (getenv "NAME"), or (param SYM) of a (define SYM
 * "NAME"): its name string, else NULL */
static const sexp *param_form(const preads *r, const sexp *x)
{
    if (x->kind != SX_LIST || !x->child || !(sexp_is_sym(x->child, "param") || sexp_is_sym(x->child, "getenv"))) return NULL;
    const sexp *n = x->child->next;
    if (n && n->kind == SX_SYMBOL && !n->next) {
        const sexp *d = NULL;   /* the last definition of the name */
        for (size_t i = 0; i < r->nstrs; i++)
            if (r->strs[i]->len == n->len && !memcmp(r->strs[i]->text, n->text, n->len)) d = r->strs[i];
        n = d ? d->next : NULL;
    }
    return n && n->kind == SX_STRING && !n->next && n->len && !memchr(n->text, 0, n->len) ? n : NULL;
}

static void scan_one(preads *r, const sexp *x, int use, int depth);

/* the forms from x, read other than in a filter's string (or not yet, in
 * a helper's value) */
static void scan_rest(preads *r, const sexp *x, int use, int depth)
{
    for (; x; x = x->next) scan_one(r, x, use == R_LATER ? R_LATER : R_OTHER, depth);
}

/* the parameters x reads; use: how x's value is read (an sb_param_use
 * inside a filter's string, R_OTHER elsewhere, R_LATER in a helper's value) */
static void scan_one(preads *r, const sexp *x, int use, int depth)
{
    if (!x || depth > SBPL_MAX_DEPTH) return;
    /* a name bound to a parameter's value is read where it is used */
    long bk = bound_index(r, x);
    if (bk >= 0) {
        unsigned char *seen = &r->scanned[r->nhelpers + (size_t)bk];
        if (!(*seen & USE_BIT(use))) { *seen |= (unsigned char)USE_BIT(use); scan_one(r, r->binds[bk]->next, use, depth + 1); }
        return;
    }
    if (x->kind == SX_LIST && x->child && sexp_is_sym(x->child, "define") && x->child->next &&
        bound_value(r, x->child->next) == x->child->next->next)
        return;
    const sexp *pn = param_form(r, x);
    if (pn) {
        int derived;
        const char *name = param_base(r->a, pn, &derived);
        param_seen(r, name, derived && use >= 0 ? SB_PARAM_PATH : use, x->at);
        return;
    }
    if (x->kind == SX_QUOTE) scan_rest(r, x->child, use, depth + 1);
    if (x->kind != SX_LIST || !x->child) return;
    const sexp *h = x->child;
    /* a helper: its value (the last form of its body) is read where it is
     * called, as the call is; the forms before it when it is defined */
    if (sexp_is_sym(h, "define") && h->next && h->next->kind == SX_LIST && h->next->child &&
        h->next->child->kind == SX_SYMBOL && h->next->next) {
        const sexp *last = h->next->next;
        while (last->next) last = last->next;
        for (const sexp *k = h->next->next; k != last; k = k->next) scan_one(r, k, use == R_LATER ? R_LATER : R_OTHER, depth + 1);
        scan_one(r, last, R_LATER, depth + 1);
        return;
    }
    long hk = use == R_LATER ? -1 : helper_called(r, x);
    if (hk >= 0 && !(r->scanned[hk] & USE_BIT(use))) {
        r->scanned[hk] |= (unsigned char)USE_BIT(use);
        const sexp *last = r->helpers[hk]->next;
        while (last->next) last = last->next;
        scan_one(r, last, use, depth + 1);
    }
    if (sexp_is_sym(h, "string-append") && use >= 0) {
        /* a part first (when the whole begins a path) or after "^"; a port after ':' */
        const sexp *prev = NULL;
        for (const sexp *k = h->next; k; prev = k, k = k->next) {
            int caret = prev && prev->kind == SX_STRING && prev->len == 1 && prev->text[0] == '^';
            int colon = prev && prev->kind == SX_STRING && prev->len && prev->text[prev->len - 1] == ':';
            int ku = colon ? SB_PARAM_PORT : (use == SB_PARAM_PATH && !prev) || caret ? SB_PARAM_PATH : SB_PARAM_WORD;
            scan_one(r, k, ku, depth + 1);
        }
        return;
    }
    /* a regex's text with the value quoted: the value is read as it is */
    if (sexp_is_sym(h, "regex-quote") && use >= 0 && h->next && !h->next->next) {
        scan_one(r, h->next, use, depth + 1);
        return;
    }
    char name[64] = "";
    if (h->kind == SX_SYMBOL && h->len < sizeof name) memcpy(name, h->text, h->len), name[h->len] = 0;
    int path = sexp_is_sym(h, "subpath") || sexp_is_sym(h, "literal") || sexp_is_sym(h, "path") ||
               sexp_is_sym(h, "prefix") || sexp_is_sym(h, "regex");
    scan_one(r, h, use == R_LATER ? R_LATER : R_OTHER, depth + 1);
    if (!path && !(name[0] && filter_known(name))) { scan_rest(r, h->next, use, depth + 1); return; }
    /* a filter: its strings; a path filter's first starts a path */
    for (const sexp *k = h->next; k; k = k->next) scan_one(r, k, path && k == h->next ? SB_PARAM_PATH : SB_PARAM_WORD, depth + 1);
}

size_t sbpl_file_params(arena *a, const sexp *top, sb_param_read **out)
{
    preads r = { .a = a };
    defined_strings(&r, top, 0);
    for (int pass = 0; pass < 64 && bound_names(&r, top, 0); pass++) continue;
    r.scanned = arena_alloc(a, r.nhelpers + r.nbinds + 1);
    scan_rest(&r, top, R_OTHER, 0);
    *out = r.v;
    return r.n;
}

size_t sbpl_file_params_with(arena *a, const sexp *top, const source *imported, sb_param_read **out)
{
    /* the imported files' forms first: a helper one defines is called after its import */
    sexp *all = NULL, **at = &all;
    for (const source *s = imported; s; s = s->next) {
        diag_list quiet;   /* the evaluator read it and said what it found */
        diag_list_init(&quiet, a);
        for (const sexp *x = sbpl_file_read(a, &quiet, s); x; x = x->next) {
            sexp *c = arena_alloc(a, sizeof *c);
            *c = *x;
            c->next = NULL;
            *at = c;
            at = &c->next;
        }
    }
    *at = (sexp *)top;   /* not written through: the list is only read */
    return sbpl_file_params(a, all, out);
}

int sbpl_file_unvalued(arena *a, diag_list *dl, const source *src, const source *imported, const sb_param *given,
                       size_t ngiven)
{
    diag_list quiet;   /* the evaluator read it and said what it found */
    diag_list_init(&quiet, a);
    sb_param_read *pr;
    size_t np = sbpl_file_params_with(a, sbpl_file_read(a, &quiet, src), imported, &pr), ntest;
    const sb_param *tv = test_param_values(&ntest);
    int missing = 0;
    for (size_t i = 0; i < np; i++) {
        /* read only in a condition: not passed is a value there */
        if (pr[i].other && !pr[i].in_filter) continue;
        int known = 0;
        for (size_t k = 0; k < ngiven && !known; k++) known = !strcmp(given[k].name, pr[i].name);
        for (size_t k = 0; k < ntest && !known; k++) known = !strcmp(tv[k].name, pr[i].name);
        if (known) continue;
        diag *g = diag_add(dl, SEV_ERROR, NULL, pr[i].at, "parameter %s has no value", pr[i].name);
        diag_help(dl, g, "pass -D %s=VALUE (the value the program passes)", pr[i].name);
        missing = 1;
    }
    return missing;
}

/* sbpl_file_eval on forms already read (their list is relinked where drop
 * leaves one out) */
static sb_policy *eval_forms(arena *a, diag_list *dl, const source *src, sexp *top, unsigned errors, const char *path,
                             const sb_param *given, size_t ngiven, const char *const *dirs, size_t ndirs,
                             sbpl_form_filter drop, void *ud, source **imported)
{
    size_t ntest;
    const sb_param *tv = test_param_values(&ntest);
    sb_param *all = arena_alloc(a, (ngiven + ntest + 1) * sizeof *all);
    size_t n = 0;
    for (size_t i = 0; i < ngiven; i++) all[n++] = given[i];
    for (size_t i = 0; i < ntest; i++) all[n++] = tv[i];
    const char **d = arena_alloc(a, (ndirs + 2) * sizeof *d);
    size_t nd = 0;
    for (size_t i = 0; i < ndirs; i++) d[nd++] = dirs[i];
    const char *slash = strrchr(path, '/');
    d[nd++] = slash ? arena_strndup(a, path, (size_t)(slash - path)) : ".";
    size_t np;
    sb_param *pd = derive_sbpl_params(a, all, n, &np);
    sbpl_eval_opts eo = { .params = pd, .nparams = np, .import_dirs = d, .nimport = nd, .sources = imported };
    for (sexp **t = &top; drop && *t;) {
        if (drop(ud, src, *t, dl)) *t = (*t)->next;
        else t = &(*t)->next;
    }
    if (dl->errors != errors) return NULL;
    sb_policy *p = sbpl_eval(a, dl, src, top, &eo);
    return dl->errors != errors ? NULL : p;
}

sb_policy *sbpl_file_eval(arena *a, diag_list *dl, const source *src, const char *path,
                          const sb_param *given, size_t ngiven, const char *const *dirs, size_t ndirs,
                          sbpl_form_filter drop, void *ud, source **imported)
{
    unsigned errors = dl->errors;
    sexp *top = sbpl_file_read(a, dl, src);
    return eval_forms(a, dl, src, top, errors, path, given, ngiven, dirs, ndirs, drop, ud, imported);
}

int sbpl_file_open(sbpl_file *f, const char *path, const sb_param *given, size_t ngiven,
                   const char *const *dirs, size_t ndirs, sbpl_form_filter drop, void *ud, const char **err)
{
    return sbpl_file_open_from(f, NULL, path, given, ngiven, dirs, ndirs, drop, ud, err);
}

int sbpl_file_open_from(sbpl_file *f, arena *pool, const char *path, const sb_param *given, size_t ngiven,
                        const char *const *dirs, size_t ndirs, sbpl_form_filter drop, void *ud, const char **err)
{
    return sbpl_file_open_forms(f, pool, NULL, path, given, ngiven, dirs, ndirs, drop, ud, err);
}

/* the top-level list of forms, its nodes copied (drop relinks it; the
 * forms inside are shared) */
static sexp *copy_list(arena *a, const sexp *top)
{
    sexp *first = NULL, **at = &first;
    for (const sexp *x = top; x; x = x->next) {
        sexp *c = arena_alloc(a, sizeof *c);
        *c = *x;
        c->next = NULL;
        *at = c;
        at = &c->next;
    }
    return first;
}

int sbpl_file_open_forms(sbpl_file *f, arena *pool, sbpl_forms *fm, const char *path, const sb_param *given, size_t ngiven,
                         const char *const *dirs, size_t ndirs, sbpl_form_filter drop, void *ud, const char **err)
{
    memset(f, 0, sizeof *f);
    arena_init(&f->a);
    if (pool) arena_adopt(&f->a, pool);
    diag_list_init(&f->dl, &f->a);
    unsigned errors = f->dl.errors;
    sexp *top;
    if (fm && fm->live) {
        f->src = fm->src;
        f->shared_src = 1;
        top = copy_list(&f->a, fm->top);
    } else {
        f->src = source_read(path, path, err);
        if (!f->src) return -1;
        if (fm) {
            arena_free(&fm->a);   /* what an earlier read with errors left */
            top = sbpl_file_read(&fm->a, &f->dl, f->src);
            if (f->dl.errors == errors) {
                fm->src = f->src;
                fm->top = top;
                fm->live = 1;
                f->shared_src = 1;
                top = copy_list(&f->a, top);
            } else {
                top = NULL;           /* not evaluated; fm's arena goes with sbpl_forms_free */
            }
        } else {
            top = sbpl_file_read(&f->a, &f->dl, f->src);
        }
    }
    f->pol = eval_forms(&f->a, &f->dl, f->src, top, errors, path, given, ngiven, dirs, ndirs, drop, ud, &f->imported);
    return 0;
}

void sbpl_forms_free(sbpl_forms *fm)
{
    if (fm->live) source_free(fm->src);
    arena_free(&fm->a);
    memset(fm, 0, sizeof *fm);
}

void sbpl_file_close(sbpl_file *f) { sbpl_file_close_to(f, NULL); }

void sbpl_file_close_to(sbpl_file *f, arena *pool)
{
    while (f->imported) { source *n = f->imported->next; source_free(f->imported); f->imported = n; }
    if (f->src && !f->shared_src) source_free(f->src);
    f->src = NULL;
    if (pool) arena_adopt(pool, &f->a);
    else arena_free(&f->a);
}
