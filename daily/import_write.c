/* import_write.c - the .buckle text of an import: the rules in sections,
 * comments kept, what buckle cannot say in sbpl blocks, and the denies that
 * keep metadata the original denies (traversal). */
#include "import_model.h"
#include "../compiler/patterns.h"
#include "../seatbelt/regex.h"
#include <string.h>
#include <stdlib.h>

/* ---- output ---------------------------------------------------------------- */

void note_lines(imp *m, const strbuf *b, size_t from, int form)
{
    for (size_t i = from; i < b->len; i++) {
        if (b->data[i] != '\n') continue;
        m->line_form = arena_grow(m->a, m->line_form, m->nlines, m->lines_cap, sizeof *m->line_form);
        m->lines_cap = arena_grow_cap(m->nlines, m->lines_cap);
        m->line_form[m->nlines++] = form;
    }
}

typedef struct out { strbuf *b; section_t sec; int in_raw; } out;

static void close_block(out *o)
{
    if (o->sec != SEC_NONE) sb_puts(o->b, "}\n");
    if (o->in_raw) sb_puts(o->b, "\"\"\";\n");
    o->sec = SEC_NONE;
    o->in_raw = 0;
}

/* the rules of one form in their sections */
static int rule_ops(const irule *ir, int *ops)
{
    int nops = 0;
    const op_info *oi = op_get(ir->r->op);
    if (opset_eq(&ir->live, &oi->covers)) ops[nops++] = ir->r->op;
    else for (int c = 0; c < ops_count(); c++) if (opset_has(&ir->live, c)) ops[nops++] = c;
    return nops;
}

/* NULL when every rule of the form can be written */
static const char *form_problem(const imp *m, size_t fi)
{
    for (size_t i = 0; i < m->nrules; i++) {
        const irule *ir = &m->rules[i];
        if (ir->form != (int)fi) continue;
        int ops[OPS_MAX], nops = rule_ops(ir, ops);
        for (int k = 0; k < nops; k++) {
            strbuf t;
            sb_init(&t);
            section_t sec;
            const char *why = rule_text(&t, m, ir->r, ops[k], &sec);
            sb_free(&t);
            if (why) return ops[k] == ir->r->op ? why
                : arena_printf(m->a, "%s decides only some operations of %s (rules after it decide the others)",
                               "the rule", op_get(ir->r->op)->name);
        }
    }
    return NULL;
}

/* above the rules an (import ...) or a conditional made: its first line */
static void form_note(strbuf *b, const imp *m, const iform *f, const char *indent)
{
    if (f->kind != FK_IMPORT && f->kind != FK_COND) return;
    size_t ll;
    const char *line = source_line(m->src, f->x->at.start, &ll);
    while (ll && (line[ll - 1] == ' ' || line[ll - 1] == '\r')) ll--;
    sb_printf(b, "%s# line %u, %s: ", indent, source_position(m->src, f->x->at.start).line,
              f->kind == FK_IMPORT ? "the rules of the file it imports" : "expanded for the values given with -D and -U");
    for (size_t k = 0; k < ll && k < 200; k++) sb_putc(b, (unsigned char)line[k] < 0x20 ? ' ' : line[k]);
    sb_putc(b, '\n');
}

static int emit_form_rules(imp *m, out *o, size_t fi)
{
    const iform *f = &m->forms[fi];
    int any = 0;
    const char *bad = form_problem(m, fi);
    if (bad) { m->forms[fi].why = bad; return 0; }
    uint32_t lead_end = line_start(m->src, f->x->at.end ? f->x->at.end - 1 : 0);
    int trailed = 0;
    for (size_t i = 0; i < m->nrules; i++) {
        irule *ir = &m->rules[i];
        if (ir->form != (int)fi) continue;
        const sb_rule *r = ir->r;
        int ops[OPS_MAX], nops = rule_ops(ir, ops);
        for (int k = 0; k < nops; k++) {
            strbuf t;
            sb_init(&t);
            section_t sec = SEC_NONE;
            const char *why = rule_text(&t, m, r, ops[k], &sec);
            if (!why && sec != o->sec) {
                close_block(o);
                if (!any) { sb_putc(o->b, '\n'); put_comments(o->b, m, f->cfrom, lead_end, ""); form_note(o->b, m, f, ""); any = 1; }
                sb_printf(o->b, "%s {\n", section_name(sec));
                o->sec = sec;
            } else if (!why && !any) {
                put_comments(o->b, m, f->cfrom, lead_end, "    ");
                form_note(o->b, m, f, "    ");
                any = 1;
            }
            if (!why) {
                sb_printf(o->b, "    %s", t.data);
                if (!trailed) {   /* the comment after the form, on its last line */
                    trailed = 1;
                    strbuf c;
                    sb_init(&c);
                    put_comments(&c, m, f->x->at.end, f->to, "");
                    if (c.len) { c.data[--c.len] = 0; sb_printf(o->b, "  %s", c.data); }
                    sb_free(&c);
                }
                sb_putc(o->b, '\n');
            }
            sb_free(&t);
            if (why) return 0;
        }
        if (!nops && !any) {
            close_block(o);
            sb_putc(o->b, '\n');
            put_comments(o->b, m, f->cfrom, f->to, "");
            const source *rs = r->at.src ? r->at.src : m->src;
            source_pos p = source_position(rs, r->at.start);
            size_t ll;
            const char *line = source_line(rs, r->at.start, &ll);
            while (ll && (line[ll - 1] == ' ' || line[ll - 1] == '\r')) ll--;
            if (rs != m->src) sb_printf(o->b, "# %s:", rs->name);
            sb_printf(o->b, "%sline %u never decides (the rules after it cover it): ", rs != m->src ? "" : "# ", p.line);
            for (size_t k = 0; k < ll && k < 200; k++) sb_putc(o->b, (unsigned char)line[k] < 0x20 ? ' ' : line[k]);
            sb_putc(o->b, '\n');
            any = 1;
        }
    }
    if (!any) {  /* a form without rules (a helper call that made none) */
        close_block(o);
        put_comments(o->b, m, f->cfrom, f->to, "");
    }
    return 1;
}

