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
#include <stdio.h>

static int importing_form(const imp *m, const source *s, int depth);

/* ---- parameters ------------------------------------------------------------- */

/* The derived parameters (compiler/expand.h, param_derived_suffix) an
 * import reads back as the parameter itself, each with the marker text it
 * evaluates to.  The others (NAME.pdir, NAME.ifroot, ...) have no .buckle
 * spelling: a form that reads one is kept verbatim. */
static const struct { const char *sfx, *marker; } read_back[] = {
    { ".re", SENT "%zu__" }, { ".dir", SENT "%zu__/" }, { ".ancestors", SENT_ANC "%zu__" },
};
#define NREAD_BACK (sizeof read_back / sizeof *read_back)

static const char *base_name(arena *a, const char *n)
{
    size_t l = strlen(n);
    for (size_t i = 0; i < NREAD_BACK; i++) {
        size_t sl = strlen(read_back[i].sfx);
        if (l > sl && !strcmp(n + l - sl, read_back[i].sfx)) return arena_strndup(a, n, l - sl);
    }
    return n;
}

/* the value -D gave NAME ("" when -U left it out), or NULL */
static const char *given(const imp *m, const char *name)
{
    for (size_t i = 0; i < m->o->ngiven; i++) if (!strcmp(m->o->given[i].name, name)) return m->o->given[i].value;
    for (size_t i = 0; i < m->o->nunset; i++) if (!strcmp(m->o->unset[i], name)) return "";
    return NULL;
}

/* the string naming the parameter of (param ARG): ARG itself, or the string
 * a (define NAME "STRING") gave the name ARG; NULL when it is computed */
static const sexp *param_name(const imp *m, const sexp *arg)
{
    if (arg && arg->kind == SX_STRING) return arg;
    if (!arg || arg->kind != SX_SYMBOL) return NULL;
    const sexp *d = hm_get(&m->defined, arg->text, arg->len);
    const sexp *v = d && d->child->next && d->child->next->kind == SX_SYMBOL ? d->child->next->next : NULL;
    return v && v->kind == SX_STRING && !v->next ? v : NULL;
}

