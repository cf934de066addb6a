/* raw_imports.c - the files a raw sbpl block imports (docs/reference.md,
 * "sbpl verbatim").  Seatbelt reads an imported file in place of its
 * (import ...), so what the block may contain, the file may contain too:
 * each file the compiler can read (a path, or a name in an -I directory or
 * in the directory of the file that holds the import) is read once and held
 * to the block's allow-list (sbpl_guard), its findings at the block's own
 * import with a note at the place in the file.  An import the compiler
 * cannot follow (a computed name, a file that is not there or that buckle's
 * reader refuses) is kept with the reason: beside a final rule it is an
 * error (raw_final.c), since its rules cannot be compared. */
#include "compile.h"
#include "../grammar/sexp.h"
#include "../seatbelt/import_dirs.h"
#include <string.h>

#define MAX_RAW_IMPORTS 32

typedef struct imp_walk {
    compilation *c;
    raw_block *b;
    size_t cap;
} imp_walk;

static raw_import *add(imp_walk *w, span at, span form)
{
    raw_block *b = w->b;
    if (b->nimports == w->cap) {
        size_t cap = arena_grow_cap(b->nimports, w->cap);
        b->imports = arena_grow(&w->c->a, b->imports, b->nimports, w->cap, sizeof *b->imports);
        w->cap = cap;
    }
    raw_import *r = &b->imports[b->nimports++];
    memset(r, 0, sizeof *r);
    r->at = at;
    r->form = form;
    return r;
}

/* The findings of dl (about the file path) as the block's own, at the
 * block's import at */
static void relay(compilation *c, const diag_list *dl, span at, const char *path)
{
    for (const diag *g = dl->head; g; g = g->next) {
        diag *d = diag_add(&c->diags, g->sev, g->code, at, "%s", g->msg);
        diag_note_add(&c->diags, d, g->at, "in %s, which the block imports", path);
        for (const diag_note *n = g->notes; n; n = n->next) diag_note_add(&c->diags, d, n->at, "%s", n->msg);
        if (g->help) diag_help(&c->diags, d, "%s", g->help);
    }
}

/* The file NAME names: absolute, or in an -I directory, or in dir, or
 * (a name alone) where Seatbelt itself looks (Apple's system.sb, bsd.sb) */
static source *find(compilation *c, const char *name, const char *dir, const char **path)
{
    int abs = name[0] == '/';
    size_t nsys;
    const char *const *sys = seatbelt_import_dirs(&nsys);
    if (abs || strchr(name, '/')) nsys = 0;
    for (size_t i = 0; i <= (abs ? 0 : c->opts.ninclude + nsys); i++) {
        const char *d = abs ? NULL : i < c->opts.ninclude ? c->opts.include_dirs[i] : i == c->opts.ninclude ? dir
                      : sys[i - c->opts.ninclude - 1];
        const char *p = abs ? name : arena_printf(&c->a, "%s/%s", d, name);
        const char *err;
        source *s;
        if (compile_is_file(c, p) != 1 || !(s = source_read(p, p, &err))) continue;
        s->next = c->sources;             /* the findings point into it */
        c->sources = s;
        compile_add_dep(c, p, s);         /* a change to it is a change to the profile */
        *path = p;
        return s;
    }
    return NULL;
}

static void walk(imp_walk *w, const sexp *x, const char *dir, const span *at, int head, int depth);

/* One (import ...) form x, in dir's file; at: the block's import */
static void one(imp_walk *w, const sexp *x, const char *dir, const span *at, int depth)
{
    compilation *c = w->c;
    span here = at ? *at : x->at;
    const sexp *n = x->child->next;
    if (!n || n->kind != SX_STRING || n->next || !n->len) {
        add(w, here, x->at)->why = "its name is computed, not written as one string";
        return;
    }
    for (size_t i = 0; i < w->b->nimports; i++)       /* once each (and no cycle) */
        if (w->b->imports[i].path && !strcmp(w->b->imports[i].path, n->text)) return;
    if (w->b->nimports >= MAX_RAW_IMPORTS) {
        add(w, here, x->at)->why = "a block reads at most 32 imported files";
        return;
    }
    const char *path = NULL;
    source *s = find(c, n->text, dir, &path);
    raw_import *r = add(w, here, x->at);
    if (!s) {
        r->why = n->text[0] == '/' ? "there is no such file"
                 : c->opts.ninclude ? "it is in no -I directory nor beside the file that imports it"
                                    : "it is not beside the file that imports it, and no -I directory is given";
        return;
    }
    for (size_t i = 0; i + 1 < w->b->nimports; i++)
        if (w->b->imports[i].path && !strcmp(w->b->imports[i].path, path)) { w->b->nimports--; return; }
    r->path = path;
    diag_list dl;
    diag_list_init(&dl, &c->a);
    sbpl_read_opts ro = { .whole = 1 };
    const sexp *top = sbpl_read(&c->a, &dl, s, &ro);
    if (!dl.errors) {
        r->top = top;
        sbpl_guard(&dl, top, 2);
    } else {
        r->why = "buckle's SBPL reader cannot read it";
    }
    relay(c, &dl, here, path);
    if (!r->top) return;
    const char *slash = strrchr(path, '/');
    walk(w, top, slash ? arena_strndup(&c->a, path, (size_t)(slash - path)) : ".", &here, 0, depth + 1);
}

/* Every import of the forms x: (import "NAME") at any depth (not in quoted
 * data), and import used as a value, which imports a name the check cannot
 * know.  head: x heads its list. */
static void walk(imp_walk *w, const sexp *x, const char *dir, const span *at, int head, int depth)
{
    for (int first = head; x && depth <= SBPL_MAX_DEPTH; x = x->next, first = 0) {
        if (x->kind == SX_SYMBOL && !first && sexp_is_sym(x, "import")) {
            add(w, at ? *at : x->at, x->at)->why = "import is used as a value, so the name it is given is computed";
            continue;
        }
        if (x->kind != SX_LIST || !x->child) continue;
        if (sexp_is_sym(x->child, "import")) one(w, x, dir, at, depth);
        else walk(w, x->child, dir, at, 1, depth + 1);
    }
}

void read_raw_imports(compilation *c, raw_block *b, const sexp *top)
{
    imp_walk w = { c, b, 0 };
    const char *key = b->u->key ? b->u->key : "";
    const char *slash = strrchr(key, '/');
    const char *dir = slash ? arena_strndup(&c->a, key, (size_t)(slash - key)) : ".";
    /* a misc rule's raw filter is read from text of its own: point at its string */
    const span *at = b->ast->text.at.src && b->ast->text.at.src != b->u->src ? &b->ast->at : NULL;
    walk(&w, top, dir, at, 0, 0);
}