/* the path s (with markers) with the values compared with */
static const char *concrete(const imp *m, const char *s, size_t n)
{
    strbuf b;
    sb_init(&b);
    for (size_t i = 0; i < n; i++) {
        size_t sl = strlen(SENT);
        if (n - i > sl && !strncmp(s + i, SENT, sl)) {
            size_t k = i + sl, v = 0;
            while (k < n && s[k] >= '0' && s[k] <= '9') v = v * 10 + (size_t)(s[k++] - '0');
            if (k + 2 <= n && s[k] == '_' && s[k + 1] == '_' && v < m->np) {
                for (size_t t = 0; t < m->ntest; t++)
                    if (!strcmp(m->test[t].name, m->pnames[v])) { sb_puts(&b, m->test[t].value); break; }
                i = k + 1;
                continue;
            }
        }
        sb_putc(&b, s[i]);
    }
    const char *r = arena_strndup(m->a, b.data ? b.data : "", b.len);
    sb_free(&b);
    return r;
}

#define MAX_KEEP 64    /* the most filters a traversal deny is written to leave out */

static int orig_denies_meta(const imp *m, const char *sym, size_t n)
{
    const char *obj = concrete(m, sym, n);
    if (obj[0] != '/') return 0;
    sb_request q = { op_lookup("file-read-metadata", NULL), obj, strlen(obj), OBJ_PATH, SNS_OTHER, NULL };
    sb_answer an = sbpl_decide(m->val, &q, m->a);
    return an.decision == 1;
}

/* The filters of the original's allows of file-read-metadata, one entry
 * for each alternative of a require-any, in the order written; *n gets
 * their count. */
static const sfilter **meta_filters(const imp *m, size_t *n)
{
    int meta = op_lookup("file-read-metadata", NULL);
    size_t cap = 0;
    for (size_t i = 0; i < m->nrules; i++) {
        const sb_rule *r = m->rules[i].r;
        if (r->action == ACT_ALLOW && r->filter && opset_has(&op_get(r->op)->covers, meta))
            cap += r->filter->kind == F_ANY ? (size_t)r->filter->nkids : 1;
    }
    const sfilter **k = arena_alloc(m->a, (cap + 1) * sizeof *k);
    *n = 0;
    for (size_t i = 0; i < m->nrules; i++) {
        const sb_rule *r = m->rules[i].r;
        if (r->action != ACT_ALLOW || !r->filter || !opset_has(&op_get(r->op)->covers, meta)) continue;
        if (r->filter->kind != F_ANY) { k[(*n)++] = r->filter; continue; }
        for (int j = 0; j < r->filter->nkids; j++) k[(*n)++] = r->filter->kids[j];
    }
    return k;
}

/* The paths the original allows the metadata of whatever the values: the
 * literal, subpath and prefix filters of its allows of file-read-metadata
 * that no parameter is in (at most MAX_KEEP; NULL past them). */
static const sfilter **meta_allowed(const imp *m)
{
    size_t nf;
    const sfilter **fs = meta_filters(m, &nf);
    const sfilter **k = arena_alloc(m->a, (MAX_KEEP + 2) * sizeof *k);
    size_t n = 0;
    for (size_t i = 0; i < nf; i++) {
        const sfilter *f = fs[i];
        if (f->kind != F_LITERAL && f->kind != F_SUBPATH && f->kind != F_PREFIX) continue;
        if (!f->len || f->str[0] != '/' || strstr(arena_strndup(m->a, f->str, f->len), SENT) ||
            memchr(f->str, '"', f->len) || memchr(f->str, '\\', f->len))
            continue;
        if (n == MAX_KEEP) return NULL;
        k[n++] = f;
    }
    return k;
}

/* the filter of keep that matches the path p (n bytes), or NULL */
static const sfilter *kept(const sfilter *const *keep, const char *p, size_t n)
{
    for (size_t i = 0; keep && keep[i]; i++) {
        const sfilter *f = keep[i];
        if (f->len > n || memcmp(f->str, p, f->len)) continue;
        if (f->kind == F_PREFIX || f->len == n) return f;
        if (f->kind == F_SUBPATH && (p[f->len] == '/' || f->str[f->len - 1] == '/')) return f;
    }
    return NULL;
}

