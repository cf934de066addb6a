/* expand.c - parameter references, ~, the platform's path aliases (/tmp ->
 * /private/tmp on macOS), path checks. */
#define _POSIX_C_SOURCE 200809L
#include "expand.h"
#include "patterns.h"
#include "../grammar/builtin_params.h"
#include "../seatbelt/path_canonical.h"
#include "../seatbelt/regex_syntax.h"
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* Span of the text "needle" inside the source of a string literal. */
static span sub_span(const ast_str *s, const char *needle, size_t n)
{
    span r = s->at;
    if (!s->at.src) return r;
    const char *t = s->at.src->text;
    for (uint32_t i = s->at.start; i + n <= s->at.end; i++) {
        if (memcmp(t + i, needle, n) == 0) { r.start = i; r.end = i + (uint32_t)n; return r; }
    }
    return r;
}

static const char *suggest_param(compilation *c, const char *name)
{
    const char *best = NULL;
    int bd = 3;
    for (size_t i = 0; i < NBUILTIN_PARAMS; i++) {
        int d = edit_distance(name, builtin_params[i].name, bd);
        if (d < bd) { bd = d; best = builtin_params[i].name; }
    }
    for (size_t i = 0; i < c->params.cap; i++) {
        hm_slot *sl = &c->params.slots[i];
        if (!sl->hash) continue;
        int d = edit_distance(name, sl->key, bd);
        if (d < bd) { bd = d; best = sl->key; }
    }
    return best;
}

/* The bytes expand_value's scan stops at: '/', '$', '"', '\\' and control
 * characters. */
static const unsigned char special[256] = {
    [0] = 1, [1] = 1, [2] = 1, [3] = 1, [4] = 1, [5] = 1, [6] = 1, [7] = 1,
    [8] = 1, [9] = 1, [10] = 1, [11] = 1, [12] = 1, [13] = 1, [14] = 1, [15] = 1,
    [16] = 1, [17] = 1, [18] = 1, [19] = 1, [20] = 1, [21] = 1, [22] = 1, [23] = 1,
    [24] = 1, [25] = 1, [26] = 1, [27] = 1, [28] = 1, [29] = 1, [30] = 1, [31] = 1,
    ['/'] = 1, ['$'] = 1, ['"'] = 1, ['\\'] = 1, [0x7f] = 1,
};

static int bad_component(const char *p, size_t len, size_t *at)
{
    size_t i = 0;
    while (i < len) {
        if (p[i] == '/') { i++; continue; }
        size_t j = i;
        while (j < len && p[j] != '/') {
            if (p[j] == PARAM_OPEN) { while (j < len && p[j] != PARAM_CLOSE) j++; }
            j++;
        }
        if ((j - i == 1 && p[i] == '.') || (j - i == 2 && p[i] == '.' && p[i + 1] == '.')) {
            *at = i;
            return 1;
        }
        i = j;
    }
    return 0;
}

static void mark_root(param_decl *p, span at)
{
    if (!p->path_root) p->root_at = at;
    p->path_root = 1;
}

/* The regex text so far (b) is "^" since its last top-level "|" or its
 * start: what follows begins an anchored alternative. */
static int alt_start_is_caret(const strbuf *b)
{
    size_t at = 0;
    for (;;) {
        size_t e = regex_alt_end(b->data + at, b->len - at);
        if (e >= b->len - at) break;
        at += e + 1;
    }
    return b->len - at == 1 && b->data[at] == '^';
}

/* Parameter references and ~ become PARAM_OPEN NAME PARAM_CLOSE in b.
 * Returns 0 after a diagnostic. */
static int substitute(compilation *c, const ast_str *s, expand_mode mode, strbuf *b)
{
    arena *a = &c->a;
    diag_list *dl = &c->diags;
    size_t i = 0;
    if (mode == EXP_PATH || mode == EXP_PREFIX || mode == EXP_GLOB) {
        if (s->s[0] == '~') {
            if (s->len == 1 || s->s[1] == '/') {
                sb_putc(b, PARAM_OPEN); sb_puts(b, "HOME"); sb_putc(b, PARAM_CLOSE);
                param_decl *p = hm_gets(&c->params, "HOME");
                if (p) mark_root(p, s->at);
                if (p) p->used = 1;
                i = 1;
            } else {
                diag_add(dl, SEV_ERROR, BK2008, s->at, "\"~user\" paths are not supported; write the path or use $HOME");
                return 0;
            }
        }
    }
    for (; i < s->len; i++) {
        char ch = s->s[i];
        if (ch != '$') {             /* copy the run up to the next '$' */
            const char *d = memchr(s->s + i, '$', s->len - i);
            size_t run = d ? (size_t)(d - (s->s + i)) : s->len - i;
            sb_add(b, s->s + i, run);
            i += run - 1;
            continue;
        }
        if (i + 1 < s->len && s->s[i + 1] == '$') { sb_putc(b, '$'); i++; continue; }
        size_t nb, ne, skip;
        if (i + 1 < s->len && s->s[i + 1] == '{') {
            nb = i + 2; ne = nb;
            while (ne < s->len && s->s[ne] != '}') ne++;
            if (ne >= s->len) {
                diag_add(dl, SEV_ERROR, BK2001, sub_span(s, "${", 2), "unterminated ${...} in string");
                return 0;
            }
            skip = ne + 1;
        } else if (i + 1 < s->len && (isalpha((unsigned char)s->s[i + 1]) || s->s[i + 1] == '_')) {
            nb = i + 1; ne = nb;
            while (ne < s->len && (isalnum((unsigned char)s->s[ne]) || s->s[ne] == '_')) ne++;
            skip = ne;
        } else {
            sb_putc(b, ch);          /* any other $ is literal text */
            continue;
        }
        const char *name = arena_strndup(a, s->s + nb, ne - nb);
        param_decl *p = hm_gets(&c->params, name);
        if (!p) {
            const char *ref = arena_strndup(a, s->s + i, skip - i);
            diag *d = diag_add(dl, SEV_ERROR, BK2001, sub_span(s, ref, strlen(ref)),
                               "unknown variable $%s", name);
            const char *sug = suggest_param(c, name);
            if (sug) diag_help(dl, d, "did you mean $%s? Otherwise declare it with `param %s;`", sug, name);
            else diag_help(dl, d, "declare it with `param %s;`, or write $$ for a literal $", name);
            return 0;
        }
        p->used = 1;
        if (mode == EXP_GLOB || mode == EXP_REGEX || mode == EXP_NAME_REGEX) p->used_in_pattern = 1;
        /* at the start of a path (after the ^ of a regex, or of one of its
         * top-level alternatives, each a rule of its own): its value is the root */
        if (((mode == EXP_PATH || mode == EXP_PREFIX || mode == EXP_GLOB) && b->len == 0) ||
            (mode == EXP_REGEX && alt_start_is_caret(b))) {
            mark_root(p, sub_span(s, s->s + i, skip - i));
            /* a regex's end anchor after the value is no text ("^$P$") */
            int anchor = mode == EXP_REGEX && skip < s->len && s->s[skip] == '$' &&
                         (skip + 1 == s->len || s->s[skip + 1] == '|');
            if (skip < s->len && s->s[skip] != '/' && !anchor) {
                if (!p->root_glued) p->glued_at = sub_span(s, s->s + i, skip - i);
                p->root_glued = 1;
            }
        }
        else if (mode == EXP_PATH || mode == EXP_PREFIX || mode == EXP_GLOB || mode == EXP_REGEX) {
            if (!p->path_inner) p->inner_at = sub_span(s, s->s + i, skip - i);
            p->path_inner = 1;
        }
        if ((mode == EXP_REGEX || mode == EXP_NAME_REGEX) && skip < s->len && strchr("?*+{", s->s[skip])) {
            /* the quantifier would bind to the value's last character only */
            diag *d = diag_add(dl, SEV_ERROR, BK2007, sub_span(s, s->s + i, skip - i + 1),
                               "a regex quantifier cannot follow a parameter: it would repeat only the last "
                               "character of the value");
            diag_help(dl, d, "group what should repeat, e.g. \"(${%s})?\"", name);
            return 0;
        }
        sb_putc(b, PARAM_OPEN);
        sb_puts(b, name);
        sb_putc(b, PARAM_CLOSE);
        i = skip - 1;
    }
    return 1;
}

