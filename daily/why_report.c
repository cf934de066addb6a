/* why_report.c - the report of `buckle why`, as text and as JSON. */
#include "why.h"
#include "../compiler/decide.h"
#include <jansson.h>
#include <string.h>

#define OTHER_LAYER "this profile allows it: the denial came from another layer (TCC, another profile)"
#define LANDLOCK_ALLOWED "this profile allows it, but Landlock could not grant it as written (a grant narrower on Linux)"

static const char *verdict_name(why_verdict v)
{
    switch (v) {
    case WHY_DENIED: return "denied";
    case WHY_ALLOWED: return "allowed";
    case WHY_UNKNOWN_OP: return "unknown-operation";
    default: return "undecidable";
    }
}

static const char *test_value_of(const char *name)
{
    size_t n;
    const sb_param *tv = test_param_values(&n);
    for (size_t i = 0; i < n; i++) if (!strcmp(tv[i].name, name)) return tv[i].value;
    return "";
}

static void procs_text(strbuf *b, const why_group *g)
{
    sb_printf(b, "%lu time%s", g->count, g->count == 1 ? "" : "s");
    for (int i = 0; i < g->nprocs; i++) {
        sb_puts(b, i ? ", " : ": ");
        sb_puts(b, g->procs[i].name[0] ? g->procs[i].name : "(no process named)");
        if (g->procs[i].pid >= 0) sb_printf(b, "(%ld)", g->procs[i].pid);
        if (g->procs[i].count > 1 && g->procs[i].count != g->count) sb_printf(b, " x%lu", g->procs[i].count);
    }
    if (g->more_procs) sb_printf(b, " and %lu more by other processes", g->more_procs);
}

/* b's text to the sink once it holds enough (all of it when all): 0, or -1
 * when the sink fails */
static int flush(strbuf *b, why_sink *sink, void *ctx, int all)
{
    if (!b->len || (!all && b->len < 65536)) return 0;
    int rc = sink(ctx, b->data, b->len);
    b->len = 0;
    return rc;
}

int why_render_text(why_sink *sink, void *ctx, const why_log *w, const char *profile, const char *log,
                    const why_value *guessed, size_t nguessed, int verbose)
{
    strbuf buf, *b = &buf;
    sb_init(b);
    sb_printf(b, "%s: %lu denial%s, %zu distinct, explained by %s", log, w->lines_denied, w->lines_denied == 1 ? "" : "s",
              w->ngroups, profile);
    sb_putc(b, '\n');
    if (w->unparsed)
        sb_printf(b, "%lu %s like a denial but could not be read%s\n", w->unparsed,
                  w->unparsed == 1 ? "entry looks" : "entries look", verbose ? "" : " (-v lists them)");
    if (w->other) sb_printf(b, "%lu %s no sandbox denial\n", w->other, w->other == 1 ? "entry is" : "entries are");
    if (w->dropped)
        sb_printf(b, "%lu denial%s of requests past the first %d distinct ones are not explained\n", w->dropped,
                  w->dropped == 1 ? "" : "s", WHY_MAX_GROUPS);
    for (size_t i = 0; i < nguessed; i++)
        sb_printf(b, "%s=%s (%s; -D %s=VALUE to change it)\n", guessed[i].name, guessed[i].value, guessed[i].from, guessed[i].name);
    for (size_t i = 0; i < w->ntest_used; i++)
        sb_printf(b, "%s=%s (" WHY_FROM_TEST "; -D %s=VALUE to change it)\n", w->test_used[i], test_value_of(w->test_used[i]), w->test_used[i]);
    for (size_t i = 0; i < w->ngroups; i++) {
        const why_group *g = w->groups[i];
        if (flush(b, sink, ctx, 0)) { sb_free(b); return -1; }
        sb_printf(b, "\n%s %s%s%s\n  ", g->verdict == WHY_ALLOWED ? "allowed by the profile:"
                                        : g->verdict == WHY_UNDECIDABLE ? "undecidable:" : "denied", g->op,
                  g->obj[0] ? " " : "", g->obj);
        procs_text(b, g);
        sb_putc(b, '\n');
        if (g->verdict == WHY_UNKNOWN_OP) { sb_printf(b, "  %s\n", g->note); continue; }
        if (g->verdict == WHY_UNDECIDABLE) {
            /* no rule decides it as far as buckle can tell: never "decided by" */
            if (g->op_checked && strcmp(g->op_checked, g->op)) sb_printf(b, "  evaluated as %s\n", g->op_checked);
            sb_printf(b, "  the profile cannot be decided here: %s\n",
                      g->note ? g->note : "a part of it cannot be evaluated");
            continue;
        }
        if (g->op_checked && strcmp(g->op_checked, g->op)) sb_printf(b, "  evaluated as %s\n", g->op_checked);
        if (g->landlock && !strcmp(g->op, "file-write-create"))
            sb_puts(b, "  Landlock names the directory the new entry was to be made in\n");
        if (g->verdict == WHY_ALLOWED) {
            if (g->landlock) {
                sb_printf(b, "  %s: `buckle run -v` names them; `", LANDLOCK_ALLOWED);
                if (w->query_cmd) sb_puts(b, w->query_cmd);
                else { sb_puts(b, "buckle query --platform linux "); sb_sh_word(b, profile); }
                sb_putc(b, ' ');
                sb_sh_word(b, g->op);
                sb_putc(b, ' ');
                sb_sh_word(b, g->obj);
                sb_puts(b, "` answers as the kernel does\n");
            }
            else sb_puts(b, "  " OTHER_LAYER "\n");
            if (g->by_default) sb_printf(b, "  allowed by the default (%s)\n", g->rule_text);
            else sb_printf(b, "  allowed by %s: %s%s\n", g->rule_where, g->rule_text, g->rule_chain);
            if (g->platform_why) sb_printf(b, "  Landlock: %s\n", g->platform_why);
            continue;
        }
        if (g->by_default) sb_printf(b, "  decided by the default (%s)\n", g->rule_text);
        else sb_printf(b, "  decided by %s: %s%s%s\n", g->rule_where, g->rule_text, g->final ? " (final)" : "", g->rule_chain);
        if (g->note) sb_printf(b, "  %s\n", g->note);
        if (g->final)
            sb_puts(b, "  the rule is final: no rule added after it can allow this; change the final rule itself if the access is wanted\n");
        if (!g->suggestion) continue;
        sb_printf(b, "  narrowest rule that allows it%s:\n", g->section ? "" : " (SBPL)");
        for (const char *p = g->suggestion_block; *p;) {
            const char *e = strchr(p, '\n');
            size_t n = e ? (size_t)(e - p) : strlen(p);
            sb_puts(b, "      ");
            sb_add(b, p, n);
            sb_putc(b, '\n');
            p += n + (e ? 1 : 0);
        }
        if (g->suggestion_problem) sb_printf(b, "  but: %s\n", g->suggestion_problem);
        for (size_t k = 0; k < g->nfindings; k++) {
            const why_finding *f = &g->findings[k];
            sb_printf(b, "  lint: %s [%s %s] %s%s%s\n", f->severity, f->code, f->name, f->message,
                      f->where[0] ? ": " : "", f->where);
        }
        if (!g->nfindings && !g->suggestion_problem) sb_puts(b, "  lint: no findings\n");
    }
    if (verbose)
        for (size_t i = 0; i < w->nshown; i++)
            sb_printf(b, "%s%s:%lu: not read: %s: %s\n", i ? "" : "\n", log, w->shown[i].line, w->shown[i].why, w->shown[i].text);
    if (verbose && w->unparsed > w->nshown) sb_printf(b, "(%lu more not listed)\n", w->unparsed - (unsigned long)w->nshown);
    int rc = flush(b, sink, ctx, 1);
    sb_free(b);
    return rc;
}