static int sbpl_string(strbuf *b, const imp *m, const char *s, size_t n, int regex);

static int sbpl_filter(strbuf *b, const imp *m, const sfilter *f);

/* The filters of the original's allows of file-read-metadata, each
 * " (FILTER)" appended to ex: where a traversal deny must leave the
 * decision to them.  0 when none starts with a parameter (no value can put
 * a denied parent inside one that a hard-coded deny does not already
 * meet), or when there are more than MAX_KEEP. */
static size_t meta_allows(const imp *m, strbuf *ex)
{
    size_t nf, n = 0;
    const sfilter **fs = meta_filters(m, &nf);
    int param = 0;
    for (size_t i = 0; i < nf; i++) {
        const sfilter *f = fs[i];
        if (f->kind != F_LITERAL && f->kind != F_SUBPATH && f->kind != F_PREFIX && f->kind != F_REGEX) continue;
        if (f->kind == F_REGEX && f->nres != 1) { sb_reset(ex); return 0; }
        param |= f->kind != F_REGEX && !strncmp(f->str, SENT, strlen(SENT));
        strbuf t;
        sb_init(&t);
        sb_putc(&t, ' ');
        sbpl_filter(&t, m, f);
        if (!ex->len || !strstr(sb_cstr(ex), t.data)) { sb_add(ex, t.data, t.len); n++; }
        sb_free(&t);
        if (n > MAX_KEEP) { sb_reset(ex); return 0; }
    }
    if (!param) { sb_reset(ex); return 0; }
    return n;
}

static void add_fix(const imp *m, strbuf *fix, strbuf *rawfix, const char *kind, const char *s, size_t n)
{
    strbuf t;
    sb_init(&t);
    /* a traversal rule ranks at the depth of the object it matches, deeper
     * than a written "$HOME/x" (a parameter is one component): a deny in
     * SBPL, after every generated rule, decides over it (a final deny would
     * also meet any allowed path the parameter's value might be) */
    int param = !strncmp(s, SENT, strlen(SENT));
    /* a value of a parameter may put a denied parent inside an allow of
     * its metadata ("/usr" when (subpath (param "WORK")) may be "/usr"):
     * denied, in SBPL, where none of those allows matches, which decide
     * there as in the original */
    strbuf ex;
    sb_init(&ex);
    if (meta_allows(m, &ex)) {
        int rx = !strcmp(kind, "regex ");
        sb_printf(&t, "(deny file-read-metadata (require-all (%s ", rx ? "regex" : !strcmp(kind, "literal ") ? "literal"
                                                                          : !strcmp(kind, "prefix ") ? "prefix" : "subpath");
        sbpl_string(&t, m, s, n, rx);
        sb_printf(&t, ") (require-not (require-any%s))))\n", ex.data);
        if (!strstr(sb_cstr(rawfix), t.data)) sb_add(rawfix, t.data, t.len);
        sb_free(&ex);
        sb_free(&t);
        return;
    }
    sb_free(&ex);
    if (param && !strcmp(kind, "literal ")) {
        sb_puts(&t, "(deny file-read-metadata (literal ");
        sbpl_string(&t, m, s, n, 0);
        sb_puts(&t, "))\n");
        if (!strstr(sb_cstr(rawfix), t.data)) sb_add(rawfix, t.data, t.len);
        sb_free(&t);
        return;
    }
    sb_printf(&t, "    deny metadata %s", kind);
    if (put_string(&t, m, s, n, 1)) {
        sb_puts(&t, ";\n");
        if (!fix->len || !strstr(sb_cstr(fix), t.data)) sb_add(fix, t.data, t.len);
    }
    sb_free(&t);
}

/* A regex allow: buckle allows metadata on the directory holding its fixed
 * part's last component and that directory's parents, and, for write or
 * exec (below), on every path it matches, ranked as the allow.  Where the
 * original denies that metadata (on those parents; on a sample of the
 * regex's matches), a deny of the same rank keeps it denied. */
static void regex_fixes(const imp *m, strbuf *fix, strbuf *rawfix, const sfilter *f, int below)
{
    if (f->nres != 1 || !f->len || strstr(f->str, SENT) || strstr(f->str, SENT_ANC)) return;
    matcher mm = { .kind = MK_REGEX, .value = f->str, .len = f->len };
    matcher_finish(m->a, &mm);
    size_t end = mm.fixed_len;
    while (end > 0 && mm.fixed[end - 1] != '/') end--;
    for (size_t j = end; j-- > 0;) {
        if (mm.fixed[j] != '/') continue;
        size_t al = j ? j : 1;
        if (orig_denies_meta(m, mm.fixed, al)) add_fix(m, fix, rawfix, "literal ", mm.fixed, al);
    }
    if (!below) return;
    for (int v = 0; v < 2; v++) {
        char buf[1024];
        if (sb_regex_sample(f->res[0], v, buf, sizeof buf) < 1 || buf[0] != '/') continue;
        if (orig_denies_meta(m, buf, strlen(buf))) { add_fix(m, fix, rawfix, "regex ", f->str, f->len); return; }
    }
}

