/* server.h - the language server's state and the pieces that share it:
 * the documents (server.c), their analysis (analysis.c), positions and URIs
 * (text.c), the requests (features.c, actions.c). */
#ifndef BUCKLE_LSP_SERVER_H
#define BUCKLE_LSP_SERVER_H
#include "lsp.h"
#include "rpc.h"
#include "../lint/lint.h"
#include "../fmt/tokens.h"

/* One analysis of a document's text: compile + lint (kept for the requests). */
typedef struct lsp_analysis {
    arena a;                    /* diagnostics and lint memory */
    diag_list dl;
    compilation *c;             /* .buckle: the compilation (its sources hold the spans) */
    int rc;                     /* what compile_profile_text returned */
    decider *dec;               /* .buckle: the decisions hover shows (made on the first) */
    source *keep;               /* .sb: the sources the findings point into */
    const source *main;         /* the document's own source: the analysed text */
    int complete;               /* no error stopped it: every finding is there */
} lsp_analysis;

/* Part of the text of the last complete analysis still in the document,
 * unchanged: bytes [os, oe) of that text are at ns in the document now. */
typedef struct lsp_seg { uint32_t os, oe, ns; } lsp_seg;

typedef struct lsp_doc {
    char *uri, *path;           /* path: for relative extends and messages */
    char *text;
    size_t len;
    long long version;
    int is_sb;
    int dirty;                  /* changed since the last analysis */
    lsp_analysis *an;           /* the analysis of the text (or of the text before the changes if dirty) */
    /* While the text has errors: the last complete analysis, and where the
     * parts of its text that no change touched are now (edits.c). */
    lsp_analysis *good;
    lsp_seg *segs;
    size_t nsegs, segs_cap;
    int tracking;               /* segs follow the changes (an or good is complete) */
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
/* Analyses the text.  When the new analysis is not complete (the text has
 * errors), the last complete one is kept in d->good. */
void lsp_analyze(lsp_server *s, lsp_doc *d);
void lsp_doc_clear(lsp_doc *d);
/* The unit of the document's compilation that is the document, or NULL. */
const unit *lsp_main_unit(const lsp_doc *d);
/* A diagnostic as published: g from analysis `from` (d->an, or d->good for
 * one kept from the last complete analysis), shown at [b, e) of d->text. */
typedef struct lsp_shown { const diag *g; const lsp_analysis *from; uint32_t b, e; int kept; } lsp_shown;
/* The published diagnostics, in order (malloc'd; *n of them). */
lsp_shown *lsp_shown_list(lsp_doc *d, size_t *n);
json_t *lsp_diagnostics(lsp_server *s, lsp_doc *d);
/* The document's range of a span of the analysis `from`; 0 when it is in
 * another file, or in a part of the text changed since. */
int lsp_span_here(const lsp_doc *d, const lsp_analysis *from, span at, uint32_t *b, uint32_t *e);

/* edits.c: where the text of the last complete analysis is now */
/* Starts following the changes from the text as it is (identity). */
void lsp_edits_start(lsp_doc *d);
void lsp_edits_stop(lsp_doc *d);
/* Bytes [s, t) of the text were replaced by n bytes. */
void lsp_edit(lsp_doc *d, uint32_t s, uint32_t t, uint32_t n);
/* The whole text is replaced by text[0, n): the change is the part between
 * their common beginning and common end. */
void lsp_edit_whole(lsp_doc *d, const char *text, size_t n);
/* [*b, *e) of the last complete analysis' text, where it is now; 0 when a
 * change touched it. */
int lsp_map(const lsp_doc *d, uint32_t *b, uint32_t *e);

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