static json_t *str_or_null(const char *s) { return s ? json_string(s) : json_null(); }

/* json_string fails on text that is not UTF-8: such bytes become U+FFFD */
static json_t *jstr(const char *s)
{
    json_t *j = json_string(s);
    if (j) return j;
    strbuf b;
    sb_init(&b);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x80) sb_putc(&b, (char)*p);
        else sb_puts(&b, "\xef\xbf\xbd");
    }
    j = json_string(sb_cstr(&b));
    sb_free(&b);
    return j;
}

/* One group of the JSON report */
static json_t *group_json(const why_group *g)
{
    json_t *o = json_object();
    json_object_set_new(o, "operation", jstr(g->op));
    json_object_set_new(o, "object", jstr(g->obj));
    json_object_set_new(o, "count", json_integer((json_int_t)g->count));
    json_t *ps = json_array();
    for (int k = 0; k < g->nprocs; k++) {
        json_t *p = json_object();
        json_object_set_new(p, "name", jstr(g->procs[k].name));
        json_object_set_new(p, "pid", g->procs[k].pid >= 0 ? json_integer(g->procs[k].pid) : json_null());
        json_object_set_new(p, "count", json_integer((json_int_t)g->procs[k].count));
        json_array_append_new(ps, p);
    }
    json_object_set_new(o, "processes", ps);
    json_object_set_new(o, "other_processes_count", json_integer((json_int_t)g->more_procs));
    json_object_set_new(o, "verdict", json_string(verdict_name(g->verdict)));
    json_object_set_new(o, "source", json_string(g->landlock ? "landlock" : "macos"));
    if (g->verdict == WHY_ALLOWED)
        json_object_set_new(o, "explanation", json_string(g->landlock ? LANDLOCK_ALLOWED : OTHER_LAYER));
    json_object_set_new(o, "evaluated_as", str_or_null(g->op_checked));
    if (g->rule_text) {
        json_t *r = json_object();
        json_object_set_new(r, "default", json_boolean(g->by_default));
        json_object_set_new(r, "rule", jstr(g->rule_text));
        json_object_set_new(r, "at", g->rule_where ? jstr(g->rule_where) : json_null());
        json_t *ch = json_array();
        for (size_t k = 0; k < g->nchain; k++) json_array_append_new(ch, jstr(g->chain[k]));
        json_object_set_new(r, "chain", ch);
        json_object_set_new(r, "final", json_boolean(g->final));
        json_object_set_new(o, "decided_by", r);
    } else json_object_set_new(o, "decided_by", json_null());
    json_object_set_new(o, "note", g->note ? jstr(g->note) : json_null());
    if (g->platform_why) json_object_set_new(o, "landlock", jstr(g->platform_why));
    if (g->suggestion) {
        json_t *s = json_object();
        json_object_set_new(s, "section", str_or_null(g->section));
        json_object_set_new(s, "rule", jstr(g->suggestion));
        json_object_set_new(s, "text", jstr(g->suggestion_block));
        json_object_set_new(s, "allows", json_boolean(g->suggestion_allows));
        json_object_set_new(s, "problem", g->suggestion_problem ? jstr(g->suggestion_problem) : json_null());
        json_t *fs = json_array();
        for (size_t k = 0; k < g->nfindings; k++) {
            json_t *f = json_object();
            json_object_set_new(f, "code", jstr(g->findings[k].code));
            json_object_set_new(f, "name", jstr(g->findings[k].name));
            json_object_set_new(f, "severity", jstr(g->findings[k].severity));
            json_object_set_new(f, "message", jstr(g->findings[k].message));
            if (g->findings[k].where[0]) json_object_set_new(f, "note", jstr(g->findings[k].where));
            json_array_append_new(fs, f);
        }
        json_object_set_new(s, "lint", fs);
        json_object_set_new(o, "suggestion", s);
    } else json_object_set_new(o, "suggestion", json_null());
    return o;
}