/* buckle lets a program reach what it allows: metadata on the parents of an
 * allowed path, and below a subtree of an operation that does not include
 * metadata (write, exec, file-read-data).  Where the original
 * denies that metadata, a deny of the same rank keeps it denied. */
static void traversal_fixes_set(const imp *m, strbuf *fix, strbuf *rawfix)
{
    int rd = op_lookup("file-read*", NULL), wr = op_lookup("file-write*", NULL), ex = op_lookup("process-exec*", NULL);
    int meta = op_lookup("file-read-metadata", NULL);
    const sfilter *const *keepf = meta_allowed(m);
    for (size_t i = 0; i < m->nrules; i++) {
        const irule *ir = &m->rules[i];
        const sb_rule *r = ir->r;
        if (r->action != ACT_ALLOW || m->forms[ir->form].raw || !r->filter) continue;
        int fam = -1;
        for (int l = r->op; l >= 0; l = op_get(l)->parent) if (l == rd || l == wr || l == ex) { fam = l; break; }
        if (fam < 0) for (int c = 0; c < ops_count(); c++) {
            if (!opset_has(&op_get(r->op)->covers, c)) continue;
            for (int l = c; l >= 0; l = op_get(l)->parent) if (l == rd || l == wr || l == ex) fam = l;
        }
        if (fam < 0) continue;
        /* metadata below a subtree: for every operation but those that
         * include it (file-read-data and file-read-xattr imply it there too) */
        int below = fam != rd || !opset_has(&op_get(r->op)->covers, meta);
        const sfilter *const *ks = (const sfilter *const *)&r->filter;
        int nk = 1;
        if (r->filter->kind == F_ANY) { ks = (const sfilter *const *)r->filter->kids; nk = r->filter->nkids; }
        for (int k = 0; k < nk; k++) {
            const sfilter *f = ks[k];
            if (f->kind == F_REGEX) { regex_fixes(m, fix, rawfix, f, below); continue; }
            if (f->kind != F_LITERAL && f->kind != F_SUBPATH && f->kind != F_PREFIX) continue;
            size_t end = f->len;
            if (f->kind == F_PREFIX) while (end > 0 && f->str[end - 1] != '/') end--;
            for (size_t j = end; j-- > 0;) {
                if (f->str[j] != '/') continue;
                size_t al = j ? j : 1;
                if (al == f->len) continue;
                if (orig_denies_meta(m, f->str, al)) add_fix(m, fix, rawfix, "literal ", f->str, al);
            }
            if (!strncmp(f->str, SENT, strlen(SENT))) {
                const char *u = strstr(f->str + strlen(SENT), "__");
                size_t sl = u ? (size_t)(u + 2 - f->str) : 0;
                if (sl && sl < f->len && orig_denies_meta(m, f->str, sl)) add_fix(m, fix, rawfix, "literal ", f->str, sl);
                /* the parents of the value: no .buckle rule names them */
                size_t v = (size_t)strtoul(f->str + strlen(SENT), NULL, 10);
                const char *val = sl ? concrete(m, f->str, sl) : "";
                int all = val[0] == '/' && val[1] != 0, denied = 0;
                /* a parent the original allows whatever the values (a rule
                 * that names it: "/", a subpath around it) is left out of
                 * the deny, with that rule's filter */
                strbuf keep;
                sb_init(&keep);
                for (size_t j = strlen(val); all && j-- > 0;) {
                    if (val[j] != '/') continue;
                    if (orig_denies_meta(m, val, j ? j : 1)) { denied = 1; continue; }
                    if (!kept(keepf, val, j ? j : 1)) all = 0;
                }
                /* the allows of metadata decide where they match: the value
                 * may put the parents inside one */
                if (all && denied && !meta_allows(m, &keep))
                    for (size_t q = 0; keepf && keepf[q]; q++) {
                        const sfilter *kf = keepf[q];
                        const char *kt = arena_printf(m->a, " (%s \"%.*s\")", kf->kind == F_LITERAL ? "literal" :
                                                      kf->kind == F_SUBPATH ? "subpath" : "prefix", (int)kf->len, kf->str);
                        if (!keep.len || !strstr(sb_cstr(&keep), kt)) sb_puts(&keep, kt);
                    }
                if (all && denied && v < m->np) {
                    const char *line = keep.len
                        ? arena_printf(m->a, "(deny file-read-metadata (require-all (regex (param \"%s.ancestors\")) "
                                       "(require-not (require-any%s))))\n", m->pnames[v], keep.data)
                        : arena_printf(m->a, "(deny file-read-metadata (regex (param \"%s.ancestors\")))\n", m->pnames[v]);
                    if (!strstr(sb_cstr(rawfix), line)) sb_puts(rawfix, line);
                }
                sb_free(&keep);
            }
            if (below && f->kind != F_LITERAL) {
                strbuf t;
                sb_init(&t);
                sb_add(&t, f->str, f->len);
                sb_puts(&t, f->kind == F_SUBPATH ? "/x" : "x");
                if (orig_denies_meta(m, t.data, t.len) || orig_denies_meta(m, f->str, f->len))
                    add_fix(m, fix, rawfix, f->kind == F_PREFIX ? "prefix " : "", f->str, f->len);
                sb_free(&t);
            }
        }
    }
}

