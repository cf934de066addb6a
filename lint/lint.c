/* lint.c - the driver: building a view of a .buckle or .sb file, running the
 * passes of the registry (passes.c) on it, then the suppressions. */
#include "lint.h"
#include "suppress.h"
#include "raw_view.h"
#include "../backend/emit.h"
#include <stdio.h>
#include <string.h>

/* Runs the passes of the registry that apply to views of this language. */
static void run_passes(lint_ctx *lc, unsigned on)
{
    size_t n;
    const lint_pass *p = lint_passes(&n);
    for (size_t i = 0; i < n; i++)
        if (p[i].on & on) p[i].run(lc);
}

/* ---- .buckle ------------------------------------------------------------ */

typedef struct bview { compilation *c; lrule **by_id; raw_view *raw; } bview;

/* the profile's decision, with its raw sbpl rules where Seatbelt lets them
 * decide (raw_view.c) */
static int buckle_decide(lint_view *v, const sb_request *q, const lrule **who)
{
    bview *b = v->impl;
    decision dd = decider_decide(v->d, q);
    if (v->probe) v->probe(v->probe_ctx, v->d, q, dd.r);
    *who = dd.r ? b->by_id[dd.r->id] : NULL;
    return raw_view_decide(b->raw, q, dd.action, who);
}

static void keep_sources(source **keep, source *list)
{
    while (list) {
        source *n = list->next;
        list->next = *keep;
        *keep = list;
        list = n;
    }
}

static int lint_buckle(const lint_opts *o, const char *path, arena *a, diag_list *dl, source **keep)
{
    compile_opts co = { 0 };
    co.include_dirs = o->include_dirs;
    co.ninclude = o->ninclude;
    memcpy(co.std_dirs, o->std_dirs, sizeof co.std_dirs);
    co.buckle_path = o->buckle_path;
    co.stdin_name = o->stdin_name;
    co.pool = o->pool;
    co.defines = o->defines;
    co.ndefines = o->ndefines;
    co.platform = o->platform;
    compilation *c = compilation_new(&co);
    int rc = o->text ? compile_profile_text(c, path, o->text, o->text_len) : compile_profile(c, path);
    lint_compilation(c, rc, a, dl);
    /* the diagnostics point into the sources: the caller frees them after rendering */
    int io = c->io_error;
    keep_sources(keep, c->sources);
    c->sources = NULL;
    compilation_free(c);
    return io ? 2 : 0;
}

void lint_compilation(compilation *c, int rc, arena *a, diag_list *dl)
{
    lint_compilation_probed(c, rc, a, dl, NULL, NULL);
}

