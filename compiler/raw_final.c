/* raw_final.c - raw sbpl rules against final rules (docs/reference.md).
 *
 * A raw rule is copied into the output after the generated rules and decided
 * by Seatbelt's precedence, so nothing carves it around a final rule: one of
 * the other action that may match inside a final rule's scope (for an
 * operation both cover) could override it, and that is BK2005.  The
 * parameters take the values a compilation knows (the test values, declared
 * defaults, -D), and for a final rule "$P/rest" also the value that puts
 * "rest" where the raw rule's string has it (raw "/Users/alice/.ssh" against
 * "~/.ssh": HOME=/Users/alice).  Undecided stays an error when every value
 * is known (a raw pattern the analysis cannot tell apart from the scope);
 * a relation undecided only for want of a value is left alone. */

#include "compile.h"
#include "final_match.h"
#include "expand.h"
#include "patterns.h"
#include "../seatbelt/filters.h"
#include "../seatbelt/path_canonical.h"
#include "../grammar/sexp.h"
#include <stdlib.h>
#include <string.h>

typedef struct raw_ctx {
    compilation *c;
    arena *a;
    hashmap *known;
    const rule *f;
    strbuf why;            /* the values that made them meet */
    const char *via;       /* the file an import read the rules from, or NULL */
    const char *spliced;   /* a parameter a raw regex reads as regex source, or NULL */
} raw_ctx;

/* A raw filter's string (a literal, or string-append of literals and
 * (param "NAME")) as a template with parameter markers; NULL otherwise.
 * *spliced: the first parameter whose value goes in as written
 * (param_derived_as_written: in a raw regex that text is regex source,
 * so "|" or ")" in a value takes the pattern anywhere), or NULL. */
static const char *raw_string(arena *a, const sexp *x, size_t *len, const char **spliced)
{
    if (x->kind == SX_STRING) { *len = x->len; return x->text; }
    if (x->kind != SX_LIST || !x->child) return NULL;
    int one = sexp_is_sym(x->child, "param");
    if (!one && !sexp_is_sym(x->child, "string-append")) return NULL;
    strbuf b;
    sb_init(&b);
    for (const sexp *p = one ? x : x->child->next; p; p = one ? NULL : p->next) {
        if (p->kind == SX_STRING) { sb_add(&b, p->text, p->len); continue; }
        if (p->kind == SX_LIST && p->child && sexp_is_sym(p->child, "param") && p->child->next &&
            p->child->next->kind == SX_STRING && !p->child->next->next) {
            /* a derived parameter (NAME.dir, NAME.re, ...: what buckle run
             * passes beside NAME) is read as NAME's value in that form: a
             * directory with its "/", a quoted or prefix form as the value,
             * the root-only fragments as nothing */
            const char *nm = p->child->next->text;
            size_t nl = p->child->next->len;
            const char *dot = memchr(nm, '.', nl);
            size_t bl = dot ? (size_t)(dot - nm) : nl;
            const char *suf = dot ? dot + 1 : "";
            size_t sl = dot ? nl - bl - 1 : 0;
            int is_dir = (sl == 3 && !memcmp(suf, "dir", 3)) || (sl == 4 && !memcmp(suf, "pdir", 4));
            int frag = (sl == 6 && !memcmp(suf, "ifroot", 6)) || (sl == 9 && !memcmp(suf, "ifnotroot", 9));
            if (!*spliced && (!dot || param_derived_as_written(dot, nl - bl))) *spliced = arena_strndup(a, nm, nl);
            if (frag) continue;
            sb_putc(&b, PARAM_OPEN);
            sb_add(&b, nm, bl);
            sb_putc(&b, PARAM_CLOSE);
            if (is_dir) sb_putc(&b, '/');
            continue;
        }
        sb_free(&b);
        return NULL;
    }
    *len = b.len;
    const char *r = arena_strndup(a, b.data ? b.data : "", b.len);
    sb_free(&b);
    return r;
}

/* The path and name filters as matchers: 1 when x is one.  *spliced (may
 * be NULL): for a regex, the first parameter whose value is regex source
 * there (param_derived_as_written), or NULL. */
