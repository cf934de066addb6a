/* protect.c - the rules that keep the profile directory out of reach of the
 * sandboxed process (runner.md item 3).  They are appended after everything
 * else and name each concrete operation, so they are the last filtered match
 * at the most specific level: they decide under every precedence model of
 * sbpl-reference §4.2, whatever the profile allows (even (allow default)). */
#include "runner.h"
#include "../compiler/emit.h"
#include <string.h>

void runner_protection(strbuf *out, const char *dir)
{
    sb_puts(out, "\n;; buckle run: nothing in the sandbox may write to the profile directory\n");
    sb_puts(out, ";; or rename one of its ancestors (the next command's profile lives here)\n(deny");
    int n = ops_count();
    int wd = op_lookup("file-write*", NULL);
    static const char *const extra[] = { "file-link", "file-clone", "file-mknod", "file-mount", "file-mount-update",
                                         "file-unmount", "fs-rename" };
    for (int i = 0; i < n; i++) {
        const op_info *o = op_get(i);
        if (!o->concrete || !(o->mask & SNAP_14_4) || !opset_has(&op_get(wd)->covers, i)) continue;
        sb_putc(out, ' ');
        sb_puts(out, o->emit_name);
    }
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++) { sb_putc(out, ' '); sb_puts(out, extra[i]); }
    sb_puts(out, " (subpath ");
    sbpl_string(out, dir, strlen(dir));
    sb_puts(out, "))\n(deny file-write-unlink fs-rename");
    /* every proper ancestor, literally: renaming one would move the directory away */
    size_t len = strlen(dir);
    for (size_t k = len; k > 0; k--) {
        if (dir[k - 1] != '/' || k - 1 == 0) continue;
        sb_puts(out, " (literal ");
        sbpl_string(out, dir, k - 1);
        sb_putc(out, ')');
    }
    sb_puts(out, ")\n");
}