void lint_compilation_probed(compilation *c, int rc, arena *a, diag_list *dl, lint_probe_fn *probe, void *ctx)
{
    /* compile diagnostics join the lint findings */
    for (diag *d = c->diags.head; d; d = d->next) {
        diag *n = diag_add(dl, d->sev, d->code, d->at, "%s", d->msg);
        if (d->help) diag_help(dl, n, "%s", d->help);
        for (diag_note *k = d->notes; k; k = k->next) diag_note_add(dl, n, k->at, "%s", k->msg);
    }
    lint_view v;
    memset(&v, 0, sizeof v);
    v.a = a;
    v.main = c->nunits ? c->units[c->nunits - 1]->src : NULL;
    lint_ctx lc = { a, dl, &v };
    diag *before = dl->tail;
    if (rc == 0) {
        decider *dec = decider_new(c, NULL, 0);
        if (decider_missing(dec)) {
            /* BK2013: a parameter with neither a value nor a default; the
             * passes see it as a directory that nothing else names */
            size_t nmiss = 0;
            sb_param *miss = arena_alloc(a, (c->params.count + 1) * sizeof *miss);
            for (size_t i = 0; i < c->params.cap; i++) {
                const hm_slot *s = &c->params.slots[i];
                if (!s->hash) continue;
                const param_decl *p = s->val;
                if (!p->used || decider_value(dec, p->name)) continue;
                miss[nmiss].name = p->name;
                miss[nmiss].value = arena_printf(a, "/.buckle-unset/%s", p->name);
                nmiss++;
                diag *d = lint_report(&lc, BK2013, p->at,
                    "parameter %s has no value and no default: the findings that depend on it are not reported", p->name);
                diag_help(dl, d, "give it a default (param %s = \"...\";) or lint with -D %s=VALUE", p->name, p->name);
            }
            decider_free(dec);
            dec = decider_new(c, miss, nmiss);
        }
        if (!decider_missing(dec)) {
            bview bv = { c, arena_alloc(a, (c->pol.rules.n + 1) * sizeof(lrule *)), raw_view_build(a, c, dec) };
            v.c = c;
            v.d = dec;
            v.impl = &bv;
            v.decide = buckle_decide;
            v.probe = probe;
            v.probe_ctx = ctx;
            v.rules = arena_alloc(a, (c->pol.rules.n + raw_view_size(bv.raw) + 1) * sizeof *v.rules);
            for (size_t i = 0; i < c->pol.rules.n; i++) {
                const rule *r = c->pol.rules.v[i];
                lrule *l = &v.rules[v.n++];
                bv.by_id[r->id] = l;
                l->action = r->action;
                l->op = r->op;
                switch (r->m.kind) {
                case MK_NONE: l->kind = LK_NONE; break;
                case MK_LITERAL: l->kind = LK_LITERAL; break;
                case MK_SUBPATH: l->kind = LK_SUBPATH; break;
                case MK_PREFIX: case MK_NAME_PREFIX: l->kind = LK_PREFIX; break;
                case MK_NAME: l->kind = LK_NAME; break;
                case MK_IP: case MK_TARGET: l->kind = LK_OTHER; break;
                default: l->kind = LK_PATTERN;
                }
                size_t vlen;
                l->value = r->m.value ? decider_rule_value(dec, r, &vlen) : NULL;
                /* the value (or the verb), not the keyword allow */
                l->at = r->origins && r->origins->value.src ? r->origins->value : origin_primary(r);
                l->provenance = arena_strdup(a, unit_provenance(c, r->origins->u));
                l->implied = r->implied;
            }
            v.n += raw_view_place(bv.raw, v.rules + v.n);
            v.default_action = c->pol.default_action == ACT_ALLOW ? 0 : 1;
            if (c->pol.default_unit) {
                v.default_at = c->pol.default_at;
                v.default_note = arena_strdup(a, unit_provenance(c, c->pol.default_unit));
            }
            v.by_rule_id = bv.by_id;
            run_passes(&lc, LINT_ON_BUCKLE);
        }
        decider_free(dec);
    }
    /* a finding in a base file: a note at each extends that brought it in,
     * nearest first (the chain of SARIF relatedLocations) */
    for (diag *d = before ? before->next : dl->head; d; d = d->next) {
        const unit *u = NULL;
        for (size_t i = 0; i < c->nunits && !u; i++) if (c->units[i]->src == d->at.src) u = c->units[i];
        for (; u && u->via; u = u->via)
            diag_note_add(dl, d, u->via_at, "%s is extended here", u->display);
    }
    /* suppressions, file by file: each covers its own file's lines, and a
     * suppression on an extends statement (or a file-ignore) also covers
     * the findings in the bases brought in through it */
    for (size_t i = 0; i < c->nunits; i++) {
        const unit *u = c->units[i];
        uint32_t *s = arena_alloc(a, (u->ast->nstmts + 1) * sizeof *s), *e = arena_alloc(a, (u->ast->nstmts + 1) * sizeof *e);
        for (size_t k = 0; k < u->ast->nstmts; k++) { s[k] = u->ast->stmts[k].start; e[k] = u->ast->stmts[k].end; }
        lint_alias *al = arena_alloc(a, (c->nunits + 1) * sizeof *al);
        size_t nal = 0;
        for (size_t k = 0; k < c->nunits; k++) {
            const unit *x = c->units[k];
            while (x && x->via && x->via != u) x = x->via;
            if (x && x->via == u && c->units[k] != u) { al[nal].src = c->units[k]->src; al[nal].at = x->via_at.start; nal++; }
        }
        /* the rules of the other platform's blocks (lower.c kept where they are) */
        lint_spans off = { u->other_start, u->other_end, u->nother };
        lint_apply_suppressions(&lc, u->src, s, e, u->ast->nstmts, '#', al, nal, &off);
    }
    /* the policy for Linux (lint --platform linux, buckle run there): what
     * concerns only macOS's services has no meaning (docs/linux.md).  Set
     * aside after the suppressions, so that one written for macOS still
     * counts as used. */
    if (compile_platform(c) == PLAT_LINUX) {
        static const char *const macos_only[] = { BK3002, BK3006, BK3008, BK4001, BK4002, BK4003 };
        for (diag *d = before ? before->next : dl->head; d; d = d->next)
            for (size_t k = 0; d->code && k < sizeof macos_only / sizeof macos_only[0]; k++)
                if (!strcmp(d->code, macos_only[k])) d->suppressed = 1;
    }
}

