/* sbpl_eval.c - a small interpreter for the SBPL that real profiles use
 * (docs/sbpl.md): version, allow/deny with several operations,
 * filters and modifiers, require-all/any/not, param, string-append, define
 * (constants and functions), if/when/unless/cond/begin/let, and import. */
#define _POSIX_C_SOURCE 200809L
#include "sbpl_eval.h"
#include "path_index.h"
#include "../seatbelt/filters.h"
#include "../seatbelt/regex_syntax.h"
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { V_NIL, V_BOOL, V_NUM, V_STR, V_SYM, V_FILTER, V_MOD, V_CLOSURE, V_LIST, V_UNKNOWN } vtype;

typedef struct closure closure;
typedef struct vlist vlist;

typedef struct value {
    vtype t;
    long num;
    const char *s;
    size_t len;
    sfilter *f;
    closure *clo;
    vlist *list;
} value;

struct vlist { value v; vlist *next; };

typedef struct frame {
    const char **names;
    value *vals;
    int n;
    struct frame *up;
} frame;

struct closure {
    const char **params;
    int nparams;
    const char *rest;
    const sexp *body;
    frame *env;
};

typedef struct interp {
    arena *a;
    diag_list *dl;
    sbpl_eval_opts *o;
    sb_policy *p;
    hashmap globals;        /* name -> value* */
    hashmap unset;          /* parameters reported as without a value (BK2013) */
    hashmap regexes;        /* a regex's text -> its automaton, compiled once (a
                             * large profile writes a few hundred regexes thousands
                             * of times; an automaton never changes once made) */
    int depth;
    long steps;
    int imports;
    sbpl_import_fn *on_import;
    void *import_ctx;
    const source *src;
    int stopped;
    int maybe;              /* > 0: evaluating a branch that may or may not run */
    const char *leaves;     /* inside (with-modifier (with no-sandbox) ...): the
                             * modifier every rule there is given, or NULL */
} interp;

#define MAX_DEPTH 200
#define MAX_STEPS 20000000L

static value V(vtype t) { value v; memset(&v, 0, sizeof v); v.t = t; return v; }
static value vstr(const char *s, size_t n) { value v = V(V_STR); v.s = s; v.len = n; return v; }
static value vbool(int b) { value v = V(V_BOOL); v.num = b != 0; return v; }

static value eval(interp *in, const sexp *x, frame *env);

