/* patterns.c - glob and regex checks, glob -> regex, specificity keys. */
#include "patterns.h"
#include <string.h>

/* A bracket expression of a glob: g[i] is its '['.  Fills set (a bitmap
 * of the ASCII bytes it lists, before negation) and *neg; returns the index
 * of its closing ']', or sets *err (with *off at the offending byte).  A ']'
 * first is literal, as is a '-' first or last; "a-z" is a range.  The
 * expression matches one character of one component: '/' is never listed
 * (never matched), '\\' and '[' are not accepted (a range cannot span '\\'
 * either: whether Seatbelt reads a backslash inside a class as an escape is
 * not documented), nor are parameters or non-ASCII bytes (only ASCII
 * characters can be listed: a listed byte is one character). */
static size_t bracket_parse(const char *g, size_t len, size_t i, unsigned char set[16], int *neg,
                            const char **err, size_t *off)
{
    memset(set, 0, 16);
    size_t j = i + 1;
    *neg = j < len && (g[j] == '!' || g[j] == '^');
    if (*neg) j++;
    size_t body = j;
    while (j < len && (g[j] != ']' || j == body)) {
        unsigned char lo = (unsigned char)g[j], hi = lo;
        size_t at = j;
        if (j + 2 < len && g[j + 1] == '-' && g[j + 2] != ']') { hi = (unsigned char)g[j + 2]; j += 3; }
        else j++;
        for (size_t k = at; k < j; k++) {
            unsigned char ch = (unsigned char)g[k];
            *off = k;
            if (k == at + 1) continue;                     /* the '-' of a range */
            if (ch == '/') { *err = "a bracket expression cannot contain '/'"; return 0; }
            if (ch == '\\' || ch == '[') { *err = "a bracket expression cannot contain '\\' or '['"; return 0; }
            if (ch == PARAM_OPEN) { *err = "a parameter cannot be used inside a bracket expression"; return 0; }
            if (ch >= 0x80) { *err = "only ASCII characters can be listed in a bracket expression"; return 0; }
        }
        *off = at;
        if (hi < lo) { *err = "range out of order in bracket expression"; return 0; }
        if (lo < '\\' && hi > '\\') { *err = "a range in a bracket expression cannot include '\\'"; return 0; }
        for (unsigned k = lo; k <= hi; k++) set[k >> 3] |= (unsigned char)(1u << (k & 7));
    }
    *off = i;
    if (j >= len) { *err = "unterminated '[' in glob"; return 0; }
    return j;
}

static int set_has(const unsigned char *set, unsigned c) { return c < 128 && (set[c >> 3] >> (c & 7)) & 1; }

/* One character of a path component, for '?': a byte that is not '/' and
 * not a UTF-8 continuation byte, with the continuation bytes after it (a
 * multi-byte character is one character, docs/language.md). */
static const char ONE_CHAR[] = "[^/\x80-\xbf][\x80-\xbf]*";

/* Writes a glob's bracket expression as a regex class that never matches
 * '/': a negated one excludes '/' too and matches one whole character (the
 * continuation bytes of a multi-byte character follow it, as for '?'), and
 * '/' is taken out of a range that spans it ("[+-0]" -> "[+,.0-]").  The
 * class is written from the set of bytes, so that ']' comes first, '-' last
 * and '^' never first. */
