/* actions.c - formatting (through fmt) and code actions: did-you-mean fixes
 * and suppressions with a reason to fill in. */
#include "server.h"
#include "../fmt/fmt.h"
#include <string.h>

void lsp_formatting(lsp_server *s, json_t *id, json_t *params)
{
    lsp_doc *d = lsp_doc_of(s, params);
    if (!d) { rpc_error(&s->io, id, RPC_INVALID_PARAMS, "formatting needs an open textDocument"); return; }
    if (d->is_sb) { rpc_result(&s->io, id, json_null()); return; }
    source *src = source_new(d->path, d->path, xstrdup(d->text), d->len);
    src->len = d->len;
    arena a;
    arena_init(&a);
    diag_list dl;
    diag_list_init(&dl, &a);
    strbuf out;
    sb_init(&out);
    if (fmt_buckle(src, &a, &dl, &out) != 0) {
        diag_sort(&dl);
        source_pos p = source_position(src, dl.head->at.start);
        char msg[600];
        snprintf(msg, sizeof msg, "cannot format: %s:%u:%u: %.400s", d->path, p.line, p.col, dl.head->msg);
        rpc_error(&s->io, id, RPC_REQUEST_FAILED, msg);
    } else if (out.len == d->len && !memcmp(out.data, d->text, d->len)) {
        rpc_result(&s->io, id, json_array());
    } else {
        json_t *edit = json_pack("{s:o,s:o}", "range", lsp_range_json(d->text, d->len, 0, (uint32_t)d->len),
                                 "newText", lsp_jstrn(out.data ? out.data : "", out.len));
        rpc_result(&s->io, id, json_pack("[o]", edit));
    }
    sb_free(&out);
    arena_free(&a);
    source_free(src);
}

/* "did you mean "X"?" or "did you mean $X?" in a help or a message: X. */
static const char *suggestion(arena *a, const char *text)
{
    const char *p = text ? strstr(text, "did you mean ") : NULL;
    if (!p) return NULL;
    p += 13;
    if (*p == '"') {
        const char *e = strchr(p + 1, '"');
        return e ? arena_strndup(a, p + 1, (size_t)(e - p - 1)) : NULL;
    }
    if (*p == '\'') {
        const char *e = strchr(p + 1, '\'');
        return e ? arena_strndup(a, p + 1, (size_t)(e - p - 1)) : NULL;
    }
    const char *e = p;
    while (*e && *e != '?' && *e != ' ' && *e != ',' && *e != ')') e++;
    return e > p ? arena_strndup(a, p, (size_t)(e - p)) : NULL;
}

static int suppressible(const char *code)
{
    const lint_rule *r = code ? lint_rule_find(code) : NULL;
    return r && strncmp(code, "BK0", 3) != 0 && !(r->unsuppressible && r->info.default_sev == SEV_ERROR);
}

static json_t *edit_action(const lsp_doc *d, const char *title, json_t *dj, uint32_t b, uint32_t e, const char *text, int preferred)
{
    json_t *edits = json_pack("[{s:o,s:o}]", "range", lsp_range_json(d->text, d->len, b, e), "newText", lsp_jstr(text));
    json_t *changes = json_object();
    json_object_set_new(changes, d->uri, edits);
    json_t *act = json_pack("{s:o,s:s,s:{s:o}}", "title", lsp_jstr(title), "kind", "quickfix", "edit", "changes", changes);
    if (dj) json_object_set_new(act, "diagnostics", json_pack("[o]", dj));
    if (preferred) json_object_set_new(act, "isPreferred", json_true());
    return act;
}

/* The start, in the document, of the statement holding a diagnostic shown
 * at gb: from the parse of the analysis it comes from (a kept finding: the
 * last complete one, whose statements the errors of now do not cut). */
static uint32_t statement_start(const lsp_doc *d, const lsp_shown *sh, uint32_t gb)
{
    const lsp_analysis *an = sh->from;
    const unit *mu = NULL;
    for (size_t i = 0; an->c && i < an->c->nunits; i++)
        if (an->c->units[i]->src == an->main) mu = an->c->units[i];
    uint32_t at = sh->g->at.start, st = gb;
    for (size_t i = 0; mu && i < mu->ast->nstmts; i++) {
        if (mu->ast->stmts[i].start > at || at > mu->ast->stmts[i].end) continue;
        span s0 = { an->main, mu->ast->stmts[i].start, mu->ast->stmts[i].start };
        uint32_t b, e;
        if (lsp_span_here(d, an, s0, &b, &e) && b <= gb) st = b;
    }
    return st;
}