static value unknown(interp *in, const sexp *x, const char *fmt, ...)
{
    char buf[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    diag *d = diag_add(in->dl, SEV_WARNING, BK4014, x->at, "cannot evaluate: %s", buf);
    if (!in->p->incomplete) {
        in->p->incomplete = arena_strdup(in->a, buf);
        in->p->incomplete_at = x->at;
    }
    diag_help(in->dl, d, "answers that depend on this are reported as undecidable");
    value v = V(V_UNKNOWN);
    v.num = 3;              /* may have done anything, added rules included */
    return v;
}

/* v is a statement's value, thrown away.  When it comes from a form that could
 * not be evaluated (an unknown function, an unknown form), that form may have
 * added rules of any kind: every answer is undecidable, as after an import
 * that could not be read. */
static void discard(interp *in, const sexp *x, value v)
{
    if (v.t != V_UNKNOWN || v.num != 3 || in->p->undecidable) return;
    in->p->undecidable = arena_printf(in->a, "the form at line %u could not be evaluated and may add rules",
                                      source_position(x->at.src, x->at.start).line);
    in->p->undecidable_at = x->at;
    diag *d = diag_add(in->dl, SEV_WARNING, BK4014, x->at,
                       "this form could not be evaluated and may add rules: every answer is undecidable");
    diag_help(in->dl, d, "a file that uses definitions from another one is linted with that file (-I DIR and an import)");
}

/* the value of a branch evaluated in maybe mode: unknown, and still "may have
 * done anything" when the branch's own value was */
static value maybe_value(value v)
{
    value r = V(V_UNKNOWN);
    if (v.t == V_UNKNOWN && v.num == 3) r.num = 3;
    return r;
}

static int truthy(value v) { return !(v.t == V_BOOL && v.num == 0); }

/* A parameter without a value (sbpl_eval_opts.unknown_params) is a string
 * whose text is unknown: truthy, a string, but nothing can be matched
 * against it.  string-append of such strings is one too. */
static value vustr(void) { value v = V(V_UNKNOWN); v.num = 1; return v; }
static int is_ustr(value v) { return v.t == V_UNKNOWN && v.num == 1; }
/* a condition's value: an unknown string counts as a (true) string */
static value cond_value(value v) { return is_ustr(v) ? vbool(1) : v; }
/* a comparison with an unknown string: the branch depends on the value */
static value vdepends(void) { value v = V(V_UNKNOWN); v.num = 2; return v; }
static value depends(interp *in, const sexp *x, const char *form)
{
    diag_add(in->dl, SEV_NOTE, NULL, x->at,
             "this %s depends on the value of a parameter that is not given: its rules are not linted (pass it with -D NAME=VALUE)", form);
    return V(V_NIL);
}

static value *lookup(interp *in, frame *env, const char *name)
{
    for (frame *f = env; f; f = f->up)
        for (int i = 0; i < f->n; i++)
            if (strcmp(f->names[i], name) == 0) return &f->vals[i];
    return hm_gets(&in->globals, name);
}

static void define_global(interp *in, const char *name, value v)
{
    value *slot = hm_gets(&in->globals, name);
    if (!slot) {
        slot = arena_alloc(in->a, sizeof *slot);
        hm_set(&in->globals, name, strlen(name), slot);
    }
    *slot = v;
}

/* ---- filters ------------------------------------------------------------- */

static sfilter *mkfilter(interp *in, sf_kind k, const sexp *at)
{
    sfilter *f = arena_alloc(in->a, sizeof *f);
    f->kind = k;
    f->at = at->at;
    return f;
}

static const struct { const char *name; sf_kind kind; sf_ns ns; } name_filters[] = {
    { "global-name", F_NAME, SNS_GLOBAL }, { "global-name-prefix", F_NAME_PREFIX, SNS_GLOBAL },
    { "global-name-regex", F_NAME_REGEX, SNS_GLOBAL },
    { "local-name", F_NAME, SNS_LOCAL }, { "local-name-prefix", F_NAME_PREFIX, SNS_LOCAL },
    { "local-name-regex", F_NAME_REGEX, SNS_LOCAL },
    { "xpc-service-name", F_NAME, SNS_XPC }, { "xpc-service-name-prefix", F_NAME_PREFIX, SNS_XPC },
    { "xpc-service-name-regex", F_NAME_REGEX, SNS_XPC },
    { "sysctl-name", F_NAME, SNS_SYSCTL }, { "sysctl-name-prefix", F_NAME_PREFIX, SNS_SYSCTL },
    { "sysctl-name-regex", F_NAME_REGEX, SNS_SYSCTL },
    { "ipc-posix-name", F_NAME, SNS_IPC }, { "ipc-posix-name-prefix", F_NAME_PREFIX, SNS_IPC },
    { "ipc-posix-name-regex", F_NAME_REGEX, SNS_IPC },
    { "iokit-user-client-class", F_NAME, SNS_IOKIT }, { "iokit-registry-entry-class", F_NAME, SNS_IOKIT },
    { "iokit-user-client-class-regex", F_NAME_REGEX, SNS_IOKIT },
    { "iokit-registry-entry-class-regex", F_NAME_REGEX, SNS_IOKIT },
    { "preference-domain", F_NAME, SNS_PREF }, { "preference-domain-prefix", F_NAME_PREFIX, SNS_PREF },
    { "notification-name", F_NAME, SNS_NOTIF },
};

static int want_string(interp *in, const sexp *x, value v, const char *what)
{
    if (v.t == V_STR) return 1;
    if (v.t == V_UNKNOWN) return 0;
    diag_add(in->dl, SEV_ERROR, BK1001, x->at, "%s expects a string here%s", what,
             v.t == V_BOOL ? " (got #f: is a parameter missing?)" : "");
    return 0;
}

static sfilter *regex_filter(interp *in, const sexp *x, sf_kind k, sf_ns ns, value *args, int nargs)
{
    sfilter *f = mkfilter(in, k, x);
    f->ns = ns;
    f->res = arena_alloc(in->a, (size_t)(nargs + 1) * sizeof *f->res);
    for (int i = 0; i < nargs; i++) {
        if (!want_string(in, x, args[i], "a regex filter")) { f->kind = F_UNKNOWN; return f; }
        const char *err = NULL;
        size_t off;
        sb_regex *re = hm_get(&in->regexes, args[i].s, args[i].len);
        const char *cerr = NULL;
        if (!re) {
            cerr = regex_check_mode(args[i].s, args[i].len, &off, 0);
            re = sb_regex_compile(in->a, args[i].s, args[i].len, &err);
            if (re && !cerr) hm_put(&in->regexes, args[i].s, args[i].len, re);
        }
        if (!re || cerr) {
            diag_add(in->dl, SEV_ERROR, BK2007, x->at, "regex outside the Seatbelt dialect: %s",
                     cerr ? cerr : err);
            f->kind = F_UNKNOWN;
            return f;
        }
        f->res[f->nres++] = re;
        if (i == 0) { f->str = args[i].s; f->len = args[i].len; }
    }
    return f;
}

/* (literal "/a"), (global-name "x"): one string.  Several strings, as
 * Apple's own profiles write them ((global-name "a" "b" "c")), are
 * alternatives, like the several patterns of one regex filter.  NULL when an
 * argument is not a known string (the filter is then undecidable). */
static sfilter *string_filter(interp *in, const sexp *x, const char *name, sf_kind k, sf_ns ns,
                              value *args, int nargs)
{
    if (nargs < 1) {
        diag_add(in->dl, SEV_ERROR, BK1001, x->at, "%s expects a string here", name);
        return NULL;
    }
    for (int i = 0; i < nargs; i++)
        if (!want_string(in, x, args[i], name)) return NULL;
    sfilter **kids = arena_alloc(in->a, (size_t)nargs * sizeof *kids);
    for (int i = 0; i < nargs; i++) {
        kids[i] = mkfilter(in, k, x);
        kids[i]->ns = ns;
        kids[i]->str = args[i].s;
        kids[i]->len = args[i].len;
    }
    if (nargs == 1) return kids[0];
    sfilter *any = mkfilter(in, F_ANY, x);
    any->kids = kids;
    any->nkids = nargs;
    return any;
}

/* Builds a filter value for (NAME args...); returns V_NIL if NAME is not a
 * filter. */
static value make_filter(interp *in, const sexp *x, const char *name, value *args, int nargs)
{
    value out = V(V_FILTER);
    sf_kind pk = (sf_kind)-1;
    if (!strcmp(name, "literal") || !strcmp(name, "path") || !strcmp(name, "path-literal")) pk = F_LITERAL;
    else if (!strcmp(name, "subpath")) pk = F_SUBPATH;
    else if (!strcmp(name, "prefix") || !strcmp(name, "path-prefix")) pk = F_PREFIX;
    if ((int)pk >= 0) {
        out.f = string_filter(in, x, name, pk, SNS_OTHER, args, nargs);
        if (!out.f) out.t = V_UNKNOWN;
        return out;
    }
    if (!strcmp(name, "regex") || !strcmp(name, "path-regex")) {
        out.f = regex_filter(in, x, F_REGEX, SNS_OTHER, args, nargs);
        return out;
    }
    for (size_t i = 0; i < sizeof name_filters / sizeof name_filters[0]; i++) {
        if (strcmp(name, name_filters[i].name)) continue;
        if (name_filters[i].kind == F_NAME_REGEX) {
            out.f = regex_filter(in, x, F_NAME_REGEX, name_filters[i].ns, args, nargs);
            return out;
        }
        out.f = string_filter(in, x, name, name_filters[i].kind, name_filters[i].ns, args, nargs);
        if (!out.f) out.t = V_UNKNOWN;
        return out;
    }
    if (!strcmp(name, "remote") || !strcmp(name, "local")) {
        /* (remote ip "host:port"), (remote tcp "..."), (remote unix-socket (path-literal "/p")) */
        if (nargs >= 1 && args[0].t == V_SYM && nargs == 2 && args[1].t == V_STR) {
            out.f = mkfilter(in, F_IP, x);
            out.f->remote = name[0] == 'r';
            out.f->str = args[1].s;
            out.f->len = args[1].len;
            out.f->proto = args[0].s;
            out.f->nproto = args[0].len;
            return out;
        }
        if (nargs == 2 && args[1].t == V_FILTER) {
            /* (remote unix-socket (path-literal "/p")): the path's filter,
             * with the protocol said */
            out.f = arena_alloc(in->a, sizeof *out.f);
            *out.f = *args[1].f;
            if (args[0].t == V_SYM) { out.f->proto = args[0].s; out.f->nproto = args[0].len; }
            return out;
        }
        out.f = mkfilter(in, F_UNKNOWN, x);
        return out;
    }
    if (!strcmp(name, "target")) {
        out.f = mkfilter(in, F_TARGET, x);
        if (nargs == 1 && (args[0].t == V_SYM || args[0].t == V_STR)) { out.f->str = args[0].s; out.f->len = args[0].len; }
        else out.f->kind = F_UNKNOWN;
        return out;
    }
    if (!strcmp(name, "vnode-type")) {
        out.f = mkfilter(in, F_VNODE, x);
        if (nargs == 1 && args[0].t == V_SYM) { out.f->str = args[0].s; out.f->len = args[0].len; }
        else out.f->kind = F_UNKNOWN;
        return out;
    }
    if (!strcmp(name, "tty")) {
        out.f = mkfilter(in, F_VNODE, x);
        out.f->str = "TTY";
        out.f->len = 3;
        return out;
    }
    if (!strcmp(name, "require-all") || !strcmp(name, "require-any") || !strcmp(name, "require-not") ||
        !strcmp(name, "path-ancestors")) {
        int is_anc = !strcmp(name, "path-ancestors");
        out.f = mkfilter(in, is_anc ? F_ANY : name[8] == 'a' && name[9] == 'l' ? F_ALL : name[8] == 'a' ? F_ANY : F_NOT, x);
        if (out.f->kind == F_NOT && nargs != 1) {
            diag_add(in->dl, SEV_ERROR, BK1001, x->at, "require-not takes one filter");
            out.f->kind = F_UNKNOWN;
            return out;
        }
        /* path-ancestors: up to 64 ancestors of each path, and the root */
        out.f->kids = arena_alloc(in->a, (size_t)(is_anc ? nargs * 65 + 1 : nargs + 1) * sizeof *out.f->kids);
        for (int i = 0; i < nargs; i++) {
            if (is_anc) {
                if (!want_string(in, x, args[i], name)) { out.f->kind = F_UNKNOWN; return out; }
                /* proper ancestors of the path, as literal filters */
                const char *p = args[i].s;
                for (size_t k = 1; k < args[i].len && out.f->nkids < nargs * 64; k++) {
                    if (p[k] != '/') continue;
                    sfilter *l = mkfilter(in, F_LITERAL, x);
                    l->str = p; l->len = k;
                    out.f->kids[out.f->nkids++] = l;
                }
                sfilter *root = mkfilter(in, F_LITERAL, x);
                root->str = "/"; root->len = 1;
                out.f->kids[out.f->nkids++] = root;
                continue;
            }
            if (args[i].t == V_FILTER) out.f->kids[out.f->nkids++] = args[i].f;
            else {
                sfilter *u = mkfilter(in, F_UNKNOWN, x);
                out.f->kids[out.f->nkids++] = u;
                if (args[i].t != V_UNKNOWN)
                    diag_add(in->dl, SEV_ERROR, BK1001, x->at, "%s expects filters", name);
            }
        }
        return out;
    }
    if (filter_known(name)) {   /* a real filter whose outcome we cannot know */
        out.f = mkfilter(in, F_UNKNOWN, x);
        return out;
    }
    return V(V_NIL);
}

/* ---- rules ----------------------------------------------------------------- */

static void add_rule(interp *in, int action, int op, sfilter *f, const sexp *at, const char *leaves)
{
    sb_policy *p = in->p;
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 64;
        sb_rule **n = arena_alloc(in->a, p->cap * sizeof *n);
        if (p->n) memcpy(n, p->rules, p->n * sizeof *n);
        p->rules = n;
    }
    if (in->maybe) {
        /* a rule that may not exist: it matches nothing for certain, and
         * where its own filter matches the answer is undecidable */
        sfilter *u = mkfilter(in, F_UNKNOWN, at);
        if (f) {
            sfilter *all = mkfilter(in, F_ALL, at);
            all->kids = arena_alloc(in->a, 2 * sizeof *all->kids);
            all->kids[0] = u;
            all->kids[1] = f;
            all->nkids = 2;
            f = all;
        } else {
            f = u;
        }
    }
    sb_rule *r = arena_alloc(in->a, sizeof *r);
    r->action = action;
    r->op = op;
    r->filter = f;
    r->at = at->at;
    r->index = (unsigned)p->n;
    r->leaves = leaves;
    p->rules[p->n++] = r;
}