/* ---- SBPL written back from the evaluated rules ------------------------------ */

/* an SBPL string expression for s: markers as (param "NAME") */
static int sbpl_string(strbuf *b, const imp *m, const char *s, size_t n, int regex)
{
    strbuf t;
    sb_init(&t);
    int parts = 0, open = 0;
    for (size_t i = 0; i < n; i++) {
        size_t sl = strlen(SENT), al = strlen(SENT_ANC);
        int anc = n - i > al && !strncmp(s + i, SENT_ANC, al);
        if ((n - i > sl && !strncmp(s + i, SENT, sl)) || anc) {
            size_t k = i + (anc ? al : sl), v = 0;
            while (k < n && s[k] >= '0' && s[k] <= '9') v = v * 10 + (size_t)(s[k++] - '0');
            if (k + 2 <= n && s[k] == '_' && s[k + 1] == '_' && v < m->np) {
                if (open) { sb_putc(&t, '"'); open = 0; }
                sb_printf(&t, " (param \"%s%s\")", m->pnames[v], anc ? ".ancestors" : regex && !m->plain_re ? ".re" : "");
                parts++;
                i = k + 1;
                continue;
            }
        }
        if (!open) { sb_puts(&t, " \""); open = 1; parts++; }
        if (s[i] == '"' || s[i] == '\\') sb_putc(&t, '\\');
        if ((unsigned char)s[i] < 0x20) { sb_printf(&t, "\\x%02x", (unsigned char)s[i]); continue; }
        sb_putc(&t, s[i]);
    }
    if (open) sb_putc(&t, '"');
    if (!parts) sb_puts(&t, " \"\"");
    if (parts > 1) sb_printf(b, "(string-append%s)", t.data);
    else sb_puts(b, t.data + 1);
    sb_free(&t);
    return 1;
}

static int sbpl_filter(strbuf *b, const imp *m, const sfilter *f)
{
    switch (f->kind) {
    case F_LITERAL: case F_SUBPATH: case F_PREFIX:
        sb_puts(b, f->kind == F_LITERAL ? "(literal " : f->kind == F_SUBPATH ? "(subpath " : "(prefix ");
        sbpl_string(b, m, f->str, f->len, 0);
        sb_putc(b, ')');
        return 1;
    case F_REGEX: case F_NAME: case F_NAME_PREFIX: case F_NAME_REGEX: {
        if (f->nres > 1) return 0;
        const char *h = f->kind == F_REGEX ? "regex" : ns_head(m, f);
        size_t hl = strcspn(h, " \t\r\n()\"");
        if (!hl) return 0;
        sb_printf(b, "(%.*s ", (int)hl, h);
        sbpl_string(b, m, f->str, f->len, f->kind == F_REGEX || f->kind == F_NAME_REGEX);
        sb_putc(b, ')');
        return 1;
    }
    case F_IP:
        sb_printf(b, "(%s ip ", f->remote ? "remote" : "local");
        sbpl_string(b, m, f->str, f->len, 0);
        sb_putc(b, ')');
        return 1;
    case F_TARGET: sb_printf(b, "(target %.*s)", (int)f->len, f->str); return 1;
    case F_VNODE:
        if (f->len == 3 && !memcmp(f->str, "TTY", 3) && !strncmp(ns_head(m, f), "tty", 3)) { sb_puts(b, "(tty)"); return 1; }
        sb_printf(b, "(vnode-type %.*s)", (int)f->len, f->str);
        return 1;
    case F_ALL: case F_ANY: case F_NOT:
        sb_puts(b, f->kind == F_ALL ? "(require-all" : f->kind == F_ANY ? "(require-any" : "(require-not");
        for (int i = 0; i < f->nkids; i++) {
            sb_putc(b, ' ');
            if (!sbpl_filter(b, m, f->kids[i])) return 0;
        }
        sb_putc(b, ')');
        return 1;
    default: return 0;
    }
}

/* 1 when x (or a definition it uses) quotes a value for a regex:
 * regex-quote, or buckle's own NAME.re */
static int quotes_regex(const imp *m, const sexp *x, hashmap *walked, int depth)
{
    for (; x && depth <= SBPL_MAX_DEPTH; x = x->next) {
        if (x->kind == SX_SYMBOL) {
            if (sexp_is_sym(x, "regex-quote")) return 1;
            const sexp *d = hm_get(&m->defined, x->text, x->len);
            if (d && !hm_get(walked, x->text, x->len)) {
                hm_put(walked, x->text, x->len, (void *)d);
                if (quotes_regex(m, d->child, walked, depth + 1)) return 1;
            }
        }
        if (x->kind == SX_STRING && x->len >= 3 && !memcmp(x->text + x->len - 3, ".re", 3)) return 1;
        if ((x->kind == SX_LIST || x->kind == SX_QUOTE) && quotes_regex(m, x->child, walked, depth + 1)) return 1;
    }
    return 0;
}

