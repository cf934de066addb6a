/* server.c - the message loop, the lifecycle (initialize, shutdown, exit)
 * and the open documents. */
#include "server.h"
#include <string.h>

lsp_doc *lsp_doc_find(lsp_server *s, const char *uri)
{
    for (size_t i = 0; i < s->ndocs; i++) if (!strcmp(s->docs[i]->uri, uri)) return s->docs[i];
    return NULL;
}

static void publish(lsp_server *s, lsp_doc *d);

/* A changed document is analysed when the input has nothing more for the
 * moment, or when a request needs it: changes typed faster than they are
 * analysed are taken together, and diagnostics are never stale. */
static void settle(lsp_server *s, lsp_doc *d)
{
    if (!d->dirty) return;
    d->dirty = 0;
    lsp_analyze(s, d);
    publish(s, d);
}

lsp_doc *lsp_doc_of(lsp_server *s, json_t *params)
{
    const char *uri = json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
    lsp_doc *d = uri ? lsp_doc_find(s, uri) : NULL;
    if (d) settle(s, d);
    return d;
}

static void doc_free(lsp_doc *d)
{
    lsp_doc_clear(d);
    free(d->uri);
    free(d->path);
    free(d->text);
    free(d);
}

static void publish(lsp_server *s, lsp_doc *d)
{
    json_t *p = json_object();
    json_object_set_new(p, "uri", json_string(d->uri));
    if (d->version >= 0) json_object_set_new(p, "version", json_integer(d->version));
    json_object_set_new(p, "diagnostics", lsp_diagnostics(s, d));
    rpc_notify(&s->io, "textDocument/publishDiagnostics", p);
}

static void set_text(lsp_doc *d, const char *t, size_t n)
{
    char *copy = xmalloc(n + 1);
    memcpy(copy, t, n);
    copy[n] = 0;
    free(d->text);
    d->text = copy;
    d->len = n;
}

static int did_open(lsp_server *s, json_t *params)
{
    json_t *td = json_object_get(params, "textDocument");
    const char *uri = json_string_value(json_object_get(td, "uri"));
    json_t *text = json_object_get(td, "text");
    if (!uri || !json_is_string(text)) return -1;
    lsp_doc *d = lsp_doc_find(s, uri);
    if (!d) {
        d = xcalloc(1, sizeof *d);
        d->uri = xstrdup(uri);
        d->path = lsp_path_of_uri(uri);
        size_t n = strlen(d->path);
        d->is_sb = n > 3 && !strcmp(d->path + n - 3, ".sb");
        if (s->ndocs == s->docs_cap) {
            s->docs_cap = s->docs_cap ? s->docs_cap * 2 : 8;
            s->docs = xrealloc(s->docs, s->docs_cap * sizeof *s->docs);
        }
        s->docs[s->ndocs++] = d;
    } else {
        lsp_doc_clear(d);       /* opened again: nothing of before is kept */
    }
    json_t *v = json_object_get(td, "version");
    d->version = json_is_integer(v) ? (long long)json_integer_value(v) : -1;
    set_text(d, json_string_value(text), json_string_length(text));
    lsp_analyze(s, d);
    publish(s, d);
    return 0;
}

