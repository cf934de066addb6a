/* features.c - hover, completion and go-to-definition. */
#include "server.h"
#include "../compiler/decide.h"
#include "../backend/emit.h"
#include "../compiler/verbs.h"
#include <dirent.h>
#include <string.h>
#include <sys/stat.h>

static int is_action(const char *w) { return !strcmp(w, "allow") || !strcmp(w, "deny"); }

static const char *const kinds_all[] = { "subpath", "literal", "prefix", "glob", "regex", "name", "local", "target",
                                         "class", "registry-class" };

static int is_kind(const char *w)
{
    for (size_t i = 0; i < sizeof kinds_all / sizeof kinds_all[0]; i++) if (!strcmp(kinds_all[i], w)) return 1;
    return 0;
}

/* The section and verb a token of a rule or an expect belongs to, from the
 * words of its statement before it (w[0, n)).  *verb_pos: index of the verb
 * in w, or -1 when the verb is not among them. */
typedef struct rule_ctx { section_t sec; const char *verb; long verb_pos; const char *kind; } rule_ctx;

static rule_ctx rule_context(const lsp_ctx *cx, const char **w, size_t n)
{
    rule_ctx r = { SEC_NONE, NULL, -1, NULL };
    size_t i = 0;
    if (cx->in_test) {
        if (n > 0 && !strcmp(w[0], "expect")) {
            if (n > 2) r.sec = section_from_name(w[2]);
            if (n > 3) { r.verb = w[3]; r.verb_pos = 3; }
        }
        return r;
    }
    if (cx->section == SEC_NONE) return r;
    r.sec = cx->section;
    if (i < n && !strcmp(w[i], "remove")) i++;
    if (i < n && is_action(w[i])) i++; else return r;
    if (i < n && !strcmp(w[i], "final")) i++;
    if (i < n) { r.verb = w[i]; r.verb_pos = (long)i; }
    if (n > 0 && r.verb && (long)n - 1 > r.verb_pos && is_kind(w[n - 1])) r.kind = w[n - 1];
    return r;
}

static void verb_markdown(strbuf *md, section_t sec, const char *verb)
{
    verb_info v;
    if (!verb_resolve(sec, verb, &v)) { sb_printf(md, "unknown verb `%s` in section %s", verb, section_name(sec)); return; }
    int noop = 0, op = op_lookup(v.op, &noop);
    sb_printf(md, "**%s %s** → SBPL `%s`", section_name(sec), verb, v.op);
    if (op < 0) { sb_puts(md, noop ? " (a no-op since macOS 10.15)" : ""); return; }
    const opset *cov = &op_get(op)->covers;
    sb_printf(md, "\n\n%d concrete operation%s:", opset_count(cov), opset_count(cov) == 1 ? "" : "s");
    for (int i = 0; i < ops_count(); i++) if (opset_has(cov, i)) sb_printf(md, " `%s`", op_get(i)->name);
    sb_printf(md, "\n\nmatchers: %s", kinds_describe(v.kinds));
}

static void rule_markdown(strbuf *md, const char *id)
{
    const lint_rule *r = lint_rule_find(id);
    if (!r) return;
    sb_printf(md, "**%s %s** (%s%s)\n\n%s.\n\n%s\n\nFix: %s", r->id, r->info.slug, severity_name(r->info.default_sev),
              r->unsuppressible ? ", cannot be suppressed" : "", r->info.summary, r->info.rationale, r->fix);
}

/* Line and column (code points, from 1) of byte off, as source_position. */
static source_pos text_position(const char *text, size_t len, uint32_t off)
{
    source_pos p = { 1, 1 };
    for (uint32_t i = 0; i < off && i < len; i++) {
        if (text[i] == '\n') { p.line++; p.col = 1; }
        else if (((unsigned char)text[i] & 0xC0) != 0x80) p.col++;
    }
    return p;
}

