/* analysis.c - a document's compile and lint, the last complete analysis
 * kept while the text has errors, and the diagnostics in the protocol's
 * form (the same codes, messages and notes as `buckle lint`). */
#include "server.h"
#include <string.h>

static void analysis_free(lsp_analysis *an)
{
    if (!an) return;
    if (an->dec) decider_free(an->dec);
    if (an->c) compilation_free(an->c);
    while (an->keep) { source *n = an->keep->next; source_free(an->keep); an->keep = n; }
    arena_free(&an->a);
    free(an);
}

void lsp_doc_clear(lsp_doc *d)
{
    analysis_free(d->an);
    analysis_free(d->good);
    d->an = d->good = NULL;
    lsp_edits_stop(d);
}

const unit *lsp_main_unit(const lsp_doc *d)
{
    if (!d->an || !d->an->c) return NULL;
    for (size_t i = 0; i < d->an->c->nunits; i++)
        if (d->an->c->units[i]->src == d->an->main) return d->an->c->units[i];
    return NULL;
}

static int has_syntax_error(const diag_list *dl)
{
    for (const diag *g = dl->head; g; g = g->next)
        if (g->sev == SEV_ERROR && g->code && !strcmp(g->code, BK1001)) return 1;
    return 0;
}

static lsp_analysis *analysis_new(lsp_server *s, const lsp_doc *d, const char *text, size_t len)
{
    lsp_analysis *an = xcalloc(1, sizeof *an);
    arena_init(&an->a);
    diag_list_init(&an->dl, &an->a);
    if (d->is_sb) {
        lint_opts o = { 0 };
        o.include_dirs = s->cfg.include_dirs;
        o.ninclude = s->cfg.ninclude;
        memcpy(o.std_dirs, s->cfg.std_dirs, sizeof o.std_dirs);
        o.buckle_path = s->cfg.buckle_path;
        o.text = text;
        o.text_len = len;
        o.pool = &s->pool;
        lint_file(&o, d->path, &an->a, &an->dl, &an->keep);
        for (source *k = an->keep; k; k = k->next) if (!strcmp(k->path, d->path)) an->main = k;
        /* a syntax error leaves out the rest of the form, or of the file */
        an->complete = an->main && !has_syntax_error(&an->dl);
    } else {
        compile_opts co = { 0 };
        co.include_dirs = s->cfg.include_dirs;
        co.ninclude = s->cfg.ninclude;
        memcpy(co.std_dirs, s->cfg.std_dirs, sizeof co.std_dirs);
        co.buckle_path = s->cfg.buckle_path;
        co.pool = &s->pool;
        an->c = compilation_new(&co);
        an->rc = compile_profile_text(an->c, d->path, text, len);
        lint_compilation(an->c, an->rc, &an->a, &an->dl);
        an->main = an->c->nunits ? an->c->units[an->c->nunits - 1]->src : NULL;
        /* lint runs only on a profile that compiles */
        an->complete = an->rc == 0 && an->main;
    }
    if (!an->main) {
        /* nothing was read (text in memory always is): an empty stand-in */
        source *empty = source_new(d->path, d->path, xstrdup(""), 0);
        empty->next = an->keep;
        an->keep = empty;
        an->main = empty;
    }
    diag_sort(&an->dl);
    return an;
}

/* A complete analysis replaces everything.  One that is not (the text has
 * an error: lint did not run, or a syntax error cut the file short) comes
 * with the last complete one, as long as the changes since can be followed
 * (edits.c): its findings in the parts no change touched stay published,
 * and hover decides with it.  The last complete analysis is made again from
 * its text when the errors begin, rather than kept through every edit: an
 * edit without errors then holds one analysis, not two. */
