/* ops.h - the Seatbelt operation hierarchy (docs/sbpl.md).
 * Families nest by name: file-write-data -> file-write* -> file* -> default.
 * "Concrete" operations are the leaves present in the newest snapshot (14.4),
 * plus the few family names that the kernel also checks directly. */
#ifndef BUCKLE_OPS_H
#define BUCKLE_OPS_H
#include <stddef.h>
#include <stdint.h>
#include "../support/suggest.h"

typedef struct op_row { const char *name; unsigned mask; } op_row;
extern const op_row op_rows[];
extern const size_t op_rows_count;

#define OPS_MAX 256
#define SNAP_14_4 (1u << 5)

typedef struct opset { uint64_t w[OPS_MAX / 64]; } opset;

static inline void opset_add(opset *s, int i) { s->w[i >> 6] |= 1ull << (i & 63); }
static inline int  opset_has(const opset *s, int i) { return (int)((s->w[i >> 6] >> (i & 63)) & 1); }
/* How many operations the set holds. */
int  opset_count(const opset *s);
int  opset_empty(const opset *s);
int  opset_eq(const opset *a, const opset *b);
static inline int opset_subset(const opset *a, const opset *b)   /* a ⊆ b */
{
    uint64_t x = 0;
    for (int i = 0; i < OPS_MAX / 64; i++) x |= a->w[i] & ~b->w[i];
    return x == 0;
}
static inline int opset_intersects(const opset *a, const opset *b)
{
    uint64_t x = 0;
    for (int i = 0; i < OPS_MAX / 64; i++) x |= a->w[i] & b->w[i];
    return x != 0;
}

typedef struct op_info {
    const char *name;
    unsigned mask;          /* snapshots listing it */
    int parent;             /* -1 for default */
    int wildcard;           /* name ends in '*' */
    int self_checked;       /* a family name the kernel also checks itself */
    int concrete;           /* decides requests on its own */
    const char *emit_name;  /* name written to SBPL */
    opset covers;           /* concrete operations it applies to */
} op_info;

int  ops_count(void);
const op_info *op_get(int id);
/* Looks up a name, following the prelude's aliases.  Returns -1 when unknown;
 * *noop is set when the name is accepted but does nothing (no-op alias). */
int  op_lookup(const char *name, int *noop);
int  op_default(void);
/* Closest known operation name for did-you-mean, or NULL. */
const char *op_suggest(const char *name);
#endif
