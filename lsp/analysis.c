/* analysis.c - a document's compile and lint, and its diagnostics in the
 * protocol's form (the same codes, messages and notes as `buckle lint`). */
#include "server.h"
#include <string.h>

void lsp_doc_clear(lsp_doc *d)
{
    if (d->dec) decider_free(d->dec);
    d->dec = NULL;
    if (d->c) compilation_free(d->c);
    d->c = NULL;
    while (d->keep) { source *n = d->keep->next; source_free(d->keep); d->keep = n; }
    if (d->main) arena_free(&d->a);
    d->main = NULL;
}

const unit *lsp_main_unit(const lsp_doc *d)
{
    if (!d->c) return NULL;
    for (size_t i = 0; i < d->c->nunits; i++)
        if (d->c->units[i]->src == d->main) return d->c->units[i];
    return NULL;
}

void lsp_analyze(lsp_server *s, lsp_doc *d)
{
    lsp_doc_clear(d);
    arena_init(&d->a);
    diag_list_init(&d->dl, &d->a);
    if (d->is_sb) {
        lint_opts o = { 0 };
        o.include_dirs = s->cfg.include_dirs;
        o.ninclude = s->cfg.ninclude;
        memcpy(o.std_dirs, s->cfg.std_dirs, sizeof o.std_dirs);
        o.buckle_path = s->cfg.buckle_path;
        o.text = d->text;
        o.text_len = d->len;
        o.pool = &s->pool;
        lint_file(&o, d->path, &d->a, &d->dl, &d->keep);
        for (source *k = d->keep; k; k = k->next) if (!strcmp(k->path, d->path)) d->main = k;
    } else {
        compile_opts co = { 0 };
        co.include_dirs = s->cfg.include_dirs;
        co.ninclude = s->cfg.ninclude;
        memcpy(co.std_dirs, s->cfg.std_dirs, sizeof co.std_dirs);
        co.buckle_path = s->cfg.buckle_path;
        co.pool = &s->pool;
        d->c = compilation_new(&co);
        d->rc = compile_profile_text(d->c, d->path, d->text, d->len);
        lint_compilation(d->c, d->rc, &d->a, &d->dl);
        d->main = d->c->nunits ? d->c->units[d->c->nunits - 1]->src : NULL;
    }
    if (!d->main) {
        /* nothing was read (text in memory always is): an empty stand-in */
        source *empty = source_new(d->path, d->path, xstrdup(""), 0);
        empty->next = d->keep;
        d->keep = empty;
        d->main = empty;
    }
    diag_sort(&d->dl);
}

static int severity_code(severity v)
{
    switch (v) {
    case SEV_ERROR: return 1;
    case SEV_WARNING: return 2;
    case SEV_INFO: return 3;
    default: return 4;
    }
}

static json_t *location(const lsp_doc *d, const source *src, uint32_t b, uint32_t e)
{
    char *uri = src == d->main ? xstrdup(d->uri) : lsp_uri_of_path(src->path);
    json_t *l = json_pack("{s:s,s:o}", "uri", uri, "range", lsp_range_json(src->text, src->len, b, e));
    free(uri);
    return l;
}

/* Where a finding in another file of the chain shows in this document:
 * the extends string that brought that file in. */
static int via_span(const lsp_doc *d, const source *src, span *out)
{
    if (!d->c) return 0;
    for (size_t i = 0; i < d->c->nunits; i++) {
        const unit *u = d->c->units[i];
        if (u->src != src) continue;
        while (u && u->via && u->via->src != d->main) u = u->via;
        if (u && u->via && u->via_at.src == d->main) { *out = u->via_at; return 1; }
    }
    return 0;
}

json_t *lsp_diagnostics(lsp_server *s, lsp_doc *d)
{
    (void)s;
    json_t *arr = json_array();
    for (const diag *g = d->dl.head; g; g = g->next) {
        if (g->suppressed || g->sev == SEV_NOTE) continue;
        strbuf msg;
        sb_init(&msg);
        span at = g->at;
        if (at.src && at.src != d->main) {
            source_pos p = source_position(at.src, at.start);
            sb_printf(&msg, "%s:%u:%u: ", at.src->name, p.line, p.col);
            if (!via_span(d, at.src, &at)) at = (span){ d->main, 0, 0 };
        } else if (!at.src) {
            at = (span){ d->main, 0, 0 };
        }
        sb_puts(&msg, g->msg);
        json_t *related = json_array();
        for (const diag_note *n = g->notes; n; n = n->next) {
            if (n->at.src) {
                json_array_append_new(related, json_pack("{s:o,s:o}", "location", location(d, n->at.src, n->at.start, n->at.end),
                                                         "message", lsp_jstr(n->msg)));
            } else {
                sb_printf(&msg, "\nnote: %s", n->msg);
            }
        }
        if (g->help) sb_printf(&msg, "\nhelp: %s", g->help);
        json_t *o = json_object();
        json_object_set_new(o, "range", lsp_range_json(d->main->text, d->main->len, at.start, at.end));
        json_object_set_new(o, "severity", json_integer(severity_code(g->sev)));
        if (g->code) json_object_set_new(o, "code", json_string(g->code));
        json_object_set_new(o, "source", json_string("buckle"));
        json_object_set_new(o, "message", lsp_jstrn(msg.data ? msg.data : "", msg.len));
        if (json_array_size(related)) json_object_set_new(o, "relatedInformation", related);
        else json_decref(related);
        json_array_append_new(arr, o);
        sb_free(&msg);
    }
    return arr;
}
