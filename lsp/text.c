/* text.c - positions (UTF-16, as the protocol counts), URIs, JSON strings,
 * and the token context of an offset. */
#include "server.h"
#include "../grammar/parse_ctx.h"
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Length of the UTF-8 sequence at p (1 for a bad byte) and its UTF-16 units. */
static size_t u8len(const unsigned char *p, size_t left, int *units)
{
    unsigned c = p[0];
    size_t k = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
    if (k > left) k = 1;
    for (size_t i = 1; i < k; i++) if ((p[i] & 0xC0) != 0x80) { k = 1; break; }
    *units = k == 4 ? 2 : 1;
    return k;
}

lsp_pos lsp_pos_of(const char *text, size_t len, uint32_t off)
{
    if (off > len) off = (uint32_t)len;
    lsp_pos p = { 0, 0 };
    size_t ls = 0;
    for (const char *nl; ls < off && (nl = memchr(text + ls, '\n', off - ls)) != NULL;) {
        p.line++;
        ls = (size_t)(nl - text) + 1;
    }
    const unsigned char *t = (const unsigned char *)text;
    for (size_t i = ls; i < off;) {
        int u;
        i += u8len(t + i, len - i, &u);
        p.character += u;
    }
    return p;
}

uint32_t lsp_offset_of(const char *text, size_t len, lsp_pos p)
{
    size_t i = 0;
    for (long l = 0; l < p.line && i < len; l++) {      /* past p.line newlines */
        const char *nl = memchr(text + i, '\n', len - i);
        i = nl ? (size_t)(nl - text) + 1 : len;
    }
    const unsigned char *t = (const unsigned char *)text;
    long ch = 0;
    while (i < len && text[i] != '\n' && ch < p.character) {
        int u;
        i += u8len(t + i, len - i, &u);
        ch += u;
    }
    return (uint32_t)i;
}

json_t *lsp_range_json(const char *text, size_t len, uint32_t b, uint32_t e)
{
    lsp_pos s = lsp_pos_of(text, len, b), f = lsp_pos_of(text, len, e < b ? b : e);
    return json_pack("{s:{s:I,s:I},s:{s:I,s:I}}", "start", "line", (json_int_t)s.line, "character", (json_int_t)s.character,
                     "end", "line", (json_int_t)f.line, "character", (json_int_t)f.character);
}

int lsp_params_pos(json_t *params, lsp_pos *p)
{
    json_t *pos = json_object_get(params, "position");
    json_t *l = json_object_get(pos, "line"), *c = json_object_get(pos, "character");
    if (!json_is_integer(l) || !json_is_integer(c) || json_integer_value(l) < 0 || json_integer_value(c) < 0) return 0;
    p->line = (long)json_integer_value(l);
    p->character = (long)json_integer_value(c);
    return 1;
}

static int unreserved(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
}

char *lsp_uri_of_path(const char *path)
{
    char real[PATH_MAX], cwd[PATH_MAX];
    const char *p = path;
    if (realpath(path, real)) p = real;
    else if (path[0] != '/' && getcwd(cwd, sizeof cwd)) {
        size_t n = strlen(cwd);
        if (n + 1 + strlen(path) < sizeof real) { memcpy(real, cwd, n); real[n] = '/'; strcpy(real + n + 1, path); p = real; }
    }
    strbuf b;
    sb_init(&b);
    sb_puts(&b, "file://");
    for (; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (unreserved(c)) sb_putc(&b, (char)c);
        else sb_printf(&b, "%%%02X", c);
    }
    char *r = xstrdup(sb_cstr(&b));
    sb_free(&b);
    return r;
}

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

char *lsp_path_of_uri(const char *uri)
{
    const char *p = uri;
    if (!strncmp(p, "file://", 7)) {
        p += 7;
        if (!strncmp(p, "localhost/", 10)) p += 9;
    } else {
        const char *slash = strrchr(uri, '/'), *colon = strchr(uri, ':');
        p = slash ? slash + 1 : colon ? colon + 1 : uri;
    }
    char *r = xmalloc(strlen(p) + 1), *o = r;
    for (; *p; p++) {
        if (*p == '%' && hexval(p[1]) >= 0 && hexval(p[2]) >= 0 && (hexval(p[1]) || hexval(p[2]))) {
            *o++ = (char)(hexval(p[1]) * 16 + hexval(p[2]));
            p += 2;
        } else {
            *o++ = *p;
        }
    }
    *o = 0;
    return r;
}

