/* gen_ops.c - computes the operation table at build time: which family each
 * operation belongs to, which concrete operations each name covers, and the
 * indexes by name, from the snapshot rows (seatbelt/ops_table.c) and the
 * aliases and special cases (seatbelt/ops_facts.c).  Prints C source for
 * build/gen/ops_db.c; seatbelt/ops.c only reads the result.
 *   gen-ops HEADER >ops_db.c      (HEADER: the path of seatbelt/ops_db.h) */
#include "../seatbelt/ops_db.h"
#include "../seatbelt/ops_facts.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct table {
    op_info ops[OPS_MAX];
    int n, def;
    short slot[OPS_SLOTS];
    ops_alias aliases[ALIAS_SLOTS];
    int naliases;
    short alias_slot[ALIAS_SLOTS];
} table;

static void fail(const char *what, const char *name)
{
    fprintf(stderr, "gen-ops: %s: %s\n", what, name);
    exit(1);
}

static int find(const table *t, const char *name)
{
    for (unsigned i = ops_name_hash(name) % OPS_SLOTS;; i = (i + 1) % OPS_SLOTS) {
        int v = t->slot[i];
        if (!v) return -1;
        if (strcmp(t->ops[v - 1].name, name) == 0) return v - 1;
    }
}

static int is_alias(const table *t, const char *name)
{
    for (unsigned i = ops_name_hash(name) % ALIAS_SLOTS;; i = (i + 1) % ALIAS_SLOTS) {
        int v = t->alias_slot[i];
        if (!v) return 0;
        if (strcmp(t->aliases[v - 1].name, name) == 0) return 1;
    }
}

/* The family a name belongs to: the longest "prefix-*" that is an operation,
 * else default (which has none). */
static int find_parent(const table *t, const char *name)
{
    size_t n = strlen(name);
    if (n && name[n - 1] == '*') n--;
    char buf[128];
    for (size_t k = n; k > 0; k--) {
        if (name[k - 1] != '-' || k - 1 >= sizeof buf - 2) continue;
        memcpy(buf, name, k - 1);
        buf[k - 1] = '*';
        buf[k] = 0;
        int p = find(t, buf);
        if (p >= 0 && strcmp(buf, name) != 0) return p;
    }
    return strcmp(name, "default") == 0 ? -1 : t->def;
}

static void add_alias(table *t, const char *name, int noop)
{
    if (t->naliases >= ALIAS_SLOTS / 2) fail("too many aliases at", name);
    if (is_alias(t, name)) fail("alias listed twice", name);
    t->aliases[t->naliases++] = (ops_alias){ name, -1, noop };
    unsigned h = ops_name_hash(name) % ALIAS_SLOTS;
    while (t->alias_slot[h]) h = (h + 1) % ALIAS_SLOTS;
    t->alias_slot[h] = (short)t->naliases;
}

