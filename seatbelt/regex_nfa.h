/* regex_nfa.h - the automaton a compiled regex is (regex.c), for the code
 * beside it that walks it (regex_atoms.c).  Not for use above seatbelt/. */
#ifndef BUCKLE_REGEX_NFA_H
#define BUCKLE_REGEX_NFA_H
#include "regex.h"

enum { N_CHAR, N_ANY, N_CLASS, N_SPLIT, N_JMP, N_BOL, N_EOL, N_MATCH };

typedef struct nstate {
    unsigned char op;
    unsigned char c;
    int cls;                  /* N_CLASS: index into the class table */
    int x, y;                 /* successors (SPLIT: both; others: x) */
} nstate;
typedef struct nclass { unsigned char b[32]; } nclass;   /* byte bitmap */

/* What a compiled regex keeps, in the caller's arena and of exactly its
 * size: 16 bytes a state, a class's bitmap only for classes.  (A lint of a
 * 100k-rule profile compiles a regex for every glob; 48-byte states in
 * arrays that doubled in the arena, with the construction's lists beside
 * them, were 190 MB of its 215 MB.) */
struct sb_regex {
    const nstate *st;
    const nclass *cls;
    int n;
    int start;
    /* Every match starts at the subject's first byte with these bytes
     * (a pattern "^/lit/eral...", literal_prefix): a subject that does not
     * start with them is rejected before the automaton runs.  A glob's regex
     * has one; lint asks most of them about paths they cannot match. */
    const char *prefix;
    size_t prefix_len;
};

/* a set of the automaton's states: v[0..n), mark[k] == gen when k is in it */
typedef struct sb_nfa_set { int *v; int n; unsigned *mark; unsigned gen; } sb_nfa_set;
/* Adds state i and what it reaches without consuming a byte, at position
 * pos of a subject of length len ('^' passes at 0, '$' at len), to s (its
 * consuming states and MATCH); stack has room for 2 * re->n + 2. */
void sb_nfa_add(const sb_regex *re, sb_nfa_set *s, int i, size_t pos, size_t len, int *stack);
/* 1 when state k (consuming) accepts byte ch */
static inline int sb_nfa_accepts(const sb_regex *re, int k, unsigned char ch)
{
    const nstate *st = &re->st[k];
    return (st->op == N_CHAR && st->c == ch) || st->op == N_ANY ||
           (st->op == N_CLASS && (re->cls[st->cls].b[ch >> 3] >> (ch & 7) & 1));
}
#endif