/* ---- .sb ---------------------------------------------------------------- */

static int lint_sb_is_generated(const source *s)
{
    size_t n = strlen(SBPL_GENERATED_MARK);
    return s->len >= n && memcmp(s->text, SBPL_GENERATED_MARK, n) == 0;
}

/* In buckle's own output, what makes the answers undecidable inside an sbpl
 * verbatim block (BK4014) is left to the source, which reports the block as
 * BK4013: lint of the output reports nothing its source does not. */
static void verbatim_undecidable_aside(const source *src, const sbpl_verbatim *vb, diag *from)
{
    for (diag *d = from; d; d = d->next)
        if (d->code && !strcmp(d->code, BK4014) && d->at.src == src && sbpl_in_verbatim(vb, d->at.start)) d->suppressed = 1;
}

/* The blocks of buckle's output copied from raw sbpl and sbpl verbatim
 * blocks: each from its comment line to the next block, the end of a
 * verbatim block or the end of the file.  Their number; their spans in s, e
 * when not NULL. */
static size_t raw_regions(const source *src, uint32_t *s, uint32_t *e)
{
    static const char raw_mark[] = ";; raw sbpl from ";
    size_t n = 0;
    const char *t = src->text, *end = src->text + src->len, *p = t;
    long open = -1;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        int vb = !strncmp(p, SBPL_VERBATIM_MARK, strlen(SBPL_VERBATIM_MARK));
        int rw = !strncmp(p, raw_mark, strlen(raw_mark));
        int vend = !strncmp(p, SBPL_VERBATIM_END, strlen(SBPL_VERBATIM_END) - 1);
        if ((vb || rw || vend) && open >= 0) {
            if (e) e[n - 1] = (uint32_t)(vend ? le - t : p - t);
            open = -1;
        }
        if (vb || rw) {
            if (s) { s[n] = (uint32_t)(p - t); e[n] = (uint32_t)src->len; }
            open = (long)n++;
        }
        p = nl ? nl + 1 : end;
    }
    return n;
}

static const char *param_lookup(const sb_param *p, size_t n, const char *name, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(p[i].name) == len && !memcmp(p[i].name, name, len)) return p[i].value;
    return NULL;
}

/* The defaults buckle compile writes in its header, ";;   default NAME = V"
 * with $OTHER for other parameters: a value for each NAME that has none,
 * when every $OTHER in V has one.  Appended to p (room for n + the lines). */
static size_t header_defaults(arena *a, const source *src, sb_param *p, size_t n)
{
    static const char key[] = ";;   default ";
    const char *t = src->text, *end = src->text + src->len;
    while (t < end && t[0] == ';' && t + 1 < end && t[1] == ';') {
        const char *nl = memchr(t, '\n', (size_t)(end - t));
        const char *le = nl ? nl : end;
        const char *eq = (size_t)(le - t) > sizeof key - 1 && !memcmp(t, key, sizeof key - 1) ? strstr(t, " = ") : NULL;
        if (eq && eq < le) {
            const char *name = t + sizeof key - 1;
            size_t nlen = (size_t)(eq - name);
            strbuf b;
            sb_init(&b);
            int ok = !param_lookup(p, n, name, nlen);
            for (const char *q = eq + 3; ok && q < le; q++) {
                if (*q != '$') { sb_putc(&b, *q); continue; }
                const char *r = q + 1;
                while (r < le && ((*r >= 'A' && *r <= 'Z') || (*r >= 'a' && *r <= 'z') || (*r >= '0' && *r <= '9') || *r == '_' || *r == '-')) r++;
                const char *v = param_lookup(p, n, q + 1, (size_t)(r - q - 1));
                if (!v) ok = 0; else sb_puts(&b, v);
                q = r - 1;
            }
            if (ok) p[n++] = (sb_param){ arena_strndup(a, name, nlen), arena_strdup(a, sb_cstr(&b)) };
            sb_free(&b);
        }
        t = nl ? nl + 1 : end;
    }
    return n;
}

