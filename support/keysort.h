/* keysort.h - sorting records by (a 64-bit class, a byte string, an id)
 * without a comparison callback or a scratch copy of the array.
 *
 * Order: w ascending, then the key bytes as memcmp orders them (a key
 * that is a prefix of another sorts first), then id ascending.  The keys
 * are compared seven bytes at a time from a word cached in the record, so
 * a long prefix shared by many keys costs one read of each key per seven
 * bytes rather than one per comparison.  O(n log n) comparisons of
 * integers in the worst case (quicksort falling back to heapsort). */
#ifndef BUCKLE_KEYSORT_H
#define BUCKLE_KEYSORT_H
#include <stddef.h>
#include <stdint.h>

typedef struct keysort_item {
    uint64_t w;            /* set by the caller to the class; overwritten */
    const char *key;       /* may be NULL when len is 0 */
    uint32_t len;
    uint32_t id;           /* ties between equal keys */
    void *p;               /* the caller's record */
} keysort_item;

void keysort(keysort_item *v, size_t n);
#endif