/* A path changes when written canonically: "//" (dslash says whether it
 * has one, -1: look), a trailing "/" (unless keep_slash), or an alias of
 * /private. */
static int path_changes(const char *p, size_t len, int dslash, int keep_slash, int alias)
{
    if (len > 1 && p[len - 1] == '/' && !keep_slash) return 1;
    for (size_t i = 1; dslash < 0 && i < len; i++)
        if (p[i] == '/' && p[i - 1] == '/') dslash = 1;
    if (dslash > 0) return 1;
    return alias && len >= 4 && p[0] == '/' && private_alias(p, len, "") != NULL;
}

const char *expand_value(compilation *c, const ast_str *s, expand_mode mode, size_t *len)
{
    value_info vi;
    return expand_value_info(c, s, mode, len, &vi);
}

const char *expand_value_info(compilation *c, const ast_str *s, expand_mode mode, size_t *len, value_info *vi)
{
    vi->plain = 0;
    vi->depth = -1;
    arena *a = &c->a;
    diag_list *dl = &c->diags;
    const char *what = mode == EXP_NAME || mode == EXP_NAME_REGEX ? "name" : mode == EXP_TEXT ? "text" : "path";
    /* one pass: control characters, '$', and for a path written without
     * parameters whether it has "//", a "." or ".." component */
    int dollar = 0, dslash = 0, dots = 0, quote = 0, depth = 0;
    size_t comp = 0;                     /* start of the current component */
    const unsigned char *t = (const unsigned char *)s->s;
    for (size_t i = 0; i <= s->len; i++) {
        while (i < s->len && !special[t[i]]) i++;
        unsigned char ch = i < s->len ? t[i] : '/';
        if (ch == '/') {
            size_t n = i - comp;
            if ((n == 1 && s->s[comp] == '.') || (n == 2 && s->s[comp] == '.' && s->s[comp + 1] == '.')) dots = 1;
            if (n == 0 && i > 0 && i < s->len) dslash = 1;
            depth += n > 0;
            comp = i + 1;
        } else if (ch == '$') {
            dollar = 1;
        } else if (ch == '"' || ch == '\\') {
            quote = 1;
        } else if ((ch < 0x20 || ch == 0x7f) && mode != EXP_TEXT) {
            diag *d = diag_add(dl, SEV_ERROR, BK2008, s->at,
                               "control character 0x%02x in a %s: it could never match", ch, what);
            diag_help(dl, d, "remove the escape sequence from the string");
            return NULL;
        }
    }
    int is_path = mode == EXP_PATH || mode == EXP_PREFIX || mode == EXP_GLOB;
    /* Most values come out as written: the parse tree's string is used
     * as it is, and b stays empty. */
    strbuf b;
    sb_init(&b);
    const char *v = s->s;
    size_t vl = s->len;
    int as_written = !(dollar || (is_path && s->len && s->s[0] == '~'));
    if (!as_written) {
        if (!substitute(c, s, mode, &b)) { sb_free(&b); return NULL; }
        v = b.data ? b.data : "";
        vl = b.len;
    }
    if (mode == EXP_GLOB && (memchr(v, '\\', vl) || memchr(v, '[', vl))) {
        /* "\\t" and "[t]" are the plain "t": before the /private rewrite
         * and the fixed part ("/e\\tc/x" is "/etc/x") */
        strbuf g;
        sb_init(&g);
        if (glob_canonical(&g, v, vl)) {
            sb_reset(&b);
            sb_add(&b, g.data, g.len);
            v = b.data;
            vl = b.len;
            as_written = 0;
        }
        sb_free(&g);
    }
    if (is_path) {
        if (vl == 0 || (v[0] != '/' && v[0] != PARAM_OPEN)) {
            diag *d = diag_add(dl, SEV_ERROR, BK2008, s->at, "relative path \"%s\": paths must be absolute", s->s);
            diag_help(dl, d, "start it with /, ~ or a parameter such as $WORKDIR");
            sb_free(&b);
            return NULL;
        }
        size_t at, whole = vl;
        /* a prefix's last component is text, not a name: "~/." is every
         * entry of the home directory whose name starts with a dot */
        while (mode == EXP_PREFIX && whole > 0 && v[whole - 1] != '/') whole--;
        if ((!as_written || dots) && bad_component(v, whole, &at)) {
            diag *d = diag_add(dl, SEV_ERROR, BK2008, s->at,
                               "path \"%s\" has a \".\" or \"..\" component", s->s);
            diag_help(dl, d, "the kernel resolves paths physically; write the resolved absolute path");
            sb_free(&b);
            return NULL;
        }
        int alias = c->canon == PLAT_MACOS;
        if (path_changes(v, vl, as_written ? dslash : -1, mode == EXP_PREFIX, alias)) {
            if (v == s->s) sb_add(&b, s->s, s->len);
            /* collapse "//", drop a trailing "/" (a prefix keeps it) */
            size_t w = 0;
            for (size_t r = 0; r < b.len; r++) {
                if (b.data[r] == '/' && w > 0 && b.data[w - 1] == '/') continue;
                b.data[w++] = b.data[r];
            }
            if (w > 1 && b.data[w - 1] == '/' && mode != EXP_PREFIX) w--;
            b.len = w;
            b.data[w] = 0;
            if (alias) sb_private_alias(&b);
            v = b.data;
            vl = b.len;
        }
        /* the kernel hands the sandbox no path this long (MAXPATHLEN on
         * macOS, PATH_MAX on Linux, both counting the NUL): such a rule
         * matches nothing, and its ancestors alone would make output that
         * grows with the square of the length */
        size_t most = c->canon == PLAT_MACOS ? 1023 : 4095;
        if (mode != EXP_GLOB && vl > most) {
            diag *d = diag_add(dl, SEV_ERROR, BK2008, s->at, "a path of %zu bytes: %s paths are at most %zu bytes",
                               vl, c->canon == PLAT_MACOS ? "macOS" : "Linux", most);
            diag_help(dl, d, "no file has a longer path, so the rule could never match");
            sb_free(&b);
            return NULL;
        }
    }
    if (mode == EXP_GLOB && vl >= 6) {
        /* repeated globstar components mean one ("/a" then two globstar
         * components is "/a" then one): every later phase sees one shape */
        strbuf g;
        sb_init(&g);
        int changed = 0;
        for (size_t r = 0; r < vl; r++) {
            if (v[r] == '\\' && r + 1 < vl) { sb_add(&g, v + r, 2); r++; continue; }
            if (v[r] == '/' && r + 6 <= vl && !memcmp(v + r, "/**/**", 6) && (r + 6 == vl || v[r + 6] == '/')) {
                changed = 1;
                r += 2;
                continue;                       /* drop this globstar: the next one stays */
            }
            sb_putc(&g, v[r]);
        }
        if (changed) {
            sb_reset(&b);
            sb_add(&b, g.data, g.len);
            v = b.data;
            vl = b.len;
        }
        sb_free(&g);
    }
    if (mode == EXP_GLOB) {
        size_t off;
        const char *err = glob_check(v, vl, &off);
        if (err) {
            diag_add(dl, SEV_ERROR, BK2007, s->at, "invalid glob \"%s\": %s", s->s, err);
            sb_free(&b);
            return NULL;
        }
    }
    if (mode == EXP_REGEX || mode == EXP_NAME_REGEX) {
        size_t off;
        const char *err = regex_check(v, vl, &off);
        if (err) {
            diag_add(dl, SEV_ERROR, BK2007, s->at, "invalid regex \"%s\": %s", s->s, err);
            sb_free(&b);
            return NULL;
        }
    }
    if (mode == EXP_NAME && vl == 0) {
        diag_add(dl, SEV_ERROR, BK2008, s->at, "empty name");
        sb_free(&b);
        return NULL;
    }
    *len = vl;
    if (v == s->s) {
        vi->plain = !quote && mode != EXP_TEXT;
        vi->depth = depth;
    }
    const char *r = v == s->s ? s->s : arena_strndup(a, v, vl);
    sb_free(&b);
    return r;
}

