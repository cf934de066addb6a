/* denial_log.c - reading sandbox denials out of unified-log text and JSON. */
#include "denial_log.h"
#include "denial_landlock.h"
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
    d->landlock = 0;
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
    if (d->obj_len > DENIAL_MAX_PATH && *q == '/') { *why = "a path longer than any the kernel logs (4095 bytes)"; return -1; }
    for (const char *c = q; c < oe; c++)
        if ((unsigned char)*c < 0x20) { *why = "a control character in the object"; return -1; }
    return 1;
}

/* ---- the stream ---- */

typedef struct reader {
    const denial_sink *sink;
    unsigned long line;
    /* JSON state across lines */
    int in_array, in_obj, in_str, overflow;
    int want_key;             /* depth 1, after '{' or ',': the next string is a member name */
    int msg_next;             /* depth 1, after "eventMessage": the next value is the message */
    unsigned depth;
    unsigned long obj_line;
    size_t tok_start;         /* offset in obj of the string being read */
    size_t key_start, key_end;
    size_t msg_start, msg_end;  /* the eventMessage string token, quotes included */
    int has_msg;
    strbuf obj;
    /* Landlock: the access records of the current audit event, given out
     * when the event ends (its SYSCALL record names the process) */
    ll_record *rec;           /* scratch for one line */
    struct ll_pending { const char *op; char *obj; unsigned long line; } *pend;
    size_t npend;
    char event[96];
    char comm[64];
    long pid;
} reader;

#define LL_PENDING_MAX 16

static void ll_flush(reader *r)
{
    for (size_t i = 0; i < r->npend; i++) {
        denial d = { r->comm, strlen(r->comm), r->pid, r->pend[i].op, strlen(r->pend[i].op), r->pend[i].obj,
                     strlen(r->pend[i].obj), 1, 1 };
        r->sink->denial(r->sink->ctx, &d, r->pend[i].line);
        free(r->pend[i].obj);
    }
    r->npend = 0;
    r->event[0] = r->comm[0] = 0;
    r->pid = -1;
}

/* A line of the audit log: 1 when it was one (handled), 0 when not. */
static int ll_line(reader *r, const char *s, size_t n)
{
    const char *why;
    char whybuf[300];
    ll_record *rec = r->rec;
    int k = landlock_record_parse(s, n, rec, &why, whybuf, sizeof whybuf);
    if (k == 0) return 0;
    if (k < 0) { r->sink->unparsed(r->sink->ctx, r->line, s, n, why); return 1; }
    char ev[96];
    snprintf(ev, sizeof ev, "%.*s", (int)(rec->event_len < 95 ? rec->event_len : 95), rec->event);
    if (!ev[0] || strcmp(ev, r->event) || r->npend + rec->nops > LL_PENDING_MAX) ll_flush(r);
    if (rec->kind == 2) {
        if (ev[0]) {
            snprintf(r->event, sizeof r->event, "%s", ev);
            snprintf(r->comm, sizeof r->comm, "%.*s", (int)(rec->comm_len < 63 ? rec->comm_len : 63), rec->comm);
            r->pid = rec->pid;
        }
        r->sink->unparsed(r->sink->ctx, r->line, s, n, NULL);
        return 1;
    }
    snprintf(r->event, sizeof r->event, "%s", ev);
    for (size_t i = 0; i < rec->nops; i++) {
        r->pend[r->npend].op = rec->ops[i];
        size_t ol = strlen(rec->obj);
        r->pend[r->npend].obj = xmalloc(ol + 1);
        memcpy(r->pend[r->npend].obj, rec->obj, ol + 1);
        r->pend[r->npend].line = r->line;
        r->npend++;
    }
    if (!ev[0]) ll_flush(r);     /* no event id: nothing names the process */
    return 1;
}

static void message(reader *r, const char *s, size_t n, unsigned long line, const char *shown, size_t shown_n)
{
    denial d;
    const char *why;
    int k = denial_parse(s, n, &d, &why);
    if (k == 1) r->sink->denial(r->sink->ctx, &d, line);
    else r->sink->unparsed(r->sink->ctx, line, shown, shown_n, k < 0 ? why : NULL);
}

