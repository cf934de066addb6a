/* emit_sbpl.c - the SBPL back end.
 *
 * Decisions follow docs/reference.md and must not depend on Seatbelt's
 * precedence rules (docs/sbpl.md): for every concrete operation, the
 * regions of emitted allow and deny rules are disjoint.  A rule r keeps the
 * objects it decides: its matcher minus the matchers of the opposite-action
 * rules that beat it (more specific, or equally specific denies beat allows),
 * written as (require-all M (require-not (require-any ...))).  When those
 * opponents cover only some of r's concrete operations, r is split into one
 * SBPL rule per group of operations with the same opponents. */
#include "emit.h"
#include "../compiler/overlap.h"
#include "../compiler/patterns.h"
#include "../compiler/expand.h"
#include "../compiler/precedence.h"
#include "../support/keysort.h"
#include "../support/prefetch.h"
#include "../support/utf8.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct memo { const char *s; size_t len; } memo;

/* The operations one SBPL rule is written on: cls, named part by part
 * (n > 1: each part by its own names, never a family that spans parts). */
typedef struct opnames {
    const opset *cls;
    const opset *part;
    size_t n;
} opnames;

/* Compact form: one decided piece of a rule (its operations and the
 * opponents carved out of it), and the group of pieces written as one SBPL
 * rule (same section, action, operations, modifiers and opponents). */
typedef struct rpiece {
    const rule *r;         /* the index's rule (values resolved with -D) */
    size_t next;           /* next piece of its group, or SIZE_MAX */
    size_t group;          /* the group it is written in */
    size_t rnext;          /* 1 + the rule's next piece, or 0 */
} rpiece;

typedef struct pgroup {
    section_t section;
    memo head;             /* "(allow OPS" */
    memo mods;             /* " (with ...)" */
    rule **opp;            /* shared carve-out, in rule order */
    size_t nopp;
    size_t first, last;    /* its pieces */
    size_t npieces;
    int none;              /* a rule without a filter: alone in its group */
    int merged;            /* merged into an earlier group: nothing to write */
} pgroup;

typedef struct emitter {
    compilation *c;
    strbuf *out;
    hashmap used;          /* parameter names (with .re / .ancestors) needed */
    arena *a;
    memo *matchers;        /* by rule id: the matcher's text, rendered once */
    size_t nmatchers;
    hashmap opnames;       /* operation set (its bytes) -> memo of its names */
    memo *displays;        /* by unit index: its name, fit for a comment */
    unsigned char *carries; /* by unit index: whether it has suppressions to carry (put_origin) */
    rule *const *byrank;   /* the rules the index holds, in emission order */
    unsigned *rank;        /* by rule id: its place in that order */
    uint64_t *idbits;      /* scratch: one bit per place, all clear between uses */
    int compact;           /* emit_opts.compact: pieces are grouped, written at the end */
    rpiece *pieces;
    size_t npieces, cappieces;
    pgroup *groups;
    size_t ngroups, capgroups;
    hashmap groupmap;      /* group key -> index + 1 */
    size_t *rfirst;        /* by rule id: 1 + its first piece, or 0 */
    uint32_t *fvidx;       /* by rule id: 0 not yet asked, 1 not foldable, 2 + index in fvals */
    const ovl_index *symix; /* with -D values: the rules as written, for how operations are grouped */
    int meta;              /* file-read-metadata, the operation of every traversal rule */
    int traversal;         /* the profile's traversal rules depend on the values (has_traversal) */
    fold_value *fvals;     /* the fold values found so far (fold_value_memo) */
    size_t nfvals, capfvals;
} emitter;

/* ---- strings ------------------------------------------------------------ */

static size_t escaped_len(unsigned char ch)
{
    if (ch == '"' || ch == '\\' || ch == '\n' || ch == '\t' || ch == '\r') return 2;
    if (ch < 0x20 || ch == 0x7f) return 4;
    return 1;
}

static void put_escaped(strbuf *out, unsigned char ch)
{
    switch (ch) {
    case '"': sb_puts(out, "\\\""); return;
    case '\\': sb_puts(out, "\\\\"); return;
    case '\n': sb_puts(out, "\\n"); return;
    case '\t': sb_puts(out, "\\t"); return;
    case '\r': sb_puts(out, "\\r"); return;
    default:
        if (ch < 0x20 || ch == 0x7f) sb_printf(out, "\\x%02x", ch);
        else sb_putc(out, (char)ch);
    }
}

/* A byte from 0x80 that starts no well-formed UTF-8 sequence (utf8_seq) is
 * written as \xHH (a glob's '?' puts the continuation bytes 0x80-0xbf in a
 * class), so the output is UTF-8. */

/* Appends quoted literals of s, each at most SBPL_MAX_LITERAL bytes of
 * source text, never splitting an escape or a UTF-8 sequence. */
/* Whether s can be one SBPL literal as it is: short enough, nothing to
 * escape (and so no parameter marker either). */
static int plain_text(const char *s, size_t len)
{
    if (len > SBPL_MAX_LITERAL) return 0;
    for (size_t k = 0; k < len; k++) {
        unsigned char ch = (unsigned char)s[k];
        if (ch == '"' || ch == '\\' || ch < 0x20 || ch == 0x7f) return 0;
        if (ch >= 0x80) {
            size_t n = utf8_seq(s, len, k);
            if (!n) return 0;
            k += n - 1;
        }
    }
    return 1;
}

static void put_quoted(strbuf *out, const char *s, size_t len)
{
    sb_putc(out, '"');
    sb_add(out, s, len);
    sb_putc(out, '"');
}

static int put_literals(strbuf *out, const char *s, size_t len, int first)
{
    size_t i = 0;
    int count = 0;
    if (plain_text(s, len)) {                    /* fast path: nothing to escape */
        if (!first) sb_putc(out, ' ');
        put_quoted(out, s, len);
        return 1;
    }
    do {
        if (!first || count) sb_putc(out, ' ');
        sb_putc(out, '"');
        size_t used = 0;
        while (i < len) {
            /* a run of bytes written as they are, as far as the literal has room */
            size_t j = i, stop = i + (SBPL_MAX_LITERAL - used);
            if (stop > len) stop = len;
            while (j < stop && (unsigned char)s[j] >= 0x20 && (unsigned char)s[j] < 0x7f && s[j] != '"' && s[j] != '\\') j++;
            if (j > i) {
                sb_add(out, s + i, j - i);
                used += j - i;
                i = j;
                if (i >= len) break;
            }
            unsigned char ch = (unsigned char)s[i];
            size_t seq = ch >= 0x80 ? utf8_seq(s, len, i) : 1;
            if (!seq) {                             /* not UTF-8: \xHH */
                if (used + 4 > SBPL_MAX_LITERAL) break;
                sb_printf(out, "\\x%02x", ch);
                used += 4;
                i++;
                continue;
            }
            size_t cost = 0;
            for (size_t k = 0; k < seq; k++) cost += escaped_len((unsigned char)s[i + k]);
            if (used + cost > SBPL_MAX_LITERAL) break;
            for (size_t k = 0; k < seq; k++) put_escaped(out, (unsigned char)s[i + k]);
            used += cost;
            i += seq;
        }
        sb_putc(out, '"');
        count++;
    } while (i < len);
    return count;
}

void sbpl_string(strbuf *out, const char *s, size_t len)
{
    strbuf tmp;
    sb_init(&tmp);
    int n = put_literals(&tmp, s, len, 1);
    if (n > 1) { sb_puts(out, "(string-append "); sb_add(out, tmp.data, tmp.len); sb_putc(out, ')'); }
    else sb_add(out, tmp.data, tmp.len);
    sb_free(&tmp);
}

static void use_param(emitter *e, const char *name, size_t n, const char *suffix)
{
    const char *k = arena_printf(e->a, "%.*s%s", (int)n, name, suffix);
    hm_put(&e->used, k, strlen(k), (void *)k);
}

/* A template as an SBPL string expression.  regex: literal text is already
 * regex text; parameters must match literally (NAME.re, or the quoted -D
 * value). */
/* alias: TPL_ALIAS_PATH, a path template a value may put under /tmp, /var
 * or /etc, written under /private as the kernel sees it (a pattern's regex
 * comes from template_regex, which does that for patterns).  A marker whose
 * name holds a '.' names a derived parameter (NAME.up): its text, or
 * (param "NAME.up"). */
enum { TPL_ALIAS_NONE, TPL_ALIAS_PATH, TPL_ALIAS_PREFIX };   /* PREFIX: a path, as param_expand's TPL_PREFIX */
static void put_template(emitter *e, const char *t, size_t len, int regex, int alias)
{
    /* most templates are one literal: straight to the output */
    if (plain_text(t, len)) { put_quoted(e->out, t, len); return; }
    if (len <= SBPL_MAX_LITERAL && !memchr(t, PARAM_OPEN, len)) {
        size_t cost = 0;
        for (size_t i = 0; i < len; i++) {
            size_t n = (unsigned char)t[i] >= 0x80 ? utf8_seq(t, len, i) : 1;
            cost += n ? n : 4;
            if (n) cost += escaped_len((unsigned char)t[i]) - 1;
            if (n > 1) i += n - 1;
        }
        if (cost <= SBPL_MAX_LITERAL) { put_literals(e->out, t, len, 1); return; }
    }
    strbuf parts;
    sb_init(&parts);
    strbuf lit;
    sb_init(&lit);
    int nparts = 0;
    size_t i0 = 0;
    if (alias != TPL_ALIAS_NONE && template_private_alias(t, len, &e->c->defines) &&
        !(alias == TPL_ALIAS_PREFIX && template_prefix_alias(t, len, &e->c->defines)))
        sb_puts(&lit, "/private");
    int lower = lit.len > 0;           /* "/TMP" (D=TMP) is the link /tmp: /private/tmp */
    for (size_t i = i0; i <= len; i++) {
        if (lower && lit.len >= 12) { private_alias_lower(lit.data + 8); lower = 0; }
        if (i < len && t[i] != PARAM_OPEN) { sb_putc(&lit, t[i]); continue; }
        if (i == len && lit.len == 0 && nparts > 0) break;
        if (i < len) {
            size_t j = i + 1;
            while (j < len && t[j] != PARAM_CLOSE) j++;
            const char *name = arena_strndup(e->a, t + i + 1, j - i - 1);
            const char *dot = strchr(name, '.');
            if (dot) {
                const char *bv = hm_get(&e->c->defines, name, (size_t)(dot - name));
                if (bv) param_derived(&lit, bv, dot, strlen(dot));
                else {
                    if (lit.len) { nparts += put_literals(&parts, lit.data, lit.len, nparts == 0); sb_reset(&lit); }
                    sb_puts(&parts, nparts ? " (param " : "(param ");
                    sbpl_string(&parts, name, strlen(name));
                    sb_putc(&parts, ')');
                    use_param(e, name, (size_t)(dot - name), dot);
                    nparts++;
                }
                i = j;
                continue;
            }
            const char *val = hm_gets(&e->c->defines, name);
            /* followed by "/": joined as NAME.dir, the value ending in one
             * "/", so that a value "/" gives "/x" and not "//x" */
            int dir = !regex && j + 1 < len && t[j + 1] == '/';
            if (val) {
                if (regex) param_regex_quote(&lit, val, strlen(val));
                else if (dir) param_dir_value(&lit, val);
                else sb_puts(&lit, val);
            } else {
                /* "/$D/x" with D=tmp: /private/tmp/x to the kernel; NAME.root
                 * is "/" and the relative value as the kernel sees it */
                int root = alias != TPL_ALIAS_NONE && !regex && i == 1 && nparts == 0 && lit.len == 1 &&
                           lit.data[0] == '/' && (j + 1 == len || t[j + 1] == '/');
                if (root) { sb_reset(&lit); dir = 0; }
                if (lit.len) { nparts += put_literals(&parts, lit.data, lit.len, nparts == 0); sb_reset(&lit); }
                /* "$P/etc/x" with P=/ is /private/etc/x to the kernel:
                 * NAME.pdir reads "/private/" there */
                int priv = alias != TPL_ALIAS_NONE && !regex && dir && i == 0 &&
                           private_alias(t + j + 1, len - j - 1, "");
                const char *suffix = root ? ".root" : priv ? ".pdir" : regex ? ".re" : dir ? ".dir" : "";
                const char *pn = arena_printf(e->a, "%s%s", name, suffix);
                sb_puts(&parts, nparts ? " (param " : "(param ");
                sbpl_string(&parts, pn, strlen(pn));
                sb_putc(&parts, ')');
                use_param(e, name, strlen(name), suffix);
                nparts++;
            }
            i = dir ? j + 1 : j;
            continue;
        }
        if (lit.len || nparts == 0) { nparts += put_literals(&parts, lit.data ? lit.data : "", lit.len, nparts == 0); sb_reset(&lit); }
    }
    if (nparts > 1) { sb_puts(e->out, "(string-append "); sb_add(e->out, parts.data, parts.len); sb_putc(e->out, ')'); }
    else sb_add(e->out, parts.data, parts.len);
    sb_free(&parts);
    sb_free(&lit);
}

