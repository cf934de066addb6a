/* parse_ctx.h - state shared by the reentrant profile scanner and the pure
 * parser of one file.  No global state: everything hangs off this struct. */
#ifndef BUCKLE_PARSE_CTX_H
#define BUCKLE_PARSE_CTX_H
#include "ast.h"
#include "../support/strbuf.h"
#include <stdint.h>

typedef struct buckle_loc { uint32_t first, last; } buckle_loc;

typedef struct parse_ctx {
    arena *a;
    arena *nodes;         /* rules, matchers, modifiers, string wrappers */
    diag_list *diags;
    const source *src;
    ast_file *file;
    uint32_t pos;         /* byte offset of the scanner */
    uint32_t prev_end;    /* end of the token before the last one */
    uint32_t last_end;    /* end of the last token returned */
    strbuf str;           /* string being scanned */
    uint32_t str_start;
    int str_bad;
    const char *last_ident;   /* the last identifier's string, reused when repeated */
    size_t last_ident_len;
    section_t section;    /* section whose rules are being read */
    platform_t platform;  /* the platform block being read, PLAT_ANY outside one */
    int in_platform;      /* a platform block is open (the scanner's view) */
    uint32_t platform_open;   /* offset of its '{' */
    int stop;             /* too many errors: scanner returns end of input */
    /* the block being read, for reporting one that is never closed: the
     * scanner closes it itself (a '}' of no width) at the end of the input
     * or before a keyword that cannot appear inside it */
    int block;            /* BLOCK_NONE, BLOCK_SECTION or BLOCK_TEST */
    int next_block;       /* what a '{' opens: set by a section keyword or `test` */
    uint32_t block_open;  /* offset of its '{' */
    void *scanner;
} parse_ctx;

enum { BLOCK_NONE, BLOCK_SECTION, BLOCK_TEST, BLOCK_PLATFORM };

span pc_span(const parse_ctx *pc, uint32_t b, uint32_t e);
void pc_syntax_error(parse_ctx *pc, uint32_t b, uint32_t e, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
int utf8_valid(const char *s, size_t n, size_t *bad_at);
#endif
