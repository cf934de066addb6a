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
#include "../support/keysort.h"
#include "../seatbelt/regex_syntax.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* One fold_paths call's memory: token arrays, encodings and pieces live in
 * its arena, freed at the end; ends is scratch for tokenize. */
typedef struct folder {
    arena a;
    size_t *ends;
    size_t cap;
} folder;

/* The bytes each byte takes inside an SBPL string literal, less one
 * (put_literals: an escape for " \\ and the usual controls, \\xHH for the
 * other controls and DEL). */
static const unsigned char escape_extra[256] = {
    3, 3, 3, 3, 3, 3, 3, 3, 3, 1, 1, 3, 3, 1, 3, 3,     /* \t \n \r */
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,     /* " */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,     /* \\ */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3,     /* DEL */
};

/* Bytes s takes inside an SBPL string literal. */
static size_t sbpl_cost(const char *s, size_t len)
{
    size_t n = len;
    for (size_t i = 0; i < len; i++) n += escape_extra[(unsigned char)s[i]];
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

/* Whether s[0..len) is a non-empty sequence of well-formed tokens; their
 * ends into ends[] (room for len) when ends is set. */
static int plain_byte(char ch)
{
    switch (ch) {
    case '\\': case '[': case '(': case ')': case '|': case '^': case '$': case '*': case '+': case '?': case '{':
        return 0;
    default:
        return 1;
    }
}

static size_t token_ends(const char *s, size_t len, size_t *ends)
{
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        /* most tokens are one character without a quantifier */
        size_t e = plain_byte(s[i]) && (i + 1 == len || (s[i + 1] != '*' && s[i + 1] != '+' && s[i + 1] != '?' && s[i + 1] != '{'))
                       ? i + 1
                       : token_end(s, len, i);
        if (!e) return 0;
        if (ends) ends[n] = e;
        n++;
        i = e;
    }
    return n;
}

/* How deep trie() nests its groups; deeper sets are written flat. */
#define TRIE_DEPTH 24
/* A fold adds at most TRIE_DEPTH + 2 levels of groups around a body (the
 * trie's, a flat group below it, heads times tails): a body nesting deeper
 * than this is written alone, so no output regex passes REGEX_MAX_DEPTH. */
#define FOLD_BODY_DEPTH (REGEX_MAX_DEPTH - TRIE_DEPTH - 8)

/* Whether the groups of s[0..len) nest deeper than FOLD_BODY_DEPTH. */
static int too_deep_to_fold(const char *s, size_t len)
{
    int depth = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\\') i++;
        else if (s[i] == '[') { size_t e = bracket_end(s, len, i); if (!e) return 0; i = e - 1; }
        else if (s[i] == '(' && ++depth > FOLD_BODY_DEPTH) return 1;
        else if (s[i] == ')') depth--;
    }
    return 0;
}

/* Token ends of body v into v->tok, its encoding into v->enc and its token
 * words into v->tw (all in arena a), its cost into v->cost; 0 when it is
 * not foldable.  The encoding is every token followed by a NUL byte (a body
 * holds none: strings cannot), so that two token sequences compare as their
 * encodings do, byte by byte; a token's word holds its length and up to 7
 * of its bytes, so that most tokens compare as one integer. */
static int tokenize_into(arena *a, fold_value *v, size_t **ends, size_t *cap)
{
    v->tok = NULL;
    v->ntok = 0;
    v->enc = NULL;
    v->tw = NULL;
    if (memchr(v->s, '\0', v->len)) return 0;
    if (memchr(v->s, '(', v->len) && too_deep_to_fold(v->s, v->len)) return 0;
    size_t n;
    if (ends) {
        if (*cap < v->len) {
            *cap = v->len * 2;
            *ends = xrealloc(*ends, *cap * sizeof **ends);
        }
        n = token_ends(v->s, v->len, *ends);
        if (!n) return 0;
        v->tok = arena_alloc(a, n * sizeof *v->tok);
        memcpy(v->tok, *ends, n * sizeof *v->tok);
    } else {
        n = token_ends(v->s, v->len, NULL);
        if (!n) return 0;
        v->tok = arena_alloc(a, n * sizeof *v->tok);
        token_ends(v->s, v->len, v->tok);
    }
    v->ntok = n;
    char *enc = arena_alloc(a, v->len + n);          /* zeroed: the NULs are there */
    unsigned long long *tw = arena_alloc(a, n * sizeof *tw);
    for (size_t k = 0, i = 0; k < n; k++) {
        size_t e = v->tok[k], l = e - i;
        unsigned long long w = l < 255 ? l : 255;
        for (size_t j = 0; i < e; i++, j++) {
            enc[i + k] = v->s[i];
            if (j < 7) w |= (unsigned long long)(unsigned char)v->s[i] << (8 * (j + 1));
        }
        tw[k] = w;
    }
    v->enc = enc;
    v->tw = tw;
    v->cost = sbpl_cost(v->s, v->len);
    v->wide = 0;
    for (size_t i = 0; i < v->len && !v->wide; i++) v->wide = (unsigned char)v->s[i] >= 0x80;
    return 1;
}

