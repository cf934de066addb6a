/* sbpl_guard.c - what a block buckle copies into its output may contain
 * (docs/reference.md, "sbpl verbatim"): the guard that keeps an sbpl
 * verbatim block, and the filters of raw sbpl rules, from changing what the
 * rules after them mean.
 *
 * The text is not evaluated, only read, and every form is checked against
 * an allow-list: definitions and bindings of new names (never a word of
 * SBPL or of its Scheme, in any case), the conditionals, let, lambda, quote
 * and calls.  A call's head, and every name used as a value, may be
 * anything but one of Scheme's words the block may not use
 * (seatbelt/scheme_words.c: set!, eval, macros, continuations...), so a
 * helper of the block or of a file it imports can be called.  Names are
 * spelled with the characters every Scheme reader reads the same way, and
 * the reader (grammar/sbpl.l) already makes parentheses, strings and
 * comments close inside the block. */
#include "compile.h"
#include "../seatbelt/request.h"
#include "../seatbelt/filters.h"
#include "../seatbelt/scheme_words.h"
#include "../grammar/sexp.h"
#include <string.h>

/* the Scheme words the SBPL buckle writes calls, besides filters and
 * operations (tests/unit/test_verbatim.c checks that the evaluator knows each
 * as reserved; buckle run's check refuses every reserved name and every
 * rebinding form in the profile it runs) */
static const char *const output_words[] = {
    "allow", "deny", "version", "with", "param", "string-append", "quote", "regex-quote",
    "report", "no-report", "message", "no-sandbox",
};

/* the other symbols the output writes as filter arguments: the network
 * filters' protocol ((remote ip "...") and its siblings) and their sides,
 * and the kinds of file of a rule on directories and links ((vnode-type
 * DIRECTORY), read folded); the signal targets are lower.c's table */
static const char *const output_symbols[] = {
    "ip", "ip4", "ip6", "tcp", "tcp4", "tcp6", "udp", "udp4", "udp6", "icmp", "local", "remote",
    "directory", "symlink",
};

const char *sbpl_output_word(size_t i)
{
    return i < sizeof output_words / sizeof *output_words ? output_words[i] : NULL;
}

typedef struct guard {
    diag_list *dl;
    int verbatim;           /* 0 raw sbpl, 1 sbpl verbatim, 2 a file it imports */
    const char *what;       /* "sbpl verbatim" or "raw sbpl" */
    int deep;               /* the nesting error was reported */
} guard;

/* why a name (folded by the reader) may not be defined or bound, or NULL.  local: a lambda
 * parameter or a let binding, which holds only in its own body: a filter,
 * an operation or a symbol the output writes may be bound so (Chromium's
 * (define (string-prefix? str prefix) ...)); a word of SBPL's Scheme or
 * one the guard reads the body by may not. */
static const char *reserved_why(const char *f, int local)
{
    for (size_t k = 0; k < sizeof output_words / sizeof *output_words; k++)
        if (!strcmp(f, output_words[k])) return "SBPL gives it a meaning that the rules buckle writes rely on";
    if (scheme_word_find(f)) return "it is a word of SBPL's Scheme, which the rules after the block rely on";
    size_t n = strlen(f);
    if (f[0] == '*' || f[0] == '%' || (n > 1 && f[n - 1] == '*'))
        return "names that start with * or % (or end with *) are the interpreter's and the operations'";
    if (local) return NULL;
    for (size_t k = 0; k < sizeof output_symbols / sizeof *output_symbols; k++)
        if (!strcmp(f, output_symbols[k])) return "the rules buckle writes use it as a symbol of SBPL";
    for (size_t k = 0; sb_target_at(k); k++)
        if (!strcmp(f, sb_target_at(k))) return "the rules buckle writes use it as a symbol of SBPL (a signal target)";
    int noop;
    if (filter_known(f) || op_lookup(f, &noop) >= 0 || noop)
        return "SBPL gives it a meaning that the rules buckle writes rely on";
    return NULL;
}

/* A name every reader reads as one name: letters, digits and
 * !$%&*+-./:<=>?@^_~, without "::" (TinyScheme reads a::b as an eval).
 * 0 after reporting. */