/* An alias in any case of its letters: a macOS volume is case-insensitive
 * unless made otherwise, so "/TMP" is the /tmp link and the kernel sees
 * /private/tmp (docs/language.md) */
static const char *const aliases[] = { "/tmp", "/var", "/etc" };

const char *private_alias_name(size_t k)
{
    return k < sizeof aliases / sizeof *aliases ? aliases[k] : NULL;
}

const char *private_alias(const char *path, size_t len, const char *ends)
{
    if (len < 4 || path[0] != '/' || !(len == 4 || path[4] == '/' || (path[4] && strchr(ends, path[4])))) return NULL;
    unsigned mask = alias_component(path + 1, 3, ALIAS_TEXT);
    for (size_t k = 0; k < 3; k++)
        if (mask >> k & 1) return aliases[k];
    return NULL;
}

void private_alias_lower(char *p)
{
    for (size_t i = 1; i < 4; i++)
        if (p[i] >= 'A' && p[i] <= 'Z') p[i] = (char)(p[i] + 32);
}

void sb_private_alias(strbuf *b)
{
    if (!b->len || !private_alias(b->data, b->len, "")) return;
    static const char pre[] = "/private";
    size_t n = sizeof pre - 1;
    sb_grow(b, n);
    memmove(b->data + n, b->data, b->len + 1);
    memcpy(b->data, pre, n);
    b->len += n;
    private_alias_lower(b->data + n);
}

const char *platform_path(arena *a, platform_t p, const char *value)
{
    if (p != PLAT_MACOS || value[0] != '/' || !private_alias(value, strlen(value), "")) return value;
    char *r = arena_printf(a, "/private%s", value);
    private_alias_lower(r + 8);
    return r;
}

int path_dot_component(const char *p)
{
    size_t at;
    return bad_component(p, strlen(p), &at);
}

int param_is_path_builtin(const char *name)
{
    const builtin_param *b = builtin_param_find(name, strlen(name));
    return b && b->is_path;
}

const char *param_value_check(arena *a, const char *name, const char *value, int need_abs, const char **out)
{
    (void)name;
    if (!value[0]) return "the value is empty (an empty path would stand for the whole disk)";
    if (strlen(value) > 4095) return "the value is longer than 4095 bytes, longer than any path";
    for (const char *p = value; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f) return "control character in parameter value";
    if (value[0] != '/') {
        if (need_abs) return "the value must be an absolute path (start it with /)";
        *out = arena_strdup(a, value);
        return NULL;
    }
    strbuf b;
    sb_init(&b);
    sb_puts(&b, value);
    b.len = path_collapse(b.data, b.len, 0);   /* "//" as "/", no "/" at the end */
    b.data[b.len] = 0;
    size_t at;
    if (bad_component(b.data, b.len, &at)) { sb_free(&b); return "the value has a \".\" or \"..\" component"; }
    *out = arena_strdup(a, b.data);
    sb_free(&b);
    return NULL;
}