static void put_bracket(strbuf *out, const unsigned char *in, int neg)
{
    unsigned char set[16];
    memcpy(set, in, 16);
    if (neg) set['/' >> 3] |= (unsigned char)(1u << ('/' & 7));
    else set['/' >> 3] &= (unsigned char)~(1u << ('/' & 7));
    set[0] &= (unsigned char)~1u;                           /* NUL is in no path */
    int n = 0;
    unsigned only = 0;
    for (unsigned c = 1; c < 128; c++) if (set_has(set, c)) { n++; only = c; }
    if (!neg && n == 1) { char ch = (char)only; regex_quote(out, &ch, 1); return; }
    sb_puts(out, neg ? "[^" : "[");
    if (set_has(set, ']')) sb_putc(out, ']');
    for (unsigned c = 1; c < 128; c++) {
        if (!set_has(set, c) || c == ']' || c == '-' || c == '^') continue;
        unsigned e = c;
        while (e + 1 < 128 && set_has(set, e + 1) && e + 1 != ']' && e + 1 != '-' && e + 1 != '^') e++;
        sb_putc(out, (char)c);
        if (e >= c + 2) sb_putc(out, '-');
        if (e >= c + 1) sb_putc(out, (char)e);
        c = e;
    }
    if (set_has(set, '^')) sb_putc(out, '^');
    if (neg) sb_puts(out, "\x80-\xbf");
    if (set_has(set, '-')) sb_putc(out, '-');
    sb_putc(out, ']');
    if (neg) sb_puts(out, "[\x80-\xbf]*");
}

const char *glob_check(const char *g, size_t len, size_t *off)
{
    for (size_t i = 0; i < len; i++) {
        char c = g[i];
        *off = i;
        if (c == PARAM_OPEN) {
            while (i < len && g[i] != PARAM_CLOSE) i++;
            continue;
        }
        if (c == '\\') {
            if (i + 1 >= len) return "trailing backslash in glob";
            i++;
            continue;
        }
        if (c == '*' && i + 1 < len && g[i + 1] == '*') {
            int start_ok = i == 0 || g[i - 1] == '/';
            int end_ok = i + 2 == len || g[i + 2] == '/';
            if (!start_ok || !end_ok) return "'**' must be a whole path component (like /a/**/b)";
            if (i + 2 < len && g[i + 2] == '*') return "'***' is not a valid glob";
            i++;
            continue;
        }
        if (c == '[') {
            unsigned char set[16];
            int neg;
            const char *err = NULL;
            size_t j = bracket_parse(g, len, i, set, &neg, &err, off);
            if (err) return err;
            i = j;
        }
    }
    return NULL;
}

int glob_canonical(strbuf *out, const char *g, size_t len)
{
    static const char meta[] = "*?[]\\";
    int changed = 0;
    for (size_t i = 0; i < len; i++) {
        char c = g[i];
        if (c == PARAM_OPEN) {                  /* a parameter marker: as it is */
            size_t j = i;
            while (j < len && g[j] != PARAM_CLOSE) j++;
            sb_add(out, g + i, (j < len ? j + 1 : len) - i);
            i = j;
            continue;
        }
        if (c == '\\' && i + 1 < len) {
            char n = g[i + 1];
            if (n && n != PARAM_OPEN && !strchr(meta, n)) { sb_putc(out, n); changed = 1; }
            else sb_add(out, g + i, 2);
            i++;
            continue;
        }
        if (c == '[') {
            unsigned char set[16];
            int neg, count = 0;
            unsigned only = 0;
            const char *err = NULL;
            size_t off, j = bracket_parse(g, len, i, set, &neg, &err, &off);
            if (err) { sb_add(out, g + i, len - i); return changed; }
            for (unsigned k = 1; k < 128; k++)
                if (k != '/' && set_has(set, k)) { count++; only = k; }
            if (!neg && count == 1) {
                if (strchr(meta, (int)only)) sb_putc(out, '\\');
                sb_putc(out, (char)only);
                changed = 1;
            } else {
                sb_add(out, g + i, j + 1 - i);
            }
            i = j;
            continue;
        }
        sb_putc(out, c);
    }
    return changed;
}

/* At g[i] == '/': the length of the globstar components ('/' then "**")
 * that start there, 0 when none does.  Repeats collapse: "**" followed by
 * another "**" component means one "**". */
static size_t globstars_at(const char *g, size_t len, size_t i)
{
    size_t j = i;
    while (j + 2 < len && g[j] == '/' && g[j + 1] == '*' && g[j + 2] == '*' && (j + 3 == len || g[j + 3] == '/'))
        j += 3;
    return j - i;
}

