/* tokens.h - a lenient token stream of a .buckle text, comments included.
 * It never fails: the formatter runs it on text the parser accepted, the
 * language server on text being typed (an unterminated string ends at the
 * line's end, an unterminated """ at the end of the text). */
#ifndef BUCKLE_TOKENS_H
#define BUCKLE_TOKENS_H
#include "../support/arena.h"
#include <stddef.h>
#include <stdint.h>

typedef enum { TK_WORD, TK_STRING, TK_TSTRING, TK_PUNCT, TK_COMMENT } tok_kind;

typedef struct tok {
    tok_kind kind;
    uint32_t start, end;      /* byte offsets, end exclusive */
    uint32_t line, end_line;  /* 0-based lines of the first and the last byte */
} tok;

typedef struct tok_list { tok *v; size_t n; } tok_list;

/* A scan of text[0, len) one token at a time (the formatter streams it). */
typedef struct tok_scanner { const char *text; size_t len, i; uint32_t line; } tok_scanner;
/* Starts at the beginning; a byte-order mark there is skipped. */
void tok_scanner_init(tok_scanner *s, const char *text, size_t len);
/* The next token into *t; 0 at the end of the text. */
int tok_next(tok_scanner *s, tok *t);

/* Scans text[0, len) into out (malloc'd: tokens_free).  A byte-order mark
 * at the start is skipped. */
void tokens_scan(const char *text, size_t len, tok_list *out);
void tokens_free(tok_list *l);
/* 1 when token t is the one-byte punctuation c. */
int tok_is(const tok *t, const char *text, char c);
/* 1 when token t is the word w. */
int tok_word(const tok *t, const char *text, const char *w);
#endif