/* The rule as written: a -D view copy points at it. */
static const rule *orig(const rule *r) { return r->dup_of ? r->dup_of : r; }

/* TPL_LINUX when the target is not macOS: no /private aliases. */
static int plat_flag(const emitter *e) { return compile_platform(e->c) == PLAT_LINUX ? TPL_LINUX : 0; }

static const char *name_filter(const matcher *m)
{
    static const char *const f[][3] = {
        [NS_GLOBAL] = { "global-name", "global-name-prefix", "global-name-regex" },
        [NS_LOCAL] = { "local-name", "local-name-prefix", "local-name-regex" },
        [NS_SYSCTL] = { "sysctl-name", "sysctl-name-prefix", "sysctl-name-regex" },
        [NS_IPC] = { "ipc-posix-name", "ipc-posix-name-prefix", "ipc-posix-name-regex" },
        [NS_IOKIT] = { "iokit-user-client-class", "iokit-user-client-class", "iokit-user-client-class-regex" },
        [NS_IOKIT_REG] = { "iokit-registry-entry-class", "iokit-registry-entry-class", "iokit-registry-entry-class-regex" },
    };
    int k = m->kind == MK_NAME ? 0 : m->kind == MK_NAME_PREFIX ? 1 : 2;
    return f[m->ns][k];
}

/* The paths the text as written leaves to the /private branch: /tmp,
 * /var and /etc in every case of their letters ("/tmP/s" is the link
 * /private/tmp/s to the kernel, never a path of its own) */
#define NOT_ALIAS_GUARD "^/([tT][mM][pP]|[vV][aA][rR]|[eE][tT][cC])(/|$)"

/* A symbolic path template whose first component a value may make /tmp,
 * /var or /etc in a way no derived parameter spells ("$P/$D" with P=/ and
 * D=tmp, "/t$X" with X=mp; "/$D" alone is NAME.root, "$P/etc" NAME.pdir):
 * put_matcher adds the path under /private, guarded so that it holds only
 * there (docs/language.md). */
static int alias_guard(emitter *e, const char *t, size_t len, int glob)
{
    if (compile_platform(e->c) == PLAT_LINUX || !len) return 0;
    size_t i = 0;
    int lead = t[0] == PARAM_OPEN, unknown = 0;
    if (lead) {                                 /* a root parameter: "/" or its own canonical value */
        while (i < len && t[i] != PARAM_CLOSE) i++;
        const char *pv = hm_get(&e->c->defines, t + 1, i - 1);
        if (i + 1 < len && t[i + 1] != '/') {
            /* "${P}p/x": P is never "/" there, but "/tm" makes /tmp; only
             * glued text that ends tmp, var or etc (or holds a parameter)
             * can finish one of them */
            size_t s0 = i + 1, e0 = s0;
            while (e0 < len && t[e0] != '/') e0++;
            if (pv) return 0;
            if (memchr(t + s0, PARAM_OPEN, e0 - s0)) return 1;
            /* "${P}*": P=/t makes "/t*", which matches tmp */
            for (size_t k = s0; glob && k < e0; k++) {
                if (t[k] == '\\') { k++; continue; }
                if (t[k] == '*' || t[k] == '?' || t[k] == '[') return 1;
            }
            /* in any case of its letters ("${P}P/s" with P=/tm is /tmP/s,
             * the link /private/tmp/s) */
            static const char *const names[] = { "tmp", "var", "etc" };
            for (size_t k = 0; k < 3; k++)
                if (e0 - s0 < 3 && !strncasecmp(names[k] + 3 - (e0 - s0), t + s0, e0 - s0)) return 1;
            return 0;
        }
        if (i + 1 >= len) return 0;                  /* "$P" alone: its own canonical value */
        if (pv && strcmp(pv, "/")) return 0;
        unknown = !pv;
        i++;
    } else if (t[0] != '/') {
        return 0;
    }
    size_t s = i + 1, end = s;                  /* the component after the root */
    while (end < len && t[end] != '/') end++;
    int has = 0;
    for (size_t k = s; k < end; k++) {
        if (t[k] != PARAM_OPEN) continue;
        size_t j = k + 1;
        while (j < end && t[j] != PARAM_CLOSE) j++;
        if (memchr(t + k + 1, '.', j - k - 1)) { k = j; continue; }     /* derived: never the alias's text */
        has = 1;
        if (!hm_get(&e->c->defines, t + k + 1, j - k - 1)) unknown = 1;
        if (!lead && k == s && j + 1 == end) return 0;     /* "/$D" alone: NAME.root, NAME.rootre */
        k = j;
    }
    /* "$P/TMP/s": with P=/ the alias in another case of its letters,
     * which NAME.pdir ("/private/") would join as /private/TMP */
    if (!has && lead && unknown && end - s == 3 && alias_component(t + s, 3, ALIAS_TEXT) &&
        !(t[s] >= 'a' && t[s + 1] >= 'a' && t[s + 2] >= 'a'))
        return 1;
    if (!has && glob && lead && unknown) {      /* "$P/t*": with P=/ a pattern that may match tmp */
        strbuf c;
        sb_init(&c);
        sb_add(&c, t + i, end - i);
        size_t rest;
        int m = glob_alias_mask(c.data, c.len, &rest) != 0;
        sb_free(&c);
        return m;
    }
    return has && unknown;
}

static void put_matcher_as_is(emitter *e, const matcher *m);

/* An MK_ANCESTORS "T$N": T's regex, then NAME.up (N's value up to each of
 * its '/', as alternatives), then the end. */
static void ancestors_regex_of(emitter *e, const matcher *m, strbuf *re, unsigned flags)
{
    size_t i = m->len - 1;
    while (i > 0 && m->value[i] != PARAM_OPEN) i--;
    strbuf t;
    sb_init(&t);
    sb_add(&t, m->value, i + 1);
    sb_add(&t, m->value + i + 1, m->len - i - 2);
    sb_puts(&t, ".up");
    sb_putc(&t, PARAM_CLOSE);
    template_regex(re, t.data, t.len, &e->c->defines, TPL_KEEP | flags | plat_flag(e));
    sb_putc(re, '$');
    sb_free(&t);
}

/* (require-any (require-all M (require-not (regex NOT_ALIAS_GUARD)))
 *              (require-all M-under-/private (regex "^/private/(tmp|var|etc)(/|$)"))):
 * M where the value does not make an alias, M under /private where it does */
/* A glob whose first component holds a wildcard ("/$D*", "$P/t*", "${P}*")
 * is not moved under /private by a value but gains its paths there
 * (template_regex's alternatives): M as written, unguarded, or M under
 * /private. */
static int first_component_wild(const char *t, size_t len)
{
    size_t i = 0;
    if (len && t[0] == PARAM_OPEN) {
        while (i < len && t[i] != PARAM_CLOSE) i++;
        if (i + 1 < len && t[i + 1] == '/') i++;
    }
    for (i++; i < len && t[i] != '/'; i++) {
        if (t[i] == PARAM_OPEN) { while (i < len && t[i] != PARAM_CLOSE) i++; continue; }
        if (t[i] == '\\') { i++; continue; }
        if (t[i] == '*' || t[i] == '?' || t[i] == '[') return 1;
    }
    return 0;
}

/* A prefix whose first component a value this compilation does not know
 * makes ("/$S", "${P}p", "/t$X", "$P/x"; "$P" alone is the canonical value
 * itself): its text means what the same text written means (docs/language.md),
 * which put_alias_guarded spells for every value. */
static int prefix_from_value(emitter *e, const matcher *m)
{
    const char *t = m->value;
    size_t len = m->len;
    if (m->kind != MK_PREFIX || m->plain || !t || !len || plat_flag(e)) return 0;
    if (t[0] == PARAM_OPEN && memchr(t, PARAM_CLOSE, len) == t + len - 1) return 0;
    /* "$P/": the value and one "/" (NAME.dir), as canonical as "$P" */
    if (t[0] == PARAM_OPEN && len >= 2 && t[len - 1] == '/' && memchr(t, PARAM_CLOSE, len) == t + len - 2) return 0;
    int first = t[0] == PARAM_OPEN;
    for (size_t i = 1; !first && t[0] == '/' && i < len && t[i] != '/'; i++) first = t[i] == PARAM_OPEN;
    if (!first) return 0;
    for (size_t i = 0; i < len; i++) {
        if (t[i] != PARAM_OPEN) continue;
        size_t j = i + 1;
        while (j < len && t[j] != PARAM_CLOSE) j++;
        if (!memchr(t + i + 1, '.', j - i - 1) && !hm_get(&e->c->defines, t + i + 1, j - i - 1)) return 1;
        i = j;
    }
    return 0;
}

static void put_alias_guarded(emitter *e, const matcher *m)
{
    strbuf *out = e->out;
    int wild = m->kind == MK_GLOB && first_component_wild(m->value, m->len);
    sb_puts(out, "(require-any ");
    if (wild) put_matcher_as_is(e, m);
    else {
        sb_puts(out, "(require-all ");
        if (m->kind == MK_PREFIX) {                /* the text as written: no NAME.root, no /private */
            sb_puts(out, "(prefix ");
            put_template(e, m->value, m->len, 0, TPL_ALIAS_NONE);
            sb_putc(out, ')');
        } else put_matcher_as_is(e, m);
        sb_puts(out, " (require-not (regex ");
        sbpl_string(out, NOT_ALIAS_GUARD, sizeof NOT_ALIAS_GUARD - 1);
        sb_puts(out, ")))");
    }
    sb_puts(out, " (require-all ");
    if (m->kind != MK_ANCESTORS) {
        /* the path under /private, its first component in every case of
         * its letters (a value there as NAME.fold): "/T$X/q" with X=mp,
         * "/$D/s" with D=Tmp and "$P/TMP/s" with P=/ are /private/tmp/q
         * and /private/tmp/s to the kernel; the guard below keeps it to
         * the aliases */
        strbuf re;
        sb_init(&re);
        template_regex(&re, m->value, m->len, &e->c->defines,
                       (m->kind == MK_GLOB ? TPL_GLOB : 0) | TPL_KEEP | TPL_FOLD1 | plat_flag(e));
        if (m->kind == MK_LITERAL) sb_putc(&re, '$');
        if (m->kind == MK_SUBPATH) sb_puts(&re, "(/.*)?$");
        strbuf pre;
        sb_init(&pre);
        sb_puts(&pre, "^/private");
        sb_add(&pre, re.data + 1, re.len - 1);
        sb_puts(out, "(regex ");
        put_template(e, pre.data, pre.len, 1, TPL_ALIAS_NONE);
        sb_free(&pre);
        sb_free(&re);
    } else if (m->kind == MK_GLOB || m->kind == MK_ANCESTORS) {
        strbuf re;
        sb_init(&re);
        if (m->kind == MK_GLOB) template_regex(&re, m->value, m->len, &e->c->defines, TPL_GLOB | TPL_KEEP | plat_flag(e));
        else ancestors_regex_of(e, m, &re, TPL_FOLD1);   /* its first component in every case, as above */
        strbuf pre;
        sb_init(&pre);
        sb_puts(&pre, "^/private");
        sb_add(&pre, re.data + 1, re.len - 1);
        sb_puts(out, "(regex ");
        put_template(e, pre.data, pre.len, 1, TPL_ALIAS_NONE);
        sb_free(&pre);
        sb_free(&re);
    } else {
        strbuf t;
        sb_init(&t);
        sb_puts(&t, "/private");
        sb_add(&t, m->value, m->len);
        sb_puts(out, m->kind == MK_LITERAL ? "(literal " : m->kind == MK_SUBPATH ? "(subpath " : "(prefix ");
        put_template(e, t.data, t.len, 0, TPL_ALIAS_NONE);
        sb_free(&t);
    }
    sb_puts(out, ") (regex ");
    sbpl_string(out, "^/private/(tmp|var|etc)(/|$)", 28);
    sb_puts(out, ")))");
}