void glob_to_regex(strbuf *out, const char *g, size_t len, param_writer put_param, void *ud)
{
    sb_putc(out, '^');
    int ends_in_globstar = 0;
    for (size_t i = 0; i < len; i++) {
        char c = g[i];
        if (c == PARAM_OPEN) {
            size_t j = i + 1;
            while (j < len && g[j] != PARAM_CLOSE) j++;
            put_param(out, g + i + 1, j - i - 1, ud);
            i = j;
            continue;
        }
        if (c == '\\' && i + 1 < len) {
            if (g[i + 1] != '/') {
                regex_quote(out, g + i + 1, 1);
                i++;
                continue;
            }
            c = g[++i];                        /* an escaped '/' is a '/' */
        }
        if (c == '/') {
            size_t n = globstars_at(g, len, i);
            if (n && i + n == len) {          /* trailing slash-globstar: the directory and below */
                sb_puts(out, "(/.*)?");
                ends_in_globstar = 1;
                i = len;
                continue;
            }
            if (n) {                          /* slash-globstar-slash: zero or more components */
                sb_puts(out, "/(.*/)?");
                i += n;
                continue;
            }
        }
        switch (c) {
        case '*':                              /* a whole component names an entry: never empty */
            sb_puts(out, i > 0 && g[i - 1] == '/' && (i + 1 == len || g[i + 1] == '/') ? "[^/]+" : "[^/]*");
            break;
        case '?': sb_puts(out, ONE_CHAR); break;
        case '[': {
            unsigned char set[16];
            int neg;
            const char *err = NULL;
            size_t off;
            size_t j = bracket_parse(g, len, i, set, &neg, &err, &off);
            if (err) {                         /* glob_check keeps these out */
                regex_quote(out, &c, 1);
                break;
            }
            put_bracket(out, set, neg);
            i = j;
            break;
        }
        default:
            regex_quote(out, &c, 1);
        }
    }
    if (!ends_in_globstar) sb_puts(out, "(/.*)?");
    sb_putc(out, '$');
}

/* Does glob component p[0, pn) (no parameter, no '/') match all of w? */
static int comp_match(const char *p, size_t pn, const char *w, size_t wn)
{
    size_t i = 0, k = 0;
    while (i < pn) {
        char c = p[i];
        if (c == '*') {
            while (i < pn && p[i] == '*') i++;
            for (size_t t = k; t <= wn; t++)
                if (comp_match(p + i, pn - i, w + t, wn - t)) return 1;
            return 0;
        }
        if (k >= wn) return 0;
        if (c == '?') { i++; k++; continue; }
        if (c == '[') {
            unsigned char set[16];
            int neg;
            const char *err = NULL;
            size_t off, j = bracket_parse(p, pn, i, set, &neg, &err, &off);
            if (err) return 0;
            if (set_has(set, (unsigned char)w[k]) == neg) return 0;
            i = j + 1;
            k++;
            continue;
        }
        if (c == '\\' && i + 1 < pn) c = p[++i];
        if (c != w[k]) return 0;
        i++;
        k++;
    }
    return k == wn;
}

static const char *const alias_names[] = { "tmp", "var", "etc" };

const char *glob_alias_name(unsigned k) { return alias_names[k]; }

unsigned alias_component(const char *c, size_t n, alias_how how)
{
    unsigned mask = 0;
    for (unsigned k = 0; k < 3; k++) {
        const char *a = alias_names[k];
        if (how != ALIAS_GLOB) {
            /* the text, or (ALIAS_BEGIN) a start of it, in any case */
            if (n > 3 || (how == ALIAS_TEXT && n != 3) || (how == ALIAS_BEGIN && n == 0)) continue;
            size_t i = 0;
            while (i < n && (c[i] | 32) == a[i]) i++;
            if (i == n) mask |= 1u << k;
            continue;
        }
        /* a glob component: some spelling of the name in upper and lower
         * case letters that it matches */
        for (unsigned v = 0; v < 8 && !(mask >> k & 1); v++) {
            char w[3];
            for (unsigned i = 0; i < 3; i++) w[i] = (char)(v >> i & 1 ? a[i] - 32 : a[i]);
            if (comp_match(c, n, w, 3)) mask |= 1u << k;
        }
    }
    return mask;
}

