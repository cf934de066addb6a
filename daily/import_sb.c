/* import_sb.c - an SBPL profile as a .buckle file (docs/daily.md, "buckle
 * import").  Each rule is re-expressed in its section where buckle has the
 * words for it; a rule that a rule with precedence over it (a more concrete
 * operation, or a later rule of its level) covers wholly never decides and is
 * dropped for those operations, which is how the original's order is kept.
 * The result is compiled and compared with the original by `buckle diff`'s
 * comparison (daily/diff.h); the rules of an operation family whose
 * decisions still differ go to sbpl blocks, verbatim, with the reason.  When
 * even that does not decide like the original, nothing is written. */
#include "import_model.h"
#include <string.h>
#include <stdlib.h>

/* ---- parameters ------------------------------------------------------------- */

static const char *base_name(arena *a, const char *n)
{
    static const char *const sfx[] = { ".dir", ".re", ".ancestors" };
    size_t l = strlen(n);
    for (size_t i = 0; i < 3; i++) {
        size_t sl = strlen(sfx[i]);
        if (l > sl && !strcmp(n + l - sl, sfx[i])) return arena_strndup(a, n, l - sl);
    }
    return n;
}

static void scan_params(imp *m, const sexp *x)
{
    for (; x; x = x->next) {
        if (x->kind == SX_LIST && x->child && (sexp_is_sym(x->child, "param") || sexp_is_sym(x->child, "getenv")) &&
            x->child->next && x->child->next->kind == SX_STRING) {
            const char *b = base_name(m->a, arena_strndup(m->a, x->child->next->text, x->child->next->len));
            size_t i;
            for (i = 0; i < m->np && strcmp(m->pnames[i], b); i++) {}
            if (i == m->np) {
                m->pnames = arena_grow(m->a, m->pnames, m->np, m->np, sizeof *m->pnames);
                m->pnames[m->np++] = b;
            }
        }
        if (x->kind == SX_LIST || x->kind == SX_QUOTE) scan_params(m, x->child);
    }
}

static int ident(const char *s)
{
    if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || *s == '_')) return 0;
    for (s++; *s; s++)
        if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_')) return 0;
    return 1;
}

int builtin_param(const char *n)
{
    return !strcmp(n, "HOME") || !strcmp(n, "TMPDIR") || !strcmp(n, "USER") || !strcmp(n, "WORKDIR");
}

static sb_param *marker_params(imp *m, size_t *n)
{
    sb_param *p = arena_alloc(m->a, (4 * m->np + 1) * sizeof *p);
    size_t k = 0;
    for (size_t i = 0; i < m->np; i++) {
        const char *s = arena_printf(m->a, SENT "%zu__", i);
        p[k++] = (sb_param){ m->pnames[i], s };
        p[k++] = (sb_param){ arena_printf(m->a, "%s.re", m->pnames[i]), s };
        p[k++] = (sb_param){ arena_printf(m->a, "%s.dir", m->pnames[i]), arena_printf(m->a, "%s/", s) };
        p[k++] = (sb_param){ arena_printf(m->a, "%s.ancestors", m->pnames[i]), arena_printf(m->a, SENT_ANC "%zu__", i) };
    }
    *n = k;
    return p;
}

/* how a parameter is used decides the value it is compared with: a path
 * start, a port, or a word.  Set 0 has the test values (docs/reference.md)
 * and the other parameters inside HOME; set 1 has every path elsewhere, so
 * that an import that holds only where the parameters nest is caught. */
