/* rpc.c - the framing of rpc.h over read(2) and write(2). */
#include "rpc.h"
#include "lsp.h"
#include "../support/arena.h"
#include "../support/fd_io.h"
#include <ctype.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define HEADER_MAX 8192

void rpc_init(rpc_io *io, int in, int out)
{
    memset(io, 0, sizeof *io);
    io->in = in;
    io->out = out;
}

void rpc_free(rpc_io *io)
{
    free(io->buf);
    io->buf = NULL;
}

/* Reads more input; 0 at the end of input. */
static int fill(rpc_io *io)
{
    if (io->eof) return 0;
    if (io->pos == io->len) io->pos = io->len = 0;
    else if (io->pos > 0 && io->len == io->cap) {
        memmove(io->buf, io->buf + io->pos, io->len - io->pos);
        io->len -= io->pos;
        io->pos = 0;
    }
    if (io->len == io->cap) {
        io->cap = io->cap ? io->cap * 2 : 65536;
        io->buf = xrealloc(io->buf, io->cap);
    }
    for (;;) {
        ssize_t n = read(io->in, io->buf + io->len, io->cap - io->len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) { io->eof = 1; return 0; }
        io->len += (size_t)n;
        return 1;
    }
}

/* The end of the header block starting at pos (just past its blank line),
 * or 0 when not complete yet. */
static size_t header_end(const rpc_io *io)
{
    for (size_t i = io->pos; i < io->len; i++) {
        if (io->buf[i] != '\n') continue;
        if (i + 1 < io->len && io->buf[i + 1] == '\n') return i + 2;
        if (i + 2 < io->len && io->buf[i + 1] == '\r' && io->buf[i + 2] == '\n') return i + 3;
    }
    return 0;
}

/* Content-Length of the headers in [b, e): its value, -1 when missing or
 * not a number, -2 when larger than the limit (*big = the value). */
static long long content_length(const char *b, const char *e, unsigned long long *big)
{
    long long len = -1;
    while (b < e) {
        const char *nl = memchr(b, '\n', (size_t)(e - b));
        const char *le = nl ? nl : e;
        const char *colon = memchr(b, ':', (size_t)(le - b));
        if (colon && colon - b == 14 && !strncasecmp(b, "Content-Length", 14)) {
            const char *v = colon + 1;
            while (v < le && (*v == ' ' || *v == '\t')) v++;
            const char *ve = le;
            while (ve > v && (ve[-1] == '\r' || ve[-1] == ' ' || ve[-1] == '\t')) ve--;
            if (v == ve) return -1;
            unsigned long long n = 0;
            for (const char *p = v; p < ve; p++) {
                if (!isdigit((unsigned char)*p)) return -1;
                if (n > (1ull << 40)) return -1;
                n = n * 10 + (unsigned)(*p - '0');
            }
            if (n > LSP_MAX_MESSAGE) { *big = n; return -2; }
            len = (long long)n;
        }
        b = le + 1;
    }
    return len;
}

rpc_status rpc_read(rpc_io *io, json_t **msg, char *why, size_t whylen)
{
    *msg = NULL;
    size_t he;
    while (!(he = header_end(io))) {
        if (io->len - io->pos > HEADER_MAX) {
            /* no blank line in sight: drop what was read up to its last line */
            snprintf(why, whylen, "header block longer than %d bytes", HEADER_MAX);
            io->pos = io->len;
            return RPC_BAD_FRAME;
        }
        if (!fill(io)) {
            int junk = 0;
            for (size_t i = io->pos; i < io->len; i++) if (!isspace((unsigned char)io->buf[i])) junk = 1;
            if (junk) {
                snprintf(why, whylen, "the input ended inside a header block");
                io->pos = io->len;
                return RPC_BAD_FRAME;
            }
            return RPC_EOF;
        }
    }
    unsigned long long big = 0;
    long long n = content_length(io->buf + io->pos, io->buf + he, &big);
    io->pos = he;
    if (n == -1) {
        snprintf(why, whylen, "missing or invalid Content-Length header");
        return RPC_BAD_FRAME;
    }
    if (n == -2) {
        /* read and drop the body, a buffer at a time */
        unsigned long long left = big;
        while (left) {
            if (io->pos == io->len && !fill(io)) break;
            size_t take = io->len - io->pos;
            if (take > left) take = (size_t)left;
            io->pos += take;
            left -= take;
        }
        snprintf(why, whylen, "message of %llu bytes is larger than the server's limit of %u bytes", big, LSP_MAX_MESSAGE);
        return RPC_TOO_LARGE;
    }
    while (io->len - io->pos < (size_t)n) {
        if (!fill(io)) {
            snprintf(why, whylen, "the input ended inside a message body (%lld bytes announced, %zu read)",
                     n, io->len - io->pos);
            io->pos = io->len;
            return RPC_BAD_FRAME;
        }
    }
    json_error_t err;
    json_t *j = json_loadb(io->buf + io->pos, (size_t)n, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &err);
    io->pos += (size_t)n;
    if (!j) {
        snprintf(why, whylen, "invalid JSON at byte %d: %s", err.position, err.text);
        return RPC_BAD_JSON;
    }
    *msg = j;
    return RPC_MSG;
}

int rpc_pending(rpc_io *io)
{
    for (size_t i = io->pos; i < io->len; i++)
        if (io->buf[i] != '\r' && io->buf[i] != '\n') return 1;
    if (io->eof) return 0;
    struct pollfd p = { io->in, POLLIN, 0 };
    return poll(&p, 1, 0) > 0 && (p.revents & (POLLIN | POLLHUP));
}

int rpc_send(rpc_io *io, json_t *msg)
{
    json_object_set_new(msg, "jsonrpc", json_string("2.0"));
    char *body = json_dumps(msg, JSON_COMPACT | JSON_ENSURE_ASCII);
    json_decref(msg);
    if (!body) return -1;
    size_t n = strlen(body);
    char head[64];
    int hn = snprintf(head, sizeof head, "Content-Length: %zu\r\n\r\n", n);
    int rc = io->out_failed || fd_write_all(io->out, head, (size_t)hn) || fd_write_all(io->out, body, n) ? -1 : 0;
    if (rc) io->out_failed = 1;
    free(body);
    return rc;
}

int rpc_result(rpc_io *io, json_t *id, json_t *result)
{
    json_t *m = json_object();
    json_object_set(m, "id", id ? id : json_null());
    json_object_set_new(m, "result", result ? result : json_null());
    return rpc_send(io, m);
}

int rpc_error(rpc_io *io, json_t *id, int code, const char *text)
{
    json_t *m = json_object();
    json_object_set(m, "id", id ? id : json_null());
    json_t *t = json_string(text);
    if (!t) {
        /* not UTF-8 (a quoted method name cut short, say): bytes over 0x7f become '?' */
        char *c = xstrdup(text);
        for (char *p = c; *p; p++) if ((unsigned char)*p >= 0x80) *p = '?';
        t = json_string(c);
        free(c);
    }
    json_object_set_new(m, "error", json_pack("{s:i,s:o}", "code", code, "message", t));
    return rpc_send(io, m);
}

int rpc_notify(rpc_io *io, const char *method, json_t *params)
{
    json_t *m = json_object();
    json_object_set_new(m, "method", json_string(method));
    json_object_set_new(m, "params", params);
    return rpc_send(io, m);
}