/* "/" + globstar + "/t$X/y" with X unknown: with the globstar as no
 * component, the component after it is the path's first, which the value
 * and the text glued to it may make tmp, var or etc in some case of its
 * letters (X=MP: /tMP/y is /private/tmp/y to the kernel, which the
 * globstar as "private" does not give).  The offset of that component's
 * "/", 0 where there is none such.  After a root parameter P without a
 * value ("$P/" + globstar + "/t$X/y") the same for P=/ only; *root is
 * then the offset after "$P".  A component that is one value alone
 * ("/" + globstar + "/$D/x") is read inside the glob's regex
 * (template_regex). */
static size_t globstar_glued(emitter *e, const matcher *m, size_t *root)
{
    if (m->kind != MK_GLOB || m->plain || !m->value || plat_flag(e)) return 0;
    const char *t = m->value;
    size_t len = m->len, s = 0;
    *root = 0;
    if (len && t[0] == PARAM_OPEN) {           /* "$P/" + globstar + ...: with P=/ only (P.ifroot) */
        const char *c = memchr(t, PARAM_CLOSE, len);
        if (!c || c + 1 >= t + len || c[1] != '/' || memchr(t + 1, '.', (size_t)(c - t - 1)) ||
            hm_get(&e->c->defines, t + 1, (size_t)(c - t - 1)))
            return 0;
        s = *root = (size_t)(c - t) + 1;
    }
    size_t s0 = s;
    while (s + 3 < len && t[s] == '/' && t[s + 1] == '*' && t[s + 2] == '*' && t[s + 3] == '/') s += 3;
    if (s == s0) return 0;
    size_t end = s + 1;
    while (end < len && t[end] != '/') end++;
    int unknown = 0, alone = 0;
    for (size_t k = s + 1; k < end; k++) {
        if (t[k] == '\\') { k++; continue; }
        if (t[k] != PARAM_OPEN) continue;
        size_t j = k + 1;
        while (j < end && t[j] != PARAM_CLOSE) j++;
        if (!memchr(t + k + 1, '.', j - k - 1) && !hm_get(&e->c->defines, t + k + 1, j - k - 1)) {
            unknown = 1;
            alone = k == s + 1 && j + 1 == end;
        }
        k = j;
    }
    return unknown && !alone ? s : 0;
}

/* M as written, or the path from the component after the globstar on
 * under /private, that component in every case of its letters (a value
 * there as NAME.fold), guarded to the aliases as put_alias_guarded
 * guards "/t$X/y" */
static void put_globstar_glued(emitter *e, const matcher *m, size_t s, size_t root)
{
    strbuf *out = e->out;
    sb_puts(out, "(require-any ");
    put_matcher_as_is(e, m);
    sb_puts(out, " (require-all (regex ");
    strbuf re;
    sb_init(&re);
    template_regex(&re, m->value + s, m->len - s, &e->c->defines,
                   TPL_GLOB | TPL_KEEP | TPL_FOLD1 | TPL_NOALIAS | plat_flag(e));
    strbuf pre;
    sb_init(&pre);
    sb_puts(&pre, "^/private");
    if (root) {                                 /* "" for P=/, "//" (no path) otherwise */
        sb_add(&pre, m->value, root - 1);
        sb_puts(&pre, ".ifroot");
        sb_putc(&pre, PARAM_CLOSE);
    }
    sb_add(&pre, re.data + 1, re.len - 1);
    put_template(e, pre.data, pre.len, 1, TPL_ALIAS_NONE);
    sb_free(&pre);
    sb_free(&re);
    sb_puts(out, ") (regex ");
    sbpl_string(out, "^/private/(tmp|var|etc)(/|$)", 28);
    sb_puts(out, ")))");
}

/* A template "$P/..." whose P has no value, where the component after
 * "$P/" holds a parameter ("$P/$D/x"): with P=/ that component is the
 * path's first, which a value may make tmp, var or etc.  Written as the
 * template for a P other than "/" (NAME.ifnotroot) or the template without
 * "$P" for P=/ (NAME.ifroot), which put_matcher spells as "/$D/x" is
 * spelled (NAME.root, NAME.rootre, NAME.uproot). */
static void put_matcher(emitter *e, const matcher *m);

static int root_split(emitter *e, const matcher *m)
{
    if (compile_platform(e->c) == PLAT_LINUX || !m->value || m->plain || m->len < 4 || m->value[0] != PARAM_OPEN)
        return 0;
    if (!(m->kind == MK_LITERAL || m->kind == MK_SUBPATH || m->kind == MK_PREFIX || m->kind == MK_GLOB ||
          m->kind == MK_ANCESTORS))
        return 0;
    const char *t = m->value;
    const char *close = memchr(t, PARAM_CLOSE, m->len);
    if (!close || memchr(t + 1, '.', (size_t)(close - t - 1))) return 0;
    size_t i = (size_t)(close - t) + 1;
    if (i >= m->len || t[i] != '/' || hm_get(&e->c->defines, t + 1, i - 2)) return 0;
    int has = 0;
    for (size_t k = i + 1; k < m->len && t[k] != '/'; k++)
        if (t[k] == PARAM_OPEN) {
            size_t j = k + 1;
            while (j < m->len && t[j] != PARAM_CLOSE) j++;
            if (!memchr(t + k + 1, '.', j - k - 1)) has = 1;
            k = j;
        }
    if (!has) return 0;
    strbuf *out = e->out;
    const char *pn = arena_strndup(e->a, t + 1, i - 2);
    sb_puts(out, "(require-any (require-all ");
    put_matcher_as_is(e, m);
    sb_puts(out, " (regex (string-append \"^/\" (param ");
    const char *nr = arena_printf(e->a, "%s.ifnotroot", pn);
    sbpl_string(out, nr, strlen(nr));
    use_param(e, pn, strlen(pn), ".ifnotroot");
    sb_puts(out, ")))) (require-all ");
    matcher r = *m;                               /* "$P/$D/x" with P=/ is "/$D/x" */
    r.value = t + i;
    r.len = m->len - i;
    r.banded = 0;
    r.holder = 0;
    put_matcher(e, &r);
    sb_puts(out, " (regex (string-append \"^/\" (param ");
    const char *ir = arena_printf(e->a, "%s.ifroot", pn);
    sbpl_string(out, ir, strlen(ir));
    use_param(e, pn, strlen(pn), ".ifroot");
    sb_puts(out, "))))");
    sb_puts(out, ")");
    return 1;
}

static void put_matcher(emitter *e, const matcher *m)
{
    strbuf *out = e->out;
    if (m->holder) {               /* a directory or symbolic link only (final_ancestors.c) */
        matcher inner = *m;
        inner.holder = 0;
        sb_puts(out, "(require-all ");
        put_matcher(e, &inner);
        sb_puts(out, " (require-any (vnode-type DIRECTORY) (vnode-type SYMLINK)))");
        return;
    }
    if (m->banded) {               /* an implied rule's depth band (implied.c) */
        matcher inner = *m;
        inner.banded = 0;
        sb_puts(out, "(require-all ");
        put_matcher(e, &inner);
        sb_puts(out, " (regex ");
        strbuf re;
        sb_init(&re);
        depth_band_regex(&re, m->band_lo, m->band_hi);
        sbpl_string(out, re.data, re.len);
        sb_free(&re);
        sb_puts(out, "))");
        return;
    }
    if (prefix_from_value(e, m)) { put_alias_guarded(e, m); return; }
    if ((m->kind != MK_ANCESTORS || memchr(m->value, PARAM_OPEN, m->len)) && root_split(e, m)) return;
    unsigned pmask = m->kind == MK_PREFIX && !plat_flag(e) && m->value ? template_prefix_alias(m->value, m->len, &e->c->defines) : 0;
    if (pmask) {                    /* "/t$X" with -D X=m: /private/tmp and below too */
        static const char *const under[] = { "/private/tmp", "/private/var", "/private/etc" };
        /* the text as written, but not on /tmp, /var or /etc themselves
         * (the kernel presents none of them; the symbolic form leaves them
         * out: put_alias_guarded) */
        sb_puts(out, "(require-any (require-all ");
        put_matcher_as_is(e, m);
        sb_puts(out, " (require-not (regex ");
        sbpl_string(out, NOT_ALIAS_GUARD, sizeof NOT_ALIAS_GUARD - 1);
        sb_puts(out, ")))");
        for (unsigned k = 0; k < 3; k++) {
            if (!(pmask >> k & 1)) continue;
            sb_puts(out, " (subpath ");
            put_quoted(out, under[k], 12);
            sb_putc(out, ')');
        }
        sb_putc(out, ')');
        return;
    }
    if ((m->kind == MK_LITERAL || m->kind == MK_SUBPATH || m->kind == MK_PREFIX || m->kind == MK_GLOB ||
         (m->kind == MK_ANCESTORS && memchr(m->value, PARAM_OPEN, m->len))) &&
        !m->plain && m->value && alias_guard(e, m->value, m->len, m->kind == MK_GLOB)) {
        put_alias_guarded(e, m);
        return;
    }
    size_t groot, gs = globstar_glued(e, m, &groot);
    if (gs) { put_globstar_glued(e, m, gs, groot); return; }
    put_matcher_as_is(e, m);
}

/* The matcher's filter, with no /private guard (put_matcher decides). */
static void put_matcher_as_is(emitter *e, const matcher *m)
{
    strbuf *out = e->out;
    switch (m->kind) {
    case MK_NONE: return;
    case MK_LITERAL: case MK_SUBPATH: case MK_PREFIX:
        sb_puts(out, m->kind == MK_LITERAL ? "(literal " : m->kind == MK_SUBPATH ? "(subpath " : "(prefix ");
        if (m->plain && m->len <= SBPL_MAX_LITERAL) put_quoted(out, m->value, m->len);   /* checked while lowering */
        else put_template(e, m->value, m->len, 0, m->kind == MK_PREFIX ? TPL_ALIAS_PREFIX : TPL_ALIAS_PATH);
        break;
    case MK_REGEX:
        sb_puts(out, "(regex ");
        put_template(e, m->value, m->len, 1, TPL_ALIAS_NONE);
        break;
    case MK_GLOB: {
        strbuf re;
        sb_init(&re);
        template_regex(&re, m->value, m->len, &e->c->defines, TPL_GLOB | TPL_KEEP | plat_flag(e));
        sb_puts(out, "(regex ");
        put_template(e, re.data, re.len, 1, TPL_ALIAS_NONE);
        sb_free(&re);
        break;
    }
    case MK_ANCESTORS: {
        sb_puts(out, "(regex ");
        if (memchr(m->value, PARAM_OPEN, m->len)) {
            strbuf re;
            sb_init(&re);
            ancestors_regex_of(e, m, &re, 0);
            put_template(e, re.data, re.len, 1, TPL_ALIAS_NONE);
            sb_free(&re);
            break;
        }
        const char *val = hm_get(&e->c->defines, m->value, m->len);
        if (val) {
            strbuf re;
            sb_init(&re);
            param_ancestors_regex(&re, val);
            sbpl_string(out, re.data, re.len);
            sb_free(&re);
        } else {
            sb_puts(out, "(param ");
            const char *pn = arena_printf(e->a, "%.*s.ancestors", (int)m->len, m->value);
            sbpl_string(out, pn, strlen(pn));
            sb_putc(out, ')');
            use_param(e, m->value, m->len, ".ancestors");
        }
        break;
    }
    case MK_NAME: case MK_NAME_PREFIX: case MK_NAME_REGEX:
        sb_putc(out, '(');
        sb_puts(out, name_filter(m));
        sb_putc(out, ' ');
        put_template(e, m->value, m->len, m->kind == MK_NAME_REGEX, TPL_ALIAS_NONE);
        break;
    case MK_TARGET:
        sb_printf(out, "(target %s", m->value);
        break;
    case MK_IP:
        sb_puts(out, m->outbound ? "(remote ip " : "(local ip ");
        put_template(e, m->value, m->len, 0, TPL_ALIAS_NONE);
        break;
    }
    sb_putc(out, ')');
}

