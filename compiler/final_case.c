/* final_case.c - a final path deny holds in every case of its letters
 * (docs/language.md, "Final rules and case"): a macOS volume is
 * case-insensitive unless made otherwise, so creating ".MCP.JSON" makes the
 * file a later lookup of ".mcp.json" finds, while Seatbelt compares the
 * name as the creating program spelled it; and a name written in another
 * case than the volume keeps ("/Users/x/.SSH", "/private/ETC/x") names
 * the file the kernel reports as kept.  For every final path deny with a
 * letter in its written text (ASCII, or one case_pairs.c knows) or a
 * parameter's value that is folded (where it stands inside the path or may
 * make a /private alias, a root value being a path that exists, whatever
 * text is written around it), a final deny of the same operation, and of
 * creating and linking the path, with each letter in both cases.  Added
 * after the final checks: the rule it folds was checked already. */
#include "compile.h"
#include "patterns.h"
#include "../seatbelt/regex_syntax.h"
#include "../support/param_marks.h"
#include "../support/strbuf.h"
#include "expand.h"
#include <string.h>

static int is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static char other_case(char c) { return c >= 'a' && c <= 'z' ? (char)(c - 32) : (char)(c + 32); }

/* the letters of [lo, hi] within [from, to], in the other case, as a range */
static void put_other_range(strbuf *out, unsigned char lo, unsigned char hi, char from, char to)
{
    unsigned char a = lo > (unsigned char)from ? lo : (unsigned char)from;
    unsigned char b = hi < (unsigned char)to ? hi : (unsigned char)to;
    if (a > b) return;
    sb_putc(out, other_case((char)a));
    if (b > a) { sb_putc(out, '-'); sb_putc(out, other_case((char)b)); }
}

/* A bracket expression at v[i] ('['), of a glob when glob is set and of a
 * regex otherwise: copied with the other case of each letter and letter
 * range added (a negated one then excludes both cases).  Returns the
 * offset after its ']', or 0 when it does not close. */
static size_t fold_bracket(strbuf *out, const char *v, size_t len, size_t i, int glob, int *letters)
{
    size_t j = i + 1;
    if (j < len && (v[j] == '!' || v[j] == '^')) j++;
    if (j < len && v[j] == ']') j++;              /* a leading ']' is a member */
    while (j < len && v[j] != ']') j++;
    if (j >= len) return 0;
    size_t k = i + 1;
    if (v[k] == '!' || v[k] == '^') {
        /* a negated one matches the letters it leaves out: folded, it
         * leaves out only what it leaves out in both cases (and, with a
         * character of several bytes in it, stays as written) */
        unsigned char ex[256] = { 0 };
        int ascii = 1;
        for (size_t m = k + 1; m < j; m++) {
            unsigned char lo = (unsigned char)v[m], hi = lo;
            if (m + 2 < j && v[m + 1] == '-') { hi = (unsigned char)v[m + 2]; m += 2; }
            if (lo >= 0x80 || hi >= 0x80) ascii = 0;
            for (unsigned c = lo; c <= hi; c++) ex[c] = 1;
        }
        if (!ascii) { sb_add(out, v + i, j + 1 - i); return j + 1; }
        int changed = 0;
        for (unsigned c = 0; c < 128; c++)
            if (ex[c] && is_letter((char)c) && !ex[(unsigned char)other_case((char)c)]) { ex[c] = 0; changed = 1; }
        if (!changed) { sb_add(out, v + i, j + 1 - i); return j + 1; }
        *letters = 1;
        int any = 0;
        for (unsigned c = 0; c < 128; c++) any |= ex[c];
        /* one character: a glob's '?' (of one component, as its negated
         * classes are), a regex's '.'; a glob negates with '!' or '^' */
        if (!any) { sb_putc(out, glob ? '?' : '.'); return j + 1; }
        sb_putc(out, '[');
        sb_putc(out, v[k]);
        if (ex[']']) sb_putc(out, ']');
        for (unsigned c = 1; c < 128; c++)
            if (ex[c] && c != ']' && c != '-' && c != '\\') sb_putc(out, (char)c);   /* '\\' left in: more denied */
        if (ex['-']) sb_putc(out, '-');
        sb_putc(out, ']');
        return j + 1;
    }
    /* a '-' last is a member: the other cases go before it, or it would
     * make a range of the last one ([a-] is not [a-A]) */
    size_t end = j - (j - 1 > k && v[j - 1] == '-');
    sb_add(out, v + i, end - i);
    for (; k < end; k++) {
        unsigned char lo = (unsigned char)v[k], hi = lo;
        if (k + 2 < end && v[k + 1] == '-') { hi = (unsigned char)v[k + 2]; k += 2; }
        if (hi < lo) continue;
        size_t before = out->len;
        put_other_range(out, lo, hi, 'a', 'z');
        put_other_range(out, lo, hi, 'A', 'Z');
        if (out->len != before) *letters = 1;
    }
    if (end < j) sb_putc(out, '-');
    sb_putc(out, ']');
    return j + 1;
}

