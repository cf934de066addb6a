/* import_sb.c - an SBPL profile as a .buckle file (docs/daily.md, "buckle
 * import").  Each rule is re-expressed in its section where buckle has the
 * words for it; a rule that a rule with precedence over it (a more concrete
 * operation, or a later rule of its level) covers wholly never decides and is
 * dropped for those operations, which is how the original's order is kept.
 * The result is compiled and compared with the original by `buckle diff`'s
 * comparison (daily/diff.h); the rules of an operation family whose
 * decisions still differ go to sbpl blocks, verbatim, with the reason.  When
 * even that does not decide like the original, nothing is written. */
#include "import.h"
#include "diff.h"
#include "../compiler/verbs.h"
#include <string.h>
#include <stdlib.h>

#define SENT "__buckle_param_"
#define SENT_ANC "__buckle_ancestors_"
#define MAX_ROUNDS 24
#define NSETS 2          /* sets of parameter values the import is compared under */

enum { FK_OTHER, FK_RULE, FK_VERSION, FK_DEFINE, FK_DEFAULT };

typedef struct iform {
    const sexp *x;
    int kind;
    int raw;
    const char *why;              /* why it is raw */
    uint32_t from, to;            /* its text with its comments, whole lines */
    uint32_t cfrom;               /* where its leading comments start */
} iform;

typedef struct irule {
    const sb_rule *r;             /* with the parameters as markers */
    int form;
    opset live;                   /* concrete operations it decides */
    const char *why;              /* not expressible: the reason */
} irule;

typedef struct imp {
    arena *a;
    diag_list *dl;
    const source *src;
    const import_sb_opts *o;
    iform *forms;
    size_t nforms;
    irule *rules;
    size_t nrules;
    const char **pnames;          /* parameter base names */
    size_t np;
    sb_param *test;               /* values to compare with: the current set */
    size_t ntest;
    sb_policy *sym, *val;         /* evaluated with markers, with the current values */
    sb_param *sets[NSETS];
    size_t nsets[NSETS];
    sb_policy *vals[NSETS];
    const char *dflt;             /* "deny", "allow" or NULL */
    int *line_form;               /* per line of the output: its form, or -1 */
    size_t nlines, lines_cap;
    int unwritable;               /* 1 + a form whose rules cannot be written */
    hashmap defined;              /* names a (define ...) made */
} imp;

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

static int builtin_param(const char *n)
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

static void use_set(imp *m, int k)
{
    m->test = m->sets[k];
    m->ntest = m->nsets[k];
    m->val = m->vals[k];
}

/* ---- forms and comments ---------------------------------------------------- */

static uint32_t line_start(const source *s, uint32_t at)
{
    while (at > 0 && s->text[at - 1] != '\n') at--;
    return at;
}

static uint32_t line_end(const source *s, uint32_t at)
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

static int form_of(const imp *m, uint32_t at)
{
    for (size_t i = 0; i < m->nforms; i++)
        if (m->forms[i].x->at.start <= at && at < m->forms[i].x->at.end) return (int)i;
    return -1;
}

/* the comments of [from, to): "; x" written "# x" */
static void put_comments(strbuf *b, const imp *m, uint32_t from, uint32_t to, const char *indent)
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

/* ---- translation ----------------------------------------------------------- */

static const char *ns_head(const imp *m, const sfilter *f)
{
    /* the filter's name as written: "(iokit-registry-entry-class ..." */
    const char *t = m->src->text + f->at.start;
    if (f->at.src != m->src || *t != '(') return "";
    return t + 1;
}

