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
#define hm_gets(m, s) hm_get((m), (s), strlen(s))

/* Incremental FNV-1a: hm_hash(s, n) == hm_hash_fin(hm_hash_step(...)). */
#define HM_HASH_INIT 1469598103934665603ull
static inline uint64_t hm_hash_step(uint64_t h, unsigned char c) { return (h ^ c) * 1099511628211ull; }
static inline uint64_t hm_hash_fin(uint64_t h) { return h ? h : 1; }
void *hm_get_hashed(const hashmap *m, const char *key, size_t klen, uint64_t hash);
#endif
