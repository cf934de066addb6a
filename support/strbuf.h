/* strbuf.h - growable byte buffer for building output. */
#ifndef BUCKLE_STRBUF_H
#define BUCKLE_STRBUF_H
#include <stddef.h>
#include <string.h>

typedef struct strbuf {
    char *data;
    size_t len, cap;
} strbuf;

void sb_init(strbuf *b);
void sb_free(strbuf *b);
void sb_reset(strbuf *b);
void sb_putu(strbuf *b, unsigned long long v);     /* decimal */
void sb_grow(strbuf *b, size_t need);
/* inline: the hot paths of the emitters (a constant's length folds away) */
static inline void sb_add(strbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) sb_grow(b, n);
    if (n) memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
}
static inline void sb_puts(strbuf *b, const char *s) { sb_add(b, s, strlen(s)); }
static inline void sb_putc(strbuf *b, char c)
{
    if (b->len + 2 > b->cap) sb_grow(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = 0;
}
void sb_printf(strbuf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* JSON string literal with quotes. */
void sb_json_str(strbuf *b, const char *s);
/* s as one word of a POSIX shell: as it is when it has only characters no
 * shell treats specially, else in single quotes ('\'' for a quote) */
void sb_sh_word(strbuf *b, const char *s);
const char *sb_cstr(strbuf *b);     /* NUL-terminated view */
char *sb_detach(strbuf *b);         /* caller frees */
#endif