static void decision_markdown(strbuf *md, lsp_doc *d, section_t sec, const char *verb, const char *obj)
{
    verb_info v;
    if (!verb_resolve(sec, verb, &v)) return;
    int op = op_lookup(v.op, NULL);
    if (op < 0) return;
    /* while the text has errors: the decision of the last version without */
    lsp_analysis *an = d->an->c && d->an->rc == 0 ? d->an : d->good;
    if (!an || !an->c || an->rc != 0) { sb_printf(md, "%s(the profile has errors: no decision to show)", md->len ? "\n\n" : ""); return; }
    /* one decider per analysis: its rule index is built once for every hover */
    if (!an->dec) an->dec = decider_new(an->c, NULL, 0);
    decider *dec = an->dec;
    const char *missing = decider_missing(dec);
    if (missing) {
        sb_printf(md, "%s(parameter $%s has no value: no decision to show)", md->len ? "\n\n" : "", missing);
        return;
    }
    sb_request proto;
    memset(&proto, 0, sizeof proto);
    request_kind_for(sec, verb, obj, &proto);
    int is_path = proto.kind == OBJ_PATH;
    const char *o = decider_expand_object(dec, obj, is_path || obj[0] == '~' || obj[0] == '/');
    /* the concrete operations grouped by their decision and deciding rule */
    typedef struct grp { int action; const rule *r; } grp;
    int nops = ops_count();
    grp *g = xcalloc((size_t)nops + 1, sizeof *g);
    int *of = xcalloc((size_t)nops + 1, sizeof *of);
    int ng = 0;
    const opset *cov = &op_get(op)->covers;
    for (int k = 0; k < nops; k++) {
        of[k] = -1;
        if (!opset_has(cov, k)) continue;
        sb_request q = proto;
        q.op = k;
        q.obj = o;
        q.len = strlen(o);
        decision dd = decider_decide(dec, &q);
        int j;
        for (j = 0; j < ng; j++) if (g[j].action == dd.action && g[j].r == dd.r) break;
        if (j == ng) { g[ng].action = dd.action; g[ng].r = dd.r; ng++; }
        of[k] = j;
    }
    sb_printf(md, "%s**%s %s** `%s`:", md->len ? "\n\n" : "", section_name(sec), verb, o);
    for (int j = 0; j < ng; j++) {
        sb_printf(md, "\n- **%s**", g[j].action == ACT_ALLOW ? "allow" : g[j].action == ACT_DENY ? "deny" : "undecidable");
        if (ng > 1) {
            sb_puts(md, " (");
            int first = 1;
            for (int k = 0; k < nops; k++)
                if (of[k] == j) { sb_printf(md, "%s%s", first ? "" : ", ", op_get(k)->name); first = 0; }
            sb_puts(md, ")");
        }
        if (g[j].r) {
            strbuf rt;
            sb_init(&rt);
            ir_rule_text(&rt, g[j].r);
            const origin *or = g[j].r->origins;
            source_pos p = source_position(or->u->src, or->at.start);
            uint32_t b, e;
            if (an != d->an && or->u->src == an->main) {
                /* a rule of this document: where it is now */
                if (lsp_span_here(d, an, or->at, &b, &e)) p = text_position(d->text, d->len, b);
                else p.line = 0;
            }
            if (p.line) sb_printf(md, " by `%s` at %s:%u:%u", sb_cstr(&rt), or->u->display, p.line, p.col);
            else sb_printf(md, " by `%s`, in a part of %s changed since", sb_cstr(&rt), or->u->display);
            if (implied_final_why(g[j].r)) sb_printf(md, " (implied: %s)", implied_final_why(g[j].r));
            else if (g[j].r->implied) sb_puts(md, " (implied traversal)");
            sb_free(&rt);
        } else {
            sb_printf(md, " by the default (%s)", action_name(an->c->pol.default_action));
        }
    }
    if (an != d->an) sb_puts(md, "\n\n(decided by the last version of this profile without errors: it has errors now)");
    free(of);
    free(g);
}

static void hover_comment(strbuf *md, const char *text, const tok *t, uint32_t off)
{
    /* the word under the cursor inside "# buckle: ignore[BK3002, slug] -- why" */
    uint32_t b = off, e = off;
    while (b > t->start && (text[b - 1] == '-' || (text[b - 1] >= '0' && text[b - 1] <= '9') ||
                            (text[b - 1] >= 'A' && text[b - 1] <= 'Z') || (text[b - 1] >= 'a' && text[b - 1] <= 'z'))) b--;
    while (e < t->end && (text[e] == '-' || (text[e] >= '0' && text[e] <= '9') ||
                          (text[e] >= 'A' && text[e] <= 'Z') || (text[e] >= 'a' && text[e] <= 'z'))) e++;
    if (e <= b || e - b > 64) return;
    char w[65];
    memcpy(w, text + b, e - b);
    w[e - b] = 0;
    rule_markdown(md, w);
}