static int spelled(guard *g, const sexp *x)
{
    for (size_t i = 0; i < x->len; i++) {
        unsigned char ch = (unsigned char)x->text[i];
        int ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                 (ch && strchr("!$%&*+-./:<=>?@^_~", ch));
        if (!ok) {
            diag *d = diag_add(g->dl, SEV_ERROR, BK1001, x->at,
                               "%s: the name \"%s\" has a character that Scheme readers do not agree on ('%c')",
                               g->what, x->spelling, ch >= 0x20 && ch < 0x7f ? ch : '?');
            diag_help(g->dl, d, "names are letters, digits and !$%%&*+-./:<=>?@^_~");
            return 0;
        }
        if (ch == ':' && i + 1 < x->len && x->text[i + 1] == ':') {
            diag_add(g->dl, SEV_ERROR, BK1001, x->at,
                     "%s: the name \"%s\" has \"::\", which SBPL's reader turns into an eval", g->what, x->spelling);
            return 0;
        }
    }
    return 1;
}

/* a name used as a value or called */
static void use(guard *g, const sexp *x)
{
    if (!spelled(g, x)) return;
    const scheme_word *w = scheme_word_find(x->text);     /* the reader folded it */
    if (!w || !w->refused) return;
    diag *d = diag_add(g->dl, SEV_ERROR, BK1001, x->at, "%s may not use \"%s\": %s", g->what, x->spelling, w->refused);
    diag_help(g->dl, d,
              "a block may define new names and use if, when, unless, cond, case, let, lambda, quote, "
              "list and string functions, and SBPL's rules, filters and param (docs/reference.md)");
}

/* a name the block defines or binds (how: "define", "bind") */
static void bind(guard *g, const sexp *x, const char *how, const sexp *form)
{
    if (!x || x->kind != SX_SYMBOL) {
        diag_add(g->dl, SEV_ERROR, BK1001, x ? x->at : form->at, "%s: %s of something that is not a name",
                 g->what, how);
        return;
    }
    if (!spelled(g, x)) return;
    const char *why = reserved_why(x->text, !strcmp(how, "bind"));
    if (!why) return;
    diag *d = diag_add(g->dl, SEV_ERROR, BK1001, x->at, "%s may not %s \"%s\": %s", g->what, how, x->spelling, why);
    diag_help(g->dl, d, "%s", strcmp(how, "bind") ? "give the helper another name" : "give the parameter (or the let binding) another name");
}

static void expr(guard *g, const sexp *x, int depth);

static void exprs(guard *g, const sexp *x, int depth)
{
    for (; x; x = x->next) expr(g, x, depth);
}

static int too_deep(guard *g, const sexp *x, int depth)
{
    if (depth <= 2 * SBPL_MAX_DEPTH) return 0;
    if (!g->deep)
        diag_add(g->dl, SEV_ERROR, BK1001, x->at, "%s nested more than %d deep", g->what, 2 * SBPL_MAX_DEPTH);
    g->deep = 1;
    return 1;
}

/* 1 when quasiquoted data x has an unquote (, or ,@) in it */
static int unquotes(const sexp *x, int depth)
{
    for (; x; x = x->next) {
        if (depth > 2 * SBPL_MAX_DEPTH || (x->kind == SX_QUOTE && x->text[0] == ',')) return 1;
        if ((x->kind == SX_LIST || x->kind == SX_QUOTE) && unquotes(x->child, depth + 1)) return 1;
    }
    return 0;
}

/* quoted data: not evaluated, only read */
static void datum(guard *g, const sexp *x, int depth)
{
    for (; x; x = x->next) {
        if (too_deep(g, x, depth)) return;
        if (x->kind == SX_SYMBOL) spelled(g, x);
        else if (x->kind == SX_CHAR)
            diag_add(g->dl, SEV_ERROR, BK1001, x->at, "%s: a character literal is not among the forms a block may use", g->what);
        else if (x->kind == SX_LIST || x->kind == SX_QUOTE) datum(g, x->child, depth + 1);
    }
}

/* lambda parameters: a name (every argument) or a list of names, maybe
 * with ". REST" */
static void params(guard *g, const sexp *p, const sexp *form)
{
    if (!p) { diag_add(g->dl, SEV_ERROR, BK1001, form->at, "%s: lambda without parameters", g->what); return; }
    if (p->kind == SX_SYMBOL) { bind(g, p, "bind", form); return; }
    if (p->kind != SX_LIST) { bind(g, p, "bind", form); return; }
    for (const sexp *x = p->child; x; x = x->next) {
        if (x->kind == SX_SYMBOL && x->len == 1 && x->text[0] == '.') continue;
        bind(g, x, "bind", form);
    }
}

