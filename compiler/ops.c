/* ops.c - building the operation hierarchy from the snapshot table. */
#include "ops.h"
#include <stdlib.h>
#include <string.h>

/* Prelude aliases (sbpl-reference §2): old or alternative name -> operation. */
static const struct { const char *alias, *target; } aliases[] = {
    { "process-exec", "process-exec*" },
    { "ipc-posix-sem", "ipc-posix-sem*" },
    { "ipc-posix-shm", "ipc-posix-shm*" },
    { "ipc-posix-shm-read*", "ipc-posix-shm-read-data" },
    { "file-unlink", "file-write-unlink" },
    { "file-write-mount", "file-mount" },
    { "file-write-unmount", "file-unmount" },
    { "file-write-umount", "file-unmount" },
    { "file-fsctl", "system-fsctl" },
    { "system-misc", "system*" },
    { "time-set", "system-set-time" },
    { "managed-preference*", "managed-preference-read" },
    { "file-issue-extension*", "file-issue-extension" },
    { "file-issue-extension-read", "file-issue-extension" },
    { "file-issue-extension-write", "file-issue-extension" },
    { "iokit-open", "iokit-open*" },
};
/* Accepted, but a no-op since 10.15 (sbpl-reference §2). */
static const char *const noops[] = {
    "mach-per-user-lookup", "system-chud", "ipc-posix-shm-read-metadata", "qtn-download",
};
/* Family names that are also checked as operations of their own: exec of a
 * binary is checked as process-exec* (the old leaf name process-exec is an
 * alias of it). */
static const char *const self_checked[] = { "process-exec*" };
/* Names written differently to SBPL so that one profile loads on every macOS
 * in the table: iokit-open* exists only from 14.x, iokit-open everywhere. */
static const struct { const char *op, *emit; } emit_names[] = {
    { "iokit-open*", "iokit-open" },
};

typedef struct ops_db {
    op_info ops[OPS_MAX];
    int n;
    int def;
    short slot[1024];      /* open-addressing index by name: 1 + op id */
    short alias_slot[128]; /* by name: 1 + alias index, or -(1 + no-op index) */
} ops_db;

static ops_db db;          /* immutable after first use */
static int db_ready;

int opset_empty(const opset *s)
{
    for (size_t i = 0; i < OPS_MAX / 64; i++) if (s->w[i]) return 0;
    return 1;
}
int opset_eq(const opset *a, const opset *b) { return memcmp(a, b, sizeof *a) == 0; }
void opset_and(opset *r, const opset *a, const opset *b)
{
    for (size_t i = 0; i < OPS_MAX / 64; i++) r->w[i] = a->w[i] & b->w[i];
}
int opset_count(const opset *s)
{
    int n = 0;
    for (size_t i = 0; i < OPS_MAX / 64; i++) n += __builtin_popcountll(s->w[i]);
    return n;
}