/* how a form reads parameters for regexes: the walk's state */
typedef struct rxwalk { const imp *m; hashmap walked; int lexical; int loose; int regex; } rxwalk;

static int head_ends(const sexp *h, const char *sfx)
{
    size_t l = strlen(sfx);
    return h && h->kind == SX_SYMBOL && h->len >= l && !memcmp(h->text + h->len - l, sfx, l);
}

static void rx_walk(rxwalk *w, const sexp *x, int in_rx, int quoted, int safe, int depth)
{
    for (const sexp *end = depth ? NULL : x ? x->next : NULL; x && x != end && depth <= SBPL_MAX_DEPTH; x = x->next) {
        if (x->kind == SX_SYMBOL) {
            const sexp *d = hm_get(&w->m->defined, x->text, x->len);
            if (d && !hm_get(&w->walked, x->text, x->len)) {
                hm_put(&w->walked, x->text, x->len, (void *)d);
                const sexp *body = d->child && d->child->next ? d->child->next->next : NULL;
                rx_walk(w, body, in_rx, quoted, safe, depth + 1);
            }
            continue;
        }
        if (x->kind == SX_QUOTE) { rx_walk(w, x->child, in_rx, quoted, safe, depth + 1); continue; }
        if (x->kind != SX_LIST || !x->child) continue;
        const sexp *h = x->child;
        if (sexp_is_sym(h, "param") || sexp_is_sym(h, "getenv")) {
            /* a derived parameter (NAME.re, NAME.ancestors, ...) holds text
             * buckle made for where it stands, regex-quoted as needed */
            const sexp *a = h->next;
            int re = a && a->kind == SX_STRING && memchr(a->text, '.', a->len);
            if (!quoted && !re) {
                if (in_rx) w->lexical = 1;
                else if (!safe) w->loose = 1;
            }
            continue;
        }
        int q = quoted || sexp_is_sym(h, "regex-quote");
        int rx = in_rx, sf = safe;
        if (!sexp_is_sym(h, "regex-quote") && head_ends(h, "regex")) { rx = 1; w->regex = 1; }
        else if (sexp_is_sym(h, "literal") || sexp_is_sym(h, "subpath") || sexp_is_sym(h, "prefix") ||
                 head_ends(h, "-name") || head_ends(h, "-prefix") || head_ends(h, "-class"))
            sf = !in_rx;
        rx_walk(w, h, rx, q, sf, depth + 1);
    }
}

/* 1 when the form (or a definition it uses) may splice a parameter's value
 * into a regex as it is, not regex-quoted: Seatbelt reads the value's
 * bytes as regex syntax there, while buckle's $NAME in a regex is the
 * value quoted, so no .buckle regex says it.  A parameter read where its
 * use cannot be told (a let, a helper's argument) in a form that builds a
 * regex counts. */
int splices_param_unquoted(const imp *m, const sexp *x)
{
    rxwalk w = { .m = m };
    hm_init(&w.walked);
    rx_walk(&w, x, 0, 0, 0, 0);
    hm_free(&w.walked);
    return w.lexical || (w.loose && w.regex);
}

/* 1 when the form names something a (define ...) made */
static int uses_define(const imp *m, const sexp *x)
{
    if (!m->defined.count) return 0;
    for (; x; x = x->next) {
        if (x->kind == SX_SYMBOL && hm_get(&m->defined, x->text, x->len)) return 1;
        if ((x->kind == SX_LIST || x->kind == SX_QUOTE) && uses_define(m, x->child)) return 1;
    }
    return 0;
}

/* 1 when x reads a parameter */
static int reads_param(const sexp *x)
{
    for (; x; x = x->next) {
        if (x->kind == SX_SYMBOL && (sexp_is_sym(x, "param") || sexp_is_sym(x, "getenv"))) return 1;
        if ((x->kind == SX_LIST || x->kind == SX_QUOTE) && reads_param(x->child)) return 1;
    }
    return 0;
}

/* Under (deny default) buckle writes explicit denies of a few concrete
 * operations (compiler/implied.c), which a family rule kept in SBPL would
 * lose to (the concrete operation decides first): each such rule is
 * repeated on those it covers, in place, so that the order holds there too
 * (a family is decided in SBPL whole, so every rule of it is repeated) */
static int default_deny_copies(strbuf *b, const imp *m, size_t fi)
{
    if (!m->dflt || strcmp(m->dflt, "deny")) return 1;
    int said = 0;
    for (size_t i = 0; i < m->nrules; i++) {
        const sb_rule *r = m->rules[i].r;
        if (m->rules[i].form != (int)fi || op_get(r->op)->concrete) continue;
        for (int c = 0; c < ops_count(); c++) {
            if (!opset_has(&op_get(r->op)->covers, c) || !op_get(c)->concrete || !default_deny_covers(c)) continue;
            if (!said) sb_puts(b, ";; (repeated on the operations buckle denies explicitly under (deny default))\n");
            said = 1;
            sb_printf(b, "(%s %s", action_name(r->action), op_get(c)->name);
            if (r->filter) {
                sb_putc(b, ' ');
                if (!sbpl_filter(b, m, r->filter)) return 0;
            }
            sb_puts(b, ")\n");
        }
    }
    return 1;
}