const char *define_parse(arena *a, const char *arg, define *out)
{
    const char *eq = strchr(arg, '=');
    if (!eq || eq == arg) return "expected -D NAME=VALUE";
    for (const char *p = arg; p < eq; p++)
        if (!(isalnum((unsigned char)*p) || *p == '_' || (p > arg && *p == '-')) || (p == arg && isdigit((unsigned char)*p)))
            return "parameter names are identifiers ([A-Za-z_][A-Za-z0-9_-]*)";
    out->name = arena_strndup(a, arg, (size_t)(eq - arg));
    const char *v = eq + 1;
    int path = param_is_path_builtin(out->name);
    /* the value as typed, for a platform other than the host's (whose
     * links it must not follow); one that is not canonical as typed has
     * none, and the checks below and the runner's name its fault */
    if (param_value_check(a, out->name, v, path, &out->raw)) out->raw = NULL;
    char real[PATH_MAX];
    if (v[0] == '/' && realpath(v, real)) v = real;
    return param_value_check(a, out->name, v, path, &out->value);
}

const char *define_value_for(const define *d, platform_t p)
{
#if defined(__APPLE__)
    int host = p == PLAT_MACOS || p == PLAT_ANY;
#elif defined(__linux__)
    int host = p == PLAT_LINUX;
#else
    int host = 0;
#endif
    return host || !d->raw ? d->value : d->raw;
}

void param_regex_quote(strbuf *out, const char *v, size_t len)
{
    /* "/": the root, whose join with a following "/" is that "/" */
    if (len == 1 && v[0] == '/') { sb_puts(out, "/?"); return; }
    regex_quote(out, v, len);
}

void param_ancestors_regex(strbuf *out, const char *v)
{
    if (v[0] == '/' && v[1] == 0) { sb_puts(out, "^$"); return; }   /* "/" has none: match no path */
    ancestors_regex(out, v);
}

void param_private_value(strbuf *out, const char *v, int regex)
{
    if (v[0] == '/' && !v[1]) sb_puts(out, regex ? "/private" : "/private/");
    else if (regex) param_regex_quote(out, v, strlen(v));
    else param_dir_value(out, v);
}

void param_dir_value(strbuf *out, const char *v)
{
    sb_puts(out, v);
    if (!out->len || out->data[out->len - 1] != '/') sb_putc(out, '/');
}

static void expand_values(strbuf *out, const char *t, size_t len, const hashmap *vals, int flags);

int template_private_alias(const char *t, size_t len, const hashmap *vals)
{
    /* only a template whose first component a value makes (or helps make:
     * "/t$X" with X=mp): a written "/tmp" was rewritten when the profile
     * was read */
    if (!len) return 0;
    int from_value = t[0] == PARAM_OPEN;
    for (size_t i = 1; !from_value && t[0] == '/' && i < len && t[i] != '/'; i++) from_value = t[i] == PARAM_OPEN;
    if (!from_value) return 0;
    strbuf b;
    sb_init(&b);
    expand_values(&b, t, len, vals, TPL_KEEP);
    int r = b.len && b.data[0] == '/' && private_alias(b.data, b.len, "") &&
            !memchr(b.data, PARAM_OPEN, b.len < 5 ? b.len : 5);
    sb_free(&b);
    return r;
}

void param_expand(strbuf *out, const char *t, size_t len, const hashmap *vals, int flags)
{
    size_t start = out->len;
    expand_values(out, t, len, vals, flags);
    if ((flags & (TPL_REGEX | TPL_GLOB | TPL_LINUX)) || !template_private_alias(t, len, vals)) return;
    if ((flags & TPL_PREFIX) && template_prefix_alias(t, len, vals)) return;
    static const char pre[] = "/private";
    size_t n = sizeof pre - 1;
    sb_grow(out, n);
    memmove(out->data + start + n, out->data + start, out->len - start + 1);
    memcpy(out->data + start, pre, n);
    out->len += n;
    private_alias_lower(out->data + start + n);
}

static void expand_values(strbuf *out, const char *t, size_t len, const hashmap *vals, int flags)
{
    for (size_t i = 0; i < len; i++) {
        const char *m = memchr(t + i, PARAM_OPEN, len - i);
        size_t run = m ? (size_t)(m - (t + i)) : len - i;
        sb_add(out, t + i, run);
        i += run;
        if (i >= len) break;
        size_t j = i + 1;
        while (j < len && t[j] != PARAM_CLOSE) j++;
        const char *dot = memchr(t + i + 1, '.', j - i - 1);
        if (dot) {                      /* a derived name (NAME.up): its text as it is */
            const char *bv = hm_get(vals, t + i + 1, (size_t)(dot - t - i - 1));
            if (bv) param_derived(out, bv, dot, (size_t)(t + j - dot));
            else if (flags & TPL_KEEP) sb_add(out, t + i, (j < len ? j + 1 : len) - i);
            i = j;
            continue;
        }
        const char *v = hm_get(vals, t + i + 1, j - i - 1);
        size_t vl = v ? strlen(v) : 0;
        /* a value ending in "/" (the root) followed by "/": one slash */
        if (v && vl && v[vl - 1] == '/' && j + 1 < len && t[j + 1] == '/' && !(flags & TPL_REGEX)) vl--;
        if (!v && (flags & TPL_KEEP)) sb_add(out, t + i, (j < len ? j + 1 : len) - i);
        else if (flags & TPL_REGEX) param_regex_quote(out, v ? v : "", vl);
        else if (flags & TPL_GLOB) {
            for (size_t k = 0; k < vl; k++) {
                if (strchr("*?[]\\", v[k])) sb_putc(out, '\\');
                sb_putc(out, v[k]);
            }
        }
        else sb_add(out, v ? v : "", vl);
        i = j;
    }
}

/* The derived parameters, in the order derive_sbpl_params writes them;
 * as_written: the form holds the value's text as it is (a directory, a
 * root), so in a regex that text is regex source.  The others are quoted
 * regex forms, or "" / "//" switches. */
static const struct {
    const char *sfx;
    unsigned char as_written;
} derived[PARAM_DERIVED_COUNT] = {
    { ".re", 0 },       { ".ancestors", 0 }, { ".dir", 1 },      { ".pdir", 1 },
    { ".pre", 0 },      { ".root", 1 },      { ".rootre", 0 },   { ".up", 0 },
    { ".uproot", 0 },   { ".ifroot", 0 },    { ".ifalias", 0 },  { ".ifnotroot", 0 },
    { ".fold", 0 },     { ".foldfirst", 0 }, { ".ifslash", 0 },  { ".ifnoslash", 0 },
    { ".upfirst", 0 },
};

