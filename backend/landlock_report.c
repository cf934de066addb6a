/* landlock_report.c - the Landlock plan for people: JSON for review,
 * the one-line summary and the refusals of buckle run. */
#include "landlock.h"
#include "emit.h"
#include <stdio.h>
#include <string.h>

static const struct { uint64_t bit; const char *name; } fs_names[] = {
    { LL_FS_EXECUTE, "execute" }, { LL_FS_WRITE_FILE, "write_file" }, { LL_FS_READ_FILE, "read_file" },
    { LL_FS_READ_DIR, "read_dir" }, { LL_FS_REMOVE_DIR, "remove_dir" }, { LL_FS_REMOVE_FILE, "remove_file" },
    { LL_FS_MAKE_CHAR, "make_char" }, { LL_FS_MAKE_DIR, "make_dir" }, { LL_FS_MAKE_REG, "make_reg" },
    { LL_FS_MAKE_SOCK, "make_sock" }, { LL_FS_MAKE_FIFO, "make_fifo" }, { LL_FS_MAKE_BLOCK, "make_block" },
    { LL_FS_MAKE_SYM, "make_sym" }, { LL_FS_REFER, "refer" }, { LL_FS_TRUNCATE, "truncate" },
    { LL_FS_IOCTL_DEV, "ioctl_dev" },
};

static void bits_json(strbuf *out, uint64_t v, int net)
{
    static const char *const nn[] = { "bind_tcp", "connect_tcp" };
    sb_putc(out, '[');
    int k = 0;
    if (net) {
        for (int i = 0; i < 2; i++) if (v & (1ull << i)) { sb_printf(out, "%s\"%s\"", k++ ? ", " : "", nn[i]); }
    } else {
        for (size_t i = 0; i < sizeof fs_names / sizeof fs_names[0]; i++)
            if (v & fs_names[i].bit) sb_printf(out, "%s\"%s\"", k++ ? ", " : "", fs_names[i].name);
    }
    sb_putc(out, ']');
}

const char *ll_rule_where(arena *a, compilation *c, const rule *r)
{
    (void)c;
    if (!r) return "default";
    const origin *o = r->origins;
    source_pos p = source_position(o->u->src, o->at.start);
    return arena_printf(a, "%s:%u", o->u->display, p.line);
}

static const char *rule_text(arena *a, compilation *c, const rule *r)
{
    if (!r) return c->pol.default_action == ACT_ALLOW ? "default allow" : "default deny";
    strbuf b;
    sb_init(&b);
    ir_rule_text(&b, r);
    const char *s = arena_strdup(a, sb_cstr(&b));
    sb_free(&b);
    return s;
}

static void classes_json(strbuf *out, unsigned set)
{
    sb_putc(out, '[');
    int k = 0;
    for (int i = 0; i < LLC_COUNT; i++)
        if (set & (1u << i)) { if (k++) sb_puts(out, ", "); sb_json_str(out, ll_class_get(i)->name); }
    sb_putc(out, ']');
}

void ll_plan_json(const ll_plan *p, compilation *c, strbuf *out)
{
    arena a;
    arena_init(&a);
    sb_printf(out, "{\n  \"target\": \"landlock\",\n  \"abi\": %d,\n  \"handled_access_fs\": ", p->abi);
    bits_json(out, p->handled_fs, 0);
    sb_puts(out, ",\n  \"handled_access_net\": ");
    bits_json(out, p->handled_net, 1);
    sb_puts(out, ",\n  \"scoped\": [");
    int k = 0;
    if (p->scoped & LL_SCOPE_ABSTRACT_UNIX) sb_printf(out, "%s\"abstract_unix_socket\"", k++ ? ", " : "");
    if (p->scoped & LL_SCOPE_SIGNAL) sb_printf(out, "%s\"signal\"", k++ ? ", " : "");
    sb_puts(out, "],\n  \"restrict_self\": [");
    if (p->restrict_flags & LL_LOG_NEW_EXEC_ON) sb_puts(out, "\"log_new_exec_on\"");
    sb_puts(out, "],\n  \"path_beneath\": [");
    for (size_t i = 0; i < p->ng; i++) {
        sb_puts(out, i ? ",\n    {\"path\": " : "\n    {\"path\": ");
        sb_json_str(out, p->g[i].path);
        sb_puts(out, ", \"access\": ");
        bits_json(out, p->g[i].access, 0);
        sb_putc(out, '}');
    }
    sb_puts(out, p->ng ? "\n  ],\n  \"net_port\": [" : "],\n  \"net_port\": [");
    for (size_t i = 0; i < p->np; i++) {
        sb_printf(out, "%s{\"port\": %llu, \"access\": ", i ? ",\n    " : "\n    ", (unsigned long long)p->p[i].port);
        bits_json(out, p->p[i].access, 1);
        sb_putc(out, '}');
    }
    /* the command's own mount namespace, and what is checked after the run */
    sb_puts(out, p->np ? "\n  ],\n  \"mounts\": [" : "],\n  \"mounts\": [");
    for (size_t i = 0; i < p->nm; i++) {
        sb_puts(out, i ? ",\n    {\"path\": " : "\n    {\"path\": ");
        sb_json_str(out, p->m[i].path);
        sb_printf(out, ", \"bind\": \"%s\"}", p->m[i].ro ? "read-only" : "itself");
    }
    sb_puts(out, p->nm ? "\n  ],\n  \"checked_after_run\": [" : "],\n  \"checked_after_run\": [");
    for (size_t i = 0; i < p->nchk; i++) {
        sb_puts(out, i ? ",\n    {\"path\": " : "\n    {\"path\": ");
        sb_json_str(out, p->chk[i].path);
        sb_puts(out, ", \"at\": ");
        sb_json_str(out, p->chk[i].where);
        sb_putc(out, '}');
    }
    sb_puts(out, p->nchk ? "\n  ],\n  \"rules\": [" : "],\n  \"rules\": [");
    for (size_t i = 0; i < p->rep.n; i++) {
        const backend_rule_verdict *v = &p->rep.v[i];
        sb_puts(out, i ? ",\n    {\"at\": " : "\n    {\"at\": ");
        sb_json_str(out, (v->where ? v->where : ll_rule_where(&a, c, v->r)));
        sb_puts(out, ", \"rule\": ");
        sb_json_str(out, (v->text ? v->text : rule_text(&a, c, v->r)));
        sb_printf(out, ", \"verdict\": \"%s\"", backend_verdict_name(v->v));
        if (v->cls >= 0) { sb_puts(out, ", \"class\": "); sb_json_str(out, ll_class_get(v->cls)->name); }
        if (v->why) { sb_puts(out, ", \"why\": "); sb_json_str(out, v->why); }
        sb_putc(out, '}');
    }
    sb_puts(out, p->rep.n ? "\n  ],\n  \"refused\": " : "],\n  \"refused\": ");
    classes_json(out, p->rep.weaker);
    sb_puts(out, ",\n  \"accepted\": ");
    classes_json(out, p->rep.accepted);
    sb_puts(out, ",\n  \"not_enforced\": [");
    for (size_t i = 0; i < p->nnotes; i++) {
        sb_puts(out, i ? ",\n    " : "\n    ");
        sb_json_str(out, p->notes[i]);
    }
    sb_puts(out, p->nnotes ? "\n  ]\n}\n" : "]\n}\n");
    arena_free(&a);
}