static void entry_unparsed(reader *r, const char *why)
{
    char shown[201];
    size_t sn = r->obj.len > 200 ? 200 : r->obj.len;
    memcpy(shown, r->obj.data ? r->obj.data : "", sn);
    shown[sn] = 0;
    for (size_t i = 0; i < sn; i++) if (shown[i] == '\n' || shown[i] == '\t') shown[i] = ' ';
    r->sink->unparsed(r->sink->ctx, r->obj_line, shown, sn, why);
}

/* One complete entry.  Its eventMessage member (a JSON string token found
 * while scanning) is decoded by jansson: escapes, \u sequences and UTF-8 are
 * the library's job.  An entry without one is no denial. */
static void json_entry(reader *r)
{
    if (r->overflow) { entry_unparsed(r, "a JSON entry larger than 4 MiB"); return; }
    if (!r->has_msg) { entry_unparsed(r, NULL); return; }
    const char *tok = r->obj.data + r->msg_start;
    size_t tn = r->msg_end - r->msg_start;
    /* a message that does not say "deny" cannot be a denial: not worth decoding */
    if (!find(tok, tn, "deny")) { entry_unparsed(r, NULL); return; }
    /* printable ASCII without a backslash is its own value: no decoding to do */
    size_t k = 1;
    while (k + 1 < tn && (unsigned char)tok[k] >= 0x20 && (unsigned char)tok[k] < 0x7f && tok[k] != '\\') k++;
    if (tn >= 2 && k == tn - 1) { message(r, tok + 1, tn - 2, r->obj_line, tok + 1, tn - 2); return; }
    json_error_t err;
    json_t *j = json_loadb(tok, tn, JSON_DECODE_ANY, &err);
    if (!j || !json_is_string(j)) {
        char why[260];
        snprintf(why, sizeof why, "the eventMessage is not a valid JSON string: %s", j ? "not a string" : err.text);
        json_decref(j);
        entry_unparsed(r, why);
        return;
    }
    const char *t = json_string_value(j);
    size_t n = json_string_length(j);
    message(r, t, n, r->obj_line, t, n);
    json_decref(j);
}

static void start_entry(reader *r)
{
    r->in_obj = 1;
    r->in_str = r->overflow = r->has_msg = r->msg_next = 0;
    r->want_key = 1;
    r->depth = 1;
    r->obj_line = r->line;
    sb_reset(&r->obj);
    sb_putc(&r->obj, '{');
}

static void keep(reader *r, const char *s, size_t n)
{
    if (r->overflow) return;
    if (r->obj.len + n > DENIAL_MAX_OBJECT) { r->overflow = 1; return; }
    sb_add(&r->obj, s, n);
}

/* Scans s (inside an entry) up to the entry's end; returns the bytes used. */
static size_t json_scan(reader *r, const char *s, size_t n)
{
    size_t base = r->obj.len, i = 0, used = 0;   /* obj offset of s[0] is base (while not overflowed) */
    for (; i < n; i++) {
        char c = s[i];
        if (r->in_str) {
            while (i < n && s[i] != '"' && s[i] != '\\') i++;
            if (i == n) break;
            if (s[i] == '\\') { i++; continue; }
            r->in_str = 0;
            if (r->depth != 1) continue;
            if (r->want_key == 1) { r->key_start = r->tok_start; r->key_end = base + i + 1; r->want_key = 2; }
            else if (r->msg_next) { r->msg_start = r->tok_start; r->msg_end = base + i + 1; r->msg_next = 0; r->has_msg = 1; }
            continue;
        }
        switch (c) {
        case '"': r->in_str = 1; r->tok_start = base + i; break;
        case '{': case '[': r->depth++; r->msg_next = 0; break;
        case '}': case ']':
            if (--r->depth == 0) {
                keep(r, s, i + 1);
                r->in_obj = 0;
                json_entry(r);
                return used + i + 1;
            }
            break;
        case ',': if (r->depth == 1) { r->want_key = 1; r->msg_next = 0; } break;
        case ':':
            if (r->depth == 1 && r->want_key == 2) {
                r->want_key = 0;
                keep(r, s, i);       /* the name is in obj now */
                s += i; n -= i; base += i; used += i; i = 0;
                const char *k = r->obj.data + r->key_start;
                size_t kl = r->key_end - r->key_start;
                r->msg_next = !r->overflow && kl == 14 && !memcmp(k, "\"eventMessage\"", 14);
            }
            break;
        case ' ': case '\t': case '\r': break;
        default: r->msg_next = 0; break;
        }
    }
    keep(r, s, n);
    return used + n;
}

