/* regex_literals.c - the literal start and a literal run every match of a
 * Seatbelt-dialect regex contains (regex_literals.h).
 *
 * The pattern is read as seatbelt/regex.c parses it: a top-level sequence
 * of atoms (a byte, "\\" and a byte, '.', a bracket class, a group, '^',
 * '$'), each with quantifiers '*', '+', '?'.  With no top-level '|', every
 * match is the concatenation of one match of each atom in order, so a byte
 * atom without a quantifier is in every match, next to its unquantified
 * byte neighbours: such runs are texts every matching subject contains.  A
 * pattern that starts with an unquantified '^' matches at the subject's
 * first byte only, so its first run, when it follows the '^' directly, is
 * a prefix of every matching subject. */
#include "regex_literals.h"
#include "../support/param_marks.h"
#include <string.h>

static int is_quant(char c) { return c == '*' || c == '+' || c == '?'; }

/* The end of the bracket class that starts at re[i] == '[' (the index after
 * its ']'), 0 when it is not closed; the same reading as regex.c. */
static size_t class_end(const char *re, size_t len, size_t i)
{
    size_t p = i + 1;
    if (p < len && re[p] == '^') p++;
    int first = 1;
    while (p < len && (re[p] != ']' || first)) {
        if (re[p] == '\\' && p + 1 < len) p++;
        p++;
        if (p + 1 < len && re[p] == '-' && re[p + 1] != ']') {
            if (re[p + 1] == '\\' && p + 2 < len) p++;
            p += 2;
        }
        first = 0;
    }
    return p < len ? p + 1 : 0;
}

/* The index after the group that starts at re[i] == '(' (its ')'), 0 when
 * it is not closed.  Alternatives inside a group are the group's own. */
static size_t group_end(const char *re, size_t len, size_t i)
{
    int depth = 0;
    for (size_t p = i; p < len; p++) {
        if (re[p] == '\\') { p++; continue; }
        if (re[p] == '[') {
            size_t e = class_end(re, len, p);
            if (!e) return 0;
            p = e - 1;
            continue;
        }
        if (re[p] == '(') depth++;
        else if (re[p] == ')' && --depth == 0) return p + 1;
    }
    return 0;
}

/* The runs of plain bytes of a pattern, read left to right: lit_byte for
 * a byte that is in every match where it stands, lit_break for anything
 * else (the run ends there).  The first run, when it starts at the anchor,
 * is the prefix; the longest of the others is the text. */
typedef struct lit_reader {
    arena *a;
    char *run;
    size_t nrun, nprefix, nbest;
    int in_prefix;
    const char *best;
    regex_literals *out;
} lit_reader;

static void lit_init(lit_reader *r, arena *a, size_t len, regex_literals *out)
{
    memset(out, 0, sizeof *out);
    memset(r, 0, sizeof *r);
    r->a = a;
    r->run = arena_alloc(a, len + 1);
    r->out = out;
}

static void lit_byte(lit_reader *r, char c)
{
    r->run[r->nrun++] = c;
    if (r->in_prefix) r->nprefix++;
}

static void lit_break(lit_reader *r)
{
    if (r->in_prefix && r->nprefix) {
        r->out->prefix = arena_strndup(r->a, r->run, r->nprefix);
        r->out->prefix_len = r->nprefix;
    } else if (r->nrun > r->nbest) {
        r->best = arena_strndup(r->a, r->run, r->nrun);
        r->nbest = r->nrun;
    }
    r->in_prefix = 0;
    r->nrun = 0;
}

static void lit_end(lit_reader *r)
{
    lit_break(r);
    if (r->best) { r->out->need = r->best; r->out->need_len = r->nbest; }
}

void regex_literals_of(arena *a, const char *re, size_t len, regex_literals *out)
{
    regex_literals_read(a, re, len, 0, out);
}