static int raw_matcher(arena *a, const sexp *x, matcher *m, const char **spliced)
{
    static const struct { const char *name; matcher_kind k; name_ns ns; } kinds[] = {
        { "literal", MK_LITERAL, NS_NONE }, { "path", MK_LITERAL, NS_NONE }, { "path-literal", MK_LITERAL, NS_NONE },
        { "subpath", MK_SUBPATH, NS_NONE }, { "prefix", MK_PREFIX, NS_NONE }, { "path-prefix", MK_PREFIX, NS_NONE },
        { "regex", MK_REGEX, NS_NONE }, { "path-regex", MK_REGEX, NS_NONE },
        { "global-name", MK_NAME, NS_GLOBAL }, { "global-name-prefix", MK_NAME_PREFIX, NS_GLOBAL },
        { "global-name-regex", MK_NAME_REGEX, NS_GLOBAL }, { "local-name", MK_NAME, NS_LOCAL },
        { "local-name-prefix", MK_NAME_PREFIX, NS_LOCAL }, { "local-name-regex", MK_NAME_REGEX, NS_LOCAL },
        { "sysctl-name", MK_NAME, NS_SYSCTL }, { "sysctl-name-prefix", MK_NAME_PREFIX, NS_SYSCTL },
        { "sysctl-name-regex", MK_NAME_REGEX, NS_SYSCTL }, { "ipc-posix-name", MK_NAME, NS_IPC },
        { "ipc-posix-name-prefix", MK_NAME_PREFIX, NS_IPC }, { "ipc-posix-name-regex", MK_NAME_REGEX, NS_IPC },
        { "iokit-user-client-class", MK_NAME, NS_IOKIT }, { "iokit-user-client-class-regex", MK_NAME_REGEX, NS_IOKIT },
        { "iokit-registry-entry-class", MK_NAME, NS_IOKIT_REG },
        { "iokit-registry-entry-class-regex", MK_NAME_REGEX, NS_IOKIT_REG },
    };
    if (x->kind != SX_LIST || !x->child || x->child->kind != SX_SYMBOL || !x->child->next || x->child->next->next)
        return 0;
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        if (strcmp(x->child->text, kinds[i].name)) continue;
        size_t len;
        const char *sp = NULL;
        const char *v = raw_string(a, x->child->next, &len, &sp);
        if (!v) return 0;
        if (spliced) *spliced = kinds[i].k == MK_REGEX || kinds[i].k == MK_NAME_REGEX ? sp : NULL;
        memset(m, 0, sizeof *m);
        m->kind = kinds[i].k;
        m->ns = kinds[i].ns;
        m->value = v;
        m->len = len;
        matcher_finish(a, m);
        return 1;
    }
    return 0;
}

static int is_raw_pattern(const matcher *m)
{
    return m->kind == MK_REGEX || m->kind == MK_NAME_REGEX || m->kind == MK_GLOB;
}

/* Values for the final rule's parameters that put the text after the
 * parameter where the raw string has it. */
