/* suggest.h - did-you-mean: the closest of a list of names. */
#ifndef BUCKLE_SUGGEST_H
#define BUCKLE_SUGGEST_H
#include <stddef.h>

/* Levenshtein distance, or max + 1 when it is larger than max (or a string
 * is longer than 64 bytes). */
int edit_distance(const char *a, const char *b, int max);
/* The same, ignoring ASCII case. */
int edit_distance_nocase(const char *a, const char *b, int max);
/* The distance a suggestion may have: 1 for names of up to 4 characters,
 * 2 up to 8, 3 beyond (a short name is close to everything). */
int suggest_limit(const char *name);
/* The candidate closest to name within suggest_limit(name), the first of
 * equals; NULL when none is close or name is itself a candidate. */
const char *suggest_closest(const char *name, const char *const *cands, size_t n, int nocase);
#endif
