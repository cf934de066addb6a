/* test_ops.c - the operation table computed at build time (tools/gen_ops.c):
 * lookups, aliases, no-ops, the family tree and what each name covers. */
#include "unit.h"
#include "../../seatbelt/ops.h"

void test_ops(void)
{
    unit_case("ops: every operation is found by its own name; unknown names are not");
    {
        int all = 1;
        for (int i = 0; i < ops_count(); i++) {
            int noop = 1;
            if (op_lookup(op_get(i)->name, &noop) != i || noop) { all = 0; printf("  %s\n", op_get(i)->name); }
        }
        CHECK(all, "op_lookup(op_get(i)->name) == i for all %d", ops_count());
        CHECK(ops_count() > 150 && ops_count() <= OPS_MAX, "%d operations", ops_count());
        int noop = 1;
        CHECK(op_lookup("file-read-dat", &noop) == -1 && noop == 0, "an unknown name is -1, not a no-op");
        CHECK(op_suggest("file-raed-data") && strcmp(op_suggest("file-raed-data"), "file-read-data") == 0, "did you mean");
    }

    unit_case("ops: aliases and no-ops of the prelude");
    {
        int noop = 1;
        int exec = op_lookup("process-exec", &noop);
        CHECK(exec >= 0 && strcmp(op_get(exec)->name, "process-exec*") == 0 && !noop, "process-exec -> process-exec*");
        int un = op_lookup("file-unlink", &noop);
        CHECK(un >= 0 && strcmp(op_get(un)->name, "file-write-unlink") == 0 && !noop, "file-unlink -> file-write-unlink");
        noop = 0;
        CHECK(op_lookup("mach-per-user-lookup", &noop) == -1 && noop == 1, "mach-per-user-lookup is a no-op");
        CHECK(op_lookup("qtn-download", NULL) == -1, "a no-op without the flag");
        CHECK(op_get(exec)->self_checked && op_get(exec)->concrete, "process-exec* is checked itself");
        int io = op_lookup("iokit-open*", NULL);
        CHECK(io >= 0 && strcmp(op_get(io)->emit_name, "iokit-open") == 0, "iokit-open* is written iokit-open");
    }

    unit_case("ops: families nest by name and cover their concrete members");
    {
        int rd = op_lookup("file-read-data", NULL), fr = op_lookup("file-read*", NULL), f = op_lookup("file*", NULL);
        CHECK(rd >= 0 && op_get(rd)->parent == fr && op_get(fr)->parent == f && op_get(f)->parent == op_default(),
              "file-read-data -> file-read* -> file* -> default");
        CHECK(op_get(op_default())->parent == -1 && !op_get(op_default())->concrete, "default is the root");
        int tree = 1, self = 1;
        for (int i = 0; i < ops_count(); i++) {
            const op_info *o = op_get(i);
            /* an operation missing from 14.4 is concrete only when named
             * directly: no family covers it */
            int in14 = (o->mask & SNAP_14_4) != 0;
            if (o->parent >= 0 && in14 && !opset_subset(&o->covers, &op_get(o->parent)->covers)) tree = 0;
            if (o->concrete && !in14 && opset_has(&op_get(op_default())->covers, i)) tree = 0;
            if (o->concrete != opset_has(&o->covers, i)) self = 0;
            if (o->concrete && (o->mask & SNAP_14_4) && !opset_has(&op_get(op_default())->covers, i)) tree = 0;
        }
        CHECK(tree, "a family covers what its 14.4 members cover; default covers exactly the concrete 14.4 operations");
        CHECK(self, "an operation covers itself exactly when it is concrete");
        CHECK(opset_has(&op_get(fr)->covers, rd) && !opset_has(&op_get(fr)->covers, op_lookup("file-write-data", NULL)),
              "file-read* covers file-read-data, not file-write-data");
    }
}