int why_render_json(why_sink *sink, void *ctx, const why_log *w, const char *profile, const char *log,
                    const why_value *guessed, size_t nguessed, int verbose)
{
    json_t *root = json_object();
    json_object_set_new(root, "profile", jstr(profile));
    json_object_set_new(root, "log", jstr(log));
    json_object_set_new(root, "denials", json_integer((json_int_t)w->lines_denied));
    json_object_set_new(root, "distinct", json_integer((json_int_t)w->ngroups));
    json_object_set_new(root, "unparsed", json_integer((json_int_t)w->unparsed));
    json_object_set_new(root, "other_lines", json_integer((json_int_t)w->other));
    json_object_set_new(root, "not_explained", json_integer((json_int_t)w->dropped));
    json_t *gp = json_object(), *used = json_object();
    for (size_t i = 0; i < nguessed; i++) {
        if (!strcmp(guessed[i].from, WHY_FROM_LOG)) json_object_set_new(gp, guessed[i].name, jstr(guessed[i].value));
        json_object_set_new(used, guessed[i].name, json_pack("{s:o,s:s}", "value", jstr(guessed[i].value), "from", guessed[i].from));
    }
    for (size_t i = 0; i < w->ntest_used; i++)
        json_object_set_new(used, w->test_used[i], json_pack("{s:s,s:s}", "value", test_value_of(w->test_used[i]), "from", WHY_FROM_TEST));
    json_object_set_new(root, "params_from_log", gp);
    json_object_set_new(root, "params_chosen", used);
    /* the groups are written one by one where the empty array is: the
     * same text as one document, without holding them all */
    json_object_set_new(root, "groups", json_array());
    if (verbose) {
        json_t *un = json_array();
        for (size_t i = 0; i < w->nshown; i++) {
            json_t *u = json_object();
            json_object_set_new(u, "line", json_integer((json_int_t)w->shown[i].line));
            json_object_set_new(u, "why", jstr(w->shown[i].why));
            json_object_set_new(u, "text", jstr(w->shown[i].text));
            json_array_append_new(un, u);
        }
        json_object_set_new(root, "unparsed_lines", un);
    }
    char *doc = json_dumps(root, JSON_PRESERVE_ORDER | JSON_INDENT(2));
    json_decref(root);
    if (!doc) return -1;
    static const char mark[] = "\n  \"groups\": []";
    char *at = w->ngroups ? strstr(doc, mark) : NULL;
    strbuf b;
    sb_init(&b);
    int rc = 0;
    if (at) {
        size_t head = (size_t)(at - doc) + sizeof mark - 2;   /* through the '[' */
        sb_add(&b, doc, head);
        for (size_t i = 0; i < w->ngroups && !rc; i++) {
            json_t *o = group_json(w->groups[i]);
            char *t = json_dumps(o, JSON_PRESERVE_ORDER | JSON_INDENT(2));
            json_decref(o);
            if (!t) { rc = -1; break; }
            sb_puts(&b, i ? ",\n    " : "\n    ");
            for (const char *q = t, *nl; *q; q = nl + 1) {
                nl = strchr(q, '\n');
                if (!nl) { sb_puts(&b, q); break; }
                sb_add(&b, q, (size_t)(nl - q));
                sb_puts(&b, "\n    ");
            }
            free(t);
            rc = flush(&b, sink, ctx, 0);
        }
        sb_puts(&b, "\n  ]");
        sb_puts(&b, at + sizeof mark - 1);
    } else {
        sb_puts(&b, doc);
    }
    sb_putc(&b, '\n');
    if (!rc) rc = flush(&b, sink, ctx, 1);
    sb_free(&b);
    free(doc);
    return rc;
}