static void scan_params(imp *m, const sexp *x)
{
    for (; x; x = x->next) {
        const sexp *pn = x->kind == SX_LIST && x->child && (sexp_is_sym(x->child, "param") || sexp_is_sym(x->child, "getenv"))
                         ? param_name(m, x->child->next) : NULL;
        if (pn) {
            const char *b = base_name(m->a, arena_strndup(m->a, pn->text, pn->len));
            size_t i;
            for (i = 0; i < m->np && strcmp(m->pnames[i], b); i++) {}
            if (i == m->np && !given(m, b)) {
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

/* 1 when `param NAME;` declares NAME: letters, digits and _, and not a
 * word of the language (network, files, ...), as the parser says */
int buckle_param_name(const char *n)
{
    if (!ident(n) || strlen(n) > 200) return 0;
    size_t l = strlen(n) + 8;
    char *text = malloc(l + 1);
    if (!text) return 0;
    snprintf(text, l + 1, "param %s;", n);
    source *s = source_new("(a parameter's name)", "", text, strlen(text));
    if (!s) return 0;
    arena a, nodes;
    arena_init(&a);
    arena_init(&nodes);
    diag_list dl;
    diag_list_init(&dl, &a);
    int ok = parse_buckle(&a, &nodes, &dl, s) != NULL && !dl.errors;
    arena_free(&nodes);
    arena_free(&a);
    source_free(s);
    return ok;
}

int builtin_param(const char *n)
{
    return !strcmp(n, "HOME") || !strcmp(n, "TMPDIR") || !strcmp(n, "USER") || !strcmp(n, "WORKDIR");
}

static sb_param *marker_params(imp *m, size_t *n)
{
    size_t ng;
    sb_param *g = derive_sbpl_params(m->a, m->o->given, m->o->ngiven, &ng);
    sb_param *p = arena_alloc(m->a, ((1 + NREAD_BACK) * m->np + ng + 1) * sizeof *p);
    size_t k = 0;
    for (size_t i = 0; i < ng; i++) p[k++] = g[i];
    for (size_t i = 0; i < m->np; i++) {
        p[k++] = (sb_param){ m->pnames[i], arena_printf(m->a, SENT "%zu__", i) };
        for (size_t j = 0; j < NREAD_BACK; j++)
            p[k++] = (sb_param){ arena_printf(m->a, "%s%s", m->pnames[i], read_back[j].sfx),
                                 arena_printf(m->a, read_back[j].marker, i) };
    }
    *n = k;
    return p;
}

/* how a filter (or one inside it) uses the marker s: 1 it starts a path
 * (or a regex's text after its ^), 2 it is a port, 0 neither */
static int param_use(const sfilter *f, const char *s, int depth)
{
    if (!f || depth > SBPL_MAX_DEPTH) return 0;
    int use = 0;
    size_t sl = strlen(s);
    for (const char *p = f->str; p && (p = strstr(p, s)); p += sl) {
        if (p == f->str || (p == f->str + 1 && f->str[0] == '^' && (f->kind == F_REGEX || f->kind == F_NAME_REGEX)))
            return 1;
        if (p[-1] == ':') use = 2;
    }
    for (int k = 0; k < f->nkids; k++) {
        int u = param_use(f->kids[k], s, depth + 1);
        if (u == 1) return 1;
        if (u) use = u;
    }
    return use;
}

/* 1 when a path filter of f starts with marker s (a literal, subpath or
 * prefix, a regex after its '^') */
static int starts_path(const sfilter *f, const char *s, int depth)
{
    if (!f || depth > SBPL_MAX_DEPTH) return 0;
    size_t sl = strlen(s);
    if (f->str && (f->kind == F_LITERAL || f->kind == F_SUBPATH || f->kind == F_PREFIX || f->kind == F_REGEX)) {
        const char *t = f->kind == F_REGEX && f->str[0] == '^' ? f->str + 1 : f->str;
        if (!strncmp(t, s, sl)) return 1;
    }
    for (int k = 0; k < f->nkids; k++) if (starts_path(f->kids[k], s, depth + 1)) return 1;
    return 0;
}

/* the first path filter of f whose text is marker s, then '/' and more (a
 * literal, subpath or prefix, a regex after its '^'), or NULL */
static const sfilter *below_param(const sfilter *f, const char *s, int depth)
{
    if (!f || depth > SBPL_MAX_DEPTH) return NULL;
    size_t sl = strlen(s);
    if (f->str && (f->kind == F_LITERAL || f->kind == F_SUBPATH || f->kind == F_PREFIX || f->kind == F_REGEX)) {
        const char *t = f->kind == F_REGEX && f->str[0] == '^' ? f->str + 1 : f->str;
        size_t n = f->len - (size_t)(t - f->str);
        if (n > sl + 1 && !strncmp(t, s, sl) && t[sl] == '/') return f;
    }
    for (int k = 0; k < f->nkids; k++) {
        const sfilter *g = below_param(f->kids[k], s, depth + 1);
        if (g) return g;
    }
    return NULL;
}

/* The first rule the import writes as a .buckle rule with a path that
 * starts with parameter i, then '/' and more ("$P/tmp/s", "$P/$Q"): its
 * form, and the filter in *f; -1 when none.  With P=/ the original's text
 * is "//tmp/s", which Seatbelt compares as written and no request names,
 * while buckle reads "$P/tmp/s" as /tmp/s. */
static int root_slash_form(const imp *m, size_t i, const sfilter **f)
{
    const char *s = arena_printf(m->a, SENT "%zu__", i);
    for (size_t r = 0; r < m->nrules; r++) {
        const iform *fm = &m->forms[m->rules[r].form];
        if (fm->verbatim || fm->raw) continue;
        if ((*f = below_param(m->rules[r].r->filter, s, 0))) return m->rules[r].form;
    }
    return -1;
}

int param_path_form(const imp *m, size_t i)
{
    const char *s = arena_printf(m->a, SENT "%zu__", i);
    for (size_t r = 0; r < m->nrules; r++)
        if (!m->forms[m->rules[r].form].verbatim && starts_path(m->rules[r].r->filter, s, 0)) return m->rules[r].form;
    return -1;
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
    int use = 0;
    for (size_t r = 0; r < m->sym->n && use != 1; r++) {
        int u = param_use(m->sym->rules[r]->filter, s, 0);
        if (u) use = u;
    }
    if (use == 1) return arena_printf(m->a, set ? "/opt/import-%s" : "/Users/test/import-%s", m->pnames[i]);
    if (use == 2) return set ? "9090" : "8080";
    return arena_printf(m->a, set ? "other-%s" : "import-%s", m->pnames[i]);
}

void use_set(imp *m, int k)
{
    m->cur = k;
    m->test = m->sets[k];
    m->ntest = m->nsets[k];
    m->val = m->vals[k];
}

/* the sets of values that line the parameters up with the paths the
 * profile hard-codes (daily/diff_values.h), after the base sets: the
 * original evaluated with each; a set it does not evaluate with is left out
 * (Seatbelt would not load the profile with those values) */
static sb_policy *evaluate(imp *m, const sexp *top, const sb_param *params, size_t nparams, source **imported);

static void lined_up_sets(imp *m, const sb_param *plain0, size_t nplain0, const sexp *etop, source **imported)
{
    m->nset = NSETS;
    const char **vary = arena_alloc(m->a, (m->np + 1) * sizeof *vary);
    size_t nv = 0;
    for (size_t i = 0; i < m->np; i++) if (!given(m, m->pnames[i])) vary[nv++] = m->pnames[i];
    diff_value_set vs[DIFF_MAX_VALUE_SETS];
    const sb_policy *pols[1] = { m->vals[0] };
    size_t ns = diff_value_sets(m->a, pols, 1, plain0, nplain0, vary, nv, 0, 0, NULL, vs, DIFF_MAX_VALUE_SETS);
    diag_list *keep = m->dl;
    for (size_t i = 0; i < ns; i++) {
        int k = m->nset;
        m->sets[k] = derive_sbpl_params(m->a, vs[i].p, vs[i].n, &m->nsets[k]);
        diag_list scratch;
        diag_list_init(&scratch, m->a);
        m->dl = &scratch;
        m->vals[k] = evaluate(m, etop, m->sets[k], m->nsets[k], imported);
        m->dl = keep;
        if (!m->vals[k] || scratch.errors || m->vals[k]->incomplete || m->vals[k]->undecidable) continue;
        m->near[k] = vs[i].near;
        m->nnear[k] = vs[i].nnear;
        m->label[k] = vs[i].label;
        m->nset++;
    }
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

static void note_define(imp *m, const sexp *t)
{
    const sexp *nm = t->child->next;
    if (nm && nm->kind == SX_LIST) nm = nm->child;
    if (nm && nm->kind == SX_SYMBOL) hm_put(&m->defined, nm->text, nm->len, (void *)t);
}

static int is_conditional(const sexp *h)
{
    static const char *const names[] = { "if", "when", "unless", "cond", "case" };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) if (sexp_is_sym(h, names[i])) return 1;
    return 0;
}

/* A (begin ...) at the top level is its forms at the top level (Mozilla's
 * profiles put all their rules, the default included, in one): its forms are
 * imported one by one, as if the begin were not there.  Rewrites the chain
 * (to a depth of SBPL_MAX_DEPTH begins). */
static sexp *splice_begins(sexp *top, int depth)
{
    sexp *head = NULL, **tail = &head;
    for (sexp *t = top, *next; t; t = next) {
        next = t->next;
        if (t->kind == SX_LIST && t->child && sexp_is_sym(t->child, "begin") && depth < SBPL_MAX_DEPTH) {
            sexp *in = splice_begins(t->child->next, depth + 1);
            if (!in) continue;
            *tail = in;
            while (in->next) in = in->next;
            tail = &in->next;
            continue;
        }
        *tail = t;
        tail = &t->next;
    }
    *tail = NULL;
    return head;
}

/* 1 when [p, e) holds only blanks, or a comment after them */
static int only_blank(const char *p, const char *e)
{
    int comment;
    return blank_or_comment(p, e, &comment);
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
            note_define(m, t);
        } else if (h && sexp_is_sym(h, "import")) f->kind = FK_IMPORT;
        else if (h && is_conditional(h)) f->kind = FK_COND;
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
        /* a line shared with other code (a spliced begin's parentheses,
         * another form): only the form's own text */
        if (!only_blank(m->src->text + ls, m->src->text + t->at.start)) f->cfrom = f->from = t->at.start;
        if (t->at.end > 0 && !only_blank(m->src->text + t->at.end, m->src->text + f->to)) f->to = t->at.end;
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


/* the evaluator's messages name a parameter by the marker it was given:
 * $NAME instead */
static const char *unmark(const imp *m, const char *s)
{
    if (!s || !strstr(s, SENT)) return s;
    strbuf b;
    sb_init(&b);
    for (const char *p = s; *p;) {
        if (!strncmp(p, SENT, strlen(SENT))) {
            char *e;
            size_t v = (size_t)strtoul(p + strlen(SENT), &e, 10);
            if (v < m->np && e[0] == '_' && e[1] == '_') { sb_printf(&b, "$%s", m->pnames[v]); p = e + 2; continue; }
        }
        sb_putc(&b, *p++);
    }
    const char *r = arena_strndup(m->a, b.data ? b.data : "", b.len);
    sb_free(&b);
    return r;
}

static void unmark_diags(const imp *m)
{
    for (diag *d = m->dl->head; d; d = d->next) { d->msg = unmark(m, d->msg); d->help = unmark(m, d->help); }
}

/* ---- the whole -------------------------------------------------------------- */

/* ---- conditionals on parameters --------------------------------------------- */

/* the first parameter -D did not give that x reads, following the names
 * definitions made (each definition once) */
static const char *param_in(imp *m, const sexp *x, hashmap *seen, int depth)
{
    if (!x || depth > SBPL_MAX_DEPTH) return NULL;
    if (x->kind == SX_SYMBOL) {
        const sexp *d = hm_get(&m->defined, x->text, x->len);
        if (!d || hm_get(seen, x->text, x->len)) return NULL;
        hm_put(seen, x->text, x->len, (void *)d);
        for (const sexp *c = d->child->next->next; c; c = c->next) {
            const char *r = param_in(m, c, seen, depth + 1);
            if (r) return r;
        }
        return NULL;
    }
    if (x->kind != SX_LIST && x->kind != SX_QUOTE) return NULL;
    if (x->kind == SX_LIST && x->child && (sexp_is_sym(x->child, "param") || sexp_is_sym(x->child, "getenv")) &&
        x->child->next) {
        const sexp *a = param_name(m, x->child->next);
        if (!a) return "(a name computed by the profile)";
        const char *b = base_name(m->a, arena_strndup(m->a, a->text, a->len));
        if (!given(m, b)) return b;
    }
    for (const sexp *c = x->child; c; c = c->next) {
        const char *r = param_in(m, c, seen, depth + 1);
        if (r) return r;
    }
    return NULL;
}

/* 1 when x (or a definition it uses) reads the parameter name */
static int reads_param_named(imp *m, const sexp *x, const char *name, hashmap *seen, int depth)
{
    if (!x || depth > SBPL_MAX_DEPTH) return 0;
    if (x->kind == SX_SYMBOL) {
        const sexp *d = hm_get(&m->defined, x->text, x->len);
        if (!d || hm_get(seen, x->text, x->len)) return 0;
        hm_put(seen, x->text, x->len, (void *)d);
        for (const sexp *c = d->child->next->next; c; c = c->next)
            if (reads_param_named(m, c, name, seen, depth + 1)) return 1;
        return 0;
    }
    if (x->kind != SX_LIST && x->kind != SX_QUOTE) return 0;
    if (x->kind == SX_LIST && x->child && (sexp_is_sym(x->child, "param") || sexp_is_sym(x->child, "getenv"))) {
        const sexp *a = param_name(m, x->child->next);
        if (a && !strcmp(base_name(m->a, arena_strndup(m->a, a->text, a->len)), name)) return 1;
    }
    for (const sexp *c = x->child; c; c = c->next)
        if (reads_param_named(m, c, name, seen, depth + 1)) return 1;
    return 0;
}

static int form_reads_param(imp *m, const sexp *x, const char *name)
{
    hashmap seen;
    hm_init(&seen);
    int r = reads_param_named(m, x, name, &seen, 0);
    hm_free(&seen);
    return r;
}

/* A parameter whose name `param` cannot declare: the forms that read it are
 * kept verbatim (Seatbelt reads it when the profile is loaded), the
 * (import ...) of a file that does for that file.  1 when a form was newly
 * kept verbatim. */
static int unnamed_params(imp *m, const char **forced)
{
    int added = 0;
    for (size_t p = 0; p < m->np; p++) {
        const char *n = m->pnames[p];
        if (builtin_param(n) || buckle_param_name(n)) continue;
        const char *why = arena_printf(m->a, "it reads the parameter \"%s\", which is not a .buckle name (letters, digits "
                                       "and _, not a word of the language), so no `param` can declare it: Seatbelt reads it "
                                       "when the profile is loaded (-D %s=VALUE writes the import for one value instead)", n, n);
        for (size_t i = 0; i < m->nforms; i++) {
            iform *f = &m->forms[i];
            if (f->verbatim || forced[i] || f->kind == FK_DEFINE || f->kind == FK_VERSION || f->kind == FK_DEFAULT) continue;
            if (!form_reads_param(m, f->x, n)) continue;
            forced[i] = why;
            added = 1;
        }
        for (size_t k = 0; k < m->nforeign; k++)
            for (const sexp *t = m->ftop[k]; t; t = t->next) {
                if (!form_reads_param(m, t, n)) continue;
                int fi = importing_form(m, m->fsrc[k], 0);
                if (fi >= 0 && !m->forms[fi].verbatim && !forced[fi]) { forced[fi] = why; added = 1; }
                break;
            }
    }
    return added;
}

/* the first parameter not given that a conditional in x (or in a definition
 * x uses) tests */
static const char *cond_param(imp *m, const sexp *x, hashmap *seen, hashmap *walked, int depth)
{
    if (!x || depth > SBPL_MAX_DEPTH) return NULL;
    if (x->kind == SX_SYMBOL) {
        const sexp *d = hm_get(&m->defined, x->text, x->len);
        if (!d || hm_get(walked, x->text, x->len)) return NULL;
        hm_put(walked, x->text, x->len, (void *)d);
        for (const sexp *c = d->child->next->next; c; c = c->next) {
            const char *r = cond_param(m, c, seen, walked, depth + 1);
            if (r) return r;
        }
        return NULL;
    }
    if (x->kind != SX_LIST && x->kind != SX_QUOTE) return NULL;
    const sexp *h = x->kind == SX_LIST ? x->child : NULL;
    if (h && is_conditional(h) && h->next) {
        if (sexp_is_sym(h, "cond")) {
            for (const sexp *cl = h->next; cl; cl = cl->next) {
                const char *r = cl->kind == SX_LIST ? param_in(m, cl->child, seen, depth + 1) : NULL;
                if (r) return r;
            }
        } else {
            const char *r = param_in(m, h->next, seen, depth + 1);
            if (r) return r;
        }
    }
    for (const sexp *c = x->child; c; c = c->next) {
        const char *r = cond_param(m, c, seen, walked, depth + 1);
        if (r) return r;
    }
    return NULL;
}

/* 1 when a and b are the same data but for (with ...) modifiers */
static int same_but_modifiers(const sexp *a, const sexp *b, int depth)
{
    for (;; a = a->next, b = b->next) {
        while (a && a->kind == SX_LIST && a->child && sexp_is_sym(a->child, "with")) a = a->next;
        while (b && b->kind == SX_LIST && b->child && sexp_is_sym(b->child, "with")) b = b->next;
        if (!a || !b) return a == b;
        if (a->kind != b->kind || depth > SBPL_MAX_DEPTH) return 0;
        if (a->kind == SX_LIST || a->kind == SX_QUOTE) {
            if (!same_but_modifiers(a->child, b->child, depth + 1)) return 0;
        } else if (a->len != b->len || memcmp(a->text, b->text, a->len)) {
            return 0;
        }
    }
}

/* the parameter a form's rules depend on (through a conditional), or NULL.
 * An (if TEST A B) whose branches differ only in their (with ...)
 * modifiers (logging) makes the same decisions either way. */
static const char *form_cond_param(imp *m, const sexp *x)
{
    if (x->kind == SX_LIST && x->child && (sexp_is_sym(x->child, "define") || sexp_is_sym(x->child, "version"))) return NULL;
    if (x->kind == SX_LIST && x->child && sexp_is_sym(x->child, "if") && x->child->next && x->child->next->next &&
        x->child->next->next->next && !x->child->next->next->next->next) {
        const sexp *a = x->child->next->next, *b = a->next;
        sexp ca = *a, cb = *b;   /* compared alone, not with what follows */
        ca.next = cb.next = NULL;
        if (same_but_modifiers(&ca, &cb, 0)) return NULL;
    }
    hashmap seen, walked;
    hm_init(&seen);
    hm_init(&walked);
    const char *p = cond_param(m, x, &seen, &walked, 0);
    hm_free(&seen);
    hm_free(&walked);
    return p;
}

/* why a form whose rules depend on the value of the parameter p is kept
 * verbatim (p "(...)": a name the profile computes) */
static const char *cond_why(imp *m, const char *p, const char *where)
{
    if (p[0] == '(')
        return arena_printf(m->a, "%swhich rules it makes depends on a parameter whose name the profile computes, and "
                            "buckle has no conditionals: Seatbelt decides it when the profile is loaded", where);
    return arena_printf(m->a, "%swhich rules it makes depends on the value of the parameter \"%s\", and buckle has no "
                        "conditionals: Seatbelt decides it when the profile is loaded, with the value the program "
                        "passes (-D %s=VALUE, or -U %s when it passes none, writes the import for that case instead)",
                        where, p, p, p);
}

/* A form whose rules depend on a parameter's value that -D and -U do not
 * give is kept verbatim: the import passes the parameter through, so
 * Seatbelt takes the branch the original would.  With the value given, the
 * form is expanded for it instead.  A conditional in a file the profile
 * imports keeps the (import ...) of the file verbatim.  1 when a form was
 * newly kept verbatim; -1 (an error said) when the conditional is in a file
 * no form of the profile imports by name. */
static int check_conditionals(imp *m, const char **forced, unsigned char *fcond)
{
    int added = 0;
    for (size_t i = 0; i < m->nforms; i++) {
        iform *f = &m->forms[i];
        if (f->verbatim) continue;
        const char *p = form_cond_param(m, f->x);
        if (!p) continue;
        f->verbatim = f->cond = 1;
        f->why = cond_why(m, p, "");
        if (forced) { forced[i] = f->why; fcond[i] = 1; }   /* found through an imported file's helper: kept on a restart */
        added = 1;
    }
    for (size_t k = 0; k < m->nforeign; k++)
        for (const sexp *t = m->ftop[k]; t; t = t->next) {
            const char *p = form_cond_param(m, t);
            if (!p) continue;
            int fi = importing_form(m, m->fsrc[k], 0);
            if (fi < 0) {
                diag_add(m->dl, SEV_ERROR, NULL, t->at,
                         "cannot import this form: which rules it makes depends on the parameter %s%s%s, and no form "
                         "of the profile imports its file by name", p[0] == '(' ? "" : "\"", p, p[0] == '(' ? "" : "\"");
                return -1;
            }
            iform *f = &m->forms[fi];
            if (f->verbatim) continue;
            source_pos pos = source_position(m->fsrc[k], t->at.start);
            f->verbatim = f->cond = 1;
            f->why = cond_why(m, p, arena_printf(m->a, "in the file it imports, %s, line %u: ", m->fsrc[k]->name, pos.line));
            if (forced) { forced[fi] = f->why; fcond[fi] = 1; }
            added = 1;
        }
    return added;
}

/* ---- imports, and which form made each rule --------------------------------- */

const sexp *foreign_forms(const imp *m, const source *s)
{
    for (size_t i = 0; i < m->nforeign; i++) if (m->fsrc[i] == s) return m->ftop[i];
    /* the same file read by another evaluation: the same text */
    for (size_t i = 0; i < m->nforeign; i++)
        if (s && s->path && m->fsrc[i]->path && !strcmp(m->fsrc[i]->path, s->path) && m->fsrc[i]->len == s->len) return m->ftop[i];
    return NULL;
}

/* the files the evaluation read: their forms, their definitions and their
 * parameters; 1 when a parameter is new */
static int note_imported(imp *m, const source *list)
{
    size_t np = m->np;
    for (const source *s = list; s; s = s->next) {
        int known = 0;
        for (size_t i = 0; i < m->nforeign && !known; i++) known = !strcmp(m->fsrc[i]->path, s->path);
        if (known || s == m->fragment_src) continue;
        diag_list scratch;
        diag_list_init(&scratch, m->a);
        sbpl_read_opts ro = { .whole = 1 };
        const sexp *top = sbpl_read(m->a, &scratch, s, &ro);
        m->fsrc = arena_grow(m->a, m->fsrc, m->nforeign, m->nforeign, sizeof *m->fsrc);
        m->ftop = arena_grow(m->a, m->ftop, m->nforeign, m->nforeign, sizeof *m->ftop);
        m->fsrc[m->nforeign] = s;
        m->ftop[m->nforeign++] = top;
        for (const sexp *t = top; t; t = t->next)
            if (t->kind == SX_LIST && t->child && sexp_is_sym(t->child, "define")) note_define(m, t);
        scan_params(m, top);
    }
    return m->np != np;
}

static sb_policy *evaluate(imp *m, const sexp *top, const sb_param *p, size_t np, source **imported)
{
    sbpl_eval_opts eo = { .params = p, .nparams = np, .import_dirs = m->dirs, .nimport = m->ndirs, .sources = imported };
    return sbpl_eval(m->a, m->dl, m->src, top, &eo);
}

/* which top-level form made each rule (by its position in the evaluation
 * order): a rule a helper's body or an imported file makes belongs to the
 * form that called it.  The forms are evaluated one prefix at a time. */
static int *attribute(imp *m, const sexp *etop, sexp *top, const sb_param *p, size_t np)
{
    int *of = arena_alloc(m->a, (m->sym->n + 1) * sizeof *of);
    size_t done = 0, fi;
    for (sexp *t = top; t && done < m->sym->n; t = t->next) {
        fi = (size_t)form_of(m, t->at.start);
        sexp *save = t->next;
        t->next = NULL;
        arena a;
        arena_init(&a);
        diag_list scratch;
        diag_list_init(&scratch, &a);
        source *srcs = NULL;
        sbpl_eval_opts eo = { .params = p, .nparams = np, .import_dirs = m->dirs, .nimport = m->ndirs, .sources = &srcs };
        sb_policy *pol = sbpl_eval(&a, &scratch, m->src, etop, &eo);
        size_t n = pol ? pol->n : 0;
        t->next = save;
        while (done < n && done < m->sym->n) of[done++] = (int)fi;
        while (srcs) { source *nx = srcs->next; source_free(srcs); srcs = nx; }
        arena_free(&a);
    }
    while (done < m->sym->n) of[done++] = -1;
    return of;
}

/* "(import ...) could not be read" with the parameter's marker in it: the
 * user's expression and the parameter instead */
static void report_undecidable(imp *m)
{
    const char *u = m->sym->undecidable;
    const char *mk = strstr(u, SENT);
    if (m->sym->incomplete && strstr(m->sym->incomplete, "more than 32 imports")) {
        diag_add(m->dl, SEV_ERROR, NULL, m->sym->incomplete_at,
                 "cannot import: the (import ...) files nest more than 32 deep (do they import each other?)");
        return;
    }
    if (!mk) {
        diag_add(m->dl, SEV_ERROR, NULL, m->sym->undecidable_at, "cannot import: %s", u);
        return;
    }
    size_t v = (size_t)strtoul(mk + strlen(SENT), NULL, 10);
    const char *pn = v < m->np ? m->pnames[v] : "?";
    span at = m->sym->undecidable_at;
    size_t len = at.src == m->src && at.end > at.start ? at.end - at.start : 0;
    diag *d = diag_add(m->dl, SEV_ERROR, NULL, at, "cannot import: %.*s%snames its file by the parameter \"%s\", whose value "
                       "buckle import does not know", (int)(len > 200 ? 200 : len), len ? m->src->text + at.start : "",
                       len ? " " : "an (import ...) ", pn);
    diag_help(m->dl, d, "give it with -D %s=DIR: the imported file is then read and its rules written in place", pn);
}

/* ---- forms kept verbatim ---------------------------------------------------- */

/* the forms evaluated: every form not kept verbatim (copies, linked anew) */
static sexp *eval_chain(imp *m)
{
    sexp *head = NULL, **tail = &head;
    for (size_t i = 0; i < m->nforms; i++) {
        if (m->forms[i].verbatim) continue;
        sexp *c = arena_alloc(m->a, sizeof *c);
        *c = *m->forms[i].x;
        c->next = NULL;
        *tail = c;
        tail = &c->next;
    }
    return head;
}

/* the names x (one datum, with what is inside it) defines or assigns */
static void names_assigned(hashmap *out, const sexp *x, int depth)
{
    if (!x || depth > SBPL_MAX_DEPTH || (x->kind != SX_LIST && x->kind != SX_QUOTE)) return;
    const sexp *h = x->kind == SX_LIST ? x->child : NULL;
    if (h && (sexp_is_sym(h, "define") || sexp_is_sym(h, "set!"))) {
        const sexp *nm = h->next;
        while (nm && nm->kind == SX_LIST) nm = nm->child;
        if (nm && nm->kind == SX_SYMBOL) hm_put(out, nm->text, nm->len, (void *)nm);
    }
    for (const sexp *c = x->child; c; c = c->next) names_assigned(out, c, depth + 1);
}

/* a symbol of names in x (one datum, with what is inside it), or NULL */
static const sexp *uses_name(const hashmap *names, const sexp *x, int depth)
{
    if (!x || depth > SBPL_MAX_DEPTH) return NULL;
    if (x->kind == SX_SYMBOL) return hm_get(names, x->text, x->len) ? x : NULL;
    if (x->kind != SX_LIST && x->kind != SX_QUOTE) return NULL;
    for (const sexp *c = x->child; c; c = c->next) {
        const sexp *u = uses_name(names, c, depth + 1);
        if (u) return u;
    }
    return NULL;
}

/* a form that uses a name a verbatim form defines or assigns is kept
 * verbatim too: buckle cannot know the value Seatbelt gives it; 1 when one
 * was added */
static int verbatim_uses(imp *m)
{
    hashmap names;
    hm_init(&names);
    for (size_t i = 0; i < m->nforms; i++) if (m->forms[i].verbatim) names_assigned(&names, m->forms[i].x, 0);
    int added = 0;
    for (size_t i = 0; i < m->nforms && names.count; i++) {
        iform *f = &m->forms[i];
        if (f->verbatim || f->kind == FK_VERSION || f->kind == FK_DEFAULT) continue;
        const sexp *u = uses_name(&names, f->x, 0);
        if (!u) continue;
        f->verbatim = 1;
        f->why = arena_printf(m->a, "it uses \"%.*s\", which a form kept verbatim defines", (int)u->len, u->text);
        added = 1;
    }
    hm_free(&names);
    return added;
}

/* the definitions the verbatim forms use (and the ones those use) are
 * copied into the output before them; they stay evaluated too */
static void verbatim_definitions(imp *m)
{
    for (int again = 1; again;) {
        again = 0;
        for (size_t i = 0; i < m->nforms; i++) {
            iform *f = &m->forms[i];
            if (!f->verbatim && !f->keep_def) continue;
            for (size_t k = 0; k < m->nforms; k++) {
                iform *d = &m->forms[k];
                if (d->kind != FK_DEFINE || d->verbatim || d->keep_def) continue;
                hashmap one;
                hm_init(&one);
                names_assigned(&one, d->x, 0);
                if (uses_name(&one, f->x, 0)) { d->keep_def = 1; again = 1; }
                hm_free(&one);
            }
        }
    }
}

/* a form kept verbatim (or a definition copied for one) that uses a name a
 * file the profile imports defines: Seatbelt must see that definition
 * before the block, so the (import ...) of that file is kept verbatim too;
 * 1 when one was added */
static int verbatim_foreign_definitions(imp *m, const char **forced)
{
    int added = 0;
    for (size_t k = 0; k < m->nforeign; k++) {
        hashmap names;
        hm_init(&names);
        for (const sexp *t = m->ftop[k]; t; t = t->next) names_assigned(&names, t, 0);
        for (size_t i = 0; i < m->nforms && names.count; i++) {
            const iform *f = &m->forms[i];
            if (!f->verbatim && !f->keep_def) continue;
            const sexp *u = uses_name(&names, f->x, 0);
            if (!u) continue;
            int fi = importing_form(m, m->fsrc[k], 0);
            if (fi < 0 || m->forms[fi].verbatim || forced[fi]) continue;
            forced[fi] = arena_printf(m->a, "the file it imports defines \"%.*s\", which the form kept verbatim at line %u "
                                      "uses: Seatbelt must read the definition before it", (int)u->len, u->text,
                                      source_position(m->src, f->x->at.start).line);
            added = 1;
        }
        hm_free(&names);
    }
    return added;
}

/* the form of the file the evaluator could not evaluate, to keep verbatim:
 * an (import ...) of a file it cannot read, a call of a function it does not
 * know, a form it does not support; -1 when it is in an imported file or
 * not to be kept (imports nested too deep) */
/* 1 when x is (import "NAME") and NAME names the file path */
static int imports_file(const sexp *x, const char *path)
{
    if (x->kind != SX_LIST || !x->child || !sexp_is_sym(x->child, "import") || !x->child->next ||
        x->child->next->kind != SX_STRING || !path)
        return 0;
    const sexp *n = x->child->next;
    size_t pl = strlen(path);
    return n->len && n->len <= pl && !memcmp(path + pl - n->len, n->text, n->len) &&
           (n->len == pl || path[pl - n->len - 1] == '/');
}

/* the form of the file through whose (import ...) chain the file s was read */
static int importing_form(const imp *m, const source *s, int depth)
{
    if (!s || depth > 32) return -1;
    for (size_t i = 0; i < m->nforms; i++) if (imports_file(m->forms[i].x, s->path)) return (int)i;
    for (size_t k = 0; k < m->nforeign; k++) {
        if (m->fsrc[k] == s) continue;
        for (const sexp *t = m->ftop[k]; t; t = t->next)
            if (imports_file(t, s->path)) return importing_form(m, m->fsrc[k], depth + 1);
    }
    return -1;
}

static int unevaluated_form(imp *m)
{
    span at = m->sym->undecidable ? m->sym->undecidable_at : m->sym->incomplete_at;
    const char *what = m->sym->undecidable ? m->sym->undecidable : m->sym->incomplete;
    if ((m->sym->incomplete && strstr(m->sym->incomplete, "more than 32 imports")) || strstr(what, "more than 32 imports"))
        return -1;
    int fi = at.src == m->src ? form_of(m, at.start) : importing_form(m, at.src, 0);
    if (fi >= 0 && at.src != m->src) {
        source_pos p = source_position(at.src, at.start);
        what = arena_printf(m->a, "in %s, line %u: %s", at.src->name, p.line, what);
    }
    if (fi < 0) return -1;
    iform *f = &m->forms[fi];
    if (f->verbatim || f->kind == FK_VERSION || f->kind == FK_DEFAULT) return -1;
    f->verbatim = 1;
    f->why = arena_printf(m->a, "buckle cannot evaluate it: %s", unmark(m, what));
    const char *mk = strstr(what, SENT);
    if (m->sym->undecidable && mk) {
        /* an (import ...) named by a parameter: -D reads the file */
        size_t v = (size_t)strtoul(mk + strlen(SENT), NULL, 10);
        if (v < m->np)
            f->why = arena_printf(m->a, "it imports a file named by the parameter \"%s\", which buckle does not know (with "
                                  "-D %s=DIR the file is read and its rules written in sections)", m->pnames[v], m->pnames[v]);
    }
    return fi;
}

/* Errors inside a form the evaluator could not evaluate come from a branch
 * it took without knowing the condition ((if (param-defined? p) (subpath
 * (param p))) with p the program's): when every error is in such a form of
 * the file, those forms are kept verbatim, and 1 is returned.  An error in a
 * form without a warning of its own (a typo, a bad regex) stays an error. */
static int errors_in_unevaluated(imp *m, const diag_list *l)
{
    int *mark = arena_alloc(m->a, (m->nforms + 1) * sizeof *mark);
    for (const diag *d = l->head; d; d = d->next) {
        if (d->sev != SEV_WARNING || d->at.src != m->src || !strstr(d->msg, "cannot evaluate")) continue;
        int fi = form_of(m, d->at.start);
        if (fi >= 0) mark[fi] = 1;
    }
    for (const diag *d = l->head; d; d = d->next) {
        if (d->sev != SEV_ERROR) continue;
        int fi = d->at.src == m->src ? form_of(m, d->at.start) : -1;
        if (fi < 0 || !mark[fi] || m->forms[fi].kind == FK_VERSION || m->forms[fi].kind == FK_DEFAULT) return 0;
        mark[fi] = 2;
    }
    int any = 0;
    for (size_t i = 0; i < m->nforms; i++) {
        if (mark[i] != 2 || m->forms[i].verbatim) continue;
        m->forms[i].verbatim = 1;
        m->forms[i].why = "buckle cannot evaluate it (it decides on what the program that loads the profile defines)";
        any = 1;
    }
    return any;
}

/* ---- a file Seatbelt would not load ----------------------------------------- */

static int cpp_directive(const char *msg)
{
    static const char *const dirs[] = { "include", "import", "define", "undef", "if", "ifdef", "ifndef", "elif",
                                        "else", "endif", "pragma", "error" };
    const char *p = strstr(msg, "unknown # syntax \"#");
    if (!p) return 0;
    p += strlen("unknown # syntax \"#");
    for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
        size_t l = strlen(dirs[i]);
        if (!strncmp(p, dirs[i], l) && p[l] == '"') return 1;
    }
    return 0;
}

/* The errors that make Seatbelt itself refuse the original say so, and what
 * to do: the import keeps decisions, and a file that does not load makes
 * none (docs/daily.md, "What is refused").  The first of each kind gets the
 * help. */
static void unloadable_help(diag_list *dl)
{
    int cpp = 0, op = 0, re = 0;
    for (diag *d = dl->head; d; d = d->next) {
        if (d->sev != SEV_ERROR || d->help) continue;
        if (!cpp && cpp_directive(d->msg)) {
            cpp = 1;
            diag_help(dl, d, "a C preprocessor directive: the file is a template for cpp, which Seatbelt does not load as "
                      "written, so it makes no decision to keep; run it through the preprocessor first (cpp -P FILE > "
                      "OUT.sb, with the -D flags its build passes) and import OUT.sb");
        } else if (!re && d->code && !strcmp(d->code, BK2007)) {
            re = 1;
            diag_help(dl, d, "Seatbelt does not load a profile with a regex it cannot compile, so it makes no decision to "
                      "keep: write the pattern in Seatbelt's dialect (docs/sbpl.md, \"The regex dialect\")");
        } else if (!op && d->code && !strcmp(d->code, BK2006)) {
            op = 1;
            diag_help(dl, d, "no operation has a name close to it; Seatbelt does not load a profile that names an operation "
                      "it does not know, so it makes no decision to keep: correct the name (docs/sbpl.md, \"Operations\")");
        }
    }
}

/* ---- the whole -------------------------------------------------------------- */

/* a filter (in f) whose requests the check cannot compare exactly: one
 * the evaluator cannot decide, or an address of one protocol (requests
 * carry none, so the order of a tcp rule and a udp rule never shows) */
static int unchecked_filter(const sfilter *f, int depth)
{
    if (!f || depth > SBPL_MAX_DEPTH) return 0;
    if (f->kind == F_UNKNOWN) return 1;
    if (f->proto && !(f->nproto == 2 && !memcmp(f->proto, "ip", 2))) return 1;
    for (int i = 0; i < f->nkids; i++)
        if (unchecked_filter(f->kids[i], depth + 1)) return 1;
    return 0;
}

/* 1 when whether r's place in the order matters cannot be checked: r is on
 * the default operation (every family falls back to it), or has such a
 * filter */
static int order_unchecked(const irule *r)
{
    return op_family(r->r->op) < 0 || unchecked_filter(r->r->filter, 0);
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
    const char **dirs = arena_alloc(m.a, (o->nimport + 2) * sizeof *dirs);
    for (size_t i = 0; i < o->nimport; i++) dirs[m.ndirs++] = o->import_dirs[i];
    const char *slash = strrchr(src->path ? src->path : src->name, '/');
    dirs[m.ndirs++] = slash ? arena_strndup(m.a, src->path, (size_t)(slash - src->path)) : ".";
    m.dirs = dirs;
    sbpl_read_opts ro = { .whole = 1 };
    uint32_t rs, re;
    if (sbpl_cxx_raw_string(src, &rs, &re)) ro = (sbpl_read_opts){ .start = rs, .end = re };
    sexp *const top0 = splice_begins(sbpl_read(m.a, dl, src, &ro), 0);
    if (dl->errors) {
        unloadable_help(dl);
        hm_free(&m.defined);
        return 1;
    }
    sexp *top = top0;
    int rc = 1;
    source *imported = NULL;
    size_t nsym;
    sb_param *sp = NULL;
    /* a form whose rules can be written neither in sections nor as SBPL
     * rules is kept verbatim, and the import starts again (forced) */
    const char **forced = NULL;
    unsigned char *fcond = NULL;   /* forced for a conditional in an imported file */
    const source *frag_src = NULL;
    diag *dl_tail = dl->tail;
    diag_list dl_counts = *dl;
restart:
    read_forms(&m, top0);
    scan_params(&m, top0);
    if (!forced) forced = arena_alloc(m.a, (m.nforms + 1) * sizeof *forced);
    if (!fcond) fcond = arena_alloc(m.a, m.nforms + 1);
    for (size_t i = 0; i < m.nforms; i++)
        if (forced[i]) { m.forms[i].verbatim = 1; m.forms[i].why = forced[i]; m.forms[i].cond = fcond[i]; }
    /* what buckle cannot evaluate is kept verbatim, and evaluation starts
     * again without it (each round keeps one more form) */
    check_conditionals(&m, NULL, NULL);
    for (size_t round = 0; round <= m.nforms; round++) {
        while (verbatim_uses(&m)) {}
        top = eval_chain(&m);
        diag_list scratch;
        diag_list_init(&scratch, m.a);
        m.dl = &scratch;
        sp = marker_params(&m, &nsym);
        m.sym = evaluate(&m, top, sp, nsym, &imported);
        if (m.sym && !scratch.errors && note_imported(&m, imported)) {
            /* the imported files read parameters of their own */
            sp = marker_params(&m, &nsym);
            m.sym = evaluate(&m, top, sp, nsym, &imported);
        }
        m.dl = dl;
        if (m.sym && !scratch.errors && (m.sym->undecidable || m.sym->incomplete) && unevaluated_form(&m) >= 0) continue;
        if (m.sym && scratch.errors && errors_in_unevaluated(&m, &scratch)) continue;
        /* the last evaluation's findings are the ones said */
        for (const diag *d = scratch.head; d; d = d->next) {
            diag *c = diag_add(dl, d->sev, d->code, d->at, "%s", d->msg);
            if (d->help) diag_help(dl, c, "%s", d->help);
            for (const diag_note *n = d->notes; n; n = n->next) diag_note_add(dl, c, n->at, "%s", n->msg);
        }
        break;
    }
    verbatim_definitions(&m);
    if (verbatim_foreign_definitions(&m, forced)) goto again;
    for (size_t i = 0; i < m.nforms; i++) if (m.forms[i].verbatim || m.forms[i].keep_def) m.forms[i].raw = 1;
    if (m.sym && !dl->errors) {
        int cr = check_conditionals(&m, forced, fcond);
        if (cr < 0) goto done;
        if (cr > 0) goto again;   /* a conditional in an imported file: its import kept verbatim */
    }
    if (!m.sym || dl->errors) goto done;
    if (unnamed_params(&m, forced)) goto again;
    if (m.sym->undecidable) { report_undecidable(&m); goto done; }
    if (m.sym->incomplete) {
        /* undecidable on both sides is no proof of equal meaning */
        diag_add(dl, SEV_ERROR, NULL, m.sym->incomplete_at, "cannot import: %s cannot be evaluated, so what the profile "
                 "decides is not known", m.sym->incomplete);
        goto done;
    }
    sexp *etop = top;
    int has_default = 0;
    for (size_t i = 0; i < m.sym->n; i++)
        if (m.sym->rules[i]->op == op_default() && !m.sym->rules[i]->filter) has_default = 1;
    if (!has_default) {
        /* a fragment: decided as part of a profile that denies by default */
        static const char deny_default[] = "(deny default)\n";
        const source *fs = frag_src;   /* made once: a restart reuses it */
        if (!fs) {
            char *text = malloc(sizeof deny_default);
            if (!text) goto done;
            memcpy(text, deny_default, sizeof deny_default);
            source *nfs = source_new("(the default of the profile that extends it)", "", text, sizeof deny_default - 1);
            if (!nfs) goto done;
            nfs->next = imported;
            imported = nfs;
            frag_src = fs = nfs;
        }
        m.fragment_src = fs;
        m.fragment = 1;
        sexp *d = sbpl_read(m.a, dl, fs, &(sbpl_read_opts){ .whole = 1 });
        if (!d) goto done;
        d->next = top;
        etop = d;
        m.sym = evaluate(&m, etop, sp, nsym, &imported);
        if (!m.sym || dl->errors) goto done;
    }
    sb_param *plain0 = NULL;
    size_t nplain0 = 0;
    for (int k = 0; k < NSETS; k++) {
        static const char *const builtins[] = { "HOME", "TMPDIR", "WORKDIR", "USER" };
        sb_param *plain = arena_alloc(m.a, (m.np + o->ngiven + 5) * sizeof *plain);
        size_t npl = 0;
        for (size_t i = 0; i < 4; i++) {
            size_t j;
            if (given(&m, builtins[i])) continue;
            for (j = 0; j < m.np && strcmp(m.pnames[j], builtins[i]); j++) {}
            if (j < m.np) plain[npl++] = (sb_param){ builtins[i], sample_value(&m, j, k) };
            else if (!k) { size_t ntv; const sb_param *tv = test_param_values(&ntv);
                           for (size_t t = 0; t < ntv; t++) if (!strcmp(tv[t].name, builtins[i])) plain[npl++] = tv[t]; }
        }
        for (size_t i = 0; i < m.np; i++)
            if (!builtin_param(m.pnames[i])) plain[npl++] = (sb_param){ m.pnames[i], sample_value(&m, i, k) };
        for (size_t i = 0; i < o->ngiven; i++) plain[npl++] = o->given[i];
        if (!k) { plain0 = plain; nplain0 = npl; }
        m.sets[k] = derive_sbpl_params(m.a, plain, npl, &m.nsets[k]);
        diag_list scratch;   /* what the first evaluation did not say is said once */
        diag_list_init(&scratch, m.a);
        m.dl = &scratch;
        m.vals[k] = evaluate(&m, etop, m.sets[k], m.nsets[k], &imported);
        m.dl = dl;
        if (!m.vals[k] || scratch.errors || m.vals[k]->incomplete || m.vals[k]->undecidable) {
            const diag *e = scratch.head;
            while (e && e->sev != SEV_ERROR) e = e->next;
            diag_add(dl, SEV_ERROR, NULL, e ? e->at : (span){ src, 0, 0 }, "cannot import: with sample values for its "
                     "parameters the profile does not evaluate%s%s", e ? ": " : "", e ? e->msg : "");
            goto done;
        }
    }
    use_set(&m, 0);
    if (m.vals[1]->n != m.sym->n || m.val->n != m.sym->n) {
        diag_add(dl, SEV_ERROR, NULL, (span){ src, 0, 0 },
                 "cannot import: which rules the profile makes depends on its parameters' values");
        goto done;
    }
    lined_up_sets(&m, plain0, nplain0, etop, &imported);
    int *made_by = NULL;
    for (size_t i = 0; i < m.sym->n && !made_by; i++) {
        const sb_rule *r = m.sym->rules[i];
        if (r->at.src == m.fragment_src || (r->op == op_default() && !r->filter)) continue;
        int fi = r->at.src == src ? form_of(&m, r->at.start) : -1;
        if (fi < 0 || m.forms[fi].kind != FK_RULE) made_by = attribute(&m, etop, top, sp, nsym);
    }
    m.rules = arena_alloc(m.a, (m.sym->n + 1) * sizeof *m.rules);
    for (size_t i = 0; i < m.sym->n; i++) {
        const sb_rule *r = m.sym->rules[i];
        if (r->op == op_default() && !r->filter) {
            if (r->at.src != m.fragment_src) m.dflt = action_name(r->action);
            continue;
        }
        irule *ir = &m.rules[m.nrules++];
        memset(ir, 0, sizeof *ir);
        ir->r = r;
        ir->form = made_by ? made_by[i] : form_of(&m, r->at.start);
        if (ir->form < 0) {
            diag_add(dl, SEV_ERROR, NULL, (span){ src, 0, 0 }, "cannot import: a rule made by no form of the file");
            goto done;
        }
        iform *f = &m.forms[ir->form];
        if (f->kind != FK_RULE && f->kind != FK_IMPORT && f->kind != FK_COND) {
            const sexp *h = f->x->kind == SX_LIST ? f->x->child : NULL;
            int helper = h && h->kind == SX_SYMBOL && hm_get(&m.defined, h->text, h->len);
            int block = h && (sexp_is_sym(h, "begin") || sexp_is_sym(h, "let") || sexp_is_sym(h, "let*"));
            if (!helper && !block) {
                diag_add(dl, SEV_ERROR, NULL, f->x->at,
                         "cannot import this form: buckle has no computed rules (only rules, helpers made with define, "
                         "imports, and conditionals on parameters given with -D)");
                goto done;
            }
        }
        if (r->op == op_default() && !f->raw) { f->raw = 1; f->why = "a filtered rule on default"; }
        if (!f->raw && f->kind == FK_RULE && splices_param_unquoted(&m, f->x)) {
            f->raw = 1;
            f->why = "it splices a parameter's value into a regex as it is (Seatbelt reads the value as regex syntax; "
                     "buckle's $NAME in a regex is the value quoted)";
        }
        strbuf t;
        sb_init(&t);
        section_t sec;
        const char *why = rule_text(&t, &m, r, r->op, &sec);
        sb_free(&t);
        if (why && !f->raw) { f->raw = 1; f->why = why; }
    }
    if (!m.dflt && !m.fragment) {
        diag_add(dl, SEV_ERROR, NULL, (span){ src, 0, 0 }, "cannot import: the profile's default is not known");
        goto done;
    }
    {
        const char *owhy;
        int of = verbatim_order(&m, &owhy);
        if (of >= 0) { forced[of] = owhy; goto again; }
    }
    liveness(&m);
    const char *name = src->name;
    strbuf b;
    sb_init(&b);
    int said = 0;
    for (int round = 0; round < MAX_ROUNDS; round++) {
        /* a raw form whose place in the order the check cannot judge makes
         * every family it touches raw: that family is decided in one place,
         * in the original's order.  The other raw forms leave their family
         * in sections; where their place after it changes a decision, the
         * check finds it and the family goes to SBPL. */
        for (int again = 1; again;) {
            again = 0;
            unsigned char rawfam[OPS_MAX + 1];
            memset(rawfam, 0, sizeof rawfam);
            const char *famwhy[OPS_MAX + 1];
            for (size_t i = 0; i < m.nrules; i++) {
                iform *f = &m.forms[m.rules[i].form];
                if (!f->raw || !order_unchecked(&m.rules[i])) continue;
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
            /* where the original's order and buckle's precedence would
             * decide a pair of its rules apart, statically */
            if (!again) again = order_conflicts(&m);
        }
        sb_reset(&b);
        emit(&m, &b, name);
        if (m.unwritable) {
            size_t fi = (size_t)m.unwritable - 1;
            iform *f = &m.forms[fi];
            if (!forced[fi] && f->kind != FK_DEFAULT && f->kind != FK_VERSION) {
                forced[fi] = arena_printf(m.a, "buckle has no words for it (%s) and cannot write it back as SBPL rules",
                                          f->why ? f->why : "a filter whose meaning is not known");
                sb_free(&b);
                goto again;
            }
            diag_add(dl, SEV_ERROR, NULL, f->x->at, "cannot import this rule: %s, and it cannot be written back as SBPL",
                     f->why ? f->why : "a filter whose meaning is not known");
            break;
        }
        int r = check(&m, &b, name);
        if (r == 0) { sb_add(outb, b.data, b.len); rc = 0; break; }
        if (r < 0) { said = 1; break; }
    }
    if (rc && !said) diag_add(dl, SEV_ERROR, NULL, (span){ src, 0, 0 }, "no import decides like the original");
    for (size_t i = 0; !rc && i < m.np; i++) {
        int fi = given(&m, m.pnames[i]) ? -1 : param_path_form(&m, i);
        if (fi >= 0)
            diag_add(dl, SEV_INFO, NULL, m.forms[fi].x->at, "the original compares the value of %s as the program "
                     "passes it, the import the canonical path: for a value through a symbolic link (%s=/etc for "
                     "/private/etc) the original's rules on it match no path the kernel asks about, and the import's "
                     "match the real one", m.pnames[i], m.pnames[i]);
    }
    /* P=/ is a canonical path too, but not one a .buckle rule can tell
     * apart: buckle run refuses it (compile warns), and the import says so */
    for (size_t i = 0; !rc && i < m.np; i++) {
        const sfilter *f = NULL;
        int fi = given(&m, m.pnames[i]) ? -1 : root_slash_form(&m, i, &f);
        if (fi < 0) continue;
        strbuf t;
        sb_init(&t);
        if (!put_string(&t, &m, f->str, f->len, f->kind != F_REGEX)) sb_puts(&t, "the path");
        diag_add(dl, SEV_WARNING, NULL, m.forms[fi].x->at, "with %s=/ the original's path here starts with \"//\", which "
                 "Seatbelt compares as written and no request names, while the import reads %s as the path below / "
                 "(buckle run refuses %s=/, and compile warns on it)",
                 m.pnames[i], sb_cstr(&t), m.pnames[i]);
        sb_free(&t);
    }
    for (size_t i = 0; !rc && i < m.nforms; i++)
        if (m.forms[i].verbatim)
            diag_add(dl, SEV_INFO, NULL, m.forms[i].x->at, "kept in an sbpl verbatim block, which buckle does not check "
                     "(BK4013): %s", m.forms[i].why ? m.forms[i].why : "buckle cannot evaluate it");
    sb_free(&b);
    goto done;
again:
    {
        /* the findings of this attempt are said by the next one */
        if (dl_tail) dl_tail->next = NULL; else dl->head = NULL;
        dl->tail = dl_tail;
        dl->count = dl_counts.count;
        dl->errors = dl_counts.errors;
        dl->warnings = dl_counts.warnings;
        dl->syntax_errors = dl_counts.syntax_errors;
        hm_free(&m.defined);
        imp keep = m;
        memset(&m, 0, sizeof m);
        m.a = keep.a; m.dl = keep.dl; m.src = keep.src; m.o = keep.o; m.dirs = keep.dirs; m.ndirs = keep.ndirs;
        m.fragment_src = frag_src;
        hm_init(&m.defined);
        goto restart;
    }
done:
    unloadable_help(dl);
    unmark_diags(&m);
    hm_free(&m.defined);
    /* the diagnostics may point into the imported files: the caller frees them */
    if (o->sources) {
        source **end = &imported;
        while (*end) end = &(*end)->next;
        *end = *o->sources;
        *o->sources = imported;
    } else {
        while (imported) { source *n = imported->next; source_free(imported); imported = n; }
    }
    return rc;
}