/* "/" + globstar + "/C/rest": with the globstar as no component at all
 * the glob is "/C/rest", so C is a first component too.  Where C matches
 * an alias in some case of its letters but not in its own lowercase
 * spelling ("TMP", "T*"), the globstar as "private" does not give the
 * kernel's path and the alias is read here; plain text in another case
 * counts ("/TMP/x" is the /tmp link), since nothing rewrote it. */
static unsigned globstar_alias_mask(const char *g, size_t len, size_t *rest)
{
    size_t s = globstars_at(g, len, 0);
    if (!s || s >= len) return 0;
    size_t e = s + 1;
    for (; e < len && g[e] != '/'; e++) {
        if (g[e] == PARAM_OPEN) return 0;
        if (g[e] == '\\') {
            if (e + 1 < len && g[e + 1] == '/') break;      /* an escaped '/' is a '/' */
            e++;
        }
    }
    unsigned mask = alias_component(g + s + 1, e - s - 1, ALIAS_GLOB);
    for (unsigned k = 0; k < 3; k++)
        if (comp_match(g + s + 1, e - s - 1, alias_names[k], 3)) mask &= ~(1u << k);
    *rest = e < len && g[e] == '\\' ? e + 1 : e;
    return mask;
}

unsigned glob_alias_mask(const char *g, size_t len, size_t *rest)
{
    if (!len || g[0] != '/') return 0;
    if (globstars_at(g, len, 0)) return globstar_alias_mask(g, len, rest);
    size_t e = 1;
    int wild = 0;
    for (; e < len && g[e] != '/'; e++) {
        if (g[e] == PARAM_OPEN) return 0;
        if (g[e] == '\\') {
            if (e + 1 < len && g[e + 1] == '/') break;      /* an escaped '/' is a '/' */
            e++;
            continue;
        }
        if (g[e] == '*' || g[e] == '?' || g[e] == '[') wild = 1;
    }
    /* "**" alone: any components, the /private path among them */
    if (!wild || (e == 3 && g[1] == '*' && g[2] == '*')) return 0;
    unsigned mask = alias_component(g + 1, e - 1, ALIAS_GLOB);
    *rest = e < len && g[e] == '\\' ? e + 1 : e;
    return mask;
}

void glob_alias_text(strbuf *out, unsigned k, const char *g, size_t len, size_t rest)
{
    sb_puts(out, "/private/");
    sb_puts(out, alias_names[k]);
    sb_add(out, g + rest, len - rest);
}

void glob_to_regex_kernel(strbuf *out, const char *g, size_t len, param_writer put_param, void *ud)
{
    glob_to_regex(out, g, len, put_param, ud);
    size_t rest = 0;
    unsigned mask = glob_alias_mask(g, len, &rest);
    /* a first component that is an alias as plain text: a glob whose
     * values made it ("/t$X" with X=mp; a written one is under /private
     * already) */
    if (!mask && len >= 4 && g[0] == '/' && (len == 4 || g[4] == '/')) {
        mask = alias_component(g + 1, 3, ALIAS_TEXT);
        rest = 4;
    }
    for (unsigned k = 0; k < 3; k++) {
        if (!(mask >> k & 1)) continue;
        strbuf t;
        sb_init(&t);
        glob_alias_text(&t, k, g, len, rest);
        sb_putc(out, '|');
        glob_to_regex(out, t.data, t.len, put_param, ud);
        sb_free(&t);
    }
}

int template_depth(const char *s, size_t len)
{
    int depth = 0, in_seg = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '/') { in_seg = 0; continue; }
        if (!in_seg) { depth++; in_seg = 1; }
        if (s[i] == PARAM_OPEN) while (i + 1 < len && s[i] != PARAM_CLOSE) i++;
    }
    return depth;
}

/* The fixed part of a glob: its text up to the first wildcard ('*', '?',
 * '['), an escaped character being plain text.  Every path the glob matches
 * starts with it: a glob whose last component is "**" also matches the
 * directory above that component (the glob /a/b/ then ** matches /a/b),
 * so there the '/' before the "**" is left out. */