static unsigned name_hash(const char *s)
{
    unsigned h = 2166136261u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* 1 + alias index, -(1 + no-op index), or 0 when name is neither. */
static int alias_of(const char *name)
{
    for (unsigned i = name_hash(name) & 127;; i = (i + 1) & 127) {
        int v = db.alias_slot[i];
        if (!v) return 0;
        if (strcmp(v > 0 ? aliases[v - 1].alias : noops[-v - 1], name) == 0) return v;
    }
}

static int find_raw(const char *name)
{
    for (unsigned i = name_hash(name) & 1023;; i = (i + 1) & 1023) {
        int v = db.slot[i];
        if (!v) return -1;
        if (strcmp(db.ops[v - 1].name, name) == 0) return v - 1;
    }
}

static int find_parent(const char *name)
{
    size_t n = strlen(name);
    if (n && name[n - 1] == '*') n--;
    char buf[128];
    for (size_t k = n; k > 0; k--) {
        if (name[k - 1] != '-' || k - 1 >= sizeof buf - 2) continue;
        memcpy(buf, name, k - 1);
        buf[k - 1] = '*';
        buf[k] = 0;
        int p = find_raw(buf);
        if (p >= 0 && strcmp(buf, name) != 0) return p;
    }
    return strcmp(name, "default") == 0 ? -1 : db.def;
}

static void build(void)
{
    if (db_ready) return;
    db.n = 0;
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0] + sizeof noops / sizeof noops[0]; i++) {
        size_t na = sizeof aliases / sizeof aliases[0];
        const char *name = i < na ? aliases[i].alias : noops[i - na];
        unsigned h = name_hash(name) & 127;
        while (db.alias_slot[h]) h = (h + 1) & 127;
        db.alias_slot[h] = i < na ? (short)(i + 1) : (short)-(short)(i - na + 1);
    }
    for (size_t i = 0; i < op_rows_count && db.n < OPS_MAX; i++) {
        if (alias_of(op_rows[i].name)) continue;
        op_info *o = &db.ops[db.n++];
        memset(o, 0, sizeof *o);
        o->name = op_rows[i].name;
        o->mask = op_rows[i].mask;
        o->emit_name = o->name;
        size_t len = strlen(o->name);
        o->wildcard = len && o->name[len - 1] == '*';
    }
    /* the index by name first: find_parent looks up every operation's
     * possible parents (a linear search here was two thirds of the
     * instructions of a whole small compile) */
    for (int i = 0; i < db.n; i++) {
        unsigned h = name_hash(db.ops[i].name) & 1023;
        while (db.slot[h]) h = (h + 1) & 1023;
        db.slot[h] = (short)(i + 1);
    }
    db.def = find_raw("default");
    for (int i = 0; i < db.n; i++) {
        op_info *o = &db.ops[i];
        o->parent = find_parent(o->name);
        for (size_t k = 0; k < sizeof self_checked / sizeof self_checked[0]; k++)
            if (strcmp(self_checked[k], o->name) == 0) o->self_checked = 1;
        for (size_t k = 0; k < sizeof emit_names / sizeof emit_names[0]; k++)
            if (strcmp(emit_names[k].op, o->name) == 0) o->emit_name = emit_names[k].emit;
        /* A concrete operation decides requests itself.  Operations missing
         * from the 14.4 snapshot are concrete only when named directly. */
        o->concrete = i != db.def && (!o->wildcard || o->self_checked);
    }
    for (int i = 0; i < db.n; i++) {
        op_info *o = &db.ops[i];
        if (!o->concrete) continue;
        if (!(o->mask & SNAP_14_4)) { opset_add(&o->covers, i); continue; }
        for (int a = i; a >= 0; a = db.ops[a].parent) opset_add(&db.ops[a].covers, i);
    }
    db_ready = 1;
}

int ops_count(void) { if (!db_ready) build(); return db.n; }
const op_info *op_get(int id) { if (!db_ready) build(); return &db.ops[id]; }
int op_default(void) { if (!db_ready) build(); return db.def; }

int op_lookup(const char *name, int *noop)
{
    if (!db_ready) build();
    if (noop) *noop = 0;
    int v = alias_of(name);
    if (v > 0) return find_raw(aliases[v - 1].target);
    if (v < 0) { if (noop) *noop = 1; return -1; }
    return find_raw(name);
}

int edit_distance(const char *a, const char *b, int max)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64) return max + 1;
    int prev[65], cur[65];
    for (size_t j = 0; j <= lb; j++) prev[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = (int)i;
        int best = cur[0];
        for (size_t j = 1; j <= lb; j++) {
            int c = prev[j - 1] + (a[i - 1] != b[j - 1]);
            if (prev[j] + 1 < c) c = prev[j] + 1;
            if (cur[j - 1] + 1 < c) c = cur[j - 1] + 1;
            cur[j] = c;
            if (c < best) best = c;
        }
        if (best > max) return max + 1;
        memcpy(prev, cur, sizeof(int) * (lb + 1));
    }
    return prev[lb];
}

const char *op_suggest(const char *name)
{
    build();
    const char *best = NULL;
    int bd = 4;
    for (int i = 0; i < db.n; i++) {
        int d = edit_distance(name, db.ops[i].name, bd);
        if (d < bd) { bd = d; best = db.ops[i].name; }
    }
    return best;
}
