/* sbpl_check.c - raw sbpl blocks (docs/reference.md): read with the SBPL
 * reader, locations in the .buckle file, operations, filters and modifiers
 * known. */
#include "compile.h"
#include "../seatbelt/filters.h"
#include "../seatbelt/regex.h"
#include "../seatbelt/regex_syntax.h"
#include "../grammar/sexp.h"
#include <string.h>

/* A regex filter's argument as Seatbelt gets it: a string, or string-append
 * of strings and (param ...) (each value read as "a", a text every reading
 * takes as a letter); 0 for any other form. */
static int regex_text(const sexp *x, strbuf *out)
{
    if (x->kind == SX_STRING) { sb_add(out, x->text, x->len); return 1; }
    if (x->kind != SX_LIST || !x->child) return 0;
    if (sexp_is_sym(x->child, "param")) { sb_putc(out, 'a'); return 1; }
    if (!sexp_is_sym(x->child, "string-append")) return 0;
    for (const sexp *p = x->child->next; p; p = p->next) {
        if (p->kind == SX_STRING) sb_add(out, p->text, p->len);
        else if (p->kind == SX_LIST && p->child && sexp_is_sym(p->child, "param")) sb_putc(out, 'a');
        else return 0;
    }
    return 1;
}

/* The regexes of a regex filter ((regex ...), (global-name-regex ...), ...)
 * in the dialect Seatbelt compiles, as lint and the evaluator read them:
 * an escape outside it (\x73, \Z, \Q...\E) is BK2007 here, at the string,
 * not a pattern the final check may read another way. */
static void check_regex_args(compilation *c, const sexp *h)
{
    size_t hl = strlen(h->text);
    if (hl < 5 || strcmp(h->text + hl - 5, "regex")) return;
    for (const sexp *a = h->next; a; a = a->next) {
        strbuf b;
        sb_init(&b);
        if (regex_text(a, &b)) {
            size_t off = 0;
            const char *err = regex_check_mode(b.data ? b.data : "", b.len, &off, 0);
            if (!err && !sb_regex_compile(&c->a, b.data ? b.data : "", b.len, &err) && !err) err = "it does not compile";
            if (err) {
                diag *d = diag_add(&c->diags, SEV_ERROR, BK2007, a->at, "regex outside the Seatbelt dialect: %s", err);
                diag_help(&c->diags, d, "Seatbelt does not load a profile with a regex it cannot compile; "
                          "write the character itself, or escape only a metacharacter");
            }
        }
        sb_free(&b);
    }
}

void check_sbpl_filter(compilation *c, const sexp *f, int depth)
{
    if (f->kind != SX_LIST || depth > SBPL_MAX_DEPTH) return;
    const sexp *h = f->child;
    if (!h || h->kind != SX_SYMBOL) return;
    if (sexp_is_sym_nocase(h, "with")) return;          /* check_modifiers' */
    if (!filter_known(h->text)) {
        diag *d = diag_add(&c->diags, SEV_ERROR, BK2006, h->at, "unknown SBPL filter \"%s\"", h->text);
        const char *s = filter_suggest(h->text);
        if (s) diag_help(&c->diags, d, "did you mean \"%s\"?", s);
        return;
    }
    check_regex_args(c, h);
    if (!strcmp(h->text, "require-all") || !strcmp(h->text, "require-any") || !strcmp(h->text, "require-not"))
        for (const sexp *x = h->next; x; x = x->next) check_sbpl_filter(c, x, depth + 1);
}

static void check_form(compilation *c, const sexp *x)
{
    if (x->kind != SX_LIST || !x->child || x->child->kind != SX_SYMBOL) {
        diag_add(&c->diags, SEV_ERROR, BK1001, x->at, "expected (allow ...) or (deny ...) in an sbpl block");
        return;
    }
    const sexp *h = x->child;
    if (strcmp(h->text, "version") == 0) {
        diag_add(&c->diags, SEV_ERROR, BK1001, x->at, "(version 1) is written by buckle; remove it from the sbpl block");
        return;
    }
    if (strcmp(h->text, "allow") != 0 && strcmp(h->text, "deny") != 0) {
        diag *d = diag_add(&c->diags, SEV_ERROR, BK1001, h->at,
                           "only allow and deny rules may appear in an sbpl block, not \"%s\"", h->text);
        diag_help(&c->diags, d, "Scheme definitions and imports belong in a hand-written .sb file");
        return;
    }
    int nops = 0;
    for (const sexp *a = h->next; a; a = a->next) {
        if (a->kind == SX_SYMBOL) {
            int noop;
            if (op_lookup(a->text, &noop) < 0 && !noop) {
                diag *d = diag_add(&c->diags, SEV_ERROR, BK2006, a->at, "unknown SBPL operation \"%s\"", a->text);
                const char *s = op_suggest(a->text);
                if (s) diag_help(&c->diags, d, "did you mean \"%s\"?", s);
            }
            nops++;
        } else if (a->kind == SX_LIST) {
            check_sbpl_filter(c, a, 0);
        } else {
            diag_add(&c->diags, SEV_ERROR, BK1001, a->at, "expected an operation name or a filter");
        }
    }
    if (!nops) diag_add(&c->diags, SEV_ERROR, BK1001, x->at, "rule names no operation");
}

