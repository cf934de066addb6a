/* test_reference.c - the verb table of docs/reference.md is the compiler's:
 * every row names a verb of its section, the SBPL operation it means, the
 * concrete operations that operation covers and the matcher kinds it takes,
 * and every verb of the table has its row. */
#include "unit.h"
#include "../../compiler/verbs.h"
#include <stdlib.h>

/* Copies the text between the n-th pair of '|' of a row (0-based), without
 * surrounding blanks and backquotes. */
static int cell(const char *row, int n, char *out, size_t cap)
{
    const char *p = row;
    for (int i = 0; i <= n; i++) {
        p = strchr(p, '|');
        if (!p) return 0;
        p++;
    }
    const char *e = strchr(p, '|');
    if (!e) return 0;
    while (p < e && (*p == ' ' || *p == '`')) p++;
    while (e > p && (e[-1] == ' ' || e[-1] == '`')) e--;
    size_t len = (size_t)(e - p);
    if (len >= cap) return 0;
    memcpy(out, p, len);
    out[len] = 0;
    return 1;
}

static int section_of(const char *name)
{
    for (int s = 0; s < SEC_COUNT; s++) if (strcmp(section_name((section_t)s), name) == 0) return s;
    return -1;
}

/* "a, b, c": the concrete operations covered by op, in table order */
static void covered(int op, char *out, size_t cap)
{
    out[0] = 0;
    for (int k = 0; k < ops_count(); k++) {
        if (!opset_has(&op_get(op)->covers, k) || !op_get(k)->concrete) continue;
        if (out[0]) strncat(out, ", ", cap - strlen(out) - 1);
        strncat(out, op_get(k)->name, cap - strlen(out) - 1);
    }
}

void test_reference(void)
{
    unit_case("reference: docs/reference.md's verb table is the compiler's");
    FILE *f = fopen("docs/reference.md", "r");
    CHECK(f != NULL, "cannot open docs/reference.md (run from the top of the tree)");
    if (!f) return;
    char line[4096];
    int in = 0, rows = 0;
    size_t nverbs = 0;
    while (verb_at(nverbs)) nverbs++;
    char *seen = xcalloc(nverbs + 1, 1);
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "<!-- verb-table", 15) == 0) { in = 1; continue; }
        if (strncmp(line, "<!-- /verb-table", 16) == 0) { in = 0; continue; }
        if (!in || strncmp(line, "| `", 3) != 0) continue;
        char sec[64], verb[64], op[128], ops[2048], kinds[128], want[2048];
        int ok = cell(line, 0, sec, sizeof sec) && cell(line, 1, verb, sizeof verb) &&
                 cell(line, 2, op, sizeof op) && cell(line, 3, ops, sizeof ops) && cell(line, 4, kinds, sizeof kinds);
        CHECK(ok, "malformed row: %s", line);
        if (!ok) continue;
        rows++;
        int s = section_of(sec);
        CHECK(s >= 0, "%s: no such section", sec);
        if (s < 0) continue;
        verb_info v;
        int known = verb_resolve((section_t)s, verb, &v);
        CHECK(known, "%s %s: the compiler knows no such verb", sec, verb);
        if (!known) continue;
        for (size_t i = 0; i < nverbs; i++)
            if (verb_at(i)->section == s && strcmp(verb_at(i)->verb, verb) == 0) seen[i] = 1;
        CHECK(strcmp(v.op, op) == 0, "%s %s: the doc says %s, the compiler %s", sec, verb, op, v.op);
        int noop, id = op_lookup(v.op, &noop);
        CHECK(id >= 0, "%s %s: operation %s not in the table", sec, verb, v.op);
        if (id < 0) continue;
        covered(id, want, sizeof want);
        CHECK(strcmp(want, ops) == 0, "%s %s: the doc lists %s, the table %s", sec, verb, ops, want);
        char kd[128];
        snprintf(kd, sizeof kd, "%s", kinds_describe(v.kinds));
        CHECK(strcmp(kd, kinds) == 0, "%s %s: the doc says kinds '%s', the compiler '%s'", sec, verb, kinds, kd);
    }
    fclose(f);
    for (size_t i = 0; i < nverbs; i++)
        CHECK(seen[i], "%s %s has no row in docs/reference.md", section_name(verb_at(i)->section), verb_at(i)->verb);
    CHECK(rows == (int)nverbs, "%d rows for %zu verbs", rows, nverbs);
    free(seen);
}