static void build(table *t)
{
    for (size_t i = 0; i < op_alias_facts_count; i++) add_alias(t, op_alias_facts[i].alias, 0);
    for (size_t i = 0; i < op_noop_facts_count; i++) add_alias(t, op_noop_facts[i], 1);
    for (size_t i = 0; i < op_rows_count; i++) {
        const char *name = op_rows[i].name;
        if (is_alias(t, name)) continue;
        if (t->n >= OPS_MAX || t->n >= OPS_SLOTS / 2) fail("more operations than OPS_MAX, at", name);
        if (find(t, name) >= 0) fail("operation listed twice", name);
        for (const char *c = name; *c; c++)
            if (*c == '"' || *c == '\\' || (unsigned char)*c < 0x20) fail("unexpected character in", name);
        op_info *o = &t->ops[t->n++];
        memset(o, 0, sizeof *o);
        o->name = name;
        o->mask = op_rows[i].mask;
        o->emit_name = name;
        size_t len = strlen(name);
        o->wildcard = len && name[len - 1] == '*';
        unsigned h = ops_name_hash(name) % OPS_SLOTS;
        while (t->slot[h]) h = (h + 1) % OPS_SLOTS;
        t->slot[h] = (short)t->n;
    }
    t->def = find(t, "default");
    if (t->def < 0) fail("no operation named", "default");
    for (size_t i = 0; i < op_alias_facts_count; i++) {   /* added first, in this order */
        t->aliases[i].target = find(t, op_alias_facts[i].target);
        if (t->aliases[i].target < 0) fail("alias of an unknown operation", op_alias_facts[i].alias);
    }
    for (size_t k = 0; k < op_self_checked_facts_count; k++)
        if (find(t, op_self_checked_facts[k]) < 0) fail("unknown self-checked operation", op_self_checked_facts[k]);
    for (size_t k = 0; k < op_emit_facts_count; k++)
        if (find(t, op_emit_facts[k].op) < 0) fail("unknown operation with an SBPL name", op_emit_facts[k].op);
    for (int i = 0; i < t->n; i++) {
        op_info *o = &t->ops[i];
        o->parent = find_parent(t, o->name);
        for (size_t k = 0; k < op_self_checked_facts_count; k++)
            if (strcmp(op_self_checked_facts[k], o->name) == 0) o->self_checked = 1;
        for (size_t k = 0; k < op_emit_facts_count; k++)
            if (strcmp(op_emit_facts[k].op, o->name) == 0) o->emit_name = op_emit_facts[k].emit;
        /* A concrete operation decides requests itself.  Operations missing
         * from the 14.4 snapshot are concrete only when named directly. */
        o->concrete = i != t->def && (!o->wildcard || o->self_checked);
    }
    for (int i = 0; i < t->n; i++) {
        op_info *o = &t->ops[i];
        if (!o->concrete) continue;
        if (!(o->mask & SNAP_14_4)) { opset_add(&o->covers, i); continue; }
        for (int a = i; a >= 0; a = t->ops[a].parent) opset_add(&t->ops[a].covers, i);
    }
}

static void print_shorts(const short *v, int n)
{
    for (int i = 0; i < n; i++) printf("%s%d,", i % 16 ? " " : "\n   ", v[i]);
    printf("\n");
}

static void print(const table *t, const char *header)
{
    printf("/* ops_db.c - generated by tools/gen_ops.c from seatbelt/ops_table.c and\n"
           " * seatbelt/ops_facts.c: do not edit. */\n#include \"%s\"\n\n", header);
    printf("static const op_info ops[%d] = {\n", t->n);
    for (int i = 0; i < t->n; i++) {
        const op_info *o = &t->ops[i];
        printf("    { \"%s\", 0x%xu, %d, %d, %d, %d, \"%s\", { {", o->name, o->mask, o->parent, o->wildcard,
               o->self_checked, o->concrete, o->emit_name);
        for (int w = 0; w < OPS_MAX / 64; w++) printf("%s 0x%llxull", w ? "," : "", (unsigned long long)o->covers.w[w]);
        printf(" } } },\n");
    }
    printf("};\n\nstatic const short slot[%d] = {", OPS_SLOTS);
    print_shorts(t->slot, OPS_SLOTS);
    printf("};\n\nstatic const ops_alias aliases[%d] = {\n", t->naliases);
    for (int i = 0; i < t->naliases; i++)
        printf("    { \"%s\", %d, %d },\n", t->aliases[i].name, t->aliases[i].target, t->aliases[i].noop);
    printf("};\n\nstatic const short alias_slot[%d] = {", ALIAS_SLOTS);
    print_shorts(t->alias_slot, ALIAS_SLOTS);
    printf("};\n\nconst ops_db ops_db_table = { ops, %d, %d, slot, aliases, alias_slot };\n", t->n, t->def);
}

int main(int argc, char **argv)
{
    if (argc != 2) { fputs("usage: gen-ops HEADER >ops_db.c\n", stderr); return 2; }
    table *t = calloc(1, sizeof *t);
    if (!t) { fputs("gen-ops: out of memory\n", stderr); return 1; }
    build(t);
    print(t, argv[1]);
    free(t);
    if (fflush(stdout) != 0 || ferror(stdout)) { fputs("gen-ops: cannot write the output\n", stderr); return 1; }
    return 0;
}