/* (with NAME [ARG]): NAME a modifier of the table, in any case (SBPL's
 * reader folds the case of symbols), with the argument it takes */
static void check_modifier(compilation *c, const sexp *x)
{
    const sexp *m = x->child->next;
    if (!m || m->kind != SX_SYMBOL) {
        diag_add(&c->diags, SEV_ERROR, BK1001, m ? m->at : x->at, "(with ...) names a modifier: (with report), (with send-signal SIGKILL)");
        return;
    }
    const sb_modifier *md = modifier_find_nocase(m->text);
    if (!md) {
        diag *d = diag_add(&c->diags, SEV_ERROR, BK2006, m->at, "unknown SBPL modifier \"%s\"", m->text);
        const char *s = modifier_suggest(m->text);
        if (s) diag_help(&c->diags, d, "did you mean \"%s\"?", s);
        return;
    }
    size_t nargs = 0;
    for (const sexp *a = m->next; a; a = a->next) nargs++;
    if (md->arg == MOD_ARG_NONE && nargs)
        diag_add(&c->diags, SEV_ERROR, BK1001, m->next->at, "(with %s) takes no argument", md->name);
    else if (md->arg == MOD_ARG_ONE && nargs != 1)
        diag_add(&c->diags, SEV_ERROR, BK1001, nargs ? m->next->next->at : x->at, "(with %s ARG) takes one argument", md->name);
}

/* Every (with ...) form of a block, at any depth (in a rule, bound to a
 * name, given by with-modifier) */
static void check_modifiers(compilation *c, const sexp *x, int depth)
{
    for (; x && depth <= SBPL_MAX_DEPTH; x = x->next) {
        if (x->kind != SX_LIST || !x->child) continue;
        if (sexp_is_sym_nocase(x->child, "with")) check_modifier(c, x);
        else check_modifiers(c, x->child, depth + 1);
    }
}

/* Each declared parameter a block reads with (param "NAME") (or a form of
 * it, "NAME.dir"): buckle run passes it like the others. */
static void mark_raw_params(compilation *c, const sexp *x, int depth)
{
    for (; x && depth <= SBPL_MAX_DEPTH; x = x->next) {
        if (x->kind != SX_LIST) continue;
        const sexp *h = x->child;
        if (h && sexp_is_sym(h, "param") && h->next && h->next->kind == SX_STRING) {
            const char *n = h->next->text;
            size_t nl = h->next->len;
            param_decl *p = hm_get(&c->params, n, nl);
            const char *dot = memchr(n, '.', nl);
            if (!p && dot) p = hm_get(&c->params, n, (size_t)(dot - n));
            if (p) p->raw_read = 1;
        }
        mark_raw_params(c, h, depth + 1);
    }
}

void check_sbpl_blocks(compilation *c)
{
    for (size_t i = 0; i < c->pol.nraw; i++) {
        raw_block *b = &c->pol.raw[i];
        sbpl_read_opts o = { .start = b->ast->text.at.start, .end = b->ast->text.at.start + (uint32_t)b->ast->text.len };
        unsigned before = c->diags.errors;
        sexp *top = sbpl_read(&c->a, &c->diags, b->ast->text.at.src ? b->ast->text.at.src : b->u->src, &o);
        if (c->diags.errors != before) continue;
        if (!b->ast->verbatim)
            for (const sexp *x = top; x; x = x->next) check_form(c, x);
        if (c->diags.errors == before) sbpl_guard(&c->diags, top, b->ast->verbatim);
        if (c->diags.errors == before) read_raw_imports(c, b, top);
        check_modifiers(c, top, 0);
        mark_raw_params(c, top, 0);
    }
}