static void raw_candidates(raw_ctx *rc, const matcher *raw, hashmap *vals, witness *w)
{
    const matcher *fm = &rc->f->m;
    /* a raw string whose parameters all have values ((param "HOME") and the
     * test value): read with them, so that "$Q" meets HOME + "/.ssh" */
    matcher ri;
    int known = raw->value != NULL;
    for (size_t i = 0; known && i < raw->len; i++) {
        if (raw->value[i] != PARAM_OPEN) continue;
        size_t j = i + 1;
        while (j < raw->len && raw->value[j] != PARAM_CLOSE) j++;
        known = hm_get(vals, raw->value + i + 1, j - i - 1) != NULL;
        i = j;
    }
    if (known && memchr(raw->value, PARAM_OPEN, raw->len)) {
        final_instantiate(rc->a, compile_platform(rc->c) == PLAT_LINUX, raw, vals, &ri);
        raw = &ri;
    }
    for (size_t i = 0; i + 1 < fm->len; i++) {
        if (fm->value[i] != PARAM_OPEN) continue;
        size_t j = i + 1;
        while (j < fm->len && fm->value[j] != PARAM_CLOSE) j++;
        size_t e = j + 1;
        while (e < fm->len && fm->value[e] != PARAM_OPEN) e++;
        const char *rest = fm->value + j + 1;
        size_t rl = e - j - 1;
        /* a derived name (NAME.fold of a final path's case fold) stands
         * for NAME's value */
        size_t nl = 0;
        while (nl < j - i - 1 && fm->value[i + 1 + nl] != '.') nl++;
        size_t k;
        for (k = 0; k < w->n; k++)
            if (w->nlen[k] == nl && !memcmp(w->name[k], fm->value + i + 1, nl)) break;
        if (k == w->n && w->n < MAX_WPARAMS) { w->name[w->n] = fm->value + i + 1; w->nlen[w->n++] = nl; }
        if (k == w->n) break;
        const char *kv = hm_get(vals, w->name[k], w->nlen[k]);
        witness_add(w, k, kv);
        if (rl && i == 0 && !memchr(raw->value, PARAM_OPEN, raw->len))
            for (size_t at = 1; at + rl <= raw->len; at++)
                if (!memcmp(raw->value + at, rest, rl) && (at + rl == raw->len || raw->value[at + rl] == '/' || rest[rl - 1] == '/'))
                    witness_add(w, k, arena_strndup(rc->a, raw->value, at));
        /* the value that makes the final rule's text the raw rule's path,
         * also as its alias spells it ("/t$D/s" and (subpath
         * "/private/tmp/s"): D=mp; "/$D/x" and it: D=private/tmp/s) */
        if (!memchr(raw->value, PARAM_OPEN, raw->len) && mk_family(raw->kind) == FAM_PATH)
            witness_add_around_alias(rc->a, w, k, fm, arena_strndup(rc->a, raw->value, raw->len));
        /* a raw pattern's: its fixed start ((regex #"^/q/tax") and
         * prefix "/q/t$X": X=ax) */
        if (is_raw_pattern(raw) && raw->fixed_len && !memchr(raw->fixed, PARAM_OPEN, raw->fixed_len))
            witness_add_around_alias(rc->a, w, k, fm, arena_strndup(rc->a, raw->fixed, raw->fixed_len));
        /* and each directory on the raw rule's path: a raw (subpath "/home")
         * meets "~/.ssh" for HOME=/home (every value counts: nothing carves
         * a raw rule, so a value the test values miss must be found here) */
        if (mk_family(raw->kind) == FAM_PATH && !memchr(raw->fixed, PARAM_OPEN, raw->fixed_len) && raw->fixed_len)
            witness_add_from(rc->a, w, k, arena_strndup(rc->a, raw->fixed, raw->fixed_len));
        /* a name: the value that puts the final rule's text on the raw
         * name, or on a raw name prefix ("com.$X.secd" against
         * (global-name "com.apple.secd"): X=apple) */
        if (mk_family(raw->kind) == FAM_NAME && mk_family(fm->kind) == FAM_NAME && raw->value &&
            !memchr(raw->value, PARAM_OPEN, raw->len)) {
            const char *rt = arena_strndup(rc->a, raw->value, raw->len);
            witness_add_around(rc->a, w, k, fm, rt);
            witness_solve(rc->a, compile_platform(rc->c) == PLAT_LINUX, w, k, fm, vals, rt);
        }
        i = j;
    }
}

/* A raw string filter's path as the compiler writes a path: "//"
 * collapsed, "." and ".." resolved as text, a trailing "/" dropped (a
 * prefix keeps it), and on macOS /tmp, /var, /etc under /private.  Seatbelt
 * compares the string as written, so such a rule may match nothing there;
 * the check reads it both ways, so that no spelling of a path inside a
 * final rule's scope passes (what a written path would be is what the
 * author meant).  0 when the canonical spelling is the same. */
static int raw_canonical(arena *a, const matcher *m, int alias, matcher *out)
{
    if (m->kind != MK_LITERAL && m->kind != MK_SUBPATH && m->kind != MK_PREFIX) return 0;
    if (!m->len || m->value[0] != '/') return 0;
    strbuf b;
    sb_init(&b);
    sb_add(&b, m->value, m->len);
    b.len = path_collapse(b.data, b.len, PATH_DOTS | (m->kind == MK_PREFIX ? PATH_KEEP_SLASH : 0));   /* "/a/": a prefix keeps its "/" */
    b.data[b.len] = 0;
    if (alias) sb_private_alias(&b);
    int same = b.len == m->len && memcmp(b.data, m->value, b.len) == 0;
    if (!same) {
        *out = *m;
        out->value = arena_strndup(a, b.data, b.len);
        out->len = b.len;
        matcher_finish(a, out);
    }
    sb_free(&b);
    return !same;
}

/* A final rule's path under /private/tmp, /private/var or /private/etc also
 * as the alias spells it (a raw (regex #"^/tmp/x") against "/tmp/x"). */
