/* final_ancestors.c - a final path cannot be moved, linked or cloned away
 * (docs/language.md, "Final rules and moving"): Seatbelt checks a rename
 * only on its source and destination and a clone only on its source, so
 * renaming or cloning a directory moves or copies every path below it,
 * whatever rules name those paths.  For every final path deny, final
 * denies of the operations that would take the path elsewhere, on the
 * final rule's own matcher and on each proper ancestor of every path it
 * matches (a pattern's: its fixed part's, and a glob's also those inside
 * its wildcards, of directories and symbolic links only).  They are added
 * before the final check, which then treats them as any final rule (BK2005). */
#include "compile.h"
#include "implied_walk.h"

/* The operations denied, by what the final rule denies: reading (the path
 * renamed, linked or cloned into a readable place; nor it or a directory
 * that holds it made as a symbolic link to a readable place, or a directory
 * renamed into place that holds one: what is written there later would be
 * readable) or writing (a prepared
 * tree renamed in place of an ancestor or of the path itself, or a second
 * name to write through).  An operation on what is at the path that is
 * neither (running it, connecting to the socket, mapping it executable, an
 * ioctl) is kept from it as reading is: the file or socket renamed, linked
 * or cloned elsewhere would be decided by other rules there.  Making a
 * socket (unix-bind) is kept as writing is: one made elsewhere and renamed
 * or linked into place, or under a directory renamed into place, is made
 * there all the same.  A directory cannot be hard-linked, so file-link is
 * on the final path only. */
#define MOVE_OPS 6
#define MOVE_FAMILIES 4
typedef struct move_ops {
    const char *family[MOVE_FAMILIES];   /* the final rule covers some of one */
    const char *self[MOVE_OPS];       /* on the final rule's matcher */
    const char *up[MOVE_OPS];         /* on each proper ancestor */
    const char *held[MOVE_OPS];       /* on both, of directories and symbolic links only */
} move_ops;

/* A mount over the path or over a directory that holds it hides and
 * replaces what the rule denies, and a sandbox extension for the path
 * hands its access to another process (file-write-mount and
 * file-issue-extension-read/-write are other names of these). */
static const move_ops moves[] = {
    { .family = { "file-read*" },
      .self = { "file-write-unlink", "file-link", "file-clone", "file-mount", "file-mount-update", "file-issue-extension" },
      .up = { "file-write-unlink", "file-clone", "file-mount", "file-mount-update" },
      .held = { "file-write-create" } },
    { .family = { "file-write*" },
      .self = { "file-write-unlink", "file-write-create", "file-link", "file-mount", "file-mount-update", "file-issue-extension" },
      .up = { "file-write-unlink", "file-write-create", "file-mount", "file-mount-update" } },
    { .family = { "process-exec*", "network-outbound", "file-map-executable", "file-ioctl" },
      .self = { "file-write-unlink", "file-link", "file-clone" },
      .up = { "file-write-unlink", "file-clone" },
      .held = { "file-write-create" } },
    { .family = { "network-bind" },
      .self = { "file-write-unlink", "file-write-create", "file-link" },
      .up = { "file-write-unlink", "file-write-create" } },
};

/* Does the final rule f deny some operation of the row's families? */
static int covers_family(const rule *f, const move_ops *mo)
{
    for (size_t j = 0; j < MOVE_FAMILIES && mo->family[j]; j++)
        if (opset_intersects(f->covers, &op_get(op_lookup(mo->family[j], NULL))->covers)) return 1;
    return 0;
}

int final_self_denies(const rule *f, int op)
{
    if (!f->final || f->action != ACT_DENY || mk_family(f->m.kind) != FAM_PATH || f->m.kind == MK_ANCESTORS) return 0;
    if (opset_has(f->covers, op)) return 1;
    int r = 0;
    for (size_t k = 0; k < sizeof moves / sizeof *moves; k++) {
        if (!covers_family(f, &moves[k])) continue;
        for (size_t j = 0; j < MOVE_OPS && moves[k].self[j]; j++)
            if (op_lookup(moves[k].self[j], NULL) == op) return 1;
        for (size_t j = 0; j < MOVE_OPS && moves[k].held[j]; j++)
            if (op_lookup(moves[k].held[j], NULL) == op) r = 2;
    }
    return r;
}

int final_deny_covers(compilation *c, const rule *probe)
{
    rule p = *probe;
    for (int op = 0; op < ops_count(); op++) {
        if (!opset_has(&op_get(op)->covers, probe->op)) continue;
        p.op = op;
        const rule *old = rs_get(&c->pol.rule_index, &p);
        if (old && old->final && old->action == probe->action) return 1;
    }
    return 0;
}

/* "deny final OP" with the final rule f's own matcher. */
static void add_self(implied_ctx *ic, const rule *f)
{
    rule probe = implied_probe(ACT_DENY, ic->op, &f->m);
    probe.m.holder = ic->holder;
    if (rs_get(&ic->mine, &probe) || final_deny_covers(ic->c, &probe)) return;
    implied_rule_add(ic, &probe, f, IMPL_MOVE_SELF);
}

void add_final_moves(compilation *c)
{
    /* Landlock keeps its grants on the files themselves and moves across
     * directories only with REFER (docs/linux.md): nothing to add there */
    if (compile_platform(c) != PLAT_MACOS) return;
    implied_ctx ic = { .c = c, .action = ACT_DENY, .final = 1 };
    size_t n = c->pol.rules.n;
    for (size_t i = 0; i < n; i++) {
        const rule *f = c->pol.rules.v[i];
        if (!f->final || f->action != ACT_DENY || f->implied || f->dup_of) continue;
        if (mk_family(f->m.kind) != FAM_PATH || f->m.kind == MK_ANCESTORS) continue;
        for (size_t k = 0; k < sizeof moves / sizeof *moves; k++) {
            if (!covers_family(f, &moves[k])) continue;
            for (size_t j = 0; j < MOVE_OPS && moves[k].self[j]; j++) {
                ic.op = op_lookup(moves[k].self[j], NULL);
                add_self(&ic, f);
            }
            ic.holder = 1;
            for (size_t j = 0; j < MOVE_OPS && moves[k].held[j]; j++) {
                ic.op = op_lookup(moves[k].held[j], NULL);
                add_self(&ic, f);
            }
            /* the fixed part's ancestors, then those inside a pattern's
             * wildcards (every directory its prefix matches: a file there
             * holds no path, so only directories and symbolic links) */
            for (int inner = 0; inner < 2; inner++) {
                if (inner && f->m.kind != MK_GLOB && f->m.kind != MK_REGEX) break;
                ic.inner = inner;
                for (int held = 0; held < 2; held++) {
                    const char *const *ops = held ? moves[k].held : moves[k].up;
                    ic.holder = held || inner;
                    for (size_t j = 0; j < MOVE_OPS && ops[j]; j++) {
                        ic.op = op_lookup(ops[j], NULL);
                        implied_walk_rule(&ic, f);
                    }
                }
            }
            ic.inner = ic.holder = 0;
        }
    }
    rs_free(&ic.mine);
}
