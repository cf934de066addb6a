/* scheme_words.h - the words of SBPL's Scheme (the interpreter's syntax and
 * built-in procedures) and which of them a block buckle copies into its
 * output (sbpl verbatim, raw sbpl rules) may use (docs/reference.md). */
#ifndef BUCKLE_SCHEME_WORDS_H
#define BUCKLE_SCHEME_WORDS_H
#include <stddef.h>

typedef struct scheme_word {
    const char *name;       /* lower case */
    const char *refused;    /* NULL: a block may use it; else why not */
} scheme_word;

/* The entry of a name folded to lower case, or NULL when the name is not
 * one of Scheme's own (an SBPL word, a helper of the block or of a file it
 * imports). */
const scheme_word *scheme_word_find(const char *folded);
const scheme_word *scheme_word_at(size_t i);   /* NULL past the end */
#endif