void ll_plan_summary(const ll_plan *p, compilation *c, int verbose, strbuf *out)
{
    size_t cnt[4] = { 0 };
    for (size_t i = 0; i < p->rep.n; i++) cnt[p->rep.v[i].v]++;
    char mounts[48] = "";
    if (p->nm) snprintf(mounts, sizeof mounts, ", %zu mount%s", p->nm, p->nm == 1 ? "" : "s");
    sb_printf(out, "buckle run: landlock ABI %d: %zu rules exact, %zu narrower, %zu weaker (accepted), "
                   "%zu without meaning on Linux; %zu paths, %zu ports%s%s\n",
              p->abi, cnt[BV_EXACT], cnt[BV_NARROWER], cnt[BV_WEAKER], cnt[BV_NO_MEANING], p->ng + (p->own_proc != 0), p->np,
              mounts, verbose ? "" : " (-v lists them)");
    arena a;
    arena_init(&a);
    /* a directory the profile lets the command create entries in, where
     * nothing new can be made: the first thing a build or a git command
     * meets, said without -v */
    for (size_t i = 0; i < p->rep.n; i++) {
        const backend_rule_verdict *v = &p->rep.v[i];
        if (v->v != BV_NARROWER || !v->closed) continue;
        int own = !strncmp(v->closed_why, "buckle's own files", 18);
        sb_printf(out, "buckle run: nothing new can be created directly in %s: %s: %s is narrower there (%s inside it)%s\n",
                  v->closed, (v->where ? v->where : ll_rule_where(&a, c, v->r)), (v->text ? v->text : rule_text(&a, c, v->r)),
                  v->closed_why,
                  own ? "; where no read-only mount holds them (no user namespace of its own, a path that does not exist "
                        "yet, a file with another name, a symbolic link on the way) Landlock keeps them unwritable only so: "
                        "keep the profile and the profiles beside it outside the directories the command writes"
                      : "; -v says more, docs/linux.md (\"Denies inside a writable directory\") how to hold it apart");
    }
    if (!verbose) { arena_free(&a); return; }
    for (size_t i = 0; i < p->rep.n; i++) {
        const backend_rule_verdict *v = &p->rep.v[i];
        sb_printf(out, "  %s: %s: %s", (v->where ? v->where : ll_rule_where(&a, c, v->r)), backend_verdict_name(v->v), (v->text ? v->text : rule_text(&a, c, v->r)));
        if (v->why) sb_printf(out, " -- %s", v->why);
        if (v->cls >= 0) sb_printf(out, " (accepted with --linux-accept=%s)", ll_class_get(v->cls)->name);
        sb_putc(out, '\n');
    }
    for (size_t i = 0; i < p->nnotes; i++) sb_printf(out, "  note: %s\n", p->notes[i]);
    for (size_t i = 0; i < p->nm; i++)
        sb_printf(out, "  mount: %s %s\n", p->m[i].path, p->m[i].ro ? "read-only" : "bound onto itself (not removable, not renamable)");
    for (size_t i = 0; i < p->nchk; i++)
        sb_printf(out, "  checked after the run: %s (%s: %s)\n", p->chk[i].path, p->chk[i].where, p->chk[i].rule);
    arena_free(&a);
}

void ll_plan_refusals(const ll_plan *p, compilation *c, strbuf *out)
{
    arena a;
    arena_init(&a);
    for (size_t i = 0; i < p->rep.n; i++) {
        const backend_rule_verdict *v = &p->rep.v[i];
        if (v->v != BV_WEAKER || !(p->rep.weaker & (1u << v->cls))) continue;
        sb_printf(out, "  %s: %s: %s (class %s)\n", (v->where ? v->where : ll_rule_where(&a, c, v->r)), (v->text ? v->text : rule_text(&a, c, v->r)), v->why,
                  ll_class_get(v->cls)->name);
    }
    for (int k = 0; k < LLC_COUNT; k++)
        if (p->rep.weaker & (1u << k))
            sb_printf(out, "  --linux-accept=%s runs it anyway: %s\n", ll_class_get(k)->name, ll_class_get(k)->what);
    arena_free(&a);
}
