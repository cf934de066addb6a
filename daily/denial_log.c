/* denial_log.c - reading sandbox denials out of unified-log text and JSON. */
#include "denial_log.h"
#include "../support/strbuf.h"
#include "../support/arena.h"
#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <string.h>

static const char *find(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    const char *e = s + n;
    while ((size_t)(e - s) >= k) {
        const char *p = memchr(s, needle[0], (size_t)(e - s) - k + 1);
        if (!p) return NULL;
        if (!memcmp(p, needle, k)) return p;
        s = p + 1;
    }
    return NULL;
}

/* The end of the last "Sandbox:" or "System Policy:" marker before lim. */
static const char *marker_end(const char *s, const char *lim)
{
    static const char *const markers[] = { "Sandbox:", "System Policy:" };
    const char *best = NULL;
    for (size_t i = 0; i < sizeof markers / sizeof markers[0]; i++) {
        const char *p = s;
        size_t k = strlen(markers[i]);
        const char *m;
        while ((m = find(p, (size_t)(lim - p), markers[i])) != NULL) {
            if (!best || m + k > best) best = m + k;
            p = m + 1;
        }
    }
    return best;
}

static int is_op_char(int c) { return isalnum(c) || c == '-' || c == '*' || c == '_'; }

/* "deny(N) " or "deny " starting at p (p < e); the operation's start, or NULL. */
static const char *after_deny(const char *p, const char *e)
{
    p += 4;
    if (p < e && *p == '(') {
        const char *q = p + 1;
        while (q < e && isdigit((unsigned char)*q)) q++;
        if (q == p + 1 || q >= e || *q != ')') return NULL;
        p = q + 1;
    }
    if (p < e && *p != ' ' && *p != '\t' && *p != '\r' && *p != '\n') return NULL;
    while (p < e && (*p == ' ' || *p == '\t')) p++;
    return p;
}

/* PROC(PID), or "N duplicate reports for PROC" (with or without a PID). */
static int read_process(const char *s, const char *e, denial *d)
{
    d->proc = s;
    d->proc_len = 0;
    d->pid = -1;
    d->repeat = 1;
    if (s == e) return 1;
    if (isdigit((unsigned char)*s)) {
        const char *q = s;
        unsigned long n = 0;
        while (q < e && isdigit((unsigned char)*q) && n < 100000000ul) n = n * 10 + (unsigned long)(*q++ - '0');
        static const char dup1[] = " duplicate reports for ", dup2[] = " duplicate report for ";
        size_t k1 = sizeof dup1 - 1, k2 = sizeof dup2 - 1;
        if ((size_t)(e - q) > k1 && memcmp(q, dup1, k1) == 0) { s = q + k1; d->repeat = n ? n : 1; }
        else if ((size_t)(e - q) > k2 && memcmp(q, dup2, k2) == 0) { s = q + k2; d->repeat = n ? n : 1; }
    }
    d->proc = s;
    if (e[-1] == ')') {
        const char *o = e - 1;
        while (o > s && o[-1] != '(') o--;
        if (o > s && o < e - 1) {
            const char *q = o;
            long pid = 0;
            while (q < e - 1 && isdigit((unsigned char)*q) && pid < 100000000l) pid = pid * 10 + (*q++ - '0');
            if (q == e - 1) { d->pid = pid; d->proc_len = (size_t)(o - 1 - s); return d->proc_len > 0; }
        }
    }
    for (const char *q = s; q < e; q++) if (*q == '(' || *q == ')') return 0;
    d->proc_len = (size_t)(e - s);
    return 1;
}

