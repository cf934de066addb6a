/* ops.c - lookups in the operation hierarchy, operation sets, did-you-mean. */
#include "ops_db.h"
#include <stdlib.h>
#include <string.h>

/* The table itself is computed at build time (tools/gen_ops.c, ops_db.h). */
#define DB ops_db_table

int opset_empty(const opset *s)
{
    for (size_t i = 0; i < OPS_MAX / 64; i++) if (s->w[i]) return 0;
    return 1;
}
int opset_eq(const opset *a, const opset *b) { return memcmp(a, b, sizeof *a) == 0; }
int opset_count(const opset *s)
{
    int n = 0;
    for (size_t i = 0; i < OPS_MAX / 64; i++) n += __builtin_popcountll(s->w[i]);
    return n;
}

static int find_raw(const char *name)
{
    for (unsigned i = ops_name_hash(name) % OPS_SLOTS;; i = (i + 1) % OPS_SLOTS) {
        int v = DB.slot[i];
        if (!v) return -1;
        if (strcmp(DB.ops[v - 1].name, name) == 0) return v - 1;
    }
}

int ops_count(void) { return DB.n; }
const op_info *op_get(int id) { return &DB.ops[id]; }
int op_default(void) { return DB.def; }

int op_lookup(const char *name, int *noop)
{
    if (noop) *noop = 0;
    for (unsigned i = ops_name_hash(name) % ALIAS_SLOTS;; i = (i + 1) % ALIAS_SLOTS) {
        int v = DB.alias_slot[i];
        if (!v) break;
        const ops_alias *al = &DB.aliases[v - 1];
        if (strcmp(al->name, name) != 0) continue;
        if (al->noop && noop) *noop = 1;
        return al->target;
    }
    return find_raw(name);
}

const char *op_suggest(const char *name)
{
    const char *best = NULL;
    int bd = 4;
    for (int i = 0; i < DB.n; i++) {
        int d = edit_distance(name, DB.ops[i].name, bd);
        if (d < bd) { bd = d; best = DB.ops[i].name; }
    }
    return best;
}
