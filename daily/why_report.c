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
        if (g->if_type) sb_printf(b, "\ndenied if it is %s: %s %s\n  ", g->if_type, g->op, g->obj);
        else sb_printf(b, "\n%s %s%s%s\n  ", g->verdict == WHY_ALLOWED ? "allowed by the profile:"
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
        if (g->if_type) {
            /* the log does not name the type: the others' answer too */
            sb_printf(b, "  the log does not name the file type; if it is %s: %s", g->else_type, verdict_name(g->else_verdict));
            if (g->else_verdict == WHY_UNDECIDABLE) sb_puts(b, " (a part of the profile cannot be evaluated)\n");
            else if (g->else_by_default) sb_printf(b, " by the default (%s)\n", g->else_rule_text);
            else sb_printf(b, " by %s: %s%s\n", g->else_rule_where, g->else_rule_text, g->else_rule_chain);
        }
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

/* One group of the JSON report, written as json_dumps writes the group
 * inside the document (JSON_PRESERVE_ORDER | JSON_INDENT(2), at the depth
 * of the groups array): a group at a time, without building it. */
typedef struct jw { strbuf *b; int depth, n[8]; } jw;

static void jw_indent(jw *j)
{
    sb_putc(j->b, '\n');
    for (int i = 0; i < j->depth; i++) sb_puts(j->b, "  ");
}

/* s as a JSON string: ASCII as jansson escapes it; other text by jansson */
static void jw_string(jw *j, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    for (; *p && *p < 0x80; p++) {}
    if (*p) {
        json_t *v = jstr(s);
        char *t = v ? json_dumps(v, JSON_ENCODE_ANY) : NULL;
        sb_puts(j->b, t ? t : "null");
        free(t);
        json_decref(v);
        return;
    }
    sb_putc(j->b, '"');
    for (p = (const unsigned char *)s; *p; p++) {
        const unsigned char *q = p;
        while (*q >= 0x20 && *q != '"' && *q != '\\') q++;
        sb_add(j->b, (const char *)p, (size_t)(q - p));
        p = q;
        if (!*p) break;
        switch (*p) {
        case '"': sb_puts(j->b, "\\\""); break;
        case '\\': sb_puts(j->b, "\\\\"); break;
        case '\b': sb_puts(j->b, "\\b"); break;
        case '\f': sb_puts(j->b, "\\f"); break;
        case '\n': sb_puts(j->b, "\\n"); break;
        case '\r': sb_puts(j->b, "\\r"); break;
        case '\t': sb_puts(j->b, "\\t"); break;
        default: sb_printf(j->b, "\\u%04X", *p);
        }
    }
    sb_putc(j->b, '"');
}

/* the next member or element: its separator, its indent, its key */
static void jw_next(jw *j, const char *key)
{
    if (j->n[j->depth]++) sb_putc(j->b, ',');
    jw_indent(j);
    if (key) { jw_string(j, key); sb_puts(j->b, ": "); }
}

static void jw_open(jw *j, const char *key, char c)
{
    jw_next(j, key);
    sb_putc(j->b, c);
    j->depth++;
    j->n[j->depth] = 0;
}

static void jw_close(jw *j, char c)
{
    int had = j->n[j->depth];
    j->depth--;
    if (had) jw_indent(j);
    sb_putc(j->b, c);
}

static void jw_str(jw *j, const char *key, const char *s)
{
    jw_next(j, key);
    if (s) jw_string(j, s);
    else sb_puts(j->b, "null");
}

static void jw_int(jw *j, const char *key, long long v) { jw_next(j, key); sb_printf(j->b, "%lld", v); }
static void jw_bool(jw *j, const char *key, int v) { jw_next(j, key); sb_puts(j->b, v ? "true" : "false"); }
static void jw_null(jw *j, const char *key) { jw_next(j, key); sb_puts(j->b, "null"); }

/* "DIRECTORY SYMLINK" as strings of the open array */
static void types_json(jw *j, const char *names)
{
    while (*names) {
        const char *e = strchr(names, ' ');
        size_t n = e ? (size_t)(e - names) : strlen(names);
        char t[32];
        if (n >= sizeof t) n = sizeof t - 1;
        memcpy(t, names, n);
        t[n] = 0;
        jw_str(j, NULL, t);
        names += n + (e ? 1 : 0);
    }
}

static void group_json(jw *j, const why_group *g)
{
    jw_open(j, NULL, '{');
    jw_str(j, "operation", g->op);
    jw_str(j, "object", g->obj);
    jw_int(j, "count", (long long)g->count);
    jw_open(j, "processes", '[');
    for (int k = 0; k < g->nprocs; k++) {
        jw_open(j, NULL, '{');
        jw_str(j, "name", g->procs[k].name);
        if (g->procs[k].pid >= 0) jw_int(j, "pid", g->procs[k].pid);
        else jw_null(j, "pid");
        jw_int(j, "count", (long long)g->procs[k].count);
        jw_close(j, '}');
    }
    jw_close(j, ']');
    jw_int(j, "other_processes_count", (long long)g->more_procs);
    jw_str(j, "verdict", verdict_name(g->verdict));
    jw_str(j, "source", g->landlock ? "landlock" : "macos");
    if (g->verdict == WHY_ALLOWED) jw_str(j, "explanation", g->landlock ? LANDLOCK_ALLOWED : OTHER_LAYER);
    jw_str(j, "evaluated_as", g->op_checked);
    if (g->if_type) {
        /* the verdict holds for these file types; "otherwise" for the rest */
        jw_open(j, "file_types", '[');
        types_json(j, g->if_vnodes);
        jw_close(j, ']');
        jw_open(j, "otherwise", '{');
        jw_open(j, "file_types", '[');
        types_json(j, g->else_vnodes);
        jw_close(j, ']');
        jw_str(j, "verdict", verdict_name(g->else_verdict));
        if (g->else_verdict != WHY_UNDECIDABLE) {
            jw_open(j, "decided_by", '{');
            jw_bool(j, "default", g->else_by_default);
            jw_str(j, "rule", g->else_rule_text);
            jw_str(j, "at", g->else_rule_where);
            jw_close(j, '}');
        } else jw_null(j, "decided_by");
        jw_close(j, '}');
    }
    /* undecidable: no rule decides it as far as buckle can tell, as the text says */
    if (g->rule_text && g->verdict != WHY_UNDECIDABLE) {
        jw_open(j, "decided_by", '{');
        jw_bool(j, "default", g->by_default);
        jw_str(j, "rule", g->rule_text);
        jw_str(j, "at", g->rule_where);
        jw_open(j, "chain", '[');
        for (size_t k = 0; k < g->nchain; k++) jw_str(j, NULL, g->chain[k]);
        jw_close(j, ']');
        jw_bool(j, "final", g->final);
        jw_close(j, '}');
    } else jw_null(j, "decided_by");
    jw_str(j, "note", g->note);
    if (g->platform_why) jw_str(j, "landlock", g->platform_why);
    if (g->suggestion) {
        jw_open(j, "suggestion", '{');
        jw_str(j, "section", g->section);
        jw_str(j, "rule", g->suggestion);
        jw_str(j, "text", g->suggestion_block);
        jw_bool(j, "allows", g->suggestion_allows);
        jw_str(j, "problem", g->suggestion_problem);
        jw_open(j, "lint", '[');
        for (size_t k = 0; k < g->nfindings; k++) {
            jw_open(j, NULL, '{');
            jw_str(j, "code", g->findings[k].code);
            jw_str(j, "name", g->findings[k].name);
            jw_str(j, "severity", g->findings[k].severity);
            jw_str(j, "message", g->findings[k].message);
            if (g->findings[k].where[0]) jw_str(j, "note", g->findings[k].where);
            jw_close(j, '}');
        }
        jw_close(j, ']');
        jw_close(j, '}');
    } else jw_null(j, "suggestion");
    jw_close(j, '}');
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
        jw j = { &b, 1, { 0 } };
        j.n[2] = 0;
        for (size_t i = 0; i < w->ngroups && !rc; i++) {
            j.depth = 2;
            group_json(&j, w->groups[i]);
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
