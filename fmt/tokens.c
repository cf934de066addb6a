/* tokens.c - the lenient token stream of tokens.h. */
#include "tokens.h"
#include <string.h>

static int word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-' || c == '*';
}

void tok_scanner_init(tok_scanner *s, const char *text, size_t len)
{
    s->text = text;
    s->len = len;
    s->i = len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3) ? 3 : 0;
    s->line = 0;
}

int tok_next(tok_scanner *s, tok *t)
{
    const char *text = s->text;
    size_t len = s->len, i = s->i;
    uint32_t line = s->line;
    for (;;) {
        if (i >= len) { s->i = i; s->line = line; return 0; }
        unsigned char c = (unsigned char)text[i];
        if (c == '\n') { line++; i++; continue; }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') { i++; continue; }
        break;
    }
    unsigned char c = (unsigned char)text[i];
    t->start = (uint32_t)i;
    t->line = line;
    if (c == '#') {
        t->kind = TK_COMMENT;
        const char *nl = memchr(text + i, '\n', len - i);
        i = nl ? (size_t)(nl - text) : len;
    } else if (c == '"' && i + 2 < len && text[i + 1] == '"' && text[i + 2] == '"') {
        t->kind = TK_TSTRING;
        i += 3;
        while (i < len && !(text[i] == '"' && i + 2 < len && text[i + 1] == '"' && text[i + 2] == '"')) {
            if (text[i] == '\n') line++;
            i++;
        }
        i = i < len ? i + 3 : len;
    } else if (c == '"') {
        t->kind = TK_STRING;
        i++;
        while (i < len && text[i] != '"' && text[i] != '\n') {
            if (text[i] == '\\' && i + 1 < len && text[i + 1] != '\n') i++;
            i++;
        }
        if (i < len && text[i] == '"') i++;
    } else if (word_byte(c)) {
        t->kind = TK_WORD;
        while (i < len && word_byte((unsigned char)text[i])) i++;
    } else {
        t->kind = TK_PUNCT;
        i++;
    }
    t->end = (uint32_t)i;
    t->end_line = line;
    s->i = i;
    s->line = line;
    return 1;
}

void tokens_scan(const char *text, size_t len, tok_list *out)
{
    /* not zeroed, grown by realloc (large blocks move by remapping) */
    size_t cap = 256, n = 0;
    tok *v = xmalloc(cap * sizeof *v);
    tok_scanner s;
    tok_scanner_init(&s, text, len);
    tok t;
    while (tok_next(&s, &t)) {
        if (n == cap) { cap *= 2; v = xrealloc(v, cap * sizeof *v); }
        v[n++] = t;
    }
    out->v = v;
    out->n = n;
}

void tokens_free(tok_list *l)
{
    free(l->v);
    l->v = NULL;
    l->n = 0;
}

int tok_is(const tok *t, const char *text, char c)
{
    return t->kind == TK_PUNCT && text[t->start] == c;
}

int tok_word(const tok *t, const char *text, const char *w)
{
    size_t n = strlen(w);
    return t->kind == TK_WORD && t->end - t->start == n && !memcmp(text + t->start, w, n);
}