/* A rule's matcher, rendered on first use: carve-outs repeat the matchers of
 * the rules that beat a rule, often hundreds of times. */
static void put_rule_matcher(emitter *e, const rule *r)
{
    memo *m = r->id < e->nmatchers ? &e->matchers[r->id] : NULL;
    if (m && m->s) { sb_add(e->out, m->s, m->len); return; }
    if (!m) { put_matcher(e, &r->m); return; }
    strbuf *out = e->out;
    size_t start = out->len;
    put_matcher(e, &r->m);
    m->len = out->len - start;
    m->s = arena_strndup(e->a, out->data + start, m->len);
}

/* A rule's own matcher: most rules are never an opponent, so it is kept
 * only once it has been rendered as one. */
static void put_own_matcher(emitter *e, const rule *r)
{
    memo *m = r->id < e->nmatchers ? &e->matchers[r->id] : NULL;
    if (m && m->s) sb_add(e->out, m->s, m->len);
    else put_matcher(e, &r->m);
}

/* ---- partitions ------------------------------------------------------------ */

typedef struct opp_ctx {
    const rule *r;
    rule **v;
    size_t n, cap;
    int dead_all;        /* an identical opposite rule beats r on all its operations */
} opp_ctx;

static void collect(void *ud, rule *o)
{
    opp_ctx *oc = ud;
    const rule *r = oc->r;
    if (o->action == r->action || !opset_intersects(o->covers, r->covers)) return;
    if (!rule_beats(o, r)) return;
    if (matcher_relation(&o->m, &r->m) == REL_DISJOINT) return;
    if (oc->n == oc->cap) {
        oc->cap = oc->cap ? oc->cap * 2 : 8;
        oc->v = xrealloc(oc->v, oc->cap * sizeof *oc->v);
    }
    oc->v[oc->n++] = o;
}

/* Opponents in rule order: a few by insertion, long lists through a bitmap
 * of ids (every opponent is the index's rule of its id). */
/* A rule's opponents in emission order (section, operation, action,
 * matcher, value: emission_order), so that the carve-outs written for it do
 * not change when statements are reordered. */
static void sort_by_rank(emitter *e, rule **v, size_t n)
{
    if (n <= 24) {
        for (size_t i = 1; i < n; i++) {
            rule *t = v[i];
            size_t j = i;
            while (j > 0 && e->rank[v[j - 1]->id] > e->rank[t->id]) { v[j] = v[j - 1]; j--; }
            v[j] = t;
        }
        return;
    }
    unsigned lo = e->rank[v[0]->id], hi = lo;
    for (size_t i = 0; i < n; i++) {
        unsigned k = e->rank[v[i]->id];
        e->idbits[k >> 6] |= 1ull << (k & 63);
        if (k < lo) lo = k;
        if (k > hi) hi = k;
    }
    size_t k = 0;
    for (unsigned w = lo >> 6; w <= hi >> 6; w++) {
        for (uint64_t bits = e->idbits[w]; bits; bits &= bits - 1)
            v[k++] = e->byrank[w * 64 + (unsigned)__builtin_ctzll(bits)];
        e->idbits[w] = 0;
    }
}

/* Operation names covering exactly the set 'cls' (a subset of r's): the
 * families wholly inside it (the table lists families before members), then
 * any operation left over by name. */
static void put_ops_of(emitter *e, const rule *r, const opset *cls)
{
    if (opset_eq(cls, r->covers)) { sb_puts(e->out, op_get(r->op)->emit_name); return; }
    /* the same split recurs for many rules: name each set once */
    memo *m = hm_get(&e->opnames, (const char *)cls, sizeof *cls);
    if (m) { sb_add(e->out, m->s, m->len); return; }
    size_t start = e->out->len;
    int n = ops_count(), first = 1;
    opset done = { { 0 } };
    for (int i = 0; i < n; i++) {
        const op_info *o = op_get(i);
        if (i == op_default() || opset_empty(&o->covers)) continue;
        if (!opset_subset(&o->covers, cls) || opset_subset(&o->covers, &done)) continue;
        if (!first) sb_putc(e->out, ' ');
        first = 0;
        sb_puts(e->out, o->emit_name);
        for (size_t w = 0; w < OPS_MAX / 64; w++) done.w[w] |= o->covers.w[w];
    }
    for (int i = 0; i < n; i++) {
        if (!opset_has(cls, i) || opset_has(&done, i)) continue;
        if (!first) sb_putc(e->out, ' ');
        first = 0;
        sb_puts(e->out, op_get(i)->emit_name);
        opset_add(&done, i);
    }
    m = arena_alloc(e->a, sizeof *m);
    m->len = e->out->len - start;
    m->s = arena_strndup(e->a, e->out->data + start, m->len);
    opset *key = arena_alloc(e->a, sizeof *key);
    *key = *cls;
    hm_put(&e->opnames, (const char *)key, sizeof *key, m);
}

static void put_ops(emitter *e, const rule *r, const opnames *on)
{
    if (on->n <= 1) { put_ops_of(e, r, on->cls); return; }
    for (size_t i = 0; i < on->n; i++) {
        if (i) sb_putc(e->out, ' ');
        put_ops_of(e, r, &on->part[i]);
    }
}

/* A message: a template whose MSG_BYTE_NAME markers stand for the bytes
 * \x01 and \x02 (lower.c); the pieces between them are templates. */
static void put_message(emitter *e, const char *t)
{
    size_t len = strlen(t), ml = strlen(MSG_BYTE_NAME);
    const char *m = NULL;
    for (const char *p = t; (p = memchr(p, PARAM_OPEN, len - (size_t)(p - t))); p++)
        if ((size_t)(t + len - p) > ml + 2 && !memcmp(p + 1, MSG_BYTE_NAME, ml)) { m = p; break; }
    if (!m) { put_template(e, t, len, 0, TPL_ALIAS_NONE); return; }
    sb_puts(e->out, "(string-append");
    for (const char *p = t; *p;) {
        const char *q = p;
        while (*q && !(*q == PARAM_OPEN && !strncmp(q + 1, MSG_BYTE_NAME, ml))) {
            if (*q == PARAM_OPEN) while (*q && *q != PARAM_CLOSE) q++;
            if (*q) q++;
        }
        if (q > p) { sb_putc(e->out, ' '); put_template(e, p, (size_t)(q - p), 0, TPL_ALIAS_NONE); }
        if (!*q) break;
        char byte = (char)(q[1 + ml] - '0');
        sb_putc(e->out, ' ');
        put_literals(e->out, &byte, 1, 1);
        p = q + ml + 3;
    }
    sb_putc(e->out, ')');
}

static void put_mods(emitter *e, const rule *r)
{
    if (r->mods & MODF_REPORT) sb_puts(e->out, " (with report)");
    if (r->mods & MODF_NO_REPORT) sb_puts(e->out, " (with no-report)");
    if (r->message) {
        sb_puts(e->out, " (with message ");
        put_message(e, r->message);
        sb_putc(e->out, ')');
    }
}

static void put_comment_text(strbuf *out, const char *s)
{
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        sb_putc(out, ch < 0x20 || ch == 0x7f ? '?' : (char)ch);
    }
}

static void put_origin(emitter *e, const rule *r)
{
    const origin *o = r->origins;
    if (!o || !o->u) return;
    if (r->implied == 2) { sb_puts(e->out, "  ; deny default may not cover this"); return; }
    sb_puts(e->out, implied_move(r) ? "  ; not moved away: " : r->implied == IMPL_CASE ? "  ; in every case: "
                    : r->implied ? "  ; traversal for " : "  ; ");
    memo *d = &e->displays[o->u->index];
    if (!d->s) {
        size_t start = e->out->len;
        put_comment_text(e->out, o->u->display);
        d->len = e->out->len - start;
        d->s = arena_strndup(e->a, e->out->data + start, d->len);
    } else {
        sb_add(e->out, d->s, d->len);
    }
    sb_putc(e->out, ':');
    sb_putu(e->out, o->line ? o->line : source_position(o->u->src, o->at.start).line);
    for (; o; o = o->next) {
        int main_unit = e->c->nunits && o->u == e->c->units[e->c->nunits - 1];
        /* by unit: 0 not yet asked, 1 no suppression to carry, 2 some */
        unsigned char *k = &e->carries[o->u->index];
        if (!*k) *k = carries_suppressions(o->u, main_unit) ? 2 : 1;
        if (*k == 2) put_carried_suppressions(e->out, o->u, o->at, main_unit);
    }
}


static void add_piece(emitter *e, const rule *r, const opnames *on, rule **opp, size_t nopp);

/* A carve-out with no parameter and no depth band, written as the path it
 * names: (subpath "V"), and with literals allowed (literal "V"). */
static const matcher *plain_path(const rule *o, int literal_too)
{
    const matcher *m = &orig(o)->m;
    if (m->banded || m->holder || !m->value || !m->len || m->value[0] != '/' || memchr(m->value, PARAM_OPEN, m->len)) return NULL;
    return m->kind == MK_SUBPATH || (literal_too && m->kind == MK_LITERAL) ? m : NULL;
}

/* Drops the carve-outs another one of the list holds whole: a subpath or
 * literal at or below a subpath of the list (the first of equal subpaths
 * stays).  (require-any A B) with B inside A is A, so the decisions are the
 * same; a chain of rules nested inside each other then carves each rule's
 * nearest opponents only, not every deeper one as well (output that grew
 * with the cube of the chain's length).  Returns the new count. */
static size_t prune_covered(rule **opp, size_t n)
{
    if (n < 2) return n;
    size_t most = 0, nsub = 0;
    for (size_t i = 0; i < n; i++) {
        const matcher *m = plain_path(opp[i], 0);
        if (m) { nsub++; if (m->len > most) most = m->len; }
    }
    if (!nsub) return n;
    hashmap subs;
    hm_init(&subs);
    hm_reserve(&subs, nsub);
    unsigned char *has_len = xcalloc(most + 1, 1);     /* lengths of the subpaths: the prefixes worth a look */
    for (size_t i = 0; i < n; i++) {
        const matcher *m = plain_path(opp[i], 0);
        if (m) { hm_put(&subs, m->value, m->len, opp[i]); has_len[m->len] = 1; }
    }
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        const matcher *m = plain_path(opp[i], 1);
        int covered = 0;
        if (m) {
            void *same = m->len <= most && has_len[m->len] ? hm_get(&subs, m->value, m->len) : NULL;
            covered = same && (m->kind == MK_LITERAL || same != opp[i]);
            if (!covered && m->len > 1 && has_len[1] && hm_get(&subs, "/", 1)) covered = 1;
            for (size_t k = 2; !covered && k < m->len && k <= most; k++)
                if (m->value[k] == '/' && has_len[k] && hm_get(&subs, m->value, k)) covered = 1;
        }
        if (!covered) opp[w++] = opp[i];
    }
    free(has_len);
    hm_free(&subs);
    return w;
}

