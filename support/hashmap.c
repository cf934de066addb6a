/* hashmap.c - open addressing with linear probing, FNV-1a hashing. */
#include "hashmap.h"
#include "arena.h"
#include <string.h>

uint64_t hm_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h ? h : 1;
}

void hm_init(hashmap *m) { m->slots = NULL; m->cap = m->count = 0; }
void hm_free(hashmap *m) { free(m->slots); hm_init(m); }

static hm_slot *find(const hashmap *m, const char *key, size_t klen, uint64_t h)
{
    size_t mask = m->cap - 1, i = (size_t)h & mask;
    for (;;) {
        hm_slot *s = &m->slots[i];
        if (!s->hash) return s;
        if (s->hash == h && s->klen == klen && memcmp(s->key, key, klen) == 0) return s;
        i = (i + 1) & mask;
    }
}


void hm_reserve(hashmap *m, size_t n)
{
    size_t cap = 16;
    while (cap * 3 <= (n + 1) * 4) cap *= 2;
    if (cap <= m->cap) return;
    hm_slot *old = m->slots;
    size_t ocap = m->cap;
    m->slots = xcalloc(cap, sizeof *m->slots);
    m->cap = cap;
    for (size_t i = 0; i < ocap; i++)
        if (old[i].hash) *find(m, old[i].key, old[i].klen, old[i].hash) = old[i];
    free(old);
}

void *hm_get(const hashmap *m, const char *key, size_t klen)
{
    if (!m->cap) return NULL;
    hm_slot *s = find(m, key, klen, hm_hash(key, klen));
    return s->hash ? s->val : NULL;
}

void *hm_put(hashmap *m, const char *key, size_t klen, void *val) { return hm_put_hashed(m, key, klen, hm_hash(key, klen), val); }

void *hm_get_hashed(const hashmap *m, const char *key, size_t klen, uint64_t h)
{
    if (!m->cap) return NULL;
    hm_slot *s = find(m, key, klen, h);
    return s->hash ? s->val : NULL;
}

void *hm_put_hashed(hashmap *m, const char *key, size_t klen, uint64_t h, void *val)
{
    if ((m->count + 1) * 4 >= m->cap * 3) hm_reserve(m, m->cap ? m->cap : 8);
    hm_slot *s = find(m, key, klen, h);
    if (s->hash) return s->val;
    s->hash = h; s->key = key; s->klen = klen; s->val = val;
    m->count++;
    return NULL;
}

void hm_set(hashmap *m, const char *key, size_t klen, void *val)
{
    if ((m->count + 1) * 4 >= m->cap * 3) hm_reserve(m, m->cap ? m->cap : 8);
    uint64_t h = hm_hash(key, klen);
    hm_slot *s = find(m, key, klen, h);
    if (!s->hash) { s->hash = h; s->key = key; s->klen = klen; m->count++; }
    s->val = val;
}