static value eval_rule(interp *in, const sexp *x, frame *env, int action)
{
    int ops[OPS_MAX];
    int nops = 0, nnoop = 0, nbad = 0;
    const char *leaves = in->leaves;
    const char *noop_name = NULL;
    sfilter **fs = NULL;
    int nf = 0, cap = 0, unknown_filter = 0;
    for (const sexp *a = x->child->next; a; a = a->next) {
        if (a->kind == SX_SYMBOL && !lookup(in, env, a->text)) {
            int noop;
            int op = op_lookup(a->text, &noop);
            if (op >= 0) { if (nops < OPS_MAX) ops[nops++] = op; continue; }
            if (noop) { nnoop++; if (!noop_name) noop_name = a->text; continue; }
            nbad++;
            diag *d = diag_add(in->dl, SEV_ERROR, BK2006, a->at, "unknown SBPL operation \"%s\"", a->text);
            const char *s = op_suggest(a->text);
            if (s) diag_help(in->dl, d, "did you mean \"%s\"?", s);
            continue;
        }
        value v = eval(in, a, env);
        if (v.t == V_MOD) {
            const sb_modifier *md = v.s ? modifier_find_nocase(v.s) : NULL;
            if (md && md->leaves_profile) leaves = md->name;
            continue;
        }
        if (v.t == V_FILTER) {
            if (nf == cap) {
                cap = cap ? cap * 2 : 8;
                sfilter **n = arena_alloc(in->a, (size_t)cap * sizeof *n);
                if (nf) memcpy(n, fs, (size_t)nf * sizeof *n);
                fs = n;
            }
            fs[nf++] = v.f;
            continue;
        }
        if (v.t == V_SYM) {
            int noop;
            int op = op_lookup(v.s, &noop);
            if (op >= 0) { if (nops < OPS_MAX) ops[nops++] = op; continue; }
        }
        if (v.t == V_LIST) {   /* a list of operations, e.g. from a helper */
            for (vlist *l = v.list; l; l = l->next)
                if (l->v.t == V_SYM) { int op = op_lookup(l->v.s, NULL); if (op >= 0 && nops < OPS_MAX) ops[nops++] = op; }
            continue;
        }
        if (v.t == V_UNKNOWN) { unknown_filter = 1; continue; }
        diag_add(in->dl, SEV_ERROR, BK1001, a->at, "expected an operation, a filter or (with ...)");
    }
    if (!nops) {
        /* only names Seatbelt accepts and ignores (mach-per-user-lookup, ...):
         * the rule is valid and does nothing, in Seatbelt as here */
        if (nnoop && !nbad)
            diag_add(in->dl, SEV_INFO, NULL, x->at,
                     "this rule has no effect: %s is accepted but does nothing since macOS 10.15", noop_name);
        else if (!nbad)
            diag_add(in->dl, SEV_ERROR, BK1001, x->at, "rule names no operation");
        return V(V_NIL);
    }
    sfilter *f = NULL;
    if (unknown_filter) {
        f = mkfilter(in, F_UNKNOWN, x);
    } else if (nf == 1) {
        f = fs[0];
    } else if (nf > 1) {            /* sibling filters are alternatives */
        f = mkfilter(in, F_ANY, x);
        f->kids = fs;
        f->nkids = nf;
    }
    for (int i = 0; i < nops; i++) add_rule(in, action, ops[i], f, x, leaves);
    return V(V_NIL);
}

/* ---- evaluation -------------------------------------------------------------- */

static value call_closure(interp *in, const sexp *x, closure *c, value *args, int nargs)
{
    frame *fr = arena_alloc(in->a, sizeof *fr);
    int n = c->nparams + (c->rest ? 1 : 0);
    fr->names = arena_alloc(in->a, (size_t)(n + 1) * sizeof *fr->names);
    fr->vals = arena_alloc(in->a, (size_t)(n + 1) * sizeof *fr->vals);
    fr->up = c->env;
    if (nargs < c->nparams || (!c->rest && nargs > c->nparams)) {
        diag_add(in->dl, SEV_ERROR, BK1001, x->at, "wrong number of arguments (%d, expected %d)", nargs, c->nparams);
        return V(V_UNKNOWN);
    }
    for (int i = 0; i < c->nparams; i++) { fr->names[i] = c->params[i]; fr->vals[i] = args[i]; }
    fr->n = c->nparams;
    if (c->rest) {
        vlist *head = NULL, **tail = &head;
        for (int i = c->nparams; i < nargs; i++) {
            vlist *l = arena_alloc(in->a, sizeof *l);
            l->v = args[i];
            *tail = l;
            tail = &l->next;
        }
        fr->names[fr->n] = c->rest;
        fr->vals[fr->n] = V(V_LIST);
        fr->vals[fr->n].list = head;
        fr->n++;
    }
    value r = V(V_NIL);
    for (const sexp *b = c->body; b; b = b->next) {
        r = eval(in, b, fr);
        if (b->next) discard(in, b, r);
    }
    return r;
}

static closure *make_closure(interp *in, const sexp *params, const sexp *body, frame *env)
{
    closure *c = arena_alloc(in->a, sizeof *c);
    int n = 0;
    for (const sexp *p = params; p; p = p->next) n++;
    c->params = arena_alloc(in->a, (size_t)(n + 1) * sizeof *c->params);
    for (const sexp *p = params; p; p = p->next) {
        if (p->kind != SX_SYMBOL) continue;
        if (!strcmp(p->text, ".") && p->next) { c->rest = p->next->text; break; }
        c->params[c->nparams++] = p->text;
    }
    c->body = body;
    c->env = env;
    return c;
}

static value eval_import(interp *in, const sexp *x, value name);

/* The names eval_list handles itself: special forms, which it sees before
 * a call's arguments are evaluated, and builtins, which get the values of
 * the arguments.  Sorted by name (strcmp), for bsearch; a name bound in the
 * profile is not looked up here. */
enum {
    SF_ALLOW, SF_AND, SF_BEGIN, SF_COND, SF_DEBUG, SF_DEFINE, SF_DEFINED, SF_DENY, SF_IF, SF_LAMBDA,
    SF_LET, SF_MACRO, SF_OR, SF_QUOTE, SF_TRACE, SF_UNLESS, SF_VERSION, SF_WHEN, SF_WITH, SF_WITH_MODIFIER,
    BI_EQUAL, BI_GETENV, BI_IMPORT, BI_LIST, BI_NOT, BI_NUM_CMP, BI_PARAM, BI_REGEX_QUOTE,
    BI_STRING_APPEND, BI_STRING_P, BI_STRING_EQ, BI_STRING_TO_NUMBER, BI_STRING_LENGTH, BI_SUBSTRING,
    BI_ARITH, RESERVED_ONLY
};

typedef struct form_row { const char *name; int id; } form_row;

static const form_row forms[] = {
    { "+", BI_ARITH }, { "-", BI_ARITH }, { "<", BI_NUM_CMP }, { "<=", BI_NUM_CMP }, { "=", BI_NUM_CMP },
    { ">", BI_NUM_CMP }, { ">=", BI_NUM_CMP }, { "allow", SF_ALLOW }, { "and", SF_AND }, { "begin", SF_BEGIN },
    { "call", RESERVED_ONLY }, { "cond", SF_COND }, { "debug", SF_DEBUG },
    { "define", SF_DEFINE }, { "defined?", SF_DEFINED }, { "deny", SF_DENY },
    { "eq?", BI_EQUAL }, { "equal?", BI_EQUAL }, { "getenv", BI_GETENV },
    { "if", SF_IF }, { "import", BI_IMPORT }, { "lambda", SF_LAMBDA },
    { "let", SF_LET }, { "let*", SF_LET }, { "list", BI_LIST },
    { "macro", SF_MACRO }, { "not", BI_NOT }, { "or", SF_OR },
    { "param", BI_PARAM }, { "quote", SF_QUOTE }, { "regex-quote", BI_REGEX_QUOTE },
    { "string->number", BI_STRING_TO_NUMBER }, { "string-append", BI_STRING_APPEND }, { "string-length", BI_STRING_LENGTH },
    { "string=?", BI_STRING_EQ }, { "string?", BI_STRING_P }, { "substring", BI_SUBSTRING }, { "trace", SF_TRACE }, { "unless", SF_UNLESS }, { "version", SF_VERSION },
    { "when", SF_WHEN }, { "with", SF_WITH }, { "with-modifier", SF_WITH_MODIFIER },
};
#define NFORMS (sizeof forms / sizeof forms[0])