static void list(guard *g, const sexp *x, int depth)
{
    const sexp *h = x->child;
    if (!h) return;
    if (h->kind != SX_SYMBOL) { exprs(g, h, depth + 1); return; }
    const char *f = h->text;
    if (g->verbatim && (!strcmp(f, "allow") || !strcmp(f, "deny")) && h->next && sexp_is_sym(h->next, "default")) {
        diag *d = diag_add(g->dl, SEV_ERROR, BK1001, x->at, "the default is not set in an sbpl block");
        diag_help(g->dl, d, "write `default %s;`", f);
        return;
    }
    if (g->verbatim == 1 && !strcmp(f, "version")) {    /* a file written to be imported may say it */
        diag_add(g->dl, SEV_ERROR, BK1001, x->at, "(version 1) is written by buckle; remove it from the sbpl block");
        return;
    }
    if (!strcmp(f, "quote")) { datum(g, h->next, depth + 1); return; }
    if (!strcmp(f, "define")) {
        const sexp *t = h->next;
        if (t && t->kind == SX_LIST) {         /* (define (NAME PARAMS...) BODY...) */
            bind(g, t->child, "define", x);
            for (const sexp *p = t->child ? t->child->next : NULL; p; p = p->next) {
                if (p->kind == SX_SYMBOL && p->len == 1 && p->text[0] == '.') continue;
                bind(g, p, "bind", x);
            }
        } else {
            bind(g, t, "define", x);
        }
        if (t) exprs(g, t->next, depth + 1);
        return;
    }
    if (!strcmp(f, "lambda")) {
        params(g, h->next, x);
        if (h->next) exprs(g, h->next->next, depth + 1);
        return;
    }
    if (!strcmp(f, "let") || !strcmp(f, "let*") || !strcmp(f, "letrec") || !strcmp(f, "letrec*")) {
        const sexp *b = h->next;
        if (b && b->kind == SX_SYMBOL) { bind(g, b, "bind", x); b = b->next; }   /* a named let */
        if (!b || b->kind != SX_LIST) {
            diag_add(g->dl, SEV_ERROR, BK1001, x->at, "%s: %s without a list of bindings", g->what, h->text);
            return;
        }
        for (const sexp *v = b->child; v; v = v->next) {
            if (v->kind != SX_LIST || !v->child) {
                diag_add(g->dl, SEV_ERROR, BK1001, v->at, "%s: a binding of %s is (NAME VALUE)", g->what, h->text);
                continue;
            }
            bind(g, v->child, "bind", x);
            exprs(g, v->child->next, depth + 2);
        }
        exprs(g, b->next, depth + 1);
        return;
    }
    if (!strcmp(f, "cond") || !strcmp(f, "case")) {
        const sexp *c = h->next;
        if (!strcmp(f, "case") && c) { expr(g, c, depth + 1); c = c->next; }
        for (; c; c = c->next) {
            if (c->kind != SX_LIST || !c->child) {
                diag_add(g->dl, SEV_ERROR, BK1001, c->at, "%s: a clause of %s is a list", g->what, h->text);
                continue;
            }
            const sexp *e = c->child;
            if (sexp_is_sym(e, "else")) e = e->next;
            else if (!strcmp(f, "case")) { datum(g, e, depth + 2); e = e->next; }
            for (; e; e = e->next)
                if (!sexp_is_sym(e, "=>")) expr(g, e, depth + 2);
        }
        return;
    }
    use(g, h);
    exprs(g, h->next, depth + 1);
}

static void expr(guard *g, const sexp *x, int depth)
{
    if (too_deep(g, x, depth)) return;
    switch (x->kind) {
    case SX_STRING: case SX_NUMBER: case SX_BOOL: return;
    case SX_CHAR:
        diag_add(g->dl, SEV_ERROR, BK1001, x->at, "%s: a character literal is not among the forms a block may use", g->what);
        return;
    case SX_SYMBOL: use(g, x); return;
    case SX_QUOTE:
        if (x->len == 1 && (x->text[0] == '\'' || (x->text[0] == '`' && !unquotes(x->child, depth + 1)))) {
            datum(g, x->child, depth + 1);   /* a quasiquote without unquote is a quote */
            return;
        }
        diag_add(g->dl, SEV_ERROR, BK1001, x->at, "%s may not use \"%s\": quasiquote evaluates the parts under unquote, "
                 "which hides code in data", g->what, x->text);
        return;
    case SX_LIST: list(g, x, depth); return;
    }
}

void sbpl_guard(diag_list *dl, const sexp *top, int verbatim)
{
    guard g = { .dl = dl, .verbatim = verbatim, .what = verbatim ? "sbpl verbatim" : "raw sbpl", .deep = 0 };
    for (const sexp *x = top; x; x = x->next) expr(&g, x, 0);
}