const char *param_derived_suffix(size_t i) { return i < PARAM_DERIVED_COUNT ? derived[i].sfx : NULL; }

int param_derived_as_written(const char *sfx, size_t sl)
{
    for (size_t i = 0; i < PARAM_DERIVED_COUNT; i++)
        if (strlen(derived[i].sfx) == sl && !memcmp(derived[i].sfx, sfx, sl)) return derived[i].as_written;
    return 1;
}

int param_derived(strbuf *out, const char *v, const char *sfx, size_t sl)
{
#define SFX(x) (sl == sizeof x - 1 && !memcmp(sfx, x, sl))
    if (SFX(".re")) param_regex_quote(out, v, strlen(v));
    else if (SFX(".ancestors")) param_ancestors_regex(out, v);
    else if (SFX(".fold") || SFX(".foldfirst")) {
        /* NAME.re in every case of its letters (final_case.c); .foldfirst
         * only up to the value's first '/', the rest as written (the
         * alias a value makes is the one component read in any case) */
        strbuf q;
        sb_init(&q);
        size_t vl = strlen(v), head = vl;
        if (SFX(".foldfirst")) {
            const char *slash = strchr(v + (v[0] == '/'), '/');   /* after a root's "/" */
            if (slash) head = (size_t)(slash - v);
        }
        size_t folded;
        if (head == 0 || head == vl) { param_regex_quote(&q, v, vl); folded = head ? q.len : 0; }
        else {
            regex_quote(&q, v, head);
            folded = q.len;
            regex_quote(&q, v + head, vl - head);
        }
        for (size_t i = 0; i < q.len; i++) {
            unsigned char ch = (unsigned char)q.data[i];
            if (i >= folded) { sb_add(out, q.data + i, q.len - i); break; }
            size_t u = ch >= 0xC0 ? regex_fold_utf8(out, q.data + i, q.len - i, 0) : 0;
            if (u) i += u - 1;
            else if ((ch | 32) >= 'a' && (ch | 32) <= 'z') regex_fold_byte(out, (char)ch);
            else sb_putc(out, (char)ch);
        }
        sb_free(&q);
    }
    else if (SFX(".dir")) param_dir_value(out, v);
    else if (SFX(".pdir")) param_private_value(out, v, 0);
    else if (SFX(".pre")) param_private_value(out, v, 1);
    else if (SFX(".root") || SFX(".rootre")) {
        strbuf b;
        sb_init(&b);
        if (v[0] != '/') sb_putc(&b, '/');
        sb_puts(&b, v);
        sb_private_alias(&b);
        if (SFX(".root")) sb_add(out, b.data, b.len);
        else regex_quote(out, b.data, b.len);
        sb_free(&b);
    } else if (SFX(".ifroot")) {
        /* "" for the root, "//" otherwise (a text no path holds) */
        if (!(v[0] == '/' && !v[1])) sb_puts(out, "//");
    } else if (SFX(".ifslash") || SFX(".ifnoslash")) {
        /* "" when the value holds a '/' after a root's (tmp/x, /tmp/x;
         * the first component ends inside it), "//" otherwise; .ifnoslash
         * the other way */
        int slash = strchr(v + (v[0] == '/'), '/') != NULL;
        if (slash != SFX(".ifslash")) sb_puts(out, "//");
    } else if (SFX(".ifnotroot")) {
        if (v[0] == '/' && !v[1]) sb_puts(out, "//");
    } else if (SFX(".ifalias")) {
        /* "" when the value's first component is tmp, var or etc (the
         * kernel's /private aliases), "//" otherwise */
        strbuf b;
        sb_init(&b);
        if (v[0] != '/') sb_putc(&b, '/');
        sb_puts(&b, v);
        if (!private_alias(b.data, b.len, "")) sb_puts(out, "//");
        sb_free(&b);
    } else if (SFX(".uproot")) {
        /* ".up" after the root: "/" and the value up to each of its '/',
         * as the kernel sees the path; none: "//", which no path holds */
        size_t n = strlen(v), k0 = out->len;
        strbuf b;
        sb_init(&b);
        for (size_t k = 1; k < n; k++) {
            if (v[k] != '/') continue;
            sb_reset(&b);
            sb_putc(&b, '/');
            sb_add(&b, v, k);
            sb_private_alias(&b);
            sb_putc(out, out->len == k0 ? '(' : '|');
            regex_quote(out, b.data, b.len);
        }
        sb_free(&b);
        sb_puts(out, out->len == k0 ? "//" : ")");
    } else if (SFX(".upfirst")) {
        /* ".up" with each prefix's text up to the value's first '/' in
         * every case of its letters (as .foldfirst): the ancestors inside
         * a value that ends an alias's first component ("/T$A", A=mp/b:
         * /TMp is /private/tmp) */
        size_t n = strlen(v), k0 = out->len;
        const char *slash = strchr(v + (v[0] == '/'), '/');
        size_t head = slash ? (size_t)(slash - v) : n;
        char *w = strdup(v);
        if (!w) return 1;
        for (size_t k = 1; k < n; k++) {
            if (v[k] != '/') continue;
            sb_putc(out, out->len == k0 ? '(' : '|');
            w[k] = 0;
            if (k <= head) param_derived(out, w, ".fold", 5);
            else {
                w[head] = 0;
                param_derived(out, w, ".fold", 5);
                w[head] = '/';
                regex_quote(out, v + head, k - head);
            }
            w[k] = v[k];
        }
        free(w);
        sb_puts(out, out->len == k0 ? "/" : ")");
    } else if (SFX(".up")) {
        /* the value's proper prefixes that end before one of its '/' (the
         * empty one aside), as alternatives; none: "/", which after the
         * text before it ("^/x/" then "/" then "$") matches no path, since a
         * path never holds "//" nor ends in "/" */
        size_t n = strlen(v), k0 = out->len;
        for (size_t k = 1; k < n; k++) {
            if (v[k] != '/') continue;
            sb_putc(out, out->len == k0 ? '(' : '|');
            regex_quote(out, v, k);
        }
        sb_puts(out, out->len == k0 ? "/" : ")");
    } else return 0;
    return 1;
#undef SFX
}