static int glob_fixed(const char *g, size_t len, strbuf *out, size_t *n, int *escaped)
{
    *n = 0;
    *escaped = 0;
    for (size_t i = 0; i < len; i++) {
        char c = g[i];
        if (c == PARAM_OPEN) {
            size_t j = i;
            while (j < len && g[j] != PARAM_CLOSE) j++;
            size_t k = j < len ? j + 1 - i : len - i;
            if (out) sb_add(out, g + i, k);
            *n += k;
            i = j;
            continue;
        }
        int lit = 0;                           /* an escaped character: plain text */
        if (c == '\\' && i + 1 < len) {
            c = g[++i];
            *escaped = 1;
            lit = c != '/';                    /* an escaped '/' is a '/' */
        }
        if (c == '/') {
            size_t k = globstars_at(g, len, i);
            if (k && i + k == len) return 1;  /* the directory and below */
        }
        if (!lit && (c == '*' || c == '?' || c == '[')) return 0;
        if (out) sb_putc(out, c);
        (*n)++;
    }
    return 0;
}

/* Fixed part of a regex: after a leading '^', up to the first
 * metacharacter; an escaped character (\. for a dot) is a character of the
 * fixed part, as in a glob; a character under '*', '?' or '{' is not fixed.
 * A regex with top-level alternatives is split into one rule per
 * alternative while lowering (docs/language.md); here such a regex has an
 * empty fixed part.  The fixed text's length in source bytes is returned;
 * *n is its length as text, written to out (unescaped) when out is given;
 * *escaped says whether an escape was met. */
static size_t regex_fixed(const char *re, size_t len, size_t *start, strbuf *out, size_t *n, int *escaped)
{
    *start = 0;
    *n = 0;
    *escaped = 0;
    if (len == 0 || re[0] != '^') return 0;
    if (regex_alt_end(re, len) < len) return 0;
    *start = 1;
    size_t i = 1, last = 1, text = 0, last_text = 0;   /* where the last character began */
    while (i < len) {
        size_t at = i, at_text = text;
        if (re[i] == PARAM_OPEN) {
            size_t j = i;
            while (j < len && re[j] != PARAM_CLOSE) j++;
            j = j < len ? j + 1 : len;
            if (out) sb_add(out, re + i, j - i);
            text += j - i;
            i = j;
        } else if (re[i] == '\\' && i + 1 < len && re[i + 1] && !strchr("dDsSwWbB", re[i + 1])) {
            *escaped = 1;
            if (out) sb_putc(out, re[i + 1]);
            text++;
            i += 2;
        } else if (!re[i] || regex_is_meta(re[i])) {
            break;
        } else {
            if (out) sb_putc(out, re[i]);
            text++;
            i++;
        }
        last = at;
        last_text = at_text;
    }
    if (i < len && (re[i] == '*' || re[i] == '?' || re[i] == '{') && i > 1) {
        /* the last character (or parameter, whole) is under the quantifier */
        i = last;
        text = last_text;
        if (out && out->len > text) {
            out->len = text;
            out->data[text] = 0;
        }
    }
    *n = text;
    return i - 1;
}

/* The length a name prefix ranks by: its characters, each parameter one
 * (whatever its name or value, like a parameter in a path is one component). */
static int name_length(const char *v, size_t len)
{
    int n = 0;
    for (size_t i = 0; i < len; i++, n++)
        if (v[i] == PARAM_OPEN)
            while (i < len && v[i] != PARAM_CLOSE) i++;
    return n;
}

static int ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* The rest of a regex after its fixed part, as what it makes the part. */
static matcher_kind fold_rest(const char *r, size_t n, matcher_kind own)
{
    static const struct { const char *rest; matcher_kind kind; } tails[] = {
        { "$", MK_LITERAL }, { "(/.*)?$", MK_SUBPATH }, { ".*$", MK_PREFIX },
    };
    for (size_t i = 0; i < sizeof tails / sizeof *tails; i++)
        if (strlen(tails[i].rest) == n && memcmp(tails[i].rest, r, n) == 0) return tails[i].kind;
    return own;
}

