/* rule_set.c - open addressing with linear probing over rule pointers. */
#include "rule_set.h"
#include "ir.h"
#include "../support/digest.h"
#include "../support/prefetch.h"
#include <stdlib.h>
#include <string.h>

/* the mark of a removed slot: an address no rule has (never written) */
static const struct rule tomb_rule;
#define TOMB ((rule *)&tomb_rule)

uint32_t rs_hash(const rule *r)
{
    uint64_t seed = (uint64_t)r->action | (uint64_t)r->op << 8 | (uint64_t)r->m.kind << 24 |
                    (uint64_t)r->m.ns << 32 | (uint64_t)r->m.outbound << 40 |
                    (uint64_t)(r->m.holder != 0) << 41;
    uint64_t h = digest64(r->m.value ? r->m.value : "", r->m.value ? r->m.len : 0, seed);
    return (uint32_t)(h ^ h >> 32);
}

static int same_rule(const rule *a, const rule *b)
{
    if (a->action != b->action || a->op != b->op || a->m.kind != b->m.kind || a->m.ns != b->m.ns ||
        a->m.outbound != b->m.outbound || a->m.holder != b->m.holder)
        return 0;
    size_t la = a->m.value ? a->m.len : 0, lb = b->m.value ? b->m.len : 0;
    return la == lb && (la == 0 || memcmp(a->m.value, b->m.value, la) == 0);
}

void rs_init(rule_set *s) { memset(s, 0, sizeof *s); }

void rs_free(rule_set *s)
{
    free(s->v);
    free(s->h);
    rs_init(s);
}

/* The slot holding a rule identical to probe, or the empty slot ending its
 * chain (a removed slot is passed over). */
static size_t find(const rule_set *s, const rule *probe, uint32_t h)
{
    size_t mask = s->cap - 1, i = h & mask;
    while (s->v[i]) {
        if (s->v[i] != TOMB && s->h[i] == h && same_rule(s->v[i], probe)) return i;
        i = (i + 1) & mask;
    }
    return i;
}

void rs_reserve(rule_set *s, size_t n)
{
    size_t cap = 16;
    while (cap * 3 <= (n + 1) * 4) cap *= 2;
    if (cap <= s->cap) return;
    rule **ov = s->v;
    uint32_t *oh = s->h;
    size_t ocap = s->cap;
    s->v = xcalloc(cap, sizeof *s->v);
    s->h = xmalloc(cap * sizeof *s->h);
    s->cap = cap;
    s->used = 0;
    for (size_t i = 0; i < ocap; i++) {
        if (!ov[i] || ov[i] == TOMB) continue;
        size_t j = oh[i] & (cap - 1);
        while (s->v[j]) j = (j + 1) & (cap - 1);
        s->v[j] = ov[i];
        s->h[j] = oh[i];
        s->used++;
    }
    free(ov);
    free(oh);
}

rule *rs_get(const rule_set *s, const rule *probe)
{
    if (!s->cap) return NULL;
    return s->v[find(s, probe, rs_hash(probe))];
}

void rs_prefetch(const rule_set *s, uint32_t h)
{
    if (!s->cap) return;
    PREFETCH(&s->h[h & (s->cap - 1)]);
    PREFETCH(&s->v[h & (s->cap - 1)]);
}

rule *rs_put(rule_set *s, rule *r)
{
    return rs_put_hashed(s, r, rs_hash(r));
}

rule *rs_put_hashed(rule_set *s, rule *r, uint32_t h)
{
    if ((s->used + 1) * 4 >= s->cap * 3) rs_reserve(s, s->cap ? s->cap : 8);
    size_t i = find(s, r, h);
    if (s->v[i]) return s->v[i];
    s->v[i] = r;
    s->h[i] = h;
    s->used++;
    return NULL;
}


void rs_del(rule_set *s, const rule *probe)
{
    if (!s->cap) return;
    size_t i = find(s, probe, rs_hash(probe));
    if (s->v[i]) s->v[i] = TOMB;
}