/* The open .buckle document of a request with a position, and the
 * offset and context at it; NULL when the request is answered already (bad params:
 * an error; no such document, or an .sb file: null). */
static lsp_doc *buckle_doc_at(lsp_server *s, json_t *id, json_t *params, const char *what, uint32_t *off,
                              lsp_ctx *cx)
{
    lsp_doc *d = lsp_doc_of(s, params);
    lsp_pos pos;
    if (!lsp_params_pos(params, &pos)) {
        char msg[80];
        snprintf(msg, sizeof msg, "%s needs textDocument and position", what);
        rpc_error(&s->io, id, RPC_INVALID_PARAMS, msg);
        return NULL;
    }
    if (!d || d->is_sb) { rpc_result(&s->io, id, json_null()); return NULL; }
    *off = lsp_offset_of(d->text, d->len, pos);
    lsp_context(d->text, d->len, *off, cx);
    return d;
}

void lsp_hover(lsp_server *s, json_t *id, json_t *params)
{
    uint32_t off;
    lsp_ctx cx;
    lsp_doc *d = buckle_doc_at(s, id, params, "hover", &off, &cx);
    if (!d) return;
    arena a;
    arena_init(&a);
    strbuf md;
    sb_init(&md);
    if (cx.at >= 0) {
        const tok *t = &cx.tl.v[cx.at];
        const char *w[64];
        size_t n = lsp_stmt_words(&cx, d->text, cx.at, w, 64, &a);
        rule_ctx rc = rule_context(&cx, w, n);
        if (t->kind == TK_COMMENT) {
            hover_comment(&md, d->text, t, off);
        } else if (t->kind == TK_WORD) {
            char *word = arena_strndup(&a, d->text + t->start, t->end - t->start);
            if (rc.sec != SEC_NONE && !rc.verb && (n == 0 || strcmp(word, "final") != 0) &&
                (n > 0 && (is_action(w[n - 1]) || !strcmp(w[n - 1], "final") || (cx.in_test && n == 3))))
                verb_markdown(&md, rc.sec, word);
            else if (cx.depth == 0 && n == 0 && section_from_name(word) != SEC_NONE) {
                section_t sec = section_from_name(word);
                sb_printf(&md, "**%s** section; verbs:", word);
                for (size_t i = 0; verb_at(i); i++)
                    if (verb_at(i)->section == sec) sb_printf(&md, " `%s`", verb_at(i)->verb);
                if (sec == SEC_FILES) sb_puts(&md, ", and file-* SBPL operations");
                if (sec == SEC_MISC) sb_puts(&md, " (any SBPL operation by name)");
            }
        } else if (t->kind == TK_STRING && n > 0 && !strcmp(w[0], "extends")) {
            const unit *mu = lsp_main_unit(d);
            for (size_t i = 0; mu && i < d->an->c->nunits; i++) {
                const unit *u = d->an->c->units[i];
                if (u->via == mu && u->via_at.start <= off && off < u->via_at.end)
                    sb_printf(&md, "`%.*s` is %s", (int)(t->end - t->start), d->text + t->start, u->src->path);
            }
        } else if (t->kind == TK_STRING && rc.verb) {
            const char *obj = lsp_string_value(&a, d->text, t);
            if (rc.sec == SEC_MACH) {
                const char *risk;
                severity sev;
                const char *why = lint_mach_risk(obj, &risk, &sev);
                if (why) sb_printf(&md, "**%s**: risk **%s** (%s, BK3002): %s", obj, risk, severity_name(sev), why);
                else sb_printf(&md, "**%s**: not in buckle's table of risky mach services", obj);
            }
            if (!rc.kind || (strcmp(rc.kind, "glob") && strcmp(rc.kind, "regex")))
                decision_markdown(&md, d, rc.sec, rc.verb, obj);
        }
        if (md.len) {
            json_t *r = json_pack("{s:{s:s,s:o},s:o}", "contents", "kind", "markdown", "value", lsp_jstrn(md.data, md.len),
                                  "range", lsp_range_json(d->text, d->len, t->start, t->end));
            rpc_result(&s->io, id, r);
            sb_free(&md);
            tokens_free(&cx.tl);
            arena_free(&a);
            return;
        }
    }
    sb_free(&md);
    tokens_free(&cx.tl);
    arena_free(&a);
    rpc_result(&s->io, id, json_null());
}

