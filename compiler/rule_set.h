/* rule_set.h - the merged rules by identity (action, operation, matcher):
 * merge finds a rule written again or removed, implied rules and lint find
 * an existing rule.  Holds pointers only: no key is built or stored. */
#ifndef BUCKLE_RULE_SET_H
#define BUCKLE_RULE_SET_H
#include <stddef.h>
#include <stdint.h>

struct rule;

typedef struct rule_set {
    struct rule **v;      /* NULL: empty; rs_tomb: removed */
    uint32_t *h;
    size_t cap, used;     /* used counts removed slots too */
} rule_set;

void rs_init(rule_set *s);
void rs_free(rule_set *s);
void rs_reserve(rule_set *s, size_t n);
/* The rule identical to probe (same action, operation and matcher), or NULL. */
struct rule *rs_get(const rule_set *s, const struct rule *probe);
/* The rule identical to r if there is one; otherwise adds r, returns NULL. */
struct rule *rs_put(rule_set *s, struct rule *r);
/* For loops adding many rules: a rule's hash, a hint to start loading its
 * slot a few rules ahead, and rs_put with the hash already computed. */
uint32_t rs_hash(const struct rule *r);
void rs_prefetch(const rule_set *s, uint32_t h);
struct rule *rs_put_hashed(rule_set *s, struct rule *r, uint32_t h);
/* Removes the rule identical to probe, if any. */
void rs_del(rule_set *s, const struct rule *probe);
#endif
