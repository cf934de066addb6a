/* hashmap.h - open-addressing map from byte strings to pointers.
 * Keys are not copied: they must outlive the map (arena strings do). */
#ifndef BUCKLE_HASHMAP_H
#define BUCKLE_HASHMAP_H
#include <stddef.h>
#include <stdint.h>

typedef struct hm_slot {
    const char *key;
    size_t klen;
    uint64_t hash;
    void *val;
} hm_slot;

typedef struct hashmap {
    hm_slot *slots;
    size_t cap, count;
} hashmap;

uint64_t hm_hash(const char *s, size_t n);
void  hm_init(hashmap *m);
void  hm_free(hashmap *m);
/* Makes room for n entries without growing again. */
void  hm_reserve(hashmap *m, size_t n);
void *hm_get(const hashmap *m, const char *key, size_t klen);
/* Returns the existing value if the key is present (and does not replace it),
 * otherwise inserts val and returns NULL. */
void *hm_put(hashmap *m, const char *key, size_t klen, void *val);
void  hm_set(hashmap *m, const char *key, size_t klen, void *val);
/* hm_get and hm_put with the key's hash given (non-zero), for keys a
 * faster function hashes well (arrays of ints): a map is filled and asked
 * either always through these, with one function, or never. */
void *hm_get_hashed(const hashmap *m, const char *key, size_t klen, uint64_t h);
void *hm_put_hashed(hashmap *m, const char *key, size_t klen, uint64_t h, void *val);
#define hm_gets(m, s) hm_get((m), (s), strlen(s))

#endif