static int did_change(lsp_server *s, json_t *params)
{
    const char *uri = json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
    lsp_doc *d = uri ? lsp_doc_find(s, uri) : NULL;
    json_t *changes = json_object_get(params, "contentChanges");
    if (!d || !json_is_array(changes)) return -1;
    size_t i;
    json_t *ch;
    json_array_foreach(changes, i, ch) {
        json_t *text = json_object_get(ch, "text"), *range = json_object_get(ch, "range");
        if (!json_is_string(text)) return -1;
        const char *t = json_string_value(text);
        size_t n = json_string_length(text);
        if (!range) {
            if (n > LSP_MAX_MESSAGE) return -1;
            lsp_edit_whole(d, t, n);
            set_text(d, t, n);
            d->dirty = 1;
            continue;
        }
        lsp_pos a, b;
        json_t *st = json_object_get(range, "start"), *en = json_object_get(range, "end");
        a.line = (long)json_integer_value(json_object_get(st, "line"));
        a.character = (long)json_integer_value(json_object_get(st, "character"));
        b.line = (long)json_integer_value(json_object_get(en, "line"));
        b.character = (long)json_integer_value(json_object_get(en, "character"));
        uint32_t ob = lsp_offset_of(d->text, d->len, a), oe = lsp_offset_of(d->text, d->len, b);
        if (oe < ob) oe = ob;
        size_t nl = d->len - (oe - ob) + n;
        if (nl > LSP_MAX_MESSAGE) return -1;
        lsp_edit(d, ob, oe, (uint32_t)n);
        char *m = xmalloc(nl + 1);
        memcpy(m, d->text, ob);
        memcpy(m + ob, t, n);
        memcpy(m + ob + n, d->text + oe, d->len - oe);
        m[nl] = 0;
        free(d->text);
        d->text = m;
        d->len = nl;
        d->dirty = 1;
    }
    json_t *v = json_object_get(json_object_get(params, "textDocument"), "version");
    if (json_is_integer(v)) d->version = (long long)json_integer_value(v);
    d->dirty = 1;
    return 0;
}

static int did_close(lsp_server *s, json_t *params)
{
    const char *uri = json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
    lsp_doc *d = uri ? lsp_doc_find(s, uri) : NULL;
    if (!d) return -1;
    json_t *p = json_pack("{s:s,s:[]}", "uri", d->uri, "diagnostics");
    for (size_t i = 0; i < s->ndocs; i++)
        if (s->docs[i] == d) { s->docs[i] = s->docs[--s->ndocs]; break; }
    doc_free(d);
    rpc_notify(&s->io, "textDocument/publishDiagnostics", p);
    return 0;
}

static json_t *capabilities(const lsp_server *s)
{
    return json_pack("{s:{s:{s:b,s:i,s:{s:b}},s:b,s:{s:[s,s,s,s]},s:b,s:b,s:{s:[s]}},s:{s:s,s:s}}",
        "capabilities",
            "textDocumentSync", "openClose", 1, "change", 2, "save", "includeText", 0,
            "hoverProvider", 1,
            "completionProvider", "triggerCharacters", "\"", "$", "/", " ",
            "definitionProvider", 1,
            "documentFormattingProvider", 1,
            "codeActionProvider", "codeActionKinds", "quickfix",
        "serverInfo", "name", "buckle", "version", s->cfg.version ? s->cfg.version : "");
}

typedef struct handler { const char *method; void (*fn)(lsp_server *, json_t *, json_t *); } handler;

static const handler requests[] = {
    { "textDocument/hover", lsp_hover },
    { "textDocument/completion", lsp_completion },
    { "textDocument/definition", lsp_definition },
    { "textDocument/formatting", lsp_formatting },
    { "textDocument/codeAction", lsp_code_action },
};