/* Whether a value may put the path under /private (macOS's /tmp, /var and
 * /etc): a parameter first followed by one of those ("$P/etc/x", P=/), by
 * text glued to it ("${P}p/b", P=/tm; "$P$D/b") or by a component with a
 * parameter in it ("$P/$D/b", P=/, D=tmp), or one in the first component
 * ("/$D/x", D=tmp; "/t$X", X=mp).  The rule
 * itself is written through NAME.pre, NAME.rootre or a guard; its fold
 * takes the path with and without /private, on the values and without
 * them alike (under /private for a value that makes no alias, a path no
 * rule meant: denying to make it there costs nothing).  Wider than
 * implied.c's glued_first (a value glued to text in the first component,
 * where no one value says it): 1 for every template that is. */
static int may_alias(const char *v, size_t len)
{
    if (!len) return 0;
    if (v[0] == PARAM_OPEN) {
        const char *e = memchr(v, PARAM_CLOSE, len);
        if (!e) return 0;
        const char *r = e + 1, *end = v + len;
        if (r == end || *r != '/') return 1;
        if (private_alias(r, (size_t)(end - r), "") != NULL) return 1;
        for (const char *q = r + 1; q < end && *q != '/'; q++)
            if (*q == PARAM_OPEN) return 1;
        return 0;
    }
    for (size_t i = 1; v[0] == '/' && i < len && v[i] != '/'; i++)
        if (v[i] == PARAM_OPEN) return 1;
    return 0;
}

/* glob_to_regex's parameter writer for a folded glob: the marker as it is */
static void keep_param(strbuf *out, const char *name, size_t n, void *ud)
{
    (void)ud;
    sb_putc(out, PARAM_OPEN);
    sb_add(out, name, n);
    sb_putc(out, PARAM_CLOSE);
}

static int fold_text_as(strbuf *out, const matcher *m);

/* m's value with its letters in both cases: a glob's as a glob (which
 * matches below its matches too), the others as a regex; 0 when it has no
 * letter of its own nor a value it folds, or is not understood.  *kind is
 * the kind of the text: a glob whose value may make an alias ("/$D/x*"
 * with D=TMP is /private/tmp/x) is written as the regex of its fold after
 * "^(/private)?", as a literal is (a glob cannot say that). */
static int fold_text(strbuf *out, const matcher *m, matcher_kind *kind)
{
    *kind = m->kind == MK_GLOB ? MK_GLOB : MK_REGEX;
    if (m->kind != MK_GLOB || !may_alias(m->value, m->len)) return fold_text_as(out, m);
    strbuf g;
    sb_init(&g);
    int r = fold_text_as(&g, m);
    if (r) {
        sb_puts(out, "^(/private)?");
        size_t at = out->len;
        glob_to_regex(out, g.data ? g.data : "", g.len, keep_param, NULL);
        memmove(out->data + at, out->data + at + 1, out->len - at);      /* its '^' */
        out->len--;
        *kind = MK_REGEX;
    }
    sb_free(&g);
    return r;
}

