/* regex.h - matcher for the Seatbelt regex dialect (docs/sbpl.md):
 * literals, ., [...] and [^...] with ranges, * + ?, |, groups, ^ and $,
 * backslash-escaped characters.  Compiled to an NFA and simulated state by
 * state, so matching is linear in the subject whatever the pattern. */
#ifndef BUCKLE_REGEX_H
#define BUCKLE_REGEX_H
#include "../support/arena.h"
#include <stddef.h>

typedef struct sb_regex sb_regex;

/* Returns NULL and sets *err on a pattern outside the dialect. */
sb_regex *sb_regex_compile(arena *a, const char *pat, size_t len, const char **err);
/* Search semantics: the pattern may match anywhere unless anchored. */
int sb_regex_search(const sb_regex *re, const char *s, size_t len);
/* The same without the literal-prefix check that sb_regex_search does first
 * (the unit tests compare the two). */
int sb_regex_search_nfa(const sb_regex *re, const char *s, size_t len);
/* 1 when the regex finds a match in some subject that starts with the n
 * bytes of p (p itself or p followed by any bytes): whether a name prefix
 * and a name regex meet. */
int sb_regex_meets_prefix(const sb_regex *re, const char *p, size_t n);
/* The literal text every match starts with at the subject's first byte (an
 * anchored pattern "^/lit/eral..."), its length in *len; NULL when there is
 * none.  A subject that does not start with it never matches. */
const char *sb_regex_prefix(const sb_regex *re, size_t *len);

/* A short subject the regex matches (from its first byte): the shortest
 * (variant 0), or one of that length with other bytes where '.' or a class
 * allows (variant 1).  Written to out (cap bytes, NUL-terminated); its
 * length, or -1 when no subject shorter than cap matches.  With
 * SB_SAMPLE_PATH or'ed into variant: the shortest that is a path as the
 * kernel presents one (no empty component, no '/' at the end but "/"). */
enum { SB_SAMPLE_PATH = 0x100 };
long sb_regex_sample(const sb_regex *re, int variant, char *out, size_t cap);

/* A lazy DFA over a compiled regex: the same answers as sb_regex_search,
 * each state built the first time a subject reaches it and kept (up to a
 * bound, past which it asks the NFA).  For callers that search one regex
 * many times (the differential check); it refers to re, which must outlive
 * it. */
typedef struct sb_regex_dfa sb_regex_dfa;
sb_regex_dfa *sb_regex_dfa_new(const sb_regex *re);
void sb_regex_dfa_free(sb_regex_dfa *d);
int sb_regex_dfa_search(sb_regex_dfa *d, const char *s, size_t len);
#endif