void lsp_analyze(lsp_server *s, lsp_doc *d)
{
    char *prev = NULL;
    size_t prev_len = 0;
    if (d->an && d->an->complete && d->tracking) {
        prev_len = d->an->main->len;
        prev = xmalloc(prev_len + 1);
        memcpy(prev, d->an->main->text, prev_len);
        prev[prev_len] = 0;
    }
    /* freed first: its memory goes back to the pool for the next one */
    analysis_free(d->an);
    d->an = analysis_new(s, d, d->text, d->len);
    if (d->an->complete) {
        analysis_free(d->good);
        d->good = NULL;
        lsp_edits_start(d);
    } else if (prev) {
        analysis_free(d->good);
        d->good = analysis_new(s, d, prev, prev_len);
    }
    free(prev);
    if (d->good && (!d->tracking || !d->good->complete)) {
        analysis_free(d->good);
        d->good = NULL;
    }
    if (!d->good && !d->an->complete) lsp_edits_stop(d);
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

/* Where a finding in another file of the chain shows in this document:
 * the extends string that brought that file in. */
static int via_span(const lsp_analysis *an, const source *src, span *out)
{
    if (!an->c) return 0;
    for (size_t i = 0; i < an->c->nunits; i++) {
        const unit *u = an->c->units[i];
        if (u->src != src) continue;
        while (u && u->via && u->via->src != an->main) u = u->via;
        if (u && u->via && u->via_at.src == an->main) { *out = u->via_at; return 1; }
    }
    return 0;
}

int lsp_span_here(const lsp_doc *d, const lsp_analysis *from, span at, uint32_t *b, uint32_t *e)
{
    if (at.src != from->main) return 0;
    *b = at.start;
    *e = at.end < at.start ? at.start : at.end;
    if (from == d->an) return 1;
    return lsp_map(d, b, e);
}

/* Where g shows in the document: its own span, the extends string of its
 * file, or the start of the document; 0 when that is in a changed part. */
static int shown_at(const lsp_doc *d, const lsp_analysis *from, const diag *g, uint32_t *b, uint32_t *e)
{
    span at = g->at;
    if (!at.src || (at.src != from->main && !via_span(from, at.src, &at))) { *b = *e = 0; return 1; }
    if (!lsp_span_here(d, from, at, b, e)) return 0;
    /* a kept finding needs every place it names in this document unchanged */
    for (const diag_note *n = from == d->an ? NULL : g->notes; n; n = n->next) {
        uint32_t nb, ne;
        if (n->at.src == from->main && !lsp_span_here(d, from, n->at, &nb, &ne)) return 0;
    }
    return 1;
}

static int same_finding(const lsp_shown *x, const diag *g, uint32_t b, uint32_t e)
{
    return x->b == b && x->e == e && x->g->sev == g->sev && !strcmp(x->g->msg, g->msg) &&
           (x->g->code ? g->code && !strcmp(x->g->code, g->code) : !g->code);
}

lsp_shown *lsp_shown_list(lsp_doc *d, size_t *n)
{
    size_t cap = 1 + d->an->dl.count + (d->good ? d->good->dl.count : 0), k = 0;
    lsp_shown *v = xmalloc(cap * sizeof *v);
    for (const diag *g = d->an->dl.head; g && k < cap; g = g->next) {
        if (g->suppressed || g->sev == SEV_NOTE) continue;
        uint32_t b, e;
        shown_at(d, d->an, g, &b, &e);
        v[k++] = (lsp_shown){ g, d->an, b, e, 0 };
    }
    size_t fresh = k;
    for (const diag *g = d->good ? d->good->dl.head : NULL; g && k < cap; g = g->next) {
        if (g->suppressed || g->sev == SEV_NOTE) continue;
        uint32_t b, e;
        if (!shown_at(d, d->good, g, &b, &e)) continue;
        int dup = 0;
        for (size_t i = 0; i < fresh && !dup; i++) dup = same_finding(&v[i], g, b, e);
        if (!dup) v[k++] = (lsp_shown){ g, d->good, b, e, 1 };
    }
    *n = k;
    return v;
}

static json_t *location(const lsp_doc *d, const lsp_analysis *from, const source *src, uint32_t b, uint32_t e)
{
    if (src == from->main) {
        span at = { src, b, e };
        if (!lsp_span_here(d, from, at, &b, &e)) b = e = 0;   /* (a kept finding has none such) */
        return json_pack("{s:s,s:o}", "uri", d->uri, "range", lsp_range_json(d->text, d->len, b, e));
    }
    char *uri = lsp_uri_of_path(src->path);
    json_t *l = json_pack("{s:s,s:o}", "uri", uri, "range", lsp_range_json(src->text, src->len, b, e));
    free(uri);
    return l;
}

json_t *lsp_diagnostics(lsp_server *s, lsp_doc *d)
{
    (void)s;
    json_t *arr = json_array();
    size_t n;
    lsp_shown *v = lsp_shown_list(d, &n);
    for (size_t i = 0; i < n; i++) {
        const diag *g = v[i].g;
        strbuf msg;
        sb_init(&msg);
        if (g->at.src && g->at.src != v[i].from->main) {
            source_pos p = source_position(g->at.src, g->at.start);
            sb_printf(&msg, "%s:%u:%u: ", g->at.src->name, p.line, p.col);
        }
        sb_puts(&msg, g->msg);
        json_t *related = json_array();
        for (const diag_note *k = g->notes; k; k = k->next) {
            if (k->at.src) {
                json_array_append_new(related, json_pack("{s:o,s:o}", "location", location(d, v[i].from, k->at.src, k->at.start, k->at.end),
                                                         "message", lsp_jstr(k->msg)));
            } else {
                sb_printf(&msg, "\nnote: %s", k->msg);
            }
        }
        if (g->help) sb_printf(&msg, "\nhelp: %s", g->help);
        if (v[i].kept) sb_puts(&msg, "\n(kept from the last version without errors: the document has errors now)");
        json_t *o = json_object();
        json_object_set_new(o, "range", lsp_range_json(d->text, d->len, v[i].b, v[i].e));
        json_object_set_new(o, "severity", json_integer(severity_code(g->sev)));
        if (g->code) json_object_set_new(o, "code", json_string(g->code));
        json_object_set_new(o, "source", json_string("buckle"));
        json_object_set_new(o, "message", lsp_jstrn(msg.data ? msg.data : "", msg.len));
        if (json_array_size(related)) json_object_set_new(o, "relatedInformation", related);
        else json_decref(related);
        json_array_append_new(arr, o);
        sb_free(&msg);
    }
    free(v);
    return arr;
}
