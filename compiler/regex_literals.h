/* regex_literals.h - the plain text a regex of the Seatbelt dialect
 * (seatbelt/regex.h) demands of every subject it matches, read off the
 * pattern's text without building its automaton: the decider's index files
 * a glob or regex rule by it, so that a path that lacks it never reaches
 * the automaton (and the pattern is compiled only when a path has it). */
#ifndef BUCKLE_REGEX_LITERALS_H
#define BUCKLE_REGEX_LITERALS_H
#include "../support/arena.h"
#include "../support/hashmap.h"
#include <stddef.h>

typedef struct regex_literals {
    const char *prefix;       /* every matching subject starts with it; NULL: no such text is known */
    size_t prefix_len;
    const char *need;         /* every matching subject contains it; NULL: no such text is known */
    size_t need_len;
    int whole;                /* the pattern is '^', the prefix and '$': it matches the prefix only */
} regex_literals;

/* A parameter token (support/param_marks.h) of a regex template is read as
 * plain text, a value the compiler quotes; otherwise its bytes are read as
 * any others. */
#define REGEX_LIT_PARAMS 1

/* Reads the pattern re[0, len) with search semantics (a match may start
 * anywhere unless the pattern starts with '^').  The texts are in arena a.
 * Sound, not complete: what it returns holds for every subject the pattern
 * matches; a pattern it cannot read (a top-level '|', bad syntax) gets
 * neither text. */
void regex_literals_of(arena *a, const char *re, size_t len, regex_literals *out);
/* The same with flags (REGEX_LIT_PARAMS): the one reader of a regex's
 * plain text. */
void regex_literals_read(arena *a, const char *re, size_t len, int flags, regex_literals *out);
/* The same for a glob template (compiler/patterns.h) with these parameter
 * values, read off the glob itself: what regex_literals_of reads off the
 * regex glob_to_regex writes for it, except that a bracket expression is
 * never read as a byte (cheaper than writing the regex: the decider's index
 * reads every glob of the policy). */
void glob_literals_of(arena *a, const char *g, size_t len, const hashmap *values, regex_literals *out);
#endif
