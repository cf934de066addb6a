/* import_translate.c - one evaluated SBPL rule in .buckle words: its
 * section, verb, matchers and modifiers, or the reason buckle has none. */
#include "import_model.h"
#include <string.h>
#include <stdlib.h>

/* ---- translation ----------------------------------------------------------- */

const char *ns_head(const imp *m, const sfilter *f)
{
    /* the filter's name as written: "(iokit-registry-entry-class ..." */
    (void)m;
    if (!f->at.src || f->at.start >= f->at.src->len || f->at.src->text[f->at.start] != '(') return "";
    return f->at.src->text + f->at.start + 1;
}

/* the string as a .buckle string: markers as $NAME, $ as $$ */
int put_string(strbuf *b, const imp *m, const char *s, size_t n, int path)
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
    /* a parameter that makes (part of) the first component, "/$X" or
     * "/t$X", or one that starts the path glued to text, "${P}mp": with
     * X=etc, X=mp or P=/t the original names /etc or /tmp as written,
     * which no request is, and buckle reads it as the path under /private */
    size_t first = 1, sl = strlen(SENT);
    while (first < n && s[first] != '/') first++;
    for (size_t i = 1; i + sl <= first; i++)
        if (!memcmp(s + i, SENT, sl)) return "a parameter in the first component (a value may make /tmp, /var or /etc, which buckle "
                                             "reads as the path under /private)";
    if (!strncmp(s, SENT, sl)) {
        size_t k = sl;
        while (k < n && s[k] >= '0' && s[k] <= '9') k++;
        if (k + 2 <= n && s[k] == '_' && s[k + 1] == '_') k += 2;
        if (k < n && s[k] != '/')
            return "a parameter glued to text in the first component (a value may make /tmp, /var or /etc, "
                   "which buckle reads as the path under /private)";
    }
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
    /* buckle's addresses and socket paths are of any protocol: a rule on
     * one (tcp4, udp, unix-socket) would widen */
    if (f->proto && !(f->nproto == 2 && !memcmp(f->proto, "ip", 2)))
        return arena_printf(m->a, "an address of one protocol (%.*s; buckle's addresses are of any protocol)",
                            (int)f->nproto, f->proto);
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
    const sexp *x = NULL, *root = NULL;
    if (r->at.src == m->src) {
        int fi = form_of(m, r->at.start);
        if (fi >= 0) root = m->forms[fi].x;
    } else {   /* a rule of an imported file */
        for (const sexp *t = foreign_forms(m, r->at.src); t && !root; t = t->next)
            if (t->at.start <= r->at.start && r->at.start < t->at.end) root = t;
    }
    if (root && root->at.start == r->at.start && root->at.end == r->at.end) x = root;
    if (!x) {
        /* find the list with that span */
        const sexp *stack[SBPL_MAX_DEPTH + 1];
        int sp = 0;
        if (root) stack[sp++] = root;
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
const sfilter *written_filter(const sfilter *f)
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
const char *rule_text(strbuf *b, const imp *m, const sb_rule *r, int op, section_t *sec)
{
    verb_info v;
    if (!choose_verb(op, r->filter, &v)) return "an operation buckle has no verb for with this filter";
    if (r->leaves) return "(with no-sandbox)";
    *sec = v.section;
    strbuf t;
    sb_init(&t);
    sb_printf(&t, "%s %s", action_name(r->action), v.verb);
    const char *why = NULL;
    const sfilter *rf = written_filter(r->filter);
    if (rf && rf->kind == F_REGEX && rf->str && !strncmp(rf->str, SENT_ANC, strlen(SENT_ANC)) && r->action == ACT_ALLOW &&
        !strcmp(op_get(op)->name, "file-read-metadata")) {
        /* the traversal of a parameter's parents: buckle implies it */
        sb_free(&t);
        sb_puts(b, "# (traversal of a parameter's parents: implied by the rules that allow below it)");
        return NULL;
    }
    if (rf && rf->kind == F_NOT && r->action == ACT_DENY && m->dflt && !strcmp(m->dflt, "deny")) {
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

