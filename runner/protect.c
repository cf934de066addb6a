/* protect.c - the rules that keep what the next run depends on out of reach
 * of the sandboxed process (docs/runner.md, step 4): the profile directory, and the
 * profile's own source files (a sandboxed command that rewrote them would
 * choose its next sandbox).  They are appended after everything else and name
 * each concrete operation, so they are the last filtered match at the most
 * specific level: they decide under every precedence model of docs/sbpl.md,
 * whatever the profile allows (even (allow default)). */
#include "runner.h"
#include "../compiler/emit.h"
#include <string.h>

/* "(deny OP OP ..." for every concrete write operation */
static void deny_writes(strbuf *out)
{
    sb_puts(out, "(deny");
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
}

/* " (literal A)" for every proper ancestor of path not yet in seen */
static void put_ancestors(strbuf *out, const char *path, strbuf *seen)
{
    size_t len = strlen(path);
    for (size_t k = len; k > 0; k--) {
        if (path[k - 1] != '/' || k - 1 == 0) continue;
        strbuf one;
        sb_init(&one);
        sb_puts(&one, " (literal ");
        sbpl_string(&one, path, k - 1);
        sb_putc(&one, ')');
        sb_putc(&one, '\n');           /* a line of seen per ancestor */
        const char *hit = seen->data ? strstr(seen->data, sb_cstr(&one)) : NULL;
        if (!hit) {
            sb_add(seen, one.data, one.len);
            sb_add(out, one.data, one.len - 1);
        }
        sb_free(&one);
    }
}

/* "(deny file-write-unlink fs-rename ...)" over the ancestors collected in
 * anc, or nothing when there are none (an unfiltered rule would deny every
 * unlink and rename) */
static void deny_renames(strbuf *out, const strbuf *anc)
{
    if (!anc->len) return;
    sb_puts(out, "(deny file-write-unlink fs-rename");
    sb_add(out, anc->data, anc->len);
    sb_puts(out, ")\n");
}

void runner_protection(strbuf *out, const char *dir, const char *const *sources, size_t nsources)
{
    strbuf seen, anc;
    sb_init(&seen);
    sb_init(&anc);
    sb_puts(out, "\n;; buckle run: nothing in the sandbox may write to the profile directory\n");
    sb_puts(out, ";; or rename one of its ancestors (the next command's profile lives here)\n");
    deny_writes(out);
    sb_puts(out, " (subpath ");
    sbpl_string(out, dir, strlen(dir));
    sb_puts(out, "))\n");
    put_ancestors(&anc, dir, &seen);
    deny_renames(out, &anc);
    if (nsources) {
        sb_puts(out, ";; nor change the files this profile was compiled from, or rename\n");
        sb_puts(out, ";; their directories (the next run would compile what it wrote)\n");
        deny_writes(out);
        for (size_t i = 0; i < nsources; i++) {
            sb_puts(out, " (literal ");
            sbpl_string(out, sources[i], strlen(sources[i]));
            sb_putc(out, ')');
        }
        sb_puts(out, ")\n");
        sb_reset(&anc);
        for (size_t i = 0; i < nsources; i++) put_ancestors(&anc, sources[i], &seen);
        deny_renames(out, &anc);
    }
    sb_free(&seen);
    sb_free(&anc);
}