static int final_unaliased(arena *a, const matcher *f, matcher *out)
{
    static const char pre[] = "/private";
    size_t n = sizeof pre - 1;
    if (mk_family(f->kind) != FAM_PATH || !f->value || f->len <= n || memcmp(f->value, pre, n) ||
        !private_alias(f->value + n, f->len - n, ""))
        return 0;
    *out = *f;
    out->value = arena_strndup(a, f->value + n, f->len - n);
    out->len = f->len - n;
    matcher_finish(a, out);
    return 1;
}

/* How a raw matcher relates to the final rule's, both with values: the
 * raw path as written and canonical, the final path also as its alias. */
static relation raw_pair(raw_ctx *rc, const matcher *a, const matcher *b)
{
    matcher as[2], bs[2];
    size_t na = 1, nb = 1;
    as[0] = *a;
    bs[0] = *b;
    if (raw_canonical(rc->a, a, rc->c->canon == PLAT_MACOS, &as[1])) na++;
    if (final_unaliased(rc->a, b, &bs[1])) nb++;
    relation best = REL_DISJOINT;
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++) {
            relation r = final_relate(rc->a, compile_platform(rc->c) == PLAT_MACOS, &as[i], &bs[j]);
            if (r == REL_OVERLAP) return r;
            if (r == REL_UNKNOWN) best = r;
        }
    return best;
}

/* A raw regex with a parameter spliced in as regex source (the first, sp):
 * some value ("|.*", ")|(") makes it match anything of its kind, and every
 * value counts, so at best it may match inside the final rule's scope.
 * With every value the compilation knows, the regex as Seatbelt reads it
 * decides whether it does. */
static relation raw_spliced_relation(raw_ctx *rc, const matcher *m, const char *sp)
{
    rc->spliced = sp;
    for (size_t i = 0; i < m->len; i++) {
        if (m->value[i] != PARAM_OPEN) continue;
        size_t j = i + 1;
        while (j < m->len && m->value[j] != PARAM_CLOSE) j++;
        if (!hm_get(rc->known, m->value + i + 1, j - i - 1)) { sb_reset(&rc->why); return REL_UNKNOWN; }
        i = j;
    }
    strbuf b;
    sb_init(&b);
    param_expand(&b, m->value, m->len, rc->known, TPL_LINUX);
    matcher a = *m, fk;
    a.value = arena_strndup(rc->a, b.data ? b.data : "", b.len);
    a.len = b.len;
    sb_free(&b);
    matcher_finish(rc->a, &a);
    final_instantiate(rc->a, compile_platform(rc->c) == PLAT_LINUX, &rc->f->m, rc->known, &fk);
    if (raw_pair(rc, &a, &fk) == REL_OVERLAP) {
        sb_reset(&rc->why);
        size_t bl = strcspn(sp, ".");
        sb_printf(&rc->why, "%.*s=%s", (int)bl, sp, (const char *)hm_get(rc->known, sp, bl));
        return REL_OVERLAP;
    }
    sb_reset(&rc->why);
    return REL_UNKNOWN;
}

static relation raw_relation(raw_ctx *rc, const sexp *x, int depth);

/* (literal "/a" "/b"): each string is a filter of its own, alternatives. */
static relation raw_multi(raw_ctx *rc, const sexp *x, int depth)
{
    size_t n = 0, ndis = 0;
    for (const sexp *k = x->child->next; k; k = k->next) {
        sexp one = *x, head = *x->child, arg = *k;
        head.next = &arg;
        arg.next = NULL;
        one.child = &head;
        matcher m;
        if (!raw_matcher(rc->a, &one, &m, NULL)) return REL_UNKNOWN;
        relation r = raw_relation(rc, &one, depth + 1);
        if (r == REL_OVERLAP) return r;
        n++;
        ndis += r == REL_DISJOINT;
    }
    return n && ndis == n ? REL_DISJOINT : REL_UNKNOWN;
}