static int form_cmp(const void *key, const void *row)
{
    return strcmp(key, ((const form_row *)row)->name);
}

static const form_row *form_find(const char *name)
{
    return bsearch(name, forms, NFORMS, sizeof forms[0], form_cmp);
}

const char *sbpl_form_at(size_t i)
{
    return i < NFORMS ? forms[i].name : NULL;
}

int sbpl_reserved_name(const char *name)
{
    return form_find(name) || filter_known(name) || op_lookup(name, NULL) >= 0;
}

static value eval_list(interp *in, const sexp *x, frame *env)
{
    const sexp *h = x->child;
    if (!h) return V(V_NIL);
    const char *hs = h->kind == SX_SYMBOL ? h->text : NULL;
    value *bound = hs ? lookup(in, env, hs) : NULL;
    const form_row *form = hs && !bound ? form_find(hs) : NULL;
    if (form) {
        switch (form->id) {     /* special forms */
        case SF_VERSION: {
            if (!h->next || h->next->kind != SX_NUMBER || h->next->num != 1)
                diag_add(in->dl, SEV_ERROR, BK1001, x->at, "only (version 1) exists");
            if (!in->p->has_version && in->p->n == 0) in->p->version_first = 1;
            in->p->has_version = 1;
            return V(V_NIL);
        }
        case SF_ALLOW: return eval_rule(in, x, env, 0);
        case SF_DENY: return eval_rule(in, x, env, 1);
        case SF_QUOTE: {
            value v = V(V_SYM);
            if (h->next && h->next->kind == SX_SYMBOL) { v.s = h->next->text; v.len = h->next->len; }
            return v;
        }
        case SF_DEFINE: {
            const sexp *t = h->next;
            if (!t) return unknown(in, x, "empty define");
            if (t->kind == SX_SYMBOL) {
                value v = t->next ? eval(in, t->next, env) : V(V_NIL);
                define_global(in, t->text, in->maybe ? V(V_UNKNOWN) : v);
                return V(V_NIL);
            }
            if (t->kind == SX_LIST && t->child && t->child->kind == SX_SYMBOL) {
                if (in->maybe) {   /* a definition that may not happen */
                    define_global(in, t->child->text, V(V_UNKNOWN));
                    return V(V_NIL);
                }
                value v = V(V_CLOSURE);
                v.clo = make_closure(in, t->child->next, t->next, env);
                define_global(in, t->child->text, v);
                return V(V_NIL);
            }
            return unknown(in, x, "define form");
        }
        case SF_LAMBDA: {
            if (!h->next || h->next->kind != SX_LIST) return unknown(in, x, "lambda form");
            value v = V(V_CLOSURE);
            v.clo = make_closure(in, h->next->child, h->next->next, env);
            return v;
        }
        case SF_IF: {
            if (!h->next || !h->next->next) return unknown(in, x, "if form");
            value c = cond_value(eval(in, h->next, env));
            if (c.t == V_UNKNOWN) {
                /* either branch may run: both are evaluated, their rules
                 * as rules that may not exist */
                if (c.num == 2) depends(in, x, "if");
                else unknown(in, x, "condition of if");
                in->maybe++;
                value a = eval(in, h->next->next, env);
                value b = h->next->next->next ? eval(in, h->next->next->next, env) : V(V_NIL);
                in->maybe--;
                return maybe_value(a.t == V_UNKNOWN && a.num == 3 ? a : b);
            }
            if (truthy(c)) return eval(in, h->next->next, env);
            return h->next->next->next ? eval(in, h->next->next->next, env) : V(V_NIL);
        }
        case SF_WHEN: case SF_UNLESS: {
            if (!h->next) return unknown(in, x, "%s form", hs);
            value c = cond_value(eval(in, h->next, env));
            value r = V(V_NIL);
            if (c.t == V_UNKNOWN) {
                if (c.num == 2) depends(in, x, hs);
                else unknown(in, x, "condition of %s", hs);
                in->maybe++;
                for (const sexp *b = h->next->next; b; b = b->next) {
                    r = eval(in, b, env);
                    if (b->next) discard(in, b, r);
                }
                in->maybe--;
                return maybe_value(r);
            }
            if (truthy(c) == (hs[0] == 'w'))
                for (const sexp *b = h->next->next; b; b = b->next) {
                    r = eval(in, b, env);
                    if (b->next) discard(in, b, r);
                }
            return r;
        }
        case SF_COND: {
            int entered = 0;    /* > 0 once a clause's condition could not be known */
            value last = V(V_NIL);
            for (const sexp *cl = h->next; cl; cl = cl->next) {
                if (cl->kind != SX_LIST || !cl->child) continue;
                value c = sexp_is_sym(cl->child, "else") ? vbool(1) : cond_value(eval(in, cl->child, env));
                if (c.t == V_UNKNOWN && !entered) {
                    /* this clause and every later one may run */
                    if (c.num == 2) depends(in, x, "cond");
                    else unknown(in, x, "condition of cond");
                    entered = 1;
                    in->maybe++;
                }
                if (!entered && !truthy(c)) continue;
                value r = c;
                for (const sexp *b = cl->child->next; b; b = b->next) {
                    r = eval(in, b, env);
                    if (b->next) discard(in, b, r);
                }
                if (!entered) return r;
                if (r.t == V_UNKNOWN && r.num == 3) last = r;
                if (c.t != V_UNKNOWN && truthy(c)) break;   /* a later clause cannot run */
            }
            if (entered) { in->maybe--; return maybe_value(last); }
            return V(V_NIL);
        }
        case SF_WITH_MODIFIER: {    /* (with-modifier (with M) RULES...): each rule given M */
            if (!h->next) return unknown(in, x, "with-modifier without a modifier");
            value m = eval(in, h->next, env);
            if (m.t != V_MOD) return unknown(in, x, "with-modifier of something that is not a (with ...) modifier");
            const sb_modifier *md = m.s ? modifier_find_nocase(m.s) : NULL;
            const char *outer = in->leaves;
            if (md && md->leaves_profile) in->leaves = md->name;
            value r = V(V_NIL);
            for (const sexp *b = h->next->next; b; b = b->next) {
                r = eval(in, b, env);
                if (b->next) discard(in, b, r);
            }
            in->leaves = outer;
            return r;
        }
        case SF_BEGIN: {
            value r = V(V_NIL);
            for (const sexp *b = h->next; b; b = b->next) {
                r = eval(in, b, env);
                if (b->next) discard(in, b, r);
            }
            return r;
        }
        case SF_LET: {
            if (!h->next || h->next->kind != SX_LIST) return unknown(in, x, "named let or let form");
            frame *fr = arena_alloc(in->a, sizeof *fr);
            int n = (int)sexp_length(h->next);
            fr->names = arena_alloc(in->a, (size_t)(n + 1) * sizeof *fr->names);
            fr->vals = arena_alloc(in->a, (size_t)(n + 1) * sizeof *fr->vals);
            fr->up = env;
            for (const sexp *b = h->next->child; b; b = b->next) {
                if (b->kind != SX_LIST || !b->child || b->child->kind != SX_SYMBOL) continue;
                value v = b->child->next ? eval(in, b->child->next, hs[3] == '*' ? fr : env) : V(V_NIL);
                fr->names[fr->n] = b->child->text;
                fr->vals[fr->n++] = v;
            }
            value r = V(V_NIL);
            for (const sexp *b = h->next->next; b; b = b->next) {
                r = eval(in, b, fr);
                if (b->next) discard(in, b, r);
            }
            return r;
        }
        case SF_AND: case SF_OR: {
            int is_and = hs[0] == 'a';
            value r = vbool(is_and);
            for (const sexp *b = h->next; b; b = b->next) {
                r = eval(in, b, env);
                if (is_ustr(r)) { if (is_and) continue; return r; }
                if (r.t == V_UNKNOWN && r.num == 2) return r;
                if (r.t == V_UNKNOWN) return r;
                if (truthy(r) != is_and) return r;
            }
            return r;
        }
        case SF_DEBUG: case SF_TRACE: return V(V_NIL);   /* no-ops */
        case SF_WITH: {
            value v = V(V_MOD);
            if (h->next && h->next->kind == SX_SYMBOL) v.s = h->next->text;
            return v;
        }
        case SF_DEFINED: {
            const sexp *q = h->next;
            const char *name = q && q->kind == SX_QUOTE && q->child ? q->child->text : q ? q->text : NULL;
            if (!name) return unknown(in, x, "defined? form");
            return vbool(lookup(in, env, name) || op_lookup(name, NULL) >= 0 || filter_known(name));
        }
        case SF_MACRO: return unknown(in, x, "macros are not supported");
        default: break;         /* a builtin: below, with its arguments */
        }
    }

    /* allow and deny passed as values: (define (grant op f) (op file-read* f))
     * called as (grant allow (subpath "/x")) */
    if (bound && bound->t == V_SYM && !lookup(in, env, bound->s)) {
        if (!strcmp(bound->s, "allow")) return eval_rule(in, x, env, 0);
        if (!strcmp(bound->s, "deny")) return eval_rule(in, x, env, 1);
    }

    /* an application: evaluate the arguments */
    value fn = V(V_NIL);
    if (bound) fn = *bound;
    else if (!hs) fn = eval(in, h, env);
    int nargs = 0;
    for (const sexp *a = h->next; a; a = a->next) nargs++;
    value *args = arena_alloc(in->a, (size_t)(nargs + 1) * sizeof *args);
    int i = 0, any_unknown = 0;
    for (const sexp *a = h->next; a; a = a->next, i++) {
        args[i] = eval(in, a, env);
        if (args[i].t == V_UNKNOWN) any_unknown = 1;
    }
    if (fn.t == V_CLOSURE) return call_closure(in, x, fn.clo, args, nargs);
    if (!hs) return unknown(in, x, "call of a non-function");
    /* a filter under another name: (define resolving-regex regex) */
    if (bound && bound->t == V_SYM && bound->num == 1 && filter_known(bound->s) && !lookup(in, env, bound->s)) {
        if (any_unknown) { value v = V(V_FILTER); v.f = mkfilter(in, F_UNKNOWN, x); return v; }
        value fv = make_filter(in, x, bound->s, args, nargs);
        if (fv.t != V_NIL) return fv;
    }
    if (bound) return unknown(in, x, "\"%s\" is not a function", hs);

    switch (form ? form->id : RESERVED_ONLY) {     /* builtins */
    case BI_PARAM: case BI_GETENV: {
        if (nargs == 1 && args[0].t == V_SYM)
            return unknown(in, x, "param of \"%s\", which is not defined here (a string is expected)", args[0].s);
        if (nargs != 1 || args[0].t != V_STR) return unknown(in, x, "param needs a string");
        for (size_t k = 0; k < in->o->nparams; k++)
            if (!strcmp(in->o->params[k].name, args[0].s))
                return vstr(in->o->params[k].value, strlen(in->o->params[k].value));
        if (!in->o->unknown_params) return vbool(0);
        /* once per parameter (NAME.re and NAME.ancestors count as NAME) */
        size_t n = strlen(args[0].s);
        if (n > 3 && !strcmp(args[0].s + n - 3, ".re")) n -= 3;
        else if (n > 10 && !strcmp(args[0].s + n - 10, ".ancestors")) n -= 10;
        if (!hm_get(&in->unset, args[0].s, n)) {
            hm_set(&in->unset, arena_strndup(in->a, args[0].s, n), n, (void *)1);
            diag *d = diag_add(in->dl, SEV_INFO, BK2013, x->at,
                               "parameter %.*s has no value: the rules that use it are not decided", (int)n, args[0].s);
            diag_help(in->dl, d, "lint with -D %.*s=VALUE", (int)n, args[0].s);
        }
        return vustr();
    }
    case BI_STRING_APPEND: {
        if (any_unknown) {
            for (int k = 0; k < nargs; k++)
                if (args[k].t != V_STR && !is_ustr(args[k])) return V(V_UNKNOWN);
            return vustr();
        }
        strbuf b;
        sb_init(&b);
        for (int k = 0; k < nargs; k++) {
            if (args[k].t != V_STR) {
                sb_free(&b);
                diag_add(in->dl, SEV_ERROR, BK1001, x->at, "string-append of a non-string%s",
                         args[k].t == V_BOOL ? " (#f: is a parameter missing?)" : "");
                return V(V_UNKNOWN);
            }
            sb_add(&b, args[k].s, args[k].len);
        }
        value r = vstr(arena_strndup(in->a, b.data ? b.data : "", b.len), b.len);
        sb_free(&b);
        return r;
    }
    case BI_REGEX_QUOTE: {
        if (nargs == 1 && is_ustr(args[0])) return vustr();
        if (nargs != 1 || args[0].t != V_STR) return V(V_UNKNOWN);
        strbuf b;
        sb_init(&b);
        regex_quote(&b, args[0].s, args[0].len);
        value r = vstr(arena_strndup(in->a, b.data ? b.data : "", b.len), b.len);
        sb_free(&b);
        return r;
    }
    case BI_STRING_EQ: case BI_EQUAL: {
        if (nargs == 2 && (is_ustr(args[0]) || is_ustr(args[1]))) return vdepends();
        if (any_unknown || nargs != 2) return V(V_UNKNOWN);
        if (args[0].t != args[1].t) return vbool(0);
        if (args[0].t == V_STR || args[0].t == V_SYM)
            return vbool(args[0].len == args[1].len && !memcmp(args[0].s, args[1].s, args[0].len));
        return vbool(args[0].num == args[1].num);
    }
    case BI_STRING_TO_NUMBER: {
        /* the number in a parameter's value (Chromium's OS_VERSION) */
        if (nargs == 1 && is_ustr(args[0])) return vdepends();
        if (nargs != 1 || args[0].t != V_STR) return V(V_UNKNOWN);
        char *end;
        const char *t = arena_strndup(in->a, args[0].s, args[0].len);
        long n = strtol(t, &end, 10);
        if (!*t || *end) return vbool(0);
        value v = V(V_NUM);
        v.num = n;
        return v;
    }
    case BI_NUM_CMP: {
        if (nargs < 2) return unknown(in, x, "%s needs two numbers", hs);
        for (int k = 0; k < nargs; k++)
            if (is_ustr(args[k]) || (args[k].t == V_UNKNOWN && args[k].num == 2)) return vdepends();
        if (any_unknown) return V(V_UNKNOWN);
        for (int k = 0; k < nargs; k++) {
            if (args[k].t == V_SYM) return unknown(in, x, "\"%s\" is not defined here (a number is expected)", args[k].s);
            if (args[k].t != V_NUM) return unknown(in, x, "%s of a non-number", hs);
        }
        int ok = 1;
        for (int k = 0; k + 1 < nargs; k++) {
            long l = args[k].num, r = args[k + 1].num;
            int c = hs[0] == '=' ? l == r : hs[0] == '<' ? (hs[1] ? l <= r : l < r) : (hs[1] ? l >= r : l > r);
            if (!c) ok = 0;
        }
        return vbool(ok);
    }
    case BI_STRING_LENGTH: {
        if (nargs == 1 && is_ustr(args[0])) return vdepends();
        if (any_unknown) return V(V_UNKNOWN);
        if (nargs != 1 || args[0].t != V_STR) return unknown(in, x, "string-length needs a string");
        value v = V(V_NUM);
        v.num = (long)args[0].len;
        return v;
    }
    case BI_SUBSTRING: {
        /* (substring S START [END]): bytes, as TinyScheme counts them */
        if (nargs >= 1 && is_ustr(args[0])) return vustr();
        if (any_unknown) return V(V_UNKNOWN);
        if (nargs < 2 || nargs > 3 || args[0].t != V_STR || args[1].t != V_NUM || (nargs == 3 && args[2].t != V_NUM))
            return unknown(in, x, "substring needs a string and one or two numbers");
        long from = args[1].num, to = nargs == 3 ? args[2].num : (long)args[0].len;
        if (from < 0 || to < from || to > (long)args[0].len) return unknown(in, x, "substring out of the string's range");
        return vstr(args[0].s + from, (size_t)(to - from));
    }
    case BI_ARITH: {
        for (int k = 0; k < nargs; k++)
            if (is_ustr(args[k]) || (args[k].t == V_UNKNOWN && args[k].num == 2)) return vdepends();
        if (any_unknown) return V(V_UNKNOWN);
        long r = 0;
        for (int k = 0; k < nargs; k++) {
            if (args[k].t != V_NUM) return unknown(in, x, "%s of a non-number", hs);
            long v = args[k].num;
            if (v > 1000000000L || v < -1000000000L) return unknown(in, x, "%s of a number out of range", hs);
            r = hs[0] == '+' || (k == 0 && nargs > 1) ? r + v : r - v;
        }
        value v = V(V_NUM);
        v.num = r;
        return v;
    }
    case BI_STRING_P: return nargs == 1 ? (is_ustr(args[0]) ? vbool(1) : args[0].t == V_UNKNOWN ? args[0] : vbool(args[0].t == V_STR)) : V(V_UNKNOWN);
    case BI_NOT: {
        if (nargs == 1 && args[0].t == V_UNKNOWN && args[0].num == 2) return args[0];
        return nargs == 1 && (args[0].t != V_UNKNOWN || is_ustr(args[0])) ? vbool(!truthy(cond_value(args[0]))) : V(V_UNKNOWN);
    }
    case BI_LIST: {
        value r = V(V_LIST);
        vlist **t = &r.list;
        for (int k = 0; k < nargs; k++) { vlist *l = arena_alloc(in->a, sizeof *l); l->v = args[k]; *t = l; t = &l->next; }
        return r;
    }
    case BI_IMPORT: return nargs == 1 ? eval_import(in, x, args[0]) : unknown(in, x, "import form");
    default: break;
    }
    if (any_unknown && filter_known(hs)) { value v = V(V_FILTER); v.f = mkfilter(in, F_UNKNOWN, x); return v; }
    value fv = make_filter(in, x, hs, args, nargs);
    if (fv.t != V_NIL) return fv;
    return unknown(in, x, "unknown function \"%s\"", hs);
}