/* ---- completion ---------------------------------------------------------- */

enum { CK_FUNCTION = 3, CK_VARIABLE = 6, CK_MODULE = 9, CK_VALUE = 12, CK_KEYWORD = 14, CK_CONSTANT = 21 };

static void item(json_t *arr, const char *label, int kind, const char *detail)
{
    json_t *o = json_pack("{s:o,s:i}", "label", lsp_jstr(label), "kind", kind);
    if (detail) json_object_set_new(o, "detail", lsp_jstr(detail));
    json_array_append_new(arr, o);
}

static int has_label(json_t *arr, const char *label)
{
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v)
        if (!strcmp(json_string_value(json_object_get(v, "label")), label)) return 1;
    return 0;
}

static void std_names(json_t *arr, arena *a, const char *root, const char *rel, int depth)
{
    if (depth > 4) return;
    DIR *dp = opendir(arena_printf(a, "%s/%s", root, rel));
    if (!dp) return;
    struct dirent *e;
    while ((e = readdir(dp))) {
        if (e->d_name[0] == '.') continue;
        char *sub = arena_printf(a, "%s/%s", rel, e->d_name);
        struct stat st;
        if (stat(arena_printf(a, "%s/%s", root, sub), &st) != 0) continue;
        size_t n = strlen(sub);
        if (S_ISDIR(st.st_mode)) std_names(arr, a, root, sub, depth + 1);
        else if (n > 7 && !strcmp(sub + n - 7, ".buckle")) {
            sub[n - 7] = 0;
            if (!has_label(arr, sub)) item(arr, sub, CK_MODULE, "standard library profile");
        }
    }
    closedir(dp);
}

static void verbs_of(json_t *arr, section_t sec)
{
    for (size_t i = 0; verb_at(i); i++) {
        const verb_info *v = verb_at(i);
        if (v->section == sec) item(arr, v->verb, CK_FUNCTION, v->op);
    }
}

static void string_items(lsp_server *s, lsp_doc *d, lsp_ctx *cx, const char **w, size_t n, const tok *t,
                         uint32_t off, json_t *arr, arena *a)
{
    /* a parameter after '$' */
    const char *typed = d->text + t->start + 1;
    size_t tn = off > t->start ? off - t->start - 1 : 0;
    const char *dollar = NULL;
    for (size_t i = 0; i < tn; i++) if (typed[i] == '$') dollar = typed + i;
    if (dollar) {
        size_t np;
        const sb_param *tv = test_param_values(&np);
        for (size_t i = 0; i < np; i++) item(arr, tv[i].name, CK_VARIABLE, "built-in parameter");
        if (d->an->c)
            for (size_t i = 0; i < d->an->c->pol.nparams; i++) {
                const param_decl *p = d->an->c->pol.params[i];
                if (!p->builtin && !has_label(arr, p->name)) item(arr, p->name, CK_VARIABLE, "declared parameter");
            }
        tok_list all;
        tokens_scan(d->text, d->len, &all);
        for (size_t i = 0; i + 1 < all.n; i++)
            if (tok_word(&all.v[i], d->text, "param") && all.v[i + 1].kind == TK_WORD) {
                const char *nm = arena_strndup(a, d->text + all.v[i + 1].start, all.v[i + 1].end - all.v[i + 1].start);
                if (!has_label(arr, nm)) item(arr, nm, CK_VARIABLE, "declared parameter");
            }
        tokens_free(&all);
        return;
    }
    if (n > 0 && !strcmp(w[0], "extends")) {
        for (size_t i = 0; i < STD_DIRS_MAX && s->cfg.std_dirs[i]; i++) std_names(arr, a, s->cfg.std_dirs[i], "std", 0);
        return;
    }
    rule_ctx rc = rule_context(cx, w, n);
    if (rc.sec == SEC_MACH) {
        for (size_t i = 0; lint_mach_service_at(i); i++) {
            const char *risk;
            lint_mach_risk(lint_mach_service_at(i), &risk, NULL);
            item(arr, lint_mach_service_at(i), CK_CONSTANT, arena_printf(a, "risky (%s): see BK3002", risk));
        }
        if (d->an->c)
            for (size_t i = 0; i < d->an->c->pol.rules.n; i++) {
                const rule *r = d->an->c->pol.rules.v[i];
                if (r && r->section == SEC_MACH && r->m.kind == MK_NAME && r->m.value && r->m.plain &&
                    !has_label(arr, r->m.value))
                    item(arr, r->m.value, CK_CONSTANT, "mach service named in the profile's chain");
            }
    }
}