/* the string as a .buckle string: markers as $NAME, $ as $$ */
static int put_string(strbuf *b, const imp *m, const char *s, size_t n, int path)
{
    sb_putc(b, '"');
    for (size_t i = 0; i < n; i++) {
        if (!strncmp(s + i, SENT, strlen(SENT)) && n - i > strlen(SENT)) {
            size_t k = i + strlen(SENT), v = 0;
            while (k < n && s[k] >= '0' && s[k] <= '9') v = v * 10 + (size_t)(s[k++] - '0');
            if (k + 1 < n + 1 && k + 2 <= n && s[k] == '_' && s[k + 1] == '_' && v < m->np) {
                k += 2;
                const char *nm = m->pnames[v];
                char nx = k < n ? s[k] : 0;
                if ((nx >= 'A' && nx <= 'Z') || (nx >= 'a' && nx <= 'z') || (nx >= '0' && nx <= '9') || nx == '_')
                    sb_printf(b, "${%s}", nm);
                else sb_printf(b, "$%s", nm);
                i = k - 1;
                continue;
            }
        }
        if (!strncmp(s + i, SENT_ANC, strlen(SENT_ANC))) return 0;
        char c = s[i];
        if ((unsigned char)c < 0x20 || c == 0x7f) { if (path) return 0; sb_printf(b, "\\x%02x", (unsigned char)c); continue; }
        if (c == '\\' || c == '"') sb_putc(b, '\\');
        if (c == '$') sb_putc(b, '$');
        sb_putc(b, c);
    }
    sb_putc(b, '"');
    return 1;
}

/* a path buckle keeps as it is written (it canonicalizes the others) */
static const char *path_problem(const char *s, size_t n)
{
    if (!n) return "an empty path";
    if (s[0] != '/' && strncmp(s, SENT, strlen(SENT))) return "a relative path";
    if (n > 1 && s[n - 1] == '/') return "a path ending in / (buckle drops the /)";
    for (size_t i = 0; i + 1 < n; i++) if (s[i] == '/' && s[i + 1] == '/') return "a path with // (buckle collapses it)";
    static const char *const links[] = { "/tmp", "/var", "/etc" };
    for (size_t i = 0; i < 3; i++) {
        size_t l = strlen(links[i]);
        if (n >= l && !memcmp(s, links[i], l) && (n == l || s[l] == '/'))
            return "a path through a symbolic link (buckle writes /private/...)";
    }
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '/') continue;
        size_t j = i + 1;
        while (j < n && s[j] != '/') j++;
        if ((j - i == 2 && s[i + 1] == '.') || (j - i == 3 && s[i + 1] == '.' && s[i + 2] == '.')) return "a path with . or ..";
    }
    return NULL;
}

