/* source.c - reading files and mapping offsets to lines and columns. */
#define _POSIX_C_SOURCE 200809L
#include "source.h"
#include "arena.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

source *source_new(const char *name, const char *path, char *text, size_t len)
{
    source *s = xcalloc(1, sizeof *s);
    text = xrealloc(text, len + 2);      /* the scanners read the text in place */
    text[len] = text[len + 1] = 0;
    s->name = xstrdup(name);
    s->path = xstrdup(path ? path : name);
    s->text = text;
    s->len = len;
    size_t cap = 64, n = 0;
    s->lines = xmalloc(cap * sizeof *s->lines);
    s->lines[n++] = 0;
    for (const char *p = text, *end = text + len; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++) {
        if (n == cap) { cap *= 2; s->lines = xrealloc(s->lines, cap * sizeof *s->lines); }
        s->lines[n++] = (uint32_t)(p - text + 1);
    }
    s->nlines = n;
    return s;
}

void source_free(source *s)
{
    if (!s) return;
    free(s->name);
    free(s->path);
    free(s->text);
    free(s->lines);
    free(s);
}

/* size_hint: the file's size when known (a regular file), else 0.  The
 * buffer starts one byte larger than the hint, so that a file that has not
 * changed is read into it whole and its end seen without growing it: no
 * copies, and no more memory touched than the text needs. */
static char *read_all(int fd, size_t size_hint, size_t *len, const char **err)
{
    size_t cap = size_hint ? size_hint + 1 : 8192, n = 0;
    char *buf = xmalloc(cap + 1);
    for (;;) {
        if (n == cap) {
            if (cap >= BUCKLE_MAX_FILE_SIZE) { free(buf); *err = "file is larger than 64 MiB"; return NULL; }
            cap *= 2;
            buf = xrealloc(buf, cap + 1);
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0) {
            if (errno == EINTR) continue;
            free(buf);
            *err = strerror(errno);
            return NULL;
        }
        if (r == 0) break;
        n += (size_t)r;
        if (n > BUCKLE_MAX_FILE_SIZE) { free(buf); *err = "file is larger than 64 MiB"; return NULL; }
    }
    buf[n] = 0;
    *len = n;
    return buf;
}

source *source_read(const char *name, const char *path, const char **err)
{
    int fd;
    size_t hint = 0;
    if (strcmp(path, "-") == 0) {
        fd = STDIN_FILENO;
    } else {
        fd = open(path, O_RDONLY | O_NOCTTY
#ifdef O_CLOEXEC
                  | O_CLOEXEC
#endif
                  | O_NONBLOCK);
        if (fd < 0) { *err = strerror(errno); return NULL; }
        struct stat st;
        if (fstat(fd, &st) != 0) { *err = strerror(errno); close(fd); return NULL; }
        if (S_ISDIR(st.st_mode)) { *err = "is a directory"; close(fd); return NULL; }
        if (!S_ISREG(st.st_mode)) { *err = "not a regular file"; close(fd); return NULL; }
        if ((unsigned long long)st.st_size > BUCKLE_MAX_FILE_SIZE) {
            *err = "file is larger than 64 MiB"; close(fd); return NULL;
        }
        hint = (size_t)st.st_size;
        int fl = fcntl(fd, F_GETFL);
        if (fl >= 0) fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    }
    size_t len = 0;
    char *text = read_all(fd, hint, &len, err);
    if (fd != STDIN_FILENO) close(fd);
    if (!text) return NULL;
    return source_new(name, path, text, len);
}

int source_is_binary(const source *s)
{
    size_t n = s->len < 8192 ? s->len : 8192;
    return n > 0 && memchr(s->text, 0, n) != NULL;
}

static size_t line_index(const source *s, uint32_t off)
{
    size_t lo = 0, hi = s->nlines;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (s->lines[mid] <= off) lo = mid; else hi = mid;
    }
    return lo;
}

source_pos source_position(const source *s, uint32_t off)
{
    if (off > s->len) off = (uint32_t)s->len;
    size_t li = line_index(s, off);
    uint32_t col = 1;
    for (uint32_t i = s->lines[li]; i < off; i++) {
        unsigned char c = (unsigned char)s->text[i];
        if ((c & 0xC0) != 0x80) col++;   /* count UTF-8 lead bytes only */
    }
    /* a BOM at the very start is not a column */
    if (li == 0 && s->len >= 3 && memcmp(s->text, "\xEF\xBB\xBF", 3) == 0 && off >= 3) col--;
    source_pos p = { (uint32_t)li + 1, col };
    return p;
}

uint32_t source_line_no(const source *s, uint32_t off, source_cursor *cur)
{
    if (off > s->len) off = (uint32_t)s->len;
    if (cur->s != s || off < cur->off) {
        cur->s = s;
        cur->off = off;
        cur->line = (uint32_t)line_index(s, off) + 1;
        return cur->line;
    }
    const char *p = s->text + cur->off, *end = s->text + off;
    while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) { cur->line++; p++; }
    cur->off = off;
    return cur->line;
}

const char *source_line(const source *s, uint32_t off, size_t *len)
{
    if (off > s->len) off = (uint32_t)s->len;
    size_t li = line_index(s, off);
    uint32_t b = s->lines[li], e = b;
    while (e < s->len && s->text[e] != '\n') e++;
    if (e > b && s->text[e - 1] == '\r') e--;
    if (li == 0 && e - b >= 3 && memcmp(s->text, "\xEF\xBB\xBF", 3) == 0) b += 3;
    *len = e - b;
    return s->text + b;
}