/* How one filter of a raw rule relates to the final rule's scope. */
static relation raw_relation(raw_ctx *rc, const sexp *x, int depth)
{
    if (depth > SBPL_MAX_DEPTH) return REL_UNKNOWN;
    const rule *f = rc->f;
    if (x->kind == SX_LIST && x->child && (sexp_is_sym(x->child, "require-all") || sexp_is_sym(x->child, "require-any"))) {
        int all = sexp_is_sym(x->child, "require-all");
        int n = 0, ndis = 0, nover = 0;
        relation one = REL_UNKNOWN;
        for (const sexp *k = x->child->next; k; k = k->next) {
            relation r = raw_relation(rc, k, depth + 1);
            n++;
            ndis += r == REL_DISJOINT;
            nover += r == REL_OVERLAP;
            one = r;
        }
        if (n == 1) return one;
        if (all) return ndis ? REL_DISJOINT : REL_UNKNOWN;
        return nover ? REL_OVERLAP : ndis == n ? REL_DISJOINT : REL_UNKNOWN;
    }
    if (x->kind == SX_LIST && x->child && sexp_is_sym(x->child, "require-not")) {
        /* (require-not Y) where Y holds the whole scope for every value
         * (compared as written, parameters as tokens): nothing inside */
        matcher y;
        const char *sp = NULL;
        const sexp *k = x->child->next;
        /* a value spliced into Y's regex may make it match nothing */
        if (!k || k->next || !raw_matcher(rc->a, k, &y, &sp) || sp) return REL_UNKNOWN;
        if (mk_family(y.kind) != mk_family(f->m.kind) || f->m.kind == MK_NONE) return REL_UNKNOWN;
        return final_inside(rc->a, compile_platform(rc->c) == PLAT_MACOS, &f->m, &y) ? REL_DISJOINT : REL_UNKNOWN;
    }
    matcher m;
    const char *sp = NULL;
    if (!raw_matcher(rc->a, x, &m, &sp)) {
        if (x->kind == SX_LIST && x->child && x->child->kind == SX_SYMBOL && x->child->next && x->child->next->next &&
            !sexp_is_sym(x->child, "require-not"))
            return raw_multi(rc, x, depth);
        return REL_UNKNOWN;
    }
    if (f->m.kind == MK_NONE) return REL_OVERLAP;
    if (mk_family(m.kind) != mk_family(f->m.kind)) return REL_DISJOINT;
    witness w;
    memset(&w, 0, sizeof w);
    size_t nraw = 0;
    witness_add_params(&w, &m);
    nraw = w.n;
    raw_candidates(rc, &m, rc->known, &w);
    /* the raw rule's own parameters: their known values, and each
     * directory on the way to the final rule's path (a raw
     * (subpath (param "WORKDIR")) meets "~/.ssh" when the work directory
     * is the home directory) */
    matcher fk;
    final_instantiate(rc->a, compile_platform(rc->c) == PLAT_LINUX, &f->m, rc->known, &fk);
    matcher_finish(rc->a, &fk);
    /* the final rule's text: its value, or a pattern's fixed start */
    const char *ft = NULL;
    if (!memchr(fk.value, PARAM_OPEN, fk.len)) {
        int pattern = fk.kind == MK_GLOB || fk.kind == MK_REGEX || fk.kind == MK_NAME_REGEX;
        if (!pattern) ft = arena_strndup(rc->a, fk.value, fk.len);
        else if (fk.fixed && fk.fixed_len) ft = arena_strndup(rc->a, fk.fixed, fk.fixed_len);
    }
    for (size_t k = 0; k < w.n; k++) {
        witness_add(&w, k, hm_get(rc->known, w.name[k], w.nlen[k]));
        if (k >= nraw || !ft) continue;
        witness_add_around(rc->a, &w, k, &m, ft);
        /* with the other parameters at their values, and text after it
         * that continues past the final path ("$HOME/$D" + "sh/id_rsa"
         * against "~/.ssh": D=.s) */
        witness_solve(rc->a, compile_platform(rc->c) == PLAT_LINUX, &w, k, &m, rc->known, ft);
        if (mk_family(f->m.kind) == FAM_PATH) witness_add_from(rc->a, &w, k, ft);
        else witness_add(&w, k, ft);
    }
    size_t idx[MAX_WPARAMS] = { 0 };
    relation best = REL_DISJOINT;
    for (size_t tries = 0; tries < MAX_TRIES; tries++) {
        hashmap vals;
        hm_init(&vals);
        for (size_t k = 0; k < w.n; k++) if (w.ncand[k]) hm_set(&vals, w.name[k], w.nlen[k], (void *)w.cand[k][idx[k]]);
        matcher a, b;
        final_instantiate(rc->a, compile_platform(rc->c) == PLAT_LINUX, &m, &vals, &a);
        final_instantiate(rc->a, compile_platform(rc->c) == PLAT_LINUX, &f->m, &vals, &b);
        relation r = raw_pair(rc, &a, &b);
        if (r == REL_OVERLAP || (r == REL_UNKNOWN && best == REL_DISJOINT)) {
            sb_reset(&rc->why);
            for (size_t k = 0; k < w.n; k++)
                if (w.ncand[k]) sb_printf(&rc->why, "%s%.*s=%s", rc->why.len ? " " : "", (int)w.nlen[k], w.name[k], w.cand[k][idx[k]]);
            best = r;
        }
        hm_free(&vals);
        if (best == REL_OVERLAP) break;
        size_t k = 0;
        while (k < w.n && (!w.ncand[k] || ++idx[k] == w.ncand[k])) { idx[k] = 0; k++; }
        if (k >= w.n) break;
    }
    /* values read as text that meet it are a witness as good as any */
    if (sp && best != REL_OVERLAP) return raw_spliced_relation(rc, &m, sp);
    if (sp) rc->spliced = sp;
    return best;
}