/* the rules of a form as SBPL: verbatim, or written from their evaluation
 * when the form uses definitions (an sbpl block holds rules only) or reads
 * a parameter while -D/-U fix some (their values are written in) */
static int sbpl_form(strbuf *b, const imp *m, size_t fi)
{
    const iform *f = &m->forms[fi];
    if (f->kind == FK_RULE && !uses_define(m, f->x) && !((m->o->ngiven || m->o->nunset) && reads_param(f->x))) {
        sb_add(b, m->src->text + f->cfrom, f->to - f->cfrom);
        if (b->len && b->data[b->len - 1] != '\n') sb_putc(b, '\n');
        return default_deny_copies(b, m, fi);
    }
    sb_add(b, m->src->text + f->cfrom, f->from - f->cfrom);
    sb_puts(b, f->kind == FK_IMPORT ? ";; (the rules of the imported file)\n"
               : f->kind == FK_COND ? ";; (the rules it makes with the values given with -D)\n"
               : f->kind == FK_RULE && !uses_define(m, f->x) ? ";; (the values given with -D and -U written in)\n"
               : ";; (its definitions expanded)\n");
    for (size_t i = 0; i < m->nrules; i++) {
        const sb_rule *r = m->rules[i].r;
        if (m->rules[i].form != (int)fi) continue;
        sb_printf(b, "(%s %s", action_name(r->action), op_get(r->op)->name);
        if (r->filter) {
            sb_putc(b, ' ');
            if (!sbpl_filter(b, m, r->filter)) return 0;
        }
        if (r->leaves && strcmp(r->leaves, "no-sandbox") && strcmp(r->leaves, "no-profile")) return 0;   /* default-sandbox "NAME" */
        if (r->leaves) sb_puts(b, " (with no-sandbox)");
        sb_puts(b, ")\n");
    }
    return default_deny_copies(b, m, fi);
}

static void traversal_fixes(imp *m, strbuf *fix, strbuf *rawfix)
{
    for (int k = 0; k < NSETS; k++) { use_set(m, k); traversal_fixes_set(m, fix, rawfix); }
    use_set(m, 0);
}