int denial_parse(const char *s, size_t n, denial *d, const char **why)
{
    const char *e = s + n;
    *why = NULL;
    const char *p = s;
    for (;;) {
        p = find(p, (size_t)(e - p), "deny");
        if (!p) return 0;
        if ((p == s || p[-1] == ' ' || p[-1] == ':') && after_deny(p, e)) break;
        p += 4;
    }
    const char *m = marker_end(s, p);
    if (!m) return 0;
    const char *ps = m, *pe = p;
    while (ps < pe && *ps == ' ') ps++;
    while (pe > ps && pe[-1] == ' ') pe--;
    if (!read_process(ps, pe, d)) { *why = "cannot read the process name and id before \"deny\""; return -1; }
    const char *op = after_deny(p, e);
    const char *q = op;
    while (q < e && is_op_char((unsigned char)*q)) q++;
    if (q == op) { *why = "no operation after \"deny\""; return -1; }
    if (q < e && *q != ' ' && *q != '\t' && *q != '\r' && *q != '\n') { *why = "the operation name has characters no operation has"; return -1; }
    d->op = op;
    d->op_len = (size_t)(q - op);
    while (q < e && (*q == ' ' || *q == '\t')) q++;
    const char *oe = e;
    while (oe > q && (oe[-1] == ' ' || oe[-1] == '\t' || oe[-1] == '\r' || oe[-1] == '\n')) oe--;
    d->obj = q;
    d->obj_len = (size_t)(oe - q);
    for (const char *c = q; c < oe; c++)
        if ((unsigned char)*c < 0x20) { *why = "a control character in the object"; return -1; }
    return 1;
}

/* ---- the stream ---- */

typedef struct reader {
    const denial_sink *sink;
    unsigned long line;
    /* JSON state across lines */
    int in_array, in_obj, in_str, esc, overflow;
    unsigned depth;
    unsigned long obj_line;
    strbuf obj;
} reader;

static void message(reader *r, const char *s, size_t n, unsigned long line, const char *shown, size_t shown_n)
{
    denial d;
    const char *why;
    int k = denial_parse(s, n, &d, &why);
    if (k == 1) r->sink->denial(r->sink->ctx, &d, line);
    else r->sink->unparsed(r->sink->ctx, line, shown, shown_n, k < 0 ? why : NULL);
}

static void json_entry(reader *r)
{
    const char *s = r->obj.data;
    size_t n = r->obj.len;
    char shown[201];
    size_t sn = n > 200 ? 200 : n;
    memcpy(shown, s, sn);
    shown[sn] = 0;
    for (size_t i = 0; i < sn; i++) if (shown[i] == '\n') shown[i] = ' ';
    if (r->overflow) { r->sink->unparsed(r->sink->ctx, r->obj_line, shown, sn, "a JSON entry larger than 4 MiB"); return; }
    /* an entry that does not say "deny" cannot be a denial: not worth parsing */
    if (!find(s, n, "deny")) { r->sink->unparsed(r->sink->ctx, r->obj_line, shown, sn, NULL); return; }
    json_error_t err;
    json_t *j = json_loadb(s, n, 0, &err);
    if (!j) {
        char why[260];
        snprintf(why, sizeof why, "invalid JSON: %s", err.text);
        r->sink->unparsed(r->sink->ctx, r->obj_line, shown, sn, why);
        return;
    }
    json_t *msg = json_is_object(j) ? json_object_get(j, "eventMessage") : NULL;
    if (!json_is_string(msg)) {
        r->sink->unparsed(r->sink->ctx, r->obj_line, shown, sn, json_is_object(j) ? NULL : "a JSON value that is not an object");
    } else {
        const char *t = json_string_value(msg);
        size_t tn = json_string_length(msg);
        message(r, t, tn, r->obj_line, t, tn);
    }
    json_decref(j);
}

static void json_char(reader *r, char c)
{
    if (!r->overflow) {
        if (r->obj.len >= DENIAL_MAX_OBJECT) r->overflow = 1;
        else sb_putc(&r->obj, c);
    }
    if (r->in_str) {
        if (r->esc) r->esc = 0;
        else if (c == '\\') r->esc = 1;
        else if (c == '"') r->in_str = 0;
    } else if (c == '"') r->in_str = 1;
    else if (c == '{' || c == '[') r->depth++;
    else if ((c == '}' || c == ']') && --r->depth == 0) {
        json_entry(r);
        r->in_obj = 0;
    }
}