void regex_literals_read(arena *a, const char *re, size_t len, int flags, regex_literals *out)
{
    lit_reader r;
    int whole = 0;
    lit_init(&r, a, len, out);
    for (size_t i = 0; i < len;) {
        char c = re[i], lit = 0;
        int is_lit = 0;
        size_t next;
        if (c == PARAM_OPEN && (flags & REGEX_LIT_PARAMS)) {
            /* a value, quoted: plain text of unknown length, kept as its
             * token; one a quantifier follows ends the run before it */
            const char *e = memchr(re + i, PARAM_CLOSE, len - i);
            if (!e) goto unread;
            next = (size_t)(e - re) + 1;
            if (next < len && is_quant(re[next])) {
                lit_break(&r);
                while (next < len && is_quant(re[next])) next++;
            } else {
                for (size_t k = i; k < next; k++) lit_byte(&r, re[k]);
            }
            i = next;
            continue;
        }
        if (c == '(') {
            next = group_end(re, len, i);
            if (!next) goto unread;
        } else if (c == '[') {
            next = class_end(re, len, i);
            if (!next) goto unread;
        } else if (c == '\\') {
            if (i + 1 >= len) goto unread;
            lit = re[i + 1];
            is_lit = 1;
            next = i + 2;
        } else if (c == '|' || c == ')' || c == '{' || is_quant(c)) {
            goto unread;          /* a top-level alternative, or what regex.c rejects */
        } else {
            is_lit = c != '.' && c != '^' && c != '$';
            lit = c;
            next = i + 1;
        }
        int quant = next < len && is_quant(re[next]);
        if (i == 0 && c == '^' && !quant) { r.in_prefix = 1; i = next; continue; }
        if (c == '$' && next == len && r.in_prefix) whole = 1;   /* "^" text "$" */
        /* a byte with '+' is there at least once, where it stands */
        if (is_lit && (!quant || re[next] == '+')) lit_byte(&r, lit);
        if (!is_lit || quant) lit_break(&r);
        while (next < len && is_quant(re[next])) next++;
        i = next;
    }
    lit_end(&r);
    out->whole = whole;
    return;
unread:
    memset(out, 0, sizeof *out);
}

/* At g[i] == '/': the length of the globstar components ("/" then "**")
 * that start there, as glob_to_regex reads them. */
static size_t globstars_at(const char *g, size_t len, size_t i)
{
    size_t j = i;
    while (j + 2 < len && g[j] == '/' && g[j + 1] == '*' && g[j + 2] == '*' && (j + 3 == len || g[j + 3] == '/'))
        j += 3;
    return j - i;
}

void glob_literals_of(arena *a, const char *g, size_t len, const hashmap *values, regex_literals *out)
{
    lit_reader r;
    size_t room = len;
    for (size_t i = 0; i < len; i++)          /* a parameter's value may be longer than its name */
        if (g[i] == PARAM_OPEN) {
            size_t j = i + 1;
            while (j < len && g[j] != PARAM_CLOSE) j++;
            const char *v = hm_get(values, g + i + 1, j - i - 1);
            if (v) room += strlen(v);
            i = j;
        }
    lit_init(&r, a, room, out);
    r.in_prefix = 1;                          /* glob_to_regex anchors at the start */
    int ends_in_globstar = 0;
    for (size_t i = 0; i < len; i++) {
        char c = g[i];
        if (c == PARAM_OPEN) {
            size_t j = i + 1;
            while (j < len && g[j] != PARAM_CLOSE) j++;
            const char *v = hm_get(values, g + i + 1, j - i - 1);
            /* a derived name (NAME.fold: "[tT][mM][pP]") or a parameter
             * without a value is no text known here */
            if (!v || (v[0] == '/' && v[1] == 0)) lit_break(&r);    /* "/?" */
            else for (const char *p = v; *p; p++) lit_byte(&r, *p);
            i = j;
            continue;
        }
        if (c == '\\' && i + 1 < len) {
            if (g[i + 1] != '/') { lit_byte(&r, g[++i]); continue; }
            c = g[++i];                           /* an escaped '/' is a '/' */
        }
        if (c == '/') {
            size_t n = globstars_at(g, len, i);
            if (n && i + n == len) { lit_break(&r); ends_in_globstar = 1; break; }   /* "(/.*)?" */
            if (n) {              /* a '/', any components each with its '/', the '/' after the globstar taken */
                lit_byte(&r, '/');
                lit_break(&r);
                i += n;
                continue;
            }
        }
        if (c == '*' || c == '?' || c == '[') {
            /* "[^/]*", one character, a bracket expression (one byte when it
             * lists one, but read as any): its end as glob_check finds it */
            lit_break(&r);
            if (c == '[') {
                size_t j = i + 1;
                if (j < len && (g[j] == '!' || g[j] == '^')) j++;
                size_t body = j;
                while (j < len && (g[j] != ']' || j == body)) j++;
                if (j >= len) goto unread;
                i = j;
            }
            continue;
        }
        lit_byte(&r, c);
    }
    if (!ends_in_globstar) lit_break(&r);    /* "(/.*)?", then "$" */
    lit_end(&r);
    return;
unread:
    memset(out, 0, sizeof *out);
}
