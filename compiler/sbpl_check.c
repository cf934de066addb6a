/* sbpl_check.c - raw sbpl blocks (docs/reference.md): read with the SBPL
 * reader, locations in the .buckle file, operations and filters known. */
#include "compile.h"
#include "../seatbelt/filters.h"
#include "../grammar/sexp.h"
#include <string.h>


void check_sbpl_filter(compilation *c, const sexp *f, int depth)
{
    if (f->kind != SX_LIST || depth > SBPL_MAX_DEPTH) return;
    const sexp *h = f->child;
    if (!h || h->kind != SX_SYMBOL) return;
    if (strcmp(h->text, "with") == 0) return;
    if (!filter_known(h->text)) {
        diag *d = diag_add(&c->diags, SEV_ERROR, BK2006, h->at, "unknown SBPL filter \"%s\"", h->text);
        const char *s = filter_suggest(h->text);
        if (s) diag_help(&c->diags, d, "did you mean \"%s\"?", s);
        return;
    }
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

/* ---- sbpl verbatim ---------------------------------------------------------
 * The text is not evaluated, only read: parentheses, strings and comments
 * must close inside the block (the reader's errors), so nothing in it reaches
 * the rules written after it.  What would change the meaning of those rules
 * is refused: a (define ...) or an assignment of a name SBPL gives meaning to
 * (allow, deny, subpath, an operation...; in any case, since SBPL's Scheme
 * may fold it), and the default and (version 1), which buckle writes. */

static const char *const assigning_forms[] = {
    "define", "set!", "define-macro", "define-syntax", "macro", "let-syntax", "letrec-syntax",
};

/* the Scheme words the SBPL buckle writes calls, besides filters and
 * operations (tests/unit/test_verbatim.c checks that the evaluator knows each
 * as reserved; buckle run's check refuses every reserved name and every
 * rebinding form in the profile it runs) */
static const char *const output_words[] = {
    "allow", "deny", "version", "with", "param", "string-append", "quote", "regex-quote",
    "report", "no-report", "message", "no-sandbox",
};

const char *sbpl_output_word(size_t i)
{
    return i < sizeof output_words / sizeof *output_words ? output_words[i] : NULL;
}

static int reserved_folded(const char *name)
{
    char buf[260];
    size_t i = 0;
    for (; name[i] && i + 1 < sizeof buf; i++) buf[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] + 32 : name[i]);
    buf[i] = 0;
    if (name[i]) return 0;
    for (size_t k = 0; k < sizeof output_words / sizeof *output_words; k++) if (!strcmp(buf, output_words[k])) return 1;
    int noop;
    return filter_known(buf) || op_lookup(buf, &noop) >= 0 || noop;
}

static int is_assigning(const sexp *h)
{
    if (!h || h->kind != SX_SYMBOL) return 0;
    for (size_t i = 0; i < sizeof assigning_forms / sizeof *assigning_forms; i++) {
        size_t n = strlen(assigning_forms[i]);
        if (h->len != n) continue;
        size_t k = 0;
        while (k < n && (h->text[k] | 0x20) == (assigning_forms[i][k] | 0x20)) k++;
        if (k == n) return 1;
    }
    return 0;
}

static void check_verbatim_tree(compilation *c, const sexp *x, int depth)
{
    for (; x; x = x->next) {
        if (x->kind != SX_LIST && x->kind != SX_QUOTE) continue;
        if (depth > SBPL_MAX_DEPTH) {
            diag_add(&c->diags, SEV_ERROR, BK1001, x->at, "sbpl verbatim nested more than %d deep", SBPL_MAX_DEPTH);
            return;
        }
        const sexp *h = x->kind == SX_LIST ? x->child : NULL;
        if (depth && h && (sexp_is_sym(h, "allow") || sexp_is_sym(h, "deny")) && h->next && sexp_is_sym(h->next, "default")) {
            diag *d = diag_add(&c->diags, SEV_ERROR, BK1001, x->at, "the default is not set in an sbpl block");
            diag_help(&c->diags, d, "write `default %s;`", h->text);
        }
        if (is_assigning(h)) {
            const sexp *nm = h->next;
            while (nm && nm->kind == SX_LIST) nm = nm->child;   /* (define (NAME args) ...) */
            if (nm && nm->kind == SX_SYMBOL && reserved_folded(nm->text)) {
                diag *d = diag_add(&c->diags, SEV_ERROR, BK1001, nm->at,
                                   "sbpl verbatim may not %s \"%s\": SBPL gives it a meaning that the rules buckle writes rely on",
                                   h->text, nm->text);
                diag_help(&c->diags, d, "give the helper another name");
            } else if (nm && nm->kind != SX_SYMBOL) {
                diag_add(&c->diags, SEV_ERROR, BK1001, x->at, "sbpl verbatim: %s of something that is not a name", h->text);
            }
        }
        check_verbatim_tree(c, x->child, depth + 1);
    }
}

static void check_verbatim(compilation *c, const sexp *top)
{
    for (const sexp *x = top; x; x = x->next) {
        const sexp *h = x->kind == SX_LIST ? x->child : NULL;
        if (h && sexp_is_sym(h, "version")) {
            diag_add(&c->diags, SEV_ERROR, BK1001, x->at, "(version 1) is written by buckle; remove it from the sbpl block");
            continue;
        }
        if (h && (sexp_is_sym(h, "allow") || sexp_is_sym(h, "deny")) && h->next && sexp_is_sym(h->next, "default")) {
            diag *d = diag_add(&c->diags, SEV_ERROR, BK1001, x->at, "the default is not set in an sbpl block");
            diag_help(&c->diags, d, "write `default %s;`", h->text);
        }
    }
    check_verbatim_tree(c, top, 0);
}

void check_sbpl_blocks(compilation *c)
{
    for (size_t i = 0; i < c->pol.nraw; i++) {
        const raw_block *b = &c->pol.raw[i];
        sbpl_read_opts o = { .start = b->ast->text.at.start, .end = b->ast->text.at.start + (uint32_t)b->ast->text.len };
        unsigned before = c->diags.errors;
        sexp *top = sbpl_read(&c->a, &c->diags, b->ast->text.at.src ? b->ast->text.at.src : b->u->src, &o);
        if (c->diags.errors != before) continue;
        if (b->ast->verbatim) { check_verbatim(c, top); continue; }
        for (const sexp *x = top; x; x = x->next) check_form(c, x);
    }
}