/* one matcher for verb v: "literal \"/x\"" */
static const char *matcher_text(strbuf *b, const imp *m, const verb_info *v, const sfilter *f)
{
    switch (f->kind) {
    case F_LITERAL: case F_SUBPATH: case F_PREFIX: {
        if (!(v->kinds & KS_PATH)) return "a path filter on an operation without paths";
        const char *pp = path_problem(f->str, f->len);
        if (pp) return pp;
        sb_puts(b, f->kind == F_LITERAL ? "literal " : f->kind == F_PREFIX ? "prefix " : "");
        return put_string(b, m, f->str, f->len, 1) ? NULL : "a parameter's ancestors";
    }
    case F_REGEX:
        if (!(v->kinds & KS_PATH)) return "a path filter on an operation without paths";
        if (f->nres != 1) return "a regex filter with several regexes";
        sb_puts(b, "regex ");
        return put_string(b, m, f->str, f->len, 0) ? NULL : "the ancestors of a parameter's value";
    case F_NAME: case F_NAME_PREFIX: case F_NAME_REGEX: {
        if (f->kind == F_NAME_REGEX && f->nres != 1) return "a regex filter with several regexes";
        if (v->kinds & KS_IOKIT) {
            if (f->ns != SNS_IOKIT || f->kind != F_NAME) return "an IOKit filter buckle has no matcher for";
            sb_puts(b, !strncmp(ns_head(m, f), "iokit-registry-entry-class", 26) ? "registry-class " : "class ");
        } else if (v->kinds & KS_MACH) {
            if (f->ns == SNS_LOCAL && f->kind == F_NAME) sb_puts(b, "local ");
            else if (f->ns != SNS_GLOBAL) return "a name filter buckle has no matcher for here";
            else sb_puts(b, f->kind == F_NAME_PREFIX ? "prefix " : f->kind == F_NAME_REGEX ? "regex " : "");
        } else if (v->kinds & KS_NAME) {
            sf_ns want = v->ns == NS_SYSCTL ? SNS_SYSCTL : SNS_IPC;
            if (f->ns != want) return "a name filter of another kind";
            sb_puts(b, f->kind == F_NAME_PREFIX ? "prefix " : f->kind == F_NAME_REGEX ? "regex " : "");
        } else return "a name filter on an operation without names";
        return put_string(b, m, f->str, f->len, 0) ? NULL : "the ancestors of a parameter's value";
    }
    case F_IP: {
        if (!(v->kinds & KS_IP)) return "an address on an operation without addresses";
        if (f->remote != v->outbound) return "a local address on an outbound rule, or a remote one on inbound";
        const char *c = memchr(f->str, ':', f->len);
        if (!c || memchr(f->str, '$', f->len)) return "an address buckle cannot write";
        size_t hl = (size_t)(c - f->str);
        const char *port = c + 1;
        size_t pl = f->len - hl - 1;
        while (pl > 1 && *port == '0') { port++; pl--; }
        strbuf t;
        sb_init(&t);
        sb_printf(&t, "%.*s:%.*s", (int)hl, f->str, (int)pl, port);
        int ok = put_string(b, m, t.data, t.len, 0);
        sb_free(&t);
        return ok ? NULL : "an address buckle cannot write";
    }
    case F_TARGET:
        if (!(v->kinds & KS_TARGET)) return "a target on an operation without targets";
        sb_puts(b, "target ");
        return put_string(b, m, f->str, f->len, 0) ? NULL : "a target buckle cannot write";
    case F_VNODE: return "a vnode-type filter (buckle has no matcher for file types)";
    case F_ALL: return "require-all (buckle has no conjunction of matchers)";
    case F_NOT: return "require-not (buckle has no negated matchers)";
    case F_UNKNOWN: return "a filter whose meaning is not known";
    default: return "a filter buckle cannot write";
    }
}

/* the verb for an operation and a filter kind */
static int choose_verb(int op, const sfilter *f, verb_info *out)
{
    const char *name = op_get(op)->name;
    int path = f && (f->kind == F_LITERAL || f->kind == F_SUBPATH || f->kind == F_PREFIX || f->kind == F_REGEX);
    if (f && f->kind == F_ANY && f->nkids) {
        const sfilter *k = f->kids[0];
        path = k->kind == F_LITERAL || k->kind == F_SUBPATH || k->kind == F_PREFIX || k->kind == F_REGEX;
    }
    for (size_t i = 0; verb_at(i); i++) {
        const verb_info *t = verb_at(i);
        if (strcmp(t->op, name)) continue;
        if (!strcmp(name, "network-outbound") || !strcmp(name, "network-bind"))
            if (((t->kinds & KS_PATH) != 0) != path) continue;
        *out = *t;
        return 1;
    }
    if (!strncmp(name, "file", 4)) return verb_resolve(SEC_FILES, name, out);
    if (!f) return verb_resolve(SEC_MISC, name, out);
    return 0;
}

static const char *modifiers(strbuf *b, const imp *m, const sb_rule *r)
{
    /* the rule's own form (top-level, or inside a define) */
    const sexp *x = NULL;
    const iform *fm = NULL;
    int fi = form_of(m, r->at.start);
    if (fi >= 0) fm = &m->forms[fi];
    if (fm && fm->x->at.start == r->at.start && fm->x->at.end == r->at.end) x = fm->x;
    if (!x) {
        /* find the list with that span */
        const sexp *stack[SBPL_MAX_DEPTH + 1];
        int sp = 0;
        if (fm) stack[sp++] = fm->x;
        while (sp && !x) {
            const sexp *t = stack[--sp];
            if (t->kind == SX_LIST && t->at.start == r->at.start && t->at.end == r->at.end) { x = t; break; }
            if (t->kind == SX_LIST || t->kind == SX_QUOTE)
                for (const sexp *c = t->child; c && sp < SBPL_MAX_DEPTH; c = c->next) stack[sp++] = c;
        }
    }
    if (!x) return NULL;
    for (const sexp *c = x->child ? x->child->next : NULL; c; c = c->next) {
        if (c->kind != SX_LIST || !c->child || !sexp_is_sym(c->child, "with")) continue;
        const sexp *w = c->child->next;
        if (!w) continue;
        if (sexp_is_sym(w, "report") && !w->next) sb_puts(b, " report");
        else if ((sexp_is_sym(w, "no-report") || sexp_is_sym(w, "no-log")) && !w->next) sb_puts(b, " no-report");
        else if (sexp_is_sym(w, "message") && w->next && w->next->kind == SX_STRING && !w->next->next) {
            sb_puts(b, " message ");
            put_string(b, m, w->next->text, w->next->len, 0);
        } else return "a (with ...) modifier buckle has no word for";
    }
    return NULL;
}