static const char *sample_value(imp *m, size_t i, int set)
{
    static const sb_param other[] = {
        { "HOME", "/home/other" }, { "TMPDIR", "/private/var/folders/yy/other/T" },
        { "WORKDIR", "/srv/work" }, { "USER", "other" },
    };
    size_t ntv;
    const sb_param *tv = set ? other : test_param_values(&ntv);
    if (set) ntv = sizeof other / sizeof *other;
    for (size_t k = 0; k < ntv; k++) if (!strcmp(tv[k].name, m->pnames[i])) return tv[k].value;
    const char *s = arena_printf(m->a, SENT "%zu__", i);
    size_t sl = strlen(s);
    for (size_t r = 0; r < m->sym->n; r++) {
        const sfilter *f = m->sym->rules[r]->filter;
        if (!f || !f->str) continue;
        for (const char *p = f->str; (p = strstr(p, s)); p += sl) {
            if (p == f->str) return arena_printf(m->a, set ? "/opt/import-%s" : "/Users/test/import-%s", m->pnames[i]);
            if (p[-1] == ':') return set ? "9090" : "8080";
        }
    }
    return arena_printf(m->a, set ? "other-%s" : "import-%s", m->pnames[i]);
}

void use_set(imp *m, int k)
{
    m->test = m->sets[k];
    m->ntest = m->nsets[k];
    m->val = m->vals[k];
}

/* ---- forms and comments ---------------------------------------------------- */

uint32_t line_start(const source *s, uint32_t at)
{
    while (at > 0 && s->text[at - 1] != '\n') at--;
    return at;
}

uint32_t line_end(const source *s, uint32_t at)
{
    while (at < s->len && s->text[at] != '\n') at++;
    return at < s->len ? at + 1 : at;
}

static int blank_or_comment(const char *p, const char *e, int *comment)
{
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\r')) p++;
    *comment = p < e && *p == ';';
    return p >= e || *p == '\n' || *comment;
}

static void read_forms(imp *m, const sexp *top)
{
    size_t n = 0;
    for (const sexp *t = top; t; t = t->next) n++;
    m->forms = arena_alloc(m->a, (n + 1) * sizeof *m->forms);
    uint32_t prev = 0;
    for (const sexp *t = top; t; t = t->next) {
        iform *f = &m->forms[m->nforms++];
        memset(f, 0, sizeof *f);
        f->x = t;
        const sexp *h = t->kind == SX_LIST ? t->child : NULL;
        if (h && (sexp_is_sym(h, "allow") || sexp_is_sym(h, "deny"))) {
            const sexp *op = h->next;
            f->kind = op && sexp_is_sym(op, "default") && !op->next ? FK_DEFAULT : FK_RULE;
        } else if (h && sexp_is_sym(h, "version")) f->kind = FK_VERSION;
        else if (h && sexp_is_sym(h, "define")) {
            f->kind = FK_DEFINE;
            const sexp *nm = h->next;
            if (nm && nm->kind == SX_LIST) nm = nm->child;
            if (nm && nm->kind == SX_SYMBOL) hm_put(&m->defined, nm->text, nm->len, (void *)nm);
        }
        /* leading comments: the comment lines right above (no blank line) */
        uint32_t ls = line_start(m->src, t->at.start), c = ls;
        while (c > prev) {
            uint32_t pl = line_start(m->src, c - 1);
            int com;
            if (!blank_or_comment(m->src->text + pl, m->src->text + c, &com) || !com) break;
            c = pl;
        }
        f->cfrom = c;
        f->from = ls;
        f->to = line_end(m->src, t->at.end > 0 ? t->at.end - 1 : 0);
        prev = f->to;
    }
}

int form_of(const imp *m, uint32_t at)
{
    for (size_t i = 0; i < m->nforms; i++)
        if (m->forms[i].x->at.start <= at && at < m->forms[i].x->at.end) return (int)i;
    return -1;
}

/* the comments of [from, to): "; x" written "# x" */
void put_comments(strbuf *b, const imp *m, uint32_t from, uint32_t to, const char *indent)
{
    const char *t = m->src->text;
    for (uint32_t i = from; i < to;) {
        uint32_t e = line_end(m->src, i);
        int in_str = 0;
        for (uint32_t k = i; k < e; k++) {
            if (t[k] == '"' && (k == 0 || t[k - 1] != '\\')) in_str = !in_str;
            if (t[k] == ';' && !in_str) {
                while (k < e && t[k] == ';') k++;
                if (k < e && t[k] == ' ') k++;
                uint32_t ce = e;
                while (ce > k && (t[ce - 1] == '\n' || t[ce - 1] == '\r' || t[ce - 1] == ' ')) ce--;
                sb_printf(b, "%s#", indent);
                if (ce > k) {
                    sb_putc(b, ' ');
                    for (uint32_t j = k; j < ce; j++) sb_putc(b, (unsigned char)t[j] < 0x20 && t[j] != '\t' ? ' ' : t[j]);
                }
                sb_putc(b, '\n');
                break;
            }
        }
        i = e;
    }
}


