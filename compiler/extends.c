/* extends.c - resolving and loading the extends chain (docs/reference.md):
 * depth-first, left to right, each file once, the extending file last. */
#define _POSIX_C_SOURCE 200809L
#include "compile.h"
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

typedef struct load_stack {
    const unit *u;            /* partially loaded unit (extends not finished) */
    const char *key;
    const char *display;
    struct load_stack *up;
} load_stack;

static int ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcmp(s + n - m, suf) == 0;
}

static const char *dir_of(arena *a, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash) return ".";
    if (slash == path) return "/";
    return arena_strndup(a, path, (size_t)(slash - path));
}

/* Joins dir and rel and removes "." and "x/.." lexically, for display. */
static const char *join_display(arena *a, const char *dir, const char *rel)
{
    strbuf b;
    sb_init(&b);
    if (strcmp(dir, ".") != 0) { sb_puts(&b, dir); sb_putc(&b, '/'); }
    sb_puts(&b, rel);
    /* normalize */
    char *s = b.data;
    const char *parts[256];
    size_t np = 0;
    int absolute = s[0] == '/';
    size_t ups = 0;
    for (char *tok = strtok(s, "/"); tok; tok = strtok(NULL, "/")) {
        if (strcmp(tok, ".") == 0) continue;
        if (strcmp(tok, "..") == 0) {
            if (np > 0 && strcmp(parts[np - 1], "..") != 0) np--;
            else if (!absolute && np < 256) { parts[np++] = ".."; ups++; }
            continue;
        }
        if (np < 256) parts[np++] = tok;
    }
    strbuf o;
    sb_init(&o);
    if (absolute) sb_putc(&o, '/');
    for (size_t i = 0; i < np; i++) {
        if (i) sb_putc(&o, '/');
        sb_puts(&o, parts[i]);
    }
    const char *r = arena_strdup(a, o.len ? sb_cstr(&o) : ".");
    sb_free(&o);
    sb_free(&b);
    (void)ups;
    return r;
}

/* 1 when p is a regular file; 0 when it is not there (or not a file);
 * -1 when it cannot be looked at (a directory on its way without search
 * permission, a loop of links), with errno: not a miss, since the file
 * may be there, and a later candidate would take its place */
int compile_is_file(compilation *c, const char *p)
{
    struct stat st;
    int r = stat(p, &st), e = errno;
    int found = r == 0 && S_ISREG(st.st_mode);
    c->probes = arena_grow(&c->a, c->probes, c->nprobes, c->probes_cap, sizeof *c->probes);
    c->probes_cap = arena_grow_cap(c->nprobes, c->probes_cap);
    c->probes[c->nprobes++] = (file_probe){ arena_strdup(&c->a, p), found };
    if (r != 0 && e != ENOENT && e != ENOTDIR) {
        errno = e;
        return -1;
    }
    return found;
}

/* BK2003 for a candidate that cannot be looked at */
static void unreadable(compilation *c, const ast_str *name, const char *path, int err)
{
    diag *d = diag_add(&c->diags, SEV_ERROR, BK2003, name->at, "base profile \"%s\" cannot be looked for: %s: %s",
                       name->s, path, strerror(err));
    diag_help(&c->diags, d, "give the directories on its way search permission again (chmod u+x), or remove the "
                            "search directory: a candidate after it is not used in its place");
}

void compile_add_dep(compilation *c, const char *path, const source *src)
{
    c->deps = arena_grow(&c->a, c->deps, c->ndeps, c->deps_cap, sizeof *c->deps);
    c->dep_src = arena_grow(&c->a, c->dep_src, c->ndeps, c->deps_cap, sizeof *c->dep_src);
    c->deps_cap = arena_grow_cap(c->ndeps, c->deps_cap);
    c->dep_src[c->ndeps] = src;
    c->deps[c->ndeps++] = arena_strdup(&c->a, path);
}

const char *unit_provenance(compilation *c, const unit *u)
{
    if (!u || !u->via) return "";
    strbuf b;
    sb_init(&b);
    sb_puts(&b, " (extended from ");
    int first = 1;
    for (const unit *x = u; x && x->via; x = x->via) {
        source_pos p = source_position(x->via->src, x->via_at.start);
        if (!first) sb_puts(&b, ", from ");
        first = 0;
        sb_printf(&b, "%s:%u:%u", x->via->display, p.line, p.col);
    }
    sb_putc(&b, ')');
    const char *r = arena_strdup(&c->a, sb_cstr(&b));
    sb_free(&b);
    return r;
}

