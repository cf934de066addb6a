/* regex_atoms.h - subjects that tell a set of regexes apart.
 *
 * For regexes R1..Rn (search semantics, as sb_regex_search), each subject
 * falls in one "atom": the set of the Ri that match it.  A decision made
 * only from which of them match (an SBPL policy's, for one operation) is
 * the same for every subject of an atom, so one subject of each non-empty
 * atom is enough to compare two such policies exactly.  The walk is a
 * breadth-first search over the product of the automata, so each subject is
 * a shortest one of its atom.
 *
 * In path mode only canonical paths (path_canonical.h) are subjects: the
 * kernel asks about no other. */
#ifndef BUCKLE_REGEX_ATOMS_H
#define BUCKLE_REGEX_ATOMS_H
#include "regex.h"
#include <stddef.h>

typedef struct sb_atoms_opts {
    int path;                 /* subjects are canonical paths */
    size_t max_states;        /* stop after this many product states (0: 200000) */
    size_t max_len;           /* longest subject (0: 1024) */
    /* Optional restrictions, which keep a walk small where only part of
     * the atoms matter: */
    const unsigned char *must;  /* must[i]: regex i is one whose atoms are wanted; only
                                 * atoms holding one of them are reached (NULL: every atom) */
    const char *const *near;    /* path mode: only subjects at, above or below one of
                                 * near[0..nnear) (as diff_value_near) */
    size_t nnear;
} sb_atoms_opts;

/* Calls emit once for a subject of each non-empty atom (subjects are not
 * NUL-terminated; len > 0); with must or near, of each such atom that holds
 * a must regex, among the subjects near a path of near.  Returns 1 when every atom was reached, 0 when
 * the walk stopped at max_states or max_len first (the atoms found are
 * emitted; others may exist). */
int sb_regex_atoms(const sb_regex *const *res, size_t n, const sb_atoms_opts *o,
                   void (*emit)(void *ctx, const char *s, size_t len), void *ctx);
#endif