/* ---- the whole -------------------------------------------------------------- */

static sb_policy *evaluate(imp *m, const sexp *top, sb_param *p, size_t np, source **imported)
{
    sbpl_eval_opts eo = { p, np, m->o->import_dirs, m->o->nimport, imported, 0 };
    return sbpl_eval(m->a, m->dl, m->src, top, &eo);
}

int import_sb(strbuf *outb, diag_list *dl, const source *src, const import_sb_opts *o)
{
    imp m;
    memset(&m, 0, sizeof m);
    hm_init(&m.defined);
    m.a = dl->a;
    m.dl = dl;
    m.src = src;
    m.o = o;
    sbpl_read_opts ro = { 0, 0, 1 };
    sexp *top = sbpl_read(m.a, dl, src, &ro);
    if (dl->errors) return 1;
    scan_params(&m, top);
    for (size_t i = 0; i < m.np; i++)
        if (!ident(m.pnames[i])) {
            diag_add(dl, SEV_ERROR, NULL, (span){ src, 0, 0 },
                     "parameter \"%s\" has no .buckle name (letters, digits and _)", m.pnames[i]);
            return 1;
        }
    source *imported = NULL;
    size_t nsym;
    sb_param *sp = marker_params(&m, &nsym);
    m.sym = evaluate(&m, top, sp, nsym, &imported);
    int rc = 1;
    if (!m.sym || dl->errors) goto done;
    if (m.sym->undecidable) {
        diag_add(dl, SEV_ERROR, NULL, m.sym->undecidable_at, "cannot import: %s", m.sym->undecidable);
        goto done;
    }
    for (int k = 0; k < NSETS; k++) {
        static const char *const builtins[] = { "HOME", "TMPDIR", "WORKDIR", "USER" };
        sb_param *plain = arena_alloc(m.a, (m.np + 5) * sizeof *plain);
        size_t npl = 0;
        for (size_t i = 0; i < 4; i++) {
            size_t j;
            for (j = 0; j < m.np && strcmp(m.pnames[j], builtins[i]); j++) {}
            if (j < m.np) plain[npl++] = (sb_param){ builtins[i], sample_value(&m, j, k) };
            else if (!k) { size_t ntv; const sb_param *tv = test_param_values(&ntv);
                           for (size_t t = 0; t < ntv; t++) if (!strcmp(tv[t].name, builtins[i])) plain[npl++] = tv[t]; }
        }
        for (size_t i = 0; i < m.np; i++)
            if (!builtin_param(m.pnames[i])) plain[npl++] = (sb_param){ m.pnames[i], sample_value(&m, i, k) };
        m.sets[k] = derive_sbpl_params(m.a, plain, npl, &m.nsets[k]);
        m.vals[k] = evaluate(&m, top, m.sets[k], m.nsets[k], &imported);
        if (!m.vals[k] || dl->errors) goto done;
    }
    use_set(&m, 0);
    if (m.vals[1]->n != m.sym->n || m.val->n != m.sym->n) {
        diag_add(dl, SEV_ERROR, NULL, (span){ src, 0, 0 },
                 "cannot import: which rules the profile makes depends on its parameters' values");
        goto done;
    }
    read_forms(&m, top);
    m.rules = arena_alloc(m.a, (m.sym->n + 1) * sizeof *m.rules);
    for (size_t i = 0; i < m.sym->n; i++) {
        const sb_rule *r = m.sym->rules[i];
        if (r->at.src != src) {
            /* (the imported source is freed before the diagnostics are shown) */
            span at = { src, 0, 0 };
            for (const sexp *t = top; t; t = t->next)
                if (t->kind == SX_LIST && t->child && sexp_is_sym(t->child, "import")) { at = t->at; break; }
            diag_add(dl, SEV_ERROR, NULL, at, "cannot import an (import ...): import the imported file on its own, and extend the result");
            goto done;
        }
        if (r->op == op_default() && !r->filter) { m.dflt = r->action ? "deny" : "allow"; continue; }
        irule *ir = &m.rules[m.nrules++];
        memset(ir, 0, sizeof *ir);
        ir->r = r;
        ir->form = form_of(&m, r->at.start);
        iform *f = &m.forms[ir->form];
        if (f->kind != FK_RULE) {
            const sexp *h = f->x->kind == SX_LIST ? f->x->child : NULL;
            int helper = h && h->kind == SX_SYMBOL && hm_get(&m.defined, h->text, h->len);
            if (!helper) {
                diag_add(dl, SEV_ERROR, NULL, f->x->at,
                         "cannot import this form: buckle has no conditionals or computed rules (only rules, and helpers made with define)");
                goto done;
            }
        }
        if (r->op == op_default() && !f->raw) { f->raw = 1; f->why = "a filtered rule on default"; }
        strbuf t;
        sb_init(&t);
        section_t sec;
        const char *why = rule_text(&t, &m, r, r->op, &sec);
        sb_free(&t);
        if (why && !f->raw) { f->raw = 1; f->why = why; }
    }
    if (!m.dflt) {
        diag_add(dl, SEV_ERROR, NULL, (span){ src, 0, 0 },
                 "cannot import: the profile has no (deny default) or (allow default), so what it decides where no rule "
                 "matches is not defined; add the one it means and import again");
        goto done;
    }
    liveness(&m);
    const char *name = src->name;
    strbuf b;
    sb_init(&b);
    strbuf report;
    sb_init(&report);
    for (int round = 0; round < MAX_ROUNDS; round++) {
        /* a raw form makes every family it touches raw: a family is decided in one place */
        for (int again = 1; again;) {
            again = 0;
            unsigned char rawfam[OPS_MAX + 1];
            memset(rawfam, 0, sizeof rawfam);
            const char *famwhy[OPS_MAX + 1];
            for (size_t i = 0; i < m.nrules; i++) {
                iform *f = &m.forms[m.rules[i].form];
                if (!f->raw) continue;
                int fam = op_family(m.rules[i].r->op) + 1;
                if (!rawfam[fam]) famwhy[fam] = f->why;
                rawfam[fam] = 1;
            }
            for (size_t i = 0; i < m.nrules; i++) {
                iform *g = &m.forms[m.rules[i].form];
                int fam = op_family(m.rules[i].r->op) + 1;
                int hit = rawfam[0] ? 0 : rawfam[fam] ? fam : -1;
                if (g->raw || hit < 0) continue;
                g->raw = 1;
                g->why = arena_printf(m.a, "its family of operations is decided in SBPL (%s)", famwhy[hit]);
                again = 1;
            }
        }
        sb_reset(&b);
        emit(&m, &b, name);
        if (m.unwritable) {
            iform *f = &m.forms[m.unwritable - 1];
            diag_add(dl, SEV_ERROR, NULL, f->x->at, "cannot import this rule: %s, and it cannot be written back as SBPL",
                     f->why ? f->why : "a filter whose meaning is not known");
            break;
        }
        int r = check(&m, &b, name, &report);
        if (r == 0) { sb_add(outb, b.data, b.len); rc = 0; break; }
        if (r < 0) {
            diag_add(dl, SEV_ERROR, NULL, (span){ src, 0, 0 }, "%s", sb_cstr(&report));
            break;
        }
    }
    if (rc && !report.len) diag_add(dl, SEV_ERROR, NULL, (span){ src, 0, 0 }, "no import decides like the original");
    sb_free(&report);
    sb_free(&b);
done:
    hm_free(&m.defined);
    while (imported) { source *n = imported->next; source_free(imported); imported = n; }
    return rc;
}

