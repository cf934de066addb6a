/* protect.c - the rules that keep what the next run depends on out of reach
 * of the sandboxed process (docs/runner.md, "What is protected"): the
 * directories buckle keeps its files in (subpath: no write of any kind), and
 * everything the walk of path_walk.c collected (the paths the compilation
 * used: whole files and missing candidates denied every write, directories
 * on the way denied removal, renaming, mounting and changes of mode, owner,
 * flags and ACL).  They are appended after everything else and name each
 * concrete operation, so they are the last filtered match at the most
 * specific level: they decide under every precedence model of Seatbelt,
 * whatever the profile allows (even (allow default)). */
#include "runner.h"
#include "../backend/emit.h"
#include <string.h>

/* what a directory on the way to a protected path must keep */
static const char *const frame_ops[] = {
    "file-write-unlink", "fs-rename", "file-write-create", "file-write-mode", "file-write-owner",
    "file-write-flags", "file-write-setugid", "file-write-acl", "file-mount", "file-mount-update",
    "file-unmount",
};

/* the write-like operations that file-write* does not cover */
static const char *const extra_ops[] = {
    "file-link", "file-clone", "file-mknod", "file-mount", "file-mount-update", "file-unmount", "fs-rename",
};

const char *const runner_nolink_ops[3] = { "file-write-create", "fs-rename", "file-link" };

/* "(deny OP OP ..." for every concrete write operation */
static void deny_writes(strbuf *out)
{
    sb_puts(out, "(deny");
    int n = ops_count();
    int wd = op_lookup("file-write*", NULL);
    for (int i = 0; i < n; i++) {
        const op_info *o = op_get(i);
        if (!o->concrete || !(o->mask & SNAP_14_4) || !opset_has(&op_get(wd)->covers, i)) continue;
        sb_putc(out, ' ');
        sb_puts(out, o->emit_name);
    }
    for (size_t i = 0; i < sizeof extra_ops / sizeof extra_ops[0]; i++) { sb_putc(out, ' '); sb_puts(out, extra_ops[i]); }
}

int runner_write_op(int op)
{
    const op_info *o = op_get(op);
    if (!o->concrete) return 0;
    if (opset_has(&op_get(op_lookup("file-write*", NULL))->covers, op)) return 1;
    for (size_t i = 0; i < sizeof extra_ops / sizeof extra_ops[0]; i++)
        if (!strcmp(o->name, extra_ops[i])) return 1;
    return 0;
}

int runner_frame_op(int op)
{
    const op_info *o = op_get(op);
    for (size_t i = 0; i < sizeof frame_ops / sizeof frame_ops[0]; i++)
        if (!strcmp(o->name, frame_ops[i])) return 1;
    return 0;
}

void runner_protection(strbuf *out, const char *const *dirs, size_t ndirs, const protect_list *pl)
{
    if (ndirs) {
        sb_puts(out, "\n;; buckle run: nothing in the sandbox may write where buckle keeps the\n");
        sb_puts(out, ";; next command's profile and its run cache\n");
        deny_writes(out);
        for (size_t i = 0; i < ndirs; i++) {
            sb_puts(out, " (subpath ");
            sbpl_string(out, dirs[i], strlen(dirs[i]));
            sb_putc(out, ')');
        }
        sb_puts(out, ")\n");
    }
    if (pl->nwhole) {
        sb_puts(out, ";; nor change what the next compilation reads or looks for: the profile,\n");
        sb_puts(out, ";; its bases and imports, the candidates searched before them, the links\n");
        sb_puts(out, ";; on their paths\n");
        deny_writes(out);
        sb_add(out, pl->whole.data, pl->whole.len);
        sb_puts(out, ")\n");
    }
    if (pl->nnolink) {
        sb_puts(out, ";; nor make a parameter's path, or a directory on its way, that does not\n");
        sb_puts(out, ";; exist yet a symbolic link, or move or link anything there\n");
        /* one rule of each kind names every such path, as literal and in
         * every case */
        strbuf names;
        sb_init(&names);
        for (size_t i = 0; i < pl->nnolink; i++) {
            const char *p = pl->nolink_paths[i];
            sb_puts(&names, " (literal ");
            sbpl_string(&names, p, strlen(p));
            sb_puts(&names, ") ");
            protect_fold_regex(&names, p);
        }
        sb_puts(out, "(deny file-write-create (require-all (require-any");
        sb_add(out, names.data, names.len);
        sb_puts(out, ") (vnode-type SYMLINK)))\n");
        sb_puts(out, "(deny fs-rename file-link");
        sb_add(out, names.data, names.len);
        sb_puts(out, ")\n");
        sb_free(&names);
    }
    if (pl->nframe) {
        sb_puts(out, ";; nor remove, move, mount over or re-permission a directory on their way\n");
        sb_puts(out, "(deny");
        for (size_t i = 0; i < sizeof frame_ops / sizeof frame_ops[0]; i++) { sb_putc(out, ' '); sb_puts(out, frame_ops[i]); }
        sb_add(out, pl->frame.data, pl->frame.len);
        sb_puts(out, ")\n");
    }
}