static value eval(interp *in, const sexp *x, frame *env)
{
    if (in->stopped) return V(V_UNKNOWN);
    if (++in->steps > MAX_STEPS) {
        diag_add(in->dl, SEV_ERROR, BK1001, x->at, "evaluation takes too long (more than %ld steps)", MAX_STEPS);
        in->stopped = 1;
        return V(V_UNKNOWN);
    }
    switch (x->kind) {
    case SX_STRING: return vstr(x->text, x->len);
    case SX_NUMBER: { value v = V(V_NUM); v.num = x->num; return v; }
    case SX_BOOL: return vbool((int)x->num);
    case SX_CHAR: { value v = V(V_NUM); v.num = x->num; return v; }
    case SX_QUOTE: {
        value v = V(V_SYM);
        if (x->child && x->child->kind == SX_SYMBOL) { v.s = x->child->text; v.len = x->child->len; return v; }
        if (x->child && x->child->kind == SX_LIST) {
            value l = V(V_LIST);
            vlist **t = &l.list;
            for (const sexp *e = x->child->child; e; e = e->next) {
                vlist *n = arena_alloc(in->a, sizeof *n);
                n->v = e->kind == SX_SYMBOL ? (value){ .t = V_SYM, .s = e->text, .len = e->len } : eval(in, e, env);
                *t = n;
                t = &n->next;
            }
            return l;
        }
        return x->child ? eval(in, x->child, env) : V(V_NIL);
    }
    case SX_SYMBOL: {
        value *b = lookup(in, env, x->text);
        if (b) return *b;
        value v = V(V_SYM);     /* operation names, REGULAR-FILE, self, tcp, ... */
        v.s = x->text;
        v.len = x->len;
        v.num = 1;              /* a name's value, not a quoted symbol: a filter can be called so */
        return v;
    }
    case SX_LIST: {
        if (++in->depth > MAX_DEPTH) {
            in->depth--;
            diag_add(in->dl, SEV_ERROR, BK1001, x->at, "evaluation nested deeper than %d", MAX_DEPTH);
            in->stopped = 1;
            return V(V_UNKNOWN);
        }
        value r = eval_list(in, x, env);
        in->depth--;
        return r;
    }
    }
    return V(V_NIL);
}

