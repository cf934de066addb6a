/* ops_db.h - the operation table in the form tools/gen_ops.c computes at
 * build time from the facts (ops_table.c, ops_facts.c), so that nothing is
 * built, and no memory written, when a process starts: every lookup reads
 * constant data. */
#ifndef BUCKLE_OPS_DB_H
#define BUCKLE_OPS_DB_H
#include "ops.h"

#define OPS_SLOTS 1024      /* open-addressing index by operation name */
#define ALIAS_SLOTS 128     /* the same for aliases and no-op names */

/* An alias or a no-op name (docs/sbpl.md). */
typedef struct ops_alias { const char *name; int target; int noop; } ops_alias;

typedef struct ops_db {
    const op_info *ops;
    int n;
    int def;                    /* the id of "default" */
    const short *slot;          /* OPS_SLOTS: 1 + op id, 0 empty */
    const ops_alias *aliases;
    const short *alias_slot;    /* ALIAS_SLOTS: 1 + alias index, 0 empty */
} ops_db;

extern const ops_db ops_db_table;

/* The name hash both the generator and the lookups use (FNV-1a). */
static inline unsigned ops_name_hash(const char *s)
{
    unsigned h = 2166136261u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}
#endif
