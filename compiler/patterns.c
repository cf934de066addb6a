/* patterns.c - glob and regex checks, glob -> regex, specificity keys. */
#include "patterns.h"
#include <string.h>

static const char REGEX_META[] = "^.[]$()|*+?{}\\";

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
            size_t j = i + 1;
            if (j < len && (g[j] == '!' || g[j] == '^')) j++;
            if (j < len && g[j] == ']') j++;
            while (j < len && g[j] != ']') {
                if (g[j] == '/') return "a bracket expression cannot contain '/'";
                if (g[j] == '\\' || g[j] == '[') return "a bracket expression cannot contain '\\' or '['";
                j++;
            }
            if (j >= len) return "unterminated '[' in glob";
            if (j == i + 1 || (j == i + 2 && (g[i + 1] == '!' || g[i + 1] == '^')))
                return "empty bracket expression in glob";
            i = j;
        }
    }
    return NULL;
}

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
            depth++;
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
    return NULL;
}

void regex_quote(strbuf *out, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (strchr(REGEX_META, s[i]) && s[i]) sb_putc(out, '\\');
        sb_putc(out, s[i]);
    }
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
            regex_quote(out, g + i + 1, 1);
            i++;
            continue;
        }
        if (c == '/' && i + 2 < len && g[i + 1] == '*' && g[i + 2] == '*') {
            if (i + 3 == len) {               /* trailing slash-globstar: the directory and below */
                sb_puts(out, "(/.*)?");
                ends_in_globstar = 1;
                i += 2;
                continue;
            }
            if (g[i + 3] == '/') {            /* slash-globstar-slash: zero or more components */
                sb_puts(out, "/(.*/)?");
                i += 3;
                continue;
            }
        }
        switch (c) {
        case '*': sb_puts(out, "[^/]*"); break;
        case '?': sb_puts(out, "[^/]"); break;
        case '[': {
            size_t j = i + 1;
            sb_putc(out, '[');
            if (j < len && (g[j] == '!' || g[j] == '^')) { sb_putc(out, '^'); j++; }
            if (j < len && g[j] == ']') { sb_puts(out, "\\]"); j++; }
            for (; j < len && g[j] != ']'; j++) sb_putc(out, g[j]);   /* glob_check keeps \\ out */
            sb_putc(out, ']');
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

static size_t glob_fixed_len(const char *g, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (g[i] == PARAM_OPEN) { while (i < len && g[i] != PARAM_CLOSE) i++; continue; }
        if (g[i] == '*' || g[i] == '?' || g[i] == '[' || g[i] == '\\') return i;
    }
    return len;
}

/* Fixed part of a regex: after a leading '^', up to the first
 * metacharacter; a character under '*', '?' or '{' is not fixed; a
 * top-level '|' makes the whole fixed part empty. */
static size_t regex_fixed(const char *re, size_t len, size_t *start)
{
    *start = 0;
    if (len == 0 || re[0] != '^') return 0;
    int depth = 0;
    for (size_t i = 0; i < len; i++) {
        if (re[i] == '\\') { i++; continue; }
        if (re[i] == '[') { while (i < len && re[i] != ']') i++; continue; }
        if (re[i] == '(') depth++;
        else if (re[i] == ')') depth--;
        else if (re[i] == '|' && depth == 0) return 0;
    }
    *start = 1;
    size_t i = 1;
    for (; i < len; i++) {
        if (re[i] == PARAM_OPEN) { while (i < len && re[i] != PARAM_CLOSE) i++; continue; }
        if (strchr(REGEX_META, re[i])) break;
    }
    if (i < len && (re[i] == '*' || re[i] == '?' || re[i] == '{') && i > 1) {
        i--;
        if (re[i] == PARAM_CLOSE) {     /* a quantified parameter: drop it whole */
            while (i > 1 && re[i] != PARAM_OPEN) i--;
        }
    }
    return i - 1;
}

void matcher_finish(arena *a, matcher *m) { matcher_finish_depth(a, m, -1); }

void matcher_finish_depth(arena *a, matcher *m, int depth)
{
    size_t start = 0, n = 0;
    switch (m->kind) {
    case MK_LITERAL: case MK_SUBPATH: case MK_PREFIX: case MK_NAME: case MK_NAME_PREFIX:
        n = m->len;
        break;
    case MK_GLOB:
        n = glob_fixed_len(m->value, m->len);
        break;
    case MK_REGEX: case MK_NAME_REGEX:
        n = regex_fixed(m->value, m->len, &start);
        break;
    default:
        n = 0;
    }
    /* the whole value (literals, names): share it */
    m->fixed = m->value && start == 0 && n == m->len ? m->value : arena_strndup(a, m->value ? m->value + start : "", n);
    m->fixed_len = n;
    switch (m->kind) {
    case MK_NONE: m->spec_a = -1; m->spec_b = 0; break;
    case MK_LITERAL: m->spec_a = depth >= 0 ? depth : template_depth(m->fixed, n); m->spec_b = 3; break;
    case MK_GLOB: case MK_REGEX: m->spec_a = template_depth(m->fixed, n); m->spec_b = 2; break;
    case MK_SUBPATH: m->spec_a = depth >= 0 ? depth : template_depth(m->fixed, n); m->spec_b = 1; break;
    case MK_PREFIX: m->spec_a = depth >= 0 ? depth : template_depth(m->fixed, n); m->spec_b = 0; break;
    case MK_ANCESTORS: m->spec_a = 0; m->spec_b = 3; break;
    case MK_NAME: m->spec_a = 2; m->spec_b = 0; break;
    case MK_NAME_PREFIX: m->spec_a = 1; m->spec_b = (int)m->len; break;
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

void tpl_expand(strbuf *out, const char *t, size_t len, const hashmap *vals, int flags)
{
    for (size_t i = 0; i < len; i++) {
        const char *m = memchr(t + i, PARAM_OPEN, len - i);
        size_t run = m ? (size_t)(m - (t + i)) : len - i;
        sb_add(out, t + i, run);
        i += run;
        if (i >= len) break;
        size_t j = i + 1;
        while (j < len && t[j] != PARAM_CLOSE) j++;
        const char *v = hm_get(vals, t + i + 1, j - i - 1);
        if (!v && (flags & TPL_KEEP)) sb_add(out, t + i, (j < len ? j + 1 : len) - i);
        else if (flags & TPL_REGEX) regex_quote(out, v ? v : "", v ? strlen(v) : 0);
        else sb_puts(out, v ? v : "");
        i = j;
    }
}