static void emit_class(emitter *e, const rule *r, const opnames *on, rule **opp, size_t nopp)
{
    const opset *cls = on->cls;
    /* dead: a rule of the other action beats it on every object it
     * matches (the same matcher, or none at all: "deny outbound;" beside
     * "allow network*;" leaves no object to carve) */
    for (size_t i = 0; i < nopp; i++)
        if ((matcher_identical(&opp[i]->m, &r->m) || opp[i]->m.kind == MK_NONE) && opset_subset(cls, opp[i]->covers)) return;
    nopp = prune_covered(opp, nopp);
    if (e->compact) { add_piece(e, r, on, opp, nopp); return; }
    r = orig(r);
    strbuf *out = e->out;
    sb_puts(out, r->action == ACT_ALLOW ? "(allow " : "(deny ");
    put_ops(e, r, on);
    if (nopp == 0) {
        if (r->m.kind != MK_NONE) { sb_putc(out, ' '); put_own_matcher(e, r); }
    } else {
        sb_putc(out, ' ');
        if (r->m.kind != MK_NONE) { sb_puts(out, "(require-all "); put_own_matcher(e, r); sb_putc(out, ' '); }
        sb_puts(out, "(require-not ");
        if (nopp > 1) sb_puts(out, "(require-any");
        for (size_t i = 0; i < nopp; i++) {
            if (nopp > 1) sb_puts(out, "\n    ");
            put_rule_matcher(e, orig(opp[i]));
        }
        if (nopp > 1) sb_putc(out, ')');
        sb_putc(out, ')');
        if (r->m.kind != MK_NONE) sb_putc(out, ')');
    }
    put_mods(e, r);
    sb_putc(out, ')');
    put_origin(e, r);
    sb_putc(out, '\n');
}

/* ---- compact form ------------------------------------------------------------ */

static memo render(emitter *e, strbuf *scratch, void (*put)(emitter *, const rule *, const opnames *), const rule *r, const opnames *on)
{
    strbuf *keep = e->out;
    sb_reset(scratch);
    e->out = scratch;
    put(e, r, on);
    e->out = keep;
    memo m = { arena_strndup(e->a, scratch->data ? scratch->data : "", scratch->len), scratch->len };
    return m;
}

static void put_head(emitter *e, const rule *r, const opnames *on)
{
    sb_puts(e->out, r->action == ACT_ALLOW ? "(allow " : "(deny ");
    put_ops(e, r, on);
}

static void put_mods_of(emitter *e, const rule *r, const opnames *on)
{
    (void)on;
    put_mods(e, r);
}

static void add_piece(emitter *e, const rule *r, const opnames *on, rule **opp, size_t nopp)
{
    const rule *o = orig(r);
    strbuf scratch;
    sb_init(&scratch);
    memo head = render(e, &scratch, put_head, o, on);
    memo mods = render(e, &scratch, put_mods_of, o, on);
    /* key: section, head, mods, the opponents' ids (and the rule's own id
     * for a rule without a filter, which never shares its rule) */
    sb_reset(&scratch);
    sb_putc(&scratch, (char)r->section);
    sb_add(&scratch, head.s, head.len);
    sb_putc(&scratch, '\n');
    sb_add(&scratch, mods.s, mods.len);
    sb_putc(&scratch, '\n');
    int none = r->m.kind == MK_NONE;
    if (none) { sb_putc(&scratch, 'N'); sb_add(&scratch, (const char *)&r->id, sizeof r->id); }
    for (size_t i = 0; i < nopp; i++) sb_add(&scratch, (const char *)&opp[i]->id, sizeof opp[i]->id);
    void *found = hm_get(&e->groupmap, scratch.data, scratch.len);
    size_t g;
    if (found) {
        g = (size_t)(uintptr_t)found - 1;
    } else {
        if (e->ngroups == e->capgroups) {
            e->capgroups = e->capgroups ? e->capgroups * 2 : 64;
            e->groups = xrealloc(e->groups, e->capgroups * sizeof *e->groups);
        }
        g = e->ngroups++;
        pgroup *gr = &e->groups[g];
        gr->section = r->section;
        gr->head = head;
        gr->mods = mods;
        gr->nopp = nopp;
        gr->opp = nopp ? arena_alloc(e->a, nopp * sizeof *gr->opp) : NULL;
        if (nopp) memcpy(gr->opp, opp, nopp * sizeof *opp);
        gr->first = gr->last = SIZE_MAX;
        gr->npieces = 0;
        gr->none = none;
        gr->merged = 0;
        const char *key = arena_strndup(e->a, scratch.data, scratch.len);
        hm_put(&e->groupmap, key, scratch.len, (void *)(uintptr_t)(g + 1));
    }
    sb_free(&scratch);
    if (e->npieces == e->cappieces) {
        e->cappieces = e->cappieces ? e->cappieces * 2 : 256;
        e->pieces = xrealloc(e->pieces, e->cappieces * sizeof *e->pieces);
    }
    size_t k = e->npieces++;
    e->pieces[k] = (rpiece){ r, SIZE_MAX, g, e->rfirst[r->id] };
    e->rfirst[r->id] = k + 1;
    pgroup *gr = &e->groups[g];
    gr->npieces++;
    if (gr->last == SIZE_MAX) gr->first = k;
    else e->pieces[gr->last].next = k;
    gr->last = k;
}

/* r's filter as a regex body to fold with its siblings (emit_fold.c), or 0:
 * a concrete literal or subpath (its value as resolved for the index), or
 * a glob or regex written without parameters, in the files section (other
 * operations take paths too, but Seatbelt's filters there are kept as
 * written). */
static int fold_value_of(emitter *e, const rule *r, fold_value *fv)
{
    const rule *o = orig(r);
    memset(fv, 0, sizeof *fv);
    if (r->section != SEC_FILES || r->m.banded || r->m.holder || !r->m.value || !o->m.value) return 0;
    switch (r->m.kind) {
    case MK_LITERAL: case MK_SUBPATH: {
        int sub = r->m.kind == MK_SUBPATH;
        const char *v = r->m.value;
        size_t len = r->m.len;
        if (len == 0 || v[0] != '/' || memchr(v, PARAM_OPEN, len) || memchr(v, '\0', len)) return 0;
        if (sub && v[len - 1] == '/') return 0;        /* subpath "/" is every path */
        strbuf b;
        sb_init(&b);
        regex_quote(&b, v, len);
        if (sub) sb_puts(&b, "(/.*)?");
        fv->len = b.len;
        fv->s = arena_strndup(e->a, b.data, b.len);
        sb_free(&b);
        fv->subpath = sub;
        fv->raw = v;
        fv->rawlen = len;
        return 1;
    }
    case MK_GLOB: case MK_REGEX: {
        /* the regex as put_matcher writes it, a -D value quoted in place */
        strbuf b;
        sb_init(&b);
        if (r->m.kind == MK_GLOB)
            template_regex(&b, o->m.value, o->m.len, &e->c->defines, TPL_GLOB | TPL_KEEP | plat_flag(e));
        else param_expand(&b, o->m.value, o->m.len, &e->c->defines, TPL_REGEX | TPL_KEEP);
        int ok = !b.len || !memchr(b.data, PARAM_OPEN, b.len);
        const char *re = ok ? arena_strndup(e->a, b.data ? b.data : "", b.len) : NULL;
        size_t len = b.len;
        sb_free(&b);
        return ok && fold_regex_body(re, len, &fv->s, &fv->len);
    }
    default:
        return 0;
    }
}

/* fold_value_of, found once per rule: a rule is folded in its own group and
 * in the carve-out of every group it beats. */
static int fold_value_memo(emitter *e, const rule *r, fold_value *fv)
{
    if (!e->fvidx || r->id >= e->nmatchers) return fold_value_of(e, r, fv);
    uint32_t *k = &e->fvidx[r->id];
    if (*k == 0) {
        fold_value v;
        if (!fold_value_of(e, r, &v)) {
            *k = 1;
        } else {
            if (e->nfvals == e->capfvals) {
                e->capfvals = e->capfvals ? e->capfvals * 2 : 256;
                e->fvals = xrealloc(e->fvals, e->capfvals * sizeof *e->fvals);
            }
            fold_prepare(e->a, &v);
            e->fvals[e->nfvals] = v;
            *k = (uint32_t)(2 + e->nfvals++);
        }
    }
    if (*k == 1) { memset(fv, 0, sizeof *fv); return 0; }
    *fv = e->fvals[*k - 2];
    return 1;
}

/* The filters of v[0..n) into dst, separated by sep: the ones that do not
 * fold first, in order, then the folded ones.  Returns how many filters it
 * wrote. */
static size_t put_set(emitter *e, strbuf *dst, const rule *const *v, size_t n, const char *sep, int opponents)
{
    strbuf *keep = e->out;
    e->out = dst;
    size_t count = 0, nf = 0;
    fold_value *fv = xmalloc((n + 1) * sizeof *fv);
    for (size_t i = 0; i < n; i++) {
        const rule *r = v[i];
        if (fold_value_memo(e, r, &fv[nf])) { nf++; continue; }
        if (count) sb_puts(dst, sep);
        if (opponents) put_rule_matcher(e, orig(r));
        else put_own_matcher(e, orig(r));
        count++;
    }
    count += fold_paths(dst, fv, nf, sep, count == 0);
    free(fv);
    e->out = keep;
    return count;
}

typedef struct spare_ctx {
    emitter *e;
    const rule *o;
    size_t group;
    size_t *budget;
    int conflict;
} spare_ctx;

static void spare_cb(void *ud, rule *c)
{
    spare_ctx *x = ud;
    if (x->conflict) return;
    if (*x->budget == 0) { x->conflict = 1; return; }
    (*x->budget)--;
    for (size_t p = x->e->rfirst[c->id]; p; p = x->e->pieces[p - 1].rnext) {
        if (x->e->pieces[p - 1].group != x->group) continue;
        if (matcher_relation(&x->o->m, &c->m) != REL_DISJOINT) x->conflict = 1;
        return;
    }
}

/* r is in v[0..n), which is in emission order (sort_by_rank) */
static int has_rule(const unsigned *rank, rule *const *v, size_t n, const rule *r)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (rank[v[mid]->id] < rank[r->id]) lo = mid + 1;
        else hi = mid;
    }
    return lo < n && v[lo] == r;
}

typedef struct spare_rev {
    const unsigned *rank;  /* by rule id: its place in emission order */
    const rule *r;         /* a rule written in the group */
    rule *const *o;        /* the other group's opponents */
    size_t no;
    rule *const *keep;     /* the group's own opponents */
    size_t nk;
    size_t *budget;
    int conflict;
} spare_rev;

static void spare_rev_cb(void *ud, rule *c)
{
    spare_rev *x = ud;
    if (x->conflict) return;
    if (*x->budget == 0) { x->conflict = 1; return; }
    (*x->budget)--;
    if (!has_rule(x->rank, x->o, x->no, c) || has_rule(x->rank, x->keep, x->nk, c)) return;
    if (matcher_relation(&c->m, &x->r->m) != REL_DISJOINT) x->conflict = 1;
}

/* Whether every opponent in o[0..no) is already in keep[0..nk) (both in
 * emission order, as sort_by_rank leaves a rule's opponents and
 * merge_groups their union), the opponents of group g, or disjoint from
 * every rule written in
 * g.  The index finds the rules that may overlap: from each opponent, or
 * from each of g's rules when they are fewer. */
static int opps_spare(emitter *e, const ovl_index *ix, rule *const *o, size_t no, rule *const *keep, size_t nk,
                      size_t g, size_t *budget)
{
    if (e->groups[g].npieces < no) {
        for (size_t p = e->groups[g].first; p != SIZE_MAX; p = e->pieces[p].next) {
            if (*budget == 0) return 0;
            (*budget)--;
            spare_rev x = { e->rank, e->pieces[p].r, o, no, keep, nk, budget, 0 };
            ovl_query(ix, e->pieces[p].r, 0, spare_rev_cb, &x);
            if (x.conflict) return 0;
        }
        return 1;
    }
    size_t k = 0;
    for (size_t i = 0; i < no; i++) {
        while (k < nk && e->rank[keep[k]->id] < e->rank[o[i]->id]) k++;
        if (k < nk && keep[k] == o[i]) continue;
        if (*budget == 0) return 0;
        (*budget)--;
        spare_ctx x = { e, o[i], g, budget, 0 };
        ovl_query(ix, o[i], 0, spare_cb, &x);
        if (x.conflict) return 0;
    }
    return 1;
}