/* 1 when x is a filter form (literal, subpath, require-any, ...: the
 * filter table), not an expression that computes an operation */
static int raw_is_filter(const sexp *x)
{
    return x->kind == SX_LIST && x->child && x->child->kind == SX_SYMBOL && filter_known(x->child->text);
}

/* 1 when x is a (with ...) form */
static int is_with(const sexp *x)
{
    return x->kind == SX_LIST && x->child && sexp_is_sym_nocase(x->child, "with");
}

/* The modifier of a (with ...) form x that takes the program out of the
 * profile (no-sandbox, default-sandbox), or NULL (the reader folded its
 * name to lower case). */
static const sb_modifier *leaving(const sexp *x)
{
    if (!is_with(x)) return NULL;
    for (const sexp *m = x->child->next; m; m = m->next) {
        const sb_modifier *md = m->kind == SX_SYMBOL ? modifier_find_nocase(m->text) : NULL;
        if (md && md->leaves_profile) return md;
    }
    return NULL;
}

static void check_raw_rule(raw_ctx *rc, const sexp *x, const span *at, rule *const *finals, size_t nfinals)
{
    compilation *c = rc->c;
    if (x->kind != SX_LIST || !x->child) return;
    int allow = sexp_is_sym_nocase(x->child, "allow");
    if (!allow && !sexp_is_sym_nocase(x->child, "deny")) return;
    opset ops = { { 0 } };
    size_t nf = 0;                              /* the filters: lists but (with ...) */
    int nops = 0, unread = 0;
    for (const sexp *a = x->child->next; a; a = a->next) {
        if (a->kind == SX_SYMBOL) {
            int op = op_lookup(a->text, NULL);
            if (op >= 0) for (size_t w = 0; w < OPS_MAX / 64; w++) ops.w[w] |= op_get(op)->covers.w[w];
            else unread = 1;                    /* a name bound to an operation */
            nops++;
        } else if (a->kind == SX_LIST && !is_with(a)) {
            /* an operation computed in place ((quote op), (if ...)) reads
             * as a filter that may match anything: it counts as both */
            if (!nops && !raw_is_filter(a)) unread = 1;
            nf++;
        }
    }
    /* an operation the check cannot read may be any */
    if (unread || !nops) memset(&ops, 0xff, sizeof ops);
    /* (with no-sandbox), (with default-sandbox "NAME"): the program runs
     * outside this profile, where no final deny holds, whatever operation
     * it covers */
    const sb_modifier *leaves = NULL;
    int exec_op = op_lookup("process-exec", NULL), interp_op = op_lookup("process-exec-interpreter", NULL);
    for (const sexp *a = x->child->next; allow && a && !leaves; a = a->next) leaves = leaving(a);
    if (leaves && ((exec_op >= 0 && (ops.w[exec_op / 64] >> (exec_op % 64) & 1)) ||
                   (interp_op >= 0 && (ops.w[interp_op / 64] >> (interp_op % 64) & 1))))
        for (size_t i = 0; i < nfinals; i++) {
            const rule *f = finals[i];
            if (f->action != ACT_DENY) continue;
            diag *d = diag_add(&c->diags, SEV_ERROR, BK2005, at ? *at : x->at,
                               "this raw sbpl allow runs a program with %s, outside every final deny", leaves->name);
            diag_note_add(&c->diags, d, origin_primary(f), "final deny is here%s", unit_provenance(c, f->origins->u));
            if (rc->via) diag_note_add(&c->diags, d, x->at, "the rule, in %s, which the block imports", rc->via);
            diag_help(&c->diags, d, "a program run with %s may do what any final deny forbids: drop "
                      "(with %s), or the final rules", leaves->name, leaves->name);
            return;
        }
    for (size_t i = 0; i < nfinals; i++) {
        const rule *f = finals[i];
        opset reach;
        final_reach(f, &reach);
        if ((f->action == ACT_ALLOW) == allow || !opset_intersects(&ops, &reach)) continue;
        rc->f = f;
        rc->spliced = NULL;
        sb_reset(&rc->why);
        relation rel = REL_OVERLAP;                /* no filter: every object */
        if (nf) {                                   /* sibling filters are alternatives */
            size_t ndis = 0;
            rel = REL_UNKNOWN;
            for (const sexp *a = x->child->next; a && rel != REL_OVERLAP; a = a->next) {
                if (a->kind != SX_LIST || is_with(a)) continue;
                relation r = raw_relation(rc, a, 0);
                ndis += r == REL_DISJOINT;
                if (r == REL_OVERLAP) rel = r;
            }
            if (rel != REL_OVERLAP && ndis == nf) continue;
        }
        diag *d = diag_add(&c->diags, SEV_ERROR, BK2005, at ? *at : x->at,
                           "this raw sbpl %s %s a final %s", allow ? "allow" : "deny",
                           rel == REL_OVERLAP ? "overrides" : "may override", allow ? "deny" : "allow");
        if (rc->why.len) diag_note_add(&c->diags, d, at ? *at : x->at, "they meet with %s", sb_cstr(&rc->why));
        if (rc->via) diag_note_add(&c->diags, d, x->at, "the rule, in %s, which the block imports", rc->via);
        if (rc->spliced)
            diag_note_add(&c->diags, d, at ? *at : x->at, "(param \"%s\") goes into the regex as regex source: "
                          "a value such as \"|.*\" makes it match anything; (param \"%.*s.re\") matches the "
                          "value as text", rc->spliced, (int)strcspn(rc->spliced, "."), rc->spliced);
        diag_note_add(&c->diags, d, origin_primary(f), "final %s is here%s",
                      action_name(f->action), unit_provenance(c, f->origins->u));
        diag_help(&c->diags, d, "raw rules are decided by Seatbelt's precedence, not carved around final rules: "
                  "write the rule in a section, or keep its filter out of the final rule's scope "
                  "(require-all with a require-not of that scope)");
    }
}