static value eval_import(interp *in, const sexp *x, value name)
{
    if (is_ustr(name) && !in->p->undecidable) {
        /* (import (string-append (param "DIR") "/x.sb")) without -D DIR */
        in->p->undecidable = "an import names a file by a parameter that has no value";
        in->p->undecidable_at = x->at;
        diag *d = diag_add(in->dl, SEV_WARNING, BK4014, x->at,
                           "cannot import a file named by a parameter without a value: every answer is undecidable");
        diag_help(in->dl, d, "give the parameter with -D NAME=VALUE");
        return V(V_NIL);
    }
    if (is_ustr(name)) return V(V_NIL);
    if (name.t != V_STR) return unknown(in, x, "import of a non-string");
    if (++in->imports > 32) return unknown(in, x, "more than 32 imports");
    const char *dirs[64];
    size_t nd = 0;
    if (name.s[0] == '/') dirs[nd++] = "";
    for (size_t i = 0; i < in->o->nimport && nd < 60; i++) dirs[nd++] = in->o->import_dirs[i];
    for (size_t i = 0; i < nd; i++) {
        const char *path = name.s[0] == '/' ? name.s : arena_printf(in->a, "%s/%s", dirs[i], name.s);
        const char *err;
        source *s = source_read(path, path, &err);
        if (in->on_import) in->on_import(in->import_ctx, path, s != NULL);
        if (!s) continue;
        if (in->o->sources) { s->next = *in->o->sources; *in->o->sources = s; }
        sbpl_read_opts ro = { .whole = 1 };
        sexp *top = sbpl_read(in->a, in->dl, s, &ro);
        for (const sexp *t = top; t; t = t->next) discard(in, t, eval(in, t, NULL));
        return V(V_NIL);
    }
    in->p->undecidable = arena_printf(in->a, "(import \"%s\") could not be read; pass its directory with -I", name.s);
    in->p->undecidable_at = x->at;
    diag *d = diag_add(in->dl, SEV_WARNING, BK4014, x->at, "cannot import \"%s\": every answer is undecidable", name.s);
    diag_help(in->dl, d, "system profiles such as bsd.sb live only on macOS; pass a directory holding it with -I DIR");
    return V(V_NIL);
}

