/* fmt.c - the canonical layout of fmt.h, over the token stream. */
#include "fmt.h"
#include "tokens.h"
#include <string.h>

static void indent(strbuf *out, unsigned levels)
{
    for (unsigned i = 0; i < levels; i++) sb_add(out, "    ", 4);
}

enum { FMT_PIECE = 1 << 16 };

/* 0, 1 (syntax errors) or 2 (write failed); write NULL: all of it in out */
static int format(const source *src, arena *a, diag_list *dl, strbuf *out, fmt_write_fn write, void *ctx)
{
    unsigned before = dl->errors;
    arena nodes;
    arena_init(&nodes);
    parse_buckle(a, &nodes, dl, src);
    arena_free(&nodes);
    if (dl->errors != before) return 1;
    const char *text = src->text;
    sb_grow(out, write ? FMT_PIECE + 4096 : src->len + src->len / 8 + 16);
    tok_scanner sc;
    tok_scanner_init(&sc, text, src->len);
    tok tk;
    const tok *t = &tk;
    unsigned depth = 0;
    int in_stmt = 0, any = 0;
    uint32_t line = 0;
    while (tok_next(&sc, &tk)) {
        if (!any || t->line > line) {
            for (uint32_t k = !any ? 0 : line; k < t->line; k++) sb_putc(out, '\n');
            int close = tok_is(t, text, '}');
            unsigned d = close && depth ? depth - 1 : depth;
            indent(out, d + (in_stmt && !close ? 1 : 0));
        } else if (t->kind == TK_COMMENT) {
            sb_add(out, "  ", 2);
        } else if (!tok_is(t, text, ';') && !tok_is(t, text, ',')) {
            sb_putc(out, ' ');
        }
        any = 1;
        uint32_t e = t->end;
        if (t->kind == TK_COMMENT)
            while (e > t->start && (text[e - 1] == ' ' || text[e - 1] == '\t' || text[e - 1] == '\r' ||
                                    text[e - 1] == '\f' || text[e - 1] == '\v')) e--;
        sb_add(out, text + t->start, e - t->start);
        line = t->end_line;
        if (t->kind == TK_PUNCT) {
            char c = text[t->start];
            if (c == '{') { depth++; in_stmt = 0; }
            else if (c == '}') { if (depth) depth--; in_stmt = 0; }
            else if (c == ';') in_stmt = 0;
            else in_stmt = 1;
        } else if (t->kind != TK_COMMENT) {
            in_stmt = 1;
        }
        if (write && out->len >= FMT_PIECE) {
            if (write(ctx, out->data, out->len) != 0) return 2;
            sb_reset(out);
        }
    }
    if (any) sb_putc(out, '\n');
    if (write && out->len) {
        if (write(ctx, out->data, out->len) != 0) return 2;
        sb_reset(out);
    }
    return 0;
}

int fmt_buckle(const source *src, arena *a, diag_list *dl, strbuf *out)
{
    return format(src, a, dl, out, NULL, NULL);
}

int fmt_buckle_stream(const source *src, arena *a, diag_list *dl, fmt_write_fn write, void *ctx)
{
    strbuf piece;
    sb_init(&piece);
    int rc = format(src, a, dl, &piece, write, ctx);
    sb_free(&piece);
    return rc;
}

/* ---- the unified diff of --check ---------------------------------------- */

typedef struct lines { const char **p; size_t *n; size_t count; int last_open; } lines;

static void split(arena *a, const char *s, size_t len, lines *l)
{
    size_t count = 0;
    for (size_t i = 0; i < len; i++) if (s[i] == '\n') count++;
    l->last_open = len && s[len - 1] != '\n';
    l->count = count + (size_t)l->last_open;
    l->p = arena_alloc(a, (l->count + 1) * sizeof *l->p);
    l->n = arena_alloc(a, (l->count + 1) * sizeof *l->n);
    size_t k = 0, b = 0;
    for (size_t i = 0; i <= len && k < l->count; i++) {
        if (i == len || s[i] == '\n') { l->p[k] = s + b; l->n[k] = i - b; k++; b = i + 1; }
    }
}

static int same(const lines *x, const lines *y, size_t i)
{
    if (i >= x->count || i >= y->count) return 0;
    if (x->n[i] != y->n[i] || memcmp(x->p[i], y->p[i], x->n[i])) return 0;
    /* the last line differs when only one side ends with a newline */
    int xo = i + 1 == x->count && x->last_open, yo = i + 1 == y->count && y->last_open;
    return xo == yo;
}

static void put_line(strbuf *out, char mark, const lines *l, size_t i)
{
    sb_putc(out, mark);
    sb_add(out, l->p[i], l->n[i]);
    sb_putc(out, '\n');
    if (i + 1 == l->count && l->last_open) sb_puts(out, "\\ No newline at end of file\n");
}

void fmt_diff(strbuf *out, const char *name, const char *a, size_t alen, const char *b, size_t blen)
{
    enum { CONTEXT = 3 };
    arena ar;
    arena_init(&ar);
    lines x, y;
    split(&ar, a, alen, &x);
    split(&ar, b, blen, &y);
    size_t n = x.count > y.count ? x.count : y.count;
    int header = 0;
    size_t i = 0;
    while (i < n) {
        if (same(&x, &y, i)) { i++; continue; }
        /* a hunk: from CONTEXT lines before the first change to CONTEXT
         * lines after the last change that is followed by fewer than
         * 2 * CONTEXT + 1 equal lines */
        size_t start = i > CONTEXT ? i - CONTEXT : 0, end = i;
        for (;;) {
            while (end < n && !same(&x, &y, end)) end++;
            size_t eq = end;
            while (eq < n && same(&x, &y, eq)) eq++;
            if (eq < n && eq - end <= 2 * CONTEXT) { end = eq; continue; }
            break;
        }
        size_t stop = end + CONTEXT < n ? end + CONTEXT : n;
        size_t as = start, ae = stop < x.count ? stop : x.count, bs = start, be = stop < y.count ? stop : y.count;
        if (!header) {
            sb_printf(out, "--- %s\n+++ %s (formatted)\n", name, name);
            header = 1;
        }
        size_t alines = ae > as ? ae - as : 0, blines = be > bs ? be - bs : 0;
        sb_printf(out, "@@ -%zu,%zu +%zu,%zu @@\n", alines ? as + 1 : as, alines, blines ? bs + 1 : bs, blines);
        size_t k = start;
        while (k < stop) {
            if (same(&x, &y, k)) { put_line(out, ' ', &x, k); k++; continue; }
            size_t r = k;
            while (r < stop && !same(&x, &y, r)) r++;
            for (size_t j = k; j < r && j < x.count; j++) put_line(out, '-', &x, j);
            for (size_t j = k; j < r && j < y.count; j++) put_line(out, '+', &y, j);
            k = r;
        }
        i = stop;
    }
    arena_free(&ar);
}
