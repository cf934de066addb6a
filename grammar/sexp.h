/* sexp.h - the SBPL reader's tree: data with locations. */
#ifndef BUCKLE_SEXP_H
#define BUCKLE_SEXP_H
#include "../support/diag.h"

typedef enum { SX_LIST, SX_SYMBOL, SX_STRING, SX_NUMBER, SX_BOOL, SX_CHAR, SX_QUOTE } sx_kind;

typedef struct sexp {
    sx_kind kind;
    span at;
    const char *text;       /* symbol name (in lower case: SBPL's reader folds
                             * the case of symbols, so every reader of the
                             * tree reads ALLOW as allow), decoded string,
                             * quote mark */
    const char *spelling;   /* a symbol as written, for messages */
    size_t len;
    long num;               /* number, boolean (0/1), character */
    int raw;                /* #"..." string */
    int lossy_escape;       /* a "\c" escape dropped its backslash */
    struct sexp *child;     /* list elements, or the quoted datum */
    struct sexp *next;
} sexp;

#define SBPL_MAX_DEPTH 256

/* The comment lines around each sbpl verbatim block in buckle's output. */
#define SBPL_VERBATIM_MARK ";; sbpl verbatim from "
#define SBPL_VERBATIM_END ";; end of sbpl verbatim\n"

/* The verbatim blocks the reader met: block i from the start of its
 * SBPL_VERBATIM_MARK line to the start of its SBPL_VERBATIM_END line
 * (UINT32_MAX when it has none). */
typedef struct sbpl_verbatim {
    uint32_t *start, *end;
    size_t n, cap;
} sbpl_verbatim;

typedef struct sbpl_read_opts {
    uint32_t start, end;    /* byte range of src to read (an sbpl block) */
    int whole;              /* read all of src */
    sbpl_verbatim *verbatim;    /* when set: filled with the verbatim blocks */
    arena *text;            /* when set: the atoms' texts (names, decoded strings)
                             * go here, the nodes into sbpl_read's arena, which
                             * may then be freed once the forms are evaluated
                             * (an evaluation's rules keep the texts) */
} sbpl_read_opts;

/* Reads SBPL text into a list of top-level data (a chain through next).
 * Errors go to diags as BK1001 with locations in src. */
sexp *sbpl_read(arena *a, diag_list *diags, const source *src, const sbpl_read_opts *o);
/* A profile kept inside a C++ raw string literal, R"delim( ... )delim", so a
 * C++ program can #include it (Nix does): sets *start and *end to the text
 * between the parentheses and returns 1; 0 when src is not one. */
int sbpl_cxx_raw_string(const source *src, uint32_t *start, uint32_t *end);
/* 1 when offset at of src lies in one of the blocks of v */
int sbpl_in_verbatim(const sbpl_verbatim *v, uint32_t at);
/* SBPL's reader folds symbols to lower case (TinyScheme's does): the one
 * fold every reader of SBPL text here uses, the tree's and a test of the
 * raw text alike. */
static inline char sbpl_fold(char c) { return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c; }
/* 1 when text starts with word (lower case) in any case */
int sbpl_text_starts(const char *text, size_t len, const char *word);
/* 1 when text has word (lower case) in any case, anywhere (a quick test
 * before reading it: "import" names another file) */
int sbpl_text_mentions(const char *text, size_t len, const char *word);
int sexp_is_sym(const sexp *x, const char *name);
/* The symbol name (lower case) in any case (the reader folds symbols: the
 * same as sexp_is_sym). */
int sexp_is_sym_nocase(const sexp *x, const char *name);
size_t sexp_length(const sexp *list);
#endif
