/* regex_syntax.c - the regex dialect of Seatbelt as text: checking a regex
 * before it is compiled, quoting a string so that it matches itself, and
 * finding the top-level alternatives.  Parameter markers (param_marks.h)
 * inside a template regex are skipped as opaque text. */
#include "regex_syntax.h"
#include "../support/param_marks.h"
#include <string.h>

static const char REGEX_META[] = "^.[]$()|*+?{}\\";

int regex_is_meta(char c) { return c && strchr(REGEX_META, c) != NULL; }

const char *regex_check(const char *re, size_t len, size_t *off)
{
    return regex_check_mode(re, len, off, 1);
}

const char *regex_check_mode(const char *re, size_t len, size_t *off, int strict)
{
    int depth = 0;
    int can_repeat = 0;      /* the previous item can take a quantifier */
    int after_quant = 0;
    for (size_t i = 0; i < len; i++) {
        char c = re[i];
        *off = i;
        if (c == PARAM_OPEN) {
            while (i < len && re[i] != PARAM_CLOSE) i++;
            can_repeat = 1; after_quant = 0;
            continue;
        }
        switch (c) {
        case '\\':
            if (i + 1 >= len) return "trailing backslash in regex";
            if (!strchr(REGEX_META, re[i + 1]) && !strchr("/-", re[i + 1])) {
                char n = re[i + 1];
                if (n >= '0' && n <= '9') return "back-references are not supported by Seatbelt regexes";
                if (strchr("dDwWsSbB", n)) return "shorthand classes like \\d, \\w, \\s are not supported by Seatbelt regexes; use a bracket class";
                return "unknown escape in regex (escape only metacharacters)";
            }
            i++;
            can_repeat = 1; after_quant = 0;
            break;
        case '[': {
            size_t j = i + 1;
            if (j < len && re[j] == '^') j++;
            if (j < len && re[j] == ']') j++;
            while (j < len && re[j] != ']') {
                if (re[j] == '[' && j + 1 < len && (re[j + 1] == ':' || re[j + 1] == '=' || re[j + 1] == '.'))
                    return "POSIX classes like [[:alpha:]] are not supported by Seatbelt regexes";
                if (re[j] == PARAM_OPEN) return "a parameter cannot be used inside a bracket class";
                if (re[j] == '\\') {
                    /* whether AppleMatch reads \ in a class as an escape is not
                     * documented: profiles may not depend on it */
                    if (strict) { *off = j; return "a backslash inside [...] is ambiguous in Seatbelt regexes; put ] first or - last instead"; }
                    j++;
                }
                j++;
            }
            if (j >= len) return "unterminated '[' in regex";
            i = j;
            can_repeat = 1; after_quant = 0;
            break;
        }
        case '(':
            if (i + 1 < len && re[i + 1] == '?')
                return "'(?' groups (flags, look-around, non-capturing) are not supported by Seatbelt regexes";
            if (++depth > REGEX_MAX_DEPTH) return REGEX_TOO_DEEP;
            can_repeat = 0; after_quant = 0;
            break;
        case ')':
            if (--depth < 0) return "unbalanced ')' in regex";
            can_repeat = 1; after_quant = 0;
            break;
        case '|':
            can_repeat = 0; after_quant = 0;
            break;
        case '*': case '+': case '?':
            if (after_quant) return c == '?' ? "lazy quantifiers are not supported by Seatbelt regexes"
                                             : "a quantifier cannot follow another quantifier";
            if (!can_repeat) return "quantifier with nothing to repeat";
            after_quant = 1; can_repeat = 0;
            break;
        case '{':
            return "'{m,n}' repetition is not known to work in Seatbelt regexes; escape it as \\{ or spell the repetition out";
        case '}':
            return "unbalanced '}' in regex; escape it as \\}";
        case '^': case '$':
            can_repeat = 0; after_quant = 0;
            break;
        default:
            can_repeat = 1; after_quant = 0;
        }
    }
    *off = len;
    if (depth > 0) return "unbalanced '(' in regex";
    if (strict) {
        /* an empty alternative (or a lone anchor) matches every string */
        for (size_t i = 0;;) {
            size_t e = i + regex_alt_end(re + i, len - i);
            size_t n = e - i;
            if (n == 0 || (n == 1 && (re[i] == '^' || re[i] == '$'))) {
                *off = i;
                return e < len || i > 0 ? "an empty alternative in a regex matches everything"
                                         : "an empty regex matches everything";
            }
            if (e >= len) break;
            i = e + 1;
        }
    }
    return NULL;
}

void regex_quote(strbuf *out, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (strchr(REGEX_META, s[i]) && s[i]) sb_putc(out, '\\');
        sb_putc(out, s[i]);
    }
}

void regex_fold_byte(strbuf *out, char c)
{
    char lo = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
    if (lo < 'a' || lo > 'z') { regex_quote(out, &c, 1); return; }
    sb_putc(out, '[');
    sb_putc(out, lo);
    sb_putc(out, (char)(lo - 32));
    sb_putc(out, ']');
}

size_t regex_class_read(const char *re, size_t len, size_t i, unsigned char set[32])
{
    memset(set, 0, 32);
    size_t p = i + 1;
    int neg = p < len && re[p] == '^';
    if (neg) p++;
    int first = 1;
    while (p < len && (re[p] != ']' || first)) {
        unsigned lo = (unsigned char)re[p];
        if (lo == '\\' && p + 1 < len) lo = (unsigned char)re[++p];
        p++;
        unsigned hi = lo;
        if (p + 1 < len && re[p] == '-' && re[p + 1] != ']') {
            hi = (unsigned char)re[p + 1];
            if (hi == '\\' && p + 2 < len) hi = (unsigned char)re[++p + 1];
            p += 2;
        }
        for (unsigned k = lo; k <= hi && k < 256; k++) set[k >> 3] |= (unsigned char)(1u << (k & 7));
        first = 0;
    }
    if (p >= len) return 0;
    if (neg) for (int k = 0; k < 32; k++) set[k] = (unsigned char)~set[k];
    return p + 1;
}

/* The index of the ']' that closes the class opening at re[i] == '[' (len
 * when none): read as the regex matcher reads it, a ']' first (after an
 * optional '^') is literal and a backslash takes the next byte. */
static size_t class_end(const char *re, size_t len, size_t i)
{
    size_t j = i + 1;
    if (j < len && re[j] == '^') j++;
    int first = 1;
    while (j < len && (re[j] != ']' || first)) {
        if (re[j] == '\\' && j + 1 < len) j++;
        j++;
        first = 0;
    }
    return j;
}

size_t regex_alt_end(const char *re, size_t len)
{
    int depth = 0;
    for (size_t i = 0; i < len; i++) {
        char c = re[i];
        if (c == PARAM_OPEN) { while (i < len && re[i] != PARAM_CLOSE) i++; continue; }
        if (c == '\\') { i++; continue; }
        if (c == '[') { i = class_end(re, len, i); continue; }
        if (c == '(') depth++;
        else if (c == ')') depth--;
        else if (c == '|' && depth == 0) return i;
    }
    return len;
}
