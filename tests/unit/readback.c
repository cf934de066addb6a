/* readback.c - test tool: reads compiled SBPL back with the SBPL reader,
 * checks its shape, and prints one canonical line per rule:
 *   ACTION OP[,OP...] FILTER
 * where strings are shown quoted with (param "X") as ${X}.  Exit 1 when the
 * file is not a well-formed profile of the subset buckle emits. */
#include "../../seatbelt/filters.h"
#include "../../seatbelt/ops.h"
#include "../../grammar/sexp.h"
#include <stdio.h>
#include <string.h>

static int bad;

static void fail(const sexp *x, const char *msg)
{
    source_pos p = source_position(x->at.src, x->at.start);
    fprintf(stderr, "%s:%u:%u: %s\n", x->at.src->name, p.line, p.col, msg);
    bad = 1;
}

static void put_str(strbuf *o, const sexp *x)
{
    if (x->kind == SX_STRING) {
        if (x->at.end - x->at.start - 2 > 1024) fail(x, "string literal longer than 1024 bytes");
        sb_add(o, x->text, x->len);
        return;
    }
    if (x->kind == SX_LIST && sexp_is_sym(x->child, "param") && x->child->next &&
        x->child->next->kind == SX_STRING) {
        sb_puts(o, "${");
        sb_add(o, x->child->next->text, x->child->next->len);
        sb_putc(o, '}');
        return;
    }
    if (x->kind == SX_LIST && sexp_is_sym(x->child, "string-append")) {
        for (const sexp *a = x->child->next; a; a = a->next) put_str(o, a);
        return;
    }
    fail(x, "expected a string expression");
}

static void put_filter(strbuf *o, const sexp *f, int depth)
{
    if (depth > 64 || f->kind != SX_LIST || !f->child || f->child->kind != SX_SYMBOL) {
        fail(f, "expected a filter");
        return;
    }
    const char *h = f->child->text;
    if (!filter_known(h)) fail(f->child, "unknown filter");
    sb_printf(o, "(%s", h);
    for (const sexp *a = f->child->next; a; a = a->next) {
        sb_putc(o, ' ');
        if (a->kind == SX_SYMBOL) { sb_add(o, a->text, a->len); continue; }
        if (a->kind == SX_LIST && a->child && a->child->kind == SX_SYMBOL &&
            strcmp(a->child->text, "param") && strcmp(a->child->text, "string-append")) {
            put_filter(o, a, depth + 1);
            continue;
        }
        strbuf s;
        sb_init(&s);
        put_str(&s, a);
        sb_putc(o, '"');
        for (size_t i = 0; i < s.len; i++) {
            unsigned char c = (unsigned char)s.data[i];
            if (c == '"' || c == '\\') sb_putc(o, '\\');
            if (c < 0x20) sb_printf(o, "\\x%02x", c); else sb_putc(o, (char)c);
        }
        sb_putc(o, '"');
        sb_free(&s);
    }
    sb_putc(o, ')');
}

int main(int argc, char **argv)
{
    if (argc != 2) { fputs("usage: sbpl-readback FILE.sb\n", stderr); return 2; }
    const char *err;
    source *src = source_read(argv[1], argv[1], &err);
    if (!src) { fprintf(stderr, "%s: %s\n", argv[1], err); return 2; }
    arena a;
    arena_init(&a);
    diag_list dl;
    diag_list_init(&dl, &a);
    sexp *top = sbpl_read(&a, &dl, src, NULL);
    for (diag *d = dl.head; d; d = d->next) fail(&(sexp){ .at = d->at }, d->msg);
    int n = 0;
    strbuf o;
    sb_init(&o);
    for (const sexp *x = top; x; x = x->next, n++) {
        if (x->kind != SX_LIST || !x->child || x->child->kind != SX_SYMBOL) { fail(x, "expected a form"); continue; }
        const char *h = x->child->text;
        if (n == 0) {
            if (strcmp(h, "version") || !x->child->next || x->child->next->num != 1) fail(x, "first form must be (version 1)");
            continue;
        }
        if (strcmp(h, "allow") && strcmp(h, "deny")) { fail(x, "expected allow or deny"); continue; }
        sb_puts(&o, h);
        int ops = 0;
        for (const sexp *e = x->child->next; e; e = e->next) {
            if (e->kind == SX_SYMBOL) {
                int noop;
                if (op_lookup(e->text, &noop) < 0 && !noop) fail(e, "unknown operation");
                sb_putc(&o, ops ? ',' : ' ');
                sb_add(&o, e->text, e->len);
                ops++;
            } else if (e->kind == SX_LIST && sexp_is_sym(e->child, "with")) {
                sb_puts(&o, " with:");
                for (const sexp *m = e->child->next; m; m = m->next) {
                    if (m->kind == SX_SYMBOL) sb_add(&o, m->text, m->len);
                    else {
                        strbuf s;
                        sb_init(&s);
                        put_str(&s, m);
                        sb_putc(&o, '"');
                        for (size_t i = 0; i < s.len; i++) {
                            unsigned char c = (unsigned char)s.data[i];
                            if (c == '"' || c == '\\') sb_putc(&o, '\\');
                            if (c < 0x20) sb_printf(&o, "\\x%02x", c); else sb_putc(&o, (char)c);
                        }
                        sb_putc(&o, '"');
                        sb_free(&s);
                    }
                }
            } else {
                sb_putc(&o, ' ');
                put_filter(&o, e, 0);
            }
        }
        if (!ops) fail(x, "rule without an operation");
        sb_putc(&o, '\n');
    }
    if (n == 0) fail(&(sexp){ .at = { src, 0, 0 } }, "empty profile");
    fwrite(o.data ? o.data : "", 1, o.len, stdout);
    sb_free(&o);
    arena_free(&a);
    source_free(src);
    return bad;
}
