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

static void keep(arena *a, const char *s, size_t n, const char **to, size_t *len)
{
    *to = arena_strndup(a, s, n);
    *len = n;
}

void regex_literals_of(arena *a, const char *re, size_t len, regex_literals *out)
{
    memset(out, 0, sizeof *out);
    char *run = arena_alloc(a, len + 1);
    size_t nrun = 0, nbest = 0, nprefix = 0;
    int in_prefix = 0;
    const char *best = NULL;
    for (size_t i = 0; i < len;) {
        char c = re[i], lit = 0;
        int is_lit = 0;
        size_t next;
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
        if (i == 0 && c == '^' && !quant) { in_prefix = 1; i = next; continue; }
        /* a byte with '+' is there at least once, where it stands */
        int kept = is_lit && (!quant || re[next] == '+');
        if (kept) {
            run[nrun++] = lit;
            if (in_prefix) nprefix++;
        }
        if (!kept || quant) {              /* the run ends with this atom */
            if (in_prefix && nprefix) keep(a, run, nprefix, &out->prefix, &out->prefix_len);
            else if (nrun > nbest) keep(a, run, nrun, &best, &nbest);
            in_prefix = 0;
            nrun = 0;
        }
        while (next < len && is_quant(re[next])) next++;
        i = next;
    }
    if (in_prefix && nprefix) keep(a, run, nprefix, &out->prefix, &out->prefix_len);
    else if (nrun > nbest) keep(a, run, nrun, &best, &nbest);
    if (best) { out->need = best; out->need_len = nbest; }
    return;
unread:
    memset(out, 0, sizeof *out);
}