/* template_regex's parameter writer: a value is quoted in place; a
 * parameter without one (TPL_KEEP) becomes the marker of the derived
 * parameter that holds its regex, chosen by where it stands (macOS): a
 * root "$P" before /tmp, /var or /etc reads NAME.pre (/private for the
 * root), a relative "/$D" component right after the root NAME.rootre
 * (/private/tmp for tmp, in place of the "/"), anything else NAME.re. */
typedef struct tre_ctx { const hashmap *vals; const char *t; size_t len; int flags; size_t c0, c1; } tre_ctx;

/* The first component after the root of template t: [*c0, *c1), after a
 * root parameter and its "/" where one leads */
static void first_component(const char *t, size_t len, size_t *c0, size_t *c1)
{
    size_t i = 0;
    if (len && t[0] == PARAM_OPEN) {
        while (i < len && t[i] != PARAM_CLOSE) i++;
        /* "${P}p": the value's last component and the text glued to it */
        if (i + 1 < len && t[i + 1] != '/') { *c0 = 0; i = i + 1; while (i < len && t[i] != '/') i++; *c1 = i; return; }
        i++;
    }
    *c0 = i + 1;
    size_t e = *c0;
    while (e < len && t[e] != '/') {
        if (t[e] == PARAM_OPEN) { while (e < len && t[e] != PARAM_CLOSE) e++; }
        if (e < len) e++;
    }
    *c1 = e;
}

static void tre_param(strbuf *out, const char *name, size_t n, void *ud)
{
    const tre_ctx *x = ud;
    size_t i = (size_t)(name - x->t) - 1, j = i + 1 + n;      /* its PARAM_OPEN and PARAM_CLOSE */
    const char *dot = memchr(name, '.', n);
    if (dot) {                         /* a derived name (NAME.up): regex text already */
        const char *bv = hm_get(x->vals, name, (size_t)(dot - name));
        /* "/$N" then NAME.up, N=tmp/x: /private/tmp to the kernel, NAME.uproot
         * (with the value known too: its ancestors under /private) */
        int up = (size_t)(name + n - dot) == 3 && !memcmp(dot, ".up", 3);
        /* in a first component folded (TPL_FOLD1): NAME.upfirst */
        if (up && (x->flags & TPL_FOLD1) && i >= x->c0 && i < x->c1) {
            if (bv) param_derived(out, bv, ".upfirst", 8);
            else if (x->flags & TPL_KEEP) {
                sb_putc(out, PARAM_OPEN);
                sb_add(out, name, (size_t)(dot - name));
                sb_puts(out, ".upfirst");
                sb_putc(out, PARAM_CLOSE);
            }
            return;
        }
        int rootup = !(x->flags & TPL_LINUX) && i == 1 && x->t[0] == '/' && out->len &&
                     out->data[out->len - 1] == '/' && up;
        if (bv && rootup) {
            out->len--;
            param_derived(out, bv, ".uproot", 7);
        } else if (bv) param_derived(out, bv, dot, (size_t)(name + n - dot));
        else if (x->flags & TPL_KEEP) {
            if (rootup) out->len--;
            sb_putc(out, PARAM_OPEN);
            sb_add(out, name, n);
            if (rootup) sb_puts(out, "root");
            sb_putc(out, PARAM_CLOSE);
        }
        return;
    }
    const char *v = hm_get(x->vals, name, n);
    int fold = (x->flags & TPL_FOLD1) && i >= x->c0 && i < x->c1;
    if (v && fold) { param_derived(out, v, ".foldfirst", 10); return; }
    if (v) { param_regex_quote(out, v, strlen(v)); return; }
    if (!(x->flags & TPL_KEEP)) return;
    const char *sfx = fold ? ".foldfirst" : ".re";
    if (!(x->flags & (TPL_LINUX | TPL_FOLD1))) {
        if (i == 0 && private_alias(x->t + j + 1, x->len - j - 1, "")) sfx = ".pre";
        else if (i == 1 && x->t[0] == '/' && (j + 1 == x->len || x->t[j + 1] == '/') && out->len &&
                 out->data[out->len - 1] == '/') {
            out->len--;
            sfx = ".rootre";
        }
    }
    sb_putc(out, PARAM_OPEN);
    sb_add(out, name, n);
    sb_puts(out, sfx);
    sb_putc(out, PARAM_CLOSE);
}

/* A glob whose first component is a pattern that matches tmp, var or etc
 * (glob_alias_mask; with the values in, where a parameter helps make that
 * component, or the one after a leading globstar): "|" and the regex of
 * each alias's text under /private. */
static unsigned glob_alias_of(strbuf *x, const char *t, size_t len, const hashmap *vals, const char **g, size_t *gl,
                              size_t *rest)
{
    size_t e = t[0] == PARAM_OPEN ? 0 : 1;
    /* "/" + globstar + "/C": C is a first component too (glob_alias_mask) */
    while (e == 1 && e + 2 < len && t[e] == '*' && t[e + 1] == '*' && t[e + 2] == '/') e += 3;
    for (; e < len && t[e] != '/'; e++) {
        if (t[e] == PARAM_OPEN) break;
        if (t[e] == '\\') e++;
    }
    *g = t;
    *gl = len;
    if (e < len && t[e] == PARAM_OPEN) {        /* every value known: the glob they make */
        expand_values(x, t, len, vals, TPL_GLOB | TPL_KEEP);
        if (!x->len || memchr(x->data, PARAM_OPEN, x->len)) return 0;
        *g = x->data;
        *gl = x->len;
    }
    return glob_alias_mask(*g, *gl, rest);
}

unsigned template_prefix_alias(const char *t, size_t len, const hashmap *vals)
{
    if (!len || !memchr(t, PARAM_OPEN, len)) return 0;      /* written: split when lowered */
    /* "$P" alone is the value, canonical already ("/tmp" is /private/tmp):
     * a value "/v" is the string "/v", not /private/var too */
    if (t[0] == PARAM_OPEN && memchr(t, PARAM_CLOSE, len) == t + len - 1) return 0;
    strbuf x;
    sb_init(&x);
    expand_values(&x, t, len, vals, TPL_KEEP);
    unsigned mask = 0;
    if (x.len >= 2 && x.len <= 4 && x.data[0] == '/' && !memchr(x.data, PARAM_OPEN, x.len))
        mask = alias_component(x.data + 1, x.len - 1, ALIAS_BEGIN);
    sb_free(&x);
    return mask;
}