void lsp_code_action(lsp_server *s, json_t *id, json_t *params)
{
    lsp_doc *d = lsp_doc_of(s, params);
    json_t *range = json_object_get(params, "range");
    if (!d || !json_is_object(range)) { rpc_error(&s->io, id, RPC_INVALID_PARAMS, "codeAction needs an open textDocument and a range"); return; }
    lsp_pos a0, a1;
    a0.line = (long)json_integer_value(json_object_get(json_object_get(range, "start"), "line"));
    a0.character = (long)json_integer_value(json_object_get(json_object_get(range, "start"), "character"));
    a1.line = (long)json_integer_value(json_object_get(json_object_get(range, "end"), "line"));
    a1.character = (long)json_integer_value(json_object_get(json_object_get(range, "end"), "character"));
    uint32_t rb = lsp_offset_of(d->text, d->len, a0), re = lsp_offset_of(d->text, d->len, a1);
    arena a;
    arena_init(&a);
    json_t *acts = json_array();
    const unit *mu = lsp_main_unit(d);
    json_t *all = lsp_diagnostics(s, d);
    size_t nshown;
    lsp_shown *shown = lsp_shown_list(d, &nshown);
    for (size_t k = 0; k < nshown; k++) {
        const diag *g = shown[k].g;
        json_t *dj = json_array_get(all, k);
        /* where it is in the document now (a kept finding: moved by the changes) */
        if (g->at.src != shown[k].from->main) continue;
        uint32_t gb = shown[k].b, ge = shown[k].e;
        /* the line range of the diagnostic meets the requested range */
        uint32_t ls = gb, le = ge;
        while (ls > 0 && d->text[ls - 1] != '\n') ls--;
        while (le < d->len && d->text[le] != '\n') le++;
        if (re < ls || rb > le) continue;
        const char *sug = suggestion(&a, g->help);
        if (!sug) sug = suggestion(&a, g->msg);
        if (sug && ge > gb) {
            const char *old = d->text + gb;
            size_t on = ge - gb;
            const char *repl = sug;
            if (on >= 2 && old[0] == '"' && old[on - 1] == '"' && sug[0] != '"') repl = arena_printf(&a, "\"%s\"", sug);
            else if (old[0] == '$' && sug[0] != '$') repl = arena_printf(&a, "$%s", sug);
            json_array_append_new(acts, edit_action(d, arena_printf(&a, "Change to %s", repl), json_incref(dj),
                                                    gb, ge, repl, 1));
        }
        /* "also allow mach lookup "X"" (BK4001: secd beside SecurityServer):
         * X added to the rule's own list of names */
        const char *also = g->help && mu && !strncmp(g->help, "also allow mach lookup \"", 24) ? g->help + 24 : NULL;
        const char *ae = also ? strchr(also, '"') : NULL;
        if (ae && ge > gb && d->text[gb] == '"' && d->text[ge - 1] == '"') {
            const char *name = arena_strndup(&a, also, (size_t)(ae - also));
            json_array_append_new(acts, edit_action(d, arena_printf(&a, "Also allow mach lookup \"%s\"", name), json_incref(dj),
                                                    ge, ge, arena_printf(&a, ", \"%s\"", name), 1));
        }
        if (suppressible(g->code)) {
            /* an own-line suppression before the statement's first line */
            uint32_t st = statement_start(d, &shown[k], gb);
            uint32_t line = st;
            while (line > 0 && d->text[line - 1] != '\n') line--;
            uint32_t ind = line;
            while (ind < d->len && (d->text[ind] == ' ' || d->text[ind] == '\t')) ind++;
            const lint_rule *r = lint_rule_find(g->code);
            const char *text = arena_printf(&a, "%.*s# buckle: ignore[%s] -- REASON: say why this is acceptable\n",
                                            (int)(ind - line), d->text + line, r->id);
            json_array_append_new(acts, edit_action(d, arena_printf(&a, "Suppress %s (%s) here, with a reason", r->id, r->info.slug),
                                                    json_incref(dj), line, line, text, 0));
        }
    }
    free(shown);
    json_decref(all);
    arena_free(&a);
    rpc_result(&s->io, id, acts);
}