/* One message; returns 1 when the server should stop (exit). */
static int dispatch(lsp_server *s, json_t *msg, int *exit_code)
{
    if (!json_is_object(msg)) { rpc_error(&s->io, NULL, RPC_INVALID_REQUEST, "a message must be a JSON object"); return 0; }
    json_t *id = json_object_get(msg, "id"), *params = json_object_get(msg, "params");
    json_t *m = json_object_get(msg, "method");
    if (id && !json_is_string(id) && !json_is_integer(id) && !json_is_null(id)) {
        rpc_error(&s->io, NULL, RPC_INVALID_REQUEST, "\"id\" must be a number or a string");
        return 0;
    }
    if (!m) {
        if (id && (json_object_get(msg, "result") || json_object_get(msg, "error"))) return 0;   /* a response: we ask nothing */
        rpc_error(&s->io, id, RPC_INVALID_REQUEST, "a request needs a \"method\" string");
        return 0;
    }
    if (!json_is_string(m)) { rpc_error(&s->io, id, RPC_INVALID_REQUEST, "\"method\" must be a string"); return 0; }
    const char *method = json_string_value(m);
    if (params && !json_is_object(params) && !json_is_array(params)) {
        if (id) rpc_error(&s->io, id, RPC_INVALID_PARAMS, "\"params\" must be an object or an array");
        return 0;
    }
    if (!strcmp(method, "exit")) { *exit_code = s->state == 2 ? 0 : 1; return 1; }
    if (!strcmp(method, "initialize")) {
        if (!id) return 0;
        if (s->state != 0) { rpc_error(&s->io, id, RPC_INVALID_REQUEST, "initialize was already received"); return 0; }
        s->state = 1;
        rpc_result(&s->io, id, capabilities(s));
        return 0;
    }
    if (s->state == 0) {
        if (id) rpc_error(&s->io, id, RPC_NOT_INITIALIZED, "the server is not initialized: send initialize first");
        return 0;
    }
    if (s->state == 2) {
        if (id) rpc_error(&s->io, id, RPC_INVALID_REQUEST, "the server is shut down: only exit is accepted");
        return 0;
    }
    if (!strcmp(method, "shutdown")) {
        if (!id) return 0;
        s->state = 2;
        rpc_result(&s->io, id, json_null());
        return 0;
    }
    if (!id) {   /* notifications */
        int rc = 0;
        if (!strcmp(method, "textDocument/didOpen")) rc = did_open(s, params);
        else if (!strcmp(method, "textDocument/didChange")) rc = did_change(s, params);
        else if (!strcmp(method, "textDocument/didClose")) rc = did_close(s, params);
        if (rc) {
            json_t *p = json_pack("{s:i,s:s+}", "type", 1, "message", "buckle lsp: ignored an invalid ", method);
            rpc_notify(&s->io, "window/logMessage", p);
        }
        return 0;   /* others (initialized, didSave, $/...) need nothing */
    }
    for (size_t i = 0; i < sizeof requests / sizeof requests[0]; i++) {
        if (strcmp(requests[i].method, method) != 0) continue;
        if (!json_is_object(params)) { rpc_error(&s->io, id, RPC_INVALID_PARAMS, "\"params\" must be an object"); return 0; }
        requests[i].fn(s, id, params);
        return 0;
    }
    char text[300];
    snprintf(text, sizeof text, "unknown method %.200s", method);
    rpc_error(&s->io, id, RPC_METHOD_NOT_FOUND, text);
    return 0;
}

int lsp_serve(const lsp_config *cfg, int in_fd, int out_fd)
{
    lsp_server s;
    memset(&s, 0, sizeof s);
    s.cfg = *cfg;
    rpc_init(&s.io, in_fd, out_fd);
    arena_init(&s.pool);
    int exit_code = 1;
    for (;;) {
        if (!rpc_pending(&s.io))
            for (size_t i = 0; i < s.ndocs && !s.io.out_failed; i++) settle(&s, s.docs[i]);
        json_t *msg;
        char why[256];
        rpc_status st = rpc_read(&s.io, &msg, why, sizeof why);
        if (st == RPC_EOF) break;
        if (st == RPC_BAD_JSON) { rpc_error(&s.io, NULL, RPC_PARSE_ERROR, why); continue; }
        if (st == RPC_BAD_FRAME || st == RPC_TOO_LARGE) { rpc_error(&s.io, NULL, RPC_INVALID_REQUEST, why); continue; }
        int stop = dispatch(&s, msg, &exit_code);
        json_decref(msg);
        if (stop || s.io.out_failed) break;
    }
    for (size_t i = 0; i < s.ndocs; i++) doc_free(s.docs[i]);
    free(s.docs);
    arena_free(&s.pool);
    rpc_free(&s.io);
    return exit_code;
}