void emit(imp *m, strbuf *b, const char *name)
{
    m->nlines = 0;
    size_t mark = b->len;
    sb_printf(b, "# Imported from %s by buckle import.\n", name);
    note_lines(m, b, mark, -1);
    mark = b->len;
    int first = 1;
    for (size_t i = 0; i < m->np; i++) {
        if (builtin_param(m->pnames[i]) || !buckle_param_name(m->pnames[i])) continue;
        if (first) sb_putc(b, '\n');
        first = 0;
        sb_printf(b, "param %s;\n", m->pnames[i]);
    }
    for (size_t i = 0; i < m->np; i++) {
        if (builtin_param(m->pnames[i]) || buckle_param_name(m->pnames[i])) continue;
        sb_printf(b, "%s# not declared (no `param` can name it): \"%s\", read by the forms kept verbatim\n",
                  first ? "\n" : "", m->pnames[i]);
        first = 0;
    }
    /* values: the original reads them as passed, the import canonical */
    const char *canon = NULL;
    for (size_t i = 0; i < m->np; i++) {
        if (param_path_form(m, i) < 0) continue;
        for (size_t k = 0; k < m->o->ngiven; k++) if (!strcmp(m->o->given[k].name, m->pnames[i])) goto next;
        canon = canon ? arena_printf(m->a, "%s, %s", canon, m->pnames[i]) : m->pnames[i];
    next:;
    }
    if (canon)
        sb_printf(b, "\n# The original compares the value of %s as the program passes it, this\n"
                     "# profile the canonical path (buckle run passes that): for a value through a\n"
                     "# symbolic link (/etc, /tmp or /var for the path under /private) the original's\n"
                     "# rules on it match no path the kernel asks about, and these match the real one.\n",
                  canon);
    if (m->dflt) sb_printf(b, "%sdefault %s;\n", first ? "\n" : "", m->dflt);
    if (m->fragment || m->o->ngiven || m->o->nunset) sb_putc(b, '\n');
    if (m->fragment)
        sb_puts(b, "# A fragment (the original has no default): extend it from a profile that sets\n"
                   "# one.  It decides like the original imported into a profile with (deny default).\n");
    for (size_t i = 0; i < m->o->ngiven; i++)
        sb_printf(b, "# Written for %s=\"%s\" (-D): what depends on it is expanded.\n", m->o->given[i].name,
                  m->o->given[i].value);
    for (size_t i = 0; i < m->o->nunset; i++)
        sb_printf(b, "# Written for %s not passed (-U): what depends on it is expanded.\n", m->o->unset[i]);
    note_lines(m, b, mark, -1);
    size_t nverb = 0;
    for (size_t fi = 0; fi < m->nforms; fi++) nverb += m->forms[fi].verbatim != 0;
    if (nverb) {
        sb_printf(b, "\n# %zu form%s of the original %s kept verbatim in sbpl verbatim blocks (below, each with\n"
                     "# the reason).  buckle does not evaluate them: the import decides like the\n"
                     "# original on every request no rule of theirs matches; Seatbelt decides the rest.\n",
                  nverb, nverb == 1 ? "" : "s", nverb == 1 ? "is" : "are");
        note_lines(m, b, mark, -1);
        mark = b->len;
    }
    out o = { b, SEC_NONE, 0 };
    for (size_t fi = 0; fi < m->nforms; fi++) {
        iform *f = &m->forms[fi];
        mark = b->len;
        if (f->verbatim || f->keep_def) {
            close_block(&o);
            sb_putc(b, '\n');
            put_comments(b, m, f->cfrom, f->from, "");
            unsigned l1 = source_position(m->src, f->x->at.start).line;
            unsigned l2 = source_position(m->src, f->x->at.end ? f->x->at.end - 1 : 0).line;
            if (l1 == l2) sb_printf(b, "# kept verbatim, line %u of the original: ", l1);
            else sb_printf(b, "# kept verbatim, lines %u-%u of the original: ", l1, l2);
            sb_puts(b, f->verbatim ? (f->why ? f->why : "buckle cannot evaluate it")
                                   : "a definition the forms kept verbatim use");
            sb_puts(b, "\nsbpl verbatim \"\"\"\n");
            sb_add(b, m->src->text + f->x->at.start, f->x->at.end - f->x->at.start);
            strbuf c;   /* the comment after the form, on its last line */
            sb_init(&c);
            put_comments(&c, m, f->x->at.end, f->to, "");
            if (c.len) { c.data[--c.len] = 0; sb_printf(b, "  ;%s", c.data + 1); }
            sb_free(&c);
            sb_puts(b, "\n\"\"\";\n");
            note_lines(m, b, mark, (int)fi);
            continue;
        }
        if (f->kind == FK_VERSION || f->kind == FK_DEFAULT || f->kind == FK_DEFINE) {
            close_block(&o);
            size_t before = b->len;
            sb_putc(b, '\n');
            put_comments(b, m, f->cfrom, f->to, "");
            if (b->len == before + 1) b->data[b->len = before] = 0;
            if (f->kind == FK_DEFINE) {   /* its uses are expanded: kept for the reader */
                sb_puts(b, "# expanded where it is used:\n");
                for (uint32_t i = f->from; i < f->to;) {
                    uint32_t e = line_end(m->src, i);
                    sb_puts(b, "#   ");
                    for (uint32_t k = i; k < e && m->src->text[k] != '\n'; k++)
                        sb_putc(b, (unsigned char)m->src->text[k] < 0x20 ? ' ' : m->src->text[k]);
                    sb_putc(b, '\n');
                    i = e;
                }
            }
            note_lines(m, b, mark, (int)fi);
            continue;
        }
        if (!f->raw && emit_form_rules(m, &o, fi)) { note_lines(m, b, mark, (int)fi); continue; }
        f->raw = 1;
        if (!o.in_raw) {
            close_block(&o);
            sb_printf(b, "\n# kept in SBPL: %s\nsbpl \"\"\"\n", f->why ? f->why : "buckle has no words for it");
            o.in_raw = 1;
        } else if (f->why) {
            sb_printf(b, ";; buckle import: %s\n", f->why);
        }
        /* a parameter the form splices into a regex as it is (Seatbelt reads
         * its value as regex syntax) is written so, not as buckle's
         * regex-quoted NAME.re; the check holds the import to it */
        hashmap walked;
        hm_init(&walked);
        m->plain_re = splices_param_unquoted(m, f->x) || !quotes_regex(m, f->x, &walked, 0);
        hm_free(&walked);
        if (!sbpl_form(b, m, fi)) m->unwritable = (int)fi + 1;
        m->plain_re = 0;
        note_lines(m, b, mark, (int)fi);
    }
    mark = b->len;
    close_block(&o);
    strbuf fix, rawfix;
    sb_init(&fix);
    sb_init(&rawfix);
    traversal_fixes(m, &fix, &rawfix);
    if (fix.len)
        sb_printf(b, "\n# buckle allows metadata on the parents of allowed paths (and below a subtree\n"
                     "# allowed for an operation without it); the original denies it here\nfiles {\n%s}\n", fix.data);
    if (rawfix.len)
        sb_printf(b, "\n# the same where no .buckle rule can say it: the parents of a parameter's value,\n"
                     "# and parents a value may put inside a path whose metadata the original allows\n"
                     "sbpl \"\"\"\n%s\"\"\";\n", rawfix.data);
    sb_free(&fix);
    sb_free(&rawfix);
    /* comments after the last form */
    uint32_t tail = m->nforms ? m->forms[m->nforms - 1].to : 0;
    if (tail < m->src->len) put_comments(b, m, tail, (uint32_t)m->src->len, "");
    note_lines(m, b, mark, -1);
}