static int tokenize(folder *f, fold_value *v)
{
    return tokenize_into(&f->a, v, &f->ends, &f->cap);
}

int fold_prepare(arena *a, fold_value *v)
{
    return tokenize_into(a, v, NULL, NULL);
}

static size_t tok_start(const fold_value *v, size_t k) { return k ? v->tok[k - 1] : 0; }

static inline int tok_eq(const fold_value *a, size_t ka, const fold_value *b, size_t kb)
{
    unsigned long long w = a->tw[ka];
    if (w != b->tw[kb]) return 0;
    if ((w & 0xff) <= 7) return 1;
    size_t sa = tok_start(a, ka), la = a->tok[ka] - sa, sb = tok_start(b, kb), lb = b->tok[kb] - sb;
    return la == lb && memcmp(a->s + sa, b->s + sb, la) == 0;
}

/* Where tokens [from, to) of v start and end in v->enc. */
static size_t enc_at(const fold_value *v, size_t k) { return tok_start(v, k) + k; }

/* The length of the common prefix of a[0..n) and b[0..n). */
static size_t common_bytes(const char *a, const char *b, size_t n)
{
    size_t i = 0;
    while (i + 8 <= n) {
        uint64_t x, y;
        memcpy(&x, a + i, 8);
        memcpy(&y, b + i, 8);
        if (x != y) break;
        i += 8;
    }
    while (i < n && a[i] == b[i]) i++;
    return i;
}

/* ---- sorting by byte strings ------------------------------------------------
 * Every order below is that of a byte string built for each element (an
 * encoding, a NUL between parts that compare one after the other: a NUL
 * sorts before any byte of a token), sorted by keysort without a
 * comparison callback; equal keys keep their order, as a stable sort would. */

typedef struct fkey {
    char *s;
    size_t len;
} fkey;

/* Whether k[0..n) is in order already (equal keys side by side). */
static int keys_sorted(const fkey *k, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        size_t m = k[i - 1].len < k[i].len ? k[i - 1].len : k[i].len;
        int c = memcmp(k[i - 1].s, k[i].s, m);
        if (c > 0 || (c == 0 && k[i - 1].len > k[i].len)) return 0;
    }
    return 1;
}

static keysort_item *key_order(const fkey *k, size_t n)
{
    keysort_item *it = xmalloc((n + 1) * sizeof *it);
    for (size_t i = 0; i < n; i++) it[i] = (keysort_item){ 0, k[i].s, (uint32_t)k[i].len, (uint32_t)i, NULL };
    keysort(it, n);
    return it;
}

/* v[0..n) of type T in the order of the keys k[0..n). */
#define SORT_KEYED(T, v, n, k)                                              \
    do {                                                                    \
        if ((n) < 2 || keys_sorted((k), (n))) break;                        \
        keysort_item *it_ = key_order((k), (n));                            \
        T *tmp_ = xmalloc((n) * sizeof *tmp_);                              \
        for (size_t i_ = 0; i_ < (n); i_++) tmp_[i_] = (v)[it_[i_].id];     \
        memcpy((v), tmp_, (n) * sizeof *tmp_);                              \
        free(tmp_);                                                         \
        free(it_);                                                          \
    } while (0)

/* A key of len bytes in f's arena (zeroed: the NULs are there). */
static char *key_room(folder *f, fkey *k, size_t len)
{
    k->len = len;
    k->s = arena_alloc(&f->a, len ? len : 1);
    return k->s;
}