void lsp_completion(lsp_server *s, json_t *id, json_t *params)
{
    uint32_t off;
    lsp_ctx cx;
    lsp_doc *d = buckle_doc_at(s, id, params, "completion", &off, &cx);
    if (!d) return;
    arena a;
    arena_init(&a);
    json_t *arr = json_array();
    long end = cx.at >= 0 ? cx.at : cx.before + 1;
    const char *w[64];
    size_t n = lsp_stmt_words(&cx, d->text, end, w, 64, &a);
    const tok *t = cx.at >= 0 ? &cx.tl.v[cx.at] : NULL;
    if (t && t->kind == TK_COMMENT) {
        /* rule IDs inside a suppression */
        for (size_t i = 0; i < lint_rule_count(); i++) {
            const lint_rule *r = lint_rule_at(i);
            if (!r->unsuppressible) item(arr, r->id, CK_VALUE, r->info.slug);
        }
    } else if (t && (t->kind == TK_STRING || t->kind == TK_TSTRING)) {
        if (t->kind == TK_STRING) string_items(s, d, &cx, w, n, t, off, arr, &a);
    } else if (cx.in_test) {
        if (n == 0) item(arr, "expect", CK_KEYWORD, "expect allow|deny SECTION VERB \"object\";");
        else if (n == 1 && !strcmp(w[0], "expect")) { item(arr, "allow", CK_KEYWORD, NULL); item(arr, "deny", CK_KEYWORD, NULL); }
        else if (n == 2) for (int k = 0; k < SEC_COUNT; k++) item(arr, section_name((section_t)k), CK_KEYWORD, "section");
        else if (n == 3) { section_t sec = section_from_name(w[2]); if (sec != SEC_NONE) verbs_of(arr, sec); }
    } else if (cx.section != SEC_NONE) {
        rule_ctx rc = rule_context(&cx, w, n);
        if (n == 0) { item(arr, "allow", CK_KEYWORD, NULL); item(arr, "deny", CK_KEYWORD, NULL); item(arr, "remove", CK_KEYWORD, "remove an inherited rule"); }
        else if (n == 1 && !strcmp(w[0], "remove")) { item(arr, "allow", CK_KEYWORD, NULL); item(arr, "deny", CK_KEYWORD, NULL); }
        else if (!rc.verb && n > 0 && (is_action(w[n - 1]) || !strcmp(w[n - 1], "final"))) {
            if (is_action(w[n - 1])) item(arr, "final", CK_KEYWORD, "cannot be overridden by extending profiles");
            verbs_of(arr, cx.section);
        } else if (rc.verb) {
            verb_info v;
            if (verb_resolve(cx.section, rc.verb, &v)) {
                const char *last = w[n - 1];
                if (strcmp(last, "\"") == 0 || (long)n - 1 == rc.verb_pos || !strcmp(last, ",")) {
                    if (v.kinds & KS_PATH) { item(arr, "subpath", CK_KEYWORD, "the path and everything under it (the default)");
                        item(arr, "literal", CK_KEYWORD, "exactly this path"); item(arr, "prefix", CK_KEYWORD, "paths starting with the string");
                        item(arr, "glob", CK_KEYWORD, "* within a component, ** across"); item(arr, "regex", CK_KEYWORD, "a Seatbelt regex"); }
                    if (v.kinds & (KS_NAME | KS_MACH)) { item(arr, "name", CK_KEYWORD, "exactly this name (the default)");
                        item(arr, "prefix", CK_KEYWORD, "names starting with the string"); item(arr, "regex", CK_KEYWORD, "a Seatbelt regex"); }
                    if (v.kinds & KS_MACH) item(arr, "local", CK_KEYWORD, "a per-session (local) service name");
                    if (v.kinds & KS_TARGET) item(arr, "target", CK_KEYWORD, "self, children or others");
                    if (v.kinds & KS_IOKIT) { item(arr, "class", CK_KEYWORD, NULL); item(arr, "registry-class", CK_KEYWORD, NULL); }
                }
                if (strcmp(last, ",") != 0 && (long)n - 1 != rc.verb_pos) {
                    item(arr, "report", CK_KEYWORD, "log the decision"); item(arr, "no-report", CK_KEYWORD, "do not log it");
                    item(arr, "message", CK_KEYWORD, "message \"text\" shown on deny");
                }
            }
        }
    } else if (cx.depth == 0) {
        if (n == 0) {
            static const char *const top[] = { "extends", "param", "default", "sbpl", "test", "platform" };
            for (size_t i = 0; i < 6; i++) item(arr, top[i], CK_KEYWORD, NULL);
            for (int k = 0; k < SEC_COUNT; k++) item(arr, section_name((section_t)k), CK_KEYWORD, "section");
        } else if (n == 1 && !strcmp(w[0], "default")) {
            item(arr, "deny", CK_KEYWORD, NULL);
            item(arr, "allow", CK_KEYWORD, NULL);
        }
    }
    rpc_result(&s->io, id, json_pack("{s:b,s:o}", "isIncomplete", 0, "items", arr));
    tokens_free(&cx.tl);
    arena_free(&a);
}

