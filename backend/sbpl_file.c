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
    const sexp **binds;     /* (define NAME (param ...)) or a string-append of one: NAME */
    size_t nbinds;
} preads;

static const sexp *param_form(const preads *r, const sexp *x);

/* the value of a name bound to a parameter's value, or NULL */
static const sexp *bound_value(const preads *r, const sexp *x)
{
    if (x->kind != SX_SYMBOL) return NULL;
    const sexp *d = NULL;
    for (size_t i = 0; i < r->nbinds; i++)
        if (r->binds[i]->len == x->len && !memcmp(r->binds[i]->text, x->text, x->len)) d = r->binds[i];
    return d ? d->next : NULL;
}

/* every (define NAME "STRING") in x (Chromium's profiles name their
 * parameters so: (param homedir)) */
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
        const sexp *v = h && sexp_is_sym(h, "define") && h->next && h->next->kind == SX_SYMBOL ? h->next->next : NULL;
        if (v && !v->next && v->kind == SX_LIST &&
            (param_form(r, v) || (v->child && sexp_is_sym(v->child, "string-append") && v->child->next &&
                                  param_form(r, v->child->next)))) {
            r->binds = arena_grow(r->a, r->binds, r->nbinds, r->nbinds, sizeof *r->binds);
            r->binds[r->nbinds++] = h->next;
        }
        defined_strings(r, h, depth + 1);
    }
}

/* how x is read: in a condition or definition (anything but a filter's string) */
enum { R_OTHER = -1 };

static void param_seen(preads *r, const char *name, int use, span at)
{
    size_t i = 0;
    while (i < r->n && strcmp(r->v[i].name, name)) i++;
    if (i == r->n) {
        r->v = arena_grow(r->a, r->v, r->n, r->n, sizeof *r->v);
        r->v[r->n++] = (sb_param_read){ name, SB_PARAM_WORD, 0, at };
    }
    if (use == R_OTHER) r->v[i].other = 1;
    else if (use > (int)r->v[i].use) r->v[i].use = (sb_param_use)use;
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

static void scan_rest(preads *r, const sexp *x, int depth)
{
    for (; x; x = x->next) scan_one(r, x, R_OTHER, depth);
}

/* the parameters x reads; use: how x's value is read (an sb_param_use
 * inside a filter's string, R_OTHER elsewhere) */
static void scan_one(preads *r, const sexp *x, int use, int depth)
{
    if (!x || depth > SBPL_MAX_DEPTH) return;
    /* a name bound to a parameter's value is read where it is used */
    const sexp *bv = bound_value(r, x);
    if (bv) { scan_one(r, bv, use, depth + 1); return; }
    if (x->kind == SX_LIST && x->child && sexp_is_sym(x->child, "define") && x->child->next &&
        bound_value(r, x->child->next) == x->child->next->next)
        return;
    const sexp *pn = param_form(r, x);
    if (pn) {
        int derived;
        const char *name = param_base(r->a, pn, &derived);
        param_seen(r, name, derived && use != R_OTHER ? SB_PARAM_PATH : use, x->at);
        return;
    }
    if (x->kind == SX_QUOTE) scan_rest(r, x->child, depth + 1);
    if (x->kind != SX_LIST || !x->child) return;
    const sexp *h = x->child;
    if (sexp_is_sym(h, "string-append") && use != R_OTHER) {
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
    char name[64] = "";
    if (h->kind == SX_SYMBOL && h->len < sizeof name) memcpy(name, h->text, h->len), name[h->len] = 0;
    int path = sexp_is_sym(h, "subpath") || sexp_is_sym(h, "literal") || sexp_is_sym(h, "prefix") ||
               sexp_is_sym(h, "regex");
    scan_one(r, h, R_OTHER, depth + 1);
    if (!path && !(name[0] && filter_known(name))) { scan_rest(r, h->next, depth + 1); return; }
    /* a filter: its strings; a path filter's first starts a path */
    for (const sexp *k = h->next; k; k = k->next) scan_one(r, k, path && k == h->next ? SB_PARAM_PATH : SB_PARAM_WORD, depth + 1);
}

size_t sbpl_file_params(arena *a, const sexp *top, sb_param_read **out)
{
    preads r = { NULL, 0, a, NULL, 0, NULL, 0 };
    defined_strings(&r, top, 0);
    scan_rest(&r, top, 0);
    *out = r.v;
    return r.n;
}

sb_policy *sbpl_file_eval(arena *a, diag_list *dl, const source *src, const char *path,
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
    unsigned errors = dl->errors;
    sexp *top = sbpl_file_read(a, dl, src);
    for (sexp **t = &top; drop && *t;) {
        if (drop(ud, src, *t, dl)) *t = (*t)->next;
        else t = &(*t)->next;
    }
    if (dl->errors != errors) return NULL;
    sb_policy *p = sbpl_eval(a, dl, src, top, &eo);
    return dl->errors != errors ? NULL : p;
}

int sbpl_file_open(sbpl_file *f, const char *path, const sb_param *given, size_t ngiven,
                   const char *const *dirs, size_t ndirs, sbpl_form_filter drop, void *ud, const char **err)
{
    return sbpl_file_open_from(f, NULL, path, given, ngiven, dirs, ndirs, drop, ud, err);
}

int sbpl_file_open_from(sbpl_file *f, arena *pool, const char *path, const sb_param *given, size_t ngiven,
                        const char *const *dirs, size_t ndirs, sbpl_form_filter drop, void *ud, const char **err)
{
    memset(f, 0, sizeof *f);
    arena_init(&f->a);
    if (pool) arena_adopt(&f->a, pool);
    diag_list_init(&f->dl, &f->a);
    f->src = source_read(path, path, err);
    if (!f->src) return -1;
    f->pol = sbpl_file_eval(&f->a, &f->dl, f->src, path, given, ngiven, dirs, ndirs, drop, ud, &f->imported);
    return 0;
}

void sbpl_file_close(sbpl_file *f) { sbpl_file_close_to(f, NULL); }

void sbpl_file_close_to(sbpl_file *f, arena *pool)
{
    while (f->imported) { source *n = f->imported->next; source_free(f->imported); f->imported = n; }
    if (f->src) source_free(f->src);
    f->src = NULL;
    if (pool) arena_adopt(pool, &f->a);
    else arena_free(&f->a);
}