/* Merges group b into group a (same section, operations and modifiers):
 * the union of their rules minus the union of their carve-outs decides
 * exactly what each decided alone when every carve-out of one is either a
 * carve-out of the other too or disjoint from all of the other's rules. */
static int merge_groups(emitter *e, const ovl_index *ix, size_t ia, size_t ib, size_t *budget)
{
    pgroup *a = &e->groups[ia], *b = &e->groups[ib];
    if (a->none || b->none) return 0;
    if (!opps_spare(e, ix, b->opp, b->nopp, a->opp, a->nopp, ia, budget)) return 0;
    if (!opps_spare(e, ix, a->opp, a->nopp, b->opp, b->nopp, ib, budget)) return 0;
    for (size_t p = b->first; p != SIZE_MAX; p = e->pieces[p].next) e->pieces[p].group = ia;
    rule **u = arena_alloc(e->a, (a->nopp + b->nopp + 1) * sizeof *u);
    size_t i = 0, j = 0, n = 0;
    const unsigned *rk = e->rank;           /* the union in emission order too */
    while (i < a->nopp || j < b->nopp) {
        if (j == b->nopp || (i < a->nopp && rk[a->opp[i]->id] < rk[b->opp[j]->id])) u[n++] = a->opp[i++];
        else if (i == a->nopp || rk[b->opp[j]->id] < rk[a->opp[i]->id]) u[n++] = b->opp[j++];
        else { u[n++] = a->opp[i++]; j++; }
    }
    a->opp = u;
    a->nopp = n;
    e->pieces[a->last].next = b->first;
    a->npieces += b->npieces;
    b->npieces = 0;
    a->last = b->last;
    b->first = b->last = SIZE_MAX;
    b->merged = 1;
    return 1;
}

/* Groups that differ only in their carve-outs become one where that is
 * exact (merge_groups); each group tries the few merged groups of its kind
 * before it, within a budget of matcher comparisons proportional to the
 * profile's size. */
#define MERGE_TRIES 8
static void merge_all(emitter *e, const ovl_index *ix)
{
    hashmap kinds;                 /* section, head, mods -> last few merged groups */
    hm_init(&kinds);
    strbuf key;
    sb_init(&key);
    size_t budget = 64 * e->npieces + 65536;
    size_t *slots = xcalloc(e->ngroups * MERGE_TRIES + 1, sizeof *slots);   /* per kind: up to MERGE_TRIES groups */
    size_t nkinds = 0;
    for (size_t g = 0; g < e->ngroups; g++) {
        pgroup *gr = &e->groups[g];
        if (gr->none) continue;
        sb_reset(&key);
        sb_putc(&key, (char)gr->section);
        sb_add(&key, gr->head.s, gr->head.len);
        sb_putc(&key, '\n');
        sb_add(&key, gr->mods.s, gr->mods.len);
        void *found = hm_get(&kinds, key.data, key.len);
        if (!found) {
            size_t kidx = nkinds++;
            slots[kidx * MERGE_TRIES] = g + 1;
            hm_put(&kinds, arena_strndup(e->a, key.data, key.len), key.len, (void *)(uintptr_t)(kidx + 1));
            continue;
        }
        size_t *s = &slots[((size_t)(uintptr_t)found - 1) * MERGE_TRIES];
        int done = 0;
        for (int t = 0; t < MERGE_TRIES && s[t] && !done; t++)
            done = merge_groups(e, ix, s[t] - 1, g, &budget);
        if (done) continue;
        /* not merged: it becomes a candidate, the oldest one dropped */
        memmove(s + 1, s, (MERGE_TRIES - 1) * sizeof *s);
        s[0] = g + 1;
    }
    free(slots);
    sb_free(&key);
    hm_free(&kinds);
}

/* One group as one SBPL rule. */
static void put_group(emitter *e, const pgroup *g)
{
    strbuf *out = e->out;
    size_t n = 0;
    for (size_t k = g->first; k != SIZE_MAX; k = e->pieces[k].next) n++;
    const rule **own = xmalloc((n + 1) * sizeof *own);
    n = 0;
    for (size_t k = g->first; k != SIZE_MAX; k = e->pieces[k].next) own[n++] = e->pieces[k].r;
    sb_add(out, g->head.s, g->head.len);
    strbuf set;
    sb_init(&set);
    size_t nown = g->none ? 0 : put_set(e, &set, own, n, g->nopp ? "\n  " : "\n  ", 0);
    if (g->nopp == 0) {
        if (nown) { sb_puts(out, nown > 1 ? "\n  " : " "); sb_add(out, set.data, set.len); }
    } else {
        sb_putc(out, ' ');
        if (nown) {
            sb_puts(out, "(require-all ");
            if (nown > 1) { sb_puts(out, "(require-any\n  "); sb_add(out, set.data, set.len); sb_puts(out, ")\n  "); }
            else { sb_add(out, set.data, set.len); sb_putc(out, ' '); }
        }
        sb_reset(&set);
        size_t nopp = put_set(e, &set, (const rule *const *)g->opp, g->nopp, "\n    ", 1);
        sb_puts(out, "(require-not ");
        if (nopp > 1) { sb_puts(out, "(require-any\n    "); sb_add(out, set.data, set.len); sb_putc(out, ')'); }
        else sb_add(out, set.data, set.len);
        sb_putc(out, ')');
        if (nown) sb_putc(out, ')');
    }
    sb_add(out, g->mods.s, g->mods.len);
    sb_puts(out, ")\n");
    sb_free(&set);
    free(own);
}

/* How r's operations are grouped into SBPL rules must not depend on the
 * values of the parameters: Seatbelt ranks a rule on a more concrete
 * operation above one on a family, so a raw sbpl rule meets a generated
 * rule written on file-read-data differently from one written on
 * file-read*.  The groups are cut by the operations of every rule that may
 * beat r for some values (the rules as written: with -D values as without),
 * and, for a deny that a traversal rule may beat, by file-read-metadata
 * wherever the traversal rules depend on the values (has_traversal): -D
 * values make them literals, which the rules as written do not show. */
typedef struct cut_ctx {
    const rule *r;
    int ops[64];
    int n;
} cut_ctx;

static void add_cut(cut_ctx *k, int op)
{
    for (int i = 0; i < k->n; i++) if (k->ops[i] == op) return;
    if (k->n < 64) k->ops[k->n++] = op;
}

static void collect_cut(void *ud, rule *o)
{
    cut_ctx *k = ud;
    const rule *r = k->r;
    if (o->action == r->action || !opset_intersects(o->covers, r->covers)) return;
    if (!rule_beats(o, r)) return;
    if (matcher_relation(&o->m, &r->m) == REL_DISJOINT) return;
    add_cut(k, o->op);
}

static void emit_rule(emitter *e, const ovl_index *ix, const rule *r, const emit_opts *eo)
{
    opp_ctx oc = { r, NULL, 0, 0, 0 };
    int ordered = !eo || !eo->break_order;
    if (ordered) ovl_query(ix, r, 1, collect, &oc);
    cut_ctx k = { orig(r), { 0 }, 0 };
    for (size_t i = 0; i < oc.n; i++) add_cut(&k, oc.v[i]->op);
    if (ordered && e->symix) ovl_query(e->symix, orig(r), 1, collect_cut, &k);
    if (e->traversal && r->action == ACT_DENY && !r->final && !r->implied && opset_has(r->covers, e->meta))
        add_cut(&k, e->meta);
    int uniform = 1;
    for (int i = 0; i < k.n && uniform; i++)
        if (!opset_subset(r->covers, &op_get(k.ops[i])->covers)) uniform = 0;
    if (oc.n > 1) sort_by_rank(e, oc.v, oc.n);
    if (uniform) {
        opnames on = { r->covers, NULL, 0 };
        emit_class(e, r, &on, oc.v, oc.n);
        free(oc.v);
        return;
    }
    /* r's concrete operations in parts: those the same cuts cover */
    int conc[OPS_MAX], nconc = 0;
    uint64_t csig[OPS_MAX];
    for (int w = 0; w < OPS_MAX / 64; w++)
        for (uint64_t bits = r->covers->w[w]; bits; bits &= bits - 1) {
            int c = w * 64 + __builtin_ctzll(bits);
            uint64_t sig = 0;
            for (int j = 0; j < k.n; j++) if (opset_has(&op_get(k.ops[j])->covers, c)) sig |= 1ull << j;
            conc[nconc] = c;
            csig[nconc++] = sig;
        }
    opset *part = xcalloc((size_t)nconc + 1, sizeof *part);
    uint64_t seen[OPS_MAX];
    size_t np = 0;
    for (int ci = 0; ci < nconc; ci++) {
        size_t j;
        for (j = 0; j < np; j++) if (seen[j] == csig[ci]) break;
        if (j == np) seen[np++] = csig[ci];
        opset_add(&part[j], conc[ci]);
    }
    /* each part's opponents (each opponent covers a part whole or not at
     * all); parts with the same opponents are one SBPL rule, written on
     * each part's own operation names */
    size_t nopp = oc.n ? oc.n : 1;
    rule **sub = xmalloc(np * nopp * sizeof *sub);
    size_t *ns = xcalloc(np + 1, sizeof *ns);
    for (size_t j = 0; j < np; j++)
        for (size_t i = 0; i < oc.n; i++)
            if (opset_intersects(oc.v[i]->covers, &part[j])) sub[j * nopp + ns[j]++] = oc.v[i];
    opset *names = xcalloc(np + 1, sizeof *names);
    unsigned char *done = xcalloc(np + 1, 1);
    for (size_t j = 0; j < np; j++) {
        if (done[j]) continue;
        opset cls = { { 0 } };
        size_t nn = 0;
        for (size_t m = j; m < np; m++) {
            if (done[m] || ns[m] != ns[j] || (ns[j] && memcmp(&sub[m * nopp], &sub[j * nopp], ns[j] * sizeof *sub))) continue;
            done[m] = 1;
            names[nn++] = part[m];
            for (size_t w = 0; w < OPS_MAX / 64; w++) cls.w[w] |= part[m].w[w];
        }
        opnames on = { &cls, names, nn };
        emit_class(e, r, &on, &sub[j * nopp], ns[j]);
    }
    free(done);
    free(names);
    free(ns);
    free(sub);
    free(part);
    free(oc.v);
}

/* ---- whole profile ----------------------------------------------------------- */

/* Emission order: section, traversal rules first, operation (table order),
 * action, matcher kind and namespace, value, rule id. */
static uint64_t emission_class(const rule *r)
{
    return (uint64_t)(r->section + 1) << 48 | (uint64_t)(r->implied != 1) << 44 |
           (uint64_t)r->op << 24 | (uint64_t)r->action << 16 | (uint64_t)r->m.kind << 8 | r->m.ns;
}