/* JSON text from s: entries of an array, or objects one after another. */
static void json_line(reader *r, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (r->in_obj) { json_char(r, c); continue; }
        if (c == ' ' || c == '\t' || c == '\r' || c == ',') continue;
        if (c == '[' && !r->in_array) { r->in_array = 1; continue; }
        if (c == ']' && r->in_array) { r->in_array = 0; continue; }
        if (c == '{') {
            r->in_obj = 1;
            r->in_str = r->esc = r->overflow = 0;
            r->depth = 0;
            r->obj_line = r->line;
            sb_reset(&r->obj);
            json_char(r, c);
            continue;
        }
        r->sink->unparsed(r->sink->ctx, r->line, s + i, n - i, "text where a JSON entry should be");
        r->in_array = 0;
        return;
    }
    if (!r->in_obj) return;
    if (r->in_array) { json_char(r, '\n'); return; }
    /* outside an array entries are one per line (ndjson) */
    r->in_obj = 0;
    size_t sn = r->obj.len > 200 ? 200 : r->obj.len;
    char shown[201];
    memcpy(shown, r->obj.data, sn);
    shown[sn] = 0;
    r->sink->unparsed(r->sink->ctx, r->obj_line, shown, sn, "a JSON entry that does not end on its line");
}

static void one_line(reader *r, char *s, size_t n)
{
    r->line++;
    if (n && s[n - 1] == '\r') n--;
    s[n] = 0;
    if (r->in_obj || r->in_array) { json_line(r, s, n); return; }
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
    if (i == n) return;
    if (s[i] == '{' || s[i] == '[') { json_line(r, s + i, n - i); return; }
    message(r, s, n, r->line, s, n);
}

int denial_log_read(FILE *f, const denial_sink *sink)
{
    reader r;
    memset(&r, 0, sizeof r);
    r.sink = sink;
    sb_init(&r.obj);
    size_t cap = DENIAL_MAX_LINE + 65536;
    char *buf = xmalloc(cap + 1);
    size_t start = 0, end = 0;
    int eof = 0, skipping = 0, rc = 0;
    for (;;) {
        char *nl = start < end ? memchr(buf + start, '\n', end - start) : NULL;
        if (nl) {
            size_t n = (size_t)(nl - (buf + start));
            if (skipping) { skipping = 0; start += n + 1; continue; }
            one_line(&r, buf + start, n);
            start += n + 1;
            continue;
        }
        if (eof) {
            if (end > start && !skipping) one_line(&r, buf + start, end - start);
            break;
        }
        if (end - start >= DENIAL_MAX_LINE) {
            if (!skipping) {
                r.line++;
                buf[start + 200] = 0;
                sink->unparsed(sink->ctx, r.line, buf + start, 200, "a line longer than 1 MiB");
                skipping = 1;
            }
            start = end = 0;
        }
        if (start > 0) {
            memmove(buf, buf + start, end - start);
            end -= start;
            start = 0;
        }
        size_t got = fread(buf + end, 1, cap - end, f);
        end += got;
        if (got == 0) {
            if (ferror(f)) { rc = -1; break; }
            eof = 1;
        }
    }
    if (r.in_obj && rc == 0) {
        char shown[201];
        size_t sn = r.obj.len > 200 ? 200 : r.obj.len;
        memcpy(shown, r.obj.data ? r.obj.data : "", sn);
        shown[sn] = 0;
        for (size_t i = 0; i < sn; i++) if (shown[i] == '\n') shown[i] = ' ';
        sink->unparsed(sink->ctx, r.obj_line, shown, sn, "a JSON entry that is not closed before the end");
    }
    int e = errno;
    free(buf);
    sb_free(&r.obj);
    errno = e;
    return rc;
}
