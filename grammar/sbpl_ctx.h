/* sbpl_ctx.h - state of the reentrant SBPL scanner and pure parser. */
#ifndef BUCKLE_SBPL_CTX_H
#define BUCKLE_SBPL_CTX_H
#include "sexp.h"
#include "parse_ctx.h"
#include "../support/strbuf.h"

typedef struct sbpl_ctx {
    arena *a;
    arena *text;                /* the atoms' texts (sbpl_read_opts) */
    diag_list *diags;
    const source *src;
    uint32_t pos;
    int depth;
    uint32_t open_at[SBPL_MAX_DEPTH + 2];   /* offsets of unclosed '(' */
    int errors;
    int stop;
    strbuf str;
    uint32_t str_start;
    int str_lossy;
    sexp *result;
    sbpl_verbatim *verbatim;    /* NULL: the blocks are not wanted */
} sbpl_ctx;

void sbpl_error(sbpl_ctx *sc, uint32_t b, uint32_t e, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
/* A ; comment of len bytes at offset at: notes the verbatim blocks' lines. */
void sbpl_comment(sbpl_ctx *sc, uint32_t at, const char *text, size_t len);
sexp *sx_new(sbpl_ctx *sc, sx_kind k, uint32_t b, uint32_t e);
#endif
