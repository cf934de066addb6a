/* emit_fold.c - many path filters as a few anchored regexes.
 *
 * The compact SBPL form (emit_sbpl.c) writes the concrete path filters of
 * one rule group (or of one carve-out) as alternations: every filter is a
 * regex body B (the regex without its ^ and $: a literal's quoted path, a
 * subpath's quoted path followed by (/.*)?, a glob's or regex's own text),
 * and a run of bodies B1..Bn becomes ^P(M1|...|Mn)S$ where each Bi is P Mi S
 * token by token.  A token is an atom (an escape, a bracket expression, a
 * group, or one character) with its quantifiers, and a body is a sequence of
 * tokens without a top-level '|', '^' or '$', so the alternation matches
 * exactly the union of the bodies.  Each regex is one SBPL string of at most
 * SBPL_MAX_LITERAL bytes as written (escapes counted); values that do not
 * fit start the next regex. */
#include "emit.h"
#include <stdlib.h>
#include <string.h>

/* Bytes s takes inside an SBPL string literal. */
static size_t sbpl_cost(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '"' || ch == '\\' || ch == '\n' || ch == '\t' || ch == '\r') n += 2;
        else if (ch < 0x20 || ch == 0x7f) n += 4;
        else n++;
    }
    return n;
}

/* The end of the bracket expression at s[i] ('['), or 0: one whose end is
 * not plain to see (a class such as [:alpha:], a backslash, a '[' inside)
 * is not folded. */
static size_t bracket_end(const char *s, size_t len, size_t i)
{
    size_t j = i + 1;
    if (j < len && s[j] == '^') j++;
    if (j < len && s[j] == ']') j++;
    while (j < len && s[j] != ']') {
        if (s[j] == '[' || s[j] == '\\') return 0;
        j++;
    }
    return j < len ? j + 1 : 0;
}

/* The end of the token at s[i], or 0 when s is not a well-formed sequence
 * of tokens there (or the token is a top-level '|', '^' or '$'). */
static size_t token_end(const char *s, size_t len, size_t i)
{
    size_t j = i;
    char ch = s[j];
    if (ch == '\\') {
        if (j + 1 >= len) return 0;
        j += 2;
    } else if (ch == '[') {
        if (!(j = bracket_end(s, len, j))) return 0;
    } else if (ch == '(') {
        int depth = 0;
        while (j < len) {
            if (s[j] == '\\') { j += 2; continue; }
            if (s[j] == '[') {
                if (!(j = bracket_end(s, len, j))) return 0;
                continue;
            }
            if (s[j] == '(') depth++;
            else if (s[j] == ')' && --depth == 0) break;
            j++;
        }
        if (j >= len) return 0;
        j++;
    } else if (ch == '|' || ch == '^' || ch == '$' || ch == ')' || ch == '*' || ch == '+' || ch == '?' || ch == '{') {
        return 0;
    } else {
        j++;
    }
    while (j < len) {                              /* quantifiers */
        if (s[j] == '*' || s[j] == '+' || s[j] == '?') { j++; continue; }
        if (s[j] == '{') {
            size_t k = j + 1;
            while (k < len && s[k] != '}') k++;
            if (k >= len) return 0;
            j = k + 1;
            continue;
        }
        break;
    }
    return j > len ? 0 : j;
}

/* Token ends of body v into v->tok (malloc'd); 0 when it is not foldable. */
static int tokenize(fold_value *v)
{
    size_t cap = 16, n = 0;
    v->tok = xmalloc(cap * sizeof *v->tok);
    for (size_t i = 0; i < v->len;) {
        size_t e = token_end(v->s, v->len, i);
        if (!e) { free(v->tok); v->tok = NULL; v->ntok = 0; return 0; }
        if (n == cap) { cap *= 2; v->tok = xrealloc(v->tok, cap * sizeof *v->tok); }
        v->tok[n++] = e;
        i = e;
    }
    v->ntok = n;
    return n > 0;
}

static size_t tok_start(const fold_value *v, size_t k) { return k ? v->tok[k - 1] : 0; }

static int tok_eq(const fold_value *a, size_t ka, const fold_value *b, size_t kb)
{
    size_t sa = tok_start(a, ka), la = a->tok[ka] - sa, sb = tok_start(b, kb), lb = b->tok[kb] - sb;
    return la == lb && memcmp(a->s + sa, b->s + sb, la) == 0;
}