/* The filter a section rule writes: buckle's own output restricts a rule
 * with (require-all M (require-not ...)) where the rules that beat it are,
 * and with (require-all M (regex BAND)) to a band of depths; buckle's
 * precedence makes both again, so M is written (the comparison with the
 * original decides whether that holds). */
static const sfilter *written_filter(const sfilter *f)
{
    while (f && f->kind == F_ALL && f->nkids >= 2) {
        for (int i = 1; i < f->nkids; i++)
            if (f->kids[i]->kind != F_NOT && !(f->kids[i]->kind == F_REGEX && f->kids[i]->str && f->kids[i]->str[0] == '^'))
                return f;
        f = f->kids[0];
    }
    return f;
}

/* "allow read literal \"/x\", \"/y\" report;" for the operations in ops */
static const char *rule_text(strbuf *b, const imp *m, const sb_rule *r, int op, section_t *sec)
{
    verb_info v;
    if (!choose_verb(op, r->filter, &v)) return "an operation buckle has no verb for with this filter";
    if (r->no_sandbox) return "(with no-sandbox)";
    *sec = v.section;
    strbuf t;
    sb_init(&t);
    sb_printf(&t, "%s %s", action_name(r->action), v.verb);
    const char *why = NULL;
    const sfilter *rf = written_filter(r->filter);
    if (rf && rf->kind == F_REGEX && rf->str && !strncmp(rf->str, SENT_ANC, strlen(SENT_ANC)) && !r->action &&
        !strcmp(op_get(op)->name, "file-read-metadata")) {
        /* the traversal of a parameter's parents: buckle implies it */
        sb_free(&t);
        sb_puts(b, "# (traversal of a parameter's parents: implied by the rules that allow below it)");
        return NULL;
    }
    if (rf && rf->kind == F_NOT && r->action && m->dflt && !strcmp(m->dflt, "deny")) {
        /* "deny OP except where allowed": buckle writes it itself for the
         * operations (deny default) may not cover */
        sb_free(&t);
        sb_printf(b, "# (deny %s where nothing allows it: buckle denies it itself)", op_get(op)->name);
        return NULL;
    }
    if (rf) {
        const sfilter *const *ks = &rf;
        int nk = 1;
        if (rf->kind == F_ANY) { ks = (const sfilter *const *)rf->kids; nk = rf->nkids; }
        if (!nk) why = "an empty require-any";
        for (int i = 0; i < nk && !why; i++) {
            sb_puts(&t, i ? ", " : " ");
            why = ks[i]->kind == F_ANY ? "a nested require-any" : matcher_text(&t, m, &v, ks[i]);
        }
    } else if (v.kinds & KS_IOKIT) {
        why = NULL;
    }
    if (!why) why = modifiers(&t, m, r);
    if (!why) { sb_add(b, t.data, t.len); sb_puts(b, ";"); }
    sb_free(&t);
    return why;
}

/* ---- which rules decide ---------------------------------------------------- */