static void push_unit(compilation *c, unit *u)
{
    c->units = arena_grow(&c->a, c->units, c->nunits, c->units_cap, sizeof *c->units);
    c->units_cap = arena_grow_cap(c->nunits, c->units_cap);
    u->index = (int)c->nunits;
    c->units[c->nunits++] = u;
}

static void load(compilation *c, const char *path, const char *display,
                 const unit *via, span via_at, load_stack *stack, int depth);

/* Did-you-mean for a base that is not found: the closest NAME.buckle in the
 * directory where each search directory would have it.  name is what the
 * user wrote (with or without .buckle); returns it corrected, or NULL. */
static const char *suggest_base(compilation *c, const char *const *dirs, size_t nd, const char *name)
{
    arena *a = &c->a;
    const char *slash = strrchr(name, '/');
    const char *sub = slash ? arena_strndup(a, name, (size_t)(slash - name)) : NULL;
    const char *base = slash ? slash + 1 : name;
    size_t bl = strlen(base);
    if (ends_with(base, ".buckle")) bl -= 7;
    const char *want = arena_strndup(a, base, bl);
    const char *best = NULL;
    int limit = suggest_limit(want), bd = limit + 1;
    for (size_t i = 0; i < nd; i++) {
        const char *dir = sub ? (dirs[i] ? arena_printf(a, "%s/%s", dirs[i], sub) : sub) : (dirs[i] ? dirs[i] : ".");
        DIR *dp = opendir(dir);
        if (!dp) continue;
        struct dirent *e;
        while ((e = readdir(dp)) != NULL) {
            size_t n = strlen(e->d_name);
            if (n <= 7 || !ends_with(e->d_name, ".buckle")) continue;
            const char *cand = arena_strndup(a, e->d_name, n - 7);
            int d = edit_distance(want, cand, limit);     /* ties: the first by name, not by readdir order */
            if (d > 0 && d <= limit && (d < bd || (d == bd && strcmp(cand, best) < 0))) { bd = d; best = cand; }
        }
        closedir(dp);
    }
    if (!best) return NULL;
    return arena_printf(a, "%s%s%s%s", sub ? sub : "", sub ? "/" : "", best, ends_with(base, ".buckle") ? ".buckle" : "");
}

/* Resolves one extends name; reports BK2003 with the places searched. */
static void resolve_and_load(compilation *c, unit *u, const ast_str *name,
                             load_stack *stack, int depth)
{
    arena *a = &c->a;
    const char *n = name->s;
    if (!*n) {
        diag_add(&c->diags, SEV_ERROR, BK2003, name->at, "empty extends name");
        return;
    }
    const char *want = ends_with(n, ".buckle") ? n : arena_printf(a, "%s.buckle", n);
    if (n[0] == '/' || strncmp(n, "./", 2) == 0 || strncmp(n, "../", 3) == 0) {
        const char *path = n[0] == '/' ? want : join_display(a, dir_of(a, u->src->path), want);
        const char *disp = n[0] == '/' ? want : join_display(a, dir_of(a, u->display), want);
        int f = compile_is_file(c, path);
        if (f < 0) {
            unreadable(c, name, path, errno);
            return;
        }
        if (!f) {
            diag *d = diag_add(&c->diags, SEV_ERROR, BK2003, name->at,
                               "base profile \"%s\" not found", n);
            diag_note_add(&c->diags, d, (span){ 0 }, "looked for %s", path);
            const char *here = dir_of(a, u->src->path);
            const char *sug = suggest_base(c, &here, 1, n);
            if (sug) diag_help(&c->diags, d, "did you mean \"%s\"?", sug);
            return;
        }
        load(c, path, disp, u, name->at, stack, depth + 1);
        return;
    }
    /* search: -I dirs, $BUCKLE_PATH, the installed standard library */
    const char *dirs[256];
    size_t nd = 0;
    for (size_t i = 0; i < c->opts.ninclude && nd < 200; i++) dirs[nd++] = c->opts.include_dirs[i];
    if (c->opts.buckle_path && *c->opts.buckle_path) {
        char *bp = arena_strdup(a, c->opts.buckle_path);
        for (char *tok = strtok(bp, ":"); tok && nd < 250; tok = strtok(NULL, ":"))
            if (*tok) dirs[nd++] = tok;
    }
    for (size_t i = 0; i < 5 && c->opts.std_dirs[i] && nd < 256; i++) dirs[nd++] = c->opts.std_dirs[i];
    for (size_t i = 0; i < nd; i++) {
        const char *path = arena_printf(a, "%s/%s", dirs[i], want);
        int f = compile_is_file(c, path);
        if (f < 0) {
            unreadable(c, name, path, errno);
            return;
        }
        if (f) {
            load(c, path, want, u, name->at, stack, depth + 1);
            return;
        }
    }
    diag *d = diag_add(&c->diags, SEV_ERROR, BK2003, name->at, "base profile \"%s\" not found", n);
    if (nd == 0) diag_note_add(&c->diags, d, (span){ 0 }, "no search directory: use -I DIR or BUCKLE_PATH");
    for (size_t i = 0; i < nd; i++)
        diag_note_add(&c->diags, d, (span){ 0 }, "looked for %s/%s", dirs[i], want);
    const char *sug = suggest_base(c, dirs, nd, n);
    if (sug) diag_help(&c->diags, d, "did you mean \"%s\"?", sug);
    else diag_help(&c->diags, d, "add the directory holding it with -I DIR, or write a relative name like \"./%s\"", n);
}