/* A glob's or regex's fixed part read on through letters in both cases
 * ("[sS]"): every letter of it is such a pair (a letter in one case, a
 * character of several bytes or another class ends it; a parameter is a
 * value as it is).  Sets m->ffixed and the rest (ir.h), or leaves them
 * NULL when no pair is read. */
static void fold_fixed(arena *a, matcher *m, int alias_first)
{
    m->ffixed = m->ffold = NULL;
    m->ffixed_len = 0;
    m->fkind = m->kind;
    m->fdir = 0;
    int glob = m->kind == MK_GLOB;
    const char *v = m->value;
    size_t len = m->len, i = 0;
    if ((!glob && m->kind != MK_REGEX) || !v || alias_first || !memchr(v, '[', len)) return;
    if (!glob) {
        if (!len || v[0] != '^' || regex_alt_end(v, len) < len) return;
        i = 1;
    }
    strbuf t, f;
    sb_init(&t);
    sb_init(&f);
    size_t pairs = 0, last = i, last_t = 0;
    int last_pair = 0, dir = 0;
    while (i < len) {
        size_t at = i, at_t = t.len;
        int pair = 0;
        char c = v[i];
        if (c == PARAM_OPEN) {
            const char *e = memchr(v + i, PARAM_CLOSE, len - i);
            if (!e) break;
            size_t k = (size_t)(e + 1 - (v + i));
            sb_add(&t, v + i, k);
            for (size_t x = 0; x < k; x++) sb_putc(&f, 0);
            i += k;
        } else if (c == '[' && i + 3 < len && v[i + 3] == ']' && ascii_letter(v[i + 1]) && (v[i + 1] ^ 32) == v[i + 2]) {
            sb_putc(&t, (char)(v[i + 1] | 32));
            sb_putc(&f, 1);
            pair = 1;
            i += 4;
        } else if (c == '\\' && i + 1 < len) {
            char d = v[i + 1];
            if (!d || ascii_letter(d)) break;      /* \d, \s, a letter in one case */
            sb_putc(&t, d);
            sb_putc(&f, 0);
            i += 2;
        } else {
            if (glob && c == '/') {
                size_t k = globstars_at(v, len, i);
                if (k && i + k == len) { dir = 1; break; }
            }
            if (glob ? (c == '*' || c == '?' || c == '[') : (!c || regex_is_meta(c))) break;
            if (ascii_letter(c)) break;
            sb_putc(&t, c);
            sb_putc(&f, 0);
            i++;
        }
        pairs += (size_t)pair;
        last = at;
        last_t = at_t;
        last_pair = pair;
    }
    /* a regex's last character under a quantifier is not fixed */
    if (!glob && i < len && (v[i] == '*' || v[i] == '?' || v[i] == '{') && i > 1) {
        i = last;
        t.len = f.len = last_t;
        pairs -= (size_t)last_pair;
    }
    /* a glob's first component that may be /tmp, /var or /etc in some
     * case is the kernel's /private one: only a whole component that is
     * none of them keeps the part */
    if (glob && pairs) {
        const char *s = t.data, *end = t.data + t.len;
        if (*s == PARAM_OPEN) s = (const char *)memchr(s, PARAM_CLOSE, t.len) + 1;   /* "$P/etc": P may be "/" */
        const char *slash = s + 1 < end && *s == '/' ? memchr(s + 1, '/', (size_t)(end - s - 1)) : NULL;
        if (!slash && s + 1 < end && *s == '/' && i < len && v[i] == '/') slash = end;   /* "/opt" + globstar */
        if (!slash || memchr(s, PARAM_OPEN, (size_t)(slash - s)) ||
            (slash - s == 4 && (!memcmp(s, "/tmp", 4) || !memcmp(s, "/var", 4) || !memcmp(s, "/etc", 4))))
            pairs = 0;
    }
    if (pairs) {
        m->ffixed = arena_strndup(a, t.data, t.len);
        m->ffold = arena_strndup(a, f.data, f.len);
        m->ffixed_len = t.len;
        m->fdir = dir;
        if (!glob) m->fkind = fold_rest(v + i, len - i, m->kind);
    }
    sb_free(&t);
    sb_free(&f);
}