/* What a walk of a raw block found that the check cannot follow: `allow`
 * or `deny` used as a value (bound to another name, passed to apply, chosen
 * by an if), so that a rule runs under another head; and a modifier that
 * takes the program out of the profile anywhere but a rule's own modifiers
 * (bound to a name, given by with-modifier).  The first of each. */
typedef struct raw_walk {
    raw_ctx *rc;
    const span *at;
    rule *const *finals;
    size_t nfinals;
    const sexp *esc, *loose;
    const sb_modifier *loose_md;
} raw_walk;

static int is_action(const sexp *x)
{
    return sexp_is_sym_nocase(x, "allow") || sexp_is_sym_nocase(x, "deny");
}

/* Every allow and deny form of a raw block, at the top or inside another
 * form ((begin ...), (if ...), (let ...), a function's body): a nested rule
 * runs as a top-level one does when its form is evaluated, and the check
 * does not evaluate.  head: x heads its list; in_rule: x is a rule's
 * arguments, where a modifier is the rule's own. */
static void walk_raw(raw_walk *w, const sexp *x, int head, int in_rule, int depth)
{
    for (int first = head; x; x = x->next, first = 0) {
        if (x->kind == SX_SYMBOL) {
            if (!first && !w->esc && is_action(x)) w->esc = x;
            continue;
        }
        if (x->kind != SX_LIST || !x->child || depth > SBPL_MAX_DEPTH) continue;
        if (is_with(x)) {
            const sb_modifier *md = in_rule || w->loose ? NULL : leaving(x);
            if (md) { w->loose = x; w->loose_md = md; }
            continue;
        }
        if (is_action(x->child)) {
            check_raw_rule(w->rc, x, w->at, w->finals, w->nfinals);
            walk_raw(w, x->child->next, 0, 1, depth + 1);
            continue;
        }
        walk_raw(w, x->child, 1, 0, depth + 1);
    }
}

/* The forms of one block's text (top), or of a file it imports, against
 * the final rules; at: where to point (NULL: at each form). */