unsigned template_glob_alias(const char *t, size_t len, const hashmap *vals)
{
    strbuf x;
    sb_init(&x);
    const char *g;
    size_t gl, rest;
    unsigned mask = len ? glob_alias_of(&x, t, len, vals, &g, &gl, &rest) : 0;
    sb_free(&x);
    return mask;
}

static void glob_alias_alternatives(strbuf *out, const char *t, size_t len, const hashmap *vals, int flags)
{
    strbuf x;
    sb_init(&x);
    const char *g;
    size_t gl, rest;
    unsigned mask = glob_alias_of(&x, t, len, vals, &g, &gl, &rest);
    for (unsigned k = 0; k < 3; k++) {
        if (!(mask >> k & 1)) continue;
        strbuf a;
        sb_init(&a);
        glob_alias_text(&a, k, g, gl, rest);
        tre_ctx y = { vals, a.data, a.len, flags & ~TPL_FOLD1, 0, 0 };
        sb_putc(out, '|');
        glob_to_regex(out, a.data, a.len, tre_param, &y);
        sb_free(&a);
    }
    sb_free(&x);
}

/* "/" + globstar + "/$D/x" with D unknown (the symbolic output): with
 * the globstar as no component the value makes the first component, which
 * may be an alias in another case of its letters ("TMP": /private/tmp/x,
 * which the globstar as "private" does not give).  "|" and the regex of
 * "/$D/x", which reads the value through NAME.rootre as the kernel sees
 * it.  With the value known glob_alias_alternatives reads it.  After a
 * root parameter P without a value ("$P/" + globstar + "/C/x"), with P=/
 * the same: those alternatives, each after P.ifroot ("" for the root,
 * "//", which no path holds, otherwise); P=/ known: the rest alone
 * (glob_alias_alternatives reads the rest where every value is known). */
static void globstar_value_alternative(strbuf *out, const char *t, size_t len, const hashmap *vals, int flags)
{
    const char *root = NULL;
    size_t rootn = 0;
    if (len && t[0] == PARAM_OPEN) {
        const char *e = memchr(t, PARAM_CLOSE, len);
        if (!e || e + 1 >= t + len || e[1] != '/' || memchr(t + 1, '.', (size_t)(e - t - 1))) return;
        const char *v = hm_get(vals, t + 1, (size_t)(e - t - 1));
        if (v ? strcmp(v, "/") != 0 : !(flags & TPL_KEEP)) return;
        if (!v) {
            root = t + 1;
            rootn = (size_t)(e - t - 1);
        }
        len -= (size_t)(e + 1 - t);
        t = e + 1;
        if (root) {
            /* the alternatives of the rest, each read with P=/ only */
            strbuf a;
            sb_init(&a);
            glob_alias_alternatives(&a, t, len, vals, flags);
            globstar_value_alternative(&a, t, len, vals, flags);
            for (size_t i = 0; i + 1 < a.len;) {       /* "|^..." each */
                size_t n = regex_alt_end(a.data + i + 1, a.len - i - 1);
                sb_puts(out, "|^");
                sb_putc(out, PARAM_OPEN);
                sb_add(out, root, rootn);
                sb_puts(out, ".ifroot");
                sb_putc(out, PARAM_CLOSE);
                sb_add(out, a.data + i + 2, n - 1);
                i += 1 + n;
            }
            sb_free(&a);
            return;
        }
    }
    size_t s = 0;
    while (s + 3 < len && t[s] == '/' && t[s + 1] == '*' && t[s + 2] == '*' && t[s + 3] == '/') s += 3;
    if (!s || !(flags & TPL_KEEP) || s + 1 >= len || t[s + 1] != PARAM_OPEN) return;
    const char *e = memchr(t + s + 1, PARAM_CLOSE, len - s - 1);
    if (!e || (e + 1 < t + len && e[1] != '/') || memchr(t + s + 1, '.', (size_t)(e - t - s - 1)) ||
        hm_get(vals, t + s + 2, (size_t)(e - t - s - 2)))
        return;
    sb_putc(out, '|');
    template_regex(out, t + s, len - s, vals, flags & ~TPL_FOLD1);
}

/* template_regex, with TPL_FOLD1 folding the first component only up to
 * fend where fend is not 0 */
static void template_regex_to(strbuf *out, const char *t, size_t len, const hashmap *vals, int flags, size_t fend)
{
    size_t start = out->len;
    tre_ctx x = { vals, t, len, flags, 0, 0 };
    strbuf ft;
    sb_init(&ft);
    if (flags & TPL_FOLD1) {
        first_component(t, len, &x.c0, &x.c1);
        if (fend) x.c1 = fend;
        if ((flags & TPL_GLOB) && x.c1 > x.c0) {
            /* a glob's letters there as "[tT]" (a bracket or an escape
             * there stays as written) */
            sb_add(&ft, t, x.c0);
            size_t c1 = x.c1;
            for (size_t i = x.c0; i < c1; i++) {
                char ch = t[i];
                if (ch == PARAM_OPEN) {
                    const char *e = memchr(t + i, PARAM_CLOSE, len - i);
                    size_t j = e ? (size_t)(e - t) : len - 1;
                    sb_add(&ft, t + i, j + 1 - i);
                    i = j;
                } else if (ch == '[' || ch == '\\') {
                    size_t j = i + 1;
                    if (ch == '[') while (j < c1 && t[j] != ']') j++;
                    sb_add(&ft, t + i, (j < c1 ? j + 1 : c1) - i);
                    i = j;
                } else if ((ch | 32) >= 'a' && (ch | 32) <= 'z') {
                    sb_putc(&ft, '[');
                    sb_putc(&ft, (char)(ch | 32));
                    sb_putc(&ft, (char)(ch & ~32));
                    sb_putc(&ft, ']');
                } else sb_putc(&ft, ch);
            }
            x.c1 = ft.len;
            sb_add(&ft, t + c1, len - c1);
            t = x.t = ft.data;
            len = x.len = ft.len;
        }
    }
    if (flags & TPL_GLOB) {
        glob_to_regex(out, t, len, tre_param, &x);
        if (len && !(flags & (TPL_LINUX | TPL_NOALIAS))) {
            glob_alias_alternatives(out, t, len, vals, flags);
            globstar_value_alternative(out, t, len, vals, flags);
        }
    } else {
        sb_putc(out, '^');
        for (size_t i = 0; i < len; i++) {
            if (t[i] != PARAM_OPEN && (flags & TPL_FOLD1) && i >= x.c0 && i < x.c1 && ((t[i] | 32) >= 'a' && (t[i] | 32) <= 'z')) {
                regex_fold_byte(out, t[i]);
                continue;
            }
            if (t[i] != PARAM_OPEN) { regex_quote(out, t + i, 1); continue; }
            size_t j = i + 1;
            while (j < len && t[j] != PARAM_CLOSE) j++;
            tre_param(out, t + i + 1, j - i - 1, &x);
            i = j;
        }
    }
    int alias = !(flags & (TPL_LINUX | TPL_FOLD1)) && template_private_alias(t, len, vals);
    sb_free(&ft);
    if (!alias) return;
    static const char pre[] = "/private";          /* after the '^' */
    size_t n = sizeof pre - 1;
    sb_grow(out, n);
    memmove(out->data + start + 1 + n, out->data + start + 1, out->len - start);
    memcpy(out->data + start + 1, pre, n);
    out->len += n;
    /* the link's name as the volume spells it, after a root value's "/?"
     * ("$P/TMP/x" with P=/ is "^/?/TMP/x": /private/tmp/x) */
    char *first = out->data + start + 1 + n;
    if (first[0] == '/' && first[1] == '?' && first[2] == '/') first += 2;
    private_alias_lower(first);
}

