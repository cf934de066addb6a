/* ops_facts.h - what the operation table is built from besides the snapshot
 * rows (ops_table.c); tools/gen_ops.c reads both at build time. */
#ifndef BUCKLE_OPS_FACTS_H
#define BUCKLE_OPS_FACTS_H
#include <stddef.h>

typedef struct op_alias_fact { const char *alias, *target; } op_alias_fact;
typedef struct op_emit_fact { const char *op, *emit; } op_emit_fact;

extern const op_alias_fact op_alias_facts[];
extern const size_t op_alias_facts_count;
extern const char *const op_noop_facts[];
extern const size_t op_noop_facts_count;
extern const char *const op_self_checked_facts[];
extern const size_t op_self_checked_facts_count;
extern const op_emit_fact op_emit_facts[];
extern const size_t op_emit_facts_count;
#endif