static void load(compilation *c, const char *path, const char *display,
                 const unit *via, span via_at, load_stack *stack, int depth)
{
    arena *a = &c->a;
    char real[PATH_MAX];
    const char *key;
    if (strcmp(path, "-") == 0) key = "-";
    else if (realpath(path, real)) key = arena_strdup(a, real);
    else key = arena_strdup(a, path);

    for (load_stack *s = stack; s; s = s->up) {
        if (strcmp(s->key, key) != 0) continue;
        /* cycle: print the chain from the first occurrence */
        const load_stack *chain[BUCKLE_MAX_EXTENDS_DEPTH + 2];
        size_t n = 0;
        for (load_stack *t = stack; t && n < BUCKLE_MAX_EXTENDS_DEPTH + 1; t = t->up) {
            chain[n++] = t;
            if (t == s) break;
        }
        strbuf b;
        sb_init(&b);
        for (size_t i = n; i > 0; i--) { sb_puts(&b, chain[i - 1]->display); sb_puts(&b, " -> "); }
        sb_puts(&b, display);
        diag_add(&c->diags, SEV_ERROR, BK2002, via_at, "extends cycle: %s", sb_cstr(&b));
        sb_free(&b);
        return;
    }
    if (hm_get(&c->units_by_key, key, strlen(key))) return;    /* diamond: already in */
    if (depth > BUCKLE_MAX_EXTENDS_DEPTH) {
        diag_add(&c->diags, SEV_ERROR, BK2002, via_at,
                 "extends nesting deeper than %d", BUCKLE_MAX_EXTENDS_DEPTH);
        return;
    }
    const char *err = NULL;
    source *src = c->preloaded && !via ? c->preloaded : source_read(display, path, &err);
    if (src == c->preloaded) c->preloaded = NULL;
    if (!src) {
        if (!via) {
            diag_add(&c->diags, SEV_ERROR, NULL, (span){ 0 }, "cannot read %s: %s", display, err);
            c->io_error = 1;
        } else {
            diag_add(&c->diags, SEV_ERROR, BK2003, via_at, "cannot read base profile %s: %s", display, err);
        }
        return;
    }
    src->next = c->sources;
    c->sources = src;
    if (strcmp(path, "-") != 0) compile_add_dep(c, path, src);

    unit *u = arena_alloc(a, sizeof *u);
    u->src = src;
    u->key = key;
    u->display = display;
    u->via = via;
    u->via_at = via_at;
    hm_put(&c->units_by_key, key, strlen(key), u);
    /* a large file's rule nodes go where they can be recycled after lowering
     * (compile_profile); a small one's stay in a (a second arena's chunks
     * cost more than they would give back) */
    size_t recycle = c->opts.recycle_bytes ? c->opts.recycle_bytes : BUCKLE_RECYCLE_BYTES;
    u->ast = parse_buckle(a, src->len >= recycle ? &c->nodes : a, &c->diags, src);

    load_stack me = { u, key, display, stack };
    for (ast_extends *e = u->ast->extends; e; e = e->next)
        resolve_and_load(c, u, &e->name, &me, depth);
    push_unit(c, u);
}

void load_chain(compilation *c, const char *path)
{
    const char *display = strcmp(path, "-") == 0
        ? (c->opts.stdin_name ? c->opts.stdin_name : "<stdin>") : path;
    load(c, path, display, NULL, (span){ 0 }, NULL, 0);
}