static int fold_text_as(strbuf *out, const matcher *m)
{
    const char *v = m->value;
    size_t len = m->len;
    int letters = 0, glob = m->kind == MK_GLOB, regex = m->kind == MK_REGEX;
    int alias = may_alias(v, len);
    if (!glob && !regex) sb_puts(out, alias ? "^(/private)?" : "^");
    for (size_t i = 0; i < len; i++) {
        char c = v[i];
        if (c == PARAM_OPEN) {
            const char *e = memchr(v + i, PARAM_CLOSE, len - i);
            if (!e) return 0;
            /* in every case too (NAME.fold) where the value may make an
             * alias ("/$D/x" with D=TMP is /private/tmp/x) or stands inside
             * the path: a name such as a project's ("/q/$D" with
             * D=secrets: /q/SECRETS made is the /q/secrets a later lookup
             * opens); a root value is a path that exists, as the system
             * spells it */
            int fold = (alias || i > 0) && !memchr(v + i, '.', (size_t)(e - (v + i)));
            sb_add(out, v + i, (size_t)(e - (v + i)));
            /* a value inside the path may have letters where the written
             * text has none ("/1/$D", "$WORKDIR/$CONFIG"): folded, it makes
             * the rule (a root value alone, "$P", stays as given) */
            if (fold) { sb_puts(out, ".fold"); letters |= i > 0; }
            sb_putc(out, PARAM_CLOSE);
            i = (size_t)(e - v);
            continue;
        }
        size_t u = (unsigned char)c >= 0xC0 ? regex_fold_utf8(out, v + i, len - i, glob) : 0;
        if (u) { letters = 1; i += u - 1; continue; }
        if ((glob || regex) && c == '\\' && i + 1 < len) {
            if (is_letter(v[i + 1]) && glob) { regex_fold_byte(out, v[i + 1]); letters = 1; }
            else sb_add(out, v + i, 2);
            i++;
            continue;
        }
        if ((glob || regex) && c == '[') {
            size_t next = fold_bracket(out, v, len, i, glob, &letters);
            if (!next) return 0;
            i = next - 1;
            continue;
        }
        if (is_letter(c)) { regex_fold_byte(out, c); letters = 1; continue; }
        if (glob || regex) sb_putc(out, c);
        else regex_quote(out, &c, 1);
    }
    if (!letters) return 0;
    /* anchored at both ends, as the compact output folds many into one */
    if (m->kind == MK_LITERAL) sb_putc(out, '$');
    if (m->kind == MK_SUBPATH) sb_puts(out, len && v[len - 1] == '/' ? ".*$" : "(/.*)?$");
    if (m->kind == MK_PREFIX) sb_puts(out, ".*$");
    return 1;
}

static void add_folded(compilation *c, const rule *f, int op, int holder)
{
    strbuf t;
    sb_init(&t);
    matcher_kind kind;
    if (!fold_text(&t, &f->m, &kind)) { sb_free(&t); return; }
    rule *r = arena_alloc(&c->a, sizeof *r);
    *r = *f;
    r->op = op;
    r->verb = op_get(op)->name;
    r->covers = &op_get(op)->covers;
    r->m.kind = kind;
    r->m.len = t.len;
    r->m.value = arena_strndup(&c->a, t.data, t.len);
    r->m.plain = 0;
    sb_free(&t);
    matcher_finish(&c->a, &r->m);
    r->m.holder = holder;
    /* it ranks as the path it folds: its own fixed part ends at its first
     * letter, which would rank it below a rule the path outranks */
    r->m.spec_a = f->m.spec_a;
    r->m.spec_b = f->m.spec_b;
    if (rs_get(&c->pol.rule_index, r)) return;
    r->implied = IMPL_CASE;
    r->dup_of = NULL;
    r->origins = arena_alloc(&c->a, sizeof *r->origins);
    *r->origins = *f->origins;
    r->origins->next = NULL;
    r->id = (unsigned)c->pol.rules.n;
    rule_vec_push(&c->pol.rules, r);
    rs_put(&c->pol.rule_index, r);
}

int fold_of_making(const rule *f)
{
    return f->op == op_lookup("file-write-create", NULL) || f->op == op_lookup("file-link", NULL);
}

void add_final_cases(compilation *c)
{
    /* Linux volumes compare names byte for byte */
    if (compile_platform(c) != PLAT_MACOS) return;
    /* making the path, and giving a file the path as a second name */
    static const char *const ops[] = { "file-write-create", "file-link" };
    size_t n = c->pol.rules.n;
    for (size_t i = 0; i < n; i++) {
        const rule *f = c->pol.rules.v[i];
        /* each written final deny, with what it denies on its own matcher
         * written or implied (add_final_moves): decided from the rule
         * alone, so that an implied deny of the same path for another
         * final rule (an ancestor's, written on the values with -D and as
         * the parameter's ancestors without) never takes its place,
         * whatever the order of the rules */
        if (!f->final || f->action != ACT_DENY || f->implied || f->dup_of || !f->origins || !f->m.value) continue;
        if (mk_family(f->m.kind) != FAM_PATH || f->m.kind == MK_ANCESTORS) continue;
        /* what it denies, in every case: a name written in another case
         * than the volume keeps ("/Users/x/.SSH", "/private/ETC/x") is
         * the file the kernel names as kept; and making the path, on the
         * concrete operations, which outrank a final allow of the family
         * more specific than the path (BK2005) */
        add_folded(c, f, f->op, 0);
        for (size_t k = 0; k < sizeof ops / sizeof *ops; k++) {
            int op = op_lookup(ops[k], NULL), how = final_self_denies(f, op);
            if (how) add_folded(c, f, op, how == 2);
        }
    }
}