/* ---- go to definition ---------------------------------------------------- */

static void add_loc(json_t *arr, const lsp_doc *d, const source *src, uint32_t b, uint32_t e)
{
    char *uri = src == d->an->main ? xstrdup(d->uri) : lsp_uri_of_path(src->path);
    json_array_append_new(arr, json_pack("{s:s,s:o}", "uri", uri, "range", lsp_range_json(src->text, src->len, b, e)));
    free(uri);
}

static int same_rule(const rule *x, const rule *y)
{
    return x->action == y->action && x->op == y->op && x->m.kind == y->m.kind && x->m.ns == y->m.ns &&
           x->m.len == y->m.len && (!x->m.len || !memcmp(x->m.value, y->m.value, x->m.len));
}

void lsp_definition(lsp_server *s, json_t *id, json_t *params)
{
    lsp_doc *d = lsp_doc_of(s, params);
    lsp_pos pos;
    if (!lsp_params_pos(params, &pos)) { rpc_error(&s->io, id, RPC_INVALID_PARAMS, "definition needs textDocument and position"); return; }
    const unit *mu = d ? lsp_main_unit(d) : NULL;
    if (!mu) { rpc_result(&s->io, id, json_null()); return; }
    uint32_t off = lsp_offset_of(d->text, d->len, pos);
    json_t *arr = json_array();
    compilation *c = d->an->c;
    /* an extends string: the file it names */
    for (size_t i = 0; i < c->nunits; i++) {
        const unit *u = c->units[i];
        if (u->via == mu && u->via_at.start <= off && off < u->via_at.end) add_loc(arr, d, u->src, 0, 0);
    }
    if (!json_array_size(arr)) {
        /* a rule: where else it is written (inherited copies) and, for a
         * remove, the inherited rules it removes */
        uint32_t sb = 0, se = 0;
        int found = 0;
        for (size_t i = 0; i < mu->ast->nstmts; i++)
            if (mu->ast->stmts[i].start <= off && off <= mu->ast->stmts[i].end) {
                sb = mu->ast->stmts[i].start; se = mu->ast->stmts[i].end; found = 1;
            }
        if (found) {
            for (size_t i = 0; i < c->pol.rules.n; i++) {
                const rule *r = c->pol.rules.v[i];
                if (!r) continue;
                int here = 0;
                for (const origin *o = r->origins; o; o = o->next)
                    if (o->u == mu && o->at.start >= sb && o->at.start <= se) here = 1;
                if (!here) continue;
                for (const origin *o = r->origins; o; o = o->next)
                    if (o->u != mu) add_loc(arr, d, o->u->src, o->at.start, o->at.end);
            }
            for (size_t i = 0; i < mu->removes.n; i++) {
                const rule *rm = mu->removes.v[i];
                if (!rm->origins || rm->origins->at.start < sb || rm->origins->at.start > se) continue;
                for (size_t k = 0; k < c->nunits; k++) {
                    const unit *u = c->units[k];
                    if (u == mu) continue;
                    for (size_t j = 0; j < u->rules.n; j++)
                        if (u->rules.v[j] && same_rule(u->rules.v[j], rm) && u->rules.v[j]->origins)
                            add_loc(arr, d, u->src, u->rules.v[j]->origins->at.start, u->rules.v[j]->origins->at.end);
                }
            }
        }
    }
    if (json_array_size(arr)) rpc_result(&s->io, id, arr);
    else { json_decref(arr); rpc_result(&s->io, id, json_null()); }
}