int fold_regex_body(const char *re, size_t len, const char **body, size_t *blen)
{
    if (len < 2 || re[0] != '^' || re[len - 1] != '$') return 0;
    /* the final '$' must not be escaped: an even run of backslashes before it */
    size_t bs = 0;
    while (bs + 2 <= len - 1 && re[len - 2 - bs] == '\\') bs++;
    if (bs % 2) return 0;
    fold_value v = { re + 1, len - 2, 0, NULL, 0, NULL, 0, 0 };
    int ok = tokenize(&v);
    free(v.tok);
    if (!ok) return 0;
    *body = re + 1;
    *blen = len - 2;
    return 1;
}

/* Common leading tokens of a and b (at most bound), and trailing ones. */
static size_t lead_tokens(const fold_value *a, const fold_value *b, size_t bound)
{
    size_t k = 0;
    while (k < bound && k < a->ntok && k < b->ntok && tok_eq(a, k, b, k)) k++;
    return k;
}

static size_t tail_tokens(const fold_value *a, const fold_value *b, size_t bound)
{
    size_t k = 0;
    while (k < bound && k < a->ntok && k < b->ntok && tok_eq(a, a->ntok - 1 - k, b, b->ntok - 1 - k)) k++;
    return k;
}

/* The shared head and tail, in tokens, of bodies whose common leading and
 * trailing tokens are p and s and whose shortest has mn tokens: every
 * middle keeps at least one token. */
static void clamp_ps(size_t *p, size_t *s, size_t mn)
{
    if (*p > mn - 1) *p = mn - 1;
    if (*s > mn - 1 - *p) *s = mn - 1 - *p;
}

/* The regex for v[0..n) into re. */
static void fold_regex(strbuf *re, const fold_value *v, size_t n)
{
    sb_reset(re);
    sb_putc(re, '^');
    if (n == 1) { sb_add(re, v[0].s, v[0].len); sb_putc(re, '$'); return; }
    size_t p = v[0].ntok, s = v[0].ntok, mn = v[0].ntok;
    for (size_t i = 1; i < n; i++) {
        p = lead_tokens(&v[0], &v[i], p);
        s = tail_tokens(&v[0], &v[i], s);
        if (v[i].ntok < mn) mn = v[i].ntok;
    }
    clamp_ps(&p, &s, mn);
    size_t pre = tok_start(&v[0], p);
    sb_add(re, v[0].s, pre);
    sb_putc(re, '(');
    for (size_t i = 0; i < n; i++) {
        size_t a = tok_start(&v[i], p), b = tok_start(&v[i], v[i].ntok - s);
        if (i) sb_putc(re, '|');
        sb_add(re, v[i].s + a, b - a);
    }
    sb_putc(re, ')');
    size_t suf = tok_start(&v[0], v[0].ntok - s);
    sb_add(re, v[0].s + suf, v[0].len - suf);
    sb_putc(re, '$');
}

static int body_cmp(const void *a, const void *b)
{
    const fold_value *x = a, *y = b;
    size_t m = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->s, y->s, m);
    if (c) return c;
    return x->len < y->len ? -1 : x->len > y->len;
}

/* By the last token, then as text: bodies with the same tail (a subpath's
 * (/.*)?, say) side by side, heads sorted within. */
static int tail_cmp(const void *a, const void *b)
{
    const fold_value *x = a, *y = b;
    size_t sa = tok_start(x, x->ntok - 1), la = x->len - sa, sb = tok_start(y, y->ntok - 1), lb = y->len - sb;
    size_t m = la < lb ? la : lb;
    int c = memcmp(x->s + sa, y->s + sb, m);
    if (c) return c;
    if (la != lb) return la < lb ? -1 : 1;
    return body_cmp(a, b);
}

/* By tokens from the end: bodies with the same tail in one run. */
static int rev_cmp(const void *a, const void *b)
{
    const fold_value *x = a, *y = b;
    size_t i = x->ntok, j = y->ntok;
    while (i && j) {
        size_t sa = tok_start(x, i - 1), la = x->tok[i - 1] - sa, sb = tok_start(y, j - 1), lb = y->tok[j - 1] - sb;
        size_t m = la < lb ? la : lb;
        int c = memcmp(x->s + sa, y->s + sb, m);
        if (c) return c;
        if (la != lb) return la < lb ? -1 : 1;
        i--;
        j--;
    }
    if (i != j) return i < j ? -1 : 1;
    return body_cmp(a, b);
}

