/* strbuf.c - growable byte buffer. */
#include "strbuf.h"
#include "arena.h"
#include "utf8.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void sb_init(strbuf *b) { b->data = NULL; b->len = b->cap = 0; }
void sb_free(strbuf *b) { free(b->data); sb_init(b); }
void sb_reset(strbuf *b) { b->len = 0; }

void sb_grow(strbuf *b, size_t need)
{
    if (b->len + need + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + need + 1) cap *= 2;
    b->data = xrealloc(b->data, cap);
    b->cap = cap;
}


void sb_putu(strbuf *b, unsigned long long v)
{
    char d[24];
    size_t n = 0;
    do { d[sizeof d - 1 - n++] = (char)('0' + v % 10); v /= 10; } while (v);
    sb_add(b, d + sizeof d - n, n);
}


void sb_printf(strbuf *b, const char *fmt, ...)
{
    va_list ap;
    if (b->cap < b->len + 64) sb_grow(b, 64);
    /* one pass when it fits in what is left, a second after growing */
    va_start(ap, fmt);
    int n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
    va_end(ap);
    if (n <= 0) { b->data[b->len] = 0; return; }
    if ((size_t)n < b->cap - b->len) { b->len += (size_t)n; return; }
    sb_grow(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void sb_json_str(strbuf *b, const char *s)
{
    sb_putc(b, '"');
    size_t len = strlen(s);
    for (size_t k = 0; k < len; k++) {
        unsigned char ch = (unsigned char)s[k];
        switch (ch) {
        case '"': sb_puts(b, "\\\""); break;
        case '\\': sb_puts(b, "\\\\"); break;
        case '\n': sb_puts(b, "\\n"); break;
        case '\t': sb_puts(b, "\\t"); break;
        case '\r': sb_puts(b, "\\r"); break;
        default:
            if (ch < 0x20 || ch == 0x7f) sb_printf(b, "\\u%04x", ch);
            else if (ch < 0x80) sb_putc(b, (char)ch);
            else {
                /* JSON is UTF-8: a byte that starts no sequence is written
                 * as the text \xHH, as the text renderer shows it */
                size_t n = utf8_seq(s, len, k);
                if (!n) sb_printf(b, "\\\\x%02x", ch);
                else { sb_add(b, s + k, n); k += n - 1; }
            }
        }
    }
    sb_putc(b, '"');
}

void sb_sh_word(strbuf *b, const char *s)
{
    int plain = *s != 0;
    for (const char *c = s; *c && plain; c++)
        plain = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || strchr("_@%+=:,./-", *c);
    if (plain) { sb_puts(b, s); return; }
    sb_putc(b, '\'');
    for (const char *c = s; *c; c++) {
        if (*c == '\'') sb_puts(b, "'\\''");
        else sb_putc(b, *c);
    }
    sb_putc(b, '\'');
}

const char *sb_cstr(strbuf *b)
{
    if (!b->data) { sb_grow(b, 0); b->data[0] = 0; }
    return b->data;
}

char *sb_detach(strbuf *b)
{
    sb_cstr(b);
    char *p = b->data;
    sb_init(b);
    return p;
}