/* (value, id) of the rule as written. */
static int value_cmp(const rule *a, const rule *b)
{
    const rule *x = orig(a), *y = orig(b);
    size_t lx = x->m.value ? x->m.len : 0, ly = y->m.value ? y->m.len : 0, m = lx < ly ? lx : ly;
    int c = m ? memcmp(x->m.value, y->m.value, m) : 0;
    if (c) return c;
    if (lx != ly) return lx < ly ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* The index has sorted nearly every rule by its key already, and for most
 * rules the key is the value: the rules are distributed by class keeping
 * index order, and only a class whose values are then out of order (patterns,
 * parameters, the unindexed kinds) is sorted again. */
static void emission_order(arena *ar, const ovl_index *ix, rule **order, size_t n)
{
    /* the big arrays in the arena: see ovl_build */
    rule **a = arena_alloc(ar, (n + 1) * sizeof *a);
    uint64_t *cls = arena_alloc(ar, (n + 1) * sizeof *cls);
    size_t m = ovl_order(ix, a);
    hashmap seen;                          /* the classes met so far */
    hm_init(&seen);
    uint64_t *distinct = arena_alloc(ar, (n + 1) * sizeof *distinct);
    size_t nd = 0;
    for (size_t i = 0; i < m; i++) {
        if (i + 24 < m) PREFETCH(a[i + 24]);
        cls[i] = emission_class(a[i]);
        if (!hm_put(&seen, (const char *)&cls[i], sizeof cls[i], (void *)1)) distinct[nd++] = cls[i];
    }
    hm_free(&seen);
    qsort(distinct, nd, sizeof *distinct, cmp_u64);
    size_t *start = xcalloc(nd + 1, sizeof *start);
    size_t *place = arena_alloc(ar, (m + 1) * sizeof *place);
    for (size_t i = 0; i < m; i++) {
        const uint64_t *d = bsearch(&cls[i], distinct, nd, sizeof *distinct, cmp_u64);
        place[i] = (size_t)(d - distinct);
        start[place[i] + 1]++;
    }
    for (size_t k = 0; k < nd; k++) start[k + 1] += start[k];
    size_t *at = xmalloc((nd + 1) * sizeof *at);
    memcpy(at, start, (nd + 1) * sizeof *at);
    for (size_t i = 0; i < m; i++) order[at[place[i]]++] = a[i];
    for (size_t k = 0; k < nd; k++) {
        size_t lo = start[k], hi = start[k + 1], i;
        for (i = lo + 1; i < hi; i++) {
            if (i + 32 < hi) PREFETCH(order[i + 32]);
            if (i + 16 < hi) PREFETCH(orig(order[i + 16])->m.value);
            if (value_cmp(order[i - 1], order[i]) >= 0) break;
        }
        if (i >= hi) continue;
        keysort_item *items = xmalloc((hi - lo) * sizeof *items);
        for (size_t j = lo; j < hi; j++) {
            const rule *x = orig(order[j]);
            items[j - lo] = (keysort_item){ 0, x->m.value, x->m.value ? (uint32_t)x->m.len : 0, x->id, order[j] };
        }
        keysort(items, hi - lo);
        for (size_t j = lo; j < hi; j++) order[j] = items[j - lo].p;
        free(items);
    }
    free(at);
    free(start);
}

static const char *resolve_defines(emitter *e, const char *t, size_t len, size_t *out_len, int flags)
{
    if (!memchr(t, PARAM_OPEN, len)) { *out_len = len; return t; }
    strbuf b;
    sb_init(&b);
    param_expand(&b, t, len, &e->c->defines, TPL_KEEP | flags);        /* unknown: still symbolic */
    *out_len = b.len;
    const char *r = arena_strndup(e->a, b.data ? b.data : "", b.len);
    sb_free(&b);
    return r;
}

/* A fold's fixed part read on (ir.h) with the values in: each value as it
 * is (unmarked); none where a value ends in '/', which the text after it
 * may join. */
static void resolve_fold(emitter *e, matcher *m, int re)
{
    strbuf t, f;
    sb_init(&t);
    sb_init(&f);
    const char *v = m->ffixed;
    size_t n = m->ffixed_len;
    int ok = 1;
    for (size_t i = 0; i < n && ok;) {
        if (v[i] != PARAM_OPEN) {
            sb_putc(&t, v[i]);
            sb_putc(&f, m->ffold[i]);
            i++;
            continue;
        }
        const char *close = memchr(v + i, PARAM_CLOSE, n - i);
        size_t k = close ? (size_t)(close + 1 - (v + i)) : n - i, vl;
        const char *val = resolve_defines(e, v + i, k, &vl, re ? TPL_LINUX : 0);
        if (vl && val[vl - 1] == '/') ok = 0;
        sb_add(&t, val, vl);
        for (size_t x = 0; x < vl; x++) sb_putc(&f, 0);
        i += k;
    }
    if (ok && t.len) {
        m->ffixed = arena_strndup(e->a, t.data, t.len);
        m->ffold = arena_strndup(e->a, f.data, f.len);
        m->ffixed_len = t.len;
    } else {
        m->ffixed = m->ffold = NULL;
        m->fkind = m->kind;
    }
    sb_free(&t);
    sb_free(&f);
}

static rule *resolved_copy(emitter *e, rule *r)
{
    rule *c = arena_alloc(e->a, sizeof *c);
    *c = *r;
    c->dup_of = r;
    /* a regex you write is not rewritten (docs/language.md): its values are
     * quoted into it, and its fixed part is the values' text as it is, not
     * moved under /private ("^/$U" with U=tmp starts "/tmp", and meets
     * "^/t[^/]*" on /tmpx) */
    int re = r->m.kind == MK_REGEX || r->m.kind == MK_NAME_REGEX;
    if (r->m.value && r->m.kind != MK_ANCESTORS)
        c->m.value = resolve_defines(e, r->m.value, r->m.len, &c->m.len,
                                     re ? TPL_REGEX : r->m.kind == MK_PREFIX ? TPL_PREFIX : 0);
    if (r->m.fixed) c->m.fixed = resolve_defines(e, r->m.fixed, r->m.fixed_len, &c->m.fixed_len, re ? TPL_LINUX : 0);
    /* "/$D*" + "/x" with D=t also matches /private/tmp/x: as for a written
     * "/t*", every match starts with "/" only (matcher_finish) */
    if (c->m.fixed_len > 1 && c->m.fixed[0] == '/' && !plat_flag(e) &&
        ((r->m.kind == MK_GLOB && template_glob_alias(r->m.value, r->m.len, &e->c->defines)) ||
         (r->m.kind == MK_PREFIX && template_prefix_alias(r->m.value, r->m.len, &e->c->defines))))
        c->m.fixed_len = 1;
    if (c->m.fixed_len == 1 && r->m.fixed_len > 1) c->m.ffixed = NULL;
    /* a derived value in a regex's fixed part is regex text (NAME.fold
     * "[uU][sS]", NAME.re "a\\.b"), not the path's: with every value known,
     * the fixed part and its fold are read again from the regex the values
     * make ("^${W.fold}/x" with W=/U: fixed "/", the fold "/u/x"), which
     * is then compared with the rules around it as the symbolic one is */
    if (re && c->m.value && ((r->m.fixed && template_has_derived(r->m.fixed, r->m.fixed_len)) ||
               (r->m.ffixed && template_has_derived(r->m.ffixed, r->m.ffixed_len))) &&
        !memchr(c->m.value, PARAM_OPEN, c->m.len)) {
        matcher t = c->m;
        matcher_finish(e->a, &t);
        c->m.fixed = t.fixed;
        c->m.fixed_len = t.fixed_len;
        c->m.ffixed = t.ffixed;
        c->m.ffold = t.ffold;
        c->m.ffixed_len = t.ffixed_len;
        c->m.fkind = t.fkind;
        c->m.fdir = t.fdir;
        return c;
    }
    if (c->m.ffixed && memchr(c->m.ffixed, PARAM_OPEN, c->m.ffixed_len)) resolve_fold(e, &c->m, re);
    return c;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The parameter names e->used holds, sorted (the caller frees the array). */
static const char **used_names(emitter *e, size_t *n)
{
    const char **names = xmalloc((e->used.count + 1) * sizeof *names);
    size_t nn = 0;
    for (size_t i = 0; i < e->used.cap; i++) if (e->used.slots[i].hash) names[nn++] = e->used.slots[i].val;
    qsort(names, nn, sizeof *names, cmp_str);
    *n = nn;
    return names;
}

static int same_names(const char **a, size_t na, const char **b, size_t nb)
{
    if (na != nb) return 0;
    for (size_t i = 0; i < na; i++) if (strcmp(a[i], b[i]) != 0) return 0;
    return 1;
}

static void put_header(emitter *e, strbuf *h, const char **names, size_t nn)
{
    compilation *c = e->c;
    sb_puts(h, SBPL_GENERATED_MARK BUCKLE_VERSION " -- edit the source, not this file.\n");
    sb_puts(h, ";; source: ");
    put_comment_text(h, c->nunits ? c->units[c->nunits - 1]->display : "?");
    sb_putc(h, '\n');
    if (c->nunits > 1) {
        sb_puts(h, ";; extends:");
        for (size_t i = 0; i + 1 < c->nunits; i++) { sb_putc(h, ' '); put_comment_text(h, c->units[i]->display); }
        sb_putc(h, '\n');
    }
    if (nn) {
        sb_puts(h, ";; parameters:");
        for (size_t i = 0; i < nn; i++) { sb_putc(h, ' '); put_comment_text(h, names[i]); }
        sb_puts(h, "\n;;   pass each with sandbox-exec -D NAME=VALUE (buckle run does);\n");
        sb_puts(h, ";;   NAME.re is the value with regex metacharacters escaped,\n");
        sb_puts(h, ";;   NAME.ancestors is ^(/|/a|/a/b)$ for a value /a/b/c,\n");
        sb_puts(h, ";;   NAME.dir is the value ending in one / (/ for the root)\n");
        for (size_t i = 0; i < nn; i++)
            if (strstr(names[i], ".pdir") || strstr(names[i], ".pre") || strstr(names[i], ".root")) {
                sb_puts(h, ";;   NAME.pdir and NAME.pre are NAME.dir and NAME.re, but /private/ and\n"
                           ";;   /private for the root (before tmp, var or etc); NAME.root is / and\n"
                           ";;   a relative value, /private/tmp for tmp (NAME.rootre as a regex)\n");
                break;
            }
        for (size_t i = 0; i < nn; i++)
            if (strstr(names[i], ".up")) {
                sb_puts(h, ";;   NAME.up is (a|a/b) for a relative value a/b/c (the ancestors it puts\n"
                           ";;   inside a path), / for one component; NAME.uproot is the same after\n"
                           ";;   the root, as the kernel sees it: (/private/tmp) for tmp/x, // for one\n");
                break;
            }
        for (size_t i = 0; i < nn; i++)
            if (strstr(names[i], ".fold")) {
                sb_puts(h, ";;   NAME.fold is NAME.re in every case of its letters: [tT][mM][pP] for tmp\n");
                break;
            }
        for (size_t i = 0; i < nn; i++)
            if (strstr(names[i], ".foldfirst")) {
                sb_puts(h, ";;   NAME.foldfirst is NAME.fold up to the value's first /, the rest\n"
                           ";;   as NAME.re: [tT][mM][pP]/s for tmp/s\n");
                break;
            }
        for (size_t i = 0; i < nn; i++)
            if (strstr(names[i], ".upfirst")) {
                sb_puts(h, ";;   NAME.upfirst is NAME.up with each part up to the value's first /\n"
                           ";;   as NAME.fold: ([tT][mM][pP]|[tT][mM][pP]/s) for tmp/s/x\n");
                break;
            }
        for (size_t i = 0; i < nn; i++)
            if (strstr(names[i], ".ifslash") || strstr(names[i], ".ifnoslash")) {
                sb_puts(h, ";;   NAME.ifslash is empty for a value with a / after its first byte, //\n"
                           ";;   otherwise; NAME.ifnoslash the other way\n");
                break;
            }
        for (size_t i = 0; i < nn; i++) {
            param_decl *p = hm_gets(&c->params, names[i]);
            if (p && p->def) {
                sb_puts(h, ";;   default ");
                put_comment_text(h, names[i]);
                sb_puts(h, " = ");
                strbuf t;
                sb_init(&t);
                for (const char *q = p->def; *q; q++) {
                    if (*q == PARAM_OPEN) sb_putc(&t, '$');
                    else if (*q != PARAM_CLOSE) sb_putc(&t, *q);
                }
                put_comment_text(h, sb_cstr(&t));
                sb_free(&t);
                sb_putc(h, '\n');
            }
        }
    }
    if (c->nunits) put_carried_file_ignores(h, c->units[c->nunits - 1]);
    sb_puts(h, "(version 1)\n");
    sb_printf(h, "(%s default)", action_name(c->pol.default_action));
    /* the suppressions that cover the default statement, as for any rule */
    const unit *du = c->pol.default_unit;
    int dmain = c->nunits && du == c->units[c->nunits - 1];
    if (du && carries_suppressions(du, dmain)) put_carried_suppressions(h, du, c->pol.default_at, dmain);
    sb_putc(h, '\n');
}

/* The parameters the body will name, without writing it: every rule's
 * matcher is printed (its own, or its dead twin's, which is identical), so
 * the matchers that name a parameter are rendered into scratch; so are the
 * messages that name one, although a dead rule's message is not printed (the
 * stream then finds the header wrong and says so). */
static void predict_params(emitter *e)
{
    strbuf scratch;
    sb_init(&scratch);
    strbuf *keep = e->out;
    e->out = &scratch;
    const policy *pol = &e->c->pol;
    for (size_t i = 0; i < pol->rules.n; i++) {
        const rule *r = pol->rules.v[i];
        if (r->m.kind == MK_ANCESTORS || (r->m.value && memchr(r->m.value, PARAM_OPEN, r->m.len))) {
            put_matcher(e, &r->m);
            sb_reset(&scratch);
        }
        if (r->message && strchr(r->message, PARAM_OPEN)) {
            put_message(e, r->message);
            sb_reset(&scratch);
        }
    }
    e->out = keep;
    sb_free(&scratch);
}

/* Bytes of body held before a streaming emission hands them on. */
#define EMIT_PIECE (256u * 1024u)

/* the suppressions that cover a raw or verbatim block's statement, on the
 * comment line above its text: lint of the output lets them cover every
 * form of the block (docs/lint.md) */
static void put_block_suppressions(compilation *c, const raw_block *b, strbuf *out)
{
    int main_unit = c->nunits && b->u == c->units[c->nunits - 1];
    if (carries_suppressions(b->u, main_unit)) put_carried_suppressions(out, b->u, b->ast->at, main_unit);
}

/* sbpl verbatim blocks, in the order of the chain's files, before the
 * generated rules (docs/reference.md): the rules buckle writes come after
 * them, so they win wherever Seatbelt decides by order.  The compiler checked
 * that each block's parentheses, strings and comments close inside it; the
 * newline after each keeps a trailing comment from reaching the next line. */
static void put_verbatim(compilation *c, const emit_opts *o, strbuf *out)
{
    for (size_t i = 0; i < c->pol.nraw; i++) {
        const raw_block *b = &c->pol.raw[i];
        if (!b->ast->verbatim) continue;
        source_pos p = source_position(b->u->src, b->ast->at.start);
        sb_putc(out, '\n');
        sb_puts(out, SBPL_VERBATIM_MARK);
        put_comment_text(out, b->u->display);
        sb_printf(out, ":%u (not checked by buckle)", p.line);
        put_block_suppressions(c, b, out);
        sb_putc(out, '\n');
        if (o && o->no_verbatim) {
            /* as many lines, empty: the rules after keep their line numbers */
            for (size_t k = 0; k < b->ast->text.len; k++) if (b->ast->text.s[k] == '\n') sb_putc(out, '\n');
        } else {
            sb_add(out, b->ast->text.s, b->ast->text.len);
        }
        if (!b->ast->text.len || b->ast->text.s[b->ast->text.len - 1] != '\n') sb_putc(out, '\n');
        sb_puts(out, SBPL_VERBATIM_END);
    }
}

/* Whether the traversal rules of an allow (add_implied) depend on the
 * values: a read, write or exec allow of a path that names a parameter,
 * unless an unfiltered final deny decides every metadata request.  Without
 * one, the traversal rules are the same with -D values as without, and the
 * rules as written find where they beat a deny.  The rules as written
 * decide it, so it is the same with -D values as without. */
static int has_traversal(const compilation *c)
{
    int meta = op_lookup("file-read-metadata", NULL), grants = 0;
    opset grant = { { 0 } };
    const char *const fams[] = { "file-read*", "file-write*", "process-exec*" };
    for (size_t i = 0; i < 3; i++) {
        const opset *s = &op_get(op_lookup(fams[i], NULL))->covers;
        for (size_t w = 0; w < OPS_MAX / 64; w++) grant.w[w] |= s->w[w];
    }
    for (size_t i = 0; i < c->pol.rules.n; i++) {
        const rule *r = c->pol.rules.v[i];
        if (r->final && r->action == ACT_DENY && r->m.kind == MK_NONE && opset_has(r->covers, meta)) return 0;
        if (r->action == ACT_ALLOW && !r->implied && opset_intersects(r->covers, &grant) &&
            mk_family(r->m.kind) == FAM_PATH && r->m.kind != MK_ANCESTORS && r->m.value &&
            memchr(r->m.value, PARAM_OPEN, r->m.len))
            grants = 1;
    }
    return grants;
}

/* With sink NULL: the whole profile into out, the header inserted before the
 * body once the parameters it names are known.  With a sink: the header
 * first, from predict_params, and the body in pieces of about EMIT_PIECE
 * bytes through out; returns 1 when the body's parameters turned out not to
 * match the header, -1 when the sink failed. */
static int emit_profile(compilation *c, const emit_opts *o, strbuf *out, const emit_sink *sink)
{
    emitter e;
    memset(&e, 0, sizeof e);
    e.c = c;
    e.a = &c->a;
    e.displays = arena_alloc(&c->a, (c->nunits + 1) * sizeof *e.displays);   /* zeroed */
    e.carries = arena_alloc(&c->a, c->nunits + 1);
    hm_init(&e.used);
    hm_init(&e.opnames);
    e.nmatchers = c->pol.rules.n;
    e.matchers = arena_alloc(&c->a, (e.nmatchers + 1) * sizeof *e.matchers);
    size_t start = out->len;
    const char **predicted = NULL;
    size_t npredicted = 0;
    if (sink) {
        predict_params(&e);
        predicted = used_names(&e, &npredicted);
        put_header(&e, out, predicted, npredicted);
        hm_free(&e.used);
        hm_init(&e.used);
    }
    strbuf *bodyp = out;
    e.out = bodyp;
    int failed = 0;
    put_verbatim(c, o, bodyp);

    policy *pol = &c->pol;
    rule **order = arena_alloc(&c->a, (pol->rules.n + 1) * sizeof *order);
    /* With -D values, overlaps are decided on the values: the output holds
     * only for them anyway.  Relations use resolved copies; printing uses
     * the originals (dup_of), so patterns still quote the values. */
    rule **view = pol->rules.v;
    if (c->defines.count) {
        view = arena_alloc(&c->a, (pol->rules.n + 1) * sizeof *view);
        for (size_t i = 0; i < pol->rules.n; i++) {
            rule *r = pol->rules.v[i];
            /* only a rule whose matcher names a parameter changes */
            int symbolic = r->m.kind == MK_ANCESTORS ||
                           (r->m.value && memchr(r->m.value, PARAM_OPEN, r->m.len)) ||
                           (r->m.fixed && memchr(r->m.fixed, PARAM_OPEN, r->m.fixed_len));
            view[i] = symbolic ? resolved_copy(&e, r) : r;
        }
    }
    ovl_index *ix = ovl_build(&c->a, view, pol->rules.n);
    ovl_index *symix = view != pol->rules.v ? ovl_build(&c->a, pol->rules.v, pol->rules.n) : NULL;
    e.symix = symix;
    e.meta = op_lookup("file-read-metadata", NULL);
    e.traversal = has_traversal(c);
    emission_order(&c->a, ix, order, pol->rules.n);
    e.byrank = order;
    e.rank = arena_alloc(&c->a, (pol->rules.n + 1) * sizeof *e.rank);
    for (size_t i = 0; i < pol->rules.n; i++) e.rank[order[i]->id] = (unsigned)i;
    e.idbits = arena_alloc(&c->a, (pol->rules.n / 64 + 1) * sizeof *e.idbits);
    section_t cur = SEC_NONE;
    int implied_hdr = 0;
    e.compact = o && o->compact;
    if (e.compact) {
        hm_init(&e.groupmap);
        e.rfirst = xcalloc(pol->rules.n + 1, sizeof *e.rfirst);
        e.fvidx = xcalloc(pol->rules.n + 1, sizeof *e.fvidx);
    }
    for (size_t i = 0; i < pol->rules.n && !failed; i++) {
        const rule *r = order[i];
        if (i + 16 < pol->rules.n) { const char *f = (const char *)order[i + 16]; PREFETCH(f); PREFETCH(f + 64); PREFETCH(f + 128); }
        if (i + 8 < pol->rules.n) { const rule *f = order[i + 8]; PREFETCH(f->m.value); PREFETCH(f->origins); }
        if (e.compact) { emit_rule(&e, ix, r, o); continue; }
        if (r->section != cur) {
            cur = r->section;
            implied_hdr = 0;
            sb_printf(bodyp, "\n;; %s\n", section_name(cur));
        }
        if (r->implied == 1 && !implied_hdr) { sb_puts(bodyp, ";; traversal: ancestors of allowed paths\n"); implied_hdr = 1; }
        if (r->implied != 1 && implied_hdr == 1) { sb_puts(bodyp, ";; rules\n"); implied_hdr = 2; }
        emit_rule(&e, ix, r, o);
        /* between rules only: a memo is copied out of the buffer within one */
        if (sink && bodyp->len >= EMIT_PIECE) {
            if (sink->write(sink->ud, bodyp->data, bodyp->len) != 0) failed = 1;
            sb_reset(bodyp);
        }
    }
    if (e.compact && !(o && o->break_order)) merge_all(&e, ix);
    for (size_t g = 0; e.compact && g < e.ngroups && !failed; g++) {
        if (e.groups[g].merged) continue;
        if (e.groups[g].section != cur) {
            cur = e.groups[g].section;
            sb_printf(bodyp, "\n;; %s\n", section_name(cur));
        }
        put_group(&e, &e.groups[g]);
        if (sink && bodyp->len >= EMIT_PIECE) {
            if (sink->write(sink->ud, bodyp->data, bodyp->len) != 0) failed = 1;
            sb_reset(bodyp);
        }
    }
    if (e.compact) {
        free(e.pieces);
        free(e.groups);
        free(e.rfirst);
        free(e.fvidx);
        free(e.fvals);
        hm_free(&e.groupmap);
    }
    ovl_free(ix);
    if (symix) ovl_free(symix);
    for (size_t i = 0; i < pol->nraw && !failed; i++) {
        const raw_block *b = &pol->raw[i];
        if (b->ast->verbatim) continue;
        source_pos p = source_position(b->u->src, b->ast->at.start);
        sb_puts(bodyp, "\n;; raw sbpl from ");
        put_comment_text(bodyp, b->u->display);
        sb_printf(bodyp, ":%u", p.line);
        put_block_suppressions(c, b, bodyp);
        sb_putc(bodyp, '\n');
        sb_add(bodyp, b->ast->text.s, b->ast->text.len);
        if (b->ast->text.len && b->ast->text.s[b->ast->text.len - 1] != '\n') sb_putc(bodyp, '\n');
    }

    size_t nn;
    const char **names = used_names(&e, &nn);
    int rc = 0;
    if (sink) {
        if (failed) rc = -1;
        else if (!same_names(predicted, npredicted, names, nn)) rc = 1;
        else if (bodyp->len && sink->write(sink->ud, bodyp->data, bodyp->len) != 0) rc = -1;
        sb_reset(bodyp);
    } else {
        /* insert the header before the body */
        strbuf hdr;
        sb_init(&hdr);
        put_header(&e, &hdr, names, nn);
        size_t blen = out->len - start;
        sb_grow(out, hdr.len);
        if (blen) memmove(out->data + start + hdr.len, out->data + start, blen);
        memcpy(out->data + start, hdr.data, hdr.len);
        out->len += hdr.len;
        out->data[out->len] = 0;
        sb_free(&hdr);
    }
    free(names);
    free(predicted);
    hm_free(&e.used);
    hm_free(&e.opnames);
    return rc;
}

void emit_sbpl(compilation *c, const emit_opts *o, strbuf *out)
{
    emit_profile(c, o, out, NULL);
}

int emit_sbpl_stream(compilation *c, const emit_opts *o, const emit_sink *sink)
{
    strbuf chunk;
    sb_init(&chunk);
    sb_grow(&chunk, EMIT_PIECE + 4096);
    int rc = emit_profile(c, o, &chunk, sink);
    sb_free(&chunk);
    return rc;
}
