/* emit_fold.c - many literal or subpath filters as a few anchored regexes.
 *
 * The compact SBPL form (emit_sbpl.c) writes the concrete paths of one
 * rule group as (regex "^P(s1|s2|...)$") for literals and
 * (regex "^P(s1|s2|...)(/.*)?$") for subpaths: P is the values' longest
 * common prefix, each si the rest of a value, never empty.  A regex matches
 * exactly the paths its filters did: a literal is the whole path, a subpath
 * the path itself or anything below it after a '/'.  Each regex is one SBPL
 * string of at most SBPL_MAX_LITERAL bytes as written (escapes counted);
 * values that do not fit start the next regex. */
#include "emit.h"
#include "patterns.h"
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

/* The common prefix of v[0..n), short enough that every value keeps at
 * least one byte of its own and not ending inside a UTF-8 sequence. */
static size_t common_prefix(const fold_value *v, size_t n)
{
    size_t p = v[0].len;
    for (size_t i = 1; i < n; i++) {
        size_t k = 0;
        while (k < p && k < v[i].len && v[i].s[k] == v[0].s[k]) k++;
        p = k;
    }
    for (size_t i = 0; i < n; i++) if (p >= v[i].len) p = v[i].len ? v[i].len - 1 : 0;
    while (p > 0 && ((unsigned char)v[0].s[p] & 0xC0) == 0x80) p--;
    return p;
}

/* The regex for v[0..n) into re. */
static void fold_regex(strbuf *re, const fold_value *v, size_t n, int subpath)
{
    size_t p = common_prefix(v, n);
    sb_reset(re);
    sb_putc(re, '^');
    regex_quote(re, v[0].s, p);
    sb_putc(re, '(');
    for (size_t i = 0; i < n; i++) {
        if (i) sb_putc(re, '|');
        regex_quote(re, v[i].s + p, v[i].len - p);
    }
    sb_puts(re, subpath ? ")(/.*)?$" : ")$");
}

static int value_cmp(const void *a, const void *b)
{
    const fold_value *x = a, *y = b;
    size_t m = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->s, y->s, m);
    if (c) return c;
    return x->len < y->len ? -1 : x->len > y->len;
}

int fold_foldable(const char *s, size_t len, int subpath)
{
    if (len == 0 || s[0] != '/' || memchr(s, PARAM_OPEN, len) || memchr(s, '\0', len)) return 0;
    /* subpath "/" is every path; a trailing '/' is Seatbelt's to interpret */
    if (subpath && s[len - 1] == '/') return 0;
    return 1;
}

size_t fold_paths(strbuf *out, fold_value *v, size_t n, int subpath, const char *sep, int first)
{
    if (n == 0) return 0;
    qsort(v, n, sizeof *v, value_cmp);
    size_t m = 0;                                  /* distinct values */
    for (size_t i = 0; i < n; i++)
        if (m == 0 || value_cmp(&v[m - 1], &v[i]) != 0) v[m++] = v[i];
    strbuf re, best;
    sb_init(&re);
    sb_init(&best);
    size_t count = 0;
    for (size_t i = 0; i < m;) {
        /* the longest run from i whose regex fits one string */
        size_t j = i + 1;
        while (j < m) {
            fold_regex(&re, v + i, j + 1 - i, subpath);
            if (sbpl_cost(re.data, re.len) > SBPL_MAX_LITERAL) break;
            j++;
        }
        if (!(first && count == 0)) sb_puts(out, sep);
        if (j - i == 1) {
            sb_puts(out, subpath ? "(subpath " : "(literal ");
            sbpl_string(out, v[i].s, v[i].len);
        } else {
            fold_regex(&best, v + i, j - i, subpath);
            sb_puts(out, "(regex ");
            sbpl_string(out, best.data, best.len);
        }
        sb_putc(out, ')');
        count++;
        i = j;
    }
    sb_free(&re);
    sb_free(&best);
    return count;
}