static int cmp_rule(const void *pa, const void *pb)
{
    const sb_rule *a = *(sb_rule *const *)pa, *b = *(sb_rule *const *)pb;
    if (a->op != b->op) return a->op < b->op ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

sb_policy *sbpl_eval(arena *a, diag_list *dl, const source *src, const sexp *top, sbpl_eval_opts *o)
{
    return sbpl_eval_probed(a, dl, src, top, o, NULL, NULL);
}

sb_policy *sbpl_eval_probed(arena *a, diag_list *dl, const source *src, const sexp *top, sbpl_eval_opts *o,
                            sbpl_import_fn *on_import, void *ctx)
{
    interp in;
    memset(&in, 0, sizeof in);
    in.on_import = on_import;
    in.import_ctx = ctx;
    in.a = a;
    in.dl = dl;
    in.o = o;
    in.src = src;
    in.p = arena_alloc(a, sizeof *in.p);
    hm_init(&in.globals);
    hm_init(&in.unset);
    hm_init(&in.regexes);
    for (const sexp *t = top; t; t = t->next) discard(&in, t, eval(&in, t, NULL));
    hm_free(&in.globals);
    hm_free(&in.unset);
    hm_free(&in.regexes);
    sb_policy *p = in.p;
    p->nops = ops_count();
    p->sorted = arena_alloc(a, (p->n + 1) * sizeof *p->sorted);
    if (p->n) memcpy(p->sorted, p->rules, p->n * sizeof *p->sorted);
    qsort(p->sorted, p->n, sizeof *p->sorted, cmp_rule);
    p->by_op_start = arena_alloc(a, (size_t)(p->nops + 1) * sizeof *p->by_op_start);
    size_t k = 0;
    for (int op = 0; op <= p->nops; op++) {
        while (k < p->n && p->sorted[k]->op < op) k++;
        p->by_op_start[op] = k;
    }
    /* a few hundred rules are scanned faster than the path is walked */
    if (p->n >= SBPL_INDEX_MIN_RULES) p->index = path_index_build(a, p);
    return p;
}

/* ---- matching and deciding ------------------------------------------------------ */

static int path_match(const sfilter *f, const char *s, size_t n)
{
    switch (f->kind) {
    case F_LITERAL: return n == f->len && memcmp(s, f->str, n) == 0;
    case F_SUBPATH:
        if (f->len == 1 && f->str[0] == '/') return n > 0 && s[0] == '/';
        return n >= f->len && memcmp(s, f->str, f->len) == 0 && (n == f->len || s[f->len] == '/');
    case F_PREFIX: return n >= f->len && memcmp(s, f->str, f->len) == 0;
    default: return 0;
    }
}

static int ip_match(const sfilter *f, const sb_request *q)
{
    if (q->kind != OBJ_IP) return 0;
    int want_remote = q->op == op_lookup("network-outbound", NULL);
    if (f->remote != want_remote) return 0;
    size_t fh = ip_host_len(f->str, f->len), qh = ip_host_len(q->obj, q->len);
    if (fh >= f->len || qh >= q->len) return -1;
    const char *fc = f->str + fh, *qc = q->obj + qh;
    int host = ip_host_matches(f->str, fh, q->obj, qh);
    size_t fp = f->len - fh - 1, qp = q->len - qh - 1;
    int port = (fp == 1 && fc[1] == '*') || ip_port_equal(fc + 1, fp, qc + 1, qp);
    return host && port;
}

#define MEMO_VNODES 15

struct sbpl_memo {
    char *obj;                  /* the path the results are for */
    size_t len, objcap;
    unsigned gen;               /* a slot of another generation is empty */
    size_t mask, used;
    struct memo_slot { const sb_regex *re; unsigned gen; int hit; } *slot;
    struct dfa_slot { const sb_regex *re; sb_regex_dfa *dfa; unsigned searched; } *dfa;   /* a regex's DFA, kept */
    size_t dmask, dused;
    /* the path index's candidates for the path cpath: cand[0..ncand), or
     * PATH_INDEX_MANY; cidx NULL: none kept */
    const struct path_index *cidx;
    char *cpath;
    size_t clen, cpcap;
    size_t cand[256], ncand;
    /* the result of each rule's compound filter (require-all, -any, -not)
     * for the path fpath asked with no vnode type (variant 0) or with the
     * type vn[k - 1] (variant k): a rule of file-read* is asked again for
     * each operation below it.  fvar: the variant of the request being
     * decided, -1 when its results are not kept (not a path, too many
     * types) */
    char *fpath;
    size_t flen, fpcap;
    char *vn[MEMO_VNODES];
    int nvn, fvar;
    unsigned fgen;
    size_t fmask, fused;
    struct filter_slot { const sfilter *f; unsigned gen; int var; int hit; } *fslot;
};

sbpl_memo *sbpl_memo_new(void)
{
    sbpl_memo *m = xcalloc(1, sizeof *m);
    m->mask = 255;
    m->gen = 1;
    m->slot = xcalloc(m->mask + 1, sizeof *m->slot);
    m->dmask = 255;
    m->dfa = xcalloc(m->dmask + 1, sizeof *m->dfa);
    m->fgen = 1;
    m->fmask = 255;
    m->fslot = xcalloc(m->fmask + 1, sizeof *m->fslot);
    m->fvar = -1;
    return m;
}

static size_t ptr_hash(const void *p) { return ((size_t)(uintptr_t)p >> 4) * 0x9e3779b97f4a7c15ull; }

static struct dfa_slot *dfa_find(const sbpl_memo *m, const sb_regex *re)
{
    for (size_t i = ptr_hash(re) & m->dmask;; i = (i + 1) & m->dmask)
        if (!m->dfa[i].re || m->dfa[i].re == re) return &m->dfa[i];
}

/* A regex searched this many times without its DFA gets one: a DFA costs
 * a table of 256 entries per state, which a regex asked about few paths
 * never repays. */
#define MEMO_DFA_AFTER 64

/* re's DFA, made once it has been searched often; NULL before */
static sb_regex_dfa *memo_dfa(sbpl_memo *m, const sb_regex *re)
{
    struct dfa_slot *e = dfa_find(m, re);
    if (e->re && (e->dfa || ++e->searched < MEMO_DFA_AFTER)) return e->dfa;
    if (e->re) return e->dfa = sb_regex_dfa_new(re);
    if (2 * (m->dused + 1) > m->dmask) {
        struct dfa_slot *old = m->dfa;
        size_t on = m->dmask + 1;
        m->dmask = 2 * on - 1;
        m->dfa = xcalloc(m->dmask + 1, sizeof *m->dfa);
        for (size_t i = 0; i < on; i++) if (old[i].re) *dfa_find(m, old[i].re) = old[i];
        free(old);
        e = dfa_find(m, re);
    }
    *e = (struct dfa_slot){ re, NULL, 1 };
    m->dused++;
    return NULL;
}

void sbpl_memo_free(sbpl_memo *m)
{
    if (!m) return;
    for (size_t i = 0; i <= m->dmask; i++) sb_regex_dfa_free(m->dfa[i].dfa);
    free(m->dfa);
    free(m->obj);
    free(m->cpath);
    free(m->slot);
    free(m->fpath);
    for (int i = 0; i < m->nvn; i++) free(m->vn[i]);
    free(m->fslot);
    free(m);
}

static struct memo_slot *memo_find(const sbpl_memo *m, const sb_regex *re)
{
    for (size_t i = ptr_hash(re) & m->mask;; i = (i + 1) & m->mask)
        if (m->slot[i].gen != m->gen || m->slot[i].re == re) return &m->slot[i];
}

/* sb_regex_search, through m when there is one */
static int regex_search(sbpl_memo *m, const sb_regex *re, const char *s, size_t len)
{
    if (!m) return sb_regex_search(re, s, len);
    if (len != m->len || !m->obj || memcmp(s, m->obj, len) != 0) {   /* another path: start over */
        if (len + 1 > m->objcap) { m->objcap = len + 1; m->obj = xrealloc(m->obj, m->objcap); }
        memcpy(m->obj, s, len);
        m->len = len;
        if (++m->gen == 0) { memset(m->slot, 0, (m->mask + 1) * sizeof *m->slot); m->gen = 1; }
        m->used = 0;
    }
    struct memo_slot *e = memo_find(m, re);
    if (e->gen == m->gen) return e->hit;
    sb_regex_dfa *dfa = memo_dfa(m, re);
    int hit = dfa ? sb_regex_dfa_search(dfa, s, len) : sb_regex_search(re, s, len);
    if (2 * (m->used + 1) > m->mask) {          /* grow, keeping this path's results */
        struct memo_slot *old = m->slot;
        size_t on = m->mask + 1;
        m->mask = 2 * on - 1;
        m->slot = xcalloc(m->mask + 1, sizeof *m->slot);
        for (size_t i = 0; i < on; i++) if (old[i].gen == m->gen) *memo_find(m, old[i].re) = old[i];
        free(old);
        e = memo_find(m, re);
    }
    *e = (struct memo_slot){ re, m->gen, hit };
    m->used++;
    return hit;
}

static int filter_match(const sfilter *f, const sb_request *q, sbpl_memo *memo)
{
    switch (f->kind) {
    case F_LITERAL: case F_SUBPATH: case F_PREFIX:
        return q->kind == OBJ_PATH && path_match(f, q->obj, q->len);
    case F_REGEX:
        if (q->kind != OBJ_PATH) return 0;
        for (int i = 0; i < f->nres; i++) if (regex_search(memo, f->res[i], q->obj, q->len)) return 1;
        return 0;
    case F_NAME: case F_NAME_PREFIX: case F_NAME_REGEX:
        if (q->kind != OBJ_NAME) return 0;
        /* a name of a namespace the request's cannot be told apart from:
         * an XPC service is looked up by mach-lookup too, and a request
         * whose namespace is not known may be of any */
        if (q->ns != f->ns) return q->ns == SNS_OTHER || (f->ns == SNS_XPC && (q->ns == SNS_GLOBAL || q->ns == SNS_LOCAL)) ? -1 : 0;
        if (f->kind == F_NAME) return q->len == f->len && memcmp(q->obj, f->str, f->len) == 0;
        if (f->kind == F_NAME_PREFIX) return q->len >= f->len && memcmp(q->obj, f->str, f->len) == 0;
        for (int i = 0; i < f->nres; i++) if (regex_search(memo, f->res[i], q->obj, q->len)) return 1;
        return 0;
    case F_IP: return ip_match(f, q);
    case F_TARGET:
        if (q->kind != OBJ_TARGET) return 0;
        return sb_target_matches(f->str, f->len, q->obj, q->len);
    case F_VNODE:
        if (q->kind != OBJ_PATH) return 0;
        if (!q->vnode) return -1;
        /* (vnode-type REGULAR-FILE): the reader folded the symbol, the
         * request names the type in upper case */
        if (strlen(q->vnode) != f->len) return 0;
        for (size_t i = 0; i < f->len; i++)
            if (sbpl_fold(q->vnode[i]) != sbpl_fold(f->str[i])) return 0;
        return 1;
    case F_ALL: {
        int unk = 0;
        for (int i = 0; i < f->nkids; i++) {
            int m = filter_match(f->kids[i], q, memo);
            if (m == 0) return 0;
            if (m < 0) unk = 1;
        }
        return unk ? -1 : 1;
    }
    case F_ANY: {
        int unk = 0;
        for (int i = 0; i < f->nkids; i++) {
            int m = filter_match(f->kids[i], q, memo);
            if (m == 1) return 1;
            if (m < 0) unk = 1;
        }
        return unk ? -1 : 0;
    }
    case F_NOT: {
        int m = filter_match(f->kids[0], q, memo);
        return m < 0 ? -1 : !m;
    }
    case F_UNKNOWN: return -1;
    }
    return -1;
}

int sfilter_match(const sfilter *f, const sb_request *q) { return filter_match(f, q, NULL); }

/* m's variant for request q (fvar), starting over when q is about
 * another path than the results kept.  A path request's filters answer
 * from its path and vnode type only. */
static void memo_request(sbpl_memo *m, const sb_request *q)
{
    if (!m) return;
    m->fvar = -1;
    if (q->kind != OBJ_PATH) return;
    if (m->fgen == 1 || q->len != m->flen || (q->len && memcmp(q->obj, m->fpath, q->len) != 0)) {
        if (q->len + 1 > m->fpcap) { m->fpcap = q->len + 1; m->fpath = xrealloc(m->fpath, m->fpcap); }
        if (q->len) memcpy(m->fpath, q->obj, q->len);
        m->flen = q->len;
        for (int i = 0; i < m->nvn; i++) free(m->vn[i]);
        m->nvn = 0;
        m->fused = 0;
        if (++m->fgen == 0) { memset(m->fslot, 0, (m->fmask + 1) * sizeof *m->fslot); m->fgen = 2; }
    }
    if (!q->vnode) { m->fvar = 0; return; }
    for (int i = 0; i < m->nvn; i++) if (!strcmp(m->vn[i], q->vnode)) { m->fvar = i + 1; return; }
    if (m->nvn == MEMO_VNODES) return;
    size_t n = strlen(q->vnode) + 1;
    m->vn[m->nvn] = memcpy(xmalloc(n), q->vnode, n);
    m->fvar = ++m->nvn;
}

static struct filter_slot *filter_find(const sbpl_memo *m, const sfilter *f, int var)
{
    for (size_t i = (ptr_hash(f) + (size_t)var) & m->fmask;; i = (i + 1) & m->fmask)
        if (m->fslot[i].gen != m->fgen || (m->fslot[i].f == f && m->fslot[i].var == var)) return &m->fslot[i];
}

/* filter_match of a rule's filter f, through m (memo_request set it for q) */
static int memo_filter(sbpl_memo *m, const sfilter *f, const sb_request *q)
{
    if (!m || m->fvar < 0 || (f->kind != F_ALL && f->kind != F_ANY && f->kind != F_NOT)) return filter_match(f, q, m);
    struct filter_slot *e = filter_find(m, f, m->fvar);
    if (e->gen == m->fgen) return e->hit;
    int hit = filter_match(f, q, m);
    if (2 * (m->fused + 1) > m->fmask) {        /* grow, keeping this path's results */
        struct filter_slot *old = m->fslot;
        size_t on = m->fmask + 1;
        m->fmask = 2 * on - 1;
        m->fslot = xcalloc(m->fmask + 1, sizeof *m->fslot);
        for (size_t i = 0; i < on; i++) if (old[i].gen == m->fgen) *filter_find(m, old[i].f, old[i].var) = old[i];
        free(old);
        e = filter_find(m, f, m->fvar);
    }
    *e = (struct filter_slot){ f, m->fgen, m->fvar, hit };
    m->fused++;
    return hit;
}

/* Seatbelt's decision (docs/sbpl.md) among the rules at positions
 * c[0..nc) of p->sorted (ascending), or among all rules when c is NULL.  A
 * path index gives every rule whose filter can match q (1, or -1: cannot
 * tell), so walking its candidates in the same order gives the same answer
 * as walking every rule. */
static sb_answer decide_over(const sb_policy *p, const sb_request *q, const size_t *c, size_t nc)
{
    sb_answer ans = { -1, NULL, NULL, { 0 } };
    if (p->undecidable) { ans.why = p->undecidable; ans.why_at = p->undecidable_at; return ans; }
    for (int op = q->op; op >= 0; op = op_get(op)->parent) {
        size_t b = p->by_op_start[op], e = p->by_op_start[op + 1];
        if (c) { b = path_index_lower_bound(c, nc, b); e = path_index_lower_bound(c, nc, e); }
        for (size_t i = e; i > b; i--) {            /* filtered: the last match wins */
            const sb_rule *r = p->sorted[c ? c[i - 1] : i - 1];
            if (!r->filter) continue;
            int m = memo_filter(p->memo, r->filter, q);
            if (m < 0) {
                ans.rule = r;
                ans.why = "a filter of this rule cannot be evaluated";
                ans.why_at = r->at;
                return ans;
            }
            if (m) { ans.decision = r->action; ans.rule = r; return ans; }
        }
        for (size_t i = e; i > b; i--) {            /* then the last unfiltered rule */
            const sb_rule *r = p->sorted[c ? c[i - 1] : i - 1];
            if (r->filter) continue;
            ans.decision = r->action;
            ans.rule = r;
            return ans;
        }
    }
    ans.why = "the profile has no (allow default) or (deny default)";
    return ans;
}

/* The index's candidates for a path request, in c (cap entries); NULL when
 * every rule is to be walked (no index, not a path, too many). */
static const size_t *candidates(const sb_policy *p, const sb_request *q, size_t *c, size_t cap, size_t *nc)
{
    if (q->kind != OBJ_PATH || !p->index) return NULL;
    *nc = path_index_fill(p->index, q->obj, q->len, c, cap);
    return *nc == PATH_INDEX_MANY ? NULL : c;
}

/* candidates, kept in p->memo for the path asked about (every operation
 * of one object asks the index the same) */
static const size_t *memo_candidates(const sb_policy *p, const sb_request *q, size_t *c, size_t cap, size_t *nc)
{
    sbpl_memo *m = p->memo;
    if (!m || q->kind != OBJ_PATH || !p->index) return candidates(p, q, c, cap, nc);
    if (m->cidx != p->index || m->clen != q->len || (q->len && memcmp(m->cpath, q->obj, q->len) != 0)) {
        if (q->len + 1 > m->cpcap) { m->cpcap = q->len + 1; m->cpath = xrealloc(m->cpath, m->cpcap); }
        if (q->len) memcpy(m->cpath, q->obj, q->len);
        m->clen = q->len;
        m->cidx = p->index;
        m->ncand = path_index_fill(p->index, q->obj, q->len, m->cand, sizeof m->cand / sizeof m->cand[0]);
    }
    *nc = m->ncand;
    return m->ncand == PATH_INDEX_MANY ? NULL : m->cand;
}

sb_answer sbpl_decide(const sb_policy *p, const sb_request *q, arena *scratch)
{
    (void)scratch;
    size_t buf[256], nc = 0;
    const size_t *c = memo_candidates(p, q, buf, sizeof buf / sizeof buf[0], &nc);
    memo_request(p->memo, q);
    return decide_over(p, q, c, nc);
}

/* Do rules of both actions match q?  Over the rules at positions c[0..nc)
 * of p->sorted, or over all of them when c is NULL (as decide_over). */
static int conflict_over(const sb_policy *p, const sb_request *q, const size_t *c, size_t nc)
{
    int seen[2] = { 0, 0 };
    int def = op_default();
    for (int op = q->op; op >= 0 && op != def; op = op_get(op)->parent) {
        size_t b = p->by_op_start[op], e = p->by_op_start[op + 1];
        if (c) { b = path_index_lower_bound(c, nc, b); e = path_index_lower_bound(c, nc, e); }
        for (size_t i = b; i < e; i++) {
            const sb_rule *r = p->sorted[c ? c[i] : i];
            if (!r->filter || memo_filter(p->memo, r->filter, q) == 1) seen[r->action] = 1;
        }
    }
    return seen[0] && seen[1];
}

int sbpl_conflict(const sb_policy *p, const sb_request *q, arena *scratch)
{
    (void)scratch;
    size_t buf[256], nc = 0;
    const size_t *c = memo_candidates(p, q, buf, sizeof buf / sizeof buf[0], &nc);
    memo_request(p->memo, q);
    return conflict_over(p, q, c, nc);
}

