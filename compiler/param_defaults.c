/* param_defaults.c - the value of a declared default that names other
 * parameters (docs/language.md, "Parameter values"): each name it holds
 * takes the value given for it (-D, a built-in's, the caller's), else that
 * parameter's own default, resolved the same way, to any depth.  One place
 * for compile -D's checks, query and test (the decider) and buckle run. */
#include "param_defaults.h"
#include "expand.h"
#include "../support/hashmap.h"
#include <string.h>

#define DEFAULT_DEPTH_MAX 64

typedef struct resolver {
    arena *a;
    const compilation *c;
    const hashmap *given;
    int flags;
    hashmap done;          /* name -> value resolved */
    hashmap busy;          /* names on the way: a cycle */
} resolver;

static const char *resolve(resolver *rv, const char *name, size_t len, int depth);

static const char *resolve_decl(resolver *rv, const param_decl *p, int depth)
{
    if (!p->def || depth > DEFAULT_DEPTH_MAX) return NULL;
    size_t nl = strlen(p->name);
    const char *memo = hm_get(&rv->done, p->name, nl);
    if (memo) return memo;
    if (hm_get(&rv->busy, p->name, nl)) return NULL;
    hm_set(&rv->busy, p->name, nl, (void *)p->name);
    hashmap vals;
    hm_init(&vals);
    int missing = 0;
    for (const char *q = p->def; (q = strchr(q, PARAM_OPEN)); q++) {
        const char *e = strchr(q, PARAM_CLOSE);
        if (!e) break;
        const char *v = resolve(rv, q + 1, (size_t)(e - q - 1), depth + 1);
        if (v) hm_set(&vals, q + 1, (size_t)(e - q - 1), (void *)v);
        else missing = 1;
        q = e;
    }
    const char *out = NULL;
    if (!missing) {
        strbuf b;
        sb_init(&b);
        param_expand(&b, p->def, strlen(p->def), &vals, rv->flags);
        out = arena_strdup(rv->a, sb_cstr(&b));
        sb_free(&b);
        hm_set(&rv->done, p->name, nl, (void *)out);
    }
    hm_free(&vals);
    hm_set(&rv->busy, p->name, nl, NULL);
    return out;
}

static const char *resolve(resolver *rv, const char *name, size_t len, int depth)
{
    const char *v = rv->given ? hm_get(rv->given, name, len) : NULL;
    if (v) return v;
    const param_decl *p = hm_get(&rv->c->params, name, len);
    return p ? resolve_decl(rv, p, depth) : NULL;
}

const char *param_default_value(arena *a, const compilation *c, const param_decl *p, const hashmap *given, int flags)
{
    resolver rv = { a, c, given, flags, { 0 }, { 0 } };
    hm_init(&rv.done);
    hm_init(&rv.busy);
    const char *v = resolve_decl(&rv, p, 0);
    hm_free(&rv.done);
    hm_free(&rv.busy);
    return v;
}

/* 1 when following the defaults from p comes back to p; the names on the
 * way are written to path ("A -> B -> A") */
static int cycle_from(const compilation *c, const param_decl *p, const param_decl *at, strbuf *path, int depth)
{
    if (!at->def || depth > DEFAULT_DEPTH_MAX) return 0;
    for (const char *q = at->def; (q = strchr(q, PARAM_OPEN)); q++) {
        const char *e = strchr(q, PARAM_CLOSE);
        if (!e) break;
        size_t n = (size_t)(e - q - 1);
        const param_decl *next = hm_get(&c->params, q + 1, n);
        q = e;
        if (!next || hm_get(&c->defines, next->name, strlen(next->name))) continue;   /* -D ends it */
        size_t mark = path->len;
        sb_printf(path, " -> %s", next->name);
        if (next == p || cycle_from(c, p, next, path, depth + 1)) return 1;
        path->len = mark;
        path->data[mark] = 0;
    }
    return 0;
}

void check_param_defaults(compilation *c)
{
    for (size_t i = 0; i < c->params.cap; i++) {
        const hm_slot *sl = &c->params.slots[i];
        if (!sl->hash) continue;
        const param_decl *p = sl->val;
        if (!p->def || !strchr(p->def, PARAM_OPEN) || hm_get(&c->defines, p->name, strlen(p->name))) continue;
        strbuf path;
        sb_init(&path);
        sb_puts(&path, p->name);
        if (cycle_from(c, p, p, &path, 0)) {
            diag *d = diag_add(&c->diags, SEV_ERROR, BK2008, p->def_at,
                               "the default of %s names itself (%s): it has no value", p->name, sb_cstr(&path));
            diag_help(&c->diags, d, "give one of them a value that names none of the others, or declare it "
                      "without one and pass -D %s=VALUE", p->name);
        }
        sb_free(&path);
    }
}