/* JSON text from s: entries of an array, or objects one after another. */
static void json_line(reader *r, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (r->in_obj) { i += json_scan(r, s + i, n - i); continue; }
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == ',') { i++; continue; }
        if (c == '[' && !r->in_array) { r->in_array = 1; i++; continue; }
        if (c == ']' && r->in_array) { r->in_array = 0; i++; continue; }
        if (c == '{') { start_entry(r); i++; continue; }
        r->sink->unparsed(r->sink->ctx, r->line, s + i, n - i, "text where a JSON entry should be");
        r->in_array = 0;
        return;
    }
    if (!r->in_obj) return;
    if (r->in_array && !r->in_str) { keep(r, "\n", 1); return; }
    /* outside an array entries are one per line (ndjson); no string spans lines */
    r->in_obj = 0;
    entry_unparsed(r, r->in_str ? "a JSON string that does not end on its line" : "a JSON entry that does not end on its line");
}

/* "[   12.345678] " or "[Sun Dec  6 01:02:03 2026] ": the time dmesg puts
 * in front of a kernel line, not the start of a JSON array */
static int bracket_prefix(const char *s, size_t n)
{
    size_t i = 1;
    while (i < n && i < 64 && s[i] != ']') {
        if (s[i] == '{' || s[i] == '"' || s[i] == ',' || s[i] == '[') return 0;
        i++;
    }
    if (i >= n || s[i] != ']' || i == 1) return 0;
    for (size_t k = 1; k < i; k++) if (s[k] != ' ') return i + 1 < n && s[i + 1] == ' ';
    return 0;
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
    if (s[i] == '{' || (s[i] == '[' && !bracket_prefix(s + i, n - i))) { ll_flush(r); json_line(r, s + i, n - i); return; }
    if (ll_line(r, s, n)) return;
    message(r, s, n, r->line, s, n);
}

int denial_log_read(FILE *f, const denial_sink *sink)
{
    reader r;
    memset(&r, 0, sizeof r);
    r.sink = sink;
    sb_init(&r.obj);
    r.rec = xmalloc(sizeof *r.rec);
    r.pend = xcalloc(LL_PENDING_MAX, sizeof *r.pend);
    r.pid = -1;
    size_t cap = DENIAL_MAX_LINE + 65536;
    char *buf = xmalloc(cap + 1);
    size_t start = 0, end = 0;
    int eof = 0, skipping = 0, rc = 0;
    for (;;) {
        char *nl = start < end ? memchr(buf + start, '\n', end - start) : NULL;
        if (nl) {
            size_t n = (size_t)(nl - (buf + start));
            if (skipping) { skipping = 0; start += n + 1; continue; }
            if (n > DENIAL_MAX_LINE) {
                r.line++;
                sink->unparsed(sink->ctx, r.line, buf + start, 200, "a line longer than 1 MiB");
                start += n + 1;
                continue;
            }
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
    if (r.in_obj && rc == 0) entry_unparsed(&r, "a JSON entry that is not closed before the end");
    int e = errno;
    if (rc == 0) ll_flush(&r);
    for (size_t i = 0; i < r.npend; i++) free(r.pend[i].obj);
    free(r.pend);
    free(r.rec);
    free(buf);
    sb_free(&r.obj);
    errno = e;
    return rc;
}
