/* decide_index.h - the rules of a policy that can match a path, found
 * through the text every path they match starts with (and, for a pattern,
 * a text every path it matches contains), so that the decider does not
 * test every rule against every request.  Kept apart from the SBPL
 * evaluator's index (sbpl/path_index.c) on purpose: the decider is the side
 * of the cross-check that shares no code with the evaluator. */
#ifndef BUCKLE_DECIDE_INDEX_H
#define BUCKLE_DECIDE_INDEX_H
#include <stddef.h>

typedef struct decide_index decide_index;

/* What a key asks of a path: to be the key (a literal), to be it or lie
 * below it (a subpath), or to start with it (a prefix, a pattern's literal
 * start). */
typedef enum { DX_EXACT, DX_UNDER, DX_START } dx_kind;

decide_index *decide_index_new(void);
void decide_index_free(decide_index *x);
/* Files rule number `rule` under key s[0, len) (not copied: it must outlive
 * the index). */
void decide_index_key(decide_index *x, const char *s, size_t len, dx_kind kind, size_t rule);
/* The same for a pattern: a path that starts with the key is a candidate
 * only when it also contains need[0, nlen) (nlen 0: no such text; not
 * copied either). */
void decide_index_key_need(decide_index *x, const char *s, size_t len, const char *need, size_t nlen, size_t rule);
/* Rule number `rule` is a candidate for every path (that contains need,
 * when nlen > 0).  Rules that are neither filed nor added here are
 * candidates for none. */
void decide_index_always(decide_index *x, size_t rule);
void decide_index_always_need(decide_index *x, const char *need, size_t nlen, size_t rule);
/* The candidates for the path q[0, len): ascending, distinct, valid until
 * the next call.  Every rule whose key (and text) the path meets is among
 * them. */
size_t decide_index_paths(decide_index *x, const char *q, size_t len, const size_t **out);
#endif