static void put_one(strbuf *out, const fold_value *v)
{
    if (v->raw) {
        sb_puts(out, v->subpath ? "(subpath " : "(literal ");
        sbpl_string(out, v->raw, v->rawlen);
    } else {
        strbuf re;
        sb_init(&re);
        fold_regex(&re, v, 1);
        sb_puts(out, "(regex ");
        sbpl_string(out, re.data, re.len);
        sb_free(&re);
    }
    sb_putc(out, ')');
}

/* v[0..n) in its order, greedily in runs that fit: the cost of a run's
 * regex as written is 4 + (k - 1) + the bodies' costs - (k - 1) times the
 * shared head's and tail's (the bytes are written once, not k times). */
static size_t fold_run(strbuf *out, const fold_value *v, size_t n, const char *sep, int first)
{
    strbuf re;
    sb_init(&re);
    size_t count = 0;
    for (size_t i = 0; i < n;) {
        size_t p = v[i].ntok, s = v[i].ntok, mn = v[i].ntok, sum = v[i].cost;
        size_t j = i + 1;
        while (j < n) {
            size_t np = lead_tokens(&v[i], &v[j], p), ns = tail_tokens(&v[i], &v[j], s);
            size_t nmn = v[j].ntok < mn ? v[j].ntok : mn, nsum = sum + v[j].cost;
            size_t pp = np, ss = ns, k = j - i + 1;
            clamp_ps(&pp, &ss, nmn);
            size_t cp = sbpl_cost(v[i].s, tok_start(&v[i], pp));
            size_t st = tok_start(&v[i], v[i].ntok - ss);
            size_t cs = sbpl_cost(v[i].s + st, v[i].len - st);
            size_t total = 4 + (k - 1) + nsum - (k - 1) * (cp + cs);
            if (total > SBPL_MAX_LITERAL) break;
            p = np;
            s = ns;
            mn = nmn;
            sum = nsum;
            j++;
        }
        if (!(first && count == 0)) sb_puts(out, sep);
        if (j - i == 1) {
            put_one(out, &v[i]);
        } else {
            fold_regex(&re, v + i, j - i);
            sb_puts(out, "(regex ");
            sbpl_string(out, re.data, re.len);
            sb_putc(out, ')');
        }
        count++;
        i = j;
    }
    sb_free(&re);
    return count;
}

size_t fold_paths(strbuf *out, fold_value *v, size_t n, const char *sep, int first)
{
    if (n == 0) return 0;
    size_t m = 0;                   /* the foldable ones; the others alone */
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        if (tokenize(&v[i])) { v[i].cost = sbpl_cost(v[i].s, v[i].len); v[m++] = v[i]; continue; }
        if (!(first && count == 0)) sb_puts(out, sep);
        put_one(out, &v[i]);
        count++;
    }
    if (m) {
        qsort(v, m, sizeof *v, body_cmp);
        size_t d = 0;                                  /* distinct bodies */
        for (size_t i = 0; i < m; i++) {
            if (d && body_cmp(&v[d - 1], &v[i]) == 0) { free(v[i].tok); continue; }
            v[d++] = v[i];
        }
        m = d;
        /* three orders (by text; by last token, then text; by tokens
         * from the end): the fewest filters, then the fewest bytes */
        static int (*const order[])(const void *, const void *) = { body_cmp, tail_cmp, rev_cmp };
        int f = first && count == 0;
        strbuf best;
        sb_init(&best);
        size_t nbest = 0;
        for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
            strbuf t;
            sb_init(&t);
            if (k) qsort(v, m, sizeof *v, order[k]);
            size_t nt = fold_run(&t, v, m, sep, f);
            if (k == 0 || nt < nbest || (nt == nbest && t.len < best.len)) {
                sb_free(&best);
                best = t;
                nbest = nt;
            } else {
                sb_free(&t);
            }
        }
        sb_add(out, best.data ? best.data : "", best.len);
        count += nbest;
        sb_free(&best);
        for (size_t i = 0; i < m; i++) free(v[i].tok);
    }
    return count;
}