/* Whether the parameter whose PARAM_CLOSE is at t[j] has more of the
 * first component [.., c1) after it that the fold changes: a letter or
 * another value ("${D}x", "$A$B"; not "$D*"); not for a derived name */
static int fold1_more(const char *t, size_t i, size_t j, size_t c1)
{
    if (memchr(t + i + 1, '.', j - i - 1)) return 0;
    for (size_t k = j + 1; k < c1; k++)
        if (t[k] == PARAM_OPEN || ((t[k] | 32) >= 'a' && (t[k] | 32) <= 'z')) return 1;
    return 0;
}

/* A TPL_FOLD1 branch: t with each parameter of its first component
 * [c0, c1) that has more of the component after it (fold1_more) written as
 * NAME.foldfirst and NAME.ifnoslash, the one at slash (its PARAM_OPEN;
 * none: len) as NAME.foldfirst and NAME.ifslash, those after it as they
 * are.  *fend: where the fold ends in the text, after that one (or the
 * component's end). */
static void fold1_branch(strbuf *b, const char *t, size_t len, size_t c0, size_t c1, size_t slash, size_t *fend)
{
    sb_add(b, t, c0);
    *fend = 0;
    for (size_t i = c0; i < c1; i++) {
        if (t[i] != PARAM_OPEN) { sb_putc(b, t[i]); continue; }
        size_t j = i + 1;
        while (j < c1 && t[j] != PARAM_CLOSE) j++;
        if (!fold1_more(t, i, j, c1) || (slash < len && i > slash)) {   /* after it: as written */
            sb_add(b, t + i, (j < c1 ? j + 1 : c1) - i);
            i = j;
            continue;
        }
        const char *const sfx[] = { ".foldfirst", i == slash ? ".ifslash" : ".ifnoslash" };
        for (size_t k = 0; k < 2; k++) {
            sb_putc(b, PARAM_OPEN);
            sb_add(b, t + i + 1, j - i - 1);
            sb_puts(b, sfx[k]);
            sb_putc(b, PARAM_CLOSE);
        }
        if (i == slash) *fend = b->len;
        i = j;
    }
    if (!*fend) *fend = b->len;
    sb_add(b, t + c1, len - c1);
}

void template_regex(strbuf *out, const char *t, size_t len, const hashmap *vals, int flags)
{
    size_t c0 = 0, c1 = 0;
    if (flags & TPL_FOLD1) first_component(t, len, &c0, &c1);
    /* the first component with a value that has more of it after it
     * (fold1_more: "/$A$B", "/${D}x"; "${P}p"): the kernel's first component ends at
     * the first '/' of the value that holds one, and what follows it is
     * the path as written (A=tmp/x: /private/tmp/xy, not /private/tmp/xY).
     * One branch where no such value holds a '/' (all folded), and one
     * for each that holds the first, each kept to its case by
     * NAME.ifnoslash and NAME.ifslash ("//", no path, otherwise) */
    size_t ns = 0;
    for (size_t i = c0; i < c1 && i < len; i++) {
        if (t[i] != PARAM_OPEN) continue;
        size_t j = i + 1;
        while (j < c1 && t[j] != PARAM_CLOSE) j++;
        if (fold1_more(t, i, j, c1)) ns++;
        i = j;
    }
    if (!ns) { template_regex_to(out, t, len, vals, flags, 0); return; }
    sb_puts(out, "^(");
    size_t at = c0;               /* the next value with more after it */
    for (size_t k = 0; k <= ns; k++) {
        size_t slash = len;
        for (; k < ns && at < c1; at++) {
            if (t[at] != PARAM_OPEN) continue;
            size_t j = at + 1;
            while (j < c1 && t[j] != PARAM_CLOSE) j++;
            if (fold1_more(t, at, j, c1)) { slash = at; at = j + 1; break; }
            at = j;
        }
        strbuf b, r;
        sb_init(&b);
        sb_init(&r);
        size_t fend;
        fold1_branch(&b, t, len, c0, c1, slash, &fend);
        template_regex_to(&r, b.data, b.len, vals, flags | TPL_NOALIAS, fend);
        if (k) sb_putc(out, '|');
        sb_add(out, r.data + 1, r.len - 1);
        sb_free(&b);
        sb_free(&r);
    }
    sb_putc(out, ')');
}

void depth_band_regex(strbuf *out, int lo, int hi)
{
    if (lo == 0) {
        sb_puts(out, "^/$");
        if (hi == 0) return;
        sb_putc(out, '|');
        lo = 1;
    }
    sb_putc(out, '^');
    for (int i = 0; i < lo; i++) sb_puts(out, "/[^/]+");
    if (hi < 0) return;              /* at least lo components */
    for (int i = lo; i < hi; i++) sb_puts(out, "(/[^/]+)?");
    sb_putc(out, '$');
}

int param_inner_ok(const char *v)
{
    size_t n = strlen(v), at;
    if (!n || v[0] == '/' || v[n - 1] == '/' || strstr(v, "//")) return 0;
    return !bad_component(v, n, &at);
}