static void check_raw_text(raw_ctx *rc, const sexp *top, const span *at, rule *const *finals, size_t nfinals)
{
    compilation *c = rc->c;
    raw_walk w = { .rc = rc, .at = at, .finals = finals, .nfinals = nfinals };
    walk_raw(&w, top, 0, 0, 0);
    const sexp *esc = w.esc, *ns = esc ? NULL : w.loose;
    if (!esc && !ns) return;
    diag *d = diag_add(&c->diags, SEV_ERROR, BK2005, at ? *at : (esc ? esc : ns)->at,
                       esc ? "this raw sbpl block uses %s as a value: a rule it makes that way may override "
                             "a final rule, and the check cannot follow it"
                           : "this raw sbpl block gives (with %s) outside a rule: a program it "
                             "lets run that way is outside every final deny",
                       esc ? esc->text : w.loose_md->name);
    if (rc->via) diag_note_add(&c->diags, d, (esc ? esc : ns)->at, "in %s, which the block imports", rc->via);
    diag_note_add(&c->diags, d, origin_primary(finals[0]), "final %s is here%s",
                  action_name(finals[0]->action), unit_provenance(c, finals[0]->origins->u));
    diag_help(&c->diags, d, "write each rule with allow or deny at its head, and a modifier such as "
              "no-sandbox in the rule itself");
}

/* The files the block imports (read_raw_imports), as the block's own rules:
 * Seatbelt reads them in its place.  One the compiler could not read, or
 * whose name is computed, may hold any rule: beside a final rule that is an
 * error too. */
static void check_raw_imports(raw_ctx *rc, const raw_block *b, rule *const *finals, size_t nfinals)
{
    compilation *c = rc->c;
    for (size_t i = 0; i < b->nimports; i++) {
        const raw_import *r = &b->imports[i];
        if (r->top) {
            rc->via = r->path;
            check_raw_text(rc, r->top, &r->at, finals, nfinals);
            rc->via = NULL;
            continue;
        }
        diag *d = diag_add(&c->diags, SEV_ERROR, BK2005, r->at,
                           "this raw sbpl block imports a file buckle cannot read (%s): its rules may override "
                           "a final rule, and the check cannot follow them", r->why);
        if (r->form.start != r->at.start || r->form.src != r->at.src)
            diag_note_add(&c->diags, d, r->form, "the import, in a file the block imports");
        diag_note_add(&c->diags, d, origin_primary(finals[0]), "final %s is here%s",
                      action_name(finals[0]->action), unit_provenance(c, finals[0]->origins->u));
        diag_help(&c->diags, d, "write the file's name as one string, and give the directory that holds it "
                  "with -I DIR, or drop the import");
    }
}

void check_raw_finals(compilation *c)
{
    if (!c->pol.nraw) return;
    /* the final rules, the metadata a final write or exec allow gives below
     * its path (implied.c) included */
    size_t nfinals = 0;
    rule **finals = xmalloc((c->pol.rules.n + 1) * sizeof *finals);
    for (size_t i = 0; i < c->pol.rules.n; i++)
        if (c->pol.rules.v[i]->final && (c->pol.rules.v[i]->implied != IMPL_CASE || fold_of_making(c->pol.rules.v[i])))
            finals[nfinals++] = c->pol.rules.v[i];
    if (!nfinals) { free(finals); return; }
    arena scratch;
    arena_init(&scratch);
    hashmap known;
    hm_init(&known);
    final_known_values(c, &known);
    raw_ctx rc = { c, &scratch, &known, NULL, { 0 }, NULL, NULL };
    sb_init(&rc.why);
    for (size_t i = 0; i < c->pol.nraw; i++) {
        const raw_block *b = &c->pol.raw[i];
        sbpl_read_opts o = { .start = b->ast->text.at.start, .end = b->ast->text.at.start + (uint32_t)b->ast->text.len };
        diag_list quiet;                      /* check_sbpl_blocks reported its errors */
        diag_list_init(&quiet, &scratch);
        sexp *top = sbpl_read(&scratch, &quiet, b->ast->text.at.src ? b->ast->text.at.src : b->u->src, &o);
        if (quiet.errors) continue;
        /* a misc rule's raw filter is read from text of its own: point at its string */
        const span *at = b->ast->text.at.src && b->ast->text.at.src != b->u->src ? &b->ast->at : NULL;
        check_raw_text(&rc, top, at, finals, nfinals);
        check_raw_imports(&rc, b, finals, nfinals);
    }
    sb_free(&rc.why);
    hm_free(&known);
    arena_free(&scratch);
    free(finals);
}