static int covers_path(const sfilter *h, const sfilter *r)
{
    if (h->kind == F_SUBPATH && (r->kind == F_LITERAL || r->kind == F_SUBPATH || r->kind == F_PREFIX)) {
        if (h->len == 1 && h->str[0] == '/') return r->len && r->str[0] == '/';
        if (r->kind != F_PREFIX && r->len == h->len && !memcmp(r->str, h->str, h->len)) return 1;
        return r->len > h->len && !memcmp(r->str, h->str, h->len) && r->str[h->len] == '/';
    }
    if (h->kind == F_PREFIX && (r->kind == F_LITERAL || r->kind == F_SUBPATH || r->kind == F_PREFIX))
        return r->len >= h->len && !memcmp(r->str, h->str, h->len);
    if (h->kind == F_NAME_PREFIX && (r->kind == F_NAME || r->kind == F_NAME_PREFIX) && h->ns == r->ns)
        return r->len >= h->len && !memcmp(r->str, h->str, h->len);
    return 0;
}

/* 1 when every object r matches, h matches (known cases only) */
static int contains(const sfilter *h, const sfilter *r)
{
    if (!h) return 1;
    if (!r) return 0;
    if (r->kind == F_ANY) {
        for (int i = 0; i < r->nkids; i++) if (!contains(h, r->kids[i])) return 0;
        return r->nkids > 0;
    }
    if (h->kind == F_ANY) {
        for (int i = 0; i < h->nkids; i++) if (contains(h->kids[i], r)) return 1;
        return 0;
    }
    if (h->kind == r->kind && h->ns == r->ns && h->remote == r->remote && h->str && r->str && h->len == r->len &&
        !memcmp(h->str, r->str, h->len) && h->kind != F_UNKNOWN && h->nres <= 1 && r->nres <= 1)
        return 1;
    return covers_path(h, r);
}

/* the concrete operations of r that no rule with precedence covers wholly */
static void liveness(imp *m)
{
    sb_policy *p = m->sym;
    for (size_t i = 0; i < m->nrules; i++) {
        const sb_rule *r = m->rules[i].r;
        opset live;
        memset(&live, 0, sizeof live);
        const op_info *ri = op_get(r->op);
        for (int c = 0; c < ops_count(); c++) {
            if (!opset_has(&ri->covers, c)) continue;
            int dead = 0;
            for (size_t k = 0; k < p->n && !dead; k++) {
                const sb_rule *h = p->rules[k];
                if (h == r || !opset_has(&op_get(h->op)->covers, c)) continue;
                int higher;
                if (h->op == r->op) {
                    if (r->filter) higher = h->filter && h->index > r->index;
                    else higher = h->filter || h->index > r->index;
                } else {
                    /* h on an operation between c and r's: more concrete */
                    higher = 0;
                    for (int l = c; l >= 0 && l != r->op; l = op_get(l)->parent) if (l == h->op) { higher = 1; break; }
                }
                if (higher && contains(h->filter, r->filter)) dead = 1;
            }
            if (!dead) opset_add(&live, c);
        }
        m->rules[i].live = live;
    }
}

/* ---- output ---------------------------------------------------------------- */