int fold_regex_body(const char *re, size_t len, const char **body, size_t *blen)
{
    if (len < 2 || re[0] != '^' || re[len - 1] != '$') return 0;
    /* the final '$' must not be escaped: an even run of backslashes before it */
    size_t bs = 0;
    while (bs + 2 <= len - 1 && re[len - 2 - bs] == '\\') bs++;
    if (bs % 2) return 0;
    if (!token_ends(re + 1, len - 2, NULL)) return 0;
    *body = re + 1;
    *blen = len - 2;
    return 1;
}

/* Common leading tokens of a and b (at most bound), and trailing ones. */
static size_t lead_tokens(const fold_value *a, const fold_value *b, size_t bound)
{
    size_t m = bound;
    if (m > a->ntok) m = a->ntok;
    if (m > b->ntok) m = b->ntok;
    if (!m) return 0;
    size_t ea = enc_at(a, m), eb = enc_at(b, m);
    size_t d = common_bytes(a->enc, b->enc, ea < eb ? ea : eb);
    /* the tokens whose NUL lies before the first difference are equal */
    size_t lo = 0, hi = m;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a->tok[mid] + mid < d) lo = mid + 1;
        else hi = mid;
    }
    return lo;
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

/* v[0..n) in one of the orders fold_paths tries: 0 as text; 1 by the last
 * token, then as text (bodies with the same tail, a subpath's (/.*)? say,
 * side by side, heads sorted within); 2 by tokens from the end (bodies with
 * the same tail in one run), then as text. */