json_t *lsp_jstrn(const char *s, size_t n)
{
    size_t bad;
    if (utf8_valid(s, n, &bad)) return json_stringn(s, n);
    strbuf b;
    sb_init(&b);
    const unsigned char *t = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        size_t k = n - i;
        if (utf8_valid(s + i, k > 4 ? 1 : k, &bad) || t[i] < 0x80) { sb_putc(&b, s[i]); i++; continue; }
        int u;
        size_t m = u8len(t + i, n - i, &u);
        if (m > 1 && utf8_valid(s + i, m, &bad)) { sb_add(&b, s + i, m); i += m; continue; }
        sb_puts(&b, "\xEF\xBF\xBD");
        i++;
    }
    json_t *j = json_stringn(b.data ? b.data : "", b.len);
    sb_free(&b);
    return j ? j : json_string("");
}

json_t *lsp_jstr(const char *s) { return lsp_jstrn(s ? s : "", s ? strlen(s) : 0); }

void lsp_context(const char *text, size_t len, uint32_t off, lsp_ctx *cx)
{
    memset(cx, 0, sizeof *cx);
    size_t upto = off < len ? off : len;
    while (upto < len && text[upto] != '\n') upto++;
    tokens_scan(text, upto, &cx->tl);
    cx->at = cx->before = -1;
    cx->section = SEC_NONE;
    int depth = 0;
    section_t sec = SEC_NONE;
    int in_test = 0;
    int plat = 0;          /* inside `platform NAME { ... }`: its sections are one level down */
    long stmt = 0;
    for (size_t i = 0; i < cx->tl.n; i++) {
        const tok *t = &cx->tl.v[i];
        if (t->start > off || (t->start == off && t->kind == TK_PUNCT)) break;
        int open_str = t->kind == TK_STRING && (t->end - t->start < 2 || text[t->end - 1] != '"');
        if (off < t->end || (off == t->end && (t->kind == TK_WORD || t->kind == TK_COMMENT || open_str))) {
            cx->at = (long)i;
            break;
        }
        cx->before = (long)i;
        if (t->kind == TK_PUNCT) {
            char c = text[t->start];
            if (c == '{') {
                if (depth == plat && i > 0) {
                    const tok *k = &cx->tl.v[stmt];
                    char w[16];
                    size_t n = k->end - k->start;
                    if (k->kind == TK_WORD && n < sizeof w) {
                        memcpy(w, text + k->start, n);
                        w[n] = 0;
                        sec = section_from_name(w);
                        in_test = !strcmp(w, "test");
                        if (depth == 0 && !strcmp(w, "platform")) plat = 1;
                    }
                }
                depth++;
                stmt = (long)i + 1;
            } else if (c == '}') {
                if (depth) depth--;
                if (depth <= plat) { sec = SEC_NONE; in_test = 0; }
                if (!depth) plat = 0;
                stmt = (long)i + 1;
            } else if (c == ';') {
                stmt = (long)i + 1;
            }
        } else if (t->kind == TK_COMMENT && stmt == (long)i) {
            stmt = (long)i + 1;
        }
    }
    cx->stmt = stmt;
    if (plat) depth--;     /* a platform block's sections are read as at the top */
    cx->section = depth ? sec : SEC_NONE;
    cx->in_test = depth ? in_test : 0;
    cx->depth = depth;
}

size_t lsp_stmt_words(const lsp_ctx *cx, const char *text, long end, const char **w, size_t max, arena *a)
{
    size_t n = 0;
    for (long i = cx->stmt; i < end && i < (long)cx->tl.n && n < max; i++) {
        const tok *t = &cx->tl.v[i];
        if (t->kind == TK_COMMENT) continue;
        if (t->kind == TK_WORD) w[n++] = arena_strndup(a, text + t->start, t->end - t->start);
        else if (t->kind == TK_STRING) w[n++] = "\"";
        else w[n++] = arena_strndup(a, text + t->start, 1);
    }
    return n;
}

char *lsp_string_value(arena *a, const char *text, const tok *t)
{
    const char *p = text + t->start + 1, *e = text + t->end;
    if (e > p && e[-1] == '"') e--;
    char *r = arena_alloc(a, (size_t)(e - p) + 1), *o = r;
    while (p < e) {
        if (*p == '\\' && p + 1 < e) {
            char c = p[1];
            if (c == 'n') { *o++ = '\n'; p += 2; continue; }
            if (c == 't') { *o++ = '\t'; p += 2; continue; }
            if (c == 'x' && p + 3 < e && hexval(p[2]) >= 0 && hexval(p[3]) >= 0) {
                *o++ = (char)(hexval(p[2]) * 16 + hexval(p[3]));
                p += 4;
                continue;
            }
            *o++ = c;
            p += 2;
            continue;
        }
        *o++ = *p++;
    }
    *o = 0;
    return r;
}
