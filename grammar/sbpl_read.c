/* sbpl_read.c - driver for the SBPL reader. */
#include "sbpl_ctx.h"
#include "sbpl.tab.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

typedef void *yyscan_t;
int sxlex_init_extra(sbpl_ctx *extra, yyscan_t *scanner);
int sxlex_destroy(yyscan_t scanner);
struct yy_buffer_state *sx_scan_bytes(const char *bytes, int len, yyscan_t scanner);

void sbpl_error(sbpl_ctx *sc, uint32_t b, uint32_t e, const char *fmt, ...)
{
    if (sc->errors >= BUCKLE_MAX_SYNTAX_ERRORS) { sc->stop = 1; return; }
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    span at = { sc->src, b, e };
    diag_add(sc->diags, SEV_ERROR, BK1001, at, "%s", buf);
    if (++sc->errors >= BUCKLE_MAX_SYNTAX_ERRORS) sc->stop = 1;
}

void sbpl_comment(sbpl_ctx *sc, uint32_t at, const char *text, size_t len)
{
    if (at > 0 && sc->src->text[at - 1] != '\n') return;     /* a whole line only */
    sbpl_verbatim *v = sc->verbatim;
    size_t ml = strlen(SBPL_VERBATIM_MARK), el = strlen(SBPL_VERBATIM_END) - 1;
    if (len >= ml && !memcmp(text, SBPL_VERBATIM_MARK, ml)) {
        if (v->n && v->end[v->n - 1] == UINT32_MAX) v->end[v->n - 1] = at;    /* one open at a time */
        size_t cap = arena_grow_cap(v->n, v->cap);
        v->start = arena_grow(sc->a, v->start, v->n, v->cap, sizeof *v->start);
        v->end = arena_grow(sc->a, v->end, v->n, v->cap, sizeof *v->end);
        v->cap = cap;
        v->start[v->n] = at;
        v->end[v->n++] = UINT32_MAX;
    } else if (len == el && !memcmp(text, SBPL_VERBATIM_END, el) && v->n && v->end[v->n - 1] == UINT32_MAX) {
        v->end[v->n - 1] = at;
    }
}

int sbpl_in_verbatim(const sbpl_verbatim *v, uint32_t at)
{
    for (size_t i = 0; i < v->n; i++)
        if (at >= v->start[i] && at < v->end[i]) return 1;
    return 0;
}

sexp *sx_new(sbpl_ctx *sc, sx_kind k, uint32_t b, uint32_t e)
{
    sexp *x = arena_alloc(sc->a, sizeof *x);
    x->kind = k;
    x->at.src = sc->src;
    x->at.start = b;
    x->at.end = e;
    return x;
}

sexp *sbpl_read(arena *a, diag_list *diags, const source *src, const sbpl_read_opts *o)
{
    sbpl_ctx sc;
    memset(&sc, 0, sizeof sc);
    sc.a = a;
    sc.text = o && o->text ? o->text : a;
    sc.diags = diags;
    sc.src = src;
    sc.verbatim = o ? o->verbatim : NULL;
    sb_init(&sc.str);
    uint32_t start = o && !o->whole ? o->start : 0;
    uint32_t end = o && !o->whole ? o->end : (uint32_t)src->len;
    sc.pos = start;
    /* a control byte (NUL included) is not SBPL text: sandbox-exec's reader
     * may stop at it or take it otherwise than this one; the first is an
     * error */
    for (uint32_t i = start; i < end; i++) {
        unsigned char c = (unsigned char)src->text[i];
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
            sbpl_error(&sc, i, i + 1, "control character 0x%02x in SBPL text (sandbox-exec may read it otherwise)", c);
            break;
        }
    }
    yyscan_t s;
    if (sxlex_init_extra(&sc, &s) != 0) abort();
    sx_scan_bytes(src->text + start, (int)(end - start), s);
    sxparse(s, &sc);
    sxlex_destroy(s);
    sb_free(&sc.str);
    return sc.result;
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

int sbpl_cxx_raw_string(const source *src, uint32_t *start, uint32_t *end)
{
    const char *t = src->text;
    uint32_t n = (uint32_t)src->len, i = 0;
    while (i < n && is_space(t[i])) i++;
    if (i + 2 >= n || t[i] != 'R' || t[i + 1] != '"') return 0;
    uint32_t d = i + 2, k = d;
    /* the delimiter: at most 16 characters, none of them a space, a
     * parenthesis or a backslash (the C++ rule; Nix's is one quote: R""( ... )"") */
    while (k < n && k - d <= 16 && t[k] != '(' && !is_space(t[k]) && t[k] != ')' && t[k] != '\\') k++;
    if (k >= n || t[k] != '(' || k - d > 16) return 0;
    uint32_t dlen = k - d, e = n;
    while (e > k + 1 && is_space(t[e - 1])) e--;
    /* the end: )delim" */
    if (e < k + 1 + dlen + 2 || t[e - 1] != '"' || t[e - 2 - dlen] != ')' ||
        memcmp(t + e - 1 - dlen, t + d, dlen) != 0)
        return 0;
    *start = k + 1;
    *end = e - 2 - dlen;
    return 1;
}

int sexp_is_sym(const sexp *x, const char *name)
{
    return x && x->kind == SX_SYMBOL && strcmp(x->text, name) == 0;
}

int sexp_is_sym_nocase(const sexp *x, const char *name)
{
    if (!x || x->kind != SX_SYMBOL) return 0;
    size_t i = 0;
    for (; x->text[i] && name[i]; i++)
        if (sbpl_fold(x->text[i]) != name[i]) return 0;
    return !x->text[i] && !name[i];
}

int sbpl_text_starts(const char *text, size_t len, const char *word)
{
    size_t i = 0;
    for (; word[i]; i++)
        if (i >= len || sbpl_fold(text[i]) != word[i]) return 0;
    return 1;
}

int sbpl_text_mentions(const char *text, size_t len, const char *word)
{
    for (size_t i = 0; i < len; i++)
        if (sbpl_fold(text[i]) == word[0] && sbpl_text_starts(text + i, len - i, word)) return 1;
    return 0;
}

size_t sexp_length(const sexp *list)
{
    size_t n = 0;
    for (const sexp *x = list ? list->child : NULL; x; x = x->next) n++;
    return n;
}