static void sort_values(folder *f, fold_value *v, size_t n, int order)
{
    fkey *k = xmalloc((n + 1) * sizeof *k);
    for (size_t i = 0; i < n; i++) {
        const fold_value *x = &v[i];
        if (order == 0) {
            k[i].s = (char *)x->s;
            k[i].len = x->len;
        } else if (order == 1) {
            size_t st = tok_start(x, x->ntok - 1), lt = x->len - st;
            char *p = key_room(f, &k[i], lt + 1 + x->len);
            memcpy(p, x->s + st, lt);
            memcpy(p + lt + 1, x->s, x->len);
        } else {                   /* the body itself breaks no tie: its tokens are all there */
            char *p = key_room(f, &k[i], x->len + x->ntok);
            for (size_t t = x->ntok; t-- > 0;) {
                for (size_t b = tok_start(x, t); b < x->tok[t]; b++) *p++ = x->s[b];
                p++;
            }
        }
    }
    SORT_KEYED(fold_value, v, n, k);
    free(k);
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
static size_t fold_run(strbuf *out, const fold_value *v, size_t n, const char *sep, int first, size_t *bytes)
{
    strbuf re, one;
    sb_init(&re);
    sb_init(&one);
    size_t seplen = strlen(sep);
    size_t count = 0;
    size_t *cc = NULL, ccap = 0;          /* cc[k]: the cost of v[i]'s first k tokens */
    for (size_t i = 0; i < n;) {
        size_t p = v[i].ntok, s = v[i].ntok, mn = v[i].ntok, sum = v[i].cost;
        size_t j = i + 1, last = 0;
        int wide = v[i].wide;
        if (j < n) {
            if (ccap < v[i].ntok + 1) {
                ccap = 2 * (v[i].ntok + 1);
                cc = xrealloc(cc, ccap * sizeof *cc);
            }
            cc[0] = 0;
            for (size_t k = 0; k < v[i].ntok; k++)
                cc[k + 1] = cc[k] + sbpl_cost(v[i].s + tok_start(&v[i], k), v[i].tok[k] - tok_start(&v[i], k));
        }
        while (j < n) {
            size_t np = lead_tokens(&v[i], &v[j], p), ns = tail_tokens(&v[i], &v[j], s);
            size_t nmn = v[j].ntok < mn ? v[j].ntok : mn, nsum = sum + v[j].cost;
            size_t pp = np, ss = ns, k = j - i + 1;
            clamp_ps(&pp, &ss, nmn);
            size_t cp = cc[pp];
            size_t cs = cc[v[i].ntok] - cc[v[i].ntok - ss];
            size_t total = 4 + (k - 1) + nsum - (k - 1) * (cp + cs);
            if (total > SBPL_MAX_LITERAL) break;
            p = np;
            s = ns;
            mn = nmn;
            sum = nsum;
            last = total;
            wide |= v[j].wide;
            j++;
        }
        if (bytes) {
            /* measured, not written: a regex of cost last (at most
             * SBPL_MAX_LITERAL) is one literal of last + 2 bytes when every
             * byte costs what sbpl_cost counts (none from 0x80) */
            if (!(first && count == 0)) *bytes += seplen;
            if (j - i > 1 && !wide) {
                *bytes += 7 + last + 2 + 1;
            } else {
                sb_reset(&one);
                if (j - i == 1) {
                    put_one(&one, &v[i]);
                } else {
                    fold_regex(&re, v + i, j - i);
                    sb_puts(&one, "(regex ");
                    sbpl_string(&one, re.data, re.len);
                    sb_putc(&one, ')');
                }
                *bytes += one.len;
            }
            count++;
            i = j;
            continue;
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
    free(cc);
    sb_free(&re);
    sb_free(&one);
    return count;
}

/* ---- factoring: a shared head or tail once, prefixes once ------------------- */

/* Tokens [from, to) of a body. */
typedef struct seqref {
    const fold_value *v;
    size_t from, to;
} seqref;

/* Token by token: sequences with the same first token side by side (a
 * token before a longer one it begins; their encodings compare so). */
static int seq_cmp(const seqref *x, const seqref *y)
{
    size_t xa = enc_at(x->v, x->from), xl = enc_at(x->v, x->to) - xa;
    size_t ya = enc_at(y->v, y->from), yl = enc_at(y->v, y->to) - ya;
    int c = memcmp(x->v->enc + xa, y->v->enc + ya, xl < yl ? xl : yl);
    if (c) return c;
    return xl < yl ? -1 : xl > yl;
}

static void put_seq(strbuf *re, const seqref *r)
{
    size_t a = tok_start(r->v, r->from), b = tok_start(r->v, r->to);
    sb_add(re, r->v->s + a, b - a);
}

static int seq_qcmp(const void *a, const void *b) { return seq_cmp(a, b); }

static int plain_char(const seqref *r)
{
    if (r->to != r->from + 1) return 0;
    size_t a = tok_start(r->v, r->from);
    if (r->v->tok[r->from] - a != 1) return 0;
    char c = r->v->s[a];
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/* Whether r is one token that matches the empty string too (X?). */
static int opt_token(const seqref *r)
{
    if (r->to != r->from + 1) return 0;
    size_t a = tok_start(r->v, r->from), b = r->v->tok[r->from];
    return b - a >= 2 && r->v->s[b - 1] == '?' && !(b - a == 2 && r->v->s[a] == '\\');
}

static char char_of(const seqref *r) { return r->v->s[tok_start(r->v, r->from)]; }

/* A trie being written: into re, given up (over) once it is longer than
 * limit bytes, when only whether it fits is wanted. */
typedef struct tout {
    strbuf *re;
    size_t limit;
    int over;
} tout;

static int tout_full(tout *o)
{
    if (o->re->len > o->limit) o->over = 1;
    return o->over;
}

static void trie_at(tout *o, seqref *r, size_t n, int depth);

/* (A|B|...) of r[0..n) (sorted, distinct, none empty, grouped by their
 * first token); [abc] when each is one plain character. */
static void put_groups(tout *o, seqref *r, size_t n, int depth)
{
    strbuf *re = o->re;
    int chars = 1;
    for (size_t i = 0; i < n && chars; i++) chars = plain_char(&r[i]);
    if (chars) {                               /* sorted: runs become ranges */
        sb_putc(re, '[');
        for (size_t i = 0; i < n;) {
            size_t j = i + 1;
            char c = char_of(&r[i]);
            while (j < n && char_of(&r[j]) == c + (char)(j - i) &&
                   (((c >= '0' && c <= '9') && char_of(&r[j]) <= '9') || ((c >= 'a' && c <= 'z') && char_of(&r[j]) <= 'z') ||
                    ((c >= 'A' && c <= 'Z') && char_of(&r[j]) <= 'Z')))
                j++;
            sb_putc(re, c);
            if (j - i >= 3) { sb_putc(re, '-'); sb_putc(re, char_of(&r[j - 1])); }
            else if (j - i == 2) sb_putc(re, char_of(&r[i + 1]));
            i = j;
        }
        sb_putc(re, ']');
        tout_full(o);
        return;
    }
    sb_putc(re, '(');
    for (size_t i = 0; i < n && !o->over;) {
        size_t j = i + 1;
        while (j < n && tok_eq(r[i].v, r[i].from, r[j].v, r[j].from)) j++;
        if (i) sb_putc(re, '|');
        trie_at(o, r + i, j - i, depth + 1);
        i = j;
    }
    sb_putc(re, ')');
    tout_full(o);
}

/* c[0..n) in seq_cmp order: most often it is already. */
static void sort_seqs(seqref *c, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (seq_cmp(&c[i - 1], &c[i]) > 0) { qsort(c, n, sizeof *c, seq_qcmp); return; }
}

/* r[0..n) (sorted by seq_cmp, distinct) as a prefix trie: the common
 * leading tokens once, then (A|B|...) of the remainders grouped by their
 * first token (their common trailing tokens once after it), with ? when
 * one remainder is empty.  It matches exactly the union of the sequences.
 * r is left as it was. */
static void trie_at(tout *o, seqref *r, size_t n, int depth)
{
    strbuf *re = o->re;
    if (n == 0 || o->over) return;
    if (n == 1) { put_seq(re, &r[0]); tout_full(o); return; }
    size_t e = r[0].from == r[0].to;              /* the empty one sorts first */
    if (depth > TRIE_DEPTH) {
        sb_putc(re, '(');
        for (size_t i = e; i < n && !tout_full(o); i++) {
            if (i > e) sb_putc(re, '|');
            put_seq(re, &r[i]);
        }
        sb_puts(re, e ? ")?" : ")");
        tout_full(o);
        return;
    }
    const seqref *a = &r[0], *z = &r[n - 1];
    size_t k = 0;                   /* sorted: the first and the last share least */
    while (a->from + k < a->to && z->from + k < z->to && tok_eq(a->v, a->from + k, z->v, z->from + k)) k++;
    seqref head = { a->v, a->from, a->from + k };
    put_seq(re, &head);
    if (tout_full(o)) return;
    for (size_t i = 0; i < n; i++) r[i].from += k;
    size_t s = r[0].from == r[0].to;
    /* the trailing tokens all share, each keeping one of its own */
    size_t t = SIZE_MAX;
    for (size_t i = s; i < n && !s && t; i++) {
        size_t len = r[i].to - r[i].from - 1, q = 0;
        if (t > len) t = len;
        while (q < t && tok_eq(r[s].v, r[s].to - 1 - q, r[i].v, r[i].to - 1 - q)) q++;
        t = q;
    }
    if (!s && t && t != SIZE_MAX) {
        seqref buf[64];
        seqref *c = n <= 64 ? buf : xmalloc(n * sizeof *c);
        for (size_t i = 0; i < n; i++) c[i] = (seqref){ r[i].v, r[i].from, r[i].to - t };
        sort_seqs(c, n);
        put_groups(o, c, n, depth);
        if (c != buf) free(c);
        seqref tail = { r[0].v, r[0].to - t, r[0].to };
        put_seq(re, &tail);
    } else if (s && n == 2 && opt_token(&r[1])) {
        put_seq(re, &r[1]);                    /* X? or nothing is X? */
    } else {
        put_groups(o, r + s, n - s, depth);
        if (s) sb_putc(re, '?');
    }
    tout_full(o);
    for (size_t i = 0; i < n; i++) r[i].from -= k;
}

/* The trie of r[0..n) into re; 0 when it was given up, longer than limit. */
static int trie(strbuf *re, seqref *r, size_t n, size_t limit)
{
    tout o = { re, limit, 0 };
    trie_at(&o, r, n, 0);
    return !o.over;
}

/* The leading tokens of v that stand for themselves (a character other
 * than '.', or an escaped one, without a quantifier): a body's head. */
static size_t literal_head(const fold_value *v)
{
    size_t k = 0;
    for (; k < v->ntok; k++) {
        size_t s = tok_start(v, k), l = v->tok[k] - s;
        if (!((l == 1 && v->s[s] != '.') || (l == 2 && v->s[s] == '\\'))) break;
    }
    return k;
}

/* A body split in head and tail; key is the side its class is found by. */
typedef struct fpair {
    seqref key, val;
    const fold_value *body;
} fpair;

static int pair_cmp(const void *a, const void *b)
{
    const fpair *x = a, *y = b;
    int c = seq_cmp(&x->key, &y->key);
    return c ? c : seq_cmp(&x->val, &y->val);
}

/* A run of pairs with one key. */
typedef struct krun {
    const fpair *p;
    size_t n;
} krun;

static int vals_cmp(const krun *x, const krun *y)
{
    for (size_t i = 0; i < x->n && i < y->n; i++) {
        int c = seq_cmp(&x->p[i].val, &y->p[i].val);
        if (c) return c;
    }
    if (x->n != y->n) return x->n < y->n ? -1 : 1;
    return 0;
}

/* A regex body made of several: its text, its tokens, and the one body it
 * stands for, when it stands for one. */
typedef struct piece {
    fold_value fv;
    const fold_value *body;
} piece;

typedef struct pieces {
    folder *f;
    piece *v;
    size_t n, cap;
    const fpair *pairs;
    size_t npairs;
    int by_tail;
} pieces;

static piece *new_piece(pieces *ps)
{
    if (ps->n == ps->cap) {
        ps->cap = ps->cap ? ps->cap * 2 : 16;
        ps->v = xrealloc(ps->v, ps->cap * sizeof *ps->v);
    }
    piece *p = &ps->v[ps->n++];
    memset(p, 0, sizeof *p);
    return p;
}

static void add_piece(pieces *ps, strbuf *text, const fold_value *body)
{
    piece *p = new_piece(ps);
    p->fv.s = arena_strndup(&ps->f->a, text->data ? text->data : "", text->len);
    p->fv.len = text->len;
    p->body = body;
    tokenize(ps->f, &p->fv);       /* well-formed: made of well-formed tokens */
}

/* The class heads x tails as pieces of at most SBPL_MAX_LITERAL bytes as
 * a regex: the larger side halved until each fits (or is one body). */
static void class_pieces(pieces *ps, seqref *h, size_t nh, seqref *t, size_t nt)
{
    strbuf re;
    sb_init(&re);
    /* more than SBPL_MAX_LITERAL - 2 bytes cannot fit: given up there */
    size_t limit = nh == 1 && nt == 1 ? SIZE_MAX : SBPL_MAX_LITERAL - 2;
    int whole = trie(&re, h, nh, limit);
    whole = whole && trie(&re, t, nt, limit);
    if ((whole && sbpl_cost(re.data ? re.data : "", re.len) + 2 <= SBPL_MAX_LITERAL) || (nh == 1 && nt == 1)) {
        const fold_value *body = NULL;
        if (nh == 1 && nt == 1) {
            fpair key = { ps->by_tail ? t[0] : h[0], ps->by_tail ? h[0] : t[0], NULL };
            const fpair *f = bsearch(&key, ps->pairs, ps->npairs, sizeof key, pair_cmp);
            body = f ? f->body : NULL;
        }
        add_piece(ps, &re, body);
    } else if (nh >= nt) {
        class_pieces(ps, h, nh / 2, t, nt);
        class_pieces(ps, h + nh / 2, nh - nh / 2, t, nt);
    } else {
        class_pieces(ps, h, nh, t, nt / 2);
        class_pieces(ps, h, nh, t + nt / 2, nt - nt / 2);
    }
    sb_free(&re);
}

/* Pieces of v[0..n): with by_tail, the tails that follow the same heads
 * make one class (heads x tails); without, the heads that take the same
 * tails.  by_tail < 0: each body a piece of its own. */
static void make_pieces(folder *f, pieces *ps, const fold_value *v, size_t n, int by_tail)
{
    memset(ps, 0, sizeof *ps);
    ps->f = f;
    ps->by_tail = by_tail > 0;
    if (by_tail < 0) {                 /* the body's own tokens: its text as it is */
        for (size_t i = 0; i < n; i++) {
            piece *p = new_piece(ps);
            p->fv = v[i];
            p->body = &v[i];
        }
        return;
    }
    fpair *pr = xmalloc(n * sizeof *pr);
    for (size_t i = 0; i < n; i++) {
        size_t h = literal_head(&v[i]);
        seqref head = { &v[i], 0, h }, tail = { &v[i], h, v[i].ntok };
        pr[i] = (fpair){ by_tail ? tail : head, by_tail ? head : tail, &v[i] };
    }
    fkey *fk = xmalloc((n + 1) * sizeof *fk);     /* pair_cmp: key, NUL, value */
    for (size_t i = 0; i < n; i++) {
        const seqref *x = &pr[i].key, *y = &pr[i].val;
        size_t xa = enc_at(x->v, x->from), xl = enc_at(x->v, x->to) - xa;
        size_t ya = enc_at(y->v, y->from), yl = enc_at(y->v, y->to) - ya;
        char *p = key_room(f, &fk[i], xl + 1 + yl);
        memcpy(p, x->v->enc + xa, xl);
        memcpy(p + xl + 1, y->v->enc + ya, yl);
    }
    SORT_KEYED(fpair, pr, n, fk);
    ps->pairs = pr;
    ps->npairs = n;
    krun *kr = xmalloc(n * sizeof *kr);
    size_t nk = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && seq_cmp(&pr[i].key, &pr[j].key) == 0) j++;
        kr[nk++] = (krun){ pr + i, j - i };
        i = j;
    }
    /* krun_cmp: each value and a NUL (only a run's first value can be
     * empty: the others begin with a byte that is not NUL), a NUL, the key */
    for (size_t i = 0; i < nk; i++) {
        size_t len = 1;
        for (size_t j = 0; j < kr[i].n; j++) {
            const seqref *y = &kr[i].p[j].val;
            len += enc_at(y->v, y->to) - enc_at(y->v, y->from) + 1;
        }
        const seqref *x = &kr[i].p[0].key;
        size_t xa = enc_at(x->v, x->from), xl = enc_at(x->v, x->to) - xa;
        char *p = key_room(f, &fk[i], len + xl);
        for (size_t j = 0; j < kr[i].n; j++) {
            const seqref *y = &kr[i].p[j].val;
            size_t ya = enc_at(y->v, y->from), yl = enc_at(y->v, y->to) - ya;
            memcpy(p, y->v->enc + ya, yl);
            p += yl + 1;
        }
        memcpy(p + 1, x->v->enc + xa, xl);
    }
    SORT_KEYED(krun, kr, nk, fk);
    free(fk);
    seqref *keys = xmalloc(nk * sizeof *keys), *vals = xmalloc(n * sizeof *vals);
    for (size_t i = 0; i < nk;) {
        size_t j = i + 1;
        while (j < nk && vals_cmp(&kr[i], &kr[j]) == 0) j++;
        for (size_t k = i; k < j; k++) keys[k - i] = kr[k].p[0].key;
        for (size_t k = 0; k < kr[i].n; k++) vals[k] = kr[i].p[k].val;
        if (by_tail) class_pieces(ps, vals, kr[i].n, keys, j - i);
        else class_pieces(ps, keys, j - i, vals, kr[i].n);
        i = j;
    }
    free(keys);
    free(vals);
    free(kr);
    free(pr);
    ps->pairs = NULL;
}

/* Whether the trie of r[0..n) fits in one regex; its text into re when
 * it does. */
static int trie_fits(strbuf *re, seqref *r, size_t n)
{
    sb_reset(re);
    if (!trie(re, r, n, SBPL_MAX_LITERAL - 2)) return 0;
    return sbpl_cost(re->data ? re->data : "", re->len) + 2 <= SBPL_MAX_LITERAL;
}

static void sb_swap(strbuf *a, strbuf *b)
{
    strbuf t = *a;
    *a = *b;
    *b = t;
}

/* The pieces, sorted, in runs whose trie fits in one regex: each run as
 * long as a galloping then halving search finds it. */
static size_t pack_pieces(strbuf *out, pieces *ps, const char *sep, int first)
{
    fkey *fk = xmalloc((ps->n + 1) * sizeof *fk);     /* piece_cmp: the encoding */
    for (size_t i = 0; i < ps->n; i++) {
        fk[i].s = (char *)ps->v[i].fv.enc;
        fk[i].len = ps->v[i].fv.len + ps->v[i].fv.ntok;
    }
    SORT_KEYED(piece, ps->v, ps->n, fk);
    free(fk);
    seqref *r = xmalloc((ps->n + 1) * sizeof *r);
    for (size_t i = 0; i < ps->n; i++) r[i] = (seqref){ &ps->v[i].fv, 0, ps->v[i].fv.ntok };
    strbuf re, fit;
    sb_init(&re);
    sb_init(&fit);
    size_t count = 0;
    for (size_t i = 0; i < ps->n;) {
        /* run lengths: good fits (its trie in fit), bad does not */
        size_t good = 1, bad = 0, k = 2;
        sb_reset(&fit);
        while (i + k <= ps->n && trie_fits(&re, r + i, k)) { good = k; sb_swap(&re, &fit); k *= 2; }
        bad = i + k <= ps->n ? k : ps->n - i + 1;
        while (bad - good > 1) {
            size_t mid = good + (bad - good) / 2;
            if (trie_fits(&re, r + i, mid)) { good = mid; sb_swap(&re, &fit); }
            else bad = mid;
        }
        size_t j = i + good;
        if (good == 1) trie(&fit, r + i, 1, SIZE_MAX);
        if (!(first && count == 0)) sb_puts(out, sep);
        if (good == 1 && ps->v[i].body) {
            put_one(out, ps->v[i].body);
        } else {
            sb_reset(&re);
            sb_putc(&re, '^');
            sb_add(&re, fit.data ? fit.data : "", fit.len);
            sb_putc(&re, '$');
            sb_puts(out, "(regex ");
            sbpl_string(out, re.data, re.len);
            sb_putc(out, ')');
        }
        count++;
        i = j;
    }
    sb_free(&re);
    sb_free(&fit);
    free(r);
    return count;
}

static void free_pieces(pieces *ps)
{
    free(ps->v);
}

/* v[0..n) factored three ways (heads shared, tails shared, neither): the
 * fewest filters, then the fewest bytes, into *best unless worse. */
static void factor_candidates(folder *f, strbuf *best, size_t *nbest, const fold_value *v, size_t n, const char *sep,
                              int first)
{
    for (int by = -1; by <= 1; by++) {
        pieces ps;
        make_pieces(f, &ps, v, n, by);
        strbuf t;
        sb_init(&t);
        size_t nt = pack_pieces(&t, &ps, sep, first);
        free_pieces(&ps);
        if (nt < *nbest || (nt == *nbest && t.len < best->len)) {
            sb_free(best);
            *best = t;
            *nbest = nt;
        } else {
            sb_free(&t);
        }
    }
}

size_t fold_paths(strbuf *out, fold_value *v, size_t n, const char *sep, int first)
{
    if (n == 0) return 0;
    size_t m = 0;                   /* the foldable ones; the others alone */
    size_t count = 0;
    folder f = { { 0 }, NULL, 0 };
    arena_init(&f.a);
    for (size_t i = 0; i < n; i++) {
        if (v[i].tok || tokenize(&f, &v[i])) { v[m++] = v[i]; continue; }
        if (!(first && count == 0)) sb_puts(out, sep);
        put_one(out, &v[i]);
        count++;
    }
    if (m) {
        sort_values(&f, v, m, 0);
        size_t d = 0;                                  /* distinct bodies */
        for (size_t i = 0; i < m; i++) {
            if (d && body_cmp(&v[d - 1], &v[i]) == 0) continue;
            v[d++] = v[i];
        }
        m = d;
        /* three orders (by text; by last token, then text; by tokens
         * from the end): the fewest filters, then the fewest bytes */
        int fst = first && count == 0;
        fold_value *bo = xmalloc((m + 1) * sizeof *bo);
        memcpy(bo, v, m * sizeof *bo);
        strbuf best;
        sb_init(&best);
        size_t nbest = 0, bbest = 0;
        /* each order measured, the best one written (from its copy) */
        fold_value *o1 = xmalloc((m + 1) * sizeof *o1);
        const fold_value *won = v;
        for (int k = 0; k < 3; k++) {
            if (k) sort_values(&f, v, m, k);
            if (k == 1) memcpy(o1, v, m * sizeof *o1);
            size_t bt = 0;
            size_t nt = fold_run(NULL, k == 0 ? bo : v, m, sep, fst, &bt);
            if (k == 0 || nt < nbest || (nt == nbest && bt < bbest)) {
                nbest = nt;
                bbest = bt;
                won = k == 0 ? bo : k == 1 ? o1 : v;
            }
        }
        fold_run(&best, won, m, sep, fst, NULL);
        free(o1);
        /* in text order, the pieces and pairs below mostly are in order */
        factor_candidates(&f, &best, &nbest, bo, m, sep, fst);
        free(bo);
        sb_add(out, best.data ? best.data : "", best.len);
        count += nbest;
        sb_free(&best);
    }
    for (size_t i = 0; i < n; i++) {      /* the arena's: not to be used after */
        v[i].tok = NULL;
        v[i].enc = NULL;
        v[i].tw = NULL;
    }
    free(f.ends);
    arena_free(&f.a);
    return count;
}