typedef struct sview { sb_policy *p; lrule **by_index; arena *a; } sview;

static int sb_decide(lint_view *v, const sb_request *q, const lrule **who)
{
    sview *s = v->impl;
    sb_answer an = sbpl_decide(s->p, q, s->a);
    *who = an.rule ? s->by_index[an.rule->index] : NULL;
    if (v->sb_probe) v->sb_probe(v->probe_ctx, v->main, q, an.rule);
    return an.decision;
}

static int lint_sb(const lint_opts *o, const char *path, const char *display, arena *a, diag_list *dl, source **keep)
{
    const char *err = NULL;
    source *src = NULL;
    if (o->text) {
        char *copy = xmalloc(o->text_len + 1);
        memcpy(copy, o->text, o->text_len);
        copy[o->text_len] = 0;
        src = source_new(display, path, copy, o->text_len);
    } else {
        src = source_read(display, path, &err);
    }
    if (!src) {
        diag_add(dl, SEV_ERROR, NULL, (span){ 0 }, "cannot read %s: %s", display, err);
        return 2;
    }
    src->next = *keep;
    *keep = src;
    if (o->linted) *o->linted = src;
    /* a file meant for the C preprocessor: one error, not one per line */
    for (uint32_t i = 0; i < src->len; ) {
        uint32_t j = i;
        while (j < src->len && (src->text[j] == ' ' || src->text[j] == '\t')) j++;
        static const char *const cpp[] = { "include", "if", "ifdef", "ifndef", "define", "endif", "else", "elif", "undef", "pragma", "error" };
        if (j < src->len && src->text[j] == '#') {
            const char *w = src->text + j + 1;
            for (size_t k = 0; k < sizeof cpp / sizeof cpp[0]; k++) {
                size_t n = strlen(cpp[k]);
                if (j + 1 + n <= src->len && !strncmp(w, cpp[k], n) && (j + 1 + n == src->len || !((w[n] >= 'a' && w[n] <= 'z') || w[n] == '_'))) {
                    diag *d = diag_add(dl, SEV_ERROR, BK1001, (span){ src, j, j + 1 + (uint32_t)n },
                                       "C preprocessor directive #%s: preprocess this file first", cpp[k]);
                    diag_help(dl, d, "run it through the C preprocessor (cc -E -P -x c FILE) and lint the result");
                    return 0;
                }
            }
        }
        while (i < src->len && src->text[i] != '\n') i++;
        i++;
    }
    sbpl_verbatim vb = { 0 };
    sbpl_read_opts ro = { .whole = 1, .verbatim = &vb };
    uint32_t rs, re;
    if (sbpl_cxx_raw_string(src, &rs, &re)) {
        /* a profile a C++ program #includes as a raw string literal */
        diag_add(dl, SEV_INFO, NULL, (span){ src, 0, rs },
                 "the profile is the C++ raw string literal in this file: linting the text inside it");
        ro = (sbpl_read_opts){ .start = rs, .end = re, .verbatim = &vb };
    }
    sexp *top = sbpl_read(a, dl, src, &ro);
    size_t ntest;
    const sb_param *tv = test_param_values(&ntest);
    const char **dirs = arena_alloc(a, (o->ninclude + 2) * sizeof *dirs);
    size_t nd = 0;
    for (size_t i = 0; i < o->ninclude; i++) dirs[nd++] = o->include_dirs[i];
    const char *slash = strrchr(path, '/');
    dirs[nd++] = slash ? arena_strndup(a, path, (size_t)(slash - path)) : ".";
    source *imported = NULL;
    size_t nlines = 0;
    for (size_t i = 0; i < src->len; i++) nlines += src->text[i] == '\n';
    sb_param *all = arena_alloc(a, (o->nparams + ntest + nlines + 2) * sizeof *all);
    size_t nall = 0;
    for (size_t i = 0; i < o->nparams; i++) all[nall++] = o->params[i];
    for (size_t i = 0; i < ntest; i++) all[nall++] = tv[i];
    if (lint_sb_is_generated(src)) nall = header_defaults(a, src, all, nall);
    size_t ntv;
    sb_param *tvd = derive_sbpl_params(a, all, nall, &ntv);
    sbpl_eval_opts eo = { .params = tvd, .nparams = ntv, .import_dirs = dirs, .nimport = nd, .sources = &imported, .unknown_params = 1 };
    diag *last = dl->tail;
    sb_policy *p = sbpl_eval(a, dl, src, top, &eo);
    if (lint_sb_is_generated(src)) verbatim_undecidable_aside(src, &vb, last ? last->next : dl->head);
    keep_sources(keep, imported);
    lint_view v;
    memset(&v, 0, sizeof v);
    v.is_sb = 1;
    v.generated = lint_sb_is_generated(src);
    v.a = a;
    v.main = src;
    v.pol = p;
    v.top = top;
    sview sv = { p, arena_alloc(a, (p->n + 1) * sizeof(lrule *)), a };
    v.impl = &sv;
    v.decide = sb_decide;
    v.sb_probe = o->sb_probe;
    v.probe_ctx = o->probe_ctx;
    v.default_action = -1;
    v.rules = arena_alloc(a, (p->n + 1) * sizeof *v.rules);
    for (size_t i = 0; i < p->n; i++) {
        const sb_rule *r = p->rules[i];
        lrule *l = &v.rules[v.n++];
        sv.by_index[r->index] = l;
        l->action = r->action;
        l->op = r->op;
        /* the filter (the offending value), not the whole (allow ...) form */
        l->at = r->filter && r->filter->at.src ? r->filter->at : r->at;
        l->provenance = "";
        l->leaves = r->leaves;
        const sfilter *f = r->filter;
        if (!f) l->kind = LK_NONE;
        else if (f->kind == F_LITERAL) l->kind = LK_LITERAL;
        else if (f->kind == F_SUBPATH) l->kind = LK_SUBPATH;
        else if (f->kind == F_PREFIX || f->kind == F_NAME_PREFIX) l->kind = LK_PREFIX;
        else if (f->kind == F_NAME) l->kind = LK_NAME;
        else if (f->kind == F_REGEX || f->kind == F_NAME_REGEX) l->kind = LK_PATTERN;
        else l->kind = LK_OTHER;
        if (f && f->str) l->value = arena_strndup(a, f->str, f->len);
        if (r->op == op_default() && !f) { v.default_action = r->action; v.default_at = r->at; }
    }
    lint_ctx lc = { a, dl, &v };
    if (!dl->errors || p->n) {
        run_passes(&lc, LINT_ON_SB);
    }
    /* top-level forms are the statements; in buckle's output each raw or
     * verbatim block is one too, from the comment line above it, which
     * carries the suppressions of its statement in the source */
    size_t nf = 0, nb = 0;
    for (const sexp *x = top; x; x = x->next) nf++;
    if (v.generated) nb = raw_regions(src, NULL, NULL);
    uint32_t *s = arena_alloc(a, (nf + nb + 1) * sizeof *s), *e = arena_alloc(a, (nf + nb + 1) * sizeof *e);
    size_t k = 0;
    for (const sexp *x = top; x; x = x->next, k++) { s[k] = x->at.start; e[k] = x->at.end; }
    if (nb) raw_regions(src, s + nf, e + nf);
    lint_apply_suppressions(&lc, src, s, e, nf + nb, ';', NULL, 0, NULL);
    return 0;
}

/* Another extension (.conf, .sbpl, none): SBPL when the first thing that is
 * not blank is "(" or ";" (a .buckle file starts with a word or "#"). */
static int looks_like_sbpl(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    int c, r = 0;
    while ((c = getc(f)) != EOF && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {}
    r = c == '(' || c == ';';
    fclose(f);
    return r;
}

int lint_file(const lint_opts *o, const char *path, arena *a, diag_list *dl, source **keep)
{
    const char *display = strcmp(path, "-") == 0 ? (o->stdin_name ? o->stdin_name : "<stdin>") : path;
    size_t n = strlen(display);
    int sbpl = o->lang == LINT_LANG_SBPL;
    if (o->lang == LINT_LANG_AUTO) {
        if (n > 3 && strcmp(display + n - 3, ".sb") == 0) sbpl = 1;
        else if (!(n > 7 && strcmp(display + n - 7, ".buckle") == 0) && !o->text && strcmp(path, "-") != 0)
            sbpl = looks_like_sbpl(path);
    }
    if (sbpl) return lint_sb(o, path, display, a, dl, keep);
    return lint_buckle(o, path, a, dl, keep);
}
