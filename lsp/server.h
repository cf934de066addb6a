/* server.h - the language server's state and the pieces that share it:
 * the documents (server.c), their analysis (analysis.c), positions and URIs
 * (text.c), the requests (features.c, actions.c). */
#ifndef BUCKLE_LSP_SERVER_H
#define BUCKLE_LSP_SERVER_H
#include "lsp.h"
#include "rpc.h"
#include "../lint/lint.h"
#include "../fmt/tokens.h"

typedef struct lsp_doc {
    char *uri, *path;           /* path: for relative extends and messages */
    char *text;
    size_t len;
    long long version;
    int is_sb;
    int dirty;                  /* changed since the last analysis */
    /* the last analysis: compile + lint of text (kept for the requests) */
    arena a;                    /* diagnostics and lint memory */
    diag_list dl;
    compilation *c;             /* .buckle: the compilation (its sources hold the spans) */
    int rc;                     /* what compile_profile_text returned */
    decider *dec;               /* .buckle: the decisions hover shows (made on the first) */
    source *keep;               /* .sb: the sources the findings point into */
    const source *main;         /* the document's own source */
} lsp_doc;

typedef struct lsp_server {
    lsp_config cfg;
    rpc_io io;
    int state;                  /* 0 before initialize, 1 running, 2 shut down */
    lsp_doc **docs;
    size_t ndocs, docs_cap;
    arena pool;                 /* compile memory kept between analyses */
} lsp_server;

typedef struct lsp_pos { long line, character; } lsp_pos;

/* server.c */
lsp_doc *lsp_doc_find(lsp_server *s, const char *uri);
/* The document named by params.textDocument.uri, or NULL; analysed first
 * if it changed since its last analysis. */
lsp_doc *lsp_doc_of(lsp_server *s, json_t *params);

/* analysis.c */
void lsp_analyze(lsp_server *s, lsp_doc *d);
void lsp_doc_clear(lsp_doc *d);
json_t *lsp_diagnostics(lsp_server *s, lsp_doc *d);
/* The unit of the document's compilation that is the document, or NULL. */
const unit *lsp_main_unit(const lsp_doc *d);

/* text.c */
/* UTF-16 position of byte offset off in text (the protocol's default). */
lsp_pos lsp_pos_of(const char *text, size_t len, uint32_t off);
/* Byte offset of a position (clamped to the line and the text). */
uint32_t lsp_offset_of(const char *text, size_t len, lsp_pos p);
json_t *lsp_range_json(const char *text, size_t len, uint32_t b, uint32_t e);
/* The position in params.position; 0 when missing. */
int lsp_params_pos(json_t *params, lsp_pos *p);
/* file:// URI of a path (made absolute), malloc'd. */
char *lsp_uri_of_path(const char *path);
/* Path of a file:// URI, malloc'd; other URIs give their last segment. */
char *lsp_path_of_uri(const char *uri);
/* A JSON string of s, invalid UTF-8 replaced by U+FFFD. */
json_t *lsp_jstr(const char *s);
json_t *lsp_jstrn(const char *s, size_t n);

/* What surrounds an offset, from the token stream. */
typedef struct lsp_ctx {
    tok_list tl;
    long at;                    /* token holding the offset, or -1 */
    long before;                /* last token ending at or before the offset, or -1 */
    long stmt;                  /* first token of the statement holding the offset */
    section_t section;          /* section block around it, SEC_NONE if none */
    int in_test;                /* inside a test block */
    int depth;
} lsp_ctx;
/* Tokens up to the end of the line holding off (cx->tl: tokens_free). */
void lsp_context(const char *text, size_t len, uint32_t off, lsp_ctx *cx);
/* The statement's words from cx->stmt up to (not including) token end. */
size_t lsp_stmt_words(const lsp_ctx *cx, const char *text, long end, const char **w, size_t max, arena *a);
/* A string token's value (escapes decoded), in a. */
char *lsp_string_value(arena *a, const char *text, const tok *t);

/* features.c */
void lsp_hover(lsp_server *s, json_t *id, json_t *params);
void lsp_completion(lsp_server *s, json_t *id, json_t *params);
void lsp_definition(lsp_server *s, json_t *id, json_t *params);
/* actions.c */
void lsp_formatting(lsp_server *s, json_t *id, json_t *params);
void lsp_code_action(lsp_server *s, json_t *id, json_t *params);
#endif