void matcher_finish(arena *a, matcher *m) { matcher_finish_depth(a, m, -1); }

void matcher_finish_depth(arena *a, matcher *m, int depth)
{
    size_t start = 0, n = 0;
    const char *fixed = NULL;
    m->dir = 0;
    switch (m->kind) {
    case MK_LITERAL: case MK_SUBPATH: case MK_PREFIX: case MK_NAME: case MK_NAME_PREFIX:
        n = m->len;
        break;
    case MK_GLOB: {
        int escaped;
        m->dir = glob_fixed(m->value, m->len, NULL, &n, &escaped);
        fixed = m->value;                     /* the value's own bytes, unless unescaped */
        if (escaped) {
            strbuf b;
            sb_init(&b);
            glob_fixed(m->value, m->len, &b, &n, &escaped);
            fixed = arena_strndup(a, b.data ? b.data : "", n);
            sb_free(&b);
        }
        break;
    }
    case MK_REGEX: case MK_NAME_REGEX: {
        int escaped;
        regex_fixed(m->value, m->len, &start, NULL, &n, &escaped);
        if (escaped) {
            strbuf b;
            sb_init(&b);
            regex_fixed(m->value, m->len, &start, &b, &n, &escaped);
            fixed = arena_strndup(a, b.data ? b.data : "", n);
            sb_free(&b);
        }
        break;
    }
    default:
        n = 0;
    }
    /* the whole value (literals, names): share it */
    if (fixed) m->fixed = fixed;
    else m->fixed = m->value && start == 0 && n == m->len ? m->value : arena_strndup(a, m->value ? m->value + start : "", n);
    m->fixed_len = n;
    size_t rest;
    /* "/t*" + "/x" also matches /private/tmp/x, which does not start with
     * "/t": for overlap and the final checks every match starts with "/"
     * (the depth stays that of the fixed part as written) */
    int alias_first = m->kind == MK_GLOB && glob_alias_mask(m->value, m->len, &rest);
    switch (m->kind) {
    case MK_NONE: m->spec_a = -1; m->spec_b = 0; break;
    case MK_LITERAL: m->spec_a = depth >= 0 ? depth : template_depth(m->fixed, n); m->spec_b = 3; break;
    case MK_GLOB: case MK_REGEX: m->spec_a = template_depth(m->fixed, n); m->spec_b = 2; break;
    case MK_SUBPATH: m->spec_a = depth >= 0 ? depth : template_depth(m->fixed, n); m->spec_b = 1; break;
    case MK_PREFIX: m->spec_a = depth >= 0 ? depth : template_depth(m->fixed, n); m->spec_b = 0; break;
    case MK_ANCESTORS: m->spec_a = 0; m->spec_b = 3; break;
    case MK_NAME: m->spec_a = 2; m->spec_b = 0; break;
    case MK_NAME_PREFIX: m->spec_a = 1; m->spec_b = name_length(m->value, m->len); break;
    case MK_NAME_REGEX: m->spec_a = 0; m->spec_b = 0; break;
    case MK_TARGET: m->spec_a = 1; m->spec_b = 0; break;
    case MK_IP: {
        const char *colon = strrchr(m->value, ':');
        int pts = 0;
        if (colon && (size_t)(colon - m->value) == 9 && strncmp(m->value, "localhost", 9) == 0) pts++;
        if (colon && colon[1] != '*') pts++;
        m->spec_a = pts; m->spec_b = 0;
        break;
    }
    }
    if (alias_first) m->fixed_len = 1;
    fold_fixed(a, m, alias_first);
}

void ancestors_regex(strbuf *out, const char *path)
{
    sb_puts(out, "^(/");
    size_t n = strlen(path);
    for (size_t i = 1; i < n; i++) {
        if (path[i] != '/') continue;
        sb_putc(out, '|');
        regex_quote(out, path, i);
    }
    sb_puts(out, ")$");
}

