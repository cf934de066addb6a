/* regex_syntax.h - the regex dialect of Seatbelt as text (docs/sbpl.md):
 * checks, quoting, top-level alternatives. */
#ifndef BUCKLE_REGEX_SYNTAX_H
#define BUCKLE_REGEX_SYNTAX_H
#include "../support/strbuf.h"
#include <stddef.h>

/* How deep groups may nest: the matcher (regex.c) compiles no deeper, so a
 * deeper regex is outside the dialect for every reader. */
#define REGEX_MAX_DEPTH 200
#define REGEX_DEPTH_TEXT_(n) #n
#define REGEX_DEPTH_TEXT(n) REGEX_DEPTH_TEXT_(n)
#define REGEX_TOO_DEEP "regex groups nested deeper than " REGEX_DEPTH_TEXT(REGEX_MAX_DEPTH)

/* 1 when c has a meaning of its own in a regex (and must be quoted). */
int regex_is_meta(char c);
/* Checks a regex template against the Seatbelt dialect (docs/sbpl.md). */
const char *regex_check(const char *re, size_t len, size_t *off);
/* strict = 0 accepts what hand-written SBPL may contain (a backslash escape
 * inside a bracket class); buckle's own regexes are checked strictly. */
const char *regex_check_mode(const char *re, size_t len, size_t *off, int strict);
/* The index of the first top-level '|' of a regex (len when there is none):
 * a regex with top-level alternatives is one matcher per alternative. */
size_t regex_alt_end(const char *re, size_t len);
/* Reads the bracket class that opens at re[i] == '[' as the matcher reads
 * it (an optional '^' negates, a ']' first is literal, a backslash takes
 * the next byte, "a-z" is a range), its bytes into the bitmap set (bit c
 * of set[c / 8]); returns the index after its ']', 0 when it is not
 * closed. */
size_t regex_class_read(const char *re, size_t len, size_t i, unsigned char set[32]);
/* Escapes regex metacharacters of a literal text. */
void regex_quote(strbuf *out, const char *s, size_t len);
/* An ASCII letter as a bracket of both cases ("[aA]", which a glob reads
 * the same way), any other byte quoted: a path compared without regard to
 * case, as a macOS volume compares names. */
void regex_fold_byte(strbuf *out, char c);
/* The UTF-8 character at s (of len bytes left) folded as regex_fold_byte
 * folds a letter (case_pairs.c): a letter with a known other case as the
 * alternatives "(é|É)", one of a block with case the table leaves out as
 * any one character of a component ('?' when glob is set, and for each
 * letter in a glob, which has no alternatives).  Returns the bytes read,
 * 0 (nothing written) for a character without case. */
size_t regex_fold_utf8(strbuf *out, const char *s, size_t len, int glob);
#endif