static void note_lines(imp *m, const strbuf *b, size_t from, int form)
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
                if (!any) { sb_putc(o->b, '\n'); put_comments(o->b, m, f->cfrom, lead_end, ""); any = 1; }
                sb_printf(o->b, "%s {\n", section_name(sec));
                o->sec = sec;
            } else if (!why && !any) {
                put_comments(o->b, m, f->cfrom, lead_end, "    ");
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
            source_pos p = source_position(m->src, r->at.start);
            size_t ll;
            const char *line = source_line(m->src, r->at.start, &ll);
            while (ll && (line[ll - 1] == ' ' || line[ll - 1] == '\r')) ll--;
            sb_printf(o->b, "# line %u never decides (the rules after it cover it): ", p.line);
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

static int orig_denies_meta(const imp *m, const char *sym, size_t n)
{
    const char *obj = concrete(m, sym, n);
    if (obj[0] != '/') return 0;
    sb_request q = { op_lookup("file-read-metadata", NULL), obj, strlen(obj), OBJ_PATH, SNS_OTHER, NULL };
    sb_answer an = sbpl_decide(m->val, &q, m->a);
    return an.decision == 1;
}

static void add_fix(const imp *m, strbuf *fix, const char *kind, const char *s, size_t n)
{
    strbuf t;
    sb_init(&t);
    /* a traversal rule ranks at the depth of the object it matches, deeper
     * than a written "$HOME/x" (a parameter is one component): only a final
     * deny is sure to decide over it */
    int param = !strncmp(s, SENT, strlen(SENT));
    sb_printf(&t, "    deny %smetadata %s", param && !strcmp(kind, "literal ") ? "final " : "", kind);
    if (put_string(&t, m, s, n, 1)) {
        sb_puts(&t, ";\n");
        if (!fix->len || !strstr(sb_cstr(fix), t.data)) sb_add(fix, t.data, t.len);
    }
    sb_free(&t);
}

/* buckle lets a program reach what it allows: metadata on the parents of an
 * allowed path, and below a write or exec subtree.  Where the original
 * denies that metadata, a deny of the same rank keeps it denied. */
static void traversal_fixes_set(const imp *m, strbuf *fix, strbuf *rawfix)
{
    int rd = op_lookup("file-read*", NULL), wr = op_lookup("file-write*", NULL), ex = op_lookup("process-exec*", NULL);
    for (size_t i = 0; i < m->nrules; i++) {
        const irule *ir = &m->rules[i];
        const sb_rule *r = ir->r;
        if (r->action || m->forms[ir->form].raw || !r->filter) continue;
        int fam = -1;
        for (int l = r->op; l >= 0; l = op_get(l)->parent) if (l == rd || l == wr || l == ex) { fam = l; break; }
        if (fam < 0) for (int c = 0; c < ops_count(); c++) {
            if (!opset_has(&op_get(r->op)->covers, c)) continue;
            for (int l = c; l >= 0; l = op_get(l)->parent) if (l == rd || l == wr || l == ex) fam = l;
        }
        if (fam < 0) continue;
        const sfilter *const *ks = (const sfilter *const *)&r->filter;
        int nk = 1;
        if (r->filter->kind == F_ANY) { ks = (const sfilter *const *)r->filter->kids; nk = r->filter->nkids; }
        for (int k = 0; k < nk; k++) {
            const sfilter *f = ks[k];
            if (f->kind != F_LITERAL && f->kind != F_SUBPATH && f->kind != F_PREFIX) continue;
            size_t end = f->len;
            if (f->kind == F_PREFIX) while (end > 0 && f->str[end - 1] != '/') end--;
            for (size_t j = end; j-- > 0;) {
                if (f->str[j] != '/') continue;
                size_t al = j ? j : 1;
                if (al == f->len) continue;
                if (orig_denies_meta(m, f->str, al)) add_fix(m, fix, "literal ", f->str, al);
            }
            if (!strncmp(f->str, SENT, strlen(SENT))) {
                const char *u = strstr(f->str + strlen(SENT), "__");
                size_t sl = u ? (size_t)(u + 2 - f->str) : 0;
                if (sl && sl < f->len && orig_denies_meta(m, f->str, sl)) add_fix(m, fix, "literal ", f->str, sl);
                /* the parents of the value: no .buckle rule names them */
                size_t v = (size_t)strtoul(f->str + strlen(SENT), NULL, 10);
                const char *val = sl ? concrete(m, f->str, sl) : "";
                int all = val[0] == '/' && val[1] != 0;
                for (size_t j = strlen(val); all && j-- > 0;)
                    if (val[j] == '/' && !orig_denies_meta(m, val, j ? j : 1)) all = 0;
                if (all && v < m->np) {
                    const char *line = arena_printf(m->a, "(deny file-read-metadata (regex (param \"%s.ancestors\")))\n", m->pnames[v]);
                    if (!strstr(sb_cstr(rawfix), line)) sb_puts(rawfix, line);
                }
            }
            if (fam != rd && f->kind != F_LITERAL) {
                strbuf t;
                sb_init(&t);
                sb_add(&t, f->str, f->len);
                sb_puts(&t, f->kind == F_SUBPATH ? "/x" : "x");
                if (orig_denies_meta(m, t.data, t.len) || orig_denies_meta(m, f->str, f->len))
                    add_fix(m, fix, f->kind == F_PREFIX ? "prefix " : "", f->str, f->len);
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
                sb_printf(&t, " (param \"%s%s\")", m->pnames[v], anc ? ".ancestors" : regex ? ".re" : "");
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

/* the rules of a form as SBPL: verbatim, or written from their evaluation
 * when the form uses definitions (an sbpl block holds rules only) */
static int sbpl_form(strbuf *b, const imp *m, size_t fi)
{
    const iform *f = &m->forms[fi];
    if (f->kind == FK_RULE && !uses_define(m, f->x)) {
        sb_add(b, m->src->text + f->cfrom, f->to - f->cfrom);
        if (b->len && b->data[b->len - 1] != '\n') sb_putc(b, '\n');
        return 1;
    }
    sb_add(b, m->src->text + f->cfrom, f->from - f->cfrom);
    sb_puts(b, ";; (its definitions expanded)\n");
    for (size_t i = 0; i < m->nrules; i++) {
        const sb_rule *r = m->rules[i].r;
        if (m->rules[i].form != (int)fi) continue;
        sb_printf(b, "(%s %s", action_name(r->action), op_get(r->op)->name);
        if (r->filter) {
            sb_putc(b, ' ');
            if (!sbpl_filter(b, m, r->filter)) return 0;
        }
        if (r->no_sandbox) sb_puts(b, " (with no-sandbox)");
        sb_puts(b, ")\n");
    }
    return 1;
}

static void traversal_fixes(imp *m, strbuf *fix, strbuf *rawfix)
{
    for (int k = 0; k < NSETS; k++) { use_set(m, k); traversal_fixes_set(m, fix, rawfix); }
    use_set(m, 0);
}

static void emit(imp *m, strbuf *b, const char *name)
{
    m->nlines = 0;
    size_t mark = b->len;
    sb_printf(b, "# Imported from %s by buckle import.\n", name);
    note_lines(m, b, mark, -1);
    mark = b->len;
    int first = 1;
    for (size_t i = 0; i < m->np; i++) {
        if (builtin_param(m->pnames[i])) continue;
        if (first) sb_putc(b, '\n');
        first = 0;
        sb_printf(b, "param %s;\n", m->pnames[i]);
    }
    if (m->dflt) sb_printf(b, "%sdefault %s;\n", first ? "\n" : "", m->dflt);
    note_lines(m, b, mark, -1);
    out o = { b, SEC_NONE, 0 };
    for (size_t fi = 0; fi < m->nforms; fi++) {
        iform *f = &m->forms[fi];
        mark = b->len;
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
        if (!sbpl_form(b, m, fi)) m->unwritable = (int)fi + 1;
        note_lines(m, b, mark, (int)fi);
    }
    mark = b->len;
    close_block(&o);
    strbuf fix, rawfix;
    sb_init(&fix);
    sb_init(&rawfix);
    traversal_fixes(m, &fix, &rawfix);
    if (fix.len)
        sb_printf(b, "\n# buckle allows metadata on the parents of allowed paths (and below a written\n"
                     "# or executed subtree); the original denies it here\nfiles {\n%s}\n", fix.data);
    if (rawfix.len)
        sb_printf(b, "\n# the same for the parents of a parameter's value, which no .buckle rule can name\n"
                     "sbpl \"\"\"\n%s\"\"\";\n", rawfix.data);
    sb_free(&fix);
    sb_free(&rawfix);
    /* comments after the last form */
    uint32_t tail = m->nforms ? m->forms[m->nforms - 1].to : 0;
    if (tail < m->src->len) put_comments(b, m, tail, (uint32_t)m->src->len, "");
    note_lines(m, b, mark, -1);
}

/* ---- checking -------------------------------------------------------------- */

static int op_family(int op)
{
    int d = op_default();
    if (op == d) return -1;
    while (op_get(op)->parent >= 0 && op_get(op)->parent != d) op = op_get(op)->parent;
    return op;
}

static int mark_family(imp *m, int fam, const char *why)
{
    int changed = 0;
    for (size_t i = 0; i < m->nrules; i++) {
        int rf = op_family(m->rules[i].r->op);
        if (fam != -2 && rf != fam && rf != -1) continue;
        iform *f = &m->forms[m->rules[i].form];
        if (f->raw) continue;
        f->raw = 1;
        f->why = why;
        changed = 1;
    }
    return changed;
}

/* compiles b and compares it with the original: 0 the same, 1 differences
 * (families made raw), -1 when nothing more can be done */
static int check_set(imp *m, const strbuf *b, const char *name, strbuf *report)
{
    compile_opts co = *m->o->copts;
    co.pool = NULL;
    define *defs = arena_alloc(m->a, (m->ntest + 1) * sizeof *defs);
    size_t nd = 0;
    for (size_t i = 0; i < m->np; i++) {
        if (builtin_param(m->pnames[i])) continue;
        for (size_t k = 0; k < m->ntest; k++)
            if (!strcmp(m->test[k].name, m->pnames[i])) defs[nd++] = (define){ m->test[k].name, m->test[k].value };
    }
    co.defines = defs;
    co.ndefines = nd;
    compilation *c = compilation_new(&co);
    int rc = compile_profile_text(c, name, b->data, b->len);
    int result = 0;
    if (rc) {
        int changed = 0;
        for (const diag *d = c->diags.head; d; d = d->next) {
            if (d->sev != SEV_ERROR) continue;
            int fi = -1;
            if (d->at.src && d->at.src->text == c->units[c->nunits - 1]->src->text) {
                source_pos p = source_position(d->at.src, d->at.start);
                if (p.line >= 1 && p.line <= m->nlines) fi = m->line_form[p.line - 1];
            }
            if (fi < 0 || m->forms[fi].raw) {
                sb_printf(report, "the import does not compile: %s", d->msg);
                result = -1;
                break;
            }
            m->forms[fi].raw = 1;
            m->forms[fi].why = arena_printf(m->a, "buckle refuses its translation: %s", d->msg);
            changed = 1;
        }
        compilation_free(c);
        return result ? result : changed ? 1 : -1;
    }
    crosscheck *x = crosscheck_new(c, m->test, m->ntest, 0);
    diff_side old = { 1, NULL, NULL, m->val, m->a };
    diff_side nw = { 0, c, x, x->pol, &x->a };
    diff_result r;
    diff_run(&r, &old, &nw);
    if (r.n) {
        int changed = 0;
        for (size_t g = 0; g < r.n; g++)
            for (int k = 0; k < r.groups[g]->nex; k++) {
                const char *ex = r.groups[g]->examples[k];
                const char *sp = strchr(ex, ' ');
                char opn[128];
                size_t l = sp ? (size_t)(sp - ex) : strlen(ex);
                if (l >= sizeof opn) continue;
                memcpy(opn, ex, l);
                opn[l] = 0;
                int op = op_lookup(opn, NULL);
                if (op < 0) continue;
                changed |= mark_family(m, op_family(op),
                                       arena_printf(m->a, "in sections, %s would decide %s (the original decides by the order of its rules)",
                                                    ex, r.groups[g]->widening ? "allow" : "deny"));
            }
        if (!changed) changed = mark_family(m, -2, "the rules of the sections would not decide like the original");
        if (!changed) {
            strbuf t;
            sb_init(&t);
            diff_render_text(&t, &r, "original", "import");
            sb_printf(report, "no import decides like the original:\n%s", sb_cstr(&t));
            sb_free(&t);
        }
        result = changed ? 1 : -1;
    }
    diff_result_free(&r);
    crosscheck_free(x);
    compilation_free(c);
    return result;
}

static int check(imp *m, const strbuf *b, const char *name, strbuf *report)
{
    int r = 0;
    for (int k = 0; k < NSETS && !r; k++) { use_set(m, k); r = check_set(m, b, name, report); }
    use_set(m, 0);
    return r;
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
        if (r->op == op_default() && !r->filter) { m.dflt = action_name(r->action); continue; }
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
